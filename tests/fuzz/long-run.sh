#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The long fuzzing run: builds the harnesses (build.sh), then runs all of them at once,
# niced, for SECONDS each (default 900) over a copy of their seed corpus, and prints each
# one's figures: executions, executions per second, coverage (edges and features), corpus
# size, peak memory, crashes and slow inputs (kept in WORKDIR/HARNESS/artifacts; a crash,
# leak, timeout or out-of-memory fails the run; a slow input is only counted).
#
#   tests/fuzz/long-run.sh [SECONDS] [WORKDIR]
set -uo pipefail

here=$(cd "$(dirname "$0")" && pwd)
seconds=${1:-900}
work=${2:-$(mktemp -d "${TMPDIR:-/tmp}/gendan-fuzz-long-XXXXXX")}
harnesses=(csv-reader parse import)

"$here/build.sh" "$work/bin" || exit $?

for h in "${harnesses[@]}"; do
  mkdir -p "$work/$h/corpus" "$work/$h/artifacts"
  cp -n "$here/corpus/$h/"* "$work/$h/corpus/"
  (cd "$work/$h" &&
   nice -n 10 "$work/bin/fuzz-$h" -max_total_time="$seconds" -print_final_stats=1 \
     -max_len=65536 -timeout=30 -rss_limit_mb=4096 -artifact_prefix=artifacts/ corpus \
     > log.txt 2>&1; echo $? > status) &
done
wait

failed=0
for h in "${harnesses[@]}"; do
  log="$work/$h/log.txt"
  last=$(grep -E '^#[0-9]+' "$log" | tail -n 1)
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
  speed=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log")
  rss=$(sed -n 's/^stat::peak_rss_mb: *//p' "$log")
  cov=$(sed -n 's/.* cov: \([0-9]*\) ft: \([0-9]*\) corp: \([0-9]*\).*/edges \1, features \2, corpus \3/p' <<< "$last")
  crashes=$(find "$work/$h/artifacts" -type f \( -name 'crash-*' -o -name 'leak-*' -o \
               -name 'timeout-*' -o -name 'oom-*' \) | wc -l)
  slow=$(find "$work/$h/artifacts" -type f -name 'slow-unit-*' | wc -l)
  echo "fuzz-$h: ${seconds}s, ${execs:-?} executions (${speed:-?}/s), $cov," \
       "peak ${rss:-?} MB, $crashes crashes, $slow slow inputs, exit $(cat "$work/$h/status")"
  if [ "$crashes" -gt 0 ] || [ "$(cat "$work/$h/status")" != 0 ]; then
    failed=1
    grep -E 'ERROR|runtime error|SUMMARY' "$log" | head -n 5
  fi
done
echo "work folder: $work"
exit $failed

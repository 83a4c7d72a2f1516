#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs one fuzz harness for a while over its seed corpus (the regression inputs included),
# as a test of the suite or as the long run of tests/fuzz/README.md.
#
#   tests/fuzz/run.sh HARNESS_BINARY SEED_DIR [SECONDS]
#
# New inputs go to a temporary folder, never into SEED_DIR; a crash is kept in
# $FUZZ_ARTIFACTS (default: the current folder) and fails the run. Exit 77 (skipped) when
# the harness was not built because clang or its libFuzzer runtime is missing.
set -uo pipefail

harness=$1
seeds=$2
seconds=${3:-${FUZZ_SECONDS:-20}}

if [ ! -x "$harness" ]; then
  echo "1..0 # SKIP $(basename "$harness") was not built: clang with libFuzzer is not installed" \
       "(apt install clang-14 libclang-rt-14-dev, or see build-aux/deps.sh test)"
  exit 77
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/gendan-fuzz-XXXXXX")
trap 'rm -rf "$work"' EXIT
artifacts=${FUZZ_ARTIFACTS:-$PWD}

"$harness" -max_total_time="$seconds" -print_final_stats=1 -max_len=65536 -timeout=30 \
  -rss_limit_mb=4096 -artifact_prefix="$artifacts/$(basename "$harness")-" "$work" "$seeds" \
  > "$work/log" 2>&1
status=$?
grep -E '^(INFO: seed corpus|#[0-9]+[[:space:]]+(INITED|DONE))|^stat::(number_of_executed_units|average_exec_per_sec|peak_rss_mb)|^Done|ERROR|runtime error|SUMMARY' \
  "$work/log" | head -n 40
if [ $status -ne 0 ]; then
  echo "--- the harness failed (exit $status); the end of its log:"
  tail -n 60 "$work/log"
fi
exit $status

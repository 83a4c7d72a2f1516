/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <json-glib/json-glib.h>
#include <math.h>
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
#include "gdn-validation-error.h"

/* Every entity goes through the same store; these tests walk each one's field table, so
 * a field added later is covered without touching them. */

static guint serial;


static void
unset_field (GdnRecord *r,
             guint      index)
{
  const GdnField *f = &gdn_record_class_get_fields (GDN_RECORD_GET_CLASS (r), NULL)[index];
  g_auto(GValue) v = G_VALUE_INIT;

  switch (f->type)
    {
    case GDN_FIELD_INT:
      g_value_init (&v, G_TYPE_INT64);
      g_value_set_int64 (&v, -1);
      break;
    case GDN_FIELD_REF:
      g_value_init (&v, G_TYPE_INT64);
      g_value_set_int64 (&v, 0);
      break;
    case GDN_FIELD_REAL:
      g_value_init (&v, G_TYPE_DOUBLE);
      g_value_set_double (&v, NAN);
      break;
    case GDN_FIELD_BOOL:
      g_value_init (&v, G_TYPE_BOOLEAN);
      break;
    default:
      g_value_init (&v, G_TYPE_STRING);
      break;
    }
  gdn_record_set_value_at (r, index, &v);
}

static gint64
count_rows (GdnStore   *store,
            const char *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", table);
  return gdn_test_count (store, sql);
}

static void
assert_same_fields (GdnRecord *a,
                    GdnRecord *b)
{
  guint n_fields;
  const GdnField *fields = gdn_record_class_get_fields (GDN_RECORD_GET_CLASS (a), &n_fields);

  for (guint i = 0; i < n_fields; i++)
    {
      g_autofree char *x = NULL;
      g_autofree char *y = NULL;

      if (fields[i].flags & GDN_FIELD_DERIVED)
        continue;
      x = gdn_record_format_at (a, i);
      y = gdn_record_format_at (b, i);
      if (g_strcmp0 (x, y) != 0)
        g_error ("%s.%s: “%s” != “%s”", G_OBJECT_TYPE_NAME (a), fields[i].name, x, y);
    }
}

static const char *
unique_text_field (GType type)
{
  if (type == GDN_TYPE_CUSTOMER || type == GDN_TYPE_PRODUCT)
    return "code";
  if (type == GDN_TYPE_ORDER)
    return "order_no";
  if (type == GDN_TYPE_CASE)
    return "case_no";
  if (type == GDN_TYPE_CONTRACT)
    return "contract_no";
  return NULL;
}

static void
test_crud_every_kind (void)
{
  g_autoptr(GdnStore) store = gdn_test_open_store ();

  for (guint t = 0; gdn_test_entity_type (t) != G_TYPE_INVALID; t++)
    {
      GType type = gdn_test_entity_type (t);
      g_autoptr(GdnRecord) r = gdn_test_insert_valid_record (store, type);
      g_autoptr(GdnRecord) got = NULL;
      g_autoptr(GdnRecord) again = NULL;
      g_autoptr(GError) error = NULL;
      GdnRecordClass *klass = GDN_RECORD_GET_CLASS (r);
      const GdnField *fields = gdn_record_class_get_fields (klass, NULL);
      const char *key = unique_text_field (type);
      gint64 version;
      int text_field = -1;

      g_test_message ("%s", G_OBJECT_TYPE_NAME (r));
      g_assert_cmpint (gdn_record_get_id (r), >, 0);

      got = gdn_store_get (store, type, gdn_record_get_id (r), &error);
      g_assert_no_error (error);
      assert_same_fields (r, got);
      version = gdn_record_get_version (got);

      /* change one free text field and read it back */
      for (guint i = 0; i < klass->n_fields && text_field < 0; i++)
        if (fields[i].type == GDN_FIELD_TEXT && !(fields[i].flags & GDN_FIELD_DERIVED) &&
            g_strcmp0 (fields[i].name, key) != 0)
          text_field = (int) i;
      g_assert_cmpint (text_field, >=, 0);
      gdn_record_set_string (got, fields[text_field].name, "已改：交期顺延至三月底");
      gdn_store_update (store, got, &error);
      g_assert_no_error (error);

      again = gdn_store_get (store, type, gdn_record_get_id (r), &error);
      g_assert_no_error (error);
      g_assert_cmpstr (gdn_record_get_string (again, fields[text_field].name), ==,
                       "已改：交期顺延至三月底");
      if (!klass->plain)
        g_assert_cmpint (gdn_record_get_version (again), ==, version + 1);
      assert_same_fields (got, again);

      if (key != NULL)
        {
          g_autoptr(GdnRecord) found =
            gdn_store_find (store, type, key, gdn_record_get_string (r, key), &error);
          g_autoptr(GdnRecord) missing =
            gdn_store_find (store, type, key, "不存在-0000", &error);

          g_assert_no_error (error);
          g_assert_nonnull (found);
          g_assert_cmpint (gdn_record_get_id (found), ==, gdn_record_get_id (r));
          g_assert_null (missing);
        }
    }
}

static void
test_insert_minimal_order_gets_defaults (void)
{
  g_autoptr(GdnStore) store = gdn_test_open_store ();
  g_autoptr(GdnRecord) customer = gdn_test_insert_valid_record (store, GDN_TYPE_CUSTOMER);
  g_autoptr(GdnOrder) order = gdn_order_new ();
  GdnRecord *r = GDN_RECORD (order);
  g_autoptr(GError) error = NULL;

  /* only what a person must enter: the database fills in the rest */
  gdn_record_set_string (r, "order_no", "SO-20260305-001");
  gdn_record_set_int (r, "customer_id", gdn_record_get_id (customer));
  gdn_record_set_string (r, "type", "urgent");
  gdn_record_set_string (r, "status", "inquiry");
  gdn_record_set_string (r, "created_date", "2026-03-05");
  gdn_store_insert (store, r, &error);
  g_assert_no_error (error);

  g_assert_cmpint (gdn_record_get_int (r, "progress"), ==, 0);
  g_assert_cmpint (gdn_record_get_int (r, "n_lines"), ==, 0);
  g_assert_cmpfloat (gdn_record_get_double (r, "amount"), ==, 0.0);
  g_assert_cmpstr (gdn_record_get_string (r, "currency"), ==, "CNY");
  g_assert_cmpstr (gdn_record_get_string (r, "customer_name"), ==,
                   gdn_record_get_string (customer, "name"));
}

static void
assert_refused (GdnStore           *store,
                GdnRecord          *r,
                GdnValidationError  code,
                const char         *field)
{
  g_autoptr(GError) error = NULL;
  const char *table = gdn_record_class_get_table (GDN_RECORD_GET_CLASS (r));
  gint64 rows = count_rows (store, table);
  gint64 audits = count_rows (store, "audit_log");

  g_assert_false (gdn_store_insert (store, r, &error));
  g_assert_error (error, GDN_VALIDATION_ERROR, (int) code);
  g_assert_cmpstr (gdn_validation_error_get_field (error), ==, field);
  g_assert_cmpuint (strlen (error->message), >, 0);
  g_assert_cmpint (gdn_record_get_id (r), ==, 0);
  g_assert_cmpint (count_rows (store, table), ==, rows);
  g_assert_cmpint (count_rows (store, "audit_log"), ==, audits);
}

static void
test_validation_every_field (void)
{
  g_autoptr(GdnStore) store = gdn_test_open_store ();
  guint n_checks = 0;

  for (guint t = 0; gdn_test_entity_type (t) != G_TYPE_INVALID; t++)
    {
      GType type = gdn_test_entity_type (t);
      g_autoptr(GdnRecordClass) klass = g_type_class_ref (type);
      guint n_fields;
      const GdnField *fields = gdn_record_class_get_fields (klass, &n_fields);

      for (guint i = 0; i < n_fields; i++)
        {
          const GdnField *f = &fields[i];

          if (f->flags & GDN_FIELD_DERIVED)
            continue;

          if (f->flags & GDN_FIELD_REQUIRED)
            {
              g_autoptr(GdnRecord) r = gdn_test_make_valid_record (store, type);
              unset_field (r, i);
              assert_refused (store, r, GDN_VALIDATION_ERROR_REQUIRED, f->name);
              n_checks++;
            }

          switch (f->type)
            {
            case GDN_FIELD_DATE:
              {
                g_autoptr(GdnRecord) r = gdn_test_make_valid_record (store, type);
                gdn_record_set_string (r, f->name, "2026-02-30");
                assert_refused (store, r, GDN_VALIDATION_ERROR_INVALID, f->name);
                g_clear_object (&r);
                r = gdn_test_make_valid_record (store, type);
                gdn_record_set_string (r, f->name, "2026/03/05");
                assert_refused (store, r, GDN_VALIDATION_ERROR_INVALID, f->name);
                n_checks += 2;
              }
              break;
            case GDN_FIELD_DATETIME:
              {
                g_autoptr(GdnRecord) r = gdn_test_make_valid_record (store, type);
                gdn_record_set_string (r, f->name, "2026-02-28 24:00:00");
                assert_refused (store, r, GDN_VALIDATION_ERROR_INVALID, f->name);
                n_checks++;
              }
              break;
            case GDN_FIELD_ENUM:
              {
                g_autoptr(GdnRecord) r = gdn_test_make_valid_record (store, type);
                gdn_record_set_string (r, f->name, "已付款'); --");
                assert_refused (store, r, GDN_VALIDATION_ERROR_INVALID, f->name);
                n_checks++;
              }
              break;
            case GDN_FIELD_REF:
              {
                g_autoptr(GdnRecord) r = gdn_test_make_valid_record (store, type);
                gdn_record_set_int (r, f->name, 987654);
                assert_refused (store, r, GDN_VALIDATION_ERROR_NOT_FOUND, f->name);
                n_checks++;
              }
              break;
            case GDN_FIELD_INT:
            case GDN_FIELD_REAL:
              if (f->min < f->max)
                {
                  g_autoptr(GdnRecord) above = gdn_test_make_valid_record (store, type);
                  if (f->type == GDN_FIELD_INT)
                    gdn_record_set_int (above, f->name, (gint64) f->max + 1);
                  else
                    gdn_record_set_double (above, f->name, f->max * 1.5);
                  assert_refused (store, above, GDN_VALIDATION_ERROR_INVALID, f->name);
                  n_checks++;

                  /* below the minimum: an INT of -1 means "not set", so only when that
                   * is not what the value would be */
                  if (f->type == GDN_FIELD_REAL || f->min >= 1)
                    {
                      g_autoptr(GdnRecord) below = gdn_test_make_valid_record (store, type);
                      if (f->type == GDN_FIELD_INT)
                        gdn_record_set_int (below, f->name, (gint64) f->min - 1);
                      else
                        gdn_record_set_double (below, f->name, f->min - 0.01);
                      assert_refused (store, below, GDN_VALIDATION_ERROR_INVALID, f->name);
                      n_checks++;
                    }
                }
              break;
            case GDN_FIELD_TEXT:
            case GDN_FIELD_BOOL:
            default:
              break;
            }
        }
    }
  g_test_message ("%u refusals checked", n_checks);
  g_assert_cmpuint (n_checks, >, 60);
}

static void
test_validation_entity_rules (void)
{
  g_autoptr(GdnStore) store = gdn_test_open_store ();
  g_autoptr(GdnRecord) shipment = gdn_test_make_valid_record (store, GDN_TYPE_SHIPMENT);
  g_autoptr(GdnRecord) kase = gdn_test_make_valid_record (store, GDN_TYPE_CASE);
  g_autoptr(GError) error = NULL;

  gdn_record_set_string (shipment, "shipped_date", "2026-03-10");
  gdn_record_set_string (shipment, "delivered_date", "2026-03-09");
  assert_refused (store, shipment, GDN_VALIDATION_ERROR_INVALID, "delivered_date");
  gdn_record_set_string (shipment, "delivered_date", "2026-03-10");
  g_assert_true (gdn_store_insert (store, shipment, &error));
  g_assert_no_error (error);

  gdn_record_set_string (kase, "opened_at", "2026-03-05 14:00:00");
  gdn_record_set_string (kase, "first_response_at", "2026-03-05 13:59:59");
  assert_refused (store, kase, GDN_VALIDATION_ERROR_INVALID, "first_response_at");
  gdn_record_set_string (kase, "first_response_at", "2026-03-05 14:00:00");
  g_assert_true (gdn_store_insert (store, kase, &error));
  g_assert_no_error (error);
}

static void
test_soft_delete_restore (void)
{
  g_autoptr(GdnStore) store = gdn_test_open_store ();
  g_autoptr(GdnRecord) customer = gdn_test_insert_valid_record (store, GDN_TYPE_CUSTOMER);
  g_autoptr(GdnRecord) contact = gdn_test_make_valid_record (store, GDN_TYPE_CONTACT);
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(GdnRecord) got = NULL;
  g_autoptr(GError) error = NULL;
  gint64 cid = gdn_record_get_id (customer);

  gdn_record_set_int (contact, "customer_id", cid);
  gdn_record_set_string (contact, "name", "李晓梅");
  g_assert_true (gdn_store_insert (store, contact, &error));

  g_assert_true (gdn_store_delete (store, contact, &error));
  g_assert_no_error (error);
  g_assert_nonnull (gdn_record_get_deleted_at (contact));
  listed = gdn_store_list_children (store, GDN_TYPE_CONTACT, "customer_id", cid, &error);
  g_assert_cmpuint (listed->len, ==, 0);
  g_clear_pointer (&listed, g_ptr_array_unref);

  /* still there, in the trash */
  got = gdn_store_get (store, GDN_TYPE_CONTACT, gdn_record_get_id (contact), &error);
  g_assert_no_error (error);
  g_assert_nonnull (gdn_record_get_deleted_at (got));
  g_assert_cmpstr (gdn_record_get_string (got, "name"), ==, "李晓梅");

  g_assert_true (gdn_store_restore (store, contact, &error));
  g_assert_no_error (error);
  g_assert_null (gdn_record_get_deleted_at (contact));
  listed = gdn_store_list_children (store, GDN_TYPE_CONTACT, "customer_id", cid, &error);
  g_assert_cmpuint (listed->len, ==, 1);
  g_assert_cmpstr (gdn_record_get_string (g_ptr_array_index (listed, 0), "name"), ==, "李晓梅");
}

static JsonNode *
audit_changes (GdnStore   *store,
               gint64      id,
               const char *action,
               char      **who)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt =
    gdn_database_prepare (gdn_store_get_database (store),
                          "SELECT changes, who FROM audit_log WHERE table_name = 'customers'"
                          " AND record_id = ? AND action = ? ORDER BY id DESC LIMIT 1",
                          &error);
  const char *text;

  g_assert_no_error (error);
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, action, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  *who = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  text = (const char *) sqlite3_column_text (stmt, 0);
  if (text == NULL)
    return NULL;
  return json_from_string (text, &error);
}

static void
test_audit_log (void)
{
  g_autoptr(GdnStore) store = gdn_test_open_store ();
  g_autoptr(GdnCustomer) customer = gdn_customer_new ();
  GdnRecord *r = GDN_RECORD (customer);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) inserted = NULL;
  g_autoptr(JsonNode) updated = NULL;
  g_autoptr(JsonNode) deleted = NULL;
  g_autoptr(JsonNode) restored = NULL;
  g_autofree char *who1 = NULL, *who2 = NULL, *who3 = NULL, *who4 = NULL;
  JsonObject *o;
  JsonArray *pair;

  gdn_record_set_string (r, "code", "C0001");
  gdn_record_set_string (r, "name", "深圳市华强电子有限公司");
  gdn_record_set_string (r, "tier", "A");
  g_assert_true (gdn_store_insert (store, r, &error));

  inserted = audit_changes (store, gdn_record_get_id (r), "insert", &who1);
  g_assert_cmpstr (who1, ==, "tester");
  o = json_node_get_object (inserted);
  pair = json_object_get_array_member (o, "name");
  g_assert_true (json_array_get_null_element (pair, 0));
  g_assert_cmpstr (json_array_get_string_element (pair, 1), ==, "深圳市华强电子有限公司");
  g_assert_true (json_object_has_member (o, "tier"));
  g_assert_false (json_object_has_member (o, "phone"));  /* not set: not in the diff */

  gdn_store_set_user_name (store, "张丽");
  gdn_record_set_string (r, "name", "深圳华强电子股份有限公司");
  gdn_record_set_string (r, "phone", "0755-83216688");
  g_assert_true (gdn_store_update (store, r, &error));
  updated = audit_changes (store, gdn_record_get_id (r), "update", &who2);
  g_assert_cmpstr (who2, ==, "张丽");
  o = json_node_get_object (updated);
  g_assert_cmpuint (json_object_get_size (o), ==, 2);  /* only what changed */
  pair = json_object_get_array_member (o, "name");
  g_assert_cmpstr (json_array_get_string_element (pair, 0), ==, "深圳市华强电子有限公司");
  g_assert_cmpstr (json_array_get_string_element (pair, 1), ==, "深圳华强电子股份有限公司");
  pair = json_object_get_array_member (o, "phone");
  g_assert_true (json_array_get_null_element (pair, 0));
  g_assert_cmpstr (json_array_get_string_element (pair, 1), ==, "0755-83216688");

  g_assert_true (gdn_store_delete (store, r, &error));
  deleted = audit_changes (store, gdn_record_get_id (r), "delete", &who3);
  g_assert_cmpstr (who3, ==, "张丽");
  g_assert_true (gdn_store_restore (store, r, &error));
  restored = audit_changes (store, gdn_record_get_id (r), "restore", &who4);
  g_assert_cmpstr (who4, ==, "张丽");
  g_assert_no_error (error);

  g_assert_cmpint (gdn_test_count (store, "SELECT count(*) FROM audit_log WHERE "
                                          "table_name = 'customers'"), ==, 4);
}

static void
test_update_conflict (void)
{
  g_autoptr(GdnStore) store = gdn_test_open_store ();
  g_autoptr(GdnRecord) customer = gdn_test_insert_valid_record (store, GDN_TYPE_CUSTOMER);
  gint64 id = gdn_record_get_id (customer);
  g_autoptr(GdnRecord) first = gdn_store_get (store, GDN_TYPE_CUSTOMER, id, NULL);
  g_autoptr(GdnRecord) second = gdn_store_get (store, GDN_TYPE_CUSTOMER, id, NULL);
  g_autoptr(GdnRecord) stored = NULL;
  g_autoptr(GError) error = NULL;
  gint64 audits;

  gdn_record_set_string (first, "phone", "0755-83216688");
  g_assert_true (gdn_store_update (store, first, &error));
  g_assert_no_error (error);
  audits = count_rows (store, "audit_log");

  gdn_record_set_string (second, "phone", "021-62345678");
  g_assert_false (gdn_store_update (store, second, &error));
  g_assert_error (error, GDN_DATABASE_ERROR, GDN_DATABASE_ERROR_CONFLICT);

  stored = gdn_store_get (store, GDN_TYPE_CUSTOMER, id, NULL);
  g_assert_cmpstr (gdn_record_get_string (stored, "phone"), ==, "0755-83216688");
  g_assert_cmpint (gdn_record_get_version (stored), ==, gdn_record_get_version (first));
  g_assert_cmpint (count_rows (store, "audit_log"), ==, audits);
}

static void
test_nested_rollback (void)
{
  g_autoptr(GdnStore) store = gdn_test_open_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GdnRecord) a = gdn_test_make_valid_record (store, GDN_TYPE_PRODUCT);
  g_autoptr(GdnRecord) b = gdn_test_make_valid_record (store, GDN_TYPE_PRODUCT);
  g_autoptr(GdnRecord) c = gdn_test_make_valid_record (store, GDN_TYPE_PRODUCT);
  gint64 audits = count_rows (store, "audit_log");

  /* an inner commit is only a savepoint: the outer rollback takes it back too */
  g_assert_true (gdn_store_begin (store, &error));
  g_assert_true (gdn_store_insert (store, a, &error));
  g_assert_true (gdn_store_begin (store, &error));
  g_assert_true (gdn_store_insert (store, b, &error));
  g_assert_true (gdn_store_commit (store, &error));
  gdn_store_rollback (store);
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (store, "products"), ==, 0);
  g_assert_cmpint (count_rows (store, "audit_log"), ==, audits);

  /* an inner rollback takes back only the inner work */
  g_assert_true (gdn_store_begin (store, &error));
  g_assert_true (gdn_store_insert (store, c, &error));
  g_assert_true (gdn_store_begin (store, &error));
  gdn_record_set_id (b, 0);
  g_assert_true (gdn_store_insert (store, b, &error));
  gdn_store_rollback (store);
  g_assert_true (gdn_store_commit (store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (store, "products"), ==, 1);
  {
    g_autoptr(GdnRecord) kept = gdn_store_find (store, GDN_TYPE_PRODUCT, "code",
                                                gdn_record_get_string (c, "code"), &error);
    g_autoptr(GdnRecord) gone = gdn_store_find (store, GDN_TYPE_PRODUCT, "code",
                                                gdn_record_get_string (b, "code"), &error);
    g_assert_nonnull (kept);
    g_assert_null (gone);
  }

  /* and the store is usable afterwards, outside any transaction */
  gdn_record_set_id (a, 0);
  g_assert_true (gdn_store_insert (store, a, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (store, "products"), ==, 2);
}

typedef struct
{
  guint  n;
  GType  type;
  gint64 id;
  int    kind;
} Changes;

static void
changed_cb (GdnStore *store,
            GType     type,
            gint64    id,
            int       kind,
            Changes  *c)
{
  c->n++;
  c->type = type;
  c->id = id;
  c->kind = kind;
}

static void
test_changed_after_commit (void)
{
  g_autoptr(GdnStore) store = gdn_test_open_store ();
  g_autoptr(GdnRecord) a = gdn_test_make_valid_record (store, GDN_TYPE_PRODUCT);
  g_autoptr(GdnRecord) b = gdn_test_make_valid_record (store, GDN_TYPE_PRODUCT);
  g_autoptr(GdnRecord) c = gdn_test_make_valid_record (store, GDN_TYPE_PRODUCT);
  g_autoptr(GError) error = NULL;
  Changes changes = { 0 };

  g_signal_connect (store, "changed", G_CALLBACK (changed_cb), &changes);

  g_assert_true (gdn_store_begin (store, &error));
  g_assert_true (gdn_store_insert (store, a, &error));
  g_assert_cmpuint (changes.n, ==, 0);
  g_assert_true (gdn_store_commit (store, &error));
  g_assert_cmpuint (changes.n, ==, 1);
  g_assert_true (changes.type == GDN_TYPE_PRODUCT);
  g_assert_cmpint (changes.id, ==, gdn_record_get_id (a));
  g_assert_cmpint (changes.kind, ==, GDN_CHANGE_INSERTED);

  g_assert_true (gdn_store_begin (store, &error));
  g_assert_true (gdn_store_insert (store, b, &error));
  gdn_store_rollback (store);
  g_assert_cmpuint (changes.n, ==, 1);

  /* work undone by an inner rollback is not announced by the outer commit */
  g_assert_true (gdn_store_begin (store, &error));
  gdn_record_set_string (a, "name", "钽电容 1206 47uF");
  g_assert_true (gdn_store_update (store, a, &error));
  g_assert_true (gdn_store_begin (store, &error));
  g_assert_true (gdn_store_insert (store, c, &error));
  gdn_store_rollback (store);
  g_assert_true (gdn_store_commit (store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changes.n, ==, 2);
  g_assert_cmpint (changes.id, ==, gdn_record_get_id (a));
  g_assert_cmpint (changes.kind, ==, GDN_CHANGE_UPDATED);

  /* a refused write announces nothing */
  gdn_record_set_string (a, "code", NULL);
  g_assert_false (gdn_store_update (store, a, &error));
  g_assert_cmpuint (changes.n, ==, 2);
}

static const char * const hostile[] = {
  "O'Brien \"双引号\" 'single' `backtick`",
  "'); DROP TABLE orders;--",
  "\"; DELETE FROM customers WHERE 1=1; --",
  "Robert'); DROP TABLE customers; -- %s %n %x \\ \\0 \\'",
  "\x01\x02\x03\x07\b\t\n\v\f\r\x1b[31m\x7f 二进制\xc2\x80\xef\xbf\xbf\xef\xbb\xbf",
  "😀👍🏽🇨🇳 emoji 👨‍👩‍👧‍👦 ZWJ",
  "深圳市華強電子有限公司（繁體）・株式会社テスト・한국어 ℃ № ㎡ 〇",
  "  leading and trailing spaces  ",
  "' OR '1'='1",
  "%' AND 1=0 UNION SELECT sql FROM sqlite_master --",
};

static void
test_hostile_text_verbatim (void)
{
  g_autoptr(GdnStore) store = gdn_test_open_store ();
  guint n_checked = 0;

  for (guint t = 0; gdn_test_entity_type (t) != G_TYPE_INVALID; t++)
    {
      GType type = gdn_test_entity_type (t);

      for (guint h = 0; h < G_N_ELEMENTS (hostile); h++)
        {
          g_autoptr(GdnRecord) r = gdn_test_make_valid_record (store, type);
          g_autoptr(GdnRecord) got = NULL;
          g_autoptr(GError) error = NULL;
          guint n_fields;
          const GdnField *fields =
            gdn_record_class_get_fields (GDN_RECORD_GET_CLASS (r), &n_fields);

          for (guint i = 0; i < n_fields; i++)
            if (fields[i].type == GDN_FIELD_TEXT && !(fields[i].flags & GDN_FIELD_DERIVED))
              {
                /* unique columns get a suffix; the hostile part still comes first */
                g_autofree char *text = g_strdup_printf ("%s#%u", hostile[h], ++serial);
                gdn_record_set_string (r, fields[i].name, text);
              }

          g_assert_true (gdn_store_insert (store, r, &error));
          g_assert_no_error (error);
          got = gdn_store_get (store, type, gdn_record_get_id (r), &error);
          g_assert_no_error (error);
          for (guint i = 0; i < n_fields; i++)
            if (fields[i].type == GDN_FIELD_TEXT && !(fields[i].flags & GDN_FIELD_DERIVED))
              {
                g_assert_cmpstr (gdn_record_get_string (got, fields[i].name), ==,
                                 gdn_record_get_string (r, fields[i].name));
                g_assert_true (g_str_has_prefix (gdn_record_get_string (got, fields[i].name),
                                                 hostile[h]));
                n_checked++;
              }
        }
    }

  g_assert_cmpuint (n_checked, >, 300);
  /* nothing was executed: every table is still there, with its rows */
  g_assert_cmpint (gdn_test_count (store, "SELECT count(*) FROM sqlite_master WHERE "
                                          "name IN ('orders', 'customers')"), ==, 2);
  g_assert_cmpint (count_rows (store, "orders"), >=, G_N_ELEMENTS (hostile));
  g_assert_cmpint (count_rows (store, "customers"), >=, G_N_ELEMENTS (hostile));
}

/* The owners for a filter: each once, in order, none from the trash, no empty one */
static void
test_list_values (void)
{
  g_autoptr(GdnStore) store = gdn_test_open_store ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) owners = NULL;

  g_assert_true (gdn_database_exec (gdn_store_get_database (store),
    "INSERT INTO customers (id, code, name) VALUES (1, 'C1', '华强电子');"
    "INSERT INTO orders (order_no, customer_id, status, created_date, owner, deleted_at)"
    " VALUES ('A1', 1, 'inquiry', '2026-01-01', '王芳', NULL),"
    " ('A2', 1, 'inquiry', '2026-01-01', '李强', NULL),"
    " ('A3', 1, 'inquiry', '2026-01-01', '王芳', NULL),"
    " ('A4', 1, 'inquiry', '2026-01-01', '', NULL),"
    " ('A5', 1, 'inquiry', '2026-01-01', NULL, NULL),"
    " ('A6', 1, 'inquiry', '2026-01-01', 'Zhou', '2026-02-01 10:00:00'),"
    " ('A7', 1, 'inquiry', '2026-01-01', 'Anna', NULL);", &error));
  g_assert_no_error (error);

  owners = gdn_store_list_values (store, GDN_TYPE_ORDER, "owner", &error);
  g_assert_no_error (error);
  g_assert_cmpstrv (owners, ((const char * const []) { "Anna", "李强", "王芳", NULL }));
}

int
main (int   argc,
      char *argv[])
{
  gdn_test_init (&argc, &argv);

  g_test_add_func ("/store/crud/every-kind", test_crud_every_kind);
  g_test_add_func ("/store/insert/minimal-order-defaults", test_insert_minimal_order_gets_defaults);
  g_test_add_func ("/store/validation/every-field", test_validation_every_field);
  g_test_add_func ("/store/validation/entity-rules", test_validation_entity_rules);
  g_test_add_func ("/store/trash/delete-restore", test_soft_delete_restore);
  g_test_add_func ("/store/audit/insert-update-delete-restore", test_audit_log);
  g_test_add_func ("/store/update/conflict", test_update_conflict);
  g_test_add_func ("/store/transaction/nested-rollback", test_nested_rollback);
  g_test_add_func ("/store/transaction/changed-after-commit", test_changed_after_commit);
  g_test_add_func ("/store/text/hostile-verbatim", test_hostile_text_verbatim);
  g_test_add_func ("/store/list-values", test_list_values);

  return g_test_run ();
}

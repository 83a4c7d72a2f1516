/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gdn-templates"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "gdn-case.h"
#include "gdn-contact.h"
#include "gdn-customer.h"
#include "gdn-order-line.h"
#include "gdn-parse.h"
#include "gdn-shipment.h"
#include "gdn-templates.h"

/* The messages a clerk sends at each stage of an order, in the user's language, with
 * {placeholders} filled from the order. The texts are ordinary translatable strings, so
 * the translation is the template of each language. */

typedef struct
{
  const char *label;
  const char *subject;
  const char *body;
} Template;

/* TRANSLATORS: the message templates below are sent to customers. Keep every {name}
 * placeholder as it is (in braces, in English); you may move them and change the wording. */
static const Template templates[GDN_TEMPLATE_N_KINDS] = {
  [GDN_TEMPLATE_CONFIRMATION] = {
    N_("Order confirmation"),
    N_("Order {order_no}: confirmation"),
    N_("Dear {contact},\n"
       "\n"
       "Thank you for your order {order_no}. We confirm the following:\n"
       "\n"
       "{lines}\n"
       "\n"
       "Total amount: {amount}\n"
       "Promised delivery date: {promised_date}\n"
       "Delivery address: {delivery_address}\n"
       "\n"
       "Please reply if anything should be different.\n"
       "\n"
       "Best regards,\n"
       "{sender}\n"),
  },
  [GDN_TEMPLATE_PRODUCTION_UPDATE] = {
    N_("Production update"),
    N_("Order {order_no}: production update"),
    N_("Dear {contact},\n"
       "\n"
       "Your order {order_no} is in production and {progress} complete. Delivery is "
       "promised for {promised_date}.\n"
       "\n"
       "We will let you know as soon as it ships.\n"
       "\n"
       "Best regards,\n"
       "{sender}\n"),
  },
  [GDN_TEMPLATE_SHIPPED] = {
    N_("Shipping notice"),
    N_("Order {order_no} has shipped"),
    N_("Dear {contact},\n"
       "\n"
       "Your order {order_no} has shipped:\n"
       "\n"
       "Carrier: {carrier}\n"
       "Tracking number: {tracking_no}\n"
       "Shipped on: {shipped_date}\n"
       "Expected arrival: {eta}\n"
       "\n"
       "{lines}\n"
       "\n"
       "Best regards,\n"
       "{sender}\n"),
  },
  [GDN_TEMPLATE_DELIVERED] = {
    N_("Delivery confirmation"),
    N_("Order {order_no}: delivered"),
    N_("Dear {contact},\n"
       "\n"
       "Our records show that your order {order_no} was delivered on {delivered_date}. "
       "Please check the goods and confirm receipt. If anything is not as ordered, reply "
       "to this message and we will take care of it.\n"
       "\n"
       "Thank you for your business.\n"
       "\n"
       "Best regards,\n"
       "{sender}\n"),
  },
  [GDN_TEMPLATE_CASE_REPLY] = {
    N_("Case reply"),
    N_("Your request {case_no} about order {order_no}"),
    N_("Dear {contact},\n"
       "\n"
       "Thank you for contacting us about order {order_no}. We have registered your "
       "request as case {case_no} ({case_subject}) and are looking into it. We will come "
       "back to you with a solution as soon as possible.\n"
       "\n"
       "Best regards,\n"
       "{sender}\n"),
  },
};

/* What is shown for a placeholder whose value is not known yet */
#define NO_VALUE "—"

static void
put (GHashTable *values,
     const char *key,
     const char *value)
{
  g_hash_table_insert (values, g_strdup (key), g_strdup (value != NULL ? value : ""));
}

static char *
describe_lines (GPtrArray *lines)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < lines->len; i++)
    {
      GdnRecord *line = g_ptr_array_index (lines, i);
      const char *code = gdn_record_get_string (line, "product_code");
      const char *name = gdn_record_get_string (line, "product_name");
      const char *spec = gdn_record_get_string (line, "spec");
      const char *unit = gdn_record_get_string (line, "unit");
      double quantity = gdn_record_get_double (line, "quantity");
      double price = gdn_record_get_double (line, "unit_price");
      g_autoptr(GString) product = g_string_new (name != NULL ? name : code);

      if (name != NULL && code != NULL)
        g_string_append_printf (product, " (%s)", code);
      if (spec != NULL)
        g_string_append_printf (product, ", %s", spec);

      if (s->len > 0)
        g_string_append_c (s, '\n');
      g_string_append_printf (s, "%u. %s", i + 1, product->str);
      if (!isnan (quantity))
        {
          g_autofree char *q = gdn_format_quantity (quantity);

          g_string_append_printf (s, ": %s%s%s", q, unit != NULL ? " " : "",
                                  unit != NULL ? unit : "");
          if (!isnan (price))
            {
              /* unit prices of small parts have more than two decimals */
              g_autofree char *p = gdn_format_quantity (price);
              g_autofree char *total = gdn_format_amount (quantity * price);

              g_string_append_printf (s, " × %s = %s", p, total);
            }
        }
    }
  return g_string_free (s, FALSE);
}

/* The most recent of an order's records of @type (shipments, cases), by id */
static GdnRecord *
latest_child (GdnStore  *store,
              GType      type,
              gint64     order_id,
              GError   **error,
              gboolean  *failed)
{
  g_autoptr(GPtrArray) items = gdn_store_list_children (store, type, "order_id", order_id,
                                                        error);

  *failed = items == NULL;
  if (items == NULL || items->len == 0)
    return NULL;
  return g_object_ref (g_ptr_array_index (items, items->len - 1));
}

/**
 * gdn_template_kind_label:
 *
 * Returns: the translated name of the message, e.g. "Shipping notice"
 */
const char *
gdn_template_kind_label (GdnTemplateKind kind)
{
  g_return_val_if_fail (kind < GDN_TEMPLATE_N_KINDS, NULL);
  return _(templates[kind].label);
}

/**
 * gdn_template_kind_for_status:
 * @status: an order status
 *
 * Returns: the message a clerk usually sends when an order is in @status: a
 *   confirmation up to confirmed, a production update in production and quality check,
 *   a shipping notice once shipped, a delivery confirmation once delivered
 */
GdnTemplateKind
gdn_template_kind_for_status (const char *status)
{
  static const struct { const char *status; GdnTemplateKind kind; } map[] = {
    { "in_production", GDN_TEMPLATE_PRODUCTION_UPDATE },
    { "qc", GDN_TEMPLATE_PRODUCTION_UPDATE },
    { "shipped", GDN_TEMPLATE_SHIPPED },
    { "delivered", GDN_TEMPLATE_DELIVERED },
    { "closed", GDN_TEMPLATE_DELIVERED },
  };

  for (guint i = 0; status != NULL && i < G_N_ELEMENTS (map); i++)
    if (strcmp (map[i].status, status) == 0)
      return map[i].kind;
  return GDN_TEMPLATE_CONFIRMATION;
}

/**
 * gdn_template_get_subject:
 *
 * Returns: the translated subject line of @kind, with its {placeholders}
 */
const char *
gdn_template_get_subject (GdnTemplateKind kind)
{
  g_return_val_if_fail (kind < GDN_TEMPLATE_N_KINDS, NULL);
  return _(templates[kind].subject);
}

/**
 * gdn_template_get_body:
 *
 * Returns: the translated text of @kind, with its {placeholders}
 */
const char *
gdn_template_get_body (GdnTemplateKind kind)
{
  g_return_val_if_fail (kind < GDN_TEMPLATE_N_KINDS, NULL);
  return _(templates[kind].body);
}

/**
 * gdn_template_expand:
 * @text: a template with {name} placeholders
 * @values: (element-type utf8 utf8): name → value
 *
 * Replaces each {name} of @values with its value, or with a dash when the value is empty
 * (not known yet). Braces around anything else are left as they are.
 *
 * Returns: (transfer full): the filled text
 */
char *
gdn_template_expand (const char *text,
                     GHashTable *values)
{
  GString *s = g_string_new (NULL);
  const char *p = text;

  g_return_val_if_fail (text != NULL, NULL);

  while (*p != '\0')
    {
      const char *open = strchr (p, '{');
      const char *close;
      g_autofree char *key = NULL;
      const char *value;

      if (open == NULL)
        {
          g_string_append (s, p);
          break;
        }
      g_string_append_len (s, p, open - p);
      close = strchr (open + 1, '}');
      if (close == NULL)
        {
          g_string_append (s, open);
          break;
        }
      key = g_strndup (open + 1, close - open - 1);
      value = values != NULL ? g_hash_table_lookup (values, key) : NULL;
      if (value == NULL)
        {
          /* not a placeholder: keep the brace and go on after it */
          g_string_append_c (s, '{');
          p = open + 1;
          continue;
        }
      g_string_append (s, *value != '\0' ? value : NO_VALUE);
      p = close + 1;
    }
  return g_string_free (s, FALSE);
}

/**
 * gdn_template_find_contact:
 * @customer_id: a customer
 *
 * Returns: (transfer full) (nullable): the customer's primary contact, or else the first
 *   one entered; %NULL when there is none (or with @error set when reading failed)
 */
GdnRecord *
gdn_template_find_contact (GdnStore  *store,
                           gint64     customer_id,
                           GError   **error)
{
  g_autoptr(GPtrArray) contacts = NULL;

  g_return_val_if_fail (GDN_IS_STORE (store), NULL);

  if (customer_id <= 0)
    return NULL;
  contacts = gdn_store_list_children (store, GDN_TYPE_CONTACT, "customer_id", customer_id,
                                      error);
  if (contacts == NULL || contacts->len == 0)
    return NULL;
  for (guint i = 0; i < contacts->len; i++)
    if (gdn_record_get_bool (g_ptr_array_index (contacts, i), "is_primary"))
      return g_object_ref (g_ptr_array_index (contacts, i));
  return g_object_ref (g_ptr_array_index (contacts, 0));
}

/**
 * gdn_template_collect_values:
 * @order: a saved order
 *
 * Reads what the templates may say about @order: order_no, customer, contact (the
 * primary contact's name, else the customer's), lines (one per line: product, quantity,
 * price and total), amount (with the currency), promised_date, delivered_date,
 * delivery_address, progress, carrier, tracking_no, shipped_date and eta (of the latest
 * shipment), case_no and case_subject (of the latest case), and sender (the user).
 *
 * Returns: (transfer full) (element-type utf8 utf8): the values, "" for those not known
 */
GHashTable *
gdn_template_collect_values (GdnStore  *store,
                             GdnOrder  *order,
                             GError   **error)
{
  GdnRecord *r = GDN_RECORD (order);
  g_autoptr(GHashTable) values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GdnRecord) customer = NULL;
  g_autoptr(GdnRecord) contact = NULL;
  g_autoptr(GdnRecord) shipment = NULL;
  g_autoptr(GdnRecord) kase = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  g_autofree char *lines_text = NULL;
  g_autofree char *amount = NULL;
  g_autofree char *progress = NULL;
  gint64 customer_id = gdn_record_get_int (r, "customer_id");
  const char *currency = gdn_record_get_string (r, "currency");
  gboolean failed = FALSE;

  g_return_val_if_fail (GDN_IS_STORE (store), NULL);
  g_return_val_if_fail (GDN_IS_ORDER (order), NULL);

  if (customer_id > 0)
    {
      customer = gdn_store_get (store, GDN_TYPE_CUSTOMER, customer_id, error);
      if (customer == NULL)
        return NULL;
      contact = gdn_template_find_contact (store, customer_id, error);
      if (contact == NULL && error != NULL && *error != NULL)
        return NULL;
    }
  lines = gdn_store_list_children (store, GDN_TYPE_ORDER_LINE, "order_id",
                                   gdn_record_get_id (r), error);
  if (lines == NULL)
    return NULL;
  shipment = latest_child (store, GDN_TYPE_SHIPMENT, gdn_record_get_id (r), error, &failed);
  if (failed)
    return NULL;
  kase = latest_child (store, GDN_TYPE_CASE, gdn_record_get_id (r), error, &failed);
  if (failed)
    return NULL;

  lines_text = describe_lines (lines);
  amount = gdn_format_amount (gdn_record_get_double (r, "amount"));
  if (currency != NULL && *amount != '\0')
    {
      char *with_currency = g_strdup_printf ("%s %s", currency, amount);

      g_free (amount);
      amount = with_currency;
    }
  if (gdn_record_is_set (r, "progress"))
    /* TRANSLATORS: production progress in a message, e.g. "60 %" */
    progress = g_strdup_printf (_("%d %%"), (int) gdn_record_get_int (r, "progress"));

  put (values, "order_no", gdn_record_get_string (r, "order_no"));
  put (values, "customer", customer ? gdn_record_get_string (customer, "name") : NULL);
  put (values, "contact", contact ? gdn_record_get_string (contact, "name")
                                  : customer ? gdn_record_get_string (customer, "name")
                                             : NULL);
  put (values, "lines", lines_text);
  put (values, "amount", amount);
  put (values, "promised_date", gdn_record_get_string (r, "promised_date"));
  put (values, "delivered_date", gdn_record_get_string (r, "delivered_date"));
  put (values, "delivery_address", gdn_record_get_string (r, "delivery_address"));
  put (values, "progress", progress);
  put (values, "carrier", shipment ? gdn_record_get_string (shipment, "carrier") : NULL);
  put (values, "tracking_no", shipment ? gdn_record_get_string (shipment, "tracking_no") : NULL);
  put (values, "shipped_date", shipment ? gdn_record_get_string (shipment, "shipped_date") : NULL);
  put (values, "eta", shipment ? gdn_record_get_string (shipment, "eta") : NULL);
  put (values, "case_no", kase ? gdn_record_get_string (kase, "case_no") : NULL);
  put (values, "case_subject", kase ? gdn_record_get_string (kase, "subject") : NULL);
  put (values, "sender", gdn_store_get_user_name (store));
  return g_steal_pointer (&values);
}

/**
 * gdn_template_fill:
 * @order: a saved order
 *
 * Fills the template @kind from @order, addressed to the customer's primary contact (or
 * the customer itself when that contact has no e-mail address).
 *
 * Returns: (transfer full): the message, or %NULL with @error set
 */
GdnMessage *
gdn_template_fill (GdnStore         *store,
                   GdnOrder         *order,
                   GdnTemplateKind   kind,
                   GError          **error)
{
  g_autoptr(GHashTable) values = NULL;
  g_autoptr(GdnRecord) contact = NULL;
  g_autoptr(GdnRecord) customer = NULL;
  gint64 customer_id;
  GdnMessage *message;

  g_return_val_if_fail (GDN_IS_STORE (store), NULL);
  g_return_val_if_fail (GDN_IS_ORDER (order), NULL);
  g_return_val_if_fail (kind < GDN_TEMPLATE_N_KINDS, NULL);

  values = gdn_template_collect_values (store, order, error);
  if (values == NULL)
    return NULL;

  customer_id = gdn_record_get_int (GDN_RECORD (order), "customer_id");
  if (customer_id > 0)
    {
      contact = gdn_template_find_contact (store, customer_id, error);
      if (contact == NULL && error != NULL && *error != NULL)
        return NULL;
      customer = gdn_store_get (store, GDN_TYPE_CUSTOMER, customer_id, error);
      if (customer == NULL)
        return NULL;
    }

  message = g_new0 (GdnMessage, 1);
  message->kind = kind;
  message->subject = gdn_template_expand (gdn_template_get_subject (kind), values);
  message->body = gdn_template_expand (gdn_template_get_body (kind), values);
  message->customer_id = MAX (customer_id, 0);
  message->contact_id = contact != NULL ? gdn_record_get_id (contact) : 0;
  if (contact != NULL && gdn_record_is_set (contact, "email"))
    message->to = g_strdup (gdn_record_get_string (contact, "email"));
  else if (customer != NULL && gdn_record_is_set (customer, "email"))
    message->to = g_strdup (gdn_record_get_string (customer, "email"));
  return message;
}

/**
 * gdn_message_to_mailto:
 *
 * Returns: (transfer full): a mailto: URI (RFC 6068) with the recipient, subject and body
 */
char *
gdn_message_to_mailto (const GdnMessage *message)
{
  g_autofree char *to = NULL;
  g_autofree char *subject = NULL;
  g_autofree char *body = NULL;
  g_auto(GStrv) body_lines = NULL;
  g_autofree char *crlf = NULL;

  g_return_val_if_fail (message != NULL, NULL);

  /* RFC 6068: line breaks in a body are CRLF, and every reserved character is escaped */
  body_lines = g_strsplit (message->body != NULL ? message->body : "", "\n", -1);
  crlf = g_strjoinv ("\r\n", body_lines);
  to = g_uri_escape_string (message->to != NULL ? message->to : "", "@", FALSE);
  subject = g_uri_escape_string (message->subject != NULL ? message->subject : "", NULL, FALSE);
  body = g_uri_escape_string (crlf, NULL, FALSE);
  return g_strdup_printf ("mailto:%s?subject=%s&body=%s", to, subject, body);
}

void
gdn_message_free (GdnMessage *message)
{
  if (message == NULL)
    return;
  g_free (message->subject);
  g_free (message->body);
  g_free (message->to);
  g_free (message);
}

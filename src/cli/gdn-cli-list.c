/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gdn-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "gdn-cli.h"
#include "gdn-flags.h"
#include "gdn-kind.h"
#include "gdn-parse.h"
#include "gdn-query-model.h"

/* `gendan-cli list` and `count`: the lists of the app, through the same GdnQueryModel, as
 * an aligned table for people or JSON for scripts. */

#define MAX_CELL_WIDTH 40

typedef struct
{
  const char *kind;
  const char *columns[8];
} KindColumns;

/* The columns a person looks at first; --json has every field. */
static const KindColumns kind_columns[] = {
  { "customers", { "code", "name", "tier", "status", "owner", NULL } },
  { "contacts", { "customer_code", "name", "title", "phone", "role", NULL } },
  { "products", { "code", "name", "spec", "unit", "unit_price", NULL } },
  { "orders", { "order_no", "customer_name", "status", "created_date", "promised_date",
                "amount", "flags", NULL } },
  { "shipments", { "order_no", "carrier", "tracking_no", "status", "shipped_date", "eta",
                   NULL } },
  { "cases", { "case_no", "customer_name", "type", "priority", "status", "opened_at", "flags",
               NULL } },
  { "surveys", { "date", "customer_code", "order_no", "overall", "recommend", NULL } },
  { "interactions", { "at", "customer_code", "channel", "summary", NULL } },
  { "contracts", { "contract_no", "customer_name", "amount", "status", "signed_date", NULL } },
  { "reminders", { "due_at", "kind", "title", "done_at", NULL } },
};

static char *opt_search;
static char *opt_sort;
static int opt_limit = 50;
static gboolean opt_json;

static void
reset_options (void)
{
  g_clear_pointer (&opt_search, g_free);
  g_clear_pointer (&opt_sort, g_free);
  opt_limit = 50;
  opt_json = FALSE;
}

/* Terminal columns: CJK characters take two, combining marks none. */
static guint
display_width (const char *text)
{
  guint width = 0;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iszerowidth (c))
        continue;
      width += g_unichar_iswide (c) ? 2 : 1;
    }
  return width;
}

/* One line, at most @max columns wide, ending in "…" when cut. */
static char *
fit_cell (const char *text,
          guint       max)
{
  GString *s = g_string_new (NULL);
  gboolean cut = display_width (text) > max;
  guint width = 0;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      guint w = g_unichar_iszerowidth (c) ? 0 : g_unichar_iswide (c) ? 2 : 1;

      if (cut && width + w > max - 1)
        {
          g_string_append (s, "…");
          break;
        }
      g_string_append_unichar (s, c == '\n' || c == '\r' || c == '\t' ? ' ' : c);
      width += w;
    }
  return g_string_free (s, FALSE);
}

static gboolean
is_numeric (const GdnField *field)
{
  return (field->type == GDN_FIELD_INT || field->type == GDN_FIELD_REAL) &&
         strcmp (field->name, "flags") != 0;
}

/* A cell as the app's lists show it: dates, money and numbers the way the user's language
 * writes them (--json keeps the stored forms) */
static char *
format_cell (GdnRecord      *record,
             guint           index,
             const GdnField *field)
{
  if (!gdn_record_is_set (record, field->name))
    return g_strdup ("");
  switch (field->type)
    {
    case GDN_FIELD_ENUM:
      return g_strdup (gdn_enum_label (field->enum_info,
                                       gdn_record_get_string (record, field->name)));
    case GDN_FIELD_INT:
      if (strcmp (field->name, "flags") == 0)
        return gdn_flags_to_string ((GdnFlags) gdn_record_get_int (record, field->name));
      return gdn_format_quantity ((double) gdn_record_get_int (record, field->name));
    case GDN_FIELD_REAL:
      if (field->flags & GDN_FIELD_MONEY)
        {
          gboolean has_currency =
            gdn_record_class_find_field (GDN_RECORD_GET_CLASS (record), "currency") >= 0;

          return gdn_format_money (gdn_record_get_double (record, field->name),
                                   has_currency ? gdn_record_get_string (record, "currency")
                                                : NULL);
        }
      return gdn_format_amount (gdn_record_get_double (record, field->name));
    case GDN_FIELD_BOOL:
      return g_strdup (gdn_record_get_bool (record, field->name) ? _("yes") : _("no"));
    case GDN_FIELD_DATE:
      return gdn_format_date (gdn_record_get_string (record, field->name));
    case GDN_FIELD_DATETIME:
      return gdn_format_datetime (gdn_record_get_string (record, field->name));
    case GDN_FIELD_TEXT:
    case GDN_FIELD_REF:
    default:
      return gdn_record_format_at (record, index);
    }
}

static void
print_padded (const char *text,
              guint       width,
              gboolean    right,
              gboolean    last)
{
  guint pad = width - MIN (width, display_width (text));

  if (right)
    printf ("%*s%s", (int) pad, "", text);
  else if (last)
    printf ("%s", text);
  else
    printf ("%s%*s", text, (int) pad, "");
  printf ("%s", last ? "\n" : "  ");
}

static void
print_table (GListModel     *model,
             GdnRecordClass *klass,
             const char     *kind,
             guint           n_rows)
{
  const char * const *names = NULL;
  g_autoptr(GArray) columns = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
  g_autofree guint *widths = NULL;
  guint n_fields;
  const GdnField *fields = gdn_record_class_get_fields (klass, &n_fields);

  for (guint i = 0; i < G_N_ELEMENTS (kind_columns); i++)
    if (strcmp (kind_columns[i].kind, kind) == 0)
      names = kind_columns[i].columns;
  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    {
      int index = gdn_record_class_find_field (klass, names[i]);

      if (index >= 0)
        g_array_append_val (columns, index);
    }
  for (guint i = 0; columns->len == 0 && i < MIN (n_fields, 5u); i++)
    g_array_append_val (columns, i);

  /* headers, then every cell, so that the widths are known before printing */
  widths = g_new0 (guint, columns->len);
  for (guint c = 0; c < columns->len; c++)
    g_ptr_array_add (cells, g_strdup (_(fields[g_array_index (columns, guint, c)].label)));
  for (guint r = 0; r < n_rows; r++)
    {
      g_autoptr(GdnRecord) record = g_list_model_get_item (model, r);

      for (guint c = 0; c < columns->len; c++)
        {
          guint index = g_array_index (columns, guint, c);
          g_autofree char *text = record ? format_cell (record, index, &fields[index])
                                         : g_strdup ("");

          g_ptr_array_add (cells, fit_cell (text, MAX_CELL_WIDTH));
        }
    }
  for (guint i = 0; i < cells->len; i++)
    widths[i % columns->len] = MAX (widths[i % columns->len],
                                    display_width (cells->pdata[i]));

  for (guint i = 0; i < cells->len; i++)
    {
      guint c = i % columns->len;
      const GdnField *field = &fields[g_array_index (columns, guint, c)];

      print_padded (cells->pdata[i], widths[c], i >= columns->len && is_numeric (field),
                    c == columns->len - 1);
    }
}

static void
append_json_string (GString    *out,
                    const char *text)
{
  g_autoptr(JsonNode) node = json_node_init_string (json_node_alloc (), text);
  g_autofree char *quoted = json_to_string (node, FALSE);

  g_string_append (out, quoted);
}

/* Written by hand around json-glib's string quoting, so that amounts read 6993.64 and
 * not the 6993.6400000000003 of every digit of the binary double. */
static void
append_record_json (GString   *out,
                    GdnRecord *record)
{
  guint n_fields;
  const GdnField *fields = gdn_record_class_get_fields (GDN_RECORD_GET_CLASS (record),
                                                        &n_fields);
  char number[G_ASCII_DTOSTR_BUF_SIZE];

  g_string_append_printf (out, "  {\n    \"id\": %" G_GINT64_FORMAT,
                          gdn_record_get_id (record));
  for (guint i = 0; i < n_fields; i++)
    {
      const GdnField *f = &fields[i];

      g_string_append (out, ",\n    ");
      append_json_string (out, f->name);
      g_string_append (out, ": ");
      if (!gdn_record_is_set (record, f->name) && f->type != GDN_FIELD_BOOL)
        {
          g_string_append (out, "null");
          continue;
        }
      switch (f->type)
        {
        case GDN_FIELD_INT:
        case GDN_FIELD_REF:
          g_string_append_printf (out, "%" G_GINT64_FORMAT, gdn_record_get_int (record, f->name));
          break;
        case GDN_FIELD_REAL:
          g_string_append (out, g_ascii_formatd (number, sizeof number, "%.15g",
                                                 gdn_record_get_double (record, f->name)));
          break;
        case GDN_FIELD_BOOL:
          g_string_append (out, gdn_record_get_bool (record, f->name) ? "true" : "false");
          break;
        case GDN_FIELD_TEXT:
        case GDN_FIELD_DATE:
        case GDN_FIELD_DATETIME:
        case GDN_FIELD_ENUM:
        default:
          append_json_string (out, gdn_record_get_string (record, f->name));
          break;
        }
    }
  g_string_append (out, "\n  }");
}

/* Streamed one record at a time, so that listing every order needs no memory for all. */
static void
print_json (GListModel *model,
            guint       n_rows)
{
  g_autoptr(GString) out = g_string_new (NULL);
  gboolean first = TRUE;

  printf ("[");
  for (guint r = 0; r < n_rows; r++)
    {
      g_autoptr(GdnRecord) record = g_list_model_get_item (model, r);

      if (record == NULL)
        continue;
      g_string_truncate (out, 0);
      append_record_json (out, record);
      printf ("%s\n%s", first ? "" : ",", out->str);
      first = FALSE;
    }
  printf ("%s]\n", first ? "" : "\n");
}

static char *
sortable_fields (GdnRecordClass *klass)
{
  GString *s = g_string_new (NULL);
  guint n_fields;
  const GdnField *fields = gdn_record_class_get_fields (klass, &n_fields);

  for (guint i = 0; i < n_fields; i++)
    if (fields[i].flags & GDN_FIELD_SORTABLE)
      g_string_append_printf (s, "%s%s", s->len ? ", " : "", fields[i].name);
  return g_string_free (s, FALSE);
}

/* Parses the options and KIND of list or count into @kind; on a usage error prints it and
 * returns GDN_EXIT_USAGE. */
static int
parse (const char          *command,
       const char          *summary,
       const GOptionEntry  *entries,
       int                 *argc,
       char              ***argv,
       const GdnKind      **kind)
{
  g_autofree char *kinds = gdn_kind_names ();

  if (!gdn_cli_parse (command, _("KIND"), summary, entries, argc, argv))
    return GDN_EXIT_USAGE;
  if (*argc != 2)
    return gdn_cli_usage_error (command, _("Give one kind: %s"), kinds);
  *kind = gdn_kind_lookup ((*argv)[1]);
  if (*kind == NULL)
    return gdn_cli_usage_error (command, _("Unknown kind “%s”; the kinds are %s"),
                                (*argv)[1], kinds);
  return GDN_EXIT_OK;
}

static GdnQueryModel *
open_model (const GdnKind *kind,
            GdnStore     **store,
            int           *status)
{
  g_autoptr(GError) error = NULL;

  *store = gdn_cli_open_store (&error);
  if (*store == NULL)
    {
      gdn_cli_print_error (error);
      *status = GDN_EXIT_DATA;
      return NULL;
    }
  return gdn_query_model_new (*store, kind->get_type ());
}

static int
check_model (GdnQueryModel *model)
{
  if (gdn_query_model_get_error (model) != NULL)
    {
      gdn_cli_print_error (gdn_query_model_get_error (model));
      return GDN_EXIT_DATA;
    }
  return GDN_EXIT_OK;
}

/**
 * gdn_cli_list:
 *
 * `gendan-cli list KIND [--search TEXT] [--sort FIELD[:desc]] [--limit N] [--json]`
 */
int
gdn_cli_list (int    argc,
              char **argv)
{
  const GOptionEntry entries[] = {
    { "search", 's', 0, G_OPTION_ARG_STRING, &opt_search,
      N_("Only records containing every word of TEXT"), N_("TEXT") },
    { "sort", 0, 0, G_OPTION_ARG_STRING, &opt_sort,
      N_("Sort by FIELD, descending with “:desc”"), N_("FIELD[:desc]") },
    { "limit", 'n', 0, G_OPTION_ARG_INT, &opt_limit,
      N_("Show at most N records (default 50, 0 for all)"), N_("N") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &opt_json,
      N_("Write a JSON array with every field"), NULL },
    { NULL }
  };
  const GdnKind *kind = NULL;
  g_autoptr(GdnStore) store = NULL;
  g_autoptr(GdnQueryModel) model = NULL;
  g_autoptr(GdnRecordClass) klass = NULL;
  int status;
  guint n_items, n_rows;

  reset_options ();
  status = parse ("list", _("List the records of one kind, as the app shows them."),
                  entries, &argc, &argv, &kind);
  if (status != GDN_EXIT_OK)
    return status;
  if (opt_limit < 0)
    return gdn_cli_usage_error ("list", _("--limit must be 0 or more"));

  klass = g_type_class_ref (kind->get_type ());
  model = open_model (kind, &store, &status);
  if (model == NULL)
    return status;

  if (opt_sort != NULL)
    {
      g_auto(GStrv) parts = g_strsplit (opt_sort, ":", 2);
      gboolean descending = FALSE;

      if (parts[1] != NULL && g_ascii_strcasecmp (parts[1], "desc") == 0)
        descending = TRUE;
      else if (parts[1] != NULL && g_ascii_strcasecmp (parts[1], "asc") != 0)
        return gdn_cli_usage_error ("list", _("Sort by FIELD, FIELD:asc or FIELD:desc, not “%s”"),
                                    opt_sort);
      if (!gdn_query_model_set_sort (model, parts[0], descending))
        {
          g_autofree char *fields = sortable_fields (klass);
          return gdn_cli_usage_error ("list", _("%s cannot be sorted by “%s”; try one of %s"),
                                      kind->name, parts[0], fields);
        }
    }
  gdn_query_model_set_search (model, opt_search);

  n_items = g_list_model_get_n_items (G_LIST_MODEL (model));
  n_rows = opt_limit == 0 ? n_items : MIN (n_items, (guint) opt_limit);
  if ((status = check_model (model)) != GDN_EXIT_OK)
    return status;

  if (opt_json)
    print_json (G_LIST_MODEL (model), n_rows);
  else
    {
      print_table (G_LIST_MODEL (model), klass, kind->name, n_rows);
      if (n_rows < n_items)
        {
          g_autofree char *shown = gdn_format_quantity ((double) n_rows);
          g_autofree char *all = gdn_format_quantity ((double) n_items);

          /* TRANSLATORS: after a table cut short by --limit: "(5 of 1,990 shown; …)" */
          printf (_("(%s of %s shown; --limit 0 shows all)\n"), shown, all);
        }
    }
  fflush (stdout);
  return check_model (model);
}

/**
 * gdn_cli_count:
 *
 * `gendan-cli count KIND [--search TEXT]`
 */
int
gdn_cli_count (int    argc,
               char **argv)
{
  const GOptionEntry entries[] = {
    { "search", 's', 0, G_OPTION_ARG_STRING, &opt_search,
      N_("Only records containing every word of TEXT"), N_("TEXT") },
    { NULL }
  };
  const GdnKind *kind = NULL;
  g_autoptr(GdnStore) store = NULL;
  g_autoptr(GdnQueryModel) model = NULL;
  int status;
  guint n_items;

  reset_options ();
  status = parse ("count", _("Count the records of one kind (not those in the trash)."),
                  entries, &argc, &argv, &kind);
  if (status != GDN_EXIT_OK)
    return status;

  model = open_model (kind, &store, &status);
  if (model == NULL)
    return status;
  gdn_query_model_set_search (model, opt_search);
  n_items = g_list_model_get_n_items (G_LIST_MODEL (model));
  if ((status = check_model (model)) != GDN_EXIT_OK)
    return status;
  if (isatty (STDOUT_FILENO))
    {
      /* a person reads "12,805"; a script reading a pipe gets the plain number */
      g_autofree char *grouped = gdn_format_quantity ((double) n_items);

      printf ("%s\n", grouped);
    }
  else
    printf ("%u\n", n_items);
  return GDN_EXIT_OK;
}

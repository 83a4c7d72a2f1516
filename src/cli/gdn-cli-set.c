/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gdn-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "gdn-cli.h"
#include "gdn-kind.h"
#include "gdn-parse.h"
#include "gdn-record.h"

/* set: change fields of one record from a script, through the same store, validation,
 * version bump and audit log as an edit in the window; all fields in one transaction. */

static gboolean
set_field (GdnRecord       *record,
           const GdnField  *field,
           const char      *text,
           GError         **error)
{
  double number;
  gboolean flag;
  g_autofree char *iso = NULL;

  switch (field->type)
    {
    case GDN_FIELD_TEXT:
    case GDN_FIELD_ENUM:
      gdn_record_set_string (record, field->name, *text != '\0' ? text : NULL);
      return TRUE;
    case GDN_FIELD_DATE:
    case GDN_FIELD_DATETIME:
      if (*text == '\0')
        {
          gdn_record_set_string (record, field->name, NULL);
          return TRUE;
        }
      iso = field->type == GDN_FIELD_DATE ? gdn_parse_date (text) : gdn_parse_datetime (text);
      if (iso == NULL)
        break;
      gdn_record_set_string (record, field->name, iso);
      return TRUE;
    case GDN_FIELD_INT:
    case GDN_FIELD_REF:
      if (*text == '\0')
        {
          gdn_record_set_int (record, field->name, field->type == GDN_FIELD_REF ? 0 : -1);
          return TRUE;
        }
      if (!gdn_parse_number (text, &number) || number != (double) (gint64) number)
        break;
      gdn_record_set_int (record, field->name, (gint64) number);
      return TRUE;
    case GDN_FIELD_REAL:
      if (*text == '\0')
        {
          gdn_record_set_double (record, field->name, NAN);
          return TRUE;
        }
      if (!gdn_parse_number (text, &number))
        break;
      gdn_record_set_double (record, field->name, number);
      return TRUE;
    case GDN_FIELD_BOOL:
      if (!gdn_parse_bool (text, &flag))
        break;
      gdn_record_set_bool (record, field->name, flag);
      return TRUE;
    default:
      break;
    }

  g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
               _("“%s” is not a valid value for %s"), text, field->name);
  return FALSE;
}

int
gdn_cli_set (int    argc,
             char **argv)
{
  g_autoptr(GdnStore) store = NULL;
  g_autoptr(GdnRecord) record = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *names = gdn_kind_names ();
  g_autofree char *summary = NULL;
  const GdnKind *kind;
  GdnRecordClass *klass;
  gint64 id;
  char *end = NULL;

  summary = g_strdup_printf (_("Change fields of one record (kinds: %s). All of them are "
                               "written together, or none when one is refused."), names);
  if (!gdn_cli_parse ("set", _("KIND ID FIELD=VALUE…"), summary, NULL, &argc, &argv))
    return GDN_EXIT_USAGE;
  if (argc < 4)
    return gdn_cli_usage_error ("set", _("name the kind, the record’s id and at least one "
                                         "FIELD=VALUE"));

  kind = gdn_kind_lookup (argv[1]);
  if (kind == NULL)
    return gdn_cli_usage_error ("set", _("unknown kind “%s”; the kinds are %s"), argv[1], names);
  id = g_ascii_strtoll (argv[2], &end, 10);
  if (end == argv[2] || *end != '\0' || id <= 0)
    return gdn_cli_usage_error ("set", _("“%s” is not a record id"), argv[2]);

  /* the record classes are static types: their class stays once it is made */
  klass = g_type_class_ref (kind->get_type ());
  g_type_class_unref (klass);

  /* every argument is checked before the database is opened */
  for (int i = 3; i < argc; i++)
    {
      g_autofree char *name = NULL;
      const char *eq = strchr (argv[i], '=');
      int index;

      if (eq == NULL || eq == argv[i])
        return gdn_cli_usage_error ("set", _("“%s” is not FIELD=VALUE"), argv[i]);
      name = g_strndup (argv[i], eq - argv[i]);
      index = gdn_record_class_find_field (klass, name);
      if (index < 0)
        return gdn_cli_usage_error ("set", _("%s have no field “%s”"), kind->name, name);
    }

  store = gdn_cli_open_store (&error);
  if (store == NULL)
    {
      gdn_cli_print_error (error);
      return GDN_EXIT_DATA;
    }

  record = gdn_store_get (store, kind->get_type (), id, &error);
  if (record == NULL)
    {
      gdn_cli_print_error (error);
      return GDN_EXIT_DATA;
    }

  for (int i = 3; i < argc; i++)
    {
      const char *eq = strchr (argv[i], '=');
      g_autofree char *name = g_strndup (argv[i], eq - argv[i]);
      const GdnField *fields = gdn_record_class_get_fields (klass, NULL);
      int index = gdn_record_class_find_field (klass, name);

      if ((fields[index].flags & (GDN_FIELD_DERIVED | GDN_FIELD_STORE)) != 0)
        return gdn_cli_usage_error ("set", _("%s is computed and cannot be set"), name);
      if (!set_field (record, &fields[index], eq + 1, &error))
        {
          gdn_cli_print_error (error);
          return GDN_EXIT_DATA;
        }
    }

  if (!gdn_store_update (store, record, &error))
    {
      gdn_cli_print_error (error);
      return GDN_EXIT_DATA;
    }

  g_print (_("%s %lld: saved\n"), kind->name, (long long) id);
  return GDN_EXIT_OK;
}

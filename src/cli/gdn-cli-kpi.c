/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gdn-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "gdn-cli.h"
#include "gdn-enums.h"
#include "gdn-kpi.h"
#include "gdn-parse.h"

/* kpi: the KPIs of a period as a table for people, or as JSON for scripts. */

#define LABEL_WIDTH 26
#define VALUE_WIDTH 12

/* Columns a string takes in a terminal: CJK characters take two. */
static int
display_width (const char *s)
{
  int width = 0;

  for (const char *p = s; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      width += g_unichar_iswide (c) ? 2 : g_unichar_iszerowidth (c) ? 0 : 1;
    }
  return width;
}

/* Prints @s in a column of @width, and always a space after it. */
static void
print_padded (const char *s,
              int         width)
{
  int used = display_width (s);

  g_print ("%s", s);
  for (int i = used; i < MAX (width, used + 1); i++)
    g_print (" ");
}

static void
print_row (int         indent,
           const char *label,
           const char *value,
           const char *detail)
{
  for (int i = 0; i < indent; i++)
    g_print (" ");
  if (*value == '\0')
    {
      g_print ("%s\n", label);
      return;
    }
  print_padded (label, LABEL_WIDTH - indent);
  if (detail != NULL && *detail != '\0')
    {
      print_padded (value, VALUE_WIDTH);
      g_print ("%s\n", detail);
    }
  else
    g_print ("%s\n", value);
}

/* 1234567 → "1,234,567", with the locale's separator */
static char *
format_count (gint64 n)
{
  return gdn_format_quantity ((double) n);
}

/* "¥1,234,567.89": the KPIs add up orders in yuan */
static char *
format_amount (double amount)
{
  return gdn_format_money (amount, NULL);
}

/* "899 of 1,025" */
static char *
format_share (const GdnKpiRate *rate)
{
  g_autofree char *hits = format_count (rate->hits);
  g_autofree char *total = format_count (rate->total);

  /* TRANSLATORS: a part of a whole, e.g. "899 of 1,025" */
  return g_strdup_printf (_("%s of %s"), hits, total);
}

static void
print_rate (const char       *label,
            const GdnKpiRate *rate,
            const char       *what)
{
  g_autofree char *value = gdn_kpi_format_rate (rate->rate);
  g_autofree char *share = format_share (rate);
  g_autofree char *detail = g_strdup_printf ("%s %s", share, what);

  print_row (0, label, value, detail);
}

static void
print_volumes (const char         *title,
               const GdnEnumInfo  *info,
               const GdnKpiVolume *volumes)
{
  print_row (2, title, "", NULL);
  for (guint i = 0; info->values[i].value != NULL; i++)
    {
      g_autofree char *count = format_count (volumes[i].count);
      g_autofree char *amount = format_amount (volumes[i].amount);

      print_row (4, gdn_enum_label (info, info->values[i].value), count, amount);
    }
}

static void
print_table (const GdnKpi *kpi)
{
  g_autofree char *n_surveys = format_count (kpi->satisfaction.count);
  g_autofree char *surveys = g_strdup_printf (ngettext ("%s survey", "%s surveys",
                                                        (gulong) kpi->satisfaction.count),
                                              n_surveys);
  g_autofree char *mean = gdn_kpi_format_mean (kpi->satisfaction.mean);
  g_autofree char *orders = format_count (kpi->order_volume.count);
  g_autofree char *amount = format_amount (kpi->order_volume.amount);

  g_autofree char *from = gdn_format_date (kpi->from);
  g_autofree char *to = gdn_format_date (kpi->to);

  g_print (_("KPIs from %s to %s"), from, to);
  g_print ("\n\n");

  print_rate (_("On-time delivery"), &kpi->on_time_delivery, _("orders delivered"));
  print_row (0, _("Customer satisfaction"), mean, surveys);
  for (int d = 0; d < GDN_KPI_N_DIMENSIONS; d++)
    {
      g_autofree char *value = gdn_kpi_format_mean (kpi->dimensions[d].mean);
      print_row (2, gdn_kpi_dimension_label (d), value, NULL);
    }
  print_rate (_("Conversion"), &kpi->conversion, _("inquiries"));
  print_rate (_("24-hour response"), &kpi->response_24h, _("cases opened"));
  print_rate (_("Closure"), &kpi->closure, _("cases opened"));

  g_print ("\n");
  print_row (0, _("Complaints by category"), "", NULL);
  for (guint i = 0; gdn_enum_complaint_category.values[i].value != NULL; i++)
    {
      const char *category = gdn_enum_complaint_category.values[i].value;
      g_autofree char *count = format_count (kpi->complaint_mix[i]);

      print_row (2, gdn_enum_label (&gdn_enum_complaint_category, category), count, NULL);
    }

  g_print ("\n");
  print_row (0, _("Orders confirmed"), orders, amount);
  print_volumes (_("By type"), &gdn_enum_order_type, kpi->volume_by_type);
  print_volumes (_("By status now"), &gdn_enum_order_status, kpi->volume_by_status);

  g_print ("\n");
  if (kpi->carriers->len == 0)
    {
      print_row (0, _("Carriers"), _("no data"), NULL);
      return;
    }
  print_padded (_("Carriers"), LABEL_WIDTH);
  print_padded (_("Shipments"), VALUE_WIDTH);
  print_padded (_("On time"), VALUE_WIDTH);
  g_print ("%s\n", _("Mean transit days"));
  for (guint i = 0; i < kpi->carriers->len; i++)
    {
      const GdnKpiCarrier *c = g_ptr_array_index (kpi->carriers, i);
      g_autofree char *shipments = format_count (c->shipments);
      g_autofree char *on_time = gdn_kpi_format_rate (c->on_time.rate);
      g_autofree char *transit = NULL;

      if (gdn_kpi_has_value (c->mean_transit_days))
        transit = g_strdup_printf ("%.1f", c->mean_transit_days);
      else
        transit = g_strdup (_("no data"));
      g_print ("  ");
      print_padded (c->carrier, LABEL_WIDTH - 2);
      print_padded (shipments, VALUE_WIDTH);
      print_padded (on_time, VALUE_WIDTH);
      g_print ("%s\n", transit);
    }
}

/* Reads a date option; NULL (after a message naming the option) when it is missing or not
 * a date. Accepts the forms people type: 2026-01-05, 2026/1/5, 2026年1月5日. */
static char *
date_option (const char *option,
             const char *text)
{
  char *date;

  if (text == NULL)
    {
      gdn_cli_usage_error ("kpi", _("%s is required (YYYY-MM-DD)"), option);
      return NULL;
    }
  date = gdn_parse_date (text);
  if (date == NULL)
    gdn_cli_usage_error ("kpi", _("%s: “%s” is not a date; use YYYY-MM-DD"), option, text);
  return date;
}

int
gdn_cli_kpi (int    argc,
             char **argv)
{
  g_autofree char *from_text = NULL;
  g_autofree char *to_text = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autoptr(GdnDatabase) database = NULL;
  g_autoptr(GdnKpi) kpi = NULL;
  g_autoptr(GError) error = NULL;
  gboolean json = FALSE;
  const char *path;
  const GOptionEntry entries[] = {
    { "from", 0, 0, G_OPTION_ARG_STRING, &from_text,
      N_("The first day of the period"), N_("YYYY-MM-DD") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to_text,
      N_("The last day of the period (included)"), N_("YYYY-MM-DD") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Write JSON instead of a table"), NULL },
    { NULL }
  };

  if (!gdn_cli_parse ("kpi", NULL,
                      _("Compute on-time delivery, satisfaction, conversion, response and "
                        "closure rates, complaints, order volume and carrier performance "
                        "for a period."),
                      entries, &argc, &argv))
    return GDN_EXIT_USAGE;
  if (argc > 1)
    return gdn_cli_usage_error ("kpi", _("unexpected argument “%s”"), argv[1]);

  if ((from = date_option ("--from", from_text)) == NULL ||
      (to = date_option ("--to", to_text)) == NULL)
    return GDN_EXIT_USAGE;
  if (strcmp (from, to) > 0)
    return gdn_cli_usage_error ("kpi", _("--from (%s) is after --to (%s)"), from, to);

  path = gdn_cli_database_path ();
  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_printerr (_("gendan-cli %s: there is no database at “%s”\n"), "kpi", path);
      return GDN_EXIT_DATA;
    }
  gdn_cli_warn_shared (path);
  database = gdn_database_open (path, &error);
  if (database != NULL)
    kpi = gdn_kpi_compute (database, from, to, &error);
  if (kpi == NULL)
    {
      gdn_cli_print_error (error);
      return GDN_EXIT_DATA;
    }

  if (json)
    {
      g_autofree char *text = gdn_kpi_to_json_string (kpi, TRUE);
      g_print ("%s\n", text);
    }
  else
    print_table (kpi);
  return GDN_EXIT_OK;
}

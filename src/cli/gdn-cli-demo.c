/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gdn-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <unistd.h>

#include "gdn-cli.h"
#include "gdn-demo.h"
#include "gdn-parse.h"

/* demo: fills a new database with 18 months of realistic, reproducible demo data. */

static void
progress_cb (guint    done,
             guint    total,
             gpointer user_data)
{
  /* only worth showing for runs of more than one chunk, and only to a person */
  if (total <= 10000 || !isatty (fileno (stderr)))
    return;
  g_printerr ("\r");
  g_printerr (_("Generating demo data: %u of %u orders…"), done, total);
  if (done == total)
    g_printerr ("\n");
}

static void
print_count (const char *what,
             gint64      n)
{
  g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, n);

  g_print ("  %8s  %s\n", number, what);
}

int
gdn_cli_demo (int    argc,
              char **argv)
{
  g_autofree char *anchor_text = NULL;
  g_autofree char *anchor = NULL;
  g_autoptr(GdnDatabase) database = NULL;
  g_autoptr(GError) error = NULL;
  gint64 seed = 1, n_orders = GDN_DEMO_DEFAULT_ORDERS, started;
  GdnDemoCounts counts;
  double seconds;
  const GOptionEntry entries[] = {
    { "seed", 0, 0, G_OPTION_ARG_INT64, &seed,
      N_("The seed: the same seed and date give the same data (default: 1)"), N_("N") },
    { "orders", 0, 0, G_OPTION_ARG_INT64, &n_orders,
      N_("How many orders, with customers, shipments, cases, surveys and interactions in "
         "proportion (default: 2000)"), N_("N") },
    { "anchor", 0, 0, G_OPTION_ARG_STRING, &anchor_text,
      N_("The last day of the 18 months of data (default: today)"), N_("YYYY-MM-DD") },
    { NULL }
  };

  if (!gdn_cli_parse ("demo", NULL,
                      _("Fill a new, empty database with 18 months of demo orders, customers, "
                        "shipments, cases, surveys, contracts and reminders. A database that "
                        "already holds customers or orders is left alone."),
                      entries, &argc, &argv))
    return GDN_EXIT_USAGE;
  if (argc > 1)
    return gdn_cli_usage_error ("demo", _("unexpected argument “%s”"), argv[1]);
  if (seed < 0 || seed > G_MAXUINT32)
    return gdn_cli_usage_error ("demo", _("--seed must be between 0 and %u"), G_MAXUINT32);
  if (n_orders < 1 || n_orders > GDN_DEMO_MAX_ORDERS)
    return gdn_cli_usage_error ("demo", _("--orders must be between 1 and %d"),
                                GDN_DEMO_MAX_ORDERS);
  if (anchor_text != NULL && (anchor = gdn_parse_date (anchor_text)) == NULL)
    return gdn_cli_usage_error ("demo", _("--anchor: “%s” is not a date; use YYYY-MM-DD"),
                                anchor_text);

  gdn_cli_warn_shared (gdn_cli_database_path ());
  database = gdn_database_open (gdn_cli_database_path (), &error);
  if (database == NULL)
    {
      gdn_cli_print_error (error);
      return GDN_EXIT_DATA;
    }

  started = g_get_monotonic_time ();
  if (!gdn_demo_generate (database, (guint32) seed, (guint) n_orders, anchor, progress_cb,
                          NULL, &counts, &error))
    {
      gdn_cli_print_error (error);
      return GDN_EXIT_DATA;
    }
  seconds = (double) (g_get_monotonic_time () - started) / G_USEC_PER_SEC;

  g_print (_("Wrote demo data to “%s” in %.1f s:\n"), gdn_database_get_path (database), seconds);
  print_count (_("customers"), counts.customers);
  print_count (_("contacts"), counts.contacts);
  print_count (_("products"), counts.products);
  print_count (_("orders"), counts.orders);
  print_count (_("order lines"), counts.order_lines);
  print_count (_("order events"), counts.order_events);
  print_count (_("shipments"), counts.shipments);
  print_count (_("cases"), counts.cases);
  print_count (_("surveys"), counts.surveys);
  print_count (_("interactions"), counts.interactions);
  print_count (_("contracts"), counts.contracts);
  print_count (_("reminders"), counts.reminders);
  return GDN_EXIT_OK;
}

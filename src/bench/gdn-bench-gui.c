/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gdn-bench-gui"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "gdn-application.h"
#include "gdn-i18n.h"
#include "gdn-order.h"
#include "gdn-parse.h"
#include "gdn-query-model.h"
#include "gdn-record-list.h"
#include "gdn-window.h"

/* The GUI figures of the "Scale: a million orders" issue, in a real window (run it under
 * `xvfb-run -a dbus-run-session`):
 *
 *   gendan-bench-gui DATABASE        both programs below, one after the other, and ratios
 *   gendan-bench-gui --bare          a bare window: the floor
 *   gendan-bench-gui --app DATABASE  the application on DATABASE, driven
 *   gendan-bench-gui --bare-start, --app-start DATABASE
 *                                    each only to its first frame, then quits
 *   gendan-bench-gui --bare-rows-start
 *                                    the bare window with rows, to its first frame
 *
 * The bare window is the same toolkit with an empty column view of the order list's
 * columns; it reports the time from the start of its process to its first frame and its
 * memory. The application reports the time from the start of its process to the first
 * order rows painted, then types a Chinese and a Latin query into the order search one
 * character at a time (as fast as a person types), sorts by every sortable column, and
 * scrolls to the end and by pages. For each it prints the latency from the action to the
 * frame that shows its result, the duration of the frames, and the longest stall of the
 * main loop: how late a 5 ms timeout ran. One `name value unit` line per figure.
 *
 * The bare window with rows shows, in the same columns, as many rows of order numbers and
 * Chinese names as the application's first frame does: what the toolkit itself takes to
 * show them, beside the empty floor. */

#define TYPING_INTERVAL_MS 250
#define SETTLE_MS          400
#define PROBE_MS           5
/* the starts timed again, in pairs, beside the driven run: one start's ratio varies with
 * the machine by more than the target's margin */
#define START_PAIRS        7

/* --bare-start, --app-start: quit once the first frame (the first rows) is out */
static gboolean start_only;
/* --bare-rows-start: the bare window's first frame shows rows */
static gboolean bare_with_rows;

/* ─── figures ─────────────────────────────────────────────────────────────────────── */

static void
emit (const char *name,
      double      value,
      const char *unit)
{
  if (value >= 100 || value == (gint64) value)
    printf ("%s %.0f %s\n", name, value, unit);
  else
    printf ("%s %.3g %s\n", name, value, unit);
  fflush (stdout);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

static double
percentile (GArray *values,
            double  p)
{
  g_autoptr(GArray) sorted = NULL;
  guint i;

  if (values->len == 0)
    return 0;
  sorted = g_array_copy (values);
  g_array_sort (sorted, compare_doubles);
  i = (guint) MIN (sorted->len - 1.0, p * (sorted->len - 1) + 0.5);
  return g_array_index (sorted, double, i);
}

static void
emit_distribution (const char *prefix,
                   const char *name,
                   GArray     *ms)
{
  g_autofree char *p50 = g_strdup_printf ("%s.%s_p50", prefix, name);
  g_autofree char *p95 = g_strdup_printf ("%s.%s_p95", prefix, name);
  g_autofree char *max = g_strdup_printf ("%s.%s_max", prefix, name);

  emit (p50, percentile (ms, 0.5), "ms");
  emit (p95, percentile (ms, 0.95), "ms");
  emit (max, percentile (ms, 1.0), "ms");
}

/* Milliseconds since this process started (its start time in /proc, in clock ticks since
 * boot), so that loading the libraries counts too. */
static double
ms_since_process_start (void)
{
  g_autofree char *stat = NULL;
  struct timespec now;
  const char *p;
  guint64 start_ticks = 0;

  clock_gettime (CLOCK_BOOTTIME, &now);
  if (!g_file_get_contents ("/proc/self/stat", &stat, NULL, NULL) ||
      (p = strrchr (stat, ')')) == NULL)
    return -1;
  /* after the command name: state is field 3, starttime field 22 */
  p += 2;
  for (int field = 3; field < 22 && p != NULL; field++)
    if ((p = strchr (p, ' ')) != NULL)
      p++;
  if (p == NULL)
    return -1;
  start_ticks = g_ascii_strtoull (p, NULL, 10);
  return (now.tv_sec * 1000.0 + now.tv_nsec / 1e6) -
         start_ticks * 1000.0 / sysconf (_SC_CLK_TCK);
}

/* VmRSS or VmHWM of this process, in MiB */
static double
memory_mib (const char *key)
{
  g_autofree char *status = NULL;
  const char *p;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) ||
      (p = strstr (status, key)) == NULL)
    return -1;
  return g_ascii_strtod (p + strlen (key) + 1, NULL) / 1024.0;
}

static void
emit_memory (const char *prefix)
{
  g_autofree char *rss = g_strdup_printf ("%s.rss", prefix);
  g_autofree char *hwm = g_strdup_printf ("%s.rss_peak", prefix);

  emit (rss, memory_mib ("VmRSS:"), "MiB");
  emit (hwm, memory_mib ("VmHWM:"), "MiB");
}

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

static void
spin (guint ms)
{
  double until = now_ms () + ms;

  while (now_ms () < until)
    g_main_context_iteration (NULL, FALSE) || (g_usleep (500), TRUE);
}

/* ─── the bare window ─────────────────────────────────────────────────────────────── */

static const char * const order_columns[] = {
  "", N_("Order Number"), N_("Customer"), N_("Type"), N_("Status"), N_("Promised"),
  N_("Amount"), N_("Owner"),
};

/* The floor for a new sort or search: the same column view with labels in its cells,
 * its rows replaced by others (new objects, as a new query gives) BARE_RESETS times; the
 * latency from the change to the frame that shows it. */
#define BARE_RESETS 14
#define BARE_ROWS   2000
/* the rows of the application's first frame in its window's default size */
#define BARE_FIRST_ROWS 22

static const char * const bare_names[] = {
  "西安市鑫源汽车配件制造有限公司", "杭州市星光印刷股份有限公司", "深圳海天光电科技有限公司",
  "广州市东方化工科技有限公司", "北京市宝丰电器有限公司", "南京市正泰五金有限公司",
  "佛山市华美精密机械科技有限公司", "无锡市佳美光电实业有限公司",
};
static const char * const bare_owners[] = { "张伟", "王丽娟", "陈晓梅", "刘洋", "李静" };
/* the order list's column widths, in pixels here */
static const int bare_widths[] = { 32, 144, 120, 80, 104, 104, 112, 88 };

static GListStore *bare_rows;
static guint bare_paints;

static void
on_bare_setup_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item)
{
  GtkWidget *label;

  /* the first rows in the order list's kind of cell */
  if (bare_with_rows)
    {
      GtkWidget *cell = gtk_inscription_new (NULL);

      gtk_inscription_set_text_overflow (GTK_INSCRIPTION (cell),
                                         GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
      gtk_inscription_set_nat_chars (GTK_INSCRIPTION (cell), 16);
      gtk_widget_set_size_request (cell, -1, 20);
      gtk_list_item_set_child (item, cell);
      return;
    }
  label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

static void
on_bare_bind_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 gpointer                  column)
{
  GtkStringObject *row = gtk_list_item_get_item (item);

  /* a row of the first rows: one field per column, as the order list shows them */
  if (bare_with_rows)
    {
      g_auto(GStrv) fields = g_strsplit (gtk_string_object_get_string (row), "\t", -1);

      gtk_inscription_set_text (GTK_INSCRIPTION (gtk_list_item_get_child (item)),
                                fields[GPOINTER_TO_UINT (column)]);
      return;
    }

  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (item)),
                       gtk_string_object_get_string (row));
}

/* In one change, or as the application does: the old rows leave, then the new come */
static void
replace_bare_rows (guint    round,
                   gboolean two_steps)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < BARE_ROWS; i++)
    {
      g_autofree char *text = g_strdup_printf ("XS2026%02u%05u 深圳市华强电子有限公司", round, i);

      g_ptr_array_add (rows, gtk_string_object_new (text));
    }
  if (two_steps)
    {
      g_list_store_remove_all (bare_rows);
      g_list_store_splice (bare_rows, 0, 0, rows->pdata, rows->len);
    }
  else
    g_list_store_splice (bare_rows, 0, g_list_model_get_n_items (G_LIST_MODEL (bare_rows)),
                         rows->pdata, rows->len);
}

static gboolean
bare_settled_cb (gpointer data)
{
  emit_memory ("bare");
  for (guint two_steps = 0; two_steps < 2; two_steps++)
    {
      g_autoptr(GArray) latencies = g_array_new (FALSE, FALSE, sizeof (double));

      for (guint round = 1; round <= BARE_RESETS; round++)
        {
          guint paints = bare_paints;
          double start = now_ms ();

          replace_bare_rows (round, two_steps);
          while (bare_paints == paints)
            g_main_context_iteration (NULL, TRUE);
          g_array_append_val (latencies, (double) { now_ms () - start });
          spin (50);
        }
      emit_distribution ("bare", two_steps ? "replace_rows_two_steps_latency"
                                           : "replace_rows_latency", latencies);
    }
  g_application_quit (G_APPLICATION (data));
  return G_SOURCE_REMOVE;
}

static void
on_bare_after_paint_cb (GdkFrameClock  *clock,
                        GtkApplication *app)
{
  static gboolean done;

  bare_paints++;
  if (done)
    return;
  done = TRUE;
  emit (bare_with_rows ? "bare_rows.first_frame" : "bare.first_frame",
        ms_since_process_start (), "ms");
  if (start_only)
    {
      g_application_quit (G_APPLICATION (app));
      return;
    }
  /* its memory once it has settled, as for the application */
  g_timeout_add (SETTLE_MS, bare_settled_cb, app);
}

static void
on_bare_realize_cb (GtkWidget      *window,
                    GtkApplication *app)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (on_bare_after_paint_cb), app);
}

static void
on_bare_activate_cb (GtkApplication *app)
{
  GtkWidget *window = adw_application_window_new (app);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *view;

  /* empty until it has been painted once, or with the application's first rows */
  bare_rows = g_list_store_new (GTK_TYPE_STRING_OBJECT);
  for (guint i = 0; bare_with_rows && i < BARE_FIRST_ROWS; i++)
    {
      g_autofree char *text = g_strdup_printf ("\tXS20261123%04u\t%s\tRegular\tQuoted\t"
                                               "2026-12-20\t¥124,040.90\t%s", i,
                                               bare_names[i % G_N_ELEMENTS (bare_names)],
                                               bare_owners[i % G_N_ELEMENTS (bare_owners)]);
      g_autoptr(GtkStringObject) row = gtk_string_object_new (text);

      g_list_store_append (bare_rows, row);
    }
  view = gtk_column_view_new (GTK_SELECTION_MODEL (gtk_no_selection_new (G_LIST_MODEL (bare_rows))));
  /* rows as high as the order list's */
  if (bare_with_rows)
    {
      gtk_widget_add_css_class (view, "data-table");
      gtk_column_view_set_show_row_separators (GTK_COLUMN_VIEW (view), TRUE);
    }
  for (guint i = 0; i < G_N_ELEMENTS (order_columns); i++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

      g_signal_connect (factory, "setup", G_CALLBACK (on_bare_setup_cb), NULL);
      g_signal_connect (factory, "bind", G_CALLBACK (on_bare_bind_cb), GUINT_TO_POINTER (i));
      GtkColumnViewColumn *column =
        gtk_column_view_column_new (*order_columns[i] ? _(order_columns[i]) : NULL, factory);

      gtk_column_view_column_set_expand (column, i == 2);
      if (bare_with_rows)
        gtk_column_view_column_set_fixed_width (column, bare_widths[i]);
      gtk_column_view_append_column (GTK_COLUMN_VIEW (view), column);
      g_object_unref (column);
    }

  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), view);
  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_box_append (GTK_BOX (box), scroller);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 700);
  g_signal_connect (window, "realize", G_CALLBACK (on_bare_realize_cb), app);
  gtk_window_present (GTK_WINDOW (window));
}

static int
run_bare (void)
{
  g_autoptr(AdwApplication) app =
    adw_application_new ("io.github.gendan.BenchBare", G_APPLICATION_NON_UNIQUE);
  char *argv[] = { (char *) "gendan-bench-gui", NULL };

  g_signal_connect (app, "activate", G_CALLBACK (on_bare_activate_cb), NULL);
  return g_application_run (G_APPLICATION (app), 1, argv);
}

/* ─── the application ─────────────────────────────────────────────────────────────── */

typedef struct
{
  GdnApplication *app;
  GtkWindow      *window;
  GPtrArray      *order_lists;    /* every GdnRecordList of orders in the window */
  GdnRecordList  *list;           /* the one the Orders section shows */
  GtkColumnView  *view;
  GtkWidget      *list_view;      /* the column view's rows */
  GtkSearchEntry *entry;
  GListModel     *model;

  gboolean        first_rows_seen;
  gboolean        driving;

  /* frames */
  double          frame_start;    /* ms; 0 outside a frame */
  GArray         *frame_ms;       /* double: each frame's duration in this phase */
  double          last_paint;     /* ms */
  guint           n_paints;

  /* the main loop */
  double          probe_last;
  double          max_stall;      /* ms: the latest the probe ran, in this phase */

  /* the action being waited for */
  double          action_at;
  double          changed_at;     /* the model's last items-changed after the action */
} Drive;

static Drive drive;

static gboolean
probe_cb (gpointer data)
{
  double now = now_ms ();

  if (drive.probe_last > 0)
    drive.max_stall = MAX (drive.max_stall, now - drive.probe_last - PROBE_MS);
  drive.probe_last = now;
  return G_SOURCE_CONTINUE;
}

static void
begin_phase (void)
{
  /* whatever the previous phase left running ends first */
  spin (SETTLE_MS);
  g_array_set_size (drive.frame_ms, 0);
  drive.max_stall = 0;
  drive.probe_last = 0;
}

static void
end_phase (const char *name,
           GArray     *latencies)
{
  g_autofree char *stall = g_strdup_printf ("app.%s_longest_stall", name);
  g_autofree char *latency = g_strdup_printf ("%s_latency", name);
  g_autofree char *frame = g_strdup_printf ("%s_frame", name);

  spin (SETTLE_MS);
  emit_distribution ("app", latency, latencies);
  emit_distribution ("app", frame, drive.frame_ms);
  emit (stall, drive.max_stall, "ms");
}

static gboolean
rows_painted (void)
{
  GtkWidget *child;
  GPtrArray *stack;
  gboolean found = FALSE;

  if (drive.list_view == NULL || !gtk_widget_get_mapped (drive.list_view))
    return FALSE;
  /* a cell's text: the header's titles are outside the rows' list view */
  stack = g_ptr_array_new ();
  g_ptr_array_add (stack, drive.list_view);
  while (stack->len > 0 && !found)
    {
      GtkWidget *w = g_ptr_array_steal_index (stack, stack->len - 1);

      if (gtk_widget_get_mapped (w) &&
          ((GTK_IS_LABEL (w) && *gtk_label_get_text (GTK_LABEL (w)) != '\0') ||
           (GTK_IS_INSCRIPTION (w) && gtk_inscription_get_text (GTK_INSCRIPTION (w)) != NULL &&
            *gtk_inscription_get_text (GTK_INSCRIPTION (w)) != '\0')))
        found = TRUE;
      for (child = gtk_widget_get_first_child (w); child; child = gtk_widget_get_next_sibling (child))
        g_ptr_array_add (stack, child);
    }
  g_ptr_array_unref (stack);
  return found;
}

static void
on_before_paint_cb (GdkFrameClock *clock)
{
  drive.frame_start = now_ms ();
}

static void
on_update_cb (GdkFrameClock *clock)
{
  /* a frame starts with its update (animations), before layout and paint */
  if (drive.frame_start == 0)
    drive.frame_start = now_ms ();
}

static GtkWidget *find_descendant (GtkWidget *widget,
                                   GType      type);
static void on_items_changed_cb (GListModel *model,
                                 guint       position,
                                 guint       removed,
                                 guint       added);

/* Other sections may hold lists of orders too: the measured one is the one shown */
static void
choose_list (void)
{
  for (guint i = 0; drive.list == NULL && i < drive.order_lists->len; i++)
    {
      GdnRecordList *list = g_ptr_array_index (drive.order_lists, i);

      if (!gtk_widget_get_mapped (GTK_WIDGET (list)))
        continue;
      drive.list = list;
      drive.view = GTK_COLUMN_VIEW (find_descendant (GTK_WIDGET (list), GTK_TYPE_COLUMN_VIEW));
      drive.list_view = find_descendant (GTK_WIDGET (drive.view), GTK_TYPE_LIST_VIEW);
      drive.entry = GTK_SEARCH_ENTRY (find_descendant (GTK_WIDGET (list),
                                                       GTK_TYPE_SEARCH_ENTRY));
      drive.model = G_LIST_MODEL (gdn_record_list_get_model (list));
      g_signal_connect (drive.model, "items-changed", G_CALLBACK (on_items_changed_cb), NULL);
    }
}

static void
on_after_paint_cb (GdkFrameClock *clock)
{
  double now = now_ms ();

  if (drive.frame_start > 0)
    g_array_append_val (drive.frame_ms, (double) { now - drive.frame_start });
  drive.frame_start = 0;
  drive.last_paint = now;
  drive.n_paints++;
  choose_list ();

  if (!drive.first_rows_seen && rows_painted ())
    {
      drive.first_rows_seen = TRUE;
      emit ("app.first_rows", ms_since_process_start (), "ms");
      if (start_only)
        g_application_quit (G_APPLICATION (drive.app));
    }
}

static void
on_items_changed_cb (GListModel *model,
                     guint       position,
                     guint       removed,
                     guint       added)
{
  drive.changed_at = now_ms ();
}

static gboolean
search_changed_hook (GSignalInvocationHint *hint,
                     guint                  n_values,
                     const GValue          *values,
                     gpointer               data)
{
  if (g_value_get_object (&values[0]) == (gpointer) drive.entry)
    drive.action_at = now_ms ();
  return TRUE;
}

/* Waits for the frame that shows the result of the action started at drive.action_at:
 * the first paint after the model's last change (or, when it does not change, after the
 * action). Returns its latency in ms, or -1 after @timeout_ms. */
static double
wait_for_result (gboolean expect_change,
                 guint    quiet_ms,
                 guint    timeout_ms)
{
  double start = now_ms ();

  while (now_ms () - start < timeout_ms)
    {
      double since_change;

      g_main_context_iteration (NULL, FALSE) || (g_usleep (500), TRUE);
      if (drive.action_at == 0)
        continue;   /* the search entry has not fired yet */
      if (expect_change && drive.changed_at < drive.action_at)
        continue;
      since_change = now_ms () - MAX (drive.changed_at, drive.action_at);
      if (drive.last_paint > MAX (drive.changed_at, drive.action_at) && since_change >= quiet_ms)
        return drive.last_paint - drive.action_at;
    }
  return -1;
}

static void
type_query (const char *name,
            const char *query)
{
  g_autoptr(GArray) latencies = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GString) typed = g_string_new (NULL);
  g_autofree char *hits = g_strdup_printf ("app.%s_hits", name);
  guint n_hits = 0;

  gtk_editable_set_text (GTK_EDITABLE (drive.entry), "");
  begin_phase ();
  for (const char *p = query; *p; p = g_utf8_next_char (p))
    {
      double latency;

      g_string_append_len (typed, p, g_utf8_next_char (p) - p);
      drive.action_at = 0;
      gtk_editable_set_text (GTK_EDITABLE (drive.entry), typed->str);
      gtk_editable_set_position (GTK_EDITABLE (drive.entry), -1);
      /* the entry waits for a pause in typing before it searches: typing goes on at a
       * person's pace, and each search's result is waited for */
      spin (TYPING_INTERVAL_MS);
      latency = wait_for_result (TRUE, 50, 10000);
      if (latency >= 0)
        g_array_append_val (latencies, latency);
      n_hits = g_list_model_get_n_items (drive.model);
    }
  end_phase (name, latencies);
  emit (hits, n_hits, "rows");
  gtk_editable_set_text (GTK_EDITABLE (drive.entry), "");
  wait_for_result (FALSE, 50, 10000);
}

static void
sort_columns (void)
{
  g_autoptr(GArray) latencies = g_array_new (FALSE, FALSE, sizeof (double));
  GListModel *columns = gtk_column_view_get_columns (drive.view);

  begin_phase ();
  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);
      const char *field = g_object_get_data (G_OBJECT (column), "gdn-field");

      if (gtk_column_view_column_get_sorter (column) == NULL)
        continue;
      for (int direction = 0; direction < 2; direction++)
        {
          g_autofree char *figure_name = g_strdup_printf ("app.sort_%s_%s",
                                                          field ? field : "column",
                                                          direction ? "desc" : "asc");
          double latency;

          drive.action_at = now_ms ();
          /* as a click on its header does */
          gtk_column_view_sort_by_column (drive.view, column,
                                          direction ? GTK_SORT_DESCENDING : GTK_SORT_ASCENDING);
          latency = wait_for_result (TRUE, 50, 15000);
          if (latency >= 0)
            g_array_append_val (latencies, latency);
          emit (figure_name, latency, "ms");
          spin (SETTLE_MS);
        }
    }
  end_phase ("sort", latencies);
}

static void
scroll (void)
{
  g_autoptr(GArray) latencies = g_array_new (FALSE, FALSE, sizeof (double));
  GtkScrollable *scrollable = GTK_SCROLLABLE (drive.list_view);
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (scrollable);

  gtk_column_view_sort_by_column (drive.view, NULL, GTK_SORT_ASCENDING);
  begin_phase ();
  for (int step = 0; step < 42; step++)
    {
      double upper = gtk_adjustment_get_upper (adjustment);
      double page = gtk_adjustment_get_page_size (adjustment);
      double value = gtk_adjustment_get_value (adjustment);
      double latency;

      /* to the end, 20 pages up, to the top, 20 pages down */
      if (step == 0)
        value = upper - page;
      else if (step < 21)
        value -= page;
      else if (step == 21)
        value = 0;
      else
        value += page;
      drive.action_at = now_ms ();
      gtk_adjustment_set_value (adjustment, value);
      latency = wait_for_result (FALSE, 30, 10000);
      if (latency >= 0)
        g_array_append_val (latencies, latency);
      if (step == 0)
        emit ("app.scroll_to_end", latency, "ms");
      spin (60);
    }
  end_phase ("scroll", latencies);
}

static void
find_order_lists (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GDN_IS_RECORD_LIST (child) &&
          g_list_model_get_item_type (G_LIST_MODEL (gdn_record_list_get_model (
            GDN_RECORD_LIST (child)))) == GDN_TYPE_ORDER)
        g_ptr_array_add (drive.order_lists, child);
      find_order_lists (child);
    }
}

static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        return child;
      if ((found = find_descendant (child, type)) != NULL)
        return found;
    }
  return NULL;
}

static gboolean
drive_cb (gpointer data)
{
  const char *zh = g_getenv ("GDN_BENCH_GUI_ZH");
  const char *latin = g_getenv ("GDN_BENCH_GUI_LATIN");

  if (!drive.first_rows_seen)
    return G_SOURCE_CONTINUE;

  /* the first rows settle (the remaining sections load too) before the driving starts */
  spin (SETTLE_MS);
  emit_memory ("app");
  g_timeout_add (PROBE_MS, probe_cb, NULL);

  type_query ("search_zh", zh ? zh : "锦华家具");
  type_query ("search_latin", latin ? latin : "XS2025");
  sort_columns ();
  scroll ();

  emit_memory ("app_end");
  g_application_quit (G_APPLICATION (drive.app));
  return G_SOURCE_REMOVE;
}

static void
on_window_realize_cb (GtkWidget *window)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);

  g_signal_connect (clock, "update", G_CALLBACK (on_update_cb), NULL);
  g_signal_connect (clock, "before-paint", G_CALLBACK (on_before_paint_cb), NULL);
  g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint_cb), NULL);
}

static void
on_window_added_cb (GtkApplication *app,
                    GtkWindow      *window)
{
  if (!GDN_IS_WINDOW (window) || drive.window != NULL)
    return;
  drive.window = window;
  /* the order list is what is measured: as if the app opened on it */
  gdn_window_set_section (GDN_WINDOW (window), "orders");
  drive.order_lists = g_ptr_array_new ();
  find_order_lists (GTK_WIDGET (window));
  if (drive.order_lists->len == 0)
    g_error ("The window has no order list");
  /* the search runs when the entry says so, a moment after the last key */
  g_signal_add_emission_hook (g_signal_lookup ("search-changed", GTK_TYPE_SEARCH_ENTRY), 0,
                              search_changed_hook, NULL, NULL);
  g_signal_connect (window, "realize", G_CALLBACK (on_window_realize_cb), NULL);
  g_timeout_add (100, drive_cb, NULL);
}

static int
run_app (const char *database)
{
  g_autoptr(GdnApplication) app = NULL;
  char *argv[] = { (char *) "gendan", (char *) "--database", (char *) database, NULL };

  g_autoptr(GSettings) settings = NULL;
  g_autofree char *backups = g_build_filename (g_get_tmp_dir (), "gendan-bench-gui", NULL);
  g_autofree char *today = gdn_today ();
  g_autofree char *todays_name = g_strdup_printf ("gendan-%s.db", today);
  g_autofree char *todays = g_build_filename (backups, todays_name, NULL);

  /* Run from the build tree: the schema compiled beside it, settings kept in memory */
  if (g_getenv ("GSETTINGS_SCHEMA_DIR") == NULL)
    g_setenv ("GSETTINGS_SCHEMA_DIR", BUILD_SCHEMADIR, TRUE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);

  /* today's backup is "there" already: a copy of the whole file is no part of the run */
  g_mkdir_with_parents (backups, 0700);
  g_file_set_contents (todays, "", 0, NULL);
  settings = g_settings_new (APP_ID);
  g_settings_set_string (settings, "backup-folder", backups);

  g_set_application_name (_("Gendan"));
  drive.frame_ms = g_array_new (FALSE, FALSE, sizeof (double));

  app = gdn_application_new ();
  /* one instance per session: a running Gendan would be handed the window instead */
  g_application_set_flags (G_APPLICATION (app),
                           g_application_get_flags (G_APPLICATION (app)) |
                           G_APPLICATION_NON_UNIQUE);
  drive.app = app;
  g_signal_connect (app, "window-added", G_CALLBACK (on_window_added_cb), NULL);
  return g_application_run (G_APPLICATION (app), G_N_ELEMENTS (argv) - 1, argv);
}

/* ─── both, side by side ──────────────────────────────────────────────────────────── */

static GHashTable *
run_child (const char  *self_path,
           const char  *mode,
           const char  *database,
           GError     **error)
{
  g_autoptr(GSubprocess) child = NULL;
  g_autofree char *out = NULL;
  g_auto(GStrv) lines = NULL;
  GHashTable *figures = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  child = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, error, self_path, mode, database,
                            NULL);
  if (child == NULL || !g_subprocess_communicate_utf8 (child, NULL, NULL, &out, NULL, error))
    {
      g_hash_table_unref (figures);
      return NULL;
    }
  fputs (out, stdout);
  fflush (stdout);
  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) words = g_strsplit (lines[i], " ", 3);

      if (g_strv_length (words) == 3)
        g_hash_table_insert (figures, g_strdup (words[0]),
                             g_memdup2 (&(double) { g_ascii_strtod (words[1], NULL) },
                                        sizeof (double)));
    }
  return figures;
}

static double
figure (GHashTable *figures,
        const char *name)
{
  double *value = g_hash_table_lookup (figures, name);
  return value ? *value : NAN;
}

static int
run_both (const char *self_path,
          const char *database)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) bare = NULL;
  g_autoptr(GHashTable) app = NULL;
  g_autoptr(GArray) start_ratios = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) rows_ratios = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) app_rows_ratios = g_array_new (FALSE, FALSE, sizeof (double));

  /* a first bare run warms the disk cache for the libraries, as a second start would */
  bare = run_child (self_path, "--bare", NULL, &error);
  if (bare != NULL)
    {
      g_hash_table_unref (bare);
      bare = run_child (self_path, "--bare", NULL, &error);
    }
  if (bare != NULL)
    app = run_child (self_path, "--app", database, &error);
  if (app == NULL)
    {
      g_printerr ("gendan-bench-gui: %s\n", error->message);
      return 1;
    }
  emit ("first_rows_vs_bare_first_frame",
        figure (app, "app.first_rows") / figure (bare, "bare.first_frame"), "ratio");
  emit ("rss_over_bare", figure (app, "app.rss") - figure (bare, "bare.rss"), "MiB");
  emit ("rss_end_over_bare", figure (app, "app_end.rss") - figure (bare, "bare.rss"), "MiB");
  /* a new sort or search against the toolkit's own cost of showing other rows */
  emit ("sort_vs_bare_replace_rows",
        figure (app, "app.sort_latency_p95") / figure (bare, "bare.replace_rows_latency_p95"),
        "ratio");
  emit ("search_zh_vs_bare_replace_rows",
        figure (app, "app.search_zh_latency_p95") /
        figure (bare, "bare.replace_rows_latency_p95"), "ratio");
  emit ("search_latin_vs_bare_replace_rows",
        figure (app, "app.search_latin_latency_p95") /
        figure (bare, "bare.replace_rows_latency_p95"), "ratio");

  /* the starts again, a bare window then the application each time, and the bare window
   * with the rows the application shows first */
  for (guint i = 0; i < START_PAIRS; i++)
    {
      g_autoptr(GHashTable) bare_start = run_child (self_path, "--bare-start", NULL, &error);
      g_autoptr(GHashTable) app_start = NULL;
      g_autoptr(GHashTable) rows_start = NULL;
      double bare_ms, ratio;

      if (bare_start == NULL ||
          (app_start = run_child (self_path, "--app-start", database, &error)) == NULL ||
          (rows_start = run_child (self_path, "--bare-rows-start", NULL, &error)) == NULL)
        {
          g_printerr ("gendan-bench-gui: %s\n", error->message);
          return 1;
        }
      bare_ms = figure (bare_start, "bare.first_frame");
      ratio = figure (app_start, "app.first_rows") / bare_ms;
      g_array_append_val (start_ratios, ratio);
      emit ("start_pair.first_rows_vs_bare_first_frame", ratio, "ratio");
      ratio = figure (rows_start, "bare_rows.first_frame") / bare_ms;
      g_array_append_val (rows_ratios, ratio);
      emit ("start_pair.bare_rows_vs_bare_first_frame", ratio, "ratio");
      ratio = figure (app_start, "app.first_rows") / figure (rows_start, "bare_rows.first_frame");
      g_array_append_val (app_rows_ratios, ratio);
    }
  emit ("first_rows_vs_bare_first_frame_median", percentile (start_ratios, 0.5), "ratio");
  /* what the toolkit alone takes to show those rows, and the application beside that */
  emit ("bare_rows_vs_bare_first_frame_median", percentile (rows_ratios, 0.5), "ratio");
  emit ("first_rows_vs_bare_rows_first_frame_median", percentile (app_rows_ratios, 0.5),
        "ratio");
  return 0;
}

int
main (int   argc,
      char *argv[])
{
  gdn_i18n_init ();

  start_only = argc >= 2 && g_str_has_suffix (argv[1], "-start");
  bare_with_rows = argc == 2 && strcmp (argv[1], "--bare-rows-start") == 0;
  if (bare_with_rows ||
      (argc == 2 && (strcmp (argv[1], "--bare") == 0 || strcmp (argv[1], "--bare-start") == 0)))
    return run_bare ();
  if (argc == 3 && (strcmp (argv[1], "--app") == 0 || strcmp (argv[1], "--app-start") == 0))
    return run_app (argv[2]);
  if (argc == 2 && argv[1][0] != '-')
    return run_both (argv[0], argv[1]);

  g_printerr ("Usage: gendan-bench-gui DATABASE | --bare | --app DATABASE"
              " | --bare-start | --bare-rows-start | --app-start DATABASE\n");
  return 2;
}

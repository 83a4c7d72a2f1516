/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gdn-report"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "gdn-chart-common.h"
#include "gdn-enums.h"
#include "gdn-flags.h"
#include "gdn-parse.h"
#include "gdn-report-private.h"

/* The six sections of the classic follow-up work report, from the period's KPIs and a few
 * queries of the records behind them. Figures come from GdnKpi (one definition with the
 * dashboard and gendan-cli); the tables list the records. The plan looks at the next period
 * of the same length. Long lists that a manager would not read in full (open orders, notable
 * contacts) stop at LIST_LIMIT rows and say how many more there are; the shipments and cases
 * of the period go further (a month of a large company has thousands: its report would run
 * to a thousand pages), the late shipments first. */

#define LIST_LIMIT 60
#define RECORDS_LIMIT (4 * LIST_LIMIT)

/* A shipment delayed, or delivered after its ETA, or not delivered by an ETA gone by */
#define SHIPMENT_LATE_SQL                                                              \
  "(s.status IN ('delayed', 'exception')"                                               \
  " OR (s.eta IS NOT NULL AND s.delivered_date IS NOT NULL"                             \
  "     AND s.delivered_date > s.eta)"                                                  \
  " OR (s.eta IS NOT NULL AND s.delivered_date IS NULL"                                 \
  "     AND s.eta < " GDN_FLAGS_TODAY_SQL "))"
#define SHIPMENTS_IN_PERIOD_SQL                                                        \
  " FROM shipments s WHERE s.shipped_date BETWEEN :from AND :to AND s.deleted_at IS NULL"

typedef struct
{
  sqlite3                 *db;
  GdnReportLayout         *layout;
  const GdnKpi            *kpi;
  const GdnReportOptions  *options;
  const char              *from;
  const char              *to;
  char                    *end;
  char                    *next_from;
  char                    *next_to;
  char                    *next_end;
} Ctx;

/* Helpers */

static char *
format_count (gint64 n)
{
  g_autofree char *digits = g_strdup_printf ("%" G_GINT64_FORMAT, n < 0 ? -n : n);
  GString *out = g_string_new (n < 0 ? "-" : "");
  gsize len = strlen (digits);

  for (gsize i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append_c (out, ',');
      g_string_append_c (out, digits[i]);
    }
  return g_string_free (out, FALSE);
}

static char *
format_share (const GdnKpiRate *rate,
              const char       *what)
{
  g_autofree char *hits = format_count (rate->hits);
  g_autofree char *total = format_count (rate->total);

  /* TRANSLATORS: the basis of a rate in the report, e.g. "899 of 1,025 orders delivered" */
  return g_strdup_printf (_("%s of %s %s"), hits, total, what);
}

/* A stored date or time as the report's language writes a date. */
static char *
format_day (const char *iso)
{
  g_autofree char *day = NULL;

  if (iso == NULL || *iso == '\0')
    return g_strdup ("");
  day = g_strndup (iso, 10);
  return gdn_format_date (day);
}

static const char *
col (sqlite3_stmt *stmt,
     int           i)
{
  const char *text = (const char *) sqlite3_column_text (stmt, i);
  return text != NULL ? text : "";
}

static const char *
col_or_null (sqlite3_stmt *stmt,
             int           i)
{
  return (const char *) sqlite3_column_text (stmt, i);
}

static sqlite3_stmt *
prepare (Ctx         *ctx,
         const char  *sql,
         GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  struct { const char *name; const char *value; } params[] = {
    { ":from", ctx->from }, { ":to", ctx->to }, { ":end", ctx->end },
    { ":next_from", ctx->next_from }, { ":next_to", ctx->next_to },
    { ":next_end", ctx->next_end },
  };
  int rc = sqlite3_prepare_v2 (ctx->db, sql, -1, &stmt, NULL);

  if (rc != SQLITE_OK)
    {
      gdn_set_sqlite_error (ctx->db, rc, error);
      sqlite3_finalize (stmt);
      return NULL;
    }
  for (guint i = 0; i < G_N_ELEMENTS (params); i++)
    {
      int index = sqlite3_bind_parameter_index (stmt, params[i].name);
      if (index > 0)
        sqlite3_bind_text (stmt, index, params[i].value, -1, SQLITE_STATIC);
    }
  return stmt;
}

static gboolean
finish (Ctx          *ctx,
        sqlite3_stmt *stmt,
        int           rc,
        GError      **error)
{
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      gdn_set_sqlite_error (ctx->db, rc, error);
      sqlite3_finalize (stmt);
      return FALSE;
    }
  sqlite3_finalize (stmt);
  return TRUE;
}

static gint64
count_of (Ctx         *ctx,
          const char  *sql,
          GError     **error)
{
  sqlite3_stmt *stmt = prepare (ctx, sql, error);
  gint64 n = -1;
  int rc;

  if (stmt == NULL)
    return -1;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  if (!finish (ctx, stmt, rc, error))
    return -1;
  return n;
}

static void
empty (Ctx        *ctx,
       const char *text)
{
  gdn_report_layout_add_text (ctx->layout, text, TRUE);
}

static void
more_rows (Ctx    *ctx,
           gint64  total,
           guint   shown)
{
  g_autofree char *n = NULL;
  g_autofree char *text = NULL;

  if (total <= shown)
    return;
  n = format_count (total - shown);
  /* TRANSLATORS: under a list of the report cut at its first rows */
  text = g_strdup_printf (ngettext ("… and %s more", "… and %s more", (gulong) (total - shown)),
                          n);
  gdn_report_layout_add_text (ctx->layout, text, TRUE);
}

/* Lists of records: a table that a query fills, one row a record */

typedef void (*ListRowFunc) (GdnReportTable *table,
                             sqlite3_stmt   *stmt,
                             gpointer        data);

typedef struct
{
  const char            *heading;     /* a level-2 heading, or NULL where the caller wrote it */
  const GdnReportColumn *columns;
  guint                  n_columns;
  const char            *select;      /* "SELECT a, b, …" */
  const char            *from;        /* " FROM … WHERE …" */
  const char            *count_from;  /* what to count where it is not from, or NULL */
  const char            *order;       /* " ORDER BY …" */
  int                    limit;       /* the rows shown at most, then how many more; 0: all */
  const char            *none;        /* said in place of an empty list */
  ListRowFunc            add_row;
  gpointer               data;
} ListTable;

/* Adds the list; returns how many records it has, or -1 on error. */
static gint64
add_list (Ctx              *ctx,
          const ListTable  *list,
          GError          **error)
{
  GdnReportTable *table = NULL;
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  gint64 total = 0;
  guint shown = 0;
  int rc;

  if (list->heading != NULL)
    gdn_report_layout_add_heading (ctx->layout, list->heading, 2);
  if (list->limit > 0)
    {
      g_autofree char *count_sql = g_strconcat ("SELECT count(*)",
                                                list->count_from != NULL ? list->count_from
                                                                         : list->from, NULL);

      if ((total = count_of (ctx, count_sql, error)) < 0)
        return -1;
      if (total == 0)
        {
          empty (ctx, list->none);
          return 0;
        }
      table = gdn_report_layout_add_table (ctx->layout, list->columns, list->n_columns);
      sql = g_strdup_printf ("%s%s%s LIMIT %d", list->select, list->from, list->order,
                             list->limit);
    }
  else
    sql = g_strconcat (list->select, list->from, list->order, NULL);

  if ((stmt = prepare (ctx, sql, error)) == NULL)
    return -1;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (table == NULL)
        table = gdn_report_layout_add_table (ctx->layout, list->columns, list->n_columns);
      list->add_row (table, stmt, list->data);
      shown++;
    }
  if (!finish (ctx, stmt, rc, error))
    return -1;
  if (list->limit > 0)
    more_rows (ctx, total, shown);
  else if (shown == 0)
    empty (ctx, list->none);
  return list->limit > 0 ? total : shown;
}

/* Charts */

typedef struct
{
  guint    n;
  char   **labels;
  double  *on_time;
  double  *satisfaction;
  double   target;
  char    *on_time_title;
  char    *satisfaction_title;
} Trends;

static void
trends_free (gpointer data)
{
  Trends *t = data;

  g_strfreev (t->labels);
  g_free (t->on_time);
  g_free (t->satisfaction);
  g_free (t->on_time_title);
  g_free (t->satisfaction_title);
  g_free (t);
}

static double
draw_chart_title (cairo_t    *cr,
                  const char *title,
                  const char *font_family,
                  double      width)
{
  PangoLayout *pl = pango_cairo_create_layout (cr);
  PangoFontDescription *desc = pango_font_description_from_string (font_family);
  int w, h;

  pango_font_description_set_absolute_size (desc, 9.0 * PANGO_SCALE);
  pango_font_description_set_weight (desc, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (pl, desc);
  pango_layout_set_width (pl, (int) (width * PANGO_SCALE));
  pango_layout_set_ellipsize (pl, PANGO_ELLIPSIZE_END);
  pango_layout_set_text (pl, title, -1);
  cairo_set_source_rgb (cr, 0.10, 0.10, 0.12);
  cairo_move_to (cr, 0, 0);
  pango_cairo_show_layout (cr, pl);
  pango_layout_get_size (pl, &w, &h);
  pango_font_description_free (desc);
  g_object_unref (pl);
  return (double) h / PANGO_SCALE + 4.0;
}

static void
draw_trend (cairo_t          *cr,
            const char       *title,
            const char       *series_label,
            const Trends     *t,
            const double     *values,
            GdnChartFormat    format,
            double            target,
            gboolean          lines,
            double            width,
            double            height,
            const char       *font_family)
{
  GdnChartSeries series = { series_label, values };
  GdnChartData data = {
    .title = title,
    .categories = (const char * const *) t->labels,
    .n_categories = t->n,
    .series = &series,
    .n_series = 1,
    .target = target,
    .format = format,
  };
  GdnChartStyle style;
  double title_h;

  gdn_chart_style_init (&style, FALSE);
  style.font_family = font_family;
  style.font_size = 7.5;
  style.fill_background = FALSE;

  title_h = draw_chart_title (cr, title, font_family, width);
  cairo_save (cr);
  cairo_translate (cr, 0, title_h);
  if (lines)
    gdn_chart_draw_lines (cr, &data, width, height - title_h, &style);
  else
    gdn_chart_draw_bars (cr, &data, width, height - title_h, &style);
  cairo_restore (cr);
}

static void
draw_trends (cairo_t    *cr,
             double      width,
             double      height,
             const char *font_family,
             gpointer    data)
{
  const Trends *t = data;
  double gap = 18.0;
  double w = (width - gap) / 2.0;

  draw_trend (cr, t->on_time_title, _("Delivered on time"), t, t->on_time, GDN_CHART_FORMAT_PERCENT, t->target,
              FALSE, w, height, font_family);
  cairo_save (cr);
  cairo_translate (cr, w + gap, 0);
  draw_trend (cr, t->satisfaction_title, _("Mean overall score"), t, t->satisfaction, GDN_CHART_FORMAT_NUMBER, NAN,
              TRUE, w, height, font_family);
  cairo_restore (cr);
}

typedef struct
{
  char   **labels;
  double  *values;
  guint    n;
  char    *title;
} Mix;

static void
mix_free (gpointer data)
{
  Mix *m = data;

  g_strfreev (m->labels);
  g_free (m->values);
  g_free (m->title);
  g_free (m);
}

static void
draw_mix (cairo_t    *cr,
          double      width,
          double      height,
          const char *font_family,
          gpointer    data)
{
  const Mix *m = data;
  GdnChartSeries series = { m->title, m->values };
  GdnChartData chart = {
    .title = m->title,
    .categories = (const char * const *) m->labels,
    .n_categories = m->n,
    .series = &series,
    .n_series = 1,
    .target = NAN,
    .format = GDN_CHART_FORMAT_NUMBER,
  };
  GdnChartStyle style;
  double title_h;
  double w = MIN (width, 360.0);

  gdn_chart_style_init (&style, FALSE);
  style.font_family = font_family;
  style.font_size = 7.5;
  style.fill_background = FALSE;

  title_h = draw_chart_title (cr, m->title, font_family, width);
  cairo_translate (cr, 0, title_h);
  gdn_chart_draw_donut (cr, &chart, w, height - title_h, &style);
}

typedef enum
{
  BUCKET_DAY,
  BUCKET_WEEK,
  BUCKET_MONTH,
} Bucket;

static char *
bucket_sql (Bucket      bucket,
            const char *column)
{
  switch (bucket)
    {
    case BUCKET_DAY:
      return g_strdup_printf ("CAST(julianday(substr(%s, 1, 10)) - julianday(:from) AS INTEGER)",
                              column);
    case BUCKET_WEEK:
      return g_strdup_printf ("CAST((julianday(substr(%s, 1, 10)) - julianday(:from)) / 7"
                              " AS INTEGER)", column);
    case BUCKET_MONTH:
    default:
      return g_strdup_printf ("((CAST(substr(%s, 1, 4) AS INTEGER) -"
                              " CAST(substr(:from, 1, 4) AS INTEGER)) * 12 +"
                              " CAST(substr(%s, 6, 2) AS INTEGER) -"
                              " CAST(substr(:from, 6, 2) AS INTEGER))", column, column);
    }
}

static gboolean
add_trends (Ctx     *ctx,
            GError **error)
{
  gint64 j_from = gdn_date_to_julian (ctx->from);
  gint64 days = gdn_date_to_julian (ctx->to) - j_from + 1;
  Bucket bucket = days <= 14 ? BUCKET_DAY : days <= 92 ? BUCKET_WEEK : BUCKET_MONTH;
  g_autofree char *on_time_bucket = bucket_sql (bucket, "delivered_date");
  g_autofree char *survey_bucket = bucket_sql (bucket, "date");
  g_autofree char *on_time_sql = NULL;
  g_autofree char *survey_sql = NULL;
  Trends *t = g_new0 (Trends, 1);
  GPtrArray *labels = g_ptr_array_new ();
  sqlite3_stmt *stmt;
  int rc;

  if (bucket == BUCKET_MONTH)
    {
      int y0, m0, y1, m1;

      sscanf (ctx->from, "%d-%d", &y0, &m0);
      sscanf (ctx->to, "%d-%d", &y1, &m1);
      t->n = (guint) ((y1 - y0) * 12 + m1 - m0 + 1);
      for (guint i = 0; i < t->n; i++)
        {
          int m = m0 - 1 + (int) i;
          g_ptr_array_add (labels, g_strdup_printf ("%04d-%02d", y0 + m / 12, m % 12 + 1));
        }
    }
  else
    {
      guint step = bucket == BUCKET_DAY ? 1 : 7;

      t->n = (guint) ((days + step - 1) / step);
      for (guint i = 0; i < t->n; i++)
        {
          g_autofree char *day = gdn_date_add_days (ctx->from, (int) (i * step));
          int y, m, d;
          g_autoptr(GDateTime) dt = NULL;

          sscanf (day, "%d-%d-%d", &y, &m, &d);
          dt = g_date_time_new_local (y, m, d, 0, 0, 0);
          /* TRANSLATORS: a day under a chart of the report (g_date_time_format()); Chinese
           * writes %-m月%-d日 */
          g_ptr_array_add (labels, g_date_time_format (dt, C_("chart day", "%m-%d")));
        }
    }
  g_ptr_array_add (labels, NULL);
  t->labels = (char **) g_ptr_array_free (labels, FALSE);
  t->on_time = g_new (double, t->n);
  t->satisfaction = g_new (double, t->n);
  for (guint i = 0; i < t->n; i++)
    t->on_time[i] = t->satisfaction[i] = NAN;
  t->target = ctx->options->on_time_target > 0 ? ctx->options->on_time_target : NAN;
  t->on_time_title = g_strdup (bucket == BUCKET_DAY ? _("On-time delivery by day")
                               : bucket == BUCKET_WEEK ? _("On-time delivery by week")
                               : _("On-time delivery by month"));
  t->satisfaction_title = g_strdup (bucket == BUCKET_DAY ? _("Satisfaction by day (1–5)")
                                    : bucket == BUCKET_WEEK ? _("Satisfaction by week (1–5)")
                                    : _("Satisfaction by month (1–5)"));

  on_time_sql = g_strdup_printf ("SELECT %s, count(*),"
                                 " sum(promised_date IS NOT NULL AND delivered_date <= promised_date)"
                                 " FROM orders WHERE delivered_date BETWEEN :from AND :to"
                                 " AND deleted_at IS NULL GROUP BY 1", on_time_bucket);
  survey_sql = g_strdup_printf ("SELECT %s, avg(overall) FROM surveys"
                                " WHERE date BETWEEN :from AND :to AND deleted_at IS NULL"
                                " GROUP BY 1", survey_bucket);

  if ((stmt = prepare (ctx, on_time_sql, error)) == NULL)
    goto failed;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 i = sqlite3_column_int64 (stmt, 0);
      gint64 total = sqlite3_column_int64 (stmt, 1);

      if (i >= 0 && i < t->n && total > 0)
        t->on_time[i] = (double) sqlite3_column_int64 (stmt, 2) / (double) total;
    }
  if (!finish (ctx, stmt, rc, error))
    goto failed;

  if ((stmt = prepare (ctx, survey_sql, error)) == NULL)
    goto failed;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 i = sqlite3_column_int64 (stmt, 0);

      if (i >= 0 && i < t->n && sqlite3_column_type (stmt, 1) != SQLITE_NULL)
        t->satisfaction[i] = sqlite3_column_double (stmt, 1);
    }
  if (!finish (ctx, stmt, rc, error))
    goto failed;

  gdn_report_layout_add_chart (ctx->layout, 170.0, draw_trends, t, trends_free);
  return TRUE;

failed:
  trends_free (t);
  return FALSE;
}

/* 1. Summary */

static void
kpi_row (GdnReportTable *table,
         const char     *label,
         const char     *value,
         const char     *basis)
{
  const char *cells[] = { label, value, basis };
  gdn_report_table_add_row (table, cells, FALSE);
}

static void
rate_row (GdnReportTable   *table,
          const char       *label,
          const GdnKpiRate *rate,
          const char       *what)
{
  g_autofree char *value = gdn_kpi_format_rate (rate->rate);
  g_autofree char *basis = format_share (rate, what);

  kpi_row (table, label, value, basis);
}

static gboolean
add_summary (Ctx     *ctx,
             GError **error)
{
  const GdnKpi *kpi = ctx->kpi;
  const GdnReportColumn columns[] = {
    { _("Indicator"), 0.45, GDN_REPORT_ALIGN_START },
    { _("Value"), 0, GDN_REPORT_ALIGN_END },
    { _("Basis"), 0.55, GDN_REPORT_ALIGN_START },
  };
  GdnReportTable *table;
  g_autofree char *mean = gdn_kpi_format_mean (kpi->satisfaction.mean);
  g_autofree char *n_surveys = format_count (kpi->satisfaction.count);
  g_autofree char *surveys = g_strdup_printf (ngettext ("%s survey", "%s surveys",
                                                        (gulong) kpi->satisfaction.count),
                                              n_surveys);
  g_autofree char *orders = format_count (kpi->order_volume.count);
  g_autofree char *amount = gdn_format_money (kpi->order_volume.amount, "CNY");
  g_autofree char *amount_basis = g_strdup_printf (_("amount %s"), amount);
  gint64 complaints = 0;

  gdn_report_layout_add_heading (ctx->layout, _("1. Summary"), 1);

  table = gdn_report_layout_add_table (ctx->layout, columns, G_N_ELEMENTS (columns));
  rate_row (table, _("On-time delivery"), &kpi->on_time_delivery, _("orders delivered"));
  kpi_row (table, _("Customer satisfaction (1–5)"), mean, surveys);
  for (int d = 0; d < GDN_KPI_N_DIMENSIONS; d++)
    {
      g_autofree char *value = gdn_kpi_format_mean (kpi->dimensions[d].mean);
      g_autofree char *label = g_strdup_printf ("    %s", gdn_kpi_dimension_label (d));

      kpi_row (table, label, value, "");
    }
  rate_row (table, _("Conversion"), &kpi->conversion, _("inquiries"));
  rate_row (table, _("24-hour response"), &kpi->response_24h, _("cases opened"));
  rate_row (table, _("Closure"), &kpi->closure, _("cases opened"));
  kpi_row (table, _("Orders confirmed"), orders, amount_basis);
  for (guint i = 0; gdn_enum_complaint_category.values[i].value != NULL; i++)
    complaints += kpi->complaint_mix[i];
  {
    g_autofree char *n = format_count (complaints);
    kpi_row (table, _("Complaints"), n, "");
  }

  return add_trends (ctx, error);
}

/* 2. Order follow-up */

static void
add_volumes (Ctx                *ctx,
             const char         *title,
             const char         *first_column,
             const GdnEnumInfo  *info,
             const GdnKpiVolume *volumes)
{
  const GdnReportColumn columns[] = {
    { first_column, 0.40, GDN_REPORT_ALIGN_START },
    { _("Orders"), 0.25, GDN_REPORT_ALIGN_END },
    { _("Amount"), 0.35, GDN_REPORT_ALIGN_END },
  };
  GdnReportTable *table;

  gdn_report_layout_add_heading (ctx->layout, title, 2);
  if (ctx->kpi->order_volume.count == 0)
    {
      empty (ctx, _("No orders were confirmed in this period."));
      return;
    }
  table = gdn_report_layout_add_table (ctx->layout, columns, G_N_ELEMENTS (columns));
  for (guint i = 0; info->values[i].value != NULL; i++)
    {
      g_autofree char *count = NULL;
      g_autofree char *amount = NULL;
      const char *cells[3];

      if (volumes[i].count == 0)
        continue;
      count = format_count (volumes[i].count);
      amount = gdn_format_money (volumes[i].amount, "CNY");
      cells[0] = gdn_enum_label (info, info->values[i].value);
      cells[1] = count;
      cells[2] = amount;
      gdn_report_table_add_row (table, cells, FALSE);
    }
  {
    g_autofree char *count = format_count (ctx->kpi->order_volume.count);
    g_autofree char *amount = gdn_format_money (ctx->kpi->order_volume.amount, "CNY");
    const char *cells[] = { _("Total"), count, amount };

    gdn_report_table_add_row (table, cells, FALSE);
  }
}

static void
open_order_row (GdnReportTable *table,
                sqlite3_stmt   *stmt,
                gpointer        data)
{
  gboolean flag_column = *(const gboolean *) data;
  g_autofree char *promised = format_day (col_or_null (stmt, 3));
  g_autofree char *progress = g_strdup_printf ("%d %%", sqlite3_column_int (stmt, 4));
  g_autofree char *amount = gdn_format_money (sqlite3_column_double (stmt, 5),
                                              col_or_null (stmt, 6));
  gboolean overdue = sqlite3_column_int (stmt, 7);
  const char *risk = overdue ? _("Overdue") : _("At risk");
  const char *cells[] = {
    col (stmt, 0), col (stmt, 1),
    gdn_enum_label (&gdn_enum_order_status, col (stmt, 2)),
    promised, progress, flag_column ? risk : amount,
  };

  gdn_report_table_add_row (table, cells, flag_column && overdue);
}

static gboolean
add_open_orders (Ctx         *ctx,
                 const char  *title,
                 const char  *where,
                 const char  *none,
                 gboolean     flag_column,
                 GError     **error)
{
  const GdnReportColumn columns[] = {
    { _("Order"), 0, GDN_REPORT_ALIGN_START },
    { _("Customer"), 1.0, GDN_REPORT_ALIGN_START },
    { _("Status"), 0, GDN_REPORT_ALIGN_START },
    { _("Promised"), 0, GDN_REPORT_ALIGN_START },
    { _("Progress"), 0, GDN_REPORT_ALIGN_END },
    { flag_column ? _("Risk") : _("Amount"), 0,
      flag_column ? GDN_REPORT_ALIGN_START : GDN_REPORT_ALIGN_END },
  };
  g_autofree char *count_from = g_strdup_printf (" FROM orders t"
                                                 " WHERE t.deleted_at IS NULL AND %s", where);
  g_autofree char *from = g_strdup_printf (" FROM orders t JOIN customers c"
                                           " ON c.id = t.customer_id"
                                           " WHERE t.deleted_at IS NULL AND %s", where);
  ListTable list = {
    title, columns, G_N_ELEMENTS (columns),
    "SELECT t.order_no, c.name, t.status, t.promised_date, t.progress, t.amount, t.currency,"
    " " GDN_FLAGS_ORDER_OVERDUE_SQL,
    from, count_from,
    " ORDER BY t.promised_date IS NULL, t.promised_date, t.order_no", LIST_LIMIT,
    none, open_order_row, &flag_column,
  };

  return add_list (ctx, &list, error) >= 0;
}

static gboolean
add_orders (Ctx     *ctx,
            GError **error)
{
  gdn_report_layout_add_heading (ctx->layout, _("2. Order follow-up"), 1);

  add_volumes (ctx, _("Orders confirmed, by type"), _("Type"), &gdn_enum_order_type,
               ctx->kpi->volume_by_type);
  add_volumes (ctx, _("Orders confirmed, by status now"), _("Status"), &gdn_enum_order_status,
               ctx->kpi->volume_by_status);

  return add_open_orders (ctx, _("Production progress of open orders"),
                          "t.status IN ('confirmed', 'in_production', 'qc')"
                          " AND t.confirmed_date <= :to",
                          _("No orders are in production."), FALSE, error) &&
         add_open_orders (ctx, _("Orders at risk of being late"),
                          "(" GDN_FLAGS_ORDER_AT_RISK_SQL " OR " GDN_FLAGS_ORDER_OVERDUE_SQL
                          " AND t.status IN ('confirmed', 'in_production', 'qc', 'shipped'))",
                          _("No orders are at risk of being late."), TRUE, error);
}

/* 3. Customer communication */

static void
channel_row (GdnReportTable *table,
             sqlite3_stmt   *stmt,
             gpointer        data)
{
  g_autofree char *n = format_count (sqlite3_column_int64 (stmt, 1));
  g_autofree char *customers = format_count (sqlite3_column_int64 (stmt, 2));
  const char *cells[] = { gdn_enum_label (&gdn_enum_channel, col (stmt, 0)), n, customers };

  gdn_report_table_add_row (table, cells, FALSE);
}

static void
notable_row (GdnReportTable *table,
             sqlite3_stmt   *stmt,
             gpointer        data)
{
  g_autofree char *day = format_day (col_or_null (stmt, 0));
  const char *cells[] = {
    day, col (stmt, 1), gdn_enum_label (&gdn_enum_channel, col (stmt, 2)), col (stmt, 3),
  };

  gdn_report_table_add_row (table, cells, FALSE);
}

static void
survey_row (GdnReportTable *table,
            sqlite3_stmt   *stmt,
            gpointer        data)
{
  g_autofree char *day = format_day (col_or_null (stmt, 0));
  int overall = sqlite3_column_int (stmt, 2);
  g_autofree char *score = g_strdup_printf ("%d", overall);
  const char *cells[] = { day, col (stmt, 1), score, col (stmt, 3), col (stmt, 4) };

  gdn_report_table_add_row (table, cells, overall <= 2);
}

static gboolean
add_communication (Ctx     *ctx,
                   GError **error)
{
  const GdnReportColumn channel_columns[] = {
    { _("Channel"), 0.40, GDN_REPORT_ALIGN_START },
    { _("Interactions"), 0.30, GDN_REPORT_ALIGN_END },
    { _("Customers"), 0.30, GDN_REPORT_ALIGN_END },
  };
  const GdnReportColumn notable_columns[] = {
    { _("Date"), 0, GDN_REPORT_ALIGN_START },
    { _("Customer"), 0.35, GDN_REPORT_ALIGN_START },
    { _("Channel"), 0, GDN_REPORT_ALIGN_START },
    { _("Summary"), 0.65, GDN_REPORT_ALIGN_START },
  };
  const GdnReportColumn survey_columns[] = {
    { _("Date"), 0, GDN_REPORT_ALIGN_START },
    { _("Customer"), 0.35, GDN_REPORT_ALIGN_START },
    { _("Score"), 0, GDN_REPORT_ALIGN_END },
    { _("Recommend"), 0, GDN_REPORT_ALIGN_END },
    { _("Comment"), 0.65, GDN_REPORT_ALIGN_START },
  };
  const ListTable channels = {
    _("Interactions by channel"), channel_columns, G_N_ELEMENTS (channel_columns),
    "SELECT channel, count(*), count(DISTINCT customer_id)",
    " FROM interactions WHERE at >= :from AND at < :end AND deleted_at IS NULL", NULL,
    " GROUP BY channel ORDER BY 2 DESC", 0,
    _("No customer interactions were logged in this period."), channel_row, NULL,
  };
  const ListTable notable = {
    _("Notable interactions (key customers and cases)"), notable_columns,
    G_N_ELEMENTS (notable_columns),
    "SELECT i.at, c.name, i.channel, i.summary",
    " FROM interactions i JOIN customers c ON c.id = i.customer_id"
    " WHERE i.at >= :from AND i.at < :end AND i.deleted_at IS NULL"
    " AND (i.case_id IS NOT NULL OR c.tier = 'key')", NULL,
    " ORDER BY i.at DESC", LIST_LIMIT,
    _("No interactions with key customers or about cases in this period."), notable_row, NULL,
  };
  const ListTable surveys = {
    NULL, survey_columns, G_N_ELEMENTS (survey_columns),
    "SELECT s.date, c.name, s.overall, s.recommend, s.comment",
    " FROM surveys s JOIN customers c ON c.id = s.customer_id"
    " WHERE s.date BETWEEN :from AND :to AND s.deleted_at IS NULL"
    " AND (s.overall <= 3 OR ifnull(trim(s.comment), '') <> '')", NULL,
    " ORDER BY s.overall, s.date DESC", LIST_LIMIT,
    _("No low scores and no comments."), survey_row, NULL,
  };

  gdn_report_layout_add_heading (ctx->layout, _("3. Customer communication"), 1);

  if (add_list (ctx, &channels, error) < 0 || add_list (ctx, &notable, error) < 0)
    return FALSE;

  gdn_report_layout_add_heading (ctx->layout, _("Feedback from surveys"), 2);
  {
    g_autofree char *n = format_count (ctx->kpi->satisfaction.count);
    g_autofree char *mean = gdn_kpi_format_mean (ctx->kpi->satisfaction.mean);
    g_autofree char *text = NULL;

    if (ctx->kpi->satisfaction.count == 0)
      {
        empty (ctx, _("No satisfaction surveys in this period."));
        return TRUE;
      }
    /* TRANSLATORS: e.g. "12 surveys, mean overall score 4.25 of 5. Low scores (3 or less)
     * and comments:" */
    text = g_strdup_printf (ngettext ("%s survey, mean overall score %s of 5. Low scores "
                                      "(3 or less) and comments:",
                                      "%s surveys, mean overall score %s of 5. Low scores "
                                      "(3 or less) and comments:",
                                      (gulong) ctx->kpi->satisfaction.count), n, mean);
    gdn_report_layout_add_text (ctx->layout, text, FALSE);
  }
  return add_list (ctx, &surveys, error) >= 0;
}

/* 4. Logistics */

static void
shipment_row (GdnReportTable *table,
              sqlite3_stmt   *stmt,
              gpointer        data)
{
  guint *n_delayed = data;
  g_autofree char *shipped = format_day (col_or_null (stmt, 4));
  g_autofree char *eta = format_day (col_or_null (stmt, 5));
  gboolean delayed = sqlite3_column_int (stmt, 8);
  const char *status = gdn_enum_label (&gdn_enum_shipment_status, col (stmt, 6));
  g_autofree char *status_text = NULL;

  if (delayed && strcmp (col (stmt, 6), "delayed") != 0)
    /* TRANSLATORS: a shipment's status in the report, flagged as late */
    status_text = g_strdup_printf (_("%s, late"), status);
  {
    const char *cells[] = {
      col (stmt, 0), col (stmt, 1), col (stmt, 2), col (stmt, 3), shipped, eta,
      status_text != NULL ? status_text : status,
    };
    gdn_report_table_add_row (table, cells, delayed);
  }
  *n_delayed += delayed ? 1 : 0;
}

static gboolean
add_logistics (Ctx     *ctx,
               GError **error)
{
  const GdnReportColumn carrier_columns[] = {
    { _("Carrier"), 0.34, GDN_REPORT_ALIGN_START },
    { _("Shipments"), 0.20, GDN_REPORT_ALIGN_END },
    { _("On time (by ETA)"), 0.23, GDN_REPORT_ALIGN_END },
    { _("Mean transit days"), 0.23, GDN_REPORT_ALIGN_END },
  };
  const GdnReportColumn columns[] = {
    { _("Carrier"), 0, GDN_REPORT_ALIGN_START },
    { _("Tracking no."), 0, GDN_REPORT_ALIGN_START },
    { _("Order"), 0, GDN_REPORT_ALIGN_START },
    { _("Customer"), 1.0, GDN_REPORT_ALIGN_START },
    { _("Shipped"), 0, GDN_REPORT_ALIGN_START },
    { _("ETA"), 0, GDN_REPORT_ALIGN_START },
    { _("Status"), 0, GDN_REPORT_ALIGN_START },
  };
  guint n_delayed = 0;
  const ListTable shipments = {
    _("Shipments (delayed ones highlighted)"), columns, G_N_ELEMENTS (columns),
    "SELECT s.carrier, s.tracking_no, o.order_no, c.name, s.shipped_date, s.eta,"
    " s.status, s.delivered_date, " SHIPMENT_LATE_SQL,
    /* the shipments to list are chosen first, from their own table, and only they are
     * joined to their orders and customers; the late ones first: a cut list must not
     * lose them */
    " FROM shipments s JOIN orders o ON o.id = s.order_id"
    " JOIN customers c ON c.id = o.customer_id"
    " WHERE s.id IN (SELECT s.id" SHIPMENTS_IN_PERIOD_SQL
    "  ORDER BY " SHIPMENT_LATE_SQL " DESC, s.carrier, s.shipped_date, s.id"
    "  LIMIT " G_STRINGIFY (RECORDS_LIMIT) ")",
    SHIPMENTS_IN_PERIOD_SQL,
    " ORDER BY 9 DESC, s.carrier, s.shipped_date, s.id", RECORDS_LIMIT,
    _("No shipments in this period."), shipment_row, &n_delayed,
  };
  GdnReportTable *table;
  gint64 n;

  gdn_report_layout_add_heading (ctx->layout, _("4. Logistics"), 1);

  if (ctx->kpi->carriers->len == 0)
    {
      empty (ctx, _("No shipments in this period."));
      return TRUE;
    }

  gdn_report_layout_add_heading (ctx->layout, _("Carriers"), 2);
  table = gdn_report_layout_add_table (ctx->layout, carrier_columns,
                                       G_N_ELEMENTS (carrier_columns));
  for (guint i = 0; i < ctx->kpi->carriers->len; i++)
    {
      const GdnKpiCarrier *c = g_ptr_array_index (ctx->kpi->carriers, i);
      g_autofree char *shipments_text = format_count (c->shipments);
      g_autofree char *on_time = gdn_kpi_format_rate (c->on_time.rate);
      g_autofree char *transit = gdn_kpi_has_value (c->mean_transit_days)
                                   ? g_strdup_printf ("%.1f", c->mean_transit_days)
                                   : g_strdup (_("no data"));
      const char *cells[] = { c->carrier, shipments_text, on_time, transit };

      gdn_report_table_add_row (table, cells, FALSE);
    }

  if ((n = add_list (ctx, &shipments, error)) < 0)
    return FALSE;
  if (n > 0)
    {
      g_autofree char *count = NULL;
      gint64 late = count_of (ctx, "SELECT count(*)" SHIPMENTS_IN_PERIOD_SQL " AND "
                                   SHIPMENT_LATE_SQL, error);

      if (late < 0)
        return FALSE;
      n_delayed = (guint) late;
      count = format_count (n_delayed);
      g_autofree char *text = g_strdup_printf (ngettext ("%s shipment delayed or late.",
                                                         "%s shipments delayed or late.",
                                                         n_delayed), count);
      gdn_report_layout_add_text (ctx->layout, text, FALSE);
    }
  return TRUE;
}

/* 5. Problems and solutions */

static void
opened_case_row (GdnReportTable *table,
                 sqlite3_stmt   *stmt,
                 gpointer        data)
{
  const char *type = gdn_enum_label (&gdn_enum_case_type, col (stmt, 2));
  g_autofree char *kind = NULL;

  if (sqlite3_column_type (stmt, 3) != SQLITE_NULL)
    kind = g_strdup_printf ("%s · %s", type,
                            gdn_enum_label (&gdn_enum_complaint_category, col (stmt, 3)));
  {
    const char *cells[] = {
      col (stmt, 0), col (stmt, 1), kind != NULL ? kind : type, col (stmt, 4),
      gdn_enum_label (&gdn_enum_case_priority, col (stmt, 5)),
      gdn_enum_label (&gdn_enum_case_status, col (stmt, 6)),
    };
    gdn_report_table_add_row (table, cells, sqlite3_column_int (stmt, 7));
  }
}

/* Rows of plain text, one cell a column. */
static void
text_row (GdnReportTable *table,
          sqlite3_stmt   *stmt,
          gpointer        data)
{
  const char *cells[8];
  int n = MIN (sqlite3_column_count (stmt), (int) G_N_ELEMENTS (cells));

  for (int i = 0; i < n; i++)
    cells[i] = col (stmt, i);
  gdn_report_table_add_row (table, cells, FALSE);
}

static gboolean
add_problems (Ctx     *ctx,
              GError **error)
{
  const GdnReportColumn mix_columns[] = {
    { _("Category"), 0.60, GDN_REPORT_ALIGN_START },
    { _("Complaints"), 0.40, GDN_REPORT_ALIGN_END },
  };
  const GdnReportColumn opened_columns[] = {
    { _("Case"), 0, GDN_REPORT_ALIGN_START },
    { _("Customer"), 0.30, GDN_REPORT_ALIGN_START },
    { _("Type"), 0.25, GDN_REPORT_ALIGN_START },
    { _("Subject"), 0.45, GDN_REPORT_ALIGN_START },
    { _("Priority"), 0, GDN_REPORT_ALIGN_START },
    { _("Status"), 0, GDN_REPORT_ALIGN_START },
  };
  const GdnReportColumn closed_columns[] = {
    { _("Case"), 0, GDN_REPORT_ALIGN_START },
    { _("Customer"), 0.25, GDN_REPORT_ALIGN_START },
    { _("Subject"), 0.30, GDN_REPORT_ALIGN_START },
    { _("Resolution"), 0.45, GDN_REPORT_ALIGN_START },
  };
  const GdnKpi *kpi = ctx->kpi;
  GdnReportTable *table;
  const ListTable opened_cases = {
    _("Cases opened (no first response within 24 hours highlighted)"), opened_columns,
    G_N_ELEMENTS (opened_columns),
    "SELECT t.case_no, c.name, t.type, t.category, t.subject, t.priority, t.status,"
    " (t.first_response_at IS NULL AND t.opened_at < datetime("
    GDN_FLAGS_NOW_SQL ", '-24 hours'))"
    " OR t.first_response_at > datetime(t.opened_at, '+1 day')",
    " FROM cases t JOIN customers c ON c.id = t.customer_id"
    " WHERE t.opened_at >= :from AND t.opened_at < :end AND t.deleted_at IS NULL", NULL,
    " ORDER BY t.opened_at, t.id", RECORDS_LIMIT,
    _("No cases were opened in this period."), opened_case_row, NULL,
  };
  const ListTable closed_cases = {
    _("Cases resolved or closed, with their resolutions"), closed_columns,
    G_N_ELEMENTS (closed_columns),
    "SELECT t.case_no, c.name, t.subject, t.resolution",
    " FROM cases t JOIN customers c ON c.id = t.customer_id"
    " WHERE t.deleted_at IS NULL AND t.status IN ('resolved', 'closed')"
    " AND ifnull(t.closed_at, t.resolved_at) >= :from"
    " AND ifnull(t.closed_at, t.resolved_at) < :end", NULL,
    " ORDER BY ifnull(t.closed_at, t.resolved_at), t.id", RECORDS_LIMIT,
    _("No cases were resolved or closed in this period."), text_row, NULL,
  };
  gint64 complaints = 0;

  gdn_report_layout_add_heading (ctx->layout, _("5. Problems and solutions"), 1);

  {
    g_autofree char *opened = format_count (kpi->closure.total);
    g_autofree char *closed = format_count (kpi->closure.hits);
    g_autofree char *response = gdn_kpi_format_rate (kpi->response_24h.rate);
    g_autofree char *text = NULL;

    /* TRANSLATORS: e.g. "14 cases opened in this period, 11 of them now resolved or closed;
     * 24-hour response 92.9 %." */
    text = g_strdup_printf (ngettext ("%s case opened in this period, %s of them now resolved "
                                      "or closed; 24-hour response %s.",
                                      "%s cases opened in this period, %s of them now resolved "
                                      "or closed; 24-hour response %s.",
                                      (gulong) kpi->closure.total), opened, closed, response);
    gdn_report_layout_add_text (ctx->layout, text, FALSE);
  }

  gdn_report_layout_add_heading (ctx->layout, _("Complaint mix"), 2);
  for (guint i = 0; gdn_enum_complaint_category.values[i].value != NULL; i++)
    complaints += kpi->complaint_mix[i];
  if (complaints == 0)
    empty (ctx, _("No complaints in this period."));
  else
    {
      Mix *mix = g_new0 (Mix, 1);
      GPtrArray *labels = g_ptr_array_new ();
      GArray *values = g_array_new (FALSE, FALSE, sizeof (double));

      table = gdn_report_layout_add_table (ctx->layout, mix_columns, G_N_ELEMENTS (mix_columns));
      for (guint i = 0; gdn_enum_complaint_category.values[i].value != NULL; i++)
        {
          const char *label = gdn_enum_label (&gdn_enum_complaint_category,
                                              gdn_enum_complaint_category.values[i].value);
          g_autofree char *n = format_count (kpi->complaint_mix[i]);
          const char *cells[] = { label, n };
          double v = (double) kpi->complaint_mix[i];

          if (kpi->complaint_mix[i] == 0)
            continue;
          gdn_report_table_add_row (table, cells, FALSE);
          g_ptr_array_add (labels, g_strdup (label));
          g_array_append_val (values, v);
        }
      g_ptr_array_add (labels, NULL);
      mix->n = values->len;
      mix->labels = (char **) g_ptr_array_free (labels, FALSE);
      mix->values = (double *) g_array_free (values, FALSE);
      mix->title = g_strdup (_("Complaints by category"));
      gdn_report_layout_add_chart (ctx->layout, 150.0, draw_mix, mix, mix_free);
    }

  return add_list (ctx, &opened_cases, error) >= 0 &&
         add_list (ctx, &closed_cases, error) >= 0;
}

/* 6. Plan for the next period */

static void
due_row (GdnReportTable *table,
         sqlite3_stmt   *stmt,
         gpointer        data)
{
  g_autofree char *due = format_day (col_or_null (stmt, 0));
  const char *kind = col (stmt, 1);
  const char *what;
  const char *detail = col (stmt, 4);

  if (strcmp (kind, "delivery") == 0)
    {
      what = _("Delivery promised");
      detail = gdn_enum_label (&gdn_enum_order_status, detail);
    }
  else if (strcmp (kind, "payment_due") == 0)
    {
      what = gdn_enum_label (&gdn_enum_reminder_kind, kind);
      detail = gdn_enum_label (&gdn_enum_order_status, detail);
    }
  else
    what = gdn_enum_label (&gdn_enum_reminder_kind, kind);
  {
    const char *cells[] = { due, what, col (stmt, 2), col (stmt, 3), detail };
    gdn_report_table_add_row (table, cells, FALSE);
  }
}

static void
follow_up_row (GdnReportTable *table,
               sqlite3_stmt   *stmt,
               gpointer        data)
{
  g_autofree char *day = format_day (col_or_null (stmt, 0));
  const char *cells[] = { day, col (stmt, 1), col (stmt, 2) };

  gdn_report_table_add_row (table, cells, FALSE);
}

static gboolean
add_plan (Ctx     *ctx,
          GError **error)
{
  const GdnReportColumn due_columns[] = {
    { _("Due"), 0, GDN_REPORT_ALIGN_START },
    { _("What"), 0, GDN_REPORT_ALIGN_START },
    { _("Record"), 0, GDN_REPORT_ALIGN_START },
    { _("Customer"), 0.55, GDN_REPORT_ALIGN_START },
    { _("Detail"), 0.45, GDN_REPORT_ALIGN_START },
  };
  const GdnReportColumn follow_columns[] = {
    { _("Date"), 0, GDN_REPORT_ALIGN_START },
    { _("Customer"), 0.35, GDN_REPORT_ALIGN_START },
    { _("Last contact"), 0.65, GDN_REPORT_ALIGN_START },
  };
  /* One list of what falls due: deliveries promised, shipments arriving, payments due and
   * the reminders people set, each as (due, kind, record, customer, detail, late). The
   * same rules as the agenda (gdn-agenda.c), less what someone has marked done. */
  const ListTable due = {
    _("Deliveries, arrivals, payments and reminders due"), due_columns,
    G_N_ELEMENTS (due_columns),
    "SELECT due, kind, record, customer, detail",
    " FROM (SELECT t.promised_date AS due, 'delivery' AS kind, t.order_no AS record,"
    "        c.name AS customer, t.status AS detail, 0 AS late"
    "       FROM orders t JOIN customers c ON c.id = t.customer_id"
    "       WHERE t.deleted_at IS NULL AND t.promised_date BETWEEN :next_from AND :next_to"
    "       AND t.status IN ('confirmed', 'in_production', 'qc', 'shipped')"
    "      UNION ALL"
    "      SELECT s.eta, 'eta', o.order_no, c.name, s.carrier || ' ' || ifnull(s.tracking_no, ''),"
    "        0"
    "       FROM shipments s JOIN orders o ON o.id = s.order_id"
    "       JOIN customers c ON c.id = o.customer_id"
    "       WHERE s.deleted_at IS NULL AND s.delivered_date IS NULL"
    "       AND s.status IN ('in_transit', 'delayed')"
    "       AND s.eta BETWEEN :next_from AND :next_to"
    "       AND NOT EXISTS (SELECT 1 FROM reminders d WHERE d.kind = 'eta'"
    "        AND d.source_id = s.id AND d.done_at IS NOT NULL AND d.deleted_at IS NULL)"
    "      UNION ALL"
    "      SELECT t.payment_due, 'payment_due', t.order_no, c.name, t.status, 0"
    "       FROM orders t JOIN customers c ON c.id = t.customer_id"
    "       WHERE t.deleted_at IS NULL AND t.payment_due BETWEEN :next_from AND :next_to"
    "       AND t.status NOT IN ('closed', 'cancelled', 'lost')"
    "       AND NOT EXISTS (SELECT 1 FROM reminders d WHERE d.kind = 'payment_due'"
    "        AND d.source_id = t.id AND d.done_at IS NOT NULL AND d.deleted_at IS NULL)"
    "      UNION ALL"
    "      SELECT substr(r.due_at, 1, 10), 'custom', '', ifnull(c.name, ''), r.title, 0"
    "       FROM reminders r LEFT JOIN customers c ON c.id = r.customer_id"
    "       WHERE r.deleted_at IS NULL AND r.done_at IS NULL AND r.kind = 'custom'"
    "       AND r.due_at >= :next_from AND r.due_at < :next_end)", NULL,
    " ORDER BY due, kind, record", LIST_LIMIT * 2,
    _("Nothing falls due in the next period."), due_row, NULL,
  };
  const ListTable follow_ups = {
    _("Follow-ups planned"), follow_columns, G_N_ELEMENTS (follow_columns),
    "SELECT i.next_follow_up, c.name, i.summary",
    " FROM interactions i JOIN customers c ON c.id = i.customer_id"
    " WHERE i.deleted_at IS NULL AND i.next_follow_up BETWEEN :next_from AND :next_to", NULL,
    " ORDER BY i.next_follow_up, c.name", LIST_LIMIT,
    _("No follow-ups are planned for the next period."), follow_up_row, NULL,
  };
  g_autofree char *next_from = gdn_format_date (ctx->next_from);
  g_autofree char *next_to = gdn_format_date (ctx->next_to);
  g_autofree char *intro = NULL;

  gdn_report_layout_add_heading (ctx->layout, _("6. Plan for the next period"), 1);
  /* TRANSLATORS: the next period of the report, e.g. "From 2026-12-01 to 2026-12-31" */
  intro = g_strdup_printf (_("From %s to %s."), next_from, next_to);
  gdn_report_layout_add_text (ctx->layout, intro, FALSE);

  return add_list (ctx, &due, error) >= 0 && add_list (ctx, &follow_ups, error) >= 0;
}

gboolean
gdn_report_content_build (GdnReportLayout         *layout,
                          sqlite3                 *db,
                          const GdnKpi            *kpi,
                          const char              *from,
                          const char              *to,
                          const GdnReportOptions  *options,
                          GError                 **error)
{
  gint64 days = gdn_date_to_julian (to) - gdn_date_to_julian (from) + 1;
  Ctx ctx = {
    .db = db,
    .layout = layout,
    .kpi = kpi,
    .options = options,
    .from = from,
    .to = to,
  };
  g_autofree char *from_text = gdn_format_date (from);
  g_autofree char *to_text = gdn_format_date (to);
  g_autofree char *subtitle = NULL;
  gboolean ok;

  ctx.end = gdn_date_add_days (to, 1);
  ctx.next_from = gdn_date_add_days (to, 1);
  ctx.next_to = gdn_date_add_days (to, (int) days);
  ctx.next_end = gdn_date_add_days (to, (int) days + 1);

  /* TRANSLATORS: under the report's title: the period it covers */
  subtitle = g_strdup_printf (_("Period: %s to %s"), from_text, to_text);
  if (options->author != NULL && *options->author != '\0')
    {
      char *with_author = g_strdup_printf (_("%s · Prepared by %s"), subtitle, options->author);
      g_free (subtitle);
      subtitle = with_author;
    }
  gdn_report_layout_add_title (layout, _("Work Report"), subtitle);

  ok = add_summary (&ctx, error) &&
       add_orders (&ctx, error) &&
       add_communication (&ctx, error) &&
       add_logistics (&ctx, error) &&
       add_problems (&ctx, error) &&
       add_plan (&ctx, error);

  g_free (ctx.end);
  g_free (ctx.next_from);
  g_free (ctx.next_to);
  g_free (ctx.next_end);
  return ok;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gdn-kpi"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gdn-enums.h"
#include "gdn-kpi.h"
#include "gdn-parse.h"
#include "gdn-validation-error.h"

/* Every figure of a period is one SQL aggregate over the per-day totals that triggers keep
 * (gdn-migrations.c, step 4), so a year reads a few hundred rows per figure whatever the
 * number of orders; so do the figures of the monthly series, month by month. Its groups
 * (late deliveries by reason, on time by customer and by owner) read a covering index of
 * the delivery date, one range scan per group. Periods are bound as :from and :to
 * (dates) and :end (the day after :to), so that times like opened_at compare as text:
 * '2026-03-31 23:59:59' < '2026-04-01'.
 *
 * They run on a read-only connection of their own, in one read transaction (all figures
 * from the same moment, while the app goes on writing through WAL), with the file mapped
 * into memory: the scans touch rows in date order, not in the order they were written, and
 * copying every page through a small cache made them several times slower. */

G_DEFINE_BOXED_TYPE (GdnKpi, gdn_kpi, gdn_kpi_copy, gdn_kpi_free)
G_DEFINE_BOXED_TYPE (GdnKpiSeries, gdn_kpi_series, gdn_kpi_series_copy, gdn_kpi_series_free)

typedef struct
{
  sqlite3      *db;
  GCancellable *cancellable;
  const char   *from;
  const char   *to;
  char         *end;
} Period;

typedef void (*RowFunc) (sqlite3_stmt *stmt,
                         gpointer      data);

static const char * const dimension_names[GDN_KPI_N_DIMENSIONS] = {
  "accuracy", "responsiveness", "resolution", "attitude", "quality",
};

/* The same msgids as the survey's field labels, so they share their translations. */
static const char * const dimension_labels[GDN_KPI_N_DIMENSIONS] = {
  N_("Accuracy"), N_("Response speed"), N_("Problem solving"), N_("Service attitude"),
  N_("Product quality"),
};

/* An order delivered on time, for the series' groups that read the rows. */
#define ORDER_ON_TIME "(promised_date IS NOT NULL AND delivered_date <= promised_date)"

static GdnKpiRate
make_rate (gint64 total,
           gint64 hits)
{
  GdnKpiRate r = { total, hits, total > 0 ? (double) hits / (double) total : NAN };
  return r;
}

static GdnKpiMean
make_mean (gint64 count,
           double mean)
{
  GdnKpiMean m = { count, count > 0 ? mean : NAN };
  return m;
}

static int
enum_index (const GdnEnumInfo *info,
            const char        *value)
{
  if (value == NULL)
    return -1;
  for (int i = 0; info->values[i].value != NULL; i++)
    if (strcmp (info->values[i].value, value) == 0)
      return i;
  return -1;
}

static const char *
column_text (sqlite3_stmt *stmt,
             int           col)
{
  return (const char *) sqlite3_column_text (stmt, col);
}

static gboolean
set_query_error (Period  *p,
                 int      rc,
                 GError **error)
{
  if (g_cancellable_set_error_if_cancelled (p->cancellable, error))
    return FALSE;
  gdn_set_sqlite_error (p->db, rc, error);
  return FALSE;
}

static gboolean
run_query (Period       *p,
           const char   *sql,
           RowFunc       func,
           gpointer      data,
           GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  struct { const char *name; const char *value; } params[] = {
    { ":from", p->from }, { ":to", p->to }, { ":end", p->end },
  };
  int rc;

  if (g_cancellable_set_error_if_cancelled (p->cancellable, error))
    return FALSE;

  rc = sqlite3_prepare_v2 (p->db, sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    return set_query_error (p, rc, error);

  for (guint i = 0; i < G_N_ELEMENTS (params); i++)
    {
      int index = sqlite3_bind_parameter_index (stmt, params[i].name);
      if (index > 0)
        sqlite3_bind_text (stmt, index, params[i].value, -1, SQLITE_STATIC);
    }

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    func (stmt, data);
  if (rc != SQLITE_DONE)
    return set_query_error (p, rc, error);
  return TRUE;
}

static void
gdn_kpi_carrier_free (gpointer data)
{
  GdnKpiCarrier *c = data;

  g_free (c->carrier);
  g_free (c);
}

static void
gdn_kpi_group_free (gpointer data)
{
  GdnKpiGroup *g = data;

  g_free (g->key);
  g_free (g->label);
  g_free (g);
}

static GdnKpiGroup *
group_new (const char *key,
           const char *label,
           GdnKpiRate  rate)
{
  GdnKpiGroup *g = g_new0 (GdnKpiGroup, 1);

  g->key = g_strdup (key ? key : "");
  g->label = g_strdup (label ? label : "");
  g->rate = rate;
  return g;
}

static GdnKpi *
kpi_new (const char *from,
         const char *to)
{
  GdnKpi *kpi = g_new0 (GdnKpi, 1);

  kpi->from = g_strdup (from);
  kpi->to = g_strdup (to);
  kpi->complaint_mix = g_new0 (gint64, gdn_enum_n_values (&gdn_enum_complaint_category));
  kpi->volume_by_type = g_new0 (GdnKpiVolume, gdn_enum_n_values (&gdn_enum_order_type));
  kpi->volume_by_status = g_new0 (GdnKpiVolume, gdn_enum_n_values (&gdn_enum_order_status));
  kpi->carriers = g_ptr_array_new_with_free_func (gdn_kpi_carrier_free);
  return kpi;
}

/* Row functions, one per query. */

static void
on_time_row (sqlite3_stmt *stmt,
             gpointer      data)
{
  GdnKpi *kpi = data;

  kpi->on_time_delivery = make_rate (sqlite3_column_int64 (stmt, 0),
                                     sqlite3_column_int64 (stmt, 1));
}

static void
satisfaction_row (sqlite3_stmt *stmt,
                  gpointer      data)
{
  GdnKpi *kpi = data;

  kpi->satisfaction = make_mean (sqlite3_column_int64 (stmt, 0),
                                 sqlite3_column_double (stmt, 1));
  for (int d = 0; d < GDN_KPI_N_DIMENSIONS; d++)
    kpi->dimensions[d] = make_mean (sqlite3_column_int64 (stmt, 2 + 2 * d),
                                    sqlite3_column_double (stmt, 3 + 2 * d));
  for (int score = 0; score < 5; score++)
    kpi->scores[score] = sqlite3_column_int64 (stmt, 2 + 2 * GDN_KPI_N_DIMENSIONS + score);
}

static void
conversion_row (sqlite3_stmt *stmt,
                gpointer      data)
{
  GdnKpi *kpi = data;

  kpi->conversion = make_rate (sqlite3_column_int64 (stmt, 0),
                               sqlite3_column_int64 (stmt, 1));
  kpi->quoted = sqlite3_column_int64 (stmt, 2);
  kpi->delivered = sqlite3_column_int64 (stmt, 3);
}

/* Rows of (is complaint, category, opened, within 24 h, closed). */
static void
cases_row (sqlite3_stmt *stmt,
           gpointer      data)
{
  GdnKpi *kpi = data;
  gint64 opened = sqlite3_column_int64 (stmt, 2);

  kpi->response_24h.total += opened;
  kpi->response_24h.hits += sqlite3_column_int64 (stmt, 3);
  kpi->closure.total += opened;
  kpi->closure.hits += sqlite3_column_int64 (stmt, 4);

  if (sqlite3_column_int (stmt, 0))
    {
      int i = enum_index (&gdn_enum_complaint_category, column_text (stmt, 1));

      if (i < 0)
        i = enum_index (&gdn_enum_complaint_category, "other");
      kpi->complaint_mix[i] += opened;
    }
}

/* Rows of (type, status, count, amount). */
static void
volume_row (sqlite3_stmt *stmt,
            gpointer      data)
{
  GdnKpi *kpi = data;
  gint64 count = sqlite3_column_int64 (stmt, 2);
  double amount = sqlite3_column_double (stmt, 3);
  int t = enum_index (&gdn_enum_order_type, column_text (stmt, 0));
  int s = enum_index (&gdn_enum_order_status, column_text (stmt, 1));

  kpi->order_volume.count += count;
  kpi->order_volume.amount += amount;
  if (t >= 0)
    {
      kpi->volume_by_type[t].count += count;
      kpi->volume_by_type[t].amount += amount;
    }
  if (s >= 0)
    {
      kpi->volume_by_status[s].count += count;
      kpi->volume_by_status[s].amount += amount;
    }
}

static void
carrier_row (sqlite3_stmt *stmt,
             gpointer      data)
{
  GdnKpi *kpi = data;
  GdnKpiCarrier *c = g_new0 (GdnKpiCarrier, 1);
  gint64 delivered = sqlite3_column_int64 (stmt, 2);

  c->carrier = g_strdup (column_text (stmt, 0));
  c->shipments = sqlite3_column_int64 (stmt, 1);
  c->on_time = make_rate (delivered, sqlite3_column_int64 (stmt, 3));
  c->mean_transit_days = delivered > 0 ? sqlite3_column_double (stmt, 4) : NAN;
  g_ptr_array_add (kpi->carriers, c);
}

/* One aggregate per figure over the days of the period (gdn-migrations.c keeps them): the
 * same counts and sums as the period's rows give, in the shape of a query over the rows.
 * The days of a case are those of opened_at, compared as dates: a time is in the period
 * exactly when its first ten characters are. Means are sums over counts, as avg() takes
 * them; groups that lost all their rows are not reported. */
static const struct
{
  const char *sql;
  RowFunc     func;
} kpi_queries[] = {
  { "SELECT ifnull(sum(orders), 0), ifnull(sum(on_time), 0) FROM kpi_delivered_days"
    " WHERE day BETWEEN :from AND :to",
    on_time_row },
  { "SELECT ifnull(sum(surveys), 0), CAST(sum(overall) AS REAL) / sum(surveys),"
    " ifnull(sum(accuracy_count), 0), CAST(sum(accuracy) AS REAL) / sum(accuracy_count),"
    " ifnull(sum(responsiveness_count), 0),"
    " CAST(sum(responsiveness) AS REAL) / sum(responsiveness_count),"
    " ifnull(sum(resolution_count), 0), CAST(sum(resolution) AS REAL) / sum(resolution_count),"
    " ifnull(sum(attitude_count), 0), CAST(sum(attitude) AS REAL) / sum(attitude_count),"
    " ifnull(sum(quality_count), 0), CAST(sum(quality) AS REAL) / sum(quality_count),"
    " ifnull(sum(score_1), 0), ifnull(sum(score_2), 0), ifnull(sum(score_3), 0),"
    " ifnull(sum(score_4), 0), ifnull(sum(score_5), 0)"
    " FROM kpi_survey_days WHERE day BETWEEN :from AND :to",
    satisfaction_row },
  { "SELECT ifnull(sum(orders), 0), ifnull(sum(converted), 0), ifnull(sum(quoted), 0),"
    " ifnull(sum(delivered), 0) FROM kpi_created_days WHERE day BETWEEN :from AND :to",
    conversion_row },
  { "SELECT complaint, category, sum(cases), sum(within_24h), sum(closed) FROM kpi_case_days"
    " WHERE day >= :from AND day < :end GROUP BY 1, 2 HAVING sum(cases) > 0",
    cases_row },
  { "SELECT type, status, sum(orders), total(amount) FROM kpi_confirmed_days"
    " WHERE day BETWEEN :from AND :to GROUP BY type, status HAVING sum(orders) > 0",
    volume_row },
  { "SELECT carrier, sum(shipments), sum(delivered), sum(on_time),"
    " total(transit_days) / sum(transit_count) FROM kpi_shipment_days"
    " WHERE day BETWEEN :from AND :to GROUP BY carrier HAVING sum(shipments) > 0"
    " ORDER BY sum(shipments) DESC, carrier",
    carrier_row },
};

static gboolean
compute_kpi (Period   *p,
             GdnKpi   *kpi,
             GError  **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (kpi_queries); i++)
    if (!run_query (p, kpi_queries[i].sql, kpi_queries[i].func, kpi, error))
      return FALSE;

  /* the case figures were summed over groups; a period without cases has no rate */
  kpi->response_24h = make_rate (kpi->response_24h.total, kpi->response_24h.hits);
  kpi->closure = make_rate (kpi->closure.total, kpi->closure.hits);
  return TRUE;
}

/* The monthly series. */

static GdnKpiMonth *
find_month (GdnKpiSeries *series,
            const char   *month)
{
  if (month == NULL)
    return NULL;
  for (guint i = 0; i < series->months->len; i++)
    {
      GdnKpiMonth *m = &g_array_index (series->months, GdnKpiMonth, i);
      if (strncmp (m->month, month, 7) == 0)
        return m;
    }
  return NULL;
}

static void
month_on_time_row (sqlite3_stmt *stmt,
                   gpointer      data)
{
  GdnKpiMonth *m = find_month (data, column_text (stmt, 0));

  if (m != NULL)
    m->on_time_delivery = make_rate (sqlite3_column_int64 (stmt, 1),
                                     sqlite3_column_int64 (stmt, 2));
}

static void
month_satisfaction_row (sqlite3_stmt *stmt,
                        gpointer      data)
{
  GdnKpiMonth *m = find_month (data, column_text (stmt, 0));

  if (m != NULL)
    m->satisfaction = make_mean (sqlite3_column_int64 (stmt, 1),
                                 sqlite3_column_double (stmt, 2));
}

static void
month_cases_row (sqlite3_stmt *stmt,
                 gpointer      data)
{
  GdnKpiMonth *m = find_month (data, column_text (stmt, 0));
  gint64 opened = sqlite3_column_int64 (stmt, 1);

  if (m == NULL)
    return;
  m->response_24h = make_rate (opened, sqlite3_column_int64 (stmt, 2));
  m->closure = make_rate (opened, sqlite3_column_int64 (stmt, 3));
}

static void
month_conversion_row (sqlite3_stmt *stmt,
                      gpointer      data)
{
  GdnKpiMonth *m = find_month (data, column_text (stmt, 0));

  if (m != NULL)
    m->conversion = make_rate (sqlite3_column_int64 (stmt, 1), sqlite3_column_int64 (stmt, 2));
}

static void
month_volume_row (sqlite3_stmt *stmt,
                  gpointer      data)
{
  GdnKpiMonth *m = find_month (data, column_text (stmt, 0));

  if (m == NULL)
    return;
  m->order_volume.count = sqlite3_column_int64 (stmt, 1);
  m->order_volume.amount = sqlite3_column_double (stmt, 2);
}

/* Rows of (delay reason, late deliveries); the groups exist already, one per reason. */
static void
late_row (sqlite3_stmt *stmt,
          gpointer      data)
{
  GPtrArray *groups = data;
  int i = enum_index (&gdn_enum_delay_reason, column_text (stmt, 0));
  gint64 n = sqlite3_column_int64 (stmt, 1);
  GdnKpiGroup *g;

  /* unknown and missing reasons both go to the last group, "not given" */
  g = g_ptr_array_index (groups, i >= 0 ? (guint) i : groups->len - 1);
  g->rate.hits += n;
}

/* Rows of (key, label, delivered, on time). */
static void
group_row (sqlite3_stmt *stmt,
           gpointer      data)
{
  GPtrArray *groups = data;
  const char *key = column_text (stmt, 0);
  const char *label = column_text (stmt, 1);

  g_ptr_array_add (groups, group_new (key, label ? label : key,
                                      make_rate (sqlite3_column_int64 (stmt, 2),
                                                 sqlite3_column_int64 (stmt, 3))));
}

static void
add_months (GdnKpiSeries *series)
{
  int y, m, y_end, m_end;

  sscanf (series->from, "%4d-%2d", &y, &m);
  sscanf (series->to, "%4d-%2d", &y_end, &m_end);

  while (y < y_end || (y == y_end && m <= m_end))
    {
      GdnKpiMonth month = { { 0 } };

      g_snprintf (month.month, sizeof month.month, "%04d-%02d", y, m);
      month.on_time_delivery = make_rate (0, 0);
      month.satisfaction = make_mean (0, 0);
      month.response_24h = make_rate (0, 0);
      month.closure = make_rate (0, 0);
      month.conversion = make_rate (0, 0);
      g_array_append_val (series->months, month);

      if (++m > 12)
        {
          m = 1;
          y++;
        }
    }
}

static GdnKpiSeries *
series_new (const char *from,
            const char *to)
{
  GdnKpiSeries *series = g_new0 (GdnKpiSeries, 1);

  series->from = g_strdup (from);
  series->to = g_strdup (to);
  series->months = g_array_new (FALSE, TRUE, sizeof (GdnKpiMonth));
  series->late_by_reason = g_ptr_array_new_with_free_func (gdn_kpi_group_free);
  series->on_time_by_customer = g_ptr_array_new_with_free_func (gdn_kpi_group_free);
  series->on_time_by_owner = g_ptr_array_new_with_free_func (gdn_kpi_group_free);
  return series;
}

static gboolean
compute_series (Period        *p,
                GdnKpiSeries  *series,
                GError       **error)
{
  GPtrArray *late = series->late_by_reason;
  gint64 n_late = 0;

  add_months (series);

  for (const GdnEnumValue *v = gdn_enum_delay_reason.values; v->value != NULL; v++)
    g_ptr_array_add (late, group_new (v->value, gdn_enum_label (&gdn_enum_delay_reason, v->value),
                                      make_rate (0, 0)));
  g_ptr_array_add (late, group_new ("", _("Not given"), make_rate (0, 0)));

  /* the months' figures sum their days, as the period's do; the groups need the rows */
  if (!run_query (p,
                  "SELECT substr(day, 1, 7), sum(orders), sum(on_time) FROM kpi_delivered_days"
                  " WHERE day BETWEEN :from AND :to GROUP BY 1",
                  month_on_time_row, series, error) ||
      !run_query (p,
                  "SELECT substr(day, 1, 7), sum(surveys),"
                  " CAST(sum(overall) AS REAL) / sum(surveys) FROM kpi_survey_days"
                  " WHERE day BETWEEN :from AND :to GROUP BY 1",
                  month_satisfaction_row, series, error) ||
      !run_query (p,
                  "SELECT substr(day, 1, 7), sum(cases), sum(within_24h), sum(closed)"
                  " FROM kpi_case_days WHERE day >= :from AND day < :end GROUP BY 1",
                  month_cases_row, series, error) ||
      !run_query (p,
                  "SELECT substr(day, 1, 7), sum(orders), sum(converted) FROM kpi_created_days"
                  " WHERE day BETWEEN :from AND :to GROUP BY 1",
                  month_conversion_row, series, error) ||
      !run_query (p,
                  "SELECT substr(day, 1, 7), sum(orders), total(amount) FROM kpi_confirmed_days"
                  " WHERE day BETWEEN :from AND :to GROUP BY 1",
                  month_volume_row, series, error) ||
      !run_query (p,
                  "SELECT delay_reason, count(*) FROM orders"
                  " WHERE delivered_date BETWEEN :from AND :to AND deleted_at IS NULL"
                  " AND promised_date IS NOT NULL AND delivered_date > promised_date"
                  " GROUP BY 1",
                  late_row, late, error) ||
      !run_query (p,
                  /* counted first, then named: a customer per group, not per order */
                  "SELECT c.code, c.name, g.n, g.on_time"
                  " FROM (SELECT customer_id, count(*) AS n,"
                  "   ifnull(sum(" ORDER_ON_TIME "), 0) AS on_time FROM orders"
                  "   WHERE delivered_date BETWEEN :from AND :to AND deleted_at IS NULL"
                  "   GROUP BY customer_id) g"
                  " JOIN customers c ON c.id = g.customer_id ORDER BY 3 DESC, c.code"
                  " LIMIT " G_STRINGIFY (GDN_KPI_SERIES_MAX_CUSTOMERS),
                  group_row, series->on_time_by_customer, error) ||
      !run_query (p,
                  "SELECT ifnull(owner, ''), NULL, count(*), ifnull(sum(" ORDER_ON_TIME "), 0)"
                  " FROM orders"
                  " WHERE delivered_date BETWEEN :from AND :to AND deleted_at IS NULL"
                  " GROUP BY 1 ORDER BY 3 DESC, 1",
                  group_row, series->on_time_by_owner, error))
    return FALSE;

  for (guint i = 0; i < late->len; i++)
    n_late += ((GdnKpiGroup *) g_ptr_array_index (late, i))->rate.hits;
  for (guint i = 0; i < late->len; i++)
    {
      GdnKpiGroup *g = g_ptr_array_index (late, i);
      g->rate = make_rate (n_late, g->rate.hits);
    }
  for (guint i = 0; i < series->on_time_by_owner->len; i++)
    {
      GdnKpiGroup *g = g_ptr_array_index (series->on_time_by_owner, i);
      if (*g->key == '\0')
        {
          g_free (g->label);
          g->label = g_strdup (_("No owner"));
        }
    }
  return TRUE;
}

/* Running either computation, on the caller's connection or on a worker's own. */

typedef enum
{
  WHAT_KPI,
  WHAT_SERIES,
} What;

static gpointer
compute_on (sqlite3       *db,
            What           what,
            const char    *from,
            const char    *to,
            GCancellable  *cancellable,
            GError       **error)
{
  Period p = { db, cancellable, from, to, gdn_date_add_days (to, 1) };
  gpointer result = NULL;
  gboolean ok;

  if (what == WHAT_KPI)
    {
      GdnKpi *kpi = kpi_new (from, to);
      ok = compute_kpi (&p, kpi, error);
      result = kpi;
    }
  else
    {
      GdnKpiSeries *series = series_new (from, to);
      ok = compute_series (&p, series, error);
      result = series;
    }

  g_free (p.end);
  if (!ok)
    {
      if (what == WHAT_KPI)
        gdn_kpi_free (result);
      else
        gdn_kpi_series_free (result);
      return NULL;
    }
  return result;
}

typedef struct
{
  What  what;
  char *path;
  char *from;
  char *to;
} TaskData;

static void
task_data_free (gpointer data)
{
  TaskData *td = data;

  g_free (td->path);
  g_free (td->from);
  g_free (td->to);
  g_free (td);
}

/* Computes on a read-only connection of its own to @path (gdn_database_open_reader()):
 * the app's own connection already checked and migrated the file. */
static gpointer
compute_on_path (const char    *path,
                 What           what,
                 const char    *from,
                 const char    *to,
                 GCancellable  *cancellable,
                 GError       **error)
{
  sqlite3 *db = gdn_database_open_reader (path, cancellable, error);
  gpointer result;

  if (db == NULL)
    return NULL;
  result = compute_on (db, what, from, to, cancellable, error);
  gdn_database_close_reader (db);
  return result;
}

static void
compute_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  TaskData *td = task_data;
  GError *error = NULL;
  gpointer result;

  result = compute_on_path (td->path, td->what, td->from, td->to, cancellable, &error);
  if (result == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, result,
                           td->what == WHAT_KPI ? (GDestroyNotify) gdn_kpi_free
                                                : (GDestroyNotify) gdn_kpi_series_free);
}

static void
compute_async (GdnDatabase         *database,
               What                 what,
               const char          *from,
               const char          *to,
               GCancellable        *cancellable,
               GAsyncReadyCallback  callback,
               gpointer             user_data,
               gpointer             source_tag)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  GError *error = NULL;
  TaskData *td;

  g_task_set_source_tag (task, source_tag);

  if (!gdn_kpi_check_period (from, to, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  td = g_new0 (TaskData, 1);
  td->what = what;
  td->path = g_strdup (gdn_database_get_path (database));
  td->from = g_strdup (from);
  td->to = g_strdup (to);
  g_task_set_task_data (task, td, task_data_free);
  g_task_run_in_thread (task, compute_thread);
}

/* JSON */

static void
add_number_or_null (JsonBuilder *builder,
                    const char  *name,
                    double       value)
{
  json_builder_set_member_name (builder, name);
  if (isnan (value))
    json_builder_add_null_value (builder);
  else
    json_builder_add_double_value (builder, value);
}

static void
add_int (JsonBuilder *builder,
         const char  *name,
         gint64       value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_int_value (builder, value);
}

static double
round_money (double amount)
{
  return round (amount * 100.0) / 100.0;
}

static void
add_rate (JsonBuilder      *builder,
          const char       *name,
          const GdnKpiRate *rate,
          const char       *total_name,
          const char       *hits_name)
{
  json_builder_set_member_name (builder, name);
  json_builder_begin_object (builder);
  add_int (builder, total_name, rate->total);
  add_int (builder, hits_name, rate->hits);
  add_number_or_null (builder, "rate", rate->rate);
  json_builder_end_object (builder);
}

static void
add_volumes (JsonBuilder        *builder,
             const char         *name,
             const GdnEnumInfo  *info,
             const GdnKpiVolume *volumes)
{
  json_builder_set_member_name (builder, name);
  json_builder_begin_object (builder);
  for (guint i = 0; info->values[i].value != NULL; i++)
    {
      json_builder_set_member_name (builder, info->values[i].value);
      json_builder_begin_object (builder);
      add_int (builder, "count", volumes[i].count);
      add_number_or_null (builder, "amount", round_money (volumes[i].amount));
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);
}

/* json-glib 1.6 writes every double with 17 digits (1234.56 → 1234.5599999999999), so the
 * text form is written here, numbers in their shortest exact form. */
static void
write_double (GString *out,
              double   value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  for (int precision = 15; precision <= 17; precision++)
    {
      char format[8];

      g_snprintf (format, sizeof format, "%%.%dg", precision);
      g_ascii_formatd (buf, sizeof buf, format, value);
      if (g_ascii_strtod (buf, NULL) == value)
        break;
    }
  g_string_append (out, buf);
  if (strpbrk (buf, ".eEn") == NULL)
    g_string_append (out, ".0");
}

static void
write_string (GString    *out,
              const char *s)
{
  g_string_append_c (out, '"');
  for (const char *c = s; *c != '\0'; c++)
    {
      switch (*c)
        {
        case '"':
          g_string_append (out, "\\\"");
          break;
        case '\\':
          g_string_append (out, "\\\\");
          break;
        case '\n':
          g_string_append (out, "\\n");
          break;
        case '\t':
          g_string_append (out, "\\t");
          break;
        case '\r':
          g_string_append (out, "\\r");
          break;
        default:
          if ((guchar) *c < 0x20)
            g_string_append_printf (out, "\\u%04x", (guint) (guchar) *c);
          else
            g_string_append_c (out, *c);
        }
    }
  g_string_append_c (out, '"');
}

static void
write_node (GString  *out,
            JsonNode *node,
            gboolean  pretty,
            int       depth);

static void
write_newline (GString  *out,
               gboolean  pretty,
               int       depth)
{
  if (!pretty)
    return;
  g_string_append_c (out, '\n');
  for (int i = 0; i < depth; i++)
    g_string_append (out, "  ");
}

static void
write_node (GString  *out,
            JsonNode *node,
            gboolean  pretty,
            int       depth)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObject *object = json_node_get_object (node);
        g_autoptr(GList) members = json_object_get_members (object);

        g_string_append_c (out, '{');
        for (GList *l = members; l != NULL; l = l->next)
          {
            write_newline (out, pretty, depth + 1);
            write_string (out, l->data);
            g_string_append (out, pretty ? ": " : ":");
            write_node (out, json_object_get_member (object, l->data), pretty, depth + 1);
            if (l->next != NULL)
              g_string_append_c (out, ',');
          }
        if (members != NULL)
          write_newline (out, pretty, depth);
        g_string_append_c (out, '}');
      }
      break;
    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);
        guint n = json_array_get_length (array);

        g_string_append_c (out, '[');
        for (guint i = 0; i < n; i++)
          {
            write_newline (out, pretty, depth + 1);
            write_node (out, json_array_get_element (array, i), pretty, depth + 1);
            if (i + 1 < n)
              g_string_append_c (out, ',');
          }
        if (n > 0)
          write_newline (out, pretty, depth);
        g_string_append_c (out, ']');
      }
      break;
    case JSON_NODE_NULL:
      g_string_append (out, "null");
      break;
    case JSON_NODE_VALUE:
    default:
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_INT64:
          g_string_append_printf (out, "%" G_GINT64_FORMAT, json_node_get_int (node));
          break;
        case G_TYPE_DOUBLE:
          write_double (out, json_node_get_double (node));
          break;
        case G_TYPE_BOOLEAN:
          g_string_append (out, json_node_get_boolean (node) ? "true" : "false");
          break;
        case G_TYPE_STRING:
        default:
          write_string (out, json_node_get_string (node));
          break;
        }
      break;
    }
}

/* Public API */

/**
 * gdn_kpi_check_period:
 *
 * Checks that @from and @to are real dates ('YYYY-MM-DD') and that @from ≤ @to. The
 * #GDN_VALIDATION_ERROR names the field at fault: "from" or "to".
 */
gboolean
gdn_kpi_check_period (const char  *from,
                      const char  *to,
                      GError     **error)
{
  if (!gdn_date_is_valid (from))
    {
      gdn_set_validation_error (error, GDN_VALIDATION_ERROR_INVALID, "from",
                                _("The start of the period “%s” is not a date (YYYY-MM-DD)"),
                                from ? from : "");
      return FALSE;
    }
  if (!gdn_date_is_valid (to))
    {
      gdn_set_validation_error (error, GDN_VALIDATION_ERROR_INVALID, "to",
                                _("The end of the period “%s” is not a date (YYYY-MM-DD)"),
                                to ? to : "");
      return FALSE;
    }
  if (strcmp (from, to) > 0)
    {
      gdn_set_validation_error (error, GDN_VALIDATION_ERROR_INVALID, "from",
                                _("The period starts (%s) after it ends (%s)"), from, to);
      return FALSE;
    }
  return TRUE;
}

/**
 * gdn_kpi_compute:
 * @from: the first day of the period, 'YYYY-MM-DD'
 * @to: the last day of the period, included
 *
 * Computes every KPI of the period from what is committed in @database's file, on a
 * read-only connection of its own. Use gdn_kpi_compute_async() from the user interface.
 *
 * Returns: (transfer full): the KPIs, or %NULL with @error set
 */
GdnKpi *
gdn_kpi_compute (GdnDatabase  *database,
                 const char   *from,
                 const char   *to,
                 GError      **error)
{
  g_return_val_if_fail (GDN_IS_DATABASE (database), NULL);

  if (!gdn_kpi_check_period (from, to, error))
    return NULL;
  return compute_on_path (gdn_database_get_path (database), WHAT_KPI, from, to, NULL, error);
}

/**
 * gdn_kpi_compute_async:
 *
 * Computes the KPIs in a worker thread on a read-only connection of its own to
 * @database's file. Cancelling @cancellable interrupts the running query.
 */
void
gdn_kpi_compute_async (GdnDatabase         *database,
                       const char          *from,
                       const char          *to,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_return_if_fail (GDN_IS_DATABASE (database));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  compute_async (database, WHAT_KPI, from, to, cancellable, callback, user_data,
                 gdn_kpi_compute_async);
}

/**
 * gdn_kpi_compute_finish:
 *
 * Returns: (transfer full): the KPIs, or %NULL with @error set (%G_IO_ERROR_CANCELLED when
 *   cancelled)
 */
GdnKpi *
gdn_kpi_compute_finish (GAsyncResult  *result,
                        GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == gdn_kpi_compute_async,
                        NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * gdn_kpi_copy:
 *
 * Returns: (transfer full): a deep copy of @kpi
 */
GdnKpi *
gdn_kpi_copy (const GdnKpi *kpi)
{
  GdnKpi *copy;
  guint n_types = gdn_enum_n_values (&gdn_enum_order_type);
  guint n_statuses = gdn_enum_n_values (&gdn_enum_order_status);
  guint n_categories = gdn_enum_n_values (&gdn_enum_complaint_category);

  g_return_val_if_fail (kpi != NULL, NULL);

  copy = kpi_new (kpi->from, kpi->to);
  copy->on_time_delivery = kpi->on_time_delivery;
  copy->satisfaction = kpi->satisfaction;
  memcpy (copy->dimensions, kpi->dimensions, sizeof kpi->dimensions);
  memcpy (copy->scores, kpi->scores, sizeof kpi->scores);
  copy->conversion = kpi->conversion;
  copy->quoted = kpi->quoted;
  copy->delivered = kpi->delivered;
  copy->response_24h = kpi->response_24h;
  copy->closure = kpi->closure;
  memcpy (copy->complaint_mix, kpi->complaint_mix, n_categories * sizeof (gint64));
  copy->order_volume = kpi->order_volume;
  memcpy (copy->volume_by_type, kpi->volume_by_type, n_types * sizeof (GdnKpiVolume));
  memcpy (copy->volume_by_status, kpi->volume_by_status, n_statuses * sizeof (GdnKpiVolume));
  for (guint i = 0; i < kpi->carriers->len; i++)
    {
      GdnKpiCarrier *c = g_memdup2 (g_ptr_array_index (kpi->carriers, i),
                                    sizeof (GdnKpiCarrier));
      c->carrier = g_strdup (c->carrier);
      g_ptr_array_add (copy->carriers, c);
    }
  return copy;
}

/**
 * gdn_kpi_free:
 * @kpi: (nullable): KPIs from gdn_kpi_compute() or gdn_kpi_copy()
 */
void
gdn_kpi_free (GdnKpi *kpi)
{
  if (kpi == NULL)
    return;
  g_free (kpi->from);
  g_free (kpi->to);
  g_free (kpi->complaint_mix);
  g_free (kpi->volume_by_type);
  g_free (kpi->volume_by_status);
  g_ptr_array_unref (kpi->carriers);
  g_free (kpi);
}

/**
 * gdn_kpi_get_complaints:
 * @category: a value of #gdn_enum_complaint_category
 *
 * Returns: the complaints of the period in @category, or -1 when @category is unknown
 */
gint64
gdn_kpi_get_complaints (const GdnKpi *kpi,
                        const char   *category)
{
  int i = enum_index (&gdn_enum_complaint_category, category);

  g_return_val_if_fail (kpi != NULL, -1);
  return i < 0 ? -1 : kpi->complaint_mix[i];
}

/**
 * gdn_kpi_get_volume_by_type:
 *
 * Returns: (nullable): the orders of @type confirmed in the period; %NULL for an unknown type
 */
const GdnKpiVolume *
gdn_kpi_get_volume_by_type (const GdnKpi *kpi,
                            const char   *type)
{
  int i = enum_index (&gdn_enum_order_type, type);

  g_return_val_if_fail (kpi != NULL, NULL);
  return i < 0 ? NULL : &kpi->volume_by_type[i];
}

/**
 * gdn_kpi_get_volume_by_status:
 *
 * Returns: (nullable): the orders confirmed in the period that are now in @status
 */
const GdnKpiVolume *
gdn_kpi_get_volume_by_status (const GdnKpi *kpi,
                              const char   *status)
{
  int i = enum_index (&gdn_enum_order_status, status);

  g_return_val_if_fail (kpi != NULL, NULL);
  return i < 0 ? NULL : &kpi->volume_by_status[i];
}

/**
 * gdn_kpi_get_carrier:
 *
 * Returns: (nullable): the figures of @carrier, %NULL when it shipped nothing in the period
 */
const GdnKpiCarrier *
gdn_kpi_get_carrier (const GdnKpi *kpi,
                     const char   *carrier)
{
  g_return_val_if_fail (kpi != NULL, NULL);

  for (guint i = 0; i < kpi->carriers->len; i++)
    {
      const GdnKpiCarrier *c = g_ptr_array_index (kpi->carriers, i);
      if (g_strcmp0 (c->carrier, carrier) == 0)
        return c;
    }
  return NULL;
}

/**
 * gdn_kpi_to_json:
 *
 * Returns: (transfer full): the KPIs as `{from, to, on_time_delivery, satisfaction,
 *   conversion, response_24h, closure, complaint_mix, order_volume, carriers}`; rates in
 *   [0, 1] or null, amounts rounded to two decimals
 */
JsonNode *
gdn_kpi_to_json (const GdnKpi *kpi)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (kpi != NULL, NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "from");
  json_builder_add_string_value (builder, kpi->from);
  json_builder_set_member_name (builder, "to");
  json_builder_add_string_value (builder, kpi->to);

  add_rate (builder, "on_time_delivery", &kpi->on_time_delivery, "delivered", "on_time");

  json_builder_set_member_name (builder, "satisfaction");
  json_builder_begin_object (builder);
  add_int (builder, "count", kpi->satisfaction.count);
  add_number_or_null (builder, "mean", kpi->satisfaction.mean);
  json_builder_set_member_name (builder, "dimensions");
  json_builder_begin_object (builder);
  for (int d = 0; d < GDN_KPI_N_DIMENSIONS; d++)
    add_number_or_null (builder, dimension_names[d], kpi->dimensions[d].mean);
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "scores");
  json_builder_begin_array (builder);
  for (int score = 0; score < 5; score++)
    json_builder_add_int_value (builder, kpi->scores[score]);
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  add_rate (builder, "conversion", &kpi->conversion, "inquiries", "converted");
  json_builder_set_member_name (builder, "funnel");
  json_builder_begin_object (builder);
  add_int (builder, "inquiries", kpi->conversion.total);
  add_int (builder, "quoted", kpi->quoted);
  add_int (builder, "confirmed", kpi->conversion.hits);
  add_int (builder, "delivered", kpi->delivered);
  json_builder_end_object (builder);
  add_rate (builder, "response_24h", &kpi->response_24h, "opened", "within_24h");
  add_rate (builder, "closure", &kpi->closure, "opened", "closed");

  json_builder_set_member_name (builder, "complaint_mix");
  json_builder_begin_object (builder);
  for (guint i = 0; gdn_enum_complaint_category.values[i].value != NULL; i++)
    add_int (builder, gdn_enum_complaint_category.values[i].value, kpi->complaint_mix[i]);
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "order_volume");
  json_builder_begin_object (builder);
  add_int (builder, "count", kpi->order_volume.count);
  add_number_or_null (builder, "amount", round_money (kpi->order_volume.amount));
  add_volumes (builder, "by_type", &gdn_enum_order_type, kpi->volume_by_type);
  add_volumes (builder, "by_status", &gdn_enum_order_status, kpi->volume_by_status);
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "carriers");
  json_builder_begin_array (builder);
  for (guint i = 0; i < kpi->carriers->len; i++)
    {
      const GdnKpiCarrier *c = g_ptr_array_index (kpi->carriers, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "carrier");
      json_builder_add_string_value (builder, c->carrier);
      add_int (builder, "shipments", c->shipments);
      add_int (builder, "on_time", c->on_time.hits);
      add_number_or_null (builder, "on_time_rate", c->on_time.rate);
      add_number_or_null (builder, "mean_transit_days", c->mean_transit_days);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

/**
 * gdn_kpi_to_json_string:
 * @pretty: indent the output
 *
 * Returns: (transfer full): gdn_kpi_to_json() as text, numbers in their shortest form
 */
char *
gdn_kpi_to_json_string (const GdnKpi *kpi,
                        gboolean      pretty)
{
  g_autoptr(JsonNode) root = gdn_kpi_to_json (kpi);
  GString *out = g_string_new (NULL);

  write_node (out, root, pretty, 0);
  return g_string_free (out, FALSE);
}

/**
 * gdn_kpi_series_compute:
 *
 * Computes the monthly figures of the dashboard's charts for the months of [@from, @to],
 * and the late deliveries by delay reason and on-time deliveries by customer and by owner
 * over the whole period.
 *
 * Returns: (transfer full): the series, or %NULL with @error set
 */
GdnKpiSeries *
gdn_kpi_series_compute (GdnDatabase  *database,
                        const char   *from,
                        const char   *to,
                        GError      **error)
{
  g_return_val_if_fail (GDN_IS_DATABASE (database), NULL);

  if (!gdn_kpi_check_period (from, to, error))
    return NULL;
  return compute_on_path (gdn_database_get_path (database), WHAT_SERIES, from, to, NULL,
                          error);
}

/**
 * gdn_kpi_series_compute_async:
 *
 * Computes the series in a worker thread on a read-only connection of its own, like
 * gdn_kpi_compute_async().
 */
void
gdn_kpi_series_compute_async (GdnDatabase         *database,
                              const char          *from,
                              const char          *to,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_return_if_fail (GDN_IS_DATABASE (database));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  compute_async (database, WHAT_SERIES, from, to, cancellable, callback, user_data,
                 gdn_kpi_series_compute_async);
}

/**
 * gdn_kpi_series_compute_finish:
 *
 * Returns: (transfer full): the series, or %NULL with @error set
 */
GdnKpiSeries *
gdn_kpi_series_compute_finish (GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        gdn_kpi_series_compute_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static GPtrArray *
copy_groups (GPtrArray *groups)
{
  GPtrArray *copy = g_ptr_array_new_with_free_func (gdn_kpi_group_free);

  for (guint i = 0; i < groups->len; i++)
    {
      const GdnKpiGroup *g = g_ptr_array_index (groups, i);
      g_ptr_array_add (copy, group_new (g->key, g->label, g->rate));
    }
  return copy;
}

/**
 * gdn_kpi_series_copy:
 *
 * Returns: (transfer full): a deep copy of @series
 */
GdnKpiSeries *
gdn_kpi_series_copy (const GdnKpiSeries *series)
{
  GdnKpiSeries *copy;

  g_return_val_if_fail (series != NULL, NULL);

  copy = g_new0 (GdnKpiSeries, 1);
  copy->from = g_strdup (series->from);
  copy->to = g_strdup (series->to);
  copy->months = g_array_copy (series->months);
  copy->late_by_reason = copy_groups (series->late_by_reason);
  copy->on_time_by_customer = copy_groups (series->on_time_by_customer);
  copy->on_time_by_owner = copy_groups (series->on_time_by_owner);
  return copy;
}

/**
 * gdn_kpi_series_free:
 * @series: (nullable): a series from gdn_kpi_series_compute() or gdn_kpi_series_copy()
 */
void
gdn_kpi_series_free (GdnKpiSeries *series)
{
  if (series == NULL)
    return;
  g_free (series->from);
  g_free (series->to);
  g_array_unref (series->months);
  g_ptr_array_unref (series->late_by_reason);
  g_ptr_array_unref (series->on_time_by_customer);
  g_ptr_array_unref (series->on_time_by_owner);
  g_free (series);
}

/**
 * gdn_kpi_dimension_name:
 *
 * Returns: the column and JSON key of @dimension: "accuracy", "responsiveness", …
 */
const char *
gdn_kpi_dimension_name (GdnKpiDimension dimension)
{
  g_return_val_if_fail (dimension < GDN_KPI_N_DIMENSIONS, NULL);
  return dimension_names[dimension];
}

/**
 * gdn_kpi_dimension_label:
 *
 * Returns: the translated name of @dimension, as on the survey form
 */
const char *
gdn_kpi_dimension_label (GdnKpiDimension dimension)
{
  g_return_val_if_fail (dimension < GDN_KPI_N_DIMENSIONS, NULL);
  return g_dgettext (GETTEXT_PACKAGE, dimension_labels[dimension]);
}

/**
 * gdn_kpi_has_value:
 *
 * Returns: %FALSE for "no data" (a rate or mean over nothing)
 */
gboolean
gdn_kpi_has_value (double value)
{
  return !isnan (value);
}

/**
 * gdn_kpi_format_rate:
 *
 * Returns: a rate as a percentage ("92.9 %"), or "no data"
 */
char *
gdn_kpi_format_rate (double rate)
{
  if (!gdn_kpi_has_value (rate))
    return g_strdup (_("no data"));
  return g_strdup_printf ("%.1f %%", rate * 100.0);
}

/**
 * gdn_kpi_format_mean:
 *
 * Returns: a mean score with two decimals ("4.25"), or "no data"
 */
char *
gdn_kpi_format_mean (double mean)
{
  if (!gdn_kpi_has_value (mean))
    return g_strdup (_("no data"));
  return g_strdup_printf ("%.2f", mean);
}

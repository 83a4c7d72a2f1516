/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gdn-dashboard"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "gdn-dashboard-view.h"
#include "gdn-enums.h"
#include "gdn-kpi.h"
#include "gdn-section.h"
#include "gdn-window.h"

/* The Dashboard section: the KPIs of DESIGN.md for a period as tiles (each with its change
 * against the period of the same length just before, and a sparkline) and charts. The
 * figures come from gdn_kpi_compute_async() and gdn_kpi_series_compute_async(), the same
 * computation as `gendan-cli kpi`, off the main thread; choosing another period cancels
 * the computation under way. A click on a bar or slice opens the records behind it. */

#define REFRESH_DELAY_MS 400

typedef enum
{
  RESULT_KPI,
  RESULT_PREVIOUS,
  RESULT_SERIES,
  RESULT_TREND,
  N_RESULTS
} Result;

typedef enum
{
  TILE_ON_TIME,
  TILE_SATISFACTION,
  TILE_CONVERSION,
  TILE_RESPONSE,
  TILE_CLOSURE,
  TILE_ORDERS,
  TILE_AMOUNT,
  N_TILES
} Tile;

typedef enum
{
  CHART_ON_TIME_BY_MONTH,
  CHART_LATE_BY_REASON,
  CHART_SATISFACTION_BY_MONTH,
  CHART_SCORES,
  CHART_DIMENSIONS,
  CHART_FUNNEL,
  CHART_RESPONSE_BY_MONTH,
  CHART_COMPLAINTS,
  CHART_CARRIER_ON_TIME,
  CHART_CARRIER_TRANSIT,
  CHART_ON_TIME_BY_CUSTOMER,
  CHART_ON_TIME_BY_OWNER,
  N_CHARTS
} Chart;

static const struct
{
  const char   *name;
  GdnChartKind  kind;
  const char   *title;
} tile_info[N_TILES] = {
  { "tile-on-time", GDN_CHART_KIND_TILE, N_("On-time delivery") },
  { "tile-satisfaction", GDN_CHART_KIND_TILE, N_("Satisfaction") },
  { "tile-conversion", GDN_CHART_KIND_TILE, N_("Conversion rate") },
  { "tile-response", GDN_CHART_KIND_TILE, N_("24-hour response") },
  { "tile-closure", GDN_CHART_KIND_TILE, N_("Closure rate") },
  { "tile-orders", GDN_CHART_KIND_TILE, N_("Confirmed orders") },
  { "tile-amount", GDN_CHART_KIND_TILE, N_("Order amount") },
}, chart_info[N_CHARTS] = {
  { "on-time-by-month", GDN_CHART_KIND_BARS, N_("On-time delivery by month") },
  { "late-by-reason", GDN_CHART_KIND_HBARS, N_("Late deliveries by delay reason") },
  { "satisfaction-by-month", GDN_CHART_KIND_LINES, N_("Satisfaction by month") },
  { "scores", GDN_CHART_KIND_HISTOGRAM, N_("Satisfaction scores") },
  { "dimensions", GDN_CHART_KIND_HBARS, N_("Satisfaction by dimension") },
  { "funnel", GDN_CHART_KIND_FUNNEL, N_("Conversion funnel") },
  { "response-by-month", GDN_CHART_KIND_LINES, N_("Response and closure by month") },
  { "complaints", GDN_CHART_KIND_DONUT, N_("Complaint mix") },
  { "carrier-on-time", GDN_CHART_KIND_HBARS, N_("Carriers: on time against the ETA") },
  { "carrier-transit", GDN_CHART_KIND_HBARS, N_("Carriers: mean transit days") },
  { "on-time-by-customer", GDN_CHART_KIND_HBARS, N_("On-time delivery by customer") },
  { "on-time-by-owner", GDN_CHART_KIND_HBARS, N_("On-time delivery by owner") },
};

struct _GdnDashboardView
{
  GtkWidget          parent_instance;

  GtkWidget         *box;
  GtkDropDown       *period_dropdown;
  GtkWidget         *custom_box;
  GtkEntry          *from_entry;
  GtkEntry          *to_entry;
  GtkLabel          *range_label;
  GtkSpinner        *spinner;
  GtkStack          *stack;
  GtkSpinner        *big_spinner;
  AdwStatusPage     *error_page;
  GtkFlowBox        *tiles_box;
  GtkFlowBox        *charts_box;

  GdnStore          *store;
  GSettings         *settings;
  GCancellable      *cancellable;
  guint              generation;
  guint              pending;
  guint              n_computations;
  guint              refresh_id;
  gboolean           loading_settings;
  gboolean           dirty;          /* to compute when shown */
  gpointer           results[N_RESULTS];
  gpointer           next[N_RESULTS];

  GdnChartView      *tiles[N_TILES];
  GdnChartView      *charts[N_CHARTS];
  GPtrArray         *keys[N_CHARTS];  /* char *: the record value behind each category */
  GPtrArray         *labels[N_CHARTS];
};

typedef struct
{
  GdnDashboardView *self;
  guint             generation;
  Result            which;
} Job;

static void gdn_dashboard_view_section_init (GdnSectionInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (GdnDashboardView, gdn_dashboard_view, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GDN_TYPE_SECTION,
                                                      gdn_dashboard_view_section_init))

static void recompute (GdnDashboardView *self);

static void
free_result (Result   which,
             gpointer result)
{
  if (result == NULL)
    return;
  if (which == RESULT_KPI || which == RESULT_PREVIOUS)
    gdn_kpi_free (result);
  else
    gdn_kpi_series_free (result);
}

static gboolean
current_range (GdnDashboardView *self,
               GDate            *from,
               GDate            *to)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
  return gdn_dashboard_period_range (gtk_drop_down_get_selected (self->period_dropdown),
                                     &today,
                                     gtk_editable_get_text (GTK_EDITABLE (self->from_entry)),
                                     gtk_editable_get_text (GTK_EDITABLE (self->to_entry)),
                                     from, to);
}

/* ---- building the charts' data --------------------------------------------------------- */

/* The figures of one chart, built up and handed to the chart view, which copies them. */
typedef struct
{
  GPtrArray *categories;
  GArray    *values[2];
  GPtrArray *details;
} Figures;

static void
figures_init (Figures *f)
{
  f->categories = g_ptr_array_new_with_free_func (g_free);
  f->values[0] = g_array_new (FALSE, FALSE, sizeof (double));
  f->values[1] = g_array_new (FALSE, FALSE, sizeof (double));
  f->details = g_ptr_array_new_with_free_func (g_free);
}

static void
figures_clear (Figures *f)
{
  g_ptr_array_unref (f->categories);
  g_array_unref (f->values[0]);
  g_array_unref (f->values[1]);
  g_ptr_array_unref (f->details);
}

static void
figures_add (Figures    *f,
             const char *category,
             double      value,
             double      value2,
             char       *detail)
{
  g_ptr_array_add (f->categories, g_strdup (category));
  g_array_append_val (f->values[0], value);
  g_array_append_val (f->values[1], value2);
  g_ptr_array_add (f->details, detail ? detail : g_strdup (""));
}

static void
set_chart (GdnDashboardView *self,
           Chart             chart,
           Figures          *f,
           const char       *label,
           const char       *label2,
           double            target,
           GdnChartFormat    format)
{
  GdnChartSeries series[2] = {
    { label, (const double *) f->values[0]->data },
    { label2, (const double *) f->values[1]->data },
  };
  GdnChartData data = {
    .title = NULL,
    .categories = (const char * const *) f->categories->pdata,
    .n_categories = f->categories->len,
    .series = series,
    .n_series = label2 != NULL ? 2 : 1,
    .target = target,
    .format = format,
  };

  g_ptr_array_add (f->details, NULL);
  gdn_chart_view_set_data (self->charts[chart], &data);
  gdn_chart_view_set_details (self->charts[chart], (const char * const *) f->details->pdata);
  g_ptr_array_remove_index (f->details, f->details->len - 1);
}

static void
set_keys (GdnDashboardView *self,
          Chart             chart,
          const char       *key,
          const char       *label)
{
  if (self->keys[chart] == NULL)
    {
      self->keys[chart] = g_ptr_array_new_with_free_func (g_free);
      self->labels[chart] = g_ptr_array_new_with_free_func (g_free);
    }
  g_ptr_array_add (self->keys[chart], g_strdup (key));
  g_ptr_array_add (self->labels[chart], g_strdup (label));
}

static char *
on_time_detail (const GdnKpiRate *rate)
{
  /* TRANSLATORS: the exact figures behind an on-time rate */
  return g_strdup_printf (_("%lld of %lld deliveries on time"),
                          (long long) rate->hits, (long long) rate->total);
}

static double
rate_or_nan (const GdnKpiRate *rate)
{
  return rate->total > 0 ? rate->rate : NAN;
}

static void
set_tile (GdnDashboardView *self,
          Tile              tile,
          double            value,
          double            previous,
          gboolean          higher_is_better,
          GdnChartFormat    format,
          GArray           *spark)
{
  GdnChartTile t = {
    .title = NULL,
    .value = value,
    .previous = previous,
    .higher_is_better = higher_is_better,
    .format = format,
    .spark = (const double *) spark->data,
    .n_spark = spark->len,
  };

  gdn_chart_view_set_tile (self->tiles[tile], &t);
}

static const GdnChartFormat tile_format[N_TILES] = {
  [TILE_ON_TIME] = GDN_CHART_FORMAT_PERCENT,
  [TILE_SATISFACTION] = GDN_CHART_FORMAT_NUMBER,
  [TILE_CONVERSION] = GDN_CHART_FORMAT_PERCENT,
  [TILE_RESPONSE] = GDN_CHART_FORMAT_PERCENT,
  [TILE_CLOSURE] = GDN_CHART_FORMAT_PERCENT,
  [TILE_ORDERS] = GDN_CHART_FORMAT_NUMBER,
  [TILE_AMOUNT] = GDN_CHART_FORMAT_MONEY,
};

/* The figure a tile shows for a period */
static double
tile_value (const GdnKpi *kpi,
            Tile          tile)
{
  switch (tile)
    {
    case TILE_ON_TIME:
      return kpi->on_time_delivery.rate;
    case TILE_SATISFACTION:
      return kpi->satisfaction.mean;
    case TILE_CONVERSION:
      return kpi->conversion.rate;
    case TILE_RESPONSE:
      return kpi->response_24h.rate;
    case TILE_CLOSURE:
      return kpi->closure.rate;
    case TILE_ORDERS:
      return kpi->order_volume.count;
    case TILE_AMOUNT:
    default:
      return kpi->order_volume.amount;
    }
}

static void
update_tiles (GdnDashboardView *self)
{
  const GdnKpi *kpi = self->results[RESULT_KPI];
  const GdnKpi *prev = self->results[RESULT_PREVIOUS];
  const GdnKpiSeries *trend = self->results[RESULT_TREND];
  GArray *spark[N_TILES];

  for (guint t = 0; t < N_TILES; t++)
    spark[t] = g_array_new (FALSE, FALSE, sizeof (double));
  for (guint i = 0; i < trend->months->len; i++)
    {
      const GdnKpiMonth *m = &g_array_index (trend->months, GdnKpiMonth, i);
      double v[N_TILES] = {
        rate_or_nan (&m->on_time_delivery),
        m->satisfaction.count > 0 ? m->satisfaction.mean : NAN,
        rate_or_nan (&m->conversion),
        rate_or_nan (&m->response_24h),
        rate_or_nan (&m->closure),
        m->order_volume.count,
        m->order_volume.amount,
      };

      for (guint t = 0; t < N_TILES; t++)
        g_array_append_val (spark[t], v[t]);
    }

  for (guint t = 0; t < N_TILES; t++)
    {
      set_tile (self, t, tile_value (kpi, t), tile_value (prev, t), TRUE, tile_format[t],
                spark[t]);
      g_array_unref (spark[t]);
    }
}

static void
update_monthly_charts (GdnDashboardView *self,
                       double            target)
{
  const GdnKpiSeries *trend = self->results[RESULT_TREND];
  Figures on_time, satisfaction, response;

  figures_init (&on_time);
  figures_init (&satisfaction);
  figures_init (&response);
  for (guint i = 0; i < trend->months->len; i++)
    {
      const GdnKpiMonth *m = &g_array_index (trend->months, GdnKpiMonth, i);

      figures_add (&on_time, m->month, rate_or_nan (&m->on_time_delivery), NAN,
                   on_time_detail (&m->on_time_delivery));
      figures_add (&satisfaction, m->month,
                   m->satisfaction.count > 0 ? m->satisfaction.mean : NAN, NAN,
                   g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%lld survey",
                                                 "%lld surveys",
                                                 (gulong) m->satisfaction.count),
                                    (long long) m->satisfaction.count));
      figures_add (&response, m->month, rate_or_nan (&m->response_24h),
                   rate_or_nan (&m->closure),
                   g_strdup_printf (_("%lld of %lld"
                                      " answered within 24 h, %lld closed"),
                                    (long long) m->response_24h.hits,
                                    (long long) m->response_24h.total,
                                    (long long) m->closure.hits));
    }
  set_chart (self, CHART_ON_TIME_BY_MONTH, &on_time, _("On time"), NULL, target,
             GDN_CHART_FORMAT_PERCENT);
  set_chart (self, CHART_SATISFACTION_BY_MONTH, &satisfaction, _("Mean score"), NULL, NAN,
             GDN_CHART_FORMAT_NUMBER);
  set_chart (self, CHART_RESPONSE_BY_MONTH, &response, _("24-hour response"),
             _("Closure"), NAN, GDN_CHART_FORMAT_PERCENT);
  figures_clear (&on_time);
  figures_clear (&satisfaction);
  figures_clear (&response);
}

static void
update_group_chart (GdnDashboardView *self,
                    Chart             chart,
                    GPtrArray        *groups,
                    double            target)
{
  Figures f;

  figures_init (&f);
  for (guint i = 0; i < groups->len; i++)
    {
      const GdnKpiGroup *g = g_ptr_array_index (groups, i);

      figures_add (&f, g->label, rate_or_nan (&g->rate), NAN,
                   on_time_detail (&g->rate));
      set_keys (self, chart, g->key, g->label);
    }
  set_chart (self, chart, &f, _("On time"), NULL, target, GDN_CHART_FORMAT_PERCENT);
  figures_clear (&f);
}

static void
update_period_charts (GdnDashboardView *self,
                      double            target)
{
  const GdnKpi *kpi = self->results[RESULT_KPI];
  const GdnKpiSeries *series = self->results[RESULT_SERIES];
  Figures f;
  guint i = 0;

  /* late deliveries by reason: only the reasons given */
  figures_init (&f);
  for (i = 0; i < series->late_by_reason->len; i++)
    {
      const GdnKpiGroup *g = g_ptr_array_index (series->late_by_reason, i);

      if (g->rate.hits == 0)
        continue;
      figures_add (&f, g->label, g->rate.hits, NAN,
                   g_strdup_printf (_("%lld of %lld"
                                      " late deliveries"),
                                    (long long) g->rate.hits, (long long) g->rate.total));
      set_keys (self, CHART_LATE_BY_REASON, g->key, g->label);
    }
  set_chart (self, CHART_LATE_BY_REASON, &f, _("Late deliveries"), NULL, NAN,
             GDN_CHART_FORMAT_NUMBER);
  figures_clear (&f);

  /* the score distribution */
  figures_init (&f);
  for (i = 0; i < G_N_ELEMENTS (kpi->scores); i++)
    {
      g_autofree char *score = g_strdup_printf ("%u", i + 1);

      figures_add (&f, score, kpi->scores[i], NAN, NULL);
    }
  if (kpi->satisfaction.count == 0)
    g_array_set_size (f.values[0], 0), g_ptr_array_set_size (f.categories, 0),
      g_ptr_array_set_size (f.details, 0);
  set_chart (self, CHART_SCORES, &f, _("Surveys"), NULL, NAN, GDN_CHART_FORMAT_NUMBER);
  figures_clear (&f);

  /* dimension means */
  figures_init (&f);
  for (i = 0; i < GDN_KPI_N_DIMENSIONS; i++)
    figures_add (&f, gdn_kpi_dimension_label (i),
                 kpi->dimensions[i].count > 0 ? kpi->dimensions[i].mean : NAN, NAN,
                 g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%lld survey",
                                               "%lld surveys",
                                               (gulong) kpi->dimensions[i].count),
                                  (long long) kpi->dimensions[i].count));
  set_chart (self, CHART_DIMENSIONS, &f, _("Mean score"), NULL, NAN, GDN_CHART_FORMAT_NUMBER);
  figures_clear (&f);

  /* the funnel */
  figures_init (&f);
  if (kpi->conversion.total > 0)
    {
      figures_add (&f, C_("funnel", "Inquiries"), kpi->conversion.total, NAN, NULL);
      figures_add (&f, C_("funnel", "Quoted"), kpi->quoted, NAN, NULL);
      figures_add (&f, C_("funnel", "Confirmed"), kpi->conversion.hits, NAN, NULL);
      figures_add (&f, C_("funnel", "Delivered"), kpi->delivered, NAN, NULL);
    }
  set_chart (self, CHART_FUNNEL, &f, _("Orders"), NULL, NAN, GDN_CHART_FORMAT_NUMBER);
  figures_clear (&f);

  /* the complaint mix */
  figures_init (&f);
  i = 0;
  for (const GdnEnumValue *v = gdn_enum_complaint_category.values; v->value != NULL; v++, i++)
    {
      if (kpi->complaint_mix[i] == 0)
        continue;
      figures_add (&f, gdn_enum_label (&gdn_enum_complaint_category, v->value),
                   kpi->complaint_mix[i], NAN, NULL);
      set_keys (self, CHART_COMPLAINTS, v->value,
                gdn_enum_label (&gdn_enum_complaint_category, v->value));
    }
  set_chart (self, CHART_COMPLAINTS, &f, _("Complaints"), NULL, NAN, GDN_CHART_FORMAT_NUMBER);
  figures_clear (&f);

  /* carriers */
  {
    Figures transit;

    figures_init (&f);
    figures_init (&transit);
    for (i = 0; i < kpi->carriers->len; i++)
      {
        const GdnKpiCarrier *c = g_ptr_array_index (kpi->carriers, i);
        const char *name = c->carrier != NULL && *c->carrier != '\0' ? c->carrier
                                                                     : _("No carrier");

        figures_add (&f, name, rate_or_nan (&c->on_time), NAN,
                     g_strdup_printf (_("%lld of %lld"
                                        " delivered by the ETA; %lld"
                                        " shipments"),
                                      (long long) c->on_time.hits,
                                      (long long) c->on_time.total,
                                      (long long) c->shipments));
        figures_add (&transit, name, c->mean_transit_days, NAN,
                     g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                   "%lld delivery",
                                                   "%lld deliveries",
                                                   (gulong) c->on_time.total),
                                      (long long) c->on_time.total));
        set_keys (self, CHART_CARRIER_ON_TIME, c->carrier ? c->carrier : "", name);
        set_keys (self, CHART_CARRIER_TRANSIT, c->carrier ? c->carrier : "", name);
      }
    set_chart (self, CHART_CARRIER_ON_TIME, &f, _("On time"), NULL, NAN,
               GDN_CHART_FORMAT_PERCENT);
    set_chart (self, CHART_CARRIER_TRANSIT, &transit, _("Transit days"), NULL, NAN,
               GDN_CHART_FORMAT_DAYS);
    figures_clear (&f);
    figures_clear (&transit);
  }

  update_group_chart (self, CHART_ON_TIME_BY_CUSTOMER, series->on_time_by_customer, target);
  update_group_chart (self, CHART_ON_TIME_BY_OWNER, series->on_time_by_owner, target);
}

static gboolean
kpi_is_empty (const GdnKpi *kpi)
{
  return kpi->on_time_delivery.total == 0 && kpi->conversion.total == 0 &&
         kpi->order_volume.count == 0 && kpi->response_24h.total == 0 &&
         kpi->satisfaction.count == 0 && kpi->carriers->len == 0;
}

static void
update_view (GdnDashboardView *self)
{
  double target = g_settings_get_double (self->settings, "on-time-target");

  if (self->results[RESULT_KPI] == NULL)
    return;

  for (guint c = 0; c < N_CHARTS; c++)
    {
      g_clear_pointer (&self->keys[c], g_ptr_array_unref);
      g_clear_pointer (&self->labels[c], g_ptr_array_unref);
    }
  update_tiles (self);
  update_monthly_charts (self, target);
  update_period_charts (self, target);

  gtk_stack_set_visible_child_name (self->stack, kpi_is_empty (self->results[RESULT_KPI])
                                                   ? "empty" : "charts");
}

static void
set_busy (GdnDashboardView *self,
          gboolean          busy)
{
  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_spinner_set_spinning (self->big_spinner, busy);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
}

/* ---- computing ---------------------------------------------------------------------- */

static void
job_done (Job      *job,
          gpointer  result,
          GError   *error)
{
  GdnDashboardView *self = job->self;

  if (job->generation != self->generation || g_error_matches (error, G_IO_ERROR,
                                                              G_IO_ERROR_CANCELLED))
    {
      free_result (job->which, result);
      return;
    }

  if (error != NULL)
    {
      /* one failure fails the whole: the other computations are of no use alone */
      g_cancellable_cancel (self->cancellable);
      self->generation++;
      self->pending = 0;
      set_busy (self, FALSE);
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }

  free_result (job->which, self->next[job->which]);
  self->next[job->which] = result;
  if (--self->pending > 0)
    return;

  for (guint r = 0; r < N_RESULTS; r++)
    {
      free_result (r, self->results[r]);
      self->results[r] = g_steal_pointer (&self->next[r]);
    }
  set_busy (self, FALSE);
  update_view (self);
}

/* The end of one computation: a GdnKpi or a GdnKpiSeries, as free_result() tells them */
static void
computed_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  Job *job = user_data;
  g_autoptr(GError) error = NULL;
  gpointer value;

  if (job->which == RESULT_KPI || job->which == RESULT_PREVIOUS)
    value = gdn_kpi_compute_finish (result, &error);
  else
    value = gdn_kpi_series_compute_finish (result, &error);
  job_done (job, value, error);
  g_object_unref (job->self);
  g_free (job);
}

static Job *
job_new (GdnDashboardView *self,
         Result            which)
{
  Job *job = g_new0 (Job, 1);

  job->self = g_object_ref (self);
  job->generation = self->generation;
  job->which = which;
  return job;
}

static void
update_range_label (GdnDashboardView *self,
                    const GDate      *from,
                    const GDate      *to)
{
  char a[64], b[64];
  g_autofree char *text = NULL;

  /* TRANSLATORS: a date in the dashboard's period, see strftime() */
  g_date_strftime (a, sizeof a, _("%Y-%m-%d"), from);
  g_date_strftime (b, sizeof b, _("%Y-%m-%d"), to);
  /* TRANSLATORS: the dashboard's period, "2026-11-01 – 2026-11-23" */
  text = g_strdup_printf (_("%s – %s"), a, b);
  gtk_label_set_text (self->range_label, text);
}

static void
recompute (GdnDashboardView *self)
{
  GDate from, to, prev_from, prev_to, trend_from;
  g_autofree char *f = NULL, *t = NULL, *pf = NULL, *pt = NULL, *tf = NULL;
  GdnDatabase *database;

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->generation++;
  self->pending = 0;
  for (guint r = 0; r < N_RESULTS; r++)
    {
      free_result (r, self->next[r]);
      self->next[r] = NULL;
    }

  if (self->store == NULL)
    return;
  /* nobody looks: compute when the section is shown */
  self->dirty = !gtk_widget_get_mapped (GTK_WIDGET (self));
  if (self->dirty)
    {
      set_busy (self, FALSE);
      return;
    }

  if (!current_range (self, &from, &to))
    {
      gtk_label_set_text (self->range_label, _("Enter the first and last day as YYYY-MM-DD"));
      set_busy (self, FALSE);
      return;
    }
  update_range_label (self, &from, &to);

  gdn_dashboard_previous_range (&from, &to, &prev_from, &prev_to);
  gdn_dashboard_trend_start (&from, &to, &trend_from);
  f = gdn_dashboard_format_iso (&from);
  t = gdn_dashboard_format_iso (&to);
  pf = gdn_dashboard_format_iso (&prev_from);
  pt = gdn_dashboard_format_iso (&prev_to);
  tf = gdn_dashboard_format_iso (&trend_from);

  database = gdn_store_get_database (self->store);
  self->cancellable = g_cancellable_new ();
  self->pending = N_RESULTS;
  self->n_computations++;
  set_busy (self, TRUE);
  if (self->results[RESULT_KPI] == NULL)
    gtk_stack_set_visible_child_name (self->stack, "loading");

  gdn_kpi_compute_async (database, f, t, self->cancellable, computed_cb,
                         job_new (self, RESULT_KPI));
  gdn_kpi_compute_async (database, pf, pt, self->cancellable, computed_cb,
                         job_new (self, RESULT_PREVIOUS));
  gdn_kpi_series_compute_async (database, f, t, self->cancellable, computed_cb,
                                job_new (self, RESULT_SERIES));
  gdn_kpi_series_compute_async (database, tf, t, self->cancellable, computed_cb,
                                job_new (self, RESULT_TREND));
}

static gboolean
refresh_cb (gpointer user_data)
{
  GdnDashboardView *self = user_data;

  self->refresh_id = 0;
  recompute (self);
  return G_SOURCE_REMOVE;
}

/* ---- signal callbacks ------------------------------------------------------------------ */

static void
on_store_changed_cb (GdnDashboardView *self)
{
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->dirty = TRUE;
      return;
    }
  /* an import writes many records: one computation after the last */
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  self->refresh_id = g_timeout_add (REFRESH_DELAY_MS, refresh_cb, self);
}

static void
on_target_changed_cb (GdnDashboardView *self)
{
  update_view (self);
}

static void
on_period_selected_cb (GdnDashboardView *self)
{
  GdnDashboardPeriod period = gtk_drop_down_get_selected (self->period_dropdown);

  if (period >= GDN_DASHBOARD_N_PERIODS)
    return;
  gtk_widget_set_visible (self->custom_box, period == GDN_DASHBOARD_PERIOD_CUSTOM);
  if (!self->loading_settings)
    g_settings_set_string (self->settings, "dashboard-period",
                           gdn_dashboard_period_to_string (period));
  recompute (self);
}

static void
on_custom_changed_cb (GdnDashboardView *self)
{
  GDate from, to;

  if (self->loading_settings ||
      gtk_drop_down_get_selected (self->period_dropdown) != GDN_DASHBOARD_PERIOD_CUSTOM)
    return;
  if (current_range (self, &from, &to))
    {
      g_settings_set_string (self->settings, "dashboard-from",
                             gtk_editable_get_text (GTK_EDITABLE (self->from_entry)));
      g_settings_set_string (self->settings, "dashboard-to",
                             gtk_editable_get_text (GTK_EDITABLE (self->to_entry)));
    }
  recompute (self);
}

static void
on_day_selected_cb (GtkCalendar *calendar,
                    GtkEntry    *entry)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (calendar);
  g_autofree char *text = g_date_time_format (date, "%Y-%m-%d");

  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  gtk_popover_popdown (GTK_POPOVER (gtk_widget_get_ancestor (GTK_WIDGET (calendar),
                                                             GTK_TYPE_POPOVER)));
}

static gboolean
unparent_popover_cb (gpointer data)
{
  gtk_widget_unparent (data);
  g_object_unref (data);
  return G_SOURCE_REMOVE;
}

static void
on_calendar_closed_cb (GtkPopover *popover)
{
  /* not while the popover is still handling its own signal */
  g_idle_add (unparent_popover_cb, g_object_ref (popover));
}

static void
on_entry_icon_press_cb (GdnDashboardView     *self,
                        GtkEntryIconPosition  position,
                        GtkEntry             *entry)
{
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *calendar = gtk_calendar_new ();
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  GDate date;

  if (gdn_dashboard_parse_date (text, &date))
    {
      g_autoptr(GDateTime) dt = g_date_time_new_local (g_date_get_year (&date),
                                                       g_date_get_month (&date),
                                                       g_date_get_day (&date), 0, 0, 0);

      gtk_calendar_select_day (GTK_CALENDAR (calendar), dt);
    }
  gtk_popover_set_child (GTK_POPOVER (popover), calendar);
  gtk_widget_set_parent (popover, GTK_WIDGET (entry));
  g_signal_connect_object (calendar, "day-selected", G_CALLBACK (on_day_selected_cb), entry, 0);
  g_signal_connect (popover, "closed", G_CALLBACK (on_calendar_closed_cb), NULL);
  gtk_popover_popup (GTK_POPOVER (popover));
}

/* A bar or slice opens the records behind it */
static void
on_chart_activated_cb (GdnChartView *chart,
                       int           category,
                       int           series,
                       gpointer      user_data)
{
  GdnDashboardView *self = GDN_DASHBOARD_VIEW (gtk_widget_get_ancestor (GTK_WIDGET (chart),
                                                                       GDN_TYPE_DASHBOARD_VIEW));
  Chart which = GPOINTER_TO_UINT (user_data);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (chart));
  const char *key, *label;
  g_autofree char *description = NULL;

  if (!GDN_IS_WINDOW (root) || self->keys[which] == NULL ||
      (guint) category >= self->keys[which]->len)
    return;
  key = g_ptr_array_index (self->keys[which], category);
  label = g_ptr_array_index (self->labels[which], category);

  switch (which)
    {
    case CHART_LATE_BY_REASON:
      {
        const char *fields[] = { "delay_reason", NULL };
        const char *values[] = { key, NULL };

        /* TRANSLATORS: the filter of the orders list opened from the dashboard */
        description = g_strdup_printf (_("Late: %s"), label);
        gdn_window_show_filtered (GDN_WINDOW (root), "orders", description, fields, values,
                                  GDN_FLAGS_LATE_DELIVERY);
      }
      break;

    case CHART_ON_TIME_BY_CUSTOMER:
    case CHART_ON_TIME_BY_OWNER:
      {
        const char *fields[] = { which == CHART_ON_TIME_BY_OWNER ? "owner" : "customer_code",
                                 NULL };
        const char *values[] = { key, NULL };

        /* TRANSLATORS: the filter of the orders list opened from the dashboard */
        description = g_strdup_printf (_("Late for %s"), label);
        if (which == CHART_ON_TIME_BY_OWNER)
          description = (g_free (description), g_strdup_printf (_("Late, owner %s"), label));
        gdn_window_show_filtered (GDN_WINDOW (root), "orders", description, fields, values,
                                  GDN_FLAGS_LATE_DELIVERY);
      }
      break;

    case CHART_CARRIER_ON_TIME:
    case CHART_CARRIER_TRANSIT:
      {
        const char *fields[] = { "carrier", NULL };
        const char *values[] = { key, NULL };

        description = g_strdup_printf (_("Carrier: %s"), label);
        gdn_window_show_filtered (GDN_WINDOW (root), "shipments", description, fields, values,
                                  0);
      }
      break;

    case CHART_COMPLAINTS:
      {
        const char *fields[] = { "type", "category", NULL };
        const char *values[] = { "complaint", key, NULL };

        description = g_strdup_printf (_("Complaints: %s"), label);
        gdn_window_show_filtered (GDN_WINDOW (root), "cases", description, fields, values, 0);
      }
      break;

    default:
      break;
    }
}

/* ---- GdnSection ------------------------------------------------------------------------ */

static void
gdn_dashboard_view_open_record (GdnSection *section,
                                gint64      id)
{
  /* nothing to open: "dashboard:0" only shows the section */
}

static void
gdn_dashboard_view_new_record (GdnSection *section)
{
}

static void
gdn_dashboard_view_focus_search (GdnSection *section)
{
  GdnDashboardView *self = GDN_DASHBOARD_VIEW (section);

  gtk_widget_grab_focus (GTK_WIDGET (self->period_dropdown));
}

static void
gdn_dashboard_view_section_init (GdnSectionInterface *iface)
{
  iface->open_record = gdn_dashboard_view_open_record;
  iface->new_record = gdn_dashboard_view_new_record;
  iface->focus_search = gdn_dashboard_view_focus_search;
}

/* ---- GObject --------------------------------------------------------------------------- */

static GtkWidget *
add_card (GtkFlowBox *box,
          GtkWidget  *chart)
{
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  gtk_widget_add_css_class (card, "card");
  gtk_widget_set_margin_start (chart, 12);
  gtk_widget_set_margin_end (chart, 12);
  gtk_widget_set_margin_top (chart, 8);
  gtk_widget_set_margin_bottom (chart, 8);
  gtk_widget_set_vexpand (chart, TRUE);
  gtk_box_append (GTK_BOX (card), chart);
  gtk_flow_box_append (box, card);
  /* the flow box's own child would be one more Tab stop before each chart */
  gtk_widget_set_focusable (gtk_widget_get_parent (card), FALSE);
  return card;
}

static void
load_settings (GdnDashboardView *self)
{
  g_autofree char *period = g_settings_get_string (self->settings, "dashboard-period");
  g_autofree char *from = g_settings_get_string (self->settings, "dashboard-from");
  g_autofree char *to = g_settings_get_string (self->settings, "dashboard-to");
  GdnDashboardPeriod p = gdn_dashboard_period_from_string (period);

  self->loading_settings = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->from_entry), from);
  gtk_editable_set_text (GTK_EDITABLE (self->to_entry), to);
  gtk_drop_down_set_selected (self->period_dropdown, p);
  gtk_widget_set_visible (self->custom_box, p == GDN_DASHBOARD_PERIOD_CUSTOM);
  self->loading_settings = FALSE;
}

static void
gdn_dashboard_view_map (GtkWidget *widget)
{
  GdnDashboardView *self = GDN_DASHBOARD_VIEW (widget);

  GTK_WIDGET_CLASS (gdn_dashboard_view_parent_class)->map (widget);
  if (self->dirty)
    recompute (self);
}

static void
gdn_dashboard_view_dispose (GObject *object)
{
  GdnDashboardView *self = GDN_DASHBOARD_VIEW (object);

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  /* a computation that finishes now has no charts to fill */
  self->generation++;
  self->pending = 0;
  gtk_widget_dispose_template (GTK_WIDGET (self), GDN_TYPE_DASHBOARD_VIEW);

  G_OBJECT_CLASS (gdn_dashboard_view_parent_class)->dispose (object);
}

static void
gdn_dashboard_view_finalize (GObject *object)
{
  GdnDashboardView *self = GDN_DASHBOARD_VIEW (object);

  for (guint r = 0; r < N_RESULTS; r++)
    {
      free_result (r, self->results[r]);
      free_result (r, self->next[r]);
    }
  for (guint c = 0; c < N_CHARTS; c++)
    {
      g_clear_pointer (&self->keys[c], g_ptr_array_unref);
      g_clear_pointer (&self->labels[c], g_ptr_array_unref);
    }
  g_clear_object (&self->store);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (gdn_dashboard_view_parent_class)->finalize (object);
}

static void
gdn_dashboard_view_class_init (GdnDashboardViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gdn_dashboard_view_dispose;
  object_class->finalize = gdn_dashboard_view_finalize;
  widget_class->map = gdn_dashboard_view_map;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/gendan/Gendan/gdn-dashboard-view.ui");
  gtk_widget_class_bind_template_child (widget_class, GdnDashboardView, box);
  gtk_widget_class_bind_template_child (widget_class, GdnDashboardView, period_dropdown);
  gtk_widget_class_bind_template_child (widget_class, GdnDashboardView, custom_box);
  gtk_widget_class_bind_template_child (widget_class, GdnDashboardView, from_entry);
  gtk_widget_class_bind_template_child (widget_class, GdnDashboardView, to_entry);
  gtk_widget_class_bind_template_child (widget_class, GdnDashboardView, range_label);
  gtk_widget_class_bind_template_child (widget_class, GdnDashboardView, spinner);
  gtk_widget_class_bind_template_child (widget_class, GdnDashboardView, stack);
  gtk_widget_class_bind_template_child (widget_class, GdnDashboardView, big_spinner);
  gtk_widget_class_bind_template_child (widget_class, GdnDashboardView, error_page);
  gtk_widget_class_bind_template_child (widget_class, GdnDashboardView, tiles_box);
  gtk_widget_class_bind_template_child (widget_class, GdnDashboardView, charts_box);
  gtk_widget_class_bind_template_callback (widget_class, on_period_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_custom_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_icon_press_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
gdn_dashboard_view_init (GdnDashboardView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  set_busy (self, FALSE);

  for (guint t = 0; t < N_TILES; t++)
    {
      self->tiles[t] = GDN_CHART_VIEW (gdn_chart_view_new (GDN_CHART_KIND_TILE,
                                                           _(tile_info[t].title)));
      gtk_widget_set_name (GTK_WIDGET (self->tiles[t]), tile_info[t].name);
      add_card (self->tiles_box, GTK_WIDGET (self->tiles[t]));
    }
  for (guint c = 0; c < N_CHARTS; c++)
    {
      self->charts[c] = GDN_CHART_VIEW (gdn_chart_view_new (chart_info[c].kind,
                                                            _(chart_info[c].title)));
      gtk_widget_set_name (GTK_WIDGET (self->charts[c]), chart_info[c].name);
      add_card (self->charts_box, GTK_WIDGET (self->charts[c]));
      g_signal_connect (self->charts[c], "activated", G_CALLBACK (on_chart_activated_cb),
                        GUINT_TO_POINTER (c));
    }
  for (guint c = 0; c < N_CHARTS; c++)
    gdn_chart_view_set_activatable (self->charts[c],
                                    c == CHART_LATE_BY_REASON || c == CHART_COMPLAINTS ||
                                    c == CHART_CARRIER_ON_TIME || c == CHART_CARRIER_TRANSIT ||
                                    c == CHART_ON_TIME_BY_CUSTOMER ||
                                    c == CHART_ON_TIME_BY_OWNER);

  load_settings (self);
  g_signal_connect_object (self->settings, "changed::on-time-target",
                           G_CALLBACK (on_target_changed_cb), self, G_CONNECT_SWAPPED);
}

/* ---- public API ------------------------------------------------------------------------ */

/**
 * gdn_dashboard_view_new:
 * @store: where the figures are read
 *
 * Returns: (transfer floating): the view of the Dashboard section
 */
GtkWidget *
gdn_dashboard_view_new (GdnStore *store)
{
  GdnDashboardView *self;

  g_return_val_if_fail (GDN_IS_STORE (store), NULL);

  self = g_object_new (GDN_TYPE_DASHBOARD_VIEW, NULL);
  self->store = g_object_ref (store);
  g_signal_connect_object (store, "changed", G_CALLBACK (on_store_changed_cb), self,
                           G_CONNECT_SWAPPED);
  self->dirty = TRUE;
  return GTK_WIDGET (self);
}

/**
 * gdn_dashboard_view_set_period:
 * @custom_from: (nullable): for %GDN_DASHBOARD_PERIOD_CUSTOM, "YYYY-MM-DD"
 * @custom_to: (nullable): likewise
 *
 * Chooses the period as a person does in the toolbar, which starts a computation.
 */
void
gdn_dashboard_view_set_period (GdnDashboardView   *self,
                               GdnDashboardPeriod  period,
                               const char         *custom_from,
                               const char         *custom_to)
{
  g_return_if_fail (GDN_IS_DASHBOARD_VIEW (self));
  g_return_if_fail (period < GDN_DASHBOARD_N_PERIODS);

  if (period == GDN_DASHBOARD_PERIOD_CUSTOM)
    {
      self->loading_settings = TRUE;
      gtk_editable_set_text (GTK_EDITABLE (self->from_entry), custom_from ? custom_from : "");
      self->loading_settings = FALSE;
      if (gtk_drop_down_get_selected (self->period_dropdown) == GDN_DASHBOARD_PERIOD_CUSTOM)
        {
          gtk_editable_set_text (GTK_EDITABLE (self->to_entry), custom_to ? custom_to : "");
          return;
        }
      self->loading_settings = TRUE;
      gtk_editable_set_text (GTK_EDITABLE (self->to_entry), custom_to ? custom_to : "");
      self->loading_settings = FALSE;
    }
  if (gtk_drop_down_get_selected (self->period_dropdown) == period)
    recompute (self);
  else
    gtk_drop_down_set_selected (self->period_dropdown, period);
}

/**
 * gdn_dashboard_view_get_range:
 * @from: (out) (optional): the period's first day, "YYYY-MM-DD"
 * @to: (out) (optional): its last day
 *
 * Returns: %FALSE when the custom period chosen is not valid
 */
gboolean
gdn_dashboard_view_get_range (GdnDashboardView  *self,
                              char             **from,
                              char             **to)
{
  GDate f, t;

  g_return_val_if_fail (GDN_IS_DASHBOARD_VIEW (self), FALSE);

  if (!current_range (self, &f, &t))
    return FALSE;
  if (from != NULL)
    *from = gdn_dashboard_format_iso (&f);
  if (to != NULL)
    *to = gdn_dashboard_format_iso (&t);
  return TRUE;
}

/**
 * gdn_dashboard_view_is_busy:
 *
 * Returns: whether figures are being computed
 */
gboolean
gdn_dashboard_view_is_busy (GdnDashboardView *self)
{
  g_return_val_if_fail (GDN_IS_DASHBOARD_VIEW (self), FALSE);
  return self->pending > 0 || self->refresh_id != 0;
}

/**
 * gdn_dashboard_view_get_n_computations:
 *
 * Returns: how many computations were started, finished or not
 */
guint
gdn_dashboard_view_get_n_computations (GdnDashboardView *self)
{
  g_return_val_if_fail (GDN_IS_DASHBOARD_VIEW (self), 0);
  return self->n_computations;
}

/**
 * gdn_dashboard_view_get_chart:
 * @name: a tile ("tile-on-time" …) or chart ("on-time-by-month" …), as its widget is named
 *
 * Returns: (transfer none) (nullable): the tile or chart
 */
GdnChartView *
gdn_dashboard_view_get_chart (GdnDashboardView *self,
                              const char       *name)
{
  g_return_val_if_fail (GDN_IS_DASHBOARD_VIEW (self), NULL);

  for (guint t = 0; t < N_TILES; t++)
    if (g_strcmp0 (tile_info[t].name, name) == 0)
      return self->tiles[t];
  for (guint c = 0; c < N_CHARTS; c++)
    if (g_strcmp0 (chart_info[c].name, name) == 0)
      return self->charts[c];
  return NULL;
}

/**
 * gdn_dashboard_view_get_state:
 *
 * Returns: what is shown: "loading", "empty" (no orders in the period), "error" or "charts"
 */
const char *
gdn_dashboard_view_get_state (GdnDashboardView *self)
{
  g_return_val_if_fail (GDN_IS_DASHBOARD_VIEW (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}

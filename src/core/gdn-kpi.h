/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "gdn-database.h"

G_BEGIN_DECLS

/* The KPIs of DESIGN.md for a period [from, to] (dates, both days included). One
 * definition for the dashboard, the report and gendan-cli:
 *
 * - on-time delivery: orders whose delivered_date is in the period; on time when a
 *   promised_date is set and delivered_date ≤ promised_date. An order delivered without a
 *   promised date counts as delivered but not on time (nothing was promised that it met).
 * - satisfaction: surveys dated in the period; mean overall score, and the mean of each
 *   dimension over the surveys that scored it; the count of each overall score 1–5.
 * - conversion: orders created in the period (every order starts as an inquiry); converted
 *   when confirmed_date is set or the status is confirmed or later (cancelled orders that had
 *   been confirmed count as converted, lost ones do not). The funnel follows the same
 *   orders: quoted = reached quoted or later (a lost order counts when its events show a
 *   quote), confirmed = converted, delivered = delivered_date set or delivered or closed.
 * - 24-hour response: cases opened in the period; within 24 h when first_response_at ≤
 *   opened_at + 24 h. A case with no first response is not within.
 * - closure: cases opened in the period that are now resolved or closed.
 * - complaint mix: complaint cases opened in the period by category; a complaint without a
 *   category counts as "other", so the mix adds up to the complaints.
 * - order volume: orders whose confirmed_date is in the period: count and amount (the order's
 *   amount, which the store keeps equal to Σ quantity × unit_price of its lines), by type and
 *   by status.
 * - carriers: shipments shipped in the period, per carrier: shipments; on time = delivered on
 *   or before the ETA, over the delivered ones; mean transit days = delivered − shipped over
 *   the delivered ones.
 *
 * Records in the trash never count: each record by its own deleted_at (a shipment or case
 * of an order in the trash still counts until it is put in the trash itself, as in lists).
 * A rate or mean over nothing is "no data": NAN here (see gdn_kpi_has_value()), null in
 * JSON. Figures are computed from what is committed, on a read-only connection of their own.
 */

typedef struct
{
  gint64 total;  /* the denominator */
  gint64 hits;   /* the numerator */
  double rate;   /* hits / total in [0, 1]; NAN when total is 0 */
} GdnKpiRate;

typedef struct
{
  gint64 count;
  double mean;   /* NAN when count is 0 */
} GdnKpiMean;

typedef struct
{
  gint64 count;
  double amount;
} GdnKpiVolume;

typedef enum
{
  GDN_KPI_ACCURACY,
  GDN_KPI_RESPONSIVENESS,
  GDN_KPI_RESOLUTION,
  GDN_KPI_ATTITUDE,
  GDN_KPI_QUALITY,
  GDN_KPI_N_DIMENSIONS
} GdnKpiDimension;

typedef struct
{
  char       *carrier;
  gint64      shipments;
  GdnKpiRate  on_time;            /* total: delivered shipments; hits: by the ETA */
  double      mean_transit_days;  /* NAN when none was delivered */
} GdnKpiCarrier;

typedef struct
{
  char          *from;
  char          *to;
  GdnKpiRate     on_time_delivery;   /* total: delivered; hits: on time */
  GdnKpiMean     satisfaction;
  GdnKpiMean     dimensions[GDN_KPI_N_DIMENSIONS];
  gint64         scores[5];          /* surveys with overall score 1 … 5 */
  GdnKpiRate     conversion;         /* total: inquiries; hits: converted */
  gint64         quoted;             /* funnel: inquiries that reached quoted or later */
  gint64         delivered;          /* funnel: inquiries delivered since */
  GdnKpiRate     response_24h;       /* total: opened; hits: within 24 h */
  GdnKpiRate     closure;            /* total: opened; hits: resolved or closed */
  gint64        *complaint_mix;      /* one per value of gdn_enum_complaint_category */
  GdnKpiVolume   order_volume;
  GdnKpiVolume  *volume_by_type;     /* one per value of gdn_enum_order_type */
  GdnKpiVolume  *volume_by_status;   /* one per value of gdn_enum_order_status */
  GPtrArray     *carriers;           /* GdnKpiCarrier, most shipments first */
} GdnKpi;

/* Monthly figures for the dashboard's charts. */
typedef struct
{
  char        month[8];           /* "YYYY-MM" */
  GdnKpiRate  on_time_delivery;
  GdnKpiMean  satisfaction;
  GdnKpiRate  response_24h;
  GdnKpiRate  closure;
  GdnKpiRate  conversion;         /* inquiries created in the month */
  GdnKpiVolume order_volume;      /* orders confirmed in the month */
} GdnKpiMonth;

typedef struct
{
  char       *key;    /* customer code, owner, or delay reason value ("" when not given) */
  char       *label;  /* customer name, owner, or translated delay reason */
  GdnKpiRate  rate;
} GdnKpiGroup;

/* At most this many customers in GdnKpiSeries.on_time_by_customer. */
#define GDN_KPI_SERIES_MAX_CUSTOMERS 20

typedef struct
{
  char       *from;
  char       *to;
  GArray     *months;               /* GdnKpiMonth: every calendar month touching [from, to],
                                     * in order, clipped to the period */
  GPtrArray  *late_by_reason;       /* GdnKpiGroup per delay reason, then "not given": hits =
                                     * late deliveries with it, total = all late deliveries */
  GPtrArray  *on_time_by_customer;  /* GdnKpiGroup, most deliveries first */
  GPtrArray  *on_time_by_owner;     /* GdnKpiGroup, most deliveries first; key "" = no owner */
} GdnKpiSeries;

#define GDN_TYPE_KPI (gdn_kpi_get_type ())
#define GDN_TYPE_KPI_SERIES (gdn_kpi_series_get_type ())

GType          gdn_kpi_get_type               (void) G_GNUC_CONST;
GType          gdn_kpi_series_get_type        (void) G_GNUC_CONST;

gboolean       gdn_kpi_check_period           (const char           *from,
                                               const char           *to,
                                               GError              **error);

GdnKpi        *gdn_kpi_compute                (GdnDatabase          *database,
                                               const char           *from,
                                               const char           *to,
                                               GError              **error);
void           gdn_kpi_compute_async          (GdnDatabase          *database,
                                               const char           *from,
                                               const char           *to,
                                               GCancellable         *cancellable,
                                               GAsyncReadyCallback   callback,
                                               gpointer              user_data);
GdnKpi        *gdn_kpi_compute_finish         (GAsyncResult         *result,
                                               GError              **error);
GdnKpi        *gdn_kpi_copy                   (const GdnKpi         *kpi);
void           gdn_kpi_free                   (GdnKpi               *kpi);

gint64         gdn_kpi_get_complaints         (const GdnKpi         *kpi,
                                               const char           *category);
const GdnKpiVolume *gdn_kpi_get_volume_by_type   (const GdnKpi      *kpi,
                                                  const char        *type);
const GdnKpiVolume *gdn_kpi_get_volume_by_status (const GdnKpi      *kpi,
                                                  const char        *status);
const GdnKpiCarrier *gdn_kpi_get_carrier         (const GdnKpi      *kpi,
                                                  const char        *carrier);

JsonNode      *gdn_kpi_to_json                (const GdnKpi         *kpi);
char          *gdn_kpi_to_json_string         (const GdnKpi         *kpi,
                                               gboolean              pretty);

GdnKpiSeries  *gdn_kpi_series_compute         (GdnDatabase          *database,
                                               const char           *from,
                                               const char           *to,
                                               GError              **error);
void           gdn_kpi_series_compute_async   (GdnDatabase          *database,
                                               const char           *from,
                                               const char           *to,
                                               GCancellable         *cancellable,
                                               GAsyncReadyCallback   callback,
                                               gpointer              user_data);
GdnKpiSeries  *gdn_kpi_series_compute_finish  (GAsyncResult         *result,
                                               GError              **error);
GdnKpiSeries  *gdn_kpi_series_copy            (const GdnKpiSeries   *series);
void           gdn_kpi_series_free            (GdnKpiSeries         *series);

const char    *gdn_kpi_dimension_name         (GdnKpiDimension       dimension);
const char    *gdn_kpi_dimension_label        (GdnKpiDimension       dimension);
gboolean       gdn_kpi_has_value              (double                value);
char          *gdn_kpi_format_rate            (double                rate);
char          *gdn_kpi_format_mean            (double                mean);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GdnKpi, gdn_kpi_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GdnKpiSeries, gdn_kpi_series_free)

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "gdn-database.h"

G_BEGIN_DECLS

/* The period work report (工作汇报): its data gathered once for a period, laid out in
 * pages, drawn onto any cairo context (PDF surface, printer) of a given page size. */

typedef enum
{
  GDN_REPORT_PAPER_A4,
  GDN_REPORT_PAPER_LETTER,
} GdnReportPaper;

/* The periods a report is usually made for; weeks run Monday to Sunday. */
typedef enum
{
  GDN_REPORT_PERIOD_THIS_WEEK,
  GDN_REPORT_PERIOD_LAST_WEEK,
  GDN_REPORT_PERIOD_THIS_MONTH,
  GDN_REPORT_PERIOD_LAST_MONTH,
} GdnReportPeriod;

typedef struct
{
  const char *company;       /* may be NULL or empty */
  const char *author;        /* may be NULL or empty */
  const char *language;      /* "zh_CN", "zh_TW", "en"; NULL: the language of the messages */
  const char *generated_at;  /* 'YYYY-MM-DD HH:MM:SS'; NULL: now */
  double      on_time_target; /* 0–1, drawn on the on-time chart; NAN or 0: none */
} GdnReportOptions;

#define GDN_TYPE_REPORT (gdn_report_get_type ())
G_DECLARE_FINAL_TYPE (GdnReport, gdn_report, GDN, REPORT, GObject)

GdnReport   *gdn_report_new                (GdnDatabase             *database,
                                            const char              *from,
                                            const char              *to,
                                            const GdnReportOptions  *options,
                                            GError                 **error);
void         gdn_report_new_async          (GdnDatabase             *database,
                                            const char              *from,
                                            const char              *to,
                                            const GdnReportOptions  *options,
                                            GCancellable            *cancellable,
                                            GAsyncReadyCallback      callback,
                                            gpointer                 user_data);
GdnReport   *gdn_report_new_finish         (GAsyncResult            *result,
                                            GError                 **error);

const char  *gdn_report_get_from           (GdnReport               *self);
const char  *gdn_report_get_to             (GdnReport               *self);
const char  *gdn_report_get_font_family    (GdnReport               *self);

gboolean     gdn_report_period_range       (GdnReportPeriod          period,
                                            const char              *today,
                                            char                   **from,
                                            char                   **to);

void         gdn_report_paper_size         (GdnReportPaper           paper,
                                            double                  *width,
                                            double                  *height);
gboolean     gdn_report_parse_paper        (const char              *text,
                                            GdnReportPaper          *paper);

guint        gdn_report_get_n_pages        (GdnReport               *self,
                                            double                   width,
                                            double                   height);
void         gdn_report_draw_page          (GdnReport               *self,
                                            cairo_t                 *cr,
                                            guint                    page_nr,
                                            double                   width,
                                            double                   height);
guint        gdn_report_get_n_repeated_headers (GdnReport           *self);

gboolean     gdn_report_write_pdf          (GdnReport               *self,
                                            const char              *path,
                                            GdnReportPaper           paper,
                                            GError                 **error);
void         gdn_report_write_pdf_async    (GdnReport               *self,
                                            const char              *path,
                                            GdnReportPaper           paper,
                                            GCancellable            *cancellable,
                                            GAsyncReadyCallback      callback,
                                            gpointer                 user_data);
gboolean     gdn_report_write_pdf_finish   (GdnReport               *self,
                                            GAsyncResult            *result,
                                            GError                 **error);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

/* The page layout of the report: a flow of blocks (headings, paragraphs, tables, charts)
 * measured with Pango and cut into pages before anything is drawn, so that the page count
 * is known for "Page X of Y" and nothing is cut at a page edge. Sizes are in points (cairo
 * user units of a PDF surface); a printer's context is scaled to points by the caller. */

typedef struct _GdnReportLayout GdnReportLayout;
typedef struct _GdnReportTable GdnReportTable;

typedef enum
{
  GDN_REPORT_ALIGN_START,
  GDN_REPORT_ALIGN_END,
  GDN_REPORT_ALIGN_CENTER,
} GdnReportAlign;

typedef struct
{
  const char     *title;
  double          width;   /* a share of the width the fitted columns leave; 0: fit the
                            * widest cell (dates, numbers, codes) */
  GdnReportAlign  align;
} GdnReportColumn;

/* Draws a chart block into (0, 0, width, height) of the current user space. */
typedef void (*GdnReportDrawFunc) (cairo_t    *cr,
                                   double      width,
                                   double      height,
                                   const char *font_family,
                                   gpointer    data);

GdnReportLayout *gdn_report_layout_new            (const char             *font_family,
                                                   const char             *language);
void             gdn_report_layout_free           (GdnReportLayout        *layout);

/* The page furniture: header (left: company; right: title and period; below: author) and
 * footer (left: generation time; right: "Page X of Y"). */
void             gdn_report_layout_set_header     (GdnReportLayout        *layout,
                                                   const char             *left,
                                                   const char             *right,
                                                   const char             *footer_left);

void             gdn_report_layout_add_title      (GdnReportLayout        *layout,
                                                   const char             *title,
                                                   const char             *subtitle);
void             gdn_report_layout_add_heading    (GdnReportLayout        *layout,
                                                   const char             *text,
                                                   int                     level);
void             gdn_report_layout_add_text       (GdnReportLayout        *layout,
                                                   const char             *text,
                                                   gboolean                muted);
GdnReportTable  *gdn_report_layout_add_table      (GdnReportLayout        *layout,
                                                   const GdnReportColumn  *columns,
                                                   guint                   n_columns);
void             gdn_report_table_add_row         (GdnReportTable         *table,
                                                   const char * const     *cells,
                                                   gboolean                flagged);
guint            gdn_report_table_get_n_rows      (GdnReportTable         *table);
void             gdn_report_layout_add_chart      (GdnReportLayout        *layout,
                                                   double                  height,
                                                   GdnReportDrawFunc       draw,
                                                   gpointer                data,
                                                   GDestroyNotify          destroy);

/* Cuts the flow into pages of @width × @height points; cached per size. */
guint            gdn_report_layout_paginate       (GdnReportLayout        *layout,
                                                   double                  width,
                                                   double                  height);
void             gdn_report_layout_draw_page      (GdnReportLayout        *layout,
                                                   cairo_t                *cr,
                                                   guint                   page_nr,
                                                   double                  width,
                                                   double                  height);
/* How many times a table's header was drawn at the top of a continuation page, for tests. */
guint            gdn_report_layout_get_n_repeated_headers (GdnReportLayout *layout);
/* Where the blocks of a page start and end (y in points), and where the text area ends. */
void             gdn_report_layout_get_page_extent (GdnReportLayout *layout,
                                                    guint            page_nr,
                                                    double          *first_y,
                                                    double          *last_y,
                                                    double          *text_bottom);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GdnReportLayout, gdn_report_layout_free)

G_END_DECLS

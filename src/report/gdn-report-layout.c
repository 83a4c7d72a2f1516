/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gdn-report-layout"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "gdn-report-layout.h"

/* Every block is measured once per page size with a context of its own (metrics unhinted, so
 * that a line breaks at the same place on a PDF surface, an image and a printer), then placed:
 * a heading stays with the start of what follows it, a table row never straddles a page and
 * a table cut by a page starts again with its header row. */

#define MARGIN_X        48.0
#define MARGIN_TOP      36.0
#define MARGIN_BOTTOM   34.0
#define FURNITURE_SIZE  7.5
#define FURNITURE_GAP   12.0
#define BODY_SIZE       9.5
#define TABLE_SIZE      8.0
#define TITLE_SIZE      20.0
#define HEADING_SIZE    14.0
#define SUBHEADING_SIZE 10.5
#define CELL_PAD_X      4.0
#define CELL_PAD_Y      2.6
#define CELL_MAX_LINES  4

typedef enum
{
  BLOCK_TITLE,
  BLOCK_HEADING,
  BLOCK_TEXT,
  BLOCK_TABLE,
  BLOCK_CHART,
} BlockKind;

typedef struct
{
  char     **cells;
  gboolean   flagged;
} Row;

struct _GdnReportTable
{
  GdnReportColumn *columns;   /* titles owned */
  guint            n_columns;
  GPtrArray       *rows;      /* Row */
  double           header_h;
  GArray          *row_h;     /* double per row, for the measured width */
  double          *col_w;     /* points per column, for the measured width */
  gboolean        *col_line;  /* the column fits its widest cell on one line */
  double           line_h;    /* the height of one line of a cell */
};

typedef struct
{
  BlockKind          kind;
  char              *text;
  char              *text2;
  int                level;
  gboolean           muted;
  GdnReportTable    *table;
  double             height;   /* measured, or asked for by a chart */
  GdnReportDrawFunc  draw;
  gpointer           data;
  GDestroyNotify     destroy;
} Block;

/* One piece of a page: a whole block, a table's header row (row = -1) or one row. */
typedef struct
{
  Block  *block;
  int     row;
  double  y;
  double  height;
} Placement;

struct _GdnReportLayout
{
  char         *font_family;
  char         *language;
  char         *header_left;
  char         *header_right;
  char         *footer_left;
  GPtrArray    *blocks;        /* Block */
  GPtrArray    *pages;         /* GArray of Placement */
  double        page_width;
  double        page_height;
  guint         n_repeated_headers;
};

static void
row_free (gpointer data)
{
  Row *row = data;

  g_strfreev (row->cells);
  g_free (row);
}

static void
table_free (GdnReportTable *table)
{
  for (guint i = 0; i < table->n_columns; i++)
    g_free ((char *) table->columns[i].title);
  g_free (table->columns);
  g_free (table->col_w);
  g_free (table->col_line);
  g_ptr_array_unref (table->rows);
  g_array_unref (table->row_h);
  g_free (table);
}

static void
block_free (gpointer data)
{
  Block *block = data;

  g_free (block->text);
  g_free (block->text2);
  if (block->table != NULL)
    table_free (block->table);
  if (block->destroy != NULL)
    block->destroy (block->data);
  g_free (block);
}

static Block *
add_block (GdnReportLayout *layout,
           BlockKind        kind)
{
  Block *block = g_new0 (Block, 1);

  block->kind = kind;
  g_ptr_array_add (layout->blocks, block);
  g_clear_pointer (&layout->pages, g_ptr_array_unref);
  return block;
}

/* Text */

static PangoContext *
context_new (GdnReportLayout *layout,
             cairo_t         *cr)
{
  PangoContext *context;
  cairo_font_options_t *options = cairo_font_options_create ();

  if (cr != NULL)
    context = pango_cairo_create_context (cr);
  else
    context = pango_font_map_create_context (pango_cairo_font_map_get_default ());

  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);
  pango_context_set_round_glyph_positions (context, FALSE);
  pango_context_set_language (context, pango_language_from_string (layout->language));
  return context;
}

static PangoLayout *
text_layout (GdnReportLayout *layout,
             PangoContext    *context,
             const char      *text,
             double           size,
             gboolean         bold,
             double           width,
             GdnReportAlign   align,
             int              max_lines)
{
  PangoLayout *pl = pango_layout_new (context);
  PangoFontDescription *desc = pango_font_description_from_string (layout->font_family);

  pango_font_description_set_absolute_size (desc, size * PANGO_SCALE);
  pango_font_description_set_weight (desc, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (pl, desc);
  pango_font_description_free (desc);

  pango_layout_set_text (pl, text != NULL ? text : "", -1);
  if (width > 0)
    {
      pango_layout_set_width (pl, (int) (width * PANGO_SCALE));
      pango_layout_set_wrap (pl, PANGO_WRAP_WORD_CHAR);
    }
  if (max_lines > 0)
    {
      pango_layout_set_height (pl, -max_lines);
      pango_layout_set_ellipsize (pl, PANGO_ELLIPSIZE_END);
    }
  pango_layout_set_alignment (pl, align == GDN_REPORT_ALIGN_END ? PANGO_ALIGN_RIGHT
                                  : align == GDN_REPORT_ALIGN_CENTER ? PANGO_ALIGN_CENTER
                                  : PANGO_ALIGN_LEFT);
  return pl;
}

static double
layout_height (PangoLayout *pl)
{
  int w, h;

  pango_layout_get_size (pl, &w, &h);
  return (double) h / PANGO_SCALE;
}

static double
measure (GdnReportLayout *layout,
         PangoContext    *context,
         const char      *text,
         double           size,
         gboolean         bold,
         double           width,
         int              max_lines)
{
  g_autoptr(PangoLayout) pl = text_layout (layout, context, text, size, bold, width,
                                           GDN_REPORT_ALIGN_START, max_lines);
  return layout_height (pl);
}

/* Blocks */

static double
heading_size (int level)
{
  return level <= 1 ? HEADING_SIZE : SUBHEADING_SIZE;
}

static double
space_before (const Block *block)
{
  switch (block->kind)
    {
    case BLOCK_HEADING:
      return block->level <= 1 ? 16.0 : 9.0;
    case BLOCK_TITLE:
      return 0.0;
    default:
      return 0.0;
    }
}

static double
space_after (const Block *block)
{
  switch (block->kind)
    {
    case BLOCK_TITLE:
      return 10.0;
    case BLOCK_HEADING:
      return block->level <= 1 ? 6.0 : 4.0;
    case BLOCK_TEXT:
      return 6.0;
    case BLOCK_TABLE:
      return 8.0;
    case BLOCK_CHART:
      return 8.0;
    default:
      return 0.0;
    }
}

static double
column_x (const GdnReportTable *table,
          guint                 column)
{
  double x = 0.0;

  for (guint i = 0; i < column; i++)
    x += table->col_w[i];
  return x;
}

/* Columns of width 0 (dates, numbers, codes) take the width of their widest cell, up to a
 * third of the line, so that they do not wrap; the others share what is left by their
 * shares. */
static void
measure_columns (GdnReportLayout *layout,
                 PangoContext    *context,
                 GdnReportTable  *table,
                 double           text_width)
{
  double fixed = 0.0;
  double shares = 0.0;

  g_free (table->col_w);
  g_free (table->col_line);
  table->col_w = g_new0 (double, table->n_columns);
  table->col_line = g_new0 (gboolean, table->n_columns);
  table->line_h = measure (layout, context, "Ag", TABLE_SIZE, FALSE, 0, 0);
  for (guint c = 0; c < table->n_columns; c++)
    {
      if (table->columns[c].width > 0)
        {
          shares += table->columns[c].width;
          continue;
        }
      {
        g_autoptr(PangoLayout) pl = pango_layout_new (context);
        PangoFontDescription *desc = pango_font_description_from_string (layout->font_family);
        double w = 0.0;
        int pw, ph;

        pango_font_description_set_absolute_size (desc, TABLE_SIZE * PANGO_SCALE);
        pango_font_description_set_weight (desc, PANGO_WEIGHT_BOLD);
        pango_layout_set_font_description (pl, desc);
        pango_layout_set_text (pl, table->columns[c].title, -1);
        pango_layout_get_size (pl, &pw, &ph);
        w = (double) pw / PANGO_SCALE;
        pango_font_description_set_weight (desc, PANGO_WEIGHT_NORMAL);
        pango_layout_set_font_description (pl, desc);
        pango_font_description_free (desc);
        for (guint r = 0; r < table->rows->len; r++)
          {
            Row *row = g_ptr_array_index (table->rows, r);

            pango_layout_set_text (pl, row->cells[c], -1);
            pango_layout_get_size (pl, &pw, &ph);
            w = MAX (w, (double) pw / PANGO_SCALE);
          }
        table->col_w[c] = MIN (ceil (w) + 1.0 + 2 * CELL_PAD_X, text_width / 3.0);
        table->col_line[c] = table->col_w[c] < text_width / 3.0;
        fixed += table->col_w[c];
      }
    }
  for (guint c = 0; c < table->n_columns; c++)
    if (table->columns[c].width > 0)
      table->col_w[c] = MAX (text_width - fixed, 0.0) * table->columns[c].width /
                        (shares > 0 ? shares : 1.0);
}

static double
measure_row (GdnReportLayout      *layout,
             PangoContext         *context,
             const GdnReportTable *table,
             char                **cells,
             gboolean              bold,
             double                text_width)
{
  double h = 0.0;

  for (guint c = 0; c < table->n_columns; c++)
    {
      double w = table->col_w[c] - 2 * CELL_PAD_X;

      /* measured already: one line (the header's bold is as high as the regular) */
      if (table->col_line[c] && strchr (cells[c], '\n') == NULL)
        {
          h = MAX (h, table->line_h);
          continue;
        }
      h = MAX (h, measure (layout, context, cells[c], TABLE_SIZE, bold, w, CELL_MAX_LINES));
    }
  return h + 2 * CELL_PAD_Y;
}

static void
measure_blocks (GdnReportLayout *layout,
                double           text_width)
{
  PangoContext *context = context_new (layout, NULL);

  for (guint i = 0; i < layout->blocks->len; i++)
    {
      Block *block = g_ptr_array_index (layout->blocks, i);
      GdnReportTable *table = block->table;

      switch (block->kind)
        {
        case BLOCK_TITLE:
          block->height = measure (layout, context, block->text, TITLE_SIZE, TRUE,
                                   text_width, 0) + 4.0 +
                          measure (layout, context, block->text2, BODY_SIZE + 1, FALSE,
                                   text_width, 0);
          break;
        case BLOCK_HEADING:
          block->height = measure (layout, context, block->text, heading_size (block->level),
                                   TRUE, text_width, 0);
          if (block->level <= 1)
            block->height += 3.0;   /* the rule under it */
          break;
        case BLOCK_TEXT:
          block->height = measure (layout, context, block->text, BODY_SIZE, FALSE,
                                   text_width, 0);
          break;
        case BLOCK_TABLE:
          {
            g_autofree char **titles = g_new0 (char *, table->n_columns + 1);

            measure_columns (layout, context, table, text_width);
            for (guint c = 0; c < table->n_columns; c++)
              titles[c] = (char *) table->columns[c].title;
            table->header_h = measure_row (layout, context, table, titles, TRUE, text_width);
            g_array_set_size (table->row_h, 0);
            for (guint r = 0; r < table->rows->len; r++)
              {
                Row *row = g_ptr_array_index (table->rows, r);
                double h = measure_row (layout, context, table, row->cells, FALSE, text_width);
                g_array_append_val (table->row_h, h);
              }
          }
          break;
        case BLOCK_CHART:
        default:
          break;
        }
    }
  g_object_unref (context);
}

/* What must fit below a heading for it not to be left alone at the bottom of a page. */
static double
keep_height (const Block *block)
{
  if (block == NULL)
    return 0.0;
  if (block->kind == BLOCK_TABLE)
    {
      const GdnReportTable *t = block->table;
      guint n = MIN (t->rows->len, 2);
      double h = n > 0 ? t->header_h : 0.0;

      for (guint r = 0; r < n; r++)
        h += g_array_index (t->row_h, double, r);
      return h;
    }
  if (block->kind == BLOCK_HEADING)
    return block->height + space_after (block);
  return block->height;
}

/* The text area of a page: between the header and the footer. */
static void
text_area (GdnReportLayout *layout,
           double           height,
           double          *top,
           double          *bottom)
{
  PangoContext *context = context_new (layout, NULL);
  double line = measure (layout, context, "Ag", FURNITURE_SIZE, TRUE, 0, 0);

  g_object_unref (context);

  *top = MARGIN_TOP + line + 3.0 + FURNITURE_GAP;
  *bottom = height - MARGIN_BOTTOM - line - FURNITURE_GAP;
}

static GArray *
new_page (GdnReportLayout *layout)
{
  GArray *page = g_array_new (FALSE, TRUE, sizeof (Placement));

  g_ptr_array_add (layout->pages, page);
  return page;
}

static void
place (GArray *page,
       Block  *block,
       int     row,
       double  y,
       double  height)
{
  Placement p = { block, row, y, height };
  g_array_append_val (page, p);
}

/**
 * gdn_report_layout_paginate:
 *
 * Measures every block for a page of @width × @height points and cuts the flow into pages.
 * Returns: the number of pages (at least 1)
 */
guint
gdn_report_layout_paginate (GdnReportLayout *layout,
                            double           width,
                            double           height)
{
  double text_width = width - 2 * MARGIN_X;
  double top, bottom, y;
  GArray *page;

  if (layout->pages != NULL && layout->page_width == width && layout->page_height == height)
    return layout->pages->len;

  g_clear_pointer (&layout->pages, g_ptr_array_unref);
  layout->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  layout->page_width = width;
  layout->page_height = height;
  layout->n_repeated_headers = 0;

  measure_blocks (layout, text_width);
  text_area (layout, height, &top, &bottom);

  page = new_page (layout);
  y = top;
  for (guint i = 0; i < layout->blocks->len; i++)
    {
      Block *block = g_ptr_array_index (layout->blocks, i);
      Block *next = i + 1 < layout->blocks->len ? g_ptr_array_index (layout->blocks, i + 1)
                                                : NULL;
      double before = y > top ? space_before (block) : 0.0;

      if (block->kind == BLOCK_TABLE)
        {
          GdnReportTable *t = block->table;
          double first;

          /* A table left without rows gives way to the text saying so. */
          if (t->rows->len == 0)
            continue;
          first = g_array_index (t->row_h, double, 0);

          if (y > top && y + t->header_h + first > bottom)
            {
              page = new_page (layout);
              y = top;
            }
          place (page, block, -1, y, t->header_h);
          y += t->header_h;
          for (guint r = 0; r < t->rows->len; r++)
            {
              double h = g_array_index (t->row_h, double, r);

              if (y + h > bottom)
                {
                  page = new_page (layout);
                  y = top;
                  place (page, block, -1, y, t->header_h);
                  y += t->header_h;
                  layout->n_repeated_headers++;
                }
              place (page, block, (int) r, y, h);
              y += h;
            }
          y += space_after (block);
          continue;
        }

      {
        double h = block->kind == BLOCK_CHART ? MIN (block->height, bottom - top)
                                              : block->height;
        double need = before + h;

        if (block->kind == BLOCK_HEADING && next != NULL)
          need += space_after (block) + keep_height (next);
        if (y > top && y + need > bottom)
          {
            page = new_page (layout);
            y = top;
            before = 0.0;
          }
        y += before;
        place (page, block, -1, y, h);
        y += h + space_after (block);
      }
    }
  return layout->pages->len;
}

/* Drawing */

static void
show_text (cairo_t     *cr,
           PangoLayout *pl,
           double       x,
           double       y)
{
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, pl);
}

static void
draw_row (GdnReportLayout      *layout,
          PangoContext         *context,
          cairo_t              *cr,
          const GdnReportTable *table,
          char                **cells,
          gboolean              header,
          gboolean              flagged,
          double                y,
          double                h,
          double                text_width)
{
  if (header || flagged)
    {
      if (header)
        cairo_set_source_rgb (cr, 0.90, 0.92, 0.95);
      else
        cairo_set_source_rgb (cr, 0.99, 0.90, 0.88);
      cairo_rectangle (cr, MARGIN_X, y, text_width, h);
      cairo_fill (cr);
    }

  for (guint c = 0; c < table->n_columns; c++)
    {
      double x = MARGIN_X + column_x (table, c);
      double w = table->col_w[c] - 2 * CELL_PAD_X;
      g_autoptr(PangoLayout) pl = text_layout (layout, context, cells[c], TABLE_SIZE, header,
                                               w, table->columns[c].align, CELL_MAX_LINES);

      if (flagged && !header)
        cairo_set_source_rgb (cr, 0.55, 0.08, 0.05);
      else
        cairo_set_source_rgb (cr, 0.10, 0.10, 0.12);
      show_text (cr, pl, x + CELL_PAD_X, y + CELL_PAD_Y);
    }

  cairo_set_source_rgb (cr, header ? 0.55 : 0.82, header ? 0.58 : 0.83, header ? 0.62 : 0.85);
  cairo_set_line_width (cr, header ? 0.8 : 0.4);
  cairo_move_to (cr, MARGIN_X, y + h);
  cairo_line_to (cr, MARGIN_X + text_width, y + h);
  cairo_stroke (cr);
}

static void
draw_furniture (GdnReportLayout *layout,
                PangoContext    *context,
                cairo_t         *cr,
                guint            page_nr,
                double           width,
                double           height)
{
  double text_width = width - 2 * MARGIN_X;
  g_autofree char *page_text = NULL;
  g_autoptr(PangoLayout) left = NULL;
  g_autoptr(PangoLayout) right = NULL;
  g_autoptr(PangoLayout) footer_left = NULL;
  g_autoptr(PangoLayout) footer_right = NULL;
  double line;

  left = text_layout (layout, context, layout->header_left, FURNITURE_SIZE, TRUE,
                      text_width * 0.45, GDN_REPORT_ALIGN_START, 1);
  right = text_layout (layout, context, layout->header_right, FURNITURE_SIZE, FALSE,
                       text_width * 0.55, GDN_REPORT_ALIGN_END, 1);
  line = layout_height (right);

  cairo_set_source_rgb (cr, 0.30, 0.32, 0.36);
  show_text (cr, left, MARGIN_X, MARGIN_TOP);
  show_text (cr, right, MARGIN_X + text_width * 0.45, MARGIN_TOP);
  cairo_set_source_rgb (cr, 0.70, 0.72, 0.76);
  cairo_set_line_width (cr, 0.6);
  cairo_move_to (cr, MARGIN_X, MARGIN_TOP + line + 3.0);
  cairo_line_to (cr, MARGIN_X + text_width, MARGIN_TOP + line + 3.0);
  cairo_stroke (cr);

  /* TRANSLATORS: the page number in the report's footer, e.g. "Page 2 of 7" */
  page_text = g_strdup_printf (_("Page %u of %u"), page_nr + 1, layout->pages->len);
  footer_left = text_layout (layout, context, layout->footer_left, FURNITURE_SIZE, FALSE,
                             text_width * 0.6, GDN_REPORT_ALIGN_START, 1);
  footer_right = text_layout (layout, context, page_text, FURNITURE_SIZE, FALSE,
                              text_width * 0.4, GDN_REPORT_ALIGN_END, 1);
  cairo_set_source_rgb (cr, 0.70, 0.72, 0.76);
  cairo_move_to (cr, MARGIN_X, height - MARGIN_BOTTOM - line - 3.0);
  cairo_line_to (cr, MARGIN_X + text_width, height - MARGIN_BOTTOM - line - 3.0);
  cairo_stroke (cr);
  cairo_set_source_rgb (cr, 0.30, 0.32, 0.36);
  show_text (cr, footer_left, MARGIN_X, height - MARGIN_BOTTOM - line);
  show_text (cr, footer_right, MARGIN_X + text_width * 0.6, height - MARGIN_BOTTOM - line);
}

/**
 * gdn_report_layout_draw_page:
 * @page_nr: from 0
 *
 * Draws one page onto @cr, whose user space is @width × @height points.
 */
void
gdn_report_layout_draw_page (GdnReportLayout *layout,
                             cairo_t         *cr,
                             guint            page_nr,
                             double           width,
                             double           height)
{
  double text_width = width - 2 * MARGIN_X;
  PangoContext *context;
  GArray *page;

  gdn_report_layout_paginate (layout, width, height);
  g_return_if_fail (page_nr < layout->pages->len);
  page = g_ptr_array_index (layout->pages, page_nr);

  cairo_save (cr);
  context = context_new (layout, cr);

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_fill (cr);

  draw_furniture (layout, context, cr, page_nr, width, height);

  for (guint i = 0; i < page->len; i++)
    {
      Placement *p = &g_array_index (page, Placement, i);
      Block *block = p->block;

      switch (block->kind)
        {
        case BLOCK_TITLE:
          {
            g_autoptr(PangoLayout) title = text_layout (layout, context, block->text,
                                                        TITLE_SIZE, TRUE, text_width,
                                                        GDN_REPORT_ALIGN_START, 0);
            g_autoptr(PangoLayout) sub = text_layout (layout, context, block->text2,
                                                      BODY_SIZE + 1, FALSE, text_width,
                                                      GDN_REPORT_ALIGN_START, 0);
            cairo_set_source_rgb (cr, 0.08, 0.16, 0.30);
            show_text (cr, title, MARGIN_X, p->y);
            cairo_set_source_rgb (cr, 0.30, 0.32, 0.36);
            show_text (cr, sub, MARGIN_X, p->y + layout_height (title) + 4.0);
          }
          break;
        case BLOCK_HEADING:
          {
            g_autoptr(PangoLayout) pl = text_layout (layout, context, block->text,
                                                     heading_size (block->level), TRUE,
                                                     text_width, GDN_REPORT_ALIGN_START, 0);
            cairo_set_source_rgb (cr, 0.08, 0.16, 0.30);
            show_text (cr, pl, MARGIN_X, p->y);
            if (block->level <= 1)
              {
                cairo_set_source_rgb (cr, 0.20, 0.40, 0.70);
                cairo_set_line_width (cr, 1.2);
                cairo_move_to (cr, MARGIN_X, p->y + p->height - 0.6);
                cairo_line_to (cr, MARGIN_X + text_width, p->y + p->height - 0.6);
                cairo_stroke (cr);
              }
          }
          break;
        case BLOCK_TEXT:
          {
            g_autoptr(PangoLayout) pl = text_layout (layout, context, block->text, BODY_SIZE,
                                                     FALSE, text_width,
                                                     GDN_REPORT_ALIGN_START, 0);
            if (block->muted)
              cairo_set_source_rgb (cr, 0.42, 0.44, 0.48);
            else
              cairo_set_source_rgb (cr, 0.10, 0.10, 0.12);
            show_text (cr, pl, MARGIN_X, p->y);
          }
          break;
        case BLOCK_TABLE:
          {
            GdnReportTable *t = block->table;

            if (p->row < 0)
              {
                g_autofree char **titles = g_new0 (char *, t->n_columns + 1);

                for (guint c = 0; c < t->n_columns; c++)
                  titles[c] = (char *) t->columns[c].title;
                draw_row (layout, context, cr, t, titles, TRUE, FALSE, p->y, p->height,
                          text_width);
              }
            else
              {
                Row *row = g_ptr_array_index (t->rows, p->row);
                draw_row (layout, context, cr, t, row->cells, FALSE, row->flagged, p->y,
                          p->height, text_width);
              }
          }
          break;
        case BLOCK_CHART:
          cairo_save (cr);
          cairo_translate (cr, MARGIN_X, p->y);
          cairo_rectangle (cr, 0, 0, text_width, p->height);
          cairo_clip (cr);
          block->draw (cr, text_width, p->height, layout->font_family, block->data);
          cairo_restore (cr);
          break;
        default:
          break;
        }
    }
  g_object_unref (context);
  cairo_restore (cr);
}

guint
gdn_report_layout_get_n_repeated_headers (GdnReportLayout *layout)
{
  return layout->n_repeated_headers;
}

void
gdn_report_layout_get_page_extent (GdnReportLayout *layout,
                                   guint            page_nr,
                                   double          *first_y,
                                   double          *last_y,
                                   double          *text_bottom)
{
  GArray *page;
  double top;

  g_return_if_fail (layout->pages != NULL && page_nr < layout->pages->len);
  page = g_ptr_array_index (layout->pages, page_nr);
  text_area (layout, layout->page_height, &top, text_bottom);
  *first_y = *last_y = top;
  for (guint i = 0; i < page->len; i++)
    {
      Placement *p = &g_array_index (page, Placement, i);

      if (i == 0)
        *first_y = p->y;
      *last_y = MAX (*last_y, p->y + p->height);
    }
}

/* Building */

/**
 * gdn_report_layout_new:
 * @font_family: a Pango family list, "Noto Sans CJK SC, Sans"
 * @language: the language of the text ("zh-cn"), for the glyphs Pango picks
 */
GdnReportLayout *
gdn_report_layout_new (const char *font_family,
                       const char *language)
{
  GdnReportLayout *layout = g_new0 (GdnReportLayout, 1);

  layout->font_family = g_strdup (font_family);
  layout->language = g_strdup (language);
  layout->blocks = g_ptr_array_new_with_free_func (block_free);
  layout->header_left = g_strdup ("");
  layout->header_right = g_strdup ("");
  layout->footer_left = g_strdup ("");
  return layout;
}

void
gdn_report_layout_free (GdnReportLayout *layout)
{
  g_free (layout->font_family);
  g_free (layout->language);
  g_free (layout->header_left);
  g_free (layout->header_right);
  g_free (layout->footer_left);
  g_ptr_array_unref (layout->blocks);
  g_clear_pointer (&layout->pages, g_ptr_array_unref);
  g_free (layout);
}

void
gdn_report_layout_set_header (GdnReportLayout *layout,
                              const char      *left,
                              const char      *right,
                              const char      *footer_left)
{
  g_free (layout->header_left);
  g_free (layout->header_right);
  g_free (layout->footer_left);
  layout->header_left = g_strdup (left ? left : "");
  layout->header_right = g_strdup (right ? right : "");
  layout->footer_left = g_strdup (footer_left ? footer_left : "");
}

void
gdn_report_layout_add_title (GdnReportLayout *layout,
                             const char      *title,
                             const char      *subtitle)
{
  Block *block = add_block (layout, BLOCK_TITLE);

  block->text = g_strdup (title);
  block->text2 = g_strdup (subtitle ? subtitle : "");
}

void
gdn_report_layout_add_heading (GdnReportLayout *layout,
                               const char      *text,
                               int              level)
{
  Block *block = add_block (layout, BLOCK_HEADING);

  block->text = g_strdup (text);
  block->level = level;
}

void
gdn_report_layout_add_text (GdnReportLayout *layout,
                            const char      *text,
                            gboolean         muted)
{
  Block *block = add_block (layout, BLOCK_TEXT);

  block->text = g_strdup (text);
  block->muted = muted;
}

/**
 * gdn_report_layout_add_table:
 *
 * Returns: (transfer none): the table, to add rows to
 */
GdnReportTable *
gdn_report_layout_add_table (GdnReportLayout       *layout,
                             const GdnReportColumn *columns,
                             guint                  n_columns)
{
  Block *block = add_block (layout, BLOCK_TABLE);
  GdnReportTable *table = g_new0 (GdnReportTable, 1);

  table->columns = g_new0 (GdnReportColumn, n_columns);
  table->n_columns = n_columns;
  for (guint i = 0; i < n_columns; i++)
    {
      table->columns[i] = columns[i];
      table->columns[i].title = g_strdup (columns[i].title);
    }
  table->rows = g_ptr_array_new_with_free_func (row_free);
  table->row_h = g_array_new (FALSE, TRUE, sizeof (double));
  block->table = table;
  return table;
}

void
gdn_report_table_add_row (GdnReportTable     *table,
                          const char * const *cells,
                          gboolean            flagged)
{
  Row *row = g_new0 (Row, 1);

  row->cells = g_new0 (char *, table->n_columns + 1);
  for (guint i = 0; i < table->n_columns; i++)
    row->cells[i] = g_strdup (cells[i] != NULL ? cells[i] : "");
  row->flagged = flagged;
  g_ptr_array_add (table->rows, row);
}

guint
gdn_report_table_get_n_rows (GdnReportTable *table)
{
  return table->rows->len;
}

void
gdn_report_layout_add_chart (GdnReportLayout   *layout,
                             double             height,
                             GdnReportDrawFunc  draw,
                             gpointer           data,
                             GDestroyNotify     destroy)
{
  Block *block = add_block (layout, BLOCK_CHART);

  block->height = height;
  block->draw = draw;
  block->data = data;
  block->destroy = destroy;
}

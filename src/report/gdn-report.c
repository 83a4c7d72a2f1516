/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gdn-report"

#include "config.h"

#include <cairo-pdf.h>
#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "gdn-kpi.h"
#include "gdn-parse.h"
#include "gdn-report-private.h"
#include "gdn-report.h"
#include "gdn-validation-error.h"

/* The report reads everything it shows once, when it is made, on a read-only connection of
 * its own in one read transaction (so it can be made on a worker thread while the app goes on
 * writing); after that, paginating and drawing touch no database and can run on any thread
 * that owns the report at the time. */

struct _GdnReport
{
  GObject          parent_instance;

  char            *from;
  char            *to;
  char            *language;
  char            *font_family;
  GdnReportLayout *layout;
};

G_DEFINE_FINAL_TYPE (GdnReport, gdn_report, G_TYPE_OBJECT)

/* The language of the text: the option, else the one gettext speaks. */
static char *
report_language (const GdnReportOptions *options)
{
  const char *lang = options != NULL ? options->language : NULL;

  if (lang == NULL || *lang == '\0')
    {
      /* The translation in use tells, not the locale: LANGUAGE may differ from LC_MESSAGES. */
      const char *probe = _("Work Report");

      if (strcmp (probe, "Work Report") == 0)
        lang = "en";
      else
        {
          const char * const *names = g_get_language_names ();
          lang = names[0];
        }
    }
  return g_strdup (lang);
}

static const char *
font_for_language (const char *language)
{
  if (g_str_has_prefix (language, "zh_TW") || g_str_has_prefix (language, "zh_HK") ||
      g_str_has_prefix (language, "zh-tw") || g_str_has_prefix (language, "zh_Hant"))
    return "Noto Sans CJK TC, Sans";
  if (g_str_has_prefix (language, "zh"))
    return "Noto Sans CJK SC, Sans";
  /* Latin text in the CJK family's Latin glyphs would do, but a real sans reads better; the
   * CJK family follows for any Chinese name in the data. */
  return "Sans, Noto Sans CJK SC";
}

static const char *
pango_language_name (const char *language)
{
  if (g_str_has_prefix (language, "zh_TW") || g_str_has_prefix (language, "zh_HK"))
    return "zh-tw";
  if (g_str_has_prefix (language, "zh"))
    return "zh-cn";
  return "en";
}

static void
gdn_report_finalize (GObject *object)
{
  GdnReport *self = GDN_REPORT (object);

  g_free (self->from);
  g_free (self->to);
  g_free (self->language);
  g_free (self->font_family);
  g_clear_pointer (&self->layout, gdn_report_layout_free);

  G_OBJECT_CLASS (gdn_report_parent_class)->finalize (object);
}

static void
gdn_report_class_init (GdnReportClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = gdn_report_finalize;
}

static void
gdn_report_init (GdnReport *self)
{
}

static gboolean
gather (GdnReport               *self,
        GdnDatabase             *database,
        const GdnReportOptions  *options,
        GError                 **error)
{
  g_autoptr(GdnKpi) kpi = NULL;
  g_autofree char *now = NULL;
  g_autofree char *generated = NULL;
  g_autofree char *footer = NULL;
  g_autofree char *from_text = NULL;
  g_autofree char *to_text = NULL;
  g_autofree char *header_right = NULL;
  sqlite3 *db = NULL;
  gboolean ok;

  kpi = gdn_kpi_compute (database, self->from, self->to, error);
  if (kpi == NULL)
    return FALSE;

  db = gdn_database_open_reader (gdn_database_get_path (database), NULL, error);
  if (db == NULL)
    return FALSE;

  self->layout = gdn_report_layout_new (self->font_family,
                                        pango_language_name (self->language));

  now = options->generated_at != NULL ? g_strdup (options->generated_at) : gdn_now ();
  generated = gdn_format_datetime (now);
  /* TRANSLATORS: in the report's footer */
  footer = g_strdup_printf (_("Generated %s by Gendan"), generated);
  from_text = gdn_format_date (self->from);
  to_text = gdn_format_date (self->to);
  if (options->author != NULL && *options->author != '\0')
    /* TRANSLATORS: the report's running header: title, period, author */
    header_right = g_strdup_printf (_("Work Report · %s – %s · %s"), from_text, to_text,
                                    options->author);
  else
    header_right = g_strdup_printf (_("Work Report · %s – %s"), from_text, to_text);
  gdn_report_layout_set_header (self->layout,
                                options->company != NULL ? options->company : "",
                                header_right, footer);

  ok = gdn_report_content_build (self->layout, db, kpi, self->from, self->to, options, error);

  gdn_database_close_reader (db);
  return ok;
}

/**
 * gdn_report_new:
 * @database: the database; only its path is used, on a connection of the report's own
 * @from: the first day, 'YYYY-MM-DD'
 * @to: the last day (included)
 * @options: (nullable): company, author, language …
 *
 * Gathers the period's figures and records and lays them out. May be called on any
 * thread.
 *
 * Returns: (transfer full): the report, or %NULL with @error set
 */
GdnReport *
gdn_report_new (GdnDatabase             *database,
                const char              *from,
                const char              *to,
                const GdnReportOptions  *options,
                GError                 **error)
{
  g_autoptr(GdnReport) self = NULL;
  GdnReportOptions defaults = { NULL, NULL, NULL, NULL, NAN };

  g_return_val_if_fail (GDN_IS_DATABASE (database), NULL);

  if (!gdn_kpi_check_period (from, to, error))
    return NULL;
  if (options == NULL)
    options = &defaults;

  self = g_object_new (GDN_TYPE_REPORT, NULL);
  self->from = g_strdup (from);
  self->to = g_strdup (to);
  self->language = report_language (options);
  self->font_family = g_strdup (font_for_language (self->language));

  if (!gather (self, database, options, error))
    return NULL;
  return g_steal_pointer (&self);
}

typedef struct
{
  GdnDatabase      *database;
  char             *from;
  char             *to;
  char             *company;
  char             *author;
  char             *language;
  char             *generated_at;
  double            on_time_target;
  char             *path;
  GdnReportPaper    paper;
} TaskData;

static void
task_data_free (gpointer data)
{
  TaskData *td = data;

  g_clear_object (&td->database);
  g_free (td->from);
  g_free (td->to);
  g_free (td->company);
  g_free (td->author);
  g_free (td->language);
  g_free (td->generated_at);
  g_free (td->path);
  g_free (td);
}

static void
new_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  TaskData *td = task_data;
  GdnReportOptions options = {
    td->company, td->author, td->language, td->generated_at, td->on_time_target,
  };
  GError *error = NULL;
  GdnReport *report;

  report = gdn_report_new (td->database, td->from, td->to, &options, &error);
  if (report == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, report, g_object_unref);
}

/**
 * gdn_report_new_async:
 *
 * Makes the report on a worker thread; see gdn_report_new().
 */
void
gdn_report_new_async (GdnDatabase             *database,
                      const char              *from,
                      const char              *to,
                      const GdnReportOptions  *options,
                      GCancellable            *cancellable,
                      GAsyncReadyCallback      callback,
                      gpointer                 user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  TaskData *td = g_new0 (TaskData, 1);

  g_task_set_source_tag (task, gdn_report_new_async);
  td->database = g_object_ref (database);
  td->from = g_strdup (from);
  td->to = g_strdup (to);
  td->on_time_target = NAN;
  if (options != NULL)
    {
      td->company = g_strdup (options->company);
      td->author = g_strdup (options->author);
      td->language = g_strdup (options->language);
      td->generated_at = g_strdup (options->generated_at);
      td->on_time_target = options->on_time_target;
    }
  g_task_set_task_data (task, td, task_data_free);
  g_task_run_in_thread (task, new_thread);
}

GdnReport *
gdn_report_new_finish (GAsyncResult  *result,
                       GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

const char *
gdn_report_get_from (GdnReport *self)
{
  g_return_val_if_fail (GDN_IS_REPORT (self), NULL);
  return self->from;
}

const char *
gdn_report_get_to (GdnReport *self)
{
  g_return_val_if_fail (GDN_IS_REPORT (self), NULL);
  return self->to;
}

/**
 * gdn_report_get_font_family:
 *
 * Returns: the Pango family list the report is set in, chosen for its language
 */
const char *
gdn_report_get_font_family (GdnReport *self)
{
  g_return_val_if_fail (GDN_IS_REPORT (self), NULL);
  return self->font_family;
}

/**
 * gdn_report_period_range:
 * @today: 'YYYY-MM-DD'
 * @from: (out): the first day of the period
 * @to: (out): its last day
 *
 * The dates of a usual report period around @today: whole weeks (Monday to Sunday) and
 * whole calendar months.
 *
 * Returns: %FALSE when @today is not a date
 */
gboolean
gdn_report_period_range (GdnReportPeriod   period,
                         const char       *today,
                         char            **from,
                         char            **to)
{
  g_autoptr(GDateTime) day = NULL;
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) end = NULL;
  int y, m, d;

  if (!gdn_date_is_valid (today) || sscanf (today, "%4d-%2d-%2d", &y, &m, &d) != 3)
    return FALSE;
  day = g_date_time_new_utc (y, m, d, 0, 0, 0);

  switch (period)
    {
    case GDN_REPORT_PERIOD_THIS_WEEK:
    case GDN_REPORT_PERIOD_LAST_WEEK:
      start = g_date_time_add_days (day, 1 - g_date_time_get_day_of_week (day) -
                                    (period == GDN_REPORT_PERIOD_LAST_WEEK ? 7 : 0));
      end = g_date_time_add_days (start, 6);
      break;
    case GDN_REPORT_PERIOD_THIS_MONTH:
    case GDN_REPORT_PERIOD_LAST_MONTH:
    default:
      {
        g_autoptr(GDateTime) first = g_date_time_new_utc (y, m, 1, 0, 0, 0);
        g_autoptr(GDateTime) next = NULL;

        start = period == GDN_REPORT_PERIOD_LAST_MONTH ? g_date_time_add_months (first, -1)
                                                       : g_date_time_ref (first);
        next = g_date_time_add_months (start, 1);
        end = g_date_time_add_days (next, -1);
      }
      break;
    }
  *from = g_date_time_format (start, "%Y-%m-%d");
  *to = g_date_time_format (end, "%Y-%m-%d");
  return TRUE;
}

/**
 * gdn_report_paper_size:
 *
 * The size of a sheet in points (1/72 inch), portrait.
 */
void
gdn_report_paper_size (GdnReportPaper  paper,
                       double         *width,
                       double         *height)
{
  if (paper == GDN_REPORT_PAPER_LETTER)
    {
      *width = 612.0;
      *height = 792.0;
    }
  else
    {
      *width = 595.2756;   /* 210 mm */
      *height = 841.8898;  /* 297 mm */
    }
}

gboolean
gdn_report_parse_paper (const char     *text,
                        GdnReportPaper *paper)
{
  if (g_ascii_strcasecmp (text, "a4") == 0)
    *paper = GDN_REPORT_PAPER_A4;
  else if (g_ascii_strcasecmp (text, "letter") == 0)
    *paper = GDN_REPORT_PAPER_LETTER;
  else
    return FALSE;
  return TRUE;
}

/**
 * gdn_report_get_n_pages:
 * @width: the page width in points
 * @height: the page height in points
 *
 * Returns: how many pages the report takes on pages of that size (at least 1)
 */
guint
gdn_report_get_n_pages (GdnReport *self,
                        double     width,
                        double     height)
{
  g_return_val_if_fail (GDN_IS_REPORT (self), 0);
  return gdn_report_layout_paginate (self->layout, width, height);
}

/**
 * gdn_report_draw_page:
 * @cr: a context whose user space is the page, in points
 * @page_nr: from 0
 *
 * Draws one page: for a PDF surface or a printer's context.
 */
void
gdn_report_draw_page (GdnReport *self,
                      cairo_t   *cr,
                      guint      page_nr,
                      double     width,
                      double     height)
{
  g_return_if_fail (GDN_IS_REPORT (self));
  gdn_report_layout_draw_page (self->layout, cr, page_nr, width, height);
}

/**
 * gdn_report_get_n_repeated_headers:
 *
 * Returns: how many times a table cut by a page repeated its header row, in the last
 *   pagination
 */
guint
gdn_report_get_n_repeated_headers (GdnReport *self)
{
  g_return_val_if_fail (GDN_IS_REPORT (self), 0);
  return gdn_report_layout_get_n_repeated_headers (self->layout);
}

static cairo_status_t
write_fd_cb (void                *closure,
             const unsigned char *data,
             unsigned int         length)
{
  int fd = GPOINTER_TO_INT (closure);

  while (length > 0)
    {
      ssize_t n = write (fd, data, length);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        return CAIRO_STATUS_WRITE_ERROR;
      data += n;
      length -= (unsigned int) n;
    }
  return CAIRO_STATUS_SUCCESS;
}

/**
 * gdn_report_write_pdf:
 * @path: the file to write
 * @paper: the sheet size
 *
 * Writes the report as PDF, readable by its owner only (0600), to a temporary file beside
 * @path that replaces @path only once complete: a failure leaves any earlier file as it was.
 *
 * Returns: %TRUE on success
 */
gboolean
gdn_report_write_pdf (GdnReport       *self,
                      const char      *path,
                      GdnReportPaper   paper,
                      GError         **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *tmp = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  double width, height;
  guint n_pages;
  int fd;
  int saved_errno;

  g_return_val_if_fail (GDN_IS_REPORT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  tmp = g_strdup_printf ("%s/.%s.XXXXXX", dir, base);
  fd = g_mkstemp_full (tmp, O_WRONLY | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      saved_errno = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Cannot write “%s”: %s"), path, g_strerror (saved_errno));
      return FALSE;
    }

  gdn_report_paper_size (paper, &width, &height);
  n_pages = gdn_report_get_n_pages (self, width, height);

  surface = cairo_pdf_surface_create_for_stream (write_fd_cb, GINT_TO_POINTER (fd),
                                                 width, height);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, _("Work Report"));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Gendan");
  cr = cairo_create (surface);
  for (guint i = 0; i < n_pages; i++)
    {
      gdn_report_draw_page (self, cr, i, width, height);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status == CAIRO_STATUS_SUCCESS && fsync (fd) != 0)
    status = CAIRO_STATUS_WRITE_ERROR;
  saved_errno = errno;
  if (close (fd) != 0 && status == CAIRO_STATUS_SUCCESS)
    {
      saved_errno = errno;
      status = CAIRO_STATUS_WRITE_ERROR;
    }
  if (status == CAIRO_STATUS_SUCCESS && g_rename (tmp, path) != 0)
    {
      saved_errno = errno;
      status = CAIRO_STATUS_WRITE_ERROR;
    }
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_unlink (tmp);
      if (status == CAIRO_STATUS_WRITE_ERROR)
        g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                     _("Cannot write “%s”: %s"), path, g_strerror (saved_errno));
      else
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                     _("Cannot write “%s”: %s"), path, cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}

static void
write_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  TaskData *td = task_data;
  GError *error = NULL;

  if (gdn_report_write_pdf (source_object, td->path, td->paper, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * gdn_report_write_pdf_async:
 *
 * Writes the PDF on a worker thread; the report must not be drawn elsewhere meanwhile.
 */
void
gdn_report_write_pdf_async (GdnReport           *self,
                            const char          *path,
                            GdnReportPaper       paper,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  TaskData *td = g_new0 (TaskData, 1);

  g_task_set_source_tag (task, gdn_report_write_pdf_async);
  td->path = g_strdup (path);
  td->paper = paper;
  g_task_set_task_data (task, td, task_data_free);
  g_task_run_in_thread (task, write_thread);
}

gboolean
gdn_report_write_pdf_finish (GdnReport     *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

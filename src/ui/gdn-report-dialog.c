/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gdn-report-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "gdn-file-save.h"
#include "gdn-parse.h"
#include "gdn-report-dialog.h"
#include "gdn-report.h"

/* The work report: a period (this or last week or month, or any range) and a paper size;
 * then a print preview, the print dialog, or a PDF file. The report is made once per period
 * on a worker thread (a month of thousands of orders takes a moment) and reused for preview,
 * printing and saving; the PDF is written on a worker thread too. */

typedef enum
{
  PERIOD_THIS_WEEK,
  PERIOD_LAST_WEEK,
  PERIOD_THIS_MONTH,
  PERIOD_LAST_MONTH,
  PERIOD_CUSTOM,
} Period;

typedef enum
{
  NEXT_PREVIEW,
  NEXT_PRINT,
  NEXT_SAVE,
} Next;

struct _GdnReportDialog
{
  AdwWindow             parent_instance;

  GdnStore             *store;
  GSettings            *settings;
  GCancellable         *cancellable;
  GdnReport            *report;          /* for report_from … report_to */
  char                 *report_from;
  char                 *report_to;
  GtkFileChooserNative *chooser;
  GFile                *save_file;       /* where the pending save goes */
  Next                  next;
  gboolean              filling;         /* the dates are being set from the period */
  gboolean              busy;
  gboolean              disposed;

  GtkLabel             *message_label;
  GtkSpinner           *spinner;
  AdwComboRow          *period_row;
  AdwEntryRow          *from_row;
  AdwEntryRow          *to_row;
  AdwComboRow          *paper_row;
};

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (GdnReportDialog, gdn_report_dialog, ADW_TYPE_WINDOW)

static void run_next (GdnReportDialog *self);

static GdnReportPaper
current_paper (GdnReportDialog *self)
{
  return adw_combo_row_get_selected (self->paper_row) == 1 ? GDN_REPORT_PAPER_LETTER
                                                           : GDN_REPORT_PAPER_A4;
}

static void
show_message (GdnReportDialog *self,
              const char      *text,
              gboolean         error)
{
  gtk_label_set_text (self->message_label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), text != NULL);
  if (error)
    gtk_widget_add_css_class (GTK_WIDGET (self->message_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->message_label), "error");
}

static void
set_busy (GdnReportDialog *self,
          gboolean         busy)
{
  self->busy = busy;
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "report.preview", !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "report.print", !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "report.save", !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->period_row), !busy);
}

static void
fill_dates (GdnReportDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->period_row);
  gboolean custom = selected == PERIOD_CUSTOM;
  g_autofree char *today = gdn_today ();
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  if (custom)
    return;
  if (gdn_report_period_range ((GdnReportPeriod) selected, today, &from, &to))
    {
      self->filling = TRUE;
      gtk_editable_set_text (GTK_EDITABLE (self->from_row), from);
      gtk_editable_set_text (GTK_EDITABLE (self->to_row), to);
      self->filling = FALSE;
    }
}

/* Printing */

static void
on_begin_print_cb (GtkPrintOperation *operation,
                   GtkPrintContext   *context,
                   GdnReportDialog   *self)
{
  guint n_pages = gdn_report_get_n_pages (self->report, gtk_print_context_get_width (context),
                                          gtk_print_context_get_height (context));

  gtk_print_operation_set_n_pages (operation, (int) n_pages);
}

static void
on_draw_page_cb (GtkPrintOperation *operation,
                 GtkPrintContext   *context,
                 int                page_nr,
                 GdnReportDialog   *self)
{
  gdn_report_draw_page (self->report, gtk_print_context_get_cairo_context (context),
                        (guint) page_nr, gtk_print_context_get_width (context),
                        gtk_print_context_get_height (context));
}

static void
on_print_done_cb (GtkPrintOperation       *operation,
                  GtkPrintOperationResult  result,
                  GdnReportDialog         *self)
{
  g_autoptr(GError) error = NULL;

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      gtk_print_operation_get_error (operation, &error);
      show_message (self, error != NULL ? error->message : _("Printing failed."), TRUE);
    }
}

static void
print_report (GdnReportDialog         *self,
              GtkPrintOperationAction  action)
{
  g_autoptr(GtkPrintOperation) operation = gtk_print_operation_new ();
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) paper = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *job = NULL;
  GtkPrintOperationResult result;

  paper = gtk_paper_size_new (current_paper (self) == GDN_REPORT_PAPER_LETTER
                                ? GTK_PAPER_NAME_LETTER : GTK_PAPER_NAME_A4);
  gtk_page_setup_set_paper_size (setup, paper);
  gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_PORTRAIT);

  /* The report draws its own margins, header and footer on the whole sheet, in points. */
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  gtk_print_operation_set_allow_async (operation, TRUE);
  /* TRANSLATORS: the print job's name: the report and its period */
  job = g_strdup_printf (_("Work Report %s – %s"), self->report_from, self->report_to);
  gtk_print_operation_set_job_name (operation, job);

  g_signal_connect_object (operation, "begin-print", G_CALLBACK (on_begin_print_cb), self, 0);
  g_signal_connect_object (operation, "draw-page", G_CALLBACK (on_draw_page_cb), self, 0);
  g_signal_connect_object (operation, "done", G_CALLBACK (on_print_done_cb), self, 0);

  result = gtk_print_operation_run (operation, action, GTK_WINDOW (self), &error);
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    show_message (self, error != NULL ? error->message : _("Printing failed."), TRUE);
}

/* Saving */

static void
on_pdf_written_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GdnReportDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  double width, height;
  guint n_pages;

  if (!gdn_report_write_pdf_finish (GDN_REPORT (source), result, &error))
    {
      if (!self->disposed)
        {
          set_busy (self, FALSE);
          show_message (self, error->message, TRUE);
        }
      return;
    }
  if (self->disposed)
    return;

  set_busy (self, FALSE);
  gdn_report_paper_size (current_paper (self), &width, &height);
  n_pages = gdn_report_get_n_pages (GDN_REPORT (source), width, height);
  path = g_file_get_path (self->save_file);
  text = g_strdup_printf (ngettext ("Saved “%s” (%u page).", "Saved “%s” (%u pages).",
                                    n_pages), path, n_pages);
  show_message (self, text, FALSE);
}

static void
save_report (GdnReportDialog *self)
{
  g_autofree char *path = g_file_get_path (self->save_file);

  set_busy (self, TRUE);
  gdn_report_write_pdf_async (self->report, path, current_paper (self), self->cancellable,
                              on_pdf_written_cb, g_object_ref (self));
}

/* Making the report */

static void
on_report_made_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GdnReportDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GdnReport) report = gdn_report_new_finish (result, &error);

  if (self->disposed)
    return;
  set_busy (self, FALSE);
  if (report == NULL)
    {
      show_message (self, error->message, TRUE);
      return;
    }
  g_set_object (&self->report, report);
  g_free (self->report_from);
  g_free (self->report_to);
  self->report_from = g_strdup (gdn_report_get_from (report));
  self->report_to = g_strdup (gdn_report_get_to (report));
  run_next (self);
}

static void
run_next (GdnReportDialog *self)
{
  switch (self->next)
    {
    case NEXT_PREVIEW:
      print_report (self, GTK_PRINT_OPERATION_ACTION_PREVIEW);
      break;
    case NEXT_PRINT:
      print_report (self, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG);
      break;
    case NEXT_SAVE:
    default:
      save_report (self);
      break;
    }
}

/* Makes the report of the period shown (or reuses it), then does @next. */
static void
make_then (GdnReportDialog *self,
           Next             next)
{
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *company = NULL;
  g_autofree char *author = NULL;
  GdnReportOptions options = { NULL, NULL, NULL, NULL, NAN };

  if (self->busy)
    return;
  if (!gdn_report_dialog_get_period (self, &from, &to))
    {
      show_message (self, _("Enter the first and last day of the period as YYYY-MM-DD, "
                            "the first not after the last."), TRUE);
      return;
    }
  show_message (self, NULL, FALSE);
  self->next = next;

  if (self->report != NULL && g_strcmp0 (from, self->report_from) == 0 &&
      g_strcmp0 (to, self->report_to) == 0)
    {
      run_next (self);
      return;
    }

  company = g_settings_get_string (self->settings, "company-name");
  author = g_settings_get_string (self->settings, "user-name");
  options.company = company;
  options.author = author;
  options.on_time_target = g_settings_get_double (self->settings, "on-time-target");

  set_busy (self, TRUE);
  gdn_report_new_async (gdn_store_get_database (self->store), from, to, &options,
                        self->cancellable, on_report_made_cb, g_object_ref (self));
}

/* Signal callbacks and actions */

static void
on_period_selected_cb (GdnReportDialog *self)
{
  fill_dates (self);
}

/* Typing a date makes the period a custom one. */
static void
on_date_changed_cb (GdnReportDialog *self)
{
  if (!self->filling && adw_combo_row_get_selected (self->period_row) != PERIOD_CUSTOM)
    adw_combo_row_set_selected (self->period_row, PERIOD_CUSTOM);
}

static void
on_chooser_response_cb (GdnReportDialog *self,
                        int              response,
                        GtkNativeDialog *chooser)
{
  g_autoptr(GFile) file = gdn_file_save_get_file (chooser, response);

  if (file != NULL)
    gdn_report_dialog_save_to (self, file);
  g_clear_object (&self->chooser);
}

static void
preview_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  make_then (GDN_REPORT_DIALOG (widget), NEXT_PREVIEW);
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  make_then (GDN_REPORT_DIALOG (widget), NEXT_PRINT);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  GdnReportDialog *self = GDN_REPORT_DIALOG (widget);
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *name = NULL;

  if (self->chooser != NULL || self->busy)
    return;
  if (!gdn_report_dialog_get_period (self, &from, &to))
    {
      show_message (self, _("Enter the first and last day of the period as YYYY-MM-DD, "
                            "the first not after the last."), TRUE);
      return;
    }

  /* TRANSLATORS: the file name offered for the report; keep it short, no slashes */
  name = g_strdup_printf (_("work-report-%s-%s.pdf"), from, to);
  self->chooser = gdn_file_save_chooser_new (widget, _("Save the Work Report"), _("_Save"),
                                             name, _("PDF documents"), "pdf", NULL);
  g_signal_connect_object (self->chooser, "response",
                           G_CALLBACK (on_chooser_response_cb), self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* GObject */

static void
gdn_report_dialog_constructed (GObject *object)
{
  GdnReportDialog *self = GDN_REPORT_DIALOG (object);

  G_OBJECT_CLASS (gdn_report_dialog_parent_class)->constructed (object);

  /* Weekly reports are the common case; the first choice is last week on a Monday, when
   * the week to report on has just ended, and this week on other days. */
  {
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();
    adw_combo_row_set_selected (self->period_row,
                                g_date_time_get_day_of_week (now) == 1 ? PERIOD_LAST_WEEK
                                                                       : PERIOD_THIS_WEEK);
  }
  fill_dates (self);
}

static void
gdn_report_dialog_dispose (GObject *object)
{
  GdnReportDialog *self = GDN_REPORT_DIALOG (object);

  self->disposed = TRUE;
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), GDN_TYPE_REPORT_DIALOG);

  G_OBJECT_CLASS (gdn_report_dialog_parent_class)->dispose (object);
}

static void
gdn_report_dialog_finalize (GObject *object)
{
  GdnReportDialog *self = GDN_REPORT_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->report);
  g_clear_object (&self->save_file);
  g_free (self->report_from);
  g_free (self->report_to);

  G_OBJECT_CLASS (gdn_report_dialog_parent_class)->finalize (object);
}

static void
gdn_report_dialog_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  GdnReportDialog *self = GDN_REPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gdn_report_dialog_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  GdnReportDialog *self = GDN_REPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gdn_report_dialog_class_init (GdnReportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = gdn_report_dialog_constructed;
  object_class->dispose = gdn_report_dialog_dispose;
  object_class->finalize = gdn_report_dialog_finalize;
  object_class->get_property = gdn_report_dialog_get_property;
  object_class->set_property = gdn_report_dialog_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, GDN_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/gendan/Gendan/gdn-report-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, GdnReportDialog, message_label);
  gtk_widget_class_bind_template_child (widget_class, GdnReportDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, GdnReportDialog, period_row);
  gtk_widget_class_bind_template_child (widget_class, GdnReportDialog, from_row);
  gtk_widget_class_bind_template_child (widget_class, GdnReportDialog, to_row);
  gtk_widget_class_bind_template_child (widget_class, GdnReportDialog, paper_row);

  gtk_widget_class_install_action (widget_class, "report.preview", NULL, preview_action);
  gtk_widget_class_install_action (widget_class, "report.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "report.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK,
                                       "report.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "report.save", NULL);
}

static void
gdn_report_dialog_init (GdnReportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  self->cancellable = g_cancellable_new ();
  g_signal_connect_object (self->period_row, "notify::selected",
                           G_CALLBACK (on_period_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->from_row, "changed",
                           G_CALLBACK (on_date_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->to_row, "changed",
                           G_CALLBACK (on_date_changed_cb), self, G_CONNECT_SWAPPED);
}

/* Public API */

GtkWidget *
gdn_report_dialog_new (GtkWindow *parent,
                       GdnStore  *store)
{
  return g_object_new (GDN_TYPE_REPORT_DIALOG,
                       "transient-for", parent,
                       "store", store,
                       NULL);
}

/**
 * gdn_report_dialog_get_period:
 *
 * Reads the dates shown, in any form gdn_parse_date() accepts.
 */
gboolean
gdn_report_dialog_get_period (GdnReportDialog  *self,
                              char            **from,
                              char            **to)
{
  g_autofree char *f = gdn_parse_date (gtk_editable_get_text (GTK_EDITABLE (self->from_row)));
  g_autofree char *t = gdn_parse_date (gtk_editable_get_text (GTK_EDITABLE (self->to_row)));

  g_return_val_if_fail (GDN_IS_REPORT_DIALOG (self), FALSE);

  if (f == NULL || t == NULL || strcmp (f, t) > 0)
    return FALSE;
  *from = g_steal_pointer (&f);
  *to = g_steal_pointer (&t);
  return TRUE;
}

/**
 * gdn_report_dialog_save_to:
 *
 * Makes the report of the period shown (unless made already) and writes it to @file as
 * PDF, adding ".pdf" to a name without it.
 */
void
gdn_report_dialog_save_to (GdnReportDialog *self,
                           GFile           *file)
{
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *lower = path != NULL ? g_ascii_strdown (path, -1) : NULL;

  g_return_if_fail (GDN_IS_REPORT_DIALOG (self));

  if (path == NULL)
    return;
  g_clear_object (&self->save_file);
  if (g_str_has_suffix (lower, ".pdf"))
    self->save_file = g_object_ref (file);
  else
    {
      g_autofree char *with_suffix = g_strconcat (path, ".pdf", NULL);
      self->save_file = g_file_new_for_path (with_suffix);
    }
  make_then (self, NEXT_SAVE);
}

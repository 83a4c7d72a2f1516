/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gdn-order-lines-editor"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "gdn-order-line.h"
#include "gdn-order-lines-editor.h"
#include "gdn-parse.h"
#include "gdn-validation-error.h"

/* The lines of an order as a small spreadsheet: one row of entries per line (product
 * code, name, specification, unit, quantity, unit price), its total, and a button to
 * remove it. It holds text as typed; get_lines() turns it into GdnOrderLine records and
 * the order's workflow checks them when the order is saved. */

typedef enum
{
  COL_CODE,
  COL_NAME,
  COL_SPEC,
  COL_UNIT,
  COL_QUANTITY,
  COL_PRICE,
  N_COLS
} Column;

static const struct
{
  const char *field;
  const char *label;     /* for the accessible name: "Quantity, line 2" */
  int         width_chars;
  gboolean    numeric;
  gboolean    expand;
} columns[N_COLS] = {
  [COL_CODE] = { "product_code", N_("Product code"), 10, FALSE, FALSE },
  [COL_NAME] = { "product_name", N_("Product name"), 12, FALSE, TRUE },
  [COL_SPEC] = { "spec", N_("Specification"), 9, FALSE, FALSE },
  [COL_UNIT] = { "unit", N_("Unit"), 4, FALSE, FALSE },
  [COL_QUANTITY] = { "quantity", N_("Quantity"), 7, TRUE, FALSE },
  [COL_PRICE] = { "unit_price", N_("Unit price"), 8, TRUE, FALSE },
};

/* grid columns: the number, the entries, the total, the remove button */
#define GRID_COL_ENTRY(c) ((c) + 1)
#define GRID_COL_TOTAL (N_COLS + 1)
#define GRID_COL_REMOVE (N_COLS + 2)

typedef struct
{
  GtkWidget *number;
  GtkWidget *entries[N_COLS];
  GtkWidget *total;
  GtkWidget *remove;
} Line;

struct _GdnOrderLinesEditor
{
  GtkWidget  parent_instance;

  GtkWidget *box;
  GtkLabel  *empty_label;
  GtkWidget *scroller;
  GtkGrid   *grid;
  GtkLabel  *total_label;

  GPtrArray *lines;    /* Line */
  gboolean   loading;
};

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (GdnOrderLinesEditor, gdn_order_lines_editor, GTK_TYPE_WIDGET)

static void
line_free (gpointer data)
{
  g_free (data);
}

/* A number as typed: empty is "not given" (NAN); FALSE when it is not a number */
static gboolean
parse_cell (GtkWidget *entry,
            double    *value)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  *value = NAN;
  if (*stripped == '\0')
    return TRUE;
  return gdn_parse_number (stripped, value);
}

static gboolean
line_is_blank (Line *line)
{
  for (guint c = 0; c < N_COLS; c++)
    {
      const char *typed = gtk_editable_get_text (GTK_EDITABLE (line->entries[c]));
      g_autofree char *text = g_strstrip (g_strdup (typed));

      if (*text != '\0')
        return FALSE;
    }
  return TRUE;
}

static void
update_totals (GdnOrderLinesEditor *self)
{
  double sum = 0;
  g_autofree char *sum_text = NULL;
  g_autofree char *label = NULL;

  for (guint i = 0; i < self->lines->len; i++)
    {
      Line *line = g_ptr_array_index (self->lines, i);
      double quantity, price;
      g_autofree char *total = NULL;
      /* TRANSLATORS: the accessible name of the total of line 2 of an order */
      g_autofree char *name = g_strdup_printf (_("Line total, line %u"), i + 1);

      if (parse_cell (line->entries[COL_QUANTITY], &quantity) &&
          parse_cell (line->entries[COL_PRICE], &price) &&
          !isnan (quantity) && !isnan (price))
        {
          total = gdn_format_amount (quantity * price);
          sum += quantity * price;
        }
      gtk_label_set_text (GTK_LABEL (line->total), total != NULL ? total : "");
      /* GTK 4.8 names a label by its text each time the text is set */
      gtk_accessible_update_property (GTK_ACCESSIBLE (line->total),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
    }

  sum_text = gdn_format_amount (sum);
  /* TRANSLATORS: the total amount of an order's lines */
  label = g_strdup_printf (_("Total %s"), sum_text);
  gtk_label_set_text (self->total_label, label);
}

static void
update_state (GdnOrderLinesEditor *self)
{
  gboolean empty = self->lines->len == 0;

  gtk_widget_set_visible (GTK_WIDGET (self->empty_label), empty);
  gtk_widget_set_visible (self->scroller, !empty);
  gtk_widget_set_visible (GTK_WIDGET (self->total_label), !empty);
  update_totals (self);
}

/* Numbers and accessible names follow the position, which removing a line changes */
static void
renumber (GdnOrderLinesEditor *self)
{
  for (guint i = 0; i < self->lines->len; i++)
    {
      Line *line = g_ptr_array_index (self->lines, i);
      g_autofree char *number = g_strdup_printf ("%u", i + 1);
      /* TRANSLATORS: the accessible name of the button that removes line 2 of an order */
      g_autofree char *remove = g_strdup_printf (_("Remove line %u"), i + 1);
      /* TRANSLATORS: the accessible name of the total of line 2 of an order */
      g_autofree char *total = g_strdup_printf (_("Line total, line %u"), i + 1);

      gtk_label_set_text (GTK_LABEL (line->number), number);
      for (guint c = 0; c < N_COLS; c++)
        {
          /* TRANSLATORS: the accessible name of a cell of the lines, e.g. "Quantity, line 2" */
          g_autofree char *name = g_strdup_printf (_("%s, line %u"), _(columns[c].label), i + 1);

          gtk_accessible_update_property (GTK_ACCESSIBLE (line->entries[c]),
                                          GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
        }
      gtk_accessible_update_property (GTK_ACCESSIBLE (line->remove),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, remove, -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (line->total),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, total, -1);
    }
}

static void
emit_changed (GdnOrderLinesEditor *self)
{
  if (!self->loading)
    g_signal_emit (self, signals[CHANGED], 0);
}

static void
on_entry_changed_cb (GtkEditable         *entry,
                     GdnOrderLinesEditor *self)
{
  gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
  update_totals (self);
  emit_changed (self);
}

static void
on_remove_clicked_cb (GtkButton           *button,
                      GdnOrderLinesEditor *self)
{
  for (guint i = 0; i < self->lines->len; i++)
    {
      Line *line = g_ptr_array_index (self->lines, i);

      if (line->remove == GTK_WIDGET (button))
        {
          gdn_order_lines_editor_remove_line (self, i);
          return;
        }
    }
}

static void
add_line_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  GdnOrderLinesEditor *self = GDN_ORDER_LINES_EDITOR (widget);
  guint index = gdn_order_lines_editor_add_line (self);
  Line *line = g_ptr_array_index (self->lines, index);

  gtk_widget_grab_focus (line->entries[COL_CODE]);
}

static Line *
append_row (GdnOrderLinesEditor *self)
{
  Line *line = g_new0 (Line, 1);
  int row = (int) self->lines->len + 1;

  line->number = gtk_label_new (NULL);
  gtk_widget_add_css_class (line->number, "dim-label");
  gtk_widget_add_css_class (line->number, "numeric");
  gtk_grid_attach (self->grid, line->number, 0, row, 1, 1);

  for (guint c = 0; c < N_COLS; c++)
    {
      GtkWidget *entry = gtk_entry_new ();

      gtk_editable_set_width_chars (GTK_EDITABLE (entry), columns[c].width_chars);
      gtk_widget_set_hexpand (entry, columns[c].expand);
      if (columns[c].numeric)
        {
          gtk_editable_set_alignment (GTK_EDITABLE (entry), 1.0);
          gtk_entry_set_input_purpose (GTK_ENTRY (entry), GTK_INPUT_PURPOSE_NUMBER);
          gtk_widget_add_css_class (entry, "numeric");
        }
      g_signal_connect (entry, "changed", G_CALLBACK (on_entry_changed_cb), self);
      line->entries[c] = entry;
      gtk_grid_attach (self->grid, entry, GRID_COL_ENTRY (c), row, 1, 1);
    }

  line->total = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (line->total), 1.0);
  gtk_label_set_width_chars (GTK_LABEL (line->total), 9);
  gtk_widget_add_css_class (line->total, "numeric");
  gtk_grid_attach (self->grid, line->total, GRID_COL_TOTAL, row, 1, 1);

  line->remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_set_tooltip_text (line->remove, _("Remove Line"));
  gtk_widget_add_css_class (line->remove, "flat");
  gtk_widget_set_valign (line->remove, GTK_ALIGN_CENTER);
  g_signal_connect (line->remove, "clicked", G_CALLBACK (on_remove_clicked_cb), self);
  gtk_grid_attach (self->grid, line->remove, GRID_COL_REMOVE, row, 1, 1);

  g_ptr_array_add (self->lines, line);
  return line;
}

static void
set_cell (Line       *line,
          Column      column,
          const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (line->entries[column]), text != NULL ? text : "");
}

static void
gdn_order_lines_editor_dispose (GObject *object)
{
  GdnOrderLinesEditor *self = GDN_ORDER_LINES_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), GDN_TYPE_ORDER_LINES_EDITOR);

  G_OBJECT_CLASS (gdn_order_lines_editor_parent_class)->dispose (object);
}

static void
gdn_order_lines_editor_finalize (GObject *object)
{
  GdnOrderLinesEditor *self = GDN_ORDER_LINES_EDITOR (object);

  g_clear_pointer (&self->lines, g_ptr_array_unref);

  G_OBJECT_CLASS (gdn_order_lines_editor_parent_class)->finalize (object);
}

static void
gdn_order_lines_editor_class_init (GdnOrderLinesEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gdn_order_lines_editor_dispose;
  object_class->finalize = gdn_order_lines_editor_finalize;

  /**
   * GdnOrderLinesEditor::changed:
   *
   * A person changed, added or removed a line.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 0);

  g_type_ensure (ADW_TYPE_BUTTON_CONTENT);

  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/gendan/Gendan/gdn-order-lines-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, GdnOrderLinesEditor, box);
  gtk_widget_class_bind_template_child (widget_class, GdnOrderLinesEditor, empty_label);
  gtk_widget_class_bind_template_child (widget_class, GdnOrderLinesEditor, scroller);
  gtk_widget_class_bind_template_child (widget_class, GdnOrderLinesEditor, grid);
  gtk_widget_class_bind_template_child (widget_class, GdnOrderLinesEditor, total_label);

  gtk_widget_class_install_action (widget_class, "lines.add", NULL, add_line_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "lines.add", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK,
                                       "lines.add", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
gdn_order_lines_editor_init (GdnOrderLinesEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->lines = g_ptr_array_new_with_free_func (line_free);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Order lines"), -1);
  update_state (self);
}

GtkWidget *
gdn_order_lines_editor_new (void)
{
  return g_object_new (GDN_TYPE_ORDER_LINES_EDITOR, NULL);
}

/**
 * gdn_order_lines_editor_set_lines:
 * @lines: (element-type GdnOrderLine) (nullable): the order's lines in order
 *
 * Shows @lines in place of what the editor held, without emitting ::changed.
 */
void
gdn_order_lines_editor_set_lines (GdnOrderLinesEditor *self,
                                  GPtrArray           *lines)
{
  g_return_if_fail (GDN_IS_ORDER_LINES_EDITOR (self));

  self->loading = TRUE;
  while (self->lines->len > 0)
    gdn_order_lines_editor_remove_line (self, self->lines->len - 1);

  for (guint i = 0; lines != NULL && i < lines->len; i++)
    {
      GdnRecord *record = g_ptr_array_index (lines, i);
      Line *line = append_row (self);

      for (guint c = 0; c < N_COLS; c++)
        {
          g_autofree char *text = NULL;

          if (c == COL_PRICE)
            text = gdn_format_amount (gdn_record_get_double (record, columns[c].field));
          else if (columns[c].numeric)
            text = gdn_format_quantity (gdn_record_get_double (record, columns[c].field));
          else
            text = g_strdup (gdn_record_get_string (record, columns[c].field));
          set_cell (line, c, text);
        }
    }
  renumber (self);
  update_state (self);
  self->loading = FALSE;
}

/**
 * gdn_order_lines_editor_get_lines:
 *
 * Reads the lines as typed. Lines left entirely empty are dropped from the editor first,
 * so that the numbers in messages ("Line 2: …") are the numbers shown.
 *
 * Returns: (transfer full) (element-type GdnOrderLine): new records, or %NULL when a
 *   quantity or price is not a number (the error names the line and field, which is
 *   marked)
 */
GPtrArray *
gdn_order_lines_editor_get_lines (GdnOrderLinesEditor  *self,
                                  GError              **error)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (GDN_IS_ORDER_LINES_EDITOR (self), NULL);

  for (guint i = self->lines->len; i > 0; i--)
    if (line_is_blank (g_ptr_array_index (self->lines, i - 1)))
      gdn_order_lines_editor_remove_line (self, i - 1);

  for (guint i = 0; i < self->lines->len; i++)
    {
      Line *line = g_ptr_array_index (self->lines, i);
      g_autoptr(GdnRecord) record = GDN_RECORD (gdn_order_line_new ());

      for (guint c = 0; c < N_COLS; c++)
        {
          const char *text = gtk_editable_get_text (GTK_EDITABLE (line->entries[c]));
          g_autofree char *stripped = g_strstrip (g_strdup (text));

          if (columns[c].numeric)
            {
              double value;

              if (!parse_cell (line->entries[c], &value))
                {
                  gdn_set_validation_error (error, GDN_VALIDATION_ERROR_INVALID, columns[c].field,
                                            /* TRANSLATORS: "Line 2: Quantity “12 pcs” is not
                                             * a number" */
                                            _("Line %u: %s “%s” is not a number"), i + 1,
                                            _(columns[c].label), stripped);
                  gdn_order_lines_editor_show_error (self, i, columns[c].field);
                  return NULL;
                }
              gdn_record_set_double (record, columns[c].field, value);
            }
          else
            gdn_record_set_string (record, columns[c].field, stripped);
        }
      g_ptr_array_add (records, g_steal_pointer (&record));
    }
  return g_steal_pointer (&records);
}

guint
gdn_order_lines_editor_get_n_lines (GdnOrderLinesEditor *self)
{
  g_return_val_if_fail (GDN_IS_ORDER_LINES_EDITOR (self), 0);
  return self->lines->len;
}

/**
 * gdn_order_lines_editor_add_line:
 *
 * Adds an empty line at the end.
 *
 * Returns: its index (0 for the first line)
 */
guint
gdn_order_lines_editor_add_line (GdnOrderLinesEditor *self)
{
  g_return_val_if_fail (GDN_IS_ORDER_LINES_EDITOR (self), 0);

  append_row (self);
  renumber (self);
  update_state (self);
  emit_changed (self);
  return self->lines->len - 1;
}

void
gdn_order_lines_editor_remove_line (GdnOrderLinesEditor *self,
                                    guint                line)
{
  Line *removed;
  GtkWidget *focus = NULL;

  g_return_if_fail (GDN_IS_ORDER_LINES_EDITOR (self));
  g_return_if_fail (line < self->lines->len);

  /* the focus goes to the line that takes its place, or to the one before */
  removed = g_ptr_array_index (self->lines, line);
  if (!self->loading && gtk_widget_has_focus (removed->remove))
    {
      if (line + 1 < self->lines->len)
        focus = ((Line *) g_ptr_array_index (self->lines, line + 1))->remove;
      else if (line > 0)
        focus = ((Line *) g_ptr_array_index (self->lines, line - 1))->remove;
    }

  gtk_grid_remove_row (self->grid, (int) line + 1);
  g_ptr_array_remove_index (self->lines, line);
  renumber (self);
  update_state (self);
  if (focus != NULL)
    gtk_widget_grab_focus (focus);
  emit_changed (self);
}

/**
 * gdn_order_lines_editor_get_entry:
 * @line: 0 for the first line
 * @field: an order line field: product_code, product_name, spec, unit, quantity or
 *   unit_price
 *
 * Returns: (transfer none) (nullable): the cell
 */
GtkEditable *
gdn_order_lines_editor_get_entry (GdnOrderLinesEditor *self,
                                  guint                line,
                                  const char          *field)
{
  g_return_val_if_fail (GDN_IS_ORDER_LINES_EDITOR (self), NULL);

  if (line >= self->lines->len)
    return NULL;
  for (guint c = 0; c < N_COLS; c++)
    if (g_strcmp0 (columns[c].field, field) == 0)
      return GTK_EDITABLE (((Line *) g_ptr_array_index (self->lines, line))->entries[c]);
  return NULL;
}

double
gdn_order_lines_editor_get_total (GdnOrderLinesEditor *self)
{
  double sum = 0;

  g_return_val_if_fail (GDN_IS_ORDER_LINES_EDITOR (self), 0);

  for (guint i = 0; i < self->lines->len; i++)
    {
      Line *line = g_ptr_array_index (self->lines, i);
      double quantity, price;

      if (parse_cell (line->entries[COL_QUANTITY], &quantity) &&
          parse_cell (line->entries[COL_PRICE], &price) &&
          !isnan (quantity) && !isnan (price))
        sum += quantity * price;
    }
  return sum;
}

/**
 * gdn_order_lines_editor_show_error:
 * @line: 0 for the first line
 * @field: the line's field the error is about (the product code when it is not a cell)
 *
 * Marks the cell and moves the focus to it. The mark goes when the cell is edited.
 */
void
gdn_order_lines_editor_show_error (GdnOrderLinesEditor *self,
                                   guint                line,
                                   const char          *field)
{
  GtkEditable *entry;

  g_return_if_fail (GDN_IS_ORDER_LINES_EDITOR (self));

  entry = gdn_order_lines_editor_get_entry (self, line, field);
  if (entry == NULL)
    entry = gdn_order_lines_editor_get_entry (self, line, "product_code");
  if (entry == NULL)
    return;
  gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
  gtk_widget_grab_focus (GTK_WIDGET (entry));
}

void
gdn_order_lines_editor_clear_errors (GdnOrderLinesEditor *self)
{
  g_return_if_fail (GDN_IS_ORDER_LINES_EDITOR (self));

  for (guint i = 0; i < self->lines->len; i++)
    {
      Line *line = g_ptr_array_index (self->lines, i);

      for (guint c = 0; c < N_COLS; c++)
        gtk_widget_remove_css_class (line->entries[c], "error");
    }
}

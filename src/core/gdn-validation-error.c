/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gdn-validation-error"

#include "config.h"

#include "gdn-validation-error.h"

/* Validation errors carry the name of the field they are about, so a form can put the
 * message beside that field. */
typedef struct
{
  char *field;
} GdnValidationErrorPrivate;

static void
gdn_validation_error_private_init (GdnValidationErrorPrivate *priv)
{
  priv->field = NULL;
}

static void
gdn_validation_error_private_copy (const GdnValidationErrorPrivate *src,
                                   GdnValidationErrorPrivate       *dest)
{
  dest->field = g_strdup (src->field);
}

static void
gdn_validation_error_private_clear (GdnValidationErrorPrivate *priv)
{
  g_clear_pointer (&priv->field, g_free);
}

G_DEFINE_EXTENDED_ERROR (GdnValidationError, gdn_validation_error)

/**
 * gdn_set_validation_error:
 * @field: (nullable): the field (column name) the message is about
 *
 * Sets @error to a translated message naming the field and the reason.
 */
void
gdn_set_validation_error (GError             **error,
                          GdnValidationError   code,
                          const char          *field,
                          const char          *format,
                          ...)
{
  GdnValidationErrorPrivate *priv;
  g_autofree char *message = NULL;
  va_list args;

  if (error == NULL)
    return;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  *error = g_error_new_literal (GDN_VALIDATION_ERROR, code, message);
  priv = gdn_validation_error_get_private (*error);
  if (priv != NULL)
    priv->field = g_strdup (field);
}

/**
 * gdn_validation_error_get_field:
 *
 * Returns: (nullable): the field @error is about
 */
const char *
gdn_validation_error_get_field (const GError *error)
{
  GdnValidationErrorPrivate *priv;

  if (error == NULL || error->domain != GDN_VALIDATION_ERROR)
    return NULL;
  priv = gdn_validation_error_get_private (error);
  return priv ? priv->field : NULL;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define GDN_VALIDATION_ERROR (gdn_validation_error_quark ())

typedef enum
{
  GDN_VALIDATION_ERROR_REQUIRED,
  GDN_VALIDATION_ERROR_INVALID,
  GDN_VALIDATION_ERROR_WORKFLOW,
  GDN_VALIDATION_ERROR_DUPLICATE,
  GDN_VALIDATION_ERROR_NOT_FOUND,
} GdnValidationError;

GQuark      gdn_validation_error_quark      (void);
void        gdn_set_validation_error        (GError             **error,
                                             GdnValidationError   code,
                                             const char          *field,
                                             const char          *format,
                                             ...) G_GNUC_PRINTF (4, 5);
const char *gdn_validation_error_get_field  (const GError        *error);

G_END_DECLS

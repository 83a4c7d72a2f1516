/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gdn-database.h"

G_BEGIN_DECLS

#define GDN_DEMO_ERROR (gdn_demo_error_quark ())

typedef enum
{
  GDN_DEMO_ERROR_NOT_EMPTY,   /* the database already holds customers or orders */
  GDN_DEMO_ERROR_INVALID,     /* a bad anchor date or number of orders */
} GdnDemoError;

#define GDN_DEMO_DEFAULT_ORDERS 2000
#define GDN_DEMO_MAX_ORDERS     10000000
/* Changes whenever the same seed and anchor give other data (2: about three lines an
 * order), so that a database kept from an earlier generator is made again */
#define GDN_DEMO_VERSION        2

/* What was written, table by table. */
typedef struct
{
  gint64 products;
  gint64 customers;
  gint64 contacts;
  gint64 orders;
  gint64 order_lines;
  gint64 order_events;
  gint64 shipments;
  gint64 cases;
  gint64 surveys;
  gint64 interactions;
  gint64 contracts;
  gint64 contract_approvals;
  gint64 contract_amendments;
  gint64 reminders;
} GdnDemoCounts;

/* Called after each chunk of orders has been committed. */
typedef void (*GdnDemoProgressFunc) (guint    done,
                                     guint    total,
                                     gpointer user_data);

GQuark    gdn_demo_error_quark  (void);

gboolean  gdn_demo_generate     (GdnDatabase          *database,
                                 guint32               seed,
                                 guint                 n_orders,
                                 const char           *anchor,
                                 GdnDemoProgressFunc   progress,
                                 gpointer              user_data,
                                 GdnDemoCounts        *counts,
                                 GError              **error);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gdn-database.h"
#include "gdn-store.h"

G_BEGIN_DECLS

/* A fresh temporary folder per test, removed at the end of the test. */
char        *gdn_test_make_tmpdir    (void);
char        *gdn_test_tmp_path       (const char  *name);
GdnDatabase *gdn_test_open_database  (void);
GdnStore    *gdn_test_open_store     (void);
gint64       gdn_test_count          (GdnStore    *store,
                                      const char  *sql);
char        *gdn_test_file_sha256    (const char  *path);
void         gdn_test_init           (int         *argc,
                                      char      ***argv);

/* Records of every kind, each written field set to a valid value (parents inserted) */
GType        gdn_test_entity_type          (guint        i);
GdnRecord   *gdn_test_make_valid_record    (GdnStore    *store,
                                            GType        type);
GdnRecord   *gdn_test_insert_valid_record  (GdnStore    *store,
                                            GType        type);
char        *gdn_test_make_customers_database (const char *path,
                                               guint       n);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Where a database file lives, as far as SQLite's locking is concerned. */
typedef enum
{
  GDN_FS_LOCAL,    /* a local disk: locking holds */
  GDN_FS_NETWORK,  /* NFS, SMB/CIFS, AFS, Ceph, 9P …: locking does not hold between machines */
  GDN_FS_FUSE,     /* a user-space file system (sshfs, cloud drives …): locking is unreliable */
} GdnFsKind;

GdnFsKind   gdn_fs_classify        (gint64       f_type,
                                    const char **name);
GdnFsKind   gdn_fs_check_path      (const char  *path,
                                    const char **name);
char       *gdn_fs_shared_warning  (const char  *path);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gdn-fs-check"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <sys/vfs.h>

#include "gdn-fs-check.h"

/* SQLite's locks are POSIX advisory locks and a shared-memory index (-shm) mapped by every
 * process that uses the file. Neither is shared between the machines of a network file
 * system, and user-space file systems implement them partly or not at all, so two people
 * on such a drive can corrupt each other's writes. Gendan cannot prevent that; it can say
 * so, from the type the kernel reports for the folder of the database. */

typedef struct
{
  guint32     magic;
  GdnFsKind   kind;
  const char *name;
} FsType;

/* The f_type values of statfs(2) (linux/magic.h and the file systems' own headers). */
static const FsType fs_types[] = {
  { 0x6969, GDN_FS_NETWORK, "nfs" },
  { 0x517B, GDN_FS_NETWORK, "smb" },
  { 0xFF534D42, GDN_FS_NETWORK, "cifs" },
  { 0xFE534D42, GDN_FS_NETWORK, "smb2" },
  { 0x73757245, GDN_FS_NETWORK, "coda" },
  { 0x5346414F, GDN_FS_NETWORK, "afs" },
  { 0x6B414653, GDN_FS_NETWORK, "kafs" },
  { 0x00C36400, GDN_FS_NETWORK, "ceph" },
  { 0x01021997, GDN_FS_NETWORK, "9p" },
  { 0x564C, GDN_FS_NETWORK, "ncp" },
  { 0x47504653, GDN_FS_NETWORK, "gpfs" },
  { 0x0BD00BD0, GDN_FS_NETWORK, "lustre" },
  { 0x013111A8, GDN_FS_NETWORK, "ibrix" },
  { 0x19830326, GDN_FS_NETWORK, "fhgfs" },
  { 0x65735546, GDN_FS_FUSE, "fuse" },
  { 0x65735543, GDN_FS_FUSE, "fusectl" },
};

/**
 * gdn_fs_classify:
 * @f_type: the f_type of statfs(2)
 * @name: (out) (optional): a short name of the file system, or %NULL for a local one
 *
 * Returns: whether SQLite's locking can be trusted on a file system of that type
 */
GdnFsKind
gdn_fs_classify (gint64       f_type,
                 const char **name)
{
  /* f_type is a signed long on some architectures: CIFS's magic comes out negative */
  guint32 magic = (guint32) (f_type & 0xFFFFFFFF);

  for (guint i = 0; i < G_N_ELEMENTS (fs_types); i++)
    if (fs_types[i].magic == magic)
      {
        if (name != NULL)
          *name = fs_types[i].name;
        return fs_types[i].kind;
      }
  if (name != NULL)
    *name = NULL;
  return GDN_FS_LOCAL;
}

/**
 * gdn_fs_check_path:
 * @path: a database file (it need not exist yet)
 * @name: (out) (optional): as for gdn_fs_classify()
 *
 * Classifies the file system of the folder of @path. A folder that cannot be examined
 * counts as local: the check only warns, it never refuses.
 *
 * Test hook: when the environment variable `GENDAN_TEST_FS_TYPE` holds a number
 * (e.g. `0x6969`), it is used in place of the folder's f_type. Only this function reads
 * it; it exists so that the warning can be tested without a network mount.
 */
GdnFsKind
gdn_fs_check_path (const char  *path,
                   const char **name)
{
  g_autofree char *dir = g_path_get_dirname (path);
  const char *forced = g_getenv ("GENDAN_TEST_FS_TYPE");
  struct statfs st;

  if (forced != NULL && *forced != '\0')
    return gdn_fs_classify ((gint64) g_ascii_strtoull (forced, NULL, 0), name);

  if (statfs (dir, &st) != 0)
    {
      if (name != NULL)
        *name = NULL;
      return GDN_FS_LOCAL;
    }
  return gdn_fs_classify ((gint64) st.f_type, name);
}

/**
 * gdn_fs_shared_warning:
 * @path: a database file
 *
 * Returns: (nullable): a sentence telling that @path is on a network or FUSE file system
 *   where it is unsafe to share, or %NULL when it is on a local disk
 */
char *
gdn_fs_shared_warning (const char *path)
{
  const char *name = NULL;

  switch (gdn_fs_check_path (path, &name))
    {
    case GDN_FS_NETWORK:
      return g_strdup_printf (_("This database is on a network drive (%s). Do not use it from "
                                "more than one computer at a time: the locks that keep it "
                                "whole do not work there, and the data can be damaged. Keep "
                                "it on a local disk."), name);
    case GDN_FS_FUSE:
      return g_strdup_printf (_("This database is on a user-space file system (%s), such as a "
                                "remote or cloud drive. Do not use it from more than one "
                                "program or computer at a time: the locks that keep it whole "
                                "may not work there, and the data can be damaged. Keep it on "
                                "a local disk."), name);
    case GDN_FS_LOCAL:
    default:
      return NULL;
    }
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Private to the import: gdn-import-job.c runs it, gdn-import-cells.c turns cells into
 * values (and problems), gdn-import-write.c compares and writes. */

#include <sqlite3.h>

#include "gdn-import-job.h"
#include "gdn-import-problem.h"
#include "gdn-record.h"

G_BEGIN_DECLS

/* between the parts of a composite key, as text */
#define GDN_IMPORT_KEY_SEP "\x1f"

typedef struct
{
  guint line;
  guint first;   /* its first cell in Job.cells */
  guint n;
} Row;

typedef struct
{
  const char *texts[4];   /* product_code, product_name, spec, unit; NULL when empty */
  double      quantity;   /* NAN when empty */
  double      unit_price;
  guint       line;
} Line;

/* the text fields of a line, in the order of Line.texts */
extern const char * const gdn_import_line_text_fields[4];

typedef struct
{
  GdnStore          *store;
  GdnDatabase       *db;
  const GdnCsvKind  *kind;
  GType              type;
  GdnRecordClass    *klass;
  GdnRecordClass    *line_klass;
  gboolean           is_orders;
  gboolean           skip_invalid;
  gboolean           dry_run;
  gboolean           failed;         /* a unit had errors without skip_invalid */
  gboolean           writing;        /* units are written as they are checked */
  char              *note;           /* order events: "Imported from FILE" */
  char              *now;
  const char        *who;
  GdnImportResults  *results;
  GCancellable      *cancellable;
  guint              last_error_line;
  guint              n_bad_rows;

  GdnCsvReader      *reader;
  GPtrArray         *cells;          /* (element-type utf8): into the reader's buffer */
  GArray            *rows;           /* Row */
  guint              header_line;
  GPtrArray         *headers;        /* (element-type utf8): trimmed, as written */
  int               *col_to_file;    /* kind column → file column, or -1 */
  int               *col_to_field;   /* kind column → field of the record or line, or -1 */
  gboolean           has_line_columns;
  int                list_column;    /* contracts: order_nos, or -1 */

  /* the unit being processed */
  GStringChunk      *scratch;
  GValue            *values;         /* per kind column */
  gboolean          *given;          /* per kind column: its cell is not empty */
  GArray            *lines;          /* Line */
  GArray            *list_ids;       /* gint64 */
  gboolean           unit_bad;

  GdnRecord         *row;
  GdnRecord         *existing;
  GdnRecord         *blank;
  GdnRecord         *line_record;
  int                line_params[8]; /* order_id, position, texts…, quantity, unit_price */
  GValue            *unset;          /* per record field: its "not set" value */
  gboolean          *has_default;    /* per record field: an empty cell keeps the value */
  GHashTable       **enum_caches;    /* per kind column: text → value or "" */

  GHashTable        *customers;      /* code → id (0: none) */
  GHashTable        *orders;
  GHashTable        *cases;
  GHashTable        *contacts;       /* "customer_id\x1fname" → id */
  GHashTable        *keys;           /* unit key → line */

  sqlite3_stmt      *find_customer;
  sqlite3_stmt      *find_order;
  sqlite3_stmt      *find_case;
  sqlite3_stmt      *find_contact;
  sqlite3_stmt      *select_existing;
  sqlite3_stmt      *select_existing_alt;  /* shipments without a tracking number */
  sqlite3_stmt      *insert;
  sqlite3_stmt      *update;
  sqlite3_stmt      *audit;
  sqlite3_stmt      *mark;
  sqlite3_stmt      *select_lines;
  sqlite3_stmt      *delete_lines;
  sqlite3_stmt      *insert_line;
  sqlite3_stmt      *insert_event;
  gint64             last_old_id;    /* records above it were created by this import */
  gboolean           staging;        /* created orders wait in temp tables (see below) */
  gint64             next_id;        /* the id of the next created order */
  gboolean           bulk;           /* they were written set-based, search text and all */
  GdnImportProgressFunc progress;
  gpointer           progress_data;
  double             write_from;     /* the share of the progress bar the rows' checks take */
  sqlite3_stmt      *stage_line;
  sqlite3_stmt      *select_links;
  sqlite3_stmt      *delete_links;
  sqlite3_stmt      *insert_link;
  sqlite3_stmt      *savepoint;
  sqlite3_stmt      *release;
  sqlite3_stmt      *rollback_to;
} Job;

/* gdn-import-cells.c */
void          gdn_import_add_problem          (Job                *job,
                                               guint               line,
                                               const char         *column,
                                               GdnImportSeverity   severity,
                                               const char         *message);
void          gdn_import_row_error            (Job                *job,
                                               guint               line,
                                               int                 column,
                                               const char         *format,
                                               ...) G_GNUC_PRINTF (4, 5);
void          gdn_import_row_warning          (Job                *job,
                                               guint               line,
                                               const char         *header,
                                               const char         *format,
                                               ...) G_GNUC_PRINTF (4, 5);
int           gdn_import_column_for_field     (Job                *job,
                                               const char         *field,
                                               gboolean            line);
void          gdn_import_validation_problem   (Job                *job,
                                               guint               line,
                                               const GError       *error,
                                               gboolean            in_line);
const char   *gdn_import_cell                 (Job                *job,
                                               const Row          *row,
                                               int                 column);
gint64        gdn_import_given_id             (Job                *job,
                                               int                 column);
void          gdn_import_parse_record_columns (Job                *job,
                                               const Row          *row);
void          gdn_import_parse_line           (Job                *job,
                                               const Row          *row);

/* gdn-import-job.c */
void          gdn_import_report_progress      (Job                *job,
                                               double              fraction);

/* gdn-import-write.c */
gboolean      gdn_import_may_write_bulk       (Job                *job,
                                               guint               n_units);
double        gdn_import_lines_amount         (GArray             *lines);
gboolean      gdn_import_lines_differ         (Job                *job,
                                               gint64              order_id);
gboolean      gdn_import_links_differ         (Job                *job,
                                               gint64              contract_id);
sqlite3_stmt *gdn_import_bind_key             (Job                *job,
                                               char              **key_text);
gboolean      gdn_import_write_unit_guarded   (Job                *job,
                                               guint               line,
                                               gboolean            insert,
                                               gboolean            replace_lines,
                                               gboolean            replace_links,
                                               const char         *old_status,
                                               gboolean           *written,
                                               GError            **error);
gboolean      gdn_import_record_differs       (Job                *job);
gboolean      gdn_import_prepare_statements   (Job                *job,
                                               GError            **error);
gboolean      gdn_import_refresh_search       (Job                *job,
                                               GError            **error);
gboolean      gdn_import_write_staged         (Job                *job,
                                               GError            **error);
gboolean      gdn_import_write_created        (Job                *job,
                                               GError            **error);

G_END_DECLS

/* occ-csv-reader-private.h: an RFC 4180 reader fed in chunks
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include <occ/occ-error.h>

G_BEGIN_DECLS

/* Limits that keep hostile input from growing one record without bound:
 * the reader holds one record at a time, never the whole file. */
#define OCC_CSV_MAX_FIELD (1u << 20) /* bytes in one field */
#define OCC_CSV_MAX_FIELDS 4096u     /* fields in one record */
/* Bytes in one record, all its fields together: without it, 4096 fields
 * of 1 MiB made one record of 4 GiB. A rating's row is a few hundred
 * bytes; an evidence cell of a whole MiB still fits. */
#define OCC_CSV_MAX_RECORD (4u << 20)
/* How much a file or stream is read at a time. */
#define OCC_CSV_CHUNK 65536

/* One field of the current record: its text is NUL-terminated at
 * reader->text + offset. */
typedef struct
{
  gsize offset;
  gsize length;
  guint32 line;   /* where the field starts, from 1 */
  guint32 column; /* in characters, from 1 */
} OccCsvField;

typedef struct _OccCsvReader OccCsvReader;

/* Called once per record; returning FALSE (with @error set) stops the
 * reader. */
typedef gboolean (*OccCsvRecordFunc) (OccCsvReader *reader, gpointer data,
                                      GError **error);

struct _OccCsvReader
{
  const char *source; /* for messages: the file name or "<data>" */
  OccCsvRecordFunc func;
  gpointer data;

  /* The current record: its fields' text, each NUL-terminated, and the
   * fields. Plain growing buffers: they are appended to for every field
   * of every record, and GString's calls cost more than the copying. */
  char *text;
  gsize text_len, text_size;
  OccCsvField *fields;
  guint n_fields, fields_size;

  guint32 line;   /* position of the next byte */
  guint32 column; /* characters consumed on this line */
  int state;
  gboolean in_record; /* some byte of a record was consumed */
  gboolean skip_lf;   /* the previous byte was CR: an LF now ends nothing */
  guint8 high;        /* OR of the current field's bytes: UTF-8 to check */
  guint8 head[3];     /* the first bytes, until a BOM is ruled in or out */
  guint head_len;
  gboolean started;
};

void occ_csv_reader_init (OccCsvReader *reader, const char *source,
                          OccCsvRecordFunc func, gpointer data);
void occ_csv_reader_clear (OccCsvReader *reader);
gboolean occ_csv_reader_feed (OccCsvReader *reader, const char *data,
                              gsize length, GError **error);
gboolean occ_csv_reader_finish (OccCsvReader *reader, GError **error);

static inline guint
occ_csv_n_fields (const OccCsvReader *reader)
{
  return reader->n_fields;
}

static inline const OccCsvField *
occ_csv_field (const OccCsvReader *reader, guint i)
{
  return &reader->fields[i];
}

static inline const char *
occ_csv_field_text (const OccCsvReader *reader, guint i)
{
  return reader->text + reader->fields[i].offset;
}

void occ_csv_error (GError **error, const OccCsvReader *reader, guint32 line,
                    guint32 column, const char *column_name, OccError code,
                    const char *format, ...) G_GNUC_PRINTF (7, 8);

/* Formula injection (OWASP "CSV injection"): a spreadsheet evaluates a
 * cell that begins with one of these. */
static inline gboolean
occ_csv_starts_formula (char c)
{
  return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t'
         || c == '\r';
}

const char *occ_csv_unneutralize (const char *text, gsize *length);

G_END_DECLS

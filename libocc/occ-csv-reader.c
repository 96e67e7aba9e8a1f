/* occ-csv-reader.c: RFC 4180, one chunk at a time
 *
 * A push parser: the caller feeds it chunks of any size (a 64 KiB read
 * buffer, a whole mapped file, one byte at a time) and it calls back once
 * per record. It keeps only the current record, so memory does not grow
 * with the input. Fields may be quoted, with embedded commas, doubled
 * quotes and line breaks; records end in CRLF, LF or CR; a UTF-8 byte
 * order mark at the start is skipped. Every field must be UTF-8 without
 * NUL bytes.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include "occ-csv-reader-private.h"
#include "occ-error-private.h"

enum {
  FIELD_START, /* nothing of the current field consumed yet */
  UNQUOTED,
  QUOTED,
  QUOTE_SEEN, /* a quote inside a quoted field: doubled, or the end */
};

/* Bytes that end a run of ordinary text, outside and inside quotes. */
static const guint8 stop_unquoted[256] = {
  [0] = 1, [','] = 1, ['"'] = 1, ['\r'] = 1, ['\n'] = 1,
};
static const guint8 stop_quoted[256] = {
  [0] = 1,
  ['"'] = 1,
  ['\r'] = 1,
  ['\n'] = 1,
};

static const guint8 utf8_bom[3] = { 0xEF, 0xBB, 0xBF };

void
occ_csv_reader_init (OccCsvReader *reader, const char *source,
                     OccCsvRecordFunc func, gpointer data)
{
  memset (reader, 0, sizeof *reader);
  reader->source = source;
  reader->func = func;
  reader->data = data;
  reader->text_size = 256;
  reader->text = g_malloc (reader->text_size);
  reader->fields_size = 16;
  reader->fields = g_new (OccCsvField, reader->fields_size);
  reader->line = 1;
  reader->state = FIELD_START;
}

void
occ_csv_reader_clear (OccCsvReader *reader)
{
  g_clear_pointer (&reader->text, g_free);
  g_clear_pointer (&reader->fields, g_free);
}

void
occ_csv_error (GError **error, const OccCsvReader *reader, guint32 line,
               guint32 column, const char *column_name, OccError code,
               const char *format, ...)
{
  g_autofree char *what = NULL;
  gboolean was_set;
  va_list args;

  if (error == NULL)
    return;
  was_set = *error != NULL;
  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);
  if (column_name != NULL)
    g_set_error (error, OCC_ERROR, code, "%s:%u:%u (column %s): %s",
                 reader->source, line, column, column_name, what);
  else
    g_set_error (error, OCC_ERROR, code, "%s:%u:%u: %s", reader->source, line,
                 column, what);
  if (!was_set)
    occ_error_set_parts (*error, reader->source, line, column, column_name,
                         what);
}

/* The field being read, which the last push to reader->fields opened. */
static inline OccCsvField *
current_field (OccCsvReader *reader)
{
  return &reader->fields[reader->n_fields - 1];
}

static inline void
append_text (OccCsvReader *reader, const void *bytes, gsize n)
{
  if (G_UNLIKELY (reader->text_len + n > reader->text_size))
    {
      while (reader->text_len + n > reader->text_size)
        reader->text_size *= 2;
      reader->text = g_realloc (reader->text, reader->text_size);
    }
  memcpy (reader->text + reader->text_len, bytes, n);
  reader->text_len += n;
}

static inline void
append_char (OccCsvReader *reader, char c)
{
  append_text (reader, &c, 1);
}

static inline gboolean
open_field (OccCsvReader *reader, GError **error)
{
  OccCsvField field = { reader->text_len, 0, reader->line,
                        reader->column + 1 };

  if (reader->n_fields >= OCC_CSV_MAX_FIELDS)
    {
      occ_csv_error (error, reader, field.line, field.column, NULL,
                     OCC_ERROR_LIMIT, "a record has more than %u fields",
                     OCC_CSV_MAX_FIELDS);
      return FALSE;
    }
  if (reader->n_fields == reader->fields_size)
    {
      reader->fields_size *= 2;
      reader->fields = g_renew (OccCsvField, reader->fields,
                                reader->fields_size);
    }
  reader->fields[reader->n_fields++] = field;
  reader->high = 0;
  reader->in_record = TRUE;
  return TRUE;
}

static inline gboolean
close_field (OccCsvReader *reader, GError **error)
{
  OccCsvField *field = current_field (reader);
  const char *text = reader->text + field->offset;

  field->length = reader->text_len - field->offset;
  if ((reader->high & 0x80)
      && !g_utf8_validate_len (text, field->length, NULL))
    {
      occ_csv_error (error, reader, field->line, field->column, NULL,
                     OCC_ERROR_SYNTAX, "the field is not valid UTF-8");
      return FALSE;
    }
  append_char (reader, '\0');
  return TRUE;
}

static gboolean
end_record (OccCsvReader *reader, GError **error)
{
  gboolean ok = reader->func (reader, reader->data, error);

  reader->text_len = 0;
  reader->n_fields = 0;
  reader->in_record = FALSE;
  reader->state = FIELD_START;
  return ok;
}

/* Would @n more bytes make the current field, or its record, longer
 * than the limits? Memory then depends on the data kept, not on the
 * file. */
static inline gboolean
field_full (OccCsvReader *reader, gsize n, GError **error)
{
  const OccCsvField *field = current_field (reader);

  if (reader->text_len - field->offset + n <= OCC_CSV_MAX_FIELD
      && reader->text_len + n <= OCC_CSV_MAX_RECORD)
    return FALSE;
  if (reader->text_len + n > OCC_CSV_MAX_RECORD)
    occ_csv_error (error, reader, reader->fields[0].line,
                   reader->fields[0].column, NULL, OCC_ERROR_LIMIT,
                   "a record is longer than %u bytes (%u MiB)",
                   OCC_CSV_MAX_RECORD, OCC_CSV_MAX_RECORD >> 20);
  else
    occ_csv_error (error, reader, field->line, field->column, NULL,
                   OCC_ERROR_LIMIT, "a field is longer than %u bytes",
                   OCC_CSV_MAX_FIELD);
  return TRUE;
}

/* Append a run of ordinary bytes to the current field; @high and @chars
 * are the OR of its bytes and its number of characters. */
static inline gboolean
append_run (OccCsvReader *reader, const guint8 *run, gsize n, guint8 high,
            guint32 chars, GError **error)
{
  if (field_full (reader, n, error))
    return FALSE;
  reader->high |= high;
  reader->column += chars;
  append_text (reader, run, n);
  return TRUE;
}

/* A line break: CRLF counts once. Returns FALSE for the LF of a CRLF. */
static gboolean
new_line (OccCsvReader *reader, guint8 c)
{
  if (c == '\n' && reader->skip_lf)
    {
      reader->skip_lf = FALSE;
      return FALSE;
    }
  reader->skip_lf = c == '\r';
  reader->line++;
  reader->column = 0;
  return TRUE;
}

/* A line break inside quotes is part of the field, as it was written. */
static gboolean
quoted_line_break (OccCsvReader *reader, guint8 c, GError **error)
{
  if (field_full (reader, 1, error))
    return FALSE;
  new_line (reader, c);
  append_char (reader, (char) c);
  return TRUE;
}

static gboolean
nul_byte (OccCsvReader *reader, GError **error)
{
  occ_csv_error (error, reader, reader->line, reader->column + 1, NULL,
                 OCC_ERROR_SYNTAX, "a NUL byte; CSV is text");
  return FALSE;
}

/* One structural byte (a stop byte) in the current state. */
static gboolean
step (OccCsvReader *reader, guint8 c, GError **error)
{
  if (c == 0)
    return nul_byte (reader, error);
  switch (reader->state)
    {
    case FIELD_START:
    case UNQUOTED:
    case QUOTE_SEEN:
      if (c == '"' && reader->state == QUOTE_SEEN)
        {
          /* A doubled quote: one quote of text. */
          if (field_full (reader, 1, error))
            return FALSE;
          reader->column++;
          append_char (reader, '"');
          reader->state = QUOTED;
          return TRUE;
        }
      if (c == '"' && reader->state == FIELD_START)
        {
          if (!open_field (reader, error))
            return FALSE;
          reader->column++;
          reader->state = QUOTED;
          return TRUE;
        }
      if (c == '"')
        {
          occ_csv_error (error, reader, reader->line, reader->column + 1,
                         NULL, OCC_ERROR_SYNTAX,
                         "a quote inside an unquoted field; quote the whole "
                         "field and double the quote (RFC 4180)");
          return FALSE;
        }
      if (c == '\n' && reader->skip_lf && reader->state == FIELD_START
          && !reader->in_record)
        {
          new_line (reader, c);
          return TRUE;
        }
      if (reader->state == FIELD_START && !open_field (reader, error))
        return FALSE;
      if (!close_field (reader, error))
        return FALSE;
      if (c == ',')
        {
          reader->column++;
          reader->state = FIELD_START;
          return TRUE;
        }
      new_line (reader, c);
      return end_record (reader, error);
    case QUOTED:
      if (c == '"')
        {
          reader->column++;
          reader->state = QUOTE_SEEN;
          return TRUE;
        }
      return quoted_line_break (reader, c, error);
    default:
      g_assert_not_reached ();
    }
}

/* Text after a closing quote other than a separator. */
static gboolean
text_after_quote (OccCsvReader *reader, GError **error)
{
  occ_csv_error (error, reader, reader->line, reader->column + 1, NULL,
                 OCC_ERROR_SYNTAX,
                 "text after the closing quote of a field; a quoted field "
                 "ends at a comma or a line break");
  return FALSE;
}

/* What the fast path must leave to the state machine: quotes, NUL, CR,
 * non-ASCII (columns count characters); commas are noted. */
static const guint8 fast_class[128] = {
  [0] = 2, ['"'] = 2, ['\r'] = 2, [','] = 1, ['\n'] = 3,
};

/* A whole record on one line of the chunk, in plain ASCII without quotes,
 * as most rows of a ratings sheet are: split at its commas in one pass,
 * where a byte's column is its offset. Returns the bytes consumed (the line
 * and its LF), 0 when the line is not such a record (the state machine
 * reads it), or -1 when the record callback failed. */
static gssize
fast_record (OccCsvReader *reader, const guint8 *data, gsize length,
             GError **error)
{
  gsize end = 0, n_fields = 1, start = 0;

  for (; end < length; end++)
    {
      guint8 k = data[end] < 0x80 ? fast_class[data[end]] : 2;

      if (G_LIKELY (k == 0))
        continue;
      if (k == 1)
        n_fields++;
      else if (k == 3)
        break;
      else if (data[end] == '\r' && end + 1 < length && data[end + 1] == '\n')
        continue; /* CRLF: checked below */
      else
        return 0;
    }
  if (end == length || n_fields > OCC_CSV_MAX_FIELDS
      || end > OCC_CSV_MAX_FIELD)
    return 0;
  {
    /* The scan let a CR through only right before the LF: no second look
     * for one is needed. */
    gsize line_length = end > 0 && data[end - 1] == '\r' ? end - 1 : end;

    reader->text_len = 0;
    append_text (reader, data, line_length);
    append_char (reader, '\0');
    if (n_fields > reader->fields_size)
      {
        reader->fields_size = (guint) n_fields;
        reader->fields = g_renew (OccCsvField, reader->fields,
                                  reader->fields_size);
      }
    reader->n_fields = 0;
    for (gsize x = 0; x <= line_length; x++)
      if (x == line_length || reader->text[x] == ',')
        {
          reader->text[x] = '\0';
          reader->fields[reader->n_fields++] = (OccCsvField){
            start, x - start, reader->line, (guint32) start + 1
          };
          start = x + 1;
        }
  }
  reader->in_record = TRUE;
  reader->line++;
  reader->column = 0;
  if (!end_record (reader, error))
    return -1;
  return (gssize) end + 1;
}

static gboolean
feed (OccCsvReader *reader, const guint8 *data, gsize length, GError **error)
{
  gsize i = 0;

  while (i < length)
    {
      if (reader->state == FIELD_START && !reader->in_record
          && !reader->skip_lf)
        {
          gssize used = fast_record (reader, data + i, length - i, error);

          if (used < 0)
            return FALSE;
          if (used > 0)
            {
              i += (gsize) used;
              continue;
            }
        }
      {
        const guint8 *stops = reader->state == QUOTED ? stop_quoted
                                                      : stop_unquoted;
        gsize j = i;
        guint8 high = 0;
        guint32 chars = 0;

        /* One pass finds the end of the run, and counts its characters
         * (the bytes that do not continue a UTF-8 sequence) for column
         * numbers. */
        for (; j < length && !stops[data[j]]; j++)
          {
            high |= data[j];
            chars += (data[j] & 0xC0) != 0x80;
          }
        if (j > i)
          {
            if (reader->state == QUOTE_SEEN)
              return text_after_quote (reader, error);
            reader->skip_lf = FALSE;
            if (reader->state == FIELD_START)
              {
                if (!open_field (reader, error))
                  return FALSE;
                reader->state = UNQUOTED;
              }
            if (!append_run (reader, data + i, j - i, high, chars, error))
              return FALSE;
            i = j;
            continue;
          }
        if (data[i] != '\n' && data[i] != '\r')
          reader->skip_lf = FALSE;
        if (!step (reader, data[i], error))
          return FALSE;
        i++;
      }
    }
  return TRUE;
}

/* The first three bytes decide whether there is a byte order mark. */
static gboolean
feed_head (OccCsvReader *reader, GError **error)
{
  reader->started = TRUE;
  if (reader->head_len == 3 && memcmp (reader->head, utf8_bom, 3) == 0)
    return TRUE;
  return feed (reader, reader->head, reader->head_len, error);
}

gboolean
occ_csv_reader_feed (OccCsvReader *reader, const char *data, gsize length,
                     GError **error)
{
  const guint8 *bytes = (const guint8 *) data;

  if (!reader->started)
    {
      while (reader->head_len < 3 && length > 0)
        {
          reader->head[reader->head_len++] = *bytes++;
          length--;
        }
      if (reader->head_len < 3)
        return TRUE;
      if (!feed_head (reader, error))
        return FALSE;
    }
  return feed (reader, bytes, length, error);
}

gboolean
occ_csv_reader_finish (OccCsvReader *reader, GError **error)
{
  if (!reader->started && !feed_head (reader, error))
    return FALSE;
  if (reader->state == QUOTED)
    {
      const OccCsvField *field = current_field (reader);
      occ_csv_error (
        error, reader, field->line, field->column, NULL, OCC_ERROR_SYNTAX,
        "the quoted field is not closed by the end of the input");
      return FALSE;
    }
  if (!reader->in_record)
    return TRUE;
  if (reader->state == FIELD_START && !open_field (reader, error))
    return FALSE;
  return close_field (reader, error) && end_record (reader, error);
}

/* The reader's side: text after the `'` the writer put before it, with
 * *@length shortened to match; other text as it is. */
const char *
occ_csv_unneutralize (const char *text, gsize *length)
{
  const char *p = text;

  if (G_LIKELY (*text != '\''))
    return text;
  while (*p == '\'')
    p++;
  if (!occ_csv_starts_formula (*p))
    return text;
  (*length)--;
  return text + 1;
}

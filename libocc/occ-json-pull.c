/* occ-json-pull.c: a strict streaming JSON reader, one token at a time
 *
 * json-glib 1.6 builds a tree of every document (about 2.4 KB a rating),
 * parses at some 16 MB/s, keeps no places and accepts what RFC 8259
 * refuses (hexadecimal numbers, leading zeros, `2.`, raw tabs in
 * strings) and the last of two members of one name. This reader reads
 * RFC 8259 exactly, from memory or from a GInputStream in chunks, and
 * keeps only the open containers: the dataset loader turns ratings into
 * columns as they pass. Every fault is set with its line, column (in
 * characters) and JSON path. What it refuses beyond the RFC, and why, is
 * in docs/reliability.md ("JSON").
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "occ-error-private.h"
#include "occ-json-pull-private.h"

#define CHUNK_SIZE (256u << 10)
/* Look for duplicate member names by comparing with each earlier one up
 * to this many members, through a hash table beyond. */
#define LINEAR_KEYS 16

enum {
  EXPECT_VALUE,
  EXPECT_VALUE_OR_END, /* after [ */
  EXPECT_KEY_OR_END,   /* after { */
  EXPECT_KEY,          /* after , in an object */
  EXPECT_COLON,
  EXPECT_COMMA_OR_END,
  EXPECT_EOF,
};

/* An end of input or a read error, where a byte is expected. */
#define CH_EOF (-1)
#define CH_IOERR (-2)

typedef struct
{
  guint32 offset; /* into Frame.keys */
  guint32 length;
  OccJsonPos pos;
} KeyRecord;

typedef struct
{
  gboolean array;
  gsize index; /* array: the elements begun */
  /* Of an object: the names so far, each NUL-terminated, and a record
   * of each. Plain arrays, grown by hand: this is the reader's inner
   * loop, several times a rating. */
  char *keys;
  gsize keys_length, keys_size;
  KeyRecord *records;
  guint n_records, records_size;
  GHashTable *named; /* name → record index + 1, past LINEAR_KEYS */
} Frame;

/* Appends a name to @f; returns its record. */
static KeyRecord *
frame_add_key (Frame *f, const char *name, gsize length, OccJsonPos pos)
{
  KeyRecord *record;

  if (G_UNLIKELY (f->keys_length + length + 1 > f->keys_size))
    {
      while (f->keys_length + length + 1 > f->keys_size)
        f->keys_size = MAX (256, f->keys_size * 2);
      f->keys = g_realloc (f->keys, f->keys_size);
    }
  if (G_UNLIKELY (f->n_records == f->records_size))
    {
      f->records_size = MAX (16, f->records_size * 2);
      f->records = g_renew (KeyRecord, f->records, f->records_size);
    }
  record = &f->records[f->n_records++];
  record->offset = (guint32) f->keys_length;
  record->length = (guint32) length;
  record->pos = pos;
  memcpy (f->keys + f->keys_length, name, length);
  f->keys[f->keys_length + length] = '\0';
  f->keys_length += length + 1;
  return record;
}

struct _OccJsonReader
{
  char *source;

  /* The window of input: all of it for memory, a chunk for a stream. */
  const guchar *start, *p, *end;
  guchar *chunk;
  gint64 base; /* the offset of `start` in the input */
  GInputStream *stream;
  GCancellable *cancellable;
  GError *io_error;
  gboolean eof; /* the stream said so: it is not read again */
  gboolean capture_overflow;
  GByteArray *capture;
  const guchar *capture_from;
  GBytes *data; /* of a fragment reader */

  /* The column of p is (offset of p) - line_start - line_extra + 1:
   * line_extra counts the bytes past the first of each character. */
  guint32 line;
  gint64 line_start;
  gint64 line_extra;

  int expect;
  guint depth, base_depth;
  Frame frames[OCC_MAX_JSON_DEPTH + 1];
  gboolean failed;

  /* The token just read. */
  OccJsonToken token;
  OccJsonPos pos;
  gint64 token_offset;
  guchar *text;
  gsize text_length, text_size;
  double number;
  gint64 integer;
  gboolean is_integer;
  char number_text[OCC_MAX_NUMBER_LENGTH + 1];
};

/* Bytes that stand for themselves in a string: printable ASCII but the
 * quote and the backslash. */
static const guint8 plain[256] = {
#define R16(v) v, v, v, v, v, v, v, v, v, v, v, v, v, v, v, v
  R16 (0), R16 (0), 1,       1,       0,       1,
  1,       1,       1,       1,       1,       1,
  1,       1,       1,       1,       1,       1, /* 0x20: " */
  R16 (1), R16 (1), 1,       1,       1,       1,
  1,       1,       1,       1,       1,       1,
  1,       1,       0,       1,       1,       1, /* 0x50: \ */
  R16 (1), R16 (1), R16 (0), R16 (0), R16 (0), R16 (0),
  R16 (0), R16 (0), R16 (0), R16 (0),
#undef R16
};

static OccJsonReader *
reader_new (const char *source)
{
  OccJsonReader *r = g_new0 (OccJsonReader, 1);

  r->source = g_strdup (source ? source : "<data>");
  r->line = 1;
  r->expect = EXPECT_VALUE;
  r->text_size = 256;
  r->text = g_malloc (r->text_size);
  return r;
}

OccJsonReader *
occ_json_reader_new_for_data (const char *data, gsize length,
                              const char *source)
{
  OccJsonReader *r = reader_new (source);

  r->start = r->p = (const guchar *) (data ? data : "");
  r->end = r->start + (data ? length : 0);
  return r;
}

OccJsonReader *
occ_json_reader_new_for_stream (GInputStream *stream, const char *source,
                                GCancellable *cancellable)
{
  OccJsonReader *r = reader_new (source);

  r->stream = g_object_ref (stream);
  r->cancellable = cancellable ? g_object_ref (cancellable) : NULL;
  r->chunk = g_malloc (CHUNK_SIZE);
  r->start = r->p = r->end = r->chunk;
  return r;
}

void
occ_json_reader_free (OccJsonReader *r)
{
  if (r == NULL)
    return;
  for (guint d = 0; d <= OCC_MAX_JSON_DEPTH; d++)
    {
      g_free (r->frames[d].keys);
      g_free (r->frames[d].records);
      g_clear_pointer (&r->frames[d].named, g_hash_table_unref);
    }
  g_clear_object (&r->stream);
  g_clear_object (&r->cancellable);
  g_clear_error (&r->io_error);
  g_clear_pointer (&r->capture, g_byte_array_unref);
  g_clear_pointer (&r->data, g_bytes_unref);
  g_free (r->chunk);
  g_free (r->text);
  g_free (r->source);
  g_free (r);
}

/* Places ------------------------------------------------------------- */

static inline gint64
offset_of (const OccJsonReader *r, const guchar *p)
{
  return r->base + (p - r->start);
}

static OccJsonPos
pos_of (const OccJsonReader *r, const guchar *p)
{
  gint64 column = offset_of (r, p) - r->line_start - r->line_extra + 1;

  return (OccJsonPos){ r->line, (guint32) CLAMP (column, 1, G_MAXUINT32) };
}

static void
append_path (const OccJsonReader *r, GString *s)
{
  for (guint d = 0; d < r->depth; d++)
    {
      const Frame *f = &r->frames[d];

      if (f->array && f->index > 0)
        g_string_append_printf (s, "[%" G_GSIZE_FORMAT "]", f->index - 1);
      else if (!f->array && f->n_records > 0)
        {
          const KeyRecord *k = &f->records[f->n_records - 1];
          if (s->len > 0)
            g_string_append_c (s, '.');
          g_string_append (s, f->keys + k->offset);
        }
    }
}

static void
reader_verror (const OccJsonReader *r, GError **error, OccJsonPos pos,
               const char *member, gboolean semantic, OccError code,
               const char *format, va_list args)
{
  g_autofree char *rule = NULL;
  GString *path;

  if (error == NULL)
    return;
  rule = g_strdup_vprintf (format, args);
  path = g_string_new (NULL);
  append_path (r, path);
  if (member != NULL)
    {
      if (path->len > 0)
        g_string_append_c (path, '.');
      g_string_append (path, member);
    }
  if (path->len == 0 && semantic)
    g_string_append (path, "(top level)");
  occ_set_error_at (error, code, r->source, pos.line, pos.column,
                    path->len > 0 ? path->str : NULL, "%s", rule);
  g_string_free (path, TRUE);
}

void
occ_json_reader_error (const OccJsonReader *r, GError **error, OccError code,
                       const char *format, ...)
{
  va_list args;

  va_start (args, format);
  reader_verror (r, error, r->pos, NULL, TRUE, code, format, args);
  va_end (args);
}

void
occ_json_reader_error_at (const OccJsonReader *r, GError **error,
                          OccJsonPos pos, const char *member, OccError code,
                          const char *format, ...)
{
  va_list args;

  va_start (args, format);
  reader_verror (r, error, pos, member, TRUE, code, format, args);
  va_end (args);
}

/* A fault of the text itself, at @p. */
static OccJsonToken G_GNUC_PRINTF (4, 5)
  syntax_error (OccJsonReader *r, GError **error, const guchar *p,
                const char *format, ...)
{
  va_list args;

  va_start (args, format);
  reader_verror (r, error, pos_of (r, p), NULL, FALSE, OCC_ERROR_SYNTAX,
                 format, args);
  va_end (args);
  r->failed = TRUE;
  return OCC_JSON_ERROR;
}

/* A fault at @pos, usually where the token it is in starts (a string, a
 * number), rather than at the byte that gave it away. */
static OccJsonToken G_GNUC_PRINTF (5, 6)
  fault_at (OccJsonReader *r, GError **error, OccJsonPos pos, OccError code,
            const char *format, ...)
{
  va_list args;

  va_start (args, format);
  reader_verror (r, error, pos, NULL, FALSE, code, format, args);
  va_end (args);
  r->failed = TRUE;
  return OCC_JSON_ERROR;
}

static OccJsonToken
io_error (OccJsonReader *r, GError **error)
{
  OccJsonPos pos = pos_of (r, r->p);

  g_set_error (error, r->io_error->domain, r->io_error->code, "%s:%u:%u: %s",
               r->source, pos.line, pos.column, r->io_error->message);
  r->failed = TRUE;
  return OCC_JSON_ERROR;
}

/* Input -------------------------------------------------------------- */

/* The next chunk of a stream: 1 when there is more input, 0 at its end,
 * -1 when reading failed (r->io_error). Everything before r->end is
 * gone afterwards. */
static int
refill (OccJsonReader *r)
{
  gssize n;

  if (r->stream == NULL || r->io_error != NULL || r->eof)
    return r->io_error ? -1 : 0;
  if (r->capture != NULL)
    {
      gsize n_captured = (gsize) (r->end - r->capture_from);

      /* A GByteArray counts in 32 bits. */
      if (r->capture->len + (guint64) n_captured > G_MAXUINT32 / 2)
        r->capture_overflow = TRUE;
      else
        g_byte_array_append (r->capture, r->capture_from, (guint) n_captured);
      r->capture_from = r->chunk;
    }
  r->base += r->end - r->start;
  r->start = r->p = r->end = r->chunk;
  n = g_input_stream_read (r->stream, r->chunk, CHUNK_SIZE, r->cancellable,
                           &r->io_error);
  if (n < 0)
    return -1;
  r->end = r->chunk + n;
  r->eof = n == 0;
  return n > 0;
}

/* The byte at r->p, reading more when needed: CH_EOF or CH_IOERR. */
static inline int
peek (OccJsonReader *r)
{
  int k;

  if (G_LIKELY (r->p < r->end))
    return *r->p;
  k = refill (r);
  return k > 0 ? *r->p : k == 0 ? CH_EOF : CH_IOERR;
}

static inline int
skip_space (OccJsonReader *r)
{
  for (;;)
    {
      const guchar *p = r->p, *end = r->end;

      while (p < end)
        {
          guchar c = *p;
          if (c == ' ' || c == '\t' || c == '\r')
            p++;
          else if (c == '\n')
            {
              p++;
              r->line++;
              r->line_start = offset_of (r, p);
              r->line_extra = 0;
            }
          else
            {
              r->p = p;
              return c;
            }
        }
      r->p = p;
      int k = refill (r);
      if (k <= 0)
        return k == 0 ? CH_EOF : CH_IOERR;
    }
}

static inline void
text_append (OccJsonReader *r, const guchar *s, gsize n)
{
  /* Past the limit only the length is kept, for the message. */
  if (G_UNLIKELY (r->text_length + n > OCC_MAX_STRING_LENGTH))
    {
      r->text_length += n;
      return;
    }
  if (G_UNLIKELY (r->text_length + n + 1 > r->text_size))
    {
      while (r->text_length + n + 1 > r->text_size)
        r->text_size *= 2;
      r->text = g_realloc (r->text, r->text_size);
    }
  memcpy (r->text + r->text_length, s, n);
  r->text_length += n;
}

/* Strings ------------------------------------------------------------ */

static int
hex4 (OccJsonReader *r)
{
  int code = 0;

  for (int k = 0; k < 4; k++)
    {
      int c = peek (r);
      if (c < 0 || !g_ascii_isxdigit (c))
        return -1;
      code = code * 16 + g_ascii_xdigit_value ((char) c);
      r->p++;
    }
  return code;
}

/* An escape, r->p at its backslash. */
static gboolean
read_escape (OccJsonReader *r, GError **error)
{
  OccJsonPos at = pos_of (r, r->p);
  char utf8[8];
  int c, code, low;

  r->p++;
  c = peek (r);
  if (c == CH_IOERR)
    return io_error (r, error), FALSE;
  r->p += c >= 0;
  switch (c)
    {
    case '"':
    case '\\':
    case '/':
      utf8[0] = (char) c;
      text_append (r, (const guchar *) utf8, 1);
      return TRUE;
    case 'b':
      text_append (r, (const guchar *) "\b", 1);
      return TRUE;
    case 'f':
      text_append (r, (const guchar *) "\f", 1);
      return TRUE;
    case 'n':
      text_append (r, (const guchar *) "\n", 1);
      return TRUE;
    case 'r':
      text_append (r, (const guchar *) "\r", 1);
      return TRUE;
    case 't':
      text_append (r, (const guchar *) "\t", 1);
      return TRUE;
    case 'u':
      break;
    default:
      fault_at (r, error, at, OCC_ERROR_SYNTAX,
                "not a JSON escape (\\\", \\\\, \\/, \\b, \\f, \\n, \\r, "
                "\\t or \\uXXXX)");
      return FALSE;
    }
  if ((code = hex4 (r)) < 0 && r->io_error != NULL)
    return io_error (r, error), FALSE;
  if (code < 0)
    {
      fault_at (r, error, at, OCC_ERROR_SYNTAX,
                "\\u must be followed by four hexadecimal digits");
      return FALSE;
    }
  if (code == 0)
    {
      fault_at (r, error, at, OCC_ERROR_SYNTAX,
                "\\u0000 (NUL) cannot be part of a string");
      return FALSE;
    }
  if (code >= 0xdc00 && code <= 0xdfff)
    {
      fault_at (r, error, at, OCC_ERROR_SYNTAX,
                "a low surrogate escape without a high one before it");
      return FALSE;
    }
  if (code >= 0xd800 && code <= 0xdbff)
    {
      low = -1;
      if (peek (r) == '\\')
        {
          r->p++;
          if (peek (r) == 'u')
            {
              r->p++;
              low = hex4 (r);
            }
        }
      if (r->io_error != NULL)
        return io_error (r, error), FALSE;
      if (low < 0xdc00 || low > 0xdfff)
        {
          fault_at (r, error, at, OCC_ERROR_SYNTAX,
                    "a high surrogate escape without a low one after it");
          return FALSE;
        }
      code = 0x10000 + ((code - 0xd800) << 10) + (low - 0xdc00);
    }
  text_append (r, (const guchar *) utf8, g_unichar_to_utf8 (code, utf8));
  return TRUE;
}

/* The length of the UTF-8 character at r->p (read into @bytes), or 0 when
 * the bytes there are not UTF-8. */
static int
read_utf8 (OccJsonReader *r, guchar bytes[4])
{
  int c = peek (r), n, k;
  guchar lo = 0x80, hi = 0xbf;

  if (c < 0xc2 || c > 0xf4)
    return 0;
  n = c < 0xe0 ? 2 : c < 0xf0 ? 3 : 4;
  if (c == 0xe0)
    lo = 0xa0;
  else if (c == 0xed)
    hi = 0x9f;
  else if (c == 0xf0)
    lo = 0x90;
  else if (c == 0xf4)
    hi = 0x8f;
  bytes[0] = (guchar) c;
  r->p++;
  for (k = 1; k < n; k++)
    {
      int b = peek (r);
      if (b < lo || b > hi)
        return 0;
      bytes[k] = (guchar) b;
      r->p++;
      lo = 0x80;
      hi = 0xbf;
    }
  return n;
}

static OccJsonToken
not_utf8 (OccJsonReader *r, GError **error, OccJsonPos at)
{
  if (r->io_error)
    return io_error (r, error);
  return fault_at (r, error, at, OCC_ERROR_SYNTAX,
                   "bytes that are not UTF-8; JSON text must be UTF-8");
}

/* A string, r->p at its opening quote (the token's place, r->pos); into
 * r->text. */
static OccJsonToken
read_string (OccJsonReader *r, OccJsonToken token, GError **error)
{
  OccJsonPos start = r->pos;
  const guchar *s0 = r->p + 1, *p0 = s0, *end0 = r->end;

  /* Most strings are short, plain and in the window whole. */
  while (p0 < end0 && plain[*p0])
    p0++;
  if (G_LIKELY (p0 < end0 && *p0 == '"' && (gsize) (p0 - s0) < r->text_size
                && (gsize) (p0 - s0) <= OCC_MAX_STRING_LENGTH))
    {
      memcpy (r->text, s0, (gsize) (p0 - s0));
      r->text_length = (gsize) (p0 - s0);
      r->text[r->text_length] = '\0';
      r->p = p0 + 1;
      return token;
    }
  r->p++;
  r->text_length = 0;
  for (;;)
    {
      const guchar *s = r->p, *p = s, *end = r->end;
      int c;

      while (p < end && plain[*p])
        p++;
      text_append (r, s, (gsize) (p - s));
      r->p = p;
      c = peek (r);
      if (c == '"' && G_UNLIKELY (r->text_length > OCC_MAX_STRING_LENGTH))
        return fault_at (r, error, start, OCC_ERROR_LIMIT,
                         "a string of %" G_GSIZE_FORMAT " bytes; libocc "
                         "reads strings of at most %u",
                         r->text_length, OCC_MAX_STRING_LENGTH);
      if (c == '"')
        {
          r->p++;
          r->text[r->text_length] = '\0';
          return token;
        }
      if (c == '\\')
        {
          if (!read_escape (r, error))
            return OCC_JSON_ERROR;
        }
      else if (c == CH_EOF)
        return fault_at (r, error, start, OCC_ERROR_SYNTAX,
                         "the input ends inside this string");
      else if (c == CH_IOERR)
        return io_error (r, error);
      else if (c == 0)
        return syntax_error (r, error, r->p,
                             "a NUL byte; JSON text cannot hold one");
      else if (c < 0x20)
        return syntax_error (r, error, r->p,
                             "a control character (U+%04X) inside a "
                             "string: JSON writes it as an escape (%s)",
                             (unsigned) c,
                             c == '\n'   ? "\\n"
                             : c == '\t' ? "\\t"
                             : c == '\r' ? "\\r"
                                         : "\\u00XX");
      else if (c >= 0x80)
        {
          OccJsonPos at = pos_of (r, r->p);
          guchar bytes[4];
          int n = read_utf8 (r, bytes);

          if (n == 0)
            return not_utf8 (r, error, at);
          text_append (r, bytes, (gsize) n);
          r->line_extra += n - 1;
        }
    }
}

/* Numbers and words -------------------------------------------------- */

static inline gboolean
is_delimiter (int c)
{
  return c < 0 || c == ',' || c == ']' || c == '}' || c == ' ' || c == '\n'
         || c == '\t' || c == '\r';
}

static OccJsonToken read_number_slow (OccJsonReader *r, GError **error);

/* A number, r->p at its first character. Most are one or two digits (a
 * score, a count): read those straight from the window. */
static inline OccJsonToken
read_number (OccJsonReader *r, GError **error)
{
  const guchar *p = r->p, *end = r->end;
  gint64 value = 0;

  if (end - p >= 4 && p[0] >= '1' && p[0] <= '9')
    {
      value = p[0] - '0';
      p++;
      if (*p >= '0' && *p <= '9')
        value = value * 10 + (*p++ - '0');
    }
  else if (end - p >= 4 && p[0] == '0')
    p++;
  else
    return read_number_slow (r, error);
  /* Anything but a delimiter after it, and the slow path says what. */
  if (!is_delimiter (*p))
    return read_number_slow (r, error);
  r->p = p;
  r->is_integer = TRUE;
  r->integer = value;
  r->number = (double) value;
  return OCC_JSON_NUMBER;
}

static OccJsonToken
read_number_slow (OccJsonReader *r, GError **error)
{
  OccJsonPos start = r->pos;
  char *text = r->number_text;
  gsize n = 0;
  guint64 magnitude = 0;
  gboolean negative = FALSE, overflow = FALSE, fraction = FALSE;
  int c = peek (r);

#define TAKE()                                                               \
  G_STMT_START                                                               \
  {                                                                          \
    if (n == OCC_MAX_NUMBER_LENGTH)                                          \
      return fault_at (r, error, start, OCC_ERROR_LIMIT,                     \
                       "a number of more than %d characters",                \
                       OCC_MAX_NUMBER_LENGTH);                               \
    text[n++] = (char) c;                                                    \
    r->p++;                                                                  \
    c = peek (r);                                                            \
  }                                                                          \
  G_STMT_END

  if (c == '-')
    {
      negative = TRUE;
      TAKE ();
    }
  if (c == '0')
    {
      TAKE ();
      if (c >= '0' && c <= '9')
        return fault_at (r, error, start, OCC_ERROR_SYNTAX,
                         "a number with a leading zero: JSON writes 7, "
                         "not 07");
      if (c == 'x' || c == 'X')
        return fault_at (r, error, start, OCC_ERROR_SYNTAX,
                         "a hexadecimal number: JSON numbers are "
                         "decimal");
    }
  else if (c >= '1' && c <= '9')
    while (c >= '0' && c <= '9')
      {
        if (magnitude > (G_MAXUINT64 - 9) / 10)
          overflow = TRUE;
        magnitude = magnitude * 10 + (guint64) (c - '0');
        TAKE ();
      }
  else
    return fault_at (r, error, start, OCC_ERROR_SYNTAX,
                     c == 'I' ? "-Infinity is not a JSON number"
                              : "a minus sign without digits after it");
  if (c == '.')
    {
      fraction = TRUE;
      TAKE ();
      if (!(c >= '0' && c <= '9'))
        return fault_at (r, error, start, OCC_ERROR_SYNTAX,
                         "a decimal point without digits after it: "
                         "JSON writes 2 or 2.0, not 2.");
      while (c >= '0' && c <= '9')
        TAKE ();
    }
  if (c == 'e' || c == 'E')
    {
      fraction = TRUE;
      TAKE ();
      if (c == '+' || c == '-')
        TAKE ();
      if (!(c >= '0' && c <= '9'))
        return fault_at (r, error, start, OCC_ERROR_SYNTAX,
                         "an exponent without digits");
      while (c >= '0' && c <= '9')
        TAKE ();
    }
#undef TAKE
  if (c == CH_IOERR)
    return io_error (r, error);
  if (!is_delimiter (c))
    return syntax_error (r, error, r->p,
                         "unexpected character after the number %.*s",
                         (int) MIN (n, 40), text);
  text[n] = '\0';
  if (!fraction && !overflow
      && magnitude
           <= (negative ? (guint64) G_MAXINT64 + 1 : (guint64) G_MAXINT64))
    {
      r->is_integer = TRUE;
      r->integer = negative ? (gint64) (0 - magnitude) : (gint64) magnitude;
      r->number = (double) r->integer;
      return OCC_JSON_NUMBER;
    }
  /* An integer that does not fit 64 bits: json-glib (and most readers
   * that keep integers as such) would wrap it round, so a value that
   * reads differently elsewhere is refused. With an exponent it is a
   * floating-point number everywhere. */
  if (!fraction)
    return fault_at (r, error, start, OCC_ERROR_RANGE,
                     "%.*s%s is an integer beyond 64 bits (±%" G_GINT64_FORMAT
                     "); write it with an exponent, "
                     "as 9.3e18, for a floating-point value",
                     (int) MIN (n, 40), text, n > 40 ? "…" : "", G_MAXINT64);
  r->is_integer = FALSE;
  r->number = g_ascii_strtod (text, NULL);
  if (!isfinite (r->number))
    return fault_at (r, error, start, OCC_ERROR_RANGE,
                     "%.*s%s is too large a number (beyond "
                     "±1.8e308)",
                     (int) MIN (n, 40), text, n > 40 ? "…" : "");
  return OCC_JSON_NUMBER;
}

static OccJsonToken
read_word (OccJsonReader *r, GError **error)
{
  OccJsonPos start = pos_of (r, r->p);
  char word[16];
  gsize n = 0;
  int c;

  while ((c = peek (r)) >= 0 && g_ascii_isalpha (c))
    {
      if (n + 1 < sizeof word)
        word[n++] = (char) c;
      r->p++;
    }
  word[n] = '\0';
  if (c == CH_IOERR)
    return io_error (r, error);
  if (g_str_equal (word, "true"))
    return OCC_JSON_TRUE;
  if (g_str_equal (word, "false"))
    return OCC_JSON_FALSE;
  if (g_str_equal (word, "null"))
    return OCC_JSON_NULL;
  if (g_str_equal (word, "NaN") || g_str_equal (word, "Infinity"))
    return fault_at (r, error, start, OCC_ERROR_SYNTAX,
                     "%s is not a JSON number", word);
  return fault_at (r, error, start, OCC_ERROR_SYNTAX,
                   "unexpected word `%s%s': JSON has true, false and "
                   "null, and strings in double quotes",
                   word, n + 1 == sizeof word ? "…" : "");
}

/* What a character that cannot start a value is, for the message. */
static OccJsonToken
unexpected (OccJsonReader *r, GError **error, int c, const char *expected)
{
  OccJsonPos at = pos_of (r, r->p);

  if (c == CH_IOERR)
    return io_error (r, error);
  if (c == CH_EOF && r->depth == r->base_depth && offset_of (r, r->p) == 0)
    return fault_at (r, error, at, OCC_ERROR_SYNTAX,
                     "empty input, expected a JSON value");
  if (c == CH_EOF && r->depth == r->base_depth)
    return fault_at (r, error, at, OCC_ERROR_SYNTAX,
                     "no JSON value in the input");
  if (c == CH_EOF)
    return fault_at (r, error, at, OCC_ERROR_SYNTAX,
                     "the input ends where %s was expected", expected);
  if (c == '\'')
    return syntax_error (r, error, r->p,
                         "unexpected character `'': single-quoted strings "
                         "are not JSON");
  if (c == '/' || c == '#')
    return syntax_error (r, error, r->p,
                         "unexpected character `%c': comments are not JSON",
                         c);
  if (c == '.' || c == '+')
    return syntax_error (r, error, r->p,
                         "a number cannot start with `%c': JSON writes "
                         "0.5 and 1, not .5 and +1",
                         c);
  if (c == 0)
    return syntax_error (r, error, r->p,
                         "a NUL byte; JSON text cannot hold one");
  if (c >= 0x80)
    {
      guchar bytes[4];
      int n = read_utf8 (r, bytes);
      gunichar u;

      if (n == 0)
        return not_utf8 (r, error, at);
      u = g_utf8_get_char ((const char *) bytes);
      if (u == 0xfeff)
        return fault_at (r, error, at, OCC_ERROR_SYNTAX,
                         "a byte order mark (U+FEFF): JSON text does not "
                         "start with one; save the file as UTF-8 without "
                         "a BOM");
      return fault_at (r, error, at, OCC_ERROR_SYNTAX,
                       "unexpected character U+%04X where %s was "
                       "expected",
                       u, expected);
    }
  if (c < 0x20 || c == 0x7f)
    return syntax_error (r, error, r->p,
                         "unexpected control character U+%04X where %s "
                         "was expected",
                         (unsigned) c, expected);
  return syntax_error (r, error, r->p,
                       "unexpected character `%c' where %s was expected", c,
                       expected);
}

/* Containers --------------------------------------------------------- */

static OccJsonToken
push (OccJsonReader *r, gboolean array, GError **error)
{
  Frame *f;

  if (r->depth >= OCC_MAX_JSON_DEPTH)
    {
      /* Without the path: 48 levels of it say nothing. */
      OccJsonPos at = pos_of (r, r->p);
      occ_set_error_at (error, OCC_ERROR_LIMIT, r->source, at.line, at.column,
                        NULL, "nesting deeper than %d levels",
                        OCC_MAX_JSON_DEPTH);
      r->failed = TRUE;
      return OCC_JSON_ERROR;
    }
  f = &r->frames[r->depth++];
  f->array = array;
  f->index = 0;
  if (!array)
    {
      f->keys_length = 0;
      f->n_records = 0;
      if (G_UNLIKELY (f->named != NULL))
        g_clear_pointer (&f->named, g_hash_table_unref);
    }
  r->p++;
  r->expect = array ? EXPECT_VALUE_OR_END : EXPECT_KEY_OR_END;
  return array ? OCC_JSON_ARRAY_BEGIN : OCC_JSON_OBJECT_BEGIN;
}

static inline void
after_value (OccJsonReader *r)
{
  r->expect = r->depth == r->base_depth ? EXPECT_EOF : EXPECT_COMMA_OR_END;
}

static OccJsonToken
pop (OccJsonReader *r)
{
  gboolean array = r->frames[r->depth - 1].array;

  r->p++;
  r->depth--;
  after_value (r);
  return array ? OCC_JSON_ARRAY_END : OCC_JSON_OBJECT_END;
}

static const char *
key_at (const Frame *f, guint i)
{
  return f->keys + f->records[i].offset;
}

/* The member name in r->text, for the object on top: refused when the
 * object already has one of that name (occ-v1 §6, revision 2). */
static OccJsonToken
add_key (OccJsonReader *r, GError **error)
{
  Frame *f = &r->frames[r->depth - 1];
  const char *name = (const char *) r->text;
  guint n = f->n_records, earlier = 0;

  if (G_UNLIKELY (n >= OCC_MAX_JSON_MEMBERS))
    return fault_at (r, error, r->pos, OCC_ERROR_LIMIT,
                     "an object of more than %u members",
                     OCC_MAX_JSON_MEMBERS);
  if (G_UNLIKELY (f->named != NULL))
    earlier = GPOINTER_TO_UINT (g_hash_table_lookup (f->named, name));
  else
    for (guint i = 0; i < n; i++)
      {
        const KeyRecord *k = &f->records[i];
        if (k->length == r->text_length
            && memcmp (f->keys + k->offset, name, r->text_length) == 0)
          {
            earlier = i + 1;
            break;
          }
      }
  frame_add_key (f, name, r->text_length, r->pos);
  if (G_UNLIKELY (earlier != 0))
    {
      OccJsonPos first = f->records[earlier - 1].pos;
      occ_json_reader_error (r, error, OCC_ERROR_DUPLICATE,
                             "member \"%s\" is listed twice (first at "
                             "%u:%u); JSON objects name each member once",
                             name, first.line, first.column);
      r->failed = TRUE;
      return OCC_JSON_ERROR;
    }
  if (G_UNLIKELY (f->named == NULL && f->n_records > LINEAR_KEYS))
    {
      f->named = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                        NULL);
      for (guint i = 0; i < f->n_records; i++)
        g_hash_table_insert (f->named, g_strdup (key_at (f, i)),
                             GUINT_TO_POINTER (i + 1));
    }
  else if (G_UNLIKELY (f->named != NULL))
    g_hash_table_insert (f->named, g_strdup (name),
                         GUINT_TO_POINTER (f->n_records));
  r->expect = EXPECT_COLON;
  return OCC_JSON_KEY;
}

/* Tokens ------------------------------------------------------------- */

static inline void
mark (OccJsonReader *r)
{
  r->pos = pos_of (r, r->p);
  r->token_offset = offset_of (r, r->p);
}

static OccJsonToken
read_key (OccJsonReader *r, int c, GError **error)
{
  if (c != '"')
    return unexpected (r, error, c, "a member name in double quotes");
  if (read_string (r, OCC_JSON_KEY, error) == OCC_JSON_ERROR)
    return OCC_JSON_ERROR;
  return add_key (r, error);
}

static OccJsonToken
read_value (OccJsonReader *r, int c, GError **error)
{
  OccJsonToken token;

  if (r->depth > 0 && r->frames[r->depth - 1].array)
    r->frames[r->depth - 1].index++;
  switch (c)
    {
    case '{':
      return push (r, FALSE, error);
    case '[':
      return push (r, TRUE, error);
    case '"':
      token = read_string (r, OCC_JSON_STRING, error);
      break;
    case '-':
    case '0':
    case '1':
    case '2':
    case '3':
    case '4':
    case '5':
    case '6':
    case '7':
    case '8':
    case '9':
      token = read_number (r, error);
      break;
    default:
      if (c >= 0 && g_ascii_isalpha (c))
        token = read_word (r, error);
      else
        return unexpected (r, error, c, "a value");
    }
  if (token != OCC_JSON_ERROR)
    after_value (r);
  return token;
}

static OccJsonToken
next_token (OccJsonReader *r, GError **error)
{
  int c;

  if (r->failed)
    {
      g_set_error (error, OCC_ERROR, OCC_ERROR_SYNTAX,
                   "%s: the JSON reader already failed", r->source);
      return OCC_JSON_ERROR;
    }
  c = skip_space (r);
  /* The place of the token: set where one starts, not at a `:' or `,'
   * between (this is the reader's inner loop). */
  if (r->expect != EXPECT_COMMA_OR_END && r->expect != EXPECT_COLON)
    mark (r);
  switch (r->expect)
    {
    case EXPECT_EOF:
      if (c == CH_EOF)
        return OCC_JSON_END;
      if (c == CH_IOERR)
        return io_error (r, error);
      return syntax_error (r, error, r->p,
                           "text after the end of the JSON document; a "
                           "file holds one document");
    case EXPECT_COLON:
      if (c != ':')
        {
          mark (r);
          return unexpected (r, error, c, "`:' after the member name");
        }
      r->p++;
      c = skip_space (r);
      mark (r);
      return read_value (r, c, error);
    case EXPECT_KEY_OR_END:
      if (c == '}')
        return pop (r);
      return read_key (r, c, error);
    case EXPECT_VALUE_OR_END:
      if (c == ']')
        return pop (r);
      return read_value (r, c, error);
    case EXPECT_COMMA_OR_END:
      {
        gboolean array = r->frames[r->depth - 1].array;
        char close = array ? ']' : '}';

        if (c == close)
          {
            mark (r);
            return pop (r);
          }
        if (c != ',')
          {
            mark (r);
            return unexpected (r, error, c,
                               array ? "`,' or `]'" : "`,' or `}'");
          }
        r->p++;
        c = skip_space (r);
        mark (r);
        if (c == close)
          return syntax_error (r, error, r->p,
                               "a comma before `%c': JSON has no trailing "
                               "commas",
                               close);
        return array ? read_value (r, c, error) : read_key (r, c, error);
      }
    case EXPECT_VALUE:
    default:
      return read_value (r, c, error);
    }
}

OccJsonToken
occ_json_reader_next (OccJsonReader *r, GError **error)
{
  return r->token = next_token (r, error);
}

OccJsonToken
occ_json_reader_token (const OccJsonReader *r)
{
  return r->token;
}

const char *
occ_json_token_kind (OccJsonToken token)
{
  switch (token)
    {
    case OCC_JSON_OBJECT_BEGIN:
      return "an object";
    case OCC_JSON_ARRAY_BEGIN:
      return "an array";
    case OCC_JSON_STRING:
      return "a string";
    case OCC_JSON_NUMBER:
      return "a number";
    case OCC_JSON_TRUE:
    case OCC_JSON_FALSE:
      return "a boolean";
    case OCC_JSON_NULL:
      return "null";
    default:
      return "nothing";
    }
}

OccJsonPos
occ_json_reader_pos (const OccJsonReader *r)
{
  return r->pos;
}

const char *
occ_json_reader_text (const OccJsonReader *r, gsize *length)
{
  if (length != NULL)
    *length = r->text_length;
  return (const char *) r->text;
}

double
occ_json_reader_number (const OccJsonReader *r, gboolean *is_integer,
                        gint64 *integer)
{
  if (is_integer != NULL)
    *is_integer = r->is_integer;
  if (integer != NULL)
    *integer = r->integer;
  return r->number;
}

const char *
occ_json_reader_source (const OccJsonReader *r)
{
  return r->source;
}

gboolean
occ_json_reader_skip (OccJsonReader *r, GError **error)
{
  guint depth = r->depth;
  OccJsonToken token;

  /* The value's first token was read: a container is open on top. */
  if (r->expect != EXPECT_VALUE_OR_END && r->expect != EXPECT_KEY_OR_END)
    return TRUE;
  while (r->depth >= depth)
    if ((token = occ_json_reader_next (r, error)) == OCC_JSON_ERROR)
      return FALSE;
  return TRUE;
}

GBytes *
occ_json_reader_capture (OccJsonReader *r, GError **error)
{
  const guchar *first;
  gint64 offset = r->token_offset;

  if (r->stream == NULL)
    {
      first = r->start + (offset - r->base);
      if (!occ_json_reader_skip (r, error))
        return NULL;
      return g_bytes_new_static (first, (gsize) (r->p - first));
    }
  /* The token was one byte ({ or [) and is still in the window; a
   * scalar is read whole already and may not be. */
  g_return_val_if_fail (r->expect == EXPECT_VALUE_OR_END
                          || r->expect == EXPECT_KEY_OR_END,
                        NULL);
  r->capture = g_byte_array_new ();
  r->capture_from = r->p - 1;
  if (!occ_json_reader_skip (r, error))
    {
      g_clear_pointer (&r->capture, g_byte_array_unref);
      return NULL;
    }
  if (r->capture_overflow
      || r->capture->len + (guint64) (r->p - r->capture_from)
           > G_MAXUINT32 / 2)
    {
      g_clear_pointer (&r->capture, g_byte_array_unref);
      occ_json_reader_error (r, error, OCC_ERROR_LIMIT,
                             "more than 2 GiB of records before the "
                             "members they name; put them after those");
      r->failed = TRUE;
      return NULL;
    }
  g_byte_array_append (r->capture, r->capture_from,
                       (guint) (r->p - r->capture_from));
  return g_byte_array_free_to_bytes (g_steal_pointer (&r->capture));
}

OccJsonReader *
occ_json_reader_new_for_fragment (const OccJsonReader *parent,
                                  GBytes *captured, OccJsonPos pos,
                                  const char *member)
{
  gsize length;
  const char *data = g_bytes_get_data (captured, &length);
  OccJsonReader *r = occ_json_reader_new_for_data (data, length,
                                                   parent->source);
  Frame *f = &r->frames[0];

  r->data = g_bytes_ref (captured);
  r->line = pos.line;
  r->line_start = -(gint64) (pos.column - 1);
  frame_add_key (f, member, strlen (member), pos);
  r->depth = r->base_depth = 1;
  return r;
}

/* Trees -------------------------------------------------------------- */

struct _OccJsonPlaces
{
  gint ref_count;
  char *source;
  JsonNode *root;
  GHashTable *index; /* JsonNode → index + 1 into positions */
  GArray *positions; /* OccJsonPos */
};

OccJsonPlaces *
occ_json_places_new (const char *source)
{
  OccJsonPlaces *places = g_new0 (OccJsonPlaces, 1);

  places->ref_count = 1;
  places->source = g_strdup (source);
  places->index = g_hash_table_new (NULL, NULL);
  places->positions = g_array_new (FALSE, FALSE, sizeof (OccJsonPos));
  return places;
}

static void
place (OccJsonPlaces *places, JsonNode *node, OccJsonPos pos)
{
  if (places == NULL)
    return;
  g_array_append_val (places->positions, pos);
  g_hash_table_insert (places->index, node,
                       GUINT_TO_POINTER (places->positions->len));
}

void
occ_json_places_unref (OccJsonPlaces *places)
{
  if (places == NULL || !g_atomic_int_dec_and_test (&places->ref_count))
    return;
  g_free (places->source);
  g_clear_pointer (&places->root, json_node_unref);
  g_hash_table_unref (places->index);
  g_array_unref (places->positions);
  g_free (places);
}

void
occ_json_places_set_root (OccJsonPlaces *places, JsonNode *root,
                          OccJsonPos pos)
{
  g_clear_pointer (&places->root, json_node_unref);
  places->root = json_node_ref (root);
  place (places, root, pos);
}

const char *
occ_json_places_source (const OccJsonPlaces *places)
{
  return places->source;
}

JsonNode *
occ_json_places_root (const OccJsonPlaces *places)
{
  return places->root;
}

gboolean
occ_json_places_lookup (const OccJsonPlaces *places, const JsonNode *node,
                        OccJsonPos *pos)
{
  guint i = GPOINTER_TO_UINT (g_hash_table_lookup (places->index, node));

  if (i == 0)
    return FALSE;
  *pos = g_array_index (places->positions, OccJsonPos, i - 1);
  return TRUE;
}

/* Recursion is bounded by OCC_MAX_JSON_DEPTH. */
static JsonNode *
build (OccJsonReader *r, OccJsonToken token, OccJsonPlaces *places,
       GError **error)
{
  JsonNode *node;
  OccJsonPos pos = r->pos;

  switch (token)
    {
    case OCC_JSON_OBJECT_BEGIN:
      {
        JsonObject *object = json_object_new ();

        node = json_node_init_object (json_node_alloc (), object);
        json_object_unref (object);
        place (places, node, pos);
        while ((token = occ_json_reader_next (r, error)) == OCC_JSON_KEY)
          {
            g_autofree char *name = g_strdup ((const char *) r->text);
            JsonNode *value;

            token = occ_json_reader_next (r, error);
            if (!(value = build (r, token, places, error)))
              {
                json_node_unref (node);
                return NULL;
              }
            json_object_set_member (object, name, value);
          }
        break;
      }
    case OCC_JSON_ARRAY_BEGIN:
      {
        JsonArray *array = json_array_new ();

        node = json_node_init_array (json_node_alloc (), array);
        json_array_unref (array);
        place (places, node, pos);
        while ((token = occ_json_reader_next (r, error)) != OCC_JSON_ERROR
               && token != OCC_JSON_ARRAY_END)
          {
            JsonNode *value = build (r, token, places, error);

            if (value == NULL)
              {
                json_node_unref (node);
                return NULL;
              }
            json_array_add_element (array, value);
          }
        break;
      }
    case OCC_JSON_STRING:
      node = json_node_init_string (json_node_alloc (),
                                    (const char *) r->text);
      place (places, node, pos);
      return node;
    case OCC_JSON_NUMBER:
      node = r->is_integer
               ? json_node_init_int (json_node_alloc (), r->integer)
               : json_node_init_double (json_node_alloc (), r->number);
      place (places, node, pos);
      return node;
    case OCC_JSON_TRUE:
    case OCC_JSON_FALSE:
      node = json_node_init_boolean (json_node_alloc (),
                                     token == OCC_JSON_TRUE);
      place (places, node, pos);
      return node;
    case OCC_JSON_NULL:
      node = json_node_init_null (json_node_alloc ());
      place (places, node, pos);
      return node;
    case OCC_JSON_ERROR:
    default:
      return NULL;
    }
  if (token == OCC_JSON_ERROR)
    {
      json_node_unref (node);
      return NULL;
    }
  return node;
}

JsonNode *
occ_json_reader_build (OccJsonReader *r, OccJsonPlaces **places_out,
                       GError **error)
{
  g_autoptr (OccJsonPlaces) places = places_out
                                       ? occ_json_places_new (r->source)
                                       : NULL;
  JsonNode *node = build (r, r->failed ? OCC_JSON_ERROR : r->token, places,
                          error);

  if (node != NULL && places_out != NULL)
    {
      places->root = json_node_ref (node);
      *places_out = g_steal_pointer (&places);
    }
  return node;
}

JsonNode *
occ_json_reader_build_into (OccJsonReader *r, OccJsonPlaces *places,
                            GError **error)
{
  return build (r, r->failed ? OCC_JSON_ERROR : r->token, places, error);
}

JsonNode *
occ_json_parse_with_places (const char *data, gsize length,
                            const char *source, OccJsonPlaces **places,
                            GError **error)
{
  g_autoptr (OccJsonReader) r = occ_json_reader_new_for_data (data, length,
                                                              source);
  g_autoptr (JsonNode) root = NULL;
  OccJsonPlaces *built = NULL;

  if (occ_json_reader_next (r, error) == OCC_JSON_ERROR)
    return NULL;
  root = occ_json_reader_build (r, places ? &built : NULL, error);
  if (root == NULL)
    return NULL;
  if (occ_json_reader_next (r, error) != OCC_JSON_END)
    {
      g_clear_pointer (&built, occ_json_places_unref);
      return NULL;
    }
  if (places != NULL)
    *places = built;
  return g_steal_pointer (&root);
}

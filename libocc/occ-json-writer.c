/* occ-json-writer.c: JSON straight into a GString
 *
 * libocc writes large documents (every rating of a dataset, every score of
 * a results table), so it writes text directly instead of building a
 * JsonNode tree first.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <math.h>

#include "occ-json-private.h"

void
occ_json_writer_init (OccJsonWriter *w, GString *out)
{
  w->out = out;
  w->depth = 0;
  w->comma = 0;
}

/* Appending without a call into GLib for the common case: the writer
 * appends a few bytes at a time, millions of times for a large dataset. */
static inline void
put_len (GString *out, const char *text, gsize n)
{
  if (G_LIKELY (out->len + n < out->allocated_len))
    {
      memcpy (out->str + out->len, text, n);
      out->len += n;
      out->str[out->len] = '\0';
    }
  else
    g_string_append_len (out, text, (gssize) n);
}

static inline void
put (GString *out, const char *text)
{
  put_len (out, text, strlen (text));
}

static inline void
put_c (GString *out, char c)
{
  put_len (out, &c, 1);
}

/* Bytes a JSON string cannot hold as they are, DEL, and the lead bytes
 * of the characters that could steer a terminal showing the JSON: C1
 * controls (C2 80..9F), U+061C (D8 9C), and the bidirectional marks,
 * embeddings, overrides and isolates and U+2028/9 (E2 80 8E.., E2 81
 * A6..). The lead bytes are then looked at whole (steering_length()). */
static inline gboolean
needs_escape (unsigned char c)
{
  return c < 0x20 || c == '"' || c == '\\' || c == 0x7f || c == 0xc2
         || c == 0xd8 || c == 0xe2;
}

/* The length of the character at @s when it is one to write as \uXXXX
 * (see needs_escape()), else 0; *@code is its code point. */
static gsize
steering_length (const unsigned char *s, gunichar *code)
{
  if (s[0] == 0xc2 && s[1] >= 0x80 && s[1] <= 0x9f)
    {
      *code = 0x80 + (s[1] - 0x80);
      return 2;
    }
  if (s[0] == 0xd8 && s[1] == 0x9c)
    {
      *code = 0x061c;
      return 2;
    }
  if (s[0] == 0xe2 && (s[1] == 0x80 || s[1] == 0x81) && s[2] >= 0x80
      && s[2] <= 0xbf)
    {
      gunichar c = 0x2000 + (gunichar) (s[1] - 0x80) * 64 + (s[2] - 0x80);

      if (c == 0x200e || c == 0x200f || (c >= 0x2028 && c <= 0x202e)
          || (c >= 0x2066 && c <= 0x2069))
        {
          *code = c;
          return 3;
        }
    }
  return 0;
}

static void
append_escaped (GString *out, const char *s)
{
  put_c (out, '"');
  while (*s)
    {
      const char *run = s;

      /* Ids and labels rarely need escaping: copy runs, not bytes. */
      while (*s && !needs_escape ((unsigned char) *s))
        s++;
      if (s > run)
        put_len (out, run, (gsize) (s - run));
      if (*s == '\0')
        break;
      if ((unsigned char) *s >= 0x80)
        {
          gunichar code;
          gsize n = steering_length ((const unsigned char *) s, &code);

          if (n == 0)
            put_c (out, *s++); /* another character: as it is */
          else
            {
              g_string_append_printf (out, "\\u%04x", code);
              s += n;
            }
          continue;
        }
      switch (*s)
        {
        case '"':
          put (out, "\\\"");
          break;
        case '\\':
          put (out, "\\\\");
          break;
        case '\n':
          put (out, "\\n");
          break;
        case '\r':
          put (out, "\\r");
          break;
        case '\t':
          put (out, "\\t");
          break;
        default:
          g_string_append_printf (out, "\\u%04x", (unsigned char) *s);
        }
      s++;
    }
  put_c (out, '"');
}

static void
indent (GString *out, guint depth)
{
  static const char spaces[] = "                                        "
                               "                                        ";

  for (guint n = 2 * depth; n > 0;)
    {
      guint chunk = MIN (n, (guint) sizeof spaces - 1);
      put_len (out, spaces, chunk);
      n -= chunk;
    }
}

/* Start a value at the current depth: comma, newline, indent, key. */
static void
begin_value (OccJsonWriter *w, const char *key)
{
  guint64 bit = G_GUINT64_CONSTANT (1) << (w->depth & 63);

  if (w->depth > 0)
    {
      if (w->comma & bit)
        put_c (w->out, ',');
      put_c (w->out, '\n');
      indent (w->out, w->depth);
    }
  w->comma |= bit;
  if (key != NULL)
    {
      append_escaped (w->out, key);
      put (w->out, ": ");
    }
}

static void
open_container (OccJsonWriter *w, const char *key, char bracket)
{
  begin_value (w, key);
  put_c (w->out, bracket);
  w->depth++;
  w->comma &= ~(G_GUINT64_CONSTANT (1) << (w->depth & 63));
}

static void
close_container (OccJsonWriter *w, char bracket)
{
  gboolean had_items = (w->comma >> (w->depth & 63)) & 1;

  w->depth--;
  if (had_items)
    {
      put_c (w->out, '\n');
      indent (w->out, w->depth);
    }
  put_c (w->out, bracket);
  if (w->depth == 0)
    put_c (w->out, '\n');
}

void
occ_json_begin_object (OccJsonWriter *w, const char *key)
{
  open_container (w, key, '{');
}

void
occ_json_end_object (OccJsonWriter *w)
{
  close_container (w, '}');
}

void
occ_json_begin_array (OccJsonWriter *w, const char *key)
{
  open_container (w, key, '[');
}

void
occ_json_end_array (OccJsonWriter *w)
{
  close_container (w, ']');
}

void
occ_json_put_string (OccJsonWriter *w, const char *key, const char *value)
{
  begin_value (w, key);
  append_escaped (w->out, value);
}

/* The shortest of %.15g, %.16g and %.17g that reads back as the same
 * double, by printf and strtod. */
static void
format_double_printf (char buf[G_ASCII_DTOSTR_BUF_SIZE], double value)
{
  static const char *const formats[] = { "%.15g", "%.16g", "%.17g" };

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_ascii_formatd (buf, G_ASCII_DTOSTR_BUF_SIZE, formats[i], value);
      if (g_ascii_strtod (buf, NULL) == value)
        break;
    }
}

typedef unsigned __int128 occ_u128;
typedef __int128 occ_i128;

/* clang-format off */
static const guint64 powers_of_ten[20] = {
  1ull, 10ull, 100ull, 1000ull, 10000ull, 100000ull, 1000000ull,
  10000000ull, 100000000ull, 1000000000ull, 10000000000ull,
  100000000000ull, 1000000000000ull, 10000000000000ull,
  100000000000000ull, 1000000000000000ull, 10000000000000000ull,
  100000000000000000ull, 1000000000000000000ull, 10000000000000000000ull,
};
/* clang-format on */

/* 10^e for 0 <= e <= 21 */
static inline occ_u128
pow10_u128 (int e)
{
  if (e < 20)
    return powers_of_ten[e];
  return (occ_u128) powers_of_ten[19] * powers_of_ten[e - 19];
}

/* |a| = m / 2^k >= 10^x, exactly. */
static gboolean
at_least_pow10 (guint64 m, int k, int x)
{
  if (x >= 0)
    return (occ_u128) m >= (pow10_u128 (x) << k);
  return (occ_u128) m * pow10_u128 (-x) >= ((occ_u128) 1 << k);
}

/* D / 10^s reads back as m / 2^k: it lies within half a gap of it, or on
 * the boundary with m even (strtod rounds ties to even). Below a power of
 * two the gap is half as wide. */
static gboolean
reads_back (guint64 m, int k, occ_u128 d, int s)
{
  occ_i128 diff = (occ_i128) (d << k)
                  - (occ_i128) ((occ_u128) m * pow10_u128 (s));
  occ_i128 scale = (occ_i128) pow10_u128 (s);
  occ_i128 twice = diff >= 0 ? 2 * diff : -2 * diff;

  if (diff < 0 && m == (G_GUINT64_CONSTANT (1) << 52))
    twice *= 2;
  return twice < scale || (twice == scale && (m & 1) == 0);
}

/* printf's %.{p}g of @value, in exact integer arithmetic, for a value
 * between 10^-4 and 10^14 (where %g is fixed-point): the digits are those
 * of the value times 10^s, rounded half to even as glibc rounds. Writes
 * the shortest that reads back, as format_double_printf() does, and is
 * that function's result to the byte (tests/api/test-format-double.c)
 * without its multi-precision printf and strtod. */
static gboolean
format_double_exact (char buf[G_ASCII_DTOSTR_BUF_SIZE], double value)
{
  double a = fabs (value);
  int e, x, k;
  guint64 m;
  char *p = buf;

  if (!(a >= 1e-4 && a < 1e14))
    return FALSE;
  m = (guint64) ldexp (frexp (a, &e), 53); /* a = m / 2^k, m 53 bits */
  k = 53 - e;
  /* log10 (2^(e-1)) <= log10 (a) < log10 (2^e): an estimate within one
   * of the decimal exponent, which the exact comparisons below settle. */
  x = (int) floor ((e - 1) * 0.30102999566398120);
  while (!at_least_pow10 (m, k, x))
    x--;
  while (at_least_pow10 (m, k, x + 1))
    x++;
  for (int digits = 15; digits <= 17; digits++)
    {
      int s = digits - 1 - x, point, last;
      occ_u128 n = (occ_u128) m * pow10_u128 (s);
      occ_u128 d = n >> k, rem = n - (d << k), half = (occ_u128) 1 << (k - 1);
      char text[24];

      if (rem > half || (rem == half && (d & 1)))
        d++;
      if (d == pow10_u128 (digits)) /* 9.99… rounded up to 10.0… */
        {
          d /= 10;
          s--;
        }
      if (!reads_back (m, k, d, s) && digits < 17)
        continue;
      /* d < 10^17: the digits come out of 64-bit arithmetic. */
      for (guint64 d64 = (guint64) d, i = digits; i-- > 0; d64 /= 10)
        text[i] = (char) ('0' + (int) (d64 % 10));
      point = digits - s; /* digits before the decimal point */
      for (last = digits; last > MAX (point, 0) && text[last - 1] == '0';)
        last--;
      if (value < 0)
        *p++ = '-';
      if (point <= 0)
        {
          *p++ = '0';
          *p++ = '.';
          for (int i = point; i < 0; i++)
            *p++ = '0';
        }
      for (int i = 0; i < last; i++)
        {
          if (i == point && point > 0)
            *p++ = '.';
          *p++ = text[i];
        }
      *p = '\0';
      return TRUE;
    }
  g_assert_not_reached ();
}

/* The shortest of %.15g, %.16g and %.17g that reads back as the same
 * finite double: full precision without printing 1.33 as
 * 1.3300000000000001 ("2" for 2, as CSV and tables write it). */
void
occ_format_double_shortest (char buf[G_ASCII_DTOSTR_BUF_SIZE], double value)
{
  if (!format_double_exact (buf, value))
    format_double_printf (buf, value);
}

/* As occ_format_double_shortest(), for JSON: "2.0", not "2". */
void
occ_format_double (char buf[G_ASCII_DTOSTR_BUF_SIZE], double value)
{
  if (G_UNLIKELY (!isfinite (value)))
    {
      /* Never reached (docs/reliability.md, Numerics): a bug, said
       * loudly, but the document stays JSON. */
      g_critical ("%s: %g is not finite", G_STRFUNC, value);
      g_strlcpy (buf, "null", G_ASCII_DTOSTR_BUF_SIZE);
      return;
    }
  occ_format_double_shortest (buf, value);
  /* Keep the JSON type a float: "2.0", not "2". */
  if (strpbrk (buf, ".eEn") == NULL)
    g_strlcat (buf, ".0", G_ASCII_DTOSTR_BUF_SIZE);
}

void
occ_json_put_double (OccJsonWriter *w, const char *key, double value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  occ_format_double (buf, value == 0 ? 0.0 : value);
  begin_value (w, key);
  put (w->out, buf);
}

void
occ_json_put_int (OccJsonWriter *w, const char *key, gint64 value)
{
  char buf[OCC_INT_BUF_SIZE];
  gsize n;
  const char *text = occ_format_int (buf, value, &n);

  begin_value (w, key);
  put_len (w->out, text, n);
}

void
occ_json_put_bool (OccJsonWriter *w, const char *key, gboolean value)
{
  begin_value (w, key);
  put (w->out, value ? "true" : "false");
}

void
occ_json_put_null (OccJsonWriter *w, const char *key)
{
  begin_value (w, key);
  put (w->out, "null");
}

/* @json: an already-serialized JSON value, such as kept evidence. */
void
occ_json_put_raw (OccJsonWriter *w, const char *key, const char *json)
{
  begin_value (w, key);
  put (w->out, json);
}

void
occ_json_one_line (char *text)
{
  char *out = text;

  for (const char *in = text; *in != '\0'; in++)
    if (*in == '\n')
      while (in[1] == ' ')
        in++;
    else
      *out++ = *in;
  *out = '\0';
}

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

static void
append_escaped (GString *out, const char *s)
{
  g_string_append_c (out, '"');
  for (const unsigned char *p = (const unsigned char *) s; *p; p++)
    {
      switch (*p)
        {
        case '"':
          g_string_append (out, "\\\"");
          break;
        case '\\':
          g_string_append (out, "\\\\");
          break;
        case '\n':
          g_string_append (out, "\\n");
          break;
        case '\r':
          g_string_append (out, "\\r");
          break;
        case '\t':
          g_string_append (out, "\\t");
          break;
        default:
          if (*p < 0x20)
            g_string_append_printf (out, "\\u%04x", *p);
          else
            g_string_append_c (out, (char) *p);
        }
    }
  g_string_append_c (out, '"');
}

/* Start a value at the current depth: comma, newline, indent, key. */
static void
begin_value (OccJsonWriter *w, const char *key)
{
  guint64 bit = G_GUINT64_CONSTANT (1) << (w->depth & 63);

  if (w->depth > 0)
    {
      if (w->comma & bit)
        g_string_append_c (w->out, ',');
      g_string_append_c (w->out, '\n');
      for (guint i = 0; i < w->depth; i++)
        g_string_append (w->out, "  ");
    }
  w->comma |= bit;
  if (key != NULL)
    {
      append_escaped (w->out, key);
      g_string_append (w->out, ": ");
    }
}

static void
open_container (OccJsonWriter *w, const char *key, char bracket)
{
  begin_value (w, key);
  g_string_append_c (w->out, bracket);
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
      g_string_append_c (w->out, '\n');
      for (guint i = 0; i < w->depth; i++)
        g_string_append (w->out, "  ");
    }
  g_string_append_c (w->out, bracket);
  if (w->depth == 0)
    g_string_append_c (w->out, '\n');
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
 * double: full precision without printing 1.33 as 1.3300000000000001. */
void
occ_format_double (char buf[G_ASCII_DTOSTR_BUF_SIZE], double value)
{
  static const char *const formats[] = { "%.15g", "%.16g", "%.17g" };

  if (G_UNLIKELY (!isfinite (value)))
    {
      /* Never reached (docs/reliability.md, Numerics): a bug, said
       * loudly, but the document stays JSON. */
      g_critical ("%s: %g is not finite", G_STRFUNC, value);
      g_strlcpy (buf, "null", G_ASCII_DTOSTR_BUF_SIZE);
      return;
    }
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_ascii_formatd (buf, G_ASCII_DTOSTR_BUF_SIZE, formats[i], value);
      if (g_ascii_strtod (buf, NULL) == value)
        break;
    }
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
  g_string_append (w->out, buf);
}

void
occ_json_put_int (OccJsonWriter *w, const char *key, gint64 value)
{
  begin_value (w, key);
  g_string_append_printf (w->out, "%" G_GINT64_FORMAT, value);
}

void
occ_json_put_bool (OccJsonWriter *w, const char *key, gboolean value)
{
  begin_value (w, key);
  g_string_append (w->out, value ? "true" : "false");
}

void
occ_json_put_null (OccJsonWriter *w, const char *key)
{
  begin_value (w, key);
  g_string_append (w->out, "null");
}

/* @json: an already-serialized JSON value, such as kept evidence. */
void
occ_json_put_raw (OccJsonWriter *w, const char *key, const char *json)
{
  begin_value (w, key);
  g_string_append (w->out, json);
}

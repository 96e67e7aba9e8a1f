/* occ-text.c: text from a dataset, made safe to show
 *
 * Ids, labels and titles come from files that arrive by e-mail; printed
 * as they are, an ESC byte in a label could recolour a terminal, move its
 * cursor or set its title, and a right-to-left override could show
 * "2.83" where the text says "38.2".
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <occ/occ-text.h>

#include "occ-json-private.h"

/* Characters that steer a terminal or the direction of text: C0 and DEL,
 * C1 (U+0080 to U+009F, which some terminals take as ESC sequences), and
 * the Unicode bidirectional embeddings, overrides and isolates. */
static gboolean
is_control (gunichar c)
{
  return c < 0x20 || (c >= 0x7f && c <= 0x9f) || (c >= 0x202a && c <= 0x202e)
         || (c >= 0x2066 && c <= 0x2069) || c == 0x200e || c == 0x200f
         || c == 0x061c;
}

/**
 * occ_escape_for_terminal:
 * @text: (nullable): text to show a person, such as an error message or a
 *   node's label
 *
 * @text with every character that could steer a terminal or reorder the
 * text written as a visible escape: C0 controls (line breaks included)
 * and DEL as `\x1b`, C1 controls and the bidirectional formatting
 * characters as `\u202e`, and bytes that are not UTF-8 as `\xff`.
 * Everything else, backslashes included, is kept, so escaping twice
 * changes nothing. `occ` shows every message, report and table through
 * it; do the same before printing libocc's strings (which keep the
 * dataset's text exactly) to a terminal.
 *
 * Returns: (transfer full): the escaped text, empty when @text is empty
 *   or absent
 *
 * Since: 1.2
 */
char *
occ_escape_for_terminal (const char *text)
{
  GString *out;
  const char *p, *end;

  if (text == NULL)
    return g_strdup ("");
  out = g_string_sized_new (strlen (text));
  end = text + strlen (text);
  for (p = text; p < end;)
    {
      gunichar c = g_utf8_get_char_validated (p, end - p);

      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          g_string_append_printf (out, "\\x%02x", (guchar) *p);
          p++;
          continue;
        }
      if (c < 0x80 && is_control (c))
        g_string_append_printf (out, "\\x%02x", c);
      else if (is_control (c))
        g_string_append_printf (out, "\\u%04x", c);
      else
        g_string_append_len (out, p, g_utf8_next_char (p) - p);
      p = g_utf8_next_char (p);
    }
  return g_string_free (out, FALSE);
}

/**
 * occ_format_exact:
 * @value: a finite number
 *
 * @value in full precision and no more: the shortest of `%.15g`, `%.16g`
 * and `%.17g` that reads back as the same double, in the C locale ("1.33",
 * not "1.3300000000000001"; "2", "1e-05"). Zero is "0" whatever its sign.
 * These are the figures libocc's JSON carries (without its ".0" on whole
 * numbers) and those `occ score --format=csv` writes: use it where a
 * program, not a person, reads the figure; for a person, round it with
 * occ_methodology_format_value().
 *
 * Returns: (transfer full): the number as text
 *
 * Since: 1.3
 */
char *
occ_format_exact (double value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  g_return_val_if_fail (isfinite (value), g_strdup ("nan"));
  occ_format_double_shortest (buf, value == 0 ? 0.0 : value);
  return g_strdup (buf);
}

/* occ-tool-table.c: rows of cells, as an aligned table or as CSV
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <string.h>

#include "occ-tool-table.h"

/* Rows ----------------------------------------------------------------- */

OccToolRow *
occ_tool_row_new (void)
{
  return g_ptr_array_new_with_free_func (g_free);
}

OccToolRow *
occ_tool_row_of (const char *const *cells)
{
  OccToolRow *row = occ_tool_row_new ();

  for (guint i = 0; cells[i] != NULL; i++)
    occ_tool_row_add (row, g_strdup (cells[i]));
  return row;
}

void
occ_tool_row_add (OccToolRow *row, char *cell)
{
  g_ptr_array_add (row, cell);
}

GPtrArray *
occ_tool_rows_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
}

/* Text columns (ids, bands) align left, figures right. */
static gboolean
is_text_column (OccToolRow *header, guint column)
{
  const char *name = g_ptr_array_index (header, column);

  return column < 3 || strcmp (name, "band") == 0
         || g_str_has_suffix (name, ".band");
}

void
occ_tool_append_table (GString *out, GPtrArray *rows)
{
  OccToolRow *header = g_ptr_array_index (rows, 0);
  g_autofree guint *width = g_new0 (guint, header->len);
  g_autoptr (GPtrArray) shown = occ_tool_rows_new ();

  /* A table is for a terminal: cells with their controls escaped (into
   * copies: the caller's rows stay as they were). */
  for (guint r = 0; r < rows->len; r++)
    {
      OccToolRow *row = g_ptr_array_index (rows, r);
      OccToolRow *escaped = occ_tool_row_new ();

      for (guint i = 0; i < row->len; i++)
        {
          const char *cell = g_ptr_array_index (row, i);

          occ_tool_row_add (escaped,
                            cell ? occ_escape_for_terminal (cell) : NULL);
        }
      g_ptr_array_add (shown, escaped);
    }
  for (guint r = 0; r < shown->len; r++)
    for (guint i = 0; i < header->len; i++)
      {
        OccToolRow *row = g_ptr_array_index (shown, r);
        const char *cell = g_ptr_array_index (row, i);

        width[i] = MAX (width[i],
                        cell ? (guint) g_utf8_strlen (cell, -1) : 1);
      }
  for (guint r = 0; r < shown->len; r++)
    {
      OccToolRow *row = g_ptr_array_index (shown, r);
      g_autoptr (GString) line = g_string_new (NULL);

      for (guint i = 0; i < row->len; i++)
        {
          const char *cell = g_ptr_array_index (row, i);
          guint pad;

          cell = cell ? cell : "-";
          pad = width[i] - (guint) g_utf8_strlen (cell, -1);
          if (i > 0)
            g_string_append (line, "  ");
          if (!is_text_column (header, i))
            g_string_append_printf (line, "%*s", pad, "");
          g_string_append (line, cell);
          if (is_text_column (header, i))
            g_string_append_printf (line, "%*s", pad, "");
        }
      /* Trailing blanks of the last left-aligned column are noise. */
      while (line->len > 0 && line->str[line->len - 1] == ' ')
        g_string_truncate (line, line->len - 1);
      g_string_append_printf (out, "%s\n", line->str);
    }
}

/* Cells as the library's CSV writer writes them. */
void
occ_tool_append_csv_row (GString *out, OccToolRow *row, OccCsvFlags flags)
{
  for (guint i = 0; i < row->len; i++)
    {
      g_autofree char *cell = occ_csv_quote_field (g_ptr_array_index (row, i),
                                                   flags);

      if (i > 0)
        g_string_append_c (out, ',');
      g_string_append (out, cell);
    }
  g_string_append (out, "\r\n");
}

void
occ_tool_append_rows (GString *out, GPtrArray *rows, gboolean csv,
                      OccCsvFlags flags)
{
  if (!csv)
    {
      occ_tool_append_table (out, rows);
      return;
    }
  for (guint r = 0; r < rows->len; r++)
    occ_tool_append_csv_row (out, g_ptr_array_index (rows, r), flags);
}

/* Figures as text ------------------------------------------------------ */

/* occ_methodology_format_value() never writes "-0.00". */
char *
occ_tool_format_change (OccMethodology *m, double delta)
{
  g_autofree char *text = occ_methodology_format_value (m, delta);

  if (occ_methodology_round (m, delta) > 0)
    return g_strconcat ("+", text, NULL);
  return g_steal_pointer (&text);
}

/* Rounded like every other figure shown to a person (occ-v1 §4.8): the
 * fraction's decimal to two places, so 0.575 is 58 % (0.575 × 100 is
 * 57.49999999999999). */
char *
occ_tool_format_percent (double fraction)
{
  return g_strdup_printf ("%.0f%%", occ_round (fraction, 2) * 100.0);
}

char *
occ_tool_cell_int (gboolean known, int value)
{
  return known ? g_strdup_printf ("%d", value) : NULL;
}

char *
occ_tool_cell_uint (guint value)
{
  return value > 0 ? g_strdup_printf ("%u", value) : NULL;
}

char *
occ_tool_cell_exact (gboolean known, double value)
{
  return known ? occ_format_exact (value) : NULL;
}

char *
occ_tool_cell_display (OccMethodology *m, gboolean known, double value)
{
  return known ? occ_methodology_format_value (m, value) : NULL;
}

char *
occ_tool_cell_change (OccMethodology *m, gboolean known, double value)
{
  return known ? occ_tool_format_change (m, value) : NULL;
}

char *
occ_tool_cell_number (OccMethodology *m, gboolean csv, gboolean known,
                      double value)
{
  return csv ? occ_tool_cell_exact (known, value)
             : occ_tool_cell_display (m, known, value);
}

char *
occ_tool_cell_fraction (gboolean csv, gboolean known, double value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (!known)
    return NULL;
  if (csv)
    return occ_tool_cell_exact (TRUE, value);
  g_ascii_formatd (buf, sizeof buf, "%.3f", value == 0 ? 0.0 : value);
  return g_strdup (buf);
}

char *
occ_tool_cell_rank (gboolean csv, gboolean known, double value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (!known || csv)
    return occ_tool_cell_exact (known, value);
  g_ascii_formatd (buf, sizeof buf, "%.1f", value);
  return g_strdup (buf);
}

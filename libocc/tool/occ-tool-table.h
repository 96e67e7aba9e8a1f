/* occ-tool-table.h: rows of cells, as an aligned table or as CSV
 *
 * A command builds its output as rows of cells (strings; NULL for an
 * empty cell) from the figures the library gives, then writes them as a
 * table for a person or as CSV for a spreadsheet or a program.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include <occ/occ.h>

G_BEGIN_DECLS

/* One row of cells, each owned by the row. */
typedef GPtrArray OccToolRow;

OccToolRow *occ_tool_row_new (void);
/* A row of copies of @cells (NULL-terminated). */
OccToolRow *occ_tool_row_of (const char *const *cells);
/* Adds @cell (transfer full; NULL for an empty cell). */
void occ_tool_row_add (OccToolRow *row, char *cell);
/* An array of rows, each freed with it. */
GPtrArray *occ_tool_rows_new (void);

/* Aligned columns; the first row is the header. Text columns (the first
 * three, bands) align left, figures right; an empty cell is "-". */
void occ_tool_append_table (GString *out, GPtrArray *rows);
/* One CSV record (RFC 4180, formulas neutralized unless @flags says
 * raw). */
void occ_tool_append_csv_row (GString *out, OccToolRow *row,
                              OccCsvFlags flags);
/* The rows as a table, or with @csv as CSV records. */
void occ_tool_append_rows (GString *out, GPtrArray *rows, gboolean csv,
                           OccCsvFlags flags);

/* Figures as text ------------------------------------------------------ */

/* A change between phases, always signed: "+0.81", "-1.17", "0.00". */
char *occ_tool_format_change (OccMethodology *m, double delta);
/* An inclusion fraction as a whole percentage: "58%". */
char *occ_tool_format_percent (double fraction);

/* Cells: NULL (empty) unless @known. */
char *occ_tool_cell_int (gboolean known, int value);
/* A positive count; NULL for 0. */
char *occ_tool_cell_uint (guint value);
/* Full precision, for CSV: occ_format_exact(). */
char *occ_tool_cell_exact (gboolean known, double value);
/* The methodology's precision, for a person. */
char *occ_tool_cell_display (OccMethodology *m, gboolean known, double value);
char *occ_tool_cell_change (OccMethodology *m, gboolean known, double value);
/* Full precision for CSV (@csv), else the methodology's precision. */
char *occ_tool_cell_number (OccMethodology *m, gboolean csv, gboolean known,
                            double value);
/* A figure not on the scale (alpha, an index, an se): three decimals for a
 * person. */
char *occ_tool_cell_fraction (gboolean csv, gboolean known, double value);
/* A median rank or a rank percentile: one decimal for a person. */
char *occ_tool_cell_rank (gboolean csv, gboolean known, double value);

G_END_DECLS

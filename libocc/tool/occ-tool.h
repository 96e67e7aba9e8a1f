/* occ-tool.h: what the occ command's source files share
 *
 * occ.c holds the command table, loading and output helpers;
 * occ-analysis-commands.c the analysis commands (score --ci, agreement,
 * sensitivity, compare); occ-ratings.c ratings as CSV (--ratings, export,
 * template).
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include <occ/occ.h>

G_BEGIN_DECLS

#define EXIT_BAD_INPUT 1
#define EXIT_USAGE 2

/* One row of cells; NULL for an empty cell. */
typedef GPtrArray Row;

/* occ.c */
int write_stdout (const GString *out);
int fail (const GError *error);
int usage_error (const char *message);
void format_exact (char buf[G_ASCII_DTOSTR_BUF_SIZE], double value);
char *format_change (OccMethodology *m, double delta);
OccDataset *load_dataset (const char *path, GError **error);
GInputStream *occ_tool_stdin (void);
char *cell_exact (gboolean known, double value);
char *cell_display (OccMethodology *m, gboolean known, double value);
void append_csv_row (GString *out, Row *row);

extern gboolean occ_tool_csv_raw;
OccCsvFlags occ_tool_csv_flags (void);

#define OCC_TOOL_CSV_RAW_ENTRY                                              \
  { "csv-raw", 0, 0, G_OPTION_ARG_NONE, &occ_tool_csv_raw,                  \
    "Write CSV cells as they are, for programs (by default a text cell "    \
    "that a spreadsheet would evaluate as a formula gets a ' before it)",   \
    NULL }
void append_table (GString *out, GPtrArray *rows);

/* occ-ratings.c: --ratings FILE.csv, occ export, occ template */
extern char *occ_tool_ratings;

#define OCC_TOOL_RATINGS_ENTRY                                              \
  { "ratings", 'r', 0, G_OPTION_ARG_FILENAME, &occ_tool_ratings,            \
    "Take the ratings from a CSV file (replacing the dataset's; “-” reads " \
    "standard input)",                                                      \
    "FILE.csv" }

OccDataset *occ_tool_load_dataset (const char *path, GError **error);
char *occ_tool_display_name (const char *path);

extern const GOptionEntry occ_tool_export_entries[];
int occ_tool_run_export (int argc, char **argv);
extern const GOptionEntry occ_tool_template_entries[];
int occ_tool_run_template (int argc, char **argv);

#define OCC_TOOL_EXPORT_COMMAND                                             \
  { "export", "DATASET", "Write a dataset's ratings as CSV (or JSON)",      \
    "Write the ratings of an occ-dataset/1 file as CSV, one row per "       \
    "rating (the layout of docs/csv.md), ready to edit in a spreadsheet "   \
    "and to read back with --ratings. With --format=json, write the whole " \
    "dataset as occ-dataset/1 instead, for instance to turn a dataset and " \
    "a ratings CSV (--ratings) into one JSON file.",                        \
    occ_tool_export_entries, 1, 1, occ_tool_run_export }

#define OCC_TOOL_TEMPLATE_COMMAND                                           \
  { "template", "DATASET", "Write the empty rating sheet of a framework",   \
    "Write the empty rating sheet of a dataset's framework as CSV: one row " \
    "per country, phase and leaf, with the leaf's label, for raters to "    \
    "fill in a spreadsheet (their rater id, a score per criterion, the "    \
    "population groups) and to read back with --ratings. Rows left empty "  \
    "are skipped on reading.",                                              \
    occ_tool_template_entries, 1, 1, occ_tool_run_template }

/* occ-analysis-commands.c: the analysis commands' options. */
extern gboolean score_ci;
extern double opt_level;
extern int opt_replicates;
extern char *opt_seed;
extern char *opt_method;
extern int opt_threads;

/* Numeric options are checked as they are parsed (NaN, a negative
 * count, a number out of range: a usage error naming the option), since
 * every value they can hold is a value a user can type. */
gboolean occ_tool_number_option (const char *name, const char *value,
                                 gpointer data, GError **error);

#define OCC_NUMBER_OPTION(long_name, short_name, help, arg)                 \
  { long_name, short_name, 0, G_OPTION_ARG_CALLBACK,                        \
    (gpointer) occ_tool_number_option, help, arg }

#define OCC_BOOTSTRAP_OPTION_ENTRIES                                        \
  OCC_NUMBER_OPTION ("level", 0,                                            \
    "Confidence level of the intervals, between 0 and 1 (default 0.90)",   \
    "LEVEL"),                                                               \
  OCC_NUMBER_OPTION ("replicates", 'B',                                     \
    "Bootstrap replicates, 2 to 10000000 (default 2000)", "B"),            \
  { "seed", 0, 0, G_OPTION_ARG_STRING, &opt_seed,                           \
    "Seed of the random generator, 0 to 2^64-1 (default 1)", "SEED" },     \
  OCC_NUMBER_OPTION ("threads", 0,                                          \
    "Threads, 0 to 256 (default 0: one per processor)", "N")

/* occ score --ci: added to score's own options. */
#define OCC_SCORE_CI_ENTRIES                                                \
  { "ci", 0, 0, G_OPTION_ARG_NONE, &score_ci,                               \
    "Add bootstrap confidence intervals (ci, se) and inter-rater "          \
    "agreement (alpha)", NULL },                                            \
  { "method", 0, 0, G_OPTION_ARG_STRING, &opt_method,                       \
    "Interval method: percentile (the default) or bca", "METHOD" },         \
  OCC_BOOTSTRAP_OPTION_ENTRIES

gboolean score_ci_options_given (void);
int run_score_ci (OccResults *results, const char *format, GString *out);

extern const GOptionEntry agreement_entries[];
int run_agreement (int argc, char **argv);
extern const GOptionEntry sensitivity_entries[];
int run_sensitivity (int argc, char **argv);
extern const GOptionEntry compare_entries[];
int run_compare (int argc, char **argv);

G_END_DECLS

/* occ-tool.h: what the occ command's source files share
 *
 * occ.c holds the command table, loading and output helpers;
 * occ-analysis-commands.c the analysis commands (score --ci, agreement,
 * sensitivity, compare).
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

int write_stdout (const GString *out);
int fail (const GError *error);
int usage_error (const char *message);
void format_exact (char buf[G_ASCII_DTOSTR_BUF_SIZE], double value);
char *format_change (OccMethodology *m, double delta);
OccDataset *load_dataset (const char *path, GError **error);
char *cell_exact (gboolean known, double value);
char *cell_display (OccMethodology *m, gboolean known, double value);
void append_csv_row (GString *out, Row *row);
void append_table (GString *out, GPtrArray *rows);

/* The analysis commands' options (occ-analysis-commands.c). */
extern gboolean score_ci;
extern double opt_level;
extern int opt_replicates;
extern char *opt_seed;
extern char *opt_method;
extern int opt_threads;

#define OCC_BOOTSTRAP_OPTION_ENTRIES                                        \
  { "level", 0, 0, G_OPTION_ARG_DOUBLE, &opt_level,                         \
    "Confidence level of the intervals, between 0 and 1 (default 0.90)",   \
    "LEVEL" },                                                              \
  { "replicates", 'B', 0, G_OPTION_ARG_INT, &opt_replicates,                \
    "Bootstrap replicates (default 2000)", "B" },                          \
  { "seed", 0, 0, G_OPTION_ARG_STRING, &opt_seed,                           \
    "Seed of the random generator, 0 to 2^64-1 (default 1)", "SEED" },     \
  { "threads", 0, 0, G_OPTION_ARG_INT, &opt_threads,                        \
    "Threads (default 0: one per processor)", "N" }

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

/* occ-tool.h: what the occ command's source files share
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include <occ/occ.h>

#define EXIT_BAD_INPUT 1
#define EXIT_USAGE 2

/* occ.c */
int write_stdout (const GString *out);
int fail (const GError *error);
int usage_error (const char *message);
OccDataset *load_dataset (const char *path, GError **error);

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

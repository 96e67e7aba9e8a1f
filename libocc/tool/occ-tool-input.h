/* occ-tool-input.h: how the occ tool reads a dataset
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include <occ/occ.h>

G_BEGIN_DECLS

/* The dataset of a command given none, in $OCC_DATADIR or the installed
 * data directory. */
#define OCC_TOOL_DEFAULT_DATASET "peru-2024.json"

char *occ_tool_default_dataset_path (void);

/* @path, or the default dataset for NULL; "-" and "/dev/stdin" read
 * standard input as a stream. */
OccDataset *occ_tool_load_dataset (const char *path, GError **error);
/* The same, with its ratings replaced by those of the CSV @ratings
 * (--ratings; "-" reads standard input) when it is not NULL. */
OccDataset *occ_tool_load_dataset_with_ratings (const char *path,
                                                const char *ratings,
                                                GError **error);
/* "FILE" or "FILE with ratings FILE.csv", as validate names what it
 * checked (not yet escaped for a terminal). */
char *occ_tool_display_name (const char *path, const char *ratings);

G_END_DECLS

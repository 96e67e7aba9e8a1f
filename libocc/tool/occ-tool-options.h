/* occ-tool-options.h: the options several commands share
 *
 * A command's options are one GOptionGroup, built by the command's
 * add_options (occ-tool-command.h) through an OccToolOptions: the
 * command's own GOptionEntry table (occ_tool_options_add_entries) and the
 * shared options below, each stored where the command says. Numeric
 * options are checked as they are parsed (NaN, a negative count, a number
 * out of range: a usage error naming the option), since every value they
 * can hold is one a user can type.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include <math.h>

#include <occ/occ.h>

G_BEGIN_DECLS

typedef struct _OccToolOptions OccToolOptions;

OccToolOptions *occ_tool_options_new (void);
/* The group the options are added to; freeing the group frees @self. */
GOptionGroup *occ_tool_options_get_group (OccToolOptions *self);

void occ_tool_options_add_entries (OccToolOptions *self,
                                   const GOptionEntry *entries);
/* --NAME N, a whole number from @min to @max (G_MAXINT: no maximum). */
void occ_tool_options_add_int (OccToolOptions *self, const char *long_name,
                               char short_name, const char *description,
                               const char *arg_description, int *target,
                               int min, int max);

/* --csv-raw: CSV cells as they are; by default a text cell a spreadsheet
 * would take for a formula is neutralized (docs/csv.md). */
void occ_tool_options_add_csv_raw (OccToolOptions *self, gboolean *raw);
OccCsvFlags occ_tool_csv_flags (gboolean raw);

/* --ratings FILE.csv: the ratings replacing the dataset's. */
void occ_tool_options_add_ratings (OccToolOptions *self, char **ratings);

/* --format FORMAT (table, the default, json or csv) and --csv-raw, as the
 * analysis commands take them. */
void occ_tool_options_add_table_format (OccToolOptions *self, char **format,
                                        gboolean *csv_raw);
/* What --format takes for the scores and the analyses: json, table, csv. */
extern const char *const occ_tool_formats[];

/* --format: @given, or @fallback without one, if it is one of @allowed
 * (NULL-terminated); else a usage error in *status and NULL. */
const char *occ_tool_output_format (const char *given, const char *fallback,
                                    const char *const *allowed, int *status);

/* --seed of the bootstrap and the sensitivity analysis: digits only, 0 to
 * 2^64 - 1, 1 without one. FALSE after a usage error in *status. */
gboolean occ_tool_parse_seed (const char *text, guint64 *seed, int *status);

/* The bootstrap's options, as score --ci, agreement and compare --ci take
 * them. */
typedef struct
{
  double level;            /* NaN: not given */
  int replicates, threads; /* -1: not given */
  char *seed, *method;     /* NULL: not given */
} OccToolBootstrapArgs;

/* clang-format off */
#define OCC_TOOL_BOOTSTRAP_ARGS_INIT { NAN, -1, -1, NULL, NULL }
/* clang-format on */

/* --method. */
void occ_tool_options_add_method (OccToolOptions *self,
                                  OccToolBootstrapArgs *args);
/* --level, --replicates, --seed and --threads. */
void occ_tool_options_add_bootstrap (OccToolOptions *self,
                                     OccToolBootstrapArgs *args);
gboolean occ_tool_bootstrap_args_given (const OccToolBootstrapArgs *args);
/* The library's options from @args, or NULL after a usage error. */
OccBootstrapOptions *occ_tool_bootstrap_options (
  const OccToolBootstrapArgs *args, int *status);

G_END_DECLS

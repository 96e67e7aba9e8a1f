/* occ-tool-analysis.h: the analyses' long runs, behind a progress bar
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include <occ/occ.h>

G_BEGIN_DECLS

/* Each runs the analysis with a progress bar on standard error, shown
 * only when it is a terminal and the run has already taken a second:
 * quick runs and pipelines stay quiet. */
OccBootstrap *occ_tool_run_bootstrap (OccResults *results,
                                      OccBootstrapOptions *options,
                                      GError **error);
OccAgreement *occ_tool_run_agreement (OccDataset *dataset,
                                      OccBootstrapOptions *options,
                                      GError **error);
OccSensitivity *occ_tool_run_sensitivity (OccDataset *dataset,
                                          OccSensitivityOptions *options,
                                          GError **error);

/* The ci_status cell of a score: "published", "partial" or empty. */
char *occ_tool_cell_status (OccIntervalStatus status);

/* The note under a table of intervals about the scores that have none. */
void occ_tool_append_published_note (GString *out, OccBootstrap *boot);

G_END_DECLS

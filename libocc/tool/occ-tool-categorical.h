/* occ-tool-categorical.h: levels, flags and summaries as rows
 *
 * The commands' views of a categorical methodology (occ-categorical.md):
 * the leaves' levels and flags, the nodes' and countries' summaries, and
 * the IRM's "at a glance" table.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include <occ/occ.h>

G_BEGIN_DECLS

gboolean occ_tool_is_categorical (OccMethodology *m);
/* A count, its share rounded for people and the unknown ones:
 * "16 (89%)", "0 (0%), 13 unknown". */
char *occ_tool_format_summary (OccMethodology *m, guint summary, guint count,
                               guint unknown, double percent);
/* occ score's table or CSV for a categorical methodology. */
void occ_tool_append_categorical_scores (GString *out, OccResults *results,
                                         gboolean csv, OccCsvFlags flags);
/* occ report's "at a glance": per country and phase, each top-level node
 * (an action plan) and the country, then the flagged leaves. */
void occ_tool_append_at_a_glance (GString *out, OccResults *results);

/* occ compare for a categorical methodology: the summaries of one node
 * (@node), of the inner nodes of @depth, or (neither) of the countries,
 * in @phase (NULL: the last), country by country. */
gboolean occ_tool_append_summary_comparison (
  GString *out, OccResults *results, const char *phase, const char *node,
  int depth, gboolean csv, OccCsvFlags flags, GError **error);

G_END_DECLS

/* occ-score.h: the scores of one node in one country and phase
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#if !defined(__OCC_INSIDE__) && !defined(OCC_COMPILATION)
#error "Only <occ/occ.h> can be included directly."
#endif

#include <glib-object.h>
#include <occ/occ-version-macros.h>
#include <occ/occ-node.h>

G_BEGIN_DECLS

/**
 * OccTruth:
 * @OCC_TRUTH_FALSE: the condition does not hold
 * @OCC_TRUTH_TRUE: the condition holds
 * @OCC_TRUTH_UNKNOWN: it cannot be told: a level it names is missing
 *   (occ-categorical.md rule 2, as SQL's three-valued logic)
 *
 * The value of a flag of a categorical methodology.
 *
 * Since: 1.5
 */
typedef enum {
  OCC_TRUTH_FALSE,
  OCC_TRUTH_TRUE,
  OCC_TRUTH_UNKNOWN,
} OccTruth;

#define OCC_TYPE_SCORE (occ_score_get_type ())

OCC_AVAILABLE_IN_1_0
G_DECLARE_FINAL_TYPE (OccScore, occ_score, OCC, SCORE, GObject)

OCC_AVAILABLE_IN_1_0
const char *occ_score_get_country (OccScore *self);

OCC_AVAILABLE_IN_1_0
const char *occ_score_get_phase (OccScore *self);

OCC_AVAILABLE_IN_1_0
OccNode *occ_score_get_node (OccScore *self);

OCC_AVAILABLE_IN_1_0
const char *occ_score_get_node_id (OccScore *self);

OCC_AVAILABLE_IN_1_0
int occ_score_get_depth (OccScore *self);

OCC_AVAILABLE_IN_1_0
gboolean occ_score_get_value (OccScore *self, double *value);

OCC_AVAILABLE_IN_1_0
const char *occ_score_get_band (OccScore *self);

OCC_AVAILABLE_IN_1_0
gboolean occ_score_get_delta (OccScore *self, double *delta);

OCC_AVAILABLE_IN_1_0
guint occ_score_get_rank (OccScore *self);

OCC_AVAILABLE_IN_1_0
guint occ_score_get_country_rank (OccScore *self);

OCC_AVAILABLE_IN_1_0
gboolean occ_score_get_inclusion (OccScore *self, double *inclusion);

OCC_AVAILABLE_IN_1_0
int occ_score_get_missing_children (OccScore *self);

OCC_AVAILABLE_IN_1_0
guint occ_score_get_n_criteria (OccScore *self);

OCC_AVAILABLE_IN_1_0
gboolean occ_score_get_criterion_value (OccScore *self,
                                        guint criterion,
                                        double *value);

OCC_AVAILABLE_IN_1_0
const char *occ_score_get_criterion_band (OccScore *self, guint criterion);

OCC_AVAILABLE_IN_1_0
gboolean occ_score_get_criterion_delta (OccScore *self,
                                        guint criterion,
                                        double *delta);

OCC_AVAILABLE_IN_1_0
int occ_score_get_criterion_n (OccScore *self, guint criterion);

OCC_AVAILABLE_IN_1_5
gboolean occ_score_get_level (OccScore *self, guint criterion, int *level);

OCC_AVAILABLE_IN_1_5
const char *occ_score_get_level_id (OccScore *self, guint criterion);

OCC_AVAILABLE_IN_1_5
OccTruth occ_score_get_flag (OccScore *self, guint flag);

OCC_AVAILABLE_IN_1_5
gboolean occ_score_get_summary (OccScore *self,
                                guint summary,
                                guint *count,
                                guint *unknown,
                                guint *of,
                                double *percent);

OCC_AVAILABLE_IN_1_5
gboolean occ_score_get_summary_delta (OccScore *self,
                                      guint summary,
                                      int *count_delta,
                                      double *percent_delta);

G_END_DECLS

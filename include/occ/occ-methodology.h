/* occ-methodology.h: scoring rules as data
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#if !defined(__OCC_INSIDE__) && !defined(OCC_COMPILATION)
#error "Only <occ/occ.h> can be included directly."
#endif

#include <glib-object.h>
#include <occ/occ-version-macros.h>
#include <occ/occ-aggregation.h>

G_BEGIN_DECLS

/**
 * OccLevel:
 * @OCC_LEVEL_RATERS: the ratings of several raters for one leaf and criterion
 * @OCC_LEVEL_CRITERIA: the criterion scores of one leaf
 * @OCC_LEVEL_CHILDREN: the scores of a node's children
 *
 * The three places where a methodology aggregates.
 *
 * Since: 1.0
 */
typedef enum {
  OCC_LEVEL_RATERS,
  OCC_LEVEL_CRITERIA,
  OCC_LEVEL_CHILDREN,
} OccLevel;

/**
 * OccScaleKind:
 * @OCC_SCALE_KIND_NUMERIC: integer scores between a minimum and a maximum
 *   (the CCO's 0 to 3)
 * @OCC_SCALE_KIND_CATEGORICAL: labelled levels in order, per criterion
 *   (the OGP IRM's completion: not started, limited, substantial,
 *   complete), with flags and summaries derived from them
 *   (occ-categorical.md). Since: 1.5
 *
 * The kind of rating scale a methodology uses.
 *
 * Since: 1.0
 */
typedef enum {
  OCC_SCALE_KIND_NUMERIC,
  OCC_SCALE_KIND_CATEGORICAL,
} OccScaleKind;

#define OCC_TYPE_METHODOLOGY (occ_methodology_get_type ())

OCC_AVAILABLE_IN_1_0
G_DECLARE_FINAL_TYPE (OccMethodology,
                      occ_methodology,
                      OCC,
                      METHODOLOGY,
                      GObject)

OCC_AVAILABLE_IN_1_0
OccMethodology *occ_methodology_new_builtin (const char *id, GError **error);

OCC_AVAILABLE_IN_1_0
OccMethodology *occ_methodology_new_from_data (const char *data,
                                               gssize length,
                                               GError **error);

OCC_AVAILABLE_IN_1_0
const char *const *occ_methodology_list_builtin (void);

OCC_AVAILABLE_IN_1_0
char *occ_methodology_to_data (OccMethodology *self, gsize *length);

OCC_AVAILABLE_IN_1_0
const char *occ_methodology_get_id (OccMethodology *self);

OCC_AVAILABLE_IN_1_0
const char *occ_methodology_get_name (OccMethodology *self);

OCC_AVAILABLE_IN_1_0
OccScaleKind occ_methodology_get_scale_kind (OccMethodology *self);

OCC_AVAILABLE_IN_1_0
int occ_methodology_get_scale_min (OccMethodology *self);

OCC_AVAILABLE_IN_1_0
int occ_methodology_get_scale_max (OccMethodology *self);

OCC_AVAILABLE_IN_1_0
guint occ_methodology_get_n_criteria (OccMethodology *self);

OCC_AVAILABLE_IN_1_0
const char *occ_methodology_get_criterion_id (OccMethodology *self,
                                              guint criterion);

OCC_AVAILABLE_IN_1_0
const char *occ_methodology_get_criterion_label (OccMethodology *self,
                                                 guint criterion);

OCC_AVAILABLE_IN_1_0
double occ_methodology_get_criterion_weight (OccMethodology *self,
                                             guint criterion);

OCC_AVAILABLE_IN_1_0
int occ_methodology_lookup_criterion (OccMethodology *self, const char *id);

OCC_AVAILABLE_IN_1_0
OccAggregation occ_methodology_get_aggregation (OccMethodology *self,
                                                OccLevel level);

OCC_AVAILABLE_IN_1_0
guint occ_methodology_get_min_raters (OccMethodology *self);

OCC_AVAILABLE_IN_1_0
guint occ_methodology_get_precision (OccMethodology *self);

OCC_AVAILABLE_IN_1_0
guint occ_methodology_get_n_bands (OccMethodology *self);

OCC_AVAILABLE_IN_1_0
const char *occ_methodology_get_band_label (OccMethodology *self, guint band);

OCC_AVAILABLE_IN_1_0
double occ_methodology_get_band_from (OccMethodology *self, guint band);

OCC_AVAILABLE_IN_1_0
const char *occ_methodology_band_for_value (OccMethodology *self,
                                            double value);

OCC_AVAILABLE_IN_1_0
guint occ_methodology_get_n_population_groups (OccMethodology *self);

OCC_AVAILABLE_IN_1_0
const char *occ_methodology_get_population_group_id (OccMethodology *self,
                                                     guint group);

OCC_AVAILABLE_IN_1_0
const char *occ_methodology_get_population_group_label (OccMethodology *self,
                                                        guint group);

OCC_AVAILABLE_IN_1_0
double occ_methodology_round (OccMethodology *self, double value);

OCC_AVAILABLE_IN_1_0
char *occ_methodology_format_value (OccMethodology *self, double value);

OCC_AVAILABLE_IN_1_0
const char *occ_aggregation_to_string (OccAggregation aggregation);

OCC_AVAILABLE_IN_1_2
const char *occ_methodology_get_localized_name (OccMethodology *self,
                                                const char *lang);

OCC_AVAILABLE_IN_1_2
const char *
occ_methodology_get_localized_criterion_label (OccMethodology *self,
                                               guint criterion,
                                               const char *lang);

OCC_AVAILABLE_IN_1_2
const char *occ_methodology_get_localized_band_label (OccMethodology *self,
                                                      guint band,
                                                      const char *lang);

OCC_AVAILABLE_IN_1_2
const char *
occ_methodology_get_localized_population_group_label (OccMethodology *self,
                                                      guint group,
                                                      const char *lang);

OCC_AVAILABLE_IN_1_2
int occ_methodology_lookup_band (OccMethodology *self, const char *label);

OCC_AVAILABLE_IN_1_2
double occ_round (double value, guint decimals);

OCC_AVAILABLE_IN_1_2
guint occ_methodology_get_n_levels (OccMethodology *self);

OCC_AVAILABLE_IN_1_2
const char *occ_methodology_get_level_label (OccMethodology *self,
                                             guint depth,
                                             const char *lang);

/**
 * OCC_NO_LEVEL:
 *
 * The level of a criterion that has none (not assessed, or too few
 * answers), in the bulk arrays of levels: the same value as a null score
 * in [method@Occ.Dataset.dup_rating_scores].
 *
 * Since: 1.5
 */
#define OCC_NO_LEVEL (-2147483647 - 1)

OCC_AVAILABLE_IN_1_5
guint occ_methodology_get_n_criterion_levels (OccMethodology *self,
                                              guint criterion);

OCC_AVAILABLE_IN_1_5
guint occ_methodology_get_n_criterion_unranked (OccMethodology *self,
                                                guint criterion);

OCC_AVAILABLE_IN_1_5
const char *occ_methodology_get_criterion_level_id (OccMethodology *self,
                                                    guint criterion,
                                                    int level);

OCC_AVAILABLE_IN_1_5
const char *occ_methodology_get_criterion_level_label (OccMethodology *self,
                                                       guint criterion,
                                                       int level,
                                                       const char *lang);

OCC_AVAILABLE_IN_1_5
gboolean occ_methodology_lookup_criterion_level (OccMethodology *self,
                                                 guint criterion,
                                                 const char *id,
                                                 int *level);

OCC_AVAILABLE_IN_1_5
gboolean occ_methodology_get_criterion_level_value (OccMethodology *self,
                                                    guint criterion,
                                                    int level,
                                                    double *value);

OCC_AVAILABLE_IN_1_5
char **occ_methodology_dup_criterion_level_ids (OccMethodology *self,
                                                guint criterion);

OCC_AVAILABLE_IN_1_5
guint occ_methodology_get_n_flags (OccMethodology *self);

OCC_AVAILABLE_IN_1_5
const char *occ_methodology_get_flag_id (OccMethodology *self, guint flag);

OCC_AVAILABLE_IN_1_5
const char *occ_methodology_get_flag_label (OccMethodology *self,
                                            guint flag,
                                            const char *lang);

OCC_AVAILABLE_IN_1_5
int occ_methodology_lookup_flag (OccMethodology *self, const char *id);

OCC_AVAILABLE_IN_1_5
guint occ_methodology_get_n_summaries (OccMethodology *self);

OCC_AVAILABLE_IN_1_5
const char *occ_methodology_get_summary_id (OccMethodology *self,
                                            guint summary);

OCC_AVAILABLE_IN_1_5
const char *occ_methodology_get_summary_label (OccMethodology *self,
                                               guint summary,
                                               const char *lang);

OCC_AVAILABLE_IN_1_5
gboolean occ_methodology_get_summary_has_percent (OccMethodology *self,
                                                  guint summary);

OCC_AVAILABLE_IN_1_5
int occ_methodology_lookup_summary (OccMethodology *self, const char *id);

G_END_DECLS

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
 *
 * The kind of rating scale a methodology uses. Only numeric scales exist in
 * libocc 1.0; labelled (categorical) scales such as the OGP IRM's will be
 * added as new values of this enumeration.
 *
 * Since: 1.0
 */
typedef enum {
  OCC_SCALE_KIND_NUMERIC,
#ifdef __GI_SCANNER__
  /*< private >*/
  /* Seen only by g-ir-scanner, which takes the common prefix of two or
   * more members to name them: bindings get ScaleKind.NUMERIC, as they
   * will once a second kind is added, not SCALE_KIND_NUMERIC. */
  OCC_SCALE_KIND_GI_PREFIX_
#endif
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

G_END_DECLS

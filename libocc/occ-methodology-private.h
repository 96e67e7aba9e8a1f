/* occ-methodology-private.h
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include <occ/occ-methodology.h>

#include "occ-categorical-private.h"
#include "occ-json-private.h"
#include "occ-labels-private.h"

G_BEGIN_DECLS

/* Limits that keep rounding keys inside 64-bit integers. */
#define OCC_MAX_PRECISION 9
#define OCC_MAX_SCALE_ABS 1000000
/* Criteria are few (the CCO has three); a fixed bound keeps buffers on
 * the stack. */
#define OCC_MAX_CRITERIA 64
/* Every score looks its band up; a handful is the use. */
#define OCC_MAX_BANDS 256
/* Levels are named by depth, and the framework nests at most
 * OCC_MAX_JSON_DEPTH. */
#define OCC_MAX_LEVELS 64

struct _OccMethodology
{
  GObject parent_instance;

  char *id;
  char *name;
  gboolean builtin;
  int scale_min;
  int scale_max;
  guint n_criteria;
  char **criterion_ids;
  char **criterion_labels;
  double *criterion_weights;
  OccAggregation aggregation[3];
  guint min_raters;
  guint precision;
  guint n_bands;
  char **band_labels;
  double *band_from;
  guint n_groups;
  char **group_ids;
  char **group_labels;
  guint n_levels; /* names of the framework's levels, by depth */
  char **level_labels;
  /* `labels` (occ-v1 §2): of the name, and one per criterion, band,
   * group and level, NULL where there are none. */
  OccLabels *name_l10n;
  OccLabels **criterion_l10n;
  OccLabels **band_l10n;
  OccLabels **group_l10n;
  OccLabels **level_l10n;
  GHashTable *criterion_index; /* id → index + 1 */
  GHashTable *group_index;     /* id → index + 1 */

  /* occ-categorical.md: criteria on labelled levels. */
  OccScaleKind scale_kind;
  OccCriterionLevels *levels; /* n_criteria; categorical only */
  guint n_flags;
  OccRule *flags;
  guint n_summaries;
  OccRule *summaries;
  gboolean any_values; /* some criterion puts its levels on numbers */
  gboolean all_values; /* every one does: leaves get numeric scores */
  double value_min;    /* the lowest of the `values` */
};

static inline gboolean
occ_methodology_is_categorical (const OccMethodology *m)
{
  return m->scale_kind == OCC_SCALE_KIND_CATEGORICAL;
}

OccMethodology *occ_methodology_new_from_json (JsonNode *node,
                                               const OccPath *path,
                                               GError **error);
int occ_methodology_lookup_group (OccMethodology *self, const char *id);
gboolean occ_methodology_is_builtin (OccMethodology *self);
void occ_methodology_write (OccMethodology *self, OccJsonWriter *w,
                            const char *key);
int occ_methodology_band_index (OccMethodology *self, double value);
/* The analyses resample and vary numeric scores: a categorical
 * methodology is refused with a message that names @analysis. */
gboolean occ_methodology_check_numeric (OccMethodology *self,
                                        const char *analysis, GError **error);

G_END_DECLS

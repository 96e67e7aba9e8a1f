/* occ-agreement.h: inter-rater agreement, Krippendorff's alpha
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#if !defined(__OCC_INSIDE__) && !defined(OCC_COMPILATION)
#error "Only <occ/occ.h> can be included directly."
#endif

#include <gio/gio.h>
#include <occ/occ-version-macros.h>
#include <occ/occ-dataset.h>
#include <occ/occ-analysis-common.h>
#include <occ/occ-bootstrap-options.h>

G_BEGIN_DECLS

/**
 * OccAlphaMetric:
 * @OCC_ALPHA_METRIC_NOMINAL: values are categories: any two different
 *   values disagree equally
 * @OCC_ALPHA_METRIC_ORDINAL: values are ordered: a disagreement weighs by
 *   how many values lie between the two
 * @OCC_ALPHA_METRIC_INTERVAL: a disagreement weighs by the squared
 *   difference of the two values
 * @OCC_ALPHA_METRIC_RATIO: a disagreement weighs by the squared difference
 *   over the squared sum (values must not be negative)
 *
 * The difference function of Krippendorff's alpha.
 *
 * Since: 1.1
 */
typedef enum {
  OCC_ALPHA_METRIC_NOMINAL,
  OCC_ALPHA_METRIC_ORDINAL,
  OCC_ALPHA_METRIC_INTERVAL,
  OCC_ALPHA_METRIC_RATIO,
} OccAlphaMetric;

OCC_AVAILABLE_IN_1_1
gboolean occ_alpha_compute (const double *data,
                            gsize n_data,
                            guint n_coders,
                            OccAlphaMetric metric,
                            double *alpha,
                            GError **error);

#define OCC_TYPE_AGREEMENT (occ_agreement_get_type ())

OCC_AVAILABLE_IN_1_1
G_DECLARE_FINAL_TYPE (OccAgreement, occ_agreement, OCC, AGREEMENT, GObject)

OCC_AVAILABLE_IN_1_1
OccAgreement *occ_agreement_new (OccDataset *dataset,
                                 OccBootstrapOptions *options,
                                 OccProgressFunc progress,
                                 gpointer user_data,
                                 GCancellable *cancellable,
                                 GError **error);

OCC_AVAILABLE_IN_1_1
OccDataset *occ_agreement_get_dataset (OccAgreement *self);

OCC_AVAILABLE_IN_1_1
gboolean occ_agreement_lookup (OccAgreement *self,
                               const char *country,
                               const char *phase,
                               int criterion,
                               OccAlphaMetric metric,
                               double *alpha);

OCC_AVAILABLE_IN_1_1
gboolean occ_agreement_lookup_interval (OccAgreement *self,
                                        const char *country,
                                        const char *phase,
                                        int criterion,
                                        OccAlphaMetric metric,
                                        double *low,
                                        double *high);

OCC_AVAILABLE_IN_1_1
guint occ_agreement_get_replicates (OccAgreement *self);

OCC_AVAILABLE_IN_1_1
double occ_agreement_get_level (OccAgreement *self);

OCC_AVAILABLE_IN_1_1
guint occ_agreement_get_n_units (OccAgreement *self,
                                 const char *country,
                                 const char *phase,
                                 int criterion);

OCC_AVAILABLE_IN_1_1
guint occ_agreement_get_n_values (OccAgreement *self,
                                  const char *country,
                                  const char *phase,
                                  int criterion);

OCC_AVAILABLE_IN_1_1
guint8 *occ_agreement_dup_alpha (OccAgreement *self,
                                 int criterion,
                                 OccAlphaMetric metric,
                                 double **alpha,
                                 double **low,
                                 double **high,
                                 gsize *n_cells);

OCC_AVAILABLE_IN_1_2
char *occ_agreement_to_data (OccAgreement *self, gsize *length);

G_END_DECLS

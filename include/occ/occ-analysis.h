/* occ-analysis.h: confidence intervals, inter-rater agreement, weight
 * sensitivity and country comparison
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
#include <occ/occ-methodology.h>
#include <occ/occ-results.h>

G_BEGIN_DECLS

/**
 * OccProgressFunc:
 * @fraction: how much of the work is done, from 0 to 1
 * @user_data: the data given with the function
 *
 * Called from the calling thread, never from a worker thread, a few times
 * a second during a long analysis (and once with 1 at the end).
 *
 * Since: 1.1
 */
typedef void (*OccProgressFunc) (double fraction, gpointer user_data);

/**
 * OccIntervalMethod:
 * @OCC_INTERVAL_METHOD_PERCENTILE: the percentile interval: the replicates'
 *   quantiles at (1 − level) / 2 and (1 + level) / 2
 * @OCC_INTERVAL_METHOD_BCA: the bias-corrected and accelerated interval
 *   (Efron 1987), its acceleration from a stratified jackknife over the
 *   ratings
 *
 * How a bootstrap interval is read off the replicates.
 *
 * Since: 1.1
 */
typedef enum {
  OCC_INTERVAL_METHOD_PERCENTILE,
  OCC_INTERVAL_METHOD_BCA,
} OccIntervalMethod;

/**
 * OccIntervalStatus:
 * @OCC_INTERVAL_STATUS_NONE: there is no interval: the score does not
 *   exist, or fewer than two replicates gave it a value
 * @OCC_INTERVAL_STATUS_PUBLISHED: the score comes from published scores
 *   only (no rater-level data), so it has no interval
 * @OCC_INTERVAL_STATUS_ESTIMATED: the interval covers every leaf below
 *   the score
 * @OCC_INTERVAL_STATUS_PARTIAL: the interval covers the leaves below that
 *   have ratings; leaves with published scores only entered every
 *   replicate unchanged
 *
 * Whether a score has a bootstrap interval, and what it covers.
 *
 * Since: 1.1
 */
typedef enum {
  OCC_INTERVAL_STATUS_NONE,
  OCC_INTERVAL_STATUS_PUBLISHED,
  OCC_INTERVAL_STATUS_ESTIMATED,
  OCC_INTERVAL_STATUS_PARTIAL,
} OccIntervalStatus;

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

/**
 * OccWeightDraw:
 * @OCC_WEIGHT_DRAW_FIXED: criterion weights stay as the methodology sets
 *   them
 * @OCC_WEIGHT_DRAW_UNIFORM: each weight is drawn uniformly within ± a
 *   fraction of itself
 * @OCC_WEIGHT_DRAW_DIRICHLET: the weights, as shares of their sum, are
 *   drawn from a Dirichlet distribution centred on them
 *
 * How a Monte Carlo draw varies the criterion weights.
 *
 * Since: 1.1
 */
typedef enum {
  OCC_WEIGHT_DRAW_FIXED,
  OCC_WEIGHT_DRAW_UNIFORM,
  OCC_WEIGHT_DRAW_DIRICHLET,
} OccWeightDraw;

/**
 * OccRankKind:
 * @OCC_RANK_KIND_PEERS: the rank among the node's peers in its own country
 *   and phase (occ-v1 §4.7); for a country's own score, its rank among
 *   the countries
 * @OCC_RANK_KIND_COUNTRIES: the rank of the same node between countries
 *
 * Which rank a sensitivity figure is about.
 *
 * Since: 1.1
 */
typedef enum {
  OCC_RANK_KIND_PEERS,
  OCC_RANK_KIND_COUNTRIES,
} OccRankKind;

/* Bootstrap ------------------------------------------------------------ */

#define OCC_TYPE_BOOTSTRAP_OPTIONS (occ_bootstrap_options_get_type ())

OCC_AVAILABLE_IN_1_1
G_DECLARE_FINAL_TYPE (OccBootstrapOptions, occ_bootstrap_options, OCC,
                      BOOTSTRAP_OPTIONS, GObject)

OCC_AVAILABLE_IN_1_1
OccBootstrapOptions *occ_bootstrap_options_new (void);

OCC_AVAILABLE_IN_1_1
void occ_bootstrap_options_set_replicates (OccBootstrapOptions *self,
                                           guint replicates);
OCC_AVAILABLE_IN_1_1
guint occ_bootstrap_options_get_replicates (OccBootstrapOptions *self);

OCC_AVAILABLE_IN_1_1
void occ_bootstrap_options_set_level (OccBootstrapOptions *self,
                                      double level);
OCC_AVAILABLE_IN_1_1
double occ_bootstrap_options_get_level (OccBootstrapOptions *self);

OCC_AVAILABLE_IN_1_1
void occ_bootstrap_options_set_seed (OccBootstrapOptions *self,
                                     guint64 seed);
OCC_AVAILABLE_IN_1_1
guint64 occ_bootstrap_options_get_seed (OccBootstrapOptions *self);

OCC_AVAILABLE_IN_1_1
void occ_bootstrap_options_set_method (OccBootstrapOptions *self,
                                       OccIntervalMethod method);
OCC_AVAILABLE_IN_1_1
OccIntervalMethod occ_bootstrap_options_get_method (OccBootstrapOptions *self);

OCC_AVAILABLE_IN_1_1
void occ_bootstrap_options_set_threads (OccBootstrapOptions *self,
                                        guint threads);
OCC_AVAILABLE_IN_1_1
guint occ_bootstrap_options_get_threads (OccBootstrapOptions *self);

#define OCC_TYPE_BOOTSTRAP (occ_bootstrap_get_type ())

OCC_AVAILABLE_IN_1_1
G_DECLARE_FINAL_TYPE (OccBootstrap, occ_bootstrap, OCC, BOOTSTRAP, GObject)

OCC_AVAILABLE_IN_1_1
OccBootstrap *occ_bootstrap_new (OccResults *results,
                                 OccBootstrapOptions *options,
                                 OccProgressFunc progress,
                                 gpointer user_data,
                                 GCancellable *cancellable,
                                 GError **error);

OCC_AVAILABLE_IN_1_1
OccResults *occ_bootstrap_get_results (OccBootstrap *self);

OCC_AVAILABLE_IN_1_1
guint occ_bootstrap_get_replicates (OccBootstrap *self);

OCC_AVAILABLE_IN_1_1
double occ_bootstrap_get_level (OccBootstrap *self);

OCC_AVAILABLE_IN_1_1
guint64 occ_bootstrap_get_seed (OccBootstrap *self);

OCC_AVAILABLE_IN_1_1
OccIntervalMethod occ_bootstrap_get_method (OccBootstrap *self);

OCC_AVAILABLE_IN_1_1
OccIntervalStatus occ_bootstrap_lookup (OccBootstrap *self,
                                        const char *country,
                                        const char *phase,
                                        const char *node,
                                        int criterion,
                                        double *low,
                                        double *high,
                                        double *se);

OCC_AVAILABLE_IN_1_1
guint occ_bootstrap_get_n_valid (OccBootstrap *self,
                                 const char *country,
                                 const char *phase,
                                 const char *node,
                                 int criterion);

OCC_AVAILABLE_IN_1_1
guint8 *occ_bootstrap_dup_intervals (OccBootstrap *self,
                                     guint country,
                                     guint phase,
                                     int criterion,
                                     double **low,
                                     double **high,
                                     double **se,
                                     gsize *n_nodes);

OCC_AVAILABLE_IN_1_1
gsize occ_bootstrap_get_n_published_only (OccBootstrap *self);

OCC_AVAILABLE_IN_1_1
char *occ_bootstrap_to_data (OccBootstrap *self, gsize *length);

typedef struct _OccAgreement OccAgreement;

OCC_AVAILABLE_IN_1_1
char *occ_bootstrap_to_data_with_agreement (OccBootstrap *self,
                                            OccAgreement *agreement,
                                            gsize *length);

/* Inter-rater agreement ------------------------------------------------ */

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

/* Sensitivity ---------------------------------------------------------- */

#define OCC_TYPE_SENSITIVITY_OPTIONS (occ_sensitivity_options_get_type ())

OCC_AVAILABLE_IN_1_1
G_DECLARE_FINAL_TYPE (OccSensitivityOptions, occ_sensitivity_options, OCC,
                      SENSITIVITY_OPTIONS, GObject)

OCC_AVAILABLE_IN_1_1
OccSensitivityOptions *occ_sensitivity_options_new (void);

OCC_AVAILABLE_IN_1_1
void occ_sensitivity_options_set_draws (OccSensitivityOptions *self,
                                        guint draws);
OCC_AVAILABLE_IN_1_1
guint occ_sensitivity_options_get_draws (OccSensitivityOptions *self);

OCC_AVAILABLE_IN_1_1
void occ_sensitivity_options_set_seed (OccSensitivityOptions *self,
                                       guint64 seed);
OCC_AVAILABLE_IN_1_1
guint64 occ_sensitivity_options_get_seed (OccSensitivityOptions *self);

OCC_AVAILABLE_IN_1_1
void occ_sensitivity_options_set_weight_draw (OccSensitivityOptions *self,
                                              OccWeightDraw draw,
                                              double parameter);
OCC_AVAILABLE_IN_1_1
OccWeightDraw occ_sensitivity_options_get_weight_draw (
  OccSensitivityOptions *self,
  double *parameter);

OCC_AVAILABLE_IN_1_1
void occ_sensitivity_options_set_methods (OccSensitivityOptions *self,
                                          const OccAggregation *methods,
                                          gsize n_methods);

OCC_AVAILABLE_IN_1_1
OccAggregation *occ_sensitivity_options_dup_methods (
  OccSensitivityOptions *self,
  gsize *n_methods);

OCC_AVAILABLE_IN_1_1
void occ_sensitivity_options_set_vary_level (OccSensitivityOptions *self,
                                             OccLevel level,
                                             gboolean vary);
OCC_AVAILABLE_IN_1_1
gboolean occ_sensitivity_options_get_vary_level (OccSensitivityOptions *self,
                                                 OccLevel level);

OCC_AVAILABLE_IN_1_1
void occ_sensitivity_options_set_threads (OccSensitivityOptions *self,
                                          guint threads);
OCC_AVAILABLE_IN_1_1
guint occ_sensitivity_options_get_threads (OccSensitivityOptions *self);

#define OCC_TYPE_SENSITIVITY (occ_sensitivity_get_type ())

OCC_AVAILABLE_IN_1_1
G_DECLARE_FINAL_TYPE (OccSensitivity, occ_sensitivity, OCC, SENSITIVITY,
                      GObject)

OCC_AVAILABLE_IN_1_1
OccSensitivity *occ_sensitivity_new (OccDataset *dataset,
                                     OccSensitivityOptions *options,
                                     OccProgressFunc progress,
                                     gpointer user_data,
                                     GCancellable *cancellable,
                                     GError **error);

OCC_AVAILABLE_IN_1_1
OccDataset *occ_sensitivity_get_dataset (OccSensitivity *self);

OCC_AVAILABLE_IN_1_1
guint occ_sensitivity_get_draws (OccSensitivity *self);

OCC_AVAILABLE_IN_1_1
guint occ_sensitivity_get_n_inputs (OccSensitivity *self);

OCC_AVAILABLE_IN_1_1
const char *occ_sensitivity_get_input_name (OccSensitivity *self,
                                            guint input);

OCC_AVAILABLE_IN_1_1
gboolean occ_sensitivity_lookup_score (OccSensitivity *self,
                                       const char *country,
                                       const char *phase,
                                       const char *node,
                                       double *median,
                                       double *low,
                                       double *high);

OCC_AVAILABLE_IN_1_1
gboolean occ_sensitivity_lookup_rank (OccSensitivity *self,
                                      const char *country,
                                      const char *phase,
                                      const char *node,
                                      OccRankKind kind,
                                      double *median,
                                      double *low,
                                      double *high);

OCC_AVAILABLE_IN_1_1
double *occ_sensitivity_dup_indices (OccSensitivity *self,
                                     const char *country,
                                     const char *phase,
                                     const char *node,
                                     gboolean of_rank,
                                     OccRankKind kind,
                                     guint8 **present,
                                     gsize *n_inputs);

OCC_AVAILABLE_IN_1_1
guint8 *occ_sensitivity_dup_ranks (OccSensitivity *self,
                                   guint country,
                                   guint phase,
                                   OccRankKind kind,
                                   double **median,
                                   double **low,
                                   double **high,
                                   gsize *n_nodes);

/* Country comparison --------------------------------------------------- */

#define OCC_TYPE_COMPARISON (occ_comparison_get_type ())

OCC_AVAILABLE_IN_1_1
G_DECLARE_FINAL_TYPE (OccComparison, occ_comparison, OCC, COMPARISON,
                      GObject)

OCC_AVAILABLE_IN_1_1
OccComparison *occ_comparison_new (OccResults *results,
                                   OccBootstrap *bootstrap,
                                   const char *phase,
                                   const char *node,
                                   int depth,
                                   GError **error);

OCC_AVAILABLE_IN_1_1
guint occ_comparison_get_n_rows (OccComparison *self);

OCC_AVAILABLE_IN_1_1
const char *occ_comparison_get_country (OccComparison *self, guint row);

OCC_AVAILABLE_IN_1_1
const char *occ_comparison_get_node (OccComparison *self, guint row);

OCC_AVAILABLE_IN_1_1
const char *occ_comparison_get_phase (OccComparison *self);

OCC_AVAILABLE_IN_1_1
gboolean occ_comparison_get_value (OccComparison *self,
                                   guint row,
                                   double *value);

OCC_AVAILABLE_IN_1_1
guint occ_comparison_get_rank (OccComparison *self, guint row);

OCC_AVAILABLE_IN_1_1
gboolean occ_comparison_get_delta (OccComparison *self,
                                   guint row,
                                   double *delta);

OCC_AVAILABLE_IN_1_1
guint occ_comparison_get_previous_rank (OccComparison *self, guint row);

OCC_AVAILABLE_IN_1_1
OccIntervalStatus occ_comparison_get_interval (OccComparison *self,
                                               guint row,
                                               double *low,
                                               double *high);

OCC_AVAILABLE_IN_1_1
char *occ_comparison_to_data (OccComparison *self, gsize *length);

OCC_AVAILABLE_IN_1_2
char *occ_agreement_to_data (OccAgreement *self, gsize *length);

OCC_AVAILABLE_IN_1_2
char *occ_sensitivity_to_data (OccSensitivity *self,
                               OccRankKind kind,
                               const char *const *nodes,
                               gsize *length);

G_END_DECLS

/* occ-sensitivity.h: how scores and ranks depend on weights and methods
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
#include <occ/occ-sensitivity-options.h>

G_BEGIN_DECLS

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

#define OCC_TYPE_SENSITIVITY (occ_sensitivity_get_type ())

OCC_AVAILABLE_IN_1_1
G_DECLARE_FINAL_TYPE (OccSensitivity,
                      occ_sensitivity,
                      OCC,
                      SENSITIVITY,
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

OCC_AVAILABLE_IN_1_2
char *occ_sensitivity_to_data (OccSensitivity *self,
                               OccRankKind kind,
                               const char *const *nodes,
                               gsize *length);

G_END_DECLS

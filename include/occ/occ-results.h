/* occ-results.h: the scores of a dataset
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
#include <occ/occ-score.h>

G_BEGIN_DECLS

#define OCC_TYPE_RESULTS (occ_results_get_type ())

OCC_AVAILABLE_IN_1_0
G_DECLARE_FINAL_TYPE (OccResults, occ_results, OCC, RESULTS, GObject)

OCC_AVAILABLE_IN_1_0
OccResults *occ_results_new (OccDataset *dataset);

OCC_AVAILABLE_IN_1_0
OccDataset *occ_results_get_dataset (OccResults *self);

OCC_AVAILABLE_IN_1_0
OccScore *occ_results_lookup (OccResults *self,
                              const char *country,
                              const char *phase,
                              const char *node);

OCC_AVAILABLE_IN_1_0
OccScore *occ_results_lookup_country (OccResults *self,
                                      const char *country,
                                      const char *phase);

OCC_AVAILABLE_IN_1_0
GListModel *occ_results_get_best (OccResults *self,
                                  const char *country,
                                  const char *phase,
                                  const char *peer);

OCC_AVAILABLE_IN_1_0
GListModel *occ_results_get_worst (OccResults *self,
                                   const char *country,
                                   const char *phase,
                                   const char *peer);

OCC_AVAILABLE_IN_1_0
double *occ_results_dup_values (OccResults *self,
                                guint country,
                                guint phase,
                                int criterion,
                                guint8 **present,
                                gsize *n_nodes);

OCC_AVAILABLE_IN_1_0
char *occ_results_to_data (OccResults *self, gsize *length);
OCC_AVAILABLE_IN_1_4
gboolean occ_results_write (OccResults *self,
                            GOutputStream *stream,
                            GCancellable *cancellable,
                            GError **error);

OCC_AVAILABLE_IN_1_5
gint32 *occ_results_dup_levels (OccResults *self,
                                guint country,
                                guint phase,
                                guint criterion,
                                gsize *n_nodes);

OCC_AVAILABLE_IN_1_5
gint8 *occ_results_dup_flags (OccResults *self,
                              guint country,
                              guint phase,
                              guint flag,
                              gsize *n_nodes);

OCC_AVAILABLE_IN_1_5
guint32 *occ_results_dup_summaries (OccResults *self,
                                    guint country,
                                    guint phase,
                                    guint summary,
                                    gsize *n_values);

G_END_DECLS

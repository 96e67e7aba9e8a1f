/* occ-dataset-csv.h: ratings as CSV, in and out
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

G_BEGIN_DECLS

OCC_AVAILABLE_IN_1_1
OccDataset *occ_dataset_new_with_ratings_csv (OccDataset *base,
                                              const char *filename,
                                              GError **error);

OCC_AVAILABLE_IN_1_1
OccDataset *occ_dataset_new_with_ratings_csv_stream (OccDataset *base,
                                                     GInputStream *stream,
                                                     const char *source,
                                                     GCancellable *cancellable,
                                                     GError **error);

OCC_AVAILABLE_IN_1_1
OccDataset *occ_dataset_new_with_ratings_csv_data (OccDataset *base,
                                                   const char *data,
                                                   gssize length,
                                                   GError **error);

OCC_AVAILABLE_IN_1_1
OccDataset *occ_dataset_new_with_ratings_csv_bytes (OccDataset *base,
                                                    GBytes *bytes,
                                                    GError **error);

OCC_AVAILABLE_IN_1_1
char *occ_dataset_ratings_to_csv (OccDataset *self, gsize *length);

OCC_AVAILABLE_IN_1_1
gboolean occ_dataset_write_ratings_csv (OccDataset *self,
                                        GOutputStream *stream,
                                        GCancellable *cancellable,
                                        GError **error);

OCC_AVAILABLE_IN_1_1
char *occ_dataset_template_to_csv (OccDataset *self, gsize *length);

G_END_DECLS

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

/**
 * OccCsvFlags:
 * @OCC_CSV_FLAGS_NONE: CSV for spreadsheets: a text cell that a
 *   spreadsheet would take for a formula (it begins with `=`, `+`, `-`,
 *   `@`, a tab or a carriage return) is written after a `'`, which
 *   libocc's reader removes again
 * @OCC_CSV_FLAGS_RAW: every cell as it is, for programs that read CSV
 *   without evaluating it
 *
 * How CSV is written (docs/csv.md, "Formulas").
 *
 * Since: 1.2
 */
typedef enum {
  OCC_CSV_FLAGS_NONE = 0,
  OCC_CSV_FLAGS_RAW = 1 << 0,
} OccCsvFlags;

OCC_AVAILABLE_IN_1_1
OccDataset *occ_dataset_new_with_ratings_csv (OccDataset *base,
                                              const char *filename,
                                              GError **error);

OCC_AVAILABLE_IN_1_1
OccDataset *
occ_dataset_new_with_ratings_csv_stream (OccDataset *base,
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

OCC_AVAILABLE_IN_1_2
char *occ_csv_quote_field (const char *field, OccCsvFlags flags);

OCC_AVAILABLE_IN_1_2
char *occ_dataset_ratings_to_csv_full (OccDataset *self,
                                       OccCsvFlags flags,
                                       gsize *length);

OCC_AVAILABLE_IN_1_2
gboolean occ_dataset_write_ratings_csv_full (OccDataset *self,
                                             GOutputStream *stream,
                                             OccCsvFlags flags,
                                             GCancellable *cancellable,
                                             GError **error);

OCC_AVAILABLE_IN_1_2
char *occ_dataset_template_to_csv_full (OccDataset *self,
                                        OccCsvFlags flags,
                                        gsize *length);

G_END_DECLS

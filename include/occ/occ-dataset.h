/* occ-dataset.h: an occ-dataset/1 document
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#if !defined(__OCC_INSIDE__) && !defined(OCC_COMPILATION)
#error "Only <occ/occ.h> can be included directly."
#endif

#include <gio/gio.h>
#include <occ/occ-version-macros.h>
#include <occ/occ-methodology.h>
#include <occ/occ-node.h>

G_BEGIN_DECLS

/**
 * OccRatingField:
 * @OCC_RATING_FIELD_COUNTRY: index of the rating's country
 *   (see [method@Occ.Dataset.get_country_id])
 * @OCC_RATING_FIELD_PHASE: index of the rating's phase
 *   (see [method@Occ.Dataset.get_phase_id])
 * @OCC_RATING_FIELD_NODE: index of the rated leaf
 *   (see [method@Occ.Dataset.get_node])
 * @OCC_RATING_FIELD_RATER: index of the rating's rater
 *   (see [method@Occ.Dataset.get_rater_id])
 *
 * The identifying columns of the ratings table, each an array of indices.
 *
 * Since: 1.0
 */
typedef enum {
  OCC_RATING_FIELD_COUNTRY,
  OCC_RATING_FIELD_PHASE,
  OCC_RATING_FIELD_NODE,
  OCC_RATING_FIELD_RATER,
} OccRatingField;

#define OCC_TYPE_DATASET (occ_dataset_get_type ())

OCC_AVAILABLE_IN_1_0
G_DECLARE_FINAL_TYPE (OccDataset, occ_dataset, OCC, DATASET, GObject)

OCC_AVAILABLE_IN_1_0
OccDataset *occ_dataset_new_from_file (const char *filename, GError **error);

OCC_AVAILABLE_IN_1_0
OccDataset *occ_dataset_new_from_data (const char *data,
                                       gssize length,
                                       GError **error);

OCC_AVAILABLE_IN_1_0
OccDataset *occ_dataset_new_from_bytes (GBytes *bytes, GError **error);

OCC_AVAILABLE_IN_1_0
char *occ_dataset_to_data (OccDataset *self, gsize *length);

OCC_AVAILABLE_IN_1_0
gboolean occ_dataset_save_to_file (OccDataset *self,
                                   const char *filename,
                                   GError **error);

OCC_AVAILABLE_IN_1_0
const char *occ_dataset_get_title (OccDataset *self);

OCC_AVAILABLE_IN_1_0
OccMethodology *occ_dataset_get_methodology (OccDataset *self);

OCC_AVAILABLE_IN_1_0
guint occ_dataset_get_n_countries (OccDataset *self);

OCC_AVAILABLE_IN_1_0
const char *occ_dataset_get_country_id (OccDataset *self, guint country);

OCC_AVAILABLE_IN_1_0
const char *occ_dataset_get_country_name (OccDataset *self, guint country);

OCC_AVAILABLE_IN_1_0
int occ_dataset_lookup_country (OccDataset *self, const char *id);

OCC_AVAILABLE_IN_1_0
guint occ_dataset_get_n_phases (OccDataset *self);

OCC_AVAILABLE_IN_1_0
const char *occ_dataset_get_phase_id (OccDataset *self, guint phase);

OCC_AVAILABLE_IN_1_0
const char *occ_dataset_get_phase_label (OccDataset *self, guint phase);

OCC_AVAILABLE_IN_1_0
int occ_dataset_lookup_phase (OccDataset *self, const char *id);

OCC_AVAILABLE_IN_1_0
guint occ_dataset_get_n_raters (OccDataset *self);

OCC_AVAILABLE_IN_1_0
const char *occ_dataset_get_rater_id (OccDataset *self, guint rater);

OCC_AVAILABLE_IN_1_0
const char *occ_dataset_get_rater_name (OccDataset *self, guint rater);

OCC_AVAILABLE_IN_1_0
const char *occ_dataset_get_rater_country (OccDataset *self, guint rater);

OCC_AVAILABLE_IN_1_0
int occ_dataset_lookup_rater (OccDataset *self, const char *id);

OCC_AVAILABLE_IN_1_0
GListModel *occ_dataset_get_framework (OccDataset *self);

OCC_AVAILABLE_IN_1_0
guint occ_dataset_get_n_nodes (OccDataset *self);

OCC_AVAILABLE_IN_1_0
OccNode *occ_dataset_get_node (OccDataset *self, guint index);

OCC_AVAILABLE_IN_1_0
OccNode *occ_dataset_lookup_node (OccDataset *self, const char *id);

OCC_AVAILABLE_IN_1_0
gsize occ_dataset_get_n_ratings (OccDataset *self);

OCC_AVAILABLE_IN_1_0
const guint32 *occ_dataset_get_rating_indices (OccDataset *self,
                                               OccRatingField field,
                                               gsize *n_ratings);

OCC_AVAILABLE_IN_1_0
gint32 *occ_dataset_dup_rating_scores (OccDataset *self,
                                       guint criterion,
                                       guint8 **rated,
                                       gsize *n_ratings);

OCC_AVAILABLE_IN_1_0
guint32 *occ_dataset_dup_rating_group_counts (OccDataset *self,
                                              gsize *n_ratings);

OCC_AVAILABLE_IN_1_0
const guint16 *occ_dataset_get_rating_groups (OccDataset *self,
                                              gsize rating,
                                              gsize *n_groups);

OCC_AVAILABLE_IN_1_0
int occ_dataset_get_rating_validated (OccDataset *self, gsize rating);

OCC_AVAILABLE_IN_1_0
const char *occ_dataset_get_rating_evidence (OccDataset *self, gsize rating);

OCC_AVAILABLE_IN_1_0
gsize occ_dataset_get_n_published (OccDataset *self);

OCC_AVAILABLE_IN_1_0
const guint32 *occ_dataset_get_published_indices (OccDataset *self,
                                                  OccRatingField field,
                                                  gsize *n_published);

OCC_AVAILABLE_IN_1_0
double *occ_dataset_dup_published_scores (OccDataset *self,
                                          guint criterion,
                                          guint8 **present,
                                          gsize *n_published);

OCC_AVAILABLE_IN_1_0
int occ_dataset_get_published_raters (OccDataset *self, gsize published);

OCC_AVAILABLE_IN_1_0
gboolean occ_dataset_get_published_inclusion (OccDataset *self,
                                              gsize published,
                                              double *inclusion);

OCC_AVAILABLE_IN_1_2
OccDataset *occ_dataset_new_from_stream (GInputStream *stream,
                                         const char *source,
                                         GCancellable *cancellable,
                                         GError **error);

OCC_AVAILABLE_IN_1_2
const char *occ_dataset_get_localized_country_name (OccDataset *self,
                                                    guint country,
                                                    const char *lang);

OCC_AVAILABLE_IN_1_2
const char *occ_dataset_get_localized_phase_label (OccDataset *self,
                                                   guint phase,
                                                   const char *lang);

OCC_AVAILABLE_IN_1_2
gboolean occ_dataset_get_rating_records_groups (OccDataset *self,
                                                gsize rating);

G_END_DECLS

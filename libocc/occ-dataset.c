/* occ-dataset.c: an occ-dataset/1 document: the type and what it tells
 *
 * Made by the constructors of occ-dataset-loader.c, which fill its
 * columns (occ-dataset-private.h); never changed after.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <math.h>

#include "occ-dataset-private.h"

/**
 * OccDataset:
 *
 * One `occ-dataset/1` document: the methodology, the countries and phases,
 * the framework of commitments, the raters, and the ratings or published
 * scores to score.
 *
 * ```c
 * g_autoptr(GError) error = NULL;
 * g_autoptr(OccDataset) dataset =
 *   occ_dataset_new_from_file ("peru-2024.json", &error);
 * if (dataset == NULL)
 *   g_printerr ("%s\n", error->message); // names the JSON path and the rule
 * ```
 *
 * Loading checks every rule of the format (occ-v1 §6); a fault is an
 * [error@Occ.Error] whose message names the place, such as
 * `ratings[12].scores.R: 4 is outside the scale 0..3`, and no dataset is
 * returned. Input past one of libocc's limits (larger than 128 MiB,
 * nested deeper than 48 levels, with more than 2²⁴ country × phase ×
 * (node + 1) cells, ...; the list is in docs/reliability.md) is refused
 * with %OCC_ERROR_LIMIT.
 *
 * Ratings are kept in contiguous columns, not as one object each; read
 * them in bulk with [method@Occ.Dataset.get_rating_indices] and
 * [method@Occ.Dataset.dup_rating_scores]. Score a dataset with
 * [ctor@Occ.Results.new].
 *
 * A dataset never changes after it is loaded, so it can be shared between
 * threads and scored from several at once.
 *
 * Since: 1.0
 */

G_DEFINE_FINAL_TYPE (OccDataset, occ_dataset, G_TYPE_OBJECT)

static void
occ_dataset_finalize (GObject *object)
{
  OccDataset *self = OCC_DATASET (object);

  g_free (self->title);
  g_clear_object (&self->methodology);
  occ_id_table_clear (&self->countries);
  occ_id_table_clear (&self->phases);
  occ_id_table_clear (&self->raters);
  g_free (self->rater_country);
  g_clear_object (&self->roots);
  g_clear_pointer (&self->nodes, g_ptr_array_unref);
  g_clear_pointer (&self->node_index, g_hash_table_unref);
  g_free (self->node_parent);
  g_free (self->node_top);
  g_free (self->node_peer);
  g_free (self->node_leaf);
  g_free (self->node_weight);
  g_free (self->child_start);
  g_free (self->child_list);
  g_free (self->r_country);
  g_free (self->r_phase);
  g_free (self->r_node);
  g_free (self->r_rater);
  g_free (self->r_scores);
  g_free (self->r_group_start);
  g_free (self->r_groups_recorded);
  g_free (self->r_groups);
  g_free (self->r_validated);
  g_free (self->r_evidence);
  g_clear_pointer (&self->r_evidence_text, g_ptr_array_unref);
  g_free (self->cell_start);
  g_free (self->cell_ratings);
  g_free (self->cell_scores);
  g_free (self->cell_marked);
  g_free (self->p_country);
  g_free (self->p_phase);
  g_free (self->p_node);
  g_free (self->p_scores);
  g_free (self->p_raters);
  g_free (self->p_inclusion);
  g_clear_pointer (&self->p_by_cell, g_hash_table_unref);
  G_OBJECT_CLASS (occ_dataset_parent_class)->finalize (object);
}

static void
occ_dataset_class_init (OccDatasetClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = occ_dataset_finalize;
}

static void
occ_dataset_init (OccDataset *self)
{
  self->roots = occ_node_list_new (OCC_TYPE_NODE);
  self->nodes = g_ptr_array_new_with_free_func (g_object_unref);
  self->node_index = g_hash_table_new (g_str_hash, g_str_equal);
  self->r_evidence_text = g_ptr_array_new_with_free_func (g_free);
  self->p_by_cell = g_hash_table_new (NULL, NULL);
}

/**
 * occ_dataset_get_title:
 * @self: a dataset
 *
 * The dataset's title, for reports.
 *
 * Returns: (nullable): the dataset's title
 *
 * Since: 1.0
 */
const char *
occ_dataset_get_title (OccDataset *self)
{
  g_return_val_if_fail (OCC_IS_DATASET (self), NULL);
  return self->title;
}

/**
 * occ_dataset_get_methodology:
 * @self: a dataset
 *
 * The rules the dataset is scored by: the built-in methodology it names, or
 * the methodology object it holds.
 *
 * Returns: (transfer none): the methodology the dataset is scored with
 *
 * Since: 1.0
 */
OccMethodology *
occ_dataset_get_methodology (OccDataset *self)
{
  g_return_val_if_fail (OCC_IS_DATASET (self), NULL);
  return self->methodology;
}

/**
 * occ_dataset_get_n_countries:
 * @self: a dataset
 *
 * The number of countries of the dataset; country indices run from 0 to this
 * number minus one.
 *
 * Returns: the number of countries
 *
 * Since: 1.0
 */
guint
occ_dataset_get_n_countries (OccDataset *self)
{
  g_return_val_if_fail (OCC_IS_DATASET (self), 0);
  return self->countries.n;
}

/**
 * occ_dataset_get_country_id:
 * @self: a dataset
 * @country: a country index, less than
 *   [method@Occ.Dataset.get_n_countries]
 *
 * The id of a country of the dataset, by index: countries are numbered from
 * 0 in the order of the dataset's `countries`.
 *
 * Returns: the country's id, such as `PE`
 *
 * Since: 1.0
 */
const char *
occ_dataset_get_country_id (OccDataset *self, guint country)
{
  g_return_val_if_fail (OCC_IS_DATASET (self), NULL);
  g_return_val_if_fail (country < self->countries.n, NULL);
  return self->countries.ids[country];
}

/**
 * occ_dataset_get_country_name:
 * @self: a dataset
 * @country: a country index
 *
 * The name of a country of the dataset, by index.
 *
 * Returns: (nullable): the country's name, such as `Peru`
 *
 * Since: 1.0
 */
const char *
occ_dataset_get_country_name (OccDataset *self, guint country)
{
  g_return_val_if_fail (OCC_IS_DATASET (self), NULL);
  g_return_val_if_fail (country < self->countries.n, NULL);
  return self->countries.names[country];
}

/**
 * occ_dataset_lookup_country:
 * @self: a dataset
 * @id: a country id
 *
 * Finds a country of the dataset by its id.
 *
 * Returns: the country's index, or -1 when the dataset has no such country
 *
 * Since: 1.0
 */
int
occ_dataset_lookup_country (OccDataset *self, const char *id)
{
  g_return_val_if_fail (OCC_IS_DATASET (self), -1);
  g_return_val_if_fail (id != NULL, -1);
  return occ_id_table_lookup (&self->countries, id);
}

/**
 * occ_dataset_get_n_phases:
 * @self: a dataset
 *
 * The number of phases of the dataset; phase indices run from 0 to this
 * number minus one, in chronological order.
 *
 * Returns: the number of phases (monitoring rounds)
 *
 * Since: 1.0
 */
guint
occ_dataset_get_n_phases (OccDataset *self)
{
  g_return_val_if_fail (OCC_IS_DATASET (self), 0);
  return self->phases.n;
}

/**
 * occ_dataset_get_phase_id:
 * @self: a dataset
 * @phase: a phase index, in chronological order
 *
 * The id of a phase of the dataset, by index.
 *
 * Returns: the phase's id, such as `2024`
 *
 * Since: 1.0
 */
const char *
occ_dataset_get_phase_id (OccDataset *self, guint phase)
{
  g_return_val_if_fail (OCC_IS_DATASET (self), NULL);
  g_return_val_if_fail (phase < self->phases.n, NULL);
  return self->phases.ids[phase];
}

/**
 * occ_dataset_get_phase_label:
 * @self: a dataset
 * @phase: a phase index
 *
 * The label of a phase of the dataset, by index.
 *
 * Returns: (nullable): the phase's label, such as `Phase 2 (2024)`
 *
 * Since: 1.0
 */
const char *
occ_dataset_get_phase_label (OccDataset *self, guint phase)
{
  g_return_val_if_fail (OCC_IS_DATASET (self), NULL);
  g_return_val_if_fail (phase < self->phases.n, NULL);
  return self->phases.names[phase];
}

/**
 * occ_dataset_lookup_phase:
 * @self: a dataset
 * @id: a phase id
 *
 * Finds a phase of the dataset by its id.
 *
 * Returns: the phase's index, or -1 when the dataset has no such phase
 *
 * Since: 1.0
 */
int
occ_dataset_lookup_phase (OccDataset *self, const char *id)
{
  g_return_val_if_fail (OCC_IS_DATASET (self), -1);
  g_return_val_if_fail (id != NULL, -1);
  return occ_id_table_lookup (&self->phases, id);
}

/**
 * occ_dataset_get_n_raters:
 * @self: a dataset
 *
 * The number of raters of the dataset; rater indices run from 0 to this
 * number minus one.
 *
 * Returns: the number of raters (organizations that rate)
 *
 * Since: 1.0
 */
guint
occ_dataset_get_n_raters (OccDataset *self)
{
  g_return_val_if_fail (OCC_IS_DATASET (self), 0);
  return self->raters.n;
}

/**
 * occ_dataset_get_rater_id:
 * @self: a dataset
 * @rater: a rater index
 *
 * The id of a rater of the dataset, by index.
 *
 * Returns: the rater's id
 *
 * Since: 1.0
 */
const char *
occ_dataset_get_rater_id (OccDataset *self, guint rater)
{
  g_return_val_if_fail (OCC_IS_DATASET (self), NULL);
  g_return_val_if_fail (rater < self->raters.n, NULL);
  return self->raters.ids[rater];
}

/**
 * occ_dataset_get_rater_name:
 * @self: a dataset
 * @rater: a rater index
 *
 * The name of a rater of the dataset, by index.
 *
 * Returns: (nullable): the rater's name
 *
 * Since: 1.0
 */
const char *
occ_dataset_get_rater_name (OccDataset *self, guint rater)
{
  g_return_val_if_fail (OCC_IS_DATASET (self), NULL);
  g_return_val_if_fail (rater < self->raters.n, NULL);
  return self->raters.names[rater];
}

/**
 * occ_dataset_get_rater_country:
 * @self: a dataset
 * @rater: a rater index
 *
 * The country a rater belongs to, by the rater's index.
 *
 * Returns: (nullable): the id of the rater's country, when given
 *
 * Since: 1.0
 */
const char *
occ_dataset_get_rater_country (OccDataset *self, guint rater)
{
  g_return_val_if_fail (OCC_IS_DATASET (self), NULL);
  g_return_val_if_fail (rater < self->raters.n, NULL);
  if (self->rater_country[rater] < 0)
    return NULL;
  return self->countries.ids[self->rater_country[rater]];
}

/**
 * occ_dataset_lookup_rater:
 * @self: a dataset
 * @id: a rater id
 *
 * Finds a rater of the dataset by its id.
 *
 * Returns: the rater's index, or -1 when the dataset has no such rater
 *
 * Since: 1.0
 */
int
occ_dataset_lookup_rater (OccDataset *self, const char *id)
{
  g_return_val_if_fail (OCC_IS_DATASET (self), -1);
  g_return_val_if_fail (id != NULL, -1);
  return occ_id_table_lookup (&self->raters, id);
}

/**
 * occ_dataset_get_framework:
 * @self: a dataset
 *
 * The framework of commitments: its top-level nodes, each holding its
 * children.
 *
 * Returns: (transfer none) (attributes element-type=OccNode): the
 *   top-level nodes (summits), a list of [class@Occ.Node] owned by the
 *   dataset
 *
 * Since: 1.0
 */
GListModel *
occ_dataset_get_framework (OccDataset *self)
{
  g_return_val_if_fail (OCC_IS_DATASET (self), NULL);
  return G_LIST_MODEL (self->roots);
}

/**
 * occ_dataset_get_n_nodes:
 * @self: a dataset
 *
 * The number of nodes of the framework, at every depth; node indices (see
 * [method@Occ.Node.get_index]) run from 0 to this number minus one.
 *
 * Returns: the number of nodes in the whole framework
 *
 * Since: 1.0
 */
guint
occ_dataset_get_n_nodes (OccDataset *self)
{
  g_return_val_if_fail (OCC_IS_DATASET (self), 0);
  return self->n_nodes;
}

/**
 * occ_dataset_get_node:
 * @self: a dataset
 * @index: a node index, less than [method@Occ.Dataset.get_n_nodes]
 *
 * Nodes are numbered in document order: each node comes before its
 * children.
 *
 * Returns: (transfer none): the node
 *
 * Since: 1.0
 */
OccNode *
occ_dataset_get_node (OccDataset *self, guint index)
{
  g_return_val_if_fail (OCC_IS_DATASET (self), NULL);
  g_return_val_if_fail (index < self->n_nodes, NULL);
  return g_ptr_array_index (self->nodes, index);
}

/**
 * occ_dataset_lookup_node:
 * @self: a dataset
 * @id: a node id
 *
 * Finds a node of the framework, at any depth, by its id.
 *
 * Returns: (transfer none) (nullable): the node with that id, or %NULL
 *
 * Since: 1.0
 */
OccNode *
occ_dataset_lookup_node (OccDataset *self, const char *id)
{
  g_return_val_if_fail (OCC_IS_DATASET (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);
  return g_hash_table_lookup (self->node_index, id);
}

/**
 * occ_dataset_get_n_ratings:
 * @self: a dataset
 *
 * The number of records of the dataset's `ratings` array, the length of each
 * column of the ratings table.
 *
 * Returns: the number of ratings
 *
 * Since: 1.0
 */
gsize
occ_dataset_get_n_ratings (OccDataset *self)
{
  g_return_val_if_fail (OCC_IS_DATASET (self), 0);
  return self->n_ratings;
}

/**
 * occ_dataset_get_rating_indices:
 * @self: a dataset
 * @field: which column
 * @n_ratings: (out): the number of ratings
 *
 * One identifying column of the ratings table, in file order: for every
 * rating, the index of its country, phase, leaf node or rater.
 *
 * Returns: (transfer none) (array length=n_ratings): the column, owned by
 *   the dataset
 *
 * Since: 1.0
 */
const guint32 *
occ_dataset_get_rating_indices (OccDataset *self, OccRatingField field,
                                gsize *n_ratings)
{
  g_return_val_if_fail (OCC_IS_DATASET (self), NULL);
  g_return_val_if_fail (n_ratings != NULL, NULL);

  *n_ratings = self->n_ratings;
  switch (field)
    {
    case OCC_RATING_FIELD_COUNTRY:
      return self->r_country;
    case OCC_RATING_FIELD_PHASE:
      return self->r_phase;
    case OCC_RATING_FIELD_NODE:
      return self->r_node;
    case OCC_RATING_FIELD_RATER:
      return self->r_rater;
    default:
      *n_ratings = 0;
      g_return_val_if_reached (NULL);
    }
}

/**
 * occ_dataset_dup_rating_scores:
 * @self: a dataset
 * @criterion: a criterion index of the dataset's methodology
 * @rated: (out) (optional) (transfer full) (array length=n_ratings): for
 *   every rating, 1 when it scores @criterion and 0 when the score is null
 * @n_ratings: (out): the number of ratings
 *
 * The scores of every rating for one criterion, in file order. A null
 * ("not rated") score is 0 in the result and 0 in @rated.
 *
 * Returns: (transfer full) (array length=n_ratings): the scores
 *
 * Since: 1.0
 */
gint32 *
occ_dataset_dup_rating_scores (OccDataset *self, guint criterion,
                               guint8 **rated, gsize *n_ratings)
{
  guint n_criteria;
  gint32 *scores;
  guint8 *mask;

  g_return_val_if_fail (OCC_IS_DATASET (self), NULL);
  g_return_val_if_fail (n_ratings != NULL, NULL);
  n_criteria = self->methodology->n_criteria;
  g_return_val_if_fail (criterion < n_criteria, NULL);

  scores = g_new (gint32, self->n_ratings + 1);
  mask = g_new (guint8, self->n_ratings + 1);
  for (gsize i = 0; i < self->n_ratings; i++)
    {
      gint32 s = self->r_scores[i * n_criteria + criterion];
      mask[i] = s != OCC_SCORE_NULL;
      scores[i] = mask[i] ? s : 0;
    }
  *n_ratings = self->n_ratings;
  if (rated)
    *rated = mask;
  else
    g_free (mask);
  return scores;
}

/**
 * occ_dataset_dup_rating_group_counts:
 * @self: a dataset
 * @n_ratings: (out): the number of ratings
 *
 * For every rating, how many population groups its rater marked as
 * included: its part of the numerator of the inclusion figure (occ-v1
 * §4.6). A rating that recorded no groups counts 0 here, as one that
 * recorded none does; tell them apart with
 * [method@Occ.Dataset.get_rating_records_groups].
 *
 * Returns: (transfer full) (array length=n_ratings): the counts
 *
 * Since: 1.0
 */
guint32 *
occ_dataset_dup_rating_group_counts (OccDataset *self, gsize *n_ratings)
{
  guint32 *counts;

  g_return_val_if_fail (OCC_IS_DATASET (self), NULL);
  g_return_val_if_fail (n_ratings != NULL, NULL);

  counts = g_new (guint32, self->n_ratings + 1);
  for (gsize i = 0; i < self->n_ratings; i++)
    counts[i] = self->r_group_start[i + 1] - self->r_group_start[i];
  *n_ratings = self->n_ratings;
  return counts;
}

/**
 * occ_dataset_get_rating_groups:
 * @self: a dataset
 * @rating: a rating index, less than [method@Occ.Dataset.get_n_ratings]
 * @n_groups: (out): the number of groups the rater marked
 *
 * The population groups the rater found included, as indices of the
 * methodology's groups (see
 * [method@Occ.Methodology.get_population_group_id]), in file order.
 *
 * Returns: (transfer none) (array length=n_groups): the group indices,
 *   owned by the dataset
 *
 * Since: 1.0
 */
const guint16 *
occ_dataset_get_rating_groups (OccDataset *self, gsize rating,
                               gsize *n_groups)
{
  g_return_val_if_fail (OCC_IS_DATASET (self), NULL);
  g_return_val_if_fail (n_groups != NULL, NULL);
  g_return_val_if_fail (rating < self->n_ratings, NULL);

  *n_groups = self->r_group_start[rating + 1] - self->r_group_start[rating];
  return self->r_groups + self->r_group_start[rating];
}

/**
 * occ_dataset_get_rating_validated:
 * @self: a dataset
 * @rating: a rating index
 *
 * Whether the national scenario validated the rating.
 *
 * Returns: 1 if it did, 0 if it did not, -1 when the dataset does not say
 *
 * Since: 1.0
 */
int
occ_dataset_get_rating_validated (OccDataset *self, gsize rating)
{
  g_return_val_if_fail (OCC_IS_DATASET (self), -1);
  g_return_val_if_fail (rating < self->n_ratings, -1);
  return self->r_validated[rating];
}

/**
 * occ_dataset_get_rating_evidence:
 * @self: a dataset
 * @rating: a rating index
 *
 * The evidence behind a rating, kept as the dataset gives it: a JSON array
 * (such as `[{"kind": "practice", "source": "information-request"}]`),
 * since observatories record evidence in their own ways.
 *
 * Returns: (nullable): the evidence as JSON text, or %NULL when there is
 *   none
 *
 * Since: 1.0
 */
const char *
occ_dataset_get_rating_evidence (OccDataset *self, gsize rating)
{
  g_return_val_if_fail (OCC_IS_DATASET (self), NULL);
  g_return_val_if_fail (rating < self->n_ratings, NULL);
  if (self->r_evidence[rating] == 0)
    return NULL;
  return g_ptr_array_index (self->r_evidence_text,
                            self->r_evidence[rating] - 1);
}

/**
 * occ_dataset_get_n_published:
 * @self: a dataset
 *
 * The number of records of the dataset's `published` array.
 *
 * Returns: the number of published leaf scores
 *
 * Since: 1.0
 */
gsize
occ_dataset_get_n_published (OccDataset *self)
{
  g_return_val_if_fail (OCC_IS_DATASET (self), 0);
  return self->n_published;
}

int
occ_dataset_published_for_cell (OccDataset *self, gsize cell)
{
  return GPOINTER_TO_INT (g_hash_table_lookup (self->p_by_cell,
                                               GSIZE_TO_POINTER (cell + 1)))
         - 1;
}

/**
 * occ_dataset_get_published_indices:
 * @self: a dataset
 * @field: which column: %OCC_RATING_FIELD_COUNTRY, %OCC_RATING_FIELD_PHASE
 *   or %OCC_RATING_FIELD_NODE (published scores have no rater)
 * @n_published: (out): the number of published scores
 *
 * One identifying column of the published scores, in file order.
 *
 * Returns: (transfer none) (array length=n_published): the column, owned
 *   by the dataset
 *
 * Since: 1.0
 */
const guint32 *
occ_dataset_get_published_indices (OccDataset *self, OccRatingField field,
                                   gsize *n_published)
{
  g_return_val_if_fail (OCC_IS_DATASET (self), NULL);
  g_return_val_if_fail (n_published != NULL, NULL);

  *n_published = self->n_published;
  switch (field)
    {
    case OCC_RATING_FIELD_COUNTRY:
      return self->p_country;
    case OCC_RATING_FIELD_PHASE:
      return self->p_phase;
    case OCC_RATING_FIELD_NODE:
      return self->p_node;
    case OCC_RATING_FIELD_RATER:
    default:
      *n_published = 0;
      g_return_val_if_reached (NULL);
    }
}

/**
 * occ_dataset_dup_published_scores:
 * @self: a dataset
 * @criterion: a criterion index of the dataset's methodology
 * @present: (out) (optional) (transfer full) (array length=n_published):
 *   1 where the record gives a score for @criterion, 0 where it is null
 * @n_published: (out): the number of published scores
 *
 * The published scores for one criterion, in file order; a null score is
 * 0 in the result and 0 in @present.
 *
 * Returns: (transfer full) (array length=n_published): the scores
 *
 * Since: 1.0
 */
double *
occ_dataset_dup_published_scores (OccDataset *self, guint criterion,
                                  guint8 **present, gsize *n_published)
{
  guint n_criteria;
  double *scores;
  guint8 *mask;

  g_return_val_if_fail (OCC_IS_DATASET (self), NULL);
  g_return_val_if_fail (n_published != NULL, NULL);
  n_criteria = self->methodology->n_criteria;
  g_return_val_if_fail (criterion < n_criteria, NULL);

  scores = g_new (double, self->n_published + 1);
  mask = g_new (guint8, self->n_published + 1);
  for (gsize i = 0; i < self->n_published; i++)
    {
      double s = self->p_scores[i * n_criteria + criterion];
      mask[i] = !isnan (s);
      scores[i] = mask[i] ? s : 0.0;
    }
  *n_published = self->n_published;
  if (present)
    *present = mask;
  else
    g_free (mask);
  return scores;
}

/**
 * occ_dataset_get_published_raters:
 * @self: a dataset
 * @published: a published-score index
 *
 * The number of raters a published record gives, if it gives one.
 *
 * Returns: the number of raters behind the published score, or -1 when the
 *   dataset does not give it
 *
 * Since: 1.0
 */
int
occ_dataset_get_published_raters (OccDataset *self, gsize published)
{
  g_return_val_if_fail (OCC_IS_DATASET (self), -1);
  g_return_val_if_fail (published < self->n_published, -1);
  return (int) self->p_raters[published];
}

/**
 * occ_dataset_get_published_inclusion:
 * @self: a dataset
 * @published: a published-score index
 * @inclusion: (out) (optional): the published inclusion, from 0 to 1
 *
 * The population inclusion a published record gives, if it gives one.
 *
 * Returns: %TRUE if the published record gives an inclusion figure
 *
 * Since: 1.0
 */
gboolean
occ_dataset_get_published_inclusion (OccDataset *self, gsize published,
                                     double *inclusion)
{
  g_return_val_if_fail (OCC_IS_DATASET (self), FALSE);
  g_return_val_if_fail (published < self->n_published, FALSE);
  if (self->p_inclusion[published] < 0)
    return FALSE;
  if (inclusion)
    *inclusion = self->p_inclusion[published];
  return TRUE;
}

/**
 * occ_dataset_get_localized_country_name:
 * @self: a dataset
 * @country: a country index, less than
 *   [method@Occ.Dataset.get_n_countries]
 * @lang: (nullable): a BCP 47 language tag, such as `es`, or %NULL
 *
 * A country's name in a language (occ-v1 §2): its `labels[lang]`, else
 * the entry for the language of a regional tag, else its name.
 *
 * Returns: (nullable): the name in @lang, or the name, or %NULL when the
 *   dataset gives neither
 *
 * Since: 1.2
 */
const char *
occ_dataset_get_localized_country_name (OccDataset *self, guint country,
                                        const char *lang)
{
  g_return_val_if_fail (OCC_IS_DATASET (self), NULL);
  g_return_val_if_fail (country < self->countries.n, NULL);
  return occ_labels_lookup (self->countries.l10n[country], lang,
                            self->countries.names[country]);
}

/**
 * occ_dataset_get_localized_phase_label:
 * @self: a dataset
 * @phase: a phase index, less than [method@Occ.Dataset.get_n_phases]
 * @lang: (nullable): a BCP 47 language tag, or %NULL
 *
 * A phase's label in a language, with the fallback of
 * [method@Occ.Dataset.get_localized_country_name].
 *
 * Returns: (nullable): the label in @lang, or the label, or %NULL when the
 *   dataset gives neither
 *
 * Since: 1.2
 */
const char *
occ_dataset_get_localized_phase_label (OccDataset *self, guint phase,
                                       const char *lang)
{
  g_return_val_if_fail (OCC_IS_DATASET (self), NULL);
  g_return_val_if_fail (phase < self->phases.n, NULL);
  return occ_labels_lookup (self->phases.l10n[phase], lang,
                            self->phases.names[phase]);
}

/**
 * occ_dataset_get_rating_records_groups:
 * @self: a dataset
 * @rating: a rating index, less than [method@Occ.Dataset.get_n_ratings]
 *
 * Whether the rating records population inclusion at all (occ-v1 §2): a
 * rating with a `groups` member (`[]` records that no group was
 * included), or a row of a ratings sheet with a `groups` column. A rating
 * that records nothing counts on neither side of the inclusion figure
 * (occ-v1 §4.6), and [method@Occ.Dataset.get_rating_groups] gives it no
 * groups.
 *
 * Returns: %TRUE if the rating records which groups were included
 *
 * Since: 1.2
 */
gboolean
occ_dataset_get_rating_records_groups (OccDataset *self, gsize rating)
{
  g_return_val_if_fail (OCC_IS_DATASET (self), FALSE);
  g_return_val_if_fail (rating < self->n_ratings, FALSE);
  return self->r_groups_recorded[rating];
}

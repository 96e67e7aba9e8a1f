/* occ-score.c: the scores of one node in one country and phase
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <occ/occ-score.h>

#include "occ-score-private.h"

/**
 * OccScore:
 *
 * What the scoring rules give one node of the framework, in one country and
 * phase: its score and band, its criterion scores (R, E, S for the CCO), the
 * change since the previous phase, its rank among its peers and between
 * countries, population inclusion, and how many children had no score.
 *
 * A score is a view into its [class@Occ.Results], which it keeps alive.
 * Values are full double precision; round them for people with
 * [method@Occ.Methodology.format_value]. Every getter that may have no
 * value returns %FALSE (or %NULL, or 0 for a rank) instead of a NaN.
 *
 * The score of a whole country (see [method@Occ.Results.lookup_country]) has
 * no node and a depth of -1.
 *
 * A score never changes, so it can be read from several threads at once.
 *
 * Since: 1.0
 */

struct _OccScore
{
  GObject parent_instance;

  GObject *owner; /* the results, which keep the dataset and the table */
  OccDataset *dataset;
  OccTable *table;
  guint country;
  guint phase;
  guint node; /* n_nodes for the country as a whole */
  gsize cell;
};

G_DEFINE_FINAL_TYPE (OccScore, occ_score, G_TYPE_OBJECT)

static void
occ_score_finalize (GObject *object)
{
  OccScore *self = OCC_SCORE (object);

  g_clear_object (&self->owner);
  G_OBJECT_CLASS (occ_score_parent_class)->finalize (object);
}

static void
occ_score_class_init (OccScoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = occ_score_finalize;
}

static void
occ_score_init (OccScore *self)
{
}

OccScore *
occ_score_new (GObject *owner, OccDataset *dataset, OccTable *table,
               guint country, guint phase, guint node)
{
  OccScore *self = g_object_new (OCC_TYPE_SCORE, NULL);

  self->owner = g_object_ref (owner);
  self->dataset = dataset;
  self->table = table;
  self->country = country;
  self->phase = phase;
  self->node = node;
  self->cell = occ_table_cell (table, country, phase, node);
  return self;
}

static OccTable *
table (OccScore *self)
{
  return self->table;
}

static OccMethodology *
methodology (OccScore *self)
{
  return self->dataset->methodology;
}

static guint
n_criteria (OccScore *self)
{
  return table (self)->n_slots - 1;
}

static gboolean
is_country (OccScore *self)
{
  return self->node == table (self)->n_nodes;
}

/**
 * occ_score_get_country:
 * @self: a score
 *
 * The country the score is for.
 *
 * Returns: the country's id
 *
 * Since: 1.0
 */
const char *
occ_score_get_country (OccScore *self)
{
  g_return_val_if_fail (OCC_IS_SCORE (self), NULL);
  return self->dataset->countries.ids[self->country];
}

/**
 * occ_score_get_phase:
 * @self: a score
 *
 * The phase the score is for.
 *
 * Returns: the phase's id
 *
 * Since: 1.0
 */
const char *
occ_score_get_phase (OccScore *self)
{
  g_return_val_if_fail (OCC_IS_SCORE (self), NULL);
  return self->dataset->phases.ids[self->phase];
}

/**
 * occ_score_get_node:
 * @self: a score
 *
 * The node the score is for.
 *
 * Returns: (transfer none) (nullable): the node, or %NULL for the score of a
 *   whole country
 *
 * Since: 1.0
 */
OccNode *
occ_score_get_node (OccScore *self)
{
  g_return_val_if_fail (OCC_IS_SCORE (self), NULL);
  if (is_country (self))
    return NULL;
  return g_ptr_array_index (self->dataset->nodes, self->node);
}

/**
 * occ_score_get_node_id:
 * @self: a score
 *
 * The id of the node the score is for.
 *
 * Returns: (nullable): the node's id, or %NULL for a whole country
 *
 * Since: 1.0
 */
const char *
occ_score_get_node_id (OccScore *self)
{
  OccNode *node;

  g_return_val_if_fail (OCC_IS_SCORE (self), NULL);
  node = occ_score_get_node (self);
  return node ? occ_node_get_id (node) : NULL;
}

/**
 * occ_score_get_depth:
 * @self: a score
 *
 * The depth of the node the score is for.
 *
 * Returns: the node's depth (0 for a top-level node), or -1 for a whole
 *   country
 *
 * Since: 1.0
 */
int
occ_score_get_depth (OccScore *self)
{
  g_return_val_if_fail (OCC_IS_SCORE (self), -1);
  if (is_country (self))
    return -1;
  return (int) occ_node_get_depth (occ_score_get_node (self));
}

/**
 * occ_score_get_value:
 * @self: a score
 * @value: (out) (optional): the score, unrounded
 *
 * The node's score: for a leaf, the aggregate of its criterion scores; for
 * an inner node, the aggregate of its children's scores.
 *
 * Returns: %TRUE if the node has a score (occ-v1 §4.2 and §4.3)
 *
 * Since: 1.0
 */
gboolean
occ_score_get_value (OccScore *self, double *value)
{
  double v;

  g_return_val_if_fail (OCC_IS_SCORE (self), FALSE);
  if (!occ_table_get (table (self), self->cell, n_criteria (self), &v))
    return FALSE;
  if (value)
    *value = v;
  return TRUE;
}

/**
 * occ_score_get_band:
 * @self: a score
 *
 * The band of the score's value (occ-v1 §4.5): the band of the value
 * rounded to the methodology's precision, the figure a person is shown.
 *
 * Returns: (nullable): the band of the score, such as `medium`, or %NULL
 *   when there is no score or it is below every band
 *
 * Since: 1.0
 */
const char *
occ_score_get_band (OccScore *self)
{
  double v;

  g_return_val_if_fail (OCC_IS_SCORE (self), NULL);
  if (!occ_score_get_value (self, &v))
    return NULL;
  return occ_methodology_band_for_value (methodology (self), v);
}

/**
 * occ_score_get_delta:
 * @self: a score
 * @delta: (out) (optional): this phase's score minus the previous phase's
 *
 * The change of the node's score since the phase before this one, in the
 * dataset's order of phases.
 *
 * Returns: %TRUE if both this phase and the one before it have a score
 *   (occ-v1 §4.4)
 *
 * Since: 1.0
 */
gboolean
occ_score_get_delta (OccScore *self, double *delta)
{
  double d;

  g_return_val_if_fail (OCC_IS_SCORE (self), FALSE);
  if (!occ_table_get_delta (table (self), self->country, self->phase,
                            self->node, n_criteria (self), &d))
    return FALSE;
  if (delta)
    *delta = d;
  return TRUE;
}

/**
 * occ_score_get_rank:
 * @self: a score
 *
 * The node's rank among its peers in its country and phase (occ-v1 §4.7):
 * top-level nodes against each other; every other node against the nodes
 * of the same depth under its top-level node, leaves and inner nodes
 * alike (the commitments of a summit, with or without sub-commitments).
 * Equal rounded values share a rank (1, 2, 2, 4). Since libocc 1.2
 * (occ-v1 revision 2); 1.0 and 1.1 ranked every leaf of a top-level node
 * together, whatever its depth, and inner nodes apart from leaves.
 *
 * Returns: the rank, from 1; 0 when the node has no score or is a country
 *
 * Since: 1.0
 */
guint
occ_score_get_rank (OccScore *self)
{
  g_return_val_if_fail (OCC_IS_SCORE (self), 0);
  return table (self)->rank[self->cell];
}

/**
 * occ_score_get_country_rank:
 * @self: a score
 *
 * The rank of this country among the dataset's countries that score the
 * same node in the same phase (for a country's score, among all countries).
 *
 * Returns: the rank, from 1; 0 when there is no score
 *
 * Since: 1.0
 */
guint
occ_score_get_country_rank (OccScore *self)
{
  g_return_val_if_fail (OCC_IS_SCORE (self), 0);
  return table (self)->country_rank[self->cell];
}

/**
 * occ_score_get_inclusion:
 * @self: a score
 * @inclusion: (out) (optional): the fraction, from 0 to 1
 *
 * Population inclusion (occ-v1 §4.6): of all the (rater, population
 * group) pairs, the fraction the raters marked as included.
 *
 * Returns: %TRUE if the figure is known
 *
 * Since: 1.0
 */
gboolean
occ_score_get_inclusion (OccScore *self, double *inclusion)
{
  double v;

  g_return_val_if_fail (OCC_IS_SCORE (self), FALSE);
  v = table (self)->inclusion[self->cell];
  if (v < 0)
    return FALSE;
  if (inclusion)
    *inclusion = v;
  return TRUE;
}

/**
 * occ_score_get_missing_children:
 * @self: a score
 *
 * How many children of the node have no score and were left out of its score
 * (occ-v1 §4.3).
 *
 * Returns: for an inner node, how many of its children have no score;
 *   -1 for a leaf
 *
 * Since: 1.0
 */
int
occ_score_get_missing_children (OccScore *self)
{
  g_return_val_if_fail (OCC_IS_SCORE (self), -1);
  return table (self)->missing[self->cell];
}

/**
 * occ_score_get_n_criteria:
 * @self: a score
 *
 * The number of criterion scores a score can have.
 *
 * Returns: the number of criteria, as in the dataset's methodology
 *
 * Since: 1.0
 */
guint
occ_score_get_n_criteria (OccScore *self)
{
  g_return_val_if_fail (OCC_IS_SCORE (self), 0);
  return n_criteria (self);
}

/**
 * occ_score_get_criterion_value:
 * @self: a score
 * @criterion: a criterion index of the methodology
 * @value: (out) (optional): the criterion score, unrounded
 *
 * The node's score for one criterion, by the criterion's index in the
 * methodology (see [method@Occ.Methodology.lookup_criterion]).
 *
 * Returns: %TRUE if the node has a score for @criterion
 *
 * Since: 1.0
 */
gboolean
occ_score_get_criterion_value (OccScore *self, guint criterion, double *value)
{
  double v;

  g_return_val_if_fail (OCC_IS_SCORE (self), FALSE);
  g_return_val_if_fail (criterion < n_criteria (self), FALSE);
  if (!occ_table_get (table (self), self->cell, criterion, &v))
    return FALSE;
  if (value)
    *value = v;
  return TRUE;
}

/**
 * occ_score_get_criterion_band:
 * @self: a score
 * @criterion: a criterion index
 *
 * The band of one of the node's criterion scores.
 *
 * Returns: (nullable): the band of the criterion score
 *
 * Since: 1.0
 */
const char *
occ_score_get_criterion_band (OccScore *self, guint criterion)
{
  double v;

  g_return_val_if_fail (OCC_IS_SCORE (self), NULL);
  if (!occ_score_get_criterion_value (self, criterion, &v))
    return NULL;
  return occ_methodology_band_for_value (methodology (self), v);
}

/**
 * occ_score_get_criterion_delta:
 * @self: a score
 * @criterion: a criterion index
 * @delta: (out) (optional): the change since the previous phase
 *
 * The change of one of the node's criterion scores since the previous phase.
 *
 * Returns: %TRUE if both phases have a score for @criterion
 *
 * Since: 1.0
 */
gboolean
occ_score_get_criterion_delta (OccScore *self, guint criterion, double *delta)
{
  double d;

  g_return_val_if_fail (OCC_IS_SCORE (self), FALSE);
  g_return_val_if_fail (criterion < n_criteria (self), FALSE);
  if (!occ_table_get_delta (table (self), self->country, self->phase,
                            self->node, criterion, &d))
    return FALSE;
  if (delta)
    *delta = d;
  return TRUE;
}

/**
 * occ_score_get_criterion_n:
 * @self: a score
 * @criterion: a criterion index
 *
 * How many ratings one of a leaf's criterion scores comes from.
 *
 * Returns: for a leaf, the number of non-null ratings behind its score for
 *   @criterion (or a published record's `raters`); -1 when unknown or for
 *   an inner node
 *
 * Since: 1.0
 */
int
occ_score_get_criterion_n (OccScore *self, guint criterion)
{
  OccTable *t;

  g_return_val_if_fail (OCC_IS_SCORE (self), -1);
  g_return_val_if_fail (criterion < n_criteria (self), -1);
  t = table (self);
  return t->n[self->cell * (t->n_slots - 1) + criterion];
}

static gboolean
is_rated_leaf (OccScore *self)
{
  OccTable *t = table (self);

  return t->rated != NULL && self->node < t->n_nodes
         && self->dataset->node_leaf[self->node] && t->rated[self->cell] > 0;
}

/**
 * occ_score_get_level:
 * @self: the score of a leaf
 * @criterion: a criterion index
 * @level: (out) (optional): the level: 0 for the lowest, … (see
 *   [method@Occ.Methodology.get_n_criterion_levels]), or -1, -2, … for an
 *   unranked answer
 *
 * A leaf's level for a criterion of a categorical methodology: the
 * raters' median or mode (occ-categorical.md rule 1).
 *
 * Returns: %TRUE with @level set; %FALSE when the leaf has no level for
 *   @criterion (not assessed, too few raters), for inner nodes and for
 *   numeric methodologies
 *
 * Since: 1.5
 */
gboolean
occ_score_get_level (OccScore *self, guint criterion, int *level)
{
  OccTable *t;
  gint32 found;

  g_return_val_if_fail (OCC_IS_SCORE (self), FALSE);
  g_return_val_if_fail (criterion < n_criteria (self), FALSE);
  t = table (self);
  if (!is_rated_leaf (self))
    return FALSE;
  found = t->level[self->cell * t->n_criteria + criterion];
  if (found == OCC_SCORE_NULL)
    return FALSE;
  if (level)
    *level = found;
  return TRUE;
}

/**
 * occ_score_get_level_id:
 * @self: the score of a leaf
 * @criterion: a criterion index
 *
 * The id of the leaf's level for @criterion, as results write it
 * (`substantial`), or %NULL where [method@Occ.Score.get_level] gives
 * none.
 *
 * Returns: (nullable): the level's id
 *
 * Since: 1.5
 */
const char *
occ_score_get_level_id (OccScore *self, guint criterion)
{
  int level;

  g_return_val_if_fail (OCC_IS_SCORE (self), NULL);
  g_return_val_if_fail (criterion < n_criteria (self), NULL);
  if (!occ_score_get_level (self, criterion, &level))
    return NULL;
  return occ_methodology_get_criterion_level_id (self->dataset->methodology,
                                                 criterion, level);
}

/**
 * occ_score_get_flag:
 * @self: the score of a leaf
 * @flag: a flag index, less than [method@Occ.Methodology.get_n_flags]
 *
 * Whether a leaf has a flag of a categorical methodology, such as
 * `starred` (occ-categorical.md rule 3).
 *
 * Returns: the flag's value; %OCC_TRUTH_UNKNOWN when a level it depends
 *   on is missing, and for inner nodes
 *
 * Since: 1.5
 */
OccTruth
occ_score_get_flag (OccScore *self, guint flag)
{
  OccTable *t;
  gint8 value;

  g_return_val_if_fail (OCC_IS_SCORE (self), OCC_TRUTH_UNKNOWN);
  t = table (self);
  g_return_val_if_fail (flag < t->n_flags, OCC_TRUTH_UNKNOWN);
  if (!is_rated_leaf (self))
    return OCC_TRUTH_UNKNOWN;
  value = t->flag[self->cell * t->n_flags + flag];
  return value == OCC_COND_UNKNOWN ? OCC_TRUTH_UNKNOWN
         : value                   ? OCC_TRUTH_TRUE
                                   : OCC_TRUTH_FALSE;
}

/**
 * occ_score_get_summary:
 * @self: the score of an inner node or a country
 * @summary: a summary index, less than
 *   [method@Occ.Methodology.get_n_summaries]
 * @count: (out) (optional): the rated leaves below for which the
 *   summary's condition holds
 * @unknown: (out) (optional): those for which it is unknown
 * @of: (out) (optional): the rated leaves below
 * @percent: (out) (optional): 100 × @count / @of, in full precision;
 *   round it for people with [method@Occ.Methodology.round]
 *
 * A summary of a categorical methodology for the leaves below a node or
 * in a country (occ-categorical.md rule 4): Peru's 2017-2019 action
 * plan has 16 `relevant` commitments of 18, 88.9 %.
 *
 * Returns: %TRUE with the figures set; %FALSE for leaves and numeric
 *   methodologies
 *
 * Since: 1.5
 */
gboolean
occ_score_get_summary (OccScore *self, guint summary, guint *count,
                       guint *unknown, guint *of, double *percent)
{
  OccSummary sum;

  g_return_val_if_fail (OCC_IS_SCORE (self), FALSE);
  g_return_val_if_fail (summary < table (self)->n_summaries, FALSE);
  if (!occ_table_get_summary (table (self), self->cell, summary, &sum))
    return FALSE;
  if (count)
    *count = sum.count;
  if (unknown)
    *unknown = sum.unknown;
  if (of)
    *of = sum.of;
  if (percent)
    *percent = sum.percent;
  return TRUE;
}

/**
 * occ_score_get_summary_delta:
 * @self: the score of an inner node or a country
 * @summary: a summary index
 * @count_delta: (out) (optional): the count minus that of the phase
 *   before
 * @percent_delta: (out) (optional): the percentage minus that of the
 *   phase before
 *
 * The change of a summary since the phase immediately before in the
 * dataset's order (occ-categorical.md rule 5).
 *
 * Returns: %TRUE when both phases have the node's summary
 *
 * Since: 1.5
 */
gboolean
occ_score_get_summary_delta (OccScore *self, guint summary, int *count_delta,
                             double *percent_delta)
{
  OccTable *t;
  OccSummary now, before;

  g_return_val_if_fail (OCC_IS_SCORE (self), FALSE);
  t = table (self);
  g_return_val_if_fail (summary < t->n_summaries, FALSE);
  if (self->phase == 0
      || !occ_table_get_summary (t, self->cell, summary, &now)
      || !occ_table_get_summary (
        t, occ_table_cell (t, self->country, self->phase - 1, self->node),
        summary, &before))
    return FALSE;
  if (count_delta)
    *count_delta = (int) now.count - (int) before.count;
  if (percent_delta)
    *percent_delta = now.percent - before.percent;
  return TRUE;
}

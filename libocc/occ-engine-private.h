/* occ-engine-private.h: the scores of a dataset, as flat arrays
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include "occ-dataset-private.h"

G_BEGIN_DECLS

/* Scores are kept per cell (country, phase, node), where node runs over
 * the framework's nodes and one more: the country itself (index n_nodes),
 * scored as a node whose children are the top-level nodes. */
typedef struct
{
  guint n_countries;
  guint n_phases;
  guint n_nodes; /* framework nodes; the country is node n_nodes */
  guint n_slots; /* criteria + 1: slot n_criteria is the node's own score */
  gsize n_cells;

  double *value;   /* n_cells × n_slots */
  guint8 *present; /* n_cells × n_slots */
  gint32 *n;       /* n_cells × n_criteria: raters behind a leaf's criterion
                      score; -1 unknown */
  double *inclusion; /* n_cells; -1: none */
  gint32 *missing;   /* n_cells; children without a score, -1 for leaves */
  guint32 *rank;     /* n_cells; among peers, 0: none */
  guint32 *country_rank; /* n_cells; among countries, 0: none */

  /* Categorical methodologies only (NULL otherwise), occ-categorical.md
   * rules 1-4: */
  guint n_criteria;
  guint n_flags;
  guint n_summaries;
  gint32 *level;  /* n_cells × n_criteria: a leaf's levels, OCC_SCORE_NULL */
  gint8 *flag;    /* n_cells × n_flags: OCC_COND_TRUE, FALSE, UNKNOWN */
  guint32 *rated; /* n_cells: leaves with ratings at or below the node */
  guint32 *summary;          /* n_cells × n_summaries × 2: count, unknown */
  const gboolean *node_leaf; /* the dataset's */
} OccTable;

static inline gsize
occ_table_cell (const OccTable *t, guint country, guint phase, guint node)
{
  return ((gsize) country * t->n_phases + phase) * (t->n_nodes + 1) + node;
}

static inline void
occ_table_cell_split (const OccTable *t, gsize cell, guint *country,
                      guint *phase, guint *node)
{
  gsize nodes = t->n_nodes + 1;

  *node = (guint) (cell % nodes);
  *phase = (guint) (cell / nodes % t->n_phases);
  *country = (guint) (cell / nodes / t->n_phases);
}

/* One entry of a ranking (rule 7): a node or a country, and its score
 * rounded to the precision. */
typedef struct
{
  gint64 key;
  guint item;
} OccRankEntry;

/* The scoring rules applied to one (country, phase) at a time, into a
 * table of the scorer's own. The analyses (occ-bootstrap.c,
 * occ-sensitivity.c) keep one scorer and one table per thread and change
 * what is scored through the fields below, so that every replicate goes
 * through exactly these rules. */
typedef struct _OccScorer
{
  OccDataset *ds;
  OccMethodology *m;
  OccTable *t;

  /* What may differ from the dataset and its methodology: */
  /* The ratings by cell, as the scorer reads them front to back: scores
   * (n_ratings × n_criteria) and numbers of groups marked. The dataset's
   * own (ds->cell_scores, ds->cell_marked), or a resampled copy with the
   * same runs (ds->cell_start). */
  const gint32 *cell_scores;
  const guint32 *cell_marked;
  gsize short_cell; /* a dataset cell whose run's last rating is left out
                        (the jackknife); G_MAXSIZE: none */
  gboolean keep_leaf_criteria; /* rule 1's values are in the table already
                                  (inclusion is then not pooled again) */
  const double *criterion_weights;
  OccAggregation aggregation[3];
  gboolean values_only; /* scores only: no inclusion, no missing children
                           (what the analyses' replicates keep) */

  /* The plan (see make_plan() in occ-engine.c): */
  guint *leaves; /* the leaves, in document order */
  guint n_leaves;
  guint *inner; /* inner nodes, children first; the country last */
  guint n_inner;
  guint *inner_start; /* children of inner[x]: plan_child[inner_start[x]
                         .. inner_start[x + 1]] */
  guint *plan_child;
  double *plan_weight; /* their weights */

  guint *top_nodes; /* the country's children */
  guint n_top;
  double *values;        /* scratch: values to aggregate */
  double *weights;       /* scratch: their weights */
  double *pool_num;      /* per node of the current (country, phase): */
  double *pool_den;      /* pooled inclusion (occ-v1 §4.6) */
  OccRankEntry *entries; /* a ranking's entries, and room to sort them */
  guint *peer_nodes; /* nodes by peer group: peer_nodes[peer_start[g] ..] */
  guint *peer_start;
  guint32 *rank_counts; /* counts of keys, for ranks without sorting */
  OccRankEntry *country_entries; /* a block of nodes' entries, by country */
  guint32 *country_ranks;        /* and their ranks */
} OccScorer;

OccTable *occ_table_new (OccDataset *dataset);
OccTable *occ_table_new_scored (OccDataset *dataset);
OccScorer *occ_scorer_new (OccDataset *dataset, OccTable *table);
void occ_scorer_free (OccScorer *scorer);
void occ_scorer_score (OccScorer *scorer, guint country, guint phase);
void occ_scorer_rank_phase (OccScorer *scorer, guint phase);
void occ_table_free (OccTable *table);

gboolean occ_table_get (const OccTable *t, gsize cell, guint slot,
                        double *value);

/* A summary of a node (occ-categorical.md rule 4). */
typedef struct
{
  guint32 count;
  guint32 unknown;
  guint32 of;
  double percent; /* 100 × count / of */
} OccSummary;

/* FALSE when the cell is not an inner node with rated leaves below. */
gboolean occ_table_get_summary (const OccTable *t, gsize cell, guint summary,
                                OccSummary *out);
gboolean occ_table_get_delta (const OccTable *t, guint country, guint phase,
                              guint node, guint slot, double *delta);

G_END_DECLS

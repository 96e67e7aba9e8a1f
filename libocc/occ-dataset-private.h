/* occ-dataset-private.h: the columnar store behind OccDataset
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include <occ/occ-dataset.h>

#include "occ-id-table-private.h"
#include "occ-json-private.h"
#include "occ-methodology-private.h"
#include "occ-node-private.h"

G_BEGIN_DECLS

/* countries × phases × (nodes + 1): the cells a dataset is scored in (the
 * one more node is the country itself). */
#define OCC_MAX_CELLS (1u << 24)
/* cells × (criteria + 1): the numbers scoring keeps, 8 bytes and more
 * each; at this limit scoring takes about 1.2 GiB. */
#define OCC_MAX_SCORE_SLOTS (1u << 26)
/* Countries, phases, raters, framework nodes: each at most this many. */
#define OCC_MAX_IDS (1u << 20)
/* A rating's score that is null ("not rated"). */
#define OCC_SCORE_NULL G_MININT32

struct _OccDataset
{
  GObject parent_instance;

  char *title;
  OccMethodology *methodology;

  OccIdTable countries;
  OccIdTable phases;
  OccIdTable raters;
  int *rater_country; /* -1: none given */

  /* The framework, in pre-order; parents come before their children. */
  OccNodeList *roots;     /* immutable once loaded: see occ-node-list.c */
  GPtrArray *nodes;       /* OccNode, owned */
  GHashTable *node_index; /* id → OccNode */
  guint n_nodes;
  int *node_parent; /* -1 for top-level nodes */
  guint *node_top;
  guint *node_peer; /* peer group for ranks, occ-v1 §4.7 */
  guint n_peers;
  gboolean *node_leaf;
  double *node_weight;
  guint *child_start; /* children of i: child_list[child_start[i] ..
                         child_start[i + 1]] */
  guint *child_list;

  /* Ratings, one row per rating, column by column. */
  gsize n_ratings;
  guint32 *r_country;
  guint32 *r_phase;
  guint32 *r_node;
  guint32 *r_rater;
  gint32 *r_scores;       /* n_ratings × n_criteria, OCC_SCORE_NULL */
  guint32 *r_group_start; /* n_ratings + 1 offsets into r_groups */
  guint16 *r_groups;
  /* Whether the rating records inclusion at all (occ-v1 §2): a JSON
   * rating with a `groups` member, a CSV row of a sheet with a `groups`
   * column. Those that do not count on neither side of rule 6. */
  guint8 *r_groups_recorded;
  gint8 *r_validated;         /* -1: not given */
  GPtrArray *r_evidence_text; /* serialized evidence arrays */
  guint32 *r_evidence;        /* index + 1 into r_evidence_text, 0: none */

  /* Ratings grouped by cell (country, phase, leaf), for scoring. */
  guint32 *cell_start; /* n_cells + 1 */
  guint32 *cell_ratings;
  /* The same ratings' scores (n_ratings × n_criteria) and numbers of
   * groups marked, copied in cell order: the engine reads each column once,
   * front to back, instead of jumping through cell_ratings. */
  gint32 *cell_scores;
  guint32 *cell_marked; /* OCC_GROUPS_NOT_RECORDED where nothing recorded */

  /* Published leaf scores. */
  gsize n_published;
  guint32 *p_country;
  guint32 *p_phase;
  guint32 *p_node;
  double *p_scores;      /* n_published × n_criteria, NaN for null */
  gint64 *p_raters;      /* -1: not given */
  double *p_inclusion;   /* -1: not given */
  GHashTable *p_by_cell; /* cell + 1 → published index + 1 */
};

/* cell_marked of a rating that records no groups. */
#define OCC_GROUPS_NOT_RECORDED G_MAXUINT32

static inline gsize
occ_dataset_cell (OccDataset *self, guint country, guint phase, guint node)
{
  return ((gsize) country * self->phases.n + phase) * self->n_nodes + node;
}

static inline gsize
occ_dataset_n_cells (OccDataset *self)
{
  return (gsize) self->countries.n * self->phases.n * self->n_nodes;
}

int occ_dataset_published_for_cell (OccDataset *self, gsize cell);
gboolean occ_dataset_group_ratings (OccDataset *self, gsize *duplicate,
                                    gsize *earlier);

G_END_DECLS

/* occ-engine.c: the scoring rules of spec occ-v1 §4
 *
 * One pass per (country, phase) over the framework in reverse document
 * order, so every node is scored after its children. Ratings were grouped
 * by cell at load time, so a leaf reads its ratings as one contiguous run.
 * No allocation happens per rating or per node: scratch buffers are sized
 * once.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <math.h>

#include "occ-aggregate-private.h"
#include "occ-engine-private.h"

typedef struct
{
  OccDataset *ds;
  OccMethodology *m;
  OccTable *t;
  guint *top_nodes; /* the country's children */
  guint n_top;
  double *values;   /* scratch: values to aggregate */
  double *weights;  /* scratch: their weights */
  double *pool_num; /* per node of the current (country, phase): */
  double *pool_den; /* pooled inclusion (spec §4.6) */
} Scorer;

static void
set_value (OccTable *t, gsize cell, guint slot, double value)
{
  t->value[cell * t->n_slots + slot] = value;
  t->present[cell * t->n_slots + slot] = 1;
}

gboolean
occ_table_get (const OccTable *t, gsize cell, guint slot, double *value)
{
  if (!t->present[cell * t->n_slots + slot])
    return FALSE;
  *value = t->value[cell * t->n_slots + slot];
  return TRUE;
}

/* The leaf's score from its criterion scores (rule 2). */
static void
score_leaf_criteria (Scorer *s, gsize cell)
{
  OccTable *t = s->t;
  guint n_criteria = s->m->n_criteria;

  for (guint c = 0; c < n_criteria; c++)
    if (!occ_table_get (t, cell, c, &s->values[c]))
      return;
  if (occ_aggregate (s->m->aggregation[OCC_LEVEL_CRITERIA], s->values,
                     s->m->criterion_weights, n_criteria, &s->values[0]))
    set_value (t, cell, n_criteria, s->values[0]);
}

/* Rule 1 from raw ratings, and rule 6 for a leaf. */
static void
score_leaf_ratings (Scorer *s, gsize cell, guint node, guint32 first,
                    guint32 last)
{
  OccDataset *ds = s->ds;
  OccTable *t = s->t;
  guint n_criteria = s->m->n_criteria, n_groups = s->m->n_groups;
  guint32 raters = last - first;
  guint64 marked = 0;

  for (guint c = 0; c < n_criteria; c++)
    {
      guint n = 0;
      double value;

      for (guint32 k = first; k < last; k++)
        {
          gint32 score = ds->r_scores[(gsize) ds->cell_ratings[k] * n_criteria
                                      + c];
          if (score != OCC_SCORE_NULL)
            s->values[n++] = score;
        }
      t->n[cell * n_criteria + c] = (gint32) n;
      if (n >= s->m->min_raters
          && occ_aggregate (s->m->aggregation[OCC_LEVEL_RATERS], s->values,
                            NULL, n, &value))
        set_value (t, cell, c, value);
    }
  for (guint32 k = first; k < last; k++)
    {
      guint32 r = ds->cell_ratings[k];
      marked += ds->r_group_start[r + 1] - ds->r_group_start[r];
    }
  if (n_groups > 0)
    {
      s->pool_num[node] = (double) marked;
      s->pool_den[node] = (double) raters * n_groups;
      t->inclusion[cell] = s->pool_num[node] / s->pool_den[node];
    }
}

/* Rule 1's fallback: a published leaf score, used as it is. */
static void
score_leaf_published (Scorer *s, gsize cell, guint node, int p)
{
  OccDataset *ds = s->ds;
  OccTable *t = s->t;
  guint n_criteria = s->m->n_criteria, n_groups = s->m->n_groups;
  double inclusion = ds->p_inclusion[p];
  gint64 raters = ds->p_raters[p];

  for (guint c = 0; c < n_criteria; c++)
    {
      double value = ds->p_scores[(gsize) p * n_criteria + c];
      if (!isnan (value))
        set_value (t, cell, c, value);
      t->n[cell * n_criteria + c] = (gint32) raters;
    }
  if (inclusion >= 0)
    t->inclusion[cell] = inclusion;
  if (inclusion >= 0 && raters >= 0 && n_groups > 0)
    {
      s->pool_den[node] = (double) raters * n_groups;
      s->pool_num[node] = inclusion * s->pool_den[node];
    }
}

static void
score_leaf (Scorer *s, guint country, guint phase, guint node)
{
  OccDataset *ds = s->ds;
  gsize cell = occ_table_cell (s->t, country, phase, node);
  gsize ds_cell = occ_dataset_cell (ds, country, phase, node);
  guint32 first = ds->cell_start[ds_cell], last = ds->cell_start[ds_cell + 1];
  int published;

  if (last > first)
    score_leaf_ratings (s, cell, node, first, last);
  else if ((published = occ_dataset_published_for_cell (ds, ds_cell)) >= 0)
    score_leaf_published (s, cell, node, published);
  score_leaf_criteria (s, cell);
}

/* Rule 3 for one node: every slot aggregates the children that have it. */
static void
score_inner (Scorer *s, guint country, guint phase, guint node,
             const guint *children, guint n_children)
{
  OccTable *t = s->t;
  gsize cell = occ_table_cell (t, country, phase, node);
  OccAggregation method = s->m->aggregation[OCC_LEVEL_CHILDREN];
  double num = 0, den = 0, value;
  gint32 missing = 0;

  for (guint slot = 0; slot < t->n_slots; slot++)
    {
      guint n = 0;

      for (guint i = 0; i < n_children; i++)
        {
          gsize child_cell = occ_table_cell (t, country, phase, children[i]);
          if (occ_table_get (t, child_cell, slot, &s->values[n]))
            s->weights[n++] = children[i] < t->n_nodes
                                ? s->ds->node_weight[children[i]]
                                : 1.0;
          else if (slot == t->n_slots - 1)
            missing++;
        }
      if (occ_aggregate (method, s->values, s->weights, n, &value))
        set_value (t, cell, slot, value);
    }
  for (guint i = 0; i < n_children; i++)
    {
      num += s->pool_num[children[i]];
      den += s->pool_den[children[i]];
    }
  s->pool_num[node] = num;
  s->pool_den[node] = den;
  if (den > 0)
    t->inclusion[cell] = num / den;
  t->missing[cell] = missing;
}

static void
score_country_phase (Scorer *s, guint country, guint phase)
{
  OccDataset *ds = s->ds;
  guint n_nodes = ds->n_nodes;

  memset (s->pool_num, 0, (n_nodes + 1) * sizeof (double));
  memset (s->pool_den, 0, (n_nodes + 1) * sizeof (double));
  /* Children come after their parents in document order. */
  for (guint i = n_nodes; i-- > 0;)
    {
      if (ds->node_leaf[i])
        score_leaf (s, country, phase, i);
      else
        score_inner (s, country, phase, i,
                     &ds->child_list[ds->child_start[i]],
                     ds->child_start[i + 1] - ds->child_start[i]);
    }
  score_inner (s, country, phase, n_nodes, s->top_nodes, s->n_top);
}

typedef struct
{
  guint group;
  gint64 key;
  guint item;
} RankEntry;

static int
compare_rank_entries (const void *a, const void *b)
{
  const RankEntry *x = a, *y = b;

  if (x->group != y->group)
    return x->group < y->group ? -1 : 1;
  if (x->key != y->key)
    return x->key > y->key ? -1 : 1; /* highest first */
  return x->item < y->item ? -1 : (x->item > y->item);
}

/* Competition ranks (1, 2, 2, 4) within each group of sorted entries;
 * entries compare by their value rounded to the precision (rule 7). */
static void
assign_ranks (RankEntry *entries, gsize n, guint32 *ranks, gsize stride,
              gsize offset)
{
  qsort (entries, n, sizeof (RankEntry), compare_rank_entries);
  for (gsize i = 0, start = 0; i < n; i++)
    {
      if (i == 0 || entries[i].group != entries[i - 1].group)
        start = i;
      if (i > start && entries[i].key == entries[i - 1].key)
        ranks[offset + entries[i].item * stride] =
          ranks[offset + entries[i - 1].item * stride];
      else
        ranks[offset + entries[i].item * stride] = (guint32) (i - start + 1);
    }
}

static void
rank_peers (Scorer *s, RankEntry *entries, guint country, guint phase)
{
  OccTable *t = s->t;
  guint precision = s->m->precision, top = t->n_slots - 1;
  gsize base = occ_table_cell (t, country, phase, 0), n = 0;
  double value;

  for (guint i = 0; i < t->n_nodes; i++)
    if (occ_table_get (t, base + i, top, &value))
      entries[n++] = (RankEntry){ s->ds->node_peer[i],
                                  occ_round_key (value, precision), i };
  assign_ranks (entries, n, t->rank, 1, base);
}

/* The same node between countries, in one phase. */
static void
rank_countries (Scorer *s, RankEntry *entries, guint phase, guint node)
{
  OccTable *t = s->t;
  guint precision = s->m->precision, top = t->n_slots - 1;
  gsize stride = (gsize) t->n_phases * (t->n_nodes + 1);
  gsize offset = occ_table_cell (t, 0, phase, node), n = 0;
  double value;

  for (guint k = 0; k < t->n_countries; k++)
    if (occ_table_get (t, offset + k * stride, top, &value))
      entries[n++] = (RankEntry){ 0, occ_round_key (value, precision), k };
  assign_ranks (entries, n, t->country_rank, stride, offset);
}

static OccTable *
table_new (OccDataset *ds)
{
  OccTable *t = g_new0 (OccTable, 1);
  guint n_criteria = ds->methodology->n_criteria;

  t->n_countries = ds->countries.n;
  t->n_phases = ds->phases.n;
  t->n_nodes = ds->n_nodes;
  t->n_slots = n_criteria + 1;
  t->n_cells = (gsize) t->n_countries * t->n_phases * (t->n_nodes + 1);
  t->value = g_new0 (double, t->n_cells * t->n_slots + 1);
  t->present = g_new0 (guint8, t->n_cells * t->n_slots + 1);
  t->n = g_new (gint32, t->n_cells * n_criteria + 1);
  t->inclusion = g_new (double, t->n_cells + 1);
  t->missing = g_new (gint32, t->n_cells + 1);
  t->rank = g_new0 (guint32, t->n_cells + 1);
  t->country_rank = g_new0 (guint32, t->n_cells + 1);
  for (gsize i = 0; i < t->n_cells * n_criteria; i++)
    t->n[i] = -1;
  for (gsize i = 0; i < t->n_cells; i++)
    {
      t->inclusion[i] = -1;
      t->missing[i] = -1;
    }
  return t;
}

OccTable *
occ_table_new_scored (OccDataset *ds)
{
  Scorer s = { ds, ds->methodology, table_new (ds) };
  guint n_nodes = ds->n_nodes;
  /* The most values ever aggregated at once: a leaf's ratings (one per
   * rater), its criterion scores, a node's children, a node's countries. */
  gsize scratch = MAX (MAX (n_nodes, ds->raters.n),
                       MAX (ds->countries.n, ds->methodology->n_criteria))
                  + 4;
  g_autofree RankEntry *entries =
    g_new (RankEntry, MAX (n_nodes, ds->countries.n) + 1);

  s.values = g_new (double, scratch);
  s.weights = g_new (double, scratch);
  s.pool_num = g_new (double, n_nodes + 1);
  s.pool_den = g_new (double, n_nodes + 1);
  s.top_nodes = g_new (guint, n_nodes + 1);
  for (guint i = 0; i < n_nodes; i++)
    if (ds->node_parent[i] < 0)
      s.top_nodes[s.n_top++] = i;

  for (guint k = 0; k < s.t->n_countries; k++)
    for (guint p = 0; p < s.t->n_phases; p++)
      {
        score_country_phase (&s, k, p);
        rank_peers (&s, entries, k, p);
      }
  for (guint p = 0; p < s.t->n_phases; p++)
    for (guint j = 0; j <= n_nodes; j++)
      rank_countries (&s, entries, p, j);

  g_free (s.values);
  g_free (s.weights);
  g_free (s.pool_num);
  g_free (s.pool_den);
  g_free (s.top_nodes);
  return s.t;
}

void
occ_table_free (OccTable *t)
{
  if (t == NULL)
    return;
  g_free (t->value);
  g_free (t->present);
  g_free (t->n);
  g_free (t->inclusion);
  g_free (t->missing);
  g_free (t->rank);
  g_free (t->country_rank);
  g_free (t);
}

/* Rule 4: against the phase just before, where both exist. */
gboolean
occ_table_get_delta (const OccTable *t, guint country, guint phase,
                     guint node, guint slot, double *delta)
{
  double now, before;

  if (phase == 0
      || !occ_table_get (t, occ_table_cell (t, country, phase, node), slot,
                         &now)
      || !occ_table_get (t, occ_table_cell (t, country, phase - 1, node), slot,
                         &before))
    return FALSE;
  *delta = now - before;
  return TRUE;
}

/* occ-engine.c: the scoring rules of occ-v1 §4
 *
 * A scorer (OccScorer) scores one (country, phase) at a time: its leaves
 * front to back, then its inner nodes in reverse document order, so every
 * node is scored after its children. Ratings' scores were copied in cell
 * order at load time, so a leaf reads its ratings as one contiguous run
 * (the bootstrap hands the scorer resampled copies with the same runs).
 * No allocation happens per rating, per node or per scoring: scratch
 * buffers are sized once per scorer, which the analyses reuse for every
 * replicate and draw.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <math.h>

#include "occ-aggregate-private.h"
#include "occ-engine-private.h"

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
score_leaf_criteria (OccScorer *s, gsize cell)
{
  OccTable *t = s->t;
  guint n_criteria = s->m->n_criteria;

  for (guint c = 0; c < n_criteria; c++)
    if (!occ_table_get (t, cell, c, &s->values[c]))
      return;
  if (occ_aggregate (s->aggregation[OCC_LEVEL_CRITERIA], s->values,
                     s->criterion_weights, n_criteria, &s->values[0]))
    set_value (t, cell, n_criteria, s->values[0]);
}

/* Rule 1 for one criterion, by the raters' aggregation method. */
static void
score_leaf_criterion (OccScorer *s, gsize cell, guint c, const gint32 *scores,
                      guint32 raters)
{
  guint n_criteria = s->m->n_criteria;
  guint n = 0;
  double value;

  for (guint32 k = 0; k < raters; k++)
    if (scores[(gsize) k * n_criteria + c] != OCC_SCORE_NULL)
      s->values[n++] = scores[(gsize) k * n_criteria + c];
  s->t->n[cell * n_criteria + c] = (gint32) n;
  if (n >= s->m->min_raters
      && occ_aggregate (s->aggregation[OCC_LEVEL_RATERS], s->values, NULL, n,
                        &value))
    set_value (s->t, cell, c, value);
}

/* Rule 1 for every criterion at once when the raters' method is the mean:
 * one pass over the cell's ratings. Scores are small integers, so their
 * sum is exact in a gint64 and the mean is the very double that
 * occ_aggregate() computes. */
static void
leaf_means (OccScorer *s, gsize cell, const gint32 *scores, guint32 raters,
            guint n_criteria)
{
  /* Criterion by criterion, so that the sums stay in registers; the
   * cell's rows are a few hundred bytes, in cache after the first. Without
   * a branch on null: nulls are frequent and unpredictable. */
  for (guint c = 0; c < n_criteria; c++)
    {
      gint64 sum = 0;
      guint count = 0;

      for (guint32 k = 0; k < raters; k++)
        {
          gint32 v = scores[(gsize) k * n_criteria + c];
          gboolean rated = v != OCC_SCORE_NULL;

          sum += rated ? v : 0;
          count += rated;
        }
      s->t->n[cell * n_criteria + c] = (gint32) count;
      if (count >= s->m->min_raters && count > 0)
        set_value (s->t, cell, c, (double) sum / (double) count);
    }
}

/* The same for exactly three criteria (the CCO's), row by row with the
 * three sums in registers: the analyses score every leaf of every
 * replicate. The sums are exact, so their order does not matter. */
static void
leaf_means3 (OccScorer *s, gsize cell, const gint32 *scores, guint32 raters)
{
  gint64 sum[3] = { 0, 0, 0 };
  guint count[3] = { 0, 0, 0 };

  for (guint32 k = 0; k < raters; k++)
    {
      gint32 v0 = scores[3 * (gsize) k], v1 = scores[3 * (gsize) k + 1];
      gint32 v2 = scores[3 * (gsize) k + 2];

      sum[0] += v0 != OCC_SCORE_NULL ? v0 : 0;
      sum[1] += v1 != OCC_SCORE_NULL ? v1 : 0;
      sum[2] += v2 != OCC_SCORE_NULL ? v2 : 0;
      count[0] += v0 != OCC_SCORE_NULL;
      count[1] += v1 != OCC_SCORE_NULL;
      count[2] += v2 != OCC_SCORE_NULL;
    }
  for (guint c = 0; c < 3; c++)
    {
      s->t->n[cell * 3 + c] = (gint32) count[c];
      if (count[c] >= s->m->min_raters && count[c] > 0)
        set_value (s->t, cell, c, (double) sum[c] / (double) count[c]);
    }
}

static void
score_leaf_means (OccScorer *s, gsize cell, const gint32 *scores,
                  guint32 raters)
{
  if (s->m->n_criteria == 3)
    leaf_means3 (s, cell, scores, raters);
  else
    leaf_means (s, cell, scores, raters, s->m->n_criteria);
}

/* occ-categorical.md rules 1 and 3 for a leaf: each criterion's level
 * (and its value, where the criterion gives values), then the flags in
 * order. */
static void
score_leaf_levels (OccScorer *s, gsize cell, const gint32 *scores,
                   guint32 raters)
{
  OccMethodology *m = s->m;
  OccTable *t = s->t;
  guint n_criteria = m->n_criteria;
  gint32 *levels = &t->level[cell * n_criteria];
  gint8 *flags = &t->flag[cell * t->n_flags];
  gboolean mode = s->aggregation[OCC_LEVEL_RATERS] == OCC_AGGREGATION_MODE;

  for (guint c = 0; c < n_criteria; c++)
    {
      const OccCriterionLevels *cl = &m->levels[c];
      guint n = 0;

      levels[c] = occ_categorical_level (cl, mode, m->min_raters, &scores[c],
                                         n_criteria, raters, &n);
      t->n[cell * n_criteria + c] = (gint32) n;
      if (cl->values != NULL && levels[c] != OCC_SCORE_NULL && levels[c] >= 0)
        set_value (t, cell, c, cl->values[levels[c]]);
    }
  for (guint f = 0; f < t->n_flags; f++)
    flags[f] = (gint8) occ_condition_eval (&m->flags[f].cond, levels, flags);
  t->rated[cell] = 1;
}

/* Rule 4 for an inner node or the country: its children's counts, and
 * for a child leaf with ratings its own conditions. */
static void
summarize_inner (OccScorer *s, gsize base, guint node, const guint *children,
                 guint n_children)
{
  OccMethodology *m = s->m;
  OccTable *t = s->t;
  guint n_sum = t->n_summaries;
  gsize cell = base + node;
  guint32 *sum = &t->summary[cell * n_sum * 2];

  t->rated[cell] = 0;
  memset (sum, 0, n_sum * 2 * sizeof (guint32));
  for (guint i = 0; i < n_children; i++)
    {
      gsize child = base + children[i];

      if (t->rated[child] == 0)
        continue;
      t->rated[cell] += t->rated[child];
      if (!s->ds->node_leaf[children[i]])
        {
          const guint32 *theirs = &t->summary[child * n_sum * 2];
          for (guint x = 0; x < n_sum * 2; x++)
            sum[x] += theirs[x];
          continue;
        }
      for (guint x = 0; x < n_sum; x++)
        {
          int value = occ_condition_eval (&m->summaries[x].cond,
                                          &t->level[child * m->n_criteria],
                                          &t->flag[child * t->n_flags]);
          sum[2 * x] += value == OCC_COND_TRUE;
          sum[2 * x + 1] += value == OCC_COND_UNKNOWN;
        }
    }
}

/* Rule 1 from raw ratings, and rule 6 for a leaf: the groups marked over
 * the ratings that record groups times the groups (occ-v1 §4.6). The
 * pool is kept whether or not the leaf gets a score, for its parents. The
 * cell's ratings are the scorer's cell_scores and cell_marked from @first
 * to @last. */
static void
score_leaf_ratings (OccScorer *s, gsize cell, guint node, guint32 first,
                    guint32 last)
{
  guint n_criteria = s->m->n_criteria, n_groups = s->m->n_groups;
  const gint32 *scores = &s->cell_scores[(gsize) first * n_criteria];
  guint32 raters = last - first, recorded = 0;
  guint64 marked = 0;

  if (occ_methodology_is_categorical (s->m))
    score_leaf_levels (s, cell, scores, raters);
  else if (s->aggregation[OCC_LEVEL_RATERS] == OCC_AGGREGATION_MEAN)
    score_leaf_means (s, cell, scores, raters);
  else
    for (guint c = 0; c < n_criteria; c++)
      score_leaf_criterion (s, cell, c, scores, raters);
  if (s->values_only)
    return;
  for (guint32 k = first; k < last; k++)
    if (s->cell_marked[k] != OCC_GROUPS_NOT_RECORDED)
      {
        marked += s->cell_marked[k];
        recorded++;
      }
  if (n_groups > 0 && recorded > 0)
    {
      s->pool_num[node] = (double) marked;
      s->pool_den[node] = (double) recorded * n_groups;
      s->t->inclusion[cell] = s->pool_num[node] / s->pool_den[node];
    }
}

/* Rule 1's fallback: a published leaf score, used as it is. */
static void
score_leaf_published (OccScorer *s, gsize cell, guint node, int p)
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
score_leaf (OccScorer *s, guint country, guint phase, guint node)
{
  OccDataset *ds = s->ds;
  gsize cell = occ_table_cell (s->t, country, phase, node);
  gsize ds_cell = occ_dataset_cell (ds, country, phase, node);
  guint32 first = ds->cell_start[ds_cell], last = ds->cell_start[ds_cell + 1];
  int published;

  /* The jackknife leaves the run's last rating out; a leaf with ratings
   * never falls back to its published score. */
  if (ds_cell == s->short_cell && last - first > 1)
    score_leaf_ratings (s, cell, node, first, last - 1);
  else if (ds_cell == s->short_cell || s->keep_leaf_criteria)
    ; /* nothing left, or rule 1's values are already in the table */
  else if (last > first)
    score_leaf_ratings (s, cell, node, first, last);
  else if ((published = occ_dataset_published_for_cell (ds, ds_cell)) >= 0)
    score_leaf_published (s, cell, node, published);
  score_leaf_criteria (s, cell);
}

/* Rule 3's plain weighted mean of one slot straight from the table,
 * without gathering the children that have it: the same sums in the same
 * order as occ_aggregate() over the gathered values, so the same double.
 * FALSE when no child has the slot or the sums are not safe, which
 * occ_aggregate() then takes on the gathered values. Every node of every
 * replicate and draw takes this. */
static inline gboolean
mean_of_children (const double *v, const guint8 *present, guint slot,
                  guint n_slots, const guint *children, const double *weights,
                  guint n_children, double *value)
{
  double sum = 0, total = 0;
  guint n = 0;

  for (guint i = 0; i < n_children; i++)
    {
      gsize at = (gsize) children[i] * n_slots + slot;

      if (present[at])
        {
          sum += weights[i] * v[at];
          total += weights[i];
          n++;
        }
    }
  if (n == 0 || !occ_sums_are_safe (sum, total))
    return FALSE;
  *value = sum / total;
  return TRUE;
}

/* Rule 3 for one node: every slot aggregates the children that have it.
 * @v and @present are the (country, phase)'s block of the table, node by
 * node and slot by slot; @children and @weights come from the scorer's
 * plan (children in document order, so sums run in the order the rules
 * state). */
static void
score_inner (OccScorer *s, double *v, guint8 *present, gsize cell, guint node,
             const guint *children, const double *weights, guint n_children)
{
  OccTable *t = s->t;
  OccAggregation method = s->aggregation[OCC_LEVEL_CHILDREN];
  guint n_slots = t->n_slots;
  double num = 0, den = 0, value;
  gint32 missing = 0;

  for (guint slot = 0; slot < n_slots; slot++)
    {
      guint n = 0;

      if (method == OCC_AGGREGATION_MEAN
          && mean_of_children (v, present, slot, n_slots, children, weights,
                               n_children, &value))
        {
          v[(gsize) node * n_slots + slot] = value;
          present[(gsize) node * n_slots + slot] = 1;
          continue;
        }
      for (guint i = 0; i < n_children; i++)
        {
          gsize at = (gsize) children[i] * n_slots + slot;

          if (present[at])
            {
              s->values[n] = v[at];
              s->weights[n++] = weights[i];
            }
        }
      if (occ_aggregate (method, s->values, s->weights, n, &value))
        {
          v[(gsize) node * n_slots + slot] = value;
          present[(gsize) node * n_slots + slot] = 1;
        }
    }
  /* The analyses keep values only: inclusion and missing children are
   * the estimates' (the results' table), not the replicates'. */
  if (s->values_only)
    return;
  for (guint i = 0; i < n_children; i++)
    missing += !present[(gsize) children[i] * n_slots + n_slots - 1];
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
score_country_phase (OccScorer *s, guint country, guint phase)
{
  OccDataset *ds = s->ds;
  OccTable *t = s->t;
  guint n_nodes = ds->n_nodes;
  gsize base = occ_table_cell (t, country, phase, 0);
  double *v = &t->value[base * t->n_slots];
  guint8 *present = &t->present[base * t->n_slots];

  if (!s->values_only)
    {
      memset (s->pool_num, 0, (n_nodes + 1) * sizeof (double));
      memset (s->pool_den, 0, (n_nodes + 1) * sizeof (double));
    }
  /* Leaves first, front to back, so that their ratings are read in
   * memory order; then inner nodes children first (the plan), the
   * country last. */
  for (guint x = 0; x < s->n_leaves; x++)
    score_leaf (s, country, phase, s->leaves[x]);
  for (guint x = 0; x < s->n_inner; x++)
    {
      guint node = s->inner[x], first = s->inner_start[x];

      score_inner (s, v, present, base + node, node, &s->plan_child[first],
                   &s->plan_weight[first], s->inner_start[x + 1] - first);
      if (t->rated != NULL)
        summarize_inner (s, base, node, &s->plan_child[first],
                         s->inner_start[x + 1] - first);
    }
}

/* A stable merge sort, highest key first, with the comparison inlined:
 * ranking sorts every node of every (country, phase), and qsort()'s
 * indirect calls were most of its time. Entries are appended by item, so
 * equal keys stay in item order. @tmp has room for @n entries. */
static void
sort_rank_entries (OccRankEntry *a, OccRankEntry *tmp, gsize n)
{
  gsize half = n / 2, i = 0, j = half, k = 0;

  if (n <= 16)
    {
      for (gsize x = 1; x < n; x++)
        {
          OccRankEntry e = a[x];
          gsize y = x;

          for (; y > 0 && e.key > a[y - 1].key; y--)
            a[y] = a[y - 1];
          a[y] = e;
        }
      return;
    }
  sort_rank_entries (a, tmp, half);
  sort_rank_entries (a + half, tmp, n - half);
  while (i < half && j < n)
    tmp[k++] = a[j].key > a[i].key ? a[j++] : a[i++];
  while (i < half)
    tmp[k++] = a[i++];
  memcpy (a, tmp, k * sizeof (OccRankEntry));
}

/* Rounded scores span few values (0 to 300 for a 0..3 scale shown with
 * two decimals): then a node's rank, one more than the number of peers
 * with a strictly higher key, comes from counting keys, without sorting. */
#define RANK_COUNT_MAX 4096

/* Competition ranks (1, 2, 2, 4) among one group of peers; entries
 * compare by their value rounded to the precision (rule 7). @counts has
 * room for RANK_COUNT_MAX + 1 counts. */
static void
assign_ranks (OccRankEntry *entries, gsize n, guint32 *ranks, gsize stride,
              gsize offset, guint32 *counts)
{
  gint64 lo = G_MAXINT64, hi = G_MININT64;

  /* A small group (a theme's commitments, a summit's themes): one more
   * than the number of peers above, compared pairwise, costs less than
   * clearing the counts. */
  if (n <= 16)
    {
      for (gsize i = 0; i < n; i++)
        {
          guint32 above = 0;

          for (gsize j = 0; j < n; j++)
            above += entries[j].key > entries[i].key;
          ranks[offset + entries[i].item * stride] = above + 1;
        }
      return;
    }
  for (gsize i = 0; i < n; i++)
    {
      lo = MIN (lo, entries[i].key);
      hi = MAX (hi, entries[i].key);
    }
  /* hi - lo in unsigned arithmetic: keys may lie 2^63 or more apart. */
  if (n > 0 && (guint64) hi - (guint64) lo < RANK_COUNT_MAX)
    {
      guint range = (guint) ((guint64) hi - (guint64) lo) + 1;
      guint32 above = 0;

      memset (counts, 0, range * sizeof (guint32));
      for (gsize i = 0; i < n; i++)
        counts[entries[i].key - lo]++;
      /* counts[v] becomes the number of keys above v. */
      for (guint v = range; v-- > 0;)
        {
          guint32 here = counts[v];
          counts[v] = above;
          above += here;
        }
      for (gsize i = 0; i < n; i++)
        {
          guint rank = counts[entries[i].key - lo] + 1;

          ranks[offset + entries[i].item * stride] = rank;
        }
      return;
    }
  sort_rank_entries (entries, entries + n, n);
  for (gsize i = 0; i < n; i++)
    {
      if (i > 0 && entries[i].key == entries[i - 1].key)
        ranks[offset + entries[i].item * stride] =
          ranks[offset + entries[i - 1].item * stride];
      else
        ranks[offset + entries[i].item * stride] = (guint32) (i + 1);
    }
}

/* Nodes by peer group (occ-v1 §4.7), each group in document order. */
static void
order_peers (OccScorer *s)
{
  OccDataset *ds = s->ds;
  g_autofree guint *fill = NULL;

  s->peer_start = g_new0 (guint, ds->n_peers + 1);
  s->peer_nodes = g_new (guint, ds->n_nodes + 1);
  for (guint i = 0; i < ds->n_nodes; i++)
    s->peer_start[ds->node_peer[i] + 1]++;
  for (guint g = 0; g < ds->n_peers; g++)
    s->peer_start[g + 1] += s->peer_start[g];
  fill = g_memdup2 (s->peer_start, (ds->n_peers + 1) * sizeof (guint));
  for (guint i = 0; i < ds->n_nodes; i++)
    s->peer_nodes[fill[ds->node_peer[i]]++] = i;
}

static void
rank_peers (OccScorer *s, OccRankEntry *entries, guint country, guint phase)
{
  OccTable *t = s->t;
  guint precision = s->m->precision, top = t->n_slots - 1;
  gsize base = occ_table_cell (t, country, phase, 0);
  double value;

  for (guint g = 0; g < s->ds->n_peers; g++)
    {
      gsize n = 0;

      for (guint x = s->peer_start[g]; x < s->peer_start[g + 1]; x++)
        {
          guint i = s->peer_nodes[x];

          if (occ_table_get (t, base + i, top, &value))
            entries[n++] = (OccRankEntry){ occ_round_key (value, precision),
                                           i };
        }
      assign_ranks (entries, n, t->rank, 1, base, s->rank_counts);
    }
}

/* Nodes are ranked between countries a block at a time: the scores of one
 * node in every country lie a whole country's table apart, so reading them
 * node by node would miss the cache on every read. For a block of nodes,
 * each country's cells are read (and its ranks written) contiguously. */
#define COUNTRY_RANK_BLOCK 64

/* Nodes per block: fewer when the framework is smaller, so that scratch
 * stays proportional to the table (a million countries of one node). */
static inline guint
country_rank_block (const OccDataset *ds)
{
  return MIN (COUNTRY_RANK_BLOCK, ds->n_nodes + 1);
}

static void
rank_countries (OccScorer *s, guint phase)
{
  OccTable *t = s->t;
  guint precision = s->m->precision, top = t->n_slots - 1;
  guint n_countries = t->n_countries, n_nodes = t->n_nodes + 1;
  OccRankEntry *bucket = s->country_entries;
  guint32 *ranks = s->country_ranks;
  guint count[COUNTRY_RANK_BLOCK], max_block = country_rank_block (s->ds);
  double value;

  for (guint j0 = 0; j0 < n_nodes; j0 += max_block)
    {
      guint block = MIN (max_block, n_nodes - j0);

      memset (count, 0, sizeof count);
      for (guint k = 0; k < n_countries; k++)
        {
          gsize base = occ_table_cell (t, k, phase, j0);

          for (guint b = 0; b < block; b++)
            if (occ_table_get (t, base + b, top, &value))
              bucket[(gsize) b * n_countries + count[b]++] =
                (OccRankEntry){ occ_round_key (value, precision), k };
        }
      /* Ranks into a block × countries scratch, then back in table order. */
      for (guint b = 0; b < block; b++)
        {
          OccRankEntry *e = &bucket[(gsize) b * n_countries];
          OccRankEntry *tmp = &bucket[(gsize) max_block * n_countries];

          memset (&ranks[(gsize) b * n_countries], 0,
                  n_countries * sizeof (guint32));
          /* The scratch after the block's entries has room for a sort. */
          memmove (tmp, e, count[b] * sizeof (OccRankEntry));
          assign_ranks (tmp, count[b], ranks, 1, (gsize) b * n_countries,
                        s->rank_counts);
        }
      for (guint k = 0; k < n_countries; k++)
        {
          gsize base = occ_table_cell (t, k, phase, j0);

          for (guint b = 0; b < block; b++)
            t->country_rank[base + b] = ranks[(gsize) b * n_countries + k];
        }
    }
}

OccTable *
occ_table_new (OccDataset *ds)
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
  if (occ_methodology_is_categorical (ds->methodology))
    {
      OccMethodology *m = ds->methodology;

      t->n_criteria = n_criteria;
      t->n_flags = m->n_flags;
      t->n_summaries = m->n_summaries;
      t->level = g_new (gint32, t->n_cells * n_criteria + 1);
      t->flag = g_new0 (gint8, t->n_cells * m->n_flags + 1);
      t->rated = g_new0 (guint32, t->n_cells + 1);
      t->node_leaf = ds->node_leaf;
      t->summary = g_new0 (guint32, t->n_cells * m->n_summaries * 2 + 1);
      for (gsize i = 0; i < t->n_cells * n_criteria; i++)
        t->level[i] = OCC_SCORE_NULL;
    }
  for (gsize i = 0; i < t->n_cells; i++)
    {
      t->inclusion[i] = -1;
      t->missing[i] = -1;
    }
  return t;
}

/* Appends node @node and its children to the plan. */
static void
plan_node (OccScorer *s, guint node, const guint *children, guint n_children,
           guint *n_links)
{
  s->inner[s->n_inner] = node;
  s->inner_start[s->n_inner++] = *n_links;
  for (guint c = 0; c < n_children; c++)
    {
      s->plan_child[*n_links] = children[c];
      s->plan_weight[(*n_links)++] = s->ds->node_weight[children[c]];
    }
}

/* The order of scoring, the same for every (country, phase): the leaves
 * in document order; then the inner nodes from the back, since children
 * come after their parents in document order, and the country last, each
 * with its children and their weights in one flat array, read front to
 * back. Every node is one node's child, or top-level (the country's). */
static void
make_plan (OccScorer *s)
{
  OccDataset *ds = s->ds;
  guint n_nodes = ds->n_nodes, n_links = 0;

  s->leaves = g_new (guint, n_nodes + 1);
  s->inner = g_new (guint, n_nodes + 1);
  s->inner_start = g_new (guint, n_nodes + 2);
  s->plan_child = g_new (guint, n_nodes + 1);
  s->plan_weight = g_new (double, n_nodes + 1);
  for (guint i = 0; i < n_nodes; i++)
    if (ds->node_leaf[i])
      s->leaves[s->n_leaves++] = i;
  for (guint i = n_nodes; i-- > 0;)
    if (!ds->node_leaf[i])
      plan_node (s, i, &ds->child_list[ds->child_start[i]],
                 ds->child_start[i + 1] - ds->child_start[i], &n_links);
  plan_node (s, n_nodes, s->top_nodes, s->n_top, &n_links);
  s->inner_start[s->n_inner] = n_links;
}

OccScorer *
occ_scorer_new (OccDataset *ds, OccTable *table)
{
  OccScorer *s = g_new0 (OccScorer, 1);
  OccMethodology *m = ds->methodology;
  guint n_nodes = ds->n_nodes, n_countries = ds->countries.n;
  /* Values to aggregate: a leaf's ratings (at most one per rater), a
   * leaf's criteria, a node's children, the countries of a rank. */
  gsize scratch =
    MAX (MAX (n_nodes, ds->raters.n), MAX (n_countries, m->n_criteria)) + 4;

  s->ds = ds;
  s->m = m;
  s->t = table;
  s->cell_scores = ds->cell_scores;
  s->cell_marked = ds->cell_marked;
  s->short_cell = G_MAXSIZE;
  s->criterion_weights = m->criterion_weights;
  memcpy (s->aggregation, m->aggregation, sizeof s->aggregation);
  s->values = g_new (double, scratch);
  s->weights = g_new (double, scratch);
  s->pool_num = g_new (double, n_nodes + 1);
  s->pool_den = g_new (double, n_nodes + 1);
  s->top_nodes = g_new (guint, n_nodes + 1);
  /* Entries, and as many again for sorting them. */
  s->entries = g_new (OccRankEntry,
                      2 * ((gsize) MAX (n_nodes, n_countries) + 1));
  s->rank_counts = g_new (guint32, RANK_COUNT_MAX + 1);
  /* A block's entries by country, and room to sort one node's. */
  s->country_entries = g_new (
    OccRankEntry, (country_rank_block (ds) + 2) * (gsize) n_countries + 2);
  s->country_ranks =
    g_new (guint32, (gsize) country_rank_block (ds) * n_countries + 1);
  order_peers (s);
  for (guint i = 0; i < n_nodes; i++)
    if (ds->node_parent[i] < 0)
      s->top_nodes[s->n_top++] = i;
  make_plan (s);
  return s;
}

void
occ_scorer_free (OccScorer *s)
{
  if (s == NULL)
    return;
  g_free (s->values);
  g_free (s->weights);
  g_free (s->pool_num);
  g_free (s->pool_den);
  g_free (s->top_nodes);
  g_free (s->entries);
  g_free (s->rank_counts);
  g_free (s->country_entries);
  g_free (s->country_ranks);
  g_free (s->peer_nodes);
  g_free (s->peer_start);
  g_free (s->leaves);
  g_free (s->inner);
  g_free (s->inner_start);
  g_free (s->plan_child);
  g_free (s->plan_weight);
  g_free (s);
}

/* A table is reused from one replicate to the next: forget what the last
 * scoring of (country, phase) set, except the leaves' criterion scores
 * when they are kept. */
static void
clear_unit (OccScorer *s, guint country, guint phase)
{
  OccTable *t = s->t;
  gsize base = occ_table_cell (t, country, phase, 0);
  guint n_slots = t->n_slots;

  if (!s->keep_leaf_criteria)
    {
      memset (&t->present[base * n_slots], 0,
              (gsize) (t->n_nodes + 1) * n_slots);
      return;
    }
  for (guint i = 0; i <= t->n_nodes; i++)
    {
      gboolean leaf = i < t->n_nodes && s->ds->node_leaf[i];
      guint first = leaf ? n_slots - 1 : 0;

      memset (&t->present[(base + i) * n_slots + first], 0, n_slots - first);
    }
}

/* Rules 1-3 and 6 for one (country, phase), into the scorer's table. */
void
occ_scorer_score (OccScorer *s, guint country, guint phase)
{
  clear_unit (s, country, phase);
  score_country_phase (s, country, phase);
}

/* Rule 7 in one phase: the ranks depend on nothing outside it. */
void
occ_scorer_rank_phase (OccScorer *s, guint phase)
{
  OccTable *t = s->t;

  for (guint k = 0; k < t->n_countries; k++)
    {
      gsize base = occ_table_cell (t, k, phase, 0);

      /* A reused table: forget the ranks of the last scoring (ranks
       * between countries are all written again). */
      memset (&t->rank[base], 0, (t->n_nodes + 1) * sizeof (guint32));
      rank_peers (s, s->entries, k, phase);
    }
  rank_countries (s, phase);
}

OccTable *
occ_table_new_scored (OccDataset *ds)
{
  OccTable *t = occ_table_new (ds);
  OccScorer *s = occ_scorer_new (ds, t);

  /* Peers are ranked as soon as their (country, phase) is scored, while
   * its scores are in cache; the table is new, so nothing to forget. */
  for (guint k = 0; k < t->n_countries; k++)
    for (guint p = 0; p < t->n_phases; p++)
      {
        score_country_phase (s, k, p);
        rank_peers (s, s->entries, k, p);
      }
  for (guint p = 0; p < t->n_phases; p++)
    rank_countries (s, p);
  occ_scorer_free (s);
  return t;
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
  g_free (t->level);
  g_free (t->flag);
  g_free (t->rated);
  g_free (t->summary);
  g_free (t);
}

gboolean
occ_table_get_summary (const OccTable *t, gsize cell, guint summary,
                       OccSummary *out)
{
  guint node = (guint) (cell % (t->n_nodes + 1));
  const guint32 *sum;

  memset (out, 0, sizeof *out);
  if (t->rated == NULL || summary >= t->n_summaries || t->rated[cell] == 0
      || (node < t->n_nodes && t->node_leaf[node]))
    return FALSE;
  sum = &t->summary[(cell * t->n_summaries + summary) * 2];
  out->count = sum[0];
  out->unknown = sum[1];
  out->of = t->rated[cell];
  out->percent = 100.0 * out->count / out->of;
  return TRUE;
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
      || !occ_table_get (t, occ_table_cell (t, country, phase - 1, node),
                         slot, &before))
    return FALSE;
  *delta = now - before;
  return TRUE;
}

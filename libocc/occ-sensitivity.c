/* occ-sensitivity.c: Monte Carlo over the methodology's uncertain choices
 *
 * Each draw varies the criterion weights and, at the levels asked for,
 * the aggregation method; the whole dataset is then scored and ranked by
 * the engine's own scorer (occ-engine.c) under the drawn rules. Draws are
 * made first, all of them (their numbers come from the draw's own random
 * stream); phases are then evaluated one after the other, since ranks
 * never compare phases, keeping one phase's draws (countries × nodes ×
 * draws) in memory at once.
 *
 * First-order sensitivity indices come from the same draws, by the
 * "given data" estimator (Plischke, Borgonovo & Smith 2013; Saltelli et
 * al. 2008, §1.2.12): the draws are split into bins of one input (equal
 * count bins of a weight, one bin per method), and the variance of the
 * bins' mean outputs over the output's variance estimates
 * S_i = V(E[Y | X_i]) / V(Y); the between-bins sum of squares is
 * corrected for the spread that pure noise gives it (the one-way ANOVA
 * estimate of the between-bins variance component), and the index clamped
 * to [0, 1].
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <math.h>

#include <occ/occ-sensitivity.h>

#include "occ-analysis-common-private.h"
#include "occ-sensitivity-options-private.h"
#include "occ-engine-private.h"

/* One phase's draws are kept in memory at once: at most this many
 * doubles' worth (512 MiB). */
#define MAX_STORE (G_GUINT64_CONSTANT (1) << 26)

/* Bins of an input: at most 32 of a weight (make_inputs()), one per
 * method in the set drawn from (at most 16). */
#define MAX_BINS 32

/* Draws evaluated together by a thread (see draw_task()), and the most
 * doubles a thread's block may take (32 MiB). */
#define DRAW_BLOCK 8
#define MAX_BLOCK (G_GUINT64_CONSTANT (1) << 22)

/* The three outputs of each cell. */
enum {
  OUT_SCORE,
  OUT_PEER_RANK,
  OUT_COUNTRY_RANK,
  N_OUTPUTS
};

/* OccSensitivity ---------------------------------------------------------- */

/**
 * OccSensitivity:
 *
 * How far scores and ranks depend on the methodology's uncertain choices:
 * a Monte Carlo over the criterion weights and the aggregation methods
 * (see [class@Occ.SensitivityOptions]). Every draw scores the whole
 * dataset under its rules, by the same engine as [ctor@Occ.Results.new].
 *
 * For each country, phase and node (and each country's own score): the
 * median score and its 5–95 % range across draws; the median rank and its
 * 5–95 % range, among the node's peers and between countries; and the
 * first-order sensitivity index of each uncertain input (a weight, or a
 * level's method) on the score and on each rank: the share of the
 * output's variance that the input alone explains.
 *
 * Since: 1.1
 */

/* Per table cell and output: median, 5 % and 95 % across draws. */
typedef struct
{
  double q[3];
  gboolean present;
} Spread;

struct _OccSensitivity
{
  GObject parent_instance;

  OccDataset *dataset;
  OccTable *base; /* the scores under the methodology's own rules */
  guint draws;
  guint n_inputs;
  GPtrArray *input_names;
  Spread *spread;    /* n_cells × N_OUTPUTS */
  double *indices;   /* n_cells × N_OUTPUTS × n_inputs */
  guint8 *has_index; /* same */
};

G_DEFINE_FINAL_TYPE (OccSensitivity, occ_sensitivity, G_TYPE_OBJECT)

static void
occ_sensitivity_finalize (GObject *object)
{
  OccSensitivity *self = OCC_SENSITIVITY (object);

  g_clear_object (&self->dataset);
  g_clear_pointer (&self->base, occ_table_free);
  g_clear_pointer (&self->input_names, g_ptr_array_unref);
  g_free (self->spread);
  g_free (self->indices);
  g_free (self->has_index);
  G_OBJECT_CLASS (occ_sensitivity_parent_class)->finalize (object);
}

static void
occ_sensitivity_class_init (OccSensitivityClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = occ_sensitivity_finalize;
}

static void
occ_sensitivity_init (OccSensitivity *self)
{
  self->input_names = g_ptr_array_new_with_free_func (g_free);
}

/* The draws, made before anything is scored. */
typedef struct
{
  guint n;
  guint n_criteria;
  double *weights;         /* n × n_criteria */
  OccAggregation *methods; /* n × 3 */
  guint n_inputs;
  double *inputs;  /* n_inputs × n: the inputs' values */
  guint16 *bins;   /* n_inputs × n */
  guint *n_bins;   /* n_inputs */
  guint *bin_size; /* n_inputs × MAX_BINS: draws per bin */
} Draws;

static void
draws_clear (Draws *d)
{
  g_free (d->weights);
  g_free (d->methods);
  g_free (d->inputs);
  g_free (d->bins);
  g_free (d->n_bins);
  g_free (d->bin_size);
}

/* Draw @i: weights first (one uniform per criterion, or one gamma variate
 * per criterion of non-zero weight), then the method of each varied level
 * in the order raters, criteria, children. */
static void
make_draw (OccSensitivityOptions *o, OccMethodology *m, Draws *d, guint i)
{
  double *w = &d->weights[(gsize) i * m->n_criteria];
  OccAggregation *method = &d->methods[(gsize) i * 3];
  double total = 0, sum = 0;
  OccRng rng;

  occ_rng_init (&rng, o->seed, OCC_STREAM_SENSITIVITY, i);
  for (guint c = 0; c < m->n_criteria; c++)
    total += m->criterion_weights[c];
  for (guint c = 0; c < m->n_criteria; c++)
    {
      double base = m->criterion_weights[c];

      switch (o->weight_draw)
        {
        case OCC_WEIGHT_DRAW_UNIFORM:
          w[c] = base
                 * (1.0
                    + o->parameter * (2.0 * occ_rng_uniform (&rng) - 1.0));
          break;
        case OCC_WEIGHT_DRAW_DIRICHLET:
          w[c] = base > 0 ? occ_rng_gamma (&rng, o->parameter * base / total)
                          : 0.0;
          break;
        default:
          w[c] = base;
        }
      sum += w[c];
    }
  /* Gamma variates of a tiny shape can all underflow to 0. */
  if (!(sum > 0))
    memcpy (w, m->criterion_weights, m->n_criteria * sizeof (double));
  for (guint level = 0; level < 3; level++)
    method[level] = o->vary[level]
                      ? g_array_index (o->methods, OccAggregation,
                                       occ_rng_below (&rng, o->methods->len))
                      : m->aggregation[level];
}

typedef struct
{
  double value;
  guint draw;
} Ranked;

static int
compare_ranked (const void *a, const void *b)
{
  const Ranked *x = a, *y = b;

  if (x->value != y->value)
    return x->value < y->value ? -1 : 1;
  return x->draw < y->draw ? -1 : (x->draw > y->draw);
}

/* Equal-count bins of a continuous input: draws sorted by value (ties by
 * draw), the j-th of n in bin j × M / n. */
static void
bin_continuous (Draws *d, guint input, guint n_bins)
{
  g_autofree Ranked *order = g_new (Ranked, d->n);

  for (guint i = 0; i < d->n; i++)
    order[i] = (Ranked){ d->inputs[(gsize) input * d->n + i], i };
  qsort (order, d->n, sizeof (Ranked), compare_ranked);
  for (guint j = 0; j < d->n; j++)
    d->bins[(gsize) input * d->n + order[j].draw] =
      (guint16) ((guint64) j * n_bins / d->n);
  d->n_bins[input] = n_bins;
}

/* The inputs: each criterion's drawn weight (when weights vary), then
 * each varied level's method. The drawn weights are independent of each
 * other (uniform variates, or the Dirichlet's gamma variates before they
 * are normalised), as first-order indices assume; their shares are not. */
static void
make_inputs (OccSensitivity *self, OccSensitivityOptions *o, Draws *d)
{
  OccMethodology *m = self->dataset->methodology;
  static const char *const levels[] = { "raters", "criteria", "children" };
  guint n_bins = (guint) CLAMP (ceil (cbrt ((double) d->n)), 2, 32);
  guint input = 0;

  if (o->weight_draw != OCC_WEIGHT_DRAW_FIXED)
    for (guint c = 0; c < m->n_criteria; c++)
      if (m->criterion_weights[c] > 0)
        g_ptr_array_add (self->input_names,
                         g_strdup_printf ("weight:%s", m->criterion_ids[c]));
  for (guint level = 0; level < 3; level++)
    if (o->vary[level] && o->methods->len > 1)
      g_ptr_array_add (self->input_names,
                       g_strdup_printf ("method:%s", levels[level]));
  d->n_inputs = self->n_inputs = self->input_names->len;
  d->inputs = g_new (double, (gsize) d->n_inputs * d->n + 1);
  d->bins = g_new (guint16, (gsize) d->n_inputs * d->n + 1);
  d->n_bins = g_new (guint, d->n_inputs + 1);

  if (o->weight_draw != OCC_WEIGHT_DRAW_FIXED)
    for (guint c = 0; c < m->n_criteria; c++)
      {
        if (!(m->criterion_weights[c] > 0))
          continue;
        for (guint i = 0; i < d->n; i++)
          d->inputs[(gsize) input * d->n + i] =
            d->weights[(gsize) i * m->n_criteria + c];
        bin_continuous (d, input++, n_bins);
      }
  for (guint level = 0; level < 3; level++)
    {
      if (!o->vary[level] || o->methods->len <= 1)
        continue;
      for (guint i = 0; i < d->n; i++)
        {
          OccAggregation drawn = d->methods[(gsize) i * 3 + level];
          guint k = 0;

          while (g_array_index (o->methods, OccAggregation, k) != drawn)
            k++;
          d->inputs[(gsize) input * d->n + i] = drawn;
          d->bins[(gsize) input * d->n + i] = (guint16) k;
        }
      d->n_bins[input++] = o->methods->len;
    }
  /* The bins' sizes: the counts of every output with a value in each
   * draw (see bin_sums()). */
  d->bin_size = g_new0 (guint, (gsize) d->n_inputs * MAX_BINS + 1);
  for (guint i = 0; i < d->n_inputs; i++)
    for (guint j = 0; j < d->n; j++)
      d->bin_size[i * MAX_BINS + d->bins[(gsize) i * d->n + j]]++;
}

typedef struct
{
  OccTable *table;
  OccScorer *scorer;
  double *weights;
  double *scratch; /* one cell's draws */
  double *select;  /* room to select quantiles: twice the draws */
  double *bin_sum; /* per output, input and bin */
  guint *bin_count;
  double *block;     /* DRAW_BLOCK draws' outputs, draw by draw */
  guint *rank_count; /* per rank, and the largest rank */
  guint max_rank;
} Worker;

/* A phase being evaluated, shared by the threads. */
typedef struct
{
  OccSensitivity *self;
  OccDataset *ds;
  Draws *draws;
  gboolean keep_leaf_criteria;
  guint phase;
  guint n_cells;    /* countries × (nodes + 1) */
  guint block_rows; /* draws per task */
  double *store;    /* N_OUTPUTS × n_cells × draws */
} Phase;

/* Draws per block: DRAW_BLOCK, unless a block would take more than
 * MAX_BLOCK doubles per thread (then one). */
static guint
block_rows (OccDataset *ds, Draws *d)
{
  guint rows = MIN (DRAW_BLOCK, d->n);

  if ((guint64) rows * N_OUTPUTS * ds->countries.n * (ds->n_nodes + 1)
      > MAX_BLOCK)
    rows = 1;
  return rows;
}

static Worker *
worker_new (OccDataset *ds, Draws *d, gboolean keep)
{
  Worker *w = g_new0 (Worker, 1);

  w->table = occ_table_new (ds);
  w->scorer = occ_scorer_new (ds, w->table);
  /* Draws keep scores and ranks, not inclusion. */
  w->scorer->values_only = TRUE;
  w->weights = g_new (double, ds->methodology->n_criteria + 1);
  w->scratch = g_new (double, d->n + 1);
  w->select = g_new (double, 2 * (gsize) d->n + 1);
  w->block = g_new (double, (gsize) block_rows (ds, d) * N_OUTPUTS
                              * ds->countries.n * (ds->n_nodes + 1));
  /* At most 32 bins of a weight, 16 methods. */
  w->bin_sum = g_new (double, (gsize) N_OUTPUTS * d->n_inputs * MAX_BINS + 1);
  w->bin_count = g_new (guint,
                        (gsize) N_OUTPUTS * d->n_inputs * MAX_BINS + 1);
  /* Ranks run from 1 to the number of countries or of nodes. */
  w->max_rank = MAX (ds->countries.n, ds->n_nodes + 1);
  w->rank_count = g_new (guint, (gsize) w->max_rank + 2);
  /* Rule 1 does not depend on the drawn choices unless the raters' method
   * varies: score it once under the methodology's own rules. */
  if (keep)
    {
      for (guint k = 0; k < ds->countries.n; k++)
        for (guint p = 0; p < ds->phases.n; p++)
          occ_scorer_score (w->scorer, k, p);
      w->scorer->keep_leaf_criteria = TRUE;
    }
  w->scorer->criterion_weights = w->weights;
  return w;
}

static void
worker_free (Worker *w)
{
  occ_scorer_free (w->scorer);
  occ_table_free (w->table);
  g_free (w->weights);
  g_free (w->scratch);
  g_free (w->select);
  g_free (w->bin_sum);
  g_free (w->bin_count);
  g_free (w->rank_count);
  g_free (w->block);
  g_free (w);
}

/* Draw @draw into row @b of the worker's block, draw by draw: its three
 * outputs of every cell of the phase, written front to back. */
static void
evaluate_draw (Phase *ph, Worker *w, guint draw, guint b)
{
  OccDataset *ds = ph->ds;
  OccTable *t = w->table;
  Draws *d = ph->draws;
  guint top = t->n_slots - 1;
  double *row = &w->block[(gsize) b * N_OUTPUTS * ph->n_cells];

  memcpy (w->weights, &d->weights[(gsize) draw * d->n_criteria],
          d->n_criteria * sizeof (double));
  memcpy (w->scorer->aggregation, &d->methods[(gsize) draw * 3],
          3 * sizeof (OccAggregation));
  for (guint k = 0; k < ds->countries.n; k++)
    occ_scorer_score (w->scorer, k, ph->phase);
  occ_scorer_rank_phase (w->scorer, ph->phase);
  for (guint k = 0; k < ds->countries.n; k++)
    for (guint j = 0; j <= ds->n_nodes; j++)
      {
        gsize cell = occ_table_cell (t, k, ph->phase, j);
        gsize c = (gsize) k * (ds->n_nodes + 1) + j;
        double value;
        gboolean has = occ_table_get (t, cell, top, &value);
        guint32 peer = j < ds->n_nodes ? t->rank[cell]
                                       : t->country_rank[cell];

        row[0 * (gsize) ph->n_cells + c] = has ? value : NAN;
        row[1 * (gsize) ph->n_cells + c] = has && peer > 0 ? (double) peer
                                                           : NAN;
        row[2 * (gsize) ph->n_cells + c] = has && t->country_rank[cell] > 0
                                             ? (double) t->country_rank[cell]
                                             : NAN;
      }
}

/* Block @task of DRAW_BLOCK consecutive draws. The store keeps each
 * output's draws contiguous, for the summaries; written one draw at a
 * time, every value would land on its own cache line (a phase's outputs
 * are far larger than the cache). The block is evaluated into the
 * worker's rows first, then each output's DRAW_BLOCK values go to the
 * store together: a whole line. */
static void
draw_task (gpointer shared, gpointer worker, gsize task)
{
  Phase *ph = shared;
  Worker *w = worker;
  Draws *d = ph->draws;
  guint first = (guint) task * ph->block_rows;
  guint n = MIN (ph->block_rows, d->n - first);
  gsize n_series = (gsize) N_OUTPUTS * ph->n_cells;

  for (guint b = 0; b < n; b++)
    evaluate_draw (ph, w, first + b, b);
  for (gsize x = 0; x < n_series; x++)
    {
      double *out = &ph->store[x * d->n + first];

      for (guint b = 0; b < n; b++)
        out[b] = w->block[b * n_series + x];
    }
}

/* What every input's index of one output shares: the number of draws
 * with a value, their mean and total sum of squares (of the @n values
 * that are not NaN). */
typedef struct
{
  guint n;
  double mean, sst;
} Moments;

static void
moments (const double *values, gsize n, Moments *mo)
{
  mo->n = (guint) n;
  mo->mean = n > 0 ? occ_sum (values, n) / n : 0;
  mo->sst = occ_sum_squares (values, n, mo->mean);
}

/* The sums and counts of @y's draws by bin of every input, in one pass
 * over the draws: into output @o's part of w->bin_sum and w->bin_count,
 * MAX_BINS per input.
 * Inputs interleave, so that consecutive additions go to different sums
 * rather than wait for each other (one input at a time, most additions
 * waited for the last one into the same bin). When every one of the
 * draws has a value (@n_valid of them), the counts are the bins' sizes,
 * and the pass only sums. */
static void
bin_sums (Worker *w, Draws *d, const double *y, gsize n_valid, guint o)
{
  guint n_inputs = d->n_inputs;
  double *sum = &w->bin_sum[(gsize) o * n_inputs * MAX_BINS];
  guint *count = &w->bin_count[(gsize) o * n_inputs * MAX_BINS];

  memset (sum, 0, (gsize) n_inputs * MAX_BINS * sizeof (double));
  if (n_valid == d->n)
    {
      memcpy (count, d->bin_size,
              (gsize) n_inputs * MAX_BINS * sizeof (guint));
      for (guint i = 0; i < d->n; i++)
        for (guint input = 0; input < n_inputs; input++)
          sum[input * MAX_BINS + d->bins[(gsize) input * d->n + i]] += y[i];
      return;
    }
  memset (count, 0, (gsize) n_inputs * MAX_BINS * sizeof (guint));
  for (guint i = 0; i < d->n; i++)
    {
      double v = y[i];

      if (isnan (v))
        continue;
      for (guint input = 0; input < n_inputs; input++)
        {
          guint at = input * MAX_BINS + d->bins[(gsize) input * d->n + i];

          sum[at] += v;
          count[at]++;
        }
    }
}

/* The sums of bin_sums() for every output at once, when every output
 * has a value in every draw (the usual case): the counts are the bins'
 * sizes, and the outputs' sums, independent of each other, are added
 * side by side. One output at a time, a draw in the same bin as the last
 * one waited for its sum to be stored and read back. Each sum still
 * takes its draws in order. */
static void
bin_sums_all (Worker *w, Draws *d, const double *const y[N_OUTPUTS])
{
  gsize part = (gsize) d->n_inputs * MAX_BINS;
  double *sum0 = w->bin_sum, *sum1 = sum0 + part, *sum2 = sum1 + part;

  G_STATIC_ASSERT (N_OUTPUTS == 3);
  memset (w->bin_sum, 0, N_OUTPUTS * part * sizeof (double));
  for (guint o = 0; o < N_OUTPUTS; o++)
    memcpy (&w->bin_count[o * part], d->bin_size, part * sizeof (guint));
  for (guint i = 0; i < d->n; i++)
    {
      double y0 = y[0][i], y1 = y[1][i], y2 = y[2][i];

      for (guint input = 0; input < d->n_inputs; input++)
        {
          gsize at = input * MAX_BINS + d->bins[(gsize) input * d->n + i];

          sum0[at] += y0;
          sum1[at] += y1;
          sum2[at] += y2;
        }
    }
}

/* The first-order index of input @input on output @o, with moments @mo
 * and bin sums from bin_sums(). */
static gboolean
first_order (Worker *w, Draws *d, guint o, guint input, const Moments *mo,
             double *index)
{
  gsize at = ((gsize) o * d->n_inputs + input) * MAX_BINS;
  const double *bin_sum = &w->bin_sum[at];
  const guint *bin_count = &w->bin_count[at];
  guint n_bins = d->n_bins[input], n = mo->n, occupied = 0;
  double mean = mo->mean, sst = mo->sst, ssb = 0, ssw, between;

  if (n < 2)
    return FALSE;
  for (guint b = 0; b < n_bins; b++)
    if (bin_count[b] > 0)
      {
        double bm = bin_sum[b] / bin_count[b];

        ssb += bin_count[b] * (bm - mean) * (bm - mean);
        occupied++;
      }
  /* No variance, or too few draws per bin to tell noise from effect. */
  if (!(sst > 1e-12 * MAX (1.0, mean * mean) * n) || n <= occupied)
    return FALSE;
  ssw = MAX (0.0, sst - ssb);
  between = ssb - (occupied - 1) * ssw / (n - occupied);
  *index = CLAMP (between / sst, 0.0, 1.0);
  return TRUE;
}

/* Median, 5 % and 95 %, in increasing order. */
static const double quantile_levels[3] = { 0.05, 0.5, 0.95 };

/* The @k-th smallest (from 0) of ranks counted in @count, 1 to @top. */
static double
counted_kth (const guint *count, guint top, gsize k)
{
  gsize below = 0;
  guint r = 1;

  for (; r < top && below + count[r] <= k; r++)
    below += count[r];
  return r;
}

/* The spread of a rank's draws (@n values): ranks are small integers, so
 * counting them gives the order statistics, the same ones a selection
 * would, without one. Every value is a rank (evaluate_draw()): a peer
 * rank is at most the number of nodes, a rank between countries at most
 * the number of countries, both within w->max_rank. */
static void
rank_quantiles (Worker *w, const double *ranks, gsize n, double q[3])
{
  guint top = 0;

  memset (w->rank_count, 0, ((gsize) w->max_rank + 2) * sizeof (guint));
  for (gsize i = 0; i < n; i++)
    {
      guint r = (guint) ranks[i];

      w->rank_count[r]++;
      top = MAX (top, r);
    }
  for (guint x = 0; x < 3; x++)
    {
      double h = (double) (n - 1) * quantile_levels[x], value, next;
      gsize lo = (gsize) floor (h);

      if (lo + 1 >= n)
        lo = n - 1;
      value = counted_kth (w->rank_count, top, lo);
      if (lo + 1 >= n || h == (double) lo)
        next = value;
      else
        next = counted_kth (w->rank_count, top, lo + 1);
      /* Stored as median, 5 %, 95 %. */
      static const guint slot[3] = { 1, 0, 2 };

      q[slot[x]] = value + (h - (double) lo) * (next - value);
    }
}

/* Summary of cell @task of the phase: spreads and indices. */
static void
summary_task (gpointer shared, gpointer worker, gsize task)
{
  Phase *ph = shared;
  Worker *w = worker;
  OccSensitivity *self = ph->self;
  Draws *d = ph->draws;
  guint k = (guint) (task / (ph->ds->n_nodes + 1));
  guint j = (guint) (task % (ph->ds->n_nodes + 1));
  gsize cell = occ_table_cell (self->base, k, ph->phase, j);
  const double *ys[N_OUTPUTS];
  Moments mo[N_OUTPUTS];
  gboolean all_valid = TRUE;

  for (guint o = 0; o < N_OUTPUTS; o++)
    {
      const double *y = ys[o] =
        &ph->store[((gsize) o * ph->n_cells + task) * d->n];
      Spread *s = &self->spread[cell * N_OUTPUTS + o];
      gsize n = 0;

      for (guint i = 0; i < d->n; i++)
        if (!isnan (y[i]))
          w->scratch[n++] = y[i];
      all_valid = all_valid && n == d->n;
      mo[o].n = 0;
      if (n == 0)
        continue;
      s->present = TRUE;
      if (o != OUT_SCORE)
        rank_quantiles (w, w->scratch, n, s->q);
      else
        {
          double q[3];

          occ_quantiles_select (w->scratch, n, quantile_levels, 3, q,
                                w->select);
          s->q[0] = q[1];
          s->q[1] = q[0];
          s->q[2] = q[2];
        }
      moments (w->scratch, n, &mo[o]);
    }
  if (all_valid)
    bin_sums_all (w, d, ys);
  else
    for (guint o = 0; o < N_OUTPUTS; o++)
      if (mo[o].n >= 2)
        bin_sums (w, d, ys[o], mo[o].n, o);
  for (guint o = 0; o < N_OUTPUTS; o++)
    {
      gsize idx = (cell * N_OUTPUTS + o) * self->n_inputs;

      if (mo[o].n == 0)
        continue;
      for (guint i = 0; i < self->n_inputs; i++)
        self->has_index[idx + i] = first_order (w, d, o, i, &mo[o],
                                                &self->indices[idx + i]);
    }
}

static gboolean
check_options (OccDataset *ds, OccSensitivityOptions *o, GError **error)
{
  OccMethodology *m = ds->methodology;
  gboolean geometric = FALSE;

  if (!occ_methodology_check_numeric (m, "sensitivity", error))
    return FALSE;

  for (guint level = 0; level < 3; level++)
    if (o->vary[level])
      for (guint i = 0; i < o->methods->len; i++)
        geometric |= g_array_index (o->methods, OccAggregation, i)
                     == OCC_AGGREGATION_GEOMETRIC;
  if (geometric && m->scale_min < 0)
    {
      g_set_error (error, OCC_ERROR, OCC_ERROR_STRUCTURE,
                   "sensitivity: the geometric mean cannot be drawn: the "
                   "scale %d..%d allows negative scores",
                   m->scale_min, m->scale_max);
      return FALSE;
    }
  if ((guint64) o->draws * ds->countries.n * (ds->n_nodes + 1) * N_OUTPUTS
      > MAX_STORE)
    {
      g_set_error (error, OCC_ERROR, OCC_ERROR_LIMIT,
                   "sensitivity: %u draws × %u countries × %u nodes exceed "
                   "the limit of %" G_GUINT64_FORMAT " values kept at once",
                   o->draws, ds->countries.n, ds->n_nodes + 1,
                   MAX_STORE / N_OUTPUTS);
      return FALSE;
    }
  return TRUE;
}

static gboolean
run_phases (OccSensitivity *self, Draws *d, gboolean keep, guint n_threads,
            OccProgress *progress, GCancellable *cancellable)
{
  OccDataset *ds = self->dataset;
  Phase ph = { self, ds, d, keep };
  Worker **workers = g_new0 (Worker *, n_threads);
  gboolean ok = TRUE;
  guint n_blocks;

  ph.n_cells = ds->countries.n * (ds->n_nodes + 1);
  ph.store = g_new (double, (gsize) N_OUTPUTS *ph.n_cells * d->n + 1);
  for (guint i = 0; i < n_threads; i++)
    workers[i] = worker_new (ds, d, keep);
  ph.block_rows = block_rows (ds, d);
  n_blocks = (d->n + ph.block_rows - 1) / ph.block_rows;
  progress->total = (double) ds->phases.n * (n_blocks + ph.n_cells);
  for (guint p = 0; ok && p < ds->phases.n; p++)
    {
      ph.phase = p;
      ok = occ_parallel_run (n_threads, n_blocks, draw_task, &ph,
                             (gpointer *) workers, progress, cancellable)
           && occ_parallel_run (n_threads, ph.n_cells, summary_task, &ph,
                                (gpointer *) workers, progress, cancellable);
    }
  for (guint i = 0; i < n_threads; i++)
    worker_free (workers[i]);
  g_free (workers);
  g_free (ph.store);
  return ok;
}

/**
 * occ_sensitivity_new:
 * @dataset: a dataset
 * @options: (nullable): the options, or %NULL for the defaults
 * @progress: (scope call) (nullable) (closure user_data): called with the
 *   fraction done, from the calling thread
 * @user_data: data for @progress
 * @cancellable: (nullable): a #GCancellable to stop the run
 * @error: return location for a #GError
 *
 * Runs the Monte Carlo (see [class@Occ.Sensitivity]).
 *
 * Fails with %OCC_ERROR_STRUCTURE when the geometric mean would be drawn
 * on a scale with negative scores, %OCC_ERROR_LIMIT when one phase's draws
 * would not fit in memory (draws × countries × (nodes + 1) × 3 above
 * 2^26), and %G_IO_ERROR_CANCELLED when @cancellable was cancelled.
 *
 * Returns: (transfer full): the analysis, or %NULL with @error set
 *
 * Since: 1.1
 */
OccSensitivity *
occ_sensitivity_new (OccDataset *dataset, OccSensitivityOptions *options,
                     OccProgressFunc progress, gpointer user_data,
                     GCancellable *cancellable, GError **error)
{
  g_autoptr (OccSensitivityOptions) defaults = NULL;
  g_autoptr (OccSensitivity) self = NULL;
  OccProgress report = { progress, user_data };
  OccMethodology *m;
  Draws d = { 0 };
  gboolean keep, ok;
  gsize n;

  g_return_val_if_fail (OCC_IS_DATASET (dataset), NULL);
  g_return_val_if_fail (options == NULL
                          || OCC_IS_SENSITIVITY_OPTIONS (options),
                        NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable),
                        NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (options == NULL)
    options = defaults = occ_sensitivity_options_new ();
  if (!check_options (dataset, options, error))
    return NULL;
  m = dataset->methodology;
  self = g_object_new (OCC_TYPE_SENSITIVITY, NULL);
  self->dataset = g_object_ref (dataset);
  self->base = occ_table_new_scored (dataset);
  self->draws = options->draws;

  d.n = options->draws;
  d.n_criteria = m->n_criteria;
  d.weights = g_new (double, (gsize) d.n * m->n_criteria + 1);
  d.methods = g_new (OccAggregation, (gsize) d.n * 3 + 1);
  for (guint i = 0; i < d.n; i++)
    make_draw (options, m, &d, i);
  make_inputs (self, options, &d);

  n = self->base->n_cells * N_OUTPUTS;
  self->spread = g_new0 (Spread, n + 1);
  self->indices = g_new0 (double, n * self->n_inputs + 1);
  self->has_index = g_new0 (guint8, n * self->n_inputs + 1);
  keep = !options->vary[OCC_LEVEL_RATERS];
  ok = run_phases (self, &d, keep, occ_threads_for (options->threads),
                   &report, cancellable);
  draws_clear (&d);
  if (!ok)
    {
      occ_cancelled_error (cancellable, error);
      return NULL;
    }
  occ_progress_report (&report, report.total, TRUE);
  return g_steal_pointer (&self);
}

/**
 * occ_sensitivity_get_dataset:
 * @self: a sensitivity analysis
 *
 * The dataset the analysis was run on.
 *
 * Returns: (transfer none): the dataset analysed
 *
 * Since: 1.1
 */
OccDataset *
occ_sensitivity_get_dataset (OccSensitivity *self)
{
  g_return_val_if_fail (OCC_IS_SENSITIVITY (self), NULL);
  return self->dataset;
}

/**
 * occ_sensitivity_get_draws:
 * @self: a sensitivity analysis
 *
 * How many Monte Carlo draws the analysis made.
 *
 * Returns: the number of draws
 *
 * Since: 1.1
 */
guint
occ_sensitivity_get_draws (OccSensitivity *self)
{
  g_return_val_if_fail (OCC_IS_SENSITIVITY (self), 0);
  return self->draws;
}

/**
 * occ_sensitivity_get_n_inputs:
 * @self: a sensitivity analysis
 *
 * The uncertain inputs: each criterion of non-zero weight when weights
 * vary, then each level whose method is drawn (from a set of more than
 * one method).
 *
 * Returns: the number of uncertain inputs
 *
 * Since: 1.1
 */
guint
occ_sensitivity_get_n_inputs (OccSensitivity *self)
{
  g_return_val_if_fail (OCC_IS_SENSITIVITY (self), 0);
  return self->n_inputs;
}

/**
 * occ_sensitivity_get_input_name:
 * @self: a sensitivity analysis
 * @input: an input index, below occ_sensitivity_get_n_inputs()
 *
 * The name of an uncertain input.
 *
 * Returns: (transfer none): the input's name: `weight:` and a criterion
 *   id, or `method:` and a level (`raters`, `criteria`, `children`)
 *
 * Since: 1.1
 */
const char *
occ_sensitivity_get_input_name (OccSensitivity *self, guint input)
{
  g_return_val_if_fail (OCC_IS_SENSITIVITY (self), NULL);
  g_return_val_if_fail (input < self->n_inputs, NULL);
  return g_ptr_array_index (self->input_names, input);
}

static gssize
resolve_cell (OccSensitivity *self, const char *country, const char *phase,
              const char *node)
{
  OccDataset *ds = self->dataset;
  int k = occ_dataset_lookup_country (ds, country);
  int p = occ_dataset_lookup_phase (ds, phase);
  guint j = ds->n_nodes;

  if (node != NULL)
    {
      OccNode *n = occ_dataset_lookup_node (ds, node);
      if (n == NULL)
        return -1;
      j = n->index;
    }
  if (k < 0 || p < 0)
    return -1;
  return (gssize) occ_table_cell (self->base, k, p, j);
}

static gboolean
get_spread (OccSensitivity *self, gssize cell, guint output, double *median,
            double *low, double *high)
{
  Spread *s;

  if (cell < 0)
    return FALSE;
  s = &self->spread[cell * N_OUTPUTS + output];
  if (!s->present)
    return FALSE;
  if (median)
    *median = s->q[0];
  if (low)
    *low = s->q[1];
  if (high)
    *high = s->q[2];
  return TRUE;
}

/**
 * occ_sensitivity_lookup_score:
 * @self: a sensitivity analysis
 * @country: a country id
 * @phase: a phase id
 * @node: (nullable): a node id, or %NULL for the country's own score
 * @median: (out) (optional): the median score across draws
 * @low: (out) (optional): its 5th percentile
 * @high: (out) (optional): its 95th percentile
 *
 * The spread of one score across draws.
 *
 * Returns: %TRUE when some draw gives the score a value
 *
 * Since: 1.1
 */
gboolean
occ_sensitivity_lookup_score (OccSensitivity *self, const char *country,
                              const char *phase, const char *node,
                              double *median, double *low, double *high)
{
  g_return_val_if_fail (OCC_IS_SENSITIVITY (self), FALSE);
  g_return_val_if_fail (country != NULL && phase != NULL, FALSE);
  return get_spread (self, resolve_cell (self, country, phase, node),
                     OUT_SCORE, median, low, high);
}

/**
 * occ_sensitivity_lookup_rank:
 * @self: a sensitivity analysis
 * @country: a country id
 * @phase: a phase id
 * @node: (nullable): a node id, or %NULL for the country's own score
 * @kind: which rank
 * @median: (out) (optional): the median rank across draws
 * @low: (out) (optional): its 5th percentile
 * @high: (out) (optional): its 95th percentile
 *
 * The spread of one rank across draws (1 is best; the 5th percentile is
 * the best end of the range).
 *
 * Returns: %TRUE when some draw ranks the node
 *
 * Since: 1.1
 */
gboolean
occ_sensitivity_lookup_rank (OccSensitivity *self, const char *country,
                             const char *phase, const char *node,
                             OccRankKind kind, double *median, double *low,
                             double *high)
{
  g_return_val_if_fail (OCC_IS_SENSITIVITY (self), FALSE);
  g_return_val_if_fail (country != NULL && phase != NULL, FALSE);
  g_return_val_if_fail (kind <= OCC_RANK_KIND_COUNTRIES, FALSE);
  return get_spread (self, resolve_cell (self, country, phase, node),
                     kind == OCC_RANK_KIND_PEERS ? OUT_PEER_RANK
                                                 : OUT_COUNTRY_RANK,
                     median, low, high);
}

/**
 * occ_sensitivity_dup_indices:
 * @self: a sensitivity analysis
 * @country: a country id
 * @phase: a phase id
 * @node: (nullable): a node id, or %NULL for the country's own score
 * @of_rank: %FALSE for the indices on the score, %TRUE on a rank
 * @kind: which rank, when @of_rank
 * @present: (out) (optional) (transfer full) (array length=n_inputs): 1
 *   where the index is defined, 0 where the output does not vary (or
 *   too few draws give it a value)
 * @n_inputs: (out): the number of inputs
 *
 * The first-order sensitivity index of each input
 * (occ_sensitivity_get_input_name()) on one output: the share of the
 * output's variance across draws that the input explains alone, from 0 to
 * 1. Where an index is undefined the array holds 0: never a NaN.
 *
 * Returns: (transfer full) (nullable) (array length=n_inputs): the
 *   indices, or %NULL for an unknown id (with @n_inputs set to 0)
 *
 * Since: 1.1
 */
double *
occ_sensitivity_dup_indices (OccSensitivity *self, const char *country,
                             const char *phase, const char *node,
                             gboolean of_rank, OccRankKind kind,
                             guint8 **present, gsize *n_inputs)
{
  gssize cell;
  guint output;
  gsize idx;
  double *out;

  g_return_val_if_fail (OCC_IS_SENSITIVITY (self), NULL);
  g_return_val_if_fail (country != NULL && phase != NULL, NULL);
  g_return_val_if_fail (n_inputs != NULL, NULL);

  cell = resolve_cell (self, country, phase, node);
  *n_inputs = 0;
  if (present)
    *present = NULL;
  if (cell < 0)
    return NULL;
  output = !of_rank                      ? OUT_SCORE
           : kind == OCC_RANK_KIND_PEERS ? OUT_PEER_RANK
                                         : OUT_COUNTRY_RANK;
  idx = ((gsize) cell * N_OUTPUTS + output) * self->n_inputs;
  *n_inputs = self->n_inputs;
  if (present)
    *present = g_memdup2 (&self->has_index[idx], self->n_inputs + 1);
  out = g_new0 (double, self->n_inputs + 1);
  for (guint i = 0; i < self->n_inputs; i++)
    if (self->has_index[idx + i])
      out[i] = self->indices[idx + i];
  return out;
}

/**
 * occ_sensitivity_dup_ranks:
 * @self: a sensitivity analysis
 * @country: a country index of the dataset
 * @phase: a phase index of the dataset
 * @kind: which rank
 * @median: (out) (optional) (transfer full) (array length=n_nodes): median
 *   ranks
 * @low: (out) (optional) (transfer full) (array length=n_nodes): 5th
 *   percentiles
 * @high: (out) (optional) (transfer full) (array length=n_nodes): 95th
 *   percentiles
 * @n_nodes: (out): the number of entries: the framework's nodes by node
 *   index, then the country's own score
 *
 * Every node's rank spread in one country and phase, in one call. Where a
 * node is never ranked the arrays hold 0: never a NaN.
 *
 * Returns: (transfer full) (array length=n_nodes): 1 where the node is
 *   ranked in some draw, else 0
 *
 * Since: 1.1
 */
guint8 *
occ_sensitivity_dup_ranks (OccSensitivity *self, guint country, guint phase,
                           OccRankKind kind, double **median, double **low,
                           double **high, gsize *n_nodes)
{
  OccTable *t;
  gsize n;
  guint8 *mask;
  double *q[3];

  g_return_val_if_fail (OCC_IS_SENSITIVITY (self), NULL);
  g_return_val_if_fail (n_nodes != NULL, NULL);
  t = self->base;
  g_return_val_if_fail (country < t->n_countries, NULL);
  g_return_val_if_fail (phase < t->n_phases, NULL);
  g_return_val_if_fail (kind <= OCC_RANK_KIND_COUNTRIES, NULL);

  n = t->n_nodes + 1;
  mask = g_new0 (guint8, n);
  for (guint i = 0; i < 3; i++)
    q[i] = g_new0 (double, n);
  for (gsize j = 0; j < n; j++)
    mask[j] = get_spread (self, occ_table_cell (t, country, phase, j),
                          kind == OCC_RANK_KIND_PEERS ? OUT_PEER_RANK
                                                      : OUT_COUNTRY_RANK,
                          &q[0][j], &q[1][j], &q[2][j]);
  *n_nodes = n;
  if (median)
    *median = q[0];
  else
    g_free (q[0]);
  if (low)
    *low = q[1];
  else
    g_free (q[1]);
  if (high)
    *high = q[2];
  else
    g_free (q[2]);
  return mask;
}

/* "name": {"median": …, "p5": …, "p95": …} */
static void
put_spread (OccJsonWriter *w, const char *name, double median, double low,
            double high)
{
  occ_json_begin_object (w, name);
  occ_json_put_double (w, "median", median);
  occ_json_put_double (w, "p5", low);
  occ_json_put_double (w, "p95", high);
  occ_json_end_object (w);
}

static void
put_entry (OccSensitivity *self, OccJsonWriter *w, OccRankKind kind,
           const char *country, const char *phase, const char *node)
{
  double q[3];

  occ_json_begin_object (w, NULL);
  occ_json_put_string (w, "country", country);
  occ_json_put_string (w, "phase", phase);
  if (node)
    occ_json_put_string (w, "node", node);
  if (occ_sensitivity_lookup_score (self, country, phase, node, &q[0], &q[1],
                                    &q[2]))
    put_spread (w, "score", q[0], q[1], q[2]);
  if (occ_sensitivity_lookup_rank (self, country, phase, node, kind, &q[0],
                                   &q[1], &q[2]))
    put_spread (w, "rank", q[0], q[1], q[2]);
  for (int of_rank = 0; of_rank < 2; of_rank++)
    {
      g_autofree guint8 *present = NULL;
      gsize n = 0;
      g_autofree double *s = occ_sensitivity_dup_indices (
        self, country, phase, node, of_rank, kind, &present, &n);

      occ_json_begin_object (w, of_rank ? "indices_rank" : "indices_score");
      for (gsize i = 0; i < n; i++)
        if (present[i])
          occ_json_put_double (
            w, occ_sensitivity_get_input_name (self, (guint) i), s[i]);
      occ_json_end_object (w);
    }
  occ_json_end_object (w);
}

/**
 * occ_sensitivity_to_data:
 * @self: a sensitivity analysis
 * @kind: which rank to report
 * @nodes: (nullable) (array zero-terminated=1): the ids of the nodes to
 *   report, or %NULL for the countries' own scores
 * @length: (out) (optional): the length of the text in bytes
 *
 * Writes the analysis as JSON, as `occ sensitivity --format=json` prints
 * it: the number of draws, the rank reported, the uncertain inputs, and
 * for every country and phase that scores each node its score and rank
 * spreads (median, 5th and 95th percentiles) and first-order indices of
 * each input. Every string is escaped as JSON requires, whatever the
 * dataset's ids hold.
 *
 * Returns: (transfer full): the JSON text, ending with a newline
 *
 * Since: 1.2
 */
char *
occ_sensitivity_to_data (OccSensitivity *self, OccRankKind kind,
                         const char *const *nodes, gsize *length)
{
  static const char *const countries_only[] = { NULL };
  OccDataset *ds;
  GString *out;
  OccJsonWriter w;
  guint n_nodes;

  g_return_val_if_fail (OCC_IS_SENSITIVITY (self), NULL);
  g_return_val_if_fail (kind <= OCC_RANK_KIND_COUNTRIES, NULL);

  ds = occ_sensitivity_get_dataset (self);
  n_nodes = nodes ? g_strv_length ((char **) nodes) : 1;
  if (nodes == NULL)
    nodes = countries_only;
  out = g_string_new (NULL);
  occ_json_writer_init (&w, out);
  occ_json_begin_object (&w, NULL);
  occ_json_put_int (&w, "draws", occ_sensitivity_get_draws (self));
  occ_json_put_string (&w, "rank",
                       kind == OCC_RANK_KIND_PEERS ? "peers" : "countries");
  occ_json_begin_array (&w, "inputs");
  for (guint i = 0; i < occ_sensitivity_get_n_inputs (self); i++)
    occ_json_put_string (&w, NULL, occ_sensitivity_get_input_name (self, i));
  occ_json_end_array (&w);
  occ_json_put_string (&w, "index", "first-order, binned (given data)");
  occ_json_begin_array (&w, "results");
  for (guint j = 0; j < n_nodes; j++)
    for (guint k = 0; k < ds->countries.n; k++)
      for (guint p = 0; p < ds->phases.n; p++)
        {
          const char *country = ds->countries.ids[k];
          const char *phase = ds->phases.ids[p];

          if (occ_sensitivity_lookup_score (self, country, phase, nodes[j],
                                            NULL, NULL, NULL))
            put_entry (self, &w, kind, country, phase, nodes[j]);
        }
  occ_json_end_array (&w);
  occ_json_end_object (&w);
  g_string_append_c (out, '\n');
  if (length)
    *length = out->len;
  return g_string_free (out, FALSE);
}

/* occ-bootstrap.c: bootstrap intervals over raters
 *
 * Each replicate resamples, in every (country, phase), each leaf's rating
 * rows with replacement, and scores the resampled ratings with the
 * engine's own scorer (occ-engine.c): the same rules, min_raters, missing
 * children and published fallback as occ_results_new(). Leaves with
 * published scores only have no rating rows: they enter every replicate
 * unchanged.
 *
 * (Country, phase) units are independent, so they are bootstrapped one
 * after the other, each with its replicates spread over the threads; one
 * unit's replicates are kept (replicates × nodes × slots doubles) until
 * its intervals are read off. Every thread owns a table, a scorer and a
 * copy of the rating index, allocated once.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <math.h>

#include <occ/occ-bootstrap.h>

#include "occ-analysis-common-private.h"
#include "occ-bootstrap-private.h"
#include "occ-bootstrap-options-private.h"
#include "occ-results-private.h"

/* A unit's replicates are kept in memory at once: at most this many
 * doubles (512 MiB). */
#define MAX_STORE (G_GUINT64_CONSTANT (1) << 26)

/* OccBootstrap ----------------------------------------------------------- */

/**
 * OccBootstrap:
 *
 * Bootstrap confidence intervals and standard errors for every score of
 * a dataset: leaf criterion scores, leaf scores, inner nodes and
 * countries, in every phase.
 *
 * Each replicate resamples each leaf's raters with replacement (the rating
 * rows of each country, phase and leaf) and pushes the resampled ratings
 * through the full aggregation, by the same rules as
 * [ctor@Occ.Results.new]. A score's standard error is the standard
 * deviation of its replicates; its interval is their percentile interval,
 * or the BCa interval. Leaves with published scores only have no
 * rater-level data: they enter every replicate unchanged and have no
 * interval of their own ([enum@Occ.IntervalStatus]).
 *
 * ```c
 * g_autoptr(OccBootstrapOptions) options = occ_bootstrap_options_new ();
 * occ_bootstrap_options_set_seed (options, 42);
 * g_autoptr(OccBootstrap) boot =
 *   occ_bootstrap_new (results, options, NULL, NULL, NULL, &error);
 * double low, high, se;
 * if (occ_bootstrap_lookup (boot, "PE", "2024", NULL, -1, &low, &high, &se)
 *     >= OCC_INTERVAL_STATUS_ESTIMATED)
 *   g_print ("[%.2f, %.2f]\n", low, high);
 * ```
 *
 * Since: 1.1
 */
struct _OccBootstrap
{
  GObject parent_instance;

  OccResults *results;
  guint replicates;
  double level;
  guint64 seed;
  OccIntervalMethod method;

  /* Per table cell × slot: */
  double *low, *high, *se;
  guint32 *n_valid;
  guint8 *status;
  gsize n_published_only; /* leaf cells scored from published scores */
};

G_DEFINE_FINAL_TYPE (OccBootstrap, occ_bootstrap, G_TYPE_OBJECT)

static void
occ_bootstrap_finalize (GObject *object)
{
  OccBootstrap *self = OCC_BOOTSTRAP (object);

  g_clear_object (&self->results);
  g_free (self->low);
  g_free (self->high);
  g_free (self->se);
  g_free (self->n_valid);
  g_free (self->status);
  G_OBJECT_CLASS (occ_bootstrap_parent_class)->finalize (object);
}

static void
occ_bootstrap_class_init (OccBootstrapClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = occ_bootstrap_finalize;
}

static void
occ_bootstrap_init (OccBootstrap *self)
{
}

/* One thread's work state. */
typedef struct
{
  OccTable *table;
  OccScorer *scorer;
  /* Copies of the dataset's ratings in cell order (scores and groups
   * marked), resampled row by row; the scorer reads these. */
  gint32 *scores;
  guint32 *marked;
  double *scratch; /* one series of replicates */
  double *select;  /* room to select quantiles: twice the replicates */
} Worker;

/* The unit being bootstrapped, shared by the threads. */
typedef struct
{
  OccBootstrap *self;
  OccDataset *ds;
  OccTable *t; /* the results' table: the estimates */
  guint country, phase;
  guint64 unit;
  guint n_series;              /* (nodes + 1) × slots */
  guint32 run_first, run_last; /* the unit's rating rows */
  double *store;               /* n_series × replicates */
  /* The jackknife: deletion t leaves out row jk_pos[t] of dataset cell
   * jk_cell[t]; deletions of one leaf (a stratum) are consecutive, from
   * jk_stratum[h] to jk_stratum[h + 1]. */
  gsize n_jack;
  gsize *jk_cell;
  guint32 *jk_pos;
  guint *jk_stratum;
  guint n_strata;
  double *jstore;         /* n_series × n_jack */
  guint *rated_below;     /* per node: leaves below with ratings */
  guint *published_below; /* per node: leaves below from published scores */
  /* When the raters' method is the mean (see resample_means()): the
   * dataset's ratings in cell order with nulls as 0, and per rating the
   * criteria it scores, one bit at the bottom of each of n_criteria
   * fields of count_bits bits. */
  gboolean fused;
  gint32 *rated;
  guint64 *counted;
  guint count_bits;
} Unit;

static Worker *
worker_new (OccDataset *ds, guint replicates)
{
  Worker *w = g_new0 (Worker, 1);
  guint n_criteria = ds->methodology->n_criteria;

  w->table = occ_table_new (ds);
  w->scorer = occ_scorer_new (ds, w->table);
  w->scores = g_memdup2 (ds->cell_scores,
                         (ds->n_ratings * n_criteria + 1) * sizeof (gint32));
  w->marked = g_memdup2 (ds->cell_marked,
                         (ds->n_ratings + 1) * sizeof (guint32));
  w->scorer->cell_scores = w->scores;
  w->scorer->cell_marked = w->marked;
  w->scorer->values_only = TRUE;
  w->scratch = g_new (double, replicates + 1);
  w->select = g_new (double, 2 * (gsize) replicates + 1);
  return w;
}

static void
worker_free (Worker *w)
{
  occ_scorer_free (w->scorer);
  occ_table_free (w->table);
  g_free (w->scores);
  g_free (w->marked);
  g_free (w->scratch);
  g_free (w->select);
  g_free (w);
}

/* Copies one scoring of the unit into column @column of @store. */
static void
keep_scores (Unit *u, Worker *w, double *store, gsize columns, gsize column)
{
  OccTable *t = w->table;
  gsize base = occ_table_cell (t, u->country, u->phase, 0);

  for (guint s = 0; s < u->n_series; s++)
    store[s * columns + column] = t->present[base * t->n_slots + s]
                                    ? t->value[base * t->n_slots + s]
                                    : NAN;
}

/* Row @to of the worker's ratings in cell order becomes the dataset's row
 * @from. The groups marked are not copied: replicates keep scores only
 * (the scorer's values_only). A loop, not memcpy(): rows are a few
 * integers, and a call per row was a good part of a replicate. */
static inline void
copy_rating (Worker *w, OccDataset *ds, guint32 to, guint32 from)
{
  guint n_criteria = ds->methodology->n_criteria;
  gint32 *dst = &w->scores[(gsize) to * n_criteria];
  const gint32 *src = &ds->cell_scores[(gsize) from * n_criteria];

  for (guint c = 0; c < n_criteria; c++)
    dst[c] = src[c];
}

/* One leaf's @n rating rows from @first, drawn with replacement from the
 * dataset's. Inlined with a constant @n_criteria for the usual three, so
 * that a row's copy is three moves. */
static inline void
resample_rows (Worker *w, OccDataset *ds, guint32 first, guint32 n,
               OccRng *rng, guint n_criteria)
{
  gint32 *dst = &w->scores[(gsize) first * n_criteria];
  const gint32 *src = &ds->cell_scores[(gsize) first * n_criteria];

  for (guint32 r = 0; r < n; r++)
    {
      guint32 from = (guint32) occ_rng_below (rng, n);

      for (guint c = 0; c < n_criteria; c++)
        dst[(gsize) r * n_criteria + c] = src[(gsize) from * n_criteria + c];
    }
}

/* The most criteria resample_means() takes: its sums, and its counts
 * packed in one word. */
#define MAX_PACKED_CRITERIA 4

/* Rule 1 under the mean for one leaf of @n rating rows from @first, drawn
 * with replacement, straight into the worker's table: the same draws as
 * resample_rows(), but instead of copying the drawn rows for the scorer
 * to sum, each draw adds its row's scores (nulls as 0) and, in one
 * addition, its counts (one field per criterion) to the sums. The sums
 * are exact integers, so the mean is the very double that the engine's
 * leaf_means() computes from the copied rows. Always inlined, so that
 * with a constant @n_criteria (the usual three) the sums stay in
 * registers. */
G_ALWAYS_INLINE static inline void
resample_means (Unit *u, Worker *w, gsize cell, guint32 first, guint32 n,
                OccRng *rng, guint n_criteria)
{
  OccTable *t = w->table;
  double *value = &t->value[cell * t->n_slots];
  guint8 *present = &t->present[cell * t->n_slots];
  guint min_raters = u->ds->methodology->min_raters;
  const gint32 *rated = &u->rated[(gsize) first * n_criteria];
  const guint64 *counted = &u->counted[first];
  guint bits = u->count_bits;
  guint64 mask = bits < 64 ? (G_GUINT64_CONSTANT (1) << bits) - 1
                           : G_MAXUINT64;
  guint64 counts = 0;
  gint64 sum[MAX_PACKED_CRITERIA];
  gint64 s0 = 0, s1 = 0, s2 = 0, s3 = 0;

  /* The sums in scalars, not in an array: a loop over the criteria kept
   * them in memory, a store and a load per score drawn. */
  for (guint32 r = 0; r < n; r++)
    {
      guint32 from = (guint32) occ_rng_below (rng, n);
      const gint32 *row = &rated[(gsize) from * n_criteria];

      s0 += row[0];
      if (n_criteria > 1)
        s1 += row[1];
      if (n_criteria > 2)
        s2 += row[2];
      if (n_criteria > 3)
        s3 += row[3];
      counts += counted[from];
    }
  sum[0] = s0, sum[1] = s1, sum[2] = s2, sum[3] = s3;
  /* Through locals: a byte stored to present[] may alias anything, and
   * would have every pointer and min_raters read again after it. */
  for (guint c = 0; c < n_criteria; c++)
    {
      guint count = (guint) ((counts >> (bits * c)) & mask);
      gboolean has = count >= min_raters && count > 0;

      present[c] = (guint8) has;
      if (has)
        value[c] = (double) sum[c] / (double) count;
    }
}

/* Replicate @task of the unit, when the raters' method is the mean: rule
 * 1 of every leaf from its resampled rows (resample_means()), leaves
 * without ratings as the estimates have them (published or absent), and
 * the scorer takes it from there (its keep_leaf_criteria). */
static void
replicate_fused (Unit *u, Worker *w, OccRng *rng)
{
  OccDataset *ds = u->ds;
  OccTable *t = w->table;
  guint n_criteria = ds->methodology->n_criteria;

  for (guint i = 0; i < ds->n_nodes; i++)
    {
      gsize cell = occ_dataset_cell (ds, u->country, u->phase, i);
      gsize at = occ_table_cell (t, u->country, u->phase, i);
      guint32 first = ds->cell_start[cell],
              n = ds->cell_start[cell + 1] - first;

      if (n_criteria == 3 && n > 0)
        resample_means (u, w, at, first, n, rng, 3);
      else if (n > 0)
        resample_means (u, w, at, first, n, rng, n_criteria);
      else if (ds->node_leaf[i])
        {
          /* The results' table and the worker's have the same cells. */
          memcpy (&t->value[at * t->n_slots], &u->t->value[at * t->n_slots],
                  n_criteria * sizeof (double));
          memcpy (&t->present[at * t->n_slots],
                  &u->t->present[at * t->n_slots], n_criteria);
        }
    }
  w->scorer->keep_leaf_criteria = TRUE;
  occ_scorer_score (w->scorer, u->country, u->phase);
  w->scorer->keep_leaf_criteria = FALSE;
}

/* Replicate @task of the unit: resample every leaf's rating rows, in node
 * order, with the replicate's own stream, and score. */
static void
replicate_task (gpointer shared, gpointer worker, gsize task)
{
  Unit *u = shared;
  Worker *w = worker;
  OccDataset *ds = u->ds;
  guint n_criteria = ds->methodology->n_criteria;
  OccRng rng;

  occ_rng_init (&rng, u->self->seed, OCC_STREAM_BOOTSTRAP | u->unit, task);
  if (u->fused)
    {
      replicate_fused (u, w, &rng);
      keep_scores (u, w, u->store, u->self->replicates, task);
      return;
    }
  for (guint i = 0; i < ds->n_nodes; i++)
    {
      gsize cell = occ_dataset_cell (ds, u->country, u->phase, i);
      guint32 first = ds->cell_start[cell],
              n = ds->cell_start[cell + 1] - first;

      if (n == 1)
        /* Its one row, as it is (the jackknife leaves such leaves alone):
         * the draw is made all the same, to keep the stream's order. */
        occ_rng_below (&rng, n);
      else if (n_criteria == 3)
        resample_rows (w, ds, first, n, &rng, 3);
      else
        resample_rows (w, ds, first, n, &rng, n_criteria);
    }
  occ_scorer_score (w->scorer, u->country, u->phase);
  keep_scores (u, w, u->store, u->self->replicates, task);
}

/* Deletion @task of the jackknife: the unit's rating index as loaded,
 * with the deleted row moved to the end of its run, which the scorer then
 * leaves out. */
static void
jackknife_task (gpointer shared, gpointer worker, gsize task)
{
  Unit *u = shared;
  Worker *w = worker;
  OccDataset *ds = u->ds;
  gsize cell = u->jk_cell[task];
  guint32 last = ds->cell_start[cell + 1] - 1, pos = u->jk_pos[task];

  for (guint32 r = u->run_first; r < u->run_last; r++)
    copy_rating (w, ds, r, r);
  copy_rating (w, ds, pos, last);
  copy_rating (w, ds, last, pos);
  w->scorer->short_cell = cell;
  occ_scorer_score (w->scorer, u->country, u->phase);
  w->scorer->short_cell = G_MAXSIZE;
  keep_scores (u, w, u->jstore, u->n_jack, task);
}

/* The BCa acceleration of series @s from the stratified jackknife
 * (Davison & Hinkley 1997, §3.7 and §5.3.2):
 *   l_hj = (n_h − 1)(mean_j t_(hj) − t_(hj)),
 *   a = Σ_h n_h^-3 Σ_j l_hj^3 / (6 (Σ_h n_h^-2 Σ_j l_hj^2)^(3/2)).
 * 0 when a deletion leaves the score undefined (below min_raters). */
static double
acceleration (Unit *u, guint s)
{
  const double *jv = &u->jstore[(gsize) s * u->n_jack];
  double sum2 = 0, sum3 = 0;

  for (guint h = 0; h < u->n_strata; h++)
    {
      guint first = u->jk_stratum[h], last = u->jk_stratum[h + 1];
      double n = last - first, mean = 0;

      for (guint j = first; j < last; j++)
        {
          if (isnan (jv[j]))
            return 0;
          mean += jv[j];
        }
      mean /= n;
      for (guint j = first; j < last; j++)
        {
          double l = (n - 1) * (mean - jv[j]);

          sum2 += l * l / (n * n);
          sum3 += l * l * l / (n * n * n);
        }
    }
  return sum2 > 0 ? sum3 / (6.0 * pow (sum2, 1.5)) : 0;
}

/* BCa's adjusted quantile level for the nominal level @p (Efron 1987). */
static double
bca_level (double z0, double a, double p)
{
  double z = z0 + occ_normal_quantile (p), den = 1.0 - a * z;

  if (den <= 0) /* beyond what the acceleration can adjust */
    return z > 0 ? 1.0 : 0.0;
  return occ_normal_cdf (z0 + z / den);
}

/* Summary of series @task: status, standard error and interval. */
static void
summary_task (gpointer shared, gpointer worker, gsize task)
{
  Unit *u = shared;
  Worker *w = worker;
  OccBootstrap *self = u->self;
  OccTable *t = u->t;
  guint s = (guint) task, node = s / t->n_slots;
  gsize cell = occ_table_cell (t, u->country, u->phase, node);
  gsize out = occ_table_cell (t, u->country, u->phase, 0) * t->n_slots + s;
  const double *reps = &u->store[(gsize) s * self->replicates];
  double estimate, sum, sumsq, mean, p_low, p_high;
  gsize n = 0, below = 0, equal = 0;

  if (!occ_table_get (t, cell, s % t->n_slots, &estimate))
    return; /* no score: status NONE */
  if (u->rated_below[node] == 0)
    {
      self->status[out] = OCC_INTERVAL_STATUS_PUBLISHED;
      return;
    }
  /* The valid replicates, without a branch on the values. */
  for (guint b = 0; b < self->replicates; b++)
    {
      double r = reps[b];

      w->scratch[n] = r;
      n += !isnan (r);
    }
  self->n_valid[out] = (guint32) n;
  if (n < 2)
    return;
  sum = occ_sum (w->scratch, n);
  mean = sum / (double) n;
  sumsq = occ_sum_squares (w->scratch, n, mean);
  self->se[out] = sqrt (sumsq / (double) (n - 1));
  p_low = (1.0 - self->level) / 2;
  p_high = (1.0 + self->level) / 2;
  if (self->method == OCC_INTERVAL_METHOD_BCA)
    {
      /* Ties count half (the statistic is discrete: many replicates equal
       * the estimate), to within rounding of sums taken in another order.
       * Without branches on the values: replicates fall either side of
       * the estimate at random. */
      double tol = 1e-12 * MAX (1.0, fabs (estimate)), prop, a, z0;

      for (gsize b = 0; b < n; b++)
        {
          double r = w->scratch[b];
          gboolean tie = fabs (r - estimate) <= tol;

          equal += tie;
          below += !tie && r < estimate;
        }
      prop = ((double) below + 0.5 * (double) equal) / (double) n;
      a = acceleration (u, s);
      /* Keep z0 finite when every replicate lies on one side. */
      prop = CLAMP (prop, 0.5 / (double) n, 1.0 - 0.5 / (double) n);
      z0 = occ_normal_quantile (prop);
      p_low = bca_level (z0, a, p_low);
      p_high = bca_level (z0, a, p_high);
    }
  /* All replicates equal (a leaf of one rater, raters who all agree):
   * the interval is that value, without rounding noise, and without
   * selecting anything. */
  if (self->se[out] == 0)
    self->low[out] = self->high[out] = w->scratch[0];
  else
    {
      double p[2] = { p_low, p_high }, q[2];

      occ_quantiles_select (w->scratch, n, p, 2, q, w->select);
      self->low[out] = q[0];
      self->high[out] = q[1];
    }
  self->status[out] = u->published_below[node] > 0
                        ? OCC_INTERVAL_STATUS_PARTIAL
                        : OCC_INTERVAL_STATUS_ESTIMATED;
}

/* Which leaves below each node have ratings, and which were scored from
 * published scores. Children come after their parents in node order. */
static void
count_sources (Unit *u)
{
  OccDataset *ds = u->ds;
  guint n_nodes = ds->n_nodes;

  memset (u->rated_below, 0, (n_nodes + 1) * sizeof (guint));
  memset (u->published_below, 0, (n_nodes + 1) * sizeof (guint));
  for (guint i = n_nodes; i-- > 0;)
    {
      gsize cell = occ_dataset_cell (ds, u->country, u->phase, i);

      if (ds->node_leaf[i])
        {
          if (ds->cell_start[cell + 1] > ds->cell_start[cell])
            u->rated_below[i] = 1;
          else if (occ_dataset_published_for_cell (ds, cell) >= 0)
            u->published_below[i] = 1;
        }
      if (ds->node_parent[i] >= 0)
        {
          u->rated_below[ds->node_parent[i]] += u->rated_below[i];
          u->published_below[ds->node_parent[i]] += u->published_below[i];
        }
      else
        {
          u->rated_below[n_nodes] += u->rated_below[i];
          u->published_below[n_nodes] += u->published_below[i];
        }
    }
}

/* The deletions of the jackknife: every row of every leaf with at least
 * two rows (a leaf with one row never varies between replicates). */
static void
plan_jackknife (Unit *u)
{
  OccDataset *ds = u->ds;

  u->n_jack = 0;
  u->n_strata = 0;
  for (guint i = 0; i < ds->n_nodes; i++)
    {
      gsize cell = occ_dataset_cell (ds, u->country, u->phase, i);
      guint32 first = ds->cell_start[cell], last = ds->cell_start[cell + 1];

      if (last - first < 2)
        continue;
      u->jk_stratum[u->n_strata++] = (guint) u->n_jack;
      for (guint32 r = first; r < last; r++)
        {
          u->jk_cell[u->n_jack] = cell;
          u->jk_pos[u->n_jack++] = r;
        }
    }
  u->jk_stratum[u->n_strata] = (guint) u->n_jack;
}

static gboolean
run_unit (Unit *u, Worker **workers, guint n_threads, OccProgress *progress,
          GCancellable *cancellable)
{
  OccDataset *ds = u->ds;
  gsize first_cell = occ_dataset_cell (ds, u->country, u->phase, 0);

  count_sources (u);
  /* Every unit passes here, so the dataset's count is the units' sum. */
  u->self->n_published_only += u->published_below[ds->n_nodes];
  if (u->rated_below[ds->n_nodes] == 0)
    {
      /* Nothing to resample: every score is published or absent. */
      for (guint s = 0; s < u->n_series; s++)
        summary_task (u, workers[0], s);
      return TRUE;
    }
  u->run_first = ds->cell_start[first_cell];
  u->run_last = ds->cell_start[first_cell + ds->n_nodes];
  if (!occ_parallel_run (n_threads, u->self->replicates, replicate_task, u,
                         (gpointer *) workers, progress, cancellable))
    return FALSE;
  if (u->self->method == OCC_INTERVAL_METHOD_BCA)
    {
      plan_jackknife (u);
      if (!occ_parallel_run (n_threads, u->n_jack, jackknife_task, u,
                             (gpointer *) workers, progress, cancellable))
        return FALSE;
    }
  return occ_parallel_run (n_threads, u->n_series, summary_task, u,
                           (gpointer *) workers, progress, cancellable);
}

/* The work of the whole bootstrap, for progress reports. */
static double
total_work (OccBootstrap *self, OccDataset *ds, guint n_series)
{
  double total = 0;

  for (guint k = 0; k < ds->countries.n; k++)
    for (guint p = 0; p < ds->phases.n; p++)
      {
        gsize first = occ_dataset_cell (ds, k, p, 0);
        guint32 rows = ds->cell_start[first + ds->n_nodes]
                       - ds->cell_start[first];

        if (rows == 0)
          continue;
        total += self->replicates + n_series;
        if (self->method == OCC_INTERVAL_METHOD_BCA)
          total += rows;
      }
  return total;
}

/* Whether replicates take rule 1 in resample_means(), and its copy of
 * the ratings: the raters' method must be the mean, and every leaf's
 * count of rows must fit a field of the packed counts. */
static void
prepare_fused (Unit *u)
{
  OccDataset *ds = u->ds;
  OccMethodology *m = ds->methodology;
  guint n_criteria = m->n_criteria;
  guint32 longest = 0;

  u->fused = FALSE;
  if (m->aggregation[OCC_LEVEL_RATERS] != OCC_AGGREGATION_MEAN
      || n_criteria == 0 || n_criteria > MAX_PACKED_CRITERIA)
    return;
  u->count_bits = 64 / n_criteria;
  for (gsize cell = 0; cell < occ_dataset_n_cells (ds); cell++)
    longest = MAX (longest, ds->cell_start[cell + 1] - ds->cell_start[cell]);
  if (u->count_bits < 64
      && longest >= (G_GUINT64_CONSTANT (1) << u->count_bits))
    return;
  u->rated = g_new (gint32, ds->n_ratings * n_criteria + 1);
  u->counted = g_new0 (guint64, ds->n_ratings + 1);
  for (gsize r = 0; r < ds->n_ratings; r++)
    for (guint c = 0; c < n_criteria; c++)
      {
        gint32 v = ds->cell_scores[r * n_criteria + c];

        u->rated[r * n_criteria + c] = v == OCC_SCORE_NULL ? 0 : v;
        if (v != OCC_SCORE_NULL)
          u->counted[r] |= G_GUINT64_CONSTANT (1) << (u->count_bits * c);
      }
  u->fused = TRUE;
}

static gboolean
run_all (OccBootstrap *self, guint n_threads, OccProgress *progress,
         GCancellable *cancellable)
{
  OccDataset *ds = self->results->dataset;
  OccTable *t = self->results->table;
  Unit u = { self, ds, t };
  Worker **workers = g_new0 (Worker *, n_threads);
  gboolean ok = TRUE;

  u.n_series = (t->n_nodes + 1) * t->n_slots;
  u.store = g_new (double, (gsize) u.n_series * self->replicates + 1);
  u.rated_below = g_new (guint, ds->n_nodes + 1);
  u.published_below = g_new (guint, ds->n_nodes + 1);
  if (self->method == OCC_INTERVAL_METHOD_BCA)
    {
      /* A unit has at most one deletion per rating and one stratum per
       * leaf; its jackknife is sized by its own rows below. */
      u.jk_stratum = g_new (guint, ds->n_nodes + 1);
    }
  prepare_fused (&u);
  for (guint i = 0; i < n_threads; i++)
    workers[i] = worker_new (ds, self->replicates);
  progress->total = total_work (self, ds, u.n_series);
  for (guint k = 0; ok && k < ds->countries.n; k++)
    for (guint p = 0; ok && p < ds->phases.n; p++)
      {
        gsize first = occ_dataset_cell (ds, k, p, 0);
        gsize rows = ds->cell_start[first + ds->n_nodes]
                     - ds->cell_start[first];

        u.country = k;
        u.phase = p;
        u.unit = (guint64) k * ds->phases.n + p;
        if (self->method == OCC_INTERVAL_METHOD_BCA)
          {
            g_free (u.jk_cell);
            g_free (u.jk_pos);
            g_free (u.jstore);
            u.jk_cell = g_new (gsize, rows + 1);
            u.jk_pos = g_new (guint32, rows + 1);
            u.jstore = g_new (double, (gsize) u.n_series *rows + 1);
          }
        ok = run_unit (&u, workers, n_threads, progress, cancellable);
      }
  for (guint i = 0; i < n_threads; i++)
    worker_free (workers[i]);
  g_free (workers);
  g_free (u.store);
  g_free (u.rated_below);
  g_free (u.published_below);
  g_free (u.jk_stratum);
  g_free (u.jk_cell);
  g_free (u.jk_pos);
  g_free (u.jstore);
  g_free (u.rated);
  g_free (u.counted);
  return ok;
}

/**
 * occ_bootstrap_new:
 * @results: the results to put intervals on
 * @options: (nullable): the options, or %NULL for the defaults
 * @progress: (scope call) (nullable) (closure user_data): called with the
 *   fraction done, from the calling thread
 * @user_data: data for @progress
 * @cancellable: (nullable): a #GCancellable to stop the run
 * @error: return location for a #GError
 *
 * Bootstraps every score of @results over raters (see [class@Occ.Bootstrap]).
 * Runs on the calling thread and as many more as the options say; returns
 * when done.
 *
 * Fails with %G_IO_ERROR_CANCELLED when @cancellable was cancelled, and
 * with %OCC_ERROR_LIMIT when one (country, phase)'s replicates would not
 * fit in memory (replicates × (nodes + 1) × (criteria + 1) above 2^26).
 *
 * Returns: (transfer full): the intervals, or %NULL with @error set
 *
 * Since: 1.1
 */
OccBootstrap *
occ_bootstrap_new (OccResults *results, OccBootstrapOptions *options,
                   OccProgressFunc progress, gpointer user_data,
                   GCancellable *cancellable, GError **error)
{
  g_autoptr (OccBootstrapOptions) defaults = NULL;
  g_autoptr (OccBootstrap) self = NULL;
  OccProgress report = { progress, user_data };
  OccTable *t;
  gsize n;

  g_return_val_if_fail (OCC_IS_RESULTS (results), NULL);
  g_return_val_if_fail (options == NULL || OCC_IS_BOOTSTRAP_OPTIONS (options),
                        NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable),
                        NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!occ_methodology_check_numeric (results->dataset->methodology,
                                      "bootstrap", error))
    return NULL;
  if (options == NULL)
    options = defaults = occ_bootstrap_options_new ();
  t = results->table;
  if ((guint64) options->replicates * (t->n_nodes + 1) * t->n_slots
      > MAX_STORE)
    {
      g_set_error (error, OCC_ERROR, OCC_ERROR_LIMIT,
                   "bootstrap: %u replicates × %u nodes × %u scores per node "
                   "exceed the limit of %" G_GUINT64_FORMAT
                   " values kept at once",
                   options->replicates, t->n_nodes + 1, t->n_slots,
                   MAX_STORE);
      return NULL;
    }
  self = g_object_new (OCC_TYPE_BOOTSTRAP, NULL);
  self->results = g_object_ref (results);
  self->replicates = options->replicates;
  self->level = options->level;
  self->seed = options->seed;
  self->method = options->method;
  n = t->n_cells * t->n_slots + 1;
  self->low = g_new0 (double, n);
  self->high = g_new0 (double, n);
  self->se = g_new0 (double, n);
  self->n_valid = g_new0 (guint32, n);
  self->status = g_new0 (guint8, n);
  if (!run_all (self, occ_threads_for (options->threads), &report,
                cancellable))
    {
      occ_cancelled_error (cancellable, error);
      return NULL;
    }
  occ_progress_report (&report, report.total, TRUE);
  return g_steal_pointer (&self);
}

/**
 * occ_bootstrap_get_results:
 * @self: a bootstrap
 *
 * The results the bootstrap put intervals on.
 *
 * Returns: (transfer none): the results the intervals are about
 *
 * Since: 1.1
 */
OccResults *
occ_bootstrap_get_results (OccBootstrap *self)
{
  g_return_val_if_fail (OCC_IS_BOOTSTRAP (self), NULL);
  return self->results;
}

/**
 * occ_bootstrap_get_replicates:
 * @self: a bootstrap
 *
 * How many replicates the intervals come from.
 *
 * Returns: the number of replicates
 *
 * Since: 1.1
 */
guint
occ_bootstrap_get_replicates (OccBootstrap *self)
{
  g_return_val_if_fail (OCC_IS_BOOTSTRAP (self), 0);
  return self->replicates;
}

/**
 * occ_bootstrap_get_level:
 * @self: a bootstrap
 *
 * The confidence level of the intervals.
 *
 * Returns: the confidence level of the intervals
 *
 * Since: 1.1
 */
double
occ_bootstrap_get_level (OccBootstrap *self)
{
  g_return_val_if_fail (OCC_IS_BOOTSTRAP (self), 0);
  return self->level;
}

/**
 * occ_bootstrap_get_seed:
 * @self: a bootstrap
 *
 * The seed the replicates were drawn with.
 *
 * Returns: the seed the replicates were drawn with
 *
 * Since: 1.1
 */
guint64
occ_bootstrap_get_seed (OccBootstrap *self)
{
  g_return_val_if_fail (OCC_IS_BOOTSTRAP (self), 0);
  return self->seed;
}

/**
 * occ_bootstrap_get_method:
 * @self: a bootstrap
 *
 * How the intervals were read off the replicates.
 *
 * Returns: the interval method
 *
 * Since: 1.1
 */
OccIntervalMethod
occ_bootstrap_get_method (OccBootstrap *self)
{
  g_return_val_if_fail (OCC_IS_BOOTSTRAP (self),
                        OCC_INTERVAL_METHOD_PERCENTILE);
  return self->method;
}

/* The index of (country, phase, node or country, criterion or own) in the
 * per-slot arrays, or -1 for an unknown id or criterion. */
static gssize
resolve_slot (OccResults *results, const char *country, const char *phase,
              const char *node, int criterion)
{
  OccDataset *ds = results->dataset;
  OccTable *t = results->table;
  int k = occ_dataset_lookup_country (ds, country);
  int p = occ_dataset_lookup_phase (ds, phase);
  guint j = t->n_nodes;

  if (node != NULL)
    {
      OccNode *n = occ_dataset_lookup_node (ds, node);
      if (n == NULL)
        return -1;
      j = n->index;
    }
  if (k < 0 || p < 0 || criterion < -1 || criterion >= (int) t->n_slots - 1)
    return -1;
  return (gssize) (occ_table_cell (t, k, p, j) * t->n_slots
                   + (criterion < 0 ? t->n_slots - 1 : (guint) criterion));
}

/**
 * occ_bootstrap_lookup:
 * @self: a bootstrap
 * @country: a country id
 * @phase: a phase id
 * @node: (nullable): a node id, or %NULL for the country's own score
 * @criterion: a criterion index, or -1 for the node's own score
 * @low: (out) (optional): the lower end of the interval
 * @high: (out) (optional): the upper end of the interval
 * @se: (out) (optional): the standard error
 *
 * The interval of one score. @low, @high and @se are set only when there
 * is an interval (%OCC_INTERVAL_STATUS_ESTIMATED or
 * %OCC_INTERVAL_STATUS_PARTIAL). A score from a single rater, or from
 * raters who all agree, has an interval of zero width.
 *
 * Returns: whether the score has an interval, and what it covers;
 *   %OCC_INTERVAL_STATUS_NONE for an unknown id
 *
 * Since: 1.1
 */
OccIntervalStatus
occ_bootstrap_lookup (OccBootstrap *self, const char *country,
                      const char *phase, const char *node, int criterion,
                      double *low, double *high, double *se)
{
  gssize i;

  g_return_val_if_fail (OCC_IS_BOOTSTRAP (self), OCC_INTERVAL_STATUS_NONE);
  g_return_val_if_fail (country != NULL && phase != NULL,
                        OCC_INTERVAL_STATUS_NONE);

  i = resolve_slot (self->results, country, phase, node, criterion);
  if (i < 0)
    return OCC_INTERVAL_STATUS_NONE;
  if (self->status[i] >= OCC_INTERVAL_STATUS_ESTIMATED)
    {
      if (low)
        *low = self->low[i];
      if (high)
        *high = self->high[i];
      if (se)
        *se = self->se[i];
    }
  return self->status[i];
}

/**
 * occ_bootstrap_get_n_valid:
 * @self: a bootstrap
 * @country: a country id
 * @phase: a phase id
 * @node: (nullable): a node id, or %NULL for the country's own score
 * @criterion: a criterion index, or -1 for the node's own score
 *
 * How many replicates gave the score a value. It can be fewer than the
 * replicates when resampling leaves a leaf criterion below `min_raters`
 * (a replicate that drew only null ratings); the interval and standard
 * error are computed over these replicates.
 *
 * Returns: the number of replicates with a value; 0 for a score without
 *   an interval or an unknown id
 *
 * Since: 1.1
 */
guint
occ_bootstrap_get_n_valid (OccBootstrap *self, const char *country,
                           const char *phase, const char *node, int criterion)
{
  gssize i;

  g_return_val_if_fail (OCC_IS_BOOTSTRAP (self), 0);
  g_return_val_if_fail (country != NULL && phase != NULL, 0);

  i = resolve_slot (self->results, country, phase, node, criterion);
  return i < 0 ? 0 : self->n_valid[i];
}

/**
 * occ_bootstrap_dup_intervals:
 * @self: a bootstrap
 * @country: a country index of the dataset
 * @phase: a phase index of the dataset
 * @criterion: a criterion index, or -1 for the nodes' own scores
 * @low: (out) (optional) (transfer full) (array length=n_nodes): lower ends
 * @high: (out) (optional) (transfer full) (array length=n_nodes): upper
 *   ends
 * @se: (out) (optional) (transfer full) (array length=n_nodes): standard
 *   errors
 * @n_nodes: (out): the number of entries: the framework's nodes, by node
 *   index, then the country's own score
 *
 * The intervals of every node of one country and phase in one call, by
 * node index (see [method@Occ.Node.get_index]); the last entry is the
 * country's own score. Where there is no interval, the arrays hold 0 and
 * the returned status is not %OCC_INTERVAL_STATUS_ESTIMATED or
 * %OCC_INTERVAL_STATUS_PARTIAL: never a NaN.
 *
 * Returns: (transfer full) (array length=n_nodes): the
 *   [enum@Occ.IntervalStatus] of each entry
 *
 * Since: 1.1
 */
guint8 *
occ_bootstrap_dup_intervals (OccBootstrap *self, guint country, guint phase,
                             int criterion, double **low, double **high,
                             double **se, gsize *n_nodes)
{
  OccTable *t;
  gsize n, base;
  guint slot;
  guint8 *status;
  double *lo, *hi, *err;

  g_return_val_if_fail (OCC_IS_BOOTSTRAP (self), NULL);
  g_return_val_if_fail (n_nodes != NULL, NULL);
  t = self->results->table;
  g_return_val_if_fail (country < t->n_countries, NULL);
  g_return_val_if_fail (phase < t->n_phases, NULL);
  g_return_val_if_fail (criterion >= -1 && criterion < (int) t->n_slots - 1,
                        NULL);

  n = t->n_nodes + 1;
  slot = criterion < 0 ? t->n_slots - 1 : (guint) criterion;
  base = occ_table_cell (t, country, phase, 0);
  status = g_new0 (guint8, n);
  lo = g_new0 (double, n);
  hi = g_new0 (double, n);
  err = g_new0 (double, n);
  for (gsize j = 0; j < n; j++)
    {
      gsize i = (base + j) * t->n_slots + slot;

      status[j] = self->status[i];
      if (status[j] >= OCC_INTERVAL_STATUS_ESTIMATED)
        {
          lo[j] = self->low[i];
          hi[j] = self->high[i];
          err[j] = self->se[i];
        }
    }
  *n_nodes = n;
  occ_give_array (low, lo);
  occ_give_array (high, hi);
  occ_give_array (se, err);
  return status;
}

/**
 * occ_bootstrap_get_n_published_only:
 * @self: a bootstrap
 *
 * How many (country, phase, leaf) scores come from published scores, with
 * no rater-level data to resample: they have no interval, and enter every
 * replicate of the nodes above them unchanged. For the bundled Peru
 * dataset, which publishes the annex's scores only, that is every leaf.
 *
 * Returns: the number of leaf scores from published scores only
 *
 * Since: 1.1
 */
gsize
occ_bootstrap_get_n_published_only (OccBootstrap *self)
{
  g_return_val_if_fail (OCC_IS_BOOTSTRAP (self), 0);
  return self->n_published_only;
}

static const char *
method_name (OccIntervalMethod method)
{
  return method == OCC_INTERVAL_METHOD_BCA ? "bca" : "percentile";
}

typedef struct
{
  OccBootstrap *self;
  OccAgreement *agreement; /* nullable */
} Writing;

/* alpha (ordinal) and alpha_ci on a country's own entry: its own slot
 * pools the criteria, each criterion slot has its own. */
static void
write_alpha (Writing *wr, OccJsonWriter *w, gsize cell, guint slot)
{
  OccTable *t = wr->self->results->table;
  OccDataset *ds = wr->self->results->dataset;
  int criterion = slot == t->n_slots - 1 ? -1 : (int) slot;
  guint k, p, j;
  double alpha, low, high;

  occ_table_cell_split (t, cell, &k, &p, &j);
  if (wr->agreement == NULL || j != t->n_nodes
      || !occ_agreement_lookup (wr->agreement, ds->countries.ids[k],
                                ds->phases.ids[p], criterion,
                                OCC_ALPHA_METRIC_ORDINAL, &alpha))
    return;
  occ_json_put_double (w, "alpha", alpha);
  if (occ_agreement_lookup_interval (wr->agreement, ds->countries.ids[k],
                                     ds->phases.ids[p], criterion,
                                     OCC_ALPHA_METRIC_ORDINAL, &low, &high))
    {
      occ_json_begin_array (w, "alpha_ci");
      occ_json_put_double (w, NULL, low);
      occ_json_put_double (w, NULL, high);
      occ_json_end_array (w);
    }
}

static void
write_extra (OccJsonWriter *w, gsize cell, guint slot, gpointer data)
{
  Writing *wr = data;
  OccBootstrap *self = wr->self;
  OccTable *t = self->results->table;
  gsize i = cell * t->n_slots + slot;
  const char *status_name;

  if (cell == G_MAXSIZE)
    {
      occ_json_begin_object (w, "bootstrap");
      occ_json_put_int (w, "replicates", self->replicates);
      occ_json_put_double (w, "level", self->level);
      occ_json_put_string (w, "method", method_name (self->method));
      /* A string: JSON readers may keep numbers in doubles. */
      {
        g_autofree char *seed = g_strdup_printf ("%" G_GUINT64_FORMAT,
                                                 self->seed);
        occ_json_put_string (w, "seed", seed);
      }
      occ_json_put_int (w, "published_only_leaves",
                        (gint64) self->n_published_only);
      if (wr->agreement)
        occ_json_put_string (w, "alpha_metric", "ordinal");
      occ_json_end_object (w);
      return;
    }
  write_alpha (wr, w, cell, slot);
  if (self->status[i] >= OCC_INTERVAL_STATUS_ESTIMATED)
    {
      occ_json_begin_array (w, "ci");
      occ_json_put_double (w, NULL, self->low[i]);
      occ_json_put_double (w, NULL, self->high[i]);
      occ_json_end_array (w);
      occ_json_put_double (w, "se", self->se[i]);
    }
  status_name = occ_interval_status_to_string (self->status[i]);
  if (status_name)
    occ_json_put_string (w, "ci_status", status_name);
}

/**
 * occ_bootstrap_to_data:
 * @self: a bootstrap
 * @length: (out) (optional): the length of the text in bytes
 *
 * Writes the results as `occ-results/1`, like
 * [method@Occ.Results.to_data], with the optional members of the
 * bootstrap: on each score that has an interval `ci` (`[low, high]`) and
 * `se`; `ci_status` `"published"` on a score from published scores only
 * (no interval) and `"partial"` on an interval that holds leaves with
 * published scores only fixed; and a `bootstrap` member at the top
 * (replicates, level, method, seed, published_only_leaves).
 *
 * Returns: (transfer full): the JSON text
 *
 * Since: 1.1
 */
char *
occ_bootstrap_to_data (OccBootstrap *self, gsize *length)
{
  Writing wr = { self, NULL };

  g_return_val_if_fail (OCC_IS_BOOTSTRAP (self), NULL);
  return occ_results_to_data_extra (self->results, write_extra, &wr, length);
}

/**
 * occ_bootstrap_to_data_with_agreement:
 * @self: a bootstrap
 * @agreement: (nullable): the agreement of the same dataset, or %NULL
 * @length: (out) (optional): the length of the text in bytes
 *
 * Writes what occ_bootstrap_to_data() writes and, on each country's own
 * entry (the `countries` array), `alpha`: Krippendorff's alpha of the
 * country and phase under the ordinal metric (all criteria together on
 * the entry, each criterion's own in `criteria`), with `alpha_ci`
 * (`[low, high]`) when it has an interval; and `alpha_metric` in the
 * `bootstrap` member. This is what `occ score --ci` writes.
 *
 * Returns: (transfer full): the JSON text
 *
 * Since: 1.1
 */
char *
occ_bootstrap_to_data_with_agreement (OccBootstrap *self,
                                      OccAgreement *agreement, gsize *length)
{
  Writing wr = { self, agreement };

  g_return_val_if_fail (OCC_IS_BOOTSTRAP (self), NULL);
  g_return_val_if_fail (agreement == NULL || OCC_IS_AGREEMENT (agreement),
                        NULL);
  g_return_val_if_fail (agreement == NULL
                          || occ_agreement_get_dataset (agreement)
                               == self->results->dataset,
                        NULL);
  return occ_results_to_data_extra (self->results, write_extra, &wr, length);
}

/* For occ-comparison.c. */
OccIntervalStatus
occ_bootstrap_get_cell (OccBootstrap *self, gsize cell, guint slot,
                        double *low, double *high)
{
  gsize i = cell * self->results->table->n_slots + slot;

  if (self->status[i] >= OCC_INTERVAL_STATUS_ESTIMATED)
    {
      *low = self->low[i];
      *high = self->high[i];
    }
  return self->status[i];
}

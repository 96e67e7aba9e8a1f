/* occ-agreement.c: Krippendorff's alpha
 *
 * Krippendorff (2011, 2013): with o_ck the coincidences of values c and k
 * within units, n_c their marginals, n the number of pairable values and
 * δ² the metric's difference,
 *
 *   alpha = 1 − (n − 1) Σ_ck o_ck δ²_ck / Σ_ck n_c n_k δ²_ck.
 *
 * Σ_ck o_ck δ²_ck is, unit by unit, Σ_{i≠j} δ²(v_i, v_j) / (m_u − 1), so
 * nothing of size (distinct values)² is needed except for the ratio
 * metric: the nominal sums count pairs of equal values; the interval sums
 * are 2m Σ (x − mean)²; the ordinal difference is the interval one on
 * the values' mid-ranks a_g = Σ_{h ≤ g} n_h − n_g / 2 (Krippendorff's
 * ordinal δ_ck = Σ_{g=c..k} n_g − (n_c + n_k) / 2 is exactly a_k − a_c).
 *
 * The interval of alpha resamples units (pairable units with
 * replacement, each drawn unit counted with its multiplicity), the
 * simplest bootstrap of alpha; Hayes & Krippendorff (2007) resample pairs
 * of values instead. Replicates where alpha is undefined are left out.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <math.h>

#include <occ/occ-agreement.h>

#include "occ-analysis-common-private.h"
#include "occ-dataset-private.h"

#define N_METRICS 4

/* Pairable units: unit u holds values[start[u] .. start[u + 1]), at least
 * two. idx[] maps each value to its rank among the distinct values. */
typedef struct
{
  guint n_units;
  guint *start;
  double *values;
  guint *idx;
  guint n_distinct;
  double *distinct;
  /* Per unit, Σ_{i≠j} δ² / (m − 1) of the metrics that do not depend on
   * the marginals. */
  double *do_nominal, *do_interval, *do_ratio;
} Units;

static void
units_clear (Units *u)
{
  g_free (u->start);
  g_free (u->values);
  g_free (u->idx);
  g_free (u->distinct);
  g_free (u->do_nominal);
  g_free (u->do_interval);
  g_free (u->do_ratio);
  memset (u, 0, sizeof *u);
}

static guint
find_distinct (const Units *u, double v)
{
  const double *found = bsearch (&v, u->distinct, u->n_distinct,
                                 sizeof (double), occ_compare_doubles);

  return (guint) (found - u->distinct);
}

/* Σ_{i≠j} (x_i − x_j)² = 2m Σ (x_i − mean)². */
static double
pair_sum_squares (const double *x, guint m)
{
  double mean = 0, ss = 0;

  for (guint i = 0; i < m; i++)
    mean += x[i];
  mean /= m;
  for (guint i = 0; i < m; i++)
    ss += (x[i] - mean) * (x[i] - mean);
  return 2.0 * m * ss;
}

static double
ratio_delta2 (double c, double k)
{
  double d = c + k;

  return d == 0 ? 0 : ((c - k) / d) * ((c - k) / d);
}

/* Distinct values, indices and the per-unit sums, once the units' values
 * are in place. */
static void
units_prepare (Units *u)
{
  gsize n = u->start[u->n_units];

  u->distinct = g_new (double, n + 1);
  memcpy (u->distinct, u->values, n * sizeof (double));
  occ_sort_doubles (u->distinct, n);
  u->n_distinct = 0;
  for (gsize i = 0; i < n; i++)
    if (u->n_distinct == 0
        || u->distinct[u->n_distinct - 1] != u->distinct[i])
      u->distinct[u->n_distinct++] = u->distinct[i];
  u->idx = g_new (guint, n + 1);
  for (gsize i = 0; i < n; i++)
    u->idx[i] = find_distinct (u, u->values[i]);
  u->do_nominal = g_new (double, u->n_units + 1);
  u->do_interval = g_new (double, u->n_units + 1);
  u->do_ratio = g_new (double, u->n_units + 1);
  for (guint j = 0; j < u->n_units; j++)
    {
      const double *v = &u->values[u->start[j]];
      const guint *id = &u->idx[u->start[j]];
      guint m = u->start[j + 1] - u->start[j];
      double unequal = 0, ratio = 0;

      for (guint a = 0; a < m; a++)
        for (guint b = 0; b < m; b++)
          if (a != b)
            {
              unequal += id[a] != id[b];
              ratio += ratio_delta2 (v[a], v[b]);
            }
      u->do_nominal[j] = unequal / (m - 1);
      u->do_interval[j] = pair_sum_squares (v, m) / (m - 1);
      u->do_ratio[j] = ratio / (m - 1);
    }
}

/* Work space of one alpha computation, sized for a set of units. */
typedef struct
{
  double *marginal; /* n_distinct */
  double *x;        /* n_distinct: the values an interval sum is taken on */
  double *unit_x;   /* the values of one unit, transformed */
  guint *counts;    /* n_units: multiplicity of each unit */
} Scratch;

static void
scratch_init (Scratch *s, const Units *u, guint max_m)
{
  s->marginal = g_new (double, u->n_distinct + 1);
  s->x = g_new (double, u->n_distinct + 1);
  s->unit_x = g_new (double, max_m + 1);
  s->counts = g_new (guint, u->n_units + 1);
}

static void
scratch_clear (Scratch *s)
{
  g_free (s->marginal);
  g_free (s->x);
  g_free (s->unit_x);
  g_free (s->counts);
}

/* Σ_ck n_c n_k δ² for interval-type metrics: 2n Σ n_g (x_g − mean)². */
static double
expected_interval (const double *marginal, const double *x, guint v, double n)
{
  double mean = 0, ss = 0;

  for (guint g = 0; g < v; g++)
    mean += marginal[g] * x[g];
  mean /= n;
  for (guint g = 0; g < v; g++)
    ss += marginal[g] * (x[g] - mean) * (x[g] - mean);
  return 2.0 * n * ss;
}

/* Alpha of every metric for the units with multiplicities s->counts.
 * defined[m] is FALSE where alpha is undefined: fewer than two pairable
 * values, or no variation at all (the expected disagreement is 0). */
static void
alpha_all (const Units *u, Scratch *s, double alpha[N_METRICS],
           gboolean defined[N_METRICS])
{
  guint v = u->n_distinct;
  double n = 0, observed[N_METRICS] = { 0 }, expected[N_METRICS] = { 0 };
  double sum_sq = 0, cumulative = 0;

  memset (s->marginal, 0, v * sizeof (double));
  for (guint j = 0; j < u->n_units; j++)
    if (s->counts[j] > 0)
      for (guint i = u->start[j]; i < u->start[j + 1]; i++)
        s->marginal[u->idx[i]] += s->counts[j];
  for (guint g = 0; g < v; g++)
    {
      n += s->marginal[g];
      sum_sq += s->marginal[g] * s->marginal[g];
    }
  for (guint m = 0; m < N_METRICS; m++)
    defined[m] = FALSE;
  if (n < 2)
    return;

  /* Expected disagreement, metric by metric. */
  expected[OCC_ALPHA_METRIC_NOMINAL] = n * n - sum_sq;
  expected[OCC_ALPHA_METRIC_INTERVAL] = expected_interval (s->marginal,
                                                           u->distinct, v, n);
  for (guint g = 0; g < v; g++)
    {
      cumulative += s->marginal[g];
      s->x[g] = cumulative - s->marginal[g] / 2; /* mid-ranks */
    }
  expected[OCC_ALPHA_METRIC_ORDINAL] = expected_interval (s->marginal, s->x,
                                                          v, n);
  for (guint c = 0; c < v; c++)
    for (guint k = 0; k < v; k++)
      if (c != k && s->marginal[c] > 0 && s->marginal[k] > 0)
        expected[OCC_ALPHA_METRIC_RATIO] += s->marginal[c] * s->marginal[k]
                                            * ratio_delta2 (u->distinct[c],
                                                            u->distinct[k]);

  /* Observed disagreement, unit by unit. */
  for (guint j = 0; j < u->n_units; j++)
    {
      guint m = u->start[j + 1] - u->start[j];
      double c = s->counts[j];

      if (c == 0)
        continue;
      observed[OCC_ALPHA_METRIC_NOMINAL] += c * u->do_nominal[j];
      observed[OCC_ALPHA_METRIC_INTERVAL] += c * u->do_interval[j];
      observed[OCC_ALPHA_METRIC_RATIO] += c * u->do_ratio[j];
      for (guint i = 0; i < m; i++)
        s->unit_x[i] = s->x[u->idx[u->start[j] + i]];
      observed[OCC_ALPHA_METRIC_ORDINAL] += c
                                            * pair_sum_squares (s->unit_x, m)
                                            / (m - 1);
    }
  for (guint m = 0; m < N_METRICS; m++)
    if (expected[m] > 0)
      {
        alpha[m] = 1.0 - (n - 1) * observed[m] / expected[m];
        defined[m] = TRUE;
      }
}

static guint
max_unit_size (const Units *u)
{
  guint m = 0;

  for (guint j = 0; j < u->n_units; j++)
    m = MAX (m, u->start[j + 1] - u->start[j]);
  return m;
}

/**
 * occ_alpha_compute:
 * @data: (array length=n_data): reliability data, unit by unit: the
 *   values of @n_coders coders for the first unit, then the second, …;
 *   NaN where a coder gave no value
 * @n_data: the number of entries of @data, a multiple of @n_coders
 * @n_coders: the number of coders (raters)
 * @metric: the difference function
 * @alpha: (out): Krippendorff's alpha
 * @error: return location for a #GError
 *
 * Krippendorff's alpha of a reliability data matrix (Krippendorff 2011,
 * "Computing Krippendorff's alpha-reliability"). Units with fewer than
 * two values are not pairable and are left out, as the method says.
 *
 * Fails with %OCC_ERROR_RANGE for an infinite value, or a negative one
 * under the ratio metric; %OCC_ERROR_STRUCTURE when @n_data is not a
 * multiple of @n_coders, or alpha is undefined: fewer than two pairable
 * values, or no variation at all (every value the same).
 *
 * Returns: %TRUE with @alpha set, or %FALSE with @error set
 *
 * Since: 1.1
 */
gboolean
occ_alpha_compute (const double *data, gsize n_data, guint n_coders,
                   OccAlphaMetric metric, double *alpha, GError **error)
{
  Units u = { 0 };
  Scratch s;
  double all[N_METRICS];
  gboolean defined[N_METRICS];
  gsize n_values = 0;

  g_return_val_if_fail (data != NULL || n_data == 0, FALSE);
  g_return_val_if_fail (metric <= OCC_ALPHA_METRIC_RATIO, FALSE);
  g_return_val_if_fail (alpha != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (n_coders == 0 || n_data % n_coders != 0)
    {
      g_set_error (error, OCC_ERROR, OCC_ERROR_STRUCTURE,
                   "alpha: %" G_GSIZE_FORMAT " values do not make rows of "
                   "%u coders",
                   n_data, n_coders);
      return FALSE;
    }
  for (gsize i = 0; i < n_data; i++)
    if (isinf (data[i]) || (metric == OCC_ALPHA_METRIC_RATIO && data[i] < 0))
      {
        g_set_error (error, OCC_ERROR, OCC_ERROR_RANGE,
                     "alpha: value %" G_GSIZE_FORMAT " (unit %" G_GSIZE_FORMAT
                     ", coder %" G_GSIZE_FORMAT "): %g is %s",
                     i, i / n_coders, i % n_coders, data[i],
                     isinf (data[i]) ? "infinite"
                                     : "negative under the ratio metric");
        return FALSE;
      }

  u.start = g_new (guint, n_data / n_coders + 1);
  u.values = g_new (double, n_data + 1);
  for (gsize r = 0; r < n_data / n_coders; r++)
    {
      gsize before = n_values;

      for (guint c = 0; c < n_coders; c++)
        if (!isnan (data[r * n_coders + c]))
          u.values[n_values++] = data[r * n_coders + c];
      if (n_values - before < 2)
        n_values = before; /* not pairable */
      else
        u.start[u.n_units++] = (guint) before;
    }
  u.start[u.n_units] = (guint) n_values;
  units_prepare (&u);
  scratch_init (&s, &u, max_unit_size (&u));
  for (guint j = 0; j < u.n_units; j++)
    s.counts[j] = 1;
  alpha_all (&u, &s, all, defined);
  scratch_clear (&s);
  units_clear (&u);
  if (!defined[metric])
    {
      g_set_error (error, OCC_ERROR, OCC_ERROR_STRUCTURE,
                   "alpha: undefined: %s",
                   n_values < 2 ? "no unit has values from two coders"
                                : "the values do not vary");
      return FALSE;
    }
  *alpha = all[metric];
  return TRUE;
}

/* OccAgreement ------------------------------------------------------------ */

/**
 * OccAgreement:
 *
 * Inter-rater agreement of a dataset: Krippendorff's alpha in each
 * country and phase, with the raters as coders and each (leaf, criterion)
 * with ratings as a unit, over all criteria together and criterion by
 * criterion, under the four metrics of [enum@Occ.AlphaMetric]. Null
 * scores are missing values; units rated by a single rater are not
 * pairable and are left out. Each alpha has a bootstrap percentile
 * interval that resamples units.
 *
 * Alpha is 1 for perfect agreement and 0 for agreement no better than
 * chance; Krippendorff (2004) suggests relying on data with alpha ≥ 0.800
 * and drawing only tentative conclusions from 0.667 ≤ alpha < 0.800.
 *
 * Since: 1.1
 */

/* Scopes: one per criterion, then all criteria together. */
typedef struct
{
  double alpha[N_METRICS], low[N_METRICS], high[N_METRICS];
  guint8 flags[N_METRICS]; /* 1: alpha defined, 2: interval */
  guint n_units, n_values;
} Entry;

struct _OccAgreement
{
  GObject parent_instance;

  OccDataset *dataset;
  guint replicates;
  double level;
  guint64 seed;
  guint n_scopes; /* criteria + 1 */
  Entry *entries; /* (country × phases + phase) × n_scopes + scope */
};

G_DEFINE_FINAL_TYPE (OccAgreement, occ_agreement, G_TYPE_OBJECT)

static void
occ_agreement_finalize (GObject *object)
{
  OccAgreement *self = OCC_AGREEMENT (object);

  g_clear_object (&self->dataset);
  g_free (self->entries);
  G_OBJECT_CLASS (occ_agreement_parent_class)->finalize (object);
}

static void
occ_agreement_class_init (OccAgreementClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = occ_agreement_finalize;
}

static void
occ_agreement_init (OccAgreement *self)
{
}

/* The units of one (country, phase) and scope: for each leaf with
 * ratings, for each criterion in scope, the non-null scores. */
static void
gather_units (OccDataset *ds, guint k, guint p, guint scope, Units *u)
{
  guint n_criteria = ds->methodology->n_criteria;
  guint first_c = scope < n_criteria ? scope : 0;
  guint last_c = scope < n_criteria ? scope + 1 : n_criteria;
  gsize base = occ_dataset_cell (ds, k, p, 0);
  guint32 rows = ds->cell_start[base + ds->n_nodes] - ds->cell_start[base];
  guint n_values = 0;

  u->start = g_new (guint, (gsize) ds->n_nodes * n_criteria + 1);
  u->values = g_new (double, (gsize) rows *n_criteria + 1);
  for (guint i = 0; i < ds->n_nodes; i++)
    for (guint c = first_c; c < last_c; c++)
      {
        gsize cell = base + i;
        guint before = n_values;

        for (guint32 r = ds->cell_start[cell]; r < ds->cell_start[cell + 1];
             r++)
          {
            gint32 score =
              ds->r_scores[(gsize) ds->cell_ratings[r] * n_criteria + c];
            if (score != OCC_SCORE_NULL)
              u->values[n_values++] = score;
          }
        if (n_values - before < 2)
          n_values = before;
        else
          u->start[u->n_units++] = before;
      }
  u->start[u->n_units] = n_values;
  units_prepare (u);
}

typedef struct
{
  OccAgreement *self;
  gboolean ratio_allowed;
} Shared;

/* One (country, phase, scope): alpha and its interval under each metric. */
static void
agreement_task (gpointer shared, gpointer worker, gsize task)
{
  Shared *sh = shared;
  OccAgreement *self = sh->self;
  OccDataset *ds = self->dataset;
  Entry *e = &self->entries[task];
  guint scope = (guint) (task % self->n_scopes);
  guint cell = (guint) (task / self->n_scopes);
  guint k = cell / ds->phases.n, p = cell % ds->phases.n;
  Units u = { 0 };
  Scratch s;
  double alpha[N_METRICS];
  gboolean defined[N_METRICS];
  g_autofree double *reps = NULL;
  guint n_reps[N_METRICS] = { 0 };

  gather_units (ds, k, p, scope, &u);
  e->n_units = u.n_units;
  e->n_values = u.start[u.n_units];
  scratch_init (&s, &u, max_unit_size (&u));
  for (guint j = 0; j < u.n_units; j++)
    s.counts[j] = 1;
  alpha_all (&u, &s, e->alpha, defined);
  for (guint m = 0; m < N_METRICS; m++)
    e->flags[m] = defined[m]
                  && (m != OCC_ALPHA_METRIC_RATIO || sh->ratio_allowed);
  reps = g_new (double, (gsize) N_METRICS * self->replicates + 1);
  for (guint b = 0; u.n_units > 0 && b < self->replicates; b++)
    {
      OccRng rng;

      occ_rng_init (&rng, self->seed, OCC_STREAM_ALPHA | task, b);
      memset (s.counts, 0, u.n_units * sizeof (guint));
      for (guint j = 0; j < u.n_units; j++)
        s.counts[occ_rng_below (&rng, u.n_units)]++;
      alpha_all (&u, &s, alpha, defined);
      for (guint m = 0; m < N_METRICS; m++)
        if (defined[m])
          reps[(gsize) m * self->replicates + n_reps[m]++] = alpha[m];
    }
  for (guint m = 0; m < N_METRICS; m++)
    {
      double *r = &reps[(gsize) m * self->replicates];

      if (!(e->flags[m] & 1) || n_reps[m] < 2)
        continue;
      e->low[m] = occ_quantile_select (r, n_reps[m], (1 - self->level) / 2);
      e->high[m] = occ_quantile_select (r, n_reps[m], (1 + self->level) / 2);
      e->flags[m] |= 2;
    }
  scratch_clear (&s);
  units_clear (&u);
}

/**
 * occ_agreement_new:
 * @dataset: a dataset
 * @options: (nullable): bootstrap options for the intervals (replicates,
 *   level, seed, threads; intervals are percentile intervals), or %NULL
 *   for the defaults
 * @progress: (scope call) (nullable) (closure user_data): called with the
 *   fraction done, from the calling thread
 * @user_data: data for @progress
 * @cancellable: (nullable): a #GCancellable to stop the run
 * @error: return location for a #GError
 *
 * Computes Krippendorff's alpha of @dataset's ratings (see
 * [class@Occ.Agreement]). A dataset without ratings (published scores
 * only) gives an agreement in which no alpha is defined.
 *
 * Fails only with %G_IO_ERROR_CANCELLED when @cancellable was cancelled.
 *
 * Returns: (transfer full): the agreement, or %NULL with @error set
 *
 * Since: 1.1
 */
OccAgreement *
occ_agreement_new (OccDataset *dataset, OccBootstrapOptions *options,
                   OccProgressFunc progress, gpointer user_data,
                   GCancellable *cancellable, GError **error)
{
  g_autoptr (OccBootstrapOptions) defaults = NULL;
  g_autoptr (OccAgreement) self = NULL;
  OccProgress report = { progress, user_data };
  Shared shared;
  gsize n_tasks;
  guint n_threads;
  g_autofree gpointer *workers = NULL;

  g_return_val_if_fail (OCC_IS_DATASET (dataset), NULL);
  g_return_val_if_fail (options == NULL || OCC_IS_BOOTSTRAP_OPTIONS (options),
                        NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable),
                        NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!occ_methodology_check_numeric (dataset->methodology, "agreement",
                                      error))
    return NULL;
  if (options == NULL)
    options = defaults = occ_bootstrap_options_new ();
  self = g_object_new (OCC_TYPE_AGREEMENT, NULL);
  self->dataset = g_object_ref (dataset);
  self->replicates = occ_bootstrap_options_get_replicates (options);
  self->level = occ_bootstrap_options_get_level (options);
  self->seed = occ_bootstrap_options_get_seed (options);
  self->n_scopes = dataset->methodology->n_criteria + 1;
  n_tasks = (gsize) dataset->countries.n * dataset->phases.n * self->n_scopes;
  self->entries = g_new0 (Entry, n_tasks + 1);
  shared = (Shared){ self, dataset->methodology->scale_min >= 0 };
  n_threads = occ_threads_for (occ_bootstrap_options_get_threads (options));
  workers = g_new0 (gpointer, n_threads);
  report.total = (double) n_tasks;
  if (!occ_parallel_run (n_threads, n_tasks, agreement_task, &shared, workers,
                         &report, cancellable))
    {
      occ_cancelled_error (cancellable, error);
      return NULL;
    }
  occ_progress_report (&report, report.total, TRUE);
  return g_steal_pointer (&self);
}

/**
 * occ_agreement_get_dataset:
 * @self: an agreement
 *
 * The dataset the agreement was computed from.
 *
 * Returns: (transfer none): the dataset whose ratings were compared
 *
 * Since: 1.1
 */
OccDataset *
occ_agreement_get_dataset (OccAgreement *self)
{
  g_return_val_if_fail (OCC_IS_AGREEMENT (self), NULL);
  return self->dataset;
}

/**
 * occ_agreement_get_replicates:
 * @self: an agreement
 *
 * How many bootstrap replicates the intervals of alpha come from.
 *
 * Returns: the number of bootstrap replicates behind the intervals
 *
 * Since: 1.1
 */
guint
occ_agreement_get_replicates (OccAgreement *self)
{
  g_return_val_if_fail (OCC_IS_AGREEMENT (self), 0);
  return self->replicates;
}

/**
 * occ_agreement_get_level:
 * @self: an agreement
 *
 * The confidence level of the intervals of alpha.
 *
 * Returns: the confidence level of the intervals
 *
 * Since: 1.1
 */
double
occ_agreement_get_level (OccAgreement *self)
{
  g_return_val_if_fail (OCC_IS_AGREEMENT (self), 0);
  return self->level;
}

static Entry *
find_entry (OccAgreement *self, const char *country, const char *phase,
            int criterion)
{
  int k = occ_dataset_lookup_country (self->dataset, country);
  int p = occ_dataset_lookup_phase (self->dataset, phase);
  guint scope = criterion < 0 ? self->n_scopes - 1 : (guint) criterion;

  if (k < 0 || p < 0 || criterion < -1
      || criterion >= (int) self->n_scopes - 1)
    return NULL;
  return &self->entries[((gsize) k * self->dataset->phases.n + p)
                          * self->n_scopes
                        + scope];
}

/**
 * occ_agreement_lookup:
 * @self: an agreement
 * @country: a country id
 * @phase: a phase id
 * @criterion: a criterion index, or -1 for all criteria together
 * @metric: the difference function
 * @alpha: (out) (optional): Krippendorff's alpha
 *
 * The alpha of one country and phase. It is undefined with fewer than two
 * pairable values, or when the ratings do not vary at all; the ratio
 * metric is undefined on a scale with negative scores.
 *
 * Returns: %TRUE when alpha is defined (and @alpha set)
 *
 * Since: 1.1
 */
gboolean
occ_agreement_lookup (OccAgreement *self, const char *country,
                      const char *phase, int criterion, OccAlphaMetric metric,
                      double *alpha)
{
  Entry *e;

  g_return_val_if_fail (OCC_IS_AGREEMENT (self), FALSE);
  g_return_val_if_fail (country != NULL && phase != NULL, FALSE);
  g_return_val_if_fail (metric <= OCC_ALPHA_METRIC_RATIO, FALSE);

  e = find_entry (self, country, phase, criterion);
  if (e == NULL || !(e->flags[metric] & 1))
    return FALSE;
  if (alpha)
    *alpha = e->alpha[metric];
  return TRUE;
}

/**
 * occ_agreement_lookup_interval:
 * @self: an agreement
 * @country: a country id
 * @phase: a phase id
 * @criterion: a criterion index, or -1 for all criteria together
 * @metric: the difference function
 * @low: (out) (optional): the lower end
 * @high: (out) (optional): the upper end
 *
 * The bootstrap percentile interval of one alpha (units resampled with
 * replacement). There is none when alpha is undefined, or when fewer than
 * two replicates define it (a single pairable unit).
 *
 * Returns: %TRUE when there is an interval (and @low and @high are set)
 *
 * Since: 1.1
 */
gboolean
occ_agreement_lookup_interval (OccAgreement *self, const char *country,
                               const char *phase, int criterion,
                               OccAlphaMetric metric, double *low,
                               double *high)
{
  Entry *e;

  g_return_val_if_fail (OCC_IS_AGREEMENT (self), FALSE);
  g_return_val_if_fail (country != NULL && phase != NULL, FALSE);
  g_return_val_if_fail (metric <= OCC_ALPHA_METRIC_RATIO, FALSE);

  e = find_entry (self, country, phase, criterion);
  if (e == NULL || !(e->flags[metric] & 2))
    return FALSE;
  if (low)
    *low = e->low[metric];
  if (high)
    *high = e->high[metric];
  return TRUE;
}

/**
 * occ_agreement_get_n_units:
 * @self: an agreement
 * @country: a country id
 * @phase: a phase id
 * @criterion: a criterion index, or -1 for all criteria together
 *
 * How many units alpha was computed over.
 *
 * Returns: the number of pairable units ((leaf, criterion) pairs with at
 *   least two non-null ratings); 0 for an unknown id
 *
 * Since: 1.1
 */
guint
occ_agreement_get_n_units (OccAgreement *self, const char *country,
                           const char *phase, int criterion)
{
  Entry *e;

  g_return_val_if_fail (OCC_IS_AGREEMENT (self), 0);
  g_return_val_if_fail (country != NULL && phase != NULL, 0);
  e = find_entry (self, country, phase, criterion);
  return e ? e->n_units : 0;
}

/**
 * occ_agreement_get_n_values:
 * @self: an agreement
 * @country: a country id
 * @phase: a phase id
 * @criterion: a criterion index, or -1 for all criteria together
 *
 * How many values alpha was computed over.
 *
 * Returns: the number of pairable values (Krippendorff's n); 0 for an
 *   unknown id
 *
 * Since: 1.1
 */
guint
occ_agreement_get_n_values (OccAgreement *self, const char *country,
                            const char *phase, int criterion)
{
  Entry *e;

  g_return_val_if_fail (OCC_IS_AGREEMENT (self), 0);
  g_return_val_if_fail (country != NULL && phase != NULL, 0);
  e = find_entry (self, country, phase, criterion);
  return e ? e->n_values : 0;
}

/**
 * occ_agreement_dup_alpha:
 * @self: an agreement
 * @criterion: a criterion index, or -1 for all criteria together
 * @metric: the difference function
 * @alpha: (out) (optional) (transfer full) (array length=n_cells): alpha
 * @low: (out) (optional) (transfer full) (array length=n_cells): lower
 *   ends
 * @high: (out) (optional) (transfer full) (array length=n_cells): upper
 *   ends
 * @n_cells: (out): countries × phases
 *
 * Every country and phase's alpha in one call, at index
 * country × phases + phase. Where a figure is not defined the arrays hold
 * 0: never a NaN.
 *
 * Returns: (transfer full) (array length=n_cells): flags per entry: 1 when
 *   alpha is defined, plus 2 when it has an interval
 *
 * Since: 1.1
 */
guint8 *
occ_agreement_dup_alpha (OccAgreement *self, int criterion,
                         OccAlphaMetric metric, double **alpha, double **low,
                         double **high, gsize *n_cells)
{
  gsize n;
  guint scope;
  guint8 *flags;
  double *a, *lo, *hi;

  g_return_val_if_fail (OCC_IS_AGREEMENT (self), NULL);
  g_return_val_if_fail (criterion >= -1
                          && criterion < (int) self->n_scopes - 1,
                        NULL);
  g_return_val_if_fail (metric <= OCC_ALPHA_METRIC_RATIO, NULL);
  g_return_val_if_fail (n_cells != NULL, NULL);

  n = (gsize) self->dataset->countries.n * self->dataset->phases.n;
  scope = criterion < 0 ? self->n_scopes - 1 : (guint) criterion;
  flags = g_new0 (guint8, n + 1);
  a = g_new0 (double, n + 1);
  lo = g_new0 (double, n + 1);
  hi = g_new0 (double, n + 1);
  for (gsize i = 0; i < n; i++)
    {
      Entry *e = &self->entries[i * self->n_scopes + scope];

      flags[i] = e->flags[metric];
      if (flags[i] & 1)
        a[i] = e->alpha[metric];
      if (flags[i] & 2)
        {
          lo[i] = e->low[metric];
          hi[i] = e->high[metric];
        }
    }
  *n_cells = n;
  occ_give_array (alpha, a);
  occ_give_array (low, lo);
  occ_give_array (high, hi);
  return flags;
}

/* The metrics' names in JSON, in OccAlphaMetric's order. */
static const char *const metric_names[] = { "nominal", "ordinal", "interval",
                                            "ratio" };

/**
 * occ_agreement_to_data:
 * @self: an agreement
 * @length: (out) (optional): the length of the text in bytes
 *
 * Writes the agreement as JSON: the number of replicates, the interval
 * level, and one entry per country, phase and criterion (and one for all
 * criteria together, without `criterion`) with its units, values, and
 * for each metric its alpha and interval, as `occ agreement
 * --format=json` prints it. Every string is escaped as JSON requires,
 * whatever the dataset's ids hold.
 *
 * Returns: (transfer full): the JSON text, ending with a newline
 *
 * Since: 1.2
 */
char *
occ_agreement_to_data (OccAgreement *self, gsize *length)
{
  OccDataset *ds;
  OccMethodology *m;
  GString *out;
  OccJsonWriter w;

  g_return_val_if_fail (OCC_IS_AGREEMENT (self), NULL);

  ds = self->dataset;
  m = ds->methodology;
  out = g_string_new (NULL);
  occ_json_writer_init (&w, out);
  occ_json_begin_object (&w, NULL);
  occ_json_put_int (&w, "replicates", self->replicates);
  occ_json_put_double (&w, "level", self->level);
  occ_json_put_string (&w, "interval", "percentile over resampled units");
  occ_json_begin_array (&w, "agreement");
  for (guint k = 0; k < ds->countries.n; k++)
    for (guint p = 0; p < ds->phases.n; p++)
      for (int c = -1; c < (int) m->n_criteria; c++)
        {
          const char *country = ds->countries.ids[k];
          const char *phase = ds->phases.ids[p];

          occ_json_begin_object (&w, NULL);
          occ_json_put_string (&w, "country", country);
          occ_json_put_string (&w, "phase", phase);
          if (c >= 0)
            occ_json_put_string (&w, "criterion", m->criterion_ids[c]);
          occ_json_put_int (
            &w, "units", occ_agreement_get_n_units (self, country, phase, c));
          occ_json_put_int (&w, "values",
                            occ_agreement_get_n_values (self, country, phase,
                                                        c));
          for (guint metric = 0; metric < G_N_ELEMENTS (metric_names);
               metric++)
            {
              double alpha, low, high;

              if (!occ_agreement_lookup (self, country, phase, c, metric,
                                         &alpha))
                continue;
              occ_json_begin_object (&w, metric_names[metric]);
              occ_json_put_double (&w, "alpha", alpha);
              if (occ_agreement_lookup_interval (self, country, phase, c,
                                                 metric, &low, &high))
                {
                  occ_json_begin_array (&w, "ci");
                  occ_json_put_double (&w, NULL, low);
                  occ_json_put_double (&w, NULL, high);
                  occ_json_end_array (&w);
                }
              occ_json_end_object (&w);
            }
          occ_json_end_object (&w);
        }
  occ_json_end_array (&w);
  occ_json_end_object (&w);
  g_string_append_c (out, '\n');
  if (length)
    *length = out->len;
  return g_string_free (out, FALSE);
}

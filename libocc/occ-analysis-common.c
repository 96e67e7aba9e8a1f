/* occ-analysis-common.c: random variates, the parallel loop, quantiles
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <math.h>

#include <occ/occ-analysis-common.h>

#include "occ-analysis-common-private.h"

/* Random variates ------------------------------------------------------- */

/* Box-Muller, cosine branch only, so that a normal variate always costs
 * two uniforms (tests/analysis/occ_rng.py does the same). */
double
occ_rng_normal (OccRng *rng)
{
  double u1 = 1.0 - occ_rng_uniform (rng); /* (0, 1]: log is finite */
  double u2 = occ_rng_uniform (rng);

  return sqrt (-2.0 * log (u1)) * cos (2.0 * G_PI * u2);
}

/* Marsaglia & Tsang (2000), without the squeeze; a shape below 1 through
 * gamma (shape + 1) × U^(1/shape). */
double
occ_rng_gamma (OccRng *rng, double shape)
{
  double d, c;

  if (shape < 1.0)
    {
      double g = occ_rng_gamma (rng, shape + 1.0);
      double u = 1.0 - occ_rng_uniform (rng);

      return g * pow (u, 1.0 / shape);
    }
  d = shape - 1.0 / 3.0;
  c = 1.0 / sqrt (9.0 * d);
  for (;;)
    {
      double x = occ_rng_normal (rng), v = 1.0 + c * x, u;

      if (v <= 0)
        continue;
      v = v * v * v;
      u = 1.0 - occ_rng_uniform (rng);
      if (log (u) < 0.5 * x * x + d - d * v + d * log (v))
        return d * v;
    }
}

/* The parallel loop ----------------------------------------------------- */

typedef struct
{
  GMutex lock;
  gsize next, n_tasks, chunk, done;
  gboolean stop;
  OccTaskFunc func;
  gpointer shared;
  GCancellable *cancellable;
} Loop;

typedef struct
{
  Loop *loop;
  gpointer worker;
} ThreadData;

static gboolean
take_chunk (Loop *l, gsize *first, gsize *last)
{
  gboolean ok;

  g_mutex_lock (&l->lock);
  ok = !l->stop && l->next < l->n_tasks;
  if (ok)
    {
      *first = l->next;
      *last = l->next = MIN (l->next + l->chunk, l->n_tasks);
    }
  g_mutex_unlock (&l->lock);
  return ok;
}

static void
work (Loop *l, gpointer worker, OccProgress *progress)
{
  gsize first, last, done;

  while (take_chunk (l, &first, &last))
    {
      if (g_cancellable_is_cancelled (l->cancellable))
        {
          g_mutex_lock (&l->lock);
          l->stop = TRUE;
          g_mutex_unlock (&l->lock);
          return;
        }
      for (gsize t = first; t < last; t++)
        l->func (l->shared, worker, t);
      g_mutex_lock (&l->lock);
      done = l->done += last - first;
      g_mutex_unlock (&l->lock);
      if (progress)
        occ_progress_report (progress, progress->done + (double) done, FALSE);
    }
}

static gpointer
thread_main (gpointer data)
{
  ThreadData *d = data;

  work (d->loop, d->worker, NULL);
  return NULL;
}

gboolean
occ_parallel_run (guint n_threads, gsize n_tasks, OccTaskFunc func,
                  gpointer shared, gpointer *workers, OccProgress *progress,
                  GCancellable *cancellable)
{
  Loop l = { .n_tasks = n_tasks,
             .func = func,
             .shared = shared,
             .cancellable = cancellable };
  g_autofree GThread **threads = NULL;
  g_autofree ThreadData *data = NULL;
  guint n_started = 0;

  if (n_tasks == 0)
    return !g_cancellable_is_cancelled (cancellable);
  n_threads = (guint) MAX (1, MIN ((gsize) n_threads, n_tasks));
  /* Several chunks per thread balance the load; chunks of at most 64
   * tasks keep progress reports and cancellation prompt. */
  l.chunk = CLAMP (n_tasks / (n_threads * 8), 1, 64);
  g_mutex_init (&l.lock);
  threads = g_new0 (GThread *, n_threads);
  data = g_new0 (ThreadData, n_threads);
  for (guint i = 1; i < n_threads; i++)
    {
      data[i] = (ThreadData){ &l, workers[i] };
      threads[i] = g_thread_try_new ("occ-analysis", thread_main, &data[i],
                                     NULL);
      /* Without more threads, the calling one does all the work. */
      if (threads[i] == NULL)
        break;
      n_started++;
    }
  work (&l, workers[0], progress);
  for (guint i = 1; i <= n_started; i++)
    g_thread_join (threads[i]);
  g_mutex_clear (&l.lock);
  if (progress)
    progress->done += (double) n_tasks;
  return !l.stop;
}

guint
occ_threads_for (guint requested)
{
  guint n = requested > 0 ? requested : g_get_num_processors ();

  return CLAMP (n, 1, 256);
}

void
occ_progress_report (OccProgress *progress, double done, gboolean force)
{
  gint64 now;

  if (progress == NULL || progress->func == NULL)
    return;
  now = g_get_monotonic_time ();
  if (!force && now - progress->last < 100000)
    return;
  progress->last = now;
  progress->func (progress->total > 0 ? MIN (1.0, done / progress->total)
                                      : 1.0,
                  progress->user_data);
}

gboolean
occ_cancelled_error (GCancellable *cancellable, GError **error)
{
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return TRUE;
  /* A worker saw the cancellation before the check above. */
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                       "The analysis was cancelled");
  return TRUE;
}

/* Order statistics ------------------------------------------------------ */

/* Hyndman & Fan's type 7 (numpy's default "linear"): position (n − 1) p,
 * interpolated between the two order statistics around it. */
double
occ_quantile_sorted (const double *sorted, gsize n, double p)
{
  double h = (double) (n - 1) * p;
  gsize lo = (gsize) floor (h);

  if (lo + 1 >= n)
    return sorted[n - 1];
  return sorted[lo] + (h - (double) lo) * (sorted[lo + 1] - sorted[lo]);
}

static void
swap (double *a, double *b)
{
  double t = *a;

  *a = *b;
  *b = t;
}

/* Wirth's selection within a[first .. last]: afterwards a[k] is the k-th
 * smallest of them, those before it are no larger and those after it no
 * smaller. */
static void
select_kth (double *a, gsize first, gsize last, gsize kth)
{
  gssize l = (gssize) first, m = (gssize) last, k = (gssize) kth;

  while (l < m)
    {
      double x = a[k];
      gssize i = l, j = m;

      do
        {
          while (a[i] < x)
            i++;
          while (x < a[j])
            j--;
          if (i <= j)
            {
              swap (&a[i], &a[j]);
              i++;
              j--;
            }
        }
      while (i <= j);
      if (j < k)
        l = i;
      if (k < i)
        m = j;
    }
}

/* The quantile @p of @values, where values[0 .. *from) are no larger
 * than any of values[*from ..]: only the latter are searched. The
 * interpolation needs the order statistics lo and lo + 1; the one of the
 * two that is not selected is the extreme of the shorter side, so each
 * quantile costs a selection and a short scan. Updates *from for the
 * next, higher, quantile. */
static double
quantile_from (double *values, gsize n, double p, gsize *from)
{
  double h = (double) (n - 1) * p, value, next;
  gsize lo = (gsize) floor (h);

  if (lo + 1 >= n)
    lo = n - 1;
  if (lo < *from)
    *from = 0; /* a quantile lower than the last one: search them all */
  if (lo + 1 >= n || h == (double) lo)
    {
      select_kth (values, *from, n - 1, lo);
      *from = lo;
      return values[lo];
    }
  if (lo - *from < n - lo)
    {
      select_kth (values, *from, n - 1, lo + 1);
      next = values[lo + 1];
      value = values[*from];
      for (gsize i = *from + 1; i <= lo; i++)
        value = MAX (value, values[i]);
      *from = lo + 1;
    }
  else
    {
      select_kth (values, *from, n - 1, lo);
      value = values[lo];
      next = values[lo + 1];
      for (gsize i = lo + 2; i < n; i++)
        next = MIN (next, values[i]);
      *from = lo;
    }
  return value + (h - (double) lo) * (next - value);
}

/* The same quantile as occ_quantile_sorted() in linear time; reorders
 * @values. */
double
occ_quantile_select (double *values, gsize n, double p)
{
  gsize from = 0;

  return quantile_from (values, n, p, &from);
}

/* The k-th and (k + 1)-th smallest of @values (from 0; the latter only
 * when k + 1 < n), which stay as they are, by three-way partitioning into
 * @scratch (room for 2 × @n) without a branch per value: a random series
 * of replicates makes the comparisons of an in-place selection
 * unpredictable, and they were most of its time. Values below the pivot
 * go to the front of the buffer, those above to its back; those equal are
 * only counted, so that the discrete series scores make (few distinct
 * values) end in a pass or two. */
static void
kth_pair (const double *values, gsize n, gsize k, double *scratch,
          double *kth, double *next)
{
  const double *src = values;
  double *bufs[2] = { scratch, scratch + n };
  /* The least value known to lie above the part searched. */
  double above = INFINITY;
  guint which = 0, depth = 0;

  for (;;)
    {
      double *dst = bufs[which];
      double a = src[0], b = src[n / 2], c = src[n - 1], p;
      gsize nl = 0, nh = 0, ne;

      if (n <= 16 || ++depth > 64)
        {
          /* Few left, or a pathological series: sort what is left. */
          memcpy (dst, src, n * sizeof (double));
          occ_sort_doubles (dst, n);
          *kth = dst[k];
          *next = k + 1 < n ? dst[k + 1] : above;
          return;
        }
      p = MAX (MIN (a, b), MIN (MAX (a, b), c)); /* median of three */
      for (gsize i = 0; i < n; i++)
        {
          double x = src[i];

          /* Both writes, one kept: nl + nh never passes i, so the two
           * places meet only at the last value. */
          dst[nl] = x;
          dst[n - 1 - nh] = x;
          nl += x < p;
          nh += x > p;
        }
      ne = n - nl - nh; /* at least 1: the pivot is one of the values */
      if (k < nl)
        {
          n = nl, src = dst;
          above = p;
        }
      else if (k < nl + ne)
        {
          *kth = p;
          if (k + 1 < nl + ne)
            *next = p;
          else
            {
              const double *hi = dst + (n - nh);

              *next = above;
              for (gsize i = 0; i < nh; i++)
                *next = hi[i] < *next ? hi[i] : *next;
            }
          return;
        }
      else
        k -= nl + ne, src = dst + (n - nh), n = nh;
      which ^= 1;
    }
}

/* The same quantile as occ_quantile_sorted(), @values untouched. */
static double
quantile_of (const double *values, gsize n, double p, double *scratch)
{
  double h = (double) (n - 1) * p, value, next;
  gsize lo = (gsize) floor (h);

  if (lo + 1 >= n)
    lo = n - 1;
  kth_pair (values, n, lo, scratch, &value, &next);
  if (lo + 1 >= n || h == (double) lo)
    return value;
  return value + (h - (double) lo) * (next - value);
}

/* Values sampled to bracket the order statistics (see
 * occ_quantiles_select()), and the series below which the bracketing is
 * not worth its pass. */
#define QUANTILE_SAMPLE 64
#define QUANTILE_BRACKET_MIN 256
#define QUANTILE_MAX_P 8

/* One quantile's bracket: the order statistics lo (and lo + 1) lie, with
 * high probability, among the values in [a, b]. */
typedef struct
{
  double h, a, b;
  gsize lo;
  gsize below, count; /* values below a; values in [a, b], kept */
  double *kept;
} Bracket;

/* A pass of occ_quantiles_select() for one bracket: every value is
 * written to the bracket's next place and kept only when inside, so that
 * no branch depends on the values; a bracket that fills its @cap places
 * is abandoned afterwards (the values after the last one kept were
 * written over it). A pass per bracket, not one pass for
 * all: the values are in cache, and with a single bracket its counts
 * stay in registers. */
static void
bracket_pass (const double *values, gsize n, Bracket *br, gsize cap)
{
  double a = br->a, b = br->b, *kept = br->kept;
  gsize below = 0, count = 0;

  for (gsize x = 0; x < n; x++)
    {
      double v = values[x];

      kept[count < cap ? count : cap - 1] = v;
      below += v < a;
      count += (v >= a) & (v <= b);
    }
  br->below = below;
  br->count = count;
}

/* The same for two brackets in one pass, which shares the loads and the
 * loop between them; written out, so that both brackets' counts stay in
 * registers (a loop over the brackets kept them in memory). */
static void
bracket_pass2 (const double *values, gsize n, Bracket *br, gsize cap)
{
  double a0 = br[0].a, b0 = br[0].b, *kept0 = br[0].kept;
  double a1 = br[1].a, b1 = br[1].b, *kept1 = br[1].kept;
  gsize below0 = 0, count0 = 0, below1 = 0, count1 = 0;

  for (gsize x = 0; x < n; x++)
    {
      double v = values[x];

      kept0[count0 < cap ? count0 : cap - 1] = v;
      kept1[count1 < cap ? count1 : cap - 1] = v;
      below0 += v < a0;
      below1 += v < a1;
      count0 += (v >= a0) & (v <= b0);
      count1 += (v >= a1) & (v <= b1);
    }
  br[0].below = below0;
  br[0].count = count0;
  br[1].below = below1;
  br[1].count = count1;
}

/* Several quantiles of the same values, which stay as they are; @scratch
 * has room for 2 × @n values.
 *
 * Each quantile needs one or two order statistics. Selecting them one
 * after the other (quantile_of()) takes a few passes over the whole
 * series per quantile; here a sorted sample of the series first brackets
 * each quantile's order statistics between two of its values, then one
 * pass, without a branch per value, counts the values below the bracket
 * and keeps those inside, and only these few are searched. The
 * order statistics are the same values whatever finds them, so the
 * quantiles are exactly those of quantile_of(), to which a quantile falls
 * back when the sample misjudged its bracket. */
void
occ_quantiles_select (const double *values, gsize n, const double *p,
                      guint n_p, double *quantiles, double *scratch)
{
  double sample[QUANTILE_SAMPLE];
  Bracket br[QUANTILE_MAX_P];
  gboolean fallback[QUANTILE_MAX_P];
  gsize cap;

  if (n < QUANTILE_BRACKET_MIN || n_p > QUANTILE_MAX_P)
    {
      for (guint i = 0; i < n_p; i++)
        quantiles[i] = quantile_of (values, n, p[i], scratch);
      return;
    }
  /* A sample spread over the series, sorted by insertion (it is small). */
  for (guint i = 0; i < QUANTILE_SAMPLE; i++)
    {
      double x = values[(gsize) i * n / QUANTILE_SAMPLE];
      guint j = i;

      for (; j > 0 && sample[j - 1] > x; j--)
        sample[j] = sample[j - 1];
      sample[j] = x;
    }
  /* The kept values of each bracket share the first half of @scratch;
   * the second half is the room kth_pair() needs to search one. */
  cap = n / MAX (n_p, 2);
  for (guint i = 0; i < n_p; i++)
    {
      Bracket *b = &br[i];
      /* The sample rank of the order statistic, give or take two and a
       * half standard deviations of its binomial spread. */
      double q = CLAMP (p[i], 0.0, 1.0), m = QUANTILE_SAMPLE;
      double centre = q * (m - 1), spread = 2.5 * sqrt (m * q * (1 - q)) + 1;
      gssize first = (gssize) floor (centre - spread);
      gssize last = (gssize) ceil (centre + spread) + 1;

      b->h = (double) (n - 1) * p[i];
      b->lo = (gsize) floor (b->h);
      if (b->lo + 1 >= n)
        b->lo = n - 1;
      /* Beyond the sample's ends, the bracket is open. */
      b->a = first <= 0 ? -INFINITY : sample[first];
      b->b = last >= QUANTILE_SAMPLE - 1 ? INFINITY : sample[last];
      b->kept = scratch + (gsize) i * cap;
    }
  for (guint i = 0; i < n_p; i += 2)
    if (i + 1 < n_p)
      bracket_pass2 (values, n, &br[i], cap);
    else
      bracket_pass (values, n, &br[i], cap);
  for (guint i = 0; i < n_p; i++)
    {
      Bracket *b = &br[i];
      gboolean interpolate = b->lo + 1 < n && b->h != (double) b->lo;
      gsize need = b->lo + (interpolate ? 1 : 0);
      double value, next;

      fallback[i] = b->count >= cap || b->lo < b->below
                    || need >= b->below + b->count;
      if (fallback[i])
        continue;
      kth_pair (b->kept, b->count, b->lo - b->below, scratch + n, &value,
                &next);
      quantiles[i] = interpolate
                       ? value + (b->h - (double) b->lo) * (next - value)
                       : value;
    }
  /* Last, since they need the whole of @scratch. */
  for (guint i = 0; i < n_p; i++)
    if (fallback[i])
      quantiles[i] = quantile_of (values, n, p[i], scratch);
}

/* Four partial sums, interleaved: each addition waits for the one four
 * back, not for the last, so that a series' sums run at the rate of the
 * loads rather than of the adder's latency. (The order of the additions
 * differs from a plain loop: within rounding of it.) */
double
occ_sum (const double *values, gsize n)
{
  double s[4] = { 0, 0, 0, 0 };
  gsize i = 0;

  for (; i + 4 <= n; i += 4)
    for (guint j = 0; j < 4; j++)
      s[j] += values[i + j];
  for (; i < n; i++)
    s[0] += values[i];
  return (s[0] + s[1]) + (s[2] + s[3]);
}

/* The sum of squared deviations from @mean, the same way. */
double
occ_sum_squares (const double *values, gsize n, double mean)
{
  double s[4] = { 0, 0, 0, 0 };
  gsize i = 0;

  for (; i + 4 <= n; i += 4)
    for (guint j = 0; j < 4; j++)
      s[j] += (values[i + j] - mean) * (values[i + j] - mean);
  for (; i < n; i++)
    s[0] += (values[i] - mean) * (values[i] - mean);
  return (s[0] + s[1]) + (s[2] + s[3]);
}

double
occ_normal_cdf (double x)
{
  return 0.5 * erfc (-x / G_SQRT2);
}

/* Wichura's AS 241 (PPND16), good to about 1e-16; Python's
 * statistics.NormalDist.inv_cdf uses the same algorithm. */
/* clang-format off */
double
occ_normal_quantile (double p)
{
  double q = p - 0.5, r, num, den;

  if (fabs (q) <= 0.425)
    {
      r = 0.180625 - q * q;
      num = (((((((r * 2509.0809287301226727 + 33430.575583588128105) * r
                  + 67265.770927008700853) * r + 45921.953931549871457) * r
                + 13731.693765509461125) * r + 1971.5909503065514427) * r
              + 133.14166789178437745) * r + 3.387132872796366608);
      den = (((((((r * 5226.495278852545925 + 28729.085735721942674) * r
                  + 39307.89580009271061) * r + 21213.794301586595867) * r
                + 5394.1960214247511077) * r + 687.1870074920579083) * r
              + 42.313330701600911252) * r + 1.0);
      return q * num / den;
    }
  r = q < 0 ? p : 1.0 - p;
  r = sqrt (-log (r));
  if (r <= 5.0)
    {
      r -= 1.6;
      num = (((((((r * 7.7454501427834140764e-4 + 0.0227238449892691845833)
                   * r + 0.24178072517745061177) * r
                  + 1.27045825245236838258) * r + 3.64784832476320460504)
                * r + 5.7694972214606914055) * r + 4.6303378461565452959)
              * r + 1.42343711074968357734);
      den = (((((((r * 1.05075007164441684324e-9 + 5.475938084995344946e-4)
                   * r + 0.0151986665636164571966) * r
                  + 0.14810397642748007459) * r + 0.68976733498510000455)
                * r + 1.6763848301838038494) * r + 2.05319162663775882187)
              * r + 1.0);
    }
  else
    {
      r -= 5.0;
      num = (((((((r * 2.01033439929228813265e-7 + 2.71155556874348757815e-5)
                   * r + 0.0012426609473880784386) * r
                  + 0.026532189526576123093) * r + 0.29656057182850489123)
                * r + 1.7848265399172913358) * r + 5.4637849111641143699)
              * r + 6.6579046435011037772);
      den = (((((((r * 2.04426310338993978564e-15
                   + 1.4215117583164458887e-7) * r
                  + 1.8463183175100546818e-5) * r + 7.868691311456132591e-4)
                * r + 0.0148753612908506148525) * r
               + 0.13692988092273580531) * r + 0.59983220655588793769)
              * r + 1.0);
    }
  return q < 0 ? -num / den : num / den;
}
/* clang-format on */

/* What the analyses write ----------------------------------------------- */

/**
 * occ_interval_status_to_string:
 * @status: an interval status
 *
 * The `ci_status` that occ-results/1 and a comparison's JSON write for a
 * status: "published" or "partial". An estimated interval, or none, is
 * written without a `ci_status`, and gives %NULL.
 *
 * Returns: (nullable): a static string, or %NULL
 *
 * Since: 1.3
 */
const char *
occ_interval_status_to_string (OccIntervalStatus status)
{
  switch (status)
    {
    case OCC_INTERVAL_STATUS_PUBLISHED:
      return "published";
    case OCC_INTERVAL_STATUS_PARTIAL:
      return "partial";
    default:
      return NULL;
    }
}

/* An (out) (optional) (transfer full) array of the dup functions: @out is
 * the caller's `double **` (or %NULL, when the array is freed). */
void
occ_give_array (gpointer out, gpointer array)
{
  if (out)
    *(gpointer *) out = array;
  else
    g_free (array);
}

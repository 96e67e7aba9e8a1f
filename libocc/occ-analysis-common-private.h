/* occ-analysis-common-private.h: what the analyses share: a reproducible
 * random generator, a parallel loop, quantiles
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include <gio/gio.h>
#include <occ/occ-analysis-common.h>

#include "occ-aggregate-private.h"

G_BEGIN_DECLS

/* The random generator --------------------------------------------------
 *
 * xoshiro256** (Blackman & Vigna 2018) seeded through SplitMix64, one
 * independent stream per (seed, stream, substream), so that every
 * replicate or draw has its own numbers whatever thread computes it and
 * in whatever order: the results do not depend on the number of threads,
 * and tests/analysis/occ_rng.py reproduces the numbers in Python. GLib's
 * g_random is not used: its sequence may change between GLib versions.
 *
 *   h = mix (seed + G × (stream + 1));  h = mix (h + G × (substream + 1))
 *   s[i] = mix (h + G × (i + 1)) for i = 0..3    (SplitMix64 from h)
 *
 * with G = 0x9e3779b97f4a7c15 and mix the SplitMix64 finalizer, all
 * modulo 2^64. Streams: OCC_STREAM_* | index, below. */

#define OCC_RNG_GOLDEN G_GUINT64_CONSTANT (0x9e3779b97f4a7c15)

/* The stream of each use: the high byte says which analysis. */
#define OCC_STREAM_BOOTSTRAP (G_GUINT64_CONSTANT (1) << 56) /* | unit */
#define OCC_STREAM_ALPHA (G_GUINT64_CONSTANT (2) << 56)     /* | cell */
#define OCC_STREAM_SENSITIVITY (G_GUINT64_CONSTANT (3) << 56)

typedef struct
{
  guint64 s[4];
} OccRng;

static inline guint64
occ_rng_mix (guint64 z)
{
  z = (z ^ (z >> 30)) * G_GUINT64_CONSTANT (0xbf58476d1ce4e5b9);
  z = (z ^ (z >> 27)) * G_GUINT64_CONSTANT (0x94d049bb133111eb);
  return z ^ (z >> 31);
}

static inline void
occ_rng_init (OccRng *rng, guint64 seed, guint64 stream, guint64 substream)
{
  guint64 h = occ_rng_mix (seed + OCC_RNG_GOLDEN * (stream + 1));

  h = occ_rng_mix (h + OCC_RNG_GOLDEN * (substream + 1));
  for (guint i = 0; i < 4; i++)
    rng->s[i] = occ_rng_mix (h + OCC_RNG_GOLDEN * (i + 1));
}

static inline guint64
occ_rng_rotl (guint64 x, int k)
{
  return (x << k) | (x >> (64 - k));
}

static inline guint64
occ_rng_next (OccRng *rng)
{
  guint64 *s = rng->s;
  guint64 result = occ_rng_rotl (s[1] * 5, 7) * 9;
  guint64 t = s[1] << 17;

  s[2] ^= s[0];
  s[3] ^= s[1];
  s[1] ^= s[2];
  s[0] ^= s[3];
  s[2] ^= t;
  s[3] = occ_rng_rotl (s[3], 45);
  return result;
}

/* An integer in [0, n): the high 64 bits of next × n (Lemire 2019, without
 * the rejection step: the bias is below n / 2^64). */
static inline guint64
occ_rng_below (OccRng *rng, guint64 n)
{
  guint64 x = occ_rng_next (rng);
#ifdef __SIZEOF_INT128__
  /* The same high half, in one multiplication. */
  return (guint64) (((unsigned __int128) x * n) >> 64);
#else
  guint64 x_hi = x >> 32, x_lo = x & 0xffffffffu;
  guint64 n_hi = n >> 32, n_lo = n & 0xffffffffu;
  guint64 lo_lo = x_lo * n_lo, hi_lo = x_hi * n_lo, lo_hi = x_lo * n_hi;
  guint64 cross = (lo_lo >> 32) + (hi_lo & 0xffffffffu) + lo_hi;

  return x_hi * n_hi + (hi_lo >> 32) + (cross >> 32);
#endif
}

/* A double in [0, 1): the top 53 bits. */
static inline double
occ_rng_uniform (OccRng *rng)
{
  return (double) (occ_rng_next (rng) >> 11) * 0x1.0p-53;
}

double occ_rng_normal (OccRng *rng);
double occ_rng_gamma (OccRng *rng, double shape);

/* The parallel loop -----------------------------------------------------
 *
 * Runs @func over tasks [0, n_tasks) in chunks, on @n_threads threads (the
 * calling one included), each with its own worker state; reports progress
 * from the calling thread only. Returns FALSE when @cancellable was
 * cancelled (some tasks then did not run). */

typedef void (*OccTaskFunc) (gpointer shared, gpointer worker, gsize task);

typedef struct
{
  OccProgressFunc func;
  gpointer user_data;
  double done;  /* work done before this loop, in units of work */
  double total; /* all the work of the analysis */
  gint64 last;  /* monotonic time of the last report */
} OccProgress;

gboolean occ_parallel_run (guint n_threads, gsize n_tasks, OccTaskFunc func,
                           gpointer shared, gpointer *workers,
                           OccProgress *progress, GCancellable *cancellable);

guint occ_threads_for (guint requested);

void occ_progress_report (OccProgress *progress, double done, gboolean force);

gboolean occ_cancelled_error (GCancellable *cancellable, GError **error);

/* Order statistics ------------------------------------------------------ */

double occ_quantile_sorted (const double *sorted, gsize n, double p);
double occ_quantile_select (double *values, gsize n, double p);
void occ_quantiles_select (const double *values, gsize n, const double *p,
                           guint n_p, double *quantiles, double *scratch);
double occ_sum (const double *values, gsize n);
double occ_sum_squares (const double *values, gsize n, double mean);

double occ_normal_cdf (double x);
double occ_normal_quantile (double p);

/* What the analyses write ------------------------------------------------ */

void occ_give_array (gpointer out, gpointer array);

G_END_DECLS

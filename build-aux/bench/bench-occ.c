/* bench-occ.c: load, score and write with libocc, timed
 *
 *   bench-occ [--repeat N] BASE.json RATINGS.csv OUT.json
 *   bench-occ [--repeat N] --json DATASET.json OUT.json
 *
 * Loads the ratings CSV over the base dataset (or a whole occ-dataset/1
 * file), scores it N times (the time reported is the fastest, as for the
 * other implementations), writes the results as occ-results/1 to OUT.json
 * and prints one JSON line of seconds of CPU time: {"load", "score", "write",
 * "ratings", "results"}. Peak memory is measured by the caller (run.py)
 * from the process's rusage.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <occ/occ.h>

/* CPU time of the process: on a machine shared with other work, the time
 * the process itself ran, which is what the comparison is about. */
static double
now (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return (double) ts.tv_sec + ts.tv_nsec * 1e-9;
}

static void
die (const char *what, GError *error)
{
  fprintf (stderr, "bench-occ: %s: %s\n", what,
           error ? error->message : "failed");
  exit (1);
}

int
main (int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (OccDataset) dataset = NULL;
  g_autoptr (OccResults) results = NULL;
  g_autofree char *text = NULL;
  gboolean json = FALSE;
  int repeat = 1, i = 1;
  double t0, load, score = G_MAXDOUBLE, write;
  const char *out;
  gsize length;
  FILE *f;

  for (; i < argc && g_str_has_prefix (argv[i], "--"); i++)
    if (strcmp (argv[i], "--json") == 0)
      json = TRUE;
    else if (strcmp (argv[i], "--repeat") == 0 && i + 1 < argc)
      repeat = atoi (argv[++i]);
    else
      die ("usage", NULL);
  if (argc - i != (json ? 2 : 3) || repeat < 1)
    {
      fprintf (stderr, "usage: bench-occ [--repeat N] BASE.json RATINGS.csv "
                       "OUT.json | --json DATASET.json OUT.json\n");
      return 2;
    }

  t0 = now ();
  dataset = occ_dataset_new_from_file (argv[i], &error);
  if (dataset == NULL)
    die (argv[i], error);
  if (!json)
    {
      OccDataset *with =
        occ_dataset_new_with_ratings_csv (dataset, argv[i + 1], &error);
      if (with == NULL)
        die (argv[i + 1], error);
      g_object_unref (dataset);
      dataset = with;
    }
  load = now () - t0;
  out = argv[argc - 1];

  for (int r = 0; r < repeat; r++)
    {
      g_clear_object (&results);
      t0 = now ();
      results = occ_results_new (dataset);
      score = MIN (score, now () - t0);
    }

  t0 = now ();
  text = occ_results_to_data (results, &length);
  f = fopen (out, "wb");
  if (f == NULL || fwrite (text, 1, length, f) != length || fclose (f) != 0)
    die (out, NULL);
  write = now () - t0;

  printf ("{\"load\": %.6f, \"score\": %.6f, \"write\": %.6f, "
          "\"ratings\": %" G_GSIZE_FORMAT ", \"results\": %u}\n",
          load, score, write, occ_dataset_get_n_ratings (dataset),
          g_list_model_get_n_items (G_LIST_MODEL (results)));
  return 0;
}

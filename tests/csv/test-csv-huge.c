/* test-csv-huge.c: a million ratings through the streaming CSV reader
 *
 *   test-csv-huge OCC-GEN
 *
 * Generates (with build-aux/bench/occ-gen, at test time) a CSV of 1,000,000
 * ratings whose rows carry a 120-character notes column, about 170 bytes a
 * row, and reads it over its base dataset. The file is ~170 MB; the
 * dataset keeps ~70 bytes per rating in its columns. The test asserts
 * what streaming means, not how fast it is: the peak memory the load adds
 * (VmHWM after resetting it through /proc/self/clear_refs) stays under
 * 120 bytes per rating, below what holding the file alone would take, and
 * a few figures of the result are checked against a small count.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <stdio.h>
#include <string.h>

#include <glib/gstdio.h>
#include <occ/occ.h>

#define N_RATINGS 1000000
#define BYTES_PER_RATING 120

/* A field of /proc/self/status, in kB. */
static guint64
status_kb (const char *field)
{
  g_autofree char *text = NULL;
  const char *line;

  g_assert_true (g_file_get_contents ("/proc/self/status", &text, NULL,
                                      NULL));
  line = strstr (text, field);
  g_assert_nonnull (line);
  return g_ascii_strtoull (line + strlen (field) + 1, NULL, 10);
}

static void
reset_peak (void)
{
  FILE *f = fopen ("/proc/self/clear_refs", "w");

  if (f == NULL)
    return;
  fputs ("5", f);
  fclose (f);
}

static void
test_huge (gconstpointer data)
{
  const char *gen = data;
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("occ-csv-huge-XXXXXX", &error);
  g_autofree char *base_path = g_build_filename (dir, "base.json", NULL);
  g_autofree char *csv_path = g_build_filename (dir, "ratings.csv", NULL);
  const char *argv[] = { gen,      "--countries", "10",      "--leaves",
                         "500",    "--raters",    "20",      "--phases",
                         "10",     "--seed",      "7",       "--notes",
                         "120",    "--base",      base_path, "--csv",
                         csv_path, NULL };
  g_autoptr (OccDataset) base = NULL, dataset = NULL;
  g_autoptr (OccResults) results = NULL;
  g_autoptr (OccScore) score = NULL;
  GStatBuf st;
  guint64 before, peak;
  int status;
  double value;

  if (g_getenv ("OCC_TEST_MEMCHECK") != NULL)
    {
      /* Bounded memory is what this test is about, and VmRSS means
       * nothing under valgrind or ASan (tools/check-valgrind,
       * tools/check-sanitizers); test-csv covers the reader there. */
      g_test_skip ("VmRSS is meaningless under a memory checker");
      g_rmdir (dir);
      return;
    }
  g_assert_no_error (error);
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT,
                               NULL, NULL, NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, &error));
  g_assert_cmpint (g_stat (csv_path, &st), ==, 0);
  g_test_message ("%s: %" G_GINT64_FORMAT " bytes", csv_path,
                  (gint64) st.st_size);
  g_assert_cmpint (st.st_size, >, (gint64) N_RATINGS * 160);

  base = occ_dataset_new_from_file (base_path, &error);
  g_assert_no_error (error);

  /* Reset the peak to what is in use now (Linux 4.0 and later; without
   * it, the peak so far is the base's, far below the bound). */
  reset_peak ();
  before = status_kb ("VmRSS:");
  dataset = occ_dataset_new_with_ratings_csv (base, csv_path, &error);
  g_assert_no_error (error);
  peak = status_kb ("VmHWM:");
  g_test_message ("load added at most %" G_GUINT64_FORMAT " kB, %.1f bytes "
                  "per rating",
                  peak - before, (peak - before) * 1024.0 / N_RATINGS);
  g_assert_cmpuint ((peak - before) * 1024, <,
                    (guint64) N_RATINGS * BYTES_PER_RATING);

  g_assert_cmpuint (occ_dataset_get_n_ratings (dataset), ==, N_RATINGS);
  g_assert_cmpuint (occ_dataset_get_n_countries (dataset), ==, 10);
  g_assert_cmpuint (occ_dataset_get_n_phases (dataset), ==, 10);
  results = occ_results_new (dataset);
  /* Every leaf of every country and phase has 20 raters' scores. */
  score = occ_results_lookup (results, "K010", "P10", "C100.E");
  g_assert_nonnull (score);
  g_assert_true (occ_score_get_value (score, &value));
  g_assert_cmpfloat (value, >=, 0);
  g_assert_cmpfloat (value, <=, 3);
  g_assert_cmpint (occ_score_get_criterion_n (score, 0), <=, 20);
  g_assert_cmpint (occ_score_get_criterion_n (score, 0), >=, 10);

  g_remove (csv_path);
  g_remove (base_path);
  g_rmdir (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  if (argc != 2)
    {
      g_printerr ("usage: test-csv-huge OCC-GEN\n");
      return 2;
    }
  g_test_add_data_func ("/csv/huge", argv[1], test_huge);
  return g_test_run ();
}

/* test-threads.c: one loaded dataset, scored and read from many threads at
 * once, gives exactly what one thread gets
 *
 * OccDataset, OccMethodology, OccNode, OccResults and OccScore never change
 * after they are made (docs/reliability.md). Here eight threads share one
 * dataset and one set of results, start together, and each, many times
 * over: scores the dataset anew, writes it and its results, walks the
 * framework through the list models, looks scores up, asks for best and
 * worst and bulk arrays, rounds and formats with the methodology. Every
 * text must be byte for byte the single-threaded one. tools/check-tsan
 * runs this under ThreadSanitizer.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <string.h>

#include <occ/occ.h>

#define N_THREADS 8

typedef struct
{
  OccDataset *dataset;
  OccResults *results; /* shared by every thread */
  char *dataset_text;
  char *results_text;
  char *reading; /* what read_all() gives */
  guint rounds;

  /* The start line, in atomics rather than GMutex: GLib is not
   * instrumented, so ThreadSanitizer cannot see its locks. */
  int waiting;
  int go;
} Shared;

static void
walk (GString *out, GListModel *nodes, guint depth)
{
  for (guint i = 0; i < g_list_model_get_n_items (nodes); i++)
    {
      g_autoptr (OccNode) node = g_list_model_get_item (nodes, i);
      OccNode *top = occ_node_get_top (node);

      g_string_append_printf (out, "%*s%s %s %g %u %s\n", (int) depth, "",
                              occ_node_get_id (node),
                              occ_node_get_label (node),
                              occ_node_get_weight (node),
                              occ_node_get_index (node),
                              occ_node_get_id (top));
      walk (out, occ_node_get_children (node), depth + 1);
    }
}

static void
append_scores (GString *out, GListModel *scores)
{
  for (guint i = 0; i < g_list_model_get_n_items (scores); i++)
    {
      g_autoptr (OccScore) score = g_list_model_get_item (scores, i);
      double value = 0;

      occ_score_get_value (score, &value);
      g_string_append_printf (out, " %s=%.17g/%u",
                              occ_score_get_node_id (score), value,
                              occ_score_get_rank (score));
    }
  g_string_append_c (out, '\n');
}

/* Everything a reader asks of shared objects, as text. */
static char *
read_all (OccDataset *dataset, OccResults *results)
{
  OccMethodology *m = occ_dataset_get_methodology (dataset);
  GString *out = g_string_new (NULL);

  walk (out, occ_dataset_get_framework (dataset), 0);
  for (guint k = 0; k < occ_dataset_get_n_countries (dataset); k++)
    for (guint p = 0; p < occ_dataset_get_n_phases (dataset); p++)
      {
        const char *country = occ_dataset_get_country_id (dataset, k);
        const char *phase = occ_dataset_get_phase_id (dataset, p);
        g_autoptr (GListModel) best = occ_results_get_best (results, country,
                                                            phase, NULL);
        g_autoptr (GListModel) worst =
          occ_results_get_worst (results, country, phase, NULL);
        g_autofree guint8 *present = NULL;
        gsize n = 0;
        g_autofree double *values = occ_results_dup_values (results, k, p, -1,
                                                            &present, &n);

        append_scores (out, best);
        append_scores (out, worst);
        for (gsize j = 0; j < n; j++)
          if (present[j])
            {
              OccNode *node = occ_dataset_get_node (dataset, (guint) j);
              g_autoptr (OccScore) score = occ_results_lookup (
                results, country, phase, occ_node_get_id (node));
              g_autofree char *shown =
                occ_methodology_format_value (m, values[j]);

              g_string_append_printf (
                out, "%s %s %s %s %s %.17g\n", country, phase,
                occ_node_get_id (node), shown,
                occ_methodology_band_for_value (m, values[j]),
                occ_methodology_round (m, values[j]));
              g_assert_nonnull (score);
            }
      }
  append_scores (out, G_LIST_MODEL (results));
  return g_string_free (out, FALSE);
}

static char *
results_text (OccDataset *dataset)
{
  g_autoptr (OccResults) results = occ_results_new (dataset);

  return occ_results_to_data (results, NULL);
}

static gpointer
worker (gpointer data)
{
  Shared *shared = data;

  /* All threads start at once, for as much overlap as possible. */
  g_atomic_int_inc (&shared->waiting);
  while (!g_atomic_int_get (&shared->go))
    g_thread_yield ();

  for (guint round = 0; round < shared->rounds; round++)
    {
      g_autoptr (OccDataset) dataset = g_object_ref (shared->dataset);
      g_autofree char *scored = results_text (dataset);
      g_autofree char *written = occ_dataset_to_data (dataset, NULL);
      g_autofree char *reading = read_all (dataset, shared->results);
      g_autofree char *shared_written = occ_results_to_data (shared->results,
                                                             NULL);

      g_assert_cmpstr (scored, ==, shared->results_text);
      g_assert_cmpstr (shared_written, ==, shared->results_text);
      g_assert_cmpstr (written, ==, shared->dataset_text);
      g_assert_cmpstr (reading, ==, shared->reading);
    }
  return NULL;
}

static void
test_shared_dataset (gconstpointer data)
{
  const char *name = data;
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_build_filename (g_getenv ("OCC_DATADIR"), name,
                                            NULL);
  GThread *threads[N_THREADS];
  Shared shared = { 0 };

  shared.dataset = occ_dataset_new_from_file (path, &error);
  g_assert_no_error (error);
  /* Single-threaded first: what every thread must get. */
  shared.results = occ_results_new (shared.dataset);
  shared.dataset_text = occ_dataset_to_data (shared.dataset, NULL);
  shared.results_text = results_text (shared.dataset);
  shared.reading = read_all (shared.dataset, shared.results);
  shared.rounds = g_test_slow () ? 50 : 6;
  for (guint i = 0; i < N_THREADS; i++)
    threads[i] = g_thread_new ("scorer", worker, &shared);
  while (g_atomic_int_get (&shared.waiting) < N_THREADS)
    g_thread_yield ();
  g_atomic_int_set (&shared.go, 1);
  for (guint i = 0; i < N_THREADS; i++)
    g_thread_join (threads[i]);

  g_test_message ("%u threads × %u rounds on %s: %zu bytes of results each",
                  N_THREADS, shared.rounds, name,
                  strlen (shared.results_text));
  g_free (shared.dataset_text);
  g_free (shared.results_text);
  g_free (shared.reading);
  g_object_unref (shared.results);
  g_object_unref (shared.dataset);
}

/* The framework's list models are read by position from every thread at
 * once, stepping back and forth: GListStore, which libocc 1.0 used, keeps
 * the last position it was asked for and hands out wrong neighbours when
 * two threads move it. */
typedef struct
{
  GListModel *model;
  char **ids;
  guint n;
} Hammer;

static gpointer
hammer (gpointer data)
{
  const Hammer *h = data;
  guint wrong = 0;

  for (guint round = 0; round < 20000; round++)
    for (guint step = 0; step < 6; step++)
      {
        guint i = (round * 7 + (step % 2 ? step : h->n - step)) % h->n;
        g_autoptr (OccNode) node = g_list_model_get_item (h->model, i);

        wrong += !g_str_equal (occ_node_get_id (node), h->ids[i]);
      }
  return GUINT_TO_POINTER (wrong);
}

static void
test_list_models (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_build_filename (g_getenv ("OCC_DATADIR"),
                                            "peru-2024.json", NULL);
  g_autoptr (OccDataset) dataset = occ_dataset_new_from_file (path, &error);
  g_autoptr (OccNode) first = NULL;
  GThread *threads[N_THREADS];
  Hammer h;
  guint wrong = 0;

  g_assert_no_error (error);
  first = g_list_model_get_item (occ_dataset_get_framework (dataset), 0);
  g_assert_nonnull (first);
  h.model = occ_node_get_children (first);
  h.n = g_list_model_get_n_items (h.model);
  g_assert_cmpuint (h.n, >, 2);
  h.ids = g_new0 (char *, h.n + 1);
  for (guint i = 0; i < h.n; i++)
    {
      g_autoptr (OccNode) node = g_list_model_get_item (h.model, i);
      h.ids[i] = g_strdup (occ_node_get_id (node));
    }
  for (guint i = 0; i < N_THREADS; i++)
    threads[i] = g_thread_new ("reader", hammer, &h);
  for (guint i = 0; i < N_THREADS; i++)
    wrong += GPOINTER_TO_UINT (g_thread_join (threads[i]));
  g_strfreev (h.ids);
  g_assert_cmpuint (wrong, ==, 0);
}

/* Loading in parallel shares nothing but the built-in methodology's
 * tables and the GTypes. */
static void
loader_once (const char *text)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (OccDataset) dataset = occ_dataset_new_from_data (text, -1,
                                                              &error);
  g_autoptr (OccMethodology) m = occ_methodology_new_builtin ("cco-2024",
                                                              &error);
  g_autoptr (OccResults) results = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (dataset);
  g_assert_nonnull (m);
  results = occ_results_new (dataset);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (results)), >, 0);
}

static gpointer
loader (gpointer data)
{
  for (guint i = 0; i < 20; i++)
    loader_once (data);
  return NULL;
}

static void
test_parallel_loads (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("OCC_DATADIR"),
                                            "peru-2024.json", NULL);
  g_autofree char *text = NULL;
  GThread *threads[N_THREADS];

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  /* GLib initializes a class on its first use under its own locks, which
   * ThreadSanitizer cannot see in uninstrumented GLib (a report of a
   * race in OCC_IS_METHODOLOGY against g_type_class_ref); one load first
   * makes every class ready before the threads start, as the shared tests
   * do by loading and scoring before they start theirs. */
  loader_once (text);
  for (guint i = 0; i < N_THREADS; i++)
    threads[i] = g_thread_new ("loader", loader, text);
  for (guint i = 0; i < N_THREADS; i++)
    g_thread_join (threads[i]);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_data_func ("/threads/shared/peru", "peru-2024.json",
                        test_shared_dataset);
  g_test_add_data_func ("/threads/shared/americas", "americas-sample.json",
                        test_shared_dataset);
  g_test_add_func ("/threads/loads", test_parallel_loads);
  g_test_add_func ("/threads/list-models", test_list_models);
  return g_test_run ();
}

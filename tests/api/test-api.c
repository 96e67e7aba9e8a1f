/* test-api.c: the public API around the scoring rules: versions, the
 * built-in methodology, rounding, node lifetimes, bulk accessors, and the
 * occ-dataset/1 round trip.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <math.h>

#include <glib/gstdio.h>
#include <occ/occ.h>

/* Two countries, three phases, raw ratings with every optional field, an
 * inline methodology with unequal weights: everything a save must keep. */
static const char rich_dataset[] =
  "{\"format\": \"occ-dataset/1\", \"title\": \"Round trip\\n\\\"quoted\\\"\","
  " \"methodology\": {\"id\": \"custom\", \"name\": \"Custom\","
  "  \"scale\": {\"min\": 0, \"max\": 4},"
  "  \"criteria\": [{\"id\": \"R\", \"label\": \"Relevance\", \"weight\": 2},"
  "                {\"id\": \"E\", \"label\": \"Effectiveness\", \"weight\": 0.5}],"
  "  \"aggregation\": {\"raters\": \"median\", \"criteria\": \"mean\","
  "                   \"children\": \"geometric\"},"
  "  \"min_raters\": 2,"
  "  \"bands\": [{\"label\": \"low\", \"from\": 0}, {\"label\": \"high\", \"from\": 2.5}],"
  "  \"population_groups\": [{\"id\": \"women\", \"label\": \"Women\"},"
  "                         {\"id\": \"youth\", \"label\": \"Youth\"}],"
  "  \"precision\": 3},"
  " \"countries\": [{\"id\": \"AA\"}, {\"id\": \"BB\", \"name\": \"Bland\"}],"
  " \"phases\": [{\"id\": \"p1\", \"label\": \"One\"}, {\"id\": \"p2\"}, {\"id\": \"p3\"}],"
  " \"framework\": [{\"id\": \"S\", \"label\": \"Summit\", \"children\": ["
  "   {\"id\": \"S.1\", \"text\": \"First\", \"weight\": 0.25},"
  "   {\"id\": \"S.2\", \"label\": \"Second\", \"weight\": 3}]}],"
  " \"raters\": [{\"id\": \"r1\", \"name\": \"One\", \"country\": \"AA\"},"
  "             {\"id\": \"r2\"}, {\"id\": \"r3\", \"country\": \"BB\"}],"
  " \"ratings\": ["
  "  {\"country\": \"AA\", \"phase\": \"p1\", \"node\": \"S.1\", \"rater\": \"r1\","
  "   \"scores\": {\"R\": 4, \"E\": null}, \"groups\": [\"youth\", \"women\"],"
  "   \"evidence\": [{\"kind\": \"practice\", \"ref\": \"x\\u00e9\"}], \"validated\": true},"
  "  {\"country\": \"AA\", \"phase\": \"p1\", \"node\": \"S.1\", \"rater\": \"r2\","
  "   \"scores\": {\"R\": 1, \"E\": 3}, \"validated\": false},"
  "  {\"country\": \"BB\", \"phase\": \"p3\", \"node\": \"S.2\", \"rater\": \"r3\","
  "   \"scores\": {\"E\": 2}}],"
  " \"published\": ["
  "  {\"country\": \"AA\", \"phase\": \"p1\", \"node\": \"S.2\","
  "   \"scores\": {\"R\": 1.3333333333333333, \"E\": null}, \"raters\": 6, \"inclusion\": 0.46},"
  "  {\"country\": \"BB\", \"phase\": \"p2\", \"node\": \"S.1\", \"scores\": {\"R\": 0.1, \"E\": 2.9}}]}";

static OccDataset *
load_rich (void)
{
  g_autoptr (GError) error = NULL;
  OccDataset *dataset = occ_dataset_new_from_data (rich_dataset, -1, &error);

  g_assert_no_error (error);
  g_assert_nonnull (dataset);
  return dataset;
}

static void
test_version (void)
{
  g_autofree char *expected = g_strdup_printf ("%u.%u.%u",
                                               occ_get_major_version (),
                                               occ_get_minor_version (),
                                               occ_get_micro_version ());

  g_assert_cmpstr (occ_get_version (), ==, OCC_VERSION_S);
  g_assert_cmpstr (occ_get_version (), ==, expected);
  g_assert_true (OCC_CHECK_VERSION (1, 0, 0));
  g_assert_false (OCC_CHECK_VERSION (OCC_MAJOR_VERSION + 1, 0, 0));
}

/* occ-v1 §3: cco-2024 is exactly that object. */
static void
test_builtin_cco (void)
{
  static const char *const groups[] = {
    "women",           "youth",  "children",   "older-adults", "indigenous",
    "afro-descendant", "lgbtiq", "disability", "rural"
  };
  g_autoptr (GError) error = NULL;
  g_autoptr (OccMethodology) m = occ_methodology_new_builtin ("cco-2024",
                                                              &error);

  g_assert_no_error (error);
  g_assert_cmpstr (occ_methodology_get_id (m), ==, "cco-2024");
  g_assert_cmpint (occ_methodology_get_scale_kind (m), ==,
                   OCC_SCALE_KIND_NUMERIC);
  g_assert_cmpint (occ_methodology_get_scale_min (m), ==, 0);
  g_assert_cmpint (occ_methodology_get_scale_max (m), ==, 3);
  g_assert_cmpuint (occ_methodology_get_n_criteria (m), ==, 3);
  g_assert_cmpstr (occ_methodology_get_criterion_id (m, 0), ==, "R");
  g_assert_cmpstr (occ_methodology_get_criterion_label (m, 1), ==,
                   "Effectiveness");
  g_assert_cmpint (occ_methodology_lookup_criterion (m, "S"), ==, 2);
  g_assert_cmpint (occ_methodology_lookup_criterion (m, "X"), ==, -1);
  for (guint c = 0; c < 3; c++)
    g_assert_cmpfloat (occ_methodology_get_criterion_weight (m, c), ==, 1.0);
  for (OccLevel level = OCC_LEVEL_RATERS; level <= OCC_LEVEL_CHILDREN;
       level++)
    g_assert_cmpint (occ_methodology_get_aggregation (m, level), ==,
                     OCC_AGGREGATION_MEAN);
  g_assert_cmpuint (occ_methodology_get_min_raters (m), ==, 1);
  g_assert_cmpuint (occ_methodology_get_precision (m), ==, 2);
  g_assert_cmpuint (occ_methodology_get_n_bands (m), ==, 4);
  g_assert_cmpstr (occ_methodology_get_band_label (m, 2), ==, "medium-high");
  g_assert_cmpfloat (occ_methodology_get_band_from (m, 3), ==, 2.8);
  g_assert_cmpuint (occ_methodology_get_n_population_groups (m), ==,
                    G_N_ELEMENTS (groups));
  for (guint g = 0; g < G_N_ELEMENTS (groups); g++)
    g_assert_cmpstr (occ_methodology_get_population_group_id (m, g), ==,
                     groups[g]);
  g_assert_cmpstr (occ_methodology_list_builtin ()[0], ==, "cco-2024");
  g_assert_cmpstr (occ_methodology_list_builtin ()[1], ==, "ogp-irm-2015");
  g_assert_cmpstr (occ_methodology_list_builtin ()[2], ==, "ogp-irm-2021");
  g_assert_null (occ_methodology_list_builtin ()[3]);
}

static void
test_builtin_unknown (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (OccMethodology) m = occ_methodology_new_builtin ("cco-1999",
                                                              &error);

  g_assert_null (m);
  g_assert_error (error, OCC_ERROR, OCC_ERROR_UNKNOWN_ID);
  g_assert_nonnull (strstr (error->message, "cco-1999"));
}

/* What `occ methodology` prints must read back as the same methodology. */
static void
test_methodology_round_trip (void)
{
  g_autoptr (OccMethodology) m = occ_methodology_new_builtin ("cco-2024",
                                                              NULL);
  g_autofree char *text = occ_methodology_to_data (m, NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (OccMethodology) again = occ_methodology_new_from_data (text, -1,
                                                                    &error);
  g_autofree char *text_again = NULL;

  g_assert_no_error (error);
  text_again = occ_methodology_to_data (again, NULL);
  g_assert_cmpstr (text, ==, text_again);
}

/* occ-v1 §4.5: bands from the value rounded to the precision (revision
 * 2); §4.8: half away from zero on the shortest decimal that reads back
 * as the same double, worked by hand from each literal's digits. */
static void
test_bands_and_rounding (void)
{
  g_autoptr (OccMethodology) m = occ_methodology_new_builtin ("cco-2024",
                                                              NULL);
  /* clang-format off */
  static const struct
  {
    double value;
    const char *band;
  } bands[] = { { 1.40, "low" },          { 1.494999, "low" },
                /* shown 1.50: medium, though below 1.5 */
                { 1.4999999, "medium" },   { 1.4999999999999998, "medium" },
                { 1.50, "medium" },        { 2.33, "medium" },
                { 2.494999, "medium" },    { 2.4999, "medium-high" },
                { 2.67, "medium-high" },   { 2.75, "medium-high" },
                { 2.794999, "medium-high" }, { 2.7999999, "high" },
                { 2.83, "high" },          { 3.00, "high" },
                { 0.0, "low" },            { -0.004, "low" } };
  static const struct
  {
    double value;
    const char *text;
  } texts[] = { { 2.675, "2.68" },  { 2.665, "2.67" },  { -0.125, "-0.13" },
                { 1.005, "1.01" },  { -0.001, "0.00" }, { 2.0 / 3, "0.67" },
                { 0.0, "0.00" },    { 2.994999, "2.99" },
                /* binary 0.28499999999999998: the decimal 0.285 rounds up */
                { 0.285, "0.29" },  { -2.675, "-2.68" },
                /* the shortest decimal is below the half: down, however
                 * close (the 1.1 reading took these as halves) */
                { 2.6749999999, "2.67" }, { 1.0049999999999997, "1.00" },
                { 1.4999999999999998, "1.50" }, { 0.994999999999, "0.99" } };
  /* clang-format on */
  for (guint i = 0; i < G_N_ELEMENTS (bands); i++)
    g_assert_cmpstr (occ_methodology_band_for_value (m, bands[i].value), ==,
                     bands[i].band);
  g_assert_null (occ_methodology_band_for_value (m, -0.5));
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autofree char *text = occ_methodology_format_value (m,
                                                            texts[i].value);
      g_assert_cmpstr (text, ==, texts[i].text);
    }
  g_assert_cmpfloat (occ_methodology_round (m, 1.975), ==, 1.98);
  g_assert_cmpstr (occ_aggregation_to_string (OCC_AGGREGATION_GEOMETRIC), ==,
                   "geometric");
}

static void
test_dataset_accessors (void)
{
  g_autoptr (OccDataset) ds = load_rich ();
  OccNode *s1 = occ_dataset_lookup_node (ds, "S.1");
  GListModel *framework = occ_dataset_get_framework (ds);
  g_autoptr (OccNode) top = g_list_model_get_item (framework, 0);

  g_assert_cmpstr (occ_dataset_get_title (ds), ==, "Round trip\n\"quoted\"");
  g_assert_cmpuint (occ_dataset_get_n_countries (ds), ==, 2);
  /* A name missing before a given one: the hole must not leak the rest. */
  g_assert_null (occ_dataset_get_country_name (ds, 0));
  g_assert_cmpstr (occ_dataset_get_country_name (ds, 1), ==, "Bland");
  g_assert_cmpint (occ_dataset_lookup_country (ds, "BB"), ==, 1);
  g_assert_cmpint (occ_dataset_lookup_country (ds, "CC"), ==, -1);
  g_assert_cmpuint (occ_dataset_get_n_phases (ds), ==, 3);
  g_assert_cmpstr (occ_dataset_get_phase_label (ds, 0), ==, "One");
  g_assert_cmpint (occ_dataset_lookup_phase (ds, "p3"), ==, 2);
  g_assert_cmpuint (occ_dataset_get_n_raters (ds), ==, 3);
  g_assert_cmpstr (occ_dataset_get_rater_name (ds, 0), ==, "One");
  g_assert_cmpstr (occ_dataset_get_rater_country (ds, 2), ==, "BB");
  g_assert_null (occ_dataset_get_rater_country (ds, 1));
  g_assert_cmpint (occ_dataset_lookup_rater (ds, "r2"), ==, 1);
  g_assert_cmpuint (occ_dataset_get_n_nodes (ds), ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (framework), ==, 1);
  g_assert_cmpstr (occ_node_get_id (top), ==, "S");
  g_assert_false (occ_node_is_leaf (top));
  g_assert_null (occ_node_get_parent (top));
  g_assert_true (occ_node_get_parent (s1) == top);
  g_assert_true (occ_node_get_top (s1) == top);
  g_assert_true (occ_dataset_get_node (ds, occ_node_get_index (s1)) == s1);
  g_assert_cmpstr (occ_node_get_label (s1), ==, "S.1"); /* no label: id */
  g_assert_cmpstr (occ_node_get_text (s1), ==, "First");
  g_assert_cmpfloat (occ_node_get_weight (s1), ==, 0.25);
  g_assert_cmpuint (occ_node_get_depth (s1), ==, 1);
  g_assert_true (occ_node_is_leaf (s1));
  g_assert_cmpuint (g_list_model_get_n_items (occ_node_get_children (top)),
                    ==, 2);
  g_assert_cmpuint (occ_dataset_get_n_published (ds), ==, 2);
}

static void
test_rating_columns (void)
{
  g_autoptr (OccDataset) ds = load_rich ();
  g_autofree guint8 *rated = NULL;
  g_autofree gint32 *e_scores = NULL;
  g_autofree guint32 *groups = NULL;
  const guint32 *raters, *nodes;
  gsize n, n2;

  g_assert_cmpuint (occ_dataset_get_n_ratings (ds), ==, 3);
  raters = occ_dataset_get_rating_indices (ds, OCC_RATING_FIELD_RATER, &n);
  g_assert_cmpuint (n, ==, 3);
  g_assert_cmpuint (raters[0], ==, 0);
  g_assert_cmpuint (raters[2], ==, 2);
  nodes = occ_dataset_get_rating_indices (ds, OCC_RATING_FIELD_NODE, &n);
  g_assert_cmpstr (occ_node_get_id (occ_dataset_get_node (ds, nodes[2])), ==,
                   "S.2");
  g_assert_cmpuint (
    occ_dataset_get_rating_indices (ds, OCC_RATING_FIELD_PHASE, &n)[2], ==,
    2);
  e_scores = occ_dataset_dup_rating_scores (ds, 1, &rated, &n);
  g_assert_cmpuint (n, ==, 3);
  g_assert_cmpint (rated[0], ==, 0);
  g_assert_cmpint (e_scores[0], ==, 0);
  g_assert_cmpint (rated[1], ==, 1);
  g_assert_cmpint (e_scores[1], ==, 3);
  g_assert_cmpint (e_scores[2], ==, 2);
  groups = occ_dataset_dup_rating_group_counts (ds, &n2);
  g_assert_cmpuint (n2, ==, 3);
  g_assert_cmpuint (groups[0], ==, 2);
  g_assert_cmpuint (groups[1], ==, 0);
}

static void
test_rating_details (void)
{
  g_autoptr (OccDataset) ds = load_rich ();
  OccMethodology *m = occ_dataset_get_methodology (ds);
  const guint16 *groups;
  gsize n;

  groups = occ_dataset_get_rating_groups (ds, 0, &n);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpstr (occ_methodology_get_population_group_id (m, groups[0]), ==,
                   "youth");
  g_assert_cmpstr (occ_methodology_get_population_group_id (m, groups[1]), ==,
                   "women");
  occ_dataset_get_rating_groups (ds, 2, &n);
  g_assert_cmpuint (n, ==, 0);
  g_assert_cmpint (occ_dataset_get_rating_validated (ds, 0), ==, 1);
  g_assert_cmpint (occ_dataset_get_rating_validated (ds, 1), ==, 0);
  g_assert_cmpint (occ_dataset_get_rating_validated (ds, 2), ==, -1);
  g_assert_cmpstr (occ_dataset_get_rating_evidence (ds, 0), ==,
                   "[{\"kind\":\"practice\",\"ref\":\"x\u00e9\"}]");
  g_assert_null (occ_dataset_get_rating_evidence (ds, 1));
}

static void
test_published_columns (void)
{
  g_autoptr (OccDataset) ds = load_rich ();
  g_autofree double *r = NULL, *e = NULL;
  g_autofree guint8 *r_present = NULL, *e_present = NULL;
  const guint32 *nodes, *phases;
  double inclusion;
  gsize n;

  nodes = occ_dataset_get_published_indices (ds, OCC_RATING_FIELD_NODE, &n);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpstr (occ_node_get_id (occ_dataset_get_node (ds, nodes[0])), ==,
                   "S.2");
  phases = occ_dataset_get_published_indices (ds, OCC_RATING_FIELD_PHASE, &n);
  g_assert_cmpuint (phases[1], ==, 1);
  r = occ_dataset_dup_published_scores (ds, 0, &r_present, &n);
  e = occ_dataset_dup_published_scores (ds, 1, &e_present, &n);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpfloat (r[0], ==, 1.3333333333333333);
  g_assert_cmpint (e_present[0], ==, 0);
  g_assert_cmpfloat (e[0], ==, 0.0);
  g_assert_cmpfloat (e[1], ==, 2.9);
  g_assert_cmpint (occ_dataset_get_published_raters (ds, 0), ==, 6);
  g_assert_cmpint (occ_dataset_get_published_raters (ds, 1), ==, -1);
  g_assert_true (occ_dataset_get_published_inclusion (ds, 0, &inclusion));
  g_assert_cmpfloat (inclusion, ==, 0.46);
  g_assert_false (occ_dataset_get_published_inclusion (ds, 1, NULL));
}

/* load → save → load gives the same dataset, to the last bit. */
static void
test_round_trip (void)
{
  g_autoptr (OccDataset) ds = load_rich ();
  g_autofree char *text = occ_dataset_to_data (ds, NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (OccDataset) again = occ_dataset_new_from_data (text, -1, &error);
  g_autofree char *text_again = NULL;
  g_autoptr (OccResults) r1 = NULL, r2 = NULL;
  g_autofree char *out1 = NULL, *out2 = NULL;

  g_assert_no_error (error);
  text_again = occ_dataset_to_data (again, NULL);
  g_assert_cmpstr (text, ==, text_again);
  /* The parts a writer could lose: evidence, validated, inclusion. */
  g_assert_nonnull (strstr (text, "\"validated\": false"));
  g_assert_nonnull (strstr (text, "x\u00e9"));
  g_assert_nonnull (strstr (text, "\"inclusion\": 0.46"));
  g_assert_nonnull (strstr (text, "1.3333333333333333"));
  r1 = occ_results_new (ds);
  r2 = occ_results_new (again);
  out1 = occ_results_to_data (r1, NULL);
  out2 = occ_results_to_data (r2, NULL);
  g_assert_cmpstr (out1, ==, out2);
}

static void
test_round_trip_peru (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("OCC_DATADIR"),
                                            "peru-2024.json", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (OccDataset) ds = occ_dataset_new_from_file (path, &error);
  g_autofree char *dir = g_dir_make_tmp ("occ-api-XXXXXX", &error);
  g_autofree char *saved = NULL;
  g_autoptr (OccDataset) again = NULL;
  g_autofree char *t1 = NULL, *t2 = NULL;

  g_assert_no_error (error);
  saved = g_build_filename (dir, "peru.json", NULL);
  g_assert_true (occ_dataset_save_to_file (ds, saved, &error));
  g_assert_no_error (error);
  again = occ_dataset_new_from_file (saved, &error);
  g_assert_no_error (error);
  t1 = occ_dataset_to_data (ds, NULL);
  t2 = occ_dataset_to_data (again, NULL);
  g_assert_cmpstr (t1, ==, t2);
  g_assert_cmpuint (occ_dataset_get_n_published (again), ==, 44);
  /* Nothing but the saved file is left behind: the temporary was renamed. */
  {
    g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
    g_assert_cmpstr (g_dir_read_name (d), ==, "peru.json");
    g_assert_null (g_dir_read_name (d));
  }
  g_unlink (saved);
  g_rmdir (dir);
}

static void
test_save_fails_cleanly (void)
{
  g_autoptr (OccDataset) ds = load_rich ();
  g_autoptr (GError) error = NULL;

  g_assert_false (occ_dataset_save_to_file (ds, "/nonexistent-dir/x.json",
                                            &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
}

/* A node kept after its dataset is gone stays usable and forgets its
 * parent rather than pointing at freed memory. */
static void
test_node_outlives_dataset (void)
{
  OccDataset *ds = load_rich ();
  OccNode *leaf = g_object_ref (occ_dataset_lookup_node (ds, "S.2"));

  g_object_unref (ds);
  g_assert_cmpstr (occ_node_get_id (leaf), ==, "S.2");
  g_assert_null (occ_node_get_parent (leaf));
  g_assert_true (occ_node_get_top (leaf) == leaf);
  g_object_unref (leaf);
}

/* A score keeps its results and dataset alive. */
static void
test_score_outlives_results (void)
{
  OccDataset *ds = load_rich ();
  OccResults *results = occ_results_new (ds);
  OccScore *score = occ_results_lookup (results, "AA", "p1", "S.1");
  double value;

  g_object_unref (results);
  g_object_unref (ds);
  g_assert_nonnull (score);
  g_assert_cmpstr (occ_node_get_id (occ_score_get_node (score)), ==, "S.1");
  /* median of R {4, 1} = 2.5; E has one rating < min_raters 2: no score */
  g_assert_true (occ_score_get_criterion_value (score, 0, &value));
  g_assert_cmpfloat (value, ==, 2.5);
  g_assert_cmpint (occ_score_get_criterion_n (score, 0), ==, 2);
  g_assert_false (occ_score_get_criterion_value (score, 1, NULL));
  g_assert_cmpint (occ_score_get_criterion_n (score, 1), ==, 1);
  g_assert_false (occ_score_get_value (score, NULL));
  g_assert_null (occ_score_get_band (score));
  /* occ-v1 §4.6: r1 marks both groups; r2 has no `groups` member, so it
   * records nothing and counts on neither side: 2 of 1 × 2 */
  g_assert_true (occ_score_get_inclusion (score, &value));
  g_assert_cmpfloat (value, ==, 1.0);
  g_object_unref (score);
}

static void
test_results_list_model (void)
{
  g_autoptr (OccDataset) ds = load_rich ();
  g_autoptr (OccResults) results = occ_results_new (ds);
  GListModel *list = G_LIST_MODEL (results);
  guint n = g_list_model_get_n_items (list);
  g_autofree double *values = NULL;
  g_autofree guint8 *present = NULL;
  gsize n_nodes;

  g_assert_true (g_list_model_get_item_type (list) == OCC_TYPE_SCORE);
  g_assert_cmpuint (n, >, 0);
  g_assert_null (g_list_model_get_item (list, n));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (OccScore) score = g_list_model_get_item (list, i);
      gboolean any = occ_score_get_value (score, NULL);

      for (guint c = 0; c < occ_score_get_n_criteria (score); c++)
        any = any || occ_score_get_criterion_value (score, c, NULL);
      g_assert_true (any);
      g_assert_nonnull (occ_score_get_node (score));
    }
  /* AA p1: S.2 from its published R (E null): R only, so no node score. */
  values = occ_results_dup_values (results, 0, 0, 0, &present, &n_nodes);
  g_assert_cmpuint (n_nodes, ==, 3);
  g_assert_cmpint (present[2], ==, 1);
  g_assert_cmpfloat_with_epsilon (values[2], 4.0 / 3, 1e-15);
  g_assert_true (occ_results_get_dataset (results) == ds);
  g_assert_null (occ_results_lookup (results, "AA", "p1", "nope"));
  g_assert_null (occ_results_lookup (results, "ZZ", "p1", "S"));
  {
    g_autoptr (GListModel) none = occ_results_get_best (results, "ZZ", "p1",
                                                        NULL);
    g_assert_cmpuint (g_list_model_get_n_items (none), ==, 0);
  }
}

/* No NaN or infinity in any results document. */
static void
test_results_json_is_finite (void)
{
  g_autoptr (OccDataset) ds = load_rich ();
  g_autoptr (OccResults) results = occ_results_new (ds);
  g_autofree char *text = occ_results_to_data (results, NULL);
  g_autoptr (GError) error = NULL;

  g_assert_null (strstr (text, "nan"));
  g_assert_null (strstr (text, "inf"));
  g_assert_nonnull (strstr (text, "\"format\": \"occ-results/1\""));
  g_assert_nonnull (strstr (text, "\"methodology\": \"custom\""));
}

/* The shortest of %.15g, %.16g and %.17g that reads back, worked out
 * here by printf and strtod, as the reference for occ_format_exact(). */
static void
shortest_by_printf (char buf[G_ASCII_DTOSTR_BUF_SIZE], double value)
{
  static const char *const formats[] = { "%.15g", "%.16g", "%.17g" };

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_ascii_formatd (buf, G_ASCII_DTOSTR_BUF_SIZE, formats[i], value);
      if (g_ascii_strtod (buf, NULL) == value)
        return;
    }
}

static void
test_format_exact (void)
{
  static const struct
  {
    double value;
    const char *text;
  } cases[] = {
    { 2.0, "2" },       { 1.33, "1.33" },
    { -0.76, "-0.76" }, { 0.0, "0" },
    { -0.0, "0" },      { 1e-05, "1e-05" },
    { 1e20, "1e+20" },  { 0.1 + 0.2, "0.30000000000000004" },
    { 2.675, "2.675" }, { 1.0 / 3, "0.3333333333333333" },
  };
  GRand *rand = g_rand_new_with_seed (7);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = occ_format_exact (cases[i].value);
      g_assert_cmpstr (text, ==, cases[i].text);
    }
  /* Scores, means and random doubles of every magnitude, against the
   * reference, and each reads back as itself. */
  for (guint i = 0; i < 20000; i++)
    {
      double v = i < 10000 ? g_rand_int_range (rand, 0, 300001) / 1e5
                           : (g_rand_double (rand) - 0.5)
                               * pow (10, g_rand_int_range (rand, -30, 30));
      char want[G_ASCII_DTOSTR_BUF_SIZE];
      g_autofree char *text = occ_format_exact (v);

      shortest_by_printf (want, v == 0 ? 0.0 : v);
      g_assert_cmpstr (text, ==, want);
      g_assert_true (g_ascii_strtod (text, NULL) == v);
    }
  g_rand_free (rand);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/api/version", test_version);
  g_test_add_func ("/methodology/builtin-cco", test_builtin_cco);
  g_test_add_func ("/methodology/builtin-unknown", test_builtin_unknown);
  g_test_add_func ("/methodology/round-trip", test_methodology_round_trip);
  g_test_add_func ("/methodology/bands-rounding", test_bands_and_rounding);
  g_test_add_func ("/dataset/accessors", test_dataset_accessors);
  g_test_add_func ("/dataset/rating-columns", test_rating_columns);
  g_test_add_func ("/dataset/rating-details", test_rating_details);
  g_test_add_func ("/dataset/published-columns", test_published_columns);
  g_test_add_func ("/dataset/round-trip", test_round_trip);
  g_test_add_func ("/dataset/round-trip-peru", test_round_trip_peru);
  g_test_add_func ("/dataset/save-fails-cleanly", test_save_fails_cleanly);
  g_test_add_func ("/node/outlives-dataset", test_node_outlives_dataset);
  g_test_add_func ("/results/score-outlives-results",
                   test_score_outlives_results);
  g_test_add_func ("/results/list-model", test_results_list_model);
  g_test_add_func ("/results/json-finite", test_results_json_is_finite);
  g_test_add_func ("/text/format-exact", test_format_exact);
  return g_test_run ();
}

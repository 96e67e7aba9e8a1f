/* test-edges.c: edge cases of the loader, the writer and the accessors
 * that the data-driven cases (tests/rules, tests/faults) do not reach: the
 * kind of JSON value a type error reports, blank input, empty ids,
 * whole-number doubles, every escape the writer emits, the defaults of a
 * minimal methodology, optional out-arrays, and lookups in empty tables.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <glib/gstdio.h>
#include <string.h>

#include <occ/occ.h>

/* A small valid dataset; each test edits one exact piece of it. */
static const char base[] =
  "{\"format\": \"occ-dataset/1\", \"title\": \"t\", \"methodology\": \"cco-2024\","
  " \"countries\": [{\"id\": \"PE\", \"name\": \"Peru\"}],"
  " \"phases\": [{\"id\": \"2024\", \"label\": \"Phase 2\"}],"
  " \"framework\": [{\"id\": \"T\", \"label\": \"Theme\", \"children\": ["
  "   {\"id\": \"A\", \"label\": \"Commitment A\", \"weight\": 1},"
  "   {\"id\": \"B\", \"label\": \"Commitment B\"}]}],"
  " \"raters\": [{\"id\": \"r1\", \"name\": \"Org 1\", \"country\": \"PE\"}],"
  " \"ratings\": [{\"country\": \"PE\", \"phase\": \"2024\", \"node\": \"A\","
  "   \"rater\": \"r1\", \"scores\": {\"R\": 2, \"E\": null, \"S\": 0},"
  "   \"evidence\": [{\"kind\": \"practice\", \"ref\": \"x\"}]}],"
  " \"published\": [{\"country\": \"PE\", \"phase\": \"2024\", \"node\": \"B\","
  "   \"scores\": {\"R\": 1.5, \"E\": null, \"S\": 3}, \"inclusion\": 0.5}]}";

/* base with the one occurrence of @from replaced by @to. */
static char *
edited (const char *from, const char *to)
{
  g_autoptr (GString) text = g_string_new (base);

  g_assert_nonnull (strstr (base, from));
  g_assert_null (strstr (strstr (base, from) + 1, from));
  g_string_replace (text, from, to, 1);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static OccDataset *
load_ok (const char *data)
{
  g_autoptr (GError) error = NULL;
  OccDataset *dataset = occ_dataset_new_from_data (data, -1, &error);

  g_assert_no_error (error);
  g_assert_nonnull (dataset);
  return dataset;
}

/* @expected is "SOURCE: PATH: RULE": the message must be that with the
 * line and column the error carries after SOURCE, and the parts must be
 * those of occ_error_get_location() and the others. */
static void
assert_placed (const GError *error, const char *expected)
{
  const char *source = NULL;
  guint line = 0, column = 0;
  g_autofree char *placed = NULL;
  g_autofree char *sourceless = NULL;
  const char *rest;

  g_assert_true (occ_error_get_location (error, &source, &line, &column));
  g_assert_nonnull (source);
  g_assert_cmpuint (line, >, 0);
  g_assert_cmpuint (column, >, 0);
  /* A methodology's messages were written without their source. */
  if (g_str_has_prefix (expected, source))
    rest = expected + strlen (source);
  else
    rest = sourceless = g_strconcat (": ", expected, NULL);
  placed = g_strdup_printf ("%s:%u:%u%s", source, line, column, rest);
  g_assert_cmpstr (error->message, ==, placed);
  g_assert_true (g_str_has_suffix (rest, occ_error_get_rule (error)));
  g_assert_nonnull (strstr (rest, occ_error_get_path (error)));
}

/* Loading base edited from → to fails with @code and exactly @message. */
static void
assert_refused (const char *from, const char *to, OccError code,
                const char *message)
{
  g_autofree char *data = edited (from, to);
  g_autoptr (GError) error = NULL;
  g_autoptr (OccDataset) dataset = occ_dataset_new_from_data (data, -1,
                                                              &error);

  g_assert_null (dataset);
  g_assert_error (error, OCC_ERROR, (int) code);
  assert_placed (error, message);
}

static void
test_blank_input (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (OccDataset) dataset = occ_dataset_new_from_data (" \n\t", -1,
                                                              &error);

  g_assert_null (dataset);
  g_assert_error (error, OCC_ERROR, OCC_ERROR_SYNTAX);
  g_assert_cmpstr (error->message, ==,
                   "<data>:2:2: no JSON value in the input");
}

static void
test_type_errors_name_what_was_found (void)
{
  assert_refused ("\"title\": \"t\"", "\"title\": []", OCC_ERROR_TYPE,
                  "<data>: title: expected a string, found an array");
  assert_refused ("\"countries\": [{\"id\": \"PE\", \"name\": \"Peru\"}]",
                  "\"countries\": null", OCC_ERROR_TYPE,
                  "<data>: countries: expected an array, found null");
  assert_refused ("\"weight\": 1", "\"weight\": {}", OCC_ERROR_TYPE,
                  "<data>: framework[0].children[0].weight: expected a "
                  "number, found an object");
  assert_refused ("\"weight\": 1", "\"weight\": [1]", OCC_ERROR_TYPE,
                  "<data>: framework[0].children[0].weight: expected a "
                  "number, found an array");
  assert_refused ("\"inclusion\": 0.5", "\"inclusion\": \"half\"",
                  OCC_ERROR_TYPE,
                  "<data>: published[0].inclusion: expected a number, found "
                  "a string");
  assert_refused ("\"evidence\": [{\"kind\": \"practice\", \"ref\": \"x\"}]",
                  "\"evidence\": {\"kind\": \"practice\"}", OCC_ERROR_TYPE,
                  "<data>: ratings[0].evidence: expected an array, found an "
                  "object");
}

static void
test_published_must_be_an_array (void)
{
  g_autoptr (GString) text = g_string_new (base);
  g_autoptr (GError) error = NULL;
  g_autoptr (OccDataset) dataset = NULL;
  const char *published = strstr (text->str, ", \"published\"");

  /* Everything from "published" on becomes an object member. */
  g_string_truncate (text, (gsize) (published - text->str));
  g_string_append (text, ", \"published\": {}}");
  dataset = occ_dataset_new_from_data (text->str, -1, &error);
  g_assert_null (dataset);
  g_assert_error (error, OCC_ERROR, OCC_ERROR_TYPE);
  assert_placed (error,
                 "<data>: published: expected an array, found an object");
}

static void
test_empty_id (void)
{
  assert_refused ("{\"id\": \"PE\", \"name\": \"Peru\"}",
                  "{\"id\": \"\", \"name\": \"Peru\"}", OCC_ERROR_RANGE,
                  "<data>: countries[0].id: an id cannot be empty");
}

static void
test_whole_number_doubles (void)
{
  g_autofree char *data = edited ("\"R\": 2,", "\"R\": 2.0,");
  g_autoptr (OccDataset) dataset = load_ok (data);
  g_autofree guint8 *rated = NULL;
  g_autofree gint32 *scores = NULL;
  gsize n = 0;

  /* 2.0 is the whole number 2; 2.5 is not a score. */
  scores = occ_dataset_dup_rating_scores (dataset, 0, &rated, &n);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpint (scores[0], ==, 2);
  g_assert_cmpuint (rated[0], ==, 1);
  assert_refused ("\"R\": 2,", "\"R\": 2.5,", OCC_ERROR_RANGE,
                  "<data>: ratings[0].scores.R: 2.5 is not an integer");
}

static void
test_refused_without_error_location (void)
{
  /* A caller that passes no GError still gets NULL, and nothing leaks. */
  g_autofree char *data = edited ("\"R\": 2,", "\"R\": 9,");

  g_assert_null (occ_dataset_new_from_data (data, -1, NULL));
  g_assert_null (occ_dataset_new_from_data ("[", -1, NULL));
  g_assert_null (occ_methodology_new_from_data ("{\"id\": 1}", -1, NULL));
}

static void
test_writer_escapes_every_control_character (void)
{
  /* JSON text for a title with a quote, a backslash, CR, LF, tab, two
   * other control characters and non-ASCII text. */
  g_autofree char *data =
    edited ("\"title\": \"t\"",
            "\"title\": \"a\\\"b\\\\c\\rd\\ne\\tf\\u0001g\\u001fh\\u00e9\"");
  g_autoptr (OccDataset) dataset = load_ok (data);
  const char *title = occ_dataset_get_title (dataset);
  g_autofree char *saved = NULL;
  g_autoptr (OccDataset) again = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("occ-edges-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;

  g_assert_cmpstr (title, ==, "a\"b\\c\rd\ne\tf\001g\037h\303\251");
  saved = occ_dataset_to_data (dataset, NULL);
  g_assert_nonnull (strstr (
    saved, "\"title\": \"a\\\"b\\\\c\\rd\\ne\\tf\\u0001g\\u001fh\303\251\""));
  again = load_ok (saved);
  g_assert_cmpstr (occ_dataset_get_title (again), ==, title);

  /* The same bytes through a file. */
  g_assert_no_error (error);
  path = g_build_filename (dir, "escaped.json", NULL);
  g_assert_true (occ_dataset_save_to_file (dataset, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_cmpstr (contents, ==, saved);
  g_assert_cmpint (g_remove (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static const char minimal_methodology[] =
  "{\"id\": \"mini\", \"name\": \"Mini\", \"scale\": {\"min\": 0, \"max\": 3},"
  " \"criteria\": [{\"id\": \"R\"}]}";

static void
test_minimal_methodology_defaults (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (OccMethodology) m =
    occ_methodology_new_from_data (minimal_methodology, -1, &error);

  /* docs/format.md: label defaults to the id, weight to 1, aggregation to
   * mean at every level, min_raters to 1, precision to 2; no bands, no
   * population groups. */
  g_assert_no_error (error);
  g_assert_cmpuint (occ_methodology_get_n_criteria (m), ==, 1);
  g_assert_cmpstr (occ_methodology_get_criterion_label (m, 0), ==, "R");
  g_assert_cmpfloat (occ_methodology_get_criterion_weight (m, 0), ==, 1.0);
  for (OccLevel level = OCC_LEVEL_RATERS; level <= OCC_LEVEL_CHILDREN;
       level++)
    g_assert_cmpint (occ_methodology_get_aggregation (m, level), ==,
                     OCC_AGGREGATION_MEAN);
  g_assert_cmpuint (occ_methodology_get_min_raters (m), ==, 1);
  g_assert_cmpuint (occ_methodology_get_precision (m), ==, 2);
  g_assert_cmpuint (occ_methodology_get_n_bands (m), ==, 0);
  g_assert_null (occ_methodology_band_for_value (m, 2.0));
  g_assert_cmpuint (occ_methodology_get_n_population_groups (m), ==, 0);
}

static void
test_partial_aggregation (void)
{
  g_autoptr (GString) text = g_string_new (minimal_methodology);
  g_autoptr (GError) error = NULL;
  g_autoptr (OccMethodology) m = NULL;

  /* Only the raters' level named: the others stay mean. */
  g_string_truncate (text, text->len - 1);
  g_string_append (text, ", \"aggregation\": {\"raters\": \"median\"}}");
  m = occ_methodology_new_from_data (text->str, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (occ_methodology_get_aggregation (m, OCC_LEVEL_RATERS), ==,
                   OCC_AGGREGATION_MEDIAN);
  g_assert_cmpint (occ_methodology_get_aggregation (m, OCC_LEVEL_CRITERIA),
                   ==, OCC_AGGREGATION_MEAN);
  g_assert_cmpint (occ_methodology_get_aggregation (m, OCC_LEVEL_CHILDREN),
                   ==, OCC_AGGREGATION_MEAN);
}

static void
assert_methodology_refused (const char *member, OccError code,
                            const char *message)
{
  g_autoptr (GString) text = g_string_new (minimal_methodology);
  g_autoptr (GError) error = NULL;
  g_autoptr (OccMethodology) m = NULL;

  g_string_truncate (text, text->len - 1);
  g_string_append_printf (text, ", %s}", member);
  m = occ_methodology_new_from_data (text->str, -1, &error);
  g_assert_null (m);
  g_assert_error (error, OCC_ERROR, (int) code);
  assert_placed (error, message);
}

static void
test_methodology_type_errors (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (OccMethodology) m = NULL;

  assert_methodology_refused ("\"aggregation\": []", OCC_ERROR_TYPE,
                              "aggregation: expected an object, "
                              "found an array");
  assert_methodology_refused ("\"bands\": {}", OCC_ERROR_TYPE,
                              "bands: expected an array, found an "
                              "object");
  assert_methodology_refused ("\"population_groups\": \"x\"", OCC_ERROR_TYPE,
                              "population_groups: expected an array, "
                              "found a string");

  m = occ_methodology_new_from_data ("{", -1, &error);
  g_assert_null (m);
  g_assert_error (error, OCC_ERROR, OCC_ERROR_SYNTAX);
  g_assert_true (g_str_has_prefix (error->message, "<data>:1:"));
}

static void
test_optional_out_arrays (void)
{
  g_autoptr (OccDataset) dataset = load_ok (base);
  g_autoptr (OccResults) results = occ_results_new (dataset);
  g_autofree gint32 *rating_scores = NULL, *rating_scores_too = NULL;
  g_autofree double *published = NULL, *published_too = NULL;
  g_autofree double *values = NULL, *values_too = NULL;
  g_autofree guint8 *rated = NULL, *present = NULL, *has_value = NULL;
  gsize n = 0, n_too = 0;
  gsize n_nodes = 0, n_nodes_too = 0;

  /* Leaving out the optional mask gives the same values. E (criterion 1)
   * is null in both the rating and the published score: 0 in the values,
   * 0 in the mask. */
  rating_scores = occ_dataset_dup_rating_scores (dataset, 1, &rated, &n);
  rating_scores_too = occ_dataset_dup_rating_scores (dataset, 1, NULL,
                                                     &n_too);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpuint (n_too, ==, n);
  g_assert_cmpint (rating_scores[0], ==, 0);
  g_assert_cmpuint (rated[0], ==, 0);
  g_assert_cmpmem (rating_scores, n * sizeof (gint32), rating_scores_too,
                   n_too * sizeof (gint32));

  published = occ_dataset_dup_published_scores (dataset, 1, &present, &n);
  published_too = occ_dataset_dup_published_scores (dataset, 1, NULL, &n_too);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpuint (n_too, ==, n);
  g_assert_cmpfloat (published[0], ==, 0.0);
  g_assert_cmpuint (present[0], ==, 0);
  g_assert_cmpmem (published, n * sizeof (double), published_too,
                   n_too * sizeof (double));

  values = occ_results_dup_values (results, 0, 0, -1, &has_value, &n_nodes);
  values_too = occ_results_dup_values (results, 0, 0, -1, NULL, &n_nodes_too);
  g_assert_cmpuint (n_nodes, ==, occ_dataset_get_n_nodes (dataset));
  g_assert_cmpuint (n_nodes_too, ==, n_nodes);
  g_assert_cmpmem (values, n_nodes * sizeof (double), values_too,
                   n_nodes_too * sizeof (double));
}

static void
test_lookups_in_empty_tables (void)
{
  /* No raters and no ratings: lookups find nothing rather than fail. */
  g_autoptr (GString) text = g_string_new (base);
  g_autoptr (OccDataset) dataset = NULL;
  const char *raters = strstr (text->str, " \"raters\"");
  const char *published = strstr (text->str, " \"published\"");

  g_string_erase (text, raters - text->str, published - raters);
  dataset = load_ok (text->str);
  g_assert_cmpuint (occ_dataset_get_n_raters (dataset), ==, 0);
  g_assert_cmpuint (occ_dataset_get_n_ratings (dataset), ==, 0);
  g_assert_cmpint (occ_dataset_lookup_rater (dataset, "r1"), ==, -1);
  g_assert_cmpint (occ_dataset_lookup_country (dataset, "PE"), ==, 0);
  g_assert_cmpuint (occ_dataset_get_n_published (dataset), ==, 1);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/edges/loader/blank-input", test_blank_input);
  g_test_add_func ("/edges/loader/type-errors-name-what-was-found",
                   test_type_errors_name_what_was_found);
  g_test_add_func ("/edges/loader/published-must-be-an-array",
                   test_published_must_be_an_array);
  g_test_add_func ("/edges/loader/empty-id", test_empty_id);
  g_test_add_func ("/edges/loader/whole-number-doubles",
                   test_whole_number_doubles);
  g_test_add_func ("/edges/loader/refused-without-error-location",
                   test_refused_without_error_location);
  g_test_add_func ("/edges/writer/escapes-every-control-character",
                   test_writer_escapes_every_control_character);
  g_test_add_func ("/edges/methodology/minimal-defaults",
                   test_minimal_methodology_defaults);
  g_test_add_func ("/edges/methodology/partial-aggregation",
                   test_partial_aggregation);
  g_test_add_func ("/edges/methodology/type-errors",
                   test_methodology_type_errors);
  g_test_add_func ("/edges/accessors/optional-out-arrays",
                   test_optional_out_arrays);
  g_test_add_func ("/edges/accessors/lookups-in-empty-tables",
                   test_lookups_in_empty_tables);
  return g_test_run ();
}

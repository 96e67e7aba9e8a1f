/* test-labels.c: what occ-v1 revision 2 adds to loading: labels in other
 * languages, named levels, built-in ids that keep their rules, and
 * ratings that do or do not record population groups.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <occ/occ.h>
#include <string.h>

/* Labels on every labelled object; one rating records no groups, one
 * records "none", one marks a group. */
static const char labelled_dataset[] =
  "{\"format\": \"occ-dataset/1\", \"title\": \"Labels\","
  " \"methodology\": {\"id\": \"obs-gt\", \"name\": \"Observatory\","
  "  \"labels\": {\"es\": \"Observatorio\", \"pt-BR\": \"Observat\\u00f3rio\"},"
  "  \"scale\": {\"min\": 0, \"max\": 3},"
  "  \"criteria\": [{\"id\": \"R\", \"label\": \"Relevance\","
  "                 \"labels\": {\"es\": \"Relevancia\"}}],"
  "  \"bands\": [{\"label\": \"low\", \"from\": 0, \"labels\": {\"es\": \"bajo\"}},"
  "            {\"label\": \"high\", \"from\": 2}],"
  "  \"levels\": [{\"label\": \"Summit\", \"labels\": {\"es\": \"Cumbre\"}},"
  "             {\"label\": \"Commitment\"}],"
  "  \"population_groups\": [{\"id\": \"women\", \"label\": \"Women\","
  "                          \"labels\": {\"es\": \"Mujeres\"}},"
  "                         {\"id\": \"youth\"}]},"
  " \"countries\": [{\"id\": \"GT\", \"name\": \"Guatemala\","
  "                 \"labels\": {\"fr\": \"Guatemala (fr)\"}}, {\"id\": \"PE\"}],"
  " \"phases\": [{\"id\": \"p1\", \"label\": \"Phase 1\","
  "              \"labels\": {\"es\": \"Fase 1\"}}],"
  " \"framework\": [{\"id\": \"S\", \"label\": \"Summit S\","
  "   \"labels\": {\"es\": \"Cumbre S\", \"ES-mx\": \"Cumbre S (MX)\"},"
  "   \"children\": [{\"id\": \"S.1\", \"label\": \"Commitment 1\"}]}],"
  " \"raters\": [{\"id\": \"r1\"}, {\"id\": \"r2\"}, {\"id\": \"r3\"}],"
  " \"ratings\": ["
  "  {\"country\": \"GT\", \"phase\": \"p1\", \"node\": \"S.1\", \"rater\": \"r1\","
  "   \"scores\": {\"R\": 3}},"
  "  {\"country\": \"GT\", \"phase\": \"p1\", \"node\": \"S.1\", \"rater\": \"r2\","
  "   \"scores\": {\"R\": 2}, \"groups\": []},"
  "  {\"country\": \"GT\", \"phase\": \"p1\", \"node\": \"S.1\", \"rater\": \"r3\","
  "   \"scores\": {\"R\": 2}, \"groups\": [\"women\"]}]}";

static OccDataset *
load (const char *text)
{
  g_autoptr (GError) error = NULL;
  OccDataset *dataset = occ_dataset_new_from_data (text, -1, &error);

  g_assert_no_error (error);
  return dataset;
}

static void
test_lookup_and_fallback (void)
{
  g_autoptr (OccDataset) ds = load (labelled_dataset);
  OccMethodology *m = occ_dataset_get_methodology (ds);
  OccNode *s = occ_dataset_lookup_node (ds, "S");
  OccNode *s1 = occ_dataset_lookup_node (ds, "S.1");

  g_assert_cmpstr (occ_methodology_get_localized_name (m, "es"), ==,
                   "Observatorio");
  /* A regional tag falls back to its language; tags ignore case. */
  g_assert_cmpstr (occ_methodology_get_localized_name (m, "es-GT"), ==,
                   "Observatorio");
  g_assert_cmpstr (occ_methodology_get_localized_name (m, "PT-br"), ==,
                   "Observat\u00f3rio");
  /* pt alone is not pt-BR: the label. */
  g_assert_cmpstr (occ_methodology_get_localized_name (m, "pt"), ==,
                   "Observatory");
  g_assert_cmpstr (occ_methodology_get_localized_name (m, NULL), ==,
                   "Observatory");
  g_assert_cmpstr (occ_methodology_get_localized_criterion_label (m, 0, "es"),
                   ==, "Relevancia");
  g_assert_cmpstr (occ_methodology_get_localized_criterion_label (m, 0, "fr"),
                   ==, "Relevance");
  g_assert_cmpstr (occ_methodology_get_localized_band_label (m, 0, "es"), ==,
                   "bajo");
  g_assert_cmpstr (occ_methodology_get_localized_band_label (m, 1, "es"), ==,
                   "high");
  g_assert_cmpint (occ_methodology_lookup_band (m, "high"), ==, 1);
  g_assert_cmpint (occ_methodology_lookup_band (m, "medium"), ==, -1);
  g_assert_cmpstr (
    occ_methodology_get_localized_population_group_label (m, 0, "es"), ==,
    "Mujeres");
  /* A group without a label is labelled by its id, in every language. */
  g_assert_cmpstr (
    occ_methodology_get_localized_population_group_label (m, 1, "es"), ==,
    "youth");
  g_assert_cmpuint (occ_methodology_get_n_levels (m), ==, 2);
  g_assert_cmpstr (occ_methodology_get_level_label (m, 0, "es"), ==,
                   "Cumbre");
  g_assert_cmpstr (occ_methodology_get_level_label (m, 1, "es"), ==,
                   "Commitment");
  g_assert_null (occ_methodology_get_level_label (m, 2, NULL));
  g_assert_cmpstr (occ_node_get_localized_label (s, "es"), ==, "Cumbre S");
  g_assert_cmpstr (occ_node_get_localized_label (s, "es-MX"), ==,
                   "Cumbre S (MX)");
  g_assert_cmpstr (occ_node_get_localized_label (s, "es-AR"), ==, "Cumbre S");
  g_assert_cmpstr (occ_node_get_localized_label (s1, "es"), ==,
                   "Commitment 1");
  g_assert_cmpstr (occ_dataset_get_localized_country_name (ds, 0, "fr"), ==,
                   "Guatemala (fr)");
  g_assert_cmpstr (occ_dataset_get_localized_country_name (ds, 0, "es"), ==,
                   "Guatemala");
  g_assert_null (occ_dataset_get_localized_country_name (ds, 1, "es"));
  g_assert_cmpstr (occ_dataset_get_localized_phase_label (ds, 0, "es"), ==,
                   "Fase 1");
}

/* The built-in methodology speaks the observatories' languages. */
static void
test_builtin_labels (void)
{
  g_autoptr (OccMethodology) m = occ_methodology_new_builtin ("cco-2024",
                                                              NULL);
  static const char *const levels[] = { "Summit", "Theme", "Commitment",
                                        "Sub-commitment" };

  g_assert_cmpuint (occ_methodology_get_n_levels (m), ==, 4);
  for (guint d = 0; d < 4; d++)
    g_assert_cmpstr (occ_methodology_get_level_label (m, d, NULL), ==,
                     levels[d]);
  g_assert_cmpstr (occ_methodology_get_level_label (m, 2, "es"), ==,
                   "Compromiso");
  g_assert_cmpstr (occ_methodology_get_level_label (m, 2, "pt"), ==,
                   "Compromisso");
  g_assert_cmpstr (occ_methodology_get_level_label (m, 2, "fr"), ==,
                   "Engagement");
  g_assert_cmpstr (occ_methodology_get_localized_criterion_label (m, 2, "pt"),
                   ==, "Sustentabilidade");
  g_assert_cmpstr (occ_methodology_get_localized_band_label (m, 2, "es"), ==,
                   "medio-alto");
  g_assert_cmpstr (occ_methodology_get_localized_band_label (m, 3, "fr"), ==,
                   "\u00e9lev\u00e9");
  for (guint g = 0; g < occ_methodology_get_n_population_groups (m); g++)
    for (guint l = 0; l < 3; l++)
      {
        const char *lang = (const char *[]){ "es", "pt", "fr" }[l];
        g_assert_cmpstr (
          occ_methodology_get_localized_population_group_label (m, g, lang),
          !=, occ_methodology_get_population_group_label (m, g));
      }
}

/* load → save → load keeps every label, byte for byte. */
static void
test_labels_round_trip (void)
{
  g_autoptr (OccDataset) ds = load (labelled_dataset);
  g_autofree char *text = occ_dataset_to_data (ds, NULL);
  g_autoptr (OccDataset) again = load (text);
  g_autofree char *text_again = occ_dataset_to_data (again, NULL);
  g_autoptr (OccMethodology) builtin =
    occ_methodology_new_builtin ("cco-2024", NULL);
  g_autofree char *methodology = occ_methodology_to_data (builtin, NULL);

  g_assert_cmpstr (text, ==, text_again);
  g_assert_nonnull (strstr (text, "\"ES-mx\": \"Cumbre S (MX)\""));
  g_assert_nonnull (strstr (text, "\"pt-BR\": \"Observat\u00f3rio\""));
  g_assert_nonnull (strstr (text, "\"Fase 1\""));
  g_assert_nonnull (strstr (text, "\"Guatemala (fr)\""));
  g_assert_nonnull (strstr (text, "\"Cumbre\""));
  g_assert_nonnull (strstr (text, "\"Mujeres\""));
  g_assert_nonnull (strstr (text, "\"bajo\""));
  /* What `occ methodology` prints has the levels and the labels. */
  g_assert_nonnull (strstr (methodology, "\"levels\""));
  g_assert_nonnull (strstr (methodology, "\"Sostenibilidad\""));
}

/* occ-v1 §2, §4.6: no `groups` records nothing, `[]` records none. */
static void
test_records_groups (void)
{
  g_autoptr (OccDataset) ds = load (labelled_dataset);
  g_autofree char *text = occ_dataset_to_data (ds, NULL);
  g_autoptr (OccResults) results = occ_results_new (ds);
  g_autoptr (OccScore) leaf = occ_results_lookup (results, "GT", "p1", "S.1");
  gsize n_groups;
  double inclusion;

  g_assert_false (occ_dataset_get_rating_records_groups (ds, 0));
  g_assert_true (occ_dataset_get_rating_records_groups (ds, 1));
  g_assert_true (occ_dataset_get_rating_records_groups (ds, 2));
  occ_dataset_get_rating_groups (ds, 0, &n_groups);
  g_assert_cmpuint (n_groups, ==, 0);
  /* 1 marked of 2 recording ratings × 2 groups; r1 is on neither side. */
  g_assert_true (occ_score_get_inclusion (leaf, &inclusion));
  g_assert_cmpfloat (inclusion, ==, 0.25);
  /* The save keeps the difference: r1 without `groups`, r2 with []. */
  g_assert_nonnull (strstr (text, "\"groups\": []"));
  {
    const char *r1 = strstr (text, "\"rater\": \"r1\"");
    const char *r2 = strstr (text, "\"rater\": \"r2\"");
    g_autofree char *between = g_strndup (r1, (gsize) (r2 - r1));
    g_assert_null (strstr (between, "\"groups\""));
  }
}

static void
assert_refused (const char *methodology, OccError code, const char *place)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (OccMethodology) m = occ_methodology_new_from_data (methodology,
                                                                -1, &error);

  g_assert_null (m);
  g_assert_error (error, OCC_ERROR, (gint) code);
  /* <data>:LINE:COLUMN: PLACE */
  if (!g_str_has_prefix (error->message, "<data>:")
      || strstr (error->message, place) == NULL
      || strncmp (occ_error_get_path (error), place,
                  strlen (occ_error_get_path (error)))
           != 0
      || !occ_error_get_location (error, NULL, NULL, NULL))
    g_error ("expected the message to name %s at a line and column: %s",
             place, error->message);
}

/* occ-v1 §3: a built-in id keeps its rules; names and labels may
 * change. */
static void
test_builtin_id_reused (void)
{
  g_autoptr (OccMethodology) builtin =
    occ_methodology_new_builtin ("cco-2024", NULL);
  g_autofree char *text = occ_methodology_to_data (builtin, NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (OccMethodology) same = occ_methodology_new_from_data (text, -1,
                                                                   &error);
  GString *changed = g_string_new (text);
  g_autofree char *renamed = NULL, *reweighted = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (same);
  g_string_replace (changed, "\"Citizen Corruption Observatory",
                    "\"Another name for the Observatory", 1);
  g_string_replace (changed, "\"Relevancia\"", "\"Pertinencia\"", 1);
  renamed = g_string_free (changed, FALSE);
  g_clear_object (&same);
  same = occ_methodology_new_from_data (renamed, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (occ_methodology_get_name (same), ==,
                   "Another name for the Observatory, Phase 2 (2024)");
  changed = g_string_new (text);
  g_string_replace (changed, "\"from\": 2.5", "\"from\": 2.6", 1);
  reweighted = g_string_free (changed, FALSE);
  assert_refused (reweighted, OCC_ERROR_DUPLICATE, "bands[2].from: 2.6 ");
  assert_refused (
    "{\"id\": \"cco-2024\", \"scale\": {\"min\": 0, \"max\": 3},"
    " \"criteria\": [{\"id\": \"R\"}]}",
    OCC_ERROR_DUPLICATE, "criteria: 1 where");
  assert_refused ("{\"id\": \"mine\", \"scale\": {\"min\": 0, \"max\": 3},"
                  " \"criteria\": [{\"id\": \"R\"}],"
                  " \"bands\": [{\"label\": \"x\", \"from\": 0.5}]}",
                  OCC_ERROR_STRUCTURE, "bands[0].from: ");
  assert_refused (
    "{\"id\": \"mine\", \"scale\": {\"min\": 0, \"max\": 3},"
    " \"criteria\": [{\"id\": \"R\"}],"
    " \"levels\": [{\"label\": \"L\", \"labels\": {\"not a tag\": \"x\"}}]}",
    OCC_ERROR_RANGE, "levels[0].labels.not a tag: ");
  /* An id that a reader could not tell from the built-in's. */
  for (guint i = 0; i < 3; i++)
    {
      const char *lookalike = (const char *[]){ "CCO-2024", "cco-2024 ",
                                                " Cco-2024" }[i];
      g_autofree char *from = g_strdup_printf ("\"id\": \"%s\"", lookalike);
      GString *other = g_string_new (reweighted);
      g_autofree char *text_other = NULL;

      g_string_replace (other, "\"id\": \"cco-2024\"", from, 1);
      text_other = g_string_free (other, FALSE);
      assert_refused (text_other, OCC_ERROR_DUPLICATE,
                      "bands[2].from: 2.6 where the built-in methodology "
                      "\"cco-2024\" has 2.5");
    }
}

/* Messages stay UTF-8 and name the place, whatever the input. */
static void
test_label_faults (void)
{
  g_autoptr (OccMethodology) builtin =
    occ_methodology_new_builtin ("cco-2024", NULL);
  g_autofree char *text = occ_methodology_to_data (builtin, NULL);
  GString *changed = g_string_new (text);
  g_autofree char *long_label = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (OccMethodology) m = NULL;

  /* A band label of 39 ASCII letters and two-byte letters after them: the
   * message quotes 40 characters, never half of one. */
  g_string_replace (
    changed, "\"label\": \"high\"",
    "\"label\": \"hhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhh\u00e9\u00e9\u00e9\"",
    1);
  long_label = g_string_free (changed, FALSE);
  m = occ_methodology_new_from_data (long_label, -1, &error);
  g_assert_null (m);
  g_assert_error (error, OCC_ERROR, OCC_ERROR_DUPLICATE);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  g_assert_nonnull (strstr (error->message, "bands[3].label: \"hhh"));
  g_assert_nonnull (strstr (error->message, "h\u00e9\" where"));
  assert_refused ("{\"id\": \"mine\", \"scale\": {\"min\": 0, \"max\": 3},"
                  " \"criteria\": [{\"id\": \"R\", \"labels\": null}]}",
                  OCC_ERROR_TYPE, "criteria[0].labels: ");
  assert_refused ("{\"id\": \"mine\", \"scale\": {\"min\": 0, \"max\": 3},"
                  " \"criteria\": [{\"id\": \"R\","
                  " \"labels\": {\"es\": \"a\", \"ES\": \"b\"}}]}",
                  OCC_ERROR_DUPLICATE, "criteria[0].labels.ES: ");
  assert_refused ("{\"id\": \"mine\", \"scale\": {\"min\": 0, \"max\": 3},"
                  " \"criteria\": [{\"id\": \"R\"}], \"levels\": [{}]}",
                  OCC_ERROR_TYPE, "levels[0].label: ");
  assert_refused (
    "{\"id\": \"mine\", \"scale\": {\"min\": 0, \"max\": 3},"
    " \"criteria\": [{\"id\": \"R\"}], \"levels\": [{\"label\": 3}]}",
    OCC_ERROR_TYPE, "levels[0].label: ");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/labels/lookup-and-fallback", test_lookup_and_fallback);
  g_test_add_func ("/labels/builtin", test_builtin_labels);
  g_test_add_func ("/labels/round-trip", test_labels_round_trip);
  g_test_add_func ("/groups/recorded", test_records_groups);
  g_test_add_func ("/methodology/builtin-id-reused", test_builtin_id_reused);
  g_test_add_func ("/labels/faults", test_label_faults);
  return g_test_run ();
}

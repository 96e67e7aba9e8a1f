/* test-rules.c: the scoring rules of occ-v1 §4, one case file at a time
 *
 * Each file of tests/rules/ is one scenario: a complete occ-dataset/1
 * document and the scores it must produce, computed by hand (see the
 * file's "description"). This program adds one test per file, in name
 * order, and checks only the fields a file lists, through the public API.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <math.h>
#include <string.h>

#include <json-glib/json-glib.h>
#include <occ/occ.h>

#define DEFAULT_TOLERANCE 1e-9

/* Where a check happens, for the failure message. */
typedef struct
{
  const char *file;
  char *where;
  double tolerance;
} Ctx;

static void fail (const Ctx *ctx, const char *format, ...)
  G_GNUC_PRINTF (2, 3);

static void
fail (const Ctx *ctx, const char *format, ...)
{
  g_autofree char *what = NULL;
  va_list args;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);
  g_printerr ("FAIL %s: %s: %s\n", ctx->file, ctx->where, what);
  g_test_fail ();
}

static gboolean
is_null (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_NULL (node);
}

static gboolean
flag (JsonObject *object, const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  return node != NULL && JSON_NODE_HOLDS_VALUE (node)
         && json_node_get_boolean (node);
}

/* Refuse misspelt keys in the case files, so a check is never skipped
 * silently. */
static void
check_keys (const Ctx *ctx, JsonObject *object, const char *const *known)
{
  JsonObjectIter iter;
  const char *name;
  JsonNode *value;

  json_object_iter_init (&iter, object);
  while (json_object_iter_next (&iter, &name, &value))
    if (!g_strv_contains (known, name))
      fail (ctx, "unknown key \"%s\" in the case file", name);
}

static void
check_number (const Ctx *ctx, const char *field, gboolean have, double actual,
              JsonNode *expected)
{
  double want;

  if (is_null (expected))
    {
      if (have)
        fail (ctx, "%s: expected none, got %.17g", field, actual);
      return;
    }
  want = json_node_get_double (expected);
  if (!have)
    fail (ctx, "%s: expected %.17g, got none", field, want);
  else if (!(fabs (actual - want) <= ctx->tolerance))
    fail (ctx, "%s: expected %.17g, got %.17g (difference %.3g)", field, want,
          actual, actual - want);
}

static void
check_int (const Ctx *ctx, const char *field, gint64 actual,
           JsonNode *expected, gint64 when_null)
{
  gint64 want = is_null (expected) ? when_null : json_node_get_int (expected);

  if (actual != want)
    fail (ctx, "%s: expected %" G_GINT64_FORMAT ", got %" G_GINT64_FORMAT,
          field, want, actual);
}

static void
check_string (const Ctx *ctx, const char *field, const char *actual,
              JsonNode *expected)
{
  const char *want = is_null (expected) ? NULL
                                        : json_node_get_string (expected);

  if (g_strcmp0 (actual, want) != 0)
    fail (ctx, "%s: expected %s%s%s, got %s%s%s", field, want ? "\"" : "",
          want ? want : "none", want ? "\"" : "", actual ? "\"" : "",
          actual ? actual : "none", actual ? "\"" : "");
}

static void
check_criterion (const Ctx *ctx, OccScore *score, guint c, const char *id,
                 JsonObject *want)
{
  /* clang-format off */
  static const char *const known[] = { "value", "n", "band", "delta",
                                       "no_delta", "absent", NULL };
  g_autofree char *v_field = g_strdup_printf ("criteria.%s.value", id);
  g_autofree char *n_field = g_strdup_printf ("criteria.%s.n", id);
  g_autofree char *b_field = g_strdup_printf ("criteria.%s.band", id);
  g_autofree char *d_field = g_strdup_printf ("criteria.%s.delta", id);
  JsonNode *node;
  double value = 0, delta = 0;
  gboolean have;

  check_keys (ctx, want, known);
  have = occ_score_get_criterion_value (score, c, &value);
  if (flag (want, "absent"))
    {
      if (have)
        fail (ctx, "%s: expected no score, got %.17g", v_field, value);
      if (occ_score_get_criterion_band (score, c) != NULL)
        fail (ctx, "%s: expected none for an absent score", b_field);
      return;
    }
  if ((node = json_object_get_member (want, "value")))
    check_number (ctx, v_field, have, value, node);
  if ((node = json_object_get_member (want, "n")))
    check_int (ctx, n_field, occ_score_get_criterion_n (score, c), node, -1);
  if ((node = json_object_get_member (want, "band")))
    check_string (ctx, b_field, occ_score_get_criterion_band (score, c), node);
  have = occ_score_get_criterion_delta (score, c, &delta);
  if ((node = json_object_get_member (want, "delta")))
    check_number (ctx, d_field, have, delta, node);
  if (flag (want, "no_delta") && have)
    fail (ctx, "%s: expected none, got %.17g", d_field, delta);
}

static void
check_criteria (const Ctx *ctx, OccMethodology *m, OccScore *score,
                JsonObject *criteria)
{
  JsonObjectIter iter;
  const char *id;
  JsonNode *want;

  json_object_iter_init (&iter, criteria);
  while (json_object_iter_next (&iter, &id, &want))
    {
      int c = occ_methodology_lookup_criterion (m, id);

      if (c < 0)
        fail (ctx, "criteria.%s: the methodology has no such criterion", id);
      else
        check_criterion (ctx, score, (guint) c, id, json_node_get_object (want));
    }
}

/* The fields shared by node scores and country scores. */
static void
check_score (const Ctx *ctx, OccMethodology *m, OccScore *score,
             JsonObject *want)
{
  JsonNode *node;
  double value = 0, delta = 0, inclusion = 0;
  gboolean have_value = occ_score_get_value (score, &value);
  gboolean have_delta = occ_score_get_delta (score, &delta);
  gboolean have_inclusion = occ_score_get_inclusion (score, &inclusion);

  if ((node = json_object_get_member (want, "value")))
    check_number (ctx, "value", have_value, value, node);
  if (flag (want, "no_value") && have_value)
    fail (ctx, "value: expected none, got %.17g", value);
  if ((node = json_object_get_member (want, "band")))
    check_string (ctx, "band", occ_score_get_band (score), node);
  if ((node = json_object_get_member (want, "delta")))
    check_number (ctx, "delta", have_delta, delta, node);
  if (flag (want, "no_delta") && have_delta)
    fail (ctx, "delta: expected none, got %.17g", delta);
  /* A country's rank among countries is its country_rank (its rank, as a
   * node's among peers, is 0). */
  if ((node = json_object_get_member (want, "rank")))
    check_int (ctx, "rank",
               occ_score_get_node (score) == NULL
                 ? occ_score_get_country_rank (score)
                 : occ_score_get_rank (score),
               node, 0);
  if ((node = json_object_get_member (want, "country_rank")))
    check_int (ctx, "country_rank", occ_score_get_country_rank (score), node,
               0);
  if ((node = json_object_get_member (want, "inclusion")))
    check_number (ctx, "inclusion", have_inclusion, inclusion, node);
  if (flag (want, "no_inclusion") && have_inclusion)
    fail (ctx, "inclusion: expected none, got %.17g", inclusion);
  if ((node = json_object_get_member (want, "missing_children")))
    check_int (ctx, "missing_children",
               occ_score_get_missing_children (score), node, -1);
  if ((node = json_object_get_member (want, "criteria")))
    check_criteria (ctx, m, score, json_node_get_object (node));
}

static const char *
member_string (JsonObject *object, const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  return node && JSON_NODE_HOLDS_VALUE (node) ? json_node_get_string (node)
                                               : NULL;
}

static double
tolerance_of (JsonObject *object, double fallback)
{
  JsonNode *node = json_object_get_member (object, "tolerance");

  return node ? json_node_get_double (node) : fallback;
}

static void
check_expect (Ctx *ctx, OccResults *results, OccMethodology *m, JsonArray *list)
{
  static const char *const known[] = {
    "country", "phase", "node", "value", "no_value", "band", "delta",
    "no_delta", "rank", "country_rank", "inclusion", "no_inclusion",
    "missing_children", "criteria", "absent", "tolerance", NULL
  };
  /* clang-format on */
  double file_tolerance = ctx->tolerance;

  for (guint i = 0; i < json_array_get_length (list); i++)
    {
      JsonObject *want = json_array_get_object_element (list, i);
      const char *country = member_string (want, "country");
      const char *phase = member_string (want, "phase");
      const char *node = member_string (want, "node");
      g_autoptr (OccScore) score = NULL;

      ctx->where = g_strdup_printf ("expect[%u] (%s, %s, %s)", i, country,
                                    phase, node);
      ctx->tolerance = tolerance_of (want, file_tolerance);
      check_keys (ctx, want, known);
      score = occ_results_lookup (results, country, phase, node);
      if (flag (want, "absent"))
        {
          if (score != NULL)
            fail (ctx, "expected no score at all, but lookup found one");
        }
      else if (score == NULL)
        fail (ctx, "occ_results_lookup() returned NULL");
      else
        {
          if (g_strcmp0 (occ_score_get_node_id (score), node) != 0)
            fail (ctx, "the score is for node %s",
                  occ_score_get_node_id (score));
          check_score (ctx, m, score, want);
        }
      g_clear_pointer (&ctx->where, g_free);
    }
  ctx->tolerance = file_tolerance;
}

static void
check_countries (Ctx *ctx, OccResults *results, OccMethodology *m,
                 JsonArray *list)
{
  static const char *const known[] = {
    "country", "phase",     "value", "no_value",  "band",
    "delta",   "no_delta",  "rank",  "inclusion", "no_inclusion",
    "absent",  "tolerance", NULL
  };
  double file_tolerance = ctx->tolerance;

  for (guint i = 0; i < json_array_get_length (list); i++)
    {
      JsonObject *want = json_array_get_object_element (list, i);
      const char *country = member_string (want, "country");
      const char *phase = member_string (want, "phase");
      g_autoptr (OccScore) score = NULL;

      ctx->where = g_strdup_printf ("countries[%u] (%s, %s)", i, country,
                                    phase);
      ctx->tolerance = tolerance_of (want, file_tolerance);
      check_keys (ctx, want, known);
      score = occ_results_lookup_country (results, country, phase);
      if (flag (want, "absent"))
        {
          if (score != NULL)
            fail (ctx, "expected no country score, but lookup found one");
        }
      else if (score == NULL)
        fail (ctx, "occ_results_lookup_country() returned NULL");
      else
        check_score (ctx, m, score, want);
      g_clear_pointer (&ctx->where, g_free);
    }
  ctx->tolerance = file_tolerance;
}

static int
compare_strings (gconstpointer a, gconstpointer b)
{
  return g_strcmp0 (*(const char *const *) a, *(const char *const *) b);
}

static char *
join_sorted (GPtrArray *ids)
{
  g_ptr_array_sort (ids, compare_strings);
  g_ptr_array_add (ids, NULL);
  return g_strjoinv (", ", (char **) ids->pdata);
}

/* "best" and "worst": compare the sets of node ids. */
static void
check_extremes (Ctx *ctx, OccResults *results, JsonArray *list, gboolean best)
{
  static const char *const known[] = { "country", "phase", "peer", "nodes",
                                       NULL };

  for (guint i = 0; i < json_array_get_length (list); i++)
    {
      JsonObject *want = json_array_get_object_element (list, i);
      const char *country = member_string (want, "country");
      const char *phase = member_string (want, "phase");
      const char *peer = member_string (want, "peer");
      JsonArray *nodes = json_object_get_array_member (want, "nodes");
      g_autoptr (GListModel) model = NULL;
      g_autoptr (GPtrArray) got = g_ptr_array_new ();
      g_autoptr (GPtrArray) expected = g_ptr_array_new ();
      g_autofree char *got_text = NULL;
      g_autofree char *expected_text = NULL;

      ctx->where = g_strdup_printf ("%s[%u] (%s, %s, peer %s)",
                                    best ? "best" : "worst", i, country,
                                    phase, peer ? peer : "top level");
      check_keys (ctx, want, known);
      model = best ? occ_results_get_best (results, country, phase, peer)
                   : occ_results_get_worst (results, country, phase, peer);
      for (guint k = 0; k < g_list_model_get_n_items (model); k++)
        {
          g_autoptr (OccScore) score = g_list_model_get_item (model, k);
          g_ptr_array_add (got, (gpointer) occ_score_get_node_id (score));
        }
      for (guint k = 0; k < json_array_get_length (nodes); k++)
        g_ptr_array_add (expected,
                         (gpointer) json_array_get_string_element (nodes, k));
      got_text = join_sorted (got);
      expected_text = join_sorted (expected);
      if (!g_str_equal (got_text, expected_text))
        fail (ctx, "nodes: expected {%s}, got {%s}", expected_text, got_text);
      g_clear_pointer (&ctx->where, g_free);
    }
}

static JsonArray *
optional_array (JsonObject *object, const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  return node && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node)
                                              : NULL;
}

static void
test_rule_case (gconstpointer data)
{
  const char *path = data;
  g_autofree char *file = g_path_get_basename (path);
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (OccDataset) dataset = NULL;
  g_autoptr (OccResults) results = NULL;
  g_autofree char *text = NULL;
  static const char *const known[] = { "description", "dataset", "expect",
                                       "countries",   "best",    "worst",
                                       "tolerance",   NULL };
  Ctx ctx = { file, NULL, DEFAULT_TOLERANCE };
  JsonObject *root;
  JsonArray *list;
  OccMethodology *m;

  if (!json_parser_load_from_file (parser, path, &error))
    g_error ("%s: cannot read the case file: %s", file, error->message);
  root = json_node_get_object (json_parser_get_root (parser));
  ctx.where = g_strdup ("(case)");
  check_keys (&ctx, root, known);
  g_clear_pointer (&ctx.where, g_free);
  ctx.tolerance = tolerance_of (root, DEFAULT_TOLERANCE);
  g_test_message ("%s: %s", file, member_string (root, "description"));

  text = json_to_string (json_object_get_member (root, "dataset"), FALSE);
  dataset = occ_dataset_new_from_data (text, -1, &error);
  if (dataset == NULL)
    {
      g_printerr ("FAIL %s: the dataset does not load: %s\n", file,
                  error->message);
      g_test_fail ();
      return;
    }
  results = occ_results_new (dataset);
  g_assert_nonnull (results);
  m = occ_dataset_get_methodology (dataset);

  if ((list = optional_array (root, "expect")))
    check_expect (&ctx, results, m, list);
  if ((list = optional_array (root, "countries")))
    check_countries (&ctx, results, m, list);
  if ((list = optional_array (root, "best")))
    check_extremes (&ctx, results, list, TRUE);
  if ((list = optional_array (root, "worst")))
    check_extremes (&ctx, results, list, FALSE);
}

static char *
rules_dir (void)
{
  const char *srcdir = g_getenv ("OCC_SRCDIR");

  return g_build_filename (srcdir ? srcdir : OCC_TEST_SRCDIR, "tests",
                           "rules", NULL);
}

int
main (int argc, char **argv)
{
  g_autofree char *dir_path = rules_dir ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GDir) dir = NULL;
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_test_init (&argc, &argv, NULL);

  dir = g_dir_open (dir_path, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)))
    if (g_str_has_suffix (name, ".json"))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_strings);
  g_assert_cmpuint (names->len, >, 0);

  for (guint i = 0; i < names->len; i++)
    {
      const char *file = g_ptr_array_index (names, i);
      g_autofree char *base = g_strndup (file, strlen (file) - 5);
      g_autofree char *test_path = g_strconcat ("/rules/", base, NULL);

      g_test_add_data_func_full (test_path,
                                 g_build_filename (dir_path, file, NULL),
                                 test_rule_case, g_free);
    }
  return g_test_run ();
}

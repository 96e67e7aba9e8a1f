/* test-categorical.c: categorical methodologies and the audit, by hand
 *
 * Each case is small enough to work out on paper; the expected levels,
 * flags, counts and verdicts below were worked out so, from
 * occ-categorical.md and occ-claims.md, not read off libocc.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <string.h>

#include <occ/occ.h>

/* One criterion "q" on none < low < medium < high, with "n/a" unranked,
 * a second "yes" (no, yes) and a third "v" (bad, good) with values 0, 3,
 * and flags and summaries that use every operator. */
#define METHODOLOGY(raters, extra)                                           \
  "{\"id\": \"t\", \"scale\": {\"kind\": \"categorical\"},"                  \
  " \"criteria\": ["                                                         \
  "  {\"id\": \"q\", \"levels\": [\"none\", \"low\", \"medium\", \"high\"]," \
  "   \"unranked\": [\"n/a\", {\"id\": \"gone\", \"label\": \"Gone\"}]},"    \
  "  {\"id\": \"yes\", \"levels\": [\"no\", \"yes\"]}],"                     \
  " \"aggregation\": {\"raters\": \"" raters "\"}" extra "}"

static OccDataset *
dataset (const char *methodology, const char *ratings, GError **error)
{
  g_autofree char *text = g_strdup_printf (
    "{\"format\": \"occ-dataset/1\", \"methodology\": %s,"
    " \"countries\": [{\"id\": \"K\"}], \"phases\": [{\"id\": \"p\"}, "
    "{\"id\": \"p2\"}],"
    " \"raters\": [{\"id\": \"r1\"}, {\"id\": \"r2\"}, {\"id\": \"r3\"}, "
    "{\"id\": \"r4\"}],"
    " \"framework\": [{\"id\": \"T\", \"children\": [{\"id\": \"a\"}, "
    "{\"id\": \"b\"}, {\"id\": \"c\"}]}],"
    " \"ratings\": [%s]}",
    methodology, ratings);

  return occ_dataset_new_from_data (text, -1, error);
}

/* A rating of leaf @node by rater @rater in phase p. */
#define R(node, rater, scores)                                               \
  "{\"country\": \"K\", \"phase\": \"p\", \"node\": \"" node "\","           \
  " \"rater\": \"" rater "\", \"scores\": {" scores "}}"

static const char *
level_of (OccResults *results, const char *node, guint criterion)
{
  g_autoptr (OccScore) score = occ_results_lookup (results, "K", "p", node);

  g_assert_nonnull (score);
  return occ_score_get_level_id (score, criterion);
}

static OccResults *
score_of (const char *methodology, const char *ratings)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (OccDataset) ds = dataset (methodology, ratings, &error);

  g_assert_no_error (error);
  return occ_results_new (ds);
}

/* Rule 1: the ordinal median takes the lower middle of an even count;
 * the mode the lower level of a tie; an unranked answer counts only when
 * every answer is that one. */
static void
test_median_and_mode (void)
{
  const char *ratings =
    /* a: low, high, medium, high: sorted low medium high high; the lower
     * middle is medium; the mode is high. */
    R ("a", "r1", "\"q\": \"low\"") "," R ("a", "r2", "\"q\": \"high\"") "," R (
      "a", "r3", "\"q\": \"medium\"") "," R ("a", "r4", "\"q\": \"high\"") ","
    /* b: low, high (and a null): median low; mode tie, low. */
    R ("b", "r1", "\"q\": \"low\"") "," R (
      "b", "r2", "\"q\": \"high\"") "," R ("b", "r3", "\"q\": null") ","
    /* c: n/a twice: the level is n/a; with one medium it is medium. */
    R ("c", "r1", "\"q\": \"n/a\"") "," R ("c", "r2", "\"q\": \"n/a\"");
  g_autoptr (OccResults) median = score_of (METHODOLOGY ("median", ""),
                                            ratings);
  g_autoptr (OccResults) mode = score_of (METHODOLOGY ("mode", ""), ratings);
  g_autoptr (OccResults) mixed = score_of (
    METHODOLOGY ("median", ""),
    R ("c", "r1", "\"q\": \"n/a\"") "," R ("c", "r2", "\"q\": \"medium\"") "," R (
      "b", "r1",
      "\"q\": \"n/a\"") "," R ("b", "r2",
                               "\"q\": \"gone\"") "," R ("a", "r1",
                                                         "\"q\": null"));
  g_autoptr (OccScore) a = occ_results_lookup (median, "K", "p", "a");
  int level = 99;

  g_assert_cmpstr (level_of (median, "a", 0), ==, "medium");
  g_assert_cmpstr (level_of (mode, "a", 0), ==, "high");
  g_assert_cmpstr (level_of (median, "b", 0), ==, "low");
  g_assert_cmpstr (level_of (mode, "b", 0), ==, "low");
  g_assert_cmpstr (level_of (median, "c", 0), ==, "n/a");
  g_assert_cmpstr (level_of (mixed, "c", 0), ==, "medium");
  /* Two different unranked answers and nothing ranked: no level. */
  g_assert_null (level_of (mixed, "b", 0));
  /* All null: an entry, without a level. */
  g_assert_null (level_of (mixed, "a", 0));
  g_assert_true (occ_score_get_level (a, 0, &level));
  g_assert_cmpint (level, ==, 2);
  g_assert_cmpint (occ_score_get_criterion_n (a, 0), ==, 4);
  {
    g_autoptr (OccScore) c = occ_results_lookup (median, "K", "p", "c");
    g_assert_true (occ_score_get_level (c, 0, &level));
    g_assert_cmpint (level, ==, -1); /* the first unranked answer */
  }
}

/* min_raters: fewer non-null answers give no level. */
static void
test_min_raters (void)
{
  g_autoptr (OccResults) results = score_of (
    "{\"id\": \"t\", \"scale\": {\"kind\": \"categorical\"}, \"min_raters\": "
    "2, \"criteria\": [{\"id\": \"q\", \"levels\": [\"lo\", \"hi\"]}]}",
    R ("a", "r1", "\"q\": \"hi\"") "," R ("a", "r2", "\"q\": null") "," R (
      "b", "r1", "\"q\": \"hi\"") "," R ("b", "r2", "\"q\": \"lo\""));

  g_assert_null (level_of (results, "a", 0));
  g_assert_cmpstr (level_of (results, "b", 0), ==, "lo");
}

#define FLAGS                                                                \
  ", \"flags\": ["                                                           \
  " {\"id\": \"is\", \"criterion\": \"q\", \"is\": \"medium\"},"             \
  " {\"id\": \"in\", \"criterion\": \"q\", \"in\": [\"low\", \"n/a\"]},"     \
  " {\"id\": \"least\", \"criterion\": \"q\", \"at_least\": \"medium\"},"    \
  " {\"id\": \"most\", \"criterion\": \"q\", \"at_most\": \"low\"},"         \
  " {\"id\": \"all\", \"all\": [{\"flag\": \"least\"}, {\"criterion\": "     \
  "\"yes\", \"is\": \"yes\"}]},"                                             \
  " {\"id\": \"any\", \"any\": [{\"flag\": \"least\"}, {\"criterion\": "     \
  "\"yes\", \"is\": \"yes\"}]},"                                             \
  " {\"id\": \"not\", \"not\": {\"flag\": \"all\"}}],"                       \
  " \"summaries\": ["                                                        \
  " {\"id\": \"n\", \"count\": \"rated\"},"                                  \
  " {\"id\": \"all\", \"count\": {\"flag\": \"all\"}, \"percent\": true},"   \
  " {\"id\": \"yes\", \"count\": {\"criterion\": \"yes\", \"is\": \"yes\"}}]"

static OccTruth
flag_of (OccResults *results, const char *node, const char *flag)
{
  g_autoptr (OccScore) score = occ_results_lookup (results, "K", "p", node);
  OccMethodology *m =
    occ_dataset_get_methodology (occ_results_get_dataset (results));
  int f = occ_methodology_lookup_flag (m, flag);

  g_assert_cmpint (f, >=, 0);
  return occ_score_get_flag (score, (guint) f);
}

/* Rule 2 over unknowns, and rule 3: flags on flags. */
static void
test_conditions (void)
{
  /* a: q high, yes null. b: q n/a, yes yes. c: q null, yes no. */
  g_autoptr (OccResults) r = score_of (
    METHODOLOGY ("median", FLAGS),
    R ("a", "r1", "\"q\": \"high\", \"yes\": null") "," R (
      "b", "r1",
      "\"q\": \"n/a\", \"yes\": \"yes\"") "," R ("c", "r1",
                                                 "\"yes\": \"no\""));

  /* a: high is not medium; not in (low, n/a); at least medium; not at
   * most low; all = least and unknown = unknown; any = true; not unknown
   * = unknown. */
  g_assert_cmpint (flag_of (r, "a", "is"), ==, OCC_TRUTH_FALSE);
  g_assert_cmpint (flag_of (r, "a", "in"), ==, OCC_TRUTH_FALSE);
  g_assert_cmpint (flag_of (r, "a", "least"), ==, OCC_TRUTH_TRUE);
  g_assert_cmpint (flag_of (r, "a", "most"), ==, OCC_TRUTH_FALSE);
  g_assert_cmpint (flag_of (r, "a", "all"), ==, OCC_TRUTH_UNKNOWN);
  g_assert_cmpint (flag_of (r, "a", "any"), ==, OCC_TRUTH_TRUE);
  g_assert_cmpint (flag_of (r, "a", "not"), ==, OCC_TRUTH_UNKNOWN);
  /* b: unranked n/a is in the list, and satisfies neither at_least nor
   * at_most; all = false; any = true (yes); not false = true. */
  g_assert_cmpint (flag_of (r, "b", "is"), ==, OCC_TRUTH_FALSE);
  g_assert_cmpint (flag_of (r, "b", "in"), ==, OCC_TRUTH_TRUE);
  g_assert_cmpint (flag_of (r, "b", "least"), ==, OCC_TRUTH_FALSE);
  g_assert_cmpint (flag_of (r, "b", "most"), ==, OCC_TRUTH_FALSE);
  g_assert_cmpint (flag_of (r, "b", "all"), ==, OCC_TRUTH_FALSE);
  g_assert_cmpint (flag_of (r, "b", "any"), ==, OCC_TRUTH_TRUE);
  g_assert_cmpint (flag_of (r, "b", "not"), ==, OCC_TRUTH_TRUE);
  /* c: q not assessed: every test of q unknown; all = unknown and false
   * = false; any = unknown or false = unknown. */
  g_assert_cmpint (flag_of (r, "c", "is"), ==, OCC_TRUTH_UNKNOWN);
  g_assert_cmpint (flag_of (r, "c", "in"), ==, OCC_TRUTH_UNKNOWN);
  g_assert_cmpint (flag_of (r, "c", "least"), ==, OCC_TRUTH_UNKNOWN);
  g_assert_cmpint (flag_of (r, "c", "most"), ==, OCC_TRUTH_UNKNOWN);
  g_assert_cmpint (flag_of (r, "c", "all"), ==, OCC_TRUTH_FALSE);
  g_assert_cmpint (flag_of (r, "c", "any"), ==, OCC_TRUTH_UNKNOWN);
  g_assert_cmpint (flag_of (r, "c", "not"), ==, OCC_TRUTH_TRUE);

  /* Rule 4 at T: 3 rated; "all" holds for none, is unknown for a; "yes"
   * holds for b, is unknown for a. */
  {
    g_autoptr (OccScore) t = occ_results_lookup (r, "K", "p", "T");
    guint count = 9, unknown = 9, of = 9;
    double percent = -1;

    g_assert_true (occ_score_get_summary (t, 0, &count, &unknown, &of,
                                          &percent));
    g_assert_cmpuint (count, ==, 3);
    g_assert_cmpuint (unknown, ==, 0);
    g_assert_true (occ_score_get_summary (t, 1, &count, &unknown, &of,
                                          &percent));
    g_assert_cmpuint (count, ==, 0);
    g_assert_cmpuint (unknown, ==, 1);
    g_assert_cmpuint (of, ==, 3);
    g_assert_cmpfloat (percent, ==, 0.0);
    g_assert_true (occ_score_get_summary (t, 2, &count, &unknown, &of, NULL));
    g_assert_cmpuint (count, ==, 1);
    g_assert_cmpuint (unknown, ==, 1);
  }
}

static void
assert_refused (const char *methodology, int code, const char *part)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (OccDataset) ds = dataset (methodology, "", &error);

  g_assert_null (ds);
  g_assert_error (error, OCC_ERROR, code);
  if (strstr (error->message, part) == NULL)
    g_error ("\"%s\" does not say \"%s\"", error->message, part);
}

/* Rule 3: a flag names only flags listed before it. */
static void
test_flag_order (void)
{
  assert_refused (
    METHODOLOGY ("median", ", \"flags\": [{\"id\": \"x\", \"flag\": \"y\"}, "
                           "{\"id\": \"y\", \"criterion\": \"q\", \"is\": "
                           "\"low\"}]"),
    OCC_ERROR_STRUCTURE, "1:");
  assert_refused (
    METHODOLOGY ("median", ", \"flags\": [{\"id\": \"x\", \"flag\": \"y\"}, "
                           "{\"id\": \"y\", \"criterion\": \"q\", \"is\": "
                           "\"low\"}]"),
    OCC_ERROR_STRUCTURE,
    "methodology.flags[0].flag: flag \"y\" is listed later");
  assert_refused (
    METHODOLOGY ("median", ", \"flags\": [{\"id\": \"x\", \"flag\": \"x\"}]"),
    OCC_ERROR_STRUCTURE, "flag \"x\" refers to itself");
  assert_refused (METHODOLOGY ("median",
                               ", \"flags\": [{\"id\": \"x\", \"criterion\": "
                               "\"q\", \"is\": \"huge\"}]"),
                  OCC_ERROR_UNKNOWN_ID,
                  "unknown level \"huge\" of criterion \"q\"");
  assert_refused (METHODOLOGY ("mean", ""), OCC_ERROR_STRUCTURE,
                  "median or mode");
  assert_refused ("{\"id\": \"t\", \"scale\": {\"kind\": \"ordinal\"}, "
                  "\"criteria\": [{\"id\": \"q\"}]}",
                  OCC_ERROR_UNKNOWN_ID, "unknown scale kind \"ordinal\"");
  assert_refused ("{\"id\": \"t\", \"scale\": {\"kind\": \"categorical\"}, "
                  "\"criteria\": [{\"id\": \"q\", \"levels\": [\"a\", "
                  "\"a\"]}]}",
                  OCC_ERROR_DUPLICATE, "duplicate level \"a\"");
  assert_refused ("{\"id\": \"t\", \"scale\": {\"min\": 0, \"max\": 3}, "
                  "\"criteria\": [{\"id\": \"q\"}], \"flags\": []}",
                  OCC_ERROR_STRUCTURE, "need a categorical methodology");
}

/* A rating's answer must be one of its criterion's levels, with the
 * place and the valid levels named. */
static void
test_unknown_answer (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (OccDataset) ds = dataset (METHODOLOGY ("median", ""),
                                       R ("a", "r1", "\"q\": \"mid\""),
                                       &error);

  g_assert_null (ds);
  g_assert_error (error, OCC_ERROR, OCC_ERROR_UNKNOWN_ID);
  g_assert_nonnull (strstr (error->message, "ratings[0].scores.q: unknown "
                                            "level \"mid\" of criterion "
                                            "\"q\" (its levels: \"none\", "
                                            "\"low\", \"medium\", \"high\", "
                                            "\"n/a\" or \"gone\")"));
  g_assert_cmpstr (occ_error_get_path (error), ==, "ratings[0].scores.q");
}

/* Rule 4's percent, rounded for people (Peru 2017-2019: 16 of 18 is
 * 88.9 %, printed 89 %; 1 of 18 is 5.6 %, printed 6 %). */
static void
test_percent_rounding (void)
{
  g_assert_cmpfloat (100.0 * 16 / 18, ==, 88.88888888888889);
  g_assert_cmpfloat (occ_round (100.0 * 16 / 18, 0), ==, 89);
  g_assert_cmpfloat (occ_round (100.0 * 1 / 18, 0), ==, 6);
}

static OccResults *
load_results (const char *name)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_build_filename (g_getenv ("OCC_DATADIR"), name,
                                            NULL);
  g_autoptr (OccDataset) ds = occ_dataset_new_from_file (path, &error);

  g_assert_no_error (error);
  return occ_results_new (ds);
}

static void
assert_summary (OccResults *results, const char *phase, const char *node,
                const char *id, guint count, guint unknown, guint of)
{
  OccMethodology *m =
    occ_dataset_get_methodology (occ_results_get_dataset (results));
  g_autoptr (OccScore) score = occ_results_lookup (results, "PE", phase,
                                                   node);
  int x = occ_methodology_lookup_summary (m, id);
  guint c = 0, u = 0, o = 0;

  g_assert_cmpint (x, >=, 0);
  g_assert_nonnull (score);
  g_assert_true (occ_score_get_summary (score, (guint) x, &c, &u, &o, NULL));
  g_assert_cmpuint (c, ==, count);
  g_assert_cmpuint (u, ==, unknown);
  g_assert_cmpuint (o, ==, of);
}

/* occ-categorical.md §5: seed 001's "at a glance" and seed 003's
 * counts. */
static void
test_peru_irm (void)
{
  g_autoptr (OccResults) r17 = load_results ("peru-irm-2017.json");
  g_autoptr (OccResults) r23 = load_results ("peru-irm-2023.json");
  const char *p17 = "2017-2019", *p23 = "2023-2025";

  assert_summary (r17, p17, "AP3", "commitments", 18, 0, 18);
  assert_summary (r17, p17, "AP3", "relevant", 16, 0, 18);
  assert_summary (r17, p17, "AP3", "transformative", 1, 0, 18);
  assert_summary (r17, p17, "AP3", "potentially-starred", 0, 0, 18);
  assert_summary (r17, p17, "AP3", "starred", 0, 0, 18);
  assert_summary (r17, p17, "AP3", "completed", 3, 0, 18);
  assert_summary (r17, p17, "AP3", "major", 3, 1, 18);
  assert_summary (r17, p17, "AP3", "outstanding", 0, 1, 18);
  assert_summary (r23, p23, "AP5", "potential-modest", 9, 0, 13);
  assert_summary (r23, p23, "AP5", "potential-unclear", 3, 0, 13);
  assert_summary (r23, p23, "AP5", "potential-substantial", 1, 0, 13);
  assert_summary (r23, p23, "AP5.HEA", "potential-modest", 3, 0, 4);
  /* Not assessed in the review: unknown, not false. */
  assert_summary (r23, p23, "AP5", "relevant", 0, 13, 13);
}

/* `values` put levels on occ-v1's numbers: the leaf's criterion score is
 * its level's value, then the numeric rules, bands and ranks. */
static void
test_values (void)
{
  g_autoptr (OccResults) r = score_of (
    "{\"id\": \"t\", \"scale\": {\"kind\": \"categorical\"}, \"criteria\": ["
    " {\"id\": \"q\", \"levels\": [\"lo\", \"mid\", \"hi\"], \"values\": [0, "
    "1.5, 3], \"unranked\": [\"na\"]},"
    " {\"id\": \"s\", \"levels\": [\"no\", \"yes\"], \"values\": [0, 3]}],"
    " \"bands\": [{\"label\": \"low\", \"from\": 0}, {\"label\": \"high\", "
    "\"from\": 2}], \"precision\": 2}",
    /* a: q median of lo, hi = lo (0), s yes (3): mean 1.5, low. b: q hi
     * (3), s yes (3): 3, high. c: q na: no value, no score. */
    R ("a", "r1", "\"q\": \"lo\", \"s\": \"yes\"") "," R ("a", "r2", "\"q\": \"hi\", \"s\": \"yes\"") "," R (
      "b", "r1",
      "\"q\": \"hi\", \"s\": \"yes\"") "," R ("c", "r1",
                                              "\"q\": \"na\", \"s\": \"no\""));
  g_autoptr (OccScore) a = occ_results_lookup (r, "K", "p", "a");
  g_autoptr (OccScore) b = occ_results_lookup (r, "K", "p", "b");
  g_autoptr (OccScore) c = occ_results_lookup (r, "K", "p", "c");
  g_autoptr (OccScore) t = occ_results_lookup (r, "K", "p", "T");
  double value = -1;

  g_assert_true (occ_score_get_value (a, &value));
  g_assert_cmpfloat (value, ==, 1.5);
  g_assert_cmpstr (occ_score_get_band (a), ==, "low");
  g_assert_true (occ_score_get_value (b, &value));
  g_assert_cmpfloat (value, ==, 3.0);
  g_assert_cmpstr (occ_score_get_band (b), ==, "high");
  g_assert_cmpuint (occ_score_get_rank (b), ==, 1);
  g_assert_cmpuint (occ_score_get_rank (a), ==, 2);
  g_assert_false (occ_score_get_value (c, &value));
  g_assert_false (occ_score_get_criterion_value (c, 0, &value));
  g_assert_true (occ_score_get_criterion_value (c, 1, &value));
  g_assert_cmpfloat (value, ==, 0.0);
  /* T: the mean of a and b; c has no score. */
  g_assert_true (occ_score_get_value (t, &value));
  g_assert_cmpfloat (value, ==, 2.25);
  g_assert_cmpint (occ_score_get_missing_children (t), ==, 1);
}

/* The analyses resample numbers: a categorical dataset is refused. */
static void
test_analyses_refused (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (OccResults) r = score_of (METHODOLOGY ("median", ""),
                                       R ("a", "r1", "\"q\": \"low\""));
  g_autoptr (OccBootstrap) boot = occ_bootstrap_new (r, NULL, NULL, NULL,
                                                     NULL, &error);

  g_assert_null (boot);
  g_assert_error (error, OCC_ERROR, OCC_ERROR_STRUCTURE);
}

/* The audit --------------------------------------------------------- */

static OccAudit *
audit (OccResults *results, const char *claims, GError **error)
{
  g_autofree char *text = g_strdup_printf (
    "{\"format\": \"occ-claims/1\", \"source\": \"test\", \"claims\": [%s]}",
    claims);
  return occ_audit_new_from_data (results, text, -1, error);
}

static void
assert_verdict (OccAudit *a, guint i, OccVerdict verdict,
                const char *explanation)
{
  if (occ_audit_get_verdict (a, i) != verdict
      || g_strcmp0 (occ_audit_get_explanation (a, i), explanation) != 0)
    g_error ("claim %s: %s \"%s\", expected %s \"%s\"",
             occ_audit_get_claim_id (a, i),
             occ_verdict_to_string (occ_audit_get_verdict (a, i)),
             occ_audit_get_explanation (a, i),
             occ_verdict_to_string (verdict), explanation);
}

#define C(id, body) "{\"id\": \"" id "\", \"country\": \"K\", " body "}"

/* Every statement kind on the numeric case of test_values, and on the
 * summaries of test_conditions. */
static void
test_audit_statements (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (OccResults) r = score_of (
    "{\"id\": \"t\", \"scale\": {\"kind\": \"categorical\"}, \"criteria\": ["
    " {\"id\": \"q\", \"levels\": [\"lo\", \"mid\", \"hi\"], \"values\": [0, "
    "1.5, 3]}], \"bands\": [{\"label\": \"low\", \"from\": 0}, "
    "{\"label\": \"high\", \"from\": 2}], \"precision\": 2,"
    " \"summaries\": [{\"id\": \"hi\", \"count\": {\"criterion\": \"q\", "
    "\"at_least\": \"hi\"}, \"percent\": true}]}",
    R ("a", "r1", "\"q\": \"mid\"") "," R (
      "b", "r1",
      "\"q\": \"hi\"") ","
                       "{\"country\": \"K\", \"phase\": \"p2\", \"node\": \"a\", \"rater\": "
                       "\"r1\", \"scores\": {\"q\": \"lo\"}}");
  g_autoptr (OccAudit) a = audit (
    r,
    C ("v", "\"phase\": \"p\", \"node\": \"a\", \"value\": \"1.50\"") "," C (
      "v2",
      "\"phase\": \"p\", \"node\": \"T\", \"value\": \"2.3\"") "," C ("b", "\"phase\": \"p\", \"node\": \"b\", \"band\": \"high\", "
                                                                           "\"criteria\": {\"q\": \"low\"}") "," C ("ch",
                                                                                                                    "\"phase\": \"p2\", \"node\": \"a\", \"change\": \"down\"") "," C ("ch2",
                                                                                                                                                                                       "\"phase\": \"p\", \"node\": \"a\", \"change\": \"up\"") "," C ("best",
                                                                                                                                                                                                                                                       "\"phase\": \"p\", \"nodes\": [\"b\"], \"are\": \"best\", "
                                                                                                                                                                                                                                                       "\"level\": 1, \"under\": \"T\", \"value\": \"3\"") "," C ("worst",
                                                                                                                                                                                                                                                                                                                  "\"phase\": \"p\", \"nodes\": [\"b\"], \"are\": "
                                                                                                                                                                                                                                                                                                                  "\"worst\", \"level\": \"leaves\", \"under\": \"T\"") "," C ("sum",
                                                                                                                                                                                                                                                                                                                                                                               "\"phase\": \"p\", \"node\": \"T\", \"summary\": \"hi\", "
                                                                                                                                                                                                                                                                                                                                                                               "\"count\": \"1\", \"percent\": \"50\"") "," C ("share",
                                                                                                                                                                                                                                                                                                                                                                                                                               "\"phase\": \"p\", \"node\": \"a\", \"of\": "
                                                                                                                                                                                                                                                                                                                                                                                                                               "\"inclusion\", \"percent\": \"10\"") "," C ("gone", "\"phase\": \"p\", \"node\": \"Z\", \"value\": \"1\"") "," C ("new",
                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                  "\"phase\": \"p\", \"node\": \"a\", \"median\": \"1\"") "," C ("whole",
                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                 "\"phase\": \"p\", \"value\": \"2.25\""),
    &error);

  g_assert_no_error (error);
  g_assert_cmpuint (occ_audit_get_n_claims (a), ==, 12);
  assert_verdict (a, 0, OCC_VERDICT_HOLDS, "a in K p is 1.50");
  /* T is the mean of 1.5 and 3: 2.25, 2.3 at one decimal. */
  assert_verdict (a, 1, OCC_VERDICT_HOLDS, "T in K p is 2.3");
  assert_verdict (a, 2, OCC_VERDICT_CONTRADICTED,
                  "b in K p: b is high (3.00), q is high (3.00), not low");
  assert_verdict (a, 3, OCC_VERDICT_HOLDS, "a in K p2: a down (-1.50)");
  assert_verdict (a, 4, OCC_VERDICT_NOT_CHECKABLE,
                  "a has no change in K p (no score here or in the phase "
                  "before)");
  assert_verdict (a, 5, OCC_VERDICT_HOLDS,
                  "the best level-1 node under T in K p is b (3.00)");
  assert_verdict (a, 6, OCC_VERDICT_CONTRADICTED,
                  "the worst leaf under T in K p is a (1.50); b scores 3.00");
  assert_verdict (a, 7, OCC_VERDICT_HOLDS, "hi of T in K p: 1 of 2 (50%)");
  assert_verdict (a, 8, OCC_VERDICT_NOT_CHECKABLE,
                  "a has no inclusion figure in K p");
  assert_verdict (a, 9, OCC_VERDICT_NOT_CHECKABLE,
                  "the dataset has no node \"Z\"");
  assert_verdict (a, 10, OCC_VERDICT_NOT_CHECKABLE,
                  "this version of libocc knows no statement in this claim "
                  "(a value, bands, a change, best or worst, a share or a "
                  "summary)");
  assert_verdict (a, 11, OCC_VERDICT_HOLDS,
                  "the country score in K p is 2.25");
  g_assert_cmpuint (occ_audit_count (a, OCC_VERDICT_HOLDS), ==, 6);
  g_assert_cmpuint (occ_audit_count (a, OCC_VERDICT_CONTRADICTED), ==, 2);
  g_assert_cmpuint (occ_audit_count (a, OCC_VERDICT_NOT_CHECKABLE), ==, 4);
  {
    g_autofree char *found = occ_audit_dup_found (a, 5);
    g_assert_cmpstr (found, ==, "{\"nodes\": [\"b\"],\"value\": 3.0}");
  }
}

static void
assert_claims_refused (const char *claims, int code, const char *part)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (OccResults) r = score_of (METHODOLOGY ("median", ""),
                                       R ("a", "r1", "\"q\": \"low\""));
  g_autoptr (OccAudit) a = audit (r, claims, &error);

  g_assert_null (a);
  g_assert_error (error, OCC_ERROR, code);
  if (strstr (error->message, part) == NULL)
    g_error ("\"%s\" does not say \"%s\"", error->message, part);
}

/* Bad claims files are refused whole, at their place. */
static void
test_audit_refused (void)
{
  assert_claims_refused (C ("x", "\"phase\": \"p\", \"value\": 2.05"),
                         OCC_ERROR_TYPE,
                         "claims[0].value: a claimed figure "
                         "is written as a string");
  assert_claims_refused (C ("x", "\"phase\": \"p\", \"value\": \"2,05\""),
                         OCC_ERROR_RANGE, "\"2,05\" is not a figure");
  assert_claims_refused ("{\"id\": \"x\", \"phase\": \"p\"}", OCC_ERROR_TYPE,
                         "claims[0].country");
  assert_claims_refused (
    C ("x", "\"phase\": \"p\"") "," C ("x", "\"phase\": \"p\""),
    OCC_ERROR_DUPLICATE, "duplicate claim id \"x\"");
  assert_claims_refused (C ("x", "\"phase\": \"p\", \"nodes\": [\"a\"], "
                                 "\"are\": \"top\", \"level\": 1"),
                         OCC_ERROR_RANGE, "\"top\" is not \"best\" or");
  assert_claims_refused (C ("x", "\"phase\": \"p\", \"summary\": \"n\", "
                                 "\"count\": \"1.5\""),
                         OCC_ERROR_RANGE, "is not a count");
  {
    g_autoptr (GError) error = NULL;
    g_autoptr (OccResults) r = score_of (METHODOLOGY ("median", ""),
                                         R ("a", "r1", "\"q\": \"low\""));
    g_autoptr (OccAudit) a = occ_audit_new_from_data (
      r, "{\"format\": \"occ-claims/2\", \"claims\": []}", -1, &error);

    g_assert_null (a);
    g_assert_error (error, OCC_ERROR, OCC_ERROR_FORMAT);
  }
}

static OccAudit *
audit_file (OccResults *results, const char *name)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_build_filename (g_getenv ("OCC_DATADIR"), name,
                                            NULL);
  OccAudit *a = occ_audit_new_from_file (results, path, &error);

  g_assert_no_error (error);
  return a;
}

/* The conformance: the IRM's claims all hold; the Peru report's
 * summary page has 5 that hold and 9 its annex contradicts. */
static void
test_audit_peru (void)
{
  static const struct
  {
    const char *id;
    OccVerdict verdict;
    const char *explanation;
  } expected[] = {
    { "viii-inclusion-best", OCC_VERDICT_HOLDS,
      "the best leaf under VIII in PE 2024 is VIII.7 (46%)" },
    { "viii-inclusion-worst", OCC_VERDICT_HOLDS,
      "the worst leaf under VIII in PE 2024 is VIII.8 (11%)" },
    { "viii-theme-best", OCC_VERDICT_CONTRADICTED,
      "the best level-1 node under VIII in PE 2024 is VIII.T2 (1.85); "
      "VIII.T3 scores 1.29" },
    { "viii-theme-worst", OCC_VERDICT_CONTRADICTED,
      "the worst level-1 node under VIII in PE 2024 is VIII.T1 (0.62); "
      "VIII.T5 scores 1.52" },
    { "viii-commitment-best-2022", OCC_VERDICT_CONTRADICTED,
      "the best level-2 node under VIII in PE 2022 is VIII.13 (2.15); "
      "VIII.25 scores 2.05" },
    { "viii-commitment-best-2024", OCC_VERDICT_CONTRADICTED,
      "the best level-2 node under VIII in PE 2024 is VIII.37 (2.28); "
      "VIII.25 scores 1.29" },
    { "viii-commitment-worst-2022", OCC_VERDICT_CONTRADICTED,
      "the worst level-2 node under VIII in PE 2022 is VIII.8 (1.10); "
      "VIII.29 scores 1.64" },
    { "viii-commitment-worst-2024", OCC_VERDICT_CONTRADICTED,
      "the worst level-2 node under VIII in PE 2024 is VIII.2 (0.17); "
      "VIII.8 scores 0.78" },
    { "ix-inclusion-best", OCC_VERDICT_HOLDS,
      "the best leaf under IX in PE 2024 is IX.A.3.D (79%)" },
    { "ix-inclusion-worst", OCC_VERDICT_HOLDS,
      "the worst leaves under IX in PE 2024 are IX.A.12.A, IX.A.17.G and "
      "IX.A.23 (0%)" },
    { "ix-theme-best", OCC_VERDICT_HOLDS,
      "the best level-1 node under IX in PE 2024 is IX.B (2.94)" },
    { "ix-theme-worst", OCC_VERDICT_CONTRADICTED,
      "the worst level-1 node under IX in PE 2024 is IX.D (0.92); IX.A "
      "scores 1.13" },
    { "ix-commitment-best", OCC_VERDICT_CONTRADICTED,
      "the best level-2 node under IX in PE 2024 is IX.C.3 (3.00); IX.B.9 "
      "scores 2.94" },
    { "ix-commitment-worst", OCC_VERDICT_CONTRADICTED,
      "the worst leaf under IX in PE 2024 is IX.A.23 (0.00); IX.A.12.A "
      "scores 1.00; IX.A.13 scores 0.87; IX.A.17.G scores 2.33" },
  };
  g_autoptr (OccResults) cco = load_results ("peru-2024.json");
  g_autoptr (OccResults) r17 = load_results ("peru-irm-2017.json");
  g_autoptr (OccResults) r23 = load_results ("peru-irm-2023.json");
  g_autoptr (OccAudit) a = audit_file (cco, "peru-2024-claims.json");
  g_autoptr (OccAudit) a17 = audit_file (r17, "peru-irm-2017-claims.json");
  g_autoptr (OccAudit) a23 = audit_file (r23, "peru-irm-2023-claims.json");

  g_assert_cmpuint (occ_audit_get_n_claims (a), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_assert_cmpstr (occ_audit_get_claim_id (a, i), ==, expected[i].id);
      assert_verdict (a, i, expected[i].verdict, expected[i].explanation);
    }
  g_assert_cmpuint (occ_audit_count (a, OCC_VERDICT_HOLDS), ==, 5);
  g_assert_cmpuint (occ_audit_count (a, OCC_VERDICT_CONTRADICTED), ==, 9);
  g_assert_cmpuint (occ_audit_count (a17, OCC_VERDICT_HOLDS), ==, 8);
  g_assert_cmpuint (occ_audit_get_n_claims (a17), ==, 8);
  g_assert_cmpuint (occ_audit_count (a23, OCC_VERDICT_HOLDS), ==, 5);
  g_assert_cmpuint (occ_audit_get_n_claims (a23), ==, 5);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/categorical/median-and-mode", test_median_and_mode);
  g_test_add_func ("/categorical/min-raters", test_min_raters);
  g_test_add_func ("/categorical/conditions", test_conditions);
  g_test_add_func ("/categorical/flag-order", test_flag_order);
  g_test_add_func ("/categorical/unknown-answer", test_unknown_answer);
  g_test_add_func ("/categorical/percent-rounding", test_percent_rounding);
  g_test_add_func ("/categorical/peru-irm", test_peru_irm);
  g_test_add_func ("/categorical/values", test_values);
  g_test_add_func ("/categorical/analyses-refused", test_analyses_refused);
  g_test_add_func ("/audit/statements", test_audit_statements);
  g_test_add_func ("/audit/refused", test_audit_refused);
  g_test_add_func ("/audit/peru", test_audit_peru);
  return g_test_run ();
}

/* test-peru.c: conformance with the CCO's Peru report (occ-v1 §7)
 *
 * $OCC_DATADIR/peru-2024.json holds the report's annex as published
 * scores. Scored under cco-2024 it must reproduce, within 0.01, every
 * annex figure and "+-" change, the Phase 1 averages the report prints,
 * the bands its text gives for the IX Summit, and the best and worst
 * items that follow from its annex under the peers of rule 7 (revision 2).
 * The tables below are copied from the report (the annexes of "Peru, CCO
 * Phase 2, September 2024").
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <math.h>

#include <occ/occ.h>

#define ANNEX_TOLERANCE 0.01
#define COUNTRY "PE"
#define PHASE_1 "2022"
#define PHASE_2 "2024"

/* VIII Summit annex: R, +-, E, +-, S, +- for 2024. */
typedef struct
{
  const char *node;
  double r, dr, e, de, s, ds;
} AnnexVIII;

static const AnnexVIII annex_viii[] = {
  { "VIII.2", 0.50, -1.42, 0.00, -1.77, 0.00, -1.92 },
  { "VIII.7", 1.17, -0.16, 1.00, -0.47, 1.00, -0.53 },
  { "VIII.8", 1.17, 0.02, 0.33, -0.67, 0.83, -0.32 },
  { "VIII.11", 1.43, -0.42, 0.00, -1.85, 0.00, -1.77 },
  { "VIII.37", 3.00, 1.15, 2.50, 0.42, 1.33, -0.67 },
  { "VIII.41", 0.86, -1.06, 0.86, -1.45, 0.57, -1.35 },
  { "VIII.13", 2.25, -0.06, 1.63, -0.52, 1.13, -0.87 },
  { "VIII.14", 2.33, 2.33, 2.00, 0.00, 2.17, -0.14 },
  { "VIII.15", 1.63, -0.52, 1.50, -0.27, 2.14, 0.14 },
  { "VIII.22", 2.33, 0.25, 2.33, 0.33, 0.78, -1.14 },
  { "VIII.25", 2.81, 0.81, 1.06, -1.17, 0.00, -1.92 },
  { "VIII.29", 1.20, -0.26, 0.80, -1.05, 0.80, -0.82 },
};

/* IX Summit annex: R, E, S for 2024 (no Phase 1). */
typedef struct
{
  const char *node;
  double r, e, s;
} AnnexIX;

/* clang-format off */
static const AnnexIX annex_ix[] = {
  { "IX.A.3.D", 2.00, 1.50, 1.10 },
  { "IX.A.4", 0.67, 0.67, 2.00 },
  { "IX.A.7.A", 1.83, 1.83, 1.33 },
  { "IX.A.12.A", 1.33, 0.67, 1.00 },
  { "IX.A.12.G", 1.63, 1.14, 1.71 },
  { "IX.A.13", 1.00, 0.60, 1.00 },
  { "IX.A.14", 1.75, 1.25, 1.25 },
  { "IX.A.17.D", 1.50, 0.00, 1.00 },
  { "IX.A.17.G", 2.50, 2.50, 2.00 },
  { "IX.A.23", 0.00, 0.00, 0.00 },
  { "IX.A.24.F", 0.67, 0.33, 1.33 },
  { "IX.B.9", 3.00, 3.00, 2.83 },
  { "IX.C.3", 3.00, 3.00, 3.00 },
  { "IX.C.17", 2.67, 2.33, 2.33 },
  { "IX.C.21", 2.75, 1.25, 2.25 },
  { "IX.C.30", 2.20, 1.40, 2.20 },
  { "IX.D.2", 0.75, 0.50, 0.75 },
  { "IX.D.3", 1.50, 1.00, 1.00 },
  { "IX.E.1.F", 2.00, 1.00, 1.00 },
  { "IX.E.6", 2.00, 1.33, 1.33 },
};
/* clang-format on */

/* The report's words on the IX Summit (its section 3). */
typedef struct
{
  const char *node;
  const char *r, *e, *s;
} BandsIX;

static const BandsIX report_bands[] = {
  /* "highly relevant, effective, and sustainable" (S 2.83) */
  { "IX.B.9", "high", "high", "high" },
  /* "a high relevance, effectiveness, and sustainability" */
  { "IX.C.3", "high", "high", "high" },
  /* "medium-high relevance and a medium effectiveness and sustainability" */
  { "IX.C.17", "medium-high", "medium", "medium" },
  /* "medium-high relevance, low effectiveness, and medium sustainability" */
  { "IX.C.21", "medium-high", "low", "medium" },
  /* "medium relevance, low effectiveness and medium sustainability" */
  { "IX.C.30", "medium", "low", "medium" },
  /* "low relevance, effectiveness, and sustainability" */
  { "IX.D.2", "low", "low", "low" },
  /* "medium relevance, but low effectiveness and sustainability" */
  { "IX.D.3", "medium", "low", "low" },
  /* "relevant on average, but have low effectiveness and sustainability" */
  { "IX.E.1.F", "medium", "low", "low" },
  { "IX.E.6", "medium", "low", "low" },
};

typedef struct
{
  OccDataset *dataset;
  OccResults *results;
  int r, e, s;
} Fixture;

static void
fixture_set_up (Fixture *fixture, gconstpointer data)
{
  const char *datadir = g_getenv ("OCC_DATADIR");
  g_autofree char *path = NULL;
  g_autoptr (GError) error = NULL;
  OccMethodology *m;

  if (datadir == NULL)
    datadir = OCC_TEST_DATADIR;
  path = g_build_filename (datadir, "peru-2024.json", NULL);
  fixture->dataset = occ_dataset_new_from_file (path, &error);
  g_assert_no_error (error);
  fixture->results = occ_results_new (fixture->dataset);
  m = occ_dataset_get_methodology (fixture->dataset);
  g_assert_cmpstr (occ_methodology_get_id (m), ==, "cco-2024");
  fixture->r = occ_methodology_lookup_criterion (m, "R");
  fixture->e = occ_methodology_lookup_criterion (m, "E");
  fixture->s = occ_methodology_lookup_criterion (m, "S");
  g_assert_cmpint (fixture->r, >=, 0);
  g_assert_cmpint (fixture->e, >=, 0);
  g_assert_cmpint (fixture->s, >=, 0);
}

static void
fixture_tear_down (Fixture *fixture, gconstpointer data)
{
  g_clear_object (&fixture->results);
  g_clear_object (&fixture->dataset);
}

static gboolean
close_to (double actual, double printed)
{
  return fabs (actual - printed) <= ANNEX_TOLERANCE + 1e-9;
}

static gboolean failed;

static void
mismatch (const char *node, const char *what, double printed, gboolean have,
          double actual)
{
  if (have)
    g_printerr ("FAIL %s %s: report %.2f, got %.4f\n", node, what, printed,
                actual);
  else
    g_printerr ("FAIL %s %s: report %.2f, got none\n", node, what, printed);
  failed = TRUE;
}

static OccScore *
lookup (Fixture *fixture, const char *phase, const char *node)
{
  OccScore *score = occ_results_lookup (fixture->results, COUNTRY, phase,
                                        node);

  if (score == NULL)
    {
      g_printerr ("FAIL %s: no score in (%s, %s)\n", node, COUNTRY, phase);
      failed = TRUE;
    }
  return score;
}

static void
expect_criterion (OccScore *score, const char *node, int c, const char *name,
                  double printed)
{
  double v = 0;
  gboolean have = occ_score_get_criterion_value (score, (guint) c, &v);

  if (!have || !close_to (v, printed))
    mismatch (node, name, printed, have, v);
}

static void
expect_criterion_delta (OccScore *score, const char *node, int c,
                        const char *name, double printed)
{
  double d = 0;
  gboolean have = occ_score_get_criterion_delta (score, (guint) c, &d);
  g_autofree char *what = g_strdup_printf ("%s +-", name);

  if (!have || !close_to (d, printed))
    mismatch (node, what, printed, have, d);
}

static void
expect_value (OccScore *score, const char *node, const char *what,
              double printed)
{
  double v = 0;
  gboolean have = occ_score_get_value (score, &v);

  if (!have || !close_to (v, printed))
    mismatch (node, what, printed, have, v);
}

static void
test_annex_viii (Fixture *fixture, gconstpointer data)
{
  failed = FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (annex_viii); i++)
    {
      const AnnexVIII *a = &annex_viii[i];
      g_autoptr (OccScore) score = lookup (fixture, PHASE_2, a->node);

      if (score == NULL)
        continue;
      expect_criterion (score, a->node, fixture->r, "R", a->r);
      expect_criterion_delta (score, a->node, fixture->r, "R", a->dr);
      expect_criterion (score, a->node, fixture->e, "E", a->e);
      expect_criterion_delta (score, a->node, fixture->e, "E", a->de);
      expect_criterion (score, a->node, fixture->s, "S", a->s);
      expect_criterion_delta (score, a->node, fixture->s, "S", a->ds);
    }
  if (failed)
    g_test_fail ();
}

static void
test_annex_ix (Fixture *fixture, gconstpointer data)
{
  failed = FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (annex_ix); i++)
    {
      const AnnexIX *a = &annex_ix[i];
      g_autoptr (OccScore) score = lookup (fixture, PHASE_2, a->node);

      if (score == NULL)
        continue;
      expect_criterion (score, a->node, fixture->r, "R", a->r);
      expect_criterion (score, a->node, fixture->e, "E", a->e);
      expect_criterion (score, a->node, fixture->s, "S", a->s);
      /* The IX Summit was not monitored in Phase 1: no change. */
      if (occ_score_get_delta (score, NULL)
          || occ_score_get_criterion_delta (score, (guint) fixture->r, NULL))
        {
          g_printerr ("FAIL %s: a change from a phase without it\n", a->node);
          failed = TRUE;
        }
    }
  if (failed)
    g_test_fail ();
}

/* "commitment 25: 2.05; 37: 1.97 (1.98 when recomputed); 41: 2.05" */
static void
test_phase1_averages (Fixture *fixture, gconstpointer data)
{
  static const struct
  {
    const char *node;
    double average;
  } averages[] = {
    { "VIII.25", 2.05 },
    { "VIII.37", 1.98 },
    { "VIII.41", 2.05 },
  };

  failed = FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (averages); i++)
    {
      g_autoptr (OccScore) score = lookup (fixture, PHASE_1,
                                           averages[i].node);

      if (score != NULL)
        expect_value (score, averages[i].node, "Phase 1 average",
                      averages[i].average);
    }
  if (failed)
    g_test_fail ();
}

static void
expect_band (OccScore *score, const char *node, int c, const char *name,
             const char *band)
{
  const char *got = occ_score_get_criterion_band (score, (guint) c);

  if (g_strcmp0 (got, band) != 0)
    {
      g_printerr ("FAIL %s %s: the report says %s, got %s\n", node, name,
                  band, got ? got : "none");
      failed = TRUE;
    }
}

static void
test_bands (Fixture *fixture, gconstpointer data)
{
  failed = FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (report_bands); i++)
    {
      const BandsIX *b = &report_bands[i];
      g_autoptr (OccScore) score = lookup (fixture, PHASE_2, b->node);

      if (score == NULL)
        continue;
      expect_band (score, b->node, fixture->r, "R", b->r);
      expect_band (score, b->node, fixture->e, "E", b->e);
      expect_band (score, b->node, fixture->s, "S", b->s);
    }
  if (failed)
    g_test_fail ();
}

/* The list holds exactly @node, whose value is close to @printed. */
static void
expect_only (GListModel *list, const char *what, const char *node,
             double printed)
{
  g_autoptr (OccScore) score = NULL;

  if (g_list_model_get_n_items (list) != 1)
    {
      g_printerr ("FAIL %s: expected only %s, got %u nodes\n", what, node,
                  g_list_model_get_n_items (list));
      failed = TRUE;
      return;
    }
  score = g_list_model_get_item (list, 0);
  if (g_strcmp0 (occ_score_get_node_id (score), node) != 0)
    {
      g_printerr ("FAIL %s: expected %s, got %s\n", what, node,
                  occ_score_get_node_id (score));
      failed = TRUE;
      return;
    }
  expect_value (score, node, what, printed);
}

static void
expect_rank (Fixture *fixture, const char *node, guint rank)
{
  g_autoptr (OccScore) score = lookup (fixture, PHASE_2, node);

  if (score != NULL && occ_score_get_rank (score) != rank)
    {
      g_printerr ("FAIL %s: expected rank %u, got %u\n", node, rank,
                  occ_score_get_rank (score));
      failed = TRUE;
    }
}

/* Rule 7 (revision 2): a node's peers are the nodes of its depth under its
 * top-level node, leaves and inner nodes alike. The scores below are the
 * 2024 annex's, each the mean of R, E and S (an inner node's the mean of its
 * children's). */
static void
test_best_and_worst (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GListModel) best_theme = NULL;
  g_autoptr (GListModel) worst_theme = NULL;
  g_autoptr (GListModel) best_viii = NULL;
  g_autoptr (GListModel) worst_viii = NULL;
  g_autoptr (GListModel) best_ix_by_leaf = NULL;
  g_autoptr (GListModel) best_ix_by_inner = NULL;
  g_autoptr (GListModel) worst_ix = NULL;
  g_autoptr (GListModel) best_sub = NULL;
  g_autoptr (GListModel) worst_sub = NULL;

  failed = FALSE;
  /* The IX themes (depth 1, all inner): A 10.2/9 = 1.13, B (3+3+2.83)/3 =
   * 2.94, C (3+2.44+2.08+1.93)/4 = 2.365, D (0.67+1.17)/2 = 0.92, E
   * (1.33+1.55)/2 = 1.44. Health and Resilience (IX.B) is the best; the
   * energy theme (IX.D), not Democratic Governance, the worst. */
  best_theme = occ_results_get_best (fixture->results, COUNTRY, PHASE_2,
                                     "IX.A");
  expect_only (best_theme, "best IX theme", "IX.B", 2.94);
  worst_theme = occ_results_get_worst (fixture->results, COUNTRY, PHASE_2,
                                       "IX.B");
  expect_only (worst_theme, "worst IX theme", "IX.D", 0.92);

  /* The VIII commitments (depth 2, all leaves): 37 (3+2.5+1.33)/3 = 2.28
   * the best, 2 (0.5+0+0)/3 = 0.17 the worst, in 2024. */
  best_viii = occ_results_get_best (fixture->results, COUNTRY, PHASE_2,
                                    "VIII.2");
  expect_only (best_viii, "best VIII commitment", "VIII.37", 2.28);
  worst_viii = occ_results_get_worst (fixture->results, COUNTRY, PHASE_2,
                                      "VIII.37");
  expect_only (worst_viii, "worst VIII commitment", "VIII.2", 0.17);
  expect_rank (fixture, "VIII.37", 1);
  expect_rank (fixture, "VIII.2", 12);

  /* The IX commitments (depth 2), with and without sub-commitments, in
   * one peer group of 18: C.3 3.00, B.9 2.94, C.17 2.44, C.21 2.08,
   * C.30 1.93, A.7 1.66, A.17 (0.83+2.33)/2 = 1.58, E.6 1.55, A.3 1.53,
   * A.14 1.42, E.1 1.33, A.12 (1.00+1.49)/2 = 1.25, D.3 1.17, A.4 1.11,
   * A.13 0.87, A.24 0.78, D.2 0.67, A.23 0.00. The digital commitment 3 is
   * the best, ahead of commitment 9, whichever commitment names the group. */
  best_ix_by_leaf = occ_results_get_best (fixture->results, COUNTRY, PHASE_2,
                                          "IX.A.4");
  expect_only (best_ix_by_leaf, "best IX commitment (peer IX.A.4)", "IX.C.3",
               3.00);
  best_ix_by_inner = occ_results_get_best (fixture->results, COUNTRY, PHASE_2,
                                           "IX.A.3");
  expect_only (best_ix_by_inner, "best IX commitment (peer IX.A.3)", "IX.C.3",
               3.00);
  worst_ix = occ_results_get_worst (fixture->results, COUNTRY, PHASE_2,
                                    "IX.A.12");
  expect_only (worst_ix, "worst IX commitment", "IX.A.23", 0.00);
  expect_rank (fixture, "IX.C.3", 1);
  expect_rank (fixture, "IX.B.9", 2);
  expect_rank (fixture, "IX.A.7", 6);
  expect_rank (fixture, "IX.A.3", 9);
  expect_rank (fixture, "IX.A.12", 12);
  expect_rank (fixture, "IX.A.4", 14);
  expect_rank (fixture, "IX.A.23", 18);

  /* The IX sub-commitments (depth 3): A.17.G (2.5+2.5+2)/3 = 2.33, A.7.A
   * 1.66, A.3.D 1.53, A.12.G 1.49, E.1.F 1.33, A.12.A 1.00, A.17.D 0.83,
   * A.24.F (0.67+0.33+1.33)/3 = 0.78. */
  best_sub = occ_results_get_best (fixture->results, COUNTRY, PHASE_2,
                                   "IX.A.3.D");
  expect_only (best_sub, "best IX sub-commitment", "IX.A.17.G", 2.33);
  worst_sub = occ_results_get_worst (fixture->results, COUNTRY, PHASE_2,
                                     "IX.A.3.D");
  expect_only (worst_sub, "worst IX sub-commitment", "IX.A.24.F", 0.78);
  expect_rank (fixture, "IX.A.17.G", 1);
  expect_rank (fixture, "IX.A.3.D", 3);
  expect_rank (fixture, "IX.A.24.F", 8);
  if (failed)
    g_test_fail ();
}

/* The worked example of occ-v1 §5. */
static void
test_results_example (Fixture *fixture, gconstpointer data)
{
  g_autoptr (OccScore) leaf = NULL;
  g_autoptr (OccScore) theme = NULL;
  g_autoptr (OccScore) inclusive = NULL;
  double v = 0;

  failed = FALSE;
  leaf = lookup (fixture, PHASE_2, "VIII.25");
  theme = lookup (fixture, PHASE_2, "VIII.T3");
  inclusive = lookup (fixture, PHASE_2, "VIII.7");
  if (leaf == NULL || theme == NULL || inclusive == NULL)
    {
      g_test_fail ();
      return;
    }
  expect_value (leaf, "VIII.25", "value", 1.29);
  g_assert_cmpstr (occ_score_get_band (leaf), ==, "low");
  if (!occ_score_get_delta (leaf, &v) || !close_to (v, -0.76))
    mismatch ("VIII.25", "+-", -0.76, occ_score_get_delta (leaf, NULL), v);
  g_assert_cmpuint (occ_score_get_rank (leaf), ==, 6);
  g_assert_cmpstr (occ_score_get_criterion_band (leaf, (guint) fixture->r),
                   ==, "high");
  g_assert_cmpint (occ_score_get_depth (leaf), ==, 2);

  expect_value (theme, "VIII.T3", "value", 1.29);
  g_assert_cmpuint (occ_score_get_rank (theme), ==, 3);
  g_assert_cmpint (occ_score_get_missing_children (theme), ==, 0);
  g_assert_cmpint (occ_score_get_depth (theme), ==, 1);

  g_assert_true (occ_score_get_inclusion (inclusive, &v));
  g_assert_cmpfloat_with_epsilon (v, 0.46, 1e-9);
  /* Rule 6: a published inclusion without raters is the leaf's own and is
   * not pooled; nothing else below VIII.T1 recorded groups, so the theme
   * has no inclusion (VIII.7 0.46 and VIII.8 0.11 are not averaged). */
  {
    g_autoptr (OccScore) theme1 = lookup (fixture, PHASE_2, "VIII.T1");

    if (theme1 != NULL && occ_score_get_inclusion (theme1, &v))
      {
        g_printerr ("FAIL VIII.T1: expected no inclusion, got %.4f\n", v);
        failed = TRUE;
      }
  }
  if (failed)
    g_test_fail ();
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func)                                                      \
  g_test_add ("/conformance/peru/" path, Fixture, NULL, fixture_set_up,      \
              func, fixture_tear_down)
  ADD ("annex-viii", test_annex_viii);
  ADD ("annex-ix", test_annex_ix);
  ADD ("phase1-averages", test_phase1_averages);
  ADD ("bands", test_bands);
  ADD ("best-and-worst", test_best_and_worst);
  ADD ("results-example", test_results_example);
#undef ADD

  return g_test_run ();
}

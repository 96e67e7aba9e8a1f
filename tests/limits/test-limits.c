/* test-limits.c: every limit of docs/reliability.md, just inside and just
 * past it
 *
 * Input that would exhaust the stack or memory is refused with
 * OCC_ERROR_LIMIT naming the place, never by dying. Every input here is
 * generated (a sparse file stands for a multi-gigabyte one), so nothing
 * huge is committed.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <errno.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <occ/occ.h>

#define MAX_INPUT_SIZE (128u << 20)
#define MAX_DEPTH 48
#define MAX_ID_LENGTH 1024
#define MAX_STRING_LENGTH (64u << 10)
#define MAX_IDS (1u << 20)
#define MAX_CELLS (1u << 24)
#define MAX_SCORE_SLOTS (1u << 26)
#define MAX_CRITERIA 64
#define MAX_GROUPS 65535
#define MAX_BANDS 256

#define HEAD "{\"format\": \"occ-dataset/1\", "

/* A load that must fail with @code and name @place in its message. */
static void
expect_error (const char *text, gssize length, OccError code,
              const char *place)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (OccDataset) dataset = occ_dataset_new_from_data (text, length,
                                                              &error);

  g_assert_null (dataset);
  if (!g_error_matches (error, OCC_ERROR, (int) code))
    g_error ("expected code %d: %s", code, error ? error->message : "none");
  if (strstr (error->message, place) == NULL)
    g_error ("the message does not name \"%s\": %s", place, error->message);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  g_test_message ("%.200s", error->message);
}

static void
expect_limit (const char *text, const char *place)
{
  expect_error (text, -1, OCC_ERROR_LIMIT, place);
}

static OccDataset *
expect_load (const char *text)
{
  g_autoptr (GError) error = NULL;
  OccDataset *dataset = occ_dataset_new_from_data (text, -1, &error);

  g_assert_no_error (error);
  g_assert_nonnull (dataset);
  return dataset;
}

/* "[0, 0, ...]": n entries that are cheap to parse; a count limit refuses
 * the array before looking at any of them. */
static void
append_zeros (GString *s, guint n)
{
  g_string_append_c (s, '[');
  for (guint i = 0; i < n; i++)
    g_string_append (s, i ? ",0" : "0");
  g_string_append_c (s, ']');
}

/* [{"id": "PREFIX0"}, ...] */
static void
append_ids (GString *s, const char *prefix, guint n)
{
  g_string_append_c (s, '[');
  for (guint i = 0; i < n; i++)
    g_string_append_printf (s, "%s{\"id\":\"%s%u\"}", i ? "," : "", prefix,
                            i);
  g_string_append_c (s, ']');
}

/* 1.2 refused input of more than 128 MiB: json-glib kept a tree of all
 * of it. The streaming reader keeps none, so there is no size limit;
 * what is wrong is refused where it is, at once, whatever follows. */
static void
test_input_size_data (void)
{
  /* Zeroed pages that are never touched: the first byte is refused. */
  gsize length = MAX_INPUT_SIZE + 1;
  g_autofree char *data = g_malloc0 (length);
  g_autoptr (GBytes) bytes = g_bytes_new_static (data, length);
  g_autoptr (GError) error = NULL;
  g_autoptr (GError) bytes_error = NULL;
  g_autoptr (OccDataset) from_bytes = NULL;
  g_autoptr (OccMethodology) m = NULL;

  expect_error (data, (gssize) length, OCC_ERROR_SYNTAX,
                "<data>:1:1: a NUL byte");
  from_bytes = occ_dataset_new_from_bytes (bytes, &bytes_error);
  g_assert_null (from_bytes);
  g_assert_error (bytes_error, OCC_ERROR, OCC_ERROR_SYNTAX);
  m = occ_methodology_new_from_data (data, (gssize) length, &error);
  g_assert_null (m);
  g_assert_error (error, OCC_ERROR, OCC_ERROR_SYNTAX);
}

/* A 5 GiB file (sparse: it takes no disk) is read a chunk at a time:
 * refused at its first byte, with its name, without reading the rest. */
static void
test_input_size_file (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (OccDataset) dataset = NULL;
  g_autofree char *path = NULL;
  int fd = g_file_open_tmp ("occ-limits-XXXXXX.json", &path, &error);

  g_assert_no_error (error);
  if (ftruncate (fd, (off_t) 5 << 30) != 0)
    {
      g_test_skip_printf ("cannot make a sparse file: %s",
                          g_strerror (errno));
      close (fd);
      g_unlink (path);
      return;
    }
  close (fd);
  dataset = occ_dataset_new_from_file (path, &error);
  g_unlink (path);
  g_assert_null (dataset);
  g_assert_error (error, OCC_ERROR, OCC_ERROR_SYNTAX);
  g_assert_true (g_str_has_prefix (error->message, path));
  g_assert_nonnull (strstr (error->message, ":1:1: a NUL byte"));
}

static char *
nested (guint depth)
{
  GString *s = g_string_new (HEAD "\"methodology\": \"cco-2024\", \"x\": ");

  /* The document itself is the first level. */
  for (guint i = 1; i < depth; i++)
    g_string_append_c (s, '[');
  for (guint i = 1; i < depth; i++)
    g_string_append_c (s, ']');
  g_string_append_c (s, '}');
  return g_string_free (s, FALSE);
}

static void
test_depth (void)
{
  g_autofree char *at_limit = nested (MAX_DEPTH);
  g_autofree char *past_limit = nested (MAX_DEPTH + 1);
  g_autoptr (OccDataset) dataset = expect_load (at_limit);

  expect_limit (past_limit, "<data>:1:108: ");
  expect_limit (past_limit, ": nesting deeper than 48 levels");
}

/* json-glib reads 'strings' and comments, which could hide a quote, and
 * with it 200000 brackets, from the depth guard: refused, not a stack
 * overflow. */
static void
test_depth_hidden (void)
{
  const char *const hiders[] = { "\"x\": '\"', \"y\": ", "/* \" */ \"y\": ",
                                 "# \"\n\"y\": " };

  for (guint h = 0; h < G_N_ELEMENTS (hiders); h++)
    {
      GString *s = g_string_new (HEAD);
      g_autofree char *text = NULL;

      g_string_append (s, hiders[h]);
      for (guint i = 0; i < 200000; i++)
        g_string_append_c (s, '[');
      for (guint i = 0; i < 200000; i++)
        g_string_append_c (s, ']');
      g_string_append_c (s, '}');
      text = g_string_free (s, FALSE);
      expect_error (text, -1, OCC_ERROR_SYNTAX, "are not JSON");
    }
}

static char *
with_string (const char *countries_id, const char *title)
{
  return g_strdup_printf (HEAD "\"methodology\": \"cco-2024\", "
                               "\"title\": \"%s\", "
                               "\"countries\": [{\"id\": \"%s\"}]}",
                          title, countries_id);
}

static void
test_string_length (void)
{
  g_autofree char *id = g_strnfill (MAX_ID_LENGTH, 'i');
  g_autofree char *long_id = g_strnfill (MAX_ID_LENGTH + 1, 'i');
  g_autofree char *title = g_strnfill (MAX_STRING_LENGTH, 't');
  g_autofree char *long_title = g_strnfill (MAX_STRING_LENGTH + 1, 't');
  g_autofree char *ok = with_string (id, title);
  g_autofree char *bad_id = with_string (long_id, "t");
  g_autofree char *bad_title = with_string ("i", long_title);
  g_autoptr (OccDataset) dataset = expect_load (ok);

  g_assert_cmpuint (strlen (occ_dataset_get_country_id (dataset, 0)), ==,
                    MAX_ID_LENGTH);
  expect_limit (bad_id, "countries[0].id: a string of 1025 bytes");
  expect_limit (bad_title, "title: a string of 65537 bytes");
}

/* More than 2^20 countries, phases, raters or nodes, in one array or over
 * the whole framework. */
static void
test_id_count (void)
{
  const char *const members[] = { "countries", "phases", "raters",
                                  "framework" };

  for (guint m = 0; m < G_N_ELEMENTS (members); m++)
    {
      GString *s = g_string_new (HEAD "\"methodology\": \"cco-2024\", ");
      g_autofree char *text = NULL;
      g_autofree char *place = g_strdup_printf ("%s: ", members[m]);

      g_string_append_printf (s, "\"%s\": ", members[m]);
      append_zeros (s, MAX_IDS + 1);
      g_string_append_c (s, '}');
      text = g_string_free (s, FALSE);
      expect_limit (text, place);
    }
  {
    /* One node at the top and 2^20 below it: one too many. */
    GString *s = g_string_new (HEAD "\"methodology\": \"cco-2024\", "
                                    "\"framework\": [{\"id\": \"a\", "
                                    "\"children\": ");
    g_autofree char *text = NULL;

    append_zeros (s, MAX_IDS);
    g_string_append (s, "}]}");
    text = g_string_free (s, FALSE);
    expect_limit (text, "framework[0].children: more than 1048576 nodes");
  }
}

static char *
cells_document (const char *methodology, guint countries, guint phases,
                guint nodes)
{
  GString *s = g_string_new (HEAD);

  g_string_append_printf (s, "\"methodology\": %s, \"countries\": ",
                          methodology);
  append_ids (s, "k", countries);
  g_string_append (s, ", \"phases\": ");
  append_ids (s, "p", phases);
  g_string_append (s, ", \"framework\": ");
  append_ids (s, "n", nodes);
  g_string_append_c (s, '}');
  return g_string_free (s, FALSE);
}

/* countries × phases × (nodes + 1) ≤ 2^24; before 1.1 a dataset without
 * nodes had "0 cells" and any number of countries and phases. */
static void
test_cells (void)
{
  g_autofree char *at_limit = cells_document ("\"cco-2024\"", 4096, 4096, 0);
  g_autofree char *past_limit = cells_document ("\"cco-2024\"", 4097, 4096,
                                                0);
  g_autofree char *one_node = cells_document ("\"cco-2024\"", 2048, 4096, 1);
  g_autofree char *one_node_past = cells_document ("\"cco-2024\"", 2049, 4096,
                                                   1);
  g_autoptr (OccDataset) a = expect_load (at_limit);
  g_autoptr (OccDataset) b = expect_load (one_node);

  g_assert_cmpuint (occ_dataset_get_n_countries (a)
                      * occ_dataset_get_n_phases (a),
                    ==, MAX_CELLS);
  expect_limit (past_limit, "(top level): 4097 countries × 4096 phases × "
                            "(0 nodes + 1) make 16781312 cells");
  expect_limit (one_node_past, "make 16785408 cells to score");
}

static char *
criteria_methodology (guint n, const char *extra)
{
  GString *s = g_string_new ("{\"id\": \"m\", \"scale\": {\"min\": 0, "
                             "\"max\": 3}, \"criteria\": ");

  append_ids (s, "c", n);
  g_string_append_printf (s, "%s}", extra);
  return g_string_free (s, FALSE);
}

/* cells × (criteria + 1) ≤ 2^26: with 64 criteria, about a million
 * cells. */
static void
test_score_slots (void)
{
  g_autofree char *m = criteria_methodology (MAX_CRITERIA, "");
  g_autofree char *at_limit = cells_document (m, 1024, 1008, 0);
  g_autofree char *past_limit = cells_document (m, 1024, 1009, 0);
  g_autoptr (OccDataset) dataset = expect_load (at_limit);

  g_assert_cmpuint (1024 * 1008 * (MAX_CRITERIA + 1), <=, MAX_SCORE_SLOTS);
  expect_limit (past_limit, "(top level): 1033216 cells × (64 criteria + 1) "
                            "make 67159040 scores to keep");
}

static void
expect_methodology (const char *json, OccError code, const char *place)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (OccMethodology) m = occ_methodology_new_from_data (json, -1,
                                                                &error);
  g_autofree char *document = NULL;

  if (place == NULL)
    {
      g_assert_no_error (error);
      g_assert_nonnull (m);
      return;
    }
  g_assert_null (m);
  if (!g_error_matches (error, OCC_ERROR, (int) code))
    g_error ("expected code %d: %s", code, error ? error->message : "none");
  if (strstr (error->message, place) == NULL)
    g_error ("the message does not name \"%s\": %s", place, error->message);
  /* The same inside a dataset, with the path from the top. */
  document = g_strdup_printf (HEAD "\"methodology\": %s}", json);
  expect_error (document, -1, code, "methodology.");
}

static void
test_methodology_limits (void)
{
  g_autofree char *criteria = criteria_methodology (MAX_CRITERIA, "");
  g_autofree char *too_many = criteria_methodology (MAX_CRITERIA + 1, "");
  GString *groups = g_string_new (", \"population_groups\": ");
  GString *bands = g_string_new (", \"bands\": [");
  g_autofree char *groups_json = NULL;
  g_autofree char *bands_json = NULL;
  g_autofree char *bands_past_json = NULL;

  expect_methodology (criteria, 0, NULL);
  expect_methodology (too_many, OCC_ERROR_LIMIT,
                      "criteria: more than 64 criteria");

  append_zeros (groups, MAX_GROUPS + 1);
  g_free (too_many);
  too_many = criteria_methodology (1, groups->str);
  expect_methodology (too_many, OCC_ERROR_LIMIT,
                      "population_groups: more than 65535 population groups");
  g_string_free (groups, TRUE);

  for (guint i = 0; i < MAX_BANDS; i++)
    g_string_append_printf (bands, "%s{\"label\": \"b%u\", \"from\": %u}",
                            i ? "," : "", i, i);
  g_string_append_c (bands, ']');
  bands_json = criteria_methodology (1, bands->str);
  expect_methodology (bands_json, 0, NULL);
  g_string_truncate (bands, bands->len - 1);
  g_string_append_printf (bands, ", {\"label\": \"last\", \"from\": %u}]",
                          MAX_BANDS);
  bands_past_json = criteria_methodology (1, bands->str);
  expect_methodology (bands_past_json, OCC_ERROR_LIMIT,
                      "bands: more than 256 bands");
  g_string_free (bands, TRUE);
}

/* occ-v1 revision 2's `levels` (one per depth, and depth is bounded by
 * the nesting limit) and `labels` (the languages of one label). */
static void
test_levels_and_languages (void)
{
  GString *levels = g_string_new (", \"levels\": [");
  GString *labels = g_string_new (", \"labels\": {");
  g_autofree char *at = NULL, *past = NULL;

  for (guint i = 0; i < 64; i++)
    g_string_append_printf (levels, "%s{\"label\": \"L%u\"}", i ? "," : "",
                            i);
  g_string_append (levels, "]");
  at = criteria_methodology (1, levels->str);
  expect_methodology (at, 0, NULL);
  g_string_truncate (levels, levels->len - 1);
  g_string_append (levels, ", {\"label\": \"one more\"}]");
  past = criteria_methodology (1, levels->str);
  expect_methodology (past, OCC_ERROR_LIMIT, "levels: more than 64 levels");
  g_string_free (levels, TRUE);

  /* Tags of two to eight letters: aa, ab, ... */
  for (guint i = 0; i < 257; i++)
    g_string_append_printf (labels, "%s\"%c%c%c\": \"x\"", i ? "," : "",
                            'a' + i / 26 / 26 % 26, 'a' + i / 26 % 26,
                            'a' + i % 26);
  g_string_append (labels, "}");
  g_free (past);
  past = criteria_methodology (1, labels->str);
  expect_methodology (past, OCC_ERROR_LIMIT,
                      "labels: more than 256 languages");
  g_string_free (labels, TRUE);
}

/* Numbers whose range keeps rounding keys inside 64-bit integers: RANGE
 * errors, as in libocc 1.0. */
static void
test_number_ranges (void)
{
  g_autofree char *precision = criteria_methodology (1, ", \"precision\": 9");
  g_autofree char *precision_past =
    criteria_methodology (1, ", \"precision\": 10");
  const char *scale =
    "{\"id\": \"m\", \"scale\": {\"min\": -1000000, \"max\": 1000000}, "
    "\"criteria\": [{\"id\": \"c\"}]}";
  const char *scale_past =
    "{\"id\": \"m\", \"scale\": {\"min\": 0, \"max\": 1000001}, "
    "\"criteria\": [{\"id\": \"c\"}]}";
  g_autofree char *min_raters =
    criteria_methodology (1, ", \"min_raters\": 2147483647");
  g_autofree char *min_raters_past =
    criteria_methodology (1, ", \"min_raters\": 2147483648");

  expect_methodology (precision, 0, NULL);
  expect_methodology (precision_past, OCC_ERROR_RANGE, "precision: 10");
  expect_methodology (scale, 0, NULL);
  expect_methodology (scale_past, OCC_ERROR_RANGE, "scale.max: 1000001");
  expect_methodology (min_raters, 0, NULL);
  expect_methodology (min_raters_past, OCC_ERROR_RANGE, "min_raters");
}

/* 100 000 ids in one rating's "groups": there are at most as many
 * distinct ones as the methodology has groups, so the first repeat is
 * refused at once. */
static void
test_long_groups_array (void)
{
  GString *s = g_string_new (
    HEAD "\"methodology\": \"cco-2024\", \"countries\": [{\"id\": \"X\"}], "
         "\"phases\": [{\"id\": \"p\"}], \"raters\": [{\"id\": \"r\"}], "
         "\"framework\": [{\"id\": \"L\"}], \"ratings\": [{\"country\": "
         "\"X\", \"phase\": \"p\", \"node\": \"L\", \"rater\": \"r\", "
         "\"scores\": {}, \"groups\": [");
  g_autofree char *text = NULL;

  for (guint i = 0; i < 100000; i++)
    g_string_append (s, i ? ",\"women\"" : "\"women\"");
  g_string_append (s, "]}]}");
  text = g_string_free (s, FALSE);
  expect_error (text, -1, OCC_ERROR_DUPLICATE,
                "ratings[0].groups[1]: population group \"women\" is "
                "marked twice");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/limits/input-size/data", test_input_size_data);
  g_test_add_func ("/limits/input-size/file", test_input_size_file);
  g_test_add_func ("/limits/depth", test_depth);
  g_test_add_func ("/limits/depth/hidden", test_depth_hidden);
  g_test_add_func ("/limits/string-length", test_string_length);
  g_test_add_func ("/limits/ids", test_id_count);
  g_test_add_func ("/limits/cells", test_cells);
  g_test_add_func ("/limits/score-slots", test_score_slots);
  g_test_add_func ("/limits/methodology", test_methodology_limits);
  g_test_add_func ("/limits/levels-and-languages", test_levels_and_languages);
  g_test_add_func ("/limits/number-ranges", test_number_ranges);
  g_test_add_func ("/limits/groups-array", test_long_groups_array);
  return g_test_run ();
}

/* test-csv.c: ratings as CSV, read and written
 *
 * faults/index.tests lists CSV files read over base.json, one per line:
 *
 *   FILENAME<TAB>CODE<TAB>EXPECTED
 *
 * Each file is read three ways: from its file, from memory, and from a
 * stream that gives one byte per read (so that every state of the reader
 * meets a chunk boundary). A bad file must fail the same way each time,
 * with the code and the place (FILE:LINE:COLUMN and column name) and rule
 * in EXPECTED; a valid one must give the same dataset each time, with
 * EXPECTED ratings. The other tests cover round trips (JSON → CSV → JSON
 * gives the same dataset and the same scores), the template, the stream
 * writer, limits, and what is kept from the base.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <string.h>

#include <occ/occ.h>

#define CSV_DIR OCC_TEST_SRCDIR "/tests/csv"

/* A stream that gives at most one byte per read ----------------------- */

#define TEST_TYPE_ONE_BYTE_STREAM (test_one_byte_stream_get_type ())
G_DECLARE_FINAL_TYPE (TestOneByteStream, test_one_byte_stream, TEST,
                      ONE_BYTE_STREAM, GInputStream)

struct _TestOneByteStream
{
  GInputStream parent_instance;
  GBytes *bytes;
  gsize offset;
};

G_DEFINE_FINAL_TYPE (TestOneByteStream, test_one_byte_stream,
                     G_TYPE_INPUT_STREAM)

static gssize
one_byte_read (GInputStream *stream, void *buffer, gsize count,
               GCancellable *cancellable, GError **error)
{
  TestOneByteStream *self = TEST_ONE_BYTE_STREAM (stream);
  gsize length;
  const guint8 *data = g_bytes_get_data (self->bytes, &length);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return -1;
  if (self->offset >= length || count == 0)
    return 0;
  ((guint8 *) buffer)[0] = data[self->offset++];
  return 1;
}

static void
one_byte_finalize (GObject *object)
{
  g_bytes_unref (TEST_ONE_BYTE_STREAM (object)->bytes);
  G_OBJECT_CLASS (test_one_byte_stream_parent_class)->finalize (object);
}

static void
test_one_byte_stream_class_init (TestOneByteStreamClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = one_byte_finalize;
  G_INPUT_STREAM_CLASS (klass)->read_fn = one_byte_read;
}

static void
test_one_byte_stream_init (TestOneByteStream *self)
{
}

static GInputStream *
one_byte_stream_new (GBytes *bytes)
{
  TestOneByteStream *self = g_object_new (TEST_TYPE_ONE_BYTE_STREAM, NULL);

  self->bytes = g_bytes_ref (bytes);
  return G_INPUT_STREAM (self);
}

/* Helpers -------------------------------------------------------------- */

static OccDataset *
load_base (void)
{
  g_autoptr (GError) error = NULL;
  OccDataset *base = occ_dataset_new_from_file (CSV_DIR "/base.json", &error);

  g_assert_no_error (error);
  return base;
}

static char *
dataset_json (OccDataset *dataset)
{
  return occ_dataset_to_data (dataset, NULL);
}

static char *
results_json (OccDataset *dataset)
{
  g_autoptr (OccResults) results = occ_results_new (dataset);
  return occ_results_to_data (results, NULL);
}

static const char *const code_names[] = {
  [OCC_ERROR_SYNTAX] = "SYNTAX",
  [OCC_ERROR_FORMAT] = "FORMAT",
  [OCC_ERROR_TYPE] = "TYPE",
  [OCC_ERROR_RANGE] = "RANGE",
  [OCC_ERROR_UNKNOWN_ID] = "UNKNOWN_ID",
  [OCC_ERROR_DUPLICATE] = "DUPLICATE",
  [OCC_ERROR_STRUCTURE] = "STRUCTURE",
  [OCC_ERROR_LIMIT] = "LIMIT",
};

static int
code_from_name (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (code_names); i++)
    if (g_str_equal (name, code_names[i]))
      return (int) i;
  g_error ("index.tests: unknown code %s", name);
}

/* The faults and valid files of faults/index.tests -------------------- */

typedef struct
{
  char *file;
  char *code;
  char *expected;
} Case;

static void
case_free (gpointer data)
{
  Case *c = data;

  g_free (c->file);
  g_free (c->code);
  g_free (c->expected);
  g_free (c);
}

/* Check one load's outcome; @prefix is what the message starts with. */
static void
check_outcome (const Case *c, const char *how, OccDataset *dataset,
               const GError *error, const char *prefix)
{
  if (g_str_equal (c->code, "VALID"))
    {
      if (error != NULL)
        g_error ("%s (%s): expected to load, got: %s", c->file, how,
                 error->message);
      g_assert_cmpuint (occ_dataset_get_n_ratings (dataset), ==,
                        g_ascii_strtoull (c->expected, NULL, 10));
      return;
    }
  if (dataset != NULL)
    g_error ("%s (%s): loaded, expected %s", c->file, how, c->code);
  g_assert_nonnull (error);
  if (!g_error_matches (error, OCC_ERROR, code_from_name (c->code)))
    g_error ("%s (%s): expected %s, got %s (%d): %s", c->file, how, c->code,
             g_quark_to_string (error->domain), error->code, error->message);
  if (!g_str_has_prefix (error->message, prefix)
      || strstr (error->message, c->expected) == NULL)
    g_error ("%s (%s): the message should start with \"%s\" and contain "
             "\"%s\": %s",
             c->file, how, prefix, c->expected, error->message);
}

static void
test_case (gconstpointer data)
{
  const Case *c = data;
  g_autoptr (OccDataset) base = load_base ();
  g_autofree char *path = g_build_filename (CSV_DIR, "faults", c->file, NULL);
  g_autofree char *display = g_filename_display_name (path);
  g_autofree char *contents = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GInputStream) stream = NULL;
  g_autoptr (GError) e1 = NULL, e2 = NULL, e3 = NULL;
  g_autoptr (OccDataset) d1 = NULL, d2 = NULL, d3 = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  bytes = g_bytes_new (contents, length);
  stream = one_byte_stream_new (bytes);

  d1 = occ_dataset_new_with_ratings_csv (base, path, &e1);
  check_outcome (c, "file", d1, e1, display);
  d2 = occ_dataset_new_with_ratings_csv_bytes (base, bytes, &e2);
  check_outcome (c, "bytes", d2, e2, "<data>:");
  d3 = occ_dataset_new_with_ratings_csv_stream (base, stream, "stream", NULL,
                                                &e3);
  check_outcome (c, "one-byte stream", d3, e3, "stream:");
  if (d1 != NULL)
    {
      g_autofree char *j1 = dataset_json (d1);
      g_autofree char *j2 = dataset_json (d2);
      g_autofree char *j3 = dataset_json (d3);
      g_assert_cmpstr (j1, ==, j2);
      g_assert_cmpstr (j1, ==, j3);
    }
  else
    {
      /* The same message after the source name. */
      g_assert_cmpstr (e1->message + strlen (display), ==,
                       e2->message + strlen ("<data>"));
      g_assert_cmpstr (e1->message + strlen (display), ==,
                       e3->message + strlen ("stream"));
    }
}

static GPtrArray *
read_index (void)
{
  g_autofree char *text = NULL;
  g_auto (GStrv) lines = NULL;
  GPtrArray *cases = g_ptr_array_new_with_free_func (case_free);

  g_assert_true (g_file_get_contents (CSV_DIR "/faults/index.tests", &text,
                                      NULL, NULL));
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto (GStrv) fields = NULL;
      Case *c;

      if (lines[i][0] == '#' || lines[i][0] == '\0')
        continue;
      fields = g_strsplit (lines[i], "\t", 3);
      g_assert_cmpuint (g_strv_length (fields), ==, 3);
      c = g_new0 (Case, 1);
      c->file = g_strdup (fields[0]);
      c->code = g_strdup (fields[1]);
      c->expected = g_strdup (fields[2]);
      g_ptr_array_add (cases, c);
    }
  return cases;
}

/* Round trips ---------------------------------------------------------- */

/* JSON → CSV → JSON: the same dataset, to the byte, and the same scores. */
static void
test_round_trip (void)
{
  g_autoptr (OccDataset) base = load_base ();
  g_autoptr (OccDataset) back = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *csv = NULL, *j1 = NULL, *j2 = NULL, *r1 = NULL, *r2 = NULL;
  gsize length;

  csv = occ_dataset_ratings_to_csv (base, &length);
  g_assert_cmpuint (length, ==, strlen (csv));
  g_assert_true (g_str_has_prefix (
    csv, "country,phase,node,rater,R,E,S,groups,validated,evidence\r\n"));
  /* Evidence with commas, quotes and a line break is quoted. */
  g_assert_nonnull (strstr (
    csv, "PE,2024,IX.A.1,org-1,2,1,,women;youth,true,\"[{\"\"kind\"\":"));
  back = occ_dataset_new_with_ratings_csv_data (base, csv, -1, &error);
  g_assert_no_error (error);
  j1 = dataset_json (base);
  j2 = dataset_json (back);
  g_assert_cmpstr (j1, ==, j2);
  r1 = results_json (base);
  r2 = results_json (back);
  g_assert_cmpstr (r1, ==, r2);
}

/* occ-v1 §2, §4.6 in a sheet: a sheet without a `groups` column records
 * no inclusion; with it, an empty cell records "none" and a lone `?`
 * records nothing (what a JSON rating without `groups` exports as). */
static void
test_groups_recorded (void)
{
  g_autoptr (OccDataset) base = load_base ();
  g_autoptr (GError) error = NULL;
  g_autoptr (OccDataset) without = NULL, with = NULL, back = NULL;
  g_autofree char *csv = NULL, *j1 = NULL, *j2 = NULL;
  double inclusion;

  without = occ_dataset_new_with_ratings_csv_data (
    base, "country,phase,node,rater,R,E,S\nPE,2022,IX.B.1,org-1,3,3,3\n", -1,
    &error);
  g_assert_no_error (error);
  g_assert_false (occ_dataset_get_rating_records_groups (without, 0));
  {
    g_autoptr (OccResults) results = occ_results_new (without);
    g_autoptr (OccScore) leaf = occ_results_lookup (results, "PE", "2022",
                                                    "IX.B.1");
    g_assert_false (occ_score_get_inclusion (leaf, NULL));
  }
  with = occ_dataset_new_with_ratings_csv_data (
    base,
    "country,phase,node,rater,R,E,S,groups\n"
    "PE,2022,IX.B.1,org-1,3,3,3,\n"
    "PE,2022,IX.B.1,org-2,3,3,3, ? \n"
    "PE,2022,IX.B.1,org-3,3,3,3,women\n",
    -1, &error);
  g_assert_no_error (error);
  g_assert_true (occ_dataset_get_rating_records_groups (with, 0));
  g_assert_false (occ_dataset_get_rating_records_groups (with, 1));
  g_assert_true (occ_dataset_get_rating_records_groups (with, 2));
  {
    g_autoptr (OccResults) results = occ_results_new (with);
    g_autoptr (OccScore) leaf = occ_results_lookup (results, "PE", "2022",
                                                    "IX.B.1");
    /* 1 marked of 2 recording ratings × 9 groups */
    g_assert_true (occ_score_get_inclusion (leaf, &inclusion));
    g_assert_cmpfloat (inclusion, ==, 1.0 / 18);
  }
  /* Written back: `?` for org-2, an empty cell for org-1; read again, the
   * same dataset. */
  csv = occ_dataset_ratings_to_csv (with, NULL);
  g_assert_nonnull (strstr (csv, "PE,2022,IX.B.1,org-1,3,3,3,,,\r\n"));
  g_assert_nonnull (strstr (csv, "PE,2022,IX.B.1,org-2,3,3,3,?,,\r\n"));
  back = occ_dataset_new_with_ratings_csv_data (base, csv, -1, &error);
  g_assert_no_error (error);
  j1 = dataset_json (with);
  j2 = dataset_json (back);
  g_assert_cmpstr (j1, ==, j2);
}

/* The CSV replaces the base's ratings and keeps everything else. */
static void
test_replaces_ratings (void)
{
  g_autoptr (OccDataset) base = load_base ();
  g_autoptr (OccDataset) with = NULL;
  g_autoptr (GError) error = NULL;
  const char *csv = "node,rater,country,phase,E,S,R\n"
                    "IX.B.1,org-1,PE,2022,3,3,3\n";
  double value;

  with = occ_dataset_new_with_ratings_csv_data (base, csv, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (occ_dataset_get_n_ratings (base), ==, 4);
  g_assert_cmpuint (occ_dataset_get_n_ratings (with), ==, 1);
  g_assert_cmpuint (occ_dataset_get_n_published (with), ==, 1);
  g_assert_cmpstr (occ_dataset_get_title (with), ==,
                   occ_dataset_get_title (base));
  g_assert_true (occ_dataset_get_methodology (with)
                 == occ_dataset_get_methodology (base));
  g_assert_cmpstr (occ_dataset_get_rater_name (with, 1), ==, "Two, Inc.");
  g_assert_cmpstr (occ_dataset_get_rater_country (with, 2), ==, "CL");
  g_assert_cmpuint (occ_dataset_get_n_nodes (with), ==, 8);
  g_assert_true (occ_dataset_get_rating_validated (with, 0) < 0);
  g_assert_null (occ_dataset_get_rating_evidence (with, 0));
  {
    g_autoptr (OccResults) results = occ_results_new (with);
    g_autoptr (OccScore) leaf = occ_results_lookup (results, "PE", "2022",
                                                    "IX.B.1");
    g_autoptr (OccScore) published = occ_results_lookup (results, "CL",
                                                         "2022", "IX.A.2");
    g_assert_true (occ_score_get_value (leaf, &value));
    g_assert_cmpfloat (value, ==, 3.0);
    g_assert_true (occ_score_get_criterion_value (published, 0, &value));
    g_assert_cmpfloat (value, ==, 1.33);
  }
  /* The base is untouched and outlives nothing it shares. */
  g_clear_object (&base);
  g_assert_cmpstr (occ_node_get_id (occ_dataset_get_node (with, 2)), ==,
                   "IX.A.1");
  g_assert_cmpstr (
    occ_node_get_id (occ_node_get_parent (occ_dataset_get_node (with, 2))),
    ==, "IX.A");
}

/* The template --------------------------------------------------------- */

static void
test_template (void)
{
  g_autoptr (OccDataset) base = load_base ();
  g_autoptr (OccDataset) empty = NULL, filled = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *csv = NULL;
  g_auto (GStrv) lines = NULL;
  g_autoptr (GString) edited = NULL;
  gsize length;

  csv = occ_dataset_template_to_csv (base, &length);
  lines = g_strsplit (csv, "\r\n", -1);
  /* A header, 2 countries × 2 phases × 4 leaves, and the last CRLF. */
  g_assert_cmpuint (g_strv_length (lines), ==, 1 + 16 + 1);
  g_assert_cmpstr (lines[0], ==,
                   "country,phase,node,label,rater,R,E,S,groups,validated");
  g_assert_cmpstr (
    lines[1], ==, "PE,2022,IX.A.1,\"Commitment 1, \"\"open\"\" data\",,,,,,");
  g_assert_cmpstr (lines[16], ==, "CL,2024,VIII.1,Commitment 1,,,,,,");
  /* Nobody filled it in: no ratings, and it loads. */
  empty = occ_dataset_new_with_ratings_csv_data (base, csv, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (occ_dataset_get_n_ratings (empty), ==, 0);
  /* One rater fills one row. */
  edited = g_string_new (csv);
  g_string_replace (edited, "CL,2024,VIII.1,Commitment 1,,,,,,",
                    "CL,2024,VIII.1,Commitment 1,org-3,1,2,,rural,true", 1);
  filled = occ_dataset_new_with_ratings_csv_data (base, edited->str, -1,
                                                  &error);
  g_assert_no_error (error);
  g_assert_cmpuint (occ_dataset_get_n_ratings (filled), ==, 1);
  g_assert_cmpint (occ_dataset_get_rating_validated (filled, 0), ==, 1);
}

/* The stream writer ---------------------------------------------------- */

static void
test_write_stream (void)
{
  g_autoptr (OccDataset) base = load_base ();
  g_autoptr (GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr (GError) error = NULL;
  g_autofree char *expected = occ_dataset_ratings_to_csv (base, NULL);
  g_autoptr (GBytes) written = NULL;
  g_autoptr (GOutputStream) closed = g_memory_output_stream_new_resizable ();

  g_assert_true (occ_dataset_write_ratings_csv (base, out, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_close (out, NULL, NULL));
  written =
    g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (out));
  g_assert_cmpmem (g_bytes_get_data (written, NULL),
                   g_bytes_get_size (written), expected, strlen (expected));
  /* A failing stream is reported. */
  g_assert_true (g_output_stream_close (closed, NULL, NULL));
  g_assert_false (occ_dataset_write_ratings_csv (base, closed, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CLOSED);
}

/* A big dataset through the stream writer and back, crossing many chunks. */
static void
test_write_stream_large (void)
{
  g_autoptr (OccDataset) base = load_base ();
  g_autoptr (GString) csv = g_string_new ("country,phase,node,rater,R,E,S\n");
  g_autoptr (OccDataset) big = NULL, back = NULL;
  g_autoptr (GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr (GBytes) written = NULL;
  g_autoptr (GInputStream) in = NULL;
  g_autoptr (GError) error = NULL;
  const char *nodes[] = { "IX.A.1", "IX.A.2", "IX.B.1", "VIII.1" };
  const char *countries[] = { "PE", "CL" };
  const char *phases[] = { "2022", "2024" };
  const char *raters[] = { "org-1", "org-2", "org-3" };
  g_autofree char *j1 = NULL, *j2 = NULL;

  /* Every (country, phase, node, rater) once: 48 ratings, many times over
   * by repeating with the methodology's full range of scores. */
  for (guint i = 0; i < 48; i++)
    g_string_append_printf (csv, "%s,%s,%s,%s,%u,%u,%u\n", countries[i % 2],
                            phases[i / 2 % 2], nodes[i / 4 % 4],
                            raters[i / 16], i % 4, (i / 3) % 4, (i / 7) % 4);
  big = occ_dataset_new_with_ratings_csv_data (base, csv->str, -1, &error);
  g_assert_no_error (error);
  g_assert_true (occ_dataset_write_ratings_csv (big, out, NULL, &error));
  g_assert_true (g_output_stream_close (out, NULL, NULL));
  written =
    g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (out));
  in = g_memory_input_stream_new_from_bytes (written);
  back = occ_dataset_new_with_ratings_csv_stream (base, in, NULL, NULL,
                                                  &error);
  g_assert_no_error (error);
  j1 = dataset_json (big);
  j2 = dataset_json (back);
  g_assert_cmpstr (j1, ==, j2);
}

/* Limits and odd inputs ----------------------------------------------- */

static void
expect_error (OccDataset *base, const char *data, gssize length, int code,
              const char *contains)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (OccDataset) dataset =
    occ_dataset_new_with_ratings_csv_data (base, data, length, &error);

  g_assert_null (dataset);
  g_assert_error (error, OCC_ERROR, code);
  if (strstr (error->message, contains) == NULL)
    g_error ("\"%s\" not in: %s", contains, error->message);
}

static void
test_limits (void)
{
  g_autoptr (OccDataset) base = load_base ();
  g_autoptr (GString) s = g_string_new ("country,phase,node,rater,R,E,S,x\n"
                                        "PE,2024,IX.A.1,org-1,1,1,1,");

  /* A field longer than 1 MiB, unquoted, quoted, and of doubled quotes. */
  for (guint i = 0; i < (1u << 20) + 1; i++)
    g_string_append_c (s, 'x');
  expect_error (base, s->str, (gssize) s->len, OCC_ERROR_LIMIT,
                "<data>:2:28: a field is longer than 1048576 bytes");
  g_string_truncate (s, strlen ("country,phase,node,rater,R,E,S,x\n"
                                "PE,2024,IX.A.1,org-1,1,1,1,"));
  g_string_append_c (s, '"');
  for (guint i = 0; i < (1u << 20) + 1; i++)
    g_string_append (s, i % 1000 == 0 ? "\n" : "\"\"");
  expect_error (base, s->str, (gssize) s->len, OCC_ERROR_LIMIT,
                "<data>:2:28: a field is longer");
  /* A record longer than 4 MiB, each field within its own limit (256
   * fields of 1 MiB took 518 MiB before records were bounded): refused
   * at the line where the record starts. */
  g_string_assign (s, "country,phase,node,rater,R,E,S,x\n");
  for (guint f = 0; f < 5; f++)
    {
      g_string_append_c (s, f ? ',' : '"');
      if (f)
        g_string_append_c (s, '"');
      for (guint i = 0; i < (1u << 20) - 16; i++)
        g_string_append_c (s, 'y');
      g_string_append_c (s, '"');
    }
  expect_error (base, s->str, (gssize) s->len, OCC_ERROR_LIMIT,
                "<data>:2:1: a record is longer than 4194304 bytes (4 MiB)");
  /* More than 4096 fields in a record. */
  g_string_assign (s, "country,phase,node,rater,R,E,S");
  for (guint i = 0; i < 4100; i++)
    g_string_append_c (s, ',');
  expect_error (base, s->str, (gssize) s->len, OCC_ERROR_LIMIT,
                "more than 4096 fields");
  /* Data with an embedded NUL, given with its length. */
  expect_error (base, "country\0", 8, OCC_ERROR_SYNTAX, "<data>:1:8: a NUL");
  /* Nothing at all. */
  expect_error (base, "", 0, OCC_ERROR_FORMAT, "<data>:1:1: no header");
  expect_error (base, NULL, 0, OCC_ERROR_FORMAT, "no header");
  /* A lone BOM, and a partial one. */
  expect_error (base, "\xef\xbb\xbf", -1, OCC_ERROR_FORMAT, "no header");
  expect_error (base, "\xef\xbb", -1, OCC_ERROR_SYNTAX, "not valid UTF-8");
}

static void
test_file_errors (void)
{
  g_autoptr (OccDataset) base = load_base ();
  g_autoptr (GError) error = NULL;
  g_autoptr (OccDataset) dataset = NULL;
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (GBytes) bytes = g_bytes_new_static ("country\n", 8);
  g_autoptr (GInputStream) stream = one_byte_stream_new (bytes);

  dataset = occ_dataset_new_with_ratings_csv (base, CSV_DIR "/no-such.csv",
                                              &error);
  g_assert_null (dataset);
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  g_assert_nonnull (strstr (error->message, "no-such.csv"));
  g_clear_error (&error);
  /* A directory opens but cannot be read. */
  dataset = occ_dataset_new_with_ratings_csv (base, CSV_DIR, &error);
  g_assert_null (dataset);
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_ISDIR);
  g_clear_error (&error);
  g_cancellable_cancel (cancellable);
  dataset = occ_dataset_new_with_ratings_csv_stream (base, stream, NULL,
                                                     cancellable, &error);
  g_assert_null (dataset);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

/* A criterion named like a column of the CSV cannot be read from it. */
static void
test_reserved_criterion (void)
{
  g_autoptr (GError) error = NULL;
  const char *json =
    "{\"format\": \"occ-dataset/1\", \"methodology\": {\"id\": \"odd\", "
    "\"scale\": {\"min\": 0, \"max\": 3}, \"criteria\": [{\"id\": "
    "\"rater\"}], \"aggregation\": {\"raters\": \"mean\", \"criteria\": "
    "\"mean\", \"children\": \"mean\"}}, \"countries\": [{\"id\": \"PE\"}], "
    "\"phases\": [{\"id\": \"1\"}], \"framework\": [{\"id\": \"a\"}], "
    "\"raters\": [{\"id\": \"r\"}]}";
  g_autoptr (OccDataset) base = occ_dataset_new_from_data (json, -1, &error);
  g_assert_no_error (error);
  expect_error (base, "country,phase,node,rater\nPE,1,a,r\n", -1,
                OCC_ERROR_FORMAT,
                "criterion \"rater\" of methodology \"odd\"");
}

/* A JSON string literal of @text (quotes, backslashes, control chars). */
static void
append_json_string (GString *out, const char *text)
{
  g_string_append_c (out, '"');
  for (const char *p = text; *p; p++)
    if (*p == '"' || *p == '\\')
      g_string_append_printf (out, "\\%c", *p);
    else if ((guchar) *p < 0x20)
      g_string_append_printf (out, "\\u%04x", (guchar) *p);
    else
      g_string_append_c (out, *p);
  g_string_append_c (out, '"');
}

/* OWASP "CSV injection": cells a spreadsheet would evaluate are written
 * after a ', and read back without it; numbers are never touched. */
static void
test_formulas_neutralized (void)
{
  /* clang-format off */
  static const char *const ids[] = {
    "=cmd|' /C calc'!A0", "@SUM(1+1)", "+medium", "-x", "\tz", "'=q", "''@w",
    "-1", "+2.5", "1e-05", "plain", "'quoted", "\rcr",
    "=HYPERLINK(\"http://x\",\"y\")",
  };
  static const char *const expected[] = {
    "'=cmd|' /C calc'!A0", "'@SUM(1+1)", "'+medium", "'-x", "'\tz", "''=q",
    "'''@w", "-1", "'+2.5", "1e-05", "plain", "'quoted", "\"'\rcr\"",
    "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"",
  };
  /* clang-format on */
  GString *doc = g_string_new (
    "{\"format\": \"occ-dataset/1\", \"methodology\": {\"id\": \"f\","
    " \"scale\": {\"min\": 0, \"max\": 3}, \"criteria\": [{\"id\": \"R\"}],"
    " \"population_groups\": [{\"id\": \"=g\"}, {\"id\": \"h\"}]},"
    " \"countries\": [{\"id\": \"C\"}], \"phases\": [{\"id\": \"p\"}],"
    " \"framework\": [{\"id\": \"T\", \"children\": [{\"id\": \"-leaf\"}]}],"
    " \"raters\": [");
  g_autoptr (GError) error = NULL;
  g_autoptr (OccDataset) ds = NULL, back = NULL, raw_back = NULL;
  g_autofree char *csv = NULL, *raw = NULL, *j1 = NULL, *j2 = NULL;
  g_autofree char *j3 = NULL, *template = NULL, *doc_text = NULL;

  G_STATIC_ASSERT (G_N_ELEMENTS (ids) == G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autofree char *cell = occ_csv_quote_field (ids[i],
                                                   OCC_CSV_FLAGS_NONE);
      g_autofree char *raw_cell = occ_csv_quote_field (ids[i],
                                                       OCC_CSV_FLAGS_RAW);

      g_assert_cmpstr (cell, ==, expected[i]);
      /* Raw: only the quoting of RFC 4180, nothing before the text. */
      if (strpbrk (ids[i], ",\"\r\n") == NULL)
        g_assert_cmpstr (raw_cell, ==, ids[i]);
      else
        {
          g_assert_cmpint (raw_cell[0], ==, '"');
          g_assert_cmpint (raw_cell[1], ==, ids[i][0]);
        }
      g_string_append (doc, i ? ", {\"id\": " : "{\"id\": ");
      append_json_string (doc, ids[i]);
      g_string_append_c (doc, '}');
    }
  g_string_append (doc, "], \"ratings\": [");
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_string_append (doc, i ? ", " : "");
      g_string_append (doc, "{\"country\": \"C\", \"phase\": \"p\","
                            " \"node\": \"-leaf\", \"rater\": ");
      append_json_string (doc, ids[i]);
      g_string_append_printf (doc,
                              ", \"scores\": {\"R\": %u},"
                              " \"groups\": [\"=g\"]}",
                              i % 4);
    }
  g_string_append (doc, "]}");
  doc_text = g_string_free (doc, FALSE);
  ds = occ_dataset_new_from_data (doc_text, -1, &error);
  g_assert_no_error (error);
  csv = occ_dataset_ratings_to_csv (ds, NULL);
  raw = occ_dataset_ratings_to_csv_full (ds, OCC_CSV_FLAGS_RAW, NULL);
  /* Every text cell that would start a formula starts with ' instead;
   * the scores stay numbers. */
  g_assert_nonnull (
    strstr (csv, "\r\nC,p,'-leaf,'=cmd|' /C calc'!A0,0,'=g,,\r\n"));
  g_assert_nonnull (strstr (csv, "\r\nC,p,'-leaf,-1,3,'=g,,\r\n"));
  g_assert_nonnull (strstr (raw,
                            "\r\nC,p,-leaf,=cmd|' /C calc'!A0,0,=g,,\r\n"));
  /* Read back: the same dataset. */
  back = occ_dataset_new_with_ratings_csv_data (ds, csv, -1, &error);
  g_assert_no_error (error);
  j1 = dataset_json (ds);
  j2 = dataset_json (back);
  g_assert_cmpstr (j1, ==, j2);
  /* Raw CSV is for programs: read by libocc it loses the one ' before a
   * would-be formula, so "'=q" reads as "=q" (docs/csv.md). */
  raw_back = occ_dataset_new_with_ratings_csv_data (ds, raw, -1, &error);
  g_assert_error (error, OCC_ERROR, OCC_ERROR_UNKNOWN_ID);
  g_assert_nonnull (strstr (error->message, "unknown rater \"=q\""));
  g_clear_error (&error);
  {
    g_autoptr (GString) without = g_string_new (raw);
    g_autoptr (OccDataset) raw_again = NULL;

    /* Without those rows, the raw CSV reads back as it was written. */
    g_string_replace (without, "C,p,-leaf,'=q,1,=g,,\r\n", "", 1);
    g_string_replace (without, "C,p,-leaf,''@w,2,=g,,\r\n", "", 1);
    raw_again = occ_dataset_new_with_ratings_csv_data (ds, without->str, -1,
                                                       &error);
    g_assert_no_error (error);
    j3 = occ_dataset_ratings_to_csv_full (raw_again, OCC_CSV_FLAGS_RAW, NULL);
    g_assert_cmpstr (j3, ==, without->str);
  }
  template = occ_dataset_template_to_csv (ds, NULL);
  g_assert_nonnull (strstr (template, "\r\nC,p,'-leaf,"));
}

/* A group whose id is "?" could not be told from "not recorded". */
static void
test_reserved_group (void)
{
  g_autoptr (GError) error = NULL;
  const char *json =
    "{\"format\": \"occ-dataset/1\", \"methodology\": {\"id\": \"odd\", "
    "\"scale\": {\"min\": 0, \"max\": 3}, \"criteria\": [{\"id\": \"R\"}], "
    "\"population_groups\": [{\"id\": \"?\"}]}, \"countries\": [{\"id\": \"PE\"}], "
    "\"phases\": [{\"id\": \"1\"}], \"framework\": [{\"id\": \"a\"}], "
    "\"raters\": [{\"id\": \"r\"}]}";
  g_autoptr (OccDataset) base = occ_dataset_new_from_data (json, -1, &error);
  g_assert_no_error (error);
  expect_error (base, "country,phase,node,rater,R,groups\nPE,1,a,r,1,?\n", -1,
                OCC_ERROR_FORMAT,
                "population group \"?\" of methodology \"odd\"");
}

int
main (int argc, char **argv)
{
  g_autoptr (GPtrArray) cases = NULL;

  g_test_init (&argc, &argv, NULL);
  cases = read_index ();
  for (guint i = 0; i < cases->len; i++)
    {
      Case *c = g_ptr_array_index (cases, i);
      g_autofree char *name = g_strdup_printf ("/csv/file/%s", c->file);
      g_test_add_data_func (name, c, test_case);
    }
  g_test_add_func ("/csv/round-trip", test_round_trip);
  g_test_add_func ("/csv/replaces-ratings", test_replaces_ratings);
  g_test_add_func ("/csv/groups-recorded", test_groups_recorded);
  g_test_add_func ("/csv/template", test_template);
  g_test_add_func ("/csv/write-stream", test_write_stream);
  g_test_add_func ("/csv/write-stream-large", test_write_stream_large);
  g_test_add_func ("/csv/limits", test_limits);
  g_test_add_func ("/csv/file-errors", test_file_errors);
  g_test_add_func ("/csv/reserved-criterion", test_reserved_criterion);
  g_test_add_func ("/csv/reserved-group", test_reserved_group);
  g_test_add_func ("/csv/formulas-neutralized", test_formulas_neutralized);
  return g_test_run ();
}

/* test-json.c: the JSON conformance corpus through the streaming reader
 *
 * tests/json/index.tests lists each file of corpus/ with its verdict:
 *
 *   FILE<TAB>VERDICT<TAB>CODE<TAB>LINE:COLUMN<TAB>SUBSTRING
 *
 * Each file is read from memory and from a stream that gives one byte a
 * read (every token then crosses the reader's chunks), and both readings
 * must agree: the same tree, or the same error. An accepted file must
 * read to the same values with json-glib, the independent oracle; a
 * refused one must be refused with its code, at its line and column,
 * with the rule named.
 *
 * The reader is private to libocc: its objects are linked in.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <string.h>

#include "occ-json-pull-private.h"

/* A stream that gives at most one byte a read. */
typedef struct
{
  GInputStream parent_instance;
  GBytes *bytes;
  gsize offset;
} Trickle;

typedef struct
{
  GInputStreamClass parent_class;
} TrickleClass;

static GType trickle_get_type (void);
G_DEFINE_TYPE (Trickle, trickle, G_TYPE_INPUT_STREAM)

static gssize
trickle_read (GInputStream *stream, void *buffer, gsize count,
              GCancellable *cancellable, GError **error)
{
  Trickle *self = (Trickle *) stream;
  gsize length;
  const guint8 *data = g_bytes_get_data (self->bytes, &length);

  if (self->offset >= length || count == 0)
    return 0;
  *(guint8 *) buffer = data[self->offset++];
  return 1;
}

static void
trickle_finalize (GObject *object)
{
  g_bytes_unref (((Trickle *) object)->bytes);
  G_OBJECT_CLASS (trickle_parent_class)->finalize (object);
}

static void
trickle_class_init (TrickleClass *klass)
{
  G_INPUT_STREAM_CLASS (klass)->read_fn = trickle_read;
  G_OBJECT_CLASS (klass)->finalize = trickle_finalize;
}

static void
trickle_init (Trickle *self)
{
}

static GInputStream *
trickle_new (GBytes *bytes)
{
  Trickle *self = g_object_new (trickle_get_type (), NULL);

  self->bytes = g_bytes_ref (bytes);
  return G_INPUT_STREAM (self);
}

/* A whole document from @r, as occ_json_parse_with_places() reads one. */
static JsonNode *
read_all (OccJsonReader *r, GError **error)
{
  g_autoptr (JsonNode) root = NULL;

  if (occ_json_reader_next (r, error) == OCC_JSON_ERROR
      || !(root = occ_json_reader_build (r, NULL, error))
      || occ_json_reader_next (r, error) != OCC_JSON_END)
    return NULL;
  return g_steal_pointer (&root);
}

typedef struct
{
  char *file;
  char *verdict;
  char *code;
  char *place;
  char *rule;
} Case;

static void
case_free (gpointer data)
{
  Case *c = data;

  g_free (c->file);
  g_free (c->verdict);
  g_free (c->code);
  g_free (c->place);
  g_free (c->rule);
  g_free (c);
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

static void
test_case (gconstpointer data)
{
  const Case *c = data;
  g_autofree char *path = g_build_filename (g_getenv ("OCC_SRCDIR"), "tests",
                                            "json", "corpus", c->file, NULL);
  g_autofree char *text = NULL;
  g_autoptr (GError) error = NULL, stream_error = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GInputStream) stream = NULL;
  g_autoptr (OccJsonReader) r = NULL;
  g_autoptr (JsonNode) tree = NULL, streamed = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &text, &length, NULL));
  tree = occ_json_parse_with_places (text, length, c->file, NULL, &error);
  bytes = g_bytes_new (text, length);
  stream = trickle_new (bytes);
  r = occ_json_reader_new_for_stream (stream, c->file, NULL);
  streamed = read_all (r, &stream_error);

  /* Memory and a byte at a time agree. */
  if (tree != NULL)
    {
      g_assert_no_error (stream_error);
      g_assert_true (json_node_equal (tree, streamed));
    }
  else
    {
      g_assert_nonnull (stream_error);
      g_assert_null (streamed);
      g_assert_cmpstr (error->message, ==, stream_error->message);
    }

  if (g_str_equal (c->verdict, "accept"))
    {
      g_autoptr (JsonParser) parser = json_parser_new ();

      g_assert_no_error (error);
      g_assert_true (json_parser_load_from_data (parser, text,
                                                 (gssize) length, &error));
      g_assert_no_error (error);
      if (!json_node_equal (tree, json_parser_get_root (parser)))
        g_error ("%s: libocc and json-glib read different values: %s and %s",
                 c->file, json_to_string (tree, FALSE),
                 json_to_string (json_parser_get_root (parser), FALSE));
    }
  else
    {
      g_autofree char *prefix = g_strdup_printf ("%s:%s: ", c->file,
                                                 c->place);
      const char *source;
      guint line, column;

      g_assert_nonnull (error);
      g_assert_true (error->domain == OCC_ERROR);
      g_assert_cmpstr (code_names[error->code], ==, c->code);
      if (!g_str_has_prefix (error->message, prefix)
          || strstr (error->message, c->rule) == NULL)
        g_error ("%s: expected %s…%s, got %s", c->file, prefix, c->rule,
                 error->message);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      g_assert_true (occ_error_get_location (error, &source, &line, &column));
      g_assert_cmpstr (source, ==, c->file);
      g_assert_nonnull (strstr (occ_error_get_rule (error), c->rule));
    }
}

/* Every file of corpus/ is listed: a case cannot be added and forgotten. */
static void
test_all_listed (gconstpointer data)
{
  GHashTable *listed = (GHashTable *) data;
  g_autofree char *dir = g_build_filename (g_getenv ("OCC_SRCDIR"), "tests",
                                           "json", "corpus", NULL);
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)) != NULL)
    {
      if (!g_hash_table_contains (listed, name))
        g_error ("corpus/%s is not in index.tests", name);
      n++;
    }
  g_assert_cmpuint (n, ==, g_hash_table_size (listed));
}

int
main (int argc, char **argv)
{
  g_autoptr (GPtrArray) cases = g_ptr_array_new_with_free_func (case_free);
  g_autoptr (GHashTable) listed = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *index = NULL;
  g_auto (GStrv) lines = NULL;

  g_test_init (&argc, &argv, NULL);
  if (g_getenv ("OCC_SRCDIR") == NULL)
    g_error ("OCC_SRCDIR is not set");
  {
    g_autofree char *path = g_build_filename (g_getenv ("OCC_SRCDIR"),
                                              "tests", "json", "index.tests",
                                              NULL);
    g_assert_true (g_file_get_contents (path, &index, NULL, NULL));
  }
  lines = g_strsplit (index, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto (GStrv) f = NULL;
      Case *c;

      if (lines[i][0] == '#' || lines[i][0] == '\0')
        continue;
      f = g_strsplit (lines[i], "\t", 5);
      g_assert_cmpuint (g_strv_length (f), ==, 5);
      c = g_new0 (Case, 1);
      c->file = g_strdup (f[0]);
      c->verdict = g_strdup (f[1]);
      c->code = g_strdup (f[2]);
      c->place = g_strdup (f[3]);
      c->rule = g_strdup (f[4]);
      g_ptr_array_add (cases, c);
      g_hash_table_add (listed, c->file);
      {
        g_autofree char *name = g_strdup_printf ("/json/%s", c->file);
        g_test_add_data_func (name, c, test_case);
      }
    }
  g_test_add_data_func ("/json/all-listed", listed, test_all_listed);
  return g_test_run ();
}

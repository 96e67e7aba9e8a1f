/* test-faults.c: bad input is refused with the right error and place
 *
 * tests/faults/index.tests lists one file per line:
 *
 *   FILENAME<TAB>CODE<TAB>EXPECTED-SUBSTRING
 *
 * CODE is an OccError name without its OCC_ERROR_ prefix, or VALID for a
 * file that must load. Each file is loaded twice, with
 * occ_dataset_new_from_file() (the message must start with the file name)
 * and with occ_dataset_new_from_data(); both must fail with the code and
 * name the place. Hostile nesting is generated here rather than committed.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <string.h>

#include <glib/gstdio.h>
#include <occ/occ.h>

typedef struct
{
  char *path;
  char *file;
  char *code_name;
  char *where;
} Fault;

static void
fault_free (gpointer data)
{
  Fault *fault = data;

  g_free (fault->path);
  g_free (fault->file);
  g_free (fault->code_name);
  g_free (fault->where);
  g_free (fault);
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

/* -1 for VALID */
static int
code_from_name (const char *name)
{
  if (g_str_equal (name, "VALID"))
    return -1;
  for (guint i = 0; i < G_N_ELEMENTS (code_names); i++)
    if (g_str_equal (name, code_names[i]))
      return (int) i;
  g_error ("index.tests: unknown code %s", name);
  return -1;
}

static const char *
describe_error (const GError *error)
{
  if (error->domain == OCC_ERROR && error->code >= 0
      && error->code < (int) G_N_ELEMENTS (code_names))
    return code_names[error->code];
  return g_quark_to_string (error->domain);
}

/* One load's outcome against the expectation; prints and returns FALSE on
 * a mismatch. @prefix: what the message must start with, or NULL. */
static gboolean
check_outcome (const char *file, const char *how, OccDataset *dataset,
               const GError *error, int code, const char *where,
               const char *prefix, const char *prefix_alt)
{
  if (code < 0)
    {
      if (dataset == NULL)
        {
          g_printerr ("FAIL %s (%s): must load, got %s: %s\n", file, how,
                      describe_error (error), error->message);
          return FALSE;
        }
      return TRUE;
    }
  if (dataset != NULL || error == NULL)
    {
      g_printerr ("FAIL %s (%s): loaded, expected OCC_ERROR_%s\n", file, how,
                  code_names[code]);
      return FALSE;
    }
  if (!g_error_matches (error, OCC_ERROR, code))
    {
      g_printerr ("FAIL %s (%s): expected OCC_ERROR_%s, got %s: %s\n", file,
                  how, code_names[code], describe_error (error),
                  error->message);
      return FALSE;
    }
  if (where[0] != '\0' && strstr (error->message, where) == NULL)
    {
      g_printerr ("FAIL %s (%s): the message does not name \"%s\": %s\n",
                  file, how, where, error->message);
      return FALSE;
    }
  if (prefix != NULL && !g_str_has_prefix (error->message, prefix)
      && !(prefix_alt != NULL
           && g_str_has_prefix (error->message, prefix_alt)))
    {
      g_printerr ("FAIL %s (%s): the message does not start with the file "
                  "name: %s\n",
                  file, how, error->message);
      return FALSE;
    }
  g_test_message ("%s (%s): %s", file, how, error->message);
  return TRUE;
}

static void
test_fault (gconstpointer data)
{
  const Fault *fault = data;
  int code = code_from_name (fault->code_name);
  g_autoptr (GError) error = NULL;
  g_autoptr (GError) data_error = NULL;
  g_autoptr (OccDataset) from_file = NULL;
  g_autoptr (OccDataset) from_data = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;
  gboolean ok;

  from_file = occ_dataset_new_from_file (fault->path, &error);
  ok = check_outcome (fault->file, "file", from_file, error, code,
                      fault->where, fault->path, fault->file);

  if (!g_file_get_contents (fault->path, &contents, &length, NULL))
    g_error ("cannot read %s", fault->path);
  from_data = occ_dataset_new_from_data (contents, (gssize) length,
                                         &data_error);
  ok = check_outcome (fault->file, "data", from_data, data_error, code,
                      fault->where, NULL, NULL)
       && ok;
  if (!ok)
    g_test_fail ();
}

/* 100000 levels of nesting: refused with OCC_ERROR_LIMIT, not a crash. */
static char *
deep_document (const char *open, const char *close, const char *inner,
               guint depth)
{
  GString *s = g_string_new ("{\"format\": \"occ-dataset/1\", \"title\": ");

  for (guint i = 0; i < depth; i++)
    g_string_append (s, open);
  g_string_append (s, inner);
  for (guint i = 0; i < depth; i++)
    g_string_append (s, close);
  g_string_append (s, "}");
  return g_string_free (s, FALSE);
}

static void
check_deep (const char *name, char *text)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GError) file_error = NULL;
  g_autoptr (OccDataset) dataset = NULL;
  g_autoptr (OccDataset) from_file = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;

  dataset = occ_dataset_new_from_data (text, -1, &error);
  g_assert_null (dataset);
  if (!g_error_matches (error, OCC_ERROR, OCC_ERROR_LIMIT))
    g_error ("%s (data): expected OCC_ERROR_LIMIT, got %s: %s", name,
             describe_error (error), error->message);

  dir = g_dir_make_tmp ("occ-faults-XXXXXX", NULL);
  g_assert_nonnull (dir);
  path = g_build_filename (dir, name, NULL);
  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  from_file = occ_dataset_new_from_file (path, &file_error);
  g_assert_null (from_file);
  if (!g_error_matches (file_error, OCC_ERROR, OCC_ERROR_LIMIT))
    g_error ("%s (file): expected OCC_ERROR_LIMIT, got %s: %s", name,
             describe_error (file_error), file_error->message);
  g_assert_true (g_str_has_prefix (file_error->message, path));
  g_unlink (path);
  g_rmdir (dir);
  g_free (text);
}

static void
test_deep_arrays (void)
{
  check_deep ("deep-arrays.json", deep_document ("[", "]", "1", 100000));
}

static void
test_deep_objects (void)
{
  check_deep ("deep-objects.json",
              deep_document ("{\"a\": ", "}", "1", 100000));
}

/* Deep but unbalanced, as a truncated file would be. */
static void
test_deep_unclosed (void)
{
  GString *s = g_string_new ("{\"format\": \"occ-dataset/1\", \"x\": ");

  for (guint i = 0; i < 100000; i++)
    g_string_append_c (s, '[');
  check_deep ("deep-unclosed.json", g_string_free (s, FALSE));
}

static char *
faults_dir (void)
{
  const char *srcdir = g_getenv ("OCC_SRCDIR");

  return g_build_filename (srcdir ? srcdir : OCC_TEST_SRCDIR, "tests",
                           "faults", NULL);
}

static void
add_fault_tests (const char *dir)
{
  g_autofree char *index_path = g_build_filename (dir, "index.tests", NULL);
  g_autofree char *text = NULL;
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) lines = NULL;
  guint n = 0;

  if (!g_file_get_contents (index_path, &text, NULL, &error))
    g_error ("%s", error->message);
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto (GStrv) fields = NULL;
      g_autofree char *test_path = NULL;
      Fault *fault;

      if (lines[i][0] == '\0' || lines[i][0] == '#')
        continue;
      fields = g_strsplit (lines[i], "\t", 3);
      if (g_strv_length (fields) < 2)
        g_error ("index.tests:%u: expected FILE<TAB>CODE<TAB>PLACE", i + 1);
      fault = g_new0 (Fault, 1);
      fault->file = g_strdup (fields[0]);
      fault->path = g_build_filename (dir, fields[0], NULL);
      fault->code_name = g_strdup (fields[1]);
      fault->where = g_strdup (fields[2] ? fields[2] : "");
      code_from_name (fault->code_name);
      test_path = g_strconcat ("/faults/", fields[0], NULL);
      g_test_add_data_func_full (test_path, fault, test_fault, fault_free);
      n++;
    }
  g_assert_cmpuint (n, >, 0);
}

int
main (int argc, char **argv)
{
  g_autofree char *dir = faults_dir ();

  g_test_init (&argc, &argv, NULL);
  add_fault_tests (dir);
  g_test_add_func ("/faults/generated/deep-arrays", test_deep_arrays);
  g_test_add_func ("/faults/generated/deep-objects", test_deep_objects);
  g_test_add_func ("/faults/generated/deep-unclosed", test_deep_unclosed);
  return g_test_run ();
}

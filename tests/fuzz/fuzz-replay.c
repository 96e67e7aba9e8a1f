/* fuzz-replay.c: run a fuzz target's code on files, without libFuzzer
 *
 *   fuzz-replay-NAME [--may-be-empty] DIR-OR-FILE...
 *
 * Linked with one fuzz-NAME.c, this feeds every file given (every file of
 * every directory given, in name order) to LLVMFuzzerTestOneInput(), as
 * libgit2 does, so that the seed corpus and every regression input run in
 * the ordinary build and under any compiler, sanitizer or valgrind. A
 * broken invariant aborts; a directory without inputs is a failure too,
 * so that a misplaced corpus cannot pass by running nothing, unless
 * --may-be-empty precedes it (a target's regressions/ before its first
 * find).
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <stdio.h>

#include "fuzz-common.h"

static int
compare_names (gconstpointer a, gconstpointer b)
{
  return g_strcmp0 (*(char *const *) a, *(char *const *) b);
}

static void
run_file (const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  /* The input that crashes is the last one named. */
  if (g_getenv ("FUZZ_REPLAY_VERBOSE") != NULL)
    fprintf (stderr, "%s\n", path);
  if (!g_file_get_contents (path, &contents, &length, &error))
    g_error ("%s", error->message);
  /* An exact copy, so that ASan and valgrind see reads past the end. */
  {
    g_autofree uint8_t *copy = g_memdup2 (contents, length);
    LLVMFuzzerTestOneInput (copy, length);
  }
}

static guint
run_dir (const char *dir_path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GDir) dir = g_dir_open (dir_path, 0, &error);
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (dir == NULL)
    g_error ("%s", error->message);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (name[0] != '.' && !g_str_equal (name, "README.md"))
      g_ptr_array_add (names, g_build_filename (dir_path, name, NULL));
  g_ptr_array_sort (names, compare_names);
  for (guint i = 0; i < names->len; i++)
    run_file (names->pdata[i]);
  return names->len;
}

int
main (int argc, char **argv)
{
  guint total = 0;
  gboolean may_be_empty = FALSE;

  LLVMFuzzerInitialize (&argc, &argv);
  if (argc < 2)
    {
      fprintf (stderr, "usage: %s [--may-be-empty] DIR-OR-FILE...\n",
               argv[0]);
      return 2;
    }
  for (int i = 1; i < argc; i++)
    {
      guint n = 1;

      if (g_str_equal (argv[i], "--may-be-empty"))
        {
          may_be_empty = TRUE;
          continue;
        }
      if (g_file_test (argv[i], G_FILE_TEST_IS_DIR))
        n = run_dir (argv[i]);
      else if (may_be_empty && !g_file_test (argv[i], G_FILE_TEST_EXISTS))
        n = 0;
      else
        run_file (argv[i]);
      printf ("%s: %u inputs\n", argv[i], n);
      if (n == 0 && !may_be_empty)
        {
          fprintf (stderr, "%s: no inputs\n", argv[i]);
          return 1;
        }
      total += n;
      may_be_empty = FALSE;
    }
  printf ("%u inputs, every invariant held\n", total);
  return 0;
}

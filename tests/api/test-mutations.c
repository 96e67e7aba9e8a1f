/* test-mutations.c: no input can crash the loader.
 *
 * Deterministic mutations of valid datasets (bytes replaced, removed or
 * duplicated; structural characters and hostile numbers spliced in; the
 * text cut short) must each either load or fail with an OCC_ERROR whose
 * message names a place. Run under valgrind or ASan this also shows that a
 * failed load frees everything. The libFuzzer targets go further; this is
 * the quick version that runs with every test.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <occ/occ.h>

#define MUTATIONS_PER_SEED 1500

/* clang-format off */
static const char *const splices[] = {
  "[", "]", "{", "}", ",", ":", "\"", "null", "true", "-1", "1e999", "2.5",
  "\"PE\"", "\"2024\"", "\"R\"", "{\"id\": \"x\"}", "[[[[[[", "0", "\\u0000",
  "\"children\": [{\"id\": \"VIII\"}]", "\"weight\": -1",
};
/* clang-format on */

static void
mutate (GRand *rand, GString *text)
{
  guint kind = g_rand_int_range (rand, 0, 5);
  gsize at = text->len ? g_rand_int_range (rand, 0, (gint32) text->len) : 0;
  gsize span = g_rand_int_range (rand, 1, 16);

  switch (kind)
    {
    case 0: /* replace a byte */
      if (text->len)
        text->str[at] = (char) g_rand_int_range (rand, 1, 256);
      break;
    case 1: /* remove a span */
      g_string_erase (text, (gssize) at, (gssize) MIN (span, text->len - at));
      break;
    case 2: /* duplicate a span */
      {
        g_autofree char *copy = g_strndup (text->str + at,
                                           MIN (span, text->len - at));
        g_string_insert (text, (gssize) at, copy);
      }
      break;
    case 3: /* splice in something structural or hostile */
      g_string_insert (
        text, (gssize) at,
        splices[g_rand_int_range (rand, 0, G_N_ELEMENTS (splices))]);
      break;
    default: /* cut short */
      g_string_truncate (text, at);
    }
}

static void
check_one (const GString *text, guint *loaded, guint *refused)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (OccDataset) ds =
    occ_dataset_new_from_data (text->str, (gssize) text->len, &error);

  if (ds != NULL)
    {
      /* What loads must score and write without trouble. */
      g_autoptr (OccResults) results = occ_results_new (ds);
      g_autofree char *out = occ_results_to_data (results, NULL);
      g_autofree char *saved = occ_dataset_to_data (ds, NULL);
      g_assert_no_error (error);
      g_assert_null (strstr (out, "nan"));
      (*loaded)++;
      return;
    }
  g_assert_nonnull (error);
  g_assert_true (error->domain == OCC_ERROR);
  g_assert_true (g_str_has_prefix (error->message, "<data>"));
  (*refused)++;
}

static void
test_mutations (gconstpointer data)
{
  const char *name = data;
  g_autofree char *path = g_build_filename (g_getenv ("OCC_DATADIR"), name,
                                            NULL);
  g_autofree char *original = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GRand) rand = g_rand_new_with_seed (20241123);
  guint loaded = 0, refused = 0;

  g_assert_true (g_file_get_contents (path, &original, NULL, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < MUTATIONS_PER_SEED; i++)
    {
      g_autoptr (GString) text = g_string_new (original);
      guint rounds = g_rand_int_range (rand, 1, 4);

      for (guint r = 0; r < rounds; r++)
        mutate (rand, text);
      check_one (text, &loaded, &refused);
    }
  g_test_message ("%s: %u mutants loaded, %u refused", name, loaded, refused);
  g_assert_cmpuint (refused, >, 0);
  g_assert_cmpuint (loaded + refused, ==, MUTATIONS_PER_SEED);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_data_func ("/loader/mutations/peru", "peru-2024.json",
                        test_mutations);
  return g_test_run ();
}

/* test-json-huge.c: millions of ratings as one JSON stream, in bounded
 * memory
 *
 * A stream generates an occ-dataset/1 document as it is read (600,000
 * and 6,000,000 ratings: 20 or 200 countries, 20 raters each, 3 phases,
 * 500 leaves; about 85 and 850 MB of text, never held anywhere). The
 * dataset is loaded from it with occ_dataset_new_from_stream(), scored,
 * and its results written with occ_results_write() to /dev/null. The
 * test asserts what streaming means (issue 14): the peak resident memory
 * of the whole process (VmHWM, reset first through /proc/self/clear_refs)
 * stays under 150 MiB at 600,000 ratings and under 1 GiB at 6 million;
 * json-glib's tree took 1.4 GiB at 600,000. A few figures are checked.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <gio/gunixoutputstream.h>
#include <occ/occ.h>

#define RATERS 20
#define PHASES 3
#define LEAVES 500

typedef struct
{
  GInputStream parent_instance;
  guint countries;
  guint64 n, next; /* ratings, and the next to write */
  guint64 state;   /* splitmix64 */
  int part;        /* 0 head, 1 ratings, 2 tail, 3 done */
  GString *buf;
  gsize offset;
} Generator;

typedef struct
{
  GInputStreamClass parent_class;
} GeneratorClass;

static GType generator_get_type (void);
G_DEFINE_TYPE (Generator, generator, G_TYPE_INPUT_STREAM)

static guint64
next_random (Generator *g)
{
  guint64 z = (g->state += 0x9E3779B97F4A7C15ull);

  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

static void
write_head (Generator *g)
{
  GString *s = g->buf;

  g_string_append (s, "{\"format\": \"occ-dataset/1\", \"methodology\": "
                      "\"cco-2024\",\n \"countries\": [");
  for (guint k = 0; k < g->countries; k++)
    g_string_append_printf (s, "%s{\"id\": \"K%03u\"}", k ? ", " : "", k);
  g_string_append (s, "],\n \"phases\": [");
  for (guint p = 0; p < PHASES; p++)
    g_string_append_printf (s, "%s{\"id\": \"P%u\"}", p ? ", " : "", p);
  g_string_append (s, "],\n \"raters\": [");
  for (guint k = 0; k < g->countries; k++)
    for (guint r = 0; r < RATERS; r++)
      g_string_append_printf (s, "%s{\"id\": \"K%03u-R%02u\"}",
                              k + r ? ", " : "", k, r);
  g_string_append (s, "],\n \"framework\": [{\"id\": \"T\", \"children\": [");
  for (guint l = 0; l < LEAVES; l++)
    g_string_append_printf (s, "%s{\"id\": \"L%u\"}", l ? ", " : "", l);
  g_string_append (s, "]}],\n \"ratings\": [\n");
}

/* Rating i: country, rater, phase, leaf, in that order of nesting. */
static void
write_rating (Generator *g, guint64 i)
{
  guint leaf = (guint) (i % LEAVES);
  guint phase = (guint) (i / LEAVES % PHASES);
  guint rater = (guint) (i / LEAVES / PHASES % RATERS);
  guint country = (guint) (i / LEAVES / PHASES / RATERS);
  guint64 x = next_random (g);

  g_string_append_printf (
    g->buf,
    "%s  {\"country\": \"K%03u\", \"phase\": \"P%u\", \"node\": \"L%u\", "
    "\"rater\": \"K%03u-R%02u\", \"scores\": {\"R\": %u, \"E\": %u, "
    "\"S\": %u}, \"groups\": [%s]}",
    i ? ",\n" : "", country, phase, leaf, country, rater, (guint) (x % 4),
    (guint) (x / 4 % 4), (guint) (x / 16 % 4),
    x / 64 % 3 == 0 ? "\"women\"" : "");
}

static gssize
generator_read (GInputStream *stream, void *buffer, gsize count,
                GCancellable *cancellable, GError **error)
{
  Generator *g = (Generator *) stream;
  gsize n;

  while (g->offset == g->buf->len && g->part < 3)
    {
      g_string_truncate (g->buf, 0);
      g->offset = 0;
      if (g->part == 0)
        {
          write_head (g);
          g->part = 1;
        }
      else if (g->part == 1)
        {
          for (guint k = 0; k < 1000 && g->next < g->n; k++)
            write_rating (g, g->next++);
          if (g->next == g->n)
            g->part = 2;
        }
      else
        {
          g_string_append (g->buf, "\n]}\n");
          g->part = 3;
        }
    }
  n = MIN (count, g->buf->len - g->offset);
  memcpy (buffer, g->buf->str + g->offset, n);
  g->offset += n;
  return (gssize) n;
}

static void
generator_finalize (GObject *object)
{
  g_string_free (((Generator *) object)->buf, TRUE);
  G_OBJECT_CLASS (generator_parent_class)->finalize (object);
}

static void
generator_class_init (GeneratorClass *klass)
{
  G_INPUT_STREAM_CLASS (klass)->read_fn = generator_read;
  G_OBJECT_CLASS (klass)->finalize = generator_finalize;
}

static void
generator_init (Generator *g)
{
  g->buf = g_string_sized_new (1 << 18);
  g->state = 7;
}

/* A field of /proc/self/status, in kB. */
static guint64
status_kb (const char *field)
{
  g_autofree char *text = NULL;
  const char *line;

  g_assert_true (g_file_get_contents ("/proc/self/status", &text, NULL,
                                      NULL));
  line = strstr (text, field);
  g_assert_nonnull (line);
  return g_ascii_strtoull (line + strlen (field) + 1, NULL, 10);
}

static void
reset_peak (void)
{
  FILE *f = fopen ("/proc/self/clear_refs", "w");

  if (f == NULL)
    return;
  fputs ("5", f);
  fclose (f);
}

typedef struct
{
  guint countries;
  guint64 limit_kb;
} Size;

static void
test_huge (gconstpointer data)
{
  const Size *size = data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GInputStream) stream = NULL;
  Generator *g;
  g_autoptr (OccDataset) dataset = NULL;
  g_autoptr (OccResults) results = NULL;
  g_autoptr (OccScore) score = NULL;
  g_autoptr (GOutputStream) sink = NULL;
  guint64 n = (guint64) size->countries * RATERS * PHASES * LEAVES, peak;
  double value;
  int fd;

  if (g_getenv ("OCC_TEST_MEMCHECK") != NULL)
    {
      g_test_skip ("VmHWM is meaningless under a memory checker");
      return;
    }
  stream = g_object_new (generator_get_type (), NULL);
  g = (Generator *) stream;
  g->countries = size->countries;
  g->n = n;
  reset_peak ();
  dataset = occ_dataset_new_from_stream (stream, "generated", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (occ_dataset_get_n_ratings (dataset), ==, n);
  results = occ_results_new (dataset);
  fd = open ("/dev/null", O_WRONLY);
  g_assert_cmpint (fd, >=, 0);
  sink = g_unix_output_stream_new (fd, TRUE);
  g_assert_true (occ_results_write (results, sink, NULL, &error));
  g_assert_no_error (error);
  peak = status_kb ("VmHWM:");
  g_test_message ("%" G_GUINT64_FORMAT " ratings: peak %" G_GUINT64_FORMAT
                  " kB, %.1f bytes a rating",
                  n, peak, peak * 1024.0 / (double) n);
  g_assert_cmpuint (peak, <, size->limit_kb);

  /* 20 raters' scores of 0..3 in every leaf of every country. */
  score = occ_results_lookup (results, "K001", "P2", "L7");
  g_assert_nonnull (score);
  g_assert_true (occ_score_get_value (score, &value));
  g_assert_cmpfloat (value, >=, 0);
  g_assert_cmpfloat (value, <=, 3);
  g_assert_cmpint (occ_score_get_criterion_n (score, 0), ==, RATERS);
}

int
main (int argc, char **argv)
{
  static const Size small = { 20, 150 * 1024 }, large = { 200, 1024 * 1024 };

  g_test_init (&argc, &argv, NULL);
  g_test_add_data_func ("/json/huge/600k", &small, test_huge);
  g_test_add_data_func ("/json/huge/6M", &large, test_huge);
  return g_test_run ();
}

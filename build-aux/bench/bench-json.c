/* bench-json.c: JSON parsing alone, libocc's reader against json-glib
 *
 *   bench-json [--repeat N] FILE.json
 *
 * Reads FILE.json into memory once, then parses it N times with each
 * parser and prints one JSON line: {"bytes", "occ_pull", "occ_tree",
 * "json_glib"} with the fastest CPU seconds of each. occ_pull is the
 * streaming reader token by token, every string and number decoded (what
 * the dataset loader asks of it); occ_tree builds the same json-glib tree
 * json_glib does, from libocc's reader, and is checked to be equal to
 * json-glib's. run.py prints MB/s from these.
 *
 * Links the reader's object files: it is private to libocc.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "occ-json-pull-private.h"

static double
now (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return (double) ts.tv_sec + ts.tv_nsec * 1e-9;
}

static void
die (const char *what, const GError *error)
{
  fprintf (stderr, "bench-json: %s: %s\n", what,
           error ? error->message : "failed");
  exit (1);
}

/* Every token, its text or number read as the loader reads them. */
static guint64
pull (const char *data, gsize length)
{
  g_autoptr (OccJsonReader) r = occ_json_reader_new_for_data (data, length,
                                                              "bench");
  g_autoptr (GError) error = NULL;
  OccJsonToken token;
  guint64 sum = 0;

  while ((token = occ_json_reader_next (r, &error)) != OCC_JSON_END)
    {
      gsize n;

      if (token == OCC_JSON_ERROR)
        die ("occ", error);
      if (token == OCC_JSON_STRING || token == OCC_JSON_KEY)
        sum += (guchar) occ_json_reader_text (r, &n)[0] + n;
      else if (token == OCC_JSON_NUMBER)
        sum += (guint64) occ_json_reader_number (r, NULL, NULL);
    }
  return sum;
}

int
main (int argc, char **argv)
{
  int repeat = 3;
  g_autofree char *data = NULL;
  g_autoptr (GError) error = NULL;
  double best_pull = 1e9, best_tree = 1e9, best_glib = 1e9;
  gsize length;
  guint64 sum = 0;

  if (argc == 4 && strcmp (argv[1], "--repeat") == 0)
    {
      repeat = atoi (argv[2]);
      argv += 2;
      argc -= 2;
    }
  if (argc != 2 || repeat < 1)
    {
      fprintf (stderr, "usage: bench-json [--repeat N] FILE.json\n");
      return 2;
    }
  if (!g_file_get_contents (argv[1], &data, &length, &error))
    die (argv[1], error);
  for (int k = 0; k < repeat; k++)
    {
      double t0 = now (), t1, t2, t3;
      g_autoptr (JsonNode) ours = NULL;
      g_autoptr (JsonParser) parser = json_parser_new_immutable ();

      sum += pull (data, length);
      t1 = now ();
      ours = occ_json_parse_with_places (data, length, "bench", NULL, &error);
      if (ours == NULL)
        die ("occ tree", error);
      t2 = now ();
      if (!json_parser_load_from_data (parser, data, (gssize) length, &error))
        die ("json-glib", error);
      t3 = now ();
      if (k == 0 && !json_node_equal (ours, json_parser_get_root (parser)))
        die ("occ's tree differs from json-glib's", NULL);
      best_pull = MIN (best_pull, t1 - t0);
      best_tree = MIN (best_tree, t2 - t1);
      best_glib = MIN (best_glib, t3 - t2);
    }
  printf (
    "{\"bytes\": %" G_GSIZE_FORMAT ", \"occ_pull\": %.4f, "
    "\"occ_tree\": %.4f, \"json_glib\": %.4f, \"check\": %" G_GUINT64_FORMAT
    "}\n",
    length, best_pull, best_tree, best_glib, sum % 1000);
  return 0;
}

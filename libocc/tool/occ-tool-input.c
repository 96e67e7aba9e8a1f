/* occ-tool-input.c: reading a dataset, from a file or standard input
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <string.h>
#include <unistd.h>

#include <gio/gunixinputstream.h>

#include "occ-tool-input.h"

#ifndef OCC_DATADIR
#error "OCC_DATADIR must be defined by the build"
#endif

char *
occ_tool_default_dataset_path (void)
{
  const char *dir = g_getenv ("OCC_DATADIR");

  if (dir == NULL || *dir == '\0')
    dir = OCC_DATADIR;
  return g_build_filename (dir, OCC_TOOL_DEFAULT_DATASET, NULL);
}

/* "-" reads standard input, so that occ sits in a pipeline; with the
 * same size limit as a file, so that an endless input is refused, not
 * kept. */
static GInputStream *
stdin_stream (void)
{
  return g_unix_input_stream_new (STDIN_FILENO, FALSE);
}

OccDataset *
occ_tool_load_dataset (const char *path, GError **error)
{
  g_autofree char *fallback = NULL;

  if (path == NULL)
    path = fallback = occ_tool_default_dataset_path ();
  /* Standard input, by name too: a pipe there is read as a stream
   * (other FIFOs are refused by the library rather than waited on). */
  if (strcmp (path, "-") == 0 || strcmp (path, "/dev/stdin") == 0)
    {
      g_autoptr (GInputStream) in = stdin_stream ();

      return occ_dataset_new_from_stream (in, "-", NULL, error);
    }
  return occ_dataset_new_from_file (path, error);
}

/* "-" as the ratings reads standard input as a stream, so that a large
 * CSV is never held whole in memory. */
OccDataset *
occ_tool_load_dataset_with_ratings (const char *path, const char *ratings,
                                    GError **error)
{
  g_autoptr (OccDataset) base = NULL;

  if (ratings != NULL && strcmp (ratings, "-") == 0 && path != NULL
      && strcmp (path, "-") == 0)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   "the dataset and the ratings cannot both be read from "
                   "standard input");
      return NULL;
    }
  base = occ_tool_load_dataset (path, error);
  if (base == NULL || ratings == NULL)
    return g_steal_pointer (&base);
  if (strcmp (ratings, "-") == 0)
    {
      g_autoptr (GInputStream) in = stdin_stream ();

      return occ_dataset_new_with_ratings_csv_stream (base, in, "-", NULL,
                                                      error);
    }
  return occ_dataset_new_with_ratings_csv (base, ratings, error);
}

char *
occ_tool_display_name (const char *path, const char *ratings)
{
  g_autofree char *dataset = g_filename_display_name (path);
  g_autofree char *shown = NULL;

  if (ratings == NULL)
    return g_steal_pointer (&dataset);
  shown = g_filename_display_name (ratings);
  return g_strdup_printf ("%s with ratings %s", dataset, shown);
}

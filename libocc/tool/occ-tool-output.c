/* occ-tool-output.c: standard output, error and usage messages
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <errno.h>
#include <stdio.h>
#include <unistd.h>

#include <occ/occ.h>

#include "occ-tool-output.h"

/* Everything a command prints goes through one GString written at the
 * end, so that a failure half-way leaves stdout empty. fwrite rather than
 * g_print: g_print converts to the locale's charset, and our output is
 * UTF-8 JSON, CSV or text whatever the locale. */
int
occ_tool_write_stdout (const GString *out)
{
  if (fwrite (out->str, 1, out->len, stdout) != out->len
      || fflush (stdout) != 0 || ferror (stdout))
    {
      int saved = errno;

      g_printerr ("occ: error writing to standard output: %s\n",
                  g_strerror (saved));
      return OCC_TOOL_EXIT_BAD_INPUT;
    }
  return OCC_TOOL_EXIT_SUCCESS;
}

/* Standard output as a GOutputStream whose errors say what the other
 * commands' say (g_strerror of errno alone; GUnixOutputStream prefixes
 * its own words). */
typedef struct
{
  GOutputStream parent_instance;
} OccToolStdout;

typedef struct
{
  GOutputStreamClass parent_class;
} OccToolStdoutClass;

static GType occ_tool_stdout_get_type (void);
G_DEFINE_TYPE (OccToolStdout, occ_tool_stdout, G_TYPE_OUTPUT_STREAM)

static gssize
stdout_write (GOutputStream *stream, const void *buffer, gsize count,
              GCancellable *cancellable, GError **error)
{
  gssize n;

  do
    n = write (STDOUT_FILENO, buffer, count);
  while (n < 0 && errno == EINTR);
  if (n < 0)
    {
      int saved = errno;
      g_set_error_literal (error, G_IO_ERROR, g_io_error_from_errno (saved),
                           g_strerror (saved));
    }
  return n;
}

static void
occ_tool_stdout_class_init (OccToolStdoutClass *klass)
{
  G_OUTPUT_STREAM_CLASS (klass)->write_fn = stdout_write;
}

static void
occ_tool_stdout_init (OccToolStdout *self)
{
}

/* `occ score --format=json`: the results written as they are made, a
 * chunk at a time, not built whole first (250 MB for six million
 * ratings). Scoring is complete before the first byte, so a fault of the
 * input still leaves stdout empty; only a failed write stops it
 * half-way. Anything buffered in stdio goes first. */
int
occ_tool_write_results (OccResults *results)
{
  g_autoptr (GOutputStream) stream = NULL;
  g_autoptr (GError) error = NULL;

  if (fflush (stdout) != 0)
    {
      g_printerr ("occ: error writing to standard output: %s\n",
                  g_strerror (errno));
      return OCC_TOOL_EXIT_BAD_INPUT;
    }
  stream = g_object_new (occ_tool_stdout_get_type (), NULL);
  if (!occ_results_write (results, stream, NULL, &error))
    {
      g_printerr ("occ: error writing to standard output: %s\n",
                  error->message);
      return OCC_TOOL_EXIT_BAD_INPUT;
    }
  return OCC_TOOL_EXIT_SUCCESS;
}

/* Messages quote ids, labels and file names from the input: their
 * control characters are shown escaped, never sent to the terminal. */
int
occ_tool_fail (const GError *error)
{
  g_autofree char *message = occ_escape_for_terminal (error->message);

  g_printerr ("occ: %s\n", message);
  return OCC_TOOL_EXIT_BAD_INPUT;
}

/* prgname is "occ" or "occ COMMAND" (occ-main.c sets it). */
int
occ_tool_usage_error (const char *message)
{
  const char *prgname = g_get_prgname ();
  g_autofree char *shown = occ_escape_for_terminal (message);

  g_printerr ("%s: %s\n", prgname, shown);
  g_printerr ("Try “%s --help” for more information.\n", prgname);
  return OCC_TOOL_EXIT_USAGE;
}

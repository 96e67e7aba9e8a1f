/* occ-tool-output.c: standard output, error and usage messages
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <errno.h>
#include <stdio.h>

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

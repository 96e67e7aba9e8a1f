/* fuzz-base.c: what every fuzz target links, the json one included
 *
 * fuzz_fail() and LLVMFuzzerInitialize() need GLib alone; the checks of
 * fuzz-common.c need libocc, which the json target (the private reader,
 * linked in) does not link.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <stdio.h>
#include <stdlib.h>

#include "fuzz-common.h"

void
fuzz_fail (const char *where, const char *condition, const char *format, ...)
{
  va_list args;

  fprintf (stderr, "%s: invariant broken: %s: ", where, condition);
  va_start (args, format);
  vfprintf (stderr, format, args);
  va_end (args);
  fputc ('\n', stderr);
  abort ();
}

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  /* A g_return_if_fail() or a warning inside libocc is a bug that libFuzzer
   * must see as a crash, not a line on stderr. */
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  return 0;
}

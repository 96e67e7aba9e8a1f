/* occ-tool-command.h: what a command of the occ tool is
 *
 * Each command file (occ-cmd-*.c) defines one OccToolCommand; occ-main.c
 * lists them in its command table, builds the command's option context
 * from add_options and calls run. See README.md, "Adding a command".
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include <glib.h>

#include "occ-tool-options.h"

G_BEGIN_DECLS

typedef struct
{
  const char *name;
  const char *parameter_string; /* "DATASET", "[DATASET]", "[ID]" */
  const char *brief;            /* one line, for occ --help */
  const char *summary;          /* a paragraph, for occ COMMAND --help */
  /* Adds the command's options, in the order --help lists them. */
  void (*add_options) (OccToolOptions *options);
  int min_args, max_args;
  /* Runs with the options parsed; argv[0] is the command's name. Returns
   * the exit status (occ-tool-output.h). */
  int (*run) (int argc, char **argv);
} OccToolCommand;

G_END_DECLS

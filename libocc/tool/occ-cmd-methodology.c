/* occ-cmd-methodology.c: occ methodology, the built-in methodologies
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "occ-cmd.h"
#include "occ-tool-output.h"

#define DEFAULT_METHODOLOGY "cco-2024"

static gboolean list = FALSE;

static void
add_options (OccToolOptions *options)
{
  static const GOptionEntry entries[] = {
    { "list", 'l', 0, G_OPTION_ARG_NONE, &list,
      "List the built-in methodologies", NULL },
    { NULL }
  };

  occ_tool_options_add_entries (options, entries);
}

static int
run (int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (OccMethodology) m = NULL;
  g_autoptr (GString) out = g_string_new (NULL);
  g_autofree char *json = NULL;

  if (list)
    {
      const char *const *ids = occ_methodology_list_builtin ();

      if (argc > 1)
        return occ_tool_usage_error ("--list takes no methodology id");
      for (guint i = 0; ids[i] != NULL; i++)
        g_string_append_printf (out, "%s\n", ids[i]);
      return occ_tool_write_stdout (out);
    }
  m = occ_methodology_new_builtin (argc > 1 ? argv[1] : DEFAULT_METHODOLOGY,
                                   &error);
  if (m == NULL)
    return occ_tool_fail (error);
  json = occ_methodology_to_data (m, NULL);
  g_string_append (out, json);
  return occ_tool_write_stdout (out);
}

const OccToolCommand occ_cmd_methodology = {
  "methodology",
  "[ID]",
  "Print a built-in methodology",
  "Print a built-in methodology (default: " DEFAULT_METHODOLOGY ") as "
  "JSON, or with --list the ids of all built-in methodologies.",
  add_options,
  0,
  1,
  run,
};

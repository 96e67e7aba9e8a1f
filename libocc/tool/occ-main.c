/* occ-main.c: the occ command-line tool's main() and command table
 *
 * occ COMMAND [OPTIONS] [ARGS]: main() parses the tool's own options
 * (--help, --version), finds COMMAND in the table below and gives it its
 * own GOptionContext, in the manner of json-glib-format; each command is
 * a file of its own (occ-cmd.h). Nothing here scores or prints data.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <locale.h>
#include <string.h>

#include "occ-cmd.h"
#include "occ-tool-input.h"
#include "occ-tool-output.h"

/* In the order occ --help lists them. */
static const OccToolCommand *const commands[] = {
  &occ_cmd_score,       &occ_cmd_validate,    &occ_cmd_report,
  &occ_cmd_methodology, &occ_cmd_export,      &occ_cmd_template,
  &occ_cmd_agreement,   &occ_cmd_sensitivity, &occ_cmd_compare,
  &occ_cmd_audit,
};

/* --help, printed by occ rather than by GOption, which writes it with
 * g_print() and exits 0 even when standard output is /dev/full. */
static gboolean show_help = FALSE;

static const GOptionEntry help_entries[] = {
  { "help", 'h', 0, G_OPTION_ARG_NONE, &show_help, "Show help options",
    NULL },
  /* -? as GOption's own help had it. */
  { "help", '?', G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_NONE, &show_help, NULL,
    NULL },
  { NULL }
};

static void
add_help (GOptionContext *context)
{
  g_option_context_set_help_enabled (context, FALSE);
  g_option_context_add_main_entries (context, help_entries, NULL);
}

/* The help text, through occ_tool_write_stdout(): a write error fails. */
static int
print_help (GOptionContext *context)
{
  g_autofree char *text = g_option_context_get_help (context, TRUE, NULL);
  g_autoptr (GString) out = g_string_new (text);

  return occ_tool_write_stdout (out);
}

static int
run_command (const OccToolCommand *command, int argc, char **argv)
{
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *prgname = g_strdup_printf ("occ %s", command->name);
  OccToolOptions *options = occ_tool_options_new ();
  int n_args;

  /* So that --help and error messages say "occ score". */
  g_set_prgname (prgname);
  context = g_option_context_new (command->parameter_string);
  g_option_context_set_summary (context, command->summary);
  command->add_options (options);
  /* The context owns the group, and the group the options. */
  g_option_context_set_main_group (context,
                                   occ_tool_options_get_group (options));
  add_help (context);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return occ_tool_usage_error (error->message);
  if (show_help)
    return print_help (context);
  n_args = argc - 1;
  if (n_args > command->max_args)
    return occ_tool_usage_error ("too many arguments");
  if (n_args < command->min_args)
    return occ_tool_usage_error ("missing argument");
  return command->run (argc, argv);
}

static char *
commands_description (void)
{
  GString *text = g_string_new ("Commands:\n");
  guint n_defaulting = 0, last_defaulting = 0;
  g_autofree char *path = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (strcmp (commands[i]->parameter_string, "[DATASET]") == 0)
      last_defaulting = i;
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autofree char *usage = g_strdup_printf (
        "%s %s", commands[i]->name, commands[i]->parameter_string);
      g_string_append_printf (text, "  %-22s %s\n", usage,
                              commands[i]->brief);
    }
  g_string_append (text, "\nRun “occ COMMAND --help” for a command's "
                         "options.\nWithout DATASET, ");
  /* The commands whose DATASET is optional, from the table itself so that
   * a new one is never left out. */
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (strcmp (commands[i]->parameter_string, "[DATASET]") == 0)
      {
        if (n_defaulting > 0)
          g_string_append (text, i == last_defaulting ? " and " : ", ");
        g_string_append (text, commands[i]->name);
        n_defaulting++;
      }
  /* The file that would be read, not a variable to work out. */
  path = occ_tool_default_dataset_path ();
  g_string_append_printf (
    text,
    "\nuse %s\n(set OCC_DATADIR to read " OCC_TOOL_DEFAULT_DATASET
    " from another "
    "directory).",
    path);
  return g_string_free (text, FALSE);
}

static gboolean show_version = FALSE;

static const GOptionEntry main_entries[] = {
  { "version", 'V', 0, G_OPTION_ARG_NONE, &show_version,
    "Print the version and exit", NULL },
  { NULL }
};

static GOptionContext *
main_context (void)
{
  GOptionContext *context = g_option_context_new ("COMMAND [ARGS…]");
  g_autofree char *description = commands_description ();

  g_option_context_set_summary (context, "Score how well governments keep "
                                         "anti-corruption commitments.");
  g_option_context_set_description (context, description);
  g_option_context_add_main_entries (context, main_entries, NULL);
  add_help (context);
  /* Stop at the command name: its options belong to its own context. */
  g_option_context_set_strict_posix (context, TRUE);
  return context;
}

int
main (int argc, char **argv)
{
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *message = NULL;

  setlocale (LC_ALL, "");
  g_set_prgname ("occ");
  context = main_context ();
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return occ_tool_usage_error (error->message);
  if (show_help)
    return print_help (context);
  if (show_version)
    {
      g_autoptr (GString) out = g_string_new (NULL);
      g_string_append_printf (out, "occ %s\n", occ_get_version ());
      return occ_tool_write_stdout (out);
    }
  if (argc < 2)
    return occ_tool_usage_error ("missing command");
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (strcmp (argv[1], commands[i]->name) == 0)
      return run_command (commands[i], argc - 1, argv + 1);
  message = g_strdup_printf ("unknown command “%s”", argv[1]);
  return occ_tool_usage_error (message);
}

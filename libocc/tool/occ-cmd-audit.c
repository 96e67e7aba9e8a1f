/* occ-cmd-audit.c: occ audit, a report's claims checked against its data
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <string.h>

#include "occ-cmd.h"
#include "occ-tool-input.h"
#include "occ-tool-output.h"

static char *format = NULL;
static char *ratings = NULL;

static void
add_options (OccToolOptions *options)
{
  static const GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format,
      "Output format: table (for reading, the default) or json "
      "(occ-audit/1)",
      "FORMAT" },
    { NULL }
  };

  occ_tool_options_add_entries (options, entries);
  occ_tool_options_add_ratings (options, &ratings);
}

static void
append_line (GString *out, const char *label, const char *raw)
{
  g_autofree char *shown = occ_escape_for_terminal (raw);

  g_string_append_printf (out, "  %s %s\n", label, shown);
}

static void
append_table (GString *out, OccAudit *audit, const char *dataset,
              const char *claims)
{
  const char *source = occ_audit_get_source (audit);
  guint n = occ_audit_get_n_claims (audit);

  {
    g_autofree char *d = occ_escape_for_terminal (dataset);
    g_autofree char *c = occ_escape_for_terminal (claims);
    g_string_append_printf (out, "Audit of %s against %s\n", c, d);
  }
  if (source)
    {
      g_autofree char *s = occ_escape_for_terminal (source);
      g_string_append_printf (out, "Source: %s\n", s);
    }
  g_string_append_printf (
    out, "%u claim%s: %u hold%s, %u contradicted, %u not checkable\n", n,
    n == 1 ? "" : "s", occ_audit_count (audit, OCC_VERDICT_HOLDS),
    occ_audit_count (audit, OCC_VERDICT_HOLDS) == 1 ? "s" : "",
    occ_audit_count (audit, OCC_VERDICT_CONTRADICTED),
    occ_audit_count (audit, OCC_VERDICT_NOT_CHECKABLE));
  for (guint i = 0; i < n; i++)
    {
      const char *text = occ_audit_get_claim_text (audit, i);
      g_autofree char *id =
        occ_escape_for_terminal (occ_audit_get_claim_id (audit, i));

      g_string_append_printf (
        out, "\n%-13s %s\n",
        occ_verdict_to_string (occ_audit_get_verdict (audit, i)), id);
      if (text)
        append_line (out, "Report:", text);
      append_line (out, "Data:  ", occ_audit_get_explanation (audit, i));
    }
}

static int
run (int argc, char **argv)
{
  static const char *const formats[] = { "table", "json", NULL };
  g_autoptr (GError) error = NULL;
  g_autoptr (OccDataset) dataset = NULL;
  g_autoptr (OccResults) results = NULL;
  g_autoptr (OccAudit) audit = NULL;
  g_autoptr (GString) out = g_string_new (NULL);
  g_autofree char *dataset_name = NULL;
  g_autofree char *claims_name = NULL;
  const char *shown;
  int status = 0;

  if ((shown = occ_tool_output_format (format, "table", formats, &status))
      == NULL)
    return status;
  dataset = occ_tool_load_dataset_with_ratings (argv[1], ratings, &error);
  if (dataset == NULL)
    return occ_tool_fail (error);
  results = occ_results_new (dataset);
  audit = occ_audit_new_from_file (results, argv[2], &error);
  if (audit == NULL)
    return occ_tool_fail (error);
  dataset_name = g_filename_display_basename (argv[1]);
  claims_name = g_filename_display_basename (argv[2]);
  if (strcmp (shown, "json") == 0)
    {
      g_autofree char *json = occ_audit_to_data (audit, dataset_name, NULL);
      g_string_append (out, json);
    }
  else
    append_table (out, audit, dataset_name, claims_name);
  /* The audit ran: its verdicts are the output, not the status. */
  return occ_tool_write_stdout (out);
}

const OccToolCommand occ_cmd_audit = {
  "audit",
  "DATASET CLAIMS",
  "Check a report's claims against its dataset",
  "Check each statement of an occ-claims/1 file (figures, bands, changes, "
  "best and worst items, shares and summaries a report states) against "
  "the scores of the dataset it was made from, and print for each the "
  "report's words, the verdict (holds, contradicted or not checkable) "
  "and what the data says. The exit status is 0 whenever the audit ran, "
  "whatever the verdicts; 1 when a file is bad.",
  add_options,
  2,
  2,
  run,
};

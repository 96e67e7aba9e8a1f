/* fuzz-claims.c: occ_audit_new_from_data() on any bytes
 *
 * The claims are checked against a small categorical dataset with
 * numbers (levels with values), so that every statement kind has figures
 * to compare. Every input either fails with one well-formed OccError, or
 * gives an audit whose every claim has a verdict, an explanation and
 * found figures that are JSON, and whose occ-audit/1 text is JSON.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <string.h>

#include <json-glib/json-glib.h>

#include "fuzz-common.h"

static const char dataset[] =
  "{\"format\": \"occ-dataset/1\", \"methodology\": {\"id\": \"f\","
  " \"scale\": {\"kind\": \"categorical\"}, \"criteria\": ["
  "  {\"id\": \"q\", \"levels\": [\"lo\", \"mid\", \"hi\"], \"values\": [0,"
  " 1.5, 3], \"unranked\": [\"na\"]},"
  "  {\"id\": \"s\", \"levels\": [\"no\", \"yes\"], \"values\": [0, 3]}],"
  " \"bands\": [{\"label\": \"low\", \"from\": 0}, {\"label\": \"high\","
  " \"from\": 2}], \"population_groups\": [{\"id\": \"w\"}],"
  " \"flags\": [{\"id\": \"top\", \"criterion\": \"q\", \"is\": \"hi\"}],"
  " \"summaries\": [{\"id\": \"n\", \"count\": \"rated\"}, {\"id\": \"top\","
  " \"count\": {\"flag\": \"top\"}, \"percent\": true}]},"
  " \"countries\": [{\"id\": \"PE\"}], \"phases\": [{\"id\": \"1\"},"
  " {\"id\": \"2\"}], \"raters\": [{\"id\": \"r\"}],"
  " \"framework\": [{\"id\": \"A\", \"children\": [{\"id\": \"A.1\"},"
  " {\"id\": \"A.2\"}]}, {\"id\": \"B\"}],"
  " \"ratings\": ["
  "  {\"country\": \"PE\", \"phase\": \"1\", \"node\": \"A.1\", \"rater\":"
  " \"r\", \"scores\": {\"q\": \"hi\", \"s\": \"yes\"}, \"groups\": [\"w\"]},"
  "  {\"country\": \"PE\", \"phase\": \"2\", \"node\": \"A.1\", \"rater\":"
  " \"r\", \"scores\": {\"q\": \"mid\", \"s\": \"no\"}, \"groups\": []},"
  "  {\"country\": \"PE\", \"phase\": \"2\", \"node\": \"A.2\", \"rater\":"
  " \"r\", \"scores\": {\"q\": \"na\", \"s\": \"yes\"}},"
  "  {\"country\": \"PE\", \"phase\": \"2\", \"node\": \"B\", \"rater\":"
  " \"r\", \"scores\": {\"q\": \"lo\", \"s\": null}}]}";

static void
check_json (const char *text, const char *what)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;

  fuzz_check (json_parser_load_from_data (parser, text, -1, &error),
              "%s is not JSON: %s\n%s", what, error ? error->message : "",
              text);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  static OccResults *results = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (OccAudit) audit = NULL;
  g_autofree char *text = NULL;
  guint total = 0;

  if (results == NULL)
    {
      g_autoptr (OccDataset) ds = occ_dataset_new_from_data (dataset, -1,
                                                             NULL);
      g_assert (ds != NULL);
      results = occ_results_new (ds);
    }
  audit = occ_audit_new_from_data (results, size ? (const char *) data : "",
                                   (gssize) size, &error);
  if (audit == NULL)
    {
      fuzz_check_load_error (error);
      return 0;
    }
  for (guint i = 0; i < occ_audit_get_n_claims (audit); i++)
    {
      g_autofree char *found = occ_audit_dup_found (audit, i);

      fuzz_check (occ_audit_get_verdict (audit, i)
                    <= OCC_VERDICT_NOT_CHECKABLE,
                  "claim %u: verdict %d", i,
                  occ_audit_get_verdict (audit, i));
      fuzz_check (occ_audit_get_explanation (audit, i) != NULL
                    && *occ_audit_get_explanation (audit, i) != '\0',
                  "claim %u has no explanation", i);
      check_json (found, "found");
    }
  for (OccVerdict v = OCC_VERDICT_HOLDS; v <= OCC_VERDICT_NOT_CHECKABLE; v++)
    total += occ_audit_count (audit, v);
  fuzz_check (total == occ_audit_get_n_claims (audit), "counts %u of %u",
              total, occ_audit_get_n_claims (audit));
  text = occ_audit_to_data (audit, "d.json", NULL);
  check_json (text, "occ-audit/1");
  return 0;
}

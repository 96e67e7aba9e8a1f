/* occ-tool-analysis.c: the analyses' long runs, behind a progress bar
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <stdio.h>
#include <unistd.h>

#include "occ-tool-analysis.h"

/* The progress bar ----------------------------------------------------- */

typedef struct
{
  gboolean enabled, shown;
  gint64 start;
  const char *what;
} Bar;

static void
bar_init (Bar *bar, const char *what)
{
  bar->enabled = isatty (fileno (stderr));
  bar->shown = FALSE;
  bar->start = g_get_monotonic_time ();
  bar->what = what;
}

static void
bar_update (double fraction, gpointer data)
{
  Bar *bar = data;
  int width = 30, filled = (int) (fraction * width);

  if (!bar->enabled
      || (!bar->shown
          && g_get_monotonic_time () - bar->start < G_USEC_PER_SEC))
    return;
  bar->shown = TRUE;
  fprintf (stderr, "\r%s [%.*s%*s] %3d%%", bar->what, filled,
           "==============================", width - filled, "",
           (int) (fraction * 100));
  fflush (stderr);
}

static void
bar_done (Bar *bar)
{
  if (bar->shown)
    fprintf (stderr, "\r\033[K");
}

/* The runs ------------------------------------------------------------- */

OccBootstrap *
occ_tool_run_bootstrap (OccResults *results, OccBootstrapOptions *options,
                        GError **error)
{
  Bar bar;
  OccBootstrap *boot;

  bar_init (&bar, "bootstrap");
  boot = occ_bootstrap_new (results, options, bar_update, &bar, NULL, error);
  bar_done (&bar);
  return boot;
}

OccAgreement *
occ_tool_run_agreement (OccDataset *dataset, OccBootstrapOptions *options,
                        GError **error)
{
  Bar bar;
  OccAgreement *agreement;

  bar_init (&bar, "agreement");
  agreement = occ_agreement_new (dataset, options, bar_update, &bar, NULL,
                                 error);
  bar_done (&bar);
  return agreement;
}

OccSensitivity *
occ_tool_run_sensitivity (OccDataset *dataset, OccSensitivityOptions *options,
                          GError **error)
{
  Bar bar;
  OccSensitivity *s;

  bar_init (&bar, "sensitivity");
  s = occ_sensitivity_new (dataset, options, bar_update, &bar, NULL, error);
  bar_done (&bar);
  return s;
}

/* What the analyses' tables say ---------------------------------------- */

/* As occ-results/1 writes ci_status: nothing for an estimated interval. */
char *
occ_tool_cell_status (OccIntervalStatus status)
{
  return g_strdup (occ_interval_status_to_string (status));
}

void
occ_tool_append_published_note (GString *out, OccBootstrap *boot)
{
  gsize n = occ_bootstrap_get_n_published_only (boot);

  if (n == 0)
    return;
  g_string_append_printf (
    out,
    "\nNote: %" G_GSIZE_FORMAT " leaf %s published scores only: no "
    "rater-level data, so no interval (ci_status \"published\"); they "
    "enter every replicate of the nodes above them unchanged (\"partial\").\n",
    n, n == 1 ? "score comes from" : "scores come from");
}

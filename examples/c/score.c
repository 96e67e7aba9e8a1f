/* score.c: load an occ-dataset/1 file, score it, print a few figures.
 *
 * Build against an installed libocc:
 *   cc score.c $(pkg-config --cflags --libs occ) -o score
 *   ./score /usr/local/share/occ/peru-2024.json
 */
#include <occ/occ.h>

int
main (int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (OccDataset) dataset = NULL;
  g_autoptr (OccResults) results = NULL;
  OccMethodology *methodology;
  guint n;

  if (argc != 2)
    {
      g_printerr ("usage: %s DATASET\n", argv[0]);
      return 2;
    }
  dataset = occ_dataset_new_from_file (argv[1], &error);
  if (dataset == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  methodology = occ_dataset_get_methodology (dataset);
  results = occ_results_new (dataset);
  n = g_list_model_get_n_items (G_LIST_MODEL (results));
  g_print ("libocc %s, %s: %u scores\n", occ_get_version (),
           occ_methodology_get_id (methodology), n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (OccScore) score =
        g_list_model_get_item (G_LIST_MODEL (results), i);
      g_autofree char *text = NULL;
      double value;

      if (occ_score_get_depth (score) > 1
          || !occ_score_get_value (score, &value))
        continue;
      text = occ_methodology_format_value (methodology, value);
      g_print ("%s %s %-8s %s %s\n", occ_score_get_country (score),
               occ_score_get_phase (score), occ_score_get_node_id (score),
               text, occ_score_get_band (score));
    }
  return 0;
}

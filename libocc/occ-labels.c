/* occ-labels.c: a label in other languages (occ-v1 §2)
 *
 * Every object of a dataset or a methodology that has a label (or a
 * name) may carry `labels`, the same text in other languages, keyed by a
 * BCP 47 language tag: `{"es": "Relevancia", "pt": "Relevância"}`. A
 * report in a language takes `labels[lang]` and falls back to the label.
 * libocc also falls back from a regional tag to its language (`es-PE`
 * finds `es`), as gettext and browsers do; ids never change.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include "occ-labels-private.h"

void
occ_labels_free (OccLabels *labels)
{
  if (labels == NULL)
    return;
  g_strfreev (labels->langs);
  g_strfreev (labels->texts);
  g_free (labels);
}

OccLabels *
occ_labels_copy (const OccLabels *labels)
{
  OccLabels *copy;

  if (labels == NULL)
    return NULL;
  copy = g_new0 (OccLabels, 1);
  copy->n = labels->n;
  copy->langs = g_strdupv (labels->langs);
  copy->texts = g_strdupv (labels->texts);
  return copy;
}

/* The shape of a BCP 47 tag (RFC 5646 §2.1), not its registry: a language
 * of 2 to 8 letters, then subtags of 1 to 8 letters or digits. */
gboolean
occ_language_tag_is_valid (const char *tag)
{
  const char *p = tag;
  guint n = 0;

  for (; g_ascii_isalpha (*p); p++)
    n++;
  if (n < 2 || n > 8)
    return FALSE;
  while (*p == '-')
    {
      p++;
      for (n = 0; g_ascii_isalnum (*p); p++)
        n++;
      if (n < 1 || n > 8)
        return FALSE;
    }
  return *p == '\0';
}

/* `labels` of @object, or *@labels = NULL when it has none. */
gboolean
occ_labels_read (JsonObject *object, const OccPath *path, OccLabels **labels,
                 GError **error)
{
  OccPath here = OCC_PATH_MEMBER (path, "labels");
  JsonNode *node = json_object_get_member (object, "labels");
  g_autoptr (OccLabels) read = NULL;
  g_autoptr (GList) members = NULL;
  JsonObject *map;
  guint i = 0;

  *labels = NULL;
  if (node == NULL)
    return TRUE;
  if (!(map = occ_json_object (node, &here, error)))
    return FALSE;
  if (json_object_get_size (map) > OCC_MAX_LANGUAGES)
    {
      occ_path_error (error, OCC_ERROR_LIMIT, &here, "more than %d languages",
                      OCC_MAX_LANGUAGES);
      return FALSE;
    }
  read = g_new0 (OccLabels, 1);
  read->langs = g_new0 (char *, json_object_get_size (map) + 1);
  read->texts = g_new0 (char *, json_object_get_size (map) + 1);
  /* json-glib keeps members in the file's order. */
  members = json_object_get_members (map);
  for (GList *l = members; l != NULL; l = l->next, i++)
    {
      const char *lang = l->data, *text;
      OccPath at = OCC_PATH_MEMBER (&here, lang);

      if (!occ_language_tag_is_valid (lang))
        {
          occ_path_error (error, OCC_ERROR_RANGE, &at,
                          "\"%s\" is not a language tag (BCP 47, such as "
                          "\"es\" or \"pt-BR\")",
                          lang);
          return FALSE;
        }
      if (!(text = occ_json_string (json_object_get_member (map, lang), &at,
                                    error)))
        return FALSE;
      /* Tags compare without case: "es" and "ES" would be one. */
      for (guint j = 0; j < i; j++)
        if (g_ascii_strcasecmp (read->langs[j], lang) == 0)
          {
            occ_path_error (error, OCC_ERROR_DUPLICATE, &at,
                            "\"%s\" is the language of \"%s\" already "
                            "(tags compare without case)",
                            lang, read->langs[j]);
            return FALSE;
          }
      read->langs[i] = g_strdup (lang);
      read->texts[i] = g_strdup (text);
      read->n = i + 1;
    }
  if (read->n > 0)
    *labels = g_steal_pointer (&read);
  return TRUE;
}

/* labels[@lang], else labels[the language of @lang], else @fallback.
 * Tags compare without case, as BCP 47 says. */
const char *
occ_labels_lookup (const OccLabels *labels, const char *lang,
                   const char *fallback)
{
  const char *dash;

  if (labels == NULL || lang == NULL)
    return fallback;
  for (guint i = 0; i < labels->n; i++)
    if (g_ascii_strcasecmp (labels->langs[i], lang) == 0)
      return labels->texts[i];
  if ((dash = strchr (lang, '-')) != NULL)
    for (guint i = 0; i < labels->n; i++)
      if (strlen (labels->langs[i]) == (gsize) (dash - lang)
          && g_ascii_strncasecmp (labels->langs[i], lang,
                                  (gsize) (dash - lang))
               == 0)
        return labels->texts[i];
  return fallback;
}

void
occ_labels_write (const OccLabels *labels, OccJsonWriter *w)
{
  if (labels == NULL)
    return;
  occ_json_begin_object (w, "labels");
  for (guint i = 0; i < labels->n; i++)
    occ_json_put_string (w, labels->langs[i], labels->texts[i]);
  occ_json_end_object (w);
}

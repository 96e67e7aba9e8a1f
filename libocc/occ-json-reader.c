/* occ-json-reader.c: reading json-glib trees, with JSON paths and places
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "occ-error-private.h"
#include "occ-json-private.h"

static void
append_path (GString *s, const OccPath *path)
{
  if (path == NULL || (path->parent == NULL && path->member == NULL))
    return;
  append_path (s, path->parent);
  if (path->member != NULL)
    {
      if (s->len > 0)
        g_string_append_c (s, '.');
      g_string_append (s, path->member);
    }
  else
    g_string_append_printf (s, "[%u]", path->index);
}

char *
occ_path_to_string (const OccPath *path)
{
  GString *s = g_string_new (NULL);

  append_path (s, path);
  if (s->len == 0)
    g_string_append (s, "(top level)");
  return g_string_free (s, FALSE);
}

/* One step down from @node: member @member (of @length bytes), or
 * element @index when @member is NULL; NULL when there is none. */
static JsonNode *
step_down (JsonNode *node, const char *member, gsize length, guint index)
{
  if (member != NULL && JSON_NODE_HOLDS_OBJECT (node))
    {
      g_autofree char *name = g_strndup (member, length);
      return json_object_get_member (json_node_get_object (node), name);
    }
  if (member == NULL && JSON_NODE_HOLDS_ARRAY (node)
      && index < json_array_get_length (json_node_get_array (node)))
    return json_array_get_element (json_node_get_array (node), index);
  return NULL;
}

/* The position of the deepest value on @path, then on the path @below
 * (text such as `scale.max` or `criteria[2].id`, or NULL), in the tree
 * of the nearest frame with places, if any. */
static const OccJsonPlaces *
resolve (const OccPath *path, const char *below, OccJsonPos *pos)
{
  const OccPath *chain[OCC_MAX_JSON_DEPTH * 2 + 8];
  guint n = 0;
  const OccPath *frame = path;
  JsonNode *node;

  while (frame != NULL && frame->places == NULL)
    {
      if (n == G_N_ELEMENTS (chain))
        return NULL;
      chain[n++] = frame;
      frame = frame->parent;
    }
  if (frame == NULL)
    return NULL;
  node = occ_json_places_root (frame->places);
  if (!occ_json_places_lookup (frame->places, node, pos))
    return NULL;
  while (n > 0)
    {
      const OccPath *step = chain[--n];
      JsonNode *next = step_down (node, step->member,
                                  step->member ? strlen (step->member) : 0,
                                  step->index);

      if (next == NULL || !occ_json_places_lookup (frame->places, next, pos))
        return frame->places;
      node = next;
    }
  for (const char *p = below; p != NULL && *p != '\0';)
    {
      JsonNode *next;

      if (*p == '.')
        p++;
      if (*p == '[')
        {
          char *end;
          guint64 index = g_ascii_strtoull (p + 1, &end, 10);

          if (*end != ']')
            break;
          next = step_down (node, NULL, 0, (guint) MIN (index, G_MAXUINT));
          p = end + 1;
        }
      else
        {
          gsize length = strcspn (p, ".[");

          next = step_down (node, p, length, 0);
          p += length;
        }
      if (next == NULL || !occ_json_places_lookup (frame->places, next, pos))
        break;
      node = next;
    }
  return frame->places;
}

static void
path_verror (GError **error, OccError code, const OccPath *path,
             const char *below, const char *format, va_list args)
{
  g_autofree char *where = NULL;
  g_autofree char *what = NULL;
  const OccJsonPlaces *places;
  OccJsonPos pos = { 0, 0 };

  if (error == NULL)
    return;
  where = occ_path_to_string (path);
  if (below != NULL)
    {
      gboolean top = path->parent == NULL && path->member == NULL;
      char *full = g_strconcat (top ? "" : where, top ? "" : ".", below,
                                NULL);
      g_free (where);
      where = full;
    }
  what = g_strdup_vprintf (format, args);
  places = resolve (path, below, &pos);
  occ_set_error_at (error, code,
                    places ? occ_json_places_source (places) : NULL, pos.line,
                    pos.column, where, "%s", what);
}

char *
occ_path_first_at (const OccPath *earlier)
{
  OccJsonPos pos;

  if (resolve (earlier, NULL, &pos) == NULL)
    return g_strdup ("");
  return g_strdup_printf (" (first at %u:%u)", pos.line, pos.column);
}

void
occ_path_error (GError **error, OccError code, const OccPath *path,
                const char *format, ...)
{
  va_list args;

  va_start (args, format);
  path_verror (error, code, path, NULL, format, args);
  va_end (args);
}

void
occ_path_error_below (GError **error, OccError code, const OccPath *path,
                      const char *below, const char *format, ...)
{
  va_list args;

  va_start (args, format);
  path_verror (error, code, path, below, format, args);
  va_end (args);
}

JsonNode *
occ_json_parse (const char *data, gsize length, const char *source,
                GError **error)
{
  return occ_json_parse_with_places (data, length, source, NULL, error);
}

static const char *
node_kind (JsonNode *node)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      return "an object";
    case JSON_NODE_ARRAY:
      return "an array";
    case JSON_NODE_NULL:
      return "null";
    case JSON_NODE_VALUE:
    default:
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_STRING:
          return "a string";
        case G_TYPE_BOOLEAN:
          return "a boolean";
        default:
          return "a number";
        }
    }
}

JsonObject *
occ_json_object (JsonNode *node, const OccPath *path, GError **error)
{
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      occ_path_error (error, OCC_ERROR_TYPE, path,
                      "expected an object, found %s", node_kind (node));
      return NULL;
    }
  return json_node_get_object (node);
}

JsonArray *
occ_json_array (JsonNode *node, const OccPath *path, GError **error)
{
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      occ_path_error (error, OCC_ERROR_TYPE, path,
                      "expected an array, found %s", node_kind (node));
      return NULL;
    }
  return json_node_get_array (node);
}

static gboolean
check_length (const char *s, gsize limit, const char *what,
              const OccPath *path, GError **error)
{
  gsize length = strlen (s);

  if (length <= limit)
    return TRUE;
  occ_path_error (error, OCC_ERROR_LIMIT, path,
                  "a string of %" G_GSIZE_FORMAT
                  " bytes; %s at most %" G_GSIZE_FORMAT,
                  length, what, limit);
  return FALSE;
}

const char *
occ_json_string (JsonNode *node, const OccPath *path, GError **error)
{
  const char *s;

  if (!JSON_NODE_HOLDS_VALUE (node)
      || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      occ_path_error (error, OCC_ERROR_TYPE, path,
                      "expected a string, found %s", node_kind (node));
      return NULL;
    }
  s = json_node_get_string (node);
  if (!check_length (s, OCC_MAX_STRING_LENGTH, "libocc reads strings of",
                     path, error))
    return NULL;
  return s;
}

static gboolean
is_number (JsonNode *node)
{
  GType type;

  if (!JSON_NODE_HOLDS_VALUE (node))
    return FALSE;
  type = json_node_get_value_type (node);
  return type == G_TYPE_INT64 || type == G_TYPE_DOUBLE;
}

gboolean
occ_json_number (JsonNode *node, const OccPath *path, double *value,
                 GError **error)
{
  if (!is_number (node))
    {
      occ_path_error (error, OCC_ERROR_TYPE, path,
                      "expected a number, found %s", node_kind (node));
      return FALSE;
    }
  *value = json_node_get_double (node);
  if (!isfinite (*value))
    {
      occ_path_error (error, OCC_ERROR_RANGE, path,
                      "the number is too large to be finite");
      return FALSE;
    }
  return TRUE;
}

/* An integer: 2 and 2.0 are, 2.5 is not. */
gboolean
occ_json_integer (JsonNode *node, const OccPath *path, gint64 *value,
                  GError **error)
{
  double d;

  if (is_number (node) && json_node_get_value_type (node) == G_TYPE_INT64)
    {
      *value = json_node_get_int (node);
      return TRUE;
    }
  if (!occ_json_number (node, path, &d, error))
    return FALSE;
  if (d != floor (d) || fabs (d) > 9007199254740992.0)
    {
      char buf[G_ASCII_DTOSTR_BUF_SIZE];
      occ_format_double (buf, d);
      occ_path_error (error, OCC_ERROR_RANGE, path, "%s is not an integer",
                      buf);
      return FALSE;
    }
  *value = (gint64) d;
  return TRUE;
}

JsonNode *
occ_json_member (JsonObject *object, const char *name, const OccPath *path,
                 gboolean required, GError **error)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL && required)
    {
      OccPath here = OCC_PATH_MEMBER (path, name);
      occ_path_error (error, OCC_ERROR_TYPE, &here,
                      "required member is missing");
    }
  return node;
}

/* An absent or null member leaves *value untouched and succeeds. */
gboolean
occ_json_optional_string (JsonObject *object, const char *name,
                          const OccPath *path, const char **value,
                          GError **error)
{
  JsonNode *node = json_object_get_member (object, name);
  OccPath here = OCC_PATH_MEMBER (path, name);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  *value = occ_json_string (node, &here, error);
  return *value != NULL;
}

/* An id: a required, non-empty string. */
gboolean
occ_json_required_id (JsonObject *object, const char *name,
                      const OccPath *path, const char **value, GError **error)
{
  OccPath here = OCC_PATH_MEMBER (path, name);
  JsonNode *node = occ_json_member (object, name, path, TRUE, error);

  if (node == NULL || (*value = occ_json_string (node, &here, error)) == NULL)
    return FALSE;
  if (**value == '\0')
    {
      occ_path_error (error, OCC_ERROR_RANGE, &here, "an id cannot be empty");
      return FALSE;
    }
  return check_length (*value, OCC_MAX_ID_LENGTH, "an id has", &here, error);
}

/* "weight": optional, default 1, finite and not negative. */
gboolean
occ_json_optional_weight (JsonObject *object, const OccPath *path,
                          double *weight, GError **error)
{
  OccPath here = OCC_PATH_MEMBER (path, "weight");
  JsonNode *node = json_object_get_member (object, "weight");

  *weight = 1.0;
  if (node == NULL)
    return TRUE;
  if (!occ_json_number (node, &here, weight, error))
    return FALSE;
  if (*weight < 0)
    {
      occ_path_error (error, OCC_ERROR_RANGE, &here,
                      "a weight cannot be negative");
      return FALSE;
    }
  return TRUE;
}

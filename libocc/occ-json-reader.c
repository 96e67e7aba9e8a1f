/* occ-json-reader.c: json-glib behind a depth guard, with JSON paths
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

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

void
occ_path_error (GError **error, OccError code, const OccPath *path,
                const char *format, ...)
{
  g_autofree char *where = NULL;
  g_autofree char *what = NULL;
  va_list args;

  if (error == NULL)
    return;
  where = occ_path_to_string (path);
  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, OCC_ERROR, code, "%s: %s", where, what);
}

/* The code unit of the \uXXXX escape at @p, or -1 if it is not one. */
static int
unicode_escape (const char *p, const char *end)
{
  int code = 0;

  if (end - p < 6 || p[0] != '\\' || p[1] != 'u')
    return -1;
  for (int k = 2; k < 6; k++)
    {
      if (!g_ascii_isxdigit (p[k]))
        return -1;
      code = code * 16 + g_ascii_xdigit_value (p[k]);
    }
  return code;
}

/* json-glib 1.6 turns an unpaired surrogate escape (\ud800) or a
 * malformed one (\ud8=d) into bytes that are not UTF-8, and a \u0000 into
 * the end of the string (an id "a\u0000b" would silently become "a"); its
 * scanner also reads escapes JSON does not have: octal (\202, a byte that
 * is not UTF-8) and any other letter (\q as q). All are refused here with
 * their place. Returns the length of the escape at @p, or 0 when it is one
 * of those. */
static gsize
check_escape (const char *p, const char *end, const char **problem)
{
  int code = unicode_escape (p, end), low;

  if (code < 0 && end - p >= 2 && p[1] == 'u')
    *problem = "\\u must be followed by four hexadecimal digits";
  else if (code < 0 && end - p >= 2
           && (p[1] == '\0' || strchr ("\"\\/bfnrt", p[1]) == NULL))
    *problem = "not a JSON escape (\\\", \\\\, \\/, \\b, \\f, \\n, \\r, \\t "
               "or \\uXXXX)";
  else if (code < 0)
    return 2; /* \n, \", ...; or the end of the input */
  else if (code == 0)
    *problem = "\\u0000 (NUL) cannot be part of a string";
  else if (code >= 0xdc00 && code <= 0xdfff)
    *problem = "a low surrogate escape without a high one before it";
  else if (code >= 0xd800 && code <= 0xdbff)
    {
      low = unicode_escape (p + 6, end);
      if (low >= 0xdc00 && low <= 0xdfff)
        return 12;
      *problem = "a high surrogate escape without a low one after it";
    }
  else
    return 6;
  return 0;
}

/* Scan for nesting depth without recursion, so hostile input such as a
 * million '[' is refused with a place instead of overflowing the stack;
 * refuse the string escapes json-glib gets wrong on the way. The scan must
 * see strings where json-glib does, so the extensions of json-glib's
 * scanner that delimit text differently are refused too. */
static gboolean
check_depth (const char *data, gsize length, const char *source,
             GError **error)
{
  const char *end = data + length;
  guint depth = 0, line = 1, column = 0;
  gboolean in_string = FALSE;

  for (gsize i = 0; i < length; i++)
    {
      char c = data[i];

      column++;
      if (c == '\n')
        {
          line++;
          column = 0;
        }
      if (in_string)
        {
          if (c == '\\')
            {
              const char *problem = NULL;
              gsize skip = check_escape (data + i, end, &problem);

              if (skip == 0)
                {
                  g_set_error (error, OCC_ERROR, OCC_ERROR_SYNTAX,
                               "%s:%u:%u: %s", source, line, column, problem);
                  return FALSE;
                }
              /* Escapes are ASCII: one column a byte. */
              skip = MIN (skip, length - i);
              i += skip - 1;
              column += (guint) skip - 1;
            }
          else if (c == '"')
            in_string = FALSE;
          continue;
        }
      if (c == '"')
        in_string = TRUE;
      else if (c == '\'' || c == '/' || c == '#')
        {
          /* json-glib also reads 'strings', comments and # lines, which
           * would hide quotes, and with them brackets, from this scan. */
          g_set_error (error, OCC_ERROR, OCC_ERROR_SYNTAX,
                       "%s:%u:%u: unexpected character `%c': %s are not "
                       "JSON",
                       source, line, column, c,
                       c == '\'' ? "single-quoted strings" : "comments");
          return FALSE;
        }
      else if (c == '[' || c == '{')
        {
          if (++depth > OCC_MAX_JSON_DEPTH)
            {
              g_set_error (error, OCC_ERROR, OCC_ERROR_LIMIT,
                           "%s:%u:%u: nesting deeper than %d levels", source,
                           line, column, OCC_MAX_JSON_DEPTH);
              return FALSE;
            }
        }
      else if ((c == ']' || c == '}') && depth > 0)
        depth--;
    }
  return TRUE;
}

/* JSON text is UTF-8 (RFC 8259 §8.1). Checking it all first means no
 * string libocc keeps, writes or quotes in a message can be anything
 * else, and a NUL byte cannot cut a document short. */
static gboolean
check_utf8 (const char *data, gsize length, const char *source,
            GError **error)
{
  const char *end = NULL;
  guint line = 1, column = 1;

  if (g_utf8_validate_len (data, length, &end))
    return TRUE;
  for (const char *p = data; p < end; p++)
    {
      if (*p == '\n')
        {
          line++;
          column = 1;
        }
      else if (((guchar) *p & 0xc0) != 0x80)
        column++;
    }
  g_set_error (error, OCC_ERROR, OCC_ERROR_SYNTAX,
               "%s:%u:%u: %s; JSON text must be UTF-8", source, line, column,
               *end == '\0' ? "a NUL byte" : "bytes that are not UTF-8");
  return FALSE;
}

/* json-glib names the input "<data>" when it parses a buffer; put the real
 * source in its place so the message reads FILE:LINE:COLUMN. json-glib
 * quotes the offending text, which for an escape such as \ud800 alone is
 * not UTF-8: messages must be. */
static void
set_syntax_error (GError **error, const GError *json_error,
                  const char *source)
{
  g_autofree char *valid = g_utf8_make_valid (json_error->message, -1);
  const char *message = valid;

  if (g_str_has_prefix (message, "<data>:"))
    message += strlen ("<data>");
  else
    {
      g_set_error (error, OCC_ERROR, OCC_ERROR_SYNTAX, "%s: %s", source,
                   message);
      return;
    }
  g_set_error (error, OCC_ERROR, OCC_ERROR_SYNTAX, "%s%s", source, message);
}

gboolean
occ_json_check_size (guint64 size, const char *source, GError **error)
{
  if (size <= OCC_MAX_INPUT_SIZE)
    return TRUE;
  g_set_error (error, OCC_ERROR, OCC_ERROR_LIMIT,
               "%s:1:1: the input is %" G_GUINT64_FORMAT " bytes; libocc "
               "reads at most %u (%u MiB)",
               source, size, OCC_MAX_INPUT_SIZE, OCC_MAX_INPUT_SIZE >> 20);
  return FALSE;
}

JsonNode *
occ_json_parse (const char *data, gsize length, const char *source,
                GError **error)
{
  g_autoptr (JsonParser) parser = NULL;
  g_autoptr (GError) json_error = NULL;

  if (!occ_json_check_size (length, source, error)
      || !check_utf8 (data, length, source, error)
      || !check_depth (data, length, source, error))
    return NULL;
  if (length == 0)
    {
      g_set_error (error, OCC_ERROR, OCC_ERROR_SYNTAX,
                   "%s:1:1: empty input, expected a JSON object", source);
      return NULL;
    }
  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, data, (gssize) length,
                                   &json_error))
    {
      set_syntax_error (error, json_error, source);
      return NULL;
    }
  if (json_parser_get_root (parser) == NULL)
    {
      g_set_error (error, OCC_ERROR, OCC_ERROR_SYNTAX,
                   "%s:1:1: no JSON value in the input", source);
      return NULL;
    }
  return json_parser_steal_root (parser);
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

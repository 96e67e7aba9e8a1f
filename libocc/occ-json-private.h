/* occ-json-private.h: reading JSON with places, and writing it fast
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include <json-glib/json-glib.h>
#include <occ/occ-error.h>

#include "occ-json-pull-private.h"

G_BEGIN_DECLS

/* A place in a JSON document, as a chain of stack frames: building the text
 * of a path costs nothing until an error needs it. A frame with @places
 * stands for the root of the tree they hold: the message of an error
 * below it names the line and column of the deepest value of the path
 * the tree has. */
typedef struct _OccPath OccPath;
struct _OccPath
{
  const OccPath *parent;
  const char *member; /* NULL for an array element */
  guint index;
  const OccJsonPlaces *places;
};

#define OCC_PATH_ROOT ((OccPath){ NULL, NULL, 0, NULL })
#define OCC_PATH_MEMBER(p, m) ((OccPath){ (p), (m), 0, NULL })
#define OCC_PATH_INDEX(p, i) ((OccPath){ (p), NULL, (i), NULL })

char *occ_path_to_string (const OccPath *path);

void occ_path_error (GError **error, OccError code, const OccPath *path,
                     const char *format, ...) G_GNUC_PRINTF (4, 5);
/* " (first at LINE:COLUMN)", the place of @earlier for the message of a
 * duplicate, or "" when it has none. */
char *occ_path_first_at (const OccPath *earlier);
/* The same, for the place @below @path (text such as `scale.max`). */
void occ_path_error_below (GError **error, OccError code, const OccPath *path,
                           const char *below, const char *format, ...)
  G_GNUC_PRINTF (5, 6);

/* A whole document as a tree (occ_json_parse_with_places() without the
 * places). */
JsonNode *occ_json_parse (const char *data, gsize length, const char *source,
                          GError **error);

JsonObject *occ_json_object (JsonNode *node, const OccPath *path,
                             GError **error);
JsonArray *occ_json_array (JsonNode *node, const OccPath *path,
                           GError **error);
const char *occ_json_string (JsonNode *node, const OccPath *path,
                             GError **error);
gboolean occ_json_number (JsonNode *node, const OccPath *path, double *value,
                          GError **error);
gboolean occ_json_integer (JsonNode *node, const OccPath *path, gint64 *value,
                           GError **error);

JsonNode *occ_json_member (JsonObject *object, const char *name,
                           const OccPath *path, gboolean required,
                           GError **error);
gboolean occ_json_optional_string (JsonObject *object, const char *name,
                                   const OccPath *path, const char **value,
                                   GError **error);
gboolean occ_json_required_id (JsonObject *object, const char *name,
                               const OccPath *path, const char **value,
                               GError **error);
gboolean occ_json_optional_weight (JsonObject *object, const OccPath *path,
                                   double *weight, GError **error);

/* The writer: a GString with a stack of "is a comma due" flags. */
typedef struct
{
  GString *out;
  guint depth;
  guint64 comma; /* bit d: a value was already written at depth d */
} OccJsonWriter;

void occ_json_writer_init (OccJsonWriter *w, GString *out);
void occ_json_begin_object (OccJsonWriter *w, const char *key);
void occ_json_end_object (OccJsonWriter *w);
void occ_json_begin_array (OccJsonWriter *w, const char *key);
void occ_json_end_array (OccJsonWriter *w);
void occ_json_put_string (OccJsonWriter *w, const char *key,
                          const char *value);
void occ_json_put_double (OccJsonWriter *w, const char *key, double value);
void occ_json_put_int (OccJsonWriter *w, const char *key, gint64 value);
void occ_json_put_bool (OccJsonWriter *w, const char *key, gboolean value);
void occ_json_put_null (OccJsonWriter *w, const char *key);
void occ_json_put_raw (OccJsonWriter *w, const char *key, const char *json);
/* The writer's text made one line, in place: its newlines and the
 * indents after them go (a string's own newlines are escaped, so only
 * the layout's are). */
void occ_json_one_line (char *text);

void occ_format_double_shortest (char buf[G_ASCII_DTOSTR_BUF_SIZE],
                                 double value);
void occ_format_double (char buf[G_ASCII_DTOSTR_BUF_SIZE], double value);

/* Enough for any gint64 in decimal, with its sign. */
#define OCC_INT_BUF_SIZE 24

/* @value in decimal at the end of @buf (not NUL-terminated): returns where
 * it starts and sets *@length. Without printf: the JSON and CSV writers
 * write integers millions of times for a large dataset. */
static inline const char *
occ_format_int (char buf[OCC_INT_BUF_SIZE], gint64 value, gsize *length)
{
  char *p = buf + OCC_INT_BUF_SIZE;
  guint64 v = value < 0 ? -(guint64) value : (guint64) value;

  do
    *--p = (char) ('0' + v % 10);
  while ((v /= 10) > 0);
  if (value < 0)
    *--p = '-';
  *length = (gsize) (buf + OCC_INT_BUF_SIZE - p);
  return p;
}

G_END_DECLS

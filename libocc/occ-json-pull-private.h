/* occ-json-pull-private.h: a strict streaming JSON reader (occ-json-pull.c)
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>
#include <occ/occ-error.h>

G_BEGIN_DECLS

/* Nesting deeper than this is refused. */
#define OCC_MAX_JSON_DEPTH 48
/* Ids are short names; any other string (a title, a label, a commitment's
 * text) is at most a few pages. The reader refuses longer strings
 * anywhere, member names and ignored members included. */
#define OCC_MAX_ID_LENGTH 1024
#define OCC_MAX_STRING_LENGTH (64u << 10)
/* The members of one object: duplicate names are looked for in all. */
#define OCC_MAX_JSON_MEMBERS (1u << 20)
/* The characters of one number. */
#define OCC_MAX_NUMBER_LENGTH 1024

typedef enum {
  OCC_JSON_ERROR,
  OCC_JSON_END, /* of the document */
  OCC_JSON_OBJECT_BEGIN,
  OCC_JSON_OBJECT_END,
  OCC_JSON_ARRAY_BEGIN,
  OCC_JSON_ARRAY_END,
  OCC_JSON_KEY, /* a member name; its value is the next token */
  OCC_JSON_STRING,
  OCC_JSON_NUMBER,
  OCC_JSON_TRUE,
  OCC_JSON_FALSE,
  OCC_JSON_NULL,
} OccJsonToken;

/* A place in the input: line and column from 1, the column in
 * characters. */
typedef struct
{
  guint32 line;
  guint32 column;
} OccJsonPos;

typedef struct _OccJsonReader OccJsonReader;

OccJsonReader *occ_json_reader_new_for_data (const char *data, gsize length,
                                             const char *source);
OccJsonReader *occ_json_reader_new_for_stream (GInputStream *stream,
                                               const char *source,
                                               GCancellable *cancellable);
void occ_json_reader_free (OccJsonReader *reader);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (OccJsonReader, occ_json_reader_free)

/* The next token, or OCC_JSON_ERROR with @error set at its place. After
 * an error the reader only returns OCC_JSON_ERROR. */
OccJsonToken occ_json_reader_next (OccJsonReader *reader, GError **error);

/* Of the token just read. */
OccJsonToken occ_json_reader_token (const OccJsonReader *reader);
/* What a value of that first token is: "an object", "a string"... */
const char *occ_json_token_kind (OccJsonToken token);
OccJsonPos occ_json_reader_pos (const OccJsonReader *reader);
/* KEY, STRING: the text, NUL-terminated (no NUL inside: \u0000 is
 * refused), valid UTF-8; valid until the next call. */
const char *occ_json_reader_text (const OccJsonReader *reader, gsize *length);
/* NUMBER: its value; *is_integer when it has no fraction or exponent and
 * fits a gint64 (then *integer is it exactly). */
double occ_json_reader_number (const OccJsonReader *reader,
                               gboolean *is_integer, gint64 *integer);
/* The name the messages give the input. */
const char *occ_json_reader_source (const OccJsonReader *reader);

/* Skips the rest of the value whose first token was just read, checking
 * it as strictly as any other. */
gboolean occ_json_reader_skip (OccJsonReader *reader, GError **error);

/* Skips the rest of the value whose first token was just read and
 * returns its text (from its first byte to its last), to be read later
 * with occ_json_reader_new_for_fragment(). */
GBytes *occ_json_reader_capture (OccJsonReader *reader, GError **error);

/* A reader of text @captured from member @member of the top-level object
 * of @parent's input, starting at @pos: places and paths are those of the
 * whole document. */
OccJsonReader *occ_json_reader_new_for_fragment (const OccJsonReader *parent,
                                                 GBytes *captured,
                                                 OccJsonPos pos,
                                                 const char *member);

/* Fault at the token just read (or at @pos, with ".@member" appended to
 * the path when not NULL): SOURCE:LINE:COLUMN: PATH: RULE. */
void occ_json_reader_error (const OccJsonReader *reader, GError **error,
                            OccError code, const char *format, ...)
  G_GNUC_PRINTF (4, 5);
void occ_json_reader_error_at (const OccJsonReader *reader, GError **error,
                               OccJsonPos pos, const char *member,
                               OccError code, const char *format, ...)
  G_GNUC_PRINTF (6, 7);

/* The places of the values of a tree the reader built, for the messages
 * of the code that reads the tree (OccPath, occ-json-private.h). */
typedef struct _OccJsonPlaces OccJsonPlaces;

void occ_json_places_unref (OccJsonPlaces *places);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (OccJsonPlaces, occ_json_places_unref)
OccJsonPlaces *occ_json_places_new (const char *source);
/* The tree the places are of: @root, at @pos. */
void occ_json_places_set_root (OccJsonPlaces *places, JsonNode *root,
                               OccJsonPos pos);
const char *occ_json_places_source (const OccJsonPlaces *places);
JsonNode *occ_json_places_root (const OccJsonPlaces *places);
gboolean occ_json_places_lookup (const OccJsonPlaces *places,
                                 const JsonNode *node, OccJsonPos *pos);

/* The value whose first token was just read, as a tree; *@places (when
 * not NULL) is set to the places of its values. */
JsonNode *occ_json_reader_build (OccJsonReader *reader,
                                 OccJsonPlaces **places, GError **error);

/* The same, its places added to @places (which may be NULL). */
JsonNode *occ_json_reader_build_into (OccJsonReader *reader,
                                      OccJsonPlaces *places, GError **error);

/* A whole document as a tree, with its places: for the small documents
 * (methodologies, claims) and json-glib's API. */
JsonNode *occ_json_parse_with_places (const char *data, gsize length,
                                      const char *source,
                                      OccJsonPlaces **places, GError **error);

G_END_DECLS

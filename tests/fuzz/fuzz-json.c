/* fuzz-json.c: libocc's streaming JSON reader against json-glib
 *
 * Every input is read from memory and, in chunks of seven bytes, from a
 * stream: the two readings must agree (the same tree or the same
 * message). What the reader accepts, json-glib (the independent oracle)
 * must read to the same values; what it refuses must be refused with an
 * OCC_ERROR of a documented kind (docs/reliability.md, "JSON"), at a line
 * and column, in a UTF-8 message. json-glib may accept more: that is the
 * strictness the reader adds, never the other way round.
 *
 * Links the reader's objects, not libocc: the reader is private.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <string.h>

#include "fuzz-common.h"
#include "occ-json-pull-private.h"

/* Seven bytes a read: tokens cross chunk boundaries everywhere. */
typedef struct
{
  GInputStream parent_instance;
  const guint8 *data;
  gsize length, offset;
} Chunks;

typedef struct
{
  GInputStreamClass parent_class;
} ChunksClass;

static GType chunks_get_type (void);
G_DEFINE_TYPE (Chunks, chunks, G_TYPE_INPUT_STREAM)

static gssize
chunks_read (GInputStream *stream, void *buffer, gsize count,
             GCancellable *cancellable, GError **error)
{
  Chunks *self = (Chunks *) stream;
  gsize n = MIN (MIN (count, 7), self->length - self->offset);

  if (n > 0)
    memcpy (buffer, self->data + self->offset, n);
  self->offset += n;
  return (gssize) n;
}

static void
chunks_class_init (ChunksClass *klass)
{
  G_INPUT_STREAM_CLASS (klass)->read_fn = chunks_read;
}

static void
chunks_init (Chunks *self)
{
}

static JsonNode *
read_stream (const uint8_t *data, size_t size, GError **error)
{
  g_autoptr (GInputStream) stream = g_object_new (chunks_get_type (), NULL);
  g_autoptr (OccJsonReader) r = NULL;
  g_autoptr (JsonNode) root = NULL;

  ((Chunks *) stream)->data = data;
  ((Chunks *) stream)->length = size;
  r = occ_json_reader_new_for_stream (stream, "fuzz", NULL);
  if (occ_json_reader_next (r, error) == OCC_JSON_ERROR
      || !(root = occ_json_reader_build (r, NULL, error))
      || occ_json_reader_next (r, error) != OCC_JSON_END)
    return NULL;
  return g_steal_pointer (&root);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr (GError) error = NULL, stream_error = NULL, glib_error = NULL;
  g_autoptr (JsonNode) tree = occ_json_parse_with_places (
    size ? (const char *) data : "", size, "fuzz", NULL, &error);
  g_autoptr (JsonNode) streamed = read_stream (data, size, &stream_error);
  g_autoptr (JsonParser) parser = NULL;
  guint line, column;

  if (tree == NULL)
    {
      fuzz_check (error != NULL && error->domain == OCC_ERROR
                    && (error->code == OCC_ERROR_SYNTAX
                        || error->code == OCC_ERROR_RANGE
                        || error->code == OCC_ERROR_DUPLICATE
                        || error->code == OCC_ERROR_LIMIT),
                  "refused without a documented OccError: %s",
                  error ? error->message : "(none)");
      fuzz_check (g_utf8_validate (error->message, -1, NULL),
                  "a message that is not UTF-8");
      fuzz_check (occ_error_get_location (error, NULL, &line, &column)
                    && line >= 1 && column >= 1,
                  "a fault without its place: %s", error->message);
      fuzz_check (streamed == NULL && stream_error != NULL
                    && g_str_equal (error->message, stream_error->message),
                  "memory said %s, the stream %s", error->message,
                  stream_error ? stream_error->message : "nothing");
      return 0;
    }
  fuzz_check (streamed != NULL && json_node_equal (tree, streamed),
              "memory and the stream read different values (%s)",
              stream_error ? stream_error->message : "both read");
  parser = json_parser_new ();
  fuzz_check (json_parser_load_from_data (parser, (const char *) data,
                                          (gssize) size, &glib_error),
              "libocc accepts what json-glib refuses: %s",
              glib_error->message);
  fuzz_check (json_node_equal (tree, json_parser_get_root (parser)),
              "libocc and json-glib read different values");
  return 0;
}

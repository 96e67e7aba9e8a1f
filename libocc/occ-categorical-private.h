/* occ-categorical-private.h: labelled levels, flags and summaries
 *
 * The part of a methodology that occ-categorical.md adds: criteria rated
 * on ordered levels, flags derived from them by conditions, and summaries
 * that count leaves over a part of the framework.
 *
 * Levels are kept as small integers wherever a score is kept (ratings'
 * columns, the engine's table): a ranked level is its index in the
 * criterion's order (0, 1, …), an unranked answer j is -1 - j, and no
 * answer is OCC_SCORE_NULL, as for numeric scores.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include <glib.h>

#include "occ-json-private.h"
#include "occ-labels-private.h"

G_BEGIN_DECLS

/* Levels of one criterion, ranked and unranked together: enough for any
 * scale people rate on, and small enough to count them on the stack. */
#define OCC_MAX_CRITERION_LEVELS 256
/* Flags and summaries of a methodology. */
#define OCC_MAX_FLAGS 256
#define OCC_MAX_SUMMARIES 256

/* No answer, or no level (the same as a rating's null score,
 * occ-dataset-private.h). */
#define OCC_SCORE_NULL G_MININT32

/* The value of a condition: three-valued, as SQL's. */
#define OCC_COND_FALSE 0
#define OCC_COND_TRUE 1
#define OCC_COND_UNKNOWN (-1)

typedef enum {
  OCC_COND_RATED, /* a summary's "rated": every leaf with ratings */
  OCC_COND_IS,
  OCC_COND_IN,
  OCC_COND_AT_LEAST,
  OCC_COND_AT_MOST,
  OCC_COND_FLAG,
  OCC_COND_ALL,
  OCC_COND_ANY,
  OCC_COND_NOT,
} OccCondKind;

typedef struct _OccCondition OccCondition;
struct _OccCondition
{
  OccCondKind kind;
  guint criterion; /* IS, IN, AT_LEAST, AT_MOST */
  gint32 level;    /* IS, AT_LEAST, AT_MOST: a level; FLAG: a flag index */
  guint n;         /* IN: levels; ALL, ANY: parts; NOT: 1 */
  gint32 *levels;  /* IN */
  OccCondition *parts; /* ALL, ANY, NOT */
};

/* The levels of one criterion. */
typedef struct
{
  guint n_ranked;
  guint n_unranked;
  /* Ranked levels first, in order, then the unranked answers: index
   * occ_level_slot (). */
  char **ids;
  char **labels;
  OccLabels **l10n;
  double *values;    /* n_ranked numbers, or NULL: no `values` */
  GHashTable *index; /* id → slot + 1 */
} OccCriterionLevels;

/* A flag or a summary: an id, a label and a condition. */
typedef struct
{
  char *id;
  char *label;
  OccLabels *l10n;
  OccCondition cond;
  gboolean percent; /* summaries only */
} OccRule;

static inline guint
occ_level_slot (const OccCriterionLevels *cl, gint32 level)
{
  return level >= 0 ? (guint) level : cl->n_ranked + (guint) (-1 - level);
}

static inline gint32
occ_level_from_slot (const OccCriterionLevels *cl, guint slot)
{
  return slot < cl->n_ranked ? (gint32) slot
                             : -1 - (gint32) (slot - cl->n_ranked);
}

void occ_criterion_levels_clear (OccCriterionLevels *cl);
void occ_rule_clear (OccRule *rule);

/* Reads `levels`, `unranked` and `values` of criterion @entry. */
gboolean occ_criterion_levels_read (OccCriterionLevels *cl, JsonObject *entry,
                                    const OccPath *path, GError **error);
/* Looks @id up among @cl's levels; FALSE when it is none of them. */
gboolean occ_criterion_levels_lookup (const OccCriterionLevels *cl,
                                      const char *id, gint32 *level);
/* "a", "b" or "c", for messages: the first twelve, then "and N more". */
char *occ_criterion_levels_list (const OccCriterionLevels *cl);

/* Reads the condition of @object (a flag, or a summary's "count"): the
 * criteria are @levels (@n_criteria of them, by @criterion_index) and the
 * flags that may be named are the first @n_flags of @flags. */
typedef struct
{
  guint n_criteria;
  char **criterion_ids;
  GHashTable *criterion_index; /* id → index + 1 */
  const OccCriterionLevels *levels;
  const OccRule *flags;
  guint n_flags;       /* flags that may be named */
  guint n_flags_total; /* flags listed, for "listed later" */
} OccCondContext;

gboolean occ_condition_read (OccCondition *cond, JsonObject *object,
                             const OccPath *path, const OccCondContext *ctx,
                             GError **error);
/* The condition over a leaf's levels (n_criteria, OCC_SCORE_NULL where
 * none) and the flags evaluated so far. */
int occ_condition_eval (const OccCondition *cond, const gint32 *levels,
                        const gint8 *flags);
void occ_condition_write (const OccCondition *cond, OccJsonWriter *w,
                          const char *const *criterion_ids,
                          const OccCriterionLevels *levels,
                          const OccRule *flags);

/* Rule 1: the level of the answers of @n_raters ratings (@answers[k *
 * @stride], OCC_SCORE_NULL where not assessed) by the raters' method,
 * median or @mode, or OCC_SCORE_NULL; *@n_answers: those not null. */
gint32 occ_categorical_level (const OccCriterionLevels *cl, gboolean mode,
                              guint min_raters, const gint32 *answers,
                              gsize stride, guint n_raters, guint *n_answers);

G_END_DECLS

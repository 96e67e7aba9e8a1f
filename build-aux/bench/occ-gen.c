/* occ-gen.c: synthetic occ datasets of any size, deterministic from a seed
 *
 *   occ-gen [--countries K] [--leaves L] [--raters R] [--phases P]
 *           [--seed S] --base BASE.json [--csv RATINGS.csv]
 *           [--json FULL.json] [--notes N]
 *
 * writes BASE.json (methodology cco-2024, K countries, P phases, a
 * framework of L leaves, R raters per country, no ratings), RATINGS.csv
 * (K × R × P × L ratings, each rater's sheet in turn: country, rater,
 * phase, leaf) and FULL.json (the base with the same ratings, as
 * occ-dataset/1). --notes N adds a column "notes" of N characters to the
 * CSV, which readers ignore: a file much larger than its ratings, for the
 * test that reading it takes memory by the rating, not by the byte.
 * 200 countries × 500 leaves × 20 raters × 3 phases is the
 * 6-million-rating case of the benchmark.
 *
 * The framework: summits of five themes, themes of ten commitments,
 * commitments of five sub-commitments (the leaves); every seventh
 * commitment weighs 2. Scores are 0..3, one in twenty missing (empty, or
 * null in JSON); each rating marks 0, 1 or 2 population groups. The
 * generator is self-contained (splitmix64), so a seed gives the same files
 * on every machine.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const groups[] = {
  "women",           "youth",  "children",   "older-adults", "indigenous",
  "afro-descendant", "lgbtiq", "disability", "rural",
};
#define N_GROUPS 9
static const char *const criteria[] = { "R", "E", "S" };
#define N_CRITERIA 3

#define LEAVES_PER_COMMITMENT 5
#define COMMITMENTS_PER_THEME 10
#define THEMES_PER_SUMMIT 5

typedef struct
{
  unsigned countries, leaves, raters, phases, notes;
  uint64_t seed;
  const char *base, *csv, *json;
} Options;

static uint64_t state;

static uint64_t
next (void)
{
  uint64_t z = (state += 0x9E3779B97F4A7C15ull);

  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

static unsigned
below (unsigned n)
{
  return (unsigned) (next () % n);
}

static FILE *
open_out (const char *path)
{
  FILE *f = fopen (path, "wb");

  if (f == NULL)
    {
      perror (path);
      exit (1);
    }
  setvbuf (f, NULL, _IOFBF, 1 << 20);
  return f;
}

static void
close_out (FILE *f, const char *path)
{
  if (ferror (f) || fclose (f) != 0)
    {
      perror (path);
      exit (1);
    }
}

static unsigned
n_commitments (const Options *o)
{
  return (o->leaves + LEAVES_PER_COMMITMENT - 1) / LEAVES_PER_COMMITMENT;
}

/* Leaf l is sub-commitment l % 5 of commitment l / 5. */
static void
leaf_id (char *buf, unsigned l)
{
  sprintf (buf, "C%u.%c", l / LEAVES_PER_COMMITMENT + 1,
           'A' + l % LEAVES_PER_COMMITMENT);
}

static void
write_commitment (FILE *f, const Options *o, unsigned c)
{
  unsigned first = c * LEAVES_PER_COMMITMENT;

  fprintf (f,
           "{\"id\": \"C%u\", \"label\": \"Commitment %u\"%s, "
           "\"children\": [",
           c + 1, c + 1, (c + 1) % 7 == 0 ? ", \"weight\": 2" : "");
  for (unsigned l = first; l < o->leaves && l < first + LEAVES_PER_COMMITMENT;
       l++)
    {
      char id[32];
      leaf_id (id, l);
      fprintf (f,
               "%s\n          {\"id\": \"%s\", \"label\": \"Commitment %s\"}",
               l > first ? "," : "", id, id);
    }
  fputs ("]}", f);
}

static void
write_framework (FILE *f, const Options *o)
{
  unsigned n_comm = n_commitments (o);
  unsigned n_themes = (n_comm + COMMITMENTS_PER_THEME - 1)
                      / COMMITMENTS_PER_THEME;
  unsigned n_summits = (n_themes + THEMES_PER_SUMMIT - 1) / THEMES_PER_SUMMIT;

  fputs ("  \"framework\": [", f);
  for (unsigned s = 0; s < n_summits; s++)
    {
      fprintf (f,
               "%s\n    {\"id\": \"S%u\", \"label\": \"Summit %u\", "
               "\"children\": [",
               s > 0 ? "," : "", s + 1, s + 1);
      for (unsigned t = s * THEMES_PER_SUMMIT;
           t < n_themes && t < (s + 1) * THEMES_PER_SUMMIT; t++)
        {
          fprintf (f,
                   "%s\n      {\"id\": \"T%u\", \"label\": \"Theme %u\", "
                   "\"children\": [",
                   t > s * THEMES_PER_SUMMIT ? "," : "", t + 1, t + 1);
          for (unsigned c = t * COMMITMENTS_PER_THEME;
               c < n_comm && c < (t + 1) * COMMITMENTS_PER_THEME; c++)
            {
              fputs (c > t * COMMITMENTS_PER_THEME ? ",\n        "
                                                   : "\n        ",
                     f);
              write_commitment (f, o, c);
            }
          fputs ("]}", f);
        }
      fputs ("]}", f);
    }
  fputs ("\n  ]", f);
}

/* Everything but the ratings; the caller closes the object. */
static void
write_base (FILE *f, const Options *o)
{
  fprintf (f,
           "{\n  \"format\": \"occ-dataset/1\",\n  \"title\": "
           "\"Synthetic: %u countries, %u leaves, %u raters, %u phases, "
           "seed %llu\",\n  \"methodology\": \"cco-2024\",\n",
           o->countries, o->leaves, o->raters, o->phases,
           (unsigned long long) o->seed);
  fputs ("  \"countries\": [", f);
  for (unsigned k = 0; k < o->countries; k++)
    fprintf (f, "%s\n    {\"id\": \"K%03u\", \"name\": \"Country %u\"}",
             k > 0 ? "," : "", k + 1, k + 1);
  fputs ("\n  ],\n  \"phases\": [", f);
  for (unsigned p = 0; p < o->phases; p++)
    fprintf (f, "%s{\"id\": \"P%u\", \"label\": \"Phase %u\"}",
             p > 0 ? ", " : "", p + 1, p + 1);
  fputs ("],\n", f);
  write_framework (f, o);
  fputs (",\n  \"raters\": [", f);
  for (unsigned k = 0; k < o->countries; k++)
    for (unsigned r = 0; r < o->raters; r++)
      fprintf (f, "%s\n    {\"id\": \"K%03u-R%02u\", \"country\": \"K%03u\"}",
               k + r > 0 ? "," : "", k + 1, r + 1, k + 1);
  fputs ("\n  ]", f);
}

typedef struct
{
  int scores[N_CRITERIA]; /* -1: not rated */
  unsigned n_groups;
  unsigned group[2];
} Rating;

static void
draw (Rating *r)
{
  for (unsigned c = 0; c < N_CRITERIA; c++)
    r->scores[c] = below (20) == 0 ? -1 : (int) below (4);
  r->n_groups = below (3);
  r->group[0] = below (N_GROUPS);
  r->group[1] = (r->group[0] + 1 + below (N_GROUPS - 1)) % N_GROUPS;
}

static void
write_csv_row (FILE *f, unsigned k, unsigned r, unsigned p, const char *leaf,
               const Rating *x, const char *notes)
{
  fprintf (f, "K%03u,P%u,%s,K%03u-R%02u", k + 1, p + 1, leaf, k + 1, r + 1);
  for (unsigned c = 0; c < N_CRITERIA; c++)
    {
      putc (',', f);
      if (x->scores[c] >= 0)
        putc ('0' + x->scores[c], f);
    }
  putc (',', f);
  for (unsigned g = 0; g < x->n_groups; g++)
    {
      if (g > 0)
        putc (';', f);
      fputs (groups[x->group[g]], f);
    }
  if (notes != NULL)
    fprintf (f, ",\"%s\"", notes);
  fputs ("\r\n", f);
}

static void
write_json_rating (FILE *f, int first, unsigned k, unsigned r, unsigned p,
                   const char *leaf, const Rating *x)
{
  fprintf (f,
           "%s\n    {\"country\": \"K%03u\", \"phase\": \"P%u\", "
           "\"node\": \"%s\", \"rater\": \"K%03u-R%02u\", \"scores\": {",
           first ? "" : ",", k + 1, p + 1, leaf, k + 1, r + 1);
  for (unsigned c = 0; c < N_CRITERIA; c++)
    {
      fprintf (f, "%s\"%s\": ", c > 0 ? ", " : "", criteria[c]);
      if (x->scores[c] >= 0)
        putc ('0' + x->scores[c], f);
      else
        fputs ("null", f);
    }
  fputs ("}, \"groups\": [", f);
  for (unsigned g = 0; g < x->n_groups; g++)
    fprintf (f, "%s\"%s\"", g > 0 ? ", " : "", groups[x->group[g]]);
  fputs ("]}", f);
}

static unsigned long
parse_number (const char *flag, const char *text)
{
  char *end;
  unsigned long value = strtoul (text, &end, 10);

  if (*text == '\0' || *end != '\0')
    {
      fprintf (stderr, "occ-gen: %s needs a number, not “%s”\n", flag, text);
      exit (2);
    }
  return value;
}

static void
parse_options (Options *o, int argc, char **argv)
{
  *o = (Options){ 1, 25, 20, 1, 0, 1, NULL, NULL, NULL };
  for (int i = 1; i < argc; i++)
    {
      const char *flag = argv[i];
      const char *value = i + 1 < argc ? argv[i + 1] : NULL;

      if (value == NULL)
        {
          fprintf (stderr, "occ-gen: %s needs a value\n", flag);
          exit (2);
        }
      i++;
      if (strcmp (flag, "--countries") == 0)
        o->countries = (unsigned) parse_number (flag, value);
      else if (strcmp (flag, "--leaves") == 0)
        o->leaves = (unsigned) parse_number (flag, value);
      else if (strcmp (flag, "--raters") == 0)
        o->raters = (unsigned) parse_number (flag, value);
      else if (strcmp (flag, "--phases") == 0)
        o->phases = (unsigned) parse_number (flag, value);
      else if (strcmp (flag, "--notes") == 0)
        o->notes = (unsigned) parse_number (flag, value);
      else if (strcmp (flag, "--seed") == 0)
        o->seed = parse_number (flag, value);
      else if (strcmp (flag, "--base") == 0)
        o->base = value;
      else if (strcmp (flag, "--csv") == 0)
        o->csv = value;
      else if (strcmp (flag, "--json") == 0)
        o->json = value;
      else
        {
          fprintf (stderr, "occ-gen: unknown option %s\n", flag);
          exit (2);
        }
    }
  if (o->base == NULL || o->countries == 0 || o->countries > 999
      || o->leaves == 0 || o->raters == 0 || o->raters > 99 || o->phases == 0)
    {
      fprintf (stderr, "usage: occ-gen [--countries 1..999] [--leaves N] "
                       "[--raters 1..99] [--phases N] [--seed S] --base "
                       "BASE.json [--csv RATINGS.csv] [--json FULL.json]\n");
      exit (2);
    }
}

int
main (int argc, char **argv)
{
  Options o;
  FILE *base, *csv = NULL, *json = NULL;
  char leaf[32], *notes = NULL;
  int first = 1;

  parse_options (&o, argc, argv);
  state = o.seed;
  base = open_out (o.base);
  write_base (base, &o);
  fputs ("\n}\n", base);
  close_out (base, o.base);
  if (o.csv != NULL)
    {
      csv = open_out (o.csv);
      fputs (o.notes > 0 ? "country,phase,node,rater,R,E,S,groups,notes\r\n"
                         : "country,phase,node,rater,R,E,S,groups\r\n",
             csv);
      if (o.notes > 0)
        {
          notes = malloc (o.notes + 1);
          for (unsigned i = 0; i < o.notes; i++)
            notes[i] = i % 10 == 9 ? ',' : 'a' + i % 26;
          notes[o.notes] = '\0';
        }
    }
  if (o.json != NULL)
    {
      json = open_out (o.json);
      write_base (json, &o);
      fputs (",\n  \"ratings\": [", json);
    }
  for (unsigned k = 0; k < o.countries; k++)
    for (unsigned r = 0; r < o.raters; r++)
      for (unsigned p = 0; p < o.phases; p++)
        for (unsigned l = 0; l < o.leaves; l++)
          {
            Rating x;

            draw (&x);
            leaf_id (leaf, l);
            if (csv != NULL)
              write_csv_row (csv, k, r, p, leaf, &x, notes);
            if (json != NULL)
              write_json_rating (json, first, k, r, p, leaf, &x);
            first = 0;
          }
  if (csv != NULL)
    close_out (csv, o.csv);
  free (notes);
  if (json != NULL)
    {
      fputs ("\n  ]\n}\n", json);
      close_out (json, o.json);
    }
  return 0;
}

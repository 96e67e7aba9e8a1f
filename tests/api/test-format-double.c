/* test-format-double.c: the fast double formatter is printf's, to the byte
 *
 * libocc writes every score in full precision as the shortest of %.15g,
 * %.16g and %.17g that reads back as the same double. The writer computes
 * that in exact integer arithmetic where it can (occ-json-writer.c,
 * format_double_exact) instead of printf and strtod; this test compares the
 * two on values scores take (means of small integers, their differences,
 * fractions) and on random doubles across the whole fast range and its
 * edges. The writer's source is included so its static functions can be
 * called.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "../../libocc/occ-json-writer.c"

static guint64 rng = 42;

static guint64
next (void)
{
  guint64 z = (rng += 0x9E3779B97F4A7C15ull);

  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

static guint fast; /* values the exact formatter took */

/* How many random values: under valgrind or ASan (OCC_TEST_MEMCHECK, set
 * by tools/check-valgrind and tools/check-sanitizers) a fiftieth, which
 * still runs every path; the arithmetic is checked in full elsewhere. */
static int
random_count (int n)
{
  return g_getenv ("OCC_TEST_MEMCHECK") != NULL ? n / 50 : n;
}

static void
check (double value)
{
  char expected[G_ASCII_DTOSTR_BUF_SIZE], got[G_ASCII_DTOSTR_BUF_SIZE];

  if (!isfinite (value))
    return;
  format_double_printf (expected, value);
  if (!format_double_exact (got, value))
    return;
  fast++;
  if (strcmp (expected, got) != 0)
    g_error ("%.17g: printf gives %s, the exact formatter %s", value,
             expected, got);
}

static void
test_score_like (void)
{
  /* Means of n ratings on 0..3, their differences and weighted means. */
  for (int n = 1; n <= 60; n++)
    for (int sum = 0; sum <= 3 * n; sum++)
      {
        double mean = (double) sum / n;
        check (mean);
        check (-mean);
        check (mean - 1.0 / 3.0);
        check (mean * 2.0 / 3.0 + 1.0 / 7.0);
        check (mean / 9.0);
      }
  for (int i = 0; i < random_count (200000); i++)
    {
      double a = (double) (next () % 1000) / (double) (1 + next () % 997);
      double b = (double) (next () % 1000) / (double) (1 + next () % 991);
      check (a - b);
      check ((a + 2 * b) / 3);
    }
}

static void
test_random_bits (void)
{
  /* Random doubles with exponents across 10^-5 .. 10^15. */
  for (int i = 0; i < random_count (1000000); i++)
    {
      double mantissa = (double) (next () >> 11) / 9007199254740992.0 + 0.5;
      int exponent = (int) (next () % 70) - 20;
      check (ldexp (mantissa, exponent));
      check (-ldexp (mantissa, exponent));
    }
  /* Most of them fall in the fast range, so the comparison is real. */
  g_assert_cmpuint (fast, >, (guint) random_count (1000000));
}

static void
test_edges (void)
{
  /* clang-format off */
  static const double values[] = {
    1e-4, 1e-4 * (1 + DBL_EPSILON), 1e-4 * (1 - DBL_EPSILON), 0.1, 0.2, 0.3,
    1.0 / 3, 2.0 / 3, 0.5, 1, 2, 3, 10, 100, 1e13, 99999999999999.95,
    99999999999999.9, 9.9999999999999995, 0.99999999999999994,
    0.99999999999999989, 2.675, 1.005, 123456789.123456789, 4503599627370496.0,
    0.000123456789012345678, 1.4, 2.33, 2.8, 1.5, 0.46, 0.11, 0.79,
  };
  /* clang-format on */

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      check (values[i]);
      check (-values[i]);
      check (nextafter (values[i], 0));
      check (nextafter (values[i], 1e300));
    }
  /* Powers of two, where the gap below is half the gap above. */
  for (int e = -14; e <= 47; e++)
    {
      check (ldexp (1, e));
      check (nextafter (ldexp (1, e), 0));
      check (nextafter (ldexp (1, e), 1e300));
    }
  /* Outside the fast range the formatter declines. */
  {
    char buf[G_ASCII_DTOSTR_BUF_SIZE];
    g_assert_false (format_double_exact (buf, 0.0));
    g_assert_false (format_double_exact (buf, 1e14));
    g_assert_false (format_double_exact (buf, 9e-5));
    g_assert_false (format_double_exact (buf, -1e20));
  }
}

static void
test_public_result (void)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  occ_format_double (buf, 2.0);
  g_assert_cmpstr (buf, ==, "2.0");
  occ_format_double (buf, 1.33);
  g_assert_cmpstr (buf, ==, "1.33");
  occ_format_double (buf, 1.0 / 3);
  g_assert_cmpstr (buf, ==, "0.3333333333333333");
  occ_format_double (buf, 2.0 / 3);
  g_assert_cmpstr (buf, ==, "0.6666666666666666");
  occ_format_double (buf, -0.76);
  g_assert_cmpstr (buf, ==, "-0.76");
  occ_format_double (buf, 0.0);
  g_assert_cmpstr (buf, ==, "0.0");
  occ_format_double (buf, 1e20);
  g_assert_cmpstr (buf, ==, "1e+20");
  occ_format_double (buf, 0.00001);
  g_assert_cmpstr (buf, ==, "1e-05");
  occ_format_double (buf, 1e-4);
  g_assert_cmpstr (buf, ==, "0.0001");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/format-double/score-like", test_score_like);
  g_test_add_func ("/format-double/random-bits", test_random_bits);
  g_test_add_func ("/format-double/edges", test_edges);
  g_test_add_func ("/format-double/public", test_public_result);
  return g_test_run ();
}

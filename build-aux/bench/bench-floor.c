/* bench-floor.c: the memory-bandwidth floor of scoring, measured
 *
 *   bench-floor N_RATINGS [BYTES_PER_RATING]
 *
 * One pass summing N_RATINGS × BYTES_PER_RATING bytes (default 32: the
 * rating columns of libocc's columnar store, country, phase, node and
 * rater indices, three criterion scores and a group offset, 4 bytes each)
 * as 32-bit integers: no scoring engine can read its input faster on this
 * machine. The buffer is touched first, so page faults are not counted;
 * the fastest of five passes is printed as one JSON line of seconds of
 * CPU time, as the other programs of the benchmark measure.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double
now (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return (double) ts.tv_sec + ts.tv_nsec * 1e-9;
}

int
main (int argc, char **argv)
{
  size_t n, bytes_per, words;
  uint32_t *data;
  double best = 1e30;
  volatile uint64_t sink = 0;

  if (argc < 2 || argc > 3)
    {
      fprintf (stderr, "usage: bench-floor N_RATINGS [BYTES_PER_RATING]\n");
      return 2;
    }
  n = strtoull (argv[1], NULL, 10);
  bytes_per = argc > 2 ? strtoull (argv[2], NULL, 10) : 32;
  words = n * bytes_per / 4;
  data = malloc (words * 4 + 4);
  if (data == NULL)
    return 1;
  for (size_t i = 0; i < words; i++)
    data[i] = (uint32_t) (i * 2654435761u) & 3;
  for (int r = 0; r < 5; r++)
    {
      double t0 = now ();
      uint64_t sum = 0;

      for (size_t i = 0; i < words; i++)
        sum += data[i];
      sink += sum;
      best = best < now () - t0 ? best : now () - t0;
    }
  printf ("{\"floor\": %.9f, \"bytes\": %zu, \"sum\": %llu}\n", best,
          words * 4, (unsigned long long) sink);
  free (data);
  return 0;
}

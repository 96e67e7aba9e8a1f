/* bench-spawn.c: run a program, report its time and peak memory
 *
 *   bench-spawn OUT COMMAND [ARG...]
 *
 * Runs COMMAND with standard output to the file OUT and prints one JSON
 * line {"wall", "cpu", "rss_kib", "status"}: wall seconds, user + system
 * CPU seconds and peak resident set size of COMMAND alone.
 *
 * Why a program of its own: Linux carries a process's peak RSS across
 * exec (the old address space's high-water mark is kept), so a child
 * forked or vforked by the benchmark's Python, whose own RSS grows as it
 * checks results, reports Python's peak as its own. Forked from this
 * small process, the command's figure is its own.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

int
main (int argc, char **argv)
{
  struct timespec t0, t1;
  struct rusage usage;
  int status, fd;
  pid_t pid;

  if (argc < 3)
    {
      fprintf (stderr, "usage: bench-spawn OUT COMMAND [ARG...]\n");
      return 2;
    }
  fd = open (argv[1], O_WRONLY | O_CREAT | O_TRUNC, 0644);
  if (fd < 0)
    {
      perror (argv[1]);
      return 2;
    }
  clock_gettime (CLOCK_MONOTONIC, &t0);
  pid = fork ();
  if (pid == 0)
    {
      dup2 (fd, 1);
      close (fd);
      execvp (argv[2], argv + 2);
      perror (argv[2]);
      _exit (127);
    }
  close (fd);
  if (pid < 0 || wait4 (pid, &status, 0, &usage) < 0)
    {
      perror ("bench-spawn");
      return 2;
    }
  clock_gettime (CLOCK_MONOTONIC, &t1);
  printf (
    "{\"wall\": %.6f, \"cpu\": %.6f, \"rss_kib\": %ld, \"status\": %d}\n",
    (double) (t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) * 1e-9,
    (double) usage.ru_utime.tv_sec + usage.ru_utime.tv_usec * 1e-6
      + (double) usage.ru_stime.tv_sec + usage.ru_stime.tv_usec * 1e-6,
    usage.ru_maxrss,
    WIFEXITED (status) ? WEXITSTATUS (status) : 128 + WTERMSIG (status));
  return 0;
}

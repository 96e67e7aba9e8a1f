/* occ-input.c: opening the files libocc reads
 *
 * open() of a FIFO without a writer blocks for ever, and a device such as
 * /dev/zero or /dev/urandom never ends: `occ score FIFO` hung, and a
 * program that loads a path a user typed could be made to. A file is
 * opened without blocking and refused, with its kind named, unless it is
 * a regular file; standard input and other streams are read through the
 * stream loaders, which count what they read against the size limit.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
/* O_CLOEXEC and O_NOCTTY under -std=c11. */
#define _GNU_SOURCE

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "occ-input-private.h"

static const char *
kind_of (mode_t mode)
{
  if (S_ISDIR (mode))
    return "a directory";
  if (S_ISFIFO (mode))
    return "a FIFO (named pipe)";
  if (S_ISSOCK (mode))
    return "a socket";
  if (S_ISCHR (mode))
    return "a character device";
  if (S_ISBLK (mode))
    return "a block device";
  return "not a regular file";
}

static int
refuse (const char *display, const struct stat *st, GError **error)
{
  g_set_error (error, G_FILE_ERROR,
               S_ISDIR (st->st_mode) ? G_FILE_ERROR_ISDIR
                                     : G_FILE_ERROR_INVAL,
               "“%s” is %s; libocc reads regular files (a pipe or a "
               "terminal through standard input, \"-\" for occ)",
               display, kind_of (st->st_mode));
  return -1;
}

/* Closes @fd (if open) and sets a GFileError from errno. */
static int
failed (int fd, const char *what, const char *display, GError **error)
{
  int saved = errno;

  if (fd >= 0)
    close (fd);
  g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
               "Failed to %s file “%s”: %s", what, display,
               g_strerror (saved));
  return -1;
}

/* A descriptor of @filename, in blocking mode, or -1 with a GFileError:
 * the file cannot be opened or is not a regular file. */
int
occ_open_regular_file (const char *filename, const char *display,
                       GError **error)
{
  struct stat st;
  int fd, flags;

  /* A socket cannot be opened at all: name its kind first. (The check
   * after opening is the one that counts; the file may change between.) */
  if (g_stat (filename, &st) == 0 && !S_ISREG (st.st_mode))
    return refuse (display, &st, error);
  fd = g_open (filename, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK, 0);
  if (fd < 0)
    return failed (fd, "open", display, error);
  if (fstat (fd, &st) != 0)
    return failed (fd, "read", display, error);
  if (!S_ISREG (st.st_mode))
    {
      close (fd);
      return refuse (display, &st, error);
    }
  flags = fcntl (fd, F_GETFL);
  if (flags < 0 || fcntl (fd, F_SETFL, flags & ~O_NONBLOCK) != 0)
    return failed (fd, "read", display, error);
  return fd;
}

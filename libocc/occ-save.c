/* occ-save.c: replacing a file atomically, keeping its permissions
 *
 * g_file_set_contents_full() writes a new file and renames it over the
 * old one with a fixed mode, so saving over a dataset of mode 0600 left
 * it 0644: world-readable, although ratings can name organizations at
 * risk. A save here writes a temporary file beside the target with the
 * mode, owner and group of the file it replaces (where the system lets
 * it: a user cannot give a file away), makes it durable and renames it
 * over the target.
 *
 * The temporary file is named after the target (".NAME.occ-XXXXXX")
 * and locked (flock) while it is written, so a save killed half-way
 * leaves a file that the next save of the same target recognizes as
 * stale (nobody holds its lock) and removes, while a save still running
 * in another process keeps its own.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
/* O_CLOEXEC, O_NOFOLLOW, O_DIRECTORY, fchown() and flock() under -std=c11. */
#define _GNU_SOURCE

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "occ-save-private.h"

#define TEMP_INFIX ".occ-"
/* The target's name in the temporary file's, at most: a name of 255
 * bytes still leaves room for the rest under NAME_MAX. */
#define TEMP_NAME_BYTES 200

/* ".NAME.occ-": NAME cut to TEMP_NAME_BYTES, on a character. */
static char *
temp_prefix (const char *base)
{
  gsize n = strlen (base);

  if (n > TEMP_NAME_BYTES)
    n = (gsize) (g_utf8_find_prev_char (base, base + TEMP_NAME_BYTES + 1)
                 - base);
  return g_strdup_printf (".%.*s" TEMP_INFIX, (int) n, base);
}

static gboolean
save_error (GError **error, int saved_errno, const char *filename,
            const char *what)
{
  g_autofree char *display = g_filename_display_name (filename);

  g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
               "Failed to save “%s”: %s: %s", display, what,
               g_strerror (saved_errno));
  return FALSE;
}

/* Temporary files of earlier saves of @base in @dir that nobody holds:
 * their save was interrupted. */
static void
remove_stale (const char *dir, const char *base)
{
  g_autofree char *prefix = temp_prefix (base);
  g_autoptr (GDir) entries = g_dir_open (dir, 0, NULL);
  const char *name;

  if (entries == NULL)
    return;
  while ((name = g_dir_read_name (entries)) != NULL)
    {
      g_autofree char *path = NULL;
      int fd;

      if (!g_str_has_prefix (name, prefix)
          || strlen (name) != strlen (prefix) + 6)
        continue;
      path = g_build_filename (dir, name, NULL);
      fd = g_open (path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK, 0);
      if (fd < 0)
        continue;
      if (flock (fd, LOCK_EX | LOCK_NB) == 0)
        g_unlink (path);
      close (fd);
    }
}

static gboolean
write_all (int fd, const char *data, gsize length)
{
  while (length > 0)
    {
      gssize n = write (fd, data, length);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        return FALSE;
      data += n;
      length -= (gsize) n;
    }
  return TRUE;
}

/* The mode, and where permitted the owner and group, of the file being
 * replaced. */
static gboolean
copy_permissions (int fd, const struct stat *old)
{
  if (fchmod (fd, old->st_mode & 07777) != 0)
    return FALSE;
  if (fchown (fd, old->st_uid, old->st_gid) != 0
      && fchown (fd, (uid_t) -1, old->st_gid) != 0)
    {
      /* Not permitted: the file is ours now, with the old mode. */
    }
  /* fchown() may clear set-user-ID and set-group-ID bits: set the mode
   * again after it. */
  return fchmod (fd, old->st_mode & 07777) == 0;
}

gboolean
occ_save_atomically (const char *filename, const char *data, gsize length,
                     GError **error)
{
  g_autofree char *dir = g_path_get_dirname (filename);
  g_autofree char *base = g_path_get_basename (filename);
  g_autofree char *prefix = temp_prefix (base);
  g_autofree char *temp = NULL;
  struct stat old, st;
  gboolean replacing;
  int fd = -1, saved;

  replacing = g_stat (filename, &old) == 0 && S_ISREG (old.st_mode);
  remove_stale (dir, base);
  /* Another save of the same file may take the new file for stale in the
   * moment before it is locked, and remove it: then it has no name left
   * (no link), and a fresh one is made. */
  for (guint attempt = 0; attempt < 16; attempt++)
    {
      g_free (temp);
      temp = g_strconcat (dir, G_DIR_SEPARATOR_S, prefix, "XXXXXX", NULL);
      /* open() applies the umask: a new file gets 0666 under it, as any
       * program's new file does (umask() itself is process-wide, so a
       * library must not change it). A file that replaces another starts
       * private and takes the old one's mode before any byte is
       * written. */
      fd = g_mkstemp_full (temp, O_RDWR | O_CLOEXEC, replacing ? 0600 : 0666);
      if (fd < 0)
        return save_error (error, errno, filename,
                           "cannot create a "
                           "temporary file beside it");
      /* Held until the rename: a live save's file is not stale. */
      if (flock (fd, LOCK_EX) != 0 || fstat (fd, &st) != 0)
        goto failed;
      if (st.st_nlink > 0)
        break;
      close (fd);
      fd = -1;
    }
  if (fd < 0)
    return save_error (error, EAGAIN, filename,
                       "other saves of it keep "
                       "removing its temporary file");
  if ((replacing && !copy_permissions (fd, &old))
      || !write_all (fd, data, length) || fsync (fd) != 0)
    goto failed;
  if (g_rename (temp, filename) != 0)
    goto failed;
  close (fd);
  /* The rename itself durable, as G_FILE_SET_CONTENTS_DURABLE made it. */
  if ((fd = g_open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0)) >= 0)
    {
      fsync (fd);
      close (fd);
    }
  return TRUE;

failed:
  saved = errno;
  g_unlink (temp);
  if (fd >= 0)
    close (fd);
  return save_error (error, saved, filename, "cannot write it");
}

/* test-save.c: saves that keep the permissions of what they replace and
 * clean up after a save that was killed.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#define _GNU_SOURCE

#include <fcntl.h>
#include <string.h>
#include <glib/gstdio.h>
#include <occ/occ.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

static const char dataset[] =
  "{\"format\": \"occ-dataset/1\", \"methodology\": \"cco-2024\","
  " \"countries\": [{\"id\": \"PE\"}]}";

static OccDataset *
load (void)
{
  g_autoptr (GError) error = NULL;
  OccDataset *ds = occ_dataset_new_from_data (dataset, -1, &error);

  g_assert_no_error (error);
  return ds;
}

static char *
temp_dir (void)
{
  g_autoptr (GError) error = NULL;
  char *dir = g_dir_make_tmp ("occ-save-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static guint
mode_of (const char *path)
{
  struct stat st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return st.st_mode & 07777;
}

static void
remove_tree (const char *dir)
{
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (dir);
}

/* A dataset of mode 0600 stays 0600 (and 0640 stays 0640); a new file
 * gets 0666 under the umask. */
static void
test_keeps_mode (void)
{
  g_autoptr (OccDataset) ds = load ();
  g_autofree char *dir = temp_dir ();
  g_autofree char *path = g_build_filename (dir, "ratings.json", NULL);
  g_autofree char *fresh = g_build_filename (dir, "new.json", NULL);
  g_autoptr (GError) error = NULL;
  mode_t mask = umask (022);

  for (guint i = 0; i < 2; i++)
    {
      guint mode = i ? 0640 : 0600;

      g_assert_true (g_file_set_contents (path, "old", -1, NULL));
      g_assert_cmpint (g_chmod (path, mode), ==, 0);
      g_assert_true (occ_dataset_save_to_file (ds, path, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (mode_of (path), ==, mode);
    }
  g_assert_true (occ_dataset_save_to_file (ds, fresh, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (mode_of (fresh), ==, 0644);
  umask (mask);
  remove_tree (dir);
}

/* As root, the owner and group stay too. */
static void
test_keeps_owner (void)
{
  g_autoptr (OccDataset) ds = load ();
  g_autofree char *dir = NULL, *path = NULL;
  g_autoptr (GError) error = NULL;
  struct stat st;

  if (geteuid () != 0)
    {
      g_test_skip ("only root can give a file to another user");
      return;
    }
  dir = temp_dir ();
  path = g_build_filename (dir, "owned.json", NULL);
  g_assert_true (g_file_set_contents (path, "old", -1, NULL));
  g_assert_cmpint (chown (path, 65534, 65534), ==, 0);
  g_assert_true (occ_dataset_save_to_file (ds, path, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpuint (st.st_uid, ==, 65534);
  g_assert_cmpuint (st.st_gid, ==, 65534);
  remove_tree (dir);
}

/* The temporary file of a save killed half-way is removed by the next
 * save of the same file; one that a live save holds, or one of another
 * file, is left alone; and nothing is left behind. */
static void
test_stale_temporary_files (void)
{
  g_autoptr (OccDataset) ds = load ();
  g_autofree char *dir = temp_dir ();
  g_autofree char *path = g_build_filename (dir, "d.json", NULL);
  g_autofree char *stale = g_build_filename (dir, ".d.json.occ-AbC123", NULL);
  g_autofree char *live = g_build_filename (dir, ".d.json.occ-LiVe99", NULL);
  g_autofree char *other = g_build_filename (dir, ".e.json.occ-XyZ789", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (GDir) d = NULL;
  const char *name;
  guint n = 0;
  int held;

  g_assert_true (g_file_set_contents (stale, "half", -1, NULL));
  g_assert_true (g_file_set_contents (live, "half", -1, NULL));
  g_assert_true (g_file_set_contents (other, "half", -1, NULL));
  held = g_open (live, O_RDONLY, 0);
  g_assert_cmpint (flock (held, LOCK_EX), ==, 0);
  g_assert_true (occ_dataset_save_to_file (ds, path, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (stale, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (live, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (other, G_FILE_TEST_EXISTS));
  close (held);
  d = g_dir_open (dir, 0, NULL);
  while ((name = g_dir_read_name (d)) != NULL)
    n++;
  g_assert_cmpuint (n, ==, 3); /* d.json, the live one, the other one */
  {
    g_autofree char *text = NULL;
    g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
    g_assert_true (g_str_has_prefix (text, "{"));
  }
  remove_tree (dir);
}

/* A save that cannot write leaves the old file and no temporary one. */
static void
test_failed_save_leaves_old_file (void)
{
  g_autoptr (OccDataset) ds = load ();
  g_autoptr (GError) error = NULL;

  g_assert_false (occ_dataset_save_to_file (ds, "/nonexistent-dir/x.json",
                                            &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  g_assert_nonnull (strstr (error->message, "x.json"));
}

/* Four processes saving the same file at once: every save succeeds (one
 * could take another's new temporary file for stale and remove it), and
 * no temporary file is left. */
static void
test_concurrent_saves (void)
{
  g_autofree char *dir = temp_dir ();
  g_autofree char *path = g_build_filename (dir, "t.json", NULL);
  pid_t children[4];
  g_autoptr (GDir) d = NULL;
  guint n = 0;

  for (guint c = 0; c < G_N_ELEMENTS (children); c++)
    {
      children[c] = fork ();
      g_assert_cmpint (children[c], >=, 0);
      if (children[c] == 0)
        {
          OccDataset *ds = load ();
          int failures = 0;

          for (guint i = 0; i < 150; i++)
            failures += !occ_dataset_save_to_file (ds, path, NULL);
          /* _exit() runs no cleanup: free what this process holds. */
          g_object_unref (ds);
          g_free (path);
          g_free (dir);
          _exit (failures);
        }
    }
  for (guint c = 0; c < G_N_ELEMENTS (children); c++)
    {
      int status;

      g_assert_cmpint (waitpid (children[c], &status, 0), ==, children[c]);
      g_assert_true (WIFEXITED (status));
      g_assert_cmpint (WEXITSTATUS (status), ==, 0);
    }
  d = g_dir_open (dir, 0, NULL);
  while (g_dir_read_name (d) != NULL)
    n++;
  g_assert_cmpuint (n, ==, 1);
  remove_tree (dir);
}

/* A file name of 250 bytes still saves: its temporary name is cut. */
static void
test_long_name (void)
{
  g_autoptr (OccDataset) ds = load ();
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = temp_dir ();
  g_autofree char *name = g_strnfill (245, 'n');
  g_autofree char *file = g_strconcat (name, ".json", NULL);
  g_autofree char *path = g_build_filename (dir, file, NULL);

  g_assert_true (occ_dataset_save_to_file (ds, path, &error));
  g_assert_no_error (error);
  g_assert_true (occ_dataset_save_to_file (ds, path, &error));
  g_assert_no_error (error);
  remove_tree (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/save/keeps-mode", test_keeps_mode);
  g_test_add_func ("/save/keeps-owner", test_keeps_owner);
  g_test_add_func ("/save/stale-temporary-files", test_stale_temporary_files);
  g_test_add_func ("/save/failed", test_failed_save_leaves_old_file);
  g_test_add_func ("/save/concurrent", test_concurrent_saves);
  g_test_add_func ("/save/long-name", test_long_name);
  return g_test_run ();
}

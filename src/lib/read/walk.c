/*
 * walk.c - an INPUT argument as a sorted list of files (sli_walk), so that
 * a corpus is always read in the same order whatever the file system
 * returns: directories are walked depth first in byte order of name,
 * hidden entries and those a .storylensignore names are left out (the
 * two documented ways to leave a file out without a word), a file of a
 * format storylens does not read stays in the list marked unread, to be
 * listed as skipped with what to do (a folder of .docx once gave 0
 * stories and exit 0), and a
 * symlink back to a directory being walked is skipped. An entry that cannot
 * be read (a dangling symlink, a symlink loop, a directory that cannot be
 * listed) stays in the list, marked lost, so the run reports it as skipped
 * rather than losing its stories in silence.
 */
#define _DEFAULT_SOURCE /* d_type and DT_REG */
#include <dirent.h>
#include <errno.h>
#include <fnmatch.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>

#include "core/error.h"
#include "core/vec.h"
#include "read/record.h"

typedef struct walk {
    sl_walk_entry *v;
    size_t n, cap;
} walk;

/* The directories from the INPUT down to the one being read: a symlink back
 * to one of them would recurse forever, so such a link is skipped. */
typedef struct dir_frame {
    dev_t dev;
    ino_t ino;
    const struct dir_frame *up;
} dir_frame;

static int on_stack(const dir_frame *f, const struct stat *st)
{
    for (; f; f = f->up)
        if (f->dev == st->st_dev && f->ino == st->st_ino)
            return 1;
    return 0;
}

static char *join(const char *dir, const char *name)
{
    size_t d = strlen(dir), n = strlen(name);
    int slash = d > 0 && dir[d - 1] != '/';
    char *p = malloc(d + (size_t)slash + n + 1);
    if (!p)
        return NULL;
    memcpy(p, dir, d);
    if (slash)
        p[d] = '/';
    memcpy(p + d + (size_t)slash, name, n + 1);
    return p;
}

/* Takes ownership of path and id_base, freeing them on failure. */
static sl_status walk_push(walk *w, char *path, char *id_base, sl_error *err)
{
    if (!path || !id_base || SL_GROW(w->v, w->cap, w->n + 1) != 0) {
        free(path);
        free(id_base);
        return sli_fail_nomem(err);
    }
    w->v[w->n].path = path;
    w->v[w->n].id_base = id_base;
    w->v[w->n].walked = 0;
    w->v[w->n].lost = 0;
    w->v[w->n].unread = NULL;
    w->n++;
    return SL_OK;
}

/* path, met in a directory, as a lost entry with errnum. */
static sl_status push_lost(walk *w, const char *path, const char *rel, int errnum,
                           sl_error *err)
{
    sl_status rc = walk_push(w, strdup(path), strdup(rel), err);
    if (rc == SL_OK) {
        w->v[w->n - 1].walked = 1;
        w->v[w->n - 1].lost = errnum ? errnum : EIO;
    }
    return rc;
}

/* A listed name is kept behind one byte that says whether readdir already
 * knew it for a regular file (d_type): such a file needs no stat of its
 * own, a system call a file saved on a folder of thousands of stories. */
#define KNOWN_FILE 'f'
#define UNKNOWN '?'

static int cmp_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a + 1, *(char *const *)b + 1);
}

static void free_names(char **names, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(names[i]);
    free(names);
}

/* A directory's .storylensignore: one shell pattern (fnmatch) a line for
 * names in that directory that are not stories, e.g. README.md or a
 * hand-coding file kept beside the corpus. Blank lines and # comments are
 * skipped. Returns the file's text with each pattern NUL-terminated, or
 * NULL when there is none. */
static char *load_ignore(const char *dir, size_t *len)
{
    char *path = join(dir, ".storylensignore");
    FILE *f = path ? fopen(path, "rb") : NULL;
    free(path);
    if (!f)
        return NULL;
    char *buf = NULL;
    size_t cap = 0;
    ssize_t n = getdelim(&buf, &cap, '\0', f);
    fclose(f);
    if (n <= 0) {
        free(buf);
        return NULL;
    }
    for (ssize_t i = 0; i < n; i++)
        if (buf[i] == '\n' || buf[i] == '\r')
            buf[i] = '\0';
    *len = (size_t)n;
    return buf;
}

static int ignored(const char *patterns, size_t len, const char *name)
{
    for (size_t i = 0; i < len; i += strlen(patterns + i) + 1) {
        const char *p = patterns + i;
        while (*p == ' ' || *p == '\t')
            p++;
        if (*p && *p != '#' && fnmatch(p, name, FNM_PERIOD) == 0)
            return 1;
    }
    return 0;
}

/* The visible names in dir, sorted byte-wise, less those its
 * .storylensignore names. */
static sl_status list_dir(const char *dir, char ***out, size_t *nout, sl_error *err)
{
    size_t ilen = 0;
    char *ignore = load_ignore(dir, &ilen);
    DIR *d = opendir(dir);
    if (!d) {
        int e = errno; /* kept for the caller, which may list dir as lost */
        sli_fail(err, SL_ENOINPUT, "%s: cannot open: %s", dir, strerror(e));
        errno = e;
        return SL_ENOINPUT;
    }
    char **names = NULL;
    size_t n = 0, cap = 0;
    sl_status rc = SL_OK;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.' || (ignore && ignored(ignore, ilen, e->d_name)))
            continue;
        if (SL_GROW(names, cap, n + 1) != 0) {
            rc = sli_fail_nomem(err);
            break;
        }
        size_t len = strlen(e->d_name);
        if ((names[n] = malloc(len + 2)) == NULL) {
            rc = sli_fail_nomem(err);
            break;
        }
        names[n][0] = e->d_type == DT_REG ? KNOWN_FILE : UNKNOWN;
        memcpy(names[n] + 1, e->d_name, len + 1);
        n++;
    }
    closedir(d);
    free(ignore);
    if (rc != SL_OK) {
        free_names(names, n);
        return rc;
    }
    if (n)
        qsort(names, n, sizeof *names, cmp_names);
    *out = names;
    *nout = n;
    return SL_OK;
}

static sl_status walk_dir(walk *w, const char *dir, const char *rel, const dir_frame *up,
                          sl_error *err);

/* One directory entry: recurse into a directory, keep a known file. */
static sl_status walk_entry(walk *w, const char *path, const char *rel, const dir_frame *up,
                            int known_file, sl_error *err)
{
    struct stat st = {.st_mode = S_IFREG};
    if (!known_file && stat(path, &st) != 0) {
        int e = errno;
        if (lstat(path, &st) != 0)
            return SL_OK; /* removed since it was listed: nothing was there */
        return push_lost(w, path, rel, e, err);
    }
    if (S_ISDIR(st.st_mode)) {
        if (on_stack(up, &st))
            return SL_OK;
        dir_frame f = {st.st_dev, st.st_ino, up};
        return walk_dir(w, path, rel, &f, err);
    }
    if (!S_ISREG(st.st_mode))
        return SL_OK;
    sl_status rc = walk_push(w, strdup(path), sli_strip_extension(rel, 0), err);
    if (rc == SL_OK) {
        w->v[w->n - 1].walked = 1;
        const char *advice = sli_unread_advice(path);
        if (sli_format_of_path(path) == SL_INPUT_AUTO)
            w->v[w->n - 1].unread = advice ? advice : SL_UNREAD_OTHER;
    }
    return rc;
}

static sl_status walk_dir(walk *w, const char *dir, const char *rel, const dir_frame *up,
                          sl_error *err)
{
    char **names = NULL;
    size_t n = 0;
    sl_status rc = list_dir(dir, &names, &n, err);
    if (rc == SL_ENOINPUT && rel) /* a folder below the INPUT */
        return push_lost(w, dir, rel, errno, err);
    for (size_t i = 0; rc == SL_OK && i < n; i++) {
        const char *name = names[i] + 1;
        char *path = join(dir, name);
        char *relp = rel ? join(rel, name) : strdup(name);
        if (path && relp)
            rc = walk_entry(w, path, relp, up, names[i][0] == KNOWN_FILE, err);
        else
            rc = sli_fail_nomem(err);
        free(path);
        free(relp);
    }
    free_names(names, n);
    return rc;
}

sl_status sli_walk(const char *path, sl_walk_entry **entries, size_t *n, sl_error *err)
{
    if (!path || !entries || !n)
        return sli_fail(err, SL_EUSAGE, "sli_walk: no path or result given");
    *entries = NULL;
    *n = 0;
    struct stat st;
    if (stat(path, &st) != 0) {
        if (errno == ENOENT || errno == ENOTDIR)
            return sli_fail(err, SL_ENOINPUT, "%s: no such file or directory", path);
        return sli_fail(err, SL_ENOINPUT, "%s: cannot open: %s", path, strerror(errno));
    }
    walk w = {0};
    sl_status rc;
    if (S_ISDIR(st.st_mode)) {
        dir_frame root = {st.st_dev, st.st_ino, NULL};
        rc = walk_dir(&w, path, NULL, &root, err);
    } else {
        rc = walk_push(&w, strdup(path), sli_strip_extension(path, 1), err);
    }
    if (rc != SL_OK) {
        sli_walk_free(w.v, w.n);
        return rc;
    }
    *entries = w.v;
    *n = w.n;
    return SL_OK;
}

void sli_walk_free(sl_walk_entry *entries, size_t n)
{
    if (!entries)
        return;
    for (size_t i = 0; i < n; i++) {
        free(entries[i].path);
        free(entries[i].id_base);
    }
    free(entries);
}

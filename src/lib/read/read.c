/*
 * read.c - opening sources, dispatching to the format readers, walking a
 * directory INPUT.
 *
 * The format readers live in read_txt.c, read_jsonl.c and read_csv.c; this
 * file owns what they share: choosing a format from a file name, opening a
 * file or adopting a stream, the small helpers of read_impl.h, and sli_walk(),
 * which turns an INPUT argument into a sorted list of files so that a corpus
 * is always read in the same order whatever the file system returns.
 */
#include "read/read_impl.h"

#include <dirent.h>
#include <stdarg.h>
#include <fnmatch.h>
#include <stdint.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>

#include "core/error.h"

/* ---- helpers shared with the format readers --------------------------- */

char *sli_rd_textdup(const char *s, size_t n)
{
    if (n > SIZE_MAX - SL_TEXT_PAD - 1)
        return NULL;
    char *p = malloc(n + 1 + SL_TEXT_PAD);
    if (!p)
        return NULL;
    if (n)
        memcpy(p, s, n);
    memset(p + n, 0, 1 + SL_TEXT_PAD);
    return p;
}

char *sli_rd_memdup(const char *s, size_t n)
{
    char *p = malloc(n + 1);
    if (!p)
        return NULL;
    if (n)
        memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

sl_status sli_rd_meta_add(sl_doc *doc, const char *key, size_t klen, const char *val,
                         size_t vlen, sl_error *err)
{
    if (sli_meta_append(&doc->meta, &doc->nmeta, key, klen, val, vlen) != 0)
        return sli_fail_nomem(err);
    return SL_OK;
}

char *sli_file_line(const char *name, unsigned long line)
{
    int n = snprintf(NULL, 0, "%s:%lu", name, line);
    if (n < 0)
        return NULL;
    char *s = malloc((size_t)n + 1);
    if (s)
        snprintf(s, (size_t)n + 1, "%s:%lu", name, line);
    return s;
}

char *sli_rd_file_line(const sl_reader *r, unsigned long line)
{
    return sli_file_line(r->name, line);
}

sl_status sli_rd_read_error(const sl_reader *r, int errnum, sl_error *err)
{
    return sli_fail(err, SL_EIO, "%s: read error: %s", r->name,
                   strerror(errnum ? errnum : EIO));
}

sl_status sli_rd_malformed(sl_reader *r, int skippable, unsigned long line, unsigned long col,
                          sl_error *err, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(r->bad_reason, sizeof r->bad_reason, fmt, ap);
    va_end(ap);
    r->bad_skippable = skippable;
    r->bad_line = line;
    if (col)
        return sli_fail(err, SL_EDATA, "%s:%lu:%lu: %s", r->name, line, col, r->bad_reason);
    return sli_fail(err, SL_EDATA, "%s:%lu: %s", r->name, line, r->bad_reason);
}

void sli_reader_set_skip_invalid(sl_reader *r, int on)
{
    if (r)
        r->skip_invalid = on != 0;
}

unsigned long sli_reader_line(const sl_reader *r)
{
    return r ? r->line : 0;
}

const char *sli_reader_name(const sl_reader *r)
{
    return r ? r->name : NULL;
}

int sli_reader_skippable(const sl_reader *r, unsigned long *line, const char **reason)
{
    if (!r || !r->bad_skippable || !r->skip_invalid)
        return 0;
    if (line)
        *line = r->bad_line;
    if (reason)
        *reason = r->bad_reason;
    return 1;
}

/* ---- formats ------------------------------------------------------------ */

static int ascii_lower(int c)
{
    return (c >= 'A' && c <= 'Z') ? c - 'A' + 'a' : c;
}

/* Case-insensitive ASCII comparison; strcasecmp would depend on the locale. */
static int ext_is(const char *ext, const char *want)
{
    while (*ext && *want && ascii_lower((unsigned char)*ext) == *want) {
        ext++;
        want++;
    }
    return *ext == '\0' && *want == '\0';
}

/* The extension of the last path component (after its last '.'), or NULL.
 * A leading dot (".profile") starts a name, not an extension. */
static const char *extension_of(const char *path)
{
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    const char *dot = strrchr(base, '.');
    return (dot && dot != base) ? dot + 1 : NULL;
}

sl_input_format sli_format_of_path(const char *path)
{
    static const struct {
        const char *ext;
        sl_input_format fmt;
    } table[] = {
        {"txt", SL_INPUT_TXT},     {"md", SL_INPUT_TXT},  {"jsonl", SL_INPUT_JSONL},
        {"ndjson", SL_INPUT_JSONL}, {"csv", SL_INPUT_CSV}, {"tsv", SL_INPUT_TSV},
    };
    const char *ext = path ? extension_of(path) : NULL;
    if (!ext)
        return SL_INPUT_AUTO;
    for (size_t i = 0; i < sizeof table / sizeof table[0]; i++)
        if (ext_is(ext, table[i].ext))
            return table[i].fmt;
    return SL_INPUT_AUTO;
}

/* path's last component without its extension, as a fresh string. */
static char *strip_extension(const char *path, int basename_only)
{
    const char *start = path;
    if (basename_only) {
        const char *slash = strrchr(path, '/');
        start = slash ? slash + 1 : path;
    }
    const char *ext = extension_of(start);
    size_t n = ext ? (size_t)(ext - 1 - start) : strlen(start);
    return sli_rd_memdup(start, n);
}

/* ---- readers ------------------------------------------------------------ */

static sl_status reader_new(sl_reader **out, const char *name, const char *id_base,
                            sl_input_format fmt, const sl_read_opts *opts, sl_error *err)
{
    sl_reader *r = calloc(1, sizeof *r);
    if (!r)
        return sli_fail_nomem(err);
    r->fmt = fmt;
    r->name = strdup(name);
    r->id_base = strdup(id_base);
    r->text_field = (opts && opts->text_field) ? opts->text_field : "text";
    r->id_field = (opts && opts->id_field) ? opts->id_field : "id";
    if (!r->name || !r->id_base) {
        sli_reader_free(r);
        return sli_fail_nomem(err);
    }
    *out = r;
    return SL_OK;
}

static sl_status open_file(sl_reader **out, const char *path, const char *id_base,
                           sl_input_format fmt, const sl_read_opts *opts, int *binary,
                           sl_error *err)
{
    if (!out || !path)
        return sli_fail(err, SL_EUSAGE, "sli_reader_open: no reader or path given");
    *out = NULL;
    if (fmt == SL_INPUT_AUTO)
        fmt = sli_format_of_path(path);
    if (fmt == SL_INPUT_AUTO)
        return sli_fail(err, SL_EUSAGE,
                       "%s: unknown input format; name it .txt, .md, .jsonl, .csv or .tsv, "
                       "or use --input-format", path);

    FILE *in = fopen(path, "rb");
    if (!in)
        return sli_fail(err, SL_ENOINPUT, "%s: cannot open: %s", path, strerror(errno));
    /* fopen() accepts a directory on Linux and only reads fail; say so now. */
    struct stat st;
    if (fstat(fileno(in), &st) == 0 && S_ISDIR(st.st_mode)) {
        fclose(in);
        return sli_fail(err, SL_ENOINPUT, "%s: cannot open: %s", path, strerror(EISDIR));
    }

    char *base = id_base ? NULL : strip_extension(path, 1);
    sl_status rc = SL_ENOMEM;
    if (id_base || base)
        rc = reader_new(out, path, id_base ? id_base : base, fmt, opts, err);
    else
        sli_fail_nomem(err);
    free(base);
    if (rc != SL_OK) {
        fclose(in);
        return rc;
    }
    (*out)->in = in;
    (*out)->owns_in = 1;
    if (((*out)->inbuf = malloc(SL_RD_BUFFER)))
        setvbuf(in, (*out)->inbuf, _IOFBF, SL_RD_BUFFER); /* before any read */
    rc = sli_rd_sniff(*out, err);
    if (rc != SL_OK) {
        *binary = (*out)->binary;
        sli_reader_free(*out);
        *out = NULL;
    }
    return rc;
}

sl_status sli_reader_open(sl_reader **out, const char *path, const char *id_base,
                         sl_input_format fmt, const sl_read_opts *opts, sl_error *err)
{
    int binary = 0;
    return open_file(out, path, id_base, fmt, opts, &binary, err);
}

sl_status sli_reader_open_entry(sl_reader **out, const sl_walk_entry *e,
                               const sl_read_opts *opts, sl_error *err)
{
    int binary = 0;
    sl_status rc = open_file(out, e->path, e->id_base, SL_INPUT_AUTO, opts, &binary, err);
    if (rc == SL_EDATA && binary && e->walked) {
        sli_fail(err, SL_OK, "%s: looks like a binary file (a NUL byte in the first %d KiB)",
                e->path, SL_SNIFF_BYTES / 1024);
        return SL_OK;
    }
    return rc;
}

sl_status sli_reader_open_stream(sl_reader **out, FILE *in, const char *name,
                                sl_input_format fmt, const sl_read_opts *opts, sl_error *err)
{
    if (!out || !in)
        return sli_fail(err, SL_EUSAGE, "sli_reader_open_stream: no reader or stream given");
    *out = NULL;
    if (!name)
        name = "-";
    if (fmt == SL_INPUT_AUTO)
        fmt = SL_INPUT_JSONL;
    /* A story read from standard input needs a readable id. */
    const char *id = strcmp(name, "-") == 0 ? "stdin" : name;
    sl_status rc = reader_new(out, name, id, fmt, opts, err);
    if (rc != SL_OK)
        return rc;
    (*out)->in = in;
    rc = sli_rd_sniff(*out, err);
    if (rc != SL_OK) {
        sli_reader_free(*out);
        *out = NULL;
    }
    return rc;
}

sl_status sli_reader_open_piece(sl_reader **out, FILE *in, const char *name, int first,
                               const sl_read_opts *opts, sl_error *err)
{
    sl_status rc = reader_new(out, name, name, SL_INPUT_JSONL, opts, err);
    if (rc != SL_OK)
        return rc;
    (*out)->in = in;
    (*out)->line = first ? 0 : 1; /* the BOM test is for line 1 */
    return SL_OK;
}

sl_status sli_reader_next(sl_reader *r, sl_doc *doc, int *got, sl_error *err)
{
    if (!r || !doc || !got)
        return sli_fail(err, SL_EUSAGE, "sli_reader_next: no reader, doc or flag given");
    *got = 0;
    r->bad_skippable = 0;
    if (r->done)
        return SL_OK;
    switch (r->fmt) {
    case SL_INPUT_TXT:
        return sli_rd_txt_next(r, doc, got, err);
    case SL_INPUT_JSONL:
        return sli_rd_jsonl_next(r, doc, got, err);
    case SL_INPUT_CSV:
    case SL_INPUT_TSV:
        return sli_rd_csv_next(r, doc, got, err);
    case SL_INPUT_AUTO:
        break;
    }
    return sli_fail(err, SL_EINTERNAL, "%s: reader has no format", r->name);
}

void sli_reader_free(sl_reader *r)
{
    if (!r)
        return;
    sli_rd_csv_release(r);
    sli_rd_sniff_release(r);
    if (r->owns_in && r->in)
        fclose(r->in);
    free(r->inbuf); /* after the stream that used it */
    free(r->lbuf);
    free(r->name);
    free(r->id_base);
    free(r);
}

/* ---- walking an INPUT ---------------------------------------------------- */

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
    if (path && id_base && w->n == w->cap) {
        size_t cap = w->cap ? w->cap * 2 : 16;
        sl_walk_entry *v = realloc(w->v, cap * sizeof *v);
        if (v) {
            w->v = v;
            w->cap = cap;
        }
    }
    if (!path || !id_base || w->n == w->cap) {
        free(path);
        free(id_base);
        return sli_fail_nomem(err);
    }
    w->v[w->n].path = path;
    w->v[w->n].id_base = id_base;
    w->v[w->n].walked = 0;
    w->n++;
    return SL_OK;
}

static int cmp_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
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
    if (!d)
        return sli_fail(err, SL_ENOINPUT, "%s: cannot open: %s", dir, strerror(errno));
    char **names = NULL;
    size_t n = 0, cap = 0;
    sl_status rc = SL_OK;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.' || (ignore && ignored(ignore, ilen, e->d_name)))
            continue;
        if (n == cap) {
            size_t ncap = cap ? cap * 2 : 32;
            char **v = realloc(names, ncap * sizeof *v);
            if (!v) {
                rc = sli_fail_nomem(err);
                break;
            }
            names = v;
            cap = ncap;
        }
        if ((names[n] = strdup(e->d_name)) == NULL) {
            rc = sli_fail_nomem(err);
            break;
        }
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
                            sl_error *err)
{
    struct stat st;
    if (stat(path, &st) != 0)
        return SL_OK; /* a dangling symlink or a file removed meanwhile */
    if (S_ISDIR(st.st_mode)) {
        if (on_stack(up, &st))
            return SL_OK;
        dir_frame f = {st.st_dev, st.st_ino, up};
        return walk_dir(w, path, rel, &f, err);
    }
    if (!S_ISREG(st.st_mode) || sli_format_of_path(path) == SL_INPUT_AUTO)
        return SL_OK;
    sl_status rc = walk_push(w, strdup(path), strip_extension(rel, 0), err);
    if (rc == SL_OK)
        w->v[w->n - 1].walked = 1;
    return rc;
}

static sl_status walk_dir(walk *w, const char *dir, const char *rel, const dir_frame *up,
                          sl_error *err)
{
    char **names = NULL;
    size_t n = 0;
    sl_status rc = list_dir(dir, &names, &n, err);
    for (size_t i = 0; rc == SL_OK && i < n; i++) {
        char *path = join(dir, names[i]);
        char *relp = rel ? join(rel, names[i]) : strdup(names[i]);
        if (path && relp)
            rc = walk_entry(w, path, relp, up, err);
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
        rc = walk_push(&w, strdup(path), strip_extension(path, 1), err);
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

/*
 * output.c - exit codes, messages, the signals that end a run, and atomic
 * output files.
 *
 * -o FILE never leaves a half-written FILE: the output goes to a temporary
 * file in the same directory (so rename is atomic), which is flushed,
 * fsync'd and renamed over FILE only when everything succeeded. On failure,
 * or when SIGINT/SIGTERM/SIGHUP arrives, the temporary file is removed and
 * the old FILE stays as it was. A symbolic link is written through (the
 * temporary file beside its target), an existing file keeps its mode, and
 * -o never names a file the run reads (cli_output_refuse).
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"

int cli_exit_code(sl_status s)
{
    switch (s) {
    case SL_OK:
        return EXIT_OK;
    case SL_EUSAGE:
        return EXIT_USAGE;
    case SL_EDATA:
    case SL_ELEXICON:
        return EXIT_DATAERR;
    case SL_ENOINPUT:
        return EXIT_NOINPUT;
    case SL_EIO:
        return EXIT_IOERR;
    case SL_ENOMEM:
        return EXIT_OSERR;
    case SL_EINTERNAL:
        break;
    }
    return EXIT_SOFTWARE;
}

int cli_report(const sl_error *err)
{
    fprintf(stderr, "storylens: %s\n", err->text[0] ? err->text : sl_status_name(err->code));
    return cli_exit_code(err->code);
}

int cli_usage_error(const char *cmd, const char *fmt, ...)
{
    va_list ap;
    fputs("storylens: ", stderr);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fprintf(stderr, "\nTry 'storylens %s%s--help'.\n", cmd ? cmd : "", cmd ? " " : "");
    return EXIT_USAGE;
}

/* The temporary file to remove if a signal ends the run. Written before
 * the handlers can see it; read only by the handler. */
static volatile sig_atomic_t have_tmp;
static char tmp_for_signal[4096];

/* The signals that end a run: each one removes the temporary file first. */
static const int ending[] = {SIGINT, SIGTERM, SIGHUP};
enum { NENDING = sizeof ending / sizeof ending[0] };

/* Runs with every ending signal blocked (sa_mask) and its own disposition
 * kept (no SA_RESETHAND): a second signal while the file is removed (timeout
 * sends two) waits instead of killing the run with the file still there.
 * Then the default action is restored and the signal raised again, so the
 * run ends by it (status 128 + N) once it is unblocked. */
static void on_signal(int sig)
{
    if (have_tmp)
        unlink(tmp_for_signal);
    struct sigaction dfl;
    memset(&dfl, 0, sizeof dfl);
    dfl.sa_handler = SIG_DFL;
    sigemptyset(&dfl.sa_mask);
    sigaction(sig, &dfl, NULL);
    raise(sig);
    sigset_t self;
    sigemptyset(&self);
    sigaddset(&self, sig);
    sigprocmask(SIG_UNBLOCK, &self, NULL);
}

/* A signal ignored when the run started stays ignored: under nohup (SIGHUP
 * ignored) or as a script's background job (SIGINT ignored) the caller asked
 * the run to survive it, and it must then finish and write its output. */
static void guard_signals(const char *tmp)
{
    snprintf(tmp_for_signal, sizeof tmp_for_signal, "%s", tmp);
    have_tmp = 1;
    struct sigaction sa, old;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    for (size_t i = 0; i < NENDING; i++)
        sigaddset(&sa.sa_mask, ending[i]);
    for (size_t i = 0; i < NENDING; i++)
        if (sigaction(ending[i], NULL, &old) == 0 && old.sa_handler != SIG_IGN)
            sigaction(ending[i], &sa, NULL);
}

void cli_signals_init(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sigemptyset(&sa.sa_mask);
    /* A closed pipe ends the run quietly, even when the parent shell ignores
     * SIGPIPE (restoring the default is what makes `| head` quiet). */
    sa.sa_handler = SIG_DFL;
    sigaction(SIGPIPE, &sa, NULL);
    /* A file size limit (ulimit -f) must fail the write (EFBIG), not kill the
     * run with its temporary file left: it is then a write error like a full
     * disk, reported with the output's name (74). */
    sa.sa_handler = SIG_IGN;
    sigaction(SIGXFSZ, &sa, NULL);
}

/* The file path names once every symbolic link of its last component is
 * followed (as open() would), so the output replaces the link's target and
 * the link stays a link; a dangling link gives the file it would create.
 * A fresh string, or NULL with errno set. */
static char *follow_links(const char *path)
{
    char *p = strdup(path);
    for (int hops = 0; p; hops++) {
        struct stat st;
        if (lstat(p, &st) != 0 || !S_ISLNK(st.st_mode))
            return p;
        if (hops == 40) {
            free(p);
            errno = ELOOP;
            return NULL;
        }
        char to[4096];
        ssize_t n = readlink(p, to, sizeof to - 1);
        if (n < 0) {
            free(p);
            return NULL;
        }
        to[n] = '\0';
        const char *slash = strrchr(p, '/');
        size_t dir = to[0] == '/' || !slash ? 0 : (size_t)(slash - p) + 1;
        char *next = malloc(dir + (size_t)n + 1);
        if (next) {
            memcpy(next, p, dir);
            memcpy(next + dir, to, (size_t)n + 1);
        }
        free(p);
        p = next;
    }
    return NULL;
}

/* A device or FIFO (-o /dev/stdout, a named pipe) cannot be replaced by
 * rename, and must not be: it is written in place. */
static int open_in_place(cli_output *out)
{
    out->f = fopen(out->path, "w");
    if (out->f)
        return EXIT_OK;
    fprintf(stderr, "storylens: %s: cannot open output: %s\n", out->path, strerror(errno));
    return EXIT_CANTCREAT;
}

/* Creates the temporary file beside out->target; its mode is that of the
 * file it will replace (old, or NULL for a new file: 0666 less the umask). */
static int open_temporary(cli_output *out, const struct stat *old)
{
    size_t n = strlen(out->target) + 16;
    out->tmp = malloc(n);
    if (!out->tmp) {
        fprintf(stderr, "storylens: out of memory\n");
        return EXIT_OSERR;
    }
    snprintf(out->tmp, n, "%s.tmpXXXXXX", out->target);
    /* A signal between creating the temporary file and guarding it would
     * leave the file behind: hold the signals back until it is guarded. */
    sigset_t block, saved;
    sigemptyset(&block);
    for (size_t i = 0; i < NENDING; i++)
        sigaddset(&block, ending[i]);
    sigprocmask(SIG_BLOCK, &block, &saved);
    int fd = mkstemp(out->tmp);
    if (fd >= 0)
        guard_signals(out->tmp);
    sigprocmask(SIG_SETMASK, &saved, NULL);
    if (fd < 0) {
        fprintf(stderr, "storylens: %s: cannot create output: %s\n", out->path, strerror(errno));
        free(out->tmp);
        out->tmp = NULL;
        return EXIT_CANTCREAT;
    }
    mode_t mask = umask(0);
    umask(mask);
    /* mkstemp makes 0600. Set-id bits are not carried over: the content is
     * new data, not the program the old file may have been. */
    fchmod(fd, old ? old->st_mode & 0777 : 0666 & ~mask);
    out->f = fdopen(fd, "w");
    if (!out->f) {
        close(fd);
        cli_output_abort(out);
        fprintf(stderr, "storylens: %s: cannot create output\n", out->path);
        return EXIT_CANTCREAT;
    }
    return EXIT_OK;
}

int cli_output_open(cli_output *out, const char *path)
{
    memset(out, 0, sizeof *out);
    if (!path || strcmp(path, "-") == 0) {
        out->f = stdout;
        return EXIT_OK;
    }
    out->path = path;
    struct stat st;
    int exists = stat(path, &st) == 0;
    if (exists && !S_ISREG(st.st_mode))
        return open_in_place(out);
    out->target = follow_links(path);
    if (!out->target) {
        fprintf(stderr, "storylens: %s: cannot create output: %s\n", path, strerror(errno));
        return EXIT_CANTCREAT;
    }
    int rc = open_temporary(out, exists ? &st : NULL);
    if (rc != EXIT_OK) {
        free(out->target);
        out->target = NULL;
    }
    return rc;
}

static int write_failed(const char *what)
{
    if (errno == EPIPE)
        return EXIT_IOERR; /* the reader went away: nothing to say */
    fprintf(stderr, "storylens: %s: write error: %s\n", what, strerror(errno));
    return EXIT_IOERR;
}

int cli_output_commit(cli_output *out)
{
    if (!out->path) {
        errno = 0;
        if (fflush(stdout) != 0 || ferror(stdout))
            return write_failed("standard output");
        return EXIT_OK;
    }
    if (!out->tmp) { /* written in place: a device or FIFO */
        errno = 0;
        int bad = fflush(out->f) != 0 || ferror(out->f);
        int saved = errno;
        if (fclose(out->f) != 0 && !bad) {
            bad = 1;
            saved = errno;
        }
        out->f = NULL;
        errno = saved;
        return bad ? write_failed(out->path) : EXIT_OK;
    }
    errno = 0;
    int bad = fflush(out->f) != 0 || ferror(out->f) || fsync(fileno(out->f)) != 0;
    int saved = errno;
    if (fclose(out->f) != 0 && !bad) {
        bad = 1;
        saved = errno;
    }
    out->f = NULL;
    if (!bad && rename(out->tmp, out->target) != 0) {
        bad = 1;
        saved = errno;
    }
    if (bad) {
        cli_output_abort(out);
        errno = saved;
        return write_failed(out->path);
    }
    have_tmp = 0;
    free(out->tmp);
    out->tmp = NULL;
    free(out->target);
    out->target = NULL;
    return EXIT_OK;
}

int cli_output_fail(cli_output *out, const sl_error *err)
{
    int saved = errno; /* what the failed write left */
    int io = err->code == SL_EIO && out->f && ferror(out->f);
    const char *name = out->path ? out->path : "standard output";
    cli_output_abort(out);
    if (!io)
        return cli_report(err);
    errno = saved;
    return write_failed(name);
}

void cli_output_abort(cli_output *out)
{
    if (out->f && out->f != stdout)
        fclose(out->f);
    out->f = NULL;
    if (out->tmp) {
        unlink(out->tmp);
        have_tmp = 0;
        free(out->tmp);
        out->tmp = NULL;
    }
    free(out->target);
    out->target = NULL;
}

/* Whether a folder of kind gives the run a file named name (the rules of
 * read/walk.c and read/path.c, lexicon/compile.c): hidden names never,
 * a corpus its readable extensions, a lexicon folder its *.lex files. */
static int reads_name(const char *name, cli_input_kind kind)
{
    static const char *const corpus[] = {"txt", "md", "jsonl", "ndjson", "csv", "tsv"};
    const char *dot = strrchr(name, '.');
    if (name[0] == '.' || !dot)
        return 0;
    if (kind == CLI_IN_LEXICON)
        return strcmp(dot, ".lex") == 0;
    for (size_t i = 0; i < sizeof corpus / sizeof corpus[0]; i++)
        if (strcasecmp(dot + 1, corpus[i]) == 0)
            return 1;
    return 0;
}

/* Whether the file real (a resolved path) is one the folder dir gives the
 * run. Decided by the names on the way down, without walking the folder:
 * the check costs nothing on a corpus of a million files. */
static int read_from_folder(const char *real, const char *dir, cli_input_kind kind)
{
    char *d = realpath(dir, NULL);
    if (!d)
        return 0;
    size_t n = strlen(d);
    int inside = strncmp(real, d, n) == 0 && (real[n] == '/' || d[n - 1] == '/');
    free(d);
    if (!inside)
        return 0;
    const char *rest = real + n + (real[n] == '/');
    const char *slash = strchr(rest, '/');
    if (slash && kind == CLI_IN_LEXICON) /* lexicon folders are not walked */
        return 0;
    for (; slash; rest = slash + 1, slash = strchr(rest, '/'))
        if (rest[0] == '.') /* a hidden folder is not walked */
            return 0;
    return reads_name(rest, kind);
}

static int refuse(const char *output, const char *role, const char *input, int folder)
{
    if (folder)
        fprintf(stderr, "storylens: -o %s: this file is read by the run from its %s folder %s, "
                        "and the output would replace it; write the output outside the folder "
                        "or under another name\n", output, role, input);
    else
        fprintf(stderr, "storylens: -o %s: this is the %s %s of the run, and the output "
                        "would replace it; give -o another file\n", output, role, input);
    return EXIT_CANTCREAT;
}

int cli_output_refuse(const char *output, const char *const *paths, size_t n,
                      cli_input_kind kind, const char *role)
{
    struct stat out, in;
    /* Standard output, a device or a file not there yet: nothing of the run's */
    if (!output || strcmp(output, "-") == 0 || stat(output, &out) != 0 ||
        !S_ISREG(out.st_mode))
        return EXIT_OK;
    char *real = NULL;
    int rc = EXIT_OK;
    for (size_t i = 0; rc == EXIT_OK && i < n; i++) {
        if (strcmp(paths[i], "-") == 0 || stat(paths[i], &in) != 0)
            continue; /* standard input, or a path whose reader will say what is wrong */
        if (in.st_dev == out.st_dev && in.st_ino == out.st_ino)
            rc = refuse(output, role, paths[i], 0);
        else if (S_ISDIR(in.st_mode) && kind != CLI_IN_FILE &&
                 (real || (real = realpath(output, NULL))) &&
                 read_from_folder(real, paths[i], kind))
            rc = refuse(output, role, paths[i], 1);
    }
    free(real);
    return rc;
}

int cli_stdout_finish(int rc)
{
    if (rc != EXIT_OK && rc != 1)
        return rc; /* a failed run has said why; a write error among them too */
    errno = 0;
    if (fflush(stdout) == 0 && !ferror(stdout))
        return rc;
    if (errno == 0)
        errno = EIO; /* the failed write's errno is gone; the flush had none */
    return write_failed("standard output");
}

int cli_output_refuse_lexicons(const char *output, const char *const *paths, size_t n,
                               const char *sub, const char *role)
{
    char dir[PATH_MAX], folder[PATH_MAX + 16];
    const char *defaults[1] = {folder};
    if (n == 0) { /* the bundled lexicons are files of the run too */
        if (sl_default_lexicon_dir(dir, sizeof dir, NULL) != SL_OK)
            return EXIT_OK;
        snprintf(folder, sizeof folder, "%s%s%s", dir, sub ? "/" : "", sub ? sub : "");
        paths = defaults;
        n = 1;
    }
    return cli_output_refuse(output, paths, n, CLI_IN_LEXICON, role);
}

/*
 * output.c - exit codes, messages and atomic output files.
 *
 * -o FILE never leaves a half-written FILE: the output goes to a temporary
 * file in the same directory (so rename is atomic), which is flushed,
 * fsync'd and renamed over FILE only when everything succeeded. On failure,
 * or when SIGINT/SIGTERM/SIGHUP arrives, the temporary file is removed and
 * the old FILE stays as it was.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
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

static void on_signal(int sig)
{
    if (have_tmp)
        unlink(tmp_for_signal);
    signal(sig, SIG_DFL);
    raise(sig);
}

static void guard_signals(const char *tmp)
{
    snprintf(tmp_for_signal, sizeof tmp_for_signal, "%s", tmp);
    have_tmp = 1;
    const int sigs[] = {SIGINT, SIGTERM, SIGHUP};
    for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++)
        signal(sigs[i], on_signal);
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
    if (stat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
        /* A device or FIFO (-o /dev/stdout, a named pipe) cannot be replaced
         * by rename, and must not be: write to it directly. */
        out->f = fopen(path, "w");
        if (!out->f) {
            fprintf(stderr, "storylens: %s: cannot open output: %s\n", path, strerror(errno));
            return EXIT_CANTCREAT;
        }
        return EXIT_OK;
    }
    size_t n = strlen(path) + 16;
    out->tmp = malloc(n);
    if (!out->tmp) {
        fprintf(stderr, "storylens: out of memory\n");
        return EXIT_OSERR;
    }
    snprintf(out->tmp, n, "%s.tmpXXXXXX", path);
    /* A signal between creating the temporary file and guarding it would
     * leave the file behind: hold the signals back until it is guarded. */
    sigset_t block, old;
    sigemptyset(&block);
    sigaddset(&block, SIGINT);
    sigaddset(&block, SIGTERM);
    sigaddset(&block, SIGHUP);
    sigprocmask(SIG_BLOCK, &block, &old);
    int fd = mkstemp(out->tmp);
    if (fd >= 0)
        guard_signals(out->tmp);
    sigprocmask(SIG_SETMASK, &old, NULL);
    if (fd < 0) {
        fprintf(stderr, "storylens: %s: cannot create output: %s\n", path, strerror(errno));
        free(out->tmp);
        out->tmp = NULL;
        return EXIT_CANTCREAT;
    }
    mode_t mask = umask(0);
    umask(mask);
    fchmod(fd, 0666 & ~mask); /* mkstemp makes 0600; give the mode a new file gets */
    out->f = fdopen(fd, "w");
    if (!out->f) {
        close(fd);
        cli_output_abort(out);
        fprintf(stderr, "storylens: %s: cannot create output\n", path);
        return EXIT_CANTCREAT;
    }
    return EXIT_OK;
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
    if (!bad && rename(out->tmp, out->path) != 0) {
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
}

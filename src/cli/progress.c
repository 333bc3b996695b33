/*
 * progress.c - the progress line and warnings of a run on standard error.
 *
 * The library calls the progress handler after each batch, on the main
 * thread; this file decides whether and how often to draw. The total input
 * size is the sum of the sizes of the story files under the INPUTs (as the
 * walk would read them), so the ETA compares story text read against file
 * bytes: it is an estimate that errs towards "longer", which is the side a
 * person waiting prefers.
 */
#include <dirent.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <sys/stat.h>
#include <unistd.h>

#include "progress.h"

#define REDRAW_SECONDS 0.25

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int is_story_file(const char *path)
{
    static const char *const ext[] = {".txt", ".md", ".jsonl", ".ndjson", ".csv", ".tsv"};
    const char *dot = strrchr(path, '.');
    for (size_t i = 0; dot && i < sizeof ext / sizeof ext[0]; i++)
        if (strcasecmp(dot, ext[i]) == 0)
            return 1;
    return 0;
}

/* Adds the sizes of the story files under dir (hidden names skipped, as
 * the walk skips them) to *sum. An estimate: .storylensignore is not read. */
static void dir_size(const char *dir, int depth, unsigned long long *sum)
{
    DIR *d = depth < 64 ? opendir(dir) : NULL;
    if (!d)
        return;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        char path[PATH_MAX];
        struct stat st;
        if (e->d_name[0] == '.' ||
            (size_t)snprintf(path, sizeof path, "%s/%s", dir, e->d_name) >= sizeof path ||
            lstat(path, &st) != 0)
            continue;
        if (S_ISDIR(st.st_mode))
            dir_size(path, depth + 1, sum);
        else if (S_ISREG(st.st_mode) && is_story_file(path))
            *sum += (unsigned long long)st.st_size;
    }
    closedir(d);
}

/* Bytes of input, or 0 when a stream (standard input, a pipe) is read. */
static unsigned long long input_size(char *const *inputs, size_t n)
{
    unsigned long long sum = 0;
    if (n == 0)
        return 0;
    for (size_t i = 0; i < n; i++) {
        struct stat st;
        if (strcmp(inputs[i], "-") == 0 || stat(inputs[i], &st) != 0)
            return 0;
        if (S_ISREG(st.st_mode)) {
            sum += (unsigned long long)st.st_size; /* named explicitly: read whatever its name */
        } else if (S_ISDIR(st.st_mode)) {
            dir_size(inputs[i], 0, &sum);
        } else {
            return 0;
        }
    }
    return sum;
}

void cli_progress_format(char *buf, size_t size, const sl_progress *pr,
                         unsigned long long total, double elapsed)
{
    double mb = (double)pr->bytes / 1e6;
    double rate = elapsed > 0 ? mb / elapsed : 0;
    int n = snprintf(buf, size, "storylens: %llu stories, %.2f MB, %.2f MB/s", pr->stories, mb,
                     rate);
    if (total == 0 || rate <= 0 || n < 0 || (size_t)n >= size)
        return;
    double left = ((double)total / 1e6 - mb) / rate;
    if (left < 0)
        left = 0;
    unsigned long s = (unsigned long)(left + 0.5);
    double pct = 100.0 * (double)pr->bytes / (double)total;
    snprintf(buf + n, size - (size_t)n, ", %.0f%%, ETA %lu:%02lu:%02lu", pct > 100 ? 100 : pct,
             s / 3600, s / 60 % 60, s % 60);
}

static void draw(cli_progress *p, const char *line)
{
    int w = (int)strlen(line);
    /* Pad over a longer previous line so none of it is left on screen. */
    fprintf(stderr, "\r%s%*s", line, p->width > w ? p->width - w : 0, "");
    fflush(stderr);
    p->width = w;
}

static void on_progress(void *user, const sl_progress *pr)
{
    cli_progress *p = user;
    double t = now();
    /* The first batch draws at once; then at most four lines a second. */
    if (p->held || (p->width > 0 && t - p->last < REDRAW_SECONDS))
        return;
    p->last = t;
    char line[160];
    cli_progress_format(line, sizeof line, pr, p->total, t - p->start);
    draw(p, line);
}

static void on_message(void *user, sl_severity severity, const char *message)
{
    cli_progress *p = user;
    if (p->quiet)
        return;
    cli_progress_clear(p);
    fprintf(stderr, "storylens: %s%s\n", severity == SL_SEVERITY_WARNING ? "warning: " : "",
            message);
}

void cli_progress_clear(cli_progress *p)
{
    if (p->width <= 0)
        return;
    fprintf(stderr, "\r%*s\r", p->width, "");
    fflush(stderr);
    p->width = 0;
}

void cli_progress_before_output(cli_progress *p, FILE *out)
{
    if (p->on && isatty(fileno(out))) {
        cli_progress_clear(p);
        p->held = 1;
    }
}

void cli_progress_attach(cli_progress *p, sl_options *opts, int quiet, char *const *inputs,
                         size_t ninputs)
{
    *p = (cli_progress){.quiet = quiet};
    p->on = !quiet && isatty(STDERR_FILENO);
    p->start = now();
    if (p->on) {
        p->total = input_size(inputs, ninputs);
        sl_options_set_progress_handler(opts, on_progress, p);
    }
    sl_options_set_message_handler(opts, on_message, p);
}

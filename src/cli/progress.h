/*
 * progress.h - progress and warnings on standard error.
 *
 * A person running a long analysis at a terminal sees how far it is; a
 * script that captures standard error sees only warnings and errors. So
 * progress is drawn only when standard error is a terminal, redrawn in
 * place with \r at most four times a second, and erased at the end;
 * --quiet silences both progress and warnings.
 */
#ifndef SL_CLI_PROGRESS_H
#define SL_CLI_PROGRESS_H

#include <stddef.h>
#include <stdio.h>

#include "storylens/storylens.h"

typedef struct cli_progress {
    int quiet;                /* no warnings, no progress */
    int on;                   /* draw progress: stderr is a terminal and not quiet */
    double start, last;       /* seconds on the monotonic clock */
    unsigned long long total; /* bytes of input files, 0 when unknown (stdin) */
    int width;                /* columns of the line drawn last, 0 when none is shown */
    int held;                 /* draw nothing more (the output is going to the terminal) */
} cli_progress;

/* Sets p up for a run over the inputs (none or "-" = standard input, whose
 * size is unknown) and installs its handlers on opts. p must outlive the
 * run. */
void cli_progress_attach(cli_progress *p, sl_options *opts, int quiet, char *const *inputs,
                         size_t ninputs);

/* Erases the progress line, if one is shown; call before the output is
 * committed and before any error is printed. */
void cli_progress_clear(cli_progress *p);

/* Called just before the output is written to out: when out is a terminal
 * too, the line is erased and no more are drawn, so that the output is
 * not written after (or over) a progress line. */
void cli_progress_before_output(cli_progress *p, FILE *out);

/* Formats one progress line (no \r) into buf for the figures at elapsed
 * seconds; total 0 leaves the ETA out. Kept apart from the drawing so it
 * can be read by a test. */
void cli_progress_format(char *buf, size_t size, const sl_progress *pr,
                         unsigned long long total, double elapsed);

#endif

/*
 * cli.h - the storylens command line: what the commands share.
 *
 * The CLI alone sees argv, the terminal, exit codes and output files; the
 * library below it only returns statuses and messages.
 */
#ifndef SL_CLI_H
#define SL_CLI_H

#include <stdio.h>

#include "storylens/storylens.h"

/* sysexits(3) */
enum {
    EXIT_OK = 0,
    EXIT_USAGE = 64,
    EXIT_DATAERR = 65,
    EXIT_NOINPUT = 66,
    EXIT_SOFTWARE = 70,
    EXIT_OSERR = 71,
    EXIT_CANTCREAT = 73,
    EXIT_IOERR = 74
};

/* The exit status for a library status: the one mapping in the program. */
int cli_exit_code(sl_status s);

/* Prints "storylens: MESSAGE" and returns the exit status for err. */
int cli_report(const sl_error *err);

/* Prints "storylens: " and the formatted usage message, a hint to use
 * --help, and returns EXIT_USAGE. */
int cli_usage_error(const char *cmd, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

/* An output destination: standard output, or a file written atomically
 * (a temporary file beside it, renamed over it only on success). */
typedef struct cli_output {
    FILE *f;
    const char *path;  /* NULL for standard output */
    char *tmp;         /* the temporary file's path */
} cli_output;

/* Opens out for path (NULL or "-" = standard output). On failure prints the
 * reason and returns EXIT_CANTCREAT. */
int cli_output_open(cli_output *out, const char *path);
/* Flushes, syncs and renames into place. Returns 0 or an exit status
 * (EXIT_IOERR) after printing why; the old file is then untouched. */
int cli_output_commit(cli_output *out);
/* Abandons the output: removes the temporary file. */
void cli_output_abort(cli_output *out);

int cmd_analyse(int argc, char **argv);
int cmd_cat(int argc, char **argv);
int cmd_merge(int argc, char **argv);

#endif

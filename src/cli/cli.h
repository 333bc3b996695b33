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
    char *target;      /* path with its symbolic links followed: what is replaced */
    char *tmp;         /* the temporary file's path */
} cli_output;

/* cli_output_refuse for lexicon paths; none stands for the default
 * lexicon folder (with "/sub" appended when sub is not NULL). */
int cli_output_refuse_lexicons(const char *output, const char *const *paths, size_t n,
                               const char *sub, const char *role);

/* At the end of a command that returned rc: a write error on standard
 * output not yet reported (help, version, lists) is, with EXIT_IOERR;
 * otherwise rc. */
int cli_stdout_finish(int rc);

/* Sets the signal dispositions every command needs (SIGPIPE default,
 * SIGXFSZ ignored so a file size limit is a write error). */
void cli_signals_init(void);

/* What a run reads from a path, and so which files of a directory it reads. */
typedef enum cli_input_kind {
    CLI_IN_CORPUS,   /* a corpus file or folder (walked recursively) */
    CLI_IN_LEXICON,  /* a lexicon file, or a folder's *.lex */
    CLI_IN_FILE      /* one file (a --gold file, a merge part) */
} cli_input_kind;

/* -o output must not replace what the run reads: when output (its links
 * followed) is one of paths, or a file a folder among them gives the run,
 * prints which and what to do and returns EXIT_CANTCREAT; else EXIT_OK.
 * role names the paths in the message ("input", "lexicon"). */
int cli_output_refuse(const char *output, const char *const *paths, size_t n,
                      cli_input_kind kind, const char *role);

/* Opens out for path (NULL or "-" = standard output). On failure prints the
 * reason and returns EXIT_CANTCREAT. */
int cli_output_open(cli_output *out, const char *path);
/* Flushes, syncs and renames into place. Returns 0 or an exit status
 * (EXIT_IOERR) after printing why; the old file is then untouched. */
int cli_output_commit(cli_output *out);
/* Abandons the output: removes the temporary file. */
void cli_output_abort(cli_output *out);
/* A writer failed: aborts out, then reports err, or, when it was a write
 * error on out, names the output and the system's reason ("storylens:
 * out.json: write error: No space left on device") as a failed commit
 * does. Returns the exit code. */
int cli_output_fail(cli_output *out, const sl_error *err);

/* Loads the lexicon files or directories (none: the default lexicons).
 * EXIT_OK, or the exit status after printing why. */
int cli_load_lexicons(const char *const *paths, size_t n, const char *language, sl_lexicon **lex);
/* json (also NULL), tsv, csv, text (for a person; "table" is its other
 * name, which analyse, compare and merge once used): 0, else -1. */
int cli_parse_format(const char *s, sl_format *f);
/* wide (CSV), wide-tsv (the sheet of a row a story) and xlsx: 0, else -1. */
int cli_parse_wide(const char *s, sl_format *f);
/* -1 to go on, or a usage error when a binary output would go to a
 * terminal (output NULL or "-" and standard output a tty). */
int cli_binary_output(const char *cmd, const char *output);
/* s, with the alias "table" read as "text": every command takes both. */
const char *cli_format_name(const char *s);

/* Appends arg (borrowed from argv) to a repeatable option's list: EXIT_OK,
 * or EXIT_OSERR when out of memory. */
int cli_push_arg(const char ***list, size_t *n, const char *arg);
/* jsonl, ndjson, csv, tsv, txt, md: 0, else -1. */
int cli_parse_input_format(const char *s, sl_input_format *f);
/* --confidence and --adjust into opts; -1 when s is not a level/method. */
int cli_parse_confidence(const char *s, sl_options *opts);
int cli_parse_adjust(const char *s, sl_options *opts);
/* --calibration: the eval JSON at path for lex, set in opts (none when
 * path is NULL). Returns an exit status; *cal is freed by the caller. */
int cli_load_calibration(const char *path, int allow_other, const sl_lexicon *lex,
                         sl_options *opts, sl_calibration **cal);

/* Loads the modifier lexicons (paths, else modifiers/ of the default
 * lexicon directory) and turns direction of change on in opts. *mods is
 * the caller's to free. When no paths are given and there is no default
 * directory, says so and what to do instead (remedy: "name them with ...").
 * An exit status. */
int cli_load_modifiers(const char *const *paths, size_t n, const char *language,
                       const char *remedy, sl_options *opts, sl_lexicon **mods);

int cmd_analyse(int argc, char **argv);
int cmd_cat(int argc, char **argv);
int cmd_eval(int argc, char **argv);
int cmd_lint(int argc, char **argv);

/* ---- corpus commands beyond analyse (explain, kwic, suggest) ---------- */

struct option;

/* A command's own options: long ones (values >= 512, or a short option's
 * letter, a {NULL} row last) and short ones in getopt's form ("g:", or
 * NULL), applied by apply(ctx, value, optarg): -1 to go on, else an exit
 * status. refuse names the shared options the command has no use for
 * ("by", ...; NULL-terminated, or NULL): giving one is a usage error, not
 * an option quietly ignored. */
typedef struct cli_extra {
    const struct option *opts;
    const char *shorts;
    int (*apply)(void *ctx, int c, const char *arg);
    void *ctx;
    const char *const *refuse;
} cli_extra;

/* The shared options that only analyse's figures use: what explain, kwic,
 * suggest and eval refuse. */
extern const char *const cli_figure_options[];

/* What a corpus command gets after the options analyse shares: -l,
 * --language, --text-field, --id-field, --input-format, -j, -f, -o, -q,
 * --skip-invalid, --modifiers, --no-direction (and --cooccurrence, --by,
 * --per-document unless it refuses them). */
typedef struct cli_corpus {
    sl_options *opts;       /* owned; set a story handler on it */
    sl_lexicon *lex;        /* owned, loaded */
    const char *format, *output, *language, *id_field; /* borrowed from argv; may be NULL */
    size_t ninputs;         /* INPUTs named after the options */
    const char *const *inputs; /* borrowed from argv */
    const char *calibration;   /* --calibration EVAL, or NULL (cli_load_calibration) */
    int allow_other_lexicons;  /* --allow-different-lexicons */
    struct cli_corpus_state *state;
} cli_corpus;

/* Parses argv and loads the lexicons. Returns -1 to go on, else the exit
 * status (EXIT_OK after --help). Call cli_corpus_end() in every case. */
int cli_corpus_begin(cli_corpus *c, const char *cmd, int argc, char **argv, const char *help,
                     const cli_extra *extra);
/* Adds the INPUTs (standard input when none) to an; an exit status. */
int cli_corpus_add_inputs(const cli_corpus *c, sl_analysis *an);
void cli_corpus_end(cli_corpus *c);

/* Runs the INPUTs through an analysis so the story handler set on c->opts
 * sees every story; an exit status. */
int cli_corpus_run(const cli_corpus *c);


/* The front end of a command that reads stories and counts nothing, as
 * cat does (shard): the reader options (--text-field, --id-field,
 * --delimiter, --encoding, --sheet, --split-on, --input-format,
 * --skip-invalid), -o, -q and the command's own. Returns -1 to go on,
 * else the exit status (EXIT_OK after --help); free r->opts in every case. */
typedef struct cli_reader {
    sl_options *opts;      /* owned */
    const char *output;    /* borrowed from argv; NULL when not given */
    char **inputs;         /* borrowed from argv */
    size_t ninputs;
    int quiet;
} cli_reader;
int cli_reader_begin(cli_reader *r, const char *cmd, int argc, char **argv, const char *help,
                     const cli_extra *extra);
int cmd_shard(int argc, char **argv);

int cmd_explain(int argc, char **argv);
int cmd_kwic(int argc, char **argv);
int cmd_suggest(int argc, char **argv);
int cmd_compare(int argc, char **argv);
int cmd_merge(int argc, char **argv);
int cmd_report(int argc, char **argv);

#endif

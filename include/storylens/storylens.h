/*
 * storylens: turn a corpus of change stories into theme figures.
 *
 * The public API. Four opaque handles, created and freed in pairs:
 *   sl_options  - analysis settings (threads, fields, co-occurrence units, ...)
 *   sl_lexicon  - compiled theme lexicons; immutable once loaded, shareable
 *   sl_analysis - one run: feed it inputs, then write its result
 * Every function returns an sl_status; on failure it fills the caller's
 * sl_error (which may be NULL) with a compiler-style message naming
 * FILE:LINE:COLUMN where one is known. Free functions accept NULL.
 * The library never prints, never exits and never reads argv.
 */
#ifndef STORYLENS_H
#define STORYLENS_H

#include <stddef.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

#define SL_VERSION "0.1.0"
#define SL_SCHEMA 1

/* Status codes. Stable: the CLI maps them to sysexits exit statuses. */
typedef enum sl_status {
    SL_OK = 0,
    SL_EUSAGE = 1,    /* a bad option value or call                    */
    SL_EDATA = 2,     /* malformed corpus record                       */
    SL_ELEXICON = 3,  /* a lexicon file has an error                   */
    SL_ENOINPUT = 4,  /* an input file or directory cannot be opened   */
    SL_EIO = 5,       /* a read or write failed                        */
    SL_ENOMEM = 6,    /* out of memory                                 */
    SL_EINTERNAL = 7  /* a bug in storylens                            */
} sl_status;

#define SL_ERROR_TEXT 1024

/* Filled on failure. Lives on the caller's stack; nothing to free. */
typedef struct sl_error {
    sl_status code;
    char text[SL_ERROR_TEXT]; /* "FILE:LINE:COL: what is wrong; what to do" */
} sl_error;

/* The message for a status code. Borrowed: static storage; do not free. */
const char *sl_status_name(sl_status code);

/* ---- options ---------------------------------------------------------- */

typedef struct sl_options sl_options;

/* Output formats of sl_analysis_write(): JSON (schema 1), tidy long tables
 * (one figure a row) and an aligned summary for a person at a terminal. */
typedef enum sl_format {
    SL_FORMAT_JSON = 0, SL_FORMAT_TSV, SL_FORMAT_CSV, SL_FORMAT_TABLE
} sl_format;

/* Input formats: AUTO picks by file extension (.txt .md .jsonl .ndjson .csv .tsv). */
typedef enum sl_input_format {
    SL_INPUT_AUTO = 0, SL_INPUT_JSONL, SL_INPUT_CSV, SL_INPUT_TSV, SL_INPUT_TXT
} sl_input_format;

/* Creates options with the defaults: all cores, text field "text", id field
 * "id", co-occurrence "document,sentence", english. Caller owns *out; free
 * with sl_options_free(). Returns SL_ENOMEM on failure. */
sl_status sl_options_new(sl_options **out);
void sl_options_free(sl_options *opts);

/* threads: 0 = all cores. */
sl_status sl_options_set_threads(sl_options *opts, int threads);
/* The strings are copied. */
sl_status sl_options_set_text_field(sl_options *opts, const char *field);
sl_status sl_options_set_id_field(sl_options *opts, const char *field);
/* A comma list of document, paragraph, sentence, window:N (N >= 2).
 * SL_EUSAGE with a message on an unknown unit. */
sl_status sl_options_set_cooccurrence(sl_options *opts, const char *units, sl_error *err);
/* Adds a --by metadata field (repeatable; duplicates are ignored). */
sl_status sl_options_add_by(sl_options *opts, const char *field);
sl_status sl_options_set_per_document(sl_options *opts, int on);
/* The format of standard input (AUTO means jsonl there). */
sl_status sl_options_set_stdin_format(sl_options *opts, sl_input_format fmt);
/* on = 1: a malformed record (a bad JSONL line, a broken CSV quote, a wrong
 * field count), a binary file met while walking a directory and a regex
 * entry hitting a PCRE2 limit on one story are skipped, reported through
 * the message handler and listed in the output (.corpus.skipped,
 * .corpus.regex_failures) instead of failing the run with SL_EDATA. A
 * skipped record changes no other figure. Default 0. */
sl_status sl_options_set_skip_invalid(sl_options *opts, int on);

/* ---- observers ---------------------------------------------------------
 * Optional callbacks, always called on the thread that calls the
 * sl_analysis functions, in input order, never from a worker thread. The
 * pointers they receive are borrowed: valid only during the call. */

typedef enum sl_severity { SL_SEVERITY_WARNING = 1, SL_SEVERITY_NOTE = 2 } sl_severity;

/* A warning about the input that did not stop the run (message is a
 * complete "FILE:LINE: ..." sentence). */
typedef void (*sl_message_fn)(void *user, sl_severity severity, const char *message);
sl_status sl_options_set_message_handler(sl_options *opts, sl_message_fn fn, void *user);

typedef struct sl_progress {
    unsigned long long stories; /* analysed so far */
    unsigned long long bytes;   /* of story text analysed so far */
} sl_progress;

/* Called after each batch of stories has been analysed. */
typedef void (*sl_progress_fn)(void *user, const sl_progress *progress);
sl_status sl_options_set_progress_handler(sl_options *opts, sl_progress_fn fn, void *user);

/* One counted hit: a theme's match after overlap resolution and exclusions. */
typedef struct sl_hit_view {
    size_t theme;       /* the theme it counts for (sl_lexicon_theme_name) */
    size_t entry_theme; /* the theme the entry is written in (theme or a descendant) */
    const char *entry;  /* the entry as written */
    size_t start, end;  /* byte offsets of the matched text in the story: [start, end) */
} sl_hit_view;

typedef struct sl_story_view {
    const char *id;
    const char *text;   /* text_len bytes */
    size_t text_len;
    size_t tokens;
    const char *const *meta_keys, *const *meta_values;
    size_t nmeta;
} sl_story_view;

/* Called once per story with its counted hits, ordered by theme then
 * position (a hit counted for a theme and its ancestors appears once per
 * theme). Setting it costs memory per hit; leave it unset for figures only. */
typedef void (*sl_story_fn)(void *user, const sl_story_view *story, const sl_hit_view *hits,
                            size_t nhits);
sl_status sl_options_set_story_handler(sl_options *opts, sl_story_fn fn, void *user);

/* ---- lexicons ---------------------------------------------------------- */

typedef struct sl_lexicon sl_lexicon;

/* Loads and compiles lexicon files. Each path is a .lex file or a directory
 * whose *.lex files are loaded in sorted order. language names a Snowball
 * algorithm (NULL = "english"). On any error nothing is returned and err says
 * FILE:LINE:COLUMN. Caller owns *out; free with sl_lexicon_free(). */
sl_status sl_lexicon_load(sl_lexicon **out, const char *const *paths, size_t npaths,
                          const char *language, sl_error *err);
void sl_lexicon_free(sl_lexicon *lex);

/* Number of themes, implicit parents included, in lexicon order. */
size_t sl_lexicon_theme_count(const sl_lexicon *lex);
/* Borrowed: valid until sl_lexicon_free(); NULL when i is out of range. */
const char *sl_lexicon_theme_name(const sl_lexicon *lex, size_t i);

/* The Snowball algorithms libstemmer offers. Borrowed: static; NULL-terminated. */
const char **sl_languages(void);

/* Finds the default lexicon directory: the installed one, or lexicons/ of the
 * source tree for a binary run from its build directory. exe_path is the
 * running binary (NULL = /proc/self/exe). Writes a NUL-terminated path into
 * buf. Returns SL_ENOINPUT when none is found. */
sl_status sl_default_lexicon_dir(char *buf, size_t size, const char *exe_path);

/* ---- analysis ---------------------------------------------------------- */

typedef struct sl_analysis sl_analysis;

/* Starts a run. lex and opts are borrowed and must outlive the analysis;
 * opts is read now, lex is read throughout. Caller owns *out; free with
 * sl_analysis_free(). */
sl_status sl_analysis_new(sl_analysis **out, const sl_lexicon *lex, const sl_options *opts,
                          sl_error *err);
void sl_analysis_free(sl_analysis *an);

/* Adds one INPUT: a file, or a directory walked recursively in sorted order
 * (files of unknown type are skipped there). Stories are analysed as they are
 * read. SL_ENOINPUT, SL_EDATA or SL_EIO on failure, with FILE:LINE. */
sl_status sl_analysis_add_path(sl_analysis *an, const char *path, sl_error *err);

/* Adds a stream (standard input). name is used in messages and ids. */
sl_status sl_analysis_add_stream(sl_analysis *an, FILE *in, const char *name, sl_error *err);

/* Writes the result. May be called after all inputs are added. */
sl_status sl_analysis_write(sl_analysis *an, FILE *out, sl_format fmt, sl_error *err);

/* Reads one INPUT (path, or the stream in when path is NULL) and writes each
 * story as one JSON object a line: {"id", "text", then the metadata fields}:
 * the corpus exactly as storylens reads it. Used by "storylens cat". */
sl_status sl_cat(const sl_options *opts, const char *path, FILE *in, FILE *out, sl_error *err);

#ifdef __cplusplus
}
#endif
#endif

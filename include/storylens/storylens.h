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
    SL_FORMAT_JSON = 0, SL_FORMAT_TSV, SL_FORMAT_CSV, SL_FORMAT_TABLE,
    SL_FORMAT_WIDE_CSV, SL_FORMAT_WIDE_TSV, /* a row a story, a column a theme (wide.c) */
    SL_FORMAT_XLSX, /* an Excel workbook of the figures and the story sheet (workbook.c) */
    SL_FORMAT_JSONL /* a JSON object a story, a line each: .documents[] as lines (json.c) */
} sl_format;

/* Input formats: AUTO picks by file extension (.txt .md .jsonl .ndjson .csv .tsv). */
typedef enum sl_input_format {
    SL_INPUT_AUTO = 0, SL_INPUT_JSONL, SL_INPUT_CSV, SL_INPUT_TSV, SL_INPUT_TXT,
    SL_INPUT_DOCX, SL_INPUT_ODT, SL_INPUT_XLSX, SL_INPUT_ODS /* files only, not streams */
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
/* Spreadsheets (.xlsx, .ods): the sheet to read by name (NULL: the first
 * in the workbook's order). Copied. */
sl_status sl_options_set_sheet(sl_options *opts, const char *sheet);
/* Word-processor documents (.docx, .odt): "heading" makes one story per
 * Heading 1/2 section (id FILE#N, the heading in metadata "heading");
 * "none" (the default) one story per file. SL_EUSAGE for anything else. */
sl_status sl_options_set_split_on(sl_options *opts, const char *unit);
/* CSV files: the field separator, ',' ';' '\t' or '|' (SL_EUSAGE for any
 * other); 0 (the default) reads ',' unless the header line has no ',' and
 * has ';' (a note says so). .tsv files are always read with a tab. */
sl_status sl_options_set_delimiter(sl_options *opts, int delimiter);
/* Text inputs (CSV, TSV, JSONL, .txt/.md): the encoding they are written
 * in, any name glibc's iconv knows (utf-8, utf-16, utf-16le, utf-16be,
 * windows-1252, cp1252, iso-8859-1, latin1, ...); they are transcoded to
 * UTF-8 before they are read, and a byte invalid in it is SL_EDATA naming
 * FILE:LINE:COLUMN. A byte order mark (UTF-8 or UTF-16) wins over the
 * name. NULL (the default): UTF-8, or UTF-16 by its BOM, invalid bytes
 * counted and warned of. SL_EUSAGE for a name iconv does not know. */
sl_status sl_options_set_encoding(sl_options *opts, const char *name);
/* A comma list of document, paragraph, sentence, window:N (N >= 2); "none"
 * or "" for no co-occurrence. SL_EUSAGE with a message on an unknown unit.
 * sl_analysis_new refuses (SL_EUSAGE) a lexicon whose co-occurrence table
 * would pass 2,000,000 cells (themes x themes x units). */
sl_status sl_options_set_cooccurrence(sl_options *opts, const char *units, sl_error *err);
/* Adds a --by metadata field (repeatable; duplicates are ignored). The
 * field SL_BY_INPUT ("@file") groups the stories by the input they were
 * read from: the path given to sl_analysis_add_path (a folder as named, not
 * the file in it) or the name given to sl_analysis_add_stream. A story
 * with a metadata field of that name is then refused (SL_EDATA). */
#define SL_BY_INPUT "@file"
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
/* on = 1: stories with an id already read are counted again. Default 0:
 * the second is SL_EDATA naming both places (the same file given twice is
 * the common mistake). Refusing keeps every id: memory grows with the
 * number of stories. */
sl_status sl_options_set_allow_duplicate_ids(sl_options *opts, int on);
/* on = 1: a run of no stories writes its (empty) figures with a warning.
 * Default 0: writing it fails with SL_EDATA. */
sl_status sl_options_set_allow_empty(sl_options *opts, int on);
/* on = 1: a CSV or TSV output (tidy or wide) starts with a UTF-8 byte
 * order mark, which Excel needs to read it as UTF-8. JSON and the table
 * never get one. Default 0. */
sl_status sl_options_set_bom(sl_options *opts, int on);

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

/* The direction of change a story gives a hit (see "Direction of change" in
 * README.md). NONE when direction is off (no modifier lexicons set). */
typedef enum sl_direction {
    SL_DIRECTION_NONE = 0, SL_DIRECTION_IMPROVED, SL_DIRECTION_WORSENED, SL_DIRECTION_MENTIONED
} sl_direction;
/* When the story places a hit: before or after the change; NONE when off. */
typedef enum sl_time { SL_TIME_NONE = 0, SL_TIME_BEFORE, SL_TIME_AFTER, SL_TIME_UNKNOWN } sl_time;

/* One counted hit: a theme's match after overlap resolution and exclusions. */
typedef struct sl_hit_view {
    size_t theme;       /* the theme it counts for (sl_lexicon_theme_name) */
    size_t entry_theme; /* the theme the entry is written in (theme or a descendant) */
    const char *entry;  /* the entry as written */
    size_t start, end;  /* byte offsets of the matched text in the story: [start, end) */
    size_t sentence_start, sentence_end; /* the sentence holding it, as the tokeniser cut the
                                          * story (white space trimmed): a quote */
    /* Direction of change (all zero/NULL when direction is off): */
    sl_direction direction;
    sl_time time;
    const char *trigger;      /* the modifier entry as written that decided the direction,
                               * NULL when none did (a mention, or an unmarked asset) */
    const char *trigger_kind; /* its kind: "increase", "decrease", "avoidance", "outcome" */
    size_t trigger_start, trigger_end; /* its byte range in the story (0, 0 when none) */
    unsigned negations;       /* negation triggers that applied (odd flips the direction) */
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

/* Marks lex's files inside dir (the folder sl_default_lexicon_dir gave, from
 * which lex was loaded) as bundled: the JSON output then records each by its
 * path relative to dir ("themes.lex", "modifiers/negation.lex") with
 * "bundled": true, so the output holds no folder of this machine and is the
 * same from any install. Files outside dir keep the path they were loaded by;
 * errors always name the path a file was opened by. */
void sl_lexicon_mark_bundled(sl_lexicon *lex, const char *dir);

/* ---- direction of change ---------------------------------------------- */

/* Loads modifier lexicons: the same language as theme lexicons, one theme
 * per trigger kind (increase, decrease, negation, avoidance, baseline,
 * outcome, breaker), with the keys scope = forward|backward|both and
 * distance = N and the entry suffix "@scope:N". Each path is a .lex file or
 * a directory of them. Caller owns *out; free with sl_lexicon_free(). */
sl_status sl_modifiers_load(sl_lexicon **out, const char *const *paths, size_t npaths,
                            const char *language, sl_error *err);

/* Turns direction of change on, with these modifier lexicons (borrowed: they
 * must outlive every analysis made with opts); NULL turns it off (the
 * default), giving exactly the plain counts. */
sl_status sl_options_set_modifiers(sl_options *opts, const sl_lexicon *modifiers);

/* With modifiers set, on = 0 keeps the direction figures out of the output
 * (the plain counts, as with no modifiers) while the modifiers still judge
 * the conditions of avoided(), negated() and ended() entries. Default 1. */
sl_status sl_options_set_direction_figures(sl_options *opts, int on);

/* Whether the lexicon has avoided(), negated() or ended() entries, which
 * count only as the modifier lexicons judge them: an analysis with such a
 * lexicon needs sl_options_set_modifiers(). 0 or 1. */
int sl_lexicon_has_conditions(const sl_lexicon *lex);

/* "improved", "worsened", "mentioned" ("" for NONE). Borrowed: static. */
const char *sl_direction_name(sl_direction d);
/* "before", "after", "unknown" ("" for NONE). Borrowed: static. */
const char *sl_time_name(sl_time t);

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

/* Analyses the stories still waiting in the current batch, so the story
 * handler has seen every story added so far (sl_analysis_write() does this
 * too). For callers that only observe stories. */
sl_status sl_analysis_flush(sl_analysis *an, sl_error *err);

/* sl_analysis_flush, then the checks sl_analysis_write() makes before it
 * writes: no story read is SL_EDATA unless sl_options_set_allow_empty (an
 * empty answer must not pass for "nothing matched"), as is a --by field no
 * story has. For callers that only observe stories, after the last input. */
sl_status sl_analysis_finish(sl_analysis *an, sl_error *err);

/* Writes the result. May be called after all inputs are added. */
sl_status sl_analysis_write(sl_analysis *an, FILE *out, sl_format fmt, sl_error *err);

/* Reads one INPUT (path, or the stream in when path is NULL) and writes each
 * story as one JSON object a line: {"id", "text", then the metadata fields}:
 * the corpus exactly as storylens reads it. Used by "storylens cat". */
sl_status sl_cat(const sl_options *opts, const char *path, FILE *in, FILE *out, sl_error *err);

/* As sl_cat, in format fmt: SL_FORMAT_JSON is sl_cat's JSON lines;
 * SL_FORMAT_TSV and SL_FORMAT_CSV write a tidy table "id field value", one
 * row per field of a story (text first, then the metadata in input order),
 * with the header row only when header is nonzero, so that several INPUTs
 * make one table. SL_EUSAGE for SL_FORMAT_TABLE. */
sl_status sl_cat_format(const sl_options *opts, const char *path, FILE *in, FILE *out,
                        sl_format fmt, int header, sl_error *err);

/* Reads the INPUTs (paths; "-", or none when n is 0, is the stream in) as
 * analyse would and writes each story as one JSON line that the JSONL
 * reader, with the same text and id field names, gives back as the same
 * story: the id as the run names it (a record without one keeps the
 * FILE:LINE of its original file), the text with any bytes that are not
 * UTF-8 kept (so they are counted as the original reader counted them),
 * the metadata in order. Used by "storylens shard". Story ids are checked
 * across all INPUTs as sl_options_set_allow_duplicate_ids says, and no
 * story at all is SL_EDATA unless sl_options_set_allow_empty. *stories:
 * the records written. SL_OK, or the status of the first failure (out may
 * then hold part of the records). */
sl_status sl_shard_records(const sl_options *opts, const char *const *inputs, size_t n,
                           FILE *in, FILE *out, unsigned long long *stories, sl_error *err);

/* ---- lexicon tuning: entries, explain, suggest -------------------------
 * Tools for researchers tuning a lexicon. explain and suggest are fed from
 * the story handler: pass each story and its hits on as they arrive. */

/* Number of entries of lex, exclusions included, in lexicon order. */
size_t sl_lexicon_entry_count(const sl_lexicon *lex);
/* Entry i as written (the same pointer sl_hit_view.entry carries), its
 * theme in *theme and whether it is an exclusion ('!') in *exclusion (either
 * may be NULL). Borrowed: valid until sl_lexicon_free(); NULL when i is out
 * of range. */
const char *sl_lexicon_entry(const sl_lexicon *lex, size_t i, size_t *theme, int *exclusion);

/* One distinct surface form an entry matched: the matched text with Unicode
 * full case folding (NFC) and each run of white space made one space. */
typedef struct sl_surface {
    const char *text;
    unsigned long long count;
} sl_surface;

typedef struct sl_explain sl_explain;

/* Collects, for every entry of lex, the surface forms it matched. lex is
 * borrowed and must outlive the handle. Caller owns *out; free with
 * sl_explain_free(). Returns SL_ENOMEM on failure. */
sl_status sl_explain_new(sl_explain **out, const sl_lexicon *lex);
void sl_explain_free(sl_explain *ex);
/* Records the story's hits that count for the entry's own theme (theme ==
 * entry_theme), so a hit counted for ancestors is recorded once. story and
 * hits are borrowed for the call. SL_ENOMEM; SL_EUSAGE when a hit's entry
 * is not an entry of the handle's lexicon. */
sl_status sl_explain_add(sl_explain *ex, const sl_story_view *story, const sl_hit_view *hits,
                         size_t nhits, sl_error *err);
/* The surface forms lexicon entry i matched, by count (most first) then
 * bytewise by text; *n of them, 0 when it matched nothing. Borrowed: valid
 * until the next sl_explain_add() or sl_explain_free(). NULL with *n = 0 when
 * out of memory or i is out of range. */
const sl_surface *sl_explain_surfaces(sl_explain *ex, size_t i, size_t *n);

typedef struct sl_suggest sl_suggest;

/* Flags of sl_suggest_new(). */
#define SL_SUGGEST_REFERENCE 1u  /* compare every story with a reference corpus
                                    fed through sl_suggest_add_reference(); without
                                    it, stories with a hit against those without */
#define SL_SUGGEST_STOP_WORDS 2u /* skip a built-in English stop list; applies
                                    only when language is "english" */

/* One candidate: a stem, or two stems of adjacent tokens of one sentence
 * joined by a space, that no counted hit covers. */
typedef struct sl_suggestion {
    const char *text;
    int phrase;                  /* 1 for two stems */
    const char *example;         /* most frequent folded surface form, ties bytewise */
    unsigned long long count;    /* uncovered occurrences in the focus stories */
    unsigned long long ref_count;/* occurrences in the reference */
    double g2;                   /* log-likelihood, + over-used in focus, - under-used */
    const char *const *ids;      /* the first focus stories it occurs in, input order */
    size_t nids;
} sl_suggestion;

typedef struct sl_suggest_sizes {
    unsigned long long focus_stories, focus_tokens, ref_stories, ref_tokens;
} sl_suggest_sizes;

/* Counts uncovered stems and stem pairs. language names a Snowball
 * algorithm (NULL = "english"); flags are SL_SUGGEST_*; max_ids bounds the
 * ids kept per candidate. Caller owns *out; free with sl_suggest_free().
 * SL_EUSAGE for an unknown language, SL_ENOMEM. */
sl_status sl_suggest_new(sl_suggest **out, const char *language, unsigned flags, size_t max_ids,
                         sl_error *err);
void sl_suggest_free(sl_suggest *sg);
/* Adds one analysed story: re-tokenises story->text, marks the tokens the
 * hits cover and counts the rest (a focus story when it has a hit or when
 * SL_SUGGEST_REFERENCE is set; else a reference story). Borrowed for the
 * call. SL_ENOMEM. */
sl_status sl_suggest_add_story(sl_suggest *sg, const sl_story_view *story, const sl_hit_view *hits,
                               size_t nhits, sl_error *err);
/* Adds one story of the reference corpus: every token counts. SL_ENOMEM. */
sl_status sl_suggest_add_reference(sl_suggest *sg, const sl_story_view *story, sl_error *err);
/* Ranks the candidates with count >= min_count by signed G2, then count,
 * then bytewise text, and returns the first top of them in *out (*n).
 * Borrowed: valid until the next sl_suggest_* call on sg. SL_ENOMEM. */
sl_status sl_suggest_rank(sl_suggest *sg, unsigned long long min_count, size_t top,
                          const sl_suggestion **out, size_t *n, sl_error *err);
/* The story and token counts of the focus and reference sides. */
void sl_suggest_get_sizes(const sl_suggest *sg, sl_suggest_sizes *out);
/* Whether the stop list is in use (SL_SUGGEST_STOP_WORDS and english). */
int sl_suggest_stop_words(const sl_suggest *sg);

/* ---- evaluation against hand codes (storylens eval) --------------------- */

typedef struct sl_gold sl_gold;

/* Loads hand codes: a .csv/.tsv file with an id column (id_field, NULL =
 * "id") and one column per theme holding 1, 0, or nothing / "?" (not
 * coded); a column "THEME:direction" holds improved, worsened, mentioned
 * or nothing / "?". SL_EDATA with FILE:LINE on a bad cell, a repeated id
 * or a bad header. Caller owns *out; free with sl_gold_free(). */
sl_status sl_gold_load(sl_gold **out, const char *path, const char *id_field, sl_error *err);
void sl_gold_free(sl_gold *gold);

typedef struct sl_eval sl_eval;

/* Starts scoring lex against gold. Both are borrowed and must outlive the
 * evaluation. SL_EDATA when a gold column names no theme of lex. Caller
 * owns *out; free with sl_eval_free(). */
sl_status sl_eval_new(sl_eval **out, const sl_gold *gold, const sl_lexicon *lex, sl_error *err);
void sl_eval_free(sl_eval *ev);

/* An sl_story_fn: install it with the evaluation as user data
 * (sl_options_set_story_handler(opts, sl_eval_story, ev)) and run the
 * analysis; each story is matched to its gold row by id. */
void sl_eval_story(void *ev, const sl_story_view *story, const sl_hit_view *hits, size_t nhits);

/* Writes the scores: per theme tp, fp, fn, tn, precision, recall, F1,
 * Cohen's kappa and the false positive / negative ids, then micro and macro
 * averages, and the ids only one side has; for each direction column the
 * multi-class figures against each story's net direction (the analysis
 * must have had modifiers set). SL_FORMAT_JSON, _TSV, _CSV or _TABLE.
 * SL_EDATA when a corpus id occurs twice; SL_EUSAGE when there is a
 * direction column but the hits carried no direction. */
sl_status sl_eval_write(const sl_eval *ev, FILE *out, sl_format fmt, sl_error *err);


/* ---- lint (storylens lint) ---------------------------------------------- */

typedef enum sl_lint_severity { SL_LINT_ERROR = 0, SL_LINT_WARNING = 1 } sl_lint_severity;

/* One problem. Borrowed: valid until sl_lint_free(). */
typedef struct sl_lint_item {
    const char *file;
    unsigned line, col;          /* from 1; columns count bytes */
    sl_lint_severity severity;   /* an error stops sl_lexicon_load(); a warning does not */
    const char *message;         /* "what is wrong; what to do" */
} sl_lint_item;

typedef struct sl_lint sl_lint;

/* Reads lexicon files (as sl_lexicon_load() does) and collects every
 * problem: the errors sl_lexicon_load() would stop at, all of them, and
 * warnings about entries that load but cannot do what was meant. Items are
 * sorted by file, line and column. Returns SL_OK however many problems
 * were found; SL_ENOINPUT, SL_EUSAGE (bad language) or SL_ENOMEM otherwise.
 * Caller owns *out; free with sl_lint_free(). */
sl_status sl_lint_lexicons(sl_lint **out, const char *const *paths, size_t npaths,
                           const char *language, sl_error *err);
size_t sl_lint_count(const sl_lint *lint);
/* Borrowed: valid until sl_lint_free() or the next sl_lint_add(); NULL
 * when i is out of range. */
const sl_lint_item *sl_lint_item_at(const sl_lint *lint, size_t i);
void sl_lint_free(sl_lint *lint);

/* Appends a problem of the caller's own (storylens lint adds the example
 * sentences that fail, see sl_lexicon_check_examples) after the items
 * found, unsorted, in the order added; sl_lint_count() and every writer
 * then include it. file and message are copied. SL_EUSAGE for a NULL
 * argument or an unknown severity, SL_ENOMEM. */
sl_status sl_lint_add(sl_lint *lint, const char *file, unsigned line, unsigned col,
                      sl_lint_severity severity, const char *message, sl_error *err);

/* Writes the items as JSON {errors, warnings, diagnostics: [{file, line,
 * column, severity, message}]} (a file name or message that is not UTF-8
 * is written with U+FFFD). SL_EIO on a write error, SL_ENOMEM. */
sl_status sl_lint_write_json(const sl_lint *lint, FILE *out, sl_error *err);

/* ---- example sentences (storylens lint, storylens eval --tests) ----------
 * A theme may carry sentences that test it: "example = TEXT" must match
 * the theme and "example = improved: TEXT" (or worsened:, mentioned:) must
 * also get that net direction for it; "counterexample = TEXT" must not
 * match it. A sentence matches its theme when the theme counts at least
 * one hit in it read as a story of its own (a descendant theme's hit
 * counts for its ancestors too). */

/* The outcome of one example. The strings are borrowed from the lexicon
 * (valid until sl_lexicon_free()); the record itself only during the
 * callback. */
typedef struct sl_example_result {
    const char *file;   /* the lexicon file it is written in */
    unsigned line;      /* its line there, from 1 */
    const char *theme;  /* the theme's full dotted name */
    const char *text;   /* the sentence as written */
    int must_match;     /* 1: example; 0: counterexample */
    sl_direction want;  /* the direction it must get; NONE when none is written,
                         * for a counterexample, or when directions are not checked */
    int matched;        /* 1 when the theme counted a hit in it */
    sl_direction got;   /* the story's net direction for the theme (as
                         * .themes[T].documents_by_direction counts it); NONE
                         * when it did not match or directions are not checked */
    int passed;         /* example: matched and (no want or got == want);
                         * counterexample: not matched */
} sl_example_result;

typedef void (*sl_example_fn)(void *user, const sl_example_result *r);

/* Number of example and counterexample sentences of lex. */
size_t sl_lexicon_example_count(const sl_lexicon *lex);

/* Runs every example sentence of lex as a story of its own (one analysis
 * on one thread) and calls fn (may be NULL) once per example, in lexicon
 * order, on the calling thread; *nfailed (may be NULL) gets the number
 * that failed. lex and opts are borrowed for the call; opts (may be NULL)
 * lends only its modifier lexicons and its direction figures setting: its
 * threads, fields, handlers and other settings are not used. With no
 * modifiers set (or direction figures off) directions are not checked: a
 * written direction is ignored and an example passes when it matches.
 * Returns SL_OK however many examples fail; SL_EUSAGE when lex has
 * avoided(), negated() or ended() entries and opts sets no modifiers (as
 * an analysis would), SL_ENOMEM, SL_EINTERNAL. */
sl_status sl_lexicon_check_examples(const sl_lexicon *lex, const sl_options *opts,
                                    sl_example_fn fn, void *user, size_t *nfailed,
                                    sl_error *err);

/* ---- statistics ---------------------------------------------------------
 * Every share is written with a Wilson interval, every --by field with a
 * test of whether the themes' shares differ between its groups, adjusted
 * across themes. All are derived when written from the additive counts. */

/* The confidence level of every interval, 0.5 <= level < 1 (default 0.95).
 * SL_EUSAGE outside that range. */
sl_status sl_options_set_confidence(sl_options *opts, double level);

typedef enum sl_adjust { SL_ADJUST_HOLM = 0, SL_ADJUST_BH } sl_adjust;
/* How p-values are adjusted across themes: Holm (default; controls the
 * chance of any false difference) or Benjamini-Hochberg (the expected
 * share of false ones among those reported). */
sl_status sl_options_set_adjust(sl_options *opts, sl_adjust adjust);

/* A lexicon's measured error: the "storylens eval" JSON of a hand-coded
 * sample, read so that each theme's share can be corrected for it
 * (Rogan-Gladen). Immutable once loaded. */
typedef struct sl_calibration sl_calibration;

/* Reads the eval JSON at path for lex. SL_EDATA, naming the file, when it
 * is not eval output or was made with other lexicons (sha256 of each file,
 * in order) unless allow_other_lexicons; SL_EIO when it cannot be read.
 * Themes the sample did not code are written with a null correction. */
sl_status sl_calibration_load(sl_calibration **out, const char *path, const sl_lexicon *lex,
                              int allow_other_lexicons, sl_error *err);
void sl_calibration_free(sl_calibration *cal);
/* Corrected shares are written beside the raw ones (borrowed: cal must
 * outlive opts' analyses). NULL turns them off. */
sl_status sl_options_set_calibration(sl_options *opts, const sl_calibration *cal);

/* Two analyses compared theme by theme ("storylens compare"): both shares
 * with intervals, their difference with a Newcombe interval and the test
 * of the 2 x 2 table, for documents and for each direction; p-values
 * adjusted across themes. a and b are analysis JSON files (analyse or
 * merge output). SL_EDATA, naming what differs, when they were made with
 * other lexicons or modifier lexicons (by sha256) unless
 * allow_other_lexicons; themes in only one of them are compared as absent
 * in the other only when allowed. opts gives the confidence and the
 * adjustment. */
sl_status sl_compare_write(const char *a, const char *b, const sl_options *opts,
                           int allow_other_lexicons, FILE *out, sl_format fmt, sl_error *err);

/* ---- merging shards ----------------------------------------------------
 * The JSON of analyses of disjoint shards of a corpus ("parts") add up to
 * exactly the JSON of one run over the whole corpus ("storylens merge"). */

/* Reads the settings a part was made with (fields, co-occurrence units,
 * --by, --per-document) into opts, and its stemming language into language
 * (size bytes), so the merging run is set up like the shards' runs. */
sl_status sl_part_settings(sl_options *opts, char *language, size_t size, const char *path,
                           sl_error *err);

/* Whether the part at path was analysed with direction of change (its
 * settings.direction): the merging run must then set the same modifier
 * lexicons with sl_options_set_modifiers(). *on is 0 or 1, or 2 when the
 * part has no direction figures but lists modifier lexicons (--no-direction
 * over lexicons whose avoided(), negated() or ended() entries need them):
 * set them too, with sl_options_set_direction_figures(opts, 0). */
sl_status sl_part_direction(int *on, const char *path, sl_error *err);

/* Adds the figures of the part at path to an (made with opts from
 * sl_part_settings and the same lexicons); its --per-document rows follow
 * those already added. SL_EDATA when the part was made with other lexicons
 * (by sha256, in order), other settings or another storylens version, or is
 * not an analysis; the run is then failed and writes nothing. */
sl_status sl_analysis_add_part(sl_analysis *an, const char *path, sl_error *err);

/* ---- tidy tables ---------------------------------------------------------
 * One field of a tidy table, so every TSV and CSV storylens writes quotes
 * alike: sep '\t' writes TSV (tabs and line breaks become spaces), ',' CSV
 * (RFC 4180: a field holding a comma, a double quote or a line break is put
 * in double quotes, each quote doubled). The caller writes the separators
 * and line ends. NULL writes nothing. */
void sl_table_field(FILE *out, char sep, const char *s);

/* ---- text on a terminal ----------------------------------------------------
 * Widths in display columns (utf8proc's character widths: a CJK character
 * is two columns, a combining mark none), so every aligned table storylens
 * prints lines up alike. A byte that is not UTF-8 is one column, as a
 * terminal shows it as one replacement mark. */

/* The columns of the first character of s[0..len) (len >= 1); its length
 * in bytes goes to *step. */
size_t sl_char_width(const char *s, size_t len, size_t *step);

/* The columns of the NUL-terminated s. */
size_t sl_display_width(const char *s);

/* Writes s padded with spaces to width columns, left-aligned or (right 1)
 * right-aligned. When max_width > 1 and s is wider, it is cut at a
 * character to max_width - 1 columns followed by an ellipsis. */
void sl_put_padded(FILE *out, const char *s, size_t width, size_t max_width, int right);

#ifdef __cplusplus
}
#endif
#endif

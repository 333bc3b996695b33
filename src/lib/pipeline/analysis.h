/*
 * analysis.h - the state of one run, shared by the pipeline driver
 * (analysis.c) and the writers (write_json.c, write_table.c).
 */
#ifndef SL_ANALYSIS_H
#define SL_ANALYSIS_H

#include <jansson.h>

#include "count/aggregate.h"
#include "core/doc.h"
#include "lexicon/lexicon.h"
#include "core/options.h"
#include "read/read.h"
#include "count/report.h"
#include "core/strmap.h"

/* One --by field: its values, each with its totals. */
typedef struct sl_group_field {
    const char *field;   /* borrowed from the options */
    sl_strmap values;    /* value -> index into accums */
    sl_accum *accums;
    size_t n, cap;
} sl_group_field;

/* One --per-document row, kept in input order. */
typedef struct sl_docrow {
    char *id;
    uint64_t tokens;
    sl_meta *meta;
    size_t nmeta;
    uint32_t *theme_hits;
    uint32_t *dir;       /* with direction: the story's direction counts (sl_docres.dir) */
} sl_docrow;

/* A part's first story with invalid UTF-8 (split.c): a part cannot warn,
 * as only the whole knows on which line of the file the story is. */
typedef struct sl_bad_utf8 {
    int seen;
    unsigned long line;  /* in the part's piece */
    char *id;            /* owned */
    int id_from_line;    /* id is "FILE:LINE" with the piece's line */
    uint64_t n;
} sl_bad_utf8;

struct sl_analysis {
    const sl_lexicon *lex;
    const sl_options *opts;
    sl_shape shape;
    sl_accum total;
    sl_group_field *groups; /* opts->nby */
    sl_docrow *rows;
    size_t nrows, rows_cap;
    struct sl_worker *workers;
    int nthreads;
    int borrowed_workers;   /* a part of a split file: workers are the whole's,
                             * and invalid UTF-8 is noted in bad_utf8, not warned of */
    sl_bad_utf8 bad_utf8;
    struct sl_batch *batch;    /* being filled, analysed next */
    struct sl_batch *analysed; /* analysed, summed next (-j > 1), or NULL */
    struct sl_batch *spare;    /* read into while batch is analysed (-j > 1) */
    sl_status failed;       /* sticky: a failed run writes nothing */
    sl_progress progress;   /* stories and bytes analysed so far */
    sl_report report;       /* skipped records and files, regex failures */
    size_t split_files;     /* files analysed in pieces (split.c), for tests */
    unsigned long long progress_shown; /* the most stories a progress call has
                            * given: after an abandoned split (split.c) the
                            * file is read again, and progress never goes back */
};

/* One value of a --by field, for writing groups in byte order of value. */
typedef struct sl_group_value {
    const char *value;     /* borrowed from the field's map */
    const sl_accum *accum;
} sl_group_value;

/* The values of g sorted by strcmp. Caller frees the array; NULL on OOM. */
sl_group_value *sli_group_sorted(const sl_group_field *g);

/* Writers. */
sl_status sli_write_json(const sl_analysis *an, FILE *out, sl_error *err);
sl_status sli_write_table(const sl_analysis *an, FILE *out, char sep, sl_error *err);
/* One field of a tidy table: TSV (sep '\t': tabs and line breaks become
 * spaces) or CSV (RFC 4180 quoting). NULL writes nothing. */
void sl_table_field(FILE *out, char sep, const char *s);
sl_status sli_write_summary(const sl_analysis *an, FILE *out, sl_error *err);

/* json_dumpf() of root and a final newline, through a buffer of our own:
 * jansson hands json_dumpf's FILE a few bytes per fwrite, and each fwrite
 * takes the stream's lock, which for a 5,000-entry lexicon's output was a
 * tenth of a run's fixed cost. 0, or -1 when a write fails. */
int sli_json_write(const json_t *root, FILE *out, size_t flags);

/* One story as a JSON object {id, text, metadata...}; invalid UTF-8 becomes
 * U+FFFD. New reference; NULL when out of memory. */
json_t *sli_json_story(const char *id, const char *text, size_t text_len, const sl_meta *meta,
                      size_t nmeta);

/* Derived figures, shared by the writers so JSON and tables agree. They
 * return 0 and set *ok = 0 where the figure is undefined. */
double sli_fixed(double x);
double sli_jaccard(uint64_t ab, uint64_t a, uint64_t b, int *ok);
double sli_npmi(uint64_t ab, uint64_t a, uint64_t b, uint64_t n, int *ok);
const char *sli_unit_name(const sl_unit *u, char *buf, size_t size);
const char *sli_polarity_name(sl_polarity p);

/* Merging parts (merge.c): the totals of a --by value, created on first
 * use (borrowed; NULL on OOM), and the settings object the JSON writer
 * writes (new reference; NULL on OOM). */
sl_accum *sli_analysis_group_accum(sl_analysis *an, size_t g, const char *value);

/* One thread's part of a split file (split.c): an analysis with opts
 * (one thread) that uses worker i of whole, so that thread keeps its word
 * cache and matcher warm from file to file. Free it before whole. */
sl_status sli_analysis_new_part(sl_analysis **out, sl_analysis *whole, int i,
                               const sl_options *opts, sl_error *err);

/* Reads every story of rd (borrowed) into an and sums them: a piece of a
 * split file (split.c). */
sl_status sli_analysis_add_reader(sl_analysis *an, sl_reader *rd, sl_error *err);

/* A large JSONL file analysed in pieces, one reader per thread (split.c).
 * sli_split_wanted: whether the run allows it for path (more than one
 * thread, nothing shown per story). sli_split_file sets *done = 1 when it
 * analysed the whole file into an; *done = 0 when the file is too small
 * or not clean, for the ordinary path to read it, with none of it in an
 * (the stories an held from before the file may have been summed). */
int sli_split_wanted(const sl_analysis *an, const char *path);
sl_status sli_split_file(sl_analysis *an, const char *path, int *done, sl_error *err);
/* The piece size (0: the default), for tests to split small files. */
void sli_split_set_piece_bytes(size_t bytes);
json_t *sli_json_settings(const sl_analysis *an);

#endif

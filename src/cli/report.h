/*
 * report.h - what the parts of storylens report share: the quotes kept
 * while the stories stream past (report_quotes.c) and the page written
 * from an analysis JSON and those quotes (report_write.c).
 */
#ifndef SL_CLI_REPORT_H
#define SL_CLI_REPORT_H
#include <jansson.h>
#include <stdio.h>

#include "html.h"
#include "storylens/storylens.h"

/* One quote: a whole sentence of a story, with the spans it is quoted for. */
typedef struct report_quote {
    cli_quote_rank rank;
    char *id;            /* the story id */
    char *meta;          /* "key: value" pairs joined by "; " (raw text) */
    char *text;          /* the sentence, raw bytes of the story */
    size_t len;
    size_t *marks;       /* [start, end) pairs into text, sorted, not overlapping */
    size_t nmarks;
} report_quote;

/* The best k quotes of every theme, by lexicon theme index: bounded memory
 * however many stories pass. */
typedef struct report_quotes {
    const sl_lexicon *lex;
    size_t k, nthemes;
    report_quote *q;     /* nthemes * k */
    size_t *n;           /* kept per theme */
    size_t stories;      /* stories seen */
    int nomem;
} report_quotes;

/* 0, or -1 when out of memory. */
int report_quotes_init(report_quotes *rq, const sl_lexicon *lex, size_t k);
void report_quotes_free(report_quotes *rq);
/* The story handler (sl_story_fn) that fills rq (user). */
void report_quotes_story(void *user, const sl_story_view *st, const sl_hit_view *hits, size_t n);
/* Theme name's quotes: *n of them, best first (NULL, 0 when none). */
const report_quote *report_quotes_of(const report_quotes *rq, const char *theme, size_t *n);

/* What the page says about where its figures and quotes came from. */
typedef struct report_source {
    const char *analysis;        /* --analysis FILE, or NULL */
    const char *const *inputs;   /* the INPUTs named (none: standard input) */
    size_t ninputs;
    const report_quotes *quotes; /* NULL: no stories were read */
    const char *no_quotes;       /* why there are none, when quotes is NULL */
} report_source;

/* The whole HTML page for the analysis JSON doc. 0, or -1 when doc is not
 * an analysis (the reason in why, a static string). */
int report_write(FILE *f, const json_t *doc, const report_source *src, const char **why);

/* ---- shared by the page (report_write.c) and its charts (report_chart.c) */

/* doc's key as a string ("" when absent or not a string) / a number (0). */
const char *report_str(const json_t *o, const char *key);
double report_num(const json_t *o, const char *key);
/* A theme's label from the lexicon, else its name. */
const char *report_label(const json_t *theme, const char *name);
/* A share as "20.0%"; buf of at least 16 bytes. */
const char *report_pct(double share, char *buf);
/* 1 when theme a is an ancestor of b or b of a, within themes. */
int report_related(const json_t *themes, const char *a, const char *b);
/* 1 when the theme is drawn in the charts: not a sub-theme that is its
 * parent's only one with the same stories (its bar would repeat the
 * parent's). */
int report_drawn(const json_t *themes, const char *name);

/* The share chart (section 3), a field's grouped chart (section 4) and the
 * co-occurrence heat map (section 5). */
void report_share_chart(FILE *f, const json_t *doc);
void report_group_chart(FILE *f, const json_t *doc, const char *field, const json_t *groups,
                        const char *id);
void report_heatmap(FILE *f, const json_t *doc);
#endif

/*
 * html.h - the pure helpers behind storylens report: text made safe for
 * HTML, and the order in which quotes are preferred (html.c).
 */
#ifndef SL_CLI_HTML_H
#define SL_CLI_HTML_H
#include <stddef.h>
#include <stdio.h>

/* s[0..n) as HTML text or attribute value: & < > " ' as entities, bytes
 * that are not UTF-8 as U+FFFD, control characters (NUL, CR, ...) as a
 * space, so any story text makes a valid document. Caller frees; NULL
 * when out of memory. */
char *cli_html_escaped(const char *s, size_t n);
/* The same, written to f (NUL-terminated s). */
void cli_html_put(FILE *f, const char *s);

/* What decides which sentence quotes a theme: a sentence holding a hit
 * whose direction a change trigger decided (improved or worsened) first,
 * then the shorter, then the earlier story, then the earlier sentence. */
typedef struct cli_quote_rank {
    int changed;    /* 1: a hit in it is improved or worsened */
    size_t length;  /* the sentence's bytes */
    size_t story;   /* the story's place in the run */
    size_t start;   /* the sentence's first byte in the story */
} cli_quote_rank;

/* 1 when a is preferred to b. */
int cli_quote_before(const cli_quote_rank *a, const cli_quote_rank *b);
/* Where cand goes among the n (<= k) kept ranks, best first: its index,
 * or k when it is not among the best k. */
size_t cli_quote_slot(const cli_quote_rank *kept, size_t n, size_t k,
                      const cli_quote_rank *cand);
#endif

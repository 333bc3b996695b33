/*
 * html.c - text into HTML for storylens report, and the quote order.
 *
 * Story text is whatever the inputs held: markup characters, bytes that
 * are not UTF-8, control characters. Every byte of it reaches the report
 * through cli_html_escaped, so a story can neither break the document nor
 * inject markup, and the file stays valid UTF-8 for any browser or
 * validator. The quote order is a total order on plain numbers, so the
 * same corpus picks the same quotes at any -j.
 */
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "html.h"

/* What byte c at the start of a character becomes, or NULL to copy it. */
static const char *entity(unsigned char c)
{
    switch (c) {
    case '&': return "&amp;";
    case '<': return "&lt;";
    case '>': return "&gt;";
    case '"': return "&quot;";
    case '\'': return "&#39;";
    case '\t': case '\n': return NULL;
    }
    return c < 0x20 || c == 0x7F ? " " : NULL;
}

char *cli_html_escaped(const char *s, size_t n)
{
    /* the longest replacement, "&quot;", is 6 bytes for 1 */
    char *out = malloc(n * 6 + 1), *o = out;
    if (!out)
        return NULL;
    for (size_t i = 0; i < n;) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t len = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
                                                (utf8proc_ssize_t)(n - i), &cp);
        const char *e = len == 1 ? entity((unsigned char)s[i]) : NULL;
        if (len <= 0) {
            memcpy(o, "\xEF\xBF\xBD", 3);
            o += 3;
            i++;
        } else if (e) {
            size_t m = strlen(e);
            memcpy(o, e, m);
            o += m;
            i++;
        } else {
            memcpy(o, s + i, (size_t)len);
            o += len;
            i += (size_t)len;
        }
    }
    *o = '\0';
    return out;
}

void cli_html_put(FILE *f, const char *s)
{
    char *e = cli_html_escaped(s, strlen(s));
    if (e)
        fputs(e, f);
    else
        fputs("\xEF\xBF\xBD", f); /* out of memory: the write fails visibly, not the page */
    free(e);
}

int cli_quote_before(const cli_quote_rank *a, const cli_quote_rank *b)
{
    if (a->changed != b->changed)
        return a->changed > b->changed;
    if (a->length != b->length)
        return a->length < b->length;
    if (a->story != b->story)
        return a->story < b->story;
    return a->start < b->start;
}

size_t cli_quote_slot(const cli_quote_rank *kept, size_t n, size_t k,
                      const cli_quote_rank *cand)
{
    size_t i = 0;
    while (i < n && !cli_quote_before(cand, &kept[i]))
        i++;
    return i < k ? i : k;
}

/*
 * fold.c - surface forms of matched spans (see fold.h).
 *
 * White space is collapsed before folding so a phrase broken across lines
 * ("cut\r\noff") is one form with "cut off"; utf8proc does the folding so it
 * agrees with the tokeniser's case-folded words.
 */
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "text/fold.h"

static int is_space(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

/* Copies text with each white-space run made one space, trimmed. */
static char *collapse_space(const char *text, size_t len, size_t *out_len)
{
    char *buf = malloc(len + 1);
    if (!buf)
        return NULL;
    size_t n = 0;
    int pending = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)text[i];
        if (is_space(c)) {
            pending = n > 0;
            continue;
        }
        if (pending)
            buf[n++] = ' ';
        pending = 0;
        buf[n++] = (char)c;
    }
    buf[n] = '\0';
    *out_len = n;
    return buf;
}

char *sli_fold_span(const char *text, size_t len, size_t *out_len)
{
    size_t n;
    char *plain = collapse_space(text, len, &n);
    if (!plain)
        return NULL;
    utf8proc_uint8_t *folded = NULL;
    utf8proc_ssize_t r = utf8proc_map((const utf8proc_uint8_t *)plain, (utf8proc_ssize_t)n,
                                      &folded, UTF8PROC_STABLE | UTF8PROC_COMPOSE |
                                                   UTF8PROC_CASEFOLD);
    if (r < 0) {
        /* Invalid UTF-8 (or no memory): the bytes as they are are still the
         * most honest form to show. */
        free(folded);
        *out_len = n;
        return plain;
    }
    free(plain);
    *out_len = (size_t)r;
    return (char *)folded;
}

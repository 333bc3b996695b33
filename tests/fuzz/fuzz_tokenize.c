/*
 * fuzz_tokenize.c - the tokeniser on arbitrary bytes. Checks the
 * invariants every later stage relies on: tokens are in order, inside the
 * text and non-empty; sentences hold their tokens in order. A token of
 * ASCII bytes only (the fast paths' work, sixteen and eight bytes at a
 * time) must fold to exactly its bytes lower-cased, cut at SL_FOLD_CAP.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "core/doc.h"
#include "fuzz.h"
#include "text/tokenize.h"

/* For a token of ASCII bytes: its fold is the bytes lower-cased (the C
 * locale's tolower), cut at SL_FOLD_CAP, and NUL-terminated. Other tokens
 * pass: Unicode folding is utf8proc's, checked by the unit tests. */
static int ascii_fold_ok(const sl_tokens *t, const sl_token *k, const char *text)
{
    for (size_t j = k->start; j < k->end; j++)
        if ((unsigned char)text[j] >= 0x80)
            return 1;
    size_t n = k->end - k->start < SL_FOLD_CAP ? k->end - k->start : SL_FOLD_CAP;
    const char *f = t->fold + k->fold_off;
    if (sli_token_fold_len(t, (size_t)(k - t->tok)) != n || f[n] != '\0')
        return 0;
    for (size_t j = 0; j < n; j++)
        if (f[j] != (char)tolower((unsigned char)text[k->start + j]))
            return 0;
    return 1;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > SL_FUZZ_MAX_INPUT)
        return 0;
    /* story texts carry SL_TEXT_PAD zero bytes after them (doc.h) */
    char *text = calloc(1, size + 1 + SL_TEXT_PAD);
    if (!text)
        return 0;
    memcpy(text, data, size);
    sl_tokens t;
    sli_tokens_init(&t);
    if (sli_tokenize(&t, text, size) == 0) {
        size_t prev_end = 0;
        for (size_t i = 0; i < t.n; i++) {
            if (t.tok[i].start >= t.tok[i].end || t.tok[i].end > size ||
                t.tok[i].start < prev_end)
                abort();
            prev_end = t.tok[i].end;
            if (!ascii_fold_ok(&t, &t.tok[i], text))
                abort();
        }
        size_t next = 0;
        for (size_t s = 0; s < t.nsent; s++) {
            if (t.sent[s].first_token < next || t.sent[s].start > t.sent[s].end ||
                t.sent[s].end > size || (size_t)t.sent[s].first_token + t.sent[s].ntokens > t.n)
                abort();
            next = (size_t)t.sent[s].first_token + t.sent[s].ntokens;
        }
        if (t.invalid_utf8 > size)
            abort();
    }
    sli_tokens_free(&t);
    free(text);
    return 0;
}

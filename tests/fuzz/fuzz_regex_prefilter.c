/*
 * fuzz_regex_prefilter.c - the regex literal prefilter against PCRE2 over
 * every sentence. The input is a lexicon, a line "----", then a story:
 * the lexicon's regexes (any pattern text the fuzzer invents) are matched
 * with the prefilter and without it, and the hits must be the same. The
 * one allowed difference (match_regex.c): a sentence the prefilter rules
 * out is not searched, so a PCRE2 limit reached there only in the
 * reference run is not compared. The fuzz build lowers the limits.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fuzz.h"
#include "lexicon/lexicon.h"
#include "match/match.h"
#include "text/tokenize.h"

static sl_lexicon *load(const uint8_t *data, size_t size)
{
    char path[] = "/tmp/sl-fuzz-prefilterXXXXXX";
    int fd = mkstemp(path);
    if (fd < 0)
        return NULL;
    sl_lexicon *lex = NULL;
    if (write(fd, data, size) == (ssize_t)size) {
        const char *paths[] = {path};
        sl_error err;
        if (sl_lexicon_load(&lex, paths, 1, "english", &err) != SL_OK)
            lex = NULL;
    }
    close(fd);
    unlink(path);
    return lex;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 16384)
        return 0;
    const uint8_t *sep = NULL;
    for (size_t i = 0; i + 5 <= size && !sep; i++)
        if (memcmp(data + i, "----\n", 5) == 0)
            sep = data + i;
    if (!sep)
        return 0;
    sl_lexicon *lex = load(data, (size_t)(sep - data));
    if (!lex)
        return 0;
    const char *text = (const char *)sep + 5;
    size_t len = size - (size_t)(sep + 5 - data);
    sl_matcher *fast = NULL, *ref = NULL;
    sl_error err;
    sl_tokens toks;
    sli_tokens_init(&toks);
    if (sli_matcher_new(&fast, lex, &err) == SL_OK && sli_matcher_new(&ref, lex, &err) == SL_OK &&
        sli_tokenize(&toks, text, len) == 0) {
        sli_matcher_set_prefilter(ref, 0);
        const sl_hits *a, *b;
        sl_status sa = sli_match(fast, text, &toks, "s", &a, &err);
        sl_status sb = sli_match(ref, text, &toks, "s", &b, &err);
        if (sb == SL_OK && (sa != SL_OK || !sli_hits_equal(a, b)))
            abort(); /* the prefilter changed what the regexes count */
        if (sa == SL_EDATA && sb == SL_OK)
            abort(); /* it can only skip work, never add a limit failure */
    }
    sli_tokens_free(&toks);
    sli_matcher_free(fast);
    sli_matcher_free(ref);
    sl_lexicon_free(lex);
    return 0;
}

/*
 * match_regex.c - regex entries against one story: each regex is run by
 * PCRE2 over each wanted sentence on its own, so a match never crosses a
 * sentence, and its byte range is mapped back to the tokens it overlaps.
 *
 * A regex with required literals (regex_literals.h) runs only in the
 * sentences where a token holds one of them: each distinct word was
 * tested once, when annotate() gave it its atoms, and the regexes it may
 * match follow those atoms as numbers past the lexicon's atoms. PCRE2 calls
 * per story drop from (regexes x sentences) to the pairs that can match.
 * A sentence ruled out this way holds no match, so the hits are the same;
 * one thing differs: a pattern that would exceed PCRE2's limits there
 * without matching is not run there, so it is not reported there either.
 */
#include <stdlib.h>
#include <string.h>

#include "core/error.h"
#include "match/match_impl.h"
#include "match/regex_literals.h"
#include "core/sort.h"

/* The first token of the sentence ending after byte off (lo..hi search). */
static uint32_t first_token_ending_after(const sl_tokens *toks, uint32_t lo, uint32_t hi,
                                         size_t off)
{
    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2;
        if (toks->tok[mid].end <= off)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

static sl_status regex_fail(const sl_matcher *m, const sl_entry *e, int rc, const char *doc_id,
                            sl_error *err)
{
    PCRE2_UCHAR msg[256];
    pcre2_get_error_message(rc, msg, sizeof msg);
    return sli_fail(err, SL_EDATA,
                   "%s:%u:%u: regex failed on story \"%s\": %s; simplify the pattern "
                   "(nested or unbounded repeats backtrack) or anchor it",
                   m->lex->files[e->file].path, (unsigned)e->line, (unsigned)e->col, doc_id,
                   (const char *)msg);
}

static sl_status regex_in_sentence(sl_matcher *m, const char *text, const sl_tokens *toks,
                                   const sl_sentence *s, uint32_t ei, const char *doc_id,
                                   sl_error *err)
{
    const sl_entry *e = &m->lex->entries[ei];
    PCRE2_SPTR subj = (PCRE2_SPTR)(text + s->start);
    PCRE2_SIZE len = s->end - s->start, at = 0;
    uint32_t lo = s->first_token, hi = s->first_token + s->ntokens;
    while (at <= len) {
        int rc = pcre2_match(e->re, subj, len, at, 0, m->md, m->mctx);
        if (rc == PCRE2_ERROR_NOMATCH)
            return SL_OK;
        if (rc < 0) {
            m->last_rc = rc;
            return regex_fail(m, e, rc, doc_id, err);
        }
        PCRE2_SIZE *ov = pcre2_get_ovector_pointer(m->md);
        size_t ms = s->start + ov[0], me = s->start + ov[1];
        uint32_t ts = first_token_ending_after(toks, lo, hi, ms);
        uint32_t te = ts;
        while (te < hi && toks->tok[te].start < me)
            te++;
        /* an empty match overlaps no token, even one it falls inside */
        if (me > ms && te > ts && push_cand(cand_list(m, e), ei, e->theme, ts, te) != 0)
            return sli_fail_nomem(err);
        at = ov[1] > ov[0] ? ov[1] : ov[1] + 1;
        while (at < len && (subj[at] & 0xC0) == 0x80)
            at++; /* an empty match moves on by a whole character */
    }
    return SL_OK;
}

static int record_failure(sl_matcher *m, uint32_t entry)
{
    size_t n = m->fail_entry.n;
    if (vec_reserve(&m->fail_entry, sizeof(uint32_t), n + 1) != 0 ||
        vec_reserve(&m->fail_code, sizeof(int), n + 1) != 0)
        return -1;
    ((uint32_t *)m->fail_entry.p)[n] = entry;
    ((int *)m->fail_code.p)[n] = m->last_rc;
    m->fail_entry.n = m->fail_code.n = n + 1;
    return 0;
}

#define LESS_U64(x, y) (*(x) < *(y))
SL_DEFINE_SORT(sort_keys, uint64_t, LESS_U64)

static int push_key(sl_matcher *m, uint64_t key)
{
    if (vec_reserve(&m->rx_keys, sizeof key, m->rx_keys.n + 1) != 0)
        return -1;
    ((uint64_t *)m->rx_keys.p)[m->rx_keys.n++] = key;
    return 0;
}

/* The (regex << 32 | sentence) pairs worth running, sorted and each once:
 * a filtered regex with a literal in some token of a wanted sentence (the
 * word marks annotate() left after each word's atoms), from the list of
 * wanted tokens with atoms that lookup_tokens made. */
static int collect_keys(sl_matcher *m, const sl_tokens *toks)
{
    const sl_lexicon *lex = m->lex;
    m->rx_keys.n = 0;
    for (size_t h = 0; h < m->tok_hot.n; h++) { /* the wanted tokens with atoms */
        size_t i = ((const uint32_t *)m->tok_hot.p)[h];
        const uint32_t *ann = token_ann(m, i);
        uint32_t s = toks->tok[i].sentence, cnt = ann[1];
        const uint32_t *atoms = (const uint32_t *)m->pool.p + ann[0];
        for (uint32_t k = cnt; k-- > 0 && atoms[k] >= lex->natoms;) {
            size_t r = atoms[k] - lex->natoms;
            if (r < lex->nregexes) {
                if (push_key(m, (uint64_t)r << 32 | s) != 0)
                    return -1;
                continue;
            }
            for (r = 0; r < lex->nregexes; r++) /* a word the test cannot judge */
                if (sli_regex_index_filtered(m->rx, r) && push_key(m, (uint64_t)r << 32 | s))
                    return -1;
        }
    }
    uint64_t *key = m->rx_keys.p;
    if (sort_keys(key, m->rx_keys.n, &m->rx_keys_tmp, &m->rx_keys_tmp_cap) != 0)
        return -1;
    size_t w = 0;
    for (size_t i = 0; i < m->rx_keys.n; i++)
        if (w == 0 || key[i] != key[w - 1])
            key[w++] = key[i];
    m->rx_keys.n = w;
    return 0;
}

/* The next sentence regex r runs in, or -1: from the keys (*k walks them)
 * when r is filtered, else every wanted sentence of the call's range
 * after *s. */
static long next_sentence(const sl_matcher *m, const uint8_t *mask, int filtered, size_t r,
                          size_t *k, long *s)
{
    if (filtered) {
        const uint64_t *key = m->rx_keys.p;
        while (*k < m->rx_keys.n && key[*k] >> 32 < r)
            (*k)++;
        if (*k < m->rx_keys.n && key[*k] >> 32 == r)
            return (long)(uint32_t)key[(*k)++];
        return -1;
    }
    if (*s < (long)m->s_lo - 1)
        *s = (long)m->s_lo - 1;
    while (++*s < (long)m->s_hi)
        if (wanted(mask, (uint32_t)*s))
            return *s;
    return -1;
}

sl_status sli_match_regexes(sl_matcher *m, const char *text, const sl_tokens *toks,
                           const uint8_t *mask, const char *doc_id, sl_error *err)
{
    const sl_lexicon *lex = m->lex;
    if (lex->nregexes == 0)
        return SL_OK;
    int prefilter = m->rx && !m->rx_off;
    size_t k = 0;
    if (prefilter && collect_keys(m, toks) != 0)
        return sli_fail_nomem(err);
    for (size_t r = 0; r < lex->nregexes; r++) {
        vec *into = cand_list(m, &lex->entries[lex->regexes[r]]);
        size_t mark = into->n;
        int filtered = prefilter && sli_regex_index_filtered(m->rx, r);
        long s = -1, at;
        while ((at = next_sentence(m, mask, filtered, r, &k, &s)) >= 0) {
            sl_status st =
                regex_in_sentence(m, text, toks, &toks->sent[at], lex->regexes[r], doc_id, err);
            if (st == SL_EDATA && m->skip_failures) {
                /* the entry counts nowhere in this story, not even in the
                 * sentences it got through before the limit */
                into->n = mark;
                if (record_failure(m, lex->regexes[r]) != 0)
                    return sli_fail_nomem(err);
                break;
            }
            if (st != SL_OK)
                return st;
        }
    }
    return SL_OK;
}

void sli_matcher_set_prefilter(sl_matcher *m, int on)
{
    m->rx_off = !on;
}

void sli_regex_failure_text(const sl_lexicon *lex, uint32_t entry, int code, char *where,
                           size_t where_size, char *why, size_t why_size)
{
    const sl_entry *e = &lex->entries[entry];
    snprintf(where, where_size, "%s:%u:%u", lex->files[e->file].path, (unsigned)e->line,
             (unsigned)e->col);
    PCRE2_UCHAR msg[256];
    pcre2_get_error_message(code, msg, sizeof msg);
    snprintf(why, why_size, "%s", (const char *)msg);
}

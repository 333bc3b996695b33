/*
 * match_regex.c - regex entries against one story: each regex is run by
 * PCRE2 over each wanted sentence on its own, so a match never crosses a
 * sentence, and its byte range is mapped back to the tokens it overlaps.
 */
#include <string.h>

#include "error.h"
#include "match_impl.h"

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
    return sl_fail(err, SL_EDATA,
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
        if (me > ms && te > ts && push_cand(&m->cands, ei, e->theme, ts, te) != 0)
            return sl_fail_nomem(err);
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

sl_status sl_match_regexes(sl_matcher *m, const char *text, const sl_tokens *toks,
                                  const uint8_t *mask, const char *doc_id, sl_error *err)
{
    for (size_t r = 0; r < m->lex->nregexes; r++) {
        size_t mark = m->cands.n;
        for (size_t s = 0; s < toks->nsent; s++) {
            if (!wanted(mask, (uint32_t)s))
                continue;
            sl_status st = regex_in_sentence(m, text, toks, &toks->sent[s], m->lex->regexes[r],
                                             doc_id, err);
            if (st == SL_EDATA && m->skip_failures) {
                /* the entry counts nowhere in this story, not even in the
                 * sentences it got through before the limit */
                m->cands.n = mark;
                if (record_failure(m, m->lex->regexes[r]) != 0)
                    return sl_fail_nomem(err);
                break;
            }
            if (st != SL_OK)
                return st;
        }
    }
    return SL_OK;
}

void sl_regex_failure_text(const sl_lexicon *lex, uint32_t entry, int code, char *where,
                           size_t where_size, char *why, size_t why_size)
{
    const sl_entry *e = &lex->entries[entry];
    snprintf(where, where_size, "%s:%u:%u", lex->files[e->file].path, (unsigned)e->line,
             (unsigned)e->col);
    PCRE2_UCHAR msg[256];
    pcre2_get_error_message(code, msg, sizeof msg);
    snprintf(why, why_size, "%s", (const char *)msg);
}

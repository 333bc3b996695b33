/*
 * suggest.c - words and two-word phrases no lexicon entry covers, ranked
 * by keyness (storylens suggest).
 *
 * Each story handed over by the story handler is tokenised again with the
 * same tokeniser the matcher used, so the hits' byte ranges line up with
 * tokens exactly; a token inside any counted hit is covered. Uncovered
 * tokens count by stem (one stem cache, on the caller's thread), and two
 * adjacent uncovered tokens of one sentence count as a stem pair. The
 * focus side is the stories with a hit (or every story, against a
 * reference corpus); the other side is the rest of the corpus (or the
 * reference, where every token counts).
 *
 * Keyness is Dunning's (1993) log-likelihood over the 2x2 table
 *
 *                    candidate   other tokens
 *      focus         a           n1 - a          (n1 focus tokens)
 *      reference     b           n2 - b          (n2 reference tokens)
 *
 *   G2 = 2 * sum over the four cells of O * ln(O / E),  E = row * column / N,
 *
 * with 0 ln 0 = 0, signed + when a/n1 > b/n2 (over-used in the focus). The
 * token totals n1 and n2 count every token, covered or not, so a phrase is
 * measured against the same denominators as a word - a usual simplification.
 */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "core/error.h"
#include "core/vec.h"
#include "text/stem.h"
#include "core/strmap.h"
#include "tune/suggest.h"
#include "text/tokenize.h"

/* Stemmed words longer than this are not candidates: real exports hold
 * pasted base64 and URLs, never lexicon material. */
#define MAX_CAND_WORD 64
/* Bound on words cached before the stem cache is emptied between stories. */
#define STEM_CACHE_WORDS 200000

typedef struct cand {
    unsigned long long count, ref;
    uint32_t key_off, key_len;   /* in cands' arena */
    int phrase;
    size_t last_story;           /* 1 + the focus story it was last seen in */
    uint32_t *ids;               /* up to max_ids focus story indices */
    uint32_t nids;
    uint32_t best_form;          /* set while ranking */
} cand;

typedef struct form {
    uint32_t cand;
    unsigned long long count;
    uint32_t key_off, key_len;   /* "CANDIDATE\x1fSURFACE" in forms' arena */
} form;

struct sl_suggest {
    unsigned flags;
    int stop_words;
    size_t max_ids;
    sl_stem_cache *stems;
    sl_tokens toks;
    uint8_t *covered;
    size_t covered_cap;
    sl_strmap cands;             /* candidate text -> index into cand */
    cand *cand;
    size_t ncand, cand_cap;
    sl_strmap forms;             /* candidate + surface -> index into form */
    form *form;
    size_t nform, form_cap;
    char **ids;                  /* focus story ids, input order */
    size_t nids, ids_cap;
    char *key;                   /* scratch for composed keys */
    size_t key_cap;
    sl_suggest_sizes sizes;
    sl_suggestion *out;          /* the last ranking */
    const char **out_ids;
};

/* ---- keyness --------------------------------------------------------- */

static double o_ln_o_over_e(double o, double e)
{
    return o > 0 ? o * log(o / e) : 0;
}

double sli_g2(unsigned long long a, unsigned long long b, unsigned long long n1,
             unsigned long long n2)
{
    if (n1 == 0 || n2 == 0 || a > n1 || b > n2)
        return 0;
    double N = (double)n1 + (double)n2;
    double c1 = (double)a + (double)b, c2 = N - c1;
    double g = 2 * (o_ln_o_over_e((double)a, n1 * c1 / N) +
                    o_ln_o_over_e((double)(n1 - a), n1 * c2 / N) +
                    o_ln_o_over_e((double)b, n2 * c1 / N) +
                    o_ln_o_over_e((double)(n2 - b), n2 * c2 / N));
    if (g <= 0)
        return 0; /* observed = expected, give or take rounding */
    return (double)a * (double)n2 < (double)b * (double)n1 ? -g : g;
}

/* ---- the stop list ---------------------------------------------------- */

/* Function words of English that say nothing about a theme; sorted
 * bytewise for bsearch. Apostrophes are the tokeniser's normalised '. */
static const char *const english_stop[] = {
    "a", "about", "after", "again", "all", "also", "am", "an", "and", "any", "are", "as",
    "at", "be", "because", "been", "before", "being", "both", "but", "by", "can", "could",
    "did", "do", "does", "doing", "don't", "down", "during", "each", "even", "few", "for",
    "from", "further", "had", "has", "have", "having", "he", "he's", "her", "here", "hers",
    "herself", "him", "himself", "his", "how", "i", "i'm", "if", "in", "into", "is", "it",
    "it's", "its", "itself", "just", "me", "more", "most", "my", "myself", "no", "nor",
    "not", "now", "of", "off", "on", "once", "only", "or", "other", "our", "ours",
    "ourselves", "out", "over", "own", "same", "she", "she's", "should", "so", "some",
    "such", "than", "that", "that's", "the", "their", "theirs", "them", "themselves",
    "then", "there", "these", "they", "this", "those", "through", "to", "too", "under",
    "until", "up", "very", "was", "we", "were", "what", "when", "where", "which", "while",
    "who", "whom", "why", "will", "with", "would", "you", "your", "yours", "yourself",
    "yourselves",
};

static int cmp_cstr(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

int sli_english_stop_word(const char *word, size_t len)
{
    char buf[16];
    if (len >= sizeof buf)
        return 0;
    memcpy(buf, word, len);
    buf[len] = '\0';
    const char *key = buf;
    return bsearch(&key, english_stop, sizeof english_stop / sizeof english_stop[0],
                   sizeof english_stop[0], cmp_cstr) != NULL;
}

/* ---- handle ----------------------------------------------------------- */

sl_status sl_suggest_new(sl_suggest **out, const char *language, unsigned flags, size_t max_ids,
                         sl_error *err)
{
    *out = NULL;
    sl_suggest *sg = calloc(1, sizeof *sg);
    if (!sg)
        return sli_fail_nomem(err);
    sg->flags = flags;
    sg->max_ids = max_ids;
    sg->stop_words = (flags & SL_SUGGEST_STOP_WORDS) &&
                     strcmp(language ? language : "english", "english") == 0;
    sli_tokens_init(&sg->toks);
    sli_strmap_init(&sg->cands);
    sli_strmap_init(&sg->forms);
    sl_status s = sli_stem_cache_new(&sg->stems, language, err);
    if (s != SL_OK) {
        sl_suggest_free(sg);
        return s;
    }
    *out = sg;
    return SL_OK;
}

void sl_suggest_free(sl_suggest *sg)
{
    if (!sg)
        return;
    sli_stem_cache_free(sg->stems);
    sli_tokens_free(&sg->toks);
    free(sg->covered);
    sli_strmap_free(&sg->cands);
    for (size_t i = 0; i < sg->ncand; i++)
        free(sg->cand[i].ids);
    free(sg->cand);
    sli_strmap_free(&sg->forms);
    free(sg->form);
    for (size_t i = 0; i < sg->nids; i++)
        free(sg->ids[i]);
    free(sg->ids);
    free(sg->key);
    free(sg->out);
    free(sg->out_ids);
    free(sg);
}

int sl_suggest_stop_words(const sl_suggest *sg)
{
    return sg->stop_words;
}

void sl_suggest_get_sizes(const sl_suggest *sg, sl_suggest_sizes *out)
{
    *out = sg->sizes;
}

/* ---- counting --------------------------------------------------------- */

/* Composes "A" or "A<sep>B" in the scratch buffer (valid until the next call). */
static const char *compose(sl_suggest *sg, const char *a, size_t alen, char sep, const char *b,
                           size_t blen, size_t *len)
{
    size_t n = alen + (b ? 1 + blen : 0);
    if (SL_GROW(sg->key, sg->key_cap, n + 1) != 0)
        return NULL;
    memcpy(sg->key, a, alen);
    if (b) {
        sg->key[alen] = sep;
        memcpy(sg->key + alen + 1, b, blen);
    }
    sg->key[n] = '\0';
    *len = n;
    return sg->key;
}

static cand *find_cand(sl_suggest *sg, const char *text, size_t len, int phrase)
{
    int inserted;
    uint32_t *idx = sli_strmap_put(&sg->cands, text, len, (uint32_t)sg->ncand, &inserted);
    if (!idx)
        return NULL;
    if (!inserted)
        return &sg->cand[*idx];
    if (SL_GROW(sg->cand, sg->cand_cap, sg->ncand + 1) != 0)
        return NULL;
    const char *key = sli_strmap_key_of(&sg->cands, idx, NULL);
    cand *c = &sg->cand[sg->ncand++];
    *c = (cand){.key_off = (uint32_t)(key - sg->cands.arena), .key_len = (uint32_t)len,
                .phrase = phrase};
    return c;
}

static int count_form(sl_suggest *sg, uint32_t ci, const char *cand_text, size_t cand_len,
                      const char *surface, size_t surface_len)
{
    size_t len;
    const char *key = compose(sg, cand_text, cand_len, '\x1f', surface, surface_len, &len);
    int inserted;
    uint32_t *idx = key ? sli_strmap_put(&sg->forms, key, len, (uint32_t)sg->nform, &inserted)
                        : NULL;
    if (!idx)
        return -1;
    if (inserted) {
        if (SL_GROW(sg->form, sg->form_cap, sg->nform + 1) != 0)
            return -1;
        const char *stored = sli_strmap_key_of(&sg->forms, idx, NULL);
        sg->form[sg->nform++] = (form){ci, 0, (uint32_t)(stored - sg->forms.arena),
                                       (uint32_t)len};
    }
    sg->form[*idx].count++;
    return 0;
}

/* Counts one occurrence of a candidate; story is 1 + the focus story index,
 * 0 on the reference side. */
static int count_cand(sl_suggest *sg, const char *text, size_t len, int phrase,
                      const char *surface, size_t surface_len, size_t story)
{
    cand *c = find_cand(sg, text, len, phrase);
    if (!c)
        return -1;
    if (story == 0) {
        c->ref++;
        return 0;
    }
    c->count++;
    if (c->last_story != story && c->nids < sg->max_ids) {
        if (!c->ids && !(c->ids = malloc(sg->max_ids * sizeof *c->ids)))
            return -1;
        c->ids[c->nids++] = (uint32_t)(story - 1);
    }
    c->last_story = story;
    /* text may live in sg->key, which count_form reuses: copy it out first */
    char small[2 * MAX_CAND_WORD * 4 + 2];
    if (len >= sizeof small)
        return 0;
    memcpy(small, text, len);
    return count_form(sg, (uint32_t)(c - sg->cand), small, len, surface, surface_len);
}

static int has_letter(const char *s, size_t len)
{
    utf8proc_ssize_t i = 0;
    while ((size_t)i < len) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
                                              (utf8proc_ssize_t)len - i, &cp);
        if (n <= 0)
            return 0;
        utf8proc_category_t cat = utf8proc_category(cp);
        if (cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO)
            return 1;
        i += n;
    }
    return 0;
}

/* Marks the tokens that any hit's byte range overlaps. */
static int mark_covered(sl_suggest *sg, const sl_hit_view *hits, size_t nhits)
{
    const sl_tokens *t = &sg->toks;
    if (SL_GROW(sg->covered, sg->covered_cap, t->n + 1) != 0)
        return -1;
    memset(sg->covered, 0, t->n + 1);
    for (size_t h = 0; h < nhits; h++) {
        size_t lo = 0, hi = t->n; /* the first token ending after the hit starts */
        while (lo < hi) {
            size_t mid = lo + (hi - lo) / 2;
            if (t->tok[mid].end <= hits[h].start)
                lo = mid + 1;
            else
                hi = mid;
        }
        for (size_t i = lo; i < t->n && t->tok[i].start < hits[h].end; i++)
            sg->covered[i] = 1;
    }
    return 0;
}

/* The stem of token i copied into buf, or 0 when it is no candidate. */
static size_t candidate_stem(sl_suggest *sg, size_t i, char *buf, size_t size)
{
    const sl_token *tk = &sg->toks.tok[i];
    const char *fold = sg->toks.fold + tk->fold_off;
    uint32_t flen = sli_token_fold_len(&sg->toks, i);
    if (sg->covered[i] || flen > MAX_CAND_WORD || !has_letter(fold, flen))
        return 0;
    if (sg->stop_words && sli_english_stop_word(fold, flen))
        return 0;
    sl_word *w = sli_stem_lookup(sg->stems, fold, flen);
    if (!w)
        return (size_t)-1;
    size_t n = sli_word_stem_len(sg->stems, w);
    if (n == 0 || n >= size)
        return 0;
    memcpy(buf, sli_word_stem(sg->stems, w), n);
    buf[n] = '\0';
    return n;
}

static int count_tokens(sl_suggest *sg, size_t story)
{
    char prev[MAX_CAND_WORD * 4 + 1], cur[MAX_CAND_WORD * 4 + 1];
    size_t prev_len = 0;
    const sl_tokens *t = &sg->toks;
    for (size_t i = 0; i < t->n; i++) {
        size_t n = candidate_stem(sg, i, cur, sizeof cur);
        if (n == (size_t)-1)
            return -1;
        const sl_token *tk = &t->tok[i];
        const char *fold = t->fold + tk->fold_off;
        uint32_t flen = sli_token_fold_len(t, i);
        if (n > 0 && count_cand(sg, cur, n, 0, fold, flen, story) != 0)
            return -1;
        if (n > 0 && prev_len > 0 && t->tok[i - 1].sentence == tk->sentence) {
            const sl_token *pk = &t->tok[i - 1];
            char surface[2 * MAX_CAND_WORD * 4 + 2];
            uint32_t plen = sli_token_fold_len(t, i - 1);
            size_t slen = plen + 1 + flen;
            memcpy(surface, t->fold + pk->fold_off, plen);
            surface[plen] = ' ';
            memcpy(surface + plen + 1, fold, flen);
            size_t klen;
            const char *key = compose(sg, prev, prev_len, ' ', cur, n, &klen);
            if (!key || count_cand(sg, key, klen, 1, surface, slen, story) != 0)
                return -1;
        }
        if (n > 0)
            memcpy(prev, cur, n + 1);
        prev_len = n;
    }
    return 0;
}

static sl_status add(sl_suggest *sg, const sl_story_view *story, const sl_hit_view *hits,
                     size_t nhits, int focus, sl_error *err)
{
    sli_stem_cache_trim(sg->stems, STEM_CACHE_WORDS);
    if (sli_tokenize(&sg->toks, story->text, story->text_len) != 0 ||
        mark_covered(sg, hits, nhits) != 0)
        return sli_fail_nomem(err);
    size_t serial = 0;
    if (focus) {
        if (SL_GROW(sg->ids, sg->ids_cap, sg->nids + 1) != 0 ||
            !(sg->ids[sg->nids] = strdup(story->id ? story->id : "")))
            return sli_fail_nomem(err);
        serial = ++sg->nids;
        sg->sizes.focus_stories++;
        sg->sizes.focus_tokens += sg->toks.n;
    } else {
        sg->sizes.ref_stories++;
        sg->sizes.ref_tokens += sg->toks.n;
    }
    return count_tokens(sg, serial) == 0 ? SL_OK : sli_fail_nomem(err);
}

sl_status sl_suggest_add_story(sl_suggest *sg, const sl_story_view *story, const sl_hit_view *hits,
                               size_t nhits, sl_error *err)
{
    int focus = (sg->flags & SL_SUGGEST_REFERENCE) || nhits > 0;
    return add(sg, story, hits, nhits, focus, err);
}

sl_status sl_suggest_add_reference(sl_suggest *sg, const sl_story_view *story, sl_error *err)
{
    return add(sg, story, NULL, 0, 0, err);
}

/* ---- ranking ---------------------------------------------------------- */

typedef struct ranked {
    size_t cand;
    double g2;
    unsigned long long count;
    const char *text;
} ranked;

/* G2 first; count second, which is the whole ranking when one side is
 * empty and every G2 is 0; text last, so equal figures sort the same on
 * every run. */
static int cmp_ranked(const void *a, const void *b)
{
    const ranked *x = a, *y = b;
    if (x->g2 != y->g2)
        return x->g2 < y->g2 ? 1 : -1;
    if (x->count != y->count)
        return x->count < y->count ? 1 : -1;
    return strcmp(x->text, y->text);
}

/* Picks each candidate's example: its most frequent surface, ties bytewise. */
static void pick_examples(sl_suggest *sg)
{
    for (size_t i = 0; i < sg->ncand; i++)
        sg->cand[i].best_form = UINT32_MAX;
    for (size_t f = 0; f < sg->nform; f++) {
        cand *c = &sg->cand[sg->form[f].cand];
        const form *best = c->best_form == UINT32_MAX ? NULL : &sg->form[c->best_form];
        const form *x = &sg->form[f];
        if (!best || x->count > best->count ||
            (x->count == best->count &&
             strcmp(sg->forms.arena + x->key_off, sg->forms.arena + best->key_off) < 0))
            c->best_form = (uint32_t)f;
    }
}

static const char *example_of(const sl_suggest *sg, const cand *c)
{
    if (c->best_form == UINT32_MAX)
        return "";
    const char *key = sg->forms.arena + sg->form[c->best_form].key_off;
    return key + c->key_len + 1; /* after "CANDIDATE\x1f" */
}

sl_status sl_suggest_rank(sl_suggest *sg, unsigned long long min_count, size_t top,
                          const sl_suggestion **out, size_t *n, sl_error *err)
{
    *out = NULL;
    *n = 0;
    if (min_count < 1)
        min_count = 1;
    ranked *r = malloc((sg->ncand ? sg->ncand : 1) * sizeof *r);
    if (!r)
        return sli_fail_nomem(err);
    size_t nr = 0;
    for (size_t i = 0; i < sg->ncand; i++) {
        const cand *c = &sg->cand[i];
        if (c->count < min_count)
            continue;
        r[nr++] = (ranked){i, sli_g2(c->count, c->ref, sg->sizes.focus_tokens,
                                    sg->sizes.ref_tokens), c->count,
                           sg->cands.arena + c->key_off};
    }
    qsort(r, nr, sizeof *r, cmp_ranked);
    if (nr > top)
        nr = top;
    free(sg->out);
    free(sg->out_ids);
    sg->out = malloc((nr ? nr : 1) * sizeof *sg->out);
    sg->out_ids = malloc((nr ? nr : 1) * (sg->max_ids ? sg->max_ids : 1) * sizeof *sg->out_ids);
    if (!sg->out || !sg->out_ids) {
        free(r);
        return sli_fail_nomem(err);
    }
    pick_examples(sg);
    for (size_t k = 0; k < nr; k++) {
        const cand *c = &sg->cand[r[k].cand];
        const char **ids = sg->out_ids + k * sg->max_ids;
        for (uint32_t j = 0; j < c->nids; j++)
            ids[j] = sg->ids[c->ids[j]];
        sg->out[k] = (sl_suggestion){r[k].text, c->phrase, example_of(sg, c), c->count, c->ref,
                                     r[k].g2, (const char *const *)ids, c->nids};
    }
    free(r);
    *out = sg->out;
    *n = nr;
    return SL_OK;
}

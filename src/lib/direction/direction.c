/*
 * direction.c - direction of change and time for each counted hit; see
 * direction.h and README.md ("Direction of change") for the rules.
 *
 * Why a second matcher: modifier triggers are lexicon entries like any
 * other, so they get the same words, wildcards, phrases, regexes and
 * exclusions, but they must never count as themes. Matching them on their
 * own compiled lexicon keeps the theme figures exactly what they are with
 * direction off. Stories without a theme hit skip the modifier pass.
 */
#include "direction/direction.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/error.h"
#include "core/vec.h"
#include "core/sort.h"

const char *const sli_mod_kind_names[SL_MOD_KINDS] = {
    "increase", "decrease", "negation", "avoidance", "baseline", "outcome", "breaker"};

/* Which way each kind reaches when its theme does not say. */
static const uint8_t default_scope[SL_MOD_KINDS] = {
    SL_SCOPE_BOTH, SL_SCOPE_BOTH, SL_SCOPE_FORWARD, SL_SCOPE_FORWARD, SL_SCOPE_FORWARD,
    SL_SCOPE_BOTH, SL_SCOPE_BOTH};

typedef struct trig_vec {
    sl_trigger *v;
    size_t n, cap;
} trig_vec;

struct sl_director {
    const sl_lexicon *mods;
    sl_matcher *matcher;
    int8_t *kind_of;      /* per modifier theme: its sl_mod_kind, -1 for none */
    trig_vec all, kept;   /* candidates across kinds, then the resolved ones */
    size_t s_lo, s_hi;    /* the sentences of the current call */
    size_t base;          /* the first token of sentence s_lo */
    uint32_t *taken;      /* per token from base: 1 when a kept trigger covers it */
    size_t taken_cap;
    sl_hit_dir *dirs;
    size_t dirs_cap;
    uint8_t *sent_mask;   /* per sentence: 1 when it holds a theme hit */
    size_t sent_cap;
    size_t *sent_trig;    /* per sentence s from s_lo: the kept triggers starting
                           * in it are v[sent_trig[2(s - s_lo)]] up to
                           * v[sent_trig[2(s - s_lo) + 1]] (index_triggers) */
    size_t sent_trig_cap;
    uint8_t *sent_kinds;  /* per sentence from s_lo: a bit (1 << kind) for each kind
                           * among its kept triggers (index_triggers) */
    size_t sent_kinds_cap;
    sl_trigger *sort_tmp; /* scratch of the per-story sorts (sort.h) */
    size_t sort_tmp_cap;
};

const char *sl_direction_name(sl_direction d)
{
    switch (d) {
    case SL_DIRECTION_IMPROVED: return "improved";
    case SL_DIRECTION_WORSENED: return "worsened";
    case SL_DIRECTION_MENTIONED: return "mentioned";
    case SL_DIRECTION_NONE: break;
    }
    return "";
}

const char *sl_time_name(sl_time t)
{
    switch (t) {
    case SL_TIME_BEFORE: return "before";
    case SL_TIME_AFTER: return "after";
    case SL_TIME_UNKNOWN: return "unknown";
    case SL_TIME_NONE: break;
    }
    return "";
}

static int kind_named(const char *name)
{
    for (int k = 0; k < SL_MOD_KINDS; k++)
        if (strcmp(name, sli_mod_kind_names[k]) == 0)
            return k;
    return -1;
}

/* Every theme of a modifier lexicon must be one of the kinds: a misspelt
 * [decrese] would otherwise silently do nothing. */
static sl_status check_kinds(const sl_lexicon *lex, sl_error *err)
{
    for (size_t t = 0; t < lex->nthemes; t++) {
        const sl_theme *th = &lex->themes[t];
        if (kind_named(th->name) < 0)
            return sli_fail(err, SL_ELEXICON,
                           "%s:%u:1: unknown modifier kind [%s]; the kinds are increase, "
                           "decrease, negation, avoidance, baseline, outcome and breaker",
                           lex->files[th->file].path, (unsigned)th->line, th->name);
    }
    return SL_OK;
}

sl_status sl_modifiers_load(sl_lexicon **out, const char *const *paths, size_t npaths,
                            const char *language, sl_error *err)
{
    sl_status s = sli_lexicon_load_kind(out, paths, npaths, language, 1, err);
    if (s == SL_OK && (s = check_kinds(*out, err)) != SL_OK) {
        sl_lexicon_free(*out);
        *out = NULL;
    }
    return s;
}

sl_status sli_director_new(sl_director **out, const sl_lexicon *mods, sl_error *err)
{
    *out = NULL;
    sl_director *d = calloc(1, sizeof *d);
    if (!d)
        return sli_fail_nomem(err);
    d->mods = mods;
    d->kind_of = malloc(mods->nthemes + 1);
    if (!d->kind_of) {
        free(d);
        return sli_fail_nomem(err);
    }
    for (size_t t = 0; t < mods->nthemes; t++)
        d->kind_of[t] = (int8_t)kind_named(mods->themes[t].name);
    sl_status s = sli_matcher_new(&d->matcher, mods, err);
    if (s != SL_OK) {
        sli_director_free(d);
        return s;
    }
    *out = d;
    return SL_OK;
}

void sli_director_follow(sl_director *d, sl_matcher *themes)
{
    sli_matcher_follow(d->matcher, themes);
}

void sli_director_free(sl_director *d)
{
    if (!d)
        return;
    sli_matcher_free(d->matcher);
    free(d->kind_of);
    free(d->sort_tmp);
    free(d->all.v);
    free(d->kept.v);
    free(d->taken);
    free(d->dirs);
    free(d->sent_mask);
    free(d->sent_trig);
    free(d->sent_kinds);
    free(d);
}

/* ---- triggers --------------------------------------------------------- */

static int push_trig(trig_vec *tv, sl_trigger t)
{
    if (SL_GROW(tv->v, tv->cap, tv->n + 1) != 0)
        return -1;
    tv->v[tv->n++] = t;
    return 0;
}

static int cmp_longest(const void *a, const void *b)
{
    const sl_trigger *x = a, *y = b;
    uint32_t lx = x->end - x->start, ly = y->end - y->start;
    if (lx != ly)
        return lx > ly ? -1 : 1;
    if (x->start != y->start)
        return x->start < y->start ? -1 : 1;
    if (x->kind != y->kind)
        return x->kind < y->kind ? -1 : 1;
    return (x->entry > y->entry) - (x->entry < y->entry);
}

static int cmp_start(const void *a, const void *b)
{
    const sl_trigger *x = a, *y = b;
    if (x->start != y->start)
        return x->start < y->start ? -1 : 1;
    return (x->kind > y->kind) - (x->kind < y->kind);
}

#define LESS_LONGEST(x, y) (cmp_longest(x, y) < 0)
#define LESS_START(x, y) (cmp_start(x, y) < 0)
SL_DEFINE_SORT(sort_longest, sl_trigger, LESS_LONGEST)
SL_DEFINE_SORT(sort_start, sl_trigger, LESS_START)

/* The trigger as its entry and theme define it. */
static sl_trigger make_trigger(const sl_director *d, const sl_hit *h)
{
    const sl_entry *e = &d->mods->entries[h->entry];
    const sl_theme *th = &d->mods->themes[h->theme];
    int kind = d->kind_of[h->theme];
    uint8_t scope = e->scope ? e->scope : th->scope ? th->scope : default_scope[kind];
    uint16_t dist = e->distance ? e->distance : th->distance ? th->distance : SL_DEFAULT_DISTANCE;
    return (sl_trigger){h->entry, (uint8_t)kind, scope, dist, h->start, h->end};
}

/* Triggers of different kinds that overlap: the longest wins (ties: the
 * earlier start, then kind order), as within one theme, so that "no
 * longer" is a decrease and the "not" of "does not need to" is part of an
 * avoidance, not a negation of its own. */
static int resolve_triggers(sl_director *d, size_t ntok, const sl_hits *mh)
{
    d->all.n = d->kept.n = 0;
    for (size_t i = 0; i < mh->n; i++)
        if (d->kind_of[mh->h[i].theme] >= 0 && push_trig(&d->all, make_trigger(d, &mh->h[i])))
            return -1;
    if (sort_longest(d->all.v, d->all.n, &d->sort_tmp, &d->sort_tmp_cap) != 0)
        return -1;
    if (ntok + 1 > d->taken_cap) { /* the new part zeroed: stamps start unused */
        size_t old = d->taken_cap;
        if (SL_GROW(d->taken, d->taken_cap, ntok + 1) != 0)
            return -1;
        memset(d->taken + old, 0, (d->taken_cap - old) * sizeof *d->taken);
    }
    uint32_t *taken = d->taken, base = (uint32_t)d->base;
    for (size_t i = 0; i < d->all.n; i++) {
        const sl_trigger *t = &d->all.v[i];
        int free_span = 1;
        for (uint32_t k = t->start; k < t->end && free_span; k++)
            free_span = taken[k - base] == 0;
        if (!free_span)
            continue;
        for (uint32_t k = t->start; k < t->end; k++)
            taken[k - base] = 1;
        if (push_trig(&d->kept, *t) != 0)
            return -1;
    }
    for (size_t i = 0; i < d->kept.n; i++) /* leave taken all zero for the next story */
        for (uint32_t k = d->kept.v[i].start; k < d->kept.v[i].end; k++)
            taken[k - base] = 0;
    return sort_start(d->kept.v, d->kept.n, &d->sort_tmp, &d->sort_tmp_cap);
}

/* ---- scope ------------------------------------------------------------ */

/* The kept triggers of one sentence, sorted by start (index_triggers),
 * and a bit for each kind among them. */
typedef struct trig_run {
    const sl_trigger *v;
    size_t n;
    unsigned kinds;
} trig_run;

#define KIND(k) (1u << (k))

/* A clause breaker lies wholly inside the token gap [lo, hi). The gap lies
 * in the run's sentence, so only the run's breakers can: the run is
 * sorted by start, and none starting at hi or later can fit. */
static int breaker_between(const trig_run *run, uint32_t lo, uint32_t hi)
{
    if (!(run->kinds & KIND(SL_MOD_BREAKER)))
        return 0;
    for (size_t i = 0; i < run->n && run->v[i].start < hi; i++)
        if (run->v[i].kind == SL_MOD_BREAKER && run->v[i].start >= lo && run->v[i].end <= hi)
            return 1;
    return 0;
}

/* How far trigger t is from the hit [hs, he) when its scope reaches it:
 * the tokens from the trigger's last token to the hit's first (forward)
 * or from the hit's last token to the trigger's first (backward); 0 when
 * out of scope. A trigger overlapping the hit is part of what the entry
 * says, not a modifier of it. t is of the run of the hit's sentence, so
 * the scope's stop at the sentence end needs no test. */
static uint32_t reach(const trig_run *run, const sl_trigger *t, uint32_t hs, uint32_t he)
{
    uint32_t dist, lo, hi;
    if (t->end <= hs) {
        if (t->scope == SL_SCOPE_BACKWARD)
            return 0;
        dist = hs - (t->end - 1);
        lo = t->end;
        hi = hs;
    } else if (t->start >= he) {
        if (t->scope == SL_SCOPE_FORWARD)
            return 0;
        dist = t->start - (he - 1);
        lo = he;
        hi = t->start;
    } else
        return 0;
    if (dist > t->distance || breaker_between(run, lo, hi))
        return 0;
    return dist;
}

/* Notes each sentence's run of kept triggers (sorted by start) in one
 * pass over both, so that judging a hit needs no search: with thousands
 * of entries a sentence holds many hits, and the two binary searches per
 * hit this replaced were about a fifth of this stage's own instructions
 * (callgrind, 5,000-entry bench lexicon). */
static int index_triggers(sl_director *d, const sl_tokens *toks)
{
    size_t nsent = d->s_hi - d->s_lo;
    if (SL_GROW(d->sent_trig, d->sent_trig_cap, 2 * nsent) != 0 ||
        SL_GROW(d->sent_kinds, d->sent_kinds_cap, nsent) != 0)
        return -1;
    const trig_vec *tv = &d->kept;
    size_t from = 0, to = 0;
    for (size_t s = d->s_lo; s < d->s_hi; s++) {
        const sl_sentence *sn = &toks->sent[s];
        while (from < tv->n && tv->v[from].start < sn->first_token)
            from++;
        if (to < from)
            to = from;
        unsigned kinds = 0;
        while (to < tv->n && tv->v[to].start < sn->first_token + sn->ntokens)
            kinds |= KIND(tv->v[to++].kind);
        d->sent_trig[2 * (s - d->s_lo)] = from;
        d->sent_trig[2 * (s - d->s_lo) + 1] = to;
        d->sent_kinds[s - d->s_lo] = (uint8_t)kinds;
    }
    return 0;
}

#define CHANGE_KINDS (KIND(SL_MOD_INCREASE) | KIND(SL_MOD_DECREASE) | KIND(SL_MOD_AVOIDANCE))
#define TIME_KINDS (KIND(SL_MOD_BASELINE) | KIND(SL_MOD_OUTCOME))

/* Whether token k is a word that opens a new clause after a comma. */
static int conjunction(const char *text, const sl_tokens *toks, size_t k)
{
    static const char *const words[] = {"and", "but", "so", "then", "yet", "or", "because",
                                        "while", "whereas", "although", "though", "whilst"};
    const sl_token *t = &toks->tok[k];
    size_t n = t->end - t->start;
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        if (strlen(words[i]) == n && strncasecmp(text + t->start, words[i], n) == 0)
            return 1;
    return 0;
}

/* Whether the text between tokens a (ending) and b (starting) holds a
 * clause mark: a time cue or a negation binds to the clause it stands in,
 * so "now" in the next clause does not make "had felt alone" current
 * ("she had felt alone, and now she has friends"), and the "can't" of "I
 * can't sleep; I'm exhausted" does not negate the exhaustion. A comma is
 * a clause mark when a conjunction follows it: in "since then he has
 * stopped going, he rarely goes out" the time reaches both halves. */
static int clause_mark(const char *text, const sl_tokens *toks, uint32_t a, uint32_t b)
{
    size_t from = toks->tok[a].end, to = toks->tok[b].start;
    for (size_t i = from; i < to; i++) {
        unsigned char ch = (unsigned char)text[i];
        if (ch == ',') {
            size_t k = a + 1;
            while (k < b && toks->tok[k].start < i)
                k++;
            if (k < toks->n && conjunction(text, toks, k))
                return 1;
            continue;
        }
        if (ch == ';' || ch == ':' || ch == '(' || ch == ')')
            return 1;
        /* an en or em dash (U+2013, U+2014) */
        if (ch == 0xE2 && i + 2 < to && (unsigned char)text[i + 1] == 0x80 &&
            ((unsigned char)text[i + 2] == 0x93 || (unsigned char)text[i + 2] == 0x94))
            return 1;
    }
    return 0;
}

/* Whether time cue t stands in the hit's clause. */
static int same_clause(const char *text, const sl_tokens *toks, const sl_trigger *t,
                       const sl_hit *h)
{
    return t->end <= h->start ? !clause_mark(text, toks, t->end - 1, h->start)
                              : !clause_mark(text, toks, h->end - 1, t->start);
}

/* The trigger kinds a condition consumes: the triggers that meet it are
 * part of what the entry says ("rather than" in avoided(<care_home>)),
 * not modifiers of it. */
static unsigned consumed_kinds(uint8_t cond)
{
    return cond == SL_COND_AVOIDED ? KIND(SL_MOD_AVOIDANCE) | KIND(SL_MOD_DECREASE)
         : cond == SL_COND_ENDED ? KIND(SL_MOD_DECREASE) : 0;
}

/* The direction a hit's polarity, change trigger and time give it. */
static void decide(sl_hit_dir *r, const trig_vec *tv, int sign, int32_t change, int32_t when)
{
    if (sign == 0)
        return; /* a neutral theme is only ever mentioned */
    if (change >= 0) {
        sign *= tv->v[change].kind == SL_MOD_INCREASE ? 1 : -1;
        r->direction = sign > 0 ? SL_DIRECTION_IMPROVED : SL_DIRECTION_WORSENED;
        r->trigger = change;
    } else if (r->time == SL_TIME_AFTER) {
        r->direction = sign > 0 ? SL_DIRECTION_IMPROVED : SL_DIRECTION_WORSENED;
        r->trigger = when;
    } else if (r->time == SL_TIME_UNKNOWN && sign > 0) {
        /* a good state outside the baseline: in a change story, the outcome */
        r->direction = SL_DIRECTION_IMPROVED;
    }
}

/* Whether trigger t lies inside another hit of h's theme: it is then part
 * of what that hit's entry says ("less" in "less isolated") and modifies
 * no other hit of the theme ("a busy week" after it). It never modifies
 * the hit it overlaps (reach). Hits come sorted by theme and start, and a
 * theme's hits are disjoint (the matcher resolves overlaps within a
 * theme), so the only one that can hold t is the last of h's theme
 * starting at or before it: one binary search, not a walk of the theme's
 * hits for every trigger of every hit. */
static int inside_hit(const sl_hits *hits, const sl_hit *h, const sl_trigger *t)
{
    size_t lo = 0, hi = hits->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const sl_hit *x = &hits->h[mid];
        if (x->theme < h->theme || (x->theme == h->theme && x->start <= t->start))
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo == 0)
        return 0;
    const sl_hit *x = &hits->h[lo - 1];
    return x != h && x->theme == h->theme && t->end <= x->end;
}

static sl_hit_dir judge(const sl_director *d, const sl_lexicon *lex, const char *text,
                        const sl_tokens *toks, const sl_hits *hits, const sl_hit *h)
{
    const trig_vec *tv = &d->kept;
    uint8_t cond = lex->entries[h->entry].cond;
    unsigned consumed = consumed_kinds(cond);
    int met = 0;
    int32_t change = -1, when = -1;
    uint32_t change_dist = 0, when_dist = 0;
    /* Only the triggers of the hit's sentence can reach it or stand
     * between it and its change trigger: a run of the sorted triggers.
     * The kinds the run holds say which of the passes below can find
     * anything; most sentences hold no negation and no breaker. */
    size_t sn = toks->tok[h->start].sentence - d->s_lo;
    size_t from = d->sent_trig[2 * sn], to = d->sent_trig[2 * sn + 1];
    trig_run run = {tv->v + from, to - from, d->sent_kinds[sn]};
    /* nearest change trigger and nearest time cue in scope (ties: the earlier) */
    for (size_t i = from; i < to && (run.kinds & (CHANGE_KINDS | TIME_KINDS)); i++) {
        const sl_trigger *t = &tv->v[i];
        int is_change = (CHANGE_KINDS >> t->kind) & 1, is_time = (TIME_KINDS >> t->kind) & 1;
        if (!is_change && !is_time)
            continue;
        uint32_t r = reach(&run, t, h->start, h->end);
        if (!r || inside_hit(hits, h, t))
            continue;
        if ((consumed >> t->kind) & 1) {
            met = 1;
            continue;
        }
        if (is_change && (change < 0 || r < change_dist)) {
            change = (int32_t)i;
            change_dist = r;
        } else if (is_time && (when < 0 || r < when_dist) && same_clause(text, toks, t, h)) {
            when = (int32_t)i;
            when_dist = r;
        }
    }
    /* negations: those whose scope reaches the hit; one standing between
     * the hit and its change trigger negates the change ("her confidence
     * has not grown": no change, not a loss) */
    unsigned neg = 0, neg_change = 0;
    for (size_t i = from; i < to && (run.kinds & KIND(SL_MOD_NEGATION)); i++) {
        const sl_trigger *t = &tv->v[i];
        if (t->kind != SL_MOD_NEGATION || inside_hit(hits, h, t))
            continue;
        int between = 0, of_change = 0;
        if (change >= 0) {
            const sl_trigger *c = &tv->v[change];
            between = (t->start >= h->end && t->end <= c->start) ||
                      (t->start >= c->end && t->end <= h->start);
            /* "has not grown", "didn't improve": the negation stands right
             * before the change word, between it and the hit */
            of_change = between && t->end <= c->start && c->start - t->end <= 2;
        }
        if (of_change)
            neg_change++;
        else if (between || (reach(&run, t, h->start, h->end) && same_clause(text, toks, t, h)))
            neg++;
    }
    /* a negation meets avoided() and negated(), and is then part of them */
    if ((cond == SL_COND_AVOIDED || cond == SL_COND_NEGATED) && neg % 2) {
        met = 1;
        neg = 0;
    }
    sl_hit_dir r = {SL_DIRECTION_MENTIONED, SL_TIME_UNKNOWN, (uint8_t)(neg > 255 ? 255 : neg),
                    (uint8_t)(cond && !met), -1};
    if (when >= 0)
        r.time = tv->v[when].kind == SL_MOD_BASELINE ? SL_TIME_BEFORE : SL_TIME_AFTER;
    /* the polarity of the entry's theme or its nearest non-neutral ancestor
     * (the opposite for an entry naming the resolved state) */
    if (neg_change % 2) {
        /* the change did not happen: the state stays as it was; the trigger
         * is still named, so kwic and explain show what was negated */
        r.negations = (uint8_t)(neg + neg_change > 255 ? 255 : neg + neg_change);
        r.trigger = change;
    } else
        decide(&r, tv, lex->entry_sign[h->entry] * (neg % 2 ? -1 : 1), change, when);
    const sl_entry *e = &lex->entries[h->entry];
    uint8_t fixed = e->fixed ? e->fixed : lex->themes[e->theme].fixed;
    if (fixed) { /* "@worsened", or a theme that is a direction: "direction = improved" */
        r.direction = fixed;
        r.trigger = -1;
    }
    return r;
}

sl_status sli_direction_compute(sl_director *d, const sl_lexicon *lex, const char *text,
                               const sl_tokens *toks, const sl_hits *hits, const char *doc_id,
                               const sl_hit_dir **dirs, const sl_trigger **trig, sl_error *err)
{
    size_t ntrig;
    return sli_direction_range(d, lex, text, toks, hits, 0, toks->nsent, doc_id, dirs, trig,
                               &ntrig, err);
}

sl_status sli_direction_range(sl_director *d, const sl_lexicon *lex, const char *text,
                              const sl_tokens *toks, const sl_hits *hits, size_t s_lo,
                              size_t s_hi, const char *doc_id, const sl_hit_dir **dirs,
                              const sl_trigger **trig, size_t *ntrig, sl_error *err)
{
    *dirs = d->dirs;
    *trig = d->kept.v;
    *ntrig = d->kept.n = 0;
    d->s_lo = s_lo;
    d->s_hi = s_hi;
    if (hits->n == 0)
        return SL_OK; /* nothing to judge: skip the modifier pass */
    if (SL_GROW(d->dirs, d->dirs_cap, hits->n) != 0)
        return sli_fail_nomem(err);
    /* A trigger's scope stops at the end of its sentence, so only the
     * sentences holding a theme hit need the modifier pass. */
    if (SL_GROW(d->sent_mask, d->sent_cap, toks->nsent) != 0)
        return sli_fail_nomem(err);
    memset(d->sent_mask + s_lo, 0, s_hi - s_lo); /* the matcher reads only these */
    for (size_t i = 0; i < hits->n; i++) { /* a hit lies in one sentence */
        d->sent_mask[toks->tok[hits->h[i].start].sentence] = 1;
        d->sent_mask[toks->tok[hits->h[i].end - 1].sentence] = 1;
    }
    const sl_hits *mh;
    sl_status s =
        sli_match_range(d->matcher, text, toks, d->sent_mask, s_lo, s_hi, doc_id, &mh, err);
    if (s != SL_OK)
        return s;
    size_t ntok = 0;
    d->base = 0;
    if (s_lo < s_hi) {
        const sl_sentence *last = &toks->sent[s_hi - 1];
        d->base = toks->sent[s_lo].first_token;
        ntok = last->first_token + last->ntokens - d->base;
    }
    if (resolve_triggers(d, ntok, mh) != 0 || index_triggers(d, toks) != 0)
        return sli_fail_nomem(err);
    for (size_t i = 0; i < hits->n; i++)
        d->dirs[i] = judge(d, lex, text, toks, hits, &hits->h[i]);
    *dirs = d->dirs;
    *trig = d->kept.v;
    *ntrig = d->kept.n;
    return SL_OK;
}

/* Each hit's counters by table, not by a switch: the direction and time
 * of consecutive hits follow no pattern a branch predictor could use. */
static const uint8_t direction_slot[4] = {SL_DIR_MENTIONED, SL_DIR_IMPROVED, SL_DIR_WORSENED,
                                          SL_DIR_MENTIONED};
static const uint8_t time_slot[4] = {SL_DIR_UNKNOWN, SL_DIR_BEFORE, SL_DIR_AFTER, SL_DIR_UNKNOWN};

void sli_direction_vote(uint32_t *c, int direction, int time)
{
    c[direction_slot[direction & 3]]++;
    c[time_slot[time & 3]]++;
    /* the end state: a change stated outside the baseline, the later the
     * weightier. A worsening in the baseline is the problem the story opens
     * with and never the end state; an improvement there is the change told
     * in the past tense ("by the spring she was going to the choir again") and is
     * the end state of a story that states no change outside it. Bit 2
     * marks a net taken from the baseline, so any later change replaces
     * it. */
    if (direction != SL_DIRECTION_IMPROVED && direction != SL_DIRECTION_WORSENED)
        return;
    if (time != SL_TIME_BEFORE)
        c[SL_DIR_NET] = (uint32_t)direction;
    else if (direction == SL_DIRECTION_IMPROVED && (c[SL_DIR_NET] == 0 || (c[SL_DIR_NET] & 4)))
        c[SL_DIR_NET] = (uint32_t)direction | 4;
}

void sli_direction_tally(uint32_t *counts, const sl_hits *hits, const sl_hit_dir *dirs)
{
    for (size_t i = 0; i < hits->n; i++)
        if (!dirs[i].dropped)
            sli_direction_vote(counts + (size_t)hits->h[i].theme * SL_DIR_STORY,
                               dirs[i].direction, dirs[i].time);
}

int sli_direction_net(const uint32_t *c)
{
    if (c[SL_DIR_IMPROVED] + c[SL_DIR_WORSENED] + c[SL_DIR_MENTIONED] == 0)
        return SL_DIRECTION_NONE;
    return c[SL_DIR_NET] ? (int)(c[SL_DIR_NET] & 3) : SL_DIRECTION_MENTIONED;
}

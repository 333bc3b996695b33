/*
 * concept.c - language v2: word classes and rules, expanded into phrases
 * of the v1 language once every lexicon file is read.
 *
 * A researcher writes concepts ("a family carer word near a strain word",
 * "a care-home move that was avoided"); the matcher knows words, wildcards
 * and phrases with ~N gaps. So each rule becomes the phrases it stands for:
 *
 *   <family_carer>                   every member of the class
 *   "<family_carer> ~3 exhausted"    a phrase for every member
 *   near(A, B, N)                    "A ~N B" and "B ~N A": either order,
 *                                    at most N tokens between, one sentence
 *   before(A, B, N)                  "A ~N B"
 *   avoided(X) negated(X) ended(X)   X's phrases, counted only when the
 *                                    direction stage judges them so
 *   with(A, X)                       X's phrases, counted only in a story
 *                                    where A occurs anywhere (A's phrases
 *                                    go to a small lexicon of contexts)
 *   also(X)                          X's phrases, counted only in a story
 *                                    where the theme has another hit
 *
 * The first phrase fills the entry written in the file (its place in file
 * order, its source as the output key); the others are appended after every
 * written entry and report it, so counts, output and the tools show the
 * rule as written, once. Expanding at load time keeps the matcher's fast
 * path untouched: a rule costs what its phrases cost (a 40 x 40 near() is
 * 3,200 phrases, within what the matcher's first-atom index is built for).
 */
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/error.h"
#include "core/strmap.h"
#include "core/vec.h"
#include "lexicon/lexicon.h"

/* Most phrases one entry may stand for: beyond this a rule is a mistake
 * (a class used where a word was meant) more often than a need. */
#define MAX_PHRASES 20000
/* Deepest nesting of classes inside classes. */
#define MAX_DEPTH 8

/* A list of alternatives, each the body of a v1 phrase ("w1 ~2 w2"). */
typedef struct alts {
    char **v;
    size_t n, cap;
} alts;

typedef struct xctx {
    sl_lex_parse *p;
    const char *path;
    uint32_t file, line, col;
    sl_error *err;
    sl_status status;
} xctx;

static void fail(xctx *x, sl_status code, const char *fmt, ...) SL_PRINTF(3, 4);

static void fail(xctx *x, sl_status code, const char *fmt, ...)
{
    char msg[SL_ERROR_TEXT - 64];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    x->p->nerrors++;
    sli_lex_diag_add(x->p, x->file, x->line, x->col, 0, "%s", msg);
    if (x->status != SL_OK)
        return;
    x->status = code;
    sli_fail(x->err, code, "%s:%u:%u: %s", x->path, (unsigned)x->line, (unsigned)x->col, msg);
}

static void alts_free(alts *a)
{
    for (size_t i = 0; i < a->n; i++)
        free(a->v[i]);
    free(a->v);
    memset(a, 0, sizeof *a);
}

static int alts_push(xctx *x, alts *a, char *s)
{
    if (!s || SL_GROW(a->v, a->cap, a->n + 1) != 0) {
        free(s);
        fail(x, SL_ENOMEM, "out of memory");
        return -1;
    }
    a->v[a->n++] = s;
    if (a->n > MAX_PHRASES) {
        fail(x, SL_ELEXICON, "this entry stands for more than %d phrases; split the rule or "
                             "use smaller classes", MAX_PHRASES);
        return -1;
    }
    return 0;
}

static char *join3(const char *a, const char *mid, const char *b)
{
    size_t na = strlen(a), nm = strlen(mid), nb = strlen(b);
    char *s = malloc(na + nm + nb + 3);
    if (!s)
        return NULL;
    size_t k = 0;
    memcpy(s, a, na);
    k += na;
    if (na && (nm || nb))
        s[k++] = ' ';
    memcpy(s + k, mid, nm);
    k += nm;
    if (nm && nb)
        s[k++] = ' ';
    memcpy(s + k, b, nb);
    k += nb;
    s[k] = '\0';
    return s;
}

static const char *skip_blank(const char *s, const char *e)
{
    while (s < e && (*s == ' ' || *s == '\t'))
        s++;
    return s;
}

static const char *trim_end(const char *s, const char *e)
{
    while (e > s && (e[-1] == ' ' || e[-1] == '\t'))
        e--;
    return e;
}

static int operand(xctx *x, const char *s, const char *e, alts *out, int depth);

/* <name>: every alternative of every member of the class. */
static int class_alts(xctx *x, const char *name, size_t n, alts *out, int depth)
{
    sl_lex_parse *p = x->p;
    size_t k = 0;
    while (k < p->nclasses && !(strlen(p->classes[k].name) == n &&
                                memcmp(p->classes[k].name, name, n) == 0))
        k++;
    if (k == p->nclasses) {
        fail(x, SL_ELEXICON, "unknown word class <%.*s>; define it with [class %.*s]", (int)n,
             name, (int)n, name);
        return -1;
    }
    sl_lex_class *kc = &p->classes[k];
    if (kc->expanding || depth > MAX_DEPTH) {
        fail(x, SL_ELEXICON, "word class <%s> uses itself (through its members)", kc->name);
        return -1;
    }
    if (kc->n == 0) {
        fail(x, SL_ELEXICON, "word class <%s> has no members", kc->name);
        return -1;
    }
    kc->expanding = 1;
    int rc = 0;
    for (size_t i = 0; rc == 0 && i < kc->n; i++) {
        const char *m = kc->members[i].text;
        rc = operand(x, m, m + strlen(m), out, depth + 1);
    }
    kc->expanding = 0;
    return rc;
}

/* Appends every "prefix item" to out, item being each alternative of b. */
static int cross(xctx *x, const alts *a, const alts *b, const char *mid, alts *out)
{
    for (size_t i = 0; i < a->n; i++)
        for (size_t j = 0; j < b->n; j++)
            if (alts_push(x, out, join3(a->v[i], mid, b->v[j])) != 0)
                return -1;
    return 0;
}

/* A quoted phrase whose words may be <classes>: the product of its items. */
static int phrase_alts(xctx *x, const char *s, const char *e, alts *out, int depth)
{
    alts acc = {0};
    int rc = alts_push(x, &acc, strdup(""));
    const char *q = s;
    char gap[8] = "";
    while (rc == 0) {
        q = skip_blank(q, e);
        if (q >= e)
            break;
        const char *w = q;
        while (q < e && *q != ' ' && *q != '\t')
            q++;
        size_t n = (size_t)(q - w);
        if (*w == '~') { /* a gap: kept for the next item; the v1 parser checks it */
            snprintf(gap, sizeof gap, "%.*s", (int)(n < 7 ? n : 7), w);
            continue;
        }
        alts item = {0}, next = {0};
        rc = *w == '<' && w[n - 1] == '>' ? class_alts(x, w + 1, n - 2, &item, depth)
                                           : alts_push(x, &item, strndup(w, n));
        if (rc == 0)
            rc = cross(x, &acc, &item, gap, &next);
        alts_free(&item);
        alts_free(&acc);
        acc = next;
        gap[0] = '\0';
    }
    if (rc == 0 && gap[0]) {
        fail(x, SL_ELEXICON, "a ~N gap must stand between two words");
        rc = -1;
    }
    for (size_t i = 0; rc == 0 && i < acc.n; i++) {
        rc = alts_push(x, out, acc.v[i]);
        acc.v[i] = NULL;
    }
    alts_free(&acc);
    return rc;
}

/* Splits "A, B, N" at its top-level commas (not inside quotes or parens). */
static int split_args(const char *s, const char *e, const char **at, const char **end, int want)
{
    int n = 0, depth = 0, quoted = 0;
    const char *start = s;
    for (const char *q = s; q <= e; q++) {
        if (q < e && *q == '"')
            quoted = !quoted;
        else if (q < e && !quoted && *q == '(')
            depth++;
        else if (q < e && !quoted && *q == ')')
            depth--;
        else if (q == e || (!quoted && depth == 0 && *q == ',')) {
            if (n == want)
                return -1;
            at[n] = skip_blank(start, q);
            end[n] = trim_end(at[n], q);
            n++;
            start = q + 1;
        }
    }
    return n == want ? 0 : -1;
}

/* Words a proximity operand's phrases may drop at their start: within
 * "A ~N B" they stand in the gap anyway, and a phrase that starts with
 * one is tried at every "the" of every story (a 40 x 40 near() of such
 * phrases made a run four times slower). */
static int leading_filler(const char *w, size_t n)
{
    static const char *const words[] = {"the", "a", "an", "my", "her", "his", "their", "our",
                                        "your", "this", "that", "to", "of", "in", "into", "at"};
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        if (strlen(words[i]) == n && memcmp(w, words[i], n) == 0)
            return 1;
    return 0;
}

/* Drops the leading filler words of every alternative of a (at least two
 * words are kept, and a gap is never left first); *dropped = the most
 * dropped from one, for the gap before it to grow by. A phrase is never
 * cut to one word: the filler may be its sense ("into a home" is a care
 * home, "home" alone is anybody's house). */
static void strip_fillers(alts *a, unsigned *dropped)
{
    *dropped = 0;
    for (size_t i = 0; i < a->n; i++) {
        char *s = a->v[i];
        unsigned k = 0;
        for (;;) {
            char *sp = strchr(s, ' ');
            if (!sp || !leading_filler(s, (size_t)(sp - s)) || sp[1] == '~' ||
                !strchr(sp + 1, ' '))
                break;
            s = sp + 1;
            k++;
        }
        if (k) {
            memmove(a->v[i], s, strlen(s) + 1);
            *dropped = k > *dropped ? k : *dropped;
        }
    }
}

/* near(A, B, N) or before(A, B, N). */
static int proximity_alts(xctx *x, int either, const char *s, const char *e, alts *out,
                          int depth)
{
    const char *at[3], *end[3];
    const char *fn = either ? "near" : "before";
    if (split_args(s, e, at, end, 3) != 0) {
        fail(x, SL_ELEXICON, "%s() takes three arguments: %s(A, B, N) with N the most tokens "
                             "between A and B (0-%d)", fn, fn, SL_MAX_GAP);
        return -1;
    }
    unsigned n = 0;
    const char *d = at[2];
    for (; d < end[2] && isdigit((unsigned char)*d) && n <= SL_MAX_GAP; d++)
        n = n * 10 + (unsigned)(*d - '0');
    if (at[2] == end[2] || d != end[2] || n > SL_MAX_GAP) {
        fail(x, SL_ELEXICON, "%s(): the distance \"%.*s\" must be a number of tokens from 0 to %d",
             fn, (int)(end[2] - at[2]), at[2], SL_MAX_GAP);
        return -1;
    }
    char gap_ab[8], gap_ba[8];
    alts a = {0}, b = {0};
    int rc = operand(x, at[0], end[0], &a, depth);
    if (rc == 0)
        rc = operand(x, at[1], end[1], &b, depth);
    unsigned da, db;
    strip_fillers(&a, &da);
    strip_fillers(&b, &db);
    /* the fillers dropped from the second operand stand in the gap before it */
    snprintf(gap_ab, sizeof gap_ab, "~%u", n + db > SL_MAX_GAP ? SL_MAX_GAP : n + db);
    snprintf(gap_ba, sizeof gap_ba, "~%u", n + da > SL_MAX_GAP ? SL_MAX_GAP : n + da);
    if (rc == 0)
        rc = cross(x, &a, &b, gap_ab, out);
    if (rc == 0 && either)
        rc = cross(x, &b, &a, gap_ba, out);
    alts_free(&a);
    alts_free(&b);
    return rc;
}

/* The function call fn(...) at [s, e): its arguments' span, or NULL. */
static const char *call_args(const char *fn, const char *s, const char *e, const char **args_end)
{
    size_t n = strlen(fn);
    if ((size_t)(e - s) < n + 2 || memcmp(s, fn, n) != 0 || s[n] != '(' || e[-1] != ')')
        return NULL;
    *args_end = e - 1;
    return s + n + 1;
}

/* One operand: a word, a wildcard, an exact word, a "phrase", a <class>,
 * near() or before(). */
static int operand(xctx *x, const char *s, const char *e, alts *out, int depth)
{
    s = skip_blank(s, e);
    e = trim_end(s, e);
    const char *ae, *as;
    if (s == e) {
        fail(x, SL_ELEXICON, "an empty operand; give a word, \"phrase\", <class>, near() or "
                             "before()");
        return -1;
    }
    if ((as = call_args("near", s, e, &ae)))
        return proximity_alts(x, 1, as, ae, out, depth);
    if ((as = call_args("before", s, e, &ae)))
        return proximity_alts(x, 0, as, ae, out, depth);
    if (*s == '<' && e[-1] == '>')
        return class_alts(x, s + 1, (size_t)(e - s - 2), out, depth);
    if (*s == '"') {
        if (e - s < 2 || e[-1] != '"') {
            fail(x, SL_ELEXICON, "unclosed quote in phrase; end it with \"");
            return -1;
        }
        return phrase_alts(x, s + 1, e - 1, out, depth);
    }
    for (const char *q = s; q < e; q++)
        if (*q == ' ' || *q == '\t' || *q == '(' || *q == ',' || *q == '<') {
            fail(x, SL_ELEXICON, "\"%.*s\" is not an operand; quote a phrase, write a class as "
                                 "<name>, a rule as near(A, B, N)", (int)(e - s), s);
            return -1;
        }
    return alts_push(x, out, strndup(s, (size_t)(e - s)));
}

/* Appends s to the parse's growing contexts text. */
static int ctx_put(xctx *x, const char *s, size_t n)
{
    sl_lex_parse *p = x->p;
    if (SL_GROW(p->contexts, p->contexts_cap, p->contexts_len + n + 1) != 0) {
        fail(x, SL_ENOMEM, "out of memory");
        return -1;
    }
    memcpy(p->contexts + p->contexts_len, s, n);
    p->contexts_len += n;
    p->contexts[p->contexts_len] = '\0';
    return 0;
}

/* The context group of operand [s, e): one theme "cK" of the contexts
 * lexicon per distinct operand, its phrases as entries. *group = K + 1. */
static int context_group(xctx *x, const char *s, const char *e, uint16_t *group)
{
    sl_lex_parse *p = x->p;
    char key[512];
    int kn = snprintf(key, sizeof key, "# %.*s\n", (int)(e - s), s);
    const char *found = p->contexts && kn > 0 && (size_t)kn < sizeof key ? strstr(p->contexts, key)
                                                                          : NULL;
    if (found) { /* "[cK]\n# A\n": K from the header before it */
        const char *h = found - 2;
        while (h > p->contexts && *h != '[')
            h--;
        *group = (uint16_t)(strtoul(h + 2, NULL, 10) + 1);
        return 0;
    }
    alts a = {0};
    if (operand(x, s, e, &a, 0) != 0) {
        alts_free(&a);
        return -1;
    }
    char head[32];
    int hn = snprintf(head, sizeof head, "[c%zu]\n", p->ncontexts);
    int rc = ctx_put(x, head, (size_t)hn);
    if (rc == 0)
        rc = ctx_put(x, key, strlen(key));
    for (size_t i = 0; rc == 0 && i < a.n; i++) {
        int phrase = strchr(a.v[i], ' ') != NULL;
        rc = (phrase ? ctx_put(x, "\"", 1) : 0) || ctx_put(x, a.v[i], strlen(a.v[i])) ||
             (phrase ? ctx_put(x, "\"", 1) : 0) || ctx_put(x, "\n", 1);
    }
    alts_free(&a);
    if (rc == 0)
        *group = (uint16_t)(++p->ncontexts);
    return rc;
}

/* The top of an entry: also(...), with(A, X), a condition around an
 * operand, or an operand. */
static int entry_alts(xctx *x, const char *s, const char *e, alts *out, uint8_t *cond,
                      uint16_t *need, uint8_t *also)
{
    const char *also_end, *also_args = call_args("also", s, e, &also_end);
    if (also_args) {
        *also = 1;
        s = skip_blank(also_args, also_end);
        e = trim_end(s, also_end);
    }
    const char *we, *ws = call_args("with", s, e, &we);
    if (ws) {
        const char *at[2], *end[2];
        if (split_args(ws, we, at, end, 2) != 0) {
            fail(x, SL_ELEXICON, "with() takes two arguments: with(A, X), X counting only in a "
                                 "story where A occurs");
            return -1;
        }
        if (context_group(x, at[0], end[0], need) != 0)
            return -1;
        s = at[1];
        e = end[1];
    }
    static const struct { const char *fn; uint8_t cond; } conds[] = {
        {"avoided", SL_COND_AVOIDED}, {"negated", SL_COND_NEGATED}, {"ended", SL_COND_ENDED}};
    for (size_t i = 0; i < sizeof conds / sizeof conds[0]; i++) {
        const char *ae, *as = call_args(conds[i].fn, s, e, &ae);
        if (as) {
            *cond = conds[i].cond;
            return operand(x, as, ae, out, 0);
        }
    }
    return operand(x, s, e, out, 0);
}

/* Fills entry e with alternative a (a word, or a phrase body). */
static int fill(xctx *x, sl_entry *e, const char *a)
{
    int phrase = strchr(a, ' ') != NULL;
    sl_status s = sli_lex_fill_entry(x->p, e, x->path, a, strlen(a), phrase,
                                     x->status == SL_OK ? x->err : NULL);
    if (s != SL_OK && x->status == SL_OK)
        x->status = s;
    return s == SL_OK ? 0 : -1;
}

/* Expands one deferred entry into its placeholder and appended phrases. */
static int expand_one(xctx *x, const sl_lex_deferred *d)
{
    uint8_t cond = 0, also = 0;
    uint16_t need = 0;
    alts a = {0};
    const char *s = d->text;
    int rc = entry_alts(x, s, s + strlen(s), &a, &cond, &need, &also);
    sl_strmap seen;
    sli_strmap_init(&seen);
    x->p->lex->entries[d->entry].cond = cond;
    x->p->lex->entries[d->entry].need = need;
    x->p->lex->entries[d->entry].also = also;
    if (also)
        x->p->lex->has_also = 1;
    if (cond)
        x->p->lex->has_conditions = 1;
    int first = 1;
    for (size_t i = 0; rc == 0 && i < a.n; i++) {
        int inserted;
        if (!sli_strmap_put(&seen, a.v[i], strlen(a.v[i]), 0, &inserted)) {
            fail(x, SL_ENOMEM, "out of memory");
            rc = -1;
        } else if (!inserted) {
            continue; /* near(<a>, <b>) where the classes share a member */
        }
        sl_entry *e = first ? &x->p->lex->entries[d->entry] : sli_lex_alias_entry(x->p, d->entry);
        if (!e) {
            fail(x, SL_ENOMEM, "out of memory");
            rc = -1;
        } else {
            rc = fill(x, e, a.v[i]);
        }
        first = 0;
    }
    sli_strmap_free(&seen);
    alts_free(&a);
    return rc;
}

sl_status sli_lex_expand(sl_lex_parse *p, sl_error *err)
{
    sl_lexicon *lex = p->lex;
    if (p->expanded)
        return SL_OK;
    p->expanded = 1;
    size_t written = lex->nentries;
    xctx x = {.p = p, .err = err};
    for (size_t i = 0; i < p->ndeferred; i++) {
        const sl_lex_deferred *d = &p->deferred[i];
        xctx one = {p, lex->files[d->file].path, d->file, d->line, d->col,
                    x.status == SL_OK ? err : NULL, SL_OK};
        if (expand_one(&one, d) != 0 && x.status == SL_OK)
            x.status = one.status;
        if (one.status == SL_ENOMEM)
            break;
    }
    /* an entry that failed to expand is left with no atoms: drop it from
     * the matcher by making it match nothing (the run fails anyway) */
    lex->nentries_all = lex->nentries;
    lex->nentries = written;
    return x.status;
}

/*
 * regex_literals.c - required literals of a regex, and the per-word test
 * built from them; see regex_literals.h.
 *
 * Why the prefilter is exact. A literal is lower-case [a-z0-9]+ taken from
 * plain pattern characters, so a match containing it contains, character
 * for character, ASCII letters or digits equal to it ignoring case, or
 * (under caseless matching) the few non-ASCII letters PCRE2 equates with
 * an ASCII one (U+212A KELVIN SIGN with k, U+017F LONG S with s). All of
 * those are word characters to the tokeniser, so the literal's characters
 * lie inside one token; a match never crosses a sentence, so that token is
 * in the match's sentence. An all-ASCII token's fold is its bytes in lower
 * case and holds the literal. A token with other characters has a fold
 * that is not plain ASCII, or one in which K and long s became k and s,
 * which still holds the literal; the first kind, and folds that may have
 * been cut at the fold cap, are sent to every regex (SL_REGEX_ALL). So a
 * sentence in which no token's fold holds one of a regex's literals has no
 * match of it, and skipping it changes nothing.
 *
 * The parser reads a plain subset of PCRE2 and answers "no literals" for
 * anything else: lookarounds, backreferences, \Q..\E, \x escapes, inline
 * options, the x flag, non-ASCII pattern text. That answer is always
 * right; it only leaves the regex to run everywhere.
 */
#include "match/regex_literals.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "text/tokenize.h"

/* ---- the pattern parser ------------------------------------------------ */

typedef struct parser {
    const unsigned char *p, *end;
    int fail;
} parser;

enum item { I_LIT, I_ANY, I_ZERO, I_GROUP };

static void parse_alt(parser *ps, sl_lit_set *out);

static size_t shortest(const sl_lit_set *s)
{
    size_t m = SIZE_MAX;
    for (size_t i = 0; i < s->n; i++) {
        size_t l = strlen(s->lit[i]);
        if (l < m)
            m = l;
    }
    return m;
}

/* Keeps cand in *best when it is the better filter: longer shortest
 * literal, then fewer literals. */
static void consider(sl_lit_set *best, const sl_lit_set *cand)
{
    if (cand->n == 0)
        return;
    size_t a = shortest(cand), b = best->n ? shortest(best) : 0;
    if (best->n == 0 || a > b || (a == b && cand->n < best->n))
        *best = *cand;
}

static void flush_run(sl_lit_set *best, char *run, size_t *len)
{
    if (*len == 0)
        return;
    sl_lit_set one = {.n = 1};
    memcpy(one.lit[0], run, *len);
    one.lit[0][*len] = '\0';
    consider(best, &one);
    *len = 0;
}

/* The union of a and b into a; an empty side makes it empty. */
static void union_into(sl_lit_set *a, const sl_lit_set *b)
{
    if (a->n == 0 || b->n == 0) {
        a->n = 0;
        return;
    }
    for (size_t i = 0; i < b->n; i++) {
        size_t k = 0;
        while (k < a->n && strcmp(a->lit[k], b->lit[i]) != 0)
            k++;
        if (k < a->n)
            continue;
        if (a->n == SL_LIT_MAX) {
            a->n = 0;
            return;
        }
        strcpy(a->lit[a->n++], b->lit[i]);
    }
}

static void skip_class(parser *ps)
{
    const unsigned char *p = ps->p + 1;
    if (p < ps->end && *p == '^')
        p++;
    if (p < ps->end && *p == ']')
        p++; /* a leading ] is a member */
    while (p < ps->end && *p != ']') {
        if (*p == '\\')
            p++;
        else if (*p == '[' && p + 1 < ps->end && p[1] == ':') {
            const unsigned char *q = p + 2;
            while (q + 1 < ps->end && !(q[0] == ':' && q[1] == ']'))
                q++;
            p = q + 1;
        }
        p++;
    }
    if (p >= ps->end)
        ps->fail = 1;
    ps->p = p + 1;
}

static enum item parse_escape(parser *ps)
{
    if (ps->p + 1 >= ps->end) {
        ps->fail = 1;
        return I_ANY;
    }
    unsigned char c = ps->p[1];
    ps->p += 2;
    if (strchr("bBAzZG", c))
        return I_ZERO;
    if (strchr("dDsSwWhHvVN", c))
        return I_ANY;
    if (c < 0x80 && !isalnum(c) && isprint(c))
        return I_ANY; /* escaped punctuation: a character, not a literal */
    ps->fail = 1;     /* backreferences, \x, \p, \Q, ...: not this parser's */
    return I_ANY;
}

/* One atom; *lit gets the character of I_LIT, *group the set of I_GROUP. */
static enum item parse_atom(parser *ps, char *lit, sl_lit_set *group)
{
    unsigned char c = *ps->p;
    if (c == '(') {
        ps->p++;
        if (ps->p < ps->end && *ps->p == '?') {
            if (ps->p + 1 >= ps->end || ps->p[1] != ':') {
                ps->fail = 1;
                return I_ANY;
            }
            ps->p += 2;
        }
        parse_alt(ps, group);
        if (ps->p >= ps->end || *ps->p != ')')
            ps->fail = 1;
        else
            ps->p++;
        return I_GROUP;
    }
    if (c == '[') {
        skip_class(ps);
        return I_ANY;
    }
    if (c == '\\')
        return parse_escape(ps);
    ps->p++;
    if (c == '^' || c == '$')
        return I_ZERO;
    if (c < 0x80 && isalnum(c)) {
        *lit = (char)tolower(c);
        return I_LIT;
    }
    if (c >= 0x20 && c < 0x7f && !strchr("*+?{", c))
        return I_ANY;
    ps->fail = 1;
    return I_ANY;
}

static unsigned long parse_number(parser *ps, int *ok)
{
    unsigned long n = 0;
    *ok = 0;
    while (ps->p < ps->end && isdigit(*ps->p)) {
        n = n * 10 + (unsigned long)(*ps->p++ - '0');
        if (n > 100000)
            n = 100000;
        *ok = 1;
    }
    return n;
}

/* A quantifier, if one follows: *min its minimum, *once whether it is
 * exactly one. */
static void parse_quantifier(parser *ps, unsigned long *min, int *once)
{
    *min = 1;
    *once = 1;
    if (ps->p >= ps->end)
        return;
    unsigned char c = *ps->p;
    if (c == '?' || c == '*' || c == '+') {
        ps->p++;
        *min = c == '+';
        *once = 0;
    } else if (c == '{') {
        ps->p++;
        int ok, ok2 = 0;
        unsigned long n = parse_number(ps, &ok), m = n;
        int comma = ps->p < ps->end && *ps->p == ',';
        if (comma) {
            ps->p++;
            m = parse_number(ps, &ok2);
        }
        if (!ok || ps->p >= ps->end || *ps->p != '}') {
            ps->fail = 1;
            return;
        }
        ps->p++;
        *min = n;
        *once = n == 1 && (!comma || (ok2 && m == 1));
    } else
        return;
    if (ps->p < ps->end && (*ps->p == '?' || *ps->p == '+'))
        ps->p++; /* lazy or possessive: the same characters must be there */
    if (ps->p < ps->end && strchr("*+?{", *ps->p))
        ps->fail = 1;
}

static void parse_seq(parser *ps, sl_lit_set *best)
{
    char run[SL_LIT_LEN + 1];
    size_t rlen = 0;
    best->n = 0;
    while (!ps->fail && ps->p < ps->end && *ps->p != '|' && *ps->p != ')') {
        char c = 0;
        sl_lit_set group = {0};
        enum item it = parse_atom(ps, &c, &group);
        unsigned long min;
        int once;
        parse_quantifier(ps, &min, &once);
        if (it == I_LIT && min >= 1) {
            if (rlen < SL_LIT_LEN) /* a prefix of a required run is required */
                run[rlen++] = c;
            if (!once)
                flush_run(best, run, &rlen); /* c+ or c{2,}: c is there, then more */
            continue;
        }
        flush_run(best, run, &rlen);
        if (it == I_GROUP && min >= 1)
            consider(best, &group);
    }
    flush_run(best, run, &rlen);
}

static void parse_alt(parser *ps, sl_lit_set *out)
{
    parse_seq(ps, out);
    while (!ps->fail && ps->p < ps->end && *ps->p == '|') {
        ps->p++;
        sl_lit_set b;
        parse_seq(ps, &b);
        union_into(out, &b);
    }
}

void sli_regex_literals(const char *pattern, size_t len, int extended, sl_lit_set *out)
{
    out->n = 0;
    if (extended)
        return; /* white space and comments mean other things there */
    parser ps = {(const unsigned char *)pattern, (const unsigned char *)pattern + len, 0};
    parse_alt(&ps, out);
    if (ps.fail || ps.p != ps.end)
        out->n = 0;
}

int sli_regex_entry_pattern(const sl_entry *e, const char **pattern, size_t *len, int *extended)
{
    const char *s = e->source;
    if (*s == '!')
        s++;
    if (*s != '/')
        return -1;
    const char *q = s + 1;
    while (*q && *q != '/') /* the closing slash, as the lexicon parser finds it */
        q += q[0] == '\\' && q[1] ? 2 : 1;
    if (*q != '/')
        return -1;
    uint32_t opts = 0;
    if (pcre2_pattern_info(e->re, PCRE2_INFO_ARGOPTIONS, &opts) != 0)
        return -1;
    *pattern = s + 1;
    *len = (size_t)(q - s - 1);
    *extended = (opts & PCRE2_EXTENDED) != 0;
    return 0;
}

/* ---- the per-word test ------------------------------------------------- */

typedef struct lit_ref {
    const char *s;
    size_t len;
    uint32_t regex;
} lit_ref;

struct sl_regex_index {
    size_t nregexes;
    sl_lit_set *sets;        /* per regex */
    lit_ref *refs;           /* every literal, grouped by first byte */
    size_t first[257];       /* refs[first[c] .. first[c + 1]) begin with byte c */
};

sl_regex_index *sli_regex_index_new(const sl_lexicon *lex)
{
    sl_regex_index *ix = calloc(1, sizeof *ix);
    if (!ix)
        return NULL;
    ix->nregexes = lex->nregexes;
    ix->sets = calloc(lex->nregexes + 1, sizeof *ix->sets);
    ix->refs = malloc((lex->nregexes * SL_LIT_MAX + 1) * sizeof *ix->refs);
    if (!ix->sets || !ix->refs) {
        sli_regex_index_free(ix);
        return NULL;
    }
    size_t count[257] = {0};
    for (size_t r = 0; r < lex->nregexes; r++) {
        const char *pat;
        size_t len;
        int ext;
        if (sli_regex_entry_pattern(&lex->entries[lex->regexes[r]], &pat, &len, &ext) == 0)
            sli_regex_literals(pat, len, ext, &ix->sets[r]);
        for (size_t k = 0; k < ix->sets[r].n; k++)
            count[(unsigned char)ix->sets[r].lit[k][0]]++;
    }
    for (size_t c = 0; c < 256; c++)
        ix->first[c + 1] = ix->first[c] + count[c];
    size_t fill[256] = {0};
    for (size_t r = 0; r < lex->nregexes; r++)
        for (size_t k = 0; k < ix->sets[r].n; k++) {
            const char *s = ix->sets[r].lit[k];
            unsigned char c = (unsigned char)s[0];
            ix->refs[ix->first[c] + fill[c]++] = (lit_ref){s, strlen(s), (uint32_t)r};
        }
    return ix;
}

void sli_regex_index_free(sl_regex_index *ix)
{
    if (!ix)
        return;
    free(ix->sets);
    free(ix->refs);
    free(ix);
}

int sli_regex_index_filtered(const sl_regex_index *ix, size_t r)
{
    return ix->sets[r].n > 0;
}

size_t sli_regex_index_word(const sl_regex_index *ix, const char *fold, size_t len,
                           uint32_t *out)
{
    const unsigned char *w = (const unsigned char *)fold;
    if (len >= SL_FOLD_CAP)
        goto all;
    for (size_t i = 0; i < len; i++)
        if (w[i] >= 0x80)
            goto all;
    size_t n = 0;
    for (size_t i = 0; i < len; i++)
        for (size_t k = ix->first[w[i]]; k < ix->first[w[i] + 1]; k++) {
            const lit_ref *l = &ix->refs[k];
            if (l->len > len - i || memcmp(w + i, l->s, l->len) != 0)
                continue;
            size_t j = 0;
            while (j < n && out[j] != l->regex)
                j++;
            if (j == n)
                out[n++] = l->regex;
        }
    /* ascending, for the atom list they join */
    for (size_t i = 1; i < n; i++)
        for (size_t j = i; j > 0 && out[j - 1] > out[j]; j--) {
            uint32_t t = out[j];
            out[j] = out[j - 1];
            out[j - 1] = t;
        }
    return n;
all:
    out[0] = (uint32_t)ix->nregexes;
    return 1;
}

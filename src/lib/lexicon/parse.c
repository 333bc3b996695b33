/*
 * parse.c - the lexicon language, line by line.
 *
 * The files are hand-edited by researchers, so the parser is forgiving of
 * layout (indentation, blank lines, CRLF, a BOM, trailing comments) and
 * strict about meaning: every problem is reported as FILE:LINE:COLUMN
 * (columns count bytes from 1) with what to do, and parsing goes on after
 * an error so that one run shows every mistake in a file.
 *
 * Words inside entries are folded by the same tokeniser that reads the
 * stories, so an entry and a story word compare equal exactly when the
 * tokeniser would make them equal.
 *
 * Language v2 adds word classes ([class NAME] sections), rules (near(),
 * before(), avoided(), negated(), ended(), and <class> inside phrases),
 * "@resolved" entries and example sentences. Entries that use classes are
 * kept here as placeholders in file order and expanded by concept.c once
 * every file is read, since a class may be defined in a later file.
 */
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/error.h"
#include "core/vec.h"
#include "lexicon/lexicon.h"
#include "text/tokenize.h"

typedef struct line_ctx {
    sl_lex_parse *p;
    const char *path;
    uint32_t file, lineno;
    const char *line;     /* start of the line, for columns */
    uint32_t col_base;    /* the column of *line (1 in a .lex file) */
    int32_t theme;        /* current theme, -1 before the first header */
    int32_t klass;        /* current word class, -1 outside one */
    sl_tokens toks;
    sl_error *err;
    sl_status status;
} line_ctx;

static void report(line_ctx *c, sl_status code, const char *at, const char *fmt, ...)
    SL_PRINTF(4, 5);

static uint32_t col_of(const line_ctx *c, const char *at)
{
    return (uint32_t)(at - c->line) + c->col_base;
}

void sli_lex_diag_add(sl_lex_parse *p, uint32_t file, uint32_t line, uint32_t col, int warning,
                     const char *fmt, ...)
{
    if (!p->collect)
        return;
    if (SL_GROW(p->diags, p->diags_cap, p->ndiags + 1) != 0) {
        p->diags_oom = 1;
        return;
    }
    char msg[SL_ERROR_TEXT];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    sl_lex_diag *d = &p->diags[p->ndiags];
    d->file = file;
    d->line = line;
    d->col = col;
    d->warning = warning;
    d->seq = p->ndiags;
    if (!(d->message = strdup(msg))) {
        p->diags_oom = 1;
        return;
    }
    p->ndiags++;
}

void sli_lex_diags_free(sl_lex_parse *p)
{
    for (size_t i = 0; i < p->ndiags; i++)
        free(p->diags[i].message);
    free(p->diags);
    p->diags = NULL;
    p->ndiags = p->diags_cap = 0;
}

static void report(line_ctx *c, sl_status code, const char *at, const char *fmt, ...)
{
    c->p->nerrors++;
    char msg[SL_ERROR_TEXT - 64];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    sli_lex_diag_add(c->p, c->file, c->lineno, col_of(c, at), 0, "%s", msg);
    if (c->status != SL_OK)
        return; /* keep the first error; count the rest */
    c->status = code;
    sli_fail(c->err, code, "%s:%u:%u: %s", c->path, (unsigned)c->lineno, (unsigned)col_of(c, at),
            msg);
}

static char *dupn(const char *s, size_t n)
{
    char *d = malloc(n + 1);
    if (d) {
        memcpy(d, s, n);
        d[n] = '\0';
    }
    return d;
}

/* ---- themes ----------------------------------------------------------- */

static int valid_theme_name(const char *s, size_t n)
{
    if (n == 0 || s[0] == '.' || s[n - 1] == '.')
        return 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char ch = (unsigned char)s[i];
        if (ch == '.' && s[i + 1] == '.')
            return 0;
        if (!(isalnum(ch) || ch == '_' || ch == '-' || ch == '.'))
            return 0;
    }
    return 1;
}

/* By the parse's name index: a scan of every theme per header made
 * loading 10,000 themes take 2 s and 20,000 take 7 s. */
static int32_t find_theme(const sl_lex_parse *p, const char *name, size_t n)
{
    const uint32_t *t = sli_strmap_get(&p->theme_index, name, n);
    return t ? (int32_t)*t : -1;
}

static int32_t add_theme(line_ctx *c, const char *name, size_t n, int32_t parent, int implicit)
{
    sl_lexicon *lex = c->p->lex;
    if (SL_GROW(lex->themes, lex->themes_cap, lex->nthemes + 1) != 0)
        return -1;
    sl_theme *t = &lex->themes[lex->nthemes];
    memset(t, 0, sizeof *t);
    t->name = dupn(name, n);
    int inserted;
    if (!t->name ||
        !sli_strmap_put(&c->p->theme_index, name, n, (uint32_t)lex->nthemes, &inserted)) {
        free(t->name);
        return -1;
    }
    t->parent = parent;
    t->implicit = implicit;
    t->file = c->file;
    t->line = c->lineno;
    return (int32_t)lex->nthemes++;
}

/* Finds or creates the theme for a dotted name, creating missing ancestors
 * first so that a parent always precedes its children in lexicon order. */
static int32_t theme_for(line_ctx *c, const char *name, size_t n, int implicit)
{
    int32_t t = find_theme(c->p, name, n);
    if (t >= 0)
        return t;
    int32_t parent = -1;
    const char *dot = NULL;
    for (size_t i = n; i > 0; i--)
        if (name[i - 1] == '.') {
            dot = name + i - 1;
            break;
        }
    if (dot) {
        parent = theme_for(c, name, (size_t)(dot - name), 1);
        if (parent < 0)
            return -1;
    }
    return add_theme(c, name, n, parent, implicit);
}

/* ---- word classes (language v2) -------------------------------------- */

static const char *entry_end(const char *s, const char *end);

static int32_t find_class(const sl_lex_parse *p, const char *name, size_t n)
{
    for (size_t i = 0; i < p->nclasses; i++)
        if (strlen(p->classes[i].name) == n && memcmp(p->classes[i].name, name, n) == 0)
            return (int32_t)i;
    return -1;
}

/* [class NAME]: the lines after it are the class's members. */
static void parse_class_header(line_ctx *c, const char *name, size_t n)
{
    sl_lex_parse *p = c->p;
    c->theme = -1;
    if (!valid_theme_name(name, n) || memchr(name, '.', n)) {
        report(c, SL_ELEXICON, name,
               "bad class name \"%.*s\"; use letters, digits, '_' or '-'", (int)n, name);
        return;
    }
    int32_t k = find_class(p, name, n);
    if (k >= 0) {
        const sl_lex_class *kc = &p->classes[k];
        report(c, SL_ELEXICON, name, "duplicate class [class %.*s], first defined at %s:%u",
               (int)n, name, p->lex->files[kc->file].path, (unsigned)kc->line);
        c->klass = k; /* its lines are members, not entries outside a theme */
        return;
    }
    if (SL_GROW(p->classes, p->classes_cap, p->nclasses + 1) != 0) {
        report(c, SL_ENOMEM, name, "out of memory");
        return;
    }
    sl_lex_class *kc = &p->classes[p->nclasses];
    memset(kc, 0, sizeof *kc);
    if (!(kc->name = dupn(name, n))) {
        report(c, SL_ENOMEM, name, "out of memory");
        return;
    }
    kc->file = c->file;
    kc->line = c->lineno;
    c->klass = (int32_t)p->nclasses++;
}

static void parse_phrase(line_ctx *c, sl_entry *e, const char *s, const char *close);
static int parse_element(line_ctx *c, const char *w, size_t n, uint32_t *id);
static int append_atom(sl_entry *e, uint32_t id, unsigned gap);

/* A member written as a word or phrase is checked here, where it is
 * written, so that a mistake in it is reported at its own line rather
 * than at every rule that uses its class. */
static int check_member(line_ctx *c, const char *s, const char *end)
{
    sl_entry e = {0};
    size_t before = c->p->nerrors;
    if (*s == '"') {
        const char *close = memchr(s + 1, '"', (size_t)(end - s - 1));
        if (!close || close + 1 != end)
            report(c, SL_ELEXICON, s, close ? "unexpected text after the phrase"
                                            : "unclosed quote in phrase; end it with \"");
        else
            parse_phrase(c, &e, s, close);
    } else if (memchr(s, ' ', (size_t)(end - s)) || memchr(s, '\t', (size_t)(end - s))) {
        report(c, SL_ELEXICON, s, "a word member has a space; quote a phrase: \"%.*s\"",
               (int)(end - s), s);
    } else {
        uint32_t id;
        if (parse_element(c, s, (size_t)(end - s), &id) == 0)
            append_atom(&e, id, 0);
    }
    free(e.atoms);
    free(e.gaps);
    return c->p->nerrors == before ? 0 : -1;
}

/* A member of the current class, kept as written: concept.c reads it when
 * a rule uses the class. */
static void parse_member(line_ctx *c, const char *s, const char *end)
{
    sl_lex_class *kc = &c->p->classes[c->klass];
    end = entry_end(s, end);
    if (*s == '!' || *s == '/' || *s == '@') {
        report(c, SL_ELEXICON, s, "a class member is a word, wildcard, exact word, phrase or "
                                  "rule; exclusions and regexes belong in themes");
        return;
    }
    if (!memchr(s, '<', (size_t)(end - s)) && !memchr(s, '(', (size_t)(end - s)) &&
        check_member(c, s, end) != 0)
        return;
    char *text = dupn(s, (size_t)(end - s));
    if (!text || SL_GROW(kc->members, kc->cap, kc->n + 1) != 0) {
        free(text);
        report(c, SL_ENOMEM, s, "out of memory");
        return;
    }
    kc->members[kc->n++] = (sl_lex_member){text, c->lineno, col_of(c, s)};
}

static void parse_header(line_ctx *c, const char *s, const char *end)
{
    const char *close = memchr(s, ']', (size_t)(end - s));
    if (!close) {
        report(c, SL_ELEXICON, s, "theme header has no closing ']'; write it as [theme_name]");
        return;
    }
    const char *name = s + 1;
    while (name < close && (*name == ' ' || *name == '\t'))
        name++;
    const char *ne = close;
    while (ne > name && (ne[-1] == ' ' || ne[-1] == '\t'))
        ne--;
    size_t n = (size_t)(ne - name);
    for (const char *q = close + 1; q < end; q++)
        if (*q != ' ' && *q != '\t') {
            report(c, SL_ELEXICON, q, "unexpected text after the theme header");
            return;
        }
    c->klass = -1;
    if (n > 6 && memcmp(name, "class", 5) == 0 && (name[5] == ' ' || name[5] == '\t')) {
        const char *cn = name + 6;
        while (cn < ne && (*cn == ' ' || *cn == '\t'))
            cn++;
        parse_class_header(c, cn, (size_t)(ne - cn));
        return;
    }
    if (!valid_theme_name(name, n)) {
        report(c, SL_ELEXICON, name,
               "bad theme name \"%.*s\"; use letters, digits, '_' or '-', with '.' to nest",
               (int)n, name);
        return;
    }
    int32_t t = find_theme(c->p, name, n);
    if (t >= 0 && !c->p->lex->themes[t].implicit) {
        const sl_theme *th = &c->p->lex->themes[t];
        report(c, SL_ELEXICON, name, "duplicate theme [%.*s], first defined at %s:%u", (int)n,
               name, c->p->lex->files[th->file].path, (unsigned)th->line);
        c->theme = t;
        return;
    }
    if (t >= 0) {
        /* Declared after a child made it implicitly: it is explicit now. */
        c->p->lex->themes[t].implicit = 0;
        c->p->lex->themes[t].file = c->file;
        c->p->lex->themes[t].line = c->lineno;
    } else {
        t = theme_for(c, name, n, 0);
    }
    if (t < 0)
        report(c, SL_ENOMEM, s, "out of memory");
    c->theme = t;
}

/* ---- keys ------------------------------------------------------------- */

static int is_key_line(const char *s, const char *end)
{
    const char *q = s;
    while (q < end && (isalpha((unsigned char)*q) || *q == '_'))
        q++;
    if (q == s)
        return 0;
    while (q < end && (*q == ' ' || *q == '\t'))
        q++;
    return q < end && *q == '=';
}

/* ---- modifier scopes -------------------------------------------------- */

/* scope = forward | backward | both */
static int parse_scope_value(line_ctx *c, const char *v, size_t vn, uint8_t *out)
{
    if (vn == 7 && memcmp(v, "forward", 7) == 0)
        *out = SL_SCOPE_FORWARD;
    else if (vn == 8 && memcmp(v, "backward", 8) == 0)
        *out = SL_SCOPE_BACKWARD;
    else if (vn == 4 && memcmp(v, "both", 4) == 0)
        *out = SL_SCOPE_BOTH;
    else {
        report(c, SL_ELEXICON, v, "scope must be forward, backward or both, not \"%.*s\"",
               (int)vn, v);
        return -1;
    }
    return 0;
}

/* distance = N, 1..SL_MAX_DISTANCE tokens */
static int parse_distance_value(line_ctx *c, const char *v, size_t vn, uint16_t *out)
{
    unsigned d = 0;
    size_t i = 0;
    for (; i < vn && isdigit((unsigned char)v[i]) && d <= SL_MAX_DISTANCE; i++)
        d = d * 10 + (unsigned)(v[i] - '0');
    if (vn == 0 || i < vn || d < 1 || d > SL_MAX_DISTANCE) {
        report(c, SL_ELEXICON, v, "distance must be a number of tokens from 1 to %d, not \"%.*s\"",
               SL_MAX_DISTANCE, (int)vn, v);
        return -1;
    }
    *out = (uint16_t)d;
    return 0;
}

/* An entry's own scope: a last word "@forward", "@both:3" or "@4" after
 * white space. Returns where the entry proper ends (end when there is no
 * suffix); reports a malformed suffix. */
/* A theme entry's suffix: "@resolved" (the entry names the resolved state
 * of a problem theme) or "@improved", "@worsened", "@mentioned" (every
 * match reports that direction). 0, or -1 when w is none of them. */
static int direction_suffix(const char *w, size_t n, uint8_t *resolved, uint8_t *fixed)
{
    static const char *const dirs[] = {"@improved", "@worsened", "@mentioned"};
    if (n == 9 && memcmp(w, "@resolved", 9) == 0) {
        *resolved = 1;
        return 0;
    }
    for (int k = 0; k < 3; k++)
        if (n == strlen(dirs[k]) && memcmp(w, dirs[k], n) == 0) {
            *fixed = (uint8_t)(k + 1); /* SL_DIRECTION_IMPROVED .. _MENTIONED */
            return 0;
        }
    return -1;
}

static const char *scope_suffix(line_ctx *c, const char *s, const char *end, uint8_t *scope,
                                uint16_t *dist, uint8_t *resolved, uint8_t *fixed)
{
    const char *w = end;
    while (w > s && w[-1] != ' ' && w[-1] != '\t')
        w--;
    if (w == s || *w != '@')
        return end;
    if (!c->p->modifiers) {
        if (direction_suffix(w, (size_t)(end - w), resolved, fixed) != 0) {
            report(c, SL_ELEXICON, w, "a theme entry's suffix is @resolved (it names the theme's "
                                      "resolved state) or @improved, @worsened or @mentioned; "
                                      "\"@scope\" belongs in modifier lexicons");
            return NULL;
        }
        while (w > s && (w[-1] == ' ' || w[-1] == '\t'))
            w--;
        return w;
    }
    const char *q = w + 1, *colon = memchr(q, ':', (size_t)(end - q));
    const char *se = colon ? colon : end;
    if (se > q && isdigit((unsigned char)*q) && !colon) {
        if (parse_distance_value(c, q, (size_t)(end - q), dist) != 0)
            return NULL;
    } else {
        if (parse_scope_value(c, q, (size_t)(se - q), scope) != 0)
            return NULL;
        if (colon && parse_distance_value(c, colon + 1, (size_t)(end - colon - 1), dist) != 0)
            return NULL;
    }
    while (w > s && (w[-1] == ' ' || w[-1] == '\t'))
        w--;
    return w;
}

/* example = [improved: | worsened: | mentioned:] TEXT, or counterexample =
 * TEXT: a sentence the theme must (or must not) match, and the direction
 * it must get. */
static void parse_example(line_ctx *c, int must, const char *v, size_t vn)
{
    static const char *const dirs[] = {"improved", "worsened", "mentioned"};
    int want = 0;
    for (int k = 0; k < 3 && must; k++) {
        size_t dn = strlen(dirs[k]);
        if (vn > dn && memcmp(v, dirs[k], dn) == 0 && v[dn] == ':') {
            want = k + 1; /* SL_DIRECTION_IMPROVED .. _MENTIONED */
            v += dn + 1;
            vn -= dn + 1;
            while (vn && (*v == ' ' || *v == '\t')) {
                v++;
                vn--;
            }
        }
    }
    if (vn == 0) {
        report(c, SL_ELEXICON, v, "an example needs a sentence after '='");
        return;
    }
    sl_lexicon *lex = c->p->lex;
    char *text = dupn(v, vn);
    if (!text || SL_GROW(lex->examples, lex->examples_cap, lex->nexamples + 1) != 0) {
        free(text);
        report(c, SL_ENOMEM, v, "out of memory");
        return;
    }
    lex->examples[lex->nexamples++] =
        (sl_lex_example){(uint32_t)c->theme, c->file, c->lineno, must, want, text};
}

static void parse_key(line_ctx *c, const char *s, const char *end)
{
    const char *ke = s;
    while (ke < end && (isalpha((unsigned char)*ke) || *ke == '_'))
        ke++;
    const char *v = (const char *)memchr(ke, '=', (size_t)(end - ke)) + 1;
    while (v < end && (*v == ' ' || *v == '\t'))
        v++;
    size_t kn = (size_t)(ke - s), vn = (size_t)(end - v);
    if (c->theme < 0) {
        report(c, SL_ELEXICON, s, "key outside a theme; start a theme with [name] first");
        return;
    }
    if (vn >= 2 && v[0] == '"' && v[vn - 1] == '"') {
        v++;
        vn -= 2;
    }
    sl_theme *t = &c->p->lex->themes[c->theme];
    char **slot = NULL;
    if (!c->p->modifiers && ((kn == 7 && memcmp(s, "example", 7) == 0) ||
                             (kn == 14 && memcmp(s, "counterexample", 14) == 0))) {
        parse_example(c, kn == 7, v, vn);
        return;
    }
    if (!c->p->modifiers && kn == 9 && memcmp(s, "direction", 9) == 0) {
        static const char *const dirs[] = {"improved", "worsened", "mentioned"};
        for (int k = 0; k < 3; k++)
            if (vn == strlen(dirs[k]) && memcmp(v, dirs[k], vn) == 0)
                t->fixed = (uint8_t)(k + 1); /* SL_DIRECTION_IMPROVED .. _MENTIONED */
        if (!t->fixed)
            report(c, SL_ELEXICON, v, "direction must be improved, worsened or mentioned, not "
                                      "\"%.*s\" (leave it out to judge each hit)", (int)vn, v);
        return;
    }
    if (kn == 5 && memcmp(s, "label", 5) == 0)
        slot = &t->label;
    else if (kn == 11 && memcmp(s, "description", 11) == 0)
        slot = &t->description;
    else if (kn == 8 && memcmp(s, "polarity", 8) == 0) {
        if (vn == 7 && memcmp(v, "problem", 7) == 0)
            t->polarity = SL_PROBLEM;
        else if (vn == 5 && memcmp(v, "asset", 5) == 0)
            t->polarity = SL_ASSET;
        else if (vn == 7 && memcmp(v, "neutral", 7) == 0)
            t->polarity = SL_NEUTRAL;
        else
            report(c, SL_ELEXICON, v, "polarity must be problem, asset or neutral, not \"%.*s\"",
                   (int)vn, v);
        return;
    } else if (c->p->modifiers && kn == 5 && memcmp(s, "scope", 5) == 0) {
        parse_scope_value(c, v, vn, &t->scope);
        return;
    } else if (c->p->modifiers && kn == 8 && memcmp(s, "distance", 8) == 0) {
        parse_distance_value(c, v, vn, &t->distance);
        return;
    } else {
        report(c, SL_ELEXICON, s,
               c->p->modifiers ? "unknown key \"%.*s\"; the keys are label, description, "
                                 "polarity, scope and distance (a word entry has no '=')"
                               : "unknown key \"%.*s\"; the keys are label, description, "
                                 "polarity, direction, example and counterexample (a word "
                                 "entry has no '=')",
               (int)kn, s);
        return;
    }
    if (*slot) {
        report(c, SL_ELEXICON, s, "%.*s is given twice for [%s]", (int)kn, s, t->name);
        return;
    }
    *slot = dupn(v, vn);
    if (!*slot)
        report(c, SL_ENOMEM, s, "out of memory");
}

/* ---- entries ---------------------------------------------------------- */

static sl_entry *new_entry(line_ctx *c, const char *src, size_t n, const char *at, int excl)
{
    sl_lexicon *lex = c->p->lex;
    if (SL_GROW(lex->entries, lex->entries_cap, lex->nentries + 1) != 0) {
        report(c, SL_ENOMEM, at, "out of memory");
        return NULL;
    }
    sl_entry *e = &lex->entries[lex->nentries++];
    memset(e, 0, sizeof *e);
    e->source = dupn(src, n);
    e->report = (uint32_t)(lex->nentries - 1);
    e->theme = (uint32_t)c->theme;
    e->exclusion = excl;
    e->file = c->file;
    e->line = c->lineno;
    e->col = col_of(c, src);
    if (!e->source) {
        lex->nentries--;
        report(c, SL_ENOMEM, at, "out of memory");
        return NULL;
    }
    return e;
}

static int push_element(line_ctx *c, sl_atom_kind kind, const char *fold, size_t n, uint32_t *id)
{
    sl_lex_parse *p = c->p;
    if (SL_GROW(p->elements, p->elements_cap, p->nelements + 1) != 0)
        return -1;
    char *t = dupn(fold, n);
    if (!t)
        return -1;
    p->elements[p->nelements].kind = kind;
    p->elements[p->nelements].text = t;
    *id = (uint32_t)p->nelements++;
    return 0;
}

/* One word of an entry: `word`, `prefix*` or `=exact`. It must read as a
 * single token, so that it can ever equal a story token. */
static int parse_element(line_ctx *c, const char *w, size_t n, uint32_t *id)
{
    sl_atom_kind kind = SL_ATOM_STEM;
    const char *body = w;
    size_t bn = n;
    if (bn && body[0] == '=') {
        kind = SL_ATOM_EXACT;
        body++;
        bn--;
    } else if (bn && body[bn - 1] == '*') {
        kind = SL_ATOM_PREFIX;
        bn--;
    }
    const char *star = memchr(body, '*', bn);
    if (star) {
        report(c, SL_ELEXICON, star, "'*' may only end a word (a prefix wildcard such as isolat*)");
        return -1;
    }
    if (bn == 0) {
        report(c, SL_ELEXICON, w, "empty word in entry");
        return -1;
    }
    if (sli_tokenize(&c->toks, body, bn) != 0) {
        report(c, SL_ENOMEM, w, "out of memory");
        return -1;
    }
    if (c->toks.n != 1 || c->toks.tok[0].start != 0 || c->toks.tok[0].end != bn) {
        report(c, SL_ELEXICON, w,
               "\"%.*s\" is not one word as storylens reads text (%zu token%s); "
               "quote a phrase or use a /regex/",
               (int)n, w, c->toks.n, c->toks.n == 1 ? "" : "s");
        return -1;
    }
    const sl_token *t = &c->toks.tok[0];
    uint32_t flen = sli_token_fold_len(&c->toks, 0);
    /* The tokeniser caps folded forms at SL_MAX_PREFIX bytes, so a longer
     * prefix shows in its written length, not in its (cut) fold. */
    if (kind == SL_ATOM_PREFIX && (bn > SL_MAX_PREFIX || flen > SL_MAX_PREFIX)) {
        report(c, SL_ELEXICON, w, "wildcard prefix longer than %d bytes", SL_MAX_PREFIX);
        return -1;
    }
    if (push_element(c, kind, c->toks.fold + t->fold_off, flen, id) != 0) {
        report(c, SL_ENOMEM, w, "out of memory");
        return -1;
    }
    return 0;
}

static int append_atom(sl_entry *e, uint32_t id, unsigned gap)
{
    uint32_t *a = realloc(e->atoms, (e->natoms + 1) * sizeof *a);
    if (!a)
        return -1;
    e->atoms = a;
    uint8_t *g = realloc(e->gaps, (e->natoms + 1) * sizeof *g);
    if (!g)
        return -1;
    e->gaps = g;
    e->atoms[e->natoms] = id;
    e->gaps[e->natoms] = (uint8_t)gap;
    e->natoms++;
    return 0;
}

/* Reads a ~N gap marker; returns N, or -1 after reporting. */
static int parse_gap(line_ctx *c, const char *w, size_t n)
{
    if (n < 2 || n > 3) {
        report(c, SL_ELEXICON, w, "a gap is ~N with N from 0 to %d, e.g. \"stay ~3 home\"",
               SL_MAX_GAP);
        return -1;
    }
    int g = 0;
    for (size_t i = 1; i < n; i++) {
        if (!isdigit((unsigned char)w[i])) {
            report(c, SL_ELEXICON, w, "a gap is ~N with N a number, e.g. ~3");
            return -1;
        }
        g = g * 10 + (w[i] - '0');
    }
    if (g > SL_MAX_GAP) {
        report(c, SL_ELEXICON, w, "gap ~%d is longer than the largest, ~%d", g, SL_MAX_GAP);
        return -1;
    }
    return g;
}

static void parse_phrase(line_ctx *c, sl_entry *e, const char *s, const char *close)
{
    int gap = -1; /* -1: no gap pending */
    const char *q = s + 1;
    for (;;) {
        while (q < close && (*q == ' ' || *q == '\t'))
            q++;
        if (q >= close)
            break;
        const char *w = q;
        while (q < close && *q != ' ' && *q != '\t')
            q++;
        size_t n = (size_t)(q - w);
        if (w[0] == '~') {
            if (e->natoms == 0 || gap >= 0) {
                report(c, SL_ELEXICON, w, "a ~N gap must stand between two words");
                return;
            }
            gap = parse_gap(c, w, n);
            if (gap < 0)
                return;
            continue;
        }
        uint32_t id;
        if (parse_element(c, w, n, &id) != 0)
            return;
        if (append_atom(e, id, gap < 0 ? 0 : (unsigned)gap) != 0) {
            report(c, SL_ENOMEM, w, "out of memory");
            return;
        }
        gap = -1;
    }
    if (gap >= 0)
        report(c, SL_ELEXICON, close, "a ~N gap must stand between two words");
    else if (e->natoms == 0)
        report(c, SL_ELEXICON, s, "empty phrase");
}

/* The closing '/' of a regex starting at s (an unescaped one), or NULL. */
static const char *regex_close(const char *s, const char *end)
{
    for (const char *q = s + 1; q < end; q++) {
        if (*q == '\\')
            q++;
        else if (*q == '/')
            return q;
    }
    return NULL;
}

static void compile_regex(line_ctx *c, sl_entry *e, const char *s, const char *close,
                          const char *flags, size_t nflags)
{
    uint32_t opts = PCRE2_UTF | PCRE2_UCP | PCRE2_MATCH_INVALID_UTF;
    for (size_t i = 0; i < nflags; i++) {
        if (flags[i] == 'i')
            opts |= PCRE2_CASELESS;
        else if (flags[i] == 'x')
            opts |= PCRE2_EXTENDED;
        else {
            report(c, SL_ELEXICON, flags + i, "unknown regex flag '%c'; the flags are i and x",
                   flags[i]);
            return;
        }
    }
    int code;
    PCRE2_SIZE off;
    e->kind = SL_ENTRY_REGEX;
    e->re = pcre2_compile((PCRE2_SPTR)(s + 1), (PCRE2_SIZE)(close - s - 1), opts, &code, &off,
                          NULL);
    if (!e->re) {
        PCRE2_UCHAR msg[256];
        pcre2_get_error_message(code, msg, sizeof msg);
        report(c, SL_ELEXICON, s + 1 + off, "bad regex: %s (PCRE2 error %d at offset %zu)",
               (const char *)msg, code, (size_t)off);
        return;
    }
    /* JIT is an optimisation: where it is unavailable the interpreter runs. */
    pcre2_jit_compile(e->re, PCRE2_JIT_COMPLETE);
}

/* Where the entry text ends: before a comment or trailing blanks. */
static const char *entry_end(const char *s, const char *end)
{
    const char *q = s;
    int quoted = 0;
    for (; q < end; q++) {
        if (*q == '"')
            quoted = !quoted;
        else if (*q == '#' && !quoted)
            break;
    }
    while (q > s && (q[-1] == ' ' || q[-1] == '\t'))
        q--;
    return q;
}

/* The earlier entry of e's theme written the same way, or NULL. Entries
 * are indexed by theme and source as they come, so a large lexicon is not
 * checked in quadratic time; without memory for the index, by a scan. */
static const sl_entry *duplicate_entry(sl_lex_parse *p, const sl_entry *e)
{
    const sl_lexicon *lex = p->lex;
    size_t n = strlen(e->source);
    char *key = malloc(n + 16);
    if (key) {
        int k = snprintf(key, n + 16, "%u:%s", (unsigned)e->theme, e->source);
        int inserted;
        uint32_t *first = sli_strmap_put(&p->seen, key, (size_t)k,
                                        (uint32_t)(lex->nentries - 1), &inserted);
        free(key);
        if (first)
            return inserted ? NULL : &lex->entries[*first];
    }
    for (size_t i = 0; i + 1 < lex->nentries; i++)
        if (lex->entries[i].theme == e->theme && strcmp(lex->entries[i].source, e->source) == 0)
            return &lex->entries[i];
    return NULL;
}

/* Drops the entry parsed last, and its deferred rule if it had one: a
 * deferred record left behind would name an index the next entry takes
 * (or none), and concept.c would fill that. */
static void drop_last_entry(sl_lex_parse *p)
{
    sl_lexicon *lex = p->lex;
    sl_entry *e = &lex->entries[--lex->nentries];
    if (p->ndeferred && p->deferred[p->ndeferred - 1].entry == lex->nentries)
        free(p->deferred[--p->ndeferred].text);
    free(e->source);
    free(e->atoms);
    free(e->gaps);
    pcre2_code_free(e->re);
}

/* Whether [s, end) uses language v2: a <class>, or a rule. */
static int is_v2_entry(const char *s, const char *end)
{
    static const char *const rules[] = {"near(", "before(", "avoided(", "negated(", "ended(",
                                        "with(", "also("};
    if (*s == '/')
        return 0;
    if (memchr(s, '<', (size_t)(end - s)))
        return 1;
    for (size_t i = 0; i < sizeof rules / sizeof rules[0]; i++) {
        size_t n = strlen(rules[i]);
        if ((size_t)(end - s) > n && memcmp(s, rules[i], n) == 0)
            return 1;
    }
    return 0;
}

/* Keeps entry e (a placeholder in file order) for concept.c to expand once
 * every file is read. */
static int defer(line_ctx *c, sl_entry *e, const char *s, const char *end)
{
    sl_lex_parse *p = c->p;
    char *text = dupn(s, (size_t)(end - s));
    if (!text || SL_GROW(p->deferred, p->deferred_cap, p->ndeferred + 1) != 0) {
        free(text);
        report(c, SL_ENOMEM, s, "out of memory");
        return -1;
    }
    p->deferred[p->ndeferred++] = (sl_lex_deferred){(uint32_t)(e - p->lex->entries), text,
                                                    c->file, c->lineno, col_of(c, s), c->path};
    return 0;
}

static void parse_entry(line_ctx *c, const char *s, const char *end)
{
    if (c->theme < 0) {
        report(c, SL_ELEXICON, s, "entry outside a theme; start a theme with [name] first");
        return;
    }
    size_t before = c->p->nerrors;
    const char *src = s;
    int excl = 0;
    uint8_t scope = 0, resolved = 0, fixed = 0;
    uint16_t dist = 0;
    end = scope_suffix(c, s, entry_end(s, end), &scope, &dist, &resolved, &fixed);
    if (!end)
        return;
    if (*s == '!') {
        excl = 1;
        s++;
    }
    const char *ee;
    sl_entry *e;
    if (s < end && is_v2_entry(s, end)) {
        if (c->p->modifiers) {
            report(c, SL_ELEXICON, s, "word classes and rules belong in theme lexicons");
            return;
        }
        if (!(e = new_entry(c, src, (size_t)(end - src), src, excl)) || defer(c, e, s, end) != 0)
            return;
    } else if (s < end && *s == '/') { /* s == end after a lone '!' */
        const char *close = regex_close(s, end);
        if (!close) {
            report(c, SL_ELEXICON, s, "regex has no closing '/'; write /pattern/flags");
            return;
        }
        const char *fl = close + 1, *fe = fl;
        while (fe < end && isalpha((unsigned char)*fe))
            fe++;
        ee = entry_end(fe, end);
        if (ee != fe) {
            report(c, SL_ELEXICON, fe, "unexpected text after the regex");
            return;
        }
        if (!(e = new_entry(c, src, (size_t)(fe - src), src, excl)))
            return;
        compile_regex(c, e, s, close, fl, (size_t)(fe - fl));
    } else if (s < end && *s == '"') {
        const char *close = memchr(s + 1, '"', (size_t)(end - s - 1));
        if (!close) {
            report(c, SL_ELEXICON, s, "unclosed quote in phrase; end it with \"");
            return;
        }
        ee = entry_end(close + 1, end);
        if (ee != close + 1) {
            report(c, SL_ELEXICON, close + 1, "unexpected text after the phrase");
            return;
        }
        if (!(e = new_entry(c, src, (size_t)(ee - src), src, excl)))
            return;
        parse_phrase(c, e, s, close);
    } else {
        ee = entry_end(s, end);
        const char *sp = s;
        while (sp < ee && *sp != ' ' && *sp != '\t')
            sp++;
        if (sp < ee) {
            report(c, SL_ELEXICON, s, "a word entry has a space; quote a phrase: \"%.*s\"",
                   (int)(ee - s), s);
            return;
        }
        if (!(e = new_entry(c, src, (size_t)(ee - src), src, excl)))
            return;
        uint32_t id;
        if (parse_element(c, s, (size_t)(ee - s), &id) == 0 && append_atom(e, id, 0) != 0)
            report(c, SL_ENOMEM, s, "out of memory");
    }
    e->scope = scope;
    e->distance = dist;
    e->resolved = resolved;
    e->fixed = fixed;
    if (c->p->nerrors != before) {
        drop_last_entry(c->p);
        return;
    }
    const sl_entry *first = duplicate_entry(c->p, e);
    if (first) {
        /* A repeated entry counts once: harmless to the figures, but a
         * sign of a copy-paste slip, so lint says so. */
        sli_lex_diag_add(c->p, c->file, c->lineno, e->col, 1,
                        "duplicate entry %s in [%s], first at %s:%u:%u; it counts once, "
                        "delete this line", e->source, c->p->lex->themes[e->theme].name,
                        c->p->lex->files[first->file].path, (unsigned)first->line,
                        (unsigned)first->col);
        drop_last_entry(c->p);
    }
}

/* ---- lines ------------------------------------------------------------ */

static void parse_line(line_ctx *c, const char *s, const char *end)
{
    while (s < end && (*s == ' ' || *s == '\t'))
        s++;
    while (end > s && (end[-1] == ' ' || end[-1] == '\t' || end[-1] == '\r'))
        end--;
    if (s == end || *s == '#')
        return;
    if (*s == '[') {
        parse_header(c, s, entry_end(s, end));
    } else if (is_key_line(s, end)) {
        if (c->klass >= 0)
            report(c, SL_ELEXICON, s, "a word class has no keys; its lines are its members");
        else
            parse_key(c, s, entry_end(s, end));
    } else if (c->klass >= 0) {
        parse_member(c, s, end);
    } else {
        parse_entry(c, s, end);
    }
}

sl_status sli_lex_parse_buffer(sl_lex_parse *p, uint32_t file, const char *path, const char *buf,
                              size_t len, sl_error *err)
{
    line_ctx c = {.p = p, .path = path, .file = file, .theme = -1, .klass = -1, .err = err,
                  .col_base = 1};
    sli_tokens_init(&c.toks);
    const char *s = buf, *end = buf + len;
    if (len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0)
        s += 3;
    if (memchr(buf, '\0', len)) {
        sli_tokens_free(&c.toks);
        p->nerrors++; /* counted like any other, for "(and N more errors)" */
        sli_lex_diag_add(p, file, 1, 1, 0, "a NUL byte: this is not a text lexicon file");
        return sli_fail(err, SL_ELEXICON, "%s:1:1: a NUL byte: this is not a text lexicon file",
                       path);
    }
    while (s < end) {
        const char *nl = memchr(s, '\n', (size_t)(end - s));
        const char *le = nl ? nl : end;
        c.lineno++;
        c.line = s;
        parse_line(&c, s, le);
        s = nl ? nl + 1 : end;
    }
    sli_tokens_free(&c.toks);
    return c.status;
}

/* ---- for the importers ------------------------------------------------ */

int32_t sli_lex_theme(sl_lex_parse *p, uint32_t file, uint32_t line, const char *name)
{
    line_ctx c = {.p = p, .file = file, .lineno = line, .theme = -1, .klass = -1};
    size_t n = strlen(name);
    if (!valid_theme_name(name, n))
        return -2;
    int32_t t = theme_for(&c, name, n, 0);
    if (t >= 0)
        p->lex->themes[t].implicit = 0;
    return t;
}

sl_status sli_lex_add_entry(sl_lex_parse *p, uint32_t file, const char *path, uint32_t line,
                           uint32_t col, int32_t theme, const char *text, size_t len,
                           sl_error *err)
{
    line_ctx c = {.p = p, .path = path, .file = file, .lineno = line, .line = text,
                  .col_base = col, .theme = theme, .klass = -1, .err = err};
    sli_tokens_init(&c.toks);
    parse_entry(&c, text, text + len);
    sli_tokens_free(&c.toks);
    return c.status;
}

sl_status sli_lex_class(sl_lex_parse *p, uint32_t file, const char *path, uint32_t line,
                       uint32_t col, const char *name, size_t len, int32_t *klass,
                       sl_error *err)
{
    line_ctx c = {.p = p, .path = path, .file = file, .lineno = line, .line = name,
                  .col_base = col, .theme = -1, .klass = -1, .err = err};
    parse_class_header(&c, name, len);
    *klass = c.klass;
    return c.status;
}

sl_status sli_lex_add_member(sl_lex_parse *p, int32_t klass, uint32_t file, const char *path,
                            uint32_t line, uint32_t col, const char *text, size_t len,
                            sl_error *err)
{
    line_ctx c = {.p = p, .path = path, .file = file, .lineno = line, .line = text,
                  .col_base = col, .theme = -1, .klass = klass, .err = err};
    sli_tokens_init(&c.toks);
    parse_member(&c, text, text + len);
    sli_tokens_free(&c.toks);
    return c.status;
}

/* ---- for concept.c ------------------------------------------------------ */

sl_status sli_lex_fill_entry(sl_lex_parse *p, sl_entry *e, const char *path, const char *text,
                             size_t n, int phrase, sl_error *err)
{
    /* problems are reported at the entry's column: the text is made here */
    char *buf = malloc(n + 2);
    if (!buf)
        return sli_fail_nomem(err);
    buf[0] = '"';
    memcpy(buf + 1, text, n);
    buf[n + 1] = '\0';
    line_ctx c = {.p = p, .path = path, .file = e->file, .lineno = e->line, .line = buf + 1,
                  .col_base = e->col, .theme = (int32_t)e->theme, .klass = -1, .err = err};
    sli_tokens_init(&c.toks);
    text = buf + 1;
    if (phrase) {
        parse_phrase(&c, e, buf, buf + 1 + n); /* between the quote and the end */
    } else {
        uint32_t id;
        if (parse_element(&c, text, n, &id) == 0 && append_atom(e, id, 0) != 0)
            report(&c, SL_ENOMEM, text, "out of memory");
    }
    sli_tokens_free(&c.toks);
    free(buf);
    return c.status;
}

sl_entry *sli_lex_alias_entry(sl_lex_parse *p, uint32_t report)
{
    sl_lexicon *lex = p->lex;
    if (SL_GROW(lex->entries, lex->entries_cap, lex->nentries + 1) != 0)
        return NULL;
    const sl_entry *proto = &lex->entries[report];
    sl_entry *e = &lex->entries[lex->nentries];
    *e = (sl_entry){.source = strdup(proto->source), .theme = proto->theme,
                    .exclusion = proto->exclusion, .file = proto->file, .line = proto->line,
                    .col = proto->col, .cond = proto->cond, .resolved = proto->resolved,
                    .fixed = proto->fixed, .also = proto->also, .need = proto->need,
                    .report = report};
    if (!e->source)
        return NULL;
    lex->nentries++;
    return e;
}

/*
 * lint.c - every problem of a set of lexicons at once (storylens lint).
 *
 * Errors come from the parser itself (the same checks sl_lexicon_load
 * makes, but all of them kept rather than the first); the warnings below
 * are about lexicons that load but do not say what their author meant:
 *   - a wildcard with a prefix under SL_LINT_MIN_PREFIX characters;
 *   - a word whose stem is empty (it matches any word that stems to
 *     nothing, not the word meant);
 *   - an entry that an exclusion of its own theme removes on every match;
 *   - an entry written in two themes of one file;
 *   - an exclusion that overlaps nothing an entry of its theme (or a
 *     sub-theme) could match, so it removes nothing.
 * (Repeated entries in one theme are warned about by the parser.)
 * The overlap tests are conservative: where a regex or a ~N gap makes an
 * overlap possible without a shared word, no warning is given.
 * The caller may add items of its own after these (sl_lint_add: storylens
 * lint adds the example sentences that fail, tune/examples.c), so every
 * output format lists them alike.
 */
#include <stdlib.h>
#include <string.h>
#include <stdarg.h>

#include "core/error.h"
#include "core/vec.h"
#include "write/emit.h"
#include "lexicon/lexicon.h"
#include "text/stem.h"

/* A wildcard must keep at least this many characters before '*': one or
 * two letters (a*, th*) catch a large share of all English words. */
#define SL_LINT_MIN_PREFIX 3

struct sl_lint {
    sl_lint_item *items;
    size_t nitems, items_cap;
    char **paths;            /* the files, for items' file names */
    size_t npaths, paths_cap;
    char **messages;         /* one per item */
    size_t messages_cap;
};

typedef struct lint_ctx {
    sl_lex_parse *p;
    char **stems;            /* per element: its stem (STEM, EXACT), else NULL */
} lint_ctx;

static size_t utf8_chars(const char *s)
{
    size_t n = 0;
    for (; *s; s++)
        n += ((unsigned char)*s & 0xC0) != 0x80;
    return n;
}

static const sl_lex_element *elem(const lint_ctx *c, const sl_entry *e, uint32_t k)
{
    return &c->p->elements[e->atoms[k]];
}

static void warn(const lint_ctx *c, const sl_entry *e, const char *fmt, ...) SL_PRINTF(3, 4);

/* Every warning names the entry's own position. */
static void warn(const lint_ctx *c, const sl_entry *e, const char *fmt, ...)
{
    char msg[SL_ERROR_TEXT];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    sli_lex_diag_add(c->p, e->file, e->line, e->col, 1, "%s", msg);
}

static void check_words(const lint_ctx *c, const sl_entry *e)
{
    for (uint32_t k = 0; k < e->natoms; k++) {
        const sl_lex_element *el = elem(c, e, k);
        size_t n = utf8_chars(el->text);
        if (el->kind == SL_ATOM_PREFIX && n < SL_LINT_MIN_PREFIX)
            warn(c, e, "wildcard %s* keeps only %zu character%s before '*' and catches most "
                 "words that start with it; use at least %d characters or list the words",
                 el->text, n, n == 1 ? "" : "s", SL_LINT_MIN_PREFIX);
        if (el->kind == SL_ATOM_STEM && c->stems[e->atoms[k]] && !c->stems[e->atoms[k]][0])
            warn(c, e, "the stem of \"%s\" is empty, so %s matches any word that stems to "
                 "nothing rather than this word; write it as an exact word =%s", el->text,
                 e->source, el->text);
    }
}

static int starts_with(const char *s, const char *prefix)
{
    return strncmp(s, prefix, strlen(prefix)) == 0;
}

/* Could one token satisfy both elements? Conservative: 1 when unsure. */
static int compatible(const lint_ctx *c, uint32_t ia, uint32_t ib)
{
    const sl_lex_element *a = &c->p->elements[ia], *b = &c->p->elements[ib];
    if (a->kind == SL_ATOM_PREFIX && b->kind != SL_ATOM_PREFIX)
        return compatible(c, ib, ia);
    const char *sa = c->stems[ia], *sb = c->stems[ib];
    if (b->kind == SL_ATOM_PREFIX) {
        if (a->kind == SL_ATOM_PREFIX)
            return starts_with(a->text, b->text) || starts_with(b->text, a->text);
        if (a->kind == SL_ATOM_EXACT)
            return starts_with(a->text, b->text);
        /* a stem: its words start with the stem, bar a changed last letter
         * (happy -> happi), so compare all but the stem's last byte */
        size_t n = strlen(sa), m = strlen(b->text);
        size_t k = n ? n - 1 : 0;
        return strncmp(sa, b->text, k < m ? k : m) == 0;
    }
    if (a->kind == SL_ATOM_EXACT && b->kind == SL_ATOM_EXACT)
        return strcmp(a->text, b->text) == 0;
    return sa && sb && strcmp(sa, sb) == 0; /* stem/stem, stem/exact */
}

/* Does exclusion x remove every match of entry e? (single words only) */
static int covers(const lint_ctx *c, const sl_entry *x, const sl_entry *e)
{
    if (x->kind != SL_ENTRY_TOKENS || e->kind != SL_ENTRY_TOKENS || x->natoms != 1 ||
        e->natoms != 1)
        return 0;
    const sl_lex_element *xa = elem(c, x, 0), *ea = elem(c, e, 0);
    const char *xs = c->stems[x->atoms[0]], *es = c->stems[e->atoms[0]];
    switch (xa->kind) {
    case SL_ATOM_PREFIX:
        return ea->kind != SL_ATOM_STEM && starts_with(ea->text, xa->text);
    case SL_ATOM_EXACT:
        return ea->kind == SL_ATOM_EXACT && strcmp(ea->text, xa->text) == 0;
    case SL_ATOM_STEM:
        return ea->kind != SL_ATOM_PREFIX && xs && es && strcmp(xs, es) == 0;
    }
    return 0;
}

static int has_gap(const sl_entry *e)
{
    for (uint32_t k = 1; k < e->natoms; k++)
        if (e->gaps[k])
            return 1;
    return 0;
}

static int may_overlap(const lint_ctx *c, const sl_entry *x, const sl_entry *e)
{
    if (x->kind == SL_ENTRY_REGEX || e->kind == SL_ENTRY_REGEX || has_gap(x) || has_gap(e))
        return 1;
    for (uint32_t i = 0; i < x->natoms; i++)
        for (uint32_t j = 0; j < e->natoms; j++)
            if (compatible(c, x->atoms[i], e->atoms[j]))
                return 1;
    return 0;
}

static int is_within(const sl_lexicon *lex, uint32_t t, uint32_t ancestor)
{
    for (int32_t u = (int32_t)t; u >= 0; u = lex->themes[u].parent)
        if ((uint32_t)u == ancestor)
            return 1;
    return 0;
}

static void check_exclusion(const lint_ctx *c, const sl_entry *x)
{
    const sl_lexicon *lex = c->p->lex;
    int any = 0;
    for (size_t i = 0; i < lex->nentries; i++) {
        const sl_entry *e = &lex->entries[i];
        if (e->exclusion || !is_within(lex, e->theme, x->theme))
            continue;
        if (e->theme == x->theme && covers(c, x, e)) {
            warn(c, e, "entry %s can never count: the exclusion %s at line %u removes every "
                 "match of it", e->source, x->source, (unsigned)x->line);
        }
        any |= may_overlap(c, x, e);
    }
    if (!any)
        warn(c, x, "exclusion %s overlaps nothing an entry of [%s] can match, so it removes "
             "nothing; check its words against the theme's entries", x->source,
             lex->themes[x->theme].name);
}

static void check_repeats(const lint_ctx *c, const sl_entry *e, size_t idx)
{
    const sl_lexicon *lex = c->p->lex;
    for (size_t i = 0; i < idx; i++) {
        const sl_entry *f = &lex->entries[i];
        if (f->exclusion || f->file != e->file || f->theme == e->theme ||
            strcmp(f->source, e->source) != 0)
            continue;
        warn(c, e, "entry %s is also in [%s] at line %u; a story it matches counts for both "
             "themes: keep it in one", e->source, lex->themes[f->theme].name,
             (unsigned)f->line);
        return;
    }
}

static sl_status stem_elements(lint_ctx *c, const char *language, sl_error *err)
{
    sl_stem_cache *st;
    sl_status s = sli_stem_cache_new(&st, language, err);
    if (s != SL_OK)
        return s;
    c->stems = calloc(c->p->nelements + 1, sizeof *c->stems);
    for (size_t i = 0; c->stems && i < c->p->nelements; i++) {
        const sl_lex_element *el = &c->p->elements[i];
        if (el->kind == SL_ATOM_PREFIX)
            continue;
        char buf[SL_STEM_MAX_WORD * 4 + 1];
        int n = sli_stem_once(st, el->text, strlen(el->text), buf, sizeof buf);
        if (n < 0 || !(c->stems[i] = strndup(buf, (size_t)n))) {
            s = sli_fail_nomem(err);
            break;
        }
    }
    if (!c->stems)
        s = sli_fail_nomem(err);
    sli_stem_cache_free(st);
    return s;
}

static void lint_entries(lint_ctx *c)
{
    const sl_lexicon *lex = c->p->lex;
    for (size_t i = 0; i < lex->nentries; i++) {
        const sl_entry *e = &lex->entries[i];
        if (e->kind == SL_ENTRY_TOKENS)
            check_words(c, e);
        if (e->exclusion)
            check_exclusion(c, e);
        else
            check_repeats(c, e, i);
    }
}

static int cmp_diag(const void *pa, const void *pb)
{
    const sl_lex_diag *a = pa, *b = pb;
    if (a->file != b->file)
        return a->file < b->file ? -1 : 1;
    if (a->line != b->line)
        return a->line < b->line ? -1 : 1;
    if (a->col != b->col)
        return a->col < b->col ? -1 : 1;
    return a->seq < b->seq ? -1 : a->seq > b->seq; /* else the order found */
}

static sl_status to_items(sl_lint *l, sl_lex_parse *p, sl_error *err)
{
    if (p->ndiags) /* diags is NULL when there are none */
        qsort(p->diags, p->ndiags, sizeof *p->diags, cmp_diag);
    l->items = calloc(p->ndiags + 1, sizeof *l->items);
    l->messages = calloc(p->ndiags + 1, sizeof *l->messages);
    l->paths = calloc(p->lex->nfiles + 1, sizeof *l->paths);
    if (!l->items || !l->messages || !l->paths)
        return sli_fail_nomem(err);
    l->items_cap = l->messages_cap = p->ndiags + 1;
    l->paths_cap = p->lex->nfiles + 1;
    for (size_t i = 0; i < p->lex->nfiles; i++) {
        l->paths[i] = p->lex->files[i].path;
        p->lex->files[i].path = NULL;
        l->npaths++;
    }
    for (size_t i = 0; i < p->ndiags; i++) {
        const sl_lex_diag *d = &p->diags[i];
        l->messages[i] = d->message;
        p->diags[i].message = NULL;
        l->items[i] = (sl_lint_item){d->file < l->npaths ? l->paths[d->file] : "?",
                                     d->line, d->col,
                                     d->warning ? SL_LINT_WARNING : SL_LINT_ERROR,
                                     l->messages[i]};
        l->nitems++;
    }
    return SL_OK;
}

sl_status sl_lint_lexicons(sl_lint **out, const char *const *paths, size_t npaths,
                           const char *language, sl_error *err)
{
    *out = NULL;
    sl_lint *l = calloc(1, sizeof *l);
    sl_lexicon *lex = calloc(1, sizeof *lex);
    sl_lex_parse p = {.lex = lex, .collect = 1};
    lint_ctx c = {.p = &p};
    sl_status s = l && lex ? SL_OK : sli_fail_nomem(err);
    if (s == SL_OK) {
        sl_error ignored; /* every problem is in p.diags; the first is not special */
        s = sli_lex_parse_paths(&p, paths, npaths, &ignored);
        if (s == SL_ELEXICON)
            s = SL_OK;
        else if (s != SL_OK)
            *err = ignored;
    }
    if (s == SL_OK)
        s = stem_elements(&c, language ? language : "english", err);
    if (s == SL_OK)
        lint_entries(&c);
    if (s == SL_OK && p.diags_oom)
        s = sli_fail_nomem(err);
    if (s == SL_OK)
        s = to_items(l, &p, err);
    for (size_t i = 0; c.stems && i < p.nelements; i++)
        free(c.stems[i]);
    free(c.stems);
    sli_lex_parse_free(&p);
    sl_lexicon_free(lex);
    if (s != SL_OK) {
        sl_lint_free(l);
        return s;
    }
    *out = l;
    return SL_OK;
}

size_t sl_lint_count(const sl_lint *l)
{
    return l ? l->nitems : 0;
}

const sl_lint_item *sl_lint_item_at(const sl_lint *l, size_t i)
{
    return l && i < l->nitems ? &l->items[i] : NULL;
}

/* The lint's own copy of file: one of its paths, added when new. */
static const char *own_path(sl_lint *l, const char *file)
{
    for (size_t i = 0; i < l->npaths; i++)
        if (strcmp(l->paths[i], file) == 0)
            return l->paths[i];
    char *copy = strdup(file);
    if (!copy || SL_GROW(l->paths, l->paths_cap, l->npaths + 1) != 0) {
        free(copy);
        return NULL;
    }
    return l->paths[l->npaths++] = copy;
}

sl_status sl_lint_add(sl_lint *l, const char *file, unsigned line, unsigned col,
                      sl_lint_severity severity, const char *message, sl_error *err)
{
    if (!l || !file || !message)
        return sli_fail(err, SL_EUSAGE, "sl_lint_add: no lint, file or message");
    if (severity != SL_LINT_ERROR && severity != SL_LINT_WARNING)
        return sli_fail(err, SL_EUSAGE, "sl_lint_add: unknown severity %d", (int)severity);
    const char *path = own_path(l, file);
    char *msg = path ? strdup(message) : NULL;
    if (!msg || SL_GROW(l->items, l->items_cap, l->nitems + 1) != 0 ||
        SL_GROW(l->messages, l->messages_cap, l->nitems + 1) != 0) {
        free(msg);
        return sli_fail_nomem(err);
    }
    l->messages[l->nitems] = msg;
    l->items[l->nitems++] = (sl_lint_item){path, line, col, severity, msg};
    return SL_OK;
}

void sl_lint_free(sl_lint *l)
{
    if (!l)
        return;
    for (size_t i = 0; i < l->nitems; i++)
        free(l->messages[i]);
    for (size_t i = 0; i < l->npaths; i++)
        free(l->paths[i]);
    free(l->messages);
    free(l->paths);
    free(l->items);
    free(l);
}

sl_status sl_lint_write_json(const sl_lint *lint, FILE *out, sl_error *err)
{
    sl_jb b = {0};
    size_t errors = 0, warnings = 0;
    json_t *root = json_object(), *list = json_array();
    for (size_t i = 0; i < lint->nitems; i++) {
        const sl_lint_item *it = &lint->items[i];
        *(it->severity == SL_LINT_ERROR ? &errors : &warnings) += 1;
        json_t *o = json_object();
        sli_jb_set(&b, o, "file", sli_json_text(it->file));
        sli_jb_set(&b, o, "line", sli_json_count(it->line));
        sli_jb_set(&b, o, "column", sli_json_count(it->col));
        sli_jb_set(&b, o, "severity", sli_json_text(it->severity == SL_LINT_ERROR ? "error"
                                                                                  : "warning"));
        sli_jb_set(&b, o, "message", sli_json_text(it->message));
        sli_jb_push(&b, list, o);
    }
    sli_jb_set(&b, root, "errors", sli_json_count(errors));
    sli_jb_set(&b, root, "warnings", sli_json_count(warnings));
    sli_jb_set(&b, root, "diagnostics", list);
    return sli_jb_finish(&b, root, out, JSON_INDENT(2) | JSON_PRESERVE_ORDER, err);
}

/*
 * import_liwc.c - LIWC-format .dic dictionaries as lexicons.
 *
 * The format: a category block between two lines holding only '%', each
 * line "NUMBER<blank>NAME", then one word a line, "word<TAB>NUMBER NUMBER
 * ...", where a word may end in '*' (any continuation). Each category
 * becomes a theme named NAME, in block order; each word becomes an entry of
 * every theme its numbers name (word* -> wildcard, word -> =word). LIWC's
 * conditional entries ("like (02 134)125/464") have no equivalent and are
 * reported as errors rather than guessed. Nor has LIWC any word classes or
 * rules (language v2): a word holding '(' or '<' is reported as such, not
 * imported as a word it cannot be.
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "core/error.h"
#include "core/vec.h"
#include "lexicon/import_glob.h"
#include "lexicon/lexicon.h"

typedef struct liwc_ctx {
    sl_lex_parse *p;
    uint32_t file;
    const char *path;
    uint32_t line;
    const char *ls;          /* start of the current line */
    sl_error *err;
    sl_status status;        /* the first problem */
    long *ids;               /* category number -> theme */
    int32_t *themes;
    size_t ncats, cats_cap;  /* ids and themes share cats_cap */
} liwc_ctx;

static void liwc_error(liwc_ctx *c, sl_status code, const char *at, const char *fmt, ...)
    SL_PRINTF(4, 5);

static void liwc_error(liwc_ctx *c, sl_status code, const char *at, const char *fmt, ...)
{
    char msg[SL_ERROR_TEXT - 64];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    uint32_t col = (uint32_t)(at - c->ls) + 1;
    c->p->nerrors++;
    sli_lex_diag_add(c->p, c->file, c->line, col, 0, "%s", msg);
    if (c->status == SL_OK) {
        c->status = code;
        sli_fail(c->err, code, "%s:%u:%u: %s", c->path, (unsigned)c->line, (unsigned)col, msg);
    }
}

static const char *skip_blank(const char *s, const char *end)
{
    while (s < end && (*s == ' ' || *s == '\t'))
        s++;
    return s;
}

static const char *to_blank(const char *s, const char *end)
{
    while (s < end && *s != ' ' && *s != '\t')
        s++;
    return s;
}

/* "NUMBER NAME" inside the category block. */
static void category_line(liwc_ctx *c, const char *s, const char *end)
{
    const char *ne = to_blank(s, end);
    char *stop;
    long id = strtol(s, &stop, 10);
    if (stop != ne || s == ne) {
        liwc_error(c, SL_ELEXICON, s, "a category line is NUMBER NAME, e.g. \"1\tposemo\"");
        return;
    }
    const char *name = skip_blank(ne, end);
    const char *nend = end;
    while (nend > name && (nend[-1] == ' ' || nend[-1] == '\t'))
        nend--;
    if (name == nend) {
        liwc_error(c, SL_ELEXICON, ne, "category %ld has no name", id);
        return;
    }
    for (size_t i = 0; i < c->ncats; i++)
        if (c->ids[i] == id) {
            liwc_error(c, SL_ELEXICON, s, "category number %ld is defined twice", id);
            return;
        }
    char *nm = strndup(name, (size_t)(nend - name));
    /* each grows from cats_cap, which moves only once both have */
    size_t cap = c->cats_cap;
    int grown = SL_GROW(c->ids, cap, c->ncats + 1) == 0;
    if (grown) {
        cap = c->cats_cap;
        grown = SL_GROW(c->themes, cap, c->ncats + 1) == 0;
    }
    if (grown)
        c->cats_cap = cap;
    if (!nm || !grown) {
        free(nm);
        liwc_error(c, SL_ENOMEM, s, "out of memory");
        return;
    }
    int32_t t = sli_lex_theme(c->p, c->file, c->line, nm);
    free(nm);
    if (t == -2) {
        liwc_error(c, SL_ELEXICON, name, "category name \"%.*s\" cannot be a theme name; use "
                   "letters, digits, '_' or '-'", (int)(nend - name), name);
        return;
    }
    if (t < 0) {
        liwc_error(c, SL_ENOMEM, s, "out of memory");
        return;
    }
    c->ids[c->ncats] = id;
    c->themes[c->ncats++] = t;
}

static int32_t theme_of_id(const liwc_ctx *c, long id)
{
    for (size_t i = 0; i < c->ncats; i++)
        if (c->ids[i] == id)
            return c->themes[i];
    return -1;
}

/* "word<TAB>NUMBER NUMBER ..." after the block. The word is everything
 * before the first tab (LIWC words may hold spaces: a phrase). */
static void word_line(liwc_ctx *c, const char *s, const char *end)
{
    const char *tab = memchr(s, '\t', (size_t)(end - s));
    const char *we = tab ? tab : to_blank(s, end);
    if (memchr(s, '(', (size_t)(we - s)) || memchr(s, '<', (size_t)(we - s))) {
        liwc_error(c, SL_ELEXICON, s, "LIWC dictionaries have no word classes or rules; write "
                   "them in a .lex or .yml file");
        return;
    }
    if (we == end) {
        liwc_error(c, SL_ELEXICON, s, "word with no category numbers; write word<TAB>NUMBER...");
        return;
    }
    char entry[1024];
    int n = sli_import_glob(s, (size_t)(we - s), entry, sizeof entry);
    if (n < 0) {
        liwc_error(c, SL_ELEXICON, s, n == -2 ? "only a '*' at the end of a word is supported "
                   "(a prefix wildcard such as isolat*)" : "word too long");
        return;
    }
    uint32_t col = (uint32_t)(s - c->ls) + 1;
    /* the '=' storylens adds is not in the file: keep columns on the word */
    uint32_t base = entry[0] == '=' && col > 1 ? col - 1 : col;
    for (const char *q = skip_blank(we, end); q < end; q = skip_blank(q, end)) {
        const char *qe = to_blank(q, end);
        char *stop;
        long id = strtol(q, &stop, 10);
        if (stop != qe) {
            liwc_error(c, SL_ELEXICON, q, "\"%.*s\" is not a category number (LIWC conditional "
                       "entries are not supported)", (int)(qe - q), q);
            return;
        }
        int32_t t = theme_of_id(c, id);
        if (t < 0) {
            liwc_error(c, SL_ELEXICON, q, "category %ld is not in the %% block", id);
        } else {
            sl_error tmp;
            sl_status st = sli_lex_add_entry(c->p, c->file, c->path, c->line, base, t, entry,
                                            (size_t)n, c->status == SL_OK ? c->err : &tmp);
            if (st != SL_OK && c->status == SL_OK)
                c->status = st;
        }
        q = qe;
    }
}

sl_status sli_lex_parse_liwc(sl_lex_parse *p, uint32_t file, const char *path, const char *buf,
                            size_t len, sl_error *err)
{
    liwc_ctx c = {.p = p, .file = file, .path = path, .err = err};
    const char *s = buf, *end = buf + len;
    if (len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0)
        s += 3;
    int block = 0; /* 0 before the first %, 1 inside, 2 after */
    uint32_t open_line = 0;
    const char *open_at = s;
    while (s < end) {
        const char *nl = memchr(s, '\n', (size_t)(end - s));
        const char *le = nl ? nl : end;
        c.line++;
        c.ls = s;
        while (le > s && (le[-1] == '\r' || le[-1] == ' ' || le[-1] == '\t'))
            le--;
        const char *t = skip_blank(s, le);
        if (t < le && t[0] == '%' && t + 1 == le) {
            if (block++ == 0) {
                open_line = c.line;
                open_at = t;
            }
        }
        else if (t == le)
            ;
        else if (block == 1)
            category_line(&c, t, le);
        else if (block >= 2)
            word_line(&c, t, le);
        else
            liwc_error(&c, SL_ELEXICON, t, "a .dic file starts with its category block "
                       "between two lines holding only %%");
        s = nl ? nl + 1 : end;
    }
    if (block == 1) {
        c.line = open_line;
        c.ls = open_at;
        liwc_error(&c, SL_ELEXICON, open_at, "the category block opened here is not closed by "
                   "a line holding only %%");
    } else if (block == 0 && c.status == SL_OK) {
        c.line = 1;
        c.ls = open_at;
        liwc_error(&c, SL_ELEXICON, open_at, "no category block: a .dic file starts with one "
                   "between two lines holding only %%");
    }
    free(c.ids);
    free(c.themes);
    return c.status;
}

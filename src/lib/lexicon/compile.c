/*
 * lexicon_compile.c - loading *.lex files and compiling them for matching.
 *
 * sl_lexicon_load() reads every file (a directory gives its *.lex files in
 * sorted order), records each file's SHA-256 so a published figure can be
 * traced to the exact lexicon that made it, parses them all (reporting the
 * first error with a count of the rest), then compiles: each distinct
 * single-token test becomes one atom, indexed by what a token offers (its
 * stem, its folded form, its prefixes), and each atom lists the entries
 * that begin with it.
 */
#include <dirent.h>
#include <errno.h>
#include <nettle/sha2.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <libstemmer.h>

#include "core/error.h"
#include "core/vec.h"
#include "lexicon/lexicon.h"
#include "text/stem.h"

/* ---- files ------------------------------------------------------------ */

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int has_lex_ext(const char *name)
{
    size_t n = strlen(name);
    return n > 4 && strcmp(name + n - 4, ".lex") == 0 && name[0] != '.';
}

/* Appends path, or the sorted *.lex files of a directory, to *list, of
 * capacity *cap. */
static sl_status expand_path(const char *path, char ***list, size_t *n, size_t *cap,
                             sl_error *err)
{
    struct stat st;
    if (stat(path, &st) != 0)
        return sli_fail(err, SL_ENOINPUT, "%s: cannot open lexicon: %s", path, strerror(errno));
    size_t first = *n;
    if (S_ISDIR(st.st_mode)) {
        DIR *d = opendir(path);
        if (!d)
            return sli_fail(err, SL_ENOINPUT, "%s: cannot open lexicon directory: %s", path,
                           strerror(errno));
        struct dirent *de;
        while ((de = readdir(d))) {
            if (!has_lex_ext(de->d_name))
                continue;
            size_t len = strlen(path) + strlen(de->d_name) + 2;
            char *full = malloc(len);
            if (!full || SL_GROW(*list, *cap, *n + 1) != 0) {
                free(full);
                closedir(d);
                return sli_fail_nomem(err);
            }
            snprintf(full, len, "%s%s%s", path, path[strlen(path) - 1] == '/' ? "" : "/",
                     de->d_name);
            (*list)[(*n)++] = full;
        }
        closedir(d);
        if (*n == first) /* before qsort: *list may still be NULL */
            return sli_fail(err, SL_ENOINPUT, "%s: no *.lex files in this directory", path);
        qsort(*list + first, *n - first, sizeof **list, cmp_str);
        return SL_OK;
    }
    char *dup = strdup(path);
    if (!dup || SL_GROW(*list, *cap, *n + 1) != 0) {
        free(dup);
        return sli_fail_nomem(err);
    }
    (*list)[(*n)++] = dup;
    return SL_OK;
}

sl_status sli_read_file(const char *path, char **buf, size_t *len, sl_error *err)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return sli_fail(err, SL_ENOINPUT, "%s: cannot open lexicon: %s", path, strerror(errno));
    size_t cap = 0, n = 0;
    char *b = NULL;
    for (;;) {
        if (SL_GROW(b, cap, n + 4096) != 0) {
            free(b);
            b = NULL;
            break;
        }
        n += fread(b + n, 1, cap - n, f);
        if (n < cap)
            break;
    }
    int bad = ferror(f);
    fclose(f);
    if (!b)
        return sli_fail_nomem(err);
    if (bad) {
        free(b);
        return sli_fail(err, SL_EIO, "%s: read error", path);
    }
    *buf = b;
    *len = n;
    return SL_OK;
}

void sli_sha256_hex(const char *buf, size_t len, char out[65])
{
    struct sha256_ctx ctx;
    uint8_t digest[SHA256_DIGEST_SIZE];
    sha256_init(&ctx);
    sha256_update(&ctx, len, (const uint8_t *)buf);
    sha256_digest(&ctx, sizeof digest, digest);
    for (size_t i = 0; i < sizeof digest; i++)
        snprintf(out + 2 * i, 3, "%02x", digest[i]);
}

/* ---- compile ---------------------------------------------------------- */

static sl_strmap *atom_map(sl_lexicon *lex, sl_atom_kind k)
{
    return k == SL_ATOM_STEM ? &lex->stem_atoms
         : k == SL_ATOM_EXACT ? &lex->exact_atoms : &lex->prefix_atoms;
}

/* The atom for element el, created on first use. UINT32_MAX on OOM. */
static uint32_t intern_atom(sl_lexicon *lex, sl_stem_cache *st, const sl_lex_element *el)
{
    char stem[SL_STEM_MAX_WORD * 4 + 1];
    const char *key = el->text;
    size_t n = strlen(key);
    if (el->kind == SL_ATOM_STEM) {
        int sn = sli_stem_once(st, key, n, stem, sizeof stem);
        if (sn < 0)
            return UINT32_MAX;
        key = stem;
        n = (size_t)sn;
    }
    int inserted;
    uint32_t *v = sli_strmap_put(atom_map(lex, el->kind), key, n, (uint32_t)lex->natoms, &inserted);
    if (!v)
        return UINT32_MAX;
    if (inserted) {
        lex->natoms++;
        if (el->kind == SL_ATOM_PREFIX)
            lex->prefix_len[n] = 1;
    }
    return *v;
}

/* Words first, then phrases by second atom, each in lexicon order (a
 * total order, so the index never depends on the sort's stability). */
static int cmp_first(const void *a, const void *b)
{
    const sl_first *x = a, *y = b;
    int px = x->natoms > 1, py = y->natoms > 1;
    if (px != py)
        return px - py;
    if (px && x->next != y->next)
        return x->next < y->next ? -1 : 1;
    return (x->entry > y->entry) - (x->entry < y->entry);
}

/* Sorts one atom's run so that phrases sharing a second atom sit
 * together, and notes the length of each group: rules of the lexicon
 * language v2 expand into hundreds of phrases on one first word, most
 * sharing a second ("care home ..."), and the matcher passes over a
 * group whose second atom is out of reach in one step. Candidates are
 * resolved in a total order (match.c), so this order changes no hit. */
static void group_by_next(sl_first *f, size_t n)
{
    qsort(f, n, sizeof *f, cmp_first);
    for (size_t i = n; i-- > 0;) {
        unsigned same = i + 1 < n && f[i].natoms > 1 && f[i + 1].natoms > 1 &&
                                f[i + 1].next == f[i].next
                            ? f[i + 1].same_next + 1u
                            : 0u;
        f[i].same_next = (uint8_t)(same > UINT8_MAX ? UINT8_MAX : same);
    }
}

static sl_status build_first_index(sl_lexicon *lex, sl_error *err)
{
    lex->first_off = calloc(lex->natoms + 1, sizeof *lex->first_off);
    lex->regexes = malloc((lex->nentries_all + 1) * sizeof *lex->regexes);
    if (!lex->first_off || !lex->regexes)
        return sli_fail_nomem(err);
    size_t ntok = 0;
    for (size_t i = 0; i < lex->nentries_all; i++) {
        const sl_entry *e = &lex->entries[i];
        if (e->kind == SL_ENTRY_REGEX)
            lex->regexes[lex->nregexes++] = (uint32_t)i;
        else {
            lex->first_off[e->atoms[0] + 1]++;
            ntok++;
        }
    }
    for (size_t a = 0; a < lex->natoms; a++)
        lex->first_off[a + 1] += lex->first_off[a];
    lex->first = calloc(ntok + 1, sizeof *lex->first);
    uint32_t *fill = calloc(lex->natoms + 1, sizeof *fill);
    if (!lex->first || !fill) {
        free(fill);
        return sli_fail_nomem(err);
    }
    /* Entries in lexicon order within each atom's list, then grouped by
     * second atom: matching order never depends on hash order. */
    for (size_t i = 0; i < lex->nentries_all; i++) {
        const sl_entry *e = &lex->entries[i];
        if (e->kind == SL_ENTRY_TOKENS) {
            uint32_t a = e->atoms[0], x = lex->first_off[a] + fill[a]++;
            lex->first[x] = (sl_first){
                .entry = (uint32_t)i,
                .theme = e->theme,
                .next = e->natoms > 1 ? e->atoms[1] : 0,
                .gap = e->natoms > 1 ? e->gaps[1] : 0,
                .natoms = (uint8_t)(e->natoms < UINT8_MAX ? e->natoms : UINT8_MAX),
                .exclusion = e->exclusion != 0,
            };
        }
    }
    free(fill);
    for (size_t a = 0; a < lex->natoms; a++)
        group_by_next(lex->first + lex->first_off[a], lex->first_off[a + 1] - lex->first_off[a]);
    return SL_OK;
}

/* The polarity a theme's hits are judged by: its own, or the nearest
 * ancestor's that is not neutral. */
static int8_t theme_sign(const sl_lexicon *lex, uint32_t theme)
{
    for (int32_t t = (int32_t)theme; t >= 0; t = lex->themes[t].parent) {
        if (lex->themes[t].polarity == SL_ASSET)
            return 1;
        if (lex->themes[t].polarity == SL_PROBLEM)
            return -1;
    }
    return 0;
}

/* The per-entry arrays asked per hit: each entry's sign (the opposite of
 * its theme's for an entry naming the resolved state, "@resolved"), its
 * theme and the entry it reports. */
static sl_status build_entry_signs(sl_lexicon *lex, sl_error *err)
{
    size_t n = lex->nentries_all;
    lex->entry_sign = malloc(n + 1);
    lex->entry_theme = malloc((n + 1) * sizeof *lex->entry_theme);
    lex->entry_report = malloc((n + 1) * sizeof *lex->entry_report);
    if (!lex->entry_sign || !lex->entry_theme || !lex->entry_report)
        return sli_fail_nomem(err);
    for (size_t i = 0; i < n; i++) {
        const sl_entry *e = &lex->entries[i];
        int8_t sign = theme_sign(lex, e->theme);
        lex->entry_sign[i] = (int8_t)(e->resolved ? -sign : sign);
        lex->entry_theme[i] = e->theme;
        lex->entry_report[i] = e->report;
        if ((e->also || e->need) && !lex->entry_weak &&
            !(lex->entry_weak = calloc(n + 1, 1)))
            return sli_fail_nomem(err);
        if (lex->entry_weak)
            lex->entry_weak[i] = e->also || e->need;
    }
    return SL_OK;
}

static void free_parse(sl_lex_parse *p);

/* with(A, X): the contexts A as a lexicon of their own, one theme each, for
 * the worker to match over a whole story when a hit needs one. */
static sl_status build_contexts(sl_lex_parse *p, sl_error *err)
{
    sl_lexicon *cx = calloc(1, sizeof *cx);
    if (!cx)
        return sli_fail_nomem(err);
    p->lex->contexts = cx;
    cx->language = strdup(p->lex->language);
    cx->files = calloc(1, sizeof *cx->files);
    if (!cx->language || !cx->files || !(cx->files[0].path = strdup("(with() contexts)")))
        return sli_fail_nomem(err);
    cx->nfiles = 1;
    sl_lex_parse cp = {.lex = cx};
    sl_status s = sli_lex_parse_buffer(&cp, 0, cx->files[0].path, p->contexts, p->contexts_len,
                                       err);
    if (s == SL_OK)
        s = sli_lex_compile(&cp, err);
    free_parse(&cp);
    return s;
}

sl_status sli_lex_compile(sl_lex_parse *p, sl_error *err)
{
    sl_lexicon *lex = p->lex;
    sl_status s = sli_lex_expand(p, err);
    if (s != SL_OK)
        return s;
    sl_stem_cache *st;
    s = sli_stem_cache_new(&st, lex->language, err);
    if (s != SL_OK)
        return s;
    uint32_t *atom_of = malloc((p->nelements + 1) * sizeof *atom_of);
    if (!atom_of) {
        sli_stem_cache_free(st);
        return sli_fail_nomem(err);
    }
    for (size_t i = 0; i < p->nelements; i++) {
        atom_of[i] = intern_atom(lex, st, &p->elements[i]);
        if (atom_of[i] == UINT32_MAX) {
            free(atom_of);
            sli_stem_cache_free(st);
            return sli_fail_nomem(err);
        }
    }
    for (size_t i = 0; i < lex->nentries_all; i++) {
        sl_entry *e = &lex->entries[i];
        for (uint32_t k = 0; k < e->natoms; k++)
            e->atoms[k] = atom_of[e->atoms[k]];
    }
    free(atom_of);
    sli_stem_cache_free(st);
    s = build_first_index(lex, err);
    if (s == SL_OK)
        s = build_entry_signs(lex, err);
    if (s == SL_OK && p->ncontexts)
        s = build_contexts(p, err);
    return s;
}

/* ---- public ----------------------------------------------------------- */

static void free_parse(sl_lex_parse *p)
{
    for (size_t i = 0; i < p->nelements; i++)
        free(p->elements[i].text);
    free(p->elements);
    for (size_t i = 0; i < p->nclasses; i++) {
        for (size_t k = 0; k < p->classes[i].n; k++)
            free(p->classes[i].members[k].text);
        free(p->classes[i].members);
        free(p->classes[i].name);
    }
    free(p->classes);
    for (size_t i = 0; i < p->ndeferred; i++)
        free(p->deferred[i].text);
    free(p->deferred);
    free(p->contexts);
    sli_strmap_free(&p->seen);
    sli_strmap_free(&p->theme_index);
    sli_lex_diags_free(p);
}

void sli_lex_parse_free(sl_lex_parse *p)
{
    free_parse(p);
}

static sl_status load_files(sl_lex_parse *p, char **paths, size_t n, sl_error *err)
{
    sl_lexicon *lex = p->lex;
    lex->files = calloc(n, sizeof *lex->files);
    if (!lex->files)
        return sli_fail_nomem(err);
    sl_status first = SL_OK;
    for (size_t i = 0; i < n; i++) {
        char *buf = NULL;
        size_t len = 0;
        sl_status s = sli_read_file(paths[i], &buf, &len, err);
        if (s != SL_OK)
            return s;
        lex->files[i].path = paths[i];
        paths[i] = NULL;
        lex->nfiles++;
        sli_sha256_hex(buf, len, lex->files[i].sha256);
        sl_error tmp;
        s = sli_lex_parse_any(p, (uint32_t)i, lex->files[i].path, buf, len,
                             first == SL_OK ? err : &tmp);
        free(buf);
        if (s == SL_ENOMEM)
            return s;
        if (s != SL_OK && first == SL_OK)
            first = s;
    }
    if (first != SL_OK && p->nerrors > 1 && err) {
        size_t len = strlen(err->text);
        snprintf(err->text + len, sizeof err->text - len, " (and %zu more error%s)",
                 p->nerrors - 1, p->nerrors == 2 ? "" : "s");
    }
    return first;
}

sl_status sli_lex_parse_paths(sl_lex_parse *p, const char *const *paths, size_t npaths,
                             sl_error *err)
{
    char **files = NULL;
    size_t nfiles = 0, cap = 0;
    sl_status s = SL_OK;
    for (size_t i = 0; s == SL_OK && i < npaths; i++)
        s = expand_path(paths[i], &files, &nfiles, &cap, err);
    if (s == SL_OK && nfiles == 0)
        s = sli_fail(err, SL_EUSAGE, "no lexicon files given");
    if (s == SL_OK)
        s = load_files(p, files, nfiles, err);
    /* rules and classes, now that every file's classes are known; after a
     * parse error too, so that one run shows every problem */
    if (s == SL_OK || s == SL_ELEXICON) {
        sl_status xs = sli_lex_expand(p, s == SL_OK ? err : NULL);
        if (s == SL_OK)
            s = xs;
    }
    for (size_t i = 0; i < nfiles; i++)
        free(files[i]);
    free(files);
    return s;
}

sl_status sl_lexicon_load(sl_lexicon **out, const char *const *paths, size_t npaths,
                          const char *language, sl_error *err)
{
    return sli_lexicon_load_kind(out, paths, npaths, language, 0, err);
}

sl_status sli_lexicon_load_kind(sl_lexicon **out, const char *const *paths, size_t npaths,
                               const char *language, int modifiers, sl_error *err)
{
    *out = NULL;
    sl_lexicon *lex = calloc(1, sizeof *lex);
    sl_lex_parse p = {.lex = lex, .modifiers = modifiers};
    if (!lex)
        return sli_fail_nomem(err);
    lex->language = strdup(language ? language : "english");
    sl_status s = lex->language ? SL_OK : sli_fail_nomem(err);
    if (s == SL_OK)
        s = sli_lex_parse_paths(&p, paths, npaths, err);
    if (s == SL_OK)
        s = sli_lex_compile(&p, err);
    free_parse(&p);
    if (s != SL_OK) {
        sl_lexicon_free(lex);
        return s;
    }
    *out = lex;
    return SL_OK;
}

void sl_lexicon_free(sl_lexicon *lex)
{
    if (!lex)
        return;
    size_t nall = lex->nentries_all > lex->nentries ? lex->nentries_all : lex->nentries;
    for (size_t i = 0; i < nall; i++) {
        free(lex->entries[i].source);
        free(lex->entries[i].atoms);
        free(lex->entries[i].gaps);
        pcre2_code_free(lex->entries[i].re);
    }
    for (size_t i = 0; i < lex->nthemes; i++) {
        free(lex->themes[i].name);
        free(lex->themes[i].label);
        free(lex->themes[i].description);
    }
    for (size_t i = 0; i < lex->nfiles; i++)
        free(lex->files[i].path);
    for (size_t i = 0; i < lex->nexamples; i++)
        free(lex->examples[i].text);
    free(lex->examples);
    free(lex->entry_report);
    free(lex->entry_weak);
    sl_lexicon_free(lex->contexts);
    free(lex->files);
    free(lex->entries);
    free(lex->themes);
    free(lex->language);
    sli_strmap_free(&lex->stem_atoms);
    sli_strmap_free(&lex->exact_atoms);
    sli_strmap_free(&lex->prefix_atoms);
    free(lex->first_off);
    free(lex->first);
    free(lex->entry_sign);
    free(lex->entry_theme);
    free(lex->regexes);
    free(lex);
}

size_t sl_lexicon_theme_count(const sl_lexicon *lex)
{
    return lex ? lex->nthemes : 0;
}

const char *sl_lexicon_theme_name(const sl_lexicon *lex, size_t i)
{
    return lex && i < lex->nthemes ? lex->themes[i].name : NULL;
}

const char **sl_languages(void)
{
    return sb_stemmer_list();
}

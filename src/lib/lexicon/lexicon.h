/*
 * lexicon.h - the compiled lexicon, shared read-only by every worker.
 *
 * Parsing (lexicon_parse.c) turns *.lex files into themes and entries;
 * compiling (lexicon_compile.c) reduces every single-token test to an
 * "atom" (a stem, an exact folded word or a wildcard prefix), shared by all
 * entries that use it, and indexes atoms by the string a token offers, so
 * the matcher asks three hash maps per distinct word instead of testing
 * every entry. Regex entries are JIT-compiled here, before any thread runs:
 * JIT compilation writes into the compiled pattern.
 */
#ifndef SL_LEXICON_H
#define SL_LEXICON_H

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stddef.h>
#include <stdint.h>

#include "storylens/storylens.h"
#include "core/strmap.h"

typedef enum sl_atom_kind { SL_ATOM_STEM, SL_ATOM_EXACT, SL_ATOM_PREFIX } sl_atom_kind;
typedef enum sl_entry_kind { SL_ENTRY_TOKENS, SL_ENTRY_REGEX } sl_entry_kind;
typedef enum sl_polarity { SL_NEUTRAL = 0, SL_PROBLEM, SL_ASSET } sl_polarity;
/* Which way a modifier trigger reaches (direction.h); 0 = not given. */
typedef enum sl_scope { SL_SCOPE_UNSET = 0, SL_SCOPE_FORWARD, SL_SCOPE_BACKWARD, SL_SCOPE_BOTH } sl_scope;
/* Largest trigger distance, in tokens. */
#define SL_MAX_DISTANCE 50

/* Largest ~N gap in a phrase: keeps phrase matching linear in practice. */
#define SL_MAX_GAP 20
/* Longest wildcard prefix, in bytes (folded tokens are capped near here). */
#define SL_MAX_PREFIX 255

typedef struct sl_entry {
    char *source;       /* the entry as written (comment stripped): the output key */
    uint32_t theme;
    int exclusion;      /* written with a leading '!' */
    sl_entry_kind kind;
    uint32_t *atoms;    /* TOKENS: natoms atoms, matched in consecutive tokens ... */
    uint8_t *gaps;      /* ... with gaps[i] (0..SL_MAX_GAP) free tokens before atoms[i] */
    uint32_t natoms;
    pcre2_code *re;     /* REGEX */
    uint32_t file;      /* index into lexicon files */
    uint32_t line, col;
    /* modifier lexicons only: an entry's own "@scope:N" suffix; 0 = the theme's */
    uint8_t scope;      /* sl_scope */
    uint16_t distance;
    /* theme lexicons (language v2): */
    uint8_t cond;       /* sl_condition: counts only when judged so (direction.c) */
    uint8_t resolved;   /* "@resolved": names the theme's resolved state, so its
                         * sign is the opposite of the theme's */
    uint8_t fixed;      /* "@improved", "@worsened", "@mentioned": the direction
                         * every match reports (sl_direction); 0: judged */
    uint8_t also;       /* also(X): counts only beside another hit of its theme */
    uint16_t need;      /* with(A, X): 1 + the context group A, which must occur
                         * somewhere in the story for a match to count; 0: none */
    uint32_t report;    /* the entry counted and shown for a match of this one:
                         * itself, or for one phrase of an expanded rule (a class
                         * or near/before) the rule as written */
} sl_entry;

/* What a conditioned entry (avoided(X), negated(X), ended(X)) needs the
 * direction stage to find around its match for the match to count. */
typedef enum sl_condition {
    SL_COND_NONE = 0,
    SL_COND_AVOIDED, /* an avoidance trigger, an odd number of negations or a decrease */
    SL_COND_NEGATED, /* an odd number of negations */
    SL_COND_ENDED    /* a decrease ("no longer", "stopped") */
} sl_condition;

/* An example sentence of a theme (keys example / counterexample): a test
 * the lexicon must pass (lint, eval --tests). */
typedef struct sl_lex_example {
    uint32_t theme, file, line;
    int must_match;     /* example: 1; counterexample: 0 */
    int want;           /* sl_direction the theme must get (0: not checked) */
    char *text;
} sl_lex_example;

typedef struct sl_theme {
    char *name;         /* full dotted name */
    char *label, *description; /* NULL when not given */
    sl_polarity polarity;
    int32_t parent;     /* index of the parent theme, -1 at the top */
    int implicit;       /* created as the parent of a dotted name */
    uint8_t fixed;      /* "direction = improved" (sl_direction): every hit of the
                         * theme's own entries reports it; 0: judged by triggers */
    uint32_t file, line;
    /* modifier lexicons only: the default scope and distance of its triggers */
    uint8_t scope;      /* sl_scope; 0 = not given */
    uint16_t distance;  /* tokens; 0 = not given */
} sl_theme;

typedef struct sl_lexfile {
    char *path;         /* as opened: errors and lint name the file by it */
    char sha256[65];    /* hex */
    const char *bundled; /* NULL, or inside path: a bundled lexicon's path
                          * relative to the bundled folder (find.c) */
} sl_lexfile;

/* What the output records for f: a bundled file's relative path, else
 * the path as given. */
static inline const char *sli_lexfile_name(const sl_lexfile *f)
{
    return f->bundled ? f->bundled : f->path;
}

/* One entry in the first-atom index: all that finding a token's
 * candidates needs, in 16 bytes. The matcher copies a word's records into
 * its annotation (match.c), so a token's candidates are read from the
 * cache lines that hold its atoms, not from the entries or this index: with
 * a 5,000-entry lexicon each of those reads was a cache miss. next and gap
 * are a phrase's second atom and the gap before it (0 for a word or
 * wildcard): most tries of a phrase end at its second word, which is then
 * judged without reading the entry. */
typedef struct sl_first {
    uint32_t entry, theme;
    uint32_t next;
    uint8_t gap;
    uint8_t natoms;    /* 1: a word or wildcard; 2 or more (capped at 255): a
                        * phrase. The search only asks whether it is 1 or 2. */
    uint8_t exclusion; /* the entry's exclusion flag */
    uint8_t same_next; /* how many records after this one in its atom's run
                        * are phrases with the same second atom (capped at
                        * 255): the matcher skips them all at once when that
                        * atom is out of reach */
} sl_first;

_Static_assert(sizeof(sl_first) == 4 * sizeof(uint32_t), "four uint32s in an annotation");

struct sl_lexicon {
    char *language;
    sl_lexfile *files;
    size_t nfiles;
    sl_theme *themes;
    size_t nthemes, themes_cap;
    sl_entry *entries;
    size_t nentries, entries_cap;
    /* The entries written (nentries, in file order) are followed by the
     * phrases expanded from rules beyond their first (nentries_all in
     * all): the matcher sees every one; counts, output and the tools see
     * only the first nentries, as each expanded phrase reports its rule. */
    size_t nentries_all;
    int has_conditions;     /* some entry is avoided(), negated() or ended() */
    int has_also;           /* some entry is also() */
    /* with(A, X): the contexts A, one theme each (c0, c1, ...) of a lexicon
     * of their own, matched over a whole story when one of its hits needs
     * a context; NULL when no entry has one */
    struct sl_lexicon *contexts;
    sl_lex_example *examples;
    size_t nexamples, examples_cap;

    /* compiled */
    size_t natoms;
    sl_strmap stem_atoms;   /* stem -> atom */
    sl_strmap exact_atoms;  /* folded word -> atom */
    sl_strmap prefix_atoms; /* prefix -> atom */
    uint8_t prefix_len[SL_MAX_PREFIX + 1]; /* 1 where some prefix has that length */
    uint32_t *first_off;    /* natoms + 1: CSR of entries whose first atom is a */
    sl_first *first;        /* the entries, in first_off's runs */
    int8_t *entry_sign;     /* per entry: +1 when its theme, or the nearest
                             * ancestor that is not neutral, is an asset, -1 a
                             * problem, 0 neither; direction.c asks it per hit */
    uint32_t *entry_theme;  /* per entry: entries[e].theme, packed: the per-story
                             * counts ask it per hit, and with thousands of
                             * entries the entries themselves are out of cache */
    uint32_t *entry_report; /* per entry (nentries_all): entries[e].report, packed */
    uint8_t *entry_weak;    /* per entry (nentries_all): 1 for with() and also():
                             * resolved after the others, so a match that its
                             * story's context rules out never blocks one that
                             * counts; NULL when no entry is */
    uint32_t *regexes;      /* indices of REGEX entries, in lexicon order */
    size_t nregexes;
};

/* The parser's output: themes and entries in lex, with each entry's
 * ->atoms holding indices into the pending element table until
 * sli_lex_compile() turns them into atoms. */
typedef struct sl_lex_element {
    sl_atom_kind kind;
    char *text;         /* folded word, or stem once compiled, or prefix */
} sl_lex_element;

/* One problem found while reading a lexicon, kept when sl_lex_parse
 * .collect is set (storylens lint): errors and warnings alike. */
typedef struct sl_lex_diag {
    uint32_t file, line, col;
    int warning;              /* 0: an error */
    size_t seq;               /* order found, to sort stably by position */
    char *message;            /* owned */
} sl_lex_diag;

/* A word class (language v2): [class NAME] and its members as written. */
typedef struct sl_lex_member {
    char *text;         /* a word, wildcard, exact word, phrase or rule */
    uint32_t line, col;
} sl_lex_member;

typedef struct sl_lex_class {
    char *name;
    uint32_t file, line;
    sl_lex_member *members;
    size_t n, cap;
    int expanding;      /* concept.c: being expanded, to catch a class using itself */
} sl_lex_class;

/* A theme entry that needs the classes of every file (a class may be
 * defined in a later file): expanded once all files are read. */
typedef struct sl_lex_deferred {
    uint32_t entry;     /* its placeholder entry, in file order */
    char *text;         /* the entry text without its '!' and '@' suffix */
    uint32_t file, line, col;
    const char *path;   /* borrowed from the lexicon's files */
} sl_lex_deferred;

typedef struct sl_lex_parse {
    sl_lexicon *lex;
    sl_lex_class *classes;
    size_t nclasses, classes_cap;
    sl_lex_deferred *deferred;
    size_t ndeferred, deferred_cap;
    char *contexts;           /* with(): the context groups as .lex text */
    size_t contexts_len, contexts_cap, ncontexts;
    int expanded;             /* sli_lex_expand has run */
    sl_lex_element *elements; /* pending atoms, indexed by entry->atoms before compile */
    size_t nelements, elements_cap;
    size_t nerrors;           /* errors seen; the first is in the sl_error */
    int collect;              /* keep every problem in diags, warnings too */
    sl_lex_diag *diags;
    size_t ndiags, diags_cap;
    int diags_oom;
    int modifiers;            /* a modifier lexicon: scope/distance keys and @ suffixes allowed */
    sl_strmap seen;           /* "THEME:source" -> entry index, to find repeated entries */
    sl_strmap theme_index;    /* theme name -> index in lex->themes */
} sl_lex_parse;

/* Records a diagnostic when p->collect is set (otherwise does nothing). */
void sli_lex_diag_add(sl_lex_parse *p, uint32_t file, uint32_t line, uint32_t col, int warning,
                     const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 6, 7)))
#endif
    ;
void sli_lex_diags_free(sl_lex_parse *p);

/* For the importers of other dictionary formats: the theme of a dotted
 * name, created (with its missing ancestors) on first use; -1 on OOM,
 * -2 when name is not a valid theme name. */
int32_t sli_lex_theme(sl_lex_parse *p, uint32_t file, uint32_t line, const char *name);

/* For the importers: parses text (len bytes) as one entry line of the .lex
 * language in theme, reporting problems at FILE:line:col+offset. Returns
 * SL_OK, or SL_ELEXICON / SL_ENOMEM with the first problem in err (counted
 * in p->nerrors, like the .lex parser). */
sl_status sli_lex_add_entry(sl_lex_parse *p, uint32_t file, const char *path, uint32_t line,
                           uint32_t col, int32_t theme, const char *text, size_t len,
                           sl_error *err);

/* For the importers: a word class (language v2) named name (len bytes), as
 * a .lex "[class NAME]" header at FILE:line:col makes it; *klass is its
 * index for sli_lex_add_member, or -1 when it cannot be made. A duplicate
 * class is reported and *klass is the first one, as in a .lex file.
 * Returns SL_OK, or SL_ELEXICON / SL_ENOMEM as sli_lex_add_entry. */
sl_status sli_lex_class(sl_lex_parse *p, uint32_t file, const char *path, uint32_t line,
                       uint32_t col, const char *name, size_t len, int32_t *klass,
                       sl_error *err);

/* For the importers: text (len bytes, not empty) as one member line of
 * class klass, checked as a .lex member is (a word or phrase where it is
 * written; a rule or <class> when a rule uses the class). As
 * sli_lex_add_entry. */
sl_status sli_lex_add_member(sl_lex_parse *p, int32_t klass, uint32_t file, const char *path,
                            uint32_t line, uint32_t col, const char *text, size_t len,
                            sl_error *err);

/* Parses one file by its extension: .dic (LIWC), .yml/.yaml (quanteda
 * dictionary), anything else the .lex language. As sli_lex_parse_buffer. */
sl_status sli_lex_parse_any(sl_lex_parse *p, uint32_t file, const char *path, const char *buf,
                           size_t len, sl_error *err);
sl_status sli_lex_parse_liwc(sl_lex_parse *p, uint32_t file, const char *path, const char *buf,
                            size_t len, sl_error *err);
sl_status sli_lex_parse_yaml(sl_lex_parse *p, uint32_t file, const char *path, const char *buf,
                            size_t len, sl_error *err);

/* Reads and parses lexicon paths (files, or directories of *.lex) into p,
 * recording each file in p->lex->files. As sl_lexicon_load before compiling. */
sl_status sli_lex_parse_paths(sl_lex_parse *p, const char *const *paths, size_t npaths,
                             sl_error *err);

/* Language v2 (concept.c): expands every deferred entry (word classes,
 * near(), before(), avoided(), negated(), ended()) into phrases of the v1
 * language, once every file is read. SL_OK or SL_ELEXICON / SL_ENOMEM as
 * the parser. */
sl_status sli_lex_expand(sl_lex_parse *p, sl_error *err);

/* For concept.c: parses text (n bytes: one word, or a phrase body without
 * its quotes) into entry e's atoms, reporting at the entry's position. */
sl_status sli_lex_fill_entry(sl_lex_parse *p, sl_entry *e, const char *path, const char *text,
                             size_t n, int phrase, sl_error *err);

/* For concept.c: a new entry at the end, copying proto's theme, flags and
 * position, reporting the entry at index report. NULL on OOM. */
sl_entry *sli_lex_alias_entry(sl_lex_parse *p, uint32_t report);

/* Frees what the parse owns besides the lexicon (elements, diagnostics). */
void sli_lex_parse_free(sl_lex_parse *p);

/* Parses one file's bytes into p. Returns SL_OK or SL_ELEXICON (first error
 * in err, all counted in p->nerrors), SL_ENOMEM. */
sl_status sli_lex_parse_buffer(sl_lex_parse *p, uint32_t file, const char *path,
                              const char *buf, size_t len, sl_error *err);

/* Turns the parsed elements into atoms and builds the indexes; compiles
 * and JIT-compiles regexes were already compiled by the parser. */
sl_status sli_lex_compile(sl_lex_parse *p, sl_error *err);

/* sl_lexicon_load(), for theme lexicons (modifiers = 0) or modifier
 * lexicons (modifiers = 1: the scope and distance keys and "@scope:N"
 * entry suffixes are allowed). */
sl_status sli_lexicon_load_kind(sl_lexicon **out, const char *const *paths, size_t npaths,
                               const char *language, int modifiers, sl_error *err);

/* The whole file at path in a new buffer (caller frees); SL_EIO naming
 * the file when it cannot be read (compile.c). */
sl_status sli_read_file(const char *path, char **buf, size_t *len, sl_error *err);
/* The SHA-256 of buf[0..len) as 64 hex digits and a NUL. */
void sli_sha256_hex(const char *buf, size_t len, char out[65]);

#endif

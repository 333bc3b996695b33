/*
 * read_jsonl_fast.c - the JSONL fast path: a plain story line decoded in one
 * pass over its bytes, straight into an sl_doc, with no json_t built.
 *
 * jansson (read_jsonl.c) stays the reference. This path takes a line only
 * when it can vouch that jansson would read it to the very same doc: one
 * object, unique keys, values that are strings, integers of at most 18
 * digits, true, false or null, valid UTF-8 throughout and no \u0000. The
 * JSON grammar, the escapes and the UTF-8 are all checked as the bytes go
 * by. Anything else defers to the reference - reals (jansson formats them),
 * nested values, duplicate keys, bad UTF-8 (replaced and counted there) and
 * every error, so that messages and columns never depend on which path ran.
 *
 * Strings decode into buffers sized by the bytes left on the line, since a
 * decoded string is never longer than its source: the text into the doc's
 * own allocation, keys and other values into one work buffer. No write
 * needs a bounds check and the text is never copied.
 */
#include "read/record.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Lines have a handful of keys; duplicates are found by comparing each key
 * with those before it, so the count is bounded. More keys: defer. */
#define MAX_FIELDS 64

/* Below this the work buffer lives on the stack (most lines fit). */
#define STACK_WORK 4096

/* Text buffers left with more spare room than this are shrunk. */
#define MAX_SLACK 1024

typedef enum { V_NULL, V_STRING, V_INTEGER, V_BOOL } vkind;

typedef struct field {
    const char *key; /* decoded, in the work buffer */
    size_t klen;
    const char *val; /* the value's text form; NULL for null */
    size_t vlen;
    vkind kind;
} field;

typedef struct scan {
    const unsigned char *p, *end;
    char *work; /* decoded keys and values other than the text */
    size_t wlen;
    char *text; /* the text field, decoded into its final buffer */
    size_t text_len, text_cap;
    field f[MAX_FIELDS];
    size_t nf;
    int oom; /* an allocation failed: not a line to defer, a run to stop */
} scan;

/* ---- strings ---------------------------------------------------------- */

/* How many bytes from p on (stopping short of end) are plain: neither '"',
 * '\\', a control character (< 0x20) nor non-ASCII. They are copied to o
 * meanwhile, in whole blocks: o has room for end - p bytes, so a block
 * written past the plain run stays inside it and is overwritten or cut
 * off later. Story text is mostly such runs. SSE2 (every x86-64) takes 16
 * bytes a step; elsewhere, or with SL_JSONL_NO_SSE2, a portable 8-byte
 * word test. */
#if defined(__SSE2__) && defined(__GNUC__) && !defined(SL_JSONL_NO_SSE2)
#include <emmintrin.h>

static inline size_t plain_run(const unsigned char *p, const unsigned char *end, char *o)
{
    const __m128i quote = _mm_set1_epi8('"'), bslash = _mm_set1_epi8('\\');
    const __m128i space = _mm_set1_epi8(0x20);
    size_t done = 0;
    while ((size_t)(end - p) - done >= 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(p + done));
        /* signed compare: below 0x20 and at or above 0x80 in one go */
        __m128i m = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, bslash)),
                                 _mm_cmplt_epi8(v, space));
        _mm_storeu_si128((__m128i *)(void *)(o + done), v);
        unsigned bits = (unsigned)_mm_movemask_epi8(m);
        if (bits)
            return done + (size_t)__builtin_ctz(bits);
        done += 16;
    }
    return done;
}
#else
#define ONES 0x0101010101010101u
#define HIGHS 0x8080808080808080u

/* Whether any of the 8 bytes in w is not plain. The haszero/hasless tests
 * are exact about whether such a byte exists, not about where. */
static inline int special8(uint64_t w)
{
    uint64_t quote = w ^ (ONES * '"');
    uint64_t bslash = w ^ (ONES * '\\');
    uint64_t t = ((quote - ONES) & ~quote) | ((bslash - ONES) & ~bslash) |
                 ((w - ONES * 0x20) & ~w) | w;
    return (t & HIGHS) != 0;
}

static inline size_t plain_run(const unsigned char *p, const unsigned char *end, char *o)
{
    size_t done = 0;
    while ((size_t)(end - p) - done >= 8) {
        uint64_t w;
        memcpy(&w, p + done, 8);
        if (special8(w))
            break;
        memcpy(o + done, &w, 8);
        done += 8;
    }
    return done;
}
#endif

static int hex4(const unsigned char *p)
{
    int v = 0;
    for (int i = 0; i < 4; i++) {
        unsigned c = p[i], d;
        if (c - '0' < 10)
            d = c - '0';
        else if ((c | 0x20) - 'a' < 6)
            d = (c | 0x20) - 'a' + 10;
        else
            return -1;
        v = v << 4 | (int)d;
    }
    return v;
}

static char *put_utf8(char *o, long cp)
{
    if (cp < 0x80) {
        *o++ = (char)cp;
    } else if (cp < 0x800) {
        *o++ = (char)(0xC0 | cp >> 6);
        *o++ = (char)(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        *o++ = (char)(0xE0 | cp >> 12);
        *o++ = (char)(0x80 | (cp >> 6 & 0x3F));
        *o++ = (char)(0x80 | (cp & 0x3F));
    } else {
        *o++ = (char)(0xF0 | cp >> 18);
        *o++ = (char)(0x80 | (cp >> 12 & 0x3F));
        *o++ = (char)(0x80 | (cp >> 6 & 0x3F));
        *o++ = (char)(0x80 | (cp & 0x3F));
    }
    return o;
}

/* \uXXXX at p (on the 'u'), with its low surrogate if it is a high one.
 * jansson rejects a lone or mismatched surrogate; \u0000 is accepted there
 * but read differently by the id, text and metadata, so it defers. */
static const unsigned char *unicode_escape(const unsigned char *p, const unsigned char *end,
                                           char **o)
{
    if (end - p < 5)
        return NULL;
    long cp = hex4(p + 1);
    p += 5;
    if (cp <= 0 || (cp >= 0xDC00 && cp <= 0xDFFF))
        return NULL;
    if (cp >= 0xD800 && cp <= 0xDBFF) {
        if (end - p < 6 || p[0] != '\\' || p[1] != 'u')
            return NULL;
        long lo = hex4(p + 2);
        if (lo < 0xDC00 || lo > 0xDFFF)
            return NULL;
        cp = ((cp - 0xD800) << 10) + (lo - 0xDC00) + 0x10000;
        p += 6;
    }
    *o = put_utf8(*o, cp);
    return p;
}

/* The escape at p (on the backslash); its decoded form goes to *o. */
static const unsigned char *escape(const unsigned char *p, const unsigned char *end, char **o)
{
    if (end - p < 2)
        return NULL;
    char c;
    switch (p[1]) {
    case '"':
    case '\\':
    case '/':
        c = (char)p[1];
        break;
    case 'b':
        c = '\b';
        break;
    case 'f':
        c = '\f';
        break;
    case 'n':
        c = '\n';
        break;
    case 'r':
        c = '\r';
        break;
    case 't':
        c = '\t';
        break;
    case 'u':
        return unicode_escape(p + 1, end, o);
    default:
        return NULL;
    }
    *(*o)++ = c;
    return p + 2;
}

/* Decodes the string whose body starts at p (just past the opening quote)
 * into out, which has room for end - p bytes. Returns the byte after the
 * closing quote and sets *len, or NULL to defer. */
static const unsigned char *string_body(const unsigned char *p, const unsigned char *end,
                                        char *out, size_t *len)
{
    char *o = out;
    for (;;) {
        size_t k = plain_run(p, end, o);
        p += k;
        o += k;
        if (p == end)
            return NULL;
        unsigned c = *p;
        if (c == '"') {
            *len = (size_t)(o - out);
            return p + 1;
        }
        if (c == '\\') {
            p = escape(p, end, &o);
            if (!p)
                return NULL;
        } else if (c >= 0x80) {
            size_t seq = sl_rd_utf8_seq(p, (size_t)(end - p));
            if (!seq)
                return NULL;
            memcpy(o, p, seq);
            o += seq;
            p += seq;
        } else if (c < 0x20) {
            return NULL;
        } else {
            *o++ = (char)c;
            p++;
        }
    }
}

/* ---- the object ------------------------------------------------------- */

static void skip_ws(scan *sc)
{
    while (sc->p < sc->end &&
           (*sc->p == ' ' || *sc->p == '\t' || *sc->p == '\r' || *sc->p == '\n'))
        sc->p++;
}

static int is_digit(unsigned c)
{
    return c - '0' < 10;
}

/* An integer jansson keeps as such and prints back the same: no fraction
 * or exponent (reals defer), no leading zero, at most 18 digits so it
 * cannot overflow json_int_t. "-0" prints as "0". */
static int integer(scan *sc, field *f)
{
    const unsigned char *start = sc->p, *p = sc->p;
    if (*p == '-')
        p++;
    const unsigned char *digits = p;
    if (p == sc->end || !is_digit(*p))
        return 0;
    if (*p == '0')
        p++;
    else
        while (p < sc->end && is_digit(*p))
            p++;
    if (p - digits > 18 || (p < sc->end && (*p == '.' || *p == 'e' || *p == 'E')))
        return 0;
    sc->p = p;
    f->kind = V_INTEGER;
    f->val = (const char *)start;
    f->vlen = (size_t)(p - start);
    if (f->vlen == 2 && start[0] == '-' && start[1] == '0') {
        f->val = "0";
        f->vlen = 1;
    }
    return 1;
}

/* true, false or null; whatever follows is left to the grammar (jansson
 * reads a longer word as an invalid token, and so does the caller). */
static int literal(scan *sc, field *f)
{
    static const struct {
        const char *word;
        size_t len;
        vkind kind;
    } lits[] = {{"true", 4, V_BOOL}, {"false", 5, V_BOOL}, {"null", 4, V_NULL}};
    for (size_t i = 0; i < sizeof lits / sizeof lits[0]; i++) {
        if ((size_t)(sc->end - sc->p) >= lits[i].len &&
            memcmp(sc->p, lits[i].word, lits[i].len) == 0) {
            sc->p += lits[i].len;
            f->kind = lits[i].kind;
            f->val = lits[i].kind == V_NULL ? NULL : lits[i].word;
            f->vlen = lits[i].kind == V_NULL ? 0 : lits[i].len;
            return 1;
        }
    }
    return 0;
}

static int same(const char *a, size_t alen, const char *b, size_t blen)
{
    return alen == blen && memcmp(a, b, alen) == 0;
}

/* A string value: the text field decodes into its final, padded buffer
 * (sized by the bytes left on the line), any other into the work buffer. */
static int string_value(scan *sc, field *f, int is_text)
{
    size_t room = (size_t)(sc->end - sc->p);
    char *out;
    if (is_text) {
        sc->text_cap = room + 1 + SL_TEXT_PAD;
        sc->text = malloc(sc->text_cap);
        if (!sc->text) {
            sc->oom = 1;
            return 0;
        }
        out = sc->text;
    } else {
        out = sc->work + sc->wlen;
    }
    const unsigned char *after = string_body(sc->p, sc->end, out, &f->vlen);
    if (!after)
        return 0;
    sc->p = after;
    f->kind = V_STRING;
    f->val = out;
    if (is_text)
        sc->text_len = f->vlen;
    else
        sc->wlen += f->vlen;
    return 1;
}

/* One "key": value member; sc->p is on the key's opening quote. */
static int member(scan *sc, const char *text_field, size_t tflen)
{
    if (sc->nf == MAX_FIELDS || sc->p == sc->end || *sc->p != '"')
        return 0;
    field *f = &sc->f[sc->nf];
    f->key = sc->work + sc->wlen;
    const unsigned char *after = string_body(sc->p + 1, sc->end, sc->work + sc->wlen, &f->klen);
    if (!after)
        return 0;
    sc->p = after;
    sc->wlen += f->klen;
    /* jansson keeps a repeated key's first position and last value */
    for (size_t i = 0; i < sc->nf; i++)
        if (same(sc->f[i].key, sc->f[i].klen, f->key, f->klen))
            return 0;
    skip_ws(sc);
    if (sc->p == sc->end || *sc->p != ':')
        return 0;
    sc->p++;
    skip_ws(sc);
    if (sc->p == sc->end)
        return 0;
    int ok;
    if (*sc->p == '"') {
        sc->p++;
        ok = string_value(sc, f, same(f->key, f->klen, text_field, tflen));
    } else if (*sc->p == '-' || is_digit(*sc->p)) {
        ok = integer(sc, f);
    } else {
        ok = literal(sc, f);
    }
    sc->nf += ok != 0;
    return ok;
}

/* The whole line: one object, then only whitespace. */
static int object(scan *sc, const char *text_field)
{
    size_t tflen = strlen(text_field);
    skip_ws(sc);
    if (sc->p == sc->end || *sc->p != '{')
        return 0;
    sc->p++;
    skip_ws(sc);
    if (sc->p < sc->end && *sc->p == '}') {
        sc->p++;
    } else {
        for (;;) {
            if (!member(sc, text_field, tflen))
                return 0;
            skip_ws(sc);
            if (sc->p == sc->end)
                return 0;
            if (*sc->p == '}') {
                sc->p++;
                break;
            }
            if (*sc->p != ',')
                return 0;
            sc->p++;
            skip_ws(sc);
        }
    }
    skip_ws(sc);
    return sc->p == sc->end;
}

/* ---- the doc ---------------------------------------------------------- */

static const field *find(const scan *sc, const char *key)
{
    size_t klen = strlen(key);
    for (size_t i = 0; i < sc->nf; i++)
        if (same(sc->f[i].key, sc->f[i].klen, key, klen))
            return &sc->f[i];
    return NULL;
}

/* As the reference's take_id: a string or integer id, else (absent, null,
 * empty) FILE:LINE; a boolean id is an error there, so it defers here. */
static int take_id(scan *sc, const sl_reader *r, sl_doc *doc)
{
    const field *f = find(sc, r->id_field);
    /* runs before take_text: f->val may point into the text buffer, which
     * take_text may move */
    if (f && f->kind == V_BOOL)
        return 0;
    if (f && f->kind != V_NULL && f->vlen > 0)
        doc->id = sli_rd_memdup(f->val, f->vlen);
    else {
        doc->id = sli_rd_file_line(r, r->line);
        doc->id_from_line = 1;
    }
    sc->oom |= doc->id == NULL;
    return doc->id != NULL;
}

/* The text was decoded in place: pad it, and give back what the bound on
 * its length overestimated when that is worth a realloc. */
static void take_text(scan *sc, sl_doc *doc)
{
    size_t need = sc->text_len + 1 + SL_TEXT_PAD;
    memset(sc->text + sc->text_len, 0, 1 + SL_TEXT_PAD);
    if (sc->text_cap - need > MAX_SLACK) {
        char *t = realloc(sc->text, need);
        if (t)
            sc->text = t;
    }
    doc->text = sc->text;
    doc->text_len = sc->text_len;
    sc->text = NULL;
}

static int take_meta(scan *sc, const sl_reader *r, sl_doc *doc)
{
    size_t tl = strlen(r->text_field), il = strlen(r->id_field);
    for (size_t i = 0; i < sc->nf; i++) {
        const field *f = &sc->f[i];
        if (f->kind == V_NULL || same(f->key, f->klen, r->text_field, tl) ||
            same(f->key, f->klen, r->id_field, il))
            continue;
        sl_error ignored;
        sl_status st = sli_rd_meta_add(doc, f->key, f->klen, f->val, f->vlen, &ignored);
        sc->oom |= st == SL_ENOMEM;
        if (st != SL_OK)
            return 0;
    }
    return 1;
}

/* The reference fails when the text is missing or not a string. */
static int build(scan *sc, const sl_reader *r, sl_doc *doc)
{
    const field *t = find(sc, r->text_field);
    if (!t || t->kind != V_STRING || !sc->text)
        return 0;
    if (!take_id(sc, r, doc))
        return 0;
    take_text(sc, doc);
    if (!take_meta(sc, r, doc))
        return 0;
    doc->source = r->name;
    doc->line = r->line;
    doc->invalid_utf8 = 0;
    return 1;
}

sl_rd_fast sli_rd_jsonl_fast(const sl_reader *r, const char *s, size_t n, sl_doc *doc)
{
    char stack_work[STACK_WORK];
    scan sc;
    sc.p = (const unsigned char *)s;
    sc.end = sc.p + n;
    sc.work = n <= sizeof stack_work ? stack_work : malloc(n);
    sc.wlen = 0;
    sc.text = NULL;
    sc.text_len = sc.text_cap = 0;
    sc.nf = 0;
    sc.oom = 0;
    if (!sc.work)
        return SL_RD_NOMEM;
    sl_doc d = {0};
    int ok = object(&sc, r->text_field) && build(&sc, r, &d);
    free(sc.text);
    if (sc.work != stack_work)
        free(sc.work);
    if (!ok) {
        sli_doc_clear(&d);
        return sc.oom ? SL_RD_NOMEM : SL_RD_DEFER;
    }
    *doc = d;
    return SL_RD_DONE;
}

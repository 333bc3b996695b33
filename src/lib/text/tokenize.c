/*
 * tokenize.c - owns the split of raw UTF-8 text into tokens, sentences and
 * paragraphs (the contract is tokenize.h).
 *
 * The idea: one left-to-right pass over the bytes. ASCII bytes are classified
 * through a 256-entry table and never reach utf8proc; only bytes >= 0x80 are
 * decoded and looked up in the Unicode tables. A token's extent is found
 * first, then it is folded in one go: an all-ASCII token is lower-cased with a
 * byte loop, any other token goes through full case folding and NFC
 * composition into a stack buffer, so there is no malloc per token. The
 * output arrays in sl_tokens only grow (geometrically) and are reused across
 * calls. Sentence and paragraph boundaries are tracked with a few state
 * variables in the same pass; sentences that hold no token are not emitted,
 * and paragraphs are numbered only when they hold a token.
 *
 * There is no mutable global state; the only statics are constant tables, so
 * threads may tokenise concurrently with their own sl_tokens.
 */
#include "text/tokenize.h"
#include "core/vec.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

/* The folded form of a token is capped at this many bytes (cut at a code
 * point boundary); the token's start/end offsets still cover all of it. A
 * word this long is noise (a URL, a run of letters), and the cap bounds the
 * fold buffer growth and the per-token scratch space. */
#define FOLD_CAP SL_FOLD_CAP

/* Scratch code points for folding one non-ASCII token. Canonical
 * compositions merge at most 4 code points into one, so 4 * (FOLD_CAP + 1)
 * decomposed code points always yield more than FOLD_CAP composed ones:
 * stopping there cannot change what survives the cap. */
#define FOLD_SCRATCH (4 * (FOLD_CAP + 1))

/* What one code point is to the scanner. */
enum kind {
    K_OTHER,     /* punctuation, symbols, controls: non-white, breaks tokens */
    K_INVALID,   /* a byte that does not start valid UTF-8 */
    K_WORD,      /* letter or digit: starts or continues a token */
    K_MARK,      /* combining mark: continues a token, never starts one */
    K_JOIN,      /* apostrophe or hyphen: kept only between token characters */
    K_SPACE,     /* white space that is not a line break */
    K_NEWLINE,   /* a line break: two with only white space between end a paragraph */
    K_PARA,      /* U+2029, a paragraph break on its own */
    K_TERM,      /* . ! ? and U+2026 */
};

/* ASCII class table: the kind, plus flags for the lower-casing fast path. */
enum {
    A_KIND = 0x0f,
    A_UPPER = 0x10,
    A_CLOSE = 0x20, /* may close a sentence after its terminator: " ' ) ] */
};

#define W K_WORD
#define UW (K_WORD | A_UPPER)
#define SP K_SPACE

static const unsigned char ascii_class[128] = {
    [0] = SP, /* NUL counts as white space */
    ['\t'] = SP, ['\n'] = K_NEWLINE, ['\v'] = SP, ['\f'] = SP, ['\r'] = SP,
    [' '] = SP,
    ['!'] = K_TERM, ['.'] = K_TERM, ['?'] = K_TERM,
    ['"'] = K_OTHER | A_CLOSE, [')'] = K_OTHER | A_CLOSE,
    [']'] = K_OTHER | A_CLOSE,
    ['\''] = K_JOIN | A_CLOSE, ['-'] = K_JOIN,
    ['0'] = W, ['1'] = W, ['2'] = W, ['3'] = W, ['4'] = W,
    ['5'] = W, ['6'] = W, ['7'] = W, ['8'] = W, ['9'] = W,
    ['A'] = UW, ['B'] = UW, ['C'] = UW, ['D'] = UW, ['E'] = UW, ['F'] = UW,
    ['G'] = UW, ['H'] = UW, ['I'] = UW, ['J'] = UW, ['K'] = UW, ['L'] = UW,
    ['M'] = UW, ['N'] = UW, ['O'] = UW, ['P'] = UW, ['Q'] = UW, ['R'] = UW,
    ['S'] = UW, ['T'] = UW, ['U'] = UW, ['V'] = UW, ['W'] = UW, ['X'] = UW,
    ['Y'] = UW, ['Z'] = UW,
    ['a'] = W, ['b'] = W, ['c'] = W, ['d'] = W, ['e'] = W, ['f'] = W,
    ['g'] = W, ['h'] = W, ['i'] = W, ['j'] = W, ['k'] = W, ['l'] = W,
    ['m'] = W, ['n'] = W, ['o'] = W, ['p'] = W, ['q'] = W, ['r'] = W,
    ['s'] = W, ['t'] = W, ['u'] = W, ['v'] = W, ['w'] = W, ['x'] = W,
    ['y'] = W, ['z'] = W,
};

#undef W
#undef UW
#undef SP

/* Folded (lower-case) forms of the words whose trailing '.' does not end a
 * sentence. "e.g." and "i.e." need no entry: their last token is a single
 * letter, which is treated as an initial. */
static const char abbreviations[][8] = {
    "mr", "mrs", "ms", "dr", "prof", "st", "sr", "jr", "rev",
    "etc", "vs", "no", "cf", "approx", "dept",
};

/* ---- decoding ---------------------------------------------------------- */

static enum kind unicode_kind(utf8proc_int32_t cp)
{
    switch (cp) {
    case 0x2019: return K_JOIN; /* right single quotation mark */
    case 0x2010: case 0x2011: return K_JOIN;
    case 0x2026: return K_TERM;
    case 0x0085: case 0x2028: return K_NEWLINE;
    case 0x2029: return K_PARA;
    case 0xFEFF: return K_SPACE; /* a byte-order mark must not open a sentence */
    default: break;
    }
    switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT: case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_ND: case UTF8PROC_CATEGORY_NL:
    case UTF8PROC_CATEGORY_NO:
        return K_WORD;
    case UTF8PROC_CATEGORY_MN: case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ME:
        return K_MARK;
    case UTF8PROC_CATEGORY_ZS:
        return K_SPACE;
    case UTF8PROC_CATEGORY_ZL:
        return K_NEWLINE;
    case UTF8PROC_CATEGORY_ZP:
        return K_PARA;
    default:
        return K_OTHER;
    }
}

/* Decodes the code point at s[i] (i < len) into *cp and *clen. An invalid
 * sequence yields K_INVALID with a length of 1 so that each offending byte
 * is met, and counted, on its own. */
static inline enum kind kind_at(const unsigned char *s, size_t len, size_t i,
                                utf8proc_int32_t *cp, size_t *clen)
{
    if (s[i] < 0x80) {
        *cp = s[i];
        *clen = 1;
        return (enum kind)(ascii_class[s[i]] & A_KIND);
    }
    size_t avail = len - i < 4 ? len - i : 4;
    utf8proc_ssize_t n = utf8proc_iterate(s + i, (utf8proc_ssize_t)avail, cp);
    if (n <= 0) {
        *cp = -1;
        *clen = 1;
        return K_INVALID;
    }
    *clen = (size_t)n;
    return unicode_kind(*cp);
}

static bool is_closer(utf8proc_int32_t cp)
{
    if (cp >= 0 && cp < 0x80)
        return (ascii_class[cp] & A_CLOSE) != 0;
    return cp == 0x201D || cp == 0x2019;
}

/* ---- buffers ----------------------------------------------------------- */

/* From this many bytes into a text, its arrays grow to what the share
 * read so far says the whole text needs (extrapolate), not by doubling. */
#define EXTRAPOLATE_FROM ((size_t)1 << 20)

/* The capacity to grow an array of cap elements of elem bytes to, for
 * need of them when at of the text's len bytes are read: from
 * EXTRAPOLATE_FROM bytes on, what the share read so far says the whole
 * text needs, and a sixteenth more for variation; before, a doubling. A
 * 20 MB story's folded forms took a 32 MB block for 19 MB of them, and
 * under an address-space cap (ulimit -v) the unused part is what
 * fails (issue 18). */
static size_t grow_want(size_t cap, size_t need, size_t at, size_t len, size_t elem)
{
    if (at >= EXTRAPOLATE_FROM && at < len) {
        double est = (double)need * ((double)len / (double)at) * 1.0625 + 1024;
        if (est < (double)(SIZE_MAX / 2))
            return (size_t)est;
    }
    return sli_grow_cap(cap, need, elem);
}

#define GROW_FOR(p, cap, need, at, len)                                                      \
    sli_grow_to(&(p), &(cap), (need), grow_want((cap), (need), (at), (len), sizeof *(p)),    \
                sizeof *(p))

void sli_tokens_init(sl_tokens *t)
{
    memset(t, 0, sizeof *t);
}

void sli_tokens_free(sl_tokens *t)
{
    free(t->tok);
    free(t->fold);
    free(t->sent);
    sli_tokens_init(t);
}

/* ---- folding ----------------------------------------------------------- */

/* Length of the longest prefix of UTF-8 text u[0..n) that ends on a code
 * point boundary and fits in cap bytes. */
static size_t cut_utf8(const unsigned char *u, size_t n, size_t cap)
{
    if (n <= cap)
        return n;
    size_t k = cap;
    while (k > 0 && (u[k] & 0xC0) == 0x80)
        k--;
    return k;
}

/* Sorts combining marks into canonical order; utf8proc_decompose does this,
 * but we decompose one code point at a time to stay off the heap. The runs
 * are short, so insertion sort is enough. */
static void canonical_order(utf8proc_int32_t *b, size_t n)
{
    for (size_t i = 1; i < n; i++) {
        utf8proc_int32_t c = b[i];
        int cc = utf8proc_get_property(c)->combining_class;
        if (cc == 0)
            continue;
        size_t j = i;
        while (j > 0) {
            int pc = utf8proc_get_property(b[j - 1])->combining_class;
            if (pc <= cc)
                break;
            b[j] = b[j - 1];
            j--;
        }
        b[j] = c;
    }
}

/* Full case folding + NFC of a token holding non-ASCII text; writes at most
 * FOLD_CAP bytes to out and returns the count. The joiners U+2019, U+2010
 * and U+2011 become their ASCII forms. */
static size_t fold_unicode(const unsigned char *s, size_t len, char *out)
{
    const utf8proc_option_t opt =
        UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD;
    utf8proc_int32_t buf[FOLD_SCRATCH];
    size_t n = 0;
    int boundclass = UTF8PROC_BOUNDCLASS_START;

    for (size_t i = 0; i < len && n < FOLD_SCRATCH;) {
        utf8proc_int32_t cp;
        /* The scanner admitted only valid UTF-8 into the token. */
        utf8proc_ssize_t cl = utf8proc_iterate(s + i, (utf8proc_ssize_t)(len - i), &cp);
        i += (size_t)cl;
        if (cp == 0x2019)
            cp = '\'';
        else if (cp == 0x2010 || cp == 0x2011)
            cp = '-';
        /* Through a small buffer, so the library never gets a pointer past
         * the end of ours. */
        utf8proc_int32_t one[32];
        utf8proc_ssize_t k = utf8proc_decompose_char(cp, one, 32, opt, &boundclass);
        if (k < 0 || k > 32 || (size_t)k > FOLD_SCRATCH - n)
            break; /* past what the cap could keep anyway */
        memcpy(buf + n, one, (size_t)k * sizeof *one);
        n += (size_t)k;
    }
    canonical_order(buf, n);
    /* Re-encodes in place: the UTF-8 never outgrows 4 bytes per code point. */
    utf8proc_ssize_t bytes = utf8proc_reencode(buf, (utf8proc_ssize_t)n, opt);
    if (bytes < 0)
        return 0;
    const unsigned char *u = (const unsigned char *)buf;
    size_t keep = cut_utf8(u, (size_t)bytes, FOLD_CAP);
    memcpy(out, u, keep);
    return keep;
}

static size_t fold_ascii(const unsigned char *s, size_t len, char *out)
{
    if (len > FOLD_CAP)
        len = FOLD_CAP;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = s[i];
        out[i] = (char)((ascii_class[c] & A_UPPER) ? c + ('a' - 'A') : c);
    }
    return len;
}

/* ---- scanner ----------------------------------------------------------- */

typedef struct scanner {
    sl_tokens *t;
    const unsigned char *s;
    size_t len;
    bool sent_open;        /* a sentence has started (met a non-white char) */
    size_t sent_start;     /* offset of its first non-white byte */
    size_t sent_first;     /* index of the first token after sent_start */
    size_t last_end;       /* offset after the last non-white byte */
    bool para_has_tokens;  /* the current paragraph holds a token */
    unsigned newlines;     /* line breaks since the last non-white char */
    size_t tok_limit;      /* reserve_token has nothing to do while n and */
    size_t fold_limit;     /* fold_len are below these (reserve_more) */
} scanner;

static void touch(scanner *sc, size_t from, size_t to)
{
    sc->newlines = 0;
    if (!sc->sent_open) {
        sc->sent_open = true;
        sc->sent_start = from;
        sc->sent_first = sc->t->n;
    }
    sc->last_end = to;
}

static int end_sentence(scanner *sc, size_t end)
{
    sl_tokens *t = sc->t;
    if (!sc->sent_open)
        return 0;
    sc->sent_open = false;
    if (t->n == sc->sent_first)
        return 0; /* no token: not a sentence worth reporting */
    if (GROW_FOR(t->sent, t->sent_cap, t->nsent + 1, end, sc->len) != 0)
        return -1;
    t->sent[t->nsent++] = (sl_sentence){
        .start = (uint32_t)sc->sent_start, /* < SL_TEXT_MAX, as tokens' */
        .end = (uint32_t)end,
        .first_token = (uint32_t)sc->sent_first,
        .ntokens = (uint32_t)(t->n - sc->sent_first),
        .paragraph = (uint32_t)t->nparagraphs, /* a break ends the sentence first */
    };
    return 0;
}

static int paragraph_break(scanner *sc)
{
    if (end_sentence(sc, sc->last_end))
        return -1;
    if (sc->para_has_tokens) {
        sc->t->nparagraphs++;
        sc->para_has_tokens = false;
    }
    sc->newlines = 0;
    return 0;
}

/* Lower-case form of each ASCII letter and digit; 0 for every other byte
 * (including all bytes >= 0x80), which ends the fast path's run. */
static const unsigned char ascii_lower[256] = {
#define D(c) [c] = c
#define U(c) [c] = c + ('a' - 'A')
    D('0'), D('1'), D('2'), D('3'), D('4'), D('5'), D('6'), D('7'), D('8'), D('9'),
    D('a'), D('b'), D('c'), D('d'), D('e'), D('f'), D('g'), D('h'), D('i'), D('j'),
    D('k'), D('l'), D('m'), D('n'), D('o'), D('p'), D('q'), D('r'), D('s'), D('t'),
    D('u'), D('v'), D('w'), D('x'), D('y'), D('z'),
    U('A'), U('B'), U('C'), U('D'), U('E'), U('F'), U('G'), U('H'), U('I'), U('J'),
    U('K'), U('L'), U('M'), U('N'), U('O'), U('P'), U('Q'), U('R'), U('S'), U('T'),
    U('U'), U('V'), U('W'), U('X'), U('Y'), U('Z'),
#undef D
#undef U
};

#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define BYTES(b) (0x0101010101010101ULL * (b))

/* For each byte of y (all < 0x80): 0x80 where lo <= byte <= hi, else 0.
 * Adding 0x80 - lo sets a byte's top bit from lo up, adding 0x7f - hi
 * from hi + 1 up; no byte carries into the next below 0x100. */
static inline uint64_t bytes_in(uint64_t y, unsigned lo, unsigned hi)
{
    return (y + BYTES(0x80 - lo)) & ~(y + BYTES(0x7f - hi)) & BYTES(0x80);
}

/* The length (0..8) of the run of ASCII letters and digits at s[0..8),
 * whose lower-cased bytes are written to out[0..8) (bytes past the run are
 * scratch). The same as looping over ascii_lower, a word at a time. */
static inline size_t ascii_word_run(const unsigned char *s, unsigned char *out)
{
    uint64_t x;
    memcpy(&x, s, 8);
    uint64_t y = x & ~BYTES(0x80); /* bytes >= 0x80 are excluded below */
    uint64_t upper = bytes_in(y, 'A', 'Z');
    uint64_t word = (upper | bytes_in(y, 'a', 'z') | bytes_in(y, '0', '9')) & ~x;
    uint64_t lower = x | upper >> 2; /* 'A' + 0x20 = 'a' */
    memcpy(out, &lower, 8);
    uint64_t stop = ~word & BYTES(0x80);
    return stop ? (size_t)__builtin_ctzll(stop) / 8 : 8;
}
#endif

#ifdef __SSE2__
/* ascii_word_run over sixteen bytes with SSE2 (every x86-64 has it): the
 * run's length (0..16), its lower-cased bytes written to out[0..16). The
 * compares are signed, so bytes >= 0x80 are negative and never in range. */
static inline size_t ascii_word_run16(const unsigned char *s, unsigned char *out)
{
    __m128i x = _mm_loadu_si128((const __m128i *)(const void *)s);
    __m128i lo = _mm_or_si128(x, _mm_set1_epi8(0x20)); /* 'A'..'Z' onto 'a'..'z' */
    __m128i letter = _mm_and_si128(_mm_cmpgt_epi8(lo, _mm_set1_epi8('a' - 1)),
                                   _mm_cmplt_epi8(lo, _mm_set1_epi8('z' + 1)));
    __m128i digit = _mm_and_si128(_mm_cmpgt_epi8(x, _mm_set1_epi8('0' - 1)),
                                  _mm_cmplt_epi8(x, _mm_set1_epi8('9' + 1)));
    _mm_storeu_si128((__m128i *)(void *)out,
                     _mm_or_si128(x, _mm_and_si128(letter, _mm_set1_epi8(0x20))));
    unsigned word = (unsigned)_mm_movemask_epi8(_mm_or_si128(letter, digit));
    return (size_t)__builtin_ctz(~word); /* bit 16 of ~word is set */
}
#endif

/* Appends the token [start, end) whose folded form, flen bytes, is already
 * at t->fold + t->fold_len (room reserved by reserve_token). */
static inline void push_token(scanner *sc, size_t start, size_t end, size_t flen)
{
    sl_tokens *t = sc->t;
    touch(sc, start, end);
    t->fold[t->fold_len + flen] = '\0';
    t->tok[t->n++] = (sl_token){
        .start = (uint32_t)start, /* < SL_TEXT_MAX: sli_tokenize checked */
        .end = (uint32_t)end,
        .fold_off = (uint32_t)t->fold_len,
        .sentence = (uint32_t)t->nsent, /* the sentence being built */
    };
    t->fold_len += flen + 1;
    sc->para_has_tokens = true;
}

/* Room for one more token and its folded form, and the limits below which
 * reserve_token may take that room for granted: both buffers' capacities,
 * and the 32-bit indices and fold offsets of the contract. */
static int reserve_more(scanner *sc, size_t at)
{
    sl_tokens *t = sc->t;
    const size_t fold_room = FOLD_CAP + 1 + SL_FOLD_PAD, fold_max = UINT32_MAX - (FOLD_CAP + 1);
    if (t->n >= UINT32_MAX || t->fold_len > fold_max ||
        GROW_FOR(t->tok, t->cap, t->n + 1, at, sc->len) != 0 ||
        GROW_FOR(t->fold, t->fold_cap, t->fold_len + fold_room, at, sc->len) != 0)
        return -1;
    sc->tok_limit = t->cap < UINT32_MAX ? t->cap : UINT32_MAX;
    size_t f = t->fold_cap - fold_room; /* fold_len may go up to this */
    sc->fold_limit = (f < fold_max ? f : fold_max) + 1;
    return 0;
}

/* Once per token (starting at byte at): one test while the buffers have
 * room. */
static inline int reserve_token(scanner *sc, size_t at)
{
    if (sc->t->n < sc->tok_limit && sc->t->fold_len < sc->fold_limit)
        return 0;
    return reserve_more(sc, at);
}

/* The general scan of the token starting at i: any script, joiners and
 * marks. Returns the offset after it, or SIZE_MAX when out of memory. */
static size_t scan_token_slow(scanner *sc, size_t i)
{
    const unsigned char *s = sc->s;
    size_t len = sc->len, j = i;
    bool ascii = true;

    while (j < len) {
        if (s[j] < 0x80 && (ascii_class[s[j]] & A_KIND) == K_WORD) {
            j++;
            continue;
        }
        utf8proc_int32_t cp;
        size_t cl;
        enum kind k = kind_at(s, len, j, &cp, &cl);
        if (k == K_JOIN) {
            /* Kept only when a letter or digit follows: "carers' " and
             * "well--known" do not take it. */
            utf8proc_int32_t ncp;
            size_t ncl;
            if (j + cl >= len || kind_at(s, len, j + cl, &ncp, &ncl) != K_WORD)
                break;
        } else if (k != K_WORD && k != K_MARK) {
            break;
        }
        if (s[j] >= 0x80)
            ascii = false;
        j += cl;
    }
    char *out = sc->t->fold + sc->t->fold_len;
    size_t flen = ascii ? fold_ascii(s + i, j - i, out) : fold_unicode(s + i, j - i, out);
    push_token(sc, i, j, flen);
    return j;
}

/* Scans the token starting at i (a K_WORD) and emits it; returns the offset
 * after it, or SIZE_MAX when out of memory. Most tokens are runs of ASCII
 * letters and digits: those are lower-cased into the fold buffer as they
 * are scanned, in one pass. A run that stops at a byte >= 0x80 or at a
 * joiner may continue, so it is scanned again by the general path. */
static size_t scan_token(scanner *sc, size_t i)
{
    if (reserve_token(sc, i) != 0)
        return SIZE_MAX;
    const unsigned char *s = sc->s;
    size_t len = sc->len, j = i;
    unsigned char *out = (unsigned char *)sc->t->fold + sc->t->fold_len;
    size_t stop = len - i > FOLD_CAP ? i + FOLD_CAP : len;
    unsigned char c;
    bool more = true; /* the run may go on past j */
#ifdef __SSE2__
    /* Sixteen bytes at a time while the word lasts: most words end within
     * the first sixteen, found without a branch per byte. */
    while (more && j + 16 <= stop) {
        size_t n = ascii_word_run16(s + j, out + (j - i));
        j += n;
        more = n == 16;
    }
#endif
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    /* Then eight at a time, near the end of the text or the cap. */
    while (more && j + 8 <= stop) {
        size_t n = ascii_word_run(s + j, out + (j - i));
        j += n;
        more = n == 8;
    }
#endif
    while (more && j < stop && (c = ascii_lower[s[j]]) != 0)
        out[j++ - i] = c;
    size_t flen = j - i;
    while (more && j < len && ascii_lower[s[j]] != 0)
        j++; /* past the cap: scanned, not kept */
    if (j < len && ((s[j] >= 0x80) | ((ascii_class[s[j] & 0x7f] & A_KIND) == K_JOIN)))
        return scan_token_slow(sc, i);
    push_token(sc, i, j, flen);
    /* the space after a word, as the main loop would step over it */
    return j + (j < len && s[j] == ' ');
}

static bool is_abbreviation(const char *w, size_t n)
{
    if (n >= sizeof abbreviations[0])
        return false;
    /* Entries are NUL-padded, so comparing n + 1 bytes also checks length. */
    for (size_t i = 0; i < sizeof abbreviations / sizeof abbreviations[0]; i++)
        if (abbreviations[i][0] == w[0] && memcmp(abbreviations[i], w, n + 1) == 0)
            return true;
    return false;
}

/* Whether the token ending right at offset dot makes that '.' part of an
 * abbreviation or an initial rather than a full stop. */
static bool dot_is_abbreviation(const scanner *sc, size_t dot)
{
    const sl_tokens *t = sc->t;
    if (t->n == sc->sent_first || !sc->sent_open)
        return false;
    const sl_token *tk = &t->tok[t->n - 1];
    if (tk->end != dot)
        return false;
    if (is_abbreviation(t->fold + tk->fold_off, sli_token_fold_len(t, t->n - 1)))
        return true;
    /* A single letter: "J. Smith", and the "g" of "e.g.". */
    utf8proc_int32_t cp;
    size_t cl;
    if (kind_at(sc->s, sc->len, tk->start, &cp, &cl) != K_WORD ||
        tk->start + cl != tk->end)
        return false;
    utf8proc_category_t c = utf8proc_category(cp);
    return c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO;
}

/* Handles the run of terminators starting at i; returns the offset to
 * resume at, or SIZE_MAX when out of memory. */
static size_t scan_terminator(scanner *sc, size_t i)
{
    const unsigned char *s = sc->s;
    size_t len = sc->len, j = i, run = 0;
    utf8proc_int32_t cp = 0;
    size_t cl = 1; /* set by the first kind_at: s[i] is a terminator */
    enum kind k = K_OTHER;

    while (j < len && (k = kind_at(s, len, j, &cp, &cl)) == K_TERM) {
        j += cl;
        run++;
    }
    size_t run_end = j;
    while (j < len && k != K_INVALID && is_closer(cp)) {
        j += cl;
        if (j < len)
            k = kind_at(s, len, j, &cp, &cl);
    }
    bool boundary = j == len || k == K_SPACE || k == K_NEWLINE || k == K_PARA;
    if (!boundary) {
        /* "3.5", "?!x": resume after the run so closers are scanned once. */
        touch(sc, i, run_end);
        return run_end;
    }
    bool abbrev = run == 1 && s[i] == '.' && dot_is_abbreviation(sc, i);
    touch(sc, i, j);
    if (!abbrev && end_sentence(sc, j))
        return SIZE_MAX;
    return j;
}

int sli_tokenize(sl_tokens *t, const char *text, size_t len)
{
    scanner sc = {.t = t, .s = (const unsigned char *)text, .len = len};
    t->n = t->fold_len = t->nsent = t->nparagraphs = t->invalid_utf8 = 0;
    if (len > SL_TEXT_MAX)
        return -2;

    size_t i = 0;
    while (i < len) {
        if (sc.s[i] == ' ') {
            i++; /* the commonest byte of all, between words */
            continue;
        }
        utf8proc_int32_t cp;
        size_t cl;
        switch (kind_at(sc.s, len, i, &cp, &cl)) {
        case K_WORD:
            i = scan_token(&sc, i);
            break;
        case K_TERM:
            i = scan_terminator(&sc, i);
            break;
        case K_SPACE:
            i += cl;
            break;
        case K_NEWLINE:
            i += cl;
            if (++sc.newlines >= 2 && paragraph_break(&sc))
                return -1;
            break;
        case K_PARA:
            i += cl;
            if (paragraph_break(&sc))
                return -1;
            break;
        case K_INVALID:
            t->invalid_utf8++;
            touch(&sc, i, i + 1);
            i++;
            break;
        default: /* K_OTHER, and a mark or joiner outside a token */
            touch(&sc, i, i + cl);
            i += cl;
            break;
        }
        if (i == SIZE_MAX)
            return -1;
    }
    if (paragraph_break(&sc))
        return -1;
    if (t->n) /* room was reserved with the last token */
        memset(t->fold + t->fold_len, 0, SL_FOLD_PAD);
    return 0;
}

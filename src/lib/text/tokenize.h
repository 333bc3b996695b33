/*
 * tokenize.h - UTF-8 text to tokens, sentences and paragraphs.
 *
 * A token is a run of Unicode letters, digits and combining marks, with
 * internal apostrophes (' and U+2019, both normalised to ') and internal
 * hyphens (-, U+2010, U+2011, normalised to -) kept: "person-centred" and
 * "Carla's" are one token each. Each token keeps its byte offsets into the
 * original text and a case-folded (full Unicode folding, NFC) copy in the
 * fold buffer. Invalid UTF-8 bytes break tokens and are counted.
 *
 * Sentences end at . ! ? (and runs of them) followed by optional closing
 * quotes/brackets and then white space or the end of the text; common
 * abbreviations (Mr. Mrs. Ms. Dr. Prof. St. e.g. i.e. etc. vs. No. ...) and
 * single-letter initials do not end a sentence. A blank line (two line
 * breaks with only white space between) ends a paragraph and the sentence.
 */
#ifndef SL_TOKENIZE_H
#define SL_TOKENIZE_H

#include <stddef.h>
#include <stdint.h>

/* The longest folded form kept, in bytes: a longer token's fold is cut
 * (at a code point boundary) to at most this. */
#define SL_FOLD_CAP 255

/* Zero bytes after the last folded form (when there is a token): a reader
 * may load SL_FOLD_PAD bytes from the start of any form, as the word
 * cache does to read a word's first 16 bytes without a branch on its
 * length. */
#define SL_FOLD_PAD 16

/* 16 bytes: a huge story's tokens are most of what it costs to analyse
 * (a 50 MB record of dense text has 10 million), so a token keeps only
 * what cannot be derived. Its folded form's length and its paragraph are
 * read through sli_token_fold_len() and sli_token_paragraph(); offsets
 * are 32-bit, so a story of 4 GiB or more is refused (sli_tokenize). */
typedef struct sl_token {
    uint32_t start, end; /* byte offsets into the original text: [start, end) */
    uint32_t fold_off;   /* the folded form: toks->fold + fold_off, NUL-terminated */
    uint32_t sentence;   /* index into toks->sent */
} sl_token;

typedef struct sl_sentence { /* 20 bytes */
    uint32_t start, end;  /* byte range of the sentence text, trimmed of white space */
    uint32_t first_token; /* index of its first token */
    uint32_t ntokens;     /* may be 0 (a sentence of punctuation only) */
    uint32_t paragraph;
} sl_sentence;

typedef struct sl_tokens {
    sl_token *tok;
    size_t n, cap;
    char *fold;           /* folded forms, each followed by a NUL; then
                           * SL_FOLD_PAD zero bytes */
    size_t fold_len, fold_cap;
    sl_sentence *sent;
    size_t nsent, sent_cap;
    size_t nparagraphs;   /* paragraphs holding at least one token */
    size_t invalid_utf8;  /* invalid bytes met */
} sl_tokens;

void sli_tokens_init(sl_tokens *t);
void sli_tokens_free(sl_tokens *t);

/* The longest text sli_tokenize takes: token offsets are 32-bit. */
#define SL_TEXT_MAX ((size_t)UINT32_MAX)

/* Tokenises text[0..len) into t, replacing its previous contents (buffers
 * are reused). Returns 0, -1 when out of memory, or -2 when len exceeds
 * SL_TEXT_MAX (t is then empty). Never fails on content: any bytes are
 * accepted. */
int sli_tokenize(sl_tokens *t, const char *text, size_t len);

/* The length in bytes of token i's folded form: the forms lie end to end,
 * each followed by its NUL, so it is where the next one starts. */
static inline uint32_t sli_token_fold_len(const sl_tokens *t, size_t i)
{
    uint32_t next = i + 1 < t->n ? t->tok[i + 1].fold_off : (uint32_t)t->fold_len;
    return next - t->tok[i].fold_off - 1;
}

/* The 0-based paragraph of token i: its sentence's (a paragraph break
 * always ends the sentence). */
static inline uint32_t sli_token_paragraph(const sl_tokens *t, size_t i)
{
    return t->sent[t->tok[i].sentence].paragraph;
}

#endif

/*
 * stem.h - Snowball stemming with a per-thread word cache.
 *
 * libstemmer's result buffer belongs to the stemmer, so each thread owns one
 * sl_stem_cache: a stemmer plus a map from folded word to sl_word. A
 * frequent word is stemmed once per thread. The record also carries
 * annotation slots that the next stage (match) fills once per distinct word
 * with the lexicon atoms the word satisfies, so a token costs one hash
 * lookup however many lexicon entries there are; two matchers (themes and
 * modifiers) can share one cache, each with its own slot.
 */
#ifndef SL_STEM_H
#define SL_STEM_H

#include <stddef.h>
#include <stdint.h>

#include "storylens/storylens.h"

/* Longest word handed to the stemmer; longer folded forms are not stemmed
 * (their stem is the word itself): libstemmer takes an int length, and
 * real exports hold megabyte "words" (base64 pasted into a cell). */
#define SL_STEM_MAX_WORD 255

/* Annotation slots per record: one per matcher sharing the cache (the
 * themes' matcher and the modifiers' matcher of one worker). */
#define SL_WORD_ANN 2

/* A word's annotations, one per slot, each owned by its writer: 0 until
 * the writer annotates the word, then a non-zero handle of the writer's
 * choosing. The record is kept this small (the rest of what the cache
 * knows about a word lives apart) because every token reads one. */
typedef struct sl_word {
    uint32_t ann[SL_WORD_ANN];
} sl_word;

typedef struct sl_stem_cache sl_stem_cache;

/* A stemmer for language (a Snowball algorithm name) with an empty cache.
 * SL_EUSAGE naming the known languages when language is unknown. Caller
 * owns *out; free with sli_stem_cache_free(). */
sl_status sli_stem_cache_new(sl_stem_cache **out, const char *language, sl_error *err);
void sli_stem_cache_free(sl_stem_cache *c);

/* The cached record for word (folded form, len bytes), stemming it on first
 * sight. Borrowed: valid until the next lookup or trim. NULL when out of
 * memory. */
sl_word *sli_stem_lookup(sl_stem_cache *c, const char *word, size_t len);

/* sli_stem_lookup() for a word with at least 16 readable bytes from its
 * start (a tokenizer's fold buffer: SL_FOLD_PAD), whose first 16 bytes are
 * then read in two loads, not in pieces chosen by its length: the
 * matcher's path, once per token. */
sl_word *sli_stem_lookup_padded(sl_stem_cache *c, const char *word, size_t len);

/* The stem of a record. Borrowed, NUL-terminated; valid until trim. */
const char *sli_word_stem(const sl_stem_cache *c, const sl_word *w);
size_t sli_word_stem_len(const sl_stem_cache *c, const sl_word *w);

/* Stems word without caching into buf (NUL-terminated). Returns the stem
 * length, or -1 when out of memory or too long for buf. */
int sli_stem_once(sl_stem_cache *c, const char *word, size_t len, char *buf, size_t size);

/* Empties the cache when it holds more than max_words, bounding memory on
 * corpora with unbounded vocabularies. Returns 1 if it emptied it (every
 * annotation is then void), else 0. Call only between documents. */
int sli_stem_cache_trim(sl_stem_cache *c, size_t max_words);

/* Records stay where they are until the cache next grows or is trimmed:
 * both change the epoch. A caller that looked words up can keep the
 * records and, while the epoch is unchanged, use them again without a
 * second lookup. */
uint64_t sli_stem_cache_epoch(const sl_stem_cache *c);

/* How many times the cache has been trimmed: a change voids every
 * annotation made before it. */
uint64_t sli_stem_cache_trims(const sl_stem_cache *c);

/* Number of distinct words cached. */
size_t sli_stem_cache_size(const sl_stem_cache *c);

#endif

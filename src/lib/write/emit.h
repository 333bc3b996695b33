/*
 * emit.h - the one way storylens builds and writes JSON: a builder that
 * notes allocation failure once, strings that are always valid UTF-8, and
 * a buffered dump.
 *
 * Why one: two builders with different rules once turned a story id that
 * was not UTF-8 into "out of memory" (jansson's json_string() returns NULL
 * for it) and released a value twice on an allocation failure (jansson's
 * json_object_set_new() and json_array_append_new() release the value
 * themselves when they fail). Here every value handed to the builder is
 * stolen, whatever happens, and invalid UTF-8 in values and keys becomes
 * U+FFFD, as jq does.
 */
#ifndef SL_EMIT_H
#define SL_EMIT_H

#include <jansson.h>
#include <stdint.h>
#include <stdio.h>

#include "core/doc.h"
#include "core/error.h"

/* Building goes on after a failure; one check of oom at the end reports it.
 * clash: two keys of one object differ only in bytes that are not UTF-8,
 * so their repaired forms are the same key and one would overwrite the
 * other (two --by groups "S\xFCd" and "S\xE4d" written as one): the
 * document must not be written (sli_jb_failed says why). */
typedef struct sl_jb {
    int oom;
    int clash;
    char clash_key[128]; /* the repaired key, cut to fit */
} sl_jb;

/* SL_OK, or the error of a failed build: out of memory, or a clash. */
sl_status sli_jb_failed(const sl_jb *b, sl_error *err);

/* obj[key] = v. Steals v (NULL counts as a failed allocation); a key that
 * is not UTF-8 is repaired. */
void sli_jb_set(sl_jb *b, json_t *obj, const char *key, json_t *v);
/* Appends v to arr. Steals v. */
void sli_jb_push(sl_jb *b, json_t *arr, json_t *v);

/* Whether key is valid UTF-8, so it is written as it is (not repaired). */
int sli_json_key_ok(const char *key);

/* A JSON string of s with invalid UTF-8 replaced by U+FFFD. New
 * reference; NULL only when out of memory. */
json_t *sli_json_text(const char *s);
/* The same for n bytes that may hold NUL bytes, which are kept (\u0000). */
json_t *sli_json_textn(const char *s, size_t n);
/* A count, or NULL on OOM. */
json_t *sli_json_count(uint64_t n);

/* json_dumpf() of root and a final newline, through a buffer of our own:
 * jansson hands json_dumpf's FILE a few bytes per fwrite, and each fwrite
 * takes the stream's lock, which for a 5,000-entry lexicon's output was a
 * tenth of a run's fixed cost. 0, or -1 when a write fails. */
int sli_json_write(const json_t *root, FILE *out, size_t flags);

/* v dumped in a shape one dump of a larger document would give it: every
 * line but the first (which follows its key) indented by indent spaces
 * (at most 16), and the last hold bytes
 * (at most 4) left out, e.g. the "\n}" of an object the caller goes on to
 * add members to. No final newline. 0, or -1 when a write fails (or v's
 * dump is shorter than hold). */
int sli_json_write_shaped(const json_t *v, FILE *out, size_t flags, size_t indent, size_t hold);

/* The end of every JSON writer: releases root, after writing it with
 * sli_json_write unless building ran out of memory. SL_ENOMEM, SL_EIO
 * ("cannot write the output") or SL_OK. */
sl_status sli_jb_finish(const sl_jb *b, json_t *root, FILE *out, size_t flags, sl_error *err);

/* One story as a JSON object {id, text, metadata...}; invalid UTF-8 becomes
 * U+FFFD. New reference; NULL when out of memory. */
json_t *sli_json_story(const char *id, const char *text, size_t text_len, const sl_meta *meta,
                       size_t nmeta);

#endif

/*
 * seen.h - what a run saw of its stories besides their counts: every story
 * id with the place it was read (to refuse a story given twice), and, with
 * --by, the metadata fields met and how many stories lacked each --by field
 * (to refuse a field no story has rather than put every story in one group
 * "").
 *
 * Why here: a figure counted twice or grouped by a misspelt field is wrong
 * without a word, the worst outcome for an evidence team; the result is the
 * one place every story passes, in input order, on one thread.
 *
 * Memory: an id is kept as its 64-bit hash with the place it was read, 16
 * bytes a slot in a table at most three quarters full: some 20-40 bytes a
 * story, 1 GB of JSONL (600,000 stories) about 20 MB. Two different ids
 * with the same hash would be taken for a repeat: for a million stories
 * the chance is about 1 in 30 million, and the message names both places
 * so it can be checked. --allow-duplicate-ids keeps no ids at all.
 */
#ifndef SL_SEEN_H
#define SL_SEEN_H

#include <stdint.h>

#include "core/doc.h"
#include "core/options.h"
#include "core/strmap.h"

/* One id met: its hash and where it was read (an index into the files
 * met, or in a split part the piece; the line in it, 0 for a whole-file
 * story, saturated at UINT32_MAX). */
typedef struct sl_seen_slot {
    uint64_t hash;       /* 0 = empty */
    uint32_t where, line;
} sl_seen_slot;

typedef struct sl_seen {
    int keep_ids;        /* duplicates refused: ids are kept */
    sl_seen_slot *slots; /* open addressing, a power of two */
    size_t cap, n;
    const char **files;  /* borrowed: interned in the result's report */
    size_t nfiles, files_cap;
    int in_pieces;       /* a split part: lines are relative to pieces */
    uint32_t piece;      /* a split part: the piece being read now */
    sl_strmap fields;    /* with --by: every metadata key met */
    uint64_t *missing;   /* with --by: stories without the g-th field */
    size_t nby;
} sl_seen;

sl_status sli_seen_init(sl_seen *s, const sl_options *opts, sl_error *err);
void sli_seen_free(sl_seen *s);

/* Notes story d (its source interned, so borrowed for the run). SL_EDATA
 * "FILE:LINE: story id ... also at FILE:LINE" when its id was seen before
 * and duplicates are refused. */
sl_status sli_seen_story(sl_seen *s, const sl_doc *d, sl_error *err);

/* 1 when an id kept in b is also in a (split.c: the ids of a file read in
 * pieces, checked before they are added). */
int sli_seen_collide(const sl_seen *a, const sl_seen *b);

/* Adds the ids of part, read from file (interned in s's result) in pieces
 * whose first lines are at base[piece] of the file; and part's --by
 * fields and counts of stories without them. */
sl_status sli_seen_add(sl_seen *s, const sl_seen *part, const char *file,
                       const unsigned long *base, sl_error *err);

/* After the last story of a run of stories stories: SL_EDATA when there are
 * none (unless allowed: then a warning), or when no story has a --by field
 * (the fields seen listed, a near miss suggested); a warning when some
 * stories lack one. */
sl_status sli_seen_check(const sl_seen *s, const sl_options *opts, uint64_t stories,
                         sl_error *err);

#endif

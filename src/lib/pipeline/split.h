/*
 * split.h - a large JSONL file analysed in pieces, one reader per thread
 * (split.c). Used by the driver (analysis.c) only.
 */
#ifndef SL_SPLIT_H
#define SL_SPLIT_H

#include "pipeline/batch.h"

/* Whether the run allows it for path: more than one thread, nothing shown
 * per story, a JSONL file by its name. */
int sli_split_wanted(const sl_batcher *whole, const char *path);

/* Sets *done = 1 when it analysed the whole file into whole's result;
 * *done = 0 when the file is too small or not clean, for the ordinary
 * path to read it, with none of it in the result (the stories read before
 * the file may have been summed). */
sl_status sli_split_file(sl_batcher *whole, const char *path, int *done, sl_error *err);

/* Standard input redirected from a JSONL file (`analyse - < stories.jsonl`)
 * is a regular file too: whether in is one, unread (at offset 0, nothing
 * buffered), and the run allows a split. A pipe is read the ordinary way. */
int sli_split_stream_wanted(const sl_batcher *whole, FILE *in);

/* sli_split_file for such a stream, named name in ids and messages. Reads
 * with pread, so after *done = 0 the stream is still at its start for the
 * ordinary path. */
sl_status sli_split_stream(sl_batcher *whole, FILE *in, const char *name, int *done,
                           sl_error *err);

/* The piece size (0: the default), for tests to split small files.
 * Process-wide: call it only while no analysis runs. */
void sli_split_set_piece_bytes(size_t bytes);

#endif

/*
 * fuzz_csv.c - the CSV and TSV readers on arbitrary bytes, with and without
 * --skip-invalid resynchronisation. Every record read must be a complete
 * story (an id, a text with its padding); a failure must be SL_EDATA,
 * never a crash, and with skipping on the reader must always make progress
 * (resynchronising after a broken quote must never loop).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "fuzz.h"
#include "read.h"

static void drain(const uint8_t *data, size_t size, sl_input_format fmt, int skip)
{
    FILE *f = fmemopen((void *)data, size, "rb");
    if (!f)
        return;
    sl_read_opts ro = {"text", "id"};
    sl_reader *r = NULL;
    sl_error err;
    if (sl_reader_open_stream(&r, f, "fuzz", fmt, &ro, &err) == SL_OK) {
        sl_reader_set_skip_invalid(r, skip);
        /* each call consumes at least one byte or ends: bound the loop by it */
        size_t calls = 0;
        for (; calls <= size + 2; calls++) {
            sl_doc d = {0};
            int got = 0;
            sl_status s = sl_reader_next(r, &d, &got, &err);
            if (s == SL_OK && got && (!d.id || !d.text || d.text[d.text_len] != '\0'))
                abort();
            sl_doc_clear(&d);
            if (s == SL_OK && !got)
                break;
            if (s != SL_OK && !sl_reader_skippable(r, NULL, NULL))
                break;
        }
        if (calls > size + 2)
            abort(); /* the reader stopped making progress */
        sl_reader_free(r);
    }
    fclose(f);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0 || size > SL_FUZZ_MAX_INPUT)
        return 0;
    /* the first byte picks the delimiter, so one corpus serves both */
    sl_input_format fmt = data[0] & 1 ? SL_INPUT_TSV : SL_INPUT_CSV;
    drain(data + 1, size - 1, fmt, 0);
    drain(data + 1, size - 1, fmt, 1);
    return 0;
}

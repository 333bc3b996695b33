/*
 * fuzz.h - what the storylens fuzz harnesses share.
 *
 * Each harness (tests/fuzz/fuzz_*.c) defines only LLVMFuzzerTestOneInput:
 * built with clang -fsanitize=fuzzer it is a libFuzzer target (make fuzz);
 * linked with driver.c under gcc it replays its seed corpus inside make
 * test. Inputs are bounded by the harness, never by hope.
 */
#ifndef SL_FUZZ_H
#define SL_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "core/doc.h"
#include "read/read.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Inputs above this size are ignored: the readers stream, so a larger
 * input finds nothing a smaller one cannot, only slower. */
#define SL_FUZZ_MAX_INPUT (256u * 1024u)

/* Reads every record of data as fmt, with or without --skip-invalid: each
 * story read must be complete (an id, a NUL after its text); a failure must
 * be a clean status, and with skipping on the reader must make progress
 * (each call consumes a byte or ends), so the loop is bounded by size. */
static inline void sl_fuzz_drain(const uint8_t *data, size_t size, sl_input_format fmt, int skip)
{
    FILE *f = fmemopen((void *)data, size, "rb");
    if (!f)
        return;
    sl_read_opts ro = {.text_field = "text", .id_field = "id"};
    sl_reader *r = NULL;
    sl_error err;
    if (sli_reader_open_stream(&r, f, "fuzz", fmt, &ro, &err) == SL_OK) {
        sli_reader_set_skip_invalid(r, skip);
        /* each call consumes at least one byte or ends: bound the loop by it */
        size_t calls = 0;
        for (; calls <= size + 2; calls++) {
            sl_doc d = {0};
            int got = 0;
            sl_status s = sli_reader_next(r, &d, &got, &err);
            if (s == SL_OK && got && (!d.id || !d.text || d.text[d.text_len] != '\0'))
                abort();
            sli_doc_clear(&d);
            if (s == SL_OK && !got)
                break;
            if (s != SL_OK && !sli_reader_skippable(r, NULL, NULL))
                break;
        }
        if (calls > size + 2)
            abort(); /* the reader stopped making progress */
        sli_reader_free(r);
    }
    fclose(f);
}

#endif

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

#include "core/doc.h"
#include "fuzz.h"
#include "read/read.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0 || size > SL_FUZZ_MAX_INPUT)
        return 0;
    /* the first byte picks the delimiter, so one corpus serves both */
    sl_input_format fmt = data[0] & 1 ? SL_INPUT_TSV : SL_INPUT_CSV;
    sl_fuzz_drain(data + 1, size - 1, fmt, 0);
    sl_fuzz_drain(data + 1, size - 1, fmt, 1);
    return 0;
}

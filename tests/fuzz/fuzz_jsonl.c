/*
 * fuzz_jsonl.c - the JSONL reader on arbitrary bytes, with and without
 * --skip-invalid resynchronisation. Every record read must be a complete
 * story (an id, a text with its padding); a failure must be SL_EDATA,
 * never a crash, and with skipping on the reader must always make progress.
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
    sl_fuzz_drain(data, size, SL_INPUT_JSONL, 0);
    sl_fuzz_drain(data, size, SL_INPUT_JSONL, 1);
    return 0;
}

/*
 * fuzz_jsonl_diff.c - the JSONL fast path against the jansson reference.
 *
 * The input is one line. Whenever the fast path (read_jsonl_fast.c) says it
 * read the line, the reference (sli_rd_jsonl_parse_ref) must read it too and
 * give the same doc, field by field; when it defers, the doc must be left
 * empty. Three field settings per input: the default, one field as both id
 * and text, and the two swapped.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/doc.h"
#include "fuzz.h"
#include "read/record.h"

static void compare(const char *line, size_t n, const char *text_field, const char *id_field)
{
    static char name[] = "fuzz";
    static const sl_doc zero;
    sl_reader r;
    memset(&r, 0, sizeof r);
    r.name = name;
    r.text_field = text_field;
    r.id_field = id_field;
    r.line = 3;
    sl_doc fast = {0}, ref = {0};
    sl_error err;
    sl_rd_fast got = sli_rd_jsonl_fast(&r, line, n, &fast);
    if (got == SL_RD_DONE) {
        if (sli_rd_jsonl_parse_ref(&r, line, n, &ref, &err) != SL_OK || !sli_doc_equal(&fast, &ref))
            abort();
    } else if (got != SL_RD_DEFER || memcmp(&fast, &zero, sizeof zero) != 0) {
        abort();
    }
    sli_doc_clear(&fast);
    sli_doc_clear(&ref);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > SL_FUZZ_MAX_INPUT)
        return 0;
    /* a copy of exactly size bytes, so ASan sees any read past the line */
    char *line = malloc(size ? size : 1);
    if (!line)
        return 0;
    if (size)
        memcpy(line, data, size);
    compare(line, size, "text", "id");
    compare(line, size, "text", "text");
    compare(line, size, "id", "text");
    free(line);
    return 0;
}

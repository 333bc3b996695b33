/*
 * fuzz_lexicon.c - loading a hand-edited lexicon: parse, compile, JIT.
 * The loader reads files, so each input is written to one scratch file
 * per process (rewritten in place). A load either succeeds or fails with
 * SL_ELEXICON and a FILE:LINE:COL message; it never crashes.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fuzz.h"
#include "storylens/storylens.h"

static char scratch[64];

static void remove_scratch(void)
{
    remove(scratch);
}

static int write_scratch(const uint8_t *data, size_t size)
{
    if (!scratch[0]) {
        snprintf(scratch, sizeof scratch, "/tmp/sl-fuzz-lexXXXXXX");
        int fd = mkstemp(scratch);
        if (fd < 0)
            return -1;
        close(fd);
        atexit(remove_scratch);
    }
    FILE *f = fopen(scratch, "wb");
    if (!f)
        return -1;
    int bad = fwrite(data, 1, size, f) != size;
    return (fclose(f) != 0 || bad) ? -1 : 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 64 * 1024 || write_scratch(data, size) != 0)
        return 0;
    const char *paths[] = {scratch};
    sl_lexicon *lex = NULL;
    sl_error err = {0};
    sl_status s = sl_lexicon_load(&lex, paths, 1, "english", &err);
    if (s == SL_OK) {
        size_t n = sl_lexicon_theme_count(lex);
        for (size_t i = 0; i < n; i++)
            if (!sl_lexicon_theme_name(lex, i))
                abort();
    } else if (s != SL_ELEXICON && s != SL_ENOMEM) {
        abort();
    } else if (strncmp(err.text, scratch, strlen(scratch)) != 0) {
        abort(); /* every lexicon error names the file */
    }
    sl_lexicon_free(lex);
    return 0;
}

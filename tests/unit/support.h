/*
 * support.h - helpers shared by the unit tests (include after <cmocka.h>).
 *
 * Header-only and static inline so each test program stays one file to
 * build; only what several tests would otherwise each write again.
 */
#ifndef SL_TEST_SUPPORT_H
#define SL_TEST_SUPPORT_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/doc.h"
#include "storylens/storylens.h"

/* Loads a theme lexicon (modifiers 0) or a modifier lexicon (1) from its
 * source text through a temporary .lex file, as a user's file is loaded;
 * fails the test, showing the source, if it does not load. Caller frees
 * with sl_lexicon_free(). */
static inline sl_lexicon *load_from_text(const char *src, int modifiers)
{
    char path[] = "/tmp/sl_test_lexicon_XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    FILE *f = fdopen(fd, "w");
    assert_non_null(f);
    assert_int_equal(fwrite(src, 1, strlen(src), f), strlen(src));
    assert_int_equal(fclose(f), 0);
    const char *paths[] = {path};
    sl_lexicon *lex = NULL;
    sl_error err = {0};
    sl_status s = modifiers ? sl_modifiers_load(&lex, paths, 1, NULL, &err)
                            : sl_lexicon_load(&lex, paths, 1, NULL, &err);
    unlink(path);
    if (s != SL_OK)
        fail_msg("lexicon did not load: %s\n%s", err.text, src);
    return lex;
}

static inline sl_lexicon *lex_from(const char *src)
{
    return load_from_text(src, 0);
}

static inline sl_lexicon *mods_from(const char *src)
{
    return load_from_text(src, 1);
}

/* A story's metadata as "k=v;k=v;" in order, for one-line comparisons. */
static inline void meta_string(const sl_doc *d, char *buf, size_t size)
{
    size_t used = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < d->nmeta && used < size; i++)
        used += (size_t)snprintf(buf + used, size - used, "%s=%s;", d->meta[i].key,
                                 d->meta[i].value);
}

#endif

/*
 * test_doc.c - an sl_doc's metadata as doc.c lays it out: sli_meta_append,
 * sli_meta_set and sli_doc_clear.
 *
 * The readers' view of the same rules (order, a repeated front-matter key)
 * is in test_read.c; here the helpers are called directly so the cases can
 * reach what no reader input does (a key holding a NUL, a value copied
 * from the block it replaces). Leaks are the ASan and valgrind builds'
 * part: every case ends in sli_doc_clear and nothing else frees.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "support.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/doc.h"

static void append(sl_doc *d, const char *key, const char *val)
{
    assert_int_equal(sli_meta_append(&d->meta, &d->nmeta, key, strlen(key), val, strlen(val)), 0);
}

/* 100 fields cross the array's growth several times (4, 8, ... 128): each
 * must still read back in order, with its own value. */
static void meta_append__hundred_fields_keep_order_and_values(void **state)
{
    (void)state;
    sl_doc d = {0};
    for (int i = 0; i < 100; i++) {
        char k[16], v[16];
        snprintf(k, sizeof k, "k%d", i);
        snprintf(v, sizeof v, "v%d", i * 3);
        append(&d, k, v);
    }
    assert_int_equal(d.nmeta, 100);
    for (int i = 0; i < 100; i++) {
        char k[16], v[16];
        snprintf(k, sizeof k, "k%d", i);
        snprintf(v, sizeof v, "v%d", i * 3);
        assert_string_equal(d.meta[i].key, k);
        assert_string_equal(d.meta[i].value, v);
    }
    /* a few written out in full */
    assert_string_equal(d.meta[0].key, "k0");
    assert_string_equal(d.meta[0].value, "v0");
    assert_string_equal(d.meta[4].key, "k4"); /* the first field after a growth */
    assert_string_equal(d.meta[4].value, "v12");
    assert_string_equal(d.meta[99].key, "k99");
    assert_string_equal(d.meta[99].value, "v297");
    assert_string_equal(sli_doc_meta(&d, "k64"), "v192");
    sli_doc_clear(&d);
    assert_null(d.meta);
    assert_int_equal(d.nmeta, 0);
}

/* Copies exactly klen and vlen bytes, NUL-terminates each, and puts the value
 * right after the key's NUL (the layout doc.h promises). */
static void meta_append__copies_slices_into_one_block(void **state)
{
    (void)state;
    const char *src = "site=North;year=2024";
    sl_doc d = {0};
    assert_int_equal(sli_meta_append(&d.meta, &d.nmeta, src, 4, src + 5, 5), 0);
    assert_int_equal(sli_meta_append(&d.meta, &d.nmeta, src + 11, 4, src + 16, 4), 0);
    assert_int_equal(sli_meta_append(&d.meta, &d.nmeta, "", 0, "", 0), 0);
    assert_int_equal(d.nmeta, 3);
    assert_string_equal(d.meta[0].key, "site");
    assert_string_equal(d.meta[0].value, "North");
    assert_ptr_equal(d.meta[0].value, d.meta[0].key + 5);
    assert_string_equal(d.meta[1].key, "year");
    assert_string_equal(d.meta[1].value, "2024");
    assert_ptr_equal(d.meta[1].value, d.meta[1].key + 5);
    assert_string_equal(d.meta[2].key, "");
    assert_string_equal(d.meta[2].value, "");
    assert_ptr_equal(d.meta[2].value, d.meta[2].key + 1);
    sli_doc_clear(&d);
}

/* The value's place follows from klen, not from where the key's text ends:
 * a key with a NUL in it reads as its part before the NUL, and its value is
 * still the value given. */
static void meta_append__key_with_nul_keeps_its_value(void **state)
{
    (void)state;
    sl_doc d = {0};
    assert_int_equal(sli_meta_append(&d.meta, &d.nmeta, "a\0b", 3, "v\0w", 3), 0);
    assert_string_equal(d.meta[0].key, "a");
    assert_memory_equal(d.meta[0].key, "a\0b\0v\0w\0", 8);
    assert_string_equal(d.meta[0].value, "v");
    assert_ptr_equal(d.meta[0].value, d.meta[0].key + 4);
    sli_doc_clear(&d);
}

/* sli_meta_set builds the new block before freeing the old one, so the
 * key and value may come from the field being replaced. */
static void meta_set__replaces_from_its_own_block(void **state)
{
    (void)state;
    sl_doc d = {0};
    append(&d, "site", "North");
    append(&d, "year", "2024");
    sl_meta *m = &d.meta[0];
    assert_int_equal(sli_meta_set(m, m->key, strlen(m->key), m->value + 1, 3), 0);
    assert_string_equal(d.meta[0].key, "site");
    assert_string_equal(d.meta[0].value, "ort");
    assert_ptr_equal(d.meta[0].value, d.meta[0].key + 5);
    assert_int_equal(sli_meta_set(m, "site", 4, "a much longer value", 19), 0);
    assert_string_equal(d.meta[0].value, "a much longer value");
    assert_int_equal(sli_meta_set(m, "x\0y", 3, "z", 1), 0);
    assert_string_equal(d.meta[0].key, "x");
    assert_string_equal(d.meta[0].value, "z");
    assert_ptr_equal(d.meta[0].value, d.meta[0].key + 4);
    /* the other field is untouched */
    assert_int_equal(d.nmeta, 2);
    assert_string_equal(d.meta[1].key, "year");
    assert_string_equal(d.meta[1].value, "2024");
    sli_doc_clear(&d);
}

/* A doc holding everything a reader gives (id, padded text, fields past
 * one growth) is released whole: under ASan or valgrind a block left
 * behind fails the run. */
static void doc_clear__frees_every_field(void **state)
{
    (void)state;
    sl_doc d = {0};
    d.id = strdup("s1");
    d.text = calloc(1, 1 + SL_TEXT_PAD);
    assert_non_null(d.id);
    assert_non_null(d.text);
    for (int i = 0; i < 9; i++) {
        char k[16];
        snprintf(k, sizeof k, "f%d", i);
        append(&d, k, "x");
    }
    assert_int_equal(d.nmeta, 9);
    sli_doc_clear(&d);
    assert_null(d.id);
    assert_null(d.text);
    assert_null(d.meta);
    assert_int_equal(d.nmeta, 0);
    /* a cleared doc is empty, and filling it again starts over */
    append(&d, "k", "v");
    assert_int_equal(d.nmeta, 1);
    assert_string_equal(d.meta[0].value, "v");
    sli_doc_clear(&d);
}

/* analysis.c moves a story's (meta, nmeta) into a --per-document row and
 * later frees the row through sli_doc_clear: the pair alone must be enough,
 * both to free and to go on appending. */
static void meta_pair__moved_without_a_capacity(void **state)
{
    (void)state;
    sl_doc from = {0};
    for (int i = 0; i < 5; i++) {
        char k[16];
        snprintf(k, sizeof k, "m%d", i);
        append(&from, k, k);
    }
    sl_meta *meta = from.meta;
    size_t nmeta = from.nmeta;
    from.meta = NULL;
    from.nmeta = 0;
    sli_doc_clear(&from);
    for (int i = 5; i < 9; i++) {
        char k[16];
        snprintf(k, sizeof k, "m%d", i);
        assert_int_equal(sli_meta_append(&meta, &nmeta, k, strlen(k), "late", 4), 0);
    }
    sl_doc row = {.meta = meta, .nmeta = nmeta};
    assert_int_equal(row.nmeta, 9);
    assert_string_equal(row.meta[4].key, "m4");
    assert_string_equal(row.meta[4].value, "m4");
    assert_string_equal(row.meta[8].key, "m8");
    assert_string_equal(row.meta[8].value, "late");
    sli_doc_clear(&row);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(meta_append__hundred_fields_keep_order_and_values),
        cmocka_unit_test(meta_append__copies_slices_into_one_block),
        cmocka_unit_test(meta_append__key_with_nul_keeps_its_value),
        cmocka_unit_test(meta_set__replaces_from_its_own_block),
        cmocka_unit_test(doc_clear__frees_every_field),
        cmocka_unit_test(meta_pair__moved_without_a_capacity),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

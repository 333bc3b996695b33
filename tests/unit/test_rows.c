/*
 * test_rows.c - unit tests for rows.c: rows read back exactly as added,
 * in order, from memory and after spilling to the temporary file, twice
 * over, with the themes that have only direction counters kept, and a
 * temporary folder that cannot be written reported as SL_EIO. Expected
 * values are worked out by hand from the rows the tests build.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "count/rows.h"

enum { THEMES = 5, DIR = 3 };

/* Row i: id "s<i>", tokens 10 + i, fields note = i's decimal digits
 * repeated to pad bytes and site = "a" or "b" by parity; theme (i % 5)
 * has i + 1 hits, and theme (i + 2) % 5 has no hits but a direction
 * counter k = i % 3 of value 7. */
typedef struct built {
    char id[16], note[512], site[2];
    sl_meta meta[2];
    uint32_t hits[THEMES], dir[THEMES * DIR];
    sl_docrow row;
} built;

static void build(built *b, size_t i, size_t pad)
{
    memset(b, 0, sizeof *b);
    snprintf(b->id, sizeof b->id, "s%zu", i);
    for (size_t k = 0; k < pad && k + 1 < sizeof b->note; k++)
        b->note[k] = (char)('0' + (i + k) % 10);
    b->site[0] = i % 2 ? 'b' : 'a';
    b->meta[0] = (sl_meta){"note", b->note};
    b->meta[1] = (sl_meta){"site", b->site};
    b->hits[i % THEMES] = (uint32_t)(i + 1);
    b->dir[((i + 2) % THEMES) * DIR + i % DIR] = 7;
    b->row = (sl_docrow){b->id, 10 + i, b->meta, 2, b->hits, b->dir};
}

static void check_row(const sl_docrow *r, size_t i, size_t pad)
{
    built want;
    build(&want, i, pad);
    assert_non_null(r);
    assert_string_equal(r->id, want.id);
    assert_int_equal(r->tokens, 10 + i);
    assert_int_equal(r->nmeta, 2);
    assert_string_equal(r->meta[0].key, "note");
    assert_string_equal(r->meta[0].value, want.note);
    assert_string_equal(r->meta[1].key, "site");
    assert_string_equal(r->meta[1].value, want.site);
    assert_memory_equal(r->theme_hits, want.hits, sizeof want.hits);
    assert_memory_equal(r->dir, want.dir, sizeof want.dir);
}

static void add_all(sl_rows *rs, size_t n, size_t pad)
{
    for (size_t i = 0; i < n; i++) {
        built b;
        build(&b, i, pad);
        sl_error err = {0};
        assert_int_equal(sli_rows_add(rs, &b.row, &err), SL_OK);
    }
    assert_int_equal(rs->n, n);
}

static void read_all(const sl_rows *rs, size_t n, size_t pad)
{
    sl_rows_cursor c;
    sli_rows_cursor_init(&c, rs);
    for (size_t i = 0; i < n; i++)
        check_row(sli_rows_next(&c), i, pad);
    assert_null(sli_rows_next(&c)); /* the end, not a failure */
    assert_int_equal(c.failed, 0);
    assert_int_equal(sli_rows_cursor_status(&c, NULL), SL_OK);
    sli_rows_cursor_free(&c);
}

static void rows__few_rows_stay_in_memory_and_read_back(void **state)
{
    (void)state;
    sl_rows rs;
    sli_rows_init(&rs, THEMES, DIR);
    add_all(&rs, 3, 20);
    assert_false(rs.has_file);
    read_all(&rs, 3, 20);
    read_all(&rs, 3, 20); /* a second pass gives the same rows */
    sli_rows_free(&rs);
}

static void rows__many_rows_spill_and_read_back_in_order(void **state)
{
    (void)state;
    /* 20,000 rows of at least 400 bytes of note: 8 MB, twice the memory
     * kept, so the file holds most of them and the buffer the rest */
    sl_rows rs;
    sli_rows_init(&rs, THEMES, DIR);
    add_all(&rs, 20000, 400);
    assert_true(rs.has_file);
    assert_true(rs.spilled > 0);
    assert_true(rs.len > 0);
    assert_true(rs.len <= SL_ROWS_MEMORY);
    read_all(&rs, 20000, 400);
    read_all(&rs, 20000, 400);
    sli_rows_free(&rs);
}

static void rows__without_direction_rows_have_no_dir(void **state)
{
    (void)state;
    sl_rows rs;
    sli_rows_init(&rs, THEMES, 0);
    uint32_t hits[THEMES] = {0, 0, 4, 0, 0};
    sl_docrow r = {"only", 3, NULL, 0, hits, NULL};
    assert_int_equal(sli_rows_add(&rs, &r, NULL), SL_OK);
    sl_rows_cursor c;
    sli_rows_cursor_init(&c, &rs);
    const sl_docrow *got = sli_rows_next(&c);
    assert_non_null(got);
    assert_string_equal(got->id, "only");
    assert_int_equal(got->nmeta, 0);
    assert_null(got->dir);
    assert_memory_equal(got->theme_hits, hits, sizeof hits);
    assert_null(sli_rows_next(&c));
    sli_rows_cursor_free(&c);
    sli_rows_free(&rs);
}

static void rows__unwritable_tmpdir_is_an_io_error(void **state)
{
    (void)state;
    const char *old = getenv("TMPDIR");
    char *saved = old ? strdup(old) : NULL;
    setenv("TMPDIR", "/nonexistent/storylens-test", 1);
    sl_rows rs;
    sli_rows_init(&rs, THEMES, DIR);
    sl_error err = {0};
    sl_status s = SL_OK;
    for (size_t i = 0; s == SL_OK && i < 20000; i++) {
        built b;
        build(&b, i, 400);
        s = sli_rows_add(&rs, &b.row, &err);
    }
    assert_int_equal(s, SL_EIO);
    assert_non_null(strstr(err.text, "/nonexistent/storylens-test"));
    assert_non_null(strstr(err.text, "set TMPDIR"));
    sli_rows_free(&rs);
    if (saved)
        setenv("TMPDIR", saved, 1);
    else
        unsetenv("TMPDIR");
    free(saved);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(rows__few_rows_stay_in_memory_and_read_back),
        cmocka_unit_test(rows__many_rows_spill_and_read_back_in_order),
        cmocka_unit_test(rows__without_direction_rows_have_no_dir),
        cmocka_unit_test(rows__unwritable_tmpdir_is_an_io_error),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

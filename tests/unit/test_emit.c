/*
 * test_emit.c - unit tests for write/emit.c, the one JSON builder: invalid
 * UTF-8 in values and keys becomes U+FFFD instead of a failure, NUL bytes
 * in a text are dropped only when the text is not otherwise valid, and
 * under allocation failure every value handed to the builder is released
 * exactly once (a regression: the eval writer's builder once released
 * values jansson had already released; run under SANITIZE=1, a double
 * release here is an AddressSanitizer error).
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "write/emit.h"

/* The dump of v with sorted keys, compact; caller frees. */
static char *dump(const json_t *v)
{
    char *s = json_dumps(v, JSON_COMPACT | JSON_ENCODE_ANY | JSON_SORT_KEYS);
    assert_non_null(s);
    return s;
}

static void emit__invalid_utf8_value_becomes_replacement_character(void **state)
{
    (void)state;
    json_t *v = sli_json_text("S\xe9" "1"); /* a Latin-1 e-acute between S and 1 */
    assert_non_null(v);
    assert_string_equal(json_string_value(v), "S\xef\xbf\xbd" "1");
    json_decref(v);
    v = sli_json_text("caf\xc3\xa9"); /* valid UTF-8 is kept as it is */
    assert_string_equal(json_string_value(v), "caf\xc3\xa9");
    json_decref(v);
    /* a truncated sequence at the end and a lone continuation byte */
    v = sli_json_text("a\xc3");
    assert_string_equal(json_string_value(v), "a\xef\xbf\xbd");
    json_decref(v);
    v = sli_json_text("\x80z");
    assert_string_equal(json_string_value(v), "\xef\xbf\xbdz");
    json_decref(v);
}

static void emit__nul_bytes_kept_whether_or_not_text_is_repaired(void **state)
{
    (void)state;
    json_t *v = sli_json_textn("a\0b", 3); /* valid: jansson keeps the NUL */
    assert_int_equal(json_string_length(v), 3);
    json_decref(v);
    /* repaired: the NUL kept all the same (it was dropped, so a text read
     * differently once it also held a bad byte), 0xFF replaced */
    v = sli_json_textn("a\0b\xff", 4);
    assert_int_equal(json_string_length(v), 6);
    assert_memory_equal(json_string_value(v), "a\0b\xef\xbf\xbd", 6);
    json_decref(v);
}

static void emit__invalid_utf8_key_is_repaired_not_out_of_memory(void **state)
{
    (void)state;
    sl_jb b = {0};
    json_t *o = json_object();
    sli_jb_set(&b, o, "M\xfcller", sli_json_count(3)); /* a Latin-1 group value */
    sli_jb_set(&b, o, "plain", sli_json_count(1));
    assert_int_equal(b.oom, 0);
    char *s = dump(o);
    assert_string_equal(s, "{\"M\xef\xbf\xbdller\":3,\"plain\":1}");
    free(s);
    json_decref(o);
}

static void emit__null_value_or_container_counts_as_out_of_memory(void **state)
{
    (void)state;
    sl_jb b = {0};
    sli_jb_set(&b, NULL, "k", json_integer(1)); /* value released, not leaked */
    assert_int_equal(b.oom, 1);
    b.oom = 0;
    json_t *a = json_array();
    sli_jb_push(&b, a, NULL);
    assert_int_equal(b.oom, 1);
    assert_int_equal(json_array_size(a), 0);
    json_decref(a);
}

/* ---- allocation failure ---------------------------------------------- */

static int fail_at;   /* the allocation that fails (1-based); 0: none fails */
static int allocs;
static int live;      /* blocks handed out and not yet freed */

static void *counting_malloc(size_t n)
{
    if (fail_at && ++allocs == fail_at)
        return NULL;
    void *p = malloc(n);
    if (p)
        live++;
    return p;
}

static void counting_free(void *p)
{
    if (p)
        live--;
    free(p);
}

/* What the eval writer builds: nested objects and arrays of ids, some not
 * UTF-8. Returns the root (NULL when its own allocation failed). */
static json_t *build(sl_jb *b)
{
    json_t *root = json_object();
    json_t *ids = json_array();
    for (int i = 0; i < 6; i++)
        sli_jb_push(b, ids, sli_json_text(i % 2 ? "S\xe9" : "S1"));
    json_t *theme = json_object();
    sli_jb_set(b, theme, "tp", sli_json_count(8));
    sli_jb_set(b, theme, "false_positives", ids);
    sli_jb_set(b, theme, "f1", json_real(0.5));
    json_t *themes = json_object();
    sli_jb_set(b, themes, "isolation", theme);
    sli_jb_set(b, themes, "caf\xe9", json_object());
    sli_jb_set(b, root, "themes", themes);
    sli_jb_set(b, root, "storylens", sli_json_text("0.1.0"));
    return root;
}

static void emit__every_allocation_failure_releases_each_value_once(void **state)
{
    (void)state;
    json_set_alloc_funcs(counting_malloc, counting_free);
    fail_at = 0;
    allocs = 0;
    live = 0;
    sl_jb b = {0};
    json_t *root = build(&b);
    assert_int_equal(b.oom, 0);
    char *want = dump(root);
    json_decref(root);
    int total = 0;
    fail_at = 0;
    allocs = 0;
    /* count the allocations of a full build */
    fail_at = 1 << 30;
    root = build(&b);
    total = allocs;
    json_decref(root);
    assert_true(total > 20);
    for (int k = 1; k <= total; k++) {
        fail_at = k;
        allocs = 0;
        live = 0;
        sl_jb fb = {0};
        root = build(&fb);
        fail_at = 0;
        if (!fb.oom) { /* a failed check for valid UTF-8 was recovered from: all there */
            char *got = dump(root);
            assert_string_equal(got, want);
            counting_free(got); /* jansson's allocator made it */
        }
        json_decref(root);
        assert_int_equal(live, 0); /* nothing leaked; a double free would go below 0 */
    }
    counting_free(want);
    json_set_alloc_funcs(malloc, free);
}

/* What sli_json_write_shaped writes into a memory stream. */
static char *shaped(const json_t *v, size_t indent, size_t hold, int *rc)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    assert_non_null(f);
    *rc = sli_json_write_shaped(v, f, JSON_INDENT(2) | JSON_PRESERVE_ORDER, indent, hold);
    fclose(f);
    return buf;
}

/* Worked by hand from jansson's layout with JSON_INDENT(2):
 * {"a": [1, 2], "b": {"c": "x\ny"}} dumps as
 *   {\n  "a": [\n    1,\n    2\n  ],\n  "b": {\n    "c": "x\ny"\n  }\n}
 * (the newline inside the string is the escape \n, two bytes, so it gets
 * no indent). Shaped with indent 4: four spaces after every real newline,
 * none before the first line; hold 2 leaves out the final "\n}". */
static void emit__shaped_dump_indents_lines_and_holds_back_the_end(void **state)
{
    (void)state;
    json_t *v = json_pack("{s:[i,i],s:{s:s}}", "a", 1, 2, "b", "c", "x\ny");
    assert_non_null(v);
    int rc;
    char *got = shaped(v, 4, 0, &rc);
    assert_int_equal(rc, 0);
    assert_string_equal(got, "{\n      \"a\": [\n        1,\n        2\n      ],\n"
                             "      \"b\": {\n        \"c\": \"x\\ny\"\n      }\n    }");
    free(got);
    got = shaped(v, 0, 2, &rc);
    assert_int_equal(rc, 0);
    assert_string_equal(got, "{\n  \"a\": [\n    1,\n    2\n  ],\n  \"b\": {\n    \"c\": \"x\\ny\"\n  }");
    free(got);
    json_t *one = json_integer(7); /* "7": shorter than what is to be held */
    got = shaped(one, 0, 2, &rc);
    assert_int_equal(rc, -1);
    free(got);
    json_decref(one);
    json_decref(v);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(emit__invalid_utf8_value_becomes_replacement_character),
        cmocka_unit_test(emit__nul_bytes_kept_whether_or_not_text_is_repaired),
        cmocka_unit_test(emit__invalid_utf8_key_is_repaired_not_out_of_memory),
        cmocka_unit_test(emit__null_value_or_container_counts_as_out_of_memory),
        cmocka_unit_test(emit__every_allocation_failure_releases_each_value_once),
        cmocka_unit_test(emit__shaped_dump_indents_lines_and_holds_back_the_end),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

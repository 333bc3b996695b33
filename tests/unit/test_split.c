/*
 * test_split.c - unit tests for split.c: a JSONL file analysed in pieces,
 * one reader per thread.
 *
 * The pieces are made tiny (sli_split_set_piece_bytes) so a file of a few
 * tens of kilobytes is cut into dozens, with stories across every kind of
 * boundary. The reference is the ordinary path: the same file at -j 1
 * (which never splits). A clean file, or one whose only warning is
 * invalid UTF-8, must give the same bytes, messages and progress and be
 * split; a file with anything else the ordinary path reports (a skipped
 * record, a bad record, a byte order mark starting a later line) must give
 * exactly the ordinary output, messages and error, and not be split.
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
#include <unistd.h>

#include "pipeline/analysis.h"
#include "pipeline/split.h"

#define PIECE 2048

#if defined(__GNUC__)
#define SL_TEST_PRINTF(f, a) __attribute__((format(printf, f, a)))
#else
#define SL_TEST_PRINTF(f, a)
#endif

static const char *const LEX = "[iso]\nlonely\nisolat*\n\"on her own\"\n!\"not lonely\"\n"
                               "[iso.home]\nhousebound\n[care]\ncarer*\n\"day ~2 centre\"\n";

/* What a run gave: its output, messages, error and progress. */
typedef struct outcome {
    char *out;
    char msgs[4096];
    sl_status status;
    char error[SL_ERROR_TEXT];
    unsigned long long stories, bytes;
    size_t split;
} outcome;

static void on_message(void *user, sl_severity sev, const char *msg)
{
    outcome *o = user;
    size_t len = strlen(o->msgs);
    snprintf(o->msgs + len, sizeof o->msgs - len, "%d %s\n", (int)sev, msg);
}

static void on_progress(void *user, const sl_progress *p)
{
    outcome *o = user;
    assert_true(p->stories >= o->stories); /* never backwards */
    o->stories = p->stories;
    o->bytes = p->bytes;
}

static int as_stream; /* run_file hands the file over as an open stream */

/* Analyses the file at path with threads threads into o. */
static void run_file(const sl_lexicon *lex, const char *path, int threads, int skip_invalid,
                     outcome *o)
{
    memset(o, 0, sizeof *o);
    sl_options *opts = NULL;
    sl_error err = {0};
    assert_int_equal(sl_options_new(&opts), SL_OK);
    assert_int_equal(sl_options_set_threads(opts, threads), SL_OK);
    assert_int_equal(sl_options_add_by(opts, "site"), SL_OK);
    assert_int_equal(sl_options_set_cooccurrence(opts, "document,sentence,window:3", &err), SL_OK);
    assert_int_equal(sl_options_set_skip_invalid(opts, skip_invalid), SL_OK);
    /* the corpus has stories without an id, whose FILE:LINE a piece cannot
     * know: refusing duplicates, such a file is read the ordinary way */
    assert_int_equal(sl_options_set_allow_duplicate_ids(opts, 1), SL_OK);
    sl_options_set_message_handler(opts, on_message, o);
    sl_options_set_progress_handler(opts, on_progress, o);
    sl_analysis *an = NULL;
    assert_int_equal(sl_analysis_new(&an, lex, opts, &err), SL_OK);
    if (as_stream) { /* standard input redirected from the file */
        FILE *in = fopen(path, "rb");
        assert_non_null(in);
        o->status = sl_analysis_add_stream(an, in, "-", &err);
        fclose(in);
    } else {
        o->status = sl_analysis_add_path(an, path, &err);
    }
    if (o->status == SL_OK) {
        size_t len = 0;
        FILE *out = open_memstream(&o->out, &len);
        assert_non_null(out);
        o->status = sl_analysis_write(an, out, SL_FORMAT_JSON, &err);
        fclose(out);
    }
    if (o->status != SL_OK)
        snprintf(o->error, sizeof o->error, "%s", err.text);
    o->split = an->split_files;
    sl_analysis_free(an);
    sl_options_free(opts);
}

static void outcome_free(outcome *o)
{
    free(o->out);
    o->out = NULL;
}

/* The corpus so far, and the extra line once placed. */
typedef struct text_buf {
    char *p;
    size_t len, cap;
    const char *extra[2];
    size_t at[2]; /* the piece each extra line begins, ascending */
} text_buf;

/* Appends a formatted piece of a line; at a line start at or past the
 * boundary of piece t->at[i], first the extra line i, so that it begins
 * that piece (the first line start past a boundary is where a piece
 * starts). */
static void add(text_buf *t, int line_start, const char *fmt, ...) SL_TEST_PRINTF(3, 4);
static void add(text_buf *t, int line_start, const char *fmt, ...)
{
    for (int i = 0; i < 2; i++)
        if (line_start && t->extra[i] && (i == 0 || !t->extra[0]) &&
            t->len >= t->at[i] * PIECE) {
            t->len += (size_t)snprintf(t->p + t->len, t->cap - t->len, "%s\n", t->extra[i]);
            t->extra[i] = NULL;
        }
    va_list ap;
    va_start(ap, fmt);
    t->len += (size_t)vsnprintf(t->p + t->len, t->cap - t->len, fmt, ap);
    va_end(ap);
    assert_true(t->len < t->cap - 4096);
}

/* A corpus with stories across piece boundaries in every way: short and
 * empty ones, one longer than several pieces, lines without an id, blank
 * lines, CRLF ends, a byte order mark at the start and no newline at the
 * end. extra (or NULL) is put in as the first line of piece at, and
 * extra2 (or NULL) as that of piece at2 (at2 > at). */
static char *corpus2(const char *extra, size_t at, const char *extra2, size_t at2)
{
    static const char *const words[] = {"she", "felt", "lonely", "isolated", "on", "her",
                                        "own", "not", "housebound", "carer", "carers", "day",
                                        "the", "centre", "helped", "now"};
    static const char *const sites[] = {"north", "south", "", NULL};
    text_buf t = {malloc(1 << 20), 0, 1 << 20, {extra, extra2}, {at, at2}};
    assert_non_null(t.p);
    uint32_t seed = 7;
#define NEXT() (seed = seed * 1103515245u + 12345u, (seed >> 16) & 0x7fff)
    add(&t, 0, "\xEF\xBB\xBF");
    add(&t, 1, "%s", ""); /* piece 0's extra line comes first */
    for (int i = 0; i < 400; i++) {
        if (i % 37 == 5) { /* blank lines */
            add(&t, 1, "\n");
            add(&t, 1, "   \n");
        }
        const char *site = sites[NEXT() % 4];
        add(&t, 1, "{");
        if (i % 5)
            add(&t, 0, "\"id\":\"s%d\",", i);
        if (site)
            add(&t, 0, "\"site\":\"%s\",", site);
        add(&t, 0, "\"text\":\"");
        unsigned n = i == 150 ? 2000 : NEXT() % 30; /* story 150 spans several pieces */
        for (unsigned k = 0; k < n; k++) {
            unsigned r = NEXT();
            add(&t, 0, "%s%s%s", k ? " " : "", words[r % 16], r % 9 == 0 ? "." : "");
        }
        add(&t, 0, "\"}%s", i == 399 ? "" : i % 7 ? "\n" : "\r\n");
    }
#undef NEXT
    assert_null(t.extra[0]); /* both were placed */
    assert_null(t.extra[1]);
    return t.p;
}

static char *corpus(const char *extra, size_t at)
{
    return corpus2(extra, at, NULL, 0);
}

/* Writes text to corpus.jsonl in a new temporary directory. */
static char *write_temp(const char *text)
{
    char dir[] = "/tmp/sl_test_split_XXXXXX";
    assert_non_null(mkdtemp(dir));
    char *path = malloc(sizeof dir + 16);
    assert_non_null(path);
    snprintf(path, sizeof dir + 16, "%s/corpus.jsonl", dir);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    assert_int_equal(fwrite(text, 1, strlen(text), f), strlen(text));
    assert_int_equal(fclose(f), 0);
    return path;
}

static void remove_temp(char *path)
{
    assert_int_equal(unlink(path), 0);
    *strrchr(path, '/') = '\0';
    assert_int_equal(rmdir(path), 0);
    free(path);
}

/* Runs path at -j 1 and at 2 and 3 threads; every outcome must equal the
 * first. Returns whether the threaded runs split the file. */
static int same_as_one_thread(const sl_lexicon *lex, const char *path, int skip_invalid)
{
    outcome one, many;
    run_file(lex, path, 1, skip_invalid, &one);
    assert_int_equal(one.split, 0);
    int split = -1;
    for (int threads = 2; threads <= 3; threads++) {
        run_file(lex, path, threads, skip_invalid, &many);
        assert_int_equal(many.status, one.status);
        assert_string_equal(many.error, one.error);
        assert_string_equal(many.msgs, one.msgs);
        if (one.out && strcmp(one.out, many.out) != 0)
            fail_msg("-j %d output differs from -j 1", threads);
        assert_true(!one.out == !many.out);
        if (one.status == SL_OK) {
            assert_int_equal(many.stories, one.stories);
            assert_int_equal(many.bytes, one.bytes);
        }
        assert_true(split < 0 || split == (int)many.split);
        split = (int)many.split;
        outcome_free(&many);
    }
    outcome_free(&one);
    return split;
}

static void split__clean_file_gives_the_bytes_of_one_thread(void **state)
{
    (void)state;
    sli_split_set_piece_bytes(PIECE);
    sl_lexicon *lex = lex_from(LEX);
    char *text = corpus(NULL, 0);
    assert_true(strlen(text) > 26 * PIECE);
    char *path = write_temp(text);
    assert_int_equal(same_as_one_thread(lex, path, 0), 1);
    /* and the figures are the file's: 400 stories, none lost at a boundary */
    outcome o;
    run_file(lex, path, 2, 0, &o);
    assert_non_null(strstr(o.out, "\"documents\": 400"));
    assert_int_equal(o.stories, 400);
    outcome_free(&o);
    remove_temp(path);
    free(text);
    sl_lexicon_free(lex);
    sli_split_set_piece_bytes(0);
}

/* A stream that is a regular file at its start (`analyse - < file`) is
 * split as the named file is, with the same bytes as one thread; at -j 1
 * it is read the ordinary way. */
static void split__stream_of_a_regular_file_is_split_too(void **state)
{
    (void)state;
    sli_split_set_piece_bytes(PIECE);
    sl_lexicon *lex = lex_from(LEX);
    char *text = corpus(NULL, 0);
    char *path = write_temp(text);
    as_stream = 1;
    assert_int_equal(same_as_one_thread(lex, path, 0), 1);
    outcome o;
    run_file(lex, path, 2, 0, &o);
    assert_non_null(strstr(o.out, "\"documents\": 400"));
    outcome_free(&o);
    as_stream = 0;
    remove_temp(path);
    free(text);
    sl_lexicon_free(lex);
    sli_split_set_piece_bytes(0);
}

/* Each of these is reported by the ordinary path, with the file's line
 * numbers, so the file must be read that way whatever the thread count. */
static void split__anything_reported_reads_the_file_the_ordinary_way(void **state)
{
    (void)state;
    sli_split_set_piece_bytes(PIECE);
    sl_lexicon *lex = lex_from(LEX);
    static const struct {
        const char *line;
        int skip_invalid;
        size_t at;
    } cases[] = {
        {"{\"id\":\"m\",\"text\":", 1, 10},                           /* skipped with --skip-invalid */
        {"{\"id\":\"m\",\"text\":", 0, 10},                           /* a bad record: the error */
        {"\xEF\xBB\xBF{\"id\":\"b\",\"text\":\"lonely\"}", 0, 10},    /* a BOM not at the start */
        /* late in the file: the pieces before it were counted in progress,
         * which must not go back when the file is read again */
        {"{\"id\":\"m\",\"text\":", 1, 24},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char *text = corpus(cases[i].line, cases[i].at);
        char *path = write_temp(text);
        if (same_as_one_thread(lex, path, cases[i].skip_invalid) != 0)
            fail_msg("case %zu: the file was split", i);
        outcome o;
        run_file(lex, path, 2, cases[i].skip_invalid, &o);
        assert_true(o.msgs[0] || o.status != SL_OK); /* something was reported */
        outcome_free(&o);
        remove_temp(path);
        free(text);
    }
    sl_lexicon_free(lex);
    sli_split_set_piece_bytes(0);
}

/* Invalid UTF-8 is the one thing a split file reports itself: once per
 * file, for its first such story, with the file's line and, for a story
 * without an id, the id of that line. Wherever that story lies (in the
 * first piece or a later one, first in its piece or not, with a second
 * such story in a later piece), the warning and figures must be the
 * ordinary path's and the file still split. */
static void split__invalid_utf8_is_warned_of_as_the_ordinary_path_does(void **state)
{
    (void)state;
    sli_split_set_piece_bytes(PIECE);
    sl_lexicon *lex = lex_from(LEX);
    static const char bad[] = "{\"id\":\"u\",\"text\":\"lonely \xC3\x28 carer\"}";
    static const char bad_no_id[] = "{\"site\":\"north\",\"text\":\"carer \xFF lonely\"}";
    static const struct {
        const char *a;
        size_t at;
        const char *b;
        size_t at2;
    } cases[] = {
        {bad, 10, NULL, 0}, {bad, 24, NULL, 0},      {bad_no_id, 10, NULL, 0},
        {bad, 0, NULL, 0},  {bad_no_id, 5, bad, 20}, {bad, 5, bad_no_id, 20},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char *text = corpus2(cases[i].a, cases[i].at, cases[i].b, cases[i].at2);
        char *path = write_temp(text);
        if (same_as_one_thread(lex, path, 0) != 1)
            fail_msg("case %zu: the file was not split", i);
        outcome o;
        run_file(lex, path, 2, 0, &o);
        assert_non_null(strstr(o.msgs, "invalid UTF-8"));
        size_t lines = 0; /* of the warnings of invalid UTF-8: the corpus also
                           * has stories without --by site, warned of once */
        for (const char *c = o.msgs; (c = strstr(c, "invalid UTF-8 byte")); c++)
            lines++;
        assert_int_equal(lines, 1); /* once per file */
        if (cases[i].at == 0) /* the file's first line, after its BOM: worked by hand */
            assert_non_null(strstr(o.msgs, "corpus.jsonl:1: story u: 1 invalid UTF-8 byte;"));
        outcome_free(&o);
        remove_temp(path);
        free(text);
    }
    sl_lexicon_free(lex);
    sli_split_set_piece_bytes(0);
}

/* A file too small for four pieces is read the ordinary way. */
static void split__small_file_is_not_split(void **state)
{
    (void)state;
    sl_lexicon *lex = lex_from(LEX);
    char *text = corpus(NULL, 0);
    char *path = write_temp(text);
    assert_int_equal(same_as_one_thread(lex, path, 0), 0); /* default pieces: 1 MB, four at least */
    remove_temp(path);
    free(text);
    sl_lexicon_free(lex);
}

/* Each test starts with the default pieces, whatever one that failed left. */
static int default_pieces(void **state)
{
    (void)state;
    sli_split_set_piece_bytes(0);
    return 0;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup(split__clean_file_gives_the_bytes_of_one_thread, default_pieces),
        cmocka_unit_test_setup(split__stream_of_a_regular_file_is_split_too, default_pieces),
        cmocka_unit_test_setup(split__anything_reported_reads_the_file_the_ordinary_way,
                               default_pieces),
        cmocka_unit_test_setup(split__invalid_utf8_is_warned_of_as_the_ordinary_path_does,
                               default_pieces),
        cmocka_unit_test_setup(split__small_file_is_not_split, default_pieces),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

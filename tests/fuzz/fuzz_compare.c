/*
 * fuzz_compare.c - the JSON a user hands to compare and --calibration:
 * any bytes as analysis A against a fixed analysis B (storylens compare,
 * every format), and as a calibration for a fixed lexicon. Each either
 * succeeds or fails with a clean status and a message that names the file;
 * nothing crashes, and a compare that succeeds writes something.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fuzz.h"
#include "storylens/storylens.h"

static char dir[64], input[96], other[96], lexpath[96];
static sl_lexicon *lex;
static sl_options *opts;

static void cleanup(void)
{
    remove(input);
    remove(other);
    remove(lexpath);
    rmdir(dir);
    sl_lexicon_free(lex);
    sl_options_free(opts);
}

static int put(const char *path, const void *data, size_t size)
{
    FILE *f = fopen(path, "wb");
    if (!f)
        return -1;
    int bad = fwrite(data, 1, size, f) != size;
    return (fclose(f) != 0 || bad) ? -1 : 0;
}

/* B: an analysis of two themes with direction, as analyse writes it. */
static const char analysis_b[] =
    "{\"schema\": 1, \"storylens\": \"0.1.0\", \"settings\": {\"direction\": true},"
    " \"lexicons\": [{\"path\": \"t.lex\", \"sha256\": \"ab\"}],"
    " \"modifiers\": [{\"path\": \"m.lex\", \"sha256\": \"cd\"}],"
    " \"corpus\": {\"documents\": 10},"
    " \"themes\": {\"iso\": {\"documents\": 7, \"documents_by_direction\":"
    " {\"improved\": 5, \"worsened\": 1, \"mentioned\": 1}},"
    " \"care\": {\"documents\": 0, \"documents_by_direction\":"
    " {\"improved\": 0, \"worsened\": 0, \"mentioned\": 0}}}}\n";

static int setup(void)
{
    snprintf(dir, sizeof dir, "/tmp/sl-fuzz-cmpXXXXXX");
    if (!mkdtemp(dir))
        return -1;
    snprintf(input, sizeof input, "%s/a.json", dir);
    snprintf(other, sizeof other, "%s/b.json", dir);
    snprintf(lexpath, sizeof lexpath, "%s/t.lex", dir);
    atexit(cleanup);
    static const char lexicon[] = "[iso]\nlonely\n\n[care]\ncarer\n";
    if (put(other, analysis_b, sizeof analysis_b - 1) || put(lexpath, lexicon, sizeof lexicon - 1))
        return -1;
    const char *paths[] = {lexpath};
    sl_error err;
    if (sl_lexicon_load(&lex, paths, 1, "english", &err) != SL_OK || sl_options_new(&opts) != SL_OK)
        return -1;
    return 0;
}

static void expect_clean(sl_status s, const sl_error *err)
{
    if (s == SL_OK || s == SL_ENOMEM)
        return;
    if (s != SL_EDATA && s != SL_ENOINPUT && s != SL_EIO)
        abort();
    if (!strstr(err->text, input))
        abort(); /* every error names the file it is about */
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > SL_FUZZ_MAX_INPUT || (!dir[0] && setup() != 0) || put(input, data, size) != 0)
        return 0;
    for (int fmt = SL_FORMAT_JSON; fmt <= SL_FORMAT_TABLE; fmt++) {
        char *buf = NULL;
        size_t len = 0;
        FILE *out = open_memstream(&buf, &len);
        if (!out)
            return 0;
        sl_error err = {0};
        sl_status s = sl_compare_write(input, other, opts, fmt == SL_FORMAT_TSV, out,
                                       (sl_format)fmt, &err);
        fclose(out);
        if (s == SL_OK && len == 0)
            abort();
        free(buf);
        expect_clean(s, &err);
    }
    sl_calibration *cal = NULL;
    sl_error err = {0};
    sl_status s = sl_calibration_load(&cal, input, lex, size & 1, &err);
    expect_clean(s, &err);
    sl_calibration_free(cal);
    return 0;
}

/*
 * fuzz_merge.c - the JSON storylens merge reads as a part: any bytes as a
 * part for a fixed lexicon (and, when the part asks for direction, fixed
 * modifiers), through the public path merge takes: sl_part_settings, then
 * sl_analysis_add_part, then the JSON writer. Each step either succeeds
 * or fails with a clean status and a message naming the part; a part that
 * is added writes something. The seeds are real parts of that lexicon,
 * so mutations reach the invariant checks (merge_check.c) and the adders.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fuzz.h"
#include "storylens/storylens.h"

static char dir[64], input[96], lexpath[96], modpath[96];
static sl_lexicon *lex, *mods;

static void cleanup(void)
{
    remove(input);
    remove(lexpath);
    remove(modpath);
    rmdir(dir);
    sl_lexicon_free(lex);
    sl_lexicon_free(mods);
}

static int put(const char *path, const void *data, size_t size)
{
    FILE *f = fopen(path, "wb");
    if (!f)
        return -1;
    int bad = fwrite(data, 1, size, f) != size;
    return (fclose(f) != 0 || bad) ? -1 : 0;
}

/* The seeds were made with exactly these files (merge compares their
 * sha256): storylens analyse -l t.lex [--modifiers m.lex] ... */
static const char lexicon[] = "[a]\nlonely\nisolated\n\n[b]\nhappy\n";
static const char modifiers[] = "[increase]\nscope = forward\ndistance = 3\nmore\n\n"
                                "[decrease]\nscope = forward\ndistance = 3\nless\n";

static int setup(void)
{
    snprintf(dir, sizeof dir, "/tmp/sl-fuzz-mergeXXXXXX");
    if (!mkdtemp(dir))
        return -1;
    snprintf(input, sizeof input, "%s/part.json", dir);
    snprintf(lexpath, sizeof lexpath, "%s/t.lex", dir);
    snprintf(modpath, sizeof modpath, "%s/m.lex", dir);
    atexit(cleanup);
    if (put(lexpath, lexicon, sizeof lexicon - 1) || put(modpath, modifiers, sizeof modifiers - 1))
        return -1;
    const char *paths[] = {lexpath}, *mpaths[] = {modpath};
    sl_error err;
    if (sl_lexicon_load(&lex, paths, 1, "english", &err) != SL_OK ||
        sl_modifiers_load(&mods, mpaths, 1, "english", &err) != SL_OK)
        return -1;
    return 0;
}

static void expect_clean(sl_status s, const sl_error *err)
{
    if (s == SL_OK || s == SL_ENOMEM)
        return;
    if (s != SL_EDATA && s != SL_ENOINPUT)
        abort();
    if (!strstr(err->text, input))
        abort(); /* every error names the part it is about */
}

/* The part added to a run with its own settings, then written. */
static void merge(sl_options *opts)
{
    sl_analysis *an = NULL;
    sl_error err = {0};
    if (sl_analysis_new(&an, lex, opts, &err) != SL_OK)
        return;
    sl_status s = sl_analysis_add_part(an, input, &err);
    expect_clean(s, &err);
    if (s == SL_OK) {
        char *buf = NULL;
        size_t len = 0;
        FILE *out = open_memstream(&buf, &len);
        if (out) {
            s = sl_analysis_write(an, out, SL_FORMAT_JSON, &err);
            fclose(out);
            if (s == SL_OK && len == 0)
                abort();
            free(buf);
        }
    }
    sl_analysis_free(an);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > SL_FUZZ_MAX_INPUT || (!dir[0] && setup() != 0) || put(input, data, size) != 0)
        return 0;
    sl_options *opts = NULL;
    if (sl_options_new(&opts) != SL_OK)
        return 0;
    char language[64];
    sl_error err = {0};
    sl_status s = sl_part_settings(opts, language, sizeof language, input, &err);
    expect_clean(s, &err);
    int direction = 0;
    if (s == SL_OK) {
        s = sl_part_direction(&direction, input, &err);
        expect_clean(s, &err);
    }
    if (s == SL_OK && (!direction || sl_options_set_modifiers(opts, mods) == SL_OK))
        merge(opts);
    sl_options_free(opts);
    return 0;
}

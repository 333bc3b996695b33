/*
 * fuzz_split.c - a JSONL file read in pieces by two threads (split.c)
 * against the same file read by one thread the ordinary way: the same
 * status, error, messages and JSON, byte for byte, for any input. The
 * pieces are made 64 bytes, so an input of 256 bytes or more is split at
 * many line starts, across stories, blank lines and bad records alike.
 * The first byte turns --skip-invalid on or off.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "pipeline/analysis.h"
#include "pipeline/split.h"
#include "fuzz.h"
#include "storylens/storylens.h"

static const char lexicon_text[] =
    "[isolation]\nlonely\nisolat*\n=alone\n\"socially isolated\"\n!\"not lonely\"\n"
    "/\\bon (his|her|their) own\\b/i\n[outcome.confidence]\nconfiden*\n\"more ~3 confident\"\n"
    "[outcome.home]\n\"stay ~2 home\"\n";

/* The lexicon and the input's file, made once per process. */
static sl_lexicon *lex;
static char path[64];

static int set_up(void)
{
    static int done;
    if (done)
        return lex != NULL;
    done = 1;
    char dir[] = "/tmp/sl-fuzz-splitXXXXXX";
    if (!mkdtemp(dir))
        return 0;
    char lexpath[64];
    snprintf(lexpath, sizeof lexpath, "%s/fuzz.lex", dir);
    snprintf(path, sizeof path, "%s/corpus.jsonl", dir);
    FILE *f = fopen(lexpath, "w");
    if (!f || fwrite(lexicon_text, 1, sizeof lexicon_text - 1, f) != sizeof lexicon_text - 1)
        abort();
    fclose(f);
    const char *paths[] = {lexpath};
    sl_error err;
    if (sl_lexicon_load(&lex, paths, 1, "english", &err) != SL_OK)
        abort();
    unlink(lexpath);
    sli_split_set_piece_bytes(64);
    return 1;
}

typedef struct result {
    sl_status status;
    char error[SL_ERROR_TEXT];
    char *msgs, *out;
    size_t msgs_len, out_len;
    FILE *msg_stream;
    size_t split;
} result;

static void on_message(void *user, sl_severity sev, const char *msg)
{
    result *r = user;
    fprintf(r->msg_stream, "%d %s\n", (int)sev, msg);
}

static void run(int threads, int skip, result *r)
{
    memset(r, 0, sizeof *r);
    sl_options *opts;
    if (sl_options_new(&opts) != SL_OK)
        abort();
    r->msg_stream = open_memstream(&r->msgs, &r->msgs_len);
    if (!r->msg_stream)
        abort();
    sl_options_set_threads(opts, threads);
    sl_options_set_skip_invalid(opts, skip);
    sl_options_set_cooccurrence(opts, "document,paragraph,sentence,window:3", NULL);
    sl_options_add_by(opts, "site");
    sl_options_set_message_handler(opts, on_message, r);
    sl_analysis *an = NULL;
    sl_error err = {0};
    r->status = sl_analysis_new(&an, lex, opts, &err);
    if (r->status == SL_OK)
        r->status = sl_analysis_add_path(an, path, &err);
    if (r->status == SL_OK) {
        FILE *out = open_memstream(&r->out, &r->out_len);
        if (!out)
            abort();
        r->status = sl_analysis_write(an, out, SL_FORMAT_JSON, &err);
        fclose(out);
    }
    if (r->status != SL_OK)
        snprintf(r->error, sizeof r->error, "%s", err.text);
    r->split = an ? an->split_files : 0;
    sl_analysis_free(an);
    sl_options_free(opts);
    fclose(r->msg_stream);
}

static int same(const char *a, size_t na, const char *b, size_t nb)
{
    return na == nb && (na == 0 || memcmp(a, b, na) == 0);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1 || size > SL_FUZZ_MAX_INPUT / 4 || !set_up())
        return 0;
    FILE *f = fopen(path, "wb");
    if (!f)
        abort();
    if (size > 1 && fwrite(data + 1, 1, size - 1, f) != size - 1)
        abort();
    fclose(f);
    int skip = data[0] & 1;
    result one, two;
    run(1, skip, &one);
    run(2, skip, &two);
    if (one.split || one.status != two.status || strcmp(one.error, two.error) != 0 ||
        !same(one.msgs, one.msgs_len, two.msgs, two.msgs_len) ||
        !same(one.out, one.out_len, two.out, two.out_len))
        abort();
    free(one.msgs);
    free(one.out);
    free(two.msgs);
    free(two.out);
    return 0;
}

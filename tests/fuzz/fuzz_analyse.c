/*
 * fuzz_analyse.c - the whole analyse path: read, tokenise, stem, match
 * (words, wildcards, phrases with gaps, regexes, exclusions, nested
 * themes), aggregate and write JSON and TSV. The first byte picks the
 * input format and --skip-invalid, so one corpus reaches every reader.
 * The fuzz build lowers the PCRE2 limits (SL_REGEX_MATCH_LIMIT), so a
 * backtracking regex costs little per input.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fuzz.h"
#include "storylens/storylens.h"

static const char lexicon_text[] =
    "[isolation]\nlabel = Social isolation\nlonely\nisolat*\n=alone\n\"socially isolated\"\n"
    "/\\bon (his|her|their) own\\b/i\n!\"not lonely\"\n"
    "[outcome.confidence]\nconfiden*\n\"more ~3 confident\"\n/(a+)+$/\n"
    "[outcome.home]\n\"stay ~2 home\"\n/\\bhome\\b/x\n";

/* The lexicon is compiled once per process and then only read. */
static sl_lexicon *the_lexicon(void)
{
    static sl_lexicon *lex;
    static int tried;
    if (tried)
        return lex;
    tried = 1;
    char path[] = "/tmp/sl-fuzz-analyseXXXXXX";
    int fd = mkstemp(path);
    if (fd < 0)
        return NULL;
    if (write(fd, lexicon_text, sizeof lexicon_text - 1) == (ssize_t)(sizeof lexicon_text - 1)) {
        const char *paths[] = {path};
        sl_error err;
        if (sl_lexicon_load(&lex, paths, 1, "english", &err) != SL_OK)
            abort();
    }
    close(fd);
    unlink(path);
    return lex;
}

static void run(const sl_lexicon *lex, sl_input_format fmt, int skip, const uint8_t *data,
                size_t size, FILE *sink)
{
    sl_options *opts;
    if (sl_options_new(&opts) != SL_OK)
        return;
    sl_options_set_threads(opts, 1);
    sl_options_set_stdin_format(opts, fmt);
    sl_options_set_skip_invalid(opts, skip);
    sl_options_set_cooccurrence(opts, "document,paragraph,sentence,window:3", NULL);
    sl_options_add_by(opts, "site");
    sl_options_set_per_document(opts, 1);
    /* the writers must see every input: repeated ids and no stories too */
    sl_options_set_allow_duplicate_ids(opts, 1);
    sl_options_set_allow_empty(opts, 1);
    sl_analysis *an = NULL;
    sl_error err;
    FILE *in = fmemopen((void *)data, size, "rb");
    if (in && sl_analysis_new(&an, lex, opts, &err) == SL_OK) {
        sl_status s = sl_analysis_add_stream(an, in, "fuzz", &err);
        if (s == SL_OK) {
            rewind(sink);
            /* the last batch is analysed when writing: a regex may fail then */
            s = sl_analysis_write(an, sink, SL_FORMAT_JSON, &err);
            if (s != SL_OK && s != SL_EDATA && s != SL_ENOMEM)
                abort();
            if (s == SL_EDATA && strstr(err.text, "regex failed on story") == NULL &&
                strstr(err.text, "--by site: no story has") == NULL)
                abort();
        } else if (s != SL_EDATA && s != SL_ENOMEM) {
            abort();
        }
    }
    sl_analysis_free(an);
    if (in)
        fclose(in);
    sl_options_free(opts);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static FILE *sink;
    const sl_lexicon *lex = the_lexicon();
    if (!lex || size < 2 || size > 64 * 1024)
        return 0;
    if (!sink && !(sink = fopen("/dev/null", "w")))
        return 0;
    static const sl_input_format fmts[] = {SL_INPUT_JSONL, SL_INPUT_CSV, SL_INPUT_TSV,
                                           SL_INPUT_TXT};
    run(lex, fmts[data[0] & 3], (data[0] >> 2) & 1, data + 1, size - 1, sink);
    return 0;
}

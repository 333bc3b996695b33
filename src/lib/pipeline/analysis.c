/*
 * analysis.c - the pipeline driver behind the public sl_analysis_*: it
 * walks the inputs, sends each file through the batch loop (batch.c) or,
 * for a large JSONL file, in pieces (split.c), and hands over a result.
 *
 * It never calls a writer: api.c joins the result to the writers. The
 * workers are made when the first input arrives, so a run that only adds
 * parts (storylens merge) starts no stemmer, matcher or PCRE2 context.
 */
#include <omp.h>
#include <stdlib.h>
#include <string.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "core/error.h"
#include "pipeline/analysis.h"
#include "pipeline/split.h"

sl_status sl_analysis_new(sl_analysis **out, const sl_lexicon *lex, const sl_options *opts,
                          sl_error *err)
{
    *out = NULL;
    sl_analysis *an = calloc(1, sizeof *an);
    if (!an)
        return sli_fail_nomem(err);
    an->nthreads = opts->threads > 0 ? opts->threads : omp_get_num_procs();
    if (an->nthreads < 1)
        an->nthreads = 1;
    sl_status s = sli_result_init(&an->res, lex, opts, err);
    if (s == SL_OK)
        s = sli_batcher_init(&an->run, &an->res, NULL, an->nthreads, 0, err);
    if (s != SL_OK) {
        sl_analysis_free(an);
        return s;
    }
    *out = an;
    return SL_OK;
}

void sl_analysis_free(sl_analysis *an)
{
    if (!an)
        return;
    sli_batcher_clear(&an->run);
    sli_workers_free(an->workers, an->nthreads);
    sli_result_clear(&an->res);
    free(an);
}

/* glibc raises its mmap threshold to the size of each mapped block freed
 * (up to 32 MB), so after a huge record's read buffer is freed the story's
 * growing arrays (tokens, folded forms, hits) come from the heap instead,
 * where each outgrown copy stays resident: a 10 MB record of dense text
 * peaked at 94 MB of RSS, and at 75 MB with the threshold fixed (issue
 * 18). Setting it fixes it: a large block stays mapped, grows by moving
 * its pages and is given back when freed. The default value, so small
 * blocks are placed as before. */
static void keep_large_blocks_mapped(void)
{
#ifdef __GLIBC__
    mallopt(M_MMAP_THRESHOLD, 128 * 1024);
#endif
}

/* The workers, on the first input. */
static sl_status start(sl_analysis *an, sl_error *err)
{
    if (an->failed)
        return sli_fail(err, SL_EUSAGE, "this analysis has already failed");
    if (an->workers)
        return SL_OK;
    keep_large_blocks_mapped();
    /* checked here, not in sl_analysis_new: merge reads no story */
    if (an->res.lex->has_conditions && !an->res.opts->modifiers)
        return sli_fail(err, SL_EUSAGE,
                        "the lexicons have avoided(), negated() or ended() entries, which count "
                        "only as the modifier lexicons judge them; load the modifier lexicons "
                        "(with --no-direction they judge these entries only)");
    sl_worker *w;
    sl_status s = sli_workers_new(&w, an->nthreads, an->res.lex, an->res.opts, &an->res.shape,
                                  err);
    if (s != SL_OK) {
        sli_workers_free(w, an->nthreads);
        return s;
    }
    an->workers = an->run.workers = w;
    return SL_OK;
}

void sli_analysis_fail(sl_analysis *an, sl_status s)
{
    if (s != SL_OK)
        an->failed = s;
}

static sl_status finish_input(sl_analysis *an, sl_status s)
{
    sli_analysis_fail(an, s);
    return s;
}

static sl_read_opts read_opts(const sl_analysis *an)
{
    const sl_options *o = an->res.opts;
    return (sl_read_opts){o->text_field, o->id_field, o->sheet, o->split_heading, o->delimiter,
                          o->encoding, o->stdin_format == SL_INPUT_TXT, o->on_message,
                          o->message_user};
}

/* One file of a walk: in pieces when it is large enough, else read. */
static sl_status add_file(sl_analysis *an, const sl_walk_entry *f, const sl_read_opts *ro,
                          sl_error *err)
{
    int done = 0;
    sl_status s = SL_OK;
    if (sli_split_wanted(&an->run, f->path)) {
        s = sli_split_file(&an->run, f->path, &done, err);
        an->split_files += done;
        if (s != SL_OK || done)
            return s;
    }
    sl_reader *rd;
    sl_error why = {0};
    s = sli_reader_open_entry(&rd, f, ro, &why);
    if (s != SL_OK && err)
        *err = why;
    if (s == SL_OK && !rd) /* a binary file in a directory: listed, not read */
        return sli_batcher_skip_file(&an->run, f->path, why.text + strlen(f->path) + 2, err);
    if (s == SL_OK) {
        s = sli_batcher_read(&an->run, rd, err);
        const sl_options *o = an->res.opts;
        if (s == SL_OK && sli_reader_note(rd) && o->on_message) /* a sheet's empty rows */
            o->on_message(o->message_user, SL_SEVERITY_WARNING, sli_reader_note(rd));
        sli_reader_free(rd);
    }
    return s;
}

static int by_input(const sl_analysis *an)
{
    for (size_t g = 0; g < an->res.opts->nby; g++)
        if (an->res.groups[g].by_input)
            return 1;
    return 0;
}

/* With --by @file a story's group is the input being read when it is
 * summed, so an input's stories are all summed before the next begins:
 * one flush per INPUT named, which costs the overlap of one batch. */
static sl_status begin_input(sl_analysis *an, const char *name, sl_error *err)
{
    if (!by_input(an))
        return SL_OK;
    an->res.input = sli_report_file(&an->res.report, name);
    return an->res.input ? SL_OK : sli_fail_nomem(err);
}

static sl_status end_input(sl_analysis *an, sl_status s, sl_error *err)
{
    if (s == SL_OK && by_input(an))
        s = sli_batcher_flush(&an->run, err);
    return finish_input(an, s);
}

sl_status sl_analysis_add_path(sl_analysis *an, const char *path, sl_error *err)
{
    sl_status s = start(an, err);
    if (s != SL_OK)
        return s;
    if ((s = begin_input(an, path, err)) != SL_OK)
        return finish_input(an, s);
    sl_walk_entry *files;
    size_t n;
    s = sli_walk(path, &files, &n, err);
    if (s != SL_OK)
        return finish_input(an, s);
    sl_read_opts ro = read_opts(an);
    for (size_t i = 0; s == SL_OK && i < n; i++)
        s = add_file(an, &files[i], &ro, err);
    sli_walk_free(files, n);
    return end_input(an, s, err);
}

sl_status sl_analysis_add_stream(sl_analysis *an, FILE *in, const char *name, sl_error *err)
{
    sl_status s = start(an, err);
    if (s != SL_OK)
        return s;
    if ((s = begin_input(an, name ? name : "-", err)) != SL_OK)
        return finish_input(an, s);
    int done = 0;
    if (sli_split_stream_wanted(&an->run, in)) {
        s = sli_split_stream(&an->run, in, name ? name : "-", &done, err);
        an->split_files += done;
        if (s != SL_OK || done)
            return end_input(an, s, err);
    }
    sl_read_opts ro = read_opts(an);
    sl_reader *rd;
    s = sli_reader_open_stream(&rd, in, name, an->res.opts->stdin_format, &ro, err);
    if (s == SL_OK) {
        s = sli_batcher_read(&an->run, rd, err);
        sli_reader_free(rd);
    }
    return end_input(an, s, err);
}

sl_status sl_analysis_flush(sl_analysis *an, sl_error *err)
{
    if (an->failed)
        return sli_fail(err, SL_EUSAGE, "this analysis has already failed");
    return finish_input(an, sli_batcher_flush(&an->run, err));
}

sl_status sl_analysis_finish(sl_analysis *an, sl_error *err)
{
    sl_result *res;
    return sli_analysis_result(an, &res, err);
}

sl_status sli_analysis_result(sl_analysis *an, sl_result **res, sl_error *err)
{
    *res = NULL;
    if (an->failed)
        return sli_fail(err, SL_EUSAGE, "this analysis has failed; there is nothing to write");
    sl_status s = finish_input(an, sli_batcher_flush(&an->run, err));
    if (s == SL_OK && an->workers) /* stories were read: not a merge */
        s = finish_input(an, sli_seen_check(&an->res.seen, an->res.opts,
                                            an->res.total.documents, err));
    if (s == SL_OK)
        *res = &an->res;
    return s;
}

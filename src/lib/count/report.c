/*
 * report.c - the skipped records and files, regex failures and warnings of
 * a run; see report.h.
 *
 * Messages are complete "FILE:LINE: ..." sentences handed to the message
 * handler; the CLI prints them as warnings. Lists grow by doubling: a
 * corpus with many bad records is a corpus someone must look at, but it
 * must still not cost quadratic time.
 */
#include "count/report.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/error.h"
#include "core/vec.h"

void sli_report_free(sl_report *rp)
{
    if (!rp)
        return;
    for (size_t i = 0; i < rp->nskips; i++) {
        free(rp->skips[i].file);
        free(rp->skips[i].reason);
    }
    for (size_t i = 0; i < rp->nrfail; i++) {
        free(rp->rfail[i].story);
        free(rp->rfail[i].entry);
        free(rp->rfail[i].reason);
    }
    for (size_t i = 0; i < rp->nfiles; i++)
        free(rp->files[i]);
    free(rp->skips);
    free(rp->rfail);
    free(rp->files);
    memset(rp, 0, sizeof *rp);
}

const char *sli_report_file(sl_report *rp, const char *name)
{
    if (!name)
        name = "-";
    /* Sources are read one after another: only a new name needs a copy. */
    if (rp->nfiles && strcmp(rp->files[rp->nfiles - 1], name) == 0)
        return rp->files[rp->nfiles - 1];
    if (SL_GROW(rp->files, rp->files_cap, rp->nfiles + 1) != 0)
        return NULL;
    char *copy = strdup(name);
    if (!copy)
        return NULL;
    rp->files[rp->nfiles++] = copy;
    return copy;
}

void sli_warn(const sl_options *opts, const char *fmt, ...)
{
    if (!opts->on_message)
        return;
    char msg[SL_ERROR_TEXT + 256];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    opts->on_message(opts->message_user, SL_SEVERITY_WARNING, msg);
}

sl_status sli_report_skip(sl_report *rp, const sl_options *opts, const char *file,
                         unsigned long line, const char *reason, sl_error *err)
{
    if (SL_GROW(rp->skips, rp->skips_cap, rp->nskips + 1) != 0)
        return sli_fail_nomem(err);
    sl_skip *s = &rp->skips[rp->nskips];
    s->file = strdup(file);
    s->reason = strdup(reason);
    s->line = line;
    if (!s->file || !s->reason) {
        free(s->file);
        free(s->reason);
        return sli_fail_nomem(err);
    }
    rp->nskips++;
    if (line)
        sli_warn(opts, "%s:%lu: %s; record skipped (--skip-invalid)", file, line, reason);
    else
        sli_warn(opts, "%s: %s; file skipped", file, reason);
    return SL_OK;
}

void sli_report_invalid_utf8(sl_report *rp, const sl_options *opts, const char *file,
                            unsigned long line, const char *story, uint64_t n, int cp1252)
{
    if (!n || (rp->utf8_warned && file && strcmp(rp->utf8_warned, file) == 0))
        return;
    rp->utf8_warned = file;
    sli_warn(opts,
         "%s:%lu: story %s: %llu invalid UTF-8 byte%s; bad bytes break words and are counted "
         "in .corpus.invalid_utf8_bytes (only the first such story of a file is reported); "
         "%s",
         file ? file : "-", line, story ? story : "?", (unsigned long long)n, n == 1 ? "" : "s",
         cp1252 ? "it looks like Windows-1252; give --encoding windows-1252 (or save the file "
                  "as UTF-8)"
                : "save the file as UTF-8");
}

sl_status sli_report_regex(sl_report *rp, const sl_options *opts, const char *story,
                          const char *entry, const char *reason, sl_error *err)
{
    if (SL_GROW(rp->rfail, rp->rfail_cap, rp->nrfail + 1) != 0)
        return sli_fail_nomem(err);
    sl_regex_failure *f = &rp->rfail[rp->nrfail];
    f->story = strdup(story);
    f->entry = strdup(entry);
    f->reason = strdup(reason);
    if (!f->story || !f->entry || !f->reason) {
        free(f->story);
        free(f->entry);
        free(f->reason);
        return sli_fail_nomem(err);
    }
    rp->nrfail++;
    sli_warn(opts, "%s: regex failed on story \"%s\": %s; the entry is not counted in that story "
               "(--skip-invalid)", entry, story, reason);
    return SL_OK;
}

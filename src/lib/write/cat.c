/*
 * cat.c - "storylens cat": the corpus exactly as storylens reads it.
 *
 * Reads one INPUT and writes each story as one JSON object a line, so a
 * user can see what a spreadsheet export turned into (ids, metadata, text
 * after quoting and front matter) and convert any supported format to
 * JSONL. Shares the readers with the analysis and the JSON writer's story
 * encoder, so what it shows is what the analysis reads. As TSV or CSV it
 * writes a tidy long table (id, field, value), which holds stories whose
 * fields differ (JSONL) as well as a spreadsheet's.
 */
#include <stdlib.h>
#include <string.h>

#include "core/error.h"
#include "core/options.h"
#include "read/read.h"
#include "write/emit.h"

static void table_row(FILE *out, char sep, const char *id, const char *field, const char *value)
{
    sl_table_field(out, sep, id);
    fputc(sep, out);
    sl_table_field(out, sep, field);
    fputc(sep, out);
    sl_table_field(out, sep, value);
    fputc('\n', out);
}

/* The story's rows; its text may hold NUL bytes (it has a length), which
 * end the text in the table as they would in any C-string reader. */
static sl_status cat_table(const sl_doc *d, FILE *out, char sep, sl_error *err)
{
    char *text = strndup(d->text ? d->text : "", d->text_len);
    if (!text)
        return sli_fail_nomem(err);
    table_row(out, sep, d->id, "text", text);
    free(text);
    for (size_t k = 0; k < d->nmeta; k++)
        table_row(out, sep, d->id, d->meta[k].key, d->meta[k].value);
    return ferror(out) ? sli_fail(err, SL_EIO, "cannot write the output") : SL_OK;
}

/* --skip-invalid: a malformed record is reported and left out. */
static int skipped(const sl_options *opts, sl_reader *rd, sl_status s)
{
    unsigned long line;
    const char *reason;
    if (s != SL_EDATA || !sli_reader_skippable(rd, &line, &reason))
        return 0;
    if (opts->on_message) {
        char msg[SL_ERROR_TEXT + 512];
        if (line)
            snprintf(msg, sizeof msg, "%s:%lu: %s; record skipped (--skip-invalid)",
                     sli_reader_name(rd), line, reason);
        else /* a damaged office file: the whole file */
            snprintf(msg, sizeof msg, "%s: %s; file skipped", sli_reader_name(rd), reason);
        opts->on_message(opts->message_user, SL_SEVERITY_WARNING, msg);
    }
    return 1;
}

static sl_status cat_reader(const sl_options *opts, sl_reader *rd, FILE *out, sl_format fmt,
                            sl_error *err)
{
    sli_reader_set_skip_invalid(rd, opts->skip_invalid);
    for (;;) {
        sl_doc d = {0};
        int got = 0;
        sl_status s = sli_reader_next(rd, &d, &got, err);
        if (skipped(opts, rd, s))
            continue;
        if (s != SL_OK || !got) {
            sli_doc_clear(&d);
            return s;
        }
        if (fmt != SL_FORMAT_JSON) {
            s = cat_table(&d, out, fmt == SL_FORMAT_TSV ? '\t' : ',', err);
            sli_doc_clear(&d);
            if (s != SL_OK)
                return s;
            continue;
        }
        json_t *o = sli_json_story(d.id, d.text, d.text_len, d.meta, d.nmeta);
        sli_doc_clear(&d);
        if (!o)
            return sli_fail_nomem(err);
        int rc = json_dumpf(o, out, JSON_COMPACT | JSON_PRESERVE_ORDER);
        json_decref(o);
        if (rc != 0 || fputc('\n', out) == EOF)
            return sli_fail(err, SL_EIO, "cannot write the output");
    }
}

sl_status sl_cat(const sl_options *opts, const char *path, FILE *in, FILE *out, sl_error *err)
{
    return sl_cat_format(opts, path, in, out, SL_FORMAT_JSON, 0, err);
}

sl_status sl_cat_format(const sl_options *opts, const char *path, FILE *in, FILE *out,
                        sl_format fmt, int header, sl_error *err)
{
    if (fmt != SL_FORMAT_JSON && fmt != SL_FORMAT_TSV && fmt != SL_FORMAT_CSV)
        return sli_fail(err, SL_EUSAGE, "cat writes json (JSON lines), tsv or csv");
    /* The header waits until the input opened: a run that fails on a
     * missing file writes nothing to standard output. */
    char sep = fmt == SL_FORMAT_TSV ? '\t' : ',';
    header = header && fmt != SL_FORMAT_JSON;
    int bom = header && opts->bom;
    sl_read_opts ro = {opts->text_field, opts->id_field, opts->sheet, opts->split_heading,
                       opts->delimiter, opts->encoding, opts->stdin_format == SL_INPUT_TXT,
                       opts->on_message, opts->message_user};
    sl_reader *rd;
    sl_status s;
    if (!path) {
        s = sli_reader_open_stream(&rd, in, "-", opts->stdin_format, &ro, err);
        if (s == SL_OK && header)
            fprintf(out, "%sid%cfield%cvalue\n", bom ? "\xEF\xBB\xBF" : "", sep, sep);
        if (s == SL_OK) {
            s = cat_reader(opts, rd, out, fmt, err);
            sli_reader_free(rd);
        }
        return s;
    }
    sl_walk_entry *files;
    size_t n;
    s = sli_walk(path, &files, &n, err);
    if (s == SL_OK && header)
        fprintf(out, "%sid%cfield%cvalue\n", bom ? "\xEF\xBB\xBF" : "", sep, sep);
    for (size_t i = 0; s == SL_OK && i < n; i++) {
        s = sli_reader_open_entry(&rd, &files[i], &ro, err);
        if (s == SL_OK && !rd) { /* a binary file met in a directory */
            if (opts->on_message)
                opts->on_message(opts->message_user, SL_SEVERITY_WARNING, err ? err->text : "");
        } else if (s == SL_OK) {
            s = cat_reader(opts, rd, out, fmt, err);
            if (s == SL_OK && sli_reader_note(rd) && opts->on_message) /* a sheet's empty rows */
                opts->on_message(opts->message_user, SL_SEVERITY_WARNING, sli_reader_note(rd));
            sli_reader_free(rd);
        }
    }
    sli_walk_free(files, n);
    return s;
}

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
 *
 * For "storylens shard" it writes shard records instead: JSON lines that
 * the JSONL reader gives back as the very stories read (shard_record), so
 * analyses of the shards add up to the single run's figures.
 */
#include <stdlib.h>
#include <string.h>

#include "core/error.h"
#include "core/options.h"
#include "core/vec.h"
#include "count/seen.h"
#include "read/read.h"
#include "read/record.h"
#include "write/emit.h"

/* Where the stories go: cat's JSON lines or table rows, or shard records
 * (shard non-NULL), whose ids are checked across every INPUT as the
 * analysis checks them. */
typedef struct cat_shard {
    sl_seen seen;
    char **names;        /* each file's name, kept for seen's messages */
    size_t nnames, cap;
    uint64_t stories;
} cat_shard;

typedef struct cat_sink {
    sl_format fmt;
    cat_shard *shard;
} cat_sink;

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

static sl_status cat_story(const sl_options *opts, sl_doc *d, FILE *out, const cat_sink *k,
                           sl_error *err);

static sl_status cat_reader(const sl_options *opts, sl_reader *rd, FILE *out, const cat_sink *k,
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
        s = cat_story(opts, &d, out, k, err);
        sli_doc_clear(&d);
        if (s != SL_OK)
            return s;
    }
}

/* cat's JSON line: {"id", "text", metadata}, through jansson (so bytes
 * that are not UTF-8 are shown as U+FFFD). */
static sl_status cat_json(const sl_doc *d, FILE *out, sl_error *err)
{
    json_t *o = sli_json_story(d->id, d->text, d->text_len, d->meta, d->nmeta);
    if (!o)
        return sli_fail_nomem(err);
    int rc = json_dumpf(o, out, JSON_COMPACT | JSON_PRESERVE_ORDER);
    json_decref(o);
    if (rc != 0 || fputc('\n', out) == EOF)
        return sli_fail(err, SL_EIO, "cannot write the output");
    return SL_OK;
}

/* s[0..n) as a JSON string. Written here, not by jansson, because jansson
 * refuses bytes that are not UTF-8, and a shard's text must keep them:
 * the JSONL reader then counts them, as the single run's reader (CSV,
 * text, office) counted them in the text. keep_bad 0 writes each as
 * U+FFFD, as every writer shows an id or a metadata value. */
static void put_string(FILE *out, const char *s, size_t n, int keep_bad)
{
    const unsigned char *p = (const unsigned char *)s;
    fputc('"', out);
    size_t run = 0; /* p[run..i) needs no escape: written in one go */
    for (size_t i = 0; i < n;) {
        unsigned c = p[i];
        size_t len = c < 0x80 ? 1 : sl_rd_utf8_seq(p + i, n - i);
        int plain = c >= 0x20 && c != '"' && c != '\\' && (len || keep_bad);
        if (plain) {
            i += len ? len : 1;
            continue;
        }
        fwrite(p + run, 1, i - run, out);
        if (c == '"' || c == '\\')
            fprintf(out, "\\%c", c);
        else if (c == '\n' || c == '\r' || c == '\t')
            fprintf(out, "\\%c", c == '\n' ? 'n' : c == '\r' ? 'r' : 't');
        else if (c < 0x20)
            fprintf(out, "\\u%04x", c);
        else /* a byte that is not UTF-8, in an id or a metadata value */
            fputs("\xEF\xBF\xBD", out);
        i += len ? len : 1;
        run = i;
    }
    fwrite(p + run, 1, n - run, out);
    fputc('"', out);
}

/* Keeps d's file name for the run (the reader's goes with it) and points
 * d at the copy, so an id repeated in a later INPUT names both places. */
static sl_status shard_name(cat_shard *sh, sl_doc *d, sl_error *err)
{
    const char *src = d->source ? d->source : "-";
    if (!sh->nnames || strcmp(sh->names[sh->nnames - 1], src) != 0) {
        char *copy = strdup(src);
        if (!copy || SL_GROW(sh->names, sh->cap, sh->nnames + 1) != 0) {
            free(copy);
            return sli_fail_nomem(err);
        }
        sh->names[sh->nnames++] = copy;
    }
    d->source = sh->names[sh->nnames - 1];
    return SL_OK;
}

/* One shard record: the id under the id field's name and the text under
 * the text field's, then the metadata in order, so that analysing the
 * shard with the same --id-field and --text-field reads this very story:
 * an id "FILE:LINE" stays the line of the original file. */
static sl_status shard_record(const sl_options *opts, cat_shard *sh, sl_doc *d, FILE *out,
                              sl_error *err)
{
    for (size_t k = 0; k < d->nmeta; k++)
        if (strcmp(d->meta[k].key, opts->id_field) == 0 ||
            strcmp(d->meta[k].key, opts->text_field) == 0)
            return sli_fail(err, SL_EDATA, "%s:%lu: story %s: its field \"%s\" has the name "
                            "of the %s field, so a shard cannot hold both; rename it",
                            d->source ? d->source : "-", d->line, d->id, d->meta[k].key,
                            strcmp(d->meta[k].key, opts->id_field) == 0 ? "id" : "text");
    sl_status s = shard_name(sh, d, err);
    if (s == SL_OK)
        s = sli_seen_story(&sh->seen, d, err);
    if (s != SL_OK)
        return s;
    fputc('{', out);
    put_string(out, opts->id_field, strlen(opts->id_field), 0);
    fputc(':', out);
    put_string(out, d->id, strlen(d->id), 0);
    fputc(',', out);
    put_string(out, opts->text_field, strlen(opts->text_field), 0);
    fputc(':', out);
    put_string(out, d->text ? d->text : "", d->text_len, 1);
    for (size_t k = 0; k < d->nmeta; k++) {
        fputc(',', out);
        put_string(out, d->meta[k].key, strlen(d->meta[k].key), 0);
        fputc(':', out);
        put_string(out, d->meta[k].value, strlen(d->meta[k].value), 0);
    }
    /* Bytes the JSONL reader already turned into U+FFFD (anywhere in its
     * line) were counted there, not in the text: as many bad bytes, in an
     * array, which is no metadata, make the shard's reader count them too */
    if (d->invalid_utf8) {
        fputs(",\"@invalid_utf8\":[\"", out);
        for (size_t i = 0; i < d->invalid_utf8; i++)
            fputc(0xFF, out);
        fputs("\"]", out);
    }
    sh->stories++;
    if (fputs("}\n", out) == EOF || ferror(out))
        return sli_fail(err, SL_EIO, "cannot write the output");
    return SL_OK;
}

static sl_status cat_story(const sl_options *opts, sl_doc *d, FILE *out, const cat_sink *k,
                           sl_error *err)
{
    if (k->shard)
        return shard_record(opts, k->shard, d, out, err);
    if (k->fmt != SL_FORMAT_JSON)
        return cat_table(d, out, k->fmt == SL_FORMAT_TSV ? '\t' : ',', err);
    return cat_json(d, out, err);
}

/* One INPUT (path, or the stream in) into k. header, when not NULL, is
 * written once the input has opened: a run that fails on a missing file
 * writes nothing to standard output. */
static sl_status cat_input(const sl_options *opts, const char *path, FILE *in, FILE *out,
                           const cat_sink *k, const char *header, sl_error *err)
{
    sl_read_opts ro = {opts->text_field, opts->id_field, opts->sheet, opts->split_heading,
                       opts->delimiter, opts->encoding, opts->stdin_format == SL_INPUT_TXT,
                       opts->on_message, opts->message_user};
    sl_reader *rd;
    sl_status s;
    if (!path) {
        s = sli_reader_open_stream(&rd, in, "-", opts->stdin_format, &ro, err);
        if (s == SL_OK && header)
            fputs(header, out);
        if (s == SL_OK) {
            s = cat_reader(opts, rd, out, k, err);
            sli_reader_free(rd);
        }
        return s;
    }
    sl_walk_entry *files;
    size_t n;
    s = sli_walk(path, &files, &n, err);
    if (s == SL_OK && header)
        fputs(header, out);
    for (size_t i = 0; s == SL_OK && i < n; i++) {
        s = sli_reader_open_entry(&rd, &files[i], &ro, err);
        if (s == SL_OK && !rd) { /* a binary file met in a directory */
            if (opts->on_message)
                opts->on_message(opts->message_user, SL_SEVERITY_WARNING, err ? err->text : "");
        } else if (s == SL_OK) {
            s = cat_reader(opts, rd, out, k, err);
            if (s == SL_OK && sli_reader_note(rd) && opts->on_message) /* a sheet's empty rows */
                opts->on_message(opts->message_user, SL_SEVERITY_WARNING, sli_reader_note(rd));
            sli_reader_free(rd);
        }
    }
    sli_walk_free(files, n);
    return s;
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
    char sep = fmt == SL_FORMAT_TSV ? '\t' : ',';
    char head[32];
    snprintf(head, sizeof head, "%sid%cfield%cvalue\n", opts->bom ? "\xEF\xBB\xBF" : "", sep,
             sep);
    cat_sink k = {fmt, NULL};
    return cat_input(opts, path, in, out, &k, header && fmt != SL_FORMAT_JSON ? head : NULL,
                     err);
}

sl_status sl_shard_records(const sl_options *opts, const char *const *inputs, size_t n,
                           FILE *in, FILE *out, unsigned long long *stories, sl_error *err)
{
    cat_shard sh = {0};
    cat_sink k = {SL_FORMAT_JSON, &sh};
    sl_status s = sli_seen_init(&sh.seen, opts, err);
    for (size_t i = 0; s == SL_OK && i < (n ? n : 1); i++) {
        const char *path = n && strcmp(inputs[i], "-") != 0 ? inputs[i] : NULL;
        s = cat_input(opts, path, path ? NULL : in, out, &k, NULL, err);
    }
    if (s == SL_OK && sh.stories == 0)
        s = sli_seen_check(&sh.seen, opts, 0, err);
    *stories = sh.stories;
    sli_seen_free(&sh.seen);
    for (size_t i = 0; i < sh.nnames; i++)
        free(sh.names[i]);
    free(sh.names);
    return s;
}

/*
 * reader.c - opening a source (a file, an entry of a walk, a stream or a
 * piece of a split file), sniffing it, and dispatching each read to its
 * format (txt.c, jsonl.c, csv.c, office.c).
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "core/error.h"
#include "read/record.h"

static sl_status reader_new(sl_reader **out, const char *name, const char *id_base,
                            sl_input_format fmt, const sl_read_opts *opts, sl_error *err)
{
    sl_reader *r = calloc(1, sizeof *r);
    if (!r)
        return sli_fail_nomem(err);
    r->fmt = fmt;
    r->name = strdup(name);
    r->id_base = strdup(id_base);
    r->text_field = (opts && opts->text_field) ? opts->text_field : "text";
    r->id_field = (opts && opts->id_field) ? opts->id_field : "id";
    r->sheet = opts ? opts->sheet : NULL;
    r->split_heading = opts ? opts->split_heading : 0;
    if (opts) {
        r->delimiter = opts->delimiter;
        r->encoding = opts->encoding;
        r->txt_given = opts->txt_given;
        r->on_message = opts->on_message;
        r->message_user = opts->message_user;
    }
    if (!r->name || !r->id_base) {
        sli_reader_free(r);
        return sli_fail_nomem(err);
    }
    *out = r;
    return SL_OK;
}

static sl_status open_file(sl_reader **out, const char *path, const char *id_base,
                           sl_input_format fmt, const sl_read_opts *opts, int *binary,
                           sl_error *err)
{
    if (!out || !path)
        return sli_fail(err, SL_EUSAGE, "sli_reader_open: no reader or path given");
    *out = NULL;
    if (fmt == SL_INPUT_AUTO)
        fmt = sli_format_of_path(path);
    const char *advice = fmt == SL_INPUT_AUTO ? sli_unread_advice(path) : NULL;
    if (advice) /* renaming it .txt, the advice below, would not help */
        return sli_fail(err, SL_EDATA, "%s: %s", path, advice);
    if (fmt == SL_INPUT_AUTO)
        return sli_fail(err, SL_EUSAGE,
                        "%s: unknown input format; name it .txt, .md, .jsonl, .csv, .tsv, "
                        ".docx, .odt, .xlsx or .ods, or use --input-format",
                        path);

    FILE *in = fopen(path, "rb");
    if (!in)
        return sli_fail(err, SL_ENOINPUT, "%s: cannot open: %s", path, strerror(errno));
    /* fopen() accepts a directory on Linux and only reads fail; say so now. */
    struct stat st = {0};
    if (fstat(fileno(in), &st) == 0 && S_ISDIR(st.st_mode)) {
        fclose(in);
        return sli_fail(err, SL_ENOINPUT, "%s: cannot open: %s", path, strerror(EISDIR));
    }

    char *base = id_base ? NULL : sli_strip_extension(path, 1);
    sl_status rc = SL_ENOMEM;
    if (id_base || base)
        rc = reader_new(out, path, id_base ? id_base : base, fmt, opts, err);
    else
        sli_fail_nomem(err);
    free(base);
    if (rc != SL_OK) {
        fclose(in);
        return rc;
    }
    (*out)->in = in;
    (*out)->owns_in = 1;
    (*out)->fresh = S_ISREG(st.st_mode);
    (*out)->size = st.st_size;
    if (((*out)->inbuf = malloc(SL_RD_BUFFER)))
        setvbuf(in, (*out)->inbuf, _IOFBF, SL_RD_BUFFER); /* before any read */
    /* An office file is a zip archive: binary by the sniff, read whole. */
    rc = sli_rd_is_office(fmt) ? sli_rd_office_open(*out, err) : sli_rd_sniff(*out, err);
    if (rc != SL_OK) {
        *binary = (*out)->binary;
        sli_reader_free(*out);
        *out = NULL;
    }
    return rc;
}

sl_status sli_reader_open(sl_reader **out, const char *path, const char *id_base,
                         sl_input_format fmt, const sl_read_opts *opts, sl_error *err)
{
    int binary = 0;
    return open_file(out, path, id_base, fmt, opts, &binary, err);
}

sl_status sli_reader_open_entry(sl_reader **out, const sl_walk_entry *e,
                               const sl_read_opts *opts, sl_error *err)
{
    if (out)
        *out = NULL;
    if (e->lost) {
        sli_fail(err, SL_OK, "%s: cannot be read: %s", e->path,
                 e->lost == ENOENT ? "a symlink to nothing (dangling); fix or remove the link" : strerror(e->lost));
        return SL_OK;
    }
    if (e->unread) {
        sli_fail(err, SL_OK, "%s: %s", e->path, e->unread);
        return SL_OK;
    }
    int binary = 0;
    sl_status rc = open_file(out, e->path, e->id_base, SL_INPUT_AUTO, opts, &binary, err);
    if (rc == SL_EDATA && binary && e->walked) {
        sli_fail(err, SL_OK, "%s: looks like a binary file (a NUL byte in the first %d KiB)",
                e->path, SL_SNIFF_BYTES / 1024);
        return SL_OK;
    }
    if (rc == SL_ENOINPUT && e->walked) { /* unreadable: the error says why */
        if (err)
            err->code = SL_OK;
        return SL_OK;
    }
    return rc;
}

sl_status sli_reader_open_stream(sl_reader **out, FILE *in, const char *name,
                                sl_input_format fmt, const sl_read_opts *opts, sl_error *err)
{
    if (!out || !in)
        return sli_fail(err, SL_EUSAGE, "sli_reader_open_stream: no reader or stream given");
    *out = NULL;
    if (!name)
        name = "-";
    if (fmt == SL_INPUT_AUTO)
        fmt = SL_INPUT_JSONL;
    /* A story read from standard input needs a readable id. */
    const char *id = strcmp(name, "-") == 0 ? "stdin" : name;
    sl_status rc = reader_new(out, name, id, fmt, opts, err);
    if (rc != SL_OK)
        return rc;
    (*out)->in = in;
    rc = sli_rd_sniff(*out, err);
    if (rc != SL_OK) {
        sli_reader_free(*out);
        *out = NULL;
    }
    return rc;
}

sl_status sli_reader_open_piece(sl_reader **out, FILE *in, const char *name, int first,
                               const sl_read_opts *opts, sl_error *err)
{
    sl_status rc = reader_new(out, name, name, SL_INPUT_JSONL, opts, err);
    if (rc != SL_OK)
        return rc;
    (*out)->in = in;
    (*out)->line = first ? 0 : 1; /* the BOM test is for line 1 */
    return SL_OK;
}

sl_status sli_reader_next(sl_reader *r, sl_doc *doc, int *got, sl_error *err)
{
    if (!r || !doc || !got)
        return sli_fail(err, SL_EUSAGE, "sli_reader_next: no reader, doc or flag given");
    *got = 0;
    r->bad_skippable = 0;
    if (r->done)
        return SL_OK;
    switch (r->fmt) {
    case SL_INPUT_TXT:
        return sli_rd_txt_next(r, doc, got, err);
    case SL_INPUT_JSONL:
        return sli_rd_jsonl_next(r, doc, got, err);
    case SL_INPUT_CSV:
    case SL_INPUT_TSV:
        return sli_rd_csv_next(r, doc, got, err);
    case SL_INPUT_DOCX:
    case SL_INPUT_ODT:
    case SL_INPUT_XLSX:
    case SL_INPUT_ODS:
        return sli_rd_office_next(r, doc, got, err);
    case SL_INPUT_AUTO:
        break;
    }
    return sli_fail(err, SL_EINTERNAL, "%s: reader has no format", r->name);
}

void sli_reader_free(sl_reader *r)
{
    if (!r)
        return;
    sli_rd_csv_release(r);
    sli_rd_office_release(r);
    sli_rd_sniff_release(r);
    if (r->owns_in && r->in)
        fclose(r->in);
    free(r->inbuf); /* after the stream that used it */
    free(r->lbuf);
    free(r->name);
    free(r->id_base);
    free(r);
}


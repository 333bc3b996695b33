/*
 * office.c - opening an office file as its kind: the archive, then the
 * format's reader (docx.c, odt.c, xlsx.c, ods.c), within the limits of
 * office.h; and the reader's side: the stories of a file read whole at
 * open (sli_reader_open), handed out one at a time.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/error.h"
#include "read/office.h"
#include "read/record.h"

sl_status sli_office_load(sl_office_kind kind, const char *path, const sl_office_opts *o,
                         sl_office_docs *out, sl_error *err)
{
    sl_zip *z = NULL;
    sl_status rc = sli_zip_open(&z, path, o->max_bytes, err);
    if (rc != SL_OK)
        return rc;
    switch (kind) {
    case SL_OFFICE_DOCX: rc = sli_docx_load(z, o, out, err); break;
    case SL_OFFICE_ODT: rc = sli_odt_load(z, o, out, err); break;
    case SL_OFFICE_XLSX: rc = sli_xlsx_load(z, o, out, err); break;
    case SL_OFFICE_ODS: rc = sli_ods_load(z, o, out, err); break;
    }
    sli_zip_close(z);
    return rc;
}

/* ---- the reader's side (reader.c) ------------------------------------------ */

static sl_office_kind kind_of(sl_input_format fmt)
{
    switch (fmt) {
    case SL_INPUT_ODT: return SL_OFFICE_ODT;
    case SL_INPUT_XLSX: return SL_OFFICE_XLSX;
    case SL_INPUT_ODS: return SL_OFFICE_ODS;
    default: return SL_OFFICE_DOCX;
    }
}

int sli_rd_is_office(sl_input_format fmt)
{
    return fmt == SL_INPUT_DOCX || fmt == SL_INPUT_ODT || fmt == SL_INPUT_XLSX ||
           fmt == SL_INPUT_ODS;
}

/* Spreadsheets: what was left out or filled in, said once per file. */
static void set_note(sl_reader *r, const sl_office_docs *d)
{
    if (!d->empty_rows && !d->filled)
        return;
    char note[SL_ERROR_TEXT];
    snprintf(note, sizeof note, "%s: %lu row%s with no value skipped, %lu cell%s filled from "
             "a merged cell above", r->name, d->empty_rows, d->empty_rows == 1 ? "" : "s",
             d->filled, d->filled == 1 ? "" : "s");
    r->office_note = strdup(note); /* a note lost to a lack of memory is no error */
}

sl_status sli_rd_office_open(sl_reader *r, sl_error *err)
{
    sl_office_docs *d = calloc(1, sizeof *d);
    if (!d)
        return sli_fail_nomem(err);
    r->office = d;
    sl_office_opts o = {.name = r->name, .id_base = r->id_base, .text_field = r->text_field,
                        .id_field = r->id_field, .sheet = r->sheet,
                        .split_heading = r->split_heading};
    sl_error why = {0};
    sl_status rc = sli_office_load(kind_of(r->fmt), r->name, &o, d, &why);
    if (rc == SL_OK)
        set_note(r, d);
    else if (rc == SL_EDATA) {
        /* A damaged file fails at the first read instead, where
         * --skip-invalid (set once the reader is open) can skip it whole. */
        sli_office_docs_free(d);
        d->damaged = why;
        return SL_OK;
    } else if (err)
        *err = why;
    return rc;
}

/* The damaged file's error, again; skippable as a whole file (line 0), its
 * reason without the "FILE: " the message starts with. */
static sl_status damaged(sl_reader *r, const sl_error *why, sl_error *err)
{
    size_t n = strlen(r->name);
    const char *reason = why->text;
    if (strncmp(reason, r->name, n) == 0 && reason[n] == ':' && reason[n + 1] == ' ')
        reason += n + 2;
    snprintf(r->bad_reason, sizeof r->bad_reason, "%s", reason);
    r->bad_skippable = 1;
    r->bad_line = 0;
    r->done = 1;
    if (err)
        *err = *why;
    return SL_EDATA;
}

sl_status sli_rd_office_next(sl_reader *r, sl_doc *doc, int *got, sl_error *err)
{
    sl_office_docs *d = r->office;
    if (!d)
        return sli_fail(err, SL_EUSAGE, "%s: an office file is read from a named file, not a "
                        "stream; give its path", r->name);
    if (d->damaged.code != SL_OK)
        return damaged(r, &d->damaged, err);
    if (d->pos == d->n) {
        r->done = 1;
        return SL_OK;
    }
    *doc = d->docs[d->pos]; /* moved: the list no longer owns it */
    memset(&d->docs[d->pos++], 0, sizeof *doc);
    r->line = doc->line;
    *got = 1;
    return SL_OK;
}

void sli_rd_office_release(sl_reader *r)
{
    if (r->office) {
        sli_office_docs_free(r->office);
        free(r->office);
    }
    free(r->office_note);
    r->office = NULL;
    r->office_note = NULL;
}

const char *sli_reader_note(const sl_reader *r)
{
    return r->office_note;
}

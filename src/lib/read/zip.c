/*
 * zip.c - the parts of an office file's zip archive, through libzip, with
 * the bounds that keep a hostile archive from filling memory: a budget of
 * inflated bytes per document, a compression-ratio check before a large
 * part is inflated, and a check that a part is no longer than its header
 * says (a lying header is how a bomb gets past a size check).
 */
#include <stdlib.h>
#include <string.h>
#include <zip.h>

#include "core/error.h"
#include "read/office.h"

struct sl_zip {
    zip_t *za;
    const char *name; /* borrowed: the file, for messages */
    size_t left;      /* inflated bytes this document may still use */
    size_t max;
};

static const char damaged_advice[] =
    "open it in Word, LibreOffice or Excel and save it again";

sl_status sli_zip_open(sl_zip **out, const char *path, size_t max_bytes, sl_error *err)
{
    *out = NULL;
    int code = 0;
    zip_t *za = zip_open(path, ZIP_RDONLY | ZIP_CHECKCONS, &code);
    if (!za) {
        /* The reader opened the file already, so whatever libzip says (a
         * damaged directory gives ZIP_ER_NOENT, "No such file", which
         * fuzzing found) is about the archive: bad data, not a lost file. */
        zip_error_t ze;
        zip_error_init_with_code(&ze, code);
        sli_fail(err, SL_EDATA, "%s: not a readable zip archive (%s), as an office file must "
                 "be; %s", path, code == ZIP_ER_NOENT ? "damaged" : zip_error_strerror(&ze),
                 damaged_advice);
        zip_error_fini(&ze);
        return SL_EDATA;
    }
    sl_zip *z = calloc(1, sizeof *z);
    if (!z) {
        zip_discard(za);
        return sli_fail_nomem(err);
    }
    z->za = za;
    z->name = path;
    z->max = z->left = max_bytes ? max_bytes : SL_OFFICE_MAX_BYTES;
    *out = z;
    return SL_OK;
}

const char *sli_zip_name(const sl_zip *z)
{
    return z->name;
}

static sl_status bomb(const sl_zip *z, const char *entry, const char *why, sl_error *err)
{
    return sli_fail(err, SL_EDATA,
                    "%s: part %s %s (a limit of %zu MB inflated per document and %d times "
                    "its compressed size guards against zip bombs); if the file is genuine, "
                    "split it or export its text",
                    z->name, entry, why, z->max >> 20, SL_OFFICE_MAX_RATIO);
}

/* Refuses what the header already shows to be too big. */
static sl_status check_header(const sl_zip *z, const char *entry, const zip_stat_t *st,
                              sl_error *err)
{
    if (!(st->valid & ZIP_STAT_SIZE) || !(st->valid & ZIP_STAT_COMP_SIZE))
        return sli_fail(err, SL_EDATA, "%s: part %s has no size in the archive; %s", z->name,
                        entry, damaged_advice);
    if ((st->valid & ZIP_STAT_ENCRYPTION_METHOD) && st->encryption_method != ZIP_EM_NONE)
        return sli_fail(err, SL_EDATA, "%s: part %s is encrypted; save the file without a "
                        "password", z->name, entry);
    if (st->size > z->left)
        return bomb(z, entry, "inflates past the limit", err);
    if (st->size > SL_OFFICE_RATIO_FLOOR &&
        st->size / SL_OFFICE_MAX_RATIO > (st->comp_size ? st->comp_size : 1))
        return bomb(z, entry, "inflates too many times its compressed size", err);
    return SL_OK;
}

static sl_status read_error(const sl_zip *z, const char *entry, zip_file_t *f, sl_error *err)
{
    return sli_fail(err, SL_EDATA, "%s: part %s cannot be inflated (%s); %s", z->name, entry,
                    zip_error_strerror(zip_file_get_error(f)), damaged_advice);
}

/* Reads exactly size bytes, and fails if the part holds more. */
static sl_status inflate_part(sl_zip *z, const char *entry, zip_file_t *f, char *buf,
                              size_t size, sl_error *err)
{
    size_t got = 0;
    while (got < size) {
        zip_int64_t k = zip_fread(f, buf + got, size - got);
        if (k < 0)
            return read_error(z, entry, f, err);
        if (k == 0)
            return sli_fail(err, SL_EDATA, "%s: part %s is shorter than its header says; %s",
                            z->name, entry, damaged_advice);
        got += (size_t)k;
    }
    char extra;
    zip_int64_t k = zip_fread(f, &extra, 1);
    if (k < 0)
        return read_error(z, entry, f, err);
    if (k > 0)
        return bomb(z, entry, "is longer than its header says", err);
    return SL_OK;
}

sl_status sli_zip_read(sl_zip *z, const char *entry, char **buf, size_t *len, sl_error *err)
{
    *buf = NULL;
    *len = 0;
    zip_int64_t idx = zip_name_locate(z->za, entry, 0);
    if (idx < 0)
        return SL_OK;
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat_index(z->za, (zip_uint64_t)idx, 0, &st) != 0)
        return sli_fail(err, SL_EDATA, "%s: part %s: %s; %s", z->name, entry,
                        zip_strerror(z->za), damaged_advice);
    sl_status rc = check_header(z, entry, &st, err);
    if (rc != SL_OK)
        return rc;
    zip_file_t *f = zip_fopen_index(z->za, (zip_uint64_t)idx, 0);
    if (!f)
        return sli_fail(err, SL_EDATA, "%s: part %s cannot be opened (%s); %s", z->name, entry,
                        zip_strerror(z->za), damaged_advice);
    char *b = malloc((size_t)st.size + 1);
    rc = b ? inflate_part(z, entry, f, b, (size_t)st.size, err) : sli_fail_nomem(err);
    zip_fclose(f);
    if (rc != SL_OK) {
        free(b);
        return rc;
    }
    b[st.size] = '\0';
    z->left -= (size_t)st.size;
    *buf = b;
    *len = (size_t)st.size;
    return SL_OK;
}

void sli_zip_close(sl_zip *z)
{
    if (!z)
        return;
    zip_discard(z->za); /* read-only: nothing to write back */
    free(z);
}

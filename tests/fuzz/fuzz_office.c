/*
 * fuzz_office.c - the office readers (docx, odt, xlsx, ods) on hostile
 * files. An input starting "PK" is a zip archive, read as each of the four
 * kinds; any other input is a kind byte and XML parts separated by a line
 * "--", zipped here into the parts that kind reads, so mutations reach the
 * XML readers instead of dying at the archive's checksums. A read either
 * gives stories or fails with SL_EDATA (or SL_ENOMEM) and a message
 * naming the file; it never crashes, and never reads past the budget.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zip.h>

#include "fuzz.h"
#include "read/office.h"

static char scratch[64];

static void remove_scratch(void)
{
    remove(scratch);
}

static int make_scratch(void)
{
    if (scratch[0])
        return 0;
    snprintf(scratch, sizeof scratch, "/tmp/sl-fuzz-officeXXXXXX");
    int fd = mkstemp(scratch);
    if (fd < 0)
        return -1;
    close(fd);
    atexit(remove_scratch);
    return 0;
}

static int write_raw(const uint8_t *data, size_t size)
{
    FILE *f = fopen(scratch, "wb");
    if (!f)
        return -1;
    int bad = fwrite(data, 1, size, f) != size;
    return (fclose(f) != 0 || bad) ? -1 : 0;
}

static const char *const parts[4][5] = {
    {"word/document.xml", "docProps/core.xml", "word/styles.xml", NULL, NULL},
    {"content.xml", "meta.xml", NULL, NULL, NULL},
    {"xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/worksheets/sheet1.xml",
     "xl/sharedStrings.xml", "xl/styles.xml"},
    {"content.xml", NULL, NULL, NULL, NULL},
};

static const char *find_sep(const char *p, const char *end)
{
    for (; end - p >= 4; p++)
        if (memcmp(p, "\n--\n", 4) == 0)
            return p;
    return NULL;
}

/* Zips the pieces of data (separated by "\n--\n") as kind's parts. */
static int write_parts(int kind, const uint8_t *data, size_t size)
{
    int code;
    zip_t *za = zip_open(scratch, ZIP_CREATE | ZIP_TRUNCATE, &code);
    if (!za)
        return -1;
    const char *p = (const char *)data, *end = p + size;
    for (int i = 0; i < 5 && parts[kind][i] && p <= end; i++) {
        const char *sep = find_sep(p, end);
        const char *e = sep ? sep : end;
        zip_source_t *s = zip_source_buffer(za, p, (zip_uint64_t)(e - p), 0);
        if (!s || zip_file_add(za, parts[kind][i], s, ZIP_FL_OVERWRITE) < 0) {
            zip_source_free(s);
            zip_discard(za);
            return -1;
        }
        p = sep ? sep + 4 : end + 1;
    }
    return zip_close(za) == 0 ? 0 : -1;
}

static void read_as(sl_office_kind kind, int split)
{
    sl_office_opts o = {.name = scratch, .id_base = "f", .text_field = "text", .id_field = "id",
                        .split_heading = split, .max_bytes = 4u << 20};
    sl_office_docs d = {0};
    sl_error err = {0};
    sl_status s = sli_office_load(kind, scratch, &o, &d, &err);
    if (s == SL_OK) {
        for (size_t i = 0; i < d.n; i++)
            if (!d.docs[i].id || !d.docs[i].text || d.docs[i].text[d.docs[i].text_len] != '\0')
                abort();
    } else if (s != SL_EDATA && s != SL_ENOMEM) {
        abort();
    } else if (s == SL_EDATA && strncmp(err.text, scratch, strlen(scratch)) != 0) {
        abort(); /* every error names the file */
    }
    sli_office_docs_free(&d);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1 || size > 256 * 1024 || make_scratch() != 0)
        return 0;
    if (size >= 2 && data[0] == 'P' && data[1] == 'K') {
        if (write_raw(data, size) != 0)
            return 0;
        for (int k = 0; k < 4; k++)
            read_as((sl_office_kind)k, 0);
        read_as(SL_OFFICE_DOCX, 1);
        return 0;
    }
    int kind = data[0] & 3;
    if (write_parts(kind, data + 1, size - 1) == 0)
        read_as((sl_office_kind)kind, (data[0] & 4) != 0);
    return 0;
}

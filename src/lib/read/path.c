/*
 * path.c - what a file name says: the input format its extension implies
 * (.txt .md .jsonl .ndjson .csv .tsv .docx .odt .xlsx .ods), what to do
 * with a file of another format, and a text story's id (its name without
 * the extension).
 */
#include <string.h>

#include "read/record.h"

static int ascii_lower(int c)
{
    return (c >= 'A' && c <= 'Z') ? c - 'A' + 'a' : c;
}

/* Case-insensitive ASCII comparison; strcasecmp would depend on the locale. */
static int ext_is(const char *ext, const char *want)
{
    while (*ext && *want && ascii_lower((unsigned char)*ext) == *want) {
        ext++;
        want++;
    }
    return *ext == '\0' && *want == '\0';
}

/* The extension of the last path component (after its last '.'), or NULL.
 * A leading dot (".profile") starts a name, not an extension. */
static const char *extension_of(const char *path)
{
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    const char *dot = strrchr(base, '.');
    return (dot && dot != base) ? dot + 1 : NULL;
}

sl_input_format sli_format_of_path(const char *path)
{
    static const struct {
        const char *ext;
        sl_input_format fmt;
    } table[] = {
        {"txt", SL_INPUT_TXT},     {"md", SL_INPUT_TXT},  {"jsonl", SL_INPUT_JSONL},
        {"ndjson", SL_INPUT_JSONL}, {"csv", SL_INPUT_CSV}, {"tsv", SL_INPUT_TSV},
        {"docx", SL_INPUT_DOCX}, {"odt", SL_INPUT_ODT}, {"xlsx", SL_INPUT_XLSX},
        {"ods", SL_INPUT_ODS},
    };
    const char *ext = path ? extension_of(path) : NULL;
    if (!ext)
        return SL_INPUT_AUTO;
    for (size_t i = 0; i < sizeof table / sizeof table[0]; i++)
        if (ext_is(ext, table[i].ext))
            return table[i].fmt;
    return SL_INPUT_AUTO;
}

const char *sli_unread_advice(const char *path)
{
    static const struct {
        const char *ext, *advice;
    } table[] = {
        {"doc", "an old Word document, which storylens does not read: save it as .docx "
                "or as plain text (.txt)"},
        {"rtf", "a Rich Text document, which storylens does not read: save it as plain "
                "text (.txt)"},
        {"pdf", "a PDF, which storylens does not read: export its text (e.g. pdftotext) "
                "to a .txt file"},
        {"xls", "an old Excel workbook, which storylens does not read: save it as .xlsx, "
                "or the sheet as CSV UTF-8 (.csv), one story a row with a header"},
    };
    const char *ext = path ? extension_of(path) : NULL;
    for (size_t i = 0; ext && i < sizeof table / sizeof table[0]; i++)
        if (ext_is(ext, table[i].ext))
            return table[i].advice;
    return NULL;
}

/* path's last component without its extension, as a fresh string. */
char *sli_strip_extension(const char *path, int basename_only)
{
    const char *start = path;
    if (basename_only) {
        const char *slash = strrchr(path, '/');
        start = slash ? slash + 1 : path;
    }
    const char *ext = extension_of(start);
    size_t n = ext ? (size_t)(ext - 1 - start) : strlen(start);
    return sli_rd_memdup(start, n);
}


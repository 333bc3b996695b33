/*
 * api.c - the public entry points that join the run to the writers: the
 * one file that sees both pipeline/ and write/.
 *
 * The driver hands over a result and knows no output format; the writers
 * read a const result and know no run. Joining them here keeps either side
 * free to change without the other, as PCRE2 keeps compiled code apart
 * from the match data that uses it.
 */
#include "core/error.h"
#include "pipeline/analysis.h"
#include "write/write.h"

sl_status sl_analysis_write(sl_analysis *an, FILE *out, sl_format fmt, sl_error *err)
{
    sl_result *res;
    sl_status s = sli_analysis_result(an, &res, err);
    if (s != SL_OK)
        return s;
    /* only now, when the run has ended well: a failed run writes nothing */
    if (res->opts->bom && fmt != SL_FORMAT_JSON && fmt != SL_FORMAT_TABLE &&
        fmt != SL_FORMAT_XLSX && fmt != SL_FORMAT_JSONL)
        fputs("\xEF\xBB\xBF", out);
    switch (fmt) {
    case SL_FORMAT_JSON:
        return sli_write_json(res, out, err);
    case SL_FORMAT_TSV:
        return sli_write_table(res, out, '\t', err);
    case SL_FORMAT_CSV:
        return sli_write_table(res, out, ',', err);
    case SL_FORMAT_TABLE:
        return sli_write_summary(res, out, err);
    case SL_FORMAT_WIDE_CSV:
        return sli_write_wide(res, out, ',', err);
    case SL_FORMAT_WIDE_TSV:
        return sli_write_wide(res, out, '\t', err);
    case SL_FORMAT_XLSX:
        return sli_write_workbook(res, out, err);
    case SL_FORMAT_JSONL:
        return sli_write_stories(res, out, err);
    }
    return sli_fail(err, SL_EUSAGE, "unknown output format");
}

sl_status sl_analysis_add_part(sl_analysis *an, const char *path, sl_error *err)
{
    if (an->failed)
        return sli_fail(err, SL_EUSAGE, "this analysis has already failed");
    sl_result *res;
    sl_status s = sli_analysis_result(an, &res, err);
    if (s == SL_OK)
        s = sli_merge_part(res, path, err);
    sli_analysis_fail(an, s); /* half-added counts must never be written */
    return s;
}

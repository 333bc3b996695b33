/*
 * observe.c - what the story-observing commands (explain, kwic, suggest)
 * share: running a corpus through the story handler, and measuring text in
 * display columns for aligned terminal output.
 *
 * Columns are utf8proc's character widths (a CJK character is two, a
 * combining mark none), so "Zoë" pads like "Zoe"; bytes that are not UTF-8
 * count one column each, as a terminal shows them as one replacement mark.
 */
#include <string.h>
#include <utf8proc.h>

#include "cli.h"

int cli_corpus_run(const cli_corpus *c)
{
    sl_error err = {0};
    sl_analysis *an;
    if (sl_analysis_new(&an, c->lex, c->opts, &err) != SL_OK)
        return cli_report(&err);
    int rc = cli_corpus_add_inputs(c, an);
    if (rc == EXIT_OK && sl_analysis_flush(an, &err) != SL_OK)
        rc = cli_report(&err);
    sl_analysis_free(an);
    return rc;
}

size_t cli_char_width(const char *s, size_t len, size_t *step)
{
    utf8proc_int32_t cp;
    utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)len, &cp);
    if (n <= 0) {
        *step = 1;
        return 1;
    }
    *step = (size_t)n;
    int w = utf8proc_charwidth(cp);
    return w > 0 ? (size_t)w : 0;
}

size_t cli_display_width(const char *s)
{
    size_t len = strlen(s), w = 0, step;
    for (size_t i = 0; i < len; i += step)
        w += cli_char_width(s + i, len - i, &step);
    return w;
}

void cli_put_padded(FILE *f, const char *s, size_t width, int right_align)
{
    size_t w = cli_display_width(s);
    if (right_align)
        for (; w < width; w++)
            fputc(' ', f);
    fputs(s, f);
    if (!right_align)
        for (; w < width; w++)
            fputc(' ', f);
}

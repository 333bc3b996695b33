/*
 * width.c - text measured in display columns (the public sl_char_width,
 * sl_display_width and sl_put_padded): the one implementation behind the
 * summary's tables and the CLI's explain, kwic and suggest output.
 */
#include <string.h>
#include <utf8proc.h>

#include "storylens/storylens.h"

size_t sl_char_width(const char *s, size_t len, size_t *step)
{
    utf8proc_int32_t cp;
    utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)len, &cp);
    if (n <= 0) { /* an invalid byte: one replacement cell */
        *step = 1;
        return 1;
    }
    *step = (size_t)n;
    int w = utf8proc_charwidth(cp);
    return w > 0 ? (size_t)w : 0;
}

size_t sl_display_width(const char *s)
{
    size_t len = strlen(s), w = 0, step;
    for (size_t i = 0; i < len; i += step)
        w += sl_char_width(s + i, len - i, &step);
    return w;
}

/* Whole characters of s up to max - 1 columns, then an ellipsis: max columns. */
static size_t put_cut(FILE *out, const char *s, size_t max)
{
    size_t len = strlen(s), w = 0, step;
    for (size_t i = 0; i < len; i += step) {
        size_t cw = sl_char_width(s + i, len - i, &step);
        if (w + cw > max - 1)
            break;
        fwrite(s + i, 1, step, out);
        w += cw;
    }
    fputs("\xe2\x80\xa6", out);
    return w + 1;
}

void sl_put_padded(FILE *out, const char *s, size_t width, size_t max_width, int right)
{
    size_t w = sl_display_width(s);
    int cut = max_width > 1 && w > max_width;
    if (cut)
        w = max_width; /* an ellipsis column at most max_width */
    if (right)
        for (size_t k = w; k < width; k++)
            fputc(' ', out);
    if (cut)
        w = put_cut(out, s, max_width);
    else
        fputs(s, out);
    if (!right)
        for (; w < width; w++)
            fputc(' ', out);
}

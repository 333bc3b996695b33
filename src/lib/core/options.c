/*
 * options.c - sl_options: defaults, setters and the co-occurrence unit list.
 */
#include <ctype.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>

#include "core/error.h"
#include "core/options.h"
#include "core/vec.h"

static sl_status set_str(char **slot, const char *v)
{
    char *d = strdup(v ? v : "");
    if (!d)
        return SL_ENOMEM;
    free(*slot);
    *slot = d;
    return SL_OK;
}

sl_status sl_options_new(sl_options **out)
{
    *out = NULL;
    sl_options *o = calloc(1, sizeof *o);
    if (!o)
        return SL_ENOMEM;
    if (set_str(&o->text_field, "text") || set_str(&o->id_field, "id") ||
        sl_options_set_cooccurrence(o, "document,sentence", NULL)) {
        sl_options_free(o);
        return SL_ENOMEM;
    }
    o->confidence = 0.95;
    o->adjust = SL_ADJUST_HOLM;
    *out = o;
    return SL_OK;
}

void sl_options_free(sl_options *o)
{
    if (!o)
        return;
    free(o->text_field);
    free(o->id_field);
    free(o->sheet);
    free(o->encoding);
    free(o->cooccurrence);
    for (size_t i = 0; i < o->nby; i++)
        free(o->by[i]);
    free(o->by);
    free(o);
}

sl_status sl_options_set_threads(sl_options *o, int threads)
{
    if (threads < 0)
        return SL_EUSAGE;
    o->threads = threads;
    return SL_OK;
}

sl_status sl_options_set_text_field(sl_options *o, const char *f)
{
    return f && *f ? set_str(&o->text_field, f) : SL_EUSAGE;
}

sl_status sl_options_set_id_field(sl_options *o, const char *f)
{
    return f && *f ? set_str(&o->id_field, f) : SL_EUSAGE;
}

sl_status sl_options_set_sheet(sl_options *o, const char *sheet)
{
    if (!sheet) {
        free(o->sheet);
        o->sheet = NULL;
        return SL_OK;
    }
    return *sheet ? set_str(&o->sheet, sheet) : SL_EUSAGE;
}

sl_status sl_options_set_delimiter(sl_options *o, int c)
{
    if (c != 0 && c != ',' && c != ';' && c != '\t' && c != '|')
        return SL_EUSAGE;
    o->delimiter = c;
    return SL_OK;
}

/* A name glibc's iconv may be handed: letters, digits and - _ . : only, so
 * no "//TRANSLIT" or "//IGNORE" suffix can turn bad bytes into guesses. */
static int plain_charset_name(const char *s)
{
    if (!*s || strlen(s) > 40)
        return 0;
    for (; *s; s++)
        if (!isalnum((unsigned char)*s) && !strchr("-_.:", *s))
            return 0;
    return 1;
}

sl_status sl_options_set_encoding(sl_options *o, const char *name)
{
    if (!name) {
        free(o->encoding);
        o->encoding = NULL;
        return SL_OK;
    }
    if (!plain_charset_name(name))
        return SL_EUSAGE;
    iconv_t cd = iconv_open("UTF-8", name); /* the one judge of what is known */
    if (cd == (iconv_t)-1)
        return SL_EUSAGE;
    iconv_close(cd);
    return set_str(&o->encoding, name);
}

sl_status sl_options_set_split_on(sl_options *o, const char *unit)
{
    if (!unit || (strcmp(unit, "heading") != 0 && strcmp(unit, "none") != 0))
        return SL_EUSAGE;
    o->split_heading = strcmp(unit, "heading") == 0;
    return SL_OK;
}

static int parse_unit(const char *s, size_t n, sl_unit *u)
{
    if (n == 8 && memcmp(s, "document", 8) == 0)
        *u = (sl_unit){SL_UNIT_DOCUMENT, 0};
    else if (n == 9 && memcmp(s, "paragraph", 9) == 0)
        *u = (sl_unit){SL_UNIT_PARAGRAPH, 0};
    else if (n == 8 && memcmp(s, "sentence", 8) == 0)
        *u = (sl_unit){SL_UNIT_SENTENCE, 0};
    else if (n > 7 && memcmp(s, "window:", 7) == 0) {
        unsigned long w = 0;
        for (size_t i = 7; i < n; i++) {
            if (!isdigit((unsigned char)s[i]) || w > 100000)
                return -1;
            w = w * 10 + (unsigned long)(s[i] - '0');
        }
        if (w < 2 || w > 100000)
            return -1;
        *u = (sl_unit){SL_UNIT_WINDOW, (uint32_t)w};
    } else
        return -1;
    return 0;
}

sl_status sl_options_set_cooccurrence(sl_options *o, const char *units, sl_error *err)
{
    sl_unit parsed[SL_MAX_UNITS];
    size_t n = 0;
    const char *s = units ? units : "";
    if (strcmp(s, "none") == 0) /* theme counts alone: for lexicons too big to pair */
        s = "";
    while (*s) {
        const char *e = strchr(s, ',');
        size_t len = e ? (size_t)(e - s) : strlen(s);
        sl_unit u;
        if (parse_unit(s, len, &u) != 0)
            return sli_fail(err, SL_EUSAGE,
                           "--cooccurrence: unknown unit \"%.*s\"; use document, paragraph, "
                           "sentence or window:N (N from 2 to 100000), or none",
                           (int)len, s);
        int dup = 0;
        for (size_t i = 0; i < n; i++)
            dup |= parsed[i].kind == u.kind && parsed[i].window == u.window;
        if (!dup) {
            if (n == SL_MAX_UNITS)
                return sli_fail(err, SL_EUSAGE, "--cooccurrence: at most %d units",
                               SL_MAX_UNITS);
            parsed[n++] = u;
        }
        s += len + (e != NULL);
    }
    if (set_str(&o->cooccurrence, units) != SL_OK)
        return sli_fail_nomem(err);
    memcpy(o->units, parsed, n * sizeof *parsed);
    o->nunits = n;
    return SL_OK;
}

sl_status sl_options_add_by(sl_options *o, const char *field)
{
    if (!field || !*field)
        return SL_EUSAGE;
    for (size_t i = 0; i < o->nby; i++)
        if (strcmp(o->by[i], field) == 0)
            return SL_OK;
    if (SL_GROW(o->by, o->by_cap, o->nby + 1) != 0)
        return SL_ENOMEM;
    if (!(o->by[o->nby] = strdup(field)))
        return SL_ENOMEM;
    o->nby++;
    return SL_OK;
}

sl_status sl_options_set_allow_duplicate_ids(sl_options *o, int on)
{
    o->allow_duplicate_ids = on != 0;
    return SL_OK;
}

sl_status sl_options_set_allow_empty(sl_options *o, int on)
{
    o->allow_empty = on != 0;
    return SL_OK;
}

sl_status sl_options_set_bom(sl_options *o, int on)
{
    o->bom = on != 0;
    return SL_OK;
}

sl_status sl_options_set_per_document(sl_options *o, int on)
{
    o->per_document = on != 0;
    return SL_OK;
}

sl_status sl_options_set_stdin_format(sl_options *o, sl_input_format fmt)
{
    o->stdin_format = fmt;
    return SL_OK;
}

sl_status sl_options_set_message_handler(sl_options *o, sl_message_fn fn, void *user)
{
    o->on_message = fn;
    o->message_user = user;
    return SL_OK;
}

sl_status sl_options_set_progress_handler(sl_options *o, sl_progress_fn fn, void *user)
{
    o->on_progress = fn;
    o->progress_user = user;
    return SL_OK;
}

sl_status sl_options_set_story_handler(sl_options *o, sl_story_fn fn, void *user)
{
    o->on_story = fn;
    o->story_user = user;
    return SL_OK;
}

sl_status sl_options_set_direction_figures(sl_options *o, int on)
{
    o->no_direction_figures = !on;
    return SL_OK;
}

sl_status sl_options_set_modifiers(sl_options *o, const sl_lexicon *modifiers)
{
    o->modifiers = modifiers;
    return SL_OK;
}

sl_status sl_options_set_skip_invalid(sl_options *o, int on)
{
    o->skip_invalid = on != 0;
    return SL_OK;
}

sl_status sl_options_set_confidence(sl_options *o, double level)
{
    if (!(level >= 0.5 && level < 1)) /* also refuses NaN */
        return SL_EUSAGE;
    o->confidence = level;
    return SL_OK;
}

sl_status sl_options_set_adjust(sl_options *o, sl_adjust adjust)
{
    if (adjust != SL_ADJUST_HOLM && adjust != SL_ADJUST_BH)
        return SL_EUSAGE;
    o->adjust = adjust;
    return SL_OK;
}

sl_status sl_options_set_calibration(sl_options *o, const sl_calibration *cal)
{
    o->calibration = cal;
    return SL_OK;
}

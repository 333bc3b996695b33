/*
 * kwic.c - storylens kwic: every counted hit in its context, so a coder can
 * read what the lexicon coded.
 *
 * The story handler hands over each story's text and hits (byte offsets);
 * this file cuts the context either side, measured in display columns
 * rather than bytes so accented and wide characters align on a terminal,
 * with line breaks, tabs and other controls shown as one space. Rows are
 * kept until the end because the id column is as wide as the widest id.
 * Each row also carries the hit's direction of change, its time and the
 * trigger that decided it, so a coder can see why a hit was judged so.
 *
 * With --context sentence the context is the sentence the tokeniser cut
 * around the hit (sl_hit_view.sentence_start/end), whole: a quote to lift
 * into a report. The tables keep one row per hit and theme (tidy data to
 * filter); a person reading text sees each span once, with every theme
 * that counts it, so a span two themes share is not read as two hits.
 */
#include <getopt.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "cli.h"

static const char kwic_help[] =
    "usage: storylens kwic [OPTIONS] [INPUT...]\n"
    "\n"
    "Keyword in context: every counted hit of the INPUTs, stories in input order\n"
    "and hits by position, with the text before and after it. Line breaks and\n"
    "tabs in the text show as spaces; context is cut to whole characters.\n"
    "\n"
    "      --theme T           only hits counted for theme T (its sub-themes' hits included)\n"
    "      --entry E           only hits of the entry written E (quote it in the shell)\n"
    "      --width N           characters of context each side (default 40; 30 in\n"
    "                          text with the direction column)\n"
    "      --context C         chars (default: --width characters each side) or\n"
    "                          sentence (the whole sentence; text marks the match\n"
    "                          with \u00ab \u00bb)\n"
    "  -l, --lexicon PATH      a .lex file or a directory of them (repeatable)\n"
    "      --language NAME     --text-field NAME  --id-field NAME  --input-format F\n"
    "      --delimiter C       --encoding NAME    (as for analyse)\n"
    "      --sheet NAME        --split-on UNIT   as for analyse\n"
    "  -j, --threads N         as for analyse\n"
    "      --allow-duplicate-ids  as for analyse\n"
    "      --allow-empty       an empty answer for a corpus of no stories (default: an\n"
    "                          error, exit 65)\n"
    "  -f, --format F          text (default: aligned columns id, themes, direction,\n"
    "                          left, match, right; a span once), tsv (id, theme,\n"
    "                          entry, start, end, left, match, right, direction, time, trigger, trigger_entry,\n"
    "                          negations; start and end are byte offsets into the\n"
    "                          story text), csv (the same columns) or json (one\n"
    "                          object a line, same fields)\n"
    "      --modifiers PATH    modifier lexicons for the direction (default: bundled)\n"
    "      --no-direction      no direction of change: its columns are left empty\n"
    "  -o, --output FILE       write to FILE atomically (default standard output)\n"
    "  -h, --help              this help\n";

enum { OPT_THEME = 512, OPT_ENTRY, OPT_WIDTH, OPT_CONTEXT };

static const struct option kwic_opts[] = {
    {"theme", required_argument, NULL, OPT_THEME},
    {"entry", required_argument, NULL, OPT_ENTRY},
    {"width", required_argument, NULL, OPT_WIDTH},
    {"context", required_argument, NULL, OPT_CONTEXT},
    {NULL, 0, NULL, 0},
};

typedef struct row {
    char *id, *left, *match, *right;
    size_t story;             /* the story's place in the run, so equal spans group */
    size_t theme, start, end;
    int space_before, space_after; /* white space between the match and its context */
    const char *entry;
    sl_direction direction;   /* SL_DIRECTION_NONE with --no-direction */
    sl_time time;
    char *trigger;            /* the trigger's text in the story, cleaned; NULL if none */
    const char *trigger_entry;/* the modifier entry as written; NULL if none */
    unsigned negations;
} row;

typedef struct kwic {
    const char *theme_name, *entry;
    size_t theme;                /* index of theme_name once resolved */
    size_t width;
    int width_set;               /* --width given */
    int sentence;                /* --context sentence */
    size_t stories;              /* stories seen so far */
    const sl_lexicon *lex;
    row *rows;
    size_t n, cap;
    const sl_hit_view **sel;     /* scratch: the story's selected hits */
    size_t sel_cap;
    int nomem;
} kwic;

static int apply_kwic(void *ctx, int c, const char *arg)
{
    kwic *k = ctx;
    char *end;
    long v;
    switch (c) {
    case OPT_THEME: k->theme_name = arg; return -1;
    case OPT_ENTRY: k->entry = arg; return -1;
    case OPT_WIDTH:
        v = strtol(arg, &end, 10);
        if (*arg == '\0' || *end != '\0' || v < 0 || v > 1000)
            return cli_usage_error("kwic", "--width: \"%s\"; give a number of characters from 0 "
                                           "to 1000", arg);
        k->width = (size_t)v;
        k->width_set = 1;
        return -1;
    case OPT_CONTEXT:
        if (strcmp(arg, "sentence") != 0 && strcmp(arg, "chars") != 0)
            return cli_usage_error("kwic", "--context: \"%s\"; use chars or sentence", arg);
        k->sentence = arg[0] == 's';
        return -1;
    }
    return cli_usage_error("kwic", "unknown option");
}

/* ---- context text ----------------------------------------------------- */

/* text[0..len) with controls and white space as single spaces and bytes
 * that are not UTF-8 as U+FFFD, so every output format can hold it. */
static char *clean(const char *text, size_t len)
{
    char *out = malloc(len * 3 + 1), *o = out;
    if (!out)
        return NULL;
    int space = 0;
    for (size_t i = 0; i < len;) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)text + i,
                                              (utf8proc_ssize_t)(len - i), &cp);
        if (n <= 0) {
            memcpy(o, "\xEF\xBF\xBD", 3);
            o += 3;
            i++;
            space = 0;
            continue;
        }
        utf8proc_category_t cat = utf8proc_category(cp);
        if (cat == UTF8PROC_CATEGORY_CC || cat == UTF8PROC_CATEGORY_ZS ||
            cat == UTF8PROC_CATEGORY_ZL || cat == UTF8PROC_CATEGORY_ZP) {
            if (!space)
                *o++ = ' ';
            space = 1;
        } else {
            memcpy(o, text + i, (size_t)n);
            o += n;
            space = 0;
        }
        i += (size_t)n;
    }
    *o = '\0';
    return out;
}

static void trim(char *s)
{
    size_t n = strlen(s), a = 0;
    while (n > 0 && s[n - 1] == ' ')
        n--;
    while (a < n && s[a] == ' ')
        a++;
    memmove(s, s + a, n - a);
    s[n - a] = '\0';
}

/* Keeps the last (from_end) or first width display columns of s. */
static void cut_columns(char *s, size_t width, int from_end)
{
    trim(s);
    size_t len = strlen(s), total = sl_display_width(s), w = 0, step;
    if (total <= width)
        return;
    size_t i = 0;
    if (from_end) {
        for (; i < len && total - w > width; i += step)
            w += sl_char_width(s + i, len - i, &step);
        memmove(s, s + i, len - i + 1);
    } else {
        for (; i < len; i += step) {
            size_t cw = sl_char_width(s + i, len - i, &step);
            if (w + cw > width)
                break;
            w += cw;
        }
        s[i] = '\0';
    }
    trim(s);
}

/* The byte window either side of a hit that can hold width columns: a
 * character is at most 4 bytes, and zero-width marks ride on others. */
static size_t window(size_t width)
{
    return width * 16 + 16;
}

/* The context's byte range [*lo, *hi) around h: its sentence, or a window
 * wide enough for width columns each side. */
static void context_range(const kwic *k, const sl_story_view *st, const sl_hit_view *h,
                          size_t *lo, size_t *hi)
{
    if (k->sentence && h->sentence_start <= h->start && h->end <= h->sentence_end &&
        h->sentence_end <= st->text_len) {
        *lo = h->sentence_start;
        *hi = h->sentence_end;
        return;
    }
    *lo = h->start > window(k->width) ? h->start - window(k->width) : 0;
    while (*lo > 0 && *lo < h->start && ((unsigned char)st->text[*lo] & 0xC0) == 0x80)
        (*lo)++; /* start on a character, not inside one */
    *hi = st->text_len - h->end > window(k->width) ? h->end + window(k->width) : st->text_len;
}

static int last_is_space(const char *s)
{
    size_t n = strlen(s);
    return n > 0 && s[n - 1] == ' ';
}

static int make_row(kwic *k, const sl_story_view *st, const sl_hit_view *h)
{
    size_t lo, hi;
    context_range(k, st, h, &lo, &hi);
    row r = {.story = k->stories, .theme = h->theme, .start = h->start, .end = h->end,
             .entry = h->entry, .direction = h->direction, .time = h->time,
             .trigger_entry = h->trigger, .negations = h->negations};
    if (h->trigger && h->trigger_end > h->trigger_start && h->trigger_end <= st->text_len) {
        if (!(r.trigger = clean(st->text + h->trigger_start, h->trigger_end - h->trigger_start)))
            return -1;
        trim(r.trigger);
    }
    r.id = clean(st->id ? st->id : "", st->id ? strlen(st->id) : 0);
    r.left = clean(st->text + lo, h->start - lo);
    r.match = clean(st->text + h->start, h->end - h->start);
    r.right = clean(st->text + h->end, hi - h->end);
    if (!r.id || !r.left || !r.match || !r.right) {
        free(r.id), free(r.left), free(r.match), free(r.right), free(r.trigger);
        return -1;
    }
    r.space_before = last_is_space(r.left) || r.match[0] == ' ';
    r.space_after = r.right[0] == ' ' || last_is_space(r.match);
    if (k->sentence) {
        trim(r.left);
        trim(r.right);
    } else {
        cut_columns(r.left, k->width, 1);
        cut_columns(r.right, k->width, 0);
    }
    trim(r.match);
    if (k->n == k->cap) {
        size_t ncap = k->cap ? k->cap * 2 : 64;
        row *p = realloc(k->rows, ncap * sizeof *p);
        if (!p) {
            free(r.id), free(r.left), free(r.match), free(r.right), free(r.trigger);
            return -1;
        }
        k->rows = p;
        k->cap = ncap;
    }
    k->rows[k->n++] = r;
    return 0;
}

/* ---- selection -------------------------------------------------------- */

static int selected(const kwic *k, const sl_hit_view *h)
{
    if (k->theme_name)
        return h->theme == k->theme;
    if (k->entry && strcmp(h->entry, k->entry) != 0)
        return 0;
    return h->theme == h->entry_theme; /* once, not again for each ancestor */
}

static int by_position(const void *a, const void *b)
{
    const sl_hit_view *x = *(const sl_hit_view *const *)a, *y = *(const sl_hit_view *const *)b;
    if (x->start != y->start)
        return x->start < y->start ? -1 : 1;
    if (x->end != y->end)
        return x->end < y->end ? -1 : 1;
    /* the handler orders by theme then position: keep that for equal spans */
    return x < y ? -1 : x > y;
}

static void on_story(void *user, const sl_story_view *st, const sl_hit_view *hits, size_t n)
{
    kwic *k = user;
    if (k->nomem)
        return;
    if (n > k->sel_cap) {
        const sl_hit_view **p = realloc(k->sel, n * sizeof *p);
        if (!p) {
            k->nomem = 1;
            return;
        }
        k->sel = p;
        k->sel_cap = n;
    }
    size_t m = 0;
    for (size_t i = 0; i < n; i++)
        if (selected(k, &hits[i]))
            k->sel[m++] = &hits[i];
    qsort(k->sel, m, sizeof *k->sel, by_position);
    for (size_t i = 0; i < m && !k->nomem; i++)
        k->nomem = make_row(k, st, k->sel[i]) != 0;
    k->stories++;
}

/* ---- output ----------------------------------------------------------- */

/* The trigger text shown on a terminal: at most this many columns, so one
 * long regex trigger cannot push every row's context off the screen. */
#define TRIGGER_COLUMNS 14
/* Context each side on a terminal when the direction column is shown and
 * --width was not given: id, direction, 2 x 30 and the match fit about
 * 110 columns. */
#define DIRECTION_WIDTH 30

/* The direction column for a person: "improved  after  <- no longer",
 * direction and time in fixed sub-columns (an unknown time is blank),
 * then the deciding trigger's text and the negations that flipped it.
 * Empty with --no-direction, so the column disappears. */
static int annotation(const row *r, char *buf, size_t size)
{
    if (r->direction == SL_DIRECTION_NONE) {
        buf[0] = '\0';
        return 0;
    }
    const char *t = r->time == SL_TIME_BEFORE || r->time == SL_TIME_AFTER ? sl_time_name(r->time)
                                                                         : "";
    int n = snprintf(buf, size, "%-9s %-6s", sl_direction_name(r->direction), t);
    if (r->trigger) {
        char *cut = strdup(r->trigger);
        if (!cut)
            return -1;
        size_t full = sl_display_width(cut);
        cut_columns(cut, TRIGGER_COLUMNS, 0);
        n += snprintf(buf + n, size - (size_t)n, " <- %s%s", cut,
                      sl_display_width(cut) < full ? "\u2026" : "");
        free(cut);
    }
    if (r->negations)
        n += snprintf(buf + n, size - (size_t)n, " (%u negation%s)", r->negations,
                      r->negations == 1 ? "" : "s");
    while (n > 0 && buf[n - 1] == ' ')
        buf[--n] = '\0';
    return 0;
}

/* Rows [i, end) are one span of one story, counted for several themes. */
static size_t span_end(const kwic *k, size_t i)
{
    const row *a = &k->rows[i];
    size_t j = i + 1;
    while (j < k->n && k->rows[j].story == a->story && k->rows[j].start == a->start &&
           k->rows[j].end == a->end)
        j++;
    return j;
}

/* A span's themes ("isolation, confidence") and direction column: one
 * annotation when its themes agree, else each in the themes' order,
 * joined by " | ". Both malloc'd; -1 when out of memory. */
static int span_labels(const kwic *k, size_t i, size_t end, char **themes, char **ann)
{
    char a[256], first[256];
    size_t tn = 0, an = 0;
    FILE *t = open_memstream(themes, &tn), *d = open_memstream(ann, &an);
    int same = 1, bad = !t || !d;
    for (size_t r = i; r < end && !bad; r++) {
        bad = annotation(&k->rows[r], a, sizeof a) != 0;
        if (r == i)
            memcpy(first, a, sizeof a);
        same = same && strcmp(a, first) == 0;
    }
    for (size_t r = i; r < end && !bad; r++) {
        bad = annotation(&k->rows[r], a, sizeof a) != 0;
        fprintf(t, "%s%s", r > i ? ", " : "", sl_lexicon_theme_name(k->lex, k->rows[r].theme));
        if (!same || r == i)
            fprintf(d, "%s%s", r > i ? " | " : "", a);
    }
    if (t)
        bad |= fclose(t) != 0;
    if (d)
        bad |= fclose(d) != 0;
    if (bad) {
        free(t ? *themes : NULL), free(d ? *ann : NULL);
        *themes = *ann = NULL;
    }
    return bad ? -1 : 0;
}

/* Display widths of the id, themes and direction columns over all spans. */
static int text_widths(const kwic *k, size_t *idw, size_t *thw, size_t *dirw)
{
    *idw = *thw = *dirw = 0;
    for (size_t i = 0; i < k->n; i = span_end(k, i)) {
        char *themes, *ann;
        if (span_labels(k, i, span_end(k, i), &themes, &ann) != 0)
            return -1;
        size_t w[3] = {sl_display_width(k->rows[i].id), sl_display_width(themes),
                       sl_display_width(ann)};
        *idw = w[0] > *idw ? w[0] : *idw;
        *thw = w[1] > *thw ? w[1] : *thw;
        *dirw = w[2] > *dirw ? w[2] : *dirw;
        free(themes), free(ann);
    }
    return 0;
}

/* The context of one span: aligned on the match, or (--context sentence)
 * the sentence as written with the match between guillemets. */
static void put_context(FILE *f, const kwic *k, row *r, size_t width)
{
    if (k->sentence) {
        fprintf(f, "%s%s\u00ab%s\u00bb%s%s\n", r->left, r->left[0] && r->space_before ? " " : "",
                r->match, r->right[0] && r->space_after ? " " : "", r->right);
        return;
    }
    if (width < k->width) { /* the last/first columns of the cut are the original's */
        cut_columns(r->left, width, 1);
        cut_columns(r->right, width, 0);
    }
    sl_put_padded(f, r->left, width, 0, 1);
    fprintf(f, "  %s%s%s\n", r->match, r->right[0] ? "  " : "", r->right);
}

static int write_text(FILE *f, kwic *k)
{
    size_t idw, thw, dirw;
    if (text_widths(k, &idw, &thw, &dirw) != 0)
        return EXIT_OSERR;
    size_t width = dirw && !k->width_set && k->width > DIRECTION_WIDTH ? DIRECTION_WIDTH
                                                                        : k->width;
    for (size_t i = 0, end; i < k->n; i = end) {
        end = span_end(k, i);
        char *themes, *ann;
        if (span_labels(k, i, end, &themes, &ann) != 0)
            return EXIT_OSERR;
        sl_put_padded(f, k->rows[i].id, idw, 0, 0);
        fputs("  ", f);
        sl_put_padded(f, themes, thw, 0, 0);
        fputs("  ", f);
        if (dirw) {
            sl_put_padded(f, ann, dirw, 0, 0);
            fputs("  ", f);
        }
        put_context(f, k, &k->rows[i], width);
        free(themes), free(ann);
    }
    return EXIT_OK;
}

/* The tidy table, TSV (sep '\t') or CSV (','): one hit a row. */
static void write_table(FILE *f, char sep, const kwic *k)
{
    static const char *const head[] = {"id", "theme", "entry", "start", "end", "left", "match",
                                       "right", "direction", "time", "trigger", "trigger_entry",
                                       "negations"};
    for (size_t i = 0; i < sizeof head / sizeof head[0]; i++)
        fprintf(f, "%s%c", head[i], i + 1 < sizeof head / sizeof head[0] ? sep : '\n');
    for (size_t i = 0; i < k->n; i++) {
        const row *r = &k->rows[i];
        char start[24], end[24], neg[16] = "";
        snprintf(start, sizeof start, "%zu", r->start);
        snprintf(end, sizeof end, "%zu", r->end);
        if (r->direction != SL_DIRECTION_NONE)
            snprintf(neg, sizeof neg, "%u", r->negations);
        /* direction onwards is appended after the original columns, so older
         * readers keep working */
        const char *cell[] = {r->id, sl_lexicon_theme_name(k->lex, r->theme), r->entry, start,
                              end, r->left, r->match, r->right,
                              sl_direction_name(r->direction), sl_time_name(r->time),
                              r->trigger ? r->trigger : "",
                              r->trigger_entry ? r->trigger_entry : "", neg};
        for (size_t j = 0; j < sizeof cell / sizeof cell[0]; j++) {
            if (j)
                fputc(sep, f);
            sl_table_field(f, sep, cell[j]);
        }
        fputc('\n', f);
    }
}

static int write_jsonl(FILE *f, const kwic *k)
{
    for (size_t i = 0; i < k->n; i++) {
        const row *r = &k->rows[i];
        int on = r->direction != SL_DIRECTION_NONE;
        json_t *o = json_pack("{s:s, s:s, s:s, s:I, s:I, s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:o}",
                              "id", r->id, "theme", sl_lexicon_theme_name(k->lex, r->theme),
                              "entry", r->entry, "start", (json_int_t)r->start,
                              "end", (json_int_t)r->end, "left", r->left, "match", r->match,
                              "right", r->right, "direction", sl_direction_name(r->direction),
                              "time", sl_time_name(r->time),
                              "trigger", r->trigger ? r->trigger : "",
                              "trigger_entry", r->trigger_entry ? r->trigger_entry : "",
                              "negations", on ? json_integer(r->negations) : json_null());
        int bad = !o || json_dumpf(o, f, JSON_COMPACT | JSON_PRESERVE_ORDER) != 0 ||
                  fputc('\n', f) == EOF;
        json_decref(o);
        if (bad)
            return EXIT_IOERR;
    }
    return EXIT_OK;
}

/* ---- the command ------------------------------------------------------ */

static int resolve(kwic *k, const sl_lexicon *lex)
{
    k->lex = lex;
    if (k->theme_name && k->entry)
        return cli_usage_error("kwic", "--theme and --entry together; give one of them");
    if (k->theme_name) {
        for (size_t t = 0; t < sl_lexicon_theme_count(lex); t++)
            if (strcmp(sl_lexicon_theme_name(lex, t), k->theme_name) == 0) {
                k->theme = t;
                return -1;
            }
        return cli_usage_error("kwic", "--theme: no theme \"%s\" in the lexicons; 'storylens "
                                       "explain' lists them", k->theme_name);
    }
    if (k->entry) {
        int excl;
        for (size_t i = 0; i < sl_lexicon_entry_count(lex); i++)
            if (strcmp(sl_lexicon_entry(lex, i, NULL, &excl), k->entry) == 0 && !excl)
                return -1;
        return cli_usage_error("kwic", "--entry: no entry written \"%s\" in the lexicons; "
                                       "'storylens explain' lists them", k->entry);
    }
    return -1;
}

static void free_rows(kwic *k)
{
    for (size_t i = 0; i < k->n; i++) {
        free(k->rows[i].id);
        free(k->rows[i].left);
        free(k->rows[i].match);
        free(k->rows[i].right);
        free(k->rows[i].trigger);
    }
    free(k->rows);
    free(k->sel);
}

int cmd_kwic(int argc, char **argv)
{
    kwic k = {.width = 40};
    cli_extra extra = {kwic_opts, NULL, apply_kwic, &k, cli_figure_options};
    cli_corpus c;
    int rc = cli_corpus_begin(&c, "kwic", argc, argv, kwic_help, &extra);
    if (rc >= 0) { /* --help, a usage error or no lexicon: nothing to run */
        cli_corpus_end(&c);
        return rc;
    }
    const char *fmt = c.format ? c.format : "text";
    if (rc < 0 && strcmp(fmt, "text") && strcmp(fmt, "tsv") && strcmp(fmt, "csv") &&
        strcmp(fmt, "json"))
        rc = cli_usage_error("kwic", "--format: \"%s\"; use text, tsv, csv or json", fmt);
    if (rc < 0 && k.sentence && k.width_set)
        rc = cli_usage_error("kwic", "--width with --context sentence: a sentence is shown "
                                     "whole; give one of them");
    if (rc < 0)
        rc = resolve(&k, c.lex);
    if (rc < 0) {
        sl_options_set_story_handler(c.opts, on_story, &k);
        rc = cli_corpus_run(&c);
    }
    if (rc == EXIT_OK && k.nomem)
        rc = EXIT_OSERR;
    cli_output out;
    if (rc == EXIT_OK && (rc = cli_output_open(&out, c.output)) == EXIT_OK) {
        if (strcmp(fmt, "tsv") == 0 || strcmp(fmt, "csv") == 0)
            write_table(out.f, fmt[0] == 't' ? '\t' : ',', &k);
        else if (strcmp(fmt, "json") == 0)
            rc = write_jsonl(out.f, &k);
        else
            rc = write_text(out.f, &k);
        if (rc == EXIT_OK)
            rc = cli_output_commit(&out);
        else
            cli_output_abort(&out);
    }
    free_rows(&k);
    cli_corpus_end(&c);
    return rc < 0 ? EXIT_OK : rc;
}

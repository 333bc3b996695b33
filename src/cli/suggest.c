/*
 * suggest.c - storylens suggest: frequent stems and stem pairs that no
 * lexicon entry covers, ranked by keyness, as candidates for a researcher
 * to read (with kwic) and perhaps add - never added automatically.
 *
 * The counting and the statistic live in the library (sl_suggest); this
 * file feeds it from the story handler (and, for --reference, from a second
 * run over the reference corpus) and lays out the ranking.
 */
#include <getopt.h>
#include <jansson.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const char suggest_help[] =
    "usage: storylens suggest [OPTIONS] [INPUT...]\n"
    "\n"
    "Lists the word stems and two-word phrases (adjacent words of one sentence) of\n"
    "the INPUTs that no lexicon entry covers (no counted hit includes them), ranked\n"
    "by keyness: Dunning's log-likelihood G2 of their frequency in the stories with\n"
    "a theme hit against the stories without one, or, with --reference, in all the\n"
    "INPUTs against the reference corpus. + means more frequent in the stories with\n"
    "a hit (or the INPUTs), - less. Ties go to the more frequent, then alphabetical.\n"
    "Candidates for a lexicon, not decisions: read them with 'storylens kwic'.\n"
    "With --language english (the default) a built-in list of English function\n"
    "words (the, and, she, ...) is skipped, alone and in phrases.\n"
    "\n"
    "      --reference PATH    a reference corpus, any input format (repeatable)\n"
    "      --top N             show the first N candidates (default 30)\n"
    "      --min-count N       only candidates seen at least N times (default 3)\n"
    "      --ids N             list up to N story ids per candidate (default 5)\n"
    "      --keep-stop-words   do not skip the English function words\n"
    "  -l, --lexicon PATH      a .lex file or a directory of them (repeatable)\n"
    "      --language NAME     --text-field NAME  --id-field NAME  --input-format F\n"
    "      --delimiter C       --encoding NAME    (as for analyse)\n"
    "      --sheet NAME        --split-on UNIT   as for analyse\n"
    "  -j, --threads N         as for analyse\n"
    "      --allow-duplicate-ids  as for analyse\n"
    "      --allow-empty       an empty answer for a corpus of no stories (default: an\n"
    "                          error, exit 65)\n"
    "  -f, --format F          text (default, aligned), tsv (candidate, kind, count,\n"
    "                          reference_count, g2, example, ids; ids joined by\n"
    "                          commas), csv (the same columns) or json\n"
    "  -o, --output FILE       write to FILE atomically (default standard output)\n"
    "  -h, --help              this help\n";

enum { OPT_REFERENCE = 512, OPT_TOP, OPT_MIN_COUNT, OPT_IDS, OPT_KEEP_STOP };

static const struct option suggest_opts[] = {
    {"reference", required_argument, NULL, OPT_REFERENCE},
    {"top", required_argument, NULL, OPT_TOP},
    {"min-count", required_argument, NULL, OPT_MIN_COUNT},
    {"ids", required_argument, NULL, OPT_IDS},
    {"keep-stop-words", no_argument, NULL, OPT_KEEP_STOP},
    {NULL, 0, NULL, 0},
};

typedef struct settings {
    const char **refs;
    size_t nrefs;
    size_t top, ids;
    unsigned long long min_count;
    int keep_stop;
} settings;

typedef struct feed {
    sl_suggest *sg;
    int reference;               /* feeding the reference corpus */
    sl_status status;
    sl_error err;
} feed;

static int number(const char *opt, const char *arg, unsigned long long max,
                  unsigned long long *out)
{
    char *end;
    unsigned long long v = strtoull(arg, &end, 10);
    if (*arg == '\0' || *arg == '-' || *end != '\0' || v > max)
        return cli_usage_error("suggest", "%s: \"%s\"; give a whole number from 0 to %llu", opt,
                               arg, max);
    *out = v;
    return -1;
}

static int apply_suggest(void *ctx, int c, const char *arg)
{
    settings *s = ctx;
    unsigned long long v = 0;
    int rc;
    switch (c) {
    case OPT_REFERENCE:
        return cli_push_arg(&s->refs, &s->nrefs, arg) == EXIT_OK ? -1 : EXIT_OSERR;
    case OPT_TOP:
        if ((rc = number("--top", arg, 1000000, &v)) < 0)
            s->top = (size_t)v;
        return rc;
    case OPT_MIN_COUNT:
        if ((rc = number("--min-count", arg, 1000000000, &v)) < 0)
            s->min_count = v;
        return rc;
    case OPT_IDS:
        if ((rc = number("--ids", arg, 1000, &v)) < 0)
            s->ids = (size_t)v;
        return rc;
    case OPT_KEEP_STOP: s->keep_stop = 1; return -1;
    }
    return cli_usage_error("suggest", "unknown option");
}

static void on_story(void *user, const sl_story_view *st, const sl_hit_view *hits, size_t n)
{
    feed *f = user;
    if (f->status != SL_OK)
        return;
    f->status = f->reference ? sl_suggest_add_reference(f->sg, st, &f->err)
                             : sl_suggest_add_story(f->sg, st, hits, n, &f->err);
}

static int run_reference(const cli_corpus *c, const settings *s, feed *f)
{
    sl_error err = {0};
    sl_analysis *an;
    f->reference = 1;
    if (sl_analysis_new(&an, c->lex, c->opts, &err) != SL_OK)
        return cli_report(&err);
    sl_status st = SL_OK;
    for (size_t i = 0; st == SL_OK && i < s->nrefs; i++)
        st = sl_analysis_add_path(an, s->refs[i], &err);
    if (st == SL_OK && (st = sl_analysis_finish(an, &err)) != SL_OK) {
        char text[sizeof err.text]; /* say which corpus was empty */
        snprintf(text, sizeof text, "--reference: %.1000s", err.text);
        snprintf(err.text, sizeof err.text, "%s", text);
    }
    sl_analysis_free(an);
    return st == SL_OK ? EXIT_OK : cli_report(&err);
}

/* ---- output ----------------------------------------------------------- */

static const char *kind(const sl_suggestion *x)
{
    return x->phrase ? "phrase" : "word";
}

static void put_ids(FILE *f, const sl_suggestion *x)
{
    for (size_t j = 0; j < x->nids; j++) {
        if (j)
            fputc(',', f);
        for (const char *p = x->ids[j]; *p; p++)
            fputc(*p == '\t' || *p == '\n' || *p == '\r' ? ' ' : *p, f);
    }
}

static void write_text(FILE *f, const sl_suggestion *x, size_t n, const sl_suggest_sizes *z,
                       int refs, int stop)
{
    if (refs)
        fprintf(f, "# %llu stories (%llu tokens) against the reference, %llu stories (%llu "
                   "tokens)\n", z->focus_stories, z->focus_tokens, z->ref_stories, z->ref_tokens);
    else
        fprintf(f, "# %llu stories with a theme hit (%llu tokens) against %llu without (%llu "
                   "tokens)\n", z->focus_stories, z->focus_tokens, z->ref_stories, z->ref_tokens);
    fprintf(f, "# G2: Dunning log-likelihood, + more frequent in the first; %s\n",
            stop ? "English stop words skipped" : "no stop list");
    size_t cw = strlen("candidate"), ew = strlen("example"), nw = 5, rw = 3, gw = 2;
    char g[64];
    for (size_t i = 0; i < n; i++) {
        size_t w = sl_display_width(x[i].text), e = sl_display_width(x[i].example);
        cw = w > cw ? w : cw;
        ew = e > ew ? e : ew;
        size_t a = (size_t)snprintf(NULL, 0, "%llu", x[i].count);
        size_t b = (size_t)snprintf(NULL, 0, "%llu", x[i].ref_count);
        size_t d = (size_t)snprintf(g, sizeof g, "%+.4f", x[i].g2);
        nw = a > nw ? a : nw;
        rw = b > rw ? b : rw;
        gw = d > gw ? d : gw;
    }
    sl_put_padded(f, "candidate", cw, 0, 0);
    fprintf(f, "  kind    %*s  %*s  %*s  ", (int)nw, "count", (int)rw, "ref", (int)gw, "G2");
    sl_put_padded(f, "example", ew, 0, 0);
    fputs("  stories\n", f);
    for (size_t i = 0; i < n; i++) {
        sl_put_padded(f, x[i].text, cw, 0, 0);
        snprintf(g, sizeof g, "%+.4f", x[i].g2);
        fprintf(f, "  %-6s  %*llu  %*llu  %*s  ", kind(&x[i]), (int)nw, x[i].count, (int)rw,
                x[i].ref_count, (int)gw, g);
        sl_put_padded(f, x[i].example, ew, 0, 0);
        fputs("  ", f);
        put_ids(f, &x[i]);
        fputc('\n', f);
    }
}

/* The candidate's story ids joined by commas, as one table cell. Caller
 * frees; NULL when out of memory. */
static char *joined_ids(const sl_suggestion *x)
{
    size_t len = 1;
    for (size_t j = 0; j < x->nids; j++)
        len += strlen(x->ids[j]) + 1;
    char *s = malloc(len), *p = s;
    if (!s)
        return NULL;
    *p = '\0';
    for (size_t j = 0; j < x->nids; j++)
        p += sprintf(p, "%s%s", j ? "," : "", x->ids[j]);
    return s;
}

/* The tidy table, TSV (sep '\t') or CSV (','): one candidate a row. */
static int write_table(FILE *f, char sep, const sl_suggestion *x, size_t n)
{
    fprintf(f, "candidate%ckind%ccount%creference_count%cg2%cexample%cids\n", sep, sep, sep, sep,
            sep, sep);
    for (size_t i = 0; i < n; i++) {
        char *ids = joined_ids(&x[i]);
        if (!ids)
            return EXIT_OSERR;
        sl_table_field(f, sep, x[i].text);
        fprintf(f, "%c%s%c%llu%c%llu%c%+.4f%c", sep, kind(&x[i]), sep, x[i].count, sep,
                x[i].ref_count, sep, x[i].g2, sep);
        sl_table_field(f, sep, x[i].example);
        fputc(sep, f);
        sl_table_field(f, sep, ids);
        fputc('\n', f);
        free(ids);
    }
    return EXIT_OK;
}

static int write_json(FILE *f, const sl_suggestion *x, size_t n, const sl_suggest_sizes *z,
                      int refs, int stop)
{
    json_t *cands = json_array();
    for (size_t i = 0; i < n; i++) {
        json_t *ids = json_array();
        for (size_t j = 0; j < x[i].nids; j++)
            json_array_append_new(ids, json_string(x[i].ids[j]));
        json_array_append_new(
            cands, json_pack("{s:s, s:s, s:I, s:I, s:f, s:s, s:o}", "text", x[i].text, "kind",
                             kind(&x[i]), "count", (json_int_t)x[i].count, "reference_count",
                             (json_int_t)x[i].ref_count, "g2", round(x[i].g2 * 1e4) / 1e4,
                             "example", x[i].example, "ids", ids));
    }
    json_t *root = json_pack(
        "{s:{s:s, s:I, s:I}, s:{s:s, s:I, s:I}, s:b, s:o}", "focus", "side",
        refs ? "every input story" : "stories with a theme hit", "documents",
        (json_int_t)z->focus_stories, "tokens", (json_int_t)z->focus_tokens, "reference",
        "side", refs ? "the --reference corpus" : "stories without a theme hit", "documents",
        (json_int_t)z->ref_stories, "tokens", (json_int_t)z->ref_tokens, "stop_words", stop,
        "candidates", cands);
    int bad = !root || json_dumpf(root, f, JSON_INDENT(2) | JSON_PRESERVE_ORDER |
                                               JSON_REAL_PRECISION(15)) != 0 ||
              fputc('\n', f) == EOF;
    json_decref(root);
    return bad ? EXIT_IOERR : EXIT_OK;
}

static int write_ranking(const cli_corpus *c, const settings *s, const feed *fd)
{
    sl_error err = {0};
    const sl_suggestion *x;
    size_t n;
    if (sl_suggest_rank(fd->sg, s->min_count, s->top, &x, &n, &err) != SL_OK)
        return cli_report(&err);
    sl_suggest_sizes z;
    sl_suggest_get_sizes(fd->sg, &z);
    int stop = sl_suggest_stop_words(fd->sg), refs = s->nrefs > 0;
    if (z.ref_tokens == 0)
        fprintf(stderr, "storylens: note: %s has no tokens, so every G2 is 0 and candidates "
                        "are ranked by count; give --reference PATH to compare\n",
                refs ? "the reference corpus" : "no story lacks a theme hit; the rest of the "
                                                "corpus");
    cli_output out;
    int rc = cli_output_open(&out, c->output);
    if (rc != EXIT_OK)
        return rc;
    const char *fmt = c->format ? c->format : "text";
    if (strcmp(fmt, "tsv") == 0 || strcmp(fmt, "csv") == 0)
        rc = write_table(out.f, fmt[0] == 't' ? '\t' : ',', x, n);
    else if (strcmp(fmt, "json") == 0)
        rc = write_json(out.f, x, n, &z, refs, stop);
    else
        write_text(out.f, x, n, &z, refs, stop);
    if (rc != EXIT_OK) {
        cli_output_abort(&out);
        return rc;
    }
    return cli_output_commit(&out);
}

int cmd_suggest(int argc, char **argv)
{
    settings s = {.top = 30, .ids = 5, .min_count = 3};
    cli_extra extra = {suggest_opts, NULL, apply_suggest, &s, cli_figure_options};
    cli_corpus c;
    int rc = cli_corpus_begin(&c, "suggest", argc, argv, suggest_help, &extra);
    if (rc >= 0) { /* --help, a usage error or no lexicon: nothing to run */
        cli_corpus_end(&c);
        free(s.refs);
        return rc;
    }
    if (rc < 0 && c.format && strcmp(c.format, "text") && strcmp(c.format, "tsv") &&
        strcmp(c.format, "csv") && strcmp(c.format, "json"))
        rc = cli_usage_error("suggest", "--format: \"%s\"; use text, tsv, csv or json",
                             c.format);
    if (rc < 0 && cli_output_refuse(c.output, s.refs, s.nrefs, CLI_IN_CORPUS,
                                    "--reference") != EXIT_OK)
        rc = EXIT_CANTCREAT;
    feed fd = {0};
    sl_error err = {0};
    unsigned flags = (s.nrefs ? SL_SUGGEST_REFERENCE : 0) | (s.keep_stop ? 0 : SL_SUGGEST_STOP_WORDS);
    if (rc < 0 && sl_suggest_new(&fd.sg, c.language, flags, s.ids, &err) != SL_OK)
        rc = cli_report(&err);
    if (rc < 0) {
        sl_options_set_story_handler(c.opts, on_story, &fd);
        rc = cli_corpus_run(&c);
    }
    if (rc == EXIT_OK && fd.status == SL_OK && s.nrefs)
        rc = run_reference(&c, &s, &fd);
    if (rc == EXIT_OK && fd.status != SL_OK)
        rc = cli_report(&fd.err);
    if (rc == EXIT_OK)
        rc = write_ranking(&c, &s, &fd);
    sl_suggest_free(fd.sg);
    cli_corpus_end(&c);
    free(s.refs);
    return rc < 0 ? EXIT_OK : rc;
}

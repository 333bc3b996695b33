/*
 * explain.c - storylens explain: for every entry, the distinct surface
 * forms it matched in the corpus, and the entries that matched nothing.
 *
 * The library's sl_explain does the counting from the story handler; this
 * file parses options and lays the result out as an aligned text report,
 * JSON or a tidy TSV table.
 */
#include <getopt.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const char explain_help[] =
    "usage: storylens explain [OPTIONS] [INPUT...]\n"
    "\n"
    "For every entry of every theme, the distinct words and phrases it matched in\n"
    "the INPUTs with their counts (most first, then alphabetically), and the\n"
    "entries that matched nothing. Matches are shown case-folded, with each run\n"
    "of white space as one space. A hit is listed under its entry's own theme.\n"
    "\n"
    "  -l, --lexicon PATH      a .lex file or a directory of them (repeatable)\n"
    "      --language NAME     --text-field NAME  --id-field NAME  --input-format F\n"
    "      --delimiter C       --encoding NAME    (as for analyse)\n"
    "      --sheet NAME        --split-on UNIT   as for analyse\n"
    "  -j, --threads N         as for analyse\n"
    "      --allow-duplicate-ids  as for analyse\n"
    "      --allow-empty       an empty answer for a corpus of no stories (default: an\n"
    "                          error, exit 65)\n"
    "  -f, --format F          text (default, aligned), json, tsv or csv\n"
    "                          (tsv and csv columns: theme, entry, match, count;\n"
    "                          an entry that matched nothing has one row with\n"
    "                          count 0)\n"
    "  -o, --output FILE       write to FILE atomically (default standard output)\n"
    "  -h, --help              this help\n";

typedef struct collect {
    sl_explain *ex;
    sl_status status;
    sl_error err;
} collect;

static void on_story(void *user, const sl_story_view *story, const sl_hit_view *hits, size_t n)
{
    collect *c = user;
    if (c->status == SL_OK)
        c->status = sl_explain_add(c->ex, story, hits, n, &c->err);
}

/* The entries (not exclusions) of theme t that matched / did not. */
static size_t theme_entries(const sl_lexicon *lex, size_t t, size_t *idx)
{
    size_t n = 0, theme;
    int excl;
    for (size_t i = 0; i < sl_lexicon_entry_count(lex); i++)
        if (sl_lexicon_entry(lex, i, &theme, &excl) && theme == t && !excl)
            idx[n++] = i;
    return n;
}

static void text_theme(FILE *f, const sl_lexicon *lex, sl_explain *ex, size_t t,
                       const size_t *idx, size_t n)
{
    size_t ew = 0, cw = 1, matched = 0;
    unsigned long long total = 0;
    for (size_t k = 0; k < n; k++) {
        size_t ns;
        const sl_surface *s = sl_explain_surfaces(ex, idx[k], &ns);
        if (ns == 0)
            continue;
        matched++;
        size_t w = sl_display_width(sl_lexicon_entry(lex, idx[k], NULL, NULL));
        ew = w > ew ? w : ew;
        for (size_t j = 0; j < ns; j++) {
            total += s[j].count;
            int d = snprintf(NULL, 0, "%llu", s[j].count);
            cw = (size_t)d > cw ? (size_t)d : cw;
        }
    }
    fprintf(f, "%s  (%llu hit%s; %zu of %zu entries matched)\n", sl_lexicon_theme_name(lex, t),
            total, total == 1 ? "" : "s", matched, n);
    for (size_t k = 0; k < n; k++) {
        size_t ns;
        const sl_surface *s = sl_explain_surfaces(ex, idx[k], &ns);
        for (size_t j = 0; j < ns; j++) {
            fputs("  ", f);
            sl_put_padded(f, j == 0 ? sl_lexicon_entry(lex, idx[k], NULL, NULL) : "", ew, 0, 0);
            fprintf(f, "  %*llu  %s\n", (int)cw, s[j].count, s[j].text);
        }
    }
    if (matched < n) {
        fputs("  matched nothing:\n", f);
        for (size_t k = 0; k < n; k++) {
            size_t ns;
            sl_explain_surfaces(ex, idx[k], &ns);
            if (ns == 0)
                fprintf(f, "    %s\n", sl_lexicon_entry(lex, idx[k], NULL, NULL));
        }
    }
}

/* The tidy table of one theme, TSV (sep '\t') or CSV (','). */
static void write_table_theme(FILE *f, char sep, const sl_lexicon *lex, sl_explain *ex, size_t t,
                              const size_t *idx, size_t n)
{
    for (size_t k = 0; k < n; k++) {
        size_t ns;
        const sl_surface *s = sl_explain_surfaces(ex, idx[k], &ns);
        const char *entry = sl_lexicon_entry(lex, idx[k], NULL, NULL);
        for (size_t j = 0; j < (ns ? ns : 1); j++) {
            sl_table_field(f, sep, sl_lexicon_theme_name(lex, t));
            fputc(sep, f);
            sl_table_field(f, sep, entry);
            fputc(sep, f);
            sl_table_field(f, sep, ns ? s[j].text : "");
            fprintf(f, "%c%llu\n", sep, ns ? s[j].count : 0ULL);
        }
    }
}

static json_t *json_theme(const sl_lexicon *lex, sl_explain *ex, const size_t *idx, size_t n)
{
    json_t *th = json_object(), *entries = json_array(), *unmatched = json_array();
    unsigned long long total = 0;
    for (size_t k = 0; k < n; k++) {
        size_t ns;
        const sl_surface *s = sl_explain_surfaces(ex, idx[k], &ns);
        const char *entry = sl_lexicon_entry(lex, idx[k], NULL, NULL);
        json_t *matches = json_array();
        unsigned long long hits = 0;
        for (size_t j = 0; j < ns; j++) {
            hits += s[j].count;
            json_array_append_new(matches, json_pack("{s:s, s:I}", "text", s[j].text, "count",
                                                     (json_int_t)s[j].count));
        }
        total += hits;
        json_array_append_new(entries, json_pack("{s:s, s:I, s:o}", "entry", entry, "hits",
                                                 (json_int_t)hits, "matches", matches));
        if (ns == 0)
            json_array_append_new(unmatched, json_string(entry));
    }
    json_object_set_new(th, "hits", json_integer((json_int_t)total));
    json_object_set_new(th, "entries", entries);
    json_object_set_new(th, "unmatched", unmatched);
    return th;
}

static int write_report(FILE *f, const char *format, const sl_lexicon *lex, sl_explain *ex)
{
    size_t *idx = malloc((sl_lexicon_entry_count(lex) + 1) * sizeof *idx);
    json_t *root = json_object(), *themes = json_object();
    if (!idx || !root || !themes) {
        free(idx);
        json_decref(root);
        json_decref(themes);
        return EXIT_OSERR;
    }
    json_object_set_new(root, "matches", json_string("case-folded, white space collapsed"));
    json_object_set_new(root, "themes", themes);
    int text = !format || strcmp(format, "text") == 0;
    char sep = !format ? 0 : !strcmp(format, "tsv") ? '\t' : !strcmp(format, "csv") ? ',' : 0;
    if (sep)
        fprintf(f, "theme%centry%cmatch%ccount\n", sep, sep, sep);
    int first = 1;
    for (size_t t = 0; t < sl_lexicon_theme_count(lex); t++) {
        size_t n = theme_entries(lex, t, idx);
        if (n == 0)
            continue; /* a parent with no entries of its own */
        if (text) {
            if (!first)
                fputc('\n', f);
            text_theme(f, lex, ex, t, idx, n);
        } else if (sep)
            write_table_theme(f, sep, lex, ex, t, idx, n);
        else
            json_object_set_new(themes, sl_lexicon_theme_name(lex, t), json_theme(lex, ex, idx, n));
        first = 0;
    }
    int rc = EXIT_OK;
    if (!text && !sep &&
        (json_dumpf(root, f, JSON_INDENT(2) | JSON_PRESERVE_ORDER) != 0 || fputc('\n', f) == EOF))
        rc = EXIT_IOERR;
    json_decref(root);
    free(idx);
    return rc;
}

int cmd_explain(int argc, char **argv)
{
    static const struct option none[] = {{NULL, 0, NULL, 0}};
    const cli_extra extra = {none, NULL, NULL, NULL, cli_figure_options};
    cli_corpus c;
    int rc = cli_corpus_begin(&c, "explain", argc, argv, explain_help, &extra);
    if (rc >= 0) { /* --help, a usage error or no lexicon: nothing to run */
        cli_corpus_end(&c);
        return rc;
    }
    if (rc < 0 && c.format && strcmp(c.format, "text") && strcmp(c.format, "json") &&
        strcmp(c.format, "tsv") && strcmp(c.format, "csv"))
        rc = cli_usage_error("explain", "--format: \"%s\"; use text, json, tsv or csv",
                             c.format);
    collect col = {0};
    if (rc < 0 && sl_explain_new(&col.ex, c.lex) != SL_OK)
        rc = EXIT_OSERR;
    if (rc < 0) {
        sl_options_set_story_handler(c.opts, on_story, &col);
        rc = cli_corpus_run(&c);
    }
    if (rc == EXIT_OK && col.status != SL_OK)
        rc = cli_report(&col.err);
    cli_output out;
    if (rc == EXIT_OK && (rc = cli_output_open(&out, c.output)) == EXIT_OK) {
        rc = write_report(out.f, c.format, c.lex, col.ex);
        if (rc == EXIT_OK)
            rc = cli_output_commit(&out);
        else
            cli_output_abort(&out);
    }
    sl_explain_free(col.ex);
    cli_corpus_end(&c);
    return rc < 0 ? EXIT_OK : rc;
}

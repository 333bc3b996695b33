/*
 * report.c - storylens report: the figures of an analysis and quotes from
 * its stories as one self-contained HTML page.
 *
 * Two sources of figures, one page. Given INPUTs, the command runs the
 * analysis as analyse does (the same options, through the corpus
 * commands' shared front end) with a story handler that keeps each
 * theme's quotes, and reads the figures back from the analysis JSON it
 * writes in memory. Given --analysis FILE (e.g. what merge wrote), the
 * figures are that file's; INPUTs named then are read only for quotes,
 * with the lexicons checked against the file's by SHA-256 so the quotes
 * are of the same themes. The page (report_write.c) is made from the
 * JSON either way, so it cannot differ from what analyse reports.
 */
#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "report.h"

static const char report_help[] =
    "usage: storylens report [OPTIONS] [INPUT...]\n"
    "       storylens report --analysis FILE [OPTIONS] [INPUT...]\n"
    "\n"
    "Writes one self-contained HTML page (inline CSS and SVG; no script, font or\n"
    "address fetched; A4 print styles) to send or print to PDF: 1. corpus and\n"
    "provenance (version, inputs, lexicons with short SHA-256, settings), 2. a\n"
    "table of the themes (stories, share with its interval, direction in stories),\n"
    "3. a share chart, 4. for each --by field its table (with the group tests'\n"
    "adjusted p) and chart, 5. a heat map of themes found in the same story, and\n"
    "6. quotes: for each theme up to N whole sentences around its hits, each from\n"
    "a different story, with the story's id and metadata and the matched words\n"
    "marked. Quotes are chosen the same way every run: a hit whose direction a\n"
    "change trigger decided first, then the shorter sentence, then input order.\n"
    "\n"
    "The INPUTs and all of analyse's options are read as analyse reads them\n"
    "(see 'storylens analyse --help'), except --format, --per-document and --bom.\n"
    "\n"
    "      --analysis FILE     take the figures from FILE, an analysis JSON (from\n"
    "                          analyse or merge). INPUTs named as well are read for\n"
    "                          the quotes only, with the lexicons FILE was made with\n"
    "                          (-l; a different SHA-256 is an error, 65); with no\n"
    "                          INPUT the page says there are no quotes. The figure\n"
    "                          options (--by, --cooccurrence, --confidence, --adjust,\n"
    "                          --calibration) are FILE's and cannot be given\n"
    "      --quotes N          quotes per theme, 0 to 10 (default 3)\n"
    "  -o, --output FILE       write to FILE atomically (default standard output)\n"
    "  -h, --help              this help\n"
    "\n"
    "exit status: 0 ok, 64 usage, 65 bad data, lexicon or analysis, 66 no input,\n"
    "             70 internal error, 71 out of memory, 73 cannot create output, 74 I/O error\n";

enum { OPT_ANALYSIS = 512, OPT_QUOTES };

static const struct option report_opts[] = {
    {"analysis", required_argument, NULL, OPT_ANALYSIS},
    {"quotes", required_argument, NULL, OPT_QUOTES},
    {NULL, 0, NULL, 0},
};

/* What a page has no use for, and with --analysis the figures' options. */
static const char *const page_refuses[] = {"format", "per-document", "bom", NULL};
static const char *const analysis_refuses[] = {
    "format", "per-document", "bom", "by", "cooccurrence", "confidence", "adjust",
    "calibration", "allow-different-lexicons", NULL};

typedef struct report_args {
    const char *analysis;
    long quotes;
} report_args;

static int apply_report(void *ctx, int c, const char *arg)
{
    report_args *r = ctx;
    char *end;
    switch (c) {
    case OPT_ANALYSIS: r->analysis = arg; return -1;
    case OPT_QUOTES:
        r->quotes = strtol(arg, &end, 10);
        if (*arg && !*end && r->quotes >= 0 && r->quotes <= 10)
            return -1;
        return cli_usage_error("report", "--quotes: \"%s\"; give a number from 0 to 10", arg);
    }
    return cli_usage_error("report", "unknown option");
}

/* --analysis among the arguments, before getopt reads them: it decides
 * which shared options are refused. */
static int names_analysis(int argc, char **argv)
{
    for (int i = 1; i < argc && strcmp(argv[i], "--") != 0; i++)
        if (strcmp(argv[i], "--analysis") == 0 || strncmp(argv[i], "--analysis=", 11) == 0)
            return 1;
    return 0;
}

/* ---- the figures ------------------------------------------------------ */

/* Runs the INPUTs with the quotes' story handler; *doc is the analysis
 * JSON, parsed. An exit status. */
static int run(const cli_corpus *c, report_quotes *rq, json_t **doc)
{
    sl_error err = {0};
    sl_analysis *an;
    *doc = NULL;
    sl_options_set_story_handler(c->opts, report_quotes_story, rq);
    if (sl_analysis_new(&an, c->lex, c->opts, &err) != SL_OK)
        return cli_report(&err);
    int rc = cli_corpus_add_inputs(c, an);
    char *buf = NULL;
    size_t len = 0;
    FILE *m = rc == EXIT_OK ? open_memstream(&buf, &len) : NULL;
    if (rc == EXIT_OK && !m)
        rc = EXIT_OSERR;
    if (m) {
        sl_status s = sl_analysis_write(an, m, SL_FORMAT_JSON, &err);
        if (fclose(m) != 0 && s == SL_OK)
            rc = EXIT_OSERR;
        if (s != SL_OK)
            rc = cli_report(&err);
    }
    if (rc == EXIT_OK && rq->nomem)
        rc = EXIT_OSERR;
    json_error_t jerr;
    if (rc == EXIT_OK && !(*doc = json_loadb(buf, len, 0, &jerr)))
        rc = EXIT_SOFTWARE; /* our own JSON always parses */
    free(buf);
    sl_analysis_free(an);
    return rc;
}

static int load_analysis(const char *path, json_t **doc)
{
    json_error_t jerr;
    if (access(path, R_OK) != 0) {
        fprintf(stderr, "storylens: %s: cannot open the analysis: %s; give the JSON that "
                        "'storylens analyse' or 'storylens merge' wrote\n", path, strerror(errno));
        return EXIT_NOINPUT;
    }
    if (!(*doc = json_load_file(path, 0, &jerr))) {
        fprintf(stderr, "storylens: %s:%d:%d: not an analysis JSON: %s; give the JSON that "
                        "'storylens analyse' or 'storylens merge' wrote\n",
                path, jerr.line, jerr.column, jerr.text);
        return EXIT_DATAERR;
    }
    return EXIT_OK;
}

/* The lexicons' SHA-256s of two analyses, in order: 1 when the same. */
static int same_lexicons(const json_t *a, const json_t *b)
{
    const json_t *la = json_object_get(a, "lexicons"), *lb = json_object_get(b, "lexicons");
    if (json_array_size(la) != json_array_size(lb))
        return 0;
    for (size_t i = 0; i < json_array_size(la); i++)
        if (strcmp(report_str(json_array_get(la, i), "sha256"),
                   report_str(json_array_get(lb, i), "sha256")) != 0)
            return 0;
    return 1;
}

/* With --analysis and INPUTs: the stories re-read, for quotes only. */
static int quotes_for(const cli_corpus *c, const char *path, const json_t *doc,
                      report_quotes *rq)
{
    json_t *fresh;
    int rc = run(c, rq, &fresh);
    if (rc == EXIT_OK && !same_lexicons(doc, fresh)) {
        fprintf(stderr, "storylens: %s was made with other lexicons than these (their SHA-256 "
                        "differ): its themes may not be these; give with -l the lexicon files "
                        "the analysis lists under .lexicons\n", path);
        rc = EXIT_DATAERR;
    }
    double want = report_num(json_object_get(doc, "corpus"), "documents");
    double got = report_num(json_object_get(fresh, "corpus"), "documents");
    if (rc == EXIT_OK && want != got)
        fprintf(stderr, "storylens: warning: %s counts %.0f stories, the INPUTs hold %.0f: "
                        "the quotes may come from stories the figures do not count\n",
                path, want, got);
    json_decref(fresh);
    return rc;
}

/* ---- the command ------------------------------------------------------ */

static int write_page(const cli_corpus *c, const json_t *doc, const report_source *src)
{
    cli_output out;
    const char *why = NULL;
    int rc = cli_output_open(&out, c->output);
    if (rc != EXIT_OK)
        return rc;
    if (report_write(out.f, doc, src, &why) != 0) {
        cli_output_abort(&out);
        fprintf(stderr, "storylens: %s: %s\n", src->analysis ? src->analysis : "-", why);
        return EXIT_DATAERR;
    }
    return cli_output_commit(&out);
}

static int report(cli_corpus *c, const report_args *r)
{
    report_quotes rq;
    json_t *doc = NULL;
    sl_calibration *cal = NULL;
    report_source src = {r->analysis, c->inputs, c->ninputs, &rq, NULL};
    if (report_quotes_init(&rq, c->lex, (size_t)r->quotes) != 0) {
        report_quotes_free(&rq);
        return EXIT_OSERR;
    }
    int rc = cli_load_calibration(c->calibration, c->allow_other_lexicons, c->lex, c->opts, &cal);
    if (rc == EXIT_OK && r->analysis)
        rc = cli_output_refuse(c->output, &r->analysis, 1, CLI_IN_FILE, "analysis");
    if (rc == EXIT_OK && r->analysis)
        rc = load_analysis(r->analysis, &doc);
    if (rc == EXIT_OK && r->analysis && c->ninputs)
        rc = quotes_for(c, r->analysis, doc, &rq);
    else if (rc == EXIT_OK && r->analysis) {
        src.quotes = NULL;
        src.no_quotes = "No quotes: the figures come from an analysis JSON and no stories "
                        "were named. Name the INPUTs the analysis was made from after "
                        "--analysis FILE to quote them.";
    } else if (rc == EXIT_OK)
        rc = run(c, &rq, &doc);
    if (rc == EXIT_OK)
        rc = write_page(c, doc, &src);
    json_decref(doc);
    sl_calibration_free(cal);
    report_quotes_free(&rq);
    return rc;
}

int cmd_report(int argc, char **argv)
{
    report_args r = {NULL, 3};
    int from_file = names_analysis(argc, argv);
    cli_extra extra = {report_opts, NULL, apply_report, &r,
                       from_file ? analysis_refuses : page_refuses};
    cli_corpus c;
    int rc = cli_corpus_begin(&c, "report", argc, argv, report_help, &extra);
    if (rc < 0 && r.analysis && !from_file)
        rc = cli_usage_error("report", "give --analysis in full, not shortened");
    if (rc < 0)
        rc = report(&c, &r);
    cli_corpus_end(&c);
    return rc;
}

/*
 * eval.c - the eval command: hand codes and a corpus in, the lexicon's
 * agreement with the codes out. The library does the scoring through the
 * analysis story handler; the options, lexicons and inputs go through the
 * corpus commands' shared front end (cli_corpus_begin), and this file adds
 * --gold, the output file and the exit status. With --tests it runs the
 * lexicons' example sentences instead (sl_lexicon_check_examples): one
 * PASS or FAIL line each, exit 1 when any fails.
 */
#include <getopt.h>
#include <stdlib.h>

#include "cli.h"

static const char eval_help[] =
    "usage: storylens eval --gold CODES.csv [OPTIONS] [INPUT...]\n"
    "       storylens eval --tests [OPTIONS]\n"
    "\n"
    "Scores the lexicons against hand-coded stories. CODES.csv has an id column\n"
    "and one column per theme holding 1 (present), 0 (absent) or nothing / ?\n"
    "(not coded). A story shows a theme when the lexicon counts at least one hit\n"
    "for it. Prints per theme and overall (micro and macro) tp, fp, fn, tn,\n"
    "precision, recall, F1 and Cohen's kappa, with the ids of the false positives\n"
    "and false negatives.\n"
    "\n"
    "A column THEME:direction holds improved, worsened, mentioned or nothing / ?\n"
    "and is scored against the story's net direction for THEME (a story with no\n"
    "hit of THEME is \"absent\", always wrong): accuracy, per-class precision,\n"
    "recall and F1, macro F1, Cohen's kappa, the confusion matrix, mismatches.\n"
    "\n"
    "With --tests, runs the example sentences of the lexicons instead (no --gold,\n"
    "no INPUT): each example must match its theme (or a sub-theme) and get the\n"
    "direction it names (checked unless --no-direction), each counterexample must\n"
    "not match. Prints one line per example, PASS|FAIL FILE:LINE [THEME] want/got:\n"
    "TEXT (want and got: match, no-match or a direction), then N examples, K failed.\n"
    "\n"
    "  -g, --gold FILE         the hand codes (.csv or .tsv); required unless --tests\n"
    "      --tests             check the lexicons' example sentences\n"
    "  -l, --lexicon PATH      a lexicon file or directory (repeatable); default: bundled\n"
    "      --language NAME     Snowball stemmer (default english)\n"
    "      --id-field NAME     id column of the corpus and of CODES (default id)\n"
    "      --text-field NAME   JSONL/CSV field with the story text (default text)\n"
    "      --delimiter C       CSV field separator of the corpus: , ; tab or |\n"
    "      --encoding NAME     the corpus's encoding, e.g. windows-1252 (default UTF-8)\n"
    "      --input-format F    format of standard input: jsonl (default), csv, tsv, txt\n"
    "      --sheet NAME        --split-on UNIT   as for analyse\n"
    "  -f, --format F          json (default), tsv, csv or text\n"
    "  -o, --output FILE       write to FILE atomically (default standard output)\n"
    "  -j, --threads N         worker threads (default: all cores)\n"
    "      --allow-duplicate-ids  count a story id met twice (default: an error)\n"
    "      --allow-empty       score a corpus of no stories (default: an error, exit 65)\n"
    "      --modifiers PATH    modifier lexicons for the direction (repeatable; default:\n"
    "                          the bundled ones)\n"
    "      --no-direction      no direction of change (refused with direction columns)\n"
    "      --skip-invalid      leave malformed records out, with a warning\n"
    "  -q, --quiet             no progress line or warnings\n"
    "  -h, --help              this help\n"
    "\n"
    "exit status: 0 ok, 1 an example failed (--tests), 64 usage, 65 bad codes,\n"
    "             corpus or lexicon, 66 no input\n";

enum { OPT_GOLD = 'g', OPT_TESTS = 512 };

static const struct option eval_opts[] = {
    {"gold", required_argument, NULL, OPT_GOLD},
    {"tests", no_argument, NULL, OPT_TESTS},
    {NULL, 0, NULL, 0},
};

typedef struct eval_args {
    const char *gold;
    int tests;
} eval_args;

static int apply_eval(void *ctx, int c, const char *arg)
{
    eval_args *e = ctx;
    if (c == OPT_GOLD)
        e->gold = arg;
    else if (c == OPT_TESTS)
        e->tests = 1;
    else
        return cli_usage_error("eval", "unknown option");
    return -1;
}

/* ---- eval --tests ---------------------------------------------------- */

typedef struct tests_out {
    FILE *f;
    size_t n;
} tests_out;

/* What an example wanted or got: a direction, else match or no-match. */
static const char *outcome(int matched, sl_direction d)
{
    return !matched ? "no-match" : d != SL_DIRECTION_NONE ? sl_direction_name(d) : "match";
}

static void print_example(void *user, const sl_example_result *r)
{
    tests_out *t = user;
    t->n++;
    fprintf(t->f, "%s %s:%u [%s] %s/%s: %s\n", r->passed ? "PASS" : "FAIL", r->file, r->line,
            r->theme, outcome(r->must_match, r->want),
            outcome(r->matched, r->want != SL_DIRECTION_NONE ? r->got : SL_DIRECTION_NONE),
            r->text);
}

/* Runs the lexicons' examples; 0 all passed, 1 one failed, or an error. */
static int tests_run(const cli_corpus *c)
{
    sl_error err = {0};
    cli_output out;
    int rc = cli_output_open(&out, c->output);
    if (rc != EXIT_OK)
        return rc;
    tests_out t = {out.f, 0};
    size_t failed = 0;
    if (sl_lexicon_check_examples(c->lex, c->opts, print_example, &t, &failed, &err) != SL_OK)
        return cli_output_fail(&out, &err);
    fprintf(out.f, "%zu example%s, %zu failed\n", t.n, t.n == 1 ? "" : "s", failed);
    rc = cli_output_commit(&out);
    return rc != EXIT_OK ? rc : failed ? 1 : EXIT_OK;
}

/* Runs the corpus with the evaluation as its story handler, then writes. */
static int eval_run(const cli_corpus *c, sl_eval *ev, sl_format fmt)
{
    sl_error err = {0};
    sl_options_set_story_handler(c->opts, sl_eval_story, ev);
    int rc = cli_corpus_run(c);
    if (rc != EXIT_OK)
        return rc;
    cli_output out;
    rc = cli_output_open(&out, c->output);
    if (rc != EXIT_OK)
        return rc;
    if (sl_eval_write(ev, out.f, fmt, &err) != SL_OK)
        return cli_output_fail(&out, &err);
    return cli_output_commit(&out);
}

int cmd_eval(int argc, char **argv)
{
    eval_args e = {0};
    const cli_extra extra = {eval_opts, "g:", apply_eval, &e, cli_figure_options};
    cli_corpus c;
    int rc = cli_corpus_begin(&c, "eval", argc, argv, eval_help, &extra);
    sl_format fmt = SL_FORMAT_JSON;
    if (rc < 0 && e.tests) {
        if (e.gold)
            rc = cli_usage_error("eval", "--tests checks the lexicons' examples and reads no "
                                         "--gold; give one of them");
        else if (c.ninputs)
            rc = cli_usage_error("eval", "--tests reads no INPUT; leave the inputs out");
        else if (c.format)
            rc = cli_usage_error("eval", "--tests prints one line per example; leave out "
                                         "--format");
        else
            rc = tests_run(&c);
        cli_corpus_end(&c);
        return rc;
    }
    if (rc < 0 && !e.gold)
        rc = cli_usage_error("eval", "--gold CODES.csv is required (or --tests)");
    if (rc < 0 && cli_parse_format(c.format, &fmt) != 0)
        rc = cli_usage_error("eval", "--format: \"%s\"; use json, tsv, csv or text", c.format);
    if (rc < 0 && cli_output_refuse(c.output, &e.gold, 1, CLI_IN_FILE, "--gold file") != EXIT_OK)
        rc = EXIT_CANTCREAT;
    sl_gold *gold = NULL;
    sl_eval *ev = NULL;
    sl_error err = {0};
    if (rc < 0 && sl_gold_load(&gold, e.gold, c.id_field, &err) != SL_OK)
        rc = cli_report(&err);
    if (rc < 0 && sl_eval_new(&ev, gold, c.lex, &err) != SL_OK)
        rc = cli_report(&err);
    if (rc < 0)
        rc = eval_run(&c, ev, fmt);
    sl_eval_free(ev);
    sl_gold_free(gold);
    cli_corpus_end(&c);
    return rc;
}

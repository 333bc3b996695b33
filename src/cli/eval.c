/*
 * eval.c - the eval command: hand codes and a corpus in, the lexicon's
 * agreement with the codes out. The library does the scoring through the
 * analysis story handler; the options, lexicons and inputs go through the
 * corpus commands' shared front end (cli_corpus_begin), and this file adds
 * --gold, the output file and the exit status.
 */
#include <getopt.h>
#include <stdlib.h>

#include "cli.h"

static const char eval_help[] =
    "usage: storylens eval --gold CODES.csv [OPTIONS] [INPUT...]\n"
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
    "  -g, --gold FILE         the hand codes (.csv or .tsv); required\n"
    "  -l, --lexicon PATH      a lexicon file or directory (repeatable); default: bundled\n"
    "      --language NAME     Snowball stemmer (default english)\n"
    "      --id-field NAME     id column of the corpus and of CODES (default id)\n"
    "      --text-field NAME   JSONL/CSV field with the story text (default text)\n"
    "      --input-format F    format of standard input: jsonl (default), csv, tsv, txt\n"
    "  -f, --format F          json (default), tsv, csv or table\n"
    "  -o, --output FILE       write to FILE atomically (default standard output)\n"
    "  -j, --threads N         worker threads (default: all cores)\n"
    "      --modifiers PATH    modifier lexicons for the direction (repeatable; default:\n"
    "                          the bundled ones)\n"
    "      --no-direction      no direction of change (refused with direction columns)\n"
    "      --skip-invalid      leave malformed records out, with a warning\n"
    "  -q, --quiet             no progress line or warnings\n"
    "  -h, --help              this help\n"
    "\n"
    "exit status: 0 ok, 64 usage, 65 bad codes, corpus or lexicon, 66 no input\n";

enum { OPT_GOLD = 'g' };

static const struct option gold_opt[] = {
    {"gold", required_argument, NULL, OPT_GOLD},
    {NULL, 0, NULL, 0},
};

static int apply_gold(void *ctx, int c, const char *arg)
{
    if (c != OPT_GOLD)
        return cli_usage_error("eval", "unknown option");
    *(const char **)ctx = arg;
    return -1;
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
    const char *gold_path = NULL;
    const cli_extra extra = {gold_opt, "g:", apply_gold, &gold_path, cli_figure_options};
    cli_corpus c;
    int rc = cli_corpus_begin(&c, "eval", argc, argv, eval_help, &extra);
    sl_format fmt = SL_FORMAT_JSON;
    if (rc < 0 && !gold_path)
        rc = cli_usage_error("eval", "--gold CODES.csv is required");
    if (rc < 0 && cli_parse_format(c.format, &fmt) != 0)
        rc = cli_usage_error("eval", "--format: \"%s\"; use json, tsv, csv or table", c.format);
    sl_gold *gold = NULL;
    sl_eval *ev = NULL;
    sl_error err = {0};
    if (rc < 0 && sl_gold_load(&gold, gold_path, c.id_field, &err) != SL_OK)
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

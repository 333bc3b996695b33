/*
 * merge.c - "storylens merge": one analysis from the analyses of shards.
 *
 * The reducer of a sharded run (scripts/parallel-analyse, Hadoop
 * Streaming): it takes the JSON parts, sets itself up with the first
 * part's settings, loads the lexicons (the defaults, or -l as given to
 * analyse: the output records these paths, while parts are checked by
 * sha256 only) and writes what one run over the whole corpus would.
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const char merge_help[] =
    "usage: storylens merge [OPTIONS] PART.json...\n"
    "\n"
    "Add up the JSON analyses of disjoint shards of a corpus into exactly the\n"
    "output one \"storylens analyse\" over the whole corpus gives. Parts made with\n"
    "other lexicons (by sha256) or other settings are refused. --per-document\n"
    "rows follow the order of the parts: give them in corpus order.\n"
    "\n"
    "options:\n"
    "  -l, --lexicon PATH      the lexicon files or folders the shards were analysed\n"
    "                          with, as given to analyse (repeatable; default: the\n"
    "                          bundled lexicons)\n"
    "      --modifiers PATH    the modifier lexicons the shards were analysed with\n"
    "                          (repeatable; default: the bundled ones), when they\n"
    "                          have direction of change\n"
    "      --confidence LEVEL  --adjust METHOD  --calibration EVAL\n"
    "      --allow-different-lexicons   as for analyse: the intervals, tests and\n"
    "                          corrected shares are derived when the merge is written\n"
    "  -f, --format FORMAT     json (default), tsv, csv, text, or wide / wide-tsv /\n"
    "                          xlsx / jsonl (a row or line a story: the parts need\n"
    "                          --per-document)\n"
    "      --bom               start a CSV/TSV with a UTF-8 byte order mark (Excel)\n"
    "  -o, --output FILE       write here (atomically) instead of standard output\n"
    "  -h, --help              this help\n";

typedef struct merge_args {
    const char **lexicons;
    size_t nlexicons;
    const char **modifiers;
    size_t nmodifiers;
    const char *format, *output;
    const char *calibration, *confidence, *adjust;
    int allow_other;
    int bom;
    char **parts;
    size_t nparts;
} merge_args;

static const struct option merge_opts[] = {
    {"lexicon", required_argument, NULL, 'l'}, {"format", required_argument, NULL, 'f'},
    {"output", required_argument, NULL, 'o'},  {"help", no_argument, NULL, 'h'},
    {"modifiers", required_argument, NULL, 'm'},
    {"confidence", required_argument, NULL, 'c'},
    {"adjust", required_argument, NULL, 'a'},
    {"calibration", required_argument, NULL, 'k'},
    {"allow-different-lexicons", no_argument, NULL, 'A'},
    {"bom", no_argument, NULL, 'B'},
    {NULL, 0, NULL, 0},
};

/* Returns -1 to go on, else an exit status. The statistics options are
 * checked here but applied to the options made from the first part. */
static int parse(merge_args *a, sl_options *stats, int argc, char **argv)
{
    optind = 1;
    opterr = 0;
    int c;
    while ((c = getopt_long(argc, argv, "l:f:o:h", merge_opts, NULL)) != -1) {
        switch (c) {
        case 'h':
            fputs(merge_help, stdout);
            return EXIT_OK;
        case 'l':
            if (cli_push_arg(&a->lexicons, &a->nlexicons, optarg) != EXIT_OK)
                return EXIT_OSERR;
            break;
        case 'f': a->format = optarg; break;
        case 'm':
            if (cli_push_arg(&a->modifiers, &a->nmodifiers, optarg) != EXIT_OK)
                return EXIT_OSERR;
            break;
        case 'o': a->output = optarg; break;
        case 'c':
            if (cli_parse_confidence(optarg, stats) != 0)
                return cli_usage_error("merge", "--confidence: \"%s\"; give a level from 0.5 "
                                                "to below 1, e.g. 0.90, 0.95 or 0.99", optarg);
            a->confidence = optarg;
            break;
        case 'a':
            if (cli_parse_adjust(optarg, stats) != 0)
                return cli_usage_error("merge", "--adjust: \"%s\"; use holm or bh", optarg);
            a->adjust = optarg;
            break;
        case 'k': a->calibration = optarg; break;
        case 'A': a->allow_other = 1; break;
        case 'B': a->bom = 1; break;
        default:
            return cli_usage_error("merge", "bad option \"%s\"", argv[optind - 1]);
        }
    }
    a->parts = argv + optind;
    a->nparts = (size_t)(argc - optind);
    if (a->nparts == 0)
        return cli_usage_error("merge", "no parts given; name the JSON files analyse wrote");
    return -1;
}

/* -o must not name a part or a lexicon of the merge. */
static int refuse_inputs(const merge_args *a)
{
    const char *const *parts = (const char *const *)a->parts;
    int rc = cli_output_refuse(a->output, parts, a->nparts, CLI_IN_FILE, "part");
    if (rc == EXIT_OK)
        rc = cli_output_refuse_lexicons(a->output, a->lexicons, a->nlexicons, NULL, "lexicon");
    if (rc == EXIT_OK)
        rc = cli_output_refuse_lexicons(a->output, a->modifiers, a->nmodifiers, "modifiers",
                                        "modifier lexicon");
    if (rc == EXIT_OK && a->calibration)
        rc = cli_output_refuse(a->output, &a->calibration, 1, CLI_IN_FILE, "calibration");
    return rc;
}

static int run(const merge_args *a, const sl_lexicon *lex, const sl_options *opts, sl_format fmt)
{
    sl_error err = {0};
    sl_analysis *an;
    if (sl_analysis_new(&an, lex, opts, &err) != SL_OK)
        return cli_report(&err);
    int rc = EXIT_OK;
    for (size_t i = 0; rc == EXIT_OK && i < a->nparts; i++)
        if (sl_analysis_add_part(an, a->parts[i], &err) != SL_OK)
            rc = cli_report(&err);
    cli_output out;
    if (rc == EXIT_OK)
        rc = cli_output_open(&out, a->output);
    if (rc == EXIT_OK) {
        if (sl_analysis_write(an, out.f, fmt, &err) != SL_OK)
            rc = cli_output_fail(&out, &err);
        else
            rc = cli_output_commit(&out);
    }
    sl_analysis_free(an);
    return rc;
}

int cmd_merge(int argc, char **argv)
{
    merge_args a = {0};
    sl_options *opts = NULL;
    sl_lexicon *lex = NULL;
    sl_format fmt = SL_FORMAT_JSON;
    char language[128];
    sl_error err = {0};
    sl_options *stats = NULL;
    if (sl_options_new(&stats) != SL_OK)
        return EXIT_OSERR;
    int rc = parse(&a, stats, argc, argv);
    sl_options_free(stats);
    if (rc < 0 && cli_parse_format(a.format, &fmt) != 0 && cli_parse_wide(a.format, &fmt) != 0)
        rc = cli_usage_error("merge", "--format: \"%s\"; use json, tsv, csv, text, wide, "
                                      "wide-tsv, xlsx or jsonl", a.format);
    if (rc < 0 && fmt == SL_FORMAT_XLSX)
        rc = cli_binary_output("merge", a.output);
    if (rc < 0 && a.bom && (fmt == SL_FORMAT_JSON || fmt == SL_FORMAT_TABLE ||
                            fmt == SL_FORMAT_XLSX || fmt == SL_FORMAT_JSONL))
        rc = cli_usage_error("merge", "--bom: a byte order mark is for a CSV or TSV; give -f "
                                      "csv, tsv, wide or wide-tsv");
    if (rc < 0 && refuse_inputs(&a) != EXIT_OK)
        rc = EXIT_CANTCREAT;
    if (rc < 0 && sl_options_new(&opts) != SL_OK)
        rc = EXIT_OSERR;
    if (rc < 0 && sl_part_settings(opts, language, sizeof language, a.parts[0], &err) != SL_OK)
        rc = cli_report(&err);
    if (rc < 0)
        sl_options_set_bom(opts, a.bom);
    if (rc < 0 && a.confidence)
        cli_parse_confidence(a.confidence, opts);
    if (rc < 0 && a.adjust)
        cli_parse_adjust(a.adjust, opts);
    int direction = 0;
    sl_lexicon *mods = NULL;
    if (rc < 0 && sl_part_direction(&direction, a.parts[0], &err) != SL_OK)
        rc = cli_report(&err);
    if (rc < 0 && direction &&
        (rc = cli_load_modifiers(a.modifiers, a.nmodifiers, language,
                                 "the parts have direction of change: name the modifier "
                                 "lexicons they were analysed with, with --modifiers",
                                 opts, &mods)) == EXIT_OK)
        rc = -1;
    if (rc < 0 && direction == 2)
        sl_options_set_direction_figures(opts, 0);
    sl_calibration *cal = NULL;
    if (rc < 0 && (rc = cli_load_lexicons(a.lexicons, a.nlexicons, language, &lex)) == EXIT_OK)
        rc = cli_load_calibration(a.calibration, a.allow_other, lex, opts, &cal);
    if (rc == EXIT_OK && lex)
        rc = run(&a, lex, opts, fmt);
    sl_calibration_free(cal);
    sl_lexicon_free(lex);
    sl_lexicon_free(mods);
    sl_options_free(opts);
    free(a.lexicons);
    free(a.modifiers);
    return rc < 0 ? EXIT_OK : rc;
}

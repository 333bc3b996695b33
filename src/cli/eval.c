/*
 * eval.c - the eval command: hand codes and a corpus in, the lexicon's
 * agreement with the codes out. The library does the scoring through the
 * analysis story handler; this file owns argv, the output file and the
 * exit status.
 */
#include <getopt.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

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
    "  -h, --help              this help\n"
    "\n"
    "exit status: 0 ok, 64 usage, 65 bad codes, corpus or lexicon, 66 no input\n";

typedef struct eval_args {
    const char *gold, *language, *output, *format, *id_field;
    const char **lexicons;
    size_t nlexicons;
    const char **modifiers;
    size_t nmodifiers;
    int no_direction;
    char **inputs;
    size_t ninputs;
    sl_options *opts;
} eval_args;

enum {
    OPT_LANGUAGE = 256, OPT_TEXT_FIELD, OPT_ID_FIELD, OPT_INPUT_FORMAT, OPT_MODIFIERS,
    OPT_NO_DIRECTION
};

static const struct option eval_opts[] = {
    {"gold", required_argument, NULL, 'g'},
    {"lexicon", required_argument, NULL, 'l'},
    {"language", required_argument, NULL, OPT_LANGUAGE},
    {"text-field", required_argument, NULL, OPT_TEXT_FIELD},
    {"id-field", required_argument, NULL, OPT_ID_FIELD},
    {"input-format", required_argument, NULL, OPT_INPUT_FORMAT},
    {"format", required_argument, NULL, 'f'},
    {"output", required_argument, NULL, 'o'},
    {"threads", required_argument, NULL, 'j'},
    {"modifiers", required_argument, NULL, OPT_MODIFIERS},
    {"no-direction", no_argument, NULL, OPT_NO_DIRECTION},
    {"help", no_argument, NULL, 'h'},
    {NULL, 0, NULL, 0},
};

/* Applies one option; -1 to go on, else an exit status. */
static int eval_option(eval_args *a, int c, const char *arg)
{
    sl_input_format fmt;
    char *end;
    long n;
    switch (c) {
    case 'g': a->gold = arg; return -1;
    case 'l': {
        const char **p = realloc(a->lexicons, (a->nlexicons + 1) * sizeof *p);
        if (!p)
            return EXIT_OSERR;
        a->lexicons = p;
        a->lexicons[a->nlexicons++] = arg;
        return -1;
    }
    case OPT_MODIFIERS: {
        const char **p = realloc(a->modifiers, (a->nmodifiers + 1) * sizeof *p);
        if (!p)
            return EXIT_OSERR;
        a->modifiers = p;
        a->modifiers[a->nmodifiers++] = arg;
        return -1;
    }
    case OPT_NO_DIRECTION: a->no_direction = 1; return -1;
    case OPT_LANGUAGE: a->language = arg; return -1;
    case 'o': a->output = arg; return -1;
    case 'f': a->format = arg; return -1;
    case OPT_TEXT_FIELD:
        return sl_options_set_text_field(a->opts, arg) == SL_OK ? -1 : EXIT_OSERR;
    case OPT_ID_FIELD:
        a->id_field = arg;
        return sl_options_set_id_field(a->opts, arg) == SL_OK ? -1 : EXIT_OSERR;
    case OPT_INPUT_FORMAT:
        if (cli_parse_input_format(arg, &fmt) != 0)
            return cli_usage_error("eval", "--input-format: \"%s\"; use jsonl, csv, tsv or txt",
                                   arg);
        sl_options_set_stdin_format(a->opts, fmt);
        return -1;
    case 'j':
        n = strtol(arg, &end, 10);
        if (*arg == '\0' || *end != '\0' || n < 0 || n > 1024)
            return cli_usage_error("eval", "--threads: \"%s\"; give a number from 0 (all "
                                           "cores) to 1024", arg);
        sl_options_set_threads(a->opts, (int)n);
        return -1;
    default:
        return cli_usage_error("eval", "unknown option");
    }
}

static int eval_parse(eval_args *a, int argc, char **argv)
{
    optind = 1;
    opterr = 0;
    int c;
    while ((c = getopt_long(argc, argv, "g:l:f:o:j:h", eval_opts, NULL)) != -1) {
        if (c == 'h') {
            fputs(eval_help, stdout);
            return EXIT_OK;
        }
        if (c == '?' || c == ':')
            return cli_usage_error("eval", "bad option \"%s\"", argv[optind - 1]);
        int rc = eval_option(a, c, optarg);
        if (rc >= 0)
            return rc;
    }
    if (!a->gold)
        return cli_usage_error("eval", "--gold CODES.csv is required");
    if (a->no_direction && a->nmodifiers)
        return cli_usage_error("eval", "--modifiers and --no-direction contradict each other; "
                                       "give one");
    a->inputs = argv + optind;
    a->ninputs = (size_t)(argc - optind);
    return -1;
}

/* Runs the analysis with the evaluation as its story handler. */
static int eval_run(const eval_args *a, const sl_lexicon *lex, sl_eval *ev, sl_format fmt)
{
    sl_error err = {0};
    sl_analysis *an;
    sl_options_set_story_handler(a->opts, sl_eval_story, ev);
    if (sl_analysis_new(&an, lex, a->opts, &err) != SL_OK)
        return cli_report(&err);
    sl_status s = SL_OK;
    if (a->ninputs == 0)
        s = sl_analysis_add_stream(an, stdin, "-", &err);
    for (size_t i = 0; s == SL_OK && i < a->ninputs; i++)
        s = strcmp(a->inputs[i], "-") == 0 ? sl_analysis_add_stream(an, stdin, "-", &err)
                                           : sl_analysis_add_path(an, a->inputs[i], &err);
    if (s == SL_OK)
        s = sl_analysis_flush(an, &err);
    sl_analysis_free(an);
    if (s != SL_OK)
        return cli_report(&err);
    cli_output out;
    int rc = cli_output_open(&out, a->output);
    if (rc != EXIT_OK)
        return rc;
    if (sl_eval_write(ev, out.f, fmt, &err) != SL_OK)
        return cli_output_fail(&out, &err);
    return cli_output_commit(&out);
}

int cmd_eval(int argc, char **argv)
{
    eval_args a = {0};
    if (sl_options_new(&a.opts) != SL_OK)
        return EXIT_OSERR;
    int rc = eval_parse(&a, argc, argv);
    if (rc >= 0) { /* --help or a usage error: nothing to score */
        sl_options_free(a.opts);
        free(a.lexicons);
        return rc;
    }
    sl_format fmt = SL_FORMAT_JSON;
    if (rc < 0 && cli_parse_format(a.format, &fmt) != 0)
        rc = cli_usage_error("eval", "--format: \"%s\"; use json, tsv, csv or table", a.format);
    sl_lexicon *lex = NULL, *mods = NULL;
    sl_gold *gold = NULL;
    sl_eval *ev = NULL;
    sl_error err = {0};
    if (rc < 0 && sl_gold_load(&gold, a.gold, a.id_field, &err) != SL_OK)
        rc = cli_report(&err);
    if (rc < 0)
        rc = cli_load_lexicons(a.lexicons, a.nlexicons, a.language, &lex);
    /* direction columns are scored against each story's net direction */
    if (rc == EXIT_OK && lex && !a.no_direction) /* lex: not after --help */
        rc = cli_load_modifiers(a.modifiers, a.nmodifiers, a.language,
                                "name them with --modifiers DIR or use --no-direction", a.opts,
                                &mods);
    if (rc == EXIT_OK && lex && sl_eval_new(&ev, gold, lex, &err) != SL_OK)
        rc = cli_report(&err);
    if (rc == EXIT_OK && lex)
        rc = eval_run(&a, lex, ev, fmt);
    sl_eval_free(ev);
    sl_gold_free(gold);
    sl_lexicon_free(lex);
    sl_lexicon_free(mods);
    sl_options_free(a.opts);
    free(a.lexicons);
    free(a.modifiers);
    return rc < 0 ? EXIT_OK : rc;
}

/*
 * compare.c - "storylens compare": two analyses theme by theme, for a team
 * asking whether round 3 differs from round 2 or only looks different.
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const char compare_help[] =
    "usage: storylens compare [OPTIONS] A.json B.json\n"
    "\n"
    "Compares two analyses (the JSON of analyse or merge, e.g. round 2 and round 3)\n"
    "theme by theme: both shares of stories with their intervals, the difference\n"
    "B - A with Newcombe's hybrid score interval, and the p-value of the test of\n"
    "the two shares (Fisher's exact where an expected count is below 5, else\n"
    "chi-square), adjusted across themes. With direction of change in both, the\n"
    "same for the stories improved, worsened and mentioned. Analyses made with\n"
    "other lexicons or modifiers (by sha256) are refused.\n"
    "\n"
    "options:\n"
    "      --confidence LEVEL  of every interval (default 0.95)\n"
    "      --adjust METHOD     holm (default) or bh (Benjamini-Hochberg)\n"
    "      --allow-different-lexicons  compare analyses made with other lexicons\n"
    "                          (themes in one only are shown without a test)\n"
    "  -f, --format FORMAT     json (default), tsv, csv or text\n"
    "  -o, --output FILE       write here (atomically) instead of standard output\n"
    "  -h, --help              this help\n"
    "\n"
    "exit status: 0 ok, 64 usage, 65 not analyses or other lexicons, 66 no input,\n"
    "             71 out of memory, 73 cannot create output, 74 I/O error\n";

enum { OPT_CONFIDENCE = 256, OPT_ADJUST, OPT_ALLOW_OTHER };

static const struct option compare_opts[] = {
    {"confidence", required_argument, NULL, OPT_CONFIDENCE},
    {"adjust", required_argument, NULL, OPT_ADJUST},
    {"allow-different-lexicons", no_argument, NULL, OPT_ALLOW_OTHER},
    {"format", required_argument, NULL, 'f'},
    {"output", required_argument, NULL, 'o'},
    {"help", no_argument, NULL, 'h'},
    {NULL, 0, NULL, 0},
};

typedef struct compare_args {
    const char *format, *output;
    int allow_other;
    sl_format fmt;
} compare_args;

/* Returns -1 to go on, else an exit status. */
static int parse(compare_args *a, sl_options *opts, int argc, char **argv)
{
    optind = 1;
    opterr = 0;
    int c;
    while ((c = getopt_long(argc, argv, "f:o:h", compare_opts, NULL)) != -1) {
        switch (c) {
        case 'h': fputs(compare_help, stdout); return EXIT_OK;
        case 'f': a->format = optarg; break;
        case 'o': a->output = optarg; break;
        case OPT_ALLOW_OTHER: a->allow_other = 1; break;
        case OPT_CONFIDENCE:
            if (cli_parse_confidence(optarg, opts) != 0)
                return cli_usage_error("compare", "--confidence: \"%s\"; give a level from 0.5 "
                                                  "to below 1, e.g. 0.90, 0.95 or 0.99", optarg);
            break;
        case OPT_ADJUST:
            if (cli_parse_adjust(optarg, opts) != 0)
                return cli_usage_error("compare", "--adjust: \"%s\"; use holm or bh", optarg);
            break;
        default:
            return cli_usage_error("compare", "bad option \"%s\"", argv[optind - 1]);
        }
    }
    if (cli_parse_format(a->format, &a->fmt) != 0)
        return cli_usage_error("compare", "--format: \"%s\"; use json, tsv, csv or text",
                               a->format);
    if (argc - optind != 2)
        return cli_usage_error("compare", "give two analyses, A.json and B.json (%d given)",
                               argc - optind);
    return -1;
}

/* Compares the analyses in[0] and in[1]; returns the exit status. */
static int run(const compare_args *a, const sl_options *opts, char **in)
{
    int rc = cli_output_refuse(a->output, (const char *const *)in, 2, CLI_IN_FILE, "analysis");
    cli_output out;
    if (rc == EXIT_OK)
        rc = cli_output_open(&out, a->output);
    if (rc != EXIT_OK)
        return rc;
    sl_error err = {0};
    if (sl_compare_write(in[0], in[1], opts, a->allow_other, out.f, a->fmt, &err) != SL_OK)
        return cli_output_fail(&out, &err);
    return cli_output_commit(&out);
}

int cmd_compare(int argc, char **argv)
{
    compare_args a = {0};
    sl_options *opts = NULL;
    if (sl_options_new(&opts) != SL_OK)
        return EXIT_OSERR;
    int rc = parse(&a, opts, argc, argv);
    if (rc < 0) /* not after --help or a usage error */
        rc = run(&a, opts, argv + optind);
    sl_options_free(opts);
    return rc;
}

/*
 * main.c - storylens: dispatch to a command.
 */
#include <string.h>

#include "cli.h"

static const char usage[] =
    "usage: storylens COMMAND [OPTIONS] [INPUT...]\n"
    "\n"
    "Turn a corpus of change stories into theme and outcome figures.\n"
    "\n"
    "commands:\n"
    "  analyse    theme frequencies and co-occurrence as JSON, TSV, CSV or a table\n"
    "  cat        the stories as storylens reads them, one JSON object a line\n"
    "  compare    two analyses (e.g. two rounds) theme by theme, with intervals and tests\n"
    "  eval       score the lexicons against hand-coded stories\n"
    "  explain    what each lexicon entry matched, and the entries that matched nothing\n"
    "  kwic       every hit in its context (keyword in context)\n"
    "  languages  the stemming languages (--language)\n"
    "  lint       every problem of the lexicons at once\n"
    "  merge      add up the JSON analyses of shards of a corpus into one\n"
    "  report     one HTML page of the figures, charts and quotes, ready to print\n"
    "  shard      cut any input into N JSONL parts whose analyses merge exactly\n"
    "  suggest    frequent words and phrases no entry covers, ranked by keyness\n"
    "\n"
    "  storylens COMMAND --help   the options of a command (or: storylens help COMMAND)\n"
    "  storylens --version\n";

static int dispatch(int argc, char **argv)
{
    if (argc < 2) {
        fputs(usage, stderr);
        return EXIT_USAGE;
    }
    const char *cmd = argv[1];
    if (strcmp(cmd, "help") == 0 && argc == 3 && strcmp(argv[2], "help") != 0) {
        /* storylens help COMMAND is storylens COMMAND --help */
        char *again[] = {argv[0], argv[2], "--help", NULL};
        return dispatch(3, again);
    }
    if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0 || strcmp(cmd, "help") == 0) {
        if (argc > 2)
            return cli_usage_error(NULL, "help takes one command: storylens help COMMAND");
        fputs(usage, stdout);
        return EXIT_OK;
    }
    if (strcmp(cmd, "--version") == 0 || strcmp(cmd, "-V") == 0) {
        printf("storylens %s (output schema %d)\n", SL_VERSION, SL_SCHEMA);
        return EXIT_OK;
    }
    if (strcmp(cmd, "analyse") == 0 || strcmp(cmd, "analyze") == 0)
        return cmd_analyse(argc - 1, argv + 1);
    if (strcmp(cmd, "cat") == 0)
        return cmd_cat(argc - 1, argv + 1);
    if (strcmp(cmd, "explain") == 0)
        return cmd_explain(argc - 1, argv + 1);
    if (strcmp(cmd, "kwic") == 0)
        return cmd_kwic(argc - 1, argv + 1);
    if (strcmp(cmd, "suggest") == 0)
        return cmd_suggest(argc - 1, argv + 1);
    if (strcmp(cmd, "eval") == 0)
        return cmd_eval(argc - 1, argv + 1);
    if (strcmp(cmd, "lint") == 0)
        return cmd_lint(argc - 1, argv + 1);
    if (strcmp(cmd, "merge") == 0)
        return cmd_merge(argc - 1, argv + 1);
    if (strcmp(cmd, "report") == 0)
        return cmd_report(argc - 1, argv + 1);
    if (strcmp(cmd, "shard") == 0)
        return cmd_shard(argc - 1, argv + 1);
    if (strcmp(cmd, "compare") == 0)
        return cmd_compare(argc - 1, argv + 1);
    if (strcmp(cmd, "languages") == 0) {
        if (argc > 2 && (strcmp(argv[2], "--help") == 0 || strcmp(argv[2], "-h") == 0)) {
            fputs("usage: storylens languages\n\nLists the Snowball stemmers that "
                  "analyse --language accepts, one a line.\n", stdout);
            return EXIT_OK;
        }
        for (const char **l = sl_languages(); *l; l++)
            puts(*l);
        return EXIT_OK;
    }
    return cli_usage_error(NULL, "unknown command \"%s\"; the commands are analyse, cat, compare, eval, "
                                 "explain, kwic, languages, lint, merge, report, shard and suggest", cmd);
}

int main(int argc, char **argv)
{
    cli_signals_init();
    /* Help, version and lists are printed without a check of their own: a
     * full disk there must fail the run as it fails the figures. */
    return cli_stdout_finish(dispatch(argc, argv));
}

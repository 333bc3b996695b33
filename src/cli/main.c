/*
 * main.c - storylens: dispatch to a command.
 */
#include <signal.h>
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
    "  languages  the stemming languages (--language)\n"
    "  merge      add up the JSON analyses of shards of a corpus into one\n"
    "\n"
    "  storylens COMMAND --help   the options of a command\n"
    "  storylens --version\n";

int main(int argc, char **argv)
{
    /* A closed pipe ends the run quietly, even when the parent shell ignores
     * SIGPIPE (restoring the default is what makes `| head` quiet). */
    signal(SIGPIPE, SIG_DFL);
    if (argc < 2) {
        fputs(usage, stderr);
        return EXIT_USAGE;
    }
    const char *cmd = argv[1];
    if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0 || strcmp(cmd, "help") == 0) {
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
    if (strcmp(cmd, "merge") == 0)
        return cmd_merge(argc - 1, argv + 1);
    if (strcmp(cmd, "languages") == 0) {
        for (const char **l = sl_languages(); *l; l++)
            puts(*l);
        return EXIT_OK;
    }
    return cli_usage_error(NULL, "unknown command \"%s\"; the commands are analyse, cat, "
                                 "languages and merge", cmd);
}

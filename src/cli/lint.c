/*
 * lint.c - the lint command: every problem of the lexicons, one line each,
 * FILE:LINE:COLUMN: severity: message, so an editor can jump to each.
 * When the lexicons load, their example sentences are then run with the
 * default modifier lexicons (sl_lexicon_check_examples) and each one that
 * fails is added to the same list as an error at FILE:LINE:1.
 * Exit 0 when clean (or warnings only), 1 for warnings under --strict,
 * 65 when any error would stop a run or an example fails.
 */
#include <getopt.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const char lint_help[] =
    "usage: storylens lint [OPTIONS] [LEXICON...]\n"
    "\n"
    "Reports every problem of the lexicons at once (default: the bundled ones):\n"
    "errors that stop a run (syntax, bad regexes) and warnings about entries that\n"
    "load but cannot do what was meant (duplicates, an entry in two themes of a\n"
    "file, wildcards shorter than 3 characters, words that can never match,\n"
    "exclusions that remove nothing).\n"
    "\n"
    "When there are no errors, every example sentence of the lexicons is then run\n"
    "with the bundled modifier lexicons: an example must match its theme (or a\n"
    "sub-theme) and get the direction it names, a counterexample must not match;\n"
    "each one that fails is an error at FILE:LINE:1.\n"
    "\n"
    "      --strict            exit 1 when there are warnings\n"
    "      --no-examples       do not run the example sentences\n"
    "      --language NAME     Snowball stemmer (default english)\n"
    "  -f, --format F          text (default: FILE:LINE:COLUMN: severity: message),\n"
    "                          json, tsv or csv (tsv and csv columns: file, line,\n"
    "                          column, severity, message)\n"
    "  -h, --help              this help\n"
    "\n"
    "exit status: 0 clean (warnings without --strict), 1 warnings with --strict,\n"
    "             65 errors (a failing example included), 64 usage, 66 a lexicon\n"
    "             or the modifier lexicons cannot be opened\n";

enum { OPT_STRICT = 256, OPT_LINT_LANGUAGE, OPT_NO_EXAMPLES };

static const struct option lint_opts[] = {
    {"strict", no_argument, NULL, OPT_STRICT},
    {"no-examples", no_argument, NULL, OPT_NO_EXAMPLES},
    {"language", required_argument, NULL, OPT_LINT_LANGUAGE},
    {"format", required_argument, NULL, 'f'},
    {"help", no_argument, NULL, 'h'},
    {NULL, 0, NULL, 0},
};

static const char *severity_name(sl_lint_severity s)
{
    return s == SL_LINT_ERROR ? "error" : "warning";
}

static void print_text(const sl_lint *l)
{
    for (size_t i = 0; i < sl_lint_count(l); i++) {
        const sl_lint_item *it = sl_lint_item_at(l, i);
        printf("%s:%u:%u: %s: %s\n", it->file, it->line, it->col, severity_name(it->severity),
               it->message);
    }
}

/* The tidy table, TSV (sep '\t') or CSV (','): one diagnostic a row. */
static void print_table(const sl_lint *l, char sep)
{
    printf("file%cline%ccolumn%cseverity%cmessage\n", sep, sep, sep, sep);
    for (size_t i = 0; i < sl_lint_count(l); i++) {
        const sl_lint_item *it = sl_lint_item_at(l, i);
        sl_table_field(stdout, sep, it->file);
        printf("%c%u%c%u%c%s%c", sep, it->line, sep, it->col, sep,
               severity_name(it->severity), sep);
        sl_table_field(stdout, sep, it->message);
        putchar('\n');
    }
}

/* The message for a failing example, in lint's words, as snprintf()
 * writes it (call with NULL, 0 for its length). */
static int failure(const sl_example_result *r, char *buf, size_t size)
{
    if (!r->must_match)
        return snprintf(buf, size, "counterexample matches [%s]: \"%s\"", r->theme, r->text);
    if (!r->matched)
        return snprintf(buf, size, "example does not match [%s]: \"%s\"", r->theme, r->text);
    return snprintf(buf, size, "example is read as %s, not %s, for [%s]: \"%s\"",
                    r->got ? sl_direction_name(r->got) : "no direction",
                    sl_direction_name(r->want), r->theme, r->text);
}

typedef struct example_sink {
    sl_lint *lint;
    sl_status status; /* the first failure to add an item */
    sl_error err;
} example_sink;

static void add_failure(void *user, const sl_example_result *r)
{
    example_sink *k = user;
    if (r->passed || k->status != SL_OK)
        return;
    int n = failure(r, NULL, 0);
    char *msg = n > 0 ? malloc((size_t)n + 1) : NULL;
    if (!msg) {
        k->status = SL_ENOMEM;
        k->err = (sl_error){SL_ENOMEM, "out of memory"};
        return;
    }
    failure(r, msg, (size_t)n + 1);
    k->status = sl_lint_add(k->lint, r->file, r->line, 1, SL_LINT_ERROR, msg, &k->err);
    free(msg);
}

/* Runs the example sentences of the lexicons (which lint found no error
 * in) with the default modifier lexicons; adds each failure to l. */
static int check_examples(sl_lint *l, const char *const *paths, size_t n, const char *language)
{
    sl_error err = {0};
    sl_lexicon *lex = NULL, *mods = NULL;
    sl_options *opts = NULL;
    if (sl_lexicon_load(&lex, paths, n, language, &err) != SL_OK)
        return cli_report(&err);
    int rc = EXIT_OK;
    if (sl_lexicon_example_count(lex) == 0) {
        sl_lexicon_free(lex);
        return EXIT_OK;
    }
    if (sl_options_new(&opts) != SL_OK)
        rc = EXIT_OSERR;
    if (rc == EXIT_OK)
        rc = cli_load_modifiers(NULL, 0, language,
                                "they judge the examples' directions; install them or lint "
                                "with --no-examples", opts, &mods);
    example_sink k = {.lint = l};
    if (rc == EXIT_OK &&
        sl_lexicon_check_examples(lex, opts, add_failure, &k, NULL, &err) != SL_OK)
        rc = cli_report(&err);
    if (rc == EXIT_OK && k.status != SL_OK)
        rc = cli_report(&k.err);
    sl_options_free(opts);
    sl_lexicon_free(mods);
    sl_lexicon_free(lex);
    return rc;
}

int cmd_lint(int argc, char **argv)
{
    int strict = 0, examples = 1, c;
    const char *language = NULL, *format = "text";
    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, "f:h", lint_opts, NULL)) != -1) {
        if (c == 'h') {
            fputs(lint_help, stdout);
            return EXIT_OK;
        }
        if (c == OPT_STRICT)
            strict = 1;
        else if (c == OPT_NO_EXAMPLES)
            examples = 0;
        else if (c == OPT_LINT_LANGUAGE)
            language = optarg;
        else if (c == 'f')
            format = cli_format_name(optarg);
        else
            return cli_usage_error("lint", "bad option \"%s\"", argv[optind - 1]);
    }
    if (strcmp(format, "text") && strcmp(format, "json") && strcmp(format, "tsv") &&
        strcmp(format, "csv"))
        return cli_usage_error("lint", "--format: \"%s\"; use text, json, tsv or csv", format);
    char dir[PATH_MAX];
    const char *defaults[1] = {dir};
    const char *const *paths = (const char *const *)(argv + optind);
    size_t n = (size_t)(argc - optind);
    if (n == 0) {
        if (sl_default_lexicon_dir(dir, sizeof dir, NULL) != SL_OK) {
            fprintf(stderr, "storylens: no default lexicons found; name the lexicons to lint\n");
            return EXIT_NOINPUT;
        }
        paths = defaults;
        n = 1;
    }
    sl_lint *l;
    sl_error err = {0};
    if (sl_lint_lexicons(&l, paths, n, language, &err) != SL_OK)
        return cli_report(&err);
    size_t errors = 0, warnings = 0;
    for (size_t i = 0; i < sl_lint_count(l); i++)
        errors += sl_lint_item_at(l, i)->severity == SL_LINT_ERROR;
    int rc = errors == 0 && examples ? check_examples(l, paths, n, language) : EXIT_OK;
    if (rc != EXIT_OK) {
        sl_lint_free(l);
        return rc;
    }
    errors = 0;
    for (size_t i = 0; i < sl_lint_count(l); i++)
        *(sl_lint_item_at(l, i)->severity == SL_LINT_ERROR ? &errors : &warnings) += 1;
    if (strcmp(format, "json") == 0) {
        if (sl_lint_write_json(l, stdout, &err) != SL_OK)
            rc = cli_report(&err);
    } else if (strcmp(format, "tsv") == 0)
        print_table(l, '\t');
    else if (strcmp(format, "csv") == 0)
        print_table(l, ',');
    else
        print_text(l);
    sl_lint_free(l);
    if (fflush(stdout) != 0 || ferror(stdout)) {
        fprintf(stderr, "storylens: standard output: write error\n");
        return EXIT_IOERR;
    }
    if (rc != EXIT_OK)
        return rc;
    if (errors || warnings)
        fprintf(stderr, "storylens: %zu error%s, %zu warning%s\n", errors,
                errors == 1 ? "" : "s", warnings, warnings == 1 ? "" : "s");
    return errors ? EXIT_DATAERR : warnings && strict ? 1 : EXIT_OK;
}

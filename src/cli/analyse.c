/*
 * analyse.c - the analyse and cat commands: options in, library calls,
 * output committed atomically, one exit status out. Its option table and
 * lexicon loading also serve explain, kwic and suggest (cli_corpus_begin),
 * so every corpus command reads its input the same way.
 */
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "progress.h"

static const char analyse_help[] =
    "usage: storylens analyse [OPTIONS] [INPUT...]\n"
    "\n"
    "Counts the themes of the lexicons in every story of the INPUTs: files or\n"
    "directories (walked recursively in sorted order); '-' or none reads standard\n"
    "input. Formats by extension: .txt/.md (one story a file, optional front\n"
    "matter), .jsonl/.ndjson (one object a line), .csv/.tsv (header row),\n"
    ".docx/.odt (one story a document), .xlsx/.ods (as CSV, one row a story).\n"
    "\n"
    "  -l, --lexicon PATH      a .lex file or a directory of them (repeatable);\n"
    "                          default: the bundled lexicons\n"
    "      --language NAME     Snowball stemmer (default english; see 'storylens languages')\n"
    "      --text-field NAME   JSONL/CSV field with the story text (default text)\n"
    "      --id-field NAME     JSONL/CSV field with the story id (default id, else FILE:LINE)\n"
    "      --delimiter C       CSV field separator: , ; tab or | (default: ',', or ';'\n"
    "                          when the header has no ',' but a ';', with a note)\n"
    "      --encoding NAME     the inputs' encoding, e.g. windows-1252, iso-8859-1,\n"
    "                          utf-16 (default UTF-8, or UTF-16 by its byte order mark)\n"
    "      --sheet NAME        the .xlsx/.ods sheet to read (default: the first)\n"
    "      --split-on UNIT     heading: a story per Heading 1/2 section of a .docx/.odt\n"
    "                          (id FILE#N); none (default): a story per document\n"
    "      --input-format F    format of standard input: jsonl (default), csv, tsv, txt\n"
    "      --cooccurrence LIST units: document, paragraph, sentence, window:N, or none\n"
    "                          (comma-separated; default document,sentence)\n"
    "      --by FIELD          break every figure down by a metadata field (repeatable;\n"
    "                          each on its own). A field no story has is an error; one\n"
    "                          some stories lack is a warning, they form the group \"\"\n"
    "                          @file: the INPUT each story was read from, as named\n"
    "      --per-document      add one record per story\n"
    "      --confidence LEVEL  of every interval on a share (default 0.95)\n"
    "      --adjust METHOD     p-values of the --by tests adjusted across themes by\n"
    "                          holm (default) or bh (Benjamini-Hochberg)\n"
    "      --calibration EVAL  add each theme's share corrected for the lexicon's error\n"
    "                          measured by 'storylens eval' on a hand-coded sample\n"
    "                          (its JSON output)\n"
    "      --allow-different-lexicons  accept a calibration made with other lexicons\n"
    "  -f, --format F          json (default), tsv, csv (tidy long tables), text, or\n"
    "                          wide / wide-tsv (a row a story, a column a theme), or\n"
    "                          xlsx (a workbook of the figures and the story sheet), or\n"
    "                          jsonl (a JSON object a story, a line each)\n"
    "      --bom               start a CSV/TSV with a UTF-8 byte order mark (Excel)\n"
    "  -o, --output FILE       write to FILE atomically (default standard output)\n"
    "  -j, --threads N         worker threads (default: all cores); output is identical\n"
    "      --modifiers PATH    modifier lexicons for direction of change, a .lex file or\n"
    "                          a directory (repeatable); default: the bundled ones\n"
    "      --no-direction      plain counts: no direction of change, no modifiers loaded\n"
    "      --allow-duplicate-ids  count a story whose id was already read (default: an\n"
    "                          error naming both places; the same file given twice is\n"
    "                          the usual cause). Checking keeps every id in memory\n"
    "      --allow-empty       write the figures of a corpus of no stories (default: an\n"
    "                          error, exit 65)\n"
    "      --skip-invalid      skip malformed records, damaged office files, binary files\n"
    "                          in directories, regex entries that hit a limit on a\n"
    "                          story; each is warned about and listed in .corpus\n"
    "  -q, --quiet             no warnings and no progress (progress shows only when\n"
    "                          standard error is a terminal)\n"
    "  -h, --help              this help\n"
    "\n"
    "Bad input: a malformed record (a bad JSONL line, a CSV quote never closed, a\n"
    "wrong field count) stops the run with FILE:LINE: and status 65, unless\n"
    "--skip-invalid. Invalid UTF-8 never stops a run: bad bytes break words, are\n"
    "counted in .corpus.invalid_utf8_bytes and warned about once per file. A file\n"
    "with a NUL byte in its first 8 KiB is binary: skipped with a warning when met\n"
    "in a directory, an error (65) when named. UTF-16 files (with a BOM) are read\n"
    "as UTF-8. An empty .txt/.md file is one story of no words; an empty JSONL or\n"
    "CSV file holds no stories.\n"
    "\n"
    "exit status: 0 ok, 64 usage, 65 bad data or lexicon, 66 no input,\n"
    "             70 internal error, 71 out of memory, 73 cannot create output, 74 I/O error\n";

static const char cat_help[] =
    "usage: storylens cat [OPTIONS] [INPUT...]\n"
    "\n"
    "Writes every story of the INPUTs as storylens reads them: one JSON object a\n"
    "line with id, text and the metadata fields. Useful to check how a spreadsheet\n"
    "export is read, and to convert any supported format to JSONL.\n"
    "\n"
    "      --text-field NAME   --id-field NAME   --input-format F   as for analyse\n"
    "      --sheet NAME        --split-on UNIT   as for analyse\n"
    "      --delimiter C       --encoding NAME   as for analyse\n"
    "  -f, --format F          json (default: JSON lines), or tsv or csv: a tidy table\n"
    "                          id, field, value with one row per field of a story\n"
    "      --bom               start the tsv/csv with a UTF-8 byte order mark (Excel)\n"
    "      --skip-invalid      leave malformed records out, with a warning\n"
    "  -o, --output FILE       write to FILE atomically (default standard output)\n"
    "  -q, --quiet             no warnings\n"
    "  -h, --help              this help\n";

typedef struct args {
    const char *cmd;
    const char *id_field;
    const char **lexicons;
    size_t nlexicons;
    const char *language;
    const char *output;
    const char *format;
    char **inputs;
    size_t ninputs;
    sl_options *opts;
    const cli_extra *extra; /* a command's own options, or NULL */
    const char **modifiers;
    size_t nmodifiers;
    int no_direction;
    int quiet;
    const char *calibration;
    int allow_other_lexicons;
    int bom; /* --bom: a UTF-8 byte order mark before a CSV/TSV, for Excel */
} args;

enum {
    OPT_LANGUAGE = 256, OPT_TEXT_FIELD, OPT_ID_FIELD, OPT_INPUT_FORMAT, OPT_COOC, OPT_BY,
    OPT_PER_DOC, OPT_MODIFIERS, OPT_NO_DIRECTION, OPT_SKIP_INVALID, OPT_CONFIDENCE,
    OPT_ADJUST, OPT_CALIBRATION, OPT_ALLOW_OTHER, OPT_ALLOW_DUP, OPT_ALLOW_EMPTY, OPT_SHEET,
    OPT_SPLIT_ON, OPT_BOM, OPT_DELIMITER, OPT_ENCODING
};

static const struct option long_opts[] = {
    {"lexicon", required_argument, NULL, 'l'},
    {"language", required_argument, NULL, OPT_LANGUAGE},
    {"text-field", required_argument, NULL, OPT_TEXT_FIELD},
    {"id-field", required_argument, NULL, OPT_ID_FIELD},
    {"input-format", required_argument, NULL, OPT_INPUT_FORMAT},
    {"sheet", required_argument, NULL, OPT_SHEET},
    {"split-on", required_argument, NULL, OPT_SPLIT_ON},
    {"delimiter", required_argument, NULL, OPT_DELIMITER},
    {"encoding", required_argument, NULL, OPT_ENCODING},
    {"cooccurrence", required_argument, NULL, OPT_COOC},
    {"by", required_argument, NULL, OPT_BY},
    {"per-document", no_argument, NULL, OPT_PER_DOC},
    {"modifiers", required_argument, NULL, OPT_MODIFIERS},
    {"no-direction", no_argument, NULL, OPT_NO_DIRECTION},
    {"format", required_argument, NULL, 'f'},
    {"output", required_argument, NULL, 'o'},
    {"threads", required_argument, NULL, 'j'},
    {"skip-invalid", no_argument, NULL, OPT_SKIP_INVALID},
    {"confidence", required_argument, NULL, OPT_CONFIDENCE},
    {"adjust", required_argument, NULL, OPT_ADJUST},
    {"calibration", required_argument, NULL, OPT_CALIBRATION},
    {"allow-different-lexicons", no_argument, NULL, OPT_ALLOW_OTHER},
    {"allow-duplicate-ids", no_argument, NULL, OPT_ALLOW_DUP},
    {"allow-empty", no_argument, NULL, OPT_ALLOW_EMPTY},
    {"bom", no_argument, NULL, OPT_BOM},
    {"quiet", no_argument, NULL, 'q'},
    {"help", no_argument, NULL, 'h'},
    {NULL, 0, NULL, 0},
};

int cli_parse_input_format(const char *s, sl_input_format *f)
{
    static const struct { const char *name; sl_input_format f; } t[] = {
        {"jsonl", SL_INPUT_JSONL}, {"ndjson", SL_INPUT_JSONL}, {"csv", SL_INPUT_CSV},
        {"tsv", SL_INPUT_TSV}, {"txt", SL_INPUT_TXT}, {"md", SL_INPUT_TXT}};
    for (size_t i = 0; i < sizeof t / sizeof t[0]; i++)
        if (strcmp(s, t[i].name) == 0) {
            *f = t[i].f;
            return 0;
        }
    return -1;
}

/* A --delimiter argument as its character: one of , ; | or a tab, given
 * as itself, \t or the word tab; -1 for anything else. */
static int cli_parse_delimiter(const char *s)
{
    if (strcmp(s, "tab") == 0 || strcmp(s, "\\t") == 0)
        return '\t';
    return s[0] && !s[1] && strchr(",;|\t", s[0]) ? s[0] : -1;
}

static int parse_threads(const char *s, int *n)
{
    char *end;
    long v = strtol(s, &end, 10);
    if (*s == '\0' || *end != '\0' || v < 0 || v > 1024)
        return -1;
    *n = (int)v;
    return 0;
}

const char *const cli_figure_options[] = {"by", "per-document", "cooccurrence", "confidence",
                                          "adjust", "calibration", "allow-different-lexicons",
                                          "bom", NULL};

/* cat converts stories: it loads no lexicon and counts nothing. */
static const char *const cat_refuses[] = {
    "lexicon", "language", "cooccurrence", "by", "per-document", "modifiers", "no-direction",
    "threads", "confidence", "adjust", "calibration", "allow-different-lexicons",
    "allow-duplicate-ids", "allow-empty", NULL};
static const struct option cat_none[] = {{NULL, 0, NULL, 0}};
static const cli_extra cat_extra = {cat_none, NULL, NULL, NULL, cat_refuses};

int cli_parse_confidence(const char *s, sl_options *opts)
{
    char *end;
    double v = strtod(s, &end);
    return *s && !*end && sl_options_set_confidence(opts, v) == SL_OK ? 0 : -1;
}

int cli_parse_adjust(const char *s, sl_options *opts)
{
    if (strcmp(s, "holm") == 0)
        return sl_options_set_adjust(opts, SL_ADJUST_HOLM) == SL_OK ? 0 : -1;
    if (strcmp(s, "bh") == 0 || strcmp(s, "BH") == 0)
        return sl_options_set_adjust(opts, SL_ADJUST_BH) == SL_OK ? 0 : -1;
    return -1;
}

/* The shared option c, when the command refuses it: its name, else NULL. */
static const char *refused(const args *a, int c)
{
    for (size_t i = 0; a->extra && a->extra->refuse && a->extra->refuse[i]; i++)
        for (const struct option *o = long_opts; o->name; o++)
            if (o->val == c && strcmp(o->name, a->extra->refuse[i]) == 0)
                return o->name;
    return NULL;
}

/* Applies one option; returns -1 to go on, else an exit status. */
static int apply_option(args *a, int c, const char *arg)
{
    sl_error err = {0};
    sl_input_format fmt;
    int n;
    const char *no = refused(a, c);
    if (no && (strcmp(a->cmd, "cat") == 0 || strcmp(a->cmd, "shard") == 0))
        return cli_usage_error(a->cmd, "--%s: %s does not use it (it writes the stories as "
                                       "read, and counts nothing); leave it out", no, a->cmd);
    if (no && strcmp(a->cmd, "report") == 0)
        return cli_usage_error(a->cmd, "--%s: report does not take it (with --analysis the "
                                       "figures and their settings are the file's; --format, "
                                       "--per-document and --bom do not fit a page); leave "
                                       "it out", no);
    if (no)
        return cli_usage_error(a->cmd, "--%s: %s does not use it (it counts no figures by "
                                       "group, story or unit); leave it out", no, a->cmd);
    switch (c) {
    case 'l':
        return cli_push_arg(&a->lexicons, &a->nlexicons, arg) == EXIT_OK ? -1 : EXIT_OSERR;
    case OPT_LANGUAGE: a->language = arg; return -1;
    case 'o': a->output = arg; return -1;
    case 'f': a->format = arg; return -1;
    case 'q': a->quiet = 1; return -1;
    case OPT_TEXT_FIELD:
        return sl_options_set_text_field(a->opts, arg) == SL_OK ? -1
               : cli_usage_error(a->cmd, "--text-field needs a field name");
    case OPT_ID_FIELD:
        a->id_field = arg;
        return sl_options_set_id_field(a->opts, arg) == SL_OK ? -1
               : cli_usage_error(a->cmd, "--id-field needs a field name");
    case OPT_SHEET:
        return sl_options_set_sheet(a->opts, arg) == SL_OK ? -1
               : cli_usage_error(a->cmd, "--sheet needs a sheet name");
    case OPT_SPLIT_ON:
        return sl_options_set_split_on(a->opts, arg) == SL_OK ? -1
               : cli_usage_error(a->cmd, "--split-on: \"%s\"; use heading or none", arg);
    case OPT_DELIMITER:
        return sl_options_set_delimiter(a->opts, cli_parse_delimiter(arg)) == SL_OK ? -1
               : cli_usage_error(a->cmd, "--delimiter: \"%s\"; use ',', ';', tab ('\\t') or "
                                         "'|'", arg);
    case OPT_ENCODING:
        return sl_options_set_encoding(a->opts, arg) == SL_OK ? -1
               : cli_usage_error(a->cmd, "--encoding: \"%s\" is not an encoding iconv knows; "
                                         "use e.g. utf-8, utf-16, windows-1252 or iso-8859-1 "
                                         "('iconv -l' lists them)", arg);
    case OPT_INPUT_FORMAT:
        if (cli_parse_input_format(arg, &fmt) != 0)
            return cli_usage_error(a->cmd, "--input-format: \"%s\"; use jsonl, csv, tsv or txt",
                                   arg);
        sl_options_set_stdin_format(a->opts, fmt);
        return -1;
    case OPT_COOC:
        return sl_options_set_cooccurrence(a->opts, arg, &err) == SL_OK ? -1
               : cli_usage_error(a->cmd, "%s", err.text);
    case OPT_BY:
        if (strchr(arg, ','))
            return cli_usage_error(a->cmd, "--by %s: one field a --by, and no cross-tabulation "
                                           "is made; give --by FIELD once for each field, and "
                                           "each is broken down on its own", arg);
        return sl_options_add_by(a->opts, arg) == SL_OK ? -1
               : cli_usage_error(a->cmd, "--by needs a field name");
    case OPT_PER_DOC: sl_options_set_per_document(a->opts, 1); return -1;
    case OPT_NO_DIRECTION: a->no_direction = 1; return -1;
    case OPT_MODIFIERS:
        return cli_push_arg(&a->modifiers, &a->nmodifiers, arg) == EXIT_OK ? -1 : EXIT_OSERR;
    case OPT_SKIP_INVALID: sl_options_set_skip_invalid(a->opts, 1); return -1;
    case OPT_CONFIDENCE:
        return cli_parse_confidence(arg, a->opts) == 0 ? -1
               : cli_usage_error(a->cmd, "--confidence: \"%s\"; give a level from 0.5 to "
                                         "below 1, e.g. 0.90, 0.95 or 0.99", arg);
    case OPT_ADJUST:
        return cli_parse_adjust(arg, a->opts) == 0 ? -1
               : cli_usage_error(a->cmd, "--adjust: \"%s\"; use holm or bh", arg);
    case OPT_CALIBRATION: a->calibration = arg; return -1;
    case OPT_ALLOW_OTHER: a->allow_other_lexicons = 1; return -1;
    case OPT_ALLOW_DUP: sl_options_set_allow_duplicate_ids(a->opts, 1); return -1;
    case OPT_ALLOW_EMPTY: sl_options_set_allow_empty(a->opts, 1); return -1;
    case OPT_BOM: a->bom = 1; sl_options_set_bom(a->opts, 1); return -1;
    case 'j':
        if (parse_threads(arg, &n) != 0)
            return cli_usage_error(a->cmd, "--threads: \"%s\"; give a number from 0 (all cores) "
                                           "to 1024", arg);
        sl_options_set_threads(a->opts, n);
        return -1;
    default:
        if (a->extra && a->extra->apply)
            return a->extra->apply(a->extra->ctx, c, arg);
        return cli_usage_error(a->cmd, "unknown option");
    }
}

/* long_opts followed by the command's own options. Caller frees. */
static struct option *with_extra(const cli_extra *extra)
{
    size_t n = sizeof long_opts / sizeof long_opts[0] - 1, m = 0;
    while (extra->opts[m].name)
        m++;
    struct option *t = malloc((n + m + 1) * sizeof *t);
    if (!t)
        return NULL;
    memcpy(t, long_opts, n * sizeof *t);
    memcpy(t + n, extra->opts, (m + 1) * sizeof *t);
    return t;
}

/* Parses argv into a; returns -1 to go on, else an exit status. */
static int parse_args(args *a, int argc, char **argv, const char *help)
{
    optind = 1;
    opterr = 0;
    int c;
    struct option *table = a->extra ? with_extra(a->extra) : NULL;
    if (a->extra && !table)
        return EXIT_OSERR;
    char shorts[64];
    snprintf(shorts, sizeof shorts, "l:f:o:j:hq%s",
             a->extra && a->extra->shorts ? a->extra->shorts : "");
    while ((c = getopt_long(argc, argv, shorts, table ? table : long_opts, NULL)) != -1) {
        int rc = c == 'h' ? (fputs(help, stdout), EXIT_OK)
                 : c == '?' || c == ':'
                     ? cli_usage_error(a->cmd, "bad option \"%s\"", argv[optind - 1])
                     : apply_option(a, c, optarg);
        if (rc >= 0) {
            free(table);
            return rc;
        }
    }
    free(table);
    a->inputs = argv + optind;
    a->ninputs = (size_t)(argc - optind);
    return -1;
}

int cli_push_arg(const char ***list, size_t *n, const char *arg)
{
    const char **p = realloc(*list, (*n + 1) * sizeof *p);
    if (!p)
        return EXIT_OSERR;
    *list = p;
    p[(*n)++] = arg;
    return EXIT_OK;
}

int cli_parse_wide(const char *s, sl_format *f)
{
    if (s && strcmp(s, "wide") == 0)
        *f = SL_FORMAT_WIDE_CSV;
    else if (s && strcmp(s, "wide-tsv") == 0)
        *f = SL_FORMAT_WIDE_TSV;
    else if (s && strcmp(s, "xlsx") == 0)
        *f = SL_FORMAT_XLSX;
    else if (s && strcmp(s, "jsonl") == 0)
        *f = SL_FORMAT_JSONL;
    else
        return -1;
    return 0;
}

int cli_binary_output(const char *cmd, const char *output)
{
    if ((!output || strcmp(output, "-") == 0) && isatty(STDOUT_FILENO))
        return cli_usage_error(cmd, "--format xlsx writes a binary workbook, not for a terminal; "
                                    "give -o FILE.xlsx or redirect standard output");
    return -1;
}

const char *cli_format_name(const char *s)
{
    return s && strcmp(s, "table") == 0 ? "text" : s;
}

int cli_parse_format(const char *s, sl_format *f)
{
    if (!s || strcmp(s, "json") == 0)
        *f = SL_FORMAT_JSON;
    else if (strcmp(s, "tsv") == 0)
        *f = SL_FORMAT_TSV;
    else if (strcmp(s, "csv") == 0)
        *f = SL_FORMAT_CSV;
    else if (strcmp(cli_format_name(s), "text") == 0)
        *f = SL_FORMAT_TABLE;
    else
        return -1;
    return 0;
}

static int load_lexicons(const args *a, sl_lexicon **lex)
{
    return cli_load_lexicons(a->lexicons, a->nlexicons, a->language, lex);
}

int cli_load_lexicons(const char *const *paths, size_t n, const char *language, sl_lexicon **lex)
{
    sl_error err = {0};
    char dir[PATH_MAX];
    const char *defaults[1] = {dir};
    if (n == 0) {
        if (sl_default_lexicon_dir(dir, sizeof dir, NULL) != SL_OK) {
            fprintf(stderr, "storylens: no default lexicons found next to the program or in "
                            "the install prefix; name one with -l FILE.lex\n");
            return EXIT_NOINPUT;
        }
        paths = defaults;
        n = 1;
    }
    if (sl_lexicon_load(lex, paths, n, language, &err) != SL_OK)
        return cli_report(&err);
    if (paths == defaults) /* recorded relative to their folder: no machine path */
        sl_lexicon_mark_bundled(*lex, dir);
    return EXIT_OK;
}

/* The modifier lexicons: --modifiers, else modifiers/ of the default
 * lexicon directory. With --no-direction none, unless the lexicons have
 * avoided(), negated() or ended() entries: the modifiers then judge those
 * entries and the output has no direction figures. */
static int load_modifiers(const args *a, const sl_lexicon *lex, sl_lexicon **mods)
{
    if (a->no_direction && !sl_lexicon_has_conditions(lex))
        return EXIT_OK;
    if (a->no_direction)
        sl_options_set_direction_figures(a->opts, 0);
    return cli_load_modifiers(a->modifiers, a->nmodifiers, a->language,
                              a->no_direction ? "the lexicons' avoided(), negated() and ended() "
                                                "entries need them; name them with --modifiers DIR"
                                              : "name them with --modifiers DIR or use "
                                                "--no-direction",
                              a->opts, mods);
}

int cli_load_modifiers(const char *const *paths, size_t n, const char *language,
                       const char *remedy, sl_options *opts, sl_lexicon **mods)
{
    sl_error err = {0};
    char dir[PATH_MAX], sub[PATH_MAX + 16];
    const char *defaults[1] = {sub};
    if (n == 0) {
        if (sl_default_lexicon_dir(dir, sizeof dir, NULL) != SL_OK) {
            fprintf(stderr, "storylens: no default modifier lexicons found next to the program "
                            "or in the install prefix; %s\n", remedy);
            return EXIT_NOINPUT;
        }
        snprintf(sub, sizeof sub, "%s/modifiers", dir);
        paths = defaults;
        n = 1;
    }
    if (sl_modifiers_load(mods, paths, n, language, &err) != SL_OK)
        return cli_report(&err);
    if (paths == defaults) /* "modifiers/NAME.lex", as the lexicons above */
        sl_lexicon_mark_bundled(*mods, dir);
    sl_options_set_modifiers(opts, *mods);
    return EXIT_OK;
}

int cli_load_calibration(const char *path, int allow_other, const sl_lexicon *lex,
                         sl_options *opts, sl_calibration **cal)
{
    sl_error err = {0};
    *cal = NULL;
    if (!path)
        return EXIT_OK;
    if (sl_calibration_load(cal, path, lex, allow_other, &err) != SL_OK)
        return cli_report(&err);
    sl_options_set_calibration(opts, *cal);
    return EXIT_OK;
}

/* stdio reads a pipe 4 KB at a time: 4,900 reads for 20 MB, each a trip
 * through the hypervisor here. glibc ignores a size without a buffer, so
 * the buffer is ours; set once, before the first read, by every command
 * that reads standard input. */
static void size_stdin(void)
{
    static char buf[1 << 16];
    static int sized;
    if (!sized && !isatty(STDIN_FILENO))
        setvbuf(stdin, buf, _IOFBF, sizeof buf);
    sized = 1;
}

/* Standard input about to be read. A run with no INPUT, given a terminal
 * as standard input, waits for stories typed there: said once, so it does
 * not look like a hang. */
static void begin_stdin(const args *a)
{
    static int said;
    size_stdin();
    if (!said && !a->quiet && isatty(STDIN_FILENO))
        fputs("storylens: reading stories from the terminal; end with Ctrl-D, or name a file\n",
              stderr);
    said = 1;
}

static sl_status add_stdin(const args *a, sl_analysis *an, sl_error *err)
{
    begin_stdin(a);
    return sl_analysis_add_stream(an, stdin, "-", err);
}

static int add_inputs(const args *a, sl_analysis *an, cli_progress *progress)
{
    sl_error err = {0};
    sl_status s = SL_OK;
    if (a->ninputs == 0)
        s = add_stdin(a, an, &err);
    for (size_t i = 0; s == SL_OK && i < a->ninputs; i++)
        s = strcmp(a->inputs[i], "-") == 0 ? add_stdin(a, an, &err)
                                           : sl_analysis_add_path(an, a->inputs[i], &err);
    if (s == SL_OK)
        return EXIT_OK;
    cli_progress_clear(progress);
    return cli_report(&err);
}

/* -o must not name a file the run reads; refused before any is read. */
static int refuse_inputs(const args *a, int lexicons)
{
    const char *const *in = (const char *const *)a->inputs;
    int rc = cli_output_refuse(a->output, in, a->ninputs, CLI_IN_CORPUS, "input");
    if (rc == EXIT_OK && lexicons)
        rc = cli_output_refuse_lexicons(a->output, a->lexicons, a->nlexicons, NULL, "lexicon");
    if (rc == EXIT_OK && lexicons && !a->no_direction)
        rc = cli_output_refuse_lexicons(a->output, a->modifiers, a->nmodifiers, "modifiers",
                                        "modifier lexicon");
    if (rc == EXIT_OK && a->calibration)
        rc = cli_output_refuse(a->output, &a->calibration, 1, CLI_IN_FILE, "calibration");
    return rc;
}

static int run_analysis(const args *a, const sl_lexicon *lex, sl_format fmt)
{
    sl_error err = {0};
    sl_analysis *an;
    if (refuse_inputs(a, 1) != EXIT_OK)
        return EXIT_CANTCREAT;
    cli_progress progress;
    cli_progress_attach(&progress, a->opts, a->quiet, a->inputs, a->ninputs);
    if (sl_analysis_new(&an, lex, a->opts, &err) != SL_OK)
        return cli_report(&err);
    int rc = add_inputs(a, an, &progress);
    cli_output out;
    if (rc == EXIT_OK)
        rc = cli_output_open(&out, a->output);
    if (rc == EXIT_OK) {
        /* The last batch is analysed inside write, so its progress is
         * erased only after it, and before any error or the output. */
        cli_progress_before_output(&progress, out.f);
        sl_status ws = sl_analysis_write(an, out.f, fmt, &err);
        int werr = errno; /* a write error's reason, kept past the progress line */
        cli_progress_clear(&progress);
        errno = werr;
        if (ws != SL_OK)
            rc = cli_output_fail(&out, &err);
        else
            rc = cli_output_commit(&out);
    }
    sl_analysis_free(an);
    return rc;
}

/* Warnings from the library: input that did not stop the run. */
int cmd_analyse(int argc, char **argv)
{
    args a = {.cmd = "analyse"};
    if (sl_options_new(&a.opts) != SL_OK)
        return EXIT_OSERR;
    int rc = parse_args(&a, argc, argv, analyse_help);
    sl_format fmt = SL_FORMAT_JSON;
    if (rc < 0 && cli_parse_format(a.format, &fmt) != 0 && cli_parse_wide(a.format, &fmt) != 0)
        rc = cli_usage_error(a.cmd, "--format: \"%s\"; use json, tsv, csv, text, wide, "
                                    "wide-tsv, xlsx or jsonl", a.format);
    if (rc < 0 && fmt == SL_FORMAT_XLSX)
        rc = cli_binary_output(a.cmd, a.output);
    if (rc < 0 && (fmt == SL_FORMAT_WIDE_CSV || fmt == SL_FORMAT_WIDE_TSV ||
                   fmt == SL_FORMAT_XLSX || fmt == SL_FORMAT_JSONL))
        sl_options_set_per_document(a.opts, 1); /* the sheet is the per-story rows */
    if (rc < 0 && a.bom && (fmt == SL_FORMAT_JSON || fmt == SL_FORMAT_TABLE ||
                            fmt == SL_FORMAT_XLSX || fmt == SL_FORMAT_JSONL))
        rc = cli_usage_error(a.cmd, "--bom: a byte order mark is for a CSV or TSV (JSON must not "
                                    "start with one); give -f csv, tsv, wide or wide-tsv");
    if (rc < 0 && a.no_direction && a.nmodifiers)
        rc = cli_usage_error(a.cmd, "--modifiers and --no-direction contradict each other; "
                                    "give one");
    sl_lexicon *lex = NULL, *mods = NULL;
    if (rc < 0)
        rc = load_lexicons(&a, &lex);
    if (rc == EXIT_OK && lex) /* not after --help, which loads no lexicon */
        rc = load_modifiers(&a, lex, &mods);
    sl_calibration *cal = NULL;
    if (rc == EXIT_OK && lex)
        rc = cli_load_calibration(a.calibration, a.allow_other_lexicons, lex, a.opts, &cal);
    if (rc == EXIT_OK && lex)
        rc = run_analysis(&a, lex, fmt);
    sl_calibration_free(cal);
    sl_lexicon_free(lex);
    sl_lexicon_free(mods);
    sl_options_free(a.opts);
    free(a.lexicons);
    free(a.modifiers);
    return rc < 0 ? EXIT_OK : rc;
}

int cmd_cat(int argc, char **argv)
{
    args a = {.cmd = "cat", .extra = &cat_extra};
    if (sl_options_new(&a.opts) != SL_OK)
        return EXIT_OSERR;
    int rc = parse_args(&a, argc, argv, cat_help);
    sl_format fmt = SL_FORMAT_JSON;
    if (rc < 0 && a.format && strcmp(a.format, "jsonl") != 0 &&
        (cli_parse_format(a.format, &fmt) != 0 || fmt == SL_FORMAT_TABLE))
        rc = cli_usage_error(a.cmd, "--format: \"%s\"; cat writes json (JSON lines), tsv or csv",
                             a.format);
    if (rc < 0 && a.bom && fmt == SL_FORMAT_JSON)
        rc = cli_usage_error(a.cmd, "--bom: a byte order mark is for a CSV or TSV; give -f csv "
                                    "or tsv");
    cli_progress progress;
    cli_progress_attach(&progress, a.opts, 1, NULL, 0);
    progress.quiet = a.quiet; /* cat reports warnings only: it has no batches */
    cli_output out;
    int run = rc < 0; /* not after --help, which must not read standard input */
    if (run && (rc = refuse_inputs(&a, 0)) == EXIT_OK)
        rc = cli_output_open(&out, a.output);
    if (run && rc == EXIT_OK) {
        sl_error err = {0};
        sl_status s = SL_OK;
        if (a.ninputs == 0) {
            begin_stdin(&a);
            s = sl_cat_format(a.opts, NULL, stdin, out.f, fmt, 1, &err);
        }
        for (size_t i = 0; s == SL_OK && i < a.ninputs; i++) {
            const char *path = strcmp(a.inputs[i], "-") == 0 ? NULL : a.inputs[i];
            if (!path)
                begin_stdin(&a);
            s = sl_cat_format(a.opts, path, path ? NULL : stdin, out.f, fmt, i == 0, &err);
        }
        if (s != SL_OK)
            rc = cli_output_fail(&out, &err);
        else
            rc = cli_output_commit(&out);
    }
    sl_options_free(a.opts);
    free(a.lexicons);
    free(a.modifiers);
    return rc;
}

int cli_reader_begin(cli_reader *r, const char *cmd, int argc, char **argv, const char *help,
                     const cli_extra *extra)
{
    args a = {.cmd = cmd, .extra = extra};
    memset(r, 0, sizeof *r);
    if (sl_options_new(&a.opts) != SL_OK)
        return EXIT_OSERR;
    int rc = parse_args(&a, argc, argv, help);
    free(a.lexicons); /* refused: none were taken */
    free(a.modifiers);
    r->opts = a.opts;
    r->output = a.output;
    r->inputs = a.inputs;
    r->ninputs = a.ninputs;
    r->quiet = a.quiet;
    size_stdin(); /* before any read of it, if the INPUTs name it */
    return rc;
}

/* ---- the corpus commands' shared front end (explain, kwic, suggest) ---- */

struct cli_corpus_state {
    args a;
    cli_progress progress;
    sl_lexicon *mods;
};

int cli_corpus_begin(cli_corpus *c, const char *cmd, int argc, char **argv, const char *help,
                     const cli_extra *extra)
{
    memset(c, 0, sizeof *c);
    c->state = calloc(1, sizeof *c->state);
    if (!c->state)
        return EXIT_OSERR;
    args *a = &c->state->a;
    a->cmd = cmd;
    a->extra = extra;
    if (sl_options_new(&a->opts) != SL_OK)
        return EXIT_OSERR;
    c->opts = a->opts;
    int rc = parse_args(a, argc, argv, help);
    c->format = cli_format_name(a->format);
    c->output = a->output;
    c->language = a->language;
    c->id_field = a->id_field;
    c->ninputs = a->ninputs;
    c->inputs = (const char *const *)a->inputs;
    c->calibration = a->calibration;
    c->allow_other_lexicons = a->allow_other_lexicons;
    if (rc < 0 && a->no_direction && a->nmodifiers)
        rc = cli_usage_error(a->cmd, "--modifiers and --no-direction contradict each other; "
                                     "give one");
    if (rc < 0)
        rc = load_lexicons(a, &c->lex);
    /* kwic shows each hit's direction and the trigger that decided it */
    if (rc == EXIT_OK && c->lex)
        rc = load_modifiers(a, c->lex, &c->state->mods);
    cli_progress_attach(&c->state->progress, a->opts, a->quiet, a->inputs, a->ninputs);
    if (rc == EXIT_OK && c->lex)
        rc = refuse_inputs(a, 1);
    return rc == EXIT_OK && c->lex ? -1 : rc;
}

int cli_corpus_add_inputs(const cli_corpus *c, sl_analysis *an)
{
    int rc = add_inputs(&c->state->a, an, &c->state->progress);
    cli_progress_clear(&c->state->progress);
    return rc;
}

void cli_corpus_end(cli_corpus *c)
{
    sl_lexicon_free(c->lex);
    if (c->state) {
        sl_lexicon_free(c->state->mods);
        sl_options_free(c->state->a.opts);
        free(c->state->a.lexicons);
        free(c->state->a.modifiers);
        free(c->state);
    }
    memset(c, 0, sizeof *c);
}

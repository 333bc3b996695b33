/*
 * shard.c - "storylens shard": any input cut into N JSONL parts whose
 * analyses merge into exactly the single run's figures.
 *
 * The stories are read once, with the ordinary readers, into a spool file
 * inside DIR (unlinked as soon as it is made, so nothing is left behind
 * whatever happens) as shard records (sl_shard_records); only then is the
 * total known, and the spool is cut at record ends into parts balanced by
 * bytes. Reading everything first also means standard input shards like a
 * file, and a bad record stops the run before any part is written.
 *
 * The cut is a greedy one by cumulative bytes, so it can be worked by
 * hand: with T bytes in all and P parts, part k ends after the first
 * record whose end c (bytes from the start) has c * P >= k * T, or
 * earlier when only as many records are left as parts to fill. Each part
 * is a contiguous run of the stories in input order and none is empty;
 * with fewer stories than N there is one part per story.
 */
#include <dirent.h>
#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "progress.h"

#define SHARD_MAX_PARTS 100000

static const char shard_help[] =
    "usage: storylens shard -n N -o DIR [OPTIONS] [INPUT...]\n"
    "\n"
    "Reads the INPUTs as analyse does (any format; '-' or none reads standard\n"
    "input) and writes the stories, in input order, into N JSONL files\n"
    "DIR/part-0001.jsonl ... balanced by bytes, each a contiguous run of stories.\n"
    "Analyse each part with the same --text-field and --id-field, and merge the\n"
    "analyses in part order: the result is byte for byte the single run's. A\n"
    "story keeps its id as the single run names it (FILE:LINE of the original\n"
    "file when it has none), its text and its metadata.\n"
    "\n"
    "  -n, --parts N           the number of parts, 1 to 100000 (fewer when there\n"
    "                          are fewer stories: one part per story)\n"
    "  -o, --output DIR        the folder of the parts (made when missing)\n"
    "      --force             replace part files already in DIR (and remove the\n"
    "                          ones this run does not write); default: refuse\n"
    "  -v, --verbose           one line per part on standard error\n"
    "      --text-field NAME   --id-field NAME   --input-format F   as for analyse\n"
    "      --sheet NAME        --split-on UNIT   as for analyse\n"
    "      --delimiter C       --encoding NAME   as for analyse\n"
    "      --skip-invalid      leave malformed records out, with a warning\n"
    "      --allow-duplicate-ids  as for analyse (default: a repeated id is an error)\n"
    "      --allow-empty       no stories: write one empty part (default: an error)\n"
    "  -q, --quiet             no warnings and no summary line\n"
    "  -h, --help              this help\n"
    "\n"
    "Parts are numbered with four digits (more from 10000 parts), so they sort\n"
    "in order. Standard output stays empty; a summary line goes to standard error.\n"
    "\n"
    "exit status: 0 ok, 64 usage, 65 bad data, 66 no input, 73 cannot create a\n"
    "             part (or DIR holds parts already), 74 I/O error\n";

enum { OPT_FORCE = 600 };

typedef struct shard_args {
    long parts;
    int force, verbose;
} shard_args;

static const struct option shard_opts[] = {
    {"parts", required_argument, NULL, 'n'},
    {"force", no_argument, NULL, OPT_FORCE},
    {"verbose", no_argument, NULL, 'v'},
    {NULL, 0, NULL, 0},
};

/* shard reads stories and counts nothing: the figure and lexicon options
 * have no use here. */
static const char *const shard_refuses[] = {
    "lexicon", "language", "cooccurrence", "by", "per-document", "modifiers", "no-direction",
    "threads", "confidence", "adjust", "calibration", "allow-different-lexicons", "format",
    "bom", NULL};

static int apply(void *ctx, int c, const char *arg)
{
    shard_args *s = ctx;
    char *end;
    switch (c) {
    case 'n':
        errno = 0;
        s->parts = strtol(arg, &end, 10);
        if (*arg == '\0' || *end != '\0' || errno || s->parts < 1 || s->parts > SHARD_MAX_PARTS)
            return cli_usage_error("shard", "-n: \"%s\"; give a number of parts from 1 to %d",
                                   arg, SHARD_MAX_PARTS);
        return -1;
    case OPT_FORCE: s->force = 1; return -1;
    case 'v': s->verbose = 1; return -1;
    }
    return cli_usage_error("shard", "unknown option");
}

/* 1 when name is a part file's: "part-", digits, ".jsonl". */
static int is_part_name(const char *name)
{
    if (strncmp(name, "part-", 5) != 0)
        return 0;
    const char *p = name + 5;
    while (*p >= '0' && *p <= '9')
        p++;
    return p > name + 5 && strcmp(p, ".jsonl") == 0;
}

/* Makes dir and its missing parents; EXIT_OK or EXIT_CANTCREAT. */
static int make_dir(const char *dir)
{
    char *p = strdup(dir);
    if (!p)
        return EXIT_OSERR;
    for (char *q = p + 1;; q++) {
        if (*q && *q != '/')
            continue;
        char was = *q;
        *q = '\0';
        if (mkdir(p, 0777) != 0 && errno != EEXIST) {
            fprintf(stderr, "storylens: %s: cannot make the folder: %s\n", p, strerror(errno));
            free(p);
            return EXIT_CANTCREAT;
        }
        if (!was)
            break;
        *q = was;
    }
    free(p);
    struct stat st;
    if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode)) {
        fprintf(stderr, "storylens: %s: not a folder; -o names the folder of the parts\n", dir);
        return EXIT_CANTCREAT;
    }
    return EXIT_OK;
}

/* Part files already in dir: refused unless force; with force, removed
 * (keep: the names this run wrote) once the new parts are in place. */
static int old_parts(const char *dir, int force, char *const *keep, size_t nkeep)
{
    DIR *d = opendir(dir);
    if (!d) {
        fprintf(stderr, "storylens: %s: %s\n", dir, strerror(errno));
        return EXIT_CANTCREAT;
    }
    int rc = EXIT_OK;
    struct dirent *e;
    while (rc == EXIT_OK && (e = readdir(d)) != NULL) {
        if (!is_part_name(e->d_name))
            continue;
        int mine = 0;
        for (size_t i = 0; i < nkeep && !mine; i++)
            mine = strcmp(strrchr(keep[i], '/') + 1, e->d_name) == 0;
        if (!force) {
            fprintf(stderr, "storylens: %s already holds part files (%s); remove them, name "
                            "another folder, or give --force to replace them\n", dir, e->d_name);
            rc = EXIT_CANTCREAT;
        } else if (keep && !mine) {
            char path[4096];
            snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
            if (unlink(path) != 0) {
                fprintf(stderr, "storylens: %s: cannot remove this old part: %s\n", path,
                        strerror(errno));
                rc = EXIT_CANTCREAT;
            }
        }
    }
    closedir(d);
    return rc;
}

/* An unlinked temporary file in dir for the records. */
static FILE *open_spool(const char *dir)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/.storylens-shard-XXXXXX", dir);
    int fd = mkstemp(path);
    if (fd < 0) {
        fprintf(stderr, "storylens: %s: cannot make a temporary file: %s\n", dir,
                strerror(errno));
        return NULL;
    }
    unlink(path);
    FILE *f = fdopen(fd, "w+");
    if (!f)
        close(fd);
    /* the spool is written and read once each: stdio's 4 KB buffer made
     * 5,200 reads of 20 MB; glibc ignores a size without a buffer */
    static char buf[1 << 16];
    if (f)
        setvbuf(f, buf, _IOFBF, sizeof buf);
    return f;
}

/* The names of the parts: DIR/part-0001.jsonl, with more digits when
 * there are 10,000 parts or more. Caller frees each and the array. */
static char **part_names(const char *dir, size_t nparts)
{
    int width = nparts >= 10000 ? 5 : 4; /* SHARD_MAX_PARTS has six digits */
    if (nparts >= 100000)
        width = 6;
    char **names = calloc(nparts, sizeof *names);
    for (size_t i = 0; names && i < nparts; i++) {
        size_t len = strlen(dir) + (size_t)width + 16;
        if (!(names[i] = malloc(len)))
            return names; /* the caller sees the NULL */
        snprintf(names[i], len, "%s/part-%0*zu.jsonl", dir, width, i + 1);
    }
    return names;
}

static void free_names(char **names, size_t n)
{
    for (size_t i = 0; names && i < n; i++)
        free(names[i]);
    free(names);
}

/* Where the cut goes: part k (1-based) of nparts closes after a record
 * ending at byte c, the idx-th of nrec. */
static int part_ends(unsigned long long c, unsigned long long total, size_t k, size_t nparts,
                     unsigned long long idx, unsigned long long nrec)
{
    if (k >= nparts)
        return 0;
    return c * nparts >= (unsigned long long)k * total || nrec - idx == nparts - k;
}

/* Copies the spool's records into the parts; on failure removes the
 * parts already written. */
static int write_parts(FILE *spool, char **names, size_t nparts, unsigned long long nrec,
                       unsigned long long total, int verbose)
{
    rewind(spool);
    char *line = NULL;
    size_t cap = 0, k = 1, done = 0;
    unsigned long long c = 0, idx = 0, first = 1, start = 0;
    cli_output out;
    int rc = cli_output_open(&out, names[0]);
    ssize_t len;
    while (rc == EXIT_OK && (len = getline(&line, &cap, spool)) > 0) {
        c += (unsigned long long)len;
        idx++;
        if (fwrite(line, 1, (size_t)len, out.f) != (size_t)len)
            break; /* the commit reports the write error */
        if (!part_ends(c, total, k, nparts, idx, nrec))
            continue;
        if ((rc = cli_output_commit(&out)) == EXIT_OK)
            done++;
        if (verbose && rc == EXIT_OK)
            fprintf(stderr, "storylens: %s: stories %llu-%llu (%llu), %llu bytes\n", names[k - 1],
                    first, idx, idx - first + 1, c - start);
        first = idx + 1;
        start = c;
        if (rc == EXIT_OK)
            rc = cli_output_open(&out, names[k++]);
    }
    free(line);
    if (rc == EXIT_OK && ferror(spool)) {
        fprintf(stderr, "storylens: cannot read back the temporary file: %s\n", strerror(errno));
        cli_output_abort(&out);
        rc = EXIT_IOERR;
    } else if (rc == EXIT_OK && (rc = cli_output_commit(&out)) == EXIT_OK) {
        done++;
        if (verbose)
            fprintf(stderr, "storylens: %s: stories %llu-%llu (%llu), %llu bytes\n", names[k - 1],
                    first, idx, idx - first + 1, c - start);
    }
    for (size_t i = 0; rc != EXIT_OK && i < done; i++)
        unlink(names[i]);
    return rc;
}

/* Reads the inputs into the spool; an exit status, and the records and
 * bytes written. */
static int spool_stories(const cli_reader *r, FILE *spool, unsigned long long *nrec,
                         unsigned long long *total)
{
    sl_error err = {0};
    cli_progress progress;
    cli_progress_attach(&progress, r->opts, 1, NULL, 0);
    progress.quiet = r->quiet; /* warnings only: there are no batches */
    sl_status s = sl_shard_records(r->opts, (const char *const *)r->inputs, r->ninputs, stdin,
                                   spool, nrec, &err);
    if (s != SL_OK)
        return cli_report(&err);
    if (fflush(spool) != 0 || ferror(spool)) {
        fprintf(stderr, "storylens: cannot write the temporary file: %s\n", strerror(errno));
        return EXIT_IOERR;
    }
    long end = ftell(spool);
    *total = end > 0 ? (unsigned long long)end : 0;
    return EXIT_OK;
}

static int run(const cli_reader *r, const shard_args *s)
{
    int rc = make_dir(r->output);
    if (rc == EXIT_OK)
        rc = old_parts(r->output, s->force, NULL, 0);
    FILE *spool = rc == EXIT_OK ? open_spool(r->output) : NULL;
    if (rc == EXIT_OK && !spool)
        rc = EXIT_CANTCREAT;
    unsigned long long nrec = 0, total = 0;
    if (rc == EXIT_OK)
        rc = spool_stories(r, spool, &nrec, &total);
    size_t nparts = nrec < (unsigned long long)s->parts ? (size_t)(nrec ? nrec : 1)
                                                        : (size_t)s->parts;
    char **names = rc == EXIT_OK ? part_names(r->output, nparts) : NULL;
    if (rc == EXIT_OK && (!names || !names[nparts - 1]))
        rc = EXIT_OSERR;
    for (size_t i = 0; rc == EXIT_OK && i < nparts; i++)
        rc = cli_output_refuse(names[i], (const char *const *)r->inputs, r->ninputs,
                               CLI_IN_CORPUS, "input");
    if (rc == EXIT_OK)
        rc = write_parts(spool, names, nparts, nrec, total, s->verbose);
    if (rc == EXIT_OK && s->force)
        rc = old_parts(r->output, 1, names, nparts);
    if (rc == EXIT_OK && !r->quiet)
        fprintf(stderr, "storylens: %s: %zu part%s, %llu stor%s, %llu bytes%s\n", r->output,
                nparts, nparts == 1 ? "" : "s", nrec, nrec == 1 ? "y" : "ies", total,
                nrec == 0 ? " (no stories: one empty part, --allow-empty)"
                : nrec < (unsigned long long)s->parts ? " (fewer stories than -n: one part per story)"
                                                      : "");
    free_names(names, nparts);
    if (spool)
        fclose(spool);
    return rc;
}

int cmd_shard(int argc, char **argv)
{
    shard_args s = {0};
    const cli_extra extra = {shard_opts, "n:v", apply, &s, shard_refuses};
    cli_reader r;
    int rc = cli_reader_begin(&r, "shard", argc, argv, shard_help, &extra);
    if (rc < 0 && s.parts == 0)
        rc = cli_usage_error("shard", "give the number of parts with -n N");
    if (rc < 0 && (!r.output || !r.output[0] || strcmp(r.output, "-") == 0))
        rc = cli_usage_error("shard", "give the folder of the parts with -o DIR");
    if (rc < 0)
        rc = run(&r, &s);
    sl_options_free(r.opts);
    return rc;
}

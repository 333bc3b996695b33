/*
 * report.h - what a run reports besides its figures: records and files it
 * skipped, regex entries that failed on a story, and warnings about bad
 * input, all in input order.
 *
 * The evidence team must be able to tell that a figure came from every
 * story it should have: with --skip-invalid a bad record does not stop the
 * run, so each one is listed here (and written to .corpus.skipped) and
 * announced through the message handler. Owned by the analysis; used on
 * the calling thread only.
 */
#ifndef SL_REPORT_H
#define SL_REPORT_H

#include <stddef.h>
#include <stdint.h>

#include "core/error.h"
#include "core/options.h"

typedef struct sl_skip {
    char *file;         /* owned */
    unsigned long line; /* where the record starts; 0: the whole file */
    char *reason;       /* owned */
} sl_skip;

typedef struct sl_regex_failure {
    char *story;  /* owned: the story id */
    char *entry;  /* owned: "LEXICON:LINE:COL" of the entry */
    char *reason; /* owned: PCRE2's message */
} sl_regex_failure;

typedef struct sl_report {
    sl_skip *skips;
    size_t nskips, skips_cap;
    sl_regex_failure *rfail;
    size_t nrfail, rfail_cap;
    char **files;             /* names of the sources read, for doc->source */
    size_t nfiles, files_cap;
    const char *utf8_warned;  /* the last file warned about invalid UTF-8 */
} sl_report;

void sli_report_free(sl_report *rp);

/* A copy of name that lives as long as rp: stories keep it as their
 * source after their reader is gone. Borrowed; NULL when out of memory. */
const char *sli_report_file(sl_report *rp, const char *name);

/* Lists a skipped record (line >= 1) or file (line 0) and warns. */
sl_status sli_report_skip(sl_report *rp, const sl_options *opts, const char *file,
                         unsigned long line, const char *reason, sl_error *err);

/* Warns once per file that a story held invalid UTF-8 (n bytes); cp1252:
 * its bad bytes look like Windows-1252 (sli_looks_cp1252), and the warning
 * says which --encoding to give. */
void sli_report_invalid_utf8(sl_report *rp, const sl_options *opts, const char *file,
                            unsigned long line, const char *story, uint64_t n, int cp1252);

/* Lists a regex entry that hit a PCRE2 limit on a story, and warns. */
sl_status sli_report_regex(sl_report *rp, const sl_options *opts, const char *story,
                          const char *entry, const char *reason, sl_error *err);

/* A warning through opts' message handler (none: nothing), formatted. */
void sli_warn(const sl_options *opts, const char *fmt, ...) SL_PRINTF(2, 3);

#endif

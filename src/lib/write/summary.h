/*
 * write_summary.h - pieces of the human summary (--format table) that
 * need the width of text on a terminal rather than its length in bytes.
 */
#ifndef SL_WRITE_SUMMARY_H
#define SL_WRITE_SUMMARY_H

#include <stdio.h>

#include "pipeline/analysis.h"

/* Columns s takes on a terminal (UTF-8; wide characters count 2, combining
 * marks 0; an invalid byte counts 1). */
int sli_display_width(const char *s);

/* Writes s left-aligned in width columns, padding with spaces; text wider
 * than max_width (> 1) is cut at a character and ends with an ellipsis. */
void sli_put_padded(FILE *out, const char *s, int width, int max_width);

/* With --by: for each field, a theme x group table of document shares and
 * the number of stories in each group. Writes nothing without --by. */
sl_status sli_write_summary_groups(const sl_analysis *an, FILE *out, sl_error *err);

#endif

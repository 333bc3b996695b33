/*
 * gold.h - hand codes in: a CSV/TSV file with an id column and one column
 * per theme (1, 0, or nothing / "?") or per theme's direction
 * ("T:direction": improved, worsened, mentioned, or nothing / "?").
 *
 * The file is read with the corpus CSV reader; each column header is
 * parsed into an sl_gold_column, so a later kind of column is one more
 * case in one function, not a new parser.
 */
#ifndef SL_GOLD_H
#define SL_GOLD_H

#include <stddef.h>
#include <stdint.h>

#include "core/strmap.h"
#include "storylens/storylens.h"

/* What a gold column codes. THEME: 1/0/empty/? per story. DIRECTION
 * ("T:direction"): improved/worsened/mentioned/empty/? per story, the
 * story's net direction for T. */
typedef enum sl_gold_kind { SL_GOLD_THEME = 0, SL_GOLD_DIRECTION } sl_gold_kind;

typedef struct sl_gold_column {
    char *header;       /* as written */
    char *theme;        /* the theme it codes */
    sl_gold_kind kind;
} sl_gold_column;

/* Parses one header cell. Returns 0, or -1 with why in msg. */
int sli_gold_parse_header(const char *header, sl_gold_column *col, char *msg, size_t msgsize);

/* A cell: 1 (present), 0 (absent), -1 (not coded: empty or "?"), or -2
 * (not a code). Surrounding blanks are ignored. */
int sli_gold_parse_cell(const char *cell);

/* The cell without surrounding blanks (and a CR): its start, its length in
 * *n; *n is 0 for a blank or "?" cell, which means "not coded". */
const char *sli_gold_trim(const char *cell, size_t *n);

/* A direction cell: SL_DIRECTION_IMPROVED, _WORSENED or _MENTIONED (any
 * case), -1 (not coded: empty or "?"), or -2 (not a direction). */
int sli_gold_parse_direction(const char *cell);

struct sl_gold {
    char *path;
    sl_gold_column *cols;
    size_t ncols;
    char **ids;          /* nids, in file order */
    unsigned long *lines;
    int8_t *codes;       /* nids * ncols */
    size_t nids;
    sl_strmap index;     /* id -> row */
};

#endif

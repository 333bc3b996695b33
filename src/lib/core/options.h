/*
 * options.h - the settings of a run, as the library stages read them.
 */
#ifndef SL_OPTIONS_H
#define SL_OPTIONS_H

#include <stdint.h>

#include "storylens/storylens.h"

/* A co-occurrence unit (--cooccurrence): the stretch of text in which two
 * themes count as meeting. */
typedef enum sl_unit_kind { SL_UNIT_DOCUMENT, SL_UNIT_PARAGRAPH, SL_UNIT_SENTENCE, SL_UNIT_WINDOW } sl_unit_kind;

typedef struct sl_unit {
    sl_unit_kind kind;
    uint32_t window; /* N for SL_UNIT_WINDOW */
} sl_unit;

/* At most this many units in one run. */
#define SL_MAX_UNITS 8


struct sl_options {
    int threads;           /* 0 = all cores */
    char *text_field, *id_field;
    char *sheet;           /* spreadsheets: the sheet read; NULL = the first */
    int split_heading;     /* documents: a story per Heading 1/2 section */
    int delimiter;         /* CSV: the field separator; 0 = ',' or ';' by the header */
    char *encoding;        /* text inputs: iconv name; NULL = UTF-8 (UTF-16 by BOM) */
    char *cooccurrence;    /* as given, for the output's settings */
    sl_unit units[SL_MAX_UNITS];
    size_t nunits;
    char **by;
    size_t nby, by_cap;
    int per_document;
    sl_input_format stdin_format;
    int skip_invalid;
    sl_message_fn on_message;
    void *message_user;
    sl_progress_fn on_progress;
    void *progress_user;
    sl_story_fn on_story;
    void *story_user;
    const sl_lexicon *modifiers; /* direction of change on when set (borrowed) */
    int no_direction_figures;    /* modifiers judge conditions only (sl_options_set_direction_figures) */
    double confidence;           /* of every interval (sl_options_set_confidence) */
    sl_adjust adjust;            /* of p-values across themes */
    const sl_calibration *calibration; /* corrected shares when set (borrowed) */
    int allow_duplicate_ids;     /* count a story id met twice (count/seen.h) */
    int allow_empty;             /* write the figures of no stories */
    int bom;                     /* a UTF-8 BOM before CSV/TSV output */
};

#endif

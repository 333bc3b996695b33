/*
 * options.h - the settings of a run, as the library stages read them.
 */
#ifndef SL_OPTIONS_H
#define SL_OPTIONS_H

#include "count/aggregate.h"
#include "storylens/storylens.h"

struct sl_options {
    int threads;           /* 0 = all cores */
    char *text_field, *id_field;
    char *cooccurrence;    /* as given, for the output's settings */
    sl_unit units[SL_MAX_UNITS];
    size_t nunits;
    char **by;
    size_t nby;
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
};

#endif

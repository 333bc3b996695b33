/*
 * observe.c - what the story-observing commands (explain, kwic, suggest)
 * share: running a corpus through the story handler. Their aligned output
 * measures text with the library's sl_display_width.
 */

#include "cli.h"

int cli_corpus_run(const cli_corpus *c)
{
    sl_error err = {0};
    sl_analysis *an;
    if (sl_analysis_new(&an, c->lex, c->opts, &err) != SL_OK)
        return cli_report(&err);
    int rc = cli_corpus_add_inputs(c, an);
    /* 0 stories is an error here too, as in analyse: an empty answer
     * would read as "nothing matched" */
    if (rc == EXIT_OK && sl_analysis_finish(an, &err) != SL_OK)
        rc = cli_report(&err);
    sl_analysis_free(an);
    return rc;
}

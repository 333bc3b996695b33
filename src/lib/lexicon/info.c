/*
 * lexicon_info.c - read-only views of a loaded lexicon's entries.
 *
 * The tuning tools (explain, kwic --entry) list entries by the text a
 * researcher wrote; the compiled lexicon stays opaque behind these getters.
 */
#include "lexicon/lexicon.h"

int sl_lexicon_has_conditions(const sl_lexicon *lex)
{
    return lex && lex->has_conditions;
}

size_t sl_lexicon_entry_count(const sl_lexicon *lex)
{
    return lex ? lex->nentries : 0;
}

const char *sl_lexicon_entry(const sl_lexicon *lex, size_t i, size_t *theme, int *exclusion)
{
    if (!lex || i >= lex->nentries)
        return NULL;
    const sl_entry *e = &lex->entries[i];
    if (theme)
        *theme = e->theme;
    if (exclusion)
        *exclusion = e->exclusion;
    return e->source;
}

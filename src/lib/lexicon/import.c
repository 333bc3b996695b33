/*
 * import.c - which parser reads a lexicon file: .lex, LIWC .dic or YAML.
 *
 * Teams arrive with dictionaries they already have: LIWC-format .dic files
 * and quanteda-style YAML dictionaries. Both hold glob patterns over surface
 * words, which import_glob.c turns into .lex entries; the entry then goes
 * through the .lex parser, so an imported word is held to exactly the
 * rules (and messages) of a hand-written one.
 */
#include <stdlib.h>
#include <string.h>

#include "core/error.h"
#include "lexicon/lexicon.h"

static int ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), k = strlen(suffix);
    return n >= k && strcmp(s + n - k, suffix) == 0;
}

sl_status sli_lex_parse_any(sl_lex_parse *p, uint32_t file, const char *path, const char *buf,
                           size_t len, sl_error *err)
{
    if (ends_with(path, ".dic"))
        return sli_lex_parse_liwc(p, file, path, buf, len, err);
    if (ends_with(path, ".yml") || ends_with(path, ".yaml"))
        return sli_lex_parse_yaml(p, file, path, buf, len, err);
    return sli_lex_parse_buffer(p, file, path, buf, len, err);
}

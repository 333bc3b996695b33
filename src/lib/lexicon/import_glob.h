/*
 * import_glob.h - what the dictionary importers (LIWC .dic, YAML) share:
 * a glob pattern of the source format as .lex entry text.
 */
#ifndef SL_IMPORT_GLOB_H
#define SL_IMPORT_GLOB_H

#include <stddef.h>

/* Turns a glob pattern of the source format (one or more blank-separated
 * words, each a word or a word ending in '*') into .lex entry text in out:
 * w* -> w*, w -> =w, several words -> "=w1 w2*". Returns its length, -1
 * when the pattern is empty or too long for out, -2 when a '*' or '?'
 * stands elsewhere than at the end of a word. */
int sli_import_glob(const char *pat, size_t n, char *out, size_t size);

#endif

/*
 * import_glob.c - a word of another dictionary format as a .lex entry.
 *
 * LIWC .dic files and quanteda-style YAML dictionaries hold glob patterns
 * over surface words, so an imported `word*` becomes the wildcard entry
 * `word*` and a plain `word` the exact entry `=word` (never a stemmed
 * word: the source format did not stem). A pattern of several words
 * becomes a phrase of such words.
 */
#include <string.h>

#include "lexicon/import_glob.h"

/* Appends one glob word as a .lex word: w* stays, w becomes =w. Returns the
 * bytes written, or 0 when a '*' or '?' stands anywhere but at the end. */
static size_t glob_word(char *out, const char *w, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (w[i] == '?' || (w[i] == '*' && i + 1 != n))
            return 0;
    size_t k = 0;
    if (w[n - 1] != '*')
        out[k++] = '=';
    memcpy(out + k, w, n);
    return k + n;
}

int sli_import_glob(const char *pat, size_t n, char *out, size_t size)
{
    while (n && (*pat == ' ' || *pat == '\t')) {
        pat++;
        n--;
    }
    while (n && (pat[n - 1] == ' ' || pat[n - 1] == '\t'))
        n--;
    if (n == 0 || 3 * n + 3 > size)
        return -1;
    int phrase = memchr(pat, ' ', n) != NULL;
    size_t k = 0;
    if (phrase)
        out[k++] = '"';
    for (size_t i = 0; i < n;) {
        size_t j = i;
        while (j < n && pat[j] != ' ' && pat[j] != '\t')
            j++;
        if (j > i) {
            if (k > 1)
                out[k++] = ' ';
            size_t w = glob_word(out + k, pat + i, j - i);
            if (w == 0)
                return -2;
            k += w;
        }
        i = j + 1;
    }
    if (phrase)
        out[k++] = '"';
    out[k] = '\0';
    return (int)k;
}

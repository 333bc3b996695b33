/*
 * find.c - where the default lexicons are, and how the output names them.
 *
 * With no -l, storylens uses its default lexicons without any flag or
 * environment variable. They are looked for relative to the running
 * binary first, so an install that was staged with DESTDIR or moved
 * elsewhere still finds its own lexicons, and a binary in the build tree
 * finds lexicons/ of the source tree:
 *   BIN/../share/storylens/lexicons   (installed: PREFIX/bin/storylens)
 *   BIN/../../lexicons                (source tree: build/FLAVOUR/storylens)
 *   BIN/../lexicons                   (source tree, one level down)
 *   SL_DATADIR/lexicons               (the configured install prefix)
 *
 * Those folders differ from machine to machine (a home folder, a build
 * tree, an install prefix), so the output records a bundled lexicon by its
 * path inside the folder: the same corpus then gives the same bytes from
 * the build tree and from any install, and a published JSON names no
 * folder of the machine that made it. The sha256 beside it says which
 * lexicon it was.
 */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/error.h"
#include "lexicon/lexicon.h"

#ifndef SL_DATADIR
#define SL_DATADIR "/usr/local/share/storylens"
#endif

static int is_dir(const char *p)
{
    struct stat st;
    return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

sl_status sl_default_lexicon_dir(char *buf, size_t size, const char *exe_path)
{
    char exe[PATH_MAX];
    if (exe_path) {
        snprintf(exe, sizeof exe, "%s", exe_path);
    } else {
        ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
        exe[n > 0 ? n : 0] = '\0';
    }
    char *slash = strrchr(exe, '/');
    if (slash)
        *slash = '\0';
    static const char *const rel[] = {"/../share/storylens/lexicons", "/../../lexicons",
                                      "/../lexicons"};
    char cand[PATH_MAX + 64];
    for (size_t i = 0; slash && i < sizeof rel / sizeof rel[0]; i++) {
        snprintf(cand, sizeof cand, "%s%s", exe, rel[i]);
        if (is_dir(cand)) {
            char real[PATH_MAX];
            snprintf(buf, size, "%s", realpath(cand, real) ? real : cand);
            return SL_OK;
        }
    }
    if (is_dir(SL_DATADIR "/lexicons")) {
        snprintf(buf, size, "%s", SL_DATADIR "/lexicons");
        return SL_OK;
    }
    return SL_ENOINPUT;
}

void sl_lexicon_mark_bundled(sl_lexicon *lex, const char *dir)
{
    size_t n = dir ? strlen(dir) : 0;
    while (n > 1 && dir[n - 1] == '/')
        n--;
    for (size_t i = 0; lex && n && i < lex->nfiles; i++) {
        const char *p = lex->files[i].path;
        if (strncmp(p, dir, n) == 0 && p[n] == '/' && p[n + 1])
            lex->files[i].bundled = p + n + 1;
    }
}

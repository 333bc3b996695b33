/*
 * error.c - the one table of status names and the sl_error filler.
 */
#include "core/error.h"

#include <stdarg.h>
#include <stdio.h>

static const char *const status_names[] = {
    [SL_OK] = "success",
    [SL_EUSAGE] = "usage error",
    [SL_EDATA] = "malformed input",
    [SL_ELEXICON] = "lexicon error",
    [SL_ENOINPUT] = "cannot open input",
    [SL_EIO] = "input/output error",
    [SL_ENOMEM] = "out of memory",
    [SL_EINTERNAL] = "internal error",
};

const char *sl_status_name(sl_status code)
{
    if ((unsigned)code >= sizeof status_names / sizeof status_names[0])
        return "unknown error";
    return status_names[code];
}

sl_status sli_fail(sl_error *err, sl_status code, const char *fmt, ...)
{
    if (err) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(err->text, sizeof err->text, fmt, ap);
        va_end(ap);
        err->code = code;
    }
    return code;
}

sl_status sli_fail_nomem(sl_error *err)
{
    return sli_fail(err, SL_ENOMEM, "out of memory");
}

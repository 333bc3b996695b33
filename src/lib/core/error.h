/*
 * error.h - filling the caller's sl_error record.
 *
 * Every stage reports failure the same way: it returns an sl_status and, when
 * the caller passed a record, writes a compiler-style message into it. The
 * record lives on the caller's stack, so workers on other threads can fill
 * their own and hand them back; there is no global "last error".
 */
#ifndef SL_ERROR_H
#define SL_ERROR_H

#include "storylens/storylens.h"

#if defined(__GNUC__)
#define SL_PRINTF(f, a) __attribute__((format(printf, f, a)))
#else
#define SL_PRINTF(f, a)
#endif

/* Sets err (if not NULL) to code and the formatted message; returns code. */
sl_status sli_fail(sl_error *err, sl_status code, const char *fmt, ...) SL_PRINTF(3, 4);

/* The standard out-of-memory failure. */
sl_status sli_fail_nomem(sl_error *err);

#endif

/*
 * read_jsonl.c - JSONL/NDJSON sources: one JSON object per line.
 *
 * Lines are read with getline() into one reused buffer, so a line may be any
 * length and the file is never held whole. Each object becomes a story: the
 * text field (a string), the id field (string or integer; absent or null
 * gives "FILE:LINE") and every other scalar field as metadata, in the
 * object's key order (jansson iterates objects in insertion order; a
 * repeated key keeps its first position and its last value). null, arrays
 * and objects are not metadata: they have no single text form to group by.
 *
 * jansson rejects invalid UTF-8 outright, but survey exports often carry a
 * stray Latin-1 byte; one bad byte must not stop a run, so each bad byte is
 * replaced with U+FFFD before parsing and counted in doc->invalid_utf8.
 *
 * This jansson path is the reference. Most lines are plain story objects,
 * which read_jsonl_fast.c decodes in one pass without building json_t
 * values; it hands everything else here, errors included, so messages are
 * always jansson's.
 */
#include "read/record.h"

#include <errno.h>
#include <jansson.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/error.h"

static size_t count_invalid(const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t bad = 0;
    for (size_t i = 0; i < n;) {
        size_t k = sl_rd_utf8_seq(p + i, n - i);
        bad += k == 0;
        i += k ? k : 1;
    }
    return bad;
}

/* A copy of s with each ill-formed byte replaced by U+FFFD (3 bytes). */
static char *replace_invalid(const char *s, size_t n, size_t bad, size_t *out_len)
{
    const unsigned char *p = (const unsigned char *)s;
    char *out = malloc(n + 2 * bad + 1);
    if (!out)
        return NULL;
    size_t o = 0;
    for (size_t i = 0; i < n;) {
        size_t k = sl_rd_utf8_seq(p + i, n - i);
        if (k) {
            memcpy(out + o, s + i, k);
            o += k;
            i += k;
        } else {
            memcpy(out + o, "\xEF\xBF\xBD", 3);
            o += 3;
            i++;
        }
    }
    out[o] = '\0';
    *out_len = o;
    return out;
}

static const char *kind_of(const json_t *v)
{
    switch (json_typeof(v)) {
    case JSON_OBJECT:
        return "an object";
    case JSON_ARRAY:
        return "an array";
    case JSON_STRING:
        return "a string";
    case JSON_INTEGER:
    case JSON_REAL:
        return "a number";
    case JSON_TRUE:
    case JSON_FALSE:
        return "a boolean";
    case JSON_NULL:
        break;
    }
    return "null";
}

/* The text form of a scalar, or NULL (with *skip set) for null, arrays and
 * objects. Reals go through jansson's own formatter: it is locale-proof. */
static char *scalar_text(const json_t *v, int *skip)
{
    char num[64];
    *skip = 0;
    switch (json_typeof(v)) {
    case JSON_STRING:
        return sli_rd_fielddup(json_string_value(v), json_string_length(v));
    case JSON_INTEGER:
        snprintf(num, sizeof num, "%" JSON_INTEGER_FORMAT, json_integer_value(v));
        return strdup(num);
    case JSON_REAL:
        return json_dumps(v, JSON_ENCODE_ANY | JSON_REAL_PRECISION(15));
    case JSON_TRUE:
        return strdup("true");
    case JSON_FALSE:
        return strdup("false");
    default:
        *skip = 1;
        return NULL;
    }
}

static sl_status take_id(sl_reader *r, json_t *obj, sl_doc *doc, sl_error *err)
{
    json_t *v = json_object_get(obj, r->id_field);
    if (v && (json_is_string(v) || json_is_integer(v))) {
        int skip;
        doc->id = scalar_text(v, &skip);
        if (!doc->id)
            return sli_fail_nomem(err);
        if (doc->id[0] != '\0')
            return SL_OK;
        free(doc->id); /* an empty id names nothing: fall back to FILE:LINE */
        doc->id = NULL;
    } else if (v && !json_is_null(v)) {
        return sli_rd_malformed(r, 1, r->line, 0, err,
                               "field \"%s\" is %s, expected a string or an integer id; "
                               "use --id-field to name another field",
                               r->id_field, kind_of(v));
    }
    doc->id = sli_rd_file_line(r, r->line);
    doc->id_from_line = 1;
    return doc->id ? SL_OK : sli_fail_nomem(err);
}

static sl_status take_text(sl_reader *r, json_t *obj, sl_doc *doc, sl_error *err)
{
    json_t *v = json_object_get(obj, r->text_field);
    if (!v)
        return sli_rd_malformed(r, 1, r->line, 0, err, "story %s: field \"%s\" is missing",
                               doc->id, r->text_field);
    if (!json_is_string(v))
        return sli_rd_malformed(r, 1, r->line, 0, err,
                               "story %s: field \"%s\" is %s, expected a string", doc->id,
                               r->text_field, kind_of(v));
    doc->text_len = json_string_length(v);
    doc->text = sli_rd_textdup(json_string_value(v), doc->text_len);
    return doc->text ? SL_OK : sli_fail_nomem(err);
}

static sl_status take_meta(sl_reader *r, json_t *obj, sl_doc *doc, sl_error *err)
{
    const char *key;
    json_t *v;
    json_object_foreach(obj, key, v) {
        if (strcmp(key, r->text_field) == 0 || strcmp(key, r->id_field) == 0)
            continue;
        int skip;
        char *s = scalar_text(v, &skip);
        if (skip)
            continue;
        if (!s)
            return sli_fail_nomem(err);
        sl_status rc = sli_rd_meta_add(doc, key, strlen(key), s, strlen(s), err);
        free(s);
        if (rc != SL_OK)
            return rc;
    }
    return SL_OK;
}

/* Whether the number s[0..n) is beyond what jansson holds: an integer
 * outside int64, or a real that overflows a double. */
static int number_too_big(const char *s, size_t n)
{
    char *copy = sli_rd_memdup(s, n);
    if (!copy)
        return 0;
    char *end;
    errno = 0;
    if (strcspn(copy, ".eE") == n)
        (void)strtoll(copy, &end, 10);
    else if (fabs(strtod(copy, &end)) != HUGE_VAL && errno == ERANGE)
        errno = 0; /* an underflow is 0, as jansson reads it */
    int big = errno == ERANGE;
    free(copy);
    return big;
}

/* The end of the string whose opening quote is at s[i]. */
static size_t skip_string(const char *s, size_t n, size_t i)
{
    for (i++; i < n && s[i] != '"'; i++)
        if (s[i] == '\\')
            i++;
    return i < n ? i + 1 : n;
}

/* A copy of s[0..n) with each number too big for jansson in quotes, so it
 * is read as its text (a 30-digit id or 1e400 in a metadata field is data,
 * not a malformed record); *shift counts the quotes added. NULL when out of
 * memory. */
static char *quote_big_numbers(const char *s, size_t n, size_t *out_len, size_t *shift)
{
    char *out = malloc(3 * n + 1); /* at most a quote pair per 1-byte number */
    if (!out)
        return NULL;
    size_t o = 0;
    for (size_t i = 0; i < n;) {
        size_t j = i + 1;
        if (s[i] == '"')
            j = skip_string(s, n, i);
        else if (s[i] == '-' || (s[i] >= '0' && s[i] <= '9')) {
            j = i + strspn(s + i, "+-0123456789.eE");
            j = j > n ? n : j;
            if (number_too_big(s + i, j - i)) {
                out[o++] = '"';
                memcpy(out + o, s + i, j - i);
                o += j - i;
                out[o++] = '"';
                *shift += 2;
                i = j;
                continue;
            }
        }
        memcpy(out + o, s + i, j - i);
        o += j - i;
        i = j;
    }
    out[o] = '\0';
    *out_len = o;
    return out;
}

/* The line parsed by jansson, or NULL with *oom or je set; a number too
 * big for jansson is read as a string (see quote_big_numbers). An error
 * found after that is moved back by the quotes added, which is exact unless
 * a big number follows the error on the same line. */
static json_t *load_line(const char *s, size_t n, json_error_t *je, int *oom)
{
    const size_t flags = JSON_DECODE_ANY | JSON_ALLOW_NUL;
    json_t *root = json_loadb(s, n, flags, je);
    if (root || json_error_code(je) != json_error_numeric_overflow)
        return root;
    size_t qn, shift = 0;
    char *quoted = quote_big_numbers(s, n, &qn, &shift);
    if (!quoted) {
        *oom = 1;
        return NULL;
    }
    root = json_loadb(quoted, qn, flags, je);
    free(quoted);
    if (!root && je->column > (int)shift)
        je->column -= (int)shift;
    return root;
}

sl_status sli_rd_jsonl_parse_ref(sl_reader *r, const char *s, size_t n, sl_doc *doc,
                                sl_error *err)
{
    size_t bad = count_invalid(s, n);
    char *fixed = NULL;
    if (bad) {
        fixed = replace_invalid(s, n, bad, &n);
        if (!fixed)
            return sli_fail_nomem(err);
        s = fixed;
    }
    json_error_t je;
    int oom = 0;
    json_t *root = load_line(s, n, &je, &oom);
    free(fixed);
    if (!root && (oom || json_error_code(&je) == json_error_out_of_memory))
        return sli_fail_nomem(err);
    if (!root)
        return sli_rd_malformed(r, 1, r->line, je.column > 0 ? (unsigned long)je.column : 1,
                               err, "%s; the line must hold one JSON object", je.text);
    sl_status rc;
    if (!json_is_object(root))
        rc = sli_rd_malformed(r, 1, r->line, 0, err,
                             "found %s; the line must hold one JSON object", kind_of(root));
    else if ((rc = take_id(r, root, doc, err)) == SL_OK &&
             (rc = take_text(r, root, doc, err)) == SL_OK)
        rc = take_meta(r, root, doc, err);
    json_decref(root);
    if (rc != SL_OK)
        return rc;
    doc->source = r->name;
    doc->line = r->line;
    doc->invalid_utf8 = bad;
    return SL_OK;
}

/* Most lines are plain story objects that the fast path reads in one pass;
 * everything else, and every error, goes through jansson. */
static sl_status parse_line(sl_reader *r, const char *s, size_t n, sl_doc *doc, sl_error *err)
{
    sl_rd_fast fast = sli_rd_jsonl_fast(r, s, n, doc);
    if (fast == SL_RD_DONE)
        return SL_OK;
    if (fast == SL_RD_NOMEM)
        return sli_fail_nomem(err);
    return sli_rd_jsonl_parse_ref(r, s, n, doc, err);
}

static int is_space_only(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!strchr(" \t\r\n\f\v", s[i]) || s[i] == '\0')
            return 0;
    return 1;
}

sl_status sli_rd_jsonl_next(sl_reader *r, sl_doc *doc, int *got, sl_error *err)
{
    for (;;) {
        errno = 0;
        ssize_t got_len = getline(&r->lbuf, &r->lcap, r->in);
        if (got_len < 0) {
            int e = errno;
            r->done = 1;
            if (ferror(r->in))
                return sli_rd_read_error(r, e, err);
            return e == ENOMEM ? sli_fail_nomem(err) : SL_OK;
        }
        r->line++;
        const char *s = r->lbuf;
        size_t n = (size_t)got_len;
        if (r->line == 1 && n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0) {
            s += 3;
            n -= 3;
        }
        /* the line end is not part of the record: a cut-off line then reads
         * the same with LF and CRLF ends */
        if (n && s[n - 1] == '\n')
            n--;
        if (n && s[n - 1] == '\r')
            n--;
        if (is_space_only(s, n))
            continue;
        sl_status rc = parse_line(r, s, n, doc, err);
        if (rc != SL_OK) {
            sli_doc_clear(doc);
            return rc;
        }
        *got = 1;
        return SL_OK;
    }
}

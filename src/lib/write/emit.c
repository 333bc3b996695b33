/*
 * emit.c - building and writing JSON (emit.h).
 */
#include <stdlib.h>
#include <string.h>

#include "write/emit.h"

/* ---- strings ------------------------------------------------------------ */

/* The length of the valid UTF-8 sequence at s[i..n), or 0. jansson's own
 * check decides, so what passes here passes json_string(). */
static size_t utf8_seq(const char *s, size_t i, size_t n)
{
    unsigned char c = (unsigned char)s[i];
    if (c < 0x80)
        return 1;
    size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 0;
    json_t *probe = len && i + len <= n ? json_stringn(s + i, len) : NULL;
    if (!probe)
        return 0;
    json_decref(probe);
    return len;
}

/* s[0..n) with each invalid byte as U+FFFD, in a new buffer of *out_len
 * bytes (NUL-terminated); NULL when out of memory. A NUL byte is kept:
 * jansson writes it as \u0000, as it does when the string needs no repair,
 * so a story's text reads the same whether or not it also holds a bad byte. */
static char *repair(const char *s, size_t n, size_t *out_len)
{
    char *fixed = malloc(3 * n + 1);
    if (!fixed)
        return NULL;
    size_t o = 0;
    for (size_t i = 0; i < n;) {
        size_t len = utf8_seq(s, i, n);
        if (len == 0) {
            memcpy(fixed + o, "\xEF\xBF\xBD", 3);
            o += 3;
            i++;
            continue;
        }
        memcpy(fixed + o, s + i, len);
        o += len;
        i += len;
    }
    fixed[o] = '\0';
    *out_len = o;
    return fixed;
}

json_t *sli_json_textn(const char *s, size_t n)
{
    json_t *v = json_stringn(s, n);
    if (v)
        return v;
    size_t len;
    char *fixed = repair(s, n, &len);
    if (!fixed)
        return NULL;
    v = json_stringn(fixed, len);
    free(fixed);
    return v;
}

json_t *sli_json_text(const char *s)
{
    json_t *v = json_string(s);
    return v ? v : sli_json_textn(s, strlen(s));
}

json_t *sli_json_count(uint64_t n)
{
    return json_integer((json_int_t)n);
}

/* ---- building ------------------------------------------------------------ */

/* Whether jansson takes key as it is: ASCII always; otherwise its own
 * check decides (rare: a group value or metadata key in another script). */
int sli_json_key_ok(const char *key)
{
    const unsigned char *p = (const unsigned char *)key;
    while (*p && *p < 0x80)
        p++;
    if (!*p)
        return 1;
    json_t *probe = json_string(key);
    json_decref(probe);
    return probe != NULL;
}

void sli_jb_set(sl_jb *b, json_t *obj, const char *key, json_t *v)
{
    if (!v || !obj) {
        json_decref(v);
        b->oom = 1;
        return;
    }
    char *fixed = NULL;
    size_t len;
    if (!sli_json_key_ok(key) && !(key = fixed = repair(key, strlen(key), &len))) {
        json_decref(v);
        b->oom = 1;
        return;
    }
    if (fixed && json_object_get(obj, key) && !b->clash) {
        b->clash = 1;
        snprintf(b->clash_key, sizeof b->clash_key, "%s", key);
    }
    if (json_object_set_new(obj, key, v) != 0)
        b->oom = 1; /* jansson released v */
    free(fixed);
}

void sli_jb_push(sl_jb *b, json_t *arr, json_t *v)
{
    if (!v || !arr) {
        json_decref(v);
        b->oom = 1;
        return;
    }
    if (json_array_append_new(arr, v) != 0)
        b->oom = 1; /* jansson released v */
}

/* ---- output -------------------------------------------------------------- */

typedef struct dump_buf {
    FILE *out;
    size_t n;
    int failed;
    char b[1 << 16];
} dump_buf;

static int dump_flush(dump_buf *d)
{
    if (d->n && fwrite(d->b, 1, d->n, d->out) != d->n)
        d->failed = 1;
    d->n = 0;
    return d->failed ? -1 : 0;
}

static int dump_piece(const char *piece, size_t size, void *data)
{
    dump_buf *d = data;
    if (size > sizeof d->b - d->n && dump_flush(d) != 0)
        return -1;
    if (size > sizeof d->b) /* a long string: straight through */
        return fwrite(piece, 1, size, d->out) == size ? 0 : -1;
    memcpy(d->b + d->n, piece, size);
    d->n += size;
    return 0;
}

/* A dump that holds back its last `hold` bytes (the closing brace of an
 * object written open) and puts `indent` spaces after every newline (a
 * value written at a depth of its own). Bytes go on in runs, not one at a
 * time: the root of a 1,000-theme co-occurrence table is hundreds of MB. */
typedef struct dump_shaped {
    dump_buf *d;
    size_t indent;
    char held[4];
    size_t nheld, hold;
} dump_shaped;

/* n bytes with the indent after each newline. */
static int shaped_run(dump_shaped *s, const char *p, size_t n)
{
    static const char spaces[16] = "                ";
    while (n) {
        const char *nl = s->indent ? memchr(p, '\n', n) : NULL;
        size_t k = nl ? (size_t)(nl - p) + 1 : n;
        if (dump_piece(p, k, s->d) != 0 || (nl && dump_piece(spaces, s->indent, s->d) != 0))
            return -1;
        p += k;
        n -= k;
    }
    return 0;
}

static int shaped_piece(const char *piece, size_t size, void *data)
{
    dump_shaped *s = data;
    if (size >= s->hold) { /* what was held, and all of this but its last bytes, go on */
        if (shaped_run(s, s->held, s->nheld) != 0 ||
            shaped_run(s, piece, size - s->hold) != 0)
            return -1;
        memcpy(s->held, piece + size - s->hold, s->hold);
        s->nheld = s->hold;
        return 0;
    }
    size_t over = s->nheld + size > s->hold ? s->nheld + size - s->hold : 0;
    if (shaped_run(s, s->held, over) != 0)
        return -1;
    memmove(s->held, s->held + over, s->nheld - over);
    memcpy(s->held + s->nheld - over, piece, size);
    s->nheld += size - over;
    return 0;
}

int sli_json_write_shaped(const json_t *v, FILE *out, size_t flags, size_t indent, size_t hold)
{
    dump_buf *d = malloc(sizeof *d);
    if (!d || indent > 16 || hold > sizeof ((dump_shaped *)0)->held) {
        free(d);
        return -1;
    }
    d->out = out;
    d->n = 0;
    d->failed = 0;
    dump_shaped s = {d, indent, {0}, 0, hold}; /* the first line follows its key */
    int rc = json_dump_callback(v, shaped_piece, &s, flags) != 0 || s.nheld != hold ||
                     dump_flush(d) != 0
                 ? -1
                 : 0;
    free(d);
    return rc;
}

int sli_json_write(const json_t *root, FILE *out, size_t flags)
{
    dump_buf *d = malloc(sizeof *d);
    if (!d)
        return json_dumpf(root, out, flags) != 0 || fputc('\n', out) == EOF ? -1 : 0;
    d->out = out;
    d->n = 0;
    d->failed = 0;
    int rc = json_dump_callback(root, dump_piece, d, flags) != 0 ||
             dump_piece("\n", 1, d) != 0 || dump_flush(d) != 0
                 ? -1
                 : 0;
    free(d);
    return rc;
}

/* ---- stories ------------------------------------------------------------- */

/* One story as a JSON object: id, text, then its metadata fields (a field
 * named id or text in the metadata is left out: the story's own wins). */
json_t *sli_json_story(const char *id, const char *text, size_t text_len, const sl_meta *meta,
                       size_t nmeta)
{
    json_t *o = json_object();
    sl_jb b = {0};
    sli_jb_set(&b, o, "id", sli_json_text(id));
    sli_jb_set(&b, o, "text", sli_json_textn(text, text_len));
    for (size_t i = 0; i < nmeta; i++)
        if (strcmp(meta[i].key, "id") != 0 && strcmp(meta[i].key, "text") != 0)
            sli_jb_set(&b, o, meta[i].key, sli_json_text(meta[i].value));
    if (b.oom) {
        json_decref(o);
        return NULL;
    }
    return o;
}

sl_status sli_jb_failed(const sl_jb *b, sl_error *err)
{
    if (b->oom)
        return sli_fail_nomem(err);
    if (b->clash)
        return sli_fail(err, SL_EDATA,
                        "two names (--by values, ids or metadata fields) differ only in bytes "
                        "that are not UTF-8, and would both be written \"%s\": one would hide "
                        "the other. Give --encoding (e.g. windows-1252) or save the file as "
                        "UTF-8", b->clash_key);
    return SL_OK;
}

sl_status sli_jb_finish(const sl_jb *b, json_t *root, FILE *out, size_t flags, sl_error *err)
{
    sl_status s = sli_jb_failed(b, err);
    if (s == SL_OK && sli_json_write(root, out, flags) != 0)
        s = sli_fail(err, SL_EIO, "cannot write the output");
    json_decref(root);
    return s;
}

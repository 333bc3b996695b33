/*
 * seen.c - story ids and --by fields as a run meets them (seen.h): the
 * checks that stop a run whose figures would be wrong without a word.
 */
#include "count/seen.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/error.h"
#include "core/vec.h"

sl_status sli_seen_init(sl_seen *s, const sl_options *opts, sl_error *err)
{
    memset(s, 0, sizeof *s);
    s->keep_ids = !opts->allow_duplicate_ids;
    sli_strmap_init(&s->ids);
    sli_strmap_init(&s->fields);
    s->nby = opts->nby;
    if (s->nby && !(s->missing = calloc(s->nby, sizeof *s->missing)))
        return sli_fail_nomem(err);
    return SL_OK;
}

void sli_seen_free(sl_seen *s)
{
    sli_strmap_free(&s->ids);
    sli_strmap_free(&s->fields);
    free(s->places);
    free(s->missing);
    memset(s, 0, sizeof *s);
}

/* "FILE:LINE" or, for a story that is a whole file, "FILE". */
static void place_text(char *buf, size_t n, const sl_place *p)
{
    if (p->line)
        snprintf(buf, n, "%s:%lu", p->file ? p->file : "-", p->line);
    else
        snprintf(buf, n, "%s", p->file ? p->file : "-");
}

static sl_status duplicate(const sl_place *first, const sl_place *again, const char *id,
                           sl_error *err)
{
    char a[SL_ERROR_TEXT / 4], b[SL_ERROR_TEXT / 4];
    place_text(a, sizeof a, again);
    place_text(b, sizeof b, first);
    return sli_fail(err, SL_EDATA,
                    "%s: story id \"%s\" was already read at %s; the same stories given "
                    "twice? Leave the repeated file or folder out, or give "
                    "--allow-duplicate-ids to count both",
                    a, id, b);
}

static sl_status keep_id(sl_seen *s, const char *id, sl_place at, sl_error *err)
{
    int inserted;
    uint32_t *v = sli_strmap_put(&s->ids, id, strlen(id), (uint32_t)s->nplaces, &inserted);
    if (!v || (inserted && SL_GROW(s->places, s->places_cap, s->nplaces + 1) != 0))
        return sli_fail_nomem(err);
    if (!inserted)
        return duplicate(&s->places[*v], &at, id, err);
    s->places[s->nplaces++] = at;
    return SL_OK;
}

sl_status sli_seen_story(sl_seen *s, const sl_doc *d, sl_error *err)
{
    for (size_t k = 0; s->nby && k < d->nmeta; k++) {
        int inserted;
        const char *key = d->meta[k].key;
        if (!sli_strmap_put(&s->fields, key, strlen(key), 0, &inserted))
            return sli_fail_nomem(err);
    }
    if (!s->keep_ids || !d->id)
        return SL_OK;
    /* "FILE:LINE" with a piece's line is not the story's id: the file is
     * read the ordinary way instead (split.c) */
    if (s->in_pieces && d->id_from_line)
        return sli_fail(err, SL_EDATA, "%s: a story without an id in a piece", d->source);
    return keep_id(s, d->id, (sl_place){d->source, d->line, s->piece}, err);
}

int sli_seen_collide(const sl_seen *a, const sl_seen *b)
{
    for (size_t k = 0; a->ids.n && k < b->ids.cap; k++) {
        const sl_strmap_slot *sl = &b->ids.slots[k];
        if (sl->hash && sli_strmap_get(&a->ids, b->ids.arena + sl->key_off, sl->key_len))
            return 1;
    }
    return 0;
}

sl_status sli_seen_add(sl_seen *s, const sl_seen *part, const char *file,
                       const unsigned long *base, sl_error *err)
{
    const sl_strmap *m = &part->ids;
    sl_status rc = SL_OK;
    for (size_t k = 0; rc == SL_OK && s->keep_ids && k < m->cap; k++) {
        const sl_strmap_slot *sl = &m->slots[k];
        if (!sl->hash)
            continue;
        const sl_place *p = &part->places[sl->value];
        rc = keep_id(s, m->arena + sl->key_off,
                     (sl_place){file, base[p->piece] + p->line, 0}, err);
    }
    for (size_t k = 0; rc == SL_OK && k < part->fields.cap; k++) {
        const sl_strmap_slot *sl = &part->fields.slots[k];
        int inserted;
        if (sl->hash && !sli_strmap_put(&s->fields, part->fields.arena + sl->key_off,
                                        sl->key_len, 0, &inserted))
            rc = sli_fail_nomem(err);
    }
    for (size_t g = 0; g < s->nby && g < part->nby; g++)
        s->missing[g] += part->missing[g];
    return rc;
}

static void warn(const sl_options *opts, const char *fmt, ...) SL_PRINTF(2, 3);

static void warn(const sl_options *opts, const char *fmt, ...)
{
    if (!opts->on_message)
        return;
    char msg[SL_ERROR_TEXT + 256];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    opts->on_message(opts->message_user, SL_SEVERITY_WARNING, msg);
}

static int lower(int c)
{
    return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

/* Edit distance of a and b ignoring ASCII case, stopping above 2: a near
 * miss is a field one or two keystrokes (or only case) away. */
static size_t distance(const char *a, const char *b)
{
    size_t na = strlen(a), nb = strlen(b);
    if (na > 64 || nb > 64 || (na > nb ? na - nb : nb - na) > 2)
        return 3;
    size_t row[65], prev;
    for (size_t j = 0; j <= nb; j++)
        row[j] = j;
    for (size_t i = 1; i <= na; i++) {
        prev = row[0];
        row[0] = i;
        for (size_t j = 1; j <= nb; j++) {
            size_t sub = prev + (lower((unsigned char)a[i - 1]) != lower((unsigned char)b[j - 1]));
            size_t del = row[j] + 1, ins = row[j - 1] + 1;
            prev = row[j];
            row[j] = sub < del ? (sub < ins ? sub : ins) : (del < ins ? del : ins);
        }
    }
    return row[nb];
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* SL_EDATA: no story has field; the fields met listed in byte order. */
static sl_status no_such_field(const sl_seen *s, const char *field, sl_error *err)
{
    const char **names = malloc((s->fields.n + 1) * sizeof *names);
    if (!names)
        return sli_fail_nomem(err);
    size_t n = 0, best = 3;
    const char *near = NULL;
    for (size_t k = 0; k < s->fields.cap; k++)
        if (s->fields.slots[k].hash)
            names[n++] = s->fields.arena + s->fields.slots[k].key_off;
    qsort(names, n, sizeof *names, cmp_str);
    char list[SL_ERROR_TEXT / 2] = "";
    size_t used = 0;
    for (size_t i = 0; i < n; i++) {
        size_t d = distance(field, names[i]);
        if (d < best && (d == 0 || strlen(field) > 3))
            best = d, near = names[i];
        if (used < sizeof list) {
            int w = snprintf(list + used, sizeof list - used, "%s\"%s\"", i ? ", " : "", names[i]);
            used += w > 0 ? (size_t)w : 0;
        }
    }
    char hint[SL_ERROR_TEXT / 4] = "";
    if (near)
        snprintf(hint, sizeof hint, "did you mean \"%s\"? ", near);
    sl_status rc = sli_fail(err, SL_EDATA,
                            "--by %s: no story has a field \"%s\" (fields seen: %s); %s"
                            "field names are matched exactly, case included",
                            field, field, n ? list : "none", hint);
    free(names);
    return rc;
}

sl_status sli_seen_check(const sl_seen *s, const sl_options *opts, uint64_t stories,
                         sl_error *err)
{
    if (stories == 0) {
        if (!opts->allow_empty)
            return sli_fail(err, SL_EDATA,
                            "the inputs hold no stories, so every figure would be 0; check "
                            "the inputs (an empty export? a folder of files storylens does "
                            "not read?), or give --allow-empty to write the empty figures");
        warn(opts, "the inputs hold no stories: every figure is 0 (--allow-empty)");
        return SL_OK;
    }
    for (size_t g = 0; g < s->nby; g++) {
        if (s->missing[g] == stories)
            return no_such_field(s, opts->by[g], err);
        if (s->missing[g])
            warn(opts, "--by %s: %llu of %llu stories have no field \"%s\"; they are counted "
                       "in the group \"\"",
                 opts->by[g], (unsigned long long)s->missing[g], (unsigned long long)stories,
                 opts->by[g]);
    }
    return SL_OK;
}

/*
 * seen.c - story ids and --by fields as a run meets them (seen.h): the
 * checks that stop a run whose figures would be wrong without a word.
 */
#include "count/seen.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/error.h"
#include "count/report.h"
#include "core/vec.h"

sl_status sli_seen_init(sl_seen *s, const sl_options *opts, sl_error *err)
{
    memset(s, 0, sizeof *s);
    s->keep_ids = !opts->allow_duplicate_ids;
    sli_strmap_init(&s->fields);
    s->nby = opts->nby;
    if (s->nby && !(s->missing = calloc(s->nby, sizeof *s->missing)))
        return sli_fail_nomem(err);
    return SL_OK;
}

void sli_seen_free(sl_seen *s)
{
    free(s->slots);
    free(s->files);
    sli_strmap_free(&s->fields);
    free(s->missing);
    memset(s, 0, sizeof *s);
}

/* "FILE:LINE" or, for a story that is a whole file, "FILE". */
static void place_text(char *buf, size_t n, const char *file, unsigned long line)
{
    if (line)
        snprintf(buf, n, "%s:%lu", file ? file : "-", line);
    else
        snprintf(buf, n, "%s", file ? file : "-");
}

static sl_status duplicate(const sl_seen *s, const sl_seen_slot *first, const char *file,
                           unsigned long line, const char *id, sl_error *err)
{
    char a[SL_ERROR_TEXT / 4], b[SL_ERROR_TEXT / 4];
    place_text(a, sizeof a, file, line);
    /* in a split part where is the piece: the file is the same (and the
     * part goes back to the ordinary path, which names the real places) */
    place_text(b, sizeof b, s->in_pieces ? file : s->files[first->where], first->line);
    return sli_fail(err, SL_EDATA,
                    "%s: story id \"%s\" was already read at %s; the same stories given "
                    "twice? Leave the repeated file or folder out, or give "
                    "--allow-duplicate-ids to count both",
                    a, id, b);
}

static sl_seen_slot *find(const sl_seen *s, uint64_t h)
{
    size_t mask = s->cap - 1;
    for (size_t i = (size_t)h & mask;; i = (i + 1) & mask)
        if (s->slots[i].hash == h || s->slots[i].hash == 0)
            return &s->slots[i];
}

static int grow(sl_seen *s)
{
    size_t cap = s->cap ? 2 * s->cap : 1024;
    sl_seen_slot *old = s->slots, *t = calloc(cap, sizeof *t);
    if (!t)
        return -1;
    size_t oldcap = s->cap;
    s->slots = t;
    s->cap = cap;
    for (size_t i = 0; i < oldcap; i++)
        if (old[i].hash)
            *find(s, old[i].hash) = old[i];
    free(old);
    return 0;
}

/* The slot of hash h: the one already holding it, or a new one (its hash
 * set, *fresh 1). NULL when out of memory. */
static sl_seen_slot *slot_for(sl_seen *s, uint64_t h, int *fresh)
{
    if (4 * (s->n + 1) > 3 * s->cap && grow(s) != 0)
        return NULL;
    sl_seen_slot *sl = find(s, h);
    *fresh = sl->hash == 0;
    if (*fresh) {
        sl->hash = h;
        s->n++;
    }
    return sl;
}

/* file's index among the files met: stories come file by file, so the
 * last one is nearly always it. UINT32_MAX when out of memory. */
static uint32_t file_index(sl_seen *s, const char *file)
{
    if (s->nfiles && s->files[s->nfiles - 1] == file)
        return (uint32_t)(s->nfiles - 1);
    if (s->nfiles >= UINT32_MAX - 1 || SL_GROW(s->files, s->files_cap, s->nfiles + 1) != 0)
        return UINT32_MAX;
    s->files[s->nfiles] = file;
    return (uint32_t)s->nfiles++;
}

static uint32_t line32(unsigned long line)
{
    return line > UINT32_MAX ? UINT32_MAX : (uint32_t)line;
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
    uint32_t where = s->in_pieces ? s->piece : file_index(s, d->source);
    int fresh;
    sl_seen_slot *sl = where == UINT32_MAX ? NULL
                       : slot_for(s, sli_strmap_hash(d->id, strlen(d->id)), &fresh);
    if (!sl)
        return sli_fail_nomem(err);
    if (!fresh)
        return duplicate(s, sl, d->source, d->line, d->id, err);
    sl->where = where;
    sl->line = line32(d->line);
    return SL_OK;
}

int sli_seen_collide(const sl_seen *a, const sl_seen *b)
{
    for (size_t k = 0; a->n && k < b->cap; k++)
        if (b->slots[k].hash && find(a, b->slots[k].hash)->hash)
            return 1;
    return 0;
}

sl_status sli_seen_add(sl_seen *s, const sl_seen *part, const char *file,
                       const unsigned long *base, sl_error *err)
{
    uint32_t where = s->keep_ids && part->n ? file_index(s, file) : 0;
    if (where == UINT32_MAX)
        return sli_fail_nomem(err);
    /* the ids were checked against s before (sli_seen_collide): none is new */
    for (size_t k = 0; s->keep_ids && k < part->cap; k++) {
        const sl_seen_slot *p = &part->slots[k];
        int fresh;
        sl_seen_slot *sl = p->hash ? slot_for(s, p->hash, &fresh) : NULL;
        if (p->hash && !sl)
            return sli_fail_nomem(err);
        if (sl && fresh) {
            sl->where = where;
            sl->line = line32(base[p->where] + p->line);
        }
    }
    for (size_t k = 0; k < part->fields.cap; k++) {
        const sl_strmap_slot *sl = &part->fields.slots[k];
        int inserted;
        if (sl->hash && !sli_strmap_put(&s->fields, part->fields.arena + sl->key_off,
                                        sl->key_len, 0, &inserted))
            return sli_fail_nomem(err);
    }
    for (size_t g = 0; g < s->nby && g < part->nby; g++)
        s->missing[g] += part->missing[g];
    return SL_OK;
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
        sli_warn(opts, "the inputs hold no stories: every figure is 0 (--allow-empty)");
        return SL_OK;
    }
    for (size_t g = 0; g < s->nby; g++) {
        if (s->missing[g] == stories)
            return no_such_field(s, opts->by[g], err);
        if (s->missing[g])
            sli_warn(opts, "--by %s: %llu of %llu stories have no field \"%s\"; they are counted "
                       "in the group \"\"",
                 opts->by[g], (unsigned long long)s->missing[g], (unsigned long long)stories,
                 opts->by[g]);
    }
    return SL_OK;
}

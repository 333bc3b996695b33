/*
 * story.c - what the office formats share on the way out: a growing text,
 * the list of stories a file gives, and the story builder that turns a
 * word-processor document's paragraphs into one story, or one per heading
 * section (--split-on heading).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/error.h"
#include "core/vec.h"
#include "read/office.h"
#include "read/record.h"

int sli_buf_add(sl_buf *b, const char *s, size_t n)
{
    if (n > SIZE_MAX - b->n - 1 || SL_GROW(b->s, b->cap, b->n + n + 1) != 0)
        return -1;
    memcpy(b->s + b->n, s, n);
    b->n += n;
    b->s[b->n] = '\0';
    return 0;
}

void sli_buf_reset(sl_buf *b)
{
    b->n = 0;
    if (b->s)
        b->s[0] = '\0';
}

void sli_buf_free(sl_buf *b)
{
    free(b->s);
    memset(b, 0, sizeof *b);
}

sl_status sli_office_push(sl_office_docs *d, sl_doc **doc, sl_error *err)
{
    if (SL_GROW(d->docs, d->cap, d->n + 1) != 0)
        return sli_fail_nomem(err);
    *doc = &d->docs[d->n++];
    memset(*doc, 0, sizeof **doc);
    return SL_OK;
}

void sli_office_docs_free(sl_office_docs *d)
{
    for (size_t i = 0; i < d->n; i++)
        sli_doc_clear(&d->docs[i]);
    free(d->docs);
    memset(d, 0, sizeof *d);
}

/* ---- the story builder ---------------------------------------------------- */

sl_status sli_story_prop(sl_story_builder *b, const char *key, const char *val, sl_error *err)
{
    if (!val || !*val)
        return SL_OK;
    if (sli_meta_append(&b->props, &b->nprops, key, strlen(key), val, strlen(val)) != 0)
        return sli_fail_nomem(err);
    return SL_OK;
}

/* The id of the story being ended: the path, or PATH#N when splitting. */
static char *story_id(const sl_story_builder *b)
{
    if (!b->o->split_heading)
        return strdup(b->o->id_base);
    size_t n = strlen(b->o->id_base) + 16;
    char *id = malloc(n);
    if (id)
        snprintf(id, n, "%s#%u", b->o->id_base, b->section);
    return id;
}

/* Ends the current story; a split section before any heading that holds
 * no text is no story (most documents start with their first heading). */
static sl_status story_end(sl_story_builder *b, sl_error *err)
{
    if (b->o->split_heading && b->section == 0 && b->text.n == 0)
        return SL_OK;
    sl_doc *d;
    sl_status rc = sli_office_push(b->out, &d, err);
    if (rc != SL_OK)
        return rc;
    d->text = sli_rd_textdup(b->text.s ? b->text.s : "", b->text.n);
    d->text_len = b->text.n;
    d->id = story_id(b);
    d->source = b->o->name;
    d->line = 1;
    if (!d->text || !d->id)
        return sli_fail_nomem(err);
    for (size_t i = 0; i < b->nprops; i++)
        if ((rc = sli_rd_meta_add(d, b->props[i].key, strlen(b->props[i].key), b->props[i].value,
                                  strlen(b->props[i].value), err)) != SL_OK)
            return rc;
    if (b->o->split_heading && b->section > 0)
        rc = sli_rd_meta_add(d, "heading", 7, b->heading.s ? b->heading.s : "", b->heading.n,
                             err);
    sli_buf_reset(&b->text);
    return rc;
}

static int blank(const sl_buf *p)
{
    for (size_t i = 0; i < p->n; i++)
        if (p->s[i] != ' ' && p->s[i] != '\t' && p->s[i] != '\n' && p->s[i] != '\r')
            return 0;
    return 1;
}

sl_status sli_story_para_end(sl_story_builder *b, int heading, sl_error *err)
{
    sl_status rc = SL_OK;
    int empty = blank(&b->para);
    if (heading && b->o->split_heading) {
        if ((rc = story_end(b, err)) != SL_OK)
            return rc;
        b->section++;
        sli_buf_reset(&b->heading);
        if (sli_buf_add(&b->heading, b->para.s ? b->para.s : "", b->para.n) != 0)
            return sli_fail_nomem(err);
    } else if (!empty) { /* Word spaces paragraphs with empty ones: no blank runs */
        if ((b->text.n && sli_buf_add(&b->text, "\n\n", 2) != 0) ||
            sli_buf_add(&b->text, b->para.s, b->para.n) != 0)
            return sli_fail_nomem(err);
    }
    sli_buf_reset(&b->para);
    return rc;
}

sl_status sli_story_finish(sl_story_builder *b, sl_error *err)
{
    sl_status rc = b->para.n ? sli_story_para_end(b, 0, err) : SL_OK;
    return rc == SL_OK ? story_end(b, err) : rc;
}

void sli_story_free(sl_story_builder *b)
{
    sli_buf_free(&b->text);
    sli_buf_free(&b->para);
    sli_buf_free(&b->heading);
    for (size_t i = 0; i < b->nprops; i++)
        free(b->props[i].key);
    free(b->props);
    b->props = NULL;
    b->nprops = 0;
}

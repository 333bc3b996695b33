/*
 * odt.c - OpenDocument text (.odt, LibreOffice Writer): content.xml's
 * paragraphs and headings in reading order, table cells and list items
 * included, as one story (or one per outline level 1/2 heading section);
 * meta.xml's title, author (the initial creator, else the last one) and
 * creation date as metadata.
 *
 * ODF keeps footnotes, comments and tracked deletions inline, inside the
 * paragraph they belong to, so they are skipped here element by element
 * (text:note, office:annotation, text:tracked-changes), as are generated
 * indexes (a table of contents repeats the headings).
 */
#include <stdlib.h>
#include <string.h>

#include "core/error.h"
#include "read/office.h"

#define TEXT_NS "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
#define OFFICE_NS "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
#define META_NS "urn:oasis:names:tc:opendocument:xmlns:meta:1.0"
#define DC_NS "http://purl.org/dc/elements/1.1/"

/* text:s count: a run of spaces; more than this is no story's text. */
#define MAX_SPACES 1024

static sl_status meta(sl_zip *z, sl_story_builder *b, sl_error *err)
{
    char *buf = NULL;
    sl_xml *x = NULL;
    sl_status rc = sli_xml_part(z, "meta.xml", &x, &buf, err);
    if (rc != SL_OK || !x)
        return rc;
    sl_buf title = {0}, initial = {0}, creator = {0}, created = {0};
    int e = 0;
    while (rc == SL_OK && (e = sli_xml_next(x, err)) > 0) {
        sl_buf *t = e != SL_XML_START                              ? NULL
                    : sli_xml_is(x, DC_NS, "title")                ? &title
                    : sli_xml_is(x, META_NS, "initial-creator")    ? &initial
                    : sli_xml_is(x, DC_NS, "creator")              ? &creator
                    : sli_xml_is(x, META_NS, "creation-date")      ? &created
                                                                   : NULL;
        if (t)
            rc = sli_xml_element_text(x, t, err);
    }
    if (rc == SL_OK && e < 0)
        rc = SL_EDATA;
    if (rc == SL_OK)
        rc = sli_story_prop(b, "title", title.s, err);
    if (rc == SL_OK)
        rc = sli_story_prop(b, "author", initial.n ? initial.s : creator.s, err);
    if (rc == SL_OK)
        rc = sli_story_prop(b, "created", created.s, err);
    sli_buf_free(&title);
    sli_buf_free(&initial);
    sli_buf_free(&creator);
    sli_buf_free(&created);
    sli_xml_close(x);
    free(buf);
    return rc;
}

typedef struct walk {
    sl_story_builder *b;
    int in_p;    /* paragraphs open (a text box's paragraph sits inside one) */
    int heading; /* the paragraph open is a level 1/2 heading */
} walk;

static int skipped(const sl_xml *x)
{
    static const char *const text[] = {"note", "tracked-changes", "table-of-content",
                                       "alphabetical-index", "illustration-index",
                                       "table-index", "object-index", "user-index",
                                       "bibliography", "sequence-decls"};
    if (sli_xml_is(x, OFFICE_NS, "annotation"))
        return 1;
    for (size_t i = 0; i < sizeof text / sizeof text[0]; i++)
        if (sli_xml_is(x, TEXT_NS, text[i]))
            return 1;
    return 0;
}

static int heading_level(sl_xml *x)
{
    char *v = sli_xml_attr(x, TEXT_NS, "outline-level");
    int level = v ? atoi(v) : 1; /* ODF: a heading without a level is level 1 */
    free(v);
    return level;
}

static sl_status spaces(walk *w, sl_xml *x, sl_error *err)
{
    char *v = sli_xml_attr(x, TEXT_NS, "c");
    long n = v ? strtol(v, NULL, 10) : 1;
    free(v);
    if (n < 1)
        n = 1;
    if (n > MAX_SPACES)
        n = MAX_SPACES;
    for (long i = 0; i < n; i++)
        if (sli_buf_add(&w->b->para, " ", 1) != 0)
            return sli_fail_nomem(err);
    return SL_OK;
}

static sl_status on_start(walk *w, sl_xml *x, sl_error *err)
{
    if (skipped(x))
        return sli_xml_skip(x, err) < 0 ? SL_EDATA : SL_OK;
    if (sli_xml_is(x, TEXT_NS, "p") || sli_xml_is(x, TEXT_NS, "h")) {
        if (w->in_p++ == 0)
            w->heading = sli_xml_is(x, TEXT_NS, "h") && heading_level(x) <= 2;
        return SL_OK;
    }
    if (!w->in_p)
        return SL_OK;
    const char *add = sli_xml_is(x, TEXT_NS, "tab")          ? "\t"
                      : sli_xml_is(x, TEXT_NS, "line-break") ? "\n"
                                                             : NULL;
    if (sli_xml_is(x, TEXT_NS, "s"))
        return spaces(w, x, err);
    if (add && sli_buf_add(&w->b->para, add, 1) != 0)
        return sli_fail_nomem(err);
    return SL_OK;
}

static sl_status on_event(walk *w, sl_xml *x, int e, sl_error *err)
{
    if (e == SL_XML_START)
        return on_start(w, x, err);
    if (e == SL_XML_TEXT) {
        const char *s = sli_xml_text(x);
        if (w->in_p && sli_buf_add(&w->b->para, s, strlen(s)) != 0)
            return sli_fail_nomem(err);
        return SL_OK;
    }
    if ((sli_xml_is(x, TEXT_NS, "p") || sli_xml_is(x, TEXT_NS, "h")) && w->in_p > 0) {
        int heading = --w->in_p == 0 && w->heading;
        return sli_story_para_end(w->b, heading, err);
    }
    return SL_OK;
}

sl_status sli_odt_load(sl_zip *z, const sl_office_opts *o, sl_office_docs *out, sl_error *err)
{
    sl_story_builder b = {.o = o, .out = out};
    walk w = {.b = &b};
    char *buf = NULL;
    sl_xml *x = NULL;
    sl_status rc = meta(z, &b, err);
    if (rc == SL_OK)
        rc = sli_xml_part(z, "content.xml", &x, &buf, err);
    if (rc == SL_OK && !x)
        rc = sli_fail(err, SL_EDATA, "%s: no content.xml in the archive: not an OpenDocument "
                      "file; save it as .odt from LibreOffice or Word", sli_zip_name(z));
    int e = 0;
    while (rc == SL_OK && (e = sli_xml_next(x, err)) > 0)
        rc = on_event(&w, x, e, err);
    if (rc == SL_OK && e < 0)
        rc = SL_EDATA;
    if (rc == SL_OK)
        rc = sli_story_finish(&b, err);
    sli_xml_close(x);
    free(buf);
    sli_story_free(&b);
    return rc;
}

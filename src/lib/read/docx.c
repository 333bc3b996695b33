/*
 * docx.c - Word documents (.docx, Office Open XML): word/document.xml's
 * paragraphs in reading order, table cells and list items included, as
 * one story (or one per Heading 1/2 section); docProps/core.xml's title,
 * author and created date as metadata.
 *
 * Left out on purpose: footnotes, endnotes and comments (other parts, never
 * read); headers and footers (word/header*.xml, footer*.xml, never read:
 * they repeat on every page a logo line, a page number or a form's title,
 * which read into every story of a folder would be counted in each);
 * deleted and moved-from text of tracked changes (w:delText,
 * w:moveFrom), field codes (w:instrText) and the fallback copy of a text
 * box (mc:Fallback repeats mc:Choice).
 */
#include <stdlib.h>
#include <string.h>

#include "core/error.h"
#include "read/office.h"

#define W_NS "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define W_STRICT "http://purl.oclc.org/ooxml/wordprocessingml/main"
#define MC_NS "http://schemas.openxmlformats.org/markup-compatibility/2006"
#define DC_NS "http://purl.org/dc/elements/1.1/"
#define DCTERMS_NS "http://purl.org/dc/terms/"

static int is_w(const sl_xml *x, const char *local)
{
    return sli_xml_is(x, W_NS, local) || sli_xml_is(x, W_STRICT, local);
}

static char *w_val(sl_xml *x)
{
    char *v = sli_xml_attr(x, W_NS, "val");
    return v ? v : sli_xml_attr(x, W_STRICT, "val");
}

/* ---- styles.xml: which style ids are Heading 1 and 2 ---------------------- */

static int ascii_ieq(const char *a, const char *b)
{
    for (; *a && *b; a++, b++) {
        int ca = (*a >= 'A' && *a <= 'Z') ? *a + 32 : *a, cb = (*b >= 'A' && *b <= 'Z') ? *b + 32 : *b;
        if (ca != cb)
            return 0;
    }
    return *a == *b;
}

/* Localised Word names its heading styles' ids in the user's language
 * ("berschrift1"), but their names stay "heading 1": so the names decide. */
static sl_status heading_styles(sl_zip *z, sl_buf *ids, sl_error *err)
{
    char *buf = NULL;
    sl_xml *x = NULL;
    sl_status rc = sli_xml_part(z, "word/styles.xml", &x, &buf, err);
    if (rc != SL_OK || !x)
        return rc;
    char *id = NULL;
    int e = 0;
    while ((e = sli_xml_next(x, err)) > 0 && rc == SL_OK) {
        if (e != SL_XML_START)
            continue;
        if (is_w(x, "style")) {
            free(id);
            id = sli_xml_attr(x, W_NS, "styleId");
            if (!id)
                id = sli_xml_attr(x, W_STRICT, "styleId");
        } else if (is_w(x, "name") && id) {
            char *v = w_val(x);
            if (v && (ascii_ieq(v, "heading 1") || ascii_ieq(v, "heading 2")) &&
                (sli_buf_add(ids, id, strlen(id)) != 0 || sli_buf_add(ids, "\n", 1) != 0))
                rc = sli_fail_nomem(err);
            free(v);
        }
    }
    free(id);
    sli_xml_close(x);
    free(buf);
    return e < 0 ? SL_EDATA : rc;
}

static int is_heading_style(const sl_buf *ids, const char *v)
{
    if (strcmp(v, "Heading1") == 0 || strcmp(v, "Heading2") == 0)
        return 1;
    size_t n = strlen(v);
    for (const char *p = ids->s; p && *p;) {
        const char *nl = strchr(p, '\n');
        if ((size_t)(nl - p) == n && memcmp(p, v, n) == 0)
            return 1;
        p = nl + 1;
    }
    return 0;
}

/* ---- core.xml: document properties ---------------------------------------- */

static sl_status core_props(sl_zip *z, sl_story_builder *b, sl_error *err)
{
    char *buf = NULL;
    sl_xml *x = NULL;
    sl_status rc = sli_xml_part(z, "docProps/core.xml", &x, &buf, err);
    if (rc != SL_OK || !x)
        return rc;
    sl_buf t = {0};
    int e = 0;
    while (rc == SL_OK && (e = sli_xml_next(x, err)) > 0) {
        const char *key = e != SL_XML_START ? NULL
                          : sli_xml_is(x, DC_NS, "title")        ? "title"
                          : sli_xml_is(x, DC_NS, "creator")      ? "author"
                          : sli_xml_is(x, DCTERMS_NS, "created") ? "created"
                                                                 : NULL;
        if (key && (rc = sli_xml_element_text(x, &t, err)) == SL_OK)
            rc = sli_story_prop(b, key, t.s, err);
    }
    if (rc == SL_OK && e < 0)
        rc = SL_EDATA;
    sli_buf_free(&t);
    sli_xml_close(x);
    free(buf);
    return rc;
}

/* ---- document.xml ----------------------------------------------------------- */

typedef struct walk {
    sl_story_builder *b;
    const sl_buf *headings;
    int in_t, in_r, heading;
} walk;

static int skipped(const sl_xml *x)
{
    return sli_xml_is(x, MC_NS, "Fallback") || is_w(x, "moveFrom") || is_w(x, "delText") ||
           is_w(x, "instrText") || is_w(x, "footnoteReference") || is_w(x, "commentReference");
}

static sl_status on_start(walk *w, sl_xml *x, sl_error *err)
{
    const char *add = NULL;
    if (skipped(x))
        return sli_xml_skip(x, err) < 0 ? SL_EDATA : SL_OK;
    if (is_w(x, "p"))
        w->heading = 0;
    else if (is_w(x, "t"))
        w->in_t = 1;
    else if (is_w(x, "r"))
        w->in_r = 1;
    else if (is_w(x, "pStyle") || is_w(x, "outlineLvl")) {
        char *v = w_val(x);
        if (v && (is_w(x, "pStyle") ? is_heading_style(w->headings, v)
                                    : (strcmp(v, "0") == 0 || strcmp(v, "1") == 0)))
            w->heading = 1;
        free(v);
    } else if (w->in_r && is_w(x, "tab"))
        add = "\t";
    else if (w->in_r && (is_w(x, "br") || is_w(x, "cr")))
        add = "\n";
    else if (w->in_r && is_w(x, "noBreakHyphen"))
        add = "-";
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
        if (w->in_t && sli_buf_add(&w->b->para, s, strlen(s)) != 0)
            return sli_fail_nomem(err);
        return SL_OK;
    }
    if (is_w(x, "t"))
        w->in_t = 0;
    else if (is_w(x, "r"))
        w->in_r = 0;
    else if (is_w(x, "p")) {
        sl_status rc = sli_story_para_end(w->b, w->heading, err);
        w->heading = 0;
        return rc;
    }
    return SL_OK;
}

static sl_status body(sl_zip *z, walk *w, sl_error *err)
{
    char *buf = NULL;
    sl_xml *x = NULL;
    sl_status rc = sli_xml_part(z, "word/document.xml", &x, &buf, err);
    if (rc != SL_OK)
        return rc;
    if (!x)
        return sli_fail(err, SL_EDATA, "%s: no word/document.xml in the archive: not a Word "
                        "document; save it as .docx from Word or LibreOffice", sli_zip_name(z));
    int e;
    while (rc == SL_OK && (e = sli_xml_next(x, err)) > 0)
        rc = on_event(w, x, e, err);
    if (rc == SL_OK && e < 0)
        rc = SL_EDATA;
    sli_xml_close(x);
    free(buf);
    return rc;
}

sl_status sli_docx_load(sl_zip *z, const sl_office_opts *o, sl_office_docs *out, sl_error *err)
{
    sl_story_builder b = {.o = o, .out = out};
    sl_buf headings = {0};
    walk w = {.b = &b, .headings = &headings};
    sl_status rc = core_props(z, &b, err);
    if (rc == SL_OK && o->split_heading)
        rc = heading_styles(z, &headings, err);
    if (rc == SL_OK)
        rc = body(z, &w, err);
    if (rc == SL_OK)
        rc = sli_story_finish(&b, err);
    sli_buf_free(&headings);
    sli_story_free(&b);
    return rc;
}

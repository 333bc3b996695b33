/*
 * xml.c - office XML parts as a stream of events, through libxml2's
 * xmlReader (a pull parser: a part is never built into a tree), made safe
 * for hostile input: no network, no entity expansion, a document type
 * declaration refused outright (office XML never has one; it is where
 * entity bombs and external entities live), a depth limit, and libxml2's
 * messages caught for our error instead of printed on standard error.
 */
#include <libxml/xmlreader.h>
#include <stdlib.h>
#include <string.h>

#include "core/error.h"
#include "read/office.h"

#define SL_STR_(x) #x
#define SL_STR(x) SL_STR_(x)

struct sl_xml {
    xmlTextReaderPtr rd;
    const char *file, *entry; /* borrowed, for messages */
    char msg[256];            /* libxml2's first complaint */
    int msg_line;
    int pending_end;          /* an empty element: its END comes next */
};

static void catch_error(void *ctx, xmlErrorPtr e)
{
    sl_xml *x = ctx;
    if (x->msg[0] || !e || !e->message)
        return;
    snprintf(x->msg, sizeof x->msg, "%s", e->message);
    size_t n = strlen(x->msg);
    while (n && (x->msg[n - 1] == '\n' || x->msg[n - 1] == ' '))
        x->msg[--n] = '\0';
    x->msg_line = e->line;
}

sl_status sli_xml_open(sl_xml **out, const char *buf, size_t len, const char *file,
                      const char *entry, sl_error *err)
{
    *out = NULL;
    if (len > (size_t)INT32_MAX)
        return sli_fail(err, SL_EDATA, "%s: part %s is over 2 GB", file, entry);
    sl_xml *x = calloc(1, sizeof *x);
    if (!x)
        return sli_fail_nomem(err);
    x->file = file;
    x->entry = entry;
    /* No XML_PARSE_NOENT (entities stay references), no DTDLOAD, no
     * HUGE (libxml2 keeps its own limits on names and text nodes). */
    x->rd = xmlReaderForMemory(buf, (int)len, NULL, NULL,
                               XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_COMPACT);
    if (!x->rd) {
        free(x);
        return sli_fail_nomem(err);
    }
    xmlTextReaderSetStructuredErrorHandler(x->rd, catch_error, x);
    *out = x;
    return SL_OK;
}

static int fail(sl_xml *x, sl_error *err, const char *why)
{
    /* libxml2's own depth limit may meet a hostile file before ours does;
     * its advice (XML_PARSE_HUGE) is for programmers, not for users */
    if (strstr(why, "Excessive depth"))
        why = "elements nested too deep (over " SL_STR(SL_XML_MAX_DEPTH) " levels)";
    sli_fail(err, SL_EDATA, "%s: part %s:%d: %s; open it in Word, LibreOffice or Excel and "
             "save it again", x->file, x->entry,
             x->msg_line ? x->msg_line : xmlTextReaderGetParserLineNumber(x->rd), why);
    return -1;
}

int sli_xml_next(sl_xml *x, sl_error *err)
{
    if (x->pending_end) {
        x->pending_end = 0;
        return SL_XML_END;
    }
    for (;;) {
        int r = xmlTextReaderRead(x->rd);
        if (r == 0 && !x->msg[0])
            return 0;
        if (r != 1)
            return fail(x, err, x->msg[0] ? x->msg : "not well-formed XML");
        if (xmlTextReaderDepth(x->rd) > SL_XML_MAX_DEPTH)
            return fail(x, err, "elements nested too deep (over " SL_STR(SL_XML_MAX_DEPTH)
                                " levels)");
        switch (xmlTextReaderNodeType(x->rd)) {
        case XML_READER_TYPE_ELEMENT:
            x->pending_end = xmlTextReaderIsEmptyElement(x->rd) == 1;
            return SL_XML_START;
        case XML_READER_TYPE_END_ELEMENT:
            return SL_XML_END;
        case XML_READER_TYPE_TEXT:
        case XML_READER_TYPE_CDATA:
        case XML_READER_TYPE_WHITESPACE:
        case XML_READER_TYPE_SIGNIFICANT_WHITESPACE:
            return SL_XML_TEXT;
        case XML_READER_TYPE_DOCUMENT_TYPE:
        case XML_READER_TYPE_ENTITY_REFERENCE:
            return fail(x, err, "a document type or entity declaration, which office files "
                                "never hold");
        default:
            continue;
        }
    }
}

int sli_xml_is(const sl_xml *x, const char *ns, const char *local)
{
    const char *l = (const char *)xmlTextReaderConstLocalName(x->rd);
    const char *u = (const char *)xmlTextReaderConstNamespaceUri(x->rd);
    return l && strcmp(l, local) == 0 && (ns ? u && strcmp(u, ns) == 0 : !u);
}

char *sli_xml_attr(sl_xml *x, const char *ns, const char *local)
{
    xmlChar *v = ns ? xmlTextReaderGetAttributeNs(x->rd, (const xmlChar *)local,
                                                  (const xmlChar *)ns)
                    : xmlTextReaderGetAttribute(x->rd, (const xmlChar *)local);
    if (!v)
        return NULL;
    char *s = strdup((const char *)v); /* ours to free(), not xmlFree() */
    xmlFree(v);
    return s;
}

const char *sli_xml_text(const sl_xml *x)
{
    const char *v = (const char *)xmlTextReaderConstValue(x->rd);
    return v ? v : "";
}

sl_status sli_xml_element_text(sl_xml *x, sl_buf *t, sl_error *err)
{
    int depth = 1, e;
    sli_buf_reset(t);
    while (depth > 0 && (e = sli_xml_next(x, err)) > 0) {
        if (e == SL_XML_START)
            depth++;
        else if (e == SL_XML_END)
            depth--;
        else if (sli_buf_add(t, sli_xml_text(x), strlen(sli_xml_text(x))) != 0)
            return sli_fail_nomem(err);
    }
    return depth > 0 ? SL_EDATA : SL_OK;
}

int sli_xml_skip(sl_xml *x, sl_error *err)
{
    if (x->pending_end) { /* an empty element: nothing inside */
        x->pending_end = 0;
        return 0;
    }
    int depth = 1;
    while (depth > 0) {
        int e = sli_xml_next(x, err);
        if (e < 0)
            return -1;
        if (e == 0)
            return fail(x, err, "ends inside an element");
        if (e == SL_XML_START)
            depth++;
        else if (e == SL_XML_END)
            depth--;
    }
    return 0;
}

unsigned long sli_xml_line(const sl_xml *x)
{
    int l = xmlTextReaderGetParserLineNumber(x->rd);
    return l > 0 ? (unsigned long)l : 0;
}

void sli_xml_close(sl_xml *x)
{
    if (!x)
        return;
    xmlFreeTextReader(x->rd);
    free(x);
}

sl_status sli_xml_part(sl_zip *z, const char *entry, sl_xml **x, char **buf, sl_error *err)
{
    size_t len = 0;
    *x = NULL;
    sl_status rc = sli_zip_read(z, entry, buf, &len, err);
    if (rc != SL_OK || !*buf)
        return rc;
    rc = sli_xml_open(x, *buf, len, sli_zip_name(z), entry, err);
    if (rc != SL_OK) {
        free(*buf);
        *buf = NULL;
    }
    return rc;
}

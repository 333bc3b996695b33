/*
 * report_write.c - the page of storylens report: one self-contained HTML
 * file read from an analysis JSON (schema 1) and the quotes kept from the
 * stories.
 *
 * Every figure comes from the JSON, as the workbook's do, so the page can
 * never disagree with analyse; that also lets an analysis made elsewhere
 * (merge) be reported. The page carries its CSS inline and its charts as
 * inline SVG (report_chart.c): no script, no font, no address is fetched,
 * so it can be mailed, archived or printed as it is. Print styles put each
 * section on a new A4 page and repeat table headers across pages.
 * Nothing in it depends on the time or the machine, so the same inputs
 * give the same bytes.
 */
#include <stdlib.h>
#include <string.h>

#include "report.h"

static const char style[] =
    "@page{size:A4;margin:15mm 14mm}\n"
    "*{-webkit-print-color-adjust:exact;print-color-adjust:exact}\n"
    "body{font:10pt/1.4 'DejaVu Sans','Liberation Sans',Arial,sans-serif;color:#111;"
    "max-width:182mm;margin:0 auto;padding:6px}\n"
    "h1{font-size:18pt;margin:0 0 4pt}h2{font-size:14pt;border-bottom:1px solid #888;"
    "padding-bottom:2pt}h3{font-size:11pt;margin:12pt 0 4pt}\n"
    "section{break-before:page;page-break-before:always}\n"
    "section#provenance{break-before:auto;page-break-before:auto}\n"
    "table{border-collapse:collapse;width:100%;font-size:8.5pt;margin:4pt 0}\n"
    "th,td{border:1px solid #bbb;padding:2px 4px;text-align:left;vertical-align:top}\n"
    "td,tbody th{overflow-wrap:anywhere}\n"
    "thead{display:table-header-group}tr,figure,blockquote{break-inside:avoid;"
    "page-break-inside:avoid}\n"
    "td.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}\n"
    "tr.sub th{padding-left:14px;font-weight:normal}\n"
    "code{font-size:8.5pt}.note{color:#444;font-size:9pt}\n"
    "figure{margin:6pt 0}svg{width:100%;height:auto}\n"
    "table.heat td{text-align:center;padding:1px;font-size:7.5pt}\n"
    "table.heat td.na{background:#e8e8e8;color:#777}\n"
    "table.heat th{font-size:7.5pt}\n"
    "blockquote{margin:4pt 0 8pt;padding:2pt 8pt;border-left:3px solid #0072B2}\n"
    "blockquote p{margin:0}blockquote footer{font-size:8.5pt;color:#444}\n"
    "mark{background:#ffe08a;color:#000;font-weight:bold}\n";

/* ---- what both files use --------------------------------------------- */

const char *report_str(const json_t *o, const char *key)
{
    const char *s = json_string_value(json_object_get(o, key));
    return s ? s : "";
}

double report_num(const json_t *o, const char *key)
{
    return json_number_value(json_object_get(o, key));
}

const char *report_label(const json_t *theme, const char *name)
{
    const char *l = report_str(theme, "label");
    return *l ? l : name;
}

const char *report_pct(double share, char *buf)
{
    snprintf(buf, 16, "%.1f%%", 100.0 * share);
    return buf;
}

static int ancestor(const json_t *themes, const char *a, const char *b)
{
    const char *p = b;
    for (int depth = 0; depth < 64 && *p; depth++) {
        p = report_str(json_object_get(themes, p), "parent");
        if (strcmp(p, a) == 0)
            return 1;
    }
    return 0;
}

int report_related(const json_t *themes, const char *a, const char *b)
{
    return ancestor(themes, a, b) || ancestor(themes, b, a);
}

int report_drawn(const json_t *themes, const char *name)
{
    const json_t *t = json_object_get(themes, name);
    const char *parent = report_str(t, "parent"), *key;
    const json_t *v;
    if (!*parent)
        return 1;
    size_t siblings = 0;
    json_object_foreach((json_t *)themes, key, v)
        siblings += strcmp(report_str(v, "parent"), parent) == 0;
    const json_t *p = json_object_get(themes, parent);
    return siblings > 1 || report_num(p, "documents") != report_num(t, "documents");
}

/* "20.0%" and "11.2–33.0%" of a share and its interval. */
static void put_share(FILE *f, const json_t *t)
{
    char a[16], b[16];
    const json_t *ci = json_object_get(t, "document_share_ci");
    fprintf(f, "<td class=\"n\">%s</td>", report_pct(report_num(t, "document_share"), a));
    if (json_is_number(json_array_get(ci, 0)) && json_is_number(json_array_get(ci, 1)))
        fprintf(f, "<td class=\"n\">%.1f\u2013%s</td>",
                100.0 * json_number_value(json_array_get(ci, 0)),
                report_pct(json_number_value(json_array_get(ci, 1)), b));
    else
        fputs("<td class=\"n\">\u2014</td>", f);
}

static int direction_on(const json_t *doc)
{
    return json_is_true(json_object_get(json_object_get(doc, "settings"), "direction"));
}

/* ---- 1. corpus and provenance ---------------------------------------- */

static void kv_row(FILE *f, const char *key, const char *value)
{
    fputs("<tr><th scope=\"row\">", f);
    cli_html_put(f, key);
    fputs("</th><td>", f);
    cli_html_put(f, value);
    fputs("</td></tr>\n", f);
}

static void lexicon_rows(FILE *f, const char *what, const json_t *list)
{
    size_t i;
    const json_t *l;
    json_array_foreach((json_t *)list, i, l) {
        char sha[13];
        snprintf(sha, sizeof sha, "%s", report_str(l, "sha256"));
        fprintf(f, "<tr><th scope=\"row\">%s</th><td><code>", i ? "" : what);
        cli_html_put(f, report_str(l, "path"));
        fprintf(f, "</code> (SHA-256 <code>%s</code>)</td></tr>\n", sha);
    }
}

static void input_rows(FILE *f, const report_source *src)
{
    if (src->analysis) {
        fputs("<tr><th scope=\"row\">Figures from</th><td><code>", f);
        cli_html_put(f, src->analysis);
        fputs("</code> (an analysis JSON)</td></tr>\n", f);
    }
    if (!src->analysis || src->ninputs)
        fprintf(f, "<tr><th scope=\"row\">%s</th><td>", src->analysis ? "Stories for quotes"
                                                                   : "Inputs");
    for (size_t i = 0; i < src->ninputs; i++) {
        fputs(i ? ", <code>" : "<code>", f);
        cli_html_put(f, src->inputs[i]);
        fputs("</code>", f);
    }
    if (!src->analysis && !src->ninputs)
        fputs("standard input", f);
    if (!src->analysis || src->ninputs)
        fputs("</td></tr>\n", f);
}

static void join_row(FILE *f, const char *key, const json_t *list, const char *none)
{
    size_t i;
    const json_t *v;
    fprintf(f, "<tr><th scope=\"row\">%s</th><td>", key);
    json_array_foreach((json_t *)list, i, v) {
        fputs(i ? ", " : "", f);
        cli_html_put(f, json_string_value(v) ? json_string_value(v) : "");
    }
    if (json_array_size(list) == 0)
        fputs(none, f);
    fputs("</td></tr>\n", f);
}

static void provenance(FILE *f, const json_t *doc, const report_source *src)
{
    const json_t *corpus = json_object_get(doc, "corpus"), *set = json_object_get(doc, "settings");
    const json_t *stats = json_object_get(doc, "statistics");
    char n[64];
    fputs("<section id=\"provenance\">\n<h2>1. Corpus and provenance</h2>\n"
          "<table class=\"kv\">\n<tbody>\n", f);
    kv_row(f, "storylens", report_str(doc, "storylens"));
    snprintf(n, sizeof n, "%.0f", report_num(corpus, "documents"));
    kv_row(f, "Stories", n);
    snprintf(n, sizeof n, "%.0f", report_num(corpus, "tokens"));
    kv_row(f, "Tokens", n);
    input_rows(f, src);
    lexicon_rows(f, "Lexicons", json_object_get(doc, "lexicons"));
    lexicon_rows(f, "Modifier lexicons", json_object_get(doc, "modifiers"));
    kv_row(f, "Language", report_str(set, "language"));
    join_row(f, "Co-occurrence units", json_object_get(set, "cooccurrence"), "none");
    join_row(f, "Broken down by", json_object_get(set, "by"), "none");
    snprintf(n, sizeof n, "%g%% (%s intervals)", 100.0 * report_num(stats, "confidence"),
             report_str(stats, "interval"));
    kv_row(f, "Confidence", n);
    kv_row(f, "Direction of change", direction_on(doc) ? "on" : "off");
    snprintf(n, sizeof n, "%zu", json_array_size(json_object_get(corpus, "skipped")));
    kv_row(f, "Records skipped", n);
    fputs("</tbody>\n</table>\n</section>\n", f);
}

/* ---- 2. the headline table ------------------------------------------- */

static void theme_head(FILE *f, const json_t *t, const char *name)
{
    fprintf(f, "<tr%s><th scope=\"row\">", *report_str(t, "parent") ? " class=\"sub\"" : "");
    cli_html_put(f, report_label(t, name));
    fputs("</th>", f);
}

static void headline(FILE *f, const json_t *doc)
{
    const json_t *themes = json_object_get(doc, "themes"), *t;
    const char *name;
    int dir = direction_on(doc);
    fprintf(f, "<section id=\"themes\">\n<h2>2. Themes</h2>\n<p class=\"note\">Stories: "
               "stories with at least one hit of the theme; share: of all %.0f stories, with "
               "its %g%% interval.%s Sub-themes are indented under their theme.</p>\n"
               "<table>\n<thead><tr><th scope=\"col\">Theme</th><th scope=\"col\">Stories</th>"
               "<th scope=\"col\">Share</th><th scope=\"col\">Interval</th>",
            report_num(json_object_get(doc, "corpus"), "documents"),
            100.0 * report_num(json_object_get(doc, "statistics"), "confidence"),
            dir ? " Improved, worsened, mentioned: stories by the theme's net direction in "
                  "them, the end state the story reaches (each story counts once: the three "
                  "add up to Stories)." : "");
    if (dir)
        fputs("<th scope=\"col\">Improved</th><th scope=\"col\">Worsened</th>"
              "<th scope=\"col\">Mentioned</th>", f);
    fputs("</tr></thead>\n<tbody>\n", f);
    json_object_foreach((json_t *)themes, name, t) {
        theme_head(f, t, name);
        fprintf(f, "<td class=\"n\">%.0f</td>", report_num(t, "documents"));
        put_share(f, t);
        const json_t *d = json_object_get(t, "documents_by_direction");
        if (dir)
            fprintf(f, "<td class=\"n\">%.0f</td><td class=\"n\">%.0f</td><td class=\"n\">%.0f"
                       "</td>", report_num(d, "improved"), report_num(d, "worsened"),
                    report_num(d, "mentioned"));
        fputs("</tr>\n", f);
    }
    fputs("</tbody>\n</table>\n</section>\n", f);
}

/* ---- 4. groups -------------------------------------------------------- */

/* An id for a field's part of the page: letters, digits, - and _ kept. */
static void field_id(char *buf, size_t size, const char *field)
{
    size_t n = (size_t)snprintf(buf, size, "by-");
    for (const char *p = field; *p && n + 1 < size; p++)
        buf[n++] = (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
                   (*p >= '0' && *p <= '9') || *p == '_' ? *p : '-';
    buf[n] = '\0';
}

static void group_header(FILE *f, const json_t *groups, int tests)
{
    const char *value;
    const json_t *g;
    fputs("<thead><tr><th scope=\"col\">Theme</th>", f);
    json_object_foreach((json_t *)groups, value, g) {
        fputs("<th scope=\"col\">", f);
        cli_html_put(f, *value ? value : "(none)");
        fprintf(f, "<br/>n = %.0f</th>", report_num(g, "documents"));
    }
    fprintf(f, "%s</tr></thead>\n", tests ? "<th scope=\"col\">Adjusted p</th>" : "");
}

static void group_cell(FILE *f, const json_t *t)
{
    char a[16], b[16];
    const json_t *ci = json_object_get(t, "document_share_ci");
    fprintf(f, "<td class=\"n\">%s (%.0f)", report_pct(report_num(t, "document_share"), a),
            report_num(t, "documents"));
    if (json_array_size(ci) == 2)
        fprintf(f, "<br/>%.1f\u2013%s", 100.0 * json_number_value(json_array_get(ci, 0)),
                report_pct(json_number_value(json_array_get(ci, 1)), b));
    fputs("</td>", f);
}

static void test_cell(FILE *f, const json_t *test)
{
    const json_t *p = json_object_get(test, "p_adjusted");
    if (json_is_number(p))
        fprintf(f, "<td class=\"n\">%.3f</td>", json_number_value(p));
    else
        fputs("<td class=\"n\">\u2014</td>", f);
}

static void group_table(FILE *f, const json_t *doc, const json_t *groups, const json_t *tests)
{
    const json_t *themes = json_object_get(doc, "themes"), *t, *g;
    const char *name, *value;
    fputs("<table>\n", f);
    group_header(f, groups, tests != NULL);
    fputs("<tbody>\n", f);
    json_object_foreach((json_t *)themes, name, t) {
        theme_head(f, t, name);
        json_object_foreach((json_t *)groups, value, g)
            group_cell(f, json_object_get(json_object_get(g, "themes"), name));
        if (tests)
            test_cell(f, json_object_get(tests, name));
        fputs("</tr>\n", f);
    }
    fputs("</tbody>\n</table>\n", f);
}

static void group_sections(FILE *f, const json_t *doc)
{
    const json_t *groups = json_object_get(doc, "groups"), *values;
    const char *field;
    fputs("<section id=\"groups\">\n<h2>4. Groups</h2>\n", f);
    if (json_object_size(groups) == 0)
        fputs("<p>No <code>--by</code> field was given, so there are no groups.</p>\n", f);
    json_object_foreach((json_t *)groups, field, values) {
        char id[80];
        const json_t *tests = json_object_get(json_object_get(doc, "group_tests"), field);
        field_id(id, sizeof id, field);
        fprintf(f, "<h3 id=\"%s\">By ", id);
        cli_html_put(f, field);
        fputs("</h3>\n<p class=\"note\">Each cell: the share of the group's n stories, the "
              "stories in brackets, and the interval below.", f);
        if (tests)
            fprintf(f, " Adjusted p: the test of the theme's share across the groups, "
                       "adjusted across themes (%s).",
                    report_str(json_object_get(doc, "statistics"), "adjust"));
        fputs("</p>\n", f);
        group_table(f, doc, values, tests);
        report_group_chart(f, doc, field, values, id);
    }
    fputs("</section>\n", f);
}

/* ---- 6. quotes -------------------------------------------------------- */

/* The sentence with its marked spans in <mark>. */
static void quote_text(FILE *f, const report_quote *q)
{
    size_t at = 0;
    for (size_t m = 0; m < q->nmarks; m++) {
        size_t a = q->marks[2 * m], b = q->marks[2 * m + 1];
        char *pre = cli_html_escaped(q->text + at, a - at), *in = cli_html_escaped(q->text + a, b - a);
        fprintf(f, "%s<mark>%s</mark>", pre ? pre : "", in ? in : "");
        free(pre), free(in);
        at = b;
    }
    char *rest = cli_html_escaped(q->text + at, q->len - at);
    fputs(rest ? rest : "", f);
    free(rest);
}

static void theme_quotes(FILE *f, const report_source *src, const json_t *t, const char *name)
{
    size_t n;
    const report_quote *q = report_quotes_of(src->quotes, name, &n);
    fputs("<h3>", f);
    cli_html_put(f, report_label(t, name));
    fputs("</h3>\n", f);
    if (n == 0)
        fputs("<p class=\"note\">No story shows this theme.</p>\n", f);
    for (size_t i = 0; i < n; i++) {
        fputs("<blockquote><p>", f);
        quote_text(f, &q[i]);
        fputs("</p>\n<footer>Story <cite>", f);
        cli_html_put(f, q[i].id);
        fputs("</cite>", f);
        if (*q[i].meta) {
            fputs(" \u00b7 ", f);
            cli_html_put(f, q[i].meta);
        }
        fputs("</footer></blockquote>\n", f);
    }
}

static void quotes(FILE *f, const json_t *doc, const report_source *src)
{
    const json_t *t;
    const char *name;
    fputs("<section id=\"quotes\">\n<h2>6. Quotes</h2>\n", f);
    if (!src->quotes) {
        fputs("<p>", f);
        cli_html_put(f, src->no_quotes ? src->no_quotes : "No stories were read.");
        fputs("</p>\n</section>\n", f);
        return;
    }
    fprintf(f, "<p class=\"note\">For each theme up to %zu whole sentences around its hits, "
               "each from a different story: sentences with a hit whose direction a change "
               "trigger decided (improved or worsened) first, then the shorter, then the "
               "earlier in the input. The words the lexicon matched are marked.</p>\n",
            src->quotes->k);
    json_object_foreach((json_t *)json_object_get(doc, "themes"), name, t)
        theme_quotes(f, src, t, name);
    fputs("</section>\n", f);
}

/* ---- the page --------------------------------------------------------- */

static void page_head(FILE *f, const json_t *doc)
{
    fprintf(f, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n"
               "<title>storylens report</title>\n<style>\n%s</style>\n</head>\n<body>\n"
               "<header>\n<h1>storylens report</h1>\n<p>%.0f stories, %.0f themes. Made by "
               "storylens ", style, report_num(json_object_get(doc, "corpus"), "documents"),
            (double)json_object_size(json_object_get(doc, "themes")));
    cli_html_put(f, report_str(doc, "storylens"));
    fputs(".</p>\n<nav><a href=\"#provenance\">Corpus</a> \u00b7 <a href=\"#themes\">Themes"
          "</a> \u00b7 <a href=\"#share-chart\">Chart</a> \u00b7 <a href=\"#groups\">Groups"
          "</a> \u00b7 <a href=\"#cooccurrence\">Co-occurrence</a> \u00b7 <a href=\"#quotes\">"
          "Quotes</a></nav>\n</header>\n", f);
}

int report_write(FILE *f, const json_t *doc, const report_source *src, const char **why)
{
    if (!json_is_object(json_object_get(doc, "themes")) ||
        !json_is_object(json_object_get(doc, "corpus")) ||
        json_integer_value(json_object_get(doc, "schema")) != 1) {
        *why = "not an analysis of output schema 1 (no .themes or .corpus); give the JSON "
               "that 'storylens analyse' or 'storylens merge' wrote";
        return -1;
    }
    page_head(f, doc);
    provenance(f, doc, src);
    headline(f, doc);
    report_share_chart(f, doc);
    group_sections(f, doc);
    report_heatmap(f, doc);
    quotes(f, doc, src);
    fputs("</body>\n</html>\n", f);
    return 0;
}

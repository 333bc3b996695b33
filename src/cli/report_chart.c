/*
 * report_chart.c - the pictures of storylens report, as inline SVG and a
 * shaded table, read from the analysis JSON.
 *
 * Made to be read in print and by anyone: every bar carries its value and
 * label as text (colour is never the only key), bars use the Okabe-Ito
 * palette, which stays distinct for the common colour-vision deficiencies,
 * whiskers show the interval, a 0% bar is a visible tick rather than
 * nothing, and each chart has a title and a description for screen
 * readers. The heat map is a table of numbers shaded in one blue hue whose
 * lightness alone carries the scale, so it reads the same printed in grey.
 * Themes keep the lexicon's order everywhere, so the charts line up with
 * the tables.
 */
#include <stdlib.h>
#include <string.h>

#include "report.h"

/* The Okabe-Ito palette: blue first for single-series bars, then the
 * others in their usual order, black last. */
static const char *const okabe_ito[] = {"#0072B2", "#E69F00", "#56B4E9", "#009E73",
                                        "#F0E442", "#D55E00", "#CC79A7", "#000000"};

/* Geometry, in SVG user units (about CSS pixels at 100%). */
#define CHART_W 760
#define LABEL_X 296 /* labels end here */
#define PLOT_X 304  /* the 0% line */
#define PLOT_W 330  /* 100% */
#define VALUE_X 650 /* the value text */
#define ROW_H 18
#define AXIS_H 28
#define LABEL_MAX 46 /* characters of a label shown; the full one is in <title> */

/* A label cut to LABEL_MAX characters, with an ellipsis when cut. */
static void put_label(FILE *f, const char *s)
{
    size_t i = 0, chars = 0;
    while (s[i] && chars < LABEL_MAX) {
        i++;
        while (((unsigned char)s[i] & 0xC0) == 0x80)
            i++;
        chars++;
    }
    char *e = cli_html_escaped(s, i);
    fprintf(f, "%s%s", e ? e : "", s[i] ? "\u2026" : "");
    free(e);
}

static double clamp01(double v)
{
    return v < 0 ? 0 : v > 1 ? 1 : v;
}

/* One bar at row top y: label, bar (a tick at 0%), whisker, value. */
static void bar(FILE *f, double y, const char *label, const json_t *t, const char *colour)
{
    char a[16];
    double share = clamp01(report_num(t, "document_share"));
    const json_t *ci = json_object_get(t, "document_share_ci");
    double w = share * PLOT_W < 2 ? 2 : share * PLOT_W, mid = y + ROW_H / 2.0;
    fprintf(f, "<g><title>");
    cli_html_put(f, label);
    fprintf(f, ": %s (%.0f stories)</title>\n", report_pct(share, a), report_num(t, "documents"));
    fprintf(f, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">", LABEL_X, mid + 4);
    put_label(f, label);
    fprintf(f, "</text>\n<rect x=\"%d\" y=\"%.1f\" width=\"%.1f\" height=\"%d\" fill=\"%s\"/>\n",
            PLOT_X, y + 3, w, ROW_H - 6, colour);
    if (json_array_size(ci) == 2) {
        double lo = PLOT_X + clamp01(json_number_value(json_array_get(ci, 0))) * PLOT_W;
        double hi = PLOT_X + clamp01(json_number_value(json_array_get(ci, 1))) * PLOT_W;
        fprintf(f, "<path d=\"M%.1f %.1fH%.1fM%.1f %.1fV%.1fM%.1f %.1fV%.1f\" stroke=\"#222\" "
                   "fill=\"none\"/>\n", lo, mid, hi, lo, mid - 4, mid + 4, hi, mid - 4, mid + 4);
    }
    fprintf(f, "<text x=\"%d\" y=\"%.1f\">%s (%.0f)</text></g>\n", VALUE_X, mid + 4, a,
            report_num(t, "documents"));
}

/* Grid lines and labels at 0, 25, 50, 75 and 100% below rows of height h. */
static void axis(FILE *f, double top, double h)
{
    for (int p = 0; p <= 100; p += 25) {
        double x = PLOT_X + PLOT_W * p / 100.0;
        fprintf(f, "<path d=\"M%.1f %.1fV%.1f\" stroke=\"#ccc\"/>\n<text x=\"%.1f\" "
                   "y=\"%.1f\" text-anchor=\"middle\">%d%%</text>\n",
                x, top, top + h, x, top + h + 14, p);
    }
    fprintf(f, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"middle\">share of stories</text>\n",
            PLOT_X + PLOT_W / 2, top + h + 26);
}

static void svg_open(FILE *f, const char *id, double h, const char *title)
{
    fprintf(f, "<svg viewBox=\"0 0 %d %.0f\" role=\"img\" "
               "aria-labelledby=\"%s-title %s-desc\" font-family=\"DejaVu Sans, Liberation "
               "Sans, Arial, sans-serif\" font-size=\"11\">\n<title id=\"%s-title\">",
            CHART_W, h, id, id, id);
    cli_html_put(f, title);
    fprintf(f, "</title>\n<desc id=\"%s-desc\">", id);
}

/* ---- 3. the share chart ----------------------------------------------- */

/* The chart's description: every drawn value in words. */
static void share_desc(FILE *f, const json_t *themes)
{
    const char *name;
    const json_t *t;
    char a[16];
    json_object_foreach((json_t *)themes, name, t) {
        if (!report_drawn(themes, name))
            continue;
        cli_html_put(f, report_label(t, name));
        fprintf(f, ": %s (%.0f stories). ", report_pct(report_num(t, "document_share"), a),
                report_num(t, "documents"));
    }
}

void report_share_chart(FILE *f, const json_t *doc)
{
    const json_t *themes = json_object_get(doc, "themes"), *t;
    const char *name;
    size_t rows = 0;
    json_object_foreach((json_t *)themes, name, t)
        rows += (size_t)report_drawn(themes, name);
    fputs("<section id=\"share-chart\">\n<h2>3. Share of stories by theme</h2>\n<figure>\n", f);
    svg_open(f, "share", rows * ROW_H + AXIS_H + 6, "Share of stories by theme");
    share_desc(f, themes);
    fputs("</desc>\n", f);
    double y = 0;
    axis(f, 0, rows * ROW_H);
    json_object_foreach((json_t *)themes, name, t) {
        if (!report_drawn(themes, name))
            continue;
        bar(f, y, report_label(t, name), t, okabe_ito[0]);
        y += ROW_H;
    }
    fprintf(f, "</svg>\n<figcaption class=\"note\">Themes in the lexicons' order (sub-themes "
               "after their theme), not sorted by share. Bars: the share of all stories with "
               "a hit; whiskers: its %g%% interval; a theme no story shows is a thin tick at "
               "0%%. A sub-theme that is its theme's only one, with the same stories, is "
               "drawn once, as its theme.</figcaption>\n</figure>\n</section>\n",
            100.0 * report_num(json_object_get(doc, "statistics"), "confidence"));
}

/* ---- 4. a field's grouped chart --------------------------------------- */

void report_group_chart(FILE *f, const json_t *doc, const char *field, const json_t *groups,
                        const char *id)
{
    const json_t *themes = json_object_get(doc, "themes"), *t, *g;
    const char *name, *value;
    size_t top = 0, ng = json_object_size(groups);
    json_object_foreach((json_t *)themes, name, t)
        top += !*report_str(t, "parent");
    double h = (double)top * (ROW_H + (double)ng * ROW_H) + AXIS_H + 6;
    char title[300], svgid[96];
    snprintf(title, sizeof title, "Share of stories by theme and %s", field);
    snprintf(svgid, sizeof svgid, "%s-chart", id);
    fputs("<figure>\n", f);
    svg_open(f, svgid, h, title);
    fputs("Top-level themes, one bar for each group, with the group's name beside it and "
          "its share as text.</desc>\n", f);
    axis(f, 0, h - AXIS_H - 6);
    double y = 0;
    json_object_foreach((json_t *)themes, name, t) {
        if (*report_str(t, "parent"))
            continue;
        fprintf(f, "<text x=\"4\" y=\"%.1f\" font-weight=\"bold\">", y + ROW_H - 5);
        put_label(f, report_label(t, name));
        fputs("</text>\n", f);
        y += ROW_H;
        size_t i = 0;
        json_object_foreach((json_t *)groups, value, g) {
            char label[256];
            snprintf(label, sizeof label, "%s (n = %.0f)", *value ? value : "(none)",
                     report_num(g, "documents"));
            bar(f, y, label, json_object_get(json_object_get(g, "themes"), name),
                okabe_ito[i++ % 8]);
            y += ROW_H;
        }
    }
    fputs("</svg>\n<figcaption class=\"note\">Top-level themes only (the table above has "
          "every theme), in the lexicons' order; within each, the groups in the table's "
          "order, each named beside its bar; whiskers: the interval.</figcaption>\n"
          "</figure>\n", f);
}

/* ---- 5. the co-occurrence heat map ------------------------------------ */

/* The shade for v of max: white to dark blue, one hue, lightness falling. */
static void shade(FILE *f, double v, double max)
{
    double x = max > 0 ? v / max : 0;
    int r = (int)(247 + (8 - 247) * x + 0.5), g = (int)(251 + (48 - 251) * x + 0.5),
        b = (int)(255 + (107 - 255) * x + 0.5);
    fprintf(f, " style=\"background:#%02x%02x%02x;color:%s\"", r, g, b, x > 0.5 ? "#fff" : "#000");
}

/* The largest count off the diagonal and between unrelated themes. */
static double heat_max(const json_t *themes, const json_t *counts)
{
    const char *a, *b;
    const json_t *row, *v;
    double max = 0;
    json_object_foreach((json_t *)counts, a, row)
        json_object_foreach((json_t *)row, b, v)
            if (strcmp(a, b) != 0 && !report_related(themes, a, b) &&
                json_number_value(v) > max)
                max = json_number_value(v);
    return max;
}

static void heat_rows(FILE *f, const json_t *themes, const json_t *counts, double max)
{
    const char *a, *b;
    const json_t *row, *v;
    size_t i = 0;
    json_object_foreach((json_t *)counts, a, row) {
        fprintf(f, "<tr><th scope=\"row\">%zu. ", ++i);
        cli_html_put(f, report_label(json_object_get(themes, a), a));
        fputs("</th>", f);
        json_object_foreach((json_t *)row, b, v) {
            if (strcmp(a, b) == 0 || report_related(themes, a, b)) {
                fputs("<td class=\"na\">\u2013</td>", f);
                continue;
            }
            fputs("<td", f);
            shade(f, json_number_value(v), max);
            fprintf(f, ">%.0f</td>", json_number_value(v));
        }
        fputs("</tr>\n", f);
    }
}

void report_heatmap(FILE *f, const json_t *doc)
{
    const json_t *themes = json_object_get(doc, "themes");
    const json_t *unit = json_object_get(json_object_get(doc, "cooccurrence"), "document");
    const json_t *counts = json_object_get(unit, "counts");
    fputs("<section id=\"cooccurrence\">\n<h2>5. Themes found together</h2>\n", f);
    if (!json_is_object(counts)) {
        fputs("<p>The analysis has no co-occurrence by story (the unit <code>document</code> "
              "of <code>--cooccurrence</code>), so there is no heat map.</p>\n</section>\n", f);
        return;
    }
    double max = heat_max(themes, counts);
    fprintf(f, "<p class=\"note\">Each cell: the number of stories (of %.0f) in which both "
               "themes occur. Left out (\u2013): a theme with itself, and a theme with its own "
               "sub-themes, which occur together by construction. Darker is more, up to %.0f."
               "</p>\n<table class=\"heat\">\n<thead><tr><th scope=\"col\">Theme</th>",
            report_num(unit, "units"), max);
    for (size_t i = 1; i <= json_object_size(counts); i++)
        fprintf(f, "<th scope=\"col\">%zu</th>", i);
    fputs("</tr></thead>\n<tbody>\n", f);
    heat_rows(f, themes, counts, max);
    fputs("</tbody>\n</table>\n</section>\n", f);
}

/*
 * numfmt.c - an .xlsx number as its cell's number format shows it (xlsx.c):
 * the built-in formats Excel stores by id alone, and the simple custom
 * codes people make: fixed decimals, thousands separators, percentages,
 * scientific notation, literal text ("£", " kg"), a negative section.
 * Anything else (fractions, conditions, a digit pattern broken by text)
 * is refused, and the caller writes the value in General form instead:
 * a wrong rendering would be worse than the plain number.
 *
 * Rounding works on the decimal digits of the value at Excel's precision
 * (15 significant digits), half away from zero, as Excel shows it: 2.675
 * with "0.00" is 2.68 although the double is 2.67499999...; a percentage
 * shifts the digits instead of multiplying (0.145 is 14.5%, not
 * 14.499999...%). The result is the en-US display: "." and ",".
 */
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "read/office.h"

#define NDIG 15 /* Excel's precision */

const char *sli_numfmt_builtin(long id)
{
    switch (id) {
    case 0: return "General";
    case 1: return "0";
    case 2: return "0.00";
    case 3: return "#,##0";
    case 4: return "#,##0.00";
    case 9: return "0%";
    case 10: return "0.00%";
    case 11: return "0.00E+00";
    case 37: return "#,##0 ;(#,##0)";
    case 38: return "#,##0 ;[Red](#,##0)";
    case 39: return "#,##0.00;(#,##0.00)";
    case 40: return "#,##0.00;[Red](#,##0.00)";
    case 48: return "##0.0E+0";
    case 49: return "@";
    default: return NULL; /* 5-8: the locale's currency; 12-13: fractions */
    }
}

void sli_numfmt_general(double v, char *out, size_t n)
{
    char tmp[40];
    /* %.15g is the shortest text that reads back as v when one of at most
     * 15 digits does (0.1, not 0.1000000000000000055), and Excel's 15
     * digits otherwise (0.30000000000000004 reads 0.3, as Excel shows) */
    snprintf(tmp, sizeof tmp, "%.15g", v == 0 ? 0.0 : v);
    char *e = strchr(tmp, 'e');
    if (e)
        *e = 'E'; /* 1.5E+20, as Excel writes it */
    snprintf(out, n, "%s", tmp);
}

/* ---- the digits -------------------------------------------------------- */

/* |v| as NDIG decimal digits d[0..NDIG) and x: |v| = d0.d1d2... * 10^x. */
typedef struct digits {
    char d[NDIG + 1];
    int x;
} digits;

static void to_digits(double v, digits *g)
{
    char tmp[48];
    snprintf(tmp, sizeof tmp, "%.*e", NDIG - 1, fabs(v));
    g->d[0] = tmp[0];
    memcpy(g->d + 1, tmp + 2, NDIG - 1);
    g->d[NDIG] = '\0';
    g->x = v == 0 ? 0 : atoi(strchr(tmp, 'e') + 1);
}

/* Keeps the first keep digits, rounded half away from zero; a carry out
 * of the first digit makes it 1 and raises x. keep <= 0: only a carry
 * (the value rounded to 10^(x+1)) or nothing survives. */
static void round_digits(digits *g, int keep)
{
    if (keep >= NDIG)
        return;
    int up = keep >= 0 && g->d[keep] >= '5';
    for (int i = keep < 0 ? 0 : keep; i < NDIG; i++)
        g->d[i] = '0';
    for (int i = keep - 1; up && i >= 0; i--) {
        up = g->d[i] == '9';
        g->d[i] = up ? '0' : (char)(g->d[i] + 1);
    }
    if (up) { /* 9.99 -> 10.0: one more digit in front */
        g->d[0] = '1';
        g->x++;
    }
}

/* The digit worth 10^p (0 beyond the digits). */
static char digit_at(const digits *g, int p)
{
    int i = g->x - p;
    return i >= 0 && i < NDIG ? g->d[i] : '0';
}

static int all_zero(const digits *g)
{
    for (int i = 0; i < NDIG; i++)
        if (g->d[i] != '0')
            return 0;
    return 1;
}

/* ---- the code ------------------------------------------------------------ */

/* What one section of a code asks for. */
typedef struct pattern {
    char pre[64], post[64]; /* literal text before and after the number */
    int seen_num, done_num; /* inside the digit pattern; left it */
    int int_zeros, int_places, int_hash; /* integer part: 0s, all places, any # */
    int point, dec_min, dec_max;         /* decimal point; 0s after it; all */
    int group, scale;                    /* thousands separators; trailing , */
    int pct;                             /* % signs: x100 each */
    int sci, exp_plus, exp_digits;       /* E+00 */
    int general;                         /* "General" within the section */
} pattern;

static int add_lit(pattern *p, const char *s, size_t n)
{
    char *buf = p->seen_num ? p->post : p->pre;
    if (p->seen_num)
        p->done_num = 1;
    size_t len = strlen(buf);
    if (len + n >= sizeof p->pre)
        return -1;
    memcpy(buf + len, s, n);
    buf[len + n] = '\0';
    return 0;
}

/* [...]: a currency ([$£-809] gives £), a colour (ignored); else refused. */
static int bracket(pattern *p, const char *s, size_t n)
{
    if (n && s[0] == '$') {
        size_t k = 1;
        while (k < n && s[k] != '-')
            k++;
        return add_lit(p, s + 1, k - 1);
    }
    static const char *colours[] = {"Black", "Blue", "Cyan", "Green", "Magenta", "Red",
                                    "White", "Yellow"};
    for (size_t i = 0; i < sizeof colours / sizeof *colours; i++)
        if (n == strlen(colours[i]) && strncasecmp(s, colours[i], n) == 0)
            return 0;
    return n > 5 && strncasecmp(s, "Color", 5) == 0 ? 0 : -1;
}

/* A digit place (0 # ?) at s[0]: counted in the integer or decimal part. */
static int place(pattern *p, char c)
{
    if (p->done_num || p->scale)
        return -1; /* "000-0000": digits broken by text */
    p->seen_num = 1;
    if (p->sci) {
        p->exp_digits += c == '0';
        return 0;
    }
    if (p->point) {
        p->dec_max++;
        p->dec_min += c == '0';
    } else {
        p->int_places++;
        p->int_zeros += c == '0';
        p->int_hash |= c != '0';
    }
    return 0;
}

/* A comma: a thousands separator between integer places; after the last
 * place, a division by 1000 ("0.0,," shows millions). */
static void comma(pattern *p, const char *next)
{
    int before_place = *next && strchr("0#?", *next);
    if (p->seen_num && !p->sci && before_place && !p->point)
        p->group = 1;
    else if (p->seen_num && !p->sci && !before_place)
        p->scale++;
}

static int parse_char(pattern *p, const char **sp, const char *end)
{
    const char *s = *sp;
    char c = *s;
    if (c == '"') {
        const char *q = memchr(s + 1, '"', (size_t)(end - s - 1));
        if (!q)
            return -1;
        *sp = q + 1;
        return add_lit(p, s + 1, (size_t)(q - s - 1));
    }
    *sp = s + 1;
    if ((c == '\\' || c == '_' || c == '*') && s + 1 < end) {
        *sp = s + 2; /* _x pads the width of x and *x fills: nothing shown */
        return c == '\\' ? add_lit(p, s + 1, 1) : 0;
    }
    if (c == '[') {
        const char *q = memchr(s, ']', (size_t)(end - s));
        if (!q)
            return -1;
        *sp = q + 1;
        return bracket(p, s + 1, (size_t)(q - s - 1));
    }
    if (c == '0' || c == '#' || c == '?')
        return place(p, c);
    if (c == '.' && p->seen_num && !p->done_num && !p->sci && !p->point)
        return (p->point = 1), 0;
    if (c == '.' && !p->seen_num && strchr("0#?", s[1]) && s[1])
        return (p->point = 1), (p->seen_num = 1), 0; /* ".00" */
    if (c == ',')
        return comma(p, s + 1), 0;
    if ((c == 'E' || c == 'e') && p->seen_num && !p->sci && (s[1] == '+' || s[1] == '-')) {
        p->sci = 1;
        p->exp_plus = s[1] == '+';
        *sp = s + 2;
        return 0;
    }
    if (c == '%')
        return p->pct++, add_lit(p, "%", 1);
    if (c == '@' || c == '/' || strchr("yYmMdDhHsSbBgGeE", c))
        return -1; /* text, fractions, dates: not numbers shown here */
    return add_lit(p, s, 1);
}

/* One section s[0..end) into p; -1 when it is not a code understood. */
static int parse(const char *s, const char *end, pattern *p)
{
    memset(p, 0, sizeof *p);
    while (s < end) {
        if ((size_t)(end - s) >= 7 && strncasecmp(s, "General", 7) == 0) {
            if (p->seen_num)
                return -1;
            p->general = p->seen_num = 1;
            s += 7;
            continue;
        }
        if (parse_char(p, &s, end) != 0)
            return -1;
    }
    return 0;
}

/* The end of the section starting at s: a ; outside quotes and brackets. */
static const char *section_end(const char *s)
{
    for (; *s && *s != ';'; s++) {
        if (*s == '"' && strchr(s + 1, '"'))
            s = strchr(s + 1, '"');
        else if (*s == '[' && strchr(s, ']'))
            s = strchr(s, ']');
        else if ((*s == '\\' || *s == '_' || *s == '*') && s[1])
            s++;
    }
    return s;
}

/* ---- writing ------------------------------------------------------------- */

typedef struct out {
    char *s;
    size_t n, len;
    int full;
} out;

static void put(out *o, const char *s, size_t n)
{
    if (o->len + n >= o->n) {
        o->full = 1;
        return;
    }
    memcpy(o->s + o->len, s, n);
    o->len += n;
    o->s[o->len] = '\0';
}

static void put_c(out *o, char c)
{
    put(o, &c, 1);
}

/* The decimals from 10^-1 down, trailing zeros cut to dec_min. */
static void put_decimals(out *o, const pattern *p, const digits *g, int top)
{
    int last = p->dec_max;
    while (last > p->dec_min && digit_at(g, top - last) == '0')
        last--;
    if (p->point)
        put_c(o, '.');
    for (int k = 1; k <= last; k++)
        put_c(o, digit_at(g, top - k));
}

static void put_fixed(out *o, const pattern *p, digits *g)
{
    g->x += 2 * p->pct - 3 * p->scale;
    round_digits(g, g->x + 1 + p->dec_max);
    int n = g->x >= 0 && !all_zero(g) ? g->x + 1 : 0; /* integer digits */
    if (n < p->int_zeros)
        n = p->int_zeros;
    for (int k = n - 1; k >= 0; k--) {
        put_c(o, digit_at(g, k));
        if (p->group && k > 0 && k % 3 == 0)
            put_c(o, ',');
    }
    put_decimals(o, p, g, 0);
}

static void put_sci(out *o, const pattern *p, digits *g)
{
    g->x += 2 * p->pct;
    int ip = p->int_places ? p->int_places : 1;
    /* "##0.0E+0": an exponent in steps of the integer places (engineering) */
    int step = p->int_hash && ip > 1 ? ip : 1;
    int shown = step > 1 ? 0 : ip - 1;
    int e = 0;
    for (int pass = 0; pass < 2; pass++) { /* again if rounding carried */
        e = step > 1 ? (int)floor((double)g->x / step) * step : g->x - shown;
        round_digits(g, g->x - e + 1 + p->dec_max);
    }
    if (all_zero(g))
        e = 0;
    int n = g->x - e + 1;
    if (n < 1 || all_zero(g))
        n = 1;
    for (int k = n - 1; k >= 0; k--)
        put_c(o, digit_at(g, e + k));
    put_decimals(o, p, g, e);
    char exp[16];
    snprintf(exp, sizeof exp, "E%s%0*d", e < 0 ? "-" : p->exp_plus ? "+" : "",
             p->exp_digits ? p->exp_digits : 1, abs(e));
    put(o, exp, strlen(exp));
}

/* Spaces at the ends are padding (_) or alignment, no part of the text. */
static void trim(char *s)
{
    size_t n = strlen(s), a = 0;
    while (n && s[n - 1] == ' ')
        s[--n] = '\0';
    while (s[a] == ' ')
        a++;
    memmove(s, s + a, n - a + 1);
}

int sli_numfmt(double v, const char *code, char *outbuf, size_t n)
{
    if (!isfinite(v) || n == 0)
        return -1;
    const char *sec[3] = {code, NULL, NULL}, *end[3];
    int nsec = 0;
    for (const char *s = code; nsec < 3;) {
        sec[nsec] = s;
        end[nsec] = section_end(s);
        nsec++;
        if (!*end[nsec - 1])
            break;
        s = end[nsec - 1] + 1;
    }
    int i = v < 0 && nsec >= 2 ? 1 : v == 0 && nsec >= 3 ? 2 : 0;
    pattern p;
    if (parse(sec[i], end[i], &p) != 0)
        return -1;
    digits g;
    to_digits(v, &g);
    char num[128];
    out o = {num, sizeof num, 0, 0};
    num[0] = '\0';
    if (p.general)
        sli_numfmt_general(fabs(v), num, sizeof num);
    else if (!p.seen_num)
        num[0] = '\0'; /* text alone ("-"): the number is not shown */
    else if (p.sci)
        put_sci(&o, &p, &g);
    else
        put_fixed(&o, &p, &g);
    if (o.full)
        return -1;
    /* the sign of a section of its own is in its text; -0.001 shown as 0
     * has nothing left to be negative */
    int minus = v < 0 && i == 0 && (p.general || !all_zero(&g));
    int w = snprintf(outbuf, n, "%s%s%s%s", minus ? "-" : "", p.pre, num, p.post);
    if (w < 0 || (size_t)w >= n)
        return -1;
    trim(outbuf);
    return 0;
}

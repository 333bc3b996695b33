/*
 * import_yaml.c - quanteda-style YAML dictionaries as lexicons.
 *
 *   isolation:
 *     - lonel*
 *     - cut off
 *   outcome3:
 *     connected: [reconnect*, new friends]
 *
 * Nested keys are themes (a key inside a key is a sub-theme, so
 * outcome3.connected rolls up into outcome3, as quanteda's levels do); a
 * list (or a single string) under a key holds its patterns. Read with
 * libyaml's event parser so every problem can name the line and column
 * libyaml reports (it counts from 0; storylens from 1).
 *
 * Language v2 (README "Word classes and rules"): a value that is a rule
 * (near(...), before(...), avoided(...), negated(...), ended(...),
 * with(...), also(...)), uses a <class> or ends in an "@resolved"-style
 * suffix is .lex text already and goes to the entry parser as written; a
 * top-level key "class NAME" holding a list is the word class that a .lex
 * "[class NAME]" section makes, its members patterns or v2 forms alike.
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "core/error.h"
#include "lexicon/import_glob.h"
#include "lexicon/lexicon.h"

#define MAX_NAME 512

typedef struct yaml_ctx {
    sl_lex_parse *p;
    uint32_t file;
    const char *path;
    yaml_parser_t parser;
    sl_error *err;
    sl_status status;
    int fatal;               /* libyaml gave up: no more events */
} yaml_ctx;

static void yerror(yaml_ctx *c, sl_status code, yaml_mark_t m, const char *fmt, ...)
    SL_PRINTF(4, 5);

static void yerror(yaml_ctx *c, sl_status code, yaml_mark_t m, const char *fmt, ...)
{
    char msg[SL_ERROR_TEXT - 64];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    uint32_t line = (uint32_t)m.line + 1, col = (uint32_t)m.column + 1;
    c->p->nerrors++;
    sli_lex_diag_add(c->p, c->file, line, col, 0, "%s", msg);
    if (c->status == SL_OK) {
        c->status = code;
        sli_fail(c->err, code, "%s:%u:%u: %s", c->path, (unsigned)line, (unsigned)col, msg);
    }
}

/* The next event; on a libyaml error reports it and returns 0. */
static int next(yaml_ctx *c, yaml_event_t *ev)
{
    if (c->fatal)
        return 0;
    if (!yaml_parser_parse(&c->parser, ev)) {
        c->fatal = 1;
        yerror(c, SL_ELEXICON, c->parser.problem_mark, "YAML: %s",
               c->parser.problem ? c->parser.problem : "cannot parse");
        return 0;
    }
    return 1;
}

/* Whether value [v, v + n) (blanks trimmed) is written in the .lex
 * language v2, as parse.c's is_v2_entry reads an entry: a rule, possibly
 * an exclusion "!rule", anything holding a <class>, or an entry with an
 * "@suffix" last word. A /regex/ is not, as in .lex files. */
static int is_v2_form(const char *v, size_t n)
{
    static const char *const rules[] = {"near(", "before(", "avoided(", "negated(", "ended(",
                                        "with(", "also("};
    if (n && *v == '!') {
        v++;
        n--;
    }
    if (n == 0 || *v == '/')
        return 0;
    if (memchr(v, '<', n))
        return 1;
    for (size_t i = 0; i < sizeof rules / sizeof rules[0]; i++) {
        size_t k = strlen(rules[i]);
        if (n > k && memcmp(v, rules[i], k) == 0)
            return 1;
    }
    size_t w = n;
    while (w > 0 && v[w - 1] != ' ' && v[w - 1] != '\t')
        w--;
    return w > 0 && w < n && v[w] == '@';
}

static int blank(char ch)
{
    return ch == ' ' || ch == '\t';
}

/* One pattern of theme (klass < 0) or of word class klass. */
static void add_pattern(yaml_ctx *c, int32_t theme, int32_t klass, const yaml_event_t *ev)
{
    char entry[1024];
    const char *v = (const char *)ev->data.scalar.value, *text = entry;
    size_t vn = ev->data.scalar.length, n;
    uint32_t col = (uint32_t)ev->start_mark.column + 1;
    const char *t = v;
    size_t tn = vn;
    while (tn && blank(*t)) {
        t++;
        tn--;
    }
    while (tn && blank(t[tn - 1]))
        tn--;
    if (is_v2_form(t, tn)) {
        /* .lex text as written: columns follow the value, after its quote */
        text = t;
        n = tn;
        col += (uint32_t)(t - v) + (ev->data.scalar.style == YAML_SINGLE_QUOTED_SCALAR_STYLE ||
                                    ev->data.scalar.style == YAML_DOUBLE_QUOTED_SCALAR_STYLE);
    } else {
        int k = sli_import_glob(v, vn, entry, sizeof entry);
        if (k < 0) {
            yerror(c, SL_ELEXICON, ev->start_mark, k == -2 ? "pattern \"%s\": only a '*' at the "
                   "end of a word is supported (a prefix wildcard such as isolat*)"
                   : "pattern \"%s\" is empty or too long", v);
            return;
        }
        n = (size_t)k;
        /* Columns of a plain scalar map onto the entry; the added '=' is
         * not in the file, so start one column earlier for it. */
        if (entry[0] == '=' && col > 1)
            col--;
    }
    sl_error tmp;
    sl_error *err = c->status == SL_OK ? c->err : &tmp;
    uint32_t line = (uint32_t)ev->start_mark.line + 1;
    sl_status st = klass >= 0
        ? sli_lex_add_member(c->p, klass, c->file, c->path, line, col, text, n, err)
        : sli_lex_add_entry(c->p, c->file, c->path, line, col, theme, text, n, err);
    if (st != SL_OK && c->status == SL_OK)
        c->status = st;
}

/* Skips the rest of a node whose start event was just read. */
static void skip_node(yaml_ctx *c, const yaml_event_t *start)
{
    if (start->type != YAML_SEQUENCE_START_EVENT && start->type != YAML_MAPPING_START_EVENT)
        return;
    int depth = 1;
    yaml_event_t ev;
    while (depth > 0 && next(c, &ev)) {
        if (ev.type == YAML_SEQUENCE_START_EVENT || ev.type == YAML_MAPPING_START_EVENT)
            depth++;
        else if (ev.type == YAML_SEQUENCE_END_EVENT || ev.type == YAML_MAPPING_END_EVENT)
            depth--;
        yaml_event_delete(&ev);
    }
}

static void read_list(yaml_ctx *c, int32_t theme, int32_t klass)
{
    yaml_event_t ev;
    while (next(c, &ev)) {
        if (ev.type == YAML_SEQUENCE_END_EVENT) {
            yaml_event_delete(&ev);
            return;
        }
        if (ev.type == YAML_SCALAR_EVENT)
            add_pattern(c, theme, klass, &ev);
        else {
            yerror(c, SL_ELEXICON, ev.start_mark, "a list of patterns holds strings only; "
                   "write sub-themes as keys");
            skip_node(c, &ev);
        }
        yaml_event_delete(&ev);
    }
}

static void read_mapping(yaml_ctx *c, const char *prefix);

/* The value of key `name` (a full dotted theme name). */
static void read_value(yaml_ctx *c, const char *name, yaml_mark_t at)
{
    yaml_event_t ev;
    if (!next(c, &ev))
        return;
    int32_t t = sli_lex_theme(c->p, c->file, (uint32_t)at.line + 1, name);
    if (t == -2)
        yerror(c, SL_ELEXICON, at, "key \"%s\" cannot be a theme name; use letters, digits, "
               "'_' or '-'", name);
    else if (t < 0)
        yerror(c, SL_ENOMEM, at, "out of memory");
    if (t < 0)
        skip_node(c, &ev);
    else if (ev.type == YAML_SCALAR_EVENT)
        add_pattern(c, t, -1, &ev);
    else if (ev.type == YAML_SEQUENCE_START_EVENT)
        read_list(c, t, -1);
    else if (ev.type == YAML_MAPPING_START_EVENT)
        read_mapping(c, name);
    else
        yerror(c, SL_ELEXICON, ev.start_mark, "unexpected YAML here; give a list of patterns");
    yaml_event_delete(&ev);
}

/* Key "class NAME" (key is its scalar event): a word class and its list
 * of members, or one member. Only at the top level, as [class NAME] is a
 * section of its own in a .lex file. */
static void read_class(yaml_ctx *c, const char *prefix, const yaml_event_t *key)
{
    const char *k = (const char *)key->data.scalar.value;
    size_t kn = key->data.scalar.length;
    const char *nm = k + 5, *ne = k + kn;
    while (nm < ne && blank(*nm))
        nm++;
    while (ne > nm && blank(ne[-1]))
        ne--;
    int32_t klass = -1;
    if (*prefix) {
        yerror(c, SL_ELEXICON, key->start_mark, "a word class is a top-level key; move "
               "\"%s\" out of \"%s\"", k, prefix);
    } else {
        uint32_t col = (uint32_t)key->start_mark.column + 1 + (uint32_t)(nm - k) +
                       (key->data.scalar.style == YAML_SINGLE_QUOTED_SCALAR_STYLE ||
                        key->data.scalar.style == YAML_DOUBLE_QUOTED_SCALAR_STYLE);
        sl_error tmp;
        sl_status st = sli_lex_class(c->p, c->file, c->path, (uint32_t)key->start_mark.line + 1,
                                    col, nm, (size_t)(ne - nm), &klass,
                                    c->status == SL_OK ? c->err : &tmp);
        if (st != SL_OK && c->status == SL_OK)
            c->status = st;
    }
    yaml_event_t ev;
    if (!next(c, &ev))
        return;
    if (klass < 0)
        skip_node(c, &ev);
    else if (ev.type == YAML_SCALAR_EVENT)
        add_pattern(c, -1, klass, &ev);
    else if (ev.type == YAML_SEQUENCE_START_EVENT)
        read_list(c, -1, klass);
    else {
        yerror(c, SL_ELEXICON, ev.start_mark, "a word class holds a list of members, not keys");
        skip_node(c, &ev);
    }
    yaml_event_delete(&ev);
}

/* Whether a key is "class NAME": a word class, not a theme. */
static int is_class_key(const yaml_event_t *ev)
{
    const char *k = (const char *)ev->data.scalar.value;
    return ev->data.scalar.length > 5 && memcmp(k, "class", 5) == 0 && blank(k[5]);
}

static void read_mapping(yaml_ctx *c, const char *prefix)
{
    yaml_event_t ev;
    while (next(c, &ev)) {
        if (ev.type == YAML_MAPPING_END_EVENT) {
            yaml_event_delete(&ev);
            return;
        }
        if (ev.type != YAML_SCALAR_EVENT) {
            yerror(c, SL_ELEXICON, ev.start_mark, "a key must be a theme name");
            skip_node(c, &ev);
            yaml_event_delete(&ev);
            continue;
        }
        if (is_class_key(&ev)) {
            read_class(c, prefix, &ev);
            yaml_event_delete(&ev);
            continue;
        }
        char name[MAX_NAME];
        snprintf(name, sizeof name, "%s%s%s", prefix, *prefix ? "." : "",
                 (const char *)ev.data.scalar.value);
        yaml_mark_t at = ev.start_mark;
        yaml_event_delete(&ev);
        read_value(c, name, at);
    }
}

sl_status sli_lex_parse_yaml(sl_lex_parse *p, uint32_t file, const char *path, const char *buf,
                            size_t len, sl_error *err)
{
    yaml_ctx c = {.p = p, .file = file, .path = path, .err = err};
    if (!yaml_parser_initialize(&c.parser))
        return sli_fail_nomem(err);
    yaml_parser_set_input_string(&c.parser, (const unsigned char *)buf, len);
    yaml_event_t ev;
    int root = 0;
    while (next(&c, &ev)) {
        yaml_event_type_t type = ev.type;
        if (type == YAML_MAPPING_START_EVENT && !root) {
            root = 1;
            read_mapping(&c, "");
        } else if (type == YAML_SCALAR_EVENT || type == YAML_SEQUENCE_START_EVENT ||
                   type == YAML_MAPPING_START_EVENT) {
            yerror(&c, SL_ELEXICON, ev.start_mark, "a YAML dictionary is a mapping of theme "
                   "names to lists of patterns");
            skip_node(&c, &ev);
        }
        yaml_event_delete(&ev);
        if (type == YAML_STREAM_END_EVENT)
            break;
    }
    yaml_parser_delete(&c.parser);
    return c.status;
}

/*
 * direction.h - the direction of change a story gives each counted hit.
 *
 * A stage between matching and aggregation. Modifier lexicons (one theme
 * per trigger kind) are matched by the ordinary matcher on a second
 * compiled lexicon; the triggers found are then resolved across kinds
 * (the longest wins, so "no longer" is a decrease, not a negation) and,
 * for every theme hit, the triggers whose scope reaches it (same sentence,
 * within the trigger's distance, no clause breaker between) decide its
 * direction (improved, worsened, mentioned) and time (before, after,
 * unknown). The rules are written out in README.md, "Direction of change".
 *
 * Each worker owns an sl_director; the modifier lexicon is shared and
 * read-only.
 */
#ifndef SL_DIRECTION_H
#define SL_DIRECTION_H

#include <stddef.h>
#include <stdint.h>

#include "lexicon/lexicon.h"
#include "match/match.h"
#include "text/tokenize.h"

typedef enum sl_mod_kind {
    SL_MOD_INCREASE, SL_MOD_DECREASE, SL_MOD_NEGATION, SL_MOD_AVOIDANCE, SL_MOD_BASELINE,
    SL_MOD_OUTCOME, SL_MOD_BREAKER, SL_MOD_KINDS
} sl_mod_kind;

/* The theme names of the kinds, in sl_mod_kind order. */
extern const char *const sli_mod_kind_names[SL_MOD_KINDS];

/* Defaults for a kind whose theme gives no scope or distance. */
#define SL_DEFAULT_DISTANCE 5

/* One trigger found in a story, after resolution across kinds. */
typedef struct sl_trigger {
    uint32_t entry;       /* in the modifier lexicon */
    uint8_t kind;         /* sl_mod_kind */
    uint8_t scope;        /* sl_scope, resolved (never UNSET) */
    uint16_t distance;
    uint32_t start, end;  /* token range [start, end) */
} sl_trigger;

/* What the triggers made of one hit. */
typedef struct sl_hit_dir {
    uint8_t direction;    /* sl_direction */
    uint8_t time;         /* sl_time */
    uint8_t negations;
    uint8_t dropped;      /* a conditioned entry (avoided(), ...) whose condition
                           * the triggers did not meet: the hit does not count */
    int32_t trigger;      /* index of the deciding trigger, -1 when none */
} sl_hit_dir;

typedef struct sl_director sl_director;

sl_status sli_director_new(sl_director **out, const sl_lexicon *mods, sl_error *err);
void sli_director_free(sl_director *d);

/* Lets d's modifier matcher share the word cache of themes, the matcher
 * whose hits d is given (see sli_matcher_follow): each word is then stemmed
 * once per worker, and the modifier pass reuses the theme pass's lookups. */
void sli_director_follow(sl_director *d, sl_matcher *themes);

/* Directions of every hit of one story (hits from sli_match on the theme
 * lexicon lex). *dirs has hits->n records, *trig the story's triggers;
 * both borrowed until the next call. SL_EDATA when a modifier regex hits a
 * PCRE2 limit; SL_ENOMEM. */
sl_status sli_direction_compute(sl_director *d, const sl_lexicon *lex, const char *text,
                               const sl_tokens *toks, const sl_hits *hits, const char *doc_id,
                               const sl_hit_dir **dirs, const sl_trigger **trig, sl_error *err);

/* As sli_direction_compute for the hits of the sentences [s_lo, s_hi)
 * only (hits from sli_match_range over that range): a trigger reaches no
 * further than its sentence, so each hit's direction is what the whole
 * story would give it, and the stage's scratch grows with the range. A
 * huge story is judged a stretch at a time this way (worker.c). *ntrig is
 * the number of triggers in *trig. */
sl_status sli_direction_range(sl_director *d, const sl_lexicon *lex, const char *text,
                              const sl_tokens *toks, const sl_hits *hits, size_t s_lo,
                              size_t s_hi, const char *doc_id, const sl_hit_dir **dirs,
                              const sl_trigger **trig, size_t *ntrig, sl_error *err);

/* Per-theme counters: SL_DIR_FIGURES hit counts a theme in the sums
 * (sl_accum.dir_hits); a story's record (sl_docres.dir) has SL_DIR_STORY
 * a theme, the hit counts and then SL_DIR_NET, the story's end state: the
 * direction (sl_direction) of its last hit that changed (improved or
 * worsened) outside the baseline, 0 when none did. */
enum {
    SL_DIR_IMPROVED, SL_DIR_WORSENED, SL_DIR_MENTIONED, SL_DIR_BEFORE, SL_DIR_AFTER,
    SL_DIR_UNKNOWN, SL_DIR_FIGURES, SL_DIR_NET = SL_DIR_FIGURES, SL_DIR_STORY
};

/* Adds one hit of a story, in text order, to the story's record c of its
 * theme (SL_DIR_STORY counters). */
void sli_direction_vote(uint32_t *c, int direction, int time);

/* Adds each hit (in text order within a theme, as sli_match gives them) to
 * counts[theme * SL_DIR_STORY + k]; dropped hits are not counted. */
void sli_direction_tally(uint32_t *counts, const sl_hits *hits, const sl_hit_dir *dirs);

/* A story's net direction for one theme from its record: the end state,
 * that is the direction of the last hit that changed outside the baseline
 * (a problem in the opening and its resolved state later is an
 * improvement; a loss in the baseline and a gain later too), else
 * mentioned; SL_DIRECTION_NONE when the theme has no hits. */
int sli_direction_net(const uint32_t *story_counts);

#endif

/*
 * gen_corpus.c - a deterministic, seeded corpus of change-story-like text
 * for `make bench` (run through scripts/gen-corpus).
 *
 * Benchmarks need corpora of any size (1 MB to 1 GB and beyond) that look
 * like a story bank to the tokenizer and the matcher: a Zipf word-frequency
 * curve (a few function words make up much of the text, a long tail of rare
 * words), sentences and paragraphs, the vocabulary of social-care stories
 * (so lexicon entries hit at plausible rates), stories of 80-400 words and
 * the metadata fields site, contact_route and year. The same seed and size
 * always give the same bytes, on any machine: the generator uses its own
 * PRNG (splitmix64) and no floating point in the sampling path.
 *
 *   gen-corpus [--seed N] [--format jsonl|csv|txt] SIZE_MB OUT
 *
 * OUT is a file for jsonl/csv and a directory (created) for txt, which
 * gets one front-matter .txt file per story in subfolders of 1000.
 * Output stops at the first story that reaches SIZE_MB megabytes (10^6).
 */
#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* Ranked head of the vocabulary: function words first, then the words of
 * change stories (people, places, support, feelings, outcomes). The ranks
 * beyond this list are pseudo-words built from syllables. */
static const char *const head_words[] = {
    "the", "and", "to", "a", "of", "she", "he", "was", "in", "her", "his", "that", "with",
    "for", "had", "it", "on", "they", "is", "at", "as", "but", "i", "we", "be", "have",
    "from", "this", "not", "were", "by", "their", "an", "who", "would", "them", "been", "so",
    "all", "or", "has", "could", "what", "there", "about", "when", "one", "out", "more",
    "up", "now", "after", "into", "me", "my", "our", "also", "some", "no", "very", "after",
    "before", "which", "other", "than", "then", "how", "just", "over", "because", "back",
    "week", "home", "support", "family", "help", "time", "community", "people", "worker",
    "care", "local", "group", "said", "felt", "feel", "daughter", "son", "husband", "wife",
    "mother", "father", "neighbour", "friends", "friend", "day", "visit", "house", "life",
    "started", "years", "going", "went", "talk", "talking", "point", "library", "hub",
    "council", "navigator", "volunteer", "volunteers", "club", "lunch", "tea", "cup",
    "hall", "church", "centre", "walk", "garden", "bus", "shop", "doctor", "gp", "nurse",
    "hospital", "carer", "carers", "caring", "respite", "package", "assessment", "form",
    "conversation", "confidence", "confident", "lonely", "loneliness", "isolated",
    "isolation", "alone", "connected", "independent", "independence", "wellbeing",
    "anxious", "anxiety", "stress", "worried", "happy", "safe", "safer", "able", "again",
    "stay", "own", "living", "lives", "moved", "move", "residential", "stairs", "fall",
    "fell", "equipment", "rail", "adaptations", "benefits", "money", "debt", "housing",
    "job", "work", "volunteering", "course", "college", "skills", "learning", "music",
    "singing", "dancing", "knitting", "football", "allotment", "dog", "cat", "phone",
    "called", "rang", "referral", "referred", "team", "social", "services", "manager",
    "staff", "plan", "good", "better", "best", "new", "old", "first", "last", "long",
    "little", "every", "each", "many", "few", "two", "three", "four", "months", "morning",
    "evening", "night", "tuesday", "thursday", "monday", "saturday", "regular", "weekly",
    "now", "still", "never", "often", "really", "together", "around", "since", "while",
    "where", "asked", "told", "know", "knew", "wanted", "needed", "found", "made", "make",
    "get", "got", "go", "goes", "come", "came", "see", "saw", "take", "took", "give",
    "gave", "think", "thought", "like", "enjoy", "enjoyed", "belong", "laugh", "smile",
    "proud", "grateful", "nervous", "frightened", "tired", "exhausted", "empty", "running",
    "getting", "keeping", "looking", "trying", "listening", "sharing", "meeting", "met",
    "near", "street", "town", "village", "road", "door", "doors", "kitchen", "bed",
    "sleep", "health", "mental", "physical", "emotional", "memory", "dementia",
    "alzheimer's", "stroke", "diabetes", "wheelchair", "mobility", "pain", "medication",
    "appointment", "transport", "lift", "drive", "car", "taxi", "lifts", "tablet",
    "online", "computer", "grandchildren", "grandson", "granddaughter", "partner",
    "brother", "sister", "cousin", "nephew", "niece", "someone", "anyone", "nobody",
    "everyone", "himself", "herself", "themselves", "together", "anything", "nothing",
    "something", "everything", "hardly", "rarely", "seldom", "left", "leave", "outside",
    "cut", "off", "off", "part", "whole", "sense", "purpose", "control", "choice",
    "decisions", "voice", "listened", "heard", "understood", "trusted", "trust",
    "relationship", "relationships", "networks", "connections", "circle", "activity",
    "activities", "exercise", "fitness", "outdoors", "weather", "winter", "summer",
    "christmas", "birthday", "holiday", "funeral", "bereavement", "grief", "died",
    "passed", "loss", "lost", "recovered", "recovery", "improved", "improvement",
    "changed", "change", "difference", "outcome", "outcomes", "story", "stories",
};
#define NHEAD (sizeof head_words / sizeof head_words[0])
#define VOCAB 40000

/* Phrases that lexicons are written for, spliced into some sentences so
 * phrase entries hit at a story-like rate rather than only by chance. */
static const char *const phrases[] = {
    "no one to talk to", "more connected", "cut off", "felt so alone", "all alone",
    "made new friends", "part of the community", "more confident", "believe in myself",
    "stay in her own home", "stay in his own home", "running on empty", "a good week",
    "a cup of tea", "what matters to them", "peace of mind", "back on her feet",
    "back on his feet", "hardly left the house", "rarely went out", "kept herself to herself",
    "feel like I belong", "a bit of respite", "at the end of my tether", "a new lease of life",
};
#define NPHRASES (sizeof phrases / sizeof phrases[0])

static const char *const sites[] = {"Northvale", "Eastbrook", "Southmere", "Westfield",
                                    "Kirkby", "Ashford", "Holmdale", "Riverside"};
static const char *const routes[] = {"hub", "council_referral", "gp_referral", "self",
                                     "family", "voluntary_sector", "hospital_discharge"};

typedef struct rng {
    uint64_t s;
} rng;

static uint64_t next(rng *r)
{
    uint64_t z = (r->s += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

static uint32_t below(rng *r, uint32_t n)
{
    return (uint32_t)(((next(r) >> 32) * (uint64_t)n) >> 32);
}

typedef struct vocab {
    char *words[VOCAB];
    size_t lens[VOCAB];
    uint64_t cdf[VOCAB]; /* scaled to 2^62, integer so sampling is exact everywhere */
} vocab;

/* A pronounceable pseudo-word for a tail rank, fixed by the rank alone. */
static char *tail_word(size_t rank)
{
    static const char *const syl[] = {"ba", "ker", "lin", "mo", "tan", "ri", "sel", "do",
                                      "ven", "pa", "gru", "hol", "ste", "ar", "wen", "mi",
                                      "cor", "lu", "bre", "than", "ot", "fel", "ny", "sa"};
    rng r = {rank * 7919u + 17};
    char buf[64];
    size_t n = 0, k = 2 + below(&r, 2);
    for (size_t i = 0; i < k; i++) {
        const char *s = syl[below(&r, sizeof syl / sizeof syl[0])];
        size_t l = strlen(s);
        memcpy(buf + n, s, l);
        n += l;
    }
    static const char *const end[] = {"", "s", "ed", "ing", "ly", "er"};
    const char *e = end[below(&r, 6)];
    strcpy(buf + n, e);
    return strdup(buf);
}

/* Zipf-Mandelbrot weights 1/(rank+2.7)^1.1: the top 100 words make about
 * half the text and the top 400 two thirds, as in English prose, computed once in double and frozen into integers:
 * the only floating point, in a form every IEEE machine rounds alike. */
static int vocab_init(vocab *v)
{
    double w[VOCAB], total = 0;
    for (size_t i = 0; i < VOCAB; i++) {
        w[i] = pow(i + 2.7, -1.1);
        total += w[i];
        v->words[i] = i < NHEAD ? strdup(head_words[i]) : tail_word(i);
        if (!v->words[i])
            return -1;
        v->lens[i] = strlen(v->words[i]);
    }
    double acc = 0;
    for (size_t i = 0; i < VOCAB; i++) {
        acc += w[i];
        v->cdf[i] = (uint64_t)(acc / total * 4611686018427387904.0);
    }
    v->cdf[VOCAB - 1] = UINT64_MAX;
    return 0;
}

static size_t sample(const vocab *v, rng *r)
{
    uint64_t x = next(r) >> 2;
    size_t lo = 0, hi = VOCAB - 1;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (v->cdf[mid] > x)
            hi = mid;
        else
            lo = mid + 1;
    }
    return lo;
}

/* A growable byte buffer for one story's text. */
typedef struct buf {
    char *p;
    size_t n, cap;
} buf;

static void put(buf *b, const char *s, size_t n)
{
    if (b->n + n + 1 > b->cap) {
        size_t ncap = b->cap ? b->cap * 2 : 8192;
        while (ncap < b->n + n + 1)
            ncap *= 2;
        char *q = realloc(b->p, ncap);
        if (!q) {
            fputs("gen-corpus: out of memory\n", stderr);
            exit(70);
        }
        b->p = q;
        b->cap = ncap;
    }
    memcpy(b->p + b->n, s, n);
    b->n += n;
}

/* One story: 80-400 words in sentences of 6-24 words, paragraphs of 2-6
 * sentences separated by a blank line. */
static void story(buf *b, const vocab *v, rng *r)
{
    size_t words = 80 + below(r, 321), done = 0, sent_in_para = 0;
    size_t para_len = 2 + below(r, 5);
    b->n = 0;
    while (done < words) {
        size_t len = 6 + below(r, 19);
        if (len > words - done)
            len = words - done;
        int phrase_at = below(r, 6) == 0 ? (int)below(r, (uint32_t)len) : -1;
        for (size_t i = 0; i < len; i++) {
            const char *w;
            size_t wl;
            if ((int)i == phrase_at) {
                w = phrases[below(r, NPHRASES)];
                wl = strlen(w);
            } else {
                size_t k = sample(v, r);
                w = v->words[k];
                wl = v->lens[k];
            }
            if (i > 0) {
                int comma = below(r, 12) == 0;
                put(b, comma ? ", " : " ", comma ? 2u : 1u);
            }
            if (i == 0) {
                char c = w[0] >= 'a' && w[0] <= 'z' ? (char)(w[0] - 32) : w[0];
                put(b, &c, 1);
                put(b, w + 1, wl - 1);
            } else
                put(b, w, wl);
        }
        done += len;
        put(b, below(r, 10) == 0 ? "?" : ".", 1);
        if (done < words) {
            if (++sent_in_para == para_len) {
                put(b, "\n\n", 2);
                sent_in_para = 0;
                para_len = 2 + below(r, 5);
            } else
                put(b, " ", 1);
        }
    }
    b->p[b->n] = '\0';
}

/* The text escaped for a JSON string (only \n appears among controls). */
static void write_json_text(FILE *f, const buf *b)
{
    const char *s = b->p, *end = b->p + b->n;
    while (s < end) {
        const char *nl = memchr(s, '\n', (size_t)(end - s));
        size_t run = nl ? (size_t)(nl - s) : (size_t)(end - s);
        fwrite(s, 1, run, f);
        s += run;
        if (nl) {
            fputs("\\n", f);
            s++;
        }
    }
}

static int usage(void)
{
    fputs("usage: gen-corpus [--seed N] [--format jsonl|csv|txt] SIZE_MB OUT\n", stderr);
    return 64;
}

int main(int argc, char **argv)
{
    uint64_t seed = 1;
    const char *format = "jsonl";
    int i = 1;
    for (; i + 1 < argc && argv[i][0] == '-' && argv[i][1] == '-'; i += 2) {
        if (strcmp(argv[i], "--seed") == 0)
            seed = strtoull(argv[i + 1], NULL, 10);
        else if (strcmp(argv[i], "--format") == 0)
            format = argv[i + 1];
        else
            return usage();
    }
    if (argc - i != 2)
        return usage();
    char *endp;
    double mb = strtod(argv[i], &endp);
    if (*endp || mb <= 0)
        return usage();
    const char *out = argv[i + 1];
    int txt = strcmp(format, "txt") == 0, csv = strcmp(format, "csv") == 0;
    if (!txt && !csv && strcmp(format, "jsonl") != 0)
        return usage();
    static vocab v;
    if (vocab_init(&v) != 0)
        return 70;
    rng r = {seed};
    uint64_t limit = (uint64_t)(mb * 1e6), written = 0;
    FILE *f = NULL;
    static char iobuf[1 << 20];
    if (txt) {
        if (mkdir(out, 0777) != 0 && errno != EEXIST) {
            perror(out);
            return 73;
        }
    } else {
        f = fopen(out, "w");
        if (!f) {
            perror(out);
            return 73;
        }
        setvbuf(f, iobuf, _IOFBF, sizeof iobuf);
        if (csv)
            written += (uint64_t)fprintf(f, "id,site,contact_route,year,text\n");
    }
    buf b = {0};
    for (unsigned long n = 1; written < limit; n++) {
        story(&b, &v, &r);
        const char *site = sites[below(&r, 8)], *route = routes[below(&r, 7)];
        unsigned year = 2016 + below(&r, 9);
        if (txt) {
            char path[4096];
            /* stories 1-1000 in 0000/, 1001-2000 in 0001/, ... */
            unsigned long dir = (n - 1) / 1000;
            if ((n - 1) % 1000 == 0) {
                snprintf(path, sizeof path, "%s/%04lu", out, dir);
                if (mkdir(path, 0777) != 0 && errno != EEXIST) {
                    perror(path);
                    return 73;
                }
            }
            snprintf(path, sizeof path, "%s/%04lu/s%08lu.txt", out, dir, n);
            f = fopen(path, "w");
            if (!f) {
                perror(path);
                return 73;
            }
            written += (uint64_t)fprintf(f, "---\nsite: %s\ncontact_route: %s\nyear: %u\n---\n",
                                         site, route, year);
            fwrite(b.p, 1, b.n, f);
            written += b.n;
            if (fclose(f) != 0) {
                perror(path);
                return 74;
            }
            continue;
        }
        long before = ftell(f);
        if (csv) {
            /* the text has no '"', so quoting it needs no doubling */
            fprintf(f, "s%08lu,%s,%s,%u,\"", n, site, route, year);
            fwrite(b.p, 1, b.n, f);
            fputs("\"\n", f);
        } else {
            fprintf(f, "{\"id\":\"s%08lu\",\"site\":\"%s\",\"contact_route\":\"%s\",\"year\":\"%u\",\"text\":\"",
                    n, site, route, year);
            write_json_text(f, &b);
            fputs("\"}\n", f);
        }
        written += (uint64_t)(ftell(f) - before);
    }
    free(b.p);
    if (f && !txt && fclose(f) != 0) {
        perror(out);
        return 74;
    }
    return 0;
}

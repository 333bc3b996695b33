/*
 * split.c - a large JSONL file analysed in pieces, each thread reading,
 * analysing and summing its own, the way separate processes would.
 *
 * Why: with one reading thread handing batches to the others, every
 * story's text is written by one core and read by another, and its
 * counts the other way round; two threads then did 1.78-1.87x the work
 * of one where two processes on halves of the file did 1.95-2.03x. Here
 * the file is cut at line starts into pieces of PIECE_BYTES, handed out in
 * order, and each thread feeds its pieces to a batch loop and a result of
 * its own (with that thread's worker of the whole run: its word cache and
 * matcher); the parts' results are added at the end.
 * Every figure is an additive count, so the sums are the same whatever
 * piece went to whatever thread.
 *
 * What a piece cannot know is how many lines came before it, so it can
 * neither number a story that has no id nor place a warning in input
 * order. So this path is taken only where no story is shown (no
 * --per-document rows, no story handler), and only while the file is
 * clean. The one warning a clean file may give, invalid UTF-8 (once per
 * file, for its first such story), each piece notes with its own line
 * count, and the whole gives it at the end with the file's line. The
 * first skipped record, failed regex or error in any piece stops every
 * thread, the parts are thrown away, and the caller reads the file the
 * ordinary way, which then reports exactly what it always did. A file
 * with a UTF-16 byte order mark, or a NUL byte where the ordinary reader
 * would sniff one, also goes that way.
 */
#include <errno.h>
#include <fcntl.h>
#include <omp.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/error.h"
#include "core/vec.h"
#include "pipeline/batch.h"
#include "pipeline/split.h"

/* A piece: large enough that its fixed costs (finding its ends, a stream
 * and a reader) vanish, small enough that the threads finish within a
 * piece's time of each other (1 MB is about 5 ms of one thread) and that
 * the piece each thread holds adds little memory (4 MB pieces ran no
 * faster on 1 GB and took 6 MB more). */
#define PIECE_BYTES ((size_t)1 << 20)
#define MIN_PIECES 4

static size_t piece_bytes = PIECE_BYTES;

void sli_split_set_piece_bytes(size_t bytes)
{
    piece_bytes = bytes ? bytes : PIECE_BYTES;
}

/* A file in a named --encoding is transcoded as it is read: the pieces,
 * read straight from the file, would skip that. */
int sli_split_wanted(const sl_batcher *whole, const char *path)
{
    const sl_options *o = whole->opts;
    return whole->nthreads > 1 && !o->per_document && !o->on_story && !o->encoding &&
           sli_format_of_path(path) == SL_INPUT_JSONL;
}

/* pread all of [off, off + n), or -1 with errno set. */
static int read_at(int fd, char *buf, size_t n, off_t off)
{
    while (n) {
        ssize_t k = pread(fd, buf, n, off);
        if (k < 0 && errno == EINTR)
            continue;
        if (k <= 0) {
            if (k == 0)
                errno = EIO; /* the file shrank */
            return -1;
        }
        buf += k;
        n -= (size_t)k;
        off += k;
    }
    return 0;
}

/* The first line start at or after pos: pos itself at 0, else the byte
 * after the first newline at or after pos - 1; size when there is none.
 * Piece k is [line_start(k P), line_start((k + 1) P)), so neighbours agree
 * on their common end. -1 on a read error. */
static off_t line_start(int fd, off_t pos, off_t size)
{
    if (pos <= 0)
        return 0;
    char buf[4096];
    for (off_t at = pos - 1; at < size;) {
        size_t n = (size_t)(size - at < (off_t)sizeof buf ? size - at : (off_t)sizeof buf);
        if (read_at(fd, buf, n, at) != 0)
            return -1;
        char *nl = memchr(buf, '\n', n);
        if (nl)
            return at + (nl - buf) + 1;
        at += (off_t)n;
    }
    return size;
}

/* Whether the ordinary reader would transcode or refuse the file: what
 * its sniff makes of the first SL_SNIFF_BYTES. A read error counts too. */
static int needs_sniffing(int fd, off_t size)
{
    unsigned char head[SL_SNIFF_BYTES];
    size_t n = size < (off_t)sizeof head ? (size_t)size : sizeof head;
    return read_at(fd, (char *)head, n, 0) != 0 || sli_sniff_head(head, n) != SL_SNIFF_TEXT;
}

/* What a piece leaves for the whole: its line count, and its first story
 * with invalid UTF-8, the only thing a piece may meet that is reported. */
typedef struct piece_note {
    unsigned long lines;
    sl_bad_utf8 bad;
} piece_note;

/* What the threads share. */
typedef struct split_run {
    sl_batcher *whole;
    const char *path;
    int fd;
    off_t size;
    size_t npieces;
    piece_note *notes; /* npieces */
    size_t next;       /* the next piece to hand out (atomic) */
    int stop;          /* set once any piece is not clean (atomic) */
    uint64_t stories, bytes; /* analysed so far, for progress (atomic) */
} split_run;

/* One thread's part: its result, batch loop and piece buffer. */
typedef struct split_part {
    sl_result res;
    sl_batcher run;
    sl_options opts;   /* the run's, without handlers, one thread */
    int ready;         /* res and run are set up */
    char *buf;
    size_t cap;
} split_part;

/* Whether the part has met anything the ordinary reader would report
 * but invalid UTF-8 (noted per piece, warned of by the whole). */
static int part_clean(const split_part *p)
{
    return p->res.report.nskips == 0 && p->res.report.nrfail == 0;
}

/* A piece longer than this holds a line of megabytes: one record as long
 * as several default pieces. Absolute, so that the tests' tiny pieces
 * still cross stories over several of them. */
#define MAX_PIECE_BYTES ((size_t)4 << 20)

/* Reads piece k into the part's buffer; its length in *len. -1 also for
 * a piece of a long line: held here and again by the piece's reader, a
 * 50 MB record took twice the memory it takes on the ordinary path, and
 * under a memory cap the piece failed, then the whole file was read
 * again, about 3 minutes to an exit that -j 1 reached in 0.5 s. The
 * ordinary path reads such a file as -j 1 does. */
static int read_piece(split_run *run, split_part *p, size_t k, size_t *len)
{
    off_t from = line_start(run->fd, (off_t)(k * piece_bytes), run->size);
    off_t to = k + 1 == run->npieces
                   ? run->size
                   : line_start(run->fd, (off_t)((k + 1) * piece_bytes), run->size);
    if (from < 0 || to < 0)
        return -1;
    *len = to > from ? (size_t)(to - from) : 0;
    if (*len > MAX_PIECE_BYTES)
        return -1;
    if (SL_GROW(p->buf, p->cap, *len + 1) != 0)
        return -1;
    return *len ? read_at(run->fd, p->buf, *len, from) : 0;
}

/* Analyses piece k into part p; 0 when it was clean. */
static int run_piece(split_run *run, split_part *p, size_t k)
{
    size_t len;
    if (read_piece(run, p, k, &len) != 0)
        return -1;
    if (len == 0) /* a story longer than a piece: its line is in another */
        return 0;
    FILE *in = fmemopen(p->buf, len, "r");
    if (!in)
        return -1;
    sl_read_opts ro = {.text_field = p->opts.text_field, .id_field = p->opts.id_field}; /* JSONL only */
    sl_reader *rd;
    sl_progress before = p->run.progress;
    p->res.seen.piece = (uint32_t)k;
    sl_status s = sli_reader_open_piece(&rd, in, run->path, k == 0, &ro, NULL);
    if (s == SL_OK) {
        s = sli_batcher_read(&p->run, rd, NULL);
        if (s == SL_OK)
            s = sli_batcher_flush(&p->run, NULL);
        run->notes[k].lines = sli_reader_line(rd) - (k == 0 ? 0 : 1);
        sli_reader_free(rd);
    }
    fclose(in);
    run->notes[k].bad = p->run.bad_utf8; /* the note owns its id now */
    memset(&p->run.bad_utf8, 0, sizeof p->run.bad_utf8);
    if (s != SL_OK || !part_clean(p))
        return -1;
#pragma omp atomic
    run->stories += p->run.progress.stories - before.stories;
#pragma omp atomic
    run->bytes += p->run.progress.bytes - before.bytes;
    return 0;
}

/* Progress as the ordinary path gives it, from the calling thread only. */
static void report_progress(const split_run *run, uint64_t stories0, uint64_t bytes0)
{
    const sl_options *o = run->whole->opts;
    if (!o->on_progress)
        return;
    uint64_t st, by;
#pragma omp atomic read
    st = run->stories;
#pragma omp atomic read
    by = run->bytes;
    sl_progress pr = run->whole->progress;
    pr.stories = stories0 + st;
    pr.bytes = bytes0 + by;
    if (pr.stories > run->whole->progress_shown)
        run->whole->progress_shown = pr.stories;
    o->on_progress(o->progress_user, &pr);
}

static void work(split_run *run, split_part *p, int me)
{
    uint64_t stories0 = run->whole->progress.stories, bytes0 = run->whole->progress.bytes;
    for (;;) {
        int stop;
#pragma omp atomic read
        stop = run->stop;
        if (stop)
            return;
        size_t k;
#pragma omp atomic capture
        k = run->next++;
        if (k >= run->npieces)
            return;
        if (run_piece(run, p, k) != 0) {
#pragma omp atomic write
            run->stop = 1;
            return;
        }
        if (me == 0)
            report_progress(run, stories0, bytes0);
    }
}

/* Thread i's part: a result of its own, and a batch loop on the whole
 * run's worker i, so that thread keeps its word cache and matcher warm
 * from file to file. */
static int make_parts(split_run *run, split_part *parts, int n)
{
    const sl_batcher *w = run->whole;
    for (int i = 0; i < n; i++) {
        split_part *p = &parts[i];
        p->opts = *w->opts;
        p->opts.threads = 1;
        p->opts.on_message = NULL;
        p->opts.on_progress = NULL;
        p->ready = 1;
        if (sli_result_init(&p->res, w->lex, &p->opts, NULL) != SL_OK ||
            sli_batcher_init(&p->run, &p->res, &w->workers[i], 1, 1, NULL) != SL_OK)
            return -1;
        p->res.seen.in_pieces = 1;
        p->res.input = w->res->input; /* --by @file: the whole run's INPUT */
    }
    return 0;
}

static void free_parts(split_part *parts, int n)
{
    for (int i = 0; parts && i < n; i++) {
        if (parts[i].ready) {
            sli_batcher_clear(&parts[i].run);
            sli_result_clear(&parts[i].res);
        }
        free(parts[i].buf);
    }
    free(parts);
}

/* 1 when a story id of the file is also elsewhere in it or read before:
 * the ordinary path then reads the file and names both places. */
static int ids_collide(const sl_batcher *whole, const split_part *parts, int n)
{
    for (int i = 0; i < n; i++) {
        if (sli_seen_collide(&whole->res->seen, &parts[i].res.seen))
            return 1;
        for (int j = 0; j < i; j++)
            if (sli_seen_collide(&parts[j].res.seen, &parts[i].res.seen))
                return 1;
    }
    return 0;
}

/* Each piece's first line in the file, less one for a piece after the
 * first (whose count starts at 1: sli_reader_open_piece). NULL on OOM. */
static unsigned long *piece_bases(const split_run *run)
{
    unsigned long *base = malloc((run->npieces + 1) * sizeof *base), sum = 0;
    for (size_t k = 0; base && k < run->npieces; k++) {
        base[k] = sum - (k ? 1 : 0);
        sum += run->notes[k].lines;
    }
    return base;
}

static sl_status merge_parts(sl_batcher *whole, const split_run *run, split_part *parts, int n,
                             sl_error *err)
{
    unsigned long *base = piece_bases(run);
    const char *file = sli_report_file(&whole->res->report, run->path);
    if (!base || !file) {
        free(base);
        return sli_fail_nomem(err);
    }
    for (int i = 0; i < n; i++) {
        sl_status s = sli_seen_add(&whole->res->seen, &parts[i].res.seen, file, base, err);
        if (s == SL_OK)
            s = sli_result_add(whole->res, &parts[i].res, err);
        if (s != SL_OK) {
            free(base);
            return s;
        }
        whole->progress.stories += parts[i].run.progress.stories;
        whole->progress.bytes += parts[i].run.progress.bytes;
    }
    free(base);
    return SL_OK;
}

/* Warns of the file's first story with invalid UTF-8, as the ordinary
 * path would have: its line is the lines of the pieces before its own
 * plus its line in that piece, and so is its id when it had none. */
static sl_status warn_invalid_utf8(sl_batcher *whole, const split_run *run, sl_error *err)
{
    unsigned long base = 0;
    size_t k = 0;
    for (; k < run->npieces && !run->notes[k].bad.seen; k++)
        base += run->notes[k].lines;
    if (k == run->npieces)
        return SL_OK;
    const sl_bad_utf8 *b = &run->notes[k].bad;
    unsigned long line = base + b->line - (k == 0 ? 0 : 1);
    sl_report *rp = &whole->res->report;
    const char *file = sli_report_file(rp, run->path);
    char *id = b->id_from_line ? sli_file_line(run->path, line) : b->id;
    if (!file || !id) {
        if (id != b->id)
            free(id);
        return sli_fail_nomem(err);
    }
    sli_report_invalid_utf8(rp, whole->opts, file, line, id, b->n, b->cp1252);
    if (id != b->id)
        free(id);
    return SL_OK;
}

/* The split of fd (a regular file, borrowed), named path in ids and
 * messages, as sli_split_file describes. */
static sl_status split_fd(sl_batcher *whole, int fd, const char *path, int *done,
                          sl_error *err)
{
    *done = 0;
    struct stat st;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) ||
        (size_t)st.st_size < MIN_PIECES * piece_bytes)
        return SL_OK; /* the ordinary path reads it, and says why it cannot */
    /* a file that starts with a long line goes the ordinary way before a
     * thread starts: a second thread's malloc arena took enough of a
     * 200 MB address-space cap for the record's read to fail, which then
     * took minutes in jansson (read_piece says why such pieces are not
     * split) */
    off_t first_end = line_start(fd, (off_t)piece_bytes, st.st_size);
    if (needs_sniffing(fd, st.st_size) || first_end < 0 ||
        first_end > (off_t)MAX_PIECE_BYTES)
        return SL_OK;
    /* the stories before the file are summed first, so that any warning
     * of theirs comes before the file's own (here, for a file that is
     * split: a folder of small files keeps its batches full) */
    sl_status s = sli_batcher_flush(whole, err);
    if (s != SL_OK)
        return s;
    split_run run = {whole, path, fd, st.st_size, 0, NULL, 0, 0, 0, 0};
    run.npieces = ((size_t)st.st_size + piece_bytes - 1) / piece_bytes;
    run.notes = calloc(run.npieces, sizeof *run.notes);
    int n = whole->nthreads;
    split_part *parts = calloc((size_t)n, sizeof *parts);
    if (!run.notes || !parts || make_parts(&run, parts, n) != 0)
        run.stop = 1; /* out of memory: the ordinary path says so */
    else {
#pragma omp parallel num_threads(n)
        work(&run, &parts[omp_get_thread_num()], omp_get_thread_num());
    }
    if (!run.stop && ids_collide(whole, parts, n))
        run.stop = 1; /* the ordinary path reads it and names the duplicate */
    if (!run.stop) {
        s = merge_parts(whole, &run, parts, n, err);
        if (s == SL_OK)
            s = warn_invalid_utf8(whole, &run, err);
        *done = s == SL_OK;
        if (*done) /* the last piece may have been another thread's */
            sli_batcher_show_progress(whole);
    }
    free_parts(parts, n);
    for (size_t k = 0; run.notes && k < run.npieces; k++)
        free(run.notes[k].bad.id);
    free(run.notes);
    return s;
}

sl_status sli_split_file(sl_batcher *whole, const char *path, int *done, sl_error *err)
{
    *done = 0;
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return SL_OK; /* the ordinary path opens it, and says why it cannot */
    sl_status s = split_fd(whole, fd, path, done, err);
    close(fd);
    return s;
}

int sli_split_stream_wanted(const sl_batcher *whole, FILE *in)
{
    const sl_options *o = whole->opts;
    struct stat st;
    return whole->nthreads > 1 && !o->per_document && !o->on_story && !o->encoding &&
           (o->stdin_format == SL_INPUT_JSONL || o->stdin_format == SL_INPUT_AUTO) &&
           fstat(fileno(in), &st) == 0 && S_ISREG(st.st_mode) && ftello(in) == 0;
}

sl_status sli_split_stream(sl_batcher *whole, FILE *in, const char *name, int *done,
                           sl_error *err)
{
    return split_fd(whole, fileno(in), name, done, err);
}

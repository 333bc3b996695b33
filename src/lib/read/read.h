/*
 * read.h - corpus readers: the first stage of the pipeline.
 *
 * A reader turns one source (a .txt/.md file, a JSONL file, a CSV/TSV file,
 * or a stream) into sl_doc records, one at a time and in source order, so a
 * corpus is streamed and never loaded whole. sli_walk() expands a directory
 * INPUT into its files in sorted order.
 */
#ifndef SL_READ_H
#define SL_READ_H

#include <stdio.h>

#include "core/doc.h"
#include "storylens/storylens.h"

typedef struct sl_read_opts {
    const char *text_field; /* JSONL/CSV column holding the story text ("text") */
    const char *id_field;   /* JSONL/CSV column holding the id ("id"); absent -> FILE:LINE */
    const char *sheet;      /* .xlsx/.ods: the sheet read; NULL = the first */
    int split_heading;      /* .docx/.odt: a story per Heading 1/2 section */
    int delimiter;          /* CSV: ',' ';' '\t' '|'; 0 = ',' or ';' by the header */
    const char *encoding;   /* iconv name of every text input; NULL = UTF-8 */
    int txt_given;          /* --input-format txt: a UTF-16 .txt stays one story */
    sl_message_fn on_message; /* notes on how a file is read (may be NULL) */
    void *message_user;
} sl_read_opts;

typedef struct sl_reader sl_reader;

/* The input format a file name implies, or SL_INPUT_AUTO when unknown. */
sl_input_format sli_format_of_path(const char *path);

/* For a file storylens does not read, what to do instead: advice for the
 * formats stories are kept in (.rtf .pdf .doc .xls), else NULL. Static
 * text. */
const char *sli_unread_advice(const char *path);

/* What a file of any other unknown format in a folder is listed with. */
#define SL_UNREAD_OTHER                                                                    \
    "not a format storylens reads (.txt .md .jsonl .ndjson .csv .tsv .docx .odt .xlsx .ods); " \
    "convert it, or name it in the folder's .storylensignore to leave it out"

/* Opens path for reading as fmt (AUTO = by extension). id_base is the id a
 * .txt/.md story gets (the path relative to its INPUT argument, without
 * extension); other formats ignore it. opts is borrowed for the reader's life.
 * Caller owns *out; free with sli_reader_free(). SL_ENOINPUT if it cannot be
 * opened, SL_EUSAGE if the format is unknown. */
sl_status sli_reader_open(sl_reader **out, const char *path, const char *id_base,
                         sl_input_format fmt, const sl_read_opts *opts, sl_error *err);

/* Reads from an open stream (not closed by the reader). name is the source
 * name used in messages and FILE:LINE ids ("-" for standard input). */
sl_status sli_reader_open_stream(sl_reader **out, FILE *in, const char *name,
                                sl_input_format fmt, const sl_read_opts *opts, sl_error *err);

/* Reads in (borrowed, not sniffed) as JSONL lines of the file name, one
 * piece of it (split.c); first = 1 for the piece the file starts with,
 * the only one whose first line may begin with a byte order mark. Lines
 * are numbered from the piece's start, so ids of stories without one and
 * messages do not give the file's line numbers. */
sl_status sli_reader_open_piece(sl_reader **out, FILE *in, const char *name, int first,
                               const sl_read_opts *opts, sl_error *err);

/* The number of the last line read (a piece's count starts at 1 unless
 * it is the first: see sli_reader_open_piece). */
unsigned long sli_reader_line(const sl_reader *r);

/* "NAME:LINE", the id a record without one gets (owned by the caller;
 * NULL when out of memory). */
char *sli_file_line(const char *name, unsigned long line);

/* Reads the next story into *doc (which must be empty or cleared; on success
 * the caller owns its contents). Sets *got to 1 for a story, 0 at the end.
 * SL_EDATA with "FILE:LINE: message" on a malformed record, SL_EIO on a read
 * error. */
sl_status sli_reader_next(sl_reader *r, sl_doc *doc, int *got, sl_error *err);

/* Every source is sniffed when opened: a UTF-16 file (BOM FF FE or FE FF)
 * is transcoded to UTF-8 as it is read (ill-formed UTF-16 becomes bytes that
 * count as invalid UTF-8), and a NUL byte in the first SL_SNIFF_BYTES
 * (without a UTF-16 BOM) means a binary file: SL_EDATA. With
 * opts->encoding every source is transcoded from it, strictly: a bad byte
 * is SL_EDATA naming FILE:LINE:COLUMN at the read that meets it (a BOM
 * wins over the name). A UTF-16 .txt whose first line has a tab (Excel's
 * "Unicode Text") is read as TSV, with a note, unless opts->txt_given. */
#define SL_SNIFF_BYTES 8192

/* What the sniff makes of a source's first n bytes (n <= SL_SNIFF_BYTES). */
typedef enum sl_sniffed { SL_SNIFF_TEXT, SL_SNIFF_UTF16, SL_SNIFF_BINARY } sl_sniffed;
sl_sniffed sli_sniff_head(const unsigned char *head, size_t n);

/* 1 when the invalid UTF-8 in s[0..n) looks like Windows-1252 text read
 * as UTF-8: every bad byte a character of Windows-1252, none in a run of
 * more than three, and at least one an accented letter next to a Latin
 * one (M\xFCller) or a typographic quote, dash, ellipsis or euro sign.
 * Advice only: nothing is converted without --encoding. */
int sli_looks_cp1252(const char *s, size_t n);

void sli_reader_free(sl_reader *r);

/* on = 1: after a malformed record the reader resynchronises, so the
 * caller may skip it and read on (see sli_reader_skippable). Call it before
 * the first sli_reader_next(). */
void sli_reader_set_skip_invalid(sl_reader *r, int on);

/* After sli_reader_next() returned SL_EDATA: 1 when the failure was one
 * malformed record and the reader has moved past it (skip_invalid set),
 * so the next call reads on; *line is where the record starts and *reason
 * the message without its "FILE:LINE:" (borrowed until the next call).
 * 0 when the source cannot be read on (a bad header, a read error). How a
 * reader resynchronises: JSONL at the next line; CSV/TSV at the end of a
 * record whose field count is wrong, else (a quote never closed, a
 * character after a closing quote) at the line after the one where the bad
 * record starts, so one stray quote cannot swallow the rest of a file. */
int sli_reader_skippable(const sl_reader *r, unsigned long *line, const char **reason);

/* A note on what the reader left out or filled in (an office sheet's
 * empty rows and merged cells), for a warning once the file is read; NULL
 * when there is none. Borrowed until sli_reader_free(). */
const char *sli_reader_note(const sl_reader *r);

/* The source name used in messages. Borrowed: valid until sli_reader_free(). */
const char *sli_reader_name(const sl_reader *r);


/* One file found by sli_walk(). */
typedef struct sl_walk_entry {
    char *path;    /* owned: the file's path */
    char *id_base; /* owned: path relative to the INPUT, without extension */
    int walked;    /* 1: found inside a directory INPUT; 0: the INPUT itself */
    int lost;      /* errno of an entry found but not readable (a dangling
                    * symlink, a loop, a directory that cannot be listed):
                    * listed as skipped, never dropped in silence; else 0 */
    const char *unread; /* a file met in a directory in a format storylens
                    * does not read: the advice it is listed with (static) */
} sl_walk_entry;

/* Expands INPUT: a file gives itself (id_base = its name without directory
 * or extension); a directory gives every regular file below it (those of
 * an unknown format marked unread, to be listed as skipped), recursively, in byte-wise sorted order of names at each
 * level; hidden entries (starting with '.') are skipped. Caller owns
 * *entries; free with sli_walk_free(). SL_ENOINPUT if path does not exist. */
sl_status sli_walk(const char *path, sl_walk_entry **entries, size_t *n, sl_error *err);
void sli_walk_free(sl_walk_entry *entries, size_t n);

/* Opens an entry of sli_walk(). A file met while walking a directory that
 * looks binary (a NUL byte in its first 8 KiB), is lost (see lost) or cannot
 * be opened is not read: SL_OK with *out NULL and err holding "FILE: why"
 * for the caller to list it and go on. A file named by the INPUT itself is opened as sli_reader_open() does
 * (which fails with SL_EDATA on a binary file). */
sl_status sli_reader_open_entry(sl_reader **out, const sl_walk_entry *e,
                               const sl_read_opts *opts, sl_error *err);

#endif

/*
 * fuzz.h - what the storylens fuzz harnesses share.
 *
 * Each harness (tests/fuzz/fuzz_*.c) defines only LLVMFuzzerTestOneInput:
 * built with clang -fsanitize=fuzzer it is a libFuzzer target (make fuzz);
 * linked with driver.c under gcc it replays its seed corpus inside make
 * test. Inputs are bounded by the harness, never by hope.
 */
#ifndef SL_FUZZ_H
#define SL_FUZZ_H

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Inputs above this size are ignored: the readers stream, so a larger
 * input finds nothing a smaller one cannot, only slower. */
#define SL_FUZZ_MAX_INPUT (256u * 1024u)

#endif

# storylens - build, test, run and install.
#
#   make run      install missing build dependencies, build, analyse the sample corpus
#   make test     the same dependency step, build, run every unit and end-to-end test
#   make test SANITIZE=1   the same under AddressSanitizer + UndefinedBehaviorSanitizer
#   make test VALGRIND=1   the same under valgrind (leaks are errors)
#   make validity  how the bundled lexicons agree with hand codes, in-sample
#                  and on held-out stories (scripts/validity)
#   make install PREFIX=/usr/local DESTDIR=   (make uninstall with the same variables)
#   make man-check, make install-check, make structure-check, make browser-check
#                 (all part of make test; browser-check needs chromium: scripts/deps chromium)
#   make slurm-check  scripts/slurm-analyse on a one-node Slurm on localhost (as root)
#
# Each flavour builds into its own directory (build/release, build/asan,
# build/debug) so flags never mix stale objects.

PREFIX  ?= /usr/local
DESTDIR ?=
BINDIR   = $(PREFIX)/bin
LIBDIR   = $(PREFIX)/lib
INCDIR   = $(PREFIX)/include
DATADIR  = $(PREFIX)/share/storylens
MANDIR   = $(PREFIX)/share/man

PKGS          = libpcre2-8 jansson libutf8proc nettle yaml-0.1 libzip libxml-2.0 xlsxwriter
# libstemmer ships no pkg-config file on Debian 12.
STEMMER_LIBS ?= -lstemmer

ifeq ($(SANITIZE),1)
FLAVOUR = asan
OPT     = -O1 -g -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
else ifeq ($(DEBUG),1)
FLAVOUR = debug
OPT     = -O0 -g
else
FLAVOUR = release
OPT     = -O2 -g
endif
B ?= build/$(FLAVOUR)

WARN     = -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
           -Wpointer-arith -Wformat=2 -Wvla -Wundef
WERROR  ?=
CPPFLAGS = -Iinclude -Isrc/lib -D_XOPEN_SOURCE=700 -DSL_DATADIR='"$(DATADIR)"'
CFLAGS  ?=
ALL_CFLAGS = -std=c11 $(OPT) $(WARN) $(WERROR) -fopenmp -MMD -MP \
             $(shell pkg-config --cflags $(PKGS) 2>/dev/null) $(CFLAGS)
LIBS     = $(shell pkg-config --libs $(PKGS) 2>/dev/null) $(STEMMER_LIBS) -lm
LDFLAGS ?=
ALL_LDFLAGS = $(OPT) -fopenmp $(LDFLAGS)

LIB_SRC  = $(sort $(wildcard src/lib/*.c src/lib/*/*.c))
CLI_SRC  = $(sort $(wildcard src/cli/*.c))
TEST_SRC = $(sort $(wildcard tests/unit/test_*.c))
LIB_OBJ  = $(LIB_SRC:src/lib/%.c=$(B)/lib/%.o)
FUZZ_SRC = $(sort $(wildcard tests/fuzz/fuzz_*.c))
FUZZ_NAMES = $(FUZZ_SRC:tests/fuzz/%.c=%)
REPLAYS  = $(FUZZ_NAMES:%=$(B)/fuzz/replay_%)
CLI_OBJ  = $(CLI_SRC:src/cli/%.c=$(B)/cli/%.o)
TESTS    = $(TEST_SRC:tests/unit/%.c=$(B)/tests/%)
BIN      = $(B)/storylens
LIBA     = $(B)/libstorylens.a

ifeq ($(VALGRIND),1)
RUNNER = valgrind -q --error-exitcode=99 --leak-check=full --show-leak-kinds=definite,indirect \
         --errors-for-leak-kinds=definite,indirect
else
RUNNER =
endif

.PHONY: all deps run test unit e2e install uninstall clean install-check man-check structure-check \
        browser-check
.PHONY: slurm-check
.SECONDARY:

all: $(BIN) $(TESTS)

deps:
	@scripts/deps $(if $(filter 1,$(VALGRIND)),valgrind)

$(B)/lib/%.o: src/lib/%.c | deps
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(ALL_CFLAGS) -fPIC -c -o $@ $<

$(B)/cli/%.o: src/cli/%.c | deps
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) -Isrc/cli $(ALL_CFLAGS) -c -o $@ $<

$(B)/tests/%.o: tests/unit/%.c | deps
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(ALL_CFLAGS) $(shell pkg-config --cflags cmocka 2>/dev/null) -c -o $@ $<

$(LIBA): $(LIB_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(BIN): $(CLI_OBJ) $(LIBA)
	$(CC) $(ALL_LDFLAGS) -o $@ $(CLI_OBJ) $(LIBA) $(LIBS)

$(B)/tests/test_%: $(B)/tests/test_%.o $(LIBA)
	$(CC) $(ALL_LDFLAGS) -o $@ $(filter %.o,$^) $(LIBA) $(LIBS) $(shell pkg-config --libs cmocka 2>/dev/null)

# A unit test of a CLI helper links that helper's object too.
$(B)/tests/test_html: $(B)/cli/html.o

run: $(BIN)
	$(BIN) analyse --format table corpus/stories.csv

unit: $(TESTS)
	@set -e; for t in $(TESTS); do echo "== $$t"; SL_TEST_DATA=tests/data $(RUNNER) $$t; done

e2e: $(BIN)
	@SL_RUNNER="$(RUNNER)" tests/e2e/run $(BIN)

# Unit tests first, then end-to-end, then the fuzz corpora replayed, one
# after the other even under -j.
test: $(BIN) $(TESTS) $(REPLAYS)
	@$(MAKE) --no-print-directory structure-check
	@$(MAKE) --no-print-directory unit
	@$(MAKE) --no-print-directory e2e
	@$(MAKE) --no-print-directory man-check
	@$(MAKE) --no-print-directory install-check
	@$(MAKE) --no-print-directory fuzz-replay
	@$(MAKE) --no-print-directory browser-check

# The report as headless Chromium shows and prints it: no console message,
# nothing fetched, a screenshot and a PDF that are not blank
# (tests/browser/check). Skipped, saying so, where Chromium is not installed.
browser-check: $(BIN)
	@if [ -x /usr/bin/chromium ]; then tests/browser/check $(BIN); else \
	    echo "browser-check: skipped: chromium not installed (scripts/deps chromium installs it)"; fi

# The folders depend on each other only as src/README allows, with no
# include or call cycle; the library exports only the public header's
# functions and internal sli_ ones; the public header compiles alone.
structure-check: $(LIBA)
	@CC="$(CC)" tests/structure/check $(B)

# The manual renders without warnings and names every option of --help.
man-check: $(BIN)
	@tests/man/check $(BIN) src/cli/storylens.1

# A staged install (DESTDIR) runs without flags, also after being moved;
# pkg-config and a small C program find the installed library; uninstall
# leaves nothing behind. The flavour's flags reach the C program so an
# ASan build links.
install-check: $(BIN) $(LIBA)
	@MAKE="$(MAKE)" MAKEFLAGS= B="$(B)" SANITIZE="$(SANITIZE)" DEBUG="$(DEBUG)" \
	  CHECK_CFLAGS="$(OPT) -fopenmp" tests/install/check

# scripts/slurm-analyse on a one-node Slurm started on localhost and stopped
# again (as root; installs slurm-wlm and munge when missing): the sample
# corpus in 4 shards gives the single run's bytes. Not part of make test;
# status 77 (Slurm cannot be started here) is reported as a skip.
slurm-check: $(BIN)
	@tests/slurm/check $(BIN) || { s=$$?; [ $$s = 77 ] && echo "slurm-check: SKIP"; [ $$s = 77 ]; }

# ---- fuzzing (tests/fuzz) ------------------------------------------------
# Each harness defines only LLVMFuzzerTestOneInput. Under gcc it is linked
# with driver.c and replays its seed corpus (tests/fuzz/corpus/HARNESS/,
# crashes once found included) inside make test; make fuzz builds it with
# clang's libFuzzer, ASan and UBSan and runs each for FUZZ_SECONDS, with
# low PCRE2 limits so one input cannot run long. New inputs go to
# build/fuzz/corpus, crashes to build/fuzz/ (add them to the seed corpus).
.PHONY: fuzz fuzz-replay fuzz-deps

$(B)/fuzz/replay_%: tests/fuzz/%.c tests/fuzz/driver.c tests/fuzz/fuzz.h $(LIBA)
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) -Itests/fuzz -std=c11 $(OPT) $(WARN) $(WERROR) -fopenmp \
	    $(shell pkg-config --cflags $(PKGS) 2>/dev/null) $(CFLAGS) \
	    -o $@ tests/fuzz/driver.c $< $(LIBA) $(LIBS) $(LDFLAGS)

fuzz-replay: $(REPLAYS)
	@set -e; for h in $(FUZZ_NAMES); do \
	    $(RUNNER) $(B)/fuzz/replay_$$h tests/fuzz/corpus/$$h; done

FUZZ_CC      ?= clang-14
FUZZ_SECONDS ?= 60
FB            = build/fuzz
FUZZ_FLAGS    = -std=c11 -g -O1 -fno-omit-frame-pointer -fsanitize=address,undefined \
                -fno-sanitize-recover=all -fopenmp -DSL_REGEX_MATCH_LIMIT=100000u \
                -DSL_REGEX_DEPTH_LIMIT=1000u $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
FUZZ_LIB_OBJ  = $(LIB_SRC:src/lib/%.c=$(FB)/lib/%.o)

fuzz-deps:
	@scripts/deps clang-14 libclang-rt-14-dev libomp-14-dev

# -MMD: the objects follow their headers, as the other flavours' do (a
# changed struct once left stale objects that read the old layout).
$(FB)/lib/%.o: src/lib/%.c | fuzz-deps
	@mkdir -p $(@D)
	$(FUZZ_CC) $(CPPFLAGS) $(FUZZ_FLAGS) -MMD -MP -fsanitize=fuzzer-no-link -c -o $@ $<

$(FB)/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/fuzz.h $(FUZZ_LIB_OBJ)
	$(FUZZ_CC) $(CPPFLAGS) -Itests/fuzz $(FUZZ_FLAGS) -fsanitize=fuzzer -o $@ $< \
	    $(FUZZ_LIB_OBJ) $(LIBS)

fuzz: $(FUZZ_NAMES:%=$(FB)/%)
	@set -e; for h in $(FUZZ_NAMES); do \
	    mkdir -p $(FB)/corpus/$$h; echo "== $$h: $(FUZZ_SECONDS) s"; \
	    $(FB)/$$h -max_total_time=$(FUZZ_SECONDS) -timeout=10 -rss_limit_mb=2048 \
	        -print_final_stats=1 -artifact_prefix=$(FB)/$$h- \
	        $(FB)/corpus/$$h tests/fuzz/corpus/$$h > $(FB)/$$h.log 2>&1 \
	        || { tail -n 40 $(FB)/$$h.log; exit 1; }; \
	    grep -E '^(stat::number_of_executed_units|Done)' $(FB)/$$h.log || true; done

# The installed library and program look for the default lexicons in
# PREFIX/share/storylens last (lexicon/find.c), for a program linked
# against the library anywhere: that PREFIX is the one installed to, not
# the one the tree was built with, so find.c is compiled again for it
# into a copy of the library (IB), and the program linked with that copy.
# The build tree is left as it was. DESTDIR is not compiled in: a staged
# tree is meant to end up at PREFIX.
IB = $(B)/install
install: $(BIN) $(LIBA)
	@mkdir -p $(IB)
	$(CC) $(CPPFLAGS) $(ALL_CFLAGS) -c -o $(IB)/find.o src/lib/lexicon/find.c
	cp $(LIBA) $(IB)/libstorylens.a && ar rcs $(IB)/libstorylens.a $(IB)/find.o
	$(CC) $(ALL_LDFLAGS) -o $(IB)/storylens $(CLI_OBJ) $(IB)/libstorylens.a $(LIBS)
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(LIBDIR)/pkgconfig $(DESTDIR)$(INCDIR)/storylens \
	           $(DESTDIR)$(DATADIR)/lexicons
	install -m 755 $(IB)/storylens $(DESTDIR)$(BINDIR)/storylens
	install -m 755 scripts/chart $(DESTDIR)$(BINDIR)/storylens-chart
	install -m 644 $(IB)/libstorylens.a $(DESTDIR)$(LIBDIR)/libstorylens.a
	install -m 644 include/storylens/storylens.h $(DESTDIR)$(INCDIR)/storylens/
	cd lexicons && find . -type f -name '*.lex' | LC_ALL=C sort | while IFS= read -r f; do \
	    install -D -m 644 "$$f" "$(DESTDIR)$(DATADIR)/lexicons/$${f#./}" || exit 1; done
	install -D -m 644 src/cli/storylens.1 $(DESTDIR)$(MANDIR)/man1/storylens.1
	sed -e 's|@PREFIX@|$(PREFIX)|g' -e 's|@REQUIRES@|$(PKGS)|g' -e 's|@STEMMER_LIBS@|$(STEMMER_LIBS)|g' \
	    -e 's|@VERSION@|$(shell sed -n 's/^#define SL_VERSION "\(.*\)"/\1/p' include/storylens/storylens.h)|g' \
	    storylens.pc.in > $(DESTDIR)$(LIBDIR)/pkgconfig/storylens.pc

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/storylens $(DESTDIR)$(BINDIR)/storylens-chart \
	      $(DESTDIR)$(LIBDIR)/libstorylens.a \
	      $(DESTDIR)$(LIBDIR)/pkgconfig/storylens.pc $(DESTDIR)$(MANDIR)/man1/storylens.1
	rm -rf $(DESTDIR)$(INCDIR)/storylens $(DESTDIR)$(DATADIR)

clean:
	rm -rf build

-include $(LIB_OBJ:.o=.d) $(CLI_OBJ:.o=.d) $(TESTS:=.d) $(FUZZ_LIB_OBJ:.o=.d)

# ---- validity: agreement with hand codes, in-sample and held out ---------
#   make validity     the sample corpus, corpus/gold (tune and test) and, when
#                     ../shared/eval/real-dev is present, its tune and test
.PHONY: validity
validity: $(BIN)
	@scripts/deps >/dev/null
	@scripts/validity $(BIN)

# ---- benchmarks (performance is measured here, never in a timed test) ----
#   make bench                         100 MB and 1 GB JSONL, median of 3 runs
#   make bench BENCH_SIZES="1 100" BENCH_RUNS=5
# Always the optimised release build; corpora are cached in build/bench/.
BENCH_SIZES ?= 100 1000
BENCH_RUNS  ?= 3
GEN_CORPUS   = build/bench/gen-corpus

$(GEN_CORPUS): tests/bench/gen_corpus.c
	@mkdir -p $(@D)
	$(CC) -std=c11 -O2 $(WARN) $(WERROR) -D_XOPEN_SOURCE=700 -o $@ $< -lm

.PHONY: bench
bench:
	@scripts/deps time
	@$(MAKE) --no-print-directory FLAVOUR=release B=build/release build/release/storylens $(GEN_CORPUS)
	@scripts/bench build/release/storylens "$(BENCH_SIZES)" $(BENCH_RUNS)

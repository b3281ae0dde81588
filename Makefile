# ISC license.
# Makefile: non-recursive GNU make. Every decision (compiler, flags, plugins, prefix)
# is taken by ./configure and read from config.mak; this file only says what is
# built from what.

.DEFAULT_GOAL := all
MAKEFLAGS += --no-builtin-rules
.SUFFIXES:
.DELETE_ON_ERROR:

PORT = 2525
DESTDIR =

# config.mak is needed by every goal except the cleaning ones. On a fresh tree it
# is made by running ./configure with its defaults; when configure changes it is
# re-run with the options it was last given (CONFIGURE_ARGS).
ifneq ($(filter-out clean distclean,$(or $(MAKECMDGOALS),all)),)
include config.mak
endif

config.mak: configure
	./configure $(CONFIGURE_ARGS)

src/config.h src/plugin_table.c tests/plugin_table_check.c &: config.mak
	./configure $(CONFIGURE_ARGS)

# The core sees its own headers and the public one; plugins see only the public
# header's directory (DESIGN 10: the plugin boundary is the compiler's).
ALL_CPPFLAGS = -Isrc -Isrc/include $(CPPFLAGS)
PLUGIN_CPPFLAGS = -Isrc/include $(CPPFLAGS)

CORE_OBJS := $(patsubst %.c,%.o,$(filter-out src/main.c src/plugin_table.c,$(wildcard src/*.c)))
PLUGIN_OBJS := $(PLUGIN_SRCS:.c=.o)
CHECK_PLUGIN_OBJS := $(CHECK_PLUGIN_SRCS:.c=.o)
UNIT_BINS := $(patsubst %.c,%,$(wildcard tests/unit/*.c))
HELPER_BINS := $(patsubst %.c,%,$(filter-out tests/plugin_table_check.c,$(wildcard tests/*.c)))
ALL_OBJS := $(CORE_OBJS) src/main.o src/plugin_table.o tests/plugin_table_check.o \
  $(sort $(PLUGIN_OBJS) $(CHECK_PLUGIN_OBJS)) $(UNIT_BINS:=.o) $(HELPER_BINS:=.o)

# Test programs link the core and the check set from archives, so a unit test
# pulls in only what it uses; libcore.a comes twice because plugins call back
# into the core.
TEST_LIBS = src/libcore.a tests/libcheck.a src/libcore.a $(LDLIBS)

.PHONY: all check check-build check-sanitize check-valgrind check-plugins check-musl check-load install run bench clean distclean

all: qcsmtpd

%.o: %.c config.mak
	$(CC) $(ALL_CPPFLAGS) $(CFLAGS) -MMD -MP -c -o $@ $<

plugins/%.o: plugins/%.c config.mak
	$(CC) $(PLUGIN_CPPFLAGS) $(CFLAGS) -MMD -MP -c -o $@ $<

# doc/plugins/README's table of qpsmtpd plugin names, compiled into the
# core's configuration errors (src/pluginmap.c). The generated file is in
# git, so a build without awk still works; tests/unit/plugin_map.py checks
# that it matches the README.
src/plugin_map.inc: doc/plugins/README src/plugin_map.awk
	awk -f src/plugin_map.awk doc/plugins/README > $@.tmp && mv $@.tmp $@
src/pluginmap.o: src/plugin_map.inc

src/libcore.a: $(CORE_OBJS)
	rm -f $@
	$(AR) rcs $@ $(CORE_OBJS)

tests/libcheck.a: tests/plugin_table_check.o $(CHECK_PLUGIN_OBJS)
	rm -f $@
	$(AR) rcs $@ $^

qcsmtpd: src/main.o src/plugin_table.o $(PLUGIN_OBJS) src/libcore.a
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ src/main.o src/plugin_table.o $(PLUGIN_OBJS) src/libcore.a $(LDLIBS)

# The same core with every plugin plus plugins/test/*, linked like ./qcsmtpd.
tests/qcsmtpd-check: src/main.o tests/plugin_table_check.o $(CHECK_PLUGIN_OBJS) src/libcore.a
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ src/main.o tests/plugin_table_check.o $(CHECK_PLUGIN_OBJS) src/libcore.a $(LDLIBS)

# Unit tests and helpers are linked dynamically (TEST_LDFLAGS) so valgrind can
# follow their allocations.
$(UNIT_BINS) $(HELPER_BINS): %: %.o src/libcore.a tests/libcheck.a
	$(CC) $(CFLAGS) $(TEST_LDFLAGS) -o $@ $< $(TEST_LIBS)

check: qcsmtpd tests/qcsmtpd-check $(UNIT_BINS) $(HELPER_BINS)
	@test -x tests/run || { echo "make check: tests/run is missing or not executable" >&2 ; exit 1 ; }
	tests/run

# check-build: what make check runs against, built without running it
check-build: qcsmtpd tests/qcsmtpd-check $(UNIT_BINS) $(HELPER_BINS)

# check-sanitize: make check again in build-sanitize/, a copy of the tree built
# dynamically with ASan+UBSan; check-valgrind: the unit and transcript tests of a
# dynamic build in build-valgrind/ under valgrind memcheck (tests/check-variant).
check-sanitize:
	tests/check-variant sanitize

check-valgrind:
	tests/check-variant valgrind

# check-plugins: make check again in build-plugins/, configured with
# --plugins=relay,rcpt_ok,queue/qmail-queue (VARIANT_PLUGINS): the tests follow
# the tree, not the build
check-plugins:
	tests/check-variant plugins

# check-musl: make check again in build-musl/, configured with --libc=musl (the
# static musl build, doc/embedded); the musl libraries are built once into
# musl/prefix (MUSL_PREFIX), which make clean keeps
check-musl:
	tests/check-variant musl

# check-load: 10 000 messages through tcpserver -c 100 from 100 clients (not in
# make check: it takes a minute or two)
check-load: qcsmtpd tests/qcsmtpd-check tests/qmail-queue
	tests/run load

# bench: qcsmtpd against the fork+exec floor, qpsmtpd and Postfix on loopback
# ports; writes doc/performance.md. tests/bench/peers.sh installs the peers
# (ucspi-tcp, qpsmtpd, postfix) when missing. BENCH_ARGS: options of
# tests/bench/bench.py (--help); BENCH_PLUGINS_LARGE: the larger plugin set,
# comma-separated (auto: every compiled-in plugin that needs no network).
# Then tests/bench/tlsbench.py appends the STARTTLS section (TLSBENCH_ARGS).
# The content filter rows need spamd, clamav-daemon, libclamav-client-perl and
# rspamd; peers.sh does not install them, and each row skips itself without.
# The musl rows (qc-musl, floor-musl) need musl-gcc (musl-tools): bench.py
# builds build-musl/ with tests/check-variant musl --build-only.
BENCH_PLUGINS_LARGE = auto
bench: qcsmtpd tests/qmail-queue
	tests/bench/peers.sh
	BENCH_PLUGINS_LARGE='$(BENCH_PLUGINS_LARGE)' /usr/bin/python3 tests/bench/bench.py $(BENCH_ARGS)
	/usr/bin/python3 tests/bench/tlsbench.py --append doc/performance.md $(TLSBENCH_ARGS)


# install: the binary, the documentation (and doc/*.[1-8] as manual pages),
# and the samples (control/, run/)

# install_tree SRC DEST: copy the files of SRC under DEST, keeping the x bit
define install_tree
	cd $(1) && find . -type f ! -name '.*' | LC_ALL=C sort | while read -r f ; do \
	  m=644 ; test -x "$$f" && m=755 ; \
	  install -D -m $$m "$$f" "$(ROOT)/$(2)/$$f" || exit 1 ; \
	done
endef

ROOT = $(abspath $(DESTDIR)$(PREFIX))

install: qcsmtpd
	install -D -m 755 qcsmtpd $(ROOT)/bin/qcsmtpd
	install -D -m 644 README.md $(ROOT)/share/doc/qcsmtpd/README.md
	$(call install_tree,doc,share/doc/qcsmtpd)
	$(call install_tree,control,share/qcsmtpd/control)
	$(call install_tree,run,share/qcsmtpd/run)
	for f in $(wildcard doc/*.[1-8]) ; do \
	  install -D -m 644 $$f $(ROOT)/share/man/man$${f##*.}/$${f##*/} || exit 1 ; \
	done


# run: serve 127.0.0.1:$(PORT) under tcpserver, delivering to ./var/Maildir.
# var/control holds the few files that differ from the samples in control/
# (searched next); they are written once and then left to be edited.

RUN_CONTROL = var/control/plugins var/control/rcpthosts var/control/relayclients \
  var/control/me var/control/loglevel

run: qcsmtpd $(RUN_CONTROL) | var/Maildir
	@command -v tcpserver >/dev/null || { echo "make run: tcpserver not found: apt-get install ucspi-tcp" >&2 ; exit 1 ; }
	@echo "make run: serving 127.0.0.1:$(PORT), mail goes to var/Maildir/new, control in var/control"
	QCSMTPD_CONTROL=$(CURDIR)/var/control exec tcpserver -v -R -H -l 0 127.0.0.1 $(PORT) ./qcsmtpd

var/Maildir:
	mkdir -p $@/cur $@/new $@/tmp

var/control/plugins:
	@mkdir -p $(@D)
	printf '%s\n' '# written by make run' relay badmailfrom rcpt_ok 'queue/maildir $(CURDIR)/var/Maildir' > $@

var/control/rcpthosts:
	@mkdir -p $(@D)
	printf '%s\n' localhost example.com > $@

var/control/relayclients:
	@mkdir -p $(@D)
	printf '%s\n' 127.0.0.1 > $@

var/control/me:
	@mkdir -p $(@D)
	printf '%s\n' localhost > $@

var/control/loglevel:
	@mkdir -p $(@D)
	printf '%s\n' 6 > $@


clean:
	rm -f qcsmtpd tests/qcsmtpd-check src/libcore.a tests/libcheck.a
	rm -f src/*.o src/*.d tests/*.o tests/*.d tests/unit/*.o tests/unit/*.d
	rm -f $(UNIT_BINS) $(HELPER_BINS)
	test ! -d plugins || find plugins -type f \( -name '*.o' -o -name '*.d' \) -exec rm -f {} +
	rm -rf build-sanitize build-valgrind build-plugins build-musl

# distclean also removes what ./configure wrote, what make run made (var/) and
# the musl libraries (musl/prefix: rebuilt by the next ./configure --libc=musl).
distclean: clean
	rm -f config.mak config.log src/config.h src/plugin_table.c tests/plugin_table_check.c
	rm -rf var musl/prefix

# fuzz-build: the libFuzzer harnesses of tests/fuzz (tests/fuzz/README), built
# with clang, ASan and UBSan into tests/fuzz/build/ from their own objects of
# the core, every plugin and the check plugin table; the normal build is not
# touched. fuzz: replays tests/fuzz/regress/, then runs each harness for
# FUZZ_SECONDS on a scratch corpus seeded from tests/fuzz/corpus/, fails on any
# crash and prints a summary. FUZZ_HARNESSES, FUZZ_ARGS (more libFuzzer flags).
FUZZ_CC = clang
FUZZ_SECONDS = 60
FUZZ_SANITIZE = -fsanitize=address,undefined -fno-sanitize-recover=all
FUZZ_CFLAGS = -std=c99 -Wall -Wextra -g -O1 -fno-omit-frame-pointer $(FUZZ_SANITIZE)
FUZZ_BUILD = tests/fuzz/build
FUZZ_HARNESSES = cmd addr params data header control auth pem args rfc5322 dns resp clamd spamd milter session session_qq session_hooks
FUZZ_LIB_SRCS := $(filter-out src/main.c src/plugin_table.c,$(wildcard src/*.c)) \
  $(sort $(CHECK_PLUGIN_SRCS)) tests/plugin_table_check.c
FUZZ_LIB_OBJS := $(patsubst %.c,$(FUZZ_BUILD)/%.o,$(FUZZ_LIB_SRCS))
FUZZ_BINS := $(addprefix $(FUZZ_BUILD)/,$(FUZZ_HARNESSES))
FUZZ_OBJS := $(FUZZ_LIB_OBJS) $(patsubst %,$(FUZZ_BUILD)/tests/fuzz/%.o,$(FUZZ_HARNESSES))

.PHONY: fuzz fuzz-build fuzz-clean fuzz-cc

fuzz-build: $(FUZZ_BINS) $(FUZZ_BUILD)/qmail-queue

fuzz: fuzz-build
	FUZZ_BUILD=$(FUZZ_BUILD) tests/fuzz/run.sh -t $(FUZZ_SECONDS) $(FUZZ_HARNESSES)

fuzz-clean:
	rm -rf $(FUZZ_BUILD)

fuzz-cc:
	@command -v $(FUZZ_CC) >/dev/null || { echo "make fuzz: $(FUZZ_CC) not found: apt-get install clang libclang-rt-14-dev" >&2 ; exit 1 ; }

$(FUZZ_BUILD)/%.o: %.c config.mak | fuzz-cc
	@mkdir -p $(@D)
	$(FUZZ_CC) $(ALL_CPPFLAGS) $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link -MMD -MP -c -o $@ $<

$(FUZZ_BUILD)/plugins/%.o: plugins/%.c config.mak | fuzz-cc
	@mkdir -p $(@D)
	$(FUZZ_CC) $(PLUGIN_CPPFLAGS) $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link -MMD -MP -c -o $@ $<

$(FUZZ_BUILD)/tests/fuzz/session_qq.o: tests/fuzz/session.c config.mak | fuzz-cc
	@mkdir -p $(@D)
	$(FUZZ_CC) $(ALL_CPPFLAGS) -DFUZZ_QQ $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link -MMD -MP -c -o $@ $<

$(FUZZ_BUILD)/tests/fuzz/session_hooks.o: tests/fuzz/session.c config.mak | fuzz-cc
	@mkdir -p $(@D)
	$(FUZZ_CC) $(ALL_CPPFLAGS) -DFUZZ_HOOKS $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link -MMD -MP -c -o $@ $<

$(FUZZ_BUILD)/libfuzzcore.a: $(FUZZ_LIB_OBJS)
	rm -f $@
	$(AR) rcs $@ $^

$(FUZZ_BINS): $(FUZZ_BUILD)/%: $(FUZZ_BUILD)/tests/fuzz/%.o $(FUZZ_BUILD)/libfuzzcore.a
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer $(filter -L%,$(LDFLAGS)) -o $@ $< $(FUZZ_BUILD)/libfuzzcore.a $(LDLIBS)

# the qmail-queue stand-in that session_qq queues into, without sanitizers
$(FUZZ_BUILD)/qmail-queue: tests/qmail-queue.c | fuzz-cc
	@mkdir -p $(@D)
	$(FUZZ_CC) $(ALL_CPPFLAGS) -std=c99 -O1 -o $@ $<

-include $(wildcard $(FUZZ_OBJS:.o=.d))

-include $(wildcard $(ALL_OBJS:.o=.d))

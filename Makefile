# Reader — build, run and test. `make run` and `make test` do all the set-up on a
# fresh Debian machine that has the Swift toolchain: missing system packages are
# installed with apt-get (as root) or named in a clear message.

SWIFT ?= swift
SHELL := /bin/bash
SEED := seeds/000_87085fd43abf9c5f.txt
# Debian packages the build and the tests need (and the commands that show they are there).
APT_PACKAGES := libncursesw5-dev libopencc-dev libopencc-data libxml2-dev libcmark-gfm-dev libsqlite3-dev libcurl4-openssl-dev tmux unicode-data python3 python3-venv
BENCH_APT_PACKAGES := w3m less hyperfine curl
# Real CJK documents for the whole-engine property tests (Scripts/make-real-corpus.sh).
REAL_CORPUS_APT_PACKAGES := manpages-zh fortunes-zh manpages-ja debian-faq-ko debian-reference-zh-cn man-db groff-base bsdextrautils
REAL_CORPUS := .build/real-corpus

FUZZ_DIR := .build/fuzz
# The libFuzzer targets (Fuzz/Targets/<Name>Target.swift), each in its own binary.
FUZZ_TARGETS := parse layout search keys state config
FUZZ_SECONDS ?= 600
# How many targets run at once (1 or 2).
FUZZ_JOBS ?= 2
# Per target on average in `make test` (two at a time: 45 s in all).
FUZZ_SMOKE_SECONDS ?= 15
CORE_SOURCES := $(shell find Sources/ReaderCore -name '*.swift' | sort)
FUZZ_SUPPORT := $(wildcard Fuzz/Support/*.swift)
FUZZ_SWIFTC := swiftc -O -sanitize=fuzzer,address -parse-as-library
# TOMLKit, for the config target: its checkout (`swift package resolve`), its C++ half
# (toml++) compiled with the toolchain's clang++, its Swift half with swiftc.
TOMLKIT := .build/checkouts/TOMLKit/Sources
CLANGXX ?= $(dir $(realpath $(shell command -v swiftc)))clang++

EMULATOR_VENV := .build/emulator-venv
EMULATOR_READY := $(EMULATOR_VENV)/.pyte-installed

.PHONY: all deps build-info build release run test emulator-test bench unicode-tables fuzz fuzz-build fuzz-smoke test-asan test-tsan man clean real-corpus
.PHONY: install uninstall deb lint format test-install

all: build

# Install what is missing: apt-get when root, otherwise say what to install.
define ensure_packages
	@missing=""; \
	for package in $(1); do \
	  dpkg-query -W -f='$${Status}' $$package 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$package"; \
	done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "make: installing$$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing >/dev/null || exit 1; \
	  else \
	    echo "make: missing Debian packages:$$missing (install them with: sudo apt-get install$$missing)" >&2; exit 1; \
	  fi; \
	fi
endef

deps:
	$(call ensure_packages,$(APT_PACKAGES))

# The `git describe` that `reader --version` shows (a gitignored generated file).
build-info:
	@sh Scripts/write-build-info.sh

build: deps build-info
	$(SWIFT) build

# Optimised, with the Swift runtime linked statically. Not a static executable any more:
# Debian ships OpenCC (and its marisa) only as shared libraries (no libopencc.a), and
# OpenCC reads its dictionaries from /usr/share/opencc at run time anyway; glibc,
# ncursesw, OpenCC, libxml2, cmark-gfm and libstdc++ are loaded as shared libraries.
RELEASE_FLAGS := -c release --static-swift-stdlib

release: deps build-info
	$(SWIFT) build $(RELEASE_FLAGS)

# The man page, generated from the argument-parser definition by its generate-manual
# plugin (builds reader in release mode; a few minutes the first time), with the blank
# lines of the description made paragraph breaks (.Pp: groff warns about blank lines, and
# `man reader` printed those warnings). reader.1 is committed; a test checks that it,
# `reader --help` and README.md name the same options.
man: deps build-info
	$(SWIFT) package generate-manual --date $$(git log -1 --format=%cs 2>/dev/null || date +%F)
	sed 's/^$$/.Pp/' .build/plugins/GenerateManual/outputs/Reader/reader.1 > reader.1

run: build
	$$($(SWIFT) build --show-bin-path)/reader $(SEED)

# Unit, screen, conformance, property and end-to-end (tmux) tests; the end-to-end tests
# again on the optimised build (what `make bench` and an install run); a short fuzz run.
# The readers the tests start keep their search index under .build, not in your cache
# (an archive opened interactively builds one; tests that look at it set their own).
test: export XDG_CACHE_HOME = $(CURDIR)/.build/test-cache
test: lint build release real-corpus
	READER_BINARY=$$($(SWIFT) build --show-bin-path)/reader $(SWIFT) test
	@echo "make: the end-to-end tests again, on the optimised build"
	READER_BINARY=$$($(SWIFT) build $(RELEASE_FLAGS) --show-bin-path)/reader $(SWIFT) test --skip-build --filter EndToEndTests
	$(MAKE) --no-print-directory emulator-test
	$(MAKE) --no-print-directory fuzz-smoke
	$(MAKE) --no-print-directory test-install

# pyte (from PyPI), the terminal emulator the screen checks run the reader in, installed
# into a virtual environment under .build the first time.
$(EMULATOR_READY):
	python3 -m venv $(EMULATOR_VENV)
	$(EMULATOR_VENV)/bin/pip install --quiet --disable-pip-version-check pyte
	@touch $@

# The reader in pyte (ambiguous width 1 and 2, answered cursor reports, clusters, a wide
# terminal): the emulator's screen against the laid-out text; ends in a pass/fail line.
emulator-test: build $(EMULATOR_READY)
	$(EMULATOR_VENV)/bin/python Tests/Emulator/screen_check.py $$($(SWIFT) build --show-bin-path)/reader

# The libFuzzer targets with AddressSanitizer: ReaderCore (and ReaderConfig with TOMLKit)
# compiled once as static libraries, then one small binary per target.
$(FUZZ_DIR)/libReaderCore.a: $(CORE_SOURCES)
	@mkdir -p $(FUZZ_DIR)
	$(FUZZ_SWIFTC) -enable-testing -emit-library -static -emit-module -module-name ReaderCore \
	  -emit-module-path $(FUZZ_DIR)/ReaderCore.swiftmodule $(CORE_SOURCES) -o $@ 2>&1 | grep -v "Cannot export local symbol" || true
	@test -f $@

$(TOMLKIT):
	$(SWIFT) package resolve

$(FUZZ_DIR)/libTOMLKit.a: | $(TOMLKIT)
	@mkdir -p $(FUZZ_DIR)
	for source in $(TOMLKIT)/CTOML/Sources/*.cpp; do \
	  name=$$(basename "$$source" .cpp | tr -c 'A-Za-z0-9\n' '_'); \
	  $(CLANGXX) -std=c++17 -O1 -w -fsanitize=address,fuzzer-no-link -DTOML_EXCEPTIONS=1 \
	    -I $(TOMLKIT)/CTOML/include -c "$$source" -o $(FUZZ_DIR)/ctoml-$$name.o || exit 1; \
	done
	mapfile -d '' sources < <(find $(TOMLKIT)/TOMLKit -name '*.swift' -print0 | sort -z); \
	  swiftc -O -sanitize=address -parse-as-library -emit-library -static -emit-module -module-name TOMLKit \
	    -I $(TOMLKIT)/CTOML/include/CTOML -emit-module-path $(FUZZ_DIR)/TOMLKit.swiftmodule "$${sources[@]}" -o $@

$(FUZZ_DIR)/libReaderConfig.a: $(wildcard Sources/ReaderConfig/*.swift) $(FUZZ_DIR)/libReaderCore.a $(FUZZ_DIR)/libTOMLKit.a
	$(FUZZ_SWIFTC) -enable-testing -emit-library -static -emit-module -module-name ReaderConfig \
	  -I $(FUZZ_DIR) -I $(TOMLKIT)/CTOML/include/CTOML -emit-module-path $(FUZZ_DIR)/ReaderConfig.swiftmodule \
	  $(wildcard Sources/ReaderConfig/*.swift) -o $@

# One binary per target: `Fuzz/Targets/ParseTarget.swift` → .build/fuzz/fuzz-parse.
$(FUZZ_DIR)/fuzz-%: Fuzz/Targets/*.swift $(FUZZ_SUPPORT) $(FUZZ_DIR)/libReaderCore.a
	$(FUZZ_SWIFTC) -I $(FUZZ_DIR) -L $(FUZZ_DIR) -lReaderCore $(FUZZ_SUPPORT) \
	  Fuzz/Targets/$$(echo $* | sed 's/./\U&/')Target.swift -o $@ 2>&1 | grep -v "Cannot export local symbol" || true
	@test -x $@

$(FUZZ_DIR)/fuzz-config: Fuzz/Targets/ConfigTarget.swift $(FUZZ_SUPPORT) $(FUZZ_DIR)/libReaderConfig.a
	$(FUZZ_SWIFTC) -I $(FUZZ_DIR) -I $(TOMLKIT)/CTOML/include/CTOML -L $(FUZZ_DIR) -lReaderConfig -lReaderCore \
	  -lTOMLKit $(FUZZ_DIR)/ctoml-*.o -lstdc++ $(FUZZ_SUPPORT) Fuzz/Targets/ConfigTarget.swift -o $@ 2>&1 \
	  | grep -v "Cannot export local symbol" || true
	@test -x $@

fuzz-build: deps $(addprefix $(FUZZ_DIR)/fuzz-,$(FUZZ_TARGETS))

# The targets for FUZZ_SECONDS each on average (default 600; the slow ones get more of the
# time, see Scripts/fuzz.sh), FUZZ_JOBS at a time (default 2): the six in 30 minutes; the
# summary goes to .build/fuzz/summary.txt.
fuzz: fuzz-build
	bash Scripts/fuzz.sh $(FUZZ_SECONDS) $(FUZZ_JOBS) $(FUZZ_TARGETS)

# The short fuzz run that `make test` includes: every target, two at a time.
fuzz-smoke: fuzz-build
	bash Scripts/fuzz.sh $(FUZZ_SMOKE_SECONDS) 2 $(FUZZ_TARGETS)

# The tests under AddressSanitizer and ThreadSanitizer.
test-asan: build
	$(SWIFT) build --sanitize=address --scratch-path .build-asan
	LSAN_OPTIONS=suppressions=$(CURDIR)/Scripts/lsan-suppressions.txt:print_suppressions=0 \
	READER_BINARY=$$($(SWIFT) build --sanitize=address --scratch-path .build-asan --show-bin-path)/reader \
	  $(SWIFT) test --sanitize=address --scratch-path .build-asan
	$(SWIFT) build --sanitize=thread --scratch-path .build-tsan
	READER_BINARY=$$($(SWIFT) build --sanitize=thread --scratch-path .build-tsan --show-bin-path)/reader \
	  $(SWIFT) test --sanitize=thread --scratch-path .build-tsan

# Plain text of real CJK documents (gitignored), for the property tests that run the
# whole text engine over them; rebuilt only when missing.
real-corpus:
	$(call ensure_packages,$(REAL_CORPUS_APT_PACKAGES))
	@test -f $(REAL_CORPUS)/.complete || sh Scripts/make-real-corpus.sh $(REAL_CORPUS)

# Regenerate the Unicode tables from the Unicode Character Database (unicode-data).
unicode-tables: deps
	python3 Scripts/generate-unicode-tables.py

bench: release
	$(call ensure_packages,$(BENCH_APT_PACKAGES))
	bash Scripts/bench.sh

# ---- Install, package, lint ---------------------------------------------------------
# `make install` / `make uninstall` (PREFIX, DESTDIR and the directories below can be
# set on the command line), `make deb` (a Debian package from the same install),
# `make lint` / `make format` (swift format with .swift-format). Scripts/test-install.sh
# (run by `make test`) checks all of it.

PREFIX ?= /usr/local
DESTDIR ?=
BINDIR ?= $(PREFIX)/bin
# reader-store (the feeds), which reader runs from ../libexec/reader/
# beside its own directory (ARCHITECTURE.md, "Start-up"): keep BINDIR and LIBEXECDIR siblings.
LIBEXECDIR ?= $(PREFIX)/libexec
MAN1DIR ?= $(PREFIX)/share/man/man1
DOCDIR ?= $(PREFIX)/share/doc/reader
BASH_COMPLETION_DIR ?= $(PREFIX)/share/bash-completion/completions
# zsh looks in site-functions under its own prefix; Debian's zsh also in vendor-completions,
# where `make deb` puts the file (site-functions is left to the local administrator).
ZSH_COMPLETION_DIR ?= $(PREFIX)/share/zsh/site-functions
FISH_COMPLETION_DIR ?= $(PREFIX)/share/fish/vendor_completions.d
INSTALL ?= install
DOC_FILES := README.md LICENSE NOTICE
# dpkg-shlibdeps and strip (dpkg-dev), lintian; man and col for the install test (man-db).
DEB_APT_PACKAGES := dpkg-dev lintian man-db

# The optimised program (RELEASE_FLAGS: it needs the shared libraries ncursesw and OpenCC,
# and OpenCC's data, where it runs) and reader-store, its manual page, the bash, zsh and fish completions
# that it writes itself (swift-argument-parser), README and licences.
install: release
	@bin=$$($(SWIFT) build $(RELEASE_FLAGS) --show-bin-path)/reader; set -e; \
	$(INSTALL) -d "$(DESTDIR)$(BINDIR)" "$(DESTDIR)$(LIBEXECDIR)/reader" "$(DESTDIR)$(MAN1DIR)" "$(DESTDIR)$(DOCDIR)" \
	  "$(DESTDIR)$(BASH_COMPLETION_DIR)" "$(DESTDIR)$(ZSH_COMPLETION_DIR)" "$(DESTDIR)$(FISH_COMPLETION_DIR)"; \
	$(INSTALL) -m 755 "$$bin" "$(DESTDIR)$(BINDIR)/reader"; \
	$(INSTALL) -m 755 "$$bin-store" "$(DESTDIR)$(LIBEXECDIR)/reader/reader-store"; \
	$(INSTALL) -m 644 reader.1 "$(DESTDIR)$(MAN1DIR)/reader.1"; \
	$(INSTALL) -m 644 $(DOC_FILES) "$(DESTDIR)$(DOCDIR)/"; \
	"$$bin" --generate-completion-script bash > "$(DESTDIR)$(BASH_COMPLETION_DIR)/reader"; \
	"$$bin" --generate-completion-script zsh > "$(DESTDIR)$(ZSH_COMPLETION_DIR)/_reader"; \
	"$$bin" --generate-completion-script fish > "$(DESTDIR)$(FISH_COMPLETION_DIR)/reader.fish"; \
	chmod 644 "$(DESTDIR)$(BASH_COMPLETION_DIR)/reader" "$(DESTDIR)$(ZSH_COMPLETION_DIR)/_reader" \
	  "$(DESTDIR)$(FISH_COMPLETION_DIR)/reader.fish"; \
	echo "make: installed reader in $(DESTDIR)$(PREFIX)"

# Removes exactly the files `make install` put there, and the documentation directory;
# the shared directories (bin, man1, the completion directories) stay.
uninstall:
	rm -f "$(DESTDIR)$(BINDIR)/reader" "$(DESTDIR)$(LIBEXECDIR)/reader/reader-store" "$(DESTDIR)$(MAN1DIR)/reader.1" \
	  $(addprefix "$(DESTDIR)$(DOCDIR)/,$(addsuffix ",$(DOC_FILES))) \
	  "$(DESTDIR)$(BASH_COMPLETION_DIR)/reader" "$(DESTDIR)$(ZSH_COMPLETION_DIR)/_reader" \
	  "$(DESTDIR)$(FISH_COMPLETION_DIR)/reader.fish"
	rmdir "$(DESTDIR)$(DOCDIR)" "$(DESTDIR)$(LIBEXECDIR)/reader" 2>/dev/null || true

# A Debian package (.build/deb/reader_VERSION_ARCH.deb) of `make install PREFIX=/usr`,
# built with dpkg-deb and checked with lintian; the version comes from `git describe`.
deb: release
	$(call ensure_packages,$(DEB_APT_PACKAGES))
	bash Scripts/build-deb.sh

# swift format's rules (naming, doc comments, `for` over forEach, shorthand types, …) as
# .swift-format sets them, on every Swift file. The line layout is not checked
# (--debug-disable-pretty-print): the code aligns continuation lines under the opening
# parenthesis, which swift format's printer never does and no setting allows, so checking
# it would mean reformatting 77 of the 124 files. About 1 s of CPU.
SWIFT_FORMAT_PATHS := Sources Tests Fuzz Package.swift
lint:
	$(SWIFT) format lint --strict --parallel --debug-disable-pretty-print --recursive $(SWIFT_FORMAT_PATHS)

# Applies the same rules in place (what `make lint` reports, where a rule can fix it).
format:
	$(SWIFT) format format --in-place --parallel --debug-disable-pretty-print --recursive $(SWIFT_FORMAT_PATHS)

# The install, uninstall and package test on its own (make test runs it too).
test-install: release
	$(call ensure_packages,$(DEB_APT_PACKAGES))
	bash Scripts/test-install.sh
# ---- end of install, package, lint ---------------------------------------------------

clean:
	rm -rf .build bench-data

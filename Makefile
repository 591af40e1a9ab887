# Reader — build, run and test. `make run` and `make test` do all the set-up on a
# fresh Debian machine that has the Swift toolchain: missing system packages are
# installed with apt-get (as root) or named in a clear message.

SWIFT ?= swift
SHELL := /bin/bash
SEED := seeds/000_87085fd43abf9c5f.txt
# Debian packages the build and the tests need (and the commands that show they are there).
APT_PACKAGES := libncursesw5-dev tmux unicode-data python3
BENCH_APT_PACKAGES := w3m less hyperfine

FUZZ_DIR := .build/fuzz
# The libFuzzer targets (Fuzz/Targets/<Name>Target.swift), each in its own binary.
FUZZ_TARGETS := parse layout search keys state config
FUZZ_SECONDS ?= 300
# How many targets run at once (1 or 2).
FUZZ_JOBS ?= 1
# Per target in `make test` (two at a time: 3 rounds).
FUZZ_SMOKE_SECONDS ?= 15
CORE_SOURCES := $(shell find Sources/ReaderCore -name '*.swift' | sort)
FUZZ_SUPPORT := $(wildcard Fuzz/Support/*.swift)
FUZZ_SWIFTC := swiftc -O -sanitize=fuzzer,address -parse-as-library
# TOMLKit, for the config target: its checkout (`swift package resolve`), its C++ half
# (toml++) compiled with the toolchain's clang++, its Swift half with swiftc.
TOMLKIT := .build/checkouts/TOMLKit/Sources
CLANGXX ?= $(dir $(realpath $(shell command -v swiftc)))clang++

.PHONY: all deps build-info build release run test bench unicode-tables fuzz fuzz-build fuzz-smoke test-asan test-tsan man clean

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

# Optimised and linked statically (the Swift runtime, ncursesw, glibc): it starts in a
# third of the time (no shared libraries to load and relocate), which the first screen
# of `make bench` measures.
RELEASE_FLAGS := -c release --static-swift-stdlib -Xswiftc -static-executable -Xlinker -lncursesw -Xlinker -ltinfo

release: deps build-info
	$(SWIFT) build $(RELEASE_FLAGS)

# The man page, generated from the argument-parser definition by its generate-manual
# plugin (builds reader in release mode; a few minutes the first time). reader.1 is
# committed; a test checks that it, `reader --help` and README.md name the same options.
man: deps build-info
	$(SWIFT) package generate-manual --date $$(git log -1 --format=%cs 2>/dev/null || date +%F)
	cp .build/plugins/GenerateManual/outputs/Reader/reader.1 reader.1

run: build
	$$($(SWIFT) build --show-bin-path)/reader $(SEED)

# Unit, screen, conformance, property and end-to-end (tmux) tests; the end-to-end tests
# again on the optimised build (what `make bench` and an install run); a short fuzz run.
test: build release
	READER_BINARY=$$($(SWIFT) build --show-bin-path)/reader $(SWIFT) test
	@echo "make: the end-to-end tests again, on the optimised build"
	READER_BINARY=$$($(SWIFT) build $(RELEASE_FLAGS) --show-bin-path)/reader $(SWIFT) test --skip-build --filter EndToEndTests
	$(MAKE) --no-print-directory fuzz-smoke

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

# Each target for FUZZ_SECONDS (default 300), FUZZ_JOBS at a time; see Scripts/fuzz.sh.
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

# Regenerate the Unicode tables from the Unicode Character Database (unicode-data).
unicode-tables: deps
	python3 Scripts/generate-unicode-tables.py

bench: release
	$(call ensure_packages,$(BENCH_APT_PACKAGES))
	bash Scripts/bench.sh

clean:
	rm -rf .build bench-data

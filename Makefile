# Reader — build, run and test. `make run` and `make test` do all the set-up on a
# fresh Debian machine that has the Swift toolchain: missing system packages are
# installed with apt-get (as root) or named in a clear message.

SWIFT ?= swift
SEED := seeds/000_87085fd43abf9c5f.txt
# Debian packages the build and the tests need (and the commands that show they are there).
APT_PACKAGES := libncursesw5-dev tmux unicode-data python3
BENCH_APT_PACKAGES := w3m less hyperfine

.PHONY: all deps build release run test bench unicode-tables clean

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

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release

run: build
	$$($(SWIFT) build --show-bin-path)/reader $(SEED)

# Unit, screen, conformance, property and end-to-end (tmux) tests.
test: build
	READER_BINARY=$$($(SWIFT) build --show-bin-path)/reader $(SWIFT) test

# Regenerate the Unicode tables from the Unicode Character Database (unicode-data).
unicode-tables: deps
	python3 Scripts/generate-unicode-tables.py

bench: release
	$(call ensure_packages,$(BENCH_APT_PACKAGES))
	bash Scripts/bench.sh

clean:
	rm -rf .build bench-data

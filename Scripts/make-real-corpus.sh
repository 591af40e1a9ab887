#!/bin/sh
# Plain-text corpus of real CJK documents from Debian packages, for the property tests
# that run the whole text engine (and page-break repair) over real text.
#
#   sh Scripts/make-real-corpus.sh [OUTPUT_DIR]      (default .build/real-corpus, gitignored)
#
# Packages: manpages-zh (zh_CN, zh_TW man pages), manpages-ja, fortunes-zh,
# debian-faq-ko (HTML), debian-reference-zh-cn (HTML). The Makefile target `real-corpus`
# installs them when missing. Each package becomes one file in the reader's input format:
# `## ` per man page / chapter / fortune file, `### ` per man section or HTML sub-heading,
# one line per paragraph (the lines of a paragraph joined: without a space between two
# wide characters, with one otherwise). Packages that are absent are skipped with a note.
# It ends by touching OUTPUT_DIR/.complete, which `make real-corpus` checks to build it once.
set -eu

out=${1:-.build/real-corpus}
mkdir -p "$out"
here=$(cd "$(dirname "$0")" && pwd)

# man pages: one `## ` article per page, rendered unwrapped (MANWIDTH) and without
# overstrikes, as many at once as there are cores.
render_man_pages() { # package locale-directory output-file
    if ! dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"; then
        echo "make-real-corpus: $1 is not installed; skipped" >&2; return 0
    fi
    dpkg -L "$1" | grep "^/usr/share/man/$2/man[0-9]/.*\.gz$" | sort \
        | xargs python3 "$here/real-corpus-text.py" man-pages > "$3.tmp"
    mv "$3.tmp" "$3"
}

render_man_pages manpages-zh zh_CN "$out/manpages-zh_CN.txt"
render_man_pages manpages-zh zh_TW "$out/manpages-zh_TW.txt"
render_man_pages manpages-ja ja "$out/manpages-ja.txt"

if [ -d /usr/share/games/fortunes ] && ls /usr/share/games/fortunes/*.u8 >/dev/null 2>&1; then
    for file in /usr/share/games/fortunes/*.u8; do
        printf '## %s\n\n' "$(basename "$file" .u8)"
        python3 "$here/real-corpus-text.py" fortune < "$file"
    done > "$out/fortunes-zh.txt"
else
    echo "make-real-corpus: fortunes-zh is not installed; skipped" >&2
fi

if [ -d /usr/share/doc/debian/FAQ/ko ]; then
    python3 "$here/real-corpus-text.py" html /usr/share/doc/debian/FAQ/ko/*.ko.html > "$out/debian-faq-ko.txt"
else
    echo "make-real-corpus: debian-faq-ko is not installed; skipped" >&2
fi

if ls /usr/share/debian-reference/*.zh-cn.html >/dev/null 2>&1; then
    python3 "$here/real-corpus-text.py" html /usr/share/debian-reference/*.zh-cn.html > "$out/debian-reference-zh-cn.txt"
else
    echo "make-real-corpus: debian-reference-zh-cn is not installed; skipped" >&2
fi

touch "$out/.complete"
wc -c "$out"/*.txt

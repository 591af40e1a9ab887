#!/usr/bin/env bash
# Builds the Debian package of reader with the plain Debian tools (dpkg-shlibdeps,
# dpkg-deb, lintian): `make deb` runs it after `make release`.
#
# The package is `make install PREFIX=/usr` with the changes Debian policy asks for:
# the zsh completion in /usr/share/zsh/vendor-completions, a stripped program, the manual
# page compressed (gzip -9n), the licences in /usr/share/doc/reader/copyright (machine-
# readable, from LICENSE and NOTICE; NOTICE stays beside it for the list of linked
# libraries), a changelog.gz (a native package: no Debian revision) and the bash completion
# without its `#!/bin/bash` line (it is sourced, not run). Scripts/test-install.sh checks
# the file list and the Depends field.
#
# Dependencies: `make release` links the Swift runtime (with Foundation, FoundationNetworking
# and Dispatch), swift-argument-parser, TOMLKit and GRDB statically, and loads ncursesw and
# tinfo, OpenCC, libxml2, cmark-gfm, libcurl, libsqlite3, libstdc++, libgcc_s and glibc as
# shared libraries (Debian has no static libopencc). Depends is what dpkg-shlibdeps finds
# for those; on Debian 12:
#   libc6 (>= 2.35), libcmark-gfm0.29.0.gfm.6 (>= 0.29.0.gfm.6), libcurl4 (>= 7.63.0),
#   libgcc-s1 (>= 3.3.1), libncursesw6 (>= 6), libopencc1.1 (>= 1.1.4+ds1),
#   libsqlite3-0 (>= 3.20.0), libstdc++6 (>= 12), libtinfo6 (>= 6), libxml2 (>= 2.7.4)
# OpenCC's own needs come with libopencc1.1: marisa (libmarisa0) and the dictionaries in
# /usr/share/opencc that the program reads at run time (libopencc-data, which libopencc1.1
# depends on with the same version), so they are not listed again. The program also reads
# the terminfo database (ncurses-base) and the C.UTF-8 locale (libc-bin), Essential
# packages, which policy §3.5 says not to list. ncurses-term (terminfo for less common
# terminals: kitty, foot, alacritty, …) is Recommended. No Built-Using (policy §7.8): no
# Debian library is copied into the program any more (the static Swift runtime comes with
# the Swift toolchain; the small libc_nonshared.a and libgcc.a that every C program links
# are listed by no Debian package).
#
# Lintian: no error, warning or pedantic tag, and no override. `lintian -I` (--display-info)
# shows these info tags, each about the Swift part of the program, not the packaging:
# - hardening-no-fortify-functions: the Swift compiler, and the toolchain's build of the
#   Swift runtime, call glibc's plain functions, not the _FORTIFY_SOURCE ones (Swift code
#   checks bounds itself).
# - hardening-no-bindnow: `swift build` links without `-z now`, so the shared libraries'
#   symbols are bound lazily, when first called (the linker's default).
# - spelling-error-in-binary (16 of them: ADDRES, AGAINS, …, matchign, overriden): strings
#   of the statically linked Swift runtime (the Unicode character name table of
#   libswiftCore, _RegexParser, FoundationEssentials, Dispatch), not reader's own text.
#
# Version: `git describe` — a tag vX.Y.Z gives X.Y.Z (X.Y.Z+gitN.HASH N commits later);
# without a tag, 0.0~gitN.HASH (N commits in HEAD), which sorts before any release.
#
# Output: .build/deb/reader_VERSION_ARCH.deb (the only one there); its path is the last
# line printed.
set -euo pipefail
cd "$(dirname "$0")/.."

maintainer=${DEB_MAINTAINER:-"Reader authors <reader@example.org>"}
out=.build/deb

debian_version() {
    local described tag count hash
    hash=$(git rev-parse --short=7 HEAD)
    if described=$(git describe --tags --long --match 'v[0-9]*' 2>/dev/null); then
        tag=${described%-*-g*}
        count=${described#"$tag"-}
        count=${count%%-*}
        tag=${tag#v}
        if [ "$count" = 0 ]; then echo "$tag"; else echo "$tag+git$count.$hash"; fi
    else
        echo "0.0~git$(git rev-list --count HEAD).$hash"
    fi
}

# "Line\n\nLine" as a control-file field body: each line indented, blank lines " .".
control_text() {
    sed -e 's/^$/./' -e 's/^/ /'
}

version=$(debian_version)
arch=$(dpkg --print-architecture)
name=reader_${version}_${arch}
stage=$out/$name
rm -rf "$out"/reader_*   # earlier versions too: one package to install
mkdir -p "$stage"
umask 022

make --no-print-directory install DESTDIR="$PWD/$stage" PREFIX=/usr \
    ZSH_COMPLETION_DIR=/usr/share/zsh/vendor-completions >/dev/null

doc=$stage/usr/share/doc/reader
strip --strip-unneeded --remove-section=.comment --remove-section=.note \
    "$stage/usr/bin/reader" "$stage/usr/libexec/reader/reader-store"
gzip -9n "$stage/usr/share/man/man1/reader.1"
sed -i '1{/^#!/d}' "$stage/usr/share/bash-completion/completions/reader"
rm "$doc/LICENSE"
{
    echo "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/"
    echo "Upstream-Name: reader"
    echo
    echo "Files: *"
    echo "Copyright: 2026 the Reader authors"
    echo "License: Expat"
    sed -n '/^Permission/,$p' LICENSE | control_text
    echo
    echo "Files: Data/ucd-17.0.0/* Sources/ReaderCore/Text/UnicodeTables.generated.swift"
    echo "Copyright: 1991-2025 Unicode, Inc."
    echo "License: Unicode-3.0"
    sed -n '/^UNICODE LICENSE V3$/,/^authorization of the copyright holder\.$/p' NOTICE | control_text
} > "$doc/copyright"
commit_date=$(git log -1 --format=%aD)
{
    echo "reader ($version) unstable; urgency=medium"
    echo
    echo "  * Built from $(git describe --always --tags) with make deb."
    echo
    echo " -- $maintainer  $commit_date"
} | gzip -9n > "$doc/changelog.gz"
# The Debian packages of the shared libraries the program loads (Depends).
work=$out/shlibdeps
rm -rf "$work" && mkdir -p "$work/debian"
printf 'Source: reader\n\nPackage: reader\nArchitecture: any\n' > "$work/debian/control"
shlibs=$(cd "$work" && dpkg-shlibdeps -O --warnings=0 "$OLDPWD/$stage/usr/bin/reader" \
    "$OLDPWD/$stage/usr/libexec/reader/reader-store" |
    sed -n 's/^shlibs:Depends=//p')
rm -rf "$work"
if [ -z "$shlibs" ]; then
    echo "build-deb.sh: dpkg-shlibdeps found no shared library in usr/bin/reader" >&2
    exit 1
fi

mkdir -p "$stage/DEBIAN"
{
    echo "Package: reader"
    echo "Version: $version"
    echo "Architecture: $arch"
    echo "Maintainer: $maintainer"
    echo "Installed-Size: $(du -sk --exclude=DEBIAN "$stage" | cut -f1)"
    echo "Depends: $shlibs"
    echo "Recommends: ncurses-term"
    echo "Section: text"
    echo "Priority: optional"
    echo "Description: terminal reader for Chinese and other CJK newspapers"
    control_text <<'EOF'
Reader shows a newspaper issue written as plain UTF-8 text (articles,
sections, paragraphs) in the terminal, with the keys of less and vi, and
lays out CJK text the way the terminal draws it: character widths as
wcwidth() gives them, line breaking by Unicode UAX #14 with the Chinese
rules for punctuation at line starts and ends, words, numbers and URLs
kept whole, and paragraphs cut at page breaks joined again.
EOF
} > "$stage/DEBIAN/control"
(cd "$stage" && find usr -type f -print0 | sort -z | xargs -0 md5sum) > "$stage/DEBIAN/md5sums"
chmod 644 "$stage/DEBIAN/control" "$stage/DEBIAN/md5sums"

dpkg-deb --root-owner-group -Zxz --build "$stage" "$out/$name.deb" >/dev/null
echo "make: lintian $out/$name.deb"
lintian --info --fail-on error,warning \
    "$out/$name.deb"
echo "$out/$name.deb"

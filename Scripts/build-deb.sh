#!/usr/bin/env bash
# Builds the Debian package of reader with the plain Debian tools (dpkg-shlibdeps,
# dpkg-deb, lintian): `make deb` runs it after `make release`.
#
# The package is `make install PREFIX=/usr` with the changes Debian policy asks for:
# the zsh completion in /usr/share/zsh/vendor-completions, a stripped program, the manual
# page compressed (gzip -9n), the licences in /usr/share/doc/reader/copyright (machine-
# readable, from LICENSE and NOTICE; NOTICE stays beside it for the list of linked
# libraries), a changelog.gz (a native package: no Debian revision), the bash completion
# without its `#!/bin/bash` line (it is sourced, not run) and the lintian overrides below.
# Scripts/test-install.sh checks the file list.
#
# Lintian: no error or warning is left but the two that say the program is linked
# statically (statically-linked-binary, embedded-library ncurses); they are overridden
# in the package, with the reason, since that is how `make release` builds it on purpose
# (it starts in a third of the time).
#
# Dependencies: the release build is linked statically (`ldd` says "not a dynamic
# executable"), so dpkg-shlibdeps finds no shared library and Depends gets nothing from it.
# At run time the program still reads the terminfo database (ncurses-base) and the C.UTF-8
# locale (libc-bin); both are Essential packages, which policy §3.5 says not to list.
# ncurses-term (terminfo for less common terminals: kitty, foot, alacritty, …) is
# Recommended. Built-Using names the sources of the static libraries (glibc is LGPL).
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
strip --strip-unneeded --remove-section=.comment --remove-section=.note "$stage/usr/bin/reader"
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
mkdir -p "$stage/usr/share/lintian/overrides"
cat > "$stage/usr/share/lintian/overrides/reader" <<'EOF'
# make release links reader statically on purpose: with no shared library to load and
# relocate it starts in a third of the time (README, Performance).
reader: statically-linked-binary [usr/bin/reader]
# The static link includes ncursesw (and glibc, the Swift runtime): see NOTICE and
# Built-Using.
reader: embedded-library ncurses [usr/bin/reader]
EOF

# What the program links dynamically (nothing, when linked statically).
work=$out/shlibdeps
rm -rf "$work" && mkdir -p "$work/debian"
printf 'Source: reader\n\nPackage: reader\nArchitecture: any\n' > "$work/debian/control"
shlibs=$(cd "$work" && dpkg-shlibdeps -O --warnings=0 "$OLDPWD/$stage/usr/bin/reader" 2>/dev/null |
    sed -n 's/^shlibs:Depends=//p')
rm -rf "$work"
built_using=$(dpkg-query -W -f='${source:Package} (= ${source:Version}), ' libc6-dev libncurses-dev |
    sed 's/, $//')

mkdir -p "$stage/DEBIAN"
{
    echo "Package: reader"
    echo "Version: $version"
    echo "Architecture: $arch"
    echo "Maintainer: $maintainer"
    echo "Installed-Size: $(du -sk --exclude=DEBIAN "$stage" | cut -f1)"
    [ -n "$shlibs" ] && echo "Depends: $shlibs"
    echo "Recommends: ncurses-term"
    echo "Built-Using: $built_using"
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

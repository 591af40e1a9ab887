#!/usr/bin/env bash
# The install test that `make test` runs (also `make test-install`), after `make release`:
#
# 1. `make install DESTDIR=<tmp>`: exactly the expected files, with their modes, all under
#    DESTDIR/usr/local; the installed program's `--list` and `--dump` of the seed (the dump
#    against Tests/Golden/seed-width-80.txt) and its `--list --convert s2twp` (OpenCC's
#    shared library and its dictionaries in /usr/share/opencc, loaded at run time);
#    `man -l` on the installed page; the bash completion loads; `make uninstall` leaves
#    no file.
# 2. `make deb`: `dpkg-deb --contents` is the same list for PREFIX=/usr with the changes
#    Debian asks for (see Scripts/build-deb.sh); Depends names exactly the packages of the
#    shared libraries the program loads, and apt finds them installed here (a dry run);
#    `dpkg --root=<tmp> -i` installs it (with
#    --force-depends: those packages are not in the empty root; the program runs with this
#    machine's), the program runs from there, `dpkg --root=<tmp> -r` removes every file
#    again.
#
# Each check prints "ok: …" or "FAIL: …" (with the difference); the last line says
# whether all passed, and the exit status is 1 if any failed.
set -uo pipefail
cd "$(dirname "$0")/.."

seed=seeds/000_87085fd43abf9c5f.txt
scratch=$(mktemp -d "${TMPDIR:-/tmp}/reader-install-test.XXXXXX")
trap 'rm -rf "$scratch"' EXIT
# The program must not read or write the user's configuration or state.
export HOME=$scratch/home XDG_CONFIG_HOME=$scratch/home/config XDG_STATE_HOME=$scratch/home/state
mkdir -p "$HOME"
failures=0

# check NAME EXPECTED-FILE ACTUAL-FILE: the two files are equal.
check() {
    if diff -u "$2" "$3" > "$scratch/diff"; then
        echo "ok: $1"
    else
        echo "FAIL: $1"
        sed 's/^/    /' "$scratch/diff"
        failures=$((failures + 1))
    fi
}

# check_command NAME COMMAND…: the command succeeds.
check_command() {
    local name=$1
    shift
    if "$@" > "$scratch/output" 2>&1; then
        echo "ok: $name"
    else
        echo "FAIL: $name"
        sed 's/^/    /' "$scratch/output"
        failures=$((failures + 1))
    fi
}

# Mode and path of everything in a tree that is not a directory, sorted.
files_in() {
    (cd "$1" && find . -not -type d -printf '%m %P\n' | LC_ALL=C sort)
}

expected_list() {
    printf '%s\t%s\t%s\n' \
        1 "重庆计划3年内建成公共领域车辆全面电动化试点城市 到2025年将建成充电桩超24万个" 0 \
        2 "国内首个空天信息产业共同体和千亿基金群在渝诞生 首批15项重庆空天信息应用场景发布" 3 \
        3 "首届明月湖空天信息产业国际生态活动上嘉宾表示 重庆空天信息产业发展前景广阔" 0 \
        4 "重庆高新区: 特色科普阵地揭牌启用" 0 \
        5 "“政府间国际科技创新合作”等重点专项启动申报" 0 \
        6 "重庆智能建造7项经验全国推广" 0 \
        7 "西部(重庆)科学城人才产业园正式启动 首批10个人才项目集中签约入驻" 0 \
        8 "重庆启动产业知识产权运营中心建设" 0 \
        9 "2023年全市物联网十大应用案例评选“出炉”" 0 \
        10 "人均年产值300万元背后的“三条路” 全球最大汽车天窗制造商伟巴斯特 重庆工厂获“最佳运营奖”揭秘" 0
}
expected_list > "$scratch/expected-list"

# The list converted by OpenCC's s2twp (Traditional with Taiwan's words: 信息 → 資訊).
expected_converted_list() {
    printf '%s\t%s\t%s\n' \
        1 "重慶計劃3年內建成公共領域車輛全面電動化試點城市 到2025年將建成充電樁超24萬個" 0 \
        2 "國內首個空天資訊產業共同體和千億基金群在渝誕生 首批15項重慶空天資訊應用場景釋出" 3 \
        3 "首屆明月湖空天資訊產業國際生態活動上嘉賓表示 重慶空天資訊產業發展前景廣闊" 0 \
        4 "重慶高新區: 特色科普陣地揭牌啟用" 0 \
        5 "“政府間國際科技創新合作”等重點專項啟動申報" 0 \
        6 "重慶智慧建造7項經驗全國推廣" 0 \
        7 "西部(重慶)科學城人才產業園正式啟動 首批10個人才專案集中籤約入駐" 0 \
        8 "重慶啟動產業智慧財產權運營中心建設" 0 \
        9 "2023年全市物聯網十大應用案例評選“出爐”" 0 \
        10 "人均年產值300萬元背後的“三條路” 全球最大汽車天窗製造商偉巴斯特 重慶工廠獲“最佳運營獎”揭秘" 0
}
expected_converted_list > "$scratch/expected-converted-list"

# check_program NAME PROGRAM: its --list, --list --convert s2twp and --dump of the seed, and
# a --search with the index (run by reader-store, from ../libexec/reader/) against
# --no-index (reader alone).
check_program() {
    XDG_CACHE_HOME=$scratch/cache "$2" --search 空天 "$seed" > "$scratch/search" 2>&1
    "$2" --search 空天 --no-index "$seed" > "$scratch/expected-search" 2>&1
    check "$1 --search of the seed with the index (reader-store)" "$scratch/expected-search" "$scratch/search"
    "$2" --list "$seed" > "$scratch/list" 2>&1
    check "$1 --list of the seed" "$scratch/expected-list" "$scratch/list"
    "$2" --list --convert s2twp "$seed" > "$scratch/list" 2>&1
    check "$1 --list --convert s2twp of the seed (OpenCC)" "$scratch/expected-converted-list" "$scratch/list"
    "$2" --dump --width 80 "$seed" > "$scratch/dump" 2>&1
    check "$1 --dump --width 80 of the seed (Tests/Golden/seed-width-80.txt)" \
        Tests/Golden/seed-width-80.txt "$scratch/dump"
}

# --- make install / make uninstall -----------------------------------------------------
root=$scratch/destdir
if ! make --no-print-directory install DESTDIR="$root" > "$scratch/make-install" 2>&1; then
    echo "FAIL: make install DESTDIR=$root"
    sed 's/^/    /' "$scratch/make-install"
    failures=$((failures + 1))
fi
cat > "$scratch/expected" <<'EOF'
644 usr/local/share/bash-completion/completions/reader
644 usr/local/share/doc/reader/LICENSE
644 usr/local/share/doc/reader/NOTICE
644 usr/local/share/doc/reader/README.md
644 usr/local/share/fish/vendor_completions.d/reader.fish
644 usr/local/share/man/man1/reader.1
644 usr/local/share/zsh/site-functions/_reader
755 usr/local/bin/reader
755 usr/local/libexec/reader/reader-store
EOF
files_in "$root" > "$scratch/actual"
check "make install: exactly these files in DESTDIR" "$scratch/expected" "$scratch/actual"

check_program "installed reader" "$root/usr/local/bin/reader"

LC_ALL=C.UTF-8 MANWIDTH=80 man -l "$root/usr/local/share/man/man1/reader.1" 2> "$scratch/man-errors" |
    col -b | sed -n '/^NAME/,/^SYNOPSIS/p' > "$scratch/man"
cat "$scratch/man-errors" >> "$scratch/man"
printf '%s\n' NAME "     reader — A terminal reader for Chinese (and other CJK) newspapers." "" SYNOPSIS \
    > "$scratch/expected-man"
check "man -l on the installed reader.1: NAME, no warnings" "$scratch/expected-man" "$scratch/man"

bash -c 'source "$1" && complete -p reader' _ "$root/usr/local/share/bash-completion/completions/reader" \
    > "$scratch/complete" 2>&1
echo "complete -o filenames -F _reader reader" > "$scratch/expected-complete"
check "the installed bash completion registers for reader" "$scratch/expected-complete" "$scratch/complete"

for shell in bash zsh fish; do
    case $shell in
        bash) file=share/bash-completion/completions/reader ;;
        zsh) file=share/zsh/site-functions/_reader ;;
        fish) file=share/fish/vendor_completions.d/reader.fish ;;
    esac
    "$root/usr/local/bin/reader" --generate-completion-script $shell > "$scratch/generated"
    check "the installed $shell completion is the one reader generates" \
        "$scratch/generated" "$root/usr/local/$file"
done

make --no-print-directory uninstall DESTDIR="$root" > "$scratch/make-uninstall" 2>&1
: > "$scratch/nothing"
files_in "$root" > "$scratch/actual"
check "make uninstall: no file left in DESTDIR" "$scratch/nothing" "$scratch/actual"

# --- make deb ----------------------------------------------------------------------------
if make --no-print-directory deb > "$scratch/make-deb" 2>&1; then
    echo "ok: make deb (lintian: no error or warning)"
    grep -E '^[EWIPX]: ' "$scratch/make-deb" | sed 's/^/    lintian /'
else
    echo "FAIL: make deb"
    sed 's/^/    /' "$scratch/make-deb"
    failures=$((failures + 1))
fi
deb=$(tail -n 1 "$scratch/make-deb")
if [ -f "$deb" ]; then
    # The install list for PREFIX=/usr, with Debian's differences (Scripts/build-deb.sh):
    # the zsh completion in vendor-completions, the manual page compressed, LICENSE (with
    # the Unicode licence from NOTICE) as copyright, a changelog.gz.
    cat > "$scratch/expected" <<'EOF'
-rw-r--r-- root/root ./usr/share/bash-completion/completions/reader
-rw-r--r-- root/root ./usr/share/doc/reader/NOTICE
-rw-r--r-- root/root ./usr/share/doc/reader/README.md
-rw-r--r-- root/root ./usr/share/doc/reader/changelog.gz
-rw-r--r-- root/root ./usr/share/doc/reader/copyright
-rw-r--r-- root/root ./usr/share/fish/vendor_completions.d/reader.fish
-rw-r--r-- root/root ./usr/share/man/man1/reader.1.gz
-rw-r--r-- root/root ./usr/share/zsh/vendor-completions/_reader
-rwxr-xr-x root/root ./usr/bin/reader
-rwxr-xr-x root/root ./usr/libexec/reader/reader-store
EOF
    dpkg-deb --contents "$deb" | awk '$1 !~ /^d/ { print $1, $2, $6 }' | LC_ALL=C sort > "$scratch/actual"
    check "dpkg-deb --contents: the install list, for Debian" "$scratch/expected" "$scratch/actual"

    # What dpkg-shlibdeps makes of the program's NEEDED libraries on Debian 12 (libncursesw,
    # libtinfo, libopencc, libxml2, libcmark-gfm, libcurl and libsqlite3 for feeds, libstdc++,
    # libgcc_s, libc, libm); libopencc1.1 brings libopencc-data (the dictionaries) and
    # libmarisa0 itself.
    echo "libc6 (>= 2.35), libcmark-gfm0.29.0.gfm.6 (>= 0.29.0.gfm.6), libcurl4 (>= 7.63.0), libgcc-s1 (>= 3.3.1)," \
        "libncursesw6 (>= 6), libopencc1.1 (>= 1.1.4+ds1), libsqlite3-0 (>= 3.20.0), libstdc++6 (>= 12)," \
        "libtinfo6 (>= 6), libxml2 (>= 2.7.4)" \
        > "$scratch/expected"
    dpkg-deb --field "$deb" Depends > "$scratch/actual"
    check "dpkg-deb --field Depends: the shared libraries' packages" "$scratch/expected" "$scratch/actual"
    # Those packages are the ones this machine runs the program with: apt would install
    # reader alone (a dry run, --simulate; no root needed).
    apt-get install --simulate --no-install-recommends "./$deb" 2>&1 |
        awk '$1 == "Inst" { print $2 } /^E: / { print }' > "$scratch/actual"
    echo reader > "$scratch/expected"
    check "apt-get install --simulate: its dependencies are installed here" "$scratch/expected" "$scratch/actual"
    dpkg-deb --field "$deb" Recommends Built-Using > "$scratch/actual"
    echo "Recommends: ncurses-term" > "$scratch/expected"
    check "dpkg-deb --field: Recommends ncurses-term, no Built-Using" "$scratch/expected" "$scratch/actual"

    dpkg_root=$scratch/dpkg-root
    mkdir -p "$dpkg_root/var/lib/dpkg/info" "$dpkg_root/var/lib/dpkg/updates"
    touch "$dpkg_root/var/lib/dpkg/status" "$dpkg_root/var/lib/dpkg/available"
    check_command "dpkg --root=… --force-depends -i $(basename "$deb")" \
        dpkg --root="$dpkg_root" --force-depends -i "$deb"
    check_program "reader installed by dpkg" "$dpkg_root/usr/bin/reader"
    check_command "dpkg --root=… -r reader" dpkg --root="$dpkg_root" -r reader
    files_in "$dpkg_root" | grep -v ' var/lib/dpkg/' > "$scratch/actual"
    check "dpkg -r: no file left outside dpkg's own database" "$scratch/nothing" "$scratch/actual"
else
    echo "FAIL: make deb printed no package path (got: ${deb:-nothing})"
    failures=$((failures + 1))
fi

if [ "$failures" = 0 ]; then
    echo "test-install: PASS (make install, make uninstall, make deb)"
else
    echo "test-install: FAIL ($failures checks failed)"
    exit 1
fi

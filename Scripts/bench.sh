#!/usr/bin/env bash
# `make bench`: Reader against the tools a user would otherwise pick, on generated corpora
# (Scripts/make-corpus.py → bench-data/, never committed). Prints one table:
# row, Reader's figure, the peer's figure, the ratio, the target, and pass/fail.
# Timings are medians; nothing here is part of `make test`.
set -euo pipefail
cd "$(dirname "$0")/.."

SCRATCH=${SCRATCH:-.build}  # the Makefile's `release` build
# As `make release` (the Swift runtime linked statically; OpenCC is a shared library).
FLAGS=(-c release --static-swift-stdlib --scratch-path "$SCRATCH")
swift build "${FLAGS[@]}" >/dev/null
BIN=$(swift build "${FLAGS[@]}" --show-bin-path)
READER=$BIN/reader
BENCH=$BIN/reader-bench
# Generated corpora go to DATA (default bench-data; `make bench DATA=/somewhere` to share
# one copy between work trees; the huge inputs go to HUGE_DATA, default DATA/huge).
DATA=${DATA:-bench-data}
export HUGE_DATA=${HUGE_DATA:-$DATA/huge}
RUNS=${RUNS:-5}
QUERY=${QUERY:-空天信息}
export LANG=C.UTF-8 LC_ALL=C.UTF-8

# BENCH_ROWS=decade runs only the archive-search rows and opening the decade (section 7), at DECADE_YEARS
# years (default 10, ≈ 1.2 GB; `make bench BENCH_ROWS=decade DECADE_YEARS=1` for ≈ 120 MB);
# BENCH_ROWS=startup only the start-up rows (section 8), BENCH_ROWS=store only the
# feed-store rows (section 9, STORE_FEEDS × STORE_ITEMS articles, 100,000 by default).
# BENCH_ROWS=memory only the huge-input rows (section 10, Scripts/bench-memory.sh).
BENCH_ROWS=${BENCH_ROWS:-all}
DECADE_YEARS=${DECADE_YEARS:-10}
[ "$BENCH_ROWS" = all ] && python3 Scripts/make-corpus.py "$DATA"
BIG=$DATA/seed-100mb.txt
PARAGRAPH=$DATA/one-paragraph-10mb.txt
TINY=$DATA/tiny-1m.txt
TMP=$(mktemp -d)
trap 'tmux -L reader-bench kill-server 2>/dev/null || true; rm -rf "$TMP"' EXIT

megabytes() { python3 -c "import os,sys; print(os.path.getsize(sys.argv[1]) / 1e6)" "$1"; }
median() { python3 -c "import statistics,sys; print(statistics.median(float(x) for x in sys.argv[1:]))" "$@"; }
calc() { python3 -c "print($1)"; }

# Median wall time in seconds of a command (hyperfine), output to /dev/null.
hyper() {
    local runs=$1; shift
    hyperfine --style none --runs "$runs" --warmup 1 --export-json "$TMP/h.json" "$@" >/dev/null 2>&1
    python3 -c "import json; print(json.load(open('$TMP/h.json'))['results'][0]['median'])"
}

# Peak resident set in MB of a command.
peak() {
    /usr/bin/time -f %M -o "$TMP/rss" "$@" >/dev/null 2>/dev/null
    calc "$(cat "$TMP/rss") / 1024"
}

# Milliseconds from starting `$1` in an 80×24 tmux pane until the pane shows `$2` (median).
first_screen() {
    local command=$1 pattern=$2 times=()
    tmux -L reader-bench -f /dev/null new-session -d -s idle -x 80 -y 24 2>/dev/null || true
    for _ in $(seq "$RUNS"); do
        sync
        local start end
        start=$(date +%s%N)
        tmux -L reader-bench new-session -d -s run -x 80 -y 24 "$command"
        while ! tmux -L reader-bench capture-pane -p -t run 2>/dev/null | grep -q -- "$pattern"; do :; done
        end=$(date +%s%N)
        # Let the process finish exiting before the next run, so runs do not overlap.
        local pid
        pid=$(tmux -L reader-bench list-panes -t run -F '#{pane_pid}' 2>/dev/null || true)
        tmux -L reader-bench kill-session -t run
        while [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; do sleep 0.01; done
        times+=("$(calc "($end - $start) / 1e6")")
    done
    median "${times[@]}"
}

# key=value lines of reader-bench.
field() { sed -n "s/^$1=//p" "$2"; }

ROWS=()
# row name, reader figure, peer figure, ratio, target, pass/fail
add() { ROWS+=("$1|$2|$3|$4|$5|$6"); }
verdict() { if python3 -c "import sys; sys.exit(0 if ($1) else 1)"; then echo pass; else echo FAIL; fi; }

echo "bench: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GB, $(uname -sr)" >&2
if [ "$BENCH_ROWS" = all ]; then
BIG_MB=$(megabytes "$BIG")

# 1. Full layout of 100 MB: time, throughput, peak memory vs w3m.
echo "bench: dump 100 MB…" >&2
reader_dump=$(hyper 3 "$READER --dump --width 80 $BIG")
w3m_dump=$(hyper 1 "w3m -dump -cols 80 $BIG")
reader_rss=$(peak "$READER" --dump --width 80 "$BIG")
w3m_rss=$(peak w3m -dump -cols 80 "$BIG")
ratio=$(calc "$w3m_dump / $reader_dump")
add "dump 100 MB --width 80 (s)" "$(printf %.2f "$reader_dump")" "w3m $(printf %.2f "$w3m_dump")" \
    "$(printf %.1f× "$ratio") faster" "≥ 10× faster" "$(verdict "$ratio >= 10")"
add "dump throughput (MB/s)" "$(printf %.0f "$(calc "$BIG_MB / $reader_dump")")" \
    "w3m $(printf %.0f "$(calc "$BIG_MB / $w3m_dump")")" "$(printf %.1f× "$ratio")" "—" "—"
add "dump peak memory (MB)" "$(printf %.0f "$reader_rss")" "w3m $(printf %.0f "$w3m_rss")" \
    "$(printf %.2f× "$(calc "$reader_rss / $BIG_MB")") file" "≤ 1.5× file ($(printf %.0f "$(calc "1.5 * $BIG_MB")"))" \
    "$(verdict "$reader_rss <= 1.5 * $BIG_MB")"

# 2. First screen of the 100 MB file in tmux vs less.
echo "bench: first screen in tmux…" >&2
reader_first=$(first_screen "$READER $BIG" "▸")
less_first=$(first_screen "less $BIG" "重庆计划3年内")
add "first screen 100 MB in tmux (ms)" "$(printf %.0f "$reader_first")" "less $(printf %.0f "$less_first")" \
    "$(printf %.2f× "$(calc "$reader_first / $less_first")")" "< less and < 150" \
    "$(verdict "$reader_first < $less_first and $reader_first < 150")"
# The first screen is a preview of the first articles; the whole file is read next.
reader_whole=$(first_screen "$READER $BIG" "$(grep -c '^## ' "$BIG") articles")
add "  whole 100 MB read, count shown (ms)" "$(printf %.0f "$reader_whole")" "—" "—" "—" "—"

# 3. Search all articles on 100 MB vs grep -F.
echo "bench: search…" >&2
"$BENCH" search "$BIG" "$QUERY" >"$TMP/search"
search_ms=$(field search_last_key_ms "$TMP/search")
grep_ms=$(calc "$(hyper "$RUNS" "grep -F -c $QUERY $BIG") * 1000")
add "search all 100 MB, /$QUERY (ms)" "$(printf %.0f "$search_ms")" "grep -F $(printf %.0f "$grep_ms")" \
    "$(printf %.1f× "$(calc "$search_ms / $grep_ms")")" "≤ 200" "$(verdict "$search_ms <= 200")"
# Typed right after opening: the keys do not wait, the hits come when the index is built.
after_open_ms=$(field search_after_open_ms "$TMP/search")
add "  same, typed right after opening (ms)" "$(printf %.0f "$after_open_ms")" "grep -F $(printf %.0f "$grep_ms")" \
    "$(printf %.1f× "$(calc "$after_open_ms / $grep_ms")")" "≤ 200" "$(verdict "$after_open_ms <= 200")"

# 4. Key replay on 100 MB: CPU per key and the worst single key.
echo "bench: key replay…" >&2
"$BENCH" keys "$BIG" 10000 >"$TMP/keys"
cpu_key=$(field cpu_ms_per_key "$TMP/keys")
max_key=$(field max_key_ms "$TMP/keys")
add "10,000 keys on 100 MB: CPU per key (ms)" "$(printf %.3f "$cpu_key")" "target 1" \
    "$(printf %.2f× "$cpu_key")" "≤ 1 ms" "$(verdict "$cpu_key <= 1")"
add "  slowest key, 100 MB (ms)" "$(printf %.1f "$max_key")" "target 100" \
    "$(printf %.2f× "$(calc "$max_key / 100")")" "≤ 100 ms" "$(verdict "$max_key <= 100")"

# 5. No quadratic behaviour: layout time per MB vs the normal corpus, and key stalls.
echo "bench: pathological corpora…" >&2
per_mb=$(calc "$reader_dump / $BIG_MB * 1000")
for file in "$PARAGRAPH" "$TINY"; do
    label=$(basename "$file" .txt)
    seconds=$(hyper 3 "$READER --dump --width 80 $file")
    file_per_mb=$(calc "$seconds / $(megabytes "$file") * 1000")
    ratio=$(calc "$file_per_mb / $per_mb")
    add "dump $label (ms per MB)" "$(printf %.1f "$file_per_mb")" "100 MB $(printf %.1f "$per_mb")" \
        "$(printf %.2f× "$ratio")" "≤ 2×" "$(verdict "$ratio <= 2")"
    "$BENCH" keys "$file" 2000 >"$TMP/keys"
    max_key=$(field max_key_ms "$TMP/keys")
    add "  slowest of 2,000 keys, $label (ms)" "$(printf %.1f "$max_key")" "target 100" \
        "$(printf %.2f× "$(calc "$max_key / 100")")" "≤ 100 ms" "$(verdict "$max_key <= 100")"
done

# 6. A year of a daily as an archive (a directory of 365 issues, 96 MB).
echo "bench: archive…" >&2
ARCHIVE=$DATA/archive-365
archive_first=$(first_screen "$READER $ARCHIVE" "▸")
add "archive 365 issues: first screen (ms)" "$(printf %.0f "$archive_first")" "—" "—" "< 150" \
    "$(verdict "$archive_first < 150")"
"$BENCH" archive "$ARCHIVE" "$QUERY" >"$TMP/archive"
archive_after_open=$(field archive_search_after_open_ms "$TMP/archive")
archive_typed=$(field archive_search_max_key_ms "$TMP/archive")
archive_ready=$(field archive_search_ready_max_key_ms "$TMP/archive")
add "  search typed right after opening: hits (ms)" "$(printf %.0f "$archive_after_open")" "—" "—" "—" "—"
add "  same: slowest key while indexing (ms)" "$(printf %.1f "$archive_typed")" "target 100" \
    "$(printf %.2f× "$(calc "$archive_typed / 100")")" "≤ 100 ms" "$(verdict "$archive_typed <= 100")"
add "  search with indexes built: slowest key (ms)" "$(printf %.1f "$archive_ready")" "target 100" \
    "$(printf %.2f× "$(calc "$archive_ready / 100")")" "≤ 100 ms" "$(verdict "$archive_ready <= 100")"
fi

if [ "$BENCH_ROWS" = all ] || [ "$BENCH_ROWS" = decade ]; then
# 7. Search a decade: `reader --search` over DECADE_YEARS years of a daily (20 pages a day,
# Scripts/make-decade-corpus.py) with its index, without it, and building it, vs grep -rcF
# (page cache warm: every command runs once before it is timed).
echo "bench: decade search ($DECADE_YEARS years)…" >&2
DECADE=$DATA/decade-$DECADE_YEARS
python3 Scripts/make-decade-corpus.py "$DECADE" "$DECADE_YEARS"
DECADE_MB=$(calc "$(du -sb "$DECADE" | cut -f1) / 1e6")
DECADE_FILES=$(find "$DECADE" -type f -name '*.txt' | wc -l)
CACHE=$TMP/cache
SEARCH="env XDG_CACHE_HOME=$CACHE $READER --no-config --search"
# Exit status 1 (no match) is not a failure here.
hyper_any() {
    local runs=$1; shift
    hyperfine --style none -i --runs "$runs" --warmup 1 --export-json "$TMP/h.json" "$@" >/dev/null 2>&1
    python3 -c "import json; print(json.load(open('$TMP/h.json'))['results'][0]['median'])"
}
# CPU milliseconds (user + system, mean) of the last hyper_any: steadier than the wall time
# on a shared machine.
cpu_ms() {
    python3 -c "import json; r = json.load(open('$TMP/h.json'))['results'][0]; print('%.0f' % ((r['user'] + r['system']) * 1000))"
}
label="${DECADE_YEARS} y, $(printf %.0f "$DECADE_MB") MB, $DECADE_FILES files"
grep_build=$(hyper_any "$RUNS" "grep -rcF 鲲鹏 $DECADE")
build=$(hyperfine --style none -i --runs 3 --prepare "rm -rf $CACHE" --export-json "$TMP/h.json" \
    "$SEARCH 鲲鹏 $DECADE" >/dev/null 2>&1; python3 -c "import json; print(json.load(open('$TMP/h.json'))['results'][0]['median'])")
add "index build + first search, $label (s)" "$(printf %.2f "$build")" "grep -rcF $(printf %.2f "$grep_build")" \
    "$(printf %.1f× "$(calc "$build / $grep_build")")" "≤ 3× grep" "$(verdict "$build <= 3 * $grep_build")"
index_mb=$(calc "$(du -sb "$CACHE/reader" | cut -f1) / 1e6")
add "  index size (MB)" "$(printf %.0f "$index_mb")" "corpus $(printf %.0f "$DECADE_MB")" \
    "$(printf %.2f× "$(calc "$index_mb / $DECADE_MB")")" "≤ 1× corpus" "$(verdict "$index_mb <= $DECADE_MB")"
for query in 鲲鹏 量子纠缠 Zephyrine 4711093 重庆; do
    indexed=$(hyper_any "$RUNS" "$SEARCH $query $DECADE")
    indexed_cpu=$(cpu_ms)
    grep_s=$(hyper_any "$RUNS" "grep -rcF $query $DECADE")
    grep_cpu=$(cpu_ms)
    ratio=$(calc "$grep_s / $indexed")
    if [ "$query" = 重庆 ]; then
        target="—"; result="—"; name="  common word, in every file"
    else
        target="≥ 20× faster"; result=$(verdict "$ratio >= 20"); name="search with index"
    fi
    add "$name: $query (ms; CPU ms)" "$(printf %.0f "$(calc "$indexed * 1000")"); $indexed_cpu" \
        "grep -rcF $(printf %.0f "$(calc "$grep_s * 1000")"); $grep_cpu" "$(printf %.1f× "$ratio") faster" "$target" "$result"
done
for query in 鲲鹏 量子纠缠 Zephyrine 4711093; do
    plain=$(hyper_any "$RUNS" "$SEARCH $query --no-index $DECADE")
    plain_cpu=$(cpu_ms)
    grep_s=$(hyper_any "$RUNS" "grep -rcF $query $DECADE")
    grep_cpu=$(cpu_ms)
    ratio=$(calc "$plain / $grep_s")
    add "search --no-index: $query (ms; CPU ms)" "$(printf %.0f "$(calc "$plain * 1000")"); $plain_cpu" \
        "grep -rcF $(printf %.0f "$(calc "$grep_s * 1000")"); $grep_cpu" "$(printf %.2f× "$ratio")" "≤ 1.5× grep" \
        "$(verdict "$ratio <= 1.5")"
done

# Opening the decade (issue #19): `reader DECADE` shows its issue list before any file is
# read (ARCHITECTURE.md, "Data flow", Input), then `/鲲鹏` typed as soon as it shows: until
# its first hit row (the index above is there: `/` reads only the files it cannot rule out).
OPEN_DECADE="env XDG_STATE_HOME=$TMP/state XDG_CACHE_HOME=$CACHE $READER --no-config $DECADE"
open_decade=$(first_screen "$OPEN_DECADE" "▸")
add "open the decade: issue list first screen (ms)" "$(printf %.0f "$open_decade")" "—" "—" "≤ 100" \
    "$(verdict "$open_decade <= 100")"
first_hits=()
for _ in $(seq "$RUNS"); do
    tmux -L reader-bench new-session -d -s run -x 80 -y 24 "$OPEN_DECADE"
    while ! tmux -L reader-bench capture-pane -p -t run 2>/dev/null | grep -q "▸"; do :; done
    start=$(date +%s%N)
    tmux -L reader-bench send-keys -t run / 鲲鹏
    while ! tmux -L reader-bench capture-pane -p -t run 2>/dev/null | grep -q " hits\? *$"; do :; done
    end=$(date +%s%N)
    first_hits+=("$(calc "($end - $start) / 1e6")")
    tmux -L reader-bench kill-session -t run
done
first_hits_ms=$(median "${first_hits[@]}")
add "  first hits of /鲲鹏 (ms)" "$(printf %.0f "$first_hits_ms")" "—" "—" "≤ 100" "$(verdict "$first_hits_ms <= 100")"

# 7. Fetching 200 feeds from a local server vs curl (Scripts/bench-feeds.sh).
echo "bench: fetch 200 feeds…" >&2
while IFS= read -r row; do ROWS+=("$row"); done < <(RUNS=$RUNS bash Scripts/bench-feeds.sh "$READER")
fi

# 8. Start-up: `reader --version` and `--list` of the seed against less and cat, and what
# `reader-store` (the same command with the feed store linked, which `reader` runs only
# for the feeds) would cost every start (ARCHITECTURE.md, "Start-up").
if [ "$BENCH_ROWS" = all ] || [ "$BENCH_ROWS" = startup ]; then
echo "bench: start-up…" >&2
SEED=seeds/000_87085fd43abf9c5f.txt
STARTUP_RUNS=$((RUNS * 20))
version=$(hyper "$STARTUP_RUNS" "$READER --version")
less_version=$(hyper "$STARTUP_RUNS" "less --version")
add "start-up: reader --version (ms)" "$(printf %.1f "$(calc "$version * 1000")")" \
    "less --version $(printf %.1f "$(calc "$less_version * 1000")")" \
    "$(printf %.2f× "$(calc "$version / $less_version")")" "—" "—"
list=$(hyper "$STARTUP_RUNS" "$READER --list $SEED")
cat_seed=$(hyper "$STARTUP_RUNS" "cat $SEED")
less_seed=$(hyper "$STARTUP_RUNS" "less $SEED")
add "start-up: reader --list seed (ms)" "$(printf %.1f "$(calc "$list * 1000")")" \
    "cat $(printf %.1f "$(calc "$cat_seed * 1000")"), less $(printf %.1f "$(calc "$less_seed * 1000")")" \
    "$(printf %.2f× "$(calc "$list / $cat_seed")") cat" "—" "—"
store_version=$(hyper "$STARTUP_RUNS" "$BIN/reader-store --version")
add "  reader-store --version (ms)" "$(printf %.1f "$(calc "$store_version * 1000")")" \
    "reader $(printf %.1f "$(calc "$version * 1000")")" \
    "$(printf %.2f× "$(calc "$store_version / $version")")" "reader < reader-store" \
    "$(verdict "$version < $store_version")"
fi

# 9. A feed store of STORE_FEEDS × STORE_ITEMS articles (Scripts/make-feed-store.py):
# `reader` with those subscriptions until the feed list is on screen (tmux, 80×24).
if [ "$BENCH_ROWS" = all ] || [ "$BENCH_ROWS" = store ]; then
STORE_FEEDS=${STORE_FEEDS:-100}
STORE_ITEMS=${STORE_ITEMS:-1000}
echo "bench: feed store of $((STORE_FEEDS * STORE_ITEMS)) articles…" >&2
STORE_HOME=$TMP/store-home
mkdir -p "$STORE_HOME/.config/reader"
: >"$STORE_HOME/.config/reader/feeds"
env HOME="$STORE_HOME" XDG_CONFIG_HOME= XDG_DATA_HOME= "$READER" --fetch >/dev/null
python3 Scripts/make-feed-store.py "$STORE_HOME" "$STORE_FEEDS" "$STORE_ITEMS"
store_mb=$(calc "$(du -sb "$STORE_HOME/.local/share/reader" | cut -f1) / 1e6")
store_first=$(first_screen "env HOME=$STORE_HOME XDG_CONFIG_HOME= XDG_DATA_HOME= XDG_STATE_HOME=$TMP/store-state $READER" "▸")
add "feed list of $((STORE_FEEDS * STORE_ITEMS)) articles, $(printf %.0f "$store_mb") MB store: first screen (ms)" \
    "$(printf %.0f "$store_first")" "—" "—" "≤ 150" "$(verdict "$store_first <= 150")"
# `R` on that list: from the key until the list is back with the fetch's summary (its
# feeds are on 127.0.0.1:9, so every fetch fails at once: what is left is the rebuild).
reload_times=()
for _ in $(seq "$RUNS"); do
    tmux -L reader-bench new-session -d -s run -x 80 -y 24 \
        "env HOME=$STORE_HOME XDG_CONFIG_HOME= XDG_DATA_HOME= XDG_STATE_HOME=$TMP/store-state $READER"
    while ! tmux -L reader-bench capture-pane -p -t run 2>/dev/null | grep -q -- "▸"; do :; done
    sleep 1
    start=$(date +%s%N)
    tmux -L reader-bench send-keys -t run R
    while ! tmux -L reader-bench capture-pane -p -t run 2>/dev/null | grep -q -- "feeds: "; do :; done
    end=$(date +%s%N)
    tmux -L reader-bench kill-session -t run
    reload_times+=("$(calc "($end - $start) / 1e6")")
done
store_reload=$(median "${reload_times[@]}")
# (No target: the fetch of the 100 feeds, about 200 ms of it, is part of `R`.)
add "  R on that list: the list back, its fetch included (ms)" "$(printf %.0f "$store_reload")" "—" "—" "—" "—"
fi

# 10. Bounded memory on huge inputs (a 1 GB issue, a 200 MB line, 10 × 280 MB), and
# first paint of the 100 MB file (Scripts/bench-memory.sh).
if [ "$BENCH_ROWS" = all ] || [ "$BENCH_ROWS" = memory ]; then
    echo "bench: huge inputs…" >&2
    while IFS= read -r row; do ROWS+=("$row"); done < <(RUNS=$RUNS bash Scripts/bench-memory.sh "$READER")
fi

echo
printf '%s\n' "${ROWS[@]}" | python3 -c '
import sys, unicodedata
def width(text):
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)
def cell(text, size, left=False):
    pad = " " * max(0, size - width(text))
    return text + pad if left else pad + text
rows = [["row", "Reader", "peer", "ratio", "target", "result"]]
rows += [line.rstrip("\n").split("|") for line in sys.stdin if line.strip()]
sizes = [max(width(row[i]) for row in rows) for i in range(6)]
for number, row in enumerate(rows):
    print("  ".join(cell(text, sizes[i], left=i == 0) for i, text in enumerate(row)))
    if number == 0:
        print("-" * (sum(sizes) + 10))
'

#!/usr/bin/env bash
# The bounded-memory rows of `make bench` (`make bench BENCH_ROWS=memory`; alone:
# `bash Scripts/bench-memory.sh READER`): huge inputs from Scripts/make-huge-corpus.py
# (bench-data/huge, about 4 GB: `rm -rf bench-data/huge` after measuring) — a 1 GB
# issue, a 200 MB paragraph on one line, an archive of 10 × 280 MB — and the 100 MB file
# of Scripts/make-corpus.py for first paint. Reader against less (interactive) and wc
# (`--dump`). Peak memory is /usr/bin/time's maximum resident set; key times are from
# tmux send-keys until the pane changes (medians of RUNS). Prints one row a line:
# name|reader|peer|ratio|target|result. MEMORY_ROWS=dump runs only the `--dump` rows
# (section 4: no tmux, no 100 MB corpus); MEMORY_ROWS=paint only the first paint (section 5).
set -euo pipefail
cd "$(dirname "$0")/.."
READER=${1:?usage: bench-memory.sh READER}
RUNS=${RUNS:-5}
DATA=${HUGE_DATA:-bench-data/huge}
MEMORY_ROWS=${MEMORY_ROWS:-all}
TMP=$(mktemp -d)
TMUX_SOCKET=reader-bench-memory
trap 'tmux -L $TMUX_SOCKET kill-server 2>/dev/null || true; rm -rf "$TMP"' EXIT
export LANG=C.UTF-8 LC_ALL=C.UTF-8

[ "$MEMORY_ROWS" = paint ] || python3 Scripts/make-huge-corpus.py "$DATA" >&2
[ "$MEMORY_ROWS" = dump ] || [ -f bench-data/seed-100mb.txt ] || python3 Scripts/make-corpus.py bench-data >&2
ISSUE=$DATA/issue-1000mb.txt
LINE=$DATA/one-line-200mb.txt
ARCHIVE=$DATA/archive-10x280
BIG=bench-data/seed-100mb.txt

calc() { python3 -c "print($1)"; }
median() { python3 -c "import statistics,sys; print(statistics.median(float(x) for x in sys.argv[1:]))" "$@"; }
megabytes() { calc "$(du -sb "$1" | cut -f1) / 1e6"; }
verdict() { if python3 -c "import sys; sys.exit(0 if ($1) else 1)"; then echo pass; else echo FAIL; fi; }
now() { date +%s%N; }
pane() { tmux -L $TMUX_SOCKET capture-pane -p -t run 2>/dev/null; }
# Waits until the pane shows `$1` (a grep pattern); gives up after 120 s.
wait_for() {
    local deadline=$(($(now) + 120000000000))
    while ! pane | grep -q -- "$1"; do [ "$(now)" -lt $deadline ] || return 1; done
}
# Waits until the pane differs from `$1`.
wait_change() {
    local deadline=$(($(now) + 120000000000))
    while [ "$(pane)" = "$1" ]; do [ "$(now)" -lt $deadline ] || return 1; done
}
# Starts `$@` in an 80×24 pane under /usr/bin/time (peak memory to $TMP/rss).
start() {
    tmux -L $TMUX_SOCKET -f /dev/null new-session -d -s idle -x 80 -y 24 2>/dev/null || true
    rm -f "$TMP/rss"
    tmux -L $TMUX_SOCKET new-session -d -s run -x 80 -y 24 "/usr/bin/time -f %M -o $TMP/rss $*"
}
# Sends `q` until the program ends (an open article goes back to its list first);
# prints its peak memory in MB.
finish() {
    # The session ends with its program (after /usr/bin/time wrote the figure).
    while tmux -L $TMUX_SOCKET has-session -t =run 2>/dev/null; do
        tmux -L $TMUX_SOCKET send-keys -t run q 2>/dev/null || true
        sleep 0.2
    done
    for _ in $(seq 50); do [ -s "$TMP/rss" ] && break; sleep 0.1; done
    calc "$(cat "$TMP/rss") / 1024"
}
# Milliseconds from sending key `$1` until the pane changes.
key_ms() {
    local before start
    before=$(pane)
    start=$(now)
    tmux -L $TMUX_SOCKET send-keys -t run "$1"
    wait_change "$before" || true
    calc "($(now) - $start) / 1e6"
}
# Milliseconds from starting `$1` until the pane shows `$2` (median of RUNS; the
# program is ended with q each time).
first_screen() {
    local times=() began
    for _ in $(seq "$RUNS"); do
        began=$(now)
        start "$1"
        wait_for "$2" || { echo "bench-memory: '$2' never showed for $1" >&2; pane >&2; }
        times+=("$(calc "($(now) - $began) / 1e6")")
        finish >/dev/null
    done
    median "${times[@]}"
}
row() { echo "$1|$2|$3|$4|$5|$6"; }

if [ "$MEMORY_ROWS" = all ]; then
# 1. A 1 GB issue read interactively: open, wait until the whole file is read (the status
# bar counts its articles), search the list for a word, open the last article; peak memory.
ISSUE_MB=$(megabytes "$ISSUE")
ARTICLES=$(grep -c '^## ' "$ISSUE")
start "$READER --no-config --no-state $ISSUE"
wait_for "$ARTICLES articles"
tmux -L $TMUX_SOCKET send-keys -t run / 重庆 Enter
wait_for "hit"
tmux -L $TMUX_SOCKET send-keys -t run Escape G Enter
sleep 1
reader_rss=$(finish)
start "less $ISSUE"
wait_for "重庆"
tmux -L $TMUX_SOCKET send-keys -t run G
sleep 1
less_rss=$(finish)
row "1 GB issue: search, last article: peak memory (MB)" "$(printf %.0f "$reader_rss")" "less G $(printf %.0f "$less_rss")" \
    "$(printf %.2f× "$(calc "$reader_rss / $ISSUE_MB")") file" "≤ 1.2× file" "$(verdict "$reader_rss <= 1.2 * $ISSUE_MB")"

# 2. A 200 MB paragraph on one line: open it, then each key's time; peak memory.
LINE_MB=$(megabytes "$LINE")
start "$READER --no-config --no-state $LINE"
wait_for "▸"
open_ms=$(key_ms Enter)
# Line and page moves in the paragraph (laid out around the top: ARCHITECTURE.md, "Huge
# paragraphs"), the slowest of each key's presses.
move_ms=0
for key in j j Space Space b k; do move_ms=$(python3 -c "print(max($move_ms, $(key_ms "$key")))"); done
end_ms=$(key_ms G)
up_ms=$(key_ms PageUp)
top_ms=$(key_ms g)
search_ms=$(key_ms /)
for key in 重 庆; do search_ms=$(python3 -c "print(max($search_ms, $(key_ms "$key")))"); done
tmux -L $TMUX_SOCKET send-keys -t run Enter
sleep 0.5
# n and N: the next match, found beyond the laid-out text from the current one.
next_ms=0
for key in n n N; do next_ms=$(python3 -c "print(max($next_ms, $(key_ms "$key")))"); done
slowest=$(python3 -c "print(max($open_ms, $move_ms, $end_ms, $up_ms, $top_ms, $search_ms, $next_ms))")
tmux -L $TMUX_SOCKET send-keys -t run Escape
line_rss=$(finish)
# less's G on one 200 MB line takes minutes (it counts the line's screen rows back from
# the end): its first screen is the peer.
less_first=$(first_screen "less $LINE" "重庆")
start "less $LINE"
wait_for "重庆"
less_line_rss=$(finish)
row "200 MB one line: slowest key (ms)" "$(printf %.0f "$slowest")" "less first screen $(printf %.0f "$less_first")" \
    "$(printf %.2f×  "$(calc "$slowest / 100")") target" "≤ 100 ms" "$(verdict "$slowest <= 100")"
row "  open $(printf %.0f "$open_ms"), j/Space/b/k $(printf %.0f "$move_ms"), G $(printf %.0f "$end_ms"), PageUp $(printf %.0f "$up_ms"), g $(printf %.0f "$top_ms"), search key $(printf %.0f "$search_ms"), n/N $(printf %.0f "$next_ms") (ms)" "—" "—" "—" "—" "—"
row "  peak memory (MB)" "$(printf %.0f "$line_rss")" "less $(printf %.0f "$less_line_rss")" \
    "$(printf %.2f× "$(calc "$line_rss / $LINE_MB")") file" "≤ 1.5× file" "$(verdict "$line_rss <= 1.5 * $LINE_MB")"

# 3. An archive of 10 × 280 MB: the issue list's first screen, vs less's first screen of
# one of its files.
archive_ms=$(first_screen "$READER --no-config --no-state $ARCHIVE" "▸")
less_ms=$(first_screen "less $ARCHIVE/issue-01.txt" "重庆")
row "archive 10 × 280 MB: issue list shown (ms)" "$(printf %.0f "$archive_ms")" "less 1 file $(printf %.0f "$less_ms")" \
    "$(printf %.2f× "$(calc "$archive_ms / $less_ms")")" "≤ 100 ms" "$(verdict "$archive_ms <= 100")"
fi

# 4. --dump of each streams: peak memory beyond what the dump of the 17 KB seed takes (the
# program, its libraries and output buffer), vs wc -l reading the file.
if [ "$MEMORY_ROWS" != paint ]; then
dump_peak() {
    /usr/bin/time -f %M -o "$TMP/rss" "$READER" --no-config --dump --width 80 "$1" >/dev/null
    calc "$(cat "$TMP/rss") / 1024"
}
baseline=$(dump_peak seeds/000_87085fd43abf9c5f.txt)
for file in "$ISSUE" "$LINE" "$ARCHIVE/issue-01.txt"; do
    dump_rss=$(calc "$(dump_peak "$file") - $baseline")
    /usr/bin/time -f %M -o "$TMP/rss" wc -l "$file" >/dev/null
    wc_rss=$(calc "$(cat "$TMP/rss") / 1024")
    row "--dump $(basename "$file"): peak beyond the seed's $(printf %.0f "$baseline") (MB)" "$(printf %.0f "$dump_rss")" \
        "wc -l $(printf %.0f "$wc_rss")" "$(printf %.1f× "$(calc "$dump_rss / $wc_rss")")" "≤ 64 MB" \
        "$(verdict "$dump_rss <= 64")"
done
fi

[ "$MEMORY_ROWS" = all ] || [ "$MEMORY_ROWS" = paint ] || exit 0
# 5. First paint of the 100 MB file stays within a frame: from the fork until the first
# screen's marker is written to a pseudo-terminal that answers the start-up probe at once,
# as a terminal does (Scripts/first-paint.py; the program's own time), against less the same
# way; then the same in tmux, whose own start is in that figure (less's too).
paint_ms=$(python3 Scripts/first-paint.py "$((RUNS * 3))" "▸" $READER --no-config --no-state "$BIG")
less_paint=$(python3 Scripts/first-paint.py "$((RUNS * 3))" "重庆计划3年内" less "$BIG")
row "first paint 100 MB, pty answering as a terminal (ms)" "$(printf %.1f "$paint_ms")" \
    "less $(printf %.1f "$less_paint")" "$(printf %.2f× "$(calc "$paint_ms / $less_paint")")" "≤ 16 ms" \
    "$(verdict "$paint_ms <= 16")"
tmux_paint=$(first_screen "$READER --no-config --no-state $BIG" "▸")
tmux_less=$(first_screen "less $BIG" "重庆计划3年内")
row "  same in tmux, tmux's start included (ms)" "$(printf %.0f "$tmux_paint")" "less $(printf %.0f "$tmux_less")" \
    "$(printf %.2f× "$(calc "$tmux_paint / $tmux_less")")" "—" "—"

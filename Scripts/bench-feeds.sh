#!/usr/bin/env bash
# The feeds row of `make bench` (Scripts/bench.sh runs it; `bash Scripts/bench-feeds.sh
# READER` runs it alone): `reader --fetch` of 200 subscribed feeds from the test server
# (Tests/FeedServer/feed_server.py, 127.0.0.1) into a new store, against curl fetching
# the same 200 URLs to /dev/null, 8 at a time both (Reader's bound). Medians of RUNS runs
# (hyperfine). Prints one row: name|reader|peer|ratio|target|result.
set -euo pipefail
cd "$(dirname "$0")/.."
READER=${1:?usage: bench-feeds.sh READER}
RUNS=${RUNS:-5}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

python3 Tests/FeedServer/feed_server.py --watch-pid $$ >"$TMP/port" &
for _ in $(seq 100); do [ -s "$TMP/port" ] && break; sleep 0.05; done
PORT=$(head -1 "$TMP/port")
HOME_DIR=$TMP/home
mkdir -p "$HOME_DIR/.config/reader"
for i in $(seq 200); do
    echo "http://127.0.0.1:$PORT/bench/$i.rss"
    printf 'url = "http://127.0.0.1:%s/bench/%s.rss"\noutput = "/dev/null"\n' "$PORT" "$i" >>"$TMP/curl.cfg"
done >"$HOME_DIR/.config/reader/feeds"

median_of() {
    hyperfine --style none --runs "$RUNS" --warmup 1 ${2:+--prepare "$2"} --export-json "$TMP/h.json" "$1" >/dev/null 2>&1
    python3 -c "import json; print(json.load(open('$TMP/h.json'))['results'][0]['median'])"
}
# A new store each run: every feed fetched whole, converted and stored (no 304s).
reader_s=$(median_of "env HOME=$HOME_DIR XDG_CONFIG_HOME= XDG_DATA_HOME= $READER --fetch" "rm -rf $HOME_DIR/.local")
curl_s=$(median_of "curl -s --compressed --parallel --parallel-max 8 -K $TMP/curl.cfg")
# The same again with the store kept: every feed a 304.
reader_304_s=$(median_of "env HOME=$HOME_DIR XDG_CONFIG_HOME= XDG_DATA_HOME= $READER --fetch")
python3 - "$reader_s" "$curl_s" "$reader_304_s" <<'PY'
import sys
reader, curl, again = (float(x) for x in sys.argv[1:])
ratio = reader / curl
print("fetch 200 feeds, 8 at once (s)|%.2f|curl %.2f|%.2f×|≤ 2× curl|%s" % (reader, curl, ratio, "pass" if ratio <= 2 else "FAIL"))
print("  same again, all 304 (s)|%.2f|curl %.2f|%.2f×|—|—" % (again, curl, again / curl))
PY

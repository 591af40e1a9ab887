#!/usr/bin/env bash
# Runs the libFuzzer targets that `make fuzz` builds (Fuzz/Targets), SECONDS each on
# average (the slow ones longer, see `settings`), JOBS at a time, each from its seed
# corpus (Fuzz/corpus/KIND) with its dictionary (Fuzz/dict/KIND.dict); new inputs go to
# .build/fuzz/corpus-TARGET, whatever is found (crash, leak, timeout, out of memory) to
# .build/fuzz/TARGET-KIND-*. Prints one line per target as it ends and the summary
# (seconds, executions, execs/s, coverage, corpus, findings) at the end, which also goes
# to .build/fuzz/summary.txt; fails when any target found anything. ARCHITECTURE.md,
# "Fuzzing", describes the targets and these settings.
#
#     Scripts/fuzz.sh SECONDS JOBS TARGET...
set -u
if [ $# -lt 3 ]; then
    echo "usage: Scripts/fuzz.sh SECONDS JOBS TARGET..." >&2
    exit 64
fi
seconds=$1
jobs=$2
shift 2
dir=.build/fuzz
summary=$dir/summary.txt
export seconds dir
export LSAN_OPTIONS="suppressions=$PWD/Scripts/lsan-suppressions.txt"
# One frame of allocation stack per heap block instead of 30: what is checked is the
# same, recording the stacks cost the keys target a sixth of its time. To see where a
# block of a finding was allocated, run its input again with ASAN_OPTIONS= (below).
export ASAN_OPTIONS=${ASAN_OPTIONS-malloc_context_size=1}
export SWIFT_BACKTRACE=enable=no
mkdir -p "$dir"
rm -f "$dir"/*.result

# A target's settings: its seed corpus kind, the longest input it is given, and its share
# of the run in hundredths of SECONDS. The shares follow each target's executions a second
# (ARCHITECTURE.md, "Fuzzing") and add up to 600 for the six: keys, the slowest, runs
# three times SECONDS while state runs a fifth of it, and longest first on two jobs the
# six take three times SECONDS in all.
settings() {
    case $1 in
        keys) echo "document 512 300" ;;
        layout) echo "document 1024 120" ;;
        config) echo "config 2048 70" ;;
        search) echo "document 1024 50" ;;
        parse) echo "document 1024 40" ;;
        state) echo "state 512 20" ;;
        *) return 1 ;;
    esac
}
export -f settings

run_target() {
    local target=$1 kind max share
    if ! read -r kind max share < <(settings "$target"); then
        echo "fuzz $target: unknown target" | tee "$dir/$target.result"
        return 1
    fi
    local time=$((seconds * share / 100 > 0 ? seconds * share / 100 : 1))
    local log=$dir/$target.log corpus=$dir/corpus-$target
    mkdir -p "$corpus"
    local marker
    marker=$(mktemp "$dir/.start-$target.XXXXXX")
    # -detect_leaks=0: no leak check after each input (each is a scan of the whole heap,
    # and the Swift runtime's lazily filled caches set one off for nearly every input);
    # LeakSanitizer still checks at exit. -timeout: an input that runs 20 s is a hang.
    # -reload=0: no one else writes to the corpus, so it is not listed again every second.
    "$dir/fuzz-$target" -max_total_time="$time" -max_len="$max" -timeout=20 -dict="Fuzz/dict/$kind.dict" \
        -detect_leaks=0 -reload=0 -print_final_stats=1 -artifact_prefix="$dir/$target-" \
        "$corpus" "Fuzz/corpus/$kind" >"$log" 2>&1
    local status=$?
    local executions rate done_line coverage features files bytes found
    executions=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | head -1)
    rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | head -1)
    # The last status line: "#N DONE cov: C ft: F corp: U/SIZE ...".
    done_line=$(grep -E '^#[0-9]+' "$log" | tail -1)
    coverage=$(grep -o 'cov: [0-9]*' <<<"$done_line" | cut -d' ' -f2)
    features=$(grep -o 'ft: [0-9]*' <<<"$done_line" | cut -d' ' -f2)
    files=$(find "$corpus" -type f | wc -l)
    bytes=$(find "$corpus" -type f -printf '%s\n' | awk '{ total += $1 } END { print total + 0 }')
    found=$(find "$dir" -maxdepth 1 -name "$target-*" -newer "$marker" | sort | tr '\n' ' ' | sed 's/ $//')
    rm -f "$marker"
    if [ "$status" -ne 0 ] && [ -z "$found" ]; then found="exit status $status, see $log"; fi
    printf 'fuzz %-6s %5s s %9s executions %6s execs/s  cov %5s ft %6s  corpus %5s files %8s bytes  found: %s\n' \
        "$target" "$time" "${executions:-?}" "${rate:-?}" "${coverage:-?}" "${features:-?}" "$files" "$bytes" \
        "${found:-nothing}" | tee "$dir/$target.result"
    if [ -n "$found" ]; then
        grep -E "ERROR|Fatal error|SUMMARY|Test unit written|^ +#[0-9]+ " "$log" | head -30
        echo "fuzz $target: run it again with: ASAN_OPTIONS= $dir/fuzz-$target ${found%% *}"
        return 1
    fi
}
export -f run_target

start=$(date +%s)
# Longest first, so that the short ones fill in beside the long ones.
for target in "$@"; do
    read -r _ _ share < <(settings "$target") || share=0
    echo "$share $target"
done | sort -rn | cut -d' ' -f2 | xargs -P "$jobs" -I{} bash -c 'run_target {}'
status=$?
{
    echo "fuzz summary: $# targets, ${seconds} s each on average, $jobs at a time, $(($(date +%s) - start)) s in all ($(date -u '+%Y-%m-%d %H:%M UTC'))"
    for target in "$@"; do
        cat "$dir/$target.result" 2>/dev/null || echo "fuzz $target: no result"
    done
    if [ "$status" -eq 0 ]; then echo "fuzz: nothing found"; else echo "fuzz: FAILED: a target found something or did not run (see above)"; fi
} >"$summary"
echo
cat "$summary"
exit $((status == 0 ? 0 : 1))

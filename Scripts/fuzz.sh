#!/usr/bin/env bash
# Runs the libFuzzer targets that `make fuzz` builds (Fuzz/Targets), each for SECONDS,
# JOBS at a time, from its seed corpus (Fuzz/corpus/KIND) with its dictionary
# (Fuzz/dict/KIND.dict); new inputs go to .build/fuzz/corpus-TARGET, crashes to
# .build/fuzz/TARGET-crash-*. Prints one line per target (executions, execs/s, coverage,
# corpus) and fails when any target found a crash.
#
#     Scripts/fuzz.sh SECONDS JOBS TARGET...
set -u
seconds=$1
jobs=$2
shift 2
dir=.build/fuzz
export seconds dir
export LSAN_OPTIONS="suppressions=$PWD/Scripts/lsan-suppressions.txt"
export SWIFT_BACKTRACE=enable=no

run_target() {
    local target=$1 kind max
    case $target in
        parse|layout|search|keys) kind=document; max=1024 ;;
        state) kind=state; max=512 ;;
        config) kind=config; max=2048 ;;
        *) echo "fuzz: unknown target $target" >&2; return 1 ;;
    esac
    mkdir -p "$dir/corpus-$target"
    # -detect_leaks=0: no leak check after each input (each is a scan of the whole heap,
    # and the Swift runtime's lazily filled caches set one off for nearly every input);
    # LeakSanitizer still checks at exit.
    "$dir/fuzz-$target" -max_total_time="$seconds" -max_len="$max" -dict="Fuzz/dict/$kind.dict" \
        -detect_leaks=0 -print_final_stats=1 -artifact_prefix="$dir/$target-" \
        "$dir/corpus-$target" "Fuzz/corpus/$kind" >"$dir/$target.log" 2>&1
    local status=$?
    local executions rate coverage corpus
    executions=$(sed -n 's/^stat::number_of_executed_units: *//p' "$dir/$target.log")
    rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$dir/$target.log")
    coverage=$(grep -o 'cov: [0-9]*' "$dir/$target.log" | tail -1)
    corpus=$(grep -o 'corp: [0-9]*/[0-9]*[a-zA-Z]*' "$dir/$target.log" | tail -1)
    if [ "$status" -ne 0 ]; then
        echo "fuzz $target: FAILED (status $status); $dir/$target.log:"
        grep -E "ERROR|Fatal|SUMMARY|Test unit written|^ +#[0-9]+ " "$dir/$target.log" | head -30
        return 1
    fi
    echo "fuzz $target: ${executions:-?} executions, ${rate:-?} execs/s, ${coverage:-cov: ?}, ${corpus:-corp: ?}"
}
export -f run_target

printf '%s\n' "$@" | xargs -P "$jobs" -I{} bash -c 'run_target {}'

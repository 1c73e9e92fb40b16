#!/bin/sh
# Fuzzes the service clients' decoders with libFuzzer (docs/fuzzing.md); `make fuzz` runs it.
#
#   scripts/fuzz-decoders.sh BINARY SECONDS SERVICE...
#
# For each service (stocksy, adobe, stockflow) it runs BINARY, the WireFuzz target built with
# `--sanitize fuzzer --sanitize address -Xswiftc -DFUZZING`, for SECONDS, seeded from the
# committed corpus Tests/FuzzCorpus/<service> and, for adobe, from $ADOBE_RECORDINGS (Adobe's own
# recordings, ../shared/adobe_fixtures by default) when that folder exists. New inputs go to a
# scratch folder under .build-fuzz/runs, never into the committed corpus; crashes, leaks and
# timeouts leave their input there as crash-*, leak-* or timeout-*. Exits non-zero when any run
# found one (or failed to run). Extra libFuzzer flags: $FUZZ_FLAGS.
set -u

if [ $# -lt 3 ]; then
    echo "usage: $0 BINARY SECONDS SERVICE..." >&2
    exit 2
fi
binary=$1
seconds=$2
shift 2
recordings=${ADOBE_RECORDINGS:-../shared/adobe_fixtures}
run=.build-fuzz/runs/$(date +%Y%m%d-%H%M%S)
mkdir -p "$run"
# Swift's backtracer would catch the crash before libFuzzer does, and can hang doing it.
export SWIFT_BACKTRACE=enable=no

failed=0
summary="$run/summary.txt"
printf '%-10s %10s %8s %8s %8s %8s %s\n' service runs seconds exec/s cov ft outcome > "$summary"
for service in "$@"; do
    work="$run/$service"
    mkdir -p "$work/new" "$work/artifacts"
    seeds="Tests/FuzzCorpus/$service"
    if [ "$service" = adobe ] && [ -d "$recordings" ]; then
        seeds="$seeds $recordings"
        echo "adobe: also seeded from $recordings (not committed)"
    fi
    echo "fuzzing $service for $seconds s (log: $work/fuzz.log)"
    # The first folder receives new inputs; the others are only read.
    # shellcheck disable=SC2086
    WIREFUZZ_SERVICE=$service nice -n 19 "$binary" "$work/new" $seeds \
        -dict=Tests/FuzzCorpus/json.dict -max_total_time="$seconds" -max_len=65536 -timeout=5 \
        -rss_limit_mb=2048 -detect_leaks=1 -print_final_stats=1 -artifact_prefix="$work/artifacts/" \
        ${FUZZ_FLAGS:-} > "$work/fuzz.log" 2>&1
    status=$?
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$work/fuzz.log" | tail -1)
    speed=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$work/fuzz.log" | tail -1)
    last=$(grep -E '^#[0-9]+' "$work/fuzz.log" | tail -1)
    cov=$(echo "$last" | sed -n 's/.*cov: \([0-9]*\).*/\1/p')
    ft=$(echo "$last" | sed -n 's/.*ft: \([0-9]*\).*/\1/p')
    found=$(ls "$work/artifacts" 2>/dev/null | tr '\n' ' ')
    if [ $status -eq 0 ] && [ -z "$found" ]; then
        outcome=ok
    else
        outcome="FAILED (exit $status) $found"
        failed=1
        grep -E 'ERROR|Fatal error|SUMMARY|timeout|leak' "$work/fuzz.log" | head -5
    fi
    printf '%-10s %10s %8s %8s %8s %8s %s\n' "$service" "${runs:-?}" "$seconds" "${speed:-?}" "${cov:-?}" "${ft:-?}" "$outcome" >> "$summary"
done
cat "$summary"
if [ $failed -ne 0 ]; then
    echo "fuzzing found a crash, leak or timeout: inputs in $run/*/artifacts; reproduce with WIREFUZZ_SERVICE=<service> $binary <input>" >&2
    exit 1
fi

#!/usr/bin/env bash
# Builds the libFuzzer targets and runs them. Linux only (Swift's -sanitize=fuzzer). See Fuzz/README.md.
#
#   Fuzz/run.sh TARGET SECONDS     one target for SECONDS
#   Fuzz/run.sh all SECONDS        every target in turn (PARALLEL=2: two at a time)
#   Fuzz/run.sh regress            every input under Fuzz/Regressions/<target>/, once (exit 1 if one crashes)
#   Fuzz/run.sh list               the targets
#
# TARGET: content-loader, gift, aiken, moodle-xml, csv, submission.
# Environment: SKIP_BUILD=1 (reuse the last build), PARALLEL=N (for `all`), FUZZ_ARGS="..." (more libFuzzer flags).
# Seeds: Fuzz/Corpus/<target>/ (committed) plus the shipped content and test fixtures, read in place.
# What libFuzzer finds goes to Fuzz/.work/corpus/<target>/ (not committed); crashes to Fuzz/Crashes/<target>/.
# Exit status: 1 if a target crashed (or timed out / ran out of memory on an input).
set -uo pipefail
fuzz="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$fuzz")"
cd "$root"
command -v swift >/dev/null 2>&1 || export PATH="/opt/swift/usr/bin:$PATH"

targets=(content-loader gift aiken moodle-xml csv submission)
scratch="$root/.build-fuzz"
bin="$scratch/release"

executable() {
    case "$1" in
        content-loader) echo ContentLoaderFuzzer ;;
        gift) echo GIFTFuzzer ;;
        aiken) echo AikenFuzzer ;;
        moodle-xml) echo MoodleXMLFuzzer ;;
        csv) echo CSVFuzzer ;;
        submission) echo SubmissionFuzzer ;;
        *) echo "unknown target '$1'; one of: ${targets[*]}" >&2; return 1 ;;
    esac
}

# Seed folders read (never written) besides the committed corpus.
seeds() {
    case "$1" in
        content-loader) echo Curricula Assessments Tests/AtelierContentTests/Fixtures ;;
        gift | aiken) echo Tests/GIFTFormatTests/Fixtures ;;
        moodle-xml) echo Tests/MoodleXMLTests/Fixtures ;;
        *) echo "" ;;
    esac
}

# Largest input tried: above the largest seed for the loader (87 KB module files); small elsewhere.
max_len() {
    case "$1" in
        content-loader) echo 131072 ;;
        submission | moodle-xml) echo 65536 ;;
        *) echo 16384 ;;
    esac
}

build() {
    [ "${SKIP_BUILD:-0}" = 1 ] && return 0
    echo "== build (release, -sanitize=fuzzer,address)"
    swift build -c release --package-path Fuzz --scratch-path "$scratch" -Xswiftc -sanitize=fuzzer,address 2>&1 \
        | grep -vE "^\[|Cannot export local symbol '__asan_extra_spill_area'" || true
    for target in "${targets[@]}"; do
        [ -x "$bin/$(executable "$target")" ] || { echo "build failed: no $bin/$(executable "$target")" >&2; exit 2; }
    done
}

# Swift's runtime keeps live references in pointer spare bits that LeakSanitizer cannot see, so it reports
# one-time globals (the registry, schemas) as leaks: leak detection is off; ASan's other checks stay on.
# Swift's own backtracer is off too (SWIFT_BACKTRACE=enable=no): it reads freed memory while symbolicating,
# which ASan reports instead of the real trap; libFuzzer's handler prints the trap's stack instead.
libfuzzer_flags=(-detect_leaks=0 -rss_limit_mb=4096 -timeout=20 -print_final_stats=1)

run() {
    local target="$1" seconds="$2"
    local exe work crashes log
    exe="$(executable "$target")" || exit 2
    work="$fuzz/.work/corpus/$target"
    crashes="$fuzz/Crashes/$target"
    log="$fuzz/.work/logs/$target.log"
    mkdir -p "$work" "$crashes" "$(dirname "$log")" "$fuzz/Corpus/$target"
    echo "== $target: $seconds s (log: ${log#$root/})"
    # shellcheck disable=SC2046
    ATELIER_ROOT="$root" SWIFT_BACKTRACE=enable=no ASAN_OPTIONS="detect_leaks=0:allocator_may_return_null=1" "$bin/$exe" \
        "${libfuzzer_flags[@]}" -max_total_time="$seconds" -max_len="$(max_len "$target")" \
        -artifact_prefix="$crashes/" ${FUZZ_ARGS:-} \
        "$work" "$fuzz/Corpus/$target" $(seeds "$target") >"$log" 2>&1
    local status=$?
    summary "$target" "$log" "$crashes" "$status"
    return $status
}

summary() {
    local target="$1" log="$2" crashes="$3" status="$4"
    local execs rate final last found
    execs="$(grep -oE 'stat::number_of_executed_units: *[0-9]+' "$log" | awk '{print $2}')"
    rate="$(grep -oE 'stat::average_exec_per_sec: *[0-9]+' "$log" | awk '{print $2}')"
    final="$(grep -E '^#[0-9]+' "$log" | tail -n 1)"
    last="$(echo "$final" | grep -oE 'cov: [0-9]+ ft: [0-9]+ corp: [0-9]+(/[0-9]+[a-zA-Z]*)?')"
    # -fork mode prints no final stats: its last status line has the totals.
    [ -n "$execs" ] || execs="$(echo "$final" | grep -oE '^#[0-9]+' | tr -d '#')"
    [ -n "$rate" ] || rate="$(echo "$final" | grep -oE 'exec/s: [0-9]+' | awk '{print $2}')"
    echo "$final" | grep -q 'oom/timeout/crash' && last="$last $(echo "$final" | grep -oE 'oom/timeout/crash: [0-9/]+')"
    found="$(find "$crashes" -type f 2>/dev/null | wc -l)"
    printf '%-15s exit %s  execs %s  exec/s %s  %s  crash files %s\n' "$target" "$status" "${execs:-?}" "${rate:-?}" "${last:-?}" "$found"
    if [ "$status" != 0 ]; then
        grep -E "ERROR: |SUMMARY|Test unit written|Fatal error|panic" "$log" | head -n 8
    fi
}

regress() {
    local failed=0 target exe files
    for target in "${targets[@]}"; do
        files=("$fuzz/Regressions/$target"/*)
        [ -e "${files[0]}" ] || continue
        exe="$(executable "$target")"
        echo "== regress $target (${#files[@]} inputs)"
        ATELIER_ROOT="$root" SWIFT_BACKTRACE=enable=no ASAN_OPTIONS="detect_leaks=0" "$bin/$exe" "${libfuzzer_flags[@]}" -runs=1 "${files[@]}" \
            >"$fuzz/.work/logs/regress-$target.log" 2>&1 || { failed=1; tail -n 30 "$fuzz/.work/logs/regress-$target.log"; }
    done
    return $failed
}

case "${1:-}" in
    list) printf '%s\n' "${targets[@]}" ;;
    regress) mkdir -p "$fuzz/.work/logs"; build; regress ;;
    all)
        seconds="${2:?usage: run.sh all SECONDS}"
        build
        failed=0
        parallel="${PARALLEL:-1}"
        pids=()
        for target in "${targets[@]}"; do
            run "$target" "$seconds" &
            pids+=($!)
            if [ "${#pids[@]}" -ge "$parallel" ]; then
                wait "${pids[0]}" || failed=1
                pids=("${pids[@]:1}")
            fi
        done
        for pid in "${pids[@]}"; do wait "$pid" || failed=1; done
        exit $failed
        ;;
    "" | -h | --help) sed -n '2,14p' "$0" ;;
    *)
        executable "$1" >/dev/null || exit 2
        seconds="${2:?usage: run.sh TARGET SECONDS}"
        build
        run "$1" "$seconds"
        ;;
esac

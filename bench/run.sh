#!/usr/bin/env bash
# Measures the commands a trainer waits for, on a release build: wall time (hyperfine, if installed; else
# the mean of repeated runs) and peak memory (/usr/bin/time). Usage: bash bench/run.sh
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product atelier 2>&1 | tail -n 1
atelier="$PWD/.build/release/atelier"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export ATELIER_CONTENT="$PWD"

# Inputs: a demo database, a 10 000-row participant sheet, a session to import it into.
"$atelier" demo --db "$work/demo.sqlite" > /dev/null
"$atelier" assessment key definitions.pre > "$work/key.json"
python3 - "$work/participants.csv" <<'PY'
import sys
with open(sys.argv[1], "w") as f:
    f.write("code,name,sex,age_band,organization,organization_type,role,nationality,language\n")
    for i in range(10000):
        f.write(f",Participant {i},{'female' if i % 3 else 'male'},25-34,Association {i % 50},civil-society,member,MR,fr\n")
PY

run() {
    local name="$1"; shift
    local prepare="${PREPARE:-true}"
    if command -v hyperfine > /dev/null 2>&1; then
        hyperfine --warmup 1 --runs "${RUNS:-10}" --prepare "$prepare" --style basic --export-json "$work/$name.json" "$*" > /dev/null 2>&1
        python3 - "$work/$name.json" "$name" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))["results"][0]
print(f"{sys.argv[2]:<34} mean {r['mean']*1000:8.1f} ms  ± {r['stddev']*1000:6.1f} ms  (min {r['min']*1000:.1f}, max {r['max']*1000:.1f}, {len(r['times'])} runs)")
PY
    else
        local start end
        start=$(date +%s%N); for _ in $(seq "${RUNS:-10}"); do eval "$prepare"; eval "$*" > /dev/null; done; end=$(date +%s%N)
        printf '%-34s mean %8.1f ms (no hyperfine: includes preparation)\n' "$name" "$(( (end - start) / ${RUNS:-10} / 1000 ))e-3"
    fi
    eval "$prepare"
    /usr/bin/time -f "%M" -o "$work/rss" bash -c "$* > /dev/null" && printf '%-34s peak memory %6.1f MiB\n' "" "$(echo "$(cat "$work/rss") / 1024" | bc -l)"
}

echo "== Atelier benchmarks ($(nproc) cores, $(date -u +%Y-%m-%d))"
run "validate (15 content files)" "$atelier validate"
run "grade one answer sheet" "$atelier grade --assessment definitions.pre --responses $work/key.json --format json"
run "results of a 30-person session" "$atelier results demo-nouakchott --db $work/demo.sqlite --format json"
PREPARE="rm -f $work/fresh.sqlite*" RUNS=5 run "demo (fresh database)" "$atelier demo --db $work/fresh.sqlite"
PREPARE="rm -f $work/import.sqlite*; $atelier session create --program awareness-civil-society --site Bench --start 2026-12-01 --db $work/import.sqlite > /dev/null" RUNS=5 \
    run "import 10 000 participants" "$atelier participants import $work/participants.csv --db $work/import.sqlite"

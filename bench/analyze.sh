#!/usr/bin/env bash
# Speed of `atelier analyze prepost` and `atelier analyze items` against the pandas + SciPy script an analyst
# would otherwise run (bench/analyze_reference.py), on 100,000 participants × 40 items, pre and post.
# Prints each command's median wall time and peak memory, the ratios, PASS/FAIL against the targets
# (each atelier command ≤ 2 s and ≤ 1 GiB; reference/atelier ≥ 3), and whether the two JSON outputs agree.
#
# Usage: bash bench/analyze.sh
# Environment: PARTICIPANTS (100000), ITEMS (40), SEED (20260), RUNS (3),
#              BUILD_PATH (.build: swift build --scratch-path), ATELIER_BIN ($BUILD_PATH/release/atelier),
#              SKIP_BUILD=1 (use the binary as it is), DATA_DIR (bench/.data),
#              AGREEMENT_ONLY=1 (exit status from the agreement of the outputs only: CI, on small sets).
# The data set is generated once into bench/.data/ and reused while its parameters are unchanged.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
PARTICIPANTS="${PARTICIPANTS:-100000}"
ITEMS="${ITEMS:-40}"
SEED="${SEED:-20260}"
RUNS="${RUNS:-3}"
BUILD_PATH="${BUILD_PATH:-$root/.build}"
ATELIER_BIN="${ATELIER_BIN:-$BUILD_PATH/release/atelier}"
export ATELIER_CONTENT="$root"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# Tools: numpy/pandas/scipy for the data and the reference, GNU time for peak memory.
if ! python3 -c 'import numpy, pandas, scipy' > /dev/null 2>&1; then
    echo "installing numpy, pandas and scipy with pip"
    python3 -m pip install --quiet numpy pandas scipy
fi
if [ ! -x /usr/bin/time ]; then
    echo "installing GNU time with apt-get"
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq time; } > /dev/null
fi

if [ "${SKIP_BUILD:-0}" != 1 ]; then
    if ! swift build -c release --product atelier --scratch-path "$BUILD_PATH" > "$work/build.log" 2>&1; then
        tail -n 30 "$work/build.log"
        echo "FAIL: release build failed"
        exit 1
    fi
    tail -n 1 "$work/build.log"
fi
if [ ! -x "$ATELIER_BIN" ]; then
    echo "FAIL: no atelier binary at $ATELIER_BIN (set ATELIER_BIN or BUILD_PATH)"
    exit 1
fi

# The data set, generated once per set of parameters (and per version of the generator).
data="${DATA_DIR:-$root/bench/.data}"
stamp="$PARTICIPANTS $ITEMS $SEED $(sha1sum bench/analyze_data.py | cut -c1-12)"
if [ "$(cat "$data/params" 2> /dev/null)" != "$stamp" ] || [ ! -f "$data/MARKS.csv" ]; then
    rm -f "$data/params"
    python3 bench/analyze_data.py --participants "$PARTICIPANTS" --items "$ITEMS" --seed "$SEED" --out "$data"
    echo "$stamp" > "$data/params"
fi

# measure NAME OUTPUT COMMAND...: runs COMMAND $RUNS times with stdout to OUTPUT; appends to $work/results
# "NAME ok|failed peak-KiB wall-seconds,cpu-seconds...". Wall time from the nanosecond clock around
# /usr/bin/time (whose %e has a 10 ms resolution); CPU time is its %U + %S; peak RSS is its %M, the largest
# over the runs.
measure() {
    local name="$1" out="$2" secs="" peak=0 status=ok start end rss cpu
    shift 2
    for _ in $(seq "$RUNS"); do
        start=$(date +%s%N)
        if ! /usr/bin/time -f '%e %M %U %S' -o "$work/time" "$@" > "$out" 2> "$work/stderr"; then
            status=failed
            { echo "-- $name failed: $*"; tail -n 5 "$work/stderr"; } >&2
        fi
        end=$(date +%s%N)
        rss=$(tail -n 1 "$work/time" | awk '{print $2}')
        cpu=$(tail -n 1 "$work/time" | awk '{printf "%.2f", $3 + $4}')
        secs="$secs $(awk -v d=$((end - start)) 'BEGIN { printf "%.4f", d / 1e9 }'),$cpu"
        [ "${rss:-0}" -gt "$peak" ] && peak="$rss"
        [ "$status" = ok ] || break
    done
    echo "$name $status $peak$secs" >> "$work/results"
}

echo "== atelier analyze: $PARTICIPANTS participants × $ITEMS items, pre and post ($(nproc) cores, $(date -u +%Y-%m-%d))"
echo "   $ATELIER_BIN; $(python3 -c 'import sys, numpy, pandas, scipy; print(f"Python {sys.version.split()[0]}, numpy {numpy.__version__}, pandas {pandas.__version__}, SciPy {scipy.__version__}")')"
measure atelier-prepost "$work/atelier-prepost.json" \
    "$ATELIER_BIN" analyze prepost --pre "$data/PRE.csv" --post "$data/POST.csv" --threshold 20 --format json
measure atelier-items "$work/atelier-items.json" \
    "$ATELIER_BIN" analyze items --marks "$data/MARKS.csv" --format json
measure reference-prepost "$work/reference-prepost.json" \
    python3 bench/analyze_reference.py --pre "$data/PRE.csv" --post "$data/POST.csv" --threshold 20
measure reference-items "$work/reference-items.json" \
    python3 bench/analyze_reference.py --marks "$data/MARKS.csv"

python3 - "$work" <<'PY'
import json, math, os, re, statistics, sys

work = sys.argv[1]
TIME_LIMIT, MEMORY_LIMIT_MIB, RATIO_TARGET = 2.0, 1024.0, 3.0
res = {}
for line in open(f"{work}/results"):
    name, status, peak, *secs = line.split()
    res[name] = {"ok": status == "ok", "peak": int(peak) / 1024,
                 "secs": statistics.median(float(x.split(",")[0]) for x in secs),
                 "cpu": statistics.median(float(x.split(",")[1]) for x in secs)}

print()
print(f"{'command':<20} {'median s':>9} {'peak MiB':>9} {'CPU s':>7}")
for name, r in res.items():
    print(f"{name:<20} {r['secs']:>9.3f} {r['peak']:>9.1f} {r['cpu']:>7.2f}" + ("" if r["ok"] else "   FAILED"))

ok = lambda *names: all(res[n]["ok"] for n in names)
ratios = {}
print()
for label, names in (("prepost", ["prepost"]), ("items", ["items"]), ("combined", ["prepost", "items"])):
    if ok(*(f"atelier-{n}" for n in names), *(f"reference-{n}" for n in names)):
        a = sum(res[f"atelier-{n}"]["secs"] for n in names)
        r = sum(res[f"reference-{n}"]["secs"] for n in names)
        ratios[label] = r / a if a > 0 else math.inf
        ca = sum(res[f"atelier-{n}"]["cpu"] for n in names)
        cr = sum(res[f"reference-{n}"]["cpu"] for n in names)
        cpu = f"{cr / ca:.2f}×" if ca > 0 else "n/a"
        print(f"ratio reference/atelier, {label:<9} {ratios[label]:6.2f}×   ({r:.3f} s / {a:.3f} s; CPU time {cpu})")
    else:
        print(f"ratio reference/atelier, {label:<9}    n/a   (a command failed)")

verdicts = []
def check(label, passed, detail):
    verdicts.append(passed)
    print(f"{'PASS' if passed else 'FAIL'}  {label:<44} {detail}")

print()
for n in ("prepost", "items"):
    r = res[f"atelier-{n}"]
    check(f"atelier analyze {n} ≤ {TIME_LIMIT:g} s", r["ok"] and r["secs"] <= TIME_LIMIT, f"{r['secs']:.3f} s")
for n in ("prepost", "items"):
    r = res[f"atelier-{n}"]
    check(f"atelier analyze {n} peak ≤ 1 GiB", r["ok"] and r["peak"] <= MEMORY_LIMIT_MIB, f"{r['peak']:.1f} MiB")
total = res["atelier-prepost"]["secs"] + res["atelier-items"]["secs"]
print(f"info  {'atelier prepost + items':<44} {total:.3f} s" + ("  (≤ 2 s)" if total <= TIME_LIMIT else "  (> 2 s)"))
for label in ("prepost", "items"):
    if label in ratios:
        print(f"info  {'reference/atelier, ' + label:<44} {ratios[label]:.2f}×" + ("" if ratios[label] >= RATIO_TARGET else "  (< 3×)"))
check(f"reference/atelier, combined ≥ {RATIO_TARGET:g}×", ratios.get("combined", 0) >= RATIO_TARGET,
      f"{ratios['combined']:.2f}×" if "combined" in ratios else "n/a")

# Numeric agreement of the two JSON outputs: every key of the reference, within 1e-6 relative or 1e-9 absolute.
def compare(ref, got, path, diffs, extra):
    if isinstance(ref, dict):
        if not isinstance(got, dict):
            diffs.append((path, ref, got)); return
        for k in ref:
            if k not in got:
                diffs.append((f"{path}.{k}", ref[k], "<missing>"))
            else:
                compare(ref[k], got[k], f"{path}.{k}", diffs, extra)
        extra.extend(f"{path}.{k}" for k in got if k not in ref)
    elif isinstance(ref, list):
        if not isinstance(got, list) or len(got) != len(ref):
            diffs.append((path, f"list of {len(ref)}", f"list of {len(got)}" if isinstance(got, list) else got)); return
        for i, (a, b) in enumerate(zip(ref, got)):
            key = a.get("id", i) if isinstance(a, dict) else i
            compare(a, b, f"{path}[{key}]", diffs, extra)
    elif isinstance(ref, bool) or ref is None or isinstance(ref, str):
        if ref != got or type(ref) is not type(got):
            diffs.append((path, ref, got))
    elif isinstance(ref, (int, float)):
        if isinstance(got, bool) or not isinstance(got, (int, float)) or \
                abs(ref - got) > max(1e-9, 1e-6 * max(abs(ref), abs(got))):
            diffs.append((path, ref, got))
    else:
        diffs.append((path, ref, got))

disagree, unchecked = False, False
for n in ("prepost", "items"):
    print()
    if not ok(f"atelier-{n}", f"reference-{n}"):
        print(f"agreement, {n}: not checked (a command failed)"); unchecked = True; continue
    try:
        got = json.load(open(f"{work}/atelier-{n}.json"))
    except ValueError as e:
        print(f"agreement, {n}: atelier's output is not JSON ({e})"); disagree = True; continue
    ref = json.load(open(f"{work}/reference-{n}.json"))
    diffs, extra = [], []
    compare(ref, got, n, diffs, extra)
    if diffs:
        disagree = True
        print(f"agreement, {n}: {len(diffs)} value(s) differ (reference vs atelier):")
        for path, a, b in diffs[:40]:
            print(f"  {path}: {a!r} vs {b!r}")
        if len(diffs) > 40:
            print(f"  … and {len(diffs) - 40} more")
    else:
        print(f"agreement, {n}: every value of the reference matches atelier (1e-6 relative or 1e-9 absolute)")
    if extra:
        extra = list(dict.fromkeys(re.sub(r"\[[^]]*\]", "[]", key) for key in extra))
        print(f"  atelier adds keys the reference does not check: {', '.join(extra)}")

print()
print("overall:", "PASS" if all(verdicts) else "FAIL", "/ outputs",
      "disagree" if disagree else "not compared" if unchecked else "agree")
# AGREEMENT_ONLY=1 (CI, on a debug binary and a small set): only the agreement decides the exit status.
timing_ok = all(verdicts) or os.environ.get("AGREEMENT_ONLY") == "1"
sys.exit(0 if timing_ok and not disagree and not unchecked else 1)
PY

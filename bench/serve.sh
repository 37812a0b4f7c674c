#!/usr/bin/env bash
# Load test of `atelier serve` on loopback, one command: bash bench/serve.sh
# Measures at 64 concurrent connections: (a) GET /api/v1/health, (b) POST /api/v1/grade, (c) durable submissions
# with unique ids (group commit, WAL, synchronous=FULL). Prints requests/s, p50 and p99 for each, and (b)/(a), (c)/(a).
# Needs wrk (apt-get install wrk). Targets (2 cores, release): (c) >= 2000/s with p99 <= 50 ms, (c)/(a) >= 0.25.
# Environment: BUILD_PATH (.build: swift build --scratch-path), ATELIER_BIN, SKIP_BUILD=1, ATELIER_BENCH_SECONDS (10).
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wrk > /dev/null || { echo "wrk is needed: apt-get install -y wrk"; exit 1; }
BUILD_PATH="${BUILD_PATH:-$PWD/.build}"
[ "${SKIP_BUILD:-0}" = 1 ] || swift build -c release --product atelier --scratch-path "$BUILD_PATH" 2>&1 | tail -n 1
atelier="${ATELIER_BIN:-$BUILD_PATH/release/atelier}"
work="$(mktemp -d)"
port="${ATELIER_BENCH_PORT:-18080}"
duration="${ATELIER_BENCH_SECONDS:-10}"
export ATELIER_CONTENT="$PWD" ATELIER_DB="$work/bench.sqlite"
server=""
trap '[ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$work"' EXIT

# A session with retakes allowed (every submission is a new attempt, all stored) and 300 participants.
"$atelier" session create --program police-gendarmerie-2day --site Bench --start 2026-12-01 --id bench --retakes last > /dev/null
python3 - "$work/participants.csv" <<'PY'
import sys
with open(sys.argv[1], "w") as f:
    f.write("code,name,sex,age_band,organization,organization_type,role,nationality,language\n")
    for i in range(300):
        f.write(f",Bench {i},female,25-34,Org,police,officer,MR,fr\n")
PY
"$atelier" participants import "$work/participants.csv" > /dev/null
"$atelier" participants list --format json | python3 -c 'import json,sys; print("\n".join(p["code"] for p in json.load(sys.stdin)))' > "$work/codes.txt"
export ATELIER_BENCH_CODES="$work/codes.txt"
export ATELIER_BENCH_TOKEN="$("$atelier" token create --role trainer --label bench | tail -n 1)"

LOG_LEVEL=error "$atelier" serve --host 127.0.0.1 --port "$port" > "$work/serve.log" 2>&1 &
server=$!
for _ in $(seq 100); do curl -fs "http://127.0.0.1:$port/api/v1/health" > /dev/null 2>&1 && break; sleep 0.1; done

measure() {
    local name="$1"; shift
    wrk -t2 -c64 -d"${duration}s" --latency "$@" > "$work/$name.txt" 2>"$work/$name.err"
    python3 - "$work/$name.txt" "$name" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
def ms(label):
    m = re.search(label + r"\s+([\d.]+)(us|ms|s)", text)
    value, unit = float(m.group(1)), m.group(2)
    return value / 1000 if unit == "us" else value * 1000 if unit == "s" else value
non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
errors = re.search(r"Socket errors: (.*)", text)
print(f"{sys.argv[2]:<12} {rps:10.0f} req/s   p50 {ms('50%'):7.2f} ms   p99 {ms('99%'):7.2f} ms"
      + (f"   non-2xx {non2xx.group(1)}" if non2xx else "") + (f"   socket errors: {errors.group(1)}" if errors else ""))
open(sys.argv[1] + ".rps", "w").write(str(rps))
PY
}

echo "== atelier serve, 64 connections, ${duration} s each, $(nproc) cores"
measure health "http://127.0.0.1:$port/api/v1/health"
measure grade -s bench/grade.lua "http://127.0.0.1:$port"
measure submissions -s bench/submissions.lua "http://127.0.0.1:$port"
python3 - "$work" <<'PY'
import sys
rps = {n: float(open(f"{sys.argv[1]}/{n}.txt.rps").read()) for n in ("health", "grade", "submissions")}
print(f"(b)/(a) grade/health       {rps['grade'] / rps['health']:.2f}")
print(f"(c)/(a) submissions/health {rps['submissions'] / rps['health']:.2f}")
PY
stored=$("$atelier" results bench --format json | python3 -c 'import json,sys; print(sum(1 for r in json.load(sys.stdin)["rows"] if r["pre"] is not None))')
echo "participants with a stored pre-test: $stored of 300; db check: $("$atelier" db check | head -n 1)"

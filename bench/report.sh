#!/usr/bin/env bash
# Speed of `atelier report --all` on a store holding 1,000 sessions of 30 participants (30,000 participants,
# 120,000 attendance records, about 170,000 submissions), in each output format. Target: at most 2 s.
#
# Usage: bash bench/report.sh
# Environment: SESSIONS (1000), RUNS (3), BUILD_PATH (.build: swift build --scratch-path),
#              ATELIER_BIN ($BUILD_PATH/release/atelier), SKIP_BUILD=1, DATA_DIR (bench/.data).
# The store is made once with `atelier demo --sessions N` (about 2 minutes for 1,000) and reused.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
SESSIONS="${SESSIONS:-1000}"
RUNS="${RUNS:-3}"
BUILD_PATH="${BUILD_PATH:-$root/.build}"
ATELIER_BIN="${ATELIER_BIN:-$BUILD_PATH/release/atelier}"
export ATELIER_CONTENT="$root"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

if [ ! -x /usr/bin/time ]; then
    echo "installing GNU time with apt-get"
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq time; } > /dev/null
fi
if [ "${SKIP_BUILD:-0}" != 1 ]; then
    swift build -c release --product atelier --scratch-path "$BUILD_PATH" > "$work/build.log" 2>&1 || {
        tail -n 30 "$work/build.log"
        echo "FAIL: release build failed"
        exit 1
    }
fi

data="${DATA_DIR:-$root/bench/.data}"
mkdir -p "$data"
db="$data/report-$SESSIONS.sqlite"
stamp="$SESSIONS $(git -C "$root" log -1 --format=%h -- Sources/AtelierCLI/DemoCommand.swift Sources/AtelierStore/SQLiteStore+Migrations.swift)"
if [ "$(cat "$db.params" 2> /dev/null)" != "$stamp" ] || [ ! -f "$db" ]; then
    rm -f "$db" "$db-wal" "$db-shm" "$db.params"
    echo "creating $SESSIONS fictional sessions in $db (once)…"
    start=$(date +%s)
    "$ATELIER_BIN" demo --db "$db" --sessions "$SESSIONS" > /dev/null
    echo "  done in $(($(date +%s) - start)) s"
    echo "$stamp" > "$db.params"
fi
participants=$("$ATELIER_BIN" session list --db "$db" --format json | python3 -c 'import json, sys; print(sum(s["participants"] for s in json.load(sys.stdin)))')
echo "store: $SESSIONS sessions, $participants participants, $(du -h "$db" | cut -f1)"
printf '\n%-28s %9s %9s %9s\n' "command" "median s" "max s" "peak MiB"
status=0
for format in text json html csv; do
    times=()
    peak=0
    for _ in $(seq "$RUNS"); do
        /usr/bin/time -f '%e %M' -o "$work/time" "$ATELIER_BIN" report --all --db "$db" --format "$format" --output "$work/report.$format" 2> /dev/null
        read -r seconds kib < "$work/time"
        times+=("$seconds")
        [ "$kib" -gt "$peak" ] && peak=$kib
    done
    sorted=$(printf '%s\n' "${times[@]}" | sort -n)
    median=$(echo "$sorted" | sed -n "$(((RUNS + 1) / 2))p")
    max=$(echo "$sorted" | tail -n 1)
    printf '%-28s %9s %9s %9d\n' "report --all --format $format" "$median" "$max" $((peak / 1024))
    if python3 -c "import sys; sys.exit(0 if float('$median') <= 2.0 else 1)"; then :; else status=1; fi
done
echo
if [ "$status" = 0 ]; then echo "PASS  every format at most 2 s (median of $RUNS)"; else echo "FAIL  a format took more than 2 s"; fi
exit "$status"

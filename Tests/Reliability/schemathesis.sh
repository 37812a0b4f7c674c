#!/usr/bin/env bash
# Runs schemathesis (PyPI) against /openapi.json of a running `atelier serve` with a trainer token.
#
# Checks: no 5xx, and every response conforms to the document (schema, status code, content type).
# Repeatable: a fixed number of examples per operation and a fixed seed.
#
#   Tests/Reliability/schemathesis.sh
#   ATELIER_BIN=.build/release/atelier EXAMPLES=200 SEED=7 Tests/Reliability/schemathesis.sh
#
# Exits non-zero when any check fails (or the server cannot be started).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"

ATELIER_BIN="${ATELIER_BIN:-.build/debug/atelier}"
EXAMPLES="${EXAMPLES:-50}"
SEED="${SEED:-20261201}"
PORT="${PORT:-$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')}"
CHECKS="${CHECKS:-not_a_server_error,response_schema_conformance,status_code_conformance,content_type_conformance}"

if ! command -v schemathesis >/dev/null 2>&1; then
    echo "== installing schemathesis (pip)"
    python3 -m pip install --quiet schemathesis
fi
echo "== $(schemathesis --version)"

if [[ ! -x "$ATELIER_BIN" ]]; then
    echo "== building $ATELIER_BIN"
    case "$ATELIER_BIN" in
        *release*) swift build -c release --product atelier ;;
        *) swift build --product atelier ;;
    esac
fi

WORK="$(mktemp -d)"
DB="$WORK/atelier.sqlite"
SERVER_PID=""
cleanup() {
    if [[ -n "$SERVER_PID" ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
        kill "$SERVER_PID" 2>/dev/null || true
        wait "$SERVER_PID" 2>/dev/null || true
    fi
    rm -rf "$WORK"
}
trap cleanup EXIT

echo "== demo database in $DB"
"$ATELIER_BIN" demo --db "$DB" >"$WORK/demo.log"
TOKEN="$("$ATELIER_BIN" token create --role trainer --label schemathesis --db "$DB" | tail -n 1)"
[[ "$TOKEN" == atl_* ]] || { echo "could not create a trainer token: $TOKEN" >&2; exit 2; }

echo "== atelier serve on 127.0.0.1:$PORT"
"$ATELIER_BIN" serve --db "$DB" --host 127.0.0.1 --port "$PORT" >"$WORK/serve.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 100); do
    if curl -fsS "http://127.0.0.1:$PORT/api/v1/health" >/dev/null 2>&1; then break; fi
    if ! kill -0 "$SERVER_PID" 2>/dev/null; then echo "the server exited:" >&2; cat "$WORK/serve.log" >&2; exit 2; fi
    sleep 0.2
done
curl -fsS "http://127.0.0.1:$PORT/api/v1/health" >/dev/null || { echo "the server did not answer" >&2; cat "$WORK/serve.log" >&2; exit 2; }

# Two passes: path parameters fuzzed freely (mostly 404s), then pinned to the demo session and a real
# assessment so that generated bodies reach the handlers' validation and the store.
cat >"$WORK/schemathesis.toml" <<TOML
[parameters]
"path.session" = "demo-nouakchott"
"path.id" = "definitions.pre"
TOML

status=0
for pass in free pinned; do
    config=()
    [[ $pass == pinned ]] && config=(--config-file "$WORK/schemathesis.toml")
    echo "== schemathesis run, $pass path parameters (checks: $CHECKS; $EXAMPLES examples per operation; seed $SEED)"
    schemathesis "${config[@]}" run "http://127.0.0.1:$PORT/openapi.json" \
        --header "Authorization: Bearer $TOKEN" \
        --checks "$CHECKS" \
        --max-examples "$EXAMPLES" \
        --seed "$SEED" \
        --workers 1 \
        --report junit --report-junit-path "$WORK/junit-$pass.xml" \
        || status=$?
done

if grep -q "unexpected error" "$WORK/serve.log"; then
    echo "== the server logged unexpected errors:" >&2
    grep "unexpected error" "$WORK/serve.log" | sort | uniq -c >&2
    status=1
fi
if ! kill -0 "$SERVER_PID" 2>/dev/null; then
    echo "== the server died during the run" >&2
    tail -n 20 "$WORK/serve.log" >&2
    status=1
fi

if [[ $status -eq 0 ]]; then echo "== schemathesis: no failures"; else echo "== schemathesis: FAILURES (exit $status)" >&2; fi
exit $status

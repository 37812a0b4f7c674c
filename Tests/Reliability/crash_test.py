#!/usr/bin/env python3
"""Crash test of `atelier serve`: acknowledged submissions survive SIGKILL, exactly once, with their grade.

Starts `atelier serve` (release build) on a file database, drives concurrent submissions with unique ids
from worker threads, records every acknowledgement (201 or 200), kills the server with SIGKILL at random
moments N times and restarts it each time (same database, same port). A request that fails because the
server died is "unknown" (it may or may not have been stored): the worker resends the SAME id and body
after the restart until it gets 201 or 200, and only then counts it as acknowledged (once).

At the end the workers stop, the server is stopped gracefully and started again, and for every
acknowledged id the identical body is resent: the answer must be 200 (never 201) with the same grade
(and the same receipt). The stored rows are counted (sqlite3, read-only): found (exactly once), missing,
duplicated. `atelier db check --format json` must pass (it also runs after every kill, before the restart).

Exit 0 only if missing = 0, duplicated = 0, every resend gave 200 with the same grade, no unexpected status
was seen and every integrity check passed.

Usage:
    python3 Tests/Reliability/crash_test.py                 # 20 kills, 16 workers
    python3 Tests/Reliability/crash_test.py --kills 25
    python3 Tests/Reliability/crash_test.py --quick         # 3 kills, 4 workers (CI)

Environment: ATELIER_BIN (the binary; no build then), else BUILD_PATH (default .build) is built with
`swift build -c release --product atelier --scratch-path BUILD_PATH` unless SKIP_BUILD=1, as bench/serve.sh.
Python 3 standard library only.
"""

import argparse
import http.client
import json
import os
import random
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import uuid

REPO = os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
SESSION = "crash"
ASSESSMENT = "definitions.pre"
PARTICIPANTS = 300


def log(message):
    print(f"[{time.strftime('%H:%M:%S')}] {message}", flush=True)


def parse_args():
    parser = argparse.ArgumentParser(description="SIGKILL crash test of atelier serve's durable submissions.")
    parser.add_argument("--kills", type=int, default=20, help="how many times the server is killed (default 20)")
    parser.add_argument("--workers", type=int, default=16, help="concurrent submitting threads (default 16)")
    parser.add_argument("--seconds-between", type=float, nargs=2, metavar=("MIN", "MAX"), default=(0.3, 1.5),
                        help="random delay between a restart (server healthy) and the next kill (default 0.3 1.5)")
    parser.add_argument("--port", type=int, default=0, help="the port (default: a free one)")
    parser.add_argument("--quick", action="store_true", help="3 kills, 4 workers (CI)")
    parser.add_argument("--seed", type=int, default=None, help="random seed (default: from the clock)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder (database, server logs)")
    args = parser.parse_args()
    if args.quick:
        args.kills, args.workers = 3, 4
    if args.seed is None:
        args.seed = int(time.time())
    if args.seconds_between[0] < 0 or args.seconds_between[1] < args.seconds_between[0]:
        parser.error("--seconds-between needs 0 <= MIN <= MAX")
    return args


def atelier_binary():
    if os.environ.get("ATELIER_BIN"):
        return os.environ["ATELIER_BIN"]
    build_path = os.environ.get("BUILD_PATH", os.path.join(REPO, ".build"))
    if os.environ.get("SKIP_BUILD", "0") != "1":
        log(f"building atelier (release) into {build_path}")
        subprocess.run(["swift", "build", "-c", "release", "--product", "atelier", "--scratch-path", build_path],
                       cwd=REPO, check=True)
    return os.path.join(build_path, "release", "atelier")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# ---------------------------------------------------------------------------------------------------------
# Setup through the CLI (as bench/serve.sh): a session allowing retakes, 300 participants, a trainer token.

def cli(binary, env, *arguments):
    result = subprocess.run([binary, *arguments], env=env, cwd=REPO, capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"atelier {' '.join(arguments)} failed ({result.returncode}):\n{result.stdout}{result.stderr}")
    return result.stdout


def setup(binary, env, work):
    cli(binary, env, "session", "create", "--program", "police-gendarmerie-2day", "--site", "Crash",
        "--start", "2026-12-01", "--id", SESSION, "--retakes", "last")
    csv_path = os.path.join(work, "participants.csv")
    with open(csv_path, "w") as f:
        f.write("code,name,sex,age_band,organization,organization_type,role,nationality,language\n")
        for i in range(PARTICIPANTS):
            f.write(f",Crash {i},female,25-34,Org,police,officer,MR,fr\n")
    cli(binary, env, "participants", "import", csv_path)
    codes = [p["code"] for p in json.loads(cli(binary, env, "participants", "list", "--format", "json"))]
    token = cli(binary, env, "token", "create", "--role", "trainer", "--label", "crash").strip().splitlines()[-1]
    key = json.loads(cli(binary, env, "assessment", "key", ASSESSMENT))["responses"]
    return codes, token, key


def db_check(binary, env):
    result = subprocess.run([binary, "db", "check", "--format", "json"], env=env, cwd=REPO,
                            capture_output=True, text=True)
    try:
        report = json.loads(result.stdout)
    except ValueError:
        report = None
    ok = result.returncode == 0 and isinstance(report, dict) and report.get("ok") is True
    return ok, (result.stdout + result.stderr).strip()


# ---------------------------------------------------------------------------------------------------------
# The server.

class Server:
    def __init__(self, binary, env, port, work):
        self.binary, self.env, self.port, self.work = binary, env, port, work
        self.process = None
        self.starts = 0

    def start(self, timeout=60):
        self.starts += 1
        log_file = open(os.path.join(self.work, f"serve-{self.starts:03d}.log"), "w")
        self.process = subprocess.Popen(
            [self.binary, "serve", "--host", "127.0.0.1", "--port", str(self.port)],
            env=dict(self.env, LOG_LEVEL="error"), cwd=REPO, stdout=log_file, stderr=subprocess.STDOUT)
        log_file.close()
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise SystemExit(f"the server exited with {self.process.returncode} at start "
                                 f"(see {self.work}/serve-{self.starts:03d}.log)")
            try:
                connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=2)
                connection.request("GET", "/api/v1/health")
                response = connection.getresponse()
                response.read()
                connection.close()
                if response.status == 200:
                    return
            except (OSError, http.client.HTTPException):
                pass
            time.sleep(0.05)
        raise SystemExit(f"the server did not become healthy within {timeout} s")

    def kill(self):
        self.process.send_signal(signal.SIGKILL)
        code = self.process.wait()
        if code != -signal.SIGKILL:
            raise SystemExit(f"the server exited with {code} before it was killed")

    def stop(self, timeout=30):
        """Graceful stop (SIGTERM): in-flight submissions are committed or refused."""
        self.process.send_signal(signal.SIGTERM)
        try:
            return self.process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
            return "did not stop within %d s (killed)" % timeout


# ---------------------------------------------------------------------------------------------------------
# Submissions.

def random_responses(rng, key):
    """Each item: the key's answer (60%), left out (20%) or a wrong but well-formed answer (20%)."""
    responses = {}
    for item, answer in key.items():
        roll = rng.random()
        if roll < 0.6:
            responses[item] = answer
        elif roll < 0.8:
            continue
        elif isinstance(answer, bool):
            responses[item] = not answer
        elif isinstance(answer, dict) and all(isinstance(v, bool) for k, v in answer.items() if k != "classification"):
            wrong = dict(answer)
            flip = rng.choice([k for k, v in answer.items() if isinstance(v, bool)])
            wrong[flip] = not wrong[flip]
            responses[item] = wrong
        elif isinstance(answer, list) and len(answer) > 1:
            responses[item] = answer[:-1]
    return responses


class Ledger:
    """What the workers saw. `acks[id] = (body, status, grade, receipt)`: acknowledged submissions."""

    def __init__(self):
        self.lock = threading.Lock()
        self.acks = {}
        self.sent = 0
        self.unknown = 0                 # submissions that had at least one failed attempt (server killed)
        self.unknown_stored_before = 0   # ... whose resend said 200: the lost attempt had been stored
        self.unknown_stored_by_resend = 0  # ... whose resend said 201: it had not been stored
        self.failed_attempts = 0
        self.retryable = 0               # 503 (the server stopping): nothing stored, resend
        self.unexpected = []             # any other status: a failure of the test

    def acknowledge(self, sid, body, status, receipt, was_unknown):
        with self.lock:
            if sid in self.acks:
                self.unexpected.append((sid, status, "acknowledged twice by the workers"))
            self.acks[sid] = (body, status, receipt.get("grade"), receipt)
            if was_unknown:
                self.unknown += 1
                if status == 200:
                    self.unknown_stored_before += 1
                else:
                    self.unknown_stored_by_resend += 1


def post(connection, token, body):
    connection.request("POST", f"/api/v1/sessions/{SESSION}/submissions", body=body,
                       headers={"Content-Type": "application/json", "Authorization": f"Bearer {token}"})
    response = connection.getresponse()
    return response.status, response.read()


def worker(number, port, token, codes, key, seed, ledger, stop):
    rng = random.Random(seed * 1000 + number)
    connection = None
    while not stop.is_set():
        sid = str(uuid.UUID(int=rng.getrandbits(128), version=4)).upper()
        body = json.dumps({"id": sid, "participant": rng.choice(codes), "assessment": ASSESSMENT, "phase": "pre",
                           "responses": random_responses(rng, key)}, separators=(",", ":"))
        failed = False
        # Resend the same id and body until acknowledged, even after `stop`: an unknown must be resolved.
        while True:
            try:
                if connection is None:
                    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=15)
                with ledger.lock:
                    ledger.sent += 1
                status, payload = post(connection, token, body)
            except (OSError, http.client.HTTPException):
                # Connection refused, reset or closed mid-request: the server died. Unknown; resend later.
                if connection is not None:
                    connection.close()
                connection = None
                failed = True
                with ledger.lock:
                    ledger.failed_attempts += 1
                time.sleep(0.02)
                continue
            if status in (200, 201):
                ledger.acknowledge(sid, body, status, json.loads(payload), failed)
                break
            if status == 503:
                with ledger.lock:
                    ledger.retryable += 1
                time.sleep(0.05)
                continue
            with ledger.lock:
                ledger.unexpected.append((sid, status, payload.decode("utf-8", "replace")[:300]))
            break
    if connection is not None:
        connection.close()


# ---------------------------------------------------------------------------------------------------------
# The final checks.

def resend_all(port, token, acks, threads=16):
    """Resends every acknowledged body; returns (same: count, problems: list)."""
    items = list(acks.items())
    lock = threading.Lock()
    result = {"same": 0, "problems": []}
    next_index = [0]

    def run():
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        while True:
            with lock:
                if next_index[0] >= len(items):
                    break
                sid, (body, _, grade, receipt) = items[next_index[0]]
                next_index[0] += 1
            try:
                status, payload = post(connection, token, body)
            except (OSError, http.client.HTTPException) as error:
                connection.close()
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
                with lock:
                    result["problems"].append((sid, f"resend failed: {error!r}"))
                continue
            problem = None
            if status != 200:
                problem = f"resend answered {status} (expected 200): {payload[:200]!r}"
            else:
                again = json.loads(payload)
                if again.get("grade") != grade:
                    problem = f"resend grade differs: {again.get('grade')} != {grade}"
                elif again != receipt:
                    problem = f"resend receipt differs: {again} != {receipt}"
            with lock:
                if problem:
                    result["problems"].append((sid, problem))
                else:
                    result["same"] += 1
        connection.close()

    pool = [threading.Thread(target=run) for _ in range(threads)]
    for t in pool:
        t.start()
    for t in pool:
        t.join()
    return result["same"], result["problems"]


def stored_counts(db_path):
    connection = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        counts = dict(connection.execute(
            "SELECT id, COUNT(*) FROM submission WHERE sessionId = ? GROUP BY id", (SESSION,)).fetchall())
        quarantined = connection.execute("SELECT COUNT(*) FROM quarantine").fetchone()[0]
        slot_duplicates = connection.execute(
            "SELECT COUNT(*) FROM (SELECT 1 FROM submission GROUP BY sessionId, participantCode, formId, phase, attempt"
            " HAVING COUNT(*) > 1)").fetchone()[0]
    finally:
        connection.close()
    return counts, quarantined, slot_duplicates


def main():
    args = parse_args()
    started = time.monotonic()
    binary = atelier_binary()
    if not os.access(binary, os.X_OK):
        raise SystemExit(f"no atelier binary at {binary}")
    work = tempfile.mkdtemp(prefix="atelier-crash-")
    db_path = os.path.join(work, "crash.sqlite")
    env = dict(os.environ, ATELIER_CONTENT=REPO, ATELIER_DB=db_path)
    port = args.port or free_port()
    rng = random.Random(args.seed)
    log(f"binary {binary}; database {db_path}; port {port}; kills {args.kills}; workers {args.workers}; "
        f"seconds between {args.seconds_between[0]}..{args.seconds_between[1]}; seed {args.seed}")
    codes, token, key = setup(binary, env, work)

    server = Server(binary, env, port, work)
    ledger = Ledger()
    stop = threading.Event()
    integrity_failures = []
    server.start()
    workers = [threading.Thread(target=worker, args=(n, port, token, codes, key, args.seed, ledger, stop))
               for n in range(args.workers)]
    for t in workers:
        t.start()

    failed = False
    try:
        for kill in range(1, args.kills + 1):
            time.sleep(rng.uniform(*args.seconds_between))
            server.kill()
            with ledger.lock:
                acknowledged = len(ledger.acks)
            ok, report = db_check(binary, env)
            if not ok:
                integrity_failures.append((kill, report))
            log(f"kill {kill}/{args.kills}: acknowledged so far {acknowledged}; db check "
                f"{'ok' if ok else 'FAILED: ' + report}")
            server.start()
        # Let the workers resolve their unknowns on the running server, then stop them.
        time.sleep(rng.uniform(*args.seconds_between))
        stop.set()
        for t in workers:
            t.join(timeout=120)
        if any(t.is_alive() for t in workers):
            raise SystemExit("workers did not finish within 120 s")
        code = server.stop()
        log(f"workers stopped; server stopped gracefully (exit {code}); restarting for the checks")
        server.start()

        acks = dict(ledger.acks)
        same, problems = resend_all(port, token, acks)
        server.stop()
        counts, quarantined, slot_duplicates = stored_counts(db_path)
        found = sum(1 for sid in acks if counts.get(sid) == 1)
        missing = sum(1 for sid in acks if sid not in counts)
        duplicated = sum(1 for n in counts.values() if n > 1)
        unacknowledged_rows = sum(1 for sid in counts if sid not in acks)
        ok, report = db_check(binary, env)
        if not ok:
            integrity_failures.append(("final", report))
        resend_201 = sum(1 for _, p in problems if p.startswith("resend answered 201"))
        grade_differs = sum(1 for _, p in problems if "grade differs" in p)

        print()
        print("== atelier serve crash test (SIGKILL)")
        print(f"kills                      {args.kills}")
        print(f"workers                    {args.workers}")
        print(f"requests sent              {ledger.sent}  (failed attempts {ledger.failed_attempts}, "
              f"503 {ledger.retryable})")
        print(f"acknowledged               {len(acks)}  (201 {sum(1 for a in acks.values() if a[1] == 201)}, "
              f"200 {sum(1 for a in acks.values() if a[1] == 200)})")
        print(f"unknown-resolved           {ledger.unknown}  (stored before the kill: resend 200 "
              f"{ledger.unknown_stored_before}; not stored: resend 201 {ledger.unknown_stored_by_resend})")
        print(f"found                      {found}")
        print(f"missing                    {missing}")
        print(f"duplicated                 {duplicated}")
        print(f"stored, never acknowledged {unacknowledged_rows}")
        print(f"duplicate attempt slots    {slot_duplicates}")
        print(f"quarantined                {quarantined}")
        print(f"resent-200-same-grade      {same} of {len(acks)}  (201 on resend {resend_201}, "
              f"grade differs {grade_differs}, other {len(problems) - resend_201 - grade_differs})")
        print(f"unexpected statuses        {len(ledger.unexpected)}")
        print(f"integrity ok               {'yes' if not integrity_failures else 'NO'}  "
              f"({args.kills + 1} checks: after each kill and at the end)")
        print(f"run time                   {time.monotonic() - started:.1f} s")
        for sid, problem in problems[:10]:
            print(f"  resend problem {sid}: {problem}")
        for sid, status, detail in ledger.unexpected[:10]:
            print(f"  unexpected {status} for {sid}: {detail}")
        for where, report in integrity_failures[:5]:
            print(f"  integrity check failed ({where}): {report[:500]}")
        failed = (missing > 0 or duplicated > 0 or problems or ledger.unexpected or integrity_failures
                  or unacknowledged_rows > 0 or slot_duplicates > 0 or quarantined > 0 or len(acks) == 0)
        print("RESULT                     " + ("FAIL" if failed else "PASS"))
    finally:
        stop.set()
        if server.process is not None and server.process.poll() is None:
            server.process.kill()
            server.process.wait()
        if args.keep or failed:
            print(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

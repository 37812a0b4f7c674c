#!/usr/bin/env python3
"""Abuse over a real socket: what the in-process tests (AbuseTests.swift) cannot send.

Raw bytes that no HTTP client library would produce: a declared Content-Length far over the limit, a chunked
body over the limit, invalid UTF-8 in the path, the query and the Cookie header, a garbage request line,
and the join rate limit keyed on the real client address. Expects no 5xx, problem+json on every API error,
and a server still healthy at the end.

    python3 Tests/Reliability/api_abuse.py                 # builds nothing; uses ATELIER_BIN (.build/debug/atelier)
    python3 Tests/Reliability/api_abuse.py --url http://127.0.0.1:8080 --token atl_...   # an already running server

Exits non-zero on any failure.
"""
import argparse
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request

FAILURES = []


def check(condition, message):
    print(("ok   " if condition else "FAIL ") + message)
    if not condition:
        FAILURES.append(message)


def raw(host, port, data, timeout=10.0):
    """Sends raw bytes, returns (status, headers dict, body bytes) or (None, {}, b'') when the server closed."""
    with socket.create_connection((host, port), timeout=timeout) as sock:
        try:
            sock.sendall(data)
        except (BrokenPipeError, ConnectionResetError):
            pass
        chunks = []
        try:
            while True:
                chunk = sock.recv(65536)
                if not chunk:
                    break
                chunks.append(chunk)
                response = b"".join(chunks)
                head, sep, body = response.partition(b"\r\n\r\n")
                if sep:
                    length = None
                    for line in head.split(b"\r\n")[1:]:
                        name, _, value = line.partition(b":")
                        if name.strip().lower() == b"content-length":
                            length = int(value.strip())
                    if length is not None and len(body) >= length:
                        break
        except (socket.timeout, ConnectionResetError):
            pass
    response = b"".join(chunks)
    if not response:
        return None, {}, b""
    head, _, body = response.partition(b"\r\n\r\n")
    lines = head.split(b"\r\n")
    status = int(lines[0].split()[1])
    headers = {}
    for line in lines[1:]:
        name, _, value = line.partition(b":")
        headers[name.strip().lower().decode("latin-1")] = value.strip().decode("latin-1")
    return status, headers, body


def request(host, port, method, path, headers=(), body=b""):
    lines = [f"{method} ".encode() + path + b" HTTP/1.1", f"Host: {host}:{port}".encode(), b"Connection: close"]
    lines += [h if isinstance(h, bytes) else h.encode() for h in headers]
    if body is not None and b"Transfer-Encoding" not in b"".join(lines):
        lines.append(f"Content-Length: {len(body)}".encode())
    return b"\r\n".join(lines) + b"\r\n\r\n" + (body or b"")


def is_problem(status, headers, body, expected):
    if status != expected:
        return False
    if not headers.get("content-type", "").startswith("application/problem+json"):
        return False
    try:
        return json.loads(body).get("status") == expected
    except ValueError:
        return False


def run(host, port, token):
    auth = f"Authorization: Bearer {token}"
    json_type = "Content-Type: application/json"

    # 1. A declared body of 10 GB: refused at once with 413, never read to the end.
    start = time.monotonic()
    head = request(host, port, "POST", b"/api/v1/grade", [auth, json_type], body=None)
    head = head.replace(b"\r\n\r\n", b"\r\nContent-Length: 10000000000\r\n\r\n") + b"{" * 1000
    status, headers, body = raw(host, port, head)
    check(is_problem(status, headers, body, 413), f"Content-Length 10 GB -> {status}")
    check(time.monotonic() - start < 9, "and the server did not wait for the 10 GB")

    # 2. A chunked body of 2 MiB.
    chunk = b"a" * 65536
    chunked = b"".join(b"%x\r\n" % len(chunk) + chunk + b"\r\n" for _ in range(32)) + b"0\r\n\r\n"
    data = request(host, port, "POST", b"/api/v1/grade", [auth, json_type, b"Transfer-Encoding: chunked"], body=None) + chunked
    status, headers, body = raw(host, port, data)
    check(status is None or is_problem(status, headers, body, 413), f"chunked 2 MiB body -> {status}")

    # 3. Invalid UTF-8 in the path and query of API routes and pages.
    for path in [b"/api/v1/assessments/\xc3\x28", b"/api/v1/assessments/definitions.pre?lang=\xff\xfe",
                 b"/api/v1/sessions/\xed\xa0\x80/results", b"/p/forms/\xff/items/1", b"/?lang=\xc3"]:
        status, headers, body = raw(host, port, request(host, port, "GET", path, [auth]))
        # Raw bytes that are not UTF-8 in the request target are refused by the HTTP layer (SwiftNIO /
        # swift-http-types) before the router: a bare 400 without the server's headers. Only what reaches the
        # application (it sets `Server: Atelier`) must be problem+json.
        ok = status is not None and 400 <= status < 500
        if ok and path.startswith(b"/api/") and headers.get("server") == "Atelier":
            ok = is_problem(status, headers, body, status)
        check(ok, f"GET {path!r} -> {status}" + ("" if headers.get("server") else " (from the HTTP layer, before the router)"))

    # 4. Invalid UTF-8 in the Cookie and Authorization headers.
    for header in [b"Cookie: atelier=\xff\xfe.\xc3\x28", b"Authorization: Bearer \xff\xfe\xfd"]:
        status, headers, body = raw(host, port, request(host, port, "GET", b"/api/v1/sessions/demo-nouakchott/results", [header]))
        check(is_problem(status, headers, body, 401), f"{header[:14]!r}… with invalid UTF-8 -> {status}")
        status, _, _ = raw(host, port, request(host, port, "GET", b"/p", [header]))
        check(status == 303, f"GET /p with {header[:14]!r}… -> {status}")

    # 5. Invalid UTF-8 in a JSON body, raw (as in AbuseTests, but through NIO's HTTP parser).
    body_bytes = b'{"assessment": "definitions.pre", "responses": {"def-pre04": "\xc3\x28"}}'
    status, headers, body = raw(host, port, request(host, port, "POST", b"/api/v1/grade", [auth, json_type], body_bytes))
    check(is_problem(status, headers, body, 400), f"JSON body with invalid UTF-8 -> {status}")

    # 6. Garbage requests: the connection may be closed, the server must not die.
    for garbage in [b"\x00\x01\x02\r\n\r\n", b"GET / HTTP/9.9\r\n\r\n", b"GET /" + b"a" * 100_000 + b" HTTP/1.1\r\nHost: x\r\n\r\n",
                    b"GET / HTTP/1.1\r\nHost: x\r\nX: " + b"b" * 200_000 + b"\r\n\r\n"]:
        status, _, _ = raw(host, port, garbage)
        check(status is None or status < 500, f"garbage {garbage[:16]!r}… -> {status}")

    with urllib.request.urlopen(f"http://{host}:{port}/api/v1/health", timeout=5) as response:
        check(response.status == 200, "still healthy after the garbage")

    # 7. The join limit is per client address: from 127.0.0.1, ten wrong codes then 429 problem+json.
    form = [b"Content-Type: application/x-www-form-urlencoded"]
    statuses = []
    for _ in range(12):
        status, headers, body = raw(host, port, request(host, port, "POST", b"/join", form, b"join=ZZZZ&code=AAAAAA&lang=fr"))
        statuses.append(status)
    check(statuses[:10] == [401] * 10 and statuses[10:] == [429, 429], f"12 wrong joins -> {statuses}")
    check(is_problem(status, headers, body, 429), "the 429 is problem+json")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--url", help="an already running server (else one is started on a temporary demo database)")
    parser.add_argument("--token", help="a trainer token for --url")
    args = parser.parse_args()
    server = None
    work = tempfile.TemporaryDirectory()
    log_path = os.path.join(work.name, "serve.log")
    try:
        if args.url:
            host, port = args.url.split("//")[1].rstrip("/").split(":")
            port, token = int(port), args.token or ""
        else:
            binary = os.environ.get("ATELIER_BIN", ".build/debug/atelier")
            db = os.path.join(work.name, "atelier.sqlite")
            subprocess.run([binary, "demo", "--db", db], check=True, stdout=subprocess.DEVNULL)
            token = subprocess.run([binary, "token", "create", "--role", "trainer", "--db", db],
                                   check=True, capture_output=True, text=True).stdout.strip().splitlines()[-1]
            with socket.socket() as probe:
                probe.bind(("127.0.0.1", 0))
                host, port = "127.0.0.1", probe.getsockname()[1]
            server = subprocess.Popen([binary, "serve", "--db", db, "--host", host, "--port", str(port)],
                                      stdout=open(log_path, "w"), stderr=subprocess.STDOUT)
            for _ in range(100):
                try:
                    urllib.request.urlopen(f"http://{host}:{port}/api/v1/health", timeout=1)
                    break
                except OSError:
                    time.sleep(0.1)
        run(host, port, token)
        if server:
            check(server.poll() is None, "the server is still running")
            log = open(log_path, errors="replace").read()
            check("unexpected error" not in log, "the server logged no unexpected error")
    finally:
        if server and server.poll() is None:
            server.terminate()
            server.wait(timeout=10)
        work.cleanup()
    print(f"\n{len(FAILURES)} failure(s)")
    return 1 if FAILURES else 0


if __name__ == "__main__":
    sys.exit(main())

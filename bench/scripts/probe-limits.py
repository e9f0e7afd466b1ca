#!/usr/bin/env python3
"""Sends requests beyond the usual parser limits to a greeting server and prints the first line of
each answer, so docs/contract.md's table of runtime limits can be re-checked:

    ./greetbench serve --runtime netty --port 8080 &   # then
    python3 bench/scripts/probe-limits.py 8080
"""
import socket
import sys

PORT = int(sys.argv[1]) if len(sys.argv) > 1 else 8080

CASES = [
    ("URI of 5 KiB", b"GET /" + b"a" * 5000 + b" HTTP/1.1\r\nHost: x\r\n\r\n"),
    ("URI of 70 KB", b"GET /" + b"a" * 70000 + b" HTTP/1.1\r\nHost: x\r\n\r\n"),
    ("header of 10 KB", b"GET /a HTTP/1.1\r\nHost: x\r\nX-Big: " + b"b" * 10000 + b"\r\n\r\n"),
    ("header of 70 KB", b"GET /a HTTP/1.1\r\nHost: x\r\nX-Big: " + b"b" * 70000 + b"\r\n\r\n"),
    ("header of 1.1 MB", b"GET /a HTTP/1.1\r\nHost: x\r\nX-Big: " + b"b" * 1100000 + b"\r\n\r\n"),
    ("version HTTP/2.0", b"GET /a HTTP/2.0\r\nHost: x\r\n\r\n"),
    ("garbage line", b"GARBAGE\r\n\r\n"),
    ("raw UTF-8 in path", "GET /zoë HTTP/1.1\r\nHost: x\r\n\r\n".encode("utf-8")),
    ("bad escape in query", b"GET /a?x=%ZZ HTTP/1.1\r\nHost: x\r\n\r\n"),
]


def first_line(raw):
    s = socket.create_connection(("127.0.0.1", PORT), timeout=5)
    try:
        s.sendall(raw)
        data = b""
        while b"\r\n" not in data:
            chunk = s.recv(65536)
            if not chunk:
                break
            data += chunk
        return data.split(b"\r\n")[0].decode("latin1") if data else "(closed without answer)"
    except OSError as e:
        return "(%s)" % type(e).__name__
    finally:
        s.close()


for label, raw in CASES:
    print("%-22s %s" % (label, first_line(raw)))

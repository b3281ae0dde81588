#!/usr/bin/python3
# (c) a 20 MB message through a raw socket: the queued copy after the Received line
# is byte-exact (CRLF -> LF, dot-unstuffed, 8-bit and NUL kept), and the session's
# peak memory stays far below the message size (the body streams to the spool).
import os
import random
import sys
import time
sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from itlib import Server, Client, check, run_test, finish, strip_received, TestFailure, note, dot_stuff_crlf

MB = int(os.environ.get("BIG_MB", "20"))   # BIG_MB=50 for the 50 MB measurement
SIZE = MB * 1024 * 1024


def make_lines():
    rnd = random.Random(20261122)
    alphabet = bytes(range(32, 127)) + bytes(range(128, 256)) + b"\0\t"
    lines = [b"Subject: big", b"X-Test: %d MB" % MB, b""]
    total = 0
    n = 0
    while total < SIZE:
        n += 1
        kind = n % 7
        if kind == 0:
            l = b"." * rnd.randint(1, 3) + b"dot line %d" % n
        elif kind == 3:
            l = b""
        elif kind == 5:
            l = b"."                    # a lone dot, stuffed on the wire
        else:
            k = rnd.randint(1, 998)
            l = bytes(rnd.choice(alphabet) for _ in range(min(k, 40))) * (k // 40 + 1)
            l = l[:k]
        lines.append(l)
        total += len(l) + 1
    return lines


def peak_kb(pid):
    try:
        for l in open("/proc/%d/status" % pid):
            if l.startswith("VmHWM:"):
                return int(l.split()[1])
    except OSError:
        pass
    return None


def test():
    lines = make_lines()
    expected = b"".join(l + b"\n" for l in lines)
    wire = dot_stuff_crlf(lines)
    srv = Server("bigmessage").start()
    c = Client(srv.port, timeout=120)
    c.expect(220, "greeting")
    c.cmd("EHLO client.example", 250)
    c.cmd("MAIL FROM:<a@b.test> SIZE=%d" % len(wire), 250)
    c.cmd("RCPT TO:<u@example.test>", 250)
    c.cmd("DATA", 354)
    t0 = time.time()
    c.send(wire)
    c.expect(250, "end of data")
    dt = time.time() - t0
    pids = [p for p, st in srv.sessions().items() if st is None]
    peak = peak_kb(pids[0]) if len(pids) == 1 else None
    c.cmd("QUIT", 221)
    c.close()
    srv.wait_sessions()
    q = srv.queued()
    check(len(q) == 1, "%d queued" % len(q))
    got = strip_received(q[0][0])
    if got != expected:
        i = next((k for k in range(min(len(got), len(expected))) if got[k] != expected[k]),
                 min(len(got), len(expected)))
        raise TestFailure("queued copy differs at byte %d (got %d bytes, expected %d): got %r expected %r"
                          % (i, len(got), len(expected), got[i:i + 40], expected[i:i + 40]))
    note("%d MB: %.1fs on the wire, session peak RSS %s kB" % (MB, dt, peak))
    check(peak is None or peak < 16 * 1024, "session peak RSS %d kB for a %d MB message" % (peak or 0, MB))
    check(srv.leftovers() == [], "left behind: %r" % srv.leftovers())


run_test("integration/big-message: %d MB byte-exact" % MB, test)
finish()

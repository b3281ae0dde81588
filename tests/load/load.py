#!/usr/bin/python3
# Load test (issue 3, item 7; make check-load, not make check): 10 000 messages
# through `tcpserver -c 100` from 100 concurrent clients (threads). Each client
# sends 100 messages in sessions of 1 to 4 messages (so transactions follow each
# other in one session too), each message with a unique Message-Id token.
# Afterwards:
#   - every 250 is matched by exactly one queued message in the qmail-queue
#     double's record (QQ_DIR: <unique>.msg/.env pairs), and nothing else is
#     there: no message without its 250, no duplicate, no temporary file;
#   - each queued envelope is the one its client sent; spool/ is empty;
#   - every session ended with exit 0 (tcpserver -v), none still running.
# Prints the wall time, messages/s and session latencies as "# " lines.
# Environment: LOAD_MESSAGES (10000), LOAD_CLIENTS (100), LOAD_CONCURRENCY
# (tcpserver -c, 100).
import os
import re
import sys
import threading
import time
sys.dont_write_bytecode = True
sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "integration"))
from itlib import Server, Client, check, run_test, finish, note  # noqa: E402

MESSAGES = int(os.environ.get("LOAD_MESSAGES", "10000"))
CLIENTS = int(os.environ.get("LOAD_CLIENTS", "100"))
CONC = int(os.environ.get("LOAD_CONCURRENCY", "100"))
SESSION_SIZES = (1, 2, 3, 4)


def body(token, i):
    return (b"Message-Id: <%s@load.test>\r\nSubject: load %d\r\nFrom: <c@load.test>\r\n\r\n" % (token, i)
            + b"line %d of a small message\r\n" * 12 % tuple(range(12)) + b"..dot-stuffed line\r\n.\r\n")


def client(port, k, count, accepted, latencies, errors):
    """Client k: count messages; records (token, envelope) for each 250."""
    n = 0
    s = 0
    try:
        while n < count:
            size = min(SESSION_SIZES[(k + s) % len(SESSION_SIZES)], count - n)
            s += 1
            t0 = time.time()
            c = Client(port, timeout=120)
            try:
                c.expect(220, "greeting")
                c.cmd("EHLO c%d.load.test" % k, 250)
                for _ in range(size):
                    token = b"m%d.%d" % (k, n)
                    sender = "s%d.%d@load.test" % (k, n)
                    rcpt = "u%d@example.test" % (n % 3)
                    c.cmd("MAIL FROM:<%s>" % sender, 250)
                    c.cmd("RCPT TO:<%s>" % rcpt, 250)
                    c.cmd("DATA", 354)
                    c.send(body(token, n))
                    code, lines = c.reply()
                    if code == 250:
                        accepted.append((token.decode(), ("F%s\0T%s\0\0" % (sender, rcpt)).encode()))
                    else:
                        errors.append("client %d message %d: %r" % (k, n, lines))
                    n += 1
                c.cmd("QUIT", 221)
                check(c.eof(30), "no close after QUIT")
            finally:
                c.close()
            latencies.append(time.time() - t0)
    except Exception as e:
        errors.append("client %d after %d messages: %s: %s" % (k, n, type(e).__name__, e))


def pct(sorted_list, p):
    return sorted_list[min(len(sorted_list) - 1, int(len(sorted_list) * p / 100))]


def test():
    srv = Server("load")
    srv.tcpserver_opts = ["-c", str(CONC), "-b", str(max(CONC, 20))]
    srv.start()
    per = [MESSAGES // CLIENTS + (1 if k < MESSAGES % CLIENTS else 0) for k in range(CLIENTS)]
    accepted, latencies, errors = [], [], []
    threads = [threading.Thread(target=client, args=(srv.port, k, per[k], accepted, latencies, errors),
                                daemon=True) for k in range(CLIENTS)]
    t0 = time.time()
    for t in threads:
        t.start()
    for t in threads:
        t.join(max(1, 1200 - (time.time() - t0)))
    wall = time.time() - t0
    check(all(not t.is_alive() for t in threads), "clients still running after %ds" % wall)
    lat = sorted(latencies)
    note("%d messages in %d sessions from %d clients through tcpserver -c %d: %.1fs, %.0f messages/s"
         % (len(accepted), len(lat), CLIENTS, CONC, wall, len(accepted) / wall if wall else 0))
    if lat:
        note("session latency p50 %.0f ms, p99 %.0f ms, max %.0f ms"
             % (pct(lat, 50) * 1000, pct(lat, 99) * 1000, lat[-1] * 1000))
    check(not errors, "%d client error(s), first: %s" % (len(errors), "; ".join(errors[:3])))
    check(len(accepted) == MESSAGES, "%d 250s for %d messages" % (len(accepted), MESSAGES))
    st = srv.wait_sessions(timeout=60, count=len(lat))
    bad = {p: v for p, v in st.items() if v != 0}
    check(not bad, "%d session(s) did not exit 0: %r" % (len(bad), list(bad.items())[:5]))
    # the record: exactly one .msg/.env pair per 250, nothing else
    names = os.listdir(srv.qqdir)
    other = [f for f in names if not re.search(r"\.(msg|env)$", f)]
    check(not other, "unexpected files in the queue record: %r" % other[:10])
    msgs = sorted(f[:-4] for f in names if f.endswith(".msg"))
    envs = sorted(f[:-4] for f in names if f.endswith(".env"))
    check(msgs == envs, "%d .msg but %d .env files" % (len(msgs), len(envs)))
    want = dict(accepted)
    seen = {}
    for u in msgs:
        m = open(os.path.join(srv.qqdir, u + ".msg"), "rb").read()
        e = open(os.path.join(srv.qqdir, u + ".env"), "rb").read()
        t = re.search(rb"^Message-Id: <([^>@]+)@load\.test>$", m, re.M)
        check(t is not None, "%s.msg has no token" % u)
        token = t.group(1).decode()
        check(token in want, "%s.msg: token %s had no 250" % (u, token))
        check(token not in seen, "token %s queued twice (%s, %s)" % (token, seen.get(token), u))
        check(e == want[token], "%s.env %r, expected %r" % (u, e, want[token]))
        check(m.endswith(b"\n.dot-stuffed line\n"), "%s.msg: body not unstuffed: %r" % (u, m[-40:]))
        seen[token] = u
    check(len(seen) == len(want), "%d of %d accepted messages in the record" % (len(seen), len(want)))
    check(os.listdir(srv.spool) == [], "spool/ not empty")
    srv.stop()


run_test("load/load: %d messages, %d clients, tcpserver -c %d: each 250 queued once, nothing else"
         % (MESSAGES, CLIENTS, CONC), test)
finish()

#!/usr/bin/python3
# hosts_allow (issue 12) under real tcpserver, where every session is its own
# process: the per-IP session limit counts exactly (held sessions, kill -9,
# 100 parallel clients), karma moves it, the per-IP rate follows the
# overridable clock and counts exactly under 100 parallel clients on LMDB and
# on a real redis-server, and a limiter that cannot count lets clients in.
import errno
import os
import shutil
import signal
import sys
import threading
import time
sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from itlib import Client, Server, check, finish, run_test, strerror
from storelib import Redis

# the server's C library words its errors (glibc and musl differ)
EIO = strerror(errno.EIO)

T0 = 1800000000
TOO_MANY = "421 too many connections from 127.0.0.1, try again later"


def server(name, line, store=True, more=None, env=None, opts=None, control=None):
    st = None
    ctl = {"loglevel": "6"}
    ctl.update(control or {})
    s = Server(name, control=ctl, plugins=(more or []) + [line, "rcpt_ok", "queue/qmail-queue"], env=env)
    st = os.path.join(s.dir, "store")
    if store:
        os.mkdir(st)
    with open(os.path.join(s.control, "store_dir"), "w") as f:
        f.write(st + "\n")
    s.tcpserver_opts = opts or ["-c", "200", "-b", "200"]
    return s.start()


def greet(port):
    """A client and its greeting line."""
    c = Client(port)
    code, lines = c.reply()
    return c, lines[0]


def holding(s, n):
    out = []
    for i in range(n):
        c, l = greet(s.port)
        check(l.startswith("220 "), "session %d of %d: %r" % (i + 1, n, l))
        out.append(c)
    return out


def refused(s, what):
    c, l = greet(s.port)
    check(l == TOO_MANY, "%s: %r" % (what, l))
    check(c.eof(5), "%s: the connection is closed" % what)
    c.close()


def running_pids(s):
    return [p for p, v in s.sessions().items() if v is None]


def t_limit_and_kill():
    s = server("hosts_allow-limit", "hosts_allow max_per_ip 3")
    held = holding(s, 3)
    refused(s, "the fourth session")
    for c in held:
        c.cmd("NOOP", 250)
    # kill -9 two holders: the kernel drops their locks, new sessions come in at once.
    # The refused session has closed; tcpserver may log its end a moment later.
    deadline = time.time() + 5
    while len(running_pids(s)) > 3 and time.time() < deadline:
        time.sleep(0.02)
    pids = sorted(running_pids(s))
    check(len(pids) == 3, "three sessions run: %r" % pids)
    for p in pids[:2]:
        os.kill(p, signal.SIGKILL)
    deadline = time.time() + 5
    while len(running_pids(s)) > 1 and time.time() < deadline:
        time.sleep(0.02)
    more = holding(s, 2)
    refused(s, "over the limit again after the kills")
    check("fail: over the concurrency limit (3 sessions)" in s.log(), s.log()[-2000:])
    for c in held + more:
        c.send("QUIT\r\n")
        c.close()
    s.wait_sessions()
    d = os.path.join(s.dir, "store", "hosts_allow")
    # the last session to end removes the file; a killed one's stays only if no session ended after it
    check(os.listdir(d) == [], "slot files left: %r" % os.listdir(d))
    s.stop()


def t_hundred():
    s = server("hosts_allow-100", "hosts_allow max_per_ip 10")
    ok, no = hundred(s, TOO_MANY)
    check(len(ok) == 10 and len(no) == 90, "admitted %d, refused %d" % (len(ok), len(no)))


def t_rate_hundred(redis=None):
    # the rate counter under 100 connections at once, on LMDB and on Redis:
    # exactly max_rate admitted in the window
    s = server("hosts_allow-rate100" + ("-redis" if redis else ""), "hosts_allow max_per_ip 0 max_rate 10/600",
               env={"QCSMTPD_TEST_NOW": str(T0)}, control={"store_redis": "127.0.0.1:%d" % redis.port} if redis else None)
    ok, no = hundred(s, "421 too many connections from 127.0.0.1 in 600 seconds, try again later")
    check(len(ok) == 10 and len(no) == 90, "admitted %d, refused %d" % (len(ok), len(no)))


def hundred(s, refusal):
    """100 clients connect at once: the greetings admitted and refused"""
    results = []
    clients = []
    lock = threading.Lock()
    start = threading.Event()

    def one():
        start.wait()
        try:
            c, l = greet(s.port)
        except Exception as e:
            l, c = "error %s" % e, None
        with lock:
            results.append(l)
            if c:
                clients.append(c)

    ts = [threading.Thread(target=one) for _ in range(100)]
    for t in ts:
        t.start()
    start.set()
    for t in ts:
        t.join(60)
    ok = [l for l in results if l.startswith("220 ")]
    no = [l for l in results if l == refusal]
    check(len(results) == 100 and len(ok) + len(no) == 100,
          "admitted %d, refused %d, other %r" % (len(ok), len(no), [l for l in results if l not in ok and l not in no][:5]))
    for c in clients:
        c.close()
    s.wait_sessions(timeout=30)
    s.stop()
    return ok, no


def t_karma():
    s = server("hosts_allow-karma-good", "hosts_allow max_per_ip 1", more=["test/note karma_history 2"])
    held = holding(s, 4)
    refused(s, "good karma: 1 + 3")
    for c in held:
        c.close()
    s.wait_sessions()
    s.stop()
    s = server("hosts_allow-karma-bad", "hosts_allow max_per_ip 5", more=["test/note karma_history -1"])
    held = holding(s, 1)
    refused(s, "bad karma: 1")
    for c in held:
        c.close()
    s.wait_sessions()
    s.stop()


def t_rate():
    s = server("hosts_allow-rate", "hosts_allow max_per_ip 0 max_rate 3/60", env={"QCSMTPD_TEST_NOW": str(T0)})
    for i in range(3):
        c, l = greet(s.port)
        check(l.startswith("220 "), "session %d: %r" % (i + 1, l))
        c.cmd("QUIT", 221)
        c.close()
    c, l = greet(s.port)
    check(l == "421 too many connections from 127.0.0.1 in 60 seconds, try again later", "the fourth in the window: %r" % l)
    c.close()
    s.wait_sessions()
    check("fail: over the rate of 3/60" in s.log(), s.log()[-2000:])
    store = os.path.join(s.dir, "store")
    s.stop()
    # the next window (T0 is a multiple of 60: windows are fixed), same store
    s = Server("hosts_allow-rate-next", control={"store_dir": store}, env={"QCSMTPD_TEST_NOW": str(T0 + 60)},
               plugins=["hosts_allow max_per_ip 0 max_rate 3/60", "rcpt_ok"]).start()
    c, l = greet(s.port)
    check(l.startswith("220 "), "next window: %r" % l)
    c.close()
    s.wait_sessions()
    s.stop()


def t_no_store():
    s = server("hosts_allow-nostore", "hosts_allow max_per_ip 1 max_rate 1/60", store=False)
    held = holding(s, 3)
    for c in held:
        c.cmd("NOOP", 250)
        c.close()
    s.wait_sessions()
    log = s.log()
    check("store/hosts_allow: No such file or directory; the concurrency limit is not checked" in log, log[-2000:])
    check("store failure: " + EIO + "; the rate is not checked" in log, log[-2000:])
    s.stop()


def main():
    run_test("hosts_allow: N held sessions from one IP, the next refused; kill -9 frees slots at once", t_limit_and_kill)
    run_test("hosts_allow: 100 parallel sessions with max_per_ip 10: exactly 10 admitted", t_hundred)
    run_test("hosts_allow: karma_history moves the limit (+3 good, 1 bad)", t_karma)
    run_test("hosts_allow: max_rate on the overridable clock, fixed windows", t_rate)
    run_test("hosts_allow: 100 parallel sessions with max_rate 10/600: exactly 10 admitted", t_rate_hundred)
    if shutil.which("redis-server"):
        redis = Redis()
        try:
            run_test("hosts_allow on Redis: 100 parallel sessions with max_rate 10/600: exactly 10 admitted",
                     lambda: t_rate_hundred(redis))
        finally:
            redis.stop()
    else:
        run_test("hosts_allow on Redis", lambda: check(False, "redis-server is not installed (Debian: redis-server)"))
    run_test("hosts_allow: store_dir missing: both limits pass, logged", t_no_store)
    finish()


main()

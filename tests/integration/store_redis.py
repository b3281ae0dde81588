#!/usr/bin/python3
# The store (qp_store_*, issue 12) on a real redis-server (control/store_redis),
# through the test/store plugin's XSTORE command in real session processes:
# expiry on the overridable clock; 100 parallel sessions on one counter
# (exact total); sessions killed with SIGKILL mid-update; AUTH right and
# wrong; a unix socket; Redis restarted in the middle of a session; and the
# faults, each a 451 from the plugin, one log line and no wait past the
# deadline: connection refused, a server that never answers, one that
# answers garbage, one that resets mid-reply, a malformed store_redis. Then
# two qcsmtpd hosts (two tcpserver instances, two control directories) with
# greylisting on one Redis: a triplet deferred on the first passes on the
# second after the black timeout, and Redis down passes mail on both.
import errno
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from itlib import BIN, QQ, TestFailure, check, finish, free_port, note, run_test, tmpbase, strerror
from storelib import Redis, env, kill9, parallel, session

# the server's C library words its errors (glibc and musl differ)
EIO = strerror(errno.EIO)
ETIMEDOUT = strerror(errno.ETIMEDOUT)


class Fake(threading.Thread):
    """a server on a free port that accepts and then, per connection:
    'silent' reads and never answers; 'garbage' answers a line that is no
    RESP reply; 'reset' sends half a bulk reply and resets the connection"""

    def __init__(self, mode):
        threading.Thread.__init__(self, daemon=True)
        self.mode, self.conns = mode, 0
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.port = self.sock.getsockname()[1]
        self.keep = []
        self.start()

    def run(self):
        while True:
            try:
                c, _ = self.sock.accept()
            except OSError:
                return
            self.conns += 1
            self.keep.append(c)
            try:
                c.recv(65536)
                if self.mode == "garbage":
                    c.sendall(b"HTTP/1.1 400 Bad Request\r\n\r\n")
                elif self.mode == "reset":
                    c.sendall(b"$100\r\nhalf")
                    c.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
                    c.close()
            except OSError:
                pass

    def close(self):
        self.sock.close()
        for c in self.keep:
            c.close()


def setup(redis_line, files=None):
    d = tempfile.mkdtemp(prefix="store_redis.", dir=tmpbase())
    ctl = os.path.join(d, "control")
    os.makedirs(ctl)
    f = {"me": "mx.example.test", "plugins": "test/store", "store_redis": redis_line}
    f.update(files or {})
    for k, v in f.items():
        with open(os.path.join(ctl, k), "w") as fh:
            fh.write(v + "\n")
    return d


def t_expiry(redis):
    d = setup("127.0.0.1:%d" % redis.port)
    out, _ = session(d, ["XSTORE PUT grey k hello 60", "XSTORE INCR grey c 3 60", "XSTORE PUT grey keep x 0"], now=1000)
    check(out == ["250 2.0.0 stored", "250 2.0.0 counter 3", "250 2.0.0 stored"], out)
    out, _ = session(d, ["XSTORE GET grey k", "XSTORE INCR grey c 1 60"], now=1059)
    check(out == ["250 2.0.0 value hello expires=1060", "250 2.0.0 counter 4"], "before expiry: %r" % out)
    out, _ = session(d, ["XSTORE GET grey k", "XSTORE INCR grey c 1 30", "XSTORE GET grey c", "XSTORE GET grey keep",
                         "XSTORE INCR grey keep 1 0", "XSTORE DEL grey keep", "XSTORE DEL grey keep"], now=1060)
    check(out == ["250 2.0.0 missing", "250 2.0.0 counter 1", "250 2.0.0 value 1 expires=1090",
                  "250 2.0.0 value x expires=0", "451 4.3.0 store failure: Invalid argument",
                  "250 2.0.0 deleted", "250 2.0.0 missing"], "at expiry: %r" % out)
    # counters beyond 2^53 (Lua's doubles) saturate, never wrap or change sign
    out, _ = session(d, ["XSTORE INCR big n 9007199254740990 0", "XSTORE INCR big n 5 0",
                         "XSTORE INCR big m -9223372036854775807 0", "XSTORE INCR big n 9223372036854775807 0"], now=1060)
    check(out == ["250 2.0.0 counter 9007199254740990", "250 2.0.0 counter 9007199254740992",
                  "250 2.0.0 counter -9007199254740992", "250 2.0.0 counter 9007199254740992"], "saturation: %r" % out)
    # the key's Redis TTL: the value's expiry plus 60 s of slack, relative
    # (the test clock is years behind the server's)
    r = subprocess.run(["redis-cli", "-p", str(redis.port), "PTTL", "qc:grey:c"], capture_output=True, text=True)
    check(85000 < int(r.stdout) <= 90000, "PTTL %s" % r.stdout)


def t_parallel(redis):
    parallel(setup("127.0.0.1:%d" % redis.port))


def t_kill9(redis):
    kill9(setup("127.0.0.1:%d" % redis.port), " on Redis")


def t_auth_unix():
    sock = os.path.join(tempfile.mkdtemp(prefix="redis-sock.", dir=tmpbase()), "redis.sock")
    r = Redis(password="s3cret-Pw", unixsock=sock)
    try:
        d = setup("127.0.0.1:%d" % r.port, {"store_redis_password": "s3cret-Pw"})
        out, log = session(d, ["XSTORE PUT a k v 0", "XSTORE GET a k"])
        check(out == ["250 2.0.0 stored", "250 2.0.0 value v expires=0"], (out, log))
        d = setup(sock, {"store_redis_password": "s3cret-Pw", "store_redis_db": "3"})
        out, log = session(d, ["XSTORE GET a k", "XSTORE PUT a k w 0"])
        check(out == ["250 2.0.0 missing", "250 2.0.0 stored"], "unix socket, database 3: %r %s" % (out, log))
        c = subprocess.run(["redis-cli", "-s", sock, "-a", "s3cret-Pw", "--no-auth-warning", "-n", "3", "GET", "qc:a:k"],
                           capture_output=True, text=True)
        check(c.stdout.strip() == "0:s:w", "in database 3: %r" % c.stdout)
        d = setup("127.0.0.1:%d" % r.port, {"store_redis_password": "wrong-Pw"})
        out, log = session(d, ["XSTORE GET a k", "XSTORE GET a k"])
        check(out == ["451 4.3.0 store failure: " + EIO] * 2, out)
        check(re.search(r"store: Redis refused AUTH: WRONGPASS", log), log)
        check("wrong-Pw" not in log and "s3cret" not in log, "a password in the log: %s" % log)
        check(log.count("error store: ") == 1, "one failure line per connection: %s" % log)
        d = setup("127.0.0.1:%d" % r.port)
        out, log = session(d, ["XSTORE GET a k"])
        check(out[0].startswith("451 4.3.0") and "NOAUTH" in log, (out, log))
    finally:
        r.stop()


def timed(d, cmds):
    t = time.time()
    out, log = session(d, cmds)
    return out, log, time.time() - t


def t_faults():
    # refused: a port nobody listens on
    d = setup("127.0.0.1:%d" % free_port())
    out, log, took = timed(d, ["XSTORE GET g k", "XSTORE INCR g c 1 0", "NOOP"])
    check(out[:2] == ["451 4.3.0 store failure: " + EIO] * 2 and out[2].startswith("250"), out)
    check("store: cannot talk to Redis (control/store_redis): Connection refused" in log, log)
    check(took < 1, "refused took %.2f s" % took)
    # a server that accepts and never answers: one wait of the deadline, then
    # the store is off for the connection (the second call fails at once)
    f = Fake("silent")
    try:
        d = setup("127.0.0.1:%d" % f.port)
        out, log, took = timed(d, ["XSTORE GET g k", "XSTORE PUT g k v 0", "NOOP"])
        check(out[:2] == ["451 4.3.0 store failure: " + EIO] * 2 and out[2].startswith("250"), out)
        check("store: Redis: " + ETIMEDOUT in log, log)
        note("Redis hanging: the session's two calls took %.2f s (deadline 1 s)" % took)
        check(0.9 < took < 2, "a hanging Redis took %.2f s" % took)
    finally:
        f.close()
    # garbage: a reply that is not RESP
    f = Fake("garbage")
    try:
        d = setup("127.0.0.1:%d" % f.port)
        out, log, took = timed(d, ["XSTORE GET g k"])
        check(out == ["451 4.3.0 store failure: " + EIO], out)
        check("store: Redis: a reply out of protocol" in log, log)
        check(took < 1, "garbage took %.2f s" % took)
    finally:
        f.close()
    # reset in the middle of a reply: a GET is tried once more on a new
    # connection (then fails: this server always resets); an INCR is not
    f = Fake("reset")
    try:
        d = setup("127.0.0.1:%d" % f.port)
        out, log, took = timed(d, ["XSTORE GET g k"])
        check(out == ["451 4.3.0 store failure: " + EIO], out)
        check("store: Redis: the connection was closed" in log, log)
        check(f.conns == 2, "GET: %d connections, not 2 (one retry)" % f.conns)
        out, log, took = timed(d, ["XSTORE INCR g c 1 0"])
        check(out == ["451 4.3.0 store failure: " + EIO] and f.conns == 3,
              "INCR: %r after %d connections (no retry)" % (out, f.conns))
    finally:
        f.close()
    # store_redis malformed: names are not looked up
    for line, why in (("redis.example:6379", "names are not looked up"), ("127.0.0.1", "not IP:PORT"),
                      ("127.0.0.1:0", "not IP:PORT"), ("[::1]:99999", "not IP:PORT"), ("/" + "x" * 200, "too long")):
        d = setup(line)
        out, log = session(d, ["XSTORE GET g k"])
        check(out == ["451 4.3.0 store failure: " + EIO] and why in log, (line, out, log))


def t_restart():
    # Redis restarted while a session holds its connection: the next GET
    # reconnects and works; an INCR on a reset connection fails (it may have
    # been applied) and the one after it works
    r = Redis()
    try:
        d = setup("127.0.0.1:%d" % r.port)
        p = subprocess.Popen([BIN], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             env=env(d), cwd=d)
        rd = p.stdout

        def say(c):
            p.stdin.write(c.encode() + b"\r\n")
            p.stdin.flush()
            return rd.readline().decode().rstrip("\r\n")
        rd.readline()
        check(say("XSTORE PUT g k v 0") == "250 2.0.0 stored", "before the restart")
        r.restart()
        got = say("XSTORE GET g k")
        check(got == "250 2.0.0 missing", "GET after the restart (no persistence): %r" % got)
        r.restart()
        got = [say("XSTORE INCR g c 1 0"), say("XSTORE INCR g c 1 0")]
        check(got == ["451 4.3.0 store failure: " + EIO, "250 2.0.0 counter 1"], got)
        say("QUIT")
        p.stdin.close()
        log = p.stderr.read().decode()
        p.wait(10)
        check("store: Redis: the connection was closed" in log, log)
    finally:
        r.stop()


def tcpserver(ctl, now):
    port = free_port()
    e = {"PATH": "/usr/bin:/bin", "QCSMTPD_CONTROL": ctl, "QMAILQUEUE": QQ, "QQ_DIR": os.path.dirname(ctl),
         "QCSMTPD_TEST_NOW": str(now)}
    p = subprocess.Popen(["tcpserver", "-R", "-H", "-l", "0", "127.0.0.1", str(port), BIN], env=e,
                         stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    end = time.time() + 10
    while time.time() < end:
        try:
            socket.create_connection(("127.0.0.1", port), 0.2).close()
            return p, port
        except OSError:
            time.sleep(0.05)
    p.kill()
    raise TestFailure("tcpserver does not listen")


def smtp(port, rcpt):
    s = socket.create_connection(("127.0.0.1", port), 10)
    f = s.makefile("rb")
    out = []

    def reply():
        while True:
            l = f.readline().decode().rstrip("\r\n")
            if l[3:4] != "-":
                return l
    reply()
    for c in ("HELO c.example", "MAIL FROM:<a@sender.example>", "RCPT TO:<%s>" % rcpt, "QUIT"):
        s.sendall(c.encode() + b"\r\n")
        out.append(reply())
    s.close()
    return out


def t_fleet():
    r = Redis()
    hosts = []
    try:
        dirs = []
        for name, arg in (("mx1", ""), ("mx2", " redis 127.0.0.1:%d" % r.port)):
            # mx2 names the server as qpsmtpd's redis argument too: accepted,
            # since it is control/store_redis
            d = tempfile.mkdtemp(prefix="fleet-%s." % name, dir=tmpbase())
            ctl = os.path.join(d, "control")
            os.makedirs(ctl)
            for k, v in {"me": name + ".example.test", "rcpthosts": "example.test",
                         "plugins": "greylisting black_timeout 300%s\nrcpt_ok\nqueue/qmail-queue" % arg,
                         "store_redis": "127.0.0.1:%d" % r.port}.items():
                with open(os.path.join(ctl, k), "w") as fh:
                    fh.write(v + "\n")
            dirs.append(ctl)
        # the first attempt on mx1 at t=1000000 is deferred
        p, port = tcpserver(dirs[0], 1000000)
        hosts.append(p)
        out = smtp(port, "u@example.test")
        check(out[1].startswith("450 4.7.1"), "mx1, first attempt: %r" % out)
        # a retry on mx2 before the black timeout: deferred again
        p, port2 = tcpserver(dirs[1], 1000100)
        hosts.append(p)
        out = smtp(port2, "u@example.test")
        check(out[1].startswith("450 4.7.1"), "mx2, 100 s later: %r" % out)
        for p in hosts:
            p.terminate()
            p.wait()
        hosts = []
        # after it, on mx2: passes (the triplet mx1 stored)
        p, port2 = tcpserver(dirs[1], 1000301)
        hosts.append(p)
        out = smtp(port2, "u@example.test")
        check(out[1].startswith("250") and out[2].startswith("250"), "mx2, after the black timeout: %r" % out)
        # Redis down: both hosts pass mail (greylisting only ever delays)
        r.stop()
        p, port = tcpserver(dirs[0], 1000400)
        hosts.append(p)
        for pt in (port, port2):
            out = smtp(pt, "new@example.test")
            check(out[1].startswith("250") and out[2].startswith("250"), "Redis down: %r" % out)
    finally:
        for p in hosts:
            p.terminate()
            p.wait()
        r.stop()


def main():
    for prog in ("redis-server", "redis-cli", "tcpserver"):
        if not shutil.which(prog):
            print("FAIL - integration/store_redis: %s is not installed (Debian: redis-server redis-tools ucspi-tcp)" % prog)
            print("0 passed, 1 failed")
            sys.exit(1)
    redis = Redis()
    try:
        run_test("store on Redis: expiry on the clock across sessions, counters, delete, the key's TTL", lambda: t_expiry(redis))
        run_test("store on Redis: 100 parallel sessions increment one counter: exact total", lambda: t_parallel(redis))
        run_test("store on Redis: sessions killed with SIGKILL mid-update: usable store, no acknowledged update lost",
                 lambda: t_kill9(redis))
    finally:
        redis.stop()
    run_test("store on Redis: AUTH right and wrong (never logged), a unix socket, store_redis_db", t_auth_unix)
    run_test("store on Redis: refused, hanging, garbage, reset mid-reply, malformed store_redis: 451, logged, bounded",
             t_faults)
    run_test("store on Redis: restarted mid-session: GET reconnects, INCR is not retried", t_restart)
    run_test("store on Redis: two hosts share greylisting; Redis down passes mail on both", t_fleet)
    finish()


main()

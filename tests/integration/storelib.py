# Shared by the store's tests (store.py on LMDB, store_redis.py on Redis):
# sessions of the test/store plugin's XSTORE command, and the two checks
# that must hold on either back end: 100 parallel sessions on one counter,
# and sessions killed with SIGKILL in the middle of updates; a real
# redis-server for the tests of the Redis back end.
import os
import random
import re
import signal
import socket
import subprocess
import tempfile
import time
from itlib import BIN, TestFailure, check, free_port, note, tmpbase


def env(d, now=None):
    e = {"PATH": "/usr/bin:/bin", "QCSMTPD_CONTROL": os.path.join(d, "control"), "QMAIL": os.path.join(d, "qmail"),
         "TCPREMOTEIP": "192.0.2.7", "TCPLOCALIP": "127.0.0.1"}
    if now is not None:
        e["QCSMTPD_TEST_NOW"] = str(now)
    for k in ("ASAN_OPTIONS", "UBSAN_OPTIONS", "LSAN_OPTIONS"):
        if k in os.environ:
            e[k] = os.environ[k]
    return e


def session(d, cmds, now=None):
    """Runs XSTORE commands in one session: the replies after the greeting, and the log."""
    r = subprocess.run([BIN], input="".join(c + "\r\n" for c in cmds + ["QUIT"]).encode(), env=env(d, now),
                       cwd=d, capture_output=True, timeout=60)
    out = r.stdout.decode("latin-1").split("\r\n")
    return out[1:1 + len(cmds)], r.stderr.decode("latin-1")


def parallel(d):
    """100 sessions at once, each adding 1 to the same counter 5 times: 500"""
    procs = [subprocess.Popen([BIN], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                              env=env(d), cwd=d) for _ in range(100)]
    for p in procs:
        p.stdin.write(b"".join(b"XSTORE INCR karma 192.0.2.7 1 0\r\n" for _ in range(5)) + b"QUIT\r\n")
        p.stdin.close()
    acks = 0
    for p in procs:
        acks += p.stdout.read().count(b"250 2.0.0 counter")
        p.stdout.close()
        p.wait(60)
    out, _ = session(d, ["XSTORE GET karma 192.0.2.7"])
    check(acks == 500, "%d increments acknowledged" % acks)
    check(out[0].startswith("250 2.0.0 value 500 "), "total after 100 parallel sessions: %r" % out)


def kill9(d, what):
    """20 sessions of 300 increments each; 10 of them are killed with SIGKILL
    at random moments. Every acknowledged increment is in the total, and
    every one the survivors sent; a killed session may have committed some
    whose replies were still in its output buffer (pipelined commands are
    answered in one write), never more than it sent."""
    procs = []
    for i in range(20):
        p = subprocess.Popen([BIN], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                             env=env(d), cwd=d)
        p.stdin.write(b"".join(b"XSTORE INCR k c 1 0\r\n" for _ in range(300)) + b"QUIT\r\n")
        p.stdin.flush()
        procs.append(p)
    time.sleep(0.05)
    killed = random.sample(procs, 10)
    for p in killed:
        time.sleep(random.random() * 0.05)
        p.kill()
    acks = timeouts = 0
    for p in procs:
        try:
            out, _ = p.communicate(timeout=60)
        except subprocess.TimeoutExpired:
            ps = subprocess.run(["ps", "-eo", "pid,stat,wchan:32,args"], capture_output=True, text=True).stdout
            for q in procs:
                q.kill()
            raise TestFailure("a session is stuck after the kills:\n" +
                              "\n".join(l for l in ps.splitlines() if "qcsmtpd" in l))
        n = out.count(b"250 2.0.0 counter")
        # a survivor answers every increment: acknowledged, or refused when it
        # waited for the store's lock past its deadline (2 s; a loaded machine
        # with 20 writers gets there), which commits nothing
        late = out.count(b"451 4.3.0 store failure: ")
        check(p in killed or n + late == 300, "a session that was not killed answered %d of 300 (%d acknowledged)" % (n + late, n))
        check(p in killed or n > 0, "a session that was not killed had no increment acknowledged")
        timeouts += late if p not in killed else 0
        acks += n
    out, log = session(d, ["XSTORE INCR k c 0 0", "XSTORE PUT k after yes 0", "XSTORE GET k after"])
    m = re.match(r"250 2\.0\.0 counter (\d+)$", out[0])
    check(m, "the store is not usable after the kills: %r %s" % (out, log))
    total = int(m.group(1))
    note("kill -9%s: %d increments acknowledged, total %d, 10 sessions killed, %d increments of survivors refused after the lock deadline"
         % (what, acks, total, timeouts))
    check(acks <= total <= 20 * 300, "total %d for %d acknowledged" % (total, acks))
    check(out[2].startswith("250 2.0.0 value yes"), out)


class Redis:
    """redis-server on 127.0.0.1 and a free port (or a unix socket), no
    persistence, stopped by PID (reference/peers.md)"""

    def __init__(self, password=None, unixsock=None):
        self.dir = tempfile.mkdtemp(prefix="redis.", dir=tmpbase())
        self.port, self.password, self.unixsock = free_port(), password, unixsock
        self.start()

    def start(self):
        argv = ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
                "--dir", self.dir, "--daemonize", "no", "--logfile", os.path.join(self.dir, "redis.log")]
        if self.password:
            argv += ["--requirepass", self.password]
        if self.unixsock:
            argv += ["--unixsocket", self.unixsock, "--unixsocketperm", "700"]
        self.proc = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        end = time.time() + 10
        while time.time() < end:
            try:
                socket.create_connection(("127.0.0.1", self.port), 0.2).close()
                return
            except OSError:
                time.sleep(0.05)
        raise TestFailure("redis-server does not listen on %d" % self.port)

    def stop(self):
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            self.proc.wait(10)

    def restart(self):
        self.stop()
        self.start()

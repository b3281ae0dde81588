# flib.py: shared code of the fault-injection tests (imported, not run). Builds on
# tests/integration/itlib.py (real tcpserver on a free loopback port, stopped by
# PID; the qmail-queue double recording into queue/). Every scenario ends with
# Check.clean(), which asserts what issue 3 asks of every fault:
#   - no 250 without a queued message, no queued message without a 250: each
#     message carries a unique Message-Id token; the tokens of the queued messages
#     are exactly those the client saw a 250 for, each once;
#   - no leftovers: spool/ empty, no temporary files of the double in queue/;
#   - every session ended with the expected exit status (tcpserver -v "end");
#   - no orphans: no process but tcpserver itself still carries this server's
#     QQ_DIR in its environment (sessions and their qmail-queue children do).

import os
import re
import signal
import socket
import struct
import sys
import time

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "integration"))
import itlib  # noqa: E402
from itlib import Client, TestFailure, check, note, finish  # noqa: E402,F401

TESTS = itlib.TESTS
QQ = itlib.QQ
IS_ROOT = os.geteuid() == 0


class Skip(Exception):
    pass


def run_test(name, fn):
    """itlib.run_test, plus Skip: `ok - name # SKIP reason`."""
    def wrapped():
        try:
            fn()
        except Skip as e:
            wrapped.skipped = str(e)
    wrapped.skipped = None
    try:
        fn_ok = True
        wrapped()
    except TestFailure as e:
        fn_ok = False
        itlib.report(name, str(e))
    except Exception as e:
        fn_ok = False
        itlib.report(name, "%s: %s" % (type(e).__name__, e))
    if fn_ok:
        itlib.report(name + (" # SKIP %s" % wrapped.skipped if wrapped.skipped else ""))


def token_of(msg):
    m = re.search(rb"^Message-Id: <([^>@]+)@fault\.test>$", msg, re.M)
    return m.group(1).decode() if m else None


_count = [0]


def new_token(tag):
    _count[0] += 1
    return "%s.%d.%d" % (re.sub(r"\W", "-", tag), os.getpid(), _count[0])


def message(token, size=0):
    """Header with the token, then a body of about size octets, as (wire bytes
    without the final dot, stored LF bytes). Lines of 78 octets plus CRLF."""
    head = b"Message-Id: <%s@fault.test>\r\nSubject: fault %s\r\n\r\n" % (token.encode(), token.encode())
    line = b"0123456789" * 7 + b"abcdefgh\r\n"
    body = line * (size // len(line) + 1) if size else b"short body\r\n"
    return head + body


class Server(itlib.Server):
    """itlib.Server with the checks above; control/timeoutsmtpd etc. via control."""

    def __init__(self, name, control=None, env=None, plugins=itlib.DEFAULT_PLUGINS, **kw):
        itlib.Server.__init__(self, name, control=control, plugins=plugins, env=env, **kw)

    def our_procs(self):
        """pids (not tcpserver's) whose environment has this server's QQ_DIR."""
        key = b"QQ_DIR=" + self.qqdir.encode() + b"\0"
        me = self.proc.pid if self.proc else None
        out = []
        for d in os.listdir("/proc"):
            if not d.isdigit() or int(d) in (me, os.getpid()):
                continue
            try:
                env = open("/proc/%s/environ" % d, "rb").read()
            except OSError:
                continue
            if key in env + b"\0":
                out.append(int(d))
        return out

    def session_pid(self, timeout=5):
        """The pid of the one running session (from tcpserver -v)."""
        deadline = time.time() + timeout
        while time.time() < deadline:
            running = [p for p, st in self.sessions().items() if st is None]
            if running:
                return running[-1]
            time.sleep(0.01)
        raise TestFailure("no session seen in the tcpserver log")

    def clean(self, accepted, statuses=None, count=None, timeout=15):
        """The end-of-scenario checks. accepted: tokens the client saw 250 for;
        statuses: expected exit status of every session (an int for all, or a
        list in session order), None: not checked; count: sessions expected."""
        st = self.wait_sessions(timeout=timeout, count=count)
        # 1. every 250 is one queued message, and every queued message had its 250
        got = []
        for msg, env in self.queued():
            t = token_of(msg)
            check(t is not None, "a queued message without a token: %r" % msg[:200])
            got.append(t)
        check(sorted(got) == sorted(accepted),
              "queued tokens %r, but the client saw 250 for %r" % (sorted(got), sorted(accepted)))
        # 2. exit statuses (tcpserver reports wait statuses)
        if statuses is not None:
            pids = list(st)     # in the order tcpserver started them
            want = statuses if isinstance(statuses, list) else [statuses] * len(pids)
            have = [describe(st[p]) for p in pids]
            check(have == [describe(w << 8) for w in want],
                  "session exit %s, expected %s" % (have, ["exit %d" % w for w in want]))
        # 3. nothing left behind: the double's temp files, spool files, processes
        deadline = time.time() + 5
        while True:
            left = self.leftovers()
            procs = self.our_procs()
            if not left and not procs:
                break
            if time.time() > deadline:
                check(not left, "left behind: %r" % left)
                check(not procs, "processes left: %s" % ", ".join(proc_line(p) for p in procs))
            time.sleep(0.05)
        return st


def describe(status):
    if status is None:
        return "running"
    if status & 0x7f:
        return "signal %d" % (status & 0x7f)
    return "exit %d" % (status >> 8)


def proc_line(pid):
    try:
        cmd = open("/proc/%d/cmdline" % pid, "rb").read().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        cmd = "?"
    return "%d (%s)" % (pid, cmd.strip())


class Session(Client):
    """A raw client that remembers which tokens were accepted."""

    def __init__(self, port, timeout=30):
        Client.__init__(self, port, timeout)
        self.accepted = []

    def hello(self):
        self.expect(220, "greeting")
        self.cmd("EHLO client.example", 250)

    def envelope(self, rcpts=1):
        self.cmd("MAIL FROM:<a@b.test>", 250)
        for i in range(rcpts):
            self.cmd("RCPT TO:<u%d@example.test>" % i, 250)

    def send_data(self, token, size=0):
        """DATA, the message and the dot; returns the final reply (code, lines)."""
        self.cmd("DATA", 354)
        self.send(message(token, size) + b".\r\n")
        code, lines = self.reply()
        if code == 250:
            self.accepted.append(token)
        return code, lines

    def transaction(self, tag, size=0):
        t = new_token(tag)
        self.envelope()
        return self.send_data(t, size)

    def reset(self):
        """Close with a TCP reset instead of a FIN."""
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        self.close()

    def quit(self):
        self.cmd("QUIT", 221)
        check(self.eof(), "the server did not close after QUIT")
        self.close()


def write_script(srv, name, text):
    p = os.path.join(srv.dir, name)
    with open(p, "w") as f:
        f.write(text)
    os.chmod(p, 0o755)
    return p


def mount_tmpfs(path, opts):
    """Mount a tmpfs on path (root only); True if it worked."""
    if not IS_ROOT:
        return False
    import subprocess
    r = subprocess.run(["mount", "-t", "tmpfs", "-o", opts, "tmpfs", path], capture_output=True)
    return r.returncode == 0


def umount(path):
    import subprocess
    for _ in range(50):
        if subprocess.run(["umount", path], capture_output=True).returncode == 0:
            return
        time.sleep(0.1)


def kill_pid(pid, sig=signal.SIGKILL):
    try:
        os.kill(pid, sig)
    except OSError:
        pass

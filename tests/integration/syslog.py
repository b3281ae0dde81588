#!/usr/bin/python3
# logging/syslog (doc/plugins/logging/syslog): RFC 3164 datagrams on a real
# unix datagram socket (priority value, ident, pid, text, levels, priority,
# facility, ident); a socket that is absent or that nobody reads never
# holds a session up: lines are dropped and counted on stderr, the mail is
# queued. Bad arguments are configuration errors.
import os
import re
import socket
import subprocess
import sys
import tempfile
import threading
import time
sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from itlib import BIN, QQ, check, finish, run_test, tmpbase

T0 = 1700000000   # Tue Nov 14 22:13:20 2023 UTC
STAMP = "Nov 14 22:13:20"
MAIL = ["HELO c.example", "MAIL FROM:<a@b.test>", "RCPT TO:<u@elsewhere.test>", "RCPT TO:<u@example.test>",
        "DATA", "Subject: t", "", "x", "."]


class Site:
    def __init__(self, args, bind=True):
        self.dir = tempfile.mkdtemp(prefix="syslog.", dir=tmpbase())
        self.ctl = os.path.join(self.dir, "control")
        os.makedirs(self.ctl)
        self.path = os.path.join(self.dir, "log.sock")
        self.sock = None
        if bind:
            self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
            self.sock.bind(self.path)
            self.sock.setblocking(False)
        f = {"me": "mx.example.test", "rcpthosts": "example.test",
             "logging": "logging/syslog " + args.replace("SOCK", self.path),
             "plugins": "relay\nrcpt_ok\nqueue/qmail-queue"}
        for k, v in f.items():
            with open(os.path.join(self.ctl, k), "w") as fh:
                fh.write(v + "\n")

    def session(self, lines, reader=True):
        """Runs a session; with reader, a thread reads the socket meanwhile,
        as a syslog daemon would (the kernel queues only ~10 datagrams)."""
        self.got = []
        stop = threading.Event()
        th = None
        if reader and self.sock:
            th = threading.Thread(target=self._read, args=(stop,))
            th.start()
        try:
            return self._session(lines)
        finally:
            stop.set()
            if th:
                th.join()

    def _read(self, stop):
        while not stop.is_set():
            self.got.extend(self.datagrams())
            time.sleep(0.001)
        self.got.extend(self.datagrams())

    def _session(self, lines):
        e = {"PATH": "/usr/bin:/bin", "QCSMTPD_CONTROL": self.ctl, "QMAIL": os.path.join(self.dir, "qmail"),
             "QMAILQUEUE": QQ, "QQ_DIR": self.dir, "TCPREMOTEIP": "192.0.2.7", "TZ": "UTC",
             "QCSMTPD_TEST_NOW": str(T0)}
        for k in ("ASAN_OPTIONS", "UBSAN_OPTIONS", "LSAN_OPTIONS"):
            if k in os.environ:
                e[k] = os.environ[k]
        p = subprocess.Popen([BIN], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             env=e, cwd=self.dir)
        t = time.time()
        out, err = p.communicate("".join(l + "\r\n" for l in lines).encode(), timeout=30)
        self.elapsed = time.time() - t
        self.pid = p.pid
        self.status = p.returncode
        replies = [l for l in out.decode("latin-1").split("\r\n") if re.match(r"\d\d\d ", l)]
        return replies, err.decode("latin-1")

    def datagrams(self):
        got = []
        if not self.sock:
            return got
        while True:
            try:
                got.append(self.sock.recv(65536).decode("latin-1"))
            except BlockingIOError:
                return got

    def queued(self):
        return len([n for n in os.listdir(self.dir) if n.endswith(".msg")])


def t_datagrams():
    s = Site("loglevel LOGINFO logsock SOCK")
    out, err = s.session(MAIL + ["QUIT"])
    check(out[-2].startswith("250 2.0.0 Queued") and s.status == 0, out)
    check(err == "", "the built-in logger is silent, nothing was dropped: %r" % err)
    got = s.got
    head = "%s qpsmtpd[%d]: " % (STAMP, s.pid)
    # mail (2) * 8 + notice (5) = 21; info (6) = 22
    want = ["<21>" + head + "Connection from [192.0.2.7] [192.0.2.7]",
            "<22>" + head + "(connect) relay: skip: 192.0.2.7 may not relay",
            "<22>" + head + "(rcpt) rcpt_ok: fail: elsewhere.test is not in rcpthosts",
            "<22>" + head + "click, disconnecting"]
    for w in want:
        check(w in got, "missing %r in %r" % (w, got))
    check(all(re.match(r"<2[0-2]>", g) for g in got), "nothing above info: %r" % got)
    check(not any(g.endswith("\n") for g in got) and all(len(g) <= 1024 for g in got), got)


def t_default_level():
    s = Site("logsock SOCK")
    s2 = Site("loglevel 7 logsock SOCK")
    os.unlink(os.path.join(s.ctl, "rcpthosts"))
    s.session(["HELO c.example", "MAIL FROM:<a@b.test>", "RCPT TO:<u@example.test>", "QUIT"])
    got = s.got
    check(len(got) == 1 and got[0].startswith("<20>%s qpsmtpd[%d]: (rcpt) rcpt_ok: warning: " % (STAMP, s.pid)),
          "LOGWARN by default: %r" % got)
    s2.session(MAIL + ["QUIT"])
    got = s2.got
    check("<23>%s qpsmtpd[%d]: (rcpt) rcpt_ok: pass: example.test is ours" % (STAMP, s2.pid) in got,
          "loglevel 7 sends debug: %r" % got)


def t_priority_facility_ident():
    s = Site("loglevel 6 priority LOG_NOTICE facility LOG_LOCAL3 ident qcsmtpd logsock SOCK")
    s.session(MAIL + ["QUIT"])
    got = s.got
    # local3 (19) * 8 + notice (5) = 157, whatever the event's level
    check(len(got) > 5 and all(g.startswith("<157>%s qcsmtpd[%d]: " % (STAMP, s.pid)) for g in got), got)
    s = Site("loglevel info priority 3 facility daemon logsock SOCK")
    s.session(["HELO c.example", "QUIT"])
    got = s.got
    check(got and all(g.startswith("<27>") for g in got), "daemon (3) * 8 + err (3): %r" % got)


def t_absent():
    s = Site("loglevel 6 logsock SOCK", bind=False)
    out, err = s.session(MAIL + ["QUIT"])
    check(out[-2].startswith("250 2.0.0 Queued") and s.queued() == 1 and s.status == 0, out)
    check(len(re.findall(r"unable to send", err)) == 1, err)
    check(re.search(r"^qcsmtpd: %d warn plugin=logging/syslog unable to send to %s: No such file or directory$"
                    % (s.pid, re.escape(s.path)), err, re.M), err)
    check(re.search(r"^qcsmtpd: %d warn plugin=logging/syslog \d+ log lines dropped: %s$"
                    % (s.pid, re.escape(s.path)), err, re.M), err)


def t_full():
    s = Site("loglevel 7 logsock SOCK")
    noops = ["NOOP padding the log with a long argument so that the socket buffer fills %d" % i for i in range(3000)]
    out, err = s.session(["HELO c.example"] + noops + MAIL[1:] + ["QUIT"], reader=False)
    check(out[-2].startswith("250 2.0.0 Queued") and s.queued() == 1 and s.status == 0, out[-3:])
    check(s.elapsed < 10, "a full socket must not slow the session: %.1f s" % s.elapsed)
    m = re.search(r"^qcsmtpd: %d warn plugin=logging/syslog (\d+) log lines dropped: " % s.pid, err, re.M)
    check(m and int(m.group(1)) > 0, err)
    check("Resource temporarily unavailable" in err, err)
    got = s.datagrams()
    check(got and all(g.startswith("<") for g in got), "what fitted arrived whole")


def t_drained():
    s = Site("loglevel 6 logsock SOCK")
    e = {"PATH": "/usr/bin:/bin", "QCSMTPD_CONTROL": s.ctl, "QMAIL": os.path.join(s.dir, "qmail"),
         "QMAILQUEUE": QQ, "QQ_DIR": s.dir, "TCPREMOTEIP": "192.0.2.7", "TZ": "UTC", "QCSMTPD_TEST_NOW": str(T0)}
    p = subprocess.Popen([BIN], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                         env=e, cwd=s.dir)
    p.stdin.write(b"HELO c.example\r\n" + b"NOOP\r\n" * 50)
    p.stdin.flush()
    for _ in range(52):
        p.stdout.readline()
    s.got = []
    stop = threading.Event()
    th = threading.Thread(target=s._read, args=(stop,))
    th.start()   # the daemon reads again
    try:
        out, err = p.communicate("".join(l + "\r\n" for l in MAIL[1:] + ["QUIT"]).encode(), timeout=30)
    finally:
        stop.set()
        th.join()
    got = s.got
    check(b"250 2.0.0 Queued" in out and p.returncode == 0, out)
    err = err.decode("latin-1")
    check("Resource temporarily unavailable" in err and "dropped" not in err, err)
    lost = [g for g in got if "log lines dropped" in g]
    check(len(lost) == 1 and re.match(r"<20>%s qpsmtpd\[%d\]: logging/syslog: \d+ log lines dropped "
                                       r"\(syslog socket full or absent\)$" % (STAMP, p.pid), lost[0]), got)
    check(got[-1].endswith("click, disconnecting"), got[-3:])


def t_args():
    for args, what in (("loglevel 9", "bad loglevel 9"),
                       ("priority LOG_LOUD", "bad priority LOG_LOUD"),
                       ("facility LOG_NEWSPAPER", "bad facility LOG_NEWSPAPER"),
                       ("ident a/b", "bad ident a/b"),
                       ("logsock udp", "bad logsock udp"),
                       ("logsock dev/log", "bad logsock dev/log"),
                       ("logsock /" + "x" * 200, "path too long"),
                       ("color blue", "unknown argument")):
        s = Site(args, bind=False)
        out, err = s.session(["QUIT"])
        check(out and out[0] == "421 4.3.0 mx.example.test Service temporarily unavailable (configuration error)",
              "%s: %r" % (args, out))
        check(s.status == 100 and what in err, "%s: %s" % (args, err))


def main():
    run_test("logging/syslog: RFC 3164 datagrams (<PRI>, time, ident[pid], hook and plugin, text)", t_datagrams)
    run_test("logging/syslog: LOGWARN by default, loglevel 7 sends debug", t_default_level)
    run_test("logging/syslog: priority, facility and ident arguments", t_priority_facility_ident)
    run_test("logging/syslog: no socket at logsock: lines dropped and counted, mail queued", t_absent)
    run_test("logging/syslog: a socket nobody reads: the session runs at full speed, the mail is queued", t_full)
    run_test("logging/syslog: once the daemon reads again, the count of dropped lines is sent first", t_drained)
    run_test("logging/syslog: bad arguments are configuration errors", t_args)
    finish()


main()

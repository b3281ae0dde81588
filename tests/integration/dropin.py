#!/usr/bin/python3
# The swap an operator makes (issue 9): a qmail host's daemontools run script,
# tcprules file and control directory, and a qpsmtpd installation's run script,
# config directory and logging file, each with only the program's path changed
# to qcsmtpd. The scripts run as they are (softlimit, tcpserver -u/-g when the
# tests run as root, their output through multilog), and real clients (raw
# sockets, smtplib, swaks) check what a qmail-smtpd or qpsmtpd operator relies
# on. The paths are relocated into a test directory: /var/qmail becomes QMAIL,
# /etc/tcp.smtp.cdb QMAIL/tcp.smtp.cdb, port 25 a free port on 127.0.0.1.
import glob
import os
import pwd
import re
import shutil
import signal
import smtplib
import socket
import ssl
import subprocess
import sys
import tempfile
import time
sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import atexit
from itlib import (BIN, KEEP, QQ, TESTS, TestFailure, check, finish, free_port, kill_sessions, make_certs,
                   note, run_test, stop_process, tcpserver_sessions, tmpbase)

# a sanitizer build (make check-sanitize) maps terabytes of shadow memory: no
# memory limit there ("=" is the hard limit), and the sessions keep the test's
# uid so that their reports reach its log directory
SANITIZED = "ASAN_OPTIONS" in os.environ
# the service drops to USER (tcpserver -u/-g) when the tests run as root
ROOT = os.geteuid() == 0 and not SANITIZED
USER = "nobody"                  # the uid the service runs as (qmaild, smtpd on real hosts)
CHECKPW = os.path.join(TESTS, "checkpassword-test")

# Life with qmail's qmail-smtpd run script (the common form), with the
# program's path changed and the memory limit hosts use today (its 2000000
# no longer loads a dynamic tcpserver on Debian 12). {Q} is the relocated
# /var/qmail.
LWQ_RUN = r'''#!/bin/sh
QMAILDUID=`id -u {user}`
NOFILESGID=`id -g {user}`
MAXSMTPD=`cat {Q}/control/concurrencyincoming`
LOCAL=`head -1 {Q}/control/me`
if [ -z "$QMAILDUID" -o -z "$NOFILESGID" -o -z "$MAXSMTPD" -o -z "$LOCAL" ]; then
    echo QMAILDUID, NOFILESGID, MAXSMTPD, or LOCAL is unset in
    echo {Q}/supervise/qmail-smtpd/run
    exit 1
fi
if [ ! -f {Q}/control/rcpthosts ]; then
    echo "No {Q}/control/rcpthosts!"
    echo "Refusing to start SMTP listener because it'll create an open relay"
    exit 1
fi
exec softlimit -m {mem} \
    tcpserver -v -R -l "$LOCAL" -x {rules} -c "$MAXSMTPD" \
        {ug} 127.0.0.1 {port} {Q}/bin/qcsmtpd {args} 2>&1
'''

# qpsmtpd's run script for tcpserver (its run.tcpserver), the program's path changed.
QP_RUN = r'''#!/bin/sh
QMAILDUID=`id -u {user}`
NOFILESGID=`id -g {user}`
LANG=C
exec softlimit -m {mem} \
  tcpserver -c 10 -v -R -p \
  {ug} `head -1 config/IP` {port} \
  {prog} 2>&1
'''

# a qmail host's /etc/tcp.smtp, one client address per behaviour
TCP_SMTP = '''127.0.0.2:allow,RELAYCLIENT=""
127.0.0.3:allow,DATABYTES="300"
127.0.0.4:deny
:allow
'''


def topdir():
    """Directories the service's uid can reach: under TEST_TMPDIR when this
    runs as the test's uid; as root, in the system's temporary directory
    (tests/run's own is private), removed at exit."""
    if not ROOT:
        return tmpbase()
    global _top
    if _top is None:
        _top = tempfile.mkdtemp(prefix="qcsmtpd-dropin.")
        os.chmod(_top, 0o755)
        if not KEEP:
            atexit.register(shutil.rmtree, _top, True)
    return _top


_top = None


def mem(limit):
    return "=" if SANITIZED else limit


def ug():
    return '-u "$QMAILDUID" -g "$NOFILESGID"' if ROOT else ""


def owned(path):
    """The service's uid may write there (the spool, the queue double's directory)."""
    os.makedirs(path, exist_ok=True)
    if ROOT:
        pw = pwd.getpwnam(USER)
        os.chown(path, pw.pw_uid, pw.pw_gid)
    return path


def write(path, text, mode=0o644):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write(text)
    os.chmod(path, mode)


class Service:
    """A run script started as supervise would (cwd = its directory), its
    output piped into multilog (log/main/current), stopped by PID."""

    def __init__(self, top, script, cwd, env):
        self.top = top
        self.cwd = cwd
        self.logdir = os.path.join(top, "log", "main")
        os.makedirs(os.path.dirname(self.logdir), exist_ok=True)
        self.run = os.path.join(cwd, "run")
        write(self.run, script, 0o755)
        self.env = env
        self.proc = self.log = None

    def start(self):
        self.log = subprocess.Popen(["multilog", "t", self.logdir], stdin=subprocess.PIPE,
                                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.proc = subprocess.Popen([self.run], cwd=self.cwd, env=self.env, stdin=subprocess.DEVNULL,
                                     stdout=self.log.stdin, stderr=subprocess.STDOUT, close_fds=True)
        deadline = time.time() + 10
        while time.time() < deadline:
            if self.proc.poll() is not None:
                break
            if "tcpserver: status: 0/" in self.text():
                return self
            time.sleep(0.05)
        self.stop()
        raise TestFailure("the run script did not start tcpserver: %s" % self.text()[-500:])

    def text(self):
        """The log with multilog's timestamps removed."""
        try:
            t = open(os.path.join(self.logdir, "current"), "rb").read().decode("latin-1")
        except OSError:
            return ""
        return re.sub(r"^@[0-9a-f]{24} ", "", t, flags=re.M)

    def sessions(self):
        return tcpserver_sessions(self.text())

    def wait_sessions(self, timeout=15):
        deadline = time.time() + timeout
        while time.time() < deadline:
            s = self.sessions()
            if all(v is not None for v in s.values()):
                return s
            time.sleep(0.05)
        raise TestFailure("sessions still running: %r" % self.sessions())

    def stop(self):
        if self.proc:
            stop_process(self.proc)
        kill_sessions(self.sessions())
        if self.log:
            self.log.stdin.close()
            try:
                self.log.wait(5)
            except subprocess.TimeoutExpired:
                self.log.kill()
                self.log.wait()
        self.proc = self.log = None


def qmail_home(top, control):
    """A relocated /var/qmail: bin/ (qcsmtpd and the programs it runs, copied
    so that the service's uid may run them), control/, queue/ for the double."""
    q = os.path.join(top, "qmail")
    for name, src in (("qcsmtpd", BIN), ("qmail-queue", QQ), ("checkpassword-test", CHECKPW)):
        os.makedirs(os.path.join(q, "bin"), exist_ok=True)
        shutil.copy(src, os.path.join(q, "bin", name))
        os.chmod(os.path.join(q, "bin", name), 0o755)
    for k, v in control.items():
        write(os.path.join(q, "control", k), v)
    owned(os.path.join(q, "queue"))
    return q


def service_env(q, **extra):
    # what supervise hands a run script: no QMAIL in a real one, where the
    # compiled-in /var/qmail is right; here it points at the relocated home
    env = {"PATH": "/usr/bin:/bin:/usr/sbin:/sbin", "QMAIL": q, "QQ_DIR": os.path.join(q, "queue"),
           "QQ_ENVLOG": "1"}
    for k in ("ASAN_OPTIONS", "UBSAN_OPTIONS", "LSAN_OPTIONS"):
        if k in os.environ:
            env[k] = os.environ[k]
    env.update(extra)
    return env


def queued(q):
    out = []
    for m in sorted(glob.glob(os.path.join(q, "queue", "*.msg"))):
        out.append((open(m, "rb").read(), open(m[:-4] + ".env", "rb").read()))
    return out


class Conn:
    """A raw SMTP client bound to a chosen loopback source address."""

    def __init__(self, port, source="127.0.0.1"):
        self.sock = socket.create_connection(("127.0.0.1", port), timeout=30, source_address=(source, 0))
        self.buf = b""

    def reply(self):
        lines = []
        while True:
            while b"\r\n" not in self.buf:
                d = self.sock.recv(65536)
                if not d:
                    raise TestFailure("connection closed after %r" % lines)
                self.buf += d
            l, self.buf = self.buf.split(b"\r\n", 1)
            l = l.decode("latin-1")
            lines.append(l)
            if len(l) < 4 or l[3] == " ":
                return int(l[:3]), lines

    def cmd(self, line, code):
        if line is not None:
            self.sock.sendall(line.encode("latin-1") + b"\r\n")
        c, lines = self.reply()
        check(c == code, "%s: got %r, expected %d" % (line or "greeting", lines, code))
        return lines

    def closed(self):
        self.sock.settimeout(10)
        try:
            return self.sock.recv(100) == b""
        except ConnectionResetError:
            return True

    def close(self):
        self.sock.close()


def setup_qmail(certs):
    top = tempfile.mkdtemp(prefix="dropin-qmail.", dir=topdir())
    os.chmod(top, 0o755)
    # a qmail-tls host: servercert.pem (key and chain in one file, as the patch has it)
    control = {"me": "mx.swap.example\n", "rcpthosts": "swap.example\nmx.swap.example\nlocal.swap.example\n", "concurrencyincoming": "10\n",
               "badmailfrom": "list+bounce@x.example\n@spam.example\n", "databytes": "20000\n",
               "timeoutsmtpd": "30\n", "localiphost": "local.swap.example\n",
               "servercert.pem": open(os.path.join(certs, "servercert.pem")).read(),
               "spool_dir": owned(os.path.join(top, "spool")) + "\n"}
    q = qmail_home(top, control)
    # morercpthosts.cdb as qmail-newmrh makes it (key = domain, empty value)
    src = os.path.join(top, "mrh.in")
    write(src, "more.example \n")
    subprocess.run(["cdb", "-c", "-m", os.path.join(q, "control", "morercpthosts.cdb"), src], check=True)
    rules = os.path.join(q, "tcp.smtp.cdb")
    r = subprocess.run(["tcprules", rules, rules + ".tmp"], input=TCP_SMTP.encode(), capture_output=True)
    check(r.returncode == 0, "tcprules: %r" % r.stderr)
    svc = os.path.join(q, "supervise", "qmail-smtpd")
    os.makedirs(svc)
    port = free_port()
    # the SMTP AUTH patch's command line: HOSTNAME CHECKPASSWORD TRUE
    script = LWQ_RUN.format(user=USER, Q=q, rules=rules, ug=ug(), port=port, mem=mem(20000000),
                            args="mx.swap.example %s/bin/checkpassword-test /bin/true" % q)
    s = Service(top, script, svc, service_env(q))
    s.port = port
    s.q = q
    return s.start()


def t_qmail(certs):
    s = setup_qmail(certs)
    try:
        port, q = s.port, s.q
        # (1) a stranger: STARTTLS offered (servercert.pem), AUTH only after it
        c = Conn(port)
        greet = c.cmd(None, 220)
        check(greet[0].startswith("220 mx.swap.example ESMTP"), "greeting %r" % greet)
        ehlo = c.cmd("EHLO client.example", 250)
        check("250-STARTTLS" in ehlo, "no STARTTLS from control/servercert.pem: %r" % ehlo)
        check(not any("AUTH" in l for l in ehlo), "AUTH offered in plaintext: %r" % ehlo)
        # (2) badmailfrom is literal: the entry with + blocks itself, not its regex match
        c.cmd("MAIL FROM:<list+bounce@x.example>", 550)
        c.cmd("MAIL FROM:<someone@spam.example>", 550)
        c.cmd("MAIL FROM:<listbounce@x.example>", 250)
        # (3) localiphost: postmaster@[our address] is ours, the envelope names localiphost
        c.cmd("RCPT TO:<postmaster@[127.0.0.1]>", 250)
        c.cmd("RCPT TO:<u@swap.example>", 250)
        c.cmd("RCPT TO:<u@more.example>", 250)      # morercpthosts.cdb
        c.cmd("RCPT TO:<u@foreign.example>", 550)
        c.cmd("DATA", 354)
        c.sock.sendall(b"Subject: swap\r\n\r\nhello\r\n.\r\n")
        c.cmd(None, 250)
        # (4) a second EHLO resets the transaction (RFC 5321 4.1.4)
        c.cmd("MAIL FROM:<a@b.example>", 250)
        c.cmd("EHLO client.example", 250)
        c.cmd("RCPT TO:<u@swap.example>", 503)
        # (5) a BODY value we do not implement: 555 5.5.4
        lines = c.cmd("MAIL FROM:<a@b.example> BODY=BINARYMIME", 555)
        check("5.5.4" in lines[0], lines)
        c.cmd("QUIT", 221)
        c.close()
        s.wait_sessions()
        qd = queued(q)
        check(len(qd) == 1, "%d queued" % len(qd))
        check(qd[0][1] == b"Flistbounce@x.example\0Tpostmaster@local.swap.example\0Tu@swap.example\0"
              b"Tu@more.example\0\0", "envelope %r" % qd[0][1])

        # (6) STARTTLS, then AUTH through the command line's checkpassword, then relaying
        ctx = ssl.create_default_context(cafile=os.path.join(certs, "ca.crt"))
        with smtplib.SMTP("127.0.0.1", port, local_hostname="client.example", timeout=30) as m:
            m.starttls(context=ctx)     # verified against 127.0.0.1 (the certificate's IP name)
            m.ehlo("client.example")
            check(m.has_extn("auth") and "PLAIN" in m.esmtp_features["auth"].upper(),
                  "no AUTH after STARTTLS: %r" % m.esmtp_features)
            m.login("good@example.com", "good_pass")
            refused = m.sendmail("good@example.com", ["far@foreign.example"], b"Subject: auth\r\n\r\nx\r\n")
            check(refused == {}, refused)
        s.wait_sessions()
        qd = queued(q)
        check(len(qd) == 2 and qd[1][1] == b"Fgood@example.com\0Tfar@foreign.example\0\0", "envelope %r" % qd[-1:])

        # (7) tcprules: RELAYCLIENT for 127.0.0.2 (swaks, a real client)
        r = subprocess.run(["swaks", "--server", "127.0.0.1", "--port", str(port), "--local-interface", "127.0.0.2",
                            "--from", "a@b.example", "--to", "far@foreign.example", "--helo", "client.example",
                            "--timeout", "30"], capture_output=True, timeout=90)
        out = r.stdout.decode("latin-1")
        check(r.returncode == 0 and re.search(r"<-  250 .*Queued", out), "swaks relay: %s" % out[-600:])
        s.wait_sessions()
        qd = queued(q)
        check(len(qd) == 3 and qd[2][1] == b"Fa@b.example\0Tfar@foreign.example\0\0", "envelope %r" % qd[-1:])

        # (8) tcprules: DATABYTES for 127.0.0.3 wins over control/databytes
        c = Conn(port, "127.0.0.3")
        c.cmd(None, 220)
        ehlo = c.cmd("EHLO client.example", 250)
        check("250-SIZE 300" in ehlo, "SIZE from DATABYTES: %r" % ehlo)
        c.cmd("MAIL FROM:<a@b.example>", 250)
        c.cmd("RCPT TO:<u@swap.example>", 250)
        c.cmd("DATA", 354)
        c.sock.sendall(b"Subject: big\r\n\r\n" + b"x" * 70 + b"\r\n")
        c.sock.sendall((b"y" * 70 + b"\r\n") * 6 + b".\r\n")
        lines = c.cmd(None, 552)
        c.cmd("QUIT", 221)
        c.close()

        # (9) tcprules: deny for 127.0.0.4 (tcpserver drops it; qcsmtpd never runs)
        c = Conn(port, "127.0.0.4")
        check(c.closed(), "a denied client got a session")
        c.close()
        s.wait_sessions()
        check(len(queued(q)) == 3, "the DATABYTES message was queued")

        # (10) the log: tcpserver's lines and qcsmtpd's through multilog, as the run script sends them
        log = s.text()
        check(re.search(r"^tcpserver: deny \d+ .*127\.0\.0\.4", log, re.M), "no tcpserver deny line")
        check(not re.search(r"config error", log), "config error: %s" % log[-800:])
    finally:
        s.stop()


def t_qmail_bad_control(certs):
    # One unusable control file: 421 to clients, and qcsmtpd -t (as the service's
    # uid, from the same directory) lists every problem, not only the first.
    top = tempfile.mkdtemp(prefix="dropin-bad.", dir=topdir())
    os.chmod(top, 0o755)
    q = qmail_home(top, {"me": "mx.swap.example\n", "rcpthosts": "swap.example\n", "concurrencyincoming": "10\n",
                         "databytes": "20k\n", "timeoutsmtpd": "abc\n"})
    rules = os.path.join(q, "tcp.smtp.cdb")
    subprocess.run(["tcprules", rules, rules + ".tmp"], input=TCP_SMTP.encode(), check=True, capture_output=True)
    svc = os.path.join(q, "supervise", "qmail-smtpd")
    os.makedirs(svc)
    port = free_port()
    s = Service(top, LWQ_RUN.format(user=USER, Q=q, rules=rules, ug=ug(), port=port, mem=mem(20000000), args=""), svc, service_env(q))
    s.start()
    try:
        c = Conn(port)
        lines = c.cmd(None, 421)
        check("4.3.0" in lines[0], lines)
        check(c.closed(), "not closed after 421")
        c.close()
        s.wait_sessions()
        log = s.text()
        check(re.search(r"control/databytes", log) and re.search(r"control/timeoutsmtpd", log),
              "the log does not name both files: %s" % log[-800:])
        cmd = [os.path.join(q, "bin", "qcsmtpd"), "-t"]
        if ROOT:
            cmd = ["setuidgid", USER] + cmd
        r = subprocess.run(cmd, cwd=svc, env=service_env(q), capture_output=True, timeout=30)
        out = r.stdout.decode("latin-1") + r.stderr.decode("latin-1")
        check(r.returncode == 100, "qcsmtpd -t exit %d: %s" % (r.returncode, out))
        check("control/databytes" in out and "control/timeoutsmtpd" in out, "qcsmtpd -t: %s" % out)
    finally:
        s.stop()


def t_qmail_auth_without_tls():
    # The AUTH patch's command line on a host without control/servercert.pem:
    # AUTH needs TLS first, so it is not offered, and every connection says why.
    top = tempfile.mkdtemp(prefix="dropin-notls.", dir=topdir())
    os.chmod(top, 0o755)
    q = qmail_home(top, {"me": "mx.swap.example\n", "rcpthosts": "swap.example\n", "concurrencyincoming": "10\n"})
    rules = os.path.join(q, "tcp.smtp.cdb")
    subprocess.run(["tcprules", rules, rules + ".tmp"], input=TCP_SMTP.encode(), check=True, capture_output=True)
    svc = os.path.join(q, "supervise", "qmail-smtpd")
    os.makedirs(svc)
    port = free_port()
    s = Service(top, LWQ_RUN.format(user=USER, Q=q, rules=rules, ug=ug(), port=port, mem=mem(20000000),
                                    args="mx.swap.example %s/bin/checkpassword-test /bin/true" % q),
                svc, service_env(q))
    s.start()
    try:
        for i in range(2):
            c = Conn(port)
            c.cmd(None, 220)
            ehlo = c.cmd("EHLO client.example", 250)
            check(not any("AUTH" in l or "STARTTLS" in l for l in ehlo), "AUTH or STARTTLS offered: %r" % ehlo)
            c.cmd("QUIT", 221)
            c.close()
        s.wait_sessions()
        n = len(re.findall(r"^qcsmtpd: \d+ warn AUTH is not offered: it needs TLS first", s.text(), re.M))
        check(n == 2, "%d log lines saying why AUTH is not offered, expected one per connection:\n%s" % (n, s.text()[-800:]))
    finally:
        s.stop()


def setup_qpsmtpd(via_env):
    """A qpsmtpd installation: its directory holds config/ and the run script
    cds there (supervise runs it in the service directory, which is that
    directory); or, with via_env, config/ elsewhere named by QPSMTPD_CONFIG."""
    top = tempfile.mkdtemp(prefix="dropin-qpsmtpd.", dir=topdir())
    os.chmod(top, 0o755)
    home = os.path.join(top, "qpsmtpd")
    os.makedirs(home)
    q = qmail_home(top, {})        # qmail-queue only: qpsmtpd reads no qmail control file here
    cfgdir = os.path.join(top, "etc-qpsmtpd") if via_env else os.path.join(home, "config")
    # qpsmtpd 0.94's sample files, old plugin names included, cut to the plugins
    # this build has (qcsmtpd -t names the others with the configure line)
    cfg = {"IP": "127.0.0.1\n", "me": "qp.swap.example\n", "rcpthosts": "swap.example\n",
           "relayclients": "127.0.0.2\n", "loglevel": "4\n", "logging": "logging/warn 6\n",
           "badmailfrom": "# qpsmtpd: patterns in badmailfrom_patterns\nbad@swap.example\n",
           "plugins": "# qpsmtpd 0.94 names\ncheck_earlytalker\ncount_unrecognized_commands 4\ncheck_relay\n"
                      "check_badmailfrom\nrcpt_ok\nqueue/qmail-queue\n",
           "spool_dir": owned(os.path.join(top, "spool")) + "\n"}
    for k, v in cfg.items():
        write(os.path.join(cfgdir, k), v)
    if via_env:
        os.makedirs(os.path.join(home, "config"))
        write(os.path.join(home, "config", "IP"), "127.0.0.1\n")
    shutil.copy(BIN, os.path.join(home, "qcsmtpd"))
    port = free_port()
    script = QP_RUN.format(user=USER, ug=ug(), port=port, mem=mem(300000000), prog="./qcsmtpd")
    env = service_env(q, QMAILQUEUE=os.path.join(q, "bin", "qmail-queue"))
    if via_env:
        env["QPSMTPD_CONFIG"] = cfgdir
    s = Service(top, script, home, env)
    s.port, s.q = port, q
    return s.start()


def t_qpsmtpd(via_env):
    s = setup_qpsmtpd(via_env)
    try:
        c = Conn(s.port)
        greet = c.cmd(None, 220)
        check(greet[0].startswith("220 qp.swap.example ESMTP"), "greeting from config/me: %r" % greet)
        c.cmd("EHLO client.example", 250)
        c.cmd("MAIL FROM:<bad@swap.example>", 550)
        c.cmd("MAIL FROM:<good@swap.example>", 250)
        c.cmd("RCPT TO:<u@foreign.example>", 550)
        c.cmd("RCPT TO:<u@swap.example>", 250)
        c.cmd("DATA", 354)
        c.sock.sendall(b"Subject: qp\r\n\r\nhello\r\n.\r\n")
        c.cmd(None, 250)
        c.cmd("QUIT", 221)
        c.close()
        # config/relayclients: 127.0.0.2 relays
        c = Conn(s.port, "127.0.0.2")
        c.cmd(None, 220)
        c.cmd("HELO client.example", 250)
        c.cmd("MAIL FROM:<a@swap.example>", 250)
        c.cmd("RCPT TO:<far@foreign.example>", 250)
        c.cmd("QUIT", 221)
        c.close()
        s.wait_sessions()
        qd = queued(s.q)
        check(len(qd) == 1 and qd[0][1] == b"Fgood@swap.example\0Tu@swap.example\0\0", "queued %r" % qd)
        # config/logging's logging/warn 6: qpsmtpd's line shape and texts
        log = s.text()
        for pat in (r"^\d+ Connection from \S+ \[127\.0\.0\.1\]$", r"^\d+ dispatching MAIL FROM:<bad@swap\.example>$",
                    r"^\d+ \(mail\) check_badmailfrom: fail", r"^\d+ 550 ", r"^\d+ 250-qp\.swap\.example Hi ",
                    r"^\d+ Plugin rcpt_ok, hook rcpt returned ", r"^\d+ click, disconnecting$"):
            check(re.search(pat, log, re.M), "no log line like %s in:\n%s" % (pat, log[-1500:]))
        check(not re.search(r"^qcsmtpd: ", log, re.M), "built-in log lines beside logging/warn")
    finally:
        s.stop()


def main():
    for prog in ("tcpserver", "tcprules", "softlimit", "multilog", "setuidgid", "swaks", "cdb", "openssl"):
        if not shutil.which(prog):
            print("ok - integration/dropin # SKIP %s is not installed (Debian: ucspi-tcp, daemontools, swaks, "
                  "tinycdb, openssl)" % prog)
            sys.exit(0)
    certs = make_certs(tempfile.mkdtemp(prefix="certs.", dir=topdir()))
    os.chmod(certs, 0o755)
    note("service uid: %s" % (USER if ROOT else "the test's own (not root, or a sanitizer build: no tcpserver -u/-g)"))
    run_test("integration/dropin: qmail run script, tcprules and control/ (TLS, AUTH patch argv, localiphost, "
             "literal badmailfrom, second EHLO, BODY, RELAYCLIENT, DATABYTES, deny)", lambda: t_qmail(certs))
    run_test("integration/dropin: qmail run script with an unusable databytes: 421, every problem logged, -t exits 100",
             lambda: t_qmail_bad_control(certs))
    run_test("integration/dropin: qmail run script with the AUTH patch's argv and no TLS: no AUTH, a log line each time",
             t_qmail_auth_without_tls)
    run_test("integration/dropin: qpsmtpd run script, ./config, control/logging, 0.94 plugin names",
             lambda: t_qpsmtpd(False))
    run_test("integration/dropin: qpsmtpd run script, QPSMTPD_CONFIG", lambda: t_qpsmtpd(True))
    finish()


main()

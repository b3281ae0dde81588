#!/usr/bin/python3
# run/s6 as run/README documents it, with the real s6 (Debian's: s6-svscan,
# s6-supervise, s6-envuidgid, s6-softlimit, s6-applyuidgid, s6-log,
# s6-accessrules-cdb-from-fs) and s6-networking (built by s6lib): the three
# service directories run/s6/qcsmtpd (port 25), qcsmtpd-smtps (465, s6-tlsd) and
# qcsmtpd-submission (587, s6-ucspitlsd) are copied with their log services into a
# service directory, the rules samples run/s6/rules and run/s6/rules-submission
# compiled with s6-accessrules-cdb-from-fs, run/s6/submission/plugins installed as
# the submission control directory's plugins file, the services linked into a scan
# directory and picked up with s6-svscanctl -a under our own s6-svscan; then one
# session through each, checked by its replies and the queued bytes, and the log
# lines checked in each log/main/current.
#
# Only the variables at the top of each run script are changed: the paths
# (QMAIL, QCSMTPD, RULES, CERTFILE, KEYFILE, QCSMTPD_CONTROL) point into a test
# directory, IP is 127.0.0.1, PORT a free port, PATH gains the s6-networking
# build, RUNAS and TLSRUNAS are nobody (root when the sessions are sanitized, so
# that their reports reach the log directory, and then MEMORY is "=", no limit),
# and the checkpassword of the plugins sample is tests/checkpassword-test; the
# log services run as nobody in place of qmaill. $QMAIL/bin/qmail-queue is the
# qmail-queue double. Needs root (the run scripts change uid).
import os
import pwd
import re
import shutil
import signal
import ssl
import base64
import subprocess
import sys
import tempfile
import time
import atexit
sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import itlib  # noqa: E402
from itlib import check, run_test, finish, strip_received, dot_stuff_crlf, make_certs, TestFailure  # noqa: E402
import s6lib  # noqa: E402
from s6lib import Client  # noqa: E402

NAME = "integration/s6-run"
RUN = os.path.join(s6lib.TOP, "run", "s6")
SANITIZED = "ASAN_OPTIONS" in os.environ
USER = "nobody"
CHECKPW = os.path.join(itlib.TESTS, "checkpassword-test")
S6PROGS = ("s6-svscan", "s6-svscanctl", "s6-svstat", "s6-supervise", "s6-envuidgid", "s6-softlimit",
           "s6-applyuidgid", "s6-log", "s6-setuidgid", "s6-accessrules-cdb-from-fs")
SERVICES = ("qcsmtpd", "qcsmtpd-smtps", "qcsmtpd-submission")


def relocate(script, values):
    """The run script with the variables at its top set to values (each must be
    there: the script's interface, not its text, is what the test relies on)."""
    for var, val in values.items():
        script, n = re.subn(r"^%s=\S*" % re.escape(var), lambda m: "%s=%s" % (var, val), script, count=1, flags=re.M)
        check(n == 1, "run script has no %s= line" % var)
    return script


def write(path, data, mode=0o644):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb" if isinstance(data, bytes) else "w") as f:
        f.write(data)
    os.chmod(path, mode)


class Setup:
    def __init__(self, bindir):
        self.bindir = bindir
        self.top = tempfile.mkdtemp(prefix="qcsmtpd-s6run.")
        os.chmod(self.top, 0o755)   # the sessions run as nobody
        self.scan_proc = None
        self.pw = pwd.getpwnam(USER)
        self.runas = "root" if SANITIZED else USER
        q = self.qmail = os.path.join(self.top, "qmail")
        self.qqdir = os.path.join(self.top, "queue")
        self.spool = os.path.join(self.top, "spool")
        for d in (self.qqdir, self.spool):
            os.makedirs(d)
            os.chown(d, self.pw.pw_uid, self.pw.pw_gid)
        write(os.path.join(q, "control", "me"), "mx.example.test\n")
        write(os.path.join(q, "control", "rcpthosts"), "example.test\n")
        write(os.path.join(q, "control", "spool_dir"), self.spool + "\n")
        os.makedirs(os.path.join(q, "bin"))
        shutil.copy(itlib.QQ, os.path.join(q, "bin", "qmail-queue"))
        etc = self.etc = os.path.join(self.top, "etc", "qcsmtpd")
        # run/README step 2: the rules directories, compiled
        for r in ("rules", "rules-submission"):
            shutil.copytree(os.path.join(RUN, r), os.path.join(etc, r))
            p = subprocess.run(["s6-accessrules-cdb-from-fs", os.path.join(etc, r + ".cdb"), os.path.join(etc, r)],
                               capture_output=True)
            check(p.returncode == 0, "s6-accessrules-cdb-from-fs %s: %s" % (r, p.stderr.decode(errors="replace")))
            # it writes the cdb 0600; port 25's s6-tcpserver-access runs as RUNAS (run/README)
            os.chmod(os.path.join(etc, r + ".cdb"), 0o644)
        plugins = open(os.path.join(RUN, "submission", "plugins")).read()
        plugins, n = re.subn(r"checkpw /\S+", "checkpw " + CHECKPW, plugins)
        check(n == 1, "run/s6/submission/plugins has no checkpw line")
        write(os.path.join(etc, "submission", "plugins"), plugins)
        # the certificate and key, the key readable by root only
        certs = make_certs(os.path.join(self.top, "certs"))
        self.ca = os.path.join(certs, "ca.crt")
        chain = open(os.path.join(certs, "leaf.crt")).read() + open(self.ca).read()
        write(os.path.join(etc, "tls", "cert.pem"), chain)
        write(os.path.join(etc, "tls", "key.pem"), open(os.path.join(certs, "leaf.key")).read(), 0o600)
        # run/README step 3: the service directories, with log/main for the logger
        self.sv = os.path.join(self.top, "sv")
        self.ports = {}
        for s in SERVICES:
            dst = os.path.join(self.sv, s)
            shutil.copytree(os.path.join(RUN, s), dst, symlinks=True)
            self.ports[s] = itlib.free_port()
            values = {"PATH": "%s:/usr/bin:/bin" % bindir, "QMAIL": q, "QCSMTPD": itlib.BIN, "IP": "127.0.0.1",
                      "PORT": str(self.ports[s]), "RUNAS": self.runas}
            values["RULES"] = os.path.join(etc, "rules.cdb" if s == "qcsmtpd" else "rules-submission.cdb")
            if s != "qcsmtpd":
                values.update({"TLSRUNAS": USER, "CERTFILE": os.path.join(etc, "tls", "cert.pem"),
                               "KEYFILE": os.path.join(etc, "tls", "key.pem"),
                               "QCSMTPD_CONTROL": os.path.join(etc, "submission")})
            if SANITIZED:
                values["MEMORY"] = "="
            run = os.path.join(dst, "run")
            write(run, relocate(open(run).read(), values), 0o755)
            logrun = os.path.join(dst, "log", "run")
            text, n = re.subn(r"s6-setuidgid qmaill ", "s6-setuidgid %s " % USER, open(logrun).read())
            check(n == 1, "%s/log/run has no s6-setuidgid qmaill" % s)
            write(logrun, text, 0o755)
            os.makedirs(os.path.join(dst, "log", "main"))
            os.chown(os.path.join(dst, "log", "main"), self.pw.pw_uid, self.pw.pw_gid)
        self.scan = os.path.join(self.top, "scan")
        os.makedirs(self.scan)

    def env(self):
        e = {"PATH": "/usr/bin:/bin", "QQ_DIR": self.qqdir,
             "QQ_ENVLOG": "1,SSL_PROTOCOL,SSL_CIPHER,KEYFILE,CERTFILE,TLS_UID,QCSMTPD_CONTROL,UCSPITLS"}
        for k in ("ASAN_OPTIONS", "UBSAN_OPTIONS", "LSAN_OPTIONS"):
            if k in os.environ:
                e[k] = os.environ[k]
        return e

    def start(self):
        self.scan_log = open(os.path.join(self.top, "s6-svscan.log"), "ab")
        self.scan_proc = subprocess.Popen(["s6-svscan", self.scan], stdin=subprocess.DEVNULL, stdout=self.scan_log,
                                          stderr=subprocess.STDOUT, env=self.env(), close_fds=True,
                                          start_new_session=True)
        for s in SERVICES:
            os.symlink(os.path.join(self.sv, s), os.path.join(self.scan, s))
        deadline = time.time() + 10
        while True:     # s6-svscan listens on scan/.s6-svscan/control once it is up
            r = subprocess.run(["s6-svscanctl", "-a", self.scan], capture_output=True, timeout=10)
            if r.returncode == 0:
                break
            check(time.time() < deadline and self.scan_proc.poll() is None,
                  "s6-svscanctl -a: %s" % r.stderr.decode(errors="replace"))
            time.sleep(0.05)
        for s in SERVICES:
            deadline = time.time() + 15
            while True:
                st = subprocess.run(["s6-svstat", os.path.join(self.scan, s)], capture_output=True).stdout.decode()
                if st.startswith("up ") and self.listening(self.ports[s]):
                    break
                check(time.time() < deadline, "%s did not come up: s6-svstat says %r; log: %s"
                      % (s, st, self.log(s)[-500:]))
                time.sleep(0.1)

    def listening(self, port):
        # /proc/net/tcp, so that the check opens no session
        hexport = ":%04X" % port
        for line in open("/proc/net/tcp"):
            f = line.split()
            if len(f) > 3 and f[1] == "0100007F" + hexport and f[3] == "0A":
                return True
        return False

    def log(self, s):
        try:
            return open(os.path.join(self.sv, s, "log", "main", "current"), "rb").read().decode("latin-1")
        except OSError:
            return ""

    def queued(self):
        out = []
        for m in sorted(os.listdir(self.qqdir)):
            if m.endswith(".msg"):
                p = os.path.join(self.qqdir, m)
                out.append((open(p, "rb").read(), open(p[:-4] + ".env", "rb").read(),
                            open(p[:-4] + ".info").read() if os.path.exists(p[:-4] + ".info") else ""))
        return out

    def our_procs(self):
        key = b"QQ_DIR=" + self.qqdir.encode() + b"\0"
        out = []
        for d in os.listdir("/proc"):
            if d.isdigit() and int(d) != os.getpid():
                try:
                    if key in open("/proc/%s/environ" % d, "rb").read() + b"\0":
                        out.append(int(d))
                except OSError:
                    pass
        return out

    def stop(self):
        """s6-svscanctl -t brings the services down and s6-svscan exits; anything
        of ours still running after that is killed by PID."""
        if self.scan_proc is not None:
            subprocess.run(["s6-svscanctl", "-t", self.scan], capture_output=True, timeout=10)
            try:
                self.scan_proc.wait(10)
            except subprocess.TimeoutExpired:
                self.scan_proc.kill()
                self.scan_proc.wait()
            self.scan_proc = None
            deadline = time.time() + 5
            while self.our_procs() and time.time() < deadline:
                time.sleep(0.1)
            for p in self.our_procs():
                try:
                    os.kill(p, signal.SIGKILL)
                except OSError:
                    pass
            self.scan_log.close()
        if not itlib.KEEP:
            shutil.rmtree(self.top, ignore_errors=True)


S = None


def ctx():
    c = ssl.create_default_context(cafile=S.ca)
    c.check_hostname = True
    return c


def tls(c):
    c.sock = ctx().wrap_socket(c.sock, server_hostname="localhost")


def deliver(c, rcpt, subject):
    c.cmd("MAIL FROM:<a@b.test>", 250)
    c.cmd("RCPT TO:<%s>" % rcpt, 250)
    c.cmd("DATA", 354)
    c.send(dot_stuff_crlf([b"Subject: " + subject.encode(), b"", b"through run/s6"]))
    l = c.expect(250, "end of DATA")
    check(l[0].startswith("250 2.0.0 Queued!"), "250 text: %r" % l)
    c.cmd("QUIT", 221)
    c.close()


def wait_queued(n):
    deadline = time.time() + 10
    while len(S.queued()) < n and time.time() < deadline:
        time.sleep(0.05)
    q = S.queued()
    check(len(q) == n, "%d messages queued, expected %d" % (len(q), n))
    return q


AUTH = "AUTH PLAIN " + base64.b64encode(b"\0good@example.com\0good_pass").decode()


def t_port25():
    c = Client(S.ports["qcsmtpd"], "127.0.0.1")
    l = c.expect(220, "greeting")
    check(l[0].startswith("220 mx.example.test ESMTP qcsmtpd "), "greeting %r" % l)
    c.cmd("EHLO client.example", 250)
    # run/s6/rules: 127.0.0.0/8 relays (env/RELAYCLIENT)
    deliver(c, "u@elsewhere.test", "port 25")
    msg, env, info = wait_queued(1)[0]
    check(strip_received(msg) == b"Subject: port 25\n\nthrough run/s6\n", "queued bytes %r" % msg)
    check(re.match(rb"Received: from client\.example \(\S+ \[127\.0\.0\.1\]\)\n\tby mx\.example\.test \(qcsmtpd [^)]+\)"
                   rb" with ESMTP; ", msg), "Received: %r" % msg[:300])
    check(env == b"Fa@b.test\0Tu@elsewhere.test\0\0", "envelope %r" % env)
    check(re.search(r"^RELAYCLIENT=$", info, re.M) and re.search(r"^QCSMTPD_CONTROL unset$", info, re.M),
          "qmail-queue's env: " + info)


def t_port465():
    c = Client(S.ports["qcsmtpd-smtps"], "127.0.0.1")
    tls(c)
    c.expect(220, "greeting inside TLS")
    l = c.cmd("EHLO client.example", 250)
    check(not any(x[4:] == "STARTTLS" for x in l), "STARTTLS offered on 465: %r" % l)
    c.cmd("MAIL FROM:<a@b.test>", 250)
    # run/s6/rules-submission: no RELAYCLIENT, so relaying needs AUTH
    c.cmd("RCPT TO:<x@elsewhere.test>", 550)
    c.cmd("RSET", 250)
    l = c.cmd(AUTH, 235)
    check("authentication successful for good@example.com" in l[0], "AUTH: %r" % l)
    deliver(c, "x@elsewhere.test", "port 465")
    msg, env, info = wait_queued(2)[1]
    m = msg.decode("latin-1")
    check(re.search(r"with ESMTPSA \(TLSv1\.[23] [A-Z0-9_-]+\); ", m), "Received: " + m[:300])
    check(re.search(r"^Authentication-Results: mx\.example\.test; auth=pass \(plain\) smtp\.auth=good@example\.com$",
                    m, re.M), "Authentication-Results: " + m[:500])
    check(msg.endswith(b"\nSubject: port 465\n\nthrough run/s6\n"), "queued bytes %r" % msg)
    for v in ("KEYFILE", "CERTFILE", "TLS_UID"):
        check(re.search(r"^%s unset$" % v, info, re.M), "qcsmtpd's environment has %s: %s" % (v, info))
    check(re.search(r"^SSL_PROTOCOL=TLSv1\.[23]$", info, re.M), "no SSL_PROTOCOL: " + info)


def t_port587():
    c = Client(S.ports["qcsmtpd-submission"], "127.0.0.1")
    c.expect(220, "greeting")
    l = c.cmd("EHLO client.example", 250)
    check(any(x[4:] == "STARTTLS" for x in l), "no STARTTLS on 587: %r" % l)
    # rules-submission sets UCSPITLS=!: nothing before STARTTLS
    l = c.cmd("MAIL FROM:<a@b.test>", 530)
    check(l == ["530 5.7.0 Must issue a STARTTLS command first"], "MAIL before STARTTLS: %r" % l)
    c.cmd("STARTTLS", 220)
    tls(c)
    l = c.cmd("EHLO client.example", 250)
    check(any(re.match(r"250[ -]AUTH ", x) for x in l), "no AUTH inside TLS: %r" % l)
    c.cmd(AUTH, 235)
    deliver(c, "y@elsewhere.test", "port 587")
    msg, env, info = wait_queued(3)[2]
    m = msg.decode("latin-1")
    check(re.search(r"with ESMTPSA \(TLSv1\.[23] [A-Z0-9_-]+\); ", m), "Received: " + m[:300])
    check(env == b"Fa@b.test\0Ty@elsewhere.test\0\0", "envelope %r" % env)
    check(re.search(r"^UCSPITLS=!$", info, re.M) and re.search(r"^KEYFILE unset$", info, re.M),
          "qcsmtpd's environment: " + info)


def t_logs():
    # every service logged through its own s6-log: TAI64N stamps, the access lines
    for s in SERVICES:
        deadline = time.time() + 5
        while not re.search(r"^@[0-9a-f]{24} s6-tcpserver-access: info: allow pid \d+ ip 127\.0\.0\.1$",
                            S.log(s), re.M):
            check(time.time() < deadline, "%s/log/main/current: %r" % (s, S.log(s)[-500:]))
            time.sleep(0.1)
    # the sessions ran as RUNAS: the spool and queue files are theirs, nothing left over
    check(os.listdir(S.spool) == [], "spool not empty: %r" % os.listdir(S.spool))


def main():
    global S
    bindir = s6lib.setup(NAME)
    if os.geteuid() != 0:
        s6lib.skip_all(NAME, "run/s6 changes uid (s6-envuidgid, s6-applyuidgid): needs root")
    for p in S6PROGS:
        if not shutil.which(p):
            s6lib.skip_all(NAME, "%s is not installed (Debian: s6)" % p)
    check_ok = True
    try:
        S = Setup(bindir)
        atexit.register(S.stop)
        S.start()
    except (TestFailure, OSError, subprocess.SubprocessError) as e:
        itlib.report("s6-run: run/s6 services start under s6-svscan", str(e))
        check_ok = False
    if check_ok:
        itlib.report("s6-run: run/s6 services start under s6-svscan")
        run_test("s6-run: port 25 (run/s6/qcsmtpd, rules sample): a relay from 127.0.0.1 queued", t_port25)
        run_test("s6-run: port 465 (qcsmtpd-smtps, s6-tlsd): TLS, AUTH via checkpassword, ESMTPSA", t_port465)
        run_test("s6-run: port 587 (qcsmtpd-submission, s6-ucspitlsd): 530 before STARTTLS, then AUTH", t_port587)
        run_test("s6-run: each service's s6-log got its access lines", t_logs)
    S and S.stop()
    finish()


main()

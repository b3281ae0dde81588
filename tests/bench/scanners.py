# ISC license.
# tests/bench/scanners.py: the content filters' peers of make bench (issue
# 13): a real spamd, clamd (with a signature database written here: no
# freshclam, no network) and rspamd (its proxy worker in milter mode), each
# started once per bench run on loopback and stopped by PID; and a direct
# client for each, which times the scanner alone on the bench's message so
# that the page can tell the SMTP server's share from the scanner's.
# Start commands: ../shared/reference/peers.md.

import os
import shutil
import signal
import socket
import struct
import subprocess
import tempfile
import threading
import sys
import time

# the EICAR database, as the integration tests write it
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "integration"))
from itlib import EICAR, eicar_db  # noqa: E402

SPAMD = "/usr/sbin/spamd"
CLAMD = "/usr/sbin/clamd"
RSPAMD = "/usr/bin/rspamd"


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    p = s.getsockname()[1]
    s.close()
    return p


def bench_message():
    """the message smtpload sends (tests/bench/smtpload.c message(): From,
    Date, Subject, an empty line, 16 lines of 62 characters), CRLF ends"""
    date = time.strftime("%a, %d %b %Y %H:%M:%S +0000", time.gmtime())
    line = b"0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ\r\n"
    return (b"From: <a@example.com>\r\nDate: %s\r\nSubject: bench\r\n\r\n" % date.encode()) + line * 16


def missing():
    """{peer: the Debian package to install} for each peer this machine lacks"""
    out = {}
    if not os.access(SPAMD, os.X_OK):
        out["spamd"] = "spamd (and spamassassin)"
    if not os.access(CLAMD, os.X_OK):
        out["clamd"] = "clamav-daemon"
    if not os.access(RSPAMD, os.X_OK):
        out["rspamd"] = "rspamd"
    return out


class Peer:
    """a daemon of our own, in the foreground: its PID is Popen's"""
    key = ""

    def __init__(self, work):
        self.dir = work.mk(self.key)
        self.logf = os.path.join(self.dir, self.key + ".log")
        self.proc = None

    def spawn(self, argv):
        with open(self.logf, "ab") as log:
            self.proc = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=log, stderr=log, cwd=self.dir)
        self.pid = self.proc.pid

    def ready(self, probe, timeout):
        """waits until probe() is true; the log's tail if the peer exits or the time is up"""
        end = time.time() + timeout
        while time.time() < end:
            if self.proc.poll() is not None:
                raise RuntimeError("%s exited with %s: %s" % (self.key, self.proc.returncode, self.tail()))
            try:
                if probe():
                    return
            except OSError:
                pass
            time.sleep(0.1)
        self.stop()
        raise RuntimeError("%s not ready after %d s: %s" % (self.key, timeout, self.tail()))

    def tail(self):
        try:
            with open(self.logf, "rb") as f:
                return f.read()[-600:].decode("utf-8", "replace").replace("\n", " | ")
        except OSError:
            return ""

    def stop(self):
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(20)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(10)
        self.proc = None

    def time_scans(self, msg, n, clients):
        """n scans of msg by `clients` threads, each its share one after the
        other: (sorted list of seconds per scan, wall seconds)"""
        per, lock, errors = [], threading.Lock(), []
        for _ in range(2):      # warm-up: the first scans of a fresh child are slower
            self.scan(msg)

        def worker(k):
            for _ in range(k):
                t = time.time()
                try:
                    self.scan(msg)
                except (OSError, RuntimeError) as e:
                    errors.append(str(e))
                    return
                with lock:
                    per.append(time.time() - t)
        share = [n // clients + (i < n % clients) for i in range(clients)]
        t0 = time.time()
        th = [threading.Thread(target=worker, args=(k,)) for k in share]
        for t in th:
            t.start()
        for t in th:
            t.join()
        if errors:
            raise RuntimeError("%s alone: %s" % (self.key, errors[0]))
        return sorted(per), time.time() - t0


def recv_all(s, limit=1 << 20):
    out = b""
    while len(out) < limit:
        b = s.recv(65536)
        if not b:
            break
        out += b
    return out


class Spamd(Peer):
    """spamd -L (no network tests) on 127.0.0.1; `children` preforked
    children, so that 8 clients meet as many scanners as the machine has cores"""
    key = "spamd"

    def __init__(self, work, children):
        Peer.__init__(self, work)
        os.chmod(self.dir, 0o755)
        self.port = free_port()
        self.spawn([SPAMD, "--listen=127.0.0.1:%d" % self.port, "-u", "nobody", "-L", "--nouser-config",
                    "--max-children=%d" % children, "--min-children=%d" % children,
                    "--pidfile=" + os.path.join(self.dir, "spamd.pid"), "-s", "stderr"])
        self.ready(self.ping, 60)

    def ping(self):
        with socket.create_connection(("127.0.0.1", self.port), 2) as s:
            s.sendall(b"PING SPAMC/1.5\r\n\r\n")
            return b"PONG" in s.recv(100)

    def scan(self, msg):
        """HEADERS, as both servers' plugins ask"""
        with socket.create_connection(("127.0.0.1", self.port), 60) as s:
            s.sendall(b"HEADERS SPAMC/1.5\r\nContent-length: %d\r\n\r\n" % len(msg) + msg)
            s.shutdown(socket.SHUT_WR)
            r = recv_all(s)
        if not r.startswith(b"SPAMD/1.") or b" EX_OK" not in r.split(b"\r\n", 1)[0]:
            raise RuntimeError("spamd answered %r" % r[:80])


class Clamd(Peer):
    """clamd on a unix socket (qpsmtpd 0.94 can only scan through it, see
    method.md) and 127.0.0.1, with a database of two EICAR signatures"""
    key = "clamd"

    def __init__(self, work):
        Peer.__init__(self, work)
        db = os.path.join(self.dir, "db")
        os.makedirs(db)
        eicar_db(db)
        self.port = free_port()
        # qpsmtpd 0.94's clamdscan keeps the leading [\w/.]+ of clamd_socket,
        # so the work directory's name ("qcsmtpd-bench.") would cut the path
        # at its "-": the socket lives in a directory of its own
        self.sockdir = tempfile.mkdtemp(prefix="qcbenchclamd.", dir="/tmp")
        os.chmod(self.sockdir, 0o755)
        self.sock = os.path.join(self.sockdir, "clamd.sock")
        conf = os.path.join(self.dir, "clamd.conf")
        with open(conf, "w") as f:
            f.write("DatabaseDirectory %s\nTCPSocket %d\nTCPAddr 127.0.0.1\nLocalSocket %s\nForeground yes\n"
                    "LogFile %s\nPidFile %s/clamd.pid\n" % (db, self.port, self.sock, self.logf + ".clamd", self.dir))
        self.spawn([CLAMD, "-c", conf])
        self.ready(self.ping, 60)
        # the database works: EICAR is found (else every clean verdict means nothing)
        if b"FOUND" not in self.instream(EICAR):
            raise RuntimeError("clamd did not find EICAR with the bench's database")

    def tail(self):
        for f in (self.logf + ".clamd", self.logf):
            try:
                return open(f, "rb").read()[-600:].decode("utf-8", "replace").replace("\n", " | ")
            except OSError:
                pass
        return ""

    def stop(self):
        Peer.stop(self)
        shutil.rmtree(self.sockdir, ignore_errors=True)

    def ping(self):
        with socket.socket(socket.AF_UNIX) as s:
            s.settimeout(2)
            s.connect(self.sock)
            s.sendall(b"zPING\0")
            return s.recv(16) == b"PONG\0"

    def instream(self, msg):
        with socket.socket(socket.AF_UNIX) as s:
            s.settimeout(60)
            s.connect(self.sock)
            s.sendall(b"zINSTREAM\0" + struct.pack(">I", len(msg)) + msg + struct.pack(">I", 0))
            return recv_all(s, 4096)

    def scan(self, msg):
        r = self.instream(msg)
        if r != b"stream: OK\0":
            raise RuntimeError("clamd answered %r" % r[:80])


RSPAMD_LOCAL = {
    "worker-normal.inc": 'bind_socket = "127.0.0.1:{normal}";\ncount = {children};\n',
    "worker-proxy.inc": 'bind_socket = "127.0.0.1:{proxy}";\nmilter = yes;\ntimeout = 120s;\n'
                        'upstream "local" {{ default = yes; self_scan = yes; }}\ncount = {children};\n',
    "worker-controller.inc": 'bind_socket = "127.0.0.1:{controller}";\n',
    "worker-fuzzy.inc": "count = -1;\n",
    "logging.inc": 'type = "console";\nlevel = "warning";\n',
    # a port nobody answers on: offline, DNS lookups fail at once
    "options.inc": 'dns {{ nameserver = ["127.0.0.1:{dns}"]; }}\n',
    # one field the servers' queued messages must carry (the bench checks
    # every queued message: a message rspamd did not see has none); the
    # bench client is local, which milter_headers skips by default
    # the bench message scores about 4 (no To, no Message-ID): above the
    # stock greylist threshold, which in milter mode is a 4xx; the bench
    # measures the pass path, so no greylist action
    "actions.conf": "greylist = null;\n",
    "milter_headers.conf": 'use = ["x-spam-status"];\nskip_local = false;\nskip_authenticated = false;\n',
}


class Rspamd(Peer):
    """rspamd 3.4 offline, its proxy worker in milter mode scanning itself
    (self_scan), started once per bench run (15-26 s here)"""
    key = "rspamd"

    def __init__(self, work, children):
        Peer.__init__(self, work)
        ports = dict(normal=free_port(), proxy=free_port(), controller=free_port(), dns=free_port(),
                     children=children)
        self.port, self.normal = ports["proxy"], ports["normal"]
        etc = os.path.join(self.dir, "etc")
        os.makedirs(os.path.join(etc, "local.d"))
        for sub in ("db", "run", "log"):
            os.makedirs(os.path.join(self.dir, sub))
        for name, text in RSPAMD_LOCAL.items():
            with open(os.path.join(etc, "local.d", name), "w") as f:
                f.write(text.format(**ports))
        self.spawn([RSPAMD, "-f", "-i", "-u", "root", "-g", "root", "-c", "/etc/rspamd/rspamd.conf",
                    "--var=LOCAL_CONFDIR=" + etc, "--var=DBDIR=" + os.path.join(self.dir, "db"),
                    "--var=RUNDIR=" + os.path.join(self.dir, "run"), "--var=LOGDIR=" + os.path.join(self.dir, "log")])
        self.ready(self.ping, 90)
        r = self.check(bench_message())
        if b"X-Spam-Status" not in r or b'"action":"no action"' not in r:
            raise RuntimeError("rspamd's verdict on the bench message is no pass with an X-Spam-Status field: %r"
                               % r[-400:])

    def ping(self):
        with socket.create_connection(("127.0.0.1", self.normal), 2) as s:
            s.sendall(b"GET /ping HTTP/1.0\r\n\r\n")
            if b"pong" not in recv_all(s, 4096):
                return False
        socket.create_connection(("127.0.0.1", self.port), 2).close()
        return True

    def check(self, msg):
        """the normal worker's /checkv2: the same scan the proxy runs for a milter"""
        with socket.create_connection(("127.0.0.1", self.normal), 60) as s:
            s.sendall(b"POST /checkv2 HTTP/1.0\r\nContent-Length: %d\r\nIP: 127.0.0.1\r\nHelo: bench.client\r\n"
                      b"From: a@example.com\r\nRcpt: b@example.com\r\nPass: none\r\n\r\n" % len(msg) + msg)
            r = recv_all(s)
        if not r.startswith(b"HTTP/1.") or b" 200 " not in r.split(b"\r\n", 1)[0]:
            raise RuntimeError("rspamd answered %r" % r[:80])
        return r

    def scan(self, msg):
        self.check(msg)

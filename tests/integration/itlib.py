# itlib.py: shared helpers for the integration tests (imported, not run).
# A Server runs the real `tcpserver -v -R -H -l 0 127.0.0.1 <free port> qcsmtpd-check`
# in its own directory (control/, queue/ for the qmail-queue double, spool/), and is
# always stopped by PID. A Client is a raw-socket SMTP client that reads whole replies.
#
# Environment: QCSMTPD_BIN (server, default tests/qcsmtpd-check), QCSMTPD_QQ (double,
# default tests/qmail-queue), TEST_TMPDIR (parent of the test directories; a new
# mktemp dir when unset), QCSMTPD_TEST_KEEP=1 keeps the directories.

import atexit
import errno
import glob
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time

TESTS = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = os.path.abspath(os.environ.get("QCSMTPD_BIN") or os.path.join(TESTS, "qcsmtpd-check"))
QQ = os.path.abspath(os.environ.get("QCSMTPD_QQ") or os.path.join(TESTS, "qmail-queue"))
KEEP = bool(os.environ.get("QCSMTPD_TEST_KEEP"))


def _server_libc():
    """musl or glibc: the server says errors in its C library's words, and
    musl's strerror texts differ from glibc's (EIO, ETIMEDOUT, ...). A static
    musl binary carries musl's table, in which error 0 is "No error
    information" (glibc's is "Success")."""
    try:
        with open(BIN, "rb") as f:
            return "musl" if b"No error information\0" in f.read() else "glibc"
    except OSError:
        return "glibc"


LIBC = _server_libc()
_MUSL_STRERROR = {errno.EIO: "I/O error", errno.ETIMEDOUT: "Operation timed out",
                  errno.ENETUNREACH: "Network unreachable", errno.EADDRNOTAVAIL: "Address not available",
                  errno.EHOSTUNREACH: "Host is unreachable", errno.ENOMEM: "Out of memory"}


def strerror(e):
    """the text the server under test logs for errno e"""
    return _MUSL_STRERROR.get(e, os.strerror(e)) if LIBC == "musl" else os.strerror(e)

_servers = []
_results = []
_own_tmp = None


def _on_term(signum, frame):
    raise SystemExit(128 + signum)


signal.signal(signal.SIGTERM, _on_term)
signal.signal(signal.SIGHUP, _on_term)


# the EICAR test file, in two parts so that no file of the tree is itself one
EICAR = b"X5O!P%@AP[4\\PZX54(P^)7CC)7}$" + b"EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*"


def eicar_db(db):
    """A clamd database in directory db that finds EICAR twice over, without
    the network: Test.EICAR.hdb-1 (the file's MD5) and Test.EICAR.ndb-1 (a
    body pattern, so it is found inside a MIME part too)."""
    import binascii
    import hashlib
    with open(os.path.join(db, "test.hdb"), "w") as f:
        f.write("%s:%d:Test.EICAR.hdb-1\n" % (hashlib.md5(EICAR).hexdigest(), len(EICAR)))
    with open(os.path.join(db, "test.ndb"), "w") as f:
        f.write("Test.EICAR.ndb-1:0:*:%s\n" % binascii.hexlify(b"EICAR-STANDARD-ANTIVIRUS-TEST-FILE").decode())


def tmpbase():
    global _own_tmp
    base = os.environ.get("TEST_TMPDIR")
    if base:
        return base
    if _own_tmp is None:
        _own_tmp = tempfile.mkdtemp(prefix="qcsmtpd-integration.")
    return _own_tmp


def _cleanup():
    for s in list(_servers):
        s.stop()
    if _own_tmp and not KEEP:
        shutil.rmtree(_own_tmp, ignore_errors=True)


atexit.register(_cleanup)


class TestFailure(Exception):
    pass


def check(cond, msg):
    if not cond:
        raise TestFailure(msg)


def report(name, err=None):
    if err:
        print("FAIL - %s: %s" % (name, err))
    else:
        print("ok - %s" % name)
    sys.stdout.flush()
    _results.append(not err)


def note(s):
    for l in str(s).splitlines():
        print("# " + l)
    sys.stdout.flush()


def run_test(name, fn):
    """Run fn(); report ok, or FAIL with the assertion or exception text."""
    try:
        fn()
        report(name)
    except TestFailure as e:
        report(name, str(e))
    except Exception as e:
        report(name, "%s: %s" % (type(e).__name__, e))


def finish():
    for s in list(_servers):
        s.stop()
    sys.exit(0 if _results and all(_results) else 1)


def free_port():
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


DEFAULT_PLUGINS = ["relay", "badmailfrom", "rcpt_ok", "queue/qmail-queue"]


def tcpserver_sessions(text):
    """pid -> exit wait status (None while running), from tcpserver -v lines
    (multilog's timestamps already removed)."""
    out = {}
    for m in re.finditer(r"^tcpserver: pid (\d+) from", text, re.M):
        out[int(m.group(1))] = None
    for m in re.finditer(r"^tcpserver: end (\d+) status (\d+)", text, re.M):
        out[int(m.group(1))] = int(m.group(2))
    return out


def stop_process(proc, grace=5):
    """SIGTERM, then SIGKILL after grace seconds; reaped either way."""
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(grace)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def kill_sessions(sessions):
    """Sessions outlive tcpserver: stop any still running, by PID."""
    for pid, st in sessions.items():
        if st is None:
            try:
                os.kill(pid, signal.SIGKILL)
            except OSError:
                pass


class Server:
    """control: dict name -> content (str, or list of lines); plugins: list of lines
    (None = no plugins file: the built-in default list); rules: tcprules text for -x;
    env: extra environment for tcpserver (inherited by every session)."""

    def __init__(self, name, control=None, plugins=DEFAULT_PLUGINS, rules=None, env=None, cdb=None):
        self.name = name
        self.dir = tempfile.mkdtemp(prefix=re.sub(r"\W", "_", name) + ".", dir=tmpbase())
        self.control = os.path.join(self.dir, "control")
        self.qqdir = os.path.join(self.dir, "queue")
        self.spool = os.path.join(self.dir, "spool")
        for d in (self.control, self.qqdir, self.spool):
            os.mkdir(d)
        ctl = {"me": "mx.example.test", "rcpthosts": "example.test", "spool_dir": self.spool}
        ctl.update(control or {})
        if plugins is not None:
            ctl["plugins"] = plugins
        for k, v in ctl.items():
            if isinstance(v, (list, tuple)):
                v = "".join(l + "\n" for l in v)
            elif v and not v.endswith("\n"):
                v += "\n"
            with open(os.path.join(self.control, k), "w") as f:
                f.write(v)
        for k, lines in (cdb or {}).items():
            src = os.path.join(self.dir, k + ".in")
            with open(src, "w") as f:
                f.write("".join(l + "\n" for l in lines))
            subprocess.run(["cdb", "-c", "-m", os.path.join(self.control, k), src], check=True)
        self.rules = None
        if rules is not None:
            self.rules = os.path.join(self.dir, "rules.cdb")
            r = subprocess.run(["tcprules", self.rules, self.rules + ".tmp"], input=rules.encode(),
                               capture_output=True)
            check(r.returncode == 0, "tcprules failed: %s" % r.stderr.decode(errors="replace"))
        self.env = {"PATH": "/usr/bin:/bin", "QCSMTPD_CONTROL": self.control, "QMAILQUEUE": QQ,
                    "QQ_DIR": self.qqdir, "QMAIL": os.path.join(self.dir, "qmail"), "TMPDIR": self.dir}
        # sanitizer settings reach the sessions (make check-sanitize); unset, nothing changes
        for k in ("ASAN_OPTIONS", "UBSAN_OPTIONS", "LSAN_OPTIONS"):
            if k in os.environ:
                self.env[k] = os.environ[k]
        self.env.update(env or {})
        self.logpath = os.path.join(self.dir, "tcpserver.log")
        self.tcpserver_opts = []    # more tcpserver options (tests/load: -c 100)
        self.wrapper = []           # a program run by tcpserver before BIN (tests/ucspi-tlsd)
        self.proc = None
        self.port = None

    def start(self):
        check(os.access(BIN, os.X_OK), "%s is not built" % BIN)
        check(os.access(QQ, os.X_OK), "%s is not built" % QQ)
        for attempt in range(10):
            self.port = free_port()
            cmd = ["tcpserver", "-v", "-R", "-H", "-l", "0"] + self.tcpserver_opts
            if self.rules:
                cmd += ["-x", self.rules]
            cmd += ["127.0.0.1", str(self.port)] + self.wrapper + [BIN]
            log = open(self.logpath, "ab")
            self.proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                         stderr=log, cwd=self.dir, env=self.env, close_fds=True)
            log.close()
            _servers.append(self)
            deadline = time.time() + 5
            while time.time() < deadline:
                if self.proc.poll() is not None:
                    break
                if "tcpserver: status:" in self.log():
                    return self
                time.sleep(0.02)
            self.stop()     # lost the port to someone else, or too slow: try another
        raise TestFailure("tcpserver did not start: %s" % self.log()[-300:])

    def log(self):
        try:
            return open(self.logpath, "rb").read().decode("latin-1")
        except OSError:
            return ""

    def sessions(self):
        """pid -> exit wait status (None while running), from tcpserver -v lines."""
        return tcpserver_sessions(self.log())

    def wait_sessions(self, timeout=10, count=None):
        """Wait until every session started so far has ended (and at least count
        sessions were seen). Returns the sessions dict; raises if some did not end."""
        deadline = time.time() + timeout
        while True:
            s = self.sessions()
            done = all(v is not None for v in s.values()) and (count is None or len(s) >= count)
            if done:
                return s
            if time.time() > deadline:
                running = [p for p, v in s.items() if v is None]
                raise TestFailure("session process(es) %r still running after %ds (%d seen)"
                                  % (running, timeout, len(s)))
            time.sleep(0.05)

    def stop(self):
        if self.proc is not None:
            stop_process(self.proc)
            kill_sessions(self.sessions())
            self.proc = None
        if self in _servers:
            _servers.remove(self)
            if not KEEP:
                shutil.rmtree(self.dir, ignore_errors=True)

    def queued(self):
        """[(message bytes, envelope bytes)] in queue order."""
        out = []
        for m in sorted(glob.glob(os.path.join(self.qqdir, "*.msg"))):
            out.append((open(m, "rb").read(), open(m[:-4] + ".env", "rb").read()))
        return out

    def infos(self):
        return [open(p).read() for p in sorted(glob.glob(os.path.join(self.qqdir, "*.info")))]

    def leftovers(self):
        """Files other than recorded pairs: temp files of the double, spool files."""
        q = [f for f in os.listdir(self.qqdir) if not re.search(r"\.(msg|env|info)$", f)]
        return q + ["spool/" + f for f in os.listdir(self.spool)]


class Client:
    def __init__(self, port, timeout=30):
        self.sock = socket.create_connection(("127.0.0.1", port), timeout=timeout)
        self.buf = b""

    def readline(self):
        while b"\r\n" not in self.buf:
            d = self.sock.recv(65536)
            if not d:
                raise TestFailure("server closed the connection (pending %r)" % self.buf[:100])
            self.buf += d
        line, self.buf = self.buf.split(b"\r\n", 1)
        return line.decode("latin-1")

    def reply(self):
        """One whole reply: (code, [lines])."""
        lines = []
        while True:
            l = self.readline()
            lines.append(l)
            check(re.match(r"\d\d\d[ -]", l + " "), "malformed reply line %r" % l)
            if len(l) < 4 or l[3] == " ":
                return int(l[:3]), lines

    def expect(self, code, what=""):
        c, lines = self.reply()
        check(c == code, "%s: got %r, expected %d" % (what or "reply", lines, code))
        return lines

    def send(self, data):
        if isinstance(data, str):
            data = data.encode("latin-1")
        self.sock.sendall(data)

    def cmd(self, line, code):
        self.send(line + "\r\n")
        return self.expect(code, line)

    def eof(self, timeout=10):
        """True when the server closes the connection (no more data) within timeout."""
        self.sock.settimeout(timeout)
        try:
            while True:
                d = self.sock.recv(65536)
                if not d:
                    return True
                self.buf += d
        except socket.timeout:
            return False
        except ConnectionResetError:
            # a server that dies with unread input resets the connection
            return True

    def close(self):
        try:
            self.sock.close()
        except OSError:
            pass


def strip_received(msg):
    """The queued message without its first header field when that is Received:
    (the server's own trace line, folded lines included)."""
    check(msg.startswith(b"Received: "), "queued message does not start with Received: %r" % msg[:80])
    i = msg.index(b"\n") + 1
    while i < len(msg) and msg[i:i + 1] in (b" ", b"\t"):
        i = msg.index(b"\n", i) + 1
    return msg[i:]


def dot_stuff_crlf(lines):
    """[bytes] lines -> SMTP DATA wire bytes (dot-stuffed, CRLF, with the final dot)."""
    return b"".join((b"." + l if l.startswith(b".") else l) + b"\r\n" for l in lines) + b".\r\n"


def make_certs(d):
    """Test certificates made with openssl in directory d (none is committed):
    ca.crt (EC P-256 CA); leaf.key (RSA, PKCS#8) + leaf.crt for localhost and
    127.0.0.1, signed by the CA; servercert.pem = key + leaf + CA (qmail-tls
    style); leaf-trad.key ("RSA PRIVATE KEY" form); ec.key + ec.crt (EC leaf
    signed by the CA); other.key (an RSA key that matches no certificate).
    Returns d."""
    def ossl(*args):
        r = subprocess.run(["openssl"] + list(args), cwd=d, capture_output=True)
        check(r.returncode == 0, "openssl %s: %s" % (args[0], r.stderr.decode(errors="replace")[-300:]))
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, "ext.cnf"), "w") as f:
        f.write("subjectAltName=DNS:localhost,IP:127.0.0.1\n")
    ossl("genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", "ca.key")
    ossl("req", "-x509", "-new", "-key", "ca.key", "-subj", "/CN=qcsmtpd test CA", "-days", "30", "-out", "ca.crt")
    ossl("genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", "leaf.key")
    ossl("req", "-new", "-key", "leaf.key", "-subj", "/CN=localhost", "-out", "leaf.csr")
    ossl("x509", "-req", "-in", "leaf.csr", "-CA", "ca.crt", "-CAkey", "ca.key", "-CAcreateserial",
         "-days", "30", "-extfile", "ext.cnf", "-out", "leaf.crt")
    ossl("rsa", "-in", "leaf.key", "-traditional", "-out", "leaf-trad.key")
    ossl("genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", "ec.key")
    ossl("req", "-new", "-key", "ec.key", "-subj", "/CN=localhost", "-out", "ec.csr")
    ossl("x509", "-req", "-in", "ec.csr", "-CA", "ca.crt", "-CAkey", "ca.key", "-CAcreateserial",
         "-days", "30", "-extfile", "ext.cnf", "-out", "ec.crt")
    ossl("genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", "other.key")
    with open(os.path.join(d, "servercert.pem"), "wb") as f:
        for n in ("leaf.key", "leaf.crt", "ca.crt"):
            f.write(open(os.path.join(d, n), "rb").read())
    with open(os.path.join(d, "ec-chain.pem"), "wb") as f:
        for n in ("ec.crt", "ca.crt"):
            f.write(open(os.path.join(d, n), "rb").read())
    return d

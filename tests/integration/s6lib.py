# s6lib.py: shared code of the tests under the real s6-networking (imported, not run).
#
# Debian 12 packages s6 but not s6-networking, so the tests build skarnet's s6-dns and
# s6-networking once from the release tarballs in the thirdparty directory
# (QCSMTPD_THIRDPARTY; else ../shared/thirdparty beside the repository; else
# /work/shared/thirdparty) with its build-s6-networking script, into a cache directory
# keyed on the tarballs' and the script's sha256:
#     ${XDG_CACHE_HOME:-$HOME/.cache}/qcsmtpd/s6-networking-2.5.1.3-<key>/bin
# (root without XDG_CACHE_HOME: /var/cache/qcsmtpd/..., reachable by the
# unprivileged account the run/s6 services drop to).
# The programs are built with absolute paths (s6-tcpserver execs s6-tcpserver4 and
# s6-tlsd execs s6-tlsd-io by their installed names), so the build goes straight into
# that directory; a flock on <dir>.lock keeps two test processes from building at once,
# and a stamp file written last tells a finished build from an interrupted one.
# No tarballs, or a build dependency missing: Skip (the tests print SKIP: <reason>
# and pass), unless QCSMTPD_S6_REQUIRED is set (.ci/run sets it): then they fail.
# A build that fails with everything present is a failure.
#
# S6Server is itlib.Server under `s6-tcpserver -v 127.0.0.1 PORT s6-tcpserver-access
# -v 2 -H -l 0 -i RULESDIR [wrapper...] qcsmtpd-check`, with the rules written as a
# directory (s6-accessrules-cdb-from-fs's format) and the sessions read from
# s6-tcpserver's own log lines.

import fcntl
import hashlib
import os
import re
import shutil
import subprocess
import sys
import time

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import itlib  # noqa: E402
from itlib import TestFailure, check  # noqa: E402

TOP = os.path.dirname(itlib.TESTS)
TARBALLS = ("s6-dns-2.3.5.5.tar.gz", "s6-networking-2.5.1.3.tar.gz")
SCRIPT = "build-s6-networking"


class Skip(Exception):
    pass


def thirdparty():
    d = os.environ.get("QCSMTPD_THIRDPARTY")
    if d:
        return os.path.abspath(d)
    rel = os.path.join(TOP, "..", "shared", "thirdparty")
    if os.path.isdir(rel):
        return os.path.realpath(rel)
    return "/work/shared/thirdparty"


def missing_deps():
    """The first build dependency that is not installed, as a SKIP reason, or None."""
    for prog, pkg in (("gcc", "build-essential"), ("make", "build-essential")):
        if not shutil.which(prog):
            return "%s is not installed (Debian: %s)" % (prog, pkg)
    try:
        ma = subprocess.run(["gcc", "-dumpmachine"], capture_output=True, check=True).stdout.decode().strip()
    except (OSError, subprocess.CalledProcessError):
        return "gcc -dumpmachine failed (Debian: build-essential)"
    need = (("/usr/lib/%s/skalibs/sysdeps/sysdeps" % ma, "skalibs-dev"),
            ("/usr/lib/%s/libskarnet.a" % ma, "skalibs-dev"),
            ("/usr/lib/%s/libs6.a" % ma, "libs6-dev"),
            ("/usr/lib/%s/libexecline.a" % ma, "libexecline-dev"),
            ("/usr/include/bearssl.h", "libbearssl-dev"))
    for path, pkg in need:
        if not os.path.exists(path):
            return "%s is missing (Debian: %s)" % (path, pkg)
    return None


def cache_base():
    """$XDG_CACHE_HOME/qcsmtpd, else ~/.cache/qcsmtpd; root's default is
    /var/cache/qcsmtpd, because the run/s6 test's services drop to an
    unprivileged account that must be able to exec the programs (/root is 0700)."""
    c = os.environ.get("XDG_CACHE_HOME")
    if c:
        return os.path.join(c, "qcsmtpd")
    if os.geteuid() == 0:
        return "/var/cache/qcsmtpd"
    return os.path.join(os.path.expanduser("~"), ".cache", "qcsmtpd")


_bindir = []


def s6_bin():
    """The bin directory of the built s6-networking (building it first if needed);
    raises Skip when the tarballs or the build dependencies are missing."""
    if _bindir:
        return _bindir[0]
    tp = thirdparty()
    h = hashlib.sha256()
    for n in TARBALLS + (SCRIPT,):
        p = os.path.join(tp, n)
        if not os.path.isfile(p):
            raise Skip("%s not found (set QCSMTPD_THIRDPARTY to the directory holding %s and %s)"
                       % (p, TARBALLS[0], TARBALLS[1]))
        h.update(n.encode() + b"\0" + hashlib.sha256(open(p, "rb").read()).digest())
    why = missing_deps()
    if why:
        raise Skip(why)
    base = cache_base()
    if not os.path.isdir(base):
        os.makedirs(base)
        os.chmod(base, 0o755)
    prefix = os.path.join(base, "s6-networking-2.5.1.3-" + h.hexdigest()[:16])
    stamp = os.path.join(prefix, ".built")
    with open(prefix + ".lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)    # a concurrent builder finishes first
        if not os.path.exists(stamp):
            shutil.rmtree(prefix, ignore_errors=True)   # an interrupted build
            itlib.note("building s6-dns and s6-networking into %s (once)" % prefix)
            t0 = time.time()
            r = subprocess.run(["sh", os.path.join(tp, SCRIPT), prefix], capture_output=True,
                               stdin=subprocess.DEVNULL)
            out = (r.stdout + r.stderr).decode("latin-1")
            check(r.returncode == 0, "%s %s exited %d: %s" % (SCRIPT, prefix, r.returncode, out[-1500:]))
            with open(stamp, "w") as f:
                f.write(h.hexdigest() + "\n")
            itlib.note("built in %.0f s" % (time.time() - t0))
    bindir = os.path.join(prefix, "bin")
    for p in ("s6-tcpserver", "s6-tcpserver-access", "s6-tlsd", "s6-ucspitlsd"):
        check(os.access(os.path.join(bindir, p), os.X_OK), "%s/%s was not built" % (bindir, p))
    _bindir.append(bindir)
    return bindir


def skip_all(name, why):
    """The whole file is skipped: the SKIP line and one passing result line; a
    failure instead when QCSMTPD_S6_REQUIRED is set (.ci/run: CI must run them)."""
    if os.environ.get("QCSMTPD_S6_REQUIRED"):
        print("FAIL - %s: QCSMTPD_S6_REQUIRED is set, but: %s" % (name, why))
        sys.exit(1)
    print("SKIP: %s" % why)
    print("ok - %s # SKIP %s" % (name, why))
    sys.stdout.flush()
    sys.exit(0)


def setup(name):
    """s6_bin() for a test file's main(): skips the file, or fails it with one line."""
    try:
        return s6_bin()
    except Skip as e:
        skip_all(name, str(e))
    except TestFailure as e:
        print("FAIL - %s: cannot build s6-networking: %s" % (name, e))
        sys.exit(1)


def write_rules(d, rules):
    """rules: [(key, "allow"|"deny", {VAR: value})], key as in s6-accessrules-cdb-from-fs
    (ip4/127.0.0.1_32, ip4/0.0.0.0_0). A value is written with a newline after it, so an
    empty value sets the variable to the empty string (an empty file would unset it)."""
    os.makedirs(d, exist_ok=True)
    for key, verdict, env in rules:
        k = os.path.join(d, key)
        os.makedirs(k, exist_ok=True)
        open(os.path.join(k, verdict), "w").close()
        if env:
            os.makedirs(os.path.join(k, "env"), exist_ok=True)
            for var, val in env.items():
                with open(os.path.join(k, "env", var), "w") as f:
                    f.write(val + "\n")
    return d


def s6_sessions(text):
    """pid -> exit wait status (None while running), from s6-tcpserver4d's lines
    "allow IP:PORT pid N count ..." and "end pid N ip IP exitcode N|signal N"."""
    out = {}
    for m in re.finditer(r"^s6-tcpserver4d: info: allow \S+ pid (\d+) ", text, re.M):
        out[int(m.group(1))] = None
    for m in re.finditer(r"^s6-tcpserver4d: info: end pid (\d+) ip \S+ (exitcode|signal) (\d+)", text, re.M):
        n = int(m.group(3))
        out[int(m.group(1))] = n << 8 if m.group(2) == "exitcode" else n
    return out


class S6Server(itlib.Server):
    """itlib.Server under s6-tcpserver + s6-tcpserver-access -i rules/. rules: see
    write_rules (default: 127.0.0.1 may relay, nobody else is listed, so denied);
    wrapper: programs between s6-tcpserver-access and the server (s6-tlsd --)."""

    def __init__(self, name, bindir, rules=None, **kw):
        itlib.Server.__init__(self, name, **kw)
        self.bindir = bindir
        self.rulesdir = write_rules(os.path.join(self.dir, "rules"),
                                    rules if rules is not None else
                                    [("ip4/127.0.0.1_32", "allow", {"RELAYCLIENT": ""})])
        self.logpath = os.path.join(self.dir, "s6-tcpserver.log")

    def prog(self, name):
        return os.path.join(self.bindir, name)

    def start(self):
        check(os.access(itlib.BIN, os.X_OK), "%s is not built" % itlib.BIN)
        check(os.access(itlib.QQ, os.X_OK), "%s is not built" % itlib.QQ)
        for attempt in range(10):
            self.port = itlib.free_port()
            cmd = [self.prog("s6-tcpserver"), "-v", "127.0.0.1", str(self.port),
                   self.prog("s6-tcpserver-access"), "-v", "2", "-H", "-l", "0", "-i", self.rulesdir]
            cmd += self.wrapper + [itlib.BIN]
            log = open(self.logpath, "ab")
            self.proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                         stderr=log, cwd=self.dir, env=self.env, close_fds=True)
            log.close()
            itlib._servers.append(self)
            deadline = time.time() + 5
            while time.time() < deadline:
                if self.proc.poll() is not None:
                    break
                if "s6-tcpserver4d: info: status: 0/" in self.log():
                    return self
                time.sleep(0.02)
            self.stop()     # the port was taken meanwhile: try another
        raise TestFailure("s6-tcpserver did not start: %s" % self.log()[-300:])

    def sessions(self):
        return s6_sessions(self.log())


class Client(itlib.Client):
    """itlib.Client from a chosen loopback source address (127.0.0.2 is not 127.0.0.1
    to the rules), so one server can be tried from several "clients"."""

    def __init__(self, port, source="127.0.0.1", timeout=30):
        import socket
        self.sock = socket.create_connection(("127.0.0.1", port), timeout=timeout,
                                             source_address=(source, 0))
        self.buf = b""

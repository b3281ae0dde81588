#!/usr/bin/python3
# qq-selftest.py: unit test of the qmail-queue test double (tests/qmail-queue).
# Feeds message and envelope directly and checks exit codes and recorded bytes
# against reference/qmail.md 2.2 and 2.6.
# Usage: tests/qq-selftest.py [path/to/qmail-queue]   (default: tests/qmail-queue)
# Prints "ok - qq: <name>" / "FAIL - qq: <name>: <reason>"; exits 1 on any failure.

import glob
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
QQ = os.path.abspath(sys.argv[1]) if len(sys.argv) > 1 else os.path.join(HERE, "qmail-queue")
BASE = os.environ.get("TEST_TMPDIR") or None

results = []


def report(name, err):
    if err:
        print("FAIL - qq: %s: %s" % (name, err))
    else:
        print("ok - qq: %s" % name)
    sys.stdout.flush()
    results.append(not err)


def listing(d):
    return sorted(os.listdir(d))


def pairs(d):
    out = []
    for m in sorted(glob.glob(os.path.join(d, "*.msg"))):
        e = m[:-4] + ".env"
        out.append((open(m, "rb").read(), open(e, "rb").read() if os.path.exists(e) else None))
    return out


def run_files(qqdir, msg, env, extra_env=None, timeout=10, pass_fd6=False):
    """fd 0 and fd 1 are regular files (fd 1 opened read-only). Returns (rc, fd6 bytes)."""
    mpath = os.path.join(qqdir, "..", os.path.basename(qqdir) + ".in0")
    epath = os.path.join(qqdir, "..", os.path.basename(qqdir) + ".in1")
    with open(mpath, "wb") as f:
        f.write(msg)
    with open(epath, "wb") as f:
        f.write(env)
    e = {"PATH": "/usr/bin:/bin", "QQ_DIR": qqdir}
    e.update(extra_env or {})
    r6, w6 = os.pipe()
    def child():
        os.dup2(w6, 6)
    with open(mpath, "rb") as fin, open(epath, "rb") as fenv:
        p = subprocess.Popen([QQ], stdin=fin, stdout=fenv, env=e, cwd=qqdir,
                             preexec_fn=child if pass_fd6 else None, close_fds=not pass_fd6)
        os.close(w6)
        try:
            rc = p.wait(timeout)
        except subprocess.TimeoutExpired:
            p.kill()
            p.wait()
            os.close(r6)
            return "timeout", b""
    fd6 = b""
    if pass_fd6:
        while True:
            b = os.read(r6, 4096)
            if not b:
                break
            fd6 += b
    os.close(r6)
    return rc, fd6


class Case:
    def __init__(self, name):
        self.name = name
        self.dir = tempfile.mkdtemp(prefix="qq.", dir=BASE)
        self.q = os.path.join(self.dir, "q")
        os.mkdir(self.q)

    def done(self, err):
        report(self.name, err)
        shutil.rmtree(self.dir, ignore_errors=True)


def expect_code(name, msg, env, code, recorded, extra_env=None):
    c = Case(name)
    rc, _ = run_files(c.q, msg, env, extra_env)
    err = None
    if rc != code:
        err = "exit %r, expected %r" % (rc, code)
    else:
        got = pairs(c.q)
        left = [f for f in listing(c.q) if not f.endswith(".info")]
        if recorded:
            if got != [(msg, env)]:
                err = "recorded %r, expected one pair %r" % (got, [(msg, env)])
            elif len(left) != 2:
                err = "stray files: %r" % left
        elif left:
            err = "files left although exit %d: %r" % (rc, left)
    c.done(err)


MSG = b"Received: from x\n\tby y with SMTP; date\nSubject: hi\n\nbody\n.dot\n"
A1002 = b"a" * 990 + b"@example.org"          # 1002 bytes
A1003 = b"b" * 991 + b"@example.org"          # 1003 bytes
assert len(A1002) == 1002 and len(A1003) == 1003

if not os.access(QQ, os.X_OK):
    report("binary exists", "%s not built" % QQ)
    sys.exit(1)

expect_code("valid envelope", MSG, b"Fa@b.test\0Tu@example.test\0Tv@example.test\0\0", 0, True)
expect_code("zero recipients", MSG, b"F\0\0", 0, True)
expect_code("null sender one rcpt", MSG, b"F\0Tpostmaster\0\0", 0, True)
expect_code("empty message", b"", b"Fa@b\0Tc@d\0\0", 0, True)
expect_code("message with NUL CR and 8bit", b"a\0b\rc\xff\n", b"Fa@b\0Tc@d\0\0", 0, True)
expect_code("missing F", MSG, b"Ta@b.test\0Tu@example.test\0\0", 91, False)
expect_code("bad T", MSG, b"Fa@b.test\0Xu@example.test\0\0", 91, False)
expect_code("bad T after good T", MSG, b"Fa@b.test\0Tu@x\0Fv@y\0\0", 91, False)
expect_code("sender 1002 bytes", MSG, b"F" + A1002 + b"\0Tu@x\0\0", 0, True)
expect_code("sender 1003 bytes", MSG, b"F" + A1003 + b"\0Tu@x\0\0", 11, False)
expect_code("recipient 1002 bytes", MSG, b"Fa@b\0T" + A1002 + b"\0\0", 0, True)
expect_code("recipient 1003 bytes", MSG, b"Fa@b\0T" + A1003 + b"\0\0", 11, False)
expect_code("truncated: no final NUL", MSG, b"Fa@b.test\0Tu@example.test\0", 54, False)
expect_code("truncated: mid address", MSG, b"Fa@b.test\0Tu@exa", 54, False)
expect_code("truncated: sender only", MSG, b"Fa@b", 54, False)
expect_code("empty envelope", MSG, b"", 54, False)
expect_code("QQ_EXIT=31 records nothing", MSG, b"Fa@b\0Tc@d\0\0", 31, False, {"QQ_EXIT": "31"})
expect_code("bad envelope beats QQ_EXIT", MSG, b"Za@b\0\0", 91, False, {"QQ_EXIT": "31"})

# fd 6 text with exit 82
c = Case("QQ_FD6 with exit 82")
rc, fd6 = run_files(c.q, MSG, b"Fa@b\0Tc@d\0\0", {"QQ_EXIT": "82", "QQ_FD6": "Dcustom permanent (#5.7.1)"}, pass_fd6=True)
c.done(None if rc == 82 and fd6 == b"Dcustom permanent (#5.7.1)" and not pairs(c.q)
       else "rc=%r fd6=%r pairs=%r" % (rc, fd6, pairs(c.q)))

# QQ_FD6 without fd 6 open must not crash
c = Case("QQ_FD6 without fd 6")
rc, _ = run_files(c.q, MSG, b"Fa@b\0Tc@d\0\0", {"QQ_FD6": "Xfoo"})
c.done(None if rc == 0 and len(pairs(c.q)) == 1 else "rc=%r" % rc)

# QQ_KILL: killed by SIGKILL, nothing recorded
c = Case("QQ_KILL")
rc, _ = run_files(c.q, MSG, b"Fa@b\0Tc@d\0\0", {"QQ_KILL": "1"})
c.done(None if rc == -signal.SIGKILL and not [f for f in listing(c.q) if not f.endswith(".info")]
       else "rc=%r files=%r" % (rc, listing(c.q)))

# QQ_SLEEP: delays the exit, then records
c = Case("QQ_SLEEP")
t0 = time.time()
rc, _ = run_files(c.q, MSG, b"Fa@b\0Tc@d\0\0", {"QQ_SLEEP": "0.4"})
dt = time.time() - t0
c.done(None if rc == 0 and dt >= 0.4 and len(pairs(c.q)) == 1 else "rc=%r dt=%.2f" % (rc, dt))

# QQ_HANG: still alive after reading everything; nothing recorded
c = Case("QQ_HANG")
rc, _ = run_files(c.q, MSG, b"Fa@b\0Tc@d\0\0", {"QQ_HANG": "1"}, timeout=0.7)
c.done(None if rc == "timeout" and not [f for f in listing(c.q) if not f.endswith(".info")]
       else "rc=%r files=%r" % (rc, listing(c.q)))

# QQ_ENVLOG: environment, cwd, leaked fds
c = Case("QQ_ENVLOG")
leak, leak_w = os.pipe()
null = os.open("/dev/null", os.O_RDONLY)
try:
    mpath = os.path.join(c.dir, "m")
    epath = os.path.join(c.dir, "e")
    open(mpath, "wb").write(MSG)
    open(epath, "wb").write(b"Fa@b\0Tc@d\0\0")
    with open(mpath, "rb") as fin, open(epath, "rb") as fenv:
        rc = subprocess.call([QQ], stdin=fin, stdout=fenv, cwd=c.dir, pass_fds=(leak, null),
                             env={"QQ_DIR": c.q, "QQ_ENVLOG": "1,FOO", "RELAYCLIENT": "",
                                  "TCPREMOTEIP": "192.0.2.7", "FOO": "bar"})
finally:
    os.close(leak)
    os.close(leak_w)
    os.close(null)
infos = glob.glob(os.path.join(c.q, "*.info"))
info = open(infos[0]).read() if len(infos) == 1 else ""
want = ["RELAYCLIENT=\n", "TCPREMOTEIP=192.0.2.7\n", "FOO=bar\n", "cwd=%s\n" % os.path.realpath(c.dir),
        "fds=%s\n" % " ".join(str(x) for x in sorted((leak, null))), "leaks=%d\n" % leak,
        "fd %d -> /dev/null\n" % null, "exit=0\n"]
missing = [w for w in want if w not in info]
c.done(None if rc == 0 and not missing and len(pairs(c.q)) == 1 and infos[0][:-5] + ".msg" in glob.glob(os.path.join(c.q, "*.msg"))
       else "rc=%r missing %r in %r" % (rc, missing, info))

# QQ_ENVLOG: unset variables are reported as unset; no fds leaked
c = Case("QQ_ENVLOG unset")
rc, _ = run_files(c.q, MSG, b"Fa@b\0Tc@d\0\0", {"QQ_ENVLOG": "1"})
infos = glob.glob(os.path.join(c.q, "*.info"))
info = open(infos[0]).read() if len(infos) == 1 else ""
c.done(None if rc == 0 and "RELAYCLIENT unset\n" in info and "\nfds=\n" in info and "\nleaks=\n" in info else "rc=%r info=%r" % (rc, info))


def run_pipes(name, msg, env, extra_env=None, expect_rc=0, expect_epipe=False):
    """fd 0 a pipe, fd 1 a socketpair (to catch any write to stdout); the message is
    written fully and closed before the envelope is written, as qmail-smtpd does."""
    c = Case(name)
    r0, w0 = os.pipe()
    s_parent, s_child = socket.socketpair()
    e = {"QQ_DIR": c.q}
    e.update(extra_env or {})
    p = subprocess.Popen([QQ], stdin=r0, stdout=s_child.fileno(), env=e, cwd=c.dir, close_fds=True)
    os.close(r0)
    s_child.close()
    state = {"epipe": False, "err": None}

    def writer():
        try:
            off = 0
            while off < len(msg):
                off += os.write(w0, msg[off:off + 65536])
        except BrokenPipeError:
            state["epipe"] = True
        finally:
            os.close(w0)
        try:
            s_parent.sendall(env)
            s_parent.shutdown(socket.SHUT_WR)
        except OSError:
            pass
    t = threading.Thread(target=writer, daemon=True)
    t.start()
    t.join(20)
    err = None
    if t.is_alive():
        err = "writer blocked (double does not read fd 0 to EOF first?)"
        p.kill()
    try:
        rc = p.wait(20)
    except subprocess.TimeoutExpired:
        p.kill()
        rc = p.wait()
        err = err or "double did not exit"
    s_parent.settimeout(2)
    try:
        extra = s_parent.recv(100)
    except (socket.timeout, OSError):
        extra = b""
    s_parent.close()
    if not err:
        if rc != expect_rc:
            err = "exit %r, expected %r" % (rc, expect_rc)
        elif extra:
            err = "double wrote to stdout: %r" % extra
        elif expect_epipe and not state["epipe"]:
            err = "writer saw no EPIPE"
        elif expect_rc == 0 and pairs(c.q) != [(msg, env)]:
            err = "recorded content differs"
        elif expect_rc != 0 and [f for f in listing(c.q) if not f.endswith(".info")]:
            err = "files left: %r" % listing(c.q)
    c.done(err)


big = b"".join(b"line %07d %s\n" % (i, b"x" * (i % 900)) for i in range(6000))
run_pipes("4 MB message through pipes, byte-exact, no stdout writes", big, b"Fa@b\0Tc@d\0\0")
run_pipes("QQ_CLOSE_EARLY gives the writer EPIPE and exit 53", big, b"Fa@b\0Tc@d\0\0",
          {"QQ_CLOSE_EARLY": "1000"}, expect_rc=53, expect_epipe=True)
run_pipes("QQ_CLOSE_EARLY=0", b"x" * 200000, b"Fa@b\0Tc@d\0\0", {"QQ_CLOSE_EARLY": "0"}, expect_rc=53, expect_epipe=True)

sys.exit(0 if all(results) else 1)

#!/usr/bin/python3
# transcript.py: black-box SMTP transcript tests for qcsmtpd (format: tests/README).
# Runs each tests/transcripts/*.t file as one session of tests/qcsmtpd-check over
# pipes, in a fresh directory, and prints "ok - transcript/<name>" or
# "FAIL - transcript/<name>: <reason>" (details on following "# " lines).
#
# Usage: tests/transcript.py [-v] [-k] [-j N] [--bin PROG] [--qq QMAILQUEUE] [--tmp DIR] [FILE.t|DIR]...
#   default files: tests/transcripts/**/*.t (a DIR argument: its **/*.t); default PROG: tests/qcsmtpd-check (or $QCSMTPD_BIN);
#   default QMAILQUEUE: $QCSMTPD_QQ or tests/qmail-queue; default DIR: $TEST_TMPDIR or a new mktemp dir.
#   -v prints the whole conversation of every test; -k keeps the test directories;
#   -j N runs N sessions at a time (default $QCSMTPD_TEST_JOBS, else 1).
#   QCSMTPD_WRAP="valgrind -q --error-exitcode=99" runs each server under that
#   command (status 99 then fails the test); ASAN_/UBSAN_/LSAN_OPTIONS are passed on.
# Exit status: 0 if every test passed, 1 otherwise.

import fcntl
import glob
import os
import re
import select
import shlex
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time

TESTS = os.path.dirname(os.path.abspath(__file__))
TOP = os.path.dirname(TESTS)

DATE_RE = (r"(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{1,2} "
           r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d\d:\d\d:\d\d [+-]\d{4}")


# QCSMTPD_WRAP: a command prefixed to the server's (make check-valgrind: "valgrind
# --error-exitcode=99 ..."); the server never exits 99, so that status fails the
# test even when the file expects no particular status.
WRAP_ERROR_STATUS = 99
SANITIZER_ENV = ("ASAN_OPTIONS", "UBSAN_OPTIONS", "LSAN_OPTIONS")


class Fail(Exception):
    def __init__(self, msg, details=None):
        Exception.__init__(self, msg)
        self.details = details or []


class Skip(Exception):
    pass


def unescape(s):
    """\\r \\n \\t \\0 \\\\ \\xHH -> bytes; anything else literal (latin-1)."""
    out = bytearray()
    i = 0
    while i < len(s):
        c = s[i]
        if c == "\\" and i + 1 < len(s):
            n = s[i + 1]
            if n in "rnt0\\":
                out += {"r": b"\r", "n": b"\n", "t": b"\t", "0": b"\0", "\\": b"\\"}[n]
                i += 2
                continue
            if n == "x" and re.match(r"[0-9A-Fa-f]{2}", s[i + 2:i + 4]):
                out.append(int(s[i + 2:i + 4], 16))
                i += 4
                continue
        out += c.encode("latin-1")
        i += 1
    return bytes(out)


def show(b, limit=200):
    r = repr(bytes(b[:limit]))[2:-1]
    return r + ("..." if len(b) > limit else "")


def pattern_to_regex(text):
    """Expected queued-message text with {{...}} placeholders -> compiled regex."""
    parts = []
    pos = 0
    for m in re.finditer(r"\{\{(.*?)\}\}", text):
        parts.append(re.escape(text[pos:m.start()]))
        key = m.group(1)
        if key == "DATE":
            parts.append(DATE_RE)
        elif key == "ANY":
            parts.append(r"[^\n]*")
        elif key.startswith("re:"):
            parts.append("(?:" + key[3:] + ")")
        elif re.fullmatch(r"x[0-9A-Fa-f]{2}", key):
            parts.append(re.escape(chr(int(key[1:], 16))))
        else:
            raise Fail("unknown placeholder {{%s}}" % key)
        pos = m.end()
    parts.append(re.escape(text[pos:]))
    return re.compile("".join(parts), re.S)


class Step:
    def __init__(self, lineno, op, arg, body=None):
        self.lineno, self.op, self.arg, self.body = lineno, op, arg, body


SETUP_OPS = ("control", "bigcontrol", "cdb", "file", "env", "unenv", "timeout", "args", "skip", "nowrap")
SEND_OPS = (">", ">~", ">*", ">{", ">}")
RECV_OPS = ("<=", "<~", "<*", "<+", "<eof", "<quiet")
END_OPS = ("sleep", "close", "exit", "queued", "message", "fileis", "nofile", "envelope", "log", "nolog", "qqinfo", "nospool")
ALL_OPS = SETUP_OPS + SEND_OPS + RECV_OPS + END_OPS


def parse(path):
    steps = []
    lines = open(path, encoding="utf-8", errors="surrogateescape").read().split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    i = 0
    while i < len(lines):
        line = lines[i]
        lineno = i + 1
        i += 1
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if line == ">":
            op, arg = ">", ""
        else:
            op, _, arg = line.partition(" ")
        if op not in ALL_OPS:
            raise Fail("%s:%d: unknown directive %r" % (path, lineno, op))
        body = None
        m = re.search(r"(?:^|\s)<<(\S+)$", arg)
        if op in ("control", "cdb", "file", "message", "fileis") and m:
            tag = m.group(1)
            arg = arg[:m.start()].strip()
            body = []
            while i < len(lines) and lines[i] != tag:
                body.append(lines[i])
                i += 1
            if i >= len(lines):
                raise Fail("%s:%d: heredoc <<%s not terminated" % (path, lineno, tag))
            i += 1
        steps.append(Step(lineno, op, arg, body))
    return steps


class Session:
    def __init__(self, opts, path, workdir):
        self.opts = opts
        self.path = path
        self.dir = workdir
        self.control = os.path.join(workdir, "control")
        self.qqdir = os.path.join(workdir, "queue")
        self.spool = os.path.join(workdir, "spool")
        for d in (self.control, self.qqdir, self.spool):
            os.mkdir(d)
        self.timeout = 5.0
        self.env = {
            "PATH": "/usr/bin:/bin",
            "QCSMTPD_CONTROL": self.control,
            "QMAILQUEUE": opts.qq,
            "QQ_DIR": self.qqdir,
            "QMAIL": os.path.join(workdir, "qmail"),
            "TMPDIR": workdir,
        }
        # sanitizer settings reach the server (make check-sanitize); unset, nothing changes
        for k in SANITIZER_ENV:
            if k in os.environ:
                self.env[k] = os.environ[k]
        self.args = []
        self.wrap = opts.wrap
        self.proc = None
        self.buf = b""
        self.eof = False
        self.stdin_open = False
        self.block = None
        self.log = []                # conversation, for -v and failures
        self.check_spool = True
        self.subst = {"TMP": workdir, "TESTS": TESTS, "TOP": TOP, "QQ": opts.qq,
                      "CONTROL": self.control, "QQ_DIR": self.qqdir, "VERSION": opts.version}

    # ---- helpers
    def sub(self, s):
        return re.sub(r"\$\{(\w+)\}", lambda m: self.subst.get(m.group(1), m.group(0)), s)

    def note(self, s):
        self.log.append(s)

    def stderr_text(self):
        try:
            return open(os.path.join(self.dir, "stderr"), "rb").read().decode("latin-1")
        except OSError:
            return ""

    # ---- process
    def start(self):
        if not self.check_spool or os.path.exists(os.path.join(self.control, "spool_dir")):
            self.check_spool = False
        else:
            with open(os.path.join(self.control, "spool_dir"), "w") as f:
                f.write(self.spool + "\n")
        err = open(os.path.join(self.dir, "stderr"), "wb")
        try:
            # its own process group, so that anything it leaves behind can be found
            self.proc = subprocess.Popen(self.wrap + [self.opts.bin] + self.args, stdin=subprocess.PIPE,
                                         stdout=subprocess.PIPE, stderr=err, cwd=self.dir,
                                         env=self.env, close_fds=True, start_new_session=True)
        except OSError as e:
            raise Fail("cannot run %s: %s" % (self.opts.bin, e))
        finally:
            err.close()
        self.stdin_open = True
        for f in (self.proc.stdin, self.proc.stdout):
            fl = fcntl.fcntl(f.fileno(), fcntl.F_GETFL)
            fcntl.fcntl(f.fileno(), fcntl.F_SETFL, fl | os.O_NONBLOCK)

    def pump(self, timeout):
        """Wait up to timeout for output; append to buf. Returns False on timeout."""
        if self.eof:
            return True
        r, _, _ = select.select([self.proc.stdout], [], [], max(timeout, 0))
        if not r:
            return False
        try:
            data = os.read(self.proc.stdout.fileno(), 65536)
        except BlockingIOError:
            return True
        if not data:
            self.eof = True
            self.note("S: <EOF>")
        else:
            self.buf += data
        return True

    def send(self, data):
        if self.proc is None:
            self.start()
        if not self.stdin_open:
            raise Fail("cannot send after close/exit")
        for l in data.split(b"\n"):
            if l:
                self.note("C: " + show(l + b"\n", 120))
        fd = self.proc.stdin.fileno()
        off = 0
        last = time.time()
        while off < len(data):
            r, w, _ = select.select([] if self.eof else [self.proc.stdout], [self.proc.stdin], [], 0.2)
            if r:
                self.pump(0)
            if w:
                try:
                    n = os.write(fd, data[off:off + 65536])
                    off += n
                    last = time.time()
                except BlockingIOError:
                    pass
                except BrokenPipeError:
                    self.note("C: (broken pipe: server stopped reading, %d bytes unsent)" % (len(data) - off))
                    self.close_stdin()
                    return
            if time.time() - last > self.timeout:
                raise Fail("server did not read input for %gs (%d of %d bytes sent)"
                           % (self.timeout, off, len(data)))

    def close_stdin(self):
        if self.proc is not None and self.stdin_open:
            try:
                self.proc.stdin.close()
            except OSError:
                pass
            self.stdin_open = False
            self.note("C: <close>")

    def readline(self, what):
        deadline = time.time() + self.timeout
        while True:
            i = self.buf.find(b"\n")
            if i >= 0:
                line = self.buf[:i + 1]
                self.buf = self.buf[i + 1:]
                self.note("S: " + show(line, 300))
                if not line.endswith(b"\r\n"):
                    raise Fail("reply line not terminated by CRLF: %s" % show(line))
                return line[:-2].decode("latin-1")
            if self.eof:
                raise Fail("connection closed by server while expecting %s%s"
                           % (what, (" (partial line %s)" % show(self.buf)) if self.buf else ""))
            left = deadline - time.time()
            if left <= 0 or not self.pump(left):
                raise Fail("timeout (%gs) waiting for %s%s" % (self.timeout, what,
                           (" (partial line %s)" % show(self.buf)) if self.buf else ""))

    def wait_exit(self):
        if self.proc is None:
            self.start()
        self.close_stdin()
        deadline = time.time() + self.timeout
        while self.proc.poll() is None and time.time() < deadline:
            self.pump(0.05)
        if self.proc.poll() is None:
            self.kill()
            raise Fail("server did not exit within %gs after the client closed" % self.timeout)
        # drain what is left
        while not self.eof and self.pump(0.5):
            pass
        return self.proc.returncode

    def kill(self):
        """Kill the server and whatever is left in its process group."""
        if self.proc is None:
            return
        try:
            os.killpg(self.proc.pid, signal.SIGKILL)
        except OSError:
            pass
        if self.proc.poll() is None:
            self.proc.wait()

    def leftover_processes(self):
        """True if some process (a queue child...) outlived the server in its group."""
        try:
            os.killpg(self.proc.pid, 0)
            return True
        except OSError:
            return False

    # ---- queue
    def queued(self):
        return sorted(glob.glob(os.path.join(self.qqdir, "*.msg")))

    def queued_item(self, step, ext):
        idx = 0
        arg = step.arg.strip()
        if ext == "msg" and arg:
            idx = int(arg)
        q = self.queued()
        if idx >= len(q):
            raise Fail("line %d: no queued message #%d (%d queued)" % (step.lineno, idx, len(q)))
        p = q[idx][:-4] + "." + ext
        try:
            return open(p, "rb").read()
        except OSError as e:
            raise Fail("line %d: %s: %s" % (step.lineno, p, e))

    # ---- steps
    def run(self, steps):
        for st in steps:
            if st.op == "skip":
                raise Skip(st.arg)
        for st in steps:
            try:
                self.step(st)
            except Fail as e:
                if not str(e).startswith("line "):
                    e.args = ("line %d: %s" % (st.lineno, e.args[0]),)
                raise
        if self.proc is None:
            self.start()
        if self.block is not None:
            raise Fail("unterminated >{ block")
        if self.proc.poll() is None or self.stdin_open:
            self.wait_exit()
        if self.wrap and self.proc.returncode == WRAP_ERROR_STATUS:
            raise Fail("the wrapper (%s) reported errors: exit status %d"
                       % (self.wrap[0], WRAP_ERROR_STATUS),
                       ["stderr: " + l for l in self.stderr_text().splitlines()[-10:]])
        if self.buf:
            raise Fail("unexpected output from the server after the last expectation: %s" % show(self.buf))
        if self.leftover_processes():
            time.sleep(0.2)
            if self.leftover_processes():
                raise Fail("a process of the server's process group is still running after it exited")
        if self.check_spool:
            left = os.listdir(self.spool)
            if left:
                raise Fail("files left in spool_dir: %r" % left)

    def step(self, st):
        op, arg = st.op, st.arg
        if op in SETUP_OPS and op != "skip":
            if self.proc is not None:
                raise Fail("%s after the session started" % op)
        if op == "control":
            name = arg.split(" ", 1)[0]
            if not name:
                raise Fail("control needs a name")
            if st.body is not None:
                content = "".join(l + "\n" for l in st.body)
            else:
                rest = arg[len(name) + 1:] if len(arg) > len(name) else ""
                content = rest + "\n" if rest else ""
            p = os.path.join(self.control, name)
            os.makedirs(os.path.dirname(p), exist_ok=True)
            with open(p, "wb") as f:
                f.write(self.sub(content).encode("latin-1", "surrogateescape"))
        elif op == "bigcontrol":
            # bigcontrol NAME BYTES LINE: LINE ({n} = 1, 2, ...) repeated to at least BYTES octets
            words = arg.split(" ", 2)
            if len(words) != 3 or not words[1].isdigit() or not words[2]:
                raise Fail("bigcontrol needs NAME BYTES LINE")
            p = os.path.join(self.control, words[0])
            os.makedirs(os.path.dirname(p), exist_ok=True)
            size, line, n, out = int(words[1]), self.sub(words[2]), 0, []
            total = 0
            while total < size:
                n += 1
                l = line.replace("{n}", str(n)) + "\n"
                out.append(l)
                total += len(l)
            with open(p, "wb") as f:
                f.write("".join(out).encode("latin-1", "surrogateescape"))
        elif op == "file":
            words = arg.split()
            if len(words) not in (1, 2) or (len(words) == 2 and not re.fullmatch(r"0?[0-7]{3}", words[1])):
                raise Fail("file needs RELPATH [MODE] (MODE octal, e.g. 755)")
            p = os.path.join(self.dir, words[0])
            os.makedirs(os.path.dirname(p), exist_ok=True)
            with open(p, "wb") as f:
                f.write(self.sub("".join(l + "\n" for l in (st.body or []))).encode("latin-1", "surrogateescape"))
            if len(words) == 2:
                os.chmod(p, int(words[1], 8))
        elif op == "cdb":
            p = os.path.join(self.control, arg)
            src = p + ".in"
            with open(src, "w") as f:
                f.write(self.sub("".join(l + "\n" for l in (st.body or []))))
            r = subprocess.run(["cdb", "-c", "-m", p, src], capture_output=True)
            if r.returncode:
                raise Fail("cdb -c -m %s failed: %s" % (arg, r.stderr.decode(errors="replace")))
            os.unlink(src)
        elif op == "env":
            k, eq, v = arg.partition("=")
            if not eq:
                raise Fail("env needs NAME=VALUE")
            self.env[k] = self.sub(v)
        elif op == "unenv":
            self.env.pop(arg, None)
        elif op == "timeout":
            self.timeout = float(arg)
        elif op == "args":
            self.args = [self.sub(w) for w in arg.split()]
        elif op == "nowrap":
            self.wrap = []
        elif op == "nospool":
            self.check_spool = False
        elif op in SEND_OPS:
            self.do_send(op, arg)
        elif op in RECV_OPS:
            self.do_recv(op, arg)
        elif op == "sleep":
            if self.proc is None:
                self.start()
            end = time.time() + float(arg)
            while time.time() < end:
                self.pump(end - time.time())
                if self.eof:
                    time.sleep(max(0, end - time.time()))
                    break
        elif op == "close":
            if self.proc is None:
                self.start()
            self.close_stdin()
        elif op == "exit":
            rc = self.wait_exit()
            want = int(arg)
            if rc != want:
                raise Fail("server exit status %s, expected %d" % (
                    ("signal %d" % -rc) if rc < 0 else rc, want),
                    ["stderr: " + l for l in self.stderr_text().splitlines()[-10:]])
        elif op == "queued":
            n = len(self.queued())
            if n != int(arg):
                raise Fail("%d message(s) queued, expected %s" % (n, arg))
        elif op == "message":
            got = self.queued_item(st, "msg").decode("latin-1")
            want = self.sub("".join(l + "\n" for l in (st.body or [])))
            rx = pattern_to_regex(want)
            if not rx.fullmatch(got):
                raise Fail("queued message differs", diff_lines(want, got))
        elif op == "fileis":
            # fileis RELPATH <<TAG: DIR/RELPATH (a file a plugin wrote) equals the
            # lines, each ending in LF, with the placeholders of `message`
            if self.proc is None or self.proc.poll() is None:
                self.wait_exit()
            p = os.path.join(self.dir, self.sub(arg))
            try:
                got = open(p, "rb").read().decode("latin-1")
            except OSError as e:
                raise Fail("fileis %s: %s" % (arg, e))
            want = self.sub("".join(l + "\n" for l in (st.body or [])))
            if not pattern_to_regex(want).fullmatch(got):
                raise Fail("%s differs" % arg, diff_lines(want, got))
        elif op == "nofile":
            if self.proc is None or self.proc.poll() is None:
                self.wait_exit()
            if os.path.lexists(os.path.join(self.dir, self.sub(arg))):
                raise Fail("%s exists" % arg)
        elif op == "envelope":
            parts = arg.split(" ", 1)
            idx = 0
            if len(parts) == 2 and parts[0].isdigit():
                idx, arg = int(parts[0]), parts[1]
            q = self.queued()
            if idx >= len(q):
                raise Fail("no queued message #%d (%d queued)" % (idx, len(q)))
            got = open(q[idx][:-4] + ".env", "rb").read()
            want = unescape(self.sub(arg))
            if got != want:
                raise Fail("envelope %s, expected %s" % (show(got), show(want)))
        elif op in ("log", "nolog"):
            if self.proc is None or self.proc.poll() is None:
                self.wait_exit()
            text = self.stderr_text()
            found = re.search(arg, text, re.M)
            if op == "log" and not found:
                raise Fail("stderr has no match for /%s/" % arg,
                           ["stderr: " + l for l in text.splitlines()[-10:]])
            if op == "nolog" and found:
                raise Fail("stderr matches /%s/: %r" % (arg, found.group(0)))
        elif op == "qqinfo":
            text = "".join(open(p, encoding="latin-1").read()
                           for p in sorted(glob.glob(os.path.join(self.qqdir, "*.info"))))
            if not re.search(arg, text, re.M):
                raise Fail("qmail-queue .info has no match for /%s/" % arg,
                           ["info: " + l for l in text.splitlines()[-10:]])

    def do_send(self, op, arg):
        if op == ">{":
            if self.block is not None:
                raise Fail("nested >{")
            self.block = b""
            return
        if op == ">}":
            if self.block is None:
                raise Fail(">} without >{")
            data, self.block = self.block, None
            self.send(data)
            return
        if op == ">":
            data = arg.encode("latin-1", "surrogateescape") + b"\r\n"
        elif op == ">~":
            data = unescape(arg)
        else:   # >* N TEXT
            n, _, text = arg.partition(" ")
            data = b"".join(text.replace("{n}", str(k)).encode("latin-1", "surrogateescape") + b"\r\n"
                            for k in range(1, int(n) + 1))
        if self.block is not None:
            self.block += data
        else:
            self.send(data)

    def do_recv(self, op, arg):
        if self.proc is None:
            self.start()
        if self.block is not None:
            raise Fail("expectation inside a >{ block")
        if op == "<eof":
            deadline = time.time() + self.timeout
            while not self.eof:
                if self.buf:
                    break
                left = deadline - time.time()
                if left <= 0 or not self.pump(left):
                    raise Fail("server did not close the connection within %gs" % self.timeout)
            if self.buf:
                raise Fail("expected the connection to close, got %s" % show(self.buf))
            return
        if op == "<quiet":
            end = time.time() + float(arg or "0.5")
            while time.time() < end and not self.eof:
                self.pump(end - time.time())
                if self.buf:
                    break
            if self.buf:
                raise Fail("expected no reply yet, got %s" % show(self.buf))
            return
        want = self.sub(arg)
        if op == "<+":
            fields = want.split()
            code = fields[0]
            count = int(fields[1]) if len(fields) > 1 else 1
            for _ in range(count):
                while True:
                    line = self.readline("a %s reply" % code)
                    if line.startswith(code + "-"):
                        continue
                    if line.startswith(code + " ") or line == code:
                        break
                    raise Fail("expected a %s reply, got %r" % (code, line))
            return
        line = self.readline(repr(want))
        if op == "<=" and line != want:
            raise Fail("got %r, expected %r" % (line, want))
        if op == "<~" and not line.startswith(want):
            raise Fail("got %r, expected prefix %r" % (line, want))
        if op == "<*":
            try:
                ok = re.fullmatch(want, line)
            except re.error as e:
                raise Fail("bad regex %r: %s" % (want, e))
            if not ok:
                raise Fail("got %r, expected /%s/" % (line, want))


def diff_lines(want, got):
    wl, gl = want.split("\n"), got.split("\n")
    for i in range(max(len(wl), len(gl))):
        w = wl[i] if i < len(wl) else "<none>"
        g = gl[i] if i < len(gl) else "<none>"
        if "{{" in w:
            if re.fullmatch(pattern_to_regex(w).pattern, g, re.S):
                continue
        elif w == g:
            continue
        return ["first difference at line %d:" % (i + 1), "  expected: %r" % w, "  got:      %r" % g]
    return ["(difference in line structure)"]


def test_name(path):
    """transcript/<path below tests/transcripts without .t>, or the file name."""
    full = os.path.abspath(path)
    root = os.path.join(TESTS, "transcripts") + os.sep
    rel = full[len(root):] if full.startswith(root) else os.path.basename(full)
    return "transcript/" + (rel[:-2] if rel.endswith(".t") else rel)


print_lock = threading.Lock()


def run_one(opts, path):
    name = test_name(path)
    out = []
    say = out.append
    work = tempfile.mkdtemp(prefix=os.path.basename(path)[:-2] + ".", dir=opts.tmp)
    s = None
    try:
        steps = parse(path)
        s = Session(opts, path, work)
        s.run(steps)
        say("ok - %s" % name)
        ok = True
    except Skip as e:
        say("ok - %s # SKIP %s" % (name, e))
        ok = True
    except Fail as e:
        say("FAIL - %s: %s" % (name, e))
        for d in e.details:
            say("# " + d)
        ok = False
    except Exception as e:   # a bug in the test or runner must not stop the suite
        say("FAIL - %s: runner error: %s: %s" % (name, type(e).__name__, e))
        ok = False
    finally:
        if s is not None:
            s.kill()
            if s.proc is not None:
                for f in (s.proc.stdin, s.proc.stdout):
                    try:
                        f.close()
                    except Exception:
                        pass
    if s is not None and (opts.verbose or not ok):
        tail = s.log if opts.verbose else s.log[-12:]
        for l in tail:
            say("#   " + l)
        if not ok:
            for l in s.stderr_text().splitlines()[-5:]:
                say("#   log: " + l)
    if not opts.keep:
        shutil.rmtree(work, ignore_errors=True)
    else:
        say("# kept %s" % work)
    with print_lock:    # one test's lines together, even with -j
        for l in out:
            print(l)
        sys.stdout.flush()
    return ok


def run_parallel(opts, files):
    """-j N: N sessions at a time (each has its own directory and process group);
    results are printed as tests end."""
    todo = list(enumerate(files))
    results = [None] * len(files)
    lock = threading.Lock()

    def worker():
        while True:
            with lock:
                if not todo:
                    return
                i, f = todo.pop(0)
            results[i] = run_one(opts, f)

    threads = [threading.Thread(target=worker, daemon=True) for _ in range(opts.jobs)]
    for t in threads:
        t.start()
    for t in threads:
        while t.is_alive():
            t.join(0.5)     # in slices, so SIGTERM still stops the main thread
    return results


class Opts:
    pass


def version():
    v = os.environ.get("QCSMTPD_VERSION")
    if v:
        return v
    try:
        m = re.search(r'#define\s+QCSMTPD_VERSION\s+"([^"]*)"', open(os.path.join(TOP, "src", "config.h")).read())
        if m:
            return m.group(1)
    except OSError:
        pass
    return "0.1.0"


def main(argv):
    opts = Opts()
    opts.verbose = False
    opts.keep = False
    opts.bin = os.environ.get("QCSMTPD_BIN") or os.path.join(TESTS, "qcsmtpd-check")
    opts.qq = os.environ.get("QCSMTPD_QQ") or os.path.join(TESTS, "qmail-queue")
    opts.tmp = os.environ.get("TEST_TMPDIR")
    opts.wrap = shlex.split(os.environ.get("QCSMTPD_WRAP", ""))
    opts.jobs = int(os.environ.get("QCSMTPD_TEST_JOBS") or 1)
    files = []
    i = 0
    while i < len(argv):
        a = argv[i]
        if a == "-v":
            opts.verbose = True
        elif a == "-k":
            opts.keep = True
        elif a == "-j" and i + 1 < len(argv):
            opts.jobs = int(argv[i + 1])
            i += 1
        elif a in ("--bin", "--qq", "--tmp") and i + 1 < len(argv):
            setattr(opts, a[2:], argv[i + 1])
            i += 1
        elif os.path.isdir(a):
            files += sorted(glob.glob(os.path.join(a, "**", "*.t"), recursive=True))
        else:
            files.append(a)
        i += 1
    if not files:
        files = sorted(glob.glob(os.path.join(TESTS, "transcripts", "**", "*.t"), recursive=True))
    opts.bin = os.path.abspath(opts.bin)
    opts.qq = os.path.abspath(opts.qq)
    opts.version = version()
    own_tmp = None
    if not opts.tmp:
        own_tmp = opts.tmp = tempfile.mkdtemp(prefix="qcsmtpd-transcripts.")
    try:
        if opts.jobs <= 1:
            results = [run_one(opts, f) for f in files]
        else:
            results = run_parallel(opts, files)
    finally:
        if own_tmp and not opts.keep:
            shutil.rmtree(own_tmp, ignore_errors=True)
    return 0 if all(results) else 1


def on_term(signum, frame):
    raise SystemExit(128 + signum)


if __name__ == "__main__":
    signal.signal(signal.SIGTERM, on_term)
    signal.signal(signal.SIGHUP, on_term)
    sys.exit(main(sys.argv[1:]))

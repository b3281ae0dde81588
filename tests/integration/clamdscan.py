#!/usr/bin/python3
# The virus/clamdscan plugin (issue 13) against a real clamd (Debian's
# clamav-daemon) with a signature database written here (the EICAR test file
# as an MD5 and as a body signature; no freshclam, no network), on 127.0.0.1
# at a free port and on a unix socket, stopped by PID: EICAR as an attachment
# refused with 552 and the name, a clean message passes marked, deny_viruses
# no marks instead, max_size and scan_all 0 skip, clamd's own size limit and
# defer_on_error. Then fake clamds (Python sockets) for the faults: refused,
# reset in the middle of the message, hanging past the deadline (and past the
# policy budget), a garbage answer, a reply without its NUL, a FOUND from a
# server that closed early.
import base64
import errno
import os
import re
import shutil
import socket
import struct
import subprocess
import sys
import tempfile
import threading
import time
sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from itlib import BIN, QQ, EICAR, check, eicar_db, finish, free_port, run_test, tmpbase, strerror

# the server's C library words its errors (glibc and musl differ)
ETIMEDOUT = strerror(errno.ETIMEDOUT)

NAME = r"Test\.EICAR\.(ndb|hdb)-1\.UNOFFICIAL"
FOUND = re.compile(r"552 5\.7\.1 Virus found: " + NAME + "$")
DEFER = "451 4.3.0 Unable to scan for viruses"
CLAMD = "/usr/sbin/clamd"


class Clamd:
    """A real clamd on 127.0.0.1:port and dir/clamd.sock with the test database."""

    def __init__(self, stream_max="200K"):
        self.dir = tempfile.mkdtemp(prefix="clamd.", dir=tmpbase())
        db = os.path.join(self.dir, "db")
        os.makedirs(db)
        eicar_db(db)
        self.port = free_port()
        self.sock = os.path.join(self.dir, "clamd.sock")
        conf = os.path.join(self.dir, "clamd.conf")
        with open(conf, "w") as f:
            f.write("DatabaseDirectory %s\nTCPSocket %d\nTCPAddr 127.0.0.1\nLocalSocket %s\nForeground yes\n"
                    "LogFile %s/clamd.log\nPidFile %s/clamd.pid\nStreamMaxLength %s\n"
                    % (db, self.port, self.sock, self.dir, self.dir, stream_max))
        self.proc = subprocess.Popen([CLAMD, "-c", conf], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                     stderr=subprocess.DEVNULL)
        deadline = time.time() + 30
        while time.time() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError("clamd exited with %s: %s" % (self.proc.returncode, self.log()))
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=1) as s:
                    s.sendall(b"zPING\0")
                    if s.recv(16) == b"PONG\0":
                        return
            except OSError:
                pass
            time.sleep(0.05)
        self.stop()
        raise RuntimeError("clamd not ready in 30 s: " + self.log())

    def log(self):
        try:
            with open(os.path.join(self.dir, "clamd.log")) as f:
                return f.read()[-2000:]
        except OSError:
            return ""

    def stop(self):
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(10)


class Fake:
    """A fake clamd on 127.0.0.1: mode 'reset' (RST after the first chunk),
    'hang' (reads, never answers), 'garbage', 'nonul' (a reply then close, no
    NUL), 'earlyfound' (a FOUND before the end, then close), 'found', 'clean'."""

    def __init__(self, mode):
        self.mode = mode
        self.srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.srv.bind(("127.0.0.1", 0))
        self.srv.listen(8)
        self.port = self.srv.getsockname()[1]
        self.stopping = False
        self.conns = []
        self.got = []
        threading.Thread(target=self.loop, daemon=True).start()

    def loop(self):
        while not self.stopping:
            try:
                c, _ = self.srv.accept()
            except OSError:
                return
            self.conns.append(c)
            threading.Thread(target=self.serve, args=(c,), daemon=True).start()

    def read_stream(self, c):
        """the command, then the chunks; the octets, or None if cut"""
        buf = b""
        while b"\0" not in buf:
            d = c.recv(4096)
            if not d:
                return None
            buf += d
        cmd, buf = buf.split(b"\0", 1)
        self.got.append(cmd)
        if cmd != b"zINSTREAM":
            return cmd
        data = b""
        while True:
            while len(buf) < 4:
                d = c.recv(65536)
                if not d:
                    return None
                buf += d
            n = struct.unpack(">I", buf[:4])[0]
            buf = buf[4:]
            if not n:
                return data
            while len(buf) < n:
                d = c.recv(65536)
                if not d:
                    return None
                buf += d
            data += buf[:n]
            buf = buf[n:]

    def serve(self, c):
        try:
            if self.mode == "reset":
                c.recv(100)
                c.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                c.close()
                return
            if self.mode == "earlyfound":
                c.recv(100)
                c.sendall(b"stream: Fake.Early FOUND\0")
                c.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                c.close()
                return
            data = self.read_stream(c)
            if data == b"zVERSION":
                c.sendall(b"ClamAV 9.9.9/1/Thu Jan  1 00:00:00 1970\0")
            elif self.mode == "hang":
                while not self.stopping and c.recv(4096):
                    pass
                time.sleep(60)
            elif self.mode == "garbage":
                c.sendall(b"HELLO? stream: OK maybe\0")
            elif self.mode == "nonul":
                c.sendall(b"stream: OK")
            elif self.mode == "found":
                c.sendall(b"stream: Fake.Virus-1 FOUND\0")
            elif self.mode == "clean":
                c.sendall(b"stream: OK\0")
            c.close()
        except OSError:
            pass

    def stop(self):
        self.stopping = True
        self.srv.close()
        for c in self.conns:
            try:
                c.close()
            except OSError:
                pass


class Site:
    def __init__(self, plugin, files=None):
        self.dir = tempfile.mkdtemp(prefix="clamdscan.", dir=tmpbase())
        self.ctl = os.path.join(self.dir, "control")
        self.queue = os.path.join(self.dir, "queue")
        os.makedirs(self.ctl)
        os.makedirs(self.queue)
        f = {"me": "mx.example.test", "rcpthosts": "example.test", "loglevel": "6",
             "plugins": "%s\nrcpt_ok\nqueue/qmail-queue" % plugin}
        f.update(files or {})
        for k, v in f.items():
            with open(os.path.join(self.ctl, k), "w") as fh:
                fh.write(v + "\n")

    def session(self, body, timeout=60):
        """one message: the DATA reply, the log, the queued messages, seconds taken"""
        lines = ["HELO c.example", "MAIL FROM:<a@sender.example>", "RCPT TO:<u@example.test>", "DATA"]
        lines += [("." + l) if l.startswith(".") else l for l in body.split("\n")] + [".", "QUIT"]
        env = {"PATH": "/usr/bin:/bin", "QCSMTPD_CONTROL": self.ctl, "QMAIL": os.path.join(self.dir, "qmail"),
               "QMAILQUEUE": QQ, "QQ_DIR": self.queue, "TCPREMOTEIP": "192.0.2.7", "TCPLOCALIP": "127.0.0.1"}
        t0 = time.time()
        r = subprocess.run([BIN], input="".join(l + "\r\n" for l in lines).encode(), env=env, cwd=self.dir,
                           capture_output=True, timeout=timeout)
        took = time.time() - t0
        out = [l for l in r.stdout.decode("latin-1").split("\r\n") if re.match(r"\d\d\d ", l)]
        check(len(out) == 7, "replies: %r\nlog: %s" % (out, r.stderr.decode("latin-1")))
        msgs = []
        for n in sorted(os.listdir(self.queue)):
            if n.endswith(".msg"):
                with open(os.path.join(self.queue, n), "rb") as fh:
                    msgs.append(fh.read().decode("latin-1"))
                os.unlink(os.path.join(self.queue, n))
        return out[5], r.stderr.decode("latin-1"), msgs, took


def attachment(payload=EICAR, multipart=True):
    b64 = base64.b64encode(payload).decode()
    if not multipart:
        return "Subject: plain\n\n%s\n" % payload.decode("latin-1")
    return ("Subject: attached\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"b1\"\n\n"
            "--b1\nContent-Type: text/plain\n\nsee the attachment\n"
            "--b1\nContent-Type: application/octet-stream; name=\"e.com\"\nContent-Transfer-Encoding: base64\n\n"
            "%s\n--b1--" % b64)


CLEAN = attachment(b"just a harmless little file\n" * 3)


def virus_refused(site):
    reply, log, msgs, _ = site.session(attachment())
    check(FOUND.match(reply), "EICAR: %r\n%s" % (reply, log))
    check(re.search(r"plugin=virus/clamdscan fail, found virus " + NAME, log), log)
    check(not msgs, "an infected message was queued")


def clean_passes(site, version=r"ClamAV 1\.\d+\.\d+"):
    reply, log, msgs, _ = site.session(CLEAN)
    check(reply.startswith("250 "), "clean: %r\n%s" % (reply, log))
    check("pass, clean" in log, log)
    check(len(msgs) == 1, "queued %d" % len(msgs))
    check(re.match(r"X-Virus-Checked: by %s on mx\.example\.test\nX-Virus-Found: No\nReceived: " % version, msgs[0]),
          msgs[0][:300])


def t_tcp(clamd):
    s = Site("virus/clamdscan clamd_host 127.0.0.1 clamd_port %d" % clamd.port)
    virus_refused(s)
    clean_passes(s)
    # localhost is 127.0.0.1 (qpsmtpd's default host)
    s = Site("virus/clamdscan clamd_port %d" % clamd.port)
    virus_refused(s)


def t_unix(clamd):
    s = Site("virus/clamdscan clamd_socket %s" % clamd.sock)
    virus_refused(s)
    clean_passes(s)


def t_deny_no(clamd):
    s = Site("virus/clamdscan clamd_socket %s deny_viruses no" % clamd.sock)
    reply, log, msgs, _ = s.session(attachment())
    check(reply.startswith("250 "), "deny_viruses no: %r\n%s" % (reply, log))
    check(len(msgs) == 1 and re.match(r"X-Virus-Details: %s\nX-Virus-Found: Yes\nReceived: " % NAME, msgs[0]),
          msgs and msgs[0][:300])
    check(re.search("fail, found virus " + NAME, log), log)
    # the common arguments: reject_type temp defers with the name; reject 0
    # only logs, and the message passes marked as infected
    s = Site("virus/clamdscan clamd_socket %s reject_type temp" % clamd.sock)
    reply, log, msgs, _ = s.session(attachment())
    check(re.match(r"451 4\.7\.1 Virus found: %s$" % NAME, reply) and not msgs, "reject_type temp: %r" % reply)
    s = Site("virus/clamdscan clamd_socket %s reject 0" % clamd.sock)
    reply, log, msgs, _ = s.session(attachment())
    check(reply.startswith("250 ") and len(msgs) == 1, "reject 0: %r" % reply)
    check(re.match(r"X-Virus-Details: %s\nX-Virus-Found: Yes\n" % NAME, msgs[0]), msgs[0][:300])
    check(re.search("fail, tolerated: Virus found: " + NAME, log), log)


def t_max_size(clamd):
    s = Site("virus/clamdscan clamd_socket %s max_size 1" % clamd.sock)
    big = attachment() + "\n" + "x" * 1100
    reply, log, msgs, _ = s.session(big)
    check(reply.startswith("250 "), "over max_size: %r" % reply)
    check(re.search(r"skip, too big \(\d+\)", log), log)
    check(len(msgs) == 1 and "X-Virus" not in msgs[0], "marked though skipped")
    reply, log, msgs, _ = s.session(attachment())
    check(FOUND.match(reply), "under max_size: %r\n%s" % (reply, log))


def t_scan_all(clamd):
    s = Site("virus/clamdscan clamd_socket %s scan_all 0" % clamd.sock)
    reply, log, msgs, _ = s.session(attachment(multipart=False))
    check(reply.startswith("250 "), "scan_all 0, not multipart: %r" % reply)
    check("skip, not multipart" in log, log)
    reply, log, msgs, _ = s.session(attachment())
    check(FOUND.match(reply), "scan_all 0, multipart: %r\n%s" % (reply, log))
    # the default scans everything: the EICAR text in a plain body too
    s = Site("virus/clamdscan clamd_socket %s" % clamd.sock)
    reply, log, msgs, _ = s.session(attachment(multipart=False))
    check(FOUND.match(reply), "scan_all 1, not multipart: %r\n%s" % (reply, log))


def t_stream_limit(clamd):
    # clamd's StreamMaxLength (200K here) under max_size: clamd refuses the
    # stream, "INSTREAM size limit exceeded. ERROR"
    big = CLAMD_BIG
    s = Site("virus/clamdscan clamd_socket %s max_size 2048" % clamd.sock)
    reply, log, msgs, _ = s.session(big)
    check(reply.startswith("250 "), "size limit, passing: %r\n%s" % (reply, log))
    check(re.search(r"error plugin=virus/clamdscan skip, error: .*INSTREAM size limit exceeded", log), log)
    check(len(msgs) == 1 and "X-Virus" not in msgs[0], "marked though unscanned")
    s = Site("virus/clamdscan clamd_socket %s max_size 2048 defer_on_error yes" % clamd.sock)
    reply, log, msgs, _ = s.session(big)
    check(reply == DEFER, "size limit, defer_on_error: %r\n%s" % (reply, log))
    check("INSTREAM size limit exceeded" in log and not msgs, log)


CLAMD_BIG = "Subject: big\n\n" + ("y" * 70 + "\n") * 5000


def fault(mode, expect_log, extra="", files=None, body=None):
    fk = Fake(mode) if mode != "refused" else None
    port = fk.port if fk else free_port()
    try:
        for defer in (False, True):
            s = Site("virus/clamdscan clamd_port %d %s%s" % (port, extra, " defer_on_error 1" if defer else ""),
                     files)
            reply, log, msgs, took = s.session(body or attachment())
            if defer:
                check(reply == DEFER and not msgs, "%s, defer_on_error: %r\n%s" % (mode, reply, log))
                check(re.search(r"error plugin=virus/clamdscan error: " + expect_log, log), log)
            else:
                check(reply.startswith("250 ") and len(msgs) == 1, "%s: %r\n%s" % (mode, reply, log))
                check(re.search(r"error plugin=virus/clamdscan skip, error: " + expect_log, log), log)
                check("X-Virus" not in msgs[0], "%s: marked though unscanned" % mode)
        return took
    finally:
        if fk:
            fk.stop()


def t_refused():
    fault("refused", r"unable to connect to clamd at 127.0.0.1 port \d+: Connection refused")
    # a unix socket that is not there
    s = Site("virus/clamdscan clamd_socket %s/none.sock defer_on_error yes" % tmpbase())
    reply, log, _, _ = s.session(CLEAN)
    check(reply == DEFER, reply)
    check(re.search(r"error: unable to connect to clamd at \S+/none.sock: No such file or directory", log), log)


def t_reset():
    # a message of several chunks, so that the reset meets the sender
    # (whether the reset meets the sending or the reading depends on how much
    # the kernel buffered: either is a failure to scan)
    fault("reset", r"(unable to send the message to clamd|clamd closed the connection during the message"
                   r"|no reply from clamd): .*(reset|closed)", body=CLAMD_BIG)


def t_hang():
    took = fault("hang", r"no reply from clamd: " + ETIMEDOUT, extra="timeout 1 ")
    check(took < 5, "timeout 1 took %.1f s" % took)
    # the policy budget bounds the wait below the timeout
    fk = Fake("hang")
    try:
        s = Site("virus/clamdscan clamd_port %d timeout 30 defer_on_error 1" % fk.port, {"policy_budget": "1"})
        reply, log, msgs, took = s.session(CLEAN)
        check(reply == DEFER and not msgs, reply)
        check(took < 10, "policy_budget 1 took %.1f s" % took)
    finally:
        fk.stop()


def t_garbage():
    fault("garbage", r'unexpected reply from clamd: "HELLO\? stream: OK maybe"')
    fault("nonul", r"no reply from clamd: connection closed or reply too long")


def t_fake_verdicts():
    # a FOUND is honoured even from a clamd that closed before the end;
    # the version for X-Virus-Checked comes from VERSION
    for mode, name in (("found", "Fake.Virus-1"), ("earlyfound", "Fake.Early")):
        fk = Fake(mode)
        try:
            s = Site("virus/clamdscan clamd_port %d" % fk.port)
            reply, log, msgs, _ = s.session(CLAMD_BIG if mode == "earlyfound" else CLEAN)
            check(reply == "552 5.7.1 Virus found: " + name and not msgs, "%s: %r\n%s" % (mode, reply, log))
        finally:
            fk.stop()
    fk = Fake("clean")
    try:
        clean_passes(Site("virus/clamdscan clamd_port %d" % fk.port), version=r"ClamAV 9\.9\.9")
    finally:
        fk.stop()


def main():
    if not os.path.exists(CLAMD):
        run_test("clamdscan: a real clamd", lambda: check(False, "%s is missing: apt-get install clamav-daemon" % CLAMD))
    else:
        clamd = None
        try:
            clamd = Clamd()
        except Exception as e:
            run_test("clamdscan: clamd starts", lambda: check(False, str(e)))
        if clamd:
            try:
                run_test("clamdscan: TCP, EICAR attachment 552 with the name, clean passes marked", lambda: t_tcp(clamd))
                run_test("clamdscan: unix socket, EICAR 552, clean passes", lambda: t_unix(clamd))
                run_test("clamdscan: deny_viruses no adds X-Virus-Found/X-Virus-Details; reject_type temp, reject 0", lambda: t_deny_no(clamd))
                run_test("clamdscan: max_size skips bigger messages, logged", lambda: t_max_size(clamd))
                run_test("clamdscan: scan_all 0 skips single-part messages; the default scans them",
                         lambda: t_scan_all(clamd))
                run_test("clamdscan: clamd's INSTREAM size limit: pass logged, 451 with defer_on_error",
                         lambda: t_stream_limit(clamd))
            finally:
                clamd.stop()
    run_test("clamdscan: clamd refused (TCP, missing unix socket): pass logged, 451 with defer_on_error", t_refused)
    run_test("clamdscan: clamd resets mid-message: pass logged, 451 with defer_on_error", t_reset)
    run_test("clamdscan: clamd hangs: timeout and policy_budget bound the wait", t_hang)
    run_test("clamdscan: garbage and NUL-less replies are protocol errors", t_garbage)
    run_test("clamdscan: FOUND from a fake clamd (also before the end), VERSION in X-Virus-Checked", t_fake_verdicts)
    finish()


main()

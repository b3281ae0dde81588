#!/usr/bin/python3
# ISC license.
# tests/bench/tlsbench.py: the TLS part of make bench (run after bench.py).
# Times N sequential sessions (connect, EHLO, [STARTTLS, handshake, EHLO],
# MAIL, RCPT, DATA of 1 KB, QUIT) against qcsmtpd under tcpserver in
# plaintext and with STARTTLS (tls plugin, RSA 2048 certificate), and against
# Postfix's smtpd in plaintext and with STARTTLS (same certificate), in
# alternating order over several rounds; samples the RSS and PSS of a qcsmtpd
# process holding a session open inside TLS and in plaintext. The same
# Python client drives every server, so its own cost is in every row alike.
# Appends (or prints) a Markdown section.

import argparse
import os
import shutil
import socket
import ssl
import statistics
import subprocess
import sys
import tempfile
import time

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import bench  # noqa: E402

MSG = b"Subject: bench\r\nFrom: <a@bench.example>\r\n\r\n" + (b"x" * 70 + b"\r\n") * 13 + b".\r\n"


class Conn:
    def __init__(self, port):
        self.s = socket.create_connection(("127.0.0.1", port), 30)
        self.buf = b""

    def reply(self):
        while True:
            while b"\r\n" not in self.buf:
                d = self.s.recv(65536)
                if not d:
                    raise RuntimeError("connection closed")
                self.buf += d
            line, self.buf = self.buf.split(b"\r\n", 1)
            if line[3:4] != b"-":
                return int(line[:3])

    def cmd(self, line, want):
        self.s.sendall(line + b"\r\n")
        c = self.reply()
        if c != want:
            raise RuntimeError("%r: %d, expected %d" % (line, c, want))


def session(port, tls, ctx, hold=None):
    c = Conn(port)
    if c.reply() != 220:
        raise RuntimeError("no greeting")
    c.cmd(b"EHLO client.bench", 250)
    if tls:
        c.cmd(b"STARTTLS", 220)
        c.s = ctx.wrap_socket(c.s, server_hostname="localhost")
        c.cmd(b"EHLO client.bench", 250)
    if hold:
        hold(c)
    c.cmd(b"MAIL FROM:<a@bench.example>", 250)
    c.cmd(b"RCPT TO:<u@example.com>", 250)
    c.cmd(b"DATA", 354)
    c.s.sendall(MSG)
    if c.reply() != 250:
        raise RuntimeError("message refused")
    c.cmd(b"QUIT", 221)
    c.s.close()


def certs(d):
    def o(*a):
        subprocess.run(["openssl"] + list(a), cwd=d, check=True, capture_output=True)
    with open(os.path.join(d, "ext.cnf"), "w") as f:
        f.write("subjectAltName=DNS:localhost,IP:127.0.0.1\n")
    o("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "key.pem", "-out", "cert.pem", "-days", "30",
      "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1")
    with open(os.path.join(d, "servercert.pem"), "wb") as f:
        f.write(open(os.path.join(d, "key.pem"), "rb").read() + open(os.path.join(d, "cert.pem"), "rb").read())
    os.chmod(os.path.join(d, "servercert.pem"), 0o644)


def main():
    ap = argparse.ArgumentParser(description="make bench: STARTTLS sessions, qcsmtpd and Postfix")
    ap.add_argument("--sessions", type=int, default=200)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--append", default="", help="append the section to this file (else stdout)")
    ap.add_argument("--no-postfix", action="store_true")
    args = ap.parse_args()
    work = tempfile.mkdtemp(prefix="qcsmtpd-tlsbench.")
    os.chmod(work, 0o755)
    certs(work)
    ctx = ssl.create_default_context(cafile=os.path.join(work, "cert.pem"))
    qq = os.path.join(work, "qq")
    os.makedirs(qq)
    os.chmod(qq, 0o1777)
    ctl = os.path.join(work, "control")
    os.makedirs(ctl)
    for k, v in (("me", "bench.example"), ("rcpthosts", "example.com"), ("spool_dir", work),
                 ("plugins", "tls\nrelay\nbadmailfrom\nrcpt_ok\nqueue/qmail-queue")):
        with open(os.path.join(ctl, k), "w") as f:
            f.write(v + "\n")
    os.link(os.path.join(work, "servercert.pem"), os.path.join(ctl, "servercert.pem"))
    env = {"PATH": "/usr/sbin:/usr/bin:/sbin:/bin", "QCSMTPD_CONTROL": ctl,
           "QMAILQUEUE": os.path.join(bench.ROOT, "tests", "qmail-queue"), "QQ_DIR": qq}
    logf = open(os.path.join(work, "qcsmtpd.log"), "a")
    port = bench.free_port()
    qc = subprocess.Popen(["tcpserver", "-R", "-H", "-l", "0", "127.0.0.1", str(port),
                           os.path.join(bench.ROOT, "qcsmtpd")], env=env, stdin=subprocess.DEVNULL,
                          stdout=subprocess.DEVNULL, stderr=logf)
    servers = [("qcsmtpd", port)]
    pf = None
    try:
        bench.wait_listen(port, qc.pid, "tcpserver")
        if not args.no_postfix and os.path.exists("/usr/sbin/postfix"):
            class W:    # what bench.Server wants of bench.Work
                dir = qq = work
            pf = bench.Postfix("postfix", W(), "null")
            pf.extra_main = ("smtpd_tls_security_level = may\nsmtpd_tls_chain_files = %s/key.pem, %s/cert.pem\n"
                             "smtpd_tls_loglevel = 0\n" % (work, work))
            pf.extra_master = "tlsmgr    unix  - - n 1000? 1 tlsmgr\n"
            pf.start()
            servers.append(("Postfix", pf.port))
        res = {}
        for rnd in range(args.rounds):
            order = [(n, p, t) for n, p in servers for t in (False, True)]
            if rnd % 2:
                order.reverse()
            for n, p, t in order:
                t0 = time.time()
                for _ in range(args.sessions):
                    session(p, t, ctx)
                res.setdefault((n, t), []).append(time.time() - t0)
                bench.log("tls round %d: %s %s %.2f s" % (rnd + 1, n, "STARTTLS" if t else "plain", res[(n, t)][-1]))
        mem = {}
        for t in (False, True):
            def hold(c, t=t):
                cport = c.s.getsockname()[1]
                pid = bench.serving_pid(port, cport, (qc.pid, os.getpid()))
                mem[t] = bench.memory(pid) if pid else None
            session(port, t, ctx, hold)
        size = os.path.getsize(os.path.join(bench.ROOT, "qcsmtpd"))
    finally:
        qc.terminate()
        qc.wait()
        if pf:
            pf.stop()
    lines = ["", "## STARTTLS (tests/bench/tlsbench.py)", "",
             "%s: %d sequential sessions (EHLO, [STARTTLS, EHLO], MAIL, RCPT, 1 KB DATA, QUIT) from one "
             "Python client, %d rounds in alternating order; median seconds (min-max). qcsmtpd: tls plugin with the "
             "qmail-smtpd set, RSA 2048 certificate; Postfix %s: smtpd_tls_security_level = may, same certificate, "
             "discard transport." % (time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()), args.sessions, args.rounds,
                                     bench.postfix_version() if pf else "-"),
             "", "| server | plaintext s | STARTTLS s | STARTTLS / plaintext | ms per STARTTLS session |",
             "|---|---|---|---|---|"]
    for n, _ in servers:
        a, b = res[(n, False)], res[(n, True)]
        ma, mb = statistics.median(a), statistics.median(b)
        lines.append("| %s | %.2f (%.2f-%.2f) | %.2f (%.2f-%.2f) | %.2f | %.1f |" %
                     (n, ma, min(a), max(a), mb, min(b), max(b), mb / ma, 1000 * mb / args.sessions))
    lines += ["", "qcsmtpd process holding a session open (after EHLO): plaintext RSS %s kB, PSS %s kB; "
              "inside TLS RSS %s kB, PSS %s kB. Binary (with the tls plugin and BearSSL): %d bytes." %
              ((mem.get(False) or {}).get("rss"), (mem.get(False) or {}).get("pss"),
               (mem.get(True) or {}).get("rss"), (mem.get(True) or {}).get("pss"), size), ""]
    text = "\n".join(lines)
    if args.append:
        with open(args.append, "a") as f:
            f.write(text)
    else:
        print(text)
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()

#!/usr/bin/python3
# earlytalker under real tcpserver, in clear and with TLS (doc/plugins/earlytalker).
# The plugin asks the core whether the client talked (qp_client_talked), which
# looks at the plaintext: io.c's buffer, BearSSL's decrypted records, or the
# pipe from a UCSPI-TLS helper (tests/ucspi-tlsd). Implicit TLS's handshake is
# done before the connect hooks, so a ClientHello sent at once is no early
# talk, while a command sent inside TLS before the greeting is.
import os
import re
import select
import socket
import ssl
import subprocess
import sys
import time
sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from itlib import Server, Client, check, run_test, finish, make_certs, tmpbase, TESTS

CERTS = None
HELPER = os.path.join(TESTS, "ucspi-tlsd")
TAIL = ["relay", "rcpt_ok", "queue/qmail-queue"]
WAIT = 1.0          # the plugin's wait (seconds) in every server below
EARLY = "Connecting host started transmitting before SMTP greeting"


def cert(name):
    return os.path.join(CERTS, name)


def ctx():
    c = ssl.create_default_context(cafile=cert("ca.crt"))
    c.check_hostname = True
    return c


def native(name, plugins):
    ctl = {"servercert.pem": open(cert("servercert.pem")).read(), "loglevel": "6"}
    return Server(name, control=ctl, plugins=plugins).start()


def ucspi(name, plugins, implicit=False):
    check(os.access(HELPER, os.X_OK), "%s is not built" % HELPER)
    srv = Server(name, plugins=plugins, control={"loglevel": "6"},
                 env={"CERTFILE": cert("leaf.crt"), "KEYFILE": cert("leaf.key"), "UCSPITLS": ""})
    srv.wrapper = [HELPER] + (["-i"] if implicit else [])
    return srv.start()


def log_has(srv, pattern, what):
    srv.wait_sessions()
    check(re.search(pattern, srv.log(), re.M), "%s: no /%s/ in the log: %s" % (what, pattern, srv.log()[-600:]))


def early_in_clear(srv):
    """EHLO before the greeting: 554 with the text, no 220, closed."""
    c = Client(srv.port, timeout=10)
    c.send("EHLO early.example\r\n")
    lines = c.expect(554, "reply to an early talker")
    check(lines == ["554 " + EARLY], "refusal text: %r" % lines)
    check(c.eof(10), "connection left open after the refusal")
    log_has(srv, r"info plugin=earlytalker fail: 127\.0\.0\.1 talked before the greeting$", "early talker")
    check(len(srv.queued()) == 0, "a message was queued")


def polite_in_clear(srv):
    """Waits for the greeting: gets it after the wait, then a normal session."""
    c = Client(srv.port, timeout=10)
    t = time.time()
    c.expect(220, "greeting")
    check(time.time() - t >= WAIT - 0.1, "greeting after %.2f s: before the wait" % (time.time() - t))
    c.cmd("EHLO polite.example", 250)
    c.cmd("MAIL FROM:<a@b.test>", 250)
    c.cmd("QUIT", 221)
    log_has(srv, r"info plugin=earlytalker pass: 127\.0\.0\.1 waited for the greeting$", "polite client")


def t_plain():
    srv = native("et-plain", ["earlytalker wait 1"] + TAIL)
    early_in_clear(srv)
    polite_in_clear(srv)


def t_ucspi_plain():
    # before STARTTLS, the helper relays the plaintext through its pipes
    srv = ucspi("et-ucspi-plain", ["tls", "earlytalker wait 1"] + TAIL)
    early_in_clear(srv)
    polite_in_clear(srv)


def data_after_starttls(srv):
    """check-at DATA inside STARTTLS: DATA pipelined with its message -> 554;
    a client that waits for the 354 is served; one message queued."""
    def tls_session():
        c = Client(srv.port, timeout=20)
        c.expect(220)
        c.cmd("EHLO c.example", 250)
        c.cmd("STARTTLS", 220)
        c.sock = ctx().wrap_socket(c.sock, server_hostname="localhost")
        c.cmd("EHLO c.example", 250)
        c.cmd("MAIL FROM:<a@b.test>", 250)
        c.cmd("RCPT TO:<u@example.test>", 250)
        return c
    c = tls_session()
    c.send("DATA\r\nSubject: rude\r\n\r\nbody\r\n.\r\n")
    l = c.expect(554, "DATA pipelined with its message inside TLS")
    check(l == ["554 5.7.1 Client started transmitting before the 354 (RFC 2920 3.1)"], "text: %r" % l)
    c.send("QUIT\r\n")
    c2 = tls_session()
    c2.cmd("DATA", 354)
    c2.send("Subject: polite\r\n\r\nbody\r\n.\r\n")
    c2.expect(250, "end of data")
    c2.cmd("QUIT", 221)
    log_has(srv, r"plugin=earlytalker fail: 127\.0\.0\.1 sent data before the 354$", "pipelined DATA")
    log_has(srv, r"plugin=earlytalker pass: 127\.0\.0\.1 waited for the 354$", "polite DATA")
    check(len(srv.queued()) == 1, "%d messages queued, expected 1" % len(srv.queued()))
    check(b"Subject: polite" in srv.queued()[0][0], "the queued message is not the polite one")


def t_starttls_data():
    data_after_starttls(native("et-starttls-data", ["tls", "earlytalker check-at DATA wait 1"] + TAIL))


def t_ucspi_starttls_data():
    data_after_starttls(ucspi("et-ucspi-data", ["tls", "earlytalker check-at DATA wait 1"] + TAIL))


def implicit_python(srv):
    """A Python ssl client sends its ClientHello the moment it is connected,
    before any greeting could exist: greeted after the wait, not refused. One
    that sends EHLO inside TLS before the greeting is refused."""
    raw = socket.create_connection(("127.0.0.1", srv.port), timeout=20)
    s = ctx().wrap_socket(raw, server_hostname="localhost")
    t = time.time()
    f = s.makefile("rb")
    line = f.readline()
    check(line.startswith(b"220 "), "greeting inside implicit TLS: %r" % line)
    check(time.time() - t >= WAIT - 0.1, "greeting %.2f s after the handshake: the wait was not after it"
          % (time.time() - t))
    s.sendall(b"QUIT\r\n")
    check(f.readline().startswith(b"221"), "no 221")
    s.close()
    raw = socket.create_connection(("127.0.0.1", srv.port), timeout=20)
    s = ctx().wrap_socket(raw, server_hostname="localhost")
    s.sendall(b"EHLO early.example\r\n")
    line = s.makefile("rb").readline()
    check(line == b"554 " + EARLY.encode() + b"\r\n", "early talk inside implicit TLS: %r" % line)
    s.close()
    log_has(srv, r"plugin=earlytalker pass: 127\.0\.0\.1 waited for the greeting$", "ClientHello at once")
    log_has(srv, r"plugin=earlytalker fail: 127\.0\.0\.1 talked before the greeting$", "EHLO inside TLS")


def implicit_s_client(srv):
    """openssl s_client (implicit TLS, no -starttls): handshake at once, then
    it sends only after the greeting: QUIT gets 221."""
    p = subprocess.Popen(["openssl", "s_client", "-connect", "127.0.0.1:%d" % srv.port,
                          "-CAfile", cert("ca.crt"), "-verify_return_error", "-servername", "localhost",
                          "-verify_hostname", "localhost", "-brief", "-crlf", "-ign_eof"],
                         stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    out = b""
    deadline = time.time() + 20
    try:
        while b"\n220 " not in b"\n" + out and time.time() < deadline:
            if select.select([p.stdout], [], [], 1)[0]:
                d = os.read(p.stdout.fileno(), 4096)
                if not d:
                    break
                out += d
        check(re.search(rb"^220 ", out, re.M), "no greeting from s_client: %r" % out[-400:])
        check(b"Verification: OK" in out, "chain not verified: %r" % out[-400:])
        p.stdin.write(b"QUIT\n")
        p.stdin.flush()
        rest, _ = p.communicate(timeout=20)
        out += rest
    finally:
        if p.poll() is None:
            p.kill()
            p.wait()
    check(re.search(rb"^221 ", out, re.M), "no 221 to QUIT: %r" % out[-400:])
    check(not re.search(rb"^554 ", out, re.M), "s_client refused as an early talker: %r" % out[-400:])


def t_implicit_native():
    srv = native("et-implicit", ["tls implicit 1", "earlytalker wait 1"] + TAIL)
    implicit_python(srv)
    implicit_s_client(srv)
    srv.wait_sessions()
    check(len(re.findall(r"earlytalker fail:", srv.log())) == 1, "more than one early talker: " + srv.log()[-800:])


def t_implicit_ucspi():
    srv = ucspi("et-implicit-ucspi", ["tls", "earlytalker wait 1"] + TAIL, implicit=True)
    implicit_python(srv)
    implicit_s_client(srv)
    srv.wait_sessions()
    check(len(re.findall(r"earlytalker fail:", srv.log())) == 1, "more than one early talker: " + srv.log()[-800:])


def main():
    global CERTS
    CERTS = os.path.join(tmpbase(), "certs")
    try:
        make_certs(CERTS)
    except Exception as e:
        print("FAIL - earlytalker: cannot make test certificates: %s" % e)
        sys.exit(1)
    run_test("earlytalker: in clear, an early talker gets 554 and close, a polite client its greeting after the wait",
             t_plain)
    run_test("earlytalker: the same through ucspi-tlsd before STARTTLS", t_ucspi_plain)
    run_test("earlytalker: check-at DATA inside STARTTLS (BearSSL) sees the pipelined message", t_starttls_data)
    run_test("earlytalker: check-at DATA inside STARTTLS through ucspi-tlsd", t_ucspi_starttls_data)
    run_test("earlytalker: implicit TLS (BearSSL): ClientHello at once is no early talk (ssl, s_client), EHLO inside TLS is",
             t_implicit_native)
    run_test("earlytalker: implicit TLS through ucspi-tlsd -i: the same", t_implicit_ucspi)
    finish()


if __name__ == "__main__":
    main()

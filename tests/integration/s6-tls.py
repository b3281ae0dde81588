#!/usr/bin/python3
# TLS under the real s6-networking (besides tests/ucspi-tlsd, our own helper, in
# tls.py): implicit TLS, port-465 style, under `s6-tcpserver ... s6-tcpserver-access
# -i rules s6-tlsd -- qcsmtpd`, and STARTTLS delegated over UCSPI-TLS under
# `... s6-ucspitlsd -- qcsmtpd`. s6-ucspitlsd does not set UCSPITLS, so the rules
# directory sets it (env/UCSPITLS holding one newline), as run/README says; a rule
# without it gets no STARTTLS, and UCSPITLS=! makes TLS required. The injection case
# (CVE-2011-0411): a command pipelined after STARTTLS in the same write is never
# answered. Certificates are made here with openssl (itlib.make_certs); the key and
# certificate paths go to s6-tlsd-io only (KEYFILE/CERTFILE, which s6-tlsd and
# s6-ucspitlsd remove from qcsmtpd's environment).
import base64
import os
import re
import socket
import ssl
import subprocess
import sys
sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from itlib import check, run_test, finish, strip_received, dot_stuff_crlf, make_certs, tmpbase  # noqa: E402
import s6lib  # noqa: E402
from s6lib import S6Server, Client  # noqa: E402

NAME = "integration/s6-tls"
BIN = None
CERTS = None
AUTH_PLUGINS = ["tls", "relay", "badmailfrom", "auth/auth_flat_file", "rcpt_ok", "queue/qmail-queue"]
ENVLOG = "1,SSL_PROTOCOL,SSL_CIPHER,KEYFILE,CERTFILE,SSLCTLFD,SSLREADFD,SSLWRITEFD,UCSPITLS"


def cert(n):
    return os.path.join(CERTS, n)


def ctx():
    c = ssl.create_default_context(cafile=cert("ca.crt"))
    c.check_hostname = True
    return c


def tls_wrap(c):
    c.sock = ctx().wrap_socket(c.sock, server_hostname="localhost")
    return c


def server(name, wrapper, rules, plugins=AUTH_PLUGINS):
    env = {"CERTFILE": cert("leaf.crt"), "KEYFILE": cert("leaf.key"), "QQ_ENVLOG": ENVLOG}
    srv = S6Server(name, BIN, rules=rules, plugins=plugins, env=env,
                   control={"flat_auth_pw": "good@example.test:s3cret\n"})
    srv.wrapper = [srv.prog(wrapper), "--"]
    return srv.start()


def send_message(c, rcpt, subject):
    c.cmd("MAIL FROM:<a@b.test>", 250)
    c.cmd("RCPT TO:<%s>" % rcpt, 250)
    c.cmd("DATA", 354)
    c.send(dot_stuff_crlf([b"Subject: " + subject.encode(), b"", b"over TLS"]))
    l = c.expect(250, "end of DATA")
    check(l[0].startswith("250 2.0.0 Queued!"), "250 text: %r" % l)


def queued(srv, count):
    srv.wait_sessions()
    q = srv.queued()
    check(len(q) == count, "%d messages queued, expected %d" % (len(q), count))
    return q


def check_env(srv, ucspi):
    info = "".join(srv.infos())
    check(re.search(r"^SSL_PROTOCOL=TLSv1\.[23]$", info, re.M), "qmail-queue got no SSL_PROTOCOL: " + info)
    check(re.search(r"^SSL_CIPHER=[A-Z0-9_-]+$", info, re.M), "qmail-queue got no SSL_CIPHER: " + info)
    # the key's path stays with s6-tlsd-io; UCSPI-TLS descriptors are not inherited
    unset = ["KEYFILE", "CERTFILE", "SSLCTLFD", "SSLREADFD", "SSLWRITEFD"] + ([] if ucspi else ["UCSPITLS"])
    for v in unset:
        check(re.search(r"^%s unset$" % v, info, re.M), "qmail-queue got %s: %s" % (v, info))


RELAY = [("ip4/127.0.0.1_32", "allow", {"RELAYCLIENT": ""}), ("ip4/127.0.0.2_32", "allow", {})]


def t_implicit():
    srv = server("s6-tlsd", "s6-tlsd", RELAY)
    # a relay client: TLS from the first byte, no STARTTLS, AUTH offered (inside TLS)
    c = tls_wrap(Client(srv.port, "127.0.0.1"))
    l = c.expect(220, "greeting inside TLS")
    check(l[0].startswith("220 mx.example.test ESMTP"), "greeting %r" % l)
    l = c.cmd("EHLO client.example", 250)
    check("250-STARTTLS" not in l and "250 STARTTLS" not in l, "STARTTLS offered inside s6-tlsd: %r" % l)
    check(any(re.match(r"250[ -]AUTH PLAIN LOGIN CRAM-MD5$", x) for x in l), "AUTH not offered inside TLS: %r" % l)
    l = c.cmd("STARTTLS", 503)
    check("Already in TLS" in l[0], "STARTTLS inside s6-tlsd: %r" % l)
    send_message(c, "u@elsewhere.test", "implicit")
    c.cmd("QUIT", 221)
    c.close()
    # a stranger authenticates and relays: ESMTPSA, Authentication-Results
    s = tls_wrap(Client(srv.port, "127.0.0.2"))
    s.expect(220)
    s.cmd("EHLO client.example", 250)
    s.cmd("MAIL FROM:<a@b.test>", 250)
    s.cmd("RCPT TO:<x@elsewhere.test>", 550)
    s.cmd("RSET", 250)
    s.cmd("AUTH PLAIN " + base64.b64encode(b"\0good@example.test\0s3cret").decode(), 235)
    send_message(s, "x@elsewhere.test", "auth")
    s.cmd("QUIT", 221)
    s.close()
    q = queued(srv, 2)
    m0, m1 = q[0][0].decode("latin-1"), q[1][0].decode("latin-1")
    check(re.match(r"Received: from client\.example \(unknown \[127\.0\.0\.1\]\)\n\tby mx\.example\.test "
                   r"\(qcsmtpd [^)]+\) with ESMTPS \(TLSv1\.[23] [A-Z0-9_-]+\); ", m0), "Received: " + m0[:300])
    check("Authentication-Results" not in m0, "Authentication-Results without AUTH: " + m0[:400])
    check(strip_received(q[0][0]) == b"Subject: implicit\n\nover TLS\n", "queued bytes %r" % q[0][0])
    check(re.search(r"with ESMTPSA \(TLSv1\.[23] [A-Z0-9_-]+\); ", m1), "Received after AUTH: " + m1[:300])
    check(re.search(r"^Authentication-Results: mx\.example\.test; auth=pass \(plain\) smtp\.auth=good@example\.test$",
                    m1, re.M), "no Authentication-Results: " + m1[:400])
    check(q[1][1] == b"Fa@b.test\0Tx@elsewhere.test\0\0", "envelope %r" % q[1][1])
    check_env(srv, False)


def t_implicit_plaintext_client():
    # a plaintext client on the implicit-TLS port gets no SMTP in clear
    srv = server("s6-tlsd-plain", "s6-tlsd", RELAY)
    c = Client(srv.port, "127.0.0.1", timeout=10)
    c.send("EHLO x\r\n")
    check(c.eof(15), "s6-tlsd kept a plaintext client")
    check(b"220" not in c.buf and b"250" not in c.buf, "plaintext SMTP on the implicit-TLS port: %r" % c.buf[:80])
    st = srv.wait_sessions(count=1)
    check(all(v != 0 for v in st.values()), "a failed handshake ended with status 0: %r" % st)
    check(srv.queued() == [], "queued")


UCSPI = [("ip4/127.0.0.1_32", "allow", {"RELAYCLIENT": "", "UCSPITLS": ""}),
         ("ip4/127.0.0.2_32", "allow", {}),
         ("ip4/127.0.0.3_32", "allow", {"UCSPITLS": "!"})]


def t_starttls():
    srv = server("s6-ucspitlsd", "s6-ucspitlsd", UCSPI)
    c = Client(srv.port, "127.0.0.1")
    c.expect(220)
    l = c.cmd("EHLO client.example", 250)
    check("250-STARTTLS" in l or "250 STARTTLS" in l, "no STARTTLS with UCSPITLS from the rules: %r" % l)
    check(not any(x[4:].startswith("AUTH") for x in l), "AUTH offered before TLS: %r" % l)
    c.cmd("STARTTLS", 220)
    tls_wrap(c)
    l = c.cmd("EHLO client.example", 250)
    check(not any(x[4:] == "STARTTLS" for x in l), "STARTTLS offered inside TLS: %r" % l)
    check(any(re.match(r"250[ -]AUTH PLAIN LOGIN CRAM-MD5$", x) for x in l), "AUTH not offered inside TLS: %r" % l)
    send_message(c, "u@elsewhere.test", "starttls")
    c.cmd("QUIT", 221)
    c.close()
    q = queued(srv, 1)
    m = q[0][0].decode("latin-1")
    check(re.match(r"Received: from client\.example \(unknown \[127\.0\.0\.1\]\)\n\tby mx\.example\.test "
                   r"\(qcsmtpd [^)]+\) with ESMTPS \(TLSv1\.[23] [A-Z0-9_-]+\); ", m), "Received: " + m[:300])
    check(strip_received(q[0][0]) == b"Subject: starttls\n\nover TLS\n", "queued bytes %r" % q[0][0])
    check_env(srv, True)


def t_swaks_starttls():
    srv = server("s6-ucspitlsd-swaks", "s6-ucspitlsd", UCSPI)
    r = subprocess.run(["swaks", "--server", "127.0.0.1", "--port", str(srv.port), "--from", "a@b.test",
                        "--to", "u@example.test", "--helo", "client.example", "--timeout", "30", "--tls"],
                       capture_output=True, timeout=90)
    out = r.stdout.decode("latin-1") + r.stderr.decode("latin-1")
    check(r.returncode == 0 and "TLS started" in out, "swaks --tls exit %d: %s" % (r.returncode, out[-800:]))
    m = queued(srv, 1)[0][0].decode("latin-1")
    check(re.search(r"with ESMTPS \(TLSv1\.[23] [A-Z0-9_-]+\); ", m), "Received: " + m[:300])


def t_injection():
    srv = server("s6-ucspitlsd-injection", "s6-ucspitlsd", UCSPI)
    c = Client(srv.port, "127.0.0.1")
    c.expect(220)
    c.cmd("EHLO client.example", 250)
    c.cmd("MAIL FROM:<a@b.test>", 250)
    # one write: the RSET must never be answered, in plaintext or inside TLS
    c.send("STARTTLS\r\nRSET\r\n")
    c.expect(220, "STARTTLS")
    c.sock.settimeout(1.0)
    try:
        extra = c.sock.recv(4096)
    except socket.timeout:
        extra = b""
    check(extra == b"" and c.buf == b"", "plaintext after the 220: %r" % (c.buf + extra))
    c.sock.settimeout(30)
    tls_wrap(c)
    # the first reply inside TLS is the one to this NOOP, not one to RSET
    c.send("NOOP\r\n")
    code, l = c.reply()
    check(code == 250 and "2.0.0" in l[0], "NOOP inside TLS: %r" % l)
    # the transaction and the EHLO are forgotten
    c.cmd("MAIL FROM:<a@b.test>", 503)
    c.cmd("EHLO client.example", 250)
    c.cmd("STARTTLS", 503)
    c.cmd("QUIT", 221)
    c.close()
    st = srv.wait_sessions(count=1)
    check(list(st.values()) == [0], "session status %r" % st)


def t_no_ucspitls():
    # no UCSPITLS in the client's rule: s6-ucspitlsd alone does not make STARTTLS offered
    srv = server("s6-ucspitlsd-unset", "s6-ucspitlsd", UCSPI)
    c = Client(srv.port, "127.0.0.2")
    c.expect(220)
    l = c.cmd("EHLO client.example", 250)
    check(not any(x[4:] == "STARTTLS" for x in l), "STARTTLS offered without UCSPITLS: %r" % l)
    c.cmd("QUIT", 221)
    c.close()
    # UCSPITLS=! in the rule: TLS required before MAIL
    r = Client(srv.port, "127.0.0.3")
    r.expect(220)
    l = r.cmd("EHLO client.example", 250)
    check(any(x[4:] == "STARTTLS" for x in l), "no STARTTLS with UCSPITLS=!: %r" % l)
    l = r.cmd("MAIL FROM:<a@b.test>", 530)
    check(l == ["530 5.7.0 Must issue a STARTTLS command first"], "MAIL before TLS: %r" % l)
    r.cmd("STARTTLS", 220)
    tls_wrap(r)
    r.cmd("EHLO client.example", 250)
    r.cmd("MAIL FROM:<a@b.test>", 250)
    r.cmd("QUIT", 221)
    r.close()
    srv.wait_sessions(count=2)


def main():
    global BIN, CERTS
    BIN = s6lib.setup(NAME)
    CERTS = os.path.join(tmpbase(), "certs")
    try:
        make_certs(CERTS)
    except Exception as e:
        print("FAIL - %s: cannot make test certificates: %s" % (NAME, e))
        sys.exit(1)
    run_test("s6-tls: implicit TLS under s6-tlsd: no STARTTLS, ESMTPS/ESMTPSA, Authentication-Results, "
             "SSL_* env, no KEYFILE", t_implicit)
    run_test("s6-tls: a plaintext client on the s6-tlsd port gets no SMTP in clear", t_implicit_plaintext_client)
    run_test("s6-tls: STARTTLS under s6-ucspitlsd with UCSPITLS from the rules, message queued", t_starttls)
    run_test("s6-tls: swaks --tls under s6-ucspitlsd", t_swaks_starttls)
    run_test("s6-tls: STARTTLS\\r\\nRSET\\r\\n in one write under s6-ucspitlsd: RSET never answered", t_injection)
    run_test("s6-tls: without UCSPITLS no STARTTLS; UCSPITLS=! requires it (530)", t_no_ucspitls)
    finish()


main()

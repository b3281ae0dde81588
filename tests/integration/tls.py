#!/usr/bin/python3
# TLS end to end under real tcpserver: STARTTLS (RFC 3207) and implicit TLS
# (RFC 8314) with BearSSL in the process, and both through the UCSPI-TLS test
# helper tests/ucspi-tlsd; real clients: swaks, openssl s_client, Python's
# ssl/smtplib verifying the server against a test CA made here with openssl.
# Also the injection case (CVE-2011-0411), the reset after STARTTLS, and the
# failure paths: wrong key, missing or garbage certificate, garbage and
# truncated handshakes, tls_required, tls_before_auth.
import base64
import os
import re
import smtplib
import socket
import ssl
import subprocess
import sys
import time
sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from itlib import (Server, Client, check, run_test, finish, make_certs, tmpbase, note, TESTS,
                   DEFAULT_PLUGINS)

CERTS = None
HELPER = os.path.join(TESTS, "ucspi-tlsd")
TLS_PLUGINS = ["tls"] + DEFAULT_PLUGINS
AUTH_PLUGINS = ["tls", "relay", "badmailfrom", "auth/auth_flat_file", "auth/authdeny", "rcpt_ok",
                "queue/qmail-queue"]


def cert(name):
    return os.path.join(CERTS, name)


def ctx():
    c = ssl.create_default_context(cafile=cert("ca.crt"))
    c.check_hostname = True
    return c


def native(name, control=None, plugins=TLS_PLUGINS, env=None):
    ctl = {"servercert.pem": open(cert("servercert.pem")).read()}
    ctl.update(control or {})
    return Server(name, control=ctl, plugins=plugins, env=env).start()


def swaks(srv, *extra):
    r = subprocess.run(["swaks", "--server", "127.0.0.1", "--port", str(srv.port), "--from", "a@b.test",
                        "--to", "u@example.test", "--helo", "client.example", "--timeout", "30"] + list(extra),
                       capture_output=True, timeout=90)
    return r.returncode, r.stdout.decode("latin-1") + r.stderr.decode("latin-1")


def queued_received(srv, count=1):
    srv.wait_sessions()
    q = srv.queued()
    check(len(q) == count, "%d messages queued, expected %d" % (len(q), count))
    return q[-1][0].decode("latin-1")


def ehlo_lines(c, name="client.example"):
    return c.cmd("EHLO " + name, 250)


def tls_wrap(c, host="localhost"):
    """Handshake on the client's socket (after the 220); returns a Client-like object."""
    s = ctx().wrap_socket(c.sock, server_hostname=host)
    c.sock = s
    return c


def t_swaks_starttls():
    srv = native("tls-swaks")
    rc, out = swaks(srv, "--tls")
    check(rc == 0, "swaks --tls exit %d: %s" % (rc, out[-800:]))
    check(re.search(r"TLS started", out), "no 'TLS started' in swaks output: " + out[-800:])
    check(re.search(r"^<~  250[ -]2\.0\.0 .*qp \d+", out, re.M), "no 250 after DATA inside TLS: " + out[-800:])
    msg = queued_received(srv)
    check(re.search(r"with ESMTPS \(TLSv1\.2 [A-Z0-9-]+\);", msg),
          "Received does not say ESMTPS with protocol and cipher: " + msg[:300])


def s_client(srv, *extra):
    r = subprocess.run(["openssl", "s_client", "-starttls", "smtp", "-connect", "127.0.0.1:%d" % srv.port,
                        "-CAfile", cert("ca.crt"), "-verify_return_error", "-servername", "localhost",
                        "-verify_hostname", "localhost", "-brief", "-crlf", "-ign_eof"] + list(extra),
                       input=b"QUIT\n", capture_output=True, timeout=60)
    return r.returncode, (r.stdout + r.stderr).decode("latin-1")


def t_s_client_rsa():
    srv = native("tls-s_client-rsa")
    rc, out = s_client(srv)
    check(rc == 0, "openssl s_client exit %d: %s" % (rc, out[-800:]))
    check(re.search(r"Protocol version: TLSv1\.2", out), "not TLSv1.2: " + out[-800:])
    check(re.search(r"Ciphersuite: ECDHE-RSA-", out), "not an ECDHE-RSA suite: " + out[-800:])
    check(re.search(r"Verification: OK", out), "chain not verified: " + out[-800:])
    check("221" in out, "no 221 to QUIT inside TLS: " + out[-800:])


def t_s_client_ec():
    srv = native("tls-s_client-ec", plugins=["tls cert %s key %s" % (cert("ec-chain.pem"), cert("ec.key"))]
                 + DEFAULT_PLUGINS)
    rc, out = s_client(srv)
    check(rc == 0, "openssl s_client exit %d: %s" % (rc, out[-800:]))
    check(re.search(r"Ciphersuite: ECDHE-ECDSA-", out), "not an ECDHE-ECDSA suite: " + out[-800:])
    check(re.search(r"Verification: OK", out), "chain not verified: " + out[-800:])


def t_s_client_rsa_traditional_key_env():
    # CERTFILE/KEYFILE from the environment; the key in "RSA PRIVATE KEY" form
    srv = Server("tls-env-files", plugins=TLS_PLUGINS,
                 env={"CERTFILE": cert("leaf.crt"), "KEYFILE": cert("leaf-trad.key")}).start()
    rc, out = s_client(srv)
    check(rc == 0 and re.search(r"Verification: OK", out), "s_client exit %d: %s" % (rc, out[-800:]))


def t_injection_and_reset():
    srv = native("tls-injection")
    c = Client(srv.port)
    c.expect(220, "greeting")
    lines = ehlo_lines(c)
    check(any(l[4:] == "STARTTLS" for l in lines), "EHLO does not offer STARTTLS: %r" % lines)
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
    check(code == 250, "NOOP inside TLS: %r" % l)
    # everything learnt before is forgotten: no HELO, no transaction
    c.cmd("MAIL FROM:<a@b.test>", 503)
    lines = ehlo_lines(c)
    check(not any(l[4:] == "STARTTLS" for l in lines), "STARTTLS offered inside TLS: %r" % lines)
    c.cmd("STARTTLS", 503)
    c.cmd("RCPT TO:<u@example.test>", 503)
    c.cmd("QUIT", 221)
    c.close()
    srv.wait_sessions()
    check("RSET" not in srv.log(), "the server saw the injected RSET: " + srv.log()[-500:])


def t_syntax():
    srv = native("tls-syntax")
    c = Client(srv.port)
    c.expect(220)
    ehlo_lines(c)
    l = c.cmd("STARTTLS now", 501)
    check("5.5.4" in l[0], "no 5.5.4: %r" % l)
    c.cmd("NOOP", 250)
    c.cmd("QUIT", 221)


def t_implicit():
    srv = native("tls-implicit", plugins=["tls implicit 1"] + DEFAULT_PLUGINS)
    rc, out = swaks(srv, "--tlsc")
    check(rc == 0, "swaks --tlsc exit %d: %s" % (rc, out[-800:]))
    check(not re.search(r"^<~  250-STARTTLS", out, re.M), "STARTTLS offered on an implicit-TLS port")
    msg = queued_received(srv)
    check(re.search(r"with ESMTPS \(TLSv1\.2 ", msg), "Received: " + msg[:300])
    # a plaintext client on that port gets no SMTP greeting in clear
    c = Client(srv.port, timeout=10)
    c.send("EHLO x\r\n")
    check(c.eof(15), "server kept a plaintext client on an implicit-TLS port")
    check(not c.buf.startswith(b"220"), "plaintext greeting on an implicit-TLS port: %r" % c.buf[:80])


def t_port_465():
    # TCPLOCALPORT=465 alone makes TLS implicit (tcpserver sets the real port:
    # env(1) puts 465 in its place)
    ctl = {"servercert.pem": open(cert("servercert.pem")).read()}
    srv = Server("tls-port-465", control=ctl, plugins=TLS_PLUGINS)
    srv.wrapper = ["/usr/bin/env", "TCPLOCALPORT=465"]
    srv.start()
    rc, out = swaks(srv, "--tlsc")
    check(rc == 0, "swaks --tlsc on 'port 465' exit %d: %s" % (rc, out[-800:]))
    msg = queued_received(srv)
    check(re.search(r"with ESMTPS \(TLSv1\.2 ", msg), "Received: " + msg[:300])


def ucspi(name, implicit=False, plugins=TLS_PLUGINS, control=None, env=None):
    e = {"CERTFILE": cert("leaf.crt"), "KEYFILE": cert("leaf.key"), "UCSPITLS": ""}
    e.update(env or {})
    srv = Server(name, plugins=plugins, control=control, env=e)
    srv.wrapper = [HELPER] + (["-i"] if implicit else [])
    return srv.start()


def t_ucspi_starttls():
    check(os.access(HELPER, os.X_OK), "%s is not built" % HELPER)
    srv = ucspi("tls-ucspi-starttls")
    rc, out = swaks(srv, "--tls")
    check(rc == 0, "swaks --tls through ucspi-tlsd exit %d: %s" % (rc, out[-800:]))
    msg = queued_received(srv)
    check(re.search(r"with ESMTPS \(TLSv1\.2 [A-Z0-9-]+\)", msg), "Received: " + msg[:300])
    # injection through the helper: nothing pipelined after STARTTLS is run
    srv2 = ucspi("tls-ucspi-injection")
    c = Client(srv2.port)
    c.expect(220)
    ehlo_lines(c)
    c.send("STARTTLS\r\nRSET\r\n")
    c.expect(220, "STARTTLS")
    tls_wrap(c)
    c.cmd("NOOP", 250)
    c.cmd("MAIL FROM:<a@b.test>", 503)
    c.cmd("QUIT", 221)


QUEUE_ENV = "1,SSL_PROTOCOL,SSL_CIPHER,SSLCTLFD,SSLREADFD,SSLWRITEFD"


def queue_env_after_starttls(srv):
    rc, out = swaks(srv, "--tls")
    check(rc == 0, "swaks --tls exit %d: %s" % (rc, out[-800:]))
    queued_received(srv)
    info = "".join(srv.infos())
    check(re.search(r"^SSL_PROTOCOL=TLSv1\.2$", info, re.M), "qmail-queue got no SSL_PROTOCOL: " + info)
    check(re.search(r"^SSL_CIPHER=[A-Z0-9-]+$", info, re.M), "qmail-queue got no SSL_CIPHER: " + info)
    for v in ("SSLCTLFD", "SSLREADFD", "SSLWRITEFD"):
        check(re.search(r"^%s unset$" % v, info, re.M), "qmail-queue got a stale %s: %s" % (v, info))


def t_ucspi_queue_env():
    check(os.access(HELPER, os.X_OK), "%s is not built" % HELPER)
    queue_env_after_starttls(ucspi("tls-ucspi-queue-env", env={"QQ_ENVLOG": QUEUE_ENV}))


def t_native_queue_env():
    queue_env_after_starttls(native("tls-native-queue-env", env={"QQ_ENVLOG": QUEUE_ENV}))


def s_client_try(srv, *extra):
    """a handshake after STARTTLS with extra s_client options: (ok, output)"""
    r = subprocess.run(["openssl", "s_client", "-starttls", "smtp", "-connect", "127.0.0.1:%d" % srv.port,
                        "-CAfile", cert("ca.crt"), "-brief", "-crlf", "-ign_eof"] + list(extra),
                       input=b"QUIT\n", capture_output=True, timeout=60)
    out = (r.stdout + r.stderr).decode("latin-1")
    return r.returncode == 0 and "Protocol version" in out, out


def t_policy_default():
    # RFC 8996, RFC 7525: TLS 1.2 only, ECDHE with AEAD only (testssl.sh's
    # SWEET32 and BEAST findings came from 3DES and CBC on TLS 1.0)
    srv = native("tls-policy-default")
    ok, out = s_client_try(srv, "-tls1_2")
    check(ok and re.search(r"Ciphersuite: ECDHE-RSA-(AES256-GCM-SHA384|CHACHA20-POLY1305|AES128-GCM-SHA256)", out),
          "TLS 1.2 AEAD refused: " + out[-600:])
    for opts, what in ((["-tls1_1", "-cipher", "DEFAULT@SECLEVEL=0"], "TLS 1.1"),
                       (["-tls1", "-cipher", "DEFAULT@SECLEVEL=0"], "TLS 1.0"),
                       (["-tls1_2", "-cipher", "ECDHE-RSA-AES128-SHA:ECDHE-RSA-AES256-SHA384"], "CBC suites"),
                       (["-tls1_2", "-cipher", "DES-CBC3-SHA:ECDHE-RSA-DES-CBC3-SHA@SECLEVEL=0"], "3DES"),
                       (["-tls1_2", "-cipher", "AES128-GCM-SHA256:AES256-GCM-SHA384"], "RSA key exchange")):
        ok, out = s_client_try(srv, *opts)
        check(not ok, "%s accepted by default: %s" % (what, out[-400:]))


def t_policy_widened():
    srv = native("tls-policy-widened", control={"tls_protocols": "TLSv1 TLSv1.2\n", "tls_ciphers": "ecdhe\n"})
    ok, out = s_client_try(srv, "-tls1", "-cipher", "ECDHE-RSA-AES128-SHA@SECLEVEL=0")
    check(ok and re.search(r"Protocol version: TLSv1\s*$", out, re.M), "TLS 1.0 with tls_protocols TLSv1: " + out[-600:])
    ok, out = s_client_try(srv, "-tls1_2", "-cipher", "DES-CBC3-SHA:ECDHE-RSA-DES-CBC3-SHA@SECLEVEL=0")
    check(not ok, "3DES with tls_ciphers ecdhe: " + out[-400:])
    srv2 = native("tls-policy-all", control={"tls_ciphers": "all\n"})
    ok, out = s_client_try(srv2, "-tls1_2", "-cipher", "AES128-GCM-SHA256")
    check(ok, "RSA key exchange with tls_ciphers all: " + out[-400:])


def t_positional_form():
    # qpsmtpd's "tls CERT KEY [CA [DHPARAM]]" (issue 9)
    srv = Server("tls-positional", plugins=["tls %s %s %s /nonexistent/dhparam.pem" % (cert("leaf.crt"), cert("leaf.key"), cert("ca.crt"))]
                 + DEFAULT_PLUGINS).start()
    rc, out = s_client(srv)
    check(rc == 0 and re.search(r"Verification: OK", out), "s_client exit %d: %s" % (rc, out[-800:]))


def t_policy_bad():
    srv = native("tls-policy-bad", control={"tls_protocols": "SSLv3\n"})
    c = Client(srv.port)
    l = c.expect(421, "greeting with a bad tls_protocols")
    check("4.3.0" in l[0], "not a configuration error: %r" % l)
    srv.wait_sessions()
    check(re.search(r"control/tls_protocols: 'SSLv3' is not one of", srv.log()), "log: " + srv.log()[-400:])


def t_implicit_env_starttls_503():
    # started inside TLS by s6-tlsd or sslserver (SSL_PROTOCOL set): STARTTLS
    # is refused as doc/plugins/tls says, 503, not offered, not unknown
    srv = Server("tls-env-503", plugins=TLS_PLUGINS, env={"SSL_PROTOCOL": "TLSv1.2", "SSL_CIPHER": "ECDHE-RSA-AES128-GCM-SHA256"}).start()
    c = Client(srv.port)
    c.expect(220)
    lines = ehlo_lines(c)
    check(not any(l[4:] == "STARTTLS" for l in lines), "STARTTLS offered inside TLS: %r" % lines)
    l = c.cmd("STARTTLS", 503)
    check("Already in TLS" in l[0], "text: %r" % l)
    c.cmd("QUIT", 221)


def t_ucspi_implicit():
    check(os.access(HELPER, os.X_OK), "%s is not built" % HELPER)
    srv = ucspi("tls-ucspi-implicit", implicit=True)
    rc, out = swaks(srv, "--tlsc")
    check(rc == 0, "swaks --tlsc through ucspi-tlsd -i exit %d: %s" % (rc, out[-800:]))
    check(not re.search(r"^<~  250-STARTTLS", out, re.M), "STARTTLS offered inside TLS")
    msg = queued_received(srv)
    check(re.search(r"with ESMTPS \(TLSv1\.2 [A-Z0-9-]+\)", msg), "Received: " + msg[:300])


def handshake_fails(c):
    try:
        tls_wrap(c)
    except (ssl.SSLError, OSError):
        return True
    return False


def t_wrong_key():
    srv = native("tls-wrong-key", plugins=["tls cert %s key %s" % (cert("leaf.crt"), cert("other.key"))]
                 + DEFAULT_PLUGINS, control={"loglevel": "5"})
    c = Client(srv.port)
    c.expect(220)
    ehlo_lines(c)
    c.cmd("STARTTLS", 220)
    check(handshake_fails(c), "handshake with a key that does not match the certificate succeeded")
    srv.wait_sessions()
    check(re.search(r"handshake", srv.log(), re.I), "no log line about the failed handshake: " + srv.log()[-600:])


def t_missing_cert():
    srv = Server("tls-missing-cert", plugins=TLS_PLUGINS).start()
    c = Client(srv.port)
    c.expect(220)
    lines = ehlo_lines(c)
    check(not any(l[4:] == "STARTTLS" for l in lines), "STARTTLS offered without a certificate: %r" % lines)
    # not offered, yet a known command: 454 (RFC 3207 4), the session goes on
    c.cmd("STARTTLS", 454)
    c.cmd("QUIT", 221)


def t_garbage_cert():
    srv = Server("tls-garbage-cert", plugins=TLS_PLUGINS,
                 control={"servercert.pem": "this is not PEM\n"}).start()
    c = Client(srv.port)
    c.expect(220)
    ehlo_lines(c)
    l = c.cmd("STARTTLS", 454)
    check("4.7.0" in l[0], "no 4.7.0: %r" % l)
    c.cmd("NOOP", 250)
    c.cmd("QUIT", 221)
    srv.wait_sessions()
    check(re.search(r"servercert\.pem", srv.log()), "no log line naming the file: " + srv.log()[-600:])


def t_handshake_garbage():
    srv = native("tls-handshake-garbage")
    c = Client(srv.port)
    c.expect(220)
    ehlo_lines(c)
    c.cmd("STARTTLS", 220)
    c.send("EHLO this is not a ClientHello\r\n" * 4)
    check(c.eof(30), "server did not close after a garbage handshake")
    check(not re.search(rb"^\d\d\d ", c.buf), "plaintext reply after the 220: %r" % c.buf[:80])
    srv.wait_sessions()


def t_client_closes_mid_handshake():
    srv = native("tls-client-closes")
    c = Client(srv.port)
    c.expect(220)
    ehlo_lines(c)
    c.cmd("STARTTLS", 220)
    # the first bytes of a TLS record header, then gone
    c.send(b"\x16\x03\x01\x02")
    c.close()
    s = srv.wait_sessions(timeout=30)
    check(all(v is not None for v in s.values()), "session still running")


def t_tls_required():
    srv = native("tls-required", control={"tls_required": "1"})
    c = Client(srv.port)
    c.expect(220)
    ehlo_lines(c)
    l = c.cmd("MAIL FROM:<a@b.test>", 530)
    check("5.7.0" in l[0], "no 5.7.0: %r" % l)
    c.cmd("STARTTLS", 220)
    tls_wrap(c)
    ehlo_lines(c)
    c.cmd("MAIL FROM:<a@b.test>", 250)
    c.cmd("QUIT", 221)


def auth_server(name):
    return native(name, plugins=AUTH_PLUGINS,
                  control={"flat_auth_pw": "good@example.test:s3cret\n", "rcpthosts": "example.test"})


def t_auth_before_tls():
    srv = auth_server("tls-auth-before")
    c = Client(srv.port)
    c.expect(220)
    lines = ehlo_lines(c)
    check(not any(l[4:].startswith("AUTH") for l in lines), "AUTH offered before TLS: %r" % lines)
    pw = base64.b64encode(b"\0good@example.test\0s3cret").decode()
    l = c.cmd("AUTH PLAIN " + pw, 538)
    c.cmd("STARTTLS", 220)
    tls_wrap(c)
    lines = ehlo_lines(c)
    check(any(re.match(r"250[ -]AUTH PLAIN LOGIN CRAM-MD5$", l) for l in lines), "AUTH not offered inside TLS: %r" % lines)
    c.cmd("AUTH PLAIN " + pw, 235)
    c.cmd("QUIT", 221)


def t_swaks_auth_tls():
    srv = auth_server("tls-swaks-auth")
    for mech in ("PLAIN", "LOGIN", "CRAM-MD5"):
        rc, out = swaks(srv, "--tls", "--auth", mech, "--auth-user", "good@example.test",
                        "--auth-password", "s3cret", "--to", "x@elsewhere.test")
        check(rc == 0, "swaks --tls --auth %s exit %d: %s" % (mech, rc, out[-800:]))
        check(re.search(r"^<~  235 ", out, re.M), "no 235 for %s: %s" % (mech, out[-800:]))
    msg = queued_received(srv, 3)
    check(re.search(r"with ESMTPSA \(TLSv1\.2 ", msg), "Received does not say ESMTPSA: " + msg[:400])
    check(re.search(r"^Authentication-Results: mx\.example\.test; auth=pass \(cram-md5\) smtp\.auth=good@example\.test",
                    msg, re.M), "no Authentication-Results: " + msg[:400])


def t_smtplib_starttls_login():
    srv = auth_server("tls-smtplib")
    # by name, so that smtplib checks the certificate against "localhost"
    s = smtplib.SMTP("localhost", srv.port, local_hostname="client.example", timeout=30)
    s.ehlo()
    check(s.has_extn("starttls"), "no STARTTLS in EHLO")
    check(not s.has_extn("auth"), "AUTH offered before TLS")
    s.starttls(context=ctx())
    s.ehlo()
    check(s.has_extn("auth"), "no AUTH inside TLS")
    s.login("good@example.test", "s3cret")
    s.sendmail("a@b.test", ["x@elsewhere.test"], b"Subject: smtplib\r\n\r\nover TLS\r\n")
    s.quit()
    msg = queued_received(srv)
    check(re.search(r"with ESMTPSA ", msg), "Received: " + msg[:300])


def main():
    global CERTS
    CERTS = os.path.join(tmpbase(), "certs")
    try:
        make_certs(CERTS)
    except Exception as e:
        print("FAIL - tls: cannot make test certificates: %s" % e)
        sys.exit(1)
    run_test("tls: swaks delivers over STARTTLS, Received says ESMTPS with the cipher", t_swaks_starttls)
    run_test("tls: openssl s_client -starttls smtp, RSA chain verified", t_s_client_rsa)
    run_test("tls: openssl s_client -starttls smtp, EC key (tls cert/key arguments)", t_s_client_ec)
    run_test("tls: CERTFILE/KEYFILE, traditional RSA key", t_s_client_rsa_traditional_key_env)
    run_test("tls: STARTTLS\\r\\nRSET\\r\\n in one write gets one reply; state reset after TLS", t_injection_and_reset)
    run_test("tls: STARTTLS with an argument -> 501 5.5.4", t_syntax)
    run_test("tls: implicit TLS (tls implicit 1), swaks --tlsc", t_implicit)
    run_test("tls: TCPLOCALPORT=465 means implicit TLS", t_port_465)
    run_test("tls: UCSPI-TLS STARTTLS through tests/ucspi-tlsd", t_ucspi_starttls)
    run_test("tls: UCSPI-TLS implicit (ucspi-tlsd -i)", t_ucspi_implicit)
    run_test("tls: after STARTTLS through UCSPI-TLS, qmail-queue gets SSL_PROTOCOL/SSL_CIPHER and no SSL*FD", t_ucspi_queue_env)
    run_test("tls: after native STARTTLS, qmail-queue gets SSL_PROTOCOL/SSL_CIPHER", t_native_queue_env)
    run_test("tls: a session started inside TLS (SSL_PROTOCOL) answers STARTTLS 503", t_implicit_env_starttls_503)
    run_test("tls: default policy TLS 1.2 + ECDHE AEAD only: TLS 1.0/1.1, CBC, 3DES, RSA key exchange refused", t_policy_default)
    run_test("tls: tls_protocols/tls_ciphers widen it (TLS 1.0 + ECDHE CBC; all)", t_policy_widened)
    run_test("tls: a bad tls_protocols is a configuration error", t_policy_bad)
    run_test("tls: qpsmtpd's positional form tls CERT KEY CA DHPARAM", t_positional_form)
    run_test("tls: wrong key -> handshake fails, logged, closed", t_wrong_key)
    run_test("tls: no certificate -> no STARTTLS offer, 454", t_missing_cert)
    run_test("tls: garbage certificate file -> 454 4.7.0 and the session goes on", t_garbage_cert)
    run_test("tls: garbage instead of a ClientHello -> closed, no plaintext reply", t_handshake_garbage)
    run_test("tls: client closes mid-handshake -> session ends", t_client_closes_mid_handshake)
    run_test("tls: tls_required -> MAIL before STARTTLS 530 5.7.0", t_tls_required)
    run_test("tls: tls_before_auth: no AUTH before TLS (538), AUTH inside TLS", t_auth_before_tls)
    run_test("tls: swaks AUTH PLAIN, LOGIN, CRAM-MD5 over STARTTLS; ESMTPSA; Authentication-Results", t_swaks_auth_tls)
    run_test("tls: smtplib starttls() + login() + sendmail, certificate verified", t_smtplib_starttls_login)
    finish()


main()

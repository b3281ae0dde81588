#!/usr/bin/python3
# SMTP AUTH (RFC 4954) under real tcpserver with real clients: swaks with
# PLAIN, LOGIN and CRAM-MD5, Python's smtplib (login() tries CRAM-MD5 first),
# auth/auth_flat_file and auth/auth_checkpassword (tests/checkpassword-test),
# over plaintext with tls_before_auth 0. Checks relaying after AUTH, the
# queued trace fields, the failure limit, and that no password or AUTH
# payload reaches the log even at loglevel 7.
import base64
import os
import re
import smtplib
import subprocess
import sys
sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from itlib import Server, check, run_test, finish, TESTS

USER, PASSWORD = "good@example.com", "good_pass"
FLAT = {"tls_before_auth": "0", "loglevel": "7", "flat_auth_pw": USER + ":" + PASSWORD}
PLUGINS = ["relay", "auth/auth_flat_file", "auth/authdeny", "rcpt_ok", "queue/qmail-queue"]
CHECKPW = os.path.join(TESTS, "checkpassword-test")


def no_secrets(srv, *secrets):
    """Neither the secrets nor any base64 form of a PLAIN/LOGIN payload in the log."""
    log = srv.log()
    forms = list(secrets)
    for s in secrets:
        forms.append(base64.b64encode(s.encode()).decode().rstrip("="))
        forms.append(base64.b64encode(("\0" + USER + "\0" + s).encode()).decode().rstrip("="))
    for f in forms:
        check(f not in log, "%r found in the log" % f)


def swaks(srv, mech, password, to="u@elsewhere.test"):
    r = subprocess.run(["swaks", "--server", "127.0.0.1", "--port", str(srv.port), "--from", "a@b.test",
                        "--to", to, "--helo", "client.example", "--auth", mech, "--auth-user", USER,
                        "--auth-password", password, "--timeout", "30", "--body", "auth test"],
                       capture_output=True, timeout=60)
    return r.returncode, r.stdout.decode("latin-1")


def test_swaks():
    srv = Server("auth-swaks", control=FLAT, plugins=PLUGINS).start()
    try:
        for mech in ("PLAIN", "LOGIN", "CRAM-MD5"):
            rc, out = swaks(srv, mech, PASSWORD)
            check(rc == 0, "swaks --auth %s exit %d: %s" % (mech, rc, out[-800:]))
            check(re.search(r"^<-  250-AUTH PLAIN LOGIN CRAM-MD5$", out, re.M), "EHLO AUTH line in:\n" + out[:800])
            check(re.search(r"^<-  235 2\.7\.0 %s authentication successful for %s" % (mech, USER), out, re.M),
                  "no 235 for %s in:\n%s" % (mech, out[-800:]))
        rc, out = swaks(srv, "PLAIN", "Wr0ngPw")
        check(rc != 0 and re.search(r"^<\*\* 535 5\.7\.8 PLAIN authentication failed for %s from 127\.0\.0\.1" % USER, out, re.M),
              "wrong password: exit %d:\n%s" % (rc, out[-800:]))
        srv.wait_sessions()
        q = srv.queued()
        check(len(q) == 3, "%d messages queued, expected 3" % len(q))
        for (msg, env), mech in zip(q, ("plain", "login", "cram-md5")):
            check(env == b"Fa@b.test\0Tu@elsewhere.test\0\0", "envelope %r" % env)
            check(msg.startswith(("Authentication-Results: mx.example.test; auth=pass (%s) smtp.auth=%s\nReceived: "
                                  % (mech, USER)).encode()), "trace fields %r" % msg[:200])
            check(re.search(rb"\n\tby mx\.example\.test \(qcsmtpd [^)]*\) with ESMTPA;", msg), "no ESMTPA: %r" % msg[:300])
        check(re.search(r"notice AUTH PLAIN failed for good@example\.com from 127\.0\.0\.1$", srv.log(), re.M),
              "no failure log line")
        no_secrets(srv, PASSWORD, "Wr0ngPw")
        check(list(srv.sessions().values()) == [0, 0, 0, 0], "session statuses %r" % srv.sessions())
        check(srv.leftovers() == [], "left behind: %r" % srv.leftovers())
    finally:
        srv.stop()


def test_smtplib():
    srv = Server("auth-smtplib", control=FLAT, plugins=PLUGINS).start()
    try:
        # before AUTH: no relaying
        with smtplib.SMTP("127.0.0.1", srv.port, "client.example", timeout=30) as s:
            s.ehlo()
            check(s.has_extn("auth") and s.esmtp_features["auth"].split() == ["PLAIN", "LOGIN", "CRAM-MD5"],
                  "AUTH keyword %r" % s.esmtp_features.get("auth"))
            s.mail("a@b.test")
            code, _ = s.rcpt("u@elsewhere.test")
            check(code == 550, "RCPT before AUTH: %d" % code)
        # login() picks CRAM-MD5 first
        with smtplib.SMTP("127.0.0.1", srv.port, "client.example", timeout=30) as s:
            code, text = s.login(USER, PASSWORD)
            check(code == 235 and text.startswith(b"2.7.0 CRAM-MD5 authentication successful"), "login: %d %r" % (code, text))
            refused = s.sendmail("a@b.test", ["u@elsewhere.test"], "Subject: smtplib\r\n\r\nhello\r\n")
            check(refused == {}, "refused %r" % refused)
        # each mechanism by hand
        for mech in ("PLAIN", "LOGIN"):
            with smtplib.SMTP("127.0.0.1", srv.port, "client.example", timeout=30) as s:
                s.ehlo()
                s.user, s.password = USER, PASSWORD
                code, text = s.auth(mech, getattr(s, "auth_" + mech.lower()), initial_response_ok=(mech == "PLAIN"))
                check(code == 235, "%s: %d %r" % (mech, code, text))
        # a wrong password: smtplib tries CRAM-MD5, PLAIN, LOGIN; the third failure is 421
        with smtplib.SMTP("127.0.0.1", srv.port, "client.example", timeout=30) as s:
            try:
                s.login(USER, "not-it")
                check(False, "login with a wrong password succeeded")
            except smtplib.SMTPAuthenticationError as e:
                check(e.smtp_code == 421 and b"Too many failed AUTH attempts" in e.smtp_error, "last error %r" % (e.args,))
        srv.wait_sessions()
        q = srv.queued()
        check(len(q) == 1 and q[0][1] == b"Fa@b.test\0Tu@elsewhere.test\0\0", "queued %r" % [e for _, e in q])
        check(q[0][0].startswith(b"Authentication-Results: mx.example.test; auth=pass (cram-md5) smtp.auth=good@example.com\n"),
              "A-R %r" % q[0][0][:120])
        log = srv.log()
        for mech in ("CRAM-MD5", "PLAIN", "LOGIN"):
            check(re.search(r"notice AUTH %s failed for good@example\.com from 127\.0\.0\.1$" % mech, log, re.M),
                  "no failure line for %s" % mech)
        check("closing connection: Too many failed AUTH attempts" in log, "no closing line")
        no_secrets(srv, PASSWORD, "not-it")
    finally:
        srv.stop()


def test_checkpassword():
    record = None
    srv = Server("auth-checkpw", control={"tls_before_auth": "0", "loglevel": "7"},
                 plugins=["auth/auth_checkpassword checkpw %s true /bin/true" % CHECKPW, "auth/authdeny",
                          "rcpt_ok", "queue/qmail-queue"])
    record = os.path.join(srv.dir, "checkpw.record")
    srv.env["CHECKPW_RECORD"] = record
    srv.start()
    try:
        rc, out = swaks(srv, "LOGIN", PASSWORD)
        check(rc == 0 and "235 2.7.0 LOGIN authentication successful for good@example.com - auth_checkpassword" in out,
              "LOGIN: exit %d\n%s" % (rc, out[-800:]))
        rc, out = swaks(srv, "PLAIN", "tempfail")
        check(rc != 0 and re.search(r"^<\*\* 454 4\.7\.0 ", out, re.M), "exit 111: %d\n%s" % (rc, out[-600:]))
        # no plugin can verify CRAM-MD5 here: not offered, and refused
        with smtplib.SMTP("127.0.0.1", srv.port, "client.example", timeout=30) as s:
            s.ehlo()
            check(s.esmtp_features.get("auth", "").split() == ["PLAIN", "LOGIN"], "AUTH %r" % s.esmtp_features.get("auth"))
            code, text = s.docmd("AUTH", "CRAM-MD5")
            check(code == 504, "AUTH CRAM-MD5: %d %r" % (code, text))
        srv.wait_sessions()
        lines = open(record).read().splitlines()
        check(len(lines) == 2, "checkpassword ran %d times: %r" % (len(lines), lines))
        for l in lines:
            check(re.fullmatch(r"user=good@example\.com stamp=<\d+\.\d+@mx\.example\.test> fd0=null fd1=null", l),
                  "fd 3 / descriptors seen by checkpassword: %r" % l)
        check(len(srv.queued()) == 1, "queued %d" % len(srv.queued()))
        no_secrets(srv, PASSWORD, "tempfail")
    finally:
        srv.stop()


run_test("integration/auth: swaks PLAIN, LOGIN, CRAM-MD5 with auth_flat_file", test_swaks)
run_test("integration/auth: smtplib login (CRAM-MD5 first), failure limit", test_smtplib)
run_test("integration/auth: auth_checkpassword under tcpserver", test_checkpassword)
finish()

#!/usr/bin/python3
# AUTH failure throttling across connections (issue 12, control/auth_fail_limit):
# failures counted in the store per client address and per user; at the limit
# AUTH gets RFC 4954 6's "454 4.7.0 Temporary authentication failure" without
# the password being checked, until the window (from the first failure) ends,
# on the overridable clock. Successes do not count; a store failure leaves
# AUTH unthrottled, logged.
import base64
import errno
import os
import re
import subprocess
import sys
import tempfile
sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from itlib import BIN, QQ, check, finish, run_test, tmpbase, strerror

# the server's C library words its errors (glibc and musl differ)
EIO = strerror(errno.EIO)

T0 = 1800000000
THROTTLED = "454 4.7.0 Temporary authentication failure"


def plain(user, pw):
    return "AUTH PLAIN " + base64.b64encode(("\0%s\0%s" % (user, pw)).encode()).decode()


GOOD = plain("good@example.com", "good_pass")
WRONG = plain("good@example.com", "bad_pass")
OTHER = plain("other@example.com", "other_pass")


class Site:
    def __init__(self, limit, store=True):
        self.dir = tempfile.mkdtemp(prefix="auththr.", dir=tmpbase())
        self.ctl = os.path.join(self.dir, "control")
        os.makedirs(self.ctl)
        st = os.path.join(self.dir, "store")
        if store:
            os.makedirs(st)
        f = {"me": "mx.example.test", "rcpthosts": "example.test", "store_dir": st, "loglevel": "6",
             "tls_before_auth": "0", "flat_auth_pw": "good@example.com:good_pass\nother@example.com:other_pass",
             "auth_fail_limit": limit,
             "plugins": "relay\nauth/auth_flat_file\nauth/authdeny\nrcpt_ok\nqueue/qmail-queue"}
        for k, v in f.items():
            with open(os.path.join(self.ctl, k), "w") as fh:
                fh.write(v + "\n")

    def auth(self, line, at, ip="192.0.2.7"):
        """The reply to one AUTH in a session of its own, and the log."""
        e = {"PATH": "/usr/bin:/bin", "QCSMTPD_CONTROL": self.ctl, "QMAIL": os.path.join(self.dir, "qmail"),
             "QMAILQUEUE": QQ, "QQ_DIR": self.dir, "TCPREMOTEIP": ip, "TCPLOCALIP": "127.0.0.1",
             "QCSMTPD_TEST_NOW": str(T0 + at)}
        for k in ("ASAN_OPTIONS", "UBSAN_OPTIONS", "LSAN_OPTIONS"):
            if k in os.environ:
                e[k] = os.environ[k]
        inp = "EHLO c.example\r\n%s\r\nQUIT\r\n" % line
        r = subprocess.run([BIN], input=inp.encode(), env=e, cwd=self.dir, capture_output=True, timeout=60)
        out = [l for l in r.stdout.decode("latin-1").split("\r\n") if re.match(r"\d\d\d ", l)]
        check(len(out) == 4 and out[0].startswith("220") and out[3].startswith("221"), "session: %r" % out)
        return out[2], r.stderr.decode("latin-1")


def ok(r):
    return r.startswith("235 2.7.0 PLAIN authentication successful for ")


def wrong(r):
    return r.startswith("535 5.7.8 PLAIN authentication failed for good@example.com")


def t_per_ip():
    s = Site("3 600 0 600")
    for t in range(3):
        r, _ = s.auth(WRONG, t)
        check(wrong(r), "failure %d: %r" % (t + 1, r))
    r, log = s.auth(GOOD, 10)
    check(r == THROTTLED, "the right password from the address after 3 failures: %r" % r)
    check("AUTH PLAIN throttled for good@example.com from 192.0.2.7: too many failures for the address (auth_fail_limit)" in log, log)
    r, _ = s.auth(GOOD, 11, ip="192.0.2.8")
    check(ok(r), "another address: %r" % r)
    r, _ = s.auth(GOOD, 599)
    check(r == THROTTLED, "still inside the window: %r" % r)
    r, _ = s.auth(GOOD, 600)
    check(ok(r), "after the window: %r" % r)


def t_per_user():
    s = Site("0 600 3 300")
    for t, ip in enumerate(("192.0.2.1", "198.51.100.2", "2001:db8::3")):
        r, _ = s.auth(WRONG, t, ip=ip)
        check(wrong(r), "failure from %s: %r" % (ip, r))
    r, log = s.auth(GOOD, 10, ip="203.0.113.4")
    check(r == THROTTLED, "the user from a fourth address: %r" % r)
    check("too many failures for the user (auth_fail_limit)" in log, log)
    r, _ = s.auth(OTHER, 10, ip="203.0.113.4")
    check(ok(r), "another user from that address: %r" % r)
    r, _ = s.auth(GOOD, 300, ip="203.0.113.4")
    check(ok(r), "after the user's window: %r" % r)


def t_success_not_counted():
    s = Site("2 600")
    r, _ = s.auth(WRONG, 0)
    check(wrong(r), r)
    for t in range(1, 6):
        r, _ = s.auth(GOOD, t)
        check(ok(r), "success %d after one failure: %r" % (t, r))
    r, _ = s.auth(WRONG, 7)
    check(wrong(r), "the second failure is checked: %r" % r)
    r, _ = s.auth(GOOD, 8)
    check(r == THROTTLED, "at 2 failures: %r" % r)


def t_ipv6_prefix():
    s = Site("2 600 0 600")
    s.auth(WRONG, 0, ip="2001:db8:5:6::1")
    s.auth(WRONG, 1, ip="2001:db8:5:6::2")
    r, _ = s.auth(GOOD, 2, ip="2001:db8:5:6:ffff::9")
    check(r == THROTTLED, "the same /64: %r" % r)
    r, _ = s.auth(GOOD, 2, ip="2001:db8:5:7::1")
    check(ok(r), "another /64: %r" % r)


def t_store_failure():
    s = Site("2 600", store=False)
    for t in range(4):
        r, log = s.auth(WRONG, t)
        check(wrong(r), "failure %d, no store: %r" % (t + 1, r))
    check("AUTH failure throttling is off for this connection: store failure: " + EIO in log, log)
    r, _ = s.auth(GOOD, 5)
    check(ok(r), "no store: unthrottled: %r" % r)


def main():
    run_test("auth_fail_limit: failures from one address across sessions throttle it (454), other addresses not, until the window ends", t_per_ip)
    run_test("auth_fail_limit: failures for one user from several addresses throttle the user, not others", t_per_user)
    run_test("auth_fail_limit: successes are not counted", t_success_not_counted)
    run_test("auth_fail_limit: an IPv6 client is counted by its /64", t_ipv6_prefix)
    run_test("auth_fail_limit: a store failure leaves AUTH unthrottled, logged", t_store_failure)
    finish()


main()

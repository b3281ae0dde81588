#!/usr/bin/python3
# deny_repeat_offenders (issue 12, doc/writing-plugins): refusals by other
# plugins are counted per client address in the store; at max the client is
# refused at connect (421) until the count expires, session after session on
# the overridable clock. Other addresses, relay clients and IPv6 /64s; a
# store failure lets the client in.
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
REFUSED = "421 Too many of your commands were refused recently; try again later"


class Site:
    def __init__(self, line="deny_repeat_offenders max 3 minutes 10", store=True, files=None):
        self.dir = tempfile.mkdtemp(prefix="dro.", dir=tmpbase())
        self.ctl = os.path.join(self.dir, "control")
        os.makedirs(self.ctl)
        st = os.path.join(self.dir, "store")
        if store:
            os.makedirs(st)
        f = {"me": "mx.example.test", "rcpthosts": "example.test", "store_dir": st, "loglevel": "6",
             "badmailfrom": "bad@spam.example", "plugins": "relay\n%s\nbadmailfrom\nrcpt_ok\nqueue/qmail-queue" % line}
        f.update(files or {})
        for k, v in f.items():
            with open(os.path.join(self.ctl, k), "w") as fh:
                fh.write(v + "\n")

    def session(self, lines, at, ip="192.0.2.7"):
        e = {"PATH": "/usr/bin:/bin", "QCSMTPD_CONTROL": self.ctl, "QMAIL": os.path.join(self.dir, "qmail"),
             "QMAILQUEUE": QQ, "QQ_DIR": self.dir, "TCPREMOTEIP": ip, "TCPLOCALIP": "127.0.0.1",
             "QCSMTPD_TEST_NOW": str(T0 + at)}
        for k in ("ASAN_OPTIONS", "UBSAN_OPTIONS", "LSAN_OPTIONS"):
            if k in os.environ:
                e[k] = os.environ[k]
        r = subprocess.run([BIN], input="".join(l + "\r\n" for l in lines).encode(), env=e, cwd=self.dir,
                           capture_output=True, timeout=60)
        return [l for l in r.stdout.decode("latin-1").split("\r\n") if re.match(r"\d\d\d ", l)], r.stderr.decode("latin-1")


BAD = ["HELO c.example", "MAIL FROM:<bad@spam.example>"]


def t_counts_and_expires():
    s = Site()
    out, _ = s.session(BAD + BAD[1:] + ["QUIT"], 0)
    check(out[0].startswith("220") and out[2].startswith("550") and out[3].startswith("550"), out)
    out, _ = s.session(BAD + ["QUIT"], 60)
    check(out[0].startswith("220") and out[2].startswith("550"), "third refusal: %r" % out)
    out, log = s.session(["HELO c.example", "QUIT"], 120)
    check(out == [REFUSED], "an offender at connect: %r" % out)
    check("fail: refused too often recently" in log, log)
    out, _ = s.session(["HELO c.example", "QUIT"], 120, ip="192.0.2.8")
    check(out[0].startswith("220"), "another address: %r" % out)
    # the count lasts `minutes` from the first refusal counted
    out, _ = s.session(["HELO c.example", "QUIT"], 599)
    check(out == [REFUSED], "still inside the window: %r" % out)
    out, _ = s.session(["HELO c.example", "MAIL FROM:<ok@good.example>", "QUIT"], 600)
    check(out[0].startswith("220") and out[2].startswith("250"), "after the window: %r" % out)


def t_relay_ipv6_store():
    s = Site(files={"relayclients": "192.0.2.9"})
    for t in range(4):
        s.session(BAD + ["QUIT"], t, ip="192.0.2.9")
    out, _ = s.session(["HELO c.example", "QUIT"], 10, ip="192.0.2.9")
    check(out[0].startswith("220"), "a relay client is neither counted nor refused: %r" % out)
    for t in range(3):
        s.session(BAD + ["QUIT"], t, ip="2001:db8:5:6::1")
    out, _ = s.session(["HELO c.example", "QUIT"], 10, ip="2001:db8:5:6:ffff::2")
    check(out == [REFUSED], "the same /64: %r" % out)
    s = Site(store=False)
    for t in range(4):
        s.session(BAD + ["QUIT"], t)
    out, log = s.session(["HELO c.example", "QUIT"], 10)
    check(out[0].startswith("220"), "a store failure lets the client in: %r" % out)
    check("store failure: " + EIO + "; the client is let in" in log, log)


def t_args():
    for line, what in (("deny_repeat_offenders max 0", "max"), ("deny_repeat_offenders minutes x", "minutes"),
                       ("deny_repeat_offenders window 5", "unknown argument 'window'")):
        s = Site(line=line)
        out, log = s.session(["QUIT"], 0)
        check(out[0].startswith("421 4.3.0"), "%s: %r" % (line, out))
        check(what in log, "%s: %s" % (line, log))


def main():
    run_test("deny_repeat_offenders: refusals counted across sessions, 421 at max, until the window ends; other addresses pass", t_counts_and_expires)
    run_test("deny_repeat_offenders: relay clients exempt, IPv6 by /64, a store failure lets the client in", t_relay_ipv6_store)
    run_test("deny_repeat_offenders: bad arguments are configuration errors", t_args)
    finish()


main()

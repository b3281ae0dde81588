#!/usr/bin/python3
# The greylisting plugin (issue 12) on the LMDB store, session after session
# on the overridable clock (QCSMTPD_TEST_NOW), no sleeps: the first attempt
# deferred, a retry within black_timeout deferred, one after it accepted and
# white for white_timeout; grey_timeout forgets an unretried triplet; sender
# and recipient keys; IPv6 keyed by /64; bounces deferred at DATA; deny_late;
# relay clients, whitelisted hosts and AUTH skip; reject 0 logs only; a
# store failure passes the mail; configuration errors; 100 parallel sessions
# of one triplet on LMDB and on a real redis-server.
import errno
import os
import re
import shutil
import subprocess
import sys
import tempfile
sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from itlib import BIN, QQ, check, finish, run_test, tmpbase, strerror
from storelib import Redis

# the server's C library words its errors (glibc and musl differ)
EIO = strerror(errno.EIO)

T0 = 1800000000
DEFER = "450 4.7.1 This mail is temporarily denied"


class Site:
    def __init__(self, plugin="greylisting", files=None, store=True):
        self.dir = tempfile.mkdtemp(prefix="grey.", dir=tmpbase())
        self.ctl = os.path.join(self.dir, "control")
        os.makedirs(self.ctl)
        os.makedirs(os.path.join(self.dir, "queue"))
        st = os.path.join(self.dir, "store")
        if store:
            os.makedirs(st)
        f = {"me": "mx.example.test", "rcpthosts": "example.test", "store_dir": st, "loglevel": "6",
             "plugins": "relay\n%s\nrcpt_ok\nqueue/qmail-queue" % plugin}
        f.update(files or {})
        for k, v in f.items():
            with open(os.path.join(self.ctl, k), "w") as fh:
                fh.write(v + "\n")

    def session(self, lines, at, ip="192.0.2.7", env=None):
        r = subprocess.run([BIN], input="".join(l + "\r\n" for l in lines).encode(), env=self.env(at, ip, env),
                           cwd=self.dir, capture_output=True, timeout=60)
        out = [l for l in r.stdout.decode("latin-1").split("\r\n") if re.match(r"\d\d\d ", l)]
        return out, r.stderr.decode("latin-1"), r.returncode

    def parallel(self, lines, at, n=100):
        """n sessions at once: the reply lines of each"""
        procs = [subprocess.Popen([BIN], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                                  env=self.env(at, "192.0.2.7", None), cwd=self.dir) for _ in range(n)]
        for p in procs:
            p.stdin.write("".join(l + "\r\n" for l in lines).encode())
            p.stdin.close()
        outs = []
        for p in procs:
            outs.append([l for l in p.stdout.read().decode("latin-1").split("\r\n") if re.match(r"\d\d\d ", l)])
            p.stdout.close()
            p.wait(60)
        return outs

    def env(self, at, ip, env):
        e = {"PATH": "/usr/bin:/bin", "QCSMTPD_CONTROL": self.ctl, "QMAIL": os.path.join(self.dir, "qmail"),
             "QMAILQUEUE": QQ, "QQ_DIR": os.path.join(self.dir, "queue"), "TCPREMOTEIP": ip,
             "TCPLOCALIP": "127.0.0.1", "QCSMTPD_TEST_NOW": str(T0 + at)}
        for k in ("ASAN_OPTIONS", "UBSAN_OPTIONS", "LSAN_OPTIONS"):
            if k in os.environ:
                e[k] = os.environ[k]
        e.update(env or {})
        return e


def mail(sender="a@sender.example", rcpt="u@example.test"):
    return ["HELO c.example", "MAIL FROM:<%s>" % sender, "RCPT TO:<%s>" % rcpt, "QUIT"]


def message(sender="a@sender.example", rcpt="u@example.test"):
    return ["HELO c.example", "MAIL FROM:<%s>" % sender, "RCPT TO:<%s>" % rcpt, "DATA",
            "Subject: grey", "", "hello", ".", "QUIT"]


def t_default():
    s = Site()
    out, log, _ = s.session(mail(), 0)
    check(out[2] == DEFER, "first attempt: %r" % out)
    check("fail: new triplet, deferred; it may pass from 3000 seconds on" in log, log)
    out, _, _ = s.session(mail(), 2999)
    check(out[2] == DEFER, "retry inside black_timeout: %r" % out)
    out, log, _ = s.session(mail(), 3000)
    check(out[2].startswith("250 ") and out[3].startswith("250 "), "retry after black_timeout: %r" % out)
    check("pass: retried after the black timeout, now white" in log, log)
    # remote_ip only (the default): another sender from the same address passes
    out, _, _ = s.session(mail(sender="other@else.example"), 3001)
    check(out[2].startswith("250 "), "white address, other sender: %r" % out)
    # white for white_timeout from the last pass: 36 days after it, deferred again
    out, _, _ = s.session(mail(), 3001 + 3110399)
    check(out[2].startswith("250 "), "just inside white_timeout: %r" % out)
    out, _, _ = s.session(mail(), 3001 + 3110399 + 3110400)
    check(out[2] == DEFER, "after white_timeout: %r" % out)
    # another address is its own triplet
    out, _, _ = s.session(mail(), 3002, ip="192.0.2.8")
    check(out[2] == DEFER, "another client: %r" % out)


def t_grey_timeout():
    s = Site(plugin="greylisting black_timeout 60 grey_timeout 600")
    s.session(mail(), 0)
    out, _, _ = s.session(mail(), 601)
    check(out[2] == DEFER, "retry after grey_timeout starts again: %r" % out)
    out, _, _ = s.session(mail(), 661)
    check(out[2].startswith("250 "), "retry 60 s after the new first attempt: %r" % out)


def t_sender_recipient():
    s = Site(plugin="greylisting sender 1 recipient 1 black_timeout 60")
    out, _, _ = s.session(["HELO c.example", "MAIL FROM:<a@sender.example>", "RCPT TO:<u@example.test>",
                           "RCPT TO:<v@example.test>", "QUIT"], 0)
    check(out[2].startswith("250 ") and out[3] == DEFER and out[4] == DEFER, "recipient mode defers at RCPT: %r" % out)
    out, _, _ = s.session(["HELO c.example", "MAIL FROM:<a@sender.example>", "RCPT TO:<u@example.test>",
                           "RCPT TO:<w@example.test>", "QUIT"], 60)
    check(out[3].startswith("250 ") and out[4] == DEFER, "u white, w new: %r" % out)
    out, _, _ = s.session(mail(sender="b@sender.example"), 120)
    check(out[2].startswith("250 ") and out[3] == DEFER, "another sender, same recipient: %r" % out)


def t_ipv6():
    s = Site(plugin="greylisting black_timeout 60")
    out, _, _ = s.session(mail(), 0, ip="2001:db8:1:2::1")
    check(out[2] == DEFER, out)
    out, _, _ = s.session(mail(), 60, ip="2001:db8:1:2:aaaa::99")
    check(out[2].startswith("250 "), "same /64: %r" % out)
    out, _, _ = s.session(mail(), 61, ip="2001:db8:1:3::1")
    check(out[2] == DEFER, "another /64: %r" % out)


def t_bounce_and_deny_late():
    s = Site(plugin="greylisting black_timeout 60")
    out, _, _ = s.session(message(sender=""), 0)
    check(out[2].startswith("250 ") and out[3].startswith("250 ") and out[4] == "451 4.7.1 This mail is temporarily denied",
          "a bounce is deferred at DATA: %r" % out)
    out, _, _ = s.session(message(sender=""), 60)
    check(out[4].startswith("354") and out[5].startswith("250 "), "the bounce retried: %r" % out)
    s = Site(plugin="greylisting deny_late 1 black_timeout 60")
    out, _, _ = s.session(message(), 0)
    check(out[2].startswith("250 ") and out[3].startswith("250 ") and out[4] == "451 4.7.1 This mail is temporarily denied",
          "deny_late: %r" % out)
    out, _, _ = s.session(message(), 60)
    check(out[4].startswith("354") and out[5].startswith("250 "), "deny_late retried: %r" % out)


def t_immune():
    s = Site(files={"relayclients": "192.0.2.50"})
    out, log, _ = s.session(mail(), 0, ip="192.0.2.50")
    check(out[2].startswith("250 ") and "skip: relay client" in log, "relay client: %r" % out)
    out, log, _ = s.session(mail(), 0, env={"RELAYCLIENT": ""})
    check(out[2].startswith("250 ") and "skip: relay client" in log, "RELAYCLIENT: %r" % out)
    s = Site(plugin="greylisting reject 0")
    out, log, _ = s.session(mail(), 0)
    check(out[2].startswith("250 ") and "fail: new triplet" in log, "reject 0 only logs: %r" % out)


def t_store_failure():
    s = Site(store=False)
    out, log, _ = s.session(mail(), 0)
    check(out[2].startswith("250 "), "a store failure passes: %r" % out)
    check(re.search(r"store: cannot open the LMDB environment in store_dir: .*No such file", log), log)
    check("store failure: " + EIO + "; mail passes ungreylisted" in log, log)


def t_parallel(redis=None):
    # one new triplet from 100 sessions at once: every one deferred; after
    # the black timeout one retry makes it white; then 100 at once all pass
    s = Site(files={"store_redis": "127.0.0.1:%d" % redis.port} if redis else None)
    outs = s.parallel(mail(), 0)
    check(all(o[2] == DEFER for o in outs), "100 first attempts: %r" % [o[2] for o in outs if o[2] != DEFER][:3])
    out, log, _ = s.session(mail(), 3000)
    check(out[2].startswith("250 "), "the retry after black_timeout: %r %s" % (out, log))
    outs = s.parallel(mail(), 3001)
    bad = [o for o in outs if not (o[2].startswith("250 ") and o[3].startswith("250 "))]
    check(not bad, "100 sessions of a white triplet: %d not accepted: %r" % (len(bad), bad[:3]))


def t_config_errors():
    for plugin, what in (("greylisting black_timeout 600 grey_timeout 60", "grey_timeout is shorter than black_timeout"),
                         ("greylisting remote_ip 0", "remote_ip, sender and recipient are all 0"),
                         ("greylisting db_dir /var/lib/qpsmtpd/greylisting", "db_dir /var/lib/qpsmtpd/greylisting is not control/store_dir"),
                         ("greylisting redis 127.0.0.1:6379", "redis 127.0.0.1:6379 is not control/store_redis (unset)"),
                         ("greylisting mode denysoft", "unknown argument 'mode'")):
        s = Site(plugin=plugin)
        out, log, rc = s.session(mail(), 0)
        check(rc == 100 and out[0].startswith("421 4.3.0"), "%s: %r" % (plugin, out))
        check(what in log, "%s: %s" % (plugin, log))
    s = Site(plugin="greylisting db_dir %s" % "STORE")
    with open(os.path.join(s.ctl, "plugins"), "w") as fh:
        fh.write("greylisting db_dir %s\nrcpt_ok\n" % os.path.join(s.dir, "store"))
    out, log, rc = s.session(mail(), 0)
    check(out[2] == DEFER, "db_dir equal to store_dir is accepted: %r %s" % (out, log))


def main():
    run_test("greylisting: deferred, too early, passes after black_timeout, white for white_timeout, per address", t_default)
    run_test("greylisting: grey_timeout forgets a triplet nobody retried", t_grey_timeout)
    run_test("greylisting: sender and recipient keys (deferred at RCPT)", t_sender_recipient)
    run_test("greylisting: IPv6 clients keyed by their /64", t_ipv6)
    run_test("greylisting: bounces deferred at DATA (451); deny_late defers at DATA", t_bounce_and_deny_late)
    run_test("greylisting: relay clients skip; reject 0 only logs", t_immune)
    run_test("greylisting: a store failure passes the mail, logged", t_store_failure)
    run_test("greylisting: 100 parallel sessions of one triplet: all deferred, then all white", t_parallel)
    if shutil.which("redis-server"):
        redis = Redis()
        try:
            run_test("greylisting on Redis: 100 parallel sessions of one triplet: all deferred, then all white",
                     lambda: t_parallel(redis))
        finally:
            redis.stop()
    else:
        run_test("greylisting on Redis", lambda: check(False, "redis-server is not installed (Debian: redis-server)"))
    run_test("greylisting: configuration errors (timeouts, no key, db_dir, qpsmtpd arguments it does not have)", t_config_errors)
    finish()


main()

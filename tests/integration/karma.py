#!/usr/bin/python3
# The karma plugin (issue 12) on the LMDB store, session after session on the
# overridable clock (QCSMTPD_TEST_NOW), no sleeps: a naughty client collects
# strikes and goes to the penalty box, is refused for penalty_days and let in
# after; the penalty box bonus; reject naughty hands the refusal to the
# naughty plugin; a good client's history lifts the recipient limit; IPv6
# clients share their /64's record; 100 parallel naughty sessions from one
# address give an exact naughty count; sessions killed with SIGKILL leave a
# usable store; a missing store directory lets clients in, logged.
import os
import random
import shutil
import re
import subprocess
import sys
import tempfile
import time
sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from itlib import BIN, QQ, TestFailure, check, finish, note, run_test, tmpbase
from storelib import Redis

T0 = 1800000000
DAY = 86400


class Site:
    def __init__(self, karma="karma", extra="", files=None, store=True):
        self.dir = tempfile.mkdtemp(prefix="karma.", dir=tmpbase())
        self.ctl = os.path.join(self.dir, "control")
        os.makedirs(self.ctl)
        os.makedirs(os.path.join(self.dir, "queue"))
        st = os.path.join(self.dir, "store")
        if store:
            os.makedirs(st)
        f = {"me": "mx.example.test", "rcpthosts": "example.test", "store_dir": st, "loglevel": "6",
             "badmailfrom": "spam@bad.example", "karma_tlds": "good.example:+3",
             "plugins": "relay\n%s\nbadmailfrom\n%srcpt_ok\nqueue/qmail-queue" % (karma, extra)}
        f.update(files or {})
        for k, v in f.items():
            with open(os.path.join(self.ctl, k), "w") as fh:
                fh.write(v + "\n")

    def env(self, at, ip):
        e = {"PATH": "/usr/bin:/bin", "QCSMTPD_CONTROL": self.ctl, "QMAIL": os.path.join(self.dir, "qmail"),
             "QMAILQUEUE": QQ, "QQ_DIR": os.path.join(self.dir, "queue"), "TCPREMOTEIP": ip,
             "TCPLOCALIP": "127.0.0.1", "QCSMTPD_TEST_NOW": str(T0 + at)}
        for k in ("ASAN_OPTIONS", "UBSAN_OPTIONS", "LSAN_OPTIONS"):
            if k in os.environ:
                e[k] = os.environ[k]
        return e

    def session(self, lines, at, ip="192.0.2.7"):
        r = subprocess.run([BIN], input="".join(l + "\r\n" for l in lines).encode(), env=self.env(at, ip),
                           cwd=self.dir, capture_output=True, timeout=60)
        out = [l for l in r.stdout.decode("latin-1").split("\r\n") if re.match(r"\d\d\d ", l)]
        return out, r.stderr.decode("latin-1"), r.returncode

    def popen(self, at, ip="192.0.2.7"):
        return subprocess.Popen([BIN], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                env=self.env(at, ip), cwd=self.dir)


# three refused senders: karma -3, the default strikes, a naughty connection
NAUGHTY = ["HELO c.example"] + ["MAIL FROM:<spam@bad.example>"] * 3 + ["QUIT"]


def two_rcpts(sender="a@sender.example"):
    return ["HELO c.example", "MAIL FROM:<%s>" % sender, "RCPT TO:<u1@example.test>", "RCPT TO:<u2@example.test>", "QUIT"]


def counts(log):
    m = re.search(r"plugin=karma (?:pass, no penalty|pass, penalty expired|fail, in the penalty box) "
                  r"\((\d+) naughty, (\d+) nice, (\d+) connects\)", log)
    check(m, "no karma summary at connect: %s" % log)
    return tuple(int(x) for x in m.groups())


def t_penalty_box():
    s = Site(karma="karma reject connect")
    out, log, rc = s.session(NAUGHTY, 0)
    check(rc == 0 and all(o.startswith("550 ") for o in out[2:5]), "naughty session: %r" % out)
    check("plugin=karma negative, sent to penalty box, (msg: -3, his: -1)" in log, log)
    for at, left in ((60, "1.00"), (DAY // 2, "0.50"), (DAY - 400, "0.00")):
        out, log, rc = s.session(["HELO c.example", "QUIT"], at)
        check(out == ["554 You were naughty. You cannot connect for %s more days." % left], "at %d: %r" % (at, out))
        check(rc == 0 and "plugin=karma fail: You were naughty" in log, log)
    out, log, _ = s.session(["HELO c.example", "QUIT"], DAY)
    check(out[0].startswith("220 ") and out[1].startswith("250 "), "after penalty_days: %r" % out)
    check(counts(log) == (1, 0, 4), "record after the box: %r" % (counts(log),))
    # another address is not in the box
    out, _, _ = s.session(["HELO c.example", "QUIT"], 60, ip="192.0.2.8")
    check(out[0].startswith("220 "), "another address: %r" % out)
    # a second naughty connection: the box again, for penalty_days from now
    s.session(NAUGHTY, DAY + 10)
    out, _, _ = s.session(["QUIT"], DAY + 10 + DAY - 1)
    check(out == ["554 You were naughty. You cannot connect for 0.00 more days."], "second penalty: %r" % out)
    # a neutral connection (karma -2) counts no strike
    s2 = Site(karma="karma reject connect")
    _, log, _ = s2.session(NAUGHTY[:3] + ["QUIT"], 0)
    check("plugin=karma neutral, (msg: -2, his: 0)" in log, log)
    out, log, _ = s2.session(["QUIT"], 1)
    check(out[0].startswith("220 ") and counts(log) == (0, 0, 1), "neutral: %r %s" % (out, log))


def t_penalty_days_and_bonus():
    # penalty_days 0.5; negative 2: the first naughty connection is tolerated
    s = Site(karma="karma reject 1 penalty_days 0.5 negative 2")
    s.session(NAUGHTY, 0)
    out, _, _ = s.session(["QUIT"], 1)
    check(out[0].startswith("220 "), "negative 2, one naughty: %r" % out)
    s.session(NAUGHTY, 2)
    out, _, _ = s.session(["QUIT"], 3)
    check(out == ["554 You were naughty. You cannot connect for 0.50 more days."], "negative 2, two naughty: %r" % out)
    out, _, _ = s.session(["QUIT"], 2 + DAY // 2)
    check(out[0].startswith("220 "), "after half a day: %r" % out)
    # never nice and more than 5 naughty: one more day per naughty connection
    at = 10 * DAY
    for i in range(4):
        _, log, _ = s.session(NAUGHTY, at)
        at += DAY
    check("sent to penalty box, penalty box bonus!, (msg: -3, his: -6)" in log, log)
    out, _, _ = s.session(["QUIT"], at - DAY + 1)
    check(out == ["554 You were naughty. You cannot connect for 6.50 more days."], "bonus: %r" % out)


def t_reject_naughty():
    # the default: the penalty is stored for the naughty plugin
    s = Site(extra="naughty\n")
    s.session(NAUGHTY, 0)
    out, log, _ = s.session(["HELO c.example", "MAIL FROM:<a@sender.example>", "RCPT TO:<u@example.test>", "QUIT"], 60)
    check(out[0].startswith("220 ") and out[2].startswith("250 "), "greeting and MAIL: %r" % out)
    check(out[3] == "550 5.7.1 (karma) You were naughty. You cannot connect for 1.00 more days.", "RCPT: %r" % out)
    check("plugin=karma fail, deferred to naughty: You were naughty" in log, log)
    # reject 0: logged only
    s = Site(karma="karma reject 0")
    s.session(NAUGHTY, 0)
    out, log, _ = s.session(two_rcpts("a@mail.good.example"), 60)
    check(out[0].startswith("220 ") and out[3].startswith("250 "), "reject 0: %r" % out)
    check("plugin=karma fail, tolerated: You were naughty. You cannot connect for 1.00 more days." in log, log)


def t_good_client():
    s = Site(karma="karma reject connect")
    # unknown client: one recipient per transaction
    out, _, _ = s.session(two_rcpts(), 0)
    check(out[3] == "250 2.1.5 <u1@example.test>, recipient ok", "first recipient: %r" % out)
    check(out[4] == "452 4.5.3 too many recipients for karma 0 (h: 0)", "second recipient: %r" % out)
    # good karma in this connection lifts the limit
    out, _, _ = s.session(two_rcpts("a@mail.good.example"), 1)
    check(out[4].startswith("250 "), "good connection: %r" % out)
    # that connection was nice (+3): the history lifts the limit from now on
    out, log, _ = s.session(two_rcpts(), 2)
    check(out[4].startswith("250 "), "good history: %r" % out)
    check(counts(log) == (0, 1, 1), "record: %r" % (counts(log),))
    # a naughty connection then evens the history out: limited again
    s.session(NAUGHTY, 3)
    out, log, _ = s.session(two_rcpts(), 4)
    check(out[0].startswith("220 "), "his 0 is not in the box: %r" % out)
    check(out[4] == "452 4.5.3 too many recipients for karma 0 (h: 0)", "history 0: %r" % out)


def t_ipv6():
    s = Site(karma="karma reject connect")
    s.session(NAUGHTY, 0, ip="2001:db8:1:2::7")
    out, _, _ = s.session(["QUIT"], 5, ip="2001:db8:1:2:ffff::9")
    check(out == ["554 You were naughty. You cannot connect for 1.00 more days."], "same /64: %r" % out)
    out, _, _ = s.session(["QUIT"], 5, ip="2001:db8:1:3::7")
    check(out[0].startswith("220 "), "another /64: %r" % out)


def t_parallel(redis=None):
    s = Site(files={"store_redis": "127.0.0.1:%d" % redis.port} if redis else None)
    procs = [s.popen(0) for _ in range(100)]
    for p in procs:
        p.stdin.write("".join(l + "\r\n" for l in NAUGHTY).encode())
        p.stdin.close()
    fails = 0
    for p in procs:
        out = p.stdout.read()
        err = p.stderr.read().decode("latin-1")
        p.stdout.close()
        p.stderr.close()
        p.wait(60)
        fails += "store failure" in err or "negative" not in err
    check(fails == 0, "%d sessions failed to count" % fails)
    _, log, _ = s.session(["QUIT"], 60)
    naughty, nice, connects = counts(log)
    check(naughty == 100 and nice == 0, "after 100 parallel naughty sessions: %r" % ((naughty, nice, connects),))
    # a session in the box at connect is counted there and at disconnect (qpsmtpd's)
    check(100 <= connects <= 200, "connects %d" % connects)
    note("100 parallel naughty sessions: %d naughty, %d connects" % (naughty, connects))


def t_kill9():
    # 40 naughty sessions at once, 20 of them killed with SIGKILL at random
    # moments (some in the middle of their disconnect update): the store is
    # still usable, nothing is counted twice, and a later update is exact.
    s = Site()
    procs = []
    for _ in range(40):
        p = s.popen(0)
        p.stdin.write("".join(l + "\r\n" for l in NAUGHTY).encode())
        p.stdin.flush()
        procs.append(p)
    killed = random.sample(procs, 20)
    for p in killed:
        time.sleep(random.random() * 0.01)
        p.kill()
    for p in procs:
        try:
            p.communicate(timeout=60)
        except subprocess.TimeoutExpired:
            for q in procs:
                q.kill()
            raise TestFailure("a session is stuck after the kills")
    _, log, _ = s.session(["QUIT"], 60)
    before = counts(log)[0]
    check(20 <= before <= 40, "naughty %d after 20 survivors of 40" % before)
    s.session(NAUGHTY, 61)
    _, log, _ = s.session(["QUIT"], 62)
    check(counts(log)[0] == before + 1, "after the kills, one more naughty session: %r" % (counts(log),))
    note("kill -9: %d naughty counted of 40 sessions, 20 killed" % before)


def t_store_missing():
    s = Site(karma="karma reject connect", store=False)
    out, log, rc = s.session(NAUGHTY, 0)
    check(rc == 0 and out[0].startswith("220 "), "store missing, greeting: %r" % out)
    check(re.search(r"plugin=karma store failure: .*; the client is let in", log), log)
    check(re.search(r"plugin=karma store failure: .*; the connection is not counted", log), log)
    out, _, _ = s.session(["QUIT"], 1)
    check(out[0].startswith("220 "), "store missing, the next session: %r" % out)


def main():
    run_test("karma: naughty connections go to the penalty box for penalty_days, then let in", t_penalty_box)
    run_test("karma: penalty_days in decimals, negative, the penalty box bonus", t_penalty_days_and_bonus)
    run_test("karma: reject naughty hands the penalty to the naughty plugin; reject 0 logs", t_reject_naughty)
    run_test("karma: one recipient for unknown clients; good karma or history lifts it", t_good_client)
    run_test("karma: IPv6 clients keyed by their /64", t_ipv6)
    run_test("karma: 100 parallel naughty sessions from one address count exactly 100", t_parallel)
    run_test("karma: sessions killed with SIGKILL leave a usable, exact store", t_kill9)
    if shutil.which("redis-server"):
        redis = Redis()
        try:
            run_test("karma on Redis (control/store_redis): 100 parallel naughty sessions count exactly 100",
                     lambda: t_parallel(redis))
        finally:
            redis.stop()
    else:
        run_test("karma on Redis", lambda: check(False, "redis-server is not installed (Debian: redis-server)"))
    run_test("karma: a missing store directory lets clients in, logged", t_store_missing)
    finish()


main()

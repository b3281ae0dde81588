#!/usr/bin/python3
# Fault injection: qmail-queue that exits with each code, crashes, hangs past the
# deadline (before or after reading), closes its stdin early, or is slow. The
# reply follows qmail-smtpd's table (reference/qmail.md 1.10): 250 only after
# exit 0 with every byte written; 11-40 permanent (554), the rest temporary (451).
# After each: the accounting, spool and process checks of flib.Server.clean().
import os
import sys
import time
sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from flib import Server, Session, check, run_test, finish, write_script, new_token

# code -> (reply code, enhanced code, text) as qmail-smtpd's qmail_close() says
KNOWN = {
    11: (554, "5.1.3", "envelope address too long for qq"),
    31: (554, "5.3.0", "mail server permanently rejected message"),
    51: (451, "4.3.0", "qq out of memory"),
    52: (451, "4.3.0", "qq timeout"),
    53: (451, "4.3.0", "qq write error or disk full"),
    54: (451, "4.3.0", "qq read error"),
    55: (451, "4.3.0", "qq unable to read configuration"),
    56: (451, "4.3.0", "qq trouble making network connection"),
    61: (451, "4.3.0", "qq trouble in home directory"),
    62: (451, "4.3.0", "qq trouble creating files in queue"),
    63: (451, "4.3.0", "qq trouble creating files in queue"),
    64: (451, "4.3.0", "qq trouble creating files in queue"),
    65: (451, "4.3.0", "qq trouble creating files in queue"),
    66: (451, "4.3.0", "qq trouble creating files in queue"),
    71: (451, "4.3.0", "mail server temporarily rejected message"),
    72: (451, "4.4.1", "connection to mail server timed out"),
    73: (451, "4.4.1", "connection to mail server rejected"),
    74: (451, "4.4.2", "communication with mail server failed"),
    81: (451, "4.3.0", "qq internal bug"),
    91: (451, "4.3.0", "qq internal bug"),
    115: (554, "5.1.3", "envelope address too long for qq"),
    120: (451, "4.3.0", "unable to exec qq"),
}


def expected(code):
    if code == 0:
        return (250, None, None)
    if code in KNOWN:
        return KNOWN[code]
    if 11 <= code <= 40:
        return (554, "5.3.0", "qq permanent problem")
    return (451, "4.3.0", "qq temporary problem")


def one_session(srv, size=0, want=None, within=None):
    """One message; checks the final reply against want (code, ecode, text)."""
    c = Session(srv.port)
    c.hello()
    t0 = time.time()
    code, lines = c.transaction("qq", size)
    took = time.time() - t0
    if want:
        wcode, ecode, text = want
        check(code == wcode, "reply %r, expected %d" % (lines, wcode))
        if ecode:
            check(lines[-1].startswith("%d %s %s" % (wcode, ecode, text)),
                  "reply %r, expected '%d %s %s'" % (lines, wcode, ecode, text))
    if within is not None:
        check(took <= within, "the reply took %.1fs, more than %gs" % (took, within))
    c.quit()
    return c, took


def exit_codes():
    # every code of the table, the edges of the permanent range, and others
    codes = [0] + sorted(KNOWN) + [1, 2, 10, 12, 40, 41, 99, 100, 111, 126, 127, 255]
    bad = []
    for code in codes:
        srv = Server("qq-exit-%d" % code, env={"QQ_EXIT": str(code)}).start()
        try:
            c, _ = one_session(srv, want=expected(code))
            srv.clean(c.accepted, statuses=0, count=1)
        except Exception as e:
            bad.append("exit %d: %s" % (code, e))
        finally:
            srv.stop()
    check(not bad, "; ".join(bad))


def exit_82():
    # exit 82: the reason comes from fd 6; "D" permanent, "Z" temporary, its own
    # "(#x.y.z)" as the enhanced code when the class agrees
    cases = [("Dno such mailbox here (#5.1.1)", (554, "5.1.1", "no such mailbox here")),
             ("Ztry again later (#4.3.5)", (451, "4.3.5", "try again later")),
             ("Dclass disagrees (#4.1.1)", (554, "5.3.0", "class disagrees (#4.1.1)"))]
    for text, want in cases:
        srv = Server("qq-82", env={"QQ_EXIT": "82", "QQ_FD6": text}).start()
        try:
            c, _ = one_session(srv, want=want)
            srv.clean(c.accepted, statuses=0, count=1)
        finally:
            srv.stop()


def crash():
    # SIGKILL after reading everything: nothing recorded, 451 qq crashed
    srv = Server("qq-crash", env={"QQ_KILL": "1"}).start()
    c, _ = one_session(srv, want=(451, "4.3.0", "qq crashed"))
    srv.clean(c.accepted, statuses=0, count=1)
    srv.stop()


def crash_before_reading():
    # dies of SIGSEGV at once, before reading a 1 MB message: the write gets
    # EPIPE, the status says signal: 451 qq crashed
    srv = Server("qq-crash-early")
    srv.env["QMAILQUEUE"] = write_script(srv, "qq-segv", "#!/bin/sh\nkill -SEGV $$\n")
    srv.start()
    c, _ = one_session(srv, size=1 << 20, want=(451, "4.3.0", "qq crashed"))
    srv.clean(c.accepted, statuses=0, count=1)
    srv.stop()


def hang_after_reading():
    # reads everything, then never exits: the plugin waits timeoutsmtpd (2 s) for
    # fd 6, kills it and answers 451 qq timeout; no 250, nothing queued, no
    # qmail-queue left running
    srv = Server("qq-hang", control={"timeoutsmtpd": "2"}, env={"QQ_HANG": "1"}).start()
    c, took = one_session(srv, want=(451, "4.3.0", "qq timeout"), within=8)
    check(took >= 1.5, "451 after %.1fs: before the deadline of 2s" % took)
    srv.clean(c.accepted, statuses=0, count=1)
    srv.stop()


def hang_before_reading():
    # never reads: the message (1 MB, more than a pipe holds) cannot be written;
    # after timeoutsmtpd the plugin kills it: 451 qq timeout
    srv = Server("qq-hang-noread", control={"timeoutsmtpd": "2"})
    srv.env["QMAILQUEUE"] = write_script(srv, "qq-sleep", "#!/bin/sh\nexec sleep 60\n")
    srv.start()
    c, took = one_session(srv, size=1 << 20, want=(451, "4.3.0", "qq timeout"), within=10)
    srv.clean(c.accepted, statuses=0, count=1)
    srv.stop()


def close_early(n, size):
    def test():
        # the double closes fd 0 after n octets and exits 53: the plugin's write
        # gets EPIPE (SIGPIPE is ignored: no death by signal) -> 451
        srv = Server("qq-close-early", env={"QQ_CLOSE_EARLY": str(n)}).start()
        c, _ = one_session(srv, size=size, want=(451, "4.3.0", "qq write error or disk full"))
        srv.clean(c.accepted, statuses=0, count=1)
        srv.stop()
    return test


def exits_without_reading():
    # a queue program that exits 53 at once, before reading a large message
    srv = Server("qq-exit-at-once")
    srv.env["QMAILQUEUE"] = write_script(srv, "qq-53", "#!/bin/sh\nexit 53\n")
    srv.start()
    c, _ = one_session(srv, size=1 << 20, want=(451, "4.3.0", "qq write error or disk full"))
    srv.clean(c.accepted, statuses=0, count=1)
    srv.stop()


def slow_but_in_time():
    # 1 s to exit with a 3 s deadline: 250
    srv = Server("qq-slow", control={"timeoutsmtpd": "3"}, env={"QQ_SLEEP": "1"}).start()
    c, took = one_session(srv, want=(250, None, None))
    check(took >= 0.9, "250 after %.1fs, before the double's sleep ended" % took)
    srv.clean(c.accepted, statuses=0, count=1)
    srv.stop()


def big_accepted():
    # the reference case: a 1 MB message (spooled to disk) is accepted and queued
    srv = Server("qq-big").start()
    c, _ = one_session(srv, size=1 << 20, want=(250, None, None))
    srv.clean(c.accepted, statuses=0, count=1)
    q = srv.queued()
    check(len(q) == 1 and len(q[0][0]) > 1000000, "queued %r octets" % [len(m) for m, _ in q])
    srv.stop()


def several_in_one_session():
    # failures do not leak into the next transaction: 451, then 250, then 451
    srv = Server("qq-mixed")
    flag = os.path.join(srv.dir, "fail")
    srv.env["QMAILQUEUE"] = write_script(
        srv, "qq-flip", "#!/bin/sh\nif [ -e %s ] ; then QQ_EXIT=71 ; export QQ_EXIT ; fi\nexec %s\n" % (flag, srv.env["QMAILQUEUE"]))
    srv.start()
    c = Session(srv.port)
    c.hello()
    want = []
    for i, fail in enumerate([True, False, True, False]):
        if fail:
            open(flag, "w").close()
        elif os.path.exists(flag):
            os.unlink(flag)
        code, lines = c.transaction("mixed%d" % i, size=(1 << 17) * (i % 2))
        want.append(451 if fail else 250)
        check(code == want[-1], "transaction %d: %r, expected %d" % (i, lines, want[-1]))
    c.quit()
    srv.clean(c.accepted, statuses=0, count=1)
    check(len(c.accepted) == 2, "accepted %r" % c.accepted)
    srv.stop()


run_test("fault/qmail-queue: each exit code gives qmail-smtpd's reply, 250 only for 0", exit_codes)
run_test("fault/qmail-queue: exit 82 with the fd 6 text", exit_82)
run_test("fault/qmail-queue: killed by a signal -> 451 qq crashed", crash)
run_test("fault/qmail-queue: killed by a signal before reading 1 MB -> 451 qq crashed", crash_before_reading)
run_test("fault/qmail-queue: hangs after reading -> 451 qq timeout at the deadline", hang_after_reading)
run_test("fault/qmail-queue: never reads a 1 MB message -> 451 qq timeout", hang_before_reading)
run_test("fault/qmail-queue: closes stdin at once (small message)", close_early(0, 0))
run_test("fault/qmail-queue: closes stdin after 1000 octets of 1 MB", close_early(1000, 1 << 20))
run_test("fault/qmail-queue: exits 53 before reading 1 MB", exits_without_reading)
run_test("fault/qmail-queue: slow but within the deadline -> 250", slow_but_in_time)
run_test("fault/qmail-queue: 1 MB through the spool -> 250, queued once", big_accepted)
run_test("fault/qmail-queue: failed and good transactions in one session", several_in_one_session)
finish()

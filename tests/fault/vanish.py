#!/usr/bin/python3
# Fault injection: the client vanishes at every state of a session, with a FIN
# (close) or a reset (SO_LINGER 0). Spec (spec-core.md, Invocation and DATA):
# EOF in command state exits 0; EOF in the middle of DATA exits 111 with nothing
# queued; a reset is an I/O error: 111 wherever it comes. In every case nothing
# is queued, spool/ stays empty and no process is left (flib.Server.clean()).
import os
import sys
import time
sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from flib import Server, Session, check, run_test, finish, message, new_token, describe

BIG = 256 * 1024     # larger than the 64 KiB buffer: the body is in the spool file


def upto(state):
    """A function driving a session to state; returns (its name, the exit on FIN)."""
    def greeting(c):
        c.expect(220, "greeting")

    def ehlo(c):
        c.hello()

    def mail(c):
        c.hello()
        c.cmd("MAIL FROM:<a@b.test>", 250)

    def rcpt(c):
        c.hello()
        c.envelope()

    def data(c):
        rcpt(c)
        c.cmd("DATA", 354)

    def partial(cut):
        def f(c):
            data(c)
            c.send(cut(message(new_token("vanish"), BIG)))
        return f

    table = {
        "after the greeting": (greeting, 0),
        "after EHLO": (ehlo, 0),
        "after MAIL": (mail, 0),
        "after RCPT": (rcpt, 0),
        "in the middle of a command line": (lambda c: (c.hello(), c.send(b"MAIL FROM:<a@b"))[0], 0),
        "after DATA's 354": (data, 111),
        "in the middle of the header": (partial(lambda m: m[:20]), 111),
        "in the middle of the body (spooled)": (partial(lambda m: m[:len(m) // 2]), 111),
        "right before the final dot": (partial(lambda m: m), 111),
        "after the dot, before its CRLF": (partial(lambda m: m + b"."), 111),
        "after the dot and CR": (partial(lambda m: m + b".\r"), 111),
        "with all of it pipelined but the dot":
            (lambda c: (c.hello(), c.send(b"MAIL FROM:<a@b.test>\r\nRCPT TO:<u@example.test>\r\nDATA\r\n"
                                          + message(new_token("pipe"), BIG))), 111),
    }
    return table[state]


STATES = ["after the greeting", "after EHLO", "after MAIL", "after RCPT",
          "in the middle of a command line", "after DATA's 354", "in the middle of the header",
          "in the middle of the body (spooled)", "right before the final dot",
          "after the dot, before its CRLF", "after the dot and CR",
          "with all of it pipelined but the dot"]


def scenario(reset):
    def test():
        srv = Server("vanish-rst" if reset else "vanish").start()
        bad = []
        for k, state in enumerate(STATES):
            drive, fin_exit = upto(state)
            want = 111 if reset else fin_exit
            c = Session(srv.port)
            try:
                drive(c)
                time.sleep(0.05)    # let the server reach its read
            finally:
                c.reset() if reset else c.close()
            st = srv.wait_sessions(timeout=15, count=k + 1)
            pid = list(st)[-1]
            if st[pid] != want << 8:
                bad.append("%s: %s, expected exit %d" % (state, describe(st[pid]), want))
        check(not bad, "; ".join(bad))
        srv.clean([], count=len(STATES))
        srv.stop()
    return test


run_test("fault/vanish: the client closes at each of %d states" % len(STATES), scenario(False))
run_test("fault/vanish: the client resets at each of %d states" % len(STATES), scenario(True))
finish()

#!/usr/bin/python3
# Fault injection: an extremely slow client, one byte per second, with
# timeoutsmtpd 2. The deadline is per read (spec-core.md: "timeoutsmtpd seconds
# on any read or write"), not per command or message: a command and a body
# trickling in over several seconds are accepted, and the message is queued. The
# control: one gap longer than the deadline gets 421 4.4.2 and exit 111, with
# nothing queued. Both run side by side to save time.
import os
import sys
import threading
import time
sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from flib import Server, Session, check, run_test, finish, message, new_token, describe

TIMEOUT = 2


def trickle(c, data, gap=1.0):
    for i in range(len(data)):
        c.send(data[i:i + 1])
        time.sleep(gap)


def slow_session(srv, result):
    try:
        c = Session(srv.port, timeout=30)
        c.expect(220, "greeting")
        t0 = time.time()
        trickle(c, b"EHLO")                           # 4 s into one command line
        c.send(b" a\r\n")
        check(c.reply()[0] == 250, "EHLO")
        c.envelope()
        c.cmd("DATA", 354)
        t = new_token("slow")
        m = message(t)
        trickle(c, m[:2])                             # header and body, a byte a second
        c.send(m[2:-8])
        trickle(c, m[-8:-5])
        c.send(m[-5:] + b".\r\n")                     # then a normal end
        code, lines = c.reply()
        check(code == 250, "after the slow body: %r" % lines)
        c.accepted.append(t)
        took = time.time() - t0
        check(took > 4 * TIMEOUT, "the session took only %.1fs" % took)
        c.quit()
        result.append(c.accepted)
    except Exception as e:
        result.append(e)


def one_gap_too_long(srv, result):
    try:
        c = Session(srv.port, timeout=30)
        c.hello()
        c.envelope()
        c.cmd("DATA", 354)
        c.send(message(new_token("gap"))[:30])
        t0 = time.time()
        code, lines = c.reply()                       # no more bytes: the deadline
        waited = time.time() - t0
        check(code == 421 and lines[-1].startswith("421 4.4.2"), "got %r, expected 421 4.4.2" % lines)
        check(TIMEOUT - 0.5 <= waited <= TIMEOUT + 3, "421 after %.1fs, deadline %ds" % (waited, TIMEOUT))
        check(c.eof(), "the connection stayed open after 421")
        result.append([])
    except Exception as e:
        result.append(e)


def test():
    # mindatarate 0: this is the per-read deadline alone (the data-rate floor
    # would cut a byte a second: tests/integration/slowclients.py)
    slow = Server("slow", control={"timeoutsmtpd": str(TIMEOUT), "mindatarate": "0\n"}).start()
    gap = Server("slow-gap", control={"timeoutsmtpd": str(TIMEOUT), "mindatarate": "0\n"}).start()
    r1, r2 = [], []
    threads = [threading.Thread(target=slow_session, args=(slow, r1), daemon=True),
               threading.Thread(target=one_gap_too_long, args=(gap, r2), daemon=True)]
    for th in threads:
        th.start()
    for th in threads:
        th.join(90)
    check(r1 and r2, "a client thread hung")
    for r in (r1[0], r2[0]):
        if isinstance(r, Exception):
            raise r
    slow.clean(r1[0], statuses=0, count=1)
    gap.clean([], statuses=111, count=1)
    slow.stop()
    gap.stop()


run_test("fault/slow: a byte a second (timeoutsmtpd %d) is accepted; one longer gap is 421" % TIMEOUT, test)
finish()

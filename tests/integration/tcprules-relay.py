#!/usr/bin/python3
# (g) RELAYCLIENT set by a tcprules cdb (127.0.0.1:allow,RELAYCLIENT="") and
# `tcpserver -x rules.cdb` lets a foreign recipient through; the same server
# without -x refuses it.
import os
import sys
sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from itlib import Server, Client, check, run_test, finish

RULES = '127.0.0.1:allow,RELAYCLIENT=""\n:allow\n'


def session(srv, code):
    c = Client(srv.port)
    c.expect(220, "greeting")
    c.cmd("HELO client.example", 250)
    c.cmd("MAIL FROM:<a@b.test>", 250)
    c.cmd("RCPT TO:<x@foreign.test>", code)
    if code == 250:
        c.cmd("DATA", 354)
        c.send("Subject: relayed\r\n\r\nx\r\n.\r\n")
        c.expect(250, "end of data")
    c.cmd("QUIT", 221)
    c.close()
    srv.wait_sessions()


def test_with_rules():
    srv = Server("tcprules", rules=RULES, env={"QQ_ENVLOG": "1"}).start()
    session(srv, 250)
    q = srv.queued()
    check(len(q) == 1, "%d queued" % len(q))
    check(q[0][1] == b"Fa@b.test\0Tx@foreign.test\0\0", "envelope %r" % q[0][1])
    info = srv.infos()
    check(info and "RELAYCLIENT=\n" in info[0], "queue child did not see RELAYCLIENT: %r" % info)


def test_without_rules():
    srv = Server("norules").start()
    session(srv, 550)
    check(srv.queued() == [], "queued")


run_test("integration/tcprules-relay: RELAYCLIENT from rules.cdb relays", test_with_rules)
run_test("integration/tcprules-relay: no rules, foreign recipient refused", test_without_rules)
finish()

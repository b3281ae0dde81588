#!/usr/bin/python3
# (f) a morercpthosts.cdb built with tinycdb's `cdb -c -m` is honoured by rcpt_ok
# (control/rcpthosts exists too, as qmail requires).
import os
import sys
sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from itlib import Server, Client, check, run_test, finish


def test():
    srv = Server("morercpthosts", control={"rcpthosts": ["example.test"]},
                 cdb={"morercpthosts.cdb": ["more.example.test", "other.example.net"]}).start()
    c = Client(srv.port)
    c.expect(220, "greeting")
    c.cmd("HELO client.example", 250)
    c.cmd("MAIL FROM:<a@b.test>", 250)
    c.cmd("RCPT TO:<u@example.test>", 250)
    c.cmd("RCPT TO:<v@more.example.test>", 250)
    c.cmd("RCPT TO:<w@OTHER.example.net>", 250)
    c.cmd("RCPT TO:<x@not.listed.test>", 550)
    c.cmd("RCPT TO:<y@sub.more.example.test>", 550)
    c.cmd("DATA", 354)
    c.send("Subject: more\r\n\r\nx\r\n.\r\n")
    c.expect(250, "end of data")
    c.cmd("QUIT", 221)
    c.close()
    srv.wait_sessions()
    q = srv.queued()
    check(len(q) == 1, "%d queued" % len(q))
    check(q[0][1] == b"Fa@b.test\0Tu@example.test\0Tv@more.example.test\0Tw@OTHER.example.net\0\0",
          "envelope %r" % q[0][1])


run_test("integration/morercpthosts: cdb -c -m map accepted by rcpt_ok", test)
finish()

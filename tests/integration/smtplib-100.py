#!/usr/bin/python3
# (b) 100 messages in one session with Python's smtplib (which does not pipeline),
# then 100 transactions pipelined in one write by a raw client.
import os
import smtplib
import sys
sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from itlib import Server, Client, check, run_test, finish, strip_received


def test_smtplib():
    srv = Server("smtplib100").start()
    s = smtplib.SMTP("127.0.0.1", srv.port, local_hostname="client.example", timeout=30)
    code, _ = s.ehlo()
    check(code == 250, "EHLO %d" % code)
    check(s.has_extn("pipelining"), "PIPELINING not advertised")
    for i in range(100):
        msg = "Subject: message %d\r\n\r\nbody of message %d\r\n.dot line\r\n" % (i, i)
        refused = s.sendmail("a@b.test", ["u%d@example.test" % i], msg)
        check(not refused, "message %d: refused %r" % (i, refused))
    s.quit()
    srv.wait_sessions()
    q = srv.queued()
    check(len(q) == 100, "%d queued, expected 100" % len(q))
    for i, (msg, env) in enumerate(q):
        check(env == b"Fa@b.test\0Tu%d@example.test\0\0" % i, "envelope %d: %r" % (i, env))
        check(strip_received(msg) == b"Subject: message %d\n\nbody of message %d\n.dot line\n" % (i, i),
              "message %d: %r" % (i, msg[-120:]))
    check(srv.leftovers() == [], "left behind: %r" % srv.leftovers())
    srv.stop()


def test_pipelined():
    srv = Server("pipeline100").start()
    c = Client(srv.port)
    c.expect(220, "greeting")
    c.cmd("EHLO client.example", 250)
    data = b""
    for i in range(100):
        data += (b"MAIL FROM:<s%d@b.test>\r\nRCPT TO:<u%d@example.test>\r\nDATA\r\n" % (i, i)
                 + b"Subject: pipelined %d\r\n\r\n..body %d\r\n.\r\n" % (i, i))
    data += b"QUIT\r\n"
    c.send(data)
    for i in range(100):
        for code, what in ((250, "MAIL"), (250, "RCPT"), (354, "DATA"), (250, "end of data")):
            c.expect(code, "transaction %d %s" % (i, what))
    c.expect(221, "QUIT")
    check(c.eof(), "connection not closed after QUIT")
    c.close()
    srv.wait_sessions()
    q = srv.queued()
    check(len(q) == 100, "%d queued, expected 100" % len(q))
    for i, (msg, env) in enumerate(q):
        check(env == b"Fs%d@b.test\0Tu%d@example.test\0\0" % (i, i), "envelope %d: %r" % (i, env))
        check(strip_received(msg) == b"Subject: pipelined %d\n\n.body %d\n" % (i, i), "message %d: %r" % (i, msg))
    srv.stop()


run_test("integration/smtplib-100: 100 messages in one smtplib session", test_smtplib)
run_test("integration/smtplib-100: 100 transactions pipelined in one write", test_pipelined)
finish()

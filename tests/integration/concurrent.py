#!/usr/bin/python3
# (d) 20 concurrent clients (threads), one message each: all 250, 20 queued.
import os
import smtplib
import sys
import threading
sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from itlib import Server, check, run_test, finish, strip_received

N = 20


def test():
    srv = Server("concurrent").start()
    barrier = threading.Barrier(N)
    results = [None] * N

    def client(i):
        try:
            s = smtplib.SMTP("127.0.0.1", srv.port, local_hostname="c%d.example" % i, timeout=60)
            barrier.wait(30)
            s.ehlo("c%d.example" % i)
            s.mail("s%d@b.test" % i)
            code, _ = s.rcpt("u%d@example.test" % i)
            if code != 250:
                results[i] = "RCPT %d" % code
                return
            code, text = s.data(b"Subject: concurrent %d\r\n\r\nhello from %d\r\n" % (i, i))
            results[i] = code if code != 250 else 250
            s.quit()
        except Exception as e:
            results[i] = "%s: %s" % (type(e).__name__, e)

    threads = [threading.Thread(target=client, args=(i,), daemon=True) for i in range(N)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    check(all(not t.is_alive() for t in threads), "some clients hung")
    bad = [(i, r) for i, r in enumerate(results) if r != 250]
    check(not bad, "clients without 250: %r" % bad)
    srv.wait_sessions(count=N)
    q = srv.queued()
    check(len(q) == N, "%d queued, expected %d" % (len(q), N))
    got = sorted(env for _, env in q)
    want = sorted(b"Fs%d@b.test\0Tu%d@example.test\0\0" % (i, i) for i in range(N))
    check(got == want, "envelopes differ: %r" % got)
    for msg, env in q:
        i = int(env.split(b"@")[0][2:])
        check(strip_received(msg) == b"Subject: concurrent %d\n\nhello from %d\n" % (i, i), "message %d" % i)
    st = srv.sessions()
    check(len(st) == N and all(v == 0 for v in st.values()), "session statuses %r" % st)


run_test("integration/concurrent: 20 clients at once", test)
finish()

#!/usr/bin/python3
# Slow clients under real tcpserver (issue 9): timeoutsmtpd bounds each read,
# so a client that keeps sending a little never times out; timeoutsession
# bounds the whole connection and mindatarate the average rate in DATA.
# Each trips with 421 4.4.2 and a log line naming the limit, and nothing is
# queued.
import os
import re
import sys
import time
sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from itlib import Server, Client, check, run_test, finish


def t_timeoutsession():
    srv = Server("slow-session", control={"timeoutsession": "3\n", "timeoutsmtpd": "60\n"}).start()
    c = Client(srv.port, timeout=20)
    t0 = time.time()
    c.expect(220)
    code = None
    while time.time() - t0 < 15:
        c.send("NOOP\r\n")
        code, lines = c.reply()
        if code != 250:
            break
        time.sleep(0.5)
    check(code == 421 and "4.4.2" in lines[0], "a client busy with NOOPs: %r" % ((code, lines),))
    check(time.time() - t0 < 6, "cut off after %.1f s with timeoutsession 3" % (time.time() - t0))
    srv.wait_sessions()
    check(re.search(r"reached timeoutsession", srv.log()), "no log line naming the limit: " + srv.log()[-400:])


def t_mindatarate():
    srv = Server("slow-datarate", control={"mindatarate": "1000\n", "timeoutsmtpd": "2\n"}).start()
    c = Client(srv.port, timeout=20)
    c.expect(220)
    c.cmd("HELO trickle.example", 250)
    c.cmd("MAIL FROM:<a@b.test>", 250)
    c.cmd("RCPT TO:<postmaster>", 250)
    c.cmd("DATA", 354)
    t0 = time.time()
    code, lines = None, []
    c.sock.settimeout(0.2)
    while time.time() - t0 < 15:
        try:
            c.sock.sendall(b"0123456789")   # 10 octets a second
        except OSError:
            break
        try:
            data = c.sock.recv(4096)
        except OSError:
            data = b""
        if data:
            c.buf += data
            break
        time.sleep(0.8)
    c.sock.settimeout(10)
    code, lines = c.reply()
    check(code == 421 and "Data rate too low" in lines[0], "a trickling client: %r" % ((code, lines),))
    check(time.time() - t0 < 8, "cut off after %.1f s" % (time.time() - t0))
    srv.wait_sessions()
    check(not srv.queued(), "something was queued")
    check(re.search(r"below mindatarate", srv.log()), "no log line naming the limit: " + srv.log()[-400:])


def t_honest_defaults():
    # the defaults (timeoutsession 10800, mindatarate 512) leave a 1 MB
    # message sent in 64 kB pieces alone
    srv = Server("slow-honest").start()
    c = Client(srv.port, timeout=30)
    c.expect(220)
    c.cmd("HELO honest.example", 250)
    c.cmd("MAIL FROM:<a@b.test>", 250)
    c.cmd("RCPT TO:<postmaster>", 250)
    c.cmd("DATA", 354)
    line = b"x" * 998 + b"\r\n"
    for _ in range(16):
        c.send(line * 64)
    c.send(".\r\n")
    c.expect(250, "end of data")
    c.cmd("QUIT", 221)
    srv.wait_sessions()
    check(len(srv.queued()) == 1, "not queued")


def main():
    run_test("slow: timeoutsession 3 cuts a client busy with NOOPs: 421 4.4.2, logged", t_timeoutsession)
    run_test("slow: mindatarate 1000 cuts a 10 octet/s DATA after timeoutsmtpd: 421 4.4.2, nothing queued", t_mindatarate)
    run_test("slow: the defaults leave an honest sender alone", t_honest_defaults)
    finish()


if __name__ == "__main__":
    main()

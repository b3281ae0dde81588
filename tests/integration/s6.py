#!/usr/bin/python3
# The integration and fault suites' core scenarios under the real s6-tcpserver and
# s6-tcpserver-access (not only tcpserver), with the per-client rules as a directory
# (s6-tcpserver-access -i rules/): a relay client by IP (env/RELAYCLIENT) relays and a
# stranger does not; env/DATABYTES limits the size (552 over it); a `deny` rule
# refuses the connection before any greeting; TCPREMOTEIP/TCPLOCALIP as s6-tcpserver
# sets them, seen by qmail-queue and in the Received line; a client vanishing in the
# middle of DATA; timeoutsmtpd; pipelining; each message checked byte for byte as the
# qmail-queue double recorded it. Clients connect from several loopback addresses
# (127.0.0.1 to 127.0.0.4) so that one rules directory gives each its own rule.
# s6-networking is built once by s6lib (SKIP when its tarballs or build deps are
# missing).
import os
import re
import sys
import time
sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from itlib import check, run_test, finish, strip_received, dot_stuff_crlf  # noqa: E402
import s6lib  # noqa: E402
from s6lib import S6Server, Client  # noqa: E402

NAME = "integration/s6"
BIN = None
RULES = [
    ("ip4/127.0.0.1_32", "allow", {"RELAYCLIENT": ""}),
    ("ip4/127.0.0.2_32", "allow", {}),
    ("ip4/127.0.0.3_32", "deny", {}),
    ("ip4/127.0.0.4_32", "allow", {"DATABYTES": "1000"}),
]
ENVLOG = "1,TCPLOCALIP,TCPLOCALPORT,TCPREMOTEPORT,TCPLOCALHOST,PROTO,DATABYTES"
RECEIVED = (r"Received: from client\.example \(unknown \[%s\]\)\n\tby mx\.example\.test \(qcsmtpd [^)]+\) "
            r"with ESMTP; \w\w\w, \d\d \w\w\w \d{4} \d\d:\d\d:\d\d \+0000\n")


def server(name, control=None, env=None):
    e = {"QQ_ENVLOG": ENVLOG}
    e.update(env or {})
    return S6Server(name, BIN, rules=RULES, control=control, env=e).start()


def session_ok(c, rcpt, body_lines, code_rcpt=250):
    c.expect(220, "greeting")
    c.cmd("EHLO client.example", 250)
    c.cmd("MAIL FROM:<a@b.test>", 250)
    c.cmd("RCPT TO:<%s>" % rcpt, code_rcpt)


def t_relay_by_ip():
    srv = server("s6-relay")
    body = [b"Subject: relayed under s6", b"", b"one line", b".starts with a dot"]
    c = Client(srv.port, "127.0.0.1")
    session_ok(c, "u@elsewhere.test", body)
    c.cmd("DATA", 354)
    c.send(dot_stuff_crlf(body))
    l = c.expect(250, "end of DATA")
    check(re.match(r"250 2\.0\.0 Queued! \d+ qp \d+", l[0]), "250 text: %r" % l)
    c.cmd("QUIT", 221)
    c.close()
    # a stranger: allowed to connect, not to relay
    s = Client(srv.port, "127.0.0.2")
    s.expect(220)
    s.cmd("EHLO client.example", 250)
    s.cmd("MAIL FROM:<a@b.test>", 250)
    l = s.cmd("RCPT TO:<u@elsewhere.test>", 550)
    check(l == ["550 5.7.1 Relaying denied"], "stranger's RCPT: %r" % l)
    s.cmd("RCPT TO:<u@example.test>", 250)   # but local mail is fine
    s.cmd("QUIT", 221)
    s.close()
    srv.wait_sessions(count=2)
    q = srv.queued()
    check(len(q) == 1, "%d messages queued, expected 1" % len(q))
    msg, env = q[0]
    check(re.match(RECEIVED % r"127\.0\.0\.1", msg.decode("latin-1")), "Received: %r" % msg[:300])
    check(strip_received(msg) == b"Subject: relayed under s6\n\none line\n.starts with a dot\n",
          "queued bytes: %r" % msg)
    check(env == b"Fa@b.test\0Tu@elsewhere.test\0\0", "envelope %r" % env)
    info = "".join(srv.infos())
    for want in ("RELAYCLIENT=", "TCPREMOTEIP=127.0.0.1", "TCPLOCALIP=127.0.0.1",
                 "TCPLOCALPORT=%d" % srv.port, "TCPLOCALHOST=0", "PROTO=TCP", "DATABYTES unset"):
        check(re.search("^%s$" % re.escape(want), info, re.M), "qmail-queue's env lacks %s: %s" % (want, info))
    check(re.search(r"^TCPREMOTEPORT=\d+$", info, re.M), "no TCPREMOTEPORT: " + info)
    st = srv.sessions()
    check(sorted(st.values()) == [0, 0], "session statuses %r" % st)


def t_databytes():
    srv = server("s6-databytes")
    c = Client(srv.port, "127.0.0.4")
    c.expect(220)
    l = c.cmd("EHLO client.example", 250)
    check("250-SIZE 1000" in l, "EHLO does not say SIZE 1000: %r" % l)
    l = c.cmd("MAIL FROM:<a@b.test> SIZE=1001", 552)
    check(l[0].startswith("552 5.3.4 "), "MAIL SIZE= over DATABYTES: %r" % l)
    c.cmd("MAIL FROM:<a@b.test>", 250)
    c.cmd("RCPT TO:<u@example.test>", 250)
    c.cmd("DATA", 354)
    c.send(dot_stuff_crlf([b"Subject: big", b""] + [b"x" * 70] * 20))
    l = c.expect(552, "DATA over DATABYTES")
    check(l[0].startswith("552 5.3.4 "), "552 text: %r" % l)
    # a message under the limit still goes through on the same connection
    c.cmd("MAIL FROM:<a@b.test>", 250)
    c.cmd("RCPT TO:<u@example.test>", 250)
    c.cmd("DATA", 354)
    c.send(dot_stuff_crlf([b"Subject: small", b"", b"fits"]))
    c.expect(250, "small message")
    c.cmd("QUIT", 221)
    c.close()
    srv.wait_sessions(count=1)
    q = srv.queued()
    check(len(q) == 1 and strip_received(q[0][0]) == b"Subject: small\n\nfits\n", "queued: %r" % q)
    check(re.search(r"^DATABYTES=1000$", "".join(srv.infos()), re.M), "qmail-queue's DATABYTES: %r" % srv.infos())


def t_deny():
    srv = server("s6-deny")
    c = Client(srv.port, "127.0.0.3", timeout=10)
    check(c.eof(10), "a denied client's connection stayed open")
    check(c.buf == b"", "a denied client got bytes: %r" % c.buf)
    c.close()
    # nobody listed (127.0.0.5) is denied too: -H, no DNS rule to fall back on
    d = Client(srv.port, "127.0.0.5", timeout=10)
    check(d.eof(10) and d.buf == b"", "an unlisted client got %r" % d.buf)
    d.close()
    st = srv.wait_sessions(count=2)
    check(sorted(st.values()) == [1 << 8, 1 << 8], "s6-tcpserver-access should exit 1: %r" % st)
    log = srv.log()
    check(re.search(r"s6-tcpserver-access: info: deny pid \d+ ip 127\.0\.0\.3", log), "log: " + log[-500:])
    check(not re.search(r"qcsmtpd|qp \d+", log), "qcsmtpd ran for a denied client: " + log[-500:])
    check(srv.queued() == [], "something was queued")


def t_stranger_received():
    # TCPREMOTEIP of another address reaches Received and qmail-queue
    srv = server("s6-received")
    c = Client(srv.port, "127.0.0.2")
    session_ok(c, "u@example.test", None)
    c.cmd("DATA", 354)
    c.send(dot_stuff_crlf([b"Subject: from .2", b"", b"hi"]))
    c.expect(250)
    c.cmd("QUIT", 221)
    c.close()
    srv.wait_sessions(count=1)
    q = srv.queued()
    check(len(q) == 1, "%d queued" % len(q))
    check(re.match(RECEIVED % r"127\.0\.0\.2", q[0][0].decode("latin-1")), "Received: %r" % q[0][0][:300])
    info = "".join(srv.infos())
    check(re.search(r"^TCPREMOTEIP=127\.0\.0\.2$", info, re.M) and re.search(r"^RELAYCLIENT unset$", info, re.M),
          "qmail-queue's env: " + info)


def t_vanish_mid_data():
    srv = server("s6-vanish")
    c = Client(srv.port, "127.0.0.1")
    session_ok(c, "u@example.test", None)
    c.cmd("DATA", 354)
    c.send(b"Subject: cut\r\n\r\nhalf a mess")
    time.sleep(0.2)
    c.close()
    st = srv.wait_sessions(count=1)
    check(list(st.values()) == [111 << 8], "session status %r, expected exit 111" % st)
    check(srv.queued() == [], "a vanished client's message was queued")
    check(srv.leftovers() == [], "left behind: %r" % srv.leftovers())


def t_timeout():
    srv = server("s6-timeout", control={"timeoutsmtpd": "1"})
    c = Client(srv.port, "127.0.0.1")
    c.expect(220)
    c.cmd("EHLO client.example", 250)
    t0 = time.time()
    code, l = c.reply()
    waited = time.time() - t0
    check(code == 421 and l[-1].startswith("421 4.4.2 "), "after the deadline: %r" % l)
    check(0.5 <= waited <= 4, "421 after %.1fs, timeoutsmtpd 1" % waited)
    check(c.eof(5), "the connection stayed open after 421")
    st = srv.wait_sessions(count=1)
    check(list(st.values()) == [111 << 8], "session status %r, expected exit 111" % st)


def t_pipelining():
    srv = server("s6-pipelining")
    c = Client(srv.port, "127.0.0.1")
    c.expect(220)
    l = c.cmd("EHLO client.example", 250)
    check("250-PIPELINING" in l, "no PIPELINING: %r" % l)
    # the whole transaction, two of them, in one write
    one = dot_stuff_crlf([b"Subject: p1", b"", b"first"])
    two = dot_stuff_crlf([b"Subject: p2", b"", b"second"])
    c.send(b"MAIL FROM:<a@b.test>\r\nRCPT TO:<u@elsewhere.test>\r\nRCPT TO:<v@example.test>\r\nDATA\r\n" + one
           + b"MAIL FROM:<c@d.test>\r\nRCPT TO:<w@example.test>\r\nDATA\r\n" + two + b"QUIT\r\n")
    codes = [c.reply()[0] for _ in range(10)]
    check(codes == [250, 250, 250, 354, 250, 250, 250, 354, 250, 221], "replies %r" % codes)
    check(c.eof(5), "no close after QUIT")
    srv.wait_sessions(count=1)
    q = srv.queued()
    check([strip_received(m) for m, e in q] == [b"Subject: p1\n\nfirst\n", b"Subject: p2\n\nsecond\n"],
          "queued: %r" % q)
    check([e for m, e in q] == [b"Fa@b.test\0Tu@elsewhere.test\0Tv@example.test\0\0",
                                b"Fc@d.test\0Tw@example.test\0\0"], "envelopes: %r" % [e for m, e in q])


def main():
    global BIN
    BIN = s6lib.setup(NAME)
    run_test("s6: a RELAYCLIENT rule relays, a stranger gets 550; the message, envelope and env checked", t_relay_by_ip)
    run_test("s6: a DATABYTES rule: SIZE 1000 offered, 552 over it, a small message queued", t_databytes)
    run_test("s6: a deny rule (and no rule) closes the connection before any greeting", t_deny)
    run_test("s6: TCPREMOTEIP 127.0.0.2 in Received and qmail-queue's env, no RELAYCLIENT", t_stranger_received)
    run_test("s6: a client vanishing in the middle of DATA: exit 111, nothing queued", t_vanish_mid_data)
    run_test("s6: timeoutsmtpd 1: 421 4.4.2 and exit 111", t_timeout)
    run_test("s6: two pipelined transactions in one write", t_pipelining)
    finish()


main()

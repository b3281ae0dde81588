#!/usr/bin/python3
# The milter plugin (issue 13, the interface in doc/plugins/milter) black-box:
# SMTP sessions through tcpserver and qcsmtpd with `milter NAME SOCKET ...`
# lines in control/plugins, against
#  - a scripted Python milter (milterlib.py, first proven against opendkim's
#    miltertest): every answer at every stage, every modification at end of
#    message, the macros and stages it saw, skipped and unanswered stages,
#    SETSYMLIST, several milters in a row, and the faults (refused, reset in
#    the middle of the message, hanging past the deadline, garbage, oversized
#    and truncated packets, an action it did not negotiate) under each
#    default_action;
#  - the real milters: rspamd 3.4's proxy worker (started once, ~15 s),
#    clamav-milter in front of clamd with a home-made EICAR database, and
#    opendkim signing, as first, second and third milter; the queued
#    message verifies with dkimpy. A missing daemon is a failure naming the
#    Debian package.
#
# A header field over libmilter's 64 KiB of packet data is cut to fit and
# logged (t_big_header, and clamav-milter's case), never a fault: a longer
# packet made clamav-milter and opendkim reset the connection.
#
# Every daemon runs on 127.0.0.1 at a free port, or in a temporary directory,
# and is stopped by PID at the end, also on failure. MILTER_ONLY=REGEX runs
# the tests whose names match.
import os
import re
import subprocess
import sys
import tempfile
import threading
import time
sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from itlib import EICAR, Server, Client, TestFailure, check, finish, run_test, strip_received, tmpbase
from milterlib import (Milter, Script, refused_port, SMFIF_ADDHDRS, SMFIP_NOBODY, SMFIP_NOEOH, SMFIP_NOHDRS,
                       SMFIP_NOHELO, SMFIP_NR_MAIL, SMFIP_NR_RCPT, SMFIP_NR_HDR, SMFIP_NR_CONN, SMFIP_NR_BODY,
                       SMFIP_SKIP, SMFIP_HDR_LEADSPC)
import milterpeers
from milterpeers import GTUBE

TAIL = ["rcpt_ok", "queue/qmail-queue"]
HEADERS = [("From", "Alice <alice@sender.test>"), ("To", "Carol <carol@example.test>"),
           ("Subject", "lunch on friday"), ("Date", "Sat, 05 Dec 2026 10:00:00 +0000"),
           ("Message-ID", "<m1.qc@sender.test>"), ("X-Drop", "remove me"), ("Subject", "second subject")]
BODY = [b"Hi Carol,", b"", b".a line that starts with a dot", b"shall we meet at noon?", b"", b"Alice"]
TEMPFAIL = re.compile(r"451 4\.7\.1 ")
REJECT = re.compile(r"550 5\.7\.1 ")


def message(headers=HEADERS, body=BODY):
    """the message as lines of bytes (no dot-stuffing, no CRLF)"""
    return [("%s: %s" % hv).encode() for hv in headers] + [b""] + list(body)


def wire(lines):
    return b"".join((b"." + l if l.startswith(b".") else l) + b"\r\n" for l in lines) + b".\r\n"


def server(name, milters, control=None, tail=TAIL):
    """milters: the argument strings of each milter line (NAME SOCKET ...):
    the first instance is `milter`, the next ones `milter:2`, `milter:3`"""
    lines = [("milter" if i == 0 else "milter:%d" % (i + 1)) + " " + m for i, m in enumerate(milters)]
    ctl = {"loglevel": "6"}
    ctl.update(control or {})
    return Server(name, control=ctl, plugins=lines + list(tail)).start()


class Session:
    """One SMTP session; every reply is kept as (command, code, text lines).
    A refused MAIL/RCPT/DATA skips what depends on it."""

    def __init__(self, srv, timeout=60, greeting=220):
        self.srv = srv
        self.c = Client(srv.port, timeout=timeout)
        self.port = self.c.sock.getsockname()[1]
        self.replies = []
        code, lines = self.log_reply("greeting", *self.c.reply())
        if greeting and code != greeting:
            self.c.close()
            srv.wait_sessions(timeout=30)
            raise TestFailure("greeting %r\n%s" % (lines, srv.log()[-1500:]))

    def log_reply(self, cmd, code, lines):
        self.replies.append((cmd, code, lines))
        return code, lines

    def cmd(self, line):
        self.c.send(line + "\r\n")
        return self.log_reply(line.split(":")[0].split(" ")[0], *self.c.reply())

    def transaction(self, rcpts=("carol@example.test",), sender="alice@sender.test", msg=None, params=""):
        """MAIL, RCPTs, DATA, the message: the reply to the final dot, or
        the first refusal that stopped the transaction"""
        code, lines = self.cmd("MAIL FROM:<%s>%s" % (sender, params))
        if code != 250:
            return code, lines
        ok = 0
        for r in rcpts:
            code, lines = self.cmd("RCPT TO:<%s>" % r)
            ok += code == 250
        if not ok:
            self.cmd("RSET")
            return code, lines
        code, lines = self.cmd("DATA")
        if code != 354:
            return code, lines
        self.c.send(wire(msg if msg is not None else message()))
        return self.log_reply("dot", *self.c.reply())

    def quit(self):
        try:
            self.cmd("QUIT")
        except (TestFailure, OSError):
            pass
        self.c.close()
        self.srv.wait_sessions(timeout=30)

    def codes(self):
        return [(c, code) for c, code, _ in self.replies]


def one(srv, **kw):
    """a whole session with HELO and one transaction: (session, final reply line)"""
    s = Session(srv)
    s.cmd("HELO client.example")
    code, lines = s.transaction(**kw)
    s.quit()
    return s, lines[-1]


def envelope(env):
    """qmail-queue's envelope: (sender, [recipients])"""
    check(env.startswith(b"F") and env.endswith(b"\0\0"), "envelope %r" % env)
    parts = env[:-1].split(b"\0")[:-1]
    return parts[0][1:].decode(), [p[1:].decode() for p in parts[1:]]


def header_fields(msg):
    """the header fields of a queued message (LF or CRLF), unfolded: [(name, value)]"""
    head = msg.replace(b"\r\n", b"\n").split(b"\n\n", 1)[0].decode("latin-1")
    out = []
    for l in head.split("\n"):
        if l[:1] in (" ", "\t") and out:
            out[-1] = (out[-1][0], out[-1][1] + "\n" + l)
        else:
            k, _, v = l.partition(":")
            out.append((k, v[1:] if v.startswith(" ") else v))
    return out


def body_of(msg):
    return msg.replace(b"\r\n", b"\n").split(b"\n\n", 1)[1]


def queued_one(srv):
    q = srv.queued()
    check(len(q) == 1, "%d messages queued, expected 1\n%s" % (len(q), srv.log()[-1500:]))
    return q[0][0], envelope(q[0][1])


def nothing_queued(srv, what):
    check(not srv.queued(), "%s: a message was queued\n%s" % (what, srv.log()[-1500:]))


def log_has(srv, pattern, what):
    check(re.search(pattern, srv.log(), re.M), "%s: no log line /%s/ in:\n%s" % (what, pattern, srv.log()[-2000:]))


def with_milter(script, fn, unix=False, ipv6=False):
    # a unix socket path has at most 107 octets: a short directory of its own
    d = tempfile.mkdtemp(prefix="qcm.", dir="/tmp") if unix else None
    m = Milter(script, unix=os.path.join(d, "m.sock") if d else None, ipv6=ipv6)
    try:
        return fn(m)
    finally:
        m.stop()
        if d:
            os.rmdir(d)


# ---------------------------------------------------------------- the library

LUA_ALL = r'''local function fail(why)
  mt.echo("FAILED: " .. why)
  error(why)
end
local conn = mt.connect("inet:%(port)d@127.0.0.1")
if conn == nil then fail("connect") end
if mt.negotiate(conn, nil, nil, nil) ~= nil then fail("negotiate") end
if not mt.test_action(conn, SMFIF_ADDHDRS) then fail("ADDHDRS not asked") end
mt.macro(conn, SMFIC_CONNECT, "j", "mx.example.test", "{client_addr}", "192.0.2.7")
if mt.conninfo(conn, "client.example", "192.0.2.7") ~= nil then fail("conninfo") end
if mt.getreply(conn) ~= SMFIR_CONTINUE then fail("connect reply") end
mt.helo(conn, "client.example")
mt.mailfrom(conn, "<a@sender.example>", "SIZE=100")
mt.rcptto(conn, "<bad@example.test>")
if mt.getreply(conn) ~= SMFIR_REPLYCODE then fail("rcpt replycode") end
mt.rcptto(conn, "<u@example.test>")
if mt.getreply(conn) ~= SMFIR_CONTINUE then fail("rcpt continue") end
mt.data(conn)
mt.header(conn, "Subject", "hello")
mt.eoh(conn)
mt.bodystring(conn, "line one\r\nline two\r\n")
if mt.eom(conn) ~= nil then fail("eom") end
if not mt.eom_check(conn, MT_HDRADD, "X-Test", "yes") then fail("hdradd") end
if not mt.eom_check(conn, MT_HDRINSERT, "X-Top", "first", 0) then fail("hdrinsert") end
if not mt.eom_check(conn, MT_HDRDELETE, "Subject") then fail("hdrdelete") end
if not mt.eom_check(conn, MT_BODYCHANGE, "new body\r\nnew body\r\nnew body\r\n") then fail("body") end
if not mt.eom_check(conn, MT_RCPTADD, "<new@example.test>") then fail("rcptadd") end
if not mt.eom_check(conn, MT_RCPTDELETE, "<u@example.test>") then fail("rcptdelete") end
if not mt.eom_check(conn, MT_QUARANTINE, "looks odd") then fail("quarantine") end
if mt.getreply(conn) ~= SMFIR_CONTINUE then fail("eom reply") end
mt.disconnect(conn)
mt.echo("script done")
'''

LUA_NR = r'''local function fail(why)
  mt.echo("FAILED: " .. why)
  error(why)
end
local conn = mt.connect("inet:%(port)d@127.0.0.1")
if conn == nil then fail("connect") end
if mt.negotiate(conn, nil, nil, nil) ~= nil then fail("negotiate") end
if not mt.test_option(conn, SMFIP_NOHELO) then fail("NOHELO not asked") end
if not mt.test_option(conn, SMFIP_NR_RCPT) then fail("NR_RCPT not asked") end
if mt.conninfo(conn, "client.example", "192.0.2.7") ~= nil then fail("conninfo") end
mt.mailfrom(conn, "<a@sender.example>")
if mt.getreply(conn) ~= SMFIR_TEMPFAIL then fail("mail tempfail") end
mt.disconnect(conn)
mt.echo("script done")
'''


def miltertest(script, lua):
    def run(m):
        d = tempfile.mkdtemp(prefix="miltertest.", dir=tmpbase())
        path = os.path.join(d, "t.lua")
        with open(path, "w") as f:
            f.write(lua % {"port": m.port})
        r = subprocess.run(["miltertest", "-s", path], capture_output=True, text=True, timeout=60)
        check(r.returncode == 0 and "script done" in r.stdout,
              "miltertest: %d %s %s" % (r.returncode, r.stdout, r.stderr))
        return m.wait_closed()
    return with_milter(script, run)


def t_library():
    """milterlib against opendkim's miltertest (the MTA side of libmilter's
    peers): every modification is seen as meant; NR/NO flags honoured"""
    check(os.access("/usr/bin/miltertest", os.X_OK), "miltertest is missing: apt-get install miltertest")
    sc = Script(answers={"rcpt": lambda c, s, v: ("replycode", "550 5.1.1 no such user") if "bad" in v[0]
                         else "continue"},
                mods=[("addheader", "X-Test", "yes"), ("insheader", 0, "X-Top", "first"),
                      ("chgheader", 1, "Subject", ""), ("replbody", b"new body\r\n" * 3, 1),
                      ("addrcpt", "<new@example.test>"), ("delrcpt", "<u@example.test>"),
                      ("chgfrom", "<other@example.test>")],
                eom_answer=("quarantine", "looks odd"), symlist={"connect": "j {client_addr}"})
    cs = miltertest(sc, LUA_ALL)
    check(len(cs) == 1 and not cs[0].errors, "errors: %r" % [c.errors for c in cs])
    c = cs[0]
    check(c.stages() == ["optneg", "connect", "helo", "mail", "rcpt", "rcpt", "data", "header", "eoh", "body",
                         "eom", "quit"], c.stages())
    check(c.macros("connect") == {"j": "mx.example.test", "{client_addr}": "192.0.2.7"}, c.macros("connect"))
    check(c.values("connect")[0][1:] == ("4", 12345, "192.0.2.7") or c.values("connect")[0][3] == "192.0.2.7",
          c.values("connect"))
    check(c.values("mail") == [["<a@sender.example>", "SIZE=100"]], c.values("mail"))
    check(c.body() == b"line one\r\nline two\r\n", c.body())
    sc = Script(protocol=SMFIP_NOHELO | SMFIP_NR_RCPT, answers={"mail": "tempfail"})
    cs = miltertest(sc, LUA_NR)
    check(cs[0].stages() == ["optneg", "connect", "mail", "quit"] and not cs[0].errors,
          (cs[0].stages(), cs[0].errors))


# ------------------------------------------------------ what the milter sees

def t_stages_macros():
    """stages, macros, headers and the body (CRLF, dot-unstuffed) as the milter
    saw them; ABORT after RSET; QUIT at the end"""
    def run(m):
        srv = server("milter-stages", ["py %s" % m.addr])
        s = Session(srv)
        s.cmd("EHLO client.example")
        code, lines = s.transaction(rcpts=("carol@example.test", "dave@example.test"))
        check(code == 250, "message: %r" % lines)
        s.cmd("MAIL FROM:<bob@other.test>")
        s.cmd("RCPT TO:<carol@example.test>")
        s.cmd("RSET")
        port = s.port
        s.quit()
        cs = m.wait_closed()
        check(len(cs) == 1, "%d milter connections for one SMTP session" % len(cs))
        c = cs[0]
        check(not c.errors, c.errors)
        st = c.stages()
        # the first transaction in full, then the second one aborted, then QUIT
        check(st[:3] == ["optneg", "connect", "helo"], st)
        rest = [x for x in st[3:] if x != "data"]
        expect = ["mail", "rcpt", "rcpt"] + ["header"] * rest.count("header") + ["eoh"]
        check(rest[:len(expect)] == expect, st)
        rest = rest[len(expect):]
        nb = 0
        while rest and rest[0] == "body":
            nb += 1
            rest.pop(0)
        check(nb >= 1, "no body chunk: %r" % st)
        check(rest[0] == "eom", st)
        rest = rest[1:]
        if rest[:1] == ["abort"]:
            rest = rest[1:]         # an ABORT after a finished message is harmless
        check(rest == ["mail", "rcpt", "abort", "quit"], "after the message: %r (all: %r)" % (rest, st))
        if "data" in st:
            check(st[st.index("data") - 1] == "rcpt", "DATA not after the last RCPT: %r" % st)
        # connection facts
        host, fam, cport, addr = c.values("connect")[0]
        check(fam == "4" and addr == "127.0.0.1" and cport == port, "connect: %r (client port %d)" % (
            c.values("connect")[0], port))
        mc = c.macros("connect")
        for k in ("j", "{daemon_name}", "{if_addr}", "{client_addr}", "{client_port}", "_"):
            check(k in mc, "connect macro %s missing: %r" % (k, mc))
        check(mc["j"] == "mx.example.test" and mc["{client_addr}"] == "127.0.0.1" and
              mc["{client_port}"] == str(port) and mc["{if_addr}"] == "127.0.0.1", "connect macros %r" % mc)
        check(c.values("helo") == ["client.example"], c.values("helo"))
        mails = c.values("mail")
        check(mails[0][0] == "<alice@sender.test>" and mails[1][0] == "<bob@other.test>", mails)
        check(c.values("rcpt")[:2] == [["<carol@example.test>"], ["<dave@example.test>"]], c.values("rcpt"))
        # macros per stage: the last packet before the stage
        mm = [v[1] for s_, v in c.events if s_ == "macro" and v[0] == "M"]
        check(mm and mm[0].get("{mail_addr}") == "alice@sender.test" and mm[0].get("i"), "mail macros %r" % mm)
        for k in ("{mail_host}", "{mail_mailer}"):
            check(k in mm[0], "mail macro %s missing: %r" % (k, mm[0]))
        rm = [v[1] for s_, v in c.events if s_ == "macro" and v[0] == "R"]
        check([r.get("{rcpt_addr}") for r in rm[:2]] == ["carol@example.test", "dave@example.test"],
              "rcpt macros %r" % rm)
        em = c.macros("eom")
        check(em.get("i") == mm[0]["i"], "eom macro i %r, mail's %r" % (em, mm[0]))
        check(mm[1].get("i") and mm[1]["i"] != mm[0]["i"], "the second transaction has the same i: %r" % mm)
        # the headers the client sent, in order, values without the space
        # after the colon (no HDR_LEADSPC asked)
        hs = c.headers()
        sub = [h for h in hs if h in HEADERS]
        check(sub == HEADERS, "headers seen: %r" % hs)
        body = b"".join(l + b"\r\n" for l in BODY)
        check(c.body() == body, "body seen: %r" % c.body())
        msg, (sender, rcpts) = queued_one(srv)
        check(sender == "alice@sender.test" and rcpts == ["carol@example.test", "dave@example.test"],
              (sender, rcpts))
        srv.stop()
    with_milter(Script(), run)


def t_tls_macros():
    """after STARTTLS the second EHLO's HELO stage carries {tls_version},
    {cipher} and {cipher_bits}; the first (clear text) carries none"""
    import ssl
    from itlib import make_certs
    d = os.path.join(tmpbase(), "milter-certs")
    if not os.path.exists(os.path.join(d, "servercert.pem")):
        make_certs(d)

    def run(m):
        srv = server("milter-tls", ["py %s" % m.addr], control={"servercert.pem": open(os.path.join(d, "servercert.pem")).read()},
                     tail=["tls"] + list(TAIL))
        s = Session(srv)
        s.cmd("EHLO client.example")
        code, _ = s.cmd("STARTTLS")
        check(code == 220, "STARTTLS: %r" % s.replies[-1:])
        ctx = ssl.create_default_context(cafile=os.path.join(d, "ca.crt"))
        s.c.sock = ctx.wrap_socket(s.c.sock, server_hostname="localhost")
        s.cmd("EHLO client.example")
        code, lines = s.transaction()
        check(code == 250, "message over TLS: %r" % lines)
        s.quit()
        c = m.wait_closed()[0]
        check(not c.errors, c.errors)
        # the HELO stage twice; its macros (all TLS ones) only before the second
        ev = [(st, v) for st, v in c.events if st == "helo" or (st == "macro" and v[0] == "H")]
        check([st for st, _ in ev] == ["helo", "macro", "helo"], "HELO stages and macro packets: %r" % ev)
        tls = {k.strip("{}"): v for k, v in ev[1][1][1].items()}
        check(tls.get("tls_version") == "TLSv1.2", "tls_version: %r" % tls)
        check(re.match(r"^ECDHE-(RSA|ECDSA)-[A-Z0-9-]+$", tls.get("cipher", "")), "cipher: %r" % tls)
        bits = "256" if ("AES256" in tls["cipher"] or "CHACHA20" in tls["cipher"]) else "128"
        check(tls.get("cipher_bits") == bits, "cipher_bits %r for %r" % (tls.get("cipher_bits"), tls["cipher"]))
        srv.stop()
    with_milter(Script(), run)


def t_auth_macros():
    """after AUTH, the MAIL macros {auth_type} and {auth_authen}; every
    recipient refused by the milter, then RSET: ABORT"""
    def run(m):
        srv = server("milter-auth", ["py %s" % m.addr], tail=["auth/auth_flat_file"] + TAIL,
                     control={"flat_auth_pw": "good@example.com:good_pass", "tls_before_auth": "0"})
        s = Session(srv)
        s.cmd("EHLO client.example")
        code, lines = s.cmd("AUTH PLAIN AGdvb2RAZXhhbXBsZS5jb20AZ29vZF9wYXNz")
        check(code == 235, "AUTH: %r" % lines)
        code, lines = s.transaction()
        check(code == 250, lines)
        s.cmd("MAIL FROM:<bob@other.test>")
        code, lines = s.cmd("RCPT TO:<nobody@example.test>")
        check(REJECT.match(lines[-1]), "RCPT refused by the milter: %r" % lines)
        s.cmd("RSET")
        s.quit()
        c = m.wait_closed()[0]
        mm = [v[1] for s_, v in c.events if s_ == "macro" and v[0] == "M"]
        check(mm[0].get("{auth_type}") == "PLAIN" and mm[0].get("{auth_authen}") == "good@example.com",
              "MAIL macros after AUTH: %r" % mm[0])
        st = c.stages()
        check(st[-4:] == ["mail", "rcpt", "abort", "quit"], "after a refused RCPT and RSET: %r" % st)
        srv.stop()
    with_milter(Script(answers={"rcpt": lambda c, s_, v: "reject" if "nobody" in v[0] else "continue"}), run)


def t_pipelining_parallel():
    """a pipelined transaction (RFC 2920) with a recipient the milter refuses;
    five sessions at once, each with its own milter connection"""
    def ans(c, stage, v):
        return "reject" if "bad@" in v[0] else "continue"

    def run(m):
        srv = server("milter-pipe", ["py %s" % m.addr])
        s = Session(srv)
        s.cmd("EHLO client.example")
        s.c.send("MAIL FROM:<alice@sender.test>\r\nRCPT TO:<bad@example.test>\r\nRCPT TO:<carol@example.test>\r\n"
                 "DATA\r\n")
        codes = [s.c.reply()[0] for _ in range(4)]
        check(codes == [250, 550, 250, 354], "pipelined replies %r" % codes)
        s.c.send(wire(message()))
        code, lines = s.c.reply()
        check(code == 250, lines)
        s.quit()
        _, (sender, rcpts) = queued_one(srv)
        check(rcpts == ["carol@example.test"], rcpts)
        # five at once
        errs = []

        def client():
            try:
                s2, last = one(srv)
                if not last.startswith("250 "):
                    errs.append(last)
            except Exception as e:
                errs.append(repr(e))
        ts = [threading.Thread(target=client) for _ in range(5)]
        for t in ts:
            t.start()
        for t in ts:
            t.join(60)
        check(not errs, errs)
        check(len(srv.queued()) == 6, "queued %d of 6" % len(srv.queued()))
        cs = m.wait_closed(count=6)
        check(len(cs) == 6 and all(c.stages().count("eom") == 1 and not c.errors for c in cs),
              [(c.stages(), c.errors) for c in cs])
        ids = {c.macros("eom").get("i") for c in cs}
        check(len(ids) == 6, "the transactions' i macros are not unique: %r" % ids)
        srv.stop()
    with_milter(Script(answers={"rcpt": ans}), run)


def t_unix_socket():
    """unix:/path, local:/path and /path reach the same milter"""
    def run(m):
        path = m.unix
        for spec in ("unix:" + path, "local:" + path, path):
            srv = server("milter-unix", ["py %s" % spec])
            s, last = one(srv)
            check(last.startswith("250 "), "%s: %r\n%s" % (spec, last, srv.log()[-1000:]))
            srv.stop()
        check(len([c for c in m.conns if "eom" in c.stages()]) == 3, [c.stages() for c in m.conns])
    with_milter(Script(mods=[("addheader", "X-Unix", "yes")]), run, unix=True)


def t_socket_forms():
    """inet:PORT@HOST, inet:HOST:PORT, localhost:PORT all reach the milter;
    a host name is a configuration error"""
    def run(m):
        for spec in ("inet:%d@127.0.0.1" % m.port, "inet:127.0.0.1:%d" % m.port, "localhost:%d" % m.port,
                     "[127.0.0.1]:%d" % m.port):
            srv = server("milter-forms", ["py %s" % spec])
            s, last = one(srv)
            check(last.startswith("250 "), "%s: %r\n%s" % (spec, last, srv.log()[-1000:]))
            msg, _ = queued_one(srv)
            check(b"\nX-Form: yes\n" in msg.replace(b"\r\n", b"\n"), "%s: header missing" % spec)
            srv.stop()
        srv = server("milter-name", ["py mail.example.test:%d" % m.port])
        s = Session(srv, greeting=None)
        check(s.replies[0][1] == 421 and "configuration error" in s.replies[0][2][0], s.replies)
        s.c.close()
        srv.stop()
    with_milter(Script(mods=[("addheader", "X-Form", "yes")]), run)


def t_ipv6():
    """[::1]:PORT (qpsmtpd's form) and inet6:PORT@::1 (sendmail's)"""
    def run(m):
        for spec in ("[::1]:%d" % m.port, "inet6:%d@::1" % m.port, "inet6:%d@[::1]" % m.port):
            srv = server("milter-ipv6", ["py %s" % spec])
            s, last = one(srv)
            check(last.startswith("250 "), "%s: %r\n%s" % (spec, last, srv.log()[-1000:]))
            msg, _ = queued_one(srv)
            check(("X-Six", "yes") in header_fields(msg), "%s: header missing" % spec)
            srv.stop()
    with_milter(Script(mods=[("addheader", "X-Six", "yes")]), run, ipv6=True)


def t_skipped():
    """stages the milter asked to skip (NOHELO, NOHDRS, NOEOH, NOBODY) are not
    sent; unanswered ones (NR_MAIL, NR_RCPT, NR_HDR) are sent and not waited for"""
    def run(m):
        srv = server("milter-skip", ["py %s command_timeout 2 content_timeout 2" % m.addr])
        t0 = time.time()
        s, last = one(srv)
        check(last.startswith("250 "), "%r\n%s" % (last, srv.log()[-1500:]))
        check(time.time() - t0 < 4, "the unanswered stages were waited for (%.1f s)" % (time.time() - t0))
        c = m.wait_closed()[0]
        check(not c.errors, c.errors)
        st = c.stages()
        for x in ("helo", "header", "eoh", "body"):
            check(x not in st, "%s sent though skipped: %r" % (x, st))
        for x in ("mail", "rcpt", "eom"):
            check(x in st, "%s not sent: %r" % (x, st))
        srv.stop()
    with_milter(Script(protocol=SMFIP_NOHELO | SMFIP_NOHDRS | SMFIP_NOEOH | SMFIP_NOBODY | SMFIP_NR_MAIL |
                       SMFIP_NR_RCPT), run)
    # headers sent but not answered, body not answered, connect not answered
    def run2(m):
        srv = server("milter-nr", ["py %s command_timeout 2 content_timeout 2" % m.addr])
        t0 = time.time()
        s, last = one(srv)
        check(last.startswith("250 ") and time.time() - t0 < 4, "%r %.1f s" % (last, time.time() - t0))
        c = m.wait_closed()[0]
        check(not c.errors and c.headers() and c.body(), (c.errors, c.stages()))
        srv.stop()
    with_milter(Script(protocol=SMFIP_NR_HDR | SMFIP_NR_BODY | SMFIP_NR_CONN), run2)


def t_symlist():
    """the macro lists of SETSYMLIST: only the names asked for at each stage"""
    def run(m):
        srv = server("milter-symlist", ["py %s" % m.addr])
        s, last = one(srv)
        check(last.startswith("250 "), last)
        c = m.wait_closed()[0]
        check(c.macros("connect") == {"{client_addr}": "127.0.0.1"}, "connect: %r" % c.macros("connect"))
        mm = c.macros("mail")
        check(set(mm) == {"{mail_addr}", "i"} and mm["{mail_addr}"] == "alice@sender.test", "mail: %r" % mm)
        check(set(c.macros("rcpt")) <= {"{rcpt_addr}"}, "rcpt: %r" % c.macros("rcpt"))
        srv.stop()
    with_milter(Script(symlist={"connect": "{client_addr}", "mail": "{mail_addr} i", "rcpt": "{rcpt_addr}"}),
                run)


# -------------------------------------------------------------- the answers

def refused_at(s, cls):
    """the first reply of the class (4 or 5) after the greeting"""
    for cmd, code, lines in s.replies[1:]:
        if code // 100 == cls:
            return cmd, lines
    return None, None


def t_answers_early():
    """reject at connect and tempfail at HELO: later commands refused, QUIT
    works; reject at MAIL 550 5.7.1; tempfail and a reply code at RCPT"""
    cases = [("connect", "reject", 5, REJECT), ("helo", "tempfail", 4, TEMPFAIL), ("mail", "reject", 5, REJECT),
             ("rcpt", "tempfail", 4, TEMPFAIL), ("rcpt", ("replycode", "554 5.7.1 you are not welcome"), 5,
                                                re.compile(r"554 5\.7\.1 you are not welcome$"))]
    for stage, ans, cls, rx in cases:
        def run(m):
            srv = server("milter-early", ["py %s" % m.addr])
            s, last = one(srv)
            cmd, lines = refused_at(s, cls)
            check(lines and rx.match(lines[-1]), "%s %r: replies %r" % (stage, ans, s.codes()))
            check(s.replies[-1][1] == 221, "QUIT: %r" % (s.replies[-1],))
            nothing_queued(srv, "%s %r" % (stage, ans))
            if stage in ("connect", "helo"):
                check(cmd in ("HELO", "MAIL"), "refused first at %s" % cmd)
                # every later command but QUIT is refused
                mails = [r for r in s.replies if r[0] == "MAIL"]
                check(mails and mails[0][1] // 100 == cls, "MAIL after a %s %r: %r" % (stage, ans, mails))
            else:
                check(cmd == {"mail": "MAIL", "rcpt": "RCPT"}[stage], "refused at %s" % cmd)
            srv.stop()
        with_milter(Script(answers={stage: ans}), run)


def t_rcpt_per_address():
    """a reply code for one recipient only: the other is kept"""
    def ans(c, stage, v):
        return ("replycode", "550 5.1.1 <bad@example.test> no such user") if "bad@" in v[0] else "continue"

    def run(m):
        srv = server("milter-rcpt", ["py %s" % m.addr])
        s, last = one(srv, rcpts=("bad@example.test", "carol@example.test"))
        r = [x for x in s.replies if x[0] == "RCPT"]
        check(r[0][2] == ["550 5.1.1 <bad@example.test> no such user"] and r[1][1] == 250, r)
        check(last.startswith("250 "), last)
        _, (sender, rcpts) = queued_one(srv)
        check(rcpts == ["carol@example.test"], rcpts)
        srv.stop()
    with_milter(Script(answers={"rcpt": ans}), run)


def t_answers_eom():
    """end of message: reject, tempfail, a reply code, discard, quarantine
    (refused without quarantine_to), and a reply code of the wrong class"""
    cases = [("reject", REJECT, ""), ("tempfail", TEMPFAIL, ""),
             (("replycode", "554 5.7.1 Gtube pattern"), re.compile(r"554 5\.7\.1 Gtube pattern$"), ""),
             (("replycode", "421 4.7.0 come back later"), re.compile(r"421 4\.7\.0 come back later$"), ""),
             ("discard", re.compile(r"550 5\.7\.1 message discarded by milter py$"), ""),
             (("quarantine", "looks odd"), re.compile(r"550 5\.7\.1 message quarantined by milter py: looks odd$"),
              ""),
             # a 2xx code is no refusal: a protocol error, so default_action
             (("replycode", "250 2.0.0 fine"), TEMPFAIL, "")]
    for ans, rx, extra in cases:
        def run(m):
            srv = server("milter-eom", ["py %s%s" % (m.addr, extra)])
            s, last = one(srv)
            check(rx.match(last), "%r: %r\n%s" % (ans, last, srv.log()[-1500:]))
            nothing_queued(srv, repr(ans))
            srv.stop()
        with_milter(Script(answers={"eom": ans}), run)


def t_answers_data():
    """a refusal at a header field, at end of header or at a body chunk is
    the reply to the message; after it the milter is sent no more of the
    message; a multi-line reply code keeps its lines"""
    cases = [("header", "reject", ["550 5.7.1 Command rejected by milter py"]),
             ("eoh", "tempfail", ["451 4.7.1 Command temporarily refused by milter py, try again later"]),
             ("body", ("replycode", "554-5.7.1 first line\r\n554 5.7.1 last line"),
              ["554-5.7.1 first line", "554 5.7.1 last line"]),
             ("data", ("replycode", "553 5.7.1 not today"), ["553 5.7.1 not today"])]
    for stage, ans, want in cases:
        def run(m):
            srv = server("milter-data", ["py %s" % m.addr])
            s = Session(srv)
            s.cmd("HELO client.example")
            code, lines = s.transaction()
            s.quit()
            check(lines == want, "%s %r: %r, expected %r\n%s" % (stage, ans, lines, want, srv.log()[-1500:]))
            nothing_queued(srv, "%s %r" % (stage, ans))
            st = m.wait_closed()[0].stages()
            check(st.count(stage) == 1 and "eom" not in st, "%s %r: the milter saw %r" % (stage, ans, st))
            srv.stop()
        with_milter(Script(answers={stage: ans}), run)


def t_skip_leadspc():
    """SMFIR_SKIP at the first body chunk (SMFIP_SKIP): no more chunks, end of
    message follows; HDR_LEADSPC: values with their blank as received, and an
    inserted value with its own blank stored without a second one"""
    big = [b"line %05d of a body longer than one milter chunk of 65535 octets" % i for i in range(3000)]

    def run(m):
        srv = server("milter-skip-body", ["py %s" % m.addr])
        s, last = one(srv, msg=message(headers=[("From", "Alice <alice@sender.test>"), ("Subject", "\tfolded start"),
                                                ("To", "carol@example.test")], body=big))
        check(last.startswith("250 "), "%r\n%s" % (last, srv.log()[-1500:]))
        c = m.wait_closed()[0]
        st = c.stages()
        check(st.count("body") == 1 and "eom" in st, "body chunks after SKIP: %r" % st)
        check(len(c.body()) <= 65535, "first chunk of %d octets" % len(c.body()))
        hs = c.headers()
        check(("From", " Alice <alice@sender.test>") in hs and ("Subject", " \tfolded start") in hs,
              "HDR_LEADSPC values: %r" % hs)
        msg, _ = queued_one(srv)
        check(b"\nX-Lead: with its own blank\n" in msg, "INSHEADER with HDR_LEADSPC: %r" % msg[:400])
        check(body_of(msg) == b"".join(l + b"\n" for l in big), "the body was changed")
        srv.stop()
    with_milter(Script(protocol=SMFIP_SKIP | SMFIP_HDR_LEADSPC, answers={"body": "skip"},
                       mods=[("insheader", 0, "X-Lead", " with its own blank")]), run)


def t_quarantine_to():
    """quarantine with quarantine_to: recipients replaced, X-Quarantine added"""
    def run(m):
        srv = server("milter-quarantine", ["py %s quarantine_to quarantine@example.test" % m.addr])
        s, last = one(srv, rcpts=("carol@example.test", "dave@example.test"))
        check(last.startswith("250 "), "%r\n%s" % (last, srv.log()[-1500:]))
        msg, (sender, rcpts) = queued_one(srv)
        check(rcpts == ["quarantine@example.test"], rcpts)
        check(("X-Quarantine", "py: looks odd") in header_fields(msg), header_fields(msg))
        srv.stop()
    with_milter(Script(answers={"eom": ("quarantine", "looks odd")}), run)


def t_accept():
    """SMFIR_ACCEPT at MAIL: the milter sees nothing more of that transaction,
    the message is queued; the next transaction is shown to it again"""
    def ans(c, stage, v):
        return "accept" if "alice" in v[0] else "continue"

    def run(m):
        srv = server("milter-accept", ["py %s" % m.addr])
        s = Session(srv)
        s.cmd("HELO client.example")
        code, lines = s.transaction()
        check(code == 250, lines)
        code, lines = s.transaction(sender="bob@other.test")
        check(code == 250, lines)
        s.quit()
        c = m.wait_closed()[0]
        st = [x for x in c.stages() if x not in ("abort", "data")]
        i = st.index("mail")
        check(st[i + 1] == "mail", "the milter saw more of an accepted transaction: %r" % st)
        check("eom" in st[i + 1:], "the next transaction was not shown: %r" % st)
        check(len(srv.queued()) == 2, "queued %d" % len(srv.queued()))
        srv.stop()
    with_milter(Script(answers={"mail": ans}), run)


def t_accept_connect_v2():
    """ACCEPT at connect: the milter is left out for the session (QUIT sent);
    a milter of protocol version 2 gets no SMFIC_DATA and works"""
    def run(m):
        srv = server("milter-accept-conn", ["py %s" % m.addr])
        s, last = one(srv)
        check(last.startswith("250 "), last)
        st = m.wait_closed()[0].stages()
        check(st == ["optneg", "connect", "quit"] or st == ["optneg", "connect"], "after ACCEPT at connect: %r" % st)
        msg, _ = queued_one(srv)
        check("X-Never" not in dict(header_fields(msg)), "a modification after ACCEPT at connect")
        srv.stop()
    with_milter(Script(answers={"connect": "accept"}, mods=[("addheader", "X-Never", "1")]), run)

    def run2(m):
        srv = server("milter-v2", ["py %s" % m.addr])
        s, last = one(srv)
        check(last.startswith("250 "), "%r\n%s" % (last, srv.log()[-1500:]))
        c = m.wait_closed()[0]
        check("data" not in c.stages() and "eom" in c.stages() and not c.errors, (c.stages(), c.errors))
        msg, _ = queued_one(srv)
        check(("X-V2", "old milter") in header_fields(msg), header_fields(msg))
        srv.stop()
    with_milter(Script(version=2, actions=SMFIF_ADDHDRS, mods=[("addheader", "X-V2", "old milter")]), run2)


def t_per_transaction():
    """the modifications of a refused message are forgotten and do not leak
    into the next transaction of the session; DISCARD at RCPT refuses the
    message at end of data"""
    def mods(c):
        if "<alice@sender.test>" in c.values("mail")[-1]:
            return [("addheader", "X-T1", "refused one"), ("chgfrom", "<evil@sender.test>"),
                    ("addrcpt", "<evil@example.test>")]
        return [("addheader", "X-T2", "second one")]

    def eom(c, stage, v):
        return "reject" if "<alice@sender.test>" in c.values("mail")[-1] else "continue"

    def run(m):
        srv = server("milter-txn", ["py %s" % m.addr])
        s = Session(srv)
        s.cmd("HELO client.example")
        code, lines = s.transaction()
        check(REJECT.match(lines[-1]), "first: %r" % lines)
        code, lines = s.transaction(sender="bob@other.test")
        check(code == 250, "second: %r" % lines)
        s.quit()
        msg, (sender, rcpts) = queued_one(srv)
        f = header_fields(msg)
        check(("X-T2", "second one") in f and "X-T1" not in dict(f), f)
        check(sender == "bob@other.test" and rcpts == ["carol@example.test"], (sender, rcpts))
        srv.stop()
    with_milter(Script(mods=mods, answers={"eom": eom}), run)

    def run2(m):
        srv = server("milter-discard-rcpt", ["py %s" % m.addr])
        s, last = one(srv)
        rc = [r for r in s.replies if r[0] == "RCPT"]
        check(rc[0][1] == 250 and last == "550 5.7.1 message discarded by milter py", (rc, last))
        nothing_queued(srv, "DISCARD at RCPT")
        srv.stop()
    with_milter(Script(answers={"rcpt": "discard"}), run2)


def t_progress():
    """SMFIR_PROGRESS restarts the deadline: 3 s of progress under
    content_timeout 2 passes; a late answer without progress is a timeout"""
    def run(m):
        srv = server("milter-progress", ["py %s content_timeout 2" % m.addr])
        s, last = one(srv)
        check(last.startswith("250 "), "%r\n%s" % (last, srv.log()[-1500:]))
        srv.stop()
    with_milter(Script(answers={"eom": ("progress", 3, 1.2, "continue")}), run)

    def run2(m):
        srv = server("milter-late", ["py %s content_timeout 2" % m.addr])
        t0 = time.time()
        s, last = one(srv)
        check(TEMPFAIL.match(last) and time.time() - t0 < 6, "%r after %.1f s" % (last, time.time() - t0))
        nothing_queued(srv, "late answer")
        srv.stop()
    with_milter(Script(answers={"eom": ("sleep", 4, "continue")}), run2)


# --------------------------------------------------------- the modifications

def t_modifications():
    """every modification at end of message reaches the queued message and
    envelope: ADDHEADER, INSHEADER (0 and 3), CHGHEADER (change the 2nd
    Subject, delete X-Drop), REPLBODY in 3 chunks (one boundary between a CR
    and its LF), CHGFROM (with ESMTP args), ADDRCPT, ADDRCPT_PAR, DELRCPT"""
    newbody = b"".join(b"replaced line %d\r\n" % i for i in range(200))
    k = newbody.index(b"\r\n") + 1
    chunks = [newbody[:k], newbody[k:1000], newbody[1000:]]
    # INSHEADER 3 first, then 0: whether indexes count the fields inserted
    # before or only the original ones, X-Third lands before Date
    mods = [("addheader", "X-Added", "added value"), ("insheader", 3, "X-Third", "inserted at 3"),
            ("insheader", 0, "X-First", "at the top"), ("chgheader", 2, "Subject", "changed subject"),
            ("chgheader", 1, "X-Drop", ""), ("replbody_chunks", chunks), ("chgfrom", "<new-sender@sender.test>",
                                                                         "SIZE=1000"),
            ("addrcpt", "<added@example.test>"), ("addrcpt_par", "<added2@example.test>", "NOTIFY=NEVER"),
            ("delrcpt", "<dave@example.test>")]

    def run(m):
        srv = server("milter-mods", ["py %s" % m.addr])
        s, last = one(srv, rcpts=("carol@example.test", "dave@example.test"))
        check(last.startswith("250 "), "%r\n%s" % (last, srv.log()[-1500:]))
        msg, (sender, rcpts) = queued_one(srv)
        check(sender == "new-sender@sender.test", "sender %r" % sender)
        check(sorted(rcpts) == ["added2@example.test", "added@example.test", "carol@example.test"], rcpts)
        fields = header_fields(strip_received(msg))
        names = [k for k, v in fields]
        want = list(HEADERS)
        want = [h for h in want if h[0] != "X-Drop"]
        want[want.index(("Subject", "second subject"))] = ("Subject", "changed subject")
        check(("X-Added", "added value") in fields, fields)
        check(fields[0] == ("X-First", "at the top"), "INSHEADER 0: %r" % fields[:3])
        check(fields[4] == ("X-Third", "inserted at 3"), "INSHEADER 3: %r" % fields[:6])
        rest = [f for f in fields if f[0] not in ("X-First", "X-Third", "X-Added")]
        check(rest == want, "headers after CHGHEADER: %r" % fields)
        check(names.index("X-Added") > names.index("Message-ID"), "ADDHEADER not at the end: %r" % names)
        check(body_of(msg) == newbody.replace(b"\r\n", b"\n"), "body: %r" % body_of(msg)[:200])
        log_has(srv, r"plugin=milter\S* .*SIZE=1000", "CHGFROM's ESMTP arguments are logged")
        srv.stop()
    with_milter(Script(mods=mods), run)


def t_header_edges():
    """values folded with CRLF or LF stored with LF; CHGHEADER past the last
    field of that name adds it; DELRCPT of no recipient is logged and
    harmless; an empty REPLBODY empties the body"""
    mods = [("addheader", "X-Fold-Crlf", "first\r\n\tsecond"), ("addheader", "X-Fold-Lf", "one\n two"),
            ("chgheader", 3, "Subject", "third subject"), ("delrcpt", "<nobody@example.test>"),
            ("replbody_chunks", [b""])]

    def run(m):
        srv = server("milter-hdr-edges", ["py %s" % m.addr])
        s, last = one(srv)
        check(last.startswith("250 "), "%r\n%s" % (last, srv.log()[-1500:]))
        msg, (sender, rcpts) = queued_one(srv)
        check(b"\nX-Fold-Crlf: first\n\tsecond\n" in msg and b"\nX-Fold-Lf: one\n two\n" in msg and b"\r" not in msg,
              "folded values: %r" % msg[:600])
        f = header_fields(msg)
        check([v for k, v in f if k == "Subject"] == ["lunch on friday", "second subject", "third subject"],
              "CHGHEADER past the last: %r" % f)
        check(rcpts == ["carol@example.test"], rcpts)
        log_has(srv, r"plugin=milter .*nobody@example\.test", "DELRCPT of no recipient")
        check(body_of(msg) == b"", "body after an empty REPLBODY: %r" % body_of(msg)[:100])
        srv.stop()
    with_milter(Script(mods=mods), run)


def t_bad_packets():
    """protocol errors that are well-formed packets: a modification outside end
    of message, a header name with a colon, a reply code whose enhanced code
    disagrees with its class, a control character in a reply text: each is
    451 with default_action tempfail, nothing queued, a log line"""
    cases = [("modification at a header", Script(answers={"header": ("raw", b"h", b"X-Early\0now\0")})),
             ("header name with a colon", Script(mods=[("addheader", "Bad:Name", "x")])),
             ("4xx code with a 5.x.x enhanced code", Script(answers={"eom": ("replycode", "451 5.7.1 mixed")})),
             ("control character in the text", Script(answers={"eom": ("replycode", "550 5.7.1 bell\x07 here")}))]
    for what, sc in cases:
        def run(m):
            srv = server("milter-badpkt", ["py %s" % m.addr])
            s, last = one(srv)
            check(TEMPFAIL.match(last), "%s: %r\n%s" % (what, last, srv.log()[-1500:]))
            nothing_queued(srv, what)
            log_has(srv, r"error plugin=milter error: milter py \(127\.0\.0\.1:\d+\) at .*default_action tempfail$",
                    what)
            srv.stop()
        with_milter(sc, run)


# a folded header field of about 100 KB
LONG_FIELD = "\r\n\t".join(" ".join("word%05d" % i for i in range(10000))[i:i + 70] for i in range(0, 99999, 70))


def t_big_header():
    """a header field of 100 KB from the client: no packet over libmilter's
    64 KiB limit reaches the milter, and the message is handled"""

    def run(m):
        srv = server("milter-bighdr", ["py %s" % m.addr])
        s, last = one(srv, msg=message(headers=HEADERS[:3] + [("X-Long", LONG_FIELD)]))
        c = m.wait_closed()[0]
        check(not c.errors, "%s; reply %r" % (c.errors, last))
        check(last.startswith("250 "), "reply %r" % last)
        log_has(srv, r"info plugin=milter milter py: a header field of \d+ octets cut to the milter protocol's 64 KiB$", "big field")
        srv.stop()
    with_milter(Script(), run)


def t_unnegotiated():
    """an action the milter did not ask for (CHGFROM with ADDHDRS only) is a
    protocol error: default_action tempfail, nothing queued, logged"""
    def run(m):
        srv = server("milter-unneg", ["py %s" % m.addr])
        s, last = one(srv)
        check(TEMPFAIL.match(last), "%r\n%s" % (last, srv.log()[-1500:]))
        nothing_queued(srv, "unnegotiated CHGFROM")
        log_has(srv, r"error plugin=milter error: milter py \(127\.0\.0\.1:\d+\) at end of message: a modification "
                     r"it did not ask for in negotiation; default_action tempfail$", "unnegotiated CHGFROM")
        srv.stop()
    with_milter(Script(actions=SMFIF_ADDHDRS, mods=[("addheader", "X-Ok", "1"), ("chgfrom", "<x@y.test>")]), run)


def t_chain():
    """two milters: both modifications reach the queued message, and the
    second sees the header and body the first left; three: a reject by the
    second after the first added headers: nothing queued"""
    m1 = Milter(Script(mods=[("addheader", "X-One", "first milter"), ("replbody_chunks", [b"body of one\r\n"])]))
    m2 = Milter(Script(mods=[("addheader", "X-Two", "second milter"), ("chgfrom", "<two@sender.test>")]))
    m3 = Milter(Script(answers={"eom": ("replycode", "554 5.7.1 second says no")}))
    m4 = Milter(Script(mods=[("addheader", "X-Four", "never")]))
    try:
        srv = server("milter-chain2", ["one %s" % m1.addr, "two %s" % m2.addr])
        s, last = one(srv)
        check(last.startswith("250 "), "%r\n%s" % (last, srv.log()[-1500:]))
        msg, (sender, _) = queued_one(srv)
        f = header_fields(msg)
        check(("X-One", "first milter") in f and ("X-Two", "second milter") in f, f)
        check(sender == "two@sender.test", sender)
        check(body_of(msg) == b"body of one\n", body_of(msg))
        # the second saw the message as the first left it
        c2 = m2.wait_closed()[0]
        check(("X-One", "first milter") in c2.headers() and c2.body() == b"body of one\r\n",
              "the second milter saw %r %r" % (c2.headers(), c2.body()))
        srv.stop()
        srv = server("milter-chain3", ["one %s" % m1.addr, "three %s" % m3.addr, "four %s" % m4.addr])
        s, last = one(srv)
        check(last == "554 5.7.1 second says no", "%r\n%s" % (last, srv.log()[-1500:]))
        nothing_queued(srv, "three milters, the second refuses")
        srv.stop()
    finally:
        for m in (m1, m2, m3, m4):
            m.stop()


# ----------------------------------------------------------------- faults

# (name, milterlib fault or None for refused, what the log line says)
FAULTS = [("refused", None, r"at connect: connect: Connection refused"),
          ("reset", ("reset", "body"), r"at [a-z ]+: .*(reset|closed)"),
          ("close", ("close", "header"), r"at [a-z ]+: .*closed"),
          ("hang", ("hang", "eom"), r"at end of message: .*timed out"),
          ("hang at connect", ("hang", "connect"), r"at connect: .*timed out"),
          ("garbage", ("garbage", "eom"), r"at end of message: a packet longer than negotiated"),
          ("oversized", ("oversized", "eom"), r"at end of message: a packet longer than negotiated"),
          ("truncated", ("truncated", "rcpt"), r"at rcpt: the connection closed inside a packet"),
          ("badcode", ("badcode", "mail"), r"at mail: an unknown reply")]


def fault_case(kind, fault, action, why):
    m = None if fault is None else Milter(Script(fault=fault))
    addr = "127.0.0.1:%d" % refused_port() if m is None else m.addr
    try:
        args = "py %s connect_timeout 2 command_timeout 2 content_timeout 2" % addr
        if action:
            args += " default_action " + action
        srv = server("milter-fault", [args])
        t0 = time.time()
        s, last = one(srv)
        took = time.time() - t0
        what = "%s, default_action %s" % (kind, action or "(default)")
        line = r"%s plugin=milter error: milter py \(127\.0\.0\.1:\d+\) %s.*; default_action %s$" % (
            "warn" if action == "accept" else "error", why, action or "tempfail")
        check(took < 15, "%s: %.1f s" % (what, took))
        if action in (None, "tempfail"):
            cmd, lines = refused_at(s, 4)
            check(lines and TEMPFAIL.match(lines[-1]), "%s: %r" % (what, s.replies))
            nothing_queued(srv, what)
            log_has(srv, line, what)
        elif action == "reject":
            cmd, lines = refused_at(s, 5)
            check(lines and REJECT.match(lines[-1]), "%s: %r" % (what, s.replies))
            nothing_queued(srv, what)
            log_has(srv, line, what)
        else:
            check(last.startswith("250 "), "%s: %r\n%s" % (what, s.replies, srv.log()[-1500:]))
            msg, (sender, rcpts) = queued_one(srv)
            check(strip_received(msg).replace(b"\r\n", b"\n") == b"".join(l + b"\n" for l in message()),
                  "%s: the message was changed: %r" % (what, msg[:300]))
            log_has(srv, line, what)
        srv.stop()
    finally:
        if m:
            m.stop()


def t_budget_spool():
    """the policy budget bounds the wait below content_timeout; a replacement
    body is dropped when the milter then refuses or stops answering: no
    spool or queue files are left"""
    m = Milter(Script(fault=("hang", "eom")))
    try:
        srv = server("milter-budget", ["py %s content_timeout 60 command_timeout 60" % m.addr],
                     control={"policy_budget": "2"})
        t0 = time.time()
        s, last = one(srv)
        took = time.time() - t0
        check(TEMPFAIL.match(last) and took < 10, "policy_budget 2, content_timeout 60: %r after %.1f s" % (last, took))
        nothing_queued(srv, "budget")
        srv.stop()
    finally:
        m.stop()
    body = [b"x" * 1000 + b"\r\n"] * 100
    for what, sc in (("REPLBODY then REJECT", Script(mods=[("replbody_chunks", body)], eom_answer="reject")),
                     ("REPLBODY then silence", Script(mods=[("replbody_chunks", body)],
                                                      eom_answer=("sleep", 5, "continue")))):
        def run(m):
            srv = server("milter-replbody-drop", ["py %s content_timeout 2" % m.addr])
            s, last = one(srv)
            check(last[:1] in "45", "%s: %r" % (what, last))
            nothing_queued(srv, what)
            check(not srv.leftovers(), "%s: files left: %r" % (what, srv.leftovers()))
            srv.stop()
        with_milter(sc, run)


def t_faults(kinds):
    def fn():
        for kind, fault, why in FAULTS:
            if kind in kinds:
                for action in (None, "accept", "reject"):
                    fault_case(kind, fault, action, why)
    return fn


# ------------------------------------------------------------- real milters

PEERS = {}


def ham():
    return message([("From", "Alice <alice@sender.test>"), ("To", "Carol <carol@example.test>"),
                    ("Subject", "lunch on friday"), ("Date", "Sat, 05 Dec 2026 10:00:00 +0000"),
                    ("Message-ID", "<ham%d@sender.test>" % int(time.time() * 1e6))],
                   [b"Hi Carol,", b"", b"shall we meet at noon on friday?", b"", b"Alice"])


def peer(name, cls, *args):
    """a real milter started once for the file; one that failed to start is
    not tried again (rspamd takes 15 s to fail or start)"""
    if name not in PEERS:
        try:
            PEERS[name] = cls(*args)
        except Exception as e:
            PEERS[name] = e
    p = PEERS[name]
    if isinstance(p, Exception):
        raise TestFailure("%s: %s" % (name, p))
    return p


def t_rspamd():
    """rspamd's proxy worker as a milter: GTUBE refused with rspamd's reply,
    ham queued with the headers of milter_headers"""
    r = peer("rspamd", milterpeers.Rspamd)
    srv = server("milter-rspamd", ["rspamd 127.0.0.1:%d" % r.port])
    s, last = one(srv, msg=message(body=[b"Hi", GTUBE.encode(), b"bye"]))
    check(last == "554 5.7.1 Gtube pattern", "GTUBE: %r\n%s" % (last, srv.log()[-1500:]))
    nothing_queued(srv, "GTUBE")
    s, last = one(srv, msg=ham())
    check(last.startswith("250 "), "ham: %r\n%s" % (last, srv.log()[-1500:]))
    msg, _ = queued_one(srv)
    f = dict(header_fields(msg))
    check(re.match(r"No, score=-?\d+\.\d+$", f.get("X-Spam-Status", "")), "X-Spam-Status: %r" % f)
    check(re.match(r"default: False \[", f.get("X-Spamd-Result", "")), "X-Spamd-Result: %r" % f)
    # rspamd had the envelope (MAIL, RCPT) and the header fields from us
    for sym in ("FROM_EQ_ENVFROM", "TO_MATCH_ENVRCPT_ALL", "RCPT_COUNT_ONE", "FROM_HAS_DN"):
        check(sym + "(" in f["X-Spamd-Result"], "%s not in X-Spamd-Result: %r" % (sym, f["X-Spamd-Result"]))
    # rspamd folds its values with LF + TAB: the queued message has LF line
    # ends only, as every message given to qmail-queue
    check(b"\r" not in msg, "a CR in the queued message: %r" % msg[:800])
    srv.stop()


def t_clamav_milter():
    """clamav-milter before clamd: EICAR refused, clean passes marked"""
    c = peer("clamd", milterpeers.Clamd)
    cm = peer("clamav-milter", milterpeers.ClamavMilter, c)
    srv = server("milter-clamav", ["clamav inet:%d@127.0.0.1" % cm.port])
    s, last = one(srv, msg=message(body=[b"see this", EICAR]))
    check(REJECT.match(last) or last.startswith("550 "), "EICAR: %r\n%s" % (last, srv.log()[-1500:]))
    nothing_queued(srv, "EICAR")
    s, last = one(srv, msg=ham())
    check(last.startswith("250 "), "clean: %r" % last)
    msg, _ = queued_one(srv)
    f = dict(header_fields(msg))
    check(f.get("X-Virus-Status") == "Clean" and "clamav-milter" in f.get("X-Virus-Scanned", ""), f)
    srv.stop()
    # libmilter takes at most 64 KiB of data per packet: a long header field
    # from the client must still reach clamav-milter in a form it accepts
    srv = server("milter-clamav-long", ["clamav inet:%d@127.0.0.1" % cm.port])
    s, last = one(srv, msg=message(headers=HEADERS[:3] + [("X-Long", LONG_FIELD)]))
    check(last.startswith("250 "), "a 100 KB header field through clamav-milter: %r\n%s" % (
        last, "\n".join(l for l in srv.log().splitlines() if "plugin=milter" in l)))
    srv.stop()


def t_three_real():
    """rspamd, clamav-milter, opendkim in a row: ham queued with the headers of
    all three, opendkim's signature verifies with dkimpy; GTUBE refused by the
    first, EICAR by the second"""
    # not imported here: dkimpy imports dnspython as `dns`, which this
    # directory's dns.py would shadow
    r = subprocess.run(["/usr/bin/python3", "-I", "-c", "import dkim"], capture_output=True)
    check(r.returncode == 0, "dkimpy is missing: apt-get install python3-dkim")
    r = peer("rspamd", milterpeers.Rspamd)
    c = peer("clamd", milterpeers.Clamd)
    cm = peer("clamav-milter", milterpeers.ClamavMilter, c)
    dk = peer("opendkim", milterpeers.OpenDKIM)
    srv = server("milter-three", ["rspamd 127.0.0.1:%d" % r.port, "clamav inet:127.0.0.1:%d" % cm.port,
                                  "opendkim inet:%d@127.0.0.1" % dk.port])
    s, last = one(srv, msg=ham())
    check(last.startswith("250 "), "ham: %r\n%s" % (last, srv.log()[-1500:]))
    msg, _ = queued_one(srv)
    f = dict(header_fields(msg))
    for h in ("X-Spam-Status", "X-Virus-Status", "DKIM-Signature"):
        check(h in f, "%s missing: %r" % (h, f))
    check("d=sender.test" in f["DKIM-Signature"] and "s=qc1" in f["DKIM-Signature"], f["DKIM-Signature"])
    crlf = msg.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")
    check(dk.verify(crlf), "the DKIM signature does not verify:\n%s" % msg.decode("latin-1")[:3000])
    # the check can fail: a changed body no longer verifies
    check(not dk.verify(crlf.replace(b"noon", b"one")), "a changed message verifies")
    for body, rx, what in (([b"Hi", GTUBE.encode()], re.compile(r"554 5\.7\.1 Gtube pattern$"), "GTUBE"),
                           ([b"see", EICAR], re.compile(r"550 "), "EICAR")):
        s, last = one(srv, msg=message(body=body))
        check(rx.match(last), "%s: %r" % (what, last))
    check(len(srv.queued()) == 1, "a refused message was queued")
    srv.stop()


def t_real_faults():
    """the real milters stopped (SIGSTOP: a hang) and gone (refused): 451 with
    default_action tempfail, queued unchanged with accept; afterwards (SIGCONT)
    they work again"""
    r = peer("rspamd", milterpeers.Rspamd)
    c = peer("clamd", milterpeers.Clamd)
    cm = peer("clamav-milter", milterpeers.ClamavMilter, c)
    dk = peer("opendkim", milterpeers.OpenDKIM)
    for d, spec, mark in ((r, "rspamd 127.0.0.1:%d" % r.port, "X-Spam-Status"),
                          (cm, "clamav 127.0.0.1:%d" % cm.port, "X-Virus-Status"),
                          (dk, "opendkim 127.0.0.1:%d" % dk.port, "DKIM-Signature")):
        d.pause()
        try:
            for action in ("tempfail", "accept"):
                srv = server("milter-real-hang", ["%s connect_timeout 2 command_timeout 2 content_timeout 2 "
                                                  "default_action %s" % (spec, action)])
                t0 = time.time()
                s, last = one(srv, msg=ham())
                took = time.time() - t0
                check(took < 15, "%s hang: %.1f s" % (spec, took))
                if action == "tempfail":
                    cmd, lines = refused_at(s, 4)
                    check(lines and TEMPFAIL.match(lines[-1]), "%s hang: %r" % (spec, s.replies))
                    nothing_queued(srv, spec)
                else:
                    check(last.startswith("250 "), "%s hang, accept: %r" % (spec, last))
                    msg, _ = queued_one(srv)
                    check(mark not in dict(header_fields(msg)), "%s hang, accept: %s added" % (spec, mark))
                srv.stop()
        finally:
            d.resume()
        srv = server("milter-real-back", [spec])
        s, last = one(srv, msg=ham())
        check(last.startswith("250 "), "%s after SIGCONT: %r\n%s" % (spec, last, srv.log()[-1500:]))
        msg, _ = queued_one(srv)
        check(mark in dict(header_fields(msg)), "%s after SIGCONT: no %s" % (spec, mark))
        srv.stop()
    # refused: a daemon that is not running any more
    dk.stop()
    PEERS.pop("opendkim")
    srv = server("milter-real-gone", ["opendkim 127.0.0.1:%d" % dk.port])
    s, last = one(srv, msg=ham())
    cmd, lines = refused_at(s, 4)
    check(lines and TEMPFAIL.match(lines[-1]), "opendkim gone: %r" % s.replies)
    nothing_queued(srv, "opendkim gone")
    srv.stop()


ONLY = os.environ.get("MILTER_ONLY")


def test(name, fn):
    """run_test, or nothing when MILTER_ONLY (a regex) does not match the name"""
    if not ONLY or re.search(ONLY, name):
        run_test(name, fn)


def main():
    try:
        test("milterlib: opendkim's miltertest drives the Python milter (actions, macros, NR/NO flags)",
                 t_library)
        test("milter: stages, macros, headers, CRLF body the milter saw; ABORT after RSET; QUIT",
                 t_stages_macros)
        test("milter: AUTH macros; ABORT after every recipient was refused", t_auth_macros)
        test("milter: TLS macros after STARTTLS, none in clear text", t_tls_macros)
        test("milter: pipelining; five sessions at once", t_pipelining_parallel)
        test("milter: unix:/path, local:/path, /path", t_unix_socket)
        test("milter: inet:PORT@HOST, inet:HOST:PORT, localhost:PORT, [IP]:PORT; a host name is refused",
                 t_socket_forms)
        test("milter: [::1]:PORT, inet6:PORT@::1", t_ipv6)
        test("milter: skipped stages not sent, unanswered stages not waited for", t_skipped)
        test("milter: SETSYMLIST macro lists honoured", t_symlist)
        test("milter: reject/tempfail/reply code at connect, HELO, MAIL, RCPT", t_answers_early)
        test("milter: a reply code for one recipient keeps the others", t_rcpt_per_address)
        test("milter: reject, tempfail, reply codes, discard, quarantine at end of message", t_answers_eom)
        test("milter: refusals at a header, end of header, body chunk, DATA; multi-line reply codes",
                 t_answers_data)
        test("milter: SKIP ends the body; HDR_LEADSPC keeps the blanks", t_skip_leadspc)
        test("milter: quarantine_to replaces the recipients and adds X-Quarantine", t_quarantine_to)
        test("milter: ACCEPT ends the milter's part of the transaction only", t_accept)
        test("milter: ACCEPT at connect leaves the milter out; a version 2 milter gets no DATA",
             t_accept_connect_v2)
        test("milter: a refused message's modifications do not leak into the next; DISCARD at RCPT",
             t_per_transaction)
        test("milter: PROGRESS restarts the deadline; a late answer is a timeout", t_progress)
        test("milter: every modification reaches the queued message and envelope", t_modifications)
        test("milter: folded values, CHGHEADER past the last, DELRCPT of no recipient, empty REPLBODY",
             t_header_edges)
        test("milter: well-formed packets the protocol does not allow", t_bad_packets)
        test("milter: a 100 KB header field from the client", t_big_header)
        test("milter: an action not negotiated is a protocol error", t_unnegotiated)
        test("milter: two and three milters in a row", t_chain)
        test("milter: refused, under each default_action", t_faults({"refused"}))
        test("milter: reset mid-message and closed at a header, under each default_action",
                 t_faults({"reset", "close"}))
        test("milter: hanging past content_timeout/command_timeout, under each default_action",
                 t_faults({"hang", "hang at connect"}))
        test("milter: garbage, oversized, truncated packets, unknown reply code, under each default_action",
                 t_faults({"garbage", "oversized", "truncated", "badcode"}))
        test("milter: the policy budget bounds the waits; a dropped replacement body leaves no files",
             t_budget_spool)
        test("milter: rspamd 3.4 proxy worker: GTUBE refused with its reply, ham gets its headers", t_rspamd)
        test("milter: clamav-milter: EICAR refused, clean passes marked, a 100 KB header field passes",
             t_clamav_milter)
        test("milter: rspamd, clamav-milter, opendkim in a row; the signature verifies with dkimpy",
                 t_three_real)
        test("milter: real milters hanging (SIGSTOP) and gone", t_real_faults)
    finally:
        for p in PEERS.values():
            if not isinstance(p, Exception):
                p.stop()
    import itlib
    print("%d passed, %d failed" % (sum(itlib._results), len(itlib._results) - sum(itlib._results)))
    finish()


main()

#!/usr/bin/python3
# spp: real qmail-spp plugin programs (small /bin/sh scripts written here:
# they are the plugins, not our exec path) run by qcsmtpd under tcpserver,
# driven by raw SMTP sessions: every command letter at every section, chains
# of programs, the environment, the [message] classifier on stdin, and the
# faults (missing, not executable, exit 1, killed, hanging, garbage,
# oversized output). doc/plugins/spp.
import base64
import hashlib
import os
import re
import sys
import time
sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from itlib import Server, Client, check, run_test, finish, tmpbase, TestFailure

SECTIONS = ["connection", "helo", "auth", "mail", "rcpt", "data", "message"]
# the step whose reply a section's programs decide ([auth] runs at the MAIL after AUTH)
STEP = {"connection": "greet", "helo": "ehlo", "auth": "mail", "mail": "mail", "rcpt": "rcpt",
        "data": "data", "message": "dot"}
NORMAL = {"greet": 220, "ehlo": 250, "auth": 235, "mail": 250, "rcpt": 250, "data": 354, "dot": 250, "data2": 354}
TAIL = ["badmailfrom", "rcpt_ok", "queue/qmail-queue"]
FAULT = "451 4.3.0 Temporary failure of a local check, try again later"
AUTHCTL = {"tls_before_auth": "0", "flat_auth_pw": "good@example.com:secret"}


def scripts_dir(name):
    d = os.path.join(tmpbase(), "spp-" + name)
    os.makedirs(d, exist_ok=True)
    return d


def script(d, name, body, mode=0o755):
    p = os.path.join(d, name)
    with open(p, "w") as f:
        f.write("#!/bin/sh\n" + body + "\n")
    os.chmod(p, mode)
    return p


def server(name, smtpplugins, plugins=None, control=None, env=None, args="timeout 3", rules=None):
    ctl = {"loglevel": "6", "badmailfrom": "blocked@b.test", "smtpplugins": smtpplugins}
    ctl.update(control or {})
    pl = plugins or (["auth/auth_flat_file", "spp " + args] + TAIL)
    return Server(name, control=ctl, plugins=pl, env=env, rules=rules).start()


def message(subject="spp test", body=("hello",)):
    lines = ["From: a@b.test", "To: x@example.test", "Subject: " + subject, "Message-ID: <m%d@b.test>" % int(time.time() * 1e6), ""]
    lines += list(body)
    return "".join(l + "\r\n" for l in lines) + ".\r\n"


def session(srv, sender="a@b.test", rcpts=("x@example.test",), auth=False, second=False, msg=None):
    """Runs one session; returns {step: (code, lines)} and 'closed' = the
    step after which the server closed the connection (None if it did not)."""
    out = {"closed": None}
    c = Client(srv.port, timeout=20)
    last = None

    def get(name, line=None):
        nonlocal last
        if line is not None:
            c.send(line + "\r\n")
        code, lines = c.reply()
        out[name] = (code, lines)
        last = name
        if code == 421 or (name == "greet" and code != 220):
            raise TestFailure("closed")
        return code
    try:
        get("greet")
        get("ehlo", "EHLO client.example")
        if auth:
            get("auth", "AUTH PLAIN " + base64.b64encode(b"\0good@example.com\0secret").decode())
        get("mail", "MAIL FROM:<%s>" % sender)
        for i, r in enumerate(rcpts):
            get("rcpt" if not i else "rcpt%d" % i, "RCPT TO:<%s>" % r)
        if get("data", "DATA") == 354:
            c.send(msg or message())
            get("dot")
        if second:
            get("mail2", "MAIL FROM:<%s>" % sender)
            get("rcpt2", "RCPT TO:<%s>" % rcpts[0])
            if get("data2", "DATA") == 354:
                c.send(message())
                get("dot2")
        get("quit", "QUIT")
    except (TestFailure, OSError):
        out["closed"] = last
    c.close()
    srv.wait_sessions()
    return out


def headers(srv, i=-1):
    q = srv.queued()
    check(q, "nothing queued")
    return q[i][0].split(b"\n\n", 1)[0].decode("latin-1")


def envelope(srv, i=-1):
    return srv.queued()[i][1].decode("latin-1").split("\0")


# ---------------------------------------------------------------- the matrix

class Matrix:
    """One server per section: [section] first, second; each program runs the
    shell snippet of its file (cmd1, cmd2), so every case is a new snippet."""

    def __init__(self, sect):
        self.sect = sect
        self.d = scripts_dir("matrix-" + sect)
        script(self.d, "first", ". %s/cmd1" % self.d)
        script(self.d, "second", ". %s/cmd2" % self.d)
        conf = ["# matrix for [%s]" % sect, "[%s]" % sect, self.d + "/first", self.d + "/second"]
        self.srv = server("spp-" + sect, conf, control=AUTHCTL, env={"SPPGONE": "present"})

    def case(self, cmd1, cmd2="", **kw):
        for n, t in (("cmd1", cmd1), ("cmd2", cmd2)):
            with open(os.path.join(self.d, n), "w") as f:
                f.write(t + "\n")
        before = len(self.srv.queued())
        out = session(self.srv, auth=self.sect == "auth", **kw)
        out["queued"] = len(self.srv.queued()) - before
        return out

    def step(self):
        return STEP[self.sect]


def normal_steps(m, out, upto=None):
    for st in ("greet", "ehlo", "mail", "rcpt", "data", "dot"):
        check(st in out, "[%s] no %s reply: %r" % (m.sect, st, out))
        check(out[st][0] == NORMAL[st], "[%s] %s: %r" % (m.sect, st, out[st]))
    check(out["queued"] == 1, "[%s] queued %d" % (m.sect, out["queued"]))


def refused(m, out, code, text, closed=False):
    st = m.step()
    check(st in out, "[%s] no %s reply: %r" % (m.sect, st, out))
    c, lines = out[st]
    check(c == code, "[%s] %s: %r, expected %d" % (m.sect, st, lines, code))
    check(lines[-1].endswith(text), "[%s] %s: %r does not end with %r" % (m.sect, st, lines, text))
    if closed:
        check(out["closed"] == st, "[%s] not closed after %s: %r" % (m.sect, st, out))
    check(out["queued"] == 0, "[%s] a refused message was queued" % m.sect)


def letter_A_N(m):
    for letter in "AN":
        out = m.case("echo %s" % letter, "echo 'E550 5.7.1 second ran'")
        normal_steps(m, out)


def letter_O(m):
    if m.sect == "mail":
        # O skips the plugins after spp: badmailfrom would refuse this sender
        out = m.case("echo N", sender="blocked@b.test")
        check(out["mail"][0] == 550, "badmailfrom did not run after N: %r" % out)
        out = m.case("echo O", sender="blocked@b.test")
        check(out["mail"][0] == 250 and out["queued"] == 1, "O did not skip badmailfrom: %r" % out)
    elif m.sect == "rcpt":
        out = m.case("echo N", rcpts=("x@elsewhere.test",))
        check(out["rcpt"][0] == 550, "rcpt_ok did not run after N: %r" % out)
        out = m.case("echo O", rcpts=("x@elsewhere.test",))
        check(out["rcpt"][0] == 250 and out["queued"] == 1, "O did not accept the recipient: %r" % out)
    else:
        normal_steps(m, m.case("echo O", "echo 'E550 5.7.1 second ran'"))


def letter_E(m):
    out = m.case("echo 'E550 5.7.1 refused at %s'" % m.sect, "echo 'E451 4.3.0 second ran'")
    refused(m, out, 550, "refused at %s" % m.sect, closed=m.sect == "connection")
    out = m.case("echo 'E451 4.7.1 later please'")
    # at connect the session ends: a 4xx goes out as 421 (RFC 5321 3.8)
    refused(m, out, 421 if m.sect == "connection" else 451, "later please", closed=m.sect == "connection")


def letter_R(m):
    refused(m, m.case("echo 'R554 5.7.1 bye from %s'" % m.sect), 554, "bye from %s" % m.sect, closed=True)


def letter_D(m):
    out = m.case("echo D")
    refused(m, out, 421, "closing connection", closed=True)


def letter_H(m):
    out = m.case("echo 'HX-SPP-%s: yes'; printf 'H\\tfolded\\n'; echo 'HX-Second: 2'" % m.sect)
    normal_steps(m, out)
    h = headers(m.srv)
    check(re.search(r"^X-SPP-%s: yes\n\tfolded\nX-Second: 2$" % m.sect, h, re.M), "[%s] headers: %s" % (m.sect, h))


def letter_C(m):
    out = m.case("echo Cnew-%s@example.test" % m.sect, 'echo "HX-Env: $SMTPMAILFROM $SMTPRCPTTO"')
    normal_steps(m, out)
    env = envelope(m.srv)
    h = headers(m.srv)
    if m.sect == "mail":
        check(env[0] == "Fnew-mail@example.test", "sender not changed: %r" % env)
        check(re.search(r"^X-Env: new-mail@example.test $", h, re.M), "SMTPMAILFROM not updated: %s" % h)
    elif m.sect == "rcpt":
        check(env[1] == "Tnew-rcpt@example.test" and env[0] == "Fa@b.test", "recipient not changed: %r" % env)
        check(re.search(r"^X-Env: a@b.test new-rcpt@example.test$", h, re.M), "SMTPRCPTTO not updated: %s" % h)
    else:
        check(env[0] == "Fa@b.test" and env[1] == "Tx@example.test", "C changed the envelope at [%s]: %r" % (m.sect, env))


def letter_S_U(m):
    out = m.case("echo SSPPVAR=hello world; echo USPPGONE",
                 'echo "HX-Var: $SPPVAR"; echo "HX-Gone: ${SPPGONE-unset}"')
    normal_steps(m, out)
    h = headers(m.srv)
    check(re.search(r"^X-Var: hello world$", h, re.M) and re.search(r"^X-Gone: unset$", h, re.M),
          "[%s] S/U not seen by the next program: %s" % (m.sect, h))


def letter_L(m):
    if m.sect in ("data", "message"):
        out = m.case("echo 'LD554 5.7.1 later at %s'" % m.sect, second=True)
        check(out.get("data2", (0,))[0] == 554 and out["data2"][1][-1].endswith("later at %s" % m.sect),
              "[%s] LD not shown at the next DATA: %r" % (m.sect, out))
        return
    out = m.case("echo 'LD554 5.7.1 later at %s'" % m.sect)
    check(out["data"][0] == 554 and out["data"][1] == ["554 5.7.1 later at %s" % m.sect],
          "[%s] LD: %r" % (m.sect, out))
    check(out["queued"] == 0, "queued after LD")
    if m.sect in ("connection", "helo"):
        out = m.case("echo 'LM550 5.7.1 no mail from you'; echo 'LR450 4.7.1 no rcpt'")
        check(out["mail"] == (550, ["550 5.7.1 no mail from you"]), "LM: %r" % out)


def letter_P(m):
    out = m.case("echo 'P550-first line'; echo 'P550 second line'; echo 'E550 5.7.1 last line'")
    st = m.step()
    lines = out[st][1]
    check(len(lines) == 3 and lines[0].endswith("first line") and lines[1].endswith("second line")
          and lines[2].endswith("last line"), "[%s] P+E: %r" % (m.sect, lines))
    if m.sect not in ("connection", "helo"):
        check(lines == ["550-5.7.1 first line", "550-5.7.1 second line", "550 5.7.1 last line"], "[%s] P+E: %r" % (m.sect, lines))
    # P without E or R has no reply to join: logged, not sent
    normal_steps(m, m.case("echo 'P220-hello there'; echo N"))
    check(re.search(r"P lines without E or R: not sent", m.srv.log()), "no log line for a lone P")


LETTERS = [("A and N", letter_A_N), ("O", letter_O), ("E", letter_E), ("R", letter_R), ("D", letter_D),
           ("H", letter_H), ("C", letter_C), ("S and U", letter_S_U), ("L", letter_L), ("P", letter_P)]


def matrix(sect):
    def fn():
        m = Matrix(sect)
        try:
            for name, f in LETTERS:
                try:
                    f(m)
                except TestFailure as e:
                    raise TestFailure("%s: %s" % (name, e))
        finally:
            m.srv.stop()
    return fn


# ---------------------------------------------------------------- chains and environment

def chain_order():
    d = scripts_dir("chain")
    p = [script(d, "p%d" % i, "echo 'HX-Order: %d'" % i) for i in (1, 2, 3)]
    stop = script(d, "stop", "echo N")
    conf = ["[rcpt]", p[0], p[1], stop, p[2]]
    srv = server("spp-chain", conf)
    out = session(srv)
    check(out["dot"][0] == 250, "chain: %r" % out)
    h = headers(srv)
    check(re.findall(r"^X-Order: (\d)$", h, re.M) == ["1", "2"], "order or N stop: %s" % h)
    srv.stop()


def accept_turns_off():
    d = scripts_dir("accept")
    conf = ["[helo]", script(d, "a", "echo A"), "[rcpt]", script(d, "e", "echo 'E550 5.7.1 should not run'"),
            "[message]", script(d, "m", "echo 'E550 5.7.1 should not run either'")]
    srv = server("spp-accept", conf)
    out = session(srv, rcpts=("x@example.test", "y@example.test"))
    check(out["rcpt"][0] == 250 and out["rcpt1"][0] == 250 and out["dot"][0] == 250, "A did not turn spp off: %r" % out)
    srv.stop()


def environment():
    d = scripts_dir("env")
    rc = script(d, "rc", 'echo "HX-Rcpt: $SMTPRCPTTO $SMTPRCPTCOUNT $SMTPRCPTCOUNTALL $SMTPRCPTHOSTSOK"')
    dt = script(d, "dt", 'echo "HX-Data: $SMTPHELOHOST $SMTPMAILFROM $TCPREMOTEIP $PROTO"')
    au = script(d, "au", 'echo "HX-Auth: $SMTPAUTHUSER $SMTPAUTHMETHOD"')
    srv = server("spp-env", ["[auth]", au, "[rcpt]", rc, "[data]", dt], control=AUTHCTL)
    out = session(srv, rcpts=("a@example.test", "b@elsewhere.test", "c@sub.example.test"), auth=True)
    check(out["auth"][0] == 235, "auth: %r" % out)
    check(out["dot"][0] == 250, "env: %r" % out)
    h = headers(srv)
    # authenticated: a relay client, so every host is OK and every recipient accepted
    want = ["a@example.test 0 1 1", "b@elsewhere.test 1 2 1", "c@sub.example.test 2 3 1"]
    check(re.findall(r"^X-Rcpt: (.*)$", h, re.M) == want, "rcpt env: %s" % h)
    check(re.search(r"^X-Data: client.example a@b.test 127.0.0.1 TCP$", h, re.M), "data env: %s" % h)
    check(re.search(r"^X-Auth: good@example.com plain$", h, re.M), "auth env: %s" % h)
    srv.stop()
    srv = server("spp-env-hosts", ["[rcpt]", rc], control={"rcpthosts": ["example.test", ".sub.example.test"]})
    out = session(srv, rcpts=("a@example.test", "b@elsewhere.test", "c@x.sub.example.test", "m@MX.example.test"))
    check(out["rcpt1"][0] == 550, "rcpt_ok accepted elsewhere: %r" % out)
    h = headers(srv)
    want = ["a@example.test 0 1 1", "b@elsewhere.test 1 2 0", "c@x.sub.example.test 1 3 1", "m@MX.example.test 2 4 1"]
    check(re.findall(r"^X-Rcpt: (.*)$", h, re.M) == want, "SMTPRCPTHOSTSOK: %s" % h)
    srv.stop()


def auth_refused():
    d = scripts_dir("authno")
    srv = server("spp-auth-refused", ["[auth]", script(d, "no", "echo 'E550 5.7.1 not from here, $SMTPAUTHUSER'")],
                 control=AUTHCTL)
    c = Client(srv.port)
    c.expect(220)
    c.cmd("EHLO client.example", 250)
    c.cmd("AUTH PLAIN " + base64.b64encode(b"\0good@example.com\0secret").decode(), 235)
    lines = c.cmd("MAIL FROM:<a@b.test>", 550)
    check(lines == ["550 5.7.1 not from here, $SMTPAUTHUSER"], "auth refusal: %r" % lines)
    lines = c.cmd("MAIL FROM:<a@b.test>", 535)
    check(lines == ["535 5.7.8 Authentication refused by local policy"], "second MAIL: %r" % lines)
    c.cmd("QUIT", 221)
    c.close()
    srv.wait_sessions()
    srv.stop()


# ---------------------------------------------------------------- [message]

def classifier():
    d = scripts_dir("classifier")
    # a dspam-like classifier: reads the whole message from stdin, tags it,
    # refuses a spam word; its digest proves it saw the queued octets
    cl = script(d, "classify", 'sum=$(md5sum | cut -d" " -f1)\necho "HX-Classifier-Md5: $sum"')
    spam = script(d, "spamword", 'if grep -qi "cheap pills" ; then echo "E554 5.7.1 spam refused by the classifier"; '
                  'else echo "HX-Classifier: ham"; fi')
    srv = server("spp-message", ["[message]", cl, spam])
    body = ["line %d of a message of some length, to be read from the spool" % i for i in range(40000)]
    out = session(srv, msg=message("big", body))
    check(out["dot"][0] == 250, "ham: %r" % out)
    raw = srv.queued()[-1][0]
    m = re.search(rb"^X-Classifier-Md5: ([0-9a-f]{32})\n", raw, re.M)
    check(m, "no digest header: %r" % raw[:600])
    seen = raw.replace(m.group(0), b"").replace(b"X-Classifier: ham\n", b"")
    check(hashlib.md5(seen).hexdigest() == m.group(1).decode(), "the classifier saw other octets than were queued")
    check(len(raw) > 2000000, "message too small: %d" % len(raw))
    check(b"\nX-Classifier: ham\n" in raw.split(b"\n\n", 1)[0] + b"\n", "no ham header")
    out = session(srv, msg=message("offer", ["cheap pills here"]))
    check(out["dot"] == (554, ["554 5.7.1 spam refused by the classifier"]), "spam: %r" % out)
    check(len(srv.queued()) == 1, "spam queued")
    srv.stop()


# ---------------------------------------------------------------- faults

def fault_case(name, body, why, mode=0o755, args="timeout 3", maxtime=None, missing=False):
    def fn():
        d = scripts_dir("fault-" + name)
        prog = os.path.join(d, "prog") if missing else script(d, "prog", body, mode)
        srv = server("spp-fault-" + name, ["[rcpt]", prog], args=args)
        t = time.time()
        out = session(srv)
        elapsed = time.time() - t
        check(out["rcpt"] == (451, [FAULT]), "reply: %r" % out)
        check(out["closed"] is None and out["data"][0] == 503, "the session did not go on: %r" % out)
        check(not srv.queued(), "queued after a fault")
        check(re.search(r"error plugin=spp error: %s \[rcpt\]: %s$" % (re.escape(prog), why), srv.log(), re.M),
              "no log line naming the program: %s" % srv.log()[-600:])
        if maxtime:
            check(elapsed < maxtime, "took %.1f s" % elapsed)
        srv.stop()
    return fn


def exit1_with_decision():
    d = scripts_dir("exit1")
    srv = server("spp-exit1", ["[rcpt]", script(d, "p", "echo 'E550 5.1.1 no such user'; exit 1")])
    out = session(srv)
    check(out["rcpt"] == (550, ["550 5.1.1 no such user"]), "exit 1 after E: %r" % out)
    check(re.search(r"fail: .*/p \[rcpt\]: E550 5.1.1 no such user$", srv.log(), re.M), "no fail line")
    srv.stop()


# ---------------------------------------------------------------- a qmail-spp collection

def collection():
    """Two typical qmail-spp plugins (none is packaged in Debian): an
    rblsmtpd-like refusal on $RBLSMTPD set by tcprules, and a greeting delay."""
    d = scripts_dir("collection")
    os.makedirs(os.path.join(d, "qmail", "plugins"))
    script(os.path.join(d, "qmail"), "plugins/rblsmtpd",
           '[ -z "${RBLSMTPD+x}" ] && exit 0\n[ -z "$RBLSMTPD" ] && exit 0\n'
           'case "$RBLSMTPD" in -*) echo "E553 ${RBLSMTPD#-}" ;; *) echo "E451 $RBLSMTPD" ;; esac\n'
           'echo "rblsmtpd: $TCPREMOTEIP refused: $RBLSMTPD" >&2')
    script(os.path.join(d, "qmail"), "plugins/greetdelay", 'sleep "${GREETDELAY:-2}"')
    conf = ["# qmail-spp style, paths relative to the qmail home", "[connection]", "plugins/greetdelay",
            "[mail]", "plugins/rblsmtpd"]
    env = {"QMAIL": os.path.join(d, "qmail"), "GREETDELAY": "1"}
    srv = server("spp-collection", conf, env=env,
                 rules='127.0.0.1:allow,RBLSMTPD="-5.7.1 listed at bl.example see bl.example/lookup"\n')
    t = time.time()
    out = session(srv)
    check(time.time() - t >= 1.0, "no greeting delay")
    check(out["mail"] == (553, ["553 5.7.1 listed at bl.example see bl.example/lookup"]), "rbl: %r" % out)
    check(re.search(r"rblsmtpd: 127.0.0.1 refused: -5.7.1 listed", srv.log()), "the program's stderr is not in the log")
    srv.stop()
    srv = server("spp-collection-temp", conf, env=env, rules='127.0.0.1:allow,RBLSMTPD="4.7.1 try later"\n')
    out = session(srv)
    check(out["mail"] == (451, ["451 4.7.1 try later"]), "rbl temp: %r" % out)
    srv.stop()
    srv = server("spp-collection-none", conf, env=env, rules='127.0.0.1:allow,RBLSMTPD=""\n')
    out = session(srv)
    check(out["dot"][0] == 250, "empty RBLSMTPD: %r" % out)
    srv.stop()


for s in SECTIONS:
    run_test("spp: every command letter at [%s]" % s, matrix(s))
for name, fn in [("a chain runs in file order; N stops it", chain_order),
                 ("A turns qmail-spp off for the session", accept_turns_off),
                 ("the SMTP* and TCP* environment", environment),
                 ("an [auth] refusal withdraws the AUTH", auth_refused),
                 ("[message]: a classifier reads the queued message on stdin", classifier),
                 ("exit 1 after a decision: the decision holds", exit1_with_decision),
                 ("a qmail-spp collection: rblsmtpd-like and greetdelay, relative paths", collection)]:
    run_test("spp: " + name, fn)
for name, body, why, extra in [
        ("missing", "", "No such file or directory", {"missing": True}),
        ("noexec", "echo N", "Permission denied", {"mode": 0o644}),
        ("exit1", "exit 1", r"exited non-zero without a decision", {}),
        ("exit120", "exit 120", r"exited 120 \(cannot execute\)", {}),
        ("signal", "kill -9 $$", "Killed", {}),
        ("hang", "exec sleep 30", "timed out", {"args": "timeout 1", "maxtime": 5}),
        ("hang-closed", "exec >&-; exec sleep 30", "timed out", {"args": "timeout 1", "maxtime": 5}),
        ("garbage", "echo hello world", "printed an unknown command", {}),
        ("nocode", "echo 'Esorry'", "printed an E or R line without a 4xx or 5xx reply code", {}),
        ("badheader", "echo 'Hnot a header'", "printed an H line that is no header field", {}),
        ("longline", "head -c 2000 /dev/zero | tr '\\0' x; echo", "printed a line over 1000 octets", {}),
        ("toomuch", "i=0; while [ $i -lt 400 ]; do echo 'HX-Filler: 0123456789012345678901234567890123456789'; i=$((i+1)); done; echo N",
         "printed more than 16384 octets", {}),
        ("binary", "printf 'HX-A: \\001\\n'", "printed a control or 8-bit octet", {})]:
    run_test("spp fault: " + name, fault_case(name, body, why, **extra))
finish()

#!/usr/bin/python3
# gen-verdict-transcripts.py: writes tests/transcripts/verdict/*.t, the verdict x hook
# matrix of spec-core.md, driven by the test plugin `test/verdict HOOK VERDICT [msg]`
# placed before the default plugins. Re-run after changing the tables below; the
# generated files are kept in the tree so that each test can be read on its own.
#
# Each file runs one session: greeting, EHLO (HELO for the helo hook), MAIL, RCPT,
# DATA, a message, NOOP, VRFY, HELP, EXPN, QUIT. At the step whose hook carries the
# verdict the reply of the spec's table is expected; a "+ close" verdict must end
# the session there (exit 0), another refusal is followed by QUIT.

import os
import shutil

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "transcripts", "verdict")

ME = "mx.example.test"
D, OK, DENY, SOFT, DENYD, SOFTD, DONE = ("DECLINED", "OK", "DENY", "DENYSOFT",
                                         "DENY_DISCONNECT", "DENYSOFT_DISCONNECT", "DONE")

# The steps of the session: (name, client lines, expected reply lines, raw block?)
def steps(helo):
    return [
        ("connect", [], ["<= 220 %s ESMTP qcsmtpd ${VERSION} ready" % ME]),
        ("helo", ["> HELO c.example"], ["<= 250 %s Hi [192.0.2.7] [192.0.2.7]; I am so happy to meet you." % ME]) if helo else
        ("ehlo", ["> EHLO c.example"], ["<= 250-%s Hi [192.0.2.7] [192.0.2.7]" % ME, "<= 250-PIPELINING",
                                        "<= 250-8BITMIME", "<= 250-SIZE", "<= 250 ENHANCEDSTATUSCODES"]),
        ("mail", ["> MAIL FROM:<a@b.test>"], ["<= 250 2.1.0 <a@b.test>, sender OK - how exciting to get mail from you!"]),
        ("rcpt", ["> RCPT TO:<u@example.test>"], ["<= 250 2.1.5 <u@example.test>, recipient ok"]),
        ("data", ["> DATA"], ["<= 354 go ahead, end data with <CR><LF>.<CR><LF>"]),
        ("body", [">{", "> Subject: verdict", ">", "> body", "> .", ">}"], [r"<* 250 2\.0\.0 .*\bqp [0-9]+.*"]),
        ("noop", ["> NOOP"], ["<= 250 2.0.0 OK"]),
        ("vrfy", ["> VRFY u"], ["<= 252 2.0.0 Just try sending a mail and we'll see how it turns out ..."]),
        ("help", ["> HELP"], ["<= 214-2.0.0 This is qcsmtpd ${VERSION}",
                              "<= 214-2.0.0 Commands: HELO EHLO MAIL RCPT DATA RSET NOOP VRFY HELP QUIT",
                              "<= 214 2.0.0 End of HELP info"]),
        ("unrecognized", ["> EXPN u"], ["<= 500 5.5.1 Unrecognized command"]),
        ("quit", ["> QUIT"], ["<= 221 2.0.0 %s closing connection. Have a wonderful day." % ME]),
    ]

# hook -> (step, {verdict: (expected reply lines, effect)})
# effect: "close" the server disconnects; "stop" a refusal, the test ends with QUIT;
# "go" the session continues normally; "noqueue" continues but nothing is queued.
# The DONE replies are the ones test/verdict sends itself ("test plugin answered").
def done(code):
    return (["<* %d .*test plugin answered" % code], "stop")

# spec-core.md gives "550 5.7.1 ..." in the helo and connect tables but also says no
# enhanced status code goes on the greeting and the HELO/EHLO replies (RFC 2034: only
# after EHLO advertised ENHANCEDSTATUSCODES); the server follows the general rule, and
# so do these tests.
HELO_T = {
    DENY: (["<= 550 Sorry, I don't accept your HELO"], "stop"),
    SOFT: (["<= 450 HELO temporarily refused, try again later"], "stop"),
    DENYD: (["<= 550 Sorry, I don't accept your HELO"], "close"),
    SOFTD: (["<* 421 (?![0-9]\\.).*"], "close"),
    DONE: done(250),
}
DATAPOST_T = {
    DENY: (["<= 554 5.7.1 Message denied"], "noqueue"),
    SOFT: (["<= 451 4.7.1 Message denied temporarily"], "noqueue"),
    DENYD: (["<= 554 5.7.1 Message denied"], "close"),
    SOFTD: (["<~ 421 4.7.1 "], "close"),
    DONE: (["<* 250 .*test plugin answered"], "noqueue"),
    OK: (None, "go"),
}
RCPT_T = {
    OK: (["<= 250 2.1.5 <u@example.test>, recipient ok"], "go"),
    DENY: (["<= 550 5.7.1 relaying denied"], "stop"),
    SOFT: (["<= 450 4.7.1 relaying denied"], "stop"),
    DENYD: (["<= 550 5.7.1 delivery denied"], "close"),
    SOFTD: (["<= 421 4.7.1 relaying denied"], "close"),
    DONE: done(250),
}
TABLE = {
    "connect": ("connect", {
        DENY: (["<= 554 Connection from you denied, bye bye."], "close"),
        DENYD: (["<= 554 Connection from you denied, bye bye."], "close"),
        SOFT: (["<= 421 Connection from you temporarily denied, bye bye."], "close"),
        SOFTD: (["<= 421 Connection from you temporarily denied, bye bye."], "close"),
        DONE: (["<* 220 .*test plugin answered"], "go"),
        OK: (None, "go"),
    }),
    "helo": ("helo", dict(HELO_T, **{OK: (None, "go")})),
    "ehlo": ("ehlo", dict(HELO_T, **{OK: (None, "go")})),
    "mail": ("mail", {
        DENY: (["<= 550 5.7.1 <a@b.test>, denied"], "stop"),
        SOFT: (["<= 450 4.7.1 <a@b.test>, temporarily denied"], "stop"),
        DENYD: (["<= 550 5.7.1 <a@b.test>, denied"], "close"),
        SOFTD: (["<= 421 4.7.1 <a@b.test>, temporarily denied"], "close"),
        DONE: done(250),
        OK: (None, "go"),
    }),
    "rcpt_pre": ("rcpt", RCPT_T),
    "rcpt": ("rcpt", RCPT_T),
    "data": ("data", {
        DENY: (["<= 554 5.7.1 Message denied"], "stop"),
        SOFT: (["<= 451 4.7.1 Message denied temporarily"], "stop"),
        DENYD: (["<= 554 5.7.1 Message denied"], "close"),
        SOFTD: (["<~ 421 4.7.1 "], "close"),
        DONE: done(451),
        OK: (None, "go"),
    }),
    "data_headers_end": ("body", {
        DENY: (["<~ 554 5.7.1 "], "noqueue"),
        SOFT: (["<~ 451 4.7.1 "], "noqueue"),
        DENYD: (["<= 554 5.7.1 Message denied"], "close"),
        SOFTD: (["<= 421 4.7.1 Message denied temporarily"], "close"),
        DONE: (None, "go"),
        OK: (None, "go"),
    }),
    "data_post_headers": ("body", DATAPOST_T),
    "data_post": ("body", DATAPOST_T),
    "queue_pre": ("body", DATAPOST_T),
    "queue": ("body", {
        OK: (["<= 250 2.0.0 Queued"], "noqueue"),
        DENY: (["<= 554 5.3.0 Message denied"], "noqueue"),
        SOFT: (["<= 451 4.3.0 Message denied temporarily"], "noqueue"),
        DENYD: (["<= 554 5.3.0 Message denied"], "close"),
        SOFTD: (["<~ 421 4."], "close"),
        DONE: (["<* 250 .*test plugin answered"], "noqueue"),
    }),
    # queue_post: the verdict is ignored
    "queue_post": ("body", {v: (None, "go") for v in (OK, DENY, SOFT, DENYD, SOFTD, DONE)}),
    "noop": ("noop", {
        DENY: (["<= 500 5.5.1 Stop wasting my time."], "go"),
        SOFT: (["<~ 450 4.7.1 "], "go"),
        DENYD: (["<= 500 5.5.1 Stop wasting my time."], "close"),
        SOFTD: (["<~ 421 4.7.1 "], "close"),
        DONE: (["<* 250 .*test plugin answered"], "go"),
        OK: (None, "go"),
    }),
    "vrfy": ("vrfy", {
        DENY: (["<= 554 5.7.1 Access Denied"], "go"),
        SOFT: (["<= 450 4.7.1 Access temporarily denied"], "go"),
        OK: (["<= 250 2.1.5 User OK"], "go"),
        DONE: (["<* 252 .*test plugin answered"], "go"),
    }),
    "help": ("help", {
        DENY: (["<= 502 5.5.1 HELP not available"], "go"),
        DONE: (["<* 214 .*test plugin answered"], "go"),
    }),
    "unrecognized_command": ("unrecognized", {
        DENY: (["<= 500 5.5.1 Unrecognized command"], "go"),
        SOFT: (["<= 451 4.7.1 Command temporarily refused"], "go"),
        DENYD: (["<= 521 5.5.1 Closing connection"], "close"),
        SOFTD: (["<~ 421 4.7.1 "], "close"),
        OK: (["<~ 250 2.0.0 "], "go"),
        DONE: (["<* 250 .*test plugin answered"], "go"),
    }),
    "quit": ("quit", {
        DENY: (None, "go"),
        SOFT: (None, "go"),
        OK: (None, "go"),
        DONE: (["<* 221 .*test plugin answered"], "go"),
    }),
}

# Plugin messages replace the default text and may carry their own codes.
EXTRA = [
    ("mail-deny-message", "mail", "DENY 553 5.1.8 Sender domain does not exist", "mail",
     ["<= 553 5.1.8 Sender domain does not exist"], "stop"),
    ("mail-deny-text", "mail", "DENY go away", "mail", ["<= 550 5.7.1 go away"], "stop"),
    ("rcpt-denysoft-text", "rcpt", "DENYSOFT greylisted, try later", "rcpt",
     ["<= 450 4.7.1 greylisted, try later"], "stop"),
    ("rcpt-deny-code-only", "rcpt", "DENY 551 User not local", "rcpt",
     [r"<* 551 5\.\d+\.\d+ User not local"], "stop"),
    ("helo-deny-message", "helo", "DENY 554 5.7.1 You are not welcome", "helo",
     ["<= 554 You are not welcome"], "stop"),
    ("data_post-deny-message", "data_post", "DENY 554 5.7.1 Spam detected", "body",
     ["<= 554 5.7.1 Spam detected"], "noqueue"),
    ("queue-ok-message", "queue", "OK Delivered elsewhere", "body",
     ["<= 250 2.0.0 Delivered elsewhere"], "noqueue"),
    ("quit-message", "quit", "OK See you later", "quit", ["<= 221 2.0.0 See you later"], "go"),
    # an invalid verdict value is logged and taken as DENYSOFT (fail closed)
    ("mail-invalid-verdict", "mail", "99", "mail", ["<= 450 4.7.1 <a@b.test>, temporarily denied"], "stop"),
]


def render(name, comment, hook, args, step_name, reply, effect, helo=False):
    out = ["# %s" % comment,
           "# generated by tests/gen-verdict-transcripts.py; edit the generator, not this file",
           "control me %s" % ME,
           "control rcpthosts example.test",
           "control plugins <<END",
           "test/verdict %s %s" % (hook, args),
           "relay", "badmailfrom", "rcpt_ok", "queue/qmail-queue",
           "END",
           "env TCPREMOTEIP=192.0.2.7"]
    queued_at_end = 1
    for sname, client, expect in steps(helo or hook == "helo"):
        out += client
        if sname != step_name:
            out += expect
            continue
        out += expect if reply is None else reply
        if effect == "close":
            out += ["<eof", "exit 0"]
            if sname in ("connect", "helo", "ehlo", "mail", "rcpt", "data", "body"):
                queued_at_end = 0
            break
        if effect == "stop":
            out += ["> QUIT", "<~ 221 2.0.0 ", "<eof", "exit 0"]
            if sname in ("connect", "helo", "ehlo", "mail", "rcpt", "data", "body"):
                queued_at_end = 0
            break
        if effect == "noqueue":
            queued_at_end = 0
    else:
        out += ["<eof", "exit 0"]
    if hook == "mail" and args == "99":
        out.append("log (?i)error")
    out.append("queued %d" % queued_at_end)
    with open(os.path.join(OUT, name + ".t"), "w") as f:
        f.write("\n".join(out) + "\n")


def main():
    if os.path.isdir(OUT):
        shutil.rmtree(OUT)
    os.makedirs(OUT)
    n = 0
    for hook, (step, table) in TABLE.items():
        for verdict, (reply, effect) in table.items():
            name = "%s-%s" % (hook, verdict.lower().replace("_", "-"))
            comment = "test/verdict %s %s: %s" % (hook, verdict, {
                "close": "the reply, then the server closes",
                "stop": "the reply, then the session goes on (QUIT)",
                "go": "the session goes on",
                "noqueue": "the reply, nothing queued, the session goes on"}[effect])
            render(name, comment, hook, verdict, step, reply, effect)
            n += 1
    for name, hook, args, step, reply, effect in EXTRA:
        render(name, "test/verdict %s %s" % (hook, args), hook, args, step, reply, effect)
        n += 1
    # DECLINED everywhere: the plain session
    render("all-declined", "test/verdict at every step declining: the plain session", "mail", "DECLINED",
           "none", None, "go")
    print("wrote %d files in %s" % (n + 1, OUT))


if __name__ == "__main__":
    main()

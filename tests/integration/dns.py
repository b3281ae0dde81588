#!/usr/bin/python3
# The DNS plugins (dnsbl, rhsbl, resolvable_fromhost, fcrdns,
# dns_whitelist_soft, helo) against real DNS servers: rbldnsd for the lists
# (ip4set, ip6trie, dnset), dnsmasq for ordinary records, and our own BadDns
# where the answer must be broken on purpose (SERVFAIL, none, truncated,
# slow, garbage, compression loops, oversized). Sessions run over pipes with
# the client's address in TCPREMOTEIP (IPv6 clients too), one through
# tcpserver. Issue 10.
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from itlib import BIN, QQ, Server, Client, check, finish, note, run_test, tmpbase
import dnslib
from dnslib import BadDns, Dnsmasq, Rbldnsd, a, mx, txt


def setup(port, plugins, control, ip="192.0.2.7", env=None):
    """A control directory and queue for one session: (directory, environment)."""
    d = tempfile.mkdtemp(prefix="dns.", dir=tmpbase())
    ctl = os.path.join(d, "control")
    os.makedirs(ctl)
    os.makedirs(os.path.join(d, "queue"))
    files = {"me": "mx.example.test", "rcpthosts": "example.test", "dns_servers": "127.0.0.1:%d" % port,
             "loglevel": "6", "plugins": "\n".join(plugins)}
    files.update(control)
    for k, v in files.items():
        with open(os.path.join(ctl, k), "w") as f:
            f.write(v + "\n")
    e = {"PATH": "/usr/bin:/bin", "QCSMTPD_CONTROL": ctl, "QMAIL": os.path.join(d, "qmail"), "TMPDIR": d,
         "QMAILQUEUE": QQ, "QQ_DIR": os.path.join(d, "queue"), "TCPREMOTEIP": ip, "TCPLOCALIP": "127.0.0.1"}
    for k in ("ASAN_OPTIONS", "UBSAN_OPTIONS", "LSAN_OPTIONS"):
        if k in os.environ:
            e[k] = os.environ[k]
    e.update(env or {})
    return d, e


def session(port, plugins, control, lines, ip="192.0.2.7", env=None, wait=30):
    """Runs one session over pipes: the replies (list of lines), the log, the
    seconds it took, and the queued messages."""
    d, e = setup(port, plugins, control, ip, env)
    t0 = time.time()
    r = subprocess.run([BIN], input="".join(l + "\r\n" for l in lines).encode(), env=e, cwd=d,
                       capture_output=True, timeout=wait)
    took = time.time() - t0
    out = r.stdout.decode("latin-1").split("\r\n")
    msgs = [open(os.path.join(d, "queue", f), "rb").read().decode("latin-1")
            for f in sorted(os.listdir(os.path.join(d, "queue"))) if f.endswith(".msg")]
    return out, r.stderr.decode("latin-1"), took, msgs


def reply(out, prefix):
    """The first reply line that starts with prefix (a command's echo is not there: find by code+text)."""
    return [l for l in out if l.startswith(prefix)]


def rcpt_lines(out):
    # the replies after the greeting and HELO/MAIL, in order
    return [l for l in out if re.match(r"\d\d\d ", l)]


ENVELOPE = ["HELO client.example", "MAIL FROM:<a@sender.example>", "RCPT TO:<u@example.test>",
            "RCPT TO:<postmaster@example.test>", "QUIT"]

RBL = {
    "bl.test": ("ip4set", ":127.0.0.2:Listed by bl.test, see http://bl.test/$\n127.0.0.2\n192.0.2.66\n"),
    "bl6.test": ("ip6trie", ":127.0.0.2:IPv6 listed\n2001:db8::66\n"),
    "codes.test": ("ip4set", "192.0.2.66 :127.0.0.2:policy listing\n192.0.2.67 :127.0.0.4:spam listing\n"),
    "dbl.test": ("dnset", ":127.0.0.2:is a spam domain\nspam.example\n.spamhelo.example\n"),
    "multi.surbl.test": ("dnset", "evil.example :127.0.0.4:\nphish.co.uk :127.0.0.8:\ntest-point.example :127.0.0.1:\n"),
    "uriip.test": ("ip4set", ":127.0.0.2:\n203.0.113.9\n"),
}


def t_dnsbl_rbldnsd(rbl):
    # a listed client also loses a point of karma (qpsmtpd's), seen by test/note
    out, log, took, _ = session(rbl.port, ["dnsbl", "test/note karma at unrecognized_command", "rcpt_ok", "queue/qmail-queue"],
                                {"dnsbl_zones": "bl.test", "loglevel": "6"}, ENVELOPE[:-1] + ["XKARMA", "QUIT"], ip="192.0.2.66")
    rl = rcpt_lines(out)
    check(rl[3].startswith("550 5.7.1 Listed by bl.test, see http://bl.test/192.0.2.66"), "listed: %r" % rl)
    check(rl[4].startswith("250 "), "postmaster refused: %r" % rl)
    check(re.search(r"plugin=test/note note karma=-1$", log, re.M), "karma of a listed client: %s" % log[-800:])
    out, log, took, _ = session(rbl.port, ["dnsbl", "rcpt_ok", "queue/qmail-queue"], {"dnsbl_zones": "bl.test"},
                                ENVELOPE, ip="192.0.2.9")
    check(rcpt_lines(out)[3].startswith("250 "), "an unlisted client refused: %r" % out)
    check("is not listed" in log, log)


def t_dnsbl_ipv6(rbl):
    out, log, took, _ = session(rbl.port, ["dnsbl", "rcpt_ok"], {"dnsbl_zones": "bl6.test"}, ENVELOPE, ip="2001:db8::66")
    check(rcpt_lines(out)[3].startswith("550 5.7.1 IPv6 listed"), "IPv6 client: %r %s" % (out, log[-500:]))
    out, log, took, _ = session(rbl.port, ["dnsbl", "rcpt_ok"], {"dnsbl_zones": "bl6.test"}, ENVELOPE, ip="2001:db8::67")
    check(rcpt_lines(out)[3].startswith("250 "), "unlisted IPv6 client: %r" % out)


def t_dnsbl_codes(rbl):
    z = {"dnsbl_zones": "codes.test=127.0.0.4:spam source %IP%"}
    out, log, took, _ = session(rbl.port, ["dnsbl", "rcpt_ok"], z, ENVELOPE, ip="192.0.2.66")
    check(rcpt_lines(out)[3].startswith("250 "), "a code not in the filter refused: %r" % out)
    out, log, took, _ = session(rbl.port, ["dnsbl", "rcpt_ok"], z, ENVELOPE, ip="192.0.2.67")
    check(rcpt_lines(out)[3].startswith("550 5.7.1 spam source 192.0.2.67"), "filtered code: %r" % out)


def t_rhsbl(rbl):
    z = {"rhsbl_zones": "dbl.test"}
    out, log, took, _ = session(rbl.port, ["rhsbl", "rcpt_ok"], z,
                                ["HELO client.example", "MAIL FROM:<x@spam.example>", "MAIL FROM:<x@ok.example>", "QUIT"])
    rl = rcpt_lines(out)
    check(rl[2].startswith("550 5.7.1 Mail from spam.example rejected because it is a spam domain"), "sender: %r" % rl)
    check(rl[3].startswith("250 "), "clean sender: %r" % rl)
    out, log, took, _ = session(rbl.port, ["rhsbl", "rcpt_ok"], z,
                                ["HELO mx1.spamhelo.example", "MAIL FROM:<x@ok.example>", "QUIT"])
    check(rcpt_lines(out)[2].startswith("550 5.7.1 Mail from HELO mx1.spamhelo.example rejected"), "HELO: %r" % out)


def t_resolvable_fromhost(dm):
    plugins = ["resolvable_fromhost", "rcpt_ok"]
    cases = [("good.example.test", "250 "), ("nomx.example.test", "250 "),
             ("priv.example.test", "450 4.1.8 FQDN required in the envelope sender: priv.example.test has no MX host"),
             ("nx.example.test", "450 4.1.8 FQDN required in the envelope sender: nx.example.test does not exist"),
             ("lame.example.test", "450 4.1.8 FQDN required in the envelope sender: lame.example.test has no MX and no usable address")]
    lines = ["HELO client.example"] + ["MAIL FROM:<a@%s>" % d for d, _ in cases] + ["QUIT"]
    out, log, took, _ = session(dm.port, plugins, {}, lines)
    rl = rcpt_lines(out)[2:]
    for (d, want), got in zip(cases, rl):
        check(got.startswith(want), "%s: %r, expected %r" % (d, got, want))
    out, log, took, _ = session(dm.port, ["resolvable_fromhost reject_type perm", "rcpt_ok"], {},
                                ["HELO c.example", "MAIL FROM:<a@nx.example.test>", "QUIT"])
    check(rcpt_lines(out)[2].startswith("550 5.1.8 FQDN required"), "perm: %r" % out)


def t_fcrdns(dm):
    lines = ["HELO client.example", "MAIL FROM:<a@b.example>", "RCPT TO:<u@example.test>", "DATA",
             "Subject: t", "", "x", ".", "QUIT"]
    # and qpsmtpd's karma: +1 pass, -1 fail, nothing for permerror
    for ip, want, karma in (("192.0.2.10", "iprev=pass policy.iprev=192.0.2.10 (mail.good.example.test)", "1"),
                            ("192.0.2.11", "iprev=fail policy.iprev=192.0.2.11", "-1"),
                            ("192.0.2.12", "iprev=permerror policy.iprev=192.0.2.12", "(none)")):
        out, log, took, msgs = session(dm.port, ["fcrdns", "test/note karma at data", "rcpt_ok", "queue/qmail-queue"],
                                       {"loglevel": "6"}, lines, ip=ip)
        check(len(msgs) == 1, "%s: %d queued: %r" % (ip, len(msgs), out))
        check("Authentication-Results: mx.example.test; %s\n" % want in msgs[0], "%s: %s" % (ip, msgs[0][:300]))
        check(re.search(r"plugin=test/note note karma=%s$" % re.escape(karma), log, re.M), "%s: karma %s: %s" % (ip, karma, log[-800:]))


def t_helo_karma(dm):
    # helo's DNS checks: a name whose address is the client's and whose PTR
    # shares its domain is worth a point of karma (qpsmtpd's); a name that
    # resolves elsewhere is not
    for ip, helo, karma in (("192.0.2.10", "mail.good.example.test", "1"), ("192.0.2.11", "liar.example.test", "(none)")):
        out, log, took, _ = session(dm.port, ["helo policy rfc", "test/note karma at mail", "rcpt_ok"], {"loglevel": "6"},
                                    ["HELO " + helo, "MAIL FROM:<a@b.example>", "QUIT"], ip=ip)
        check(rcpt_lines(out)[1].startswith("250 "), "%s: HELO refused: %r" % (helo, out))
        check(re.search(r"plugin=test/note note karma=%s$" % re.escape(karma), log, re.M), "%s: %s" % (helo, log[-800:]))


def t_whitelist(rbl):
    out, log, took, _ = session(rbl.port, ["dns_whitelist_soft", "dnsbl", "rcpt_ok"],
                                {"whitelist_zones": "bl6.test", "dnsbl_zones": "bl6.test"}, ENVELOPE, ip="2001:db8::66")
    check(rcpt_lines(out)[3].startswith("250 "), "a whitelisted client refused: %r" % out)
    check("is whitelisted by bl6.test" in log, log[-600:])


def t_tcpserver(rbl):
    # the same dnsbl check with the address tcpserver gives (127.0.0.2 is in bl.test)
    srv = Server("dnsbl-tcpserver", control={"dnsbl_zones": "bl.test", "dns_servers": "127.0.0.1:%d" % rbl.port},
                 plugins=["relay", "dnsbl", "rcpt_ok", "queue/qmail-queue"]).start()
    import socket
    c = Client.__new__(Client)
    c.sock = socket.create_connection(("127.0.0.1", srv.port), timeout=30, source_address=("127.0.0.2", 0))
    c.buf = b""
    c.expect(220)
    c.cmd("HELO client.example", 250)
    c.cmd("MAIL FROM:<a@b.example>", 250)
    lines = c.cmd("RCPT TO:<u@example.test>", 550)
    check("Listed by bl.test" in lines[0], lines)
    c.cmd("QUIT", 221)
    c.close()
    srv.wait_sessions()
    srv.stop()


def t_uribl(rbl):
    body = ["HELO c.example", "MAIL FROM:<a@b.example>", "RCPT TO:<u@example.test>", "DATA", "Subject: offer", "",
            "Visit https://user@www.Evil.example:8080/path?x=1 or http://a.b.phish.co.uk/ now,",
            "or www.clean.example, or http://203.0.113.9/x, or http://test-point.example/ , and a soft",
            "break: http://ev=", "il.example/ (quoted-printable).", ".", "QUIT"]
    zones = {"uribl_zones": "multi.surbl.test 0x0c\nuriip.test", "uribl_whitelist_domains": "clean.example"}
    out, log, took, msgs = session(rbl.port, ["uribl", "rcpt_ok", "queue/qmail-queue"], zones, body)
    check(len(msgs) == 1, "not queued: %r" % out)
    hdr = re.findall(r"^X-URIBL-Match: (.*)$", msgs[0], re.M)
    check(sorted(hdr) == ["203.0.113.9 in uriip.test", "evil.example in multi.surbl.test", "phish.co.uk in multi.surbl.test"],
          "X-URIBL-Match: %r" % hdr)
    zones["uribl_zones"] = "multi.surbl.test 0x0c deny"
    out, log, took, msgs = session(rbl.port, ["uribl", "rcpt_ok", "queue/qmail-queue"], zones, body)
    check(not msgs and any(l.startswith("554 5.7.1 evil.example in multi.surbl.test") for l in out), "deny: %r" % out)


def behaviour_for(table):
    def b(name, qtype):
        for suffix, action in table:
            if name.endswith(suffix):
                return action
        return ("rcode", 3)
    return b


def t_faults():
    # every broken answer: logged, and the mail passes (on_error pass)
    big = [txt(*(["x" * 250] * 40))]
    loop = b"\x84\x80\x00\x01\x00\x01\x00\x00\x00\x00" + b"\x01x\x00\x00\x01\x00\x01" + \
        b"\xc0\x1d\x00\x01\x00\x01\x00\x00\x00\x3c\x00\x04\x7f\x00\x00\x02"
    table = [("servfail.test", ("rcode", 2)), ("refused.test", ("rcode", 5)), ("drop.test", ("drop",)),
             ("garbage.test", ("raw", bytes(range(7, 90)))), ("loop.test", ("raw", loop)),
             ("short.test", ("raw", b"\x84\x80\x00\x01\x00\x01"))]
    def b(name, qtype):
        if name.endswith("bigtxt.test"):
            # listed; its TXT comes over TCP after a truncated UDP answer, and is over the limit
            return ("answer", [a("127.0.0.2")]) if qtype == 1 else ("truncate", ("answer", big))
        return behaviour_for(table)(name, qtype)
    srv = BadDns(b)
    try:
        for zone, _ in table:
            t0 = time.time()
            out, log, took, _ = session(srv.port, ["dnsbl timeout 2", "rcpt_ok"],
                                        {"dnsbl_zones": zone, "dns_timeout": "1", "dns_tries": "1"}, ENVELOPE)
            check(rcpt_lines(out)[3].startswith("250 "), "%s: %r" % (zone, out))
            check("no usable answer from %s" % zone in log, "%s not logged: %s" % (zone, log[-600:]))
            check(took < 6, "%s: the session took %.1f s" % (zone, took))
        out, log, took, _ = session(srv.port, ["dnsbl timeout 2", "rcpt_ok"], {"dnsbl_zones": "bigtxt.test"}, ENVELOPE)
        check(rcpt_lines(out)[3].startswith("550 5.7.1 Blocked: 192.0.2.7 is listed in bigtxt.test"), "oversized TXT: %r" % out)
        check("TXT 7.2.0.192.bigtxt.test: temporary failure: TXT record over the size limit" in log, log[-600:])
        note("BadDns: servfail, refused, drop, garbage, compression loop, short: pass, logged; oversized TXT over TCP: listed, default text")
        check(srv.count("7.2.0.192.bigtxt.test", 16, "tcp") >= 1, "no TCP retry after the truncated answer: %r" % srv.queries)
        out, log, took, _ = session(srv.port, ["dnsbl timeout 2 on_error defer", "rcpt_ok"],
                                    {"dnsbl_zones": "servfail.test"}, ENVELOPE)
        check(rcpt_lines(out)[3].startswith("450 4.7.1 DNS block lists could not be checked"), "defer: %r" % out)
        check(rcpt_lines(out)[4].startswith("250 "), "postmaster deferred: %r" % out)
    finally:
        srv.stop()


def t_deadline():
    # a server that never answers costs the plugin's deadline, not more
    srv = BadDns(lambda n, t: ("drop",))
    try:
        out, log, took, _ = session(srv.port, ["dnsbl timeout 2", "rcpt_ok"],
                                    {"dnsbl_zones": "a.test\nb.test\nc.test", "dns_timeout": "5", "dns_tries": "3"}, ENVELOPE)
        check(rcpt_lines(out)[3].startswith("250 "), "%r" % out)
        check(1.8 <= took < 4, "the session took %.2f s with a 2 s deadline" % took)
        note("never-answering server, dnsbl timeout 2: session %.2f s" % took)
    finally:
        srv.stop()


def t_parallel_and_shared():
    # five zones answering after 300 ms each: in parallel, not 1.5 s; two
    # instances asking the same names send one query per name
    srv = BadDns(lambda n, t: ("delay", 0.3, ("rcode", 3)))
    try:
        zones = "\n".join("z%d.test" % i for i in range(5))
        out, log, took, _ = session(srv.port, ["dnsbl", "dnsbl:1", "rcpt_ok"], {"dnsbl_zones": zones}, ENVELOPE)
        check(rcpt_lines(out)[3].startswith("250 "), "%r" % out)
        note("five zones of 300 ms each (A and TXT: 10 queries): session %.2f s" % took)
        check(took < 1.2, "five 300 ms zones took %.2f s: not in parallel" % took)
        for i in range(5):
            n = srv.count("7.2.0.192.z%d.test" % i, 1)
            check(n == 1, "z%d.test asked %d times for A (two instances share one query)" % (i, n))
    finally:
        srv.stop()
    srv = BadDns(lambda n, t: ("answer", [a("127.0.0.2")]) if t == 1 else ("answer", [txt("listed")]))
    try:
        out, log, took, _ = session(srv.port, ["dnsbl", "rcpt_ok"], {"dnsbl_zones": "x.test"}, ENVELOPE)
        check(rcpt_lines(out)[3].startswith("550 5.7.1 listed"), "%r" % out)
    finally:
        srv.stop()


def t_retry_while_idle():
    # The first query for every name is lost, the retry is answered 1.5 s
    # after it comes. dns_timeout 1: the retry goes out one second after
    # connect, while the client is still idle (the core's waits drive the
    # resolver), so RCPT, four seconds later, finds the answer there. A
    # resolver driven only while a plugin waits would retry at RCPT: 1.5 s more.
    seen = {}

    def b(name, qtype):
        seen[(name, qtype)] = seen.get((name, qtype), 0) + 1
        return ("drop",) if seen[(name, qtype)] == 1 else ("delay", 1.5, ("rcode", 3))
    srv = BadDns(b)
    p = None
    try:
        d, e = setup(srv.port, ["dnsbl", "rcpt_ok"], {"dnsbl_zones": "lossy.test", "dns_timeout": "1", "dns_tries": "3"})
        p = subprocess.Popen([BIN], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=e, cwd=d)

        def say(line):
            if line:
                p.stdin.write(line.encode() + b"\r\n")
                p.stdin.flush()
            return p.stdout.readline().decode("latin-1").rstrip()
        t0 = time.time()
        check(say(None).startswith("220 "), "greeting")
        check(say("HELO client.example").startswith("250 "), "HELO")
        time.sleep(4)
        t_mail = time.time()
        check(say("MAIL FROM:<a@sender.example>").startswith("250 "), "MAIL")
        t1 = time.time()
        r = say("RCPT TO:<u@example.test>")
        took = time.time() - t1
        say("QUIT")
        check(r.startswith("250 "), "RCPT: %r" % r)
        retries = [t - t0 for t, tr, n, qt, i in srv.history if n == "7.2.0.192.lossy.test"]
        note("lost first queries: asked at %s s after connect; RCPT took %.2f s" % (", ".join("%.2f" % x for x in retries), took))
        check(len(retries) >= 4, "no retries: %r" % srv.history)
        check(all(t < t_mail - t0 for t in retries), "a retry waited for MAIL/RCPT: %r" % retries)
        check(took < 0.8, "RCPT took %.2f s: the answer was not read while the client was idle" % took)
    finally:
        if p:
            p.kill()
            p.wait()
            p.stdout.close(); p.stderr.close(); p.stdin.close()
        srv.stop()


def t_null_mx():
    srv = BadDns(behaviour_for([("nullmx.example", ("answer", [mx(0, "")])),
                                ("v6only.example", ("rcode", 0))]))
    try:
        out, log, took, _ = session(srv.port, ["resolvable_fromhost", "rcpt_ok"], {},
                                    ["HELO c.example", "MAIL FROM:<a@nullmx.example>", "QUIT"])
        check(rcpt_lines(out)[2].startswith("450 4.1.8 FQDN required in the envelope sender: nullmx.example accepts no mail (null MX, RFC 7505)"), "%r" % out)
    finally:
        srv.stop()


def main():
    for prog in ("rbldnsd", "dnsmasq"):
        if not shutil.which(prog) and not os.path.exists("/usr/sbin/" + prog):
            print("ok - integration/dns # SKIP %s is not installed (Debian: %s)" % (prog, "rbldnsd" if prog == "rbldnsd" else "dnsmasq-base"))
            sys.exit(0)
    os.environ["PATH"] = os.environ.get("PATH", "/usr/bin:/bin") + ":/usr/sbin:/sbin"
    try:
        rbl = Rbldnsd(RBL)
        dm = Dnsmasq(["--host-record=mail.good.example.test,192.0.2.10", "--mx-host=good.example.test,mail.good.example.test,10",
                      "--host-record=nomx.example.test,198.51.100.5",
                      "--mx-host=priv.example.test,mail.priv.example.test,10", "--host-record=mail.priv.example.test,10.1.2.3",
                      "--txt-record=lame.example.test,no address here",
                      "--ptr-record=10.2.0.192.in-addr.arpa,mail.good.example.test",
                      "--ptr-record=11.2.0.192.in-addr.arpa,liar.example.test", "--host-record=liar.example.test,198.51.100.99",
                      "--local=/2.0.192.in-addr.arpa/"])
        run_test("dns: dnsbl against rbldnsd (ip4set): listed gets the TXT text, postmaster still accepted", lambda: t_dnsbl_rbldnsd(rbl))
        run_test("dns: dnsbl, IPv6 client against rbldnsd's ip6trie (RFC 5782 nibbles)", lambda: t_dnsbl_ipv6(rbl))
        run_test("dns: dnsbl return-code filter (zone=127.0.0.4:message)", lambda: t_dnsbl_codes(rbl))
        run_test("dns: rhsbl against rbldnsd's dnset: sender domain and HELO name", lambda: t_rhsbl(rbl))
        run_test("dns: dns_whitelist_soft exempts from dnsbl", lambda: t_whitelist(rbl))
        run_test("dns: dnsbl under tcpserver (client 127.0.0.2)", lambda: t_tcpserver(rbl))
        run_test("dns: uribl against rbldnsd: hosts and addresses from URLs (userinfo, port, www., three-label suffix, QP soft break, whitelist, mask), add-header and deny",
                 lambda: t_uribl(rbl))
        run_test("dns: resolvable_fromhost against dnsmasq: MX, A only, private MX, NXDOMAIN, no address; perm class",
                 lambda: t_resolvable_fromhost(dm))
        run_test("dns: resolvable_fromhost refuses a null MX (RFC 7505)", t_null_mx)
        run_test("dns: fcrdns against dnsmasq: iprev pass, fail, permerror in Authentication-Results", lambda: t_fcrdns(dm))
        run_test("dns: helo's DNS checks give a point of karma for matching forward and reverse DNS", lambda: t_helo_karma(dm))
        run_test("dns: broken answers (SERVFAIL, REFUSED, none, garbage, loop, short) pass and are logged; on_error defer",
                 t_faults)
        run_test("dns: a server that never answers costs the plugin's deadline", t_deadline)
        run_test("dns: five slow zones in parallel, queries shared between instances", t_parallel_and_shared)
        run_test("dns: retries and answers run while the client is idle (lost first query, dns_timeout 1)", t_retry_while_idle)
    finally:
        dnslib.stop_all()
    finish()


main()

#!/usr/bin/python3
# The DNS servers of dnslib.py, checked with dig (and raw sockets where dig cannot
# show the bytes): rbldnsd (ip4set with per-entry codes and $ texts, ip6trie by
# RFC 5782 nibbles, dnset wildcards), dnsmasq (A, AAAA, MX, multi-string TXT, PTR,
# CNAME, NXDOMAIN, NODATA), nsd (a zone file, SOA in negative answers), and every
# behaviour of BadDns (broken answers, truncation then TCP, delays, counts). Each
# server must move to another port when its first one is taken, and leave no
# process behind, even when the test that started it is killed with SIGKILL.
import os
import re
import socket
import struct
import subprocess
import sys
import threading
import time
sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from itlib import check, finish, note, report, run_test, tmpbase
import dnslib
from dnslib import BadDns, Dnsmasq, Nsd, Rbldnsd, revname

NAME = "integration/dnsservers"
_daemons = []       # every daemon started, for the leak check at the end


class Dig:
    def __init__(self, port, name, qtype="A", *opts, wait=1):
        t0 = time.time()
        r = subprocess.run([dnslib.which("dig"), "-p", str(port), "@127.0.0.1", name, qtype, "+time=%d" % wait,
                            "+tries=1"] + list(opts), capture_output=True, text=True, timeout=30)
        self.took, self.rc, self.out = time.time() - t0, r.returncode, r.stdout + r.stderr
        m = re.search(r"status: (\w+)", self.out)
        self.status = m and m.group(1)
        m = re.search(r";; flags: ([a-z ]*);", self.out)
        self.flags = set(m.group(1).split()) if m else set()
        self.answers = self._section("ANSWER")
        self.authority = self._section("AUTHORITY")
        self.tcp = "(TCP)" in self.out
        self.timed_out = "timed out" in self.out and self.rc == 9

    def _section(self, name):
        m = re.search(r";; %s SECTION:\n(.*?)(?:\n\n|\Z)" % name, self.out, re.S)
        rows = []
        for l in m.group(1).splitlines() if m else []:
            f = l.split(None, 4)
            rows.append((f[0].rstrip(".").lower(), int(f[1]), f[3], f[4]))
        return rows

    def data(self, rtype=None):
        return [d for _, _, t, d in self.answers if rtype is None or t == rtype]

    def __repr__(self):
        return "dig: %s" % self.out[-1500:]


def expect(d, status, data=None, rtype=None):
    check(d.status == status, "%s: status %s, expected %s" % (d, d.status, status))
    if data is not None:
        check(sorted(d.data(rtype)) == sorted(data), "%s: answers %r, expected %r" % (d, d.data(rtype), data))


def taken_port_first():
    """Holds a port (UDP and TCP) and makes dnslib.free_port hand it out first: whatever
    starts next must notice and move. Returns (port, release)."""
    u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    t = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    u.bind(("127.0.0.1", 0))
    port = u.getsockname()[1]
    t.bind(("127.0.0.1", port))
    t.listen(1)
    orig, calls = dnslib.free_port, []

    def first_taken():
        calls.append(1)
        return port if len(calls) == 1 else orig()

    def release():
        dnslib.free_port = orig
        u.close()
        t.close()
    dnslib.free_port = first_taken
    return port, release


def started(server, taken):
    _daemons.append((server, dnslib._tree(server.proc.pid)))
    check(server.port != taken, "%s kept the taken port %d" % (server.prog, taken))
    return server


# --- rbldnsd ---------------------------------------------------------------------------

RBL = {
    "bl.test": ("ip4set", [":127.0.0.2:Listed by bl.test, see http://bl.test/$", "127.0.0.2",
                           "192.0.2.66 :127.0.0.4:spam source $", "192.0.2.68 :5:", "198.51.100.0/24", "!198.51.100.7"]),
    "bl6.test": ("ip6trie", [":127.0.0.2:IPv6 $ listed", "2001:db8::66", "2001:db8:1::/48 :127.0.0.3:net of $"]),
    "dbl.test": ("dnset", [":127.0.0.2:domain $ listed", "spam.example", ".wild.example", "*.star.example"]),
}


def t_rbl_ip4(rbl):
    p = rbl.port
    expect(Dig(p, "2.0.0.127.bl.test"), "NOERROR", ["127.0.0.2"])
    d = Dig(p, "2.0.0.127.bl.test", "TXT")
    expect(d, "NOERROR", ['"Listed by bl.test, see http://bl.test/127.0.0.2"'])
    check(d.answers[0][1] == 60, "TTL %r, expected 60" % d.answers)
    expect(Dig(p, revname("192.0.2.66", "bl.test")), "NOERROR", ["127.0.0.4"])
    expect(Dig(p, revname("192.0.2.66", "bl.test"), "TXT"), "NOERROR", ['"spam source 192.0.2.66"'])
    expect(Dig(p, revname("192.0.2.68", "bl.test")), "NOERROR", ["127.0.0.5"])
    expect(Dig(p, revname("192.0.2.68", "bl.test"), "TXT"), "NOERROR", [])   # ':5:' = no text
    expect(Dig(p, revname("198.51.100.9", "bl.test")), "NOERROR", ["127.0.0.2"])
    expect(Dig(p, revname("198.51.100.7", "bl.test")), "NXDOMAIN", [])       # excluded
    expect(Dig(p, revname("192.0.2.9", "bl.test")), "NXDOMAIN", [])
    expect(Dig(p, revname("192.0.2.9", "bl.test"), "TXT"), "NXDOMAIN", [])
    expect(Dig(p, "2.0.0.127.other.test"), "REFUSED", [])


def t_rbl_ip6(rbl):
    check(revname("2001:db8:1:2:3:4:567:89ab") ==
          "b.a.9.8.7.6.5.0.4.0.0.0.3.0.0.0.2.0.0.0.1.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa", "revname (RFC 5782 2.4)")
    check(revname("192.0.2.1") == "1.2.0.192.in-addr.arpa", "revname IPv4")
    n = revname("2001:db8::66", "bl6.test")
    check(n == "6.6.0.0." + "0." * 20 + "8.b.d.0.1.0.0.2.bl6.test", n)
    expect(Dig(rbl.port, n), "NOERROR", ["127.0.0.2"])
    expect(Dig(rbl.port, n, "TXT"), "NOERROR", ['"IPv6 2001:db8::66 listed"'])
    expect(Dig(rbl.port, revname("2001:db8:1:2::5", "bl6.test")), "NOERROR", ["127.0.0.3"])
    expect(Dig(rbl.port, revname("2001:db8:1:2::5", "bl6.test"), "TXT"), "NOERROR", ['"net of 2001:db8:1:2::5"'])
    expect(Dig(rbl.port, revname("2001:db8::67", "bl6.test")), "NXDOMAIN", [])


def t_rbl_dnset(rbl):
    p = rbl.port
    expect(Dig(p, "spam.example.dbl.test"), "NOERROR", ["127.0.0.2"])
    expect(Dig(p, "spam.example.dbl.test", "TXT"), "NOERROR", ['"domain spam.example listed"'])
    expect(Dig(p, "x.spam.example.dbl.test"), "NXDOMAIN", [])     # exact entry: no subdomains
    expect(Dig(p, "wild.example.dbl.test"), "NOERROR", ["127.0.0.2"])
    expect(Dig(p, "a.b.wild.example.dbl.test", "TXT"), "NOERROR", ['"domain wild.example listed"'])
    expect(Dig(p, "star.example.dbl.test"), "NXDOMAIN", [])       # '*.d': not d itself
    expect(Dig(p, "x.star.example.dbl.test"), "NOERROR", ["127.0.0.2"])
    expect(Dig(p, "clean.example.dbl.test"), "NXDOMAIN", [])


# --- dnsmasq ---------------------------------------------------------------------------

def t_dnsmasq(dm):
    p = dm.port
    d = Dig(p, "mail.example.test")
    expect(d, "NOERROR", ["192.0.2.10"])
    check(d.answers[0][1] == 60, "TTL: %r" % d.answers)
    expect(Dig(p, "mail.example.test", "AAAA"), "NOERROR", ["2001:db8::10"])
    expect(Dig(p, "example.test", "MX"), "NOERROR", ["10 mail.example.test.", "20 mx2.example.test."])
    expect(Dig(p, "example.test", "TXT"), "NOERROR", ['"v=spf1 ip4:192.0.2.0/24 -all"'])
    expect(Dig(p, "multi.example.test", "TXT"), "NOERROR", ['"one" "two" "%s" "%s"' % ("x" * 255, "x" * 45)])
    expect(Dig(p, "10.2.0.192.in-addr.arpa", "PTR"), "NOERROR", ["mail.example.test."])    # from the host record
    expect(Dig(p, "11.2.0.192.in-addr.arpa", "PTR"), "NOERROR", ["other.example.test."])
    expect(Dig(p, "12.2.0.192.in-addr.arpa", "PTR"), "NXDOMAIN", [])
    d = Dig(p, "www.example.test")
    expect(d, "NOERROR", ["mail.example.test."], "CNAME")
    expect(d, "NOERROR", ["192.0.2.10"], "A")
    expect(Dig(p, "nx.example.test"), "NXDOMAIN", [])
    expect(Dig(p, "nx.example.test", "MX"), "NXDOMAIN", [])
    expect(Dig(p, "mail.example.test", "TXT"), "NOERROR", [])      # NODATA
    expect(Dig(p, "mail.example.test", "MX"), "NOERROR", [])
    expect(Dig(p, "example.org"), "REFUSED", [])
    d = Dig(p, "mail.example.test", "A", "+tcp")
    expect(d, "NOERROR", ["192.0.2.10"])
    check(d.tcp, "not over TCP: %r" % d)
    check("query[A] mail.example.test" in dm.log(), "no query log: %s" % dm.log()[-300:])


# --- nsd -------------------------------------------------------------------------------

ZONE = """$TTL 300
@       IN SOA ns.example.test. hostmaster.example.test. 1 3600 600 86400 120
@       IN NS ns
ns      IN A 192.0.2.53
@       IN MX 10 mail
mail    IN A 192.0.2.10
mail    IN AAAA 2001:db8::10
@       IN TXT "v=spf1 " "ip4:192.0.2.0/24 -all"
www     IN CNAME mail
*.wild  IN A 192.0.2.99
"""


def t_nsd(ns):
    p = ns.port
    d = Dig(p, "example.test", "TXT")
    expect(d, "NOERROR", ['"v=spf1 " "ip4:192.0.2.0/24 -all"'])
    check("aa" in d.flags and d.answers[0][1] == 300, "flags %r, answers %r" % (d.flags, d.answers))
    expect(Dig(p, "example.test", "MX"), "NOERROR", ["10 mail.example.test."])
    expect(Dig(p, "mail.example.test", "AAAA"), "NOERROR", ["2001:db8::10"])
    d = Dig(p, "www.example.test")
    expect(d, "NOERROR", ["mail.example.test."], "CNAME")
    expect(d, "NOERROR", ["192.0.2.10"], "A")
    expect(Dig(p, "x.wild.example.test"), "NOERROR", ["192.0.2.99"])
    for name, qt, status in (("nx.example.test", "A", "NXDOMAIN"), ("mail.example.test", "TXT", "NOERROR")):
        d = Dig(p, name, qt)
        expect(d, status, [])
        check([r[2] for r in d.authority] == ["SOA"], "%s %s: no SOA in the authority section: %r" % (name, qt, d))
    d = Dig(p, "example.test", "TXT", "+tcp")
    check(d.tcp and d.data() == ['"v=spf1 " "ip4:192.0.2.0/24 -all"'], "TCP: %r" % d)
    expect(Dig(p, "example.org"), "REFUSED", [])
    try:
        Nsd("bad.test", "$TTL 300\n@ IN SOA ns.bad.test. h.bad.test. 1 2 3 4 5\nx IN A 192.0.2.300\n")
        check(False, "a bad zone was accepted")
    except dnslib.TestFailure as e:
        check("nsd-checkzone" in str(e), str(e))


# --- BadDns ----------------------------------------------------------------------------

def raw(port, name, qtype=1, qid=0x1234, tcp=False, wait=0.5, data=None):
    """One query by hand: the reply bytes, or None."""
    q = data or struct.pack(">HHHHHH", qid, 0x0100, 1, 0, 0, 0) + dnslib._name(name) + struct.pack(">HH", qtype, 1)
    try:
        if tcp:
            with socket.create_connection(("127.0.0.1", port), timeout=wait) as s:
                s.sendall(struct.pack(">H", len(q)) + q)
                return dnslib._recvn(s, struct.unpack(">H", dnslib._recvn(s, 2))[0])
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
            s.settimeout(wait)
            s.sendto(q, ("127.0.0.1", port))
            return s.recv(65535)
    except OSError:
        return None


def t_bad_answers(b):
    p = b.port
    d = Dig(p, "a.test")
    expect(d, "NOERROR", ["192.0.2.1", "192.0.2.2"])
    check(sorted(r[1] for r in d.answers) == [60, 300], "TTLs: %r" % d.answers)
    check("aa" in d.flags and "qr" in d.flags, d.flags)
    expect(Dig(p, "a.test", "AAAA"), "NOERROR", ["2001:db8::1"])
    expect(Dig(p, "a.test", "MX"), "NOERROR", ["10 mx.a.test.", "0 ."])
    expect(Dig(p, "a.test", "TXT"), "NOERROR", ['"v=spf1 -all"', '"one" "two" "%s" "%s"' % ("y" * 255, "y" * 45)])
    expect(Dig(p, "1.2.0.192.in-addr.arpa", "PTR"), "NOERROR", ["a.test."])
    d = Dig(p, "alias.test")
    expect(d, "NOERROR", ["a.test."], "CNAME")
    check(d.answers[1][:3] == ("a.test", 60, "A"), "CNAME target: %r" % d.answers)
    expect(Dig(p, "A.TeSt"), "NOERROR", ["192.0.2.1", "192.0.2.2"])    # names are case-blind
    check(re.search(r";A\.TeSt\.\s+IN\s+A", d.out) is None and "A.TeSt." in Dig(p, "A.TeSt").out,
          "the question is echoed as asked")
    expect(Dig(p, "a.test", "SRV"), "NOERROR", [])     # the name exists: NODATA
    expect(Dig(p, "nothing.test"), "NXDOMAIN", [])     # the default


def t_bad_rcodes(b):
    for name, status in (("nx.test", "NXDOMAIN"), ("nodata.test", "NOERROR"), ("servfail.test", "SERVFAIL"),
                         ("refused.test", "REFUSED"), ("notimp.test", "NOTIMP"), ("yxdomain.test", "YXDOMAIN")):
        expect(Dig(b.port, name), status, [])


def t_bad_silence(b):
    p = b.port
    d = Dig(p, "drop.test")
    check(d.timed_out and d.status is None and 0.9 < d.took < 3, "drop: %r (%.2f s)" % (d, d.took))
    d = Dig(p, "slow.test")
    expect(d, "NOERROR", ["192.0.2.3"])
    check(0.3 <= d.took < 1, "a 300 ms delay took %.2f s" % d.took)
    d = Dig(p, "slower.test")
    check(d.timed_out, "a 1500 ms delay with a 1 s timeout: %r" % d)
    d = Dig(p, "wrongid.test")
    check(d.timed_out and "ID mismatch" in d.out and d.status is None, "wrong_id: %r" % d)
    r = raw(p, "wrongid.test", qid=0x1234)
    check(r and r[:2] != b"\x12\x34" and r[2] & 0x80, "wrong_id: %r" % r)
    d = Dig(p, "wrongq.test")
    check(d.timed_out and "Question section mismatch: got wrong-question.test/A/IN" in d.out, "wrong_question: %r" % d)
    r = raw(p, "wrongq.test", qid=0x4321)
    check(r and r[:2] == b"\x43\x21" and b"\x0ewrong-question\x04test\0" in r, "wrong_question: %r" % r)


def t_bad_malformed(b):
    p = b.port
    for name in ("loop.test", "badptr.test"):
        q = dnslib._name(name) + b"\0\x01\0\x01"
        pointer = 12 + len(q) if name == "loop.test" else 0x3fff
        d = Dig(p, name)
        check("bad compression pointer" in d.out and d.status is None, "%s: %r" % (name, d))
        r = raw(p, name)
        check(r and struct.unpack(">H", r[6:8])[0] == 1 and struct.unpack(">H", r[12 + len(q):14 + len(q)])[0]
              == 0xc000 | pointer, "%s: %r" % (name, r))
    q = dnslib._name("short.test") + b"\0\x01\0\x01"
    d = Dig(p, "short.test")
    check("malformed message packet" in d.out and not d.answers and "tc" not in d.flags, "short: %r" % d)
    r = raw(p, "short.test")
    check(r and len(r) == 12 + len(q) + 6 and not r[2] & 2 and r[6:8] == b"\0\x01", "short: %r" % r)
    d = Dig(p, "garbage.test")
    check(not d.answers and d.status is None, "garbage: %r" % d)
    r = raw(p, "garbage.test", qid=0x2345)
    check(r and len(r) == 102 and r[:2] == b"\x23\x45" and r[2] & 0x80, "garbage: %r" % r)
    check(raw(p, "garbage.test", qid=0x2345) == r and raw(p, "garbage.test", qid=0x2346)[2:] != r[2:],
          "garbage: not the same for the same ID / differs between IDs")
    r = raw(p, "", data=struct.pack(">HHHHHH", 0x3456, 0x0100, 2, 0, 0, 0) + b"\0\0\1\0\1")
    check(r == b"\x34\x56\x80\x01" + b"\0" * 8, "a malformed query: %r, expected FORMERR" % r)
    check(b.count("#malformed") == 1, "malformed queries counted: %r" % b.queries)
    check(raw(p, "x", data=b"\x01\x02\x03") is None, "an answer to 3 bytes")


def t_bad_truncation(b):
    p = b.port
    d = Dig(p, "trunc.test", "TXT")
    check("Truncated, retrying in TCP mode" in d.out and d.tcp, "truncate: %r" % d)
    expect(d, "NOERROR", ['"over TCP"'])
    check(b.count("trunc.test", "TXT", "udp") == 1 and b.count("trunc.test", "TXT", "tcp") == 1, b.queries)
    d = Dig(p, "trunc.test", "TXT", "+ignore")
    check("tc" in d.flags and not d.answers and not d.tcp, "TC flag, no records: %r" % d)
    d = Dig(p, "trunc.test")        # bare "truncate": a sample answer over TCP
    check(d.tcp and d.data() == ["127.0.0.2"], "bare truncate: %r" % d)
    d = Dig(p, "big.test", "TXT")
    check("Truncated, retrying in TCP mode" in d.out and d.tcp, "oversized: %r" % d)
    size = int(re.search(r"MSG SIZE\s+rcvd: (\d+)", d.out).group(1))
    strings = re.findall(r'"(x+)"', d.out)
    check(60000 < size < 65536 and len(strings) == 240 and set(map(len, strings)) == {250},
          "oversized TXT: %d octets, %d strings" % (size, len(strings)))
    # an answer over 512 octets without EDNS is truncated; with EDNS (1232) it is not
    d = Dig(p, "many.test", "A", "+noedns")
    check("Truncated" in d.out and d.tcp and len(d.answers) == 40, "40 A records without EDNS: %r" % d)
    check("OPT PSEUDOSECTION" not in d.out, "an OPT answered to a query without one")
    d = Dig(p, "many.test", "A")
    check("Truncated" not in d.out and not d.tcp and len(d.answers) == 40, "40 A records with EDNS: %r" % d)
    check("udp: 1232" in d.out, "OPT not echoed: %r" % d)
    expect(Dig(p, "a.test", "A", "+tcp", "+nocookie"), "NOERROR", ["192.0.2.1", "192.0.2.2"])


def t_bad_counts(b):
    before = b.count()
    for opts in ((), (), ("+tcp",)):
        Dig(b.port, "count.test", "A", *opts)
    Dig(b.port, "count.test", "TXT")
    check(b.count("count.test") == 4 and b.count("Count.Test.", "A") == 3, b.queries)
    check(b.count("count.test", 1, "udp") == 2 and b.count("count.test", "A", "tcp") == 1, b.queries)
    check(b.count() == before + 4, "total %d, expected %d" % (b.count(), before + 4))
    check([h[1:4] for h in b.history[-4:]] == [("udp", "count.test", 1), ("udp", "count.test", 1),
                                                 ("tcp", "count.test", 1), ("udp", "count.test", 16)], b.history[-4:])
    # two queries on one TCP connection, answered in order (RFC 7766 6.2.1)
    with socket.create_connection(("127.0.0.1", b.port), timeout=2) as s:
        for i in (1, 2):
            q = struct.pack(">HHHHHH", i, 0x0100, 1, 0, 0, 0) + dnslib._name("count.test") + b"\0\1\0\1"
            s.sendall(struct.pack(">H", len(q)) + q)
        ids = [dnslib._recvn(s, struct.unpack(">H", dnslib._recvn(s, 2))[0])[:2] for i in (1, 2)]
    check(ids == [b"\0\1", b"\0\2"], "two queries on one connection: %r" % ids)


def t_bad_legacy():
    # the first dnslib's interface (tests/integration/dns.py): a function, (type, rdata) records,
    # delays in seconds, ("truncate", action), ("raw", bytes)
    def f(name, t):
        return {"l.test": ("answer", [dnslib.a("127.0.0.2"), dnslib.txt("a", "b")]),
                "d.test": ("delay", 0.3, ("rcode", 3)), "t.test": ("truncate", ("answer", [dnslib.mx(0, "")])),
                "r.test": ("raw", b"\x84\x80\x00\x01"), "boom.test": ("no such action",)}.get(name, ("drop",))
    b = BadDns(f)
    try:
        d = Dig(b.port, "l.test")
        check(d.data("A") == ["127.0.0.2"] and d.data("TXT") == ['"a" "b"'], d)
        d = Dig(b.port, "d.test")
        check(d.status == "NXDOMAIN" and 0.3 <= d.took < 1, "delay 0.3 (seconds): %.2f s %r" % (d.took, d))
        d = Dig(b.port, "t.test", "MX")
        check(d.tcp and d.data() == ["0 ."], d)
        check(raw(b.port, "r.test") == b"\x12\x34\x84\x80\x00\x01", "raw")
        check(raw(b.port, "boom.test", wait=0.3) is None and len(b.errors) == 1 and "bad action" in b.errors[0],
              "a bad action from a function: no answer, .errors: %r" % b.errors)
    finally:
        b.stop()
    for bad in ({"x.test": "bogus"}, {"x.test": ("delay", 250.0, "drop")}, {"x.test": ("rcode", 16)},
                {"x.test": ("answer", [("A", "300.1.2.3")])}, {"x.test": ("truncate", "drop", "drop")}):
        try:
            BadDns(bad).stop()
            check(False, "accepted %r" % bad)
        except ValueError:
            pass
        except OSError:
            pass


def t_bad_stop():
    threads = threading.active_count()
    b = BadDns({"s.test": ("delay", 5000, "nodata")})
    raw(b.port, "s.test", wait=0.05)           # an answer pending for 5 s
    c = socket.create_connection(("127.0.0.1", b.port))     # an idle TCP connection
    t0 = time.time()
    b.stop()
    check(time.time() - t0 < 1, "stop took %.2f s" % (time.time() - t0))
    check(threading.active_count() == threads, "threads left: %d, before %d" % (threading.active_count(), threads))
    check(c.recv(10) == b"", "the TCP connection was not closed")
    c.close()
    for kind in (socket.SOCK_DGRAM, socket.SOCK_STREAM):
        with socket.socket(socket.AF_INET, kind) as s:
            s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)     # the closed connection's TIME_WAIT
            s.bind(("127.0.0.1", b.port))        # raises if the server's socket is still there
    check(b not in dnslib._running, "still registered")


BAD = {
    ("a.test", "A"): ("answer", [("A", "192.0.2.1", 300), ("A", "192.0.2.2")]),
    ("a.test", "AAAA"): ("answer", [("AAAA", "2001:db8::1")]),
    ("a.test", "MX"): ("answer", [("MX", (10, "mx.a.test")), ("MX", "0 .")]),
    ("a.test", "TXT"): ("answer", [("TXT", "v=spf1 -all"), ("TXT", ["one", "two", "y" * 300])]),
    ("1.2.0.192.in-addr.arpa", "PTR"): ("answer", [("PTR", "a.test")]),
    "alias.test": ("answer", [("CNAME", "a.test"), ("A", "192.0.2.1", 60, "a.test")]),
    "nx.test": "nxdomain", "nodata.test": "nodata", "servfail.test": "servfail", "refused.test": "refused",
    "notimp.test": ("rcode", 4), "yxdomain.test": ("rcode", 6),
    "drop.test": "drop", "slow.test": ("delay", 300, ("answer", [("A", "192.0.2.3")])),
    "slower.test": ("delay", 1500, "nodata"), "wrongid.test": "wrong_id", "wrongq.test": "wrong_question",
    "loop.test": "compression_loop", "badptr.test": "bad_pointer", "short.test": "short",
    "garbage.test": "garbage", ("trunc.test", "TXT"): ("truncate", ("answer", [("TXT", "over TCP")])),
    ("trunc.test", "A"): "truncate", "big.test": "oversized_txt",
    "many.test": ("answer", [("A", "192.0.2.%d" % i) for i in range(1, 41)]),
    "count.test": "nodata",
}


def t_killed_test_leaves_nothing():
    # a test killed with SIGKILL: the watchdog stops its daemons
    code = ("import os, sys; sys.path.insert(0, %r); import dnslib\n"
            "r = dnslib.Rbldnsd({'bl.test': ('ip4set', '127.0.0.2\\n')})\n"
            "print(r.proc.pid, r.port, flush=True); os.kill(os.getpid(), 9)\n") % os.path.dirname(os.path.abspath(__file__))
    env = dict(os.environ, TEST_TMPDIR=tmpbase())
    r = subprocess.run([sys.executable, "-B", "-c", code], capture_output=True, text=True, env=env, timeout=20)
    check(r.returncode == -9, "the child: %r" % r)
    pid, port = map(int, r.stdout.split())
    deadline = time.time() + 5
    while dnslib._stat(pid) and time.time() < deadline:
        time.sleep(0.02)
    check(not dnslib._stat(pid), "rbldnsd %d outlived its killed test" % pid)


def t_no_leftovers():
    dnslib.stop_all()
    for server, tree in _daemons:
        alive = [p for p, start in tree if (dnslib._stat(p) or (0, None))[1] == start]
        check(not alive, "%s left processes %r" % (server.prog, alive))
        check(dnslib.ask(server.port, "x.test", timeout=0.2) is None, "%s still answers" % server.prog)


def main():
    t0 = time.time()
    if dnslib.missing("dig"):
        print("ok - %s # SKIP %s" % (NAME, dnslib.missing("dig")))
        sys.exit(0)
    if dnslib.missing("rbldnsd"):
        report("%s # SKIP %s" % (NAME, dnslib.missing("rbldnsd")))
    else:
        taken, release = taken_port_first()
        try:
            rbl = started(Rbldnsd(RBL), taken)
        finally:
            release()
        run_test("dnsservers: rbldnsd ip4set: listed (A, TXT with $), per-entry code and text, range, exclusion, "
                 "unlisted NXDOMAIN, other zones REFUSED", lambda: t_rbl_ip4(rbl))
        run_test("dnsservers: rbldnsd ip6trie by RFC 5782 nibbles (revname), /48 range", lambda: t_rbl_ip6(rbl))
        run_test("dnsservers: rbldnsd dnset: exact, '.d' and '*.d' wildcards", lambda: t_rbl_dnset(rbl))
        run_test("dnsservers: a killed test leaves no daemon (watchdog)", t_killed_test_leaves_nothing)
        rbl.stop()
    if dnslib.missing("dnsmasq"):
        report("%s # SKIP %s" % (NAME, dnslib.missing("dnsmasq")))
    else:
        taken, release = taken_port_first()
        try:
            dm = started(Dnsmasq(local=["example.test", "2.0.192.in-addr.arpa"],
                                 hosts=[("mail.example.test", "192.0.2.10", "2001:db8::10")],
                                 mx=[("example.test", "mail.example.test", 10), ("example.test", "mx2.example.test", 20)],
                                 txt=[("example.test", "v=spf1 ip4:192.0.2.0/24 -all"), ("multi.example.test", "one", "two", "x" * 300)],
                                 ptr=[("192.0.2.11", "other.example.test")], cname=[("www.example.test", "mail.example.test")]),
                         taken)
        finally:
            release()
        run_test("dnsservers: dnsmasq A, AAAA, MX, TXT (several strings, split at 255), PTR, CNAME, NXDOMAIN, "
                 "NODATA, REFUSED, TCP", lambda: t_dnsmasq(dm))
        dm.stop()
    if dnslib.missing("nsd", "nsd-checkzone"):
        report("%s # SKIP %s" % (NAME, dnslib.missing("nsd", "nsd-checkzone")))
    else:
        taken, release = taken_port_first()
        try:
            ns = started(Nsd("example.test", ZONE), taken)
        finally:
            release()
        run_test("dnsservers: nsd from a zone file: multi-string TXT, MX, AAAA, CNAME, wildcard, NXDOMAIN and "
                 "NODATA with the SOA, TCP; nsd-checkzone refuses a bad zone", lambda: t_nsd(ns))
        ns.stop()
    taken, release = taken_port_first()
    try:
        b = BadDns(BAD)
    finally:
        release()
    check(b.port != taken, "BadDns kept the taken port")
    try:
        run_test("dnsservers: BadDns answers A, AAAA, MX, TXT (split at 255), PTR, CNAME with TTLs; "
                 "NODATA for a known name, NXDOMAIN by default", lambda: t_bad_answers(b))
        run_test("dnsservers: BadDns nxdomain, nodata, servfail, refused, (rcode, n)", lambda: t_bad_rcodes(b))
        run_test("dnsservers: BadDns drop, delay, wrong_id, wrong_question: dig times out or gets the answer late",
                 lambda: t_bad_silence(b))
        run_test("dnsservers: BadDns compression_loop, bad_pointer, short, garbage; FORMERR for a malformed query",
                 lambda: t_bad_malformed(b))
        run_test("dnsservers: BadDns truncate (TC then TCP), oversized_txt (60 KB over TCP), 512-octet limit "
                 "without EDNS, OPT echoed", lambda: t_bad_truncation(b))
        run_test("dnsservers: BadDns counts queries per name, type and transport; two queries on one TCP connection",
                 lambda: t_bad_counts(b))
    finally:
        b.stop()
    run_test("dnsservers: BadDns with the first dnslib's interface (dns.py); bad actions refused", t_bad_legacy)
    run_test("dnsservers: BadDns.stop ends its threads and frees the port at once", t_bad_stop)
    run_test("dnsservers: every server stopped, no process left", t_no_leftovers)
    note("dnsservers: %.1f s" % (time.time() - t0))
    finish()


main()

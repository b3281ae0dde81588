# dnslib.py: DNS servers for the integration tests (imported, not run: tests/run
# runs only executable files, and this one is 0644 like itlib.py).
#
#   Rbldnsd(zones)              the real rbldnsd: DNSBL zones (ip4set, ip6trie, dnset...)
#   Dnsmasq(args, local, ...)   the real dnsmasq: ordinary records (A, AAAA, MX, TXT, PTR, CNAME)
#   Nsd(zone_name, zone_text)   the real nsd: authoritative from a zone file (exact RFC answers)
#   BadDns(behaviour)           our own server, UDP and TCP on one port in threads of the
#                               test, for answers that must be broken on purpose
#
# Each binds 127.0.0.1 on a port picked at run time (another is tried when the port
# is lost), has .port and .stop(), and is stopped at exit. The daemons run in their
# own directory under itlib.tmpbase() (output in .log()), are stopped by PID
# (SIGTERM, then SIGKILL for them and any child), and are watched by a small
# watchdog process that kills them if the test itself is killed with SIGKILL.
# Daemons never use the system's configuration, ports or files.
import atexit
import collections
import os
import random
import re
import select
import shutil
import signal
import socket
import struct
import subprocess
import sys
import tempfile
import threading
import time

from itlib import TestFailure, check, tmpbase

PACKAGES = {"rbldnsd": "rbldnsd", "dnsmasq": "dnsmasq-base", "nsd": "nsd", "nsd-checkzone": "nsd", "dig": "dnsutils"}
TYPES = {"A": 1, "NS": 2, "CNAME": 5, "SOA": 6, "PTR": 12, "MX": 15, "TXT": 16, "AAAA": 28, "SRV": 33,
         "OPT": 41, "ANY": 255}

_running = []       # servers not stopped yet
_watchdog = None    # the process that kills our daemons if we die


def which(prog):
    """The path of prog (PATH, then /usr/sbin and /sbin), or None."""
    return shutil.which(prog) or shutil.which(prog, path="/usr/sbin:/sbin")


def missing(*progs):
    """None when every program is installed, else why not: 'nsd is not installed (Debian: nsd)'."""
    for p in progs:
        if not which(p):
            return "%s is not installed (Debian: %s)" % (p, PACKAGES.get(p, p))
    return None


def qtype(t):
    """A type name ("TXT", "txt") or number -> number."""
    return t if isinstance(t, int) else TYPES[t.upper()]


def revname(ip, zone=None):
    """The reversed name of an address under zone: IPv4 by octets, IPv6 by nibbles (RFC 5782
    2.1, 2.4); zone defaults to in-addr.arpa / ip6.arpa."""
    if ":" in ip:
        labels, default = reversed(socket.inet_pton(socket.AF_INET6, ip).hex()), "ip6.arpa"
    else:
        labels, default = (str(b) for b in reversed(socket.inet_pton(socket.AF_INET, ip))), "in-addr.arpa"
    return ".".join(list(labels) + [zone or default])


def free_port():
    """A port free for both UDP and TCP on 127.0.0.1 now (callers retry when it is lost)."""
    for _ in range(50):
        u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        t = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        try:
            u.bind(("127.0.0.1", 0))
            t.bind(("127.0.0.1", u.getsockname()[1]))
            return u.getsockname()[1]
        except OSError:
            continue
        finally:
            u.close()
            t.close()
    raise TestFailure("no free port on 127.0.0.1")


def _name(n):
    """A domain name in wire form (no compression); '' or '.' is the root."""
    out = b""
    for label in n.rstrip(".").split(".") if n.strip(".") else []:
        b = label.encode()
        if not 0 < len(b) < 64:
            raise ValueError("bad label in %r" % n)
        out += bytes([len(b)]) + b
    if len(out) >= 255:
        raise ValueError("name over 255 octets: %r" % n)
    return out + b"\0"


def ask(port, name, qtype_=1, tcp=False, timeout=1.0):
    """One query to 127.0.0.1:port: (rcode, answer count), or None without a valid answer."""
    qid = random.randrange(65536)
    q = struct.pack(">HHHHHH", qid, 0x0100, 1, 0, 0, 0) + _name(name) + struct.pack(">HH", qtype(qtype_), 1)
    try:
        if tcp:
            with socket.create_connection(("127.0.0.1", port), timeout=timeout) as s:
                s.sendall(struct.pack(">H", len(q)) + q)
                r = _recvn(s, struct.unpack(">H", _recvn(s, 2))[0])
        else:
            with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
                s.settimeout(timeout)
                s.sendto(q, ("127.0.0.1", port))
                r = s.recv(65535)
    except OSError:
        return None
    if len(r) < 12 or struct.unpack(">H", r[:2])[0] != qid or not r[2] & 0x80:
        return None
    return r[3] & 15, struct.unpack(">H", r[6:8])[0]


def _recvn(s, n):
    b = b""
    while len(b) < n:
        d = s.recv(n - len(b))
        if not d:
            raise OSError("short read")
        b += d
    return b


# --- processes: /proc, the watchdog, stopping by PID -------------------------------------

def _stat(pid):
    """(ppid, start time) of a live process, None when gone (a zombie counts as gone)."""
    try:
        s = open("/proc/%d/stat" % pid).read()
    except OSError:
        return None
    f = s[s.rindex(")") + 2:].split()
    return None if f[0] in "ZX" else (int(f[1]), f[19])


def _tree(pid):
    """pid and its descendants as [(pid, start time)]."""
    procs = {}
    for d in os.listdir("/proc"):
        if d.isdigit():
            st = _stat(int(d))
            if st:
                procs[int(d)] = st
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        if p in procs:
            out.append((p, procs[p][1]))
            todo += [c for c, (pp, _) in procs.items() if pp == p]
    return out


def _kill(tree, sig=signal.SIGKILL):
    for pid, start in tree:
        if (_stat(pid) or (0, None))[1] == start:
            try:
                os.kill(pid, sig)
            except OSError:
                pass


def _owns_port(pid, port):
    """True when pid or a child of it has the UDP socket 127.0.0.1:port (not some other program)."""
    key = "%08X:%04X" % (struct.unpack("=I", socket.inet_aton("127.0.0.1"))[0], port)
    try:
        inodes = {"socket:[%s]" % l.split()[9] for l in open("/proc/net/udp").read().splitlines()[1:]
                  if l.split()[1] == key}
    except OSError:
        return True
    readable = False
    for p, _ in _tree(pid):
        try:
            fds = os.listdir("/proc/%d/fd" % p)
            readable = True
        except OSError:
            continue
        for fd in fds:
            try:
                if os.readlink("/proc/%d/fd/%s" % (p, fd)) in inodes:
                    return True
            except OSError:
                pass
    return not readable


def _watch(op, pid, start=None):
    """Tell the watchdog to kill pid's tree if this process dies ('+') or to forget it ('-').
    Returns pid's start time (what '-' takes)."""
    global _watchdog
    if _watchdog is None:
        _watchdog = subprocess.Popen([sys.executable, "-B", os.path.abspath(__file__), "--watchdog"],
                                     stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, close_fds=True)
    start = start or (_stat(pid) or (0, "0"))[1]
    try:
        _watchdog.stdin.write(("%s %d %s\n" % (op, pid, start)).encode())
        _watchdog.stdin.flush()
    except OSError:
        pass
    return start


def _watchdog_main():
    # reads "+ pid start" / "- pid start" until EOF (the test is gone), then kills what is left
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGHUP, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, lambda *a: sys.exit(0))
    watched = {}
    try:
        for line in sys.stdin:
            op, pid, start = line.split()
            if op == "+":
                watched[int(pid)] = start
            else:
                watched.pop(int(pid), None)
    finally:
        for pid, start in watched.items():
            if (_stat(pid) or (0, None))[1] == start:
                _kill(_tree(pid))


def stop_all():
    """Stop every server still running (also done at exit)."""
    for s in list(_running):
        s.stop()


def _at_exit():
    global _watchdog
    stop_all()
    if _watchdog is not None:
        try:
            _watchdog.stdin.close()
            _watchdog.wait(5)
        except (OSError, subprocess.TimeoutExpired):
            _watchdog.kill()
        _watchdog = None


atexit.register(_at_exit)


class _Daemon:
    """A real server program in its own directory on a free port, stopped by PID."""
    prog = None

    def _setup(self):
        check(which(self.prog), missing(self.prog))
        self.dir = tempfile.mkdtemp(prefix=self.prog + ".", dir=tmpbase())
        os.chmod(self.dir, 0o755)   # read by nobody after the privileges are dropped
        self.logpath = os.path.join(self.dir, self.prog + ".log")
        self.proc = self.port = None
        self.probe = ("dnslib-probe.test", 1)

    def _write(self, name, text):
        if not isinstance(text, str):
            text = "".join(l + "\n" for l in text)
        with open(os.path.join(self.dir, name), "w") as f:
            f.write(text)
        os.chmod(os.path.join(self.dir, name), 0o644)
        return name

    def _ready(self, answer):
        return True     # any answer from our own process

    def _configure(self):
        pass

    def log(self):
        """The program's output so far (with its query log where it has one)."""
        try:
            return open(self.logpath, "rb").read().decode("latin-1")
        except OSError:
            return ""

    def _start(self):
        for attempt in range(8):
            self.port = free_port()
            self._configure()
            before = len(self.log())
            with open(self.logpath, "ab") as log:
                self.proc = subprocess.Popen(self.command(), stdin=subprocess.DEVNULL, stdout=log,
                                             stderr=subprocess.STDOUT, cwd=self.dir, close_fds=True)
            _running.append(self)
            self._started = _watch("+", self.proc.pid)
            deadline = time.time() + 10
            while time.time() < deadline and self.proc.poll() is None:
                r = ask(self.port, *self.probe, timeout=0.2)
                if r is not None and self._ready(r) and _owns_port(self.proc.pid, self.port):
                    return self
                time.sleep(0.02)
            lost = self.proc.poll() is not None and re.search(r"in use", self.log()[before:])
            self.stop()
            if not lost:
                break
        raise TestFailure("%s did not start on 127.0.0.1:%s: %s" % (self.prog, self.port, self.log()[-600:]))

    def stop(self):
        """SIGTERM by PID, SIGKILL after 3 s; then SIGKILL for any child left."""
        p = self.proc
        if p is not None:
            tree = _tree(p.pid)
            if p.poll() is None:
                p.terminate()
                try:
                    p.wait(3)
                except subprocess.TimeoutExpired:
                    p.kill()
                    p.wait()
            deadline = time.time() + 2
            while time.time() < deadline and any((_stat(q) or (0, None))[1] == s for q, s in tree[1:]):
                time.sleep(0.02)
            _kill(tree)
            _watch("-", p.pid, self._started)
            self.proc = None
        if self in _running:
            _running.remove(self)


class Rbldnsd(_Daemon):
    """zones: {"bl.test": ("ip4set", text)}, text a str or a list of lines in rbldnsd(8) syntax:
    ':127.0.0.2:Listed, see http://bl.test/$' sets the A value and TXT text of the entries that
    follow ($ is the address or name asked for, $$ a dollar), '192.0.2.66 :127.0.0.4:spam $' an
    entry's own, '192.0.2.0/24' a range, '!192.0.2.67' an exclusion; ip6trie takes IPv6 CIDR
    ranges (asked by nibbles, see revname), dnset names ('.d': d and its subdomains, '*.d': the
    subdomains only). Unlisted: NXDOMAIN; outside the zones: REFUSED; UDP only. ttl: default TTL."""
    prog = "rbldnsd"

    def __init__(self, zones, ttl=60):
        self._setup()
        self.ttl, self.specs = ttl, []
        for zone, (kind, text) in zones.items():
            check(re.match(r"^[a-z0-9.-]+$", zone) and re.match(r"^[a-z0-9]+$", kind), "bad zone %r" % zone)
            self.specs.append("%s:%s:%s" % (zone, kind, self._write("%s.%s" % (zone, kind), text)))
        self.probe = (list(zones)[0], 1)
        self._start()

    def command(self):
        user = ["-u", "nobody"] if os.geteuid() == 0 else []    # it refuses to run as root
        return [which("rbldnsd"), "-n", "-b", "127.0.0.1/%d" % self.port, "-w", self.dir] + user + \
            ["-c", "0", "-t", str(self.ttl), "-p", os.path.join(self.dir, "rbldnsd.pid"), "-l", "+-"] + self.specs


def _dm_text(s):
    # dnsmasq splits an option at every comma (quotes do not protect it and would be kept)
    check(not re.search(r'[,"\\]', s), "dnsmasq cannot take , \" or \\ in a TXT string: %r" % s)
    return s


class Dnsmasq(_Daemon):
    """Ordinary records from dnsmasq's options. args: raw dnsmasq options; local: domains it
    answers for alone (an undefined name under them is NXDOMAIN, a defined name asked for
    another type NODATA; names outside them are REFUSED); hosts: [(name, address, ...)] A and
    AAAA (and the PTR of each address); mx: [(domain, host, preference)]; txt: [(name, string,
    ...)] (strings over 255 octets are split, commas are not allowed); ptr: [(name or address,
    target)]; cname: [(alias, target)] (target must be a name defined here). ttl: every TTL."""
    prog = "dnsmasq"

    def __init__(self, args=(), local=("example.test",), hosts=(), mx=(), txt=(), ptr=(), cname=(), ttl=60):
        self._setup()
        self.args = list(args) + ["--local=/%s/" % d for d in local] + ["--local-ttl=%d" % ttl]
        self.args += ["--host-record=" + ",".join(h) for h in hosts]
        self.args += ["--mx-host=%s,%s,%d" % tuple(m) for m in mx]
        self.args += ["--txt-record=" + ",".join([t[0]] + [_dm_text(s) for s in t[1:]]) for t in txt]
        self.args += ["--ptr-record=%s,%s" % (revname(n) if re.match(r"^[0-9.]+$|:", n) else n, t) for n, t in ptr]
        self.args += ["--cname=%s,%s" % c for c in cname]
        if local:
            self.probe = (local[0], 1)
        self._start()

    def command(self):
        user = ["--user=nobody"] if os.geteuid() == 0 else []
        return [which("dnsmasq"), "-k", "--conf-file=/dev/null", "--port=%d" % self.port,
                "--listen-address=127.0.0.1", "--bind-interfaces", "--no-resolv", "--no-hosts",
                "--pid-file=" + os.path.join(self.dir, "dnsmasq.pid"), "--log-facility=-", "--log-queries"] + \
            user + self.args


class Nsd(_Daemon):
    """nsd authoritative for one zone from zone_text (a master file; $ORIGIN is the zone, so
    relative names work, and it needs its SOA). Checked with nsd-checkzone first. Answers
    exactly as RFC 1034/2308 say (NXDOMAIN and NODATA with the SOA), UDP and TCP."""
    prog = "nsd"

    def __init__(self, zone_name, zone_text):
        self._setup()
        self.zone = zone_name.rstrip(".")
        zf = self._write(self.zone + ".zone", "$ORIGIN %s.\n%s" % (self.zone, zone_text))
        r = subprocess.run([which("nsd-checkzone") or "nsd-checkzone", self.zone, zf], cwd=self.dir,
                           capture_output=True, text=True)
        check(r.returncode == 0, "nsd-checkzone %s: %s" % (self.zone, (r.stdout + r.stderr).strip()[-600:]))
        self.probe = (self.zone, 6)
        self._start()

    def _ready(self, answer):
        return answer == (0, 1)     # the SOA: the zone is loaded

    def _configure(self):
        d = self.dir
        self._write("nsd.conf", """server:
  ip-address: 127.0.0.1@%d
  port: %d
  do-ip4: yes
  do-ip6: no
  username: ""
  chroot: ""
  database: ""
  zonesdir: "%s"
  pidfile: "%s/nsd.pid"
  xfrdfile: "%s/xfrd.state"
  xfrdir: "%s"
  zonelistfile: "%s/zone.list"
  logfile: "%s/nsd.log"
  verbosity: 0
  server-count: 1
  reuseport: no
  minimal-responses: yes
  refuse-any: no
  hide-version: yes
remote-control:
  control-enable: no
zone:
  name: "%s"
  zonefile: "%s.zone"
""" % (self.port, self.port, d, d, d, d, d, d, self.zone, self.zone))

    def command(self):
        return [which("nsd"), "-d", "-c", os.path.join(self.dir, "nsd.conf")]

    def log(self):
        return _Daemon.log(self) + "".join(open(p, errors="replace").read() for p in [os.path.join(self.dir, "nsd.log")]
                                           if os.path.exists(p))


# --- BadDns ---------------------------------------------------------------------------

def _rdata(t, v):
    """Record data from a simple value: A/AAAA an address; TXT a str or a list of them (each
    split into 255-octet strings); MX (preference, host) or "10 host"; PTR/CNAME/NS a name;
    SOA (mname, rname, serial, refresh, retry, expire, minimum); bytes: the rdata as is."""
    t = qtype(t)
    if isinstance(v, bytes):
        return v
    if t in (1, 28):
        return socket.inet_pton(socket.AF_INET if t == 1 else socket.AF_INET6, v)
    if t == 16:
        out = b""
        for s in [v] if isinstance(v, str) else v:
            s = s.encode() if isinstance(s, str) else s
            out += b"".join(bytes([len(c)]) + c for c in [s[i:i + 255] for i in range(0, len(s), 255)] or [b""])
        return out
    if t == 15:
        pref, host = v.split(None, 1) if isinstance(v, str) else v
        return struct.pack(">H", int(pref)) + _name(host)
    if t in (2, 5, 12):
        return _name(v)
    if t == 6:
        return _name(v[0]) + _name(v[1]) + struct.pack(">IIIII", *v[2:])
    raise ValueError("give type %d's rdata as bytes" % t)


def a(ip):
    return (1, _rdata(1, ip))


def aaaa(ip):
    return (28, _rdata(28, ip))


def txt(*strings):
    return (16, _rdata(16, list(strings)))


def mx(pref, host):
    return (15, _rdata(15, (pref, host)))


def ptr(name):
    return (12, _rdata(12, name))


def cname(name):
    return (5, _rdata(5, name))


def _rr(rec):
    """(type, value[, ttl[, owner]]) -> wire RR; the owner defaults to the question's name."""
    t, v = qtype(rec[0]), rec[1]
    ttl = rec[2] if len(rec) > 2 else 60
    rd = _rdata(t, v)
    owner = _name(rec[3]) if len(rec) > 3 else b"\xc0\x0c"
    return owner + struct.pack(">HHIH", t, 1, ttl, len(rd)) + rd


_SAMPLE = {1: "127.0.0.2", 28: "2001:db8::2", 16: "sample answer", 15: (10, "mail.example.test"),
           12: "host.example.test", 5: "target.example.test", 2: "ns.example.test"}
_PLAIN = {"nxdomain": 3, "nodata": 0, "servfail": 2, "refused": 5}
_SIMPLE = set(_PLAIN) | {"drop", "compression_loop", "bad_pointer", "oversized_txt", "garbage"}
_WRAP = {"truncate", "wrong_id", "wrong_question", "short"}
_OPT = b"\0" + struct.pack(">HHIH", 41, 1232, 0, 0)
Query = collections.namedtuple("Query", "id rd name qtype question edns")


def _norm(act):
    """An action as a checked tuple (kind, args...)."""
    act = (act,) if isinstance(act, str) else tuple(act) if isinstance(act, (tuple, list)) else ()
    k, args = (act[0], act[1:]) if act else (None, ())
    ok = (k in _SIMPLE and not args) or (k in _WRAP and len(args) <= 1) or \
        (k == "answer" and len(args) == 1 and isinstance(args[0], (list, tuple))) or \
        (k == "rcode" and len(args) == 1 and args[0] in range(16)) or \
        (k == "raw" and len(args) == 1 and isinstance(args[0], bytes)) or \
        (k == "delay" and len(args) == 2 and _seconds(args[0]) is not None)
    if not ok:
        raise ValueError("BadDns: bad action %r" % (act,))
    if k in _WRAP and args or k == "delay":
        _norm(args[-1])
    if k == "answer":
        for r in args[0]:
            _rr(r)
    return (k,) + args


def _seconds(d):
    """delay: an int is milliseconds; a float under 30 is seconds (the first dnslib's unit)."""
    if isinstance(d, bool) or not isinstance(d, (int, float)) or d < 0:
        return None
    return d / 1000.0 if isinstance(d, int) else d if d < 30 else None


def _parse(d):
    """A query (QR 0, QUERY, one question, no compression) as a Query; None if malformed.
    Additional records are skipped; an OPT among them gives edns (its UDP payload size)."""
    try:
        qid, flags, qd, an, ns, ar = struct.unpack(">HHHHHH", d[:12])
        if flags & 0xf800 or qd != 1 or an or ns:
            return None
        i, labels = 12, []
        while d[i]:
            if d[i] > 63:
                return None
            labels.append(d[i + 1:i + 1 + d[i]])
            i += 1 + d[i]
        t = struct.unpack(">H", d[i + 1:i + 3])[0]
        question, i, edns = d[12:i + 5], i + 5, None
        for _ in range(ar):
            while d[i] and d[i] < 64:
                i += 1 + d[i]
            i += 2 if d[i] >= 192 else 1
            rt, rc, _, rdlen = struct.unpack(">HHIH", d[i:i + 10])
            edns, i = rc if rt == 41 else edns, i + 10 + rdlen
        if len(question) < 5 or i != len(d):
            return None
        return Query(qid, flags >> 8 & 1, b".".join(labels).decode("latin-1").lower(), t, question, edns)
    except (IndexError, struct.error):
        return None


class BadDns:
    """Our own DNS server: UDP and TCP on one free port of 127.0.0.1, served by threads of the
    test process until stop(). behaviour: a dict {(name, type): action, name: action (any
    type), "default": action (else "nxdomain")}, names lowercased without the final dot, types
    as numbers or names; or one action for every query; or a function (name, qtype) -> action.
    Actions (a bare string or a tuple), each checked when the server is made:

      ("answer", records)  a correct answer, records [(type, value, ttl)] (see _rdata; ttl and a
                           4th element, the owner name, are optional; the owner defaults to the
                           question's name); over UDP an answer longer than 512 octets (or the
                           query's EDNS size) is sent truncated (TC, no records), as servers do
      "nxdomain" / "nodata" / "servfail" / "refused"  that answer, with no records
      ("rcode", n)         an empty answer with rcode n (0-15)
      "drop"               never answers
      ("delay", ms, then)  answers `then` ms later (an int; a float is seconds); over TCP the
                           answers on one connection stay in order
      "truncate"           UDP: TC bit and no records; TCP: the full answer ("truncate", then)
                           gives it; bare, a sample answer for the type (A 127.0.0.2, TXT
                           "sample answer", MX 10 mail.example.test, ...)
      "wrong_id"           the answer (sample, or ("wrong_id", then)) with another ID, then nothing
      "wrong_question"     the right ID, the answer for another name (wrong-question.test)
      "compression_loop"   one A record whose owner name is a compression pointer to itself
      "bad_pointer"        one A record whose owner name points beyond the packet (0x3fff)
      "oversized_txt"      UDP: TC; TCP: one TXT record (whatever the type) of 240 strings of
                           250 octets (60 KB)
      "garbage"            the query's ID, QR set, then 100 random octets (the same for an ID)
      "short"              the answer (sample, or ("short", then)) cut in its first record
                           (before the TTL), without the TC bit
      ("raw", data)        the query's ID then these bytes

    A query with an OPT record gets an OPT (payload 1232) back in the well-formed answers
    (edns=False: never). .queries counts {(name, qtype, "udp"|"tcp"): n} (a malformed query:
    "#malformed"), .history lists (time, transport, name, qtype, id), .errors the exceptions
    a behaviour function raised (no answer sent then)."""

    def __init__(self, behaviour, edns=True):
        self.behaviour = behaviour if callable(behaviour) else self._table(behaviour)
        self.edns, self.queries, self.history, self.errors = edns, {}, [], []
        self._lock, self._stopping, self._threads, self._conns = threading.Lock(), threading.Event(), [], []
        for attempt in range(20):
            u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
            t = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            try:
                port = free_port()
                u.bind(("127.0.0.1", port))
                t.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)    # no TIME_WAIT left behind
                t.bind(("127.0.0.1", port))
                t.listen(64)
                break
            except OSError:
                u.close()
                t.close()
        else:
            raise TestFailure("BadDns: no free port")
        self.port, self._udp, self._tcp = port, u, t
        _running.append(self)
        self._spawn(self._udp_loop)
        self._spawn(self._tcp_loop)

    @staticmethod
    def _table(b):
        if not isinstance(b, dict):
            _norm(b)
            return lambda n, t: b
        table = {}
        for k, act in b.items():
            _norm(act)
            if k == "default":
                table[None] = act
            else:
                n, t = (k, None) if isinstance(k, str) else k
                table[(n.lower().rstrip("."), None if t in (None, "*") else qtype(t))] = act
        names = {n for n, t in table if n}
        return lambda n, t: table.get((n, t), table.get((n, None), "nodata" if n in names else table.get(None, "nxdomain")))

    def count(self, name=None, qtype_=None, transport=None):
        """Queries received for name (None: any), of that type (number or name) and transport."""
        t = None if qtype_ is None else qtype(qtype_)
        with self._lock:
            return sum(v for (n, qt, tr), v in self.queries.items() if (name is None or n == name.lower().rstrip("."))
                       and (t is None or qt == t) and (transport is None or tr == transport))

    def _spawn(self, fn, *args):
        th = threading.Thread(target=fn, args=args, daemon=True)
        with self._lock:
            self._threads = [x for x in self._threads if x.is_alive()] + [th]
        th.start()

    def _msg(self, q, rcode=0, rrs=(), tc=False, qid=None, question=None, opt=True):
        opt = opt and self.edns and q.edns is not None
        flags = 0x8480 | (0x200 if tc else 0) | q.rd << 8 | rcode
        return struct.pack(">HHHHHH", q.id if qid is None else qid, flags, 1, len(rrs), 0, int(opt)) + \
            (question or q.question) + b"".join(rrs) + (_OPT if opt else b"")

    def _reply(self, q, act, tcp):
        """The bytes answering q with act (a _norm tuple), or None."""
        k, args = act[0], act[1:]
        inner = _norm(args[0]) if k in _WRAP and args else ("answer", [(q.qtype, _SAMPLE[q.qtype])] if q.qtype in _SAMPLE else [])
        end = 12 + len(q.question)
        if k == "answer":
            r = self._msg(q, rrs=[_rr(rec) for rec in args[0]])
            return r if tcp or len(r) <= max(512, q.edns or 0) else self._msg(q, tc=True)
        if k in _PLAIN or k == "rcode":
            return self._msg(q, _PLAIN.get(k, args and args[0]))
        if k in ("truncate", "oversized_txt") and not tcp:
            return self._msg(q, tc=True)
        if k == "truncate":
            return self._reply(q, inner, True)
        if k == "oversized_txt":
            return self._msg(q, rrs=[_rr((16, ["x" * 250] * 240))])
        if k == "wrong_id":
            r = self._reply(q, inner, tcp)
            return r and struct.pack(">H", (q.id + 0x5555) & 0xffff) + r[2:]
        if k == "wrong_question":
            other = "other-question.test" if q.name == "wrong-question.test" else "wrong-question.test"
            return self._reply(q._replace(question=_name(other) + q.question[-4:]), inner, tcp)
        if k == "short":
            r = self._reply(q, inner, True)
            return r and r[:min(end + 6, len(r) - 1)]
        if k in ("compression_loop", "bad_pointer"):
            ptr_ = end if k == "compression_loop" else 0x3fff
            return self._msg(q, rrs=[struct.pack(">HHHIH", 0xc000 | ptr_, 1, 1, 60, 4) + bytes([127, 0, 0, 2])], opt=False)
        if k == "garbage":
            body = random.Random(q.id).randbytes(100)
            return struct.pack(">HB", q.id, body[0] | 0x80) + body[1:]
        if k == "raw":
            return struct.pack(">H", q.id) + args[0]
        return None     # drop

    def _serve(self, d, tcp, send):
        """Counts one query and answers it (after any delay: in its own thread over UDP)."""
        q, tr = _parse(d), "tcp" if tcp else "udp"
        with self._lock:
            key = (q.name, q.qtype, tr) if q else ("#malformed", 0, tr)
            self.queries[key] = self.queries.get(key, 0) + 1
            self.history.append((time.time(), tr, key[0], key[1], q and q.id))
        if q is None:
            if len(d) >= 12 and not d[2] & 0x80:
                try:
                    send(d[:2] + struct.pack(">HHHHH", 0x8001, 0, 0, 0, 0))     # FORMERR
                except OSError:
                    pass
            return
        try:
            act = _norm(self.behaviour(q.name, q.qtype))
        except Exception as e:
            self.errors.append("%s/%d: %s: %s" % (q.name, q.qtype, type(e).__name__, e))
            return
        if act[0] == "delay" and not tcp:
            self._spawn(self._answer, q, act, tcp, send)
        else:
            self._answer(q, act, tcp, send)

    def _answer(self, q, act, tcp, send):
        try:
            while act[0] == "delay":
                if self._stopping.wait(_seconds(act[1])):
                    return
                act = _norm(act[2])
            r = self._reply(q, act, tcp)
            if r is not None:
                send(r)
        except OSError:
            pass
        except Exception as e:
            self.errors.append("%s/%d: %s: %s" % (q.name, q.qtype, type(e).__name__, e))

    def _udp_loop(self):
        while not self._stopping.is_set():
            if select.select([self._udp], [], [], 0.1)[0]:
                try:
                    d, addr = self._udp.recvfrom(65535)
                except OSError:
                    continue
                try:
                    self._serve(d, False, lambda r, addr=addr: self._udp.sendto(r, addr))
                except Exception as e:
                    self.errors.append("UDP: %s: %s" % (type(e).__name__, e))

    def _tcp_loop(self):
        while not self._stopping.is_set():
            if select.select([self._tcp], [], [], 0.1)[0]:
                try:
                    c, _ = self._tcp.accept()
                except OSError:
                    continue
                self._conns.append(c)
                self._spawn(self._tcp_conn, c)

    def _read(self, c, n):
        """n bytes from c, None at EOF, on stop or after 30 s without them."""
        b, deadline = b"", time.time() + 30
        while len(b) < n:
            if self._stopping.is_set() or time.time() > deadline:
                return None
            if select.select([c], [], [], 0.1)[0]:
                d = c.recv(n - len(b))
                if not d:
                    return None
                b += d
        return b

    def _tcp_conn(self, c):
        # several queries may come on one connection (RFC 7766 6.2.1), answered in order
        try:
            while True:
                n = self._read(c, 2)
                d = n and self._read(c, struct.unpack(">H", n)[0])
                if d is None:
                    break
                self._serve(d, True, lambda r: c.sendall(struct.pack(">H", len(r)) + r))
        except OSError:
            pass
        c.close()

    def stop(self):
        """Stops the threads (waiting for them) and closes every socket."""
        self._stopping.set()
        with self._lock:
            threads = list(self._threads)
        for th in threads:
            th.join(5)
        for s in [self._udp, self._tcp] + self._conns:
            s.close()
        if self in _running:
            _running.remove(self)


if __name__ == "__main__" and sys.argv[1:] == ["--watchdog"]:
    _watchdog_main()

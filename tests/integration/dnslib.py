# dnslib.py: DNS servers for the integration tests (imported, not run).
# Rbldnsd and Dnsmasq run the real Debian programs on 127.0.0.1 on a free
# port, stopped by PID; BadDns is our own server, for answers that must be
# broken on purpose (no answer, SERVFAIL, truncation, slow, garbage).
import os
import random
import shutil
import signal
import socket
import struct
import subprocess
import tempfile
import threading
import time

from itlib import TestFailure, check, free_port, tmpbase

_running = []


def stop_all():
    for s in list(_running):
        s.stop()


def _public_dir(prefix):
    # rbldnsd and dnsmasq drop to nobody: their files must be reachable
    d = tempfile.mkdtemp(prefix=prefix, dir=tmpbase())
    p = d
    while p not in ("/", ""):
        try:
            os.chmod(p, os.stat(p).st_mode | 0o011)
        except OSError:
            pass
        p = os.path.dirname(p)
    os.chmod(d, 0o755)
    return d


def ask(port, name, qtype=1, tcp=False, timeout=1.0):
    """One query to 127.0.0.1:port: (rcode, answer count), or None without answer."""
    q = struct.pack(">HHHHHH", random.randrange(65536), 0x0100, 1, 0, 0, 0)
    q += b"".join(bytes([len(l)]) + l.encode() for l in name.split(".")) + b"\0" + struct.pack(">HH", qtype, 1)
    try:
        if tcp:
            s = socket.create_connection(("127.0.0.1", port), timeout=timeout)
            s.sendall(struct.pack(">H", len(q)) + q)
            n = struct.unpack(">H", _recvn(s, 2))[0]
            r = _recvn(s, n)
        else:
            s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
            s.settimeout(timeout)
            s.sendto(q, ("127.0.0.1", port))
            r = s.recv(65535)
        s.close()
    except (OSError, socket.timeout):
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


class _Proc:
    probe = ("example.test", 1)

    def start(self):
        for attempt in range(5):
            self.port = free_port()
            self.proc = subprocess.Popen(self.command(), stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                         stderr=open(os.path.join(self.dir, "log"), "ab"), close_fds=True)
            _running.append(self)
            deadline = time.time() + 5
            while time.time() < deadline and self.proc.poll() is None:
                if ask(self.port, *self.probe, timeout=0.2) is not None:
                    return self
                time.sleep(0.05)
            self.stop()
        raise TestFailure("%s did not start: %s" % (self.name, open(os.path.join(self.dir, "log")).read()[-400:]))

    def stop(self):
        if getattr(self, "proc", None) is not None:
            if self.proc.poll() is None:
                self.proc.send_signal(signal.SIGTERM)
                try:
                    self.proc.wait(5)
                except subprocess.TimeoutExpired:
                    self.proc.kill()
                    self.proc.wait()
            self.proc = None
        if self in _running:
            _running.remove(self)


class Rbldnsd(_Proc):
    """zones: {"bl.test": ("ip4set", "text of the zone file")}, rbldnsd(8) syntax."""
    name = "rbldnsd"

    def __init__(self, zones):
        self.dir = _public_dir("rbldnsd.")
        self.zones = []
        for z, (kind, text) in zones.items():
            f = z.replace(".", "_") + ".zone"
            with open(os.path.join(self.dir, f), "w") as fh:
                fh.write(text)
            os.chmod(os.path.join(self.dir, f), 0o644)
            self.zones.append("%s:%s:%s" % (z, kind, f))
        self.probe = (list(zones)[0], 1)
        self.start()

    def command(self):
        user = ["-u", "nobody"] if os.geteuid() == 0 else []
        return ["rbldnsd", "-n", "-f", "-b", "127.0.0.1/%d" % self.port, "-w", self.dir] + user + \
               ["-p", os.path.join(self.dir, "pid"), "-l", "-", "-t", "60"] + self.zones


class Dnsmasq(_Proc):
    """args: dnsmasq record options (--host-record=..., --mx-host=...), local: the
    domains it answers for (other names under them are NXDOMAIN)."""
    name = "dnsmasq"

    def __init__(self, args, local=("example.test",)):
        self.dir = _public_dir("dnsmasq.")
        self.args = list(args) + ["--local=/%s/" % d for d in local]
        self.probe = (local[0], 1)
        self.start()

    def command(self):
        user = ["--user=nobody"] if os.geteuid() == 0 else []
        return ["dnsmasq", "-k", "--conf-file=/dev/null", "--port=%d" % self.port, "--listen-address=127.0.0.1",
                "--bind-interfaces", "--no-resolv", "--no-hosts", "--pid-file=" + os.path.join(self.dir, "pid"),
                "--log-facility=" + os.path.join(self.dir, "queries")] + user + self.args


def _name(n):
    return b"".join(bytes([len(l)]) + l.encode() for l in n.split(".") if l) + b"\0"


class BadDns:
    """Our own server, UDP and TCP on one port, in a thread of the test.
    behaviour(qname, qtype) returns one of:
      ("answer", [(type, rdata bytes)])  a correct answer
      ("rcode", n)                       an empty answer with that rcode (3 NXDOMAIN, 2 SERVFAIL, 5 REFUSED)
      ("drop",)                          never answers
      ("delay", seconds, action)         answers action later (in its own thread)
      ("truncate", action)               UDP: TC bit and nothing else; TCP: action
      ("raw", bytes)                     these bytes after the question's ID (garbage, loops, ...)
    .queries counts (qname, qtype, "udp"|"tcp")."""

    def __init__(self, behaviour):
        self.behaviour = behaviour
        self.queries = {}
        self.lock = threading.Lock()
        self.stopping = False
        for attempt in range(10):
            port = free_port()
            try:
                self.udp = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
                self.udp.bind(("127.0.0.1", port))
                self.tcp = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
                self.tcp.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
                self.tcp.bind(("127.0.0.1", port))
                self.tcp.listen(16)
                break
            except OSError:
                continue
        self.port = port
        self.udp.settimeout(0.1)
        self.tcp.settimeout(0.1)
        self.threads = [threading.Thread(target=self._udp_loop, daemon=True),
                        threading.Thread(target=self._tcp_loop, daemon=True)]
        for t in self.threads:
            t.start()
        _running.append(self)

    def count(self, name, qtype=None, transport=None):
        with self.lock:
            return sum(v for (n, t, tr), v in self.queries.items()
                       if n == name.lower() and (qtype is None or t == qtype) and (transport is None or tr == transport))

    @staticmethod
    def _question(q):
        i, labels = 12, []
        while q[i]:
            labels.append(q[i + 1:i + 1 + q[i]].decode("latin-1"))
            i += 1 + q[i]
        qtype = struct.unpack(">H", q[i + 1:i + 3])[0]
        return ".".join(labels).lower(), qtype, q[12:i + 5]

    def _reply(self, q, action, tcp):
        qid = q[:2]
        name, qtype, question = self._question(q)
        kind = action[0]
        if kind == "drop":
            return None
        if kind == "truncate":
            if tcp:
                return self._reply(q, action[1], tcp)
            return qid + struct.pack(">BBHHHH", 0x86, 0x00, 1, 0, 0, 0) + question
        if kind == "raw":
            return qid + action[1]
        if kind == "rcode":
            return qid + struct.pack(">BBHHHH", 0x84, 0x80 | action[1], 1, 0, 0, 0) + question
        rrs = action[1]
        body = b"".join(b"\xc0\x0c" + struct.pack(">HHIH", t, 1, 60, len(rd)) + rd for t, rd in rrs)
        return qid + struct.pack(">BBHHHH", 0x84, 0x80, 1, len(rrs), 0, 0) + question + body

    def _act(self, q, tcp):
        name, qtype, _ = self._question(q)
        with self.lock:
            k = (name, qtype, "tcp" if tcp else "udp")
            self.queries[k] = self.queries.get(k, 0) + 1
        action = self.behaviour(name, qtype)
        if action[0] == "delay":
            time.sleep(action[1])
            action = action[2]
        return self._reply(q, action, tcp)

    def _udp_loop(self):
        while not self.stopping:
            try:
                q, addr = self.udp.recvfrom(4096)
            except socket.timeout:
                continue
            except OSError:
                return
            def answer(q=q, addr=addr):
                try:
                    r = self._act(q, False)
                    if r is not None:
                        self.udp.sendto(r, addr)
                except (OSError, IndexError, struct.error):
                    pass
            threading.Thread(target=answer, daemon=True).start()

    def _tcp_loop(self):
        while not self.stopping:
            try:
                c, _ = self.tcp.accept()
            except socket.timeout:
                continue
            except OSError:
                return
            def serve(c=c):
                # several queries may come on one connection (RFC 7766 6.2.1)
                try:
                    c.settimeout(5)
                    while not self.stopping:
                        n = struct.unpack(">H", _recvn(c, 2))[0]
                        r = self._act(_recvn(c, n), True)
                        if r is not None:
                            c.sendall(struct.pack(">H", len(r)) + r)
                except (OSError, IndexError, struct.error):
                    pass
                c.close()
            threading.Thread(target=serve, daemon=True).start()

    def stop(self):
        self.stopping = True
        for s in (self.udp, self.tcp):
            try:
                s.close()
            except OSError:
                pass
        if self in _running:
            _running.remove(self)


def a(ip):
    return (1, socket.inet_aton(ip))


def txt(*strings):
    return (16, b"".join(bytes([len(s)]) + s.encode() for s in strings))


def mx(pref, host):
    return (15, struct.pack(">H", pref) + _name(host))

# milterlib.py: the FILTER side of the milter protocol, version 6, for the
# integration tests of the milter plugin (imported, not run). A Milter listens
# on 127.0.0.1 at a free port (or on a unix socket), serves every connection
# in a thread of its own, answers as its Script says, and records everything
# the MTA sent so that a test can check what the filter saw.
#
# The wire format (sendmail's libmilter, as Postfix's milter8 speaks it): a
# packet is a 4-octet big-endian length (counting the command octet), one
# command octet, then data; strings are NUL-terminated, numbers are 32-bit
# big-endian. The MTA opens with SMFIC_OPTNEG (version, the actions it can
# apply, the protocol steps it can skip or leave unanswered); the filter
# answers with its own three words, followed by the macro lists it wants
# (pairs of a 32-bit stage number and a NUL-terminated, space-separated list
# of names: that is how SMFIF_SETSYMLIST is used during negotiation).
#
# A Script says, per stage: the answer ("continue", "accept", "reject",
# "tempfail", "discard", "skip", ("replycode", "554 5.7.1 text"),
# ("quarantine", "reason"), ("progress", n, seconds, answer)), or a callable
# (conn, stage, data) -> answer; which actions and protocol flags to ask for
# in negotiation; the modifications to send at end of message; and a fault
# at a stage ("close", "reset", "hang", "garbage", "oversized", "truncated").

import os
import socket
import struct
import threading
import time

# commands of the MTA (SMFIC_*)
SMFIC = {b"A": "abort", b"B": "body", b"C": "connect", b"D": "macro", b"E": "eom", b"H": "helo",
         b"K": "quit_nc", b"L": "header", b"M": "mail", b"N": "eoh", b"O": "optneg", b"Q": "quit",
         b"R": "rcpt", b"T": "data", b"U": "unknown"}
STAGE_CODE = {v: k for k, v in SMFIC.items()}

# replies of the filter (SMFIR_*)
SMFIR_ADDRCPT, SMFIR_DELRCPT, SMFIR_ADDRCPT_PAR = b"+", b"-", b"2"
SMFIR_ACCEPT, SMFIR_REPLBODY, SMFIR_CONTINUE, SMFIR_DISCARD = b"a", b"b", b"c", b"d"
SMFIR_CHGFROM, SMFIR_ADDHEADER, SMFIR_INSHEADER, SMFIR_CHGHEADER = b"e", b"h", b"i", b"m"
SMFIR_PROGRESS, SMFIR_QUARANTINE, SMFIR_REJECT, SMFIR_SKIP = b"p", b"q", b"r", b"s"
SMFIR_TEMPFAIL, SMFIR_REPLYCODE, SMFIR_OPTNEG = b"t", b"y", b"O"

# actions the filter asks for (SMFIF_*)
SMFIF_ADDHDRS, SMFIF_CHGBODY, SMFIF_ADDRCPT, SMFIF_DELRCPT = 0x01, 0x02, 0x04, 0x08
SMFIF_CHGHDRS, SMFIF_QUARANTINE, SMFIF_CHGFROM, SMFIF_ADDRCPT_PAR = 0x10, 0x20, 0x40, 0x80
SMFIF_SETSYMLIST = 0x100
SMFIF_ALL = 0x1ff

# protocol steps (SMFIP_*): NO* = do not send the stage, NR_* = send it but
# expect no reply
SMFIP_NOCONNECT, SMFIP_NOHELO, SMFIP_NOMAIL, SMFIP_NORCPT = 0x1, 0x2, 0x4, 0x8
SMFIP_NOBODY, SMFIP_NOHDRS, SMFIP_NOEOH, SMFIP_NR_HDR = 0x10, 0x20, 0x40, 0x80
SMFIP_NOUNKNOWN, SMFIP_NODATA, SMFIP_SKIP, SMFIP_RCPT_REJ = 0x100, 0x200, 0x400, 0x800
SMFIP_NR_CONN, SMFIP_NR_HELO, SMFIP_NR_MAIL, SMFIP_NR_RCPT = 0x1000, 0x2000, 0x4000, 0x8000
SMFIP_NR_DATA, SMFIP_NR_UNKN, SMFIP_NR_EOH, SMFIP_NR_BODY = 0x10000, 0x20000, 0x40000, 0x80000
SMFIP_HDR_LEADSPC = 0x100000

# which flag skips a stage, which one makes it unanswered
NO_FLAG = {"connect": SMFIP_NOCONNECT, "helo": SMFIP_NOHELO, "mail": SMFIP_NOMAIL, "rcpt": SMFIP_NORCPT,
           "body": SMFIP_NOBODY, "header": SMFIP_NOHDRS, "eoh": SMFIP_NOEOH, "unknown": SMFIP_NOUNKNOWN,
           "data": SMFIP_NODATA}
NR_FLAG = {"connect": SMFIP_NR_CONN, "helo": SMFIP_NR_HELO, "mail": SMFIP_NR_MAIL, "rcpt": SMFIP_NR_RCPT,
           "data": SMFIP_NR_DATA, "unknown": SMFIP_NR_UNKN, "eoh": SMFIP_NR_EOH, "body": SMFIP_NR_BODY,
           "header": SMFIP_NR_HDR}

# macro stages of SETSYMLIST (SMFIM_*)
SMFIM = {"connect": 0, "helo": 1, "mail": 2, "rcpt": 3, "data": 4, "eom": 5, "eoh": 6}

# the largest packet a filter accepts from the MTA (libmilter's default data
# limit is 64 KiB; its body chunks are at most 65535 octets)
MAX_PACKET = 1 << 20


def packet(code, data=b""):
    return struct.pack(">I", len(data) + 1) + code + data


def cstr(s):
    if isinstance(s, str):
        s = s.encode("latin-1")
    return s + b"\0"


class ProtocolViolation(Exception):
    pass


def split_strings(data):
    """NUL-terminated strings -> [str]; the data must end with a NUL."""
    if not data.endswith(b"\0"):
        raise ProtocolViolation("strings without their final NUL: %r" % data[:60])
    return [s.decode("latin-1") for s in data[:-1].split(b"\0")]


class Script:
    """What the filter does. answers: {stage: answer}; any stage not listed
    answers "continue". mods: the modifications sent at end of message, before
    the final answer, as tuples:
      ("addheader", name, value), ("insheader", index, name, value),
      ("chgheader", index, name, value)  (value "" deletes),
      ("replbody", bytes, nchunks), ("replbody_chunks", [bytes...]),
      ("chgfrom", addr[, args]),
      ("addrcpt", addr), ("addrcpt_par", addr, args), ("delrcpt", addr),
      ("raw", code, data)  (anything, e.g. an action not negotiated);
    or a callable (conn) -> that list.
    actions/protocol: the SMFIF_*/SMFIP_* words of our OPTNEG reply; None
    asks for every action the MTA offered and no protocol flags.
    symlist: {stage: "macro names"} appended to the OPTNEG reply.
    fault: (kind, stage[, n]): at that stage (the nth time, default 1st),
    instead of answering: "close" (FIN), "reset" (RST), "hang" (read on,
    never answer), "garbage" (a non-milter line), "oversized" (a length of
    2^31-1), "truncated" (a packet cut short, then close), "badcode" (an
    unknown reply letter). version: the version we claim."""

    def __init__(self, answers=None, mods=(), actions=None, protocol=0, symlist=None, fault=None, version=6,
                 eom_answer="continue"):
        self.answers = dict(answers or {})
        self.mods = mods if callable(mods) else list(mods)
        self.actions = actions
        self.protocol = protocol
        self.symlist = dict(symlist or {})
        self.fault = fault
        self.version = version
        self.answers.setdefault("eom", eom_answer)


class Conn:
    """One MTA connection as the filter saw it. events: [(stage, value)] in
    order; value: connect (host, family, port, addr), helo name, mail/rcpt
    [args], header (name, value), body bytes of that chunk, macro (stage
    letter, {name: value}), optneg (version, actions, protocol)."""

    def __init__(self, sock):
        self.sock = sock
        self.events = []
        self.errors = []
        self.closed = False
        self.negotiated = None      # (version, actions, protocol) of our reply
        self.offered = None         # what the MTA offered
        self.count = {}

    def stages(self):
        return [s for s, _ in self.events if s != "macro"]

    def values(self, stage):
        return [v for s, v in self.events if s == stage]

    def macros(self, stage):
        """{name: value} of the macros sent before stage (the last such packet)"""
        code = STAGE_CODE[stage].decode()
        out = {}
        for s, v in self.events:
            if s == "macro" and v[0] == code:
                out = v[1]
        return out

    def body(self):
        return b"".join(self.values("body"))

    def headers(self):
        return self.values("header")


class Milter:
    """A scripted filter on 127.0.0.1:port ([::1]:port, or a unix path). Stop it with
    stop(); every connection it accepted is recorded in .conns."""

    def __init__(self, script=None, unix=None, name="py", ipv6=False):
        self.script = script or Script()
        self.name = name
        self.unix = unix
        if unix:
            self.srv = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            if os.path.exists(unix):
                os.unlink(unix)
            self.srv.bind(unix)
            self.addr = "unix:" + unix
        elif ipv6:
            self.srv = socket.socket(socket.AF_INET6, socket.SOCK_STREAM)
            self.srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            self.srv.bind(("::1", 0))
            self.port = self.srv.getsockname()[1]
            self.addr = "[::1]:%d" % self.port
        else:
            self.srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            self.srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            self.srv.bind(("127.0.0.1", 0))
            self.port = self.srv.getsockname()[1]
            self.addr = "127.0.0.1:%d" % self.port
        self.srv.listen(16)
        self.conns = []
        self.lock = threading.Lock()
        self.stopping = threading.Event()
        self.thread = threading.Thread(target=self._accept, daemon=True)
        self.thread.start()

    # -- server loop

    def _accept(self):
        while not self.stopping.is_set():
            try:
                s, _ = self.srv.accept()
            except OSError:
                return
            c = Conn(s)
            with self.lock:
                self.conns.append(c)
            threading.Thread(target=self._serve, args=(c,), daemon=True).start()

    def _recv(self, c, n):
        buf = b""
        while len(buf) < n:
            d = c.sock.recv(n - len(buf))
            if not d:
                return None
            buf += d
        return buf

    def _read_packet(self, c):
        head = self._recv(c, 4)
        if head is None:
            return None, None
        n = struct.unpack(">I", head)[0]
        if n < 1 or n > MAX_PACKET:
            raise ProtocolViolation("packet length %d" % n)
        if n > 65536:
            # libmilter refuses more than 64 KiB of data unless MDS_256K/1M
            # were negotiated (we never ask for them)
            c.errors.append("a packet of %d octets from the MTA (libmilter's limit is 65536)" % n)
        body = self._recv(c, n)
        if body is None:
            raise ProtocolViolation("connection closed inside a packet of %d octets" % n)
        return body[:1], body[1:]

    def _serve(self, c):
        try:
            self._loop(c)
        except ProtocolViolation as e:
            c.errors.append(str(e))
        except OSError as e:
            c.errors.append("socket: %s" % e)
        finally:
            c.closed = True
            try:
                c.sock.close()
            except OSError:
                pass

    def _loop(self, c):
        sc = self.script
        while not self.stopping.is_set():
            code, data = self._read_packet(c)
            if code is None:
                return
            stage = SMFIC.get(code)
            if stage is None:
                raise ProtocolViolation("unknown command %r" % code)
            value = self._decode(stage, data)
            c.events.append((stage, value))
            if stage == "macro":
                continue
            c.count[stage] = c.count.get(stage, 0) + 1
            if stage == "optneg":
                self._optneg(c, value)
                continue
            if stage in ("abort", "quit_nc"):
                continue
            if stage == "quit":
                return
            if c.negotiated:
                prot = c.negotiated[2]
                if stage in NO_FLAG and prot & NO_FLAG[stage]:
                    c.errors.append("stage %s sent though skipped in negotiation" % stage)
                if stage in NR_FLAG and prot & NR_FLAG[stage]:
                    continue
            f = sc.fault
            if f and f[1] == stage and c.count[stage] == (f[2] if len(f) > 2 else 1):
                self._fault(c, f[0])
                return
            if stage == "eom":
                for m in (sc.mods(c) if callable(sc.mods) else sc.mods):
                    self._mod(c, m)
            ans = sc.answers.get(stage, "continue")
            if callable(ans):
                ans = ans(c, stage, value)
            self._answer(c, ans)

    def _decode(self, stage, data):
        if stage == "optneg":
            if len(data) < 12:
                raise ProtocolViolation("OPTNEG of %d octets" % len(data))
            return struct.unpack(">III", data[:12])
        if stage == "macro":
            if not data:
                raise ProtocolViolation("empty macro packet")
            kv = split_strings(data[1:]) if len(data) > 1 else []
            if len(kv) % 2:
                raise ProtocolViolation("macro names without values: %r" % kv)
            return (data[:1].decode(), dict(zip(kv[0::2], kv[1::2])))
        if stage == "connect":
            i = data.index(b"\0")
            host, fam = data[:i].decode("latin-1"), data[i + 1:i + 2].decode()
            if fam in "46":
                port = struct.unpack(">H", data[i + 2:i + 4])[0]
                return (host, fam, port, split_strings(data[i + 4:])[0])
            if fam == "L":
                return (host, fam, 0, split_strings(data[i + 4:])[0])
            return (host, fam, None, None)
        if stage == "helo":
            return split_strings(data)[0]
        if stage in ("mail", "rcpt", "unknown"):
            return split_strings(data)
        if stage == "header":
            kv = split_strings(data)
            if len(kv) != 2:
                raise ProtocolViolation("header packet with %d strings" % len(kv))
            return tuple(kv)
        if stage in ("body", "eom"):
            return data
        return data

    def _optneg(self, c, offered):
        sc = self.script
        version, actions, protocol = offered
        c.offered = offered
        want = actions if sc.actions is None else sc.actions
        prot = sc.protocol
        f = sc.fault
        if f and f[1] == "optneg":
            self._fault(c, f[0])
            raise ProtocolViolation("fault at optneg")
        # a filter asks only for what the MTA offered (libmilter refuses otherwise)
        if want & ~actions:
            c.errors.append("actions 0x%x asked, the MTA offered 0x%x" % (want, actions))
        if prot & ~protocol:
            c.errors.append("protocol steps 0x%x asked, the MTA offered 0x%x" % (prot, protocol))
        if version < 6:
            c.errors.append("the MTA offered milter protocol version %d" % version)
        c.negotiated = (min(version, sc.version), want, prot)
        out = struct.pack(">III", sc.version, want, prot)
        for stage, names in sc.symlist.items():
            out += struct.pack(">I", SMFIM[stage]) + cstr(names)
        c.sock.sendall(packet(SMFIR_OPTNEG, out))

    def _mod(self, c, m):
        kind = m[0]
        s = c.sock
        if kind == "addheader":
            s.sendall(packet(SMFIR_ADDHEADER, cstr(m[1]) + cstr(m[2])))
        elif kind == "insheader":
            s.sendall(packet(SMFIR_INSHEADER, struct.pack(">I", m[1]) + cstr(m[2]) + cstr(m[3])))
        elif kind == "chgheader":
            s.sendall(packet(SMFIR_CHGHEADER, struct.pack(">I", m[1]) + cstr(m[2]) + cstr(m[3])))
        elif kind == "replbody":
            body, n = m[1], max(1, m[2])
            step = -(-len(body) // n) or 1
            for i in range(0, max(len(body), 1), step):
                s.sendall(packet(SMFIR_REPLBODY, body[i:i + step]))
        elif kind == "replbody_chunks":
            for chunk in m[1]:
                s.sendall(packet(SMFIR_REPLBODY, chunk))
        elif kind == "chgfrom":
            s.sendall(packet(SMFIR_CHGFROM, cstr(m[1]) + (cstr(m[2]) if len(m) > 2 else b"")))
        elif kind == "addrcpt":
            s.sendall(packet(SMFIR_ADDRCPT, cstr(m[1])))
        elif kind == "addrcpt_par":
            s.sendall(packet(SMFIR_ADDRCPT_PAR, cstr(m[1]) + cstr(m[2])))
        elif kind == "delrcpt":
            s.sendall(packet(SMFIR_DELRCPT, cstr(m[1])))
        elif kind == "raw":
            s.sendall(packet(m[1], m[2]))
        else:
            raise ValueError("unknown modification %r" % (kind,))

    def _answer(self, c, ans):
        s = c.sock
        if isinstance(ans, str):
            ans = (ans,)
        kind = ans[0]
        simple = {"continue": SMFIR_CONTINUE, "accept": SMFIR_ACCEPT, "reject": SMFIR_REJECT,
                  "tempfail": SMFIR_TEMPFAIL, "discard": SMFIR_DISCARD, "skip": SMFIR_SKIP}
        if kind in simple:
            s.sendall(packet(simple[kind]))
        elif kind == "replycode":
            s.sendall(packet(SMFIR_REPLYCODE, cstr(ans[1])))
        elif kind == "quarantine":
            # a quarantine is a modification: the final answer follows it
            s.sendall(packet(SMFIR_QUARANTINE, cstr(ans[1])))
            self._answer(c, ans[2] if len(ans) > 2 else "continue")
        elif kind == "progress":
            n, delay, final = ans[1], ans[2], ans[3]
            for _ in range(n):
                if self.stopping.wait(delay):
                    return
                s.sendall(packet(SMFIR_PROGRESS))
            if self.stopping.wait(delay):
                return
            self._answer(c, final)
        elif kind == "raw":
            s.sendall(packet(ans[1], ans[2]))
        elif kind == "sleep":
            # answer late (within a deadline or not: the test decides)
            if self.stopping.wait(ans[1]):
                return
            self._answer(c, ans[2])
        else:
            raise ValueError("unknown answer %r" % (ans,))

    def _fault(self, c, kind):
        s = c.sock
        if kind == "close":
            s.shutdown(socket.SHUT_RDWR)
        elif kind == "reset":
            s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        elif kind == "hang":
            # keep reading (so the MTA's writes never block) until stopped or closed
            s.settimeout(0.2)
            while not self.stopping.is_set():
                try:
                    if not s.recv(65536):
                        break
                except socket.timeout:
                    continue
                except OSError:
                    break
        elif kind == "garbage":
            s.sendall(b"HTTP/1.0 400 Bad Request\r\n\r\n")
            time.sleep(0.2)
        elif kind == "oversized":
            s.sendall(struct.pack(">I", 0x7fffffff) + SMFIR_CONTINUE)
            time.sleep(0.2)
        elif kind == "truncated":
            s.sendall(struct.pack(">I", 40) + SMFIR_REPLYCODE + b"554 5.7")
            time.sleep(0.2)
        elif kind == "badcode":
            s.sendall(packet(b"Z"))
            time.sleep(0.2)
        else:
            raise ValueError("unknown fault %r" % (kind,))
        c.events.append(("fault", kind))

    # -- for the tests

    def wait_closed(self, count=1, timeout=10):
        """Wait until at least count connections were accepted and all are closed."""
        end = time.time() + timeout
        while time.time() < end:
            with self.lock:
                cs = list(self.conns)
            if len(cs) >= count and all(c.closed for c in cs):
                return cs
            time.sleep(0.02)
        return list(self.conns)

    def stop(self):
        self.stopping.set()
        try:
            self.srv.close()
        except OSError:
            pass
        with self.lock:
            for c in self.conns:
                try:
                    c.sock.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass
        if self.unix and os.path.exists(self.unix):
            os.unlink(self.unix)


def refused_port():
    """A port nobody listens on (the refused-connection fault)."""
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port

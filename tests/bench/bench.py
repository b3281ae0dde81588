#!/usr/bin/python3
# ISC license.
# tests/bench/bench.py: the runner of make bench. Starts each server on a
# loopback port (qcsmtpd with two plugin sets, the floor, qpsmtpd per
# connection and as forkserver, Postfix), drives it with tests/bench/smtpload,
# stops it by PID (Postfix by its own stop command), repeats everything in
# alternating order, and writes the medians, ranges and ratios to the floor
# into doc/performance.md. It never fails on a target: the table says met or not.
# Run by `make bench` after tests/bench/peers.sh; `--help` for the knobs.

import argparse
import json
import os
import platform
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time

import scanners

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BENCH = os.path.join(ROOT, "tests", "bench")
HZ = os.sysconf("SC_CLK_TCK")
PAGE_KB = os.sysconf("SC_PAGE_SIZE") // 1024

# qmail-smtpd's behaviour as qcsmtpd plugins (README: "Replacing qmail-smtpd")
QMAIL_SET = ["relay", "badmailfrom", "rcpt_ok", "queue/qmail-queue"]
# issue 11's row: qpsmtpd master's config.sample/plugins, enabled lines in
# order, without what asks DNS (fcrdns, dnsbl, rhsbl, helo policy strict,
# resolvable_fromhost, sender_permitted_from, dkim, dmarc), keeps state
# (hosts_allow), calls a scanner (spamassassin) or waits by design
# (earlytalker: 1 s before every greeting); the queue plugin the sample
# leaves to the operator is queue/qmail-queue
SAMPLE_SET = ["quit_fortune", "count_unrecognized_commands 4", "relay", "auth/auth_flat_file", "auth/authdeny",
              "dont_require_anglebrackets", "badmailfrom reject naughty", "badrcptto", "rcpt_ok",
              "headers reject 0 reject_type temp require From,Date future 2 past 15", "bogus_bounce log",
              "virus/klez_filter", "naughty reject data", "queue/qmail-queue"]
# issue 10's DNS row: the qmail-smtpd set with these after relay (qcsmtpd), or
# qpsmtpd's rcpt_ok set with them first; both ask the bench's own dnsmasq
# issue 12's rows: the store's plugins on LMDB (store_dir) and on Redis
# (store_redis), inserted after relay in the qmail-smtpd set. greylisting
# keys on the client only (its default) with a 1 s black timeout: the row's
# warm-up (Store.warm) defers the first attempt and passes the retry, so
# every measured session is a known client whose triplet is renewed (a read
# and a write per transaction), greylisting's steady state. karma reads the
# client's record at connect and adds to it at disconnect.
STORE_PLUGINS = ["greylisting black_timeout 1", "karma reject 1"]
DNS_PLUGINS = ["dnsbl", "rhsbl", "resolvable_fromhost", "fcrdns"]
# issue 13's rows: a content filter before the queue plugin, against a real
# scanner the bench starts once (tests/bench/scanners.py), the same scanner
# for qcsmtpd and qpsmtpd. `reject 20`: the bench message (1.5 points)
# passes, and with reject set qcsmtpd defers when a scan fails (qpsmtpd
# passes the message; the check of every queued message's field catches it).
# defer_on_error for clamdscan for the same reason on both servers.
SPAMD_LINE = "spamassassin spamd_socket 127.0.0.1:{port} reject 20"
CLAMD_LINE = "virus/clamdscan clamd_socket {sock} scan_all 1 defer_on_error 1"
MILTER_LINE = "milter rspamd 127.0.0.1:{port}"
# the field every queued message of a row must carry: the scanner saw it
CONTENT_MARK = {"qc-spamd": "X-Spam-Status:", "qp-spamd": "X-Spam-Status:", "qc-clamd": "X-Virus-Checked:",
                "qp-clamd": "X-Virus-Checked:", "qc-rspamd": "X-Spam-Status:"}
CONTENT_PEER = {"qc-spamd": "spamd", "qp-spamd": "spamd", "qc-clamd": "clamd", "qp-clamd": "clamd",
                "qc-rspamd": "rspamd"}
DNS_ZONES = ["bl1.bench.test", "bl2.bench.test"]
RHS_ZONE = "rhs.bench.test"
# what tcpserver would have put in TCPREMOTEHOST after its own PTR lookup of
# 127.0.0.1 (the bench runs tcpserver -H: tcpserver cannot be pointed at a port)
CLIENT_NAME = "client.bench.test"
# qpsmtpd's plugins that talk to the network: never in the larger set
NET_PLUGINS = {"dnsbl", "rhsbl", "spf", "sender_permitted_from", "dkim", "dmarc", "uribl",
               "require_resolvable_fromhost", "resolvable_fromhost", "fcrdns", "ident/p0f",
               "ident/geoip", "virus/clamdscan", "virus/clamav", "spamassassin", "auth/auth_ldap_bind",
               "auth/authdeny", "queue/smtp-forward", "queue/postfix-queue", "check_basicheaders_dns",
               "greylisting_dns", "tls",
               # need arguments or a back end, and serve only AUTH, which the bench does not use
               "auth/auth_checkpassword", "auth/auth_flat_file",
               # wait or run a program by design: earlytalker delays every greeting
               # (1 s), quit_fortune runs fortune(6) at every HELO session's QUIT
               "earlytalker", "quit_fortune",
               # need arguments (rcpt_map: domain and file; logging/file: a
               # path) or change where the log goes (only logging/warn, the
               # logger every row uses, is in the set)
               "rcpt_map", "logging/adaptive", "logging/connection_id", "logging/devnull",
               "logging/file", "logging/syslog", "logging/transaction_id",
               # state under store_dir: issue 12's rows measure them
               "greylisting", "deny_repeat_offenders", "karma", "hosts_allow",
               # refuse or delay by design: random_error fails sessions at
               # random, tarpit delays replies, loadcheck defers when the
               # bench itself loads the machine; content_log writes every
               # message a second time
               "random_error", "tarpit", "loadcheck", "content_log",
               # talk to a filter or run programs (milter: a milter's
               # address; spp: control/smtpplugins): the content filter rows
               # measure them
               "milter", "spp"}

# issue 14's rows: the same pairs compared slice by slice, beside the
# ratios to the floor (the musl build to the glibc one and to the musl floor)
COMPARE = {"qc-musl": ("qc-qmail", "floor-musl"), "floor-musl": ("floor",)}
MUSL_KEYS = ("qc-musl", "floor-musl")

running = []          # servers to stop whatever happens


def log(msg):
    print("bench: " + msg, file=sys.stderr, flush=True)


def sh(cmd, **kw):
    return subprocess.run(cmd, shell=isinstance(cmd, str), stdout=subprocess.PIPE,
                          stderr=subprocess.STDOUT, text=True, **kw).stdout.strip()


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    p = s.getsockname()[1]
    s.close()
    return p


def alive(pid):
    try:
        with open("/proc/%d/stat" % pid) as f:
            return f.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def wait_listen(port, pid, what, timeout=20):
    end = time.time() + timeout
    while time.time() < end:
        if pid and not alive(pid):
            raise RuntimeError("%s exited before listening on port %d" % (what, port))
        try:
            socket.create_connection(("127.0.0.1", port), 0.5).close()
            return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError("%s does not listen on port %d after %d s" % (what, port, timeout))


def children(pid):
    out = []
    try:
        for t in os.listdir("/proc/%d/task" % pid):
            with open("/proc/%d/task/%s/children" % (pid, t)) as f:
                out += [int(x) for x in f.read().split()]
    except OSError:
        pass
    return out


def descendants(pid):
    out, todo = [], [pid]
    while todo:
        c = children(todo.pop())
        out += c
        todo += c
    return out


def proc_stat(pid):
    """the fields of /proc/PID/stat after the command name (state first)"""
    try:
        with open("/proc/%d/stat" % pid) as f:
            return f.read().rsplit(")", 1)[1].split()
    except OSError:
        return None


def cpu_ticks(pid, reaped=True):
    """utime+stime of pid, plus cutime+cstime (its reaped descendants)"""
    v = proc_stat(pid)
    if not v:
        return 0
    return int(v[11]) + int(v[12]) + (int(v[13]) + int(v[14]) if reaped else 0)


def minor_faults(pid, reaped=True):
    """minflt of pid, plus cminflt (its reaped descendants)"""
    v = proc_stat(pid)
    if not v:
        return 0
    return int(v[7]) + (int(v[8]) if reaped else 0)


def memory(pid):
    m = {}
    try:
        with open("/proc/%d/smaps_rollup" % pid) as f:
            for l in f:
                k = l.split(":")[0]
                if k in ("Rss", "Pss"):
                    m[k.lower()] = int(l.split()[1])
        with open("/proc/%d/status" % pid) as f:
            for l in f:
                if l.startswith("VmHWM:"):
                    m["hwm"] = int(l.split()[1])
    except OSError:
        return None
    return m


def serving_pid(server_port, client_port, exclude=()):
    """the process holding the server end of the connection from client_port"""
    inodes = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            with open(table) as f:
                next(f)
                for l in f:
                    v = l.split()
                    if int(v[1].split(":")[1], 16) == server_port and int(v[2].split(":")[1], 16) == client_port:
                        inodes.add("socket:[%s]" % v[9])
        except OSError:
            pass
    found = []
    for p in os.listdir("/proc"):
        if not p.isdigit() or int(p) in exclude:
            continue
        try:
            for fd in os.listdir("/proc/%s/fd" % p):
                if os.readlink("/proc/%s/fd/%s" % (p, fd)) in inodes:
                    found.append(int(p))
                    break
        except OSError:
            pass
    return max(found) if found else None


class Server:
    """one server instance: start, settle, cpu, stop"""
    kind = ""

    def __init__(self, key, work, queue):
        self.key, self.work, self.queue = key, work, queue
        self.port = free_port()
        self.pid = None
        self.qq = os.path.join(work.qq, "%s-%s" % (key, queue))
        os.makedirs(self.qq, exist_ok=True)
        os.chmod(self.qq, 0o1777)

    def env(self):
        e = {"PATH": "/usr/sbin:/usr/bin:/sbin:/bin", "QQ_DIR": self.qq}
        e["QMAILQUEUE"] = self.work.qqprog if self.queue == "qq" else self.work.nullprog
        return e

    def settle(self, timeout=10):
        """waits until every session process has ended and been reaped"""
        end = time.time() + timeout
        while children(self.pid) and time.time() < end:
            time.sleep(0.02)

    def cpu(self):
        return cpu_ticks(self.pid)

    def faults(self):
        return minor_faults(self.pid)

    def stop(self):
        if self.pid and alive(self.pid):
            os.kill(self.pid, signal.SIGTERM)
            try:
                os.waitpid(self.pid, 0)
            except ChildProcessError:
                pass
        self.pid = None


class TcpServer(Server):
    """a program run by tcpserver once per connection"""

    def __init__(self, key, work, queue, argv, extra_env):
        Server.__init__(self, key, work, queue)
        self.argv, self.extra_env = argv, extra_env

    def start(self):
        e = self.env()
        e.update(self.extra_env)
        self.logf = open(os.path.join(self.work.dir, "%s-%s.log" % (self.key, self.queue)), "a")
        p = subprocess.Popen(["tcpserver", "-R", "-H", "-l", "0", "-c", "100", "127.0.0.1", str(self.port)] + self.argv,
                             env=e, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=self.logf)
        self.pid = p.pid
        running.append(self)
        wait_listen(self.port, self.pid, self.key)


class StoreServer(TcpServer):
    """qcsmtpd with the store's plugins: after tcpserver listens, one
    session puts the bench client's triplet in greylisting's store and, after
    the black timeout, a second one makes it white (smtpload's sessions
    would otherwise be deferred)"""

    def start(self):
        TcpServer.start(self)
        for attempt in range(2):
            codes = smtp_codes(self.port, [b"EHLO bench.client", b"MAIL FROM:<warm@example.org>",
                                           b"RCPT TO:<postmaster@example.com>", b"QUIT"])
            if attempt == 0:
                time.sleep(1.2)
        if codes[2:4] != [250, 250]:
            raise RuntimeError("%s: the warm-up session got %s, not 250 to MAIL and RCPT" % (self.key, codes))


def smtp_codes(port, lines, timeout=10):
    """the reply codes of a short SMTP session (greeting first)"""
    s = socket.create_connection(("127.0.0.1", port), timeout)
    f = s.makefile("rb")
    codes = []

    def reply():
        while True:
            l = f.readline()
            if len(l) < 4 or l[3:4] != b"-":
                codes.append(int(l[:3]) if l[:3].isdigit() else 0)
                return
    reply()
    for l in lines:
        s.sendall(l + b"\r\n")
        reply()
    s.close()
    return codes


class Redis:
    """redis-server on a free loopback port, no persistence (peers.md)"""

    def __init__(self, work):
        self.key, self.port = "redis", free_port()
        self.dir = work.mk("redis")
        p = subprocess.Popen(["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--save", "",
                              "--appendonly", "no", "--dir", self.dir, "--daemonize", "no",
                              "--logfile", os.path.join(self.dir, "redis.log")],
                             stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.pid = p.pid
        running.append(self)
        wait_listen(self.port, self.pid, "redis-server")

    def stop(self):
        if self.pid and alive(self.pid):
            os.kill(self.pid, signal.SIGTERM)
            try:
                os.waitpid(self.pid, 0)
            except ChildProcessError:
                pass
        self.pid = None


class Forkserver(Server):
    """qpsmtpd-forkserver, its own listener"""

    def start(self):
        e = self.env()
        e["QPSMTPD_CONFIG"] = self.work.qpconfig
        self.logf = open(os.path.join(self.work.dir, "%s-%s.log" % (self.key, self.queue)), "a")
        p = subprocess.Popen(["/usr/bin/qpsmtpd-forkserver", "-l", "127.0.0.1", "-p", str(self.port), "-u", "qpsmtpd",
                              "-H", "-c", "100", "-m", "100"], cwd=self.work.dir,
                             env=e, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=self.logf)
        self.pid = p.pid
        running.append(self)
        wait_listen(self.port, self.pid, self.key, 60)


class Postfix(Server):
    """a Postfix instance of our own: config_directory and queue in the work
    directory, smtpd on a loopback port, every message to the discard transport"""

    def start(self):
        d = os.path.join(self.work.dir, "postfix")
        shutil.rmtree(d, ignore_errors=True)
        self.etc, self.spool, data = d + "/etc", d + "/spool", d + "/data"
        for x in (self.etc, self.spool, data):
            os.makedirs(x)
        os.chmod(d, 0o755)
        shutil.chown(data, "postfix")
        with open(self.etc + "/main.cf", "w") as f:
            f.write(POSTFIX_MAIN.format(d=d, spool=self.spool, data=data) + getattr(self, "extra_main", ""))
        with open(self.etc + "/master.cf", "w") as f:
            f.write(POSTFIX_MASTER.format(port=self.port) + getattr(self, "extra_master", ""))
        r = subprocess.run(["/usr/sbin/postfix", "-c", self.etc, "start"], stdout=subprocess.PIPE,
                           stderr=subprocess.STDOUT, text=True)
        pidfile = self.spool + "/pid/master.pid"
        end = time.time() + 20
        while not os.path.exists(pidfile) and time.time() < end:
            time.sleep(0.05)
        try:
            self.pid = int(open(pidfile).read())
        except (OSError, ValueError):
            raise RuntimeError("postfix did not start (%s): %s %s" % (r.returncode, r.stdout,
                               sh(["tail", "-5", d + "/maillog"])))
        running.append(self)
        wait_listen(self.port, self.pid, "postfix")

    def cpu(self):
        # long-lived processes: their own times, plus what master reaped
        return cpu_ticks(self.pid) + sum(cpu_ticks(p) for p in descendants(self.pid))

    def faults(self):
        return minor_faults(self.pid) + sum(minor_faults(p) for p in descendants(self.pid))

    def settle(self, timeout=20):
        """waits until the queue is empty (delivery to discard is done)"""
        end = time.time() + timeout
        while time.time() < end:
            if not any(files for q in ("incoming", "active", "deferred", "maildrop")
                       for _, _, files in os.walk(os.path.join(self.spool, q))):
                return
            time.sleep(0.05)

    def stop(self):
        if not self.pid:
            return
        subprocess.run(["/usr/sbin/postfix", "-c", self.etc, "stop"], stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL)
        end = time.time() + 20
        while alive(self.pid) and time.time() < end:
            time.sleep(0.05)
        if alive(self.pid):
            os.kill(self.pid, signal.SIGKILL)
        self.pid = None


POSTFIX_MAIN = """\
# make bench: a private Postfix, loopback only, everything discarded
compatibility_level = 3.6
queue_directory = {spool}
data_directory = {data}
mail_owner = postfix
setgid_group = postdrop
inet_interfaces = 127.0.0.1
inet_protocols = ipv4
myhostname = bench.example
mydomain = bench.example
myorigin = bench.example
mydestination = example.com
mynetworks = 127.0.0.0/8
local_recipient_maps =
alias_maps =
alias_database =
default_transport = discard
relay_transport = discard
local_transport = discard
message_size_limit = 1073741824
mailbox_size_limit = 0
smtpd_peername_lookup = no
biff = no
smtpd_banner = $myhostname ESMTP
maillog_file = {d}/maillog
maillog_file_prefixes = {d}
"""

# chroot off (the queue is in a temp directory); only what an inbound
# smtpd and the discard transport need, and postlogd for maillog_file
POSTFIX_MASTER = """\
127.0.0.1:{port} inet n - n - - smtpd
cleanup   unix  n - n - 0 cleanup
qmgr      unix  n - n 300 1 qmgr
rewrite   unix  - - n - - trivial-rewrite
bounce    unix  - - n - 0 bounce
defer     unix  - - n - 0 bounce
trace     unix  - - n - 0 bounce
verify    unix  - - n - 1 verify
flush     unix  n - n 1000? 0 flush
proxymap  unix  - - n - - proxymap
error     unix  - - n - - error
retry     unix  - - n - - error
discard   unix  - - n - - discard
anvil     unix  - - n - 1 anvil
scache    unix  - - n - 1 scache
postlog   unix-dgram n - n - 1 postlogd
"""


class Work:
    """the temporary directory: programs, control/config directories, queue record"""

    def __init__(self, args):
        self.dir = tempfile.mkdtemp(prefix="qcsmtpd-bench.")
        os.chmod(self.dir, 0o755)       # Postfix and qpsmtpd run as their own users
        self.bin = self.mk("bin")
        self.qq = self.mk("qq", 0o1777)
        self.spool = self.mk("spool", 0o700)
        self.qpspool = self.mk("qpsmtpd-spool", 0o700)     # as qpsmtpd wants it
        shutil.chown(self.qpspool, "qpsmtpd", "qpsmtpd")
        cc = ["cc", "-O2", "-Wall", "-Wextra"]
        for prog, static in (("floor", 1), ("nullqueue", 1), ("smtpload", 0)):
            cmd = cc + (["-static"] if static else []) + ["-o", os.path.join(self.bin, prog),
                                                         os.path.join(BENCH, prog + ".c")]
            r = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
            if r.returncode:
                raise RuntimeError("%s: %s" % (" ".join(cmd), r.stdout))
        self.qqprog = os.path.join(self.bin, "qmail-queue")
        shutil.copy(os.path.join(ROOT, "tests", "qmail-queue"), self.qqprog)
        self.nullprog = os.path.join(self.bin, "nullqueue")
        self.floor = os.path.join(self.bin, "floor")
        self.smtpload = os.path.join(self.bin, "smtpload")
        self.qpprog = os.path.join(self.bin, "qpsmtpd")
        shutil.copy(os.path.join(BENCH, "qpsmtpd-tcpserver"), self.qpprog)
        self.qcsmtpd = os.path.join(ROOT, "qcsmtpd")
        self.control = {}
        for name, plugins in (("qc-qmail", QMAIL_SET), ("qc-large", args.plugins_large)):
            d = self.mk("control-" + name)
            self.write(d, "me", "bench.example")
            self.write(d, "rcpthosts", "example.com")
            self.write(d, "badmailfrom", "spammer@spam.example\n@junk.example\nnobody@example.org")
            self.write(d, "spool_dir", self.spool)
            self.write(d, "plugins", "\n".join(plugins))
            self.control[name] = d
        if all(p.split()[0] in args.available for p in SAMPLE_SET):
            d = self.control["qc-sample"] = self.mk("control-qc-sample")
            self.sample_files(d)
            self.write(d, "plugins", "\n".join(SAMPLE_SET))
        d = self.qpconfig_sample = self.mk("qpsmtpd-config-sample")
        self.sample_files(d)
        self.write(d, "spool_dir", self.qpspool)
        self.write(d, "loglevel", "4")
        self.write(d, "plugin_dirs", "/usr/share/qpsmtpd/plugins")
        self.write(d, "plugins", "\n".join(SAMPLE_SET))
        d = self.qpconfig = self.mk("qpsmtpd-config")
        self.write(d, "me", "bench.example")
        self.write(d, "rcpthosts", "example.com")
        self.write(d, "spool_dir", self.qpspool)
        self.write(d, "loglevel", "4")
        self.write(d, "plugin_dirs", "/usr/share/qpsmtpd/plugins")
        self.write(d, "plugins", "rcpt_ok\nqueue/qmail-queue")
        self.dns = None
        self.qpconfig_content = {}
        self.floor_musl = self.qcsmtpd_musl = None

    def build_musl(self, want):
        """floor.c with musl-gcc -static, ./qcsmtpd configured --libc=musl in
        build-musl/ (tests/check-variant, musl/prefix reused); the rows that
        cannot be built are skipped, each with a line saying why"""
        want = [k for k in MUSL_KEYS if k in want]
        if not want:
            return set(), []
        if not shutil.which("musl-gcc"):
            return set(want), ["%s skipped: musl-gcc is not installed (Debian package musl-tools)" % k for k in want]
        skip, why = set(), []
        if "floor-musl" in want:
            out = os.path.join(self.bin, "floor-musl")
            cmd = ["musl-gcc", "-O2", "-Wall", "-Wextra", "-static", "-o", out, os.path.join(BENCH, "floor.c")]
            r = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
            if r.returncode:
                skip.add("floor-musl")
                why.append("floor-musl skipped: %s: %s" % (" ".join(cmd), r.stdout.strip()))
            else:
                self.floor_musl = out
        if "qc-musl" in want:
            log("building the musl ./qcsmtpd: tests/check-variant musl --build-only (build-musl/)")
            r = subprocess.run([os.path.join(ROOT, "tests", "check-variant"), "musl", "--build-only"],
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
            if r.returncode:
                skip.add("qc-musl")
                why.append("qc-musl skipped: the musl build failed (tests/check-variant musl --build-only): %s"
                           % " ".join(r.stdout.split()[-40:]))
            else:
                self.qcsmtpd_musl = os.path.join(ROOT, "build-musl", "qcsmtpd")
        return skip, why

    def start_dns(self):
        """dnsmasq on a free loopback port with every record the DNS row asks
        for; then the control (qcsmtpd) and config (qpsmtpd) directories that
        use it. The client (127.0.0.1) is listed nowhere, the common case: the
        dnsbl and rhsbl queries get NXDOMAIN, fcrdns passes (PTR and A), the
        sender's domain has an MX with a public (TEST-NET) address."""
        sys.path.insert(0, os.path.join(ROOT, "tests", "integration"))
        os.environ["TEST_TMPDIR"] = self.dir
        import dnslib

        class Quiet(dnslib.Dnsmasq):
            def command(self):
                return [a for a in dnslib.Dnsmasq.command(self) if a != "--log-queries"]
        why = dnslib.missing("dnsmasq")
        if why:
            raise RuntimeError(why)
        self.dns = Quiet(local=DNS_ZONES + [RHS_ZONE, "example.com", "bench.test"],
                         hosts=[(CLIENT_NAME, "127.0.0.1"), ("mx.example.com", "192.0.2.25")],
                         mx=[("example.com", "mx.example.com", 10)])
        self.dns.key = "dnsmasq"
        running.append(self.dns)
        d = self.control["qc-dns"] = self.mk("control-qc-dns")
        for name in ("me", "rcpthosts", "badmailfrom", "spool_dir"):
            shutil.copy(os.path.join(self.control["qc-qmail"], name), d)
        self.write(d, "plugins", "\n".join(QMAIL_SET[:1] + DNS_PLUGINS + QMAIL_SET[1:]))
        self.write(d, "dnsbl_zones", "\n".join(DNS_ZONES))
        self.write(d, "rhsbl_zones", RHS_ZONE)
        self.write(d, "dns_servers", "127.0.0.1:%d" % self.dns.port)
        d = self.qpconfig_dns = self.mk("qpsmtpd-config-dns")
        for name in os.listdir(self.qpconfig):
            shutil.copy(os.path.join(self.qpconfig, name), d)
        self.write(d, "plugins", "\n".join(DNS_PLUGINS + ["rcpt_ok", "queue/qmail-queue"]))
        self.write(d, "dnsbl_zones", "\n".join(DNS_ZONES))
        self.write(d, "rhsbl_zones", RHS_ZONE)
        # Net::DNS's servers (tests/bench/qpsmtpd-tcpserver reads the file)
        self.write(d, "resolv.conf", "nameserver 127.0.0.1\noptions port:%d" % self.dns.port)
        self.qp_dns_env = {"QPSMTPD_CONFIG": d, "QPSMTPD_BENCH_RESOLV": os.path.join(d, "resolv.conf")}
        # (rcode, answers) as the row needs them: PTR and MX found, the client not listed
        for name, qtype, want in (("1.0.0.127.in-addr.arpa", "PTR", (0, 1)), (CLIENT_NAME, "A", (0, 1)),
                                  ("example.com", "MX", (0, 1)), ("mx.example.com", "A", (0, 1)),
                                  ("1.0.0.127." + DNS_ZONES[0], "TXT", (3, 0)), ("example.com." + RHS_ZONE, "A", (3, 0))):
            got = dnslib.ask(self.dns.port, name, qtype)
            if got != want:
                raise RuntimeError("dnsmasq on port %d: %s %s answered %s, not %s" % (self.dns.port, name, qtype, got, want))

    def start_store(self, args, want):
        """the control directories of the store rows: LMDB under a store_dir
        of the work directory; Redis on a redis-server of our own"""
        plugins = store_set(args)
        for key in ("qc-store", "qc-redis"):
            if key not in want:
                continue
            d = self.control[key] = self.mk("control-" + key)
            for name in ("me", "rcpthosts", "badmailfrom", "spool_dir"):
                shutil.copy(os.path.join(self.control["qc-qmail"], name), d)
            self.write(d, "plugins", "\n".join(QMAIL_SET[:1] + plugins + QMAIL_SET[1:]))
            if key == "qc-store":
                self.write(d, "store_dir", self.mk("store-lmdb"))
            else:
                self.redis = Redis(self)
                self.write(d, "store_redis", "127.0.0.1:%d" % self.redis.port)

    def start_content(self, args, want):
        """the scanners the content rows in `want` need, started once, and
        their control (qcsmtpd) and config (qpsmtpd) directories. Returns
        (rows to drop, lines saying why): a peer not installed, ./qcsmtpd
        without the milter plugin, qpsmtpd's clamdscan without ClamAV::Client"""
        self.peers, self.peer_failed, drop, why = {}, {}, set(), []
        lack = scanners.missing()
        for key in [k for k in want if k in CONTENT_PEER]:
            peer = CONTENT_PEER[key]
            if peer in lack:
                drop.add(key)
                why.append("%s skipped: %s is not installed (Debian package %s)" % (key, peer, lack[peer]))
        if "qp-clamd" in want and "qp-clamd" not in drop and \
                subprocess.run(["perl", "-MClamAV::Client", "-e", "1"], stderr=subprocess.DEVNULL).returncode:
            drop.add("qp-clamd")
            why.append("qp-clamd skipped: qpsmtpd's virus/clamdscan needs ClamAV::Client (Debian package "
                       "libclamav-client-perl)")
        if "qc-rspamd" in want and "qc-rspamd" not in drop:
            no, lacks = self.milter_check()
            if no:
                drop.add("qc-rspamd")
                if lacks:
                    why.append("qc-rspamd skipped: ./qcsmtpd has no milter plugin (`qcsmtpd -t`: %s)" % no)
                else:
                    self.peer_failed["milter"] = "qc-rspamd: `qcsmtpd -t` refuses the row's line: %s" % no
        keep = [k for k in want if k in CONTENT_PEER and k not in drop]
        children = max(2, os.cpu_count() or 1)
        for key in keep:
            peer = CONTENT_PEER[key]
            if peer in self.peer_failed:
                drop.add(key)
                continue
            if peer not in self.peers:
                log("starting %s" % peer)
                t = time.time()
                try:
                    p = {"spamd": lambda: scanners.Spamd(self, children), "clamd": lambda: scanners.Clamd(self),
                         "rspamd": lambda: scanners.Rspamd(self, children)}[peer]()
                except (OSError, RuntimeError) as e:
                    # installed but not working: a failed run, not a skip
                    self.peer_failed[peer] = "%s did not start: %s" % (peer, e)
                    drop.add(key)
                    continue
                p.key = peer
                running.append(p)
                self.peers[peer] = p
                log("%s ready after %.1f s" % (peer, time.time() - t))
            p = self.peers[peer]
            line = {"spamd": SPAMD_LINE, "clamd": CLAMD_LINE, "rspamd": MILTER_LINE}[peer].format(
                port=p.port, sock=getattr(p, "sock", ""))
            if key.startswith("qc-"):
                d = self.control[key] = self.mk("control-" + key)
                for name in ("me", "rcpthosts", "badmailfrom", "spool_dir"):
                    shutil.copy(os.path.join(self.control["qc-qmail"], name), d)
                self.write(d, "plugins", "\n".join(QMAIL_SET[:-1] + [line] + QMAIL_SET[-1:]))
            else:
                d = self.mk("qpsmtpd-config-" + key)
                for name in os.listdir(self.qpconfig):
                    shutil.copy(os.path.join(self.qpconfig, name), d)
                self.write(d, "plugins", "\n".join(["rcpt_ok", line, "queue/qmail-queue"]))
                self.qpconfig_content[key] = d
        return drop, why

    def milter_check(self):
        """(why ./qcsmtpd cannot run the milter row or "", whether that is
        because the binary lacks the plugin): `qcsmtpd -t` on the row's
        control/plugins says whether this binary has the plugin; any other
        refusal of the line is a failed run, not a skip"""
        d = self.mk("control-milter-check")
        self.write(d, "me", "bench.example")
        self.write(d, "spool_dir", self.spool)
        self.write(d, "plugins", MILTER_LINE.format(port=11332))
        r = subprocess.run([self.qcsmtpd, "-t"], env={"PATH": "/usr/bin:/bin", "QCSMTPD_CONTROL": d},
                           stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        if r.returncode == 0:
            return "", False
        err = [l for l in r.stderr.splitlines() if "milter" in l] or r.stderr.splitlines() or [r.stdout.strip()]
        # src/plugins.c's words for a plugin this build lacks (planned, not compiled in, unknown)
        lacks = any(re.search(r"plugin milter is not in qcsmtpd|plugin not compiled in: milter\b|"
                              r"unknown or not compiled-in plugin: milter\b", l) for l in err)
        return re.sub(r"^qcsmtpd: \d+ ", "", err[0]), lacks

    def sample_files(self, d):
        """the control files of the sample set, the same for both servers"""
        self.write(d, "me", "bench.example")
        self.write(d, "rcpthosts", "example.com")
        self.write(d, "spool_dir", self.spool)
        self.write(d, "badmailfrom", "spammer@spam.example\n@junk.example\nnobody@example.org")
        self.write(d, "badrcptto", "burnt@example.com\n@spamtrap.example.com")
        self.write(d, "relayclients", "192.0.2.")
        self.write(d, "flat_auth_pw", "user@example.com:not-a-real-password")

    def mk(self, name, mode=0o755):
        d = os.path.join(self.dir, name)
        os.makedirs(d)
        os.chmod(d, mode)
        return d

    def write(self, d, name, text):
        with open(os.path.join(d, name), "w") as f:
            f.write(text + "\n")

    def unmarked(self, d, mark):
        """messages of the record whose header lacks the field `mark`"""
        n = 0
        for x in os.listdir(d):
            if x.endswith(".msg"):
                with open(os.path.join(d, x), "rb") as f:
                    head = f.read(65536).replace(b"\r\n", b"\n").split(b"\n\n", 1)[0]
                n += not re.search(rb"(?im)^" + re.escape(mark.encode()), head)
        return n

    def clear_qq(self, d):
        n = 0
        for x in os.listdir(d):
            n += x.endswith(".msg")
            os.unlink(os.path.join(d, x))
        return n


def plugins_available():
    """qpsmtpd names of the plugins compiled into ./qcsmtpd, in configure's order"""
    names = {}
    for l in sh([os.path.join(ROOT, "configure"), "--help"]).splitlines():
        m = re.match(r"\s+(\S+)\s+(plugins/\S+\.c)$", l)
        if m:
            names[m.group(2)] = m.group(1)
    compiled = re.findall(r"plugins/\S+\.c", open(os.path.join(ROOT, "config.mak")).read().split("CHECK_PLUGIN_SRCS")[0])
    return [names[f] for f in names if f in compiled]


def larger_set(avail):
    """every compiled-in plugin that needs no network, logging first, the
    qmail-smtpd set in its order, queue/qmail-queue last (the only queue)"""
    local = [p for p in avail if p not in NET_PLUGINS and not p.startswith("test/")
             and (not p.startswith("queue/") or p == "queue/qmail-queue")]
    first = [p for p in local if p.startswith("logging/")]
    mid = [p for p in QMAIL_SET[:-1] if p in local]
    rest = [p for p in local if p not in first and p not in mid and p != "queue/qmail-queue"]
    return first + mid + rest + ["queue/qmail-queue"]


# --- one instance: every test, one after the other --------------------------

def load(work, *argv, timeout=600, env=None):
    e = dict(os.environ)
    e.update(env or {})
    r = subprocess.run([work.smtpload] + [str(a) for a in argv], stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE, text=True, timeout=timeout, env=e)
    kv = dict(x.split("=", 1) for x in r.stdout.split() if "=" in x)
    if r.returncode or kv.get("ok", "0") == "0":
        raise RuntimeError("smtpload %s: %s %s" % (" ".join(map(str, argv)), r.stdout.strip(), r.stderr.strip()))
    return {k: float(v) for k, v in kv.items()}


def held(work, srv, verb, *argv):
    """runs smtpload hold/big; samples the serving process before its QUIT"""
    p = subprocess.Popen([work.smtpload, verb, str(srv.port)] + [str(a) for a in argv],
                         stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        first = p.stdout.readline()
        m = re.match(r"port=(\d+)", first)
        if not m:
            raise RuntimeError("smtpload %s: %s %s" % (verb, first, p.stderr.read()))
        cport = int(m.group(1))
        res = {}
        if verb == "big":
            line = p.stdout.readline()
            res = {k: float(v) for k, v in (x.split("=", 1) for x in line.split() if "=" in x)}
            if res.get("ok") != 1:
                raise RuntimeError("smtpload big: %s %s" % (line, p.stderr.read()))
        pid = serving_pid(srv.port, cport, (srv.pid, p.pid, os.getpid()))
        mem = memory(pid) if pid else None
        if not mem:
            raise RuntimeError("%s: no process serving the connection from port %d" % (srv.key, cport))
        res.update(mem)
        res["minflt"] = minor_faults(pid, False)
        res["pid"] = pid
        p.stdin.write("quit\n")
        p.stdin.close()
        if p.wait(120):
            raise RuntimeError("smtpload %s: %s" % (verb, p.stderr.read()))
        return res
    finally:
        if p.poll() is None:
            p.kill()
            p.wait()


class Failed(Exception):
    pass


def run_round(work, inst, args, res, pairs, rnd, errors):
    """One round. Every instance is started; each load test then runs in
    --slices short slices that visit the instances in turn, the order
    reversed at every slice, so that every server meets the same background
    load and each slice gives a ratio to the floor measured next to it. Then
    the memory tests, one instance after the other; then every instance is
    stopped."""
    live = []

    def fail(srv, e):
        errors.append("round %d, %s: %s" % (rnd, srv.rkey, e))
        log("ERROR " + errors[-1])
        if srv in live:
            live.remove(srv)
        srv.stop()

    def step(srv, what, fn):
        try:
            return fn()
        except (RuntimeError, subprocess.TimeoutExpired) as e:
            fail(srv, "%s: %s" % (what, e))
            return None

    for spec, q in inst:
        srv = spec["make"](work, q)
        srv.rkey, srv.slow, srv.spec = "%s/%s" % (spec["key"], q), spec.get("slow"), spec
        srv.expect = 0
        srv.r = res.setdefault(srv.rkey, {})
        srv.lat = {}
        work.clear_qq(srv.qq)
        try:
            srv.start()
            load(work, "sessions", srv.port, 2, 1)        # warm-up and sanity
            srv.expect = 2
            live.append(srv)
        except (RuntimeError, subprocess.TimeoutExpired) as e:
            fail(srv, "start: %s" % e)
    add = lambda srv, k, v: srv.r.setdefault(k, []).append(v)
    floor = lambda srv: next((x for x in live if x.rkey == "floor/" + srv.queue), None) or \
        next((x for x in live if x.rkey == "floor/qq"), None)
    t0 = time.time()
    try:
        for test, clients in (("s1", 1), ("s8", 8), ("pipe", 0)):
            acc = {srv: [0, 0.0] for srv in live}
            if test == "s1":
                for srv in live:
                    srv.settle()
                    srv.c0, srv.f0 = srv.cpu(), srv.faults()
            slices = args.slices if test != "pipe" else args.pipeline_reps
            for k in range(slices):
                rates = {}
                for srv in (live[:] if (k + rnd) % 2 else live[::-1]):
                    if srv not in live:
                        continue
                    if test == "pipe":
                        if srv.slow and k >= args.qp_pipeline_reps:
                            continue
                        x = step(srv, "pipeline", lambda: load(work, "pipeline", srv.port, args.pipeline_msgs))
                    else:
                        total = (args.qp_seq if srv.slow else args.seq) if clients == 1 else \
                                (args.qp_conc if srv.slow else args.conc)
                        n = max(clients, -(-total // slices))
                        latf = os.path.join(work.dir, "latencies")
                        if os.path.exists(latf):
                            os.unlink(latf)
                        x = step(srv, "%d sessions, %d client(s)" % (n, clients),
                                 lambda: load(work, "sessions", srv.port, n, clients, env={"SMTPLOAD_LATENCIES": latf}))
                        if x:
                            srv.lat.setdefault(test, []).extend(float(v) for v in open(latf))
                    if not x:
                        continue
                    srv.expect += int(x["ok"])
                    acc[srv][0] += x["ok"]
                    acc[srv][1] += x["secs"]
                    rates[srv] = x["ok"] / x["secs"]
                for srv, v in rates.items():
                    f = floor(srv)
                    if f in rates:
                        pairs.setdefault((srv.rkey, test), []).append(v / rates[f])
                    for other in COMPARE.get(srv.spec["key"], ()):
                        o = next((x for x in rates if x.rkey == "%s/%s" % (other, srv.queue)), None)
                        if o:
                            pairs.setdefault((srv.rkey, "%s:%s" % (test, other)), []).append(v / rates[o])
            for srv in live:
                n, t = acc.get(srv, (0, 0))
                if n:
                    add(srv, test, n / t)
                if test == "s1" and n:
                    srv.settle()
                    add(srv, "cpu", (srv.cpu() - srv.c0) * 1000.0 / HZ / n)
                    add(srv, "flt", (srv.faults() - srv.f0) / n)
                if test in srv.lat:
                    v = sorted(srv.lat[test])
                    add(srv, "p50_" + test[1], pct(v, 50))
                    add(srv, "p99_" + test[1], pct(v, 99))
        for srv in live[:]:
            x = step(srv, "hold", lambda: held(work, srv, "hold"))
            if not x:
                continue
            add(srv, "rss", x["rss"]); add(srv, "pss", x["pss"]); add(srv, "hwm_hold", x["hwm"])
            add(srv, "flt_hold", x["minflt"])
            if srv.queue == srv.spec["big_on"] and args.big_mb:
                mb = args.qp_big_mb if srv.slow else args.big_mb
                x = step(srv, "1 MB message", lambda: held(work, srv, "big", 1 << 20))
                y = x and step(srv, "%d MB message" % mb, lambda: held(work, srv, "big", mb << 20))
                if y:
                    add(srv, "hwm_1", x["hwm"]); add(srv, "hwm_big", y["hwm"]); add(srv, "mbps", y["mbps"])
                    srv.r["big_mb"] = mb
                    srv.expect += 2
    finally:
        for srv in live:
            srv.settle()
            srv.stop()
    for srv in live:
        mark = CONTENT_MARK.get(srv.spec["key"])
        if mark and srv.queue == "qq":
            bare = work.unmarked(srv.qq, mark)
            if bare:
                errors.append("round %d, %s: %d queued messages without %s (not scanned)" % (rnd, srv.rkey, bare, mark))
                log("ERROR " + errors[-1])
        if srv.queue == "qq" and not isinstance(srv, Postfix):
            got = work.clear_qq(srv.qq)
            if got != srv.expect:
                errors.append("round %d, %s: %d messages in the stand-in's record for %d accepted"
                              % (rnd, srv.rkey, got, srv.expect))
                log("ERROR " + errors[-1])
    for srv in live:
        r = srv.r
        last = lambda k: r[k][-1] if r.get(k) else 0
        log("round %d %-16s 1c %6.1f/s  8c %6.1f/s  pipe %6.1f msg/s  cpu %6.2f ms  rss %s kB  p50 %.1f ms"
            % (rnd, srv.rkey, last("s1"), last("s8"), last("pipe"), last("cpu"), last("rss"), last("p50_1")))
    log("round %d: %.0f s" % (rnd, time.time() - t0))


def scanners_alone(work, args, res, rnd, errors):
    """each scanner timed on its own with the bench's message, from a direct
    client (scanners.py): 1 client one scan after the other (ms/message) and
    8 clients (messages/s), as many scans as qpsmtpd's sessions a round"""
    for name, p in getattr(work, "peers", {}).items():
        r = res.setdefault("scanner:" + name, {})
        try:
            per, _ = p.time_scans(scanners.bench_message(), max(10, args.qp_seq), 1)
            r.setdefault("ms1", []).append(1000.0 * statistics.median(per))
            n8 = max(16, args.qp_conc)
            _, wall = p.time_scans(scanners.bench_message(), n8, 8)
            r.setdefault("s8", []).append(n8 / wall)
            log("round %d %-16s alone: %.1f ms/message (1 client), %.1f messages/s (8 clients)"
                % (rnd, name, r["ms1"][-1], r["s8"][-1]))
        except (OSError, RuntimeError) as e:
            errors.append("round %d, %s alone: %s" % (rnd, name, e))
            log("ERROR " + errors[-1])


def pct(v, p):
    """nearest-rank percentile of the sorted list v"""
    k = (len(v) * p + 99) // 100
    return v[max(k, 1) - 1] if v else None


def store_set(args):
    """the store rows' plugins that ./qcsmtpd has"""
    return [p for p in STORE_PLUGINS if p.split()[0] in getattr(args, "available", [])]


def specs(work, args):
    qc = lambda name: lambda w, q: TcpServer(name, w, q, [w.qcsmtpd], {"QCSMTPD_CONTROL": w.control[name]})
    all_ = [
        dict(key="qc-qmail", label="qcsmtpd, qmail-smtpd set (%s)" % ", ".join(QMAIL_SET),
             make=qc("qc-qmail"), queues=["qq", "null"], big_on="null"),
        dict(key="qc-large", label="qcsmtpd, larger set (%s)" % ", ".join(args.plugins_large),
             make=qc("qc-large"), queues=["qq", "null"], big_on="null"),
        dict(key="qc-alt", label="another qcsmtpd (%s), qmail-smtpd set" % args.alt,
             make=lambda w, q: TcpServer("qc-alt", w, q, [args.alt], {"QCSMTPD_CONTROL": w.control["qc-qmail"]}),
             queues=["qq", "null"], big_on="null"),
        dict(key="floor", label="floor (tests/bench/floor.c)",
             make=lambda w, q: TcpServer("floor", w, q, [w.floor], {}), queues=["qq", "null"], big_on="null"),
        dict(key="qc-musl", label="qcsmtpd linked with musl (build-musl/, `./configure --libc=musl`), qmail-smtpd set",
             make=lambda w, q: TcpServer("qc-musl", w, q, [w.qcsmtpd_musl], {"QCSMTPD_CONTROL": w.control["qc-qmail"]}),
             queues=["qq", "null"], big_on="null"),
        dict(key="floor-musl", label="floor linked with musl (tests/bench/floor.c, `musl-gcc -O2 -static`)",
             make=lambda w, q: TcpServer("floor-musl", w, q, [w.floor_musl], {}), queues=["qq", "null"], big_on="null"),
        dict(key="qp-tcp", label="qpsmtpd 0.94 per connection (rcpt_ok, queue/qmail-queue)", slow=1,
             make=lambda w, q: TcpServer("qp-tcp", w, q, [w.qpprog], {"QPSMTPD_CONFIG": w.qpconfig}),
             queues=["qq"], big_on="qq"),
        dict(key="qc-sample", label="qcsmtpd, qpsmtpd master's sample set without DNS, state and scanners (%s)"
             % ", ".join(SAMPLE_SET), make=qc("qc-sample"), queues=["qq"], big_on=""),
        dict(key="qp-sample", label="qpsmtpd 0.94 per connection, the same sample set", slow=1,
             make=lambda w, q: TcpServer("qp-sample", w, q, [w.qpprog], {"QPSMTPD_CONFIG": w.qpconfig_sample}),
             queues=["qq"], big_on=""),
        dict(key="qc-dns", label="qcsmtpd, qmail-smtpd set and %s (dnsbl: %d zones) against dnsmasq"
             % (", ".join(DNS_PLUGINS), len(DNS_ZONES)), dns=1,
             make=qc("qc-dns"), queues=["qq"], big_on=""),
        dict(key="qp-dns", label="qpsmtpd 0.94 per connection, %s, rcpt_ok, queue/qmail-queue against dnsmasq"
             % ", ".join(DNS_PLUGINS), slow=1, dns=1,
             make=lambda w, q: TcpServer("qp-dns", w, q, ["/usr/bin/env", "TCPREMOTEHOST=" + CLIENT_NAME, w.qpprog],
                                         w.qp_dns_env),
             queues=["qq"], big_on=""),
        dict(key="qc-store", label="qcsmtpd, qmail-smtpd set and %s, store on LMDB (store_dir)"
             % ", ".join(store_set(args)), store=1,
             make=lambda w, q: StoreServer("qc-store", w, q, [w.qcsmtpd], {"QCSMTPD_CONTROL": w.control["qc-store"]}),
             queues=["qq"], big_on=""),
        dict(key="qc-redis", label="qcsmtpd, qmail-smtpd set and %s, store on Redis (store_redis, redis-server on loopback)"
             % ", ".join(store_set(args)), store=1,
             make=lambda w, q: StoreServer("qc-redis", w, q, [w.qcsmtpd], {"QCSMTPD_CONTROL": w.control["qc-redis"]}),
             queues=["qq"], big_on=""),
        # issue 13: the scanner dominates these rows, so they run qpsmtpd's
        # (smaller) session counts (slow=1) whichever server it is
        dict(key="qc-spamd", label="qcsmtpd, qmail-smtpd set and `%s` against spamd" % SPAMD_LINE.format(port="P"),
             scan=1, slow=1, make=qc("qc-spamd"), queues=["qq"], big_on=""),
        dict(key="qp-spamd", label="qpsmtpd 0.94 per connection, rcpt_ok, the same spamassassin line, "
             "queue/qmail-queue against the same spamd", scan=1, slow=1,
             make=lambda w, q: TcpServer("qp-spamd", w, q, [w.qpprog], {"QPSMTPD_CONFIG": w.qpconfig_content["qp-spamd"]}),
             queues=["qq"], big_on=""),
        dict(key="qc-clamd", label="qcsmtpd, qmail-smtpd set and `%s` against clamd (unix socket)"
             % CLAMD_LINE.format(sock="SOCK"), scan=1, slow=1, make=qc("qc-clamd"), queues=["qq"], big_on=""),
        dict(key="qp-clamd", label="qpsmtpd 0.94 per connection, rcpt_ok, the same virus/clamdscan line, "
             "queue/qmail-queue against the same clamd", scan=1, slow=1,
             make=lambda w, q: TcpServer("qp-clamd", w, q, [w.qpprog], {"QPSMTPD_CONFIG": w.qpconfig_content["qp-clamd"]}),
             queues=["qq"], big_on=""),
        dict(key="qc-rspamd", label="qcsmtpd, qmail-smtpd set and `%s` against rspamd's proxy worker (milter = yes)"
             % MILTER_LINE.format(port="P"), scan=1, slow=1, make=qc("qc-rspamd"), queues=["qq"], big_on=""),
        dict(key="qp-fork", label="qpsmtpd 0.94 forkserver (rcpt_ok, queue/qmail-queue)", slow=1,
             make=lambda w, q: Forkserver("qp-fork", w, q), queues=["qq"], big_on="qq"),
        dict(key="postfix", label="Postfix %s smtpd (discard transport)" % postfix_version(),
             make=lambda w, q: Postfix("postfix", w, q), queues=["qq"], big_on="qq"),
    ]
    want = args.servers.split(",") if args.servers else [s["key"] for s in all_ if s["key"] != "qc-alt"]
    unknown = [k for k in want if k not in [s["key"] for s in all_]]
    if unknown:
        sys.exit("bench: --servers: no such server: %s" % ", ".join(unknown))
    if args.alt and "qc-alt" not in want:
        want.insert(1, "qc-alt")
    if work is not None and "qc-sample" not in work.control:
        want = [k for k in want if k != "qc-sample"]      # a build without the set's plugins
    want = [k for k in want if k not in getattr(args, "content_skip", ())]   # Work.start_content
    want = [k for k in want if k not in getattr(args, "musl_skip", ())]      # Work.build_musl
    out = [s for s in all_ if s["key"] in want]
    if args.queues:
        for s in out:
            s["queues"] = [q for q in s["queues"] if q in args.queues.split(",")] or s["queues"][:1]
            if s["big_on"] and s["big_on"] not in s["queues"]:
                s["big_on"] = s["queues"][0]
    return out


def postfix_version():
    return sh(["/usr/sbin/postconf", "-dh", "mail_version"]) or "?"


# --- figures, targets and the document --------------------------------------

def med(v):
    return statistics.median(v) if v else None


def fmt(x, nd=1):
    if x is None:
        return "–"
    if abs(x) >= 1000:
        return "%.0f" % x
    return ("%%.%df" % nd) % x


def cell(r, k, nd=1):
    v = r.get(k)
    if not v:
        return "–"
    if len(v) == 1:
        return fmt(v[0], nd)
    return "%s (%s–%s)" % (fmt(med(v), nd), fmt(min(v), nd), fmt(max(v), nd))


def ratio(r, f, k, pr=None):
    """the median (range) of the slice-by-slice ratios when there are, else
    the ratio of the medians"""
    if pr:
        return "%.2f (%.2f–%.2f)" % (med(pr), min(pr), max(pr)) if len(pr) > 1 else "%.2f" % pr[0]
    a, b = med(r.get(k, [])), med((f or {}).get(k, []))
    return "%.2f" % (a / b) if a and b else "–"


def machine():
    cpu = "?"
    mhz = ""
    for l in open("/proc/cpuinfo"):
        if l.startswith("model name") and cpu == "?":
            cpu = l.split(":", 1)[1].strip()
        if l.startswith("cpu MHz") and not mhz:
            mhz = l.split(":", 1)[1].strip()
    mem = next((l.split(":")[1].strip() for l in open("/proc/meminfo") if l.startswith("MemTotal")), "?")
    df = sh(["df", "-T", "/tmp"]).splitlines()[-1].split()
    opts = next((l.split()[3] for l in open("/proc/mounts") if l.split()[1] == df[6]), "?")
    dev = re.sub(r"^/dev/", "", df[0])
    rot = ""
    base = re.sub(r"p?\d+$", "", dev)
    for d in (dev, base):
        try:
            rot = "rotational" if open("/sys/block/%s/queue/rotational" % d).read().strip() == "1" else "non-rotational"
            break
        except OSError:
            pass
    os_release = dict(l.strip().split("=", 1) for l in open("/etc/os-release") if "=" in l)
    return [
        ("nproc", str(os.cpu_count())),
        ("CPU", cpu + (" (%s MHz)" % mhz if mhz else "")),
        ("memory", mem),
        ("kernel", " ".join(platform.uname()[i] for i in (0, 2, 4))),
        ("system", os_release.get("PRETTY_NAME", "?").strip('"')),
        ("/tmp", "%s on %s (%s, %s), mounted %s" % (df[1], df[0], rot or "?", df[6], opts)),
    ]


def versions():
    dpkg = lambda p: sh(["dpkg-query", "-W", "-f", "${Version}", p]) or "?"
    git = sh(["git", "-C", ROOT, "describe", "--always", "--dirty"])
    return [
        ("qcsmtpd", "%s (git %s), CFLAGS/LDFLAGS of config.mak: %s" % (
            re.search(r"VERSION = (\S+)", open(os.path.join(ROOT, "config.mak")).read()).group(1), git,
            " ".join(re.findall(r"^(?:CFLAGS|LDFLAGS) = (.*)$", open(os.path.join(ROOT, "config.mak")).read(), re.M)))),
        ("qpsmtpd", "Debian " + dpkg("qpsmtpd") + ", perl " + dpkg("perl")),
        ("postfix", "Debian " + dpkg("postfix")),
        ("ucspi-tcp", "Debian " + dpkg("ucspi-tcp")),
        ("cc", sh(["cc", "--version"]).splitlines()[0]),
    ]


def binaries(qcsmtpd, floor, more=()):
    def ldd_total(path):
        total = os.path.getsize(path)
        for l in sh(["ldd", path]).splitlines():
            m = re.search(r"=> (/\S+)", l) or re.match(r"\s*(/\S+)", l)
            if m and os.path.exists(m.group(1)):
                total += os.path.getsize(os.path.realpath(m.group(1)))
        return total
    rows = []
    for label, path, extra in (("qcsmtpd", qcsmtpd, ""), ("floor", floor, "")) + tuple(more) + (
            ("qpsmtpd-tcpserver + perl", "/usr/bin/perl", "qpsmtpd"),
            ("Postfix smtpd", "/usr/lib/postfix/sbin/smtpd", "")):
        if not path or not os.path.exists(path):
            continue
        size = os.path.getsize(path)
        f = sh(["file", "-b", path]).split(", BuildID")[0]
        f = re.sub(r", for GNU/Linux [0-9.]+", "", f)
        text = sh(["size", "-B", path]).splitlines()
        tds = ""
        if len(text) > 1:
            v = text[1].split()
            tds = "text %s, data %s, bss %s" % (v[0], v[1], v[2])
        note = ""
        if extra == "qpsmtpd":
            lib = sum(os.path.getsize(os.path.join(dp, x)) for dp, _, fs in os.walk("/usr/share/perl5/Qpsmtpd") for x in fs)
            lib += os.path.getsize("/usr/share/perl5/Qpsmtpd.pm")
            note = "; plus Qpsmtpd/*.pm %d KB and the plugins, compiled at every start" % (lib // 1024)
        total = ldd_total(path)
        rows.append((label, size, total, tds, f + note))
    return rows


def targets(res, pairs, qmail, floor_k, qp_k):
    out = []
    m = lambda r, k: med((r or {}).get(k, []))
    for q in ("qq", "null"):
        for k, want, what in (("s1", 0.95, "sessions/s, 1 client"), ("s8", 0.95, "sessions/s, 8 clients"),
                              ("pipe", 0.9, "messages/s, pipelined")):
            pr = pairs.get(("%s/%s" % (qmail, q), k))
            if pr:
                x = med(pr)
                out.append(("%s ≥ %.2f × floor (%s queue)" % (what, want, QNAME[q]),
                            "%.2f (%.2f–%.2f)" % (x, min(pr), max(pr)), x >= want))
    r = res.get("%s/null" % qmail) or res.get("%s/qq" % qmail)
    if m(r, "rss"):
        out.append(("RSS ≤ 1.0 MB per plain connection (held session)", "%d kB" % m(r, "rss"), m(r, "rss") <= 1024))
    if m(r, "hwm_big") and m(r, "hwm_1"):
        d = m(r, "hwm_big") - m(r, "hwm_1")
        out.append(("memory independent of message size (peak at %d MB − peak at 1 MB ≤ 64 kB)" % r["big_mb"],
                    "%+d kB" % d, d <= 64))
    for k, what in (("s1", "1 client"), ("s8", "8 clients")):
        pr = pairs.get(("qc-sample/qq", k))
        if pr:
            x = med(pr)
            out.append(("sessions/s ≥ 0.85 × floor, qpsmtpd master's sample set (%s, issue 11)" % what,
                        "%.2f (%.2f–%.2f)" % (x, min(pr), max(pr)), x >= 0.85))
        a, b = m(res.get("qc-sample/qq"), k), m(res.get("qp-sample/qq"), k)
        if a and b:
            out.append(("sessions/s of the sample set ÷ qpsmtpd 0.94 with the same set (%s; reported, no target)" % what,
                        "%.0f×" % (a / b), True))
    r, p, f = res.get("%s/qq" % qmail), res.get("%s/qq" % qp_k), res.get("%s/qq" % floor_k)
    for k, what in (("s1", "1 client"), ("s8", "8 clients")):
        if m(r, k) and m(p, k):
            x = m(r, k) / m(p, k)
            ctx = " (the floor: %.0f×)" % (m(f, k) / m(p, k)) if m(f, k) else ""
            out.append(("sessions/s ≥ 50 × qpsmtpd per connection (%s, stand-in queue)" % what,
                        "%.0f×%s" % (x, ctx), x >= 50))
    return out


QNAME = {"qq": "stand-in (fsync)", "null": "null"}


def musl_sizes(work):
    """{key: [stripped size, text]} of the binaries the musl section compares"""
    out = {}
    for key, path in (("qc-qmail", work.qcsmtpd), ("qc-musl", work.qcsmtpd_musl), ("floor", work.floor),
                      ("floor-musl", work.floor_musl)):
        if not path or not os.path.exists(path):
            continue
        stripped = os.path.join(work.dir, "stripped")
        if subprocess.run(["strip", "-o", stripped, path]).returncode:
            continue
        text = sh(["size", "-B", path]).splitlines()
        out[key] = [os.path.getsize(stripped), int(text[1].split()[0]) if len(text) > 1 else None]
        os.unlink(stripped)
    return out


MUSL_ROWS = (("qc-qmail", "glibc"), ("qc-musl", "musl"), ("floor", "glibc"), ("floor-musl", "musl"))
MUSL_RATIOS = (("qc-musl", "qc-qmail", "musl / glibc (qcsmtpd)"), ("qc-musl", "floor-musl", "musl / floor-musl"),
               ("floor-musl", "floor", "floor-musl / floor"))


def musl_section(w, res, pairs, meta):
    """issue 14: the musl build beside the glibc one and both floors"""
    sizes = meta.get("musl_sizes") or {}
    skipped = meta.get("musl_skipped") or []
    queues = [q for q in QNAME if any(res.get("%s/%s" % (k, q)) for k in MUSL_KEYS)]
    if not queues and not skipped:
        return
    w("## Embedded build (musl)")
    w("")
    for l in skipped:
        w("- " + l)
    if skipped:
        w("")
    if not queues:
        return
    w("The same source linked statically with musl (`./configure --libc=musl` in build-musl/, doc/embedded) and the")
    w("floor linked with `musl-gcc -O2 -static`, beside ./qcsmtpd (glibc, static) and the glibc floor, all four with")
    w("the same load. Sizes: `strip`ped file and the text column of `size`. Faults are minor page faults: of the")
    w("held session's process up to its RCPT reply, and per session of the 1-client run (the tcpserver child and")
    w("the queue program it runs, as CPU ms). The PSS is of one held session, with no other session sharing its")
    w("pages (Method).")
    w("")
    cols = (("rss", 0), ("pss", 0), ("flt_hold", 0), ("flt", 0), ("cpu", 2), ("s1", 1), ("s8", 1))
    w("| server | libc | queue | stripped (bytes) | text (bytes) | RSS, held (kB) | PSS, held (kB) | faults, held session |"
      " faults / session | CPU ms/session | sessions/s, 1 client | sessions/s, 8 clients |")
    w("|---|---|---|---|---|---|---|---|---|---|---|---|")
    for q in queues:
        for k, libc in MUSL_ROWS:
            r = res.get("%s/%s" % (k, q))
            if not r:
                continue
            sz = sizes.get(k) or [None, None]
            w("| %s | %s | %s | %s | %s | %s |" % (k, libc, QNAME[q], sz[0] or "–", sz[1] or "–",
                                                  " | ".join(cell(r, c, nd) for c, nd in cols)))
    w("")
    w("Ratios: sessions/s as the median (min–max) of the slice-by-slice ratios, the rest as ratios of the medians.")
    w("")
    w("| ratio | queue | stripped | text | RSS | PSS | faults, held | faults / session | CPU ms/session | sessions/s, 1 client | sessions/s, 8 clients |")
    w("|---|---|---|---|---|---|---|---|---|---|---|")
    for q in queues:
        for a, b, what in MUSL_RATIOS:
            ra, rb = res.get("%s/%s" % (a, q)), res.get("%s/%s" % (b, q))
            if not ra or not rb:
                continue
            sa, sb = sizes.get(a) or [None, None], sizes.get(b) or [None, None]
            sz = ["%.2f" % (x / y) if x and y else "–" for x, y in zip(sa, sb)]
            pr = lambda t: pairs.get(("%s/%s" % (a, q), "%s:%s" % (t, b)))
            w("| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |" % (
                what, QNAME[q], sz[0], sz[1], ratio(ra, rb, "rss"), ratio(ra, rb, "pss"), ratio(ra, rb, "flt_hold"),
                ratio(ra, rb, "flt"), ratio(ra, rb, "cpu"), ratio(ra, rb, "s1", pr("s1")), ratio(ra, rb, "s8", pr("s8"))))
    w("")


def document(res, pairs, order, labels, args, meta):
    L = []
    w = L.append
    w("# qcsmtpd performance")
    w("")
    w("Written by `make bench` (tests/bench/bench.py) on %s; %d round%s, %.0f s. Every figure is the median"
      % (meta["date"], args.rounds, "s" if args.rounds > 1 else "", meta["secs"]))
    w("of the rounds, with the range (min–max) in parentheses. \"× floor\" compares with the floor measured in the")
    w("same run with the same queue program: for sessions/s and messages/s it is the median (min–max) of the ratios")
    w("of slices run back to back (see Method), elsewhere the ratio of the medians. Higher is better except for")
    w("latency, CPU and memory.")
    w("")
    w("## Machine")
    w("")
    w("| | |")
    w("|---|---|")
    for k, v in meta["machine"] + meta["versions"]:
        w("| %s | %s |" % (k, v.replace("|", "\\|")))
    ld = meta["loads"] or [0]
    w("| load average | %s at the start, %s at the end; 1-minute load %.1f–%.1f (median %.1f) when the instances started: other work on the machine widens the ranges |"
      % (meta["load0"], meta["load1"], min(ld), max(ld), statistics.median(ld)))
    w("")
    w("## Reproduce")
    w("")
    w("    apt-get update && apt-get install -y build-essential skalibs-dev libbearssl-dev libc-ares-dev liblmdb-dev libcdb-dev tinycdb")
    w("    ./configure && make bench        # as root: installs ucspi-tcp, qpsmtpd, postfix if missing")
    w("    apt-get install -y spamd spamassassin clamav-daemon libclamav-client-perl rspamd   # content filter rows")
    w("")
    w("This run: `tests/bench/bench.py %s` (with `make bench`'s defaults). Knobs: `make bench BENCH_ARGS='...'`"
      % " ".join(meta["argv"]))
    w("with the options of `tests/bench/bench.py --help`: `--rounds`, `--slices`, `--seq`/`--conc` (sessions a round),")
    w("`--qp-seq`/`--qp-conc` (the same for qpsmtpd), `--pipeline-msgs`, `--pipeline-reps`, `--big-mb`, `--qp-big-mb`,")
    w("`--servers` (a subset of %s), `--queues qq,null`, `--alt BINARY` (another qcsmtpd beside ./qcsmtpd, for"
      % ", ".join(order))
    w("before/after), `--json FILE` (raw samples), `--render FILE` (rewrite this page from them); and")
    w("`BENCH_PLUGINS_LARGE` (make variable or environment: the larger plugin set, comma-separated).")
    w("")
    w("## Servers")
    w("")
    w("| key | server | queue programs |")
    w("|---|---|---|")
    for k in order:
        w("| %s | %s | %s |" % (k, labels[k]["label"], ", ".join(QNAME[q] for q in labels[k]["queues"])))
    w("")
    w("Queue programs: **stand-in (fsync)** is tests/qmail-queue, the project's qmail-queue double, which")
    w("writes each message and envelope to a file and fsyncs them as qmail-queue does; **null** (tests/bench/")
    w("nullqueue.c) reads fd 0 and fd 1 to their ends and exits 0: the same process work without the disk.")
    w("Postfix has no queue program: it writes (and fsyncs) its own queue file and delivers to `discard`; its")
    w("rows are listed with the stand-in.")
    w("")
    rows = [(k, q) for k in order for q in labels[k]["queues"]]

    def fl(q):
        return res.get("floor/%s" % q) if "floor/%s" % q in res else res.get("floor/qq")

    def flbig():
        return next((res[k] for k in ("floor/null", "floor/qq") if res.get(k, {}).get("hwm_big")), None)

    w("## Throughput")
    w("")
    w("| server | queue | sessions/s, 1 client | × floor | sessions/s, 8 clients | × floor | messages/s, 100 pipelined | × floor | CPU ms/message | × floor |")
    w("|---|---|---|---|---|---|---|---|---|---|")
    for k, q in rows:
        r = res.get("%s/%s" % (k, q))
        if not r:
            continue
        f = fl(q)
        pr = lambda t: pairs.get(("%s/%s" % (k, q), t))
        w("| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |" % (
            k, QNAME[q], cell(r, "s1"), ratio(r, f, "s1", pr("s1")), cell(r, "s8"), ratio(r, f, "s8", pr("s8")),
            cell(r, "pipe"), ratio(r, f, "pipe", pr("pipe")), cell(r, "cpu", 2), ratio(r, f, "cpu")))
    w("")
    w("## Session latency (ms)")
    w("")
    w("| server | queue | p50, 1 client | p99, 1 client | p50, 8 clients | p99, 8 clients | p50 × floor (1 client) |")
    w("|---|---|---|---|---|---|---|")
    for k, q in rows:
        r = res.get("%s/%s" % (k, q))
        if not r:
            continue
        w("| %s | %s | %s | %s | %s | %s | %s |" % (k, QNAME[q], cell(r, "p50_1", 2), cell(r, "p99_1", 2),
                                                   cell(r, "p50_8", 2), cell(r, "p99_8", 2), ratio(r, fl(q), "p50_1")))
    w("")
    w("## Memory and DATA throughput")
    w("")
    w("| server | queue | RSS, held session (kB) | PSS, held session (kB) | peak RSS, 1 MB message (kB) | peak RSS, big message (kB) | big message | DATA MB/s | × floor |")
    w("|---|---|---|---|---|---|---|---|---|")
    for k, q in rows:
        r = res.get("%s/%s" % (k, q))
        if not r or not r.get("rss"):
            continue
        big = r.get("hwm_big")
        w("| %s | %s | %s | %s | %s | %s | %s | %s | %s |" % (
            k, QNAME[q], cell(r, "rss", 0), cell(r, "pss", 0), cell(r, "hwm_1", 0) if big else "–",
            cell(r, "hwm_big", 0) if big else "–", "%d MB" % r["big_mb"] if big else "–",
            cell(r, "mbps") if big else "–", ratio(r, flbig(), "mbps") if big else "–"))
    w("")
    w("## Binaries")
    w("")
    w("| program | size (bytes) | with its shared libraries | sections | `file` |")
    w("|---|---|---|---|---|")
    for label, size, total, tds, f in meta["binaries"]:
        w("| %s | %d | %d | %s | %s |" % (label, size, total, tds, f))
    w("")
    w("## Targets (issues 3 and 11)")
    w("")
    w("| target | measured | |")
    w("|---|---|---|")
    for what, got, ok in targets(res, pairs, "qc-qmail", "floor", "qp-tcp"):
        w("| %s | %s | %s |" % (what, got, "met" if ok else "**not met**"))
    w("")
    musl_section(w, res, pairs, meta)
    dns_section(w, res)
    content_section(w, res, meta)
    if meta["errors"]:
        w("## Failed runs")
        w("")
        for e in meta["errors"]:
            w("- " + e.replace("\n", " "))
        w("")
    w(open(os.path.join(BENCH, "method.md")).read().rstrip())
    w("")
    w(open(os.path.join(BENCH, "notes.md")).read().rstrip())
    w("")
    return "\n".join(L)


def dns_section(w, res):
    """issue 10's row: the DNS plugins against the same session without them,
    for qcsmtpd and qpsmtpd, and the static cost of the resolver (dns.md)"""
    m = lambda k, t: med(res.get(k, {}).get(t, []))
    keys = [k for k in ("qc-qmail/qq", "qc-dns/qq", "qp-tcp/qq", "qp-dns/qq") if res.get(k)]
    if "qc-dns/qq" not in keys:
        return
    w("## DNS plugins (issue 10)")
    w("")
    w("The same sessions (EHLO, MAIL, RCPT, 1 KB DATA, QUIT; stand-in queue) with and without %s" % ", ".join(DNS_PLUGINS))
    w("(dnsbl with %d zones), every query answered by one dnsmasq on a loopback port (see below)." % len(DNS_ZONES))
    w("")
    w("| server | sessions/s, 1 client | sessions/s, 8 clients | CPU ms/session | p50 ms, 1 client | RSS, held session (kB) |")
    w("|---|---|---|---|---|---|")
    for k in keys:
        r = res[k]
        w("| %s | %s | %s | %s | %s | %s |" % (k.split("/")[0], cell(r, "s1"), cell(r, "s8"), cell(r, "cpu", 2),
                                             cell(r, "p50_1", 2), cell(r, "rss", 0)))
    w("")
    w("| ratio | 1 client | 8 clients | CPU |")
    w("|---|---|---|---|")
    for a, b, what in (("qc-dns", "qc-qmail", "qcsmtpd with the DNS plugins ÷ without"),
                       ("qp-dns", "qp-tcp", "qpsmtpd with the DNS plugins ÷ without"),
                       ("qc-dns", "qp-dns", "qcsmtpd ÷ qpsmtpd, both with the DNS plugins")):
        x = ["%.2f" % (m(a + "/qq", t) / m(b + "/qq", t)) if m(a + "/qq", t) and m(b + "/qq", t) else "–"
             for t in ("s1", "s8", "cpu")]
        w("| %s | %s | %s | %s |" % (what, x[0], x[1], x[2]))
    w("")
    w(open(os.path.join(BENCH, "dns.md")).read().rstrip())
    w("")


def content_section(w, res, meta):
    """issue 13's rows: each content filter against its real scanner, and
    the scanner timed alone, so that the table shows the SMTP server's
    share on top of the scanner's"""
    m = lambda k, t: med(res.get(k, {}).get(t, []))
    keys = [k for k in CONTENT_PEER if res.get(k + "/qq")]
    skipped = meta.get("skipped") or []
    if not keys and not skipped:
        return
    w("## Content filters (issue 13)")
    w("")
    w("The bench's sessions (EHLO, MAIL, RCPT, 1 KB DATA, QUIT; stand-in queue) with a content filter before the")
    w("queue plugin, against a real scanner the bench starts once on loopback and both servers share (Method:")
    w("*Content filters*, also for what each scanner is sent). Every message queued by these rows carries the")
    w("scanner's field (checked: a message the scanner did not see fails the run). rspamd has no qpsmtpd row:")
    w("qpsmtpd 0.94's milter plugin is a milter protocol 2 client on Net::Milter, which Debian 12 does not package.")
    w("The rows without a scanner, when run, are the same sessions without a filter.")
    w("")
    if keys:
        base = [k for k in ("qc-qmail", "qp-tcp") if res.get(k + "/qq")]
        w("| server | scanner | sessions/s, 1 client | sessions/s, 8 clients | messages/s, 100 pipelined | p50 ms, 1 client | server CPU ms/message | ms/session, 1 client | the scanner alone, ms | the rest, ms |")
        w("|---|---|---|---|---|---|---|---|---|---|")
        for k in base + keys:
            r = res[k + "/qq"]
            peer = CONTENT_PEER.get(k)
            sess = 1000.0 / m(k + "/qq", "s1") if m(k + "/qq", "s1") else None
            alone = m("scanner:" + peer, "ms1") if peer else None
            w("| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |" % (
                k, peer or "none", cell(r, "s1"), cell(r, "s8"), cell(r, "pipe"), cell(r, "p50_1", 2),
                cell(r, "cpu", 2), fmt(sess), fmt(alone) if peer else "–",
                fmt(sess - alone) if sess and alone else "–"))
        w("")
    peers = [p for p in ("spamd", "clamd", "rspamd") if res.get("scanner:" + p)]
    if peers:
        w("The scanners alone (tests/bench/scanners.py: a direct client sends the bench's message as the plugins")
        w("do, spamd `HEADERS`, clamd `zINSTREAM` on the unix socket, rspamd's normal worker `/checkv2`):")
        w("")
        w("| scanner | ms/message, 1 client | messages/s, 8 clients |")
        w("|---|---|---|")
        for p in peers:
            r = res["scanner:" + p]
            w("| %s | %s | %s |" % (p, cell(r, "ms1", 2), cell(r, "s8")))
        w("")
        said = []
        for k in keys:
            s1, alone = m(k + "/qq", "s1"), m("scanner:" + CONTENT_PEER[k], "ms1")
            if s1 and alone:
                said.append("%s %.0f %% (%.1f of %.1f ms)" % (k, 100.0 * alone / (1000.0 / s1), alone, 1000.0 / s1))
        if said:
            w("What dominates: the scanner's own time per message, measured alone, is this share of a 1-client")
            w("session: %s. The rest is the SMTP session itself (for qpsmtpd mostly perl's start and" % "; ".join(said))
            w("compilation of its library and plugins at every connection) and the plugin's exchange with the scanner.")
            w("")
    for l in skipped:
        w("- " + l)
    if skipped:
        w("")


def quick(args):
    if args.quick:
        args.rounds, args.seq, args.conc, args.qp_seq, args.qp_conc = 1, 50, 80, 4, 16
        args.pipeline_reps, args.big_mb, args.qp_big_mb, args.slices = 1, 10, 2, 2


def write_out(out, doc):
    if out == "-":
        print(doc)
        return
    with open(out + ".tmp", "w") as f:
        f.write(doc)
    os.rename(out + ".tmp", out)
    log("wrote %s" % os.path.relpath(out, ROOT))


def render(ap, cur):
    """the page again from the samples of an earlier run (--json), e.g. after
    the text of method.md or notes.md changed"""
    data = json.load(open(cur.render))
    meta, res = data["meta"], data["results"]
    pairs = {tuple(k.split(" ", 1)): v for k, v in data["pairs"].items()}
    args = ap.parse_args(meta["argv"])
    quick(args)
    args.available = plugins_available()
    args.plugins_large = meta.get("plugins_large") or larger_set(args.available)
    args.alt = args.alt and os.path.abspath(args.alt)
    if "binaries" not in meta:
        d = tempfile.mkdtemp(prefix="qcsmtpd-bench.")
        floor = os.path.join(d, "floor")
        subprocess.run(["cc", "-O2", "-Wall", "-Wextra", "-static", "-o", floor, os.path.join(BENCH, "floor.c")], check=True)
        meta["binaries"] = binaries(os.path.join(ROOT, "qcsmtpd"), floor)
        shutil.rmtree(d)
    sp = specs(None, args)
    keys = {k.split("/")[0] for k in res}
    sp = [s for s in sp if s["key"] in keys]
    write_out(cur.out, document(res, pairs, [s["key"] for s in sp], {s["key"]: s for s in sp}, args, meta))


def main():
    ap = argparse.ArgumentParser(description="make bench: qcsmtpd against the floor, qpsmtpd and Postfix")
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--seq", type=int, default=250, help="sessions per 1-client run")
    ap.add_argument("--conc", type=int, default=500, help="sessions per 8-client run")
    ap.add_argument("--qp-seq", type=int, default=20, help="sessions per 1-client run, qpsmtpd")
    ap.add_argument("--qp-conc", type=int, default=40, help="sessions per 8-client run, qpsmtpd (at least 8 a slice)")
    ap.add_argument("--slices", type=int, default=5, help="slices of each sessions run, alternating between servers")
    ap.add_argument("--qp-pipeline-reps", type=int, default=1, help="pipelined sessions per round, qpsmtpd")
    ap.add_argument("--pipeline-msgs", type=int, default=100)
    ap.add_argument("--pipeline-reps", type=int, default=3, help="pipelined sessions per round")
    ap.add_argument("--big-mb", type=int, default=100, help="big message, MB (0: none)")
    ap.add_argument("--qp-big-mb", type=int, default=10, help="big message for qpsmtpd, MB")
    ap.add_argument("--servers", default="", help="comma-separated subset of qc-qmail,qc-large,floor,qc-musl,floor-musl,qp-tcp,qc-sample,qp-sample,qc-dns,qp-dns,qc-store,qc-redis,"
                    "qc-spamd,qp-spamd,qc-clamd,qp-clamd,qc-rspamd,qp-fork,postfix")
    ap.add_argument("--queues", default="", help="comma-separated subset of qq,null")
    ap.add_argument("--out", default=os.path.join(ROOT, "doc", "performance.md"), help="'-' for stdout")
    ap.add_argument("--json", default="", help="also write the raw samples there")
    ap.add_argument("--alt", default="", help="another qcsmtpd binary to run beside ./qcsmtpd (qmail-smtpd set): before/after")
    ap.add_argument("--render", default="", help="write the page from a --json file of an earlier run, run nothing")
    ap.add_argument("--quick", action="store_true", help="1 round, few sessions: to try the runner")
    args = ap.parse_args()
    if args.render:
        return render(ap, args)
    if args.alt:
        args.alt = os.path.abspath(args.alt)
    quick(args)
    avail = args.available = plugins_available()
    missing = [p for p in QMAIL_SET if p not in avail]
    if missing:
        sys.exit("bench: ./qcsmtpd lacks %s (./configure --plugins)" % ", ".join(missing))
    env_large = os.environ.get("BENCH_PLUGINS_LARGE", "").strip()
    if env_large and env_large != "auto":
        args.plugins_large = [p for p in re.split(r"[,\s]+", env_large) if p]
        bad = [p for p in args.plugins_large if p not in avail]
        if bad:
            sys.exit("bench: BENCH_PLUGINS_LARGE: not in ./qcsmtpd: %s" % ", ".join(bad))
    else:
        args.plugins_large = larger_set(avail)

    def bye(sig, frame):
        raise KeyboardInterrupt
    signal.signal(signal.SIGTERM, bye)
    work = Work(args)
    t0 = time.time()
    load0 = open("/proc/loadavg").read().split()[:3]
    res, errors, loads, pairs = {}, [], [], {}
    try:
        args.content_skip, skipped, musl_skipped = set(), [], []
        sp = specs(work, args)
        if any(s.get("scan") for s in sp):
            args.content_skip, skipped = work.start_content(args, [s["key"] for s in sp])
            for l in skipped:
                log(l)
            for e in work.peer_failed.values():
                errors.append(e)
                log("ERROR " + e)
            sp = specs(work, args)
        if any(s.get("dns") for s in sp):
            work.start_dns()
        if any(s.get("store") for s in sp):
            work.start_store(args, [s["key"] for s in sp])
        args.musl_skip, musl_skipped = work.build_musl([s["key"] for s in sp])
        for l in musl_skipped:
            log(l)
        sp = specs(work, args)
        inst = [(s, q) for s in sp for q in s["queues"]]
        log("work directory %s; %d instances, %d rounds of %d slices; larger set: %s" %
            (work.dir, len(inst), args.rounds, args.slices, ",".join(args.plugins_large)))
        for rnd in range(1, args.rounds + 1):
            loads.append(float(open("/proc/loadavg").read().split()[0]))
            run_round(work, inst, args, res, pairs, rnd, errors)
            scanners_alone(work, args, res, rnd, errors)
    except BaseException:
        log("failed; the work directory %s is kept (server logs: *.log)" % work.dir)
        raise
    finally:
        for s in running:
            try:
                s.stop()
            except Exception as e:      # keep stopping the others
                log("stopping %s: %s" % (s.key, e))
    meta = dict(date=time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()), secs=time.time() - t0,
                binaries=binaries(work.qcsmtpd, work.floor, (("qcsmtpd, musl (build-musl/)", work.qcsmtpd_musl, ""),
                                                              ("floor, musl", work.floor_musl, ""))),
                plugins_large=args.plugins_large,
                machine=machine(), versions=versions(), load0=" ".join(load0),
                load1=" ".join(open("/proc/loadavg").read().split()[:3]), argv=sys.argv[1:],
                loads=loads, errors=errors, skipped=skipped,
                musl_skipped=musl_skipped, musl_sizes=musl_sizes(work))
    labels = {s["key"]: s for s in sp}
    doc = document(res, pairs, [s["key"] for s in sp], labels, args, meta)
    if args.json:
        with open(args.json, "w") as f:
            json.dump(dict(results=res, pairs={"%s %s" % k: v for k, v in pairs.items()}, meta=meta), f, indent=1)
    write_out(args.out, doc)
    for what, got, ok in targets(res, pairs, "qc-qmail", "floor", "qp-tcp"):
        log("target %-70s %-8s %s" % (what, got, "met" if ok else "NOT MET"))
    if errors:
        log("%d runs failed (listed in the document); the work directory %s is kept" % (len(errors), work.dir))
        sys.exit(1)
    shutil.rmtree(work.dir, ignore_errors=True)


if __name__ == "__main__":
    try:
        main()
    except KeyboardInterrupt:
        sys.exit("bench: interrupted")

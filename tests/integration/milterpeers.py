# milterpeers.py: the real milters of the milter plugin's integration tests
# (imported, not run), each on 127.0.0.1 at a free port with its files in a
# directory of its own, stopped by PID: rspamd 3.4's proxy worker in milter
# mode (offline: no DNS server but a closed local port, no Redis), clamav-milter
# in front of a clamd with a home-made EICAR database (no freshclam), and
# opendkim in signing mode with a key made here. A missing program is a
# failure that names the Debian package to install.
import os
import re
import signal
import socket
import subprocess
import tempfile
import time
from itlib import TestFailure, check, eicar_db, free_port, tmpbase

# SpamAssassin 4.0's GTUBE; rspamd 3.4 knows the older string, which is this
# one with the pattern of the long-standing test message
GTUBE = "XJS*C4JDBQADN1.NSBN3*2IDNEN*GTUBE-STANDARD-ANTI-UBE-TEST-EMAIL*C.34X"


def need(path, package):
    check(os.access(path, os.X_OK), "%s is missing: apt-get install %s" % (path, package))


def wait_port(port, proc, what, logf, timeout):
    end = time.time() + timeout
    while time.time() < end:
        if proc.poll() is not None:
            raise TestFailure("%s exited with %s: %s" % (what, proc.returncode, tail(logf)))
        try:
            socket.create_connection(("127.0.0.1", port), 0.5).close()
            return
        except OSError:
            time.sleep(0.1)
    raise TestFailure("%s does not listen on %d after %d s: %s" % (what, port, timeout, tail(logf)))


def tail(path, n=1500):
    try:
        with open(path, "rb") as f:
            return f.read()[-n:].decode("latin-1")
    except OSError:
        return ""


class Daemon:
    proc = None
    logf = None

    def stop(self):
        p = self.proc
        if p is not None and p.poll() is None:
            if getattr(self, "stopped", False):
                p.send_signal(signal.SIGCONT)
            p.terminate()
            try:
                p.wait(15)
            except subprocess.TimeoutExpired:
                p.kill()
                p.wait(10)

    def pause(self):
        """SIGSTOP: the daemon keeps its sockets but answers nothing (a hang)."""
        self.proc.send_signal(signal.SIGSTOP)
        self.stopped = True

    def resume(self):
        self.proc.send_signal(signal.SIGCONT)
        self.stopped = False

    def log(self):
        return tail(self.logf, 4000)


class Rspamd(Daemon):
    """rspamd -f with local.d of our own: the normal worker, the proxy worker
    as a milter (self_scan), the controller, no fuzzy worker; milter_headers
    adds X-Spamd-Result, X-Rspamd-Server and the spam headers even for ham."""

    def __init__(self):
        need("/usr/bin/rspamd", "rspamd")
        self.dir = tempfile.mkdtemp(prefix="rspamd.", dir=tmpbase())
        etc = os.path.join(self.dir, "etc")
        local = os.path.join(etc, "local.d")
        for d in (local, os.path.join(etc, "override.d"), os.path.join(self.dir, "db"),
                  os.path.join(self.dir, "run"), os.path.join(self.dir, "log")):
            os.makedirs(d)
        self.port = free_port()
        p1, p3, pdns = free_port(), free_port(), free_port()
        files = {
            "worker-normal.inc": 'bind_socket = "127.0.0.1:%d";\ncount = 1;\n' % p1,
            "worker-proxy.inc": 'bind_socket = "127.0.0.1:%d";\nmilter = yes;\ncount = 1;\ntimeout = 60s;\n'
                                'upstream "local" {\n  default = yes;\n  self_scan = yes;\n}\n' % self.port,
            "worker-controller.inc": 'bind_socket = "127.0.0.1:%d";\ncount = 1;\n' % p3,
            "worker-fuzzy.inc": "count = -1;\n",
            "logging.inc": 'type = "console";\nlevel = "notice";\n',
            # a DNS server nobody runs: every lookup fails fast, nothing leaves the machine
            "options.inc": 'dns {\n  nameserver = ["127.0.0.1:%d"];\n  timeout = 0.2s;\n  retransmits = 1;\n}\n'
                           'local_addrs = [];\n' % pdns,
            "milter_headers.conf": 'use = ["x-spamd-result", "x-rspamd-server", "x-spam-level", "x-spam-status"];\n'
                                   'skip_local = false;\nskip_authenticated = false;\n',
            "redis.conf": "",
        }
        for k, v in files.items():
            with open(os.path.join(local, k), "w") as f:
                f.write(v)
        self.logf = os.path.join(self.dir, "rspamd.out")
        out = open(self.logf, "ab")
        self.proc = subprocess.Popen(
            ["/usr/bin/rspamd", "-f", "-i", "-u", "root", "-g", "root", "-c", "/etc/rspamd/rspamd.conf",
             "--var=LOCAL_CONFDIR=" + etc, "--var=DBDIR=" + os.path.join(self.dir, "db"),
             "--var=RUNDIR=" + os.path.join(self.dir, "run"), "--var=LOGDIR=" + os.path.join(self.dir, "log")],
            stdin=subprocess.DEVNULL, stdout=out, stderr=out, start_new_session=True)
        out.close()
        try:
            wait_port(self.port, self.proc, "rspamd", self.logf, 90)
            # the proxy listens before the normal worker has its rules: wait
            # for the scanner too
            wait_port(p1, self.proc, "rspamd", self.logf, 60)
        except Exception:
            self.stop()
            raise

    def pause(self):
        # the master and its workers (the proxy among them): the whole group
        os.killpg(self.proc.pid, signal.SIGSTOP)
        self.stopped = True

    def resume(self):
        os.killpg(self.proc.pid, signal.SIGCONT)
        self.stopped = False

    def stop(self):
        if getattr(self, "stopped", False):
            self.resume()
        # rspamd -f forks workers: the master stops them on SIGTERM; what is
        # left of its process group afterwards is killed by group id
        p = self.proc
        Daemon.stop(self)
        if p is not None:
            try:
                os.killpg(p.pid, signal.SIGKILL)
            except OSError:
                pass


class Clamd(Daemon):
    def __init__(self):
        need("/usr/sbin/clamd", "clamav-daemon")
        self.dir = tempfile.mkdtemp(prefix="clamd.", dir=tmpbase())
        db = os.path.join(self.dir, "db")
        os.makedirs(db)
        eicar_db(db)
        self.port = free_port()
        conf = os.path.join(self.dir, "clamd.conf")
        self.logf = os.path.join(self.dir, "clamd.log")
        with open(conf, "w") as f:
            f.write("DatabaseDirectory %s\nTCPSocket %d\nTCPAddr 127.0.0.1\nForeground yes\nLogFile %s\n"
                    "PidFile %s/clamd.pid\n" % (db, self.port, self.logf, self.dir))
        self.proc = subprocess.Popen(["/usr/sbin/clamd", "-c", conf], stdin=subprocess.DEVNULL,
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            wait_port(self.port, self.proc, "clamd", self.logf, 30)
        except Exception:
            self.stop()
            raise


class ClamavMilter(Daemon):
    """clamav-milter on a free port in front of clamd: infected mail is
    refused, clean mail gets X-Virus-Scanned and X-Virus-Status headers."""

    def __init__(self, clamd):
        need("/usr/sbin/clamav-milter", "clamav-milter")
        self.dir = tempfile.mkdtemp(prefix="clamav-milter.", dir=tmpbase())
        self.port = free_port()
        conf = os.path.join(self.dir, "clamav-milter.conf")
        self.logf = os.path.join(self.dir, "clamav-milter.log")
        with open(conf, "w") as f:
            f.write("MilterSocket inet:%d@127.0.0.1\nClamdSocket tcp:127.0.0.1:%d\nForeground yes\n"
                    "PidFile %s/clamav-milter.pid\nLogFile %s\nLogInfected Basic\nLogClean Basic\n"
                    "OnInfected Reject\nOnFail Defer\nAddHeader Replace\nReportHostname milter.test\n"
                    "ReadTimeout 30\n" % (self.port, clamd.port, self.dir, self.logf))
        self.proc = subprocess.Popen(["/usr/sbin/clamav-milter", "-c", conf], stdin=subprocess.DEVNULL,
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            wait_port(self.port, self.proc, "clamav-milter", self.logf, 30)
        except Exception:
            self.stop()
            raise


class OpenDKIM(Daemon):
    """opendkim in signing mode for DOMAIN with selector SELECTOR (an RSA key
    made by opendkim-genkey here); txt() is the public key record a verifier
    would find at SELECTOR._domainkey.DOMAIN."""
    DOMAIN, SELECTOR = "sender.test", "qc1"

    def __init__(self):
        need("/usr/sbin/opendkim", "opendkim")
        need("/usr/sbin/opendkim-genkey", "opendkim-tools")
        self.dir = tempfile.mkdtemp(prefix="opendkim.", dir=tmpbase())
        os.chmod(self.dir, 0o700)
        r = subprocess.run(["/usr/sbin/opendkim-genkey", "-D", self.dir, "-d", self.DOMAIN, "-s", self.SELECTOR,
                            "-b", "2048"], capture_output=True)
        check(r.returncode == 0, "opendkim-genkey: %r" % r.stderr)
        self.port = free_port()
        conf = os.path.join(self.dir, "opendkim.conf")
        self.logf = os.path.join(self.dir, "opendkim.log")
        with open(conf, "w") as f:
            f.write("Socket inet:%d@127.0.0.1\nMode s\nDomain %s\nSelector %s\nKeyFile %s/%s.private\n"
                    "Canonicalization relaxed/simple\nSignatureAlgorithm rsa-sha256\nInternalHosts 127.0.0.1\n"
                    "PidFile %s/opendkim.pid\nSyslog no\nBackground no\nUMask 077\nLogWhy yes\nRequireSafeKeys no\n"
                    % (self.port, self.DOMAIN, self.SELECTOR, self.dir, self.SELECTOR, self.dir))
        out = open(self.logf, "ab")
        self.proc = subprocess.Popen(["/usr/sbin/opendkim", "-f", "-x", conf, "-v"], stdin=subprocess.DEVNULL,
                                     stdout=out, stderr=out)
        out.close()
        try:
            wait_port(self.port, self.proc, "opendkim", self.logf, 30)
        except Exception:
            self.stop()
            raise

    def txt(self):
        """the TXT record's text from opendkim-genkey's zone file line"""
        with open(os.path.join(self.dir, self.SELECTOR + ".txt")) as f:
            return "".join(re.findall(r'"([^"]*)"', f.read())).encode()

    def verify(self, msg):
        """dkimpy's verdict on a message (CRLF lines), the key served from
        here. In a child python3 -I: dkimpy imports dnspython as `dns`,
        which this directory's dns.py (a test) would shadow."""
        d = tempfile.mkdtemp(prefix="dkimverify.", dir=self.dir)
        with open(os.path.join(d, "msg"), "wb") as f:
            f.write(msg)
        with open(os.path.join(d, "txt"), "wb") as f:
            f.write(self.txt())
        name = "%s._domainkey.%s." % (self.SELECTOR, self.DOMAIN)
        r = subprocess.run(["/usr/bin/python3", "-I", "-c", VERIFY, d, name], capture_output=True, text=True,
                           timeout=60)
        check(r.returncode in (0, 1) and r.stdout.strip() in ("pass", "fail"),
              "dkim verification: %d %s %s (apt-get install python3-dkim)" % (r.returncode, r.stdout, r.stderr))
        return r.stdout.strip() == "pass"


VERIFY = r"""
import os, sys
import dkim
d, want = sys.argv[1], sys.argv[2].encode()
txt = open(os.path.join(d, "txt"), "rb").read()
def dnsfunc(name, timeout=5):
    n = name if isinstance(name, bytes) else name.encode()
    return txt if n.rstrip(b".") + b"." == want else None
ok = dkim.verify(open(os.path.join(d, "msg"), "rb").read(), dnsfunc=dnsfunc)
print("pass" if ok else "fail")
sys.exit(0 if ok else 1)
"""

#!/usr/bin/python3
# Debian's qpsmtpd 0.94 configuration, unchanged, under real tcpserver
# (issue 11): the package's plugins file (check_* wrapper names, the
# $include of the debconf queue choice), its logging file (logging/file at
# LOGINFO, only the log path moved into the test's directory), relayclients
# with 127.0.0.1 and rcpthosts through $include, as the package installs
# them; DNS lists from rbldnsd. Every plugin of the file is driven by a real
# client: each refusal, the relay client, a message queued, the log file.
import os
import re
import shutil
import socket
import sys
sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from itlib import Server, Client, check, finish, note, run_test
import dnslib
from dnslib import Rbldnsd

# /etc/qpsmtpd/plugins of Debian's qpsmtpd 0.94-5, its enabled lines in order
DEBIAN_PLUGINS = ["check_earlytalker action log", "check_relay", "rhsbl", "dnsbl", "check_spamhelo",
                  "check_badmailfrom", "check_badrcptto", "check_loop", "rcpt_ok",
                  "$include /etc/qpsmtpd/debian-queue-method"]
# /etc/qpsmtpd/logging
DEBIAN_LOGGING = "logging/file loglevel LOGINFO /var/log/qpsmtpd/qpsmtpd.log"


def connect(srv, ip):
    c = Client.__new__(Client)
    c.sock = socket.create_connection(("127.0.0.1", srv.port), timeout=30, source_address=(ip, 0))
    c.buf = b""
    c.expect(220)
    return c


def message(c, hops=0):
    c.cmd("DATA", 354)
    body = "".join("Received: from hop%d.example by hop%d.example; Sat, 5 Dec 2026 10:00:00 +0000\r\n" % (i, i + 1)
                   for i in range(hops))
    body += "From: <a@good.example>\r\nSubject: debian\r\n\r\nhello\r\n.\r\n"
    c.send(body.encode())
    return c.reply()[1]


def t_debian(rbl):
    srv = Server("debian", control={"relayclients": "127.0.0.1", "dnsbl_zones": "bl.test", "rhsbl_zones": "dbl.test",
                                    "badhelo": "bad.helo.example", "badmailfrom": "bad@example.org",
                                    "badrcptto": "burnt@example.test", "dns_servers": "127.0.0.1:%d" % rbl.port,
                                    "loglevel": "6"},
                 plugins=None)
    ctl = srv.control
    logdir = os.path.join(srv.dir, "log")
    os.mkdir(logdir)
    # the package's files, with /etc/qpsmtpd and /var/log/qpsmtpd moved into the test's directory
    with open(os.path.join(ctl, "plugins"), "w") as f:
        f.write("".join(l.replace("/etc/qpsmtpd", ctl) + "\n" for l in DEBIAN_PLUGINS))
    with open(os.path.join(ctl, "debian-queue-method"), "w") as f:
        f.write("# the debconf choice: qmail-queue\nqueue/qmail-queue\n")
    with open(os.path.join(ctl, "logging"), "w") as f:
        f.write(DEBIAN_LOGGING.replace("/var/log/qpsmtpd", logdir) + "\n")
    with open(os.path.join(ctl, "rcpthosts"), "w") as f:
        f.write("$include %s/debian-rcpthosts\n" % ctl)
    with open(os.path.join(ctl, "debian-rcpthosts"), "w") as f:
        f.write("example.test\n")
    srv.start()
    try:
        # a clean client (not a relay client, not listed): accepted and queued
        c = connect(srv, "127.0.0.3")
        c.cmd("HELO good.example", 250)
        c.cmd("MAIL FROM:<a@good.example>", 250)
        c.cmd("RCPT TO:<u@example.test>", 250)
        c.cmd("RCPT TO:<u@elsewhere.example>", 550)          # rcpt_ok: no relaying
        check(message(c)[0].startswith("250 "), "the clean message was not queued")
        # check_badmailfrom, rhsbl, check_badrcptto, check_loop
        lines = c.cmd("MAIL FROM:<bad@example.org>", 550)
        check("badmailfrom" in lines[0], lines)
        lines = c.cmd("MAIL FROM:<x@spam.example>", 550)
        check("spam.example" in lines[0], "rhsbl: %r" % lines)
        c.cmd("MAIL FROM:<a@good.example>", 250)
        c.cmd("RCPT TO:<burnt@example.test>", 550)
        c.cmd("RCPT TO:<u@example.test>", 250)
        lines = message(c, hops=100)
        check(re.match(r"5\d\d .*[Tt]oo many hops", lines[0]), "check_loop: %r" % lines)
        c.cmd("QUIT", 221)
        c.close()
        # dnsbl: 127.0.0.2 is listed in bl.test; postmaster still accepted
        c = connect(srv, "127.0.0.2")
        c.cmd("HELO good.example", 250)
        c.cmd("MAIL FROM:<a@good.example>", 250)
        lines = c.cmd("RCPT TO:<u@example.test>", 550)
        check("Listed by bl.test" in lines[0], lines)
        c.cmd("RCPT TO:<postmaster@example.test>", 250)
        c.cmd("QUIT", 221)
        c.close()
        # check_spamhelo: refused and disconnected
        c = connect(srv, "127.0.0.3")
        lines = c.cmd("HELO bad.helo.example", 550)
        check("bad.helo.example" in lines[0], lines)
        c.eof()
        c.close()
        # check_relay: 127.0.0.1 is in relayclients, so it relays and skips dnsbl
        c = connect(srv, "127.0.0.1")
        c.cmd("HELO good.example", 250)
        c.cmd("MAIL FROM:<a@good.example>", 250)
        c.cmd("RCPT TO:<u@elsewhere.example>", 250)
        check(message(c)[0].startswith("250 "), "the relay client's message was not queued")
        c.cmd("QUIT", 221)
        c.close()
        # check_earlytalker action log: talking before the greeting is logged, not refused
        c = Client.__new__(Client)
        c.sock = socket.create_connection(("127.0.0.1", srv.port), timeout=30, source_address=("127.0.0.3", 0))
        c.buf = b""
        c.send(b"HELO early.example\r\n")
        c.expect(220)
        c.expect(250)
        c.cmd("QUIT", 221)
        c.close()
        srv.wait_sessions(count=5)
        check(len(srv.queued()) == 2, "%d messages queued, 2 expected" % len(srv.queued()))
        logs = os.listdir(logdir)
        check(logs == ["qpsmtpd.log"], "log directory: %r" % logs)
        text = open(os.path.join(logdir, "qpsmtpd.log"), errors="replace").read()
        for what in (r"earlytalker", r"bad\.helo\.example", r"Listed by bl\.test", r"[Tt]oo many hops"):
            check(re.search(what, text), "no %r in the logging/file log:\n%s" % (what, text[-2000:]))
        check(not re.search(r" debug ", text), "LOGINFO: debug lines in the log")
        note("Debian's plugins and logging files: every plugin answered; %d log lines" % text.count("\n"))
    finally:
        srv.stop()


def main():
    why = dnslib.missing("rbldnsd")
    if why or not shutil.which("tcpserver"):
        print("ok - integration/debian # SKIP %s" % (why or "tcpserver is not installed (Debian: ucspi-tcp)"))
        sys.exit(0)
    try:
        rbl = Rbldnsd({"bl.test": ("ip4set", ":127.0.0.2:Listed by bl.test\n127.0.0.2\n"),
                       "dbl.test": ("dnset", ":127.0.0.2:is a spam domain\nspam.example\n")})
        run_test("debian: qpsmtpd 0.94's plugins and logging files as Debian installs them, every plugin driven", lambda: t_debian(rbl))
    finally:
        dnslib.stop_all()
    finish()


main()

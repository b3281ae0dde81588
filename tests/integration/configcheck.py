#!/usr/bin/python3
# qcsmtpd -t (issue 9): the configuration read as a connection would read it,
# every problem reported at once (not only the first), the verdict on
# stdout, exit 0 usable / 100 not. Run against the check binary (every
# plugin of the tree, whatever ./configure --plugins chose for ./qcsmtpd).
import os
import re
import subprocess
import sys
import tempfile
sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from itlib import check, run_test, finish, tmpbase, BIN

QCSMTPD = BIN   # every plugin of the tree, as ./qcsmtpd has by default


def run(files):
    d = tempfile.mkdtemp(dir=tmpbase())
    ctl = os.path.join(d, "control")
    os.makedirs(ctl)
    for k, v in files.items():
        open(os.path.join(ctl, k), "w").write(v)
    env = {"PATH": "/usr/bin:/bin", "QCSMTPD_CONTROL": ctl, "QMAIL": os.path.join(d, "qmail")}
    r = subprocess.run([QCSMTPD, "-t"], env=env, cwd=d, capture_output=True, timeout=30, stdin=subprocess.DEVNULL)
    return r.returncode, r.stdout.decode("latin-1"), r.stderr.decode("latin-1")


def t_usable():
    rc, out, err = run({"me": "mx.example.test\n", "rcpthosts": "example.test\n",
                        "plugins": "relay\nearlytalker wait 1\nbadmailfrom reject naughty\nnaughty reject data\nrcpt_ok\nqueue/qmail-queue\n"})
    check(rc == 0, "exit %d: %s %s" % (rc, out, err))
    check(re.search(r"usable; plugins in order: relay earlytalker badmailfrom naughty rcpt_ok queue/qmail-queue", out), out)
    check("config error" not in err, err)


def t_plugin_map():
    # doc/plugins/README's table, compiled in: planned (with the issue),
    # retired (with what to use instead); a name not in the table keeps the
    # generic message
    rc, out, err = run({"me": "mx.example.test\n", "rcpthosts": "example.test\n",
                        "plugins": "sender_permitted_from\nvirus/aveclient\nasync/dnsbl\nlogging/apache\ndenysoft_greylist\nno_such_thing\nrcpt_ok\n"})
    check(rc == 100, "exit %d" % rc)
    for what in (r"plugin sender_permitted_from is not in qcsmtpd yet \(planned: no issue yet: SPF \(RFC 7208\) on the core\'s resolver\): remove the line \(doc/plugins/README\)",
                 r"unknown plugin name: denysoft_greylist; qcsmtpd's plugin for it is greylisting \(contributed predecessor of greylisting; list greylisting\): list greylisting instead",
                 r"plugin virus/aveclient is retired in qcsmtpd \(.*use virus/clamdscan or a vendor milter",
                 r"plugin async/dnsbl is retired in qcsmtpd \(qpsmtpd-async's copy; use dnsbl .*; see dnsbl\)",
                 r"plugin logging/apache is retired in qcsmtpd \(Apache::Qpsmtpd's log",
                 r"unknown or not compiled-in plugin: no_such_thing; if plugins/ has it, build it in with: \./configure --plugins=<this build's plugins>,no_such_thing"):
        check(re.search(what, err), "no %r in: %s" % (what, err))


def t_every_problem():
    rc, out, err = run({"databytes": "20k\n", "timeoutsmtpd": "abc\n", "loglevel": "9\n",
                        "plugins": "relay\nnosuchplugin\nbadmailfrom reject 2\nnaughty\nbadmailfrom:1 reject naughty\nrcpt_ok\n"})
    check(rc == 100, "exit %d" % rc)
    check("NOT usable" in out and "421 4.3.0" in out, out)
    for what in (r"control/databytes: not a number", r"control/timeoutsmtpd: not a number", r"control/loglevel: must be 0 to 7",
                 r"unknown or not compiled-in plugin: nosuchplugin", r"plugin badmailfrom: reject: '2' is not one of"):
        check(re.search(what, err), "not reported: %s in %s" % (what, err))


def t_unknown_plugin_hint():
    rc, out, err = run({"plugins": "my/own_plugin\nrcpt_ok\n"})
    check(rc == 100, "exit %d" % rc)
    check(re.search(r"unknown or not compiled-in plugin: my/own_plugin; if plugins/ has it, build it in with: "
                    r"\./configure --plugins=<this build's plugins>,my/own_plugin$", err, re.M), "no configure line: " + err)
    have = ",".join(re.findall(r"this build's plugins: (\S+?),?$", err, re.M)).split(",")
    check("rcpt_ok" in have and "relay" in have and "test/store" not in have, "list: %r" % have)
    check(all(len(l) < 900 for l in err.splitlines()), "a log line over 900 octets: %s" % err)


def t_qmail_host():
    # no plugins file: qmail-smtpd's behaviour, from a qmail control directory
    rc, out, err = run({"me": "mx.example.test\n", "rcpthosts": "example.test\n", "badmailfrom": "bad@example.test\n",
                        "databytes": "10000000\n", "timeoutsmtpd": "1200\n"})
    check(rc == 0, "exit %d: %s %s" % (rc, out, err))
    check(re.search(r"plugins in order: relay badmailfrom rcpt_ok queue/qmail-queue", out), out)


def main():
    check(os.access(QCSMTPD, os.X_OK), QCSMTPD + " is not built")
    run_test("configcheck: qcsmtpd -t says a good configuration is usable and lists the plugins, exit 0", t_usable)
    run_test("configcheck: qcsmtpd -t reports every problem at once, exit 100", t_every_problem)
    run_test("configcheck: an unknown plugin is reported with the build's list and the configure line", t_unknown_plugin_hint)
    run_test("configcheck: a qmail control directory without a plugins file is usable", t_qmail_host)
    run_test("configcheck: qpsmtpd names qcsmtpd lacks get doc/plugins/README's word (planned, retired and what instead)", t_plugin_map)
    finish()


if __name__ == "__main__":
    main()

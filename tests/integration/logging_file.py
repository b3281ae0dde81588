#!/usr/bin/python3
# logging/file (doc/plugins/logging/file) on the real clock: without nosplit
# the output follows its strftime name as time passes (a session crossing a
# second boundary with PATH qp.%Y%m%d%H%M%S.log writes two files); with nosplit the
# name is fixed at the first line and the session stays in one file.
import glob
import os
import subprocess
import sys
import tempfile
import time
sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from itlib import BIN, QQ, check, finish, run_test, tmpbase


def session(args):
    d = tempfile.mkdtemp(prefix="logging_file.", dir=tmpbase())
    ctl = os.path.join(d, "control")
    os.makedirs(ctl)
    for k, v in {"me": "mx.example.test", "rcpthosts": "example.test",
                 "logging": "logging/file " + args, "plugins": "relay\nrcpt_ok"}.items():
        with open(os.path.join(ctl, k), "w") as fh:
            fh.write(v + "\n")
    e = {"PATH": "/usr/bin:/bin", "QCSMTPD_CONTROL": ctl, "QMAIL": os.path.join(d, "qmail"),
         "QMAILQUEUE": QQ, "QQ_DIR": d, "TCPREMOTEIP": "192.0.2.7", "TZ": "UTC"}
    p = subprocess.Popen([BIN], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                         env=e, cwd=d)
    p.stdin.write(b"HELO c.example\r\n")
    p.stdin.flush()
    p.stdout.readline()
    p.stdout.readline()
    time.sleep(1.2)   # into the next second: the name qp.%Y%m%d%H%M%S.log changes
    out, err = p.communicate(b"NOOP\r\nQUIT\r\n", timeout=30)
    check(p.returncode == 0 and err == b"", (p.returncode, err))
    # the full date and time in the name: sorted names are in time order
    files = sorted(glob.glob(os.path.join(d, "qp.*.log")))
    return files, [open(f).read() for f in files]


def t_split():
    files, texts = session("loglevel 6 qp.%Y%m%d%H%M%S.log")
    # two files (three if the first lines straddled a second already)
    check(len(files) in (2, 3), "two files: %r" % files)
    check("Connection from" in texts[0] and "dispatching NOOP" in texts[-1]
          and "click, disconnecting" in texts[-1] and "dispatching NOOP" not in texts[0], texts)


def t_nosplit():
    files, texts = session("loglevel 6 nosplit qp.%Y%m%d%H%M%S.log")
    check(len(files) == 1, "one file: %r" % files)
    check("dispatching HELO c.example" in texts[0] and "click, disconnecting" in texts[0], texts)


def main():
    run_test("logging/file: the output follows its strftime name during a session", t_split)
    run_test("logging/file nosplit: a session stays in the file of its first line", t_nosplit)
    finish()


main()

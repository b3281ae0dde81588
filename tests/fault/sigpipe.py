#!/usr/bin/python3
# Fault injection: the client stops reading and goes away while the server is
# writing a long stream of multi-line replies (pipelined HELP: 3 lines each).
#  - over pipes (the server run directly, as under s6-tcpserver-like setups):
#    the read end of its stdout is closed; its write fails with EPIPE, since
#    SIGPIPE is ignored (main.c): exit 111, not death by signal 13;
#  - over TCP under tcpserver: the client closes with unread data (a reset).
# Nothing queued, nothing left (flib.Server.clean()).
import errno
import os
import select
import signal
import socket
import subprocess
import sys
import time
sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from flib import Server, Session, check, run_test, finish, describe
import itlib  # noqa: E402  (flib puts tests/integration on the path)

# more than the pipe or the socket buffers on both sides hold, so the server
# must block writing its replies (2 MB of replies per 100 KB of commands)
HELPS = b"HELP\r\n" * 2000000


def over_pipes():
    srv = Server("sigpipe-pipes")      # for its directories; tcpserver not started
    err = open(os.path.join(srv.dir, "stderr"), "wb")
    p = subprocess.Popen([itlib.BIN], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=err,
                         cwd=srv.dir, env=dict(srv.env, TCPREMOTEIP="127.0.0.1"), start_new_session=True)
    err.close()
    try:
        out = p.stdout.fileno()
        got = b""
        while b"\r\n" not in got:         # the greeting: the server is up
            r, _, _ = select.select([out], [], [], 10)
            check(r, "no greeting")
            got += os.read(out, 4096)
        os.set_blocking(p.stdin.fileno(), False)
        sent = 0
        deadline = time.time() + 20
        # feed it until it stops reading (its stdout pipe is full, we never read)
        while sent < len(HELPS) and time.time() < deadline:
            _, w, _ = select.select([], [p.stdin], [], 0.5)
            if not w:
                break
            try:
                sent += os.write(p.stdin.fileno(), HELPS[sent:sent + 65536])
            except BlockingIOError:
                pass
        check(sent < len(HELPS), "the server read all %d octets without blocking on its output" % sent)
        p.stdout.close()                   # now its writes have no reader
        try:
            rc = p.wait(15)
        except subprocess.TimeoutExpired:
            raise itlib.TestFailure("the server did not exit within 15s of losing its reader")
        check(rc == 111, "server %s, expected exit 111"
              % ("killed by signal %d" % -rc if rc < 0 else "exit %d" % rc))
        try:
            os.killpg(p.pid, 0)
            raise itlib.TestFailure("a process of the server's group is still running")
        except ProcessLookupError:
            pass
        check(srv.queued() == [] and srv.leftovers() == [], "queued or left behind")
    finally:
        if p.poll() is None:
            os.killpg(p.pid, signal.SIGKILL)
            p.wait()
        try:
            p.stdin.close()
        except OSError:
            pass
        srv.stop()


def over_tcp():
    srv = Server("sigpipe-tcp").start()
    c = Session(srv.port)
    c.expect(220, "greeting")
    pid = srv.session_pid()
    c.sock.setblocking(False)
    sent = 0
    deadline = time.time() + 20
    while sent < len(HELPS) and time.time() < deadline:
        _, w, _ = select.select([], [c.sock], [], 0.5)
        if not w:
            break
        try:
            sent += c.sock.send(HELPS[sent:sent + 65536])
        except BlockingIOError:
            pass
        except OSError as e:
            if e.errno in (errno.EPIPE, errno.ECONNRESET):
                break
            raise
    check(sent < len(HELPS), "the server read all %d octets without blocking on its output" % sent)
    # the server is now blocked writing replies nobody reads; close with unread
    # data: a reset
    c.close()
    st = srv.wait_sessions(count=1, timeout=15)
    check(st[pid] == 111 << 8, "session %s, expected exit 111" % describe(st[pid]))
    srv.clean([], count=1)
    srv.stop()


run_test("fault/sigpipe: stdout pipe closed while writing replies -> exit 111, no SIGPIPE death", over_pipes)
run_test("fault/sigpipe: TCP client goes away while the server writes -> exit 111", over_tcp)
finish()

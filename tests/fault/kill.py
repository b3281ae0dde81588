#!/usr/bin/python3
# Fault injection: kill -9 of the session process (by PID, from tcpserver -v)
#  - in the middle of DATA, the body already in the spool file: nothing queued,
#    and spool/ is empty (the spool file never had a name: O_TMPFILE);
#  - after the dot, while it hands the message to qmail-queue (a queue program
#    that waits before reading, so the session is blocked writing): qmail-queue
#    then sees the message end early and no envelope, exits 54 and queues
#    nothing; it does not outlive its parent for long.
# (Once qmail-queue has the whole envelope it commits, with or without its
# parent: that window between qmail-queue's commit and the client's 250 is the
# one every qmail-queue client has, RFC 1047, and is not tested here.)
import glob
import os
import signal
import sys
import time
sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from flib import Server, Session, check, run_test, finish, message, new_token, kill_pid, write_script, describe, proc_line

BIG = 1 << 20


def spool_fds(pid, spool):
    """The session's descriptors open on files of the spool directory."""
    out = []
    for fd in glob.glob("/proc/%d/fd/*" % pid):
        try:
            target = os.readlink(fd)
        except OSError:
            continue
        if target.startswith(spool + "/"):
            out.append(target)
    return out


def mid_data():
    srv = Server("kill-mid-data").start()
    c = Session(srv.port)
    c.hello()
    pid = srv.session_pid()
    c.envelope()
    c.cmd("DATA", 354)
    c.send(message(new_token("killed"), BIG))     # no final dot
    deadline = time.time() + 10
    while not spool_fds(pid, srv.spool) and time.time() < deadline:
        time.sleep(0.02)
    fds = spool_fds(pid, srv.spool)
    check(fds, "the session never opened a spool file")
    check(all(t.endswith("(deleted)") for t in fds), "spool file with a name: %r" % fds)
    kill_pid(pid)
    st = srv.wait_sessions(count=1)
    check(st[pid] == signal.SIGKILL, "session %s, expected signal 9" % describe(st[pid]))
    check(c.eof(), "the connection stayed open")
    c.close()
    srv.clean([], count=1)
    srv.stop()


def during_handoff():
    srv = Server("kill-handoff", env={"QQ_ENVLOG": "1"})
    # the double starts reading 1 s late: the session blocks on the full pipe
    srv.env["QMAILQUEUE"] = write_script(srv, "qq-late", "#!/bin/sh\nsleep 1\nexec %s\n" % srv.env["QMAILQUEUE"])
    srv.start()
    c = Session(srv.port)
    c.hello()
    pid = srv.session_pid()
    c.envelope()
    c.cmd("DATA", 354)
    c.send(message(new_token("handoff"), BIG) + b".\r\n")
    # wait for the queue program, a child of the session
    deadline = time.time() + 10
    child = None
    while child is None and time.time() < deadline:
        for p in srv.our_procs():
            if p != pid and "qq-late" in proc_line(p):
                child = p
        time.sleep(0.01)
    check(child is not None, "qmail-queue was never started")
    time.sleep(0.2)
    kill_pid(pid)
    st = srv.wait_sessions(count=1)
    check(st[pid] == signal.SIGKILL, "session %s, expected signal 9" % describe(st[pid]))
    c.close()
    srv.clean([], count=1)      # waits for the double to go too
    infos = srv.infos()
    check(len(infos) == 1 and "exit=54" in infos[0], "qmail-queue's record: %r" % infos)
    srv.stop()


run_test("fault/kill: kill -9 in the middle of DATA (body in the spool file)", mid_data)
run_test("fault/kill: kill -9 while handing the message to qmail-queue", during_handoff)
finish()

#!/usr/bin/python3
# Fault injection: the spool directory missing, unusable, read-only, full, or
# removed in the middle of DATA. Bodies under 64 KiB stay in the session's buffer
# and never touch the spool, so the write failures use larger ones (1 MB).
# Spec: "Spool cannot be opened -> 451 4.3.0 Unable to spool message" at DATA; a
# failed spool write -> 451 4.3.0 after the end of data (smtpdata.c). Then the
# checks of flib.Server.clean(): no 250 without a queued message and none queued
# without a 250, spool/ empty afterwards, no process left.
import os
import sys
sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from flib import Server, Session, Skip, check, run_test, finish, message, new_token, mount_tmpfs, umount, IS_ROOT

BIG = 1 << 20


def refused_at_data(srv):
    """DATA gets 451 4.3.0 (no 354); the session goes on; QUIT exits 0."""
    c = Session(srv.port)
    c.hello()
    c.envelope()
    lines = c.cmd("DATA", 451)
    check(lines[-1].startswith("451 4.3.0 Unable to spool message"), "DATA: %r" % lines)
    c.cmd("RSET", 250)
    c.quit()
    srv.clean(c.accepted, statuses=0, count=1)


def missing():
    srv = Server("spool-missing", control={"spool_dir": "/nonexistent/qcsmtpd-spool"}).start()
    refused_at_data(srv)
    srv.stop()


def a_file():
    # a plain file (no x bit) where the directory should be
    srv = Server("spool-file")
    path = os.path.join(srv.dir, "spoolfile")
    open(path, "w").write("not a directory\n")
    os.chmod(path, 0o644)
    with open(os.path.join(srv.control, "spool_dir"), "w") as f:
        f.write(path + "\n")
    srv.start()
    refused_at_data(srv)
    check(open(path).read() == "not a directory\n", "the file was changed")
    srv.stop()


def a_file_with_x_bits():
    # as root, access(W_OK|X_OK) passes on a 0755 file: the 354 goes out, small
    # bodies never need the spool (250), a 1 MB one fails to spill (ENOTDIR): 451
    if not IS_ROOT:
        raise Skip("not root: access() refuses this file at DATA, as in the test above")
    srv = Server("spool-xfile")
    path = os.path.join(srv.dir, "spoolfile")
    open(path, "w").write("#!/bin/sh\n")
    os.chmod(path, 0o755)
    with open(os.path.join(srv.control, "spool_dir"), "w") as f:
        f.write(path + "\n")
    srv.start()
    c = Session(srv.port)
    c.hello()
    code, lines = c.transaction("xfile-small")
    check(code == 250, "small body: %r" % lines)
    code, lines = c.transaction("xfile-big", BIG)
    check(code == 451 and lines[-1].startswith("451 4.3.0"), "1 MB body: %r" % lines)
    c.quit()
    srv.clean(c.accepted, statuses=0, count=1)
    check(open(path).read() == "#!/bin/sh\n", "the file was changed")
    srv.stop()


def read_only():
    # root ignores modes: a read-only tmpfs makes the directory unwritable (EROFS)
    srv = Server("spool-ro")
    if IS_ROOT:
        if not mount_tmpfs(srv.spool, "ro,size=1m"):
            srv.stop()
            raise Skip("mount -t tmpfs does not work here")
    else:
        os.chmod(srv.spool, 0o555)
    try:
        srv.start()
        refused_at_data(srv)
    finally:
        if IS_ROOT:
            umount(srv.spool)
        else:
            os.chmod(srv.spool, 0o755)
        srv.stop()


def statvfs_used(path):
    s = os.statvfs(path)
    return (s.f_blocks - s.f_bfree) * s.f_frsize


def full():
    # a 256 KiB tmpfs: a 1 MB body runs out of space (ENOSPC) -> 451 after the
    # dot; a small one stays in memory -> 250; afterwards the tmpfs is empty again
    # (the spool file has no name and goes with the descriptor)
    srv = Server("spool-full")
    if not mount_tmpfs(srv.spool, "size=256k"):
        srv.stop()
        raise Skip("needs root and a working mount -t tmpfs")
    try:
        srv.start()
        c = Session(srv.port)
        c.hello()
        code, lines = c.transaction("full-big", BIG)
        check(code == 451 and lines[-1].startswith("451 4.3.0"), "1 MB body: %r" % lines)
        code, lines = c.transaction("full-small")
        check(code == 250, "small body after the failure: %r" % lines)
        code, lines = c.transaction("full-fits", 100 * 1024)
        check(code == 250, "100 KiB body (fits in 256 KiB): %r" % lines)
        c.quit()
        srv.clean(c.accepted, statuses=0, count=1)
        check(len(c.accepted) == 2, "accepted %r" % c.accepted)
        used = statvfs_used(srv.spool)
        check(used == 0, "the spool tmpfs still holds %d octets" % used)
    finally:
        umount(srv.spool)
        srv.stop()


def full_from_the_start():
    # the spool is already full (another file fills it): 100 KiB -> 451; the
    # filler is all that remains
    srv = Server("spool-prefilled")
    if not mount_tmpfs(srv.spool, "size=128k"):
        srv.stop()
        raise Skip("needs root and a working mount -t tmpfs")
    filler = os.path.join(srv.spool, "filler")
    try:
        with open(filler, "wb") as f:
            try:
                f.write(b"x" * (256 * 1024))
            except OSError:
                pass
        srv.start()
        c = Session(srv.port)
        c.hello()
        code, lines = c.transaction("prefilled", 100 * 1024)
        check(code == 451 and lines[-1].startswith("451 4.3.0"), "100 KiB body: %r" % lines)
        c.quit()
        os.unlink(filler)
        srv.clean(c.accepted, statuses=0, count=1)
    finally:
        if os.path.exists(filler):
            os.unlink(filler)
        umount(srv.spool)
        srv.stop()


def removed_during_data():
    # the directory is there at DATA (354) and gone when the body outgrows the
    # buffer: 451 after the dot, nothing queued
    srv = Server("spool-removed").start()
    c = Session(srv.port)
    c.hello()
    c.envelope()
    c.cmd("DATA", 354)
    os.rmdir(srv.spool)
    try:
        t = new_token("removed")
        c.send(message(t, BIG) + b".\r\n")
        code, lines = c.reply()
        check(code == 451 and lines[-1].startswith("451 4.3.0"), "1 MB body: %r" % lines)
    finally:
        os.mkdir(srv.spool)
    code, lines = c.transaction("after-removal", BIG)
    check(code == 250, "1 MB body once the directory is back: %r" % lines)
    c.quit()
    srv.clean(c.accepted, statuses=0, count=1)
    srv.stop()


run_test("fault/spool: spool_dir missing -> 451 at DATA", missing)
run_test("fault/spool: spool_dir is a file -> 451 at DATA", a_file)
run_test("fault/spool: spool_dir is a 0755 file (root): small 250, 1 MB 451", a_file_with_x_bits)
run_test("fault/spool: read-only spool -> 451 at DATA", read_only)
run_test("fault/spool: 256 KiB tmpfs: 1 MB 451, small and 100 KiB 250, tmpfs empty after", full)
run_test("fault/spool: spool already full -> 451", full_from_the_start)
run_test("fault/spool: spool_dir removed during DATA -> 451", removed_during_data)
finish()

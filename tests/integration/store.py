#!/usr/bin/python3
# The store (qp_store_*, issue 12) on LMDB, through the test/store plugin's
# XSTORE command in real session processes: expiry on the overridable clock
# across sessions, 100 sessions incrementing one counter at once (exact
# total), sessions killed with SIGKILL in the middle of updates (the store
# stays usable and no acknowledged increment is lost), the bounded sweep
# that removes expired records, and the faults: store_dir missing or
# unwritable, store_mapsize malformed, the map full.
import errno
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from itlib import check, finish, note, run_test, tmpbase, strerror
from storelib import kill9, parallel, session

# the server's C library words its errors (glibc and musl differ)
EIO = strerror(errno.EIO)


def setup(files=None, store=True):
    d = tempfile.mkdtemp(prefix="store.", dir=tmpbase())
    ctl = os.path.join(d, "control")
    os.makedirs(ctl)
    st = os.path.join(d, "store")
    if store:
        os.makedirs(st)
    f = {"me": "mx.example.test", "plugins": "test/store", "store_dir": st}
    f.update(files or {})
    for k, v in f.items():
        with open(os.path.join(ctl, k), "w") as fh:
            fh.write(v + "\n")
    return d, st


def t_expiry_across_sessions():
    d, st = setup()
    out, _ = session(d, ["XSTORE PUT grey k hello 60", "XSTORE INCR grey c 3 60", "XSTORE PUT grey keep x 0"], now=1000)
    check(out == ["250 2.0.0 stored", "250 2.0.0 counter 3", "250 2.0.0 stored"], out)
    out, _ = session(d, ["XSTORE GET grey k", "XSTORE INCR grey c 1 60"], now=1059)
    check(out == ["250 2.0.0 value hello expires=1060", "250 2.0.0 counter 4"], "before expiry: %r" % out)
    out, _ = session(d, ["XSTORE GET grey k", "XSTORE INCR grey c 1 30", "XSTORE GET grey c", "XSTORE GET grey keep"], now=1060)
    check(out == ["250 2.0.0 missing", "250 2.0.0 counter 1", "250 2.0.0 value 1 expires=1090",
                  "250 2.0.0 value x expires=0"], "at expiry: %r" % out)


def count_records(st):
    r = subprocess.run(["mdb_stat", st], capture_output=True, text=True)
    m = re.search(r"Entries: (\d+)", r.stdout)
    check(m, "mdb_stat: %s %s" % (r.stdout, r.stderr))
    return int(m.group(1))


def t_sweep():
    # 200 records that expire, then writes at a later time: each write
    # transaction looks at 32 records, so about 7 writes clear them all
    d, st = setup()
    session(d, ["XSTORE PUT old k%d v 10" % i for i in range(200)], now=5000)
    n0 = count_records(st)
    session(d, ["XSTORE PUT new k%d v 0" % i for i in range(10)], now=6000)
    n1 = count_records(st)
    note("sweep: %d records before (200 expired + the cursor), %d after 10 writes" % (n0, n1))
    check(n0 >= 200 and n1 <= 12, "expired records not swept: %d then %d" % (n0, n1))


def t_parallel():
    d, st = setup()
    parallel(d)


def t_kill9():
    d, st = setup()
    kill9(d, "")


def t_faults():
    # store_dir missing, unwritable (a file), not set; store_mapsize malformed; the map full
    d, st = setup(store=False)
    out, log = session(d, ["XSTORE GET grey k", "XSTORE PUT grey k v 0"])
    check(out == ["451 4.3.0 store failure: " + EIO] * 2, out)
    check(re.search(r"store: cannot open the LMDB environment in store_dir: .*/store: No such file or directory", log), log)
    check(log.count("error store: ") == 1, "one failure line per connection: %s" % log)
    d, st = setup({"store_dir": "/dev/null"}, store=False)
    out, log = session(d, ["XSTORE GET grey k"])
    check(out[0].startswith("451 4.3.0"), out)
    check("store: cannot open the LMDB environment in store_dir: /dev/null" in log, log)
    d, st = setup()
    os.unlink(os.path.join(d, "control", "store_dir"))
    out, log = session(d, ["XSTORE GET grey k"])
    check(out[0].startswith("451 4.3.0") and "store: control/store_dir: not set: no store" in log, (out, log))
    d, st = setup({"store_mapsize": "lots"})
    out, log = session(d, ["XSTORE GET grey k"])
    check(out[0].startswith("451 4.3.0") and "store: control/store_mapsize: not a number" in log, (out, log))
    # a 1 MiB map: 4000 values of 400 octets fill it; the failure is ENOSPC,
    # logged, and the store stays readable
    d, st = setup({"store_mapsize": "1"})
    big = "x" * 400
    out, log = session(d, ["XSTORE PUT fill k%d %s 0" % (i, big) for i in range(4000)])
    check(out[0] == "250 2.0.0 stored", out[:2])
    check("451 4.3.0 store failure: No space left on device" in out, [o[:60] for o in out[-3:]])
    check("store: the map is full (raise control/store_mapsize)" in log, log)
    out, log = session(d, ["XSTORE GET fill k0"])
    check(out[0].startswith("250 2.0.0 value xxx"), out[0][:60])


def t_lock_held():
    # another process holds the store's lock (a stopped session, a backup
    # tool): each call gives up after 2 s (STORE_LOCK_MS), logged, the session
    # goes on; once the lock is free the store works again
    import fcntl
    d, st = setup()
    session(d, ["XSTORE PUT k a 1 0"])
    fd = os.open(os.path.join(st, "lock"), os.O_RDWR)
    fcntl.lockf(fd, fcntl.LOCK_EX)
    try:
        t = time.time()
        out, log = session(d, ["XSTORE GET k a", "NOOP"])
        took = time.time() - t
    finally:
        os.close(fd)
    check(out[0].startswith("451 4.3.0 store failure: ") and out[1].startswith("250"), out)
    check("store: store_dir/lock: held by another session for longer than the deadline" in log, log)
    check(1.8 < took < 5, "the call took %.2f s" % took)
    note("store lock held elsewhere: the call gave up after %.2f s" % took)
    out, _ = session(d, ["XSTORE GET k a"])
    check(out[0].startswith("250 2.0.0 value 1"), out)


def main():
    if not shutil.which("mdb_stat"):
        print("ok - integration/store # SKIP mdb_stat is not installed (Debian: lmdb-utils)")
        sys.exit(0)
    run_test("store: LMDB records expire on the clock across sessions; counters restart after expiry", t_expiry_across_sessions)
    run_test("store: write transactions sweep expired records, a bounded number at a time", t_sweep)
    run_test("store: 100 parallel sessions increment one counter: exact total", t_parallel)
    run_test("store: sessions killed with SIGKILL mid-update leave a usable store and no acknowledged update lost", t_kill9)
    run_test("store: a lock held by another process costs a call at most 2 s, then the store works again", t_lock_held)
    run_test("store: store_dir missing, not a directory, unset; store_mapsize malformed; the map full (ENOSPC)", t_faults)
    finish()


main()

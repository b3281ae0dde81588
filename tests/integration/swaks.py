#!/usr/bin/python3
# (a) swaks sends one message through tcpserver; with no control/plugins file (the
# built-in default list). Expect 250, one queued message whose body matches, the
# envelope, and a clean queue child (environment passed, no leaked descriptors).
import os
import re
import subprocess
import sys
sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from itlib import Server, check, run_test, finish, strip_received

BODY = "first line\n.leading dot\n..two dots\n\nlast line\n"


def test():
    srv = Server("swaks", plugins=None, env={"QQ_ENVLOG": "1"}).start()
    data = os.path.join(srv.dir, "data.txt")
    with open(data, "w") as f:
        # swaks ends DATA with CRLF "." CRLF after the text, so no final newline here
        f.write("Subject: swaks test\nFrom: <a@b.test>\nTo: <u@example.test>\n\n" + BODY[:-1])
    r = subprocess.run(["swaks", "--server", "127.0.0.1", "--port", str(srv.port),
                        "--from", "a@b.test", "--to", "u@example.test", "--helo", "client.example",
                        "--data", "@" + data, "--timeout", "30"],
                       capture_output=True, timeout=60)
    out = r.stdout.decode("latin-1")
    check(r.returncode == 0, "swaks exit %d: %s" % (r.returncode, out[-600:]))
    check(re.search(r"^<-  250[ -]2\.0\.0 .*\bqp \d+", out, re.M),
          "no '250 2.0.0 ... qp <pid>' after DATA in:\n" + out[-600:])
    check(re.search(r"^<-  250-PIPELINING", out, re.M), "EHLO did not advertise PIPELINING")
    srv.wait_sessions()
    q = srv.queued()
    check(len(q) == 1, "%d messages queued, expected 1" % len(q))
    msg, env = q[0]
    check(env == b"Fa@b.test\0Tu@example.test\0\0", "envelope %r" % env)
    rest = strip_received(msg)
    check(rest.startswith(b"Subject: swaks test\n"), "header after Received: %r" % rest[:80])
    body = rest.split(b"\n\n", 1)[1]
    check(body == BODY.encode(), "body %r, expected %r" % (body, BODY))
    # the exact Received form is checked by the transcripts; here: its fields
    check(re.match(rb"Received: from client\.example \(.*\[127\.0\.0\.1\]\)\n\tby mx\.example\.test \(qcsmtpd [^)]*\) with ESMTP;\s", msg),
          "Received line %r" % msg[:200])
    info = srv.infos()
    check(len(info) == 1, "%d .info files" % len(info))
    check("\nleaks=\n" in info[0], "queue child inherited descriptors: %r" % info[0])
    check("TCPREMOTEIP=127.0.0.1\n" in info[0], "TCPREMOTEIP not passed: %r" % info[0])
    check(srv.leftovers() == [], "left behind: %r" % srv.leftovers())
    st = srv.sessions()
    check(list(st.values()) == [0], "session exit status %r" % st)


run_test("integration/swaks: one message, default plugins", test)
finish()

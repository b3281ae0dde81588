#!/usr/bin/python3
# (e) the client disconnects in the middle of DATA (clean close, and a reset):
# nothing is queued, nothing is left behind, the session process exits (111).
import os
import socket
import struct
import sys
sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from itlib import Server, Client, check, run_test, finish


def scenario(reset):
    def test():
        srv = Server("disconnect-rst" if reset else "disconnect").start()
        c = Client(srv.port)
        c.expect(220, "greeting")
        c.cmd("EHLO client.example", 250)
        c.cmd("MAIL FROM:<a@b.test>", 250)
        c.cmd("RCPT TO:<u@example.test>", 250)
        c.cmd("DATA", 354)
        c.send(b"Subject: cut\r\n\r\n" + b"some body text\r\n" * 5000 + b"and then the client goes away")
        if reset:
            c.sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        c.close()
        st = srv.wait_sessions(timeout=15, count=1)
        check(len(st) == 1, "sessions %r" % st)
        status = list(st.values())[0]
        check(status == 111 << 8, "session wait status %d (exit %d), expected exit 111"
              % (status, status >> 8))
        check(srv.queued() == [], "a message was queued")
        check(srv.leftovers() == [], "left behind: %r" % srv.leftovers())
    return test


run_test("integration/disconnect: client closes mid-DATA", scenario(False))
run_test("integration/disconnect: connection reset mid-DATA", scenario(True))
finish()

#!/usr/bin/python3
# earlytalker under real tcpserver, with and without TLS: the plugin asks the
# core whether the client talked (qp_client_talked), which looks at the
# plaintext: io.c's buffer, BearSSL's decrypted records, or a UCSPI-TLS
# helper's pipe; implicit TLS's handshake is done before the connect hooks, so
# a ClientHello sent at once is no early talk.
import os
import re
import socket
import ssl
import sys
import time
sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from itlib import Server, Client, check, run_test, finish, make_certs, tmpbase, TESTS

CERTS = None
HELPER = os.path.join(TESTS, "ucspi-tlsd")
TAIL = ["relay", "rcpt_ok", "queue/qmail-queue"]


def cert(name):
    return os.path.join(CERTS, name)


def ctx():
    c = ssl.create_default_context(cafile=cert("ca.crt"))
    c.check_hostname = True
    return c


def native(name, plugins, env=None):
    ctl = {"servercert.pem": open(cert("servercert.pem")).read(), "loglevel": "6"}
    return Server(name, control=ctl, plugins=plugins, env=env).start()


def ucspi(name, plugins, implicit=False):
    srv = Server(name, plugins=plugins, control={"loglevel": "6"},
                 env={"CERTFILE": cert("leaf.crt"), "KEYFILE": cert("leaf.key"), "UCSPITLS": ""})
    srv.wrapper = [HELPER] + (["-i"] if implicit else [])
    return srv.start()


def t_plain_early():
    srv = native("et-plain-early", ["earlytalker wait 1"] + TAIL)
    c = Client(srv.port, timeout=10)
    c.send("EHLO early.example\r\n")
    c.expect(554, "greeting to an early talker")
    check(c.eof(10), "connection left open after the refusal")


def t_plain_polite():
    srv = native("et-plain-polite", ["earlytalker wait 1"] + TAIL)
    c = Client(srv.port, timeout=10)
    t = time.time()
    c.expect(220, "greeting")
    check(time.time() - t >= 0.9, "greeting came before the wait")
    c.cmd("EHLO polite.example", 250)
    c.cmd("QUIT", 221)


def starttls_then_pipelined_data(srv):
    c = Client(srv.port, timeout=20)
    c.expect(220)
    c.cmd("EHLO c.example", 250)
    c.cmd("STARTTLS", 220)
    c.sock = ctx().wrap_socket(c.sock, server_hostname="localhost")
    c.cmd("EHLO c.example", 250)
    c.cmd("MAIL FROM:<a@b.test>", 250)
    c.cmd("RCPT TO:<u@example.test>", 250)
    c.send("DATA\r\nSubject: rude\r\n\r\nbody\r\n.\r\n")
    l = c.expect(554, "DATA pipelined with its message inside TLS")
    check(any("before the 354" in x for x in l), "text: %r" % l)
    c.send("QUIT\r\n")
    # polite client inside TLS: waits for the 354
    c2 = Client(srv.port, timeout=20)
    c2.expect(220)
    c2.cmd("EHLO c.example", 250)
    c2.cmd("STARTTLS", 220)
    c2.sock = ctx().wrap_socket(c2.sock, server_hostname="localhost")
    c2.cmd("EHLO c.example", 250)
    c2.cmd("MAIL FROM:<a@b.test>", 250)
    c2.cmd("RCPT TO:<u@example.test>", 250)
    c2.cmd("DATA", 354)
    c2.send("Subject: polite\r\n\r\nbody\r\n.\r\n")
    c2.expect(250, "end of data")
    c2.cmd("QUIT", 221)
    srv.wait_sessions()
    check(len(srv.queued()) == 1, "%d messages queued, expected 1" % len(srv.queued()))


def t_starttls_data():
    srv = native("et-starttls-data", ["tls", "earlytalker check-at DATA wait 1"] + TAIL)
    starttls_then_pipelined_data(srv)


def t_ucspi_starttls_data():
    srv = ucspi("et-ucspi-data", ["tls", "earlytalker check-at DATA wait 1"] + TAIL)
    starttls_then_pipelined_data(srv)


def implicit_client_at_once(srv):
    # the ClientHello goes out the moment the connection is up: before any
    # greeting could have been sent; it must not count as early talk
    raw = socket.create_connection(("127.0.0.1", srv.port), timeout=20)
    s = ctx().wrap_socket(raw, server_hostname="localhost")
    f = s.makefile("rb")
    line = f.readline()
    check(line.startswith(b"220 "), "greeting inside implicit TLS: %r" % line)
    s.sendall(b"QUIT\r\n")
    check(f.readline().startswith(b"221"), "no 221")
    s.close()
    # a client that talks inside TLS before the greeting is an early talker
    raw = socket.create_connection(("127.0.0.1", srv.port), timeout=20)
    s = ctx().wrap_socket(raw, server_hostname="localhost")
    s.sendall(b"EHLO early.example\r\n")
    f = s.makefile("rb")
    line = f.readline()
    check(line.startswith(b"554 "), "early talk inside implicit TLS: %r" % line)
    s.close()
    srv.wait_sessions()
    check(re.search(r"earlytalker fail: 127\.0\.0\.1 talked before the greeting", srv.log()),
          "no fail line for the early talker: " + srv.log()[-600:])


def t_implicit_native():
    srv = native("et-implicit", ["tls implicit 1", "earlytalker wait 1"] + TAIL)
    implicit_client_at_once(srv)


def t_implicit_ucspi():
    srv = ucspi("et-implicit-ucspi", ["tls", "earlytalker wait 1"] + TAIL, implicit=True)
    implicit_client_at_once(srv)


def main():
    global CERTS
    CERTS = os.path.join(tmpbase(), "certs")
    try:
        make_certs(CERTS)
    except Exception as e:
        print("FAIL - earlytalker: cannot make test certificates: %s" % e)
        sys.exit(1)
    run_test("earlytalker: plaintext client talking before the greeting -> 554 and close", t_plain_early)
    run_test("earlytalker: polite client greeted after the wait", t_plain_polite)
    run_test("earlytalker: check-at DATA inside STARTTLS (native) sees the pipelined message", t_starttls_data)
    run_test("earlytalker: check-at DATA inside STARTTLS through UCSPI-TLS", t_ucspi_starttls_data)
    run_test("earlytalker: implicit TLS (native): ClientHello is no early talk, early EHLO inside TLS is", t_implicit_native)
    run_test("earlytalker: implicit TLS through ucspi-tlsd -i: the same", t_implicit_ucspi)
    finish()


if __name__ == "__main__":
    main()

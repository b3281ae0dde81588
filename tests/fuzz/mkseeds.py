#!/usr/bin/python3
# ISC license.
# tests/fuzz/mkseeds.py: writes the seed corpora tests/fuzz/corpus/<harness>/
# (committed; re-run after changing an input layout, then commit the result).
# Each seed is small and named by what it shows. Input layouts are described
# at the top of each harness (tests/fuzz/<harness>.c). With harness names as
# arguments only their corpora are rewritten: corpus/session also holds
# inputs merged from fuzzing runs, which a full re-run would delete.
import os, struct, shutil, sys

top = os.path.dirname(os.path.abspath(__file__))
corpus = os.path.join(top, 'corpus')

def write(harness, seeds):
    if sys.argv[1:] and harness not in sys.argv[1:]:
        return
    d = os.path.join(corpus, harness)
    if os.path.isdir(d):
        shutil.rmtree(d)
    os.makedirs(d)
    for name, data in seeds.items():
        if isinstance(data, str):
            data = data.encode('latin-1')
        with open(os.path.join(d, name), 'wb') as f:
            f.write(data)

# args: octet 0 = table (mod 3: 0 every type ending with REST, 1 own reject +
# "*" catch-all + required positional, 2 none) | default reject_type - 2 << 2;
# then the words, separated by SP or NUL
def args(table, words, rtype=2, sep=' '):
    return chr(table | (rtype - 2) << 2) + sep.join(words)

write('args', {
    'every-defaults': args(0, []),
    'every-keywords': args(0, ['flag', 'yes', 'wait', '3600', 'big', '4294967295', 'range', '10', 'mode', 'DATA_POST', 'file', '/etc/x']),
    'every-key-value': args(0, ['wait=30', 'check_at=CONNECT,,DATA', 'tags=x', 'file=a=b']),
    'every-lists': args(0, ['check-at', 'CONNECT', 'check-at', ',DATA,', 'tags', 'c', 'tags', ',']),
    'every-positionals': args(0, ['/var/qmail/bin/qmail-queue', 'loglevel', '7', '3']),
    'every-rest-swallows': args(0, ['/p', '3', 'hello', 'wait', '9', 'loglevel', '7']),
    'every-bad-uint': args(0, ['wait', '3601']),
    'every-uint-overflow': args(0, ['big', '99999999999999999999999']),
    'every-bad-range': args(0, ['range', '9']),
    'every-bad-enum': args(0, ['mode', 'helo']),
    'every-needs-value': args(0, ['flag', '1', 'wait']),
    'every-nul-separated': args(0, ['flag', 'on', '/p', '2', 'a'], sep='\0'),
    'catchall-pairs': args(1, ['/help', 'mail', '/m', 'rcpt=/r', '5', 'x', 'y']),
    'catchall-own-reject': args(1, ['reject', '50', 'reject_type', 'temp', '/d'], rtype=4),
    'catchall-missing-dir': args(1, ['defer-reject', '1', 'require', 'From,Date']),
    'catchall-key-alone': args(1, ['/d', '3', 'mail']),
    'common-all': args(2, ['loglevel', 'LOGINFO', 'reject', 'naughty', 'reject_type', 'temp_disconnect'], rtype=3),
    'common-relative': args(2, ['loglevel', '+2', 'loglevel=-07', 'reject-type=soft']),
    'common-legacy-reject': args(2, ['reject', 'log']),
    'common-unknown': args(2, ['foo', 'bar']),
    'common-unprintable': args(2, ['\x01\x7f\xc3\xa9', 'x']),
    'too-many-words': args(2, ['reject', '1'] * 33),
    'long-word': args(2, ['u' + '0123456789' * 40]),
})

# cmd: one command line (no line end: io_getline removed it)
write('cmd', {
    'helo': 'HELO example.com',
    'ehlo-literal': 'EHLO [192.0.2.1]',
    'mail-params': 'MAIL FROM:<a@example.com> SIZE=100 BODY=8BITMIME',
    'mail-spaces': 'mail from:   <> size=1',
    'rcpt-blanks': 'RCPT   TO:<"a b"@example.com>  \t ',
    'rcpt-postmaster': 'RCPT TO:<postmaster>',
    'data': 'DATA',
    'rset-arg': 'RSET x',
    'noop-args': 'NOOP a b  c',
    'vrfy': 'VRFY user',
    'quit-spaces': 'QUIT   ',
    'verb-12': 'ABCDEFGHIJKL x',
    'verb-13': 'ABCDEFGHIJKLM x',
    'leading-space': ' HELO x',
    'tab-separator': 'HELO\tx',
    'verb-8bit': 'EH\xc3\x89LO x',
    'underscore': 'x_1 y',
})

# addr: a path as it follows "FROM:" or "TO:", maybe with parameters after it
write('addr', {
    'plain': '<a@example.com>',
    'null': '<>',
    'postmaster': '<postmaster>',
    'postmaster-case': '<PostMaster>',
    'route': '<@a.example,@b.example:u@c.example>',
    'quoted-space': '<"a b"@example.com>',
    'quoted-escape': '<"a\\"b\\\\c"@example.com>',
    'quoted-at': '<"a@b"@example.com>',
    'literal-v4': '<a.b@[192.0.2.1]>',
    'literal-v6': '<a@[IPv6:2001:db8::1]>',
    'literal-tag': '<a@[tag:x@y]>',
    'dots': '<.a..b.@example.com>',
    'label-63': '<a@' + 'x' * 63 + '.example>',
    'label-64': '<a@' + 'x' * 64 + '.example>',
    'hyphen': '<a@-bad.example>',
    'unclosed': '<a@example.com',
    'params': '<a@example.com> SIZE=10',
    'empty-quoted': '<""@x.example>',
    'trailing-dot': '<a@b.example.>',
    'domain-only': 'example.com',
})

# params: octet 0 bit 0 = list starts non-empty; then the parameter text
write('params', {
    'size-body': '\x00SIZE=1000 BODY=8BITMIME',
    'many': '\x00 AUTH=<> RET=HDRS ENVID=x  NOTIFY=SUCCESS,FAILURE',
    'no-value': '\x00SMTPUTF8',
    'empty-value': '\x00SIZE=',
    'no-key': '\x00=x',
    'hyphen-first': '\x01-a=b',
    'hyphen-key': '\x00A-B=c  d=e',
    'double-eq': '\x01KEY=va=lue',
    'ctl-value': '\x00X=\x7f',
    'repeated': '\x00size=1 SIZE=2',
    'tab': '\x01SIZE=1\tBODY=7BIT',
})

# data: octet 0 picks the chunkings; then the client's DATA stream
write('data', {
    'simple': '\x07Subject: x\r\n\r\nbody\r\n.\r\n',
    'stuffed': '\x03..dot\r\n...\r\n.x\r\n.\r\n',
    'empty': '\x00.\r\n',
    'bare-lf': '\x01a\nb\r\n.\r\n',
    'bare-cr': '\x02a\rb\r\n.\r\n',
    'dot-cr': '\x05.\rX',
    'dot-lf': '\x06.\n',
    'blank-first': '\x0f\r\n.\r\n',
    'nul-8bit': '\x09a\x00b\xff\r\n.\r\n',
    'after-end': '\x04x\r\n.\r\nMAIL FROM:<>\r\n',
    'unfinished': '\x0blast line\r\n.\r',
})

# header: chunk, pad, length (LE16), message, operations
def hdr(chunk, pad, msg, ops=b''):
    if isinstance(msg, str):
        msg = msg.encode('latin-1')
    return bytes([chunk, pad]) + struct.pack('<H', len(msg)) + msg + ops

def s(x):
    x = x.encode('latin-1') if isinstance(x, str) else x
    return bytes([len(x)]) + x

# ops: 0 add, 1 prepend, 2 replace, 3 delete, 4 get, 5/6 read, 7 check;
# names: 0 Received 3 Delivered-To 5 Subject 6 From 8 X-Fuzz 14 "bad name"
#        15 "bad:name" 16 "" ; 0xa0+ a field of the message ; 0xe0+ from input
full = ('Received: from a.example\n\tby b.example\nReceived: from c\n'
        'Subject: hi\n folded\nFrom: a@b.example\n\nbody line\n.dot\n')
write('header', {
    'full': hdr(0, 0, full),
    'edits': hdr(5, 0, full,
                 bytes([0, 5]) + s('hello') + bytes([1, 0]) + s('from x\nby y')
                 + bytes([2, 5, 0]) + s('new\nline') + bytes([3, 0, 1]) + bytes([4, 6, 0])
                 + bytes([5, 0, 0, 10, 3]) + bytes([7])),
    'injection': hdr(0, 0, 'X: y\n\nb\n',
                     bytes([0, 8]) + s('a\n\nEvil: 1\n') + bytes([0, 8]) + s('a\r\nB: c\r\n')
                     + bytes([1, 0xe1]) + s('Name') + s('v\n \nw')),
    'bad-names': hdr(1, 0, 'A: b\n\n', bytes([0, 14]) + s('v') + bytes([0, 15]) + s('v') + bytes([0, 16]) + s('v')),
    'no-blank': hdr(3, 0, 'Subject: x\nFrom: y\n', bytes([4, 0xa0, 0, 6, 0, 0, 0, 200])),
    'body-only': hdr(0, 0, 'just a body line\nmore\n'),
    'cont-first': hdr(2, 0, ' cont\nX: y\n\nb\n'),
    'bad-line': hdr(0, 0, 'X: y\nBad line\nZ: w\n\n'),
    'nul': hdr(0, 0, 'X: a\x00b\n\nbody\n', bytes([4, 0xa0, 0])),
    'partial': hdr(4, 0, 'Subject: abc'),
    'hops': hdr(0, 0, 'Received: x\n' * 20 + 'Delivered-To: y\n\n', bytes([0, 3]) + s('z') + bytes([4, 1, 19])),
    'spill': hdr(64, 0x80 | 70, 'Subject: big\n\n', bytes([5, 0, 0x80, 0, 255, 6, 1, 0, 0, 40])),
})

# control: files separated by two NULs; file 0 is parsed, "$include X" reads
# file hash(X) mod n ("!X" is missing)
write('control', {
    'plain': '# comment\n  value one  \n\n\tvalue2\r\n#x\n',
    'include': 'a\n$include x\nb\n\x00\x00included\n$include y\n\x00\x00deep\n',
    'include-tab': '$include\t  name \n\x00\x00in\n',
    'include-missing': 'a\n$include !gone\nb\n',
    'include-bare': '$include\n$include \n$includex y\n',
    'loop': '$include self\nv\n',
    'nul': 'value\x00with nul\n',
    'plugins': ('relay\nbadmailfrom reject_type temp\nrcpt_ok\n'
                'queue/qmail-queue /var/qmail/bin/qmail-queue\ncheck_relay\nrelay_only\n'
                'logging/warn LOGWARN\nrelay:1 only 1\n'),
    'unsafe': 'relay \x01x\n',
    'words': ' '.join('w%d' % i for i in range(70)) + '\n',
})

# session: octet 0 = read size (bits 0-5) and RELAYCLIENT (bits 6-7)
def sess(b0, lines, raw=False):
    text = lines if raw else ''.join(l + '\r\n' for l in lines)
    return bytes([b0]) + text.encode('latin-1')

hello = ['EHLO client.example']
mail1 = ['MAIL FROM:<a@example.org>', 'RCPT TO:<u@example.com>', 'DATA']
body = ['Subject: hi', 'From: a@example.org', '', 'body', '.']
write('session', {
    'basic': sess(0, hello + mail1 + body + ['QUIT']),
    'helo-smtp': sess(1, ['HELO client.example', 'MAIL FROM:<>', 'RCPT TO:<postmaster>', 'DATA', 'x', '.', 'QUIT']),
    'pipelining': sess(0x05, hello + ['MAIL FROM:<a@b.example> SIZE=100 BODY=8BITMIME',
                       'RCPT TO:<u@example.com>', 'RCPT TO:<v@more.example>', 'RCPT TO:<w@x.sub.more.example>',
                       'RCPT TO:<w@elsewhere.example>', 'DATA'] + body
                       + ['MAIL FROM:<c@d.example>', 'RCPT TO:<u@fuzz.example>', 'DATA'] + body + ['QUIT']),
    'dot-stuffing': sess(0x03, hello + mail1 + ['..leading dot', '...', '.x', '', '..', '.', 'QUIT']),
    'data-bare-lf': sess(0, '\r\n'.join(hello + mail1) + '\r\nSubject: x\n\nbody\n.\n', raw=True),
    'data-bare-cr': sess(0, '\r\n'.join(hello + mail1) + '\r\nSubject: x\rbody\r\n.\r\n', raw=True),
    'command-bare-lf': sess(0x02, 'HELO x\nMAIL FROM:<>\nRCPT TO:<u@example.com>\nNOOP\nQUIT\n', raw=True),
    'long-command': sess(0x21, hello + ['NOOP ' + 'a' * 600, 'MAIL FROM:<' + 'b' * 520 + '@example.org>', 'QUIT']),
    'long-data-line': sess(0x22, hello + mail1 + ['Subject: long', '', 'x' * 1200, '.', 'QUIT']),
    'eight-bit': sess(0, ['HELO \xff\xfe', 'MAIL FROM:<\xc3\xa9@example.com>', 'MAIL FROM:<a@example.org>',
                     'RCPT TO:<\xe9@example.com>', 'RCPT TO:<u@example.com>', 'DATA',
                     'Subject: \xe9t\xe9', '', 'caf\xc3\xa9 \x00 nul', '.', 'QUIT']),
    'nul-command': sess(0, hello + ['NOOP a\x00b', 'QUIT']),
    'errors': sess(0x04, ['FOO'] * 3 + ['MAIL FROM:<a@b.example>', 'RCPT TO:<u@example.com>', 'DATA x',
                   'EXPN x', '', ' HELO x', 'HELO\tx'] + ['BAD'] * 20),
    'badmailfrom': sess(0, hello + ['MAIL FROM:<bad@example.com>', 'MAIL FROM:<x@spam.example>',
                        'MAIL FROM:<evil12@x.example>', 'MAIL FROM:<BAD@EXAMPLE.COM>', 'QUIT']),
    'many-rcpts': sess(0x10, hello + ['MAIL FROM:<a@example.org>'] + ['RCPT TO:<u%d@example.com>' % i for i in range(11)]
                       + ['DATA'] + body + ['QUIT']),
    'size-limits': sess(0x23, hello + ['MAIL FROM:<a@example.org> SIZE=5000', 'MAIL FROM:<a@example.org> SIZE=x',
                        'MAIL FROM:<a@example.org> BODY=BINARY', 'MAIL FROM:<a@example.org> SIZE=10',
                        'RCPT TO:<u@example.com>', 'DATA', 'Subject: big', ''] + ['y' * 70] * 60 + ['.', 'QUIT']),
    'hops': sess(0x24, hello + mail1 + ['Received: from h%d' % i for i in range(101)] + ['', 'b', '.', 'QUIT']),
    'relayclient': sess(0x80, hello + ['MAIL FROM:<a@example.org>', 'RCPT TO:<x@elsewhere.example>', 'DATA'] + body + ['QUIT']),
    'relayclient-append': sess(0xC0, hello + ['MAIL FROM:<a@example.org>', 'RCPT TO:<x@elsewhere.example>',
                               'RCPT TO:<postmaster>', 'DATA'] + body + ['QUIT']),
    'verbs': sess(0x08, ['RSET', 'NOOP', 'VRFY postmaster', 'HELP', 'HELP me', 'MAIL FROM:<a@b.example>', 'HELO a',
                  'HELO b', 'EHLO c', 'RCPT TO:<u@example.com>', 'DATA', 'MAIL FROM:<a@b.example>', 'DATA',
                  'RSET', 'RCPT TO:<u@example.com>', 'QUIT now']),
    'eof-in-data': sess(0, hello + mail1 + ['Subject: cut', '', 'partial']),
    'addresses': sess(0x09, hello + ['MAIL FROM:<@a.example,@b.example:s@c.example>', 'RCPT TO:<"q u"@example.com>',
                      'RCPT TO:<u@[192.0.2.1]>', 'RCPT TO:<>', 'RCPT TO:u@example.com', 'RCPT TO:<u@example.com',
                      'RCPT TO: <v@EXAMPLE.COM> NOTIFY=NEVER', 'RCPT TO:<w@example.com>x', 'QUIT']),
    'header-forms': sess(0x0b, hello + mail1 + ['no header line', 'x: y', '.', 'MAIL FROM:<a@b.example>',
                         'RCPT TO:<u@example.com>', 'DATA', ' continuation first', 'X: y', '', '.', 'QUIT']),
    'empty': sess(0, []),
})
# auth: octet 0 the mode (mod 5: 0 base64, 1 PLAIN, 2 CRAM-MD5, 3 LOGIN and
# xtext, 4 log masking), then the payload (tests/fuzz/auth.c)
write('auth', {
    'b64-plain': '\x00AGdvb2RAZXhhbXBsZS5jb20AZ29vZF9wYXNz',
    'b64-pad1': '\x00Zm9vYmE=',
    'b64-pad2': '\x00Zm9vYg==',
    'b64-badpad': '\x00Zh==',
    'b64-empty': '\x00',
    'b64-junk': '\x00Zm9v\r\nYg==',
    'plain-ok': '\x01\x00good@example.com\x00good_pass',
    'plain-authzid': '\x01other\x00good@example.com\x00good_pass',
    'plain-onenul': '\x01good@example.com\x00good_pass',
    'plain-threenul': '\x01\x00a\x00b\x00',
    'cram-ok': '\x02tim b913a602c7eda7a495b4e6e7334d3890',
    'cram-upper': '\x02a b B913A602C7EDA7A495B4E6E7334D3890',
    'cram-short': '\x02tim b913a602c7eda7a495b4e6e7334d389',
    'login-user': '\x03good@example.com',
    'login-nul': '\x03go\x00od',
    'xtext': '\x03a+2Bb+3Dc@example.com',
    'xtext-bad': '\x03a+2b+0A',
    'log-plain': '\x04AUTH PLAIN AGdvb2RAZXhhbXBsZS5jb20AZ29vZF9wYXNz',
    'log-lower': '\x04  auth\tlogin dXNlcg==',
    'log-other': '\x04MAIL FROM:<a@b.example>',
})
# rfc5322: one header field value, tried as a date-time and as an address-list
write('rfc5322', {
    'date-a11': 'Fri, 21 Nov 1997 09:55:06 -0600',
    'date-2digit-gmt': '21 Nov 97 09:55:06 GMT',
    'date-newfoundland': 'Thu, 13 Feb 1969 23:32 -0330 (Newfoundland Time)',
    'date-leap-second': 'Sat, 31 Dec 2016 23:59:60 +0000',
    'date-3digit-pdt': '1 Mar 049 00:00 PDT',
    'date-feb-30': '30 Feb 2000 00:00 +0000',
    'date-2038': 'Tue, 19 Jan 2038 03:14:08 +0000',
    'date-folded': 'Fri,\r\n 21 Nov 1997\n\t09:55:06\r\n -0600\r\n',
    'date-comments': '(c) Fri (d), 21 (x) Nov (y) 1997 09 (z) : 55 : 06(q)-0600 ((nested) end)',
    'date-obs-packed': 'fri,21nov97 09:55:06z',
    'date-9999-zone': '31 Dec 9999 23:59:59 -1200',
    'list-name-addr': 'John Doe <jdoe@machine.example>',
    'list-three': 'Mary Smith <mary@x.test>, jdoe@example.org, Who? <one@y.test>',
    'list-group': 'A Group:Ed Jones <c@a.test>,joe@where.test,John <jdoe@one.test>;',
    'list-empty-group': 'Undisclosed recipients:;',
    'list-comments': 'Pete(A nice \\) chap) <pete(his account)@silly.test(his host)>',
    'list-obs-route': 'Mary Smith <,@node.test,,@[192.0.2.1]:mary@example.net>',
    'list-quoted-local': '"john smith"@example.org, "a\\"b".c@d.test',
    'list-domain-literal': 'u@[IPv6:2001:db8::1], v@[ 192.0.2.1 ]',
    'list-empty-elements': 'a@b.test, , ,c@d.test,',
    'list-obs-blanks': 'jdoe . x @ example . org',
    'list-folded-quoted': '"folded\r\n local"@example.org,\n G: ,x@y.test,;',
    'list-escaped-name': '<boss@nil.test>, "Giant; \\"Big\\" Box" <sysservices@example.net>',
    'bad-dots': 'a..b@c.test',
    'bad-nested-group': 'G: H: a@b.test;;',
    'bad-open-comments': '(((((((',
    'bad-unterminated-quote': '"unterminated@x.test',
    'bad-8bit': 'J\xc3\xb6rg <j@example.de>',
    'bad-nul': 'a\0b@c.test (x\\\0y)',
    'bad-bare-cr': 'Fri,\r21 Nov 1997 09:55:06 -0600',
})
# session_hooks: octet 0 as for session, octet 1 the tape length, the tape
# (one octet per hook call of the oracle: verdict bits 0-2, message bits 3-4,
# action bits 5-7), then the client's bytes
import random
rnd = random.Random(5321)
def hooks(b0, tape, lines):
    return bytes([b0, len(tape)]) + bytes(tape) + sess(0, lines)[1:]
full_session = hello + mail1 + body + ['VRFY x', 'NOOP', 'HELP', 'FOO', 'RSET'] + mail1 + body + ['QUIT']
write('session_hooks', {
    'declined': hooks(0, [], full_session),
    'all-ok': hooks(0, [0x01] * 40, full_session),
    'all-deny': hooks(0, [0x02] * 40, full_session),
    'all-denysoft-codes': hooks(3, [0x13] * 40, full_session),
    'all-done-reply': hooks(0, [0xa6] * 40, full_session),
    'deny-disconnect-late': hooks(0, [0] * 8 + [0x04], full_session),
    'denysoft-disconnect-data': hooks(0, [0] * 7 + [0x05], full_session),
    'header-edits': hooks(0, [0x40 | k for k in range(40)], full_session),
    'address-rewrites': hooks(0, [0x20 | (k << 3 & 0x18) for k in range(40)], full_session),
    'reads-and-notes': hooks(0, [0xe0, 0xc0, 0xe1, 0xc1, 0xe0, 0x60, 0x61, 0xe0] * 5, full_session),
    'capabilities': hooks(0, [0x80, 0x80], ['EHLO a'] + mail1 + body + ['QUIT']),
    'invalid-verdicts': hooks(0, [0x07, 0x0f, 0x17, 0x1f] * 10, full_session),
    'long-messages': hooks(0, [0x1a, 0x1b, 0x1c, 0x1d] * 10, full_session),
    'random-1': hooks(0x05, [rnd.randrange(256) for _ in range(60)], full_session),
    'random-2': hooks(0x21, [rnd.randrange(256) for _ in range(60)], full_session),
})
# dns: octet 0 bits 0-2 = asked type (0 A, 1 AAAA, 2 MX, 3 TXT, 4 PTR, 5 A,
# 6 TXT, 7 CNAME), bit 3 = no why pointer; then a reply packet. Octet 0 bit 7
# = a name or address for dns_name_ok and dns_revname, bits 0-1 the zone
# (0 zone.test, 1 zone.test., 2 and 3 zones of 189 and 190 octets).
# Offsets: the header is 12 octets, the question x.test 8 + 4, so the first
# answer's owner is at 24 and its data at 36 (owner 0xc00c).
def dnsname(n):
    return b''.join(bytes([len(l)]) + l.encode() for l in n.split('.')) + b'\0'
def rr(name, t, rdata, cls=1, ttl=300):
    return name + struct.pack('>HHIH', t, cls, ttl, len(rdata)) + rdata
def dnspkt(qtype, answers=(), rcode=0, flags=0x80, qname=b'\1x\4test\0', ns=(), extra=()):
    h = struct.pack('>HBBHHHH', 0x1234, flags, rcode, 1, len(answers), len(ns), len(extra))
    return h + qname + struct.pack('>HH', qtype, 1) + b''.join(answers) + b''.join(ns) + b''.join(extra)
P = b'\xc0\x0c'
def txt(*ss):
    return b''.join(bytes([len(x)]) + x for x in ss)
def q(mode, pkt):
    return bytes([mode]) + pkt
def a4(*o):
    return rr(P, 1, bytes(o))
soa = rr(P, 6, dnsname('ns.x.test') + dnsname('host.x.test') + struct.pack('>IIIII', 1, 7200, 3600, 1209600, 300))
opt = rr(b'\0', 41, b'', cls=1232, ttl=0)
q191 = b''.join(b'\x3f' + bytes([c]) * 63 for c in b'qrs') + b'\0'    # 191 octets of text
a_one = dnspkt(1, [a4(127, 0, 0, 2)])
write('dns', {
    'a-one': q(0, a_one),
    'a-two': q(0, dnspkt(1, [a4(127, 0, 0, 2), a4(127, 0, 0, 4)])),
    'a-other-class': q(0, dnspkt(1, [rr(P, 1, bytes([127, 0, 0, 9]), cls=3), a4(127, 0, 0, 2)])),
    'a-big-ttl': q(5, dnspkt(1, [rr(P, 1, bytes([10, 0, 0, 1]), ttl=0xffffffff)])),
    'a-then-bad-a': q(0, dnspkt(1, [a4(127, 0, 0, 2), rr(P, 1, bytes([127, 0, 0, 3, 0]))])),
    'aaaa': q(1, dnspkt(28, [rr(P, 28, bytes(range(16)))])),
    'aaaa-mapped': q(1, dnspkt(28, [rr(P, 28, bytes(10) + b'\xff\xff' + bytes([192, 0, 2, 1]))])),
    'aaaa-short': q(1, dnspkt(28, [rr(P, 28, bytes(4))])),
    'mx-compressed': q(2, dnspkt(15, [rr(P, 15, struct.pack('>H', 10) + b'\4mail' + P),
                                      rr(P, 15, struct.pack('>H', 20) + b'\5mail2' + b'\xc0\x26')])),
    'mx-null': q(2, dnspkt(15, [rr(P, 15, struct.pack('>H', 0) + b'\0')])),
    'mx-odd-octets': q(2, dnspkt(15, [rr(P, 15, struct.pack('>H', 5) + b'\4a b.\3\x00\x7f\xff' + P)])),
    'txt-one': q(3, dnspkt(16, [rr(P, 16, txt(b'listed, see http://bl.test/'))])),
    'txt-several': q(6, dnspkt(16, [rr(P, 16, txt(b'v=spf1 ', b'ip4:192.0.2.0/24', b' -all')),
                                    rr(P, 16, txt(b'', b'\x00\x1f\x7f\xff\r\n'))])),
    'txt-4096': q(3, dnspkt(16, [rr(P, 16, txt(*[b'y' * 255] * 16 + [b'z' * 16]))])),
    'txt-4097': q(3, dnspkt(16, [rr(P, 16, txt(*[b'y' * 255] * 16 + [b'z' * 17]))])),
    'txt-5000': q(3, dnspkt(16, [rr(P, 16, txt(*[b'y' * 250] * 20))])),
    'ptr': q(4, dnspkt(12, [rr(P, 12, dnsname('host.example.test'))], qname=dnsname('2.0.0.127.in-addr.arpa'))),
    'nxdomain': q(0, dnspkt(1, rcode=3, flags=0x84, ns=[soa])),
    'nodata': q(0, dnspkt(1, ns=[soa])),
    'servfail': q(0, dnspkt(1, rcode=2)),
    'refused-no-why': q(8, dnspkt(1, rcode=5)),
    'cname-then-a': q(0, dnspkt(1, [rr(P, 5, b'\3alt' + P), rr(b'\xc0\x24', 1, bytes([192, 0, 2, 1]))])),
    'cname-asked': q(7, dnspkt(5, [rr(P, 5, b'\3alt' + P)])),
    'loop-self': q(0, dnspkt(1, [rr(b'\xc0\x18', 1, bytes([1, 2, 3, 4]))])),
    'loop-question': q(0, dnspkt(1, [rr(b'\1y\xc0\x0c', 1, bytes([1, 2, 3, 4]))], qname=b'\1x\xc0\x1c')),
    'forward-pointer': q(0, dnspkt(1, [rr(b'\xc0\x24', 1, bytes([0, 2, 3, 4]))])),
    'pointer-past-end': q(0, dnspkt(1, [rr(b'\xc0\x40', 1, bytes([1, 2, 3, 4]))])),
    'pointer-into-header': q(0, dnspkt(1, [rr(b'\xc0\x02', 1, bytes([1, 2, 3, 4]))])),
    'label-64': q(0, dnspkt(1, [rr(b'\x40' + b'x' * 64 + b'\0', 1, bytes([1, 2, 3, 4]))])),
    'ptr-name-253': q(4, dnspkt(12, [rr(P, 12, b'\x3d' + b'p' * 61 + b'\xc0\x0c')], qname=q191)),
    'ptr-name-over-255': q(4, dnspkt(12, [rr(P, 12, b'\x3f' + b'p' * 63 + b'\x3f' + b'o' * 63 + b'\xc0\x0c')], qname=q191)),
    'a-40': q(0, dnspkt(1, [a4(127, 0, 0, k) for k in range(40)])),
    'rdlength-past-end': q(0, a_one[:-2]),
    'header-only': q(0, a_one[:12]),
    'header-zero-counts': q(0, struct.pack('>HBBHHHH', 1, 0x80, 0, 0, 0, 0, 0)),
    'short-header': q(0, a_one[:11]),
    'truncated-bit': q(0, dnspkt(1, [a4(127, 0, 0, 2)], flags=0x82)),
    'edns-opt': q(0, dnspkt(1, [a4(127, 0, 0, 2)], extra=[opt])),
    'query-not-reply': q(0, dnspkt(1, flags=0x00)),
    'name-ok': b'\x80mail.example.test',
    'name-final-dot': b'\x80Mail_1.example-test.',
    'name-empty-label': b'\x80a..b',
    'name-leading-dot': b'\x80.a',
    'name-253': b'\x80' + b'.'.join([b'n' * 63] * 3 + [b'n' * 61]),
    'name-254': b'\x80' + b'.'.join([b'n' * 63] * 3 + [b'n' * 62]),
    'name-label-64': b'\x80' + b'x' * 64 + b'.test',
    'name-blank': b'\x80a b.test',
    'rev-ipv4': b'\x80192.0.2.1',
    'rev-ipv4-zone-dot': b'\x81192.0.2.1',
    'rev-ipv4-leading-zero': b'\x80192.0.2.01',
    'rev-ipv4-256': b'\x80256.0.2.1',
    'rev-ipv4-long-zone': b'\x83255.255.255.255',
    'rev-ipv6': b'\x802001:db8::1',
    'rev-ipv6-zone-189': b'\x82ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff',
    'rev-ipv6-zone-190': b'\x832001:db8::1',
    'rev-ipv6-one-group': b'\x801:2:3:4:5:6:7::',
    'rev-ipv6-five-digits': b'\x80::01234',
    'rev-mapped': b'\x80::ffff:192.0.2.1',
    'rev-empty': b'\x80',
})

# resp: a Redis reply stream (the store's answers), cut at NULs into the
# arguments of a command for the encoder
write('resp', {
    'status-ok': b'+OK\r\n',
    'error-wrongpass': b'-WRONGPASS invalid username-password pair or user is disabled.\r\n',
    'error-script': b'-QCNOTCOUNTER not a counter script: 1f0\r\n',
    'integer': b':500\r\n',
    'integer-negative': b':-9223372036854775808\r\n',
    'integer-overflow': b':9223372036854775808\r\n',
    'bulk': b'$12\r\n1060:c:5\x00abc\r\n',
    'bulk-empty': b'$0\r\n\r\n',
    'bulk-short': b'$100\r\nhalf',
    'bulk-no-crlf': b'$3\r\nabcde',
    'nil': b'$-1\r\n',
    'nil-leading-zero': b'$-01\r\n',
    'two-replies': b'+OK\r\n:1\r\n',
    'array': b'*1\r\n$1\r\nx\r\n',
    'resp3-map': b'%1\r\n+a\r\n+b\r\n',
    'lone-lf': b'+OK\n',
    'http': b'HTTP/1.1 400 Bad Request\r\n\r\n',
    'args': b'GET\x00qc:grey:k',
})

# spamd: the answer of spamd to HEADERS (the spamassassin plugin's reply
# parser): ham and GTUBE as SpamAssassin 4.0 wrote them, an error status,
# Yes/No spellings, and the ways a reply goes wrong
HAM_BLOCK = (b'X-Spam-Checker-Version: SpamAssassin 4.0.1 (2024-03-25) on vm\nX-Spam-Level: ***\n'
             b'X-Spam-Status: No, score=3.3 required=5.0 tests=MISSING_DATE,MISSING_MID,\n'
             b'\tNO_RECEIVED,NO_RELAYS autolearn=no autolearn_force=no version=4.0.1\n'
             b'Subject: hello\nFrom: a@b.test\nTo: c@example.test\n\n')
SPAM_BLOCK = (b'Received: from localhost by vm\n\twith SpamAssassin (version 4.0.1);\n'
              b'\tSat, 05 Dec 2026 18:06:25 +0000\nX-Spam-Flag: YES\nX-Spam-Level: ******\n'
              b'X-Spam-Status: Yes, score=1003.3 required=5.0 tests=GTUBE\n\n')


def spamd(spam, score, block, status=b'SPAMD/1.1 0 EX_OK'):
    return (status + b'\r\nContent-length: %d\r\nSpam: %s ; %s / 5.0\r\n\r\n' % (len(block), spam, score)) + block


write('spamd', {
    'ham': spamd(b'False', b'3.3', HAM_BLOCK),
    'spam': spamd(b'True', b'1003.3', SPAM_BLOCK),
    'yes-negative': spamd(b'Yes', b'-2.125', b'X-Spam-Status: No\r\n\r\n'),
    'error': b'SPAMD/1.0 76 Bad header line: (Content-length mismatch)\r\n\r\n',
    'short': spamd(b'False', b'0.0', HAM_BLOCK)[:-20],
    'long': spamd(b'False', b'0.0', HAM_BLOCK) + b'x',
    'no-empty-line': spamd(b'False', b'0.0', b'X-Spam-Status: No\n'),
    'continuation-first': spamd(b'False', b'0.0', b'\tX-Spam-Status: No\n\n'),
    'garbage': b'HTTP/1.0 200 OK\r\n\r\n',
})

# milter: octet 0 = the data limit (mod 3: 64 KiB, MDS_256K, MDS_1M), then
# the packets a milter sends: 4-octet big-endian length (command included),
# the command octet, the data (libmilter's mfdef.h)
def mpkt(cmd, data=b''):
    return struct.pack('>I', len(data) + 1) + cmd + data

write('milter', {
    'optneg': b'\0' + mpkt(b'O', struct.pack('>III', 6, 0x1ff, 0x1000a0)),
    'optneg-symlist': b'\0' + mpkt(b'O', struct.pack('>III', 6, 0x1ff, 0) + struct.pack('>I', 2) + b'{mail_addr} i\0' + struct.pack('>I', 3) + b'{rcpt_addr}\0'),
    'continue-accept': b'\0' + mpkt(b'c') + mpkt(b'a'),
    'eom-mods': b'\0' + mpkt(b'p') + mpkt(b'h', b'X-Spam\0yes\0') + mpkt(b'i', struct.pack('>I', 0) + b'X-First\0top\0')
        + mpkt(b'm', struct.pack('>I', 1) + b'Subject\0\0') + mpkt(b'b', b'new body\r\n') + mpkt(b'e', b'<a@b.test>\0SIZE=10\0')
        + mpkt(b'+', b'<c@d.test>\0') + mpkt(b'2', b'<e@f.test>\0NOTIFY=NEVER\0') + mpkt(b'-', b'<c@d.test>\0')
        + mpkt(b'q', b'looks bad\0') + mpkt(b'c'),
    'replycode': b'\0' + mpkt(b'y', b'554 5.7.1 go away\0'),
    'replycode-multiline': b'\0' + mpkt(b'y', b'451-4.7.1 first\r\n451 4.7.1 last\0'),
    'replycode-bad-class': b'\0' + mpkt(b'y', b'250 2.0.0 fine\0'),
    'reject-with-data': b'\0' + mpkt(b'r', b'x'),
    'unknown': b'\0' + mpkt(b'Z'),
    'zero-length': b'\0' + b'\0\0\0\0',
    'oversized': b'\0' + struct.pack('>I', 70000) + b'b',
    'big-1m': b'\2' + struct.pack('>I', 300000) + b'b',
    'truncated': b'\0' + mpkt(b'h', b'X-A\0value\0')[:-3],
    'header-no-nul': b'\0' + mpkt(b'h', b'X-A\0value'),
})

print('seeds written under', corpus)

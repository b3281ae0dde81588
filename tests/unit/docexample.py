#!/usr/bin/python3
# ISC license.
# tests/unit/docexample: the complete example plugin of doc/plugin-api is
# compiled as a new contributor would build it (-Isrc/include alone, -Werror),
# and defines exactly its descriptor and uses nothing of the core but qp_*.
import os, re, subprocess, sys, tempfile

top = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..')
os.chdir(top)
text = open('doc/plugin-api').read()
part = text[text.index('### A complete example'):]
m = re.search(r'```c\n(.*?)```', part, re.S)
failed = 0

def result(ok, name, why=''):
    global failed
    if ok:
        print('ok - docexample: ' + name)
    else:
        failed += 1
        print('FAIL - docexample: %s: %s' % (name, why))

result(m is not None, 'doc/plugin-api has a complete example', 'no ```c block after the heading')
if m:
    with tempfile.TemporaryDirectory() as d:
        src, obj = os.path.join(d, 'helo_dot.c'), os.path.join(d, 'helo_dot.o')
        open(src, 'w').write(m.group(1))
        cc = os.environ.get('CC', 'cc')
        r = subprocess.run([cc, '-std=c99', '-Wall', '-Wextra', '-Werror', '-D_GNU_SOURCE', '-Isrc/include',
                            '-c', '-o', obj, src], capture_output=True, text=True)
        result(r.returncode == 0, 'the example compiles with -Isrc/include alone', r.stderr[-1500:])
        if r.returncode == 0:
            nm = subprocess.run(['nm', '-P', obj], capture_output=True, text=True).stdout.splitlines()
            glob = [l.split()[0] for l in nm if len(l.split()) > 1 and l.split()[1] in 'TDRBCG']
            undef = [l.split()[0] for l in nm if len(l.split()) > 1 and l.split()[1] == 'U']
            result(glob == ['plugin_helo_dot'], 'it exports only its descriptor', repr(glob))
            core = [s for s in undef if s.startswith(('hook_', 'smtp_', 'session_', 'reply_', 'io_', 'log_', 'sess', 'txn_', 'msg_', 'control_'))]
            result(not core, 'it uses only qp_* of the core', repr(core))
sys.exit(1 if failed else 0)

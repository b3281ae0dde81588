#!/usr/bin/python3
# ISC license.
# tests/unit/layering: the core's link-level layering (issue 8, STYLE "a
# library never calls up"): no cycle among the src/*.o modules (nm), and
# plugins reach the core only through the public API (qp_* symbols, and no
# header but <qcsmtpd/plugin.h> of ours).
import glob, os, re, subprocess, sys

top = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..')
os.chdir(top)
failed = 0

def ok(name):
    print('ok - layering: ' + name)

def fail(name, why):
    global failed
    failed += 1
    print('FAIL - layering: %s: %s' % (name, why))

def symbols(obj):
    out = subprocess.run(['nm', '-P', obj], capture_output=True, text=True, check=True).stdout
    d, u = set(), set()
    for line in out.splitlines():
        p = line.split()
        if len(p) < 2:
            continue
        (u if p[1] == 'U' else d if p[1] in 'TDBRCGSVW' else set()).add(p[0])
    return d, u

core = sorted(o for o in glob.glob('src/*.o') if os.path.basename(o) not in ('main.o', 'plugin_table.o'))
if not core:
    fail('objects', 'no src/*.o: run make first')
    sys.exit(1)
defs, undefs, owner = {}, {}, {}
for o in core:
    defs[o], undefs[o] = symbols(o)
    for s in defs[o]:
        owner[s] = o
graph = {o: sorted({owner[s] for s in undefs[o] if s in owner and owner[s] != o}) for o in core}

# Tarjan's strongly connected components, iteratively
index, low, stack, on, sccs, counter = {}, {}, [], set(), [], [0]
for root in core:
    if root in index:
        continue
    work = [(root, 0)]
    while work:
        v, i = work.pop()
        if i == 0:
            index[v] = low[v] = counter[0]; counter[0] += 1
            stack.append(v); on.add(v)
        if i < len(graph[v]):
            work.append((v, i + 1))
            w = graph[v][i]
            if w not in index:
                work.append((w, 0))
            elif w in on:
                low[v] = min(low[v], index[w])
            continue
        for w in graph[v]:
            if w in on:
                low[v] = min(low[v], low[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop(); on.discard(w); comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                sccs.append(sorted(comp))
if sccs:
    for c in sccs:
        edges = ['%s -> %s (%s)' % (a, b, ', '.join(sorted(s for s in undefs[a] if owner.get(s) == b)))
                 for a in c for b in graph[a] if b in c]
        fail('no cycle among src objects', '; '.join(edges))
else:
    ok('no cycle among %d src objects' % len(core))

# plugins: only qp_* from the core, only our public header
for src in sorted(glob.glob('plugins/**/*.c', recursive=True)):
    obj = src[:-2] + '.o'
    name = src
    bad_inc = [l.strip() for l in open(src) if re.match(r'\s*#\s*include\s*"', l)
               or (re.match(r'\s*#\s*include\s*<qcsmtpd/', l) and 'qcsmtpd/plugin.h' not in l)]
    if bad_inc:
        fail(name + ' includes only the public header', ', '.join(bad_inc))
    else:
        ok(name + ' includes only the public header')
    if not os.path.exists(obj):
        continue
    _, u = symbols(obj)
    reach = sorted(s for s in u if s in owner and not s.startswith('qp_'))
    if reach:
        fail(name + ' uses only qp_* of the core', ', '.join(reach))
    else:
        ok(name + ' uses only qp_* of the core')
sys.exit(1 if failed else 0)

#!/usr/bin/python3
# ISC license.
# tests/unit/plugin_map: doc/plugins/README's table of qpsmtpd plugin names
# (issue 11) is whole and agrees with plugins/: src/plugin_map.inc is what
# src/plugin_map.awk makes of it; every plugin of plugins/ and each of its
# aliases has a `yes` row naming it; every `yes` row names a plugin of
# plugins/; and every name in Debian's qpsmtpd 0.94 plugins directory (when
# the package is installed) has a row.
import glob, os, re, subprocess, sys

top = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..')
os.chdir(top)
failed = 0

def ok(name):
    print('ok - plugin_map: ' + name)

def fail(name, why):
    global failed
    failed += 1
    print('FAIL - plugin_map: %s: %s' % (name, why))

rows = {}
dup = []
for line in open('doc/plugins/README'):
    f = [x.strip() for x in line.rstrip('\n').split('|')]
    if len(f) == 6 and f[2] in ('yes', 'planned', 'retired'):
        if f[1] in rows:
            dup.append(f[1])
        rows[f[1]] = (f[2], f[3], f[4])
if len(rows) < 100:
    fail('rows', 'only %d rows read from doc/plugins/README' % len(rows))
elif dup:
    fail('rows', 'names listed twice: %s' % ', '.join(dup))
else:
    ok('%d rows, each name once' % len(rows))

gen = subprocess.run(['awk', '-f', 'src/plugin_map.awk', 'doc/plugins/README'], capture_output=True, text=True)
if gen.returncode:
    fail('generated table', 'awk: ' + gen.stderr.strip())
elif gen.stdout != open('src/plugin_map.inc').read():
    fail('generated table', 'src/plugin_map.inc is not what src/plugin_map.awk makes of doc/plugins/README: run make')
elif gen.stdout.count('\n') - 1 != len(rows):
    fail('generated table', '%d C rows for %d README rows' % (gen.stdout.count('\n') - 1, len(rows)))
else:
    ok('src/plugin_map.inc matches doc/plugins/README')

# plugins/: name and aliases of each descriptor, from the source
plugins = {}
for f in sorted(glob.glob('plugins/**/*.c', recursive=True)):
    if f.startswith('plugins/test/'):
        continue
    src = open(f).read()
    d = re.search(r'^qp_plugin const \w+ =\s*\{(.*?)^\}', src, re.M | re.S)
    m = d and re.search(r'\.name\s*=\s*"([^"]+)"', d.group(1))
    if not m:
        fail(f, 'no .name in the descriptor')
        continue
    aliases = []
    a = re.search(r'\.aliases\s*=\s*(\w+)\s*,', d.group(1))
    if a and a.group(1) != '0':
        arr = re.search(r'\b' + a.group(1) + r'\[\]\s*=\s*\{([^}]*)\}', src)
        aliases = re.findall(r'"([^"]+)"', arr.group(1)) if arr else None
        if aliases is None:
            fail(f, 'cannot find the aliases array %s' % a.group(1))
            aliases = []
    plugins[m.group(1)] = aliases

bad = []
for name, aliases in plugins.items():
    for n in [name] + aliases:
        r = rows.get(n)
        if not r or r[0] != 'yes' or r[1] != name:
            bad.append('%s (%s): %s' % (n, name, r and '%s %s' % r[:2] or 'no row'))
if bad:
    fail('every plugin and alias has a yes row naming it', '; '.join(bad))
else:
    ok('every plugin of plugins/ (%d) and alias has a yes row naming it' % len(plugins))

bad = ['%s -> %s' % (n, r[1]) for n, r in rows.items() if r[0] == 'yes' and r[1] not in plugins]
if bad:
    fail('yes rows name plugins of plugins/', ', '.join(bad))
else:
    ok('every yes row names a plugin of plugins/')

bad = [n for n, r in rows.items() if r[0] != 'yes' and not r[2].strip()]
if bad:
    fail('planned and retired rows say why', ', '.join(bad))
else:
    ok('every planned or retired row has a note')

deb = '/usr/share/qpsmtpd/plugins'
if os.path.isdir(deb):
    names = sorted(os.path.relpath(os.path.join(d, f), deb) for d, _, fs in os.walk(deb) for f in fs)
    missing = [n for n in names if n not in rows]
    if missing:
        fail('Debian qpsmtpd 0.94 plugins listed', ', '.join(missing))
    else:
        ok('every name of %s (%d) has a row' % (deb, len(names)))
else:
    print('ok - plugin_map: Debian qpsmtpd 0.94 plugins listed # SKIP qpsmtpd is not installed')
sys.exit(1 if failed else 0)

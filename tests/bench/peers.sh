#!/bin/sh
# ISC license.
# tests/bench/peers.sh: installs what make bench compares against, when
# missing: ucspi-tcp (tcpserver), Debian's qpsmtpd 0.94 and Postfix (its smtpd,
# and smtp-source), dnsmasq and Net::IP for the DNS row, redis-server for the
# store's Redis row. Postfix goes in unconfigured ("No configuration") and the
# system instance is never left running: make bench runs its own instances on
# loopback ports with their own configuration directories.
# The content filter rows' scanners (spamd, clamav-daemon, rspamd, and
# libclamav-client-perl for qpsmtpd's clamdscan) are not installed here: they
# are large and the rows skip themselves, naming the package, when one is
# missing (tests/bench/scanners.py, method.md).
set -eu

need=
command -v tcpserver >/dev/null 2>&1 || need="$need ucspi-tcp"
test -x /usr/bin/qpsmtpd-forkserver || need="$need qpsmtpd"
test -x /usr/sbin/postfix && test -x /usr/sbin/smtp-source || need="$need postfix"
# the DNS row: dnsmasq answers both servers; qpsmtpd's resolvable_fromhost needs Net::IP
command -v dnsmasq >/dev/null 2>&1 || test -x /usr/sbin/dnsmasq || need="$need dnsmasq-base"
perl -MNet::IP -e 1 >/dev/null 2>&1 || need="$need libnet-ip-perl"
command -v redis-server >/dev/null 2>&1 || need="$need redis-server"
command -v file >/dev/null 2>&1 || need="$need file"
command -v ldd >/dev/null 2>&1 || need="$need libc-bin"
# cc builds the floor and the load generator; size lists sections
command -v cc >/dev/null 2>&1 || need="$need gcc libc6-dev"
command -v size >/dev/null 2>&1 || need="$need binutils"

if [ -n "$need" ]; then
  if [ "$(id -u)" != 0 ]; then
    echo "bench: need$need; run as root, or install them first" >&2
    exit 100
  fi
  echo "bench: installing$need" >&2
  echo 'postfix postfix/main_mailer_type select No configuration' | debconf-set-selections
  echo 'qpsmtpd qpsmtpd/startup_enabled boolean false' | debconf-set-selections
  export DEBIAN_FRONTEND=noninteractive
  # no service may start from the package scripts: make bench runs its own
  # instances (restored right after, if one was there)
  prc=/usr/sbin/policy-rc.d had=
  if [ -e "$prc" ]; then had=1; mv "$prc" "$prc.bench"; fi
  printf '#!/bin/sh\nexit 101\n' > "$prc"; chmod 755 "$prc"
  rc=0
  { apt-get update -qq && apt-get install -y -qq --no-install-recommends $need >/dev/null; } || rc=$?
  rm -f "$prc"
  if [ -n "$had" ]; then mv "$prc.bench" "$prc"; fi
  if [ "$rc" != 0 ]; then echo "bench: apt-get install$need failed" >&2; exit 111; fi
fi

# The system Postfix must not be running or listening on port 25 (an earlier
# install may have started it): stop it if it runs.
if [ -e /etc/postfix/main.cf ] && /usr/sbin/postfix status >/dev/null 2>&1; then
  echo "bench: stopping the system Postfix" >&2
  /usr/sbin/postfix stop >/dev/null 2>&1 || true
fi
exit 0

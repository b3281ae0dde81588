#!/bin/bash
# ISC license.
# tests/bench/sessions.sh: sessions/s of N sequential one-message sessions under
# tcpserver, qcsmtpd (qmail-smtpd-equivalent plugin set) against the floor (a
# static program that greets, answers 250 and fork+execs the same qmail-queue
# stand-in per message), alternating, ROUNDS times; prints medians and the ratio.
# Usage: tests/bench/sessions.sh [sessions] [rounds] [concurrency]
set -eu
cd "$(dirname -- "$0")/../.."
n=${1:-300} rounds=${2:-5} conc=${3:-1}
work=$(mktemp -d)
pids=
trap 'for p in $pids; do kill $p 2>/dev/null || true; done; rm -rf "$work"' EXIT
test -x qcsmtpd || make -s qcsmtpd
test -x tests/qmail-queue || make -s tests/qmail-queue
cc -O2 -static -o "$work/floor" tests/bench/floor.c
cc -O2 -o "$work/smtpload" tests/bench/smtpload.c
mkdir -p "$work/control" "$work/qq"
printf 'example.com\n' > "$work/control/rcpthosts"
printf 'bench.example\n' > "$work/control/me"
printf 'relay\nbadmailfrom\nrcpt_ok\nqueue/qmail-queue\n' > "$work/control/plugins"
export QCSMTPD_CONTROL="$work/control" QMAILQUEUE="${BENCH_QQ:-$PWD/tests/qmail-queue}" QQ_DIR="$work/qq"

freeport () { /usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

one () {  # prog -> sessions/s
  local port pid out
  port=$(freeport)
  tcpserver -R -H -l 0 -c 200 127.0.0.1 "$port" "$1" 2>/dev/null &
  pid=$!
  pids="$pids $pid"
  for _ in 1 2 3 4 5 6 7 8 9 10; do
    /usr/bin/python3 -c "import socket,sys; socket.create_connection(('127.0.0.1',$port),1).close()" 2>/dev/null && break
    sleep 0.1
  done
  rm -f "$work"/qq/*
  out=$("$work/smtpload" "$port" "$n" "$conc")
  kill "$pid"; wait "$pid" 2>/dev/null || true
  case "$out" in "$n/$n "*) ;; *) echo "bench: $1: $out" >&2; exit 1 ;; esac
  echo "$out" | sed 's/.*: \([0-9.]*\) sessions\/s/\1/'
}

median () { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

: > "$work/floor.txt"; : > "$work/q.txt"
for r in $(seq "$rounds"); do
  if [ $((r % 2)) = 1 ]; then one "$work/floor" >> "$work/floor.txt"; one "$PWD/qcsmtpd" >> "$work/q.txt"
  else one "$PWD/qcsmtpd" >> "$work/q.txt"; one "$work/floor" >> "$work/floor.txt"; fi
done
f=$(median < "$work/floor.txt"); q=$(median < "$work/q.txt")
echo "floor:   median $f sessions/s (runs: $(tr '\n' ' ' < "$work/floor.txt"))"
echo "qcsmtpd: median $q sessions/s (runs: $(tr '\n' ' ' < "$work/q.txt"))"
awk -v f="$f" -v q="$q" 'BEGIN { printf "ratio qcsmtpd/floor: %.3f\n", q / f }'

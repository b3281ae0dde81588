#!/bin/sh
# ISC license.
# tests/fuzz/run.sh: what `make fuzz` runs (tests/fuzz/README). For each
# harness: replay every input of tests/fuzz/regress/<corpus>/ once, then fuzz
# for SECONDS starting from the committed seeds of tests/fuzz/corpus/<corpus>/
# (read only: new inputs go to a scratch directory), and print a summary.
# Exit 1 if any harness crashed, leaked, timed out or failed an invariant.
#
#   tests/fuzz/run.sh [-t SECONDS] [HARNESS...]
#
# Environment: FUZZ_BUILD (default tests/fuzz/build), FUZZ_ARGS (more libFuzzer
# flags for every harness), FUZZ_KEEP=1 (keep the scratch corpora).
set -u
cd "$(dirname -- "$0")/../.." || exit 1
top=$(pwd)
seconds=60
if [ "${1-}" = -t ] ; then seconds=$2 ; shift 2 ; fi
[ $# -gt 0 ] || set -- cmd addr params data header control auth pem args rfc5322 dns resp clamd spamd milter session session_qq session_hooks
build=${FUZZ_BUILD:-tests/fuzz/build}
case $build in /*) ;; *) build=$top/$build ;; esac
fuzz=$top/tests/fuzz

# harness -> seed corpus (and regression) directory, dictionary, flags
corpus_of () { case $1 in session_qq) echo session ;; *) echo "$1" ;; esac ; }
dict_of () {
  case $1 in
    cmd|session|session_qq|session_hooks) echo smtp ;;
    addr|params|control|header|pem|args|rfc5322) echo "$1" ;;
  esac
}
flags_of () {
  case $1 in
    cmd|addr|params) echo "-max_len=1024" ;;
    auth) echo "-max_len=4096" ;;
    data|control|dns) echo "-max_len=4096" ;;
    header|rfc5322) echo "-max_len=8192" ;;
    args) echo "-max_len=2048" ;;
    clamd) echo "-max_len=1100" ;;
    pem) echo "-max_len=16384" ;;
    # the session logs every event on fd 2 (loglevel 7, for coverage): keep
    # libFuzzer's own output and the reports, drop the log
    session|session_qq|session_hooks) echo "-max_len=12000 -close_fd_mask=2" ;;
  esac
}

# readable stack traces when llvm-symbolizer is not on PATH
if ! command -v llvm-symbolizer >/dev/null 2>&1 ; then
  for s in /usr/lib/llvm-*/bin/llvm-symbolizer ; do
    [ -x "$s" ] && { ASAN_SYMBOLIZER_PATH=$s ; export ASAN_SYMBOLIZER_PATH ; break ; }
  done
fi
UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
export UBSAN_OPTIONS

scratch=$(mktemp -d "${TMPDIR:-/tmp}/qcsmtpd-fuzz.XXXXXX") || exit 1
[ "${FUZZ_KEEP-}" = 1 ] || trap 'rm -rf "$scratch"' EXIT
mkdir -p "$build/logs" "$build/artifacts" "$scratch/tmp"
# the harnesses' own temporary directories (spool, control) go there too, so
# that a crashed harness leaves nothing behind
TMPDIR=$scratch/tmp
export TMPDIR
summary=$scratch/summary
printf '%-13s %-7s %9s %8s %6s %7s %9s %s\n' harness result runs exec/s cov ft corpus regress > "$summary"
failed=0

# stat NAME LOG: libFuzzer's final stat::NAME value
stat () { sed -n "s/^stat::$1: *//p" "$2" | tail -n 1 ; }
# field NAME LOG: the value after "NAME: " on libFuzzer's last status line
field () { grep -E '^#[0-9]+' "$2" | tail -n 1 | sed -n "s/.* $1: \([^ ]*\).*/\1/p" ; }

for h in "$@" ; do
  bin=$build/$h
  c=$(corpus_of "$h")
  d=$(dict_of "$h")
  flags=$(flags_of "$h")
  [ -n "$d" ] && flags="$flags -dict=$fuzz/dict/$d.dict"
  log=$build/logs/$h.log
  art=$build/artifacts/$h
  mkdir -p "$art"
  if [ ! -x "$bin" ] ; then
    echo "make fuzz: $bin is missing (make fuzz-build)" >&2
    printf '%-13s %-7s\n' "$h" missing >> "$summary"
    failed=1
    continue
  fi
  : > "$log"
  # 1. regressions: every input that ever crashed a harness, run once
  nreg=0 ; regok=ok
  if [ -d "$fuzz/regress/$c" ] ; then
    set --
    for f in "$fuzz/regress/$c"/* ; do [ -f "$f" ] && set -- "$@" "$f" ; done
    nreg=$#
    if [ $nreg -gt 0 ] ; then
      echo "== $h: replaying $nreg regression inputs" >> "$log"
      # shellcheck disable=SC2086
      "$bin" $flags -timeout=10 -artifact_prefix="$art/" "$@" >> "$log" 2>&1 || regok=FAIL
    fi
  fi
  # 2. fuzzing from the seeds, new inputs in a scratch corpus
  mkdir -p "$scratch/$h"
  echo "== $h: fuzzing for $seconds s" >> "$log"
  echo "make fuzz: $h: $seconds s" >&2
  # shellcheck disable=SC2086
  "$bin" $flags ${FUZZ_ARGS-} -max_total_time="$seconds" -timeout=10 -print_final_stats=1 \
    -artifact_prefix="$art/" "$scratch/$h" "$fuzz/corpus/$c" >> "$log" 2>&1
  rc=$?
  result=ok
  [ $rc = 0 ] || result=CRASH
  [ $regok = ok ] || result=REGRESS
  [ $result = ok ] || failed=1
  printf '%-13s %-7s %9s %8s %6s %7s %9s %s\n' "$h" "$result" \
    "$(stat number_of_executed_units "$log")" "$(stat average_exec_per_sec "$log")" \
    "$(field cov "$log")" "$(field ft "$log")" "$(field corp "$log")" "$nreg:$regok" >> "$summary"
  if [ $result != ok ] ; then
    echo "make fuzz: $h failed; log: $log" >&2
    grep -E 'fuzz invariant failed|^==[0-9]+==ERROR|SUMMARY:|runtime error|Test unit written' "$log" | head -n 20 >&2
    echo "make fuzz: the inputs are in $art/; replay one with: $bin $flags FILE" >&2
    echo "make fuzz: keep it as a regression test: cp FILE tests/fuzz/regress/$c/" >&2
  fi
done

echo
cat "$summary"
if [ $failed = 0 ] ; then echo "make fuzz: every harness passed" ; else echo "make fuzz: FAILED" ; fi
exit $failed

# ISC license.
# plugin_map.awk: doc/plugins/README's table of qpsmtpd plugin names ->
# src/plugin_map.inc, the rows of src/pluginmap.c's table. Rows are
# "| name | yes|planned|retired | qcsmtpd plugin | note |"; anything else
# in the file is prose. A malformed row stops the build.
function trim(s) { sub(/^[ \t]+/, "", s) ; sub(/[ \t]+$/, "", s) ; return s }
function cstr(s) { gsub(/\\/, "\\\\", s) ; gsub(/"/, "\\\"", s) ; return "\"" s "\"" }
BEGIN { intable = 0 ; print "/* Generated from doc/plugins/README by src/plugin_map.awk: edit the README. */" }
/^\| name \| status \|/ { intable = 1 ; next }
intable && /^\|---/ { next }
intable && /^\|/ {
  n = split($0, f, "|")
  if (n != 6) { print "plugin_map.awk: " FILENAME ":" FNR ": not 4 columns" > "/dev/stderr" ; bad = 1 ; exit 1 }
  name = trim(f[2]) ; st = trim(f[3]) ; pl = trim(f[4]) ; note = trim(f[5])
  if (name == "" || (st != "yes" && st != "planned" && st != "retired") || (st == "yes" && pl == "")) {
    print "plugin_map.awk: " FILENAME ":" FNR ": bad row" > "/dev/stderr" ; bad = 1 ; exit 1
  }
  printf "{ %s, %s, %s, %s },\n", cstr(name), st == "yes" ? "MAP_YES" : st == "planned" ? "MAP_PLANNED" : "MAP_RETIRED", cstr(pl), cstr(note)
  rows++
  next
}
intable && !/^\|/ { intable = 0 }
END { if (!bad && !rows) { print "plugin_map.awk: no table in " FILENAME > "/dev/stderr" ; exit 1 } }

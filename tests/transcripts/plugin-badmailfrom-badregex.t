# badmailfrom: a pattern that does not compile is a configuration error.
control me mx.example.test
control badmailfrom good@b.test
control badmailfrom_patterns <<END
^(unclosed@.*$
END
<= 421 4.3.0 mx.example.test Service temporarily unavailable (configuration error)
<eof
exit 100
log badmailfrom_patterns: bad pattern \^\(unclosed
queued 0

# A text control file over CONTROL_FILE_MAX (4 MiB, src/limits.h) is not read:
# the plugin that needs it fails to start, the log names the file and why,
# and every client gets a temporary 421 (the fault is ours, not the client's).
control me mx.example.test
control rcpthosts example.test
control plugins <<END
badmailfrom
rcpt_ok
queue/qmail-queue
END
bigcontrol badmailfrom 10485760 spammer{n}@bad.example
<~ 421 4.3.0
<eof
log badmailfrom.*File too large

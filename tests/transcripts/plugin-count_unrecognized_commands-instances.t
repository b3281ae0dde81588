# count_unrecognized_commands listed twice (maximums 5 and 3): the note counts
# each command once, so the second instance closes at the third unknown
# command, not at the second.
control me mx.example.test
control loglevel 6
control plugins <<END
count_unrecognized_commands 5
count_unrecognized_commands:1 3
test/note unrec_cmd_count at unrecognized_command
rcpt_ok
END
env TCPREMOTEIP=192.0.2.7
<~ 220 
> A
<= 500 5.5.1 Unrecognized command
> B
<= 500 5.5.1 Unrecognized command
> C
<= 521 5.5.1 Closing connection, 3 unrecognized commands. Perhaps you should read RFC 5321?
<eof
exit 0
log plugin=test/note note unrec_cmd_count=2$
log info plugin=count_unrecognized_commands:1 fail: 3 unrecognized commands

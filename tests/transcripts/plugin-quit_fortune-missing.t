# quit_fortune: when the program is missing, or fails in any way (non-zero
# exit, no output, more than 2048 octets, still running at the deadline:
# killed), QUIT gets the usual 221 at once; each instance logs why.
control me mx.example.test
control loglevel 6
file bin/chatty 755 <<END
#!/bin/sh
exec /usr/bin/yes fortune
END
file bin/slow 755 <<END
#!/bin/sh
echo too late
exec /bin/sleep 10
END
control plugins <<END
quit_fortune fortune /nonexistent/fortune
quit_fortune:1 fortune /bin/false
quit_fortune:2 fortune /bin/true
quit_fortune:3 fortune ${TMP}/bin/chatty
quit_fortune:4 fortune ${TMP}/bin/slow timeout 1
rcpt_ok
END
env TCPREMOTEIP=192.0.2.7
timeout 3
<~ 220 
> HELO c.example
<~ 250 
> QUIT
<= 221 2.0.0 mx.example.test closing connection. Have a wonderful day.
<eof
exit 0
log plugin=quit_fortune skip: /nonexistent/fortune is not executable
log plugin=quit_fortune:1 skip: /bin/false gave no fortune: non-zero exit status
log plugin=quit_fortune:2 skip: /bin/true gave no fortune: no output
log plugin=quit_fortune:3 skip: .*/bin/chatty gave no fortune: more than 2048 octets
log plugin=quit_fortune:4 skip: .*/bin/slow gave no fortune: timed out

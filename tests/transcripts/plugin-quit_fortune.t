# quit_fortune (reference/qpsmtpd.md 4.1): a HELO client gets a fortune
# with its 221 (here a program written by the test stands in for fortune(6)
# and checks that it is run with -s): each line of it after "  / ", TABs
# expanded, and our goodbye as the last line; the session ends as after
# any QUIT.
control me mx.example.test
file bin/fortune 755 <<END
#!/bin/sh
test "$1" = -s && test $# = 1 || exit 1
printf 'Line one\n\tTabbed\t-- Anon\n'
END
control plugins <<END
quit_fortune fortune ${TMP}/bin/fortune
rcpt_ok
END
env TCPREMOTEIP=192.0.2.7
<~ 220 
> HELO c.example
<~ 250 
> QUIT
<= 221-2.0.0 mx.example.test closing connection.
<= 221-2.0.0   / Line one
<= 221-2.0.0   /         Tabbed  -- Anon
<= 221 2.0.0 Have a wonderful day.
<eof
exit 0

# quit_fortune: without the program (or when it fails) QUIT gets the usual 221;
# a relative path is a configuration error.
control me mx.example.test
control loglevel 6
control plugins <<END
quit_fortune fortune /nonexistent/fortune
quit_fortune:1 fortune /bin/false
rcpt_ok
END
env TCPREMOTEIP=192.0.2.7
<~ 220 
> HELO c.example
<~ 250 
> QUIT
<= 221 2.0.0 mx.example.test closing connection. Have a wonderful day.
<eof
exit 0
log plugin=quit_fortune skip: /nonexistent/fortune is not executable
log plugin=quit_fortune:1 skip: /bin/false gave no fortune

# count_unrecognized_commands 2 reject 0: the refusal is only logged; the
# client keeps getting the core's 500 and is not disconnected.
control me mx.example.test
control loglevel 6
control plugins <<END
count_unrecognized_commands 2 reject 0
rcpt_ok
END
env TCPREMOTEIP=192.0.2.7
<~ 220 
> A
<= 500 5.5.1 Unrecognized command
> B
<= 500 5.5.1 Unrecognized command
> C
<= 500 5.5.1 Unrecognized command
> QUIT
<~ 221 
exit 0
log plugin=count_unrecognized_commands fail, tolerated: Closing connection, 2 unrecognized commands
log plugin=count_unrecognized_commands fail, tolerated: Closing connection, 3 unrecognized commands

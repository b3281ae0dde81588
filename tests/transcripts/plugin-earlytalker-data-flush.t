# earlytalker check-at DATA waits before the 354; the replies to what the
# client pipelined before DATA (RFC 2920) must not wait with it: they are sent
# before the wait (each step here may take at most 2 s, the wait is 3 s).
control me mx.example.test
control rcpthosts example.test
control plugins <<END
earlytalker check-at DATA wait 3
rcpt_ok
END
env TCPREMOTEIP=192.0.2.7
timeout 2
<~ 220 
> EHLO c.example
<+ 250
>{
> MAIL FROM:<a@b.test>
> RCPT TO:<u@example.test>
> DATA
>}
<~ 250 2.1.0 
<~ 250 2.1.5 
sleep 2
<~ 354 
> .
<~ 451 4.3.0 
> QUIT
<~ 221 
exit 0

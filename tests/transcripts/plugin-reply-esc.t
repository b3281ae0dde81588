# qp_reply (a plugin answering itself, DONE): an RFC 3463 code of the reply's
# class at the start of the text is the reply's enhanced code; anything else
# that merely looks like one ("2.5 inch") is text, and the core adds X.0.0.
control me mx.example.test
control plugins <<END
test/verdict vrfy DONE 2.5 inch floppy
test/verdict:1 noop DONE 2.0.0 noop answered
test/verdict:2 help DONE 5.1.1 not of this class
rcpt_ok
END
env TCPREMOTEIP=192.0.2.7
<~ 220 
> VRFY x
<= 252 2.0.0 2.5 inch floppy
> NOOP
<= 250 2.0.0 noop answered
> HELP
<= 214 2.0.0 5.1.1 not of this class
> QUIT
<~ 221 
exit 0

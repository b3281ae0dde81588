# badmailfrom patterns 1 (qpsmtpd master's reading): an entry with any of
# / ^ $ * + ! % ? \ is a POSIX extended regex, matched case-insensitively
# against user@host (qpsmtpd used Perl regexes).
control me mx.example.test
control rcpthosts example.test
env TCPREMOTEIP=192.0.2.7
control plugins <<END
badmailfrom patterns 1
rcpt_ok
END
control badmailfrom <<END
^streamsendbouncer@.*\.mailengine1\.com$ Your VERP does not fool me
^return.*@.*\.pidplate\.biz$
!
%
@.*@
END
<~ 220 
> EHLO c.example
<+ 250
> MAIL FROM:<streamsendbouncer@x.mailengine1.com>
<= 550 5.7.1 Your VERP does not fool me
> MAIL FROM:<StreamSendBouncer@X.MAILENGINE1.COM>
<= 550 5.7.1 Your VERP does not fool me
> MAIL FROM:<streamsendbouncer@mailengine1.com>
<= 250 2.1.0 <streamsendbouncer@mailengine1.com>, sender OK - how exciting to get mail from you!
> MAIL FROM:<return-123@a.pidplate.biz>
<= 550 5.7.1 Your envelope sender is in my badmailfrom list
> MAIL FROM:<a!b@c.test>
<= 550 5.7.1 Your envelope sender is in my badmailfrom list
> MAIL FROM:<a%b@c.test>
<= 550 5.7.1 Your envelope sender is in my badmailfrom list
> MAIL FROM:<"a@b"@c.test>
<= 550 5.7.1 Your envelope sender is in my badmailfrom list
> MAIL FROM:<ok@c.test>
<= 250 2.1.0 <ok@c.test>, sender OK - how exciting to get mail from you!
> QUIT
<~ 221 
exit 0

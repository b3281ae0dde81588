# spp: a chain at RCPT: the first program sets a variable and adds a folded
# header field, the second sees the variable and accepts with O (rcpt_ok,
# listed after, would refuse a domain outside rcpthosts); the fields are in
# the queued message. doc/plugins/spp.
control me mx.example.test
control rcpthosts example.test
file one 755 <<END
#!/bin/sh
echo "SSPPSEEN=from one"
echo "HX-One: $SMTPRCPTTO"
printf 'H\tfolded\n'
END
file two 755 <<END
#!/bin/sh
echo "HX-Two: $SPPSEEN count=$SMTPRCPTCOUNT all=$SMTPRCPTCOUNTALL hostsok=$SMTPRCPTHOSTSOK"
echo O
echo "E550 after the final command: ignored"
END
control smtpplugins <<END
[rcpt]
${TMP}/one
${TMP}/two
END
control plugins <<END
spp
rcpt_ok
queue/qmail-queue
END
<~ 220 
> HELO c.example
<~ 250 
> MAIL FROM:<a@b.test>
<~ 250 
> RCPT TO:<x@elsewhere.test>
<= 250 2.1.5 <x@elsewhere.test>, recipient ok
> DATA
<~ 354 
> Subject: hi
>
> body
> .
<~ 250 
> QUIT
<~ 221 
exit 0
queued 1
message <<END
{{re:Received: [^\n]*(?:\n\t[^\n]*)*}}
Subject: hi
X-One: x@elsewhere.test
{{x09}}folded
X-Two: from one count=0 all=1 hostsok=0

body
END

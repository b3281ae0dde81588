# spp: a program that exits non-zero without a decision does nothing: neither
# its S nor its H lines take effect (here seen by the same program at the
# next RCPT, and in the queued message).
control me mx.example.test
control rcpthosts example.test
file p 755 <<END
#!/bin/sh
if [ "$SMTPRCPTTO" = "x@example.test" ]; then
  echo "SLEAK=leaked"
  echo "HX-Bad: from the failed run"
  exit 1
fi
echo "HX-Leak: ${LEAK-none}"
echo N
END
control smtpplugins <<END
[rcpt]
${TMP}/p
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
> RCPT TO:<x@example.test>
<= 451 4.3.0 Temporary failure of a local check, try again later
> RCPT TO:<y@example.test>
<= 250 2.1.5 <y@example.test>, recipient ok
> DATA
<~ 354 
> Subject: s
>
> b
> .
<~ 250 
> QUIT
<~ 221 
exit 0
queued 1
message <<END
{{re:Received: [^\n]*(?:\n\t[^\n]*)*}}
Subject: s
X-Leak: none

b
END

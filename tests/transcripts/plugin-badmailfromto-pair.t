# badmailfromto: RCPT to a recipient paired with the sender gets 550 5.1.1
# "mail to <rcpt> not accepted here" (as if it did not exist); the same
# recipient from another sender, and other recipients, are accepted.
# Addresses compare in any case; blanks or tabs separate the fields.
control me mx.example.test
control rcpthosts example.test
env TCPREMOTEIP=192.0.2.7
control plugins <<END
badmailfromto
rcpt_ok
END
control badmailfromto <<END
stalker@bad.test	victim@example.test
STALKER@bad.test   boss@example.test  # a comment after the pair
@spam.test victim@example.test
END
<~ 220 
> HELO c.example
<~ 250 
> MAIL FROM:<stalker@BAD.test>
<~ 250 
> RCPT TO:<Victim@example.test>
<= 550 5.1.1 mail to victim@example.test not accepted here
> RCPT TO:<boss@example.test>
<= 550 5.1.1 mail to boss@example.test not accepted here
> RCPT TO:<other@example.test>
<= 250 2.1.5 <other@example.test>, recipient ok
> RSET
<~ 250 
> MAIL FROM:<friend@bad.test>
<~ 250 
> RCPT TO:<victim@example.test>
<= 250 2.1.5 <victim@example.test>, recipient ok
> QUIT
<~ 221 
exit 0

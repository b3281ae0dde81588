# badmailfromto: an @host sender matches every sender at that host (not its
# subdomains).
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
> MAIL FROM:<anyone@spam.test>
<~ 250 
> RCPT TO:<victim@example.test>
<= 550 5.1.1 mail to victim@example.test not accepted here
> RCPT TO:<boss@example.test>
<= 250 2.1.5 <boss@example.test>, recipient ok
> MAIL FROM:<x@sub.spam.test>
<~ 250 
> RCPT TO:<victim@example.test>
<= 250 2.1.5 <victim@example.test>, recipient ok
> QUIT
<~ 221 
exit 0

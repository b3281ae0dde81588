# Address syntax (RFC 5321 4.1.2), seen through RCPT from a relay client: valid
# forms get 250, invalid ones 501 5.1.3.
control me mx.example.test
env TCPREMOTEIP=192.0.2.7
env RELAYCLIENT=
<~ 220 
> EHLO c.example
<+ 250
> MAIL FROM:<a@b.test>
<~ 250 
> RCPT TO:<first.last@example.test>
<= 250 2.1.5 <first.last@example.test>, recipient ok
> RCPT TO:<"quoted name"@example.test>
<= 250 2.1.5 <"quoted name"@example.test>, recipient ok
> RCPT TO:<u@[192.0.2.1]>
<= 250 2.1.5 <u@[192.0.2.1]>, recipient ok
> RCPT TO:<u@[IPv6:2001:db8::1]>
<= 250 2.1.5 <u@[IPv6:2001:db8::1]>, recipient ok
> RCPT TO:<u@a-b.example-1.test>
<= 250 2.1.5 <u@a-b.example-1.test>, recipient ok
> RCPT TO:<!#$%&'*+-/=?^_`{|}~@example.test>
<= 250 2.1.5 <!#$%&'*+-/=?^_`{|}~@example.test>, recipient ok
> RCPT TO:<Postmaster>
<~ 250 2.1.5 
> RCPT TO:<@hop.test:u@example.test>
<~ 250 2.1.5 
> RCPT TO: <spaces@example.test>
<~ 250 2.1.5 
> RCPT TO:<u@example.test.>
<= 501 5.1.3 could not parse recipient
> RCPT TO:<u@-bad.test>
<= 501 5.1.3 could not parse recipient
> RCPT TO:<u@bad-.test>
<= 501 5.1.3 could not parse recipient
> RCPT TO:<u@ex..test>
<= 501 5.1.3 could not parse recipient
> RCPT TO:<u v@example.test>
<= 501 5.1.3 could not parse recipient
> RCPT TO:<u@example.test
<= 501 5.1.3 could not parse recipient
> RCPT TO:<@example.test>
<= 501 5.1.3 could not parse recipient
> RCPT TO:<u@>
<= 501 5.1.3 could not parse recipient
> RCPT TO:<u>
<= 501 5.1.3 could not parse recipient
> RCPT TO:<"unterminated@example.test>
<= 501 5.1.3 could not parse recipient
> RCPT TO:<u@[192.0.2.1>
<= 501 5.1.3 could not parse recipient
> QUIT
<~ 221 
exit 0

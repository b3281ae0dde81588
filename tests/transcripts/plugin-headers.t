# headers (reference/qpsmtpd.md 4.1, check_basicheaders): From is required
# and must be a valid mailbox-list (raw UTF-8 in a display name and an
# encoded word pass, 8-bit octets in the address do not; folded lines, as
# the core stores them, parse); one
# Subject only (RFC 5322 3.6); a good message goes through. The refusals use the core's data_post reply (554
# 5.7.1) with qpsmtpd's intended texts (qpsmtpd 0.94 sent "552 901").
control me mx.example.test
control rcpthosts example.test
control plugins <<END
headers
rcpt_ok
queue/qmail-queue
END
env TCPREMOTEIP=192.0.2.7
<~ 220 
> HELO c.example
<~ 250 
> MAIL FROM:<a@b.test>
<~ 250 
> RCPT TO:<u@example.test>
<~ 250 
> DATA
<~ 354 
>{
> Subject: no from
>
> body
> .
>}
<= 554 5.7.1 We require a valid From header
> MAIL FROM:<a@b.test>
<~ 250 
> RCPT TO:<u@example.test>
<~ 250 
> DATA
<~ 354 
>{
> From: not an address
>
> body
> .
>}
<= 554 5.7.1 We require a valid From header
> MAIL FROM:<a@b.test>
<~ 250 
> RCPT TO:<u@example.test>
<~ 250 
> DATA
<~ 354 
>{
> From: A <a@b.test>
> Subject: one
> Subject: two
>
> body
> .
>}
<= 554 5.7.1 Only one Subject header allowed. See RFC 5322, Section 3.6
> MAIL FROM:<a@b.test>
<~ 250 
> RCPT TO:<u@example.test>
<~ 250 
> DATA
<~ 354 
>{
>~ From: J\xc3\xb6rg <j\xc3\xb6rg@b.test>\r\n
> Subject: raw UTF-8 in the address (no SMTPUTF8)
>
> body
> .
>}
<= 554 5.7.1 We require a valid From header
> MAIL FROM:<a@b.test>
<~ 250 
> RCPT TO:<u@example.test>
<~ 250 
> DATA
<~ 354 
>{
>~ From: J\xc3\xb6rg <j@b.test>\r\n
> Subject: raw UTF-8 in a display name: taken (RFC 6532 text)
>
> body
> .
>}
<~ 250 2.0.0 
> MAIL FROM:<a@b.test>
<~ 250 
> RCPT TO:<u@example.test>
<~ 250 
> DATA
<~ 354 
>{
> From: =?UTF-8?Q?J=C3=B6rg?= <j@b.test>,
>  (folded) "quoted local"@b.test,
>~ \tundisclosed-recipients:;\r\n
> Subject: an encoded word, folding, a group
>
> body
> .
>}
<~ 250 2.0.0 
> MAIL FROM:<a@b.test>
<~ 250 
> RCPT TO:<u@example.test>
<~ 250 
> DATA
<~ 354 
>{
> From: "A. Person" <a@b.test>
> Subject: fine
>
> body
> .
>}
<~ 250 2.0.0 
> QUIT
<~ 221 
exit 0
queued 3

# rcpt_regexp: the first matching line (exact address or /REGEX/, both
# case-insensitive) gives the verdict, with its comment as the reply text;
# OK keeps the core's 250, DECLINED lets rcpt_ok decide; a comment may start
# with its own enhanced code; DENY without a comment gets the core's text.
control me mx.example.test
control rcpthosts example.test
env TCPREMOTEIP=192.0.2.7
control plugins <<END
rcpt_regexp
rcpt_ok
END
control rcpt_regexp <<END
# the first matching line decides
me@example.test            OK       Accepting mail
/^user[0-9]+@example\.test$/  OK
info@example.test          DENY     User not found.
/^unused@/                 DENY     5.1.1 No such user here
/^busy@/                   DENYSOFT Mailbox busy, try later
/^gone@/                   DENY_DISCONNECT   Gone for good
/^later@/                  DENYSOFT_DISCONNECT Shutting down
/^plain@/                  DENY
/^pass@/                   DECLINED Fall through to the next plugin
/@example\.test$/          DENY     No such user.
END
<~ 220 
> HELO c.example
<~ 250 
> MAIL FROM:<a@b.test>
<~ 250 
> RCPT TO:<ME@example.test>
<= 250 2.1.5 <ME@example.test>, recipient ok
> RCPT TO:<user42@Example.TEST>
<= 250 2.1.5 <user42@Example.TEST>, recipient ok
> RCPT TO:<info@example.test>
<= 550 5.7.1 User not found.
> RCPT TO:<unused@example.test>
<= 550 5.1.1 No such user here
> RCPT TO:<busy@example.test>
<= 450 4.7.1 Mailbox busy, try later
> RCPT TO:<plain@example.test>
<= 550 5.7.1 relaying denied
> RCPT TO:<pass@example.test>
<= 250 2.1.5 <pass@example.test>, recipient ok
> RCPT TO:<pass@elsewhere.test>
<= 550 5.7.1 Relaying denied
> RCPT TO:<someone@example.test>
<= 550 5.7.1 No such user.
> RCPT TO:<gone@example.test>
<= 550 5.7.1 Gone for good
<eof
exit 0

# qmail's badmailfrom is literal (issue 9): with no plugins file (qmail mode)
# and by default, list+bounce@x.example blocks exactly itself (not
# listbounce@x.example), an entry with $ matches that address, and the
# pattern-looking entries are noted in the log at info.
control me mx.example.test
control rcpthosts example.test
control loglevel 6
control badmailfrom <<END
list+bounce@x.example
pay$me@y.example
@spam.example
END
env TCPREMOTEIP=192.0.2.7
<~ 220 
> HELO c.example
<~ 250 
> MAIL FROM:<listbounce@x.example>
<~ 250 2.1.0 
> MAIL FROM:<list+bounce@X.example>
<= 550 5.7.1 Your envelope sender is in my badmailfrom list
> MAIL FROM:<pay$me@y.example>
<= 550 5.7.1 Your envelope sender is in my badmailfrom list
> MAIL FROM:<payme@y.example>
<~ 250 2.1.0 
> MAIL FROM:<a@spam.example>
<= 550 5.7.1 Your envelope sender is in my badmailfrom list
> QUIT
<~ 221 
exit 0
log badmailfrom: list\+bounce@x\.example is taken literally, as qmail does

# spp: a program line of more than 32 words is a configuration error.
control me mx.example.test
control smtpplugins <<END
[mail]
/bin/echo 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28 29 30 31 32
END
control plugins <<END
spp
rcpt_ok
END
<= 421 4.3.0 mx.example.test Service temporarily unavailable (configuration error)
<eof
exit 100
log plugin=spp error: control/smtpplugins: line '/bin/echo 1 2 .*': more than 32 words
queued 0

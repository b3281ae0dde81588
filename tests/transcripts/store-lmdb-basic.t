# The store API (qp_store_*, LMDB under control/store_dir) through test/store:
# put/get with and without expiry, counters, delete, the clock that expires,
# namespaces kept apart, bad keys refused.
control me mx.example.test
control store_dir ${TMP}/store
file store/.keep <<END
END
control plugins <<END
test/store
END
env QCSMTPD_TEST_NOW=1000000
<~ 220
> XSTORE GET grey k1
<= 250 2.0.0 missing
> XSTORE PUT grey k1 hello 60
<= 250 2.0.0 stored
> XSTORE GET grey k1
<= 250 2.0.0 value hello expires=1000060
> XSTORE GET karma k1
<= 250 2.0.0 missing
> XSTORE PUT grey k2 forever 0
<= 250 2.0.0 stored
> XSTORE GET grey k2
<= 250 2.0.0 value forever expires=0
> XSTORE INCR karma 192.0.2.7 5 100
<= 250 2.0.0 counter 5
> XSTORE INCR karma 192.0.2.7 -7 9999
<= 250 2.0.0 counter -2
> XSTORE GET karma 192.0.2.7
<= 250 2.0.0 value -2 expires=1000100
> XSTORE INCR grey k1 1 0
<~ 451 4.3.0 store failure: Invalid argument
> XSTORE DEL grey k2
<= 250 2.0.0 deleted
> XSTORE DEL grey k2
<= 250 2.0.0 missing
> XSTORE GET grey k2
<= 250 2.0.0 missing
> XSTORE GET 0123456789012345678901234567890123456789012345678901234567890123456789 k
<~ 451 4.3.0 store failure: Invalid argument
> QUIT
<~ 221

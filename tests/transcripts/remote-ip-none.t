# No remote IP in the environment at all: "unknown".
control me mx.example.test
<~ 220 
> HELO c.example
<= 250 mx.example.test Hi [unknown] [unknown]; I am so happy to meet you.
> QUIT
<~ 221 
exit 0

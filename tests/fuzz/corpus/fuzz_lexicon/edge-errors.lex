[a
x y
"open
/(/
~3
[b.c]
!"z"
label = "Outcome #3"

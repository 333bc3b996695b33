# baseline.lex - cues that place a statement before the change.
# They set a hit's time; see README.md for how time decides a direction.

[baseline]
label = Baseline
scope = forward
distance = 6
=was
=were
"used to"
"had been"
previously
"at first"
=before
"back then"
"at the time"
initially
"in the past"

# The test's own modifier lexicon, so the directions do not move when the
# bundled ones are tuned.
[increase]
scope = both
distance = 3
more
[decrease]
scope = forward
distance = 3
less
[negation]
scope = forward
distance = 3
=not
[avoidance]
scope = forward
distance = 4
avoided
[baseline]
scope = forward
distance = 4
=was
[outcome]
scope = both
distance = 3
=now
[breaker]
=but

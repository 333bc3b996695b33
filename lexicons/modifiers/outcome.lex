# outcome.lex - cues that place a statement after the change.

[outcome]
label = Outcome
scope = both
distance = 6
=now
"as a result"
"since then"
nowadays
"these days"
=today
=anymore
"any more"
"any longer"

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
# where things came to: "she ended up in A&E" is a result, and not the
# decrease "ended" ("the group ended"), which it would otherwise be
"ended up"

# breaker.lex - clause breakers: no trigger reaches across one, as in
# ConText. (Sentence ends stop every scope too.) Scope and distance mean
# nothing here.

[breaker]
label = Clause breaker
=but
=however
=although
=though
=whereas
=yet
=except
=until
"even though"
"apart from"

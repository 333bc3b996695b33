# negation.lex - triggers that negate what follows them; each one in scope
# flips the direction (two cancel out). See increase.lex for scope and
# distance. Words written with ' match ’ too.

[negation]
label = Negation
scope = forward
distance = 4
=not
=no
=never
=without
=cannot
=can't
=couldn't
=didn't
=doesn't
=don't
=isn't
=wasn't
=won't
=hasn't
=haven't
=hadn't
=wouldn't
=aren't
=weren't
=unable
=dont                     # written without the apostrophe, as in survey answers
=didnt
=cant
=couldnt
=doesnt
=isnt
=wasnt
=wont
=havent
=hadnt
lack                      # lack, lacked, lacking: "she lacked confidence"
lacked
lacking

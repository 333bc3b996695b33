# decrease.lex - triggers that say a theme shrank: less of a problem is an
# improvement, less of an asset a worsening. See increase.lex for scope
# and distance.

[decrease]
label = Decrease
scope = both
distance = 4
less
fewer
reduce                    # reduced, reduces, reduction
decrease                  # decreased
eased
ease
easing
relieve                   # relieved, relieves
relief
lower
lessened
"no longer" @forward:5    # "no longer feels she cannot cope"
drop                      # dropped
lost
lose
losing
loss
"gone" @backward:3        # "the loneliness has gone"
lifted @backward:3        # "the strain has lifted"
closed @backward:3        # "since the group closed": what a story had, ended
"shut down" @backward:3
ended @backward:3
"was cut" @backward:3
overcome @forward
overcame @forward

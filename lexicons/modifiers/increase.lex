# increase.lex - triggers that say a theme grew: more of an asset is an
# improvement, more of a problem a worsening. Loaded by default for the
# direction of change (README.md, "Direction of change"); edit freely.
#
# scope: which way the trigger reaches (forward: the theme follows it,
# backward: the theme comes before it, both); distance: how many tokens
# from the trigger's last word to the theme's first (or back). An entry
# may override both with a last word "@forward", "@both:3" or "@4".

[increase]
label = Increase
scope = both
distance = 4
more
grew
grow
grown
growing
increase                  # increased, increases, increasing
boost                     # boosted, boosts
improve                   # improved, improvement, improving
regain                    # regained
gain                      # gained
rebuild
rebuilt
"built up"
"build up"
restore                   # restored
greater
stronger
higher
worse                     # "her loneliness got worse": worse of a problem
"gave her" @forward:3     # "gave her the confidence to"
"gave him" @forward:3
"given her" @forward:3
"given him" @forward:3
found @forward:3          # "found the courage"
# an onset is a change: "she has started going to the club" (an asset
# grown), "I've started crying in the shower" (a problem grown)
start @forward:3           # started, starting, starts
began @forward:3
begun @forward:3
"for the first time" @backward:6   # "raised my voice at her for the first time"
increasingly @forward:2
"more and more" @forward:3
# a superlative of the present is not a negation: "I have never been so
# tired" is very tired now, "never felt so confident" a gain
"never been so" @forward:3
"never been this" @forward:3
"never been more" @forward:3
"never felt so" @forward:3
"never felt this" @forward:3
"never felt more" @forward:3

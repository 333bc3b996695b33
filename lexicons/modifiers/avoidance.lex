# avoidance.lex - triggers that say what follows did not happen because it
# was avoided. On a problem theme that is an improvement, on an asset
# theme a worsening ("instead of going to the group she stayed in"). A
# theme entry that already contains the cue (residential_care_avoided:
# "rather than ~4 care home") is not modified by it: see README.md.

[avoidance]
label = Avoidance
scope = forward
distance = 6
"rather than"
"instead of"
avoid                     # avoided, avoiding, avoids
prevent                   # prevented, preventing
"does not need to"
"doesn't need to"
"did not need to"
"didn't need to"
"no need to"
"not have to"
"without having to"
delay                     # delayed
"put off"

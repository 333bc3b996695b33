# Ten deliberate mistakes, one diagnostic each (see expected):
#  1 unclosed quote            2 bad regex             3 duplicate entry
#  4 one-letter wildcard       5 gap over ~20          6 unknown key
#  7 exclusion matching none   8 entry always excluded 9 entry in two themes
# 10 text after a phrase
[isolation]
label = Social isolation
lonely
"cut off
/\b(on my own\b/
lonely
a*
"feel ~25 alone"
colour = blue
!=confide
=alone
!=alone
[confidence]
confidence
lonely
"speak up" loudly

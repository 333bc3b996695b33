[class carer]
wife
"my mum"
[class strain]
exhausted
"end of ~2 tether"
[class home]
"care home"
"into a home"
[t]
polarity = problem
example = mentioned: My wife is exhausted.
counterexample = The staff were exhausted.
"<carer> ~3 exhausted"
near(<carer>, <strain>, 8)
before(<carer>, "the long nights", 4)
with(<carer>, worried)
also(relief) @resolved
"getting worse" @worsened
!near(staff, <strain>, 6)
[u]
polarity = asset
direction = improved
avoided(<home>)
negated(<home>)
ended(<home>)

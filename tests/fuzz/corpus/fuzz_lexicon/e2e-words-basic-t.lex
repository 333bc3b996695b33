# two themes, one of each single-word entry kind
[isolation]
polarity = problem
lonely
isolat*
=alone

[confidence]
confid*

[isolation]
polarity = problem
=lonely
isolat*

[confidence]
polarity = asset
confid*

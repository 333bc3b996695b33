[isolation]
polarity = problem
isolat*
=lonely
[coping]
polarity = asset
cope
[care_home]
polarity = problem
"residential care"
[confidence]
polarity = asset
confidence

[isolation]
polarity = problem
lonely

[mood]
polarity = asset
lonely
low

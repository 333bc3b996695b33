[isolation]
polarity = problem
lonely
isolated

[confidence]
polarity = asset
confident

[iso]
polarity = problem
lonely
alone

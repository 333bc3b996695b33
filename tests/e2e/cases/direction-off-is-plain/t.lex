[iso]
polarity = problem
lonely

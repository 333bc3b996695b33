[iso]
polarity = problem
lonely

[care]
polarity = problem
carer

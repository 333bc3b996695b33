[a]
lonely
isolated
[b]
exhausted
carer

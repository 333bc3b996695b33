[isolation]
lonel*
isolated
[carer_stress]
"carer ~3 stress*"
exhausted

[isolation]
lonely
[carer_stress]
exhausted
[confidence]
confident

[isolation]
lonely
[confidence]
confident

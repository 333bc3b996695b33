[isolation]
lonely

[confidence]
confid*

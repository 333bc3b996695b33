[wellbeing]
label = Bien-être
heureux
[cafe]
café

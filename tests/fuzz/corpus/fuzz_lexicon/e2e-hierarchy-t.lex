[outcome3.confidence]
confident
[outcome3.connected]
"made friends"
friends
!"no friends"
[outcome3]
label = Outcome 3
wellbeing
[other]
friends

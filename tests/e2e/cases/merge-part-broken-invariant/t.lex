[a]
lonely
isolated

[b]
happy

[a]
lonely
[b]
happy

[r]
/(a+)+$/
[w]
lonely

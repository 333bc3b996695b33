[t]
lonely

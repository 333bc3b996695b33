[a]
lonely

[isolation]
lonely
lonely

[isolation]
lonely

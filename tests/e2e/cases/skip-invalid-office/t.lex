[isolation]
lonely
isolated

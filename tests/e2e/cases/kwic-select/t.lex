[isolation]
lonely

[isolation.home]
housebound

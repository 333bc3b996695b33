[social]
label = Social life & clubs
polarity = asset
club
neighbour

[social.garden]
label = Gardening <outdoors>
polarity = asset
garden

[lonely]
label = Loneliness
polarity = problem
lonely

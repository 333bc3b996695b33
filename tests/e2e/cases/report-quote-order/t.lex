[lonely]
label = Loneliness
polarity = problem
lonely

[club]
label = Clubs
polarity = asset
club

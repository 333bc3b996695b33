[social]
label = Social life
polarity = asset
club

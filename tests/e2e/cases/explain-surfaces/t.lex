# a theme, a child theme and a second theme
[isolation]
lonely
isolat*
=alone
withdrawn

[isolation.home]
housebound

[confidence]
confid*

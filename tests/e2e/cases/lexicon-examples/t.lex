# Examples of a theme and its sub-theme; lines 8, 9 and 16 fail.
[isolation]
polarity = problem
lonely
isolated
example = She had been lonely since her husband died.
example = improved: She is less lonely these days.
example = improved: He is more lonely than ever.
example = He kept himself to himself.
counterexample = The farm is in a remote spot.

[isolation.cut_off]
"cut off"
example = The snow left the village cut off for a week.
example = worsened: She feels more cut off.
counterexample = The doctor said he was isolated, but cut off only by snow.

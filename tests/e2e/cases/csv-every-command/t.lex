# the lexicon of kwic and explain: a word, a phrase written in quotes and a
# regex holding a comma, so entries and matches need CSV quoting
[isolation]
lonely
"on my own"
/alone, again/
withdrawn

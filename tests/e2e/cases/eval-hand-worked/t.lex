[a]
apple
[b]
=bread
[c]
=zebra

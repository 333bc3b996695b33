[a]
lonely
"cut off"
[b]
happy
confiden*

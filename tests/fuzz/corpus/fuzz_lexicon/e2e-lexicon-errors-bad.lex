[isolation]
label = Social isolation
colour = blue
"socially isolated
/on (his|her own/i
lonely

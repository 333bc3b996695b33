[isolation]
lonely
"very lonely"             # swallows the "lonely" inside it: longest wins
"stay ~2 home"
/\bon (his|her) own\b/i
!"not lonely"

[home]
home

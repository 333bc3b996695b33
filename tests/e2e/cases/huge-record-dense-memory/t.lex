[a]
lonely

[b]
"manager helped"

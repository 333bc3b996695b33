[r]
/\bon (his|her) own\b/ix
/(a+)+$/

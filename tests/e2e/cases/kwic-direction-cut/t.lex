[care_home]
polarity = problem
"care home"

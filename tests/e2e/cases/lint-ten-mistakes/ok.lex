[t]
th*

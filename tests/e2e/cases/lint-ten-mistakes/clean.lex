[t]
the*
=the

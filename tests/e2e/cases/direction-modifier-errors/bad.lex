[negation]
=not
scope = ahead
[increase]
more @both:99

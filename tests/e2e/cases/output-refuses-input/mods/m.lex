[increase]
more

[sleep]
sleep
insomnia
example = She could not sleep for worry.
counterexample = The cat slept on the bed.

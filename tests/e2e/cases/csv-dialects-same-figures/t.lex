[waiting]
wait

[lonely]
lonely

[lonely]
lonel*
=alone
"=cut =off"
car*
[carer]
=exhausted
"=worn =out"
car*

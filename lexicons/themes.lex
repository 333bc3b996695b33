# themes.lex - the four cross-cutting themes of change stories, in the
# lexicon language v2 (word classes from concepts.lex, rules, conditions;
# see README.md, "Word classes and rules").
#
# Written from the coding definitions (corpus/gold/CODEBOOK.md) and the
# language of the CLS Evidence & Learning papers, then tuned on the tune
# halves of corpus/gold and of the real-language development set, never on
# their test halves (README.md, "How the bundled lexicons were tuned").
# Every entry says in its comment the general reason it is here, not a
# story it was fitted to. The examples are this file's own sentences:
# storylens lint and storylens eval --tests check that each still matches
# (or not) with the direction given.
#
# Words, wildcards, phrases and rules only: the bundled lexicons are also
# the benchmark lexicons, and these keep to the fast path (no regexes).

[isolation]
label = Social isolation
description = The person's social isolation or loneliness, as a problem or as its reduction (being cut off, having no one, not going out; becoming connected again).
polarity = problem
example = She had been very lonely since her husband died.
example = improved: These days he is far less isolated and has a busy week.
example = improved: Once so lonely, she has made new friends at the lunch club.
example = worsened: Since the lunch club closed he is lonelier than ever.
example = For months she didn't see anyone apart from the postman.
example = He rarely went out and kept himself to himself.
counterexample = He was nursed in isolation on the ward for five days.
counterexample = The farm is in an isolated spot ten miles from town.
counterexample = She can't walk to the shops, let alone into town.
counterexample = The carers come in twice a day to help him wash.
# the problem, in plain words and in its signs (concepts.lex: <lonely>)
<lonely>
# not seeing anyone: a contact word denied
negated(before(<contact>, <anyone>, 3))   # didn't see anyone, never spoke to a soul
negated(before(<anyone>, <contact>, 3))   # haven't had a soul to talk to
"didn't realise how lonely"               # the problem, though a negation stands in it
# the resolved state: new ties with people, read as the improvement, in a
# story that also tells of the isolation (meeting people is not, alone,
# the end of isolation: the codebook's "not just 'she went to a group'")
also(<new_ties>) @resolved
also(<social_life>) @resolved
"back among" @resolved        # back among his people
"less isolated" @resolved
"not on my own" @resolved     # not on my own in it any more
"no longer ~2 alone" @resolved
# "isolation" and "alone" in other senses
!"in isolation"               # nursed in isolation, working in isolation
!"isolation room"
!"of isolation"               # months of isolation (a lockdown period)
!"isolation during"
!"isolated in ~2 room"        # isolated in their rooms: infection control
!"isolated in ~2 rooms"
!"isolated ~1 <remote_place>" # an isolated spot, isolated rural areas
!"<remote_place> ~2 isolated"  # villages are isolated
!"side-room isolation"
!"isolation precautions"
!"out of the car"             # couldn't get out of the car
!"let alone"
!"never ~1 lonely"
!"not ~1 lonely"
!"isn't ~1 lonely"
!"far from ~2 isolated"
!"left alone"                 # cannot be left alone: supervision, not loneliness

[confidence]
label = Confidence
description = The person's confidence or self-belief, gained, lost or lacking, or an explicit equivalent (believing in oneself, feeling able to speak up).
polarity = asset
example = improved: After the course her confidence came back.
example = worsened: Since the fall he has lost his confidence on the stairs.
example = mentioned: His confidence has not really improved.
example = improved: She believes in herself again.
example = She lacks the confidence to walk into a group on her own.
counterexample = I'm confident that the council will sort the bins out.
counterexample = The volunteers have grown in confidence running the kitchen.
confidence
=confident
=confidently
=unconfident
self-confidence
self-esteem
self-belief
self-worth
self-assured
"built me up"                 # it built me up a bit
"had the neck"                # nerve, in Irish and Scots English
"the bottle to"
"have the bottle"
"wouldn't have dreamt" @improved   # of doing it before: said when now she does
"wouldn't have dared" @improved
"boo to a goose"
"put my hand up"
"put her hand up"
"put his hand up"
"have a go at anything"
"feel a ~1 fool"
"felt a ~1 fool"
"feel foolish"
"felt foolish"
"finding my voice"
"finding her voice"
"found my voice"
"lost the stomach"
"pride in ~1 myself"
"pride in ~1 herself"
"proud of myself"
"sure of ~1 herself"
"sure of ~1 himself"
"sure of ~1 myself"
"unsure of ~1 herself"        # too unsure of herself to ask
"unsure of ~1 himself"
"believe in ~1 herself"       # believe, believes, believed, believing
"believe in ~1 himself"
"believe in ~1 myself"
"believe in ~1 themselves"
"believe I can"
"believe I could"
"believed she could"
"believed he could"
"faith in ~2 myself"
"faith in ~2 herself"
"faith in ~2 himself"
"faith in ~1 my legs"
"trust ~1 myself"             # I don't trust myself to go anywhere
"trust ~1 herself"
"trust ~1 himself"
"trusting ~1 myself"
"trust my legs"
"trust my footing"
"trust my own"
"lost ~2 nerve"               # lost her nerve
"my nerve"
"her nerve"
"his nerve"
"the nerve to"
courage
"never have dared"
"would never have dared"
"dared to"
"found ~1 voice"              # found her voice: able to speak up
"speak up"
"spoke up"
"speaking up"
"feel ~1 able to speak"
"felt ~1 able to speak"
"feel ~1 able to ask"
"felt ~1 able to ask"
"do things again"
"can do things again"
"capable again"
"frightened of falling"
"fear of falling"
"scared of falling"
"afraid of falling"
"not afraid" @resolved        # "I am not afraid": the fear overcome
"more confident"
"much more confident"
"far more confident"
"growing in confidence"
"grown in confidence"
"gained confidence"
"gaining confidence"
"regained confidence"
"regained her confidence"
"got her confidence back"
"got his confidence back"
"confidence is back"
"confidence has returned"
"confidence has grown"
"confidence boost"
"boosted her confidence"
"a boost to his confidence"
"built her confidence"
"building confidence"
"confidence building"
"rebuilt his confidence"
"rebuilding her confidence"
"increased confidence"
"improved confidence"
"new-found confidence"
"newfound confidence"
"self-esteem improved"
"higher self-esteem"
"better self-esteem"
"believes in herself"
"believing in himself"
"started to believe in herself"
"sense of self-worth"
self-assurance
"surer of herself"
"felt able to speak up"
"able to speak up"
"speaks up for herself"
"speaking up for himself"
"found her voice"
"found his voice"
"more assertive"
"willing to try new things"
"gave it a go"
"had a go"
"took the plunge"
"stepped out of her comfort zone"
"brave enough to"
"plucked up the courage"
"feels more capable"
"feels empowered"
"back in control"
"proud of herself"
"holds her head high"
"walks taller"
"believes she can"
"knows she can do it"
"comfortable going out alone"
"happy to go out on her own"
"confident to use the bus"
"confident in the kitchen"
"confident managing her money"
"confident in her abilities"
"confident in his own ability"
"the confidence to go out"
"the confidence to live independently"
"the confidence to cope"
"more confident in caring"
"feels like herself again"
# speaking and acting for oneself, and its absence: the signs of
# confidence a story shows rather than names
"stand up for ~1 <self>"
"stood up for ~1 <self>"
"speak for <self>"
"speaks for <self>"
"spoke for <self>"
"ordered for <self>"
"orders for <self>"
"ordered ~1 own"
"ask for what ~1 needs"
"asked for what ~1 needed"
"look people in the eye"
"looked me in the eye"
"head held high"
=shy @resolved
=shyness @resolved
"painfully shy" @resolved
timid @resolved
"let ~1 do the talking" @resolved   # let me do the talking: no voice of her own
"let ~1 do all the talking" @resolved
"hid behind" @resolved
"hide behind" @resolved
"hiding behind" @resolved
"kept ~1 head down" @resolved
"barely look at" @resolved
"couldn't look ~2 in the eye" @resolved
!"shy away"
!"shied away"
!"shying away"
"more outgoing"
"feels good about herself"
"feels better about himself"
"more confident walking"
"less fearful"

# the lack of it, named as a state ("@resolved": the opposite of the asset)
"self-doubt" @resolved
"full of self-doubt" @resolved
"doubting herself" @resolved
"doubting himself" @resolved
"second-guessing herself" @resolved
"felt incapable" @resolved
"afraid to try" @resolved
"scared to try" @resolved
"too nervous to" @resolved
# "confident that" in the sense of sure, and staff's or volunteers' confidence
!"confident that"
!"confident the"
!"confident it"
!"confident they"
!"confident we"
!"confident she'd"
!"confident he'd"
!"confident she"
!"confident he"
!"confident this"
!"confident in the"
!"confidence in the"          # confidence in the service: trust
!"more confident with it"     # a worker and a new piece of kit
!before(<paid_worker>, "in confidence", 12)   # the team grew in confidence
!before(<paid_worker>, =confident, 4)         # the coordinator is so confident
!"never ~1 lacked confidence" # says nothing changed

[carer_stress]
label = Carer stress
description = Stress, strain, exhaustion, burden or worry of an unpaid family carer, reported as a problem, as getting worse or as relieved.
polarity = problem
example = Looking after her husband day and night, she was exhausted.
example = improved: The sitter gives her a much-needed break each week.
example = worsened: Since the day centre closed, my dad is up all night and I'm more exhausted than ever.
example = improved: It's taken a weight off my shoulders.
example = worsened: Caring for Mum on my own, I have never been so exhausted.
example = worsened: Caring for my wife, I started crying in the car after every visit.
counterexample = The care workers were exhausted after a double shift.
counterexample = The agency staff are rushed off their feet.
# Strain words count on their own: in a change story about caring they
# are nearly always the carer's; paid workers' strain is excluded below.
<strain>
"carer ~1 stress"             # carer stress named as such
"carer ~1 strain"
"caregiver ~1 stress"
"carer ~1 breakdown"
"carer ~1 burnout"
"strain of caring"
"stress of caring"
"burden of caring"
"toll of caring"
"something had to give"
"can't go on"
"i'm finished"
# worries and signs of the load, in a story about caring
with(<caring>, <worry>)
# the relief of it, read as the improvement
<relief> @resolved
with(<caring>, <relief_weak>) @resolved
# breaks named, asked for or cut: the subject, no change
with(<caring>, <breaks>) @mentioned
# things getting worse, in a story about caring
with(<caring>, <worse_now>) @worsened
# paid workers' strain and a service under pressure are not carer stress
!near(<paid_worker>, <strain_core>, 8)
!"under strain"               # a rota, a service
!"under pressure"
!"stretched thin"
!"run ragged"
!"rushed off"
!"carer's allowance"
# a break that is only needed or asked for names no relief
!"need* ~2 a break"
!"needed a break"
!"wanted a break"
!"like a break"
!"asked for a break"
!"no break"

[residential_care_avoided]
label = Residential care avoided
description = A move into residential care, a care home or a nursing home was avoided, prevented, delayed or is no longer needed (not a mention of residential care, not a move that happened).
polarity = asset
# a care home avoided is an improvement by definition, whatever the words
# around it ("without the day centre he'd have ended up in a home")
direction = improved
example = Rather than move into a care home, she stayed in her own flat.
example = Without the day centre he would have ended up in a nursing home.
example = After four months in the nursing home she is back home again.
example = The nursing home referral was withdrawn.
counterexample = She moved into a care home last spring and has settled well.
counterexample = He had a week of respite at the care home in May.
# a care-home move judged avoided: "rather than", "instead of", "didn't
# need to", "no longer needs", "never went into"
avoided(<care_home>)
# had things gone otherwise: "she'd have ended up in a home"
before(<would_have>, <care_home_core>, 8)
# a planned move called off
near(<care_home_core>, <called_off>, 8)
# back from a care home to a home of one's own
near(<leave_care>, <care_home_core>, 6)
# kept out of a home
"keep* ~2 out of ~2 <care_home>"
"keeping ~2 out of ~2 <care_home>"
# in a story that speaks of care homes: staying put at home, or going to
# a place of one's own with help instead
with(<care_home>, before(<stay>, <own_home>, 3))
with(<care_home>, <alternative_home>)
with(<care_home>, <leave_home_again>)
"remain living independently"
"living independently at home"
"ageing in place"
"aging in place"
# the avoidance said outright

# had things gone otherwise, said outright
"would have ended up in a home"
"would have ended up in a care home"
"would have had to go into a home"
"would have had to go into a care home"
"would have gone into a nursing home"
"would otherwise have gone into residential care"
"would otherwise have needed residential care"
"would otherwise be in a care home"
"would be in a home by now"
"would be in a nursing home now"
"would have been in a home"
"without this she'd be in a home"
"without the support he'd be in a care home"
"without them i'd be in a home"
"wouldn't still be at home"
"would not be living at home"
"was facing a move into a care home"
"was heading for a care home"
"heading for residential care"
"on the brink of going into care"
"on the verge of going into a home"
"at risk of residential care"
"at risk of care home admission"
"at risk of entering residential care"
"at imminent risk of placement"
"was about to go into a home"
"was due to go into a care home"
"was going to have to go into a home"
"the only option seemed to be a care home"
"a care home was the only option"
"they were talking about a care home"
"they said she'd need a nursing home"
"recommended for residential care"
"assessed as needing residential care"
"deemed to need a nursing home"
"feared she'd have to go into a home"
"terrified of going into a home"
"the last thing she wanted was a care home"
"kept her from going into a home"
"saved him from a care home"
"spared from going into a nursing home"
# a care home meant for a short stay, not a move
!near(<short_stay>, <care_home_core>, 6)
!"respite ~4 <care_home>"
!"rather die than"
# staying at home that failed or was only tried: the move happened
!"could not stay"
!"couldn't stay"
!"can't stay"
!"cannot stay"
!"unable to stay"
!"not stay"
!"tried ~4 stay"            # he'd rather die than go into a home: no move was avoided

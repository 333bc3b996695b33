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
example = improved: Since joining the lunch club she has made new friends.
example = worsened: Since the group closed he is lonelier than ever.
example = For months she didn't see anyone apart from the postman.
example = He rarely went out and kept himself to himself.
counterexample = He was nursed in isolation on the ward for five days.
counterexample = The farm is in an isolated spot ten miles from town.
counterexample = She can't walk to the shops, let alone into town.
counterexample = The carers come in twice a day to help him wash.
=lonely
loneli*                       # loneliness, lonelier; the stem of "lonely" is "lone" ("lone parent")
=lonesome
isolat*                       # isolated, isolation, isolating
"socially isolated"
"cut off"                     # from friends, from the world
housebound
"become ~1 withdrawn"         # withdrawn as a person, not an application withdrawn
"became ~1 withdrawn"
"becoming ~1 withdrawn"
"very withdrawn"
"more ~1 withdrawn"
"quite withdrawn"
"increasingly withdrawn"
"so withdrawn"
"has nobody"                  # having no one
"had nobody"
"have nobody"
"has no one"
"had no one"
"have no one"
"had no-one"
"has no-one"
"keeping ~1 to ~1 herself"    # keeping herself to herself
"keeping ~1 to ~1 himself"
"kept ~1 to ~1 herself"
"kept ~1 to ~1 himself"
"kept ~1 to ~1 themselves"
"keeps ~1 to ~1 herself"
"keeps ~1 to ~1 himself"
"shut ~2 away"                # shut herself away
"shut ~1 front door"          # shut the front door on the world
"gone into ~1 himself"
"gone into ~1 herself"
"went into ~1 himself"
"went into ~1 herself"
"stopped seeing people"
"stopped seeing anyone"
"stopped seeing friends"
"four walls"                  # "the same four walls": days spent indoors
"talking to the ~1 tv"
"talking to the ~1 telly"
"talking to the ~1 television"
"talking to the ~1 radio"
"only company"                # "the telly was my only company"
"all alone"
"completely alone"
"totally alone"
"very alone"
"so alone"
"felt ~2 alone"
"feel ~2 alone"
"feels ~2 alone"
"feeling ~2 alone"
"isn't alone"                 # company given: the resolved state
"not alone" @resolved
"totally on ~1 own"
"completely on ~1 own"
"all on ~1 own"
"on my own all the time"
"on her own all the time"
"on his own all the time"
"phone never rang"
"phone never rings"
"nobody ever knocked"
"nobody ever calls"
"days ~1 very long"           # the days were very long
"days are long"
"evenings ~2 very long"
"weekends ~2 very long"
"the loneliest"
# not seeing anyone: a contact word denied, or said with nobody
negated(before(<contact>, <anyone>, 3))   # didn't see anyone, never spoke to a soul
before(<contact>, <nobody>, 3)            # saw nobody, talking to nobody
before(<nobody>, <contact>, 2)            # nobody to talk to, nobody visited
"no one to ~2 with"                        # no one to go out with
"nobody to ~2 with"
# not leaving the house
before(<rarely>, <go_out>, 2)             # rarely went out, didn't get out, stopped going out
"stuck in ~2 house"
"stuck in ~2 flat"
"stuck indoors"
"sat in ~2 flat"
"sat in the house"
"sit in the flat"
"curtains drawn"
"curtains pulled"
# the resolved state: new ties with people (read as the improvement)
<new_ties> @resolved
"back among" @resolved        # back among his people
"less isolated" @resolved
"not on my own" @resolved     # not on my own in it any more
# "isolation" and "alone" in other senses
!"in isolation"               # nursed in isolation, working in isolation
!"isolation room"
!"of isolation"               # months of isolation (a lockdown period)
!"isolation during"
!"isolated in ~2 room"        # isolated in their rooms: infection control
!"isolated in ~2 rooms"
!"isolated ~1 <remote_place>" # an isolated spot, isolated rural areas
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
"wouldn't have dared"
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
counterexample = The care workers were exhausted after a double shift.
counterexample = The agency staff are rushed off their feet.
# Strain words count on their own: in a change story about caring they
# are nearly always the carer's; paid workers' strain is excluded below.
<strain>
"carer ~1 strain"
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
# paid workers' strain and a service under pressure are not carer stress
!near(<paid_worker>, <strain>, 8)
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
before(<would_have>, <care_home>, 8)
# a planned move called off
near(<care_home>, <called_off>, 8)
# back from a care home to a home of one's own
near(<leave_care>, <care_home>, 6)
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
# a care home meant for a short stay, not a move
!near(<short_stay>, <care_home>, 6)
!"respite ~4 <care_home>"
!"rather die than"            # he'd rather die than go into a home: no move was avoided

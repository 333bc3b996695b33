# concepts.lex - the word classes the bundled themes are written with
# (lexicon language v2: see README.md, "Word classes and rules").
#
# A class is a concept, named once and used as <name> inside phrases and
# rules in any lexicon file. Members are everyday English, gathered from the
# codebook's definitions and from how people in adult social care talk and
# write (first-person accounts, case notes, news, testimonials): each class
# says in its comment what it is for, so a researcher can extend it without
# reading a story. No member stands for a single story.

# ---- people -----------------------------------------------------------------

# An unpaid family member or friend who may be the one caring. A strain
# word counts for carer stress near one of these (or a caring word), so
# that a story's paid staff or the cared-for person are not mistaken for
# the carer.
[class family_carer]
wife
husband
partner
daughter
son
mum
mom
mam
mammy
mother
dad
father
sister
brother
niece
nephew
grandson
granddaughter
neighbour
neighbor
=i
=i'm
=i've
=i'd
=me
=my
=myself

# Words that say someone is caring for another, unpaid: the caring role.
# A bare "carer" is left out: as often a paid home carer as a family one.
[class caring]
caregiver
caregivers
caregiving
"care for ~2 <family_carer>"
"cares for ~2 <family_carer>"
"caring for ~2 <family_carer>"
"looking after ~2 <family_carer>"
"looks after ~2 <family_carer>"
"look after ~2 <family_carer>"
"carer for ~2 <family_carer>"
"carer to ~2 <family_carer>"
=minding
"full-time carer"
"main carer"
"sole carer"
"primary carer"
"unpaid carer"
"family carer"
"young carer"
"became ~1 carer"
"caring role"
"as a carer"
"as his carer"
"as her carer"
"carer's assessment"
"carers assessment"
"carer's break"
"carers centre"
"carers center"
"carers café"
"carers group"
"carer support"
"carers network"
"carers course"
"sitter"
"sitting service"
"day centre"
"day center"
"day program"
"day programme"

# Paid workers and services: their exhaustion is not carer stress, and a
# team's or volunteer's confidence is not the person's.
[class paid_worker]
staff
team
teams
nurse
nurses
=psw
=psws
workers
worker
colleagues
agency
volunteers
volunteer
coordinator
coordinators
manager
"care workers"
"support workers"
"home carers"
"the carers"
"the girls"
"district nurses"
"the service"
"the sector"
"the rota"
therapist
therapists
clinicians
"ward staff"

# ---- strain -----------------------------------------------------------------

# Being worn down by the demands of caring, in the words people use: the
# plain terms, idioms of exhaustion, and the signs of it (lost sleep,
# crying, not coping).
[class strain]
exhausted
exhaustion
exhausting
strain
strained
"burnt out"
"burned out"
burnout
"worn out"
"worn down"
"worn to a ~1 thread"
"worn to the bone"
"worn to a frazzle"
"wearing ~2 down"
shattered
"at breaking point"
"breaking point"
"end of ~2 tether"
"end of ~2 rope"
"at the end of ~1 rope"
"running on empty"
"running on adrenaline"
"on my knees"
"dead on ~2 feet"
"can't cope"
"couldn't cope"
"could not cope"
"can't keep ~1 doing this"
"cannot keep ~1 doing this"
"can't do this"
"cannot do this"
"how much longer"
"how long ~2 can ~1 keep"
"don't know how much longer"
"dont know how much longer"
"not sure how much longer"
"don't know how long"
"not sure how long"
"no idea how long"
"bone tired"
"tired out"
"dog tired"
"barely hanging on"
"hanging on by a thread"
"close to collapse"
"on edge"
"at my wits"
"drowning"
"crying in"
"cried in"
"cry in"
"howled"
"lying awake"
"lay awake"
"lie awake"
"not slept"
"hadn't slept"
"haven't slept"
"not had a full night"
"up all night"
"up three ~2 times a night"
"up four ~2 times a night"
"four hours ~1 sleep"
"hours sleep"
"hours of sleep"
"2-3 hrs sleep"
=frazzled
=knackered
=depleted
"toll on"
"a lot to deal with"
"too much for"
"getting too much"
"last straw"

# Feelings that are a carer's strain only when the story is about caring:
# said alone they are as often the cared-for person's own.
[class worry]
stressed
"that tired"
"so tired"
burden
overwhelmed
overwhelming
"not coping"
"struggling to cope"
"struggled to cope"
stress
stressful
"guilt"
"guilty"
"worry"
"worried"
"worrying"
"worries"
"anxious"
"anxiety"
"dread"
"dreading"
"tearful"
"in tears"
"shed ~2 tear"
"shed ~2 tears"
"tears in"
demanding
"crying"
"cried"
"tiring"
"tired"
"on call"
"round the clock"
"around the clock"
"day and night"
"a full-time job"
"24 7"
"no life of ~1 own"
"never switches off"
"no time for"
=frustrated
=frustration
"short with"
"snapping at"

# The relief of that strain, said as the good state: a break given, sleep
# back, a weight lifted.
[class relief]
"much-needed break"
"well-earned break"
"much needed break"
"well earned break"
"a proper break"
"break from caring"
"recharge ~2 batteries"
"weight off ~2 shoulders"
"breathe again"
"breathing space"
"can breathe"
"keep me sane"
"keeps me sane"
"lifesaver"
"life-saver"
"days to breathe"
"bliss"
"daughter again"
"son again"
"wife again"
"husband again"
"free now"
"not carrying it on my own"

# The same relief in words that say it only in a story about caring.
[class relief_weak]
respite
"occasional break"
"relieved"
"relief"
"peace of mind"
"time for myself"
"time to myself"
"a break"
"short break"
"short breaks"
"sleeping better"
"sleep better"
"sleeping again"
"a day off"
"days off"

# ---- contact ----------------------------------------------------------------

# Seeing or speaking with other people.
[class contact]
see
saw
seen
seeing
speak
spoke
spoken
speaking
talk
talked
talking
chat
chatted
visit
visited
visits
visitors
"a conversation"
"a proper conversation"
"a word"
company
=knocked
=called
=rang

# Anyone at all, as in "didn't see anyone".
[class anyone]
anyone
anybody
"a soul"
"a living soul"
"another person"
"a word"
people
friends

# Nobody, as in "saw nobody".
[class nobody]
nobody
"no one"
no-one
noone
"not a soul"
"no visitors"
"nobody but"

# Leaving the house, as in "rarely went out".
[class go_out]
"go out"
"goes out"
"went out"
"going out"
"get out"
"gets out"
"got out"
"leave the house"
"leaves the house"
"left the house"
"leaving the house"
"leave the flat"
"left the flat"
"out of the house"
"out of the flat"
"leaves home"
"left home"

# Hardly ever, as in "hardly went out".
[class rarely]
rarely
never
hardly
barely
seldom
"hardly ever"
"stopped"
"not"
"didn't"
"don't"
"doesn't"
"wouldn't"
=won't
=dont
=didnt
=doesnt
=wont
"too scared to"
"too frightened to"
"too upset to"

# New ties with people: the resolved state of isolation.
[class new_ties]
"new friends"
"made friends"
"make friends"
"making friends"
"made ~2 friends"
"making ~2 new friends"
"good friends"
"firm friends"
"close friends"
"friendship"
"friendships"
"friends again"
"social life again"
"given ~1 the company"
"gave ~1 the company"
"keeps ~1 company"
"companionship"
"a gang"
"got himself a gang"
"my people"
"his people"
"her people"
"more connected"
"feel ~2 connected"
"felt ~2 connected"
reconnect*
"someone to talk to"
"somebody to talk to"
"someone to chat to"
"somebody to chat to"
"somebody to save"
"keep ~1 company"
"has company"
"some company"
"for company"
"a laugh"

# A stay in a care home that is meant to end: respite and rehabilitation
# are not a move into residential care.
[class short_stay]
respite
rehab
rehabilitation
reablement
"short-term"
"short term"
"short stay"
"short-stay"
temporary
temporarily
"a week"
"two weeks"
"intermediate care"
"step-down"

# Places far from others, as geography: an isolated farm is no person's
# isolation.
[class remote_place]
spot
area
areas
village
villages
farm
farms
location
part
region
district
community
communities
road
lane
"rural area"

# ---- care homes -------------------------------------------------------------

# A place a person might move into for good: residential and nursing care
# by their British, Irish, Australian, New Zealand and North American names.
[class care_home]
"care home"
"care homes"
"nursing home"
"nursing homes"
"residential care"
"residential home"
"residential placement"
"residential placements"
"a residential"
"long-term care"
"long term care"
"long-term placement"
"24-hour care"
"twenty-four hour care"
"round-the-clock care"
"aged care facility"
"aged care home"
"residential aged care"
"aged care"
"rest home"
"care facility"
"nursing facility"
"memory care"
"assisted living"
"into a home"
"in a home"
"go in a home"
"placement"
"a bed"
"long-term nursing care"

# What stands in for a care home: a place of one's own, with help.
[class own_home]
"own home"
"own house"
"own flat"
"own bungalow"
"own apartment"
"own place"
"own front door"
"own kitchen"
"own chair"
"own bed"
"own things"
"own four walls"
"her house"
"his house"
"her flat"
"his flat"
"her bungalow"
"his bungalow"
"her unit"
"his unit"
"her apartment"
"the house"
"at home"
"home"

# Said when a planned or proposed move is no longer wanted or needed.
[class called_off]
cancelled
canceled
withdrawn
"no longer needed"
"not needed"
"never needed"
"wasn't needed"
"no longer necessary"
"not necessary"
"called off"
"taken off"
"came off"
"stopped"

# Would have, had things gone otherwise.
[class would_have]
"would have"
=would've
"would be"
=she'd
=he'd
=i'd
=they'd
=we'd
"would ~1 likely"
"would ~1 probably"
"would ~1 most likely"
"most likely"
"likely"
"would have needed"
"heading for"
"heading towards"
"headed for"
"on course for"
"ended up"
"end up"

# A place of one's own with help, the alternatives to a care home.
[class alternative_home]
"extra care"
"extra-care"
"shared lives"
"supported living"
"supportive housing"
"live-in care"
"live-in carer"
"in-home care"
"home first"
"sheltered housing"

# Going home again, said in a story about a care home.
[class leave_home_again]
"back into the community"
"back to the community"
"move back home"
"moved back home"
"back home"
"home again"
"came home"
"come home"
"went home"
"returned home"
"return home"

# Leaving a care home for a home of one's own.
[class leave_care]
"moved out of"
"move out of"
"left"
"leaving"
"back home"
"home from"
"home after"
"returned home"
"return home"
"went home"
"go home"
"came home"
"discharged from"
"out of the"
"back to ~2 own"
"back in ~2 own"
"back to the community"
"into the community"
"into the community"

# Staying put.
[class stay]
stay
stays
stayed
staying
remain
remains
remained
remaining
still
"able to stay"
"able to remain"
"keep ~1 at home"
"keeps ~1 at home"
"kept ~1 at home"
"back in"
"back to"
"living in"
"lives in"
"living independently"

# concepts.lex - the word classes the bundled themes are written with
# (lexicon language v2: see README.md, "Word classes and rules").
#
# A class is a concept, named once and used as <name> inside phrases and
# rules in any lexicon file. Members are everyday English, gathered from the
# codebook's definitions and from how people in adult social care talk and
# write (first-person accounts, case notes, news, testimonials): each class
# says in its comment what it is for, so a researcher can extend it without
# reading a story. No member stands for a single story.

# ---- people ----------------------------------------------------------------

# The reflexive pronouns: "stood up for herself", "speaks for himself".
[class self]
myself
herself
himself
themselves
themself

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
carer
"unpaid carer"
"family carer"
"informal carer"
"primary carer"
"main carer"
"sole carer"
"principal carer"
"co-resident carer"
"young carer"
"young adult carer"
"parent carer"
"older carer"
"ageing carer"
"spousal carer"
"caring for my wife"
"caring for my husband"
"caring for her mother"
"caring for mum"
"caring for dad"
"looking after mum"
"looking after my husband"
"looks after her son"
"caring role"
"caring responsibilities"
"caring duties"
"a friend who looks after her"
"carer's allowance"
"carers allowance"
"carer payment"
"carer allowance"
"carer's assessment"
"carer support plan"
"adult carer support plan"
"carer's break"
"carers centre"
"carers group"
"carers uk"
"carers trust"
"carers australia"
"carers nz"
"kinship carer"
"moved in to care for"
"gave up work to look after"
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
=nurse                   # exact: the stem of "nursing her" is a family carer's too
=nurses
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
=manager                 # exact: "manageable" shares its stem
=managers
"care workers"
"support workers"
"home carers"
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
"running on fumes"
"gone under"
"go under"
"worn right through"
"worn through"
"death warmed up"
"raised my voice"
"shouting at my"
"snapped at"
"greetin"
"grat"
"felt sick about"
"24-hour job"
"twenty-four hour job"
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
"not sure how long ~3 keep"
"don't know how long ~3 keep"
"no idea how long ~3 keep"
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

# The commonest words of strain, for the paid-worker exclusion (the full
# class in a near() would make thousands of phrases).
[class strain_core]
exhausted
exhaustion
stress
stressed
strain
"burnt out"
"burned out"
burnout
"worn out"
shattered
wrecked
tired
"run ragged"
"at breaking point"
"under pressure"
"on their knees"

# Feelings that are a carer's strain only when the story is about caring:
# said alone they are as often the cared-for person's own.
[class worry]
"carer stress"
"carer strain"
"carer burden"
"caregiver burden"
"caregiver stress"
"carer burnout"
burnout
"burnt out"
"burned out"
exhausted
exhaustion
"physically and emotionally exhausted"
"completely exhausted"
"mentally exhausted"
"worn out"
"worn down"
"ground down"
"run off my feet"
shattered
knackered
"wiped out"
drained
"emotionally drained"
"running on empty"
"running on fumes"
"nothing left to give"
"at the end of my tether"
"at the end of her tether"
"at the end of my rope"
"at my wits end"
"at her wits end"
"at breaking point"
"close to breaking point"
"reached crisis point"
"on the verge of collapse"
"carer breakdown"
"at risk of carer breakdown"
"breakdown of the caring arrangement"
"nervous breakdown"
"falling apart"
"fell apart"
"i was in pieces"
"couldn't cope"
"can't cope"
"not coping"
"struggling to cope"
"barely coping"
"just about coping"
"finding it hard"
"finding it really hard"
overwhelmed
"completely overwhelmed"
"feeling overwhelmed"
swamped
drowning
stressed
"stressed out"
"highly stressed"
"under a lot of stress"
"under enormous pressure"
"strain on the family"
"taking its toll"
"took its toll"
"a heavy toll"
"a heavy burden"
"the burden of care"
"shouldering everything"
"carrying it all"
"everything falls on me"
"it all falls on her"
"doing it all on my own"
"single-handedly caring"
"no one to help"
"no help at all"
"no support"
"never get a break"
"never had a break"
"no time for myself"
"no time to myself"
"no life of my own"
"no life of her own"
"put my life on hold"
"life on hold"
"gave up work to care"
"had to give up my job"
"reduced her hours to care"
"round the clock"
247
"twenty-four seven"
"on call all the time"
"on duty day and night"
"up all night"
"up several times a night"
"up every night with him"
"hadn't slept properly in months"
"not sleeping"
"sleep deprived"
"broken sleep"
"lack of sleep"
"haven't had a full night's sleep"
"haven't had a night off in years"
"hadn't had a holiday in years"
"can't leave him alone"
"can't leave her on her own"
"can't go anywhere"
"tied to the house"
"felt trapped"
resentful
resentment
"feel guilty"
"carer guilt"
frustrated
"snapping at him"
"losing my temper"
short-tempered
irritable
tearful
"in tears"
"crying all the time"
"broke down in tears"
"cried down the phone"
"constant worry"
"worried sick"
"worried to death"
"worrying all the time"
"sick with worry"
"out of my mind with worry"
"lying awake worrying"
"what will happen to him when i'm gone"
depressed
"low mood"
"on antidepressants"
"gp signed me off"
"my own health suffered"
"her own health is suffering"
"neglecting my own health"
"hurt my back lifting him"
"lost weight with the stress"
"not eating properly"
"can't go on like this"
"couldn't go on like this"
"can't carry on"
"couldn't carry on"
"can't do this anymore"
"it's too much"
"too much for me"
"too much for her"
"got too much"
"things got on top of me"
"juggling work and caring"
"juggling everything"
"sandwich generation"
"spread too thin"
"stretched to the limit"
"pushed to the limit"
"the last straw"
"hanging on by a thread"
"barely holding it together"
"keeping my head above water"
"just getting through the day"
"one day at a time"
relentless
"relentless demands"
"constant demands"
exhausting
draining
"hard going"
"a constant struggle"
"an uphill battle"
"battling services"
"fighting for help"
"fighting for support"
"begging for help"
"crying out for help"
"a cry for help"
"desperate for help"
"isolated carer"
"lonely as a carer"
"lost my friends since caring"
"strain on the marriage"
"strain on the relationship"
"tension at home"
"grieving the person he was"
"watching him decline"
heartbreaking
"emotional toll"
"emotional strain"
"emotional burden"
"physical strain"
"financial strain"
"money worries"
"struggling financially"
"on edge"
"walking on eggshells"
"never switch off"
"can't switch off"
"constantly on alert"
"always listening out for her"
"my mental health suffered"
"panic attacks"
"nerves in shreds"
"my nerves are shot"
frazzled
"at the end of the road"
"fed up"
"had enough"
"sick and tired"
"struggling to manage him"
"unable to continue caring"
"no longer able to care"
"can't manage him anymore"
"couldn't manage her at home"
"caring role unsustainable"
"not sustainable"
"cracking up"
"going under"
"losing my mind"
"felt like screaming"
"wanted to run away"
"felt like giving up"
"worn to a frazzle"
"no let-up"
non-stop
never-ending
thankless
unappreciated
"feeling unsupported"
"left to cope alone"
"left to get on with it"
"nobody asks how i am"
"invisible carer"
"hidden carer"
"looked exhausted"
"aged ten years"
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
"a different person"
"human again"
"feel human"
"feels human"
"full tank"
"slept a whole night"
"slept through"
"sleeping through"
"got my life back"
"wife back"
"husband back"
"bit of go"
"keep people like me going"
"knot ~3 gone"
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
"a much-needed break"
"a well-earned break"
"a well-deserved break"
"a breather"
"breathing space"
"time for myself"
"time to herself"
"me time"
"a weekend away"
"first holiday in years"
"able to go away"
"recharge my batteries"
recharged
"a weight off my shoulders"
"a huge weight lifted"
"a huge relief"
"such a relief"
"peace of mind"
"i can relax now"
"able to relax"
"able to sleep"
"sleeping better"
"a full night's sleep"
"slept through the night"
"no longer worried"
"share the load"
"lightened the load"
"eased the burden"
"reduced the burden"
"taken the pressure off"
"less pressure"
"coping better"
"managing better"
"able to see my friends again"
"got my life back"
"feel human again"
"feel like myself again"
"can be a daughter again"
"can just be his wife again"
"back to being a wife rather than a carer"
refreshed
"a godsend"
"couldn't have managed without"
"made a world of difference"
"light at the end of the tunnel"
"can breathe again"
"the strain has eased"
"enjoy time together again"
"relieved"
"relief"
"peace of mind"
"time for myself"
"time to myself"
"sleeping better"
"sleep better"
"sleeping again"

# Breaks from caring as a service: named, asked for, cut or given. Said
# alone they are the theme's subject but no change: "a break the passage
# says was given" is said by the relief words.
[class breaks]
respite
"a break"
"short break"
"short breaks"
"occasional break"
"a day off"
"days off"
"time off"
"sitting service"

# The carer's situation said to have got worse.
[class worse_now]
"worse night"
"it's got worse"
"i'm worse than"
"it's worse"
"it is worse"
"this is worse"
"far worse"
"much worse"
"got worse"
"gotten worse"
"getting worse"
"got so much worse"
"worse than"
"harder than"
"getting harder"
"got harder"
"a little harder"

# ---- isolation --------------------------------------------------------------

# Social isolation or loneliness as a problem, in plain words and in its
# signs: nobody to see, not going out, shut away. The isolation theme
# counts each; a story's new ties count as its resolution only beside one.
[class lonely]
"knew nobody"
"knew no one"
"knew no-one"
"in front of the television"
"in front of the telly"
"in front of the tv"
"stopped answering the ~1 phone"
"stopped answering the door"
"without opening my mouth"
"without hearing a voice"
"only person i"
"only people she talks to"
"only people he talks to"
"only person she"
"only person he"
"nobody would know"
"a real friend"
"stopped inviting"
"stopped calling"
"stopped ringing"
"calls stopped"
"shut out"
"now i sit in"
"last conversation"
"conversations with the"
"talking to myself"
"hear the clock"
"clock ticking"
"lost the habit of people"
"out of the habit of people"
lonely
"so lonely"
"very lonely"
"felt lonely"
"feels lonely"
"feeling lonely"
"was lonely"
loneliness
lonesome
isolated
"socially isolated"
"feeling isolated"
"felt isolated"
"feels isolated"
"becoming isolated"
"became isolated"
"increasingly isolated"
"very isolated"
"social isolation"
"isolated and lonely"
"lonely and isolated"
"cut off"
"felt cut off"
"cut off from everyone"
"cut off from the world"
"cut off from the outside world"
"cut off from friends"
"cut off from her family"
"no one to talk to"
"nobody to talk to"
"no one to speak to"
"nobody to speak to"
"had no one"
"has no one"
"had nobody"
"no one visits"
"nobody visits"
"nobody came round"
"no one came to see her"
"no visitors"
"never had visitors"
"rarely sees anyone"
"hardly sees anyone"
"hardly saw anybody"
"didn't see a soul"
"not seeing a soul"
"never saw anyone"
"went days without speaking to anyone"
"go days without speaking to anyone"
"days without talking to anyone"
"weeks without seeing anyone"
"hadn't spoken to anyone in days"
"hadn't had a proper conversation in weeks"
"the phone never rings"
"the phone never rang"
"no one rings"
"nobody rings"
"no one calls"
"nobody phones"
"nobody knocks on the door"
"waiting for the phone to ring"
"talking to the telly"
"talking to the tv"
"talking to the radio"
"talking to the cat"
"talking to the walls"
"the tv for company"
"the radio on for company"
"the telly is her only company"
"only company is the dog"
"stuck indoors"
"stuck in the house"
"stuck at home"
housebound
"confined to the house"
"confined to her flat"
"trapped at home"
"trapped in the house"
"prisoner in my own home"
"a prisoner in her own home"
"couldn't get out"
"can't get out"
"unable to get out"
"unable to leave the house"
"not going out"
"stopped going out"
"never goes out"
"rarely leaves the house"
"hadn't left the house in weeks"
"hadn't been out for months"
"staring at four walls"
"the same four walls"
"within four walls"
"socially withdrawn"
"withdrawing from friends"
"kept to himself"
"kept herself to herself"
"keeps to themselves"
"shut himself away"
"shut herself away"
"shut away"
"shut in"
recluse
reclusive
"became a recluse"
"living like a hermit"
"lost touch with friends"
"lost contact with family"
"lost touch with everyone"
"drifted apart from friends"
"friends have all died"
"outlived her friends"
"all my friends have gone"
"no family nearby"
"family live far away"
"family moved away"
"family abroad"
"estranged from family"
"estranged from her children"
"no friends"
"had no friends"
"no social life"
"no social contact"
"little social contact"
"limited social contact"
"minimal social contact"
"lack of social contact"
"no human contact"
"missing human contact"
"lack of companionship"
"no companionship"
"lacked company"
"no company"
"craves company"
"longing for company"
"starved of company"
"desperate for a chat"
"desperate for someone to talk to"
"just wanted someone to talk to"
"nobody to share things with"
"no one to turn to"
"on my own all day"
"alone all day"
"alone most of the day"
"sat alone"
"sits alone all day"
"spent hours alone"
"spends all day on her own"
"left on her own"
"all alone"
"all on my own"
"felt alone"
"feeling alone"
"felt so alone"
"felt very alone"
"nobody cares"
"no one cares"
"felt forgotten"
"forgotten about"
"felt invisible"
"left behind"
"felt abandoned"
disconnected
"felt disconnected"
"disconnected from the community"
"felt excluded"
"left out"
"on the outside looking in"
"only sees the carers"
"the carers are the only people she sees"
"only contact is with care staff"
"only human contact"
"the postman is the only person she sees"
"afraid to go out"
"too frightened to go out"
"too anxious to leave the house"
"social circle shrank"
"her world shrank"
"his world had shrunk"
"her world got smaller"
"a shrinking world"
"life had closed in"
"widowed and alone"
"since her husband died she has been alone"
"grieving alone"
"nobody to go out with"
"no one to go with"
"nowhere to go"
"nothing to do all day"
"bored and lonely"
"long empty days"
"long days on her own"
"the days are long"
"the evenings are long"
"weekends are the worst"
"sundays are the hardest"
"christmas on my own"
"spent christmas alone"
"dreaded the evenings"
"the house is so quiet"
"the house is too quiet"
"deafening silence"
"rattling around the house"
"rattling around on my own"
"no reason to get up"
"no reason to get dressed"
"didn't bother getting dressed"
"stopped seeing friends"
"stopped going to church"
"stopped going to the club"
"gave up her hobbies"
"dropped out of activities"
"disengaged from everything"
"didn't know the neighbours"
"doesn't know anyone"
"doesn't know a soul"
"knew no one in the area"
"new to the area and knew nobody"
"no support network"
"no network around her"
"isolated and depressed"
"low and lonely"
"crushing loneliness"
"chronic loneliness"
"deeply lonely"
"desperately lonely"
"painfully lonely"
"achingly lonely"
"a lonely existence"
"a solitary existence"
"a solitary life"
"eating alone"
"eats alone every night"
"meals on her own"
"no one to have a cuppa with"
"isolated from the community"
"isolated from friends and family"
"stopped driving and couldn't get out"
"couldn't get to the shops anymore"
"couldn't manage the bus anymore"
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
before(<contact>, <nobody>, 3)            # saw nobody, talking to nobody
before(<nobody>, <contact>, 2)            # nobody to talk to, nobody visited
"no one to ~2 with"                        # no one to go out with
"nobody to ~2 with"
before(<rarely>, <go_out>, 2)             # rarely went out, didn't get out, stopped going out
"stuck in ~2 house"
"stuck in ~2 flat"
"stuck indoors"
"sat in ~2 flat"
"sat in the house"
"sit in the flat"
"curtains drawn"
"curtains pulled"
"sat alone"
"sits alone"
"sit alone"
"sitting alone"

# A social life taken up: places and habits of meeting people. Going to a
# group says nothing of isolation by itself; beside a story's isolation
# it is how the isolation ended. A bare "the group", "the centre" or "the
# club" is left out: it names a place or a service ("at the centre of her
# care", "the group of professionals"), not that the person goes.
[class social_life]
"full diary"
"a busy week"
"something in the diary"
"lunch club"
"luncheon club"
"coffee morning"
"coffee mornings"
"men's shed"
"mens shed"
"social club"
"tea dance"
"choir"
"day centre"
"day center"
"day program"
"the pub"
"the quiz"
"a quiz"
"on the committee"
"a regular"
"the regulars"
"out and about"
"get out more"
"gets out more"
"getting out more"
"meet up"
"meets up"
"meet people"
"meeting people"
"met people"
"meeting new people"
"a chat"
"a natter"
"catch up"
"rings me"
"calls me"
"phones me"
"look forward to"
"looks forward to"
"back at"
"back to the"
"now goes"
"now go"
"now attends"
"now has"
"has a regular"
"they now"
"we now"

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
"made friends"
"made new friends"
"making new friends"
"has made friends"
"a new friend"
"new friendships"
"formed friendships"
"struck up a friendship"
"built friendships"
"lasting friendships"
"friends for life"
"met new people"
"meeting new people"
"meets people"
"got to know people"
"got to know her neighbours"
"knows her neighbours now"
"chats with the neighbours"
"on first-name terms"
reconnected
reconnecting
"reconnected with friends"
"reconnected with old friends"
"reconnected with her family"
"back in touch"
"got back in touch with"
"back in contact"
"in contact with family again"
"rekindled friendships"
"reunited with"
socialising
"socialising again"
"started socialising"
"socialises regularly"
"more sociable"
"a social life again"
"a busy social life"
"getting out and about"
"out and about again"
"getting out more"
"goes out more"
"started going out again"
"got her out of the house"
"gets him out of the house"
"back out in the community"
"part of the community"
"feels part of the community"
"sense of community"
"a sense of belonging"
"part of something"
"joined a group"
"joined a club"
"joined the lunch club"
"goes to a lunch club"
"coffee morning"
"goes to the coffee mornings"
"attends a day centre"
"goes to the day centre"
"men's shed"
"community group"
"a volunteer visits"
"weekly visits"
"regular visitors"
"has company"
"enjoys the company"
"enjoys the companionship"
"found companionship"
"company of others"
"someone to talk to"
"has someone to talk to"
"someone to chat with"
"a cuppa and a chat"
"enjoys a natter"
"something to look forward to"
"looks forward to it every week"
"a reason to get up"
"a reason to get dressed"
"doesn't feel alone"
"feels connected"
"more connected"
"connected to others"
"social connection"
"sees her grandchildren"
"family visits more"
"the phone rings now"
"has a circle of friends"
"widened her circle"
"expanded his social network"
"built a support network"
"came out of her shell"
"came out of his shell"
"came out of herself"
"rejoined the choir"
"back at church"
"back down the pub"
"goes to bingo"
"goes dancing"
"mixing with others"
"mixing with people"
mingling
"being around people"
"around other people again"
"with people again"
"interacting with others"
"engaging with others"
"peer support group"
"video calls with family"
"video calls with the grandchildren"
"getting the bus again"
"community transport to the club"
"a lift to the club"
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
"mates again"
"friends to talk to"
"belong somewhere"
"sense of belonging"
"feel like i belong"
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
"residential care"
"residential care home"
"residential home"
"nursing home"
"care home with nursing"
"old people's home"
"old folks home"
"old folks home"
"retirement home"
"rest home"
"aged care"
"aged care facility"
"aged care home"
"residential aged care"
"residential aged care facility"
racf
"aged residential care"
"home for the elderly"
"elderly care home"
"dementia care home"
"dementia unit"
"memory care"
"memory care unit"
"skilled nursing facility"
snf
"long-term care"
"long-term care facility"
"long-term care home"
"ltc home"
"personal care home"
"nursing facility"
"care facility"
"institutional care"
institution
"residential placement"
"permanent placement"
"long-term placement"
"permanent residential care"
"a home"
"into a home"
"in a home"
"emi home"
"emi unit"
"county home"
"community nursing unit"
"long stay unit"
"continuing care unit"
"hospital-level care"
"private hospital"
"convalescent home"
"care centre"
"residential service"
"learning disability residential home"
"specialist residential placement"
"out-of-area placement"
"fair deal scheme"
"nursing home support scheme"
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

# The commonest names of a care home, for the proximity rules: every
# member of a class in near() makes phrases in both orders, and the full
# class above would make thousands.
[class care_home_core]
"care home"
"nursing home"
"residential care"
"residential home"
"residential placement"
"rest home"
"aged care"
"long-term care"
"long term care"
"care facility"
"nursing facility"
"into a home"
"in a home"
placement

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
"name off the list"
"off the list"
"off the waiting list"
"off the table"
"no thanks"
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
"heading into"
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
"discharged home"
"remains there"
"remains at home"
"went home"
"instead we"
"instead she"
"instead he"
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

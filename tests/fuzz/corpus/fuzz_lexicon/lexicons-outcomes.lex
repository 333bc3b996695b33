# outcomes.lex - the Community Led Support programme outcomes, as nested
# themes, using the numbering and meanings given in the CLS Evidence &
# Learning Briefings 2020 (Paper 4, "Learning from Stories of Change"):
#
#   Outcome 1  help early: people turn up at a hub without being invited or
#              referred, rather than meeting social care at the point of crisis
#   Outcome 2  increased presence and use of local, community-based solutions
#              and options for support
#   Outcome 3  people achieve their goals and improve their resilience and
#              wellbeing: less socially isolated, more connected, more
#              confident; carers less stressed
#   Outcome 4  smoother, quicker, joined-up, holistic support through better
#              partnerships and the local knowledge of staff
#   Outcome 6  better use of resources and changes to personal living
#              arrangements, e.g. remaining in one's own home
#
# The papers do not say what Outcome 5 is (the outcomes figure is not in the
# text), so it is left out rather than guessed. Paper 1 and Paper 3 describe
# the positive impact on staff ("empowers and enables staff"); that is kept as
# an un-numbered theme at the end.
#
# Regexes run over the original sentence text, so apostrophes may be ' or ’.

[outcome1]
label = Outcome 1: Help early
description = People get help early, before a crisis, e.g. by turning up at a community hub.
polarity = asset

[outcome1.early_help]
label = Help before crisis
description = Help sought or given early, informally and without referral, before things reach crisis point.
polarity = asset
=drop-in
=drop-ins
"dropped in"
"popped in"
"pop* into"
"walked in"
"walked into"
"turned up"
=pop-up
"talking point"
"without ~2 referral"
"without ~3 appointment"
"point of crisis"
"crisis point"
"before ~3 crisis"
"early ~2 help"
"early ~2 support"
"early ~1 stage"
"nip* ~3 in the bud"
/\bbefore (things|it|matters|the situation|her situation|his situation)\s+(got|became|reached|could get|had a chance to get)\s+(any\s+)?(worse|serious|a crisis|crisis point|out of hand)/i

[outcome2]
label = Outcome 2: Community solutions
description = Increased presence and use of local, community-based solutions and options for support.
polarity = asset

[outcome2.community_solutions]
label = Local community-based support
description = Use of local groups, clubs, volunteers, neighbours and other community-based options, alongside or instead of statutory support.
polarity = asset
signpost*
"community ~2 group"
"local ~2 group"
"community ~2 support"
"community-based"
"community ~2 option"
"community ~2 solution"
"community ~2 transport"
"lunch club"
"luncheon club"
"men's shed"
"walking group"
"knit* group"
"coffee morning"
"good neighbour*"
befriend*
volunt*                       # volunteer, volunteers, volunteering
neighbour                     # neighbours as informal support
club
church
library
"community ~1 centre"
"village hall"
"instead of ~3 care package"
"rather than ~3 care package"

[outcome3]
label = Outcome 3: Goals, resilience and wellbeing
description = People achieve their goals and improve their resilience and wellbeing.
polarity = asset

[outcome3.wellbeing]
label = Wellbeing and resilience
description = Improved wellbeing, resilience, independence and sense of self; achieving goals.
polarity = asset
wellbeing
well-being
resilience
independence                  # stems to "independ": independent, independently
happier
"feel* ~2 better"
"felt ~2 better"
/\blike (my|him|her|them)sel(f|ves) again\b/i   # "I feel like myself again"
"back to ~1 old self"
"new lease of life"
"enjoy* life"
"quality of life"
"achiev* ~3 goal"
"peace of mind"
"security blanket"            # Paper 4's image for knowing where to get help
"help ~1 themselves"
"help ~1 herself"
"help ~1 himself"
"listened to"                 # Paper 4: people feel listened to, often for the first time

[outcome3.connected]
label = Less isolated, more connected
description = People feel less socially isolated and more connected with their community.
polarity = asset
"less isolated"
"less lonely"
"no longer ~2 isolated"
"no longer ~2 lonely"
"more connected"
"feel* ~1 connected"
"felt ~1 connected"
"connected ~2 community"
reconnect*
"part of ~2 community"
"new friends"
"made ~2 friends"
"make ~2 friends"
friendship
"someone to talk to"
"social contact"
"full diary"
"something to look forward to"

[outcome3.confidence]
label = More confident
description = People's confidence and sense of being able to tackle problems grows.
polarity = asset
confidence
self-confid*
self-belief
self-esteem
"feel ~1 empowered"
"felt ~1 empowered"
/\bbelieve[sd]? in (herself|himself|themselves|myself)\b/i
/\b(feel|feels|felt|feeling) able to\b/i
!=confide
!=confided
!=confiding

[outcome3.carers]
label = Carers supported
description = Family carers experience less physical and emotional stress, better relationships and better health.
polarity = asset
"carer ~1 break"
respite
"carer* ~2 assessment"
"carer* ~2 support"
"support ~2 carer"
"time for ~1 herself"
"time for ~1 himself"
"time to ~1 herself"
"time to ~1 himself"
/\b(carer|carers|caring|looking after)\b.{0,60}\b(less (stressed|tired|worried)|more rested|relieved|relief|a break|breathing space)\b/i

[outcome4]
label = Outcome 4: Joined-up support
description = Smoother, quicker, joined-up and holistic support through better partnerships and local knowledge.
polarity = asset

[outcome4.joined_up]
label = Smoother, quicker, joined-up support
description = Partners working together, local knowledge of staff, quick and holistic person-centred support.
polarity = asset
joined-up
"join* up"
partnership
"work* together"
"worked together"
"joint visit"
holistic
person-cent*                  # person-centred, person-centered
smoother
quicker
"same day"
"same week"
"within ~2 days"
"local knowledge"
"knew ~3 who"
liais*
"put ~2 in touch"
"linked ~2 up"
"between ~3 services"
"between ~3 agencies"
/\b(didn['’]t|did not|no longer|never) (have|had|need(ed)?) to (repeat|tell|explain)\b/i

[outcome6]
label = Outcome 6: Resources and living arrangements
description = Better use of resources and changes to living arrangements, e.g. remaining in one's own home.
polarity = asset

[outcome6.living_arrangements]
label = Living arrangements
description = People remain in, return to, or move to a home that suits them, with adaptations or tailored support; residential care avoided.
polarity = asset
"own home"
"living arrangements"
"stay ~3 at home"
"remain ~3 at home"
"rather than ~4 residential"
"rather than ~4 care home"
"instead of ~4 care home"
"avoid* ~4 care home"
sheltered
"extra care"
bungalow
adaptation
"grab rail"
stairlift
=stair-lift
"key safe"
ramp
"moved ~4 closer to"
"move* ~3 downstairs"

[outcome6.resources]
label = Better use of resources
description = Support arranged differently so that it costs the same or less: smaller or no care packages, community options instead of formal services.
polarity = asset
"better use of ~2 resources"
"care package ~3 reduced"
"reduc* ~3 care package"
"no longer ~3 need* ~3 care package"
"no longer ~3 need* ~3 visits"
"fewer ~2 visits"
"instead of ~3 care package"
"instead of ~3 home care"
"rather than ~3 care package"
"rather than ~3 home care"
"without ~3 care package"
/\b(cost|costs|saving|savings|saved)\b.{0,40}\b(council|care|package|placement)\b/i

# ---- not a numbered outcome ----------------------------------------------

[staff_empowered]
label = Staff empowered
description = Staff and partners feel trusted, able to make timely decisions and to work differently (Papers 1 and 3: the approach empowers and enables staff).
polarity = asset
"staff ~3 empowered"
"staff ~3 trusted"
"feel-good factor"
"timely decision*"
"freedom to"
"able to make ~2 decision*"
/\b(worker|navigator|connector|practitioner|social worker|staff|team)\b.{0,60}\b(felt|feels|feel)\s+(empowered|trusted|valued|free to)/i

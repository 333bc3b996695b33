# themes.lex - the four cross-cutting themes of change stories.
#
# Written from the coding definitions in corpus/README.md, the language of
# the CLS Evidence & Learning papers (Paper 4: "less socially isolated and
# more connected", "improved their sense of confidence", "reduce the physical
# and emotional stress they experience as carers", "stay in their home rather
# than move into residential care") and general English. Not fitted to the
# bundled corpus.
#
# Regexes run over the original sentence text, so apostrophes may be ' or ’.

[isolation]
label = Social isolation
description = The person's social isolation or loneliness, as a problem or as its reduction (being cut off, having no one, not going out; becoming connected again).
polarity = problem
=lonely
loneli*                       # loneliness, lonelier: the stem of "lonely" is "lone", which would also hit "lone parent"
isolat*                       # isolated, isolation, isolating ("self-isolating" is one token and does not match)
housebound
withdrawn
"cut off"
"felt ~1 alone"
"feel ~1 alone"
"all alone"
"no one to talk to"
"nobody to talk to"
"someone to talk to"
"no one to ~2 with"           # no one to go out with, no one to share it with
"social contact"
"more connected"
"feel ~1 connected"
"felt ~1 connected"
reconnect*
"part of ~2 community"
friendship
"new friends"
"made ~2 friends"
"make ~2 friends"
befriend*                     # befriending schemes exist to tackle loneliness
/\b(rarely|seldom|never|hardly ever|barely)\s+(went|goes|go|got|gets|left|leaves|leave|going|getting)\s+(out|outside|out of the house)\b/i
/\b(hadn['’]t|had not|hasn['’]t|has not|wasn['’]t|was not)\s+(been out|left the house|gone out|going out|getting out)\b/i
/\bkept (himself|herself|themselves) to (himself|herself|themselves)\b/i
# "isolation" in the system sense ("change cannot happen in isolation")
!"in isolation from"
!"work* in isolation"

[confidence]
label = Confidence
description = The person's confidence or self-belief, gained, lost or lacking, or an explicit equivalent (believing in oneself, feeling able to speak up).
polarity = asset
confidence                    # stems to "confid": confident, confidently too
self-confid*
self-esteem
self-belief
self-assur*
self-worth
courage                       # found / plucked up the courage
assertive
"feel ~1 empowered"
"felt ~1 empowered"
"lost ~2 nerve"
"speak up"
"spoke up"
"speaking up"
"sure of ~1 herself"
"sure of ~1 himself"
"sure of ~1 themselves"
/\bbelieve[sd]? in (herself|himself|themselves|myself|yourself)\b/i
/\b(feel|feels|felt|feeling) able to (speak|say|ask|stand|challenge|tell)\b/i
# "confide" shares the stem "confid"
!=confide
!=confided
!=confides
!=confiding

[carer_stress]
label = Carer stress
description = Stress, strain, exhaustion, burden or worry of an unpaid family carer, reported as a problem, as getting worse or as relieved.
polarity = problem
"carer ~1 strain"
"carer ~1 stress"
"carer ~1 breakdown"
"carer ~1 burnout"
"stress ~5 as ~1 carer"       # Paper 4: "stress they experience as carers"
"strain of caring"
"stress of caring"
"burden of caring"
"toll ~3 caring"
# a carer word and a strain word in the same sentence, either order
/\b(carer|carers|caring|care for|cares for|cared for|caring for|look(s|ed|ing)? after)\b.{0,80}\b(stress\w*|strain\w*|exhaust\w*|worn out|burn(ed|t)[ -]?out|burnout|overwhelm\w*|breaking point|end of (his|her|their) tether|burden\w*|couldn['’]t cope|could not cope|can['’]t cope|cannot cope|not coping|struggl\w* to cope|at the end of)\b/i
/\b(stress\w*|strain\w*|exhaust\w*|worn out|burn(ed|t)[ -]?out|overwhelm\w*|breaking point|tether|not coping|struggl\w* to cope)\b.{0,80}\b(carer|carers|caring role|caring for|looking after)\b/i
# a family member at breaking point is nearly always the carer in these stories
/\b(wife|husband|partner|daughter|son|mum|mother|dad|father|sister|brother|niece|nephew)\b.{0,40}\b(was|is|were|felt|feels|had been|has been|became|grew)\s+(\w+\s+)?(exhausted|worn out|at breaking point|stressed|overwhelmed|at the end of (his|her|their) tether|struggling to cope|not coping|frantic with worry)\b/i

[residential_care_avoided]
label = Residential care avoided
description = A move into residential care, a care home or a nursing home was avoided, prevented, delayed or is no longer needed (not a mention of residential care, not a move that happened).
polarity = asset
"rather than ~4 residential care"
"rather than ~4 care home"
"rather than ~4 nursing home"
"rather than ~4 residential home"
"instead of ~4 residential care"
"instead of ~4 care home"
"instead of ~4 nursing home"
"avoid* ~4 residential care"
"avoid* ~4 care home"
"avoid* ~4 nursing home"
"prevent* ~4 care home"
"no longer ~3 need ~5 care home"
"no longer ~3 need ~4 residential"
"stay ~2 in ~2 own home"
"remain ~3 in ~2 own home"
"able to ~2 stay ~3 home"
"able to ~2 remain ~3 home"
/\b(without|avoid(s|ed|ing)?|prevent(s|ed|ing)?|delay(s|ed|ing)?|put(ting)? off)\b.{0,40}\b(residential|nursing|care) (home|care|placement)/i
/\b(not|no longer|won['’]t|will not|didn['’]t|did not|doesn['’]t|does not|never)\s+(need(ed)?|have|having|going|gone|had)\s+to\s+(go|move)\b.{0,30}\b(residential|nursing|care) (home|care)/i
/\b(residential|nursing|care) (home|care|placement)\b.{0,40}\b(was|is|has been|had been)\s+(no longer|not)\s+(needed|necessary|an option|considered)/i
# the avoidance failed
!/\b(couldn['’]t|could not|can['’]t|cannot|unable to|was not able to|wasn['’]t able to|no way to)\s+(be\s+)?(avoid|prevent|stay|remain)\w*/i

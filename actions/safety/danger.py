"""A deterministic safety net for the two answers that must never be missed.

The learned classifier is good at paraphrase but can drift with every retrain; these patterns are
deliberately few, high-precision and typo-tolerant (see ``text.normalise``), so the obvious cases
("hes outside my door", "being followed rn") are caught whatever the model does, and past,
negated, habitual or hypothetical statements ("he followed me last week", "I'm not in danger")
are recognised as such.

The guard judges each clause on its own, so "he was here yesterday but he's outside now" is danger
and "he was outside yesterday but he's gone" is not.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

from actions.safety.text import any_match, clauses, normalise


class Verdict(str, Enum):
    DANGER = "danger"  # a cue of danger happening now
    NOT_NOW = "not_now"  # a cue that is negated, past, habitual or hypothetical, or "I'm safe"
    NONE = "none"  # nothing the guard recognises; the learned model decides


# Readings about when, not what: the learned model may overrule these in a long message.
TENSE_READINGS = frozenset({"past, habitual or hypothetical", "past or habitual", "hypothetical"})


@dataclass(frozen=True)
class Assessment:
    danger: Verdict
    self_harm: Verdict
    reason: str = ""  # which rule fired: for debugging, never contains user text


def _rx(*patterns: str) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p) for p in patterns)


_WEEKDAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_MONTH = (
    r"(?:january|february|march|april|may|june|july|august|september|october|november|december)"
)
# An explicit time in the past. On its own it outweighs "for an hour"; with tense words it makes
# a cue told afterwards (_PAST below).
_PAST_TIME_WORDS = (
    r"yesterday|ages ago|a while ago|a while back|a long time ago|long ago|"
    r"last (?:night|week|weekend|month|year|time|term|semester|summer|winter|spring|"
    rf"autumn|christmas|{_WEEKDAY})|(?:days?|weeks?|months?|years?|hours?) ago|earlier|"
    r"(?:at|over) (?:christmas|easter|new year|halloween)|in (?:freshers|first year|year \d+)|"
    rf"(?:is|are|was|were) from (?:{_MONTH}|last (?:week|month|year)|\d{{4}})|"
    rf"the other (?:day|night|week)|in (?:{_MONTH}|\d{{4}})|(?<!not )(?<!isnt )in (?:the )?past|"
    # "back in march", not "he is coming back in"
    rf"back in (?:{_MONTH}|\d{{4}}|the day|the summer|first year|second year|school|sixth form|"
    r"college|freshers|year \d+|my|our|his|her)"
)
# Someone passing on what another person wrote or said: "he texted saying hes outside".
_SAYS = (
    r"(?:saying|says|say|said|claims|claiming|claimed|texted|texts|messaged|messages|wrote|writes|"
    r"posted|posts|sent|sends|threatened|threatens|keeps saying|kept saying|told me|tells me|dmed)"
)

# Where contact happens online, not in person: "hes back on insta", "only on snap".
_ONLINE = (
    r"insta\w*|instagram|ig|twitter|x|tiktok|snap\w*|facebook|fb|social media|socials|linkedin|"
    r"strava|spotify|twitch|youtube|bereal|threads|whatsapp|telegram|discord|reddit|tinder|hinge|"
    r"bumble|grindr|messenger|online"
)

# A place online right after a cue: "following me on the new instagram account", "a guy on insta"
_ONLINE_PLACE = (
    rf"(?:on|across|from|through|off) (?:\w+ ){{0,3}}?(?:{_ONLINE}|accounts?|profiles?|pages?|"
    r"apps?|dating apps?|the internet)\b"
)

_WHO = (
    r"(?:he|she|they|someone|somebody|some one|a man|a guy|a woman|a person|the man|the guy|"
    r"this guy|this man|this person|that guy|that man|my ex|the stalker|my stalker|ex|stalker|"
    r"him|it|people|a car|a van|the car|the van|his car|her car|their car|his van|car|van|"
    r"the landlord|my landlord|landlord)"
)
_BE = r"(?:is|are|am)"
# Places and things as the subject: "the railway line is at the back of my garden", "the tracker is
# in my drawer", "the party is at my mates house" (not "the man who sent the flowers is outside").
_A_THING_BEFORE = re.compile(
    # (not "the man from the park is following me")
    r"^(?!.*\b(?:who|whos|that|which)\b)(?!.*\b(?:man|guy|woman|bloke|lad|boy|girl|person|men|"
    r"people|someone|somebody) (?:from|at|in|near|by|on|off)\b)"
    r".*\b(?:line|tracks|river|canal|station|park|party|tracker|"
    r"trackers|airtag|phone|letters?|notes?|card|flowers|parcel|gift|present|evidence|camera|"
    r"laptop|"
    r"diary|statement|meeting|appointment|interview|exam|lecture|hearing|case) $"
)
# "it is in a drawer at work", "its at my mates house": a thing, unless it is a vehicle waiting.
_NOT_A_THING = (
    r"(?!(?<=^it )(?:is|are) (?!(?:still |just |now |right )*(?:parked|sat|sitting|waiting|idling|"
    r"back|here|outside (?:again|now))\b))"
)
_FILLER = (
    r"(?:(?:right|just|still|now|currently|literally|actually|already|standing|sitting|sat|waiting|"
    r"parked|hiding|lurking|hanging around|hanging about|back|again|here|stood|outside now|"
    r"probably|definitely|really|like|pacing|pacing up and down|walking up and down|perched|"
    r"crouching|crouched|leaning|squatting)\s)*"
)
_NEAR = (
    r"(?:outside|at|by|near|in|inside|round|around|in front of|behind|under|opposite|"
    r"across from|across the road from|over the road from|across the street from|on|up|down)"
)
_PLACE = (
    # not "his"/"their": "he is at his parents house" is where he is, not where the person is
    r"(?!(?:his|their|home)\b)(?!(?:my|our) (?:old|previous|last|ex|former)\b)"
    # "he is at work" is at his own work; "he is outside work" is outside the person's
    r"(?!(?<=\bat |\bin )(?:work|school|uni|college)\b)"
    r"(?!(?:the|my|our) (?:old|previous|former)\b)"
    r"(?!(?:a|the|another) (?:different|separate)\b)"
    r"(?!the same (?:block|building|halls|flat|house|street|road|office|class|course|school|uni|"
    r"team|floor|department|company|workplace)\b)"
    r"(?:(?:my|the|our|this|me|her)\s)?(?:\w+\s){0,3}?(?:door|doors|window|windows|house|home|flat|"
    r"room|bedroom|building|halls|"
    r"hall|accommodation|place|car|work|office|garden|gate|block|street|road|stairs|staircase|"
    r"entrance|reception|lobby|front|landing|"
    r"corridor|kitchen|bathroom|lecture|class|seminar|shop|library|campus|room|window|drive|"
    r"driveway|porch|balcony|door step|doorstep|work place|workplace|job|gym|bus|train|halls|"
    r"hallway|stairwell|lift|toilets|common room|floor|exit|fire exit|carriage|tent|aisle|platform|"
    r"checkout|counter|ward|unit|bay|yard|shop floor|staff room|stockroom|site|sinks?|cubicles?|"
    r"loos?|"
    r"changing rooms?|fitting rooms?|toilet|bed|bedside|sofa|couch)"
)

# Danger happening now. Every pattern needs a present-tense form, so "he was outside" or
# "he followed me" never match without an explicit "now".
_DANGER = _rx(
    # found where they are: "help help he found me" (not "he found me on insta")
    r"(?<!since )(?<!when )(?<!after )(?<!before )(?<!until )(?<!if )(?<!once )"
    r"\b(?:he|she|they) (?:has |have )?(?:just )?found (?:me|us)\b"
    rf"(?! (?:on|online|on (?:{_ONLINE})|"
    r"through|via|out|again on|at last on)\b)",
    # a bare cry for help, said twice: "help help", "help me please help"
    r"^(?:please |pls |plz )?help(?: me)?(?: please| pls| plz)?(?: help(?: me)?)+\b",
    # a short reply: "outside again", "hes back again"
    r"^(?:(?:he is|she is|they are) (?:outside|here|back|at (?:the|my) (?:door|window))|outside) "
    r"again(?: now)?$",
    r"\b(?:running|fleeing|escaping) (?:away )?from (?:him|her|them)(?: right)? now\b",
    # presence at the person's place: "he is (right) outside my door", "they're at my window"
    rf"(?<!\bi )(?<!\bwe )(?<!\byou )(?<!stuff )(?<!things )(?<!belongings )(?<!clothes )(?<!keys )"
    rf"(?<!bag )(?<!bike )(?<!post )(?<!parcel )\b{_NOT_A_THING}(?:is|are) "
    rf"{_FILLER}{_NEAR} {_PLACE}\b",
    rf"\b{_NOT_A_THING}(?:is|are) {_FILLER}(?:outside|at|by|in front of|in) "
    r"(?:my|our|me) "
    r"(?!(?:old|previous|former|last|ex|head|mind|thoughts|dreams?|nightmares?)\b)(?:\w+ ){0,2}\w+",
    r"(?<!\bsits )(?<!\bsit )(?<!\blives )(?<!\blive )(?<!\bmoved )(?<!\bmoved in )(?<!\bliving )"
    r"(?<!\blives like )(?<!\blives only )(?<!\blives about )(?<!\bmoved in like )"
    r"(?<!\bmoved in only )(?<!\bmoved in about )(?<!\bworks )(?<!\bstays )"
    r"\b(?:\d+|a few|few|couple of|a couple of|five|ten|two|three) "
    r"(?:mins?|minutes|seconds|secs|streets|roads|doors|seats|rows|tables|people) away\b"
    r"|\b(?:\d+|a few|few|couple of|a couple of|two|three|four) (?:seats|rows|tables) (?:behind|"
    r"in front|"
    r"back|down|up)\b",
    r"\b(?:has|have|is|are) (?:just )?got off at (?:my|the same) (?:stop|station)\b",
    # a bare noun phrase: "man in a hood following me from aldi"
    r"^(?:there is |theres |omg |help |please )?(?:a |an |some |this |that )?(?:\w+ )?"
    r"(?:man|guy|bloke|lad|woman|person|someone|somebody|car|van|group|gang|lads|men)\b"
    r"(?: (?!(?:was|were|had|has|have|been|is|are|used|kept|keeps|who|that)\b)\w+){0,4} "
    r"(?:following|chasing|watching|filming|staring at) me\b"
    r"(?! (?:turned|went|stopped|walked|got|has|is|was|drove|left|ran|disappeared|carried)\b)",
    r"(?<!\bi )(?<!\bwe )\b(?:has|have|is|are) (?:just |literally just |only just )?(?:turned up|"
    r"shown up|showed up|"
    r"arrived|appeared|come back|got on|got in|walked in|come in|come round|pulled up|parked up)\b",
    r"(?<!\bi )(?<!\bi have )(?<!\bwe )(?<!\bwe have )(?<!\bi am )(?<!flatmate )(?<!housemate )"
    r"(?<!roommate )(?<!flatmates )(?<!housemates )(?<!\bonly )\bjust (?:turned up|showed up|"
    r"arrived|"
    r"appeared|"
    r"got on|got in|walked in|walked into|came into|came in|sat down|"
    r"pulled up|parked up|followed me|came back|got here|found me)\b",
    r"\b(?:someone|somebody|he|she|they|the guy|the man) (?:is |has )?just (?:knocked|banged|"
    r"buzzed|(?:rang|rung) the (?:door ?bell|bell|buzzer))\b",
    r"(?<!\bi )(?<!\bwe )\bjust (?:knocked|banged|hammered|kicked) (?:on|at) (?:my|our|the) "
    r"(?:\w+ )?"
    r"(?:door|window|gate)\b",
    # the whole of a short follow-up: "knocking again", "banging again now"
    r"^(?:he is |she is |they are |someone is |it is |its )?(?:knocking|banging|hammering|buzzing|"
    r"kicking the door|at the door) (?:again|now|still|again now)$",
    # how near, in steps: "hes dead close, few metres"
    rf"\b{_WHO} {_BE} (?:dead |really |so |proper |well |very |right |too |getting |quite )?"
    r"(?:close|near)(?: by| to me)?$",
    r"\b(?:\d+|a few|few|couple of|a couple of|two|three|four|five|ten|twenty) (?:metres|meters|"
    r"feet|foot|yards|steps|paces)(?: away| behind(?: me)?| from me)?$",
    r"\b(?:refusing|refuses|will not|wont) (?:to )?(?:leave|go away|go(?! to| near| out with|"
    r" back)|"
    r"get out)\b"
    r"(?! (?:me|us) alone)",  # "won't leave me alone" is the pattern of stalking, not now
    rf"\b{_WHO} {_BE} {_FILLER}(?:outside|downstairs|upstairs|behind me|next to me|"
    r"in the building|at the door|in the house|in the flat|nearby|near me|close by|"
    r"inside(?! (?:for|till|until|(?:the )?prison|jail|at the moment|now for|and (?:fine|safe|ok|"
    r"okay|"
    r"asleep|warm))\b)|"
    r"here(?! with me)|opposite|across the road|across the street|over the road|"
    r"under (?:the|my) (?:street ?light|lamp ?post|window|tree|bridge)|"
    r"out there|out front|round the corner|around the corner|in the car park|"
    rf"back(?! on (?:{_ONLINE})\b| online\b))\b(?! (?:my|our) (?:old|previous|former|last)\b|"
    r" (?:his|her|their) (?:own |new |mums |dads |parents )?(?:house|flat|home|place|work|car|"
    r"halls))",
    rf"\bthere {_BE} (?:definitely |defo |deffo |def |actually |really |still )?(?:someone|"
    rf"somebody|"
    r"a man|a guy|a woman|a person|a car|a van|a drone|people|an intruder|intruders|a burglar|"
    r"burglars|a stranger|strangers|"
    r"him|he|a shape|a figure|a shadow|a silhouette|a hooded \w+)\b"
    # who someone is, not where: "theres a guy in my halls who i think is the one", "theres a guy
    # on insta who will not stop messaging me"
    rf"(?! {_ONLINE_PLACE})"
    r"(?! (?:(?:in|on|at|from) (?:my|the|our) (?:\w+ )?(?:class|course|year|seminar|lectures?|"
    r"halls|"
    r"building|block|work|office|team|department|school|college|uni|gym|church|society|club|job|"
    r"corridor|floor|street|road)|at (?:work|uni|school|college)) (?:who|that)\b"
    r"(?! (?:is|are) (?:\w+ing|outside|here|behind)\b))"
    r".*\b(?:outside|inside(?! (?:for|the company|the team|the family|the group|prison|jail)\b)|"
    r"at|in|on|by|under|behind|following|watching|banging|knocking|round|around|walking round|"
    r"trying to|looking|downstairs|upstairs)\b",
    # "its definitely someone inside": the noise they heard is a person
    r"\bit is (?:definitely |defo |deffo |def |actually |really )?(?:someone|somebody) (?:inside|"
    r"in (?:here|the house|my house|the flat|my flat|my room|the loft|the attic))"
    r"(?: (?:now|right now|the (?:house|flat)|downstairs|upstairs))?$",
    rf"\b{_WHO} {_BE} (?:(?:right|just|standing|stood|sat|sitting) ){{1,2}}there\b",
    rf"\b{_WHO} {_BE} (?:\w+ )?(?:sat|sitting|stood|standing|parked) (?:right )?(?:next to|near|"
    r"opposite|across from|behind|in front of|beside) me\b",
    rf"\b{_WHO} {_BE} (?:\w+ )?(?:sat|sitting|stood|standing) (?:at|on|in) the (?:next|same) "
    r"(?:table|desk|bench|row|carriage|seat)\b",
    rf"\b{_WHO} {_BE} (?:\w+ )?parked (?:across|over|opposite|outside|up|down|on|at|by|near)\b",
    # "someone following me home its 2am": the "is" dropped, but not "about someone following me"
    r"(?<!about )(?<!of )(?<!if )(?<!when )(?<!for )\b(?:someone|somebody|a man|a guy|some guy|"
    r"this guy|a car|a van) (?:following|chasing|tailing) (?:me|us)\b",
    r"\b(?:that is|it is|thats|its) (?:him|her|them|my ex|his car|her car|their car|his van) "
    r"(?:following|behind|outside|watching|at the door|parked)\b",
    r"\bcan see (?:him|her|them|someone|somebody|a man|a guy|the man|the guy|his car|her car|"
    r"their car|my ex)\b",
    r"\bcan see (?:a |the |his |her |their )?(?:shadow|figure|silhouette|torch|torchlight|"
    r"phone light)s? (?:at|in|outside|by|on|moving|through|behind|under|underneath)\b",
    r"\b(?:i am|am) (?:about to|going to) be (?:attacked|hurt|killed|raped|grabbed|stabbed|"
    r"beaten|jumped)\b",
    r"(?<!\bi )\b(?:is|are) (?:\w+ ){0,6}behind (?:me|us)\b",
    rf"\b{_WHO} (?:is|are) (?:\w+ ){{0,8}}?right (?:next to|beside|behind|in front of) (?:me|us)\b",
    r"\b(?:is|are) in the same (?:\w+ )?(?:pub|bar|club|room|carriage|building|shop|cafe|"
    r"restaurant|"
    r"venue|place|lecture|class|gym|train|bus|queue|lift|tent|field) as (?:me|us)\b",
    r"\basked for me (?:by name|at (?:the )?(?:desk|reception|door|bar|counter))\b|"
    r"\basking for me by "
    r"name\b",
    r"(?<!\bi )\b(?:has|have) been (?:\w+ ){0,4}behind (?:me|us) (?:since|for (?:the last |about |"
    r"like )?(?:\d+|a few|ten|twenty|five|fifteen|three|two|four|six) (?:mins|minutes|junctions|"
    r"stops|streets|roads|miles|turns|corners|stations))\b",
    # a tracker travelling with them: "an unknown airtag is moving with me"
    r"\b(?:airtag|air tag|tracker|tile|tracking device) (?:\w+ ){0,4}(?:is |are )?(?:moving|"
    r"travelling|following me|beeping|with me)\b",
    # a photo of them where they are: "he just sent a photo of me at this bus stop"
    r"\b(?:photos?|pics?|pictures?|videos?) of me (?:\w+ ){0,3}(?:at|in|on|outside|leaving) "
    r"(?:this|here)\b",
    r"\bjust (?:sent|texted|posted|messaged|dmed|snapped) (?:me )?(?:a |another )?(?:photos?|pics?|"
    r"pictures?|videos?) of (?:me|my (?:\w+ )?(?:door|house|flat|window|car|building|room))\b",
    r"\bthere (?:is|are) footsteps\b|\bfootsteps (?:on|outside|in|coming|behind|up) ",
    # (not "i am still waiting for the police to call back")
    rf"(?<!\bi )(?<!\bwe )\b{_BE} still (?:there|here(?! with me)|outside|behind me|following me|"
    r"waiting|watching me|"
    r"at the door|at my door|in the car|parked)\b",
    # "im in my car with the doors locked and hes still standing next to it"
    rf"\b{_WHO} {_BE} {_FILLER}(?:right )?(?:next to|beside|by) (?:it|me|us)$",
    # "his car went past three times and now its stopped right in front"
    r"\b(?:it|the car|his car|her car|their car|the van|his van|a car|a van) (?:is|has) "
    r"(?:just |now )?(?:stopped|pulled up|pulled in) (?:right )?(?:in front|outside|next to|beside|"
    r"alongside)\b",
    # no verb: "stalker at my work reception now", "ex outside my door right now"
    r"^(?:the |my |this |that )?(?:stalker|ex|guy|man|woman|he|she|him|her) (?:at|outside|in|by) "
    r"(?:my|our) (?:\w+ ){0,2}?\w+ (?:right now|now|again now|as we speak)\b",
    # on the edge of their home: "hes sitting on my wall", "she is leaning on our fence"
    rf"\b{_WHO} {_BE} {_FILLER}(?:on|at|by|over|against) (?:my|our) (?:front |back |"
    r"garden )?(?:wall|fence|steps?|bonnet|path|hedge|bins?|windowsill|window sill)\b",
    # being followed or chased now
    rf"\b{_BE} {_FILLER}(?:following|chasing|tailing|running after|coming after|"
    r"coming for|coming towards|walking behind|driving behind|behind) (?:me|us)\b"
    # (not "hes following me on the new instagram account too now")
    rf"(?! {_ONLINE_PLACE})",
    # "my ex is stalking me" names the course of conduct, not something happening this minute
    rf"\b{_BE} {_FILLER}stalking (?:me|us) (?:right now|now|at the moment|as we speak|as i type)\b",
    r"^(?:being|getting) (?:followed|chased|tailed|attacked|hurt|hit|grabbed)\b",
    # (not a tutor or the police asking for them, not online)
    r"(?<!tutor )(?<!lecturer )(?<!teacher )(?<!police )(?<!boss )(?<!manager )(?<!supervisor )"
    rf"\b{_BE} (?!not\b)(?:\w+ ){{0,5}}?(?:looking|searching|hunting|asking) "
    r"(?:around |about |everywhere )?for "
    rf"(?:me|us)\b(?! (?:on|online|on (?:{_ONLINE})|in (?:the|a) (?:group|chat|email))\b)",
    rf"\b{_BE} {_FILLER}on the other side of (?:the|my|our) (?:\w+ )?(?:door|wall|window|fence|"
    r"gate|curtains?)\b",
    r"\b(?:is|are) not (?:leaving|going anywhere|going away)(?: (?:till|until|unless)\b.*| now)?$",
    # they can see the person now: "he can see me somehow" (not online)
    rf"\b(?:he|she|they|someone|somebody|my ex) can (?:\w+ )?see (?:me|us)\b(?! (?:on|online|"
    rf"through (?:my|the) (?:camera|app)|(?:{_ONLINE}))\b)",
    # come to where they are: "hes come to the pub where im working tonight"
    r"\b(?:is|has|have) (?:just )?(?:come|turned up|shown up|showed up|arrived|walked|got) "
    r"(?:in(?:to)?|to|at) (?:the |my |this )?(?:\w+ ){0,3}?where i am\b",
    r"\b(?:will|is going to|is gonna) wait (?:for me )?(?:outside )?(?:till|until|for) i (?:finish|"
    r"leave|come out|get off|clock off|lock up|close)\b",
    # "its happening again right now"
    r"\b(?:it is|its|this is) (?!not\b)(?:\w+ )?happening (?:\w+ )?(?:right now|now|as we speak|"
    r"as i type)\b",
    # the stalker's own words, quoted: "im on your landing", "i am outside your house"
    r"\bi am (?:\w+ )?(?:outside|at|on|in|by|near|under|behind) (?:your|ur) (?:\w+ )?(?:door|house|"
    r"flat|window|landing|street|road|floor|corridor|building|car|work|gate|room|halls|block)\b",
    # in the lift or car with them: "hes in here with me", "he got in at the ground floor"
    r"\b(?:he|my ex|the man|the guy|a man|a guy|someone|the stalker) (?:is |has )?(?:\w+ )?in "
    r"(?:here|the lift|the car|the room) with me\b",
    r"\b(?:he|she|they|the man|the guy|a man|someone) (?:just )?got in (?:the lift |the car )?"
    r"(?:with me|behind me|after me|too|as well|at the)\b",
    # a log of tonight, written while hiding: "someone at the kitchen window", "writing this from
    # the bathroom floor"
    r"^(?:\d+ ?\d* )?(?:someone|somebody|a man|he|him) (?:at|outside|by|in) (?:the|my) (?:\w+ )?"
    r"(?:window|door|gate|garden|fence|letterbox)\b",
    r"\b(?:writing|typing|texting) (?:this )?(?:from|in|under) (?:the |my )?(?:\w+ )?(?:bathroom|"
    r"toilet|wardrobe|cupboard|bed|loo|floor|bath)\b",
    # a car stopped ahead: "now its stopped just ahead with the lights off"
    r"\b(?:is|has) (?:just )?(?:stopped|pulled up|pulled over|parked) (?:\w+ ){0,4}?"
    r"(?:just |right )?"
    r"(?:ahead|up ahead|ahead of me|in front of me)\b",
    # where they are hiding, with the "i am" dropped: "hiding in a shop doorway"
    r"^(?:hiding|hidden|crouched|crouching|ducking down) (?:in|behind|under|inside)\b"
    r"(?!.*\b(?:all (?:day|week|weekend|month|term|night)|lately|recently|these days|for (?:days|"
    r"weeks|months)|since)\b)",
    # "oh god hes seen me": normalised "he is seen me" as well as "he has seen me"
    r"\b(?:he|she|they|my ex|the man|the guy) (?:is|has|have|are) (?:just )?(?:seen|spotted|"
    r"clocked) (?:me|us)(?: now)?$",
    r"^(?:following|chasing|tailing) me\b",
    r"^still (?:following|chasing|tailing|behind|outside|watching|waiting for) (?:me|us|the|my)\b",
    r"\b(?:has|have|is|are) (?:just )?followed (?:me|us) (?:all the way )?(?:off|out of|from|onto|"
    r"into|to|down|along|home)\b",
    r"\b(?:he|she|they|someone|the guy|the man) (?:just )?got off (?:the \w+ )?at (?:my|the same) "
    r"(?:stop|station)\b",
    rf"\b{_WHO} {_BE} (?:just )?moved (?:to|over to|closer|nearer)\b(?: \w+){{0,3}} (?:opposite|"
    r"next to me|near me|beside me|behind me|closer)\b",
    r"^(?:oh (?:god|no|my god|shit) |omg |shit |fuck |wtf )?(?:i think )?(?:it is|its|thats|"
    r"that is) "
    r"(?:him|her|them|my ex)"
    r"(?: (?:i know it is|i know it|i just know|i can tell|i am sure|definitely|again))?"
    # "its him on the screen" of the doorbell camera
    r"(?: on (?:the|my) (?:doorbell |door |ring |video |security )?(?:screen|camera|cam|doorbell|"
    r"ring|cctv|monitor|intercom|video|app))?$",
    r"\b(?:is|are) (?:\w+ )?on (?:my|our) tail\b",
    r"\b(?:he|she|they|someone|the guy|the man) got on "
    r"(?:too|as well|after me|behind me|with me)\b",
    r"\bgot (?:off|out) (?:too|as well|after me|behind me|right after me)\b",
    # habitual in form, happening now when the message says where they are ("walking home n this
    # guy keeps following me"): the habit check decides, with the message's now-context
    r"\b(?:keeps|keep|is still|are still) (?:following|chasing|tailing|walking behind|"
    r"driving behind) (?:me|us)\b",
    r"\b(?:will not|wont) stop (?:following|chasing|staring at|watching|looking at) (?:me|us)\b",
    r"\b(?:keeps|keep) (?:\w+ ){0,3}?(?:behind|next to|beside|up to|close to|right up to) "
    r"(?:me|us)\b",
    r"\b(?:following|chasing|followed|follow) me (?:right now|now|at the moment|as we speak|"
    r"just now|still)\b",
    r"\b(?:just|has just|have just) (?:followed|chased|grabbed) me\b",
    # a message that shows they can see the person: "he just texted me what i am wearing"
    # (not "texts me what i am wearing", which is the habit)
    r"\b(?:texted|messaged|dmed|sent|commented|said|wrote|snapped|is texting|is messaging) (?:me )?"
    r"(?:\w+ ){0,2}what i am (?:wearing|doing|eating|reading|drinking)\b",
    # the stalker asking which door or window is theirs
    r"\bwhich (?:one is |is )?(?:your|ur) (?:window|door|room|flat|house|car|bell|buzzer)\b",
    # looking in: "trying to look through the letterbox", "peering in my window"
    r"\b(?:looking|peering|peeking|staring|trying to (?:look|see|peer|peek)) (?:in )?(?:through|"
    r"into|in) (?:my|the|our) (?:\w+ )?(?:window|windows|letterbox|letter box|curtains|blinds|"
    r"door|peephole|spyhole|car)\b",
    # the whole of a short follow-up: "hes there", "they're out there"
    r"^(?:he|she|they|my ex|the stalker|it is (?:him|her|them)) (?:is |are )?(?:right |still |"
    r"out )?there(?: again| now)?$",
)
# An assault told in a few words with no time: "she grabbed my hair", "he hit me". It may have just
# happened, so it is danger unless another clause dates it ("was at a gig last night and a man
# grabbed me").
_UNTIMED_ASSAULT = re.compile(
    r"^(?:he|she|they|someone|somebody|my ex|a man|a guy|the man|the guy) (?:just )?(?:grabbed|"
    r"hit|punched|pushed|shoved|slapped|kicked|choked|strangled|stabbed|attacked|assaulted|bit|"
    r"spat at|headbutted) (?:me|my \w+)$"
)

# Cues too serious to read as habit: "he keeps banging on my door" at 2 a.m. is happening now.
_DANGER_SERIOUS = _rx(
    # getting in, or already in
    r"\b(?:trying|attempting|try) to (?:force|kick|smash|break|prise|prize|pry|lever|jimmy|"
    r"wrench) (?:open )?(?:the|my|our) "
    r"(?:back |front |bedroom |bathroom )?(?:door|window|lock)\b",
    r"\b(?:trying|attempting|try) to (?:get|break|come|force (?:his |her |their |the )?way|"
    r"climb|open|push|kick) (?:in|into|through|(?:the|my|our) (?:(?:car|front|back|side|bedroom|"
    r"bathroom|flat|house|room|patio|kitchen|garden|balcony|passenger|drivers?|rear|main) )?"
    r"(?:door|window))\b",
    r"\b(?:trying|attempting) to get me\b(?! up\b| out of bed| to (?!come)\w)",
    r"\b(?:is|are) (?:\w+ )?(?:forcing|jimmying|prising|prying|kicking in|"
    r"levering) (?:open )?(?:the|my|"
    r"our) (?:\w+ )?(?:door|window|lock|gate)\b",
    r"\b(?:unzipping|unzip|unzipped|pulling open|lifting) (?:the|my|our) (?:\w+ )?(?:tent|door|"
    r"flap|"
    r"zip)\b",
    r"\bi (?:just )?heard (?:it|the glass|glass|the window|the door) (?:smash|break|shatter|crash|"
    r"go)\b",
    r"\b(?:got|grabbed|taken) hold of (?:me|my (?:\w+ )?(?:daughter|son|kids?|child|children|baby|"
    r"friend|mum|sister|brother))\b|\bwill not let (?:her|him|them|me) go\b",
    r"\b(?:his|her|their) (?:car|van|truck|bike|motorbike) (?:is |has )?just (?:come|pulled|driven|"
    r"turned) (?:up|in|into|onto|round)\b",
    r"\b(?:is|are) (?:\w+ )?(?:pinning|holding|pressing|pushing|shoving|dragging|choking|"
    r"strangling|cornering) me\b",
    r"\b(?:is|are) (?:\w+ )?reaching (?:in|through|inside)\b",
    r"\b(?:telling|ordering|begging|shouting at|yelling at) me to get in(?:to)?(?: (?:the|his|her|"
    r"their) (?:car|van))?\b",
    r"\b(?:is|are) (?:(?!not\b)\w+ )?on the (?:intercom|buzzer|doorbell|entry ?phone)\b",
    r"\b(?:has |have |is |just )+(?:grabbed|hit|punched|pushed|attacked|kicked|slapped|shoved|hurt|"
    r"stabbed|taken|snatched) (?:my|our) (?:\w+ )?(?:daughters?|sons?|kids?|children|baby|child|"
    r"mum|dad|friend|sister|brother|partner|flatmate|dog)\b",
    r"\b(?:is|are) (?:\w+ )?(?:coming|on (?:his|her|their) way) (?:right )?now$",
    # someone of theirs followed now: "hes following her up the road as she walks to meet me"
    # (not what someone thinks or says: "she thinks a boy in her halls is following her round")
    r"^(?!.*\b(?:thinks|think|thought|says|said|reckons|worried|worries|if|what if|when)\b).*"
    r"\b(?:is|are) (?:\w+ )?(?:following|chasing|tailing) (?:her|him|them) (?:home|up|down|along|"
    r"to|towards|from|round|around|through|across|into|out)\b",
    r"\b(?:doorbell|door bell|ring|camera|cctv|cam|cameras) (?:\w+ ){0,2}?(?:(?:has |is |just )+"
    r"(?:picked|caught|spotted|shown|showing|detected)|shows|is showing)"
    r" (?:that )?(?:it is )?(?:him|her|them|my ex|someone|somebody|a man|a person)(?: up)?\b",
    # "the doorbell cam's picked him up again" ("cam's" is "cam has")
    r"\bcams (?:just )?(?:picked|caught|spotted) (?:him|her|them|my ex|someone|somebody)\b",
    r"\b(?:has|is|have|are) got (?:something|a knife|a bat|a weapon|a bottle|a hammer|a brick|"
    r"a stick|"
    r"an object|a crowbar) in (?:his|her|their) hands?\b",
    r"\b(?:is|are|keeps|keep) (?:\w+ )?(?:ringing|pressing|buzzing|leaning on) (?:the|my|our|every|"
    r"all the) (?:buzzer|buzzers|"
    r"doorbell|door bell|bell|intercom)\b",
    r"\b(?:shouting|yelling|screaming|calling) (?:up )?(?:at|through) (?:my|the|our) (?:bedroom )?"
    r"(?:window|windows|door|letterbox)\b",
    r"\bpretending (?:i am|im|we are) (?:out|not in|not home|not here|asleep)\b",
    r"(?<!\bi )(?<!\bwe )(?<!\bi have )(?<!\bwe have )(?<!\bi had )"
    r"\b(?:has |have )?just (?:pushed|forced|barged|shoved|burst|let himself|"
    r"let herself) (?:his |her |their )?(?:way )?(?:through the door|past me|in|into|inside)\b",
    r"\b(?:is|are) (?:\w+ )?(?:heading|coming|walking|running|making) (?:straight |right )?"
    r"(?:for|towards|at) (?:me|us)\b",
    r"\b(?:is|are) (?:actually |already |now |literally |definitely )*on (?:his|her|their) way"
    r"(?: now| here| over| round)?$",
    # "hes smashing up the car outside", not "she is smashing it at uni"
    r"\b(?:is|are) (?:breaking|kicking|smashing|bashing|wrecking|trashing|keying|slashing) "
    r"(?:up )?(?:in|into|down|the|my|our|it(?! (?:at|in|on|lately|these days|this year|mate)\b))\b"
    # "hes breaking our court order by messaging me" is conduct to report, not a break-in
    r"(?! (?:\w+ ){0,2}(?:order|orders|bail|conditions|injunction|rules|law|agreement|promise|"
    r"terms|contract|undertaking)\b)",
    # calling them out: "hes screaming for me to come out", "shouting at me to open the door"
    r"\b(?:shouting|screaming|yelling|calling|begging|demanding) (?:for|at) (?:me|us) to "
    r"(?:come out|come down|open (?:the|my|our) (?:\w+ )?door|open up|let (?:him|her|them) in)\b",
    r"\b(?:knocking|banging|hammering) (?:is |has )?(?:started|starting|begun) again\b",
    r"\b(?:banging|knocking|hammering|pounding|kicking|bashing|smashing|rattling|pulling|hitting|"
    r"tapping|scratching|yanking|tugging|wrenching|"
    r"thumping|punching|slamming|shaking|booting) "
    r"(?:on|at|in|down)? ?(?:my|the|our|me) (?:\w+ )?"
    r"(?:door|window|windows|doors|front door|gate|letterbox|letter box|door ?handle|glass|"
    r"windscreen|shutters?)\b",
    r"\b(?:demanding|telling me|begging me|insisting) (?:that )?(?:i |me to )?(?:let (?:him|her|"
    r"them) "
    r"in|open (?:up|the door))\b",
    r"\b(?:has|have|is|are) (?:got|broken|come|climbed) (?:in|into)\b",
    # weapons
    r"\b(?:has|have|got|holding|with|waving|pulled|pulling|carrying|brandishing|pointing|get|"
    r"getting|fetch|fetching|grab|grabbing|grabbed|picked up|picking up)"
    r"(?: out)? (?:a |an |his |her |their |the )?(?:knife|gun|weapon|blade|machete|bat|hammer|"
    r"axe|crowbar)\b(?! (?:collection|set|block|drawer|rack|licence|license|shop|crime))",
    # violence now
    rf"\b{_BE} {_FILLER}(?:hitting|hurting|attacking|strangling|choking|beating|punching|"
    r"kicking|grabbing|dragging|pushing|raping|assaulting|threatening|holding) (?:me|us)\b",
    r"^(?:he|she|they) (?:hitting|hurting|attacking|strangling|choking|beating|punching) me\b",
    r"\b(?:is|are|keeps|keep|still|he|she|they) (?:\w+ )?touching (?:me|my \w+)\b",
    r"\b(?:is|are|has|have) (?:\w+ )?(?:blocking|standing in|stood in) (?:it|(?:the|my|our) "
    r"(?:path|road|pavement|alley|lane|stairs)|(?:the|my|our) "
    r"(?:front |back |bedroom )?"
    r"(?:door|doorway|way|exit|drive|driveway|car))\b",
    r"\b(?:put|puts|slipped|spiked|putting|slipping) (?:something |stuff |a pill |pills )?"
    r"(?:in|into) "
    r"(?:my|our) (?:drink|drinks|glass)\b",
    r"\b(?:lock is being picked|picking (?:the|my|our) lock)\b",
    r"\b(?:is|are|he|she|they|someone|somebody) (?:\w+ )?(?:climbing|crawling|squeezing) (?:in|"
    r"into|"
    r"through|over|up)\b",
    r"\b(?:just heard|can hear|hearing) (?:the |a |his |her |their |someones )?keys? (?:turn|"
    r"turning|go|"
    r"going|in the (?:lock|door))\b",
    r"\bjust (?:held|pulled|showed|flashed|waved|pointed) (?:out |up )?(?:a |an |his |her |their |"
    r"the )?"
    r"(?:knife|gun|weapon|blade|machete|bat|hammer|axe|crowbar)\b",
    r"\b(?:stepped|stepping|stood|standing|moved|moving) (?:out )?(?:\w+ ){0,4}?(?:to block|"
    r"blocking) "
    r"(?:it|me|us|my way|the way|the path|the door|the exit)\b",
    # shouted through the door now: "hes downstairs saying hell break the door down"
    r"\b(?:saying|shouting|screaming|yelling|threatening|swearing)(?: that)? (?:(?:he|she|they) "
    r"(?:will|is going to|are going to|gonna)|hell|shell) (?:break|kick|smash|knock|bash) (?:the|"
    r"my|our) "
    r"(?:\w+ )?(?:door|window)s? (?:down|in)\b",
    # closing in: "hes moved closer twice", "she keeps edging nearer"
    r"\b(?:is|are|has|have|keeps|keep) (?:just )?(?:moved|moving|getting|coming|edging|inching|"
    r"creeping|shuffling) (?:closer|nearer)\b",
    # hearing someone is happening as they type, whatever else the message says
    r"\bcan hear (?:him|her|them|someone|somebody|footsteps|a man|people) (?:\w+ ){0,3}?"
    r"(?:in|inside|round|around|out the|out by|climbing|creeping|coming|breathing|"
    r"downstairs|upstairs|outside|at|on|moving|walking|breathing|trying|on the stairs)\b",
    r"\b(?:i am|we are|am|are) {0,1}(?:being|getting) (?:followed|chased|tailed|attacked|hurt|"
    r"hit|grabbed|threatened|watched right now|stalked right now)\b",
    r"\bnot stopping the (?:car|taxi|cab|van)\b",
    r"\b(?:him|her|them|someone|somebody|a man) (?:is )?(?:in|inside) my "
    r"(?:room|bedroom|tent|bed)\b",
    r"\b(?:just|has just|have just) (?:hit|hurt|attacked|punched|kicked|pushed|strangled|"
    r"choked|stabbed|assaulted|raped|threatened|grabbed|pinned|shoved|slapped) (?:me|us)\b",
    # "would not let me leave" is told afterwards; "will not let me leave" is now
    r"\b(?:will not|(?<!would )(?<!did )(?<!could )not) let (?:me|us) (?:leave|go|out|get out|"
    r"past)\b",
    r"\b(?:will not|wont|refuses to|refusing to) (?:stop|pull over)(?: the (?:car|taxi|cab|van))?"
    r"(?: to| and)? let (?:me|us) (?:out|go|off)\b",
    r"\b(?:will not|refuses to|refusing to) pull over\b",
    r"\b(?:will not|wont|refuses to|refusing to) stop (?:when|even when|though|even though) i "
    r"(?:ask|asked|say|tell|told|beg|begged|shout)\b",
    r"\b(?:is not|not) going the right way\b|\b(?:is|are) going the wrong way\b",
    r"\b(?:throwing|chucking|lobbing|hurling) (?:\w+ ){0,2}at (?:my|the|our) "
    r"(?:window|windows|door|house|flat|car)\b",
    r"\b(?:is|are|has been|have been) (?:\w+ )?(?:crawling|creeping|driving slowly|kerb crawling) "
    r"(?:along )?"
    r"(?:next to|beside|behind|alongside) (?:me|us)\b",
    r"\btelling me to get in (?:the|his|her|their|a) (?:car|van|taxi)\b",
    # matching the person's pace: "i sped up and so did he"
    r"\bi (?:have )?(?:sped up|speed up|slowed down|slow down|crossed the road|cross the road|"
    r"stopped|stop)\b.*\b(?:so (?:did|does|has) (?:he|she|they)|"
    r"(?:he|she|they) (?:did|does|do) too|(?:he|she|they) (?:stops|stopped|speeds up|sped up))\b",
    r"\b(?:tried|has tried|have tried|is trying|just tried) (?:the|my|our) (?:back |front )?"
    r"(?:door|door handle|handle|window|lock)\b",
    r"\b(?:trying|rattling|testing|jiggling|turning|pulling) (?:the|my|our|every|each|all the|"
    r"all of the) (?:\w+ )?(?:door ?handles?|handles?|doors?|front door|back door|windows?|"
    r"locks?)\b",
    r"(?<!\bhe )(?<!\bshe )(?<!\bthey )\bcan not (?:get away|get out|escape|leave|get past)\b",
    # a sign of him now: "my car alarm has just gone off" at 3 a.m., "the noise is coming from round
    # the back", "my doorbell camera just showed him on the step"
    r"\b(?:car alarm|house alarm|burglar alarm) (?:has |is )?just (?:gone off|went off|started)\b",
    r"\b(?:it is|its|the (?:noise|noises|banging|knocking|scraping|scratching|tapping|footsteps|"
    r"voice|voices|sound|sounds|rattling|shouting|whispering|creaking) (?:is|are)) (?:\w+ )?coming "
    r"from (?:round |around )?(?:the )?(?:back|front|side|garden|back door|stairs|landing|loft|"
    r"kitchen|downstairs|upstairs|roof|window)\b",
    r"\b(?:doorbell|door bell|ring|camera|cctv|cam|speaker|alexa|echo|google|app) (?:\w+ ){0,2}"
    r"(?:just (?:showed|picked up|caught|spotted|alerted|announced|detected|said)|is showing|"
    r"shows) (?:me )?(?:him|her|them|someone|somebody|a man|a person|my ex)\b",

    r"\b(?:rattling|rattled|opening|opened|pushing|poking|lifting|prising|prying) (?:the|my|our) "
    r"(?:letterbox|letter box|door ?handle|handle|gate|latch)\b",
    r"\b(?:better|best) (?:still )?be (?:here|there|in) when (?:he|she|they) (?:gets?|"
    r"comes?) back\b",
    r"\b(?:been|just been|was just|has been) (?:thrown|chucked|lobbed|smashed) (?:at|"
    r"through) (?:my|the|"
    r"our) (?:\w+ )?(?:window|door|car|house)\b|\bbrick (?:through|at) (?:my|the|"
    r"our) (?:\w+ )?window\b",
    r"\b(?:pulling|ripping|prising|prying|tearing|kicking) (?:\w+ ){0,2}(?:off|out of|open) (?:the|"
    r"my|"
    r"our) (?:\w+ )?(?:window|door|gate|lock|boards?)\b",
    r"\b(?:is|are|it is|its|keeps|keep) (?:\w+ )?(?:ramming|bumping|shunting|"
    r"nudging) (?:into )?(?:my|our|"
    r"the back of my) (?:car|bumper|bike|van)\b",
    r"\b(?:photos?|pics?|pictures?|videos?) of (?:my|our) (?:\w+ )?(?:bedroom|room|kitchen|"
    r"living room|"
    r"house|flat|bed) from inside\b|\bfrom inside (?:my|our) (?:house|flat|home|room|bedroom)\b",
    # circling them: "a man on a bike keeps circling me"
    r"\b(?:is|are|keeps|keep|been|just|now) (?:\w+ )?circling (?:round |around )?(?:me|us)\b",
    # pulled in behind them, getting out, walking over: "a man is getting out and walking over"
    r"\b(?:has|have|is|are) (?:just )?pulled (?:in|over) (?:right )?(?:behind|next to|beside|"
    r"in front "
    r"of) (?:me|us|my car)\b",
    r"\b(?:a man|he|she|they|someone|the driver|the man|the guy) (?:is|are) getting out(?:$| of "
    r"(?:the |a |his |her |their )?(?:car|van|taxi|cab|lorry|truck)\b)",
    rf"\b{_BE} {_FILLER}(?:walking|coming|heading|running|storming) over\b(?! (?:the|a|to (?:his|"
    r"her|their))\b)",
    r"\bladder (?:\w+ ){0,2}(?:against|up to|at|under) (?:my|the|our) (?:\w+ )?window\b",
    r"\bunzipping (?:my |the |our )?(?:tent|it|sleeping bag)\b",
    # filmed now: "the man opposite is filming me"
    rf"\b{_BE} {_FILLER}(?:filming|recording|photographing|videoing|taking (?:photos|pictures|pics|"
    r"videos) of) (?:me|us)\b",
    # held down: "he is on top of me holding my wrists down"
    r"\b(?:is|are|sat|sitting|kneeling|lying) (?:\w+ )?on top of me\b",
    r"\bholding (?:me|my (?:\w+ )?(?:arms?|wrists?|hands?|legs?|head|neck|throat|mouth)) "
    r"(?:down|against|still|shut)\b",
    # a driver who will not stop: "the driver is not stopping"
    r"\b(?:driver|taxi|uber|cab|bus) (?:\w+ )?(?:is|are|will) not (?:stop|stopping|pull over|"
    r"pulling over|let me out|letting me out|listening)\b",
    # a car that has stopped beside them: "now it is stopped right next to me"
    r"\b(?:is|has|have|just) (?:just )?(?:stopped|pulled up|pulling up|slowed down|slowing down|"
    r"slowed|pulled over) (?:right )?(?:next to|beside|alongside|by|in front of|behind) "
    r"(?:me|us)\b",
    r"\b(?:car |van |his |the )?windows? (?:is |are )?(?:coming|rolling|winding|going) down\b",
    r"\b(?:locked|blocked|boxed|parked) (?:me|us|my car|our car|the car|my drive) in\b",
    r"\block\w* (?:the |my |our )?(?:\w+ ){0,2}doors? (?:with (?:me|us)|and (?:we are|i am))"
    r"(?: both| two)? (?:inside|in here|in)\b",
    r"\bi am (?:trapped|locked in|being held|stuck in here|cornered|hiding from)\b",
    r"\bi am (?:crouched|crouching|hiding|ducking|hidden|locked)\b(?! (?:my|our) (?:address|"
    r"number|location|details|profile|posts|account|stories|name))",
    r"\b(?:has|have) not seen me yet\b",
    r"\b(?:he|she|they) (?:has|have) got (?:me|hold of me)\b",
    r"\b(?:has|have|is|are|got|getting) (?:got )?(?:hold of|a hold of|a grip on|grabbed hold of) "
    r"(?:me|my (?:\w+ )?(?:arm|arms|wrist|wrists|hair|hand|hands|neck|throat|bag|coat|jacket|"
    r"hood|top|shirt|leg|legs))\b",
    r"\b(?:i am|am|we are|been|have been|got|just got|getting) (?:\w+ )?(?:cornered|surrounded|"
    r"pinned (?:down|against|to))\b",
    # what the stalker writes while watching: "nice coat, i can see you", "i'm outside"
    r"\bi (?:can see|am watching) you\b(?! (?:are|were|have|had|tomorrow|later|soon|next|on "
    r"(?:insta|instagram|snap|facebook|tiktok)|online)\b)",
    rf"\b(?:{_SAYS}|text|message|dm)\W+(?:\w+ ){{0,3}}?"
    r"i am (?:\w+ )?(?:outside|here|downstairs|at your|near your|behind you|in your|"
    r"on your (?:street|road|floor|corridor|landing|estate|stairs|block)|round the corner|"
    r"on my way|coming (?:for|to|round|over))\b",
    r"\bi know (?:exactly )?where you are (?:right now|now)\b",
    # threats of imminent harm
    r"\b(?:going to|about to|is coming to|are coming to|coming to|will|is gonna|threatening to)"
    r" (?:kill|hurt|attack|stab|shoot|rape|beat|murder|strangle|get|make|hit|punch|slap|grab|choke|"
    r"batter) (?:me|us)\b(?: pay)?",
    r"\b(?:is|are) (?:going to|about to) (?:break in|get in|come in)\b",
    # at the door now: "someone's knocking", "he won't stop ringing the doorbell", "that's him"
    r"\b(?:someone|somebody|he|she|they) (?:is|are) (?:\w+ )?(?:knocking|banging|hammering|"
    r"pounding|ringing the (?:door ?bell|bell|buzzer)|buzzing)\b",
    r"\b(?:will not|wont) stop (?:banging|knocking|hammering|pounding|kicking|buzzing|"
    r"ringing (?:the |my )?(?:door ?bell|bell|buzzer|intercom))\b",
    r"\b(?:that is|it is|thats) (?:him|her|them|my ex)\b(?: \w+){0,3} (?:banging|knocking|"
    r"hammering|at the door|at my door|outside|on the camera|ringing|buzzing|at the window)\b",
    r"\b(?:door ?bell|buzzer|intercom) (?:just )?(?:went|rang|is ringing|keeps ringing|going)\b"
    r".*\b(?:him|her|them|my ex)\b",
    r"\b(?:is|are) (?:shouting|screaming|yelling) (?:\w+ ){0,3}"
    r"(?:(?:he|she|they) (?:will|is going to|are going to|is gonna)|hell|shell) "
    r"(?:break|kick|smash|kill|hurt|get|stab|batter|burn)\b",
    # on the way now
    rf"\b{_BE} {_FILLER}(?:coming|heading|driving|walking|running|on (?:his|her|their) way) "
    r"(?:here|over|to me|to my|to mine|to ours|to the (?:front |back )?door|round|back here|for me|"
    r"to get me|to find me|"
    r"up the stairs|upstairs|"
    r"up to (?:my|the|our) (?:front )?(?:door|room|flat|house)|(?:up )?towards (?:me|us|my \w+))\b",
    rf"\b{_BE} (?:coming|running|walking) up$",
    rf"\b{_BE} {_FILLER}(?:coming|walking|running|heading) up (?:the|my|our) (?:drive|driveway|"
    rf"path|"
    r"garden path|stairs|steps|road|street|corridor)\b",
    rf"\b{_BE} (?:taking|coming up|running up) the stairs\b",
    r"\bknows (?:exactly )?(?:which|what) (?:room|flat|house|floor|carriage|seat|table|cubicle|"
    r"shop|building|bed|tent) i am in\b",
    # just come in where they are: "he just walked into the cafe im in", "came into the ladies"
    r"\bjust (?:walked|come|came|stormed|burst|barged|got|strolled) (?:in(?:to)?|in to) "
    r"(?:(?:the|my|our|this) )?(?:\w+ ){0,2}?(?:cafe|shop|pub|bar|lecture|class|seminar|library|"
    r"room|"
    r"office|building|gym|flat|house|kitchen|restaurant|station|carriage|bus|train|ladies|"
    r"toilets?|store|canteen|lift|club|waiting room|ward|reception|studio|lab)\b",
    r"\bjust (?:walked|come|came|stormed|burst|barged|got|strolled) (?:in(?:to)?|in to) "
    r"(?:the|a|this) "
    r"(?:\w+ ){0,2}?\w+ (?:i am|we are) (?:in|at|sat in|working in|working at)\b",
    r"\b(?:came|come|followed me|walked) (?:in(?:to)?|in to) (?:the )?(?:ladies|toilets?|loos?|"
    r"changing rooms?|cubicles?) after me\b",
    r"\b(?:just )?(?:jumped|climbed|climbing|jumping|getting|got|coming|came) over (?:the|my|our) "
    r"(?:\w+ )?(?:wall|fence|gate|balcony)\b",
    r"\b(?:buzzer|doorbell|door bell|intercom|bell) (?:is |keeps )?(?:going mad|going off|going "
    r"crazy|ringing non stop|ringing and ringing|will not stop)\b",
    r"\b(?:buzzer|doorbell|door bell|intercom) keeps (?:going|ringing|buzzing)\b",
    # matching the person's pace, told the other way round: "the footsteps stopped when i stopped"
    r"\b(?:footsteps|he|she|they|the car|the van|the man|the guy) (?:stopped|stop|stops|sped up|"
    r"speeds up|slowed down|slows down|crossed|crosses) (?:too )?when i (?:stopped|stop|sped up|"
    r"speed up|slowed down|slow down|crossed|cross|turned|turn)\b",
    r"^(?:he|she|they|my ex|someone|the man|the guy) (?:is|are) (?:still |now |definitely )?"
    r"(?:coming|on (?:his|her|their) way)(?: now| back| again| up| in)?$",
    r"\bjust (?:pulled|driven|drove|turned) (?:up |in )?(?:onto|into|up) (?:my|our|the) "
    r"(?:drive|driveway|road|street|close|cul de sac|car park)\b",
    rf"\b{_BE} (?:just )?(?:coming|walking|getting) back (?:in|inside|up|upstairs|round|here)\b",
    r"\b(?:just )?woke up to (?:someone|somebody|a man|footsteps|him|her|them|my ex|banging|"
    r"knocking)\b",
    r"\b(?:door ?handle|handle|letterbox|letter box) (?:is |keeps |just |has just )?(?:going down|"
    r"moving|turning|rattling|went down|moved|turned|opening|opened|rattled|clicked|creaked)\b",
    r"\b(?:said|saying|calling|called|whispering|whispered|shouting|shouted) my name (?:through|"
    r"outside|at|from|under)\b",
    r"\b(?:peephole|spyhole|peep hole|spy hole) (?:\w+ ){0,2}(?:gone dark|covered|blocked|black)\b",
    # a sound of someone there, now: "just heard glass go downstairs", "the gate just went"
    r"\bjust heard (?:the |a |some )?(?:glass|window|back door|front door|gate|footsteps|someone|"
    r"somebody|a man|him|a voice|voices)\b",
    r"\b(?:glass|a window|the window) (?:just )?(?:go|went|smash|smashed|break|broke|shatter|"
    r"shattered)\b",
    r"\b(?:oh god|oh no|omg|shit|fuck|help)\b.*\b(?:gate|door|letterbox|latch|doorbell|buzzer|bell)"
    r" (?:has |is )?just (?:went|gone|opened|clicked|creaked|banged|rattled|slammed|moved|rang)\b",
    r"\bjust (?:rattled|tried|shook|banged on|kicked|pushed|tested|opened) (?:my|the|our) (?:\w+ )?"
    r"(?:gate|door|window|handle|letterbox|lock)\b",
    r"\bcan hear (?:the |a |his |her |their )?(?:lock|key|door ?handle|handle|door|letterbox|gate|"
    r"window|glass)s? (?:\w+ ){0,2}(?:turning|turn|in the lock|moving|rattling|opening|open|"
    r"breaking|smashing|being)\b",
    r"\b(?:someone|somebody|he|she|they) (?:is|are) (?:pushing|pulling|leaning|shoving|kicking|"
    r"barging) (?:on|at|against|into) (?:it|the door|my door|the window|my window|the gate)\b",
    # approaching them: "walking straight at me", "coming down the slipway towards me"
    rf"\b{_BE} {_FILLER}(?:coming|heading|walking|running|driving|marching|striding|storming|"
    r"crossing|making a beeline|making (?:his|her|their) way) (?:(?:straight |right |directly )?"
    r"(?:at|up to|over to|for) (?:me|us)|(?:\w+ ){0,4}?(?:towards|toward) (?:me|us|the \w+ "
    r"(?:where )?i am))\b",
    r"\bon (?:his|her|their) way (?:up )?(?:here|over|to me|to my|round|up to (?:my|the|our))\b",
    r"\b(?:he|she|they|my ex|someone) (?:has|have) found (?:me|where i am)\b",
    r"\b(?:found|find) me (?:here|right now|now)\b",
    # the person says they are in danger now
    r"(?<!would you say )(?<!do you think )(?<!does this mean )(?<!does that mean )"
    r"(?<!how do i know if )(?<!is it likely )(?<!would you say i )(?<!do you think i )"
    r"(?<!does this mean i )(?<!does that mean i )(?<!how do i know if i )"
    r"\b(?:i am|i feel|we are|am) (?:in|in immediate|in real) danger\b"
    r"(?! of (?!(?:being|getting)\b)\w+ing\b)",  # not "in danger of failing my course"
    r"\b(?:i am|i feel|we are) (?:not safe|unsafe) (?:right now|now|here|at the moment)\b",
    r"^(?:no |nope |no no )?(?:i am|we are|am) (?:not safe|unsafe)$",
    r"\b(?:scared|terrified|afraid|fear|fearing) for my (?:life|safety)\b",
    # (not a question about someone else calling: "can my partner call the police for me")
    r"^(?!.*\b(?:can|could|should|would|will|do|does) (?:my|a|the|his|her|their|our) \w+(?: \w+)? "
    r"(?:call|ring|phone)\b).*"
    r"\b(?:call|calling|get|send) (?:the )?(?:police|999|ambulance|help) (?:please|now|for me|"
    r"right now)\b",
    r"\b(?:is|are) watching (?:me|my (?:house|flat|window|room|door)) (?:right now|now|"
    r"at the moment|from)\b",
    rf"\b{_BE} (?:right |just |still )?(?:staring|looking) (?:up |in |over )?"
    r"(?:at|in|into|through) "
    r"(?:me|my window|my windows|my door)\b",
    r"\b(?:he|she|they|someone) is in (?:my|the) (?:house|flat|room|bedroom|home|halls)\b",
    # session 9: said without a verb, "stalker in my garden right now", "man at the door"
    r"^(?:oh god |omg |help |please )?(?:my |the |a |some )?(?:stalker|ex|man|guy|someone|somebody|"
    r"person|figure|creep|bloke|stranger|intruder|him|her)(?: (?:is|just|now|again|still|here|"
    r"there|right))? (?:in|at|outside|by|on|behind|"
    r"under|in front of) (?:my|the|our) (?:\w+ )?(?:garden|door|window|house|flat|room|stairs|hall|"
    r"hallway|landing|drive|driveway|gate|porch|kitchen|yard|building|back door|front door|car)"
    r"(?:$| (?:right now|now|rn|atm|again|please|help)\b)",
    # session 9 (fresh sets v42, v43)
    r"\b(?:flashing|shining|pointing) (?:a |his |her |their )?(?:torch|torch light|torchlight|"
    r"light|"
    r"lights|headlights|laser) (?:\w+ )?(?:through|thru|in|into|at|on) (?:my|the|our) (?:curtains|"
    r"window|windows|blinds|room|bedroom|house|flat)\b",
    r"\b(?:has|have) been (?:parked|sat|sitting|standing|stood|waiting|lurking) (?:right )?"
    r"(?:outside|opposite|across from|over the road from|at the end of|in front of) (?:my|our|the) "
    r"(?:\w+ )?(?:house|flat|home|building|door|window|drive|driveway|road|street|halls|work|"
    r"car)\b",
    rf"\b{_WHO} (?:has|have|is) (?:just )?(?:parked|pulled up|stopped|pulled in) (?:right )?"
    r"(?:outside|opposite|across the road|over the road|across the street|in front of (?:my|the)|"
    r"on my (?:drive|driveway|street|road))\b",
    r"\b(?:is|are) (?:\w+ )?(?:staring|looking|peering) (?:at|into|through) (?:my|our) "
    r"(?:house|flat|room|building|bedroom)(?: window)? (?:through|with) binoculars\b",
    r"\bi can (?:see|hear) (?:his|her|their) (?:shape|shadow|silhouette|outline|face|torch|"
    r"footsteps|voice|breathing)\b",
    # who is out there: "my gut says the person in the car outside is him"
    r"\b(?:person|man|guy|woman|car|van|someone|figure) (?:\w+ ){0,4}?(?:outside|at the door|"
    r"across the road|over the road|in the car) is (?:him|her|them|my ex)\b",
    # someone of theirs in danger now: "a man is following her home from school right now"
    rf"\b(?:is|are) (?:following|chasing|tailing|attacking|hitting|hurting|grabbing) (?:her|him|"
    rf"them)"
    rf"\b(?! on (?:{_ONLINE})\b)(?: \w+){{0,4}}? (?:right now|now)\b",
)

# A cue that, in this clause, is about the present only when a now-marker is there too.
_NOW = re.compile(
    r"\bmoving with (?:me|us)\b|"
    r"\b(?:right now|now|at the moment|currently|as we speak|as i type|this minute|at present|"
    r"at this (?:very )?moment|"
    r"this second|as i write)\b"
    r"|\bsince i (?:left|got off|got on|came out of|walked out of|got out of)\b"
    r"|\b(?:has|have|is|are) just\b"  # "he's just put something in my drink"
    r"|\b(?:is|are) right (?:behind|outside|next to|in front of|beside) (?:me|us|my)\b"
    r"|\bsince (?:i left |we left )?(?:the )?(?:station|stop|bus|train|tube|shop|club|pub|gym|"
    r"library|campus|work|uni|town|party|lecture|cinema)\b"
    # "has been walking behind me since oxford circus": since a place, not a date or an event
    r"|\b(?:has|have) been (?:\w+ ){0,2}?(?:following|behind|tailing|chasing) (?:me|us) since "
    rf"(?!(?:{_PAST_TIME_WORDS}|{_MONTH}|{_WEEKDAY}|\d{{4}}|we|i|he|she|they|my|our|his|her|then|"
    r"school|uni|university|college|christmas|easter|freshers|year|first|the (?:summer|spring|"
    r"autumn|winter|start|beginning|break ?up|breakup)|forever|ages)\b)"
    # "i have been cornered": happening to them as they type
    r"|\b(?:have|has|have just|has just|just|been) (?:been |got )?(?:cornered|trapped|surrounded|"
    r"pinned)\b"
)
# Where the person is as they type: "walking home n this guy keeps following me", "im in an
# uber and the car behind...". Habit words in the same message then describe now.
_NOW_CONTEXT = re.compile(
    r"^(?:i am |am |currently |just )?(?:walking|driving|cycling|running|jogging|on my way|heading|"
    r"getting) (?:home|back|to|from|through|down|up|along|out of|off)\b"
    r"|^i am (?:in|on) (?:an? |the |my )?(?:uber|taxi|cab|bus|train|tube|night bus|car)\b"
    # out somewhere exposed: "im at the cashpoint and a man keeps stepping up behind me"
    r"|^(?:i am |am |i am (?:stuck|waiting|standing|sat|sitting) |(?:stuck|waiting|standing|sat|"
    r"sitting) )(?:at|by|outside|on) (?:the|a) (?:\w+ )?"
    r"(?:cashpoint|atm|cash machine|bus stop|"
    r"station|platform|petrol station|car park|taxi rank|party|club|pub|gig|festival|wedding|bar)\b"
    r"|\b(?:do not|can not) (?:want to )?go (?:in|inside|home)\b"
    # counted within this sitting: "its gone past like 6 times since i started watching", "3rd
    # time now", "4 times tonight" (not "the third time this month")
    r"|\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|several|a few) times "
    rf"(?:now(?! since (?:last|the|yesterday|{_WEEKDAY})| this| in)|tonight|so far tonight|"
    r"since (?:i|we) (?:started|sat|got|came|arrived|parked|woke|have been|sent|wrote))\b"
    r"|\b(?:\d+(?:st|nd|rd|th)|second|third|fourth|fifth|sixth|seventh) time (?:now|tonight)\b"
    r"|\bsince (?:i|we) (?:started (?:watching|looking|typing|writing|messaging|texting)|"
    r"sent (?:my |the |your |last |that )?(?:last )?message)\b"
)
# Going past the person or their home, a danger cue only in a message about now (above): "its
# gone past like 6 times since i started watching", not "he drives past my house on his way to
# work".
_PASSING_AGAIN = re.compile(
    r"(?:\b(?:driving|walking|going|cycling|circling|coming)|\b(?:has|have|is|are) (?:just |now )?"
    r"(?:gone|driven|walked|been|come|circled|cycled)) (?:\w+ )?(?:slowly |back |up and down )?"
    r"(?:past|by|round|in front of) (?:me|us|my|our|the house|house)\b"
)
# How long it has been going on, or how recent: about now unless an explicit past time says not
# ("he's been outside for an hour", "a photo of my door taken a minute ago"; not "last night he
# was banging on my door for an hour").
_NOW_DURATION = re.compile(
    r"\bfor (?:like |about |around |over |the last |the past )?"
    r"(?:\d+|a few|few|two|three|four|ten|five|fifteen|twenty|thirty|half an|an) (?:minutes|mins|"
    r"hour)\b"
    r"|\bfor (?:the last|the past) (?:(?:\d+|few|a few|two|three|four|five|six|ten|half|half an) )?"
    r"(?:hour|minutes|mins|junctions?|stops?|streets?|roads?|miles?|turns|corners|stations?)\b"
    r"|\b(?:\d+|a|one|two|three|five|ten|a few|few|couple of|a couple of) (?:mins?|minutes?|"
    r"seconds|secs) ago\b"
    # "he's done it 4 times in the last half hour", "3rd time in 10 mins"
    r"|\bin the last (?:half hour|hour|\d+ (?:minutes|mins)|few minutes|ten minutes|"
    r"twenty minutes)\b"
    r"|\b(?:\d+(?:st|nd|rd|th)?|second|third|fourth|fifth) time in (?:\d+|ten|five|twenty|"
    r"the last) "
    r"(?:minutes|mins|hour)\b"
    r"|\bbeen there since i (?:got home|got back|came in|came home|arrived|got in)\b"
    r"|\bbeen (?:at (?:my|the) (?:\w+ )?door|outside|out there|there|here|knocking|banging|ringing|"
    r"waiting|sat there|stood there) for ages\b"
    r"|\bfor (?:about |like |nearly |over |almost |the last |the past )?(?:a|half a|\d+|two|three|"
    r"a couple of|a few) miles?\b"
    r"|\bbeen \w+ing (?:me|us|beside me|behind me)(?: for)? (?:like |about |around |over |nearly )?"
    r"(?:\d+|a few|ten|five|fifteen|twenty|half an|an) (?:minutes|mins|hours?)\b"
    r"|\bbeen (?:there|here|outside|out there|at it|going|waiting|sat there|stood there) "
    r"(?:for )?(?:like |about |around |over |nearly |almost )?(?:\d+|a few|few|ten|five|fifteen|"
    r"twenty|half an|an) (?:minutes|mins|hour)\b"
    r"|\bbeen (?:\w+ ){0,2}(?:behind me|following me|on my tail|tailing me) since (?:junction|the "
    r"(?:station|"
    r"bus stop|stop|shop|pub|club|lights|roundabout|motorway|services|garage|park)|i (?:left|got "
    r"off|"
    r"got on|came out|set off|pulled out))\b"
)
_PAST_TIME = re.compile(rf"\b(?:{_PAST_TIME_WORDS})\b")
# "he was parked outside for 40 minutes", "he stood at my door for ten minutes": a past verb, and
# nothing present, dates a duration
_WAS_NOT_IS = re.compile(
    r"^(?!.*\b(?:is|are|am|has|have)\b).*\b(?:was|were|had|stood|sat|waited|stayed|"
    r"lurked|loitered|hung around|knocked|banged|rang)\b"
)
# "he was outside for an hour on monday": a day named with a past verb dates the duration
_ON_A_DAY_BEFORE = re.compile(rf"\b(?:was|were|had|did)\b.*\bon {_WEEKDAY}\b")
_NOW_CUE = re.compile(
    r"\b(?:following me|followed me|follow me|outside|behind me|watching me|"
    r"up to (?:my|the) (?:front |back )?door|beside me|alongside me|next to me|looking for me|"
    r"searching for me|next to (?:my|our) (?:\w+ )?(?:gate|door|house|flat|car|drive|window)|"
    r"still on (?:it|the \w+) too|"
    r"at my (?:front |back |bedroom |kitchen )?(?:door|window|windows|gate)|"
    r"(?:staring|looking|peering) (?:in |up |over |through )?at me|"
    r"(?<!being )(?<!be )here(?! with me)|"
    # "hes there", not "is there anything i can do"
    r"(?<=\w )(?:is|are) there(?! (?:anything|any|a|an|something|somewhere|nothing|more|much|no|"
    r"enough|someone|somebody|anyone|way)\b)|been followed|been following|"
    r"it is (?:him|her|them)|"
    r"(?:photos?|pictures?|pics?|videos?|snaps?|story)(?: \w+){0,4}? of "
    r"(?:me|my (?:\w+ )?(?:door|house|flat|window|car|building|room|street|road))|"
    r"being followed|"
    r"watching my (?:window|house|flat|door|room|building)|"
    r"banging|knocking|knock knock|trying to get|in my (?:house|flat|room|home|halls|building)|"
    r"chasing me|"
    r"waiting for me|staring at me|(?:pushed|hit|hurt|attacked|punched|kicked|grabbed|touched|"
    r"stabbed|strangled|choked|slapped|shoved|threatened|cornered) me)\b"
)

# Words that sound like danger; with a past, habitual or hypothetical marker they are not-now.
_LOOSE_CUE = re.compile(
    r"\b(?:following|followed|follows|follow|outside|behind me|watching|watched|at my|"
    r"turned up|turns up|turn up|showed up|shows up|waiting|waited|knife|gun|weapon|hit|"
    r"attacked|attack|threatened|threaten|door|window|broke in|break in|grabbed|danger|"
    r"emergency|chased|kill|hurt|gets? in|gets? into|get in|comes? round|building|flat|house|"
    r"wait|shouting|screaming|letterbox|banging|knocking|broke into|broken into|punched|slapped|"
    r"kicked(?! off)|pushed(?! for| back| through| ahead)|shoved|stabbed|strangled|choked|"
    r"assaulted)\b"
)

# What makes a cue not-now in its clause.
_PAST = re.compile(
    rf"\b(?:{_PAST_TIME_WORDS}|"
    r"(?<!minutes )(?<!minute )(?<!mins )(?<!min )(?<!seconds )(?<!secs )ago|"
    rf"used to|previously|before that|on {_WEEKDAY}|"
    r"(?<!just )(?:saw|spotted|caught|noticed) (?:him|her|them|someone|a man)|"
    r"was|were|had been|has been|have been|kept \w+ing|(?:that|this) one time)\b|\bbefore$"
    r"|\bonce$"
)
# A past time that only says who the person is: "the man i mentioned earlier is outside",
# "the guy from last week is at my door". Removed before the clause's tense is judged.
_WHO_FROM_BEFORE = re.compile(
    r"\b(?:(?:i|we) (?:have )?been (?:telling you|talking) about|(?:i|we) (?:told you|talked) "
    r"about|(?:i|we) (?:mentioned|told you about|talked about|spoke about|said)"
    r"(?: (?:him|her|them))? (?:earlier|before|previously|already)|"
    r"from (?:yesterday|earlier|before|last (?:night|week|weekend|time|month)|"
    r"the other (?:day|night|week))|"
    r"(?:who|that|which) (?:\w+ ){1,6}(?:yesterday|earlier|last (?:night|week|weekend|time|month)|"
    r"the other (?:day|night|week)))\b"
    # a relative clause before the main verb: "the guy who has been stalking me for months is ..."
    r"|\b(?:who|that|which)\b(?! (?:is|are) (?!been\b))(?: \w+){1,10}?"
    r"(?= (?:is|are|has|have|got|just|keeps)\b)"
    # the thing they hold, dated: "holding the knife he showed me last week"
    r"|\b(?:knife|gun|weapon|blade|bat|hammer|car|van)(?: (?:that|which))? (?:he|she|they) "
    r"(?:\w+ ){1,3}(?:yesterday|earlier|last (?:night|week|weekend|time|month)|before|"
    r"the other (?:day|night|week))\b"
)
# The conversation itself, not a time: "while we have been talking he is pulled up outside".
_WHILE_WE_TALKED = re.compile(
    r"\b(?:while|whilst|as|since) (?:we|i) (?:have been|were|was|started|have|had) (?:talking|"
    r"chatting|"
    r"typing|messaging|texting|writing)\b"
)
# A time still to come: "he says he's coming to my graduation next month".
_LATER = re.compile(
    rf"\b(?:next (?:week|month|year|term|weekend|time|{_WEEKDAY})|tomorrow|at the weekend|"
    rf"this (?:coming )?(?:weekend|{_WEEKDAY})|"
    r"later this (?:week|month|year)|in (?:a|two|three|"
    r"\d+) (?:weeks?|months?|days?|years?))\b"
)
_HABIT = re.compile(
    r"\b(?:every (?:day|night|morning|evening|week|time(?! i (?:look|turn|glance|check))|weekend|"
    rf"single|{_WEEKDAY}|weekday|lunchtime|afternoon)|always|usually|often|"
    r"sometimes|most (?:days|nights|mornings|evenings|weekends|weeks|times)|all the time|keeps|"
    r"keep|kept|constantly|"
    # "the third time this month he has turned up"
    r"(?:\d+(?:st|nd|rd|th)|second|third|fourth|fifth|sixth) time (?:this|in a) (?:week|month|year|"
    r"term|fortnight)|"
    r"whenever|regularly|each (?:day|night|week)|a lot|loads|sometimes|"
    r"(?:\w+ )(?:days|nights|mornings|evenings|weeks|times) (?:running|in a row)|on (?:mondays|"
    r"tuesdays|"
    r"wednesdays|thursdays|fridays|saturdays|sundays|weekdays|weekends))\b"
)
_HYPOTHETICAL = re.compile(
    r"\b(?:what if|if|in case|suppose|supposing|imagine|should i|what do i do when|dream\w*|"
    r"(?:was|am|were) (?:about|going) to say|nearly said|scenario|situation where|hypothetically|"
    r"story|stories|novel|script|screenplay|fiction|plot|characters?|role ?play|for when|"
    r"^(?:do|does|can|will|would|could|should) (?:\w+ ){0,4}(?:stop|prevent|deter)|"
    r"^(?:do|does|will|would|can|should) (?:the )?(?:police|courts?|uni|university|i|we|you|they) "
    r"(?:\w+ ){0,2}(?:need|require|have to)\b|"
    r"nightmares?|"
    r"what happens when|when someone|what counts|how do i know|how can i tell|could|"
    r"might|may|worried that|worry that|afraid that|scared that|in the future|one day|"
    # a recurring fear: "i keep thinking hes going to break in"
    r"i keep (?:thinking|worrying|imagining|picturing)|"
    r"tomorrow|next (?:week|month|time|year)|later)\b"
)
_NEGATED_SUBJECT = re.compile(
    r"(?:\b(?:no one|noone|nobody|nothing|no body)(?: is| are)?\s*$)|"
    # right before the cue: "he has never actually said", "no longer"
    r"(?:\b(?:not|never|no longer)(?: (?:actually|really|ever|even|once))? $)|"
    # "not that hes here", "he is banned from coming within 100 metres"
    r"(?:\bnot that\s*$)|(?:\b(?:banned|barred|not allowed|forbidden|prohibited) (?:from|to) "
    r"(?:coming|come|going|go|being|be|getting|get|contacting|contact|approaching|approach|entering|"
    r"enter)(?:\s\w+){0,2}\s*$)|"
    # "he has never actually said he will hurt me"
    r"(?:\b(?:never|not|has not|have not) (?:actually |really |once |ever |even )?(?:said|says|"
    r"threatened|told me|mentioned)(?:\s\w+){0,3}\s*$)|"
    r"(?:\b(?:do not|did not|does not|not) (?:think|believe|feel|reckon|suppose|mean)\b"
    r"(?:\s\w+){0,3}\s*$)|(?:\bnot saying(?:\s\w+){0,2}\s*$)"
)
# The person's own people: family, friends, people they live with. Present with them, coming to
# help or home again, they are not the danger (someone of theirs hurt now is: see _DANGER_SERIOUS).
_THEIR_PEOPLE = (
    r"(?:best |older |little |big )?(?:mum|mam|mom|dad|parents|friends?|mates?|flatmates?|"
    r"housemates?|roommates?|brother|sister|boyfriend|girlfriend|partner|husband|wife|nan|gran|"
    r"grandma|grandad|auntie|aunt|uncle|cousin|sons?|daughters?|kids|children)"
)
# Someone the person expects at the door: "the delivery guy is outside", "my flatmate is at the
# door with pizza". Only people who come for a job: family, partners, friends, neighbours and
# landlords are sometimes the ones doing it.
_SOMEONE_EXPECTED = re.compile(
    r"(?<!pretending to be )(?<!dressed as )(?<!claiming to be )(?<!says he is )"
    r"\b(?:my|our|the) (?:\w+s )?(?:postman|postie|courier|carer|nurse|midwife|health visitor|"
    r"social worker|support worker|delivery "
    r"(?:guy|man|driver|person|lady|woman)|pizza (?:guy|man)|amazon (?:guy|man|driver)|"
    r"window cleaner|cleaner|plumber|electrician|gas man|engineer|porters?|taxi|uber|cab|food|"
    r"pizza|takeaway|parcel|delivery|shopping)(?: (?:keeps|kept|is|has been|just|still|again))*\s$"
)
_SOMEONE_EXPECTED_AFTER = re.compile(
    r" (?:\w+ ){0,2}?with (?:the |my |our |a |some )?(?:pizza|food|takeaway|parcel|parcels|"
    r"package|delivery|shopping|post|chinese|curry)\b"
)
# Away for a while: "hes in spain this week", "hes in scotland for work all week".
_AWAY_FOR_A_WHILE = (
    r"^(?:no |but no |nah |actually )*(?:he|she|they|my ex) (?:is|are) (?:\w+ )?in "
    r"(?!(?:my|the|our|your|this|here|there|halls?|town|reception|lobby|class|lectures?|work|uni|"
    r"school|college|bed|his|her|their|a|an)\b)\w+ (?:for (?:work|a conference|business) )?"
    r"(?:this|all|for the|for a|until|till|for work|on business) ?(?:week|weekend|month|fortnight|"
    r"few days|\w+day)?\b"
)
# Someone harmless at the door or outside: "it was just the postman", "the van is the builders".
_HARMLESS = (
    r"(?:postman|postie|courier|room service|housekeeping|concierge|"
    r"delivery (?:guy|man|driver|person)|amazon (?:guy|man|driver|"
    r"delivery)|pizza(?: guy| man)?|takeaway|parcel|package|post|flatmate|housemate|roommate|mum|"
    r"tractor|bus|lorry|learner|cyclist|police car|bin lorry|officers?|police officer|pc|detective|"
    r"next door|driving instructor|instructor|taxi driver|engineer|workmen|workman|toddler|baby|"
    r"social worker|carer|nurse|midwife|health visitor|support worker|locksmith|housing officer|"
    r"mom|dad|"
    r"window cleaner|cleaner|cat|dog|fox|wind|delivery|food|shopping|groceries|brother|sister|"
    r"builders?|scaffolders?|roofers?|gardener|neighbours?|kids|meter reader|gas man|bulb|heating|"
    r"pipes|boiler|fridge|tree|branch|tree branch|radiator|timer|fuse|electrics|plumber|"
    r"electrician|(?:gate |security )?guard|caretaker|attendant|steward|"
    r"decorators?|(?:tesco|asda|sainsburys|ocado|grocery|food|shopping) (?:order|delivery|van)|"
    r"bins?(?: being collected| men| lorry)?|"
    r"people (?:upstairs|downstairs|next door|above|below))"
)
# People there for a job, for "hes the driving instructor" (not "hes my kids dad").
_A_HARMLESS_ROLE = (
    r"(?:postman|postie|courier|delivery (?:guy|man|driver|person)|driving instructor|instructor|"
    r"engineer|plumber|electrician|builder|window cleaner|cleaner|gas man|meter reader|carer|nurse|"
    r"health visitor|social worker|support worker|officer|police officer|taxi driver|neighbour|"
    r"landlord|caretaker|porter|security guard|gardener|decorator)"
)
# A later clause that takes the alarm back: "someones at the door!! oh its the amazon guy lol".
_FALSE_ALARM = _rx(
    # (not "nvm hes grabbed me": there it changes the subject)
    r"\b(?:false alarm|panic over|my bad)\b|\b(?:never mind|nevermind|nvm)\b(?! (?:he|she|they|"
    r"someone|somebody) (?:is|are|has|have)\b)",
    r"^(?:but |cos |because )?(?:she|he|they) (?:has |have )?(?:lost|forgot|forgotten|left) (?:her|"
    r"his|"
    r"their) keys?\b",
    # official or tradespeople doing a job: "its the crt guy checking my licence"
    r"^(?:it is|its|that is) (?:just |only )?(?:the|a) (?:\w+ ){0,2}(?:guy|man|woman|lady|bloke|"
    r"people|men)(?: from (?:the )?(?:\w+ )?\w+)? (?:checking|reading|delivering|fixing|collecting|"
    r"doing)\b",
    # "but he's washing the windows, I booked him"
    r"^(?:but )?(?:he is|she is|they are) (?:just |only )?(?:washing|cleaning|fixing|repairing|"
    r"mending|painting|mowing|trimming|emptying|reading the meter|checking the meter|delivering|"
    r"dropping off) (?:the|my|our|a|some|next)\b",
    rf"^(?:but )?(?:only|just) (?:on|online|over) ?(?:{_ONLINE})?\b",
    # "thats man following me, mate, on twitter i mean"
    rf"^(?:i mean |like )?(?:on|over) (?:{_ONLINE})(?: i mean| like| lol| haha| obviously| not irl|"
    r" not in real life)*$",
    # (not a helper leaving: "the porter has left" takes nothing back)
    r"^(?:but )?(?:he|she|they|it|someone|the (?!(?:porter|security|guard|concierge|receptionist|"
    r"police|staff|bouncer|warden|manager|neighbours?)\b)\w+) (?:is|are|has|have) (?:gone|left)"
    r"(?: now| away| home| again)?$",
    rf"^(?:oh |ah |phew |lol |haha |ok |okay )*(?:it is|it was|that is|that was|was just|was only|"
    rf"just|only) (?:just |only )?(?!not |never )(?:(?:the|my|a|our) )?(?:\w+ ){{0,2}}?"
    rf"{_HARMLESS}s?\b",
    # "hes the driving instructor waiting for my flatmate"
    rf"^(?:but )?(?:he|she|they) (?:is|are) (?:just |only )?(?:the|my|our|a) (?:\w+ )?"
    rf"{_A_HARMLESS_ROLE}\b",
    r"\b(?:just kidding|only kidding|only joking|just joking|jk|kidding)\b",
    # away for a while, said after the alarm: "but no, hes in spain this week"
    _AWAY_FOR_A_WHILE,
    r"^(?:but )?(?:it|that) (?:was not|is not) (?:him|her|them|my ex)\b",
    r"^(?:and |but )?(?:security|the porters?|porters?|the police|police|staff|bouncers?|guards?|"
    r"officers?) (?:have|has) (?:got )?(?:hold of )?(?:him|her|them)\b",
    # a correction: "no sorry, i mean he WAS, that was on saturday"
    r"\bi (?:mean|meant) (?:he|she|they) (?:was|were)\b",
    rf"^(?:no |sorry )*that was (?:on )?(?:{_PAST_TIME_WORDS}|{_WEEKDAY})\b",
    # someone of theirs: "somebody is outside my window, its my boyfriend waiting for me"
    r"^(?:oh |ah |phew |lol |ok |okay )*(?:it is|it was|that is|that was) (?:just |only )?(?:my|"
    rf"our) (?!ex\b|former\b|old\b)(?:\w+ )?(?:{_THEIR_PEOPLE}|landlord)\b",
    r"^(?:he|she|they) (?:is|are) (?:fine|supportive|lovely|harmless|on my side|not the one|"
    r"not him|"
    r"not her)\b",
    r"\bi (?:asked|invited|told) (?:her|him|them) to come\b",
    # an empty car, a different car: "its been there since last week with nobody in it"
    r"\b(?:nobody|no one|noone) (?:is )?in it\b|\bit is empty\b",
    r"^(?:but )?not (?:his|hers|theirs|him|her|them)(?: car| van)?$",
    r"^(?:it is |its )?(?:just )?(?:a|another) (?:similar|different|lookalike) (?:car|van|bike)\b",
    # busy with something ordinary: "hes doing the roadworks"
    r"^(?:but )?(?:he|she|they) (?:is|are) (?:just |only )?(?:doing|fixing|working on|mending|"
    r"cleaning|"
    r"painting|cutting|emptying|reading|delivering|collecting) (?:the|a|some|next doors?) "
    r"(?!(?:lock|locks|door|doors|window|windows|handle)\b)",
    # the message was old: "it was sent three weeks ago"
    r"\b(?:it|that|this|the message|the text) was (?:sent|from) (?:\w+ ){0,2}?(?:ago|last \w+|"
    r"yesterday|on \w+day)\b",
    r"^(?:only )?(?:because )?we (?:both )?(?:work|study|live|train) (?:in|on|at|for|here|there|"
    r"together)\b",
    r"\bin the sense that (?:he|she|they) (?:moved|lives?|living|works?|is living)\b",
    r"^(?:but )?from (?:my|the|our) (?:kids|children|son|daughter|baby|family|mum|dad|partner|"
    r"husband|wife|flatmates?|housemates?|boss|cat|dog)\b",
    r"^(?:but )?(?:it is|its) (?:a |just a |only a )?(?:plastic|toy|fake|pretend|rubber|cardboard|"
    r"nerf|water) (?:one|knife|gun|sword|pistol)\b",
    r"\b(?:locked|locks) (?:himself|herself|themselves) out\b",
    r"\b(?:i was|we were|i am|we are) expecting (?:her|him|them)\b|\bi was expecting\b",
    r"\b(?:it|the alert|the alerts|the beeping) (?:stopped|went away|has stopped|disappeared)\b",
    r"\b(?:it|that) was (?:at|to|outside) (?:my|the) (?:old|previous|former|last) (?:flat|house|"
    r"address|place|home)\b",
    # "my ex is outside... outside the country"
    r"^(?:i mean |like )?outside (?:the country|the uk|britain|england|scotland|wales|europe|"
    r"the city|"
    r"town|the area|the county)\b",
    # not about them: "its the guy from the flat opposite arguing with his girlfriend"
    r"^(?:but )?(?:it is|it was|that is|thats) (?:just |only )?(?:the|a|some) (?:\w+ )?(?:guys?|"
    r"men|man|lads|"
    r"woman|lad|people|couple|family|kids|neighbours?) (?:from|in|at|across) (?:the |a )?(?:\w+ )?"
    r"(?:flat|house|place|road|street|door|next door|upstairs|downstairs|opposite)\b",
    # checked and nobody there: "he is not, my doorbell cam shows nobody", "there is nobody"
    r"^(?:but |and )?(?:there is (?:nobody|no one|noone)(?: there)?|(?:nobody|no one|noone) is "
    r"there)$",
    # "i meant he used to be outside every night"
    r"^(?:but )?i meant (?:he|she|they) used to\b",
    # "theres a man outside but hes from the council fixing the street light"
    r"^(?:but )?(?:he|she|they) (?:is|are) (?:just |only )?(?:from|with) (?:the )?(?:council|"
    r"water board|gas board|electric board|housing association|letting agents?|"
    r"fire service|fire brigade|royal mail|bt|openreach|network rail)\b",
    # "theres a man outside but hes just waiting for the bus"
    r"^(?:but )?(?:he|she|they) (?:is|are) (?:just |only )?waiting (?:for|on) (?:the|a|an|his|her|"
    r"their) (?:\w+ )?(?:bus|taxi|cab|uber|lift|train|tram|parcel|delivery|collection|mate|friend|"
    r"girlfriend|boyfriend|wife|husband|partner|kids|children|dog|shop to open|pharmacy)\b",
    # "theres a car outside i did not recognise, turns out its the neighbours new car"
    r"^(?:but |and |oh |ok )*(?:it )?(?:turns|turned) out (?:that )?(?:it is|it was|to be|they are|"
    r"they were|he is|he was|she is|she was)\b(?! (?:\w+ )?(?:him|her|them|my ex|his|hers)\b)",
    r"^(?:it is|everything is|all is) (?:fine|ok|okay|alright)(?: now)?$",
    r"\b(?:someone|somebody|a (?:\w+ )?(?:man|guy|bloke|woman|lad|girl|person)) (?:who|that) "
    r"(?:looks|looked) like (?:him|her|them|my ex)\b",
)
# A bare denial takes back only the alarm just before it: "hes at my door. he is not, the camera
# shows nobody", not "hes in the building. security let him in, he said he was my partner. hes not"
_BARE_DENIAL = re.compile(r"^(?:but |and )?(?:he is not|she is not|they are not)$")
# "theres a guy outside handing out flyers and i thought for a second it was him, it wasnt"
_THOUGHT_IT_WAS_THEM = re.compile(
    r"\bi thought (?:\w+ ){0,4}?(?:it|that|he|she) (?:was|is) (?:him|her|them|my ex)\b"
    r"(?: \w+){0,3}? (?:it|that|he|she) (?:was not|is not)\b"
)
# The noise explained in the same breath: "i think the tapping at my window is the tree branch"
_NOISE_EXPLAINED = re.compile(
    r"\b(?:tapping|knocking|banging|scratching|rattling|noise|noises|sound|sounds|shadow|light) "
    r"(?:\w+ ){0,4}?(?:is|was|are|were) (?:just |only |probably |definitely )?(?:the|a|my|our) "
    rf"(?:\w+ )?{_HARMLESS}s?\b"
)
# Realised afterwards who it is: "a man outside my window, then i remembered its thursday, window
# cleaner day". Read across the clauses after the alarm.
_REALISED_HARMLESS = re.compile(
    r"\bi (?:then )?(?:remembered|realised|realized|clocked|twigged|saw)\b(?: \w+){0,6}? (?:the |"
    r"my |"
    r"our "
    rf"|a )?{_HARMLESS}\b"
)
# A message just received that names what the person is wearing as they read it: "he just texted
# 'red suits you' and i am wearing my red coat". It spans clauses, so it is read on the whole text.
# "a note that just says i see you": only, not a moment ago
_NOT_A_NOTE = r"(?<!that )(?<!which )(?<!it )(?<!note )(?<!card )(?<!letter )"
_SEEN_NOW = re.compile(
    rf"{_NOT_A_NOTE}\bjust (?:{_SAYS}|commented|snapped)\b.*\bi am "
    r"(?:literally |actually |still )?(?:wearing|in (?:my|the|a) (?:\w+ )?(?:coat|dress|top|jacket|"
    r"hoodie|jumper|shirt|skirt|uniform))\b"
    # "he just texted me 'enjoying your walk?'" while they are out
    rf"|{_NOT_A_NOTE}\bjust (?:{_SAYS}|commented|snapped)\b(?: \w+){{0,4}}? (?:enjoying|enjoy) "
    r"(?:your|ur|the) "
    r"(?:walk|run|night|evening|drink|coffee|shopping|day|swim|workout|ride)\b"
    rf"|{_NOT_A_NOTE}\bjust (?:{_SAYS}|commented|snapped)\b(?: \w+){{0,4}}? "
    r"(?:i can see you|i see you|"
    rf"see you soon|"
    r"i am watching you|nice (?:coat|top|dress|jacket|hat|outfit|walk|run))\b"
)
# Them on a video call or photo with the person's home behind them: "he facetimed me and i could
# see my own door number behind him".
_THEIR_BACKGROUND = re.compile(
    r"\b(?:facetimed|facetiming|video ?called|video ?calling|videoed|sent (?:me )?(?:a )?(?:photo|"
    r"picture|pic|selfie|video|snap))\b.*\b(?:my|our) (?:own )?(?:front )?(?:door|door number|"
    r"house|"
    r"flat|street|road|window|car|building|gate)\b.*\b(?:behind (?:him|her|them)|"
    r"in the background)\b"
)
# A message just received that says they are arriving or know where the person is now: "he texted
# 'open up i know you're in'", "then he texted 'nearly at the services youre at'". Read on the
# whole text (quotes split into clauses), only when nothing dates the message or makes it a habit.
_ARRIVING_MESSAGE = re.compile(
    r"(?<!mum )(?<!mom )(?<!dad )(?<!friend )(?<!mate )(?<!flatmate )(?<!sister )(?<!brother )"
    r"(?<!taxi )(?<!uber )(?<!driver )(?<!courier )(?<!police )(?<!officer )(?<!security )"
    r"(?<!porter )(?<!parents )(?<!partner )"
    r"\b(?:texted|messaged|messages|dmed|wrote|sent|said|snapped|rang and said|"
    r"(?:text|message|dm|snap) (?:saying|that says|said)|(?:a|another|new) (?:text|message|dm|"
    r"snap))\b(?: \w+){0,12}? "
    r"(?:open (?:up|the door)|let me in|"
    r"i know (?:you are|ur|youre) (?:in|home|there|inside|at|on)|come (?:outside|"
    r"out here|down|"
    r"to the (?:door|window))|look (?:outside|out (?:of )?(?:your|the|ur) window|behind you)|"
    r"turn (?:a)?round|(?:nearly|almost) (?:there|here|at|outside)|not far (?:now|away)|"
    r"see you in (?:a )?(?:minute|min|sec|second|bit|mo|\d+)|be there in (?:\d+|a few|five|ten|"
    r"two|a minute|a sec)|(?:at|near|outside|to) the (?:\w+ ){1,2}(?:you are|youre|ur) (?:at|in)|"
    # reported: "she said she is on her way with her brothers to get me"
    r"(?:he|she|they) (?:is|are) (?:on (?:his|her|their) way|coming (?:over|round|here|to get))"
    r"(?! (?:tomorrow|tonight|later|next|on|at \d|at the weekend|this (?:weekend|evening|afternoon|"
    r"week)|soon|sometime|some time|one day|after|when|if)\b)"
    r")\b"
)
# Said through the door now: "hes yelling through the letterbox that he knows im in".
_SHOUTS_THEY_KNOW_IM_IN = re.compile(
    r"(?<!was )(?<!were )\b(?:saying|shouting|yelling|screaming)(?: \w+){0,4}? (?:that )?"
    r"(?:he|she|they) knows? (?:i am|you are|ur|youre) (?:in|home|there|inside)\b"
)
# Their phone shown at the person's home on a location app, said across commas: "it's his
# phone, at my address". ("my ex's ipad" arrives as "my ex is ipad": text-speak "exs" is "ex is".)
_THEIR_DEVICE_HERE = re.compile(
    r"\b(?:his|her|their|my exs|my ex is|my ex) (?:phone|ipad|tablet|laptop|watch|location|dot|"
    r"tracker|airtag|icon|pin) (?:\w+ ){0,3}?"
    r"(?:is |shows |says |showing )?(?:at|outside|on|near) (?:my|our) (?:address|house|flat|street|"
    r"road|door|building|home|drive)\b"
)
# A caller nobody expects: "doorbell. 2am. nobody's expecting anyone", "theres a knock, nobody
# knocks this late".
_UNEXPECTED_CALLER = re.compile(
    r"\b(?:doorbell|door bell|buzzer|intercom|knock|knocking|knocks|bell|letterbox|letter box|"
    r"door handle)\b.*\b(?:(?:nobody|no one|"
    r"noone) (?:is )?expect\w*|not expecting (?:anyone|anybody|any one)|expecting (?:nobody|"
    r"no one)|not (?:the )?(?:post|postman|postie|delivery)(?! \w)|(?:at )?this time of (?:the "
    r")?night|"
    r"(?:nobody|no one|noone) (?:knocks|comes round|rings|calls round|calls) (?:this late|at this "
    r"time))\b"
)
# A question that then says it is real: "what do i do if hes in my car park now, because he is".
_CONFIRMED_IF = re.compile(
    r"\bif (?:he|she|they) (?:is|are|was|were) (?:\w+ ){0,6}?(?:(?:right now|now) )?(?:because |"
    r"cos |"
    r"cause |and |"
    r"which )?(?:he|she|they) (?:is|are)(?: right now| now| actually| literally)?$"
    # "if someone is shouting my name right now, is that police? because thats happening"
    r"|\bif\b.*\b(?:he|she|they) (?:is|has|have) just (?:done it|done that|done this)\b"
    r"|\bif\b.*\b(?:that is|this is|it is) (?:happening|going on|what is happening)"
    r"(?: now| right now)?$"
)
# The lights going off with a sign that someone did it: "the hall light just went off and i did not
# touch it. my ex used to flip the fuse box".
_LIGHTS_CUT = re.compile(
    r"\b(?:lights?|power|electrics?|electricity) (?:\w+ ){0,3}?(?:just |has just |have just )?"
    r"(?:went|gone|going|cut|turned|switched) (?:off|out)\b.*\b(?:did not (?:touch|turn|switch)|"
    r"on (?:its|their) own|by (?:itself|themselves)|fuse ?(?:box|board)|just mine|only mine|"
    r"only (?:my|"
    r"our) (?:house|flat)|neighbours (?:still )?have|cut my (?:power|electric\w*|lights))\b"
)
# Someone moving about inside while the person is alone: "footsteps upstairs and nobody else
# lives here", "i live alone and theres someone in the kitchen".
_ALONE = (
    r"(?:(?:nobody|no one|noone) else (?:lives|is|should be)(?: here| home| in)?|i live (?:alone|"
    r"on my own|"
    r"by myself)|i am (?:home )?(?:alone|on my own|by myself))"
)
_INSIDE = (
    r"(?:footsteps|foot steps|someone|somebody|voices?|noises?|movement|creaking|a bang|whispering)"
    r"(?: \w+){0,3} (?:upstairs|downstairs|in the (?:house|flat|hall|hallway|kitchen|loft|attic|"
    r"next room|living room|lounge|bathroom)|on the (?:stairs|landing))"
)
_SOMEONE_INSIDE_ALONE = re.compile(rf"\b{_INSIDE}\b.*\b{_ALONE}\b|\b{_ALONE}\b.*\b{_INSIDE}\b")
# A cry about the door or window, and nothing after: "the texts are saved. oh god the window"
_CRY_AT_THE_DOOR = re.compile(
    r"\b(?:oh god|oh my god|omg|oh no|oh shit|shit|fuck|wtf|jesus|christ)(?: \w+)? (?:the|my) "
    r"(?:window|door|back door|front door|letterbox|handle|door handle|lock)$"
)
# A short reply that it is happening now: "happening now", "yes its going on right now".
_HAPPENING_NOW = re.compile(
    r"^(?:yes |yeah |yh |yep |it is )?(?:it is |its |this is |it )?(?:happening|going on) "
    r"(?:right )?now$"
)
# Looked, and it is them: "when i checked the cam its him with his hood up", "i looked through the
# peephole and its her".
_LOOKED_AND_ITS_THEM = re.compile(
    r"\b(?:checked|check|looked at|look at|looked through|look through|looked out of) (?:the |my )?"
    r"(?:cam|camera|doorbell|ring|cctv|app|screen|window|peephole|spyhole)\b.*\b(?:it is|that is) "
    r"(?:him|her|them|my ex)\b"
)
# A short answer that they are still there: "still there", "yes hes still outside".
_STILL_THERE = re.compile(
    r"^(?:yes |yeah |yep |yh |no )?(?:he is |she is |they are |it is )?still (?:there|here|outside|"
    r"out there|at the door|behind me|following me|waiting|parked up|sat there|stood there)"
    r"(?: now| right now)?$"
)
# A short answer that someone is in with them: "yes. in the house. with me."
_IN_WITH_ME = re.compile(
    r"^(?:yes |yeah |yep |yh |ye )?(?:he is |she is |they are |still |here |now )*in (?:the|my|"
    r"our) "
    r"(?:house|flat|room|home|bedroom|kitchen|car) (?:here )?with (?:me|us)$"
)
# Someone doing something now, said in the same clause as "now": "now hes standing up as we get
# close to my stop". Not a danger cue, but enough that a past clause elsewhere must not demote.
_SOMEONE_DOING_NOW = re.compile(
    r"\b(?:he|she|they|the man|the guy|someone|somebody|a man|my ex) (?:is|are) (?:\w+ )?"
    r"(?!(?:texting|messaging|calling|ringing|emailing|dming|posting|commenting|liking|blowing "
    r"up)\b)"
    r"(?:\w+ing|stood|sat)\b"
)
# The two of them in different places, said across clauses: "hes in london and im in glasgow".
# Danger now that only the whole message shows: (reason, pattern, only when nothing dates it).
_WHOLE_MESSAGE_NOW: tuple[tuple[str, re.Pattern[str], bool], ...] = (
    ("seen now", _SEEN_NOW, False),
    ("their background", _THEIR_BACKGROUND, True),
    ("their device here", _THEIR_DEVICE_HERE, True),
    ("lights cut", _LIGHTS_CUT, True),
    ("unexpected caller", _UNEXPECTED_CALLER, True),
    ("confirmed", _CONFIRMED_IF, False),
    ("someone inside, alone", _SOMEONE_INSIDE_ALONE, True),
    ("cry at the door", _CRY_AT_THE_DOOR, True),
    ("happening now", _HAPPENING_NOW, False),
    ("in with me", _IN_WITH_ME, False),
    ("still there", _STILL_THERE, False),
    ("looked and its them", _LOOKED_AND_ITS_THEM, True),
    ("shouts they know im in", _SHOUTS_THEY_KNOW_IM_IN, True),
)
_FAR_APART = re.compile(
    r"\b(?:he|she|they|my ex) (?:is|are|lives|live)(?: still| now| back| currently)? in "
    r"(?!(?:my|the|our|your|this|a|an|his|her|their|here|there|bed|front|town)\b)(\w+)\b.*"
    r"\b(?:i am|we are) (?:still |now |currently |back )?(?:in|living in) "
    r"(?!(?:my|the|our|a|an|bed|here|there|town|\1)\b)\w+"
)
# Someone asking how to help another person, with nothing about now: "how can i help her".
_HELPING_SOMEONE_ELSE = re.compile(
    r"\bhow (?:can|do|should|could|would) (?:i|we) (?:best )?(?:help|support|look after|protect|"
    r"advise|reassure)\b(?: \w+){0,2}? (?:her|him|them|(?:my|our) (?:\w+ )?(?:friends?|mates?|"
    r"sister|brother|daughter|son|partner|boyfriend|girlfriend|wife|husband|flatmate|housemate|"
    r"roommate|colleague|staff|student|child|children|kids?|mum|mom|dad|cousin|niece|nephew|"
    r"employees?|team|tenant|client|patient|pupil))\b"
    r"|\bwhat (?:can|should|do) (?:we|i) do as (?:a |her |his |their )?(?:parents?|friends?|"
    r"family|manager|employer|tutor|lecturer|flatmates?|housemates?)\b"
)
# Someone reported to be near ("he texted saying hes outside") when another clause shows they
# cannot be ("im at my dads 200 miles away").
_SAYS_FIRST = re.compile(rf"(?:{_SAYS}|text|message|dm)\b")
# Someone else's view of the person: "my mum thinks im in danger".
_OPINION = re.compile(
    r"\b(?:mum|mom|dad|parents|friends?|mates?|family|sister|brother|partner|everyone|people|they|"
    r"she|he|therapist|counsellor|gp|doctor|police) (?:thinks|think|reckons|reckon|is worried|are "
    r"worried|keeps saying|keep saying) (?:that )?$"
)
_REPORTED = re.compile(rf"\b{_SAYS}(?: that)? (?:\w+ )?$")

# Context that says "not now" without a danger cue in the clause: demotes a learned prediction.
# Asking what it is or whether they overreact: calm only when nothing in the message is about
# now ("a customer keeps messaging me, is that stalking?", not "is it weird that a van has parked
# right outside").
_QUESTION_ABOUT_IT = _rx(
    r"^(?:would you say|do you think|does (?:this|that) mean|is it likely|how do i know if) "
    r"(?:that )?(?:i am|im|we are) in danger\b",
    # what an action would do: "would moving house actually help or will he just find me again"
    r"^(?:would|will|does|do|could|can|should) (?:\w+ )?(?:moving|changing|blocking|reporting|"
    r"getting|telling|going|deleting|calling|ringing|seeing|leaving|staying|ignoring) "
    r"(?:\w+ ){0,4}?(?:help|work|stop|make)\b",
    r"^am i (?:overthinking|overreacting|being paranoid|being silly|being dramatic|"
    r"over reacting)\b",
    r"^(?:is|would|does|could|can) (?:that|this|it) "
    r"(?:be |count as |classed as |class as |seen as )?"
    r"(?:stalking|harassment|harrassment|normal|overstepping|illegal|a crime|a threat|ok|okay|"
    r"creepy|weird|"
    r"reportable|enough)\b",
)
# Something present said without "now": "a van has parked right outside", "i can see his shape".
_PRESENT_SIGN = re.compile(
    r"\b(?:has|have) (?:just )?(?:parked|pulled up|pulled in|arrived|turned up|come back|got out)\b"
    r"|\bi can (?:see|hear)\b|\bin the last (?:half hour|hour|\w+ minutes|few minutes)\b"
    r"|\b(?:that is|this is|it is) (?:happening|going on)\b"
)
_PRESENT_PRESENCE = re.compile(
    r"\b(?:he|she|they|someone|somebody|a man|a guy|the man|the guy|a car|a van|the car|the van|"
    r"my ex) (?:is|are) (?:\w+ )?(?:outside|here|there|behind|following|watching|standing|stood|"
    r"sitting|sat|waiting|walking|coming|parked|banging|knocking|trying|looking|staring|lurking|"
    r"hanging)\b"
)
_SAFE_CONTEXT = _rx(
    r"\b(?:he|she|they|my ex) (?:has|have|is) not (?:messaged|messages|texted|called|rung|"
    r"been in touch|contacted|emailed|posted|commented)\b",
    r"^(?:can|could) you (?:help me )?(?:understand|explain|tell me)\b",
    r"\bi am (?:at|in) (?:the |a )?police station\b",
    r"\b(?:saying|says|said|texted|messaged) (?:that )?(?:he|she|they) "
    r"(?:(?:will not|wont) (?:come|be coming|turn up|show up|be there|be round|make it)|"
    r"is not coming|"
    r"are not coming|can not come|can not make it)\b",
    r"\b(?:sorted it|sorted things|sorted it out|made up|apologised|apologized)\b",
    r"\b(?:banned|barred) (?:him|her|them)(?: from\b|$)|\b(?:is|are|has been|have been|"
    r"got) (?:banned|"
    r"barred)(?: from\b|$)",
    r"^how (?:can|do|should|could) (?:i|we) (?:make|stop|keep|secure|protect|prevent|lock|improve|"
    r"block|childproof|reinforce)\b",
    r"\b(?:stuck to|kept to|obeyed|followed|abided by|sticking to|keeping to) "
    r"(?:(?:the|his|her|their) (?:order|bail|bail conditions|conditions|injunction|undertaking)|"
    r"(?:them|it|those)(?: so far)?$)",
    r"\b(?:i have had|had|i have|been) no (?:trouble|problems|contact|issues|bother) "
    r"(?:since|from)\b",
    r"\b(?:worried|scared|afraid|anxious|nervous|terrified|worry) (?:that )?(?:he|she|they|my ex|"
    r"someone) (?:might|will|could|may|is going to|would)\b(?!.*\b(?:now|tonight|right now)\b)",
    r"\bdo not feel (?:unsafe|in danger|threatened)\b",
    r"\bi am (?:back )?(?:home|at home|back in my room|in my room|indoors)(?: now)?$",
    r"\bi am (?:back )?(?:home|at home) in (?!(?:my|the|our|halls?|bed)\b)\w+(?: now)?$",
    r"^(?:and |ok |okay )?(?:now )?i am (?:in|inside|in the house|in my flat|back in halls|in bed)"
    r"(?: now| safe)?$",
    r"\b(?:he|she|they|my ex) (?:lives|live|has moved|have moved|moved|is living|are living) "
    r"(?:back )?(?:in|to) (?!(?:my|the|our|your|this|same)\b)\w+",
    r"\b(?:will not|not|never) let (?:him|her|them) (?:in|into|through|up)\b",
    r"^(?:he|she|they|my ex) (?:is|are) (?:now )?(?:texting|messaging|calling|ringing|emailing|"
    r"dming|contacting) (?:me|my (?:mum|mom|dad|parents|friends?|mates?|sister|brother|family|"
    r"boss|work))(?: now)?(?: instead(?: of me)?)?$",
    r"\bi am (?:at|with) (?:my )?(?:friends?|mates?|mum|mums|dad|dads|parents|family|partner|nan|"
    r"nans|gran|grans|grandma|grandmas|grandparents|aunt|aunts|auntie|aunties|uncle|uncles|sister|"
    r"sisters|brother|brothers|cousin|cousins)\b",
    r"\b(?:my )?(?:dad|mum|mom|parents|friends?|mates?|flatmates?|housemates?|brother|sister|"
    r"boyfriend|girlfriend|partner|husband|wife) (?:is|are) (?:meeting me|picking me up|"
    r"coming to (?:get|pick up|meet) me|on (?:the phone|facetime) with me)\b",
    r"\b(?:is|are) (?:still )?(?:here |at home |home |at mine |at ours )?with me\b",
    # the police have them, or are with the person
    r"\b(?:in custody|been arrested|got arrested|arrested (?:him|her|them)|charged|remanded|"
    r"sentenced|convicted|jailed|(?:police|police officers?|officers?|pcs?|detectives?) "
    r"(?:came|took|have got|are here|is here|are with me|is with me|are in my \w+|arrived))\b",
    r"\b(?:it is|it has|it|the stalking|the harassment|this|that) (?:has )?(?:over|finished|"
    r"stopped|ended)(?: now)?\b(?! (?:right )?(?:next to|beside|outside|behind|in front|by|near|"
    r"opposite|at|across))",
    # (a bare "he doesnt know where i am" is someone hiding; after a move it is safety)
    r"\b(?:does not|do not|did not) know (?:where i live|(?:the|my|our) (?:new )?address|"
    r"where i am (?:now|any ?more))\b",
    r"\b(?:moved|staying|living|stay)\b.*\b(?:does not|do not|did not) know where i am\b",
    r"\b(?:does not|do not|did not) know where i (?:have )?(?:moved|live now|am living|went)\b",
    r"^(?:no |nah )?(?:he|she|they|my ex) (?:can not|could not|has not|have not) (?:find|found|"
    r"track|tracked) me(?: (?:now|any ?more|since))?$",
    r"\b(?:\d+|hundreds of|a hundred|two hundred|three hundred) miles away\b",
    # busy far off: "dont think hes coming tonight, hes at a wedding in cornwall"
    r"\b(?:he|she|they|my ex) (?:is|are) (?:away )?at (?:a|an|his|her|their) (?:\w+ )?(?:wedding|"
    r"funeral|conference|festival|stag do|hen do|match|gig|christening|course|training|retreat)\b",
    # away themselves, or the claim checked: "he says hes near my house but im on holiday in
    # spain", "hes not on the cctv, security checked, i think hes lying"
    r"\bi am (?:\w+ )?(?:on holiday|abroad|overseas|out of the country|away (?:on|for|with|at))\b",
    r"\b(?:he|she|they) (?:is|are) (?:just |probably |only |obviously |clearly )?(?:lying|bluffing|"
    r"winding me up|making it up)\b(?! (?:in|on|under|down|there|outside|behind|low)\b)",
    r"\b(?:he|she|they) (?:is|are) not (?:on|in) (?:the |my |our )?(?:cctv|cameras?|doorbell|"
    r"footage|ring|door cam)\b",
    r"^(?:and |but )?(?:security|porters?|the porters?|(?:the )?police|staff|reception) "
    r"(?:have |has )?(?:checked|looked|had a look)"
    r"(?: (?:the )?(?:cameras?|cctv|outside|around|everywhere))?$",
    # nobody nearby: "hes in leeds im in london", "its all online"
    r"\b(?:it is|it has been|its|this is) (?:all |only |just |purely )?online\b",
    r"\b(?:he|she|they|my ex) (?:is|are|lives|live|has been|have been)(?: back| still| now)? in "
    r"(?!(?:my|the|our|your)\b)\w+ (?:\w+ )?i am (?:in|at|back in) \w+",
    r"\b(?:is|are) (?:\w+ )?(?:in|at) (?:another|a different) (?:city|town|country|county)\b",
    r"\b(?:is|are) (?:still |currently |now )?(?:abroad|away this week|in (?:prison|jail|hmp|"
    r"belmarsh|custody|a young offenders)|locked up|banged up|on remand|behind bars|"
    r"inside (?:for|till|until)|on (?:a |an )?(?:electronic )?tag|on (?:a )?curfew)\b",
    r"\b(?:that is|it is|this is|that was|it was) (?:all )?(?:in the past|history|over with)\b",
    r"\b(?:is|are|was) long gone\b",
    r"\b(?:this|that|it) (?:was|happened) (?:\w+ ){0,2}(?:on holiday|abroad|while i was away|"
    r"when i was away)\b",
    r"\b(?:says|thinks|think|said|reckons|told me) (?:that )?i am (?:overreacting|over reacting|"
    r"being paranoid|being dramatic|imagining (?:it|things)|making it up)\b",
    r"\b(?:chain|bolt|bolts|locks?|cameras?|doorbell|ring doorbell|alarm|spy ?hole|peephole)\b"
    r"(?: \w+){0,6} (?:fitted|installed|changed|put in|put up|added)\b",
    r"\b(?:no reason to think|just being careful|to be on the safe side|as a precaution)\b",
    r"\b(?:is|are|has been|have been) blocked(?: on (?:everything|all|\w+)| everywhere| now)*$",
    r"\b(?:he|she|they) (?:has |have )?mov(?:e|ed|es) (?:away|out|house|abroad)\b",
    r"\b(?:is|are) nowhere near (?:me|here|us|my \w+)\b",
    r"\b(?:has|have|is|are) moved (?:to (?!(?:the|my|our|a|an|outside|over|nearer|closer)\b)|away|"
    r"out)\b",
    r"\bnot seen (?:him|her|them)(?: in person| irl| around)? (?:in|for) (?:months|weeks|ages|"
    r"years|a while|a long time)\b",
    r"\bhere with me(?: now| tonight)?$",
    r"\bi (?:got|ran|managed to get) away\b(?!.*\bi am (?:still )?(?:running|hiding)\b)",
    # not there now: "hes not out there now", "i have not seen him since"
    r"\b(?:he|she|they|my ex) (?:is|are) not (?:out there|outside|here|there|around|about|in the "
    r"(?:street|road|garden|car park))(?: now| anymore| any more| at the moment| tonight| today)?$",
    r"\b(?:have|has) not (?:seen|heard from) (?:him|her|them) (?:since|yet)\b",
    r"\b(?:has|have) (?:not|never) (?:ever )?(?:threatened|hurt|hit|touched|attacked)"
    r"(?: to (?:hurt|hit|kill|harm|attack))? (?:me|us)\b",
    # a story: "theres a thriller on telly where a woman gets followed home"
    r"\b(?:film|movie|thriller|drama|documentary|show|programme|series|book|novel|podcast|episode|"
    r"soap|video|game|story)\b(?: \w+){0,4}? (?:where|about|in which)\b",
    # later, said on its own: "thats in june", "its not till next month"
    rf"^(?:but )?(?:that is|it is) (?:not )?(?:in|on|till|until|not till|not until|next) "
    rf"(?:{_MONTH}|{_WEEKDAY}|next|a few|\d+ (?:weeks|months|days)|the summer|the spring|"
    r"the autumn|the winter|week|month|year)\b",
    # asking what to do if: "if hes got a key do i need to tell the police"
    r"^if\b.*\b(?:do i|should i|can i|will i|would i|could i|am i|is it|how do i|what do i|"
    r"who do i|does (?:he|she|they)|will (?:he|she|they)|would (?:he|she|they)|do (?:the )?police|"
    r"will (?:the )?police|can (?:the )?police)\b",
    # with the police, or saying they are fine: "in the police station now, am grand"
    r"\b(?:at|in) (?:the )?police station\b",
    r"(?:^|\bso |\band |\bi )am (?:grand|fine|ok|okay|safe|alright|sound|all right)\b",
    # kept away by conditions: "the conditions say he cant come in to my town"
    r"\b(?:bail|conditions|order|injunction|spo|non molestation order) (?:\w+ ){0,3}?(?:says?|"
    r"means?) (?:he|she|they) (?:can not|is not allowed|are not allowed|must not|has to stay)\b",
    r"\bso i know (?:he|she|they) (?:can not|could not|will not|is not|are not)\b",
    # stopped, quiet, or only in touch by phone: "hes stopped following me since the warning"
    r"\b(?:is|are|has|have) stopped (?:following|messaging|texting|calling|contacting|turning up|"
    r"coming round|watching|stalking|bothering|harassing)\b",
    r"\b(?:is|are|has|have|has been|have been|is been|are been) (?:quiet|calm|silent)(?: since|"
    r" ever since| for| now)\b",
    r"^(?:no |nah )?not (?:outside|here|there|near|nearby|around|at (?:the|my) door)(?: no| now|"
    r" anymore| any more)?$",
    r"^(?:he|she|they) (?:is|are) (?:just |only )(?:texting|messaging|calling|ringing|emailing|"
    r"dming)\b",
    r"\b(?:has|have) not found (?:us|me)\b",
    r"\b(?:just )?(?:overtook|overtaken|walked past|went past|passed) (?:me|us)\b",
    r"\b(?:in|at|on) a different (?:building|floor|office|site|campus|part of)\b",
    r"\b(?:is|are) (?:at|outside) (?:the|my|our) (?:old|previous|former) (?:flat|house|address|"
    r"place|"
    r"home)\b|\bin (?:another|a different) (?:city|town|country)\b",
    r"\bno sign of (?:anyone|anybody|him|her|them|any one)\b",
    r"\b(?:moved|moving|has moved|went) (?:away )?(?:for|with) (?:work|his job|her job|a job|"
    r"uni)\b",
    r"^(?:what if|if) (?:he|she|they|someone)\b.*\b(?:tracker|airtag|app|spyware|camera|gps)\b",
    r"^how (?:would|do|can|should|could) i (?:check|know|tell|find|spot)\b",
    r"^(?:will|would|do|does) (?:the )?police (?:actually |still |even )?(?:come|attend|turn up|"
    r"do anything)\b",
    r"\b(?:has|have) not been (?:at|outside|near|round|here|by) (?:\w+ ){0,3}?since\b",
    r"\b(?:is|are) at work (?:till|until|til) (?:\d+|six|five|seven|eight|late)\b",
    r"\b(?:going to|gonna|will|plans to|planning to|says he will|said he would) (?:come|turn up|"
    r"show up|be) (?:to|at) (?:my|the|our) (?:\w+ )?(?:graduation|wedding|birthday|party|exam|"
    r"hearing|court date|ceremony|leaving do|prom|gig|match)\b",
    rf"\b(?:is|was) (?:actually|just|only) (?:my|the|our) (?:\w+ )?(?:{_HARMLESS}|landlord)\b",
    # what happens to them: "does he get arrested straight away"
    r"^(?:does|will|would|can|could) (?:he|she|they) (?:get|be|go) (?:arrested|charged|done|in "
    r"trouble|sent|to prison|to jail|locked up)\b",
)
_SAFE_STATEMENT = _rx(
    _AWAY_FOR_A_WHILE,
    r"\bhiding (?:\w+ ){0,4}?from (?:my|the|our) (?:kids|children|son|daughter|baby|family|"
    r"flatmates?|housemates?|boss|washing up|chores)\b",
    r"\b(?:not|never) (?:scared|worried|afraid|frightened) (?:that )?(?:he|she|they) (?:will|would|"
    r"might|is going to|are going to)\b|\b(?:he|she|they) (?:is|are) all talk\b",
    r"\b(?:lost|forgot|forgotten|left) (?:her|his|their) keys?\b",
    r"\basking (?:me )?(?:what is for (?:dinner|tea|lunch|breakfast)|for (?:money|pocket money|"
    r"snacks|"
    r"the remote))\b",
    r"\bto (?:collect|pick up|drop off) (?:the |our |my )?(?:kids|children|son|daughter|them) for "
    r"(?:his|her|their) (?:weekend|week|contact|visit)\b",
    # contact arrangements: "hes at the door for the handover", "shes just collecting the kids"
    r"\bfor (?:the|a|our) handover\b|\b(?:he|she|they) (?:is|are) (?:just |here )?(?:collecting|"
    r"picking up|dropping off|here for) (?:the |our |my )?(?:kids|children|son|daughter|them)\b",
    # "the man who was following me is in prison now"
    r"\b(?:is|are) (?:now |still )?(?:in prison|in jail|locked up|behind bars|in custody|on remand)"
    r"\b",
    # a patient, not someone at the hospital they are in: "hes in hospital after a car accident"
    r"\b(?:he|she|they|my ex) (?:is|are) (?:now |still )?in hospital\b(?! (?:car park|reception|"
    r"entrance|grounds|with me|where i))",
    # "i meant hes here in the same city, not at my house"
    r"\b(?:meant|mean|means) (?:that )?(?:he|she|they) (?:is|are|was|"
    r"were) (?:here )?in (?:the same|"
    r"this|my|the) (?:city|town|area|country|county|village|estate)\b",
    r"^(?:no |nope |nah )?not (?:right )?now\b",
    r"\b(?:do not|dont) think (?:he|she|they) (?:is|are) (?:there|here|outside) (?:for me|"
    r"because of "
    r"me)\b",
    r"\b(?:he|she|they|my ex) (?:is|are) not coming (?:back|round|over|home)\b",
    r"\b(?:it is|its|this is) not happening (?:now|right now|any ?more)\b",
    r"\b(?:gone|went) (?:back )?(?:in)?to (?:his|her|their) (?:own )?(?:flat|house|room|place|"
    r"home)\b",
    r"^(?:no |nah )?(?:he|she|they) (?:does not|do not|can not) (?:drive|have a car|"
    r"know where i live|"
    r"know my (?:new )?address)\b",
    # harmless, said in the same breath: "the van outside is just the builders next door"
    rf"\b(?:was (?:just |only )?|(?:is|are) (?:just |only |actually ))(?:the|my|a|our) "
    rf"(?:\w+ ){{0,2}}?{_HARMLESS}s?\b",
    rf"^(?:lol |haha |no |oh |nah |sorry )+(?:it is |its )?(?:just )?(?:my|our|the) (?:\w+ )?"
    rf"{_HARMLESS}s?\b",  # (an apostrophe lost: "no my brothers the one banging")
    rf"^(?:no |nah )?the (?:man|guy|person|woman|van|car|noise|noises|footsteps|knocking|banging|"
    rf"sound|sounds|shadow|figure|bloke|lad) (?:\w+ ){{0,3}}(?:is|was|are|were|belongs to|belonged "
    rf"to) "
    rf"(?:just |only )?(?:the|my|our|a) (?:\w+ ){{0,2}}?{_HARMLESS}\b",
    # not been near since: "hes not been outside since the police warning"
    r"\b(?:has|is|have) not been (?:\w+ ){0,2}?(?:outside|round|near|back|here|around|in touch|"
    r"seen)\b",
    r"\b(?:is|are) not allowed (?:near|within|to (?:come|contact|go|approach))\b",
    r"\b(?:he|she|they) (?:is|are) (?:just|only|probably just) (?:nosy|curious|friendly|"
    r"being friendly|"
    r"lonely|shy|awkward|being nice|bored)\b",
    r"^(?:but |and )?(?:nobody|no one|noone|no body) (?:is |was )?(?:there|here|outside|around|"
    r"about)"
    r"(?: now)?$",
    # a guard or the police have them: "security have got hold of him"
    r"\b(?:security|porters?|police|staff|bouncers?|guards?|officers?) (?:have|has) (?:got )?"
    r"(?:hold of )?(?:him|her|them)\b",
    # the police are with them: "two officers are with me in my flat"
    r"\b(?:officers?|police|pcs?|detectives?|police officers?) (?:are|is) (?:here |still )?"
    r"with me\b",
    # someone of theirs is with them: "my mum is in the house with me", "my mates here with me"
    rf"^(?:but |and |now |luckily |thankfully )?(?:my|our) (?:{_THEIR_PEOPLE}|neighbours?)"
    r"(?: and (?:my )?\w+)? (?:is|are) (?:\w+ ){0,4}?with (?:me|us)\b",
    # a joke: "my mate keeps joking hell kill me if i dont come on his stag do"
    r"\b(?:joking|jokes|joked|jokingly|as a joke|for a laugh|banter)\b.*\b(?:kill|murder) (?:me|"
    r"you|u)\b"
    r"|\b(?:kill|murder) (?:me|you|u)\b.*\b(?:joking|jokes|joked|jokingly|as a joke|for a laugh|"
    r"banter)\b",
    # a trusted driver waiting: "my boyfriend is waiting outside in the car, hes driving me to
    # my mums" (not when they are afraid)
    r"\b(?:boyfriend|girlfriend|partner|husband|wife|dad|mum|mom|friend|mate|brother|sister|taxi|"
    r"uber|cab|lift) (?:is|are) (?:\w+ ){0,3}?waiting (?:outside |downstairs )?(?:in the car )?"
    r"(?:for me)?\b(?!.*\b(?:scared|afraid|terrified|frightened|help|please)\b)",
    # a boss or teacher's banter: "my manager said im coming for you about my targets"
    r"\b(?:boss|manager|teacher|tutor|lecturer|supervisor|coach|team leader) (?:said|says|joked)\b"
    r".*\b(?:meeting|targets?|deadlines?|banter|joke|joking|lol|haha)\b",
    # at ease: "shes downstairs watching telly"
    r"\b(?:is|are) (?:\w+ )?(?:watching (?:telly|tv|television|a film|a movie|netflix|youtube|"
    r"cartoons)|doing (?:her|his|their) homework|playing (?:games|on (?:her|his|their) \w+))\b",
    # following online is not following in the street
    r"\bturned out (?:to be|it was|it is) (?!(?:him|her|them|my ex|his|the stalker|my stalker)\b)",
    r"\bturned out (?:to be|it was) (?:a |the |my |just |only )*(?:new |old )?(?:delivery|postman|"
    r"postie|courier|"
    r"neighbour|friend|flatmate|housemate|taxi|uber|cat|fox|nothing|someone else|different)",
    rf"\bfollow\w* (?:\w+ ){{0,3}}on (?:{_ONLINE})\b",
    r"\bfollow\w* (?:me )?on (?:every |all (?:my |the |of my )?)(?:platforms?|apps?|socials?|"
    r"accounts?|sites?)\b",
    r"\bi (?:mean|meant) (?:he|she|they) (?:was|were|used to)\b",
    r"\bjust looked like (?:him|her|them|my ex)\b|\b(?:it|that|he|she|the man|the guy) "
    r"(?:was not|is not) (?:him|her|them|my ex)\b",
    r"\b(?:not|no longer|never) (?:in|in any|in immediate) danger\b",
    r"^(?:no|not in) (?:immediate )?danger\b",
    r"\bgot (?:home|back|in) (?:fine|safe|safely|ok|okay|alright)\b",
    r"\b(?:went|walked|turned|headed|drove) (?:off )?the other way\b|\bby coincidence\b",
    r"(?<!\bi am )(?<!\bi was )(?<!\bwe are )(?<!\bi have to )(?<!\bwhen i )(?<!\bwhile i )"
    r"\b(?:dropping|picking|drops|picks|dropped|picked|drop|pick) (?:the |our |my )?"
    r"(?:kids|children|"
    r"son|daughter|baby) (?:off|up)\b"
    r"|\b(?:contact|child arrangements?) order says\b",
    r"(?<!not think )(?<!not feel like )(?<!not know if )(?<!not sure )(?<!not sure if )"
    r"\b(?:i am|we are) (?:safe|ok|okay|fine|alright|all right|home safe|somewhere safe|"
    r"with (?:friends|"
    r"family|someone))\b",
    r"\b(?:it is|this is|that is) not (?:an emergency|urgent)\b",
    r"(?<!not )\bi (?:feel|am feeling) (?:safe|safer|ok|okay|fine)\b"
    r"(?! (?:when|if|unless|until)\b)",
    # gone, but not "gone to the kitchen" or "gone to get something": still in the house
    r"(?<!\bwhere )\b(?:he|she|they|someone|my ex|the car|the van|his car|her car|the man|the guy)"
    r"(?: (?:who|that|which)(?: \w+){1,8}?)? (?:is|are|has|have) (?:(?:gone|left)"
    r"(?! (?:to (?!work\b|home\b)|into|in\b|past|by\b|the (?:room|kitchen|bedroom|bathroom|lounge|"
    r"living room)|upstairs|downstairs|outside|round|for a|back(?! to (?:his|her|their)\b| home\b)|"
    r"off to))|not here|not outside|away|not around)\b(?! yet\b)",
    # not following after all: "hes not following me", "the guy turned off into the pub"
    r"\b(?:is|are) not (?:following|chasing|behind|after|coming after) (?:me|us)\b",
    r"^(?:and |but |so )?(?:no one|nobody|noone) (?:is )?(?:following|behind|after|chasing)(?: me| "
    r"us)?$",
    r"\b(?:is|are) (?:\w+ )?not (?:near|anywhere near|close to) (?:me|here|us)\b",
    r"\b(?:fitted|installed|put in|put up) (?:them|it|the locks?|new locks?|a (?:chain|bolt|lock|"
    r"camera|doorbell|alarm))\b",
    r"\b(?:do not|dont|never) think (?:he|she|they) (?:would|will|is going to|would ever|will "
    r"ever) "
    r"(?:\w+ )?(?:hurt|harm|attack|touch|do anything to) (?:me|us)\b",
    r"\b(?:is|are) killing me with\b",
    r"\b(?:he|she|they|the (?:guy|man|woman|car|van|person)) (?:has |have |just )?(?:turned off|"
    r"turned into|went into|walked (?:off|away)|drove (?:off|away)|carried on|kept walking|"
    r"kept going)\b(?! with (?:me|us)\b)",
    rf"\b(?:is|are) (?:back |still |now )?(?:on (?:{_ONLINE})|online)\b",
    r"\b(?:my )?(?:boss|teacher|tutor|lecturer|supervisor|manager|coach) (?:is |are )?(?:going to|"
    r"gonna|will|would) (?:literally |actually )?(?:kill|murder) me (?:if|when|for)\b",
    # home again far away: "hes back in poland" (not "back in the kitchen" or "back in reception")
    r"\b(?:is|are|has gone|have gone|went|moved|been) back (?:in|to) (?!(?:my|the|our|your|this|"
    r"here|there|halls?|town|reception|lobby|class|lectures?|work|uni|school|college|bed|again|his|"
    r"her|their|a|an)\b)\w+(?: (?:since|for|till|until) \w+(?: \w+)?)?"
    r"(?: i think| i believe| apparently| now)?$",
    # got off a while ago, someone they trust is meeting them
    r"\bgot off (?:\w+ ){0,2}(?:stops?|stations?) (?:ago|before|earlier)\b",
    # they are away: "hes on a work trip in dubai all month"
    r"\b(?:is|are) (?:\w+ ){0,2}on (?:a |his |her |their )?(?:work |business |school |uni |"
    r"stag |hen )?(?:trip|holiday|holidays|tour|deployment|cruise)\b"
    r"|\b(?:is|are) (?:still |now |currently )?(?:abroad|overseas)\b",
    # someone else is safe, said by the person helping them
    r"\b(?:she|he|they) (?:is|are) (?:safe|home safe|somewhere safe|safe now|staying (?:with me|"
    r"at mine|at ours))\b",
    # "safe now" on its own; not "ok now hes outside", where "ok now" only opens the sentence
    r"^(?:safe|ok|okay|fine|all good) (?:right now|now|at the moment|for now)$",
    r"\b(?:the )?police (?:have |has |are |is )?(?:still )?(?:arrived|here|come|got here|"
    r"turned up)\b",
    r"^(?:(?:it is |its )?(?:fine|ok|okay|alright|no|nah) )?"
    r"(?:he|she|they|my ex|ex) (?:is|are) (?:probably |probs |prob |still |now )*(?:at|in) (?:work|"
    r"school|college|uni|"
    r"his work|her work|"
    r"their work)(?: in \w+)?(?: now| right now| today| at the moment| all day| tonight)*"
    r"(?: (?:till|until) (?:\d+\w*|\w+)(?: ?[ap]m| oclock)?)?"
    r"(?: so\b.*)?$",
    # not where the person is: "he is in another class", "in a different building"
    r"\b(?:is|are) (?:now |still )?(?:in|at|on) (?:another|a different|a separate) "
    r"(?:class|lecture|seminar|group|building|campus|city|town|country|county|school|office|"
    r"department|team|year|"
    r"block|halls|course|module|shift|site|branch|store|uni|university|college|job|hospital|"
    r"prison|flat|house|part of (?:the )?(?:country|world|uk))\b",
)

# Going to someone who has died: "i have had enough, i am ready to go and join my husband".
_TO_JOIN_THE_DEAD = (
    r"(?:ready|want|wanna|time|going) to (?:go and |go to )?(?:join (?:him|her|them|(?:my )?"
    r"(?:late |dead )?(?:husband|wife|partner|mum|mam|mom|dad|son|daughter|nan|gran|brother|"
    r"sister|baby))|be with "
    r"(?:him|her|them|my (?:late|dead) \w+))"
    r"(?! (?:in|at|on|for|abroad|tonight|tomorrow|this|next|over|when|after|later|soon|there|"
    r"instead)\b)"
)
_GRIEF = r"late|dead|died|passed|passed away|had enough(?! of)|heaven|ready to go"
_SELF_HARM = _rx(
    r"\b(?:tired|sick|weary) of (?:living|being alive|life)\b(?! (?:in|at|with|here|there|near|"
    r"like this with|under|looking|scared|afraid|on edge|checking)\b)",

    r"\b(?:kill|killing|hurt|hurting|harm|harming|cut|cutting|end|ending|burn|burning|hang|"
    r"hanging|starve|starving|poison|poisoning) (?:myself|my self|my own life|my life)\b",
    r"\bend (?:it all|everything|things|it)\b(?! with| between| off)",
    r"\bending (?:it all|everything|it)\b(?! with| between| off)",  # not "we are ending things"
    r"\bsuicid",
    r"\bself (?:harm|harming|hurt)",
    r"\bselfharm",
    r"\b(?:want|wanted|going|ready|wish|planning|plan) to die\b",
    r"\b(?:wish i was|wish i were|better off|rather be|would be better) dead\b",
    # (not "my battery cant go on much longer", "this cant go on")
    r"(?:\bdo not|(?<!battery )(?<!phone )(?<!laptop )(?<!car )(?<!it )(?<!this )(?<!that )"
    r"(?<!things )\bcan not) (?:want to |bear to |)(?:live|be alive|be here|go on|carry on|"
    r"exist)(?: any ?more)?\b"
    # not "i cant go on the bus anymore", "i dont want to live in halls"
    r"(?! (?:the|a|an|my|his|her|that|this|these|those|there|it|them|holiday|trains?|buses?|"
    r"public|social|dates?|nights? out|twitter|insta\w*|facebook|tiktok|snap\w*|line|campus|"
    r"in|with (?:him|her|them|my)|near|next|alone|on my own|by myself|here|at|letting|being|having|"
    r"pretending|ignoring|putting|dealing|waiting|hiding|doing|working|paying|seeing|"
    r"living (?:at|in|here|there|with|near|next|on|like this with))\b)",
    r"\bno (?:reason|point) (?:to |in )?(?:live|living|being alive|going on|carrying on)\b",
    # "not sure i want to live any more" (not "... to live in halls next year")
    r"\b(?:not sure|do not know if|do not know whether|unsure if) i (?:want|wanna) to (?:live|"
    r"be alive|be here|go on|carry on|exist)(?: any ?more)?\b(?! (?:the|a|an|in|with|near|at|here|"
    r"there|on|next)\b)",
    r"\b(?:want|wanna|wish i could|need) to stop existing\b",
    r"\bpunish(?:ing)? myself\b",
    r"\b(?:nobody|no one|noone) would know it (?:was not|wasnt) an accident\b|\b(?:look|"
    r"looks) like an "
    r"accident\b",
    r"\b(?:easier|better(?: off)?) (?:\w+ ){0,2}?if i (?:just )?(?:was not|were not|was gone|"
    r"were gone|"
    r"did not exist|was dead|were dead|died|disappeared|was not here|was not around)\b",
    r"\b(?:do it|end it|kill me) myself\b",
    r"\bwish(?:es)? (?:he|she|they) (?:would|had|would just|just) (?:just )?(?:kill|killed) me\b",
    r"\bthink\w* (?:about|of) (?:is )?how i (?:would|will|could|might|am going to) do it\b",
    r"\btake myself out of (?:the picture|this world|the equation|it all)\b",
    r"\b(?:wrote|written|writing|left) (?:\w+ ){0,2}(?:letters?|notes?|"
    r"a note) (?:\w+ ){0,4}?(?:in case|"
    r"for when|for after|to say goodbye|goodbye)\b",
    r"\bin case i (?:do it|go through with it|do something)\b",
    r"\b(?:not|have not|had not) (?:eaten|eating|ate) (?:\w+ ){0,4}on purpose\b",
    r"\bno point (?:in )?me (?:being here|being around|being alive|existing|living|carrying on)\b",
    r"\b(?:bridge|river|sea|water|tracks|railway|edge|cliff|roof|pills|rope|lake|canal|motorway)"
    r"(?: \w+){0,3} (?:keeps |is |are )?(?:calling|calls|pulling|beckoning) (?:to )?me\b",
    r"\b(?:(?:do not|not) think|not sure(?: if| whether)?|do not know (?:if|whether)|doubt) i "
    r"(?:will|would|am going to|can) (?:still )?be (?:here|around|alive) "
    rf"(?:next week|tomorrow|by (?:the weekend|tomorrow|next week|then|christmas|{_WEEKDAY})|"
    r"much longer|for long|this time next \w+)\b",
    r"\btake my (?:own )?life\b",
    # "thought about just stepping off in front of the train"
    r"\b(?:thought|thinking|think|thinks) (?:about|of) (?:just )?(?:stepping|jumping|walking|"
    r"throwing "
    r"myself|stepping out|running) (?:off |out )?(?:in front of|into|under|off)\b",
    # "i am ready to go and join my husband" (not "join my husband in spain")
    rf"\b(?:{_TO_JOIN_THE_DEAD})(?=.*\b(?:{_GRIEF})\b)",
    rf"\b(?:{_GRIEF})\b.*\b(?:{_TO_JOIN_THE_DEAD})",
    r"\boverdos",
    r"\b(?:pills|tablets) to (?:end|die|sleep forever)\b",
    r"\bnot (?:want|wanting) to (?:wake up|be alive|live(?! (?:here|in|with|there|near|alone|at|"
    r"on)\b))\b",
    r"\b(?:can not|can not) (?:do this|cope|take (?:this|it)|go on) any ?more\b",
    r"\b(?:slit|slitting|slice|slicing|open|opening|cut|cutting|scratch|scratching|scratched|"
    r"slash|slashing) (?:my |open my )?wrists?\b",
    r"\b(?:what is|whats) the point (?:in|of) (?:carrying on|going on|living|being alive|"
    r"being here|anything any ?more)\b",
    r"\blife (?:is not|is no longer|is) (?:not )?worth (?:living|it any ?more)\b",
    r"\b(?:hit|hitting|punch|punching|scratch|scratching|bite|biting|burn|burning|bang|banging) "
    r"(?:myself|my (?:own )?(?:arms?|legs?|skin|wrists?|head))\b.*\b(?:bleed|bruise|hurt|hard|"
    r"panic)",
    r"\b(?:til|till|until) (?:they|it|i) (?:bleed|bleeds|bled|bleeding)\b",
    r"^(?:i have|i) (?:written|wrote|left) (?:a|my|the) (?:note|letter)$",
    r"\bdisappear(?:ed|ing|s)? (?:forever|for good|permanently|for ever)\b",
    r"\b(?:wish|hope|hoping|want) (?:a |the )?(?:car|bus|lorry|train|truck) (?:would |"
    r"will )?(?:just )?"
    r"(?:hit|run me over|kill) me\b|\bwish (?:something|someone) would (?:just )?(?:kill|hit) me\b",
    r"\bcheck(?:ing)? out (?:permanently|for good|forever|of life)\b",
    r"\bmake it (?:to|till|until|through) (?:\w+ ){0,3}\w+\b.*\b(?:do not|dont) (?:even |"
    r"really )?want "
    r"to(?: be here| live| any ?more)?$",
    r"\bi (?:\w+ )?(?:hope|wish|want) (?:he|she|they|someone|somebody) (?:does |would |will |just |"
    r"actually )?(?:kill|kills|finish|finishes) me\b",
    r"\b(?:stopped|stop|not) eating\b(?: \w+){0,3} (?:on purpose|deliberately)\b|\bwaste away\b|"
    r"\bstarve myself\b",
    r"\b(?:going|gone|went|been going) at my (?:legs?|arms?|wrists?|skin|thighs?|stomach)\b",
    # not the idiom "like banging my head against a brick wall"
    r"(?<!like )\b(?:banging|bang|banged|hitting|hit|smashing) my head (?:against|on|off) "
    r"(?:the |a )?(?:wall|floor|door|desk)\b(?=.*\b(?:when|too much|until|till|cope|punish\w*|"
    r"again|bleed\w*|bruise\w*)\b)",
    r"\b(?:razor|blade|knife|scissors|compass) (?:to|on|into|across) my (?:legs?|arms?|wrists?|"
    r"skin|thighs?|stomach)\b",
    r"\bhose ?pipe\b.*\b(?:car|boot|exhaust|garage|lay ?by)\b|"
    r"\b(?:car|boot|exhaust|garage|lay ?by)\b.*\bhose ?pipe\b",
    r"\b(?:not|stop|stopped|without) (?:turning|steering|turn|steer) (?:the wheel|at the bend)\b|"
    r"\blet(?:ting)? go of the (?:steering )?wheel\b",
    r"\b(?:bridge|river|railway|tracks|train line|sea|cliff|water|canal)\b.{0,60}\b(?:it|they) "
    r"(?:keeps |keep |is |are )?(?:calling|pulling|beckoning) (?:to )?me\b",
    r"\b(?:kys|kill (?:myself|yourself)|go die|end it)\b.{0,60}\b(?:(?:he|she|they) (?:is|are|"
    r"might be|"
    r"may be|could be) right|maybe i should|i (?:might|should) (?:just )?do it)\b",
    r"\b(?:do not|can not) see (?:the|any) point (?:in|of) (?:living|life|being alive|going on|"
    r"carrying on|being here)\b",
    r"\b(?:i am|im) (?:so |just |completely |totally )?done\b.*\b(?:planned|plan) (?:it|"
    r"everything)\b",
    r"\bin the (?:car|van) in the garage\b.*\bengine (?:running|on)\b|\bengine (?:running|on) in "
    r"the (?:closed |shut )?garage\b",
    r"\b(?:drive|driving|crash|crashing|swerve|swerving|steer|steering) (?:my car |the car )?"
    r"(?:into|off|in front of) (?:a |the )?(?:wall|tree|bridge|lorry|river|oncoming|cliff|barrier|"
    r"traffic)\b",
    r"\b(?:if|when|once|wish|that) i (?:am|was|were) (?:gone|dead|not here|not around) "
    r"(?:for good|forever|for ever|permanently)\b|\bi am gone for good\b",
    r"\b(?:take|taking|swallow|swallowing|down|downing) (?:all|every one|the whole (?:box|packet|"
    r"bottle|strip)) (?:of )?(?:my |the |them|those )?(?:\w+ )?(?:meds|medication|pills|tablets)?"
    r" ?(?:at once|in one go|together|at the same time)\b",
    r"\b(?:feel like|want to|going to|tempted to|thinking (?:about|of)) (?:taking|take|swallowing|"
    r"swallow) (?:all|every one) (?:of )?(?:my |the )?(?:\w+ )?(?:meds|medication|pills|tablets)\b",
    r"\b(?:started|start|starting|been|keep|kept|back to) (?:cutting|self harming|burning myself|"
    r"hitting myself|punching myself|scratching myself|biting myself|"
    r"hurting myself)\b(?! (?:my |his |her |their |the |a )?(?:hair|fringe|nails|him|her|them|out|"
    r"off|back|down|ties|contact|corners|class|classes|lectures?|carbs|sugar|people)\b)",
    r"\bcutting (?:again|my (?:arms|legs|wrists))\b",
    r"\b(?:got|have|holding|taken|took|swallowed|counting|saved up|saving|hoarding|stashing|"
    r"stockpil\w*) (?:\w+ ){0,3}"
    r"(?:pills|tablets|paracetamol|painkillers|sleeping pills)\b",
    r"\bi (?:stood|sat|was) (?:on|at) (?:the |a )?(?:edge of (?:the |a )?)?(?:bridge|edge|roof|"
    r"ledge|"
    r"cliff|platform edge|tracks)\b.*\b(?:thinking about (?:it|jumping)|jump\w*|looking down|"
    r"for (?:a long time|ages|hours))\b",
    r"\bhoping (?:something|someone|a car|a lorry) (?:happens to|will happen to|hits|kills|"
    r"crashes into) me\b|\bhoping i (?:crash|die|do not make it|dont make it)\b",
    r"\bi (?:am|keep|kept|have been|been|was|went) (?:\w+ )?(?:stood|standing|sat|sitting|"
    r"climbing|going|walking|looking down) (?:up )?(?:on|at|to|onto|over|from) (?:the |a )?"
    r"(?:edge of (?:the |a )?|top of (?:the |a )?)?(?:\w+ ){0,2}?(?:bridge|edge|roof|rooftop|ledge|"
    r"cliff|platform edge|railway|tracks)\b(?! (?:terrace|bar|garden|party|top bar))",
    # slang for suicide: "ctb", "unalive myself", "kms" (not "kms lol")
    r"\b(?:ctb|unalive (?:myself|me)|unaliving myself|kms(?! (?:lol|lmao|haha)))\b",
    # told to, and agreeing: "he told me to kys and honestly im starting to think i will"
    r"\b(?:told|tells|telling|said|says|keeps? saying|keeps? telling) (?:me )?(?:to |i should )"
    r"(?:kys|kill myself|"
    r"go die|die|end it)\b(?=.*\b(?:i (?:might|will|should|want to|think i (?:will|should|might))|"
    r"maybe i should|(?:he|she|they) (?:is|are|was|might be) right|i agree)\b)",
    r"\b(?:no one|nobody|noone) would (?:notice|care|miss me)\b",
    r"\b(?:thought|thinking|think|planning|plan|planned|worked out) (?:about )?how (?:i would|to|"
    r"i could|i will|i am going to) (?:do it|end it|die)\b",
    r"\b(?:might|could|will|would|going to) do (?:something )?to myself\b",
    r"\b(?:goodbye|suicide) (?:letters?|notes?|messages?|texts?)\b",
    r"\b(?:painless|quickest|easiest|best|least painful|most painless|simplest|surest) "
    r"(?:way|ways) "
    r"to (?:go|die|do it|end it)\b",
    r"\b(?:looking up|looked up|searching|searched|googling|googled|researching) (?:ways|how) to "
    r"(?:die|do it|end it|kill)\b",
    r"\bgiving (?:all )?(?:my|away my) (?:stuff|things|belongings|possessions)(?: away)?\b",
    r"\b(?:will not|wont) (?:need|be needing) (?:it|them|any of it) (?:soon|much longer|anymore)\b",
    r"\bnot safe (?:from|around|with) myself\b",
    r"\bgo through with it\b",
    r"\b(?:walk|walking|walked|swim|swimming) (?:out )?into the (?:sea|river|lake|canal|water)\b",
    r"\b(?:feel|feeling|felt) (?:really |very |so |a bit |kinda )?sui\b",
    r"\b(?:stepping|step|jumping|jump) off (?:the |a )?(?:platform|edge|bridge|roof|ledge|cliff)\b",
    r"\b(?:think|thinking|thought) about (?:stepping|jumping) off\b",
    r"\b(?:sh|self harm|cutting|suicidal) (?:urges?|thoughts)\b",
    r"\b(?:step|stepping|stepped|jump|jumping|throw|throwing) (?:myself )?"
    r"(?:in front of|off|under) "
    r"(?:a |the )?(?:next |first |last |fast |moving |oncoming )?(?:train|bus|bridge|car|lorry|"
    r"building|roof|cliff|tube)\b",
    r"\bcan not face (?:another day|tomorrow|living|life|it any ?more|going on|waking up)\b",
    r"\bi (?:cut|burned|burnt) (?:myself )?(?:again|tonight|today|last night|this morning)\b",
    r"\b(?:wrote|written|writing|write|left|leaving) (?:\w+ ){0,2}(?:letters?|notes?) (?:\w+ ){0,8}"
    r"just in case\b",
    r"\b(?:got|have|holding|hid|hidden|keep) (?:\w+ )?(?:a |the |my )?"
    r"(?:blade|blades|razor|razors)\b",
    r"\bswallow (?:everything|all (?:of )?(?:my|the|them)|the lot)\b",
    r"\b(?:take|taking|swallow\w*|down) (?:everything|all the (?:pills|tablets|meds)|the lot) "
    r"(?:in|from) (?:the|my|our) (?:medicine |bathroom )?(?:cupboard|cabinet|drawer|box|bag)\b",
    r"\b(?:took|taken|swallowed|had|take|taking) (?:\w+ ){0,3}more (?:of )?(?:my )?(?:\w+ )?than "
    r"(?:i should|i am meant to|i was meant to|i am supposed to|prescribed|you are meant to)\b",
    r"\b(?:took|taken|swallowed) (?:way )?(?:too many|too much|loads|all) (?:of )?(?:my |the )?"
    r"(?:pills|tablets|meds|medication|\w+ pills|\w+ tablets|antidepressants|painkillers|"
    r"paracetamol|"
    r"sertraline|citalopram|fluoxetine|insulin|co codamol|codeine|tramadol|ibuprofen)\b",
    r"\b(?:will not|wont|not going to) be (?:here|around|alive) (?:\w+ ){0,2}(?:anyway|much longer|"
    r"for long|by then)\b",
    r"\b(?:noose|(?:a|the) rope (?:in|under|ready|tied|up)|rope ready)\b",
    r"\b(?:do not|can not) see myself (?:still )?(?:being )?(?:here|around|alive)\b",
    r"\b(?:think|thinking|thought) (?:about|of) (?:not being (?:here|around|alive)|not existing|"
    r"not waking up|being dead)\b",
    r"\b(?:easier|better) (?:for everyone )?if i (?:was not|were not|was gone|were gone|was dead|"
    r"did not exist|was not here|was not around|was not alive)\b",
    # hurting themselves on purpose, whatever the wording
    r"\b(?:cut|cutting|burn|burned|burnt|burning|scald\w*|scratch\w*|hit|hitting|punch\w*) "
    r"(?:my|myself)\b(?: \w+){0,3} with (?:a |my )?(?:lighter|cigarette|razor|blade|knife|compass|"
    r"scissors|sharpener|iron|lit match|match)\b",
    r"\b(?:hurt|hurting|cut|cutting|burn\w*|hit|hitting|punch\w*|scratch\w*|bit|bite|biting|"
    r"starv\w*|bang\w*)\b(?: \w+){0,6} (?:on purpose|deliberately)\b(?:.*\b(?:i deserve|"
    r"deserved it|it helps|to feel|punish))?",
    r"\b(?:hurt|hurting|cut|cutting|burn\w*|punish\w*) (?:myself|my \w+)\b.*\b(?:i deserve|"
    r"deserved it|it helps|helps for a bit|to feel something|to cope)\b",
    r"\b(?:do not|not) think i (?:will|would|am going to|can) (?:make it|last|survive|be (?:here|"
    r"around|alive)) (?:to|till|until|through|past|beyond) (?:the weekend|tomorrow|the morning|"
    rf"next week|christmas|my birthday|the end of (?:the )?(?:week|month|term|year)|{_WEEKDAY})\b"
    r"(?! (?:party|trip|match|game|gig|meeting|lecture|deadline|event|wedding|do|night out|shift))",
)
_SELF_HARM_NEGATED = _rx(
    r"\b(?:not|never|no longer) (?:suicidal|going to (?:hurt|kill|harm) myself|"
    r"(?:hurt|kill|harm) myself|(?:thinking|thought) (?:of|about) (?:suicide|killing myself|"
    r"hurting myself|harming myself|ending it|ending my life|doing anything))\b",
    r"\b(?:do not|would not|will not|never) (?:want to )?(?:hurt|kill|harm) myself\b",
    r"\b(?:not|no longer) (?:hurting|harming|cutting|killing) myself\b",
    r"\b(?:do not|never) (?:want|wanna|wanted) to die\b",
    r"\bno (?:thoughts|plans|intention|intentions) (?:of|about) (?:self harm|suicide|"
    r"hurting myself|killing myself|ending it|harming myself)\b",
    r"\bno (?:self harm|self harming|cutting|suicidal (?:thoughts|feelings|plans))\b",
    r"(?<!\bnot )\bsafe in myself\b",
    r"\bnot (?:going to|gonna) do anything (?:stupid|silly|daft)\b",
    r"\b(?:if|whether) i (?:was|am|were|felt|feel) suicidal\b.*\b(?:not|no)\b",
    r"\basked (?:me )?(?:if|whether) i (?:\w+ ){0,8}?(?:myself|suicid\w*|self harm\w*|my life)\b"
    r"(?=.* (?:and|but) i (?:honestly |really |genuinely |definitely |truly )?(?:do not|have not|"
    r"said no|am not)\b)",
)


_WEATHER_BEFORE = re.compile(
    r"\b(?:the )?(?:wind|rain|storm|hail|weather|branches?|tree|draught|breeze|gale) (?:is |are |"
    r"keeps |"
    r"has been |just )*$"
)
# An animal doing it: "my cat keeps scratching at the door".
_PETS = r"(?:cat|cats|dog|dogs|kitten|puppy|pet|hamster|rabbit)"
_ANIMAL = re.compile(
    rf"\b(?:{_PETS}|fox|foxes|bird|birds|squirrel|rat|mouse|hedgehog|badger|seagull|pigeon)\b"
    r"(?: \w+){0,3} $"
)
# A pet named in one clause and the next going on without a subject: "my dog followed me and is
# waiting outside the bathroom".
_PET_ALERTING = re.compile(
    r"\b(?:barking|barks|bark|growling|growls|howling|whining|hissing|going (?:mad|crazy|nuts))\b"
)
_PET_SUBJECT = re.compile(rf"^(?:lol |haha |omg )?(?:my|our) {_PETS}\b")
_NO_SUBJECT = re.compile(r"^(?:is|are|has|have|keeps|just|then|now|will not|can not) ")
# "i am sitting in my car outside work": the person is the one outside (not "i am home and he is")
_SELF_AS_SUBJECT = re.compile(
    r"\b(?:i am|we are|i have|we have|i was|we were|i (?:just |usually |always |often |sometimes |"
    r"normally )*(?:sit|stand|wait|stay|hide|park))"
    r"(?: (?!(?:he|she|they|someone|somebody|it|there|the|a|an|this|that|his|her|their|him|"
    r"them|man|guy)\b)\w+){0,6} $"
)


_ONLINE_AFTER = re.compile(rf"^ (?:\w+ ){{0,2}}?{_ONLINE_PLACE}")


def _clause_danger(
    clause: str, now_context: bool = False, dated_elsewhere: bool = False
) -> tuple[Verdict, str]:
    """Judge one clause; ``dated_elsewhere``: another clause puts the message in the past."""
    still_going = _NOT_STOPPING.search(clause) and not (
        _HABIT.search(clause)
        or _OVER_WEEKS.search(clause)
        or _PAST_TIME.search(clause)
        or _LONG_RUNNING.search(clause)
    )
    now_marker = bool(_NOW.search(clause) or still_going) or (
        bool(_NOW_DURATION.search(clause))
        and not _PAST_TIME.search(clause)
        and not _ON_A_DAY_BEFORE.search(clause)
        and not _WAS_NOT_IS.search(clause)
    )
    serious = [m for m in (p.search(clause) for p in _DANGER_SERIOUS) if m]
    plain = [m for m in (p.search(clause) for p in _DANGER) if m]
    assault = _UNTIMED_ASSAULT.search(clause)
    if assault and not dated_elsewhere:
        plain.append(assault)
    elif assault and not (serious or plain):
        return Verdict.NOT_NOW, "past or habitual"
    passing = _PASSING_AGAIN.search(clause) if now_context and not (serious or plain) else None
    if passing:  # "someone keeps driving slowly past me, 3rd time now"
        plain.append(passing)
    cue = _NOW_CUE.search(clause) if not (serious or plain) and now_marker else None
    # not "i am in my room now", not "hes following me on the new instagram account too now"
    if (
        cue
        and not _SELF_AS_SUBJECT.search(clause[: cue.start()])
        and not _STOPPED.match(clause[cue.end() :])  # "the knocking stopped 20 minutes ago"
        and not _ONLINE_AFTER.match(clause[cue.end() :])
    ):
        plain = [cue]
    if not (serious or plain):
        if any_match(_SAFE_STATEMENT, clause):
            return Verdict.NOT_NOW, "safe statement"
        if any_match(_SAFE_CONTEXT, clause):
            return Verdict.NOT_NOW, "safe context"
        if any_match(_QUESTION_ABOUT_IT, clause):
            return Verdict.NOT_NOW, "a question"
        if not now_marker and _LATER.search(clause):
            return Verdict.NOT_NOW, "later"
        if _LOOSE_CUE.search(clause) and (
            _PAST.search(clause)
            or (_HABIT.search(clause) and not now_context)
            or _HYPOTHETICAL.search(clause)
        ):
            return Verdict.NOT_NOW, "past, habitual or hypothetical"
        return Verdict.NONE, ""
    if any_match(_SAFE_STATEMENT, clause):
        return Verdict.NOT_NOW, "safe statement"
    # Every cue is judged on its own: in "a man is right behind me saying if i do not pay he will
    # hurt me" the threat is conditional but the man behind them is not.
    reasons = [
        _why_not_now(clause, match, is_serious or now_context, now_marker)
        for matches, is_serious in ((serious, True), (plain, False))
        for match in sorted(matches, key=lambda m: m.start())
    ]
    if "" in reasons:
        return Verdict.DANGER, "pattern"
    if "reported" in reasons:
        return Verdict.DANGER, "reported"
    return Verdict.NOT_NOW, reasons[0]


# Things that "will not go away", named in the clause or just before it: "the thoughts will not
# go away", "i keep having flashbacks and they will not go away" (not "he will not leave").
_LINGERING = (
    r"(?:thoughts|feelings|urges|memories|nightmares|images|flashbacks|headaches|symptoms|voices)"
)
_LINGERING_WILL_NOT_GO = re.compile(
    rf"\b{_LINGERING}(?: \w+){{0,2}} (?:just )?(?:will not|refuse to) (?:go away|leave|stop)\b"
)
_THEY_WILL_NOT_GO = re.compile(
    r"^(?:they|these|those) (?:just )?(?:will not|refuse to) (?:go away|leave|stop)\b"
)
_NAMES_LINGERING = re.compile(rf"\b{_LINGERING}\b")
# A habit over weeks, too long to be tonight even for a serious cue: "banging on my door every
# weekend for a month".
_OVER_WEEKS = re.compile(
    r"\bevery (?:weekend|week|month|other (?:day|night|week))\b|\bfor (?:a|two|three|four|several|"
    r"\d+) (?:weeks?|months?|years?)\b|\bmost (?:weekends|weeks|evenings|nights|days|mornings)\b"
    r"|\b(?:at|on) (?:the )?weekends\b|\bin the evenings\b"
)
_AFTER_A_CUE_ONLY = frozenset({"keeps", "keep"})
_ROUTINE = frozenset({"always", "usually", "often", "sometimes", "regularly"})
# Help as the subject of the cue: "the police are coming round", "officers are outside now".
_HELP_BEFORE = re.compile(
    r"\b(?:police|officers?|police officers?|cops|coppers|paramedics|ambulance|security|porters?|"
    r"wardens?) (?:(?:is|are|have|has) )?(?:\w+ )?$"
)
# Someone of theirs, coming to support them: "my dad is coming round to stay with me".
_THEIR_OWN_BEFORE = re.compile(rf"\b(?:my|our) {_THEIR_PEOPLE} (?:(?:is|are) )?(?:\w+ )?$")
# Still going as they type: "the knocking has not stopped" (not "it would not stop last night")
_NOT_STOPPING = re.compile(
    r"\b(?:has not|have not|will not|is not|are not) (?:stopped|stop|stopping)\b"
    r"(?! (?:messag|text|call|ring|email|post|comment|contact|lik|dm|snap|tweet|writ|send)\w*)"
)
_LONG_RUNNING = re.compile(
    rf"\bsince (?:{_MONTH}|{_WEEKDAY}|last|the|christmas|easter|summer|\d{{4}}|we|i|he|she|they)\b"
    r"|\bfor (?:weeks|months|days|years|ages|a long time)\b"
)
_STOPPED = re.compile(r" (?:has |had |just |finally )?(?:stopped|ended|gone quiet)\b")
_TO_SUPPORT_THEM = re.compile(
    r" (?:\w+ ){0,3}?to (?:stay with|be with|sit with|pick (?:me|us) up|get (?:me|us)|collect|take "
    r"(?:me|us)|look after|check on|keep (?:me|us) company|help|drive (?:me|us))\b"
)
_RECORDED_AFTER = re.compile(
    r"^ (?:\w+ ){0,3}?(?:(?:in|on) (?:the|this|that|my) )?(?:\w+ )?(?:footage|video|clip|"
    r"recording|"
    r"photo|picture|screenshot|still)s? (?:from|of|that|i|taken)\b"
)
_KEEPING_THEM_COMPANY = re.compile(
    r"^ (?:\w+ ){0,6}?(?:so (?:that )?i am not (?:on my own|alone|by myself)|"
    r"on (?:the phone|facetime|video)|in (?:her|his|their) (?:own )?car|to make sure (?:i|we))\b"
)
_HOME_AGAIN = re.compile(r"\b(?:came in|got in|came home|got home|walked in|came back|got back)\b")
_ABOUT_THE_HOUSE = re.compile(
    r" (?:\w+ ){0,2}?(?:asking (?:if|about|for|me)|(?:into|in|to|round|around|"
    r"about) (?:the|my|our) (?:room|bedroom|kitchen|"
    r"lounge|living room|bathroom|hall|"
    r"garden|shop|house|flat|car)|to (?:ask|tell|show|give|borrow|say|check if|help)|with (?:my|"
    r"the|"
    r"our) (?:bags|stuff|things|shopping|boxes|suitcase|cases))\b"
)
# Who is behind an account or a message, not who is at the door: "new account, i think its him".
_IT_IS_THEM = re.compile(
    r"^(?:and |so |but )?(?:oh god |oh no |omg |ugh )?(?:i think |i reckon |i bet |i know |"
    r"i am sure |"
    r"pretty sure |probably |"
    r"must be |definitely )?(?:it is|that is|it must be|it has to be) (?:him|her|them|my ex)$"
)
_SENT_OR_POSTED = re.compile(
    rf"\b(?:accounts?|profiles?|numbers?|messages?|texts?|emails?|dms?|calls?|tiktoks?|posts?|"
    rf"comments?|likes|liked|views|viewed|page|username|withheld|unknown|private number|letters?|"
    rf"notes?|cards?|flowers|parcels?|gifts?|{_ONLINE})\b"
)
# ... unless they are seen in person: "my ring alert went and its him, crouched by my car"
_SEEN_IN_PERSON = re.compile(
    r"\b(?:door|doorbell|ring|camera|cam|cctv|window|outside|garden|street|crouch\w*|standing|"
    r"stood|car park|knock\w*|bang\w*)\b"
)
_HABIT_AFTER = re.compile(
    r"^ (?:\w+ )?(?:every (?:time(?! i (?:look|turn|glance|check))|day|night|week|weekend|morning|"
    rf"evening|{_WEEKDAY})|all the time|"
    r"constantly|most (?:days|nights))\b"
)
_SAID_NOW = re.compile(r"\b(?:right now|now|at the moment|currently|as we speak)\b")
_LATER_WORDS = frozenset({"later", "tomorrow", "one day", "in the future"})
# What sets off a feeling, a habit even beside "now": "now i get anxious whenever i hear ..."
_WHENEVER_I = re.compile(
    r"\b(?:whenever|every time|each time|any time|anytime) i (?:hear|see|think|imagine|feel|notice|"
    r"get|remember|picture|smell)\b"
)


def _habitual(clause: str, cue_end: int) -> bool:
    """A habit word, except "keeps" after a present cue: "someone is on the landing, they keep
    shuffling about" is happening now; "he keeps being outside" and "every night" are habits."""
    return any(
        (m.group(0) not in _AFTER_A_CUE_ONLY or m.start() < cue_end)
        # the person's own routine: "hes waiting at the gate i always leave by"
        and not (
            m.group(0) in _ROUTINE
            and m.start() >= cue_end
            and clause[: m.start()].endswith(("i ", "we "))
        )
        for m in _HABIT.finditer(clause)
    )


_AT_THEIR_OWN_PLACE = re.compile(
    r"\b(?:he|she|they) (?:is|are) (?:still |now )?(?:at|in) (?:his|her|their) (?:own )?(?:mums|"
    r"dads|parents|house|home|place|flat|work|office|mates|friends|girlfriends|boyfriends)\b"
)
# The "what if" has its own sentence, and a new one starts without a comma: "im scared what if
# he gets in hes banging on the door" (not "what if he finds out where i live and he is outside")
_NEW_SENTENCE_AFTER = re.compile(
    r"^ ?(?:he|she|they|someone|somebody|it|you) \w+(?: \w+){0,5}? "
    r"(?<!\band )(?<!\bor )(?<!\bthen )(?<!\bso )(?<!\bwhen )(?<!\bif )"
    r"(?:he|she|they|someone|somebody|there) (?:is|are)\b"
)
_THE_PERSONS = re.compile(r"\b(?:my|our|me|us)\b")
_BY_THE_PERSONS = re.compile(
    r" ?(?:\w+ )?(?:outside|at|near|by|opposite|across from|in front of) (?:my|our|me|us)\b"
)


def _why_not_now(clause: str, match: re.Match[str], serious: bool, now_marker: bool) -> str:
    """Why this cue is not about now ("" when it is)."""
    before = clause[: match.start()]
    if _NEGATED_SUBJECT.search(before):
        return "negated"
    hypothetical = _HYPOTHETICAL.search(before)
    if (
        hypothetical
        and not (  # "can we talk about it later hes walking behind me right now"
            hypothetical.group(0) in _LATER_WORDS and _SAID_NOW.search(clause, hypothetical.end())
        )
        and not _NEW_SENTENCE_AFTER.match(before[hypothetical.end() :] + match.group(0))
    ):  # "what if he is outside", not "he is outside, what if"
        return "hypothetical"
    if _WEATHER_BEFORE.search(before):
        return "the weather"  # "the wind is rattling the boat door"
    if any(
        m.start() <= match.start() < m.end() and _PAST_TIME.search(m.group(0))
        for m in _WHO_FROM_BEFORE.finditer(clause)
    ):
        return "past or habitual"  # "the guy who kept staring at me last weekend has now added me"
    if _ANIMAL.search(before):
        return "an animal"
    if match.group(0).startswith(("is ", "are ")) and _A_THING_BEFORE.search(before):
        return "a thing"
    if (
        before.endswith("she ")
        and " her " in match.group(0)
        and not _THE_PERSONS.search(match.group(0))
        and not _BY_THE_PERSONS.match(clause[match.end() :])
    ):
        return "her own place"  # "she is in her room", not "she is sat in her car outside my house"
    if " away" in match.group(0) and _AT_THEIR_OWN_PLACE.search(before):
        return "her own place"  # "hes at his mums about 20 mins away", not "hes 20 mins away"
    if _SOMEONE_EXPECTED.search(before) or (
        not serious and _SOMEONE_EXPECTED_AFTER.match(clause[match.end() :])
    ):
        return "someone expected"
    if _HELP_BEFORE.search(before) or (
        _THEIR_OWN_BEFORE.search(before) and _TO_SUPPORT_THEM.match(clause[match.end() :])
    ):
        return "help coming"  # "the police are coming round", "my dad is coming to stay with me"
    if _THEIR_OWN_BEFORE.search(before) and (
        " way" in match.group(0) or "coming" in match.group(0) or _HOME_AGAIN.search(match.group(0))
    ):
        return "help coming"  # "my sister is on her way", "my husband just came in"
    if _THEIR_OWN_BEFORE.search(before) and _KEEPING_THEM_COMPANY.search(clause[match.end() :]):
        return "help coming"  # "my friend is following behind me in her car so im not alone"
    if _THEIR_OWN_BEFORE.search(before) and _ABOUT_THE_HOUSE.match(clause[match.end() :]):
        return "their own"  # "my flatmate just followed me into the kitchen to ask about bills"
    if _RECORDED_AFTER.match(clause[match.end() :]):
        return "recorded"  # "hes outside my door in the doorbell footage from last night"
    if _WHENEVER_I.search(before):  # "now i panic whenever i hear footsteps behind me"
        return "past or habitual"
    if _HABIT_AFTER.match(clause[match.end() :]) and not _SAID_NOW.search(clause):
        return "past or habitual"  # "hes just there every time", not "hes outside now every night"
    told_when = _WHILE_WE_TALKED.sub("", _WHO_FROM_BEFORE.sub("", clause))
    if not now_marker and _LATER.search(clause):
        return "later"
    if not now_marker and (
        _PAST.search(told_when)
        or (not serious and _habitual(told_when, match.end()))
        or _OVER_WEEKS.search(told_when)
    ):
        return "past or habitual"
    if _REPORTED.search(before) or _SAYS_FIRST.match(match.group(0)) or _OPINION.search(before):
        return "reported"
    return ""


# Someone else's self-harm, and idioms: the person is worried or venting, not in crisis. The
# learned model is sure of "my cousin took her own life years ago", so these demote it.
_SELF_HARM_NOT_THEIRS = _rx(
    r"\b(?:he|she|they|my (?!own\b)\w+|neighbour|friend|someone|somebody) (?:took|had taken|has "
    r"taken|have taken|taking) an overdose\b",
    r"\boverdose (?:management|protocols?|treatment|training|module|lecture|exam|charts?|risk|"
    r"awareness|kits?|response)\b",
    r"\b(?:take|takes|took|taken|taking|end|ends|ended|ending) (?:his|her|their) (?:own )?life\b",
    r"\b(?:kill|kills|killed|killing|hurt|hurts|hurting|harm|harms|harmed|harming|cut|cuts|"
    r"cutting|starve|starving) (?:himself|herself|themselves|themself)\b",
    r"\b(?:would|had) rather die than\b",
    r"\b(?:could|would|will|nearly|almost|about to) die of\b",
    r"\bcut(?:s|ting)? (?:him|her|them|\w+) (?:out|off)\b(?: of my life)?",
    r"\bcut\w* (?:my |his |her |their )?(?:hair|fringe|nails)\b",
    r"\bcut\w* (?:the |my |some )?(?:grass|lawn|hedges?|veg|vegetables|onions|paper|fabric|cake|"
    r"bread|"
    r"wood|branches|cable ties?|tags?|wires?|costs?|hours|sugar|carbs)\b",
    r"\b(?:i am )?dying here\b(?=.*\b(?:form|confus\w*|boring|hot|heat|laugh\w*|lol|hungry|"
    r"starving|"
    r"work|queue|wait\w*|traffic)\b)",
    r"\bkilling my (?:sleep|vibe|buzz|mood|phone|battery|back|feet|knees|brain|appetite|"
    r"concentration|grades)\b",
    r"\b(?:i would|id|would|could) (?:literally )?die for (?:a|an|some|the|one)\b",
    r"\b(?:(?:want|wanted|wanna) to )?(?:dying|died|die) of "
    r"(?:embarrassment|shame|boredom|laughter|cringe)\b",
    r"\b(?:dead|deid) (?:tired|scared|worried|nervous|bored|serious|stressed|on my feet|close|near|"
    r"good|nice|funny|quiet|busy|hard|easy|scary|cold|hot|far|sound|lucky|chuffed|excited|"
    r"embarrassed|awkward)\b",
    r"\bbury my head in the sand\b",
    r"\b(?:ground|floor|earth) to swallow me(?: up)?\b",
    r"\bcried myself to sleep\b",
    r"\bdying to (?:get|know|see|go|move|hear|leave|tell|find|have|sort)\b",
    r"\b(?:i would|id|i could) kill for\b",
    r"\b(?:cut|slit|slashed) (?:his|her|their) (?:wrists?|arms?|legs?)\b",
    r"\b(?:he|she|they) (?:posted|sent|shared) (?:me )?(?:a )?(?:picture|photo|pic|video) of "
    r"(?:\w+ ){0,3}?(?:pills|tablets|a knife|blades?|a rope)\b",
    # hyperbole: "im going to die if he turns up at graduation, so embarrassing" (only "die", and
    # only with embarrassment: "ill jump off a bridge lol" stays a crisis)
    r"\b(?:going to|gonna|will|would|could) (?:literally |actually )?die\b"
    r"(?=.*\b(?:embarrass\w*|cringe|awkward|mortified|lol|haha|lmao)\b)",
    r"\bdone my (?:back|knee|neck|ankle|shoulder|wrist) in\b|\bi am melting\b|\bkilling time\b",
    r"\bend (?:the|my) (?:tenancy|lease|contract|subscription|phone contract|membership)\b",
    r"\bthought (?:i would|id) die\b",
    r"\bwant my (?:old )?(?:life|freedom|peace|confidence) back\b",
    # fear and idiom, not intent: "thought i was gonna die when i saw his car", "die inside"
    r"\b(?:thought|felt like|was sure|was convinced|swear) i was (?:going to|about to) die\b",
    r"\b(?:die|died|dying|dies) (?:a little )?inside\b",
    r"\bend it\b(?=.*\bend (?:this|the) (?:whole )?(?:situation|harassment|stalking|nightmare|"
    r"contact|"
    r"thing)\b)",
    r"\bend (?:this|the) (?:whole )?(?:situation|harassment|stalking|nightmare|contact)\b",
    r"\b(?:is|are) dead to me\b",
    r"\bstopped self harm\w*\b|\b(?:have not|not) relapsed\b",
    r"\bend it\b(?=.*\b(?:the relationship|the marriage|with (?:him|her|them)|i mean (?:the|my) "
    r"(?:relationship|marriage)|for good with)\b)",
    r"\bbe here any ?more in (?:this|the|my) (?:town|city|flat|house|area|place|job|uni|country|"
    r"halls|street)\b",
    r"(?<!\bnot )\bkeep (?:on )?fighting\b|\bnot giving up\b",  # not "i can not keep fighting"
    r"\bself harm(?:ing)? (?:team|liaison|service|services|nurse|nurses|charity|helpline|training|"
    r"awareness|support group|policy|leaflet|module|scars? from)\b",
    r"\b(?:i mean|meaning|as in) (?:the|this|his|her) (?:harassment|stalking|messages|calls|"
    r"situation|"
    r"abuse|texts)\b",
    r"\b(?:therapy|counselling|counseling|medication|meds|it) (?:is|are|"
    r"has been) (?:really )?helping\b",
    r"\b(?:going to|gonna|about to|could|will) (?:explode|scream|burst|lose it|snap)\b",
    # leaving an app, not life: "im done with instagram, deleting my account tonight"
    rf"\b(?:done with|deleting|delete|quitting|quit|leaving|coming off|over) (?:\w+ )?(?:{_ONLINE}|"
    r"social media|my accounts?|the apps?|apps|dating)\b",
    r"\b(?:doing|doin|does|did) (?:my|me) head in\b",
    # a threat from them: "she said shed make my life not worth living"
    r"\bmake (?:my|your|ur) life (?:not worth living|hell|a (?:living )?hell|a misery)\b",
    # in the past and better now: "i was suicidal when i was 17 but im in a much better place now"
    r"\b(?:(?:was|used to be|used to feel|felt|have been) suicidal|self harmed|used to think about "
    r"(?:suicide|killing myself|ending it|dying)|used to want to "
    r"(?:die|end it(?: all)?|kill myself)|used to have "
    r"(?:suicidal|self harm|dark|bad) (?:thoughts|feelings|urges)|"
    r"attempted (?:suicide|to kill myself|"
    r"to take my (?:own )?life)|tried to (?:kill myself|take my (?:own )?life|end my life)|"
    r"(?:suicidal|self harm) (?:thoughts|feelings|urges)|"
    r"used to (?:self harm|cut|hurt myself|harm myself)|took an overdose|overdosed(?: once)?|"
    r"used to think about ending (?:it|my life))\b"
    # ... unless it is back: "i self harmed as a teen and i did it again tonight"
    r"(?!.*\b(?:again|relaps\w*|tonight|today|last night|this morning|right now|started)\b)"
    r"(?=.*\b(?:better place|good place|therapy (?:really )?helped|much better|"
    r"as a (?:teen\w*|kid|child)|"
    r"when i was (?:\d+|a teen\w*|a kid|younger|at school)|(?:have not|not) (?:done it )?"
    r"(?:since|for (?:\w+ )?(?:years|months|ages|a (?:long )?while|a long time))|"
    r"doing (?:well|better|ok|okay|fine)|recovered|fine now|ok now|okay now|good now|long time ago|"
    r"years ago|i stopped|stopped when|but stopped|have stopped|good support|"
    r"it has been \d+ years|in 20\d\d)\b)",
    # study and statistics: "an essay on suicide prevention"
    r"\b(?:essay|dissertation|assignment|research|project|presentation|module|lecture|seminar|"
    r"article|report|stats|statistics|campaign|training|course|podcast|documentary) "
    r"(?:\w+ ){0,3}?(?:on|about|into|for) (?:\w+ )?(?:suicid\w*|self harm)(?: \w+)?",
    r"\bsuicide (?:prevention|awareness|rates?|statistics|stats|figures|training)\b",
    r"\b(?:stalkers?|he|she|they|people|someone|exes|partners?|abusers?) (?:\w+ ){0,2}?"
    r"(?:threaten\w*|threatening) (?:to )?(?:commit )?(?:suicide|self harm|kill (?:himself|herself|"
    r"themselves))\b",
    r"\bend of my (?:rope|tether)\b",
    r"\b(?:he|she|they) (?:is |are |will |would |was |were )?(?:going to |gonna )?(?:take|takes|"
    r"taking|swallow\w*) (?:\w+ ){0,2}(?:pills|tablets|an overdose)\b",
    r"\b(?:phone|battery|laptop|charger|car|plant|plants|flowers|fish|goldfish|hamster|tablet|cat|"
    r"dog|pet|rabbit|budgie|tortoise|nan|gran|grandad|granddad|grandma|grandpa|"
    r"ipad|headphones|printer|wifi|torch)s? (?:\w+ ){0,6}(?:dead|die|dying|died)\b",
    r"\bto die for\b",
    r"\boverdos\w* on (?!(?:pills|tablets|paracetamol|meds|medication|drugs|insulin|heroin)\b)"
    r"(?:\w+ ){0,2}(?:podcasts?|tv|netflix|chocolate|sugar|coffee|caffeine|sweets|crisps|cake|"
    r"crime|"
    r"films?|shows?|series|telly|social media|revision)\b",
    r"\b(?:want|wish|need) (?:the|this|his|her|their|all the) (?:\w+ )?(?:harassment|stalking|"
    r"messages|calls|abuse|situation|texts|contact|bullying|nightmare|case|investigation|"
    r"court case|comments) (?:\w+ ){0,2}to (?:end|stop)\b",
    r"\b(?:want to|wanna|could|gonna|going to|will|would) (?:literally |actually )?(?:kill|murder|"
    r"strangle) (?:him|her|them|my (?:ex|boss|manager|flatmate|housemate|brother|sister))\b",
    r"\bshot myself in the foot\b",
    r"\bthe death of me\b",
    r"\b(?:died|dying|die|dead) (?:laughing|of laughter)\b",
    r"\bcould sleep for (?:a|an) (?:week|month|year|day|age)\b",
    r"\bcould (?:have|of) died\b",
    r"\bdrowning in (?:\w+ )?(?:work|coursework|essays?|deadlines?|debt|paperwork|emails?|"
    r"assignments?|revision|exams?)\b",
    r"\bi am dying(?= (?:lol|haha|lmao))|\b(?:lol|lmao|haha) i am dying\b",
    r"\b(?:want|wish|need) (?:him|her|them|it|this|that) to (?:disappear|die off|go away)\b",
    r"\bcut\w* (?:all |off all )?(?:contact|ties) with\b",
    r"\baccidental overdose\b",
    # "this deadline is killing me": a thing, not a person, is doing the killing
    r"(?:^|\b(?:this|the|my|these|that|it|all this) ?)(?:\w+ )?(?<!\bex )(?<!\bhe )(?<!\bshe )"
    r"(?<!\bthey )(?:is|are) (?:literally |actually |honestly )?killing me\b",
    r"\b(?:so |really |just )?done with (?:him|her|them|this|it|uni|work)\b",
    r"\bdisappear (?:from|off) (?:social media|socials|online|the internet|insta\w*|facebook|"
    r"tiktok|snapchat|twitter)\b",
    # told to: "he posted that i should kill myself" is harassment, reported by the person
    r"\b(?:he|she|they|someone|people|my ex|ex|trolls?|accounts?|the stalker|stalker) "
    r"(?:\w+ ){0,5}?"
    r"(?:posted|said|says|saying|told me|tells me|telling me|texted|messaged|commented|wrote|dmed|"
    r"keeps saying|"
    r"keeps? telling me|kept telling me|keep saying|sent)(?: me)?(?: that| to)? (?:i should |to )?"
    r"(?:go )?(?:kill myself|go die|die|kms|kys|end it|end my life|self harm|hang myself|"
    r"slit my wrists|jump off (?:a |the )?\w+|drink bleach|overdose|kill yourself)\b"
    # ... unless they agree: "he told me to kill myself and tbh i think hes right"
    r"(?!.*\b(?:(?:he|she|they) (?:is|are|was|were|might be|may be|could be) right|i (?:might|will|"
    r"want to|think i should|should|agree|am going to)(?! not\b)|maybe i should|i agree)\b)",
    # a lie told about them: "he posted that i cut myself, its a lie"
    r"\b(?:told|posted|said|saying|says|spreading|telling|claims|claimed|claiming)\b(?: \w+){0,8} "
    r"(?:kill myself|cut myself|self harm\w*|overdos\w*|suicid\w*|hurt myself|tried to kill "
    r"myself)\b"
    r"(?=.*\b(?:lie|lies|lying|not true|untrue|made (?:it|that|this) up|false|rumou?rs?|never "
    r"did)\b)",
    r"\b(?:character|protagonist|heroine|hero)\b(?: \w+){0,6} (?:overdoses|overdosed|kills "
    r"(?:himself|"
    r"herself|themselves)|self harms|cuts (?:herself|himself|themselves)|takes (?:his|her|their) "
    r"(?:own )?life|attempts suicide|dies by suicide)\b",
    r"\b(?:will be|is going to be|gonna be|going to be) the end of me\b",
    r"\bsick to death of\b",
    r"\brecovered from (?:my |an |the )?(?:overdose|suicide attempt|attempt|self harm\w*)\b",
    r"\b(?:first aid|course|training|lecture|module|class|seminar|lesson)\b.*\b(?:covered|covering|"
    r"learned about|learning about|learnt about|talked about|did) (?:\w+ )?(?:overdoses?|suicide|"
    r"self harm)\b",
    r"\b(?:the |my )?(?:old |past )?self harm(?:ing)? (?:i did |i used to do )?(?:years|ages|"
    r"a long time) ago\b|\bmy (?:old|past) self harm\b",
    r"\b(?:messages?|texts?|posts?|comments?|he|she|they) (?:\w+ )?(?:say|says|said|saying|tell me|"
    r"tells me|told me) (?:that )?(?:i would |i should |i will |i am |"
    r"id )?(?:be )?better off dead\b"
    r"(?!.*\b(?:i agree|(?:he|she|they) (?:is|are) right|maybe i (?:would|should|am))\b)",
    r"\b(?:burnt|burned|cut|scalded) myself (?:on|with|while|when|making|cooking)\b"
    r"(?=.*\b(?:oven|kettle|pan|hob|iron|tea|cooking|knife|chopping|ouch|accident\w*)\b)"
    r"(?!.*\b(?:on purpose|deliberately|to feel|to cope)\b)",
    r"\bnot worth living without (?:me|you|him|her|them)\b",
    r"\b(?:a|the|this|some|one) (?:\w+ ){0,2}(?:girl|boy|man|woman|guy|lad|character|person|people|"
    r"kid|teen\w*|student|patient|someone|lead|victim|survivor|protagonist|heroine|hero) who "
    r"(?:self harms?|cuts (?:herself|himself)|"
    r"is suicidal|attempted suicide|kills (?:himself|herself)|"
    r"took (?:his|her|their) (?:own )?life)\b",
    r"\b(?:literally|actually) dead\b(?=.*\b(?:funny|laugh\w*|lol|haha|lmao|joke|hilarious)\b)",
    r"\b(?:dark|suicidal|bad) thoughts\b(?: \w+){0,5} (?:have gone|are gone|went away|have stopped|"
    r"stopped|passed|have passed|are over)\b",
    # fiction: "that film where the stalker jumps off the building", "a scene where my character
    # takes an overdose" (not "the film made me want to kill myself")
    r"\b(?:film|movie|show|book|play|episode|series|documentary|doc|novel|song|game|scene|"
    r"storyline|"
    r"story|poem|script)"
    r"(?: \w+){0,3} (?:where|in which|about|when)\b"
    r"(?![^,.]*\b(?:myself|my life|i want|i wanna|i will|made me want)\b)[^,.]*",
    # wishing the person dead is a threat (the danger guard's business), not a crisis
    r"\b(?:wants|wanted|hopes|hoped|wishes|wished) (?:me|i) (?:dead|die|would die|was dead)\b",
)
_FIRST_PERSON = frozenset({"i", "me"})
_THIRD_PERSON = frozenset({
    "he", "she", "they", "him", "her", "them", "friend", "mate", "housemate", "flatmate",
    "shell", "hell", "theyll", "coworker", "colleague", "boss", "manager", "lecturer",
    "grandad", "grandma", "nan", "gran", "uncle", "aunt", "auntie", "granddad", "grandpa",
    "roommate", "sister", "brother", "mum", "mom", "dad", "cousin", "ex", "partner", "boyfriend",
    "girlfriend", "son", "daughter", "someone", "somebody",
})
_REFLEXIVE = re.compile(
    r"\b(?:myself|my self|my own|my life|my wrists?|my arms?|my legs?|my skin)\b"
)


_QUOTING_SOMEONE = re.compile(
    rf"\b(?:he|she|they|my ex|ex) (?:\w+ )?{_SAYS}(?: me| us)?(?: that)? (?:\w+ ){{0,4}}$"
)


def _someone_elses(normalised: str, match: re.Match[str]) -> bool:
    """Whether the nearest subject before ``match`` is another person: "he says he will end it all".

    A match that names "myself", "my life" or "i" is always the person's own.
    """
    if _REFLEXIVE.search(match.group(0)) or _FIRST_PERSON & set(match.group(0).split()):
        return False
    if _QUOTING_SOMEONE.search(normalised[: match.start()]):
        return True  # he texted me "im going to end it"
    for word in reversed(normalised[: match.start()].split()[-8:]):
        if word in _FIRST_PERSON:
            return False
        if word in _THIRD_PERSON or (len(word) > 3 and word[:-1] in _THIRD_PERSON):
            return True  # "my brother", "me brothers suicidal" (the apostrophe lost)
    return False


# Told to kill themselves, and agreeing: "he says i should kill myself and im starting to agree"
_TOLD_TO_AND_AGREES = re.compile(
    r"\b(?:should|to|go) (?:and )?(?:just )?(?:kill myself|die)\b.*\b(?:i am starting to agree|"
    r"i agree|"
    r"(?:he|she|they) (?:might|may|could) be right|maybe (?:he|she|they) (?:is|are) right)\b"
)


def _self_harm(text: str) -> Verdict:
    normalised = normalise(text)
    if _TOLD_TO_AND_AGREES.search(normalised):
        return Verdict.DANGER
    # A denial covers only its own words: "i do not want to die but i keep cutting" is a crisis.
    # So does an idiom or someone else's act: "that made me want to die of embarrassment".
    set_aside = [
        m.group(0)
        for pattern in (*_SELF_HARM_NEGATED, *_SELF_HARM_NOT_THEIRS)
        for m in pattern.finditer(normalised)
    ]
    rest = normalised
    for words in set_aside:
        rest = rest.replace(words, " , ")
    matches = [m for pattern in _SELF_HARM for m in pattern.finditer(rest)]
    if any(not _someone_elses(rest, m) for m in matches):
        return Verdict.DANGER
    if set_aside or matches:
        return Verdict.NOT_NOW
    return Verdict.NONE


def assess(text: str) -> Assessment:
    """Judge a message: danger now, a cue that is not about now, or nothing recognised."""
    danger, reason = Verdict.NONE, ""
    now_elsewhere = False  # a clause about now with a danger-ish word that no pattern matched
    safe_elsewhere = False  # a clause that says the person is away from them or safe
    asked = False  # a clause asking what it is ("is that stalking?", "am i overreacting?")
    parts = clauses(text)
    now_context = any(_NOW_CONTEXT.search(clause) for clause in parts)
    # "now" in "im home now" says they are safe; it does not put the whole message in the present
    said_now = any(
        _NOW.search(c) and not any_match(_SAFE_STATEMENT, c) and not any_match(_SAFE_CONTEXT, c)
        for c in parts
    )
    dated = not said_now and any(_PAST_TIME.search(c) for c in parts)
    whole = " ".join(parts)
    far_apart = bool(_FAR_APART.search(whole))
    judged: dict[int, tuple[Verdict, str]] = {}  # each clause judged once, and only if needed

    def judge(index: int) -> tuple[Verdict, str]:
        if index not in judged:
            pet = _PET_SUBJECT.search(parts[index]) or (
                index and _NO_SUBJECT.match(parts[index]) and _PET_SUBJECT.search(parts[index - 1])
            )
            # "i keep having flashbacks and they will not go away"
            lingering = _LINGERING_WILL_NOT_GO.search(parts[index]) or (
                index
                and _THEY_WILL_NOT_GO.match(parts[index])
                and _NAMES_LINGERING.search(parts[index - 1])
            )
            # "someone keeps watching my tiktoks from a new account and i think its him"
            sender = (
                index
                and _IT_IS_THEM.match(parts[index])
                and _SENT_OR_POSTED.search(" ".join(parts[:index]))
                and not _SEEN_IN_PERSON.search(whole)
            )
            judged[index] = (
                # "my dog is scratching at the door" explains the noise; "my dog will not stop
                # barking" is a sign of someone there
                (Verdict.NOT_NOW, "an animal")
                if pet and not _PET_ALERTING.search(parts[index])
                else (Verdict.NOT_NOW, "not a person") if lingering
                else (Verdict.NOT_NOW, "who sent it") if sender
                else _clause_danger(parts[index], now_context, dated)
            )
        return judged[index]

    for index, clause in enumerate(parts):
        verdict, why = judge(index)
        if verdict is Verdict.DANGER and index and any_match(_FALSE_ALARM[1:], clause):
            # "someone is trying to get in! just kidding, its my toddler rattling the door"
            danger, reason = Verdict.NOT_NOW, "false alarm"
            continue
        if verdict is Verdict.DANGER:
            later = range(index + 1, len(parts))
            if (
                any(any_match(_FALSE_ALARM, parts[i]) for i in later)
                or _REALISED_HARMLESS.search(" ".join(parts[index + 1 :]))
                or (len(parts) > index + 1 and _BARE_DENIAL.match(parts[index + 1]))
                or _THOUGHT_IT_WAS_THEM.search(" ".join(parts[index:]))
                or _NOISE_EXPLAINED.search(clause)
            ):
                # "someones at the door!! oh its the amazon guy lol": taken back in the same breath
                danger, reason = Verdict.NOT_NOW, "false alarm"
                continue
            if clause.startswith(("i am ", "we are ")) and any(
                judge(i)[1] == "safe statement" for i in later
            ):
                # "im locked in and my sisters on her way, but hes not here"
                danger, reason = Verdict.NOT_NOW, "safe, said after"
                continue
            if why == "reported" and (
                safe_elsewhere or far_apart or any(judge(i)[1] == "safe context" for i in later)
            ):
                danger, reason = Verdict.NOT_NOW, "reported, but away"
                continue
            danger, reason = verdict, why
            break
        if verdict is Verdict.NOT_NOW and why == "a question":
            asked = True  # judged below, once the whole message has been read
        elif verdict is Verdict.NOT_NOW:
            # "my mums coming round, so if i hear the door its her": the reason that is not about
            # tense stands, so the learned model cannot overrule it as a mere tense reading
            if danger is not Verdict.NOT_NOW or reason in TENSE_READINGS:
                danger, reason = verdict, why
            safe_elsewhere = safe_elsewhere or why == "safe context"
        elif any_match(_FALSE_ALARM, clause):
            # "i thought i smelt his cigarettes, but its the new neighbour"
            danger, reason = Verdict.NOT_NOW, "false alarm"
        elif (
            _NOW.search(clause)
            and (_LOOSE_CUE.search(clause) or _SOMEONE_DOING_NOW.search(clause))
            # "theres a man outside but hes just waiting for the bus": the explanation
            and not (reason == "false alarm" and not _SAID_NOW.search(clause))
        ):
            now_elsewhere = True
    if danger is not Verdict.DANGER:
        for why, pattern, undated_only in _WHOLE_MESSAGE_NOW:
            if not (undated_only and dated) and pattern.search(whole):
                danger, reason = Verdict.DANGER, why
                break
    if (
        danger is not Verdict.DANGER
        and not dated
        and (arriving := _ARRIVING_MESSAGE.search(whole))
        and not _HABIT.search(whole, max(0, arriving.start() - 40), arriving.end() + 40)
    ):
        danger, reason = Verdict.DANGER, "arriving message"
    if danger is Verdict.NONE and not said_now:
        if far_apart:
            danger, reason = Verdict.NOT_NOW, "safe context"
        elif _HELPING_SOMEONE_ELSE.search(whole):
            danger, reason = Verdict.NOT_NOW, "someone else"
    if (
        danger is Verdict.NONE
        and asked
        and not _PRESENT_SIGN.search(whole)
        and not any(
            (
                (_SAID_NOW.search(c) and _LOOSE_CUE.search(c))
                or (_PRESENT_PRESENCE.search(c) and not _HABIT.search(c))
            )
            and judge(i)[0] is not Verdict.NOT_NOW
            for i, c in enumerate(parts)
        )
    ):
        danger, reason = Verdict.NOT_NOW, "a question"
    if danger is Verdict.NOT_NOW and now_elsewhere:
        # "he's parked over the road right now watching, last week he said he'd kill me": the
        # past clause must not demote what the model makes of the present one.
        danger, reason = Verdict.NONE, ""
    return Assessment(danger=danger, self_harm=_self_harm(text), reason=reason)

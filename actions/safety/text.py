"""Normalising what people type at 2 a.m. so that patterns can be few and precise.

Shared by the danger guard and the behaviour catalogue: lowercase, no punctuation, text-speak
expanded, contractions spelled out, and common typos of the words that matter corrected.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

# Text-speak and contractions people use when typing fast. Keys are whole tokens.
_EXPANSIONS: dict[str, str] = {
    "rn": "right now",
    "rite": "right",
    "atm": "at the moment",
    "nw": "now",
    "noww": "now",
    "im": "i am",
    "iam": "i am",
    "ive": "i have",
    "id": "i would",
    "ill": "i will",
    "hes": "he is",
    "shes": "she is",
    "theyre": "they are",
    "thier": "their",
    "whos": "who is",
    "someones": "someone is",
    "somebodys": "somebody is",
    "theres": "there is",
    "thats": "that is",
    "its": "it is",
    "exs": "ex is",
    "u": "you",
    "ur": "your",
    "r": "are",
    "pls": "please",
    "plz": "please",
    "ppl": "people",
    "bf": "boyfriend",
    "gf": "girlfriend",
    "b4": "before",
    "2day": "today",
    "2nite": "tonight",
    "tonite": "tonight",
    "cuz": "because",
    "coz": "because",
    "cos": "because",
    "bc": "because",
    "dont": "do not",
    "doesnt": "does not",
    "didnt": "did not",
    "cant": "can not",
    "cannot": "can not",
    "wont": "will not",
    "isnt": "is not",
    "arent": "are not",
    "wasnt": "was not",
    "werent": "were not",
    "aint": "is not",
    "havent": "have not",
    "hasnt": "has not",
    "couldnt": "could not",
    "shouldnt": "should not",
    "wouldnt": "would not",
    "gonna": "going to",
    "gna": "going to",
    "wanna": "want to",
    "gotta": "got to",
    "outta": "out of",
    "tryna": "trying to",
    # the dropped "g" after a vowel, which _restore_dropped_g leaves alone
    "goin": "going",
    "doin": "doing",
    "n": "and",
    "ya": "you",
    "abt": "about",
    "msg": "message",
    "msgs": "messages",
    "txt": "text",
    "txts": "texts",
    "yday": "yesterday",
    "yest": "yesterday",
    "wk": "week",
    "2moro": "tomorrow",
    "tmrw": "tomorrow",
    "hse": "house",
    "kms": "kill myself",
    "itll": "it will",
    "theyll": "they will",
    "youll": "you will",
    "kmss": "kill myself",
    "mins": "minutes",
    "min": "minutes",
}

# Apostrophe forms, handled before punctuation is stripped.
_CONTRACTIONS: list[tuple[str, str]] = [
    (r"\bcan't\b", "can not"),
    (r"\bwon't\b", "will not"),
    (r"\bain't\b", "is not"),
    (r"n't\b", " not"),
    (r"\bi'm\b", "i am"),
    (r"'re\b", " are"),
    (r"'ve\b", " have"),
    (r"'ll\b", " will"),
    (r"'d\b", " would"),
    # "he's found me", "shes grabbed me": has, not is
    (r"\b(he|she|someone|somebody)(?:'s|s) (?=(?:just |already |now )?(?:found|grabbed|hit|punched|"
     r"kicked|stabbed|attacked|strangled|choked|pushed|shoved|slapped|smashed|broken|got in|"
     r"got into|climbed|forced|snatched|bitten|dragged|taken|locked)\b)",
     r"\1 has "),
    (r"\b(he|she|it|that|there|who|someone|somebody|nobody|noone|everyone|everybody|what|ex|one|"
     r"guy|man|woman|person)'s\b",
     r"\1 is"),
    # "the landlord's in the flat", "car's back": a person or thing's before where or how it is
    (r"\b(landlord|car|van|lock|door|buzzer|bell|knocking|banging|neighbour|driver|stranger|"
     r"boss|manager|lecturer|tutor|porter|bloke|lad|creep|stalker|taxi|uber|cab|lift|engine)'s "
     r"(?=(?:in|at|outside|on|here|there|back|just|still|not|coming|going|gone|by|behind|"
     r"downstairs|upstairs|being|running|started|stopped)\b)", r"\1 is "),
    # someone of theirs on the way: "my mum's coming round", not "my mum's car"
    (r"\b(mum|mam|mom|dad|sister|brother|friend|mate|partner|boyfriend|girlfriend|husband|wife|"
     r"flatmate|housemate|nan|gran)'s "
     r"(?=(?:coming|on (?:her|his|their) way|picking me up|meeting me)\b)", r"\1 is "),
]

# Words that matter to the guard and the catalogue; a typo of one of these (edit distance 1,
# or 2 for long words) is corrected. Short words are never corrected: "her" must not become "here".
KEYWORDS: frozenset[str] = frozenset(
    """
    outside following followed follows chasing chased behind danger dangerous emergency police
    window house flat room bedroom building halls accommodation garden kitchen bathroom
    knife weapon gun blade hammer attacking attacked hitting hurting punching kicking strangling
    choking grabbed grabbing breaking banging knocking hammering shouting screaming
    trying coming waiting standing sitting hiding trapped locked scared terrified frightened
    threatening threatened threatens threat threats kill killing murder stab stabbing shoot
    myself suicide suicidal overdose harming cutting
    right tonight currently moment again still yesterday earlier already
    stalking stalker stalked harassing harassment messages messaging texting calling phone
    flowers present presents parcel parcels letters gifts damage damaged slashed scratched
    tracking tracker location account accounts profile profiles instagram facebook snapchat
    twitter tiktok whatsapp spyware hacked password laptop photos pictures posting posted
    rumours friends family parents lecturer lectures university campus library
    watching watches watched staring loitering hanging turning turned showing showed
    appearing appeared everywhere
    """.split()
)

_KEYWORDS_IN_ORDER: tuple[str, ...] = tuple(sorted(KEYWORDS))
_TOKEN = re.compile(r"[a-z0-9]+")
_REAL_WORDS: frozenset[str] = frozenset(
    line.strip()
    for line in (Path(__file__).with_name("real_words.txt")).read_text().splitlines()
    if line.strip() and not line.startswith("#")
)


def _edit_distance_at_most(a: str, b: str, limit: int) -> bool:
    """Damerau-Levenshtein (adjacent transpositions) with an early exit."""
    if abs(len(a) - len(b)) > limit:
        return False
    previous2: list[int] | None = None
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cost = 0 if ca == cb else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if (
                previous2 is not None
                and i > 1
                and j > 1
                and ca == b[j - 2]
                and a[i - 2] == cb
            ):
                current[j] = min(current[j], previous2[j - 2] + 1)
        if min(current) > limit:
            return False
        previous2, previous = previous, current
    return previous[-1] <= limit


@lru_cache(maxsize=8192)
def correct_token(token: str) -> str:
    """Map a likely typo of a keyword onto the keyword; leave everything else alone."""
    if len(token) < 5 or token in KEYWORDS or token in _REAL_WORDS or not token.isalpha():
        return token
    # typos rarely hit the first letter; this keeps it fast and conservative
    candidates = [w for w in _KEYWORDS_IN_ORDER if w[0] == token[0] or w[:2] == token[1::-1]]
    # the nearest keyword, then the first in alphabetical order: the same answer in every process
    # (iterating the frozenset itself follows string hashing, which changes from run to run)
    for limit in range(1, (2 if len(token) >= 9 else 1) + 1):
        for word in candidates:
            if _edit_distance_at_most(token, word, limit):
                return word
    return token


def _fold_repeats(token: str) -> str:
    """'scaredddd' -> 'scared', 'pleeeease' -> 'please' (three or more of a letter; "999" stays)."""
    return re.sub(r"([a-z])\1{2,}", r"\1", token)


# Real words that end in a consonant and "in": never a participle with its "g" dropped.
_NOT_DROPPED_G: frozenset[str] = frozenset(
    """
    linkedin begin within cabin basin cousin robin violin satin latin margin origin raisin napkin
    muffin
    pumpkin toxin login admin cumin vitamin insulin aspirin bulletin paraffin javelin griffin
    boffin tiffin gherkin goblin coffin puffin assassin dolphin gremlin marlin bobbin merlin
    kremlin mandolin zeppelin tarpaulin moccasin plugin checkin bumpkin muslin poplin martin
    kevin austin justin dustin colin calvin marvin melvin gavin darwin edwin franklin baldwin
    caitlin kaitlin jasmin yasmin benjamin putin dublin berlin
    """.split()
)


def _restore_dropped_g(token: str) -> str:
    """'yankin' -> 'yanking', 'swearin' -> 'swearing': the dropped "g" of any participle."""
    if (
        len(token) >= 5
        and token.endswith("in")
        and token[-3] not in "aeiou"
        and token not in _NOT_DROPPED_G
        and not token.endswith("skin")
        and token not in _EXPANSIONS
    ):
        return token + "g"
    return token


# "hell post" / "shell kill": he'll and she'll typed without the apostrophe, before a verb.
_WILL_WITHOUT_APOSTROPHE = re.compile(
    r"\b(h|sh)ell (?=(?:post|put|send|share|kill|hurt|get|come|find|tell|make|do|be|ruin|leak|"
    r"show|expose|never|always|just|go|break|smash|burn|hit|stab|wait|know|see|take)\b)"
)


def _will(match: re.Match[str]) -> str:
    return ("he" if match.group(1) == "h" else "she") + " will "


def normalise(text: str) -> str:
    """A lower-case, punctuation-free, expanded, typo-corrected version of ``text``."""
    text = unicodedata.normalize("NFKC", text or "")
    text = "".join(ch if unicodedata.category(ch)[0] != "C" else " " for ch in text)
    text = text.lower().replace("\u2019", "'").replace("`", "'")
    text = _WILL_WITHOUT_APOSTROPHE.sub(_will, text)
    for pattern, replacement in _CONTRACTIONS:
        text = re.sub(pattern, replacement, text)
    tokens: list[str] = []
    for raw in _TOKEN.findall(text.replace("'", "")):
        token = correct_token(_restore_dropped_g(_fold_repeats(raw)))
        tokens.extend(_EXPANSIONS.get(token, token).split())
    return " ".join(_with_missing_is(tokens))


# Learner English and hurried typing drop the "is": "he pushing the door now", "they coming".
_SUBJECT_VERB = {"he": "is", "she": "is", "someone": "is", "somebody": "is", "they": "are"}
_NOT_A_VERB = frozenset(
    "thing things nothing something anything everything king ring rings sing bring spring "
    "morning evening during ceiling building wedding string swing sibling darling pudding "
    "earring ping wing sting".split()
)
# Where the "-ing" word belongs to what came before: "is he getting", "about someone following
# me", "i saw someone running".
_BEFORE_A_SUBJECT_WITH_ING = frozenset(
    "is was are were will would can could should does did has had about of for with without "
    "like than by from after before at on saw see seen heard hear noticed notice watched "
    "imagine imagined dreamt dreamed".split()
)


def _with_missing_is(tokens: list[str]) -> list[str]:
    out: list[str] = []
    for index, token in enumerate(tokens):
        out.append(token)
        following = tokens[index + 1] if index + 1 < len(tokens) else ""
        if (
            token in _SUBJECT_VERB
            and (index == 0 or tokens[index - 1] not in _BEFORE_A_SUBJECT_WITH_ING)
            and len(following) > 4
            and following.endswith("ing")
            and following not in _NOT_A_VERB
        ):
            out.append(_SUBJECT_VERB[token])
    return out


def _not_after(*words: str) -> str:
    """Lookbehinds that stop a clause break right after any of ``words``."""
    return "".join(rf"(?<!\b{word})" for word in words)


# After these, "he was ..." or "he is ..." is what was said, thought, feared or asked about, not a
# new sentence: "i think he was there", "how do i know if he is following me".
_INTRODUCES_WHAT_FOLLOWS = (
    "if", "that", "when", "case", "think", "said", "says", "told", "mean", "meant", "once",
)

# Where one thought ends and another begins: "he was here yesterday but he is outside now".
_CLAUSE_BREAK = re.compile(
    r"[.!?;:\n]+|,|\s[-\u2013\u2014]+\s|\b(?:but|though|although|however|except|whereas|because|"
    r"cos|cuz|(?<!\bup )and(?! down\b))\b"  # "pacing up and down" is one thought
    r"|\ban(?= [bcdfgjklmnpqrstvwyz])"  # "an" for "and": "hes yankin at the door an swearin"
    # Unpunctuated run-ons: a new past-tense sentence starts a clause, so that "theres a man
    # behind me he was in the chip shop" keeps its present danger ("what if he was" stays whole).
    r"|" + _not_after(
        *_INTRODUCES_WHAT_FOLLOWS, "night", "week", "day", "yesterday", "morning", "evening", "ago",
        "earlier", "then", "christmas", "easter", "summer", "month", "year", "term", "dream",
        "nightmare", "holiday", "birthday", "weekend", "freshers",
    )
    + r"\s(?=(?:he|she|they)(?:'s| has|s) done (?:this|it|that)\b|(?:he|she|they) (?:was|were|had|"
    r"used to|hit|grabbed|attacked|punched|kicked|"
    r"assaulted|stabbed|strangled|choked|pushed|raped|threatened|broke|smashed|slapped|shoved|spat|"
    r"dragged|bit)\b)"
)


# An unpunctuated request to the chatbot run straight into what is happening: "can we talk about
# it later hes following my car", "is there a way to get police here faster hes trying to kick
# the door through". The request is its own clause, so its "later" or "police here" does not
# colour what follows.
_REQUEST_THEN_SOMEONE_DOING = re.compile(
    r"^((?:can|could|will|would) (?:you|we|i|u)|is there|how (?:do|can|should) i|what (?:do|can|"
    r"should) i|should i|please|forget|sorry|help)\b(?:\s\w+){1,10}?"
    # not "how do i know if he is following me": there the rest is what the request is about
    + _not_after(
        *_INTRODUCES_WHAT_FOLLOWS, "whether", "while", "what", "where", "why", "how", "know",
        "sure", "say", "because", "cos", "unless", "before", "after", "until", "till", "saying",
        "telling", "thought", "thinking", "feel", "feels", "felt", "like", "imagine",
    )
    + r"(?= (?:he|she|they|someone|somebody) (?:is|are) (?:\w+ing|at|outside|in|here|behind)\b)"
)


def clauses(text: str) -> list[str]:
    """Split raw text into clauses and normalise each one."""
    parts = _CLAUSE_BREAK.split(unicodedata.normalize("NFKC", text or "").lower())
    normalised = [c for c in (normalise(p) for p in parts if p) if c]
    split = []
    for clause in normalised:
        request = _REQUEST_THEN_SOMEONE_DOING.match(clause)
        split.extend([request.group(0), clause[request.end() :].strip()] if request else [clause])
    return split


def any_match(patterns: Iterable[re.Pattern[str]], text: str) -> re.Match[str] | None:
    for pattern in patterns:
        match = pattern.search(text)
        if match:
            return match
    return None

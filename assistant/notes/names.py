"""Whether a phrase is a person's name ('Dana Ruiz', 'Finn O.'), not a job, a place, a team or a greeting; the
patterns a header's names are read with, and the words of a header that name no one."""
from __future__ import annotations

import re

from ..lexicon import load, vocab
from ..textutil import NAME_WORD, PARTICLE

TITLE = r"(?:Mr|Ms|Mrs|Miss|Mx|Dr|Prof|RN|Chef|Coach|Sister|Matron|Capt|Captain|Cllr)\.?\s"
NAME_TOKEN = re.compile(r"^(?:" + NAME_WORD + r"|[A-Z]\.?|(?:[A-Z]\.){2,3})$")  # 'Finn O.', 'J.P. Okafor'


# Two capitals before a name are initials the person goes by ('DJ Park', 'AJ Okafor'), not a title or a team
# ('RN Kate Moss', 'GM Sarah Jones', 'QA Tom', 'MS Teams').
_NOT_INITIALS_LIST = load("vocabulary", "en")["names"]["not_initials"]
_TEAM_INITIALS = frozenset(_NOT_INITIALS_LIST)
_NOT_INITIALS = "|".join(_NOT_INITIALS_LIST)
_INITIALS_WORD = rf"(?!(?:{_NOT_INITIALS})\b)[A-Z]{{2}}[ \t]+(?={NAME_WORD})"
INITIALS_BEFORE_NAME = rf"(?:{_INITIALS_WORD}|(?:[A-Z]\.){{2,3}}[ \t]?(?={NAME_WORD}))?"  # 'DJ Park', 'J.P. Okafor'
_INITIALS = re.compile(_INITIALS_WORD)


_PARTICLE = re.compile(PARTICLE)


_PHRASAL = re.compile(r"-(?:up|down|off|out|over|back|through|by|away|around)$")  # (not 'Ye-in', 'Ha-on')


# The titles said before a surname alone ('Ms Lund', 'Dr. Okafor'), and a surname after one.
COURTESY_TITLE = r"(?:Mr|Mrs|Ms|Miss|Mx|Dr)\.?"
COURTESY = re.compile(rf"{COURTESY_TITLE}\s+(?P<surname>[^\W\d_][\w'’-]*)")
# A surname as an export writes it, in capitals: 'HALVORSEN', 'OKAFOR-LEE'.
SURNAME_IN_CAPITALS = r"[A-Z]{2,}(?:[-'’][A-Z]{2,})?"
# Someone named as another party than the employee: 'a complaint from Anna Lund (customer)', 'client Tom Lund'.
_ANOTHER_PARTY = re.compile(r"\s*[(（,]\s*(?:a\s+|the\s+|our\s+)?(?:customer|client|patient|guest|resident|pupil|student|parent"
                            r"|supplier|contractor|visitor|member of the public)\b", re.I)
_FROM_ANOTHER = re.compile(r"\b(?:from|customer|client|patient|guest|resident|parent|supplier)\s+$", re.I)


def full_name_of(name: str, text: str) -> str | None:
    """The one full name the notes give someone they also call by title and surname ('Freya Lund' for 'Ms Lund'), where
    they give one only and not as another party's ('a complaint from Anna Lund (customer)')."""
    courtesy = COURTESY.fullmatch(name)
    if not courtesy:
        return None
    found = {m.group(0): m for m in re.finditer(rf"(?<![\w'’-]){NAME_WORD}[ \t]+{re.escape(courtesy['surname'])}(?![\w'’-])", text)
             if not COURTESY.fullmatch(m.group(0)) and is_name(m.group(0))}
    if len(found) != 1:
        return None
    full, m = next(iter(found.items()))
    another = _ANOTHER_PARTY.match(text, m.end()) or _FROM_ANOTHER.search(text[max(0, m.start() - 20):m.start()])
    return None if another else full


def is_name(text: str) -> bool:
    if re.search(r"\S\s{2,}\S", text.strip()):
        return False  # a name is written with one space between its words: 'Pillai          Bay..... 3' is two fields
    words = text.strip().split()
    tokens = [t for i, t in enumerate(words) if not (0 < i < len(words) - 1 and _PARTICLE.fullmatch(t))]
    if _INITIALS.match(text.strip()):
        tokens = tokens[1:]
    if not 1 <= len(tokens) <= 3 or not NAME_TOKEN.match(tokens[0]) or len(tokens[0]) < 2:
        return False
    if tokens[-1].endswith(("'s", "’s")):
        return False  # a possessive is someone's something ('Tuesday's review'), not the name written alone
    if any(_PHRASAL.search(t) for t in tokens):
        return False  # a verb and its particle made a noun: 'Cut-up', 'Hand-over', 'Sign-off' (not 'Jean-Baptiste')
    if vocab("roles", "terms", "en").search(text):
        return False
    names = load("vocabulary")["names"]
    if any(t in names["organisation_words"] or t in names["not_names"] for t in words if len(t.rstrip(".")) > 1):
        return False  # a place, a team or a greeting: 'Hafod Primary', 'Returns Desk', 'Re' (an initial is none: 'Hamza Q')
    if len(words) >= 3 and words[0] in names["vessel_prefixes"]:
        return False  # a ship: 'MV Hollin Bay'; 'MV Rao' may be someone's initials and name
    return all(NAME_TOKEN.match(t) for t in tokens)


def team_initials(text: str) -> bool:
    """Capitals that name a title, a team or a product, not someone's initials: 'HR', 'QA', 'GM'."""
    return text in _TEAM_INITIALS


HEADER_WORDS = re.compile(
    r"(?:Interview|Review|Notes?|Meeting|Performance|Feedback|Date|Met|Spoke|Talked|Discussed|Had|Call|Chat|Check|Sat"
    r"|Session|Summary|Follow|Conversation|Catch|Today|Yesterday|Monthly|Weekly|Quarterly|Annual|Mid|End|Year)\b")


def names_someone(text: str) -> bool:
    """Some word of `text` is a name: a header that already says who the note is about."""
    return any(is_name(w) and not HEADER_WORDS.match(w) for w in re.findall(NAME_WORD, text))


# Someone spoken of as 'he' or 'she' (and, in Chinese too, '他', '她'): a person the notes talk about, not to.
SPOKEN_OF = re.compile(r"\b(?:she|he|her|his|him)\b", re.I)
SPOKEN_OF_ANY = re.compile(SPOKEN_OF.pattern + r"|[她他]", re.I)
INITIAL = rf"(?:{INITIALS_BEFORE_NAME}|[A-Z]\.[ \t]?(?={NAME_WORD}))"  # as in a name's candidates, and one initial: 'K. Mensah'
MEETING_WORDS = re.compile(r"\b(?:1:1|1-1|review|notes?|catch-up|check-in|follow-up|meeting|summary|recap|write-up|pip|prep"
                            r"|feedback|appraisal|conversation|supervision)\b", re.I)
# A name in a header line: 'Dana Ruiz', 'Finn O.' (an initial for the surname), or initials before the role in brackets
# ('1:1 w/ JK (door sup, …)').
NAMED = rf"(?:{INITIAL}{NAME_WORD}(?:[ \t](?:{PARTICLE}[ \t]){{0,2}}{NAME_WORD})?(?:[ \t](?!I\b)[A-Z](?:\.|(?![\w.'’&/])))?(?!\w)|[A-Z]{{2,3}}(?=\s*[(（|｜]))"  # 'DJ Park', 'Sam K', 'JT (', 'w/ ZJ｜'


# A name called out in passing, in notes written to 'you': 'So, Aoife, here's what we agreed.'
# (after an opener, or before words said to them: not 'Marco, your buddy, will …', 'Sadly, you also missed …')
CALLED_BY_NAME = re.compile(rf"""^\W*(?:(?:(?i:so|right|ok(?:ay)?|now|well|and|anyway)[ \t]*,[ \t]*)(?P<name>{NAME_WORD}),[ \t]+(?=[a-z])
    | (?P<named>{NAME_WORD}),[ \t]+(?=(?:here(?:['’]s)?|thanks|thank|please|listen|look|we|we['’](?:ve|ll|re)|i|i['’](?:ve|ll|m))\b))""",
                            re.M | re.X)


def you_and_them(text: str) -> tuple[int, int]:
    """How often `text` speaks to 'you', and about 'him' or 'her'."""
    return len(vocab("names", "addressed").findall(text)), len(vocab("names", "third_person").findall(text))


def to_you(text: str) -> bool:
    """`text` speaks more to 'you' than about 'him' or 'her': written to the employee."""
    you, them = you_and_them(text)
    return you > them

"""Whether a phrase is a person's name ('Dana Ruiz', 'Finn O.'), not a job, a place, a team or a greeting."""
from __future__ import annotations

import re

from ..lexicon import load, vocab
from ..textutil import NAME_WORD

TITLE = r"(?:Mr|Ms|Mrs|Miss|Mx|Dr|Prof|RN|Chef|Coach)\.?\s"
NAME_TOKEN = re.compile(r"^(?:" + NAME_WORD + r"|[A-Z]\.?)$")


def is_name(text: str) -> bool:
    tokens = text.strip().split()
    if not 1 <= len(tokens) <= 3 or not NAME_TOKEN.match(tokens[0]) or len(tokens[0]) < 2:
        return False
    if vocab("roles", "terms", "en").search(text):
        return False
    names = load("vocabulary")["names"]
    if any(t in names["organisation_words"] or t in names["not_names"] for t in tokens):
        return False  # a place, a team or a greeting: 'Hafod Primary', 'Returns Desk', 'Re'
    return all(NAME_TOKEN.match(t) for t in tokens)

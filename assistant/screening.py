"""Find biased, sensitive and injected text.

Used twice: on the notes, so that such sentences never reach a plan, and on a finished
(possibly hand-edited) plan, so that they cannot slip back in.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from .lexicon import Terms, fast_terms, load
from .quantities import has_quantity
from .textutil import text_cache

# Categories that describe the person rather than judge them: they only make a sentence
# biased together with a judgement; alone they are sensitive information for HR.
_MENTION_ONLY = {"family", "health"}


@dataclass(frozen=True)
class Hit:
    kind: str  # "bias" | "sensitive" | "injection" | "private"
    category: str  # bias category, or "sensitive" / "injection"
    text: str  # the words matched
    why: str
    instead: str


@lru_cache(maxsize=1)
def _bias_tables() -> list[tuple[str, str, str, Terms]]:
    tables = []
    for lang in ("en", "zh"):
        for category, spec in load(f"bias_{lang}").items():
            tables.append((category, spec["why"], spec["instead"], fast_terms(tuple(spec["patterns"]))))
    return tables


@lru_cache(maxsize=1)
def _sensitive() -> tuple[str, str, Terms]:
    spec = load("sensitive")
    return spec["why"], spec["instead"], fast_terms(tuple(spec["en"] + spec["zh"]))


@lru_cache(maxsize=1)
def _injection() -> Terms:
    spec = load("injection")
    return fast_terms(tuple(spec["en"] + spec["zh"]))


@lru_cache(maxsize=1)
def _any_term() -> Terms:
    """Every list in one: most plan and note sentences hold none of these words, and one pass says so."""
    words = [p for *_, terms in _bias_tables() for p in terms.words]
    return fast_terms(tuple({*words, *_sensitive()[2].words, *_injection().words}))


def injection_hits(text: str) -> list[Hit]:
    return [
        Hit("injection", "injection", words,
            "This text addresses the assistant instead of describing work; it was treated as data and not followed.",
            "Remove it from the notes; describe the employee's work only.")
        for words in _injection().found(text)
    ]


@lru_cache(maxsize=1)
def _confidential() -> dict[str, tuple[str, str, Terms]]:
    spec = load("confidential")
    return {kind: (t["why"], t["instead"], fast_terms(tuple(t["en"] + t["zh"]))) for kind, t in spec.items()}


def private_hits(text: str) -> list[Hit]:
    """A remark the notes mark as the manager's own ('between us', 'note to self', '不要写进档案')."""
    why, instead, pattern = _confidential()["private"]
    return [Hit("private", "private", words, why, instead) for words in pattern.found(text)]


def confidence_request(text: str) -> list[Hit]:
    """The employee's request that something stay confidential ('she asked me to keep this between us', '请保密')."""
    why, instead, pattern = _confidential()["request"]
    return [Hit("sensitive", "confidential", words, why, instead) for words in pattern.found(text)]


def bias_hits(text: str, *, absolutes: bool = True, has_evidence: bool = False) -> list[Hit]:
    """Biased wording in `text`.

    `absolutes` is off for text where 'never' is a fact rather than a judgement (an employee's
    own account, an agreed rule) and where the sentence gives counts (`has_evidence`): then
    'always late, 6 of 20 shifts' is an overstatement of a fact the plan can still use.
    """
    hits = []
    for category, why, instead, pattern in _bias_tables():
        if category == "absolute" and (not absolutes or has_evidence):
            continue
        for words in pattern.found(text):
            hits.append(Hit("bias", category, words, why, instead))
    judged = [h for h in hits if h.category not in _MENTION_ONLY]
    return hits if judged else []


def sensitive_hits(text: str) -> list[Hit]:
    why, instead, pattern = _sensitive()
    found = [Hit("sensitive", "sensitive", words, why, instead) for words in pattern.found(text)]
    # Family or health mentions without a judgement are sensitive information, not bias.
    for category, cwhy, cinstead, cpattern in _bias_tables():
        if category in _MENTION_ONLY:
            found += [Hit("sensitive", category, words, why, instead) for words in cpattern.found(text)]
    return found


def screen(text: str, *, absolutes: bool = True, has_evidence: bool = False) -> list[Hit]:
    """Every hit in `text`, most serious kind first: injection, then bias, then sensitive."""
    return list(_screen(text, absolutes, has_evidence))


def screen_counted(text: str, *, absolutes: bool = True) -> list[Hit]:
    """`screen` for text that may give counts: beside them ('always late, 6 of 20 shifts') an absolute
    overstates a fact rather than judges. Counts are looked for only when an absolute was found;
    most text holds no hit at all, and finding numbers is the dearer search."""
    hits = screen(text, absolutes=absolutes)
    if any(h.category == "absolute" for h in hits):
        hits = screen(text, absolutes=absolutes, has_evidence=has_quantity(text))
    return hits


@text_cache()  # every edit in the workspace re-screens the whole plan: mostly unchanged text
def _screen(text: str, absolutes: bool, has_evidence: bool) -> tuple[Hit, ...]:
    if not _any_term().occurs_in(text):
        return ()
    found = injection_hits(text)
    biased = bias_hits(text, absolutes=absolutes, has_evidence=has_evidence)
    found += biased
    if not biased:
        found += sensitive_hits(text)
    return tuple(found)

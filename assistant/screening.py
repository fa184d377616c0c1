"""Find biased, sensitive and injected text.

Used twice: on the notes, so that such sentences never reach a plan, and on a finished
(possibly hand-edited) plan, so that they cannot slip back in.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .language import unspaced
from .lexicon import Terms, fast_terms, languages, load, lowered, terms, zh_name
from .quantities import has_quantity
from .textutil import NAME_WORD, text_cache

# Categories that describe the person rather than judge them: they only make a sentence
# biased together with a judgement; alone they are sensitive information for HR.
_MENTION_ONLY = {"family", "health", "religion"}  # named alone, a disclosure (sensitive); judged, bias (coded.toml)
# Categories that judge without evidence ('lazy', 'always late') rather than by who the person is: a 'wording' flag
# (give counts, describe behaviour), not a 'bias' one, which HR reads as a remark about age, gender, origin and the like.
WORDING = {"label", "absolute"}


@dataclass(frozen=True)
class Hit:
    kind: str  # "bias" | "wording" | "sensitive" | "injection" | "private"
    category: str  # bias category, or "sensitive" / "confidential" / "injection" / "outcome" / "quoted"
    text: str  # the words matched
    why: str
    instead: str
    detail: str = ""  # for an outcome, which one (a table of outcome.toml: "resignation", "rating"...)


@lru_cache(maxsize=1)
def _bias_tables() -> list[tuple[str, str, str, Terms]]:
    tables = []
    for lang in languages():
        for category, spec in load("bias", lang).items():
            tables.append((category, spec["why"], spec["instead"], fast_terms(tuple(spec["patterns"]))))
    return tables


@lru_cache(maxsize=1)
def _sensitive() -> tuple[str, str, Terms]:
    spec = load("sensitive")
    return spec["why"], spec["instead"], fast_terms(tuple(spec["terms"]))


@lru_cache(maxsize=1)
def _injection() -> Terms:
    return fast_terms(tuple(load("injection")["terms"]))


@dataclass(frozen=True)
class _Trait:
    category: str  # as in bias.toml: age, gender, family, health, ethnicity
    language: str
    why: str
    instead: str
    cues: Terms  # the trait or a stand-in, about a person: coded beside a judgement
    marked: Terms  # a stand-in that judges by itself: 'young blood', '新鲜血液'
    window: int  # how many characters may part a cue and its judgement
    foreign_word: int | None  # in an unspaced language, what a word in a spaced script counts for in that window


# A word of a spaced script with the spaces around it ('bridge call' in '他戴着助听器，bridge call 上…跟不上').
_SPACED_WORD = re.compile(r"\s*[A-Za-z0-9][A-Za-z0-9'’.-]*\s*")


def _apart(text: str, first: tuple[int, int], second: tuple[int, int], foreign_word: int | None) -> int:
    """How many characters part two spans (0 where they touch or overlap); where the trait's language is written
    without spaces, an English word between them counts as `foreign_word` characters, not its letters."""
    lo, hi = (first[1], second[0]) if first[1] <= second[0] else (second[1], first[0])
    gap = text[lo:hi]  # empty where they overlap
    if foreign_word is None:
        return len(gap)
    return len(_SPACED_WORD.sub("·" * foreign_word, gap))


@lru_cache(maxsize=1)
def _coded() -> tuple[Terms, tuple[_Trait, ...]]:
    judgements = fast_terms(tuple(load("coded")["judgement"]))
    traits = []
    for category in (key for key, value in load("coded").items() if isinstance(value, dict)):
        for lang in languages():
            spec, bias = load("coded", lang), load("bias", lang)
            if category not in spec or category not in bias:
                continue  # a language with no cues for this trait, or no bias list
            table = bias[category]
            traits.append(_Trait(category, lang, table["why"], table["instead"], fast_terms(tuple(spec[category]["terms"])),
                                 fast_terms(tuple(spec[category]["marked"])), spec["window"],
                                 spec.get("foreign_word")))
    return judgements, tuple(traits)


def coded_hits(text: str) -> list[Hit]:
    """A judgement of the person tied to a protected trait without naming it: a trait cue ('a bit old', 'her
    school run', '小姑娘', '老同志') near a judgement of ability, fit or worth ('for this pace', 'not worth the
    training', '跟不上'), or a stand-in that judges by itself ('young blood', 'off having kids')."""
    low = lowered(text)
    judgements, traits = _coded()
    judged: list[tuple[int, int]] | None = None  # found once, and only when some cue is there
    hits = []
    for trait in traits:
        for start, end in trait.marked.spans_lowered(low):
            hits.append(Hit("bias", trait.category, text[start:end], trait.why, trait.instead))
        for start, end in trait.cues.spans_lowered(low):
            if _disclosed(low[:start], low[start:end]):
                continue  # her own words of her own health: 'she told me she has been struggling with her mental health'
            if judged is None:
                judged = list(judgements.spans_lowered(low))
            near = [(s, e) for s, e in judged if _apart(text, (start, end), (s, e), trait.foreign_word) <= trait.window
                    and not (s >= start and e <= end)]
            if near:
                s, e = min(near, key=lambda span: abs(span[0] - start))
                lo, hi = min(start, s), max(end, e)
                words = text[lo:hi] if hi - lo <= 80 else f"{text[start:end]} … {text[s:e]}"
                hits.append(Hit("bias", trait.category, words, trait.why, trait.instead))
    return hits


# The employee telling of themself: 'she told me she has…', 'he mentioned that…', '她跟我说…'.
_TOLD = re.compile(r"\b(?P<who>she|he)\s+(?:also\s+)?(?:told|tells)\s+me\b|\b(?P<who2>she|he)\s+(?:also\s+)?(?:said|says|mentioned"
                   r"|shared|disclosed|confided|explained|opened\s+up)\b|(?P<zh>[她他])(?:也)?(?:跟我|和我)?(?:说|提到|告诉我)")


_CONTRAST = re.compile(r"\b(?:but|however|though|honestly|frankly)\b|但是?|不过|说实话", re.I)


def _disclosed(before: str, cue: str) -> bool:
    """The trait `cue` is the employee's own, in what they told the writer: 'she told me … her mental health'."""
    sentence = re.split(r"[.!?。！？]\s*", before)[-1]  # (in the same sentence, with no turn against her between)
    told = list(_TOLD.finditer(sentence))
    if not told or _CONTRAST.search(sentence, told[-1].end()):
        return False
    m = told[-1]
    who = m["who"] or m["who2"]
    own = {"she": "her", "he": "his"}.get(who or "", "")
    return bool(m["zh"] and m["zh"] in cue) or (bool(own) and re.search(rf"\b{own}\b", cue) is not None)


def judges_someone(text: str) -> bool:
    """The text judges someone's ability, fit, worth or future ('not sure its worth putting her on the course'): what
    makes a trait said just before it a coded remark (`keepout`)."""
    return _coded()[0].occurs_in(text)


@lru_cache(maxsize=1)
def _any_term() -> Terms:
    """Every list in one: most plan and note sentences hold none of these words, and one pass says so."""
    words = [p for *_, terms in _bias_tables() for p in terms.words]
    coded = [p for t in _coded()[1] for terms in (t.cues, t.marked) for p in terms.words]
    outcomes = [p for o in _outcomes()[1] for terms in (o.decided, o.cues, o.recorded) if terms for p in terms.words]
    return fast_terms(tuple(dict.fromkeys([*words, *coded, *outcomes, *_sensitive()[2].words, *_injection().words])))


def injection_hits(text: str) -> list[Hit]:
    """Text that addresses the assistant, or that decides the plan's outcome instead of describing work."""
    return [
        Hit("injection", "injection", words,
            "This text addresses the assistant instead of describing work; it was treated as data and not followed.",
            "Remove it from the notes; describe the employee's work only.")
        for words in _injection().found(text)
    ] + outcome_hits(text)


@dataclass(frozen=True)
class _Outcome:
    name: str  # a table of outcome.toml
    decided: Terms | None  # states the outcome by itself
    cues: Terms | None  # states it where the sentence agrees or records it
    recorded: Terms | None  # states it where the sentence records it for the plan


@lru_cache(maxsize=1)
def _outcomes() -> tuple[dict[str, Terms], tuple[_Outcome, ...]]:
    spec = load("outcome")
    frames = {key: fast_terms(tuple(spec["frame"][key])) for key in ("record", "agree", "conditional")}

    def listed(table: dict, key: str) -> Terms | None:
        patterns = tuple(table.get(key, []))
        return fast_terms(patterns) if patterns else None

    outcomes = tuple(_Outcome(name, listed(table, "decided"), listed(table, "cues"), listed(table, "recorded"))
                     for name, table in spec.items() if name != "frame")
    return frames, outcomes


def outcome_name(hit: Hit, zh: bool) -> str:
    """What outcome a hit decides, in the plan's language: 'a resignation', '辞职'."""
    return load("outcome", "zh" if zh else "en")[hit.detail]["name"]


def outcome_hits(text: str) -> list[Hit]:
    """An outcome decided in the notes (a resignation, a rating, goals marked as met, unpaid work, a dismissal):
    said outright ('Agreed: Li to resign by Friday', '约定：员工周五前辞职'), or in other words that the sentence
    agrees or records for the plan ('put down that she's happy to step down'). A consequence ('if it recurs, the
    next step may be dismissal') decides nothing."""
    frames, outcomes = _outcomes()
    framing: tuple[bool, bool] | None = None  # (recorded, agreed): looked for once, when some cue is there

    def found(terms: Terms | None) -> list[str]:
        return terms.found(text) if terms else []

    hits = []
    for o in outcomes:
        words = found(o.decided)
        if not words and (found(o.cues) or found(o.recorded)):
            if framing is None:
                recorded = frames["record"].occurs_in(text)
                framing = recorded, recorded or (frames["agree"].occurs_in(text) and not frames["conditional"].occurs_in(text))
            recorded, agreed = framing
            words = (found(o.cues) if agreed else []) + (found(o.recorded) if recorded else [])
        hits += [Hit("injection", "outcome", w,
                     "The notes decide the plan's outcome instead of describing the work; it was treated as data, "
                     "not followed, and left out of the plan.",
                     "Keep the plan to the shortfalls and what will be done about them; decisions about employment, "
                     "pay or ratings follow the policy, with HR.", o.name)
                 for w in dict.fromkeys(words)]
    return hits


@lru_cache(maxsize=1)
def _confidential() -> dict[str, tuple[str, str, Terms]]:
    spec = load("confidential")
    return {kind: (t["why"], t["instead"], fast_terms(tuple(t["terms"]))) for kind, t in spec.items()
            if isinstance(t, dict) and "why" in t}


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
            hits.append(Hit("wording" if category in WORDING else "bias", category, words, why, instead))
    coded = coded_hits(text)
    judged = coded or [h for h in hits if h.category not in _MENTION_ONLY]
    return _distinct(hits + coded) if judged else []


def _distinct(hits: list[Hit]) -> list[Hit]:
    """Words inside longer words of the same category are said once: '女孩子' in '女孩子做不了'."""
    return [h for i, h in enumerate(hits)
            if not any(o.category == h.category and h.text.lower() in o.text.lower() and (len(o.text) > len(h.text) or j < i)
                       for j, o in enumerate(hits) if j != i)]


def sensitive_hits(text: str) -> list[Hit]:
    """Health, family and leave details about the employee (not about a customer or a colleague)."""
    why, instead, pattern = _sensitive()
    found = [Hit("sensitive", "sensitive", text[s:e], why, instead) for s, e in pattern.spans(text)
             if not _about_someone_else(text, s) and not _denied(text, s, e)]
    # Family or health mentions without a judgement are sensitive information, not bias.
    for category, _, _, cpattern in _bias_tables():
        if category in _MENTION_ONLY:
            found += [Hit("sensitive", category, text[s:e], why, instead) for s, e in cpattern.spans(text)
                      if not _about_someone_else(text, s) and not _denied(text, s, e)]
    return found


@lru_cache(maxsize=1)
def _denial() -> tuple[re.Pattern[str], re.Pattern[str]]:
    spec = load("sensitive")  # (the denial is matched where the word starts, inside 'hasn't' too: no word boundary)
    return re.compile("|".join(f"(?:{p})" for p in spec["denied"]), re.I), terms(tuple(spec["denied_unless"]))


def _denied(text: str, start: int, end: int) -> bool:
    """An absence denied, which discloses nothing ('never off sick', '从没请过病假'); not one the sentence goes on to date
    or qualify ('never off sick until her surgery in May', 'not pregnant yet, but trying')."""
    denial, unless = _denial()
    return bool(denial.search(text, 0, start)) and not unless.search(re.split(r"[.;!?。；！？]", text[end:], maxsplit=1)[0])


@lru_cache(maxsize=1)
def _someone_else() -> Terms:
    return fast_terms(tuple(load("sensitive")["someone_else"]))


_CLAUSE_END = re.compile(r"[.;:,!?()\u2013\u2014。；：，！？（）]|\s-\s")
# Who the clause is about after someone else is named: a pronoun as its subject ('a customer said she was ill'); a
# possessive there is that other person's ('a patient's daughter sorting out her mum's medication').
_EMPLOYEE_WORD = re.compile(r"\b(?:she|he|they|i|my)\b|[她他我]", re.IGNORECASE)


def _about_someone_else(text: str, start: int) -> bool:
    """A health word about a person the clause names before it: 'two agents were off sick', '同事小张请病假'."""
    clause = text[max((m.end() for m in _CLAUSE_END.finditer(text, 0, start)), default=0):start]
    begun = start - len(clause)
    if any(m.start() < start < m.end() for m in _counted().finditer(text, begun)):
        return True  # '2 off sick', '两名保安请了病假': the word is part of a count of others
    other = list(_someone_else().spans(clause)) + [m.span() for m in _a_job_holder().finditer(clause)]
    return bool(other) and not _EMPLOYEE_WORD.search(clause, max(end for _, end in other))


@lru_cache(maxsize=1)
def _a_job_holder() -> re.Pattern[str]:
    """A clause about someone named by their job, not the employee: 'The night porter has been off sick' (not 'moving to
    a night porter role', 'told the duty manager about her pregnancy', 'tripped over the extension lead')."""
    jobs = "|".join(re.escape(j) for j in sorted(load("roles", "en")["terms"], key=len, reverse=True))
    return re.compile(rf"^\W*(?:the|our|their|another|one\s+of\s+(?:our|the))\s+(?:\w+\s+)?(?:{jobs})s?\s+(?:(?:there|here|too|also|herself|himself)\s+)?"
                      r"(?:has|had|have|is|was|were|are|went|got|called|phoned|rang)\b", re.I)  # ('The store manager there has …')



@lru_cache(maxsize=1)
def _counted() -> re.Pattern[str]:
    return terms(tuple(load("sensitive")["counted"]))


# A colleague named as the one on leave or off sick: 'since Liam went on paternity leave', 'while Priya's off sick',
# 'The bosun, Gary, was off sick', 'Mrs Okafor … was in hospital', 'Amelia (9) had an asthma attack', 'Lily 8 月请了两周病假'.
_TITLE = r"(?:Mr|Mrs|Ms|Miss|Dr)\.?\s+"
_NAMED_ON_LEAVE = re.compile(rf"""(?:{_TITLE})?({NAME_WORD})(?:\s*\([^()]{{1,15}}\))?
        (?:['’]s|,?\s+(?:went|goes|is|was|has\ been|had\ been|being|had|has|suffered)
        |(?=\s+(?:off|out|away)\b))\s+
    (?:off\s+|out\s+|away\s+)?(?:on\s+|an?\s+)?(?:[\w-]+\s+)?$
  | ({NAME_WORD}|{zh_name()}|(?:小|老|阿)[{load("vocabulary", "zh")["roles"]["surnames"]}])\s*(?:\d+\s*月\s*)?
    (?:请了|休了|在休|请|休|因)[^，。；,;]{{0,6}}$""", re.X)
# ('小周休产假以后', '老王请了病假': a colleague by the name the team calls them; not '老妈', '阿姨', whose are the employee's)
# 'Mrs Okafor's Brompton sat here, but she's been in hospital' in notes that call the employee 'he': someone else named
# before (with a title, or as a customer, a patient…), then the other pronoun: that someone.
_PRONOUN_BEFORE = re.compile(r"\b(she|he)(?:['’]s|\s+(?:is|was|has|had))\b[^,;.]{0,20}$|(她|他)[^，。；]{0,6}$", re.I)
_TITLED = re.compile(rf"\b{_TITLE}{NAME_WORD}")
_HE = re.compile(r"\b(?:he|him|his|he's|he'll|he’s|he’ll)\b|他", re.I)
_SHE = re.compile(r"\b(?:she|her|hers|she's|she'll|she’s|she’ll)\b|她", re.I)


@lru_cache(maxsize=1)
def _own_relative() -> re.Pattern[str]:
    return terms(tuple(load("sensitive")["own_relative"]))


def _relative_just_before(text: str, pronoun: str | None) -> bool:
    """`text` ends on the employee's own relative ('… her daughter '), whose name follows it: said with the pronoun the
    notes use for the employee (not 'his partner' in notes about 'her'), and in a sentence about no one else ('A customer
    rang; her son Max …' is the customer's)."""
    end = len(text.rstrip())
    m = next((m for m in _own_relative().finditer(text) if m.end() == end), None)
    if m is None:
        return False
    whose = m.group(0)[:3].lower()
    if (pronoun == "she" and whose.startswith(("his", "他"))) or (pronoun == "he" and whose.startswith(("her", "她"))):
        return False
    clause = re.split(r"[.!?。！？\n]", text[:m.start()])[-1]
    return not any(_someone_else().spans(clause))


def pronoun_of(text: str) -> str | None:
    """'he' or 'she': the one the notes use far more often for anyone (mostly the one they are about), else None."""
    he, she = len(_HE.findall(text)), len(_SHE.findall(text))
    return "he" if he >= 3 and he >= 3 * she else "she" if she >= 3 and she >= 3 * he else None


def a_colleagues_leave(text: str, term: str, employee: tuple[str, ...], pronoun: str | None = None) -> bool:
    """A health, family or leave word (`term`) about someone `text` names who is not the employee ('covering the west
    patch since Liam went on paternity leave'; not 'Dana went on maternity leave' where Dana is the employee), or about
    'she' where the notes call the employee 'he' (`pronoun`), or the other way round."""
    from .notes.names import is_name

    other = {"he": ("she", "她"), "she": ("he", "他")}.get(pronoun or "", ())
    # 'his wife says' in notes that call the employee 'she': the word itself names the other person's
    possessive = {"he": re.compile(r"her\b|她", re.I), "she": re.compile(r"his\b|他", re.I)}.get(pronoun or "")

    def someone_elses(at: int) -> bool:
        if possessive and possessive.match(text, at):
            return True
        before = text[max(0, at - 40):at]
        named = _NAMED_ON_LEAVE.search(before)
        who = named and (named.group(1) or named.group(2))
        had = named is not None and bool(named.group(2) or re.search(r"\s(?:had|has|suffered)\s", named.group(0)))
        if named and had and (not employee or _relative_just_before(before[:named.start()], pronoun)):
            who = None  # 'Kerry had a panic attack' naming no employee; 'her daughter Amelia (9) had …', '她女儿小雨请了…'
        if who and (is_name(who) or unspaced(who)) and not any(who in a or a in who for a in employee):
            return True
        said = _PRONOUN_BEFORE.search(before)
        another = _TITLED.search(text[:at]) or any(_someone_else().spans(text[:at]))
        return said is not None and bool(another) and (said.group(1) or said.group(2) or "").lower() in other

    starts = [m.start() for m in re.finditer(re.escape(term), text)]
    return bool(starts) and all(someone_elses(at) for at in starts)  # 'Colm was off sick, and Theo was off sick': Theo's


def screen(text: str, *, absolutes: bool = True, has_evidence: bool = False) -> list[Hit]:
    """Every hit in `text`, most serious kind first: injection, then bias and wording, then sensitive."""
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

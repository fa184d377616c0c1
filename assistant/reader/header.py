"""Who the notes are about: name candidates scored by where and how they appear, learnt from the corpus.

Every run of capitalised words (and every Chinese surname with one or two characters after it) is a
candidate; the model reads the words around each mention (after 'with', 'Hi', 'From:', before '(',
as a speaker tag), the titles beside it (one who leads others, or another job), how often and how early it
appears, whether it is a place or a team ('Hafod Primary'), other forms of the same name, and whether the
word rules chose it.
"""
from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass

from ..lexicon import load, retracted, vocab, zh_name
from ..notes.names import COURTESY_TITLE, INITIALS_BEFORE_NAME
from ..textutil import NAME_WORD, PARTICLE
from .features import hashed
from .people_zh import may_be_named
from .role import leads_others

NAME_CLASSES = ("none", "employee", "manager")
# (a surname opening with a capitalised particle whole, 'Noor Van den Berg', not 'Noor Van'; after a particle in lower
# case the first name alone, as before: 'Pieter' of 'Pieter van der Berg')
_EN_NAME = re.compile(r"(?<![\w'’])(" + INITIALS_BEFORE_NAME + NAME_WORD + r"(?:[ \t]+(?:(?=[A-Z])" + PARTICLE + r"(?:[ \t]+" + PARTICLE
                      + r")?[ \t]+" + NAME_WORD + "|" + NAME_WORD + r"|[A-Z]\.|(?!I\b)[A-Z](?![\w.'’&/])))?)(?![\w'’])")  # not the 'O' of 'O&M'
_CJK = re.compile(r"[\u4e00-\u9fff]")
_WORDS = re.compile(r"[a-z]+|[:(),@>\-–—|]|[\u3400-\u9fff]")
_LATIN_WORDS = re.compile(r"[a-z]+")
_ME = re.compile(r"""=\s*["“']?me\b|\bme["”']?\s*=|\(me\)|（我）|\(我\)""", re.I)  # 'BS = me', 'Bev (me)', 'notes = "Me"'
# Between the fields of a header line, not inside brackets: 'Owen Pryce (transport manager) with Nadia Haddad, driver'.
_SEPARATOR = re.compile(r"[|;\t｜；]|,(?![^(（]*[)）])|，|\s(?:with|and|[-–—/&])\s(?![^(（]*[)）])|和|与|跟")
NEAR = 4  # words (Latin) or characters x 2 (Chinese) either side of a mention that can hold a title


@functools.cache
def _titles() -> tuple[frozenset[str], frozenset[str], tuple[str, ...], tuple[str, ...], frozenset[str]]:
    """Lead titles and other job words (English words; Chinese title endings), and organisation words."""
    en, zh = load("vocabulary", "en")["names"], load("vocabulary", "zh")["names"]
    lead_en = frozenset(en["lead_titles"])
    return (lead_en, frozenset(load("roles", "en")["terms"]) - lead_en, tuple(zh["lead_titles"]),
            tuple(t for t in load("roles", "zh")["terms"] if t not in zh["lead_titles"]), frozenset(en["organisation_words"]))


def _title_near(line: str, a: int, b: int) -> str:
    """'lead' when a title of one who leads others stands beside the mention in its line, 'job' for another job
    word, else 'none'."""
    lead_en, job_en, lead_zh, job_zh, _ = _titles()
    before, after_fields = _SEPARATOR.split(line[:a])[-1], _SEPARATOR.split(line[b:])  # the field the mention is in
    after = after_fields[0] if after_fields[0].strip() or len(after_fields) == 1 else after_fields[1]  # 'Nadia, driver'
    around = _LATIN_WORDS.findall(before.lower())[-NEAR:] + _LATIN_WORDS.findall(after.lower())[:NEAR]
    near_zh = before[-2 * NEAR:] + " " + after[:2 * NEAR]
    if any(w in lead_en for w in around) or any(t in near_zh for t in lead_zh):
        return "lead"
    if any(w in job_en for w in around) or any(t in near_zh for t in job_zh):
        return "job"
    return "none"


@dataclass(frozen=True)
class Candidate:
    text: str
    features: tuple[str, ...]
    chosen_never: bool = False  # a job title in capitals ('Driving Examiner', 'Artist'), or Chinese words no name is
    # written with ('费员' of '收费员', '周内把' of '两周内把…'): read as the others are, never chosen


def _zh_names(text: str) -> list[re.Match[str]]:
    """Every run a Chinese name may open, as the model learnt them: a surname and any one or two characters."""
    return list(re.finditer(rf"(?<![\u4e00-\u9fff]{{2}}){zh_name(loose=True)}", text))


def _title_before_name(word: str, before: str, after: str) -> bool:
    """The last word of a title of one who leads others, after another word of it, opening a pair of capitalised
    words that a name follows: 'Leader' of 'Payroll Team Leader Graham Whitcombe' (not 'Head' of 'Head Chef Marco
    Rossi', nor the name 'Dean' of 'Dean Alexander Walsh')."""
    return (leads_others(word) and re.search(NAME_WORD + r"[ \t]+$", before) is not None
            and re.match(r"[ \t]+" + NAME_WORD, after) is not None)


def candidates(text: str, rule_employee: str | None, rule_manager: str | None) -> list[Candidate]:
    lines = text.split("\n")
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line) + 1)
    mentions: dict[str, list[tuple[int, int]]] = {}
    not_names = set(load("vocabulary", "en")["names"]["not_names"])
    at = 0
    while m := _EN_NAME.search(text, at):
        name, start, at = m.group(1), m.start(1), m.end()
        first = name.split()[0]
        if first != name and _title_before_name(first, text[max(0, start - 40):start], text[m.end(1):]):
            at = start + len(first)  # 'Payroll Team Leader Graham Whitcombe': the name starts after the title
            continue
        if first in not_names:  # 'Hi Priya' -> 'Priya'; 'From' alone is no candidate
            rest = name[len(first):].lstrip()
            name, start = rest, m.end(1) - len(rest)
        if re.fullmatch(COURTESY_TITLE, name):
            continue  # 'Mr' of 'Mr. Ortiz': a title, the name after it a candidate of its own
        if len(name) >= 2 and not name.endswith(".") and not retracted(text, start + len(name)):
            mentions.setdefault(name, []).append((start, start + len(name)))  # (not a name taken back: 'Margit — sorry, Margrit')
    for m in _zh_names(text):
        if may_be_named(m.group(0)) and not retracted(text, m.end()):  # not '储中心' of '仓储中心'
            mentions.setdefault(m.group(0), []).append((m.start(), m.end()))
    out = []
    total = max(len(text), 1)
    organisation = _titles()[4]
    job_word = vocab("roles", "terms", "en")
    for name, spans in mentions.items():
        if name.endswith(("'s", "’s")):
            continue  # someone's something ('Ambrose's clerk'): never how the employee is named alone
        first = name.split()[0]
        # a word of an organisation in it, or just after it on its line: 'Hartwell Ground Investigations Ltd'
        org = any(w in organisation for w in name.split()) or any(
            (nxt := re.match(r"[ \t]+([A-Z][\w&'’-]*)", text[b:b + 40])) is not None and nxt.group(1) in organisation for _, b in spans)
        forms = sum(other != name and (other.split()[0] == first or name in other or other in name)
                    for other in mentions)
        feats = [f"n:{min(len(spans), 5)}", f"words:{len(name.split())}", f"tok:{first.lower()}",
                 f"rule_emp:{bool(rule_employee) and name in (rule_employee or '')}",
                 f"rule_mgr:{bool(rule_manager) and name in (rule_manager or '')}",
                 f"cjk:{bool(_CJK.match(name))}", f"len:{len(name)}", f"forms:{min(forms, 2)}",
                 f"org:{org}"]
        for k, (a, b) in enumerate(spans[:6]):
            line_no = bisect.bisect_right(starts, a) - 1
            line_start = starts[line_no]
            line = lines[line_no]
            near = _title_near(line, a - line_start, b - line_start)
            feats += [f"near:{near}", f"me:{bool(_ME.search(line)) and near != 'job'}"]
            before = _WORDS.findall(text[max(line_start, a - 30):a].lower())[-2:]
            after = _WORDS.findall(text[b:b + 20].lower())[:2]
            where = "first" if k == 0 else "later"
            feats += [f"{where}_line:{min(line_no, 4)}", f"{where}_pos:{min(int(10 * a / total), 9)}",
                      f"at_line_start:{a == line_start + len(text[line_start:a]) - len(text[line_start:a].lstrip())}"]
            feats += [f"b1:{before[-1] if before else '^'}", f"b2:{'_'.join(before)}",
                      f"a1:{after[0] if after else '$'}", f"a2:{'_'.join(after)}"]
            if k == 0:
                feats += [f"first_b1:{before[-1] if before else '^'}", f"first_a1:{after[0] if after else '$'}"]
        cjk = _CJK.match(name) is not None
        out.append(Candidate(name, tuple(feats), chosen_never=job_word.search(name) is not None if not cjk
                             else not re.fullmatch(zh_name(), name) and "·" not in name))
    return out


def rows(cands: list[Candidate]) -> list[list[int]]:
    return [hashed(["bias", *c.features]) for c in cands]

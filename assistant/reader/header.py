"""Who the notes are about: name candidates scored by where and how they appear, learnt from the corpus.

Every run of capitalised words (and every Chinese surname with one or two characters after it) is a
candidate; the model reads the words around each mention (after 'with', 'Hi', 'From:', before '(',
as a speaker tag), how often and how early it appears, and whether the word rules chose it.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from ..lexicon import load, zh_name
from ..textutil import NAME_WORD
from .features import hashed

NAME_CLASSES = ("none", "employee", "manager")
_EN_NAME = re.compile(r"(?<![\w'’])(" + NAME_WORD + r"(?:[ \t]+(?:" + NAME_WORD + r"|[A-Z]\.))?)(?![\w'’])")
_CJK = re.compile(r"[\u4e00-\u9fff]")
_WORDS = re.compile(r"[a-z]+|[:(),@>\-–—|]|[\u3400-\u9fff]")


@dataclass(frozen=True)
class Candidate:
    text: str
    features: tuple[str, ...]


def _zh_names(text: str) -> list[re.Match[str]]:
    return list(re.finditer(rf"(?<![\u4e00-\u9fff]{{2}}){zh_name()}", text))


def candidates(text: str, rule_employee: str | None, rule_manager: str | None) -> list[Candidate]:
    lines = text.split("\n")
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line) + 1)
    mentions: dict[str, list[tuple[int, int]]] = {}
    not_names = set(load("vocabulary")["names"]["not_names_en"])
    for m in _EN_NAME.finditer(text):
        name, start = m.group(1), m.start(1)
        first = name.split()[0]
        if first in not_names:  # 'Hi Priya' -> 'Priya'; 'From' alone is no candidate
            rest = name[len(first):].lstrip()
            name, start = rest, m.end(1) - len(rest)
        if len(name) >= 2 and not name.endswith("."):
            mentions.setdefault(name, []).append((start, start + len(name)))
    for m in _zh_names(text):
        mentions.setdefault(m.group(0), []).append((m.start(), m.end()))
    out = []
    total = max(len(text), 1)
    for name, spans in mentions.items():
        first = name.split()[0]
        feats = [f"n:{min(len(spans), 5)}", f"words:{len(name.split())}", f"tok:{first.lower()}",
                 f"rule_emp:{bool(rule_employee) and name in (rule_employee or '')}",
                 f"rule_mgr:{bool(rule_manager) and name in (rule_manager or '')}",
                 f"cjk:{bool(_CJK.match(name))}", f"len:{len(name)}"]
        for k, (a, b) in enumerate(spans[:6]):
            line_no = bisect.bisect_right(starts, a) - 1
            line_start = starts[line_no]
            before = _WORDS.findall(text[max(line_start, a - 30):a].lower())[-2:]
            after = _WORDS.findall(text[b:b + 20].lower())[:2]
            where = "first" if k == 0 else "later"
            feats += [f"{where}_line:{min(line_no, 4)}", f"{where}_pos:{min(int(10 * a / total), 9)}",
                      f"at_line_start:{a == line_start + len(text[line_start:a]) - len(text[line_start:a].lstrip())}"]
            feats += [f"b1:{before[-1] if before else '^'}", f"b2:{'_'.join(before)}",
                      f"a1:{after[0] if after else '$'}", f"a2:{'_'.join(after)}"]
            if k == 0:
                feats += [f"first_b1:{before[-1] if before else '^'}", f"first_a1:{after[0] if after else '$'}"]
        out.append(Candidate(name, tuple(feats)))
    return out


def rows(cands: list[Candidate]) -> list[list[int]]:
    return [hashed(["bias", *c.features]) for c in cands]

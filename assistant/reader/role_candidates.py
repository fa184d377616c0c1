"""The employee's role, learnt from the corpus: every phrase of the notes that ends in a job word is a
candidate ('sous chef', 'Tier 1 support agent', '客服专员'), scored by where and how it appears.

The model reads the words around each mention ('Role:', '(', 'our', 'as a', a name just before or after
it), how early it appears, whether a longer or shorter candidate holds it ('chef' in 'sous chef'), and
whether the word rules (`role.py`) chose it. A phrase holds a job word of `lexicons/roles.toml` or it is
no candidate: the reader never makes a role up.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..language import unspaced
from .features import hashed
from .role import is_role, job_words, says_no_job, spaced_words

ROLE_CLASSES = ("none", "role")
MAX_LINES = 60  # roles are given near the top, or in the first paragraphs of a long email
_TOKEN = re.compile(r"[A-Za-z][\w&'’.-]*\w|[A-Za-z]|\d+")
_CJK_RUN = re.compile(r"[\u4e00-\u9fff]+")
_CONTEXT = re.compile(r"[a-z]+|[:(),@>\-–—|/（）：｜]|[\u4e00-\u9fff]")
_SPLITS = re.compile(r"[,;:=()|（）｜]|\s[-–—]\s")  # a phrase of several words does not run across these, nor a header's dash


@dataclass(frozen=True)
class Candidate:
    text: str
    features: tuple[str, ...]


def _described(line: str, start: int) -> bool:
    """'she's brilliant with the residents', 'so much easier': a description, not a job."""
    before = re.findall(r"[\w'’]+", line[max(0, start - 12):start].lower())
    return bool(before and before[-1] in spaced_words("describes"))


def _mentions(lines: list[str]) -> dict[str, list[tuple[int, int, int]]]:
    """Every phrase of up to four words (or two to eight Chinese characters) that is a role, with where it is."""
    en, abbreviations, zh = job_words()
    not_first = spaced_words("not_first")
    found: dict[str, list[tuple[int, int, int]]] = {}
    for number, line in enumerate(lines[:MAX_LINES]):
        tokens = list(_TOKEN.finditer(line))
        for j, last in enumerate(tokens):
            ends_job = en.search(last.group(0)) or abbreviations.search(last.group(0))
            if not ends_job and not (j and is_role(line[tokens[j - 1].start():last.end()])):  # 'engineer II'
                continue
            for k in range(max(0, j - 3), j + 1):
                phrase = line[tokens[k].start():last.end()]
                if (is_role(phrase) and (k == j or not _SPLITS.search(phrase)) and tokens[k].group(0).lower() not in not_first
                        and not _described(line, tokens[k].start()) and not says_no_job(phrase)):
                    found.setdefault(phrase, []).append((number, tokens[k].start(), last.end()))
        for run in _CJK_RUN.finditer(line):
            chars = run.group(0)
            for end in range(2, len(chars) + 1):
                if not zh.search(chars[:end]):
                    continue
                for start in range(max(0, end - 8), end - 1):
                    if is_role(chars[start:end]):
                        found.setdefault(chars[start:end], []).append((number, run.start() + start, run.start() + end))
    return found


def _shape(phrase: str) -> tuple[str, str, str, str]:
    """Its length, capitalisation, first and last word (Chinese: length, first character, last two)."""
    if unspaced(phrase):
        return f"zh{min(len(phrase), 6)}", "zh", phrase[:1], phrase[-2:]
    words = phrase.split()
    caps = "".join("U" if w.isupper() else "T" if w[:1].isupper() else "l" for w in words)[:4]
    return str(len(words)), caps, words[0].lower(), words[-1].lower()


def candidates(text: str, name: str | None, rule_role: str | None) -> list[Candidate]:
    """The role candidates of the notes, for the employee `name` (as the reader names them)."""
    lines = text.split("\n")
    found = _mentions(lines)
    first_name = name.split()[0] if name else None
    rule = (rule_role or "").lower()
    out = []
    for phrase, spans in found.items():
        if first_name and re.search(rf"(?<!\w){re.escape(first_name)}(?!\w)", phrase):
            continue  # 'Océane. Chef popped in': a job title holds no one's name
        size, caps, first, last = _shape(phrase)
        feats = [f"n:{min(len(spans), 4)}", f"words:{size}", f"shape:{caps}", f"first:{first}", f"last:{last}",
                 f"rule:{bool(rule) and phrase.lower() == rule}",
                 f"rulein:{bool(rule) and (phrase.lower() in rule or rule in phrase.lower())}",
                 f"longer:{any(p != phrase and p.endswith(phrase) for p in found)}",
                 f"shorter:{any(p != phrase and phrase.endswith(p) for p in found)}"]
        for k, (number, a, b) in enumerate(spans[:4]):
            line = lines[number]
            where = "first" if k == 0 else "later"
            before = _CONTEXT.findall(line[max(0, a - 25):a].lower())[-2:]
            after = _CONTEXT.findall(line[b:b + 20].lower())[:2]
            at = line.find(first_name) if first_name else -1
            feats += [f"{where}_line:{min(number, 5)}", f"b1:{before[-1] if before else '^'}", f"b2:{'_'.join(before)}",
                      f"a1:{after[0] if after else '$'}", f"a2:{'_'.join(after)}", f"name_line:{at >= 0}",
                      f"start:{not line[:a].strip()}", f"{where}_near:{at >= 0 and abs(at - a) < 30}"]
            if at >= 0:
                feats.append(f"name_side:{'before' if at < a else 'after'}")
                gap = line[at + len(name or ""):a] if at < a else line[b:at]
                if len(gap) <= 4 and not re.search(r"\w", gap):  # 'Dana Ruiz (forklift op)', '前台主管 王磊'
                    feats.append(f"adjacent:{'after_name' if at < a else 'before_name'}:{gap.strip()[:1]}")
        out.append(Candidate(phrase, tuple(feats)))
    return out


def rows(cands: list[Candidate]) -> list[list[int]]:
    return [hashed(["bias", *c.features]) for c in cands]

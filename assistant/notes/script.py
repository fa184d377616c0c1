"""Notes written in traditional Chinese characters (Taiwan, Hong Kong) or in written Cantonese: read with the
simplified Mandarin word lists and written back in their own characters.

Folding changes one character for one (`lexicons/zh/script.toml`), so every offset in the folded notes is the
same in the notes as written: a sentence is quoted from the notes themselves, and the plan's words are turned back
with the characters these notes use (a stretch the notes hold copied as written, so a character they write two ways
comes back as each place writes it), a character's one traditional form elsewhere (the plan's own wording)."""
from __future__ import annotations

import collections
import dataclasses
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any, TypeVar

from pydantic import BaseModel

from ..lexicon import load

if TYPE_CHECKING:
    from ..schema import Plan, ReviewFlag
    from .sentences import NotesAnalysis

_Model = TypeVar("_Model", bound=BaseModel)  # a plan or a review flag

# Notes are in traditional characters when at least this many of their characters fold, and more of them than the
# characters only simplified Chinese writes ('们', '这'): simplified notes quoting a traditional line stay simplified.
AT_LEAST = 3
_KANA = re.compile(r"[\u3040-\u30ff]")  # Japanese: its kanji look traditional, but the notes are no Chinese


@cache
def _tables() -> tuple[dict[int, int], dict[int, int]]:
    table = load("script", "zh")
    written, simplified = table["traditional"], table["simplified"]
    return (str.maketrans(written["characters"], written["simplified"]),
            str.maketrans(simplified["characters"], simplified["traditional"]))


@cache
def _cantonese() -> tuple[frozenset[str], dict[int, int], re.Pattern[str] | None, dict[str, str]]:
    table = load("script", "zh").get("cantonese", {})
    phrases = {k: v for k, v in table.get("phrases", {}).items() if len(k) == len(v)}  # one for one, or offsets move
    return (frozenset(table.get("markers", "")), str.maketrans(table.get("characters", ""), table.get("mandarin", "")),
            re.compile("|".join(map(re.escape, sorted(phrases, key=len, reverse=True)))) if phrases else None, phrases)


def _in_mandarin(text: str) -> str:
    """Written Cantonese read as Mandarin, one character for one: '唔好再用' as '不要再用', '佢' as '他'."""
    _, words, phrase, phrases = _cantonese()
    text = phrase.sub(lambda m: phrases[m.group(0)], text) if phrase else text
    return text.translate(words)


def fold(text: str) -> str:
    """`text` in simplified characters, one for one (the same length, the same offsets)."""
    return text.translate(_tables()[0])


@dataclass(frozen=True)
class Script:
    """How one set of notes is written: their text as written and folded, and how to write simplified text back."""

    written: str
    folded: str
    back: dict[int, int | str]
    ambiguous: frozenset[str]  # simplified characters these notes write in two ways ('钟': '鍾' in a name, '鐘' in '分鐘')
    traditional: bool
    cantonese: bool

    @classmethod
    def of(cls, text: str) -> Script | None:
        """How notes in traditional characters or in written Cantonese are read; None for other notes (nothing to fold).
        Cantonese words ('佢', '冇') are read as their Mandarin ones and written back only where the plan quotes them."""
        spoken = _in_mandarin(text) if sum(text.count(c) for c in _cantonese()[0]) >= AT_LEAST else text
        simplified = fold(spoken)
        if simplified == text:
            return None  # English, simplified Mandarin: nothing folds (found at C speed, before counting characters)
        pairs = collections.Counter((f, c) for c, said, f in zip(text, spoken, simplified)
                                    if c == said and "\u3400" <= c <= "\u9fff")  # (the Cantonese words apart)
        changed = sum(n for (f, c), n in pairs.items() if f != c)
        simplified_only = sum(n for (f, c), n in pairs.items() if ord(c) in _tables()[1])
        traditional = changed >= max(AT_LEAST, simplified_only + 1) and len(_KANA.findall(text)) * 10 <= pairs.total()
        folded = simplified if traditional else spoken
        if folded == text:
            return None
        back: dict[int, int | str] = dict(_tables()[1]) if traditional else {}
        forms: dict[str, set[str]] = collections.defaultdict(set)
        for (simplified, written), _ in reversed(pairs.most_common()):  # the most used is set last, and stays
            if traditional:
                back[ord(simplified)] = written  # (a '郁' the notes write as it is stays '郁')
            forms[simplified].add(written)
        ambiguous = {c for c, f in forms.items() if len(f) > 1} | {f for c, said, f in zip(text, spoken, folded) if c != said}
        return cls(text, folded, back, frozenset(ambiguous), traditional, spoken != text)

    def read_as(self, text: str) -> str:
        """Other text (a name the caller gives, a correction) read as these notes are: folded the same way."""
        spoken = _in_mandarin(text) if self.cantonese else text
        return fold(spoken) if self.traditional else spoken

    def restore(self, text: str) -> str:
        """Simplified text in the notes' characters: a stretch the notes hold is copied from them as written (where
        they write a character two ways, the stretch around it says which), the rest character by character."""
        if not self.ambiguous.intersection(text):
            return text.translate(self.back)
        out, i = [], 0
        while i < len(text):
            at, end = self._longest_quote(text, i)
            if at is None:
                out.append(text[i].translate(self.back))
                i += 1
            else:
                out.append(self.written[at:at + end - i])
                i = end
        return "".join(out)

    def _longest_quote(self, text: str, i: int) -> tuple[int | None, int]:
        """Where the notes hold the longest stretch of `text` from `i` (of 2 characters or more), and its end."""
        at, end = None, i
        while end < len(text):
            found = self.folded.find(text[i:end + 1])
            if found < 0:
                break
            at, end = found, end + 1
        return (at, end) if at is not None and end - i >= 2 else (None, i)

    def written_plan(self, plan: Plan) -> Plan:
        """The plan in the notes' own characters."""
        return _each_text(plan, self.restore)

    def checked(self, plan: Plan, review: Callable[[Plan], list[ReviewFlag]]) -> list[ReviewFlag]:
        """The flags `review` gives a plan in the notes' characters, read folded as the notes are, and written back:
        the plan itself (the manager's own characters, '鍾' where the notes write '鐘' elsewhere) is not changed."""
        return [_each_text(flag, self.restore) for flag in review(_each_text(plan, self.read_as))]

    def written_analysis(self, analysis: NotesAnalysis) -> NotesAnalysis:
        """A copy of the analysis to show: the notes and their sentences as written, names and roles turned back."""
        def name(value: str | None) -> str | None:
            return self.restore(value) if value else value

        sentences = [dataclasses.replace(s, text=self.written[s.start:s.end], body=self.restore(s.body),
                                         action=self.restore(s.action)) for s in analysis.sentences]
        return dataclasses.replace(analysis, text=self.written, sentences=sentences,
                                   employee_name=name(analysis.employee_name), employee_role=name(analysis.employee_role),
                                   manager=name(analysis.manager))


def _each_text(model: _Model, change: Callable[[str], str]) -> _Model:
    def each(value: Any) -> Any:
        if isinstance(value, str):
            return change(value)
        if isinstance(value, list):
            return [each(v) for v in value]
        if isinstance(value, dict):
            return {k: each(v) for k, v in value.items()}
        return value
    return type(model).model_validate(each(model.model_dump(mode="json")))

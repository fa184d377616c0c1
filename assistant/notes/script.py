"""Notes written in traditional Chinese characters (Taiwan, Hong Kong): read with the simplified word lists and
written back in their own characters.

Folding changes one character for one (`lexicons/zh/script.toml`), so every offset in the folded notes is the
same in the notes as written: a sentence is quoted from the notes themselves, and the plan's words are turned back
with the characters these notes use (where one simplified character stands for two of theirs, the one they use
most), the usual traditional form elsewhere (the plan's own wording)."""
from __future__ import annotations

import collections
import dataclasses
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any

from ..lexicon import load

if TYPE_CHECKING:
    from ..schema import Plan
    from .sentences import NotesAnalysis

# Notes are in traditional characters when at least this many of their characters fold, and this share of their
# Chinese ones: simplified notes hold the odd '著' or '乾', which the table folds too.
AT_LEAST, SHARE = 3, 0.05


@cache
def _tables() -> tuple[dict[int, int], dict[int, int]]:
    table = load("script", "zh")
    written, simplified = table["traditional"], table["simplified"]
    return (str.maketrans(written["characters"], written["simplified"]),
            str.maketrans(simplified["characters"], simplified["traditional"]))


def fold(text: str) -> str:
    """`text` in simplified characters, one for one (the same length, the same offsets)."""
    return text.translate(_tables()[0])


@dataclass(frozen=True)
class Script:
    """How one set of notes is written: their text as written, and how to write simplified text back in it."""

    written: str
    back: dict[int, int | str]

    @classmethod
    def of(cls, text: str) -> Script | None:
        """The script of notes in traditional characters; None for any other notes (nothing to fold)."""
        folded = fold(text)
        used = collections.Counter((f, c) for c, f in zip(text, folded) if "\u3400" <= c <= "\u9fff")
        if sum(n for (f, c), n in used.items() if f != c) < max(AT_LEAST, SHARE * used.total()):
            return None
        back: dict[int, int | str] = dict(_tables()[1])
        for (simplified, written), _ in reversed(used.most_common()):  # the most used is set last, and stays
            back[ord(simplified)] = written  # (a '郁' the notes write as it is stays '郁')
        return cls(text, back)

    def restore(self, text: str) -> str:
        return text.translate(self.back)

    def written_plan(self, plan: Plan) -> Plan:
        """The plan in the notes' own characters."""
        return _each_text(plan, self.restore)

    @staticmethod
    def folded_plan(plan: Plan) -> Plan:
        """The plan in simplified characters, as the checks read it against the folded notes."""
        return _each_text(plan, fold)

    def written_analysis(self, analysis: NotesAnalysis) -> NotesAnalysis:
        """A copy of the analysis to show: the notes and their sentences as written, names and roles turned back."""
        def name(value: str | None) -> str | None:
            return self.restore(value) if value else value

        sentences = [dataclasses.replace(s, text=self.written[s.start:s.end], body=self.restore(s.body),
                                         action=self.restore(s.action)) for s in analysis.sentences]
        return dataclasses.replace(analysis, text=self.written, sentences=sentences,
                                   employee_name=name(analysis.employee_name), employee_role=name(analysis.employee_role),
                                   manager=name(analysis.manager))


def _each_text(plan: Plan, change: Callable[[str], str]) -> Plan:
    def each(value: Any) -> Any:
        if isinstance(value, str):
            return change(value)
        if isinstance(value, list):
            return [each(v) for v in value]
        if isinstance(value, dict):
            return {k: each(v) for k, v in value.items()}
        return value
    return type(plan).model_validate(each(plan.model_dump(mode="json")))

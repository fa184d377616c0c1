"""The one interface every drafter implements, and what it is given besides the notes."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

from ..errors import PlanCoachError
from ..notes import NotesAnalysis
from ..policy import Policy, current_policy
from ..schema import Plan, Source

if TYPE_CHECKING:  # importing the knowledge package loads Chroma (~1 s): the pipeline does so only to retrieve
    from ..knowledge import Passage


@dataclass
class DraftContext:
    """What retrieval found, and the policy's rules a plan must respect."""

    samples: list[Passage] = field(default_factory=list)
    policy: list[Passage] = field(default_factory=list)
    rules: Policy = field(default_factory=current_policy)

    def sources(self) -> list[Source]:
        seen: dict[str, Source] = {}
        for p in [*self.samples, *self.policy]:
            seen.setdefault(p.path, Source(title=p.title, path=p.path, kind=p.kind))
        return list(seen.values())


class DraftingError(PlanCoachError, RuntimeError):
    """A drafter could not produce a plan; the message says what to fix. The notes are untouched."""

    exit_code = 1  # the draft failed (a model server, a prompt file): not a plan with errors, not bad input


class Drafter(Protocol):
    name: str

    def draft(self, analysis: NotesAnalysis, context: DraftContext) -> Plan:
        """A plan drawn from the analysed notes. Review flags are added afterwards by the checks."""
        ...

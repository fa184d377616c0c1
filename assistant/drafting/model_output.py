"""What the model writes: the part of a plan an LLM drafts, as a schema with caps.

Lists and strings are capped: small models loop without caps, and the caps become grammar limits on
servers that turn the schema into one. Each cap is written once, on its field; text that other code
builds for these fields (grounding fills them from the notes analysis) is cut with `capped`, which
reads the same cap, so that building a draft never fails validation on a long sentence.
"""
from __future__ import annotations

import json
from functools import lru_cache
from typing import TypeVar

from pydantic import BaseModel, ConfigDict, Field


class _Strict(BaseModel):
    model_config = ConfigDict(extra="ignore")


class DraftDeficiency(_Strict):
    id: str = Field(max_length=4, description="D1, D2, ...")
    area: str = Field(max_length=80, description="Short name of the performance area.")
    source_sentences: list[str] = Field(max_length=4, description="Ids of the note sentences that show it (S1...).")
    evidence: str = Field(default="", max_length=300, description="Optional: words quoted from the notes; "
                          "when left out, the cited sentences are quoted.")


class DraftCause(_Strict):
    cause: str = Field(max_length=200)
    deficiency_ids: list[str] = Field(default_factory=list, max_length=3)
    source_sentences: list[str] = Field(default_factory=list, max_length=3)


class DraftGoal(_Strict):
    """The model names and links a goal; its metric, baseline, target and deadline are the analysis's.

    Numbers and dates are what small models misread, and copying them costs seconds of generation,
    so they are never the model's to write (a goal the analysis has no target for is not a SMART goal).
    """

    id: str = Field(max_length=4, description="G1, G2, ...")
    deficiency_ids: list[str] = Field(max_length=3)
    description: str = Field(max_length=160, description="What the employee will achieve, in a short sentence.")


class PlanDraft(_Strict):
    """The part of a plan the model writes: what needs reading between the lines (which shortfalls
    belong together, what to call them, why they happened, what each goal is about).

    Who does what, by when, and the check-in dates are facts the analysis finds in the notes; on
    2 cores every token a small model writes costs ~0.1 s, so the model is not asked to copy them.
    """

    deficiencies: list[DraftDeficiency] = Field(max_length=5)
    root_causes: list[DraftCause] = Field(max_length=3)
    goals: list[DraftGoal] = Field(max_length=4)


def cap(model: type[BaseModel], field: str) -> int | None:
    """The `max_length` of `model.field` (characters of a string, items of a list), or None."""
    return next((m.max_length for m in model.model_fields[field].metadata if getattr(m, "max_length", None)), None)


Capped = TypeVar("Capped", str, list)


def capped(model: type[BaseModel], field: str, value: Capped) -> Capped:
    """`value` cut to the length `model.field` allows: a list to its first items, a text ending in '…'."""
    limit = cap(model, field)
    if limit is None or len(value) <= limit:
        return value
    return value[:limit] if isinstance(value, list) else value[: limit - 1].rstrip() + "…"


def within_caps(data: dict) -> dict:
    """A model's answer with lists longer than the schema allows cut, not rejected: the caps exist to stop
    small models looping, and the first items are the ones it meant."""
    return {name: capped(PlanDraft, name, value) if name in PlanDraft.model_fields and isinstance(value, list) else value
            for name, value in data.items()}


@lru_cache(maxsize=1)
def _draft_schema_json() -> str:
    return json.dumps(PlanDraft.model_json_schema())


def draft_json_schema() -> dict:
    """A fresh copy each time (callers nest it into requests); pydantic takes ~10 ms to build it."""
    return json.loads(_draft_schema_json())

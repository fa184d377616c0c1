"""The improvement plan: the public contract shared by drafters, checks, storage, exports and the UI.

Field names are read by other tools (the evaluation harness, HR systems), so they are stable.
`plan.schema.json` beside this file is the exported JSON Schema; a test keeps it in sync.
"""
from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from pathlib import Path
from typing import Literal, TypeGuard, get_args

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, model_validator

SCHEMA_FILE = Path(__file__).with_name("plan.schema.json")

Language = Literal["en", "zh"]  # what the notes are written in, and so the plan
Owner = Literal["employee", "manager", "organisation"]
OWNERS: tuple[Owner, ...] = get_args(Owner)  # in the order plans list them
Severity = Literal["error", "warning", "info"]
FlagKind = Literal[
    "smart",  # a goal lacks a metric, a numeric target, a deadline or a deficiency
    "grounding",  # evidence or numbers not found in the notes
    "bias",  # a remark about who the employee is: protected traits, coded terms
    "wording",  # a judgement without evidence: labels ('lazy'), absolutes ('always', 'never')
    "sensitive",  # health, medical, family or leave information: for HR, not the plan
    "injection",  # text addressing the assistant, treated as data
    "private",  # a remark the notes mark as the manager's own, kept out of the plan
    "insufficient",  # notes too thin to draft from
    "coverage",  # a part of the plan the notes leave empty (no goal for a deficiency, no support)
    "policy",  # plan length, check-in rhythm
    "assumption",  # a value the drafter had to assume (interview date, default deadline)
    "schema",  # the plan breaks a structural rule
]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=False)


class Employee(_Model):
    name: str | None = Field(default=None, description="The employee's name as the notes give it.")
    role: str | None = Field(default=None, description="Job title or role.")


class Period(_Model):
    start: dt.date | None = Field(default=None, description="First day of the plan (the interview date).")
    end: dt.date | None = Field(default=None, description="Last day of the plan (the latest goal deadline).")


class Deficiency(_Model):
    id: str = Field(description="Stable id such as D1, referenced by goals and causes.")
    area: str = Field(description="Short name of the performance area.")
    evidence: str = Field(description="Words taken from the notes that show the shortfall.")
    source_sentences: list[str] = Field(default_factory=list, description="Ids of the note sentences (S1, S2...).")
    manager_set: bool = Field(default=False, description="True when a manager wrote this, not drawn from the notes.")


class RootCause(_Model):
    cause: str = Field(description="Why the shortfall happened, from the employee's account or the notes.")
    deficiency_ids: list[str] = Field(default_factory=list)
    source_sentences: list[str] = Field(default_factory=list)


class Goal(_Model):
    id: str = Field(description="Stable id such as G1.")
    deficiency_ids: list[str] = Field(default_factory=list, description="Deficiencies this goal addresses.")
    description: str
    metric: str | None = Field(default=None, description="What is measured, apart from the target value.")
    baseline: str | None = Field(default=None, description="Where the employee stands now, from the evidence.")
    target: str | None = Field(default=None, description="The value to reach, holding a number: '>= 90%'.")
    deadline: dt.date | None = Field(default=None, description="ISO date by which the target is due.")
    source_sentences: list[str] = Field(default_factory=list)
    manager_set: bool = Field(
        default=False, description="True when the manager set target/baseline values that the notes do not hold."
    )


class Responsibility(_Model):
    owner: Owner = Field(description="employee, manager or organisation (other people, departments, the company).")
    party: str = Field(description="Who exactly: a name, 'HR minister', 'QA team', 'IT'.")
    action: str
    due: dt.date | None = None
    goal_ids: list[str] = Field(default_factory=list)
    source_sentences: list[str] = Field(default_factory=list)


class CheckIn(_Model):
    date: dt.date
    focus: str


class ReviewFlag(_Model):
    kind: FlagKind
    severity: Severity
    message: str
    location: str | None = Field(default=None, description="The field it concerns (goals[0].target) or notes:S4.")
    suggestion: str | None = Field(default=None, description="Neutral wording or the fix to make.")
    sentence_ids: list[str] = Field(default_factory=list, description="Note sentences to highlight.")


SourceKind = Literal["sample", "policy"]


def is_source_kind(value: str) -> TypeGuard[SourceKind]:
    return value in get_args(SourceKind)


def is_owner(value: str) -> TypeGuard[Owner]:
    return value in OWNERS


class Source(_Model):
    title: str
    path: str
    kind: SourceKind


class Plan(_Model):
    status: Literal["draft", "insufficient_information"]
    language: Language = "en"
    drafter: str = Field(description="Which drafter produced the plan: 'embedded' or 'llm:<model>'.")
    employee: Employee = Field(default_factory=Employee)
    manager: str | None = None
    interview_date: dt.date | None = None
    period: Period = Field(default_factory=Period)
    deficiencies: list[Deficiency] = Field(default_factory=list)
    root_causes: list[RootCause] = Field(default_factory=list)
    goals: list[Goal] = Field(default_factory=list)
    responsibilities: list[Responsibility] = Field(default_factory=list)
    check_ins: list[CheckIn] = Field(default_factory=list)
    review_flags: list[ReviewFlag] = Field(default_factory=list)
    sources: list[Source] = Field(default_factory=list, description="Sample plans and policy the draft drew on.")

    @model_validator(mode="after")
    def _cross_field_rules(self, info: ValidationInfo) -> Plan:
        if info.context and info.context.get("lenient"):
            return self  # a person's edit in progress: kept, and its rule errors shown as flags instead
        errors = plan_rule_errors(self)
        if errors:
            raise ValueError("; ".join(errors))
        return self


def load_plan_lenient(data: dict | str) -> Plan:
    """A stored or edited plan even while it breaks a cross-field rule (the checks flag it)."""
    if isinstance(data, str):
        data = json.loads(data)
    return Plan.model_validate(data, context={"lenient": True})


def plan_rule_errors(plan: Plan) -> list[str]:
    """The cross-field rules, as readable sentences (also used to re-ask an LLM)."""
    errors: list[str] = []
    def_ids = [d.id for d in plan.deficiencies]
    goal_ids = [g.id for g in plan.goals]
    for kind, ids in (("deficiency", def_ids), ("goal", goal_ids)):
        dupes = sorted(i for i, n in Counter(ids).items() if n > 1)  # linear: ids.count took 82 s on 50,000 goals
        if dupes:
            errors.append(f"{kind} ids must be unique: {', '.join(dupes)} repeated")
    known_defs, known_goals = set(def_ids), set(goal_ids)
    for i, g in enumerate(plan.goals):
        for ref in g.deficiency_ids:
            if ref not in known_defs:
                errors.append(f"goals[{i}] refers to deficiency {ref}, which does not exist")
        if g.deadline and plan.interview_date and g.deadline <= plan.interview_date:
            errors.append(
                f"goals[{i}].deadline {g.deadline} must fall after the interview date {plan.interview_date}"
            )
    for i, c in enumerate(plan.root_causes):
        for ref in c.deficiency_ids:
            if ref not in known_defs:
                errors.append(f"root_causes[{i}] refers to deficiency {ref}, which does not exist")
    for i, r in enumerate(plan.responsibilities):
        for ref in r.goal_ids:
            if ref not in known_goals:
                errors.append(f"responsibilities[{i}] refers to goal {ref}, which does not exist")
    if plan.status == "draft" and (not plan.deficiencies or not plan.goals):
        errors.append("a plan with status 'draft' needs at least one deficiency and one goal")
    return errors


def plan_json_schema() -> dict:
    schema = Plan.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "https://plancoach.dev/schema/plan.schema.json"
    return schema


def plan_json_schema_text() -> str:
    return json.dumps(plan_json_schema(), indent=2, ensure_ascii=False) + "\n"

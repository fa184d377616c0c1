"""The organisation's plan policy, as the numbers drafters, grounding and the checks apply: one object.

- `plan_default_days`: how long a plan runs when the notes give no deadline at all;
- `plan_max_days`: the longest a plan may run (a goal due later gets a warning);
- `check_in_max_gap_days`: the longest gap between two check-ins.

They are read from the front matter of the policy file (`knowledge/policy/improvement-plan-policy.md`, or an
organisation's own policy file in PLANCOACH_KNOWLEDGE_DIRS: the first file whose front matter names one of
them), so that the policy a manager reads and the numbers a plan is checked against are one document. A
PLANCOACH_* variable set in the environment wins over the file; where neither says, the settings' default.
"""
from __future__ import annotations

import datetime as dt
import itertools
import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Annotated

import yaml
from pydantic import TypeAdapter, ValidationError

from .frontmatter import FRONT_MATTER
from .package_data import bundled
from .settings import Settings, SettingsError, get_settings

FIELDS = ("plan_default_days", "plan_max_days", "check_in_max_gap_days")


@dataclass(frozen=True)
class Policy:
    plan_default_days: int
    plan_max_days: int
    check_in_max_gap_days: int

    @classmethod
    def of(cls, settings: Settings) -> Policy:
        """The policy `settings` name: set variables, then the policy file, then the settings' defaults."""
        values = {name: getattr(settings, name) for name in FIELDS}
        folders = tuple(settings.knowledge_dirs or [bundled("knowledge")])
        for name, value in policy_file_values(folders, _signature(folders)).items():
            if name not in settings.model_fields_set:
                values[name] = value
        if values["plan_default_days"] > values["plan_max_days"]:
            raise SettingsError(f"The default plan length ({values['plan_default_days']} days) is longer than the longest "
                                f"plan the policy allows ({values['plan_max_days']} days): lower PLANCOACH_PLAN_DEFAULT_DAYS "
                                "or raise PLANCOACH_PLAN_MAX_DAYS (or the policy file's plan_default_days / plan_max_days).")
        return cls(**values)

    def default_end(self, start: dt.date) -> dt.date:
        """The end of a plan starting `start` whose notes give no deadline."""
        return start + dt.timedelta(days=self.plan_default_days)

    def long_gaps(self, dates: list[dt.date]) -> list[tuple[dt.date, dt.date]]:
        """The pairs of consecutive `dates` further apart than the policy allows between check-ins."""
        return [(a, b) for a, b in itertools.pairwise(dates) if (b - a).days > self.check_in_max_gap_days]

    def check_in_dates(self, start: dt.date, end: dt.date, every: int | None = None) -> list[dt.date]:
        """Check-ins from `start` to `end`, the last on `end` (the final review), no more than the policy's gap
        apart. `every`: the days between check-ins the notes state ('every two weeks'), kept where the policy
        allows it, the last step joining the final review when it would fall within half a step of it. Otherwise
        spread evenly, two at least in a plan of over two weeks (a progress review before the final one)."""
        days = max(1, (end - start).days)
        if every and every < self.check_in_max_gap_days and every < days:
            steps = [start + dt.timedelta(days=every * k) for k in range(1, days // every + 1)]
            return [d for d in steps if (end - d).days >= every / 2] + [end]
        count = max(math.ceil(days / self.check_in_max_gap_days), 2 if days > 14 else 1)
        return [start + dt.timedelta(days=round(days * k / count)) for k in range(1, count + 1)]


def check_in_span(start: dt.date | None, check_ins: list[dt.date], end: dt.date | None) -> list[dt.date]:
    """The days a plan's check-in gaps are measured between: the interview (else the first check-in), each
    check-in (`check_ins`: sorted, at least one), and the plan's `end` when it comes after the last."""
    points = [start or check_ins[0], *check_ins]
    if end and end > check_ins[-1]:
        points.append(end)
    return points


def current_policy() -> Policy:
    """The policy of this process's settings."""
    return Policy.of(get_settings())


def _signature(folders: tuple[Path, ...]) -> tuple:
    """What the policy file values depend on: each Markdown file and when it last changed (an edited policy
    applies to the next draft, without a restart)."""
    return tuple((path, path.stat().st_mtime_ns) for folder in folders if folder.is_dir()
                 for path in sorted(folder.rglob("*.md")))


@lru_cache(maxsize=8)
def policy_file_values(folders: tuple[Path, ...], _signature: tuple) -> dict[str, int]:
    """The policy numbers in the front matter of the first Markdown file under `folders` that gives any."""
    for path, _ in _signature:
        m = FRONT_MATTER.match(path.read_text(encoding="utf-8", errors="replace"))
        try:
            meta = yaml.safe_load(m.group(1)) if m else None
        except yaml.YAMLError:
            continue  # the ingest skips the file with a warning that says why
        if not isinstance(meta, dict) or not set(FIELDS) & set(meta):
            continue
        return {name: _checked(path, name, meta[name]) for name in FIELDS if name in meta}
    return {}


def _checked(path: Path, name: str, value: object) -> int:
    """`value` as the setting `name` accepts it (its type and range), or a SettingsError naming the file."""
    field = Settings.model_fields[name]
    try:
        # The type is the field's, built at run time: no static form of it to check.
        adapter: TypeAdapter[int] = TypeAdapter(Annotated[field.annotation, *field.metadata])  # type: ignore[arg-type]
        return adapter.validate_python(value, strict=True)
    except ValidationError as exc:
        msg = exc.errors()[0]["msg"]
        raise SettingsError(f"{path}: its front matter gives {name}: {value!r}, which is not allowed ({msg[:1].lower()}"
                            f"{msg[1:]}); fix it between the '---' lines or set PLANCOACH_{name.upper()}") from None

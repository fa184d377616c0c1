"""What the web workspace does, as plain functions: the Gradio UI and its API are thin layers on this.

Every function takes and returns plans and ids, never UI components, so the same steps are
used by the browser, by `gradio_client` and by the tests.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from .export import to_docx, to_json, to_markdown, to_pdf
from .merge import merge_edits
from .notes import NotesAnalysis
from .output import export_folder, safe_file_name
from .pipeline import DraftResult, draft_plan, recheck_with_analysis
from .reader import Correction
from .schema import Plan
from .settings import Settings, get_settings
from .storage import PlanStore, open_store

EXPORTS = {"markdown": (".md", "text"), "docx": (".docx", "bytes"), "pdf": (".pdf", "bytes"), "json": (".json", "text")}


@dataclass
class Workspace:
    settings: Settings
    store: PlanStore

    @classmethod
    def open(cls, settings: Settings | None = None) -> "Workspace":
        settings = settings or get_settings()
        return cls(settings, open_store(settings.resolved_database_url(), settings.max_notes_chars))

    def draft(self, notes: str, *, employee: str | None = None, role: str | None = None,
              interview_date: dt.date | None = None, author: str = "manager", plan_id: str | None = None,
              drafter: str | None = None, corrections: tuple[Correction, ...] = ()) -> tuple[str, Plan, NotesAnalysis]:
        """Draft from notes and store the draft as a version (of a new plan, or of `plan_id`). The notes are read
        with every correction the organisation's managers made (`store.corrections`), and `corrections` on top."""
        corrections = tuple(corrections) + self.store.corrections()
        result = draft_plan(notes, employee=employee or None, role=role or None, interview_date=interview_date,
                            drafter=drafter, settings=self.settings, corrections=corrections)
        plan = result.plan
        if plan_id:
            self.store.save_version(plan_id, plan, notes, author, kind="draft")
            return plan_id, plan, result.analysis
        return self.store.create(notes, plan, author), plan, result.analysis

    def redraft(self, plan_id: str, notes: str, edited: Plan | None, *, employee: str | None = None,
                role: str | None = None, interview_date: dt.date | None = None,
                author: str = "manager") -> tuple[Plan, NotesAnalysis, int | None]:
        """Draft `plan_id` again (after a correction) and keep the manager's edits: the edited plan is saved as
        a version first (its number returned when a new one was written) and its changes to the assistant's
        last draft are applied to the new draft (`merge.merge_edits`)."""
        versions = self.store.versions(plan_id)
        drafts = [v["number"] for v in versions if v["kind"] == "draft"]
        old = self.store.version(plan_id, drafts[-1]) if drafts else None
        kept = None
        if edited is not None:
            number = self.save(plan_id, edited, notes, author)
            kept = number if number > len(versions) else None
        _, plan, analysis = self.draft(notes, employee=employee, role=role, interview_date=interview_date,
                                       author=author, plan_id=plan_id)
        if edited is not None and old is not None:
            checked = self.check(merge_edits(old, edited, plan), notes, plan_id)
            plan, analysis = checked.plan, checked.analysis
        return plan, analysis, kept

    def correct(self, plan_id: str, correction: Correction, author: str = "manager") -> None:
        """Keep the manager's reading of a sentence with the plan; later drafts (of any plan) learn from it."""
        self.store.add_correction(plan_id, correction, author)

    def check(self, plan: Plan, notes: str | None, plan_id: str | None = None) -> DraftResult:
        """Re-run every check on an edited plan (with the analysis, for highlighting); the working copy is autosaved."""
        checked = recheck_with_analysis(plan, notes, self.settings)
        if plan_id:
            self.store.autosave(plan_id, notes or "", checked.plan)
        return checked

    def save(self, plan_id: str, plan: Plan, notes: str, author: str = "manager") -> int:
        return self.store.save_version(plan_id, self.check(plan, notes).plan, notes, author, kind="edit")

    def export(self, plan: Plan, fmt: str, folder: Path | None = None) -> Path:
        """Write the plan as a document for download; the file name says whose plan it is. Exports go to a new
        folder under the data folder, and folders older than PLANCOACH_EXPORT_KEEP_MINUTES are removed."""
        if fmt not in EXPORTS:
            raise ValueError(f"unknown export format {fmt!r}: use one of {', '.join(EXPORTS)}")
        suffix, _ = EXPORTS[fmt]
        folder = folder or export_folder(self.settings.data_dir / "exports", self.settings.export_keep_minutes)
        path = folder / safe_file_name("improvement-plan-", plan.employee.name or "", suffix, folder)
        if fmt == "markdown":
            path.write_text(to_markdown(plan, include_review=False), encoding="utf-8")
        elif fmt == "json":
            path.write_text(to_json(plan), encoding="utf-8")
        elif fmt == "docx":
            path.write_bytes(to_docx(plan))
        else:
            path.write_bytes(to_pdf(plan))
        return path

"""The workspace tab's notes: typed or uploaded (and autosaved with the open plan), the employee, role and
interview date the draft starts from and the manager may change after it, the Draft and New plan buttons, and the
learning mode switch (kept with the person's account)."""
from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

import gradio as gr

from ..access import AccessDenied
from ..i18n import reword, text
from ..inputs import InputError, read_notes
from ..schema import Plan
from ..storage import WorkflowError
from .labels import label
from .parts import EMPTY_SESSION, FieldError, raising

if TYPE_CHECKING:
    from .draft_tab import DraftTab


def date_or_none(value: str, lang: str = "en") -> dt.date | None:
    """The interview date as typed (YYYY-MM-DD), or None when empty; anything else is refused beside the header."""
    value = (value or "").strip()
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise FieldError("header", text(lang, "errors.header_date", value=value)) from None


class NotesPanel:
    def __init__(self, tab: DraftTab):
        self.tab, self.page = tab, tab.page

    def build(self) -> None:
        error_slot = self.page.error_slot
        # The Draft button right under the notes (seen without scrolling on a laptop's screen, long notes scroll in
        # their box), and an upload button whose words are ours, in the interface language (Gradio's drop area
        # said "Drop File Here" in the browser's).
        self.notes = gr.Textbox(label=label("en", "notes"), info=label("en", "notes_info"), lines=12, max_lines=14,
                                elem_id="pc-notes")
        error_slot("notes")
        with gr.Row():
            self.draft_btn = gr.Button(label("en", "draft"), variant="primary", elem_id="pc-draft", min_width=100)
            self.new_btn = gr.Button(label("en", "new"), variant="secondary", elem_id="pc-new", min_width=100)
            self.upload = gr.UploadButton(label("en", "upload"), file_types=[".txt", ".md", ".docx"], elem_id="pc-upload",
                                          min_width=100)
        error_slot("draft")
        with gr.Row():
            self.employee = gr.Textbox(label=label("en", "employee"), elem_id="pc-employee", max_lines=1)
            self.role = gr.Textbox(label=label("en", "role"), elem_id="pc-role", max_lines=1)
            self.interview_date = gr.Textbox(label=label("en", "interview_date"), elem_id="pc-interview-date", max_lines=1)
        error_slot("header")
        self.learning = gr.Checkbox(label=label("en", "learning"), value=False, elem_id="pc-learning")
        self.header_fields = [self.employee, self.role, self.interview_date]

    # ------------------------------------------------------------ what is shown

    def header(self, plan: Plan | None) -> dict:
        """The header fields as `plan` says them (empty without a plan)."""
        if plan is None:
            return dict.fromkeys(self.header_fields, "")
        return {self.employee: plan.employee.name or "", self.role: plan.employee.role or "",
                self.interview_date: plan.interview_date.isoformat() if plan.interview_date else ""}

    def header_typed(self, values: dict) -> dict:
        """The header fields as typed (`values`: an event's inputs by component), as `tables.from_tables` reads them."""
        return {"employee": values[self.employee], "role": values[self.role], "interview_date": values[self.interview_date]}

    # ------------------------------------------------------------ handlers

    def upload_read(self, file, request: gr.Request):
        """An uploaded file's text in the notes box; a file that cannot be read is named as the manager knows it,
        never where the server keeps it."""
        if file is None:
            return {self.notes: gr.update()}
        lang = self.page.lang_of(self.page.who(request))
        path = Path(str(file))
        try:
            return {self.notes: read_notes(str(path), self.page.settings.max_notes_chars)}
        except InputError as exc:
            raise FieldError("notes", reword(str(exc).replace(str(path), path.name), lang)) from None

    def notes_changed(self, notes, session, request: gr.Request) -> dict:
        """Typed notes are kept in the browser and autosaved with the open plan."""
        session = dict(session or EMPTY_SESSION)
        session["notes"] = notes
        if session.get("plan_id"):
            try:
                session["revision"] = self.page.ws.autosave_notes(self.page.who(request), session["plan_id"], notes,
                                                                  session.get("revision"))
            except (AccessDenied, WorkflowError):
                session["plan_id"] = None  # not ours to change (any more): keep the notes in the browser only
        return {self.tab.session: session}

    def keep_learning(self, on, request: gr.Request) -> None:
        self.page.ws.preferences.set(self.page.who(request).name, learning=bool(on))

    # ------------------------------------------------------------ events and words

    def register(self) -> None:
        page, session = self.page, self.tab.session
        self.notes.change(raising(self.notes_changed), [self.notes, session], session, trigger_mode="always_last",
                          api_visibility="private")
        self.upload.upload(page.in_browser(self.upload_read, None, "notes"), self.upload,
                           [self.notes, *page.errors.values()], api_visibility="private")
        gr.Button(visible=False, elem_id="pc-api-upload").click(raising(self.upload_read), self.upload, self.notes,
                                                                 api_name="upload")
        self.learning.input(self.keep_learning, self.learning, None, api_visibility="private")

    def worded(self) -> list[tuple]:
        return [(self.upload, "label", "upload"), (self.employee, "label", "employee"), (self.role, "label", "role"),
                (self.interview_date, "label", "interview_date"), (self.draft_btn, "value", "draft"),
                (self.new_btn, "value", "new"), (self.learning, "label", "learning")]

    def relabelled(self, lang: str) -> dict:
        return {self.notes: {"label": label(lang, "notes"), "info": label(lang, "notes_info")}}

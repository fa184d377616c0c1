"""The workspace tab's steps on the whole plan: save a version, submit it to HR, start a revision of an approved
plan, export it (the employee's copy or HR's) for download, and the plan's preview as its headings will read."""
from __future__ import annotations

from typing import TYPE_CHECKING

import gradio as gr

from ..i18n import term, text
from ..schema import load_plan_lenient
from ..storage import StaleEdit, WorkflowError
from ..workspace import EXPORTS
from .labels import export_versions, label

if TYPE_CHECKING:
    from .draft_tab import DraftTab


class Actions:
    def __init__(self, tab: DraftTab):
        self.tab, self.page = tab, tab.page

    def build(self) -> None:
        with gr.Row():
            self.save_btn = gr.Button(label("en", "save"), elem_id="pc-save")
            self.submit_btn = gr.Button(label("en", "submit"), elem_id="pc-submit")
            self.revise_btn = gr.Button(label("en", "revise"), elem_id="pc-revise")
            self.export_fmt = gr.Dropdown(self._formats("en"), value="docx", label=label("en", "export_format"),
                                          elem_id="pc-export-format")
            self.export_for = gr.Radio(export_versions("en"), value="employee", label=label("en", "export_for"),
                                       elem_id="pc-export-for")
            self.export_btn = gr.Button(label("en", "export"), elem_id="pc-export")
        self.page.error_slot("actions")
        self.download = gr.File(label=label("en", "download"), interactive=False, elem_id="pc-download")
        with gr.Accordion(label("en", "preview"), open=False, elem_id="pc-preview") as self.preview_box:
            self.preview = gr.Markdown()

    @staticmethod
    def _formats(lang: str) -> list[tuple[str, str]]:
        return [(term(lang, "format", f), f) for f in EXPORTS]

    # ------------------------------------------------------------ handlers (values by component)

    def save(self, plan_data, notes, session, request: gr.Request) -> dict:
        """A version of the plan as it stands; refused when someone else changed it since, with their version beside
        this one (nothing is lost: the edit stays on the page)."""
        tab, user = self.tab, self.page.who(request)
        lang = self.page.lang_of(user)
        plan_id = (session or {}).get("plan_id")
        if not plan_data or not plan_id:
            raise WorkflowError(text(lang, "status.first_draft"))
        history = tab.history
        try:
            number = self.page.ws.save(user, plan_id, load_plan_lenient(plan_data), notes, (session or {}).get("revision"))
        except StaleEdit as exc:
            return {tab.status: text(lang, "refusals.stale", by=exc.by or "?", at=f"{exc.at:%Y-%m-%d %H:%M}"),
                    history.diff: exc.comparison, tab.session: session}
        return {tab.status: text(lang, "status.saved", number=number), history.compare: history.choices(user, plan_id, lang),
                history.diff: history.diff_text(user, plan_id, "draft", lang),
                tab.session: tab.session_of(user, plan_id, notes)}

    def submit(self, plan_data, notes, session, request: gr.Request) -> dict:
        tab, user = self.tab, self.page.who(request)
        lang = self.page.lang_of(user)
        plan_id = (session or {}).get("plan_id")
        if not plan_data or not plan_id:
            raise WorkflowError(text(lang, "status.first_draft"))
        self.page.ws.submit(user, plan_id, load_plan_lenient(plan_data), notes, (session or {}).get("revision"))
        return {tab.status: text(lang, "status.submitted"), tab.session: tab.session_of(user, plan_id, notes)}

    def export(self, fmt, audience, session, request: gr.Request) -> dict:
        user = self.page.who(request)
        plan_id = (session or {}).get("plan_id")
        if not plan_id:
            raise WorkflowError(text(self.page.lang_of(user), "status.first_draft"))
        return {self.download: str(self.page.ws.export(user, plan_id, fmt, audience=audience))}

    def revise(self, session, request: gr.Request) -> dict:
        """Start a revision of the open approved plan, and open it."""
        user = self.page.who(request)
        plan_id = (session or {}).get("plan_id")
        if not plan_id:
            raise WorkflowError(text(self.page.lang_of(user), "errors.select_plan"))
        return self.tab.opened(user, self.page.ws.revise(user, plan_id), "status.revision_started")

    # ------------------------------------------------------------ events and words

    def register(self) -> None:
        tab, both = self.tab, self.page.both
        history = tab.history
        both(self.save_btn, self.save, [tab.plan_state, tab.notes.notes, tab.session],
             [tab.status, history.compare, history.diff, tab.session], "save", "actions")
        both(self.submit_btn, self.submit, [tab.plan_state, tab.notes.notes, tab.session], [tab.status, tab.session],
             "submit", "actions")
        both(self.export_btn, self.export, [self.export_fmt, self.export_for, tab.session], [self.download], "export",
             "actions")
        both(self.revise_btn, self.revise, [tab.session], tab.opened_views, "revise", "actions", after=tab.fresh_history)

    def worded(self) -> list[tuple]:
        return [(self.save_btn, "value", "save"), (self.submit_btn, "value", "submit"), (self.revise_btn, "value", "revise"),
                (self.export_btn, "value", "export"), (self.download, "label", "download"),
                (self.preview_box, "label", "preview")]

    def relabelled(self, lang: str) -> dict:
        return {self.export_fmt: {"label": label(lang, "export_format"), "choices": self._formats(lang)},
                self.export_for: {"label": label(lang, "export_for"), "choices": export_versions(lang)}}

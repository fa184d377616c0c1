"""The workspace tab ("Draft and edit"): the notes and how they were read on the left; the status line, the plan's
tables, the steps on the plan and its history on the right.

It is built from parts by concern, each building its components and registering its events: the notes
(`NotesPanel`), their reading (`ReadingPanel`), the editable tables (`PlanTables`), the steps on the whole plan
(`Actions`) and the plan's history (`History`). What they share lives here: the browser's session (the open plan's
id, its revision and the notes, kept in local storage so a refresh loses nothing; the id is only a pointer, checked
against the signed-in user on every call), the plan being edited, undo's steps, the row picked for a move, the
status line and the plan's id; and so do the steps that show a whole plan: draft, open, new plan, page load.
"""
from __future__ import annotations

import contextlib

import gradio as gr

from ..access import EDITABLE, AccessDenied, User
from ..export import to_markdown
from ..i18n import term, text
from ..schema import Plan, load_plan_lenient
from ..storage import WorkflowError
from . import tables as T
from .actions import Actions
from .history import History
from .labels import drafted_by, label
from .notes_panel import NotesPanel, date_or_none
from .parts import EMPTY_SESSION, Page
from .plan_tables import PlanTables, counts, snapshot
from .reading import ReadingPanel

# Where a refusal is shown: beside the notes, the header fields, each table, and each row of buttons.
ERROR_SLOTS = ("notes", "header", "draft", "plan", *T.TABLES, "actions", "fix", "plans", "hr", "hr_comment")


class DraftTab:
    def __init__(self, page: Page):
        """Made inside the page's Blocks, before anything is built: the state its parts share comes first."""
        self.page = page
        self.session = gr.BrowserState(EMPTY_SESSION, storage_key="plancoach-session")
        self.plan_state = gr.State(None)
        self.undo_steps = gr.State([])  # the plan after each edit since the draft (or open): what undo steps back to
        self.picked = gr.State({})  # the table and row last selected: what Move up and Move down act on
        page.also = [self.undo_steps, self.picked]
        self.notes, self.reading, self.tables = NotesPanel(self), ReadingPanel(self), PlanTables(self)
        self.actions, self.history = Actions(self), History(page)

    def build(self) -> DraftTab:
        with gr.Tab(label("en", "tab_draft"), id="draft", visible=False) as self.tab, gr.Row():
            with gr.Column(scale=2):
                self.notes.build()
                self.reading.build()
            with gr.Column(scale=3):
                self.status = gr.Markdown(elem_classes="pc-status", elem_id="pc-status")
                self.page.error_slot("plan")
                self.history.build_comments()
                # The plan's id is the browser's pointer, not a word for the manager: kept on the page, never shown.
                self.plan_id_box = gr.Textbox(label=label("en", "plan_id"), interactive=False, elem_id="pc-plan-id",
                                              max_lines=1, elem_classes="pc-hidden")
                self.tables.build()
                self.actions.build()
                self.history.build()
        # Every view of a plan, and every view of an opened one: the named API endpoints' outputs, in their order.
        self.views = [*self.tables.tables, self.tables.flags, self.reading.highlight, self.reading.sources,
                      self.actions.preview, self.plan_state]
        self.opened_views = [*self.views, self.notes.notes, self.plan_id_box, self.status, *self.notes.header_fields,
                             self.session, self.history.compare, self.history.diff, self.history.comments]
        return self

    # ------------------------------------------------------------ what is shown

    def session_of(self, user: User, plan_id: str, notes: str) -> dict:
        return {"plan_id": plan_id, "notes": notes, "revision": self.page.ws.plan(user, plan_id).revision}

    def shown(self, plan: Plan, notes: str, lang: str, analysis=None, pending: T.Pending | None = None) -> dict:
        """`plan` in every view: its tables (with the rows not yet filled in), flags, highlighted notes, sources and
        preview, and the plan itself for the next step."""
        return {**self.tables.shown(plan, lang, pending), **self.reading.shown(plan, notes, lang, analysis),
                self.actions.preview: to_markdown(plan), self.plan_state: plan.model_dump(mode="json")}

    def empty(self, lang: str) -> dict:
        return {**self.tables.empty(lang), self.reading.highlight: [], self.reading.sources: "", self.actions.preview: "",
                self.plan_state: None}

    def fresh_history(self, named: dict) -> dict:
        """A plan drafted, re-drafted, opened or cleared: undo starts again from it."""
        if self.plan_state not in named:
            return named
        plan = named[self.plan_state]
        return {**named, self.undo_steps: [snapshot(plan)] if isinstance(plan, dict) else [], self.picked: {}}

    def opened(self, user: User, plan_id: str, said: str = "status.opened") -> dict:
        """Everything the tab shows for a stored plan the user may read; `said`: the status line's words, by key."""
        lang = self.page.lang_of(user)
        stored = self.page.ws.plan(user, plan_id, "notes")  # the workspace shows the notes: never to the employee
        state = term(lang, "plan_status", stored.status)
        note = "" if stored.status in EDITABLE else text(lang, "status.read_only_submitted") \
            if stored.status == "submitted" else text(lang, "status.read_only")
        plan = stored.plan
        return {**(self.shown(plan, stored.notes, lang) if plan else {self.plan_state: None}),
                self.notes.notes: stored.notes, self.plan_id_box: plan_id,
                self.status: text(lang, said, status=state, note=note), **self.notes.header(plan),
                self.session: self.session_of(user, plan_id, stored.notes),
                **self.history.opened(user, plan_id, lang, diff=plan is not None)}

    def restored(self, user: User, session: dict, lang: str) -> dict:
        """Page load: reopen the plan this browser was working on (if this user may still read it), or its notes."""
        plan_id = session.get("plan_id")
        if plan_id:
            with contextlib.suppress(AccessDenied):
                return self.opened(user, plan_id, "status.reopened")
        # Nothing stored: leave the notes box alone. Sending "" raced with a manager who starts typing as
        # the page opens, and wiped what was typed (seen as a flaky browser test).
        return {self.plan_state: None, self.notes.notes: session.get("notes") or gr.update(), self.plan_id_box: None,
                self.status: "", **({self.session: EMPTY_SESSION} if plan_id else {}), **self.history.cleared(user, lang)}

    # ------------------------------------------------------------ handlers (values by component)

    def draft(self, notes, employee, role, interview_date, session, request: gr.Request,
              progress=gr.Progress()) -> dict:  # noqa: B008 -- Gradio finds the progress bar by this default
        user = self.page.who(request)
        lang = self.page.lang_of(user)
        employee, role, interview_date = self.typed_header(user, session, employee, role, interview_date)
        day = date_or_none(interview_date, lang)
        progress(0.1, desc=text(lang, "status.reading"))
        plan_id, plan, analysis = self.page.ws.draft(user, notes, employee=employee, role=role, interview_date=day)
        progress(0.9, desc=text(lang, "status.checking"))
        status = text(lang, "status.drafted", by=drafted_by(plan.drafter, lang),
                      deficiencies=len(plan.deficiencies), goals=len(plan.goals), errors=counts(plan)["errors"])
        history = self.history
        return {**self.shown(plan, notes, lang, analysis), self.session: self.session_of(user, plan_id, notes),
                self.plan_id_box: plan_id, self.status: status, **self.notes.header(plan),
                history.compare: history.choices(user, plan_id, lang),
                history.diff: text(lang, "status.no_changes", base=text(lang, "status.diff_base_draft")),
                history.comments: ""}

    def typed_header(self, user: User, session, *typed: str) -> tuple[str, ...]:
        """The employee, role and interview date the manager typed for a draft: a field still saying what the open
        plan says came from that plan's draft and is read from the notes again (the next person's notes pasted over
        the last ones were drafted under the last person's name)."""
        plan_id = (session or {}).get("plan_id")
        plan = None
        if plan_id:
            with contextlib.suppress(AccessDenied):
                plan = self.page.ws.plan(user, plan_id).plan
        if plan is None:
            return typed
        drafted = self.notes.header(plan)
        return tuple("" if value == drafted[field] else value for field, value in zip(self.notes.header_fields, typed))

    def opening(self, plan_id, request: gr.Request) -> dict:
        """A stored plan (picked in the list of plans) opened in the workspace tab."""
        user = self.page.who(request)
        if not plan_id:
            raise WorkflowError(text(self.page.lang_of(user), "errors.select_plan"))
        return self.opened(user, plan_id)

    def cleared(self, request: gr.Request) -> dict:
        """A new plan starts from nothing: no tables, header, notes, download, versions or stored session."""
        user = self.page.who(request)
        lang = self.page.lang_of(user)
        return {**self.empty(lang), self.session: EMPTY_SESSION, self.notes.notes: "", self.plan_id_box: None,
                self.status: text(lang, "status.new_plan"), **self.notes.header(None), self.actions.download: None,
                **self.history.cleared(user, lang)}

    # ------------------------------------------------------------ events and words

    def register(self, ui_lang: gr.Radio) -> None:
        page, notes, history = self.page, self.notes, self.history
        page.both(notes.draft_btn, self.draft, [notes.notes, *notes.header_fields, self.session],
                  [*self.views, self.session, self.plan_id_box, self.status, *notes.header_fields, history.compare,
                   history.diff, history.comments], "draft", "draft", clears=("notes", "header", "plan", *T.TABLES),
                  after=self.fresh_history, concurrency_limit=4)
        self.tables.register(ui_lang)
        self.reading.register()
        self.notes.register()
        self.actions.register()
        history.register(self.session)
        notes.new_btn.click(page.in_browser(self.cleared, None, "draft", clears=ERROR_SLOTS, after=self.fresh_history),
                            None, [*self.views, self.session, notes.notes, self.plan_id_box, self.status,
                                   *notes.header_fields, self.actions.download, history.compare, history.diff,
                                   history.comments, *page.errors.values(), self.undo_steps, self.picked],
                            api_visibility="private")

    def worded(self) -> list[tuple]:
        """(component, what to set, label key) for every label of the tab."""
        return [(self.tab, "label", "tab_draft"), (self.plan_id_box, "label", "plan_id"), *self.notes.worded(),
                *self.reading.worded(), *self.tables.worded(), *self.actions.worded(), *self.history.worded()]

    @property
    def relabel_inputs(self) -> list:
        """What `relabelled` reads."""
        return [self.plan_state, self.notes.notes, self.session, self.history.compare]

    @property
    def relabel_outputs(self) -> list:
        """What `relabelled` changes."""
        reading, actions, history = self.reading, self.actions, self.history
        return [*self.views[:10], self.notes.notes, reading.fix_reading, reading.legend, reading.readings, reading.fix_sentence,
                actions.export_fmt, actions.export_for, history.compare, history.diff, history.comments]

    def relabelled(self, user: User, lang: str, values: dict) -> dict:
        """The tab in `lang` (`values`: the inputs by component): the plan's tables and flags, its highlighted notes
        and sources, the notes as read, the choices, the history; labels come from `worded`."""
        plan_data, notes = values[self.plan_state], values[self.notes.notes]
        plan_id = (values[self.session] or {}).get("plan_id")
        shown = self.shown(load_plan_lenient(plan_data), notes, lang) if plan_data else self.empty(lang)
        return {**{component: {"value": shown[component]} for component in self.views[:10]},
                **self.notes.relabelled(lang), **self.reading.relabelled(lang, notes, plan_data),
                **self.actions.relabelled(lang),
                **self.history.relabelled(user, plan_id, values[self.history.compare], lang)}

"""HR's page: the plans waiting for review, one plan as HR reads it with its history, and HR's steps (comment,
request changes, approve with an override reason where blocking flags remain)."""
from __future__ import annotations

import contextlib
from typing import Literal

import gradio as gr

from ..access import User
from ..errors import PlanCoachError
from ..export import to_markdown
from ..i18n import reword, rewrite, term, text
from ..storage import WorkflowError
from ..textutil import markdown_text
from ..workspace import CommentNeeded
from . import tables as T
from .labels import label
from .parts import FieldError, Page, raising, selected_row
from .plans import PLAN_LIST_WIDTHS

STEPS = (("comment", "hr_comment", "add_comment"), ("changes_requested", "hr_request_changes", "request_changes"),
         ("approved", "hr_approve", "approve"))  # (action, API endpoint, button label)
_VARIANTS: dict[str, Literal["primary", "secondary", "stop"]] = {
    "comment": "secondary", "changes_requested": "stop", "approved": "primary"}  # each step's button


class ReviewTab:
    def __init__(self, page: Page):
        self.page = page

    def build(self) -> ReviewTab:
        with gr.Tab(label("en", "tab_hr"), id="hr", visible=False) as self.tab:
            self.waiting = gr.Dataframe(headers=T.columns("en", "plans"), interactive=False, type="array",
                                        label=label("en", "hr_list"), elem_classes="pc-table", elem_id="pc-hr-list",
                                        column_widths=PLAN_LIST_WIDTHS)
            self.plan_id = gr.Textbox(label=label("en", "plan_id"), max_lines=1, elem_id="pc-hr-id",
                                      elem_classes="pc-hidden")  # the selected plan's: no word for a person
            with gr.Row():
                with gr.Column(scale=3):
                    self.plan = gr.Markdown()
                with gr.Column(scale=2):
                    self.comment = gr.Textbox(label=label("en", "hr_comment"), lines=3, elem_id="pc-hr-comment")
                    self.page.error_slot("hr_comment")
                    self.override = gr.Textbox(label=label("en", "hr_override"))
                    with gr.Row():
                        self.buttons = {action: gr.Button(label("en", key), elem_id=f"pc-{api_name.replace('_', '-')}",
                                                          variant=_VARIANTS[action])
                                        for action, api_name, key in STEPS}
                    self.page.error_slot("hr")
                    self.audit = gr.Dataframe(headers=T.columns("en", "audit"), interactive=False, type="array",
                                              label=label("en", "audit"), wrap=True, elem_classes="pc-table")
        return self

    # ------------------------------------------------------------ handlers (values by component)

    def view(self, user: User, plan_id: str, lang: str | None = None) -> dict:
        """The plan as HR reads it (HR's copy, its status and overrides) and its history, in HR's language."""
        ws, lang = self.page.ws, lang or self.page.lang_of(user)
        stored = ws.plan(user, plan_id)
        body = (to_markdown(stored.plan, audience="hr", approved=stored.status == "approved") if stored.plan
                else markdown_text(stored.notes))
        trail = [[f"{a['at']:%Y-%m-%d %H:%M:%S}", a["actor"], term(lang, "audit", a["action"]),
                  rewrite("audit_detail", a["detail"], lang)] for a in ws.audit_trail(user, plan_id)]
        overridden = ["- " + text(lang, "status.overridden", actor=markdown_text(o["actor"]), count=len(o["flags"]),
                                  date=o["at"].date().isoformat(), reason=markdown_text(o["reason"]))
                      for o in ws.overrides(user, plan_id)]
        extra = (f"\n\n**{text(lang, 'status.overrides')}**\n\n" + "\n".join(overridden)) if overridden else ""
        status = f"**{label(lang, 'status')}: {term(lang, 'plan_status', stored.status)}**"
        return {self.plan: f"{status}{extra}\n\n" + body, self.audit: {"headers": T.columns(lang, "audit"), "data": trail}}

    def listed(self, request: gr.Request) -> dict:
        user = self.page.who(request)
        return {self.waiting: self.page.plan_rows(self.page.ws.plans(user, for_review=True), self.page.lang_of(user))}

    def selected(self, rows, evt: gr.SelectData, request: gr.Request) -> dict:
        data = T._rows(rows)
        row = selected_row(evt)
        if not (0 <= row < len(data)):
            return {self.plan_id: "", self.plan: "", self.audit: []}
        return {self.plan_id: data[row][0], **self.view(self.page.who(request), data[row][0])}

    def step(self, action: str):
        """HR's `action` on the plan: a comment, a request for changes, or approval (with the override reason)."""
        def act(plan_id, comment, override, request: gr.Request) -> dict:
            user, ws = self.page.who(request), self.page.ws
            if not plan_id:
                raise WorkflowError(text(self.page.lang_of(user), "errors.select_plan"))
            if action == "comment":
                ws.comment(user, plan_id, comment)
            else:
                try:
                    ws.review(user, plan_id, action, comment=comment, override=override)
                except CommentNeeded as exc:
                    raise FieldError("hr_comment", reword(str(exc), self.page.lang_of(user))) from None
            return {**self.view(user, plan_id), self.comment: "",
                    self.waiting: self.page.plan_rows(ws.plans(user, for_review=True), self.page.lang_of(user))}
        act.__name__ = f"hr_{action}"
        return act

    # ------------------------------------------------------------ events and words

    def wire(self) -> None:
        self.tab.select(raising(self.listed), None, self.waiting, api_visibility="private")
        self.waiting.select(raising(self.selected), self.waiting, [self.plan_id, self.plan, self.audit],
                            api_visibility="private")
        outputs = [self.plan, self.audit, self.waiting, self.comment]  # the API's order
        for action, api_name, _ in STEPS:
            self.page.both(self.buttons[action], self.step(action), [self.plan_id, self.comment, self.override],
                           outputs, api_name, "hr", clears=("hr_comment",))

    def worded(self) -> list[tuple]:
        """(component, what to set, label key) for every label of the page."""
        return [(self.tab, "label", "tab_hr"), (self.waiting, "label", "hr_list"), (self.plan_id, "label", "plan_id"),
                (self.comment, "label", "hr_comment"), (self.override, "label", "hr_override"),
                (self.audit, "label", "audit"), *[(self.buttons[a], "value", key) for a, _, key in STEPS]]

    def relabelled(self, user: User, lang: str, waiting, audit, plan_id: str | None) -> dict:
        """The page in `lang`: the waiting list's headers (its rows as they are), and the plan shown with its history
        (or the history's headers, when no plan is shown)."""
        shown = {self.audit: {"value": {"headers": T.columns(lang, "audit"), "data": T._cells(audit)}}}
        if plan_id and plan_id.strip():
            with contextlib.suppress(PlanCoachError):  # an id this person may not read: what is shown stays as it is
                shown = {component: {"value": value} for component, value in self.view(user, plan_id, lang).items()}
        return {self.waiting: {"value": {"headers": T.columns(lang, "plans"), "data": T._cells(waiting)}}, **shown}

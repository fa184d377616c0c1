"""The "My plans" tab: the plans a person may see, a page at a time; opening one in the workspace tab, sharing it
with another manager, naming the employee's account, and the employee's acknowledgement."""
from __future__ import annotations

from collections.abc import Callable

import gradio as gr

from ..access import User
from ..export import to_markdown
from ..i18n import text
from ..textutil import markdown_text
from . import tables as T
from .labels import label
from .parts import Page, raising, selected_row

# A list of plans: the id's first letters are enough to tell two plans apart (the rest is cut off), the columns
# people read get the room.
PLAN_LIST_WIDTHS: list[str | int] = ["11%", "25%", "16%", "10%", "18%", "20%"]


class PlansTab:
    def __init__(self, page: Page):
        self.page = page

    def build(self) -> PlansTab:
        with gr.Tab(label("en", "tab_plans"), id="plans", visible=False) as self.tab:
            self.table = gr.Dataframe(headers=T.columns("en", "plans"), interactive=False, type="array",
                                      elem_id="pc-plans", elem_classes="pc-table", column_widths=PLAN_LIST_WIDTHS)
            # The selected row's plan, for the buttons: an id is no word for a person, so it is never shown.
            self.selected_id = gr.Textbox(label=label("en", "plan_id"), max_lines=1, elem_id="pc-selected-id",
                                          elem_classes="pc-hidden")
            with gr.Row():
                self.page_no = gr.Number(value=1, minimum=1, precision=0, label=label("en", "page"), scale=0,
                                         min_width=90)
                self.refresh_btn = gr.Button(label("en", "refresh"))
                self.open_btn = gr.Button(label("en", "open"), variant="primary")
            with gr.Row():
                self.other_account = gr.Textbox(label=label("en", "other_account"), max_lines=1)
                self.share_btn = gr.Button(label("en", "share"))
                self.employee_btn = gr.Button(label("en", "set_employee"))
                self.acknowledge_btn = gr.Button(label("en", "acknowledge"))
            self.page.error_slot("plans")
            self.note = gr.Markdown()
            self.view = gr.Markdown(elem_id="pc-plan-view")  # the selected plan, as its reader's copy
        # What only some roles can use: opening in the workspace and sharing for a manager, acknowledging for an
        # employee (`for_role`; the workspace checks each call).
        self.by_role = [self.open_btn, self.other_account, self.share_btn, self.employee_btn, self.acknowledge_btn]
        return self

    def for_role(self, user: User) -> dict:
        manages, employee = user.alone or user.role == "manager", user.role == "employee"
        return {**{c: gr.update(visible=manages) for c in self.by_role[:4]},
                self.acknowledge_btn: gr.update(visible=employee)}

    # ------------------------------------------------------------ handlers (values by component)

    def listed(self, page_number: float | None, request: gr.Request) -> dict:
        """One page of the plans this user may see (50 a page, paged in the database)."""
        user = self.page.who(request)
        plans = self.page.ws.plans(user, max(int(page_number or 1), 1) - 1)
        return {self.table: self.page.plan_rows(plans, self.page.lang_of(user))}

    def share(self, plan_id, account, request: gr.Request) -> dict:
        user = self.page.who(request)
        self.page.ws.share(user, (plan_id or "").strip(), (account or "").strip())
        return {self.note: text(self.page.lang_of(user), "status.shared", account=markdown_text(account))}

    def set_employee(self, plan_id, account, request: gr.Request) -> dict:
        user = self.page.who(request)
        self.page.ws.set_employee_account(user, (plan_id or "").strip(), (account or "").strip() or None)
        return {self.note: text(self.page.lang_of(user), "status.employee_set", account=markdown_text(account))}

    def acknowledge(self, plan_id, request: gr.Request) -> dict:
        user = self.page.who(request)
        self.page.ws.acknowledge(user, (plan_id or "").strip())
        return {self.note: text(self.page.lang_of(user), "status.acknowledged")}

    def picked(self, rows, evt: gr.SelectData, request: gr.Request) -> dict:
        """A selected plan: its id for the buttons, and the plan as this person may read it below the list (the
        employee's copy for an employee, HR's for the others)."""
        data = T._rows(rows)
        row = selected_row(evt)
        plan_id = data[row][0] if 0 <= row < len(data) else ""
        if not plan_id:
            return {self.selected_id: "", self.view: ""}
        user = self.page.who(request)
        stored = self.page.ws.plan(user, plan_id)
        body = to_markdown(stored.plan, audience="employee" if user.role == "employee" else "hr",
                           approved=stored.status == "approved") if stored.plan else ""
        return {self.selected_id: plan_id, self.view: body}

    # ------------------------------------------------------------ events and words

    def register(self, opening: Callable, opened_views: list, after: Callable) -> None:
        """The tab's events; `opening(plan_id, request)` opens the selected plan in the workspace tab's
        `opened_views` (`after` starts its undo history)."""
        page = self.page
        self.refresh_btn.click(page.in_browser(self.listed, None, "plans"), self.page_no,
                               [self.table, *page.errors.values()], api_visibility="private")
        gr.Button(visible=False, elem_id="pc-api-plans").click(raising(self.listed), self.page_no, self.table,
                                                                api_name="plans")
        self.tab.select(raising(self.listed), self.page_no, self.table, api_visibility="private")
        for button, handler, inputs, api_name in (
                (self.share_btn, self.share, [self.selected_id, self.other_account], "share"),
                (self.employee_btn, self.set_employee, [self.selected_id, self.other_account], "set_employee_account"),
                (self.acknowledge_btn, self.acknowledge, [self.selected_id], "acknowledge")):
            page.both(button, handler, inputs, [self.note], api_name, "plans")
        self.table.select(raising(self.picked), self.table, [self.selected_id, self.view], api_visibility="private")
        page.both(self.open_btn, opening, [self.selected_id], opened_views, "open", "plans", after=after)

    def worded(self) -> list[tuple]:
        """(component, what to set, label key) for every label of the tab."""
        return [(self.tab, "label", "tab_plans"), (self.selected_id, "label", "plan_id"), (self.page_no, "label", "page"),
                (self.refresh_btn, "value", "refresh"), (self.open_btn, "value", "open"),
                (self.other_account, "label", "other_account"), (self.share_btn, "value", "share"),
                (self.employee_btn, "value", "set_employee"), (self.acknowledge_btn, "value", "acknowledge")]

    def relabelled(self, lang: str, rows) -> dict:
        """The list's headers in `lang` (its rows as they are)."""
        return {self.table: {"value": {"headers": T.columns(lang, "plans"), "data": T._cells(rows)}}}

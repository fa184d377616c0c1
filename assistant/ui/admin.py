"""The administrator's tab: every account, and adding or changing one.

The tab shows only to administrators; the workspace checks the role on every call whatever the page shows.
"""
from __future__ import annotations

from collections.abc import Callable

import gradio as gr

from ..access import ROLES, User
from ..errors import PlanCoachError
from ..textutil import markdown_text
from ..workspace import ACCOUNT_CHANGES, Workspace
from .labels import label

COLUMNS = ["Account", "Role", "State"]


class AdminPage:
    def __init__(self, ws: Workspace, who: Callable[[gr.Request | None], User]):
        self.ws, self.who = ws, who

    def build(self) -> None:
        with gr.Tab(label("en", "tab_admin"), id="admin", visible=False) as self.tab:
            self.table = gr.Dataframe(headers=COLUMNS, interactive=False, type="array", label=label("en", "accounts"),
                                      elem_id="pc-accounts")
            with gr.Row():
                self.change = gr.Dropdown(list(ACCOUNT_CHANGES), value="add", label=label("en", "account_change"))
                self.name = gr.Textbox(label=label("en", "account_name"), elem_id="pc-account-name")
                self.role = gr.Dropdown(list(ROLES), value="manager", label=label("en", "account_role"))
                self.password = gr.Textbox(type="password", label=label("en", "account_password"),
                                           elem_id="pc-account-password")
            self.apply = gr.Button(label("en", "account_apply"), elem_id="pc-account-apply")
            self.status = gr.Markdown(elem_id="pc-account-status")

    def register(self, demo: gr.Blocks) -> None:
        demo.load(self.shown, None, [self.tab, self.table], api_visibility="private")
        self.apply.click(self.apply_change, [self.change, self.name, self.role, self.password],
                         [self.status, self.table, self.password], api_name="admin_account")

    def rows(self, user: User) -> list[list[str]]:
        return [[a.name, a.role, a.state] for a in self.ws.users(user)]

    def shown(self, request: gr.Request):
        """The tab and its accounts for an administrator; hidden for everyone else."""
        user = self.who(request)
        if user.role != "admin" or user.alone:
            return gr.update(visible=False), []
        return gr.update(visible=True), self.rows(user)

    def apply_change(self, change: str, name: str, role: str, password: str, request: gr.Request):
        """Add or change an account; the message (or the refusal, in one sentence) shows beside the form, and the
        password box is emptied either way."""
        user = self.who(request)
        try:
            done = self.ws.manage_account(user, change, name, role=role, password=password)  # type: ignore[arg-type]
        except PlanCoachError as exc:
            return markdown_text(str(exc)), gr.update(), ""
        return markdown_text(done), self.rows(user), ""

"""The administrator's tab: every account, adding or changing one, and who changed which account when, in the
administrator's language.

The tab shows only to administrators (`top.TABS`); the workspace checks the role on every call whatever the page
shows.
"""
from __future__ import annotations

from collections.abc import Callable

import gradio as gr

from ..access import ROLES, User
from ..accounts import Account
from ..errors import PlanCoachError
from ..i18n import columns, reword, rewrite, term, text
from ..textutil import markdown_text
from ..workspace import ACCOUNT_CHANGES, Workspace
from .labels import label
from .parts import plain


def state(account: Account, lang: str) -> str:
    """'active', 'disabled', 'active, locked until 14:05 UTC', with ', single sign-on' for an account without a
    password (`Account.state`, in `lang`)."""
    words = text(lang, f"account_state.{'active' if account.active else 'disabled'}")
    if account.locked_until and account.active:
        words += text(lang, "account_state.locked", time=f"{account.locked_until:%H:%M}")
    return words + ("" if account.has_password else text(lang, "account_state.sso"))


class AdminPage:
    def __init__(self, ws: Workspace, who: Callable[[gr.Request | None], User], lang_of: Callable[[User], str]):
        self.ws, self.who, self.lang_of = ws, who, lang_of

    def build(self) -> None:
        with gr.Tab(label("en", "tab_admin"), id="admin", visible=False) as self.tab:
            self.table = gr.Dataframe(headers=columns("en", "accounts"), interactive=False, type="array",
                                      label=label("en", "accounts"), elem_id="pc-accounts", elem_classes="pc-table")
            with gr.Row():
                self.change = gr.Dropdown(self._changes("en"), value="add", label=label("en", "account_change"),
                                          elem_id="pc-account-change")
                self.name = gr.Textbox(label=label("en", "account_name"), elem_id="pc-account-name")
                self.role = gr.Dropdown(self._roles("en"), value="manager", label=label("en", "account_role"),
                                        elem_id="pc-account-role")
                self.password = gr.Textbox(type="password", label=label("en", "account_password"),
                                           elem_id="pc-account-password")
            self.apply = gr.Button(label("en", "account_apply"), elem_id="pc-account-apply")
            self.status = gr.Markdown(elem_id="pc-account-status")
            self.history = gr.Dataframe(headers=columns("en", "account_changes"), interactive=False, type="array",
                                        label=label("en", "account_changes"), elem_id="pc-account-history", wrap=True, elem_classes="pc-table")

    def register(self, demo: gr.Blocks) -> None:
        demo.load(self.shown, None, [self.table, self.history], api_visibility="private")
        self.apply.click(self.apply_change, [self.change, self.name, self.role, self.password],
                         [self.status, self.table, self.password], api_name="admin_account").then(
            self.changes_shown, None, self.history, api_visibility="private")

    @staticmethod
    def _changes(lang: str) -> list[tuple[str, str]]:
        return [(term(lang, "account_change", c), c) for c in ACCOUNT_CHANGES]

    @staticmethod
    def _roles(lang: str) -> list[tuple[str, str]]:
        return [(term(lang, "role", r), r) for r in ROLES]

    def rows(self, user: User, lang: str) -> dict:
        data = [[a.name, term(lang, "role", a.role), state(a, lang)] for a in self.ws.users(user)]
        return {"headers": columns(lang, "accounts"), "data": data}

    def changes(self, user: User, lang: str) -> dict:
        """The account history: when, who, which account, what (and the role it gave), newest first."""
        data = []
        for c in self.ws.account_history(user):
            change = term(lang, "account_change", c.action)
            if c.action == "set role" and c.old_role:
                change = text(lang, "account_history.role_set", change=change, old=term(lang, "role", c.old_role),
                              new=term(lang, "role", c.role or ""))
            elif c.action == "add" and c.role:
                change = text(lang, "account_history.added", change=change, role=term(lang, "role", c.role))
            data.append([f"{c.at:%Y-%m-%d %H:%M}", rewrite("actors", c.actor, lang), c.account, change])
        return {"headers": columns(lang, "account_changes"), "data": data}

    def shown(self, request: gr.Request):
        """The accounts and their history for an administrator (the tab shows to them only: `top.TABS`)."""
        user = self.who(request)
        if user.role != "admin" or user.alone:
            return [], []
        lang = self.lang_of(user)
        return self.rows(user, lang), self.changes(user, lang)

    def changes_shown(self, request: gr.Request):
        user = self.who(request)
        return self.changes(user, self.lang_of(user)) if user.role == "admin" and not user.alone else gr.update()

    def apply_change(self, change: str, name: str, role: str, password: str, request: gr.Request):
        """Add or change an account; the message (or the refusal, in one sentence) shows beside the form in the
        administrator's language, and the password box is emptied either way."""
        user = self.who(request)
        lang = self.lang_of(user)
        try:
            done = self.ws.manage_account(user, change, name, role=role, password=password)  # type: ignore[arg-type]
        except PlanCoachError as exc:
            return markdown_text(reword(str(exc), lang)), gr.update(), ""
        return markdown_text(reword(done, lang)), self.rows(user, lang), ""

    # ------------------------------------------------------------ words

    def worded(self) -> list[tuple]:
        """(component, what to set, label key) for every label of the tab."""
        return [(self.tab, "label", "tab_admin"), (self.table, "label", "accounts"),
                (self.change, "label", "account_change"), (self.name, "label", "account_name"),
                (self.role, "label", "account_role"), (self.password, "label", "account_password"),
                (self.apply, "value", "account_apply"), (self.history, "label", "account_changes")]

    def relabelled(self, user: User, lang: str, said: str) -> dict:
        """The tab in `lang`: its choices, its last message and, for an administrator, the accounts and their
        history."""
        shown = {self.change: {"choices": self._changes(lang)}, self.role: {"choices": self._roles(lang)},
                 self.status: {"value": markdown_text(reword(plain(said or ""), lang))}}
        if user.role == "admin" and not user.alone:
            shown[self.table] = {"value": self.rows(user, lang)}
            shown[self.history] = {"value": self.changes(user, lang)}
        return shown

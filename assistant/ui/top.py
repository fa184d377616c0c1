"""Above the tabs: the title, the interface language and who is signed in; on page load, the person's language,
learning mode and open plan as they left them; on a change of language, the whole page in that language (every
label, choice and table header, the plan's tables and flags, the history, HR's view, the accounts, and every message
already shown), kept with the person's account."""
from __future__ import annotations

import gradio as gr

from ..access import User
from ..i18n import term, text
from ..textutil import markdown_text
from . import language
from .admin import AdminPage
from .draft_tab import DraftTab
from .labels import label
from .parts import EMPTY_SESSION, Page, reworded
from .plans import PlansTab
from .review import ReviewTab

# The tabs each role can use, the first one opened (the workspace still checks every call, whatever the page shows):
# a manager drafts and keeps plans, HR reviews them, an employee reads and acknowledges theirs in the list of plans,
# an administrator manages accounts; the one person of a workspace without accounts drafts and reviews.
TABS = {"manager": ("draft", "plans"), "hr": ("hr",), "employee": ("plans",), "admin": ("admin",)}
ALONE_TABS = ("draft", "plans", "hr")


def whoami_md(user: User, lang: str) -> str:
    if user.alone:
        return text(lang, "status.alone")
    return text(lang, "status.signed_in", name=markdown_text(user.name), role=term(lang, "role", user.role))


class TopBar:
    def __init__(self, page: Page):
        self.page = page

    def build(self) -> TopBar:
        with gr.Row():
            self.title = gr.Markdown(f"## {label('en', 'title')}")
            self.ui_lang = gr.Radio([("English", "en"), ("中文", "zh")], value="en", label=label("en", "ui_language"),
                                    scale=0, min_width=220, elem_id="pc-ui-lang")
            self.whoami = gr.Markdown(elem_id="pc-whoami")
        return self

    def register(self, demo: gr.Blocks, draft: DraftTab, plans: PlansTab, review: ReviewTab, admin: AdminPage) -> None:
        """Page load and the language switch, over every tab."""
        self.draft, self.plans, self.review, self.admin = draft, plans, review, admin
        page = self.page
        self.worded = [(self.ui_lang, "label", "ui_language"), *draft.worded(), *plans.worded(), *review.worded(),
                       *admin.worded()]
        self.said = [draft.status, plans.note, *page.errors.values()]  # messages, in the language they were said in
        demo.load(page.in_browser(self.restore, None, "plan", after=draft.fresh_history), draft.session,
                  [*draft.opened_views, self.whoami, self.ui_lang, draft.notes.learning, *page.errors.values(), *page.also],
                  api_visibility="private").then(None, self.ui_lang, None, js=language.CALL)
        self.ui_lang.change(None, self.ui_lang, None, js=language.CALL)
        self.ui_lang.change(self.relabel, {self.ui_lang, *draft.relabel_inputs, plans.table, review.waiting, review.audit,
                                           review.plan_id, admin.status, *self.said},
                            list(dict.fromkeys([*(c for c, _, _ in self.worded), *draft.relabel_outputs, self.title,
                                                self.whoami, plans.table, review.waiting, review.audit, review.plan,
                                                *self.said, admin.change, admin.role, admin.status, admin.table,
                                                admin.history])),
                            api_visibility="private")
        self.ui_lang.input(self.keep_language, self.ui_lang, None, api_visibility="private")

    def show_tabs(self, demo: gr.Blocks, tabs: gr.Tabs) -> None:
        """On page load, only the tabs the signed-in person's role can use, the first of them open (every tab is built
        hidden: Gradio shows a hidden tab on an update, but does not hide a shown one)."""
        shown = {"draft": self.draft.tab, "plans": self.plans.tab, "hr": self.review.tab, "admin": self.admin.tab}

        def usable(request: gr.Request) -> dict:
            """The tabs, and the list of the tab opened first (a tab opened by the page is not selected by a click,
            which lists it)."""
            user = self.page.who(request)
            names = ALONE_TABS if user.alone else TABS.get(user.role, ())
            first = names[0] if names else ""
            listed = {"plans": lambda: self.plans.listed(1, request), "hr": lambda: self.review.listed(request)}
            return {**{tab: gr.update(visible=name in names) for name, tab in shown.items()},
                    **self.plans.for_role(user), tabs: gr.Tabs(selected=first or None), **listed.get(first, dict)()}
        demo.load(usable, None, [*shown.values(), *self.plans.by_role, tabs, self.plans.table, self.review.waiting],
                  api_visibility="private")

    def restore(self, session, request: gr.Request) -> dict:
        """Page load: the plan this browser was working on (`DraftTab.restored`), and the person's interface language
        and learning mode as they left them."""
        user = self.page.who(request)
        chosen = self.page.ws.preferences.get(user.name)
        return {**self.draft.restored(user, session or EMPTY_SESSION, chosen.language),
                self.whoami: whoami_md(user, chosen.language), self.ui_lang: chosen.language,
                self.draft.notes.learning: chosen.learning}

    def relabel(self, values: dict, request: gr.Request) -> dict:
        """The whole page in the chosen language (`values`: the inputs by component)."""
        user = self.page.who(request)
        lang = values[self.ui_lang]
        plans, review, admin = self.plans, self.review, self.admin
        changes: dict = {}
        for component, attr, key in self.worded:
            changes.setdefault(component, {})[attr] = label(lang, key)
        more = {
            **self.draft.relabelled(user, lang, values),
            self.title: {"value": f"## {label(lang, 'title')}"},
            self.whoami: {"value": whoami_md(user, lang)},
            **plans.relabelled(lang, values[plans.table]),
            **review.relabelled(user, lang, values[review.waiting], values[review.audit], values[review.plan_id]),
            **admin.relabelled(user, lang, values[admin.status]),
            **{component: {"value": reworded(values[component], lang)} for component in self.said},
        }
        for component, change in more.items():
            changes.setdefault(component, {}).update(change)
        return {component: gr.update(**change) for component, change in changes.items()}

    def keep_language(self, lang, request: gr.Request) -> None:
        self.page.ws.preferences.set(self.page.who(request).name, language=lang)

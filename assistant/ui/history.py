"""The workspace tab's history: the plan now against the assistant's draft, the last saved version or any version
(never silent about unsaved edits), and what HR and others wrote on it, for its manager to read beside it.

The comments show above the tables and the comparison below them: `build_comments` and `build` place each."""
from __future__ import annotations

import gradio as gr

from ..access import User
from ..i18n import rewrite, term, text
from ..textutil import markdown_text
from .labels import label
from .parts import Page, raising


class History:
    def __init__(self, page: Page):
        self.page = page

    def build_comments(self) -> None:
        self.comments = gr.Markdown(elem_id="pc-comments")

    def build(self) -> None:
        with gr.Accordion(label("en", "diff"), open=False, elem_id="pc-diff-box") as self.box:
            self.compare = gr.Dropdown(label=label("en", "compare"), choices=[], elem_id="pc-compare")
            self.diff = gr.Code(language="markdown", label=label("en", "diff"), elem_id="pc-diff")

    # ------------------------------------------------------------ what is shown

    def choices(self, user: User, plan_id: str | None, lang: str, value: str = "draft"):
        """What the diff can compare the plan with: the assistant's draft, the last saved version, any version."""
        named = [(label(lang, "compare_draft"), "draft"), (label(lang, "compare_saved"), "saved")]
        rows = self.page.ws.versions(user, plan_id) if plan_id else []
        versions = [(text(lang, "status.version_choice", number=r["number"], kind=term(lang, "version_kind", r["kind"]),
                          author=r["author"] or "", at=f"{r['created_at']:%Y-%m-%d %H:%M}"), str(r["number"]))
                    for r in rows]
        return gr.update(choices=named + versions, value=value)

    def diff_text(self, user: User, plan_id: str | None, base: str | None, lang: str) -> str:
        """The plan now against `base` ("draft", "saved" or a version number); never silent about unsaved edits."""
        if not plan_id:
            return ""
        ws = self.page.ws
        rows = ws.versions(user, plan_id)
        if not rows:
            return ""
        if base == "saved":
            number, name = rows[-1]["number"], text(lang, "status.diff_base_saved")
        elif base and base.isdigit():
            number, name = int(base), text(lang, "status.diff_base_version", number=base)
        else:
            number = max((r["number"] for r in rows if r["kind"] == "draft"), default=1)
            name = text(lang, "status.diff_base_draft")
        diff = ws.diff(user, plan_id, number)
        if not diff:
            return text(lang, "status.no_changes", base=name)
        head, _, body = diff.partition("\n")
        _, _, body = body.partition("\n")  # the file names difflib wrote
        return f"--- {name}\n+++ {label(lang, 'diff_current')}\n{body}" if head.startswith("---") else diff

    def comments_md(self, user: User, plan_id: str | None, lang: str) -> str:
        """What HR and others wrote on the plan, for its manager to read beside it."""
        if not plan_id:
            return ""
        rows = self.page.ws.comments(user, plan_id)
        return "\n".join(f"- **{markdown_text(c['actor'])}** ({c['at']:%Y-%m-%d %H:%M}): "
                         f"{markdown_text(rewrite('audit_detail', c['detail'], lang))}" for c in rows)

    def opened(self, user: User, plan_id: str, lang: str, *, diff: bool = True) -> dict:
        """A plan just opened: its versions to compare with, its changes since the assistant's draft (`diff`) and
        its comments."""
        return {self.compare: self.choices(user, plan_id, lang), self.comments: self.comments_md(user, plan_id, lang),
                self.diff: self.diff_text(user, plan_id, "draft", lang) if diff else ""}

    def cleared(self, user: User, lang: str) -> dict:
        """No plan: nothing to compare and nothing said."""
        return {self.compare: self.choices(user, None, lang), self.diff: "", self.comments: ""}

    # ------------------------------------------------------------ events and words

    def register(self, session: gr.components.Component) -> None:
        def compared(session_v, base, request: gr.Request) -> dict:
            user = self.page.who(request)
            return {self.diff: self.diff_text(user, (session_v or {}).get("plan_id"), base, self.page.lang_of(user))}

        self.compare.input(raising(compared), [session, self.compare], self.diff, api_visibility="private")

    def worded(self) -> list[tuple]:
        return [(self.box, "label", "diff"), (self.compare, "label", "compare"), (self.diff, "label", "diff")]

    def relabelled(self, user: User, plan_id: str | None, base: str | None, lang: str) -> dict:
        """The versions to compare with, the comparison and the comments in `lang` (the chosen version kept)."""
        choices = self.choices(user, plan_id, lang, base or "draft")
        return {self.compare: {"choices": choices["choices"], "value": choices["value"]},
                self.diff: {"value": self.diff_text(user, plan_id, base, lang)},
                self.comments: {"value": self.comments_md(user, plan_id, lang)}}

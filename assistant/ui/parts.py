"""What every page (tab) of the workspace shares: the workspace, who is asking and in which language, where a
refusal is shown, and how a step is registered twice, for the browser and as a named API endpoint.

A page is a small class that builds its components and registers its events (`review.ReviewTab`); its
handlers return their values by component (a dict), so an output added to a page is named, not counted.
"""
from __future__ import annotations

import contextvars
import functools
import re

import gradio as gr

from ..access import ALONE, User
from ..errors import PlanCoachError
from ..i18n import reword, term, text
from ..settings import Settings
from ..storage import BLOCKING_KINDS
from ..textutil import markdown_text
from ..workspace import Workspace
from . import tables as T
from .signin import Gate

EMPTY_SESSION = {"plan_id": None, "notes": "", "revision": None}  # what the browser keeps: the open plan, its notes
_LANG = contextvars.ContextVar("interface_language", default="en")  # the language of the request being handled


class FieldError(PlanCoachError, ValueError):
    """A value the manager typed in one field that cannot be used; shown beside that field."""

    def __init__(self, field: str, message: str):
        self.field = field
        super().__init__(message)


def raising(handler):
    """A PlanCoachError (a refusal, a workflow rule, bad input, a server the message names) as the one line Gradio
    gives an API caller, never a traceback."""
    @functools.wraps(handler)
    def shown(*args, **kwargs):
        try:
            return handler(*args, **kwargs)
        except PlanCoachError as exc:
            raise gr.Error(str(exc)) from None
    return shown


def error_md(message: str) -> str:
    return f"⚠ {markdown_text(message)}" if message else ""


_ESCAPED = re.compile(r"\\([\\`\[\]<])")  # what `markdown_text` escaped


def plain(shown: str) -> str:
    """Text as it was before `markdown_text` escaped it."""
    return _ESCAPED.sub(r"\1", shown)


def reworded(message: str | None, lang: str) -> str:
    """A status line, or a message beside a control (`error_md`), said again in `lang`."""
    if message and message.startswith("⚠ "):
        return error_md(reword(plain(message[2:]), lang))
    return reword(message or "", lang)


def selected_row(evt: gr.SelectData) -> int:
    """The row of a selected table cell (Gradio gives [row, column] for tables, an int for lists)."""
    return evt.index[0] if isinstance(evt.index, (list, tuple)) else evt.index


def _by_component(values) -> bool:
    return isinstance(values, dict) and bool(values) and all(isinstance(k, gr.blocks.Block) for k in values)


class Page:
    def __init__(self, ws: Workspace, settings: Settings, gate: Gate):
        self.ws, self.settings, self.gate = ws, settings, gate
        self.errors: dict[str, gr.Markdown] = {}
        self.also: list = []  # components every browser step may set besides its own (the undo history)

    def who(self, request: gr.Request | None) -> User:
        """The signed-in user of a request (its name set by the sign-in gate); never a name the client sends."""
        if self.gate.open:
            return ALONE
        name = getattr(request, "username", None)
        account = self.ws.accounts.get(name) if name else None
        if account is None or not account.active:
            raise gr.Error(text("en", "errors.sign_in"))
        return account.user()

    def lang_of(self, user: User) -> str:
        """The interface language this person chose (kept with their account)."""
        lang = self.ws.preferences.get(user.name).language
        _LANG.set(lang)  # for a refusal shown beside its control (`in_browser`)
        return lang

    def error_slot(self, name: str) -> gr.Markdown:
        """Where refusals about the control just above are shown."""
        self.errors[name] = gr.Markdown(elem_id=f"pc-error-{name}", elem_classes="pc-error")
        return self.errors[name]

    def plan_rows(self, plans, lang: str) -> dict:
        """A list of plans as a table: id, employee, status, errors, bias/sensitive flags, when last changed."""
        rows = []
        for p in plans:
            flags = p.plan.review_flags if p.plan else []
            rows.append([p.id, p.employee or "", term(lang, "plan_status", p.status), sum(f.severity == "error" for f in flags),
                         sum(f.kind in BLOCKING_KINDS for f in flags), f"{p.updated_at:%Y-%m-%d %H:%M}"])
        return {"headers": T.columns(lang, "plans"), "data": rows}

    def in_browser(self, handler, outputs, slot: str, *, clears=(), after=None):
        """`handler` as the browser's event: its values by component with the slots it owns cleared, and a
        refusal shown as one sentence in the slot beside the control at fault (`FieldError` names it; else
        `slot`) in the person's language instead of raised, which would cover every output with a red badge.
        `outputs` names a positional handler's values (None: it returns them by component)."""
        errors = self.errors

        @functools.wraps(handler)
        def run(*args, **kwargs):
            try:
                values = handler(*args, **kwargs)
            except FieldError as exc:
                return {errors[exc.field]: error_md(str(exc))}
            except (PlanCoachError, gr.Error) as exc:
                said = getattr(exc, "message", None) or str(exc)
                return {errors[slot]: error_md(reword(said, _LANG.get()))}
            if outputs is None or _by_component(values):
                named = values
            else:
                named = dict(zip(outputs, values if isinstance(values, tuple) else (values,)))
            named = {**{errors[s]: "" for s in (slot, *clears)}, **named}
            return after(named) if after else named
        return run

    def both(self, trigger, handler, inputs, outputs, api_name: str, slot: str, *, clears=(), after=None, **kw):
        """The browser's event on `trigger`, and the same step as the API endpoint `api_name` (a hidden button:
        an API caller gets the refusal raised, and the outputs in the order of `outputs`)."""
        trigger.click(self.in_browser(handler, outputs, slot, clears=clears, after=after), inputs,
                      [*outputs, *self.errors.values(), *self.also], api_name=f"browser_{api_name}",
                      api_visibility="private", **kw)
        gr.Button(visible=False, elem_id=f"pc-api-{api_name}").click(raising(handler), inputs, outputs,
                                                                     api_name=api_name, **kw)

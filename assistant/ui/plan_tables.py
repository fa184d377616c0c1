"""The workspace tab's plan as tables the manager edits: every edit (and an edit of the header fields) re-checked
and autosaved with each table's problems beside it, undo back through the edits, a selected row moved up or down,
learning mode's comments beside each section, and the check as the named API endpoint `check`."""
from __future__ import annotations

import threading
from collections import OrderedDict
from typing import TYPE_CHECKING

import gradio as gr

from ..access import User
from ..i18n import text
from ..schema import Plan, load_plan_lenient
from . import coach
from . import tables as T
from .labels import label
from .parts import EMPTY_SESSION, FieldError, error_md, raising, selected_row

if TYPE_CHECKING:
    from .draft_tab import DraftTab

TABLE_LABELS: dict[str, str] = {**{o: f"resp_{o}" for o in T.OWNERS}, "header": "interview_date"}  # a table's label key, by name
HISTORY = 50  # edits the undo button can step back through


def frame(table: str, rows: list, lang: str) -> dict:
    """A table's value with its headers in `lang` (Gradio shows the headers a value brings)."""
    return {"headers": T.headers(table, lang), "data": rows}


def snapshot(plan_data: dict | None, pending: T.Pending | None = None) -> dict:
    """What undo restores: the plan and the rows not yet filled in."""
    return {"plan": plan_data, "pending": {t: [[i, r] for i, r in rows] for t, rows in (pending.rows if pending else {}).items()}}


def counts(plan: Plan) -> dict:
    return {"errors": sum(f.severity == "error" for f in plan.review_flags),
            "warnings": sum(f.severity == "warning" for f in plan.review_flags)}


def _picker(table: str):
    """A table's select event: which row of which table the Move buttons act on."""
    def pick(evt: gr.SelectData) -> dict:
        return {"table": table, "row": selected_row(evt)}
    return pick


class _AppliedEdits:
    """The edits applied lately, by plan, revision and content, so that an edit sent twice is applied once."""

    def __init__(self, size: int = 512) -> None:
        self._seen: OrderedDict[tuple, None] = OrderedDict()
        self._size = size
        self._lock = threading.Lock()

    @staticmethod
    def key(session: dict, plan: Plan, pending: T.Pending) -> tuple | None:
        """What identifies an edit: the plan, its revision and the edited content (None before it has a revision)."""
        if session.get("revision") is None:
            return None
        return (session.get("plan_id"), session["revision"], plan.model_dump_json(exclude={"review_flags"}),
                repr(sorted(pending.rows.items())))

    def already(self, key: tuple | None) -> bool:
        """This edit was applied to this revision of the plan before."""
        with self._lock:
            return key is not None and key in self._seen

    def remember(self, key: tuple | None) -> None:
        if key is None:
            return
        with self._lock:
            self._seen[key] = None
            if len(self._seen) > self._size:
                self._seen.popitem(last=False)


class PlanTables:
    def __init__(self, tab: DraftTab):
        self.tab, self.page = tab, tab.page
        self.applied = _AppliedEdits()

    def build(self) -> None:
        with gr.Row():
            self.undo_btn = gr.Button(label("en", "undo"), elem_id="pc-undo", size="sm")
            self.up_btn = gr.Button(label("en", "move_up"), elem_id="pc-move-up", size="sm")
            self.down_btn = gr.Button(label("en", "move_down"), elem_id="pc-move-down", size="sm")
        self.hint = gr.Markdown(label("en", "rows_hint"), elem_id="pc-rows-hint", elem_classes="pc-hint")
        self.guides: dict[str, gr.Markdown] = {}
        self.frames: dict[str, gr.Dataframe] = {}
        self._guide("deficiencies")
        self._table("deficiencies", datatype=T.DEFICIENCY_TYPES, column_widths=["7%", "20%", "50%", "12%", "11%"])
        self._guide("causes")
        self._table("causes", column_widths=["80%", "20%"])
        self._guide("goals")
        self._table("goals", datatype=T.GOAL_TYPES,
                    column_widths=["5%", "16%", "12%", "10%", "9%", "12%", "12%", "13%", "11%"])
        self._guide("responsibilities")
        for owner in T.OWNERS:  # one under the other: side by side, a column was a word wide
            self._table(owner, column_widths=["22%", "60%", "18%"])
        self._guide("check_ins")
        self._table("check_ins", column_widths=["18%", "82%"])
        self.flags = gr.Dataframe(headers=T.headers("flags", "en"), label=label("en", "flags"), interactive=False,
                                  type="array", wrap=True, elem_id="pc-flags", elem_classes="pc-table",
                                  column_widths=["10%", "12%", "41%", "15%", "22%"], max_height=900)
        self.tables = [self.frames[name] for name in T.TABLES]

    def _guide(self, section: str) -> None:
        self.guides[section] = gr.Markdown(visible=False, elem_classes="pc-guide", elem_id=f"pc-guide-{section}")

    def _table(self, name: str, **shape) -> None:
        """An editable table with the place for its problems below it. Its columns are fixed (its menu offers rows only:
        a column added or deleted would shift every cell after it into the wrong field)."""
        self.frames[name] = gr.Dataframe(
            headers=T.headers(name, "en"), label=label("en", TABLE_LABELS.get(name, name)), interactive=True,
            column_count=(T.TABLE_WIDTH[name], "fixed"),  # type: ignore[arg-type]  # Gradio's hint: the count alone
            type="array", wrap=True, elem_id=f"pc-{name.replace('_', '-')}" if name not in T.OWNERS else f"pc-resp-{name}",
            elem_classes="pc-table", **shape)
        self.page.error_slot(name)

    # ------------------------------------------------------------ what is shown

    def shown(self, plan: Plan, lang: str, pending: T.Pending | None = None) -> dict:
        """The plan's tables (with the rows not yet filled in, where the manager left them) and its flags."""
        t = T.to_tables(plan, lang)
        if pending is not None:
            t = pending.merge(t)
        return {**{self.frames[name]: frame(name, t[name], lang) for name in T.TABLES},
                self.flags: frame("flags", t["flags"], lang)}

    def empty(self, lang: str) -> dict:
        return {**{self.frames[name]: frame(name, [], lang) for name in T.TABLES}, self.flags: frame("flags", [], lang)}

    # ------------------------------------------------------------ editing

    def edit(self, user: User, lang: str, tables: dict, plan_data, notes: str, session, header: dict, *,
             unless_unchanged: bool = False):
        """The edited tables and header as a plan, checked and autosaved; with `unless_unchanged`, None when they
        say what the plan they were edited from says, or repeat an edit already applied to the same revision (a
        table sends an edit on Enter and again on leaving the cell: the second, answered after an undo, would
        bring the undone edit back)."""
        base = load_plan_lenient(plan_data)
        plan, problems, pending = T.from_tables(base, tables, header, lang)
        if unless_unchanged and not pending.rows and not problems.by_table and T.same_plan(plan, base):
            return None
        session = dict(session or EMPTY_SESSION)
        key = self.applied.key(session, plan, pending)
        if unless_unchanged and self.applied.already(key):
            return None
        checked = self.page.ws.check(user, plan, notes, session.get("plan_id"), session.get("revision"))
        self.applied.remember(key)
        if session.get("plan_id"):
            session = self.tab.session_of(user, session["plan_id"], notes)
        return checked, problems, pending, session

    def _beside(self, problems: T.Problems | None = None) -> dict:
        """Each table's problems (and the header's) beside it; none put right what was shown before."""
        return {self.page.errors[name]: error_md(" ".join(problems.by_table.get(name, []))) if problems else ""
                for name in (*T.TABLES, "header")}

    def _step(self, user: User, lang: str, tables: dict, values: dict, said: str | None = None) -> dict:
        """Edited tables and header (`values`: the event's inputs by component): re-checked and autosaved, each
        table's problems beside it, a step for undo, the diff against the chosen version brought up to date, and
        the status line (`said`, or the checks' counts)."""
        tab = self.tab
        notes = values[tab.notes.notes]
        edited = self.edit(user, lang, tables, values[tab.plan_state], notes, values[tab.session],
                           tab.notes.header_typed(values), unless_unchanged=True)
        if edited is None:  # nothing to check or save; what was wrong before is put right
            return self._beside()
        checked, problems, pending, session = edited
        shown = tab.shown(checked.plan, notes, lang, checked.analysis, pending)
        step = snapshot(shown[tab.plan_state], pending)
        steps = list(values[tab.undo_steps] or [])
        if not steps or steps[-1] != step:  # a change event that changed nothing is no step to undo
            steps = [*steps, step][-HISTORY:]
        return {**shown, **self._beside(problems), tab.status: said or text(lang, "status.checked", **counts(checked.plan)),
                tab.session: session, tab.undo_steps: steps,
                tab.history.diff: tab.history.diff_text(user, session.get("plan_id"), values[tab.history.compare], lang)}

    # ------------------------------------------------------------ handlers

    def edited(self, values: dict, request: gr.Request) -> dict:
        """An edit in a table or the header."""
        user = self.page.who(request)
        lang = self.page.lang_of(user)
        if not values[self.tab.plan_state]:
            return {self.tab.status: text(lang, "status.first_draft")}
        return self._step(user, lang, {name: values[self.frames[name]] for name in T.TABLES}, values)

    def mover(self, step: int):
        """Move up (`step` -1) or down (+1)."""
        def move(values: dict, request: gr.Request) -> dict:
            """The selected row one place up or down in its table: the plan's order, saved and exported in it; the
            selection follows the row, so the next click moves it again."""
            tab, user = self.tab, self.page.who(request)
            lang = self.page.lang_of(user)
            if not values[tab.plan_state]:
                return {tab.status: text(lang, "status.first_draft")}
            chosen = values[tab.picked] or {}
            table, row = chosen.get("table"), chosen.get("row", -1)
            tables = {name: values[self.frames[name]] for name in T.TABLES}
            if table is None or table not in tables:
                raise FieldError("plan", text(lang, "errors.select_row"))
            rows = T.moved(tables[table], row, step)
            if rows is None:
                raise FieldError(table, text(lang, "errors.cannot_move", row=row + 1))
            tables[table] = rows
            said = text(lang, "status.moved", row=row + 1, to=row + step + 1,
                        table=label(lang, TABLE_LABELS.get(table, table)))
            return {**self._step(user, lang, tables, values, said), tab.picked: {"table": table, "row": row + step}}
        return move

    def undone(self, values: dict, request: gr.Request) -> dict:
        """Back to the plan before the last edit (tables, incomplete rows and header), re-checked and autosaved."""
        tab, user = self.tab, self.page.who(request)
        lang = self.page.lang_of(user)
        steps = list(values[tab.undo_steps] or [])
        if len(steps) < 2:
            return {tab.status: text(lang, "status.nothing_to_undo")}
        steps.pop()
        before = steps[-1]
        notes, session = values[tab.notes.notes], dict(values[tab.session] or EMPTY_SESSION)
        checked = self.page.ws.check(user, load_plan_lenient(before["plan"]), notes, session.get("plan_id"),
                                     session.get("revision"))
        if session.get("plan_id"):
            session = tab.session_of(user, session["plan_id"], notes)
        pending = T.Pending({t: [(i, r) for i, r in rows] for t, rows in before["pending"].items()})
        shown = tab.shown(checked.plan, notes, lang, checked.analysis, pending)
        return {**shown, **tab.notes.header(checked.plan), **self._beside(),
                tab.status: text(lang, "status.undone", **counts(checked.plan)), tab.session: session,
                tab.undo_steps: [*steps[:-1], snapshot(shown[tab.plan_state], pending)],
                tab.history.diff: tab.history.diff_text(user, session.get("plan_id"), values[tab.history.compare], lang)}

    def checked(self, deficiencies, causes, goals, employee_rows, manager_rows, organisation_rows, check_ins, plan_data,
                notes, session, employee_name="", role_name="", interview_day="", request: gr.Request | None = None):
        """The API's check: the tables and header as they are sent, re-checked and autosaved (a refusal raised); each
        table's problems in the status line."""
        tab, user = self.tab, self.page.who(request)
        lang = self.page.lang_of(user)
        if not plan_data:
            return {tab.status: text(lang, "status.first_draft"), tab.session: session}
        tables = dict(zip(T.TABLES, (deficiencies, causes, goals, employee_rows, manager_rows, organisation_rows,
                                     check_ins)))
        header = {"employee": employee_name, "role": role_name, "interview_date": interview_day}
        checked, problems, pending, session = self.edit(user, lang, tables, plan_data, notes, session, header)
        notices = [f"{label(lang, TABLE_LABELS.get(name, name))}: {m}" for name, messages in problems.by_table.items()
                   for m in messages]
        return {**tab.shown(checked.plan, notes, lang, checked.analysis, pending), tab.session: session,
                tab.status: " ".join(notices) if notices else text(lang, "status.checked", **counts(checked.plan))}

    def guided(self, on, plan_data, lang) -> dict:
        """Learning mode's comments on this plan beside each section (or nothing, when it is off), in the language
        the interface shows (a switch is seen here before it is kept with the account)."""
        plan = load_plan_lenient(plan_data) if plan_data else None
        settings = self.page.settings
        return {guide: gr.update(visible=bool(on), value=coach.guide_md(plan, key, lang, settings.knowledge_dirs,
                                                                        max_gap=settings.check_in_max_gap_days)
                                 if on else "") for key, guide in self.guides.items()}

    # ------------------------------------------------------------ events and words

    def register(self, ui_lang: gr.Radio) -> None:
        tab, page = self.tab, self.page
        notes, header, history = tab.notes.notes, tab.notes.header_fields, tab.history
        edit_inputs = [*self.tables, tab.plan_state, notes, tab.session, *header]  # the API's order
        outputs = [*tab.views, tab.status, tab.session, tab.undo_steps, history.diff, *page.errors.values()]
        edited = page.in_browser(self.edited, None, "plan")
        controls: list[gr.Dataframe | gr.Textbox] = [*self.tables, *header]
        for control in controls:
            control.input(edited, {*edit_inputs, tab.undo_steps, history.compare}, outputs, trigger_mode="always_last",
                          api_visibility="private")
        for name in T.TABLES:
            self.frames[name].select(_picker(name), None, tab.picked, api_visibility="private")
        for button, step in ((self.up_btn, -1), (self.down_btn, 1)):
            button.click(page.in_browser(self.mover(step), None, "plan"),
                         {*edit_inputs, tab.undo_steps, history.compare, tab.picked}, [*outputs, tab.picked],
                         api_visibility="private")
        gr.Button(visible=False, elem_id="pc-check").click(raising(self.checked), edit_inputs,
                                                           [*tab.views, tab.status, tab.session], api_name="check")
        self.undo_btn.click(page.in_browser(self.undone, None, "plan"),
                            {notes, tab.session, tab.undo_steps, history.compare}, [*outputs, *header],
                            api_visibility="private")
        for trigger in (tab.notes.learning.change, tab.plan_state.change, ui_lang.change):
            trigger(self.guided, [tab.notes.learning, tab.plan_state, ui_lang], list(self.guides.values()),
                    api_visibility="private")

    def worded(self) -> list[tuple]:
        return [(self.undo_btn, "value", "undo"), (self.up_btn, "value", "move_up"), (self.down_btn, "value", "move_down"),
                (self.hint, "value", "rows_hint"),
                *[(self.frames[name], "label", TABLE_LABELS.get(name, name)) for name in T.TABLES],
                (self.flags, "label", "flags")]

"""The manager's workspace (Gradio): draft, edit, check, export, keep every version, HR review, learn.

Only wiring lives here: every step is a `Workspace` call made for the signed-in user (`who`), and plans
cross into the UI through `tables.py`. The session (open plan id, its revision and the notes) is kept in
the browser's local storage and the working copy on the server, so a refresh or a closed tab loses
nothing; the plan id it holds is only a pointer, checked against the signed-in user on every call.
Text from notes and people reaches Markdown views only through `markdown_text`.

Each step is registered twice: as a named API endpoint (a hidden button) that raises a refusal, and as the
browser's event, which shows the refusal as one sentence beside the control at fault (`in_browser`): a raised
error would mark every output with a red badge. Words come from the language files (`assistant/i18n/`) in
the language the signed-in person chose, kept with their account (`preferences.py`) like learning mode.
"""
from __future__ import annotations

import datetime as dt
import threading
from collections import OrderedDict
from pathlib import Path

import gradio as gr
import uvicorn
from fastapi import FastAPI

from ..access import EDITABLE, AccessDenied, User
from ..errors import PlanCoachError
from ..export import to_markdown
from ..i18n import reword, rewrite, term, text
from ..inputs import InputError, read_notes
from ..pipeline import warm_up
from ..reader import Correction, sentence_key
from ..schema import Plan, load_plan_lenient
from ..settings import Settings, get_settings
from ..storage import StaleEdit, WorkflowError
from ..textutil import markdown_text
from ..workspace import EXPORTS, Workspace
from . import coach
from . import tables as T
from .admin import AdminPage
from .labels import drafted_by, export_versions, label
from .parts import FieldError, Page, error_md, raising, reworded, selected_row
from .review import ReviewTab
from .signin import Gate, install

EMPTY_SESSION = {"plan_id": None, "notes": "", "revision": None}
TABLE_LABELS: dict[str, str] = {**{o: f"resp_{o}" for o in T.OWNERS}, "header": "interview_date"}  # a table's label key, by name
HISTORY = 50  # edits the undo button can step back through
CSS = """
.pc-guide {border-left: 4px solid #7c9cd6; padding-left: 10px; background: #f6f8fc}
.pc-status {min-height: 1.5em}
.pc-error p {color: #b42318; margin: 2px 0 6px}
.pc-table th, .pc-table th *, .pc-table .virtual-row * {font-family: var(--font) !important}
.pc-table th *, .pc-table th *::first-letter {font-size: var(--text-sm) !important}
.pc-table th .header {word-break: normal !important; overflow-wrap: normal !important; hyphens: none}
.pc-table th .cell-wrap {padding-left: 4px; padding-right: 4px}
#pc-upload .filename .stem {white-space: normal; overflow-wrap: anywhere; text-overflow: clip}
"""
# Where a refusal is shown: beside the notes, the header fields, each table, and each row of buttons.
ERROR_SLOTS = ("notes", "header", "draft", "plan", *T.TABLES, "actions", "fix", "plans", "hr")


def _say(line: str) -> None:
    """A line for the person who started the workspace (indexing progress), on its console."""
    print(line, flush=True)


def _date_or_none(value: str, lang: str = "en") -> dt.date | None:
    value = (value or "").strip()
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise FieldError("header", text(lang, "errors.header_date", value=value)) from None


def _sources_md(plan: Plan, lang: str) -> str:
    if not plan.sources:
        return ""
    items = [text(lang, "labels.sources_item", title=markdown_text(s.title), kind=term(lang, "source_kind", s.kind),
                  path=markdown_text(s.path)) for s in plan.sources]
    return f"**{label(lang, 'sources_title')}**\n\n" + "\n".join(f"- {i}" for i in items)


def _frame(table: str, rows: list, lang: str) -> dict:
    """A table's value with its headers in `lang` (Gradio shows the headers a value brings)."""
    return {"headers": T.headers(table, lang), "data": rows}


def _snapshot(plan_data: dict | None, pending: T.Pending | None = None) -> dict:
    """What undo restores: the plan and the rows not yet filled in."""
    return {"plan": plan_data, "pending": {t: [[i, r] for i, r in rows] for t, rows in (pending.rows if pending else {}).items()}}


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

    def _key(self, session: dict, plan: Plan, pending: T.Pending) -> tuple:
        return (session.get("plan_id"), session.get("revision"), plan.model_dump_json(exclude={"review_flags"}),
                repr(sorted(pending.rows.items())))

    def already(self, session: dict, plan: Plan, pending: T.Pending) -> bool:
        """This plan (with these unfinished rows) was applied to this revision of the plan before."""
        with self._lock:
            return session.get("revision") is not None and self._key(session, plan, pending) in self._seen

    def remember(self, session: dict, plan: Plan, pending: T.Pending) -> None:
        with self._lock:
            self._seen[self._key(session, plan, pending)] = None
            if len(self._seen) > self._size:
                self._seen.popitem(last=False)


def build(settings: Settings | None = None, gate: Gate | None = None) -> gr.Blocks:  # noqa: C901 -- predates the complexity budget
    settings = settings or get_settings()
    ws = Workspace.open(settings)
    gate = gate or Gate(ws.accounts, settings)
    applied = _AppliedEdits()
    # Index the knowledge base and warm the drafter while the page loads, not during the first manager's draft.
    threading.Thread(target=warm_up, args=(settings, _say), daemon=True, name="warm-up").start()

    page = Page(ws, settings, gate)
    who, lang_of = page.who, page.lang_of

    def whoami_md(user: User, lang: str) -> str:
        if user.alone:
            return text(lang, "status.alone")
        return text(lang, "status.signed_in", name=markdown_text(user.name), role=term(lang, "role", user.role))

    def plan_outputs(plan: Plan, notes: str, lang: str, analysis=None, pending: T.Pending | None = None):
        t = T.to_tables(plan, lang)
        if pending is not None:
            t = pending.merge(t)
        ids = [i for f in plan.review_flags for i in f.sentence_ids]
        return (*[_frame(name, t[name], lang) for name in T.TABLES], _frame("flags", t["flags"], lang),
                T.highlighted_notes(analysis or ws.sentences(notes, plan), notes, ids, lang=lang),
                _sources_md(plan, lang), to_markdown(plan), plan.model_dump(mode="json"))

    def empty_views(lang: str):
        return (*[_frame(name, [], lang) for name in T.TABLES], _frame("flags", [], lang), [], "", "", None)

    def compare_choices(user: User, plan_id: str | None, lang: str, value: str = "draft"):
        """What the diff can compare the plan with: the assistant's draft, the last saved version, any version."""
        named = [(label(lang, "compare_draft"), "draft"), (label(lang, "compare_saved"), "saved")]
        rows = ws.versions(user, plan_id) if plan_id else []
        versions = [(text(lang, "status.version_choice", number=r["number"], kind=term(lang, "version_kind", r["kind"]),
                          author=r["author"] or "", at=f"{r['created_at']:%Y-%m-%d %H:%M}"), str(r["number"]))
                    for r in rows]
        return gr.update(choices=named + versions, value=value)

    def diff_text(user: User, plan_id: str | None, base: str | None, lang: str) -> str:
        """The plan now against `base` ("draft", "saved" or a version number); never silent about unsaved edits."""
        if not plan_id:
            return ""
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

    def comments_md(user: User, plan_id: str | None, lang: str) -> str:
        """What HR and others wrote on the plan, for its manager to read beside it."""
        if not plan_id:
            return ""
        rows = ws.comments(user, plan_id)
        return "\n".join(f"- **{markdown_text(c['actor'])}** ({c['at']:%Y-%m-%d %H:%M}): "
                         f"{markdown_text(rewrite('audit_detail', c['detail'], lang))}" for c in rows)

    def session_of(user: User, plan_id: str, notes: str) -> dict:
        return {"plan_id": plan_id, "notes": notes, "revision": ws.plan(user, plan_id).revision}

    def counts(plan: Plan) -> dict:
        return {"errors": sum(f.severity == "error" for f in plan.review_flags),
                "warnings": sum(f.severity == "warning" for f in plan.review_flags)}

    def header_of(plan: Plan) -> tuple[str, str, str]:
        return (plan.employee.name or "", plan.employee.role or "",
                plan.interview_date.isoformat() if plan.interview_date else "")

    # ------------------------------------------------------------ handlers (positional outputs: the API's)

    def do_draft(notes, employee, role, interview_date, session, request: gr.Request,
                 progress=gr.Progress()):  # noqa: B008 -- Gradio finds the progress bar by this default
        user = who(request)
        lang = lang_of(user)
        day = _date_or_none(interview_date, lang)
        progress(0.1, desc=text(lang, "status.reading"))
        plan_id, plan, analysis = ws.draft(user, notes, employee=employee, role=role, interview_date=day)
        progress(0.9, desc=text(lang, "status.checking"))
        status = text(lang, "status.drafted", by=drafted_by(plan.drafter, lang),
                      deficiencies=len(plan.deficiencies), goals=len(plan.goals), errors=counts(plan)["errors"])
        return (*plan_outputs(plan, notes, lang, analysis), session_of(user, plan_id, notes), plan_id, status,
                *header_of(plan), compare_choices(user, plan_id, lang), text(lang, "status.no_changes",
                                                                             base=text(lang, "status.diff_base_draft")), "")

    def edit(user, lang, tables, plan_data, notes, session, header, *, unless_unchanged=False):
        """The edited tables and header as a plan, checked and autosaved; with `unless_unchanged`, None when they
        say what the plan they were edited from says, or repeat an edit already applied to the same revision (a
        table sends an edit on Enter and again on leaving the cell: the second, answered after an undo, would
        bring the undone edit back)."""
        base = load_plan_lenient(plan_data)
        plan, problems, pending = T.from_tables(base, tables, header, lang)
        if unless_unchanged and not pending.rows and not problems.by_table and T.same_plan(plan, base):
            return None
        session = dict(session or EMPTY_SESSION)
        if unless_unchanged and applied.already(session, plan, pending):
            return None
        checked = ws.check(user, plan, notes, session.get("plan_id"), session.get("revision"))
        applied.remember(session, plan, pending)
        if session.get("plan_id"):
            session = session_of(user, session["plan_id"], notes)
        return checked, problems, pending, session

    def edited_tables(deficiencies, causes, goals, employee_rows, manager_rows, organisation_rows, check_ins):
        return dict(zip(T.TABLES, (deficiencies, causes, goals, employee_rows, manager_rows, organisation_rows, check_ins)))

    def do_edit(deficiencies, causes, goals, employee_rows, manager_rows, organisation_rows, check_ins, plan_data,
                notes, session, employee_name="", role_name="", interview_day="", request: gr.Request | None = None):
        user = who(request)
        lang = lang_of(user)
        if not plan_data:
            return (*[gr.update()] * 12, text(lang, "status.first_draft"), session)
        header = {"employee": employee_name, "role": role_name, "interview_date": interview_day}
        checked, problems, pending, session = edit(
            user, lang, edited_tables(deficiencies, causes, goals, employee_rows, manager_rows, organisation_rows,
                                      check_ins), plan_data, notes, session, header)
        notices = [f"{label(lang, TABLE_LABELS.get(name, name))}: {m}" for name, messages in problems.by_table.items()
                   for m in messages]
        status = " ".join(notices) if notices else text(lang, "status.checked", **counts(checked.plan))
        return (*plan_outputs(checked.plan, notes, lang, checked.analysis, pending), status, session)

    def reading_of(notes: str, plan_data: dict | None):
        """The notes as this plan reads them: its interview date and employee, and the organisation's corrections."""
        return ws.reading(notes, load_plan_lenient(plan_data) if plan_data else None)

    def do_show_reading(notes, plan_data, request: gr.Request):
        """The notes coloured by how each sentence was read, and the sentences offered for correction."""
        lang = lang_of(who(request))
        analysis = reading_of(notes, plan_data)
        return T.reading_spans(analysis, notes or "", lang), gr.update(choices=T.sentence_choices(analysis, lang))

    def do_pick_sentence(evt: gr.SelectData):
        """Clicking a sentence in the reading view picks it for correction (by its text, which ids do not follow)."""
        value = evt.value[0] if isinstance(evt.value, (list, tuple)) else str(evt.value or "")
        return gr.update(value=value.strip() or None)

    def do_correct(notes, employee, role, interview_date, session, plan_data, sentence_text, choice,
                   request: gr.Request):
        """The manager's reading of one sentence: kept with the plan in the organisation's store (later drafts of
        any plan learn from it) and the plan re-drafted at once, keeping the manager's edits (`Workspace.redraft`)."""
        user = who(request)
        lang = lang_of(user)
        plan_id = (session or {}).get("plan_id")
        if not plan_id:
            raise WorkflowError(text(lang, "status.first_draft"))
        if not sentence_text or not choice:
            raise FieldError("fix", text(lang, "errors.pick_sentence"))
        reading, _, owner = choice.partition(": ")
        ws.plan(user, plan_id, "edit")
        day = _date_or_none(interview_date, lang)
        analysis = reading_of(notes, plan_data)
        sentence = next((s for s in (analysis.sentences if analysis else [])
                         if sentence_key(s.text) == sentence_key(sentence_text)), None)
        if sentence is None:
            raise FieldError("fix", text(lang, "errors.sentence_gone"))
        if sentence.kind == "excluded":
            raise FieldError("fix", text(lang, "errors.kept_out"))
        ws.correct(user, plan_id, Correction(sentence.text, reading, owner or None))
        plan, analysis, kept = ws.redraft(user, plan_id, notes, load_plan_lenient(plan_data) if plan_data else None,
                                          employee=employee, role=role, interview_date=day)
        edits = text(lang, "status.edits_kept", number=kept) if kept else text(lang, "status.no_edits")
        status = text(lang, "status.redrafted", sentence=sentence.id, reading=term(lang, "reading", choice), edits=edits)
        return (*plan_outputs(plan, notes, lang, analysis), session_of(user, plan_id, notes), plan_id, status,
                *header_of(plan), compare_choices(user, plan_id, lang), diff_text(user, plan_id, "draft", lang))

    def do_select_flag(plan_data, notes, evt: gr.SelectData, request: gr.Request):
        if not plan_data:
            return gr.update()
        plan = load_plan_lenient(plan_data)
        row = selected_row(evt)
        flags = T.sorted_flags(plan.review_flags)
        ids = flags[row].sentence_ids if 0 <= row < len(flags) else []
        return T.highlighted_notes(ws.sentences(notes, plan), notes, ids, "flag", lang_of(who(request)))

    def do_select_evidence(plan_data, notes, evt: gr.SelectData, request: gr.Request):
        if not plan_data:
            return gr.update()
        plan = load_plan_lenient(plan_data)
        row = selected_row(evt)
        ids = plan.deficiencies[row].source_sentences if 0 <= row < len(plan.deficiencies) else []
        return T.highlighted_notes(ws.sentences(notes, plan), notes, ids, lang=lang_of(who(request)))

    @raising
    def do_notes_changed(notes, session, request: gr.Request):
        session = dict(session or EMPTY_SESSION)
        session["notes"] = notes
        if session.get("plan_id"):
            try:
                session["revision"] = ws.autosave_notes(who(request), session["plan_id"], notes, session.get("revision"))
            except (AccessDenied, WorkflowError):
                session["plan_id"] = None  # not ours to change (any more): keep the notes in the browser only
        return session

    def do_upload(file, request: gr.Request):
        if file is None:
            return gr.update()
        lang = lang_of(who(request))
        path = Path(str(file))
        try:
            return read_notes(str(path), settings.max_notes_chars)
        except InputError as exc:  # name the file as the manager knows it, never where the server keeps it
            raise FieldError("notes", reword(str(exc).replace(str(path), path.name), lang)) from None

    def do_save(plan_data, notes, session, request: gr.Request):
        user = who(request)
        lang = lang_of(user)
        plan_id = (session or {}).get("plan_id")
        if not plan_data or not plan_id:
            raise WorkflowError(text(lang, "status.first_draft"))
        try:
            number = ws.save(user, plan_id, load_plan_lenient(plan_data), notes, (session or {}).get("revision"))
        except StaleEdit as exc:  # nothing is lost: the edit stays on the page, the comparison beside it
            return (text(lang, "refusals.stale", by=exc.by or "?", at=f"{exc.at:%Y-%m-%d %H:%M}"), gr.update(),
                    exc.comparison, session)
        return (text(lang, "status.saved", number=number), compare_choices(user, plan_id, lang),
                diff_text(user, plan_id, "draft", lang), session_of(user, plan_id, notes))

    def do_submit(plan_data, notes, session, request: gr.Request):
        user = who(request)
        lang = lang_of(user)
        plan_id = (session or {}).get("plan_id")
        if not plan_data or not plan_id:
            raise WorkflowError(text(lang, "status.first_draft"))
        ws.submit(user, plan_id, load_plan_lenient(plan_data), notes, (session or {}).get("revision"))
        return text(lang, "status.submitted"), session_of(user, plan_id, notes)

    def do_export(fmt, audience, session, request: gr.Request):
        user = who(request)
        plan_id = (session or {}).get("plan_id")
        if not plan_id:
            raise WorkflowError(text(lang_of(user), "status.first_draft"))
        return str(ws.export(user, plan_id, fmt, audience=audience))

    def opened(user: User, plan_id: str, said: str = "status.opened"):
        """Everything the workspace shows for a stored plan the user may read."""
        lang = lang_of(user)
        stored = ws.plan(user, plan_id)
        state = term(lang, "plan_status", stored.status)
        note = "" if stored.status in EDITABLE else text(lang, "status.read_only_submitted") \
            if stored.status == "submitted" else text(lang, "status.read_only")
        message = text(lang, said, status=state, note=note)  # `said`: the status line's words, by key
        if stored.plan is None:
            return (*[gr.update()] * 11, None, stored.notes, plan_id, message, "", "", "",
                    session_of(user, plan_id, stored.notes), compare_choices(user, plan_id, lang), "",
                    comments_md(user, plan_id, lang))
        plan = stored.plan
        return (*plan_outputs(plan, stored.notes, lang), stored.notes, plan_id, message, *header_of(plan),
                session_of(user, plan_id, stored.notes), compare_choices(user, plan_id, lang),
                diff_text(user, plan_id, "draft", lang), comments_md(user, plan_id, lang))

    def do_restore(session, request: gr.Request):
        """Page load: reopen the plan this browser was working on (if this user may still read it), or its notes;
        the person's interface language and learning mode as they left them."""
        session = session or EMPTY_SESSION
        user = who(request)
        chosen = ws.preferences.get(user.name)
        mine = (whoami_md(user, chosen.language), chosen.language, chosen.learning)
        plan_id = session.get("plan_id")
        if plan_id:
            try:
                return (*opened(user, plan_id, "status.reopened"), *mine)
            except AccessDenied:
                pass
        # Nothing stored: leave the notes box alone. Sending "" raced with a manager who starts typing as
        # the page opens, and wiped what was typed (seen as a flaky browser test).
        notes_back = session.get("notes") or gr.update()
        return (*[gr.update()] * 11, None, notes_back, None, "", gr.update(), gr.update(), gr.update(),
                EMPTY_SESSION if plan_id else gr.update(), compare_choices(user, None, chosen.language), "", "", *mine)

    def do_new(request: gr.Request):
        """A new plan starts from nothing: no tables, header, notes, download, versions or stored session."""
        user = who(request)
        lang = lang_of(user)
        return (*empty_views(lang), EMPTY_SESSION, "", None, text(lang, "status.new_plan"), "", "", "",
                None, compare_choices(user, None, lang), "", "")

    def do_revise(session, request: gr.Request):
        """Start a revision of the open approved plan, and open it."""
        user = who(request)
        plan_id = (session or {}).get("plan_id")
        if not plan_id:
            raise WorkflowError(text(lang_of(user), "errors.select_plan"))
        return opened(user, ws.revise(user, plan_id), "status.revision_started")

    def do_open(plan_id, request: gr.Request):
        user = who(request)
        if not plan_id:
            raise WorkflowError(text(lang_of(user), "errors.select_plan"))
        return opened(user, plan_id)

    def do_plan_list(page_number: float | None, request: gr.Request):
        """One page of the plans this user may see (50 a page, paged in the database)."""
        user = who(request)
        return page.plan_rows(ws.plans(user, max(int(page_number or 1), 1) - 1), lang_of(user))

    def do_share(plan_id, account, request: gr.Request):
        user = who(request)
        ws.share(user, (plan_id or "").strip(), (account or "").strip())
        return text(lang_of(user), "status.shared", account=markdown_text(account))

    def do_set_employee(plan_id, account, request: gr.Request):
        user = who(request)
        ws.set_employee_account(user, (plan_id or "").strip(), (account or "").strip() or None)
        return text(lang_of(user), "status.employee_set", account=markdown_text(account))

    def do_acknowledge(plan_id, request: gr.Request):
        user = who(request)
        ws.acknowledge(user, (plan_id or "").strip())
        return text(lang_of(user), "status.acknowledged")

    # ------------------------------------------------------------ layout

    # Gradio's copies of uploads and exports hold personal data: removed like the exports themselves.
    with gr.Blocks(title="PlanCoach", delete_cache=(60, int(settings.export_keep_minutes * 60))) as demo:
        session = gr.BrowserState(EMPTY_SESSION, storage_key="plancoach-session")
        plan_state = gr.State(None)
        history = gr.State([])  # the plan after each edit since the draft (or open): what undo steps back to
        picked = gr.State({})  # the table and row last selected: what Move up and Move down act on
        errors, error_slot = page.errors, page.error_slot
        page.also = [history, picked]

        with gr.Row():
            title = gr.Markdown(f"## {label('en', 'title')}")
            ui_lang = gr.Radio([("English", "en"), ("中文", "zh")], value="en", label=label("en", "ui_language"), scale=0,
                               min_width=220, elem_id="pc-ui-lang")
            whoami = gr.Markdown(elem_id="pc-whoami")
        with gr.Tabs():
            with gr.Tab(label("en", "tab_draft"), id="draft") as tab_draft, gr.Row():
                with gr.Column(scale=2):
                    notes = gr.Textbox(label=label("en", "notes"), info=label("en", "notes_info"), lines=14,
                                       max_lines=40, elem_id="pc-notes")
                    error_slot("notes")
                    upload = gr.File(label=label("en", "upload"), file_types=[".txt", ".md", ".docx"],
                                     elem_id="pc-upload")
                    with gr.Row():
                        employee = gr.Textbox(label=label("en", "employee"), elem_id="pc-employee", max_lines=1)
                        role = gr.Textbox(label=label("en", "role"), elem_id="pc-role", max_lines=1)
                        interview_date = gr.Textbox(label=label("en", "interview_date"), elem_id="pc-interview-date", max_lines=1)
                    error_slot("header")
                    with gr.Row():
                        draft_btn = gr.Button(label("en", "draft"), variant="primary", elem_id="pc-draft")
                        new_btn = gr.Button(label("en", "new"), variant="secondary", elem_id="pc-new")
                    error_slot("draft")
                    learning = gr.Checkbox(label=label("en", "learning"), value=False, elem_id="pc-learning")
                    highlight = gr.HighlightedText(label=label("en", "highlight"), combine_adjacent=False,
                                                   show_legend=False, elem_id="pc-highlight")
                    readings = gr.HighlightedText(label=label("en", "readings"), combine_adjacent=False,
                                                  show_legend=True, elem_id="pc-readings",
                                                  color_map=T.reading_colours("en"))
                    with gr.Row():
                        fix_sentence = gr.Dropdown(label=label("en", "fix_sentence"), choices=[], scale=3,
                                                   allow_custom_value=True,
                                                   elem_id="pc-fix-sentence")
                        fix_reading = gr.Dropdown(label=label("en", "fix_reading"), choices=T.correction_choices("en"),
                                                  scale=2, elem_id="pc-fix-reading")
                    fix_btn = gr.Button(label("en", "fix_apply"), elem_id="pc-fix")
                    error_slot("fix")
                    sources = gr.Markdown(elem_id="pc-sources")
                with gr.Column(scale=3):
                    status = gr.Markdown(elem_classes="pc-status", elem_id="pc-status")
                    error_slot("plan")
                    comments = gr.Markdown(elem_id="pc-comments")
                    plan_id_box = gr.Textbox(label=label("en", "plan_id"), interactive=False, elem_id="pc-plan-id",
                                             max_lines=1)
                    with gr.Row():
                        undo_btn = gr.Button(label("en", "undo"), elem_id="pc-undo", size="sm")
                        up_btn = gr.Button(label("en", "move_up"), elem_id="pc-move-up", size="sm")
                        down_btn = gr.Button(label("en", "move_down"), elem_id="pc-move-down", size="sm")
                    guides = {}
                    guides["deficiencies"] = gr.Markdown(visible=False, elem_classes="pc-guide", elem_id="pc-guide-deficiencies")
                    deficiencies = gr.Dataframe(headers=T.headers("deficiencies", "en"), label=label("en", "deficiencies"),
                                                interactive=True, type="array", wrap=True, elem_id="pc-deficiencies",
                                                datatype=T.DEFICIENCY_TYPES,
                                                column_widths=["7%", "20%", "50%", "12%", "11%"], elem_classes="pc-table")
                    error_slot("deficiencies")
                    guides["causes"] = gr.Markdown(visible=False, elem_classes="pc-guide", elem_id="pc-guide-causes")
                    causes = gr.Dataframe(headers=T.headers("causes", "en"), label=label("en", "causes"), interactive=True,
                                          type="array", wrap=True, column_widths=["80%", "20%"], elem_id="pc-causes",
                                          elem_classes="pc-table")
                    error_slot("causes")
                    guides["goals"] = gr.Markdown(visible=False, elem_classes="pc-guide", elem_id="pc-guide-goals")
                    goals = gr.Dataframe(headers=T.headers("goals", "en"), label=label("en", "goals"), interactive=True,
                                         type="array", wrap=True, elem_id="pc-goals", datatype=T.GOAL_TYPES,
                                         column_widths=["6%", "17%", "12%", "10%", "9%", "12%", "14%", "9%", "11%"],
                                         elem_classes="pc-table")
                    error_slot("goals")
                    guides["responsibilities"] = gr.Markdown(visible=False, elem_classes="pc-guide",
                                                             elem_id="pc-guide-responsibilities")
                    resp: dict[str, gr.Dataframe] = {}
                    for owner in T.OWNERS:  # one under the other: side by side, a column was a word wide
                        resp[owner] = gr.Dataframe(
                            headers=T.headers(owner, "en"), interactive=True, type="array", wrap=True,
                            label=label("en", f"resp_{owner}"), elem_id=f"pc-resp-{owner}", elem_classes="pc-table",
                            column_widths=["22%", "60%", "18%"])
                        error_slot(owner)
                    guides["check_ins"] = gr.Markdown(visible=False, elem_classes="pc-guide", elem_id="pc-guide-check_ins")
                    check_ins = gr.Dataframe(headers=T.headers("check_ins", "en"), label=label("en", "check_ins"),
                                             interactive=True, type="array", wrap=True, column_widths=["18%", "82%"],
                                             elem_id="pc-check-ins", elem_classes="pc-table")
                    error_slot("check_ins")
                    flags = gr.Dataframe(headers=T.headers("flags", "en"), label=label("en", "flags"), interactive=False,
                                         type="array", wrap=True, elem_id="pc-flags", elem_classes="pc-table",
                                         column_widths=["10%", "12%", "41%", "15%", "22%"], max_height=900)
                    with gr.Row():
                        save_btn = gr.Button(label("en", "save"), elem_id="pc-save")
                        submit_btn = gr.Button(label("en", "submit"), elem_id="pc-submit")
                        revise_btn = gr.Button(label("en", "revise"), elem_id="pc-revise")
                        export_fmt = gr.Dropdown([(term("en", "format", f), f) for f in EXPORTS], value="docx",
                                                 label=label("en", "export_format"), elem_id="pc-export-format")
                        export_for = gr.Radio(export_versions("en"), value="employee", label=label("en", "export_for"),
                                              elem_id="pc-export-for")
                        export_btn = gr.Button(label("en", "export"), elem_id="pc-export")
                    error_slot("actions")
                    download = gr.File(label=label("en", "download"), interactive=False, elem_id="pc-download")
                    with gr.Accordion(label("en", "preview"), open=False, elem_id="pc-preview") as preview_box:
                        preview = gr.Markdown()
                    with gr.Accordion(label("en", "diff"), open=False, elem_id="pc-diff-box") as diff_box:
                        compare = gr.Dropdown(label=label("en", "compare"), choices=[], elem_id="pc-compare")
                        diff = gr.Code(language="markdown", label=label("en", "diff"), elem_id="pc-diff")
            with gr.Tab(label("en", "tab_plans"), id="plans") as tab_plans:
                plans_table = gr.Dataframe(headers=T.columns("en", "plans"), interactive=False, type="array",
                                           elem_id="pc-plans")
                with gr.Row():
                    selected_id = gr.Textbox(label=label("en", "plan_id"), max_lines=1, elem_id="pc-selected-id")
                    page_no = gr.Number(value=1, minimum=1, precision=0, label=label("en", "page"), scale=0, min_width=90)
                    refresh_btn = gr.Button(label("en", "refresh"))
                    open_btn = gr.Button(label("en", "open"), variant="primary")
                with gr.Row():
                    other_account = gr.Textbox(label=label("en", "other_account"), max_lines=1)
                    share_btn = gr.Button(label("en", "share"))
                    employee_btn = gr.Button(label("en", "set_employee"))
                    acknowledge_btn = gr.Button(label("en", "acknowledge"))
                error_slot("plans")
                plans_note = gr.Markdown()
            review = ReviewTab(page).build()
            admin = AdminPage(ws, who, lang_of)
            admin.build()

        # ------------------------------------------------------------ events

        slots = list(errors.values())

        in_browser, both = page.in_browser, page.both

        def fresh_history(named: dict) -> dict:
            """A plan drafted, re-drafted, opened or cleared: undo starts again from it."""
            if plan_state not in named:
                return named
            plan = named[plan_state]
            return {**named, history: [_snapshot(plan)] if isinstance(plan, dict) else [], picked: {}}

        tables: list[gr.Dataframe] = [deficiencies, causes, goals, resp["employee"], resp["manager"], resp["organisation"],
                                      check_ins]
        plan_views = [*tables, flags, highlight, sources, preview, plan_state]
        header_fields = [employee, role, interview_date]

        both(draft_btn, do_draft, [notes, employee, role, interview_date, session],
             [*plan_views, session, plan_id_box, status, *header_fields, compare, diff, comments], "draft", "draft",
             clears=("notes", "header", "plan", *T.TABLES), after=fresh_history, concurrency_limit=4)
        edit_inputs = [*tables, plan_state, notes, session, *header_fields]

        def edit_step(user, lang, tables_v, plan_data, notes_v, session_v, header, steps, base, said=None):
            """Edited tables and header, by component: re-checked and autosaved, each table's problems beside it, a
            step for undo, the diff against the chosen version brought up to date, and the status line (`said`, or
            the checks' counts)."""
            edited = edit(user, lang, tables_v, plan_data, notes_v, session_v, header, unless_unchanged=True)
            if edited is None:  # nothing to check or save; what was wrong before is put right
                return {errors[name]: "" for name in (*T.TABLES, "header")}
            checked, problems, pending, session_v = edited
            shown = plan_outputs(checked.plan, notes_v, lang, checked.analysis, pending)
            beside = {errors[name]: error_md(" ".join(problems.by_table.get(name, []))) for name in (*T.TABLES, "header")}
            step = _snapshot(shown[-1], pending)
            steps = list(steps or [])
            if not steps or steps[-1] != step:  # a change event that changed nothing is no step to undo
                steps = [*steps, step][-HISTORY:]
            return {**dict(zip(plan_views, shown)), **beside,
                    status: said or text(lang, "status.checked", **counts(checked.plan)),
                    session: session_v, history: steps, diff: diff_text(user, session_v.get("plan_id"), base, lang)}

        def do_edit_in_browser(deficiencies_v, causes_v, goals_v, employee_v, manager_v, organisation_v, check_ins_v,
                               plan_data, notes_v, session_v, employee_name, role_name, interview_day, steps, base,
                               request: gr.Request):
            """An edit in a table or the header."""
            user = who(request)
            lang = lang_of(user)
            if not plan_data:
                return {status: text(lang, "status.first_draft")}
            return edit_step(user, lang, edited_tables(deficiencies_v, causes_v, goals_v, employee_v, manager_v,
                                                       organisation_v, check_ins_v), plan_data, notes_v, session_v,
                             {"employee": employee_name, "role": role_name, "interview_date": interview_day}, steps, base)

        def do_move(step, deficiencies_v, causes_v, goals_v, employee_v, manager_v, organisation_v, check_ins_v,
                    plan_data, notes_v, session_v, employee_name, role_name, interview_day, steps, base, chosen,
                    request: gr.Request):
            """The selected row one place up (`step` -1) or down (+1) in its table: the plan's order, saved and
            exported in it; the selection follows the row, so the next click moves it again."""
            user = who(request)
            lang = lang_of(user)
            if not plan_data:
                return {status: text(lang, "status.first_draft")}
            table, row = (chosen or {}).get("table"), (chosen or {}).get("row", -1)
            values = edited_tables(deficiencies_v, causes_v, goals_v, employee_v, manager_v, organisation_v, check_ins_v)
            if table is None or table not in values:
                raise FieldError("plan", text(lang, "errors.select_row"))
            rows = T.moved(values[table], row, step)
            if rows is None:
                raise FieldError(table, text(lang, "errors.cannot_move", row=row + 1))
            values[table] = rows
            said = text(lang, "status.moved", row=row + 1, to=row + step + 1,
                        table=label(lang, TABLE_LABELS.get(table, table)))
            return {**edit_step(user, lang, values, plan_data, notes_v, session_v,
                                {"employee": employee_name, "role": role_name, "interview_date": interview_day}, steps,
                                base, said),
                    picked: {"table": table, "row": row + step}}

        edit_in_browser = in_browser(do_edit_in_browser, None, "plan")
        controls: list[gr.Dataframe | gr.Textbox] = [*tables, *header_fields]
        for control in controls:
            control.input(edit_in_browser, [*edit_inputs, history, compare],
                          [*plan_views, status, session, history, diff, *slots], trigger_mode="always_last",
                          api_visibility="private")
        for name, table in zip(T.TABLES, tables):
            table.select(_picker(name), None, picked, api_visibility="private")
        for button, step in ((up_btn, -1), (down_btn, 1)):
            button.click(in_browser(do_move, None, "plan"), [gr.State(step), *edit_inputs, history, compare, picked],
                         [*plan_views, status, session, history, diff, picked, *slots], api_visibility="private")
        check_event = gr.Button(visible=False, elem_id="pc-check")
        check_event.click(raising(do_edit), edit_inputs, [*plan_views, status, session], api_name="check")

        def do_undo(notes_v, session_v, steps, base, request: gr.Request):
            """Back to the plan before the last edit (tables, incomplete rows and header), re-checked and autosaved."""
            user = who(request)
            lang = lang_of(user)
            steps = list(steps or [])
            if len(steps) < 2:
                return {status: text(lang, "status.nothing_to_undo")}
            steps.pop()
            before = steps[-1]
            session_v = dict(session_v or EMPTY_SESSION)
            checked = ws.check(user, load_plan_lenient(before["plan"]), notes_v, session_v.get("plan_id"),
                               session_v.get("revision"))
            if session_v.get("plan_id"):
                session_v = session_of(user, session_v["plan_id"], notes_v)
            pending = T.Pending({t: [(i, r) for i, r in rows] for t, rows in before["pending"].items()})
            shown = plan_outputs(checked.plan, notes_v, lang, checked.analysis, pending)
            return {**dict(zip(plan_views, shown)), **dict(zip(header_fields, header_of(checked.plan))),
                    status: text(lang, "status.undone", **counts(checked.plan)), session: session_v,
                    history: [*steps[:-1], _snapshot(shown[-1], pending)], diff: diff_text(user, session_v.get("plan_id"), base, lang),
                    **{errors[name]: "" for name in (*T.TABLES, "header")}}

        undo_btn.click(in_browser(do_undo, None, "plan"), [notes, session, history, compare],
                       [*plan_views, *header_fields, status, session, history, diff, *slots], api_visibility="private")

        plan_state.change(do_show_reading, [notes, plan_state], [readings, fix_sentence], api_visibility="private")
        readings.select(do_pick_sentence, None, fix_sentence, api_visibility="private")
        both(fix_btn, do_correct, [notes, employee, role, interview_date, session, plan_state, fix_sentence, fix_reading],
             [*plan_views, session, plan_id_box, status, *header_fields, compare, diff], "correct", "fix",
             clears=("header",), after=fresh_history)
        flags.select(do_select_flag, [plan_state, notes], highlight, api_visibility="private")
        deficiencies.select(do_select_evidence, [plan_state, notes], highlight, api_visibility="private")
        notes.change(do_notes_changed, [notes, session], session, trigger_mode="always_last", api_visibility="private")
        upload.upload(in_browser(do_upload, [notes], "notes"), upload, [notes, *slots, history], api_visibility="private")
        gr.Button(visible=False, elem_id="pc-api-upload").click(raising(do_upload), upload, notes, api_name="upload")
        both(save_btn, do_save, [plan_state, notes, session], [status, compare, diff, session], "save", "actions")
        both(submit_btn, do_submit, [plan_state, notes, session], [status, session], "submit", "actions")
        both(export_btn, do_export, [export_fmt, export_for, session], [download], "export", "actions")

        def do_compare(session_v, base, request: gr.Request):
            user = who(request)
            return diff_text(user, (session_v or {}).get("plan_id"), base, lang_of(user))

        compare.input(raising(do_compare), [session, compare], diff, api_visibility="private")
        new_btn.click(in_browser(do_new, [*plan_views, session, notes, plan_id_box, status, *header_fields, download,
                                          compare, diff, comments], "draft", clears=ERROR_SLOTS, after=fresh_history),
                      None, [*plan_views, session, notes, plan_id_box, status, *header_fields, download, compare, diff,
                             comments, *slots, history, picked], api_visibility="private")
        opened_views = [*plan_views, notes, plan_id_box, status, *header_fields, session, compare, diff, comments]
        demo.load(in_browser(do_restore, [*opened_views, whoami, ui_lang, learning], "plan", after=fresh_history),
                  session, [*opened_views, whoami, ui_lang, learning, *slots, history, picked], api_visibility="private")

        def show_learning(on, plan_data, lang):
            """Learning mode's comments on this plan beside each section (or nothing, when it is off), in the language
            the interface shows (a switch is seen here before it is kept with the account)."""
            plan = load_plan_lenient(plan_data) if plan_data else None
            return [gr.update(visible=bool(on), value=coach.guide_md(plan, key, lang, settings.knowledge_dirs,
                                                                     max_gap=settings.check_in_max_gap_days)
                              if on else "") for key in guides]

        def keep_learning(on, request: gr.Request):
            ws.preferences.set(who(request).name, learning=bool(on))

        learning.input(keep_learning, learning, None, api_visibility="private")
        for trigger in (learning.change, plan_state.change, ui_lang.change):
            trigger(show_learning, [learning, plan_state, ui_lang], list(guides.values()), api_visibility="private")

        refresh_btn.click(in_browser(do_plan_list, [plans_table], "plans"), page_no, [plans_table, *slots, history],
                          api_visibility="private")
        gr.Button(visible=False, elem_id="pc-api-plans").click(raising(do_plan_list), page_no, plans_table,
                                                                api_name="plans")
        tab_plans.select(raising(do_plan_list), page_no, plans_table, api_visibility="private")
        plans_outputs = [plans_note]
        both(share_btn, do_share, [selected_id, other_account], plans_outputs, "share", "plans")
        both(employee_btn, do_set_employee, [selected_id, other_account], plans_outputs, "set_employee_account", "plans")
        both(acknowledge_btn, do_acknowledge, [selected_id], plans_outputs, "acknowledge", "plans")

        def pick_plan(rows, evt: gr.SelectData):
            data = T._rows(rows)
            row = selected_row(evt)
            return data[row][0] if 0 <= row < len(data) else ""

        plans_table.select(pick_plan, plans_table, selected_id, api_visibility="private")
        both(open_btn, do_open, [selected_id], opened_views, "open", "plans", after=fresh_history)
        both(revise_btn, do_revise, [session], opened_views, "revise", "actions", after=fresh_history)
        admin.register(demo)
        review.wire()

        # Every label in the chosen language: (component, what to set, label key).
        worded = [(ui_lang, "label", "ui_language"), (upload, "label", "upload"), (employee, "label", "employee"),
                  (role, "label", "role"), (interview_date, "label", "interview_date"), (draft_btn, "value", "draft"),
                  (new_btn, "value", "new"), (learning, "label", "learning"), (highlight, "label", "highlight"),
                  (fix_btn, "value", "fix_apply"), (plan_id_box, "label", "plan_id"), (undo_btn, "value", "undo"),
                  (up_btn, "value", "move_up"), (down_btn, "value", "move_down"),
                  (deficiencies, "label", "deficiencies"), (causes, "label", "causes"), (goals, "label", "goals"),
                  *[(resp[o], "label", f"resp_{o}") for o in T.OWNERS], (check_ins, "label", "check_ins"),
                  (flags, "label", "flags"), (save_btn, "value", "save"), (submit_btn, "value", "submit"), (revise_btn, "value", "revise"),
                  (export_btn, "value", "export"), (download, "label", "download"), (preview_box, "label", "preview"),
                  (diff_box, "label", "diff"), (compare, "label", "compare"), (diff, "label", "diff"),
                  (tab_draft, "label", "tab_draft"), (tab_plans, "label", "tab_plans"),
                  (selected_id, "label", "plan_id"), (page_no, "label", "page"), (refresh_btn, "value", "refresh"),
                  (open_btn, "value", "open"), (other_account, "label", "other_account"), (share_btn, "value", "share"),
                  (employee_btn, "value", "set_employee"), (acknowledge_btn, "value", "acknowledge"),
                  *review.worded(), *admin.worded()]

        said = [status, plans_note, *slots]  # messages shown in the language of the moment they were said

        def relabel(values: dict, request: gr.Request):
            """The whole page in the chosen language: labels, choices, table headers, the plan's tables and flags, the
            diff, the comments, HR's view, and every message already shown (`values`: the inputs by component)."""
            user = who(request)
            lang, plan_data, notes_v, plans_v, session_v, base = (
                values[c] for c in (ui_lang, plan_state, notes, plans_table, session, compare))
            plan_id = (session_v or {}).get("plan_id")
            shown = plan_outputs(load_plan_lenient(plan_data), notes_v, lang) if plan_data else empty_views(lang)
            analysis = reading_of(notes_v, plan_data)
            changes: dict = {}
            for component, attr, key in worded:
                changes.setdefault(component, {})[attr] = label(lang, key)
            for component, value in zip(plan_views[:10], shown[:10]):
                changes.setdefault(component, {})["value"] = value
            choices = compare_choices(user, plan_id, lang, base or "draft")
            more = {
                title: {"value": f"## {label(lang, 'title')}"},
                notes: {"label": label(lang, "notes"), "info": label(lang, "notes_info")},
                fix_reading: {"label": label(lang, "fix_reading"), "choices": T.correction_choices(lang)},
                readings: {"label": label(lang, "readings"), "color_map": T.reading_colours(lang),
                           "value": T.reading_spans(analysis, notes_v or "", lang)},
                fix_sentence: {"label": label(lang, "fix_sentence"), "choices": T.sentence_choices(analysis, lang)},
                export_fmt: {"label": label(lang, "export_format"), "choices": [(term(lang, "format", f), f) for f in EXPORTS]},
                export_for: {"label": label(lang, "export_for"), "choices": export_versions(lang)},
                compare: {"choices": choices["choices"], "value": choices["value"]},
                whoami: {"value": whoami_md(user, lang)},
                plans_table: {"value": {"headers": T.columns(lang, "plans"), "data": T._cells(plans_v)}},
                **review.relabelled(user, lang, values[review.waiting], values[review.audit], values[review.plan_id]),
                **admin.relabelled(user, lang, values[admin.status]),
                diff: {"value": diff_text(user, plan_id, base, lang)},
                comments: {"value": comments_md(user, plan_id, lang)},
                **{component: {"value": reworded(values[component], lang)} for component in said},
            }
            for component, change in more.items():
                changes.setdefault(component, {}).update(change)
            return {component: gr.update(**change) for component, change in changes.items()}

        ui_lang.change(relabel, {ui_lang, plan_state, notes, plans_table, review.waiting, review.audit, session, compare,
                                 review.plan_id, admin.status, *said},
                       list(dict.fromkeys([*(c for c, _, _ in worded), *plan_views[:10], title, notes, fix_reading, readings,
                                           fix_sentence, export_fmt, export_for, compare, whoami, plans_table,
                                           review.waiting, review.audit, review.plan, diff, comments, *said,
                                           admin.change, admin.role, admin.status, admin.table, admin.history])),
                       api_visibility="private")

        def keep_language(lang, request: gr.Request):
            ws.preferences.set(who(request).name, language=lang)

        ui_lang.input(keep_language, ui_lang, None, api_visibility="private")
    return demo


LOOPBACK = ("127.0.0.1", "localhost", "::1")


class SignInRequired(PlanCoachError, RuntimeError):
    """`serve` on a shared address with nobody to sign in."""


# Gradio's own words that its Chinese file lacks (it showed "In queue: 1 of 3" and "common.complete" in a Chinese
# browser); Gradio's words follow the browser's language, ours the person's choice.
_GRADIO_ZH = {"status": {"queue_position": "排队中：第 {position} 位，共 {size} 位"}, "common": {"complete": "完成"}}
GRADIO_WORDS = {"zh-CN": _GRADIO_ZH, "zh": _GRADIO_ZH}

# Gradio's queue polls for work every 1 ms; while events wait for a free slot that loop holds the event loop
# and the GIL ~1000 times a second, taking CPU from the drafts it waits for. 10 ms costs an event at most 10 ms.
QUEUE_POLL_SECONDS = 0.01


def create_app(settings: Settings | None = None) -> FastAPI:
    """The web app: sign-in routes and the gate, with the workspace mounted behind them."""
    settings = settings or get_settings()
    ws = Workspace.open(settings)
    gate = Gate(ws.accounts, settings)
    if gate.open and settings.host not in LOOPBACK and not settings.allow_no_signin:
        raise SignInRequired(
            f"Refusing to serve {settings.host} without sign-in: create the first account with "
            "`plancoach users add NAME --role admin` (or configure single sign-on), or set "
            "PLANCOACH_ALLOW_NO_SIGNIN=true on a trusted network.")
    app = FastAPI(docs_url=None, redoc_url=None, openapi_url=None)
    install(app, gate, settings)
    demo = build(settings, gate)
    demo.queue(default_concurrency_limit=8)
    demo._queue.sleep_when_free = QUEUE_POLL_SECONDS
    return gr.mount_gradio_app(app, demo, path="", auth_dependency=gate.username, css=CSS, footer_links=["api"],
                               # Gradio's hint says flat; its front end reads these nested keys ('status.queue_position').
                               show_error=True, i18n=gr.I18n(**GRADIO_WORDS))  # type: ignore[arg-type]


def launch(host: str = "127.0.0.1", port: int = 7860, settings: Settings | None = None) -> None:
    settings = (settings or get_settings()).model_copy(update={"host": host, "port": port})
    app = create_app(settings)
    if not Workspace.open(settings).accounts.any() and not settings.oidc_metadata_url:
        print("No account yet: one person works without sign-in. Create the first administrator with "
              "`plancoach users add NAME --role admin` to turn sign-in on.", flush=True)
    print(f"PlanCoach is ready at http://{host}:{port}", flush=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")

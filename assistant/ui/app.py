"""The manager's workspace (Gradio): draft, edit, check, export, keep every version, HR review, learn.

Only wiring lives here: every step is a `Workspace` call made for the signed-in user (`who`), and plans
cross into the UI through `tables.py`. The session (open plan id, its revision and the notes) is kept in
the browser's local storage and the working copy on the server, so a refresh or a closed tab loses
nothing; the plan id it holds is only a pointer, checked against the signed-in user on every call.
Text from notes and people reaches Markdown views only through `markdown_text`.
"""
from __future__ import annotations

import datetime as dt
import functools
import threading
from pathlib import Path

import gradio as gr
import uvicorn
from fastapi import FastAPI

from ..access import ALONE, EDITABLE, AccessDenied, User
from ..errors import PlanCoachError
from ..export import to_markdown
from ..inputs import InputError, read_notes
from ..knowledge import learning_guide
from ..notes import analyse
from ..pipeline import warm_up
from ..reader import Correction, sentence_key
from ..schema import Plan, load_plan_lenient
from ..settings import Settings, get_settings
from ..storage import BLOCKING_KINDS, StaleEdit, WorkflowError
from ..textutil import markdown_text
from ..workspace import EXPORTS, Workspace
from . import tables as T
from .labels import export_versions, label
from .admin import AdminPage
from .signin import Gate, install

EMPTY_SESSION = {"plan_id": None, "notes": "", "revision": None}
SECTION_GUIDE = {"deficiencies": "Deficiencies", "causes": "Root causes", "goals": "Goals",
                 "responsibilities": "Responsibilities", "check_ins": "Check-ins"}
CSS = """
.pc-guide {border-left: 4px solid #7c9cd6; padding-left: 10px; background: #f6f8fc}
.pc-status {min-height: 1.5em}
"""


def _say(line: str) -> None:
    """A line for the person who started the workspace (indexing progress), on its console."""
    print(line, flush=True)


def _date_or_none(text: str) -> dt.date | None:
    text = (text or "").strip()
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise gr.Error(f"'{text}' is not a date: use YYYY-MM-DD") from None


def _user_errors(handler):
    """A PlanCoachError (a refusal, a workflow rule, bad input, a server the message names) as the one line Gradio
    shows beside the workspace, never a traceback."""
    @functools.wraps(handler)
    def shown(*args, **kwargs):
        try:
            return handler(*args, **kwargs)
        except PlanCoachError as exc:
            raise gr.Error(str(exc)) from None
    return shown


def _selected_row(evt: gr.SelectData) -> int:
    """The row of a selected table cell (Gradio gives [row, column] for tables, an int for lists)."""
    return evt.index[0] if isinstance(evt.index, (list, tuple)) else evt.index


def _analysis(plan: Plan | None, notes: str):
    if not (notes or "").strip():
        return None
    try:
        return analyse(notes, interview_date=plan.interview_date if plan else None)
    except Exception:  # highlighting is a convenience; never let it break editing
        return None


def _sources_md(plan: Plan) -> str:
    if not plan.sources:
        return ""
    return "\n".join(f"- **{markdown_text(s.title)}** ({s.kind}) — {markdown_text(s.path)}" for s in plan.sources)


def _guide_md(section: str, lang: str, plan: Plan | None = None, folders: list | None = None) -> str:
    entry = learning_guide(folders, lang).get(SECTION_GUIDE[section], {})
    if not entry:
        return ""
    lines = [f"**{label(lang, 'why')}:** {entry.get('why', '')}",
             f"- **{label(lang, 'weak')}:** {entry.get('weak', '')}",
             f"- **{label(lang, 'strong')}:** {entry.get('strong', '')}",
             f"- **{label(lang, 'tip')}:** {entry.get('tip', '')}"]
    if section == "goals" and plan is not None:
        advice = [f"- {markdown_text(f.location)}: {markdown_text(f.message)} {markdown_text(f.suggestion or '')}"
                  for f in plan.review_flags if f.kind == "smart"]
        if advice:
            lines += ["", f"**{label(lang, 'smart_check')}:**", *advice]
    return "\n".join(lines)


def build(settings: Settings | None = None, gate: Gate | None = None) -> gr.Blocks:
    settings = settings or get_settings()
    ws = Workspace.open(settings)
    gate = gate or Gate(ws.accounts, settings)
    # Index the knowledge base and warm the drafter while the page loads, not during the first manager's draft.
    threading.Thread(target=warm_up, args=(settings, _say), daemon=True, name="warm-up").start()

    def who(request: gr.Request | None) -> User:
        """The signed-in user of a request (its name set by the sign-in gate); never a name the client sends."""
        if gate.open:
            return ALONE
        name = getattr(request, "username", None)
        account = ws.accounts.get(name) if name else None
        if account is None or not account.active:
            raise gr.Error("Sign in first.")
        return account.user()

    def whoami_md(request: gr.Request) -> str:
        user = who(request)
        if user.alone:
            return ("Working alone: no sign-in, because this workspace has no account and listens on this computer "
                    "only. `plancoach users add NAME --role admin` turns sign-in on.")
        return f"Signed in as **{markdown_text(user.name)}** ({user.role}) · [Sign out](/logout)"

    def plan_outputs(plan: Plan, notes: str, analysis=None, pending: T.Pending | None = None):
        t = T.to_tables(plan)
        if pending is not None:
            t = pending.merge(t)
        ids = [i for f in plan.review_flags for i in f.sentence_ids]
        return (t["deficiencies"], t["causes"], t["goals"], t["employee"], t["manager"], t["organisation"],
                t["check_ins"], t["flags"], T.highlighted_notes(analysis or _analysis(plan, notes), notes, ids),
                _sources_md(plan), to_markdown(plan), plan.model_dump(mode="json"))

    def versions_choices(user: User, plan_id: str | None):
        if not plan_id:
            return gr.update(choices=[], value=None)
        rows = ws.versions(user, plan_id)
        choices = [(f"v{r['number']} · {r['kind']} · {r['author'] or ''} · {r['created_at']:%Y-%m-%d %H:%M}", r["number"])
                   for r in rows]
        return gr.update(choices=choices, value=rows[0]["number"] if rows else None)

    def diff_text(user: User, plan_id: str | None, number: int | None) -> str:
        if not plan_id or not ws.versions(user, plan_id):
            return ""
        return ws.diff(user, plan_id, number or 1) or "(no changes)"

    def comments_md(user: User, plan_id: str | None) -> str:
        """What HR and others wrote on the plan, for its manager to read beside it."""
        if not plan_id:
            return ""
        rows = ws.comments(user, plan_id)
        return "\n".join(f"- **{markdown_text(c['actor'])}** ({c['at']:%Y-%m-%d %H:%M}): {markdown_text(c['detail'])}"
                         for c in rows)

    def session_of(plan_id: str, notes: str) -> dict:
        return {"plan_id": plan_id, "notes": notes, "revision": ws.store.get(plan_id).revision}

    # ------------------------------------------------------------ handlers

    @_user_errors
    def do_draft(notes, employee, role, interview_date, session, request: gr.Request, progress=gr.Progress()):
        user = who(request)
        progress(0.1, desc="Reading the notes")
        plan_id, plan, analysis = ws.draft(user, notes, employee=employee, role=role,
                                           interview_date=_date_or_none(interview_date))
        progress(0.9, desc="Checking the draft")
        status = f"Drafted by {plan.drafter}: {len(plan.deficiencies)} deficiencies, {len(plan.goals)} goals, " \
                 f"{sum(f.severity == 'error' for f in plan.review_flags)} errors to fix. Saved as version 1."
        return (*plan_outputs(plan, notes, analysis), session_of(plan_id, notes), plan_id, status,
                plan.employee.name or "", plan.employee.role or "",
                plan.interview_date.isoformat() if plan.interview_date else "",
                versions_choices(user, plan_id), "(no changes yet)", "")

    @_user_errors
    def do_edit(deficiencies, causes, goals, employee_rows, manager_rows, organisation_rows, check_ins, plan_data,
                notes, session, employee_name="", role_name="", interview_day="", request: gr.Request = None):
        if not plan_data:
            return (*[gr.update()] * 12, "Draft a plan first.", session)
        user = who(request)
        base = load_plan_lenient(plan_data)
        header = {"employee": employee_name, "role": role_name, "interview_date": interview_day}
        plan, problems, pending = T.from_tables(
            base, {"deficiencies": deficiencies, "causes": causes, "goals": goals, "employee": employee_rows,
                   "manager": manager_rows, "organisation": organisation_rows, "check_ins": check_ins}, header)
        session = dict(session or EMPTY_SESSION)
        checked = ws.check(user, plan, notes, session.get("plan_id"), session.get("revision"))
        if session.get("plan_id"):
            session = session_of(session["plan_id"], notes)
        plan = checked.plan
        errors = sum(f.severity == "error" for f in plan.review_flags)
        names = {"deficiencies": label("en", "deficiencies"), "causes": label("en", "causes"), "goals": label("en", "goals"),
                 "check_ins": label("en", "check_ins"), **{o: label("en", f"resp_{o}") for o in T.OWNERS}}
        notices = problems + pending.messages(names)
        status = "; ".join(notices) if notices else f"Checked: {errors} errors, " \
                 f"{sum(f.severity == 'warning' for f in plan.review_flags)} warnings. Autosaved."
        return (*plan_outputs(plan, notes, checked.analysis, pending), status, session)

    def reading_of(notes: str, plan_data: dict | None):
        """The notes as this plan reads them: its interview date and employee, and the organisation's corrections."""
        if not (notes or "").strip():
            return None
        plan = load_plan_lenient(plan_data) if plan_data else None
        try:
            return analyse(notes, interview_date=plan.interview_date if plan else None,
                           employee=plan.employee.name if plan else None, corrections=ws.store.corrections())
        except (InputError, ValueError):
            return None

    def do_show_reading(notes, plan_data):
        """The notes coloured by how each sentence was read, and the sentences offered for correction."""
        analysis = reading_of(notes, plan_data)
        return T.reading_spans(analysis, notes or ""), gr.update(choices=T.sentence_choices(analysis))

    def do_pick_sentence(evt: gr.SelectData):
        """Clicking a sentence in the reading view picks it for correction (by its text, which ids do not follow)."""
        text = evt.value[0] if isinstance(evt.value, (list, tuple)) else str(evt.value or "")
        return gr.update(value=text.strip() or None)

    @_user_errors
    def do_correct(notes, employee, role, interview_date, session, plan_data, sentence_text, choice,
                   request: gr.Request):
        """The manager's reading of one sentence: kept with the plan in the organisation's store (later drafts of
        any plan learn from it) and the plan re-drafted at once, keeping the manager's edits (`Workspace.redraft`)."""
        user = who(request)
        plan_id = (session or {}).get("plan_id")
        if not plan_id:
            raise gr.Error("Draft a plan first, then correct how a sentence was read.")
        if not sentence_text or not choice:
            raise gr.Error("Pick a sentence and how it should be read, then apply.")
        reading, _, owner = choice.partition(": ")
        ws.plan(user, plan_id, "edit")
        day = _date_or_none(interview_date)
        analysis = reading_of(notes, plan_data)
        sentence = next((s for s in (analysis.sentences if analysis else [])
                         if sentence_key(s.text) == sentence_key(sentence_text)), None)
        if sentence is None:
            raise gr.Error("That sentence is no longer in the notes; pick it again from the list.")
        if sentence.kind == "excluded":
            raise gr.Error("That sentence was kept out of the plan (bias, health, privacy or an instruction); it cannot be re-read.")
        ws.correct(user, plan_id, Correction(sentence.text, reading, owner or None))
        plan, analysis, kept = ws.redraft(user, plan_id, notes, load_plan_lenient(plan_data) if plan_data else None,
                                          employee=employee, role=role, interview_date=day)
        edits = (f"your edits are kept (and the plan as you had it is version {kept})" if kept
                 else "there were no unsaved edits")
        status = f"Re-drafted with {sentence.id} read as {choice}; {edits}."
        return (*plan_outputs(plan, notes, analysis), session_of(plan_id, notes), plan_id, status,
                plan.employee.name or "", plan.employee.role or "",
                plan.interview_date.isoformat() if plan.interview_date else "",
                versions_choices(user, plan_id), diff_text(user, plan_id, 1))

    def do_select_flag(plan_data, notes, evt: gr.SelectData):
        if not plan_data:
            return gr.update()
        plan = load_plan_lenient(plan_data)
        row = _selected_row(evt)
        flags = T.sorted_flags(plan.review_flags)
        ids = flags[row].sentence_ids if 0 <= row < len(flags) else []
        return T.highlighted_notes(_analysis(plan, notes), notes, ids, "flag")

    def do_select_evidence(plan_data, notes, evt: gr.SelectData):
        if not plan_data:
            return gr.update()
        plan = load_plan_lenient(plan_data)
        row = _selected_row(evt)
        ids = plan.deficiencies[row].source_sentences if 0 <= row < len(plan.deficiencies) else []
        return T.highlighted_notes(_analysis(plan, notes), notes, ids)

    @_user_errors
    def do_notes_changed(notes, session, request: gr.Request):
        session = dict(session or EMPTY_SESSION)
        session["notes"] = notes
        if session.get("plan_id"):
            try:
                session["revision"] = ws.autosave_notes(who(request), session["plan_id"], notes, session.get("revision"))
            except (AccessDenied, WorkflowError):
                session["plan_id"] = None  # not ours to change (any more): keep the notes in the browser only
        return session

    @_user_errors
    def do_upload(file):
        if file is None:
            return gr.update()
        path = Path(str(file))
        try:
            return read_notes(str(path), settings.max_notes_chars)
        except InputError as exc:  # name the file as the manager knows it, never where the server keeps it
            raise InputError(str(exc).replace(str(path), path.name)) from None

    @_user_errors
    def do_save(plan_data, notes, session, request: gr.Request):
        user = who(request)
        plan_id = (session or {}).get("plan_id")
        if not plan_data or not plan_id:
            raise gr.Error("Draft a plan first.")
        try:
            number = ws.save(user, plan_id, load_plan_lenient(plan_data), notes, (session or {}).get("revision"))
        except StaleEdit as exc:  # nothing is lost: the edit stays on the page, the comparison beside it
            return str(exc), gr.update(), exc.comparison, session
        return (f"Saved as version {number}.", versions_choices(user, plan_id), diff_text(user, plan_id, 1),
                session_of(plan_id, notes))

    @_user_errors
    def do_submit(plan_data, notes, session, request: gr.Request):
        user = who(request)
        plan_id = (session or {}).get("plan_id")
        if not plan_data or not plan_id:
            raise gr.Error("Draft a plan first.")
        ws.save(user, plan_id, load_plan_lenient(plan_data), notes, (session or {}).get("revision"))
        ws.submit(user, plan_id)
        return "Submitted to HR for review: the plan is read-only until HR requests changes.", session_of(plan_id, notes)

    @_user_errors
    def do_export(fmt, audience, session, request: gr.Request):
        plan_id = (session or {}).get("plan_id")
        if not plan_id:
            raise gr.Error("Draft a plan first.")
        return str(ws.export(who(request), plan_id, fmt, audience=audience))

    def opened(user: User, plan_id: str, message: str):
        """Everything the workspace shows for a stored plan the user may read."""
        stored = ws.plan(user, plan_id)
        if stored.plan is None:
            return (*[gr.update()] * 11, None, stored.notes, plan_id, message, "", "", "",
                    session_of(plan_id, stored.notes), versions_choices(user, plan_id), "", comments_md(user, plan_id))
        plan = stored.plan
        note = "" if stored.status in EDITABLE else " It is read-only until HR requests changes." \
            if stored.status == "submitted" else " It can no longer be changed."
        return (*plan_outputs(plan, stored.notes), stored.notes, plan_id,
                f"{message} ({stored.status.replace('_', ' ')}).{note}", plan.employee.name or "",
                plan.employee.role or "", plan.interview_date.isoformat() if plan.interview_date else "",
                session_of(plan_id, stored.notes), versions_choices(user, plan_id), diff_text(user, plan_id, 1),
                comments_md(user, plan_id))

    def do_restore(session, request: gr.Request):
        """Page load: reopen the plan this browser was working on (if this user may still read it), or its notes."""
        session = session or EMPTY_SESSION
        user = who(request)
        plan_id = session.get("plan_id")
        if plan_id:
            try:
                return (*opened(user, plan_id, "Reopened plan"), whoami_md(request))
            except AccessDenied:
                pass
        # Nothing stored: leave the notes box alone. Sending "" raced with a manager who starts typing as
        # the page opens, and wiped what was typed (seen as a flaky browser test).
        notes_back = session.get("notes") or gr.update()
        return (*[gr.update()] * 11, None, notes_back, None, "", gr.update(), gr.update(), gr.update(),
                EMPTY_SESSION if plan_id else gr.update(), versions_choices(user, None), "", "", whoami_md(request))

    def do_new(request: gr.Request):
        """A new plan starts from nothing: no tables, header, notes, download, versions or stored session."""
        cleared_views = [[] for _ in range(8)] + [[], "", "", None]  # tables, flags, highlight, sources, preview, plan
        return (*cleared_views, EMPTY_SESSION, "", None, "New plan: paste notes and draft.", "", "", "",
                None, versions_choices(who(request), None), "", "")

    @_user_errors
    def do_revise(session, request: gr.Request):
        plan_id = (session or {}).get("plan_id")
        if not plan_id:
            raise gr.Error("Open an approved plan first.")
        user = who(request)
        return opened(user, ws.revise(user, plan_id), "Revision started: edit it and submit it to HR again; the "
                      "approved plan stays in force until HR approves this one")

    @_user_errors
    def do_open(plan_id, request: gr.Request):
        if not plan_id:
            raise gr.Error("Select a plan first.")
        return opened(who(request), plan_id, "Opened")

    def plan_rows(plans) -> list[list]:
        rows = []
        for p in plans:
            flags = p.plan.review_flags if p.plan else []
            rows.append([p.id, p.employee or "", p.status, sum(f.severity == "error" for f in flags),
                         sum(f.kind in BLOCKING_KINDS for f in flags), f"{p.updated_at:%Y-%m-%d %H:%M}"])
        return rows

    @_user_errors
    def do_plan_list(page: float | None, request: gr.Request):
        """One page of the plans this user may see (50 a page, paged in the database)."""
        return plan_rows(ws.plans(who(request), max(int(page or 1), 1) - 1))

    @_user_errors
    def do_hr_list(request: gr.Request):
        return plan_rows(ws.plans(who(request), for_review=True))

    @_user_errors
    def do_hr_select(rows, evt: gr.SelectData, request: gr.Request):
        data = T._rows(rows)
        row = _selected_row(evt)
        if not (0 <= row < len(data)):
            return "", "", []
        plan_id = data[row][0]
        return plan_id, *hr_view(who(request), plan_id)

    def hr_view(user: User, plan_id: str):
        stored = ws.plan(user, plan_id)
        body = (to_markdown(stored.plan, audience="hr", approved=stored.status == "approved") if stored.plan
                else markdown_text(stored.notes))
        trail = [[f"{a['at']:%Y-%m-%d %H:%M:%S}", a["actor"], a["action"], a["detail"]]
                 for a in ws.audit_trail(user, plan_id)]
        overridden = [f"- {markdown_text(o['actor'])} overrode {len(o['flags'])} flag(s) on {o['at']:%Y-%m-%d}: "
                      f"{markdown_text(o['reason'])}" for o in ws.store.overrides(plan_id)]
        extra = ("\n\n**Overrides**\n\n" + "\n".join(overridden)) if overridden else ""
        return f"**{label('en', 'status')}: {stored.status}**{extra}\n\n" + body, trail

    @_user_errors
    def do_hr_action(action, plan_id, comment, override, request: gr.Request):
        user = who(request)
        if not plan_id:
            raise gr.Error("Select a plan first.")
        if action == "comment":
            ws.comment(user, plan_id, comment)
        else:
            ws.review(user, plan_id, action, comment=comment, override=override)
        return (*hr_view(user, plan_id), plan_rows(ws.plans(user, for_review=True)), "")

    # ------------------------------------------------------------ layout

    # Gradio's copies of uploads and exports hold personal data: removed like the exports themselves.
    with gr.Blocks(title="PlanCoach", delete_cache=(60, int(settings.export_keep_minutes * 60))) as demo:
        session = gr.BrowserState(EMPTY_SESSION, storage_key="plancoach-session")
        plan_state = gr.State(None)
        with gr.Row():
            title = gr.Markdown(f"## {label('en', 'title')}")
            ui_lang = gr.Radio([("English", "en"), ("中文", "zh")], value="en", label=label("en", "ui_language"), scale=0,
                               min_width=220)
            whoami = gr.Markdown(elem_id="pc-whoami")
        with gr.Tabs():
            with gr.Tab(label("en", "tab_draft"), id="draft") as tab_draft:
                with gr.Row():
                    with gr.Column(scale=2):
                        notes = gr.Textbox(label=label("en", "notes"), info=label("en", "notes_info"), lines=14,
                                           max_lines=40, elem_id="pc-notes")
                        upload = gr.File(label=label("en", "upload"), file_types=[".txt", ".md", ".docx"], height=90)
                        with gr.Row():
                            employee = gr.Textbox(label=label("en", "employee"), elem_id="pc-employee", max_lines=1)
                            role = gr.Textbox(label=label("en", "role"), elem_id="pc-role", max_lines=1)
                            interview_date = gr.Textbox(label=label("en", "interview_date"), elem_id="pc-interview-date", max_lines=1)
                        with gr.Row():
                            draft_btn = gr.Button(label("en", "draft"), variant="primary", elem_id="pc-draft")
                            new_btn = gr.Button(label("en", "new"), variant="secondary", elem_id="pc-new")
                        learning = gr.Checkbox(label=label("en", "learning"), value=False)
                        highlight = gr.HighlightedText(label=label("en", "highlight"), combine_adjacent=False,
                                                       show_legend=False, elem_id="pc-highlight")
                        readings = gr.HighlightedText(label=label("en", "readings"), combine_adjacent=False,
                                                      show_legend=True, color_map=T.READING_COLOURS,
                                                      elem_id="pc-readings")
                        with gr.Row():
                            fix_sentence = gr.Dropdown(label=label("en", "fix_sentence"), choices=[], scale=3,
                                                       allow_custom_value=True,
                                                       elem_id="pc-fix-sentence")
                            fix_reading = gr.Dropdown(label=label("en", "fix_reading"), choices=T.CORRECTION_CHOICES,
                                                      scale=2, elem_id="pc-fix-reading")
                        fix_btn = gr.Button(label("en", "fix_apply"), elem_id="pc-fix")
                        sources = gr.Markdown(elem_id="pc-sources")
                    with gr.Column(scale=3):
                        status = gr.Markdown(elem_classes="pc-status", elem_id="pc-status")
                        comments = gr.Markdown(elem_id="pc-comments")
                        plan_id_box = gr.Textbox(label="Plan id", interactive=False, elem_id="pc-plan-id", max_lines=1)
                        guides = {}
                        guides["deficiencies"] = gr.Markdown(visible=False, elem_classes="pc-guide")
                        deficiencies = gr.Dataframe(headers=T.DEFICIENCY_COLUMNS, label=label("en", "deficiencies"),
                                                    interactive=True, type="array", wrap=True, elem_id="pc-deficiencies",
                                                    column_widths=["8%", "22%", "58%", "12%"])
                        guides["causes"] = gr.Markdown(visible=False, elem_classes="pc-guide")
                        causes = gr.Dataframe(headers=T.CAUSE_COLUMNS, label=label("en", "causes"), interactive=True,
                                              type="array", wrap=True, column_widths=["85%", "15%"])
                        guides["goals"] = gr.Markdown(visible=False, elem_classes="pc-guide")
                        goals = gr.Dataframe(headers=T.GOAL_COLUMNS, label=label("en", "goals"), interactive=True,
                                             type="array", wrap=True, elem_id="pc-goals", datatype=T.GOAL_TYPES,
                                             column_widths=["5%", "24%", "14%", "8%", "9%", "11%", "8%", "13%", "8%"])
                        guides["responsibilities"] = gr.Markdown(visible=False, elem_classes="pc-guide")
                        with gr.Row():
                            resp = {owner: gr.Dataframe(headers=T.RESPONSIBILITY_COLUMNS, interactive=True, type="array",
                                                        wrap=True, label=label("en", f"resp_{owner}"),
                                                        elem_id=f"pc-resp-{owner}", column_widths=["28%", "50%", "22%"])
                                    for owner in T.OWNERS}
                        guides["check_ins"] = gr.Markdown(visible=False, elem_classes="pc-guide")
                        check_ins = gr.Dataframe(headers=T.CHECK_IN_COLUMNS, label=label("en", "check_ins"),
                                                 interactive=True, type="array", column_widths=["20%", "80%"])
                        flags = gr.Dataframe(headers=T.FLAG_COLUMNS, label=label("en", "flags"), interactive=False,
                                             type="array", wrap=True, elem_id="pc-flags")
                        with gr.Row():
                            save_btn = gr.Button(label("en", "save"), elem_id="pc-save")
                            submit_btn = gr.Button(label("en", "submit"))
                            revise_btn = gr.Button(label("en", "revise"), elem_id="pc-revise")
                            export_fmt = gr.Dropdown(list(EXPORTS), value="docx", label=label("en", "export_format"),
                                                     elem_id="pc-export-format")
                            export_for = gr.Radio(export_versions("en"), value="employee", label=label("en", "export_for"),
                                                  elem_id="pc-export-for")
                            export_btn = gr.Button(label("en", "export"), elem_id="pc-export")
                        download = gr.File(label=label("en", "download"), interactive=False, elem_id="pc-download")
                        with gr.Accordion("Preview (plan headings follow the notes' language)", open=False):
                            preview = gr.Markdown()
                        with gr.Accordion(label("en", "diff"), open=False):
                            version_pick = gr.Dropdown(label=label("en", "versions"), choices=[])
                            diff = gr.Code(language="markdown", label=label("en", "diff"))
            with gr.Tab(label("en", "tab_plans"), id="plans") as tab_plans:
                plans_table = gr.Dataframe(headers=["ID", "Employee", "Status", "Errors", "Bias/sensitive flags", "Updated"],
                                           interactive=False, type="array")
                with gr.Row():
                    selected_id = gr.Textbox(label="Plan id", max_lines=1, elem_id="pc-selected-id")
                    page_no = gr.Number(value=1, minimum=1, precision=0, label="Page", scale=0, min_width=90)
                    refresh_btn = gr.Button(label("en", "refresh"))
                    open_btn = gr.Button(label("en", "open"), variant="primary")
                with gr.Row():
                    other_account = gr.Textbox(label="Account (another manager, or the employee)", max_lines=1)
                    share_btn = gr.Button("Share with this manager")
                    employee_btn = gr.Button("This is the employee's account")
                    acknowledge_btn = gr.Button("Acknowledge (employee)")
                plans_note = gr.Markdown()
            with gr.Tab(label("en", "tab_hr"), id="hr") as tab_hr:
                hr_table = gr.Dataframe(headers=["ID", "Employee", "Status", "Errors", "Bias/sensitive flags", "Updated"],
                                        interactive=False, type="array", label=label("en", "hr_list"))
                hr_id = gr.Textbox(label="Plan id", max_lines=1, elem_id="pc-hr-id")
                with gr.Row():
                    with gr.Column(scale=3):
                        hr_plan = gr.Markdown()
                    with gr.Column(scale=2):
                        hr_comment = gr.Textbox(label=label("en", "hr_comment"), lines=3)
                        hr_override = gr.Textbox(label=label("en", "hr_override"))
                        with gr.Row():
                            comment_btn = gr.Button(label("en", "add_comment"))
                            changes_btn = gr.Button(label("en", "request_changes"), variant="stop")
                            approve_btn = gr.Button(label("en", "approve"), variant="primary", elem_id="pc-hr-approve")
                        audit = gr.Dataframe(headers=["When", "Who", "What", "Detail"], interactive=False, type="array",
                                             label=label("en", "audit"), wrap=True)
            admin = AdminPage(ws, who)
            admin.build()

        plan_views = [deficiencies, causes, goals, resp["employee"], resp["manager"], resp["organisation"], check_ins,
                      flags, highlight, sources, preview, plan_state]
        header_fields = [employee, role, interview_date]

        draft_btn.click(do_draft, [notes, employee, role, interview_date, session],
                        [*plan_views, session, plan_id_box, status, *header_fields, version_pick, diff, comments],
                        api_name="draft", concurrency_limit=4)
        edit_inputs = [deficiencies, causes, goals, resp["employee"], resp["manager"], resp["organisation"], check_ins,
                       plan_state, notes, session, *header_fields]
        for table in (deficiencies, causes, goals, *resp.values(), check_ins, *header_fields):
            table.input(do_edit, edit_inputs, [*plan_views, status, session], trigger_mode="always_last",
                        api_visibility="private")
        check_event = gr.Button(visible=False, elem_id="pc-check")
        check_event.click(do_edit, edit_inputs, [*plan_views, status, session], api_name="check")
        plan_state.change(do_show_reading, [notes, plan_state], [readings, fix_sentence], api_visibility="private")
        readings.select(do_pick_sentence, None, fix_sentence, api_visibility="private")
        fix_btn.click(do_correct, [notes, employee, role, interview_date, session, plan_state, fix_sentence,
                                   fix_reading],
                      [*plan_views, session, plan_id_box, status, *header_fields, version_pick, diff], api_name="correct")
        flags.select(do_select_flag, [plan_state, notes], highlight, api_visibility="private")
        deficiencies.select(do_select_evidence, [plan_state, notes], highlight, api_visibility="private")
        notes.change(do_notes_changed, [notes, session], session, trigger_mode="always_last", api_visibility="private")
        upload.upload(do_upload, upload, notes, api_name="upload")
        save_btn.click(do_save, [plan_state, notes, session], [status, version_pick, diff, session], api_name="save")
        submit_btn.click(do_submit, [plan_state, notes, session], [status, session], api_name="submit")
        export_btn.click(do_export, [export_fmt, export_for, session], download, api_name="export")

        @_user_errors
        def do_pick_version(session, number, request: gr.Request):
            return diff_text(who(request), (session or {}).get("plan_id"), number)

        version_pick.change(do_pick_version, [session, version_pick], diff, api_visibility="private")
        new_btn.click(do_new, None, [*plan_views, session, notes, plan_id_box, status, *header_fields, download,
                                     version_pick, diff, comments], api_visibility="private")
        opened_views = [*plan_views, notes, plan_id_box, status, *header_fields, session, version_pick, diff, comments]
        demo.load(do_restore, session, [*opened_views, whoami], api_visibility="private")
        admin.register(demo)

        def toggle_learning(on, lang, plan_data):
            plan = load_plan_lenient(plan_data) if plan_data else None
            return [gr.update(visible=bool(on), value=_guide_md(key, lang, plan, settings.knowledge_dirs) if on else "") for key in guides]

        learning.change(toggle_learning, [learning, ui_lang, plan_state], list(guides.values()), api_visibility="private")
        plan_state.change(toggle_learning, [learning, ui_lang, plan_state], list(guides.values()),
                          api_visibility="private")
        ui_lang.change(toggle_learning, [learning, ui_lang, plan_state], list(guides.values()), api_visibility="private")

        refresh_btn.click(do_plan_list, page_no, plans_table, api_name="plans")
        tab_plans.select(do_plan_list, page_no, plans_table, api_visibility="private")

        @_user_errors
        def do_share(plan_id, account, request: gr.Request):
            ws.share(who(request), (plan_id or "").strip(), (account or "").strip())
            return f"Shared with {markdown_text(account)}: they can read and edit it while it is a draft."

        @_user_errors
        def do_set_employee(plan_id, account, request: gr.Request):
            ws.set_employee_account(who(request), (plan_id or "").strip(), (account or "").strip() or None)
            return f"{markdown_text(account)} may read the plan once HR approves it."

        @_user_errors
        def do_acknowledge(plan_id, request: gr.Request):
            ws.acknowledge(who(request), (plan_id or "").strip())
            return "Acknowledged: your manager and HR can see it in the plan's history."

        share_btn.click(do_share, [selected_id, other_account], plans_note, api_name="share")
        employee_btn.click(do_set_employee, [selected_id, other_account], plans_note, api_name="set_employee_account")
        acknowledge_btn.click(do_acknowledge, selected_id, plans_note, api_name="acknowledge")
        def pick_plan(rows, evt: gr.SelectData):
            data = T._rows(rows)
            row = _selected_row(evt)
            return data[row][0] if 0 <= row < len(data) else ""

        plans_table.select(pick_plan, plans_table, selected_id, api_visibility="private")
        open_btn.click(do_open, selected_id, opened_views, api_name="open")
        revise_btn.click(do_revise, session, opened_views, api_name="revise")
        tab_hr.select(do_hr_list, None, hr_table, api_visibility="private")
        hr_table.select(do_hr_select, hr_table, [hr_id, hr_plan, audit], api_visibility="private")
        hr_outputs = [hr_plan, audit, hr_table, hr_comment]
        def hr_comment_fn(plan_id, comment, override, request: gr.Request):
            return do_hr_action("comment", plan_id, comment, override, request)

        def hr_request_changes(plan_id, comment, override, request: gr.Request):
            return do_hr_action("changes_requested", plan_id, comment, override, request)

        def hr_approve(plan_id, comment, override, request: gr.Request):
            return do_hr_action("approved", plan_id, comment, override, request)

        hr_inputs = [hr_id, hr_comment, hr_override]
        comment_btn.click(hr_comment_fn, hr_inputs, hr_outputs, api_name="hr_comment")
        changes_btn.click(hr_request_changes, hr_inputs, hr_outputs, api_name="hr_request_changes")
        approve_btn.click(hr_approve, hr_inputs, hr_outputs, api_name="hr_approve")

        def relabel(lang):
            L = lambda key: label(lang, key)  # noqa: E731
            return (
                f"## {L('title')}", gr.update(label=L("ui_language")),
                gr.update(label=L("notes"), info=L("notes_info")), gr.update(label=L("upload")),
                gr.update(label=L("employee")), gr.update(label=L("role")), gr.update(label=L("interview_date")),
                gr.update(value=L("draft")), gr.update(value=L("new")), gr.update(label=L("learning")),
                gr.update(label=L("highlight")), gr.update(label=L("deficiencies")), gr.update(label=L("causes")),
                gr.update(label=L("goals")), *[gr.update(label=L(f"resp_{o}")) for o in T.OWNERS],
                gr.update(label=L("check_ins")), gr.update(label=L("flags")), gr.update(value=L("save")),
                gr.update(value=L("submit")), gr.update(value=L("revise")), gr.update(label=L("export_format")), gr.update(value=L("export")),
                gr.update(label=L("export_for"), choices=export_versions(lang)),
                gr.update(label=L("download")), gr.update(label=L("versions")), gr.update(label=L("hr_comment")),
                gr.update(label=L("hr_override")), gr.update(value=L("add_comment")),
                gr.update(value=L("request_changes")), gr.update(value=L("approve")), gr.update(label=L("audit")),
                gr.update(label=L("hr_list")), gr.update(label=L("tab_draft")), gr.update(label=L("tab_plans")),
                gr.update(label=L("tab_hr")), gr.update(label=L("readings")), gr.update(label=L("fix_sentence")),
                gr.update(label=L("fix_reading")), gr.update(value=L("fix_apply")),
            )

        ui_lang.change(relabel, ui_lang, [
            title, ui_lang, notes, upload, employee, role, interview_date, draft_btn, new_btn, learning, highlight,
            deficiencies, causes, goals, *resp.values(), check_ins, flags, save_btn, submit_btn, revise_btn, export_fmt,
            export_btn,
            export_for, download, version_pick, hr_comment, hr_override, comment_btn, changes_btn, approve_btn, audit, hr_table,
            tab_draft, tab_plans, tab_hr, readings, fix_sentence, fix_reading, fix_btn], api_visibility="private")
    return demo


LOOPBACK = ("127.0.0.1", "localhost", "::1")


class SignInRequired(PlanCoachError, RuntimeError):
    """`serve` on a shared address with nobody to sign in."""


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
    return gr.mount_gradio_app(app, demo, path="", auth_dependency=gate.username, css=CSS, footer_links=["api"],
                               show_error=True)


def launch(host: str = "127.0.0.1", port: int = 7860, settings: Settings | None = None) -> None:
    settings = (settings or get_settings()).model_copy(update={"host": host, "port": port})
    app = create_app(settings)
    if not Workspace.open(settings).accounts.any() and not settings.oidc_metadata_url:
        print("No account yet: one person works without sign-in. Create the first administrator with "
              "`plancoach users add NAME --role admin` to turn sign-in on.", flush=True)
    print(f"PlanCoach is ready at http://{host}:{port}", flush=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")

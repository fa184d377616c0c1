"""The workspace tab's view of the notes: the sentences a selected flag or deficiency stands on, every sentence
coloured by how it was read, the manager's correction of a reading (kept for later drafts, the plan re-drafted at
once), and the sources the draft drew on."""
from __future__ import annotations

from typing import TYPE_CHECKING

import gradio as gr

from ..i18n import term, text
from ..reader import Correction, sentence_key
from ..schema import Plan, load_plan_lenient
from ..storage import WorkflowError
from ..textutil import markdown_text
from . import tables as T
from .labels import label
from .notes_panel import date_or_none
from .parts import FieldError, selected_row

if TYPE_CHECKING:
    from ..notes import NotesAnalysis
    from .draft_tab import DraftTab


def sources_md(plan: Plan, lang: str) -> str:
    if not plan.sources:
        return ""
    items = [text(lang, "labels.sources_item", title=markdown_text(s.title), kind=term(lang, "source_kind", s.kind),
                  path=markdown_text(s.path)) for s in plan.sources]
    return f"**{label(lang, 'sources_title')}**\n\n" + "\n".join(f"- {i}" for i in items)


class ReadingPanel:
    def __init__(self, tab: DraftTab):
        self.tab, self.page = tab, tab.page

    def build(self) -> None:
        self.highlight = gr.HighlightedText(label=label("en", "highlight"), combine_adjacent=False, show_legend=False,
                                            elem_id="pc-highlight")
        self.legend = gr.HTML(T.reading_legend("en"), elem_id="pc-legend")
        self.readings = gr.HighlightedText(label=label("en", "readings"), combine_adjacent=False, show_legend=False,
                                           elem_id="pc-readings", color_map=T.reading_colours("en"))
        with gr.Row():
            self.fix_sentence = gr.Dropdown(label=label("en", "fix_sentence"), choices=[], scale=3,
                                            allow_custom_value=True, elem_id="pc-fix-sentence")
            self.fix_reading = gr.Dropdown(label=label("en", "fix_reading"), choices=T.correction_choices("en"), scale=2,
                                           elem_id="pc-fix-reading")
        self.fix_btn = gr.Button(label("en", "fix_apply"), elem_id="pc-fix")
        self.page.error_slot("fix")
        self.sources = gr.Markdown(elem_id="pc-sources")

    # ------------------------------------------------------------ what is shown

    def shown(self, plan: Plan, notes: str, lang: str, analysis: NotesAnalysis | None = None) -> dict:
        """The notes with the sentences the plan's flags stand on highlighted, and the draft's sources."""
        ids = [i for f in plan.review_flags for i in f.sentence_ids]
        return {self.highlight: T.highlighted_notes(analysis or self.page.ws.sentences(notes, plan), notes, ids, lang=lang),
                self.sources: sources_md(plan, lang)}

    def reading_of(self, notes: str, plan_data: dict | None) -> NotesAnalysis | None:
        return self.page.ws.reading(notes, load_plan_lenient(plan_data) if plan_data else None)

    # ------------------------------------------------------------ handlers (values by component)

    def show_reading(self, notes, plan_data, request: gr.Request) -> dict:
        """The notes coloured by how each sentence was read, and the sentences offered for correction."""
        lang = self.page.lang_of(self.page.who(request))
        analysis = self.reading_of(notes, plan_data)
        return {self.readings: T.reading_spans(analysis, notes or "", lang),
                self.fix_sentence: gr.update(choices=T.sentence_choices(analysis, lang))}

    def pick_sentence(self, evt: gr.SelectData) -> dict:
        """Clicking a sentence in the reading view picks it for correction (by its text, which ids do not follow)."""
        value = evt.value[0] if isinstance(evt.value, (list, tuple)) else str(evt.value or "")
        return {self.fix_sentence: gr.update(value=value.strip() or None)}

    def correct(self, notes, employee, role, interview_date, session, plan_data, sentence_text, choice,
                request: gr.Request) -> dict:
        """The manager's reading of one sentence: kept with the plan in the organisation's store (later drafts of
        any plan learn from it) and the plan re-drafted at once, keeping the manager's edits (`Workspace.redraft`)."""
        tab, ws, user = self.tab, self.page.ws, self.page.who(request)
        lang = self.page.lang_of(user)
        plan_id = (session or {}).get("plan_id")
        if not plan_id:
            raise WorkflowError(text(lang, "status.first_draft"))
        if not sentence_text or not choice:
            raise FieldError("fix", text(lang, "errors.pick_sentence"))
        reading, _, owner = choice.partition(": ")
        ws.plan(user, plan_id, "edit")
        day = date_or_none(interview_date, lang)
        analysis = self.reading_of(notes, plan_data)
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
        return {**tab.shown(plan, notes, lang, analysis), tab.session: tab.session_of(user, plan_id, notes),
                tab.plan_id_box: plan_id, tab.status: status, **tab.notes.header(plan),
                tab.history.compare: tab.history.choices(user, plan_id, lang),
                tab.history.diff: tab.history.diff_text(user, plan_id, "draft", lang)}

    def flag_picked(self, plan_data, notes, evt: gr.SelectData, request: gr.Request):
        """A selected flag highlights the sentences it stands on."""
        if not plan_data:
            return gr.update()
        plan, row = load_plan_lenient(plan_data), selected_row(evt)
        flags = T.sorted_flags(plan.review_flags)
        return self._highlighted(plan, notes, flags[row].sentence_ids if 0 <= row < len(flags) else [], "flag", request)

    def evidence_picked(self, plan_data, notes, evt: gr.SelectData, request: gr.Request):
        """A selected deficiency highlights its evidence."""
        if not plan_data:
            return gr.update()
        plan, row = load_plan_lenient(plan_data), selected_row(evt)
        ids = plan.deficiencies[row].source_sentences if 0 <= row < len(plan.deficiencies) else []
        return self._highlighted(plan, notes, ids, "evidence", request)

    def _highlighted(self, plan: Plan, notes: str, ids: list[str], kind: str, request: gr.Request) -> dict:
        lang = self.page.lang_of(self.page.who(request))
        return {self.highlight: T.highlighted_notes(self.page.ws.sentences(notes, plan), notes, ids, kind, lang)}

    # ------------------------------------------------------------ events and words

    def register(self) -> None:
        tab = self.tab
        header = tab.notes.header_fields
        tab.plan_state.change(self.show_reading, [tab.notes.notes, tab.plan_state], [self.readings, self.fix_sentence],
                              api_visibility="private")
        self.readings.select(self.pick_sentence, None, self.fix_sentence, api_visibility="private")
        self.page.both(self.fix_btn, self.correct, [tab.notes.notes, *header, tab.session, tab.plan_state,
                                                    self.fix_sentence, self.fix_reading],
                       [*tab.views, tab.session, tab.plan_id_box, tab.status, *header, tab.history.compare,
                        tab.history.diff], "correct", "fix", clears=("header",), after=tab.fresh_history)
        tab.tables.flags.select(self.flag_picked, [tab.plan_state, tab.notes.notes], self.highlight,
                                api_visibility="private")
        tab.tables.frames["deficiencies"].select(self.evidence_picked, [tab.plan_state, tab.notes.notes], self.highlight,
                                                 api_visibility="private")

    def worded(self) -> list[tuple]:
        return [(self.highlight, "label", "highlight"), (self.fix_btn, "value", "fix_apply")]

    def relabelled(self, lang: str, notes: str, plan_data: dict | None) -> dict:
        analysis = self.reading_of(notes, plan_data)
        return {self.fix_reading: {"label": label(lang, "fix_reading"), "choices": T.correction_choices(lang)},
                self.legend: {"value": T.reading_legend(lang)},
                self.readings: {"label": label(lang, "readings"), "color_map": T.reading_colours(lang),
                                "value": T.reading_spans(analysis, notes or "", lang)},
                self.fix_sentence: {"label": label(lang, "fix_sentence"), "choices": T.sentence_choices(analysis, lang)}}

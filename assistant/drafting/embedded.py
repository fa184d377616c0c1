"""The default drafter: deterministic, offline, built on the notes analysis.

It only rearranges what the notes say. Evidence is quoted, targets and baselines are numbers
found in the notes, deadlines are dates the notes give (or the policy default, flagged by
the checks), and parties are the ones named. What the notes leave out stays out; the review
checks then tell the manager what to add.
"""
from __future__ import annotations

import datetime as dt
import functools
import itertools
import re
from collections.abc import Collection
from dataclasses import dataclass, replace

from ..dates import DateMention, find_dates
from ..language import unspaced
from ..lexicon import area_name, vocab, vocab_terms
from ..notes import NotesAnalysis, Sentence
from ..notes.classify import sets_the_next_meeting
from ..notes.labels import heading_kind
from ..notes.names import is_name
from ..notes.parties import WRITER_TITLE
from ..numbers import COUNT_WORDS
from ..quantities import Quantity, find_quantities
from ..schema import CheckIn, Deficiency, Employee, Goal, Owner, Period, Plan, Responsibility, RootCause, is_owner
from ..textutil import (
    LOWER,
    STOPWORDS,
    UPPER,
    at_word_boundary,
    content_tokens,
    cut_at_word,
    drop_dangling,
    lower_same_offsets,
)
from ..word_targets import CLOCK, word_target
from .base import DraftContext

_SYMBOL_UNITS = {"%", "x", "$", "€", "£", "¥", "￥", "min", "h", "s", "day", "week", "month", "°C", "°F", "°", "mm", "cm", "m", "km", "g", "kg",
                 "ml", "l"}
_TIME_WORDS = {"min": "min", "h": "h", "s": "s", "day": "days", "week": "weeks", "month": "months"}
_LEADING_VERBS = re.compile(
    r"^(?:(?:and|also|plus)\s+)?(?:(?:the\s+)?(?:targets?|goals?|aim|objectives?)\b[\s:]*(?:(?:is|are|will\s+be)\s+)?)?(?:to\s+)?(?:(?:reduce|lower|cut|bring(?:\s+down)?|decrease|increase|raise|grow|improve"
    r"|get|reach|achieve|hit|maintain|keep|meet|deliver|close|make|have|be)\s+)?(?:(?:the|a|an|his|her|their|our)\s+)?",
    re.I,
)
_ZH_FILLER = re.compile(r"^(?:每[周天日月班][一二三四五六日]?|将|要|需|需要|完成|把|使|让)+|(?:降到|降至|达到|控制在|提升到|提高到|不超过|不低于|为|是|到|在)$")
_NUMBERED = re.compile(r"^\W*(?:\d{1,2}[.)、]\s*)?")  # '2. Cash drop', '(3) 交接'
_AREA_CELL_CHARS = 40  # an area cell longer than this is a finding written in the area column, not a name
# (not '6、7两个月': two months, nor after a clause that names what the rest is for: '任何可能 delay 超过 2 天的，当天先说')
_ITEM_SPLIT = re.compile(r"\s*(?:;|；|(?<![的话])，|、(?!(?<=\d、)\d{1,2}\s*(?:[两二三]个?)?月)|,\s+)\s*")
# A title or words quoted: 'the course "Checking all approaches, …"', "the module 'Safe lifting, part 2'"; not an
# inch mark ('6" pipes') nor an apostrophe ("Ola's rota, Sam's van").
_DAYS_LISTED = re.compile(r"[(（][^()（）]{3,40}[)）]\W*$")  # the days a point lists in brackets at its end
_BRACKETED = re.compile(r"\([^()\n]*\)|（[^（）\n]*）")
_QUOTED = re.compile(r"""(?<![\d\w])"[^"\n]*"|“[^”\n]*”|「[^」\n]*」|《[^》\n]*》|(?<!\w)'(?=\w)[^'\n]*?(?<=\w)'(?!\w)|(?<!\w)‘[^’\n]*’(?!\w)""")
# Words by which a day is what a deadline is counted from: 'by two weeks after the council inspection on 9 March'.
_COUNTED_FROM = re.compile(r"\b(?:after|before|following|from)\b[^,;]{0,40}$|(?:之后|以后|之前|以前)[^，；]{0,10}$", re.I)
_AND_SPLIT = re.compile(r"\s+(?:and|&|\+)\s+|\s*和\s*|\s*并且?\s*")


def _split_and(text: str, ref: dt.date) -> list[str]:
    """`text` split at each 'and', '&', '和' that joins two points, not inside a range ('between 32 and 38 mm') nor a
    period ('in July and August'; dates read against `ref`, the interview's date)."""
    ranges = [(q.start, q.end) for q in find_quantities(text) if q.low is not None]
    ranges += [(d.start, d.end) for d in find_dates(text, ref)]
    pieces, at = [], 0
    for m in _AND_SPLIT.finditer(text):
        if not any(s <= m.start() < e for s, e in ranges):
            pieces.append(text[at:m.start()])
            at = m.end()
    return [*pieces, text[at:]]


def _points(text: str, *, listing_comma: bool = True) -> list[str]:
    """`text` split at each ';' or ', ' between its points, not inside a quoted title ('complete the refresher
    "Checking all approaches, including cyclists" by the 20th' is one point), nor inside brackets ('做 final check（对称、
    吹干、耳朵、指甲），拍照存档' is two). Without `listing_comma`, a task: its '、' lists inside one point ('预约每天上午、
    下午各看一次')."""
    quoted = [m.span() for m in _QUOTED.finditer(text)] + [m.span() for m in _BRACKETED.finditer(text)]
    pieces, at = [], 0
    for m in _ITEM_SPLIT.finditer(text):
        if not any(a < m.start() < b for a, b in quoted) and (
                listing_comma or m.group().strip() != "、" or _ZH_DOER.match(text, m.end())):
            pieces.append(text[at:m.start()])
            at = m.end()
    return [p for p in [*pieces, text[at:]] if p.strip()]


# An item's own label before its words: '冰面厚度：3月抽测3次低于标准', '2. KYC periodic review: 17 files overdue'.
_ITEM_LABEL = re.compile(r"^\W*(?:\d{1,2}[.)、]\s*)?(?P<label>[^\d:：。，,;；\n]{2,30}?)\s*[:：]\s*(?=\S|$)")


def _item_label(s: Sentence, ref: dt.date) -> str | None:
    """The topic a shortfall's item names in a label of its own (before its words, or at the start of them under a
    heading), where the label is no kind of line ('Issue:', '问题：') nor anyone's tag ('Dana:'), nor a date (read
    against `ref`, the interview's date)."""
    prefix = s.text[:len(s.text) - len(s.body)] if s.body and s.text.endswith(s.body) else ""
    m = _ITEM_LABEL.fullmatch(prefix) or _ITEM_LABEL.match(s.body)
    label = m["label"].strip() if m else ""
    if (not label or heading_kind(label) not in (None, "meta") or s.label in ("employee", "manager") or is_name(label)
            or _ITEM_LABEL.fullmatch(s.body) or _ATTRIBUTION.search(label) or _NO_TOPIC.search(label)
            or find_dates(label, ref) or s.text.lstrip().startswith(">")):
        return None
    return label[:1].upper() + label[1:]  # ('milk waste: 9 litres a week' names 'Milk waste')


# Labels that say when, who or how, not what about: 'Last month:', '上周：', 'Per the area manager:', "I'm giving her honest
# feedback:", 'Subject:', 'Honestly:', a user name ('sam.cole:').
_NO_TOPIC = re.compile(r"""\b(?i:i|i['’]m|we|you|she|he|they|my|our|your|her|his|their|per|honestly|frankly|also|so|well|last|this|next
    |subject|re|today|yesterday)\b|^[a-z0-9]+[._][a-z0-9._]+$|^(?:[上本下这今昨]个?(?:月|周|季度|年|天|次)|上次|今天|昨天|最近)""", re.X)


# A label that says who wrote what follows, not what it is about: 'Comment by r.chandrasekaran', 'Reply from Dana'.
_ATTRIBUTION = re.compile(r"\b(?:by|from)\s+\S+$|^(?:comments?|repl(?:y|ies)|notes?|message|re)\b|@", re.I)


def _a_word_of_a_list(part: str) -> bool:
    """A piece of a task between its commas that is no task of its own: a word ('time, station, signature'), or in
    Chinese three characters or fewer ('你每周核对50个，按区排，拍照上传'; not '我抽查', with its own doer)."""
    return (len(part) <= 3 and not _ZH_DOER.match(part)) if unspaced(part) else len(part.split()) < 2


# A Chinese piece that opens with its own doer: '我每周五抽查', '财务下周配…', '信息科改…' (a task of its own after '、').
_ZH_DOER = re.compile(r"\s*(?:我|你|他|她|咱|财务|人事|行政|采购|仓库|设备|IT|HR|[\u4e00-\u9fff]{1,4}(?:部|组|科|室|中心|处|队))")


# What a "because" clause points back to, naming no cause of its own: "because of them", "因为这个".
_ONLY_A_PRONOUN = re.compile(r"\s*(?:(?i:them|it|this|that|him|her|these|those|us|me)|这个|那个|他|她|它|这|那)\W*")


class EmbeddedDrafter:
    name = "embedded"

    def draft(self, analysis: NotesAnalysis, context: DraftContext) -> Plan:
        builder = _PlanBuilder(analysis, context)
        return builder.build()


class _PlanBuilder:
    def __init__(self, analysis: NotesAnalysis, context: DraftContext):
        self.a = analysis
        self.ctx = context
        self.zh = analysis.language == "zh"
        self.start = analysis.interview_date
        # Lines whose points the author separated with semicolons: commas there are inside a point.
        self.semicolon_lines = {s.line for s in analysis.sentences if s.text.endswith((";", "；"))}
        self.rows = analysis.rows
        self.lines = analysis.text.split("\n")

    # ------------------------------------------------------------ the plan

    def build(self) -> Plan:
        a = self.a
        deficiencies, evidence_of = self.deficiencies()
        plan = functools.partial(
            Plan,
            language=a.language,
            drafter=EmbeddedDrafter.name,
            employee=Employee(name=a.employee_name, role=a.employee_role),
            manager=a.manager,
            interview_date=a.interview_date,
            sources=self.ctx.sources(),
        )
        goals = self.goals(deficiencies, evidence_of) if deficiencies else []
        measured = any(g.target for g in goals) or any(s.quantities for group in evidence_of.values() for s in group)
        if not measured:  # nothing counted and no target: a plan would be made of impressions
            return plan(status="insufficient_information", period=Period(start=self.start))
        if not goals:  # no goal yet: what the notes do give stays, for the manager to add the targets to
            return plan(status="insufficient_information", period=Period(start=self.start),
                        deficiencies=deficiencies, root_causes=self.root_causes(deficiencies, evidence_of),
                        responsibilities=self.responsibilities([], evidence_of))
        end = max(g.deadline for g in goals if g.deadline)
        end = max(end, self.a.review_date or end)  # the review the notes set, when it comes after every goal
        return plan(
            status="draft",
            period=Period(start=self.start, end=end),
            deficiencies=deficiencies,
            root_causes=self.root_causes(deficiencies, evidence_of),
            goals=goals,
            responsibilities=self.responsibilities(goals, evidence_of),
            check_ins=self.check_ins(goals, end),
        )

    # ------------------------------------------------------------ deficiencies

    def deficiencies(self) -> tuple[list[Deficiency], dict[str, list[Sentence]]]:
        groups: list[list[Sentence]] = []
        topics: dict[int, str] = {}  # a group's topic, where the writer named it just before ('Third, the SLA reports.')
        topic: tuple[int, str] | None = None
        for s in self.a.sentences:
            named = (_topic(s.body) if (s.kind == "context" or (s.kind == "meta" and s.line > 2)) and s.label != "employee"
                     else None)  # (the writer's, not the employee's 'J: Finally, the landlord sent someone Tuesday.')
            if named:
                topic = (s.line, named)
                continue
            last = groups[-1][-1] if groups else None
            same_line = last is not None and last.line == s.line and not s.item_start
            if s.kind == "observation":
                area = area_name(s.body, self.a.language)
                details = last is not None and last.line + 1 >= s.line and vocab("observation", "refers_back").match(s.body.lstrip())
                alike = last is not None and (last.bullet or (area and area == area_name(last.body, self.a.language)))
                if (same_line and alike) or details:  # 'Of those, 3 were …', '其中3笔是…': the shortfall above, in detail
                    groups[-1].append(s)
                else:
                    groups.append([s])
                    if topic and s.line - topic[0] <= 2:
                        topics[len(groups)] = topic[1]
                topic = None
            elif s.kind == "standard" and same_line:
                groups[-1].append(s)
        out: list[Deficiency] = []
        evidence_of: dict[str, list[Sentence]] = {}
        for i, group in enumerate(groups, 1):
            evidence = " ".join(_clean(self._said(s)) for s in group)
            if not re.search(r"[^\W_]", evidence):
                continue  # nothing said but its speaker's tag ('Rob: 1.'): no shortfall to list
            did = f"D{len(out) + 1}"
            out.append(Deficiency(
                id=did,
                area=(topics.get(i) or self._area_cell(group) or _item_label(group[0], self.start)
                      or area_name(group[0].body, self.a.language)  # the first sentence's
                      or area_name(evidence, self.a.language) or _headline(group[0].body, self.zh)),  # topic, before a detail's
                evidence=evidence,
                source_sentences=[s.id for s in group],
            ))
            evidence_of[did] = group
        return out, evidence_of

    def _area_cell(self, group: list[Sentence]) -> str | None:
        """The area a table row names in its own cell ('| Cash drop | Variance over £20 on 4 nights |'), for a
        shortfall read from that row alone, where the cell is a short name."""
        row = self.rows.get(group[0].line)
        cell = _clean(_NUMBERED.sub("", row.cells.get("area", ""))) if row and all(s.line == row.line for s in group) else ""
        return cell if re.search(r"[^\W\d_]", cell) and len(cell) <= _AREA_CELL_CHARS and len(cell.split()) <= 5 else None

    def _said(self, s: Sentence) -> str:
        """What a sentence says: a table row's item and findings without its number, status, owner or date cells."""
        row = self.rows.get(s.line)
        if row and row.content and s.text.strip() == self.lines[s.line - 1].strip():
            return row.content
        return s.body

    # ------------------------------------------------------------ goals

    def goals(self, deficiencies: list[Deficiency], evidence_of: dict[str, list[Sentence]]) -> list[Goal]:  # noqa: C901 -- predates the complexity budget
        drafts = self._table_targets()
        in_tables = {d["sentence"].line for d in drafts}
        # 'Agreed targets: zero …; every tag signed …; all talks attended – by Friday 29 January': the day that ends a
        # line of targets is each one's there that gives none
        line_ends: dict[int, dt.date] = {}
        for s in self.a.of_kind("target", "action"):
            if ends := [d for d in s.dates if d.role == "deadline" and d.date > self.start]:
                line_ends[s.line] = max(ends, key=lambda d: d.start).date
        for s in self.a.of_kind("target"):
            if s.line in in_tables or sets_the_next_meeting(s):
                continue  # ('下次沟通：6月9日' read as a target: when they meet again, not a goal)
            deadline = self._sentence_deadline(s) or line_ends.get(s.line)
            # 'sorted before the Christmas peak, so by the 18th': the day that glosses another holds the point dated by it
            ahead = sorted((d for d in s.dates if d.role == "deadline" and d.date > self.start), key=lambda d: d.start)
            glossed = {before.date: g.date for g in _glossed(s.text, ahead)
                       for before in [b for b in ahead if b.end <= g.start][-1:]}
            previous: dict | None = None
            for item in self._items(s, split_and=True):
                q = _first_quantity(item.bare)
                none, over, worded = word_target(item.bare), "", False
                if q and q.comparator in (">", ">=") and none and none.value == 0 and none.end:
                    # 'No batch over 50 min': none is the target, the figure says of what ('0 (over 50 min)')
                    phrase, q, worded = item.bare[q.start:q.end], none, True
                    over = f"（{phrase}）" if self.zh else f" ({phrase})"
                own = glossed.get(item.deadline, item.deadline) if item.deadline else None
                draft = dict(item=item.bare, q=q, deadline=own or deadline, sentence=s, over=over, worded=worded)
                figure_only = q is not None and not re.search(r"[^\W\d_]", _BARE_FIGURE_WORDS.sub("", item.bare.replace(q.text, "")))
                # (a label of one word before a point that opens with its figure, with no target of its own in words:
                # 'Tags, 0 missing …', not 'No void tests, 100% of charts …' nor 'refresher training, pick accuracy 98%')
                labelled = previous is not None and q is not None and len(previous["item"].split()) == 1 \
                    and not unspaced(previous["item"]) and not word_target(previous["item"]) and previous["q"] is None \
                    and not re.search(r"[^\W\d_]", item.bare[:q.start])
                if previous is not None and q is not None and (labelled or (figure_only and (
                        previous["q"] is None or _HYPHENED_MEASURE.search(previous["q"].text)))):
                    # 'Harness breaches on his gang, 0.', 'Seven-day inspections recorded, 100% from now', 'Tags, 0 missing
                    # on client audits': the figure after a measure with none of its own (a 'seven-day' names the
                    # inspections) is that measure's target
                    previous.update(item=f"{previous['item']}, {item.bare}", q=q, deadline=previous["deadline"] or draft["deadline"],
                                    metric=self._metric(previous["item"] if figure_only else f"{previous['item']} {item.bare}", q))
                    continue
                if (q is not None and figure_only and previous and previous["q"]
                        and (not q.unit or q.unit == "%")):  # a bare '40' or '100%', not '1 binned batch' or '3 days'
                    # '35 shirts an hour by 31 July, 40 by end of September': the second figure is of the same measure;
                    # a share keeps its own unit ('… within 24 hours, 100%')
                    own_unit = q if q.unit else replace(q, unit=previous["q"].unit, per=previous["q"].per)
                    draft.update(item=previous["item"], q=own_unit, metric=self._metric(previous["item"], previous["q"]))
                if (previous is not None and q is None and previous["q"] is None and not word_target(item.bare)
                        and word_target(previous["item"]) and len(item.bare.split()) <= _LIST_TAIL_WORDS
                        and item.deadline is None and len(content_tokens(item.bare)) >= 2):
                    previous["item"] = f"{previous['item']}, {item.bare}"  # 'every gun start, move and stop logged': the
                    continue  # list the point before opened, not a point with no target of its own
                if row_goal := next((d for d in drafts if d["sentence"].line in in_tables and _same_value(q, d["q"])
                                     and set() < content_tokens(d["metric"]) <= content_tokens(item.bare)), None):
                    row_goal["deadline"] = row_goal["deadline"] or draft["deadline"]  # a table row's target said again
                    continue  # below it, with its day: 'Cycle count accuracy ≥ 98% by the end of April'
                drafts.append(draft)
                previous = draft
        for s in self.a.of_kind("action"):
            if s.line in in_tables:
                continue
            if (s.actor and s.actor.owner != "employee") or (s.label == "manager" and not s.actor and s.owner != "employee"):
                # (the manager's own task; not what the manager tells the employee: 'ER: agreed: you acknowledge …')
                if (share := _share_checked(s.body)) and not any(_same_value(share[1], d["q"]) for d in drafts):
                    drafts.append(dict(item=share[0], q=share[1], deadline=None, sentence=s, action=True))
                continue
            items = self._items(s, split_and=False)
            for item in items:
                q = _with_zh_rhythm(_first_quantity(item.bare), item.bare)
                own = item.deadline or (self._sentence_deadline(s, strict=True) if len(items) == 1 else None)
                measurable = q and not (q.comparator in (">", ">=") and q.unit != "%" and _SCOPE_BEFORE.search(item.bare[:q.start])) and (
                    q.comparator or q.per or q.unit == "%"  # a share is a target: '100% of lessons'
                    or (own and _ALL_OF.search(item.bare[:q.start])))  # 'records for all 7 hoists by 10 Apr'
                # (not the task's scope: 'reserve review for every claim over £20k')
                if measurable and not any(_same_value(q, d["q"]) for d in drafts):
                    drafts.append(dict(item=item.bare, q=q, deadline=own, sentence=s, action=True))
        plan_deadline = self._plan_deadline([d["deadline"] for d in drafts])
        by_id = {d.id: d for d in deficiencies}
        kept = []
        for d in drafts:
            item, q, worded = d["item"], d["q"], d.get("worded", False)
            if q is None and not d.get("action"):
                q = word_target(item)
                worded = q is not None
            metric = _clean(d["metric"]) if d.get("metric") else self._metric(item, q)
            links = self._link(metric + " " + item, q, deficiencies, evidence_of)
            if (d.get("action") or worded) and not links:
                continue  # an agreed habit, or a point with no figure, about no shortfall: not a goal
            if q is None and (not links or len(content_tokens(item)) < 2):
                continue  # no number, and no shortfall it is about or no words ('same deadline', 'um'): not a goal
            if q is None and not metric:
                continue
            kept.append((d, item, q, metric, links))
        # The one goal `_link` tied to no shortfall is about the one shortfall no goal covers, where that shortfall
        # states no standard (one that does gets its own goal below): 'zero unsecured enclosures' for 'Kennel 4 door was
        # left unlatched twice'.
        unlinked = [links for *_, links in kept if not links]
        linked = {i for *_, links in kept for i in links}
        uncovered = [d.id for d in deficiencies if d.id not in linked and self._standard(evidence_of[d.id]) is None]
        if len(unlinked) == 1 and len(uncovered) == 1:
            unlinked[0].append(uncovered[0])
        goals: list[Goal] = []
        for d, item, q, metric, links in kept:
            area = by_id[links[0]].area if links else None
            if metric and links:
                metric = _enrich_metric(metric, by_id[links[0]])
            goals.append(self._goal(len(goals) + 1, item, metric or area or item, q, d["deadline"] or plan_deadline,
                                    links, evidence_of, [d["sentence"].id], condition=_within(item, q, self.zh) or d.get("over", "")))
        covered = {i for g in goals for i in g.deficiency_ids}
        for deficiency in deficiencies:
            if deficiency.id in covered:
                continue
            standard = self._standard(evidence_of[deficiency.id])
            if standard is None:
                continue  # no stated target or standard: the checks ask the manager for one
            metric = self._metric_before(evidence_of[deficiency.id], standard) or deficiency.area
            goals.append(self._goal(len(goals) + 1, _standard_item(metric, standard, self.zh), metric, standard,
                                    plan_deadline, [deficiency.id], evidence_of,
                                    [s.id for s in evidence_of[deficiency.id]], standard_goal=True))
        return goals

    @staticmethod
    def _standard(evidence: list[Sentence]) -> Quantity | None:
        """The standard a shortfall's evidence states, as a measure ('SLA 48 h', 'standard is 90%'), or None; a bound
        the target names before one compared against ('£640 vs £210 in Sept – target under £250': under £250)."""
        stated = [(s, q) for s in evidence for q in s.quantities if q.reference and (q.unit in _SYMBOL_UNITS or _is_measure(q.unit))]
        aimed = (q for s, q in stated if q.comparator and _AIM_BEFORE.search(s.text[max(0, q.start - 14):q.start]))
        return next(aimed, stated[0][1] if stated else None)

    def _table_targets(self) -> list[dict]:
        """Goals from the rows of tables with a target column ('Area | Observed | Target | Owner | By'): the area
        is the metric, the target cell the value, the date cell the deadline; none from a row met already."""
        drafts: list[dict] = []
        sentences_on: dict[int, list[Sentence]] = {}
        for s in self.a.sentences:
            sentences_on.setdefault(s.line, []).append(s)
        for line, row in self.rows.items():
            target, on_line = row.cells.get("target"), sentences_on.get(line, [])
            if not target or not on_line or any(s.kind == "excluded" for s in on_line):
                continue
            if all(s.label == "strength" for s in on_line):
                continue  # a row whose result met its target ('| First-pass yield | >= 97% | 98.4% | PASS |'): no goal
            q = _first_quantity(target) or word_target(target)  # 'all complete', '全部完成', 'none'
            area = row.cells.get("area") or row.cells.get("action") or ""
            if q is None and (named := _first_quantity(area) or word_target(area)):
                target, area, q = area, target, named  # '| Target | Measure |' over '| Re-flies | max 1 in 20 |': the
                # aim's name under 'Target', its figure under the other heading
            dates = [d for d in find_dates(row.cells.get("when", ""), self.start) if d.date > self.start]
            drafts.append(dict(item=_clean(f"{area} {target}"), q=q, metric=area, sentence=on_line[0],
                               deadline=dates[0].date if dates else None))
        return drafts

    def _goal(self, n, item, metric, q, deadline, links, evidence_of, sources, standard_goal=False,
              condition: str = "") -> Goal:
        baseline = self._baseline(q, metric, links, evidence_of)
        target = _target_text(q, self.zh, baseline=baseline if standard_goal else None) + condition if q else None
        return Goal(
            id=f"G{n}",
            deficiency_ids=links,
            description=_describe(item, deadline, self.zh),
            metric=metric,
            baseline=_value_text(baseline, self.zh, noun_words=3) if baseline else None,
            target=target,
            deadline=deadline,
            source_sentences=sources,
        )

    def _items(self, s: Sentence, *, split_and: bool) -> list[_Item]:
        """The separate points of one sentence: 'AHT <= 8 min, CSAT >= 82%' is two goals."""
        body = s.action if s.kind == "action" else s.body
        body = _TARGET_LEAD.sub("", body)
        if s.kind == "action" and s.line in self.semicolon_lines:
            parts = [body]
        else:
            parts = _points(body, listing_comma=s.kind != "action")
            if s.kind == "action" and any(_a_word_of_a_list(p) for p in parts):
                parts = _WRITER_CLAUSE.split(body, maxsplit=1)  # a list of words inside one task ('time, station,
                # signature'), but the writer's own task after it apart: '…, and I'll spot-check five a week'
        texts: list[str] = []
        for part in parts:
            pieces = _split_and(part, self.start) if split_and else [part]
            if len(pieces) > 1 and all(_first_quantity(p) for p in pieces):
                texts += pieces
            else:
                texts.append(part)
        items: list[_Item] = []
        for n, raw in enumerate(texts):
            text = _clean(raw)
            if not text or (len(texts) > 1 and (_LEAD_IN.fullmatch(text) or (n and _REMARK.match(text)))):
                continue  # 'So from now, you take a reading …': the lead-in is no point; '…, that's a stop-the-job rule'
            # (its dates read before the sentence's stop is cleaned off: '… by 30.11.' is a day, '… by 30.11' may be a figure)
            dated = text + "." if re.search(r"\d\.\s*$", raw) else text
            ahead = [d for d in find_dates(dated, self.start) if d.date > self.start]
            dates = sorted((d for d in ahead if d.role in ("deadline", "end")), key=lambda d: d.role != "deadline")
            if not dates and s.kind == "target" and (quarter := _QUARTER_OPENS.match(text)):
                dates = [d for d in find_dates(f"by {quarter.group(1)}", self.start) if d.date > self.start]  # 'Q4 MTTR ≤ 4h':
                # a target point that opens with its quarter is due at the quarter's end
            # (a deadline said before a period the point names: 'oct/nov sheets closed by fri')
            if (not dates and s.kind == "target" and len(points := [d for d in ahead if d.role == "point"]) == 1
                    and not _COUNTED_FROM.search(before := text[:points[0].start])
                    and (before.count("(") + before.count("（") <= before.count(")") + before.count("）")
                         or (_ALONE_IN_BRACKETS.match(text, points[0].end) and re.search(r"[(（]\s*$", before)))):
                dates = points  # the one day a goal names, when it is checked: '… when the train runs your section in week 50',
                # 'M3 (5月29日) 准时' (not one in passing, in brackets: 'For the spring range (first delivery 2 April) I want …')
            elif not dates and s.kind == "target" and len(points) > 1 and (on := _DAYS_LISTED.search(text)) \
                    and all(on.start() <= d.start < on.end() for d in points):
                dates = [max(points, key=lambda d: d.date)]  # 'Attend both rescue drills (Apr 8, May 13)': by the last
            # 'Targets by 31 March: marking within 7 days': beside a calendar deadline, a length of time
            # inside a point is its target ('纪要在1天内发出'); one that opens the point is its deadline.
            calendar_deadline = any(not _RELATIVE.search(d.text) for d in s.dates if d.role == "deadline") or bool(
                _checked_days(s, s.dates))  # (and a day the sentence says it is checked: '… within 5 days, we check on 30 Sept')
            measures = [d for d in dates if calendar_deadline and _RELATIVE.search(d.text) and d.start > 2
                        and not (_CLOSES_POINT.match(dated, d.end) and _first_quantity(dated[:d.start])
                                 and re.search(r"week|wk|month|周|月", d.text, re.I))]
            # (but weeks or months that close a point with a figure of its own are when it is due: 'weekend ticket times
            # back under 12 minutes in six weeks'; not '95% of repairs completed in 3 days')
            dates = [d for d in dates if d not in measures]
            bare = _clean(_without_dates(dated, self.start, keep=[d.text for d in measures]))
            due = (_glossed(text, dates) or dates)[0] if dates else None
            until = _ONLY_UNTIL.match(text) and next(iter(ahead), None)
            if items and _ONLY_FROM.match(text) and not _first_quantity(bare):
                continue  # '…, starting this week': when the point before starts, not a point of its own
            short = s.kind == "target" and (len(bare.split()) <= _WHEN_WORDS or bool(n and _CHECKED_WHEN.match(bare))) \
                and not unspaced(bare)  # (a target's point only; Chinese has no spaces to count words by; '…, checked at the
            # next FSS visit in May' says when the points before it are checked)
            when = until or (ahead[0] if ahead and short and not _first_quantity(bare) else None)
            if items and when and not _first_quantity(bare) and items[-1].deadline is None:
                # '…, through to closing night on 10 Jan', '3 of his next 4 dogs through, | Sept/Oct qualifying round'
                items[-1] = replace(items[-1], deadline=self._reviewed(when))
            elif bare:  # (without the 'and' that joins it to the point before: '…, and take a photo')
                text, bare = (_AND_OPENS.sub("", text), _AND_OPENS.sub("", bare)) if n else (text, bare)
                items.append(_Item(text, bare, self._reviewed(due, s) if due else None))
        return items

    def _metric(self, item: str, q: Quantity | None) -> str:
        text = item
        if q is not None:
            keep = q.unit if q.unit and q.unit not in _SYMBOL_UNITS and not _is_measure(q.unit) and not q.unit.startswith("of ") else ""
            text = item.replace(q.text, f" {keep} " if keep else " ", 1)
        text = re.sub(r"\s+", " ", text).strip(" ,.:;-–→>=")  # and an arrow left by a deadline: '两周内 → log 签名'
        text = re.sub(r"\b(?:on|for|in|at)\s+(?=of\b)", "", text)  # 'within 2 days on [90%] of claims'
        text = _LEADING_VERBS.sub("", text).strip(" ,.:;-–")
        text = re.sub(r"\b(?:to|at|of|by|or less|or more|per|a|an)$", "", text, flags=re.I).strip(" ,.:;-–")
        text = drop_dangling(text) or text  # ('P1 average response at or [under 30 minutes]')
        if unspaced(text):
            text = _ZH_FILLER.sub("", text).strip("，。：:、 ")
        return text

    def _metric_before(self, group: list[Sentence], standard: Quantity) -> str | None:
        for s in group:
            for q in s.quantities:
                if not q.reference and q.unit == standard.unit:
                    words = re.findall(r"[A-Za-z][\w\-]*|[\u4e00-\u9fff]+", s.text[:q.start])
                    words = [w for w in words if w.lower() not in ("vs", "only", "is", "was", "at", "the")]
                    return " ".join(words[-3:]) or None
        return None

    def _link(self, text: str, q: Quantity | None, deficiencies, evidence_of) -> list[str]:
        words = content_tokens(text)
        scores = {}
        for d in deficiencies:
            said = content_tokens(d.evidence) | {w for s in evidence_of[d.id] for w in content_tokens(s.text)}  # with its
            # item's label: 'KYC periodic review：目前有 17 个客户档案超过…' for 'overdue KYC 清零'
            score = len(words & said)
            if q is not None and q.unit and any(x.unit == q.unit and q.unit in _SYMBOL_UNITS for s in evidence_of[d.id] for x in s.quantities):
                score += 1
            if score:
                scores[d.id] = score
        if not scores:  # no word in common ('Zero PPE breaches' for 'on the saw without your chaps'): the same area
            area = area_name(text, self.a.language)
            return [d.id for d in deficiencies if area and area_name(d.evidence, self.a.language) == area][:1]
        best = max(scores.values())
        return [i for i, v in scores.items() if v == best]

    def _baseline(self, q: Quantity | None, metric: str, links: list[str], evidence_of) -> Quantity | None:
        if q is None:
            return None
        metric_words = content_tokens(metric)
        candidates = []
        for did in links:
            for s in evidence_of[did]:
                for x in s.quantities:
                    if x.reference or (x.value == q.value and x.unit == q.unit):
                        continue
                    same_unit = x.unit == q.unit and (q.unit in _SYMBOL_UNITS or _is_measure(q.unit) or q.unit.startswith("of "))
                    noun_match = (x.unit and q.unit not in _SYMBOL_UNITS and x.unit not in _SYMBOL_UNITS
                                  and bool(content_tokens(x.unit) & (metric_words | content_tokens(q.unit))))
                    if same_unit or noun_match:
                        candidates.append(x)
        if not candidates and (not q.unit or q.unit not in _SYMBOL_UNITS):
            # a count ('0 missed logs'): the one count the evidence gives ('4 temperature logs missed')
            counts = [x for did in links for s in evidence_of[did] for x in s.quantities
                      if not x.reference and x.unit not in _SYMBOL_UNITS and x.value != q.value
                      and (not _is_measure(x.unit) or not q.unit or _is_measure(q.unit))]
            candidates = counts[:1] if len(counts) == 1 else []
        return candidates[0] if candidates else None

    def _sentence_deadline(self, s: Sentence, strict: bool = False) -> dt.date | None:
        after = [d for d in s.dates if d.date > self.start]
        glossed = _glossed(s.text, [d for d in after if d.role == "deadline"])
        if glossed:
            return glossed[0].date
        checked = _checked_days(s, after) or (self._checked_next(s) if s.kind == "target" and not any(
            d.role in ("deadline", "end") for d in after) else [])
        if checked and s.kind == "target":
            return checked[0].date  # the day a target's own sentence is checked: '…, we check on 30 Sept', or the words
            # after it on its line: 'no missed calls, all transfers at 6 knots or less – we'll check on 31 January'
        for role in ("deadline", "end") if strict else ("deadline", "end", "point", "start"):  # '0 missed tests from 10 Aug'
            found = [d.date for d in after if d.role == role]
            if found and role in ("point", "start"):
                if arrowed := _glossed(s.text, [d for d in after if d.role == role]):
                    return arrowed[-1].date  # '(show 18 April → 18 May)'
                aside = all(_open_bracket(s.text, d.start) is not None for d in after if d.role == role)
                if aside and self.a.review_date and self.a.review_date > max(found):
                    return self.a.review_date  # '(first departure 27 November)': a day said in passing; the review judges it
            if found:  # of periods ('for the rest of Nov and all of Dec') the last one ends the goal
                return max(found) if role == "end" else found[0]
        return s.block_deadline if s.block_deadline and s.block_deadline > self.start else None

    def _checked_next(self, s: Sentence) -> list[DateMention]:
        """The days the sentence after `s` on its line says they are checked on ('– we'll check on 31 January')."""
        at = next((i for i, x in enumerate(self.a.sentences) if x is s), None)
        following = self.a.sentences[at + 1] if at is not None and at + 1 < len(self.a.sentences) else None
        if following is None or following.line != s.line:
            return []
        return _checked_days(following, [d for d in following.dates if d.date > self.start])

    def _reviewed(self, due: DateMention, said_in: Sentence | None = None) -> dt.date:
        """A length counted from the interview ends on the review day the notes set near its end: 'over the next eight
        weeks … We review at the end of June' (but not '3 months … first check-in at the end of May'); so does a period
        the review its own sentence sets closes: 'through October and November, then we review on the first of December'
        (not 'under £700 for Q4' above a line of its own 'Next review: 15/01/2027')."""
        review = self.a.review_date
        if review and _RELATIVE.search(due.text) and abs((review - due.date).days) <= 31:
            return review
        if (review and due.role == "end" and said_in is not None and any(d.date == review for d in said_in.dates)
                and -7 <= (review - due.date).days <= 31):  # (or in its last week)
            return review
        return due.date

    def _plan_deadline(self, stated: list[dt.date | None]) -> dt.date:
        """The deadline of goals that give none of their own: the last deadline another goal gives; else the day the
        notes set for the review; else a deadline they state outside the goals; else the policy's default."""
        dates = [d for d in stated if d]
        if dates:
            return max(dates)
        if self.a.review_date:
            return self.a.review_date
        for s in self.a.sentences:
            if s.kind in ("target", "meta", "context"):
                found = [d.date for d in s.dates if d.role == "deadline" and d.date > self.start]
                if found:
                    return max(found)
        return self.ctx.rules.default_end(self.start)

    # ------------------------------------------------------------ root causes

    def root_causes(self, deficiencies: list[Deficiency], evidence_of) -> list[RootCause]:
        causes: list[RootCause] = []
        for s in self.a.sentences:
            texts = []
            if s.kind in ("account", "cause"):
                texts.append(_strip_speaker(s.body, self.a.employee_aliases))
            elif s.kind == "observation":
                m = re.search(r"\b(?:because(?: of)?|due to|traced to|caused by|as a result of|owing to)\s+(.+)$|(?:因为|由于)(.+)$", s.body, re.I)
                if m and not _ONLY_A_PRONOUN.fullmatch(m.group(1) or m.group(2)):  # (not 'came back because of them')
                    texts.append(m.group(1) or m.group(2))
            for text in texts:
                text = _clean(text)
                if len(text) < 4 or _only_replies(text):
                    continue  # ('KM: Yeah.', '好的'): heard, nothing said
                scored = [(len(content_tokens(text) & content_tokens(d.evidence)), d.id) for d in deficiencies]
                best = max((sc for sc, _ in scored), default=0)
                links = [i for sc, i in scored if sc and sc == best]
                if s.kind == "observation":
                    links = [d for d, group in evidence_of.items() if s in group] or links
                causes.append(RootCause(cause=_sentence_case(text), deficiency_ids=links, source_sentences=[s.id]))
        return causes

    # ------------------------------------------------------------ responsibilities

    def responsibilities(self, goals: list[Goal], evidence_of) -> list[Responsibility]:
        out: list[Responsibility] = []
        goal_words = {g.id: content_tokens(" ".join([g.metric or "", g.description] + [s.body for d in g.deficiency_ids for s in evidence_of[d]]))
                      for g in goals}
        by_id = {s.id: s for s in self.a.sentences}
        goal_rows = {g.id: {by_id[i].line for i in g.source_sentences if i in by_id} for g in goals}
        party_name = {"employee": "员工" if self.zh else "Employee", "manager": "经理" if self.zh else "Manager",
                      "organisation": "组织" if self.zh else "Organisation"}
        for s in self.a.of_kind("action"):
            owner: Owner
            party: str | None
            if s.actor and is_owner(s.actor.owner) and s.owner in (None, s.actor.owner):
                owner, party = s.actor.owner, s.actor.text  # (the reader and the word rules name no other owner)
                party = None if party == WRITER_TITLE else party  # (the writer unnamed: by title, in the plan's language)
            elif s.owner and is_owner(s.owner):  # the reader's owner: 'Bethan: Sign each CIP sheet…' tells the employee to
                owner, party = s.owner, {"manager": self.a.manager, "employee": self.a.employee_name}.get(s.owner)
            elif s.label == "manager":
                owner, party = "manager", self.a.manager
            else:
                owner, party = "employee", self.a.employee_name
            party = party or party_name[owner]
            if owner == "manager" and self.a.manager and s.actor and s.actor.text in self.a.manager_aliases:
                party = self.a.manager
            if owner == "employee" and self.a.employee_name and s.actor and s.actor.text in self.a.employee_aliases:
                party = self.a.employee_name
            sentence_due = self._sentence_deadline(s, strict=True)
            items = self._items(s, split_and=False) if owner == "employee" else []
            if not items:
                items = [_Item(_clean(s.action), "", sentence_due)]
            for item in items:
                action = _sentence_case(item.text)
                due = item.deadline or (sentence_due if len(items) == 1 else None)
                if not action:
                    continue
                mine = (owner == "employee" and len(items) > 1 and s.speaker != "employee" and s.label != "employee"
                        and _WRITER_OPENS.match(item.text))  # (on the employee's own line 'I' is the employee)
                item_owner: Owner = "manager" if mine else owner
                item_party = (self.a.manager or party_name["manager"]) if mine else party
                action = _sentence_case(_WRITER_OPENS.sub("", action)) if mine else action  # 'Countersign the ORB …'
                # ('He makes the ORB entry …, and I countersign the ORB every Sunday': the second part is the writer's)
                words = content_tokens(action)
                linked = [gid for gid, gw in goal_words.items()
                          if words & gw or (s.column == "action" and s.line in goal_rows[gid])]  # (a row's own target)
                out.append(Responsibility(owner=item_owner, party=item_party, action=action, due=due, goal_ids=linked,
                                          source_sentences=[s.id]))
        return out

    # ------------------------------------------------------------ check-ins

    def check_ins(self, goals: list[Goal], end: dt.date) -> list[CheckIn]:
        out = []
        dates = self.ctx.rules.check_in_dates(self.start, end, self.a.check_in_gap)
        for k, when in enumerate(dates, 1):
            due = [g for g in goals if g.deadline and g.deadline <= when]
            open_goals = [g for g in goals if g not in due or g.deadline == when]
            if k == len(dates):
                focus = ("最终评估：逐项对照目标（" + "、".join(g.id for g in goals) + "），确定结果和后续安排"
                         if self.zh else "Final review against every target (" + ", ".join(g.id for g in goals)
                         + "); agree the outcome and next steps")
            else:
                names = [g.metric or g.id for g in open_goals][:4]
                focus = ("进度检查：" + "；".join(names) + "，对照基线，调整支持"
                         if self.zh else "Progress review: " + "; ".join(names) + " against baseline; adjust support")
            out.append(CheckIn(date=when, focus=focus))
        return out


# ---------------------------------------------------------------- helpers

_WHEN_WORDS = 3  # a point of a target this short beside its date only says when the point before it is due


def _clean(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip(" ;；,，.。:：-–—")


# Words that only lead into the point after them ('So from now, …', 'Going forward, …'), a remark on the point before
# ('…, that's a stop-the-job rule for us'), and the 'and' that joins a point to the one before ('…, and take a photo').
_LEAD_IN = re.compile(r"""\W*(?:(?:so|and|ok(?:ay)?|right|well|then|now)\W+)*(?:from\s+now(?:\s+on)?|going\s+forward|moving\s+forward
    |in\s+(?:the\s+)?future|from\s+today|for\s+next\s+time|so|and|ok(?:ay)?|right)\W*""", re.I | re.X)
_CHECKED_WHEN = re.compile(r"^\W*(?:(?:to\s+be|all|both|each)\s+)?(?:checked|reviewed|measured|assessed|audited|looked\s+at)\b", re.I)
_REMARK = re.compile(r"^\W*(?:that['’]s|that\s+is|this\s+is|which\s+is|it['’]s)\s+(?:a|an|the|our|my|just|really|very|not)\b", re.I)
_AND_OPENS = re.compile(r"^\W*(?:and|plus|also)\s+(?=[a-z])", re.I)


# The whole of a counted set, which a dated task is to finish: 'inspection records for all 7 hoists by 10 Apr', 'the
# remaining 18 bowls by 31 July', '续期名单上23个客户逐一回访'.
_ALL_OF = re.compile(r"(?:\b(?:all|the\s+remaining|the\s+other|every\s+one\s+of|each\s+of\s+the|the\s+full|the\s+whole)|全部|所有|剩下的?)\s*$",
                     re.I)


_ALONE_IN_BRACKETS = re.compile(r"\s*[)）]")  # a date alone in its brackets: 'M3 (5月29日) 准时'
_LIST_TAIL_WORDS = 4  # at most this many words after a comma go on the list of the point before them


def _only_replies(text: str) -> bool:
    """Words that say only that they were heard: 'Yeah.', 'Cheers', 'OK, thanks', '好的，收到'."""
    parts = [part.strip().lower() for part in re.split(r"[,.!，。！]+", text) if part.strip()]
    return bool(parts) and all(vocab("labels", "replies").fullmatch(part) for part in parts)


def _sentence_case(text: str) -> str:
    text = _clean(text)
    return text[:1].upper() + text[1:] if text else text


# A sentence that only names the next topic: 'Third, the client SLA reports.', 'Second, school and nursery visits.', 'The
# bigger one is shading.', 'And uploads.', '第二，交接班记录。'
_TOPIC = re.compile(r"""^\W*(?:(?:first(?:ly)?|second(?:ly)?|third(?:ly)?|fourth(?:ly)?|next|then|also|and|finally|lastly|last(?:\s+one)?
      |one\s+more|another\s+(?:one|thing)(?:\s+is)?|the\s+(?:next|other|bigger|big|last|main)\s+(?:one|thing|issue|point)(?:\s+is)?)
      [\s,:–—-]+(?:(?:is|was)\s+)?(?:the\s+)?(?P<en>[A-Za-z][\w/&'’ -]{1,40}?)
    | (?:第[一二三四五六]|其次|另外|还有|最后)[，,、：:\s]*(?P<zh>[\u4e00-\u9fffA-Za-z/ ]{2,12}?))\s*[.。:：!]?\s*$""", re.I | re.X)


_CLAUSE_WORD = re.compile(r"""\b(?:i|she|he|they|we|you|it|this|that|there|said|says|will|would|can|could|should|must|is|are|was|were
    |has|have|had|did|do|does|went|go|goes|need|needs|get|got|make|made|think|thinks|thought|ok|okay|fine)\b|我|他|她|说|会|要""",
                          re.I | re.X)


def _topic(body: str) -> str | None:
    m = _TOPIC.match(body)
    if not m:
        return None
    topic = (m.group("en") or m.group("zh") or "").strip()
    if not topic or len(topic.split()) > 5 or re.search(r"\d", topic) or _CLAUSE_WORD.search(topic):
        return None  # 'Then she said it went fine' is a sentence, not a topic
    return topic[:1].upper() + topic[1:]


def _headline(text: str, zh: bool) -> str:
    if zh:  # the first clause that says what fell short, else the first that says something: not '但是，…' or '还有，…'
        clauses = [drop_dangling(_ZH_OPENER.sub("", c)).strip() for c in _ZH_CLAUSE_BREAK.split(text)]
        clauses = [c for c in clauses if len(c) >= 2]
        falls_short, states_standard = vocab_terms("observation", "negative", "zh"), vocab_terms("observation", "reference", "zh")
        headline = next((c for c in clauses if falls_short.occurs_in(c) and not states_standard.occurs_in(c)),
                        clauses[0] if clauses else text)
        return cut_at_word(headline, min(40, 12 + sum(ch.isascii() for ch in headline)))  # 12 Chinese characters, and
        # the English words among them whole ('Weight & balance')
    words: list[str] = []
    filler = False
    text = _DIARY_DAY.sub("", text)  # 'Mon 27/4 – bulkhead framing 2 days behind programme': what happened that day
    for clause in re.split(r"[:(;,]|\b(?:vs|versus|against)\b", text):
        before_number = re.split(r"\d", clause)[0]
        words = [w for w in re.findall(_HEADLINE_WORD, before_number) or re.findall(_HEADLINE_WORD, clause) if w.lower() not in _SKIP]
        if not words and filler:
            continue  # 'OK, so, …': past the 'so' too
        if not words or words[0].lower() not in _FILLERS:
            break
        filler = True
        # 'OK, so, the standard…', 'In May there were 6 hearings where…': the words after the filler, or after the
        # figure, or the next clause's; not 'OK' or 'There'
        words = _past_fillers(words) or _past_fillers([w for w in re.findall(rf"(?<![\d{UPPER}{LOWER}]){_HEADLINE_WORD}", clause)
                                                      if w.lower() not in _SKIP])
        if words:
            break
    headline = _LINKING_TAIL.sub("", _WHOSE.sub("", " ".join(words)))
    headline = drop_dangling(cut_at_word(headline if _ACRONYM.search(headline) else headline.lower(), 60))
    return headline[:1].upper() + headline[1:] or cut_at_word(text, 40)


# Words an area never holds (months, small words), and those it never opens with (fillers, the 'there' of 'there were').
_SKIP = frozenset("""in on at the a of and so but also then jan feb mar march apr april may june july aug sep oct nov dec
    january february august september october november december""".split())
_DIARY_DAY = re.compile(r"^\W*(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?\s+\d{1,2}[/.]\d{1,2}(?:[/.]\d{2,4})?\s*[–—:-]\s*", re.I)
_FILLERS = frozenset("ok okay yes yeah right well um uh there here it this that is are was were".split())


def _past_fillers(words: list[str]) -> list[str]:
    return list(itertools.dropwhile(lambda w: w.lower() in _FILLERS, words))


# The writer taking on a part of a task: '…, and I countersign the ORB every Sunday', '我每周抽查' (a verb of doing after
# 'I', not one of thinking or saying: 'I reckon the returns shelf as well').
_WRITER_CLAUSE = re.compile(r""",\s+(?=(?:and|but|then)\s+I(?:'ll|’ll|\s+will)\s+
    (?!(?:be|admit|say|tell|grant|confess|give\s+(?:him|her|them|you)\s+(?:that|credit))\b)[a-z])""", re.X)  # '…, and I'll
# spot-check five a week' (not 'and I'll be honest, …')
# Between a tolerance and the share of cases it must hold on: ' of final on ', ' of the quote for '.
_TOLERANCE_THEN_SHARE = re.compile(r"\s+of\s+(?:[\w-]+\s+){1,4}(?:on|for|in|across)\s+", re.I)
# What a task covers, before the figure that bounds it from below: 'for every claim over £20k', 'on each job above 3 m'
# (not a time to do it in: 'to every bride within 48 hours').
_SCOPE_BEFORE = re.compile(r"\b(?:every|each|any|all)\s+(?!(?:day|week|month|shift|quarter|year|run|weekly|monthly|daily)\b)(?:[\w-]+\s+){1,3}$",
                           re.I)  # (not a period each bound holds in: 'each week at least 40 calls', nor a share: 'every audit above 90%')
# A share the writer says they will check: 'checklist 100% signed, I'll spot check weekly'.
_SHARE_THEN_WRITER = re.compile(r"^(?P<share>[^,;:]*\d[^,;:]*%[^,;:]*?)(?:,|\s[-–—])\s+(?:(?:and|but|then)\s+)?I(?:'ll|’ll|\s+will)\s+[a-z]")
# A share alone on its line: 'temps 100% logged' (a noun, the share, a participle).
_SHARE_ALONE = re.compile(r"(?P<share>[A-Za-z][\w -]{0,30}\s\d{1,3}%\s+[a-z]+ed)\W*")
# A share that reports what is, not what is to be: 'files are now on the system', 'sales up 20% on last year', 'so far'.
_SHARE_REPORTED = re.compile(r"\b(?:is|are|was|were|has|have|had|been|now|already|so\s+far|up|down|on\s+last)\b", re.I)


def _share_checked(body: str) -> tuple[str, Quantity] | None:
    """In a task the writer takes on, the share they will check that opens it, or that is all it says, as a target:
    ('checklist 100% signed', 100%) of 'checklist 100% signed, I'll spot check weekly' (not 'I'll check 100% of the
    sheets', nor what is so: '100% of her files are now on the system, I'll archive the paper copies')."""
    m = _SHARE_THEN_WRITER.match(body.strip()) or _SHARE_ALONE.fullmatch(body.strip())
    if m is None or re.search(r"\b(?:I|me|my|we|our)\b", m["share"]) or _SHARE_REPORTED.search(m["share"]):
        return None
    q = _first_quantity(m["share"])
    return (_clean(m["share"]), q) if q and q.unit == "%" and len(m["share"].split()) >= 2 else None


_WRITER_OPENS = re.compile(r"""^\W*(?:(?:and|but|then|while)\s+)?(?:I(?:'ll|’ll|\s+will|\s+shall)?\s+
    (?!(?:reckon|think|guess|suppose|believe|feel|mean|know|hope|said|say|was|am|have|had|would|could|might|should|did|do)\b)(?=[a-z])
    |I['’]m\s+(?!(?:thinking|hoping|wondering|guessing|going|not|sure|worried|afraid|glad|happy)\b)(?=[a-z]+ing\b)  # 'and I'm ordering …'
    |我(?=会|来|每|去|负责))""", re.X | re.I)
# Where a Chinese headline's clauses break: punctuation, and a figure with its measure word ('7 月', '5 个', '2 次').
_ZH_CLAUSE_BREAK = re.compile(r"[，,（(：:。；;]|\d+(?:\.\d+)?\s*[%％]?\s*(?:月份?|日|号|周|年|天|个|次|起|例|件|台|单|笔|张|份|位|名|条|批|板|箱|斤|锅|场|趟|项|处)?")
_ZH_OPENER = re.compile(r"^\s*(?:还有|但是|而且|另外|然后|所以|不过|就是|其次|第[一二三四五六七八九十]个?(?:问题|点|事|件事)?是?|问题[一二三四五六七八九十])+\s*")


_HEADLINE_WORD = rf"(?:\d+-)?[{UPPER}{LOWER}][{UPPER}{LOWER}\-']*"  # '24-hour' and 'línea' stay whole
_ACRONYM = re.compile(r"\b[A-Z]{2,}s?\b")  # 'SLA', 'KPIs': kept as written


# 'Priya's first-contact resolution has been 61%', 'Her ticket backlog stands at 40': the measure is what the
# area names, without whose it is or the verb that leads to the figure.
_WHOSE = re.compile(r"^(?:[A-Z][\w\-]*['’]s|her|his|their|your|my|our)\s+(?=\S)", re.I)
_LINKING_TAIL = re.compile(
    r"""(?:\s+(?:has|have|had|is|are|was|were|been|stood|stands|sat|sits|averaged|averages|averaging|came\s+in
              |comes\s+in|dropped|fell|rose|went|running|runs|ran|only|just|about|around|still|currently|now))+$""",
    re.I | re.X,
)


def _is_measure(unit: str) -> bool:
    return bool(re.fullmatch(r"[\u4e00-\u9fff]{1,2}", unit or ""))


# 'down from 27 to 20 days', 'from 14.5 → 11 weeks', '从6.2%降到3%': the value after the change is the goal's.
_FROM_TO = re.compile(
    r"""(?:\bfrom|从)\s*\S[^;；，]{0,25}?\s*(?P<to>\bto\b|->|→|=>|降到|降至|降低到|提升到|提升至|提高到|提高至|升至)""",
    re.I | re.X,
)


# Words that introduce the targets, not part of any: 'Targets:', 'What I want:', 'What I'd like to see by Easter is',
# 'Where he needs to be:', "Let's say", '目标就这几个：'.
_TARGET_LEAD = re.compile(r"""^\s*(?:
    (?:the\s+)?(?:targets?|goals?|aim|objectives?)\s+(?:for|by|b4|until|before|over|at)\b[^:：\n]{0,70}[:：]\s*  # 'Target for the end of wk 46:'
  | (?:the\s+)?(?:targets?|goals?|aim|objectives?)\b(?:\s+(?:is|are|will\s+be)\b|['’]s)?[\s:]*  # 'Target is no away game …'
  | what\s+(?:i|we)(?:'ve\s+said\s+i)?\s*(?:want|need|expect|'d\s+like|would\s+like)(?:\s+to\s+see)?\b
      (?:[^:：]{0,60}?\bis\b|\s*[:：])\s*
  | where\s+(?:she|he|they|you)\s+(?:needs?|has|have)\s+to\s+be\s*[:：]\s*
  | (?:so\s*,?\s+)?agreed\s*[:：]\s*  # 'So, agreed: you acknowledge every call within 30 seconds'
  | (?:let['’]?s|let\s+us|shall\s+we|how\s+about(?:\s+we)?)\s+(?:say|aim\s+for|go\s+for|make\s+it|set\s+it\s+at|agree\s+on)[\s:]+  # proposed in talk
  | (?:我的)?目标(?:就是|就这几个|是|如下)?\s*[:：]?\s*)""", re.I | re.X)
_GLOSS = re.compile(r"(?:\bso|\bi\.?e\.?|\bcall it|\bthat is|\bmeaning|\bnamely|即|也就是|→|=>|->)[\s,:：]*(?:by\s+|the\s+)?$", re.I)


def _open_bracket(text: str, at: int) -> int | None:
    """Where the bracket text[at] sits inside opens ('(first departure 27 November)'), or None outside brackets."""
    opened = max(text.rfind("(", 0, at), text.rfind("（", 0, at))
    return opened if opened >= 0 and not re.search(r"[)）]", text[opened:at]) else None


_CHECKED_ON = re.compile(r"\b(?:check|review|look\s+at\s+(?:it|them|these|those|all\s+(?:of\s+them|three|four|five|two|both))|meet|catch\s+up)(?:ed)?"
                         r"\s+(?:it\s+|them\s+|again\s+|in\s+)*(?:on|at)\s+(?:the\s+)?$",
                         re.I)


def _checked_days(s: Sentence, dates: list[DateMention]) -> list[DateMention]:
    """The days among `dates` that sentence `s` says it is checked on: '…, we check on 30 Sept'."""
    return [d for d in dates if d.role == "point" and _CHECKED_ON.search(s.text[max(0, d.start - 30):d.start])]


def _glossed(text: str, dates: list[DateMention]) -> list[DateMention]:
    """The dates the notes give as a gloss of another ('before the Christmas peak (call it end of November)',
    '年前（即1月31日）', 'before the Q3 close (we close the quarter on 25 September)', 'b4 the Q2 review (26 June)'):
    where they are, they are the deadline meant."""
    return [d for d in dates if _GLOSS.search(text[max(0, d.start - 16):d.start]) or _bracketed_gloss(text, d, dates)]


def _bracketed_gloss(text: str, d: DateMention, dates: list[DateMention]) -> bool:
    """A deadline in brackets just after another deadline or period, at most two words on: the day that one falls on
    ('9 月 sprint review（9/24）前')."""
    opened = _open_bracket(text, d.start)
    if d.role != "deadline" or opened is None or not re.search(r"\d", d.text) or _RELATIVE.search(d.text):
        return False  # a day, not another period ('(we close the quarter on 25 September)', '(60-day plan)')
    return any(o.role in ("deadline", "end") and o.end <= opened and re.fullmatch(r"\s*(?:[\w'-]+\s*){0,2}", text[o.end:opened])
               for o in dates if o is not d)


_AGED = re.compile(r"(?:older than|aged over|over|more than|longer than|than|past|超过|逾期)\s*$", re.I)
_TIME_UNIT = re.compile(r"^(?:min|mins|minutes?|h|hrs?|hours?|days?|working days?|business days?|weeks?|秒|分钟|小时|天|个?工作日|周)$", re.I)
_WITHIN_AFTER = re.compile(r"^\s*(?:内|以内|之内)")


def _service_level(text: str, qs: list[Quantity]) -> tuple[Quantity, Quantity] | None:
    """'within 2 days on 90% of claims', '72h 内提交率 100%', '48h closure ≥ 90%': the share is the goal's value and the
    time a condition of it (a rate and the time it is measured against)."""
    rate = next((q for q in qs if q.unit == "%"), None)
    if rate is None:
        return None
    time = next((q for q in qs if q is not rate and _TIME_UNIT.match(q.unit or "")
                 and (q.comparator in ("<", "<=") or _WITHIN_AFTER.match(text[q.end:])
                      or (rate.comparator and q.end <= rate.start)  # '48h closure ≥ 90%'
                      or (q.end <= rate.start and re.match(r"\s*[\u4e00-\u9fff]{0,4}率", text[q.end:])))), None)  # '48 小时回访率 90%'
    return (rate, time) if time else None


# A capitalised word (or 'No.', '#') right before a bare number: the number names something ('Act 2', 'Line 3', 'No. 4').
_NAMES_BEFORE = re.compile(r"(?:\b[A-Z][a-z]*\.?|#)[ \t]?$")


def _first_quantity(text: str) -> Quantity | None:
    """The goal's value in a target: the first number, the one a change leads to ('from 27 to 20 days'), the
    share in a service level ('within 2 days on 90% of claims'), or a bound after a bare number or an age naming
    what is measured ('older than 5 days down to under 10')."""
    qs = find_quantities(text)
    named = [q for q in qs if not q.comparator and q.unit != "%" and _NAMES_BEFORE.search(text[:q.start])]
    qs = [q for q in qs if q not in named] or qs  # not a number that names something: 'Act 2 wigs … on 100% of shows'
    change = _FROM_TO.search(text)
    if change:
        after = [q for q in qs if q.start >= change.start("to")]
        if after and any(q.start < change.start("to") for q in qs):
            return after[0]
    level = _service_level(text, qs)
    if level:
        return level[0]
    if (len(qs) > 1 and qs[0].unit == qs[1].unit == "%" and qs[0].comparator in ("<", "<=")
            and _TOLERANCE_THEN_SHARE.fullmatch(text[qs[0].end:qs[1].start]) and re.match(r"\s*of\b", text[qs[1].end:])):
        return qs[1]  # 'reserve within 25% of final on 90% of files': the tolerance is a condition, the share the value
    if len(qs) > 1 and qs[0].comparator in (">", ">=") and _TIME_UNIT.match(qs[0].unit or "") \
            and qs[1].comparator in ("<", "<="):
        return qs[1]  # '超过30天未关闭的工单不超过3张': the age is a condition, the count the value
    if (qs and qs[0].comparator is None and (not qs[0].unit or qs[0].unit == "次" or _TIME_UNIT.match(qs[0].unit))
            and (bounded := [q for q in qs[1:] if q.comparator])):
        return bounded[0]  # 'older than 5 days down to under 10', '第2组一次验收合格率达到95%以上': the bound is the value
    return qs[0] if qs else None


def _within(text: str, q: Quantity | None, zh: bool) -> str:
    """The time a share is measured against, as the target says it: ' within 2 working days', '（48小时内）'; or the
    age a count is of ('fewer than 5 work orders older than 14 days': ' (older than 14 days)')."""
    if q is not None and q.unit != "%":
        for x in find_quantities(text):
            before = _AGED.search(text[max(q.start, x.start - 14):x.start])
            apart = x.start >= q.end or x.end <= q.start  # another figure, not the value itself
            if apart and _TIME_UNIT.match(x.unit or "") and (before or x.comparator in (">", ">=")):
                phrase = ((before.group(0).strip() + " ") if before else "") + text[x.start:x.end].strip()
                return f"（{phrase}）" if zh else f" ({phrase})"
    level = _service_level(text, find_quantities(text)) if q is not None and q.unit == "%" else None
    if not level or level[0] != q:
        return ""
    time = level[1]
    value = time.text if not time.comparator else re.sub(r"^(?:within|under|<=?|≤)\s*", "", time.text, flags=re.I)
    return f"（{value}内）" if zh else f" within {value}"


def _same_value(a: Quantity | None, b: Quantity | None) -> bool:
    return a is not None and b is not None and a.value == b.value and (a.unit == b.unit or not a.unit or not b.unit
                                                                       or bool(content_tokens(a.unit) & content_tokens(b.unit)))


@dataclass(frozen=True)
class _Item:
    text: str  # as written, dates included: what a responsibility says
    bare: str  # without its dates: what a goal's metric and target are read from
    deadline: dt.date | None


_AIM_BEFORE = re.compile(r"\b(?:target|goal|aim)\b|目标", re.I)
_ONLY_UNTIL = re.compile(r"^\W*(?:(?:right\s+)?(?:through|up)\s+to|through|until|till|by|before|no\s+later\s+than)\b", re.I)  # a point's date
# The words a bare figure may carry and still be only a target: '100% from now', '0 every week', '95% minimum'.
_BARE_FIGURE_WORDS = re.compile(r"""\b(?:from\s+now(?:\s+on)?|going\s+forward|onwards?|at\s+all\s+times|always|minimum|min
    |maximum|max|at\s+least|or\s+(?:better|more|less|fewer)|(?:every|each|per|a)\s+(?:day|shift|week|month|time|visit|job))\b""",
                                re.I | re.X)
# A measure written as a word before its noun, naming a thing and not its target: 'seven-day inspections', '24-hour log'.
_HYPHENED_MEASURE = re.compile(r"^[\w.]+-[A-Za-z]+$")
_QUARTER_OPENS = re.compile(r"^\W*((?:eo)?q[1-4])\s+(?=\w)", re.I)  # 'Q4 MTTR ≤ 4h' (not 'Q4: …', read as a label)
_ONLY_FROM = re.compile(r"^\W*(?:starting|beginning|commencing|effective|from|as\s+of)\b", re.I)  # a point's start
_CLOSES_POINT = re.compile(r"\s*[.;。；]?\s*$")  # nothing after it but the point's stop
_RELATIVE = re.compile(rf"(?:\d|\b(?:{COUNT_WORDS}))\s*[- ]?(?:(?:working |business )?days?|weeks?|wks?|months?)\b|\bfortnight\b"
                       r"|(?:\d+|[一二两三四五六七八九十]+)\s*(?:天|周|个星期|个月|个工作日)", re.I)


def _without_dates(body: str, ref: dt.date, *, keep: Collection[str] = ()) -> str:
    """The text with its dates and the words that introduce them taken out (except those in `keep`)."""
    dates = [d for d in find_dates(body, ref) if d.role != "duration" and d.text not in keep]
    for d in sorted(dates, key=lambda d: -d.start):
        left = re.search(r"(?:\(|（)?\s*(?:\b(?:by|before|until|till|through|up to|to|due|ending|ends|no later than|on|within|in|over|for|the next|next)\s+(?:the\s+)?)*$",
                         body[:d.start], re.I)
        right = re.match(r"\s*(?:前|之前|以前|起)?\s*(?:\)|）)?", body[d.end:])
        assert left is not None and right is not None  # both patterns match the empty string
        body = body[:left.start()] + " " + body[d.end + right.end():]
    body = re.sub(r"\(\s*\)|（\s*）", " ", body)
    body = _OPENER_LEFT.sub("", body)  # 'So by end of April: full records' -> 'full records', not 'So : full records'
    return _clean(body)


_OPENER_LEFT = re.compile(r"^\W*(?:(?:so|and|then|ok|okay|right|well|also)\s*)?[:：,，]\s*", re.I)


_ZH_RHYTHM = {"周": "week", "天": "day", "日": "day", "月": "month", "班": "shift"}
_ZH_UNITS = {"min": "分钟", "h": "小时", "s": "秒", "day": "天", "week": "周", "month": "个月"}


def _with_zh_rhythm(q: Quantity | None, text: str) -> Quantity | None:
    """'每周五完成培训一次': the 每周 before the number is its rhythm."""
    m = re.search(r"每([周天日月班])", text)
    if q is None or q.per or not m:
        return q
    return replace(q, per=_ZH_RHYTHM[m.group(1)])


def _enrich_metric(metric: str, deficiency: Deficiency) -> str:
    """A one-word metric ('accuracy', 'CSAT') gets the words the evidence puts around it."""
    if unspaced(metric) or len(metric.split()) >= 2:
        return metric
    m = _word_before(metric, deficiency.evidence)
    if m and len(m.group(1)) > 2 and m.group(1).lower() not in STOPWORDS:
        return f"{m.group(1)} {metric}"
    if metric.lower() in deficiency.area.lower():
        return deficiency.area
    return f"{deficiency.area} ({metric})"


_LEAD_EN = re.compile(r"\s*(?:(?:also|and)\s+)?", re.I)
_SPEECH_EN = re.compile(r"\s*(?:also\s+)?(?:says?|said|thinks?|feels?|felt|explains?|explained|admits?|admitted|mentions?"
                        r"|mentioned|believes?|claims?|notes?|reports?)\b[,:]?\s*(?:that\s+)?", re.I)
_LEAD_ZH = re.compile(r"\s*")
_SPEECH_ZH = re.compile(r"\s*(?:认为|表示|说|解释|承认|提到|反映|觉得)[，,：:]?")


_WORD_AND_GAP = re.compile(r"\b([A-Za-z][\w\-]*)\s+", re.I)


def _word_before(word: str, text: str) -> re.Match[str] | None:
    r"""`re.search(rf"\b([A-Za-z][\w\-]*)\s+{re.escape(word)}\b", text, re.I)` without compiling a
    pattern for each metric: the word before must end where a gap does, so each gap is tried once."""
    low, key = lower_same_offsets(text), word.lower()
    if low is None or len(key) != len(word) or not word or word[0].isspace() or not word.isascii():
        return re.search(r"\b([A-Za-z][\w\-]*)\s+" + re.escape(word) + r"\b", text, re.I)
    for m in _WORD_AND_GAP.finditer(text):
        if low.startswith(key, m.end()) and at_word_boundary(text, m.end() + len(key)):
            return m
    return None


def _strip_speaker(text: str, aliases: tuple[str, ...]) -> str:
    """'Helen says that the tool is slow' -> 'the tool is slow'. The speaker is tried as the pattern
    `^lead?(?:name|he|she|they)?speech` would try it, without compiling a pattern for each employee."""
    text = _strip_speech(text, _LEAD_EN, (*aliases, "he", "she", "they"), _SPEECH_EN, fold=True)
    return _strip_speech(text, _LEAD_ZH, (*aliases, "他", "她", "他自己", "她自己", "员工", "本人"), _SPEECH_ZH)


def _strip_speech(text: str, lead: re.Pattern[str], subjects: tuple[str, ...], speech: re.Pattern[str], *, fold: bool = False) -> str:
    opening = lead.match(text)
    assert opening is not None  # each lead pattern matches the empty string
    starts = [opening.end()]
    starts.append(len(text) - len(text.lstrip()))  # the lead's optional words given back
    folded = lower_same_offsets(text) if fold else None
    for start in dict.fromkeys(starts):
        for subject in (*subjects, ""):
            if folded is not None and len(subject.lower()) == len(subject):
                found = folded.startswith(subject.lower(), start)
            elif fold:
                found = re.match(re.escape(subject), text[start:], re.I) is not None
            else:
                found = text.startswith(subject, start)
            if found and (tail := speech.match(text, start + len(subject))):
                return text[tail.end():]
    return text


def _number(q: Quantity) -> str:
    n = q.number_text
    if not re.match(r"\d", n):  # 'zero', 'three', '一': write the value as digits
        return str(int(q.value)) if q.value == int(q.value) else str(q.value)
    return n


def _value_text(q: Quantity, zh: bool, *, noun_words: int = 1) -> str:
    number = _number(q)
    if q.in_two_units:  # '3m30s', '1小时30分钟': the units are written in it
        text = number
    elif q.unit in ("%", "x"):
        text = f"{number}{q.unit}"
    elif q.unit in ("$", "€", "£", "¥", "￥"):
        text = f"{q.unit}{number}"
    elif q.unit in _TIME_WORDS:
        text = f"{number}{_ZH_UNITS[q.unit]}" if zh else f"{number} {q.unit if q.value == 1 else _TIME_WORDS[q.unit]}"
    elif _is_measure(q.unit):
        text = f"{number}{q.unit}"
    elif q.unit.startswith("of ") or (q.unit and len(q.unit.split()) <= noun_words):
        text = f"{number} {q.unit}"
    else:
        text = number
    return f"{text}/{q.per}" if q.per and not zh else text


def _target_text(q: Quantity, zh: bool, baseline: Quantity | None = None) -> str:
    if q.unit == CLOCK:
        return f"{q.text}前" if zh else f"by {q.text}"
    if q.low is not None:  # a range: '32–38 mm'
        return f"{q.low_text}–{_value_text(q, zh)}"
    comparator = q.comparator
    if comparator is None and baseline is not None:
        comparator = ">=" if baseline.value < q.value else "<="
    value = _value_text(q, zh)
    if zh and q.per:
        per = {"week": "周", "day": "天", "month": "月", "shift": "班"}.get(q.per, q.per)
        value = f"每{per}{value}"
    return f"{comparator} {value}" if comparator else value


def _describe(item: str, deadline: dt.date | None, zh: bool) -> str:
    item = _sentence_case(item)
    if not deadline:
        return item
    if zh:
        return f"{deadline.year}年{deadline.month}月{deadline.day}日前：{item}"
    return f"{item} by {deadline.day} {deadline.strftime('%b')} {deadline.year}"


def _standard_item(metric: str, standard: Quantity, zh: bool) -> str:
    return f"{metric}达到标准 {standard.text}" if zh else f"{metric} at the stated standard of {standard.text}"

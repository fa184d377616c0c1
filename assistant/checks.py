"""Review checks: run on every plan, drafted or edited, and say what a human must look at.

Errors must be fixed before a plan is submitted; warnings ask for a look; info is advice.
A plan's flags are always recomputed from the plan and the notes, never carried over, so an
edit that fixes a problem clears its flag.

Every check is a function of the plan, the notes analysis (None when a plan is checked without its
notes) and the policy, listed once in CHECKS, in the order its flags are shown: a new check is one
function and one line there.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from .lexicon import commitment_terms, load
from .notes import NotesAnalysis
from .policy import Policy, check_in_span, current_policy
from .quantities import find_quantities
from .schema import OWNERS, Plan, ReviewFlag, plan_rule_errors
from .screening import a_colleagues_leave, outcome_name, screen_counted
from .textutil import content_tokens, coverage, squash
from .word_targets import word_target

# Plan fields that are written for the employee: what bias, sensitive and injection checks read.
_BODY_FIELDS = {
    "deficiencies": ("area", "evidence"),
    "root_causes": ("cause",),
    "goals": ("description", "metric", "baseline", "target"),
    "responsibilities": ("party", "action"),
    "check_ins": ("focus",),
}


Check = Callable[[Plan, NotesAnalysis | None, Policy], list[ReviewFlag]]


def review(plan: Plan, analysis: NotesAnalysis | None, policy: Policy | None = None) -> list[ReviewFlag]:
    """Every flag for `plan`; `analysis` (the notes) enables the notes and grounding checks. `policy`: the
    organisation's (settings and policy file) unless given."""
    policy = policy or current_policy()
    return [flag for check in CHECKS for flag in check(plan, analysis, policy)]


def has_errors(flags: list[ReviewFlag]) -> bool:
    return any(f.severity == "error" for f in flags)


def _flag(kind, severity, message, location=None, suggestion=None, sentence_ids=()) -> ReviewFlag:
    return ReviewFlag(kind=kind, severity=severity, message=message, location=location, suggestion=suggestion,
                      sentence_ids=list(sentence_ids))


def _rule_flags(plan: Plan, analysis: NotesAnalysis | None, policy: Policy) -> list[ReviewFlag]:
    return [_flag("schema", "error", e) for e in plan_rule_errors(plan)]


def _insufficient(plan: Plan, analysis: NotesAnalysis | None, policy: Policy) -> list[ReviewFlag]:
    if plan.status != "insufficient_information":
        return []
    zh = plan.language == "zh"
    if zh:
        msg = "记录中没有足够具体的信息来起草改进计划。"
        tip = "请补充：具体的问题和事例（数字、日期、次数）、商定的改进措施、带数值和截止日期的目标，以及经理和公司提供的支持。"
    else:
        msg = "The notes hold nothing concrete enough to draft a plan from."
        tip = ("Add: concrete examples of the shortfall (numbers, dates, how often), what was agreed, targets with a value "
               "and a deadline, and what the manager and the organisation will provide.")
    if plan.deficiencies and not plan.goals:
        msg = ("记录写明了问题，但没有可衡量的目标。" if zh else
               "The notes describe shortfalls but give no measurable target or standard to set a goal from.")
    stated = [s.id for s in analysis.sentences if s.kind in ("standard", "target", "action")] \
        if analysis and not plan.deficiencies else []
    if stated:  # the notes are not silent: what drafting missed is which sentence is the shortfall
        ids = ("、" if zh else ", ").join(stated)
        msg = (f"记录中没有读出工作上的不足，但记录写明了标准、目标或措施（{ids}）。" if zh else
               f"No shortfall was recognised in the notes, though they state standards, targets or actions ({ids}).")
        tip = ("请把描述不足的那一句更正为“不足”，或补充一句具体的不足（数字、日期、次数）。" if zh else
               "Correct the reading of the sentence that describes the shortfall, or add one with numbers, dates or counts.")
    return [_flag("insufficient", "warning", msg, "status", tip, stated)]


def _smart_flags(plan: Plan, analysis: NotesAnalysis | None, policy: Policy) -> list[ReviewFlag]:
    max_days = policy.plan_max_days
    flags = []
    def_ids = {d.id for d in plan.deficiencies}
    for i, g in enumerate(plan.goals):
        where = f"goals[{i}]"
        missing = []
        if not (g.metric or "").strip() or squash(g.metric or "") == squash(g.target or ""):
            missing.append(("metric", "what is measured (e.g. 'average handle time')"))
        if not re.search(r"\d", g.target or ""):
            missing.append(("target", "a numeric target (e.g. '<= 8 min', '>= 90%')"))
        if g.deadline is None:
            missing.append(("deadline", "a deadline date"))
        if not any(d in def_ids for d in g.deficiency_ids):
            missing.append(("deficiency_ids", "the deficiency this goal addresses"))
        for field, what in missing:
            flags.append(_flag("smart", "error", f"Goal {g.id} is not SMART: add {what}.", f"{where}.{field}",
                               sentence_ids=g.source_sentences))
        if g.deadline and plan.interview_date and (g.deadline - plan.interview_date).days > max_days:
            flags.append(_flag("smart", "warning",
                               f"Goal {g.id} is due {(g.deadline - plan.interview_date).days} days after the interview; "
                               f"the policy allows at most {max_days} days without HR approval.",
                               f"{where}.deadline", "Bring the deadline forward or record HR's approval."))
    return flags


def _body_texts(plan: Plan) -> Iterator[tuple[str, str]]:
    for section, fields in _BODY_FIELDS.items():
        for i, item in enumerate(getattr(plan, section)):
            for field in fields:
                value = getattr(item, field)
                if value:
                    yield f"{section}[{i}].{field}", str(value)


def _names(plan: Plan) -> tuple[str, ...]:
    """The employee's name and its parts, as the plan gives it."""
    name = plan.employee.name or ""
    return (name, *name.split()) if name else ()


def _body_screening(plan: Plan, analysis: NotesAnalysis | None, policy: Policy) -> list[ReviewFlag]:
    """Biased, sensitive or injected words inside the plan itself: errors, they reach the employee."""
    flags = []
    for location, text in _body_texts(plan):
        judging = location.startswith(("deficiencies", "goals"))
        for hit in screen_counted(text, absolutes=judging):
            if hit.kind == "sensitive" and a_colleagues_leave(text, hit.text, _names(plan)):
                continue
            flags.append(_flag(hit.kind, "error", f"'{hit.text}' in the plan ({hit.category}): {hit.why}", location,
                               hit.instead))
    return flags


def _notes_flags(plan: Plan, analysis: NotesAnalysis | None, policy: Policy) -> list[ReviewFlag]:
    """What the notes held that was kept out of the plan: a warning for the manager and HR. A flag says the text
    was left out only when the plan truly lacks it; where the plan still holds it, the flag is an error saying where."""
    if analysis is None:
        return []
    zh = plan.language == "zh"
    body = list(_body_texts(plan))
    flags = []
    for s in (s for s in analysis.sentences if s.hits):
        kept = s.kind != "excluded"
        for kind in sorted({h.kind for h in s.hits}):
            hits = [h for h in s.hits if h.kind == kind]
            quoted = [h for h in hits if h.category != "reader" and (kind != "injection" or h.category == hits[0].category)]
            words = ("、" if zh else ", ").join(sorted({f"'{h.text}'" for h in quoted}))  # (an instruction's flag quotes the
            # words of what it is first: 'addresses the assistant' quotes the address, not the rating it asks for)
            what, tip = _kept_out(s.id, kind, hits, words, kept, zh)
            still = [] if kind == "private" else _still_in_plan(s, hits, kept, body)
            if still:
                where = ", ".join(still)
                msg = (f"{what}计划中仍有它的内容（{where}），请删除。" if zh else
                       f"{what} The plan still holds it ({where}): remove it.")
                flags.append(_flag(kind, "error", msg, still[0], tip, [s.id]))
            else:
                fate = _FATE_ZH if zh else _FATE
                flags.append(_flag(kind, "warning", what + (fate["kept"] if kept else fate[kind]), f"notes:{s.id}", tip, [s.id]))
    if analysis.employee_rivals and analysis.employee_name:
        others = ("、" if zh else ", ").join(analysis.employee_rivals)
        flags.append(_flag("assumption", "warning",
                           f"计划是否关于{analysis.employee_name}？记录中还提到{others}。" if zh else
                           f"Is this plan about {analysis.employee_name}? The notes also name {others}.",
                           "employee.name", "请确认或更正员工姓名。" if zh else "Confirm or correct the employee's name."))
    if analysis.interview_date_assumed:
        day = analysis.interview_date.isoformat()
        flags.append(_flag("assumption", "warning",
                           f"记录中没有面谈日期，假定为{day}。" if zh else f"The notes give no interview date; {day} was assumed.",
                           "interview_date", "请填写面谈日期，以便正确计算各项期限。" if zh else
                           "Enter the interview date so that deadlines resolve correctly."))
    return flags


_FATE = {"kept": " Those words were left out of the plan; the facts in the sentence were kept.",
         "bias": " It was left out of the plan.", "wording": " It was left out of the plan.",
         "sensitive": " It was left out of the plan; pass it to HR if it needs an adjustment or leave.",
         "private": " It was left out of the plan.", "injection": " It was treated as data, not followed, and left out of the plan."}
_FATE_ZH = {"kept": "这些词没有写进计划，句中的事实保留了。", "bias": "该句没有写进计划。", "wording": "该句没有写进计划。",
            "sensitive": "该句没有写进计划；如需调整工作安排或请假，请转人力资源部。",
            "private": "该句没有写进计划。", "injection": "已作为数据处理，没有执行，也没有写进计划。"}


def _kept_out(sid: str, kind: str, hits: list, words: str, kept: bool, zh: bool) -> tuple[str, str]:
    """What a sentence the screening held back is, in the plan's language, and what to do about it."""
    first = hits[0]
    said = f"（{words}）" if zh and words else f" ({words})" if words else ""
    if kind == "injection":
        if first.category == "outcome":
            name = outcome_name(first, zh)
            return ((f"第{sid}句直接决定了计划的结果（{name}{'：' + words if words else ''}），而不是描述工作。",
                     "计划只写工作上的不足和改进措施；雇佣、薪酬或评级的决定按制度与人力资源部一起处理。") if zh else
                    ((f"Sentence {sid} decides the plan's outcome ({name}{': ' + words if words else ''}) instead of "
                      "describing the work."), first.instead))
        if first.category == "quoted":
            return ((f"第{sid}句是引用内容（转发的邮件、引用行或粘贴的聊天）里的指令{said}。", "只根据你自己的面谈记录起草。")
                    if zh else (f"Sentence {sid} is an instruction inside quoted material{said}.", first.instead))
        if first.category == "disowned":
            return ((f"第{sid}句写的目标或约定，记录随后说并未商定{said}。", "只写面谈中真正商定的内容。") if zh else
                    (f"Sentence {sid} sets a target or an agreement the notes then say was never agreed{said}.",
                     first.instead))
        if first.category == "reader":
            return ((f"第{sid}句读来像是写给助手的指令，或预先决定了计划的结果。", "从记录中删除它，只描述员工的工作。") if zh else
                    (f"Sentence {sid} reads as an instruction to the assistant or an outcome decided in advance.",
                     first.instead))
        return ((f"第{sid}句是写给助手的指令{said}。", "从记录中删除它，只描述员工的工作。") if zh else
                (f"Sentence {sid} addresses the assistant{said}.", first.instead))
    if kind == "wording":
        categories = sorted({h.category for h in hits})
        why, instead = _bias_why(first, zh)
        return ((f"第{sid}句的评判没有依据（{'、'.join(_CATEGORY_ZH.get(c, c) for c in categories)}）：{words}。{why}", instead)
                if zh else (f"Sentence {sid} judges without evidence ({', '.join(categories)}): {words}. {why}", instead))
    if kind == "bias":
        categories = sorted({h.category for h in hits if h.category not in ("bias", "reader")})
        if first.category == "reader":
            return ((f"第{sid}句读来是在评价员工是谁（年龄、性别、籍贯、家庭、残疾），而不是做了什么。", "描述可观察的工作及其结果。")
                    if zh else ((f"Sentence {sid} reads as a remark about who the employee is (age, gender, origin, "
                                 "family, disability) rather than what they did."), first.instead))
        why, instead = _bias_why(first, zh)
        return ((f"第{sid}句含有带偏见的说法（{'、'.join(_CATEGORY_ZH.get(c, c) for c in categories)}）：{words}。{why}", instead)
                if zh else
                (f"Sentence {sid} uses biased wording ({', '.join(categories)}): {words}. {why}", instead))
    if kind == "private":
        return ((f"第{sid}句标明是你自己的备注{said}。", "不要把私人备注放进用来起草的记录，或在这里删除。") if zh else
                (f"Sentence {sid} is marked as your own remark{said}.", first.instead))
    if any(h.category == "confidential" for h in hits):
        return ((f"第{sid}句属于员工要求保密的内容{said}。", "不要写进计划；需要时转人力资源部。")
                if zh else (f"Sentence {sid} is part of what the employee asked to keep confidential{said}.", hits[0].instead))
    if first.category == "reader":
        return ((f"第{sid}句读来是个人信息（健康、家庭或私下说的事）。", "不要写进计划；需要时转人力资源部。") if zh else
                (f"Sentence {sid} reads as a personal disclosure (health, family, a confidence).", first.instead))
    return ((f"第{sid}句含有健康、家庭或休假信息{said}。", "计划只写工作事实；这些信息交给人力资源部。") if zh else
            (f"Sentence {sid} holds health, family or leave information{said}.", first.instead))


_CATEGORY_ZH = {"age": "年龄", "gender": "性别", "family": "婚育家庭", "health": "健康残疾", "ethnicity": "民族籍贯",
                "religion": "宗教", "coded": "暗示性词语", "label": "标签", "absolute": "绝对化"}


def _bias_why(hit, zh: bool) -> tuple[str, str]:
    """Why a biased word is a problem and what to write instead, in the plan's language."""
    table = load("bias", "zh" if zh else "en").get(hit.category)
    return (table["why"], table["instead"]) if table else (hit.why, hit.instead)


def _still_in_plan(s, hits: list, kept: bool, body: list[tuple[str, str]]) -> list[str]:
    """Where the plan holds what the screening held back: the flagged words, or (for a sentence kept out whole)
    most of the sentence's words."""
    words = [h.text.lower() for h in hits if h.category != "reader" and len(h.text) >= 3]
    whole = content_tokens(s.body)
    found = []
    for location, text in body:
        low = text.lower()
        if any(w in low for w in words) or (not kept and len(whole) >= 3 and coverage(s.body, low) >= 0.8):
            found.append(location)
    return found


def _grounding_flags(plan: Plan, analysis: NotesAnalysis | None, policy: Policy) -> list[ReviewFlag]:
    if analysis is None:
        return []
    flags = []
    notes = content_tokens(analysis.text)
    known_ids = {s.id for s in analysis.sentences}
    excluded = {s.id for s in analysis.excluded}
    note_numbers = {q.value for s in analysis.sentences if s.kind != "excluded" for q in s.quantities}
    note_dates = {d.date for s in analysis.sentences for d in s.dates} | {  # (and a heading's or a date cell's: 'Targets -
        s.block_deadline for s in analysis.sentences if s.block_deadline}    # by 31 Mar', '…,target,"…",Ana,2027-01-31')

    def check_ids(ids, location):
        bad = [i for i in ids if i not in known_ids or i in excluded]
        if bad:
            flags.append(_flag("grounding", "error", f"{location} cites sentences that the notes do not hold (or that were excluded): "
                               + ", ".join(bad) + ".", location))

    for i, d in enumerate(plan.deficiencies):
        where = f"deficiencies[{i}]"
        check_ids(d.source_sentences, where)
        if d.manager_set:
            continue
        if coverage(d.evidence, notes) < 0.6:
            flags.append(_flag("grounding", "error",
                               f"The evidence for {d.id} is not found in the notes.", f"{where}.evidence",
                               "Quote the notes, or mark the deficiency as set by the manager.", d.source_sentences))
    for i, g in enumerate(plan.goals):
        where = f"goals[{i}]"
        check_ids(g.source_sentences, where)
        if g.manager_set:
            continue
        for field in ("target", "baseline"):
            for q in find_quantities(getattr(g, field) or ""):
                stated = word_target(g.description or "")
                if field == "target" and stated and stated.value == q.value:
                    continue  # 'no avoidable incidents', 'every order checked': the notes give it in words
                if q.value not in note_numbers:
                    flags.append(_flag("grounding", "error",
                                       f"The {field} of {g.id} ({q.text}) is not a number the notes give.",
                                       f"{where}.{field}", "Use the value from the notes, or mark the goal as set by the manager.",
                                       g.source_sentences))
        if g.deadline and g.deadline not in note_dates:
            flags.append(_flag("assumption", "info",
                               f"The deadline of {g.id} ({g.deadline.isoformat()}) is not stated in the notes; it follows the plan's "
                               "other deadlines or the policy default.", f"{where}.deadline", "Confirm it with the employee.",
                               g.source_sentences))
    for i, r in enumerate(plan.responsibilities):
        check_ids(r.source_sentences, f"responsibilities[{i}]")
    return flags


def _coverage_flags(plan: Plan, analysis: NotesAnalysis | None, policy: Policy) -> list[ReviewFlag]:
    """What the plan leaves empty. Where the notes state the missing part (a sentence read as a target or an
    owner's action, or one that says so in words: 'I'll sit with her every Monday', '希望到6月底降到1笔以内'), the
    flag quotes it and asks the manager to add it, instead of saying the notes give none."""
    if plan.status != "draft":
        return []
    zh = plan.language == "zh"
    flags = []
    used = {i for g in plan.goals for i in g.source_sentences} | {i for r in plan.responsibilities for i in r.source_sentences}
    unused = [s for s in (analysis.sentences if analysis else []) if s.id not in used and s.kind not in ("excluded", "meta")]
    targets = [s for s in unused if s.reading == "target"]
    targets += [s for s in unused if s not in targets and s.reading in ("standard", "other", "action") and s.quantities
                and commitment_terms("target").occurs_in(s.text)]
    covered = {i for g in plan.goals for i in g.deficiency_ids}
    for i, d in enumerate(plan.deficiencies):
        if d.id in covered:
            continue
        if targets:
            said = _quoted(targets, zh)
            msg = (f"{d.id}（{d.area}）没有目标，但记录中写了{said}，像是目标却没有用于任何目标。" if zh else
                   f"{d.id} ({d.area}) has no goal, though the notes say {said}, read as a target no goal uses.")
            tip = "把它写成这一问题的目标，或更正该句的理解。" if zh else \
                "Make it this deficiency's goal, or correct how the sentence was read."
            flags.append(_flag("coverage", "warning", msg, f"deficiencies[{i}]", tip,
                               [*d.source_sentences, *(s.id for s in targets)]))
        else:
            msg = (f"{d.id}（{d.area}）没有目标：记录中没有给出目标或标准。" if zh else
                   f"{d.id} ({d.area}) has no goal: the notes give no target or standard for it.")
            flags.append(_flag("coverage", "warning", msg, f"deficiencies[{i}]",
                               "补充一个有指标、数值和期限的目标。" if zh else "Add a goal with a metric, a number and a deadline.",
                               d.source_sentences))
    if not plan.root_causes:
        flags.append(_flag("coverage", "info", "没有记录根本原因。" if zh else "No root cause is recorded.", "root_causes",
                           "问问员工是什么妨碍了工作，并记录下来。" if zh else "Ask the employee what got in the way, and record it."))
    owners = {r.owner for r in plan.responsibilities}
    names = {"employee": "员工" if zh else "the employee", "manager": "经理" if zh else "the manager",
             "organisation": "组织（其他人员、部门或公司）" if zh else "the organisation (other people, departments, the company)"}
    for owner in OWNERS:
        if owner in owners:
            continue
        stated = [s for s in unused if s.reading == "action" and s.owner == owner]
        if owner != "employee":
            stated += [s for s in unused if s not in stated and s.reading in ("action", "other", "cause")
                       and (s.owner in (None, owner)) and commitment_terms(owner).occurs_in(s.text)]
        if stated:
            said = _quoted(stated, zh)
            msg = (f"计划中没有{names[owner]}的职责，但记录中写了{said}，读作{names[owner]}要做的事。" if zh else
                   f"No responsibility is listed for {names[owner]}, though the notes say {said}, read as an action "
                   f"for {names[owner]}.")
            tip = "把它加到职责中，或更正该句的理解。" if zh else "Add it to the responsibilities, or correct how the sentence was read."
        else:
            msg = f"没有记录{names[owner]}的职责。" if zh else f"No responsibility is recorded for {names[owner]}."
            tip = "商定他们要做什么，并写明期限。" if zh else "Agree what they will do, with a due date."
        flags.append(_flag("coverage", "warning", msg, "responsibilities", tip, [s.id for s in stated]))
    return flags


def _quoted(sentences: list, zh: bool) -> str:
    """The sentences as the notes give them: S5 'I'll sit with her every Monday' (long ones cut at a word)."""
    def short(text: str) -> str:
        text = " ".join(text.split())
        return text if len(text) <= 70 else text[:70].rsplit(" ", 1)[0].rstrip(",;:") + "…"
    return ("、" if zh else ", ").join(f"{s.id}“{short(s.text)}”" if zh else f"{s.id} '{short(s.text)}'" for s in sentences[:3])


def _policy_flags(plan: Plan, analysis: NotesAnalysis | None, policy: Policy) -> list[ReviewFlag]:
    if plan.status != "draft":
        return []
    flags = []
    gap = policy.check_in_max_gap_days
    dates = sorted(c.date for c in plan.check_ins)
    if not dates:
        return [_flag("policy", "warning", "The plan has no check-ins.", "check_ins",
                      f"Add check-ins at most {gap} days apart.")]
    end = plan.period.end or max((g.deadline for g in plan.goals if g.deadline), default=None)
    for a, b in policy.long_gaps(check_in_span(plan.interview_date, dates, end)):
        flags.append(_flag("policy", "warning", f"{(b - a).days} days pass between {a} and {b} without a check-in.",
                           "check_ins", f"Policy: a check-in at least every {gap} days."))
    if plan.interview_date and any(c.date < plan.interview_date for c in plan.check_ins):
        flags.append(_flag("policy", "warning", "A check-in falls before the interview date.", "check_ins"))
    return flags



CHECKS: tuple[Check, ...] = (_rule_flags, _insufficient, _smart_flags, _body_screening, _notes_flags, _grounding_flags,
                             _coverage_flags, _policy_flags)

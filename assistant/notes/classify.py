"""Sentence kinds by the word rules: observation, standard, account, cause, action, target, meta or context
(the reader reads every sentence again by meaning); a figure for a time still to come is a goal."""
from __future__ import annotations

import datetime as dt
import itertools
import re

from ..dates import MONTH_PATTERN, NAMED_DAY
from ..grid import Row
from ..language import sentence_language, unspaced
from ..lexicon import area_name, commitment_terms, vocab, vocab_terms
from ..quantities import TIME_UNITS, find_quantities
from ..textutil import content_tokens, stem
from .labels import label_match
from .parties import _PartyFinder
from .sentences import _FUTURE, Sentence

# A date named by its month or its numbers ('end of April', '1 Oct', '10月底', '2026-05-31', '5/31'): weekdays, 'the
# 22nd' and quarters are left out, as the year or week they fall in is a guess.
_ANCHORED = re.compile(r"\b" + MONTH_PATTERN + r"\b | \d{1,2}\s*月 | \d{4}-\d{1,2} | \b\d{1,2}/\d{1,2}\b", re.I | re.X)
# 'no comebacks', 'zero missed logs', 'no footage lost' aim at none: no shortfall's words, up to the clause's next word
_NONE_OF = re.compile(r"\b(?:no|zero|none\s+of\s+the)\b(?:\s+(?!(?:and|or|but|on|in|at|by|for|from|since)\b)[\w'’-]+){0,2}", re.I)
# '逾期申报为0', '投诉降到0起', '差错清零': a clause that brings a shortfall to none aims at none
_NONE_OF_ZH = re.compile(r"[^，,。；;：:\s]*?(?:(?:为|降到|降至|到|是)\s*(?:0|零)\s*(?:次|起|件|个|单|张|例|笔)?|清零)(?=[，,。；;\s]|$)")
# 'Print volumes went up 20%', 'Label printer jammed twice': a verb (or a past tense) within the next few words makes the
# opening word a noun, not an instruction ('Scan at the rack', 'Label every tray' have none).
_NOUN_PHRASE_SUBJECT = re.compile(r"""\s*\S+(?:\s+\S+){0,2}?\s+
    (?:is|are|was|were|went|has|have|had|got|gets|rose|fell|came|ran|\w+ed)\b""", re.I | re.X)
_CONTRAST = re.compile(r"\b(?:but|however|though|although|yet)\b|但是?|不过|可是", re.I)  # 'Excellent with customers, but …'
# (not one that opens the sentence, turning from the one before: 'But she's brilliant with customers.', '不过他带徒弟是真有一套')
_OPENING_CONTRAST = re.compile(r"^\W*(?:(?:but|however|though|yet)\b|但是?|不过|可是)[\s,，]*", re.I)

_FILLER = frozenset("by before until till at least most to of in on the a an and or no more than so per".split())


def opens_with_target(body: str) -> bool:
    """'Target: …', 'Goals for Q3 …', '目标 7-8月 每月≥6000亩': the sentence says it sets a target."""
    return bool(_TARGET_START.match(body))


_IF_OR_ASKED = re.compile(r"的话|如果|要是|\bif\b|\bunless\b|吗\s*[？?]?\s*$|[?？]\s*$", re.I)


def _figure_ahead(s: Sentence, ref: dt.date, assumed: bool) -> bool:
    """A figure for a time still to come is a goal, however the line is shaped: '60 sessions sold in June' said
    at an April interview, 'So by end of April: full records on 100% of GAs', 'Agreed: 24 kg/hr by 1 Oct', 'temp rejects: 0 by xmas'
    (an agreement with nobody doing anything: a figure, a date and at most a few words naming the measure).
    Only against an interview date the notes give, only dates named by month, number or a named day, never with a
    shortfall's words ('lost', 'missed', '最低'; 'no comebacks' aims at none) unless a bound says how many at most or
    least; a period ('in May') is ahead only if it starts after the interview. A bound set in a target's words holds
    for the period it names, the one under way too ('这个月返修控制在5台以内': this month, at most 5 returns)."""
    ends = [d for d in s.dates if d.role in ("deadline", "end")]
    context = s.kind == "context"  # a measure, its figure and its date only: 'temp rejects: 0 by xmas' (not a row of a
    # tracker, nor a count of things to come: '采购：第二套 probe 11/30 前到货')
    if context and ("|" in s.body or not any(q.unit == "%" or q.value == 0 or q.comparator for q in s.quantities)):
        return False
    dated = [d for d in ends if _ANCHORED.search(d.text) or (context and NAMED_DAY.fullmatch(d.text))]
    if not dated and _bounded(s) and not any(q.reference for q in s.quantities) and s.speaker != "employee" \
            and commitment_terms("aim").occurs_in(s.body) and not _IF_OR_ASKED.search(s.body):
        # (not a standard set beside this month's figure, a condition '…的话', nor a question '…吗')
        dated = [d for d in ends if d.role == "end" and d.date > ref]  # ('this month', '本月': the period under way)
        ahead = bool(dated)
    else:
        ahead = not any((d.date.replace(day=1) if d.role == "end" else d.date) <= ref for d in dated)
    if assumed or not s.quantities or not dated or not ahead or (_falls_short(s.body) and not _bounded(s)):
        return False
    if s.kind == "observation":
        return True
    if not (s.kind == "action" or context) or s.actor is not None:
        return False
    rest = s.text
    for start, end in sorted([(q.start, q.end) for q in s.quantities] + [(d.start, d.end) for d in dated], reverse=True):
        rest = rest[:start] + " " + rest[end:]
    label = label_match(rest)
    rest = rest[label.end():] if label else rest
    words = [w for w in re.findall(r"[^\W\d_]{2,}", rest) if w.lower() not in _FILLER and not unspaced(w)]
    return len(words) <= 3 and len(re.findall(r"[\u4e00-\u9fff]", rest)) <= 6


_TARGET_START = re.compile(r"""^\s*(?:(?:so|and|ok(?:ay)?|right|then|now)[,\s]+)?    # 'So the goal is …'
    (?:(?:the\s+|our\s+|new\s+)?(?:targets?|tgts?|goals?|aim|objectives?|kpis?)\b|目标|指标
    # how many of the ones to come must pass: '3 of his next 4 dogs through first-time assessment'
    |\d+\s+(?:of|out\s+of)\s+(?:his|her|their|the|your|my)\s+next\s+\d+\b
    # the next check and what it must find: 'Next audit, zero unlocked twist-locks …', 'By the next inspection: 100% …'
    |(?:(?:at|by|for|on)\s+)?(?:the\s+)?next\s+(?:audit|inspection|spot[- ]?check|check|assessment|survey)\s*[,:：–—-]\s*
     (?=\d|(?:zero|nil|at\s+least|under|below|fewer|less\s+than)\b))  # a figure to find ('no change to her rota' sets none)""", re.I | re.X)

# The writer owning the cause: "that's on us", 'that one is on me', '这个是我们的问题'.
# The writer taking the blame: "that's on us", '-> on us', 'my doing', 'was never realistic', '这个是我们管理上的问题' (not
# '这不是我们的问题').
_ON_US = re.compile(r"""\b(?:that['’]?s|that\s+is|that\s+one['’]?s|it['’]?s|this\s+is)\s+(?:(?:all|partly|really)\s+)?on\s+(?:us|me)\b(?!\s+to\b)
    |(?:->|→|=>)\s*(?:that['’]?s\s+)?on\s+(?:us|me)\b(?!\s+to\b)|\b(?:that['’]?s|that\s+is|it['’]?s|it\s+was)\s+(?:my|our)\s+(?:doing|fault|mistake)\b
    |\b(?:was|were|is|are)\s+never\s+(?:realistic|achievable|doable|feasible)\b
    |(?<!不)(?:是|算)我(?:们|这边)?(?:(?:管理|安排|培训|流程|排班|沟通|调度|计划)(?:上|方面)?)?的(?:问题|责任|锅)""", re.I | re.X)

# A sentence that opens by naming the rule it states: 'our limit = no spraying over 10 mph', 'The site rule is no phones'.
_STANDARD_OPENS = re.compile(r"""^\W*(?:(?:our|the|site|farm|company|shop|store|team)\s+){0,2}(?:limit|rule|standard|policy|requirement|sla|norm)s?
    \s*(?:=|:|is\b|are\b)\s*(?:that\s+)?  # and what it asks ('no spraying over 10 mph'), not 'the standard is poor'
    (?:no|not|never|must|max|maximum|min|minimum|at\s+least|under|below|over|above|every|all|each|zero|only|\d)\b""", re.I | re.X)

# The same in Chinese (and mixed): a rule's source, with a subject of a few words and no figure before it.
_ZH_STANDARD_OPENS = re.compile(r"^\W*[^，。,;；\d]{0,16}?(?:" + vocab("observation", "standard_opens", "zh").pattern + ")")
# What was counted over a period gone by: '马晓东本月有3个集装板超重' (a finding, not a task).
# A count or a share over a period, what was done: '本月有3个集装板超重', '这个月续课率30%' (not '这个月要做到95%', an aim).
_ZH_COUNTED = re.compile(r"""(?:本月|上月|这个月|上个月|本周|上周|这周|[一二三四五六七八九十\d]{1,2}月份?)
    (?:[^，。；]{0,6}有\s*\d+
      |(?![^，。；\d]{0,8}(?:要|争取|达到|做到|提|降|拉|把|底|前|必须|需要|应该|目标|不低于|不能低于|不超过|至少|保持|开始))
       [^，。；\d]{1,8}(?:\d+(?:\.\d+)?\s*%|[\d一二两三四五六七八九十]+\s*(?:次|回|单|件|起|处|天|台|张|份|笔|箱|车)))""", re.X)
# (a count of occasions too: '黄志强上月超速报警6次', '阿添上个月发错货6次')
_ZH_AIM_STATED = re.compile(r"^\W*[^，。,;；\d]{0,6}?目标(?:是|为)")  # '季度目标是…', '目标为…'
# What happened on some occasions, counted as the line opens: '有三天二组的鲜叶下午五点多才送到', '有4次没交日报' (not '有三天时间准备').
_ZH_OCCASIONS = re.compile(r"^\W*(?:有|好)\s*[一二两三四五六七八九十几\d]{1,3}\s*(?:天|次|回|个(?:晚上|早上|班))(?![^，。；]*(?:时间|要|会|将|准备|可以))")
_ZH_UNMET = re.compile("没|未|不按|违反|违规")  # '没按规定交日报', '…他好几次没戴': a rule not kept, the shortfall
_ZH_TOLD = re.compile(r"\s*(?:他|她|你|员工)")  # '公司要求她…': a requirement put to her, a task

# The review's own line under a targets' heading: 'Review at stage 1 follow-up, week commencing 8 June'.
_PROPOSED = re.compile(r"\b(?:let['’]?s|let\s+us|shall\s+we|how\s+about)\b", re.I)  # a figure put forward in talk
# A period still to come that a bound is set for: '下一航次…不超过15分钟', 'next trip no more than 2'.
_NEXT_PERIOD = re.compile(r"(?:下一?个?|接下来的?|今后|以后)(?:航次|趟|班次?|周|个?月|季度|阶段|批)|\b(?:next|coming)\s+(?:trip|voyage|run|rota|shift|week|month|quarter|season|term)\b", re.I)
# A line that sets the next meeting so plainly that no block makes it a target: 'next chat 27/5', 'Check-ins every other
# Monday', '下次沟通：6月9日', '下次 check 12/15' (not 'Review all overdue risk assessments by 29 May', 'Follow-up sessions
# completed by 20 June').
_NEXT_MEETING_WORDS = r"""^\W*(?:next\s+(?:chat|catch-?up|meeting|1:1|1-1|check(?:-?in)?|talk|sit-?down|review)\b(?!\s+of\b)
    | check-?ins?\b(?=\s*(?:[:：,–—-]|every|each|weekly|fortnightly|monthly|on\b|then\b|(?:mon|tues|wednes|thurs|fri)days?\b))
    | (?:下次|下一次|下轮)\s*(?:沟通|面谈|谈话|check|review|复盘|跟进|碰头|1\s?on\s?1|1:1)
    | (?:\d{1,2}\s*月[初中底]?|下周[一二三四五六日]?|月底|月中)\s*再\s*(?:check|review|复盘|看|碰|聊|谈)\s*(?:一次|一下)?\s*[。.]?\s*$)"""
# ('4 月初再 check 一次', '下周五再聊一次': when they meet again, nothing to reach)
_NEXT_MEETING = re.compile(_NEXT_MEETING_WORDS, re.I | re.X)
# ... and, in a block of targets, any line that opens with a review: 'Review at stage 1 follow-up'.
_REVIEW_LINE = re.compile(r"^\W*(?:(?:next|final|stage\s+\d)\s+)?(?:review|follow-?up|check-?ins?)\b|" + _NEXT_MEETING_WORDS, re.I | re.X)


def sets_the_next_meeting(s: Sentence, *, under_targets: bool = False) -> bool:
    """The sentence sets when the next meeting is, with no measure to reach ('Check-in 等待时间降到 5 分钟以内' is a hotel's
    check-in): said plainly, or, `under_targets`, any review line in a block of targets."""
    meeting = (_REVIEW_LINE if under_targets else _NEXT_MEETING).match(s.body)
    return meeting is not None and not any(
        (q.unit or q.comparator) and not _STAGE_BEFORE.search(s.text[:q.start])
        and not (q.unit in TIME_UNITS and not q.comparator) and q.text not in meeting.group(0) for q in s.quantities)
    # ('Review at stage 1 follow-up', 'Check-in: Fridays, 15 min': a stage, how long they meet; '再 check 一次': once)


_STAGE_BEFORE = re.compile(r"\b(?:stage|phase|step|round|level)\s*$", re.I)

# The manager saying what they looked at before the interview: the findings follow.
_LOOKED_INTO = re.compile(r"""^\W*(?:(?:so|ok(?:ay)?|right|and|well)[,\s]+)?i(?:'ve|’ve|\s+have)?\s+
    (?:been\s+through|gone\s+through|went\s+through|looked\s+(?:at|through|into|over)|had\s+a\s+look|pulled|reviewed|checked)\b""",
                          re.I | re.X)


# On the manager's own line: support they have arranged ('I've ordered a new gauge, arrives Friday'), or what the employee
# does from a day on ('From Monday you log DFT per panel in the QA app'): actions, whatever figures they hold.
_ARRANGED = re.compile(r"""^\W*(?:(?:so|and|also|ok(?:ay)?)\W+)*i(?:'ve|’ve|\s+have)\s+(?:already\s+|just\s+)?
    (?:booked|ordered|arranged|set\s+up|organi[sz]ed)\b""", re.I | re.X)  # (not 'raised it with IT': theirs to do)
_FROM_THEN_YOU = re.compile(r"""^\W*(?:from|starting|as\s+of)\s+(?:now(?:\s+on)?|today|tomorrow|next\s+week|the\s+\w+
    |(?:next\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday))\s*,?\s+you\s+
    (?!(?:said|told|were|was|had|did|missed|didn't)\b)
    | ^\W*(?:以后|今后|往后|从今天起|从现在起|从现在开始)[^。；;]{0,60}?(?:你|您)(?:自己)?(?:要|必须|得|不要|别|不能|只能|每)""",
    re.I | re.X)


# A word in lower case, then what it acts on: 'rebalance the open caseload', 'restart the rota' (after an owner's tag,
# 'Manager: rebalance …', where a noun phrase would open in capitals or with a figure); a base form, not 'says the TM
# crew …', 'checked the log', 'having the chat'.
_VERB_BEFORE_ITS_OBJECT = re.compile(r"\s*[a-z][a-z-]{3,}(?<!s)(?<!ed)(?<!ing)\s+(?:the|a|an|all|every|each|her|his|their|our|them|him)\s")


def _starts_imperative(body: str, plain: bool = False) -> bool:
    """The sentence opens with a verb of doing ('Book the course'); with `plain`, also with one that often opens a noun
    phrase instead ('Scan at the rack' but 'Scan errors up to 12'), which the caller checks for a shortfall."""
    first = re.match(r"\s*([A-Za-z][\w\-]*)", body)
    if first is None:
        return False
    word = first.group(1).lower()
    if vocab("action", "verbs", "en").fullmatch(word) or (plain and vocab("action", "plain_verbs", "en").fullmatch(word)):
        return True
    return plain and bool(_VERB_BEFORE_ITS_OBJECT.match(body))


def counts_a_shortfall(s: Sentence) -> bool:
    """A count of what fell short, with no bound, no deadline and no time still to come: '本月收银差错4次', '6 late
    starts in October' (not 'no more than 2 late starts by June')."""
    return (bool(s.quantities) and _falls_short(s.body) and not _bounded(s) and not s.ahead and not opens_with_target(s.body.lstrip("> "))
            and not any(q.value == 0 for q in s.quantities) and not _FUTURE.search(s.body) and not commitment_terms("wish").occurs_in(s.body)
            and not any(d.role in ("deadline", "start") for d in s.dates) and not commitment_terms("aim").occurs_in(s.body))



def _bounded(s: Sentence) -> bool:
    """A figure with a bound ('no more than 1 mislabelled pallet', '达到95%以上'): where to get to, not a shortfall."""
    return any(q.comparator for q in s.quantities)


def _commits(text: str) -> bool:
    """A first-person commitment ('I'll pull five test pieces', '我以后都记在本上'): the speaker's action."""
    return commitment_terms("speaker").occurs_in(text)


def _aims(text: str) -> bool:
    """Words that set a figure to reach ('at least', 'I want 100%', '不低于'), with no shortfall's words beside them
    ('zero' and 'no' aim at none)."""
    return commitment_terms("target").occurs_in(text) and not _falls_short(text)


# A measure labelled and set at none: 'temp rejects: 0 by xmas', 'late starts: zero'.
_LABEL_AT_NONE = re.compile(r"^[^:：\n]{1,40}[:：]\s*(?:0|zero|none|nil)(?![\d.,%])", re.I)


def _falls_short(text: str) -> bool:
    """A shortfall's words, where 'zero' and 'no' aim at none ('no comebacks', 'zero missed logs', '逾期申报为0',
    'temp rejects: 0 by xmas')."""
    return _negative(_NONE_OF_ZH.sub(" ", _NONE_OF.sub(" ", _LABEL_AT_NONE.sub(" ", text))))


def _negative(text: str) -> bool:
    """A shortfall's words, in the sentence's language, or in either where it mixes Chinese and English ('7月累计 3 次
    missed checkpoint scans')."""
    lang = sentence_language(text)
    mixed = lang == "zh" and re.search(r"[A-Za-z]{3,}\s+[A-Za-z]{3,}", text) is not None
    return any(vocab_terms("observation", "negative", code).occurs_in(text) for code in ((lang, "en") if mixed else (lang,)))


def _positive(text: str) -> bool:
    return vocab_terms("observation", "positive").occurs_in(text)


def _unpraised(text: str) -> str:
    """The text without its words of praise, whose own 'not' is no shortfall: "faultless, that's not in question"."""
    for start, end in sorted(vocab_terms("observation", "positive").spans(text), reverse=True):
        text = text[:start] + " " + text[end:]
    return text


# The writer's own voice in a line under the employee's heading: 'the best we've sold', 'our customers love them'.
_OUR_PRAISE = re.compile(r"\b(?:we|we've|we’ve|we're|we’re|our|us|I|I've|I’ve|I'd|I’d)\b")


# The notes saying what they are: 'This memo records the performance meeting held …', 'These notes summarise …'.
_ABOUT_THE_NOTES = re.compile(r"""^\W*(?:this|these)\s+(?:memo|note|notes|email|e-mail|summary|record|write-?up|letter|minutes)\s+
    (?:records?|summari[sz]es?|covers?|sets?\s+out|confirms?|follows?\s+up|documents?)\b""", re.I | re.X)
# The writer sorry the notes come late: 'Morning all, sorry these are late, the boiler at home packed in'.
_SORRY_THEY_ARE_LATE = re.compile(r"""^\W*(?:(?:morning|hi|hello|hey|afternoon)\s+(?:all|everyone|team|folks)\W+)?(?:sorry|apologies)\b
    [^.!?]{0,25}?\b(?:these|this|the\s+notes|notes|it)\s+(?:are|is|were|was|'re|'s)\s+(?:so\s+|a\s+bit\s+)?(?:late|overdue)\b""", re.I | re.X)

# How long the meeting took: 'grabbed 10 min with him between the bookings', 'had half an hour with Dana', '聊了20分钟'.
_MEETING_LENGTH = re.compile(r"""\b(?:\d+|a\s+few|half\s+an?|an?|ten|fifteen|twenty|thirty|forty)[ \t-]*(?:mins?|minutes?|hours?|hrs?)
    \s+(?:with|w/)\s+(?:him|her|them|[A-Z][a-z]+)\b
    | \bonly\s+(?:had|got|grabbed|managed)\s+(?:\d+|a\s+few|ten|five|fifteen|twenty)[ \t-]*(?:mins?|minutes?)\b  # 'only had 5 mins, he had a booking'
    | (?:聊|谈|坐)了?\s*(?:\d+|半个?|一个?|几)\s*(?:分钟|小时|个小时)""", re.X)


def _classify(s: Sentence, finder: _PartyFinder) -> str:  # noqa: C901 -- predates the complexity budget
    body = s.body
    numbers = list(s.quantities)
    if s.label == "meta":
        return "meta"
    asks = s.text.rstrip().endswith(("?", "？"))
    counted = (any(not q.reference for q in numbers) and (any(q.reference for q in numbers) or _negative(body))
               and not re.match(r"\s*(?:could|can|would|will|shall|should|may)\b", body, re.I)  # not a request,
               and not re.search(r"\basked\b", body, re.I) and s.speaker != "employee")  # nor the employee's question
    asks = asks and not finder.asked(body)  # 'HR, can you book him on the course?' asks a party to act
    if _ABOUT_THE_NOTES.match(body) or _SORRY_THEY_ARE_LATE.match(body) or (_MEETING_LENGTH.search(body) and not _negative(_MEETING_LENGTH.sub(" ", body))):
        return "context"  # 'This memo records the meeting held yesterday, 28 April 2026, …': what the notes are, how long it took
    if (asks and not counted) or s.label in ("question", "strength", "background", "heading"):
        return "context"  # but 'Q: Your packs show 4.1% cracks, the line standard is 2.5% – what's happening?' reports one
    if s.label == "target" and s.under_heading and sets_the_next_meeting(s, under_targets=True):
        return "context"  # below 'Targets and review': 'Review at stage 1 follow-up, week commencing 8 June' is the review
    if s.label not in ("target", "action") and not counted and not _commits(body) and sets_the_next_meeting(s):
        return "context"  # a speaker's '4 月初再 check 一次', 'next catch-up Friday': when they meet again, no finding (but
        # 'Next catch-up early December, I'll send an invite' is the writer's task)
    if s.label == "target" or _TARGET_START.match(body):
        return "target"
    if s.label in ("action", "support"):
        return "action"
    if s.speaker == "employee" and _commits(body):
        return "action"  # 'Emp: I'll run the checklist at every handover': the employee's own action
    if s.speaker == "employee" and s.under_heading and _OUR_PRAISE.search(body) and _positive(body) and not _negative(body):
        return "context"  # under 'His view': 'His hand-engraved tankards are the best we've sold' is the writer's praise
    if s.label == "cause" or s.speaker == "employee":
        return "account" if s.speaker == "employee" else "cause"
    if (rule := _ZH_STANDARD_OPENS.match(body)) and not _ZH_UNMET.search(body) and not _ZH_TOLD.match(body, rule.end()) \
            and len(numbers) <= 1:
        return "standard"  # '合同写的是每场 20 分钟', 'Costume 规定 guest area 里不能 break character' (not '没按规定…',
        # '规定戴安全帽，他好几次没戴', '规定2个工作日内发出，6次有4次超过一周': the rule and the result; nor '公司要求她月底前补完')
    if unspaced(body) and _ZH_AIM_STATED.search(body) and len(numbers) <= 1 and not _negative(body) \
            and not any(d.role == "deadline" for d in s.dates):
        return "standard"  # '季度目标是场均8万': the mark set, with no date to reach it by
    if unspaced(body) and _ZH_OCCASIONS.match(body):
        return "observation"  # what happened on some days, counted: '有三天二组的鲜叶下午五点多才送到棚里'
    if (s.actor is not None and s.actor.owner != "employee" and not (s.label == "problem" and s.actor.owner == "organisation"
                                                                     and numbers and _negative(body) and not _positive(body))) or (
            s.actor and s.actor.owner == "employee" and not _negative(body) and not _ZH_COUNTED.search(body)):
        return "action"  # (not '马晓东本月有3个集装板超重': what they did, counted over a period gone by; nor, under a list
        # of problems, '制冷机组巡检记录缺6天': a record missing, not the unit's task)
    turned = _OPENING_CONTRAST.sub("", body)
    praise = _positive(turned) and not _falls_short(_unpraised(turned)) and not _CONTRAST.search(turned)  # 'Exceeded the checklist target
    if _ON_US.search(body) and not _commits(body) and s.label in (None, "manager", "problem"):
        return "cause"  # 'only 2 hosts on platform at peak when the ops manual says 3 -> on us', 'HB: 5 a day was never realistic'
    if s.label == "problem":
        return "context" if praise else "observation"
    if s.label == "manager" and _ON_US.search(body) and not _commits(body):
        return "cause"  # 'He hasn't, and that's on us, the refit finished before the training was arranged'
    if s.label == "manager":
        if _commits(body) or _ARRANGED.match(body) or _FROM_THEN_YOU.match(body):
            return "action"  # '邓：巡站我来安排值班员顶班', 'Me: I'll book the course', 'From Monday you log …'
        if (_starts_imperative(body) or _VERB_BEFORE_ITS_OBJECT.match(body) or vocab("action", "recurring", "en").search(body)) \
                and not _negative(body):
            return "action"  # 'Me: book the course', 'Manager: rebalance the open caseload by 28/11'
        if numbers and _aims(body) and any(d.role == "deadline" for d in s.dates):
            return "target"  # 'Mgr: By a fortnight after the inspection I want 100% complete job cards'
        if _bounded(s) and _PROPOSED.search(body) and commitment_terms("aim").occurs_in(body):
            return "target"  # "Mgr: Let's say no more than 2 late starts in June": a bound proposed, though of a shortfall
        if _bounded(s) and _NEXT_PERIOD.search(body) and not any(q.reference for q in numbers):
            return "target"  # '老轨：下一航次日志一天都不能缺，…报警发现时间不超过15分钟': a bound for the time to come
        if (unspaced(body) and vocab("action", "cues", sentence_language(body)).search(body) and not _negative(body)
                and not any(q.reference for q in numbers)):  # not '我：从3月起你每周的复检数是4次，标准8次'
            return "action"  # '我: 跟制作人沟通, 1.4 留足 5天 测试窗口'
        if _LOOKED_INTO.match(body) and not numbers:
            return "context"  # 'So I've been through the incident log for August.': what the manager read, not a finding
        measured = [q for q in numbers if not vocab("observation", "talk_counts", sentence_language(body)).fullmatch(q.unit)]
        # not 'Tea's stewed, sorry.', nor 'I'll be straight with you on three things.'
        return "observation" if (_negative(body) or measured) and not praise else "context"
    if re.match(r"^\s*(?:because|due to|as a result|since|因为|由于)", body, re.I):
        return "cause"
    if praise:
        return "context"
    if (commitment_terms("aim").occurs_in(body) and (_bounded(s) or (not _falls_short(body) and any(d.role == "deadline" for d in s.dates)))
            and not _FUTURE.search(body) and not _starts_imperative(body) and "|" not in body):  # not a task, nor a tracker's row
        return "target"  # 'three weeks from today I want every log entry timed and no footage lost on a police request',
        # 'I want no more than 1 mislabelled pallet a week'
    if unspaced(body):  # no word order to read an imperative or a subject from: the words the sentence holds
        lang = sentence_language(body)
        if _negative(body) and not vocab("action", "openers", lang).match(body.lstrip()):
            return "observation"
        if vocab("action", "cues", lang).search(body):
            return "action"
        return "observation" if numbers and (area_name(body, lang) or any(q.reference for q in numbers)) else "context"
    if (_starts_imperative(body) and not finder.en.match(body)) or re.match(r"^\s*(?:to|will|must|should)\s", body, re.I):
        return "action"
    if (_starts_imperative(body, plain=True) and not finder.en.match(body) and not _negative(body) and not _positive(body)
            and not _NOUN_PHRASE_SUBJECT.match(body)):
        return "action"
    if _FUTURE.search(body) and not re.search(r"\b(?:if|unless|otherwise)\b", body, re.I):
        return "action"
    if re.search(r"\b(?:due|every|each|daily|weekly)\b", body, re.I) and not _negative(body.replace("due", "")):
        return "action"
    if _STANDARD_OPENS.match(body) and len(numbers) <= 1 and not _CONTRAST.search(body):
        return "standard"  # 'our limit = no spraying over 10 mph': the rule, whatever shortfall words it holds
    if _negative(body):
        return "observation"
    if numbers and all(q.reference for q in numbers):
        return "standard"
    if numbers and (area_name(body, "en") or any(q.reference for q in numbers)):
        return "observation"  # 'AHT 11.5 min', '58d vs 40d SLA'; but not 'with the company 6 years, a team of 12'
    return "context"


_GENERIC = frozenset(stem(w) for w in ("target", "goal", "standard", "month", "week", "day", "rate", "number", "total", "average"))
_TOP = 3  # the lines a header may take ('11/2/26 Lucie M. - affineur, caves 1-3', 'Subject: notes - Sofia M … 1:1 18/11')


def _revive_measured_context(sentences: list[Sentence], employee: tuple[str, ...], role: str | None) -> None:
    """Figures about what a target measures are evidence: 'Reopened tickets 15 last month' + 'reopened tickets below 5';
    not a line at the top that names the employee and their role (the header)."""
    targets = [content_tokens(s.body) - _GENERIC for s in sentences if s.kind == "target"]
    for s in sentences:
        if (s.kind == "context" and s.label is None and s.quantities and not s.text.rstrip().endswith(("?", "？"))
                and not (s.line <= _TOP and role and role in s.text and any(a in s.text for a in employee)) and not _positive(s.body)
                and not _ABOUT_THE_NOTES.match(s.body)
                and any(len(content_tokens(s.body) & t) >= 1 for t in targets)):
            s.kind = "observation"


def _measured_beside_standard(sentences: list[Sentence]) -> None:
    """A figure set beside the standard on its line is a result held against it: 'Her first-contact resolution has been
    61% over two months; the team standard is 75%', '平均响应4分钟，要求是2分钟以内'."""
    pairs = list(itertools.pairwise(sentences))
    for s, other in pairs + [(b, a) for a, b in pairs]:
        units = {q.unit for q in other.quantities}
        if (s.kind == "context" and s.label is None and other.kind == "standard" and other.line == s.line
                and any(q.unit in units for q in s.quantities) and not _positive(s.body)):
            s.kind, s.measured = "observation", True
    for s in sentences:  # the two in one sentence: '上月漏检率2.5%，标准是1%以内'
        if s.kind == "observation" and any(q.reference for q in s.quantities) and any(not q.reference for q in s.quantities):
            s.measured = True


def _row_against_target(sentences: list[Sentence], rows: dict[int, Row]) -> None:
    """A table row whose result misses the target in its own row is a shortfall ('| First-time fix | 64% | 80% |',
    '| Repeat visits | 19 | fewer than 8 |'); one that meets it is none ('| Van stock audit | 98% | 95% |')."""
    for s in sentences:
        row = rows.get(s.line)
        measured = row is not None and "observed" in row.cells and "target" in row.cells  # (under 'KPIs:' too, a heading
        # that reads as targets: the row says how the result stands against its target)
        kinds = ("context", "observation", "target") if measured else ("context", "observation")
        if row is None or s.column not in (None, "finding") or s.kind not in kinds:
            continue
        missed = _misses(row)
        if missed is True:
            s.kind, s.measured, s.label = "observation", True, "problem"  # its own cells say so: never a strength
        elif missed is False and not _negative(row.cells.get("observed", "")):
            s.kind, s.label = "context", "strength" if s.label in (None, "target") else s.label


# A share of what comes fewer that was dealt with: 'Discrepancies investigated within 5 days', 'Missed calls returned'.
_HANDLED = re.compile(r"""\s+(?:[a-z]+\s+)?(?:investigated|resolved|closed|answered|returned|cleared|fixed|actioned|acknowledged
    |handled|processed|completed|responded\s+to|followed\s+up|reviewed|logged|reported|approved|corrected|rectified)\b""", re.I | re.X)


def _misses(row: Row) -> bool | None:
    """Whether a row's result misses its target: by the target's own comparator, else lower being better for a time
    or what the metric's name says comes fewer (`fewer_is_better`), higher for a percentage; where the figures do not
    say, as a cell says on its own ('| Cash drop | £5 | – | FAIL |', '未达标'); None when unsure."""
    got, want = (find_quantities(row.cells.get(k, ""), []) for k in ("observed", "target"))
    if len(got) != 1 or len(want) != 1 or want[0].comparator == "between" or got[0].unit != want[0].unit:
        return _verdict(row)
    value, goal, comparator = got[0].value, want[0].value, want[0].comparator
    if comparator is None:
        area = row.cells.get("area", "") or row.content
        fewer = [end for _, end in vocab_terms("observation", "fewer_is_better", sentence_language(area)).spans(area)]
        handled = want[0].unit == "%" and any(_HANDLED.match(area, end) for end in fewer)  # the share of them dealt with
        comparator = "<=" if (fewer and not handled) or want[0].unit in TIME_UNITS else ">=" if want[0].unit == "%" else None
    if comparator is None:
        return _verdict(row)
    return not (value <= goal if comparator in ("<", "<=") else value >= goal)


def _verdict(row: Row) -> bool | None:
    """What a row's verdict or status cell says on its own: True for missed ('FAIL', 'not met', '❌', '未达标'), False
    for met ('PASS', 'GREEN', '✅', '达标'); None when no cell says either."""
    for kind in ("verdict", "observed"):
        cell = row.cells.get(kind, "").strip(" .!*_:：")
        lang = sentence_language(cell)
        for missed, key in ((True, "missed_verdict"), (False, "met_verdict")):
            if cell and vocab("observation", key, lang).fullmatch(cell):
                return missed
    return None


_META_WORDS = re.compile(r"interview|review|meeting|1:1|conversation|notes|pip|prep|feedback|面谈|记录|谈话", re.I)


def _looks_meta(s: Sentence, name: str | None, manager: str | None) -> bool:
    if s.label == "meta":
        return True
    signals = [q for q in s.quantities if q.unit not in ("", )]
    if _negative(s.body) and (signals or len(s.body) > 60) and not s.dates:
        return False
    meta_words = _META_WORDS.search(s.text)
    return bool(s.dates or meta_words or (name and name in s.text) or (manager and manager in s.text))

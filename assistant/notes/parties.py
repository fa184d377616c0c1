"""Parties and speakers: who a sentence names (the employee, the manager, a team or department of the
organisation), who acts in it and what they do, and whether it is the employee speaking."""
from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..language import unspaced
from ..lexicon import commitment_terms, load, vocab, vocab_list, vocab_terms
from ..textutil import NAME_WORD, at_word_boundary, lower_same_offsets
from .names import NAME_TOKEN, TITLE, is_name, team_initials
from .sentences import _FUTURE, Party, Sentence

_TOKEN = re.compile(r"\S+")


@dataclass(frozen=True)
class _NameMatch:
    """The parts of `re.Match` that party matching uses."""

    string: str
    begin: int
    finish: int
    lastgroup: str = "name"

    def start(self) -> int:
        return self.begin

    def end(self) -> int:
        return self.finish

    def span(self) -> tuple[int, int]:
        return self.begin, self.finish

    def group(self, index: int = 0) -> str:
        return self.string[self.begin:self.finish]


_PartyMatch = re.Match[str] | _NameMatch  # what party searches return


class _Names:
    """`re.compile(rf"(?P<name>{b}(?:{names}){b})", flags)` for one notes' few names, by plain string
    search: compiling even that small pattern took ~0.2 ms, for every notes."""

    def __init__(self, names: tuple[str, ...], *, bounded: bool, ignore_case: bool):
        self.names, self.bounded, self.ignore_case = names, bounded, ignore_case
        self.keys = [n.lower() for n in names] if ignore_case else list(names)
        # A name whose lower case changes its length ('İlker') is searched with the pattern.
        self.keys_fit = all(len(k) == len(n) for k, n in zip(self.keys, names))
        self._pattern: re.Pattern[str] | None = None

    @property
    def pattern(self) -> re.Pattern[str]:
        """The pattern itself, for text in which lower-casing moves offsets ('İ')."""
        if self._pattern is None:
            edge = r"\b" if self.bounded else ""
            self._pattern = re.compile(f"(?P<name>{edge}(?:{'|'.join(map(re.escape, self.names))}){edge})",
                                       re.IGNORECASE if self.ignore_case else 0)
        return self._pattern

    def _key(self, text: str) -> str | None:
        """The text to search, or None where lower-casing and `re`'s case folding disagree."""
        if not self.ignore_case:
            return text
        return lower_same_offsets(text) if self.keys_fit else None

    def _fits(self, text: str, start: int, end: int) -> bool:
        """At word boundaries, where the name's edge is a letter (initials end on a dot: 'D.A. to observe')."""
        return not self.bounded or ((not text[start].isalnum() or at_word_boundary(text, start))
                                    and (not text[end - 1].isalnum() or at_word_boundary(text, end)))

    def search(self, text: str, pos: int = 0) -> _PartyMatch | None:
        key = self._key(text)
        if key is None:
            return self.pattern.search(text, pos)
        best: tuple[int, int] | None = None  # at one start the earlier name wins, as in `a|b`
        for name in self.keys:
            at = key.find(name, pos)
            while at != -1 and (best is None or at < best[0]) and not self._fits(text, at, at + len(name)):
                at = key.find(name, at + 1)
            if at != -1 and (best is None or at < best[0]):
                best = (at, at + len(name))
        return _NameMatch(text, *best) if best else None

    def match(self, text: str) -> _PartyMatch | None:
        found = self.search(text)
        return found if found is not None and found.start() == 0 else None

    def fullmatch(self, text: str) -> _PartyMatch | None:
        key = self._key(text)
        if key is None:
            return self.pattern.fullmatch(text)
        for name in self.keys:
            if key == name and self._fits(text, 0, len(name)):
                return _NameMatch(text, 0, len(name))
        return None


class _Alternatives:
    """`re.compile(f"{first}|{rest}")` in two halves: the notes' own names, and the long word lists,
    compiled once per process (compiling them with the names took ~5 ms an analysis). Same matches:
    the leftmost wins, and at one position the name."""

    def __init__(self, first: _Names | None, rest: re.Pattern[str]):
        self.first, self.rest = first, rest

    def match(self, text: str) -> _PartyMatch | None:
        return (self.first and self.first.match(text)) or self.rest.match(text)

    def fullmatch(self, text: str) -> _PartyMatch | None:
        return (self.first and self.first.fullmatch(text)) or self.rest.fullmatch(text)

    def search(self, text: str, pos: int = 0) -> _PartyMatch | None:
        a = self.first.search(text, pos) if self.first else None
        b = self.rest.search(text, pos)
        return a if a and (b is None or a.start() <= b.start()) else b

    def finditer(self, text: str) -> Iterator[_PartyMatch]:
        pos = 0
        while (m := self.search(text, pos)) is not None:
            yield m
            pos = m.end()


@functools.cache
def _party_words_en() -> tuple[re.Pattern[str], re.Pattern[str] | None]:
    """The English party pattern without names, and the words every such party ends in (lower case;
    None when a word list holds what lower-casing would change)."""
    groups = "|".join(vocab_list("parties", "group_nouns", "en"))
    depts = "|".join(re.escape(d) for d in sorted(vocab_list("parties", "departments", "en"), key=len, reverse=True))
    people = "|".join(re.escape(p) for p in sorted(vocab_list("parties", "people", "en"), key=len, reverse=True))
    pattern = re.compile(
        rf"(?P<person>\b(?:the\s+)?(?:[A-Za-z][\w\-]*\s){{0,2}}(?:{people})\b)"
        + rf"|(?P<group>\b(?:the\s+)?(?:[A-Za-z&][\w&\-]*\s){{0,2}}(?:{groups})\b)"
        + rf"|(?P<dept>(?<![\w-])(?:{depts})(?![\w-]))",
        re.IGNORECASE,
    )
    keywords = "|".join([people, groups, depts])
    plain = keywords.isascii() and not re.search(r"\\[A-Z]", keywords)
    return pattern, re.compile(keywords.lower()) if plain else None


@functools.cache
def _party_words_zh() -> re.Pattern[str]:
    zh_depts = "|".join(re.escape(d) for d in vocab_list("parties", "departments", "zh"))
    suffix = "|".join(vocab_list("parties", "group_suffix", "zh"))
    people_zh = "|".join(vocab_list("parties", "people", "zh"))
    return re.compile(
        # not '5月组织', '大部分', '及时处理', '科技园', nor a count of places ('发现三处漏检')
        rf"(?P<dept>{zh_depts}|[\u4e00-\u9fff]{{1,4}}(?:{suffix})(?<![一二两三四五六七八九十几多]处)(?![织成合分长理技学研目普]))"
        + rf"|(?P<person>[{load('vocabulary', 'zh')['roles']['surnames']}](?:{'|'.join(vocab_list('parties', 'supervisory', 'zh'))})|{people_zh})"
    )


# An action in the passive with who does it: 'will be spot-checked by Dana', '由质检组每周抽听', '由领班每天检查'.
_PASSIVE_AGENT = re.compile(r"""\b(?:be|are|is|get|gets|being)\s+(?:\w+\s+)?(?:checked|spot[- ]checked|reviewed|audited|signed\s+off
        |countersigned|verified|monitored|sampled|observed|shadowed|coached|approved)\s+by\s+
        (?P<en>(?:the\s+)?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)?|the\s+\w+(?:\s+\w+)?\s+(?:team|desk|lead|supervisor|manager))
    | 由(?!于)(?P<zh>[\u4e00-\u9fffA-Za-z]{1,8}?)(?=每|来|负责|统一|定期|抽|检查|核对|审|复核|跟进|陪同|进行|做|带)""", re.X)
# The writer as the agent of a passive: 'a mentor will be assigned by me', '由面谈人安排一名师傅带教' (opening the
# sentence: in '先做小样，由我确认' the employee does the task and the manager only checks it).
_BY_ME = re.compile(r"\b(?:be|is|are|been|being|get|gets)\s+(?:\w+\s+)?\w+(?:ed|en|t)\s+by\s+(?:me|myself)\b|^\W*由(?:我|面谈人)(?=[\u4e00-\u9fff])",
                    re.I)
# Not an agent: a day or time ('approved by Friday', '由下周起'), or the employee ('由她每天核对').
_NO_AGENT = re.compile(r"""[日月周年起天] | ^(?:她|他|你|本人|员工)$ | ^(?:the\s+)?(?:end|start|close|next|tomorrow|today)\b
    | ^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun)[a-z]*$""", re.I | re.X)


_SELF_TITLED = re.compile(r"^(?:本人|我|笔者)\s*[（(]([^）)]{1,8})[)）]")  # the writer, by their title: '本人（课长）'


WRITER_TITLE = "Manager"  # the writer's party where the header names no manager


class _PartyFinder:
    def __init__(self, employee: tuple[str, ...], manager: tuple[str, ...], manager_name: str | None,
                 employee_role: str | None = None, manager_title: str | None = None):
        self.employee = employee
        self.manager = manager
        self.manager_name = manager_name
        self.employee_role = employee_role or ""
        self.manager_title = (manager_title or "").lower()  # 'Ward Manager' beside the manager's name
        by_length = sorted(employee + manager, key=len, reverse=True)
        names = tuple(a for a in by_length if not unspaced(a))
        zh_names = tuple(a for a in by_length if unspaced(a))
        self.en_words, self.en_keywords = _party_words_en()
        self.en_names = _Names(names, bounded=True, ignore_case=True) if names else None
        self.en = _Alternatives(self.en_names, self.en_words)
        self.zh = _Alternatives(_Names(zh_names, bounded=False, ignore_case=False) if zh_names else None, _party_words_zh())

    @property
    def writer(self) -> Party:
        """The notes' writer, the manager: by name where the header gives one."""
        return Party(self.manager_name or WRITER_TITLE, "manager")

    @property
    def employee_party(self) -> Party:
        """The one the notes are about: by name where the header gives one."""
        return Party(self.employee[0] if self.employee else "Employee", "employee")

    def owner_of(self, text: str) -> str:
        low = text.lower().removeprefix("the ").strip()
        bare = re.sub(r"^(?:mr|ms|mrs|miss|mx|dr)\.?\s+", "", low)  # 'Ms Solberg' (not 'Mrs Kaur from payroll')
        if any(a.lower() in (low, bare) or low.startswith((a.lower() + " ", a.lower() + "'")) for a in self.employee):
            return "employee"
        if low in ("i", "me", "manager", "mgr", "my manager", "line manager", "经理", *_INTERVIEWER_WORDS) or any(
            low == a.lower() or low.startswith(a.lower()) for a in self.manager
        ) or (self.manager_title and low in (self.manager_title, _initials_of(self.manager_title))):
            return "manager"
        plural = re.search(r"(?:s|heads|leaders|leads|team|teams)$", low) and not low.endswith("ss")
        supervisory = vocab("parties", "supervisory", "en").search(low) or any(t in text for t in vocab_list("parties", "supervisory", "zh"))
        if supervisory and not plural and not vocab("parties", "group_nouns", "en").search(low):
            mgr_words = set(re.findall(r"\w+", (self.manager_name or "").lower())) - {"manager", "the"}
            if not self.manager_name or (mgr_words & set(re.findall(r"\w+", low))) or (
                not is_name(self.manager_name) and not unspaced(self.manager_name)
            ):
                return "manager"
        return "organisation"

    def find(self, text: str) -> list[Party]:
        found = []
        for m in (self.zh.finditer(text) if unspaced(text) else self._find_en(text)):
            words = m.group(0).strip()
            if words.lower() in ("team", "group", "the team", "office", "support"):
                continue
            found.append(Party(words, self.owner_of(words)))
        return found

    def _find_en(self, text: str) -> Iterator[_PartyMatch]:
        """`self.en.finditer(text)`, two to three times faster: the word-list pattern, slow to try at
        every position, is searched from three words before the next party word (a match is at most
        'the' and two words before one), so stretches without a party word are skipped."""
        low, keywords, names = lower_same_offsets(text), self.en_keywords, self.en_names
        if keywords is None or low is None:
            yield from self.en.finditer(text)
            return
        token_starts = [m.start() for m in _TOKEN.finditer(text)]

        def next_word_party(pos: int) -> re.Match[str] | None:
            word = keywords.search(low, pos)
            if word is None:
                return None
            token = bisect.bisect_right(token_starts, word.start()) - 1
            return self.en_words.search(text, max(pos, token_starts[token - 3] if token >= 3 else 0))

        pos = 0
        name = names.search(text) if names else None
        party = next_word_party(0)
        while name or party:
            match = name if name and (party is None or name.start() <= party.start()) else party
            assert match is not None  # the loop runs while one of the two is found
            yield match
            pos = match.end()
            if names and name and name.start() < pos:
                name = names.search(text, pos)
            if party and party.start() < pos:
                party = next_word_party(pos)

    _ASK = re.compile(r"^(?:please\s+)?(?:ask|request|get|have|need)\s+(?:the\s+)?(.{1,40}?)\s+(?:for|to)\s+(.+)$", re.I)
    _PRONOUN = re.compile(r"^(?:I'll|I will|I shall|I am going to|I'm going to|I'm gonna|I am gonna|I need to|I plan to|I'd like to"
                          r"|I can|we will|we'll|im going to|im gonna"  # (and as a memo typed by voice writes them: 'ill sort the diary')
                          r"|ill(?=\s+(?:" + "|".join(vocab_list("action", "verbs", "en")) + r")\b))"
                          r"\b(?:[\s,]+(?:uh|um|er|erm)\b)*[\s,]*"  # "I'm gonna, uh, talk to Kev"
                          r"|I(?:'m|’m|\s+am)\s+(?=(?:booking|ordering|arranging|organi[sz]ing|setting\s+up|sorting\s+out|chasing|taking\s+(?!it\b|that\b|this\b|a\s+|(?:her|his|their|your)\s+word)"
                          r"|moving(?!\s+on\b)|giving|putting|sending|adding|swapping|switching|pairing|assigning|reassigning|rotating|buying"
                          r"|scheduling|rostering|raising|paying\s+for|funding)\b"
                          r"|(?:getting|having)\s+(?!(?:a\s+)?(?:hard\s+|tough\s+)?(?:time|trouble|problems?)\b)"
                          r"(?:[\w'’-]+\s+){1,4}(?:ordered|booked|fixed|replaced|serviced|sorted|installed|repaired)\b)",
                          re.I)  # what the writer is arranging now: "I'm getting the lamps ordered this week"

    def _without_aside(self, body: str) -> str:
        """The actor's aside left out where the actor is a team or the writer: 'Stores (Karen) to order …', 'the office,
        Tamsin, is going to …', 'We (Caspian) will tell …'; not 'lifting supervisor (Dev) to …', a person it names."""
        aside = _ASIDE_AFTER_ACTOR.match(body)
        if aside and (re.fullmatch(r"we|i", aside.group("actor"), re.I)
                      or any(p.owner == "organisation" for p in self.find(aside.group("actor")))):
            return aside.group("actor") + " " + body[aside.end():]
        return body

    def asked(self, body: str) -> tuple[Party, str] | None:
        """A party asked outright to do something, and what: 'HR, please can you book him on the course?'."""
        m = _ASKED.match(body)
        found = self.find(m.group("who")) if m and not _ASKED_TO_SAY.match(body, m.end()) else []
        if m and found and found[0].owner == "organisation":  # (a team; not 'Ana, can you …')
            return found[0], body[m.end():]
        if body.rstrip().endswith("?") and (late := _ASKED_LATE.search(body)) and not _ASKED_TO_SAY.match(body, late.end()):
            found = self.find(late.group("who"))  # '…has been failing since the VSAT swap, can IT ashore look at it?'
            return (found[0], body) if found and found[0].owner == "organisation" else None
        return None

    def assignee(self, body: str) -> tuple[Party, str] | None:
        """Who a shorthand arrow gives a task to, and the task: 'F -> partner check on every climb' (the employee's
        initial), 'me → laminate the sheet', 'ops (Mel) -> buy a 2nd set of harnesses', 'Mel -> order harnesses'; or
        a dash before a verb of doing: 'Lorraine - book the Hoffman rep' (not 'Sam - late 3 times in May'); or the
        employee's or the manager's initials before 'to' (not a team's): 'LA to book Ray on the training day'; or a
        party asked outright: 'HR, please can you book him on the course?'."""
        if asked := self.asked(body):
            return asked
        first = self.employee[0] if self.employee else ""
        initials = {first[:1].upper(), "".join(w[0] for w in first.split()).upper()} - {""}  # 'F', 'FO' for 'Finn O.'
        manager_words = re.sub(rf"^{TITLE}", "", self.manager_name or "").split()  # 'Dr Ilse Voorhuis': IV
        manager = "".join(w[0] for w in manager_words).upper() if len(manager_words) > 1 else ""
        body = _TASK_LABEL.sub("", body, count=1)  # 'Action — PG: escalate …'
        if (tagged := _OWNER_TAG.match(body)) and not _NO_OWNER_YET.match(tagged.group(1).strip()):  # '4.3 [Owner: Reviewer] …'
            who, task = tagged.group(1).strip(), body[tagged.end():]
            if who.lower() in vocab_list("labels", "employee_meta", "en"):
                return self.employee_party, _strip_modal(task)
            return Party(who, self.owner_of(who)), _strip_modal(task)
        m = _ARROW.match(body) or _dash_task(body)
        titled = _initials_of(self.manager_title).upper() if " " in self.manager_title else ""  # 'SWM' for 'Senior Watch Manager'
        if m is None and (by_initials := _INITIALS_TO.match(body)) and by_initials.group(1) in {*initials, manager, titled} - {""} \
                and not team_initials(by_initials.group(1)):
            m = by_initials  # 'LA to book Ray on the training day', not 'IT to fix the export'
        if not m:
            return None
        who, task = m.group(1).strip(), body[m.end():]
        low = who.lower()
        if who in initials:
            return Party(self.employee[0], "employee"), _strip_modal(task)
        if low in ("me", "i", "mgr", "manager", "我") or (manager and who == manager) or (titled and who == titled):
            return self.writer, _strip_modal(task)
        found, owner = self.find(who), self.owner_of(who)
        named = is_name(who) and not re.match(r"[\d(]", task)
        if (found and low.startswith(found[0].text.lower())) or named or owner != "organisation":
            return Party(who, owner), _strip_modal(task)
        return None

    def _zh_actor(self, body: str, employee_speaks: bool) -> tuple[Party | None, str]:
        """`actor` in Chinese: a name or party opening the sentence, the writer by their title, or '我' committing
        (on the employee's own line of a transcript, '刘：我每天出车前填日检表', the employee)."""
        if employee_speaks and body.startswith("我") and not body.startswith("我们"):
            return Party(self.employee[0] if self.employee else "员工", "employee"), body[1:]
        m = self.zh.match(body)
        if m:
            who = re.match(r"\s*[（(][^()（）\n]{1,10}[)）]", body[m.end():])  # whom to ask there: '教务（小林）重排周末课表'
            rest = body[m.end() + (who.end() if who else 0):]
            return Party(m.group(0) + (who.group().strip() if who else ""), self.owner_of(m.group(0))), rest.lstrip("：:，, ")
        latin = re.match(r"[A-Za-z][\w&-]*(?:\s[A-Za-z][\w&-]*)?(?=\s*[\u4e00-\u9fff：:])", body)  # 'Finance 跟 client 确认 …'
        if latin and (team := self.en.fullmatch(latin.group(0))) and self.owner_of(team.group(0)) == "organisation":
            return Party(team.group(0), "organisation"), body[latin.end():].lstrip("：:，, ")
        known = self.find(latin.group(0)) if latin else []
        if latin and known and known[0].text.casefold() == latin.group(0).casefold() and known[0].owner != "employee":  # (the
            return known[0], body[latin.end():].lstrip("：:，, ")  # manager's given name: 'Margot 每周五检查登记本'; not the
            # employee's, whose lines are read as said: 'Cindy 说…')
        own = _SELF_TITLED.match(body)
        if (own and any(t in own.group(1) for t in vocab_list("names", "lead_titles", "zh"))
                and own.group(1) not in self.employee_role):  # not '本人（组长）' where the employee is the 仓储组长
            return self.writer, body[own.end():]  # '本人（课长）于12月10日前…'
        if body.startswith("我") and commitment_terms("manager").occurs_in(body):  # '我从7月起按难易程度分配书叶'
            return self.writer, body[1:]
        return None, body

    def _their_own_job(self, who: str) -> bool:
        """`who` names the employee's own job, or everyone who does it: 'Supervisor' for a shift supervisor, 'All
        pickers' for a picker."""
        job = re.sub(r"^(?:all|the|every)\s+", "", who.strip(), flags=re.I).lower()
        job = job[:-1] if job.endswith("s") and not job.endswith("ss") else job
        return bool(job) and bool(self.employee_role) and self.employee_role.lower().endswith(job)

    def _named_actor(self, body: str) -> tuple[Party | None, str]:
        """Someone the finder does not know, named before what they will do: 'Ravi in the workshop will …', 'Marine
        super to run …', 'Employee to complete …' (a form's word for the employee)."""
        named = re.match(r"^((?:" + TITLE + r")?" + NAME_WORD + r"(?:\s(?:" + NAME_WORD + r"|" + _JOB_AFTER + r"))?)" + _WHERE_FROM
                         + r"\s+(?:will|'ll|to|shall|is going to|agreed to)\s+(?=\w)", body)
        if named and (named.group(1).lower() in _EMPLOYEE_WORDS or self._their_own_job(named.group(1))):
            return self.employee_party, _strip_modal(body[named.end():])  # ('Supervisor to brief …' in a 1:1 with a
            # shift supervisor, 'All pickers to re-do …' with a picker)
        if named and named.group(1).split()[0].lower() not in _NO_ACTOR:
            owner = self.owner_of(named.group(1))
            elsewhere = re.match(r"\s+(?:in|from|at|on)\s", body[named.end(1):named.end()])  # 'Mrs Kaur from payroll will …'
            owner = "organisation" if owner == "employee" and elsewhere and named.group(1) not in self.employee[:1] else owner
            return Party(named.group(1), owner), _strip_modal(body[named.end():])
        if (teamed := _NAME_AND_TEAM.match(body)) and is_name(teamed["who"]):
            return Party(teamed["who"], self.owner_of(teamed["who"])), body  # (said as it is: no modal to drop)
        return None, body

    def actor(self, body: str, *, employee_speaks: bool = False) -> tuple[Party | None, str]:
        """Who acts at the start of `body`, and the action with the actor and modal removed; 'I' is the notes'
        writer, the manager, except on the employee's own line of a transcript ('Lorcan: I'll measure…'). Where no one
        opens it, whose it is in brackets at its end: '… with the software trainer (ICT to arrange).'"""
        party, action = self._opening_actor(body, employee_speaks)
        if party is None and (bracket := _BRACKETED_OWNER.search(action)) and bracket.start() > 0:
            who = bracket["who"].strip()
            party = self.writer if who.lower() in ("me", "i", "manager") else Party(who, self.owner_of(who))
            action = action[:bracket.start()].rstrip()
        return party, action

    def _opening_actor(self, body: str, employee_speaks: bool) -> tuple[Party | None, str]:
        if _BY_ME.search(body):
            return self.writer, body
        agent = _PASSIVE_AGENT.search(body)
        who = (agent.group("en") or agent.group("zh")).rstrip(".") if agent else ""
        if agent and not _NO_AGENT.search(who):  # 'checked by Dana each week', '由质检组每周抽听': the agent acts
            found = self.find(who)
            agent_text = found[0].text if found else who
            return Party(agent_text, self.owner_of(agent_text)), body
        if assigned := self.assignee(body):
            return assigned
        body = re.sub(r"^(?:(?:and|also|then|so|agreed|now|finally|lastly|firstly|secondly)[\s,]+|(?:ok(?:ay)?|right|well),\s*|[+&]\s+)",
                      "", body.strip(), flags=re.I)  # 'So Leanne will …', 'Agreed Liam will …', 'Now Sam to …'
        body = re.sub(r"^(?:we|they|both of us)\s+(?:have\s+)?agreed\s+(?:that\s+|on\s+)?", "", body, flags=re.I)
        body = self._without_aside(body)
        lead = re.match(r"^(?:he|she|they)(?:\s+(?:will|shall|is going to|is gonna|needs to|has to|agreed to|commits to|is to|are to)"
                        r"|(?:'s|’s|'re|’re)\s+(?:gonna|going to|to))[\s,]+(?:(?:uh|um|er|erm)[\s,]+)*", body, re.I)
        if lead:
            return None, _strip_modal(body[lead.end():])
        ask = self._ASK.match(body)
        if ask and self.find(ask.group(1)):
            party = self.find(ask.group(1))[0]
            action = ask.group(2)
            if body[ask.end(1):ask.start(2)].strip() == "for":  # 'ask IT for a laptop': the party provides it
                action = ("Provide " if not unspaced(action) else "") + action
            return Party(party.text, party.owner if party.owner != "employee" else "organisation"), action
        if self._PRONOUN.match(body):
            rest = self._PRONOUN.sub("", body, count=1)
            if employee_speaks:
                return self.employee_party, _strip_modal(rest)
            return self.writer, _strip_modal(rest)
        if told := _YOU_WILL.match(body):  # 'You will check the batch field …': the one the notes speak to (the manager
            return (self.writer if employee_speaks else self.employee_party), _strip_modal(body[told.end():])  # in their own words)
        if unspaced(body):
            return self._zh_actor(body, employee_speaks)
        doing = _DOING.match(body)  # but not a habit that falls short: 'Sales are sending late changes'
        if (doing and not vocab_terms("observation", "negative", "en").occurs_in(body)
                and doing.group(1).split()[0].lower() not in (*_NO_ACTOR, "i")):
            return Party(doing.group(1), self.owner_of(doing.group(1))), _strip_modal(body[doing.end(1):].lstrip())
        m = self.en.match(body)
        if not m:
            return self._named_actor(body)
        rest = body[m.end():]
        verb = re.match(r"\s*(?:'ll|\w+)", rest)
        if (not verb or not vocab("action", "party_verbs", "en").fullmatch(verb.group(0).strip().lower())) and not re.match(
                r"\s*[:：]", rest):
            return None, body
        party = Party(m.group(0).strip(), self.owner_of(m.group(0)))
        if party.owner == "organisation" and self._their_own_job(party.text):
            party = self.employee_party  # 'Supervisor to brief the team …' in a 1:1 with a shift supervisor
        return party, _strip_modal(rest.lstrip(":： "))


# Who acts, then a name or an aside before what they will do: 'office (Karen) to …', 'the office, Tamsin, is going to …'.
_ASIDE_AFTER_ACTOR = re.compile(rf"""^(?P<actor>(?:[Tt]he\s+)?[A-Za-z][\w&-]*(?:\s[A-Za-z][\w&-]*){{0,2}})\s*
    (?:[(（][^()（）\n]{{1,30}}[)）]|,\s*{NAME_WORD}(?:\s{NAME_WORD})?\s*,)\s*
    (?=(?:to|will|'ll|shall|is\s+going\s+to|are\s+going\s+to|agreed\s+to)\b)""", re.X)
# A party asked outright: 'HR, please can you book him on the course?'
_ASKED = re.compile(r"^(?P<who>[A-Za-z][\w&-]*(?:\s[A-Za-z][\w&-]*)?),\s*(?:please\s+)?(?:can|could|would|will)\s+you\s+(?:please\s+)?",
                    re.I)
def _initials_of(title: str) -> str:
    """'senior watch manager' -> 'swm': how notes shorten a title ('SWM to audit 10 of TH's log entries weekly')."""
    return "".join(w[0] for w in title.split()) if len(title.split()) >= 2 else title


# A tag that names a team by its word for one: 'Biostat team：', 'Data team:', '统计组：' (not initials, nor 'Employee:').
TEAM_TAG = re.compile(r"\b(?i:team|dept|department|office|desk|unit|group|crew|lab)s?$|[组部科室处]$|中心$")
# A team asked by name after what it is about: '…, can IT ashore look at it before the next audit?'.
_ASKED_LATE = re.compile(r"[,，]\s*(?:and\s+)?(?:please\s+)?(?:can|could|would)\s+(?P<who>(?:the\s+)?[A-Za-z][\w&-]*(?:\s(?!(?:have|has|had|be|been|not)\b)[A-Za-z][\w&-]*)?)"
                         r"\s+(?:please\s+)?(?!(?:have|has|had|be|been|not)\b)(?=[a-z])", re.I)  # not 'could IT have wiped it?': a question
_ASKED_TO_SAY = re.compile(r"(?:tell|explain|walk\s+me|say|let\s+me\s+know|talk)\b", re.I)  # a question, not a task
# A shorthand arrow from whoever does it to the task: 'F -> …', 'ops (Mel) → …', 'me => …'.
_ARROW = re.compile(r"^\s*([^\n>→⇒]{1,30}?)\s*(?:->|→|=>|⇒)\s*(?=\w)")
_INITIALS_TO = re.compile(r"^\s*([A-Z]{2,3})(?:\s+to\s+|\s*:\s*)(?=[a-z])")  # 'LA to book Ray on the training day', 'PG: escalate …'
# What a form calls the one holding the interview ('[Owner: Reviewer]'); a supervisor or a lead may be someone else.
_INTERVIEWER_WORDS = ("reviewer", "appraiser", "interviewer", "chair")  # (the chair of the feedback meeting's minutes)
# A form's owner field before the task: '4.3 [Owner: Reviewer] Remove …', '(Who: HR) Re-advertise …'.
_OWNER_TAG = re.compile(r"^\s*(?:\d+(?:\.\d+)*\.?\s*)?[\[(（]\s*(?i:owner|who|responsible)\s*[:：]\s*([^\])）\n]{1,40})[\])）]\s*")
_NO_OWNER_YET = re.compile(r"(?i:both|joint|all|tbc|tbd|n/?a|-+)$")  # '[Owner: both]', '(Who: TBC)': no one party
_TASK_LABEL = re.compile(r"^\s*(?i:action|task|to-?do)\s*(?:[-–—]|:)\s*(?=[A-Z]{2,3}\b)")  # before initials: 'Action — PG: …'
_DASH_TASK = re.compile(rf"^\s*({NAME_WORD}(?:[ \t]{NAME_WORD})?|[A-Z]{{2,3}}|me)\s+[-–—]\s+(?=(?P<verb>[a-z]+)\b)")


def _dash_task(body: str) -> re.Match[str] | None:
    """'Lorraine - book the Hoffman rep': a name, a dash and a verb of doing ('re-' before one too). Not when the words
    after the dash report how things stand, with a shortfall's words or a figure (a verb that is also a noun opens
    them: 'Sam - order picking errors up to 12', 'Sam - sort accuracy down to 91%'), unless the writer's ('me – …')."""
    m = _DASH_TASK.match(body)
    if not m:
        return None
    verb, verbs = m.group("verb").lower(), vocab("action", "verbs", "en")
    if not (verbs.fullmatch(verb) or verbs.fullmatch(verb.removeprefix("re"))):
        return None
    rest = body[m.end():]
    if m.group(1).lower() == "me":
        return m  # the writer's own task, whatever it says: 'me – ask clinic lead to send casts daily, not in batches'
    return None if re.search(r"\d", rest) or vocab_terms("observation", "negative", "en").occurs_in(rest) else m



# Words that open a sentence without naming who acts: 'It will …', 'On to the actual stuff: …', 'Back to the rota: …'.
_NO_ACTOR = ("we", "they", "it", "this", "that", "he", "she", "on", "onto", "back", "over", "late", "early", "slow", "used", "due", "close",
             "next", "up")  # (not who acts: "Late to the pens 4 times", "Due to the weather")
# Whose a task is, in brackets at its end: 'Xpress refresher with the software trainer (ICT to arrange)', '(me to book)'.
_BRACKETED_OWNER = re.compile(r"""\s*[(（]\s*(?P<who>[A-Za-z][\w&/ -]{0,25}?)\s+to\s+
    (?:arrange|book|organi[sz]e|sort(?:\s+out)?|set\s+up|schedule|provide|run|fund|pay(?:\s+for)?)\s*[)）]\s*\.?\s*$""", re.I | re.X)
_EMPLOYEE_WORDS = ("employee", "staff member", "colleague", "team member", "crew member", "reviewee", "appraisee", "supervisee")
_JOB_AFTER = r"(?:super|crew|team|office|desk|dept|lead|[a-z]+(?:ers|ors|ists))\b"  # 'Marine super to …', 'Yard crew to …', 'Site fitters to …'
_YOU_WILL = re.compile(r"""^you(?:['’]ll|\s+will|\s+shall|\s+are\s+going\s+to|\s+agreed\s+to|\s+to)\s+
    (?!(?:recall|remember|know|see|notice|recogni[sz]e|appreciate|understand|be\s+aware|have\s+(?:seen|heard|noticed))\b)(?=[a-z])""",
                       re.I | re.X)
# Someone named with their team in brackets, then what they do: 'Dom (dairy) covers turning Sat/Sun from 14 Feb'.
_NAME_AND_TEAM = re.compile(rf"^(?P<who>{NAME_WORD}(?:[ \t]{NAME_WORD})?)[ \t]*[(（][^()（）\n]{{1,30}}[)）][ \t]+(?=(?:covers|takes\s+over|handles|runs|books|orders|sends|arranges|provides|sorts|fixes|drives)\b)")
# Where a named person works, between their name and what they will do: 'Ravi in the workshop will …', 'Ailsa from
# purchasing to …', 'Marcus (IT) will …'.
_WHERE_FROM = r"(?:\s+(?:in|from|at|on)\s+(?:the\s+)?[\w&'-]+(?:\s[\w&'-]+)?|\s*\([^()\n]{1,30}\))?"
# A team or person already on it: 'EBME are replacing the bench 3 scanner', 'Purchasing is setting a minimum stock',
# 'The co-op board is buying two more kits'.
_DOING = re.compile(r"""^((?:the\s+)?[A-Z][\w&'-]*(?:\s[A-Z][\w&'-]*){0,2}|[Tt]he\s+(?:[\w&'-]+\s+){0,2}(?:"""
                    + "|".join(vocab_list("parties", "group_nouns", "en")) + r"""))\s+(?:are|is|'re|'s)\s+(?:going\s+to\s+\w+|
    (?:re-?)?(?:replac|sett|fix|add|mov|swapp|order|install|review|updat|chang|sort|arrang|book|runn|provid|putt|gett|train|
    hir|recruit|cover|organis|organiz|send|build|buy|rewrit|redesign|laminat|rota|schedul|print|issu|rais|introduc|tak)ing)\b""",
                    re.X)


def _strip_modal(text: str) -> str:
    text = re.sub(
        r"^\s*(?:'ll|will|shall|should|must|needs? to|has to|have to|is to|are to|is going to|are going to|agreed to|to|can|are|is)\s+",
        "", text.strip(), flags=re.I,
    )
    return text[:1].upper() + text[1:] if text else text


# Verbs only: 'view', 'notes', 'comment' make labels ("Li's view:"), not speech in running text.
_SPEECH_VERBS = re.compile(
    r"(?:says?|said|thinks?|feels?|felt|explains?|explained|admits?|admitted|mentions?|mentioned|claims?|claimed"
    r"|believes?|reported|told me|acknowledges?|acknowledged|points? out|pointed out|argues?|argued)", re.I)


_WE_OR_I = re.compile(r"^\s*(?:we|I)\b", re.I)


def _counts_a_shortfall(body: str) -> bool:
    """Something missed, late or wrong, counted ('has also missed the huddle 4 times out of the last 6', '又漏了3次'):
    what the writer saw, not more of what the employee said before it ('She only had 2 pickers on 3 of the 5 nights')."""
    return bool(_MISSED_COUNT.search(body))


_MISSED_COUNT = re.compile(r"""\b(?:missed|skipped|failed|forgot|was\ late|were\ late|got\ wrong)\b.{0,60}?\b\d+\s*(?:times|x\b|of|out\ of)
    | (?:漏|迟到|错|没按时|没交|超时).{0,12}?\d+\s*次""", re.I | re.X)


# What the two agreed, after the employee's account on the same line: '… 乘客评价里好几个都夸了 | 说好了 | 以后…', '跟他说好了'.
_AGREED = re.compile(r"^\W*(?:(?:(?:跟|和|同)(?:他|她|你))?说好了|约定|商定|我们定了|定了几件事|(?:(?:so|and|then)\s+)?(?:what\s+)?we\s+agreed|agreed\b)", re.I)


# The writer turning to their own view, which ends the employee's account on the same line: '… 单量确实翻了一倍 |
# 不过老刘这个人是真靠谱', '说实话这个月小张辞职了'.
_WRITER_TURNS = re.compile(r"^\W*(?:不过|但是|可是|说实话|老实说|说真的)")


# '你说明一下', '你说服客户', '你说话', '你说呢？', '你说好的', '你说了算': 说 in another word, or a question put to them.
_NOT_YOU_SAID = re.compile(r"\s*你也?说(?:[明服话说呢的得好]|了算)")


def _read_speaker(s: Sentence, finder: _PartyFinder, prev: Sentence | None) -> None:
    if s.label == "employee":
        s.speaker = "employee"
        return
    speech = _SPEECH_VERBS
    m = re.match(r"^\s*(?:(?:also|and)\s+)?(\S+(?:\s\S+)?)\s+(?:also\s+)?(" + speech.pattern + r")\b[,:]?\s*(?:that\s+)?", s.body, re.I)
    who = None
    if m:
        subject = re.sub(r"\s+also$", "", m.group(1).strip(), flags=re.I)  # 'She also said'
        own = finder.owner_of(subject) == "employee" and finder.find(subject)
        stranger = (NAME_TOKEN.match(subject) and not finder.find(subject) and len(subject.split()) == 1 and subject not in ("I", "We")
                    and not (re.fullmatch(r"let['’]?s", subject, re.I) and commitment_terms("aim").occurs_in(s.body)))
        # ("Let's say no more than 2 retakes": a proposal, not someone's account)
        if subject.lower() in ("he", "she", "they", "you") or own or stranger:  # ("you felt that …": a recap to the employee)
            who = "employee"
    elif re.match(r"^\s*(?:also|and)\s+(?:" + speech.pattern + r")\b", s.body, re.I) and prev is not None:
        who = prev.speaker
    zh = re.match(r"^\s*(.{1,4}?)(?:" + vocab("cause", "speech", "zh").pattern + r")", s.body)
    if zh and (zh.group(1) in finder.employee or zh.group(1) in ("他", "她", "他也", "她也", "他自己", "她自己", "员工", "本人")
               or (zh.group(1) in ("你", "你也") and s.label is None and not _NOT_YOU_SAID.match(s.body))):
        # ('你说…', '你也说…' untagged: a recap to the employee, as 'you said …'; not a speaker's '你说得对' in a chat)
        who = "employee"
    if (who is None and prev is not None and prev.speaker == "employee" and prev.line == s.line and not _AGREED.match(s.body)
            and not finder.actor(s.body)[0] and not _FUTURE.search(s.body) and not _WE_OR_I.match(s.body) and not _WRITER_TURNS.match(s.body)
            and not _counts_a_shortfall(s.body)):  # not 'She has also missed the huddle 4 times out of the last 6'
        who = "employee"
    s.speaker = who

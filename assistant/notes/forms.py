"""A form's layout: labelled fields, rows and columns of label and value, a CSV export's pairs, a key to the
speakers, blocks headed by whose they are, and the signing line at its foot."""
from __future__ import annotations

import csv
import itertools
import re
from functools import cache, lru_cache

from ..grid import cells
from ..language import unspaced
from ..lexicon import label_alternation, load, vocab, vocab_list, zh_name
from ..reader.role import is_role, leads_others, role_like
from ..textutil import NAME_WORD, PARTICLE
from .attendees import is_hr
from .names import MEETING_WORDS, NAMED, TITLE, is_name, team_initials

NAME_ORDER = (r"(?P<order>[ \t]*\((?i:last|surname|family name)[ \t]*,[ \t]*(?i:first|given)(?:[ \t]+names?)?\))?"  # '(Last, First)'
              r"(?:[ \t]*\((?i:display|full|preferred|legal)?[ \t]*(?i:name)\))?")  # or another of the label's words: '(display name)'


def given_name(word: str) -> bool:
    """The word after a comma in a name field is a given name ('Okonkwo, Adaeze'), not a role ('Dana, forklift')."""
    return re.fullmatch(NAME_WORD, word) is not None and is_name(word) and not role_like(word)


def _employee_field(language: str) -> str:
    """The labels a form gives the employee's name ('Employee name', '被面谈人'), longest first, as a pattern; not a
    transcript's short speaker tag ('Emp:'), nor a label inside a longer word ('服务对象' is not '对象')."""
    words = sorted((w for w in vocab_list("labels", "employee_meta", language) if len(w) > 3 or unspaced(w)), key=len, reverse=True)
    today = "(?:今日|今天|本次|此次|这次)?" if language == "zh" else ""  # '今日面谈对象：'
    return "(?<![\u4e00-\u9fff])" + today + "(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words) + ")"


ZH_EMPLOYEE_FIELD = _employee_field("zh")  # '被面谈人：甘露', '【面谈对象】温雅婷', '受談人：林志豪'
EN_EMPLOYEE_FIELD = _employee_field("en")
# The employee's name in a labelled field, marked '\x00', after their job in the field too: '面谈对象：车缝工 \x00'.
EMPLOYEE_LABEL = re.compile(r"(?:\b" + EN_EMPLOYEE_FIELD + "|" + ZH_EMPLOYEE_FIELD +
                            r")\s*[:：】]\s*(?:[\u4e00-\u9fff]{2,10}[ \t]+)?\x00", re.I)
ZH_MANAGER_FIELD = "(?<!被)(?:" + label_alternation("manager_meta", "zh") + "|经理|提交人|填写人|记录人)"  # (not '被面谈人')
# The manager's name in a labelled field, marked '\x00' in the form's lines: 'Site supervisor：\x00', '面谈人：\x00'.
MANAGER_LABEL = re.compile(r"(?:\b(?i:" + label_alternation("manager_meta", "en") + r")|" + ZH_MANAGER_FIELD + r")\s*[:：】]\s*(?:" + TITLE + r")?\x00")


# An HR system's field codes for who is who: 'EMP_NM: OYELARAN, Babatunde | JOB_TTL: Phlebotomist | MGR_NM: …'.
# (an '=' after the code too: 'EMP_NM=OKAFOR, Chidi')
_FIELD_CODES = ((re.compile(r"\b(?:EMP|EMPLOYEE|STAFF|WORKER)_(?:NM|NAME|FULL_?NAME)\s*[:：=]"), "Employee name:"),
                (re.compile(r"\b(?:MGR|MANAGER|SUPV?|SUPERVISOR|REVIEWER|LINE_MGR)_(?:NM|NAME|FULL_?NAME)\s*[:：=]"), "Manager:"),
                (re.compile(r"\b(?:JOB_(?:TTL|TITLE|NM|NAME)|POSN?_(?:TTL|TITLE|NM|NAME))\s*[:：=]"), "Job title:"))


def form_row(line: str) -> str:
    """A form's row of label and value cells read as labelled fields: '| 姓名 | 刘桂芬 | 岗位 | 门诊收费员 |' ->
    '姓名：刘桂芬；岗位：门诊收费员', '| Name | Dana Ruiz | Role | picker |' -> 'Name：Dana Ruiz；Role：picker', an export's
    'Employee,Nkechi Obi' -> 'Employee：Nkechi Obi'."""
    if _DOTTED_OPENS.match(line) and (fields := _DOTTED_FIELD.findall(line)):
        return "；".join(f"{label.strip()}：{value.strip()}" for label, value in fields)
    for code, label in _FIELD_CODES:
        line = code.sub(label, line)
    parts = cells(line) or _csv_pair(line)
    labels = [_field_label(p) for p in parts[::2]] if parts else []
    if parts and not len(parts) % 2:  # a field a job names, alone or among others: '| Technician | Rhiannon Mbeki (wind
        # turbine technician) |', 'tech<TAB>Ruaridh Beaton<TAB>date<TAB>…'
        labels = [label or (part if _job_label(part) and (named := re.match(FIELD_NAME, value)) and is_name(named.group(0)) else None)
                  for label, part, value in zip(labels, parts[::2], parts[1::2])]
    if parts and not len(parts) % 2 and any(labels):  # beside a known field, a short one of its own: '| 工号 | XS-0417 |'
        labels = [label or (part.strip() if _SHORT_LABEL.fullmatch(part.strip()) else None) for label, part in zip(labels, parts[::2])]
    if not parts or len(parts) % 2 or None in labels:
        return line
    return "；".join(f"{label}：{value}" for label, value in zip(labels, parts[1::2]))


# A printed sheet's fields, each label joined to its value by a leader of dots: 'Name........ A. Pillai      Bay..... 3'.
# (A label of one or two words, a value that is no label of its own: not 'Talked to Dana.... she says', nor an empty field.)
_DOTTED_LABEL = r"[A-Za-z][\w/&]*(?:[ ][\w/&]+){0,2}"  # 'Depot', 'Grade/post held', 'Colleague under review'
_DOTTED_OPENS = re.compile(rf"\s*{_DOTTED_LABEL}[ ]?\.{{4,}}")
_DOTTED_FIELD = re.compile(rf"""(?:^|(?<=\s\s))\s*(?P<label>{_DOTTED_LABEL})[ ]?\.{{4,}}[ ]*(?P<value>(?![.\s])(?!\S*\.{{4,}})\S.*?)
    (?=\s{{2,}}{_DOTTED_LABEL}[ ]?\.{{4,}}|\s*$)""", re.X)
_CSV_PAIR = re.compile(r'^\s*"?(?P<label>[^",\n]{1,40}?)"?\s*,\s*"?(?P<value>[^",\n]{1,80}?)"?\s*$')


def _csv_pair(line: str) -> list[str] | None:
    """A line of an exported form's two comma-separated cells, label and value: 'Employee,Nkechi Obi'."""
    pair = _CSV_PAIR.match(line)
    if pair and pair["label"].strip().lower() == "post" and role_like(pair["value"]):
        return ["Role", pair["value"]]  # 'post,Centrifugal Operator - Station C': the job (a field only with a job in it)
    return [pair["label"], pair["value"]] if pair and _field_label(pair["label"]) else None


_RULE_ROW = re.compile(r"^[\s|｜:+=-]*-{2,}[\s|｜:+=-]*$")  # a table's rule: '|---|---|', '+------+'


def column_form(lines: list[str]) -> list[str]:
    """A form laid out in columns, a row of field labels over a row of values ('| Employee | Role | Reviewer | Date |',
    '|---|…', '| Yusuf Demir | ice technician | C. Lambert | 9 Feb 2026 |'): the labels' row becomes the fields it
    heads ('Employee：Yusuf Demir；Role：ice technician；…'). Only the first such table, among the opening lines."""
    for i, line in enumerate(lines[:6]):
        labels = _row_cells(line, comma=i == 0)  # (an export's commas only as the notes' first row: not a report pasted below)
        if not _heading_row(labels):
            continue
        j = next((k for k in range(i + 1, min(i + 3, len(lines))) if not _RULE_ROW.match(lines[k])), None)
        values = _row_cells(lines[j], comma=i == 0) if j is not None else []
        if len(values) == len(labels):
            return [*lines[:i], "；".join(f"{label.replace('_', ' ')}：{value}" for label, value in zip(labels, values)),
                    *lines[i + 1:]]  # ('staff_name' as 'staff name')
    return lines


# A heading cell a form's reader takes for a label though the labels do not list it: a word or two, no digits
# ('Staff no', '工号', '班组'), not a sentence's fragment.
_SHORT_LABEL = re.compile(r"[A-Za-z][A-Za-z._'’/]*(?:[ _][A-Za-z][A-Za-z._'’/]*){0,2}|[\u4e00-\u9fff]{2,4}")


def _row_cells(line: str, *, comma: bool) -> list[str]:
    """A table row's cells: between tabs or bars, or with `comma`, an export's commas with no space after them
    ('review_id,staff,store,reviewer,date')."""
    found = cells(line) or (_export_cells(line) if comma and line.count(",") >= 2 else [])
    return [c.strip() for c in found]


def _export_cells(line: str) -> list[str]:
    """An export's comma-separated cells, a quoted cell's commas its own ('Ross Kinnear,Amira Haddad,"4 late, average 22
    min"'); none where a comma outside quotes is followed by a space, as in prose."""
    found = next(csv.reader([line]))
    unquoted = re.sub(r'"[^"]*"', "", line)
    return [] if ", " in unquoted else found


def _heading_row(labels: list[str]) -> bool:
    """Whether a table's cells are its heading of fields: every one a form's label, or a name's label among two or more
    short labels the labels do not list, none a name ('姓名 | 工号 | 班组' over '阮氏梅 | A-0217 | 细纱乙班')."""
    if len(labels) < 2:
        return False
    known = [_field_label(cell) for cell in labels]
    if None not in known:
        return True
    named = any(re.sub(r"[*:：]+", "", cell.replace("_", " ")).strip().lower() in party_labels()[1] or (label is None and _job_label(cell))
                for label, cell in zip(known, labels))  # (or the employee's job: '| Operator | Shift | Lead | Date |')
    return named and len(labels) >= 3 and all(label or (_SHORT_LABEL.fullmatch(cell) and not (" " in cell and is_name(cell)) and not re.fullmatch(zh_name(), cell))
                                              for label, cell in zip(known, labels))  # (not a row of '| 被谈话人 | 王小燕 |')


def _field_label(cell: str) -> str | None:
    """A cell that is a form's label, as a label: '姓名', 'Name', and one said in both languages, '员工 Employee' ->
    '员工'; None for any other cell."""
    fields = field_words()
    if re.sub(r"[\s*_:：]+", "", cell).lower() in fields:
        return cell
    halves = re.findall(r"[\u4e00-\u9fff]+|[A-Za-z][A-Za-z ]*[A-Za-z]", cell)
    if len(halves) == 2 and all(re.sub(r"\s+", "", h).lower() in fields for h in halves):
        return halves[0]
    return None


@lru_cache(maxsize=1)
def field_words() -> frozenset[str]:
    """A form's field labels in every language: 'Name', 'Role', 'Manager', '姓名', '岗位', '面谈人'."""
    labels = load("vocabulary")["labels"]
    return frozenset(w.replace(" ", "").lower() for key in ("meta", "manager_meta", "employee_meta") for w in labels.get(key, ()))


# A form's field giving the role: '岗位：门诊收费员', 'Job title: Welding Inspector (CSWIP 3.1)    Depot: …', 'Trade:
# Scaffolder (advanced)', 'Title 職位: Financial Planner 理財策劃' (the English words before the Chinese), '职位 Position：
# 应用工程师 Application Engineer (Cobot)' (the English words after it: the role as the notes' English names it).
_ROLE_FIELD = re.compile(r"""(?:岗位|职位|职务|工种)\s*[:：]\s*
      (?:(?P<en>[A-Za-z0-9][\w.&/'’ -]{1,40}?)(?=\s+[\u4e00-\u9fff]|\s*[(（,，;；|｜]|\s{2,}|\s*$) | (?P<zh>[^\s，,；;|｜（(]{2,12}))
    | (?:岗位|职位|职务|工种)[ \t]+[A-Za-z][A-Za-z ]{1,20}?\s*[:：]\s*[\u4e00-\u9fff]{2,12}[ \t]+
      (?P<en_after>[A-Za-z][A-Za-z0-9&/'’ -]{1,40}?)(?=\s*[(（,，;；|｜\u3000]|\s{2,}|\s*$)
    | \b(?i:job\s+(?:family\s*/\s*)?title|job(?:\s+role)?|role|position|pos|(?:grade\s*/\s*)?post(?:\s+held)?|trade
        |occupation|designation|(?:reviewee|employee|staff\s+member|colleague|appraisee)['’]s\s+(?:title|job|role))\s*[:：]\s*
      (?:[A-Za-z][\w&'’ -]{1,40}?\s*[›»>]\s*)?  # past a job family: 'Job family / title: Post-Production › Foley Artist'
      (?P<value>[A-Za-z][\w&/'’ -]{1,40}?)(?=\s{2,}|\t|\s*[(,;|；]|\s*$)""", re.X | re.M)


def form_role(lines: list[str]) -> str | None:
    """The role a form's field gives: '岗位：门诊收费员', '| Role | picker |', 'Job title: Welding Inspector (CSWIP 3.1)'."""
    field = _ROLE_FIELD.search("\n".join(form_row(line) for line in lines))
    if not field:
        return None
    role = (field["en"] or field["en_after"] or field["zh"] or field["value"]).strip()
    if re.match(r"\W*(?i:job)\s*[:：]", field.group(0)) and not is_role(role):
        return None  # 'Job: fit the kitchen at 14 Elm Road': the job of work, no one's job title
    paired = [part.strip() for part in re.split(r"\s+/\s+", role)]  # 'Lab Supervisor / Lab Technician': the two
    led = [part for part in paired if not leads_others(part)]       # listed at the meeting, the one who leads no one
    two = any(_ATTENDING.search(line) for line in lines)            # (not one person's two hats: 'Supervisor / Trainer')
    return led[0] if two and len(paired) == 2 and len(led) == 1 else role


_ATTENDING = re.compile(r"^\W*(?:参会人|参加人?|与会人?|出席|present|attendees|participants)\s*[:：]", re.I)
# The name a header field holds: 'Jean-Baptiste Moreau', 'R.D.', up to three capitalised words.
FIELD_NAME = r"(?:[A-Z]\.){2,3}|[A-Z]\.[ \t]?[A-Z][\w'’\-]+|[A-Z][\w'’\-]*(?:[ \t][A-Z](?:\.|[\w'’\-]*)){0,2}"  # 'A. Rahman', 'Ana M. Ruiz'; not 'Morag Sinclair. Interviewer'
# A header field named by a job, holding a name: 'Operator: Jean-Baptiste Moreau (bridge operator, B-shift)'.
_JOB_FIELD = re.compile(r"""(?:^|[|｜·•；]\s*|[.;]\s+|\s{2,}|\t)(?P<label>[A-Za-z][A-Za-z -]{1,30}?)\s*[:：]\s*
    (?P<name>""" + FIELD_NAME + r""")(?:\s*\((?P<role>[^)\n]{2,40})\))?
    (?=[ \t]*(?:$|[|｜;；,.·•(]|\s{2,}))  # the field ends: not a speaker's line ('Vivian: Kevin，今天 review 的 summary')""", re.M | re.X)
# A transcript's key to its speakers: 'PA: Priscilla Adeyemi (curriculum lead). FW: Fenna de Wit (BSL tutor)'.
_SPEAKER_KEY = re.compile(rf"""(?:^|[.;,|/:：]\s*)(?P<tag>[A-Z]{{2,3}})\s*[:：=]\s*
    (?P<name>{NAME_WORD}(?:[ \t](?:{PARTICLE}[ \t]){{0,2}}{NAME_WORD}){{0,2}})
    \s*[(（](?P<role>[^)）\n]{{2,60}})[)）]""", re.M | re.X)


def speaker_key(header: str) -> tuple[str, str, str] | None:
    """The employee, their role and the manager from a key to two speakers, each tagged by their initials: the one
    whose title leads others is the manager."""
    others = vocab("parties", "attending", "en")  # not HR, a union rep, an observer
    keyed = [(m["name"], re.split(r"\s*[,;]\s*", m["role"])[0]) for m in _SPEAKER_KEY.finditer(header)
             if m["tag"] == "".join(w[0] for w in m["name"].split() if w[0].isupper())
             and not is_hr(m["role"]) and not others.search(m["role"].lower())]
    leading = [leads_others(role) for _, role in keyed]
    if len(keyed) != 2 or leading.count(True) != 1:
        return None
    (employee, role), (manager, _) = keyed[leading.index(False)], keyed[leading.index(True)]
    return employee, role, manager


_KEY = re.compile(r"[（(]([^）)\n]{3,80})[）)]")
_KEY_ENTRY = re.compile(r"^\s*([A-Z]{2,3}|[\u4e00-\u9fff]{1,4})\s*[:：=]\s*(.+?)\s*$")
_WRITER = re.compile(r"我|本人|me|i|myself|writer", re.I)
_GLOSS = re.compile(r"\s*[(（][^()（）\n]*[)）]")  # 'me (field ops manager)': what the writer adds of themselves


def _keys(lines: list[str]) -> list[tuple[str, bool]]:
    """Each key to the speakers among `lines`, and whether it is a line of its own: one in brackets ('(DK = me, RS =
    pipe fitter)'), or a line that opens with a key's entry ('SL = me (field ops manager), KO = rigger, Team 2')."""
    bracketed = [(m.group(1), False) for line in lines for m in _KEY.finditer(line)]
    return bracketed + [(_GLOSS.sub("", line), True) for line in lines if _KEY_ENTRY.match(re.split(r"[；;，,]", line)[0])]


def _initialled(initials: str, lines: list[str]) -> str:
    """The person named in full whose initials these are ('SL' of 'Sandra Lowe / Kwame Osei – 1:1'), else the initials."""
    if not re.fullmatch(r"[A-Z]{2,3}", initials):
        return initials
    named = {m.group(0) for line in lines for m in re.finditer(rf"{NAME_WORD}(?:[ \t]{NAME_WORD}){{1,2}}", line)}
    owners = [n for n in named if "".join(w[0] for w in n.split()) == initials and is_name(n)]
    return owners[0] if len(owners) == 1 else initials


def writer_keyed(lines: list[str]) -> tuple[str, str | None, str] | None:
    """A key to two speakers, one of them marked as the writer: '（LJ：MES 工程师；HM：我）', '(DK = me, RS = fitter)',
    'SL = me (field ops manager), KO = rigger'. The other is the employee, the job beside their tag their role; each
    tag is the person the lines name in full with those initials, where one is."""
    for key, own_line in _keys(lines):
        entries = [e for part in re.split(r"[；;，,]", key) if (e := _KEY_ENTRY.match(part))]
        writers = [e for e in entries if _WRITER.fullmatch(_GLOSS.sub("", e.group(2)))]
        if len(entries) == 2 and len(writers) == 1:
            other = next(e for e in entries if e is not writers[0])
            if not own_line:
                employee, manager = other.group(1), writers[0].group(1)
            else:
                employee, manager = _initialled(other.group(1), lines), _initialled(writers[0].group(1), lines)
                if employee == other.group(1) or manager == writers[0].group(1) or is_hr(other.group(2)):
                    continue  # a line of its own keys the two the heading names in full (not HR sitting in: 'GH = HR
                    # adviser'), or is some other legend
            job = other.group(2)
            role = job if is_role(job) or is_role(re.sub(r"^[A-Za-z\d ]+(?=[\u4e00-\u9fff])", "", job)) else None
            # ('MES 工程师': a Chinese title after a system's name)
            return employee, role, manager
    return None


def _job_label(label: str) -> bool:
    """A field's label that is the employee's job ('Technician'), not a lead's ('Supervisor') nor someone else's at the
    meeting ('Interviewer', 'Mentor', 'Union rep'), nor a group's ('Crew: Bravo', 'Squad')."""
    return (is_role(label) and not leads_others(label) and not vocab("parties", "attending", "en").fullmatch(label.lower())
            and label.strip().lower() not in party_labels()[0]  # (not 'Reviewer')
            and not vocab("parties", "group_nouns", "en").fullmatch(label.strip().lower()))


_NICKNAME = re.compile(r"""["“'‘][^"”'’]+["”'’]""")  # a name in quotes: '"Seun"', '花名“可可”'


def job_field(header: str) -> tuple[str, str] | None:
    """The employee and their role from a field a job names ('Technician: Siobhan Nkemelu', 'Operator: Ana Ruiz
    (bridge operator, nights)'): not a title of one who leads others ('Supervisor: …') nor of someone else at the
    meeting ('Interviewer:', 'Mentor:', 'Union rep:'), and a name in it."""
    for m in itertools.chain(_JOB_FIELD.finditer(header), _job_field_zh().finditer(header)):
        label, person = m.group("label").strip(), m.group("name").strip()
        if _job_label(label) and (is_name(person) or unspaced(person)):
            inner = re.split(r"\s*[,;]\s*", m.group("role") or "")[0]
            return person, inner if inner and not _NICKNAME.search(inner) else label  # not 'Ana Ruiz ("Annie")'
    return None


def name_fields(text: str) -> list[tuple[str, str]]:
    """Each field of `text` that holds a name, as (label, name): 'Interviewer: Tomás Brennan | Field supervisor: Anjali Rao'."""
    return [(m["label"].strip(), m["name"].strip()) for m in _JOB_FIELD.finditer(text)]


@cache
def _job_field_zh() -> re.Pattern[str]:
    """`_JOB_FIELD` in Chinese: '｜主播：林可馨（花名"可可"）｜'."""
    return re.compile(rf"(?:^|[|｜·•；;]\s*)(?P<label>[\u4e00-\u9fff]{{2,6}})\s*[:：]\s*(?P<name>{zh_name()})"
                      rf"(?:\s*[（(](?P<role>[^)）\n]{{2,20}})[)）])?(?=\s*(?:$|[|｜；;，,·]))", re.M)


def job_of(name: str | None, header: str) -> str | None:
    """The job a field names where the field holds `name`: 'Keeper: Morag Sinclair', where another line named her first."""
    job = job_field(header)
    return job[1] if job and job[0] == name else None


# A heading over one person's block of a form: 'Section A - Reviewer', "Reviewer's details", '面谈人信息'.
_PARTY_HEADING = re.compile(r"""^\W*(?:(?:section|part)\s+\w{1,3}\s*[-–—:.)]\s*)?(?P<who>[^\d:：]{2,30}?)(?:'s|’s)?
    \s*(?:details|information|info|particulars|信息|资料)?\s*[:：]?\s*$""", re.I | re.X)
_FIELD = re.compile(r"^\W*(?P<label>[^\W\d][\w '’/]{0,24}?|[\u4e00-\u9fff]{1,6})\s*[:：]")
_NAME_FIELD = re.compile(r"^(\W*)(?:full\s+name|name|姓名)(?=\s*[:：])", re.I)
_TITLE_FIELD = re.compile(r"^\W*(?:position|role|job\s*title|title|designation|grade|岗位|职位|职务)\s*[:：]", re.I)
MANAGER_WORD = re.compile(r"\b(?i:manager|mgr|supervisor|reviewer|interviewer|appraiser|assessor|line manager|charge nurse"
                          r"|head of (?:dept|department)|hod|team lead|shift lead|head chef|principal|director|foreman"
                          r"|organi[sz]er|conversation owner|rev|reviewed by|(?<![\w-][ \t])(?<![\w-])lead(?=\s*[:：]))")  # (a field's bare 'Lead:',
# not 'Union lead:')
# (past a line's end only after the label's colon: not 'Ward Manager' over 'Reason: …')
# The name a field's label gives: a title, an initial, one or two words ('Dr Ann Lee', 'M. Okoro', 'Jo').
LABELLED_NAME = r"(?:" + TITLE + r")?(?:[A-Z]\.[ \t]?(?=" + NAME_WORD + r"))?(?:" + NAME_WORD + r")(?:[ \t]" + NAME_WORD + r")?"
NAME_AFTER_LABEL = re.compile(r"(?:[ \t]*[:：]\s*|[ \t]+)(" + LABELLED_NAME + ")")  # ('Reviewer: M. Okoro, Chief Clinical Perfusionist')


@cache
def party_labels() -> tuple[frozenset[str], frozenset[str]]:
    """The labels of the manager's and of the employee's fields, in every language, in lower case."""
    def of(key: str) -> frozenset[str]:
        return frozenset(w.lower() for w in vocab_list("labels", key, "en") + vocab_list("labels", key, "zh"))
    return of("manager_meta"), of("employee_meta")


def sectioned(lines: list[str]) -> list[str]:
    """A form that gives each person a block under its own heading ('Section A - Reviewer', then 'Name: Graham
    Oyelaran' and 'Position: Technical Manager'): the manager's block's name labelled as the manager's ('Reviewer:',
    '面谈人：') and its title left out, so that neither is read as the employee's. The block ends at a line that is no
    field, or at the employee's own field ('Employee name: …')."""
    managers, employees = party_labels()
    out, managers_block = [], False
    for line in lines:
        heading, field = _PARTY_HEADING.match(line), _FIELD.match(line)
        if heading and not field:
            who = heading["who"].strip().lower()
            managers_block = who in managers and who not in employees
        elif not field or (field["label"].strip().lower() in employees and not _NAME_FIELD.match(line)):
            managers_block = False  # the block has ended
        elif managers_block and _TITLE_FIELD.match(line):
            line = ""  # the manager's own title
        elif managers_block and (name_field := _NAME_FIELD.match(line)):
            label = vocab_list("labels", "manager_meta", "zh" if unspaced(line) else "en")[0]
            line = name_field.group(1) + label + line[name_field.end():]
        out.append(line)
    return out


_AH_NAME = r"阿[A-Z][a-z]{1,10}"  # a name in Latin letters after the Chinese '阿' of familiarity: '阿May', '阿Ken'
_NAME_IN_TWO_SCRIPTS = re.compile(r"[A-Z][a-z]{1,12}\s*[(（][\u4e00-\u9fff]{2,4}[)）]")  # 'Jack(李杰)'
_ONE_ON_ONE = re.compile(r"\b1\s*on\s*1\b|\bone[- ]on[- ]one\b", re.I)  # '1on1', as a Chinese note writes it
_GRADE_AFTER = re.compile(r"\s+[A-Z]{0,2}\d{1,2}$")  # a grade after the job: 'AGV维保技术员 T3'


def barred_fields(line: str) -> tuple[str, str | None, str | None] | None:
    """A header of fields between bars, one a name with a job beside it, another a name alone: 'Group Ex catch-up | Tessa
    Moyo - Yoga Instructor | Liam Duarte | Fri 06-11-2026': the employee, their role, and the manager."""
    fields = [f.strip() for f in re.split(r"\s[|｜]\s|｜", line)]  # (a full-width bar needs no spaces)
    if len(fields) < 3:
        return None
    employee: tuple[str, str | None] | None = None
    manager = None
    for field in fields:
        pair = re.fullmatch(rf"(?P<name>{NAMED}|{_AH_NAME}|(?P<zh>{zh_name()})(?:[ \t]+[A-Z][a-z]+)?)\s*"  # ('陈子豪 Hao（裁判）')
                            rf"(?:[-–—,]\s*(?P<job>[^()\n]{{2,40}})|[(（](?P<inner>[^)）]{{2,40}})[)）])", field)
        job = pair and (pair["job"] or pair["inner"]).strip()
        initials = bool(pair and re.fullmatch(r"[A-Z]{2,3}", pair["name"]) and not team_initials(pair["name"]))
        named = bool(pair and (pair["zh"] or is_name(pair["name"]) or initials or re.fullmatch(_AH_NAME, pair["name"])))
        job = job and next((j for j in (job, *re.split(r"\s*[/,，、]\s*", job)) if is_role(j)), job)  # ('赛事裁判 / referee, 夏季联赛')
        if pair and named and job and (is_role(job) or is_role(re.split(r"\s+(?=[A-Za-z])", job)[0])) and not leads_others(job) \
                and employee is None:
            employee = (pair["name"], job)  # ('DR (picker)': initials too)
        elif manager is None and (is_name(field) or (pair and job and is_name(pair["name"]) and leads_others(job))):
            manager = pair["name"] if pair else field  # 'Liam Duarte', 'Tom Hale - Studio Manager'
        elif manager is None and (by := _WRITTEN_BY.fullmatch(field)) and is_name(by["name"]):
            manager = by["name"]  # '… ｜2026-07-23｜by Vivian': the one who wrote the notes
    alone = [f for f in fields if is_name(f) or re.fullmatch(zh_name(), f) or _NAME_IN_TWO_SCRIPTS.fullmatch(f)]
    if employee is None and len(alone) == 1 and (MEETING_WORDS.search(fields[0].lower()) or _ONE_ON_ONE.search(fields[0])):
        jobs = [f for f in fields[1:] if (role_like(f) or is_role(_GRADE_AFTER.sub("", f))) and not leads_others(f) and f not in alone]
        employee, manager = (alone[0], _job_titled(fields[0]) or (jobs[0] if len(jobs) == 1 else None)), None
        # 'CRC 季度 review｜孟思远｜Site: …｜PM: Irene Liu': the review's title first, the name alone is whose it is
    return (*employee, manager) if employee else None


_WRITTEN_BY = re.compile(rf"(?i:(?:notes|written|taken)\s+)?(?i:by)\s+(?:我\s*)?(?P<name>{NAMED})(?:\s*[(（][^)）]{{1,40}}[)）])?")  # 'by 我 Dennis（Venue Manager）'
_PERIOD_WORDS = re.compile(r"(?i:quarterly|monthly|annual|yearly|mid-?year|weekly|Q[1-4])|季度|月度|年度|半年|年中")


def titled_job(line: str) -> str | None:
    """The job a header line's field names with its meeting words, among fields between dashes or bars: 'Riverside
    Leisure - lifeguard 1:1 - Oisín Dempsey - 5 Nov 2026'."""
    return next((job for field in re.split(r"\s[-–—|｜]\s|｜", line) if (job := _job_titled(field.strip()))), None)


def _job_titled(title: str) -> str | None:
    """The job a title of the meeting names with its meeting words ('CRC 季度 review', 'Welder quarterly review'), of
    one who leads no one."""
    if not MEETING_WORDS.search(title.lower()):
        return None
    job = " ".join(_PERIOD_WORDS.sub(" ", MEETING_WORDS.sub(" ", title.lower() if title.isupper() else title)).split())
    return job if job and is_role(job) and not leads_others(job) else None


def comma_fields(line: str) -> tuple[str, str, str | None] | None:
    """A CSV export's first row of the meeting's fields, with no spaces after its commas: 'meeting,22/09/2026,RK,process
    technician - moulding hall B,reviewer DM': the initials or name before a job, and the reviewer's."""
    fields = [f.strip() for f in line.split(",")] if ", " not in line else []
    employee = manager = None
    for before, field in itertools.pairwise(fields):
        job = re.split(r"\s[-–—]\s", field)[0].strip()
        initials = re.fullmatch(r"[A-Z]{2,3}", before) and not team_initials(before)  # not 'QA'
        if employee is None and (initials or is_name(before)) and is_role(job) and not leads_others(job):
            employee = (before, job)
        reviewer = re.fullmatch(rf"(?i:reviewer|manager|supervisor|interviewer|appraiser)\s+({NAMED}|[A-Z]{{2,3}})", field)
        manager = manager or (reviewer.group(1) if reviewer else None)
    return (*employee, manager) if employee and len(fields) >= 4 else None


# A write-up's foot where the employee signs that it was read to them: 'Acknowledged: Kyle Dunn (thermoplastic operative)'.
_ACKNOWLEDGED = re.compile(r"^\W*(?:acknowledged|received|read and (?:understood|agreed|signed)|seen and agreed)(?:\s+by)?\s*(?:[:：]|[–—-](?=\s))", re.I)
_SIGNER = re.compile(rf"\s*(?P<name>{NAME_WORD}(?:[ \t]{NAME_WORD}){{1,2}})(?:\s*[(（](?P<role>[^)）\n]{{2,40}})[)）])?")


def signed_at_foot(lines: list[str], manager: str | None) -> tuple[str, str | None] | None:
    """The employee and role on a signing line at the notes' foot, where no header names them: not the manager, nor
    anyone whose title leads others ('Acknowledged: Helen Shaw (Pharmacy Manager)')."""
    label = next((m for line in lines[-2:] if (m := _ACKNOWLEDGED.match(line))), None)
    signer = _SIGNER.match(label.string, label.end()) if label else None
    if not signer or not is_name(signer["name"]) or (manager and signer["name"].split()[-1] in manager):
        return None
    role = (signer["role"] or "").strip() or None
    return None if role and leads_others(role) else (signer["name"], role if role and role_like(role) and not is_name(role) else None)

"""The employee's role as the notes give it: beside their name in the header ('Tomás Ferreira, junior
backend dev', 'Kalinda Perera (Senior Flight Attendant)', 'Night auditor Femi Adeyemi', '前台主管 王磊') or
on a labelled line ('Position: bus operator', '岗位：客服专员'). Beside a name, a phrase is a role only
when it holds a job word of `lexicons/roles.toml`; where none is found the plan leaves the role empty, never guessed.
"""
from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterator
from functools import lru_cache

from ..language import profiles, unspaced
from ..lexicon import load, vocab, zh_name
from ..notes.names import CALLED_BY_NAME, is_name, to_you
from ..textutil import NAME_WORD

_LABELLED = re.compile(
    r"""(?:^[\s*#>-]* | \s{2,} | \u3000 | [|｜]\s*)(?P<label>role|position|post|trade|job\s*title|job|grade\s*/\s*role|岗位|职位|职务|工种)(?:/职级)?\s*[:：]\s*
        (?P<value>[^|｜;；\n]{2,60})""",
    re.I | re.M | re.X,
)
# What follows a name and opens its role: '(', ',', a dash, a slash, a bar.
_AFTER_NAME = re.compile(r"""(?:,[ \t]*[A-Z]\.(?:[ \t]?[A-Z]\.)?(?=[ \t]*[(（\-–—|｜]))?  # past the initials of a name written surname first: 'Kowalczyk, J. – pipefitter'
    (?:(?:[ \t]+(?:[A-Z]\.?|[A-Z][a-z]+)){1,2}(?=[ \t]*[(（,，\-–—|｜/]|[ \t]+[a-z]))?\s*(?:
      (?:(?:1\s?[vV]\s?1|1\s?on\s?1|1:1|面谈|谈话)\s*)?[(（]\s*(?P<inner>[^)）\n]{2,80})[)）]  # 'Name (role, …)', '和小雨1v1（美工）'
    | (?:(?:面谈|谈话|聊)?的?(?:,|，)|｜|\s[-–—/|])\s*(?P<next>(?:(?!(?<=[a-z]{5})\.\s)[^,，\n|｜/()（）–—;；]){2,60})  # 'Name, role', 'Name - role -', '名｜岗位', '跟梅秀兰的，刺绣师', '跟金美善谈话，救生员'
    | :[ \t]*(?P<colon>(?:[A-Za-z][\w&-]*[ \t]+){0,2}[A-Za-z][\w&-]*)[ \t]*$   # 'Dana Ruiz: forklift operator', not a speaker's line
    | (?P<plain>(?:[a-z][\w&-]*\s+){0,3}[a-z][\w&-]*|[\u4e00-\u9fff]{2,8})(?=\s*(?:[-–—|｜,(（]|$|\s+(?:1:1|1-1|review|chk-in
        |check-in|catch-up|chat|appraisal|supervision|面谈|谈话|月度|季度)|\s+for\s+the\s+(?:notes|record|file)\b))  # 'Hemi Walker ramp agent – 25 Nov'
    )""", re.X)
# A header that opens with the role: 'Porter 1:1, Femi…', 'Sous chef review - Ravi', 'Shift lead check-in – Yusuf'.
_ROLE_OPENS = re.compile(r"""^\W*(?:(?:subject|re|fwd?|主题)\s*[:：]\s*)*(?P<role>(?:[A-Za-z][\w&-]*\s+){0,3}[A-Za-z][\w&-]*|[\u4e00-\u9fff]{2,8})
    \s*[-–—:]?\s*(?:1:1|1-1|review|check-in|catch-up|chat|appraisal|supervision|performance|monthly|quarterly|mid-year|annual
      |季度|月度|绩效|面谈)""", re.I | re.X)
_CUT = re.compile(r"""\s+(?:[-–—]|(?:with|w/|at|for|on|re|since|staff\s+no|no\.)(?!\w)|\d{1,2}[/.]\d{1,2}\b).*$""", re.I)


def _roles(*, spaces: bool) -> dict[str, list[str]]:
    """The job words of every language written with spaces between words (a word of the title, or a word ending),
    or of every one written without (the title's last characters)."""
    out: dict[str, list[str]] = {}
    for p in profiles():
        if p.spaces == spaces:
            for key, words in load("roles", p.code).items():
                out[key] = out.get(key, []) + list(words)
    return out


@lru_cache(maxsize=1)
def job_words() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    en_spec, zh_spec = _roles(spaces=True), _roles(spaces=False)
    # The job word ends the title, or is followed only by a grade or an 'of …' ('engineer II', 'chef de partie',
    # 'head of housekeeping'): 'lead times' and 'head office' are no roles.
    tail = r"(?:\s+(?:[IVX]{1,4}|\d|grade\s+\d|band\s+\d|level\s+\d|(?:of|de)\s+\w+(?:\s+\w+)?|in\s+charge))?\s*$"
    not_roles = "|".join(en_spec["not_roles"])
    word_ending = rf"(?!(?:{not_roles})\b)[a-z][a-z-]{{2,}}(?:{'|'.join(en_spec['endings'])})"
    en = re.compile(r"\b(?!ops\b)(?:" + "|".join(en_spec["terms"]) + r")s?" + tail + r"|\b" + word_ending + tail, re.I)
    abbreviations = re.compile(r"\b(?:" + "|".join(en_spec["abbreviations"]) + r")" + tail)  # 'SDR', not '2 pm'
    zh = re.compile("(?:" + "|".join(zh_spec["terms"]) + ")$")
    return en, abbreviations, zh


@lru_cache(maxsize=1)
def _given_name_endings() -> frozenset[str]:
    return frozenset(_roles(spaces=False).get("given_name_endings", []))


_DOTTED = re.compile(r"(?<=[A-Za-z]{2})\.(?=\s|$)")


_INITIALLED = re.compile(r"(?:[A-Z]\.\s?){1,3}[A-Z][a-z'’-]+")


def is_role(phrase: str) -> bool:
    """A short phrase that ends in a job word (or a grade after it): 'Tier 1 support agent', 'engineer II', '客服专员'."""
    phrase = phrase.strip()
    en, abbreviations, zh = job_words()
    if unspaced(phrase):
        job = zh.search(phrase)
        return (2 <= len(phrase) <= 12 and job is not None and not says_no_job(phrase)
                and not re.search("[是了吗呢]", phrase)  # not a clause: '主要是手' of '主要是手指'
                and not (job.group() in _given_name_endings() and re.fullmatch(zh_name(), phrase)))
        # (a name: '黄海生', not '实习生')
    if _INITIALLED.fullmatch(phrase) and not vocab("roles", "terms", "en").fullmatch(phrase.split()[-1].lower()):
        return False  # 'G. Farrant', 'J.P. Bryant': a name after its initials, though it ends as a job's word does (not
        # 'Q.A. Technician')
    phrase = _DOTTED.sub("", phrase)  # 'Relief Pharm.', 'Elev. Op. II', 'diag. rad.': shorthand with its dots
    words = phrase.split()
    return (1 <= len(words) <= 6 and bool(en.search(phrase) or abbreviations.search(phrase))
            and not re.search(r"\b(?:me|my|notes?|minutes|is|was|are|were|that|says|said)\b", phrase, re.I))  # not a clause


@lru_cache(maxsize=1)
def _titles() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Job titles by their listed words alone, not by a word's ending: 'fibre splicer' no, 'MOT tester', '理赔员' yes."""
    en_spec, zh_spec = _roles(spaces=True), _roles(spaces=False)
    en = re.compile(r"^(?:[A-Za-z][\w&/ -]{0,40}\b)?(?:" + "|".join(en_spec["terms"] + en_spec["abbreviations"]) + r")s?$", re.I)
    zh_terms = [w for w in zh_spec["terms"] if len(w) >= 2 or w in ("员", "师")]
    zh = re.compile("^[\u4e00-\u9fffA-Za-z]{1,8}?(?:" + "|".join(zh_terms) + ")$")
    return en, zh


_A_DAY = re.compile(r"(?i:mon|tues|wednes|thurs|fri|satur|sun)day|(?i:jan|febr)uary|March|April|May|June|July|August"
                    r"|(?i:septem|octo|novem|decem)ber")


def is_title(phrase: str) -> bool:
    """A phrase that is a job title and nothing else ('dental technician', '化验员'), by the strict test of `_titles`;
    a phrase with a word of talk in it ('就是周师', '的理赔员') is none."""
    phrase = phrase.strip()
    en, zh = _titles()
    if unspaced(phrase):
        return (bool(zh.match(phrase)) and not re.search("[的是就跟了我你他她们这那很在和说]", phrase) and not says_no_job(phrase)
                and not (len(phrase) < 3 and phrase[-1] in "员师"))  # '会员', '动员' are no jobs
    words = phrase.split()
    if len(words) == 1 and (phrase.lower() in spaced_words("not_alone") or (phrase.isupper() and len(phrase) < 4)):
        return False  # 'lead', 'crew', 'PM': too general, or an abbreviation, to be a title alone
    capitalised = [w for w in words[:-1] if w[:1].isupper() and not w.isupper()]
    named = words[-1].islower() and (len(capitalised) >= 2 or any(_A_DAY.fullmatch(w) for w in capitalised))  # 'Jo Smith
    # manager', 'Friday manager' (not a title in sentence case: 'Midday supervisor')
    return (bool(en.match(phrase)) and not named
            and not re.search(r"\b(?:i|my|you|your|he|his|she|her|we|our|they|their|was|is|the|to|of|talked|been|'s)\b|\d", phrase, re.I))


@lru_cache(maxsize=4)
def spaced_words(key: str) -> frozenset[str]:
    """A word list of `roles.toml` in the languages written with spaces: `not_first`, the words that open no job title
    ('the', 'our'); `describes`, those after which a phrase describes someone instead ('she's brilliant'); `not_alone`."""
    return frozenset(w for p in profiles() if p.spaces for w in load("roles", p.code).get(key, ()))


def role_like(text: str) -> bool:
    """A listed job word anywhere in `text`, or `text` opening in lower case: read loosely as a job ('Service advisor',
    'pick lead'), where the words around it already say a job stands there."""
    return bool(vocab("roles", "terms", "en").search(text)) or bool(re.match(r"^[a-z]", text.strip()))


def leads_others(phrase: str) -> bool:
    """A title of one who leads others ('Terminal Ops Superintendent', '门诊护士长', '食堂经理，我'): in a header that
    names two people, the one with such a title is the manager, unless no one else has a title."""
    names = load("vocabulary", "zh" if unspaced(phrase) else "en")["names"]
    if unspaced(phrase):
        return any(t in phrase for t in names["lead_titles"])
    return any(w in names["lead_titles"] for w in re.findall(r"[a-z]+", phrase.lower()))


def says_no_job(phrase: str) -> bool:
    """'员工', 'staff member': words that say who someone is, not what they do; and a duty some staff take on besides
    their job ('one of our two mental health first aiders', 'fire wardens')."""
    not_roles = load("roles").get("not_roles", [])
    return phrase.strip() in not_roles or phrase.strip().lower() in not_roles or bool(_A_DUTY.search(phrase))


_A_DUTY = re.compile(r"\b(?:first\s+aiders?|fire\s+(?:wardens?|marshals?|marshalls?)|key\s*holders?)$", re.I)


_POST = re.compile(r"(?<=[\u4e00-\u9fff]{2})(?:" + "|".join(load("roles", "zh")["post"]) + ")$")


def _clean(phrase: str) -> str:
    phrase = re.sub(r"\s*[(（][^)）]*[)）]", "", phrase)  # '综合柜员（3号窗口）', 'Driver (PSV)'
    phrase = re.split(r"[,，/]|\s{2,}|\u3000|\s+(?=\S{1,12}[:：])", phrase)[0]  # '综合柜员　面谈人：…'
    phrase = _POST.sub("", phrase) if unspaced(phrase) else phrase  # '布草分拣岗': the post of a '布草分拣'
    return _CUT.sub("", phrase).strip(" .:;-–—")


def role_beside(text: str, name: str | None, *, unnamed: bool = True) -> str | None:
    """The role the notes give the employee `name`, or None; with `unnamed` off, not one the notes say without naming
    anyone ('your 2D animator review', '他是我们这司炉工里…'), which says nothing of whether `name` is the employee."""
    lines = text.split("\n")
    head = "\n".join(lines[:12])
    ends = "\n".join([*lines[:12], *lines[max(12, len(lines) - 3):]])  # and the foot: 'cc: file - Hana Vošková, keeper'
    for m in _LABELLED.finditer(ends):  # a labelled line says outright that this is the role (a form's foot too: 'Name of
        # staff member: Lorraine Quigley    Post: Midday supervisor')
        value = _clean(m.group("value"))
        if is_role(value) and (m.group("label").lower() != "post" or is_title(value)):  # ('Post: Black Friday teaser')
            return value
    forms = [name] + ([name.split()[0]] if " " in name else []) if name else []
    for form in forms:
        for m in re.finditer(re.escape(form), ends if form == name else head):  # (at the foot, the whole name only)
            end = m.end()
            for _ in range(2):  # 'Name (Emily), English teacher': past a nickname to the role
                after = _AFTER_NAME.match(ends, end)
                if not after:
                    break
                value = _clean(after.group("inner") or after.group("next") or after.group("colon") or after.group("plain"))
                if is_role(value) and not _UNIT_NUMBER.match(value):  # not 'Sam Oduya (crew 2, boiler house)': his crew
                    return value
                if job := _after_name_or_number(after.group("inner") or ""):
                    return job
                if after.group("inner") or (after.group("plain") and unspaced(after.group("plain"))):
                    end = after.end()  # past a nickname or the name in another script: 'Kevin 王凯 (Data Engineer)'
                else:
                    break
            before = _role_before(ends[:m.start()])
            if before:
                return before
    if name and (below := _job_below(lines, forms)):
        return below
    heading = head.split("\n")[:2] + [line for line in head.split("\n") if _SUBJECT.match(line)]
    for line in heading:  # beside the name or nowhere: the heading's (or an email subject's) opening words
        opening = _ROLE_OPENS.match(line)
        if opening and is_role(opening.group("role")):
            return opening.group("role")
    yours = _written_to(text, name)  # 'you' further down is them too
    if not unnamed:
        return _in_passing(head, name) or _in_passing(text, name, named_only=True, to_them=yours)
    return (_in_passing(head, name) or _reviewed_as(head) or _by_trade(head) or _zh_among(head, name)  # near the top; later, of them by
            or _in_passing(text, name, named_only=True, to_them=yours) or _zh_among(text, name, named_only=True))  # name (or as 'you')


def _after_name_or_number(inner: str) -> str | None:
    """The job in a bracket after another form of the name ('Jo (陈佳怡, brewer)') or a staff number ('鹿雨桐（工号0417，
    销售员）')."""
    parts = [p.strip() for p in re.split(r"[,，]", inner)]
    if len(parts) == 2 and (is_name(parts[0]) or re.fullmatch(zh_name(), parts[0]) or _STAFF_NUMBER.fullmatch(parts[0])) \
            and is_role(parts[1]):
        return parts[1]
    return None


def _bracketed_below(lines: list[str], forms: list[str]) -> str | None:
    """A line wholly in brackets just under a heading that names the employee, which says who they are: 'Gaz – 1:1
    notes' over '(Gareth Pryce on payroll; lead installer, loft & cavity wall team)'."""
    for above, line in itertools.pairwise(lines[:3]):
        inner = re.fullmatch(r"\s*[(（](?P<inner>[^()（）]{4,120})[)）]\s*", line)
        if inner and any(re.search(rf"(?<!\w){re.escape(form)}(?!\w)", above) for form in forms):
            return inner["inner"]
    return None


_OTHERS_THERE = re.compile(r"""\b(?:with|cc|sitting\s+in|sat\s+in|observing|present|note[- ]?taker|notes\s+(?:taken|typed|written)|minutes
    |hr|covering|cover\s+for|on\s+behalf)\b""", re.I | re.X)


def _job_below(lines: list[str], forms: list[str]) -> str | None:
    """The job in the bracketed line under the heading (`_bracketed_below`): 'lead installer'; not in a line of others
    there ('(with Sam Lee, shift lead)'), nor one after a bare name, whose title it is ('(Sam Lee, shift lead)')."""
    below = _bracketed_below(lines, forms) or ""
    if _OTHERS_THERE.search(below):
        return None
    fields = [f.strip() for f in re.split(r"[;；,，]", below)]
    named = [m.group(0) for m in re.finditer(rf"{NAME_WORD}[ \t]{NAME_WORD}", below) if is_name(m.group(0))]
    if any(not any(n[:2].lower() == f[:2].lower() for f in forms) for n in named):
        return None  # another's name in it ('(Priya Shah, people partner)'); the employee's own in full shares their
        # nickname's start ('Gaz' of 'Gareth Pryce')
    for k, field in enumerate(fields):
        if is_role(job := _clean(field)) and not _UNIT_NUMBER.match(job):
            return None if k and is_name(fields[k - 1]) else job
    return None


def _written_to(text: str, name: str | None) -> bool:
    """The notes greet the employee by name in their opening lines ('Hi Nia,'), or call them by name further down ('So,
    Aoife, here's what we agreed.'), and speak to 'you' more than of 'him' or 'her': a letter to them, not a transcript
    nor an email to someone else."""
    if not name or unspaced(name):
        return False
    head, first = "\n".join(text.split("\n")[:3]), name.split()[0]
    greeted = re.search(rf"^\W*(?:hi|hello|hey|dear)\s+{re.escape(first)}\b", head, re.I | re.M) or any(
        (m["name"] or m["named"]) == first for m in CALLED_BY_NAME.finditer(text))  # or called by name: 'So, Aoife, here's …'
    return bool(greeted) and to_you(text)


_STAFF_NUMBER = re.compile(r"(?:工号|编号|staff\s*(?:no\.?|number|id)|emp(?:loyee)?\s*(?:no\.?|number|id)|id|#)\s*[:：#]?\s*[A-Z]{0,3}\d{2,8}", re.I)
_SUBJECT = re.compile(r"\W*(?:subject|主题)\s*[:：]", re.I)
_UNIT_NUMBER = re.compile(r"(?i:crew|gang|shift|watch|team|squad|line|bay|unit|group|zone|round|route)\s*\d+$")  # not a job: "crew 2"
# A role said in passing: 'He's a service technician on our food-site contracts', 'your first quarter as resourcer on
# the construction desk', 'when you were taken on as city carillonneur', 'one of our four snowmakers', 'he's still the
# best patroller', 'for your file (Cook in Charge, Oakfield Primary)', '她是我们的仓库管理员'.
_IN_PASSING = re.compile(r"""
    \b(?:(?<=\u00a7he),?(?=\s+(?:our|one\s+of\s+(?:our|the))\s)  # the employee named, then 'our …': 'sat down with Nadia our
      # dressmaker', 'Review was with Margrit Aebischer, one of our cave affineurs'
      |(?:he|she|they|(?<=\u00a7he,\s)who)(?:(?:'s|’s|\s+has|\s+have)\s+been|'s|’s|\s+is|\s+are|\s+works\s+as)
      |you(?:'re|’re|\s+are|['’]ve\s+been|\s+have\s+been)(?=\s+(?:still\s+|now\s+)?(?:a|an|the|our|one)\s)  # 'you're the senior
      # stillman', "you've been a groom in the top barn"
      |works\s+as|(?:first|second|third|new)\s+\w+\s+as
      |(?:your|her|his|their)\s+(?:work|job)\s+as  # 'what we talked about regarding your work as a milliner' (not 'his time as …')
      |(?<=\u00a7he)\s*=(?=\s+(?!(?:top|best|new|good|great|star|worst|old|former|ex)\b)[a-z])  # shorthand: 'Ray = valuer on
      # the counter, gold & watches' (not 'Ray = top seller in Q3 but …', 'Ray = new starter')
      |your\s+file|(?:he|she|they)\s+(?:was\s+|has\s+been\s+|got\s+)?(?:(?:moved|stepped)\s+(?:up\s+)?(?:in)?to|promoted\s+to)
      |(?:he|she|they)\s+(?:started|joined(?:\s+us)?)\s+as
      |(?:you|he|she|they)\s+(?:were|was|got|have\s+been|has\s+been)\s+(?:taken\s+on|hired|employed|appointed|recruited)\s+as
      |(?:had|has|have|got|put)\s+you\s+(?:down\s+)?as  # 'the Saturday rota has had you as the only valuer'
      |(?<![\w\u00a7])as(?=\s+(?:one\s+of|the\s+only|our\s+only)\s))\s+  # 'As one of our two realtime stenographers, your …',
      # 'As the only BSL interpreter on the contract, you'll …' (see `_of_them_after`)
    (?:(?:still|now|also)\s+)?(?P<article>(?:a|an|our|the|(?P<one>one\s+of\s+(?:our|the)(?:\s+(?:\d+|two|three|four|five|six))?))\s+
      (?:only\s+)?
      (?:[a-z][\w-]*['’]s\s+)?)?  # "the ward's hospital play specialist"
    \(?(?P<role>[A-Za-z][\w&/-]*(?:\s+(?:[A-Za-z][\w&/-]*|\d{1,2}(?=\s+[A-Za-z]))){0,4})  # ('line 2 operator')
  | (?:(?:他|她|(?<=[，,]))(?:就)?是(?:我们店里的?|我们组的?|我们的?|店里的?)?  # ('跟小周聊了一下，就是我们城西站的站长')
     |(?<![我们])作为\s*(?:一[名个位]\s*)?(?:[^，。,；;的\n]{1,12}的)?)  # '作为 US 站的运营专员，下面几项…' (not '我作为经理')
    \s*(?:[A-Za-z]+\s+)?(?P<zh>[\u4e00-\u9fff]{2,14})""", re.I | re.X)
_PASSING_CUT = re.compile(r"\s+(?:on|at|in(?!\s+charge)|for|with|(?:mon|tues|wednes|thurs|fri|satur|sun)days?|since|from|who|which|and|but|so|now|still|too|again|after|before|when|today|yesterday|this|last)\b.*$|\s*,.*$", re.I)


# Words that say more about someone than a job: "he's right about the grader", "she's top seller in the region".
_NOT_IN_A_BARE_JOB = frozenset({"right", "wrong", "good", "great", "better", "best", "top", "really", "very", "so", "too", "just",
                                "not", "always", "never", "about", "of", "to", "than", "as", "like", "over", "both", "all",
                                "union", "first", "fire", "acting"})


def _bare_job(phrase: str) -> bool:
    """A job said bare after "he's": two to four words of a title ("she's line 2 operator"), none a verb's past form,
    nor a duty besides the job ("he's union rep for the depot") or a word alone ("she's lead on the audit prep")."""
    words = phrase.lower().split()
    return 2 <= len(words) <= 4 and not words[0].endswith(("ed", "en")) and not _NOT_IN_A_BARE_JOB & set(words)


def _overlapping(pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """Every match of `pattern` in `text`, each searched from one character after the last one's start."""
    at = 0
    while (m := pattern.search(text, at)) is not None:
        yield m
        at = m.start() + 1


def _of_them_after(head: str, at: int, to_them: bool) -> bool:
    """The words after a role said as 'As one of our …,' say it is the employee's: their name, or 'you'/'your' in notes
    written to them."""
    after = re.match(r"[^,.;\n]{0,40}?,\s*(?P<who>\u00a7he|you|your)\b", head[at:], re.I)  # (past where: '… on the contract, you')
    return after is not None and (after["who"] == _NAMED + "he" or to_them)


_OF_OURS = re.compile(r"\bof\s+(?:our|the)\s+(?:\d{1,2}|two|three|four|five|six|seven|eight)\s+(?P<job>[a-z][\w-]*(?:\s[a-z][\w-]*)?)s\b", re.I)
# One of a trade, said in the plural after 'one of our': one to three lower-case words, the last a noun in the plural that
# names people who do something ('bill posters', 'snowmakers'), not 'best', 'customers' or 'regulars'.
_ONE_OF_A_TRADE = re.compile(r"(?:[a-z][\w-]*\s+){0,2}(?!(?:customers|clients|regulars|guests|members|people|staff|own|best|favourites)\b)[a-z][\w-]*[^s\W]s")
_NAMED = "\u00a7"  # marks where the employee's name stood, for `named_only`
_CLAUSE_OPENS = frozenset({"the", "that", "who", "whom", "they", "we", "i", "you", "everyone", "everybody", "most", "all"})


def _in_passing(head: str, name: str | None, named_only: bool = False, to_them: bool = False) -> str | None:
    """A role said in passing in `head`; with `named_only`, only one said of the employee by name ('Rhys is one of our
    four snowmakers'), not of 'he' or 'you', who may be anyone further down the notes; or, in notes written `to_them`,
    one said to them as 'you' ('you're the dietitian the ward sisters trust')."""
    if named_only and not name:
        return None
    if name and not unspaced(name):  # 'Gareth's been our tower crane op since …' as 'he's been …'
        head = re.sub(rf"\b(?:{'|'.join(re.escape(f) for f in (name, name.split()[0]))})\b", _NAMED + "he", head)
    elif name:  # '就是林晓雯我们店里的茶艺师嘛' as '她是我们店里的茶艺师'
        head = re.sub(rf"{re.escape(name)}(?:是?(?=我们|店里|组里)|是(?=[^，。,；;\n]{{1,6}}的))", _NAMED + "她是", head)
        # ('许朗是剪辑组的短视频剪辑师' as '她是剪辑组的短视频剪辑师')
    for m in _overlapping(_IN_PASSING, head):  # (overlapping: in "Nathan's one to one he's one of our bill posters" a
        # failed 'he's one to one he' must not swallow the 'he' of the next)
        yours = (to_them and re.search(r"\byou\b", m.group(0), re.I)  # (not a condition: 'When you're the duty manager …')
                 and not re.search(r"\b(?:if|when|whenever|once|until|unless|while)\s+$", head[max(0, m.start() - 12):m.start()], re.I))
        as_one = m.group(0)[:2].lower() == "as"  # 'As one of our two realtime stenographers, your …'
        of_them = as_one and _of_them_after(head, m.end(), to_them)
        if as_one and not of_them:
            continue  # 'As one of our two drivers on that route, Tom …': whose role it is is said after it
        if named_only and head[m.start() - 1:m.start()] != _NAMED and not _told(head, m.start()) and not yours and not of_them:
            continue
        phrase = m.group("role") or m.group("zh")
        phrase = _PASSING_CUT.sub("", phrase).strip(" .,()")
        if m.group("zh"):
            parts = [re.sub("[嘛呢啊吧呀哈了]+$", "", p) for p in re.split(r"[，。,、]", phrase)[0].split("的")]
            after = parts[1:] if re.search("[组部科店队间班室处厂站所]$", parts[0]) else []  # a team's: not '他的', '去年的'
            phrase = next((p for p in reversed(after) if is_role(p)), parts[0])[:8]  # '剪辑组的短视频剪辑师': after '的'
            if "作为" in m.group(0) and (re.match(r"[^，,。]*[，,]?\s*我", head[m.end():]) or leads_others(phrase)):
                continue  # '作为店长，我跟李强聊了…': the writer's own capacity
        else:  # 'the best patroller': the title without the words that praise or count
            if (ours := _OF_OURS.search(head, m.start("role"), m.start("role") + 80)) and ours.start() < m.end("role"):
                phrase = ours["job"]  # 'the most careful of our four riggers': a rigger
            words = phrase.split()
            bare = not m.group("article") and not re.search(r"(?:been|as|to|into|file|=)\s+\(?$", head[m.start():m.start("role")], re.I)
            said_bare = (bare and re.match(r"(?:he|she|they)['’]s\s", m.group(0), re.I) and _bare_job(phrase)
                         and is_role(phrase) and not says_no_job(phrase))
            if (bare and not said_bare) or (not m.group("article") and words and words[0].lower().endswith("ing")):
                continue  # 'she's reading every attachment', 'he's had to sister 11 of them': what they do, not what they are
                # (but a job said bare is hers: "she's line 2 operator in the bottling hall")
            while len(words) > 1 and words[0].lower() in spaced_words("not_first"):
                words = words[1:]
            # the title before a clause about it: 'the dietitian the stroke team trusts most' is a dietitian
            phrase = next((" ".join(words[:n]) for n in range(len(words) - 1, 0, -1)
                           if words[n].lower() in _CLAUSE_OPENS and is_role(" ".join(words[:n]))), " ".join(words))
            if m.group("one") and phrase.endswith("s") and _ONE_OF_A_TRADE.fullmatch(phrase) and not says_no_job(phrase[:-1]):
                return phrase[:-1]  # 'one of our four snowmakers', 'one of our bill posters': one of a trade, any trade
        if phrase and is_role(phrase) and not says_no_job(phrase):
            return phrase
    return None


# The review named by the employee's role: 'what we said in your 2D animator review', "our letterpress printer's review",
# "recap from this morning's PPC specialist 1:1" ('your' the employee's, or 'our' with the role's possessive: 'our QA
# review' is the QA team's).
_REVIEW_OF = re.compile(r"""\b(?:your\s+(?P<yours>(?:[\w&/-]+\s+){0,3}?[\w&/-]+?)|our\s+(?P<ours>(?:[\w&/-]+\s+){0,3}?[\w&/-]+?)(?:'s|’s)
    |(?:today|yesterday|this\s+(?:morning|afternoon|week))(?:'s|’s)\s+(?P<todays>(?:[\w&/-]+\s+){0,3}?[\w&/-]+?))  # "this morning's PPC specialist 1:1"
    \s+(?:review|1:1|1-1|appraisal|check-in|catch-up|supervision|probation)\b""", re.I | re.X)


# The one the talk was with, called by their trade: 'had the sit down in the cab with the harvester lad this morning'.
_BY_TRADE = re.compile(r"\b(?:with|to)\s+(?:the|our)\s+(?P<trade>[a-z][\w-]*(?:\s+[a-z][\w-]*)?)\s+(?:lad|lass|guy|girl|bloke|fella|chap)\b")


def _by_trade(head: str) -> str | None:
    """The employee's job where the notes call them by it ('with the harvester lad'), not a lead's ('the shift lead guy')."""
    m = _BY_TRADE.search(head)
    return m["trade"] if m and is_role(m["trade"]) and not leads_others(m["trade"]) and not says_no_job(m["trade"]) else None


def _reviewed_as(head: str) -> str | None:
    """The employee's job as the review is named after it ('your 2D animator review'); not which review it is ('your
    annual review', 'your mentor catch-up'), nor the one who gives it ('your manager review')."""
    kinds = spaced_words("review_kinds")
    for m in _REVIEW_OF.finditer(head):
        words = (m.group("yours") or m.group("ours") or m.group("todays")).split()
        while len(words) > 1 and words[0].lower() in spaced_words("not_first"):
            words = words[1:]
        phrase = " ".join(words)
        if (is_role(phrase) and not says_no_job(phrase) and not leads_others(phrase)
                and not any(w.lower() in kinds for w in words) and not (len(words) == 1 and phrase.isupper())):
            return phrase
    return None


# One among others of a trade, said of the employee: '他是我们这司炉工里干得最久的', '你是组里最早的一批数据采集员',
# '她是咱们签的几个配音演员里嗓子最好的', '他是车间里最好的焊工'.
# ('他在 team 里算是最能扛事的 biostatistician 了': where they are among others may come first, and 'counts as')
_ZH_AMONG = re.compile(rf"""(?P<line>^[^\n]*?)(?P<who>[他她你{_NAMED}])(?:\s*在[^，。,；;\n]{{1,12}}?里)?\s*(?:算|也算|可以说|应该)?是(?!不是)
    (?P<words>[^，。,；;！？\n]{{2,24}})""", re.M | re.X)
TALK_CHARACTERS = re.compile("[的是就跟了我你他她们这那很在和说咱得个位名批些种]")


def _zh_among(text: str, name: str | None, named_only: bool = False) -> str | None:
    """A role said of the employee in Chinese, as the longest job title its words end with (or end with before '里':
    '…配音演员里嗓子最好的'); with `named_only`, only one said of them by name or as 'you' (the one the notes talk to),
    not as 'he' or 'she', who may be anyone. Not the employee's own line ('张建军：你是经理'), nor someone's relation
    to another ('她是他的带教老师'), nor an award ('今年的优秀员工之一')."""
    if name and unspaced(name):
        text = text.replace(name, _NAMED)
    for m in _ZH_AMONG.finditer(text):
        if (named_only and m.group("who") not in ("你", _NAMED)) or re.match(rf"\W*{_NAMED}\s*[:：]", m.group("line")):
            continue
        said = re.split(r"\s*[了嘛呢啊吧呀哈]+(?:\s|$)", m.group("words"))[0]  # "…的 biostatistician 了 先说…"
        if re.search("[他她你我]的", said):
            continue
        for words in (said, said[:said.rfind("里")] if "里" in said else ""):
            words = re.sub(r"^[一两二三四五六七八九十几多]+[批个位名]", "", re.split(r"[的是里]", words)[-1].strip())
            for start in range(len(words) - 1):  # the longest that is a title: '我们这司炉工' holds '司炉工'
                phrase = words[start:]
                if (is_role(phrase) and not TALK_CHARACTERS.search(phrase) and not says_no_job(phrase)
                        and not says_no_job(phrase[-2:]) and not leads_others(phrase)):
                    return phrase
    return None


def _told(text: str, at: int) -> bool:
    """The words at `at` tell the employee what they are ("[00:02:30] Fiona Gallacher: You're the senior stillman on
    nights"): said as 'you' at the start of a named speaker's line who is not the employee (whose 'you' is the manager),
    not in an email to someone else, a quote or a condition ('If you're the first aider on shift, …')."""
    before = text[text.rfind("\n", 0, at) + 1:at]
    return text[at:at + 3].lower() == "you" and bool(_SPEAKER_OPENS.fullmatch(before)) and _NAMED not in before


# A transcript line's opening up to its words, by a speaker named in full or as the manager: '[00:02:30] Fiona
# Gallacher: ', 'Mgr: ' (not 'Emp:' nor initials, who may be the employee).
_SPEAKER_OPENS = re.compile(r"\W*(?:\d{1,2}:\d{2}(?::\d{2})?\W*)?(?:[A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+){1,2}|(?i:mgr|manager|me))\s*[:：]\s*")


def _role_before(text: str) -> str | None:
    """'Night auditor Femi', 'Agent: Kwame', 'w/ Steel fixer Luke', '前台主管 王磊': a role written just before the name."""
    line = text.split("\n")[-1]
    zh = re.search(r"([\u4e00-\u9fff]{2,10})\s*[:：]?\s*$", line)
    if zh:  # '3月5日与仓库拣货员 李强': the words after the last joining character
        phrase = re.split(r"[与和跟同及的为是日月年号]", zh.group(1))[-1]
        if is_role(phrase):
            return phrase
    m = re.search(r"(?:^|[|,;(]\s*|[-–—:]\s+|(?<!\S)(?:w/|with)\s+)((?:[A-Za-z][\w'-]*\s+){0,3}[A-Za-z][\w'-]*)\s*:?\s*$", line)
    if m and is_role(m.group(1)) and any(words.search(m.group(1).split()[-1]) for words in job_words()[:2]):  # ('EA Joanna')
        return m.group(1)
    return None


# Someone named beside a title: 'Lisa Marsh | Area Catering Supervisor', 'reviewer: D.S. (branch manager)',
# 'Owner: Kevin Zhao（Partner）', '提交人：前厅经理 戴振华'.
@lru_cache(maxsize=1)
def _person() -> re.Pattern[str]:
    return re.compile(rf"{NAME_WORD}[ \t]+(?:{NAME_WORD}|[\u4e00-\u9fff]{{1,3}}(?=\s*[(（]))|(?<![A-Za-z])(?:[A-Z]\.){{2,3}}|{zh_name()}")


# Between the fields of a line, never inside brackets: 'Fiona Macrae (Marine Services Manager) / Callum Reid (…)'.
_FIELD_SEP = re.compile(r"(?:\s[/|–—-]+\s|(?<=[)）])\s*/|[|｜;；,，、\t]|——)(?![^(（]*[)）])")


_BRACKETED_AFTER_NAME = re.compile(rf"(?P<name>{NAME_WORD}(?:[ \t]{NAME_WORD})?)[ \t]*[(（][ \t]*$")


def someone_elses(text: str, role: str, name: str | None) -> bool:
    """Every mention of `role` in the notes is in a field of its line that names another person and not the employee
    `name`: it is their title, not the employee's. Unknown where the employee's name is."""
    if not name:
        return False
    forms = [f for f in (name, *name.split()) if len(f) >= 2]
    if _job_below(text.split("\n", 3)[:3], forms) == role:
        return False  # (the full name in that line is theirs: '(Gareth Pryce on payroll; lead installer, …)')
    mentions = list(re.finditer(re.escape(role), text))
    for m in mentions:
        start = text.rfind("\n", 0, m.start()) + 1
        if (owner := _BRACKETED_AFTER_NAME.search(text, start, m.start())) and is_name(owner["name"]) \
                and not any(f in owner["name"] for f in forms):
            continue  # in brackets after another's name: '与 Mina（HRBP）的聊天记录'
        line = text[start:text.find("\n", m.end()) % (len(text) + 1)]
        cuts = [0, *(c.end() for c in _FIELD_SEP.finditer(line)), len(line) + 1]
        k = bisect.bisect_right(cuts, m.start() - start) - 1
        field, before = line[cuts[k]:cuts[k + 1]], line[cuts[k - 1]:cuts[k]] if k else ""
        if is_name(before.strip(" |｜,，;；/—–-")):
            field = before + field  # 'Lisa Marsh | Area Catering Supervisor', 'Kevin Mallory, pinsetter technician'
        people = (re.sub(r"[ \t]*[\u4e00-\u9fff]+$", "", p.group(0)) for p in _person().finditer(field.replace(role, " ")))
        if any(f in field for f in forms) or not any(not p or is_name(p) for p in people):  # '戴振华', 'Kevin 陈'
            return False
    return bool(mentions)

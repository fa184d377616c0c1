"""Who a Chinese note is about, from the layouts Chinese notes use, whatever the name: '跟郭子豪聊9月的情况',
'吉克阿木（站务员，B岗）', '阿强（黄志强，热菜厨师）', '绩效面谈 ｜ 马俊 ｜ 拣货员', '陈凯，今天聊的…', '收件人：宋文博'.
A name found in one of these places needs no surname from the list; elsewhere (`header.candidates`) it does.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from ..lexicon import load, not_in_given_names, vocab_list, zh_name
from ..notes.attendees import is_hr
from ..notes.names import team_initials
from .role import is_role, leads_others, role_beside

_CJK_NAME = r"[\u4e00-\u9fff]{1,4}(?:·[\u4e00-\u9fff]{2,4})?"
# Words of a note's heading that are never a name.
_NOT_NAME = re.compile(
    r"面谈|谈话|绩效|记录|纪要|要点|月度|季度|年度|部门|项目|门店|主题|会议|沟通|情况|今天|下午|上午|晚上|参加|在场|"
    r"时间|地点|对象|参会|与会|出席|员工|同事|客户|老师们|大家|我们|他们|她们|领导|公司|团队|小组|班组|夜班|早班|中班|白班|巡店|汇报|日志|"
    r"聊天|微信|钉钉|飞书|邮件|问答|整理|关于|本月|上月|本周|节选|例会|周会|周例|发件|收件|抄送|日期|附件|你好|您好|"
    r"背景|备注|补充|说明|结论|总结|小结|其他|另外|简单|方便|许多|标题|描述|评论|待办|跟进|^周[一二三四五六日天末]$|星期|礼拜|"
    r"家属|家长|顾客|病人|患者|乘客|游客|住户|业主|用户|会员|学员|学生|玩家|供应商|厂家|新人|实习生|临时工|^(?:老板|老大|小朋友|小伙子|小姑娘)$|^[他她我你它咱]|"  # '跟家属沟通',
    # '跟新人 1on1': people, not a name (nor the boss, '跟老板 1on1')
    r"(?:中心|集团|部|站|科|处|局|院|所|厂|店|馆|队)$"  # the end of a place's or a team's name: '(仓)储中心'
)
_PAREN = re.compile(r"(?:^|[\s，,、：:（(|｜—-]|跟|和|与|同|对)(小?" + _CJK_NAME + r")(?:同志|女士|先生|师傅)?\s*(?:[A-Z][a-z]+\s*)?"
                    r"[（(]\s*([^）)\n]{1,40})[）)]")  # '韦春梅同志（收费员，工号…）'
# '跟郭子豪聊9月的情况', '和导购员小周谈', '跟 Coco 的 review', '与ZHQ面谈', '跟 Marcus 喝了杯咖啡', '跟许沫 1on1': the one talked with, by a
# Chinese name, a Latin name or initials.
@lru_cache(maxsize=1)
def _talk() -> re.Pattern[str]:
    jobs = "|".join(sorted({*vocab_list("roles", "suffixes", "zh"), "工", "管", "手"}, key=len, reverse=True))  # '叉车司机'
    return re.compile(rf"""(?:跟(?![进踪])|和|与|同|找)\s*(?:(?:(?![做谈聊])[\u4e00-\u9fff]){{1,10}}的|[\u4e00-\u9fff]{{0,6}}(?:{jobs})\s*)?  # (not '跟进事项':
    # follow-up; the team before a name: '跟教练组的韩冬聊了聊')
    (?:[老小阿](?P<surname>[\u4e00-\u9fff])(?=(?P=surname)[\u4e00-\u9fff]))?  # a nickname before the full name: '跟老刘刘建国谈'
    (?P<name>(?:(?![{not_in_given_names()}])[\u4e00-\u9fff]){{2,6}}?(?:·[\u4e00-\u9fff]{{2,4}})?|[A-Z][a-z]+|[A-Z]{{2,4}})\s*(?:老师|师傅)?\s*(?:[A-Z][a-z]+\s*)?  # '跟 周雪 Yuki 的'
    (?:(?<=[a-z])\s+[\u4e00-\u9fff]{{1,3}}(?=\s*[（(])\s*)?  # a Latin name's Chinese surname before a bracket: '跟 Cindy 周 (医药代表) 做了 review'
    (?:(?<=[a-z])\s+(?P<zh_after>{zh_name()})\s*(?=的))?  # a Latin name's Chinese name after it: '您与 Grace 周雨婷 的绩效面谈'
    (?:[（(]\s*(?:(?P<full>{zh_name()})\s*(?:[，,]\s*(?![^（()）\n]*(?:也在|在场))[^（()）\n]{{1,16}})?  # a nickname's full name: '跟阿杰（陈杰）谈',
      |(?![^（()）\n]*(?:也在|在场))[^（()）\n]{{1,20}})[）)]\s*)?  # '跟贾师傅（贾春生，男宾部搓澡师傅）谈了' (and the job after it); a job alone
    (?:聊|谈|面谈|做[了完的]?(?:一次)?(?:绩效|月度|季度|年度|半年|督导)?\s*(?:面谈|反馈|谈话|review|1:1|1-1|one-on-one)|沟通
      |的\s*(?:绩效|月度|季度|年度|半年)?\s*(?:面谈|谈话)|简单聊|喝了?|吃了?
      |的\s*(?:review|1:1|1-1|one-on-one|check-in)|(?P<one_on_one>(?:\s|(?<=[\u4e00-\u9fff]))(?:1\s?on\s?1|1v1|1:1|1-1|one-on-one)(?![\w:-])))""", re.X)
_WITH_ROLE = re.compile(r"(?:跟|和|与|同)\s*([\u4e00-\u9fff]{2,4}?|[A-Z][a-z]+|[A-Z]{2,4})的?\s*[，,、]")  # '与ZHQ，布草分拣岗', '跟梅秀兰的，刺绣师'
# '主题：服务顾问邬海龙面谈记录', '前台接待欧阳琳 5月绩效面谈', '拉坯师傅 何小军': a job title run straight into a name
@lru_cache(maxsize=1)
def _title_name() -> re.Pattern[str]:
    return re.compile(r"(?:员|(?<!带教)师傅|师|工|顾问|专员|助理|主管|接待|老师|教练|护士|司机|骑手|店长|组长|班长)\s?(" + zh_name() +
                      r")(?=[^\u4e00-\u9fff]|[进在的是和与说表认每负于将要对为面谈月我昨今这]|$)")  # not '李强进(行)'


_DATED_NAME = re.compile(r"^\W*\d{1,4}[./-]\d{1,2}(?:[./-]\d{1,4})?\s+(?P<name>[\u4e00-\u9fff]{2,3})\s*$")
_FIELDS = re.compile(r"[｜|—–/，,；;（）()]|\s+")  # brackets too: "（顾晓雯，仓库理货员；主管严立新）"
# Labels that name the one who held or wrote the interview, not the employee.
_INTERVIEWER = re.compile(r"面谈人|面谈经理|记录人|记录[:：]|主持|督导|直属上级|^by$", re.I)
_MEETING = re.compile(r"面谈(?!人|经理)|谈话(?!人)|(?<![\w-])(?:1:1|1-1|121|one-on-one|check-in|review|chat|catch-up)(?![\w-])", re.I)
_SALUTATION = re.compile(r"^([\u4e00-\u9fff]{2,3})[，,：:]")
_RECIPIENT = re.compile(r"^(?:收件人|致|to)\s*[:：]\s*(.+)$", re.I)


# A form's field naming the one interviewed: '被面谈人：乌兰其其格', '员工姓名：李雷'.
# '被面谈人：甘露', '面谈对象：夜审 骆国平' (the role before the name), '被评估人：德吉卓玛'
_INTERVIEWEE = re.compile(r"""(?:被面谈人|面谈对象|被谈话人|谈话对象|被考核人|考核对象|被评估人|评估对象|面谈员工|员工姓名|姓名)\s*[:：]\s*
    (?:[\u4e00-\u9fff]{2,8}[ \t\u3000]+(?![\u4e00-\u9fff]{2,8}\s*[:：]))?([\u4e00-\u9fff]{2,8}(?:·[\u4e00-\u9fff]{2,6})?)""", re.X)


def may_be_named(token: str) -> bool:
    """A Chinese token that may refer to a person, by name or title ('苏晓梅', '韩科长'): not a label word, a time, a
    place or a team ('储中心' of '仓储中心')."""
    return not _NOT_NAME.search(token)


@lru_cache(maxsize=1)
def _written_as_a_name() -> re.Pattern[str]:
    return re.compile(rf"{zh_name()}|[老小阿][\u4e00-\u9fff]|[A-Z][a-z]+|[A-Z]{{2,4}}")


def _talks(text: str) -> Iterator[re.Match[str]]:
    """`_talk`'s matches from each word of meeting in turn, overlapping: '跟王组长一起跟李婷谈话' is a talk with 李婷."""
    for at in (m.start() for m in re.finditer("[跟和与同找]", text)):
        if found := _talk().match(text, at):
            yield found


def _talked_with(m: re.Match[str]) -> bool:
    """`_talk`'s match names a person: a plausible name, and after '1on1' only a name as names are written ('跟许沫 1on1',
    '跟 Kevin 1on1', '跟小许 1on1'; not '跟老板 1on1', '跟拣货组 1on1', '跟每个人 1on1')."""
    return _plausible(m["name"]) and (not m["one_on_one"] or bool(_written_as_a_name().fullmatch(m["name"])))


def surname_titled(token: str) -> bool:
    """A colleague called by surname and title ('刘社工', '王护士'): a person, not a job."""
    return _surname_titled().fullmatch(token) is not None


def _plausible(token: str) -> bool:
    if surname_titled(token):
        return True  # '刘社工', '王护士': a colleague called by surname and title
    token = token.lstrip("小老阿") if len(token) > 2 else token
    return (2 <= len(token.replace("·", "")) <= 9 and not _NOT_NAME.search(token) and not is_role(token)
            and token not in _label_words() and not team_initials(token)  # '跟HR沟通过了': no one's name
            and not re.search(f"[{not_in_given_names()}]", token))  # '随手记', '教练组的韩冬': words, not a name


@lru_cache(maxsize=1)
def _surname_titled() -> re.Pattern[str]:
    roles = load("vocabulary", "zh")["roles"]
    return re.compile(f"[{roles['surnames']}](?:{'|'.join(roles['surname_titles'])})")


@lru_cache(maxsize=1)
def _label_words() -> frozenset[str]:
    """What Chinese notes label their lines with ('背景：', '目标：', '原因：'): no one's name."""
    return frozenset(w for words in load("vocabulary", "zh")["labels"].values() for w in words)


def _bracketed(text: str) -> Iterator[tuple[str, str]]:
    """(name, title) for each 'X（role…）' or 'nickname（full name，role）' in `text`."""
    for m in _PAREN.finditer(text):
        outer, parts = re.sub(r"^(?:跟|和|与|同|对|找)", "", m.group(1)), [p.strip() for p in re.split(r"[，,、;；]", m.group(2))]
        outer = re.sub(r"(?<=[\u4e00-\u9fff]{2})(?:同志|女士|先生|师傅)$", "", outer)  # '蒋文同志（叉车司机，…）'
        if outer in ("我", "本人"):
            continue
        named = None
        talked = _talk().match(parts[0] + "谈") if len(parts) > 1 else None  # '随手记（跟金美善谈话，救生员，B池）'
        if talked and _talked_with(talked) and any(is_role(p) for p in parts[1:]):
            named, parts = talked["full"] or talked["name"], parts[1:]
        elif len(parts) > 1 and re.fullmatch(zh_name(), parts[0]) and any(is_role(p) for p in parts[1:]):
            named, parts = parts[0], parts[1:]
        elif any(is_role(p) or is_role(p.split()[0]) for p in parts if p) and _plausible(outer):
            named = outer
        if named:
            yield named, next((p for p in parts if p and (is_role(p) or is_role(p.split()[0]))), "")


def leader_zh(lines: list[str], employee: str | None) -> str | None:
    """The one a Chinese note's opening lines title as leading others ('钱卫东（仓储部经理）'), when that is not the
    employee: the manager."""
    head = "\n".join(line.strip() for line in lines[:8])
    titled = next((named for named, title in _bracketed(head) if leads_others(title) and named != employee), None)
    return titled or _announcer(lines[:8], employee)


_SPEAKER_TAG = re.compile(r"^\s*(" + _CJK_NAME + r")\s*[:：]")


def _announcer(lines: list[str], employee: str | None) -> str | None:
    """The one whose line says they talked with the employee ('苏晴：今天下午和潜水员郑浩做了绩效面谈'): the manager."""
    for line in lines:
        tag, talked = _SPEAKER_TAG.match(line), _talk().search(line)
        if tag and talked and _talked_with(talked) and talked["name"] == employee and tag.group(1) != employee and _plausible(tag.group(1)):
            return tag.group(1)
    return None


# A heading is no longer than this before its remarks ('其他说明：…'); a longer first line is a memo run together, whose
# words are no header's fields.
_HEADING_CHARS = 120


def _heading_like(line: str) -> bool:
    """A short line that names, not a sentence about someone ('Jun 是 payments infra 组的 SRE，这是他…', '他是 QA tester，入职
    14 个月'): no 'he', 'she' or 'you', and no '是' after a name in letters ('主要是找零', '面谈人：我' are headings)."""
    opening = re.split(r"。|(?:其他)?说明\s*[:：]|备注\s*[:：]", line, maxsplit=1)[0]
    return len(opening) <= _HEADING_CHARS and not re.search(r"[他她你]|[A-Za-z]\s*是(?!否)", opening)


# A chat export's speaker, titled, before the time of the message: '郑海涛（店长） 15:32：'.
_CHAT_SPEAKER = re.compile(r"^\s*" + _CJK_NAME + r"\s*[（(][^（()）\n]{1,12}[)）]\s*\d{1,2}:\d{2}(?::\d{2})?\s*[:：]")


def _without_chat_speakers(head: list[str]) -> str:
    """The opening lines without a chat export's titled speakers: who posts is no more the employee than anyone
    ('郑海涛（店长） 15:32：今天中午跟马小东做了绩效面谈' is about 马小东; '刘师傅（厨师长） 15:39：…' only speaks)."""
    return "\n".join(_CHAT_SPEAKER.sub("", line) for line in head)


def employee_zh(lines: list[str]) -> str | None:  # noqa: C901 -- predates the complexity budget
    """The employee's name in a Chinese note's opening lines, or None."""
    head = [line.strip() for line in lines[:8] if line.strip()]
    text = "\n".join(head)
    form = _INTERVIEWEE.search(text)
    if form and _plausible(form.group(1)):
        return form.group(1)
    leader = None  # one titled as leading others: the employee unless the opening lines name someone else by their job
    for named, title in _bracketed(_without_chat_speakers(head)):
        if is_hr(title) and re.search(rf"^(?i:to|cc|收件人|抄送)\s*[:：].*{re.escape(named)}", text, re.M):
            continue  # 'To: 周婷 (HRBP)': the mail's reader in HR, not the one the plan is about (who may work in HR)
        if leads_others(title):
            leader = leader or named
        else:
            return named
    if leader:  # only the clear layouts may name another: '跟X聊', '导诊员陈晓燕'; the weaker ones below would not
        talked = next((m["name"] for m in _talks(text) if _talked_with(m) and m["name"] != leader), None)
        titled = next((t.group(1) for line in head[:5] if (t := _title_name().search(line)) and _plausible(t.group(1))), None)
        return talked or (titled if titled != leader else None) or leader
    for m in _talks(text):
        if _talked_with(m):
            return m["full"] or (f"{m['name']} {m['zh_after']}" if m["zh_after"] else m["name"])  # ('Grace 周雨婷')
    for m in _WITH_ROLE.finditer(text):  # '人员面谈（周五与ZHQ，布草分拣岗）'
        if _plausible(m.group(1)) and role_beside(text, m.group(1), unnamed=False):
            return m.group(1)
    for line in (line for line in head[:2] if _heading_like(line)):  # '绩效面谈 ｜ 马俊 ｜ 拣货员', '11.2 黎秀英 收银员 面谈'
        tokens = [t for t in _FIELDS.split(line) if t]
        tokens = [re.sub(r"[（(][^）)]*[）)]?", "", t) for t in tokens]  # '拣货员（B区夜班）'
        jobbed: list[tuple[str, bool]] = []  # each name beside a job, and whether the job leads others
        for i, token in enumerate(tokens):
            near = [re.split("[:：]", n)[-1] for n in tokens[max(0, i - 1):i] + tokens[i + 1:i + 2]]
            if i and _INTERVIEWER.search(tokens[i - 1]):
                continue
            token = token.split("：")[-1].split(":")[-1]
            if re.fullmatch(_CJK_NAME, token) and _plausible(token) and (jobs := [n for n in near if is_role(n)]):
                jobbed.append((token, all(leads_others(j) for j in jobs)))
        if jobbed:  # '船长 陈国栋 跟 轮机员 黄启明': the one whose job leads no one, else the first
            return next((name for name, leads in jobbed if not leads), jobbed[0][0])
    # '10/9 宋立新 修表 谈话', '手语翻译 1:1 — 周美琳 Mei — 14 Jul': a full name on the meeting's line
    for line in (line for line in head[:2] if _heading_like(line)):
        if _MEETING.search(line) and not re.search(r"面谈人|面谈经理|记录人|reviewer|interviewer|manager", line, re.I):
            tokens = [part for t in _FIELDS.split(line) if t  # '许主任与钱立文' (not '王和平')
                      for part in ([t] if re.fullmatch(zh_name(), t) else re.split("[与和跟]", t)) if part]
            full = next((t for t in tokens if re.fullmatch(zh_name(), t) and _plausible(t) and not surname_titled(t) and not leads_others(t[1:])
                         and not re.search(rf"(?:带教|师傅|师父|陪同|旁听)\s*{t}|{t}\s*(?:也在|在场|陪同|旁听)", line)), None)
            if full:
                return full
    dated = _DATED_NAME.match(head[0] if head else "")  # '11.20 老周', '3/5 王海涛': a date and a name, nothing else
    if dated and (re.fullmatch(zh_name(), dated["name"]) or re.fullmatch(r"[老小阿][\u4e00-\u9fff]", dated["name"])):
        return dated["name"]
    for line in head[:5]:
        titled = _title_name().search(line)
        if titled and _plausible(titled.group(1)):
            return titled.group(1)
    recipients = [to.group(1) for line in head if (to := _RECIPIENT.match(line))]
    for r in recipients:
        name = re.search(zh_name(), r)
        if name and not is_hr(r):  # (not 'To: 周婷 <christine.zhou@…>', whose address holds 'hr')
            return name.group(0)
    for line in head[:3]:
        greeted = _SALUTATION.match(line)
        if greeted and _plausible(greeted.group(1)) and not any(greeted.group(1)[-2:] in r for r in recipients):
            return greeted.group(1)
    return None

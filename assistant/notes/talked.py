"""In a chat between the manager and a third person (ops, HR, their own boss), the employee is the one a message
says the manager just talked with: 'Had the 1:1 with Owen (the new glazier) this morning', 'writing up my chat with
@owen.price', '仓库的叉车司机大刘今天聊了吗', '刚跟阿凯聊完'. Not the chat's other party, whom the app's title names
('Texts with Priya (payroll)', 'WhatsApp chat with Priya')."""
from __future__ import annotations

import collections
import re
from functools import cache

from ..lexicon import talked_of
from ..reader.role import is_role, leads_others, role_like
from ..textutil import NAME_WORD
from .attendees import is_hr
from .labels import chat_turns
from .names import is_name

# A talk the writer had with someone, and who: the name, a chat handle ('@owen.price') or a bracket after it.
_TALK_EN = re.compile(rf"""\b(?i:
      (?:1:1|1-1|one[- ]to[- ]one|review|chat|talk|catch[- ]?up|check[- ]?in|sit[- ]?down|conversation)[ \t]+(?:with|w/)
    | (?:talked|talking|spoke|spoken|speaking|chatted|chatting|met|meeting|sat[ \t]+down)[ \t]+(?:to|with)
    | (?i:saw)(?=[^\n]{{0,80}}\b(?:chat|talk|1:1|review|catch[- ]?up)\b))
    [ \t]+@?(?P<name>[a-z]+[._][a-z]+|{NAME_WORD}(?:[ \t]{NAME_WORD})?)
    (?:[ \t]*[(（](?P<inner>[^()（）\n]{{2,60}})[)）])?""", re.X)
_TALK_VERB_ZH = r"(?:今天|刚才|刚刚|刚|上午|下午|早上|晚上)?[ \t]*(?:聊|谈|面谈|沟通|(?:做完|做了|开完|开了)[ \t]*(?:review|1:1|1on1))"
# A message's stamp before its speaker: '[03/05/2027, 09:12] ', '14/06/2024, 18:41 - ', '[09:12] ', and a handle's '@'.
_STAMP = re.compile(r"""^\s*(?:\[[^\]\n]{3,30}\][ \t]*(?:[-–][ \t]*)?
    | \d{1,4}[/.-]\d{1,2}[/.-]\d{1,4},?[ \t]+\d{1,2}:\d{2}(?:[ \t]*[AaPp][Mm])?[ \t]*[-–][ \t]*)@?""", re.X)
_CHAT_TITLE = re.compile(r"(?i)\b(?:chat|texts?|whatsapp|messages?|slack|teams|wechat|export)\b|聊天|群|微信|钉钉|飞书")


@cache
def _zh_talk() -> re.Pattern[str]:
    """A talk said in Chinese, with a Chinese name ('仓库的叉车司机大刘今天聊了吗') or, after 跟/和/与, a Latin one ('刚跟
    Ah Keung 做完 review'; not 'Google reviews')."""
    person = talked_of()
    latin = r"[A-Z][a-z]+(?:[ \t][A-Z][a-z]+)?"
    return re.compile(rf"(?:跟|和|与)?[ \t]*(?P<before>[\u4e00-\u9fff]{{0,10}}?)(?P<name>{person})[ \t]*{_TALK_VERB_ZH}"
                      rf"|(?:跟|和|与)[ \t]*(?P<latin>{latin})[ \t]*(?:{_TALK_VERB_ZH}|review|1:1)")


def _handle_name(handle: str) -> str:
    """'owen.price' as 'Owen Price'."""
    return " ".join(w.capitalize() for w in re.split(r"[._]", handle)) if re.fullmatch(r"[a-z]+[._][a-z]+", handle) else handle


def _job_in(inner: str | None) -> str | None:
    """The job a bracket gives: 'the new glazier' as 'glazier', 'our weekend tour guide'."""
    for part in re.split(r"[,，;；]", inner or ""):
        job = re.sub(r"^(?:the|our|a|an|my)[ \t]+(?:new[ \t]+)?", "", part.strip(), flags=re.I)
        if job and (is_role(job) or role_like(job)) and not leads_others(job):
            return job
    return None


def _job_before(before: str) -> str | None:
    """The job said just before a Chinese name: '仓库的叉车司机' before '大刘' as '叉车司机'."""
    for start in range(len(before) - 1):
        if is_role(before[start:]) and not leads_others(before[start:]):
            return before[start:]
    return None


def talked_with(lines: list[str]) -> tuple[str, str | None, str | None] | None:
    """The employee, their job and the writer (None where a 'Me:' tag names them), where the first messages of a chat
    between two or more people say whom the writer talked with, and that person takes no part in the chat."""
    turns = [(re.sub(r"[ \t]+\d{1,2}:\d{2}$", "", tag), said)  # ('Coco 李 15:31: …': the time after the name)
             for tag, said in chat_turns([_STAMP.sub("", line) for line in lines[:15]])]
    stamped = sum(1 for line in lines[:15] if (m := _STAMP.match(line)) and m.group().strip())
    spoke = collections.Counter(speaker for speaker, _ in turns)
    if not turns or (stamped < 2 and not _CHAT_TITLE.search(lines[0]) and (len(spoke) < 2 or spoke.most_common(1)[0][1] < 2)):
        return None  # a chat: stamped messages, a chat app's title, or two speakers one of whom speaks again (not a form's
        # or a mail's fields: 'From: Lena Marsh' over 'Subject: your 1:1 with Colm')
    speakers = {speaker.lower() for speaker, _ in turns}
    for at, (tag, said) in enumerate(turns[:6]):
        speaker = None if tag.lower() in ("me", "i", "我") else _handle_name(tag)  # ('Me: Had the 1:1 with Owen'): the writer, unnamed
        if re.search(r"[吗？?]\W*$", said):  # asked ('大刘今天聊了吗'): the one who answers had the talk
            speaker = next((other for other, _ in turns[at + 1:] if other != tag), None)
        for m in _TALK_EN.finditer(said):
            name = _handle_name(m["name"])
            if re.match(r"[^\n]{0,40}?\babout\b", said[m.end():]) or is_hr(m["inner"] or ""):
                continue  # a talk about someone else, or with HR: 'a chat with Gareth (payroll) about Tom's overtime'
            if is_name(name) and name.lower() not in speakers and not any(name.split()[0].lower() in s for s in speakers):
                return name, _job_in(m["inner"]), speaker
        for m in _zh_talk().finditer(said):
            name = m["name"] or m["latin"]
            if name.lower() not in speakers and not any(name.lower() in s for s in speakers):
                return name, _job_before(m["before"] or ""), speaker
    return None

"""What the reader looks at in a sentence: its words, its characters, its shape and its neighbours.

Every feature is a short string ("w:missed", "zh:投诉", "kind:action", "prev:target") hashed into a
fixed number of buckets, so the model is a plain weight table and new words need no vocabulary.
Names are replaced by their role (EMP, MGR) and digits by 0, so what is learnt from one note carries
to the next employee and the next figure.
"""
from __future__ import annotations

import re
import zlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..notes import NotesAnalysis, Sentence

BUCKETS = 1 << 17

_WORD = re.compile(r"[a-z0]+(?:['’][a-z]+)?|[%$€£¥>|:#@?!]")
_CJK_RUN = re.compile(r"[\u3400-\u9fff]+")
_DIGITS = re.compile(r"\d+(?:[.,]\d+)?")
_OPENING = re.compile(r"""
    ^\s*(?P<mark>
        >+                       # a quoted e-mail line
      | \|                       # a table row
      | [-*•·▪◦+]                # a bullet
      | \#{1,6}                  # a Markdown heading
      | \[\d{1,2}:\d{2}(?::\d{2})?\]   # a transcript time stamp
      | \d{1,2}[.)、]            # a numbered item
    )""", re.VERBOSE)


def _bucket(feature: str) -> int:
    return zlib.crc32(feature.encode("utf-8")) % BUCKETS


def _names_replaced(text: str, analysis: NotesAnalysis) -> str:
    for alias in sorted(analysis.employee_aliases, key=len, reverse=True):
        text = text.replace(alias, " EMP ")
    for alias in sorted(analysis.manager_aliases, key=len, reverse=True):
        text = text.replace(alias, " MGR ")
    return text


def _words(text: str) -> list[str]:
    return _WORD.findall(_DIGITS.sub("0", text).lower().replace("emp", " emp ").replace("mgr", " mgr "))


def sentence_features(analysis: NotesAnalysis, index: int) -> list[str]:
    """The feature strings of sentence `index`, with what surrounds it."""
    s = analysis.sentences[index]
    text = _names_replaced(s.text, analysis)
    body = _names_replaced(s.body, analysis)
    feats = ["bias", f"kind:{s.rule_kind}", f"label:{s.label}", f"speaker:{s.speaker}",
             f"actor:{s.actor.owner if s.actor else None}", f"lang:{analysis.language}"]
    words = _words(body)
    feats += [f"w:{w}" for w in words]
    feats += [f"b:{a}_{b}" for a, b in zip(words, words[1:])]
    if words:
        feats += [f"first:{words[0]}", f"last:{words[-1]}", f"first2:{'_'.join(words[:2])}"]
    for run in _CJK_RUN.findall(body):
        feats += [f"zh:{c}" for c in run]
        feats += [f"zh:{a}{b}" for a, b in zip(run, run[1:])]
        feats += [f"zh3:{run[i:i + 3]}" for i in range(len(run) - 2)]
    head = _CJK_RUN.match(body.strip())
    if head:
        feats.append(f"zhfirst:{head.group(0)[:2]}")
    opening = _OPENING.match(s.text)
    feats.append(f"open:{opening.group('mark')[:1] if opening else None}")
    if s.text != s.body:  # a label or speaker tag was cut off the front
        tag = _words(text[: max(0, len(text) - len(body))])[:3]
        feats += [f"tag:{t}" for t in tag] + [f"tag2:{'_'.join(tag)}"]
    feats += [
        f"nums:{min(len(s.quantities), 3)}", f"dates:{min(len(s.dates), 2)}",
        f"refnum:{any(q.reference for q in s.quantities)}",
        f"end:{s.text.rstrip()[-1:] if s.text.rstrip()[-1:] in '?？:：!！' else '.'}",
        f"len:{min(len(s.text) // 25, 6)}",
        f"pos:{min(index, 3)}", f"tail:{min(len(analysis.sentences) - 1 - index, 2)}",
        f"bullet:{s.bullet}", f"emp:{'EMP' in text}", f"mgr:{'MGR' in text}",
        f"kindxlabel:{s.rule_kind}_{s.label}",
    ]
    for offset, tag in ((-1, "prev"), (1, "next"), (-2, "prev2")):
        j = index + offset
        if 0 <= j < len(analysis.sentences):
            other = analysis.sentences[j]
            feats += [f"{tag}:{other.rule_kind}", f"{tag}label:{other.label}", f"{tag}line:{other.line == s.line}"]
            other_open = _OPENING.match(other.text)
            feats.append(f"{tag}open:{other_open.group('mark')[:1] if other_open else None}")
        else:
            feats.append(f"{tag}:none")
    return feats


def hashed(features: list[str]) -> list[int]:
    return sorted({_bucket(f) for f in features})

"""What the reader looks at in a sentence: its words, its characters, its shape and its neighbours; in a second
pass, also the block of lines it sits in and how the first pass read the sentences around it.

Every feature is a short string ("w:missed", "zh:投诉", "kind:action", "prev:target") hashed into a
fixed number of buckets, so the model is a plain weight table and new words need no vocabulary.
Names are replaced by their role (EMP, MGR) and digits by 0, so what is learnt from one note carries
to the next employee and the next figure.
"""
from __future__ import annotations

import functools
import itertools
import re
import zlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..notes import NotesAnalysis

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

# A line that opens pasted material: everything below it may be the forwarded thread.
_QUOTE_OPENS = re.compile(r"""
    ^\s*(?:
        -{2,}\s*(?:original\s+message|forwarded\s+message)   # '-----Original Message-----'
      | begin\s+forwarded                                    # 'Begin forwarded message:'
      | (?:from|发件人)\s*[:：]                               # 'From: ops@…', '发件人：'
      | on\s.{5,80}\swrote:                                   # 'On 3 May, Sam wrote:'
      | >                                                     # a quoted e-mail line
    )""", re.I | re.VERBOSE)


@functools.lru_cache(maxsize=64)
def _line_blocks(text: str) -> tuple[tuple[int | None, int, int], ...]:
    """For every line of the notes: the last line at or above it that opens pasted material (or None), how many
    lines of its paragraph come before it, and its indent."""
    out: list[tuple[int | None, int, int]] = []
    quote_opens: int | None = None
    above = 0
    for i, line in enumerate(text.split("\n")):
        if _QUOTE_OPENS.match(line):
            quote_opens = i
        out.append((quote_opens, above, len(line) - len(line.lstrip())))
        above = above + 1 if line.strip() else 0
    return tuple(out)


def _bucket(feature: str) -> int:
    return zlib.crc32(feature.encode("utf-8")) % BUCKETS


def _names_replaced(text: str, analysis: NotesAnalysis) -> str:
    for aliases, tag in ((analysis.employee_aliases, " EMP "), (analysis.manager_aliases, " MGR ")):
        for alias in sorted(aliases, key=len, reverse=True):
            if _INITIALS.fullmatch(alias):  # initials as a word only: 'OP' of Owen Pugh is not in 'OPEN'
                text = re.sub(rf"(?<![\w.]){re.escape(alias)}(?![\w])", tag, text)
            else:
                text = text.replace(alias, tag)
    return text


_INITIALS = re.compile(r"[A-Z]{2,3}|(?:[A-Z]\.){2,3}")


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
    feats += [f"b:{a}_{b}" for a, b in itertools.pairwise(words)]
    if words:
        feats += [f"first:{words[0]}", f"last:{words[-1]}", f"first2:{'_'.join(words[:2])}"]
    for run in _CJK_RUN.findall(body):
        feats += [f"zh:{c}" for c in run]
        feats += [f"zh:{a}{b}" for a, b in itertools.pairwise(run)]
        feats += [f"zh3:{run[i:i + 3]}" for i in range(len(run) - 2)]
    head = _CJK_RUN.match(body.strip())
    if head:
        feats.append(f"zhfirst:{head.group(0)[:2]}")
    opening = _OPENING.match(s.text)
    feats.append(f"open:{opening.group('mark')[:1] if opening else None}")
    if s.text != s.body:  # a label or speaker tag was cut off the front
        tags = _words(text[: max(0, len(text) - len(body))])[:3]
        feats += [f"tag:{t}" for t in tags] + [f"tag2:{'_'.join(tags)}"]
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


def context_features(analysis: NotesAnalysis, index: int, first: list[str]) -> list[str]:
    """Sentence `index` in its context: the block of lines it sits in (below a line that opens pasted material,
    its place in its paragraph, its indent, brackets around it), and how the first pass read the sentences
    around it (`first`: one reading a sentence) and whether they share its line: a quoted block or a signature
    continues, an aside sits among the manager's own lines, a cause follows the shortfall it explains."""
    s = analysis.sentences[index]
    quote_opens, above, indent = _line_blocks(analysis.text)[s.line - 1]
    stripped = s.text.strip()
    feats = [f"afterquote:{None if quote_opens is None else min(s.line - 1 - quote_opens, 5)}",
             f"blockpos:{min(above, 3)}", f"indent:{min(indent, 4)}",
             f"paren:{stripped.startswith(('(', '（', '['))}_{stripped.endswith((')', '）', ']'))}"]
    for offset in (-2, -1, 1, 2):
        j = index + offset
        if 0 <= j < len(first):
            feats += [f"c{offset}:{first[j]}", f"c{offset}:{first[j]}:{analysis.sentences[j].line == s.line}"]
        else:
            feats.append(f"c{offset}:none")
    return feats


def hashed(features: list[str]) -> list[int]:
    return sorted({_bucket(f) for f in features})


def rows(analysis: NotesAnalysis) -> list[list[int]]:
    """The first pass's hashed features of every sentence."""
    return [hashed(sentence_features(analysis, i)) for i in range(len(analysis.sentences))]


def rows_in_context(analysis: NotesAnalysis, first_rows: list[list[int]], first: list[str]) -> list[list[int]]:
    """The second pass's: the first pass's features and how the first pass read the sentences around."""
    return [sorted(set(row).union(hashed(context_features(analysis, i, first)))) for i, row in enumerate(first_rows)]

"""Word overlap for linking goals to deficiencies and checking that evidence comes from the notes.

Deliberately simple and language-aware: English content words with a light stemmer, Chinese
character bigrams (Chinese has no spaces, and two characters carry most words).
"""
from __future__ import annotations

import re
from functools import lru_cache

STOPWORDS = frozenset(
    """a an the and or but of to in on at by for from with without into onto over under than then this that these those
    is are was were be been being has have had do does did doing not no nor so as if it its it's he she they him her them
    his hers their our we us i me my you your per vs each every all any some more most less very just only also too still
    will would shall should can could may might must need needs to get got make made up down out off about after before
    since until while when where which who whom whose what why how same other such own one two""".split()
)
_WORD = re.compile(r"[^\W_\u3400-\u9fff](?:[^\W_\u3400-\u9fff]|[-'])*")  # letters of any script but Chinese ('línea' whole)
_CJK_RUN = re.compile(r"[\u3400-\u9fff]+")

# A capitalised word of a person's name in any Latin script ('Tomás', 'Wiśniewski', 'Gráinne'), for patterns.
_LATIN_EXT = [chr(c) for c in range(0x100, 0x180)]
UPPER = "A-ZÀ-ÖØ-Þ" + "".join(c for c in _LATIN_EXT if c.isupper())
LOWER = "a-zß-öø-ÿ" + "".join(c for c in _LATIN_EXT if c.islower())
NAME_WORD = f"[{UPPER}](?:['’][{UPPER}])?[{LOWER}'’]*[{LOWER}](?:['’]?[{UPPER}][{LOWER}]+)?(?:-[{UPPER}]?[{LOWER}'’]*[{LOWER}])*"  # 'Mei-Ling', "O'Rourke", 'McDonald', "La'Toya"
# The fillers a spoken or jotted sentence opens with before it says anything ('So just so you know …', 'Ok right, …').
FILLER_LEAD = re.compile(r"^(?:(?:so|and|ok|okay|right|well|now|then|also|anyway)\b[,\s]*)+", re.I)
# The small words inside a surname: 'Fenna de Wit', 'Ana dos Santos', 'Ludwig van der Berg', 'Noor Van den Berg', 'Siobhán Ní Bhriain'.
PARTICLE = r"(?:[dD](?:e|a|i|u|os|as|el)|[vV][ao]n|der|den|ter|ten|[lL][ae]|bin|al|N[ií]|Nic|Mhic|U[ií]|Ó)"  # (Irish: 'Ní Bhriain', 'Ó Sé')
_WIDE = re.compile(r"[\u3000-\u9fff\uff00-\uffef]")  # CJK characters, punctuation and full-width forms


def at_word_boundary(text: str, i: int) -> bool:
    """What `re`'s `\\b` says at offset i of `text`, for code that finds words without a pattern."""
    def word(c: str) -> bool:
        return c.isalnum() or c == "_"

    return (i > 0 and word(text[i - 1])) != (i < len(text) and word(text[i]))


# Words a phrase must not end on: it would read as broken off ('Timesheets for', 'Goals agreed with the', '之前的').
_DANGLING_TAIL = re.compile(r"""(?:[\s,;:–—]+(?:to|and|or|of|the|a|an|since|with|for|by|from|w|vs|than|as|is|are|was|were|be
                                              |not|but|so|because|that|in|on|at|into|per|over|under)\b)+[\s,;:–—-]*$
                                 |(?:的|与|和|及|以及|因为|但是|而且|还有|那个|这个|[\s,，;；:：–—-])+$""", re.X)


def drop_dangling(text: str) -> str:
    """`text` without the words at its end that leave it hanging ('of', 'the', 'and', '的'); only its last 40
    characters are looked at (a long run of blanks costs nothing)."""
    head, tail = text[:-40], text[-40:]
    return head + _DANGLING_TAIL.sub("", tail)


def cut_at_word(text: str, limit: int) -> str:
    """`text` in at most `limit` characters, cut after a whole word (or Chinese clause) and never on a word that
    leaves it hanging; whole when it fits."""
    if len(text) <= limit:
        return text
    head = text[:limit]
    if wide_chars(head[-1:]):
        stops = [m.start() for m in re.finditer(r"[，,；;：:。（(]", head)]
        head = head[:stops[-1]] if stops and stops[-1] > 0 else head
    elif text[limit:limit + 1].isalnum() and " " in head:
        head = head.rsplit(" ", 1)[0]
    return drop_dangling(head) or head


# Letters on which `re`'s case-insensitive matching and str.lower() disagree: 'ſ' matches 's' but
# lower-cases to itself, 'ı' matches 'I', and 'İ' lower-cases to two characters.
_ODD_CASE = re.compile("[\u0130\u0131\u017f]")


def lower_same_offsets(text: str) -> str | None:
    """`text.lower()`, for code that finds words without compiling a case-insensitive pattern: a
    search in it finds what `re.IGNORECASE` finds in `text`, at the same offsets. None where that
    does not hold; the caller then uses its pattern."""
    low = text.lower()
    return low if len(low) == len(text) and not _ODD_CASE.search(text) else None


_TEXT_CACHES: list = []


def text_cache(maxsize: int = 8192):
    """An lru_cache for a pure function of a sentence's text. One draft asks the same sentences many
    times (analysis, reference draft, grounding, checks), and so does every re-check after an edit.
    Registered so that benchmarks can time every draft from cold (`clear_text_caches`)."""
    def wrap(fn):
        cached = lru_cache(maxsize=maxsize)(fn)
        _TEXT_CACHES.append(cached)
        return cached
    return wrap


def register_text_cache(cache):
    """Register a cache of one's own making (it has `cache_clear`) with the others, and return it."""
    _TEXT_CACHES.append(cache)
    return cache


def clear_text_caches() -> None:
    for cached in _TEXT_CACHES:
        cached.cache_clear()


def wide_chars(text: str) -> int:
    """How many characters a tokenizer counts about one each (CJK), for token estimates."""
    return len(_WIDE.findall(text))


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A crude stem that is enough for matching: 'escalations' and 'escalate' both give 'escala'; 'cores' and 'core'
    give one stem ('-es' is a suffix only after a hiss: 'boxes', 'batches'; not 'cores', 'lines')."""
    word = word.strip("-'")
    for suffix in ("ations", "ation", "ings", "ing", "ies", "ied", "ed", "es", "s"):
        if suffix == "es" and not re.search(r"(?:[sxz]|[cs]h)es$", word):
            continue
        if len(word) > len(suffix) + 2 and word.endswith(suffix):
            word = word[: -len(suffix)] + ("y" if suffix in ("ies", "ied") else "")
            break
    return word[:6]


@text_cache(maxsize=4096)
def content_tokens(text: str) -> frozenset[str]:
    low = text.lower()
    words = _WORD.findall(low)
    words += [part for w in words if "-" in w for part in w.split("-")]
    tokens = {stem(w) for w in words if w not in STOPWORDS and len(w) > 1 and not w.isdigit()}
    for run in _CJK_RUN.findall(low):
        tokens.update(run[i:i + 2] for i in range(len(run) - 1))
        if len(run) == 1:
            tokens.add(run)
    return frozenset(tokens)


def coverage(snippet: str, source: str | frozenset[str]) -> float:
    """Share of the snippet's words that the source (text, or its tokens) also has: 1.0 for a quotation."""
    words = content_tokens(snippet)
    if not words:
        return 0.0
    source_words = content_tokens(source) if isinstance(source, str) else source
    return len(words & source_words) / len(words)


def squash(text: str) -> str:
    """Lower-case with all white space folded, for substring tests that ignore layout."""
    return re.sub(r"\s+", " ", text.lower()).strip()


_MARKUP = re.compile(r"([\\`<\[\]])")


def markdown_text(text: str) -> str:
    """Text from notes or people, safe inside Markdown: no HTML tag, link, image or code span can start in it
    (a backslash before `<`, `[`, `]`, backticks and backslashes; CommonMark shows them as written)."""
    return _MARKUP.sub(r"\\\1", text)

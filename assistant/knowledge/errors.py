"""What can go wrong with the knowledge base: a store that cannot be used, and one file that cannot be read."""
from __future__ import annotations

from ..errors import PlanCoachError


class KnowledgeError(PlanCoachError):
    """The knowledge store cannot be used (a Chroma server down or too slow, a locked store); the message names it."""


class UnreadableFile(ValueError):
    """One knowledge file that cannot be indexed; the message says why (ingestion skips the file)."""

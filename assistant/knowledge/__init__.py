"""The knowledge base: sample plans and policy in a persistent Chroma collection, and retrieval for a draft.

One module per concern:
  embeddings  the bundled multilingual encoder (e5-small, on one thread of its own) and OpenAI's, for Chroma
  documents   knowledge files read and cut into screened chunks with ids that route search hits
  index       the Chroma store (embedded or on a server), incremental ingestion, searches, opened once per process
  retrieval   the sample plans and policy passages for one draft
  guide       learning mode's weak and strong examples, from the SMART guide file
  errors      a store that cannot be used, a file that cannot be read

Importing the package registers the embedding functions with Chroma, so a reopened collection rebuilds
its own by name.
"""
from __future__ import annotations

from .documents import BUNDLED, CHUNKING, chunk_document, chunk_id, knowledge_files
from .embeddings import E5EmbeddingFunction, OpenAIEmbeddingFunction
from .errors import KnowledgeError
from .guide import GUIDE_SECTIONS, learning_guide
from .index import COLLECTION, Hit, KnowledgeBase, Passage, open_knowledge, repair_knowledge
from .retrieval import FIRST_POOL, QUERY_TOKENS, encoder_query, retrieve

__all__ = [
    "BUNDLED",
    "CHUNKING",
    "COLLECTION",
    "FIRST_POOL",
    "GUIDE_SECTIONS",
    "QUERY_TOKENS",
    "E5EmbeddingFunction",
    "Hit",
    "KnowledgeBase",
    "KnowledgeError",
    "OpenAIEmbeddingFunction",
    "Passage",
    "chunk_document",
    "chunk_id",
    "encoder_query",
    "knowledge_files",
    "learning_guide",
    "open_knowledge",
    "repair_knowledge",
    "retrieve",
]

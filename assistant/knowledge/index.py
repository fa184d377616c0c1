"""The knowledge base's store: a persistent Chroma collection, embedded in the data folder or on a Chroma server.

Ingestion is incremental: each file's chunks carry the file's content hash, so an unchanged
file is skipped, a changed one replaced and a deleted one removed. A file that cannot be read is
skipped with a warning naming it; the rest are indexed. Every request to a Chroma server has a
whole-request deadline (PLANCOACH_CHROMA_TIMEOUT_S). Searches return `Hit`s (ids and scores) and
`Passage`s (their text); the store is opened once per process (`open_knowledge`).
"""
from __future__ import annotations

import logging
import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from chromadb.api.types import EmbeddingFunction

from ..deadline import call_within
from ..errors import first_line
from ..schema import SourceKind, is_source_kind
from .documents import BUNDLED, CONTENT_MARK, FILE_MAX_BYTES, chunk_document, file_digest, knowledge_files, source_name
from .embeddings import E5EmbeddingFunction, OpenAIEmbeddingFunction
from .errors import KnowledgeError, UnreadableFile

if TYPE_CHECKING:
    import numpy as np

log = logging.getLogger("plancoach")
COLLECTION = "plancoach_knowledge"
POLICY_RECHECK_S = 60.0  # policy is held in memory; this often, its ids are compared with the store's


@dataclass(frozen=True)
class ChromaServer:
    """A Chroma server: every request within a whole-request deadline (its client has no timeout at all, so a
    server that accepts and never answers once held a draft for minutes), and any failure one message naming it."""

    url: str
    timeout_s: float

    def call(self, request: Callable[[], Any]) -> Any:
        try:
            return call_within(self.timeout_s, request, "chroma-request")
        except TimeoutError:
            raise KnowledgeError(f"the Chroma server at {self.url} did not answer within {self.timeout_s:g} s "
                                 "(PLANCOACH_CHROMA_TIMEOUT_S): check that it is running, or unset PLANCOACH_CHROMA_URL "
                                 "to use the embedded store") from None
        except Exception as exc:  # noqa: BLE001 -- refused, reset, an HTTP error: chromadb raises many kinds
            raise KnowledgeError(f"the Chroma server at {self.url} failed ({first_line(exc)}): check PLANCOACH_CHROMA_URL and "
                                 "that the server is running") from None

    def bound(self, collection: Any) -> _ServerCollection:
        return _ServerCollection(collection, self)


class _ServerCollection:
    """A collection on a Chroma server whose every method call goes through `ChromaServer.call`."""

    def __init__(self, collection: Any, server: ChromaServer):
        self._collection, self._server = collection, server

    def __getattr__(self, name: str) -> Any:
        attr = getattr(self._collection, name)
        if not callable(attr):
            return attr
        return lambda *args, **kwargs: self._server.call(lambda: attr(*args, **kwargs))


@dataclass(frozen=True)
class Hit:
    """A search result before its text is fetched."""

    id: str
    kind: SourceKind
    language: str
    source: str
    score: float

    @classmethod
    def parse(cls, chunk: str, distance: float) -> Hit | None:
        kind, *parts = chunk.split("|", 2)
        if len(parts) != 2 or not is_source_kind(kind):  # written by another tool: not ours to route
            return None
        return cls(chunk, kind, parts[0], parts[1].rsplit("#", 1)[0], 1.0 - distance)


@dataclass(frozen=True)
class Passage:
    """A piece of the knowledge base: a sample plan section or a policy paragraph."""

    title: str
    path: str
    kind: SourceKind
    text: str
    score: float = 0.0


def _unchanged(path: Path, indexed_digest: str) -> bool:
    try:
        return path.stat().st_size <= FILE_MAX_BYTES and file_digest(path) == indexed_digest
    except OSError:  # read again below, where the reason becomes the warning
        return False


class KnowledgeBase:
    """A Chroma collection of knowledge chunks, embedded (the default) or on a Chroma server."""

    def __init__(self, path: Path | None = None, url: str | None = None, collection: str = COLLECTION,
                 embedding: EmbeddingFunction | None = None, timeout_s: float = 30.0):
        import chromadb

        self.embedding = embedding or E5EmbeddingFunction()
        if self.embedding.name() != E5EmbeddingFunction.name():  # vectors of another model need their own collection
            collection = f"{collection}_{self.embedding.name().replace('-', '_')}"
        self.policy_rules: list[Passage] | None = None
        # (ids, normalised vectors, passages), loaded on first use, dropped on ingest
        self._policy: tuple[set[str], np.ndarray, list[Passage]] | None = None
        self._policy_checked = 0.0  # when the policy ids were last compared with the store
        self._texts: dict[str, tuple[str, str]] = {}  # chunk id -> (title, text); ids name their content
        self.skipped: list[str] = []  # files the last ingest could not read
        options = dict(embedding_function=self.embedding, configuration={"hnsw": {"space": "cosine"}})
        if url:
            m = re.match(r"^(https?)://([^:/]+)(?::(\d+))?", url)
            if not m:
                raise KnowledgeError(f"PLANCOACH_CHROMA_URL {url!r} is not a URL like http://127.0.0.1:8000: fix the setting")
            server = ChromaServer(url, timeout_s)
            self.client = server.call(lambda: chromadb.HttpClient(host=m.group(2), port=int(m.group(3) or 8000),
                                                                  ssl=m.group(1) == "https"))
            self.collection = server.bound(server.call(lambda: self.client.get_or_create_collection(collection, **options)))
        else:
            self.client = chromadb.PersistentClient(path=str(path or Path(".plancoach") / "chroma"))
            self.collection = self.client.get_or_create_collection(collection, **options)

    @classmethod
    def for_settings(cls, settings) -> KnowledgeBase:
        """The store and embeddings the settings name: drafting and `plancoach ingest` must agree on both."""
        embedding = (OpenAIEmbeddingFunction(settings.embedding_model, settings.embedding_base_url)
                     if settings.embeddings == "openai" else E5EmbeddingFunction())
        return cls(settings.chroma_path(), settings.chroma_url, embedding=embedding, timeout_s=settings.chroma_timeout_s)

    def ingest(self, paths: list[Path], *, prune: bool = True,
               progress: Callable[[int, int], None] | None = None) -> dict[str, int]:
        """Bring the collection in line with the files: add new, replace changed, remove deleted, skip (with a
        warning naming it and why) a file that cannot be read. `self.skipped` lists the files skipped.
        `progress(done, total)` is called after each file."""
        files = knowledge_files(paths)
        self.skipped = []
        stored: dict[str, str] = {}
        existing = self.collection.get(include=["metadatas"])
        for meta in existing["metadatas"] or []:
            stored[meta["source"]] = meta["hash"]
        counts = {"added": 0, "replaced": 0, "unchanged": 0, "removed": 0, "skipped": 0, "chunks": 0}
        self._policy, self.policy_rules = None, None
        seen = set()
        for done, (path, root) in enumerate(files):
            if progress:
                progress(done, len(files))
            source = source_name(path, root)
            if source in stored and _unchanged(path, stored[source]):
                seen.add(source)
                counts["unchanged"] += 1
                continue
            try:
                chunks = chunk_document(path, root)
            except UnreadableFile as exc:
                log.warning("knowledge file skipped: %s", exc)
                self.skipped.append(str(path))
                counts["skipped"] += 1
                continue
            if not chunks:
                continue
            seen.add(source)
            if source in stored:
                self.collection.delete(where={"source": source})
                counts["replaced"] += 1
            else:
                counts["added"] += 1
            texts = [c.text for c in chunks]
            vectors = self.embedding(texts)  # here, not inside the add: a server's deadline is for the server
            self.collection.add(ids=[c.id for c in chunks], documents=texts, embeddings=vectors,
                                metadatas=[c.metadata for c in chunks])
            counts["chunks"] += len(chunks)
        if progress:
            progress(len(files), len(files))
        if prune:
            for source in set(stored) - seen:
                self.collection.delete(where={"source": source})
                counts["removed"] += 1
        return counts

    def recheck_policy(self) -> None:
        """Drop the policy held in memory when the store's has changed: another process may have
        ingested (`plancoach ingest` beside the app). Ids name content, so comparing ids is enough;
        done at most every POLICY_RECHECK_S."""
        held = self._policy
        if held is None or time.monotonic() - self._policy_checked < POLICY_RECHECK_S:
            return
        self._policy_checked = time.monotonic()
        if set(self.collection.get(where={"kind": "policy"}, include=[])["ids"]) != held[0]:
            self._policy, self.policy_rules = None, None

    def policy_nearest(self, embedding: list[float], k: int) -> list[Passage]:
        """Policy is a few dozen chunks among thousands of samples: ranked in memory, not by a filtered search."""
        import numpy as np

        held = self._policy  # a local view: a recheck in another draft may drop it meanwhile
        if held is None:
            got = self.collection.get(where={"kind": "policy"}, include=["embeddings", "documents", "metadatas"])
            vectors = np.array(got["embeddings"], dtype=np.float32) if len(got["ids"]) else np.zeros((0, 1), np.float32)
            if len(vectors):
                vectors /= np.sqrt((vectors * vectors).sum(axis=1, keepdims=True))
            passages = [Passage(title=m["title"], path=m["source"], kind="policy", text=d)
                        for d, m in zip(got["documents"], got["metadatas"])]
            held = (set(got["ids"]), vectors, passages)
            self._policy, self._policy_checked = held, time.monotonic()
        _, vectors, passages = held
        if not passages:
            return []
        query = np.asarray(embedding, dtype=np.float32)
        query /= np.sqrt((query * query).sum()) or 1.0
        # einsum's own loop, not `@`: a BLAS call leaves OpenBLAS threads spinning, and they slow the e5
        # engine's own threads on the next query by 2-3x (measured on 2 cores).
        scores = np.einsum("ij,j->i", vectors, query)
        order = np.argsort(-scores)[:k]
        return [Passage(p.title, p.path, p.kind, p.text, float(scores[i])) for i in order for p in [passages[i]]]

    def embed_query(self, text: str) -> list[float]:
        vectors = self.embedding.embed_query([text]) if hasattr(self.embedding, "embed_query") else self.embedding([text])
        vector = vectors[0]
        return vector.tolist() if hasattr(vector, "tolist") else [float(x) for x in vector]

    def nearest(self, embedding: list[float], n: int) -> list[Hit]:
        """The n nearest chunks of any kind, as ids and scores: one unfiltered search, which Chroma
        answers ten times faster than a filtered one at 10,000 chunks."""
        result = self.collection.query(query_embeddings=[embedding], n_results=n, include=["distances"])
        hits = (Hit.parse(i, d) for i, d in zip(result["ids"][0], result["distances"][0]))
        return [h for h in hits if h is not None]

    def passages(self, hits: list[Hit]) -> list[Passage]:
        """The text and title of the chosen hits, in their order. Texts are kept in memory once read
        (a fetch cost ~1.3 ms a draft, and drafts keep returning to the same few sample plans)."""
        texts = {h.id: self._texts.get(h.id) for h in hits}  # a local view: other drafts may clear the cache
        missing = [i for i, t in texts.items() if t is None]
        if missing:
            got = self.collection.get(ids=missing, include=["documents", "metadatas"])
            fetched = {i: (m["title"], d) for i, d, m in zip(got["ids"], got["documents"], got["metadatas"])}
            if len(self._texts) > 20_000:
                self._texts.clear()
            self._texts.update({i: t for i, t in fetched.items() if CONTENT_MARK in i})  # ids that name their content
            texts.update(fetched)
        return [Passage(title=found[0], path=h.source, kind=h.kind, text=found[1], score=h.score)
                for h in hits if (found := texts.get(h.id))]

    def search(self, text: str, *, kind: str, k: int = 3, language: str | None = None,
               embedding: list[float] | None = None) -> list[Passage]:
        """Nearest chunks of one kind; pass `embedding` to reuse a query already embedded."""
        where: dict[str, Any] = {"kind": kind}
        if language:
            where = {"$and": [{"kind": kind}, {"language": language}]}
        query = {"query_embeddings": [embedding]} if embedding is not None else {"query_texts": [text]}
        result = self.collection.query(**query, n_results=k, where=where,
                                       include=["documents", "metadatas", "distances"])
        return [
            Passage(title=m["title"], path=m["source"], kind=m["kind"], text=d, score=1.0 - dist)
            for d, m, dist in zip(result["documents"][0], result["metadatas"][0], result["distances"][0])
        ]


_OPEN: dict[tuple[str | None, str, str, str], KnowledgeBase] = {}  # (server, folder, embeddings, model)
_OPEN_LOCK = threading.Lock()  # the web app's first drafts may arrive together
_FAILED: dict[tuple, tuple[float, str]] = {}  # key -> (when, why) of the last open that failed


def open_knowledge(settings, progress: Callable[[int, int], None] | None = None) -> KnowledgeBase:
    """The settings' knowledge base, opened once per process; bundled knowledge is indexed on first use.

    The first open brings the index in line with the knowledge folders (new and changed files only,
    so it is cheap once indexed). Removing files from the index is `plancoach ingest`'s job. An open that
    failed is not tried again for PLANCOACH_CHROMA_TIMEOUT_S: drafts queued behind it (the app's) get its
    message at once, not one deadline each.
    """
    key = _store_key(settings)
    with _OPEN_LOCK:
        if key in _OPEN:
            return _OPEN[key]
        when, why = _FAILED.get(key, (-float("inf"), ""))
        if time.monotonic() - when < settings.chroma_timeout_s:
            raise KnowledgeError(why)
        try:
            return _open(key, settings, progress)
        except KnowledgeError as exc:
            _FAILED[key] = (time.monotonic(), str(exc))
            raise


def _store_key(settings) -> tuple:
    """Which store and embeddings the settings name: one open knowledge base per key and process."""
    return settings.chroma_url, str(settings.chroma_path().resolve()), settings.embeddings, settings.embedding_model


def repair_knowledge(settings, cause: Exception) -> KnowledgeBase:
    """Build the embedded index again after a search failed inside Chroma (two processes that indexed the same data
    folder at once left its vector index and its records out of step: every search then fails with 'Error finding
    id'). The index holds only what the knowledge files say, so it is rebuilt from the folders the settings name;
    files indexed by hand (`plancoach ingest PATH`) must be indexed again. A server's index is the server's to mend."""
    if settings.chroma_url:
        raise KnowledgeError(f"the Chroma server at {settings.chroma_url} failed a search ({first_line(cause)}): check the "
                             "server, or unset PLANCOACH_CHROMA_URL to use the embedded store") from cause
    key = _store_key(settings)
    folders = list(settings.knowledge_dirs or [BUNDLED])
    log.warning("the knowledge index in %s failed a search (%s); building it again from %s", settings.chroma_path(),
                first_line(cause), ", ".join(map(str, folders)))
    with _OPEN_LOCK:
        try:
            kb = KnowledgeBase.for_settings(settings)
            kb.client.delete_collection(kb.collection.name)
            kb = KnowledgeBase.for_settings(settings)
            kb.ingest(folders, prune=False)
        except Exception as exc:  # a locked or unreadable store: one message, not chromadb's
            raise KnowledgeError(f"The knowledge index in {settings.chroma_path()} is damaged and could not be built again "
                                 f"({first_line(exc)}): stop other PlanCoach processes, then run `plancoach ingest`. "
                                 "Your notes are unchanged.") from exc
        _OPEN[key] = kb
    return kb


def _open(key, settings, progress: Callable[[int, int], None] | None) -> KnowledgeBase:
    try:
        kb = KnowledgeBase.for_settings(settings)
        if kb.collection.count() == 0:
            log.info("indexing the knowledge base (first use; this takes a little while, once)")
        kb.ingest(list(settings.knowledge_dirs or [BUNDLED]), prune=False, progress=progress)
    except KnowledgeError:
        raise
    except Exception as e:  # a locked or corrupt store
        where = f"the Chroma server at {settings.chroma_url} (PLANCOACH_CHROMA_URL)" if settings.chroma_url else \
            f"the knowledge index in {settings.chroma_path()} (PLANCOACH_DATA_DIR)"
        raise KnowledgeError(f"Cannot open {where}: {first_line(e)}. Your notes are unchanged.") from e
    _OPEN[key] = kb
    return kb

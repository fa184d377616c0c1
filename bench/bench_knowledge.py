"""Knowledge base and LLM-path costs: ingestion throughput, retrieval latency at 1,000 and 10,000
chunks, the LLM drafter's own overhead (everything but the model, with a fake model) and prompt size.

    python bench/bench_knowledge.py [--sizes 1000 10000] [--queries 200] [--rounds 20]

Targets (issue 3): retrieval p95 < 30 ms; LLM overhead p95 < 50 ms; prompt <= 4,000 tokens.
Synthetic chunks are embedded once and cached under .plancoach/bench so that reruns only time queries.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_draft import DEFAULT_CASES, forget_notes, note_sets, percentile  # noqa: E402

from assistant.knowledge import (  # noqa: E402
    BUNDLED,
    CHUNKING,
    FIRST_POOL,
    E5EmbeddingFunction,
    KnowledgeBase,
    chunk_document,
    chunk_id,
    knowledge_files,
)


def bundled_chunks():
    return [c for path, root in knowledge_files([BUNDLED]) for c in chunk_document(path, root)]


def ingest_throughput() -> tuple[int, float]:
    with tempfile.TemporaryDirectory() as tmp:
        kb = KnowledgeBase(Path(tmp) / "chroma")
        started = time.perf_counter()
        counts = kb.ingest([BUNDLED])
        return counts["chunks"], time.perf_counter() - started


def synthetic_store(size: int, folder: Path) -> KnowledgeBase:
    """`size` chunks: the bundled sections' real embeddings, each copy nudged by a little noise.

    Embedding 10,000 synthetic passages would take most of an hour on 2 cores and measure the encoder
    again; the search cost depends on the number and spread of vectors, which this keeps realistic.
    """
    import numpy as np

    version = hashlib.sha256(CHUNKING.encode()).hexdigest()[:8]  # a new chunking (or id scheme) builds a new store
    kb = KnowledgeBase(folder / f"chroma-{size}-{version}", collection=f"bench_{size}")
    if kb.collection.count() >= size:
        return kb
    base = bundled_chunks()
    vectors = np.array(E5EmbeddingFunction()([c.text for c in base]), dtype=np.float32)
    rng = np.random.default_rng(size)
    for start in range(kb.collection.count(), size, 1000):
        n = min(1000, size - start)
        rows = [(start + i) % len(base) for i in range(n)]
        noisy = vectors[rows] + rng.normal(0, 0.02, (n, vectors.shape[1])).astype(np.float32)
        noisy /= np.linalg.norm(noisy, axis=1, keepdims=True)
        metadatas = [{**base[r].metadata, "source": f"synthetic/{(start + i) // 8}.md"} for i, r in enumerate(rows)]
        kb.collection.add(ids=[chunk_id(m["kind"], m["language"], m["source"], start + i, m["hash"]) for i, m in enumerate(metadatas)],
                          documents=[base[r].text for r in rows], embeddings=noisy.tolist(), metadatas=metadatas)
    return kb


def retrieval_latency(kb: KnowledgeBase, queries: list[str]) -> tuple[list[float], list[float]]:
    """Whole retrieval per draft (encode the query, search, fetch the chosen passages), and the search alone.

    The queries are what drafting asks: `retrieval_query` of each analysed note set (analysis untimed)."""
    from assistant.knowledge import encoder_query, retrieve
    from assistant.notes import analyse
    from assistant.pipeline import retrieval_query

    asked = [(retrieval_query(a), a.language) for a in map(analyse, queries)]
    retrieve(kb, *asked[0])
    whole, search = [], []
    for query, language in asked:
        kb._texts.clear()  # the worst case: the chosen plans' texts fetched, not remembered from an earlier draft
        started = time.perf_counter()
        retrieve(kb, query, language)
        whole.append((time.perf_counter() - started) * 1000)
        vector = kb.embed_query(encoder_query(query, kb.embedding))
        started = time.perf_counter()
        kb.nearest(vector, FIRST_POOL)
        search.append((time.perf_counter() - started) * 1000)
    return whole, search


def llm_overhead(notes: list[str], rounds: int) -> tuple[list[float], list[int]]:
    """A draft through the LLM drafter with a model that answers instantly: all that is left is our own work."""
    from langchain_core.language_models.fake_chat_models import FakeMessagesListChatModel
    from langchain_core.messages import AIMessage

    from assistant.drafting.llm import LLMDrafter
    from assistant.drafting.questions import QUESTIONS
    from assistant.notes import analyse
    from assistant.pipeline import EXAMPLES, draft_plan, warm_up
    from assistant.settings import Settings

    settings = Settings(llm_base_url="http://bench.invalid/v1", llm_model="fake")

    def model_answering(text: str) -> FakeMessagesListChatModel:
        """A model that answers each question the reader has about `text` instantly, with the first choice offered."""
        analysis = analyse(text)
        asked = [q for make in QUESTIONS if (q := make(analysis))]
        answers = [{key: spec.get("enum", ["employee"])[0] for key, spec in q.schema["properties"].items()} for q in asked]
        return FakeMessagesListChatModel(responses=[AIMessage(content=json.dumps(a)) for a in answers or [{}]])

    # One model per process, as in the app (`shared_chat_call`); a drafter per draft, as in the app.
    texts = [*notes, *(p.read_text(encoding="utf-8") for p in EXAMPLES.glob("*.txt"))]  # examples: forget_notes
    models = {text: model_answering(text) for text in texts}

    def draft(text: str) -> LLMDrafter:
        drafter = LLMDrafter(settings, chat_model=models[text])
        draft_plan(text, drafter=drafter, settings=settings)
        return drafter

    warm_up(settings)  # as the web app does at start
    times, tokens = [], []
    for text in notes:
        draft(text)  # imports, once per process
        for _ in range(rounds):
            forget_notes(draft)
            started = time.perf_counter()
            drafter = draft(text)
            times.append((time.perf_counter() - started) * 1000)
        tokens.append(drafter.trace.prompt_tokens)
    return times, tokens


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="*", default=[1000, 10000])
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=20)
    args = parser.parse_args()
    notes = note_sets([c for c in DEFAULT_CASES if c.is_dir()]) or [(ROOT / "examples" / "training-specialist.txt").read_text()]

    chunks, seconds = ingest_throughput()
    print(f"ingest: {chunks} chunks in {seconds:.1f} s = {chunks / seconds:.1f} chunks/s")
    queries = [(notes * (args.queries // len(notes) + 1))[i] for i in range(args.queries)]
    cache = ROOT / ".plancoach" / "bench"
    for size in args.sizes:
        kb = synthetic_store(size, cache)
        t, search = retrieval_latency(kb, queries)
        print(f"retrieval at {kb.collection.count():,} chunks: p50 {statistics.median(t):.1f} ms, p95 {percentile(t, 95):.1f} ms"
              f" (vector search alone: p50 {statistics.median(search):.1f} ms, p95 {percentile(search, 95):.1f} ms)")
    t, tokens = llm_overhead(notes, args.rounds)
    print(f"LLM path overhead (fake model): p50 {statistics.median(t):.1f} ms, p95 {percentile(t, 95):.1f} ms")
    print(f"prompt size: mean {statistics.mean(tokens):.0f}, max {max(tokens)} estimated tokens per draft (all its questions)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""The knowledge base with real Chroma and real (bundled) embeddings, on files written here."""
import subprocess
import sys

import pytest

from assistant.knowledge import E5EmbeddingFunction, KnowledgeBase

SALES = """---
title: Improvement plan - Account executive
kind: sample
role: account executive
industry: sales
language: en
tags: [quota, pipeline]
---
# Improvement plan: Account executive

## Deficiencies
- **Quota attainment**: closed $38k against a $70k quota.

## SMART goals
| Goal | Metric | Baseline | Target | Deadline |
|---|---|---|---|---|
| Restore attainment | closed revenue | $38k | >= $60k | 2026-04-30 |
"""
NURSE = """---
title: Improvement plan - Registered nurse
kind: sample
role: registered nurse
industry: healthcare
language: en
---
## Deficiencies
- **Medication safety**: 3 medication administration errors in March; charting late on 6 shifts.
"""
ZH = """---
title: 改进计划 - 酒店前台主管
kind: sample
role: 前台主管
industry: 酒店
language: zh
---
## 问题与证据
- **客户满意度**：4月客户投诉12起，入住等待时间长。
"""
POLICY = """---
title: Improvement plan policy
kind: policy
---
## Check-ins
Managers hold a documented check-in at least every 30 days.

## Plan length
A plan runs 30 to 90 days.
"""


@pytest.fixture
def corpus(tmp_path):
    root = tmp_path / "knowledge"
    (root / "samples").mkdir(parents=True)
    (root / "policy").mkdir()
    (root / "samples" / "sales.md").write_text(SALES, encoding="utf-8")
    (root / "samples" / "nurse.md").write_text(NURSE, encoding="utf-8")
    (root / "samples" / "zh-hotel.md").write_text(ZH, encoding="utf-8")
    (root / "policy" / "policy.md").write_text(POLICY, encoding="utf-8")
    return root


def test_ingest_is_incremental(corpus, tmp_path):
    kb = KnowledgeBase(path=tmp_path / "chroma")
    first = kb.ingest([corpus])
    assert first["added"] == 4 and first["chunks"] >= 5
    assert kb.ingest([corpus]) == {"added": 0, "replaced": 0, "unchanged": 4, "removed": 0, "skipped": 0,
                                     "chunks": 0}
    (corpus / "samples" / "nurse.md").write_text(NURSE.replace("3 medication", "4 medication"), encoding="utf-8")
    (corpus / "samples" / "sales.md").unlink()
    again = kb.ingest([corpus])
    assert (again["replaced"], again["removed"], again["unchanged"]) == (1, 1, 2)
    sources = {m["source"] for m in kb.collection.get(include=["metadatas"])["metadatas"]}
    assert sources == {"samples/nurse.md", "samples/zh-hotel.md", "policy/policy.md"}


def test_indexing_says_how_far_it_is_once_it_takes_a_while(corpus, tmp_path):
    from assistant.pipeline import _IndexingProgress

    lines: list[str] = []
    progress = _IndexingProgress(lines.append)
    progress.started -= 2  # as if indexing had been running for two seconds
    calls: list[tuple[int, int]] = []
    KnowledgeBase(path=tmp_path / "chroma").ingest([corpus], progress=lambda d, t: (calls.append((d, t)), progress(d, t)))
    assert calls == [(0, 4), (1, 4), (2, 4), (3, 4), (4, 4)]  # after each of the corpus's 4 files
    assert lines == [f"Indexing the knowledge base: {p}% ({d} of 4 files)" for p, d in ((0, 0), (20, 1), (50, 2), (70, 3),
                                                                                         (100, 4))]
    quiet: list[str] = []
    KnowledgeBase(path=tmp_path / "chroma").ingest([corpus], progress=_IndexingProgress(quiet.append))
    assert quiet == []  # an index already up to date says nothing


def test_a_changed_plan_is_never_served_from_memory(corpus, tmp_path):
    """Passage texts are kept in memory by chunk id; an id names its file's content, so an edit
    (here by a second process's ingest, as `plancoach ingest` beside a running app) is seen at once."""
    from assistant.knowledge import retrieve

    kb = KnowledgeBase(path=tmp_path / "chroma")
    kb.ingest([corpus])
    query = "3 medication administration errors, charting late"
    (before, *_), _ = retrieve(kb, query, "en", samples=1)
    assert "3 medication" in before.text
    (corpus / "samples" / "nurse.md").write_text(NURSE.replace("3 medication", "5 medication"), encoding="utf-8")
    other_process = KnowledgeBase(path=tmp_path / "chroma")
    assert other_process.ingest([corpus])["replaced"] == 1
    (after, *_), _ = retrieve(kb, query, "en", samples=1)
    assert after.path == before.path and "5 medication" in after.text and "3 medication" not in after.text


def test_chunks_indexed_before_ids_named_their_content_are_read_fresh(tmp_path):
    """A store indexed by an older version keeps its ids (no content hash) until a file changes;
    their texts are not kept in memory, so a change is never hidden."""
    from assistant.knowledge import Hit

    kb = KnowledgeBase(path=tmp_path / "chroma")
    old_id = "sample|en|samples/nurse.md#1"
    kb.collection.add(ids=[old_id], documents=["Nurse plan\n3 medication errors"],
                      metadatas=[{"title": "Nurse plan", "source": "samples/nurse.md", "kind": "sample", "language": "en"}])
    hit = Hit.parse(old_id, 0.1)
    assert kb.passages([hit])[0].text.endswith("3 medication errors")
    kb.collection.update(ids=[old_id], documents=["Nurse plan\n5 medication errors"])
    assert kb.passages([hit])[0].text.endswith("5 medication errors")


def test_policy_held_in_memory_follows_another_process_ingest(corpus, tmp_path, monkeypatch):
    import assistant.knowledge.index as index
    from assistant.knowledge import retrieve

    kb = KnowledgeBase(path=tmp_path / "chroma")
    kb.ingest([corpus])
    _, policy = retrieve(kb, "medication errors", "en")
    assert any("every 30 days" in p.text for p in policy)
    (corpus / "policy" / "policy.md").write_text(POLICY.replace("every 30 days", "every 14 days"), encoding="utf-8")
    KnowledgeBase(path=tmp_path / "chroma").ingest([corpus])
    _, policy = retrieve(kb, "medication errors", "en")
    assert any("every 30 days" in p.text for p in policy)  # checked at most once a minute
    monkeypatch.setattr(index, "POLICY_RECHECK_S", 0.0)
    _, policy = retrieve(kb, "medication errors", "en")
    assert any("every 14 days" in p.text for p in policy) and not any("every 30 days" in p.text for p in policy)


def test_retrieval_finds_the_similar_plan_in_either_language(corpus, tmp_path):
    kb = KnowledgeBase(path=tmp_path / "chroma")
    kb.ingest([corpus])
    (top,) = kb.search("2 medication errors on the ward, charting incomplete", kind="sample", k=1)
    assert top.path == "samples/nurse.md" and top.kind == "sample"
    (zh,) = kb.search("客户投诉多，等待时间长", kind="sample", k=1)
    assert zh.path == "samples/zh-hotel.md"
    policy = kb.search("how often must check-ins happen", kind="policy", k=1)
    assert "30 days" in policy[0].text


def test_retrieve_prefers_the_notes_language_and_fills_in_from_the_other(corpus, tmp_path):
    """`retrieve` routes its hits by id (kind and language) without reading metadata; with one Chinese
    plan in the store, the second sample is the nearest plan of the other language."""
    from assistant.knowledge import retrieve

    kb = KnowledgeBase(path=tmp_path / "chroma")
    kb.ingest([corpus])
    assert all(i.startswith(("sample|", "policy|")) for i in kb.collection.get()["ids"])
    samples, policy = retrieve(kb, "前台主管 4月客户投诉12起，入住等待时间长", "zh")
    assert samples[0].path == "samples/zh-hotel.md" and len(samples) == 2
    assert len({p.path for p in samples}) == 2 and all(p.kind == "sample" and p.text for p in samples)
    assert policy and all(p.kind == "policy" for p in policy)
    samples, _ = retrieve(kb, "registered nurse: 3 medication errors, charting late", "en", samples=1)
    assert [p.path for p in samples] == ["samples/nurse.md"] and samples[0].title == "Improvement plan - Registered nurse"


def test_the_query_keeps_content_words_only():
    from assistant.knowledge.retrieval import _query_head

    assert _query_head("warehouse picker: pick accuracy 96.1% vs 99.5% standard") == "warehouse picker pick accuracy standard"
    assert _query_head("teller: drawer short 3 times in July (b) Monday") == "teller drawer short times"
    assert _query_head("前台主管 4月客户投诉12起, 3个月内") == "前台主管 客户投诉 内"


def test_the_query_never_costs_more_than_its_token_budget():
    from assistant.knowledge import QUERY_TOKENS, E5EmbeddingFunction
    from assistant.knowledge.retrieval import _within_tokens

    e5 = E5EmbeddingFunction()
    long_en = "software engineer missed sprint commitments code review turnaround slow deployment rollbacks frequent"
    long_zh = "前台主管客户投诉主要是入住办理等待时间过长前台交接班记录不完整"
    for text in (long_en, long_zh):
        cut = _within_tokens(text, e5)
        assert e5.count_query_tokens(cut) <= QUERY_TOKENS < e5.count_query_tokens(text)
        assert text.startswith(cut) and len(cut) > len(text) // 3
    assert _within_tokens("warehouse picker", e5) == "warehouse picker"


def test_a_reopened_collection_rebuilds_its_embedding_function(corpus, tmp_path):
    KnowledgeBase(path=tmp_path / "chroma").ingest([corpus])
    code = (  # a new process that opens the collection without naming an embedding function
        "import chromadb, assistant.knowledge as k;"
        f"c = chromadb.PersistentClient(path={str(tmp_path / 'chroma')!r}).get_collection(k.COLLECTION);"
        "r = c.query(query_texts=['medication errors on the ward'], n_results=1, where={'kind': 'sample'});"
        "print(type(c.configuration['embedding_function']).__name__, r['metadatas'][0][0]['source'])"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.stdout.split() == ["E5EmbeddingFunction", "samples/nurse.md"], out.stderr


def test_embedding_function_roles():
    ef = E5EmbeddingFunction()
    (doc,) = ef(["passage text"])
    (query,) = ef.embed_query(["passage text"])
    assert len(doc) == 384 and abs(float(doc @ doc) - 1) < 1e-3
    assert len(query) == 384 and abs(float(query @ query) - 1) < 1e-3
    assert float(doc @ query) < 0.99  # the same words as a query are encoded in the query's role, not as a passage
    assert E5EmbeddingFunction.build_from_config(ef.get_config()).name() == "plancoach-e5-small"


def test_ingest_command_is_incremental(corpus, tmp_path):
    env = {**__import__("os").environ, "PLANCOACH_DATA_DIR": str(tmp_path / "data")}
    cmd = [sys.executable, "-m", "assistant.cli", "ingest", str(corpus)]
    first = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=300)
    assert first.returncode == 0, first.stderr
    assert first.stdout.startswith("4 added")
    second = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=300)
    assert "0 added, 0 replaced, 4 unchanged" in second.stdout
    missing = subprocess.run([*cmd[:-1], str(tmp_path / "nope")], capture_output=True, text=True, env=env, timeout=60)
    assert missing.returncode == 2 and "no such file or folder" in missing.stderr


@pytest.fixture
def chroma_server(tmp_path):
    from .servers import running_chroma

    with running_chroma(tmp_path / "server") as url:
        yield url


def test_ingest_and_retrieval_through_a_chroma_server(corpus, chroma_server):
    kb = KnowledgeBase(url=chroma_server)
    assert kb.ingest([corpus])["added"] == 4
    assert KnowledgeBase(url=chroma_server).ingest([corpus])["unchanged"] == 4  # state lives on the server
    (top,) = kb.search("medication errors and late charting", kind="sample", k=1)
    assert top.path == "samples/nurse.md"


def test_openai_embeddings_when_configured_in_their_own_collection(tmp_path, monkeypatch):
    """PLANCOACH_EMBEDDINGS=openai: the embeddings API (replayed here) instead of e5, kept apart from e5 vectors."""
    import hashlib
    import json

    import httpx2

    from assistant.knowledge import OpenAIEmbeddingFunction, retrieve
    from assistant.settings import get_settings

    monkeypatch.setenv("PLANCOACH_LLM_API_KEY", "sk-test")
    get_settings.cache_clear()
    calls = []

    def vector(text: str) -> list[float]:  # a stable stand-in: words hashed into 16 buckets
        v = [0.0] * 16
        for word in text.lower().split():
            v[hashlib.md5(word.encode()).digest()[0] % 16] += 1.0
        return v

    def server(request):
        body = json.loads(request.content)
        calls.append(body)
        data = [{"object": "embedding", "index": i, "embedding": vector(t)} for i, t in enumerate(body["input"])]
        return httpx2.Response(200, json={"object": "list", "data": data, "model": body["model"],
                                          "usage": {"prompt_tokens": 1, "total_tokens": 1}})

    try:
        ef = OpenAIEmbeddingFunction("text-embedding-3-small", http_client=httpx2.Client(transport=httpx2.MockTransport(server)))
        kb = KnowledgeBase(path=tmp_path / "chroma", embedding=ef)
        assert kb.collection.name.endswith("plancoach_openai")
        from assistant.knowledge import BUNDLED

        counts = kb.ingest([BUNDLED / "policy"])
        assert counts["added"] == len(list((BUNDLED / "policy").glob("*.md"))) >= 5 and calls[0]["model"] == "text-embedding-3-small"
        _, policy = retrieve(kb, "how often are check-ins held", "en")
        assert policy and all(p.kind == "policy" for p in policy)
        assert "sk-test" not in json.dumps(ef.get_config())  # the key is never stored with the collection
        # Drafting opens the store the same way `plancoach ingest` fills it: the OpenAI collection.
        from assistant.settings import Settings

        configured = KnowledgeBase.for_settings(Settings(embeddings="openai", data_dir=tmp_path))
        assert configured.collection.name == kb.collection.name and configured.embedding.name() == "plancoach-openai"
    finally:
        get_settings.cache_clear()


def test_the_retrieval_query_leaves_out_the_employee_name():
    from assistant.notes import analyse
    from assistant.pipeline import retrieval_query

    from .conftest import TRAINER_NOTES

    analysis = analyse(TRAINER_NOTES)
    query = retrieval_query(analysis)
    assert analysis.employee_name and "Li" not in query.split()
    assert "training specialist" in query and "supervise" in query
    also = analyse("Al, warehouse picker. Al also missed pick accuracy: 96% vs 99.5% standard.")
    assert also.employee_name == "Al" and "also missed pick accuracy" in retrieval_query(also)


def test_every_encoding_runs_on_one_thread_whoever_asks():
    """OpenMP makes a team of threads per calling thread; the web app's many worker threads must not
    each get one (under 8 concurrent drafts that halved throughput, measured)."""
    import threading
    from concurrent.futures import ThreadPoolExecutor

    from assistant.knowledge import E5EmbeddingFunction

    def encoder_thread(_):
        E5EmbeddingFunction().embed_query(["warehouse picker"])
        return E5EmbeddingFunction._on_encoder_thread(lambda e5: threading.get_ident())

    with ThreadPoolExecutor(4) as callers:
        idents = set(callers.map(encoder_thread, range(8)))
    assert len(idents) == 1 and threading.get_ident() not in idents


def test_warm_up_drafts_an_example_then_freezes_what_it_loaded(knowledge_index):
    """The web app's start: the shared test index is already there, so this times only the draft."""
    import gc

    from assistant.pipeline import warm_up
    from assistant.settings import Settings

    gc.unfreeze()
    said: list[str] = []
    try:
        warm_up(Settings(), said.append)
        assert gc.get_freeze_count() > 10_000
        assert said[-1].startswith("Knowledge base ready:")  # the console says when drafting is warm
    finally:
        gc.unfreeze()


def test_warm_up_that_cannot_reach_the_knowledge_logs_and_freezes_nothing(caplog):
    import gc

    from assistant.pipeline import warm_up
    from assistant.settings import Settings

    gc.unfreeze()
    warm_up(Settings(chroma_url="http://127.0.0.1:9/"))
    assert gc.get_freeze_count() == 0
    assert "warm-up stopped" in caplog.text and "PLANCOACH_CHROMA_URL" in caplog.text


def test_learning_guide_explains_every_section_in_either_language():
    from assistant.knowledge import GUIDE_SECTIONS, learning_guide
    from assistant.language import unspaced

    for language in ("en", "zh"):
        guide = learning_guide(language=language)
        assert set(GUIDE_SECTIONS) <= set(guide), language
        for section in GUIDE_SECTIONS:
            fields = guide[section]
            assert set(fields) == {"why", "weak", "strong", "tip"}, (language, section)
            assert all(unspaced(text) == (language == "zh") for text in fields.values()), (language, section)


def test_an_organisation_guide_replaces_ours_and_chinese_falls_back_to_it(tmp_path):
    from assistant.knowledge import learning_guide

    own = tmp_path / "ours" / "policy"
    own.mkdir(parents=True)
    (own / "smart-guide.md").write_text("## Goals\nWhy it matters: OUR REASON\nWeak: a\nStrong: b\nTip: c\n", encoding="utf-8")
    assert learning_guide([tmp_path / "ours"], "en")["Goals"]["why"] == "OUR REASON"
    assert learning_guide([tmp_path / "ours"], "zh")["Goals"]["why"] == "OUR REASON"  # theirs, though English
    (own / "smart-guide.zh.md").write_text("## 目标\n为什么重要：我们的理由\n较弱：甲\n较强：乙\n提示：丙\n", encoding="utf-8")
    assert learning_guide([tmp_path / "ours"], "zh")["Goals"] == {"why": "我们的理由", "weak": "甲", "strong": "乙", "tip": "丙"}


def test_learning_mode_text_follows_the_interface_language():
    from assistant.ui.coach import guide_md

    zh, en = guide_md(None, "goals", "zh"), guide_md(None, "goals", "en")
    assert "**为什么重要：**" in zh and "截止日期" in zh
    assert "**Why it matters:**" in en and "deadline" in en


def test_a_damaged_embedded_index_is_built_again_from_the_knowledge_folders(corpus, tmp_path):
    """Two processes indexing one data folder at once can leave Chroma's vectors and records out of step, and every search
    then fails inside Chroma ('Error finding id'). The index is derived from the files: it is built again from them."""
    from chromadb.errors import InternalError

    from assistant.knowledge import repair_knowledge, retrieve
    from assistant.settings import Settings

    settings = Settings(data_dir=tmp_path / "data", knowledge_dirs=[corpus])
    by_hand = tmp_path / "by-hand"
    by_hand.mkdir()
    (by_hand / "extra.md").write_text(NURSE.replace("Registered nurse", "Theatre nurse"), encoding="utf-8")
    before = KnowledgeBase.for_settings(settings)
    before.ingest([corpus, by_hand], prune=False)
    chunks = before.collection.count()
    kb = repair_knowledge(settings, InternalError("Error executing plan: Internal error: Error finding id"))
    assert kb.collection.count() == chunks - 1  # the configured folder's chunks only: what was indexed by hand must be again
    samples, policy = retrieve(kb, "medication errors on the ward", "en")
    assert samples and "Registered nurse" in samples[0].title and policy


def test_a_search_a_chroma_server_fails_is_the_servers_to_mend():
    from chromadb.errors import InternalError

    from assistant.knowledge import KnowledgeError, repair_knowledge
    from assistant.settings import Settings

    with pytest.raises(KnowledgeError, match="PLANCOACH_CHROMA_URL"):
        repair_knowledge(Settings(chroma_url="http://127.0.0.1:9/"), InternalError("Error finding id"))

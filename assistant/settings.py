"""One settings object for the whole product, read from PLANCOACH_* environment variables.

Every tunable lives here with a description, so the README's table of settings and the
code cannot drift apart (see `plancoach settings`).
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="PLANCOACH_", env_file=".env", extra="ignore")

    data_dir: Path = Field(
        default=Path(".plancoach"),
        description="Where the knowledge index, the plan database and exports are kept.",
    )
    database_url: str | None = Field(
        default=None,
        description="SQLAlchemy URL of the plan store; default: a SQLite file in data_dir. A postgresql:// URL also works.",
    )
    chroma_url: str | None = Field(
        default=None, description="URL of a Chroma server (`chroma run`); default: an embedded store in data_dir/chroma."
    )
    host: str = Field(default="127.0.0.1", description="Address the web app listens on.")
    port: int = Field(default=7860, description="Port the web app listens on.")
    max_notes_chars: int = Field(
        default=100_000,
        description="Longest notes accepted, in characters; longer input is refused, not truncated.",
    )
    plan_default_days: int = Field(
        default=60, description="Plan length used when the notes state no deadline at all."
    )
    plan_max_days: int = Field(
        default=90, description="Longest plan the policy allows; goals due later get a warning."
    )
    check_in_max_gap_days: int = Field(
        default=30, description="Longest gap the policy allows between two check-ins."
    )
    drafter: Literal["embedded", "llm"] | None = Field(
        default=None,
        description="Which drafter writes plans. Default: 'llm' when an API key or base URL is set, else 'embedded'.",
    )
    llm_base_url: str | None = Field(
        default=None, description="Base URL of an OpenAI-compatible server (vLLM, Ollama, llama.cpp)."
    )
    llm_model: str = Field(default="gpt-4o-mini", description="Model name sent to the LLM server.")
    llm_api_key: str | None = Field(
        default=None, description="API key for the LLM server; falls back to OPENAI_API_KEY."
    )

    def resolved_database_url(self) -> str:
        return self.database_url or f"sqlite:///{(self.data_dir / 'plancoach.db').resolve()}"

    def resolved_drafter(self) -> str:
        if self.drafter:
            return self.drafter
        return "llm" if (self.llm_base_url or self.llm_api_key) else "embedded"


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()

"""One settings object for the whole product, read from PLANCOACH_* environment variables.

Every tunable lives here with a description and, for numbers, its allowed range, checked when the
settings are loaded: a setting out of range is one line naming the variable, not a crash deep in a
draft (PLANCOACH_CHECK_IN_MAX_GAP_DAYS=0 once divided by zero).
"""
from __future__ import annotations

import os
import sys
import tempfile
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import AliasChoices, Field, ValidationError, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict
from pydantic_settings import SettingsError as PydanticSettingsError

from .errors import PlanCoachError


class SettingsError(PlanCoachError):
    """A PLANCOACH_* setting is missing, malformed or out of its range; the message names it."""


def default_data_dir() -> Path:
    """The platform's folder for an application's data: XDG on Linux, Application Support on macOS,
    LOCALAPPDATA on Windows."""
    home = Path.home()
    if sys.platform == "win32":
        return Path(os.environ.get("LOCALAPPDATA") or home / "AppData" / "Local") / "plancoach"
    if sys.platform == "darwin":
        return home / "Library" / "Application Support" / "plancoach"
    return Path(os.environ.get("XDG_DATA_HOME") or home / ".local" / "share") / "plancoach"


def default_cache_dir() -> Path:
    """The platform's folder for what can be rebuilt: XDG on Linux, Caches on macOS, LOCALAPPDATA on Windows."""
    home = Path.home()
    if sys.platform == "win32":
        return Path(os.environ.get("LOCALAPPDATA") or home / "AppData" / "Local") / "plancoach" / "cache"
    if sys.platform == "darwin":
        return home / "Library" / "Caches" / "plancoach"
    return Path(os.environ.get("XDG_CACHE_HOME") or home / ".cache") / "plancoach"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="PLANCOACH_", env_file=".env", extra="ignore", populate_by_name=True)

    data_dir: Path = Field(
        default_factory=default_data_dir,
        description="Where the knowledge index, the plan database and the session key are kept: the platform's "
                    "data folder by default (~/.local/share/plancoach on Linux), whatever the working directory.",
    )
    cache_dir: Path = Field(
        default_factory=default_cache_dir,
        description="Where what can be rebuilt is kept (the word lists compiled, so a new process starts faster): "
                    "the platform's cache folder by default (~/.cache/plancoach on Linux). Deleting it loses nothing.",
    )
    database_url: str | None = Field(
        default=None,
        description="SQLAlchemy URL of the plan store; default: a SQLite file in data_dir. A postgresql:// URL also works.",
    )
    chroma_url: str | None = Field(
        default=None, description="URL of a Chroma server (`chroma run`); default: an embedded store in data_dir/chroma."
    )
    chroma_timeout_s: float = Field(
        default=30.0, gt=0, le=600,
        description="Seconds one request to the Chroma server may take, from connecting to the last byte; then the "
        "draft or `ingest` stops with a message naming the server.",
    )
    host: str = Field(default="127.0.0.1", description="Address the web app listens on.")
    port: int = Field(default=7860, ge=1, le=65535, description="Port the web app listens on.")
    export_keep_minutes: float = Field(
        default=10.0, gt=0, le=1440,
        description="Minutes an exported document is kept on the server for download, then removed (with Gradio's "
        "copies of uploads and downloads).",
    )
    max_notes_chars: int = Field(
        default=100_000, ge=1, le=10_000_000,
        description="Longest notes accepted, in characters; longer input is refused, not truncated.",
    )
    plan_default_days: int = Field(
        default=60, ge=1, le=730, description="Plan length used when the notes state no deadline at all."
    )
    plan_max_days: int = Field(
        default=90, ge=1, le=730, description="Longest plan the policy allows; goals due later get a warning."
    )
    check_in_max_gap_days: int = Field(
        default=30, ge=1, le=365, description="Longest gap the policy allows between two check-ins."
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
        default=None,
        validation_alias=AliasChoices("PLANCOACH_LLM_API_KEY", "OPENAI_API_KEY"),
        description="API key for the LLM server; falls back to OPENAI_API_KEY.",
    )
    llm_output_mode: Literal["auto", "json_schema", "tools", "json_object"] = Field(
        default="auto",
        description="How the model is held to the plan's JSON schema. 'auto' tries json_schema, then json_object with "
        "the schema (llama.cpp's way), then tool calling, and remembers what the server accepted.",
    )
    llm_timeout_s: float = Field(
        default=120.0, gt=0, le=3600,
        description="Seconds one draft may wait for the model in all: every request, retry and repair together, from "
        "connecting to the answer's last byte (a whole-request deadline, not a per-read timeout).",
    )
    llm_max_retries: int = Field(
        default=2, ge=0, le=10, description="Retries, with exponential backoff, after HTTP 429 or 5xx. Timeouts are never retried."
    )
    llm_max_tokens: int = Field(default=300, ge=1, le=100_000, description="Most tokens the model may write for one answer.")
    llm_max_prompt_tokens: int = Field(
        default=4000, ge=1, le=1_000_000, description="Prompt budget (estimated tokens): longer notes are refused by the LLM drafter."
    )
    llm_plan_budget_s: float = Field(
        default=60.0, gt=0, le=3600,
        description="Time one plan may take. The LLM drafter asks no further question once the answers so far have "
        "used it; what is left unasked keeps the notes reader's reading.",
    )
    llm_questions: list[Literal["employee", "rivals", "role", "owners"]] = Field(
        default=["employee", "role"],
        description="What the LLM drafter may ask the model where the notes reader is unsure: 'employee' where it names "
        "nobody, 'role' where it finds no role or is unsure of it. 'rivals' (who, of the names the reader hesitates "
        "between, the plan is about) and 'owners' (who does an action) are opt-in: the 1.5B test model's answers cost "
        "more than they fixed on our labelled notes and the wide cases.",
    )
    llm_fallback_to_embedded: bool = Field(
        default=False,
        description="Opt-in: when the model cannot be reached, draft with the embedded drafter instead (the plan says so).",
    )
    llm_temperature: float = Field(default=0.1, ge=0, le=2, description="Sampling temperature; low keeps numbers faithful.")
    prompts_dir: Path | None = Field(
        default=None, description="Folder of prompt overrides (any of prompts/*.md by its name); default: the bundled prompts/."
    )
    knowledge_dirs: list[Path] | None = Field(
        default=None, description="Knowledge folders ingested on first use; default: the bundled knowledge/."
    )
    lexicon_dirs: list[Path] | None = Field(
        default=None,
        description="Folders of the organisation's word lists, laid out as the bundled lexicons/ (en/, zh/, common/, "
        "a new language's folder with its profile.toml); their lists extend the bundled ones.",
    )
    embeddings: Literal["e5", "openai"] = Field(
        default="e5",
        description="Knowledge embeddings: 'e5' (bundled multilingual-e5-small, offline) or 'openai' (the OpenAI "
        "embeddings API with PLANCOACH_LLM_API_KEY, or a compatible server at PLANCOACH_EMBEDDING_BASE_URL).",
    )
    embedding_model: str = Field(default="text-embedding-3-small", description="Embedding model name for 'openai'.")
    embedding_base_url: str | None = Field(default=None, description="OpenAI-compatible embeddings server, if not OpenAI.")
    page_size: Literal["A4", "Letter"] = Field(
        default="A4", description="Paper size of the DOCX and PDF exports: the organisation's 'A4' or 'Letter'."
    )
    retrieval_samples: int = Field(default=2, ge=0, le=20, description="Similar sample plans retrieved per draft.")
    retrieval_policy: int = Field(default=3, ge=0, le=20, description="Policy passages retrieved per draft.")

    secret_key: str | None = Field(
        default=None,
        description="Key that signs session cookies; default: a random key kept in data_dir/secret.key (set it when "
                    "several app processes serve one organisation).",
    )
    session_hours: float = Field(default=10.0, gt=0, description="Hours a sign-in lasts before it must be repeated.")
    secure_cookies: bool = Field(default=False, description="Send the session cookie over HTTPS only (set behind TLS).")
    allow_no_signin: bool = Field(
        default=False,
        description="Serve on a non-loopback address with no account and no single sign-on (everyone is one user). "
                    "Only for a trusted network.",
    )
    oidc_metadata_url: str | None = Field(
        default=None,
        description="OpenID Connect discovery URL (…/.well-known/openid-configuration) of the identity provider; "
                    "setting it turns single sign-on on.",
    )
    oidc_client_id: str | None = Field(default=None, description="Client id registered with the identity provider.")
    oidc_client_secret: str | None = Field(default=None, description="Client secret registered with the identity provider.")
    oidc_name_claim: str = Field(default="email", description="Claim that names the account (email, preferred_username, sub).")
    oidc_role_claim: str = Field(default="groups", description="Claim holding the user's groups or roles.")
    oidc_role_map: dict[str, str] = Field(
        default_factory=dict,
        description='Groups or role values to PlanCoach roles, as JSON, e.g. {"hr-team": "hr", "managers": "manager"}; '
                    "a user matching several gets the first role in this map; no match: no access.",
    )

    @field_validator("data_dir", "cache_dir", mode="before")
    @classmethod
    def _folder(cls, value: object, info) -> object:
        """An empty value is the default folder, not the working directory; '~' is the home folder."""
        if isinstance(value, str | Path):
            if not str(value).strip():
                return default_data_dir() if info.field_name == "data_dir" else default_cache_dir()
            return Path(value).expanduser()
        return value

    @field_validator("page_size", mode="before")
    @classmethod
    def _page_size_any_case(cls, value: object) -> object:
        """'a4' and 'LETTER' are what people type."""
        return {"a4": "A4", "letter": "Letter"}.get(value.lower(), value) if isinstance(value, str) else value

    def resolved_database_url(self) -> str:
        return self.database_url or f"sqlite:///{(self.data_dir / 'plancoach.db').resolve()}"

    def resolved_drafter(self) -> str:
        if self.drafter:
            return self.drafter
        return "llm" if (self.llm_base_url or self.llm_api_key) else "embedded"

    def chroma_path(self) -> Path:
        return self.data_dir / "chroma"

    def require_writable_data_dir(self) -> Path:
        """The data folder, created if need be, or a SettingsError when this user cannot write in it."""
        try:
            self.data_dir.mkdir(parents=True, exist_ok=True)
            tempfile.TemporaryFile(dir=self.data_dir).close()
        except OSError as exc:
            raise SettingsError(f"PLANCOACH_DATA_DIR={self.data_dir} cannot be written ({exc.strerror}): choose a folder "
                                "this user can write to") from None
        return self.data_dir


    @classmethod
    def load(cls, **values) -> Settings:
        """The settings from the environment (and `values`), or a SettingsError naming what is wrong."""
        try:
            return cls(**values)
        except ValidationError as exc:
            raise SettingsError(setting_problem(exc)) from None
        except PydanticSettingsError as exc:  # a list or other JSON setting that does not parse
            raise SettingsError(f"a PLANCOACH_* setting cannot be read ({exc}); fix it in the environment or .env") from None


def setting_problem(exc: ValidationError) -> str:
    """One sentence for the first bad setting: its variable, the value given and what it accepts."""
    err = exc.errors()[0]
    name = str(err["loc"][0]) if err["loc"] else "?"
    variable = name if name.isupper() else f"PLANCOACH_{name.upper()}"  # an alias is already the variable
    value = err.get("input")
    shown = f"={str(value)[:40]}" if value is not None and not isinstance(value, dict) else ""
    msg = err["msg"].removeprefix("Value error, ")
    more = f" ({len(exc.errors()) - 1} more setting(s) are wrong too)" if len(exc.errors()) > 1 else ""
    return f"{variable}{shown} is not allowed: {msg[:1].lower()}{msg[1:]}; change it in the environment or .env{more}"


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings.load()

"""The LLM drafter: a LangChain chain over any OpenAI-compatible chat model, asked only what the reader is unsure of.

The notes analysis (the reader) already knows most of a plan: the shortfalls, the numbers, the dates, who does
what. Redrafting all of it gave a model many chances to get something wrong and few to add anything, so the
model is asked small questions instead (`questions.py`): who the employee is, the role, who owns an action,
each where the reader is unsure and the settings allow it (PLANCOACH_LLM_QUESTIONS). Each is one prompt from
`prompts/`: the system prompt, then an excerpt of the numbered notes (`notes.md`: the header and the sentences the
question is about) and the question, answered with one short JSON object (json_schema, json_object with the
schema or tool calling, whichever the server accepts), with one repair re-ask when the answer is not that JSON.
Every answer is checked against the notes and ignored when it fails; the checked answers change the reading, and
the embedded drafter drafts the plan from it. The model is the only part that is faked in tests.
"""
from __future__ import annotations

import functools
import json
import logging
import re
import threading
import time
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

from langchain_core.language_models import BaseChatModel
from langchain_core.messages import AIMessage, BaseMessage, HumanMessage, SystemMessage
from langchain_core.prompts import PromptTemplate

from ..deadline import call_within
from ..errors import first_line
from ..notes import NotesAnalysis
from ..package_data import bundled
from ..schema import Plan
from ..settings import Settings
from ..textutil import wide_chars
from .base import DraftContext, DraftingError
from .embedded import EmbeddedDrafter
from .questions import QUESTIONS, Answers, Question, reread

log = logging.getLogger("plancoach")
BUNDLED_PROMPTS = bundled("prompts")
OutputMode = Literal["json_schema", "tools", "json_object"]
MODES: tuple[OutputMode, ...] = ("json_schema", "json_object", "tools")
TOOL_NAME = "answer"


# ---------------------------------------------------------------- prompts

# Each prompt file and what it may ask for (prompts/README.md); an overriding file asking for more is refused at load.
PROMPT_PLACEHOLDERS: dict[str, set[str]] = {
    "system": {"language"},
    "notes": {"notes", "language"},
    "employee": {"choices"},
    "name": set(),
    "role": {"employee", "choices"},
    "job": {"employee"},
    "owners": {"actions", "employee", "manager"},
    "repair": {"errors"},
}


@dataclass(frozen=True)
class Prompts:
    templates: dict[str, PromptTemplate]

    @classmethod
    def load(cls, override_dir: Path | None = None) -> Prompts:
        """Bundled prompts, each replaceable by a file of the same name in `override_dir`; read again
        when a file changes, so an organisation can tune its prompts without a restart."""
        paths = tuple(override_dir / f"{name}.md" if override_dir and (override_dir / f"{name}.md").is_file()
                      else BUNDLED_PROMPTS / f"{name}.md" for name in PROMPT_PLACEHOLDERS)
        return _read_prompts(paths, tuple(path.stat().st_mtime_ns for path in paths))

    def format(self, name: str, **values: str) -> str:
        return self.templates[name].format(**values)


@lru_cache(maxsize=8)
def _read_prompts(paths: tuple[Path, ...], _mtimes: tuple[int, ...]) -> Prompts:
    templates = {}
    for path, (name, allowed) in zip(paths, PROMPT_PLACEHOLDERS.items()):
        try:
            template = PromptTemplate.from_template(path.read_text(encoding="utf-8"))
        except ValueError as e:  # an unbalanced brace
            raise DraftingError(f"The prompt file {path} cannot be read as a template ({e}); write a literal brace "
                                "twice: {{ and }}. Your notes are unchanged.") from e
        unknown = set(template.input_variables) - allowed
        if unknown:
            raise DraftingError(f"The prompt file {path} asks for {', '.join('{' + u + '}' for u in sorted(unknown))}, "
                                f"which the drafter does not fill (it may use: {', '.join(sorted(allowed))}; a literal "
                                "brace is written twice, {{ and }}; see prompts/README.md). Your notes are unchanged.")
        templates[name] = template
    return Prompts(templates)


def estimate_tokens(text: str) -> int:
    """A tokenizer-free estimate (tiktoken would fetch its tables at run time): CJK ~1 per char, else ~4 chars."""
    cjk = wide_chars(text)
    return cjk + (len(text) - cjk + 3) // 4


def render_notes(analysis: NotesAnalysis, keep: frozenset[str] | None = None) -> str:
    """One line per sentence, with its id (only those in `keep`, with '...' where sentences are left out).
    Sentences the screening kept out never reach the model."""
    lines: list[str] = []
    for s in analysis.sentences:
        if keep is not None and s.id not in keep:
            if lines and lines[-1] != "...":
                lines.append("...")
            continue
        if s.kind == "excluded":
            lines.append(f"{s.id}: [left out of the plan: {', '.join(sorted({h.kind for h in s.hits})) or 'excluded'}]")
        else:
            lines.append(f"{s.id}: {s.body if s.hits else s.text}")
    return "\n".join(lines)


# ---------------------------------------------------------------- talking to the model

class ProviderError(DraftingError):
    """The model server failed; the message names the setting to check."""


@dataclass
class ChatCall:
    """One structured request, with retries on 429/5xx and a fallback across output modes."""

    model: BaseChatModel
    settings: Settings
    mode: OutputMode | None = None  # learnt from the first accepted request

    def modes(self) -> list[OutputMode]:
        if self.mode:
            return [self.mode]
        wanted = self.settings.llm_output_mode
        return list(MODES) if wanted == "auto" else [wanted]

    def __call__(self, messages: list[BaseMessage], deadline: float, schema: dict[str, Any]) -> tuple[str, dict | None]:
        """(raw text, parsed object or None) under the JSON `schema`, by `deadline` (a time.monotonic() the whole exchange must end by:
        the draft's PLANCOACH_LLM_TIMEOUT_S). Raises ProviderError when the server cannot answer, or not in time."""
        import openai

        modes = self.modes()
        for i, mode in enumerate(modes):
            try:
                message = self._with_retries(mode, messages, deadline, schema)
            except TimeoutError:
                raise self._timed_out() from None
            except openai.APIStatusError as e:
                unsupported = e.status_code in (400, 415, 422, 500, 501) and i < len(modes) - 1
                if unsupported:
                    log.info("%s refused (HTTP %s); trying %s", mode, e.status_code, modes[i + 1])
                    continue
                raise self._explain(e) from e
            except openai.APIError as e:
                raise self._explain(e) from e
            except (ValueError, LookupError, TypeError, AttributeError) as e:  # garbage, HTML, an empty body, no choices
                where = self.settings.llm_base_url or "the OpenAI API"
                raise ProviderError(f"The LLM server at {where} answered with something that is not an OpenAI chat "
                                    f"completion ({first_line(e, 120)}): check PLANCOACH_LLM_BASE_URL (it usually "
                                    "ends in /v1). Your notes are unchanged.") from None
            self.mode = mode
            return _message_payload(message)
        raise ProviderError("The LLM server accepted none of the structured-output modes; set PLANCOACH_LLM_OUTPUT_MODE.")

    def _with_retries(self, mode: OutputMode, messages: list[BaseMessage], deadline: float, schema: dict[str, Any]) -> AIMessage:
        """One request (and its retries), each within what is left before `deadline`: the HTTP client's
        timeout bounds each read only, and a server sending a byte every few seconds never trips it."""
        import openai

        bound = self.model.bind(**self._request_options(mode, schema))
        for attempt in range(self.settings.llm_max_retries + 1):
            try:
                return call_within(deadline - time.monotonic(), lambda: bound.invoke(messages), "llm-request")
            except (openai.RateLimitError, openai.InternalServerError) as e:
                # 429/502/503/504 pass; a 500 on a mode not yet known to work more likely means "unsupported"
                certain = self.mode is not None or self.settings.llm_output_mode != "auto"
                transient = e.status_code != 500 or certain
                if not transient or attempt == self.settings.llm_max_retries:
                    raise
                wait = _retry_after(e) or min(0.5 * 2**attempt, 20.0)
                if time.monotonic() + wait >= deadline:
                    raise
                log.info("HTTP %s; retry %d in %.1f s", e.status_code, attempt + 1, wait)
                time.sleep(wait)
        raise AssertionError("unreachable")

    def _request_options(self, mode: OutputMode, schema: dict[str, Any]) -> dict[str, Any]:
        options: dict[str, Any] = {}
        extra: dict[str, Any] = {}
        if self.settings.llm_base_url:  # compatible servers read max_tokens, not max_completion_tokens
            extra["max_tokens"] = self.settings.llm_max_tokens
        if mode == "json_schema":
            options["response_format"] = {"type": "json_schema",
                                          "json_schema": {"name": "answer", "schema": schema, "strict": False}}
        elif mode == "tools":
            options["tools"] = [{"type": "function", "function": {
                "name": TOOL_NAME, "description": "Give the answer.", "parameters": schema}}]
            options["tool_choice"] = {"type": "function", "function": {"name": TOOL_NAME}}
        else:  # llama.cpp's way: json mode constrained by a schema it turns into a grammar
            extra["response_format"] = {"type": "json_object", "schema": schema}
        if extra:
            options["extra_body"] = extra
        return options

    def _timed_out(self) -> ProviderError:
        where = self.settings.llm_base_url or "the OpenAI API"
        return ProviderError(f"The model at {where} did not answer within {self.settings.llm_timeout_s:g} s "
                             "(PLANCOACH_LLM_TIMEOUT_S). Your notes are unchanged; try again or use the embedded drafter.")

    def _explain(self, e: Exception) -> ProviderError:
        import openai

        s = self.settings
        where = s.llm_base_url or "the OpenAI API"
        if isinstance(e, openai.APITimeoutError):
            return self._timed_out()
        if isinstance(e, openai.APIConnectionError):
            return ProviderError(f"Cannot reach the LLM server at {where}: check PLANCOACH_LLM_BASE_URL "
                                 "(and that the server is running). Your notes are unchanged.")
        if isinstance(e, openai.AuthenticationError):
            return ProviderError(f"{where} refused the API key (HTTP 401): set PLANCOACH_LLM_API_KEY or OPENAI_API_KEY.")
        if isinstance(e, openai.PermissionDeniedError):
            return ProviderError(f"{where} denied access (HTTP 403) to model {s.llm_model!r}: check PLANCOACH_LLM_API_KEY "
                                 "and PLANCOACH_LLM_MODEL.")
        if isinstance(e, openai.NotFoundError):
            return ProviderError(f"{where} has no model {s.llm_model!r} (HTTP 404): check PLANCOACH_LLM_MODEL and "
                                 "PLANCOACH_LLM_BASE_URL.")
        if isinstance(e, openai.RateLimitError):
            return ProviderError(f"{where} is rate-limiting requests (HTTP 429) after {s.llm_max_retries} retries "
                                 "(PLANCOACH_LLM_MAX_RETRIES). Your notes are unchanged; try again later.")
        status = getattr(e, "status_code", None)
        return ProviderError(f"The LLM server at {where} failed (HTTP {status}): {_short(str(e))}. "
                             "Your notes are unchanged.")


def _retry_after(e: Exception) -> float | None:
    response = getattr(e, "response", None)
    value = response.headers.get("retry-after") if response is not None else None
    try:
        return min(float(value), 20.0) if value else None
    except ValueError:
        return None


def _short(text: str, n: int = 200) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


def _message_payload(message: AIMessage) -> tuple[str, dict | None]:
    for call in getattr(message, "tool_calls", None) or []:
        if isinstance(call.get("args"), dict) and call["args"]:
            return json.dumps(call["args"], ensure_ascii=False), call["args"]
    for bad in getattr(message, "invalid_tool_calls", None) or []:
        text = bad.get("args") or ""
        return text, _parse_json(text)
    text = message.content if isinstance(message.content, str) else json.dumps(message.content)
    return text, _parse_json(text)


def _parse_json(text: str) -> dict | None:
    """The JSON object in a model answer, tolerating code fences and chatter around it."""
    text = re.sub(r"^\s*```(?:json)?\s*|\s*```\s*$", "", text.strip())
    start, end = text.find("{"), text.rfind("}")
    if start < 0 or end <= start:
        return None
    try:
        value = json.loads(text[start : end + 1])
    except json.JSONDecodeError:
        return None
    return value if isinstance(value, dict) else None


# ---------------------------------------------------------------- the drafter

def _require_provider(settings: Settings) -> None:
    if not (settings.llm_base_url or settings.llm_api_key):
        raise ProviderError("The LLM drafter needs PLANCOACH_LLM_BASE_URL (an OpenAI-compatible server) or "
                            "PLANCOACH_LLM_API_KEY / OPENAI_API_KEY (the OpenAI API). Or set PLANCOACH_DRAFTER=embedded.")


def default_chat_model(settings: Settings, http_client: Any = None) -> BaseChatModel:
    """LangChain's OpenAI chat model (ChatOpenAI, through `init_chat_model`) for the OpenAI API or any compatible
    server; `http_client` lets tests replay HTTP."""
    from langchain.chat_models import init_chat_model

    _require_provider(settings)
    options: dict[str, Any] = {}
    if not settings.llm_base_url:
        options["max_tokens"] = settings.llm_max_tokens
    return init_chat_model(
        settings.llm_model,
        model_provider="openai",
        base_url=settings.llm_base_url,
        api_key=settings.llm_api_key or "not-needed",
        timeout=settings.llm_timeout_s,
        max_retries=0,  # retries are ours: backoff on 429/5xx only, never stacked on a timed-out local server
        temperature=settings.llm_temperature,
        http_client=http_client,
        **options,
    )


# Settings that make a different connection; the rest (prompts, budgets) are read per draft.
_CONNECTION_SETTINGS = ("llm_base_url", "llm_model", "llm_api_key", "llm_timeout_s", "llm_temperature",
                        "llm_max_tokens", "llm_output_mode", "llm_max_retries")
_CALLS: dict[tuple, ChatCall] = {}
_CALLS_LOCK = threading.Lock()


def shared_chat_call(settings: Settings) -> ChatCall:
    """One chat model per provider configuration and process, reused by every draft: it keeps the HTTP
    connections open (no new TLS handshake per plan) and remembers the output mode the server accepted
    (on llama.cpp each new connection would first spend a refused json_schema request)."""
    key = tuple(getattr(settings, name) for name in _CONNECTION_SETTINGS)
    with _CALLS_LOCK:
        call = _CALLS.get(key)
        if call is None:
            call = _CALLS[key] = ChatCall(default_chat_model(settings), settings)
        return call


@dataclass
class DraftTrace:
    """What happened during one draft, for the CLI's --verbose and the benchmarks."""

    prompt_tokens: int = 0
    calls: int = 0
    asked: list[str] = field(default_factory=list)  # the questions, in order
    answers: dict[str, str] = field(default_factory=dict)  # question -> the model's answer, as received
    repaired: list[str] = field(default_factory=list)  # questions re-asked for an answer that was not the JSON asked
    fixes: list[str] = field(default_factory=list)  # what the checked answers changed
    ignored: list[str] = field(default_factory=list)  # answers that failed their check, and why
    skipped: list[str] = field(default_factory=list)  # questions left unasked: the plan's time budget was spent
    model_seconds: float = 0.0


class LLMDrafter:
    def __init__(self, settings: Settings, chat_model: BaseChatModel | None = None):
        if chat_model is None:
            _require_provider(settings)  # a setting missing is said at once, not at the first question
        self.settings = settings
        self.prompts = Prompts.load(settings.prompts_dir)
        self._chat_model = chat_model
        self.name = f"llm:{settings.llm_model}"
        self.trace = DraftTrace()

    @functools.cached_property
    def call(self) -> ChatCall:
        """The chat model, made at the first question: a plan the reader is sure of asks nothing, and never loads the
        OpenAI client (about 2 s of a cold `plancoach draft`)."""
        return ChatCall(self._chat_model, self.settings) if self._chat_model else shared_chat_call(self.settings)

    def draft(self, analysis: NotesAnalysis, context: DraftContext) -> Plan:
        """The embedded drafter's plan from the reading the model's checked answers corrected. A question is
        asked while the plan's time budget (PLANCOACH_LLM_PLAN_BUDGET_S) lasts; the rest keep the reader's reading."""
        self.trace = trace = DraftTrace()
        started = time.monotonic()
        deadline = started + self.settings.llm_timeout_s  # every request and repair together
        answers = Answers()
        for make in QUESTIONS:
            question = make(analysis if not answers else _updated(analysis, answers))
            if question is None or question.setting not in self.settings.llm_questions:
                continue
            if trace.calls and time.monotonic() - started > self.settings.llm_plan_budget_s:
                trace.skipped.append(question.name)
                continue
            data = self._answer(question, analysis, deadline)
            changes, ignored = question.check(data) if data is not None else ({}, [f"{question.name}: no usable answer"])
            trace.ignored += ignored
            for key, value in changes.items():
                setattr(answers, key, value)
                trace.fixes.append(f"{key}: {value}")
        reread(analysis, answers)
        plan = EmbeddedDrafter().draft(analysis, context)
        return plan.model_copy(update={"drafter": self.name})

    def messages(self, question: Question, analysis: NotesAnalysis) -> list[BaseMessage]:
        """The system prompt, then the part of the notes the question is about and the question, in one message."""
        s = self.settings
        language = "Chinese" if analysis.language == "zh" else "English"
        notes = self.prompts.format("notes", notes=render_notes(analysis, question.about or None), language=language)
        messages: list[BaseMessage] = [SystemMessage(content=self.prompts.format("system", language=language)),
                                       HumanMessage(content=f"{notes}\n\n{self.prompts.format(question.name, **question.values)}")]
        if sum(estimate_tokens(str(m.content)) for m in messages) > s.llm_max_prompt_tokens:
            raise DraftingError(
                f"These notes are too long for the LLM drafter's prompt budget ({s.llm_max_prompt_tokens} tokens, "
                "PLANCOACH_LLM_MAX_PROMPT_TOKENS). Shorten them, raise the budget, or use the embedded drafter.")
        return messages

    def _answer(self, question: Question, analysis: NotesAnalysis, deadline: float) -> dict | None:
        """The model's answer to one question, with one re-ask when it is not the JSON object the question's schema
        asks for."""
        self.trace.asked.append(question.name)
        messages = self.messages(question, analysis)
        self.trace.prompt_tokens += sum(estimate_tokens(str(m.content)) for m in messages)
        raw, data = self._ask(messages, deadline, question.schema)
        self.trace.answers[question.name] = _short(raw, 300)
        errors = _shape_errors(data, question.schema, raw)
        if not errors:
            return data
        self.trace.repaired.append(question.name)
        repair = self.prompts.format("repair", errors="\n".join(f"- {e}" for e in errors))
        raw, data = self._ask([*messages, AIMessage(content=_short(raw, 2000)), HumanMessage(content=repair)],
                              deadline, question.schema)
        return None if _shape_errors(data, question.schema, raw) else data

    def _ask(self, messages: list[BaseMessage], deadline: float, schema: dict[str, Any]) -> tuple[str, dict | None]:
        started = time.perf_counter()
        try:
            return self.call(messages, deadline, schema)
        finally:
            self.trace.calls += 1
            self.trace.model_seconds += time.perf_counter() - started


def _shape_errors(data: dict | None, schema: dict[str, Any], raw: str) -> list[str]:
    """What keeps an answer from being the JSON object `schema` asks for (its keys, and values among their choices)."""
    if data is None:
        return [f"The answer was not one JSON object. It began: {_short(raw, 120)!r}"]
    errors = []
    for key in schema.get("required", []):
        allowed = schema["properties"][key].get("enum")
        if key not in data:
            errors.append(f"{key!r} is missing")
        elif allowed and data[key] not in allowed:
            errors.append(f"{key!r} is {data[key]!r}: it must be one of {', '.join(map(json.dumps, allowed))}")
    return errors


def _updated(analysis: NotesAnalysis, answers: Answers) -> NotesAnalysis:
    """The analysis as the next question sees it: the role question asks about the employee just named."""
    from dataclasses import replace

    return replace(analysis, employee_name=answers.employee or analysis.employee_name,
                   employee_rivals=() if answers.employee else analysis.employee_rivals)

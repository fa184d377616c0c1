"""The LLM drafter: a LangChain chain over any OpenAI-compatible chat model, held to the notes.

prompts/ (system, draft) -> the notes with sentence ids, the analysis and retrieved context ->
the chat model under the draft schema (json_schema, tool calling or json_object, whichever the
server accepts) -> Pydantic validation and the review checks -> one repair re-ask with the errors
-> `hold_to_notes`, which takes any number, date or citation the model still got wrong from the
notes analysis and adds what the analysis owns (who does what, check-ins) -> the plan. The model
is the only part that is faked in tests.
"""
from __future__ import annotations

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
from pydantic import ValidationError

from ..checks import review
from ..deadline import call_within
from ..errors import first_line
from ..notes import NotesAnalysis
from ..package_data import bundled
from ..policy import Policy
from ..schema import Plan, load_plan_lenient
from ..settings import Settings
from ..textutil import wide_chars
from .base import DraftContext, DraftingError
from .embedded import EmbeddedDrafter
from .grounding import HeldDraft, NoteFigures, hold_to_notes, prose_number_errors, quote
from .model_output import PlanDraft, draft_json_schema, within_caps

log = logging.getLogger("plancoach")
BUNDLED_PROMPTS = bundled("prompts")
OutputMode = Literal["json_schema", "tools", "json_object"]
MODES: tuple[OutputMode, ...] = ("json_schema", "json_object", "tools")
TOOL_NAME = "submit_plan"


# ---------------------------------------------------------------- prompts

@dataclass(frozen=True)
class Prompts:
    system: PromptTemplate
    draft: PromptTemplate
    repair: PromptTemplate

    @classmethod
    def load(cls, override_dir: Path | None = None) -> Prompts:
        """Bundled prompts, each replaceable by a file of the same name in `override_dir`; read again
        when a file changes, so an organisation can tune its prompts without a restart."""
        paths = tuple(override_dir / name if override_dir and (override_dir / name).is_file() else BUNDLED_PROMPTS / name
                      for name in ("system.md", "draft.md", "repair.md"))
        return _read_prompts(paths, tuple(path.stat().st_mtime_ns for path in paths))


# What each prompt may ask for (prompts/README.md); an overriding file asking for more is refused at load.
PROMPT_PLACEHOLDERS = (
    {"language"},
    {"language", "notes", "analysis", "context", "interview_date", "max_days", "check_in_gap"},
    {"errors"},
)


@lru_cache(maxsize=8)
def _read_prompts(paths: tuple[Path, ...], _mtimes: tuple[int, ...]) -> Prompts:
    templates = []
    for path, allowed in zip(paths, PROMPT_PLACEHOLDERS):
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
        templates.append(template)
    return Prompts(*templates)


def estimate_tokens(text: str) -> int:
    """A tokenizer-free estimate (tiktoken would fetch its tables at run time): CJK ~1 per char, else ~4 chars."""
    cjk = wide_chars(text)
    return cjk + (len(text) - cjk + 3) // 4


def render_notes(analysis: NotesAnalysis) -> str:
    """One line per sentence, with its id. Sentences the screening kept out never reach the model."""
    lines = []
    for s in analysis.sentences:
        if s.kind == "excluded":
            lines.append(f"{s.id}: [left out of the plan: {', '.join(sorted({h.kind for h in s.hits})) or 'excluded'}]")
        else:
            lines.append(f"{s.id}: {s.body if s.hits else s.text}")
    return "\n".join(lines)


def render_analysis(analysis: NotesAnalysis, reference: Plan) -> str:
    """What the deterministic analysis found: the model rewrites around these facts, never against them."""
    a = analysis
    out = [
        f"Employee: {a.employee_name or 'not named'}; role: {a.employee_role or 'not given'}; "
        f"manager: {a.manager or 'not named'}; interview date: {a.interview_date.isoformat()}.",
    ]
    # Targets and agreed actions are left out: goals are listed below, and responsibilities are the analysis's.
    groups = {"observation": "Shortfalls", "standard": "Standards", "account": "Employee's own account", "cause": "Causes"}
    for kind, title in groups.items():
        items = []
        for s in a.of_kind(kind):
            facts = [q.text for q in s.quantities] + [d.date.isoformat() for d in s.dates]
            who = f" [{s.actor.owner}: {s.actor.text}]" if s.actor else ""
            items.append(s.id + who + (f" ({'; '.join(facts)})" if facts else ""))
        if items:
            out.append(f"{title}: " + ", ".join(items))
    for g in reference.goals:
        cited = ", ".join(g.source_sentences) or ", ".join(g.deficiency_ids)
        out.append(f"Goal found: {g.id} ({cited}): {g.metric} {g.target or ''} by {g.deadline or '-'}")
    return "\n".join(out)


def render_context(context: DraftContext, budget_tokens: int) -> str:
    """Samples first: they show the parts the model writes; the policy is applied by the analysis."""
    parts, used = [], 0
    for p in [*context.samples, *context.policy]:
        text = f"[{p.kind}: {p.title}]\n{p.text.strip()}"
        cost = estimate_tokens(text)
        if used + cost > budget_tokens:
            continue
        parts.append(text)
        used += cost
    return "\n\n".join(parts) or "(none)"


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

    def __call__(self, messages: list[BaseMessage], deadline: float) -> tuple[str, dict | None]:
        """(raw text, parsed object or None), by `deadline` (a time.monotonic() the whole exchange must end by:
        the draft's PLANCOACH_LLM_TIMEOUT_S). Raises ProviderError when the server cannot answer, or not in time."""
        import openai

        modes = self.modes()
        for i, mode in enumerate(modes):
            try:
                message = self._with_retries(mode, messages, deadline)
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

    def _with_retries(self, mode: OutputMode, messages: list[BaseMessage], deadline: float) -> AIMessage:
        """One request (and its retries), each within what is left before `deadline`: the HTTP client's
        timeout bounds each read only, and a server sending a byte every few seconds never trips it."""
        import openai

        bound = self.model.bind(**self._request_options(mode))
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

    def _request_options(self, mode: OutputMode) -> dict[str, Any]:
        schema = draft_json_schema()
        options: dict[str, Any] = {}
        extra: dict[str, Any] = {}
        if self.settings.llm_base_url:  # compatible servers read max_tokens, not max_completion_tokens
            extra["max_tokens"] = self.settings.llm_max_tokens
        if mode == "json_schema":
            options["response_format"] = {"type": "json_schema",
                                          "json_schema": {"name": "plan_draft", "schema": schema, "strict": False}}
        elif mode == "tools":
            options["tools"] = [{"type": "function", "function": {
                "name": TOOL_NAME, "description": "Submit the drafted improvement plan.", "parameters": schema}}]
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
    if isinstance(value, dict) and isinstance(value.get("plan"), dict):
        value = value["plan"]
    return value if isinstance(value, dict) else None


# ---------------------------------------------------------------- the drafter

def default_chat_model(settings: Settings, http_client: Any = None) -> BaseChatModel:
    """LangChain's OpenAI chat model (ChatOpenAI, through `init_chat_model`) for the OpenAI API or any compatible
    server; `http_client` lets tests replay HTTP."""
    from langchain.chat_models import init_chat_model

    if not (settings.llm_base_url or settings.llm_api_key):
        raise ProviderError("The LLM drafter needs PLANCOACH_LLM_BASE_URL (an OpenAI-compatible server) or "
                            "PLANCOACH_LLM_API_KEY / OPENAI_API_KEY (the OpenAI API). Or set PLANCOACH_DRAFTER=embedded.")
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
    repaired: bool = False
    first_errors: list[str] = field(default_factory=list)
    fixes: list[str] = field(default_factory=list)
    model_seconds: float = 0.0
    answer: str = ""  # the model's first answer, as received


class LLMDrafter:
    def __init__(self, settings: Settings, chat_model: BaseChatModel | None = None):
        self.settings = settings
        self.prompts = Prompts.load(settings.prompts_dir)
        self.call = ChatCall(chat_model, settings) if chat_model else shared_chat_call(settings)
        self.name = f"llm:{settings.llm_model}"
        self.trace = DraftTrace()

    def draft(self, analysis: NotesAnalysis, context: DraftContext) -> Plan:
        self.trace = trace = DraftTrace()
        deadline = time.monotonic() + self.settings.llm_timeout_s  # every request and the repair together
        reference = EmbeddedDrafter().draft(analysis, context)
        if reference.status != "draft" and not analysis.of_kind("observation"):
            # Nothing in the notes to draft from: asking a model would only invite invention.
            return reference.model_copy(update={"drafter": self.name})
        messages = self.messages(analysis, context, reference)
        trace.prompt_tokens = sum(estimate_tokens(str(m.content)) for m in messages)

        raw, data = self._ask(messages, deadline)
        trace.answer = raw
        figures = NoteFigures.of(analysis, reference)
        draft, errors = self.validate(data, raw, analysis, figures, context.rules)
        in_time = trace.model_seconds < self.settings.llm_plan_budget_s / 2
        if errors and (draft is None or in_time):
            trace.first_errors = errors
            trace.repaired = True
            repair = self.prompts.repair.format(errors="\n".join(f"- {e}" for e in errors[:20]))
            raw2, data2 = self._ask([*messages, AIMessage(content=_short(raw, 6000)), HumanMessage(content=repair)],
                                    deadline)
            draft2, errors2 = self.validate(data2, raw2, analysis, figures, context.rules)
            if draft2 is not None and (draft is None or len(errors2) <= len(errors)):
                draft = draft2
        if draft is None:
            raise DraftingError("The model returned no usable plan, even after a repair request "
                                f"({_short('; '.join(trace.first_errors), 300)}). Your notes are unchanged; "
                                "try again, use a larger model (PLANCOACH_LLM_MODEL) or the embedded drafter.")
        held, trace.fixes = hold_to_notes(draft, analysis, reference, context.rules)
        return self.to_plan(held, analysis, context)

    def messages(self, analysis: NotesAnalysis, context: DraftContext, reference: Plan) -> list[BaseMessage]:
        s = self.settings
        language = "Chinese" if analysis.language == "zh" else "English"
        notes = render_notes(analysis)
        facts = render_analysis(analysis, reference)
        # Everything before the notes is the same for every draft, so the server's prompt cache reuses it
        # (the language is named at the end).
        system = self.prompts.system.format(language=language)
        fixed = {"language": language, "interview_date": analysis.interview_date.isoformat(),
                 "max_days": context.rules.plan_max_days, "check_in_gap": context.rules.check_in_max_gap_days,
                 "analysis": facts, "notes": notes}
        bare = self.prompts.draft.format(context="", **fixed)
        left = s.llm_max_prompt_tokens - estimate_tokens(system) - estimate_tokens(bare)
        if left < 0:
            raise DraftingError(
                f"These notes are too long for the LLM drafter's prompt budget ({s.llm_max_prompt_tokens} tokens, "
                "PLANCOACH_LLM_MAX_PROMPT_TOKENS). Shorten them, raise the budget, or use the embedded drafter.")
        human = self.prompts.draft.format(context=render_context(context, min(left, s.llm_context_tokens)), **fixed)
        return [SystemMessage(content=system), HumanMessage(content=human)]

    def _ask(self, messages: list[BaseMessage], deadline: float) -> tuple[str, dict | None]:
        started = time.perf_counter()
        try:
            return self.call(messages, deadline)
        finally:
            self.trace.calls += 1
            self.trace.model_seconds += time.perf_counter() - started

    def validate(self, data: dict | None, raw: str, analysis: NotesAnalysis, figures: NoteFigures,
                 policy: Policy) -> tuple[PlanDraft | None, list[str]]:
        """The draft (None when unusable) and every problem with it, worded for the repair request."""
        if data is None:
            return None, [f"The answer was not one JSON object matching the schema. It began: {_short(raw, 120)!r}"]
        data = within_caps(data)
        try:
            draft = PlanDraft.model_validate(data)
        except ValidationError as e:
            return None, [f"{'.'.join(str(p) for p in err['loc'])}: {err['msg']}" for err in e.errors()[:20]]
        for d in draft.deficiencies:  # evidence left out is quoted from the cited sentences
            if not d.evidence.strip():
                d.evidence = quote(analysis, d.source_sentences)
        plan = self.to_plan(draft, analysis, DraftContext(rules=policy))
        flags = review(plan, analysis, policy)
        # Errors only: a value the model left out is filled from the analysis without asking again.
        # (SMART values are the analysis's, added after this, so they are not the model's errors.)
        errors = [f"{f.location}: {f.message}" if f.location else f.message
                  for f in flags if f.severity == "error" and f.kind != "smart"]
        errors += prose_number_errors(draft, figures)
        return draft, errors

    def to_plan(self, draft: PlanDraft | HeldDraft, analysis: NotesAnalysis, context: DraftContext) -> Plan:
        """Lenient: a broken cross-reference becomes a schema flag from the checks (and a repair request), not a crash."""
        deadlines = [deadline for g in draft.goals if (deadline := getattr(g, "deadline", None))]
        status = "draft" if draft.deficiencies and draft.goals else "insufficient_information"
        drafted = status == "draft"
        return load_plan_lenient({
            "status": status,
            "language": analysis.language,
            "drafter": self.name,
            "employee": {"name": analysis.employee_name, "role": analysis.employee_role},
            "manager": analysis.manager,
            "interview_date": analysis.interview_date,
            "period": {"start": analysis.interview_date, "end": max(deadlines) if deadlines and drafted else None},
            "deficiencies": [d.model_dump() for d in draft.deficiencies],
            "root_causes": [c.model_dump() for c in draft.root_causes],
            "goals": [g.model_dump() for g in draft.goals] if drafted else [],
            "responsibilities": [r.model_dump() for r in getattr(draft, "responsibilities", [])] if drafted else [],
            "check_ins": [c.model_dump() for c in getattr(draft, "check_ins", [])] if drafted else [],
            "sources": [src.model_dump() for src in context.sources()],
        })

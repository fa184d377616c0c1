"""The manager's workspace (Gradio): draft, edit, check, export, keep every version, HR review, learn.

Only wiring lives here: each tab is a class that builds its components and registers its events (`DraftTab`, made of
parts by concern, `PlansTab`, `ReviewTab`, `AdminPage`, and `TopBar` above them); every step is a `Workspace` call
made for the signed-in user (`Page.who`), plans cross into the UI through `tables.py`, and handlers return their
values by component. Text from notes and people reaches Markdown views only through `markdown_text`.

Each step is registered twice: as a named API endpoint (a hidden button) that raises a refusal, and as the
browser's event, which shows the refusal as one sentence beside the control at fault (`Page.in_browser`): a raised
error would mark every output with a red badge. Words come from the language files (`assistant/i18n/`) in
the language the signed-in person chose, kept with their account (`preferences.py`) like learning mode.
"""
from __future__ import annotations

import threading

import gradio as gr
import uvicorn
from fastapi import FastAPI

from ..access import ALONE
from ..errors import PlanCoachError
from ..pipeline import warm_up
from ..settings import Settings, get_settings
from ..workspace import Workspace
from .admin import AdminPage
from .draft_tab import DraftTab
from .language import LanguageFirst
from .parts import Page
from .plans import PlansTab
from .review import ReviewTab
from .signin import Gate, install
from .top import TopBar

# Gradio's own semi-bold Source Sans file holds a few letters only ('ʙaseline', 'SMᴀRT' in headers and buttons):
# regular and bold, and the browser takes bold for the semi-bold the theme asks for.
THEME = gr.themes.Default(font=[gr.themes.LocalFont("Source Sans Pro", weights=(400, 700)), "ui-sans-serif",
                                "system-ui", "sans-serif"])
CSS = """
.pc-guide {border-left: 4px solid #7c9cd6; padding-left: 10px; background: #f6f8fc}
.pc-status {min-height: 1.5em}
.pc-error p {color: #b42318; margin: 2px 0 6px}
.pc-table th, .pc-table th *, .pc-table .virtual-row * {font-family: var(--font) !important}
.pc-table th *, .pc-table th *::first-letter {font-size: var(--text-sm) !important}
.pc-table th .header {word-break: normal !important; overflow-wrap: normal !important; hyphens: none}
.pc-table th .cell-wrap {padding-left: 4px; padding-right: 4px}
.pc-hidden {display: none !important}
.pc-hint p {color: var(--body-text-color-subdued); font-size: var(--text-sm); margin: 0}
#pc-highlight .textfield, #pc-readings .textfield {display: block; word-break: normal; overflow-wrap: anywhere}
#pc-highlight .line-break, #pc-readings .line-break {display: block}
#pc-highlight .label, #pc-readings .label {white-space: nowrap}
.pc-legend {display: flex; flex-wrap: wrap; gap: 4px; font-size: var(--text-sm); font-weight: 600}
.pc-legend-item {border-radius: var(--radius-xs); padding: 0 6px}
"""


def _say(line: str) -> None:
    """A line for the person who started the workspace (indexing progress), on its console."""
    print(line, flush=True)


def build(settings: Settings | None = None, gate: Gate | None = None) -> gr.Blocks:
    settings = settings or get_settings()
    ws = Workspace.open(settings)
    page = Page(ws, settings, gate or Gate(ws.accounts, settings))
    # Index the knowledge base and warm the drafter while the page loads, not during the first manager's draft.
    threading.Thread(target=warm_up, args=(settings, _say), daemon=True, name="warm-up").start()

    # Gradio's copies of uploads and exports hold personal data: removed like the exports themselves.
    with gr.Blocks(title="PlanCoach", delete_cache=(60, int(settings.export_keep_minutes * 60))) as demo:
        draft = DraftTab(page)
        top = TopBar(page).build()
        with gr.Tabs() as tabs:
            draft.build()
            plans = PlansTab(page).build()
            review = ReviewTab(page).build()
            admin = AdminPage(ws, page.who, page.lang_of)
            admin.build()
        draft.register(top.ui_lang)
        plans.register(draft.opening, draft.opened_views, draft.fresh_history)
        top.register(demo, draft, plans, review, admin)
        top.show_tabs(demo, tabs)
        admin.register(demo)
        review.wire()
    return demo


LOOPBACK = ("127.0.0.1", "localhost", "::1")


class SignInRequired(PlanCoachError, RuntimeError):
    """`serve` on a shared address with nobody to sign in."""


# Gradio's own words that its Chinese file lacks (it showed "In queue: 1 of 3" and "common.complete" in a Chinese
# browser); Gradio's words follow the person's choice of language like ours (language.py).
_GRADIO_ZH = {"status": {"queue_position": "排队中：第 {position} 位，共 {size} 位"}, "common": {"complete": "完成"}}
GRADIO_WORDS = {"zh-CN": _GRADIO_ZH, "zh": _GRADIO_ZH}

# Gradio's queue polls for work every 1 ms; while events wait for a free slot that loop holds the event loop
# and the GIL ~1000 times a second, taking CPU from the drafts it waits for. 10 ms costs an event at most 10 ms.
QUEUE_POLL_SECONDS = 0.01


def create_app(settings: Settings | None = None) -> FastAPI:
    """The web app: sign-in routes and the gate, with the workspace mounted behind them."""
    settings = settings or get_settings()
    ws = Workspace.open(settings)
    gate = Gate(ws.accounts, settings)
    if gate.open and settings.host not in LOOPBACK and not settings.allow_no_signin:
        raise SignInRequired(
            f"Refusing to serve {settings.host} without sign-in: create the first account with "
            "`plancoach users add NAME --role admin` (or configure single sign-on), or set "
            "PLANCOACH_ALLOW_NO_SIGNIN=true on a trusted network.")
    app = FastAPI(docs_url=None, redoc_url=None, openapi_url=None)
    install(app, gate, settings)
    app.add_middleware(LanguageFirst)
    demo = build(settings, gate)
    demo.queue(default_concurrency_limit=8)
    demo._queue.sleep_when_free = QUEUE_POLL_SECONDS
    return gr.mount_gradio_app(app, demo, path="", auth_dependency=gate.username, css=CSS, theme=THEME,
                               footer_links=[],  # no "Use via API" or "Built with Gradio" under the workspace
                               # Gradio's hint says flat; its front end reads these nested keys ('status.queue_position').
                               show_error=True, i18n=gr.I18n(**GRADIO_WORDS))  # type: ignore[arg-type]


def launch(host: str = "127.0.0.1", port: int = 7860, settings: Settings | None = None) -> None:
    settings = (settings or get_settings()).model_copy(update={"host": host, "port": port})
    app = create_app(settings)
    ws = Workspace.open(settings)
    if not ws.accounts.any() and not settings.oidc_metadata_url:
        print("No account yet: one person works without sign-in. Create the first administrator with "
              "`plancoach users add NAME --role admin` to turn sign-in on.", flush=True)
    elif unowned := ws.store.owned_by(ALONE.name):
        print(f"{unowned} plans were drafted before sign-in was on and nobody can open them now: give them to the "
              "manager who wrote them with `plancoach plans adopt NAME`.", flush=True)
    print(f"PlanCoach is ready at http://{host}:{port}", flush=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")

"""The one root of every failure a user can fix, and the exit code the command line gives it.

Each subclass belongs to the module that raises it (`inputs.InputError`, `settings.SettingsError`,
`drafting.base.DraftingError`, ...); its message is one sentence that names what to fix (the file,
the setting, the server), shown as is by the CLI, the app and `ingest`.
"""
from __future__ import annotations

EXIT_USAGE = 2  # a user error: fix the input, the setting or the server named in the message


class PlanCoachError(Exception):
    """A failure the message explains; never shown with a traceback."""

    exit_code = EXIT_USAGE


def first_line(exc: BaseException, limit: int = 200) -> str:
    """What another library's exception says, fit to quote inside a one-line message."""
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0][:limit]

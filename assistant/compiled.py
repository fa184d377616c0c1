"""The lexicon's compiled word lists, kept on disk between runs.

Compiling the long alternations of `lexicon` costs about 0.7 s in every new process, a quarter of a cold
`plancoach draft`, and `re` keeps what it compiles only in memory. So the program `re` builds for each of
them (a list of numbers) is kept in the cache folder (PLANCOACH_CACHE_DIR), keyed by the pattern, its flags
and the Python that built it, and handed back to `_sre.compile` by the next process, which checks every
program it is given. The file is written with `marshal` (plain data, never code) and atomically. When
anything is amiss (no folder to write, another Python, a damaged file), the pattern is compiled as usual.
"""
from __future__ import annotations

import atexit
import hashlib
import marshal
import os
import re
import sys
import tempfile
from functools import cache
from pathlib import Path
from typing import Any

try:  # CPython's own: how `re.compile` turns a pattern into a program
    import _sre  # type: ignore[import-not-found]
    from re import _compiler, _parser  # type: ignore[attr-defined]
except ImportError:  # another Python: compile as usual
    _sre = None

_Program = tuple[int, list[int], int, dict[str, int], tuple[str | None, ...]]


def regex(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """`re.compile(pattern, flags)`, from the cache folder when a run before compiled it."""
    store = _store()
    if store is None:
        return re.compile(pattern, flags)
    flags = int(flags)  # a RegexFlag is an int to `_sre`, and marshal keeps plain ints only
    key = hashlib.blake2b(f"{flags}:{pattern}".encode(), digest_size=16).hexdigest()
    program = store.get(key)
    if program is not None:
        try:
            return _sre.compile(pattern, *program)
        except (TypeError, ValueError, RuntimeError):
            pass  # compiled again below, and replaced
    try:
        parsed = _parser.parse(pattern, flags)
        groups = parsed.state.groupdict
        index = [None] * parsed.state.groups
        for name, i in groups.items():
            index[i] = name
        program = (flags | parsed.state.flags, [int(op) for op in _compiler._code(parsed, flags)], parsed.state.groups - 1,
                   dict(groups), tuple(index))
        compiled = _sre.compile(pattern, *program)
    except re.error:
        raise
    except Exception:  # noqa: BLE001 -- CPython's internals changed: compile as usual, and keep nothing
        return re.compile(pattern, flags)
    store.add(key, program)
    return compiled


class _Store:
    """The programs of one Python version, read once, written back when the process ends if it added any. Each is kept
    with its checksum: `_sre` checks a program's structure, not that it is the one compiled (a flipped bit can leave a
    valid program that matches nothing)."""

    def __init__(self, path: Path):
        self.path = path
        self.programs: dict[str, tuple[bytes, _Program]] = {}
        self.used: set[str] = set()
        self.added = False
        try:
            loaded: Any = marshal.loads(path.read_bytes())
            if isinstance(loaded, dict):
                self.programs = loaded
        except (OSError, EOFError, ValueError, TypeError):
            pass  # none yet, or unreadable: start afresh

    def get(self, key: str) -> _Program | None:
        entry = self.programs.get(key)
        if not (isinstance(entry, tuple) and len(entry) == 2 and entry[0] == _checksum(entry[1])):
            return None  # none, or damaged: compiled again
        self.used.add(key)
        return entry[1]

    def add(self, key: str, program: _Program) -> None:
        if not self.added:
            atexit.register(self.save)
        self.programs[key] = (_checksum(program), program)
        self.used.add(key)
        self.added = True

    def save(self) -> None:
        """Written atomically; where it holds far more than this process used (lists edited since), only what it used."""
        if len(self.programs) > KEEP_UNUSED * len(self.used):
            self.programs = {k: v for k, v in self.programs.items() if k in self.used}
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=".compiled-")
        except OSError:
            return  # a read-only home: the next run compiles again
        try:
            with os.fdopen(fd, "wb") as out:
                out.write(marshal.dumps(self.programs))
            os.replace(tmp, self.path)
        except (OSError, ValueError):
            Path(tmp).unlink(missing_ok=True)


KEEP_UNUSED = 3  # the file may hold this many times the programs one process uses before the unused ones go


def _checksum(program: Any) -> bytes:
    """Of the program's value: marshal's version 2 writes no back-references, so the same value gives the same bytes."""
    try:
        return hashlib.blake2b(marshal.dumps(program, 2), digest_size=16).digest()
    except ValueError:
        return b""


@cache
def _store() -> _Store | None:
    if _sre is None or sys.implementation.name != "cpython":
        return None
    from .settings import SettingsError, get_settings

    try:
        folder = get_settings().cache_dir
    except SettingsError:
        return None
    return _Store(folder / f"patterns-{sys.implementation.cache_tag}-{_sre.MAGIC}.marshal")

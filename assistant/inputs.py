"""Reading what users give us and writing what we give back, without ever losing either.

Every user mistake (missing file, empty notes, a Word file renamed .txt, GBK text, broken JSON)
becomes an InputError with one readable sentence; outputs are written atomically.
"""
from __future__ import annotations

import codecs
import json
import os
import sys
import tempfile
from pathlib import Path

from pydantic import ValidationError

from .schema import Plan


class InputError(ValueError):
    """A problem with what the user gave; the message is shown as is."""


def decode_notes(data: bytes, source: str = "notes") -> str:
    if b"\x00" in data and not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise InputError(f"{source} looks like a binary file, not text: save the notes as plain text (UTF-8) and try again")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        guess = _guess_encoding(data)
        hint = f" (it looks like {guess}; convert it, e.g. iconv -f {guess} -t UTF-8)" if guess else ""
        raise InputError(f"{source} is not UTF-8 text{hint}: byte {exc.start} cannot be read") from None


def _guess_encoding(data: bytes) -> str | None:
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - a dependency, but the message must not depend on it
        return None
    best = from_bytes(data[:20000]).best()
    return best.encoding.upper().replace("_", "-") if best and best.encoding != "utf_8" else None


def validate_notes(text: str, max_chars: int) -> str:
    if not text or not text.strip():
        raise InputError("the notes are empty: paste or write what was said in the interview")
    if len(text) > max_chars:
        raise InputError(
            f"the notes are {len(text):,} characters long; the limit is {max_chars:,} "
            "(PLANCOACH_MAX_NOTES_CHARS): split them or keep the parts about this employee"
        )
    return text


def read_notes(path: str, max_chars: int) -> str:
    """Notes from a file, or from standard input when `path` is '-'."""
    if path == "-":
        data = sys.stdin.buffer.read(max_chars * 4 + 1)
        source = "standard input"
    else:
        p = Path(path)
        if not p.exists():
            raise InputError(f"no such file: {path}")
        if p.is_dir():
            raise InputError(f"{path} is a folder, not a notes file")
        if p.stat().st_size > max_chars * 4:
            raise InputError(f"{path} is {p.stat().st_size:,} bytes; notes are limited to {max_chars:,} characters")
        if p.suffix.lower() == ".docx":
            return validate_notes(read_docx_text(p), max_chars)
        data = p.read_bytes()
        source = path
    return validate_notes(decode_notes(data, source), max_chars)


def read_docx_text(path: Path) -> str:
    try:
        from docx import Document

        return "\n".join(p.text for p in Document(str(path)).paragraphs)
    except Exception as exc:  # python-docx raises many kinds for a damaged file
        raise InputError(f"{path} could not be read as a Word document: {exc}") from None


def load_plan(path: str) -> Plan:
    p = Path(path)
    if not p.exists():
        raise InputError(f"no such file: {path}")
    text = decode_notes(p.read_bytes(), path)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"{path} is not valid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}") from None
    return parse_plan(data, path)


def parse_plan(data: object, source: str = "plan") -> Plan:
    try:
        return Plan.model_validate(data)
    except ValidationError as exc:
        raise InputError(f"{source} is not a valid plan: " + "; ".join(validation_messages(exc))) from None


def validation_messages(exc: ValidationError) -> list[str]:
    out = []
    for err in exc.errors():
        where = ".".join(str(x) for x in err["loc"]) or "plan"
        msg = err["msg"].removeprefix("Value error, ")
        out.append(f"{where}: {msg}")
    return out


def write_atomic(path: str | Path, content: str | bytes) -> None:
    """Write a whole file or nothing: a crash mid-write leaves the old file (or none), never half of one."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    data = content.encode("utf-8") if isinstance(content, str) else content
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise

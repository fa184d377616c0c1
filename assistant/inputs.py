"""Reading what users give us, bounded, without ever losing it.

Every user mistake (missing file, empty notes, a Word file renamed .txt, GBK text, broken JSON, a
device or a pipe given as notes) becomes an InputError with one readable sentence. Nothing is read
without a bound: notes and plans come from regular files only (a FIFO would hang, /dev/zero never
ends), at most the notes limit is read from any input, and a .docx is opened only when its unpacked
size and paragraph count are within DOCX_MAX_BYTES and DOCX_MAX_PARAGRAPHS.
"""
from __future__ import annotations

import codecs
import json
import stat
import sys
import zipfile
from pathlib import Path

from pydantic import ValidationError

from .errors import PlanCoachError, first_line
from .schema import Plan

BYTES_PER_CHAR = 4  # the most UTF-8 needs: a file of more than 4 bytes per allowed character is too long
JSON_MAX_BYTES = 50_000_000  # a plan or readings file; a plan of 50,000 goals takes ~13 MB
# A .docx is a zip: 89 KB of six million empty paragraphs once took 70-90 s and 2 GB to open.
DOCX_MAX_BYTES = 50_000_000  # all its parts, unpacked
DOCX_MAX_PARAGRAPHS = 50_000
DOCX_MAX_PARTS = 2_000


class InputError(PlanCoachError, ValueError):
    """A problem with what the user gave (notes, a plan file, an output path); the message is shown as is."""


def decode_notes(data: bytes, source: str = "notes") -> str:
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16")
    utf16 = _utf16_without_bom(data)
    if utf16:
        return data.decode(utf16)
    if b"\x00" in data:
        raise InputError(f"{source} looks like a binary file, not text: save it as plain text (UTF-8) and try again")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        guess = guess_encoding(data)
        hint = f" (it looks like {guess[0]}; convert it, e.g. iconv -f {guess[1]} -t UTF-8 FILE)" if guess else ""
        raise InputError(f"{source} is not UTF-8 text{hint}: byte {exc.start} cannot be read") from None


def _utf16_without_bom(data: bytes) -> str | None:
    """'utf-16-le' or '-be' when `data` reads as UTF-16 text without a byte-order mark: mostly ASCII
    or Latin text, so the high byte of nearly every character is zero (CJK text has no such tell and
    is left to the UTF-8 check, which refuses it with a hint)."""
    if len(data) < 8 or len(data) % 2:
        return None
    for codec, high in (("utf-16-le", data[1::2]), ("utf-16-be", data[0::2])):
        if high.count(0) >= 0.9 * len(high):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError:
                continue
            if all(c.isprintable() or c in "\r\n\t\f" for c in text):
                return codec
    return None


def guess_encoding(data: bytes) -> tuple[str, str] | None:
    """(what to call it, its iconv name) for text that is not UTF-8. Western text comes first: isolated
    bytes over 127 among ASCII are accented letters in Windows-1252 / Latin-1 (a statistical guess
    called short Latin-1 text CP852 or HP-ROMAN8); pairs of them are a CJK or other multi-byte text,
    which charset_normalizer names."""
    sample = data[:20000]
    high = [i for i, b in enumerate(sample) if b > 127]
    isolated = [i for i in high if (i == 0 or sample[i - 1] < 128) and (i + 1 == len(sample) or sample[i + 1] < 128)]
    if high and len(isolated) >= 0.8 * len(high):
        try:
            sample.decode("cp1252")
            return "Windows-1252 / Latin-1 (Western European)", "CP1252"
        except UnicodeDecodeError:
            pass
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - a dependency, but the message must not depend on it
        return None
    best = from_bytes(sample).best()
    if not best or best.encoding == "utf_8":
        return None
    name = best.encoding.upper().replace("_", "-")
    return name, name


def validate_notes(text: str, max_chars: int) -> str:
    if not text or not text.strip():
        raise InputError("the notes are empty: paste or write what was said in the interview")
    return check_notes_length(text, max_chars)


def check_notes_length(text: str, max_chars: int) -> str:
    """`text` when it is within the notes limit: what drafting reads and what the plan store keeps."""
    if len(text) > max_chars:
        raise InputError(
            f"the notes are {len(text):,} characters long; the limit is {max_chars:,} "
            "(PLANCOACH_MAX_NOTES_CHARS): split them or keep the parts about this employee"
        )
    return text


def read_notes(path: str, max_chars: int) -> str:
    """Notes from a regular file, or from standard input when `path` is '-'; at most the limit is read."""
    limit = max_chars * BYTES_PER_CHAR
    if path == "-":
        data = sys.stdin.buffer.read(limit + 1)
        return validate_notes(decode_notes(data, "standard input"), max_chars)
    p = _regular_file(path, "notes")
    size = p.stat().st_size
    if size > limit:
        raise InputError(f"{path} is {size:,} bytes; notes are limited to {max_chars:,} characters "
                         "(PLANCOACH_MAX_NOTES_CHARS): split them or keep the parts about this employee")
    if p.suffix.lower() == ".docx":
        return validate_notes(read_docx_text(p), max_chars)
    return validate_notes(decode_notes(_read_at_most(p, limit), path), max_chars)


def _regular_file(path: str | Path, what: str) -> Path:
    """`path` when it is a regular file (or a symlink to one); devices, pipes and folders are refused
    without being opened (opening a FIFO waits for a writer forever)."""
    p = Path(path)
    try:
        mode = p.stat().st_mode
    except FileNotFoundError:
        raise InputError(f"no such file: {path}") from None
    except OSError as exc:
        raise InputError(f"cannot read {path} ({exc.strerror}): check the path and its permissions") from None
    if stat.S_ISDIR(mode):
        raise InputError(f"{path} is a folder, not a {what} file: give the file inside it")
    if not stat.S_ISREG(mode):
        raise InputError(f"{path} is not a regular file (a device, pipe or socket): save the {what} to a file"
                         + (", or pipe them in with -" if what == "notes" else ""))
    return p


def _read_at_most(p: Path, limit: int) -> bytes:
    """The file's bytes, never more than limit + 1 (a file can grow after its size was checked)."""
    try:
        with p.open("rb") as fh:
            return fh.read(limit + 1)
    except OSError as exc:
        raise InputError(f"cannot read {p} ({exc.strerror}): check the path and its permissions") from None


def open_docx(path: Path):
    """A python-docx Document, opened only when its unpacked size and paragraph count are bounded."""
    from docx import Document

    try:
        with zipfile.ZipFile(path) as zf:
            parts = zf.infolist()
            if len(parts) > DOCX_MAX_PARTS or sum(i.file_size for i in parts) > DOCX_MAX_BYTES:
                raise InputError(f"{path} unpacks to more than {DOCX_MAX_BYTES // 1_000_000} MB or "
                                 f"{DOCX_MAX_PARTS:,} parts: save it as a smaller .docx or as plain text")
            _count_paragraphs(zf, path)
        return Document(str(path))
    except InputError:
        raise
    except Exception as exc:  # noqa: BLE001 -- zipfile, lxml and python-docx raise many kinds for a damaged file
        raise InputError(f"{path} could not be read as a Word document ({first_line(exc)}): "
                         "open and save it again in Word, or save it as plain text") from None


def _count_paragraphs(zf: zipfile.ZipFile, path: Path) -> None:
    from lxml import etree

    paragraph = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}p"
    with zf.open("word/document.xml") as xml:
        parts = etree.iterparse(xml, events=("end",), tag=paragraph, resolve_entities=False, no_network=True)
        for n, (_, element) in enumerate(parts, 1):
            if n > DOCX_MAX_PARAGRAPHS:
                raise InputError(f"{path} has more than {DOCX_MAX_PARAGRAPHS:,} paragraphs: save it as a smaller "
                                 ".docx or as plain text")
            element.clear()


def read_docx_text(path: Path) -> str:
    return "\n".join(p.text for p in open_docx(path).paragraphs)


def read_json(path: str, what: str, max_bytes: int = JSON_MAX_BYTES) -> object:
    """The JSON in a regular file of at most `max_bytes`; `what` names the file in messages ('plan')."""
    p = _regular_file(path, what)
    size = p.stat().st_size
    if size > max_bytes:
        raise InputError(f"{path} is {size:,} bytes; a {what} file is at most {max_bytes:,}: check that it is one")
    text = decode_notes(_read_at_most(p, max_bytes), path)
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"{path} is not valid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}") from None
    except RecursionError:
        raise InputError(f"{path} is not a {what} file: its JSON is nested too deeply to be one") from None
    except ValueError:  # Python reads integers of at most 4,300 digits
        raise InputError(f"{path} is not a {what} file: it holds a number of more than 4,300 digits") from None


def load_plan(path: str) -> Plan:
    return parse_plan(read_json(path, "plan"), path)


def parse_plan(data: object, source: str = "plan") -> Plan:
    try:
        return Plan.model_validate(data)
    except ValidationError as exc:
        problems = validation_messages(exc)
        more = f" (and {len(problems) - 5:,} more)" if len(problems) > 5 else ""
        raise InputError(f"{source} is not a valid plan: " + "; ".join(problems[:5]) + more) from None


def validation_messages(exc: ValidationError) -> list[str]:
    out = []
    for err in exc.errors():
        where = ".".join(str(x) for x in err["loc"]) or "plan"
        msg = err["msg"].removeprefix("Value error, ")
        out.append(f"{where}: {msg}")
    return out

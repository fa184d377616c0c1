"""Knowledge files as chunks: a Markdown, text or Word file read with its front matter, cut into one chunk
per section, each screened like notes and given an id that names its kind, language, file and content.

A file that cannot be read (invalid front matter, not UTF-8, a damaged .docx) raises `UnreadableFile`,
naming it. Chunks are screened as they are indexed (`screened`), so no planted instruction reaches a
model prompt.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from ..frontmatter import FRONT_MATTER
from ..inputs import InputError, decode_notes, open_docx
from ..lexicon import load
from ..package_data import bundled
from ..screening import injection_hits, screen_counted
from .embeddings import EMBED_CHARS
from .errors import UnreadableFile

BUNDLED = bundled("knowledge")
SUFFIXES = {".md", ".markdown", ".txt", ".docx"}
FILE_MAX_BYTES = 10_000_000  # one knowledge file; larger ones are skipped with a warning


def _screening_lists() -> str:
    """The word lists chunks are screened with (`screened`): a change to them re-indexes the knowledge."""
    data = json.dumps([load(name) for name in ("injection", "outcome", "bias", "coded", "sensitive")], sort_keys=True)
    return hashlib.sha256(data.encode()).hexdigest()[:12]


# Part of every content hash: changing how files are chunked, screened or embedded re-indexes them.
CHUNKING = f"sections-h2/e5-small/{EMBED_CHARS}/routed-ids/screened-{_screening_lists()}"


@dataclass(frozen=True)
class Chunk:
    id: str
    text: str
    metadata: dict[str, Any]


CONTENT_MARK = "@"  # what comes before the content hash in a chunk id


def chunk_id(kind: str, language: str, source: str, index: int, digest: str) -> str:
    """Kind and language lead the id, so that a search can route its hits without reading metadata:
    at 10,000 chunks, fetching forty hits' metadata costs more than the vector search itself. The
    file's content hash ends it, so an id always names the same text (and a cached text stays true).
    Ids written before the hash was added (no '@') stay valid until their file changes; they are
    fetched every time (re-embedding a large store on upgrade only to rename ids would take hours)."""
    return f"{kind}|{language}|{source}#{index}{CONTENT_MARK}{digest[:16]}"


def read_document(path: Path) -> tuple[dict[str, Any], str]:
    """Front matter and body of a knowledge file (Markdown, plain text or Word); UnreadableFile says why not."""
    try:
        size = path.stat().st_size
        if size > FILE_MAX_BYTES:
            raise UnreadableFile(f"{path} is {size:,} bytes, over the {FILE_MAX_BYTES:,} a knowledge file may have")
        if path.suffix.lower() == ".docx":
            doc = open_docx(path)
            lines = [("## " + p.text) if p.style.name.lower().startswith("heading") else p.text for p in doc.paragraphs]
            return {}, "\n".join(lines)
        text = decode_notes(path.read_bytes(), str(path))
    except InputError as exc:  # not UTF-8 (with the likely encoding), binary, a damaged or oversized .docx
        raise UnreadableFile(str(exc)) from None
    except OSError as exc:
        raise UnreadableFile(f"{path} cannot be read ({exc.strerror})") from None
    m = FRONT_MATTER.match(text)
    if not m:
        return {}, text
    try:
        meta = yaml.safe_load(m.group(1)) or {}
    except yaml.YAMLError as exc:
        where = getattr(exc, "problem_mark", None)
        at = f" at line {where.line + 2}" if where is not None else ""  # +1 for the '---' line, +1 from 0-based
        raise UnreadableFile(f"{path}: its front matter is not valid YAML{at} "
                             f"({getattr(exc, 'problem', None) or exc}); fix it between the '---' lines") from None
    return _front_matter(meta, path), text[m.end():]


def _front_matter(meta: Any, path: Path) -> dict[str, str]:
    """The front matter's fields as text, a list joined with ', '; anything nested deeper is refused, not
    printed (a YAML alias bomb is tiny as data and enormous as text)."""
    if not isinstance(meta, dict):
        return {}
    scalar = (str, int, float, bool, dt.date)
    out: dict[str, str] = {}
    for key, value in meta.items():
        if isinstance(value, list) and all(isinstance(v, scalar) for v in value):
            out[str(key)] = ", ".join(str(v) for v in value)
        elif isinstance(value, scalar) or value is None:
            out[str(key)] = "" if value is None else str(value)
        else:
            raise UnreadableFile(f"{path}: its front matter field {key!r} must be text or a list of text")
    return out


def screened(text: str, kind: str) -> str:
    """A chunk as it is indexed (and so as a model prompt may see it), screened like notes: a line that
    addresses the assistant (an instruction planted in a knowledge file) is left out of every chunk, and
    a line with biased or sensitive wording out of sample plans, whose words a model copies. Policy keeps
    those: it names the words to avoid ('Instead of "lazy", write ...'). Done once, when a file is indexed:
    at retrieval it cost 0.9-3.6 ms a passage (measured on a busy 2-core machine)."""

    def held_back(part: str) -> bool:
        return bool(injection_hits(part) or (kind == "sample" and screen_counted(part)))

    if not held_back(text):  # most passages: one pass over the whole text
        return text
    return "\n".join(line for line in text.splitlines() if not held_back(line))


def file_digest(path: Path) -> str:
    """What an indexed file's chunks carry: unchanged, the file is not read again (nor parsed, nor screened)."""
    return hashlib.sha256(CHUNKING.encode() + path.read_bytes()).hexdigest()


def source_name(path: Path, root: Path) -> str:
    return path.relative_to(root).as_posix() if path.is_relative_to(root) else path.as_posix()


def chunk_document(path: Path, root: Path) -> list[Chunk]:
    """One chunk per section ('## ...'), each prefixed with the document title so it stands alone."""
    meta, body = read_document(path)
    digest, source = file_digest(path), source_name(path, root)
    title = str(meta.get("title") or _first_heading(body) or path.stem)
    kind = str(meta.get("kind") or ("policy" if "policy" in path.parts else "sample"))
    base = {
        "kind": kind if kind in ("sample", "policy") else "sample",
        "title": title,
        "source": source,
        "hash": digest,
        "role": str(meta.get("role", "")),
        "industry": str(meta.get("industry", "")),
        "language": str(meta.get("language", "zh" if re.search(r"[\u4e00-\u9fff]", body) else "en")),
        "tags": meta.get("tags", ""),
    }
    sections = re.split(r"\n(?=##\s)", "\n" + body.strip())
    chunks = []
    for i, section in enumerate(s.strip() for s in sections):
        if not section or (section.startswith("# ") and len(section.splitlines()) == 1):
            continue
        heading = section.splitlines()[0].lstrip("# ").strip() if section.startswith("#") else ""
        text = screened(f"{title}\n{section}", base["kind"])
        chunks.append(Chunk(chunk_id(base["kind"], base["language"], source, i, digest), text, {**base, "section": heading}))
    return chunks


def _first_heading(body: str) -> str | None:
    m = re.search(r"^#\s+(.+)$", body, re.M)
    return m.group(1).strip() if m else None


def knowledge_files(paths: list[Path]) -> list[tuple[Path, Path]]:
    """(file, root) pairs under the given files or folders."""
    out = []
    for p in paths:
        p = p.resolve()
        if p.is_dir():
            out += [(f, p) for f in sorted(p.rglob("*")) if f.suffix.lower() in SUFFIXES and f.is_file()
                    and not f.name.lower().startswith("readme")]
        elif p.is_file() and p.suffix.lower() in SUFFIXES:
            out.append((p, p.parent))
    return out

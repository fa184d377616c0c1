"""Where plans are written: a regular file or a new path, whole or not at all, and export names
that any file system takes.

`--output` onto a symlink, `/dev/null` or `/dev/stdout` once replaced it with a regular file (the
atomic write renames over its path). Now a device, a pipe or a folder is refused before the draft
runs, and a symlink to a regular file is written through: its target gets the plan, the link stays.
"""
from __future__ import annotations

import os
import re
import shutil
import stat
import tempfile
import threading
import time
import unicodedata
from pathlib import Path

from .inputs import InputError

NAME_MAX = 255  # bytes in one file name on ext4, XFS, btrfs, APFS and tmpfs, when the folder does not say


def output_target(path: str | Path) -> Path:
    """The regular file (existing or new) that writing to `path` will replace, or an InputError."""
    path = Path(path)
    try:
        info = path.lstat()
    except FileNotFoundError:
        return path
    if stat.S_ISLNK(info.st_mode):
        target = path.resolve()
        if not target.exists():
            raise InputError(f"{path} is a symlink to {target}, which does not exist: give a file path for the plan")
        if not target.is_file():
            raise InputError(f"{path} is a symlink to {target}, which is not a regular file: give a file path for the plan")
        return target
    if stat.S_ISDIR(info.st_mode):
        raise InputError(f"{path} is a folder: give a file name for the plan, e.g. {path / 'plan.json'}")
    if not stat.S_ISREG(info.st_mode):
        raise InputError(f"{path} is not a regular file (a device, pipe or socket): give a file path, "
                         "or leave out --output to print the plan")
    return path


def check_output(path: str | Path) -> Path:
    """Refuse an output the plan could not be written to, before the draft runs: a device, a folder, a
    folder that cannot be written. Nothing is created (a probe file is written and removed at once)."""
    target = output_target(path)
    folder = target.parent
    while not folder.exists():  # write_output creates the missing folders
        folder = folder.parent
    if not folder.is_dir():
        raise InputError(f"{folder} is not a folder, so {path} cannot be written: give another output path")
    try:
        fd, probe = tempfile.mkstemp(prefix=".plancoach-probe.", dir=folder)
    except OSError as exc:
        raise InputError(f"cannot write in {folder} ({exc.strerror}): give an output path in a folder you can write to") from None
    os.close(fd)
    os.unlink(probe)
    return target


def write_output(path: str | Path, content: str | bytes) -> Path:
    """Write the plan to `path` (through a symlink to its target), whole or not at all; returns the file written."""
    target = check_output(path)
    try:
        write_atomic(target, content)
    except OSError as exc:
        raise InputError(f"cannot write {path} ({exc.strerror}); nothing was written: free some space or give another path") from None
    return target


def write_atomic(path: Path, content: str | bytes) -> None:
    """Write a whole file or nothing: a crash mid-write leaves the old file (or none), never half of one.
    A file replaced keeps its permissions."""
    path.parent.mkdir(parents=True, exist_ok=True)
    data = content.encode("utf-8") if isinstance(content, str) else content
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name[:200]}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        if path.exists():
            os.chmod(tmp, stat.S_IMODE(path.stat().st_mode))
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


# ---------------------------------------------------------------- export files

_UNSAFE = re.compile(r"\W+")  # any run of what is not a letter, digit or "_" (in any script), "-" included, becomes one "-"


def safe_file_name(prefix: str, name: str, suffix: str, folder: Path, fallback: str = "plan") -> str:
    """`prefix + name + suffix` as a file name the folder's file system takes: the name without control or
    format characters, separators and punctuation made '-', and cut (on a character boundary) to the
    limit on a name's bytes."""
    visible = "".join(c for c in unicodedata.normalize("NFC", name) if unicodedata.category(c) not in ("Cc", "Cf"))
    name = _UNSAFE.sub("-", visible).strip("-") or fallback
    try:
        limit = os.pathconf(folder, "PC_NAME_MAX")
    except (OSError, ValueError):
        limit = NAME_MAX
    room = limit - len(prefix.encode("utf-8")) - len(suffix.encode("utf-8"))
    cut = name.encode("utf-8")[:room].decode("utf-8", "ignore").rstrip("-")
    return prefix + (cut or fallback) + suffix


def export_folder(root: Path, keep_minutes: float) -> Path:
    """A new private folder under `root` for one download. Exports hold personal data: the folder is
    removed `keep_minutes` later (long enough to download the file), and folders an earlier process
    left behind are removed at the next export."""
    root.mkdir(parents=True, exist_ok=True)
    cutoff = time.time() - keep_minutes * 60
    for old in root.iterdir():
        try:
            if old.is_dir() and not old.is_symlink() and old.stat().st_mtime < cutoff:
                shutil.rmtree(old, ignore_errors=True)
        except FileNotFoundError:  # another export removed it first
            continue
    folder = Path(tempfile.mkdtemp(prefix="export-", dir=root))
    removal = threading.Timer(keep_minutes * 60, shutil.rmtree, args=(folder,), kwargs={"ignore_errors": True})
    removal.daemon = True
    removal.start()
    return folder

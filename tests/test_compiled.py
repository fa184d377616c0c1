"""The lexicon's compiled word lists are kept on disk: a new process reads them back instead of compiling,
finds what `re` finds, and a damaged or unwritable cache only costs the compiling."""
import os
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# In a fresh process: compile one word list through the cache and print what it finds; with NO_PARSE set,
# fail if the cache has to parse it (so it must have come from the cache).
SCRIPT = textwrap.dedent("""
    import os, sys, types
    sys.path.insert(0, {root!r})
    from assistant import compiled, language, lexicon
    if os.environ.get("NO_PARSE"):
        def refuse(*args, **kwargs):
            raise AssertionError("parsed again")
        compiled._parser = types.SimpleNamespace(parse=refuse)
    found = lexicon.terms(("missed deadline", "late", "(?:her|his) age", "línea")).findall(
        "Late twice, a missed deadline, HIS AGE was mentioned, LÍNEA 3")
    lexicon.vocab_terms("observation", "negative")  # a long list too: its program must come back the same
    print(found)
    if os.environ.get("NO_PARSE"):
        store = compiled._store()
        print("all read back" if len(store.used) >= 2 and not store.added else "compiled again")
""")


def _run(cache: Path, *, no_parse: bool = False) -> subprocess.CompletedProcess:
    env = {**os.environ, "PLANCOACH_CACHE_DIR": str(cache), "PYTHONHASHSEED": "random"}
    if no_parse:
        env["NO_PARSE"] = "1"
    return subprocess.run([sys.executable, "-c", SCRIPT.format(root=str(ROOT))], env=env, capture_output=True,
                          text=True, timeout=120)


WANT = "['Late', 'missed deadline', 'HIS AGE', 'LÍNEA']\n"


def test_a_second_process_reads_the_compiled_list_back_and_finds_the_same(tmp_path):
    first = _run(tmp_path)
    assert first.returncode == 0, first.stderr
    assert first.stdout == WANT
    assert list(tmp_path.glob("patterns-*.marshal")), "the first process keeps what it compiled"
    second = _run(tmp_path, no_parse=True)
    assert second.returncode == 0, second.stderr
    assert second.stdout == WANT + "all read back\n"


def test_a_damaged_cache_file_is_compiled_again_and_replaced(tmp_path):
    assert _run(tmp_path).returncode == 0
    (kept,) = tmp_path.glob("patterns-*.marshal")
    kept.write_bytes(b"\x00not marshal at all")
    again = _run(tmp_path)
    assert again.returncode == 0, again.stderr
    assert again.stdout == WANT
    assert _run(tmp_path, no_parse=True).stdout == WANT + "all read back\n"  # written afresh


def test_a_cache_folder_that_cannot_be_written_costs_only_the_compiling(tmp_path):
    blocked = tmp_path / "file"
    blocked.write_text("a file where the folder should be")
    result = _run(blocked / "cache")
    assert result.returncode == 0, result.stderr
    assert result.stdout == WANT
    assert result.stderr == ""


def test_a_cached_program_altered_but_still_valid_is_compiled_again(tmp_path):
    """A flipped bit can leave a program `_sre` accepts that matches nothing: each entry's checksum catches it."""
    import marshal

    assert _run(tmp_path).returncode == 0
    (kept,) = tmp_path.glob("patterns-*.marshal")
    programs = marshal.loads(kept.read_bytes())
    for key, (checksum, (flags, code, *rest)) in programs.items():
        programs[key] = (checksum, (flags, [*code[:-2], 0, 0], *rest))  # still well formed, no longer the same
    kept.write_bytes(marshal.dumps(programs))
    again = _run(tmp_path)
    assert again.returncode == 0, again.stderr
    assert again.stdout == WANT


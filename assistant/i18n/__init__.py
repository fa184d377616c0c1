"""The workspace's words as data, one file per language beside this module (`en.toml`, `zh.toml`): labels,
table headers, status lines, errors, the names of things (severities, statuses, roles, readings), the
review checks' messages and learning mode's comments. Code asks for a key; adding a language is adding a
file. A key missing from a language falls back to English (tests/test_i18n.py keeps the files' keys equal).

The checks write their messages as sentences (`checks.py`, partly in the plan's language); `read_back`
matches such a sentence against every language's template of a section and writes it again in the
reader's language, its values translated where they are names of things (`terms`).
"""
from __future__ import annotations

import functools
import re
import string
import tomllib
from pathlib import Path

LANGUAGES = ("en", "zh")
FOLDER = Path(__file__).parent
LIST_SEPARATORS = {"en": ", ", "zh": "、"}
MATCHED = ("checks", "audit_detail", "refusals", "failures", "accounts")  # sections whose messages are read back
SHOWN = ("status", "errors", "refusals", "failures", "accounts")  # what a status line or a message beside a control says


@functools.cache
def catalogue(lang: str) -> dict:
    with open(FOLDER / f"{lang if lang in LANGUAGES else 'en'}.toml", "rb") as f:
        return tomllib.load(f)


def _lookup(lang: str, key: str):
    node = catalogue(lang)
    for part in key.split("."):
        node = node[part]
    return node


def text(lang: str, key: str, **params) -> str:
    """The words for `key` ("status.saved") in `lang`, with `params` filled in."""
    try:
        value = _lookup(lang, key)
    except KeyError:
        value = _lookup("en", key)
    if isinstance(value, list) and key.split(".")[0] in MATCHED:
        value = value[0]  # how we write it; the others are how other code may have written it
    return value.format(**params) if params else value


def columns(lang: str, table: str) -> list[str]:
    return list(text(lang, f"columns.{table}"))


def term(lang: str, group: str, key: str) -> str:
    """The name of a thing (`terms.<group>.<key>`): a severity, a status, a role...; the key itself if unnamed."""
    try:
        return text(lang, f"terms.{group}.{key}")
    except KeyError:
        return key


def terms(lang: str, group: str) -> dict[str, str]:
    return dict(catalogue(lang)["terms"][group])


@functools.cache
def _term_index() -> dict[str, tuple[str, str]]:
    """Every term's words in every language -> (group, key): how a value inside a message is recognised."""
    index: dict[str, tuple[str, str]] = {}
    for lang in LANGUAGES:
        for group, names in catalogue(lang)["terms"].items():
            for key, words in names.items():
                index.setdefault(words, (group, key))
    return index


def translate_value(value: str, lang: str, group: str | None = None) -> str:
    """A value inside a message in `lang`: a term's words in any language become the term in `lang` (looked for
    first in `group`: '员工' is the owner 'the employee' in one message and the role 'employee' in another); a
    list of them is translated item by item and joined the way `lang` joins lists; anything else is kept."""
    if group:
        for other in LANGUAGES:
            key = next((k for k, words in catalogue(other)["terms"].get(group, {}).items() if words == value), None)
            if key:
                return term(lang, group, key)
    found = _term_index().get(value)
    if found:
        return term(lang, *found)
    for separator in LIST_SEPARATORS.values():
        items = value.split(separator)
        if len(items) > 1 and any(i in _term_index() for i in items):
            return LIST_SEPARATORS.get(lang, ", ").join(translate_value(i, lang) for i in items)
    return value


# Values that are always one of a few phrases: matched as those phrases, so that a free value beside them
# ("{why} {fate}") ends where they begin.
CLOSED = {"fate": "fate", "need": "smart_need"}
KEYED = {"old": "plan_status", "new": "plan_status", "drafter": "drafter"}  # values the store writes as a term's key
OPTIONAL = {"note"}  # values that may be empty ("Opened (draft).{note}")


def _value_pattern(name: str) -> str:
    if name not in CLOSED:
        return ".*?" if name in OPTIONAL else ".+?"
    phrases = {words for lang in LANGUAGES for words in catalogue(lang)["terms"][CLOSED[name]].values()}
    return "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))


@functools.cache
def _templates(section: str) -> list[tuple[str, re.Pattern]]:
    """Each message of `section` in every language as a pattern whose named groups are its values."""
    out = []
    for lang in LANGUAGES:
        for key, written in catalogue(lang).get(section, {}).items():
            for template in written if isinstance(written, list) else [written]:
                pattern, seen = [], set()
                for literal, name, _, _ in string.Formatter().parse(template):
                    pattern.append(re.escape(literal))
                    if name is not None:
                        pattern.append(f"(?P={name})" if name in seen else f"(?P<{name}>{_value_pattern(name)})")
                        seen.add(name)
                out.append((key, re.compile("".join(pattern), re.DOTALL)))
    return out


def read_back(section: str, message: str) -> tuple[str, dict[str, str]] | None:
    """The key and values of a message written from one of `section`'s templates (in any language), or None."""
    for key, pattern in _templates(section):
        m = pattern.fullmatch(message or "")
        if m:
            return key, m.groupdict()
    return None


def rewrite(section: str, message: str, lang: str, values=None) -> str:
    """`message` (from `section`'s templates, in any language) in `lang`; a message no template matches is
    returned as written. `values(name, value, lang)` translates the values (by default: names of things)."""
    found = read_back(section, message)
    if found is None:
        return message
    key, params = found
    values = values or _stored_value
    return text(lang, f"{section}.{key}", **{name: values(name, value, lang) for name, value in params.items()})


def _stored_value(name: str, value: str, lang: str) -> str:
    """A value as the store wrote it into a message: a status or a drafter by its key ('changes_requested',
    'embedded') becomes its name in `lang`; anything else as `translate_value` reads it."""
    group = KEYED.get(name)
    if group and value in catalogue("en")["terms"][group]:
        return term(lang, group, value)
    return translate_value(value, lang, name)


def reword(message: str, lang: str) -> str:
    """A message the workspace shows (a status line, a refusal, an input or drafting error, an account change),
    written in either language, in `lang`: what the page says again after the interface language changes. A value
    that is itself such a message, a label or the name of a thing is translated too; a message no template matches
    is returned as written."""
    for section in SHOWN:
        if read_back(section, message):
            return rewrite(section, message, lang, _shown_value)
    return message


def _shown_value(name: str, value: str, lang: str) -> str:
    again = reword(value, lang)
    if again != value:
        return again
    for other in LANGUAGES:
        key = next((k for k, words in catalogue(other)["labels"].items() if words == value), None)
        if key:
            return text(lang, f"labels.{key}")
    return translate_value(value, lang, name)

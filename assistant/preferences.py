"""What each person chose in the workspace (interface language, learning mode), stored with their account name
in the organisation's database: it follows them to another browser and survives a reload."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from sqlalchemy import select, update
from sqlalchemy.engine import Engine

from .db import preferences
from .i18n import LANGUAGES


@dataclass(frozen=True)
class Preference:
    language: str = "en"
    learning: bool = False


class Preferences:
    def __init__(self, engine: Engine):
        self.engine = engine

    def get(self, user: str) -> Preference:
        with self.engine.connect() as c:
            row = c.execute(select(preferences.c.language, preferences.c.learning)
                            .where(preferences.c.user == user)).first()
        return Preference(row.language, row.learning) if row else Preference()

    def set(self, user: str, *, language: str | None = None, learning: bool | None = None) -> Preference:
        """Change what is given and keep the rest; an unknown language is refused."""
        if language is not None and language not in LANGUAGES:
            raise ValueError(f"unknown interface language {language!r}: use one of {', '.join(LANGUAGES)}")
        chosen = self.get(user)
        if language is not None:
            chosen = replace(chosen, language=language)
        if learning is not None:
            chosen = replace(chosen, learning=learning)
        values = {"language": chosen.language, "learning": bool(chosen.learning), "updated_at": dt.datetime.now(dt.UTC)}
        with self.engine.begin() as c:
            if not c.execute(update(preferences).where(preferences.c.user == user).values(**values)).rowcount:
                c.execute(preferences.insert().values(user=user, **values))
        return chosen

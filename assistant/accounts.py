"""Local accounts: names, roles and argon2 password hashes in the organisation's database.

Sign-in is slowed after each failure and an account is locked for a while after repeated failures.
Every session carries the account's `session_epoch`; signing out everywhere, disabling an account or
resetting its password raises it, which ends every session made before. Every change an administrator (or single
sign-on) makes is recorded with who made it (`history`), in the same transaction as the change.
"""
from __future__ import annotations

import builtins
import datetime as dt
import threading
import time
from dataclasses import dataclass
from typing import overload

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import func, select, update
from sqlalchemy.engine import Engine

from .access import ROLES, User
from .db import account_changes, users
from .errors import PlanCoachError

MIN_PASSWORD_CHARS = 10
LOCK_AFTER = 5  # failed sign-ins in a row
LOCK_FOR = dt.timedelta(minutes=15)
# A session's account is read from the store at most this often per process. Every request asks (the page, its
# event stream, the handler): on 20 concurrent users that was a tenth of the server's time. A change made in this
# process applies at once; one made by another process (`plancoach users disable`) within these seconds.
SESSION_RECHECK_SECONDS = 2.0
_SESSIONS: dict[tuple[str, str, int], tuple[float, User | None]] = {}  # (store, name, epoch) -> (read at, user)
_SESSIONS_LOCK = threading.Lock()
_CHANGES = [0]  # account changes in this process: a read that overlapped one is not kept

_HASHER = PasswordHasher()
_DUMMY_HASH = _HASHER.hash("not a password of anyone")  # verified against for unknown names, so timing tells nothing


class AccountError(PlanCoachError, ValueError):
    """An account request that cannot be done; the message says how to fix it."""


class SignInRefused(AccountError):
    """Wrong name or password, a disabled account, or one locked after repeated failures."""


@dataclass(frozen=True)
class Account:
    name: str
    role: str
    active: bool
    has_password: bool
    locked_until: dt.datetime | None
    session_epoch: int

    @property
    def state(self) -> str:
        """'active', 'disabled', 'active, locked until 14:05 UTC', with ', single sign-on' for an account without a
        password: how the command line and the Accounts tab describe it."""
        locked = f", locked until {self.locked_until:%H:%M} UTC" if self.locked_until and self.active else ""
        return ("active" if self.active else "disabled") + locked + ("" if self.has_password else ", single sign-on")

    def user(self) -> User:
        """The signed-in user this account is (its current sessions)."""
        return User(self.name, self.role, self.session_epoch)


@dataclass(frozen=True)
class RecordedChange:
    """One change of an account: who made it, when, what (add, set role, disable, enable, reset password), and the
    role it gave (and had before, for a change of role)."""

    at: dt.datetime
    actor: str
    account: str
    action: str
    role: str | None
    old_role: str | None


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


@overload
def _aware(when: dt.datetime) -> dt.datetime: ...
@overload
def _aware(when: None) -> None: ...
def _aware(when: dt.datetime | None) -> dt.datetime | None:
    return when.replace(tzinfo=dt.UTC) if when is not None and when.tzinfo is None else when


class Accounts:
    def __init__(self, engine: Engine):
        self.engine = engine
        self._store = engine.url.render_as_string()

    def any(self) -> bool:
        with self.engine.connect() as c:
            return bool(c.execute(select(func.count()).select_from(users)).scalar())

    def add(self, name: str, role: str, password: str | None, *, by: str) -> None:
        """A new account, made by `by`; `password` None for one that signs in through single sign-on only."""
        name = _valid_name(name)
        _valid_role(role)
        with self.engine.begin() as c:
            if c.execute(select(users.c.name).where(users.c.name == name)).first() is not None:
                raise AccountError(f"An account named {name!r} already exists: use `plancoach users set-role` or "
                                   "`reset-password` to change it.")
            c.execute(users.insert().values(name=name, role=role, created_at=_now(), active=True, failed_sign_ins=0,
                                            session_epoch=0,
                                            password_hash=_HASHER.hash(_valid_password(password)) if password else None))
            _record(c, by, name, "add", role)
        self._forget(name)

    def get(self, name: str) -> Account | None:
        with self.engine.connect() as c:
            row = c.execute(select(users).where(users.c.name == name)).first()
        return _account(row) if row else None

    def list(self) -> list[Account]:
        with self.engine.connect() as c:
            return [_account(r) for r in c.execute(select(users).order_by(users.c.name)).all()]

    def set_role(self, name: str, role: str, *, by: str) -> None:
        _valid_role(role)
        self._update(name, role=role, session_epoch=users.c.session_epoch + 1, change=(by, "set role"))

    def disable(self, name: str, *, by: str) -> None:
        self._update(name, active=False, session_epoch=users.c.session_epoch + 1, change=(by, "disable"))

    def enable(self, name: str, *, by: str) -> None:
        self._update(name, active=True, failed_sign_ins=0, locked_until=None, change=(by, "enable"))

    def reset_password(self, name: str, password: str, *, by: str) -> None:
        self._update(name, password_hash=_HASHER.hash(_valid_password(password)), failed_sign_ins=0,
                     locked_until=None, session_epoch=users.c.session_epoch + 1, change=(by, "reset password"))

    def history(self, limit: int = 50) -> builtins.list[RecordedChange]:  # (the method `list` shadows the type)
        """The latest account changes, newest first."""
        with self.engine.connect() as c:
            rows = c.execute(select(account_changes).order_by(account_changes.c.id.desc()).limit(limit)).all()
        return [RecordedChange(_aware(r.at), r.actor, r.account, r.action, r.role, r.old_role) for r in rows]

    def end_sessions(self, name: str) -> None:
        self._update(name, session_epoch=users.c.session_epoch + 1)

    def sign_in(self, name: str, password: str) -> User:
        """The user behind a correct name and password; `SignInRefused` otherwise (the same message whatever was
        wrong, so that names cannot be probed)."""
        refused = SignInRefused("Wrong name or password, or the account is disabled or locked; try again later or ask "
                                "an administrator.")
        account = self.get(name.strip())
        if account is None or not account.has_password:
            _check(_DUMMY_HASH, password)
            raise refused
        if account.locked_until and account.locked_until > _now():
            raise refused
        with self.engine.connect() as c:
            stored = c.execute(select(users.c.password_hash).where(users.c.name == account.name)).scalar()
        if not _check(stored, password) or not account.active:
            self._failed(account.name)
            raise refused
        self._update(account.name, failed_sign_ins=0, locked_until=None)
        return account.user()

    def user(self, name: str, epoch: int) -> User | None:
        """The signed-in user of a session, if the account is still active and the session not ended."""
        now, key = time.monotonic(), (self._store, name, epoch)
        read_at, user = _SESSIONS.get(key, (-SESSION_RECHECK_SECONDS, None))
        if now - read_at < SESSION_RECHECK_SECONDS:
            return user
        changes = _CHANGES[0]
        account = self.get(name)
        user = account.user() if account and account.active and account.session_epoch == epoch else None
        with _SESSIONS_LOCK:
            if changes != _CHANGES[0]:
                return user
            if len(_SESSIONS) > 10_000:  # ended sessions' entries
                for old in [k for k, (at, _) in _SESSIONS.items() if now - at >= SESSION_RECHECK_SECONDS]:
                    del _SESSIONS[old]
            _SESSIONS[key] = (now, user)
        return user

    @staticmethod
    def changes() -> int:
        """How many account changes this process has made: a cached answer older than a change is asked again."""
        return _CHANGES[0]

    def failures(self, name: str) -> int:
        with self.engine.connect() as c:
            return c.execute(select(users.c.failed_sign_ins).where(users.c.name == name)).scalar() or 0

    def _forget(self, name: str) -> None:
        """Sessions of `name` are read from the store again (its account is changing)."""
        with _SESSIONS_LOCK:
            _CHANGES[0] += 1
            for key in [k for k in _SESSIONS if k[:2] == (self._store, name)]:
                del _SESSIONS[key]

    def _failed(self, name: str) -> None:
        with self.engine.begin() as c:
            count = (c.execute(select(users.c.failed_sign_ins).where(users.c.name == name)).scalar() or 0) + 1
            values: dict = {"failed_sign_ins": count}
            if count >= LOCK_AFTER:
                values["locked_until"] = _now() + LOCK_FOR
            c.execute(update(users).where(users.c.name == name).values(**values))

    def _update(self, name: str, change: tuple[str, str] | None = None, **values) -> None:
        """Set `values` on the account; `change` (who, what) is recorded with it."""
        try:
            with self.engine.begin() as c:
                old_role = c.execute(select(users.c.role).where(users.c.name == name)).scalar()
                if c.execute(update(users).where(users.c.name == name).values(**values)).rowcount == 0:
                    raise AccountError(f"No account named {name!r}: `plancoach users list` shows them.")
                if change is not None:
                    by, action = change
                    _record(c, by, name, action, values.get("role", old_role), old_role if "role" in values else None)
        finally:
            self._forget(name)


def _record(c, by: str, name: str, action: str, role: str | None, old_role: str | None = None) -> None:
    c.execute(account_changes.insert().values(at=_now(), actor=by, account=name, action=action, role=role,
                                              old_role=old_role))


def _account(row) -> Account:
    return Account(row.name, row.role, bool(row.active), row.password_hash is not None, _aware(row.locked_until),
                   row.session_epoch)


def _check(stored: str | None, password: str) -> bool:
    if not stored:
        return False
    try:
        return _HASHER.verify(stored, password)
    except (VerificationError, InvalidHashError):
        return False


def _valid_name(name: str) -> str:
    name = (name or "").strip()
    if not name or len(name) > 200 or any(ch.isspace() or not ch.isprintable() for ch in name):
        raise AccountError("An account name is 1-200 printable characters with no spaces, e.g. 'a.khan'.")
    return name


def _valid_role(role: str) -> None:
    if role not in ROLES:
        raise AccountError(f"Unknown role {role!r}: use one of {', '.join(ROLES)}.")


def _valid_password(password: str | None) -> str:
    if not password or len(password) < MIN_PASSWORD_CHARS:
        raise AccountError(f"A password has at least {MIN_PASSWORD_CHARS} characters.")
    return password

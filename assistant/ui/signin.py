"""Sign-in for the workspace: local accounts (argon2) and OpenID Connect single sign-on, in a signed,
HttpOnly, SameSite cookie that expires; every other route is behind `SignInGate`.

With no account and no single sign-on, a workspace on loopback serves one person without sign-in
(`ALONE`); on any other address `serve` refuses to start unless `allow_no_signin` is set.
"""
from __future__ import annotations

import asyncio
import html
import secrets
import time
from pathlib import Path
from urllib.parse import quote, urlsplit

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.middleware.sessions import SessionMiddleware
from starlette.types import ASGIApp, Receive, Scope, Send

from ..access import ALONE, ROLES, User
from ..accounts import SESSION_RECHECK_SECONDS, Accounts, SignInRefused
from ..i18n import text
from ..output import write_atomic
from ..settings import Settings

SESSION_COOKIE = "plancoach_session"
PUBLIC_PATHS = ("/login", "/logout", "/auth/callback", "/login/sso")
SAFE_METHODS = ("GET", "HEAD", "OPTIONS")
LOOPBACK_NAMES = ("127.0.0.1", "localhost", "::1", "[::1]")


def secret_key(settings: Settings) -> str:
    """The key signing session cookies: the setting, or one kept (owner-only) in the data folder."""
    if settings.secret_key:
        return settings.secret_key
    path = Path(settings.data_dir) / "secret.key"
    if not path.exists():
        write_atomic(path, secrets.token_urlsafe(48))  # a new file is its owner's only
    return path.read_text(encoding="ascii").strip()


class Gate:
    """Who is signed in: the session's account if it is still active and its sessions not ended since."""

    def __init__(self, accounts: Accounts, settings: Settings):
        self.accounts, self.settings = accounts, settings
        self._closed = bool(settings.oidc_metadata_url)  # once an account exists, sign-in stays on
        self._asked, self._changes = -SESSION_RECHECK_SECONDS, -1

    @property
    def open(self) -> bool:
        """No sign-in at all: no account and no single sign-on (asked of the store until the first account, at most
        every SESSION_RECHECK_SECONDS: an account added by `plancoach users add` turns sign-in on within them)."""
        if not self._closed and (time.monotonic() - self._asked >= SESSION_RECHECK_SECONDS
                                 or self._changes != self.accounts.changes()):
            self._changes = self.accounts.changes()
            self._closed, self._asked = self.accounts.any(), time.monotonic()
        return not self._closed

    def user(self, request: Request) -> User | None:
        if self.open:
            return ALONE
        session = request.scope.get("session") or {}
        name, epoch = session.get("user"), session.get("epoch")
        if not isinstance(name, str) or not isinstance(epoch, int):
            return None
        return self.accounts.user(name, epoch)

    def username(self, request: Request) -> str | None:
        """Gradio's `auth_dependency`: the name handlers see as `request.username`."""
        user = self.user(request)
        return user.name if user else None


class SignInGate:
    """ASGI middleware: without a signed-in user, pages redirect to the sign-in page and everything else is
    refused (401); a state-changing request from another site's page is refused (403) whatever its cookie."""

    def __init__(self, app: ASGIApp, gate: Gate):
        self.app, self.gate = app, gate

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        request = Request(scope)
        if self.gate.open and not self.gate.settings.allow_no_signin and request.url.hostname not in LOOPBACK_NAMES:
            # Without sign-in, answer only pages addressed to this computer (a DNS-rebinding page gets nothing).
            return await JSONResponse({"error": "Refused: without sign-in this workspace answers on loopback only."},
                                      403)(scope, receive, send)
        if request.method not in SAFE_METHODS and _cross_site(request):
            return await JSONResponse({"error": "Refused: this request came from another site."}, 403)(scope, receive, send)
        if request.url.path in PUBLIC_PATHS or self.gate.user(request) is not None:
            return await self.app(scope, receive, send)
        if request.method == "GET" and "text/html" in request.headers.get("accept", ""):
            target = "/login?next=" + quote(request.url.path, safe="/")
            return await RedirectResponse(target, 303)(scope, receive, send)
        await JSONResponse({"error": "Sign in first."}, 401)(scope, receive, send)


def _cross_site(request: Request) -> bool:
    """The browser says the request comes from a page of another origin (Origin, or Referer when it is absent)."""
    source = request.headers.get("origin") or request.headers.get("referer")
    if not source or source == "null":
        return bool(source)
    return urlsplit(source).netloc != request.headers.get("host", "")


def _safe_next(target: str | None) -> str:
    return target if target and target.startswith("/") and not target.startswith("//") else "/"


def _page(message: str = "", *, sso: bool = False, next_path: str = "/", status: int = 200) -> HTMLResponse:
    note = f'<p class="error" role="alert">{html.escape(message)}</p>' if message else ""
    sso_link = (f'<p><a href="/login/sso?next={html.escape(quote(next_path, safe="/"))}">Sign in with your '
                "organisation's account</a></p>") if sso else ""
    body = f"""<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Sign in · PlanCoach</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{{font-family:system-ui,sans-serif;max-width:22rem;margin:4rem auto;padding:0 1rem}}
label{{display:block;margin:.8rem 0 .2rem}}input{{width:100%;padding:.4rem;box-sizing:border-box}}
button{{margin-top:1rem;padding:.5rem 1.2rem}}.error{{color:#a00}}</style></head>
<body><h1>PlanCoach</h1><p>Improvement plans are personal records: sign in to see yours.</p>{note}
<form method="post" action="/login"><input type="hidden" name="next" value="{html.escape(next_path)}">
<label for="username">Account</label><input id="username" name="username" autocomplete="username" required>
<label for="password">Password</label><input id="password" name="password" type="password"
autocomplete="current-password" required><button type="submit" id="sign-in">Sign in</button></form>{sso_link}
</body></html>"""
    return HTMLResponse(body, status, headers={"Cache-Control": "no-store"})


def _signed_in(request: Request, user: User) -> None:
    request.session.clear()
    request.session.update({"user": user.name, "epoch": user.session_epoch})


def install(app: FastAPI, gate: Gate, settings: Settings) -> None:
    """Add the session cookie, the gate and the sign-in routes to `app` (before the workspace is mounted)."""
    sso = _sso_client(settings)

    @app.get("/login")
    async def login_page(request: Request, next: str = "/") -> Response:
        if gate.open:
            return RedirectResponse("/", 303)
        return _page(sso=sso is not None, next_path=_safe_next(next))

    @app.post("/login")
    async def login(request: Request) -> Response:
        form = await request.form()
        name, password = str(form.get("username", "")), str(form.get("password", ""))
        next_path = _safe_next(str(form.get("next", "/")))
        browser = "text/html" in request.headers.get("accept", "")
        try:
            user = await asyncio.to_thread(gate.accounts.sign_in, name, password)
        except SignInRefused as exc:
            failures = await asyncio.to_thread(gate.accounts.failures, name.strip())
            await asyncio.sleep(min(0.25 * (failures + 1), 2.0))  # each failure slows the next answer
            if browser:
                return _page(str(exc), sso=sso is not None, next_path=next_path, status=401)
            return JSONResponse({"error": str(exc)}, 401)
        _signed_in(request, user)
        return RedirectResponse(next_path, 303) if browser else JSONResponse({"success": True})

    @app.get("/logout")
    async def logout(request: Request) -> Response:
        """Sign out: this cookie is cleared and every session of the account ends (a copied cookie included)."""
        user = gate.user(request)
        if user is not None and not user.alone:
            await asyncio.to_thread(gate.accounts.end_sessions, user.name)
        request.session.clear()
        return RedirectResponse("/login", 303)

    if sso is not None:
        @app.get("/login/sso")
        async def login_sso(request: Request, next: str = "/") -> Response:
            request.session["next"] = _safe_next(next)
            return await sso.authorize_redirect(request, str(request.url_for("sso_callback")))

        @app.get("/auth/callback", name="sso_callback")
        async def sso_callback(request: Request) -> Response:
            from authlib.integrations.starlette_client import OAuthError

            try:
                token = await sso.authorize_access_token(request)
            except OAuthError as exc:
                return _page(f"Single sign-on failed ({exc.error}); try again.", sso=True, status=401)
            claims = dict(token.get("userinfo") or {})
            name, role = str(claims.get(settings.oidc_name_claim) or ""), _role_of(claims, settings)
            if not name or role is None:
                return _page("Your organisation's account has no PlanCoach role; ask an administrator to map your "
                             "group to one.", sso=True, status=403)
            user = await asyncio.to_thread(_sso_account, gate.accounts, name, role)
            if user is None:
                return _page("This account is disabled; ask an administrator.", sso=True, status=403)
            next_path = request.session.get("next", "/")
            _signed_in(request, user)
            return RedirectResponse(next_path, 303)

    app.add_middleware(SignInGate, gate=gate)
    app.add_middleware(SessionMiddleware, secret_key=secret_key(settings), session_cookie=SESSION_COOKIE,
                       max_age=int(settings.session_hours * 3600), same_site="lax", https_only=settings.secure_cookies)


def _sso_client(settings: Settings):
    if not settings.oidc_metadata_url:
        return None
    from authlib.integrations.starlette_client import OAuth

    oauth = OAuth()
    oauth.register("sso", server_metadata_url=settings.oidc_metadata_url, client_id=settings.oidc_client_id,
                   client_secret=settings.oidc_client_secret, client_kwargs={"scope": "openid email profile"})
    return oauth.sso


def _role_of(claims: dict, settings: Settings) -> str | None:
    """The PlanCoach role of a single sign-on user: the first entry of the role map found in their claim."""
    held = claims.get(settings.oidc_role_claim) or []
    held = {held} if isinstance(held, str) else set(map(str, held))
    return next((role for value, role in settings.oidc_role_map.items() if value in held and role in ROLES), None)


SSO = text("en", "actors.single_sign_on")  # who made an account, or changed its role, at a sign-in through the provider


def _sso_account(accounts: Accounts, name: str, role: str) -> User | None:
    """The account of a single sign-on user, made on first sign-in; its role follows the provider's groups."""
    account = accounts.get(name)
    if account is None:
        accounts.add(name, role, None, by=SSO)
    elif not account.active:
        return None
    elif account.role != role:
        accounts.set_role(name, role, by=SSO)
    account = accounts.get(name)
    assert account is not None
    return account.user()

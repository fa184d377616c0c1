"""The workspace's routes from outside: nothing without a session, nothing of another manager's, no HR action
as a manager, no state change from another site's page, no path games in uploads and exports. Against a real
`plancoach serve` with local accounts, driven over HTTP and with gradio_client."""
from __future__ import annotations

from pathlib import Path

import httpx
import pytest
from gradio_client import Client, handle_file
from gradio_client.exceptions import AppError, AuthenticationError

from .conftest import TRAINER_NOTES
from .servers import HR, MANAGER, OTHER_MANAGER, PASSWORD, running_app

NEW_SESSION = {"plan_id": None, "notes": "", "revision": None}


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    with running_app(tmp_path_factory.mktemp("secure"), accounts=True) as url:
        yield url


def signed_in(url: str, who: tuple[str, str]) -> Client:
    return Client(url, auth=(who[0], PASSWORD), verbose=False)


def session_cookie(url: str, who: tuple[str, str]) -> httpx.Client:
    http = httpx.Client(base_url=url, timeout=30)
    assert http.post("/login", data={"username": who[0], "password": PASSWORD}).status_code == 200
    return http


@pytest.fixture(scope="module")
def mias_plan(app):
    out = signed_in(app, MANAGER).predict(TRAINER_NOTES, "", "", "", NEW_SESSION, api_name="/draft")
    return out[12], out[11]


def test_without_a_session_every_route_is_refused(app):
    api = signed_in(app, MANAGER).view_api(return_format="dict", print_info=False)
    names = list(api["named_endpoints"])
    assert {"/draft", "/save", "/check", "/open", "/hr_approve", "/export", "/plans"} <= set(names)
    anonymous = httpx.Client(base_url=app, timeout=30)
    for name in names:
        answer = anonymous.post(f"/gradio_api/call{name}", json={"data": []})
        assert answer.status_code == 401, name
    for path in ("/", "/config", "/gradio_api/info", "/gradio_api/queue/data?session_hash=x", "/gradio_api/upload_progress"):
        assert anonymous.get(path).status_code == 401, path
    assert anonymous.post("/gradio_api/queue/join", json={}).status_code == 401
    assert anonymous.post("/gradio_api/upload", files={"files": ("notes.txt", b"x")}).status_code == 401
    page = anonymous.get("/", headers={"accept": "text/html"})
    assert page.status_code == 303 and page.headers["location"].startswith("/login")
    with pytest.raises(AuthenticationError):
        Client(app, auth=(MANAGER[0], "not the password"), verbose=False)


def test_a_manager_cannot_touch_another_managers_plan(app, mias_plan):
    plan_id, session = mias_plan
    omar = signed_in(app, OTHER_MANAGER)
    omar.predict(TRAINER_NOTES, "", "", "", NEW_SESSION, api_name="/draft")  # his own plan in his client's state
    calls = {
        "/open": (plan_id,),
        "/save": (TRAINER_NOTES, session),
        "/submit": (TRAINER_NOTES, session),
        "/export": ("json", "employee", session),
        "/revise": (session,),
        "/correct": (TRAINER_NOTES, "", "", "", session, "Team leaders submit written records after each session.",
                     "action: manager"),
    }
    for name, args in calls.items():
        with pytest.raises(AppError, match="not yours to see"):
            omar.predict(*args, api_name=name)
    assert all(row[0] != plan_id for row in omar.predict(api_name="/plans")["data"])
    # The plan is unchanged: Mia reopens it as she left it.
    again = signed_in(app, MANAGER).predict(plan_id, api_name="/open")
    assert again[11] == TRAINER_NOTES


def test_a_manager_cannot_act_as_hr_and_hr_cannot_read_drafts(app, mias_plan):
    plan_id, _ = mias_plan
    mia = signed_in(app, MANAGER)
    for name in ("/hr_approve", "/hr_request_changes"):
        with pytest.raises(AppError, match="Only HR"):
            mia.predict(plan_id, "", "", api_name=name)
    with pytest.raises(AppError, match="not yours to see"):
        signed_in(app, HR).predict(plan_id, "Looks fine", "", api_name="/hr_approve")  # still a draft


def test_a_state_change_from_another_sites_page_is_refused(app):
    mia = session_cookie(app, MANAGER)
    for origin in ("http://evil.example", "null"):
        answer = mia.post("/gradio_api/call/draft", json={"data": [TRAINER_NOTES, "", "", "", NEW_SESSION]},
                          headers={"origin": origin})
        assert answer.status_code == 403
    assert mia.post("/login", data={"username": MANAGER[0], "password": PASSWORD},
                    headers={"origin": "http://evil.example"}).status_code == 403
    same_site = mia.post("/gradio_api/call/plans", json={"data": []}, headers={"origin": app.rstrip("/")})
    assert same_site.status_code == 200


def test_the_session_cookie_is_signed_http_only_same_site_and_ends_at_sign_out(app):
    http = httpx.Client(base_url=app, timeout=30)
    answer = http.post("/login", data={"username": MANAGER[0], "password": PASSWORD})
    cookie = answer.headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=lax" in cookie and "max-age=" in cookie
    copied = dict(http.cookies)
    assert http.get("/config").status_code == 200
    http.get("/logout")
    stolen = httpx.Client(base_url=app, cookies=copied, timeout=30)
    assert stolen.get("/config").status_code == 401  # signing out ended the copied cookie too
    forged = httpx.Client(base_url=app, cookies={k: v[:-4] + "AAAA" for k, v in copied.items()}, timeout=30)
    assert forged.get("/config").status_code == 401


def test_upload_and_export_names_cannot_reach_other_folders(app, tmp_path):
    mia = signed_in(app, MANAGER)
    sneaky = tmp_path / "..%2F..%2Fetc%2Fpasswd.txt"
    sneaky.write_text("1:1 with Zoe Park, 2026-05-02\nLate 6 times in April.", encoding="utf-8")
    assert "Zoe Park" in mia.predict(handle_file(str(sneaky)), api_name="/upload")
    bad = tmp_path / "notes.docx"
    bad.write_bytes(b"not a docx at all")
    with pytest.raises(AppError) as refused:
        mia.predict(handle_file(str(bad)), api_name="/upload")
    assert "/tmp" not in str(refused.value) and str(tmp_path) not in str(refused.value)  # no server path shown
    out = mia.predict(TRAINER_NOTES, "../../etc/cron.d/x", "", "", NEW_SESSION, api_name="/draft")
    exported = Path(mia.predict("markdown", "employee", out[11], api_name="/export"))
    assert exported.name.startswith("improvement-plan-") and ".." not in exported.name and "/" not in exported.name


def test_without_accounts_only_loopback_addresses_are_answered(tmp_path):
    """One person without sign-in: a page reaching the port under another host name (DNS rebinding) gets nothing."""
    with running_app(tmp_path) as url:
        assert httpx.get(url + "config").status_code == 200
        assert httpx.get(url + "config", headers={"host": "evil.example:80"}).status_code == 403


def test_serve_refuses_a_shared_address_while_nobody_can_sign_in(tmp_path):
    import os
    import subprocess
    import sys

    env = {**os.environ, "PLANCOACH_DATABASE_URL": f"sqlite:///{tmp_path / 'plans.db'}"}
    from .servers import free_port

    refused = subprocess.run([sys.executable, "-m", "assistant.cli", "serve", "--host", "0.0.0.0", "--port", str(free_port())],
                             env=env, capture_output=True, text=True, timeout=120, check=False)
    assert refused.returncode == 2 and "without sign-in" in refused.stderr and "Traceback" not in refused.stderr
    assert "plancoach users add" in refused.stderr  # says how to fix it

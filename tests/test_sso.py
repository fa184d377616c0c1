"""Single sign-on with OpenID Connect against a real provider on loopback (oidc-provider-mock, built for tests):
the workspace sends the browser to the provider, takes the code back, and signs the user in with the role
their groups map to; a user whose groups map to no role gets no access."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from urllib.parse import urljoin

import httpx
import pytest

from .servers import running_app


@pytest.fixture(scope="module")
def provider():
    from oidc_provider_mock import User, run_server_in_thread

    people = [User(sub="hana@example.org", claims={"email": "hana@example.org", "groups": ["staff", "hr-team"]}),
              User(sub="max@example.org", claims={"email": "max@example.org", "groups": ["managers"]}),
              User(sub="guest@example.org", claims={"email": "guest@example.org", "groups": ["visitors"]})]
    with run_server_in_thread(user_claims=people) as server:
        yield f"http://localhost:{server.server_port}"


@pytest.fixture(scope="module")
def app(provider, tmp_path_factory):
    env = {"PLANCOACH_OIDC_METADATA_URL": f"{provider}/.well-known/openid-configuration",
           "PLANCOACH_OIDC_CLIENT_ID": "plancoach", "PLANCOACH_OIDC_CLIENT_SECRET": "test secret",
           "PLANCOACH_OIDC_ROLE_MAP": json.dumps({"hr-team": "hr", "managers": "manager"})}
    folder = tmp_path_factory.mktemp("sso")
    with running_app(folder, env=env) as url:
        yield url, folder


def sign_in_through_provider(app: str, who: str) -> httpx.Response:
    """What a browser does: follow the workspace to the provider, pick the user there, come back with the code."""
    browser = httpx.Client(timeout=30)
    to_provider = browser.get(urljoin(app, "/login/sso"))
    assert to_provider.status_code in (302, 303, 307)
    authorize = to_provider.headers["location"]
    back = browser.post(authorize, data={"sub": who})
    assert back.status_code in (302, 303) and back.headers["location"].startswith(app.rstrip("/") + "/auth/callback")
    answer = browser.get(back.headers["location"])
    answer.browser = browser  # type: ignore[attr-defined]
    return answer


def test_single_sign_on_signs_in_with_the_role_of_the_users_group(app):
    app, folder = app
    anonymous = httpx.get(urljoin(app, "/login"))
    assert "/login/sso" in anonymous.text  # the sign-in page offers the organisation's account
    answer = sign_in_through_provider(app, "hana@example.org")
    assert answer.status_code == 303 and answer.headers["location"] == "/"
    browser: httpx.Client = answer.browser  # type: ignore[attr-defined]
    assert browser.get(urljoin(app, "/config")).status_code == 200
    assert browser.post(urljoin(app, "/gradio_api/call/plans"), json={"data": []}).status_code == 200
    assert httpx.get(urljoin(app, "/config")).status_code == 401  # and nobody else is
    # The account was made on first sign-in, with the role of the user's group and no password of its own.
    listed = subprocess.run([sys.executable, "-m", "assistant.cli", "users", "list"], capture_output=True, text=True, check=True,
                            env={**os.environ, "PLANCOACH_DATABASE_URL": f"sqlite:///{folder / 'plans.db'}"})
    assert "hana@example.org\thr\tactive, single sign-on" in listed.stdout


def test_a_user_whose_groups_map_to_no_role_gets_no_access(app):
    app, _ = app
    answer = sign_in_through_provider(app, "guest@example.org")
    assert answer.status_code == 403 and "no PlanCoach role" in answer.text
    assert answer.browser.get(urljoin(app, "/config")).status_code == 401  # type: ignore[attr-defined]

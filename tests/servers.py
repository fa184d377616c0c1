"""Start the real workspace (`plancoach serve`) on a free loopback port for a test."""
from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

MANAGER, OTHER_MANAGER, HR, EMPLOYEE, ADMIN = (("mia.manager", "manager"), ("omar.manager", "manager"), ("hana.hr", "hr"),
                                               ("eli.employee", "employee"), ("ada.admin", "admin"))
PEOPLE = (MANAGER, OTHER_MANAGER, HR, EMPLOYEE, ADMIN)
PASSWORD = "correct horse battery"  # every test account's


def add_accounts(env: dict, people=PEOPLE) -> None:
    """Create local accounts the way an administrator does: `plancoach users add NAME --role ROLE`."""
    for name, role in people:
        subprocess.run([sys.executable, "-m", "assistant.cli", "users", "add", name, "--role", role], env=env,
                       input=PASSWORD + "\n", text=True, check=True, capture_output=True)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def running_app(tmp_path: Path, timeout: float = 120, *, accounts: bool = False, env: dict | None = None):
    """The app with its own plan database; the knowledge index is the test run's shared one. With `accounts`,
    the people of `PEOPLE` have accounts, so sign-in is on."""
    port = free_port()
    env = {**os.environ, "PLANCOACH_DATABASE_URL": f"sqlite:///{tmp_path / 'plans.db'}",
           "PLANCOACH_DRAFTER": "embedded", "GRADIO_ANALYTICS_ENABLED": "False",
           "PLANCOACH_SECRET_KEY": "test-key-" + tmp_path.name, **(env or {})}
    if accounts:
        add_accounts(env)
    log = open(tmp_path / "server.log", "w")
    proc = subprocess.Popen([sys.executable, "-m", "assistant.cli", "serve", "--port", str(port)], env=env,
                            stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}/"
    try:
        deadline = time.time() + timeout
        while True:
            try:
                urllib.request.urlopen(url, timeout=2)
                break
            except urllib.error.HTTPError:  # the sign-in gate answers: the app is up
                break
            except OSError:
                if proc.poll() is not None or time.time() > deadline:
                    raise RuntimeError("the app did not start: " + (tmp_path / "server.log").read_text())
                time.sleep(0.5)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()

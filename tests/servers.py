"""Start the real workspace (`plancoach serve`) on a free loopback port for a test."""
from __future__ import annotations

import contextlib
import functools
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


@functools.cache
def shared_knowledge_index():
    """The test run's knowledge index, with the bundled knowledge indexed (once per run)."""
    from assistant.knowledge import open_knowledge
    from assistant.settings import Settings

    return open_knowledge(Settings())


@contextlib.contextmanager
def running_app(tmp_path: Path, timeout: float = 120, *, accounts: bool = False, env: dict | None = None):
    """The app with its own plan database; the knowledge index is the test run's shared one, indexed before
    the app starts (its warm-up and the test's own drafts would otherwise index it at once). With `accounts`,
    the people of `PEOPLE` have accounts, so sign-in is on."""
    shared_knowledge_index()
    tmp_path.mkdir(parents=True, exist_ok=True)
    port = free_port()
    env = {**os.environ, "PLANCOACH_DATABASE_URL": f"sqlite:///{tmp_path / 'plans.db'}",
           "PLANCOACH_DRAFTER": "embedded", "GRADIO_ANALYTICS_ENABLED": "False",
           "PLANCOACH_SECRET_KEY": "test-key-" + tmp_path.name, **(env or {})}
    if accounts:
        add_accounts(env)
    with open(tmp_path / "server.log", "w") as log:  # the server keeps its own copy of the file
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
                    raise RuntimeError("the app did not start: " + (tmp_path / "server.log").read_text()) from None
                time.sleep(0.5)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()


def _postgres_bin(name: str) -> str:
    import glob
    import shutil

    found = shutil.which(name) or next(iter(sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"), reverse=True)), None)
    if not found:
        raise RuntimeError(f"PostgreSQL's {name} is missing: scripts/test.sh installs Debian's postgresql")
    return found


@contextlib.contextmanager
def running_postgres():
    """A throwaway PostgreSQL server on a free loopback port (Debian's binaries; run as the `postgres` user when
    the tests run as root, which PostgreSQL refuses); yields a function making a fresh database's URL."""
    import shutil
    import tempfile

    folder = Path(tempfile.mkdtemp(prefix="plancoach-pg-"))  # not under pytest's root-only folders
    as_user: list[str] = []
    if os.geteuid() == 0:
        as_user = ["runuser", "-u", "postgres", "--"]
        shutil.chown(folder, "postgres", "postgres")
    data, port = folder / "data", free_port()
    subprocess.run([*as_user, _postgres_bin("initdb"), "-D", str(data), "-U", "postgres", "--auth=trust", "-E", "UTF8"],
                   check=True, capture_output=True)
    subprocess.run([*as_user, _postgres_bin("pg_ctl"), "-D", str(data), "-w", "-l", str(folder / "log"), "-o",
                    f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off", "start"],
                   check=True, capture_output=True)
    made = []

    def new_database() -> str:
        import psycopg

        name = f"plancoach_{len(made)}"
        with psycopg.connect(f"host=127.0.0.1 port={port} user=postgres dbname=postgres", autocommit=True) as c:
            c.execute(f"CREATE DATABASE {name}")
        made.append(name)
        return f"postgresql+psycopg://postgres@127.0.0.1:{port}/{name}"

    try:
        yield new_database
    finally:
        subprocess.run([*as_user, _postgres_bin("pg_ctl"), "-D", str(data), "-m", "immediate", "stop"],
                       capture_output=True, check=False)
        shutil.rmtree(folder, ignore_errors=True)


@contextlib.contextmanager
def running_chroma(folder: Path):
    """A real `chroma run` on a free loopback port, stopped afterwards."""
    import shutil

    exe = shutil.which("chroma", path=str(Path(sys.executable).parent)) or shutil.which("chroma")
    if not exe:
        raise RuntimeError("the chroma command ships with chromadb and must be installed")
    port = free_port()
    proc = subprocess.Popen([exe, "run", "--path", str(folder), "--host", "127.0.0.1", "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.time() + 30
        while True:
            try:
                urllib.request.urlopen(f"{url}/api/v2/heartbeat", timeout=1)
                break
            except OSError:
                if time.time() > deadline:
                    raise RuntimeError("chroma server did not start") from None
                time.sleep(0.2)
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=20)

"""Load: N concurrent signed-in managers drafting through the workspace's Gradio API (embedded drafter).

    python bench/bench_load.py [--users 20] [--rounds 3] [--database sqlite|postgres] [--client gradio_client|http]

Starts `plancoach serve` on a free port with a throwaway plan store (a SQLite file, or a database on a
throwaway PostgreSQL server) and one manager account per user, so sign-in is on.
Target (issues 4 and 12): 20 users, p95 < 2 s, no errors, on SQLite and on PostgreSQL.
It also prints the server's CPU time per draft (all its threads), which a busy machine disturbs less than latency.

Each user signs in (POST /login, the session cookie), opens the app, all wait until every user has,
then each drafts `rounds` plans in turn.
The clients share the server's 2 cores, so by default they are plain HTTP on Gradio's documented
`/gradio_api/call/<api_name>` route (the same queue, handler and event stream as the browser's):
`gradio_client` spends about as much CPU per call as the server does (~100 ms here) and would
measure itself. `--client gradio_client` runs it anyway.
"""
from __future__ import annotations

import argparse
import contextlib
import json
import os
import statistics
import sys
import tempfile
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_draft import DEFAULT_CASES, note_sets, percentile  # noqa: E402

from tests.servers import PASSWORD, add_accounts, running_app, running_postgres  # noqa: E402


def cpu_seconds(url: str) -> float:
    """CPU time the server listening at `url` has used so far (Linux /proc), all its threads."""
    port = url.rstrip("/").rsplit(":", 1)[1]
    for pid in filter(str.isdigit, os.listdir("/proc")):
        with contextlib.suppress(OSError):
            if f"--port\x00{port}\x00" in Path(f"/proc/{pid}/cmdline").read_text() + "\x00":
                fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
                return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return float("nan")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--users", type=int, default=20)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--database", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--client", choices=["http", "gradio_client"], default="http")
    args = parser.parse_args()
    import httpx
    from gradio_client import Client

    notes = note_sets([c for c in DEFAULT_CASES if c.is_dir()]) or [(ROOT / "examples" / "training-specialist.txt").read_text()]

    def http_draft(http, page: str, *data) -> None:
        """One event on Gradio's call API: POST the inputs, read the event stream to its end.

        `page` is the session hash a browser tab sends with every event (one per page load), so the
        server keeps one session per user, as it does for the browser and `gradio_client`."""
        event = http.post("gradio_api/call/draft", json={"data": list(data), "session_hash": page})
        event.raise_for_status()
        with http.stream("GET", f"gradio_api/call/draft/{event.json()['event_id']}") as stream:
            kind = None
            for line in stream.iter_lines():
                if line.startswith("event:"):
                    kind = line.split(":", 1)[1].strip()
                elif line.startswith("data:") and kind in ("complete", "error"):
                    if kind == "error":
                        raise RuntimeError(line[5:].strip())
                    json.loads(line[5:])
                    return
        raise RuntimeError("the event stream ended without a result")

    def user(n: int, url: str, ready: threading.Barrier) -> list[tuple[float, str | None]]:
        name = f"manager{n}"
        if args.client == "gradio_client":
            client = Client(url, auth=(name, PASSWORD), verbose=False)  # sign in and open the page
            draft = lambda *data: client.predict(*data, api_name="/draft")  # noqa: E731
        else:
            http = httpx.Client(base_url=url, timeout=120)
            http.post("login", data={"username": name, "password": PASSWORD}).raise_for_status()
            http.get("config").raise_for_status()
            page = uuid.uuid4().hex
            draft = lambda *data: http_draft(http, page, *data)  # noqa: E731
        ready.wait()
        results = []
        for r in range(args.rounds):
            text = notes[(n + r) % len(notes)]
            started = time.perf_counter()
            try:
                draft(text, "", "", "", {"plan_id": None, "notes": "", "revision": None})
                error = None
            except Exception as exc:  # noqa: BLE001 -- counted, not raised: the benchmark reports errors
                error = str(exc)[:200]
            results.append((time.perf_counter() - started, error))
        return results

    def run(url: str) -> None:
        Client(url, auth=("manager0", PASSWORD), verbose=False).predict(
            notes[0], "", "", "", {"plan_id": None, "notes": "", "revision": None}, api_name="/draft")
        started = time.perf_counter()
        ready = threading.Barrier(args.users, action=lambda: starts.append((time.perf_counter(), cpu_seconds(url))))
        starts: list[tuple[float, float]] = []
        with ThreadPoolExecutor(args.users) as pool:
            per_user = list(pool.map(lambda n: user(n, url, ready), range(args.users)))
        wall = time.perf_counter() - (starts[0][0] if starts else started)
        cpu = cpu_seconds(url) - starts[0][1] if starts else float("nan")
        times = [t for rows in per_user for t, _ in rows]
        errors = [e for rows in per_user for _, e in rows if e]
        print(f"{args.database}: {args.users} signed-in users x {args.rounds} drafts: p50 {statistics.median(times):.2f} s, "
              f"p95 {percentile(times, 95):.2f} s, max {max(times):.2f} s, errors {len(errors)}, "
              f"throughput {len(times) / wall:.1f} drafts/s, server CPU {cpu / len(times) * 1000:.0f} ms a draft")
        for e in errors[:5]:
            print("  error:", e)

    with tempfile.TemporaryDirectory() as tmp, contextlib.ExitStack() as stack:
        env = {"PLANCOACH_DATABASE_URL": f"sqlite:///{Path(tmp) / 'plans.db'}"}
        if args.database == "postgres":
            env["PLANCOACH_DATABASE_URL"] = stack.enter_context(running_postgres())()
        add_accounts({**os.environ, **env}, [(f"manager{n}", "manager") for n in range(args.users)])
        url = stack.enter_context(running_app(Path(tmp), env=env))
        run(url)
    return 0


if __name__ == "__main__":
    sys.exit(main())

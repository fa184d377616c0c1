"""Load: N concurrent users drafting through the workspace's Gradio API (embedded drafter).

    python bench/bench_load.py [--users 20] [--rounds 3] [--url URL]

Starts `plancoach serve` on a free port with a throwaway plan database unless --url is given.
Target (issue 4): 20 users, p95 < 2 s, no errors.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_draft import note_sets, percentile  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--users", type=int, default=20)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--url")
    args = parser.parse_args()
    from gradio_client import Client

    cases = [ROOT.parent / "shared" / "eval" / "cases", ROOT / "tests" / "heldout"]
    notes = note_sets([c for c in cases if c.is_dir()]) or [(ROOT / "examples" / "training-specialist.txt").read_text()]

    def user(n: int, url: str) -> list[tuple[float, str | None]]:
        client = Client(url, verbose=False)
        results = []
        for r in range(args.rounds):
            text = notes[(n + r) % len(notes)]
            started = time.perf_counter()
            try:
                client.predict(text, "", "", "", f"user{n}", {"plan_id": None, "notes": ""}, api_name="/draft")
                error = None
            except Exception as exc:  # counted, not raised: the benchmark reports errors
                error = str(exc)[:200]
            results.append((time.perf_counter() - started, error))
        return results

    def run(url: str) -> None:
        Client(url, verbose=False).predict(notes[0], "", "", "", "warmup", {"plan_id": None, "notes": ""}, api_name="/draft")
        started = time.perf_counter()
        with ThreadPoolExecutor(args.users) as pool:
            per_user = list(pool.map(lambda n: user(n, url), range(args.users)))
        wall = time.perf_counter() - started
        times = [t for rows in per_user for t, _ in rows]
        errors = [e for rows in per_user for _, e in rows if e]
        print(f"{args.users} users x {args.rounds} drafts: p50 {statistics.median(times):.2f} s, "
              f"p95 {percentile(times, 95):.2f} s, max {max(times):.2f} s, errors {len(errors)}, "
              f"throughput {len(times) / wall:.1f} drafts/s")
        for e in errors[:5]:
            print("  error:", e)

    if args.url:
        run(args.url)
        return 0
    sys.path.insert(0, str(ROOT / "tests"))
    from servers import running_app

    with tempfile.TemporaryDirectory() as tmp, running_app(Path(tmp)) as url:
        run(url)
    return 0


if __name__ == "__main__":
    sys.exit(main())

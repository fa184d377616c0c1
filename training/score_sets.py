"""Draft every note of labelled folders in-process and score each plan with the shared evaluation harness.

    python training/score_sets.py OUT.json incoming45 incoming46 heldout   # folders of training/notes
    python training/score_sets.py OUT.json ../shared/eval/cases-wide          # or any folder of cases
    python training/score_sets.py --compare OLD.json NEW.json                  # what changed, case by case

A labelled note's text is its segments joined (as `reader.corpus.notes_text` does); a case folder's files carry
`notes` already. The harness (`../shared/eval/evaluate.py`, or `--harness PATH`) scores each plan; OUT.json keeps
every plan and its scores by folder, so two runs can be compared plan by plan.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from assistant.pipeline import draft_plan  # noqa: E402
from assistant.reader.corpus import notes_text  # noqa: E402


def _harness(path: Path) -> Any:
    sys.path.insert(0, str(path.parent))
    import evaluate  # type: ignore[import-not-found]

    return evaluate


def _cases(folder: Path) -> list[dict]:
    docs = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.json"))]
    return [d if "notes" in d else {"id": d["id"], "notes": notes_text(d), "expect": d["expect"]} for d in docs]


def score(folders: list[str], harness: Any) -> dict[str, dict]:
    out = {}
    for name in folders:
        folder = Path(name) if Path(name).is_dir() else ROOT / "training" / "notes" / name
        rows = []
        for case in _cases(folder):
            plan = json.loads(draft_plan(case["notes"]).plan.model_dump_json())
            rows.append({**harness.score(plan, case), "plan": plan})
        means = {k: sum(v) / len(v) if (v := [r[k] for r in rows if r[k] is not None]) else 1.0 for k in harness.METRICS}
        out[name] = {"rows": rows, "means": means, "overall": sum(means.values()) / len(means)}
        print(f"{name:24} {out[name]['overall']:.3f} " + " ".join(f"{k}={v:.2f}" for k, v in means.items() if v < 0.995))
    return out


def compare(old: dict[str, dict], new: dict[str, dict], metrics: list[str]) -> None:
    for name in new.keys() & old.keys():
        print(f"{name:24} {old[name]['overall']:.4f} -> {new[name]['overall']:.4f}")
        before = {r["case"]: r for r in old[name]["rows"]}
        for row in new[name]["rows"]:
            was = before.get(row["case"])
            if was is None:
                continue
            moved = [f"{k} {was[k]} -> {row[k]}" for k in metrics if was[k] != row[k]]
            if moved or was["plan"] != row["plan"]:
                print(f"    {row['case']}: {'; '.join(moved) or 'wording only'}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out", help="where to write the plans and scores (JSON), or OLD.json with --compare")
    ap.add_argument("folders", nargs="+", help="folders of training/notes, or paths of case folders; NEW.json with --compare")
    ap.add_argument("--compare", action="store_true", help="compare two earlier runs instead of drafting")
    ap.add_argument("--harness", type=Path, default=ROOT.parent / "shared" / "eval" / "evaluate.py")
    args = ap.parse_args()
    harness = _harness(args.harness)
    if args.compare:
        compare(json.loads(Path(args.out).read_text()), json.loads(Path(args.folders[0]).read_text()), harness.METRICS)
        return 0
    Path(args.out).write_text(json.dumps(score(args.folders, harness), ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())

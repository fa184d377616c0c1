"""Train the reader on training/notes/train, measure it on training/notes/heldout, write the bundled model.

    python training/train_reader.py            # train, report, write assistant/reader/model.npz
    python training/train_reader.py --check    # train and report only

The report gives, on the held-out notes, the share of sentences whose reading is right (per reading
and per language) and the share of actions given the right owner: for the word rules alone and for
the reader as drafting uses it (the model where it is sure, the rules elsewhere).
"""
from __future__ import annotations

import argparse
import collections
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from assistant.reader import KEEP_OUT, NAME_CLASSES, MODEL_FILE, OWNERS, READING_OF_KIND, READINGS, SURE, SURE_KEEP_OUT, Reader, in_dialogue, rule_owner  # noqa: E402
from assistant.reader.corpus import Example, load  # noqa: E402
from assistant.reader.features import hashed, sentence_features  # noqa: E402
from assistant.reader.model import LinearModel  # noqa: E402


def rows_of(examples: list[Example]) -> list[list[int]]:
    return [hashed(sentence_features(e.analysis, e.index)) for e in examples]


def name_examples(folder: Path) -> tuple[list[list[int]], list[str], list[tuple[str, list, dict]]]:
    """Name candidates of every note, labelled employee, manager or none from the note's header."""
    import json

    from assistant.notes import _find_people, normalise
    from assistant.reader.corpus import notes_text
    from assistant.reader.header import candidates, rows

    all_rows, labels, notes = [], [], []
    for path in sorted(folder.glob("*.json")):
        doc = json.loads(path.read_text(encoding="utf-8"))
        text = normalise(notes_text(doc))
        rule_name, _, rule_manager = _find_people([line for line in text.split("\n") if line.strip()])
        cands = candidates(text, rule_name, rule_manager)
        header = doc["header"]
        for c in cands:
            labels.append("employee" if header.get("employee") and c.text in header["employee"].split() + [header["employee"]]
                          else "manager" if header.get("manager") and c.text in header["manager"].split() + [header["manager"]]
                          else "none")
        all_rows += rows(cands)
        notes.append((text, [rule_name, rule_manager], header))
    return all_rows, labels, notes


def train(examples: list[Example], extra_weight: list[float] | None = None) -> Reader:
    rows = rows_of(examples)
    weights = extra_weight or [1.0] * len(examples)
    readings = LinearModel.fit(rows, [e.reading for e in examples], READINGS, weights=weights)
    acts = [i for i, e in enumerate(examples) if e.reading == "action" and e.owner]
    owners = LinearModel.fit([rows[i] for i in acts], [examples[i].owner for i in acts], OWNERS,
                             weights=[weights[i] for i in acts])
    keep_out = LinearModel.fit(rows, [e.keep_out for e in examples], KEEP_OUT, weights=weights)
    name_rows, name_labels, _ = name_examples(ROOT / "training" / "notes" / "train")
    names = LinearModel.fit(name_rows, name_labels, NAME_CLASSES)
    return Reader(readings, owners, keep_out, names)


def header_report(reader: Reader, folder: Path) -> tuple[int, float, float]:
    """Notes whose employee the rules and the reader name as the header does (a form of it)."""
    _, _, notes = name_examples(folder)
    rules = learnt = 0
    for text, (rule_name, rule_manager), header in notes:
        want = header.get("employee") or ""
        name, _ = reader.people(text, rule_name, rule_manager)
        ok = lambda got: bool(got) and (got in want or want in got)  # noqa: E731
        rules += ok(rule_name)
        learnt += ok(name)
    return len(notes), rules / len(notes), learnt / len(notes)


def report(reader: Reader, examples: list[Example]) -> dict:
    rows = rows_of(examples)
    p_read = reader.readings.probabilities(rows)
    p_own = reader.owners.probabilities(rows)
    p_out = reader.keep_out.probabilities(rows)
    tally: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    for e, pr, po, pk in zip(examples, p_read, p_own, p_out):
        s = e.analysis.sentences[e.index]
        rules = READING_OF_KIND[s.rule_kind]
        learnt = READINGS[int(pr.argmax())]
        used = learnt if pr.max() >= SURE and s.rule_kind != "excluded" else rules
        for key in ("all", f"lang:{e.language}", f"reading:{e.reading}"):
            tally[key]["n"] += 1
            tally[key]["rules"] += rules == e.reading
            tally[key]["reader"] += used == e.reading
        out = reader.keep_out.classes[int(pk.argmax())] if pk.max() >= SURE_KEEP_OUT else "keep"
        for key in ("keep-out", f"keep-out:{e.keep_out}"):
            tally[key]["n"] += 1
            tally[key]["rules"] += (e.keep_out == "keep") == (s.rule_kind != "excluded")
            tally[key]["reader"] += (out == e.keep_out) or (e.keep_out != "keep" and s.rule_kind == "excluded")
        if e.reading == "action" and e.owner:
            owner = OWNERS[int(po.argmax())] if po.max() >= SURE else rule_owner(e.analysis.sentences[e.index], in_dialogue(e.analysis))
            for key in ("owners", f"owners:{e.language}"):
                tally[key]["n"] += 1
                tally[key]["rules"] += rule_owner(e.analysis.sentences[e.index], in_dialogue(e.analysis)) == e.owner
                tally[key]["reader"] += owner == e.owner
    return {k: (v["n"], v["rules"] / v["n"], v["reader"] / v["n"]) for k, v in sorted(tally.items())}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--check", action="store_true", help="do not write the model file")
    args = ap.parse_args()
    t0 = time.perf_counter()
    train_set = load(ROOT / "training" / "notes" / "train")
    heldout = load(ROOT / "training" / "notes" / "heldout")
    reader = train(train_set)
    print(f"trained on {len(train_set)} sentences in {time.perf_counter() - t0:.1f} s; held out: {len(heldout)}")
    print(f"{'held-out':24}{'n':>6}{'rules':>8}{'reader':>8}")
    for key, (n, rules, learnt) in report(reader, heldout).items():
        print(f"{key:24}{n:>6}{rules:>8.2f}{learnt:>8.2f}")
    n, rules, learnt = header_report(reader, ROOT / "training" / "notes" / "heldout")
    print(f"{'employee named':24}{n:>6}{rules:>8.2f}{learnt:>8.2f}")
    if not args.check:
        path = ROOT / "assistant" / "reader" / MODEL_FILE
        path.write_bytes(reader.to_bytes())
        print(f"wrote {path.relative_to(ROOT)} ({path.stat().st_size // 1024} KB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

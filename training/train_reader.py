"""Train the reader on training/notes/train, measure it on training/notes/heldout, write the bundled model.

    python training/train_reader.py            # train, report, write assistant/reader/model.npz
    python training/train_reader.py --check    # train and report only
    python training/train_reader.py --keep owners names   # retrain all but these parts
    python training/train_reader.py --keep meaning        # ... or all but the keep-out-by-meaning model
    python training/train_reader.py --check --also incoming5 incoming6   # train on train/ and these folders too

The keep-out-by-meaning model (`reader/meaning.py`) learns from `MEANING_FOLDERS`: besides `train/`, the
incoming sets already measured blind, for their remarks, disclosures and instructions in new words. Encoding
its ~23,000 sentences takes about 5 minutes on 2 cores the first time (cached in .plancoach/).

The report gives, on the held-out notes, the share of sentences whose reading is right (per reading
and per language) and the share of actions given the right owner: for the word rules alone and for
the reader as drafting uses it (the model where it is sure, the rules elsewhere).
"""
from __future__ import annotations

import argparse
import collections
import copy
import dataclasses
import hashlib
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from assistant.reader import (  # noqa: E402
    KEEP_OUT,
    MODEL_FILE,
    NAME_CLASSES,
    OWNERS,
    PARTS,
    READING_OF_KIND,
    READINGS,
    ROLE_CLASSES,
    SURE_KEEP_OUT,
    Reader,
    apply,
    bundled,
    in_dialogue,
    owner_of,
    rule_owner,
)
from assistant.reader.corpus import Example, load  # noqa: E402
from assistant.reader.features import hashed, rows_in_context, sentence_features  # noqa: E402
from assistant.reader.features import rows as sentence_rows  # noqa: E402
from assistant.reader.meaning import MEANING_FILE, EncodedModel, encode  # noqa: E402
from assistant.reader.model import LinearModel  # noqa: E402


def rows_of(examples: list[Example]) -> list[list[int]]:
    return [hashed(sentence_features(e.analysis, e.index)) for e in examples]


def name_examples(folder: Path) -> tuple[list[list[int]], list[str], list[tuple[str, list, dict]]]:
    """Name candidates of every note, labelled employee, manager or none from the note's header."""
    import json

    from assistant.notes import normalise
    from assistant.notes.header import _find_people
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
            labels.append("employee" if header.get("employee") and c.text in [*header["employee"].split(), header["employee"]]
                          else "manager" if header.get("manager") and c.text in [*header["manager"].split(), header["manager"]]
                          else "none")
        all_rows += rows(cands)
        notes.append((text, [rule_name, rule_manager], header))
    return all_rows, labels, notes


# The second pass learns from first-pass readings of notes the first pass did not train on, nor any note by the
# same writer: as unsure as the first pass is on a new writer's notes, so the second pass learns how far to trust it.
FOLDS = 5


def writer(note: str) -> str:
    """Who wrote a note: its id's prefix ('t9-warehouse-picker' -> 't9')."""
    return note.split("-", 1)[0]


def in_context(examples: list[Example], rows: list[list[int]], first: list[str]) -> list[list[int]]:
    """Every example's second-pass features, given the first pass's reading of every example."""
    by_note: dict[int, list[int]] = collections.defaultdict(list)
    for k, e in enumerate(examples):
        by_note[id(e.analysis)].append(k)
    out: list[list[int]] = [[] for _ in examples]
    for ks in by_note.values():
        analysis = examples[ks[0]].analysis
        note_rows: list[list[int]] = [[] for _ in analysis.sentences]
        note_first = ["other"] * len(analysis.sentences)
        for k in ks:
            note_rows[examples[k].index], note_first[examples[k].index] = rows[k], first[k]
        context = rows_in_context(analysis, note_rows, note_first)
        for k in ks:
            out[k] = context[examples[k].index]
    return out


def _rule_people(text: str) -> tuple[str | None, str | None, str | None]:
    """The employee, the role and the manager as the word rules alone find them."""
    from assistant.notes.header import _find_people
    from assistant.reader.role import role_beside, says_no_job

    name, found_role, manager = _find_people([line for line in text.split("\n") if line.strip()])
    return name, role_beside(text, name) or (found_role if found_role and not says_no_job(found_role) else None), manager


def role_examples(folder: Path) -> tuple[list[list[int]], list[str], list[tuple[str, str, dict]]]:
    """Role candidates of every note, labelled role where the phrase is the role the note's header gives. The
    candidates are read beside the name the rules find: as noisy as the reader's names on notes it never saw."""
    import json

    from assistant.notes import normalise
    from assistant.reader.corpus import notes_text
    from assistant.reader.role_candidates import candidates, rows

    all_rows, labels, notes = [], [], []
    for path in sorted(folder.glob("*.json")):
        doc = json.loads(path.read_text(encoding="utf-8"))
        text = normalise(notes_text(doc))
        name, rule_role, _ = _rule_people(text)
        cands = candidates(text, name, rule_role)
        want = (doc["header"].get("role") or "").lower()
        labels += ["role" if c.text.lower() == want else "none" for c in cands]
        all_rows += rows(cands)
        notes.append((text, doc["language"], doc["header"]))
    return all_rows, labels, notes


def train(examples: list[Example], extra_weight: list[float] | None = None) -> Reader:
    rows = rows_of(examples)
    weights = extra_weight or [1.0] * len(examples)
    labels = [e.reading for e in examples]
    readings = LinearModel.fit(rows, labels, READINGS, weights=weights)
    writers = sorted({writer(e.note) for e in examples})
    fold = [writers.index(writer(e.note)) % FOLDS for e in examples]
    first = [""] * len(examples)
    for f in range(FOLDS):
        inside = [k for k in range(len(examples)) if fold[k] != f]
        model = LinearModel.fit([rows[k] for k in inside], [labels[k] for k in inside], READINGS,
                                weights=[weights[k] for k in inside])
        outside = [k for k in range(len(examples)) if fold[k] == f]
        for k, p in zip(outside, model.probabilities([rows[k] for k in outside])):
            first[k] = READINGS[int(p.argmax())]
    second = LinearModel.fit(in_context(examples, rows, first), labels, READINGS, weights=weights)
    acts = [(i, e.owner) for i, e in enumerate(examples) if e.reading == "action" and e.owner]
    owners = LinearModel.fit([rows[i] for i, _ in acts], [owner for _, owner in acts], OWNERS,
                             weights=[weights[i] for i, _ in acts])
    keep_out = LinearModel.fit(rows, [e.keep_out for e in examples], KEEP_OUT, weights=weights)
    name_rows, name_labels, _ = name_examples(ROOT / "training" / "notes" / "train")
    names = LinearModel.fit(name_rows, name_labels, NAME_CLASSES)
    role_rows, role_labels, _ = role_examples(ROOT / "training" / "notes" / "train")
    roles = LinearModel.fit(role_rows, role_labels, ROLE_CLASSES)
    return Reader(readings, second, owners, keep_out, names, roles)


MEANING_FOLDERS = ("train", "incoming5", "incoming6", "incoming7", "incoming8", "incoming9", "incoming10")
ENCODINGS_CACHE = ROOT / ".plancoach" / "training-encodings.npz"


def encodings(texts: list[str]) -> np.ndarray:
    """The e5 encodings of `texts`, from the cache where they were made before."""
    cached: dict[str, np.ndarray] = {}
    if ENCODINGS_CACHE.is_file():
        with np.load(ENCODINGS_CACHE) as data:
            cached = dict(zip(data["keys"].tolist(), data["vectors"]))
    key_of = {t: hashlib.sha1(t.encode("utf-8")).hexdigest() for t in texts}
    missing = [t for t, k in key_of.items() if k not in cached]
    for start in range(0, len(missing), 256):
        batch = missing[start:start + 256]
        for text, vector in zip(batch, encode(batch)):
            cached[key_of[text]] = vector
    if missing:
        ENCODINGS_CACHE.parent.mkdir(exist_ok=True)
        np.savez(ENCODINGS_CACHE, keys=np.array(list(cached)), vectors=np.stack(list(cached.values())))
    return np.stack([cached[key_of[t]] for t in texts])


def train_meaning() -> EncodedModel:
    examples = [e for folder in MEANING_FOLDERS for e in load(ROOT / "training" / "notes" / folder)]
    texts = [e.analysis.sentences[e.index].text for e in examples]
    return EncodedModel.fit(encodings(texts), [e.keep_out for e in examples], KEEP_OUT)


def header_report(reader: Reader, folder: Path) -> tuple[int, float, float]:
    """Notes whose employee the rules and the reader name as the header does (a form of it)."""
    _, _, notes = name_examples(folder)
    rules = learnt = 0
    for text, (rule_name, rule_manager), header in notes:
        want = header.get("employee") or ""
        name, _ = reader.people(text, rule_name, rule_manager)
        rules += _names_match(rule_name, want)
        learnt += _names_match(name, want)
    return len(notes), rules / len(notes), learnt / len(notes)


def role_report(reader: Reader, folder: Path) -> dict[str, tuple[int, float, float]]:
    """Notes whose role the rules and the reader give as the header does (one holding the other), or give none
    where the header has none; the reader reads beside the employee it names, as drafting does."""
    _, _, notes = role_examples(folder)
    tally: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    for text, language, header in notes:
        want = (header.get("role") or "").lower()
        rule_name, rule_role, rule_manager = _rule_people(text)
        name, _ = reader.people(text, rule_name, rule_manager)
        for key in ("all", language):
            tally[key]["n"] += 1
            tally[key]["rules"] += _roles_match(rule_role, want)
            tally[key]["reader"] += _roles_match(reader.role(text, name, rule_role), want)
    return {k: (v["n"], v["rules"] / v["n"], v["reader"] / v["n"]) for k, v in tally.items()}


def _names_match(got: str | None, want: str) -> bool:
    """The header's employee, or a form of it: one name holds the other."""
    return got is not None and got != "" and (got in want or want in got)


def _roles_match(got: str | None, want: str) -> bool:
    """No role where the header gives none, or one role holding the other (`want` is lower case)."""
    return (not want and not got) or (bool(want) and got is not None and got != "" and (want in got.lower() or got.lower() in want))


def report(reader: Reader, examples: list[Example], meaning: EncodedModel | None = None) -> dict:
    """Share right on labelled notes: the word rules alone; the reader as drafting uses it (`apply`: the
    model where it is sure, the rules elsewhere; the owner a sentence read as an action gets); and the learnt model alone (the second pass's most likely reading, the owner model's owner)."""
    by_note: dict[int, list[Example]] = collections.defaultdict(list)
    for e in examples:
        by_note[id(e.analysis)].append(e)
    tally: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    for group in by_note.values():
        analysis = group[0].analysis
        read = copy.deepcopy(analysis)
        apply(read, reader, meaning=meaning)
        learnt = reader.read(analysis)
        first_rows = sentence_rows(analysis)
        second = reader.in_context.probabilities(rows_in_context(analysis, first_rows, [
            READINGS[int(p.argmax())] for p in reader.readings.probabilities(first_rows)]))
        owners = reader.owners.probabilities(first_rows)
        dialogue = in_dialogue(analysis)
        for e in group:
            s, used, seen = analysis.sentences[e.index], read.sentences[e.index].reading, learnt[e.index]
            rules = READING_OF_KIND[s.rule_kind]
            for key in ("all", f"lang:{e.language}", f"reading:{e.reading}"):
                tally[key]["n"] += 1
                tally[key]["rules"] += rules == e.reading
                tally[key]["reader"] += used == e.reading
                tally[key]["model"] += reader.in_context.classes[int(second[e.index].argmax())] == e.reading
            out = seen.keep_out if seen.keep_out_confidence >= SURE_KEEP_OUT else "keep"
            for key in ("keep-out", f"keep-out:{e.keep_out}"):
                tally[key]["n"] += 1
                tally[key]["rules"] += (e.keep_out == "keep") == (s.rule_kind != "excluded")
                tally[key]["reader"] += (e.keep_out == "keep") == (read.sentences[e.index].kind != "excluded")
                tally[key]["model"] += out == e.keep_out
            if e.reading == "action" and e.owner:
                for key in ("owners", f"owners:{e.language}"):
                    tally[key]["n"] += 1
                    tally[key]["rules"] += rule_owner(s, dialogue) == e.owner
                    tally[key]["reader"] += owner_of(s, seen, dialogue) == e.owner
                    tally[key]["model"] += reader.owners.classes[int(owners[e.index].argmax())] == e.owner
    return {k: (v["n"], v["rules"] / v["n"], v["reader"] / v["n"], v["model"] / v["n"]) for k, v in sorted(tally.items())}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--check", action="store_true", help="do not write the model file")
    ap.add_argument("--also", nargs="+", default=[], metavar="FOLDER",
                    help="train on these folders of training/notes besides train/ (e.g. incoming5)")
    ap.add_argument("--keep", nargs="+", default=[], choices=(*PARTS, "meaning"), metavar="PART",
                    help=f"keep these parts as bundled and retrain the others ({', '.join(PARTS)}, meaning)")
    args = ap.parse_args()
    t0 = time.perf_counter()
    train_set = [e for folder in ("train", *args.also) for e in load(ROOT / "training" / "notes" / folder)]
    heldout = load(ROOT / "training" / "notes" / "heldout")
    shipped = bundled()
    reader = shipped if shipped and set(PARTS) <= set(args.keep) else train(train_set)  # (every part kept: no training)
    if kept := [part for part in args.keep if part in PARTS]:
        reader = dataclasses.replace(reader, **{part: getattr(shipped, part) for part in kept})
    meaning = None if "meaning" in args.keep else train_meaning()
    print(f"trained on {len(train_set)} sentences in {time.perf_counter() - t0:.1f} s; held out: {len(heldout)}")
    print(f"{'held-out':24}{'n':>6}{'rules':>8}{'reader':>8}{'model':>8}")
    for key, (n, rules, learnt, alone) in report(reader, heldout, meaning).items():
        print(f"{key:24}{n:>6}{rules:>8.2f}{learnt:>8.2f}{alone:>8.2f}")
    n, rules, learnt = header_report(reader, ROOT / "training" / "notes" / "heldout")
    print(f"{'employee named':24}{n:>6}{rules:>8.2f}{learnt:>8.2f}")
    for key, (n, rules, learnt) in role_report(reader, ROOT / "training" / "notes" / "heldout").items():
        print(f"{'role ' + key:24}{n:>6}{rules:>8.2f}{learnt:>8.2f}")
    if not args.check:
        path = ROOT / "assistant" / "reader" / MODEL_FILE
        path.write_bytes(reader.to_bytes())
        print(f"wrote {path.relative_to(ROOT)} ({path.stat().st_size // 1024} KB)")
        if meaning is not None:
            path = path.with_name(MEANING_FILE)
            path.write_bytes(meaning.to_bytes())
            print(f"wrote {path.relative_to(ROOT)} ({path.stat().st_size // 1024} KB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Word-list matching speed: the lists asked of every sentence (screening, areas, shortfall words), on every
sentence of the labelled notes, and the time to compile every list once.

    python bench/bench_lexicon.py [--rounds N]

Prints microseconds per sentence (best of the rounds: the machine is shared) and the compile time.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def sentences() -> list[str]:
    from assistant.notes import analyse
    from assistant.reader.corpus import notes_text

    out = []
    for path in sorted(ROOT.glob("training/notes/*/*.json")):
        out += [s.text for s in analyse(notes_text(json.loads(path.read_text(encoding="utf-8"))), read=False).sentences]
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()

    from assistant import lexicon, screening
    from assistant.lexicon import area_name, vocab_terms
    from assistant.textutil import clear_text_caches

    start = time.perf_counter()
    screening.screen("warm")  # compiles every screening list
    area_name("warm", "en")
    vocab_terms("observation", "negative", "en"), vocab_terms("observation", "negative", "zh")
    compile_s = time.perf_counter() - start
    texts = sentences()
    lists = [vocab_terms("observation", key, lang) for key in ("negative", "positive") for lang in lexicon.languages()]
    best_screen = best_lists = float("inf")
    for _ in range(args.rounds):
        clear_text_caches()
        start = time.perf_counter()
        for text in texts:
            screening.screen(text)
            area_name(text, "en")
        best_screen = min(best_screen, time.perf_counter() - start)
        start = time.perf_counter()
        for text in texts:
            for terms in lists:
                terms.occurs_in(text)
        best_lists = min(best_lists, time.perf_counter() - start)
    print(f"{len(texts)} sentences, best of {args.rounds} rounds")
    print(f"  screening + area: {best_screen / len(texts) * 1e6:.1f} us/sentence")
    print(f"  shortfall/praise lists: {best_lists / len(texts) * 1e6:.1f} us/sentence")
    print(f"  compiling the lists: {compile_s * 1000:.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())

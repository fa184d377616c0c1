"""The workspace's words per language: the files agree, every message the checks write is read back and shown
in either language without the other's words, and where a flag points is said in plain words."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from assistant.checks import review
from assistant.i18n import LANGUAGES, catalogue, read_back, rewrite
from assistant.i18n import flags as F
from assistant.lexicon import load
from assistant.notes import analyse
from assistant.pipeline import draft_plan
from assistant.preferences import Preferences
from assistant.storage import PlanStore

NOTES = sorted((Path(__file__).parent / "notes").glob("*.txt"))
LATIN_WORD = re.compile(r"[A-Za-z]{3,}")
CJK = re.compile(r"[\u4e00-\u9fff]")


def _keys(node, prefix="") -> set[str]:
    if not isinstance(node, dict):
        return {prefix}
    return {k for key, value in node.items() for k in _keys(value, f"{prefix}.{key}" if prefix else key)}


def test_every_language_has_the_same_keys_and_the_same_values_to_fill_in():
    en = catalogue("en")
    for lang in LANGUAGES:
        assert _keys(catalogue(lang)) == _keys(en), lang
    def first(words):
        return words[0] if isinstance(words, list) else words

    for section in ("labels", "status", "errors", "checks", "coach", "audit_detail", "refusals"):
        for key, words in en[section].items():
            names = set(re.findall(r"{(\w+)}", first(words)))
            assert set(re.findall(r"{(\w+)}", first(catalogue("zh")[section][key]))) <= names, f"{section}.{key}"


@pytest.fixture(scope="module")
def drafted():
    return [draft_plan(p.read_text(encoding="utf-8")).plan for p in NOTES]


def test_every_flag_the_checks_write_is_read_back_and_shown_in_either_language(drafted):
    flags = [(plan, f) for plan in drafted for f in plan.review_flags]
    assert len(flags) > 20 and {f.kind for _, f in flags} >= {"coverage", "bias", "wording", "sensitive", "injection"}
    for plan, flag in flags:
        assert read_back("checks", flag.message), flag.message
        # Words quoted from the notes and the plan's own area names stay as written; the rest is in one language.
        own = "|".join(re.escape(d.area) for d in plan.deficiencies) or "$^"
        zh = re.sub(rf"'[^']*'|{own}", "", " ".join(F.row(flag, "zh", plan)))
        assert not LATIN_WORD.search(zh.replace("SMART", "")), (flag.message, zh)
        if plan.language == "en":
            en = re.sub(r"'[^']*'", "", " ".join(F.row(flag, "en", plan)))
            assert not CJK.search(en), en


def test_a_message_mixing_languages_is_written_in_one():
    assert rewrite("checks", "No responsibility is recorded for 员工.", "en") == "No responsibility is recorded for the employee."
    assert rewrite("checks", "No responsibility is recorded for the manager.", "zh") == "没有记录经理的职责。"
    assert rewrite("checks", "Goal G2 is not SMART: add a deadline date.", "zh") == "目标 G2 不符合 SMART：请补充截止日期。"


def test_where_a_flag_points_in_plain_words(drafted):
    plan = next(p for p in drafted if len(p.goals) >= 2)
    assert F.where("goals[1].deadline", "en", plan) == f"Goal {plan.goals[1].id} · deadline"
    assert F.where("goals[1].deadline", "zh", plan) == f"目标 {plan.goals[1].id} · 截止日期"
    assert F.where("notes:S4", "zh") == "记录，句子 S4"
    assert F.where("responsibilities", "en") == "Responsibilities"


def test_a_structural_rule_is_said_with_the_goals_id_not_its_position():
    plan = draft_plan((Path(__file__).parent / "notes" / "teacher-qa.txt").read_text(encoding="utf-8")).plan
    plan.goals[0].deficiency_ids = ["D9"]
    flags = review(plan, analyse((Path(__file__).parent / "notes" / "teacher-qa.txt").read_text(encoding="utf-8")))
    rule = next(f for f in flags if f.kind == "schema")
    assert F.message(rule, "en", plan).startswith(f"Goal {plan.goals[0].id} refers to deficiency D9")
    assert F.message(rule, "zh", plan).startswith(f"目标 {plan.goals[0].id} 引用的问题 D9 不存在")


def test_every_screening_reason_has_words_in_each_language():
    reasons = {spec[part] for name in ("sensitive", "confidential") for spec in
               ([load(name)] if name == "sensitive" else [v for v in load(name).values() if isinstance(v, dict) and "why" in v])
               for part in ("why", "instead")}
    for reason in reasons:
        assert CJK.search(F._reason(reason, "zh")), reason
    for category, spec in load("bias", "en").items():
        assert F._reason(spec["why"], "zh") == load("bias", "zh")[category]["why"]


def test_preferences_are_kept_per_person(tmp_path):
    prefs = Preferences(PlanStore(f"sqlite:///{tmp_path / 'p.db'}").engine)
    assert prefs.get("mia").language == "en" and not prefs.get("mia").learning
    prefs.set("mia", language="zh")
    prefs.set("mia", learning=True)
    assert prefs.get("mia").language == "zh" and prefs.get("mia").learning
    assert prefs.get("omar").language == "en"
    with pytest.raises(ValueError, match="use one of en, zh"):
        prefs.set("mia", language="fr")


def test_an_exported_file_is_named_in_the_plans_language(tmp_path):
    from assistant.access import ALONE
    from assistant.settings import get_settings
    from assistant.workspace import Workspace

    ws = Workspace(get_settings(), PlanStore(f"sqlite:///{tmp_path / 'p.db'}"))
    plan_id, plan, _ = ws.draft(ALONE, (Path(__file__).parent / "notes" / "zh-cashier-sections.txt").read_text(encoding="utf-8"))
    assert plan.language == "zh"
    employee, hr = ws.export(ALONE, plan_id, "pdf", tmp_path), ws.export(ALONE, plan_id, "pdf", tmp_path, audience="hr")
    assert employee.name.startswith("改进计划-") and employee.name.endswith("-员工版.pdf")
    assert hr.name.endswith("-人力资源版.pdf")


def test_what_the_page_already_said_is_said_again_in_the_other_language():
    from assistant.i18n import reword

    assert reword("Opened (submitted). It is read-only until HR requests changes.", "zh") == \
        "已打开（已提交）。在人力资源部要求修改之前为只读。"
    assert reword("Reopened plan (draft).", "zh") == "已重新打开计划（草稿）。"  # a value that may be empty
    assert reword("已保存为第 2 版。", "en") == "Saved as version 2."
    assert reword("Re-drafted with S8 read as action: manager; there were no unsaved edits.", "zh") == \
        "已按S8理解为“行动：经理”重新起草；没有未保存的修改。"  # a value that is itself a status line
    assert reword("Something nobody wrote a template for.", "zh") == "Something nobody wrote a template for."


def _refusal(call) -> str:
    try:
        call()
    except Exception as exc:  # noqa: BLE001 -- whatever the module raises, its words are what is read back
        return str(exc)
    raise AssertionError("not refused")


def test_input_drafting_and_account_errors_as_their_modules_word_them_are_shown_in_chinese(tmp_path):
    """The messages are read back from what inputs.py and accounts.py raise, so a change of their wording shows here."""
    from assistant.accounts import Accounts
    from assistant.i18n import reword
    from assistant.inputs import read_notes, validate_notes

    binary = tmp_path / "scan.txt"
    binary.write_bytes(b"\x00\x01 not text")
    latin1 = tmp_path / "old.txt"
    latin1.write_bytes("Überstunden: 14 von 20 Schulungen, Café".encode("latin-1"))
    accounts = Accounts(PlanStore(f"sqlite:///{tmp_path / 'a.db'}").engine)
    accounts.add("mia", "manager", "a long enough password", by="ada")
    said = [_refusal(lambda: validate_notes("  ", 100)), _refusal(lambda: validate_notes("x" * 101, 100)),
            _refusal(lambda: read_notes(str(binary), 100)), _refusal(lambda: read_notes(str(latin1), 100)),
            _refusal(lambda: accounts.add("mia", "manager", "a long enough password", by="ada")),
            _refusal(lambda: accounts.add("a b", "manager", "a long enough password", by="ada")),
            _refusal(lambda: accounts.add("zoe", "manager", "short", by="ada")), _refusal(lambda: accounts.disable("nobody", by="ada"))]
    for message in said:
        shown = reword(message, "zh")
        assert CJK.search(shown) and shown != message, message



def test_the_history_names_statuses_and_the_drafter_in_words_not_as_stored():
    """HR's history showed 'submitted -> changes_requested' and 'by embedded', as the store writes them."""
    assert rewrite("audit_detail", "submitted -> changes_requested", "en") == "submitted -> changes requested"
    assert rewrite("audit_detail", "submitted -> changes_requested", "zh") == "已提交 → 要求修改"
    assert rewrite("audit_detail", "by embedded", "en") == "by the built-in drafter (no AI service)"
    assert rewrite("audit_detail", "by embedded", "zh") == "由内置起草器"

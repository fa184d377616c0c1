"""Notes written in traditional Chinese characters (Taiwan, Hong Kong) are read with the simplified word lists and
their plan is written back in the notes' own characters: quoted evidence stays verbatim, names keep their
characters, and the checks still find every quote in the notes."""
import datetime as dt
import json

from assistant.cli import main
from assistant.notes import analyse
from assistant.notes.script import Script, fold
from assistant.pipeline import draft_plan, recheck

TRADITIONAL = """績效面談紀錄
日期：2026年10月6日
員工：陳郁君（倉儲揀貨組長）
主管：王建宏
一、觀察到的問題
1. 九月揀貨錯誤率2.4%，公司標準為1%以下。
2. 有6次出貨單沒有在當天下午四點前完成覆核。
二、當事人說明
陳小姐說新系統上線後條碼槍常斷線，她只好改用手寫。
三、改善事項
1. 郁君每天下班前覆核當日出貨單。
2. 本人（經理）於10月20日前與資訊部確認條碼槍問題。
3. 資訊部本月內更換故障的條碼槍。
四、目標
第四季結束前：揀貨錯誤率不超過1%。
"""


def test_folding_is_one_character_for_one_and_leaves_other_notes_alone():
    assert fold(TRADITIONAL) != TRADITIONAL and len(fold(TRADITIONAL)) == len(TRADITIONAL)
    assert "拣货错误率" in fold(TRADITIONAL) and "资讯部" in fold(TRADITIONAL)
    assert Script.of(TRADITIONAL) is not None
    simplified = "员工：李著名。九月拣货错误率2.4%，标准为1%以下。乾货区盘点漏了3次。"  # a '著' and a '乾' in simplified notes
    assert Script.of(simplified) is None and Script.of("Dana missed 4 of 20 checks.") is None


def test_a_plan_of_traditional_notes_is_read_as_well_and_written_in_their_characters():
    result = draft_plan(TRADITIONAL)
    plan = result.plan
    assert plan.employee.name == "陳郁君"  # '郁' is a traditional character too: not turned into '鬱'
    evidence = [d.evidence for d in plan.deficiencies]
    assert evidence and all(e in TRADITIONAL for e in evidence), evidence
    assert any("揀貨錯誤率" in e for e in evidence) and any("覆核" in e for e in evidence)
    assert not any("條碼槍" in e for e in evidence), evidence  # the employee's account, under its heading: a cause
    assert any("條碼槍常斷線" in c.cause for c in plan.root_causes)
    owners = {r.owner: r.action for r in plan.responsibilities}
    assert "確認條碼槍" in owners["manager"]  # '本人（經理）': the writer, by their title
    assert "更換" in owners["organisation"]
    goal = next(g for g in plan.goals if "錯誤率" in g.metric)
    assert "1" in (goal.target or "") and goal.deadline == dt.date(2026, 12, 31)  # '第四季結束前': Taiwan's quarter
    assert not any(f.kind == "grounding" for f in plan.review_flags)
    assert all(s.text in TRADITIONAL for s in result.analysis.sentences)  # shown as written


def test_rechecking_an_edited_traditional_plan_finds_its_quotes_in_the_notes():
    plan = draft_plan(TRADITIONAL).plan
    plan.deficiencies[0].area = "揀貨準確度"
    checked = recheck(plan, TRADITIONAL)
    assert checked.deficiencies[0].area == "揀貨準確度"
    assert not any(f.kind == "grounding" for f in checked.review_flags)


def test_plancoach_read_prints_the_sentences_as_written(tmp_path, capsys):
    notes = tmp_path / "notes.txt"
    notes.write_text(TRADITIONAL, encoding="utf-8")
    assert main(["read", str(notes), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["header"]["employee"] == "陳郁君"
    assert all(s["text"] in TRADITIONAL for s in out["sentences"])
    reading = {s["text"]: s["reading"] for s in out["sentences"]}
    assert reading["陳小姐說新系統上線後條碼槍常斷線，她只好改用手寫。"] == "account"
    assert analyse(TRADITIONAL).sentences[0].text == "绩效面谈纪录"  # read folded; `as_written()` shows it


TWO_WAYS = """員工：鍾立群
職位：倉管員
面談日期：2026-03-02
鍾立群本月有4次盤點表未按時提交，每次晚30分鐘以上，最晚一次晚了90分鐘。
他說家裡沒關係，只是鬧鐘沒響。
目標：4月30日前遲交不超過1次。
"""


def test_a_character_the_notes_write_two_ways_comes_back_as_each_place_writes_it():
    plan = draft_plan(TWO_WAYS).plan  # '钟' folds from '鍾' (a name) and '鐘' ('分鐘', '鬧鐘'); '系' from '係' too
    assert plan.employee.name == "鍾立群"
    assert all(d.evidence in TWO_WAYS for d in plan.deficiencies) and plan.deficiencies
    assert all(c.cause in TWO_WAYS for c in plan.root_causes)


def test_a_recheck_keeps_the_managers_own_characters():
    plan = draft_plan(TWO_WAYS).plan
    plan.employee.name, plan.deficiencies[0].area = "鍾立群", "盤點準時"
    checked = recheck(plan, TWO_WAYS)
    assert (checked.employee.name, checked.deficiencies[0].area) == ("鍾立群", "盤點準時")
    assert all(all("\u4e00" <= c <= "\u9fff" or not c.isalpha() or c.isascii() for c in f.message) for f in checked.review_flags)


def test_simplified_notes_quoting_a_traditional_line_and_japanese_notes_are_not_folded():
    quoting = ("员工：李静\n面谈日期：2026-03-02\n李静本月有4次客户投诉，为什么没有及时回复她也说不清楚。\n"
               "客户原话：「你們的服務員態度很差，讓我等了半個鐘頭。」\n目标：4月底前投诉不超过1次。\n")
    assert Script.of(quoting) is None
    assert Script.of("社員：佐藤健\n今月、佐藤さんは会議に5回遅刻しました。報告書の提出が3回遅れました。") is None


CANTONESE = """同阿輝傾咗陣（外賣部）- 2026年5月4號
佢上個月送錯咗5張單，有2張客人投訴話湯凍咗。
佢話新嚟嗰部電單車成日死火，要推去油站。
講好咗：
我聽日打俾車行換過部車。
佢每張單出門前對多次單號，唔好再靠記憶。
目標：5月尾之前送錯唔可以多過1張。
"""


def test_written_cantonese_is_read_as_mandarin_and_quoted_as_written():
    script = Script.of(CANTONESE)
    assert script is not None and script.cantonese
    assert "他说新来那部电单车总是死火" in script.folded  # '佢話新嚟嗰…成日…': the Mandarin word lists apply
    result = draft_plan(CANTONESE)
    said = next(s for s in result.analysis.sentences if s.text.startswith("佢話新嚟"))
    assert said.reading == "account" and said.text in CANTONESE
    plan = result.plan
    assert plan.deficiencies and all(d.evidence in CANTONESE for d in plan.deficiencies)
    assert any(g.deadline == dt.date(2026, 5, 31) for g in plan.goals)  # '5月尾': the end of May
    quoted = {d.evidence for d in plan.deficiencies} | {c.cause for c in plan.root_causes} | {r.action for r in plan.responsibilities}
    wording = [f.message for f in plan.review_flags if not any(q in f.message for q in quoted)]
    assert not any(c in "".join(wording) for c in "佢咗嘅冇唔"), wording  # the plan's own wording stays Mandarin

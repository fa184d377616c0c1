"""The header: who the notes are about and their role, from the layouts managers write."""
import datetime as dt
import re

import pytest

from assistant.notes import analyse
from assistant.notes.attendees import present
from assistant.notes.names import is_name
from assistant.notes.talked import talked_with
from assistant.pipeline import draft_plan
from assistant.reader.role import is_role, is_title, role_beside

from .conftest import training_note


@pytest.mark.parametrize("text, name, role", [
    ("Check-in notes - Joaquín Herrera, trainee surveyor (me: Beth) - 2 Mar 2026", "Joaquín Herrera", "trainee surveyor"),
    ("Present: Ms Osei (Head of Year, notes), Rhian Pugh (Learning Support Assistant, KS2)", "Rhian Pugh",
     "Learning Support Assistant"),
    ("Lead: Amir | Operator: Petra Novak, Line 3 press operator, nights", "Petra Novak", "Line 3 press operator"),
    ("Warehouse team leader Callum Reid - catch-up 4/6", "Callum Reid", "Warehouse team leader"),
    ("季度面谈 2026-06-12 仓库拣货员 孙立，面谈人：仓储经理 何伟", "孙立", "仓库拣货员"),
    ("Job title: claims assessor\nName: Pia Lund\nDate: 3 Feb", "Pia Lund", "claims assessor"),
    ("1:1 nts - Dev Malhotra, night shift drvr - 4 mar 27 - me = Jo", "Dev Malhotra", "night shift drvr"),
    ("re: Keeley Ames, accounts clk, 1:1 3/3/27", "Keeley Ames", "accounts clk"),
])
def test_the_role_is_read_beside_the_name_or_from_its_label(text, name, role):
    assert role_beside(text, name) == role


@pytest.mark.parametrize("text, name", [
    ("Catch-up with Nuno, 2026-05-11.\nLate 3 times in April.", "Nuno"),
    ("1:1 - Grace Obi - Monday 9 March\nShe said the week was busy.", "Grace Obi"),
])
def test_no_role_is_made_up_where_the_notes_give_none(text, name):
    assert role_beside(text, name) is None


def test_a_role_needs_a_job_word():
    assert is_role("senior dispatcher") and is_role("客服专员")
    assert not is_role("Tuesday 14 April") and not is_role("room 3B") and not is_role("me")


def test_names_in_any_latin_script_are_read_whole():
    a = analyse("1:1 notes - Tomás Ferreira-Luís, junior backend dev - 14 Sep 2026\nMissed 3 of 5 sprint goals in August.")
    assert (a.employee_name, a.employee_role) == ("Tomás Ferreira-Luís", "junior backend dev")
    b = analyse("Check-in, 9 Feb 2026 - Aoife O'Donnell, lab assistant\nMissed 4 of 12 fridge temperature checks in January.")
    assert b.employee_name == "Aoife O'Donnell"


@pytest.mark.parametrize("text, name, role, manager", [
    ("仓储部 面谈记录\n被面谈人：甘晓雯    岗位：理货员（冷库）\n面谈人：景志刚    日期：2026-02-03\n1月盘点差异4次。",
     "甘晓雯", "理货员", "景志刚"),
    ("【面谈对象】欧阳可欣（Coco），幼儿园配班老师\n【面谈时间】3月3日\n1. 家长投诉2起。", "欧阳可欣", "幼儿园配班老师", None),
    ("季度面谈 2026-05-06\n员工：热依拉·买买提  岗位：收银员\n4月长短款3次。", "热依拉·买买提", "收银员", None),
])
def test_chinese_forms_give_name_role_and_manager(text, name, role, manager):
    a = analyse(text)
    assert (a.employee_name, a.employee_role) == (name, role)
    if manager:
        assert a.manager == manager


def test_a_taiwanese_form_gives_name_role_manager_and_its_minguo_date():
    """'受談人' labels the employee, the interviewer's title stands before the name on line four, year 115 is 2026."""
    a = analyse("面談紀錄（倉管員）\n日期：115年4月7日\n受談人：郭品妤\n面談人：物流課長 邱建宏\n一、3月盤點差異6次。").as_written()
    assert (a.employee_name, a.employee_role, a.manager, a.interview_date) == (
        "郭品妤", "倉管員", "邱建宏", dt.date(2026, 4, 7))


@pytest.mark.parametrize("lines, name", [
    (["8.14 跟买买提江聊了 分拣员 二号仓"], "买买提江"),
    (["例会记录", "在场：我（沈岚，店长）、小吴（吴思远，咖啡师）、HR 季芳"], "吴思远"),
    (["季度面谈 ｜ 覃小燕 ｜ 理货员（冷链）｜ 2026-04-02", "面谈人：付军"], "覃小燕"),
    (["5.6 谭思琪 收银员 面谈"], "谭思琪"),
    (["杜鹃，今天谈的几点我再发你一下"], "杜鹃"),
    (["发件人：秦海", "收件人：HR 韩露", "主题：仓管员邵一鸣 4月面谈记录", "韩露："], "邵一鸣"),
    (["发件人：秦海", "收件人：卢嘉欣", "主题：今天面谈的要点"], "卢嘉欣"),
    (["绩效面谈 2026-05-06 质检员 龚平，面谈人：质量经理 严红"], "龚平"),
    (["面谈记录 3月4日（顾晓雯，仓库理货员；主管严立新）"], "顾晓雯"),  # in brackets with her role, the manager after
    (["周二晚上跟 Dylan 吃了个饭，顺便聊了聊"], "Dylan"),  # a Latin name after '跟', with a meal for the meeting
    (["面谈记录：雕刻师傅 钱永康（5月9日）"], "钱永康"),  # a craftsman's title ('师傅') run into the name
    (["3/12 邹雨桐 配镜 谈话"], "邹雨桐"),  # a full name on the meeting's line, whatever the job beside it
    (["焊工 1:1 — 龙海涛 Tao — 2 Mar — K. Lee"], "龙海涛"),  # not the Latin name after the last dash
    (["小蒋，昨天聊的我记一下，你看看", "你上个月有4次没按时交表，跟家属沟通也少。"], "小蒋"),  # not '家属', the family
    (["主题：季度复盘 Slide", "Reviewer: 孟凡, Area Lead", "Ella 邹, 审单员 check-in"], None),  # the reviewer is no employee
    (["Store Supervisor 罗佳怡 (Gina) – review chat", "面谈人: Tony Pan 潘东, Store Manager"], "罗佳怡"),  # not the interviewer
    (["学徒面谈 11/5，带教师傅 邓伟 也在", "小孟上个月返工 4 次。"], None),  # the mentor, not the apprentice
    (["夜班叉车和高架碰了一下，11/2"], None),  # two machines bumped: no meeting with anyone
])
def test_chinese_headers_name_the_employee_whatever_the_surname(lines, name):
    from assistant.reader.people_zh import employee_zh

    assert employee_zh(lines) == name


def test_a_chinese_heading_without_a_person_names_no_one():
    from assistant.reader.people_zh import employee_zh

    assert employee_zh(["门店月度例会纪要", "参加：全体店员"]) is None


def test_unsure_who_the_employee_is_the_plan_asks_rather_than_guesses_silently():
    from assistant.pipeline import draft_plan

    notes = ("Hi Karen,\nQuick recap of my chat with Tom Baker today. Tom was late 5 times in May.\n"
             "Target: no late starts by 30 June.\nKaren, can you file this?\nThanks, Ravi")
    plan = draft_plan(notes).plan
    questions = [f.message for f in plan.review_flags if f.kind == "assumption" and f.location == "employee.name"]
    assert plan.employee.name == "Tom Baker" or any("Tom Baker" in q for q in questions)


def test_a_form_that_states_the_employee_raises_no_question():
    a = analyse("Employee: Dana Ruiz\nRole: forklift operator\nDate: 2026-03-12\nDana had 3 near-misses; Sam Okafor saw two.")
    assert (a.employee_name, a.employee_rivals) == ("Dana Ruiz", ())


@pytest.mark.parametrize("text, name, role", [
    ("Site walk - Ines Moreau, site foreman, Block D - 3/6/26", "Ines Moreau", "site foreman"),  # 'for…' is no cut
    ("Notes - Aiko Sato, cabin attendant - 12 May", "Aiko Sato", "cabin attendant"),  # nor 'at…'
    ("Daniel Roy, MSK physiotherapist — review 2 Sept", "Daniel Roy", "MSK physiotherapist"),  # a job word by its ending
    ("Hemi Walker ramp agent – 25 Nov", "Hemi Walker", "ramp agent"),
    ("Porter 1:1, Femi Adebayo, 21/05", "Femi Adebayo", "Porter"),
    ("【绩效面谈】黄思琪｜课程顾问｜11月26日", "黄思琪", "课程顾问"),
])
def test_more_role_layouts(text, name, role):
    assert role_beside(text, name) == role


@pytest.mark.parametrize("phrase", ["customer", "after lunch", "head office", "员工", "staff member", "weekly catch-up"])
def test_words_that_name_no_job_are_no_role(phrase):
    assert not is_role(phrase)


@pytest.mark.parametrize("lines, name", [
    (["仓管 老严 1/15 面谈（在仓库办公室）"], "老严"),
    (["跟小范（收银）聊了 3月6号下午"], "小范"),
    (["1.28 私教 阿伟 聊业绩"], "阿伟"),
])
def test_chinese_nicknames_beside_a_job_are_the_employee(lines, name):
    from assistant.reader.people_zh import employee_zh

    assert employee_zh(lines) == name


def test_a_role_is_read_past_the_name_in_another_script():
    assert role_beside("1:1 — Kevin 王凯 (Data Engineer) · 2026/06/18", "Kevin") == "Data Engineer"


@pytest.mark.parametrize("text, name, role", [
    ("季度面谈记录\n员工：蒋丽　岗位：综合柜员　面谈人：周敏　日期：2026年4月27日", "蒋丽", "综合柜员"),
    ("OKR check-in｜王磊 Leo｜数据分析师｜6/2", "王磊", "数据分析师"),
    ("Subject: 李婷 (CRA II) – performance recap", "李婷", "CRA II"),
])
def test_roles_in_bilingual_and_full_width_layouts(text, name, role):
    assert role_beside(text, name) == role


def test_a_forms_interviewee_field_names_the_employee_whatever_the_names_length():
    notes = ("面谈记录表（质量部）\n被面谈人：乌兰其其格\n岗位：终检质检员\n面谈人：潘志刚    记录人：HR 龙晓雪\n"
             "日期：2026年3月26日\n3月有2批次连接器被客户退回。")
    assert analyse(notes).employee_name == "乌兰其其格"


@pytest.mark.parametrize("notes, employee, manager", [
    # the one titled as leading others is the manager when the header names someone else with a job
    ("钉钉 · 钱卫东（仓储部经理）→ 小高（人事）\n钱卫东 14:05：叉车司机周海我上午谈过了，跟你说一下\n"
     "钱卫东 14:06：4月份他有3次没做班前点检，公司要求每班都做\n", "周海", "钱卫东"),
    ("绩效沟通记录\n参加：韩科长（采购科科长，我），苏晓梅（采购员）\n我：5月有4张订单比计划晚了一周。\n", "苏晓梅", "韩科长"),
    ("Mei Lin\tforklift driver\t1:1\t03/04/2026\tTom Baxter (Warehouse Superintendent)\n"
     "Area\tObserved\tStandard\nPre-use checks\tmissed 4 times\tevery shift\n", "Mei Lin", "Tom Baxter"),
])
def test_a_lead_title_beside_another_job_is_the_manager(notes, employee, manager):
    analysis = analyse(notes)
    assert (analysis.employee_name, analysis.manager) == (employee, manager)


@pytest.mark.parametrize("notes, employee, role, manager", [
    # a rank before the name the header's layout chose, beside someone with none: the ranked one leads
    ("Quay crew review – Ines Barros – with Capt. Tomas Ek (Harbour Master) – 4/3/2027\n"
     "Ines missed 3 of 10 mooring checks in February.\n", "Ines Barros", None, "Tomas Ek"),
    # a host with a lead's job and a guest with a job of their own
    ("1:1 ｜ Host: Marta (Head Housekeeper) ｜ Guest: 小林 – room attendant ｜ 3/4/2027\n- 2 月有 6 间房 turndown 超时\n",
     "小林", "room attendant", "Marta"),
])
def test_of_two_people_in_a_header_the_one_who_leads_is_the_manager(notes, employee, role, manager):
    a = analyse(notes)
    assert (a.employee_name, a.manager) == (employee, manager)
    assert role is None or a.employee_role == role


@pytest.mark.parametrize("notes, employee", [
    # both lead: the header's layout stands
    ("Custody review – Sgt Ana Cole (custody sergeant) – with Insp. Dev Rao – 4/3/2027\nAna missed 3 of 10 cell checks.\n",
     "Ana Cole"),
    # no rank, and the one with a job does not lead: the layout stands
    ("Quay crew review – Ines Barros (deckhand) – with Tomas Ek – 4/3/2027\nInes missed 3 of 10 mooring checks.\n", "Ines Barros"),
])
def test_a_header_where_no_one_alone_leads_keeps_its_employee(notes, employee):
    assert employee in (analyse(notes).employee_name or "")


@pytest.mark.parametrize("notes, employee", [
    ("Dockside – 1:1 – Aled Rhys (shift supervisor) – w/ Bronwen Hale, 4 May\nLate handovers 3 times in April.\n", "Aled Rhys"),
    ("门店面谈 5/8\n马建军（店长），区域经理：贺兰\n4月门店损耗率3.2%，公司要求2%以内。\n", "马建军"),
    ("PM review – Ruth Adeyemi (site manager, Bank St) – 3 Mar 2027 – Colin Shaw\nTwo weekly reports late in Feb.\n",
     "Ruth Adeyemi"),
    ("3/2 跟孙立（分拣组长）聊了下，在仓库办公室\n营业额：2月错分率1.8%，要求1%以内。\n", "孙立"),
    ("3/2 巡店 何静（滨江店 店长）by 周涛\n损耗：2月3.1%，公司要求2%。\n", "何静"),
])
def test_a_lead_title_alone_stays_the_employees(notes, employee):
    """A supervisor or a store manager can be the one interviewed: with no one else titled, the title is theirs."""
    assert analyse(notes).employee_name == employee


@pytest.mark.parametrize("notes, employee, manager", [
    ("1:1 Tomas Reyes 12/05/2027 studio B\n\nMgr: Right, thanks for making time before the shift.\n"
     "Mgr: Tomas missed 2 of 9 cue checks in April.\n", "Tomas Reyes", None),
    ("re 1:1 w/ BK (bar back, Level Two) - sat 3 apr\n- 4 of 10 closing checklists not signed\n", "BK", None),
    ("1:1 Nell T. - lifeguard - 2/5/27\nmissed 2 of 6 pool tests in April\n", "Nell T.", None),
    ("From: Ola Grant\nSubject: catch-up\n\nMorning Ravi,\nThanks for the chat. 3 of your 12 site reports went late in "
     "March.\n", "Ravi", None),
])
def test_interjections_greetings_initials_and_a_surname_initial_in_a_header(notes, employee, manager):
    a = analyse(notes)
    assert (a.employee_name, a.manager) == (employee, manager)


def test_a_chinese_line_label_is_no_ones_name():
    a = analyse("11/3 LW 面谈（招商专员） - MZ记录\n背景：本月客流下降 6%，不全是她的问题\n1）空铺 5 个超过 90 天\n")
    assert a.employee_name != "背景"


@pytest.mark.parametrize("notes, employee, role, manager", [
    ("车间员工面谈记录表\n| 姓名 | 黄丽娟 | 岗位 | 包装工 |\n| 面谈人 | 赵主任（生产部） | 日期 | 2027.3.2 |\n| 事项 | 情况 |\n"
     "| 漏贴标签 | 2月 5 次 |\n", "黄丽娟", "包装工", "赵主任"),
    ("Review form\n| Name | Ines Moreau | Role | forklift operator |\n| Manager | Tariq Bell | Date | 3 March 2027 |\n"
     "Ines had 3 near-misses in February.\n", "Ines Moreau", "forklift operator", "Tariq Bell"),
    ("NORDIC PLASTICS – MID-YEAR REVIEW FORM (QA/QC)\nEmployee: Oskar Nyberg    Job title: Mould Setter (grade B)\n"
     "Reviewer: Priya Das, QA/QC Manager    Date of review: 04/05/2027\nMould changes: 3 of 12 over time in April.\n",
     "Oskar Nyberg", "Mould Setter", "Priya Das"),
    ("JOINERY 1-2-1 FORM\nName: Kit Alder\nTrade: Bench joiner (time-served), shop 2\nSupervisor: Ola Brandt\n"
     "Date: 4 March 2027\nDoor frames: 4 of 30 out of square in February.\n", "Kit Alder", "Bench joiner", "Ola Brandt"),
    ("Lock gates – supervision log – Tue 02/03/2027\nKeeper: Ruairi Doyle (lock keeper, lates) | Supervisor: Dana Firth\n"
     "Gate cycle log missed on 6 of 40 shifts.\n", "Ruairi Doyle", "lock keeper", "Dana Firth"),
])
def test_a_forms_rows_of_labels_and_values_name_the_employee_role_and_manager(notes, employee, role, manager):
    a = analyse(notes)
    assert (a.employee_name, a.employee_role, a.manager) == (employee, role, manager)


@pytest.mark.parametrize("text, name, role", [
    ("Nia Rowe – stage crew chief – season review, 3 May 2027 – Tom Ash (Venue Manager)", "Nia Rowe", "stage crew chief"),
])
def test_a_title_ending_in_chief_is_a_whole_role(text, name, role):
    a = analyse(text + "\nThree of the twelve checks were missed in May.\n")
    assert (a.employee_name, a.employee_role) == (name, role)


@pytest.mark.parametrize("text, name, role, manager", [
    ("Minutes - pastry section review, 2026-03-02\nPresent: Ines Duarte (Pastry Chef), Tom Wray (Head Chef, minutes)\n"
     "Ines had 4 late dessert tickets on Friday.", "Ines Duarte", "Pastry Chef", "Tom Wray"),
    ("收银组面谈纪要 2026-05-06\n参会人：门店经理赵磊、收银员何小梅、刘芳（HR）\n何小梅4月长短款3次。", "何小梅", "收银员", "赵磊"),
    ("Picking review 1:1 | 2026-07-14\nAttendees：Warehouse Manager Colm Reilly；Picker Dara 吴\nDara 说 7 月漏扫了 9 单。",
     "Dara 吴", "Picker", "Colm Reilly"),
    ("Q2 review (store manager)\nAttendees: Priya Raman (Area Manager, notes), Joel Achebe (Store Manager), HR: Lin Wu\n"
     "Joel's shrinkage was 2.4% in May.", "Joel Achebe", "Store Manager", "Priya Raman"),
])
def test_a_list_of_those_present_gives_the_employee_and_the_manager(text, name, role, manager):
    a = analyse(text)
    assert (a.employee_name, (a.employee_role or "").lower()) == (name, role.lower())
    assert manager in (a.manager or "")


def test_a_list_of_managers_alone_does_not_make_one_of_them_the_employee():
    a = analyse("Night shift handover review, 2026-02-11\nPresent: Nadia Petrov (Night Manager), Sam Ode (Duty Manager)\n"
                "Farid Haidari missed two patrol scans on 3 Feb.\nFarid said the scanner battery was flat.")
    assert a.employee_name not in ("Nadia Petrov", "Sam Ode")


@pytest.mark.parametrize("text, role", [
    ("Subject: write-up of today's review - Ola Berg\nHi Sam,\nSummary of the review I held with Ola. She's a night porter "
     "on the east wing.\nOla missed 3 of 12 ward rounds in May.", "night porter"),
    ("From: Kai Moss\nTo: Rosa Lind\nHi Rosa, thanks for today and well done on your first month as dispatcher on the "
     "city desk.\nRosa sent 6 crews to the wrong postcode in May.", "dispatcher"),
    ("面谈记录 2026-05-06 周敏\n她是我们的仓库管理员，干了三年。\n周敏4月盘点差异3次。", "仓库管理员"),
    ("Gareth Pryce review, 14/04/26\nGareth's been our tower crane op since 2024.\n3 lifts started without the banksman's call.",
     "tower crane op"),
    ("Declan Byrne – review notes – 16 Sept 2026\nHe's been a banker mason with us for six years.\n3 stones out of tolerance.",
     "banker mason"),
    ("[voice memo] Nell here, just done Tomas's review at the depot\nso um Tomas Brandt climbing arborist for the notes\n"
     "no chainsaw trousers on 3 spot checks", "climbing arborist"),
    ("语音备忘 6月18号\n今天跟晓雯聊了一下就是林晓雯我们店里的茶艺师嘛\n上个月盘点少了一斤龙井", "茶艺师"),
    ("Nils – notes from Friday 6 March\nYou left the west lock unmanned twice in February, which you know matters since you "
     "were taken on as lock keeper.\nNils to hand over in person every shift.", "lock keeper"),
    ("主题：11月面谈 recap\nHi 佳怡，\n今天谈的整理如下。作为华东区的渠道专员，下面几项要跟进：\n1. 10月回款率只有62%。", "渠道专员"),
])
def test_a_role_said_in_passing_is_the_role(text, role):
    assert analyse(text).employee_role == role


@pytest.mark.parametrize("text", ["我作为经理，这个月要盯紧。", "作为回报，公司报销路费。"])
def test_the_writers_own_capacity_is_no_role_of_the_employee(text):
    from assistant.reader.role import _in_passing

    assert _in_passing(text, "佳怡") is None


_TWELVE_LINES = "\n".join(f"- point {k} of the talk" for k in range(12))


@pytest.mark.parametrize("text, name, role", [
    ("Pav is one of our three roasters on the early shift.\n4 batches over temperature in May.", "Pav", "roaster"),
    (f"Rhys review\n{_TWELVE_LINES}\nRhys is one of our four snowmakers on nights.", "Rhys", "snowmaker"),  # by name, later
    (f"Sam Hill review\n{_TWELVE_LINES}\nDave covered the late starts; he's the supervisor on nights.", "Sam Hill", None),
    (f"王芳 面谈\n{_TWELVE_LINES}\n客户那边对接的是小刘，她是采购主管，催了两次。", "王芳", None),  # later, of someone else
    ("Sam Hill review\nHis time as a manager at Tesco should help with cash-up.\n3 late.", "Sam Hill", None),  # a past job
    ("Sam Hill review\nNote: you're a quick learner, keep it up.\n3 late.", "Sam Hill", None),
    ("honestly he's still the best groomer on the hill\n3 runs not groomed by 7am", "Toby", "groomer"),
    ("You're the senior glazier now, so the others copy you.\n3 panes cracked in fitting.", "Ewan", "senior glazier"),
    ("From: Ana\nTo: Ewan\nSubject: Forklift instructor review - notes\nHi Ewan,\n2 courses overran.", "Ewan",
     "Forklift instructor"),
    ("Bea Moss review\nshe's reading every attachment in full\n4 files late", "Bea Moss", None),  # what she is doing
    ("Oli Park review\n3 late.\nIf you are not the intended recipient, delete this email.", "Oli Park", None),
    ("Oli Park review\nhe's a bit of a worrier about the rota\n3 late.", "Oli Park", None),
    ("Tess  09:40\nhi! writing up what we said in your 3D modeller review\n2 scenes late", "Jo Hart", "3D modeller"),
    ("Hi Ana,\nhere's where we got to on our cellar keeper's review.\n3 casks spoiled.", "Bo Lin", "cellar keeper"),
    ("Hi Ana,\nnotes from your annual review.\n3 casks spoiled.", "Bo Lin", None),  # which review, not a job
    ("Hi Ines,\nthanks for today.\nAs you know, your QA review found 2 critical errors.", "Ines Carvalho", None),  # a kind of review
    (f"Ray Ng review\n{_TWELVE_LINES}\n[00:03:10] Ana Ruiz: You're the lead rigger on nights, so they copy you.", "Ray Ng",
     "lead rigger"),  # later, told as 'you' by the manager
    (f"Ray Ng review\n{_TWELVE_LINES}\n[00:03:10] Ray Ng: you're the shift manager, you tell me.", "Ray Ng", None),  # his 'you'
    ("12月1号 跟张建军谈话\n他是我们这司炉工里干得最久的 快二十年了\n十一月漏检九次", "张建军", "司炉工"),
    (f"林雅 面谈\n{_TWELVE_LINES}\n周哥：说实话你是咱们签的几个配音演员里嗓子最好的", "林雅", "配音演员"),  # later, as 'you'
    (f"王芳 面谈\n{_TWELVE_LINES}\n她是不是觉得这个员工太慢", "王芳", None),  # a question, no job
    (f"王芳 面谈\n{_TWELVE_LINES}\n小刘说她是我们这仓库主管里最早的", "王芳", None),  # later, 'she' may be anyone
    ("Hi Ana,\nnotes from your supervisor review.\n3 casks spoiled.", "Bo Lin", None),  # who gives it, not a job
    ("Hi Ana,\nnotes from your mentor catch-up.\n3 casks spoiled.", "Bo Lin", None),
    (f"Ray Ng review\n{_TWELVE_LINES}\nEmp: you're the shift manager, you tell me.", "Ray Ng", None),  # the employee's 'you'
    (f"Ray Ng review\n{_TWELVE_LINES}\nM: If you're the first aider on shift, log it.", "Ray Ng", None),  # a condition
    (f"Ray Ng review\n{_TWELVE_LINES}\nHi Marisol, thanks. You're the HR partner for nights.", "Ray Ng", None),  # to HR
    (f"张建军 面谈\n{_TWELVE_LINES}\n张建军：你是经理，你说了算", "张建军", None),  # his own line
    ("面谈 张建军\n她是他的带教老师\n他是今年的优秀员工之一\n漏检九次", "张建军", None),  # a relation, an award
    (f"林雅 面谈\n{_TWELVE_LINES}\n周哥：你是咱们组里唯一的叉车司机", "林雅", "叉车司机"),  # past the '组里'
    ("刚跟 Kai 做完 review 他在 team 里算是最能扛事的 welder 了 先说问题", "Kai", "welder"),  # among others, 'counts as'
    ("跟小周聊完 她在店里算是最细心的收银员了 上个月短款三次", "小周", "收银员"),
    ("跟小周聊完 她在店里算是我的左右手 上个月短款三次", "小周", None),  # no job
])
def test_a_role_said_in_passing_later_in_the_notes_is_the_role(text, name, role):
    assert role_beside(text, name) == role


@pytest.mark.parametrize("text, who", [
    # a form that gives each person a block under their own heading: the reviewer's 'Name:' is not the employee's
    ("DISCUSSION RECORD (HR-07)\n\nSection A - Reviewer\nName: Olu Banks\nPosition: Technical Manager\n"
     "Date of meeting: 14/10/2026\n\nSection B - Employee\nName: Kit Marsh\nJob title: Glazier\n\n"
     "Section C - Concerns\n3 of 20 panes cracked in fitting.", ("Kit Marsh", "Glazier", "Olu Banks")),
    # fields between bars: the name with a job beside it is the employee's, the name alone the manager's
    ("Studio catch-up | Ana Reis - Pilates Instructor | Tom Hale | Fri 06-11-2026\n3 classes started late.",
     ("Ana Reis", "Pilates Instructor", "Tom Hale")),
    # a chat message's heading is its writer; the note below it names the one the meeting was with
    ("Priya Das  10:14 AM\n1:1 notes - Kofi Mensah (Network Engineer II), 26 Nov\n• 3 P1 pages missed in October",
     ("Kofi Mensah", "Network Engineer II", "Priya Das")),
    # the writer's own line, then the one the meeting was with
    ("Abi Cole, Senior Youth Worker - supervision notes\nwith Rui Costa (Youth Worker, Eastside), Fri 20/11/26\n"
     "2 session records late in October.", ("Rui Costa", "Youth Worker", "Abi Cole")),
    # a shift is neither the writer signing after a dash nor the role
    ("Anita – notes for our chat, Tue 3 Mar (your crane operator review) — Nights\n"
     "In February 4 of your lifts started without the checklist signed.\n", ("Anita", "crane operator", None)),
    ("Employee: Sam, days\nManager: Cole\nSam was late 4 times.", ("Sam", None, "Cole")),
    # a Chinese table of who talked to whom
    ("仓库 4月面谈\n| 项目 | 内容 |\n| 谈话人 | 李建国（仓库主管） |\n| 被谈话人 | 王小燕 |\n| 岗位 | 拣货员 |\n"
     "| 问题1 | 3月拣错 9 单，要求 3 单以内 |\n", ("王小燕", "拣货员", "李建国")),
    # a job field's nickname in quotes is no role
    ("1:1 minutes – Galley team – 03/02/26\nCamp boss: Declan Murray | Steward: Oluwaseun Bakare (\"Seun\")\n"
     "• Cabin audit: 6 of 20 cabins failed.\n", ("Oluwaseun Bakare", "Steward", "Declan Murray")),
    # a labelled field with the job before the name, the label opened by '今日'
    (("incoming30", "b30-25"), ("邓小梅", "车缝工", "黄秋燕")),
    # the role the notes give her after her team's '的', not the document's 'last edited' field
    ("飞书文档｜1v1面谈记录-剪辑组-许朗｜最后编辑：陶静 2026年5月27日\n参与人：@陶静 @许朗\n\n一、背景\n"
     "许朗是剪辑组的短视频剪辑师，主要负责品牌号的日更。\n\n二、问题\n1. 交付延迟：5月排期的31条视频里有9条晚交。\n",
     ("许朗", "短视频剪辑师", None)),
    # a bilingual role field, Chinese first: the English words after it
    ("绩效改进面谈表 / Performance Improvement Discussion Form\n员工 Employee：Marco 何俊杰　｜　职位 Position：应用工程师 "
     "Application Engineer (Cobot)\n主管 Manager：Ingrid Sørensen　｜　日期 Date：2025-12-16\n\n"
     "1) 现场调试超期：Q4 负责的 6 个项目中有 4 个超期。\n", ("Marco", "Application Engineer", "Ingrid Sørensen")),
    # a file name holds the name; a list of things in brackets is no one's title
    ("📄 GR_1on1_Annie_20260812.docx\nMeeting notes（我自己记的，非正式）\n\n"
     "• Move-in checklist：7 月有 9 个 move-in 的 welcome pack 缺东西（adapter、SIM 卡、门禁卡）。\n", ("Annie", None, None)),
    # a bracket that lists a role among other things still names the one before it; a job field's job is the role
    ("今天和王芳（仓库组、叉车司机、入职3年）面谈。\n她3月有4次超速。\n", ("王芳", "叉车司机", None)),
    ("Manager: Declan Murray | Blender: Hamish Grant\nHamish missed 3 batch sheets in May.\n",
     ("Hamish Grant", "Blender", "Declan Murray")),
    # a sentence about someone is no heading: '组的' before a job is no name
    ("Liu Yang / Chen Bo 1:1 — 10/4\nYang 是 data platform 组的 DBA，上个月刚转正。\n1. 备份校验 9 月漏了 4 次。\n",
     ("Liu Yang", None, None)),
    # a file name with the date first and an initial beside the surname; 'File' is its label, no one's name
    ("File: 2026-09-30_Mbeki_T_catchup_notes.docx\nT was late to 3 pre-shift briefings in September.\n",
     ("Mbeki T.", None, None)),
    # a printed sheet's fields joined to their values by dots: one name per field, not 'Singh  Till'
    ("CORNER STORES - TILL REVIEW\nName........ R. Singh          Till..... 4\nReviewer.... Dee M.          Date.... 02/11/26\n"
     "Voids over limit 9 times in October.\n", ("R. Singh", None, "Dee")),
    # a field a job names, in a table's rows below the heading (and the reviewer's, written with an initial)
    ("Site review — east depot — 02 Oct\nRough notes from the yard.\n| Field | Detail |\n|---|---|\n"
     "| Electrician | Sione Tupou |\n| Reviewer | K. Barr |\n| Late permits | 4 in September |\n",
     ("Sione Tupou", "Electrician", "K. Barr")),
    # a key to the speakers with each name inside the brackets: the ward sister leads, the other is the employee
    ("Supervision — Elm Ward — 03.10.26\nPresent: JO (Joan Ogden, ward sister), DP (Dev Patel, care assistant)\n"
     "JO: Thanks for coming in.\nDP: No problem.\n", ("Dev Patel", "care assistant", "Joan Ogden")),
    # HR ('People team') at the meeting is never the employee
    ("Formal review, stage 1 — 3 June\nAttendees: Lena Fox (People team), Marek Wolski, Hal Brennan\n"
     "Marek has run the bottling line since March.\nMarek's line stopped 6 times in May.\n", ("Marek Wolski", None, "Hal Brennan")),
    # a Chinese label in lenticular brackets opens the heading
    ("【周会记录】王磊 (质检员, 二车间) | 2026/10/08 | by Amy Sun\n9月漏检 3 批。\n", ("王磊", "质检员", None)),
    # a chat's message greets the employee under its writer's heading
    ("#dm — pasted from Slack, Tue 3 Nov\nPaula Jensen  9:40 AM\nhey Tomas, notes from our call so you have them\n"
     "- you missed 4 of the 10 render deadlines in October\n- you said the farm queue was full most nights\n",
     ("Tomas", None, "Paula Jensen")),
    # an HR system's export with field codes, the surname in capitals first
    ("=== REVIEW RECORD (export) ===\nREC_ID: R-2026-11 | DEPT: LAB\nEMP_NM: MWANGI, Grace | EMP_ID: 4471 | "
     "JOB_TTL: Lab technician (haematology) | GRADE: C1\nCONV_DT: 02-OCT-2026\nB1: 6 samples mislabelled in September.\n",
     ("Grace MWANGI", "Lab technician", None)),
    # a heading of a date and a name alone, the name a nickname
    ("10.14 老陈\n在仓库门口聊的。\n1、叉车10月超速2次。\n", ("老陈", None, None)),
])
def test_more_header_layouts_name_the_employee_and_the_manager(text, who):
    a = analyse(training_note(*text) if isinstance(text, tuple) else text)
    assert (a.employee_name, a.employee_role, a.manager) == who


@pytest.mark.parametrize("text, who", [
    ("FORM\nSection A - Appraiser\nFull name: Olu Banks\nDesignation: Technical Manager\nDate: 14/10/2026\n"
     "Section B - Employee\nName: Kit Marsh\nJob title: Glazier\n3 of 20 panes cracked.", ("Kit Marsh", "Glazier", "Olu Banks")),
    ("FORM\nReviewer's details\nName: Olu Banks\nPosition: Technical Manager\nDate: 14/10/2026\nEmployee name: Kit Marsh\n"
     "Job title: Glazier\n3 of 20 panes cracked.", ("Kit Marsh", "Glazier", "Olu Banks")),  # the employee's field ends the block
    ("面谈记录表\n面谈人信息\n姓名：陈静\n职位：车间主任\n员工信息\n姓名：王磊\n岗位：焊工\n10月焊缝返工5次。", ("王磊", "焊工", "陈静")),
    ("Ana Reis - Pilates Instructor | Tom Hale - Studio Manager | Fri 06-11-2026\n3 classes started late.",
     ("Ana Reis", "Pilates Instructor", "Tom Hale")),  # the other field names the manager with a lead's title
    ("Employee: Jordan Lee\nManager:\nTom Hale\n3 late starts in May.", ("Jordan Lee", None, "Tom Hale")),  # a two-row form
])
def test_a_forms_blocks_and_fields_say_who_is_who(text, who):
    a = analyse(text)
    assert (a.employee_name, a.employee_role, a.manager) == who


@pytest.mark.parametrize("text, employee", [
    ("Jordan Lee 10:30\n1:1 with Tom Hale (Ops Manager) present\n- late on 5 of 20 shifts", "Jordan Lee"),  # a title, no message
    ("Jordan Lee  10:30\nNotes - Priya Das (HR) sitting in\n- late on 5 of 20 shifts", "Jordan Lee"),  # HR is no employee
    ("1:1 notes, 3 March - Ben Ortiz\nwith Tom Hale sitting in from HR\n3 late starts", "Ben Ortiz"),  # one sitting in
    ("Ben Ortiz review notes\nwith Tom Hale (shift lead)\n3 late starts", "Ben Ortiz"),  # no writer's title on the line above
])
def test_a_message_heading_or_a_with_line_does_not_make_an_onlooker_the_employee(text, employee):
    assert analyse(text).employee_name == employee


def test_a_role_said_of_she_does_not_make_a_name_of_the_words_around_it():
    a = analyse("[微信] Leo → 制作人 Ray｜5/20 19:36\nRay，今天跟林可（Coco）做了 1:1，她是我们组负责性能测试的 QA，要点同步一下，明天我"
                "整理进 Lark。\n1）Perf report 每周五要交，5月她迟交了3次。")
    assert a.employee_name != "步一下" and a.employee_role == "QA"


@pytest.mark.parametrize("text, who", [
    # a chat with HR about the talk: HR is never the employee, whoever the name model takes for them
    ("【微信聊天记录】陈立新 和 周敏(HR) 的聊天\n2026年12月1日 15:20\n陈立新：周姐，今天下午跟滨江路店店长刘洋做完面谈了，我简单说下\n"
     "陈立新：11月营业额38.6万，目标45万\n周敏(HR)：他怎么说\n陈立新：他说系统给的量偏大\n", "刘洋"),
    ("飞书文档｜11月绩效沟通｜2026/11/27\n沟通人：Eason（用户运营负责人）  被沟通人：陈可欣 Kelly，私域运营专员\n- 复购率 12%，目标 20%",
     "陈可欣"),  # '被沟通人' is the one talked to
    ("1:1 w/ ZJ｜小程序前端｜2026-11-19\n- 10月 release 后线上 P1 bug 5 个", "ZJ"),  # initials before a bar
    ("1:1 w/ HR｜小程序前端｜2026-11-19\n- 10月 release 后线上 P1 bug 5 个", None),  # a team's initials are no one
    ("【飞书文档】Q4 面谈记录 - 孙佳琪\n面谈人：王蕾（咨询部总监）｜时间：2026年11月11日｜岗位：留学顾问\n| 指标 | 目标 | 10月实际 |\n"
     "| 转化率 | 20% | 9% |", "孙佳琪"),  # the one who held the talk is not the employee, however senior
])
def test_who_the_employee_is_in_chats_with_hr_and_chinese_forms(text, who):
    assert analyse(text).employee_name == who


@pytest.mark.parametrize("text, name, role", [
    ("EA Joanna 周 - Q3/Q4 1:1 - 4 Nov 2026 (Michael)\n• 10月 double-booking 6 次", "Joanna", "EA"),  # an abbreviation before her
    ("飞书文档｜沟通人：Eason  被沟通人：陈可欣 Kelly，私域运营专员\n- 复购率 12%", "陈可欣", "私域运营专员"),  # after a full-width comma
])
def test_a_role_beside_the_name_in_more_layouts(text, name, role):
    assert role_beside(text, name) == role


def test_a_ships_name_is_no_one():
    assert not is_name("MV Hollin Bay") and is_name("Tomasz Wrona") and is_name("MV Rao")  # (initials and a name)


def test_a_review_line_at_the_foot_names_the_employee_and_the_role():
    a = analyse("ok so main probs this month\n- 3 safety briefings skipped on sat 31st\n- 2 incident forms not done\n"
                "targets – 100% briefings logged by 18 Dec\n--\nNotes by Gemma Ortiz (Duty Manager)\n"
                "re: Callum Reid, Floor Supervisor – 1:1 held 11/11/26")
    assert (a.employee_name, a.employee_role) == ("Callum Reid", "Floor Supervisor")


def test_whose_review_it_is_names_the_employee_and_the_role_in_brackets():
    a = analyse("[09:12] Mo Reid: finished Ana Pires's review (front desk supervisor), notes below\n"
                "[09:13] Mo Reid: 4 check-ins in June were done without ID")
    assert (a.employee_name, a.employee_role) == ("Ana Pires", "front desk supervisor")


@pytest.mark.parametrize("text, name, role, manager", [
    ("From: Ruth Okoye <r.okoye@example.org>\nTo: Sami Haddad\nSubject: our 1:1 today\n\nSami,\nThanks for today.\n"
     "4 of 12 boiler checks were late in May.", "Sami Haddad", None, "Ruth Okoye"),
    ("From: Ruth Okoye\nTo: Jess Lane (HR)\nSubject: notes on Sami\nHi Jess,\nNotes from my 1:1 with Sami Haddad today.\n"
     "Sami was late 4 times.", "Sami Haddad", None, "Ruth Okoye"),
    ("Clinic: Harbour View Dental\nStaff member: Ifeoma Blake\nRole: Dental nurse\nReviewer: Tom Grady (Practice Manager)\n"
     "Finding: 3 sterilisation logs incomplete.", "Ifeoma Blake", "Dental nurse", "Tom Grady"),
    ("Lena Vogel - 1:1 - 04/03/2026 - Marc\nLate on 5 of 20 shifts in February.", "Lena Vogel", None, "Marc"),
    ("Review: Rob Kerr (Site Lead) RK, Ama Owusu (Scaffolder) AO, Dev Patel (union rep) DP\nAO missed 2 tag checks.\n"
     "Ama said the tags ran out.", "Ama Owusu", "Scaffolder", "Rob Kerr"),
    ("【面谈记录】\n提交人：店长 周强\n面谈对象：收银员 林小雨\n面谈日期：2026年3月2日\n林小雨2月长短款4次。", "林小雨", None, "周强"),
    ("仓储中心\n绩效面谈告知书\n蒋文同志（叉车司机，工号C12）：\n2026年4月2日与您进行了面谈。", "蒋文", "叉车司机", None),
    ("考核表\n被考核人：司马青　　岗位：理货员　　部门：二部\n考核人：许梅（二部经理）\n1. 理货差错3次。", "司马青", "理货员", "许梅"),
])
def test_the_employee_from_an_email_a_form_a_speaker_list_and_a_letter(text, name, role, manager):
    a = analyse(text.replace("Review: Rob", "Present: Rob"))
    assert a.employee_name == name
    assert role is None or (a.employee_role or "").lower() == role.lower()
    assert manager is None or manager in (a.manager or "")


def test_a_surname_initial_without_a_dot_stays_with_the_name():
    a = analyse("1:1 w/ Craig M (cable jointer) 25/2\nCraig had 2 joint failures in January.")
    assert (a.employee_name, a.employee_role) == ("Craig M", "cable jointer")
    assert analyse("Chat with Sam I think on Monday\nSam was late 3 times.").employee_name == "Sam"


@pytest.mark.parametrize("text, name, role, manager", [
    ("[03/06/2027, 08:41] Bronwen Tell: sat down with AJ Okafor (sous chef) last night, quick summary\n"
     "[03/06/2027, 08:42] Bronwen Tell: 4 of 10 fridge logs blank in May\n[03/06/2027, 08:44] Priya: noted",
     "AJ Okafor", "sous chef", "Bronwen Tell"),
    ("[14:05, 02/03/2027] Gareth: ok finished my catch-up with Lotte (stores clerk)\n[14:06, 02/03/2027] Gareth: "
     "3 deliveries booked in late in February\n[14:07, 02/03/2027] Nia: 👍", "Lotte", "stores clerk", "Gareth"),
])
def test_a_pasted_chat_names_the_one_who_held_the_meeting_as_the_manager(text, name, role, manager):
    a = analyse(text)
    assert (a.employee_name, (a.employee_role or "").lower(), a.manager) == (name, role, manager)
    assert not any(s.body.startswith(("[", "Bronwen", "Gareth")) for s in a.sentences)  # the stamp and speaker are not words
    assert any(s.kind == "observation" for s in a.sentences)


@pytest.mark.parametrize("text, name, role, manager", [
    ("Call notes, 02/02/2027. Ruth Abara (Head of Rostering) / Piet Venter (tram driver). My notes only.\n"
     "Piet: hi.\nRuth: 3 late departures in January.", "Piet Venter", "tram driver", "Ruth Abara"),
    ("纪要\n日期：2027-03-02　参会：Lily Wang（Store Manager）、Owen Zhao（Visual Merchandiser）\n陈列检查3次不合格。",
     "Owen Zhao", "Visual Merchandiser", "Lily Wang"),
    ("1:1 Tariq A - meter reader - thu 4/2\n3 routes unfinished in Jan", "Tariq A", "meter reader", None),
    ("Appraisal, Noor Haddad (NH), lab assistant - with Prof Ian Mole (IM), Head of Lab - 3 Mar 2027\n"
     "NH: morning.\nIM: 2 sample logs were missing in Feb.", "Noor Haddad", "lab assistant", "Ian Mole"),
    ("voice note Gav 1 to 1 Remi Costa tyre fitter Friday\n2 wheel nut checks not signed", "Remi Costa", "tyre fitter", None),  # no punctuation around the role
    ("Morwenna T. - piano tuner (concert) - check-in 9/3/27 - Idris\nMorwenna's tuning log was blank on 4 hall dates.\n"
     "Morwenna to log every tuning the same day.", "Morwenna T.", "piano tuner", "Idris"),  # a surname's initial
    ("Ezra - framing - Tues 9th March\nEzra has 40 of 120 frames done for the gallery.\n- Ezra: finish 20 a week.",
     "Ezra", "framing", None),  # one name, the job, then the date
    ("Gritting - catch-up with Anwen, 4 Dec 2026\nAnwen missed 2 of 9 call-outs in November.", "Anwen", None, None),  # not 'Gritting'
    ("Carys - notes from our chat, Mon 2 Feb 2026\nYou were late to 3 of 8 tastings.", "Carys", None, None),  # no job: the meeting
    ("Kilns: 7 of 60 firings in May ran over temperature.\nShe says the controller drifts.\n\nNotes from 1:1 with Delyth "
     "Rowe, potter, 2 Jun 2026 - G. Ince", "Delyth Rowe", "potter", "G. Ince"),  # the header closes the notes
    ("St Brannock's Parish Church - 1:1 notes\nVerger: T. Oduya | Notes: Ruth Kemp, Operations Manager | 5 May 2026\n"
     "The vestry was left unlocked on 2 Sundays.", "T. Oduya", "verger", None),  # a field named by the job; a church is no one
    ("Aviary Block - keeper review notes - 03.03.27\n3 feed logs missing in February.\n\nR. Akande, Curator\n"
     "cc: file - Ines Dorado, keeper", "Ines Dorado", "keeper", None),  # the name only in the copy line at the foot
    ("Subject: PIP prep - Oisin Barr (deck hand, ferry 2)\nTo: HR\nOisin missed 3 mooring checks in March.", "Oisin Barr",
     "deck hand", None),  # the subject gives the job beside the name
    ("Lena Ortiz - 1:1 - 4 Nov 2026 - Raj\nLena missed 4 of 20 callbacks in October.\nRaj to log a ticket about the headset.\n"
     "Lena to call back within a day.\ncc: file - Sam Reid, store manager", "Lena Ortiz", None, "Raj"),  # the top header stands
    ("Ellie Court - call handler - 3 Nov 2026\nEllie dropped 9 calls in October.", "Ellie Court", "call handler", None),
    ("Tom House, driver - review 3 Nov 2026\nTom was late on 6 routes in October.", "Tom House", "driver", None),  # surnames
    ("Writing this up on the train while I still remember most of it.\nWren left 2 of 9 anchor logs unsigned in June.\n"
     "Wren to sign each log before leaving the roof.\n\n—\nNotes on: Wren Aldous (rope access tech) · 5 July 2026",
     "Wren Aldous", "rope access tech", None),  # 'Notes on:' with a colon, at the foot
])
def test_more_header_layouts_name_the_employee_not_the_manager(text, name, role, manager):  # None: none is read
    """The employee's own brackets give the role, not the manager's; a list of those present after another field on
    its line; a surname initial that is also a word elsewhere ('B', 'Q'); initials in brackets before the role."""
    a = analyse(text)
    assert a.employee_name == name
    assert (a.employee_role or "").lower() == (role or "").lower()
    assert a.manager == manager


def test_a_form_with_dotted_initials_a_post_and_an_appraiser():
    a = analyse("Employee: K.O.\nPost: Stores Clerk (goods in)\nAppraiser: Mina Rahman, Warehouse Supervisor\n"
                "Date: 03/02/2027\n\n2 deliveries were booked in late in January.")
    assert (a.employee_name, a.employee_role, a.manager) == ("K.O.", "Stores Clerk", "Mina Rahman")


@pytest.mark.parametrize("phrase, title", [
    ("质检员", True), ("MOT tester", True), ("dental technician", True), ("视频剪辑", True),
    ("就是周师", False), ("的理赔员", False), ("that was excellent", False), ("best listener", False), ("Crew 2", False),
])
def test_a_job_title_and_nothing_else(phrase, title):
    assert is_title(phrase) is title


def test_a_role_said_in_passing_is_taken_when_it_is_a_job_title():
    notes = ("语音备忘 4月9号 路上录的\n嗯今天跟郝雪梅聊了一下 她是我们检测中心的质检员 先说问题\n"
             "3月有6批样品没按时出报告 标准是48小时内\n目标就是5月底前超时为零")
    analysis = analyse(notes)
    assert (analysis.employee_name, analysis.employee_role) == ("郝雪梅", "质检员")


@pytest.mark.parametrize("word", ["Recap", "Debrief", "District", "Regional"])
def test_a_document_or_organisation_word_is_no_name(word):
    from assistant.notes.names import is_name

    assert not is_name(word)


def test_a_transcripts_employee_line_is_no_form_field_naming_her():
    notes = ("客服组 月度面谈（2026年6月3日）\n主管：5月投诉有6单，目标是2单以内。\n"
             "员工：那几天系统老是卡，我也没办法。\n主管：6月底前投诉降到2单以内。")
    assert analyse(notes).employee_name is None  # unnamed: the plan asks, rather than take her words for her name


@pytest.mark.parametrize("notes, name", [
    ("Review with A.J. Osei (driver), 4 May 2026\n3 late runs in April", "A.J. Osei"),
    ("Payroll clerk K.L. Mensah - review, 4 May 2026\nAttendees: K.L., Ruth Ames (Payroll Manager)\n3 late runs in April",
     "K.L."),
])
def test_dotted_initials_are_part_of_a_name_and_keep_their_dots(notes, name):
    assert analyse(notes).employee_name == name


@pytest.mark.parametrize("text, name, role, manager", [
    # initials alone before a bracketed job, after the manager's initials
    ("1:1 KM / DW (forklift driver) – yard cabin – 02/03/26\n10:00 KM: pallets. DW broke 4 pallets in February.",
     "DW", "forklift driver", None),
    # a Latin name with its Chinese surname, before the one the meeting is 'w/'
    ("3/11 Mina 周 (front desk agent, 3F) 1:1 w/ Raj\n❌ 入住登记错了 3 次", "Mina", "front desk agent", None),
    # those present split by '/', each with a bracketed title: the manager's title is not the employee's
    ("【会议纪要】QA 1:1\n参会：Leo 赵（Operations Manager）/ Nora 钱（QA Specialist，二厂）\n1. 批记录漏签 6 次。",
     "Nora 钱", "QA Specialist", "Leo 赵"),
    # the name first, then the job, then the one it was held with
    ("Tess Varga - cheesemonger - mid-yr w/ Oren - 8/7\n- wrong labels on 3 wheels", "Tess Varga", "cheesemonger", "Oren"),
])
def test_header_layouts_with_two_people_name_the_employee_and_their_own_role(text, name, role, manager):
    a = analyse(text)
    assert a.employee_name.startswith(name) and a.employee_role == role
    if manager:
        assert a.manager == manager


def test_a_greeting_names_the_employee_and_the_sender_the_manager():
    a = analyse("Jo, Amir here, as promised the write-up of Tuesday.\nYou missed 3 of the 5 stock counts in May.")
    assert (a.employee_name, a.manager) == ("Jo", "Amir")


@pytest.mark.parametrize("lines, name", [
    (["9.2 跟 Mia 的 review 语音转文字", "她这个月有 3 单交付晚了"], "Mia"),
    (["包装车间周报（3.2-3.6）", "一、本周工作", "二、人员面谈（周三与LQ，质检岗）", "1. 漏检 4 次"], "LQ"),
])
def test_chinese_notes_name_the_one_talked_with_by_latin_name_or_initials(lines, name):
    a = analyse("\n".join(lines))
    assert a.employee_name == name


def test_a_dated_heading_in_brackets_is_no_name():
    a = analyse("包装车间周报（3.2-3.6）\n本周产量 40 吨。")
    assert a.employee_name != "包装" and not (a.employee_name or "").startswith("周")


def test_a_role_said_in_passing_is_the_job_word_without_its_article():
    from assistant.reader.role_candidates import candidates
    found = {c.text for c in candidates("Hi Jo,\nas the only dispatcher on nights you carry most call-outs.", "Jo", None)}
    assert "dispatcher" in found and "the only dispatcher" not in found


@pytest.mark.parametrize("text", [
    "Name: Priya N.\nreviewed by: T.W. (depot manager)\ncontext: Priya moved to rota planning in May.\n- 4 rotas published late in June",
    "盘点复盘\n被面谈人：鲁思远\n提交人：仓储主管 韩立新\n1. 6月盘点差异 5 次。",
])
def test_another_lead_s_title_is_not_the_employee_s_role(text):
    role = analyse(text).employee_role
    assert role is None or not re.search(r"depot manager|主管", role)


def test_someone_elses_title_is_told_from_the_employee_s_own():
    from assistant.reader.role import someone_elses
    line = "Ines Duarte | Regional Supervisor | Northline Buses\nRe: Tomas Lind, bus driver"
    assert someone_elses(line, "Regional Supervisor", "Tomas Lind")
    assert not someone_elses(line, "bus driver", "Tomas Lind")
    assert not someone_elses(line, "Regional Supervisor", None)  # unknown who the employee is: no telling


def test_a_dictated_lowercase_note_names_the_one_it_was_with():
    a = analyse("voice memo 3 march about kofi mensah at the north depot\nok so sat down with kofi after his shift\n"
                "he missed 4 of the 12 vehicle checks in february")
    assert a.employee_name == "Kofi Mensah"
    b = analyse("voice memo 3 march\nok so sat down with the team after the shift\nthe team missed 4 of 12 checks")
    assert b.employee_name is None


@pytest.mark.parametrize("text, name, manager", [
    ("3/11 Mina Osei (front desk agent) 1:1 w/ Raj\n- 3 wrong check-ins", "Mina Osei", "Raj"),
    ("1:1 KM / DW (forklift driver) – yard cabin – 02/03/26\nDW broke 4 pallets.", "DW", "KM"),
    ("Review notes - Dana Ruiz (picker) - 3 March 2026 - Lorraine Tibbs\nDana picked 140 lines an hour.", "Dana Ruiz",
     "Lorraine Tibbs"),
    ("1:1 w/ Yuki Sato (QA tester)\nYuki missed 2 regression passes.", "Yuki Sato", None),  # 'w/' names the employee
    ("Tom Baker (picker) - 1:1 with Priya Shah (HR) sitting in\nLate 5 times in Nov.", "Tom Baker", None),  # HR is no side
    ("Dock log - Femi Ade (crane op), 14 May\n14:36 - GW (me): get the east monitor moved", "Femi Ade", "GW"),
])
def test_the_manager_is_the_other_one_on_the_header_line_or_the_one_marked_me(text, name, manager):
    a = analyse(text)
    assert a.employee_name == name and a.manager == manager


@pytest.mark.parametrize("text, name", [
    ("Subject: Stores – where we got to today\nMorag,\nQuick write-up of this afternoon.\n"
     "The stock check found 5 pallets you moved in January on the wrong rack.", "Morag"),
    ("Subject: Felix – note after today\nHi Ursula,\n\nHad the half-year chat with Felix Brandt (apprentice joiner).\n"
     "He's not where I hoped with his dovetails; he missed 3 of 8 fit checks.", "Felix Brandt"),
    ("kasia – valeter – prep bay 1:1 – 8/4\n- 5 cars handed over w/ interior not done", "Kasia"),
])
def test_a_greeting_alone_names_the_employee_only_when_the_words_after_it_speak_to_them(text, name):
    assert analyse(text).employee_name == name


def test_a_greeting_below_a_header_that_names_the_employee_is_to_the_reader_not_the_employee():
    # The header line says who the note is about; 'Hi Karen,' under it greets whoever the note is sent to.
    a = analyse("Tom Baker - picker - 9 Dec\nHi Karen,\nyou asked me to send these over. Let me know if you need more.\n"
                "Late 5 times in Nov.")
    assert a.employee_name == "Tom Baker"
    assert a.manager != "Tom Baker"


def test_talking_with_hr_in_a_chinese_note_names_no_employee():
    a = analyse("面谈记录 12.9\n跟HR沟通过了，王磊本月迟到 4 次。\n目标：1月份零迟到。")
    assert a.employee_name != "HR"


@pytest.mark.parametrize("text, name", [
    # the name ends with its line: the next line opening with the same word is no surname
    ("voice memo 3 march, sat down with kofi\nkofi missed 4 of the 12 vehicle checks in february", "Kofi"),
    # what the talk was about, said again, is no one's name
    ("quick notes about lateness\nlateness is up again on nights, sam was late 4 times in november", None),
    ("notes re timekeeping\ntimekeeping has slipped, jo was late 5 times", None),
])
def test_a_dictated_note_takes_a_name_from_one_line_and_no_topic_for_a_name(text, name):
    assert analyse(text).employee_name == name


@pytest.mark.parametrize("line", [
    "Quick write-up of this afternoon as it's easier than remembering.",
    "But she's brilliant with the residents, the care home emailed to say so.",
])
def test_a_word_that_describes_someone_is_no_role(line):
    from assistant.pipeline import draft_plan

    notes = (f"Hi Morag,\n{line}\nYou missed 4 of the 9 home visits in October.\nTarget: every visit done in November.\n"
             "Colin")
    assert draft_plan(notes).plan.employee.role is None
    assert (draft_plan(notes.replace(line, "She's a brilliant cutter.")).plan.employee.role or "").endswith("cutter")


@pytest.mark.parametrize("line, employee, manager", [
    ("Yard office – forklift driver PW w/ DS (yard supervisor) – 03/11/26", "PW", "DS"),
    ("Meeting: quarterly check-in, accounts assistant MB with TR. 04/11/2026, Teams.", "MB", "TR"),
    ("4/11 RV 1:1（收银员，二号店）", "RV", None),
    ("11/4 1:1 w/ LQ（收银，夜班）", "LQ", None),
    ("PIP review, Leeds DC, 03/06/26", None, None),
    ("SOP review with SP", None, None),
])
def test_people_written_as_initials_in_the_header(line, employee, manager):
    from assistant.notes.header import _find_people

    name, _, boss = _find_people([line, "RV missed 3 till counts in October."])
    assert (name, boss) == (employee, manager)


PICKING_KEY = """Pick face review, aisle 14, Tuesday
{key}
HW: Your scan rate on the pick face was 71 an hour last week, and the floor standard is 90.
JD: The handheld keeps dropping the wifi at the back of aisle 14.
HW: I'll get IT to put a booster on that aisle by Friday.
JD: I'll book the refresher course and do it this month."""


@pytest.mark.parametrize("key", [
    "HW = Hana Wells (senior picker), JD = Jon Dale (picker)",
    "JD = Jon Dale (picker), HW = Hana Wells (senior picker)",  # listed first, but the one holding the review opens it
])
def test_a_transcripts_key_to_its_speakers_names_the_employee_and_whose_lines_are_whose(key):
    analysis = analyse(PICKING_KEY.format(key=key))
    assert (analysis.employee_name, analysis.employee_role, analysis.manager) == ("Jon Dale", "picker", "Hana Wells")
    owners = {s.body[:12]: s.owner for s in analysis.sentences if s.kind == "action"}
    assert owners["I'll book th"] == "employee"  # 'JD: I'll …': the employee's own line says who 'I' is
    assert owners["I'll get IT "] in ("manager", "organisation")


def test_the_key_holder_is_the_one_who_speaks_to_a_you_even_when_the_employee_opens():
    notes = PICKING_KEY.format(key="HW = Hana Wells (senior picker), JD = Jon Dale (picker)").replace(
        "HW: Your scan", "JD: Sorry I'm late, the bus was cancelled.\nHW: Your scan")
    analysis = analyse(notes)
    assert (analysis.employee_name, analysis.manager) == ("Jon Dale", "Hana Wells")


def test_the_writer_in_a_key_is_no_manager_named_me():
    analysis = analyse(PICKING_KEY.format(key="HW = me, JD = Jon Dale (picker)"))
    assert (analysis.employee_name, analysis.manager) == ("Jon Dale", None)


@pytest.mark.parametrize("legend", ["Key: A = Absent, L = Late, S = Sick", "Score = Speed x Accuracy, Bonus = Base x Score"])
def test_a_legend_or_a_formula_is_no_speakers_key(legend):
    analysis = analyse(f"Review - Jon Dale, goods-in operative - 17 Nov 2026\n{legend}\nJon was late 4 times in October.")
    assert analysis.employee_name == "Jon Dale"


def test_the_employee_asking_the_manager_to_act_is_not_their_own_task():
    notes = PICKING_KEY.format(key="HW = Hana Wells (senior picker), JD = Jon Dale (picker)")
    analysis = analyse(notes + "\nJD: I'll need you to chase IT for the booster by Friday.")
    assert analysis.sentences[-1].owner == "manager"



@pytest.mark.parametrize("second_line", [
    "Aoife Burke (yard foreman) / Tiago Reis (forklift driver)",
    "Quarterly conversation: Aoife Burke (yard foreman) and Tiago Reis (forklift driver, nights)",
    "Date: 12 Nov 2026. Present: Aoife Burke (yard foreman), Tiago Reis (forklift driver)",
])
def test_a_line_of_people_with_their_roles_names_both_sides_with_or_without_a_label(second_line):
    analysis = analyse(f"Timber yard B - performance talk, 12/11/2026\n{second_line}\n"
                       "AB: Nine pallets were stacked over height last month.\nTR: The racking labels are worn.")
    assert (analysis.employee_name, analysis.manager) == ("Tiago Reis", "Aoife Burke")
    assert analysis.employee_role.startswith("forklift driver")


def test_a_role_holds_no_ones_name_and_a_weekday_or_a_title_is_no_name():
    sommelier = analyse("Fri 05.03 – w/ Inès (head somm) before service\npres: me (GM), Inès. Chef popped in for 5 min\n"
                        "March stocktake variance 4.2% — max we allow is 1.5\n")
    assert (sommelier.employee_name, sommelier.employee_role) == ("Inès", "head somm")  # not 'Inès. Chef'
    from assistant.reader.header import candidates

    found = [c.text for c in candidates("Sent: Wed 3 Mar 2027 09:10\nOps Team Leader Graham Wills met Bo Tan.", None, None)]
    assert "Wed" not in found and "Mar" not in found
    assert "Graham Wills" in found and "Leader Graham" not in found


def test_a_forms_job_fields_are_header_not_findings():
    notes = ("JOINERY 1-2-1 FORM\nName: Kit Alder\nTrade: Bench joiner (time-served), shop 2\nDepot: Leith\n"
             "Supervisor: Ola Brandt\nDate: 4 March 2027\n4 of 30 door frames he made in February were out of square.\n")
    kinds = {s.text.split(":")[0]: s.kind for s in analyse(notes).sentences}
    assert kinds["Trade"] == kinds["Depot"] == "meta"


@pytest.mark.parametrize("notes, employee, manager", [
    ("Mid-year review – Dana Ruiz / Interviewer: Helen Price\nDana was late 4 times in May.\n", "Dana Ruiz", "Helen Price"),
    ("Review: Dana Ruiz (picker)\nMentor: Lee Park (senior picker)\nDana was late 4 times.\n", "Dana Ruiz", None),
    ("1:1 with Jan Kowalski (forklift driver), 3 May 2026\nJan was late 4 times.\n", "Jan Kowalski", None),
])
def test_someone_else_at_the_meeting_is_not_the_employee_and_jan_is_a_name(notes, employee, manager):
    a = analyse(notes)
    assert (a.employee_name, a.manager) == (employee, manager)


def test_a_title_whose_first_word_leads_others_stays_whole_and_a_job_field_is_not_a_task():
    from assistant.reader.header import candidates

    found = [c.text for c in candidates("Signed off by Head Chef Marco Rossi and Lead Technician Sam Ortiz.", None, None)]
    assert "Marco Rossi" in found and "Sam Ortiz" in found
    assert analyse("Job: fit the kitchen at 14 Elm Road (overran)\nName: Ola Berg\nOla overran by 3 days.\n").employee_role is None


def test_attendees_named_by_an_initial_speak_under_their_initials():
    notes = ("Warehouse 1:1, 03.12.26\nPresent: R. Okafor (Shift Supervisor), T. Lindqvist (Picker), M. Shah (HR Advisor)\n"
             "RO: Thanks for making time. You mis-picked 9 of 120 orders last week.\n"
             "TL: The scanner kept dropping out on aisle 6.\n"
             "RO: Target is 2 mis-picks or fewer a week by the 18th.\n")
    a = analyse(notes)
    assert (a.employee_name, a.manager) == ("T. Lindqvist", "R. Okafor")  # the one spoken to, whole, initial and all
    read = {s.body.split()[0]: (s.label, s.kind) for s in a.sentences}
    assert (read["You"], read["The"], read["Target"]) == (
        ("manager", "observation"), ("employee", "account"), ("manager", "target"))


def test_a_job_title_opening_the_line_is_no_name_and_a_nickname_in_brackets_no_role():
    a = analyse("Parts advisor 季度面谈 – 刘洋 (Sean) – 3 Dec 2026\n10月退货单错了 6 张，标准是不超过 2 张。\n")
    assert (a.employee_name, a.employee_role) == ("刘洋", "Parts advisor")


def test_an_emails_subject_naming_a_job_does_not_hide_the_greeting():
    a = analyse("Subject: Follow up from Monday — Window Cleaner review\nDate: Tue 01/12/2026 09:10\n\nHi Rory,\n\n"
                "Thanks for Monday. 5 of your 60 rounds last month were missed without a call to the office.\n")
    assert a.employee_name == "Rory"


def test_a_weekday_is_no_chinese_name_and_a_nickname_may_follow_the_one_talked_with():
    a = analyse("跟 林夏 Maya 的 check-in，12/1 周二，在办公室\n10 月有 4 单 booking 没有按时确认，标准是 24 小时内确认。\n")
    assert a.employee_name == "林夏"


@pytest.mark.parametrize("notes, employee", [
    ("员工：周天宇 岗位：仓管员 面谈人：李明\n3月有4单出库差错。\n", "周天宇"),  # a name that opens like a weekday
    ("1:1 with Sam re driver rota, 3 Dec 2026\nSam was late 4 times in November.\n", "Sam"),
])
def test_a_name_like_a_weekday_and_a_name_before_lower_case_words_stay_names(notes, employee):
    assert analyse(notes).employee_name == employee


def test_a_transcripts_speaker_tag_is_no_employee_field():
    """'Emp:' tags the employee's lines in a transcript; 'No problem.' after it is what they said, not their name."""
    a = analyse("1:1 Tomasz Wrona 14/05/2026 MCR room 2\nMgr: Thanks for coming in.\nEmp: No problem.\n"
                "Mgr: April had three missed ad breaks on your shifts.")
    assert a.employee_name == "Tomasz Wrona"


@pytest.mark.parametrize("notes, employee, role, manager", [
    # an email to the employee with HR in copy on the 'To:' line
    ("From: Nadia Holt <n.holt@example.org>\nTo: Ellis Gutteridge; Cc: Transport HR\nSubject: Recap of our 1:1\n\n"
     "Hi Ellis,\nThanks for your time. On 3 runs in May the logger showed platelets above 24°C.", "Ellis Gutteridge", None,
     "Nadia Holt"),
    # a reply written to 'you' over the employee's own message, quoted: they sign it with their job
    ("Subject: RE: Tuesday's review\n\nMorning,\nYour first-time-fix rate for September was 71%, the team's is 88%.\n"
     "Cheers,\nHayley Brandt\nOperations Manager\n\n> From: Dom Kaczmarek\n> Sent: 23 September 2026 07:58\n"
     "> Hi Hayley, can you send over what we said yesterday?\n> Cheers, Dom Kaczmarek, Mobile Locksmith",
     "Dom Kaczmarek", "Mobile Locksmith", "Hayley Brandt"),
    # a team's capitals before '1:1', the job in lower case before an initial and a surname
    ("EOC 1:1 notes - dispatcher A. Mensah-Clarke - 18.09.26 - by shift lead\n- 3 calls in Aug not triaged within 60s",
     "A. Mensah-Clarke", "dispatcher", None),
    # the employee only in the subject, set apart at its end; the email is written to them, its sender the manager
    ("From: Tessa Morland <tessa@kilnworks.example>\nSent: Mon 2 March 2026 09:10\n"
     "Subject: Thursday's catch-up (Idris Fenwick)\n\nHi you,\nThanks for sitting down with me. You glazed 14 of the 60 "
     "March orders in the wrong finish.", "Idris Fenwick", None, "Tessa Morland"),
    # a recap sent to HR: the subject names the employee, the one greeted is HR, the role is said in passing
    ("Subject: FW: 1:1 write-up – Orla Baptiste\nTo: Gwen Pike (HR Business Partner)\n\nHi Gwen,\n"
     "Background: Orla moved up to payroll analyst in March.\n6 of 40 payslips in April went out with the wrong tax code.",
     "Orla Baptiste", "payroll analyst", None),
    # a job in shorthand with its dots, after the name
    ("Review – Wendell Ames, Kiln Op. II – Stanmore works – 4/3/26 – P. Greaves\nTemperature log skipped on 5 of 20 firings.",
     "Wendell Ames", "Kiln Op. II", None),
    # a form's job title field in shorthand
    ("Employee: Mr Ravi Osei\nJob title: Senior Pharm. (weekend rota)\nReviewer: Kath Dunn, Area Manager\n"
     "4 prescriptions in May were labelled for the wrong patient.", "Mr Ravi Osei", "Senior Pharm", "Kath Dunn"),
    # one initial before the surname, the job in brackets after it
    ("Imaging 1:1 — J. Okoro (Band 5 diag. rad.) — reviewer: M. Castell — 2 Feb 2026\nID checks missing on 12% of exams.",
     "J. Okoro", "Band 5 diag. rad", None),
])
def test_emails_replies_and_job_first_headers_name_the_employee(notes, employee, role, manager):
    a = analyse(notes)
    assert (a.employee_name, a.employee_role) == (employee, role)
    assert manager is None or a.manager == manager


def test_a_key_to_two_speakers_names_the_employee_and_the_manager_by_title():
    a = analyse("Level 2 BSL team - 1:1 transcript, 8 Oct 2026\n"
                "PA: Priscilla Adeyemi (curriculum lead). FW: Fenna de Wit (BSL tutor, evening groups).\n"
                "PA: Okay, I want to talk about the Level 2 results.\nFW: Sure.")
    assert (a.employee_name, a.employee_role, a.manager) == ("Fenna de Wit", "BSL tutor", "Priscilla Adeyemi")


def test_an_english_field_may_hold_a_chinese_name_and_a_bracketed_other_name_is_no_role():
    a = analyse("Kitchen review | 点心部 | 2026-06-03\nEmployee: 梁志恒 (Leung), dim sum chef\nReviewer: Marco Tsang\n"
                "5月有3次蒸笼温度记录缺失。")
    assert a.employee_name == "梁志恒" and a.employee_role != "Leung"


def test_a_chinese_note_that_opens_with_its_conclusions_names_the_employee_from_the_form_below():
    notes = ("面谈结论先写在前面：\n一、两周内完成X光机图像识别复训。\n二、3月中旬前，开包检查当面做。\n三、站务室负责调整排班。\n"
             "四、我去跟驻站民警沟通移交流程。\n目标：漏检率控制在0.5%以下。\n——以下是面谈时的情况——\n时间：2026年2月27日下午\n"
             "对象：赵一鸣，安检员，入职8个月。\n2月份暗访测试漏检了2次。")
    assert analyse(notes).employee_name == "赵一鸣"


def test_a_name_with_a_particle_goes_by_its_first_name_and_its_surname():
    from assistant.notes.header import _aliases

    assert _aliases("Fenna de Wit") == ("Fenna de Wit", "Fenna", "de Wit")


@pytest.mark.parametrize("lines, employee", [
    (["1:1 Tomasz Wrona 14/05/2026", "Mgr: Thanks.", "Emp: Honestly? It was the rota."], "Tomasz Wrona"),  # a tag's words
    (["Weekly 1:1 - supervisor Jo Hart - 18.09.26"], None),  # a title that leads others is the manager's
    (["服务对象：王阿姨，投诉送餐晚了40分钟。"], None),  # a label inside a longer word ('服务对象') is a customer's
    (["Subject: RE: figures", "Morning,", "As you asked, here you go: your first-time-fix rate was 71%.", "Hayley",
      "> From: Mark Lowe", "> Hi Hayley, can you send over Dom's numbers?", "> Thanks, Mark Lowe, Area Manager"], None),
])
def test_misreadings_of_speaker_tags_titles_labels_and_quoted_requests_name_no_employee(lines, employee):
    from assistant.notes.header import _find_people

    assert _find_people(lines)[0] == employee


@pytest.mark.parametrize("notes, employee", [
    # a job title's capitals, a place, and the other side of 'your 1:1 with': the one greeted is the employee
    ("Subject: Night porter review - what we agreed\nDate: Tue 3 Mar 2026\nFemi,\nYou missed 3 of 12 rounds in February.",
     "Femi"),
    ("Subject: RE: Callouts at Harbour Court - our chat today\nPiotr,\nCallouts went up again: you closed 4 of 11 on the day.",
     "Piotr"),
    ("From: Lena Marsh\nSubject: your 1:1 with Colm\nHi Rosa,\nYou missed 3 of your 8 deadlines in May.", "Rosa"),
    # a customer the subject names, and the email greets the employee and speaks to them
    ("From: Dan Whitfield\nSubject: Hartley account review\nHi Priya,\nThanks for the chat. Hartley lost 3 of its 10 orders "
     "in May.\nYou will send the weekly forecast to Hartley by Friday.", "Priya"),
    # the one who signs the email is not the one it is about
    ("Subject: 1:1 notes - Priya Nair - Dan Whitfield\nPriya missed 4 of 12 deadlines in May.\nPriya will send a status note "
     "every Friday.\nThanks,\nDan", "Priya Nair"),
])
def test_a_subject_names_the_employee_only_when_it_names_them(notes, employee):
    assert analyse(notes).employee_name == employee


@pytest.mark.parametrize("subject, who", [
    ("1:1 recap - Tomasz W. (fencing gang 2 lead) - 29 June 2026", ("Tomasz W.", "fencing gang 2 lead")),
    ("Check-in | Ines Vidal (glazier) | 4 Mar 2026", ("Ines Vidal", "glazier")),
    ("Snagging - Brookfield Homes (plot 4) - 29 June 2026", (None, None)),  # a client, not someone
])
def test_a_subject_names_the_employee_as_a_field_between_dashes_with_their_job_after_it(subject, who):
    """A recap to 'you' with no name in its greeting: the subject's field naming someone, their job in brackets."""
    a = analyse(f"From: Leanne Mortimer\nTo: gang2@hedgeway.example\nSubject: {subject}\nHi,\n\n"
                "As promised, here's what we went through.\nYour timesheets were late 5 weeks out of 8.\n")
    assert (a.employee_name, a.employee_role) == who


def test_a_role_in_chinese_beside_its_english_initials_in_brackets_after_a_name_in_two_scripts():
    notes = "1:1 | 孙悦 Sun Yue（QA 测试工程师，商城模块）| Leo Zhang | 2026-07-15\n7 个 P1 bug"
    assert role_beside(notes, "孙悦") == "QA 测试工程师"


def test_a_role_is_never_a_phrase_said_of_another_and_op_is_a_job_only_after_its_machine():
    a = analyse("Catch-up – Ines Carvalho – 29 Oct 2026 (Joel)\nThree drawings were issued from a superseded model.\n"
                "Her details were praised by the structural engineer.")
    assert a.employee_role is None
    assert is_role("crane op") and is_role("nurse/midwife") and is_role("sous-chef")
    assert not any(is_role(p) for p in ("photo op", "post-op", "Co-op", "S&OP", "ops"))


@pytest.mark.parametrize("notes, alias", [
    ("周五跟 Marcus 喝了杯咖啡，聊了下最近的情况\n他上个月漏扫了 12 件。\n", "周五跟"),  # a day, not his name
    ("Kelly Wang 王经理 1:1 11/3\nKelly 上月客诉 5 起。\n", "王经理"),  # the manager beside her, by title
    ("Mei 林美（夜床服务员）\nMei：DND 房处理不对，有 3 次敲了挂 DND 的门。\n", "Mei"),  # a nickname heading findings
])
def test_no_other_form_of_the_name_where_the_words_beside_it_are_someone_else_or_a_nickname(notes, alias):
    assert alias not in analyse(notes).employee_aliases


@pytest.mark.parametrize("header, forms, name", [
    ("1:1 — 冯晓雪 Cindy Feng, 单证员 — 3/11 — w/ Oscar Ng", {"冯晓雪", "Cindy"}, "Cindy"),
    ("Store check-in | Gina Luo 罗佳怡 | 店员 | 2026-11-03", {"罗佳怡", "Gina"}, "Gina"),
])
def test_a_name_written_in_both_scripts_opens_the_employees_lines_in_either(header, forms, name):
    """The notes call her by either form of her name, so a line either opens is hers: her task, her account, not the
    manager's reasoning ('Root cause 我觉得…' is no task of hers)."""
    a = analyse(f"{header}\n10 月单据 80 票里有 5 票信息错误。\n{name} 说系统经常卡。\n"
                "Root cause 我觉得 partly 在 sales，没要求客户提供资料。\n"
                f"Agreed:\n- {name}: 每票提交前对一遍 booking 信息。\n- Me: 每周三跟她过一遍错误清单。\n")
    assert forms <= {form for alias in a.employee_aliases for form in (alias, alias.split()[0])}
    assert {s.body[:6]: s.owner for s in a.sentences if s.kind == "action"} == {"每票提交前对": "employee", "每周三跟她过": "manager"}
    assert next(s for s in a.sentences if s.text.startswith("Root cause")).kind != "action"


def _read(text):
    a = analyse(text)
    return a.employee_name, a.employee_role, a.manager


def test_a_comma_in_a_name_field_is_read_as_surname_first_only_where_the_form_or_the_notes_say_so():
    assert _read("Employee: Okafor, Dana\nManager: Lee, Sam\nDana was late 3 times.") == ("Dana Okafor", None, "Sam Lee")
    assert _read("Employee: Sam, Nights\nManager: Cole, Bristol\nSam was late 4 times.")[::2] == ("Sam", "Cole")


def test_a_person_named_before_a_word_for_a_place_is_no_place():
    assert _read("Tom Reyes site review - 3 June 2026\nTom was late 4 times.")[0] == "Tom Reyes"
    assert _read("Sam Okoro (picker) 1:1 3 June 2026 Night Shift\nSam was late.")[2] is None


def test_a_surname_first_name_field_is_read_given_name_first():
    name, role, _ = _read("=== PeopleDesk export - Feedback Record ===\nEmployee Name (Last, First): Mbeki, Thandiwe\n"
                          "Job Title: Conservator\nReviewer: Lindqvist, Oskar (Head of Conservation)\n"
                          "Thandiwe left 5 of 12 treatment reports unfinished in April.\nThandiwe says the imaging rig crashed.")
    assert (name, role) == ("Thandiwe Mbeki", "Conservator")


def test_a_surname_with_a_capitalised_particle_is_read_whole():
    name, role, _ = _read("Subject: Joost - notes, Tue 7 April 2026\nHi Maud,\nNotes from today's chat with Joost Van der Meer "
                          "(lock keeper, night roster) for his file.\nJoost opened the gates late 3 times in March.\n"
                          "Joost will log every opening time.")
    assert (name, role) == ("Joost Van der Meer", "lock keeper")


def test_a_list_of_those_present_ends_where_a_sentence_follows_it():
    notes = ("Performance talk, kiln room, 12.03.2026\nPresent: Bronwen Lloyd (studio lead), Tariq Haddad (kiln technician). "
             "Recorded with consent, tidied up by BL.\nBL: Thanks for coming in early.\nTH: No problem.\n"
             "BL: Firing logs were missing for 6 of 18 firings in February.\nTH: The tablet was broken most of that month.")
    employee, manager = present(notes.split("\n"))
    assert (employee.name, employee.role, manager.name) == ("Tariq Haddad", "kiln technician", "Bronwen Lloyd")


def test_of_two_speakers_with_no_lead_title_the_one_who_opens_and_says_you_is_the_manager():
    notes = ("Call recording, tidied - aviary check-in - 04/02/2026\nSpeakers: Rowan Achterberg (Curator, Birds), Mina Sato (Keeper, Birds)\n"
             "[00:00:03] Rowan Achterberg: Thanks for joining. Your diet sheets were missing on 8 days in January.\n"
             "[00:00:15] Mina Sato: The printer in the kitchen was broken, I reported it twice.\n"
             "[00:00:29] Rowan Achterberg: You could have used the paper forms.\n"
             "[00:00:41] Mina Sato: I'll keep a paper copy in the kitchen from tomorrow.")
    name, _, manager = _read(notes)
    assert (name, manager) == ("Mina Sato", "Rowan Achterberg")


def test_the_one_in_copy_of_a_recap_to_hr_is_the_employee_and_the_sender_is_never():
    notes = ("From: Imogen Tate\nTo: Farid Osman (HR)\nCc: Callum Birch\nDate: Mon 9 Nov 2026 16:10\n"
             "Subject: summary of this morning's feedback meeting\nFarid,\nhere are my notes from this morning's meeting with "
             "our bell founder; I've copied him in.\nTwo of the five bells cast in October failed the tuning check.\n"
             "He says the new sand mix cracked the moulds.\nImogen")
    name, role, manager = _read(notes)
    assert (name, role, manager) == ("Callum Birch", "bell founder", "Imogen Tate")
    assert _read(notes.replace("I've copied him in", "he has a copy"))[0] is None  # unsure: the plan asks
    assert _read(notes.replace("I've copied him in", "I copied the rota into the shared drive"))[0] is None


def test_a_form_labelled_in_both_languages_gives_the_employee_not_the_interviewer():
    name, role, _ = _read("潜水中心 | 绩效面谈\n| 面谈人 Interviewer | 林海 Lin Hai (Dive Manager) |\n| 员工 Employee | 吴佳琪 Wu Jiaqi |\n"
                          "| 岗位 | 潜水教练 |\n| 问题 | 5月 3 次没做下水前装备检查记录 |")
    assert (name, role) == ("吴佳琪", "潜水教练")


def test_a_name_in_the_other_script_is_no_role():
    name, role, _ = _read("Minutes | Depot B | Feedback meeting | 12-Oct-2026\nPresent: Grace Tan (chair), 黄志强 Huang Zhiqiang, HRBP 李娜\n"
                          "- 9月 3 次交接单没签, 志强说太忙\n- 志强: 每班结束前签交接单")
    assert name in ("黄志强", "Huang Zhiqiang") and role is None


def test_the_role_after_the_name_in_the_other_script_in_brackets():
    assert role_beside("Recap of my talk with Max (王子豪, sommelier) on 10 Mar 2026.\nMax says the list was wrong.", "Max") == "sommelier"


def test_a_clause_is_no_role():
    assert not is_role("explanation is that the gazetteer")


def test_a_table_row_a_job_names_gives_the_employee_and_a_labelled_supervisor_stays_the_manager():
    name, role, manager = _read("Performance feedback notes — Carreg Ddu O&M base — 04/03/2026\n"
                                "| Technician | Rhiannon Mbeki (wind turbine technician, band 3) |\n| Site supervisor | Stuart Kelleher |\n"
                                "| 1 | PM completion | 41 of 60 tasks closed in Q4 |\nSK — request a contract tech from the OEM.")
    assert (name, role, manager) == ("Rhiannon Mbeki", "wind turbine technician", "Stuart Kelleher")


def test_a_full_name_closing_the_header_line_after_the_date_is_the_manager():
    assert _read("Apiary team — feedback 1:1 Marguerite Oyelaran (apiarist) 08 Jul 2026 Tobias Finch\n"
                 "Inspections: 9 of 40 colonies not inspected in June.")[2] == "Tobias Finch"


def test_minutes_of_a_meeting_name_no_writer():
    _, _, manager = _read("FSA Operations — Abattoir team\nMinutes: performance feedback meeting\n"
                          "Attendees: Dr Ilse Voorhuis (Lead OV, chair), Kofi Asante-Brandt (Meat Hygiene Inspector)\n"
                          "Kofi missed 3 of 20 break records.")
    assert manager == "Dr Ilse Voorhuis"  # the chair, not 'performance'


def test_a_place_is_no_manager_whoever_the_name_model_takes_it_for():
    name, _, manager = _read("Performance feedback notes — Mynydd Du O&M base — 04/03/2026\n"
                             "| Technician | Rhiannon Mbeki (wind turbine technician, band 3) |\n| # | Item | Detail |\n"
                             "| 1 | PM completion | 41 of 60 tasks closed in Q4 |\nRM — plan PMs into the weekly schedule first.\n"
                             "RM — enter torque values before closing any work order.")
    assert (name, manager) == ("Rhiannon Mbeki", None)


_BODY = "\nShe missed 4 of 10 deadlines in May.\nShe says the rota changed twice.\nTarget: all deadlines met by 30 June.\n"


@pytest.mark.parametrize("notes, name, role", [
    # a form in columns: a row of labels over a row of values
    ("| Employee | Role | Reviewer | Date |\n|---|---|---|---|\n| Ines Varga | kiln operator | P. Oduya | 4 May 2026 |" + _BODY,
     "Ines Varga", "kiln operator"),
    ("Name\tPosition\tManager\nAma Owusu\tpastry chef\tJo Kent" + _BODY, "Ama Owusu", "pastry chef"),
    ("| 员工 | 岗位 | 日期 |\n|---|---|---|\n| 王晓雯 | 叉车司机 | 2026-05-06 |\n她五月有4次没按时交班。\n目标：6月30日前按时交班率100%。\n",
     "王晓雯", "叉车司机"),
    # a field a job names, after a sentence on the line where the notes close
    ("She missed 4 of 10 mooring checks in May, all of them on weekends.\nShe says the rota changed twice.\n"
     "Target: all checks done by 30 June.\n——\nNotes of feedback interview, 2 June, Kyle pier. Ranger: Ada Brennan. "
     "Interviewer: Ross Hay, Estates.\n", "Ada Brennan", "Ranger"),
    # a table of fields whose labels a form may use though the labels list only the name's
    ("6月18日 面谈\n姓名\t工号\t班组\n黎氏兰\tB-0388\t包装甲班\n她5月有6次没按时换线。\n目标：7月31日前换线准时率100%。\n", "黎氏兰", None),
    ("Review 2 Jun 2026\n| Name | Staff no | Crew |\n|---|---|---|\n| Ola Bright | 4471 | Blue watch |" + _BODY, "Ola Bright", None),
    # a title's job, its name alone between full-width bars, and another's labelled field
    ("Welder quarterly review｜Tomasz Wrona｜Bay 3｜2026-09-02｜PM: Dana Kerr" + _BODY, "Tomasz Wrona", "Welder"),
    ("CNC 操作工 月度 review｜邓子豪｜车间：三号｜2026-09-02｜PM：Irene Cho\n他8月有5次首件没送检。\n目标：10月31日前首件送检100%。\n", "邓子豪",
     "操作工"),
    # the name only in the heading of a table's column of what they said
    ("Yard ops — monthly review — 3 Nov 2026 — Gate 2\nitem\tevidence\tAisha B. (crane driver) says\tagreed\n"
     "lifts\t3 lifts started before the banksman signalled\tradio kept dropping\tnew radio today\n", "Aisha B.", "crane driver"),
    # a job's first word that goes on in lower case for more than one word is no name
    ("Night shift lead review — 3 Nov 2026\nThe handover sheet was blank on 4 of 10 nights in October.\n"
     "Target: all handover sheets signed by 30 November.\n", None, "Night shift lead"),
    # (but after 'with', a name before a job is a name: only a line's first word may open a job of several)
    ("voice memo tuesday after the one to one with Owen chamber operator at the burns unit\n"
     "he started two sessions more than 20 minutes late in August\ntarget is every session on time by end of October\n",
     "Owen", "chamber operator"),
    # a letter to 'Mr T. Baptiste' greeting him 'Dear Mr Baptiste,'
    ("Our ref: HR/0411\n12 May 2026\nPRIVATE & CONFIDENTIAL\nMr T. Baptiste\nParks Officer\n\nDear Mr Baptiste,\n\n"
     "Re: Performance discussion\nYou missed 4 of 10 playground inspections in April.\nTarget: all inspections done by 30 June.\n",
     "T. Baptiste", "Parks Officer"),
    # an export's name opening the notes, surname first in capitals, then the job (not a word in capitals before a greeting)
    ("HALVORSEN, Petra — glazier — 25/11\n(me — Jill, office)\n3 panes fitted unsealed in October.\nTarget: 0 unsealed panes by 31 Jan.\n",
     "Petra HALVORSEN", "glazier"),
    ("OK, Dana — thanks for coming in.\nYou missed 4 of 10 checks in May.\nTarget: all checks done by 30 June.\n", None, None),
    # notes written to 'you' that call the employee by name further down, and say their role there
    ("Dock office, 3 March\n\nYou've been a forklift driver on the night shift since last spring.\n"
     "First, the pallet checks: you skipped them on 4 nights in February.\n"
     "Second, you were late for the 22:00 start on 5 nights last month.\n"
     "You told me the rota changed twice without anyone telling you.\n\n"
     "So, Tariq, here's what we agreed.\nYou'll do the pallet check at every load.\n"
     "By the end of April: 0 skipped checks and 0 late starts.\n\n— Dana (shift manager)\n", "Tariq", "forklift driver"),
    # initials on a line of their own with a job in brackets
    ("KT / pen 4 / 3 nov\nw/ RB\nKT (milker, 2nd year on the rota)\n\nmissed 3 teat-dip checks last wk\n"
     "target: 0 missed checks by end of Dec\n", "KT", "milker"),
    # a Chinese field naming where they work and their job before their name; one with its contents in brackets and a
    # staff number before the name
    ("和平里社区 网格员谈话记录\n谈话对象：第五网格 网格员 周丽萍\n谈话人：社区主任 高明\n"
     "1.二季度入户走访完成率只有58%。\n目标：9月30日前入户走访100%覆盖。\n", "周丽萍", "网格员"),
    ("审批编号：PF-20261104-0012\n发起人：车队长 邓建国\n被谈话人（司机工号/姓名）：D20417 / 罗志勇\n岗位：货车司机\n"
     "1. 10月超速2次。\n目标：12月31日前零违章。\n", "罗志勇", "货车司机"),
    # attendees after a date and a middle dot, under a title that is the employer's name
    ("Marlow Family Ambulance Service – note of performance discussion\n03.03.2026 · Attendees: Kit Dunn (Station Manager, chair), "
     "Ola Bright (Paramedic), Sam Reyes (HR, note-taker)" + _BODY, "Ola Bright", "Paramedic"),
])
def test_more_header_layouts(notes, name, role):
    a = analyse(notes)
    assert (a.employee_name, a.employee_role) == (name, role)


def test_an_email_subject_names_the_employee_when_the_body_has_them_speak():
    a = analyse("From: Greta Vale\nTo: HR – Lowfold\nSubject: FW: Tomas Kerr (cellarman) – feedback interview 22/04\nHi Marcus,\n"
                "Casks were vented late on 9 occasions in March.\nTomas says the gauge was broken.\nTarget: no late venting by 31 May.\n")
    assert (a.employee_name, a.employee_role) == ("Tomas Kerr", "cellarman")


def test_a_chinese_meeting_line_names_the_one_talked_with_not_the_speaker():
    a = analyse("【群聊记录】仓储部 2026/6/9\n周敏：今天下午和叉车司机郑浩做了绩效面谈，要点如下\n周敏：5月他有6次没做班前检查。\n"
                "周敏：目标：7月31日前班前检查100%完成。\n")
    assert (a.employee_name, a.manager) == ("郑浩", "周敏")  # the one who says they held it is the manager


def test_a_labelled_word_in_lower_case_text_makes_no_header_at_the_foot():
    from assistant.notes.header import _HEADER_LINE

    assert not _HEADER_LINE.search("Notes of review meeting, agreed: Supervisor Dan Cole to swap her scanner.")
    assert _HEADER_LINE.search("Notes of feedback interview, 14 Nov. Keeper: Morag Sinclair.")



_STILL_HOUSE = (
    "Recording – Still house office – 07/05/2026 14:02 – transcript (auto)\n"
    "[00:00:03] Fiona Gallacher: Right, come in, shut the door, it's roaring out there today.\n"
    "[00:00:07] Callum Rae: Aye, the spirit still's on its second run.\n"
    "[00:00:11] Fiona Gallacher: Did you see the Dons on Saturday?\n"
    "[00:00:14] Callum Rae: Don't. Just don't.\n"
    "[00:00:20] Fiona Gallacher: Fair enough. So this is your review, and I'll be straight with you on three things.\n"
    "[00:00:31] Fiona Gallacher: The run sheet says the heart cut comes off at the meter reading and new make goes to the receiver at 68 to 70 percent.\n"
    "[00:00:44] Fiona Gallacher: On five of the twenty-two spirit runs you did in April the cut came late, and new make went in at 72.4 on the worst one.\n"
    "[00:01:02] Fiona Gallacher: Second, the receiver dips weren't written up on three nights, and the monthly return is out by 41 litres of pure alcohol we can't explain.\n"
    "[00:01:19] Fiona Gallacher: Third, the low wines charger valve was left open over the handover on the 22nd, Isla found it, and that's a near miss on the log.\n"
    "[00:01:35] Callum Rae: The cuts, honestly, I go by the nose more than the screen, the screen's been rubbish since they changed it.\n"
    "[00:01:48] Callum Rae: And the dip book's at the far end by the receiver, so at three in the morning I'll do them all at the end, and some nights that went wrong.\n"
)


@pytest.mark.parametrize("notes, name, manager", [
    # a meeting word, a colon and the name it is with, though another is named more often and speaks in English
    ("飞书妙记｜采集组 review：王浩然｜2026年12月4日｜参会人：周莉、王浩然、Priya Raman\n"
     "Priya Raman 00:00:55：From our side, the arm hit e-stop 9 times in his sessions last month.\n"
     "Priya Raman 00:01:05：Priya thinks the gripper speed was too high, Priya said so twice.\n"
     "王浩然 00:01:30：主要是 latency。\n周莉 00:02:44：你每个 session 开始前先跑一下 latency check。\n", "王浩然", None),
    # a transcript of two, a time before each tag, its title read as a name ('Still'): the manager speaks to 'you',
    # the other is the employee (the first lines of training/notes/incoming24's stillman note)
    (_STILL_HOUSE, "Callum Rae", "Fiona Gallacher"),
    # a key to the speakers' initials halfway down
    ("24/11/26 - depot mess room - review\nAP: Thanks for coming in on your rest day.\nLF: No worries.\n"
     "AP: 7 of your 24 patrol reports went in more than 24 hours late.\nLF: The handheld dies in the cold.\n"
     "(key: AP = Anita Patel, section manager; LF = Leon Fairweather, track patroller)\n"
     "AP: Targets: 100% of reports in within 24 hours by the end of December.\nLF: Fine by me.\n",
     "Leon Fairweather", "Anita Patel"),
])
def test_who_a_transcript_is_with(notes, name, manager):
    a = analyse(notes)
    assert a.employee_name == name
    assert manager is None or a.manager == manager


def test_an_email_to_a_colleague_about_the_one_its_subject_names_is_not_to_the_employee():
    a = analyse("Subject: Re: Jonah Pettigrew - catch-up 23/6 (the wedding stationery mess)\nTo: Marisol Quint\nHi Marisol,\n"
                "Here's where we got to on our letterpress printer's review. He had 4 of 15 jobs out of register in May.\n"
                "J's view is that the new stock is thicker. He will sign every proof before printing.\nKit\n")
    assert (a.employee_name, a.employee_role) == ("Jonah Pettigrew", "letterpress printer")  # not 'catch'


def test_a_slack_thread_of_the_manager_and_hr_about_the_employee_names_no_speaker_employee():
    a = analyse("#workshop-leads\nSophie Achterberg: Notes from my review with Lukas Brandt (bench goldsmith) just now.\n"
                "Noor Hale: thanks, filed.\nSophie Achterberg: His metal loss was 3.1% in August, allowance is 2%.\n"
                "Noor Hale: ok.\nSophie Achterberg: He says the extraction was off for two weeks.\nNoor Hale: noted.\n")
    assert a.employee_name == "Lukas Brandt"


def test_a_key_that_names_each_speakers_tag_makes_their_lines_theirs():
    a = analyse("会议录音转写｜饮片车间绩效面谈｜2026-05-26 15:00\n发言人1：韩志刚（生产主管）\n发言人2：孙丽华（炮制工）\n"
                "00:00:05 发言人1：坐吧，今天主要说说这两个月的情况。\n00:00:20 发言人1：4月份有2批外观检验不合格，返工了。\n"
                "00:01:30 发言人2：炒药机那个温控器不准。\n00:01:48 发言人2：批记录是新表，好多栏我不知道怎么填。\n"
                "00:03:05 发言人1：我下周三组织新表的培训。\n00:03:18 发言人2：我每锅开炒前用测温枪测一下锅温。\n")
    assert (a.employee_name, a.manager) == ("孙丽华", "韩志刚")
    owners = {s.body: s.owner for s in a.sentences if s.reading == "action"}
    assert owners == {"我下周三组织新表的培训。": "manager", "我每锅开炒前用测温枪测一下锅温。": "employee"}


@pytest.mark.parametrize("header, body, name", [
    ("飞书妙记｜采集组 review：王浩然｜2026年12月4日 14:00", "郑博：浩然 11 月的合格率是 71%。", "王浩然"),
    ("Appraisal: Dana Ruiz - 3 Mar 2026", "Dana missed 4 of 10 deadlines.", "Dana Ruiz"),
    ("Review: weekly numbers, 3 Mar", "Dana missed 4 of 10 deadlines.", None),  # no one's name after the colon
    ("Review: Mid Year - 3 Mar 2026", "Dana Ruiz missed 4 of 10 deadlines.", None),  # words that could be a name, not again
    ("周会 review：周五", "周五再看一次。", None),  # a weekday
])
def test_a_meeting_word_and_a_colon_say_whose_review_it_is_where_the_notes_name_them_again(header, body, name):
    from assistant.notes.header import whose_review

    assert (whose_review(header, f"{header}\n{body}") or (None,))[0] == name


def test_a_chats_mention_of_everyone_is_no_role():
    a = analyse("【钉钉群：滨江中心外墙项目组】\n吴建 10-13 19:05\n@马国强 @全体成员 今天下午跟国强谈了一下，要点发群里备个档\n"
                "吴建 19:07：9月份国强有两次下吊只挂了工作绳\n马国强 19:12：那两次是图快，我认\n")
    assert a.employee_name.endswith("国强") and a.employee_role is None


@pytest.mark.parametrize("notes, name, role", [
    # an exported form's comma-separated label and value
    ("Field,Value\nEmployee,Nkechi Obi\nJob title,Prosthetic Technician II\nReviewer,Rafael Szabo\nReview date,2026-04-14\n"
     "Section,Comment\n\"Observation 1\",\"Q1: 11 of 36 sockets were not ready on time.\"\n", "Nkechi Obi",
     "Prosthetic Technician II"),
    # the name below a line of its date and time alone, with a particle in it
    ("Thursday, 29 January 2026    07:41\nPieter van Rensburg - review (done yesterday, writing up now)\n"
     "Dec: 14 of his 186 routine reports went out late.\nHe says the launch runs into the next ob.\n", "Pieter van Rensburg", None),
    # a job word by its ending: -smith, -wright
    ("Notes from my review with Lukas Brandt (bench goldsmith) just now\nHis metal loss was 3.1% in August, allowance 2%.\n",
     "Lukas Brandt", "bench goldsmith"),
])
def test_header_layouts_of_exports_memos_and_crafts(notes, name, role):
    a = analyse(notes)
    assert (a.employee_name, a.employee_role) == (name, role)
    assert a.manager != "Pieter"


def test_first_name_speaker_tags_keep_the_employees_full_name():
    a = analyse("1:1 with Dana Ruiz (picker), 3 March 2026\nTom: You were late 4 times in February.\nDana: The bus changed.\n"
                "Tom: Can you get the earlier one?\nDana: Yes, from Monday.\nTom: And you'll text me if it's cancelled.\n"
                "Dana: Fine.\n")
    assert a.employee_name == "Dana Ruiz" and a.manager != "Dana Ruiz"


def test_initials_the_body_uses_for_the_one_it_is_about_name_them_from_a_forwarded_subject():
    notes = ("From: m.hald@nordkabel.example\nTo: resourcing@nordkabel.example\nSubject: FW: RE: Joint X-ray results / review\n"
             "Hi Aisling,\nReview held today on the quayside. Summary for BZ's file, client thread below.\n"
             "On the August campaign 2 of his 7 joints failed X-ray.\nBZ says the container was over 80% humidity.\n"
             "Regards,\nMorten Hald\n---------- Forwarded message ---------\nFrom: Client Rep - K. Sorensen\n"
             "Subject: RE: Joint X-ray results - Bartek Zielinski, cable jointer\nMorten, joints 4 and 6 rejected.\n")
    assert analyse(notes).employee_name == "Bartek Zielinski"


@pytest.mark.parametrize("lines, name", [
    (["27.08.26", "Ruairí Quinlan", "sat down with him up in the loft after the launch"], "Ruairí Quinlan"),
    (["Ops Control · Dispatch — 面谈记录", "Wed 22.VII.2026", "宋雅婷", "1. OFP 晚发 9 次。", "雅婷的解释：航班太多。"], "宋雅婷"),
])
def test_a_name_alone_below_a_line_of_its_date_is_the_employee(lines, name):
    assert analyse("\n".join(lines)).employee_name == name


@pytest.mark.parametrize("lines", [
    ["27.08.26", "Night Shift", "3 pallets mis-picked on Tuesday", "2 late starts"],
    ["Mon 3 Aug", "Kings Cross", "3 late openings this month"],
])
def test_a_place_or_a_shift_below_a_line_of_its_date_is_no_one(lines):
    from assistant.notes.header import _find_people

    assert _find_people(lines)[0] is None


def test_a_greeting_alone_in_an_email_to_hr_about_someone_else_names_no_employee():
    from assistant.notes.header import _find_people

    lines = ["From: Ashok Varma", "To: hr.team@northfleet.example", "Subject: Marek Nowak - notes from Wednesday",
             "Claire,", "As discussed, notes below.", "You asked for the figures."]
    assert _find_people(lines)[0] != "Claire"


@pytest.mark.parametrize("phrase, title", [("inspector", True), ("lead", False), ("crew", False), ("PM", False)])
def test_a_single_job_word_is_a_title_unless_too_general(phrase, title):
    assert is_title(phrase) is title


def test_a_greeting_alone_names_the_employee_when_the_email_is_to_an_address_alone():
    a = analyse("From: Ashok Varma\nTo: driver147@northfleet.example\nSubject: Wednesday's chat – notes\nMarek,\n"
                "Quick recap as promised.\nYou delivered 4 cars with new scuffs in 8 weeks.\nYou said the ramp sticks.\n")
    assert (a.employee_name, a.manager) == ("Marek", "Ashok Varma")


def test_a_chat_platform_in_the_heading_is_no_name():
    a = analyse("Microsoft Teams — chat — Abel Mensah, Siobhan Carty — 01/10/2026\n"
                "Siobhan Carty 09:14  Morning Abel, follow-up from yesterday's review walk\n"
                "Siobhan Carty 09:15  17 of 60 spot checks were under the 250 micron minimum\n")
    assert a.employee_name == "Abel Mensah"


@pytest.mark.parametrize("text", [
    "Pat Lowe review\nhe's had to sister 11 of the frames before he could plank\n3 days over",  # what he did
    "Pat Lowe review\nshe's cleaner than anyone on the yard\n3 days over",
])
def test_a_verb_after_he_s_is_no_role_said_in_passing(text):
    assert role_beside(text, "Pat Lowe") is None


def test_a_job_after_any_or_every_is_the_job_alone():
    from assistant.reader.role_candidates import candidates
    found = {c.text for c in candidates("Abel,\nbest surface prep by any painter on this contract", "Abel", None)}
    assert "painter" in found and "any painter" not in found


def test_a_speaker_whose_name_ends_like_a_job_word_is_not_a_job_field():
    from assistant.notes.forms import job_field

    assert job_field("Julian: Kelvin，今天的 review 记录发你") is None  # 'Julian' ends as 'librarian' does
    assert job_field("Technician: Siobhan Nkemelu") == ("Siobhan Nkemelu", "Technician")


def test_a_formal_letter_is_to_the_one_its_addressee_block_names_and_its_letterhead_is_no_one():
    a = analyse("Brackwater Drilling Services Ltd\nUnit 9, Mill Lane\nPRIVATE AND CONFIDENTIAL\nMs Ines Alvarez\n"
                "Site Technician\n12 March 2026\nDear Ines,\nRe: Outcome of your performance review meeting\n"
                "Over the last two months, 4 of your 18 site logs reached the office late.\n")
    assert (a.employee_name, a.employee_role) == ("Ines Alvarez", "Site Technician")


@pytest.mark.parametrize("opening, name, role, manager", [
    ("Teams 会议转录 | 1:1 | 2026/11/30\n（QW：仓储工程师；ZT：我）", "QW", "仓储工程师", "ZT"),
    ("Zoom transcript 3 May 2026\n(DK = me, RS = pipe fitter)", "RS", "pipe fitter", "DK"),
])
def test_a_speakers_key_that_marks_the_writer_names_the_other_as_the_employee(opening, name, role, manager):
    a = analyse(opening + f"\n[00:00:05] {manager}: 上周有 4 单超时。\n[00:00:12] {name}: 系统太慢。\n")
    assert (a.employee_name, a.employee_role, a.manager) == (name, role, manager)


def test_a_key_line_that_marks_the_writer_by_initials_names_the_other_in_full():
    """'MB = me (depot manager), TA = glazier' under a heading naming both: the initials are theirs, the one not marked
    the employee (the heading's order says nothing)."""
    a = analyse("Marta Bianchi / Tariq Aziz - 1:1 - 2026-05-14\nMB = me (depot manager), TA = glazier, crew 3\n\n"
                "MB: Four of your twelve fits last month came back with leaks.\nTA: The sealant batch was old.\n")
    assert (a.employee_name, a.employee_role, a.manager) == ("Tariq Aziz", "glazier", "Marta Bianchi")


def test_a_tables_rule_under_its_first_row_does_not_push_the_interviewers_row_out_of_the_header():
    """A markdown table of label and value opens with its heading row: '| 员工 | 宋晓雯 |' over '|---|---|'. The rule is
    no row, so the interviewer's row below stays in the header and is read as the interviewer's."""
    a = analyse("| 员工 | 宋晓雯 |\n|---|---|\n| 岗位 | 收银员 |\n| 面谈人 | 韩姐（店长） |\n\n9月收银差错6次。\n")
    assert (a.employee_name, a.employee_role, a.manager) == ("宋晓雯", "收银员", "韩姐")


def test_a_chinese_forms_employee_field_with_an_english_name_and_the_chinese_name_in_brackets():
    a = analyse("员工：Mandy（罗佳怡）\n岗位：调饮师（二级）\n面谈人：韩姐（店长）\n\n9月出杯超时12次。\n")
    assert (a.employee_name, a.manager) == ("罗佳怡", "韩姐")


@pytest.mark.parametrize("spelt", ["1on1", "1 on 1", "1v1"])
def test_a_one_to_one_spelt_as_a_chat_writes_it_opens_the_header_as_1_1_does(spelt):
    a = analyse(f"3/4 {spelt} 邓立新(立新) 涂装 B班 -- Frank\n- 11月 audit 抽 40 台，7 台色差超标\n- 立新说喷枪有一把是坏的\n")
    assert (a.employee_name, a.manager) == ("邓立新", "Frank")


def test_a_familiar_name_in_brackets_after_the_name_is_no_role():
    """'马建军(老马)': what colleagues call him, not his job."""
    a = analyse("12/1 1:1 马建军(老马) B班 -- Frank\n- 11月 audit 抽 40 台，7 台 door gap 超差\n- 老马说 gauge 有一个是坏的\n")
    assert a.employee_name in ("马建军", "老马") and a.employee_role is None


@pytest.mark.parametrize("writer_line", ["以下为 Mia 手动整理", "本纪要由Mia整理", "会后由 Mia 记录"])
def test_the_one_a_chinese_line_says_wrote_the_notes_up_is_the_manager_among_the_attendees(writer_line):
    a = analyse(f"腾讯会议纪要｜月度面谈｜2026-09-02\n参会人：Leo Tan、Mia Chen\n{writer_line}\n1. 交付：晚了两周。\n")
    assert (a.employee_name, a.manager) == ("Leo Tan", "Mia")


def test_two_people_of_one_first_name_are_two_people():
    """'From: Emma Cole' to 'Emma Varga': the writer and the employee share a first name, not a person."""
    a = analyse("From: Emma Cole <headchef@harbour.example>\nTo: Emma Varga\nDate: 3 May 2026\nSubject: Our review - pastry\n"
                "Hi Emma,\nRecap of yesterday's review.\nLamination: 4 batches of croissant dough binned in April.\n"
                "EV - rest the dough 30 minutes longer.\nEC - fix the proving cabinet thermostat.\nThanks, Emma\n")
    assert (a.employee_name, a.manager) == ("Emma Varga", "Emma Cole")


def test_the_role_after_a_name_written_surname_first_with_its_initial():
    a = analyse("re: Haldane, R. – scaffolder, nights, block C refit\n1:1 12/05/26 – P. Otieno (site supervisor)\n"
                "ties: 4 missing on the east lift found by the inspector\n")
    assert (a.employee_name, a.employee_role) == ("Haldane", "scaffolder")
    assert role_beside("re: Haldane, R. – scaffolder, nights\nties: 4 missing\n", "Haldane") == "scaffolder"  # by the rules


@pytest.mark.parametrize("heading", ['Voice memo 7 · "Callum Reid review" · 3:48 · 2 Mar 2026',
                                     "Recording #3 – ‘Callum Reid review’ – 2 Mar 2026"])
def test_a_recordings_title_in_quotes_names_the_employee(heading):
    a = analyse(heading + "\nTranscript (auto)\nok so um this is me in the van. so the harness log, he skipped it twice in feb.\n")
    assert a.employee_name == "Callum Reid"


def test_a_field_its_job_labels_states_the_employee_whoever_else_the_notes_name_more():
    """'Handler: Bryn Talbot    Dog: Kaiser': the dog is praised by name further down, the handler is the employee."""
    a = analyse("K9 UNIT – SUPERVISION & PERFORMANCE FORM\nHandler: Bryn Talbot    Dog: Kaiser (spaniel, licensed to 2028)    "
                "Post: dog handler, airport nights\nSupervisor: Ama Owusu    Date: 02/09/2026\n[x] Performance concern   [ ] "
                "Routine supervision\n\nConcern details:\nSearch logs: 9 of 30 shifts with no log in August.\nRefresher training: "
                "overdue since June.\nAirport contract: every shift logged.\n\nHandler's comments:\nSays the tablet logs out in "
                "the hangar so the entries are lost.\nSays he missed June's course because of leave.\n\nSupervisor's assessment:\n"
                "Tablet fault confirmed by IT; the gaps fall on nights he covered a second terminal.\nKaiser's detection and "
                "control are excellent – customs thanked the team in July.\n")
    assert (a.employee_name, a.employee_role, a.manager) == ("Bryn Talbot", "dog handler", "Ama Owusu")


def test_the_interviewers_field_with_their_title_before_the_name_names_the_manager():
    a = analyse("叉车司机 月度面谈记录表\n| 项目 | 内容 |\n|---|---|\n| 员工 | 邱晓峰 |\n| 岗位 | 叉车司机 |\n"
                "| 面谈人 | 仓储主管 魏红 |\n| 日期 | 2026.3.4 |\n| 问题 | 2月有3次叉车未做班前点检 |\n")
    assert (a.employee_name, a.manager) == ("邱晓峰", "魏红")


SLACK_COPY = """#dm - Lena Voss, Arjun Pillai - Tue 14 Apr
Lena Voss  09:02
morning, writing up your review from yesterday so we both have it
you closed 6 of your 15 tickets past the SLA in March
and the weekly release notes went out late three times
Arjun Pillai  09:10
yes, the on-call week ate most of my time
I also lost two days to the laptop rebuild
:sweat_smile: 1
Lena Voss  09:12
fair. so you'll block Thursday mornings for the release notes
I'll take you off the on-call rota for April
Arjun Pillai  09:15
sounds good, thanks
"""


def test_a_chat_copy_with_message_headings_names_the_one_the_writer_speaks_to():
    """Slack and Teams copies put 'Name  09:02' above each run of messages: the employee is the one the manager's lines
    call 'you', not the writer; the reactions copied along (':sweat_smile: 1') are no sentence."""
    analysis = analyse(SLACK_COPY)
    assert (analysis.employee_name, analysis.manager) == ("Arjun Pillai", "Lena Voss")
    assert not [s for s in analysis.sentences if "sweat_smile" in s.text]


def test_the_side_of_a_review_someone_is_on_is_no_job():
    notes = ("Supervision record - Community Rehab Team\nSupervisee: Noor Haddad, Band 6 physiotherapist\n"
             "Supervisor: Tom Reyes\nIn August 9 of Noor's 30 visit notes were written up after 48 hours.\n")
    analysis = analyse(notes)
    assert analysis.employee_name == "Noor Haddad" and "physiotherapist" in (analysis.employee_role or "")


def test_a_dictated_memo_in_lower_case_names_the_one_the_talk_was_with():
    """'after the chat with farah': a meeting word before 'with' names her though the memo calls her 'she' after it; a
    phrase holding a weekday is no job ('from next monday head office are sending')."""
    memo = ("ok this is conor recording notes after the chat with farah it's the ninth of september so the main thing is "
            "the repairs she did seventy and six came back with loose stones our standard is under two percent her side "
            "she says the lamp is too yellow i'll take her off engraving cover from next monday head office are sending "
            "the new ticket format targets comebacks under 2 percent for october ok that's it")
    analysis = analyse(memo, today=dt.date(2026, 12, 5))
    assert (analysis.employee_name, analysis.employee_role) == ("Farah", None)


def test_in_a_transcript_of_initials_the_name_one_speaker_calls_the_other_is_the_employee():
    notes = ("Cut-up & sectioning QA 1:1 — RB / ML — 12.viii.2026\nRB: OK Mei, thanks for staying late.\nML: No worries.\n"
             "RB: The July audit: 6 of your 180 blocks needed recutting, the bench target is under 1%.\n"
             "ML: The microtome has been vibrating since the service.\nRB: Log the blade changes every day from now.\n"
             "ML: Will do.\n")
    assert analyse(notes).employee_name == "Mei"  # not 'Cut-up' (a noun made of a verb), nor the writer


def test_a_name_the_employee_calls_the_manager_by_or_a_word_later_in_the_talk_is_not_the_employee():
    notes = ("Ops 1:1 transcript - 2026-02-17\nAttendees: GW, TB\nGW: Recording's on. So, change windows.\n"
             "TB: Right Gavin, the vendor engineer turned up early.\nGW: Two changes in January ran outside the window.\n"
             "TB: Fair.\nGW: True, the rota had you on two jobs at once.\nTB: It did.\nGW: Changes start inside the window from now.\n")
    assert analyse(notes).employee_name in ("GW", "TB")  # one of the two (the attendees' order decides), never 'Gavin', 'True'


def test_the_employee_greeting_the_manager_first_does_not_name_the_manager():
    notes = ("GW / TB 1:1\nTB: Morning Gavin, you wanted to see me?\nGW: Yes. You ran two changes outside the window in January.\n"
             "TB: The vendor came early.\nGW: You need to start inside the window from now.\nTB: OK.\nGW: Your logs were late too.\n")
    assert analyse(notes).employee_name != "Gavin"


@pytest.mark.parametrize("notes, employee", [
    ("Mark Hale — talk w/ Dana Kerr — 3 Nov 2026\n- Dana missed 3 of 10 deadlines in October\n", "Dana Kerr"),
    ("Subject: FW: Leeds store - Tuesday review + Bettina's reply\nHi Marcus,\nBelow is my write-up; her reply is under it.\n"
     "She missed 3 till counts in May.\nBettina will count with a second person.\n", "Bettina"),
    ("Subject: Your review + Marcus's notes\nHi Dana,\nThanks for today. You missed 3 of 10 deadlines in May. A customer said "
     "her order was late.\nYou'll send the report by Friday.\n", "Dana"),
])
def test_who_a_heading_or_an_emails_subject_and_greeting_name(notes, employee):
    assert analyse(notes, today=dt.date(2026, 12, 5)).employee_name == employee


def test_a_meeting_with_a_team_in_a_lowercase_memo_names_no_one_from_the_team():
    memo = "ok so after the meeting with finance about kieran he missed four invoices in may targets zero missed by june\n"
    assert analyse(memo, today=dt.date(2026, 12, 5)).employee_name != "Finance"


def test_a_job_with_a_day_in_its_name_is_still_a_job_and_a_korean_name_with_a_hyphen_a_name():
    assert is_name("Ye-in Kim") and is_name("Ha-on Lee") and not is_name("Cut-up")
    analysis = analyse("Review: Priya Nair, Saturday assistant, 3 Nov 2026\nPriya missed 4 of 12 till counts in October.\n")
    assert analysis.employee_role and "assistant" in analysis.employee_role


@pytest.mark.parametrize("heading", ["12.2 跟阿杰（陈杰）谈 — 王科记", "12.2 跟陈杰谈 — 王科记"])
def test_a_chinese_heading_names_the_one_talked_with_by_full_name(heading):
    body = "· 11月巡查APP漏打卡14次\n· 他说老街里面信号差\n· 阿杰：每个点位打卡\n· 我：W50前给他配两块备用电池\n目标 ↓\n· 元旦前漏打卡0次\n"
    assert analyse(heading + "\n" + body).employee_name == "陈杰"  # not the nickname, nor '陈杰谈'


def test_a_mixed_voice_memo_names_the_one_the_review_was_with_not_a_word_of_the_memo():
    memo = ("我是 Fang 今天 4 月 15 号 刚跟 Kai 做完 review 趁记得赶紧录一下 问题一 study 205 的 SAP 比计划晚了三周 sponsor 有点不高兴 "
            "他说 SAP 晚主要是 sponsor 那边 endpoint 定义改了好几轮 每次改 spec 都要重来 然后我们定了几件事 SAP 每个 milestone "
            "提前两周给我 review 我去跟 sponsor 约一个 spec freeze 日期 方案也要改 target 的话 下一轮 major findings 0 个")
    assert analyse(memo, today=dt.date(2026, 12, 5)).employee_name == "Kai"


def test_a_full_name_opening_the_line_before_the_talk_and_the_writer_closing_it():
    notes = ("Lola Mensah — chat 2/6 after close — Vince\n- she's been barber on chair 3 since jan\n"
             "- rebooking rate 22% in may, shop avg 45%\n- agreed: L offers a rebook at the mirror for every client\n")
    analysis = analyse(notes, today=dt.date(2026, 12, 5))
    assert (analysis.employee_name, analysis.manager) == ("Lola Mensah", "Vince")


def test_a_recap_greeting_a_colleague_is_about_the_one_its_subject_names():
    notes = ("Subject: FW: notes from Tuesday + Bettina's reply\nHi Marcus,\nMy write-up of Tuesday's review and her reply "
             "below, so you have both for the file.\nTill: three cash discrepancies in May, all on shifts she closed.\n"
             "She told me the till screen freezes mid-count.\nBettina will count the float with a second person on every close.\n"
             "She keeps the returns calendar on the staffroom board.\nZero till discrepancies over £5 in June.\nThanks,\nDeclan\n")
    assert analyse(notes, today=dt.date(2026, 12, 5)).employee_name == "Bettina"


def test_the_writer_opening_a_heading_before_their_own_review_is_not_the_employee():
    notes = ("# Jonas Eriksson — practice lead review — with Aoife — 3.xi.2026\n"
             "She'd just come back from the red-team job, the first she's led as a senior pen tester.\n"
             "5 of 12 reports were delivered more than 5 working days late.\n")
    assert analyse(notes, today=dt.date(2026, 12, 5)).employee_name == "Aoife"


@pytest.mark.parametrize("line, name, role", [
    ("03/11 Tom B - bin lorry driver - 1:1 at the depot", "Tom B", "bin lorry driver"),  # after its date, a surname's initial
    ("Tom B - bin lorry driver - 1:1", "Tom B", "bin lorry driver"),
])
def test_a_name_with_its_surnames_initial_opens_the_header_after_its_date(line, name, role):
    from assistant.notes.header import _find_people

    assert _find_people([line, "- 4 missed collections in Oct"])[:2] == (name, role)


def test_a_job_written_after_with_and_before_the_name_is_the_role():
    notes = "14.09 - Supervisor K. Marsh w/ Pipe fitter Sam Oduya (crew 2, boiler house)\n- 3 flange leaks on retest\n"
    assert analyse(notes).employee_role == "Pipe fitter"



def test_the_job_a_meeting_is_named_after_today_is_the_role():
    notes = ("#dm-priya-tom | exported 2 Mar 2026\nTom Reed [09:01]: Notes from this morning's payroll officer 1:1 for us both\n"
             "Tom Reed [09:02]: 3 of your February BACS files went late\nPriya Shah [09:10]: the bank portal was down\n"
             "Priya Shah [09:10]: twice it timed out after I'd keyed the batch\nPriya Shah [09:11]: fair on the third one\n"
             "Tom Reed [09:12]: Agreed:\nTom Reed [09:12]: • Priya: submit each file by 2pm the day before\n"
             "Tom Reed [09:13]: • Me: ask the bank for a second login\n")
    a = analyse(notes)
    assert (a.employee_name, a.employee_role, a.manager) == ("Priya Shah", "payroll officer", "Tom Reed")


@pytest.mark.parametrize("subject, role", [
    ("Subject: Seat review follow-up - trainee surveyor, commercial team", "trainee surveyor"),
    ("Subject: Review follow-up - team leader, nights", None),  # a lead's title: whose, it does not say
    ("Subject: Review follow-up - Friday", None),
])
def test_the_job_after_a_subjects_meeting_words_is_the_role_where_it_names_no_one(subject, role):
    from assistant.notes.mail import subject_role

    assert subject_role(["From: Lena Park", "To: Omar Haddad", subject, "Hi Omar,"], "Omar Haddad") == role


@pytest.mark.parametrize("head, role", [
    ("Tom Reed [09:01]: Notes from this morning's payroll officer 1:1 for us both", "payroll officer"),
    ("Recap of today's quarterly review", None),  # which review, not a job
])
def test_a_meeting_named_after_a_job_today_gives_the_role(head, role):
    from assistant.reader.role import _reviewed_as

    assert _reviewed_as(head) == role


_SUPERVISION_FORM = ("ESTATES - SUPERVISION RECORD\n"
                     "Site: North Block | Date: 03/03/26 | Completed by: Sister B. Oyelaran, Ward Manager\n"
                     "Reason: follow-up from January\n"
                     "1. Discussion\n"
                     "Met with Tariq in the sluice room after handover; he has been the unit's healthcare assistant for a year.\n"
                     "Obs charts: 5 of 20 charts in February had no 4-hourly observations recorded.\n"
                     "2. Agreed actions\n"
                     "Tariq to record observations on the e-chart within 30 minutes.\n"
                     "Ward manager to add a second HCA to the night rota from 1 April.\n")


def test_a_form_names_the_employee_it_met_and_their_job_and_whose_title_the_ward_manager_is():
    a = analyse(_SUPERVISION_FORM)
    assert (a.employee_name, a.employee_role, a.manager) == ("Tariq", "healthcare assistant", "B. Oyelaran")
    rota = next(s for s in a.sentences if s.text.startswith("Ward manager to add"))
    assert rota.owner == "manager"


def test_a_title_closing_a_line_names_no_one_on_the_line_below():
    from assistant.notes.header import _find_people

    lines = ["Shift: nights | Completed by: Sister B. Oyelaran, Ward Manager", "Reason: follow-up from January",
             "Met with Tariq after handover.", "5 charts had no observations."]
    assert _find_people(lines)[2] != "Reason"


@pytest.mark.parametrize("memo, name, manager, role", [
    ("voice memo 3 nov right this is Moira Fraser yard supervisor Loch Ness site just in from the rain so I had a word in "
     "the van with the forwarder lad thats Ewan Grant for the record hes been on the machine since may and he left 3 "
     "loads unstacked last week", "Ewan Grant", "Moira Fraser", "forwarder"),
])
def test_a_dictated_memo_says_who_speaks_and_whom_it_is_about(memo, name, manager, role):
    a = analyse(memo)
    assert (a.employee_name, a.manager, a.employee_role) == (name, manager, role)


def test_this_is_no_name():
    from assistant.notes.header import _find_people

    assert _find_people(["This is Dana Ruiz, picker, review 3 Mar", "- 3 late deliveries in Feb"])[0] != "This"


@pytest.mark.parametrize("lines, name, role", [
    (["飞书导出｜设计部 绩效面谈｜2026/12/1", "面谈人：设计总监 陈曦｜被面谈人：软装设计师 Vivi（邓雨桐）", "| 维度 | 情况 |"],
     "邓雨桐", "软装设计师"),  # the job, then the name in both scripts
    (["【语音转文字】3月2号 跟咱们车队货车司机孙国栋聊了一下 这个月超时三次"], "孙国栋", "车队货车司机"),  # a name before '聊'
])
def test_a_chinese_job_written_before_the_name_is_the_role_and_not_the_name(lines, name, role):
    from assistant.notes.header import _find_people

    assert _find_people(lines)[:2] == (name, role)


def test_a_csv_exports_first_row_gives_the_initials_before_the_job_and_the_reviewer():
    from assistant.notes.header import _find_people

    lines = ["1to1_JB_2026-10-02.csv", "meeting,02/10/2026,JB,press setter - hall A,reviewer KM", "item,type,detail,owner,due"]
    assert _find_people(lines) == ("JB", "press setter", "KM")



def test_someone_elses_place_in_the_team_is_not_the_employees_role():
    from assistant.reader.role import _in_passing

    assert _in_passing("I spoke to Mo, who is the union rep, about it.", "Dana Ruiz") is None



@pytest.mark.parametrize("text, name, role", [
    ("right so sat down with Aisha our upholsterer after we closed today\n4 of the 30 chairs came back", "Aisha", "upholsterer"),
    ("1:1 w/ KB (net eng, infra team) 25-Nov\n- 7 changes raised w/o rollback plan", "KB", "net eng"),
])
def test_a_role_beside_the_name_in_shorthand_or_dictation(text, name, role):
    assert role_beside(text, name) == role


@pytest.mark.parametrize("notes, name, role", [
    # the job after a subject's meeting words, where the subject names no one
    ("From: Lena Park\nTo: Omar Haddad\nSubject: Seat review follow-up - trainee surveyor, commercial team\n\n"
     "Hi Omar,\nThanks for today. Two of your May valuations had the wrong floor areas.\nThanks, Lena\n"
     "Lena Park | Senior Surveyor\n", "Omar Haddad", "trainee surveyor"),
    # the one introduced with their place in the team is the employee, and that place their role
    ("Gwen Pritchard — Cae Mawr — staff catch-ups, spring\nSat on the quad by the pens, too nice to be inside.\n"
     "Started with the dogs, then the weather.\nAnyway the proper bit, with Huw Morgan, who has been our second "
     "shepherd since last March and runs the hill ewes.\nThe footbath was missed twice in April.\n", "Huw Morgan",
     "second shepherd"),
    # a line below the small talk that says what the notes are names the employee
    ("Thurs 12th Nov - written up at home, sorry these are long.\nStarted with the usual moan about the bypass.\n\n"
     "Gemma Lowry (support worker, Eastside round) - supervision, the performance bit.\n\n"
     "MAR charts: the October audit found 3 missing signatures.\n", "Gemma Lowry", "support worker"),
    # the sender of a mail forwarded below a recap that calls it the employee's, with the role their signature gives
    ("Subject: FW: Monday's 1:1 - notes and her answer\nPaul,\n\nMy notes from Monday below, her reply underneath.\n\n"
     "She closed 3 of 9 survey reports late in May.\nAgreed: every report closed within 5 days.\n\nMaeve\n\n"
     "---------- Forwarded message ----------\nFrom: Ines Caldwell <ines.c@harbourmarine.co.uk>\nDate: Tue, 2 Jun 2026\n"
     "Subject: Re: Monday\n\nHi Maeve, fine by me.\nInes Caldwell | Marine Surveyor | Harbour Marine\n",
     "Ines Caldwell", "Marine Surveyor"),
    # a site diary whose foot says who it was read to
    ("From: Dilys Hughes, Kerbing Supervisor - site diary, Tue 9/6/26\nwent thru the snags on the verge\n"
     "- 3 kerb runs out of line by 10mm+, spec is 5mm\n- he says the laser kept dropping out\n"
     "- he'll check every run with the string line\nAcknowledged: Rhodri Price (kerb layer)    Signed: D. Hughes\n",
     "Rhodri Price", "kerb layer"),
    # a greeting's name opens the line and the writer signs after a dash at its end
    ("Anita – notes for our chat, Tue 3 Mar (your crane operator review) — Martin\n"
     "In February 4 of your lifts started without the checklist signed.\n", "Anita", "crane operator"),
])
def test_the_employee_and_role_where_the_notes_give_them_past_the_header(notes, name, role):
    a = analyse(notes)
    assert (a.employee_name, a.employee_role) == (name, role)


@pytest.mark.parametrize("line", ["📄 1on1_Sarah_Tom_20260812.docx", "📄 Q3_review_Template_v2.docx",
                                  "📄 review_Leeds_depot.docx"])
def test_a_file_name_names_no_one_unless_it_holds_one_name_before_a_date(line):
    assert analyse(f"{line}\nMeeting notes\nWelcome packs: 9 of 40 incomplete in July.\n").employee_name is None


@pytest.mark.parametrize("greeting, employee", [
    ("Right, thanks for coming in Leon, this is your monthly catch-up.", "Leon"),
    ("Right, this is your monthly catch-up, recording's on.", "LB"),
])
def test_a_transcript_in_initials_is_held_by_the_one_who_opens_it_and_speaks_to_you(greeting, employee):
    a = analyse(f"Recording – 1:1 – 4 Mar 2026\n[09:00] RS: {greeting}\n[09:01] LB: No worries.\n"
                "[09:01] RS: Your scrap rate was 6% in February against 3%.\n[09:02] LB: The die was worn.\n"
                "[09:03] RS: You'll log die checks each shift from Monday.\n[09:04] LB: OK, and the spare die?\n"
                "[09:04] RS: I'll order it this week.\n")
    assert (a.employee_name, a.manager) == (employee, "RS")


def test_a_transcript_in_initials_opened_by_the_employee_is_left_to_the_manager_to_say():
    a = analyse("Recording – 1:1 – 4 Mar 2026\n[09:00] LB: Hi, you wanted to see me?\n[09:01] RS: Yes, your scrap rate.\n"
                "[09:01] LB: You said last month the die would be replaced.\n[09:02] RS: It was 6% in February.\n"
                "[09:02] LB: The die was worn.\n[09:03] RS: Log die checks each shift from Monday.\n[09:04] LB: Thanks.\n")
    assert (a.employee_name, a.manager) == (None, None)


def test_a_bilingual_role_field_keeps_every_english_word():
    a = analyse("Staff Name 姓名: 陈志明 Alan Chan\nTitle 職位: Senior Claims Officer 高級理賠主任\nManager: Joyce Lam\n"
                "Claims closed late: 14 in Q3, standard is 5.")
    assert a.employee_role == "Senior Claims Officer"


def test_an_exported_forms_post_field_is_the_role():
    a = analyse("field,value\nreviewer,Dev Patel (Warehouse Manager)\nreviewee,Ama Boateng\npost,Forklift Driver - Bay 4\n"
                "concern_1,Racking struck 3 times in May\n")
    assert (a.employee_name, a.employee_role) == ("Ama Boateng", "Forklift Driver - Bay 4")


def test_the_name_paired_after_the_employee_with_a_slash_is_the_manager():
    a = analyse("AGENDA — 1:1 Sunita Rao / Callum Baird — Tue 3 March 2026, stores office\nRole: Stores Operative\n"
                "1. Pick errors: 14 in February\n2. Actions\n→ Callum: book the scanner refresher by 20 March\n")
    assert (a.employee_name, a.manager) == ("Sunita Rao", "Callum Baird")
    assert next(s for s in a.sentences if s.text.startswith("Callum")).owner == "manager"


def test_a_role_field_giving_both_jobs_gives_the_employee_the_one_that_leads_no_one():
    a = analyse("会议纪要\n参会人：陈立 Li Chen、林晓 Amy Lin\n职位：Store Manager / Sales Associate\n"
                "一、问题回顾\n1. 10月 退货登记漏了 6 单\n")
    assert a.employee_role == "Sales Associate"


@pytest.mark.parametrize("notes, not_them", [
    # a signer at the foot who held the meeting is no employee
    ("1:1 notes 3 Nov with Nadia Rahman (pharmacy assistant)\nShe missed 4 fridge checks in October.\n"
     "Acknowledged: Helen Shaw (Pharmacy Manager)\n", "Helen Shaw"),
    # a customer's reply forwarded is not the employee's
    ("Subject: FW: complaint\nPaul,\n\nThe customer's complaint is underneath, and her reply to our apology. Tom Reed "
     "missed 3 callbacks in May.\n\nMaeve\n\n---------- Forwarded message ----------\nFrom: Susan Blake <s.b@mail.com>\n"
     "Date: Tue, 2 Jun 2026\n\nStill not happy.\nSusan Blake | Retired Teacher\n", "Susan Blake"),
])
def test_look_alikes_of_a_signed_foot_and_a_forwarded_reply(notes, not_them):
    assert analyse(notes).employee_name != not_them


def test_a_place_after_the_slash_is_no_manager():
    a = analyse("Review: Maya Lin / Elm House — 3 Nov 2026\nShe missed 3 medication rounds in October.\n")
    assert (a.employee_name, a.manager) == ("Maya Lin", None)


def test_a_capitalised_word_before_the_noun_it_qualifies_in_a_subject_is_no_name():
    a = analyse("From: Stuart Kinnear\nSent: 10 March 2026 16:20\nTo: Amira Haddad (HR)\nSubject: FW: Complaint – Brookfield "
                "pour 3 March / today's meeting with the driver\n\nAmira,\n\nBelow is the site's complaint, and here are my "
                "notes from sitting down with him this afternoon.\nHe arrived 55 minutes after his booked slot and the "
                "load was rejected.\nThe site manager at Brookfield rang twice.\n")
    assert a.employee_name is None  # (the plan asks who the driver is)


def test_a_rule_of_dashes_under_the_heading_is_read_past_not_taken_for_a_name():
    """A printed sheet's rule below its opening lines leaves nothing to look for: the notes are read, not refused."""
    a = analyse("BAY SHEET\nBay 3 weekly\n------------------\nComebacks 7 in September, max 2.\n")
    assert a.employee_name is None and any("Comebacks" in s.text for s in a.sentences)


_SMALL_TALK = "".join(f"Point {i}: we went over the week's bookings and you said it was fine.\n" for i in range(14))


@pytest.mark.parametrize("said, role", [
    ("The Saturday rota has had you as the only valuer since May, so there's been no second check.", "valuer"),
    ("You're the dietitian the stroke team trusts most, and your menus are excellent.", "dietitian"),  # the title, not its clause
])
def test_a_role_said_to_you_far_down_a_note_written_to_the_employee_is_theirs(said, role):
    a = analyse(f"Hi Nia,\nThanks for today. Notes below.\n{_SMALL_TALK}{said}\nYou missed 3 referrals in October.\nThanks, Bev\n")
    assert (a.employee_name, a.employee_role) == ("Nia", role)


@pytest.mark.parametrize("text, who", [
    # a greeting to HR in the line above the heading, not under a chat's heading: the heading names the employee
    ("Hi Priya, quick notes from the call as you asked, so you can add them to the file.\n1:1 w/ Tom Reyes (driver) 4/11\n"
     "Tom was late 3 times.\n", ("Tom Reyes", "driver")),
    ("11.2 黎秀英 收银员 面谈，主要是找零\n找零错了3次。\n", ("黎秀英", "收银员")),  # '主要是' opens no sentence about someone
    ("王磊 | 质检员 | 面谈人：我\n漏检3次。\n", ("王磊", "质检员")),  # nor the writer's '我'
    ("Review: Bay Nguyen (line cook) - 4 Nov\nBay burned 3 trays.\n", ("Bay Nguyen", "line cook")),  # a given name
])
def test_session_33s_header_rules_leave_their_look_alikes_alone(text, who):
    a = analyse(text)
    assert (a.employee_name, a.employee_role) == who


@pytest.mark.parametrize("line, name", [
    ("Notes - depot 1:1, attached rota_Leeds_2026-11-14.pdf", None),  # a date's '1-1' is no meeting
    ("pipeline_Hamilton_2026-10-31.pdf", None),  # nor 'pip' inside a word
    ("GR_1on1_Annie_K_20260812.docx", "Annie K."),  # the initial where it is written
])
def test_a_file_name_names_someone_only_beside_a_meeting_word_and_a_date(line, name):
    from assistant.notes.header import _file_named

    assert _file_named([line]) == name


@pytest.mark.parametrize("first", ["EMP_NM=OKAFOR, Chidi | JOB_TTL=Baker | MGR_NM=HALE, Tom",
                                   "Employee: Chidi Okafor | Job title: Baker | Supervisor: HALE, Tom"])
def test_an_exports_codes_with_equals_and_a_manager_written_surname_first_in_capitals(first):
    a = analyse(first + _BODY)
    assert a.employee_name in ("Chidi OKAFOR", "Chidi Okafor") and a.employee_role == "Baker" and a.manager == "Tom HALE"


@pytest.mark.parametrize("notes, who", [
    # a calendar invite: its organiser holds the talk with its one attendee
    ("MEETING: Dr Ines Albarran — 1:1 (monthly) — Herbarium Dept\nOrganiser: Dr Ines Albarran, Head of Collections\n"
     "Attendee: T. Okoro (Mounting Technician)\nWhen: Tue 3 Nov 2026 10:00\n" + _BODY, ("T. Okoro", "Mounting Technician", "Dr Ines Albarran")),
    # an export's label with its own bracket, the name surname first; its 'Conversation owner' the manager
    ("PERFORMANCE CONVERSATION — EXPORT\nAppraisee (display name): Marsh-Oduya, Kelechi\nTeam: Sound\n"
     "Conversation owner: Petra Lindqvist\nKelechi missed 4 of 10 cue deadlines in May.\nTarget: all cues on time by 30 June.\n",
     ("Kelechi Marsh-Oduya", None, "Petra Lindqvist")),
    # (and the job after its family)
    ("PERFORMANCE CONVERSATION — EXPORT\nAppraisee (display name): Marsh-Oduya, Kelechi\nJob family / title: Audio › Dialogue Editor\n"
     "Conversation owner: Petra Lindqvist\nKelechi missed 4 of 10 cue deadlines in May.\nTarget: all cues on time by 30 June.\n",
     ("Kelechi Marsh-Oduya", "Dialogue Editor", "Petra Lindqvist")),
    # an export's comma rows of labels over values, the reviewer's value with a title before the name
    ("review_id,staff,store,reviewer,date\nKR-0311,D. Amankwah (florist),Leeds,Owner: Maia Reyes,12/03/2026\n" + _BODY,
     ("D. Amankwah", "florist", "Maia Reyes")),
    # a table of fields whose 'Lead' column names the manager
    ("## Weekly 1:1 — Line 4\n\n| Operator | Shift | Lead | Date |\n|---|---|---|---|\n"
     "| Dara Quinn (press operator) | B | Ali Khan | 2 Mar 2026 |\n" + _BODY, ("Dara Quinn", "press operator", "Ali Khan")),
    # a tracker's cells of labels and values, a job's label beside the name, the reviewer's bracket no employee's
    ("site\tKyle pier\treviewer\tB. Lennox (harbour master)\ndeckhand\tOwen Rees\tdate\t06/10/2026\n" + _BODY,
     ("Owen Rees", "deckhand", "B. Lennox")),
])
def test_invites_exports_and_trackers_name_the_employee_and_the_manager(notes, who):
    a = analyse(notes)
    assert (a.employee_name, a.employee_role, a.manager) == who


def test_a_review_title_between_full_width_bars_with_a_name_alone_names_the_employee():
    a = analyse("【企业微信】聊天记录 - 主题：Q3 review｜华南 KA 渠道｜Vivian\nMarco 9/25 19:02：她 Q3 拜访记录只录了 20 次。\n"
                "Marco 9/25 19:03：目标：12月31日前每周拜访 8 次。\n")
    assert a.employee_name == "Vivian"


def test_someone_copied_in_or_quoted_is_no_role():
    a = analyse("From: Gemma Hart <g.hart@example.com>\nTo: Kieran Doyle\nCc: Rob Sturgess\nSubject: Review\nHi Kieran,\n"
                "4 installs failed inspection in June.\nGoal: 0 failed inspections by 30 September.\nThanks,\nGemma\n\n"
                "On 29 Jul 2026, at 18:40, Rob Sturgess wrote:\n> fine by me\n")
    assert a.employee_name == "Kieran Doyle" and a.employee_role != "Rob Sturgess"


def test_a_report_pasted_below_the_heading_does_not_rename_the_employee():
    a = analyse("Dorota Wilk, monthly 1:1, 22/4, Joanne\nFrom the area report (March):\n"
                "store,employee,month,returns,miscuts\n12-Castlegate,D.Wilk,2026-03,6,14\n"
                "14 keys cut wrong in March.\nTarget: under 5 miscut keys a month by 30 June.\n")
    assert a.employee_name == "Dorota Wilk"


@pytest.mark.parametrize("notes, who", [
    # look-alikes of this session's layouts (a review's findings): each stays as the notes say
    ("Employee: Dana Reid\nRole: picker\nManager: Tom Hale\nAttendees: Kev Barnes (union rep)\n" + _BODY, ("Dana Reid", "picker", "Tom Hale")),
    ("Grace shift lead chat - 3 Nov" + _BODY, ("Grace", "shift lead", None)),
    ("Employee: Dana Reid | Union lead: Kev Barnes | Manager: Tom Hale" + _BODY, ("Dana Reid", None, "Tom Hale")),
    ("CONFIDENTIAL, Priya Shah - 1:1 notes 3 Nov" + _BODY, (None, None, None)),
    ("Employee: Dana Reid (picker)\nLine manager: TBC, Kev covering for now" + _BODY, ("Dana Reid", "picker", None)),
    ("Check-in 3 Nov\nYou've had 3 lates in October.\nSadly, you also missed the toolbox talk.\nMarco, your buddy, will walk the "
     "checklist with you.\nTarget: 0 lates by 30 Nov.\n", (None, None, None)),
    ("shed 2 / 3 nov\nRB (union rep, sitting in)\nmissed 4 fleece checks\ntarget 0 by dec\n", (None, "union rep", None)),
    ("Picker review 3 Nov - shed 2\ntopic | evidence | Kev (trainer) says | agreed\nchecks | 4 missed | knows the list | redo\n",
     (None, "Picker", None)),
    ("Q3 review | DR (picker) | Tom Hale" + _BODY, ("DR", "picker", "Tom Hale")),
    ("面谈对象：老周 叉车司机 面谈人 李红\n他10月超速2次。\n目标：12月31日前零违章。\n", ("老周", "叉车司机", None)),
    ("1:1 - Dana Reid ops - 3 Nov" + _BODY, ("Dana Reid", None, None)),
    ("From: Tom Hale\nTo: Dana Reid, HGV Driver\nSubject: our chat today\nThanks for today. You missed 4 walkaround checks in "
     "October.\nTarget: 0 missed by 30 Nov.\n", ("Dana Reid", "HGV Driver", "Tom Hale")),  # (the one person named
    # beside the writer, whom the mail is to: since session 43)
])
def test_look_alikes_of_the_new_layouts_read_as_before(notes, who):
    a = analyse(notes)
    assert (a.employee_name, a.employee_role, a.manager) == who


@pytest.mark.parametrize("text, name, role", [
    # a system's export, its field names written with underscores
    ("staff_name,job_title,line_manager,meeting_dt,site\nKaveh Rostami,Tyre Fitter (Grade 2),J. Pryce,04/03/2026,Leeds Depot"
     "\n\nWheel nut re-torque skipped on 3 vans in February.", "Kaveh Rostami", "Tyre Fitter"),
    # a crew's member, beside the crew's own name ('Crew: Bravo' is a team, no one's name)
    ("Deck team check-in\nCrew member: Tamsin Olde\nCrew: Bravo | Station: Pier 4\n\n"
     "Mooring lines left slack twice in May.", "Tamsin Olde", None),
    # how the notes came, in brackets above them
    ("[photo of whiteboard - transcribed]\n4/3/26 Ines V. - glazier, bay 2 - w/ Tom\n- 5 units sent out uncured",
     "Ines V.", "glazier"),
    # a calendar invite, its attendee written surname first
    ("Check-in\nWhen: Tuesday 3 March 2026 10:00 (UTC+00:00) Dublin, Edinburgh, Lisbon, London\n"
     "Organizer: Hale, Tom\nRequired attendees: Novak, Petra\n\n-- notes --\n5 units went out uncured in February.",
     "Petra Novak", None),
    # an export's surname first in capitals, with the staff number after the given name
    ("Employee: NOWAK, Agata (emp# 30418)\nPosition: Bus Driver\nDate: 22/09/2026\n\nLeft the depot late 6 times.",
     "Agata NOWAK", "Bus Driver"),
    # a letter to 'you' that greets the employee by title and surname alone
    ("Dear Mr Adeyemi-Cole,\n\nThis letter confirms what we discussed on 3 March. Your van checks were missed on 6 days "
     "in February, and you told me the new app logs you out.\n\nRegards,\nP. Lund", "Mr Adeyemi-Cole", None),
])
def test_exports_forms_invites_and_letters_name_the_employee(text, name, role):
    a = analyse(text)
    assert a.employee_name == name
    assert (a.employee_role or "").lower() == (role or "").lower()


def test_a_header_of_fields_between_bars_names_the_writer_by_their_by():
    a = analyse("1:1 notes | Ken Lau (groomer) | 2026-07-23 | by Vivian\nRework on 8 dogs in July.\n")
    assert (a.employee_name, a.employee_role, a.manager) == ("Ken Lau", "groomer", "Vivian")


def test_a_role_said_in_passing_as_one_of_a_counted_team():
    a = analyse("Voice memo, 3 Nov 2026. Right, chatted with Femi this afternoon. Since August, 11 customers rang back "
                "saying the piano went out again. Customers like him though, he's the most requested of our three tuners.\n")
    assert (a.employee_name, a.employee_role) == ("Femi", "tuner")


_MEMO = "Dear Mr Adeyemi,\n\nThis confirms what we discussed on 4 November 2026.\n\nOver the quarter 9 of 30 files went out late.\n"


@pytest.mark.parametrize("text, role", [
    (_MEMO + "As one of our two court interpreters, your booking slips were late 6 times.\n", "court interpreter"),
    (_MEMO + "As one of our three interpreters on nights, your slips were late.\n", "interpreter"),
    (_MEMO + "As one of our two interpreters, Tom Reyes covers the late list.\n", None),  # another's role
    (_MEMO + "As one of the options, we discussed moving the deadline.\n", None),  # no role of anyone
])
def test_a_role_said_as_one_of_our_team_before_you_or_their_name(text, role):
    assert analyse(text).employee_role == role


@pytest.mark.parametrize("text, who", [
    ("[1:1 - Ines Vidal (glazier) - 4 Mar 2026 - with Tom]\nFive units went out uncured.\n", ("Ines Vidal", "glazier")),
    ("【面谈记录：王小燕（收银员）】\n收银差错 5 次。\n", ("王小燕", "收银员")),  # a header in brackets is still the header
    ("Check-in\nOrganizer: Tom Hale\nRequired attendees: Petra Novak, Amira\n\n5 units went out uncured.\n", (None, None)),
])
def test_bracketed_headers_and_two_attendees_are_not_mistaken(text, who):
    a = analyse(text)
    assert (a.employee_name, a.employee_role) == who


@pytest.mark.parametrize("text, who", [
    # the job in the meeting's title among the header's fields
    ("Harbour Pools - lifeguard 1:1 - Nuala Byrne - 5 Nov 2026\nLeft the poolside twice without cover in October.\n",
     ("Nuala Byrne", "lifeguard")),
    # '，就是我们…的站长': who the one talked to is, said in passing
    ("【语音转文字 09:12】\n今天11月20号下午跟小何聊了一下，就是我们东门店的店长。主要是两个事。第一个是库存差异，11月有12笔。"
     "第二个是排班，有3天没人开门。\n", ("小何", "店长")),
])
def test_a_role_in_the_title_in_a_nicknames_bracket_or_said_in_passing(text, who):
    a = analyse(text)
    assert (a.employee_name, a.employee_role) == who


@pytest.mark.parametrize("bracket, role", [
    ("Callum Fraser on the rota, 3rd year mechanic", "3rd year mechanic"),
    ("Owen Baker, pastry chef", "pastry chef"),
    ("Night Baker", "Night Baker"),  # a job in capitals, alone in the bracket
])
def test_the_full_name_in_a_nicknames_bracket_is_no_job(bracket, role):
    """'Spanner (Callum Fraser on the rota, 3rd year mechanic)': the bracket's job is after the full name, whose surname
    ends as a trade's word does ('Fraser', 'Baker')."""
    a = analyse(f"Workshop catch-up, Wed 2 Dec 2026 - talked w/ Spanner ({bracket})\nMissed 4 torque checks in November.\n")
    assert (a.employee_name, a.employee_role) == ("Spanner", role)


@pytest.mark.parametrize("notes, who", [
    # a place's noun closes the first field: 'Soil' opens the lab's name, not a person's
    ("Soil & aggregates lab - technician 1:1, Thu 17 Sept 2026\nMy notes (G. Farrant, lab supervisor)\n"
     "- 6 of 40 batches had to be re-run.\n", (None, "technician")),
    ("Harbour kitchen - 1:1 with Dana Reid (commis), 3 Mar 2026\nBurnt 4 trays in a week.\n", ("Dana Reid", "commis")),
    # a job field labelled 'Post:' beside the name, under a job word's label
    ("1:1 Supervision Record\nOfficer: Dale Pritchard | Post: Dog Warden | Supervisor: Anita Rao | Date: 16/01/2026\n"
     "9 of 34 call-outs not attended within 2 hours.\n", ("Dale Pritchard", "Dog Warden")),
    ("Sun 30 Aug 2026 - chatted w Bryony (assistant warden) about the season.\nShe missed 3 gate checks.\n",
     ("Bryony", "assistant warden")),
    # a header table whose first column is the employee's job
    ("# Monthly 1:1 - Toxicology\n| Analyst | Reviewer | Date | Section |\n|---|---|---|---|\n"
     "| Dr Hana Vesely | Paul Ng | 2026-07-08 | Post-mortem toxicology |\n\n9 of 52 cases reported late.\n",
     ("Dr Hana Vesely", "Analyst")),
])
def test_header_fields_that_name_a_place_a_post_or_a_job_column(notes, who):
    a = analyse(notes)
    assert (a.employee_name, a.employee_role) == who


@pytest.mark.parametrize("phrase, role", [("G. Farrant", False), ("J.P. Bryant", False), ("Sr. Consultant", True),
                                          ("park ranger", True)])
def test_a_name_after_its_initials_is_no_job_though_it_ends_as_one(phrase, role):
    from assistant.reader.role import is_role
    assert is_role(phrase) is role


@pytest.mark.parametrize("notes, who", [
    # the notes' foot says whom they are for
    ("Thanks for sitting down with me today.\nThe problem is turnaround: 7 of the 20 same-day jobs were late.\n"
     "We'll talk again before Christmas.\n\n-- Notes for Priya Nair (racket stringer, pro shop), from Hal Brennan, 14/11/2026.\n",
     ("Priya Nair", "racket stringer")),
    # the job after the name, then the sentence ends
    ("[00:00] Helen Marsh: Right, this is the six-month review for Ollie Tranter, fireman. 22nd November 2026, loco shed.\n"
     "[00:41] HM: Two boiler water incidents in October.\n", ("Ollie Tranter", "fireman")),
    # the job opening the title, and '季度' no one's name
    ("垃圾分类督导员 季度面谈记录\n被面谈人：蒋桂英（阳光苑小区点位）  面谈人：孙海涛  时间：2026年8月6日\n一、7月抽检纯净度只有72%。\n",
     ("蒋桂英", "垃圾分类督导员")),
])
def test_a_foot_line_a_job_before_a_sentences_end_and_a_titles_job(notes, who):
    a = analyse(notes)
    assert (a.employee_name, a.employee_role) == who


@pytest.mark.parametrize("first", [
    "Hi Mia (张米娅), 这是今天 debrief 的 summary — Capt. Hugo Marin, M/Y Seraphine, 2026-04-05",
    "Hi Mia, here's the summary of today's debrief - Capt. Hugo Marin, 2026-04-05",
])
def test_a_greeting_opening_the_first_line_names_the_employee_not_the_sender_after_a_dash(first):
    notes = first + "\nThanks for talking openly today.\nYou missed 2 turndowns in March and your guest score was 3.6/5.\n"
    assert analyse(notes).employee_name == "Mia"


@pytest.mark.parametrize("notes, who", [
    # review look-alikes of this session's header rules, each read as before them
    ("1:1 - Jo Bell, asst. manager - 12 Nov 2026\nJo missed the weekly stock count 3 times in October.\n",
     ("Jo Bell", "asst. manager")),  # a short form's dot ends no sentence
    ("Monthly 1:1 - 12 Nov 2026\nEmployee: Priya Shah | Role: Q.A. Technician | Reviewer: Tom Reyes\n"
     "Priya released 3 batches without the second check.\n", ("Priya Shah", "Q.A. Technician")),  # dotted job initials
    ("Kenji Ito, Six Sigma analyst - 1:1 12 Nov 2026\nKenji's reports were late 4 times this quarter.\n",
     ("Kenji Ito", "Six Sigma analyst")),
    ("Dear Ravi,\nThanks for meeting on 18 November 2026.\nAs one of our two mental health first aiders, you already know "
     "how much the team leans on you.\nYour pick rate was 81% of target in October.\n", ("Ravi", None)),  # a duty, no job
    ("Social media 1:1 | Mia Lopez | 18 Nov 2026\nPost: Black Friday teaser (late)\n"
     "Mia missed 3 of the 8 scheduled posts in October.\n", ("Mia Lopez", None)),  # a post, no job
    ("Hey Sam - 1:1 with Tom Baker today, picker, 20/11/2026\nYou asked me to send these over before Friday.\n"
     "Tom missed 12 pick targets in October.\n", ("Tom Baker", "picker")),  # the greeting is to a colleague
])
def test_look_alikes_of_this_sessions_header_rules_keep_their_reading(notes, who):
    a = analyse(notes)
    assert (a.employee_name, a.employee_role) == who


@pytest.mark.parametrize("opening, who", [
    ("notes from my review with Shawna, no, Siobhan, S I O B H A N, it always gets that wrong, Siobhan Duffy, "
     "inbetweener on season 2.", ("Siobhan Duffy", "inbetweener")),
    ("1:1 with Tom - sorry, Tim Baker (picker), 3 Nov 2026", ("Tim Baker", "picker")),
    ("review with Rhiannon Mbeki (wind turbine technician), 4 Mar 2026", ("Rhiannon Mbeki", "wind turbine technician")),
    ("review with Shannon Doyle (gritter driver), 1 Dec 2026", ("Shannon Doyle", "gritter driver")),  # 'no' in a name
])
def test_a_name_the_dictation_corrects_is_read_as_corrected(opening, who):
    a = analyse(f"[Voice memo 24/02/2026 17:42 - auto transcript]\nRight so this is Dev, {opening}\n"
                "She is averaging 9 seconds a week against a team target of 14.\n")
    assert (a.employee_name, a.employee_role) == who


def test_a_name_written_surname_first_in_capitals_is_known_by_its_given_name_too():
    notes = ("PERFORMANCE CONVERSATION RECORD\nName: LINDQVIST Maja\nPost: Electoral Services Assistant\n"
             "Reviewer: Colin Pargeter, Electoral Services Manager\nDate of conversation: 21/05/2026\n"
             "212 property records were left unprocessed in March.\nMaja to use the double-keying checklist on each batch.\n")
    drafted = draft_plan(notes)
    assert "Maja" in drafted.analysis.employee_aliases
    task = next(r for r in drafted.plan.responsibilities if "double-keying" in r.action)
    assert task.owner == "employee"


@pytest.mark.parametrize("notes, who", [
    # a memo's 'Re:' line is its subject; the given name said again first in a sentence still names her
    ("MEMO\nTo: People Team\nFrom: Alan Moss, Head of Conservation\nDate: 3 March 2026\n"
     "Re: Capability meeting – Freya Lund, Bookbinder, Special Collections\n"
     "1. Background. This memo records the meeting held on 2 March 2026.\n"
     "2. Concerns. Freya returned 5 of 12 repairs after the agreed date.\n", ("Freya Lund", "Bookbinder")),
    ("MEMO\nTo: People Team\nFrom: Alan Moss, Head of Conservation\nDate: 3 March 2026\n"
     "Re: Capability meeting – Freya Lund, Bookbinder, Special Collections\n"
     "1. Background. This memo records the meeting held on 2 March 2026.\n"
     "2. Response. Ms Lund said the board press was out of use for a week.\n", ("Freya Lund", "Bookbinder")),
    # a team in brackets after a full name and job is no name
    ("Appraisal — Maarten de Vries, fire control operator (Red Watch)\nReviewer: Jo Hale · 2 May 2026\n"
     "- Calls answered within 10 s: 81% against 95%.\n", ("Maarten de Vries", "fire control operator")),
    # a room's name opening the title is a place; the one the bracket says the talk was with is the employee
    ("Bottling room 1:1 – 4 Mar 2026\n(Ruairi, with Orla Byrne, line lead on the cider line)\n"
     "- fill heights out on 6 runs in February\n", ("Orla Byrne", "line lead")),
    # initials written with dots
    ("1:1 – K.M. (farrier, forge) – 12 may 26 – notes DH\n- 3 shoes cast within a week in April\n", ("K.M.", "farrier")),
    # a first line all in lower case, name and all
    ("catch-up w/ tomas ruiz — boat builder — tue 3 feb 2026 — (me: fran)\n- 2 hulls failed the leak test\n",
     ("tomas ruiz", "boat builder")),
    ("review nell okafor (sous chef, line 2) thu 5 mar 2026 - bo\n- 4 tickets over 20 min on friday\n",
     ("nell okafor", "sous chef")),
])
def test_this_sessions_header_shapes(notes, who):
    a = analyse(notes)
    assert (a.employee_name, a.employee_role) == who


def test_a_named_person_before_a_team_in_brackets_stays_the_one_the_header_names():
    notes = "Check-in — porter (Sam Idowu) — 3 May 2026\n- 4 late starts in April.\n"
    assert (analyse(notes).employee_name, analyse(notes).employee_role) == ("Sam Idowu", "porter")


@pytest.mark.parametrize("notes, who", [
    # a Chinese form's field with the name in Latin letters and in characters, and '我，' before the manager's title and name
    ('#绩效面谈 #仓库 #2026-07-02\n员工：Li Wenjun 李文军，forklift driver（叉车）；谈话人：我，仓库主管 Tony Chan\n- 6 月有 4 次托盘没扫码就上架。\n',
     ('李文军', 'forklift driver')),
    # a Chinese field a job labels, its bracket a nickname
    ('复盘｜主播：周小雨（花名“小雨点”）｜面谈：运营经理 陈刚｜2026.9.1\n一、数据\n- 8月场均GMV 3.1万，目标5万。\n',
     ('周小雨', '主播')),
    # a chat message to the one it mentions, signed by the writer
    ("@Sam Lee quick recap of today's 1:1, shout if you want anything changed - Jo\n- 4 late deliveries in May, 2 of them to the hospital.\n",
     ('Sam Lee', None)),
    # a header line of its own below lines of small talk
    ('Hi all, apologies for the delay, the office wifi was down all morning.\nThanks to everyone who came to the leaving do on Friday!\nRight.\nReview notes: Tess Abara-Lowe, community midwife, met Mon 9 Nov 2026 — from Ruth Gale (Team Leader)\n- 4 of 12 postnatal visits in October recorded late on the system.\n',
     ('Tess Abara-Lowe', 'community midwife')),
    # the file a mail's notes are for, below its fields and greeting; the sender's surname in the subject is not hers
    ("Subject: Okafor / Brandt – mid-year 1:1, 30 June 2026\nTo: hr-science@univ.example\nHi Mel,\nNotes from today's mid-year below for Nadia's file (cryo-EM technician, Krios suite), as discussed.\n- 6 of 20 grids in May were loaded without the QC log filled in.\nThanks,\nBen\nDr Ben Brandt | Imaging Core Facility Manager\n",
     ('Nadia', 'cryo-EM technician')),
    # a mail to HR copied to the employee
    ("From: Carol Pike <carol.pike@example.org>\nTo: hr@example.org\nCc: Rowan Tully <r.tully@example.org>\nSubject: Conversation this morning\nHi HR,\nA summary of this morning's talk at the depot, copied to him so we both have the same record.\nRowan has been our relief gritter driver since October. He missed 3 of 10 call-outs in November.\nCarol\n",
     ('Rowan Tully', 'relief gritter driver')),
    # a file name with a review's short form
    ("PDR_Okoro_T_03-05-2026.docx\n(typed up from the site diary)\n- 3 x edge protection missing on level 2, found by the client's inspector – Tunde was chargehand\n- late on site 5 times in April\n",
     ('Okoro T.', None)),
    # a table's row a job labels, the job again after a comma
    ('# Quarry blast crew – performance review notes\n| Item | Detail |\n|---|---|\n| Site | Glen Brae quarry |\n| Shotfirer | Callum Reid, shotfirer |\n| Date | 17/07/2026 |\n## Issues\n- 3 of 8 blasts in June fired without the exclusion zone signed off.\n',
     ('Callum Reid', 'shotfirer')),
])
def test_more_of_this_sessions_header_shapes(notes, who):
    a = analyse(notes)
    assert (a.employee_name, a.employee_role) == who


def test_a_file_names_surname_and_initial_meet_the_given_name_the_notes_use_and_the_foot_names_who_signed_off():
    notes = ("PDR_Okoro_T_03-05-2026.docx\n(typed up from the site diary)\n"
             "- 3 x edge protection missing on level 2, found by the client's inspector – Tunde was chargehand\n"
             "- late on site 5 times in April\nAgreed:\n- Tunde to walk every lift before leaving site\n"
             "- BK: get the van rota changed so Tunde is picked up first\nTargets:\n- 0 inspection failures by July\n"
             "Signed off: B. Kerr (contracts manager)\n")
    a = analyse(notes)
    assert (a.employee_name, a.manager) == ("Tunde Okoro", "B. Kerr")


@pytest.mark.parametrize("notes, who", [
    # a one-to-one spelled out, after the name's possessive; the role as one of a trade the lexicon does not list
    ("voice memo 14 Oct 2026 Sue\nokay notes from Nathan Cole's one to one he's one of our bill posters on the north routes\n"
     "main thing is the photo proofs 23 sites last month had no proof photo uploaded\n", ("Nathan Cole", "bill poster")),
    # a nickname before the full name
    ("今天上午跟老刘刘建国谈了一下点卤的事情\n这个月返工的有4锅豆腐点老了发苦\n", ("刘建国", None)),
    # '1on1' straight after the name
    ("双十一前一天跟许沫 1on1（冬季新品 review 之前）\n她是新品组的新品研发专员\n冬季 3 款新品 sample 原定 10/20 交，实际 11/3 才交齐\n",
     ("许沫", "新品研发专员")),
    # the mail's HR reader in brackets, greeted, is not the employee
    ("From: Sabine Krüger\nTo: 周婷 (HRBP)\nSubject: 1:1 recap – 冯宇, SLM line\nHi 周婷,\n今天下午跟冯宇 (AM technician, SLM line) 做了 1:1.\n"
     "8 月 build failure 6 次, 其中 4 次在他的 shift.\n", ("冯宇", "AM technician")),
    # 'your work as …' in a mail to them; 'Name = job' in shorthand
    ("To: Noor Haddad <n.haddad@hats.example>\nFrom: Valerie Ashworth\nSubject: Following up\nHello,\nI want you to have in "
     "writing what we talked about regarding your work as a milliner in the workroom.\n4 of the 11 commissions went out late.\n",
     ("Noor Haddad", "milliner")),
    ("○ 1:1 Ray Dunmore, back office, 3pm\n– Ray = valuer on the counter, gold & watches, 4 yrs\n– 3 loans in Oct on fake watches\n",
     ("Ray Dunmore", "valuer")),
])
def test_header_shapes_of_session_38(notes, who):
    a = analyse(notes)
    assert (a.employee_name, a.employee_role) == who


@pytest.mark.parametrize("notes, who", [
    ("sarah k – store mgr – 1:1 with dana price (picker) 12 may\n\n- 3 mis-picks in April\n", ("Dana Price", "picker")),
    ("Notes from Tom Reilly's one to one. Tom's one of our fire marshals as well.\n3 late starts.\n", ("Tom Reilly", None)),
    ("周五跟新人 1on1\n上周拣错 3 单\n", (None, None)),
    ("goods in – tom reilly – 1:1 2 june\n\n- 3 mis-picks in April\n", (None, None)),  # a topic opens the line, not a name
    ("1:1 Ray Dunmore, 3pm\n– Ray = late 3 times\n", ("Ray Dunmore", None)),
    ("1:1 Ray Dunmore, 3pm\n– Ray = top seller in Q3 but 3 loans on fake watches\n", ("Ray Dunmore", None)),
    ("plan b – dough prep – tues\n- 3 nights in nov ran late on the dough\n", (None, None)),
    ("周五跟老板 1on1，聊了小许的情况\n上周拣错 3 单\n", (None, None)),
    ("周五跟拣货组 1on1\n上周拣错 3 单\n", (None, None)),
    # an employee who works in HR, named with her title in brackets
    ("跟小李（人事专员）谈了一下，她的考勤表上个月错了4处，工资晚发了2天。\n约定：每月25号前把考勤表交给我复核。\n", ("小李", "人事专员")),
])
def test_look_alikes_of_session_38s_header_shapes(notes, who):
    a = analyse(notes)
    assert (a.employee_name, a.employee_role) == who


def test_the_one_who_says_they_are_dictating_is_the_manager_and_their_title_no_ones_role():
    a = analyse("File note, this is Captain Olu Adeyemi, marine superintendent, dictating on the twenty-third of September.\n"
                "Review meeting with Rhys Morgan, master of the tug Kestrel, held in the harbour office this morning.\n"
                "Two late arrivals on station in August, fifteen and twenty-five minutes late.\n")
    assert (a.employee_name, a.manager) == ("Rhys Morgan", "Olu Adeyemi")
    assert a.employee_role != "marine superintendent"


@pytest.mark.parametrize("notes", [
    "A caller complained: this is Mrs Patel speaking, I have been on hold for 40 minutes.\nReview: Grace Obi, receptionist.\n",
    "This is Dee Wong, HR, dictating the outcome for the file.\nReview meeting with Rhys Morgan, deckhand.\n",
])
def test_someone_else_speaking_or_hr_dictating_is_not_the_manager(notes):
    assert analyse(notes).manager not in ("Patel", "Mrs Patel", "Dee Wong")


def test_a_recipients_address_holding_the_letters_hr_is_no_hr_reader():
    notes = "收件人：周婷 <christine.zhou@example.com>\n主题：面谈记录\n上个月拣错 5 单，超过标准。\n"
    assert analyse(notes).employee_name == "周婷"


@pytest.mark.parametrize("notes, who", [
    # a request opening a chat message is no name
    ("Ollie: Could you put Sam B. on bar tmrw\n\n1:1 notes - Sam T. (axe throwing coach) - Mon 2 Nov\n\nLate for 4 of his 12 "
     "shifts.\n", ("Sam T.", "axe throwing coach")),
    # a full name and a job opening the line below a title
    ("CARD 1/6 - who/when\nTrevor Moss, gilder (frames bench) - with me, Lou B. - Weds 4 Nov\n\n3 frames sent back in Oct.\n",
     ("Trevor Moss", "gilder")),
    # a note app's link to a person's page
    ("# Daily 2026-11-21\n## 1:1 [[Dana Ruiz|Dana]] (picker)\n- late 3 times in Nov\n", ("Dana Ruiz", "picker")),
])
def test_session_39s_header_shapes(notes, who):
    a = analyse(notes)
    assert (a.employee_name, a.employee_role) == who


@pytest.mark.parametrize("notes, who", [
    # the writer opening a line with their own name and job, then whom the notes are on
    ("Sent: Mon\nSam Okafor, assistant - notes on Dana Ruiz\nDana was late 3 times.\n", "Dana Ruiz"),
    ("Sent: Mon\nSam Okafor, branch manager - notes on Dana Ruiz\nDana was late 3 times.\n", "Dana Ruiz"),
    ("Can Demir, forklift driver - 1:1, 3 Nov\nCan had 2 near misses in October.\n", "Can Demir"),  # 'Can' is a name too
])
def test_look_alikes_of_session_39s_header_shapes(notes, who):
    assert analyse(notes).employee_name == who


def test_a_second_persons_name_is_no_role():
    a = analyse("h1. 1:1 - Tobias Lindqvist / Nadia Rahman - 2026-W44-2\n*Labels:* one-to-one\n"
                "As-built drawings waiting: 412 (was 260 in September).\n3 topology errors posted in October.\n"
                "(x) Tobias: run the topology checks before every post.\n(x) Nadia: email Gwen that requests go via Jira.\n")
    assert a.employee_name == "Tobias Lindqvist" and a.employee_role != "Nadia Rahman"


def test_the_fields_of_a_board_are_no_names():
    a = analyse("Board: Yard Ops - People | List: 1:1s - Done\nCard: Leon - 1:1 13 Nov\nMembers: Gosia Nowak, Leon Abara\n"
                "\nDescription\n11 trailers dropped at the wrong door in October.\n")
    assert a.employee_name not in ("People", "Done", "Description")


@pytest.mark.parametrize("notes, who", [
    ("Supervision record: Siobhán Ní Bhriain, senior spa therapist\nSupervisor: Carys Hughes - 3 November 2026\n"
     "Guest feedback averaged 4.1 in October.\n", "Siobhán Ní Bhriain"),  # an Irish particle inside the surname
    ("钉钉｜待办导出｜创建人：何静｜2026-09-28 17:30\n标题：和小雨1v1（美工）跟进事项\n9月主图被打回14张，一次通过率才56%。\n", "小雨"),
    ("标题：跟进事项（美工组）\n9月上新32个SKU，主图被运营打回14张。\n", None),  # '跟进' is to follow up, '标题' a label
])
def test_session_39s_names(notes, who):
    assert analyse(notes).employee_name == who


def test_a_recap_to_a_colleague_that_says_whom_the_talk_was_with_is_about_that_one():
    a = analyse("From: Register Office Admin <admin@example.gov.uk>\nTo: Helen Osei\nSent: 19 November 2026 16:42\n"
                "Subject: Performance conversation - Kidwell Street office\n\nDear Helen,\n\nHere is a note of the meeting I "
                "held this morning with Ravinder Sandhu, deputy registrar at the Kidwell Street office.\nSince September the "
                "check returned 7 of Ravinder's entries; he says the new forms confuse him.\nRavinder will do the refresher by 11 "
                "December.\n")
    assert (a.employee_name, a.employee_role) == ("Ravinder Sandhu", "deputy registrar")


def test_a_place_in_the_subject_is_no_employee():
    a = analyse("From: Amira Haddad\nTo: HR Advice Line\nDate: Thu 12 Nov 2026, 13:05\nSubject: Harrow - 1:1 this morning\n\n"
                "Hi,\n\nI met my dispenser at Harrow this morning.\nHis return rate is 28% for Aug-Oct; the company figure is "
                "15%.\nHe says the kit keeps crashing.\n")
    assert a.employee_name != "Harrow"


@pytest.mark.parametrize("notes, who", [
    ("From: Sam Okafor\nTo: Dana Ruiz\nSubject: our chat\n\nDear Dana,\n\nThanks for the chat with me and with Priya today.\n"
     "You were late 3 times in October and your pick rate was 80 an hour.\n", "Dana Ruiz"),  # written to her, about her
])
def test_look_alikes_of_session_39s_mail_headers(notes, who):
    assert analyse(notes).employee_name == who


@pytest.mark.parametrize("notes, who", [
    ("New voicemail from Dev Mistry, Mon 17:52\nTranscription:\n\nHi Sue it's Dev from street lighting, following up on what "
     "we said last week about Callum Reid, our street lighting electrician on the east patch, I had him in this afternoon.\n"
     "In October 31 of his 70 outages weren't fixed inside five working days.\n", ("Callum Reid", "street lighting electrician")),
    ("孟建军 16:05\n王姐，下午跟贾师傅（贾春生，男宾部搓澡师傅）谈了，要点发你。\n这个月客人投诉他三起。\n", ("贾春生", None)),
])
def test_session_39s_spoken_headers(notes, who):
    a = analyse(notes)
    assert (a.employee_name, a.employee_role) == who


@pytest.mark.parametrize("notes, who", [
    # the talk was with the employee the first line names; a colleague described later as one of ours is not them
    ("1:1 with Dana Ruiz, picker, 3 Nov.\nWe talked about Tom Reyes, our driver, who keeps dropping pallets late.\n"
     "Dana was late 3 times.\n", "Dana Ruiz"),
])
def test_look_alikes_of_session_39s_spoken_headers(notes, who):
    assert analyse(notes).employee_name == who


@pytest.mark.parametrize("notes, who", [
    ("catch up with Kev we went over his lates\n3 lates in Oct\n", "Kev"),  # a pronoun after a name, unpunctuated
    ("1:1 - Priya I - CSA - 3 Nov\n3 lates\n", "Priya"),
    ("Review notes 3 Nov\nSam Hughes, mentor (buddy scheme) - joined for the last 10 min\nDana was late 3 times.\n", None),
    ("Team meeting notes 3 Nov\nJoan Fell, customer - rang about the late delivery again\nDana was late 3 times.\n", None),
    ("From: Lou Baker\nSubject: Kerry - 1:1 notes\nDate: 3 Nov 2026\n\nHad the 1:1 with Kerry today. Apology received from "
     "Kerry for the missed shift.\nLate 4 times in October.\nLou\n", "Kerry"),  # 'from Kerry' is no place
    ("今天下午跟单晓峰做了季度面谈\n上月迟到3次\n", "单晓峰"),  # 单 is a surname
    ("今天跟班组长刘强做了月度面谈\n上月迟到3次\n", "刘强"),
    ("今天跟小刘（张强、李明也在场）谈了\n上月迟到3次\n", "小刘"),  # those present are not the one talked with: 小刘 is
    ("和Boss1v1，反馈了小周的问题\n小周上月迟到3次\n", None),
])
def test_look_alikes_from_session_39s_review(notes, who):
    assert analyse(notes).employee_name == who


def test_a_job_in_brackets_after_a_1v1_is_the_role():
    a = analyse("钉钉｜待办导出｜创建人：何静｜2026-09-28 17:30\n标题：和小雨1v1（美工）跟进事项\n9月主图被打回14张。\n")
    assert (a.employee_name, a.employee_role) == ("小雨", "美工")


@pytest.mark.parametrize("notes, who", [
    ("Weekly ops notes\n1:1 - Dana Ruiz (Harbour Foods) - complaint call\nHer order was late 3 times.\n", None),  # no job
    ("Notes\n1:1 notes - Priya Shah (picker) - Tue 3 Nov\nPriya mis-picked 12 lines in October.\n", "Priya Shah"),
])
def test_a_one_to_ones_title_line_below_other_lines(notes, who):
    assert analyse(notes).employee_name == who


def test_a_one_to_ones_title_line_below_gives_only_a_job_and_not_the_lead():
    assert analyse("Notes\n1:1 - Dana (rescheduled) - Tue 3 Nov\nDana was late 3 times.\n").employee_role != "rescheduled"
    assert analyse("Notes\n1:1 - Lou B. (ops manager) with Sam - Mon 2 Nov\nSam was late 3 times.\n").employee_name != "Lou B."


def test_a_reviewer_written_with_an_initial_is_the_manager_and_their_title_no_ones_role():
    a = analyse("PERFORMANCE REVIEW - NON-MEDICAL STAFF\nName: Daniel Achterberg\nDepartment & grade: Clinical Perfusion, Band 7\n"
                "Reviewer: M. Okoro, Chief Clinical Perfusionist\nDate of review: 09/11/2026\nACT not recorded on 3 cases.\n")
    assert (a.manager, a.employee_role) == ("M. Okoro", None)


@pytest.mark.parametrize("notes, who", [
    # a name and a job in capitals on the line below a title, then the one reviewing, labelled
    ("Company review – wk 9, Wed – studio 2\nLena Hart, First Artist · reviewer: Katya Orlova (ballet mistress)\n\n"
     "Late for company class 6 times since September.\n", ("Lena Hart", "First Artist")),
    # a form names the post, and no one: the title is no one's name
    ("EXAMINER PERFORMANCE DISCUSSION\nExaminer no.: 5120\nPost: Driving Examiner (DE2)\nDate of discussion: 03/11/2026\n\n"
     "9 tests started more than 5 minutes late in October.\n", (None, "Driving Examiner")),
    # the role said only in passing, as the only one of its trade
    ("Notes for the file, 2 Nov 2026 - Ana Ruiz\n\nSix valuations went out late in October.\nThe Saturday rota has had you "
     "as the only valuer while Bev does the counter.\n", ("Ana Ruiz", "valuer")),
])
def test_session_40s_header_shapes(notes, who):
    a = analyse(notes)
    assert (a.employee_name, a.employee_role) == who


@pytest.mark.parametrize("notes, who", [
    # another's title in capitals beside the line: the writer's own
    ("Team notes\nSam Okafor, Branch Manager · reviewer: HR\n\nDana Ruiz was late 3 times in October.\n", None),
    # someone acting, named by their job: not the employee's role
    ("Minutes, 9 June 2026 - Terry Bui - harbour bridge - M. Olsen\n- 4 lifts opened late in May; the harbour master "
     "logged a complaint on 21 May.\n- Agreed: T. checks the camera before every lift.\n", None),
])
def test_look_alikes_of_session_40s_header_shapes(notes, who):
    assert analyse(notes).employee_role == who


@pytest.mark.parametrize("phrase, title", [
    ("bookbinder", True), ("harbour master", True), ("valuer", True), ("scrum master", True), ("furniture polisher", True),
    ("Driving Examiner", True), ("the master copy", False), ("Ava Weaver", False), ("full of physios", False),
])
def test_trades_and_professions_are_titles_by_their_words(phrase, title):
    assert is_title(phrase) is title


@pytest.mark.parametrize("notes, who", [
    # a surname that is also a trade is a name, not a job
    ("1:1 - Chris Skipper / Dana Holt - 3 June\nChris has missed the Friday stock count twice this month.\n"
     "Agreed he will complete every Friday count by 4pm.\n", ("Chris Skipper", None)),
    ("Review notes — Amy Dancer, sales advisor — with me, Paul\nAmy missed 3 of 10 callbacks in May.\n",
     ("Amy Dancer", "sales advisor")),
    ("Notes - Imam Hussain, customer service - 2 April\nImam closed 4 tickets without a reply in March.\n",
     ("Imam Hussain", None)),  # (no job word: no role)
    # a participle that describes the employee: her own job, not another's
    ("Catch-up with Leah, an apprentice hired in January, about timekeeping.\nLeah has been late 6 times in the last month.\n",
     ("Leah", "apprentice")),
])
def test_trade_surnames_and_described_jobs_stay_the_employees(notes, who):
    a = analyse(notes)
    assert (a.employee_name, a.employee_role) == who


def test_a_customer_who_shares_the_surname_is_not_the_employee_in_full():
    a = analyse("Re: complaint from Anna Lund (customer) - meeting with Ms Lund, 4 June\n"
                "Ms Lund's bindings failed QC 8 times in May, including Anna Lund's wedding album.\n"
                "Agreed: she checks spine glue set time on every job. Target: 2 or fewer fails in June.\n")
    assert a.employee_name != "Anna Lund" and "Anna Lund" in a.employee_rivals


def test_a_name_taken_back_in_dictation_is_no_one_the_notes_name():
    from assistant.reader.header import candidates

    notes = ("Okay, dictating. This is Paula Greer, lift supervisor. Sat down today with Kieran — sorry, Kiernan, "
             "Kiernan Walsh, one of our ski-lift operators.\nKiernan left the chair line running unattended twice in "
             "January.\nKiernan to stay at the station for every loading.\n")
    names = {c.text for c in candidates(notes, None, None)}
    assert "Kieran" not in names and "Kiernan Walsh" in names


def test_a_full_name_is_never_offered_as_the_role():
    """The role model may like a name after 'with' that ends as a job word does ('-er'): a full name the notes also
    call by its first name alone is no role; a title in capitals is one."""
    from assistant import reader

    notes = ("Voice memo from Ines Vogel, head of production. Review was with Lotte, L-O-T-T-E, Lotte Brauer, one of "
             "the bottling crew. Dr Omar Haidari, Senior Embryologist, sat in.\nLotte missed the hourly fill check on 6 "
             "shifts.\nLotte to log every fill check.\n")
    offered = [text for text, _ in reader.bundled().role_choices(notes, None, None)]
    assert "Lotte Brauer" not in offered and "Senior Embryologist" in offered
    assert not reader.may_be_the_role(notes, "Lotte Brauer") and reader.may_be_the_role(notes, "Head Baker")


@pytest.mark.parametrize("notes", [
    "Chatted to Amir about the till on 3 May.\nAmir was £40 short twice in April.\n",
    "Went through the April numbers with Amir on 3 May.\nAmir was £40 short twice in April.\n",
])
def test_a_verb_opening_a_note_is_no_name(notes):
    assert analyse(notes).employee_name in (None, "Amir")


@pytest.mark.parametrize("notes, who", [
    # a job word run into a surname is no name ('费员' of '收费员'), nor a week's words ('两周内把…'), nor a heading
    ("海港运营有限公司东门收费站\n面谈结果告知书\n\n钱小慧同志（收费员，工号D0211）：\n\n2026年5月6日，站长庞立新与您面谈。\n"
     "一、4月长短款3次，规定每月不超过1次。\n二、请在两周内把长短款登记补齐。", ("钱小慧", "收费员")),
    ("【短信】刘经理，今天跟保洁组的唐红梅聊了聊，最近还行吧，就是住户说她拖地不干净。", ("唐红梅", "保洁")),
    ("6月2日 晚上 随手记（跟严晓丽谈话，收银员，二号店）\n今天人多。她5月长短款4次，标准是每月1次以内。", ("严晓丽", "收银员")),
    ("语音转文字 5月8日\n嗯，今天跟科目三教练彭国栋，就是彭师傅，聊了一下。\n他上个月学员投诉2起。", ("彭国栋", "科目三教练")),
])
def test_chinese_names_are_written_with_name_characters(notes, who):
    a = analyse(notes)
    assert (a.employee_name, a.employee_role) == who


def test_two_weekdays_are_no_manager():
    a = analyse("茶楼店长群 2026年5月8日\n何店长 10:02：今天跟小罗（罗佳怡，茶艺师）聊了一下，说几个问题\n"
                "何店长 10:03：上个月包间投诉3次，都是说上茶太慢\n何店长 10:05：包间高峰（周五周六晚上）我排小林去帮她")
    assert a.employee_name == "罗佳怡" and a.manager in (None, "何店长")


@pytest.mark.parametrize("notes, who", [
    ("== checkin_0412.txt ==\nmarta silva - night baker, mon-thu\nnotes: dev\n\nproof temps not logged on 6 nights.",
     ("marta silva", "night baker")),
    ("tomasz nowak - fri 3/4 - end of shift chat by the Big Dipper queue\n-- skipped the lap bar check twice",
     ("tomasz nowak", None)),
])
def test_a_lower_case_name_opening_a_line_below_a_file_name(notes, who):
    a = analyse(notes)
    assert (a.employee_name, a.employee_role) == who


@pytest.mark.parametrize("notes", [
    "last week - things were quiet\nnext steps - order the new labels",
    "Ops notes\nquick recap - 3 late trucks, the dock was blocked",
])
def test_lower_case_words_before_a_dash_are_no_name(notes):
    assert analyse(notes).employee_name is None


def test_a_latin_name_with_a_chinese_surname_and_a_job_in_brackets():
    a = analyse("企业微信 · 高强 与 Vivian (HRBP)\n高强: Vivian，今天跟 Jenny 吴 (销售代表，华南一区) 做了 review，要点如下\n"
                "高强: 1. Q3 拜访达成率 70%，要求 90%")
    assert (a.employee_name, a.employee_role) == ("Jenny", "销售代表")


def test_a_note_apps_front_matter_says_who_and_when():
    a = analyse("---\nwho: Ilse Brandt\nas: sous chef\nby: Marco Ruiz\non: 2026-03-04\nnext_review: 2026-05-02\n---\n\n"
                "### Concerns\nFridge temperatures not logged on 6 days in February.")
    assert (a.employee_name, a.employee_role, a.manager, a.interview_date) == (
        "Ilse Brandt", "sous chef", "Marco Ruiz", dt.date(2026, 3, 4))


def test_front_matter_listing_several_people_or_titled_names_no_one():
    a = analyse("---\ntitle: Kitchen 1:1s\npeople: [Ilse Brandt, Tom Hale]\n---\n\nFridge temperatures not logged on 6 days.")
    assert (a.employee_name, a.employee_role) == (None, None)


@pytest.mark.parametrize("notes, name", [
    ("跟王之琳聊了聊，她是收银员。\n上个月长短款4次。", "王之琳"),
    ("跟李德才谈话，仓管员。\n上个月盘点差异3次。", "李德才"),
    ("跟杨再兴做了绩效面谈（叉车司机）。\n3月超速4次。", "杨再兴"),
    ("跟客服部的王芳聊了聊，她是专员。\n投诉3单。", "王芳"),
])
def test_given_names_with_rare_characters_and_a_team_before_them_are_names(notes, name):
    assert analyse(notes).employee_name == name


@pytest.mark.parametrize("notes", ["3月12日 跟王组长一起跟李婷谈话\n李婷这个月迟到5次。",
                                   "3月12日 和店长一起跟李婷谈了一下\n李婷这个月迟到5次。",
                                   "3月12日 找王组长陪同，跟李婷面谈\n这个月迟到5次。"])
def test_a_talk_with_someone_after_another_who_came_along_is_with_the_second(notes):
    assert analyse(notes).employee_name == "李婷"


@pytest.mark.parametrize("topic", ["late starts - again", "stock count - 3 freezers", "holiday cover (xmas)",
                                   "food safety - temps", "summer hill - store"])
def test_a_lower_case_topic_opening_the_notes_is_no_name(topic):
    assert analyse(topic + "\nLate to shift 4 times in May.").employee_name is None


@pytest.mark.parametrize("notes, who", [
    ("跟林晓（刚休完产假）聊了聊\n上个月迟到4次。", ("林晓", None)),  # what she went through is no job
    ("跟林晓（试用期）聊了聊\n上个月迟到4次。", ("林晓", None)),
    ("12月3号 跟阿杰（验光）聊的，随手记\n上个月重配了8单。", ("阿杰", "验光")),  # a trade's word is
])
def test_a_bracket_after_the_name_of_a_talk_gives_a_job_only(notes, who):
    a = analyse(notes)
    assert (a.employee_name, a.employee_role) == who


@pytest.mark.parametrize("notes, name", [
    ("Notes from the floor\nDana had 4 near-misses in Feb.\nShe says the scanner froze.", "Dana"),
    ("Team chat\n[20:32] Sam: Dana had 4 near-misses in Feb.\n[20:33] Sam: She says the scanner froze.", "Dana"),
    ("随手记\n赵婷这个月迟到5次了\n客户投诉2起", "赵婷"),
    ("群聊记录（门店管理群）\n李明 20:32：赵婷这个月迟到5次了\n李明 20:33：客户投诉2起，都是收银差错", "赵婷"),
])
def test_with_no_header_the_one_person_a_line_opens_with_is_the_employee(notes, name):
    assert analyse(notes).employee_name == name


@pytest.mark.parametrize("notes", [
    "Notes\nThe scanner froze twice; Raj in stores says counts were off 3 times.",  # named only in passing
    "Notes\nDana had 4 near-misses in Feb.\nRaj says the forklift log was blank twice.",  # two people open lines
    "群聊记录\n李明 20:32：这个月迟到5次了\n李明 20:33：客户投诉2起",  # only the one who speaks
])
def test_with_no_header_no_one_is_guessed_among_several_or_from_a_passing_mention(notes):
    assert analyse(notes).employee_name is None


def test_a_transcripts_initials_stand_for_the_participants_written_out_above():
    a = analyse("Transcript - performance conversation - 27 January 2026\n"
                "Participants: Sunita Varma (Head of Product), Jonah Friedman (Product Owner, Payments squad)\n"
                "SV: Thanks for coming in. Let's start with the backlog.\n"
                "SV: The backlog wasn't refined ahead of planning in 5 of the last 6 sprints, you know that.\n"
                "JF: I know. I was stuck in stakeholder meetings.\n"
                "SV: Your refunds stories had no acceptance criteria, so you need to fix that.\n"
                "JF: Fair.\nSV: So you refine the top 10 items before every planning.\nJF: OK, I'll block Thursdays.\n")
    assert (a.employee_name, a.manager) == ("Jonah Friedman", "Sunita Varma")


@pytest.mark.parametrize("heading", ["Performance feedback - Tomás Ferreira, QA Engineer, Mobile Platform",
                                     "Quarterly review - Tomás Ferreira (QA Engineer)"])
def test_a_headings_words_before_a_dash_are_no_label(heading):
    a = analyse(heading + "\n**Date:** 27 October 2025\n- 7 sev-2 bugs escaped in release 5.8.")
    assert a.sentences[0].reading == "header" and a.employee_name == "Tomás Ferreira"


def test_with_no_header_the_one_person_copied_in_is_no_employee():
    a = analyse("From: Tom Hale\nCc: Priya Shah\nSubject: follow-up\nYou missed 4 walkaround checks in October.\n")
    assert a.employee_name is None


def test_a_mail_to_one_person_that_greets_no_one_and_speaks_to_you_is_to_the_employee():
    a = analyse("From: Hannah Strauss <h.strauss@northwire.example>\nTo: Tomasz Wojcik <t.wojcik@northwire.example>\n"
                "Date: Thu, 22 Oct 2026 17:40\nSubject: Following up on today's review\nHi,\n\n"
                "Thanks for making time this afternoon.\nOn the 3 P1s you handled in September, updates went out late.\n"
                "Your handover notes were blank on 9 of your 20 night shifts.\n")
    assert (a.employee_name, a.manager) == ("Tomasz Wojcik", "Hannah Strauss")


def test_the_reply_signed_below_notes_that_say_the_employees_own_words_follow_is_the_employees():
    a = analyse("From: Pieter Vos\nTo: Nadia Kaur (HR)\nSubject: RE: today's review\nHi Nadia,\n"
                "I did the review with our executive chauffeur this morning; his own comments are underneath.\n"
                "He was late for 4 pick-ups in October.\nThanks,\nPieter\n\n-----Original Message-----\n"
                "From: driver4@vosgroup.example\nAgree with most of it. Happy to do the checks.\nRegards,\nDesmond Achterberg\n")
    assert a.employee_name == "Desmond Achterberg"
    a = analyse("From: Pieter Vos\nTo: Nadia Kaur (HR)\nSubject: RE: today's review\nHi Nadia,\n"
                "I did the review with our executive chauffeur this morning.\nHe was late for 4 pick-ups in October.\n"
                "Regards,\nPieter Vos\n")
    assert a.employee_name is None  # (the writer's own sign-off, with nothing said to be below)


def test_a_headings_surname_first_in_capitals_names_the_employee():
    a = analyse("Support plan meeting – ADEYEMI, Ngozi (EO, Work Coach) – 30/06/2026\n"
                "Attendees: Karen Doyle (line manager), the jobholder\n22 of 140 claimant reviews were late in May.\n")
    assert a.employee_name == "Ngozi ADEYEMI"


@pytest.mark.parametrize("notes, name", [
    ("【语音转文字】2026年11月3号 跟刘社工做的督导谈话 嗯 先说一下\n她手上28个个案有11个超过一个月没更新记录。", "刘社工"),
    ("11.3 跟王护士谈了一下\n她上个月给药记录漏签6次。", "王护士"),
])
def test_a_colleague_called_by_surname_and_title_is_a_name(notes, name):
    assert analyse(notes).employee_name == name


@pytest.mark.parametrize("file, name", [("PIP_draft_McDonald_Sinead_v2.docx", "Sinead McDonald"),  # as the notes call her
                                        ("PIP_draft_Sinead_v2.docx", "Sinead")])
def test_a_file_name_the_form_points_to_gives_the_name(file, name):
    a = analyse(file + "\nEmployee name: see file name\nJob title: Senior Associate\nLine manager: R. Hughes\n"
                "Date of meeting: 05/05/2026\n\n1.1 Three elections missed the deadline in Q1.\n1.2 Sinead says the calendar was wrong.\n")
    assert a.employee_name == name


@pytest.mark.parametrize("notes", [
    "Team chat\n[09:12] Sam: Priya said the driver missed 3 drops this week\n[09:13] Sam: and he was late back twice\n",
    "Notes 2 Dec\nMaria said she can't cover Saturdays any more.\nThe new starter was late 5 times in November.\n",
    "Notes\nChester had 4 late trailers in November.\nThe shunter says the yard was full on 3 nights.\n",  # a depot
    "群聊记录\n李明 20:32：王师傅说叉车又坏了\n李明 20:33：这个月迟到5次了\n",
    "随手记 12/2\n这个月迟到5次，客户投诉2起。\n王芳帮他顶了两次班。\n他说家里老人住院。\n",
    "From: Tom Hale\nTo: Karen Doyle\nSubject: today\nHi,\n\nThanks for sitting in today.\n"
    "Dana was late 6 times in November; she says the bus changed.\nCould you send me the clocking data?\nTom\n",
    "Support plan meeting – Manager: OKAFOR, Sam – 30/06/2026\n22 of 140 claimant reviews were late in May.\n",
])
def test_look_alikes_of_the_sole_person_and_mail_rules_name_no_employee(notes):
    assert analyse(notes).employee_name in (None, "Dana")  # (Dana only where the notes speak of her)
    assert analyse(notes).employee_name not in ("Priya", "Maria", "Chester", "王师傅", "王芳帮", "Karen Doyle", "Sam OKAFOR")


@pytest.mark.parametrize("notes, name", [
    ("12月2日 今天跟新来的王芳谈了一下\n她这个月迟到5次。", "王芳"),
    ("12月2日 跟仓库的李强谈了谈\n他这个月盘点差异3次。", "李强"),
    ("12月2日 跟前台的小刘聊了一下\n她这个月迟到5次。", "小刘"),
])
def test_someone_from_a_place_or_new_before_de_is_still_named(notes, name):
    assert analyse(notes).employee_name == name


def test_the_one_who_came_along_by_surname_and_title_is_no_role():
    a = analyse("12月2日 跟王护士长一起跟小陈谈话\n小陈上个月给药记录漏签6次。\n她说交班太赶。\n")
    assert (a.employee_name, a.employee_role) == ("小陈", None)


def test_a_job_that_opens_with_a_word_of_meeting_is_still_a_job():
    a = analyse("Subject: 今天 review 的 summary（跟单员季度面谈）\nDate: 2026-12-01\n\nHi Sunny,\n今天聊得挺好, 我把要点整理一下.\n"
                "1. Q3 有 3 个订单 ETD 没赶上.\n你说工厂那边经常临时改交期.\n")
    assert a.employee_role == "跟单员"


def test_a_chinese_list_of_those_present_labelled_canyu_names_the_one_not_writing():
    a = analyse("门店复盘 2026-04-15\n参与：店长王芳、收银员李婷｜记录人：王芳\n李婷这个月长短款4次。")
    assert (a.employee_name, a.manager) == ("李婷", "王芳")


_PICKS = "\nSam missed 4 of 12 pick deadlines in October.\nTarget: pick deadlines met 100% by 31 Dec."


@pytest.mark.parametrize("notes, name, role", [
    ("Gaz – 1:1 notes – Fri 13 Nov 2026 – Dean\n(Gareth Pryce on payroll; lead installer, loft & cavity wall team)\n"
     "- 8 of 21 jobs in Oct submitted without the signed declaration.\nTarget: 0 unsigned jobs by 31 Dec.", "Gaz", "lead installer"),
    ("Sam – check-in – 3 Nov 2026\n(warehouse operative, nights; started March)" + _PICKS, "Sam", "warehouse operative"),
])
def test_the_job_in_a_bracketed_line_under_the_heading_is_the_employees(notes, name, role):
    plan = draft_plan(notes).plan
    assert (plan.employee.name, plan.employee.role) == (name, role)


@pytest.mark.parametrize("below", ["(with Sam Lee, shift lead)", "(Sam Lee, shift lead)", "(Priya Shah, HR, sitting in)",
                                   "(notes typed up after the meeting)"])
def test_a_bracketed_line_of_someone_else_or_no_job_gives_no_role(below):
    plan = draft_plan(f"Jo Park – check-in – 3 Nov 2026\n{below}" + _PICKS.replace("Sam", "Jo")).plan
    assert (plan.employee.name, plan.employee.role) == ("Jo Park", None)


_FINDINGS = "\n- 6 of 20 pallets wrapped loose in May.\nTarget: no loose pallets by 30 June."


@pytest.mark.parametrize("notes, name, role", [
    ("WhatsApp Chat with Priya Shah\n[12/06/2026, 17:02] Tom: Priya, quick write-up of the review I just did with Fliss "
     "(Felicity Umeh, forklift driver in the cold store) before I forget" + _FINDINGS + "\n[12/06/2026, 17:05] Priya: thanks",
     "Felicity Umeh", "forklift driver"),
    ("From: ops@example.org\nTo: hr@example.org\nSubject: Review – Ilse Brandt, crane operator – 03/06/26 (Gary Holt)\n\n"
     "Hi team, notes below." + _FINDINGS, "Ilse Brandt", "crane operator"),
    ("1:1 KMB — wed 3/6/26 — yard shunter" + _FINDINGS + "\n\n(KMB = Kofi Mensah-Boateng, started April)",
     "Kofi Mensah-Boateng", "yard shunter"),
    ("Review notes – shunter, nights – 3 June 2026\n" + _FINDINGS + "\n— Gary Holt, yard manager\nRead and agreed – Ilse Brandt 3/6/26",
     "Ilse Brandt", None),
])
def test_the_employee_named_by_what_a_message_a_subject_a_gloss_or_a_signature_says(notes, name, role):
    analysis = analyse(notes)
    assert analysis.employee_name == name
    if role:
        assert analysis.employee_role == role


@pytest.mark.parametrize("notes", [
    "1:1 QA — wed 3/6/26" + _FINDINGS + "\n(QA = Quality Assurance, Gary Holt)",
    "WhatsApp Chat with Priya Shah\n[12/06/2026, 17:02] Tom: Priya, the review meeting we had with finance went fine" + _FINDINGS,
])
def test_look_alikes_of_a_gloss_or_a_message_name_no_one_from_them(notes):
    assert analyse(notes).employee_name not in ("Quality Assurance", "Gary Holt", "Finance")


@pytest.mark.parametrize("below", ["(HR: Priya Shah, people partner)", "(notes taken by Priya Shah, team leader)",
                                   "(covering for Dana Ruiz, dispatch supervisor, who is on leave)"])
def test_a_bracketed_line_about_another_person_gives_the_employee_no_role(below):
    plan = draft_plan(f"Kez – 1:1 notes – 3 Nov 2026\n{below}\nKez missed 4 of 12 pick deadlines in October.\n"
                      "Target: all pick deadlines met by 31 Dec.").plan
    assert plan.employee.role is None


@pytest.mark.parametrize("notes, not_employee", [
    ("Hi Tom,\nAfter the review I had with Dana (Dana Ruiz, shift manager) this morning, here is what we agreed for you.\n"
     "You were late 4 times in May.\nTarget: no late starts in June.", "Dana Ruiz"),
    ("1:1 — 17/3/26 — BL\nKasia missed 4 of 10 stock counts in February.\nTarget: all counts done in March.\n"
     "(BL = Ben Lowe, shift supervisor)", "Ben Lowe"),
])
def test_one_who_leads_others_named_by_a_message_or_a_gloss_is_not_the_employee(notes, not_employee):
    assert analyse(notes).employee_name != not_employee


def test_a_chinese_interview_whose_questions_ask_the_employee_keeps_their_answers_theirs():
    a = analyse("面谈记录 2026-03-05 仓管员 王小张\n问：这个月交接单有4张没签字，怎么回事？\n答：交了的，是小张他没签字。\n"
                "问：以后怎么办？\n答：以后当面交给他，让他签字。\n问：目标呢？\n答：4月底前没签字的交接单为0。")
    kinds = [(s.kind, s.owner) for s in a.sentences if s.text.startswith("答：以后")]
    assert kinds == [("action", "employee")], [(s.kind, s.owner, s.text) for s in a.sentences]


@pytest.mark.parametrize("phrase", ["酒吧服务员", "酒吧经理", "网吧管理员"])
def test_a_job_with_a_character_of_a_clause_is_still_a_job(phrase):
    assert is_role(phrase)


@pytest.mark.parametrize("notes, name, role", [
    ("## Bookings\n- 8pm party room 6\n- order mic batteries\n\n## 1:1 [[Marco]] (shift sup)\n- 3 late starts in November",
     "Marco", "shift sup"),
    ("Daily note 3 Nov\n## Stock\n- 2 kegs short\n\n## Check-in with Priya Nair (barista)\n- 4 late starts in October",
     "Priya Nair", "barista"),
])
def test_a_meeting_heading_below_other_parts_of_a_days_page_gives_the_header(notes, name, role):
    a = analyse(notes)
    assert (a.employee_name, a.employee_role) == (name, role)


def test_a_heading_below_that_is_no_meeting_with_someone_gives_no_role():
    a = analyse("## Bookings\n- 8pm party\n\n## Review of the rota (Dana Ruiz)\n- 3 late starts in Nov by Sam")
    assert a.employee_role is None


def test_a_dictation_that_spells_the_name_out_and_says_who_the_review_was_with():
    a = analyse("This is Thomas Brunner, caves manager, dictating notes from the review.\nToday is Wednesday, the thirteenth.\n"
                "Review was with Margit — sorry, Margrit, M-A-R-G-R-I-T, Margrit Aebischer, one of our cave affineurs, cave two.\n"
                "She missed 41 turns in April.")
    assert (a.employee_name, a.employee_role, a.manager) == ("Margrit Aebischer", "cave affineur", "Thomas Brunner")


@pytest.mark.parametrize("opening", ["The meeting was with", "Review was with", "The 1:1 was with"])
def test_the_one_a_dictated_review_was_with_is_the_employee(opening):
    a = analyse(f"This is Thomas Brunner, caves manager.\nToday is Wednesday, the thirteenth.\n{opening} Margrit Aebischer.\n"
                "She missed 41 turns in April.")
    assert (a.employee_name, a.manager) == ("Margrit Aebischer", "Thomas Brunner")


def test_a_name_said_again_with_its_surname_is_one_name():
    a = analyse("This is Thomas Brunner, caves manager.\nToday is Wednesday.\nReview was with Margrit, Margrit Aebischer.\n"
                "She missed 41 turns in April.")
    assert a.employee_name == "Margrit Aebischer"


def test_a_field_labelled_with_the_job_the_heading_names_is_the_employees():
    a = analyse("Field interviewer check-in — Area 14 (Riverside wards)\nInterviewer: Tomás Brennan | Field supervisor: Anjali Rao\n"
                "61 of 140 addresses resolved so far (44%), the area average is 58%.\nTarget: 75% resolved by 6 Nov 2026.")
    assert (a.employee_name, a.manager) == ("Tomás Brennan", "Anjali Rao")


def test_an_interviewer_field_beside_the_employees_stays_the_managers():
    a = analyse("Care assistant review\nInterviewer: Tomás Brennan | Employee: Anjali Rao\n3 late starts in October.\n"
                "Target: no late starts by 30 Nov.")
    assert (a.employee_name, a.manager) == ("Anjali Rao", "Tomás Brennan")


_FORM_AT_FOOT = ("SUPPORT STAFF REVIEW RECORD\nSection C — Agreed actions:\n1. L.Q. to hand incident slips to the office by 1.30pm on the day.\n"
                 "2. D.A. to observe the lunch queue once a fortnight until Christmas.\nSection E — Targets:\n"
                 "100% of incident slips in on the day by 18/12/2026.\nSection A — Concerns raised:\n"
                 "- 4 playground incident slips handed in 2–3 days late in October.\n"
                 "Signed (reviewer): D. Achterberg, Deputy Head    Signed (staff member): ____\n"
                 "Date of meeting (dd/mm): 12/11    Year: 2026\n"
                 "Name of staff member: Lorraine Quigley    Post: Midday supervisor (KS1 playground)")


def test_a_form_filled_in_out_of_order_gives_its_people_at_the_foot():
    a = analyse(_FORM_AT_FOOT)
    assert (a.employee_name, a.employee_role, a.manager) == ("Lorraine Quigley", "Midday supervisor", "D. Achterberg")


def test_initials_with_dots_are_the_person_they_stand_for():
    plan = draft_plan(_FORM_AT_FOOT).plan
    owners = {r.action.split()[0]: r.owner for r in plan.responsibilities}
    assert owners == {"Hand": "employee", "Observe": "manager"}, [(r.owner, r.action) for r in plan.responsibilities]


@pytest.mark.parametrize("notes, name, role, manager", [
    ("跟 Vivian（IELTS 口语老师）简单 catch up 了一下\n她说最近学生挺多，周末有点累\n这个月迟到3次。", "Vivian", "口语老师", None),
    ("Livehouse「回声」show 复盘 + 1on1\nshow：2026/11/21 Sat ｜ 1on1：2026/11/22 Sun 下午 ｜ 阿May（舞台监督 Stage Manager）｜ "
     "by 我 Dennis（Venue Manager）\n\n19:00 doors → 实际 19:25 才开门", "阿May", "舞台监督", "Dennis"),
])
def test_mixed_headers_a_common_word_is_no_name_and_a_familiar_ah_name_is_one(notes, name, role, manager):
    a = analyse(notes)
    assert (a.employee_name, a.employee_role, a.manager) == (name, role, manager)


def test_the_boss_a_chat_reports_to_is_not_the_employee():
    notes = ("2026-11-12 18:31 阿杰：周总，今天下午跟小武（维修师傅）谈了一下，跟你汇报下\n2026-11-12 18:32 阿杰：这个月返修有7台，都是他修的\n"
             "2026-11-12 18:35 周总：他怎么说\n2026-11-12 18:36 阿杰：他说配件老缺\n2026-11-12 18:41 阿杰：周总你那边能不能再招个学徒？\n"
             "2026-11-12 18:44 周总：行，我让人事这周发招聘\n2026-11-12 18:45 阿杰：目标：下个月返修不超过2台")
    assert analyse(notes).employee_name == "小武"


@pytest.mark.parametrize("phrase, title", [("Midday supervisor", True), ("Jo Smith manager", False)])
def test_a_title_in_sentence_case_is_a_title_and_a_name_before_a_job_word_is_not(phrase, title):
    assert is_title(phrase) is title


def test_a_trade_field_is_the_role_over_the_label_of_the_name_field():
    a = analyse("RIDGEWAY ROOFING LTD                ONE-TO-ONE SHEET\nOperative: Liam Tolland     Trade: roofer (slate & tile)     "
                "Supervisor: Paddy Greer     Date: 1 Oct 2026\nHarness not clipped to the eaves line on plot 12, twice.\n"
                "Target: harness clipped on every lift by 31 Oct.")
    assert (a.employee_name, a.employee_role, a.manager) == ("Liam Tolland", "roofer", "Paddy Greer")


@pytest.mark.parametrize("heading, name, manager", [
    ("Recording: 1:1 — LINDQVIST Hanna / OKAFOR Joseph — Tuesday 10 November 2026 — Teams", "Hanna Lindqvist", "Joseph Okafor"),
    ("1:1 — LINDQVIST Hanna — 10 November 2026", "Hanna Lindqvist", None),
])
def test_a_surname_in_capitals_before_the_given_name_is_one_name(heading, name, manager):
    a = analyse(f"{heading}\nShe had 46 clinic letters older than two weeks.\nTarget: no letter older than 10 days by 31 Dec.")
    assert (a.employee_name, a.manager) == (name, manager)


def test_capitals_before_a_name_that_are_no_surname_stay_as_they_are():
    a = analyse("NOTES Friday — Dana Ruiz (picker)\nShe had 4 mispicks in October.\nTarget: no mispicks by 31 Dec.")
    assert (a.employee_name, a.employee_role) == ("Dana Ruiz", "picker")


def test_a_bar_header_with_a_name_in_two_scripts_and_the_job_with_its_grade_beside_it():
    a = analyse("AGV 维保 1on1 ｜ Jack(李杰)｜AGV维保技术员 T3｜w/ 我 + HRBP｜2026-11-26\n\n问题：\n- PM 逾期：11月 PM 计划 40 台，done 28\n"
                "目标：12月 PM 逾期 0 台")
    assert a.employee_name in ("Jack", "李杰", "Jack(李杰)") and a.employee_role and "AGV维保技术员" in a.employee_role


@pytest.mark.parametrize("notes, name", [("1:1 高兴（导播）11月3日\n这个月直播事故3次。\n目标：12月事故0次。", "高兴"),
                                         ("跟 Vivian（口语老师）简单 聊了一下\n这个月迟到3次。", "Vivian")])
def test_a_name_that_is_also_a_word_is_still_a_name_where_it_is_the_only_one(notes, name):
    assert analyse(notes).employee_name == name


def test_a_lead_hedge_layer_is_a_job():
    assert is_role("hedge layer") and is_role("lead hedge layer")


@pytest.mark.parametrize("notes, who", [
    ("Name: Ellie Moss | Role: Night Supervisor | Supervisor: Mark Owen (Site Manager)\nShe missed 3 handovers in October.\n"
     "Target: no missed handovers by 31 Dec.", ("Ellie Moss", "Mark Owen")),
    ("Name: Omar Farouk\nJob title: Claims Assessor | Assessor: Lynn Price\nHe closed 4 claims late in October.\n"
     "Target: no late claims by 31 Dec.", ("Omar Farouk", "Lynn Price")),
])
def test_a_manager_field_labelled_like_the_employees_job_stays_the_managers(notes, who):
    a = analyse(notes)
    assert (a.employee_name, a.manager) == who


@pytest.mark.parametrize("heading", ["## Stock review", "## Rota review", "## Appraisal prep", "## Supervision - Daily"])
def test_a_days_heading_that_names_no_one_gives_no_employee(heading):
    a = analyse(f"Tue 17 Nov 2026\n{heading}\n- Waste on the veg section up to 9%, target 5%.\n## Notes\n- Ordering through the pass.")
    assert a.employee_name is None or a.employee_name.split()[0] not in heading


def test_a_days_page_signed_by_its_writer_over_a_meeting_heading():
    a = analyse("Daily note 2 Dec 2026 - Kev Moran\n## Deliveries\n- Dairy late again\n## 1:1 [[Lena Fox]] (bar sup)\n"
                "- Lena left the cellar unlocked twice.\n- Lena to lock and sign the cellar sheet at close.\n"
                "- Target: zero unlocked nights by 31 January.")
    assert (a.employee_name, a.employee_role, a.manager) == ("Lena Fox", "bar sup", "Kev Moran")


@pytest.mark.parametrize("line", ["PO to be raised by finance for her Excel course.",
                                  "Be there at 7 to clear the bay before the first lorry."])
def test_a_word_that_spells_someones_initials_is_no_one(line):
    a = analyse(f"1:1 Priya Osei (office coordinator) with Beth Evans, 2 Dec 2026\nPriya missed 3 invoice runs in November.\n"
                f"{line}\nTarget: no missed runs by 31 Jan 2027.")
    assert not {"PO", "BE"} & {alias.upper() for alias in (*a.employee_aliases, *a.manager_aliases)}
    assert all(s.actor is None or s.actor.owner != "employee" for s in a.sentences if s.text == line)


@pytest.mark.parametrize("notes, name", [
    ("Thu 12 Nov 2026\n## Deliveries\n- Dairy late again\n## 1:1 [[Priya]] (night sup)\n- Priya left the cellar unlocked twice.\n"
     "- Target: zero unlocked nights by 31 January.", "Priya"),
    ("Thu 12 Nov 2026\n3 late starts by Priya in October.", None),
    ("1:1 Sun Li (cashier) Sun 3/5\nShe had 3 till shortages in April.", "Sun Li"),
])
def test_a_weekdays_short_name_before_its_date_is_no_ones_name(notes, name):
    assert analyse(notes).employee_name == name


_BODY = "\nLewis missed 4 of 10 fire rounds in February against a standard of all rounds done.\nTarget: every fire round done by 30 April."


@pytest.mark.parametrize("head, name, role", [
    # a possessive after a name ending in s, and a job said bare after "he's"
    ("Right, this is Pat, notes on Lewis Evans' review, he's night porter at the hotel, today's Monday 2 March.",
     "Lewis Evans", "night porter"),
    ("OK so this is Kim, notes on Agnes Morris' review, she's line 2 packer in the dairy, Tuesday 3 March 2026.",
     "Agnes Morris", "line 2 packer"),
    # a chat message that opens with an @-mention below the chat's day and its sender's stamp
    ("—— 2026年3月2日 周一 ——\nPat 21:14\n@Lewis Evans 今天 review 的纪要发你\n你 2 月漏了 4 次 fire round。", "Lewis Evans", None),
    # a form's table row of two fields, one the forms do not know ('工号')
    ("前厅部 月度面谈表\n| 姓名 | 刘小琴 | 工号 | FO-0032 |\n| 岗位 | 夜班行李员 | 面谈人 | 前厅经理 周建国 |\n| 日期 | 2026-03-02 | 地点 | 办公室 |",
     "刘小琴", "夜班行李员"),
    # two leads listed: the one the notes go on to speak of
    ("包装车间 面谈\n参加：谭志明（生产主管）、何丽娟（包装二线班长）\n1. 二线错装14起。\n2. 何丽娟说临时工培训来不及。", "何丽娟", "包装二线班长"),
])
def test_names_and_jobs_in_header_layouts_of_session_46(head, name, role):
    a = analyse(head + _BODY)
    assert (a.employee_name, a.employee_role) == (name, role)


@pytest.mark.parametrize("notes", [
    "Writing this up Tuesday morning, the review was yesterday.\nMissed 4 of 10 fire rounds in February.",
    "Typing these up after the shift.\nMissed 4 of 10 fire rounds in February.",
])
def test_a_gerund_opening_the_notes_is_no_one(notes):
    assert analyse(notes).employee_name is None



@pytest.mark.parametrize("notes, name, role", [
    ("机舱谈话记录 2026年11月2日\n谈话对象：黄海生（二轨）\n老轨：海生，说说这一航次。\n海生：日志我记在烟盒上了。", "黄海生", "二轨"),
    ("仓库面谈 2026年11月2日\n面谈对象：王建生（叉车司机）\n主管：建生，十月漏扫九次。", "王建生", "叉车司机"),
])
def test_a_name_ending_as_a_job_word_does_is_a_name_and_the_bracket_after_it_in_a_field_is_the_job(notes, name, role):
    a = analyse(notes)
    assert (a.employee_name, a.employee_role) == (name, role)


@pytest.mark.parametrize("word", ["实习生", "管培生", "见习生", "收银员", "技术员"])
def test_jobs_ending_in_one_job_character_are_still_jobs(word):
    assert is_role(word)


@pytest.mark.parametrize("head, name, role", [
    ("1:1 with La'Toya Grant, receptionist, 2 Nov 2026", "La'Toya Grant", "receptionist"),
    ("Review – Mi'Kayla Brooks (dental nurse), 2 Nov 2026", "Mi'Kayla Brooks", "dental nurse"),
    ("Review — Sam Reid (ADHD, disclosed March)", "Sam Reid", None),
    ("Review – Mark Hill (UK, remote)", "Mark Hill", None),
    ("Review — Priya Das (WFH, Fridays)", "Priya Das", None),
    ("Review with Joe Kemp, 2 Nov 2026\nHe's union rep for the depot.", "Joe Kemp", None),
    ("Review with Kate Moss, 2 Nov 2026\nShe's lead on the audit prep this month.", "Kate Moss", None),
    ("Review with Kate Moss, 2 Nov 2026\nShe's top seller in the region this quarter.", "Kate Moss", None),
])
def test_look_alikes_of_session_46s_header_layouts(head, name, role):
    a = analyse(head + _BODY)
    assert (a.employee_name, a.employee_role) == (name, role)


@pytest.mark.parametrize("message", ["@Tom 你帮我看看小李今天的面谈记录，你觉得有没有要补充的？",
                                     "@Jordan can you check my notes on Marco Silva before I send them? you were there too"])
def test_an_at_mention_of_a_colleague_asked_about_someone_elses_notes_is_not_the_employee(message):
    a = analyse(f"—— 2026年10月20日 周二 ——\nCathy 21:14\n{message}\n本月迟到5次。")
    assert a.employee_name not in ("Tom", "Jordan")


def test_a_transcript_of_two_numbered_speakers_reads_the_one_greeted_as_the_employee():
    """An export's 'Speaker 1 00:00 …': the speaker who greets the other by name and speaks of 'your review' holds the
    meeting; the other speaker's lines are the employee's."""
    notes = ("Transcript export – Kitchen 1:1 – 4 May 2026\n"
             "Speaker 1 00:00 Thanks for coming in, Tomasz, sit down.\nSpeaker 2 00:03 Cheers.\n"
             "Speaker 1 00:05 So this is your three-month review as our pastry chef.\n"
             "Speaker 1 00:12 Eight batches of croissant dough were binned in April.\n"
             "Speaker 2 00:20 The proving cabinet runs hot, I've said it twice.\n"
             "Speaker 2 00:31 I'll log the cabinet temperature every morning.\n"
             "Speaker 1 00:40 I'll get the engineer in this week.\n")
    a = analyse(notes)
    assert a.employee_name == "Tomasz"
    assert next(s for s in a.sentences if s.body.startswith("The proving")).kind == "account"
    owners = {s.body[:12]: s.owner for s in a.sentences if s.kind == "action"}
    assert (owners.get("I'll log the"), owners.get("I'll get the")) == ("employee", "manager")


@pytest.mark.parametrize("notes, employee, manager", [
    # a key line that tags the writer and HR sitting in: HR is no employee
    ("Dean Price - stage 1 review. Liam Moss chairing, Gail Hunt sitting in for HR.\nLM = me, GH = HR adviser\n"
     "Dean missed 5 of 12 delivery slots in October.\n", "Dean Price", None),
    # a bracketed key keeps its tags: the full name on the copy line is HR's
    ("1:1 with Ray, 9 Sept (DK = me, RS = pipe fitter) - copy to Rachel Simms, HR\nRS: the jig was out.\n"
     "DK: 3 of 5 weld tests failed.\nRS: I'll redo the jig check.\n", "RS", "DK"),
    # what a Chinese line says was written up is no writer's name
    ("面谈记录 张伟（仓库拣货员）2026年5月3日\n以下为录音整理：\n4月拣货差错12次。\n", "张伟", None),
])
def test_review_look_alikes_of_keys_and_writers_name_no_one_wrongly(notes, employee, manager):
    a = analyse(notes)
    assert (a.employee_name, a.manager) == (employee, manager)


@pytest.mark.parametrize("field, name", [("员工：Kevin（夜班组长）", "Kevin"), ("员工：Amy（实习）", "Amy")])
def test_a_job_in_brackets_after_an_english_name_is_no_chinese_name(field, name):
    a = analyse(field + "\n面谈人：刘敏\n\n5月交接记录漏了6次。\n")
    assert a.employee_name == name


@pytest.mark.parametrize("notes, employee, manager", [
    # a system's notice: 'your review with' a Latin name and its Chinese name, then the interviewer's field
    ("【提醒】您与 Sunny 林晓雯 的季度面谈已结束，面谈人：Jack Wu。请三天内提交记录。\n\n- 3月巡检漏签6次\n", "林晓雯", "Jack Wu"),
    # a heading's bracket names a titled lead 'and' the employee
    ("谈话记录（陈科长与孟凡，2026年3月2日）\n\n问：这次谈什么？\n答：3月盘点差错9次。\n", "孟凡", None),
])
def test_a_chinese_heading_names_the_one_the_review_was_with(notes, employee, manager):
    a = analyse(notes)
    assert a.employee_name == employee
    if manager:
        assert a.manager == manager


def test_a_chat_exports_titled_speakers_are_not_the_employee_its_message_names():
    notes = ("黄建（店长） 09:12：上午跟严小龙做了绩效面谈，情况跟大家同步一下。\n"
             "黄建（店长） 09:13：3月出餐超时20单，差评里有5条说等太久。\n"
             "周师傅（面点师） 09:20：炉子出菜慢确实是我们后厨的问题。\n")
    a = analyse(notes)
    assert (a.employee_name, a.manager) == ("严小龙", "黄建")


def test_a_barred_heading_reads_a_chinese_name_with_its_latin_one_and_a_job_of_two_languages():
    a = analyse("月度 review｜林子涵 Ivy（理疗师 / physio, 二院）｜Grace Ho｜2026-04-02\n\n- 3月评估报告有4份超过48小时才交。\n")
    assert "林子涵" in a.employee_name and a.employee_role == "理疗师" and a.manager == "Grace Ho"


def test_a_calendar_invites_organizer_holds_the_meeting_and_the_other_attendee_is_the_employee():
    notes = ("Meeting: Probation review\nWhen: Tuesday, 9 June 2026 14:00-14:30\nOrganizer: Petra Vance\n"
             "Attendees: Olu Bankole; Petra Vance\n\nOlu missed 4 of 10 stock counts in May.\n")
    a = analyse(notes)
    assert (a.employee_name, a.manager) == ("Olu Bankole", "Petra Vance")
    assert a.employee_role != "Organizer"


def test_a_reviewing_officers_field_names_the_manager_not_the_employee():
    a = analyse("Ticket Inspector (Band 3) — OSEI, Ruth\nReviewing officer: P. Lindqvist (Duty Manager)\nDate: 03/03/2026\n\n"
                "12 of 40 fare checks were not logged in February.\n")
    assert "Ruth" in a.employee_name and "Lindqvist" not in a.employee_name


def test_a_records_fields_in_a_row_at_its_foot_name_the_employee():
    notes = ("Points covered:\n(a) 5 of 12 platform checks in February have no entry in the log.\n"
             "(b) Two late reports to control.\n"
             "Recorded by: P. Lindqvist (Duty Manager) | Subject: R. Osei, Ticket Inspector | Meeting: 03.03.2026\n")
    a = analyse(notes)
    assert a.employee_name == "R. Osei" and a.manager == "P. Lindqvist"


def test_me_and_a_name_on_the_first_line_is_a_meeting_with_that_one():
    a = analyse("mon 2 mar — me + Tariq B., quick 1:1 at the yard\n\n- 6 late van checks in feb\n")
    assert a.employee_name.startswith("Tariq")


@pytest.mark.parametrize("notes, role", [
    ("[09:02] Ana Ruiz: Writing it up for the file: Lena Ortiz, avalanche lookout on the north ridge since 2024.\n"
     "[09:03] Ana Ruiz: 4 hourly snow reports missed in January.\n", "avalanche lookout"),
    ("Crop check – Mo – 3 Mar\n(Moana Tait, pest scout for tunnels 1–4, for the file.)\n\n• Trap counts missing for two weeks.\n",
     "pest scout"),
])
def test_a_job_named_after_the_full_name_in_a_line_under_the_title_is_the_role(notes, role):
    assert analyse(notes).employee_role == role


@pytest.mark.parametrize("notes, employee, role, manager", [
    # a chat message opens with the meeting's word, then the name and job
    ("[03/08/2026, 18:11] Jo Bell: Supervision — Sam Okoye, Kennel Assistant (rescue centre)\n"
     "[03/08/2026, 18:12] Jo Bell: 1. Feeding charts had 9 gaps in July\n", "Sam Okoye", "Kennel Assistant", None),
    # the two at the meeting as a pair, the writer second
    ("TUNNELS — night 1:1 — 02:00, Thu 15 Jan 2026\ncrew: Ivo Marsh (blaster, grade 2) ↔ me, Dee Hart (shift supervisor)\n"
     "3 misfires logged late last week\n", "Ivo Marsh", "blaster", None),
    # a name and job first, then 'review with' the one who held it
    ("Notes: Lina Oyelaran, piano tuner — review with Paul Meyer, Friday 6 March 2026\n"
     "Lina tuned 14 of 20 pianos late in February.\n", "Lina Oyelaran", "piano tuner", "Paul Meyer"),
])
def test_more_header_layouts_name_the_employee(notes, employee, role, manager):
    a = analyse(notes)
    assert (a.employee_name, a.employee_role) == (employee, role)
    if manager:
        assert a.manager == manager


def test_a_labelled_key_of_call_signs_at_the_foot_names_who_is_who():
    notes = ("Recording transcript — depot office — 23 February 2026\n[00:00:05] B2: Right, it's recording.\n"
             "[00:00:09] T4: Fine.\n[00:00:20] B2: Your average attendance in January was 58 minutes, the contract is 45.\n"
             "[00:00:41] T4: The satnav keeps routing me through the closures.\n[00:01:10] B2: I'll send the closures list every morning.\n"
             "Speakers: T4 = Tow 4, Owen Pryce, tow truck driver. B2 = Base 2, Mina Shah, duty manager (me).\n")
    a = analyse(notes)
    assert (a.employee_name, a.employee_role, a.manager) == ("Owen Pryce", "tow truck driver", "Mina Shah")


@pytest.mark.parametrize("notes, employee, role", [
    # a form's foot: the one talked with, their job before their name
    ("今天聊了上个月的情况。\n1）迟到：11月排了18场，迟到4次。\n2）观众投诉2起。\n规定：开场前45分钟到岗。\n她说地铁末班调整了。\n"
     "前厅部已经知道。\n- 每天提前到岗。\n- 每周日聊5分钟。\n\n谈话人：前厅主管 何敏　　被谈话人：检票员 邵佳怡　　日期：2026.12.01\n",
     "邵佳怡", "检票员"),
    # two titled names with '跟': the one whose job leads no one (a captain leads a crew)
    ("【录音】船长 钱大海 跟 水手 孙小波 2026年4月20号 回港后说的\n这趟有三次缆绳没收好。\n", "孙小波", "水手"),
])
def test_a_chinese_header_names_the_employee_beside_a_lead(notes, employee, role):
    a = analyse(notes)
    assert (a.employee_name, a.employee_role) == (employee, role)


def test_a_writers_field_with_a_title_before_the_name_names_the_manager_and_their_surname_tags():
    notes = ("面谈实录｜调音师 葛文静｜2026年10月12日｜记录：琴行店长 邱明\n邱：先说问题。9月有4台琴调完一周内又走音。\n"
             "葛：那个月我一个人跑了20台。\n邱：那我们这样定：\n邱：你每台调完复测一遍，记在单子上。\n邱：我这周开始招人。\n")
    a = analyse(notes)
    assert (a.employee_name, a.manager) == ("葛文静", "邱明")
    assert [s.body for s in a.sentences if s.kind == "action" and s.owner == "employee"] == ["你每台调完复测一遍，记在单子上。"]


@pytest.mark.parametrize("notes, employee", [
    # the organizer of an invite is the manager only where no other attendee leads others
    ("Meeting: 1:1\nWhen: Tuesday, 9 June 2026 14:00\nOrganizer: Bea Lund\nAttendees: Bea Lund; Hamza Siddiqui (team lead)\n\n"
     "Bea closed 14 of 30 claims late in May.\n", "Bea Lund"),
    # HR beside the writer, or on a copy line, is not whom the review is with
    ("Probation review — me + Sara L., HR, sitting in on Dev Mehta's review, 3 March 2026\nDev missed 4 of 10 pallet checks.\n",
     "Dev Mehta"),
    ("Notes: Tom Hale, HR advisor — review with Rosa Almeida, 6 March 2026\nRosa altered 6 of 19 gowns late.\n", "Rosa Almeida"),
    # a name with 和 in it stays whole
    ("3月面谈 王和平 仓管员\n2月盘点差异6次。\n", "王和平"),
    # a call sign's gloss before the name in a key
    ("Recording — 1:1 — 23 February 2026\n[00:00:05] C1: Right.\n[00:00:09] B2: Fine.\n[00:00:20] C1: 58 minutes average in January, "
     "the contract is 45.\n[00:00:41] B2: The satnav is wrong.\nSpeakers: B2 = Bravo Two, Owen Pryce, tow driver. C1 = Control One, "
     "Mina Shah, duty manager (me).\n", "Owen Pryce"),
])
def test_look_alikes_of_session_48s_header_layouts(notes, employee):
    assert analyse(notes).employee_name == employee



@pytest.mark.parametrize("notes, employee, role, manager", [
    # a chat with someone else (payroll, a boss) about the talk the writer had: the one talked with is the employee
    ("Texts with Priya (payroll) – Mon 3 May 2027\nMe: Had the 1:1 with Owen (the new glazier) this morning\n"
     "Me: He's been late to 4 of 10 site starts\nPriya: ok do we need anything from us\nMe: not yet\n", "Owen", "glazier", None),
    ("钉钉聊天记录导出　2027-05-03\n李经理：仓库的叉车司机大刘今天聊了吗\n陈组长：聊了，在仓库聊的\n陈组长：他这个月有3次没做班前点检\n",
     "大刘", "叉车司机", "陈组长"),  # asked: the one who answers had the talk
    ("#ops (Slack export)\n[09:12] @sam.hale: writing up my chat with @owen.price here\n"
     "[09:13] @sam.hale: he's our glazier, late to 4 of 10 site starts\n", "Owen Price", "glazier", "Sam Hale"),
    ("04/05/2027, 18:41 - Bella Marsh: Writing this down for myself after talking to Kit today\n"
     "04/05/2027, 18:41 - Bella Marsh: Kit = Christopher Yeo, our weekend tour guide at the castle\n"
     "04/05/2027, 18:42 - Bella Marsh: 3 tours started late in April\n", "Kit", "weekend tour guide", "Bella Marsh"),
])
def test_a_chat_about_a_talk_names_the_one_talked_with(notes, employee, role, manager):
    a = analyse(notes)
    assert (a.employee_name, a.manager) == (employee, manager)
    assert role in (a.employee_role or "")


@pytest.mark.parametrize("notes, not_employee", [
    # the talk was with one who speaks in the chat: they stay who they are
    ("Priya: hi\nMe: Had the 1:1 with Priya this morning, notes below\nMe: 4 of 10 site starts late\nPriya: ok\n", "Sam"),
    # a talk about someone else, or with HR
    ("Me: had a chat with Gareth (payroll officer) about Tom's overtime\nMe: Tom was late 4 times\nTom: ok\nMe: thanks\n",
     "Gareth"),
    ("Me: quick catch-up with Lena (HR) before the review\nMe: Tom was late 4 times\nTom: ok\nMe: thanks\n", "Lena"),
    # a firm's reviews in a list labelled like a chat's turns
    ("Notes\n- strengths: 2 five-star Google reviews naming him\n- late: 3 times in W42\n- strengths: a tidy van\n", "Google"),
])
def test_look_alikes_of_a_chat_about_a_talk(notes, not_employee):
    talk = talked_with(notes.splitlines())
    assert talk is None or not_employee not in talk[0]


def test_a_subjects_perf_is_no_name_and_a_mail_to_hr_greets_hr():
    a = analyse("Subject: Perf plan draft – Tomas Berg\nTo: hr@millbrook.example\nDate: 26 January 2027 16:10\nHi Greta,\n\n"
                "Below are my notes from today's review so you can set the plan up.\nTomas has had 3 watches returned in December.\n")
    assert (a.employee_name, a.manager) == ("Tomas Berg", None)


def test_a_capitalised_surname_after_the_given_name_and_a_reviewers_field_before_another_on_its_line():
    a = analyse("KOWALCZYK, Marta — Tree Surgeon (climbing)\nRev: HENDRY, Alasdair   Date: 07/08/2026\n\n"
                "Rigging on the oak job was set without a second check.\nMarta to get a second climber to check every rig.\n"
                "Alasdair to re-run the aerial rescue drill with her crew on the 15th.\n")
    assert a.manager == "Alasdair HENDRY"
    assert [s.owner for s in a.sentences if s.kind == "action"] == ["employee", "manager"]


@pytest.mark.parametrize("notes, name, role", [
    ("| Field | Value |\n|---|---|\n| Staff member | Nia Holt |\n| Job | Farrier |\n| Line manager | Ed Rook |\n\n"
     "- 3 shoeings redone in May\n", "Nia Holt", "Farrier"),  # a table's 'Job' row
    ("RECORD OF CONVERSATION\nColleague under review ........ Piet Mol\nGrade/post held ............... Track Welder (Grade 2)\n\n"
     "1. Two welds failed the ultrasonic test in May.\n", "Piet Mol", "Track Welder"),  # dotted leaders, three-word labels
    ("ANNUAL REVIEW\nReviewee: Ama Boateng\nReviewer: Tom Hale\nReviewee's title: Call Handler, Night Desk\n\n"
     "- 5 calls closed without a callback in May\n", "Ama Boateng", "Call Handler"),  # the reviewee's title
])
def test_more_labels_of_a_forms_name_and_job(notes, name, role):
    a = analyse(notes)
    assert (a.employee_name, a.employee_role) == (name, role)


@pytest.mark.parametrize("notes", [
    "Subject: this morning\nHi Tomas,\nThanks for the chat. You re-shod 4 horses late in May.\nFrom Monday you'll log every job.\n\n"
    "Cheers,\nIvo\nIvo Lang\nYard Supervisor | Lowfield Forge | 01234 567 890\nThis email is confidential and for the addressee only.\n",
    "Subject: notes for the plan – Tomas Berg\nTo: hr@lowfield.example\nHi Greta,\nTomas re-shod 4 horses late in May.\n\n"
    "Thanks,\nIvo\nIvo Lang\nYard Supervisor, Lowfield & Marsh Forge\n",
])
def test_the_one_who_signs_the_notes_is_the_manager_and_their_signatures_job_is_not_the_employees(notes):
    a = analyse(notes)
    assert a.employee_name.startswith("Tomas") and a.manager == "Ivo Lang"
    assert a.employee_role != "Yard Supervisor"


def test_initials_in_brackets_that_spell_the_whole_entry_keep_a_given_name_that_is_also_a_job_word():
    entry = present(["Stage crew 1:1 – Mon 4 May 2026", "Present: Dev Khanna (DK), Priya Lowe (PL)", "1. Cue accuracy"])
    assert entry is not None and {entry[0].name, entry[1].name} == {"Dev Khanna", "Priya Lowe"}


def test_a_key_to_the_speakers_at_the_foot_names_them():
    a = analyse("[rec. 03.05.27, harbour office]\nRB: Thanks for coming in.\nJO: No bother.\n"
                "RB: You missed 3 of 12 mooring checks in April.\nJO: The tides were early.\nRB: Let's meet again in June.\n\n"
                "key: RB = Rosa Bell (Marine Operations Manager) / JO = Jon Ode (deckhand, seasonal)\n")
    assert (a.employee_name, a.employee_role, a.manager) == ("Jon Ode", "deckhand", "Rosa Bell")


@pytest.mark.parametrize("notes, name", [
    ("Sun 14 March 2027\nRawiri –\nWriting this up like I said I would when we talked on Friday.\n"
     "You had 14 sheep stitched in two days.\nCheers,\nLachie\n", "Rawiri"),  # a letter's greeting with a dash
    ("Tues 8/6/27 – talked to Ffion after the site meeting. Writing this on the train.\n"
     "The solder joints on two lights cracked already.\nFfion to re-solder both by 14 June.\n", "Ffion"),  # after the day
    ("Yard notes\nSpoke with Agnes about the vestry. (Agnes Pellow, verger.)\nThe vestry was left unlocked twice.\n",
     "Agnes Pellow"),
])
def test_the_one_a_letter_greets_or_the_writer_talked_to_is_the_employee(notes, name):
    assert analyse(notes).employee_name == name


def test_a_talk_about_someone_else_is_not_whom_the_notes_are_about():
    a = analyse("Lena Ortiz - 1:1 - 4 Nov 2026\nTalked to Sam Reid from payroll before the meeting.\nLena missed 4 callbacks.\n")
    assert a.employee_name == "Lena Ortiz"


def test_those_present_joined_by_a_plus_with_the_writer_named_in_brackets():
    a = analyse("Roofers – appraisal jottings, 14 July 2026\nPresent: Ifan Rees (roofer, 2nd yr) + me (Gwen Lloyd, contracts mgr)\n"
                "- 2 of 6 harnesses past their inspection date\n")
    assert (a.employee_name, a.manager) == ("Ifan Rees", "Gwen Lloyd") and a.employee_role.startswith("roofer")


@pytest.mark.parametrize("notes, name, manager", [
    # a calendar invite whose fields give mail addresses after the names
    ("Mid-season check-in – kennels\nWhen: Wednesday 14 January 2026, 09:30\nOrganizer: Ruth Amis <ruth.amis@kennel.example>\n"
     "Guests: Tor Vik <tor.vik@kennel.example>\n\n- 3 dogs fed late in December\n", "Tor Vik", "Ruth Amis"),
    # a Chinese form's employee field holding a given name and a Chinese surname
    ("谈话人：周总监 (Art Director) ｜ 被谈话人：Ryan 何（主雕）｜ 2026年1月7日\n进度：晚了 7 天\n", "Ryan 何", "周总监"),
    # the first line says whom the writer talked with, their full name in brackets further down
    ("正月十六，开工第二天，跟阿海在晒场边上聊了一个多钟，记一下。\n阿海（陈海）在我们厂做酿造师傅快十年了。\n"
     "去年四季度他负责的那批头抽有6缸没到标准。\n", "阿海", None),
    # the one the meeting is with, after 'with', is the manager though the employee's own job leads a shift
    ("Dockside – Aled Rhys (shift supervisor) – review with Bronwen Hale (area ops) – 4 May 2026\n"
     "Aled's shift handovers were missed on 4 nights in October.\n", "Aled Rhys", "Bronwen Hale"),
])
def test_more_ways_a_header_names_the_employee(notes, name, manager):
    a = analyse(notes)
    assert (a.employee_name, a.manager) == (name, manager)


def test_a_mixed_chat_says_in_chinese_whom_the_review_was_with():
    talk = talked_with(["微信聊天记录 — 「马房管理组」 2026-04-02", "Coco 李 15:31: 刚跟 Ah Keung 做完 review，summary 放这里",
                        "Coco 李 15:33: 1) feed chart 没跟", "陈生 (老板) 15:45: 收到"])
    assert talk is not None and talk[0] == "Ah Keung"


@pytest.mark.parametrize("notes", [
    "王姐 10:02: 你跟老板聊了吗？\n小周 10:05: 聊了。阿芳上周收银差错3次，老板说先做改进计划。\n王姐 10:07: 好\n",
    "王总 10:02: 大家今天聊得怎么样？\n小周 10:05: 阿芳上周收银差错3次。\n王总 10:07: 好\n",
    "王姐 10:02: 你跟小组聊了吗？\n小周 10:05: 聊了。阿芳上周收银差错3次。\n王姐 10:07: 好\n",
])
def test_words_that_open_as_a_familiar_name_are_no_one_talked_with(notes):
    assert analyse(notes).employee_name not in ("老板", "大家", "小组")

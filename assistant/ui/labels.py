"""Interface labels in English and Chinese. Plan headings follow the notes' language (see export.py)."""
from __future__ import annotations

LABELS: dict[str, dict[str, str]] = {
    "en": {
        "title": "PlanCoach: draft, edit and review performance improvement plans",
        "ui_language": "Interface language", "you": "Your name (for the history)",
        "tab_draft": "Draft and edit", "tab_plans": "My plans", "tab_hr": "HR review",
        "notes": "Interview notes", "notes_info": "Paste the notes, or upload a .txt, .md or .docx file.",
        "upload": "Upload notes", "employee": "Employee", "role": "Role", "interview_date": "Interview date (YYYY-MM-DD)",
        "draft": "Draft plan", "drafting": "Drafting…", "learning": "Learning mode (explain each section)",
        "deficiencies": "Deficiencies and evidence", "causes": "Root causes", "goals": "SMART goals",
        "resp_employee": "Employee does", "resp_manager": "Manager provides", "resp_organisation": "Organisation provides",
        "check_ins": "Check-ins", "flags": "Review flags (select one to see its note sentences)",
        "highlight": "Notes (the selected flag or evidence is highlighted)", "sources": "Drawn on",
        "tab_admin": "Accounts", "accounts": "Accounts (who may sign in, with which role)",
        "account_change": "Change", "account_name": "Account name", "account_role": "Role",
        "account_password": "Password (for add and reset)", "account_apply": "Apply",
        "save": "Save version", "submit": "Submit to HR", "revise": "Start a revision (approved plans)", "export_format": "Export as", "export": "Export",
        "export_for": "Version", "copy_employee": "For the employee", "copy_hr": "For HR (with sources and review notes)",
        "download": "Download", "versions": "Compare with version", "diff": "Changes since the assistant's draft",
        "new": "New plan", "plans": "Plans", "open": "Open selected plan", "refresh": "Refresh",
        "hr_list": "Plans waiting for HR", "hr_plan": "Plan", "hr_comment": "Comment", "hr_override": "Override reason "
        "(required to approve with bias, sensitive or injection flags)", "request_changes": "Request changes",
        "approve": "Approve", "add_comment": "Add comment", "audit": "History (who, when, what)",
        "status": "Status", "why": "Why it matters", "weak": "Weak", "strong": "Strong", "tip": "Tip",
        "smart_check": "SMART check",
        "readings": "How PlanCoach read the notes ('?' = unsure; click a sentence to correct it)",
        "fix_sentence": "Sentence", "fix_reading": "Read it as", "fix_apply": "Apply and re-draft",
    },
    "zh": {
        "title": "PlanCoach：起草、编辑和审核绩效改进计划",
        "ui_language": "界面语言", "you": "您的姓名（记入历史）",
        "tab_draft": "起草与编辑", "tab_plans": "我的计划", "tab_hr": "人力资源审核",
        "notes": "面谈记录", "notes_info": "粘贴记录，或上传 .txt、.md、.docx 文件。",
        "upload": "上传记录", "employee": "员工", "role": "岗位", "interview_date": "面谈日期（YYYY-MM-DD）",
        "draft": "起草计划", "drafting": "正在起草…", "learning": "学习模式（解释每个部分）",
        "deficiencies": "问题与证据", "causes": "根本原因", "goals": "SMART 目标",
        "resp_employee": "员工负责", "resp_manager": "经理提供", "resp_organisation": "组织提供",
        "check_ins": "跟进检查", "flags": "审阅提示（选择一条查看对应的记录句子）",
        "highlight": "记录（高亮显示所选提示或证据）", "sources": "参考资料",
        "tab_admin": "账户", "accounts": "账户（谁可以登录，担任什么角色）",
        "account_change": "操作", "account_name": "账户名", "account_role": "角色",
        "account_password": "密码（新增和重置时填写）", "account_apply": "执行",
        "save": "保存版本", "submit": "提交人力资源部", "revise": "发起修订（已批准的计划）", "export_format": "导出格式", "export": "导出",
        "export_for": "版本", "copy_employee": "员工版", "copy_hr": "人力资源版（含参考资料和审阅提示）",
        "download": "下载", "versions": "与版本比较", "diff": "与助手初稿相比的修改",
        "new": "新计划", "plans": "计划", "open": "打开所选计划", "refresh": "刷新",
        "hr_list": "待人力资源审核的计划", "hr_plan": "计划", "hr_comment": "意见",
        "hr_override": "覆盖理由（存在偏见、敏感或注入提示时批准所必需）", "request_changes": "要求修改",
        "approve": "批准", "add_comment": "添加意见", "audit": "历史记录（谁、何时、做了什么）",
        "status": "状态", "why": "为什么重要", "weak": "较弱", "strong": "较强", "tip": "提示",
        "smart_check": "SMART 检查",
        "readings": "PlanCoach 对记录的理解（“?” 表示不确定；点击句子可更正）",
        "fix_sentence": "句子", "fix_reading": "应理解为", "fix_apply": "应用并重新起草",
    },
}


def label(lang: str, key: str) -> str:
    return LABELS.get(lang, LABELS["en"]).get(key, LABELS["en"][key])


def export_versions(lang: str) -> list[tuple[str, str]]:
    """The choice beside the download: the employee's copy or HR's."""
    return [(label(lang, "copy_employee"), "employee"), (label(lang, "copy_hr"), "hr")]

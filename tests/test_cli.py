"""The command line end to end, as a user runs it: a real subprocess, real files."""
import json
import subprocess
import sys

import pytest

from .conftest import TRAINER_NOTES

CLI = [sys.executable, "-m", "assistant.cli"]
pytestmark = pytest.mark.usefixtures("knowledge_index")  # its drafts run in subprocesses, under a time bound


def run(*args, stdin=None):
    return subprocess.run([*CLI, *args], input=stdin, capture_output=True, timeout=60)


@pytest.fixture
def notes_file(tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text(TRAINER_NOTES, encoding="utf-8")
    return path


def test_draft_writes_a_plan_that_check_accepts(notes_file, tmp_path):
    out = tmp_path / "plan.json"
    proc = run("draft", str(notes_file), "--output", str(out))
    assert proc.returncode == 0, proc.stderr
    plan = json.loads(out.read_text(encoding="utf-8"))
    assert plan["status"] == "draft" and plan["goals"][0]["target"] == ">= 90%"
    assert b"draft: " in proc.stderr
    check = run("check", str(out), "--notes", str(notes_file))
    assert check.returncode == 0, check.stdout
    assert b"valid" in check.stdout


def test_check_fails_with_readable_messages_on_an_edited_plan(notes_file, tmp_path):
    out = tmp_path / "plan.json"
    run("draft", str(notes_file), "--output", str(out))
    plan = json.loads(out.read_text(encoding="utf-8"))
    plan["goals"][0]["target"] = "better"
    out.write_text(json.dumps(plan), encoding="utf-8")
    proc = run("check", str(out), "--notes", str(notes_file))
    assert proc.returncode == 1
    assert b"Goal G1 is not SMART: add a numeric target" in proc.stdout


def test_markdown_from_standard_input():
    proc = run("draft", "-", "--format", "markdown", stdin=TRAINER_NOTES.encode())
    assert proc.returncode == 0
    text = proc.stdout.decode()
    assert text.startswith("# Performance improvement plan") and "## SMART goals" in text and "HR signature" in text
    assert "_Employee's copy_" in text and "## Review notes" not in text


def test_draft_and_export_write_documents_for_the_employee_or_for_hr(notes_file, tmp_path):
    import io

    from docx import Document

    docx = tmp_path / "hr.docx"
    proc = run("draft", str(notes_file), "--format", "docx", "--for", "hr", "--output", str(docx))
    assert proc.returncode == 0, proc.stderr
    headings = [p.text for p in Document(io.BytesIO(docx.read_bytes())).paragraphs if p.style.name == "Heading 1"]
    assert "Drawn on" in headings and "Review notes (for the manager and HR)" in headings

    plan = tmp_path / "plan.json"
    run("draft", str(notes_file), "--output", str(plan))
    markdown = run("export", str(plan), "--format", "markdown")
    assert markdown.returncode == 0 and b"## Drawn on" not in markdown.stdout and b"DRAFT" in markdown.stdout
    pdf = tmp_path / "plan.pdf"
    assert run("export", str(plan), "--output", str(pdf)).returncode == 0
    assert pdf.read_bytes().startswith(b"%PDF")


def test_a_binary_document_needs_an_output_file(notes_file):
    proc = run("draft", str(notes_file), "--format", "pdf")
    assert proc.returncode == 2 and proc.stdout == b""
    assert proc.stderr == b"plancoach: error: pdf is a binary format: add --output FILE.pdf\n"  # before any drafting


def test_overrides_from_the_command_line(tmp_path):
    notes = tmp_path / "n.txt"
    notes.write_text("Late 4 times in March. Target: 0 late arrivals by end of April.", encoding="utf-8")
    proc = run("draft", str(notes), "--interview-date", "2026-04-02", "--employee", "Ana Ruiz", "--role", "cashier")
    plan = json.loads(proc.stdout)
    assert plan["interview_date"] == "2026-04-02" and plan["employee"] == {"name": "Ana Ruiz", "role": "cashier"}
    assert plan["goals"][0]["deadline"] == "2026-04-30"


def test_schema_command_prints_the_json_schema():
    proc = run("schema")
    assert proc.returncode == 0 and json.loads(proc.stdout)["title"] == "Plan"


@pytest.mark.parametrize("content, message", [
    (b"", b"the notes are empty"),
    (b"   \n\t  \n", b"the notes are empty"),
    ("客户投诉12起".encode("gbk"), b"is not UTF-8 text"),
    (b"PK\x03\x04\x00\x00binary\x00", b"binary file"),
    (b"x" * 100_001, b"the limit is 100,000"),
])
def test_bad_notes_get_one_line_and_a_non_zero_exit(tmp_path, content, message):
    notes = tmp_path / "notes.txt"
    notes.write_bytes(content)
    proc = run("draft", str(notes))
    assert proc.returncode == 2
    assert message in proc.stderr and b"Traceback" not in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1


def test_notes_of_fifty_thousand_characters_are_accepted(tmp_path):
    notes = tmp_path / "long.txt"
    notes.write_text((TRAINER_NOTES + "\n") * (50_000 // len(TRAINER_NOTES) + 1), encoding="utf-8")
    proc = run("draft", str(notes))
    assert proc.returncode == 0, proc.stderr


def test_utf16_with_a_byte_order_mark_is_read(tmp_path):
    notes = tmp_path / "notes.txt"
    notes.write_bytes(TRAINER_NOTES.encode("utf-16"))
    assert run("draft", str(notes)).returncode == 0


def test_missing_file_and_broken_plan_json(tmp_path):
    proc = run("draft", str(tmp_path / "nope.txt"))
    assert proc.returncode == 2 and b"no such file" in proc.stderr
    bad = tmp_path / "plan.json"
    bad.write_text('{"status": "draft", ', encoding="utf-8")
    proc = run("check", str(bad))
    assert proc.returncode == 2 and b"is not valid JSON" in proc.stderr and b"Traceback" not in proc.stderr
    bad.write_text('{"status": "maybe"}', encoding="utf-8")
    proc = run("check", str(bad))
    assert proc.returncode == 2 and b"is not a valid plan" in proc.stderr


def test_a_failed_draft_leaves_an_existing_output_untouched(tmp_path):
    out = tmp_path / "plan.json"
    out.write_text("previous plan", encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    assert run("draft", str(empty), "--output", str(out)).returncode == 2
    assert out.read_text(encoding="utf-8") == "previous plan"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".plan.json")] == []


def test_word_documents_are_read(tmp_path):
    from docx import Document

    doc = Document()
    for line in TRAINER_NOTES.splitlines():
        doc.add_paragraph(line)
    path = tmp_path / "notes.docx"
    doc.save(str(path))
    proc = run("draft", str(path))
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["goals"][0]["target"] == ">= 90%"
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"not a zip")
    proc = run("draft", str(broken))
    assert proc.returncode == 2 and b"could not be read as a Word document" in proc.stderr


def test_output_cut_short_by_a_pipe_ends_quietly(tmp_path):
    notes = tmp_path / "long.txt"
    notes.write_text(TRAINER_NOTES + "\n" + "\n".join(f"Late to the morning briefing {n} times in week {n}." for n in range(1, 1500)),
                     encoding="utf-8")
    proc = subprocess.Popen([*CLI, "read", str(notes)], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdout is not None and proc.stdout.readline()
    proc.stdout.close()  # as 'plancoach read notes.txt | head -1' does
    _, err = proc.communicate(timeout=60)
    assert b"Traceback" not in err and b"BrokenPipe" not in err, err.decode()

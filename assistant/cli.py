"""`plancoach`: draft, check and export plans from the command line.

Each command imports only what it needs (gradio, chromadb and langchain take seconds to
import). Every user error is a `PlanCoachError` (errors.py), caught in one place here: one line on
stderr and its exit code (2 for what the user can fix), never a traceback.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
from typing import Any

from .access import ALONE, ROLES
from .errors import EXIT_USAGE

EXIT_OK, EXIT_INVALID = 0, 1


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date: use YYYY-MM-DD") from None


def _port(value: str) -> int:
    if not value.isdigit() or not 1 <= int(value) <= 65535:
        raise argparse.ArgumentTypeError(f"{value!r} is not a port: use a number from 1 to 65535")
    return int(value)


class _Parser(argparse.ArgumentParser):
    """argparse, with a usage error in one line like every other error (not the usage block and then the error)."""

    def error(self, message: str):
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message} (see {self.prog} --help)\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="plancoach", description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)

    draft = sub.add_parser("draft", help="draft a plan from interview notes")
    draft.add_argument("notes", help="notes file (.txt, .md, .docx), or - for standard input")
    draft.add_argument("--output", "-o", help="write the plan here (default: standard output; required for docx and pdf)")
    draft.add_argument("--format", choices=["json", "markdown", "docx", "pdf"], default="json")
    _audience_option(draft)
    draft.add_argument("--interview-date", type=_date, help="interview date, when the notes do not give it")
    draft.add_argument("--employee", help="employee name, when the notes do not give it")
    draft.add_argument("--role", help="employee role, when the notes do not give it")
    draft.add_argument("--drafter", choices=["embedded", "llm"], help="override PLANCOACH_DRAFTER")
    draft.add_argument("--verbose", "-v", action="store_true", help="say what the LLM drafter asked the model, and what its answers changed or were ignored for")
    draft.add_argument("--readings", help="a corrected copy of `plancoach read NOTES --json`: its readings and owners win")

    read = sub.add_parser("read", help="print how the reader reads each sentence of the notes")
    read.add_argument("notes", help="notes file (.txt, .md, .docx), or - for standard input")
    read.add_argument("--json", action="store_true", help="print JSON (edit it and pass it to `draft --readings`)")

    check = sub.add_parser("check", help="re-validate an (edited) plan; exit 1 when it has errors")
    check.add_argument("plan", help="plan JSON file")
    check.add_argument("--notes", help="the notes the plan was drafted from (enables the grounding checks)")
    check.add_argument("--json", action="store_true", help="print the flags as JSON")

    export = sub.add_parser("export", help="write an (edited) plan as a document for the employee or for HR")
    export.add_argument("plan", help="plan JSON file")
    export.add_argument("--output", "-o", help="write the document here (default: standard output; required for docx and pdf)")
    export.add_argument("--format", choices=["markdown", "docx", "pdf"], default="pdf")
    _audience_option(export)

    sub.add_parser("schema", help="print the plan's JSON Schema")

    ingest = sub.add_parser("ingest", help="index knowledge files (sample plans, policy) into the Chroma store")
    ingest.add_argument("paths", nargs="*", help="files or folders (default: the bundled knowledge/ folder)")

    serve = sub.add_parser("serve", help="start the web workspace (Gradio)")
    serve.add_argument("--host", help="address to listen on (default 127.0.0.1, PLANCOACH_HOST)")
    serve.add_argument("--port", type=_port, help="port (default 7860, PLANCOACH_PORT)")

    users = sub.add_parser("users", help="local accounts: who may sign in, with which role")
    how = users.add_subparsers(dest="users_command", required=True)
    add = how.add_parser("add", help="create an account (the password is asked for, or read from standard input)")
    add.add_argument("name")
    add.add_argument("--role", required=True, choices=ROLES)
    how.add_parser("list", help="list the accounts")
    set_role = how.add_parser("set-role", help="change an account's role (ends its sessions)")
    set_role.add_argument("name")
    set_role.add_argument("role", choices=ROLES)
    for verb, text in (("disable", "stop an account signing in (ends its sessions)"), ("enable", "let it sign in again"),
                       ("reset-password", "set a new password (asked for, or read from standard input)")):
        how.add_parser(verb, help=text).add_argument("name")
    plans = sub.add_parser("plans", help="plans kept in the data folder")
    what = plans.add_subparsers(dest="plans_command", required=True)
    what.add_parser("adopt", help="give the plans drafted before sign-in was on to a manager's account").add_argument(
        "name", help="the manager's account")
    return parser


def _audience_option(command: argparse.ArgumentParser) -> None:
    command.add_argument("--for", dest="audience", choices=["employee", "hr"], default="employee",
                         help="the employee's copy (default), or HR's with the sources and review notes; "
                              "documents are marked DRAFT: approval happens in the workspace")


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    import logging

    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("plancoach: %(message)s"))
    logger = logging.getLogger("plancoach")
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    from .errors import PlanCoachError
    from .inputs import InputError

    try:
        if args.command in ("draft", "export") and args.format in ("docx", "pdf") and not args.output:
            raise InputError(f"{args.format} is a binary format: add --output FILE.{args.format}")
        commands = {"draft": _draft, "read": _read, "check": _check, "export": _export, "schema": _schema,
                    "ingest": _ingest, "serve": _serve, "users": _users, "plans": _plans}
        return commands[args.command](args)
    except PlanCoachError as exc:
        print(f"plancoach: error: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # 'plancoach read notes.txt | head': whoever reads the output stopped reading
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # (no second error as Python exits)
        return 1


def _draft(args) -> int:
    from .inputs import read_notes
    from .output import check_output
    from .pipeline import draft_plan, make_drafter
    from .settings import get_settings

    settings = get_settings()
    notes = read_notes(args.notes, settings.max_notes_chars)
    if args.output:
        check_output(args.output)  # before the draft runs, not after a minute of it
    corrections = _corrections(args.readings) if args.readings else ()
    drafter = None
    try:
        drafter = make_drafter(args.drafter, settings)
        result = draft_plan(notes, interview_date=args.interview_date, employee=args.employee, role=args.role,
                            drafter=drafter, settings=settings, corrections=corrections)
    finally:
        trace = getattr(drafter, "trace", None)
        if args.verbose and trace is not None:
            print(f"plancoach: {trace}", file=sys.stderr)
    plan = result.plan
    _write(plan, args)
    errors = [f for f in plan.review_flags if f.severity == "error"]
    summary = f"{plan.status}: {len(plan.deficiencies)} deficiencies, {len(plan.goals)} goals, {len(plan.review_flags)} flags"
    print(summary + (f" ({len(errors)} to fix)" if errors else ""), file=sys.stderr)
    return EXIT_OK


def _export(args) -> int:
    from .inputs import load_plan
    from .output import check_output

    if args.output:
        check_output(args.output)
    _write(load_plan(args.plan), args)
    return EXIT_OK


def _write(plan, args) -> None:
    """The plan in --format, for --for, on the organisation's paper, to --output (atomically) or standard output."""
    from .export import render
    from .output import write_output
    from .settings import get_settings

    content = render(plan, args.format, audience=args.audience, page_size=get_settings().page_size)
    if args.output:
        write_output(args.output, content)
    else:
        assert isinstance(content, str)  # documents (bytes) need --output: main() refuses them first
        sys.stdout.write(content)


def _read(args) -> int:
    from .inputs import read_notes
    from .notes import analyse
    from .settings import get_settings

    analysis = analyse(read_notes(args.notes, get_settings().max_notes_chars)).as_written()
    rows: list[dict[str, Any]] = [{"id": s.id, "text": s.text, "reading": s.reading, "owner": s.owner, "confidence": round(s.confidence, 2),
             "kept_out": s.kind == "excluded"} for s in analysis.sentences]
    if args.json:
        header = {"employee": analysis.employee_name, "role": analysis.employee_role, "manager": analysis.manager,
                  "interview_date": None if analysis.interview_date_assumed else analysis.interview_date.isoformat()}
        print(json.dumps({"header": header, "sentences": rows}, indent=2, ensure_ascii=False))
        return EXIT_OK
    for r in rows:
        owner = f" ({r['owner']})" if r["owner"] else ""
        out = " [kept out]" if r["kept_out"] else ""
        print(f"{r['id']:>4} {r['reading'] + owner:24} {r['confidence']:.2f}{out}  {r['text']}")
    return EXIT_OK


def _corrections(path: str) -> tuple:
    """The readings in a (corrected) `plancoach read --json` file, as corrections."""
    from .inputs import InputError, read_json
    from .reader import Correction

    data: Any = read_json(path, "readings")  # any JSON: a file of another shape fails below, with the fix
    try:
        return tuple(Correction(r["text"], r["reading"], r.get("owner")) for r in data["sentences"])
    except (KeyError, TypeError) as exc:
        raise InputError(f"{path} is not a readings file ({exc}); make one with `plancoach read NOTES --json`") from None
    except ValueError as exc:
        raise InputError(f"{path}: {exc}") from None


def _check(args) -> int:
    from .checks import has_errors
    from .inputs import load_plan, read_notes
    from .pipeline import recheck
    from .settings import get_settings

    settings = get_settings()
    plan = load_plan(args.plan)
    notes = read_notes(args.notes, settings.max_notes_chars) if args.notes else None
    plan = recheck(plan, notes, settings)
    flags = plan.review_flags
    if args.json:
        print(json.dumps([f.model_dump() for f in flags], indent=2, ensure_ascii=False))
    else:
        for f in flags:
            where = f" [{f.location}]" if f.location else ""
            print(f"{f.severity:7} {f.kind:12} {f.message}{where}")
        print(f"{'invalid' if has_errors(flags) else 'valid'}: {sum(f.severity == 'error' for f in flags)} errors, "
              f"{sum(f.severity == 'warning' for f in flags)} warnings")
    return EXIT_INVALID if has_errors(flags) else EXIT_OK


def _schema(args) -> int:
    from .schema import plan_json_schema_text

    sys.stdout.write(plan_json_schema_text())
    return EXIT_OK


def _ingest(args) -> int:
    from pathlib import Path

    from .inputs import InputError
    from .knowledge import BUNDLED, KnowledgeBase
    from .settings import get_settings

    settings = get_settings()
    if not settings.chroma_url:
        settings.require_writable_data_dir()  # the embedded store lives there
    paths = [Path(p) for p in args.paths] or [BUNDLED]
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        raise InputError(f"no such file or folder: {', '.join(missing)}")
    kb = KnowledgeBase.for_settings(settings)
    counts = kb.ingest(paths, prune=not args.paths)
    print(", ".join(f"{v} {k}" for k, v in counts.items()) + f"; {kb.collection.count()} chunks in the store")
    return EXIT_OK


def _serve(args) -> int:
    from .settings import get_settings
    from .ui.app import launch

    settings = get_settings()
    host, port = args.host or settings.host, args.port or settings.port
    _check_port(host, port)  # before Gradio loads: on a busy port it printed a traceback, then crashed at exit
    settings.require_writable_data_dir()  # the plan store, the knowledge index and exports live there
    launch(host=host, port=port)
    return EXIT_OK


def _check_port(host: str, port: int) -> None:
    """Refuse a port another program listens on (bound as the web server binds, with SO_REUSEADDR)."""
    import socket

    from .errors import PlanCoachError

    try:
        family, kind, proto, _, address = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0]
        with socket.socket(family, kind, proto) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            probe.bind(address)
    except OSError as exc:
        raise PlanCoachError(f"cannot listen on {host}:{port} ({exc.strerror or exc}): stop the program using it, or "
                             "choose another with --port / PLANCOACH_PORT (--host / PLANCOACH_HOST)") from None


def _password(prompt: str) -> str:
    """A password from the terminal (asked twice) or, when piped, the first line of standard input."""
    import getpass

    if not sys.stdin.isatty():
        first = sys.stdin.readline().rstrip("\r\n")
    else:
        first = getpass.getpass(prompt)
        if getpass.getpass("Again: ") != first:
            raise SystemExit("plancoach: error: the two passwords differ; run the command again.")
    if not first:  # an account without a password signs in through single sign-on only: never by accident
        raise SystemExit("plancoach: error: the password is empty; run the command again and type one.")
    return first


def _operator() -> str:
    """Who changes accounts on the command line, as the account history records it: the system user."""
    import getpass

    from .i18n import text

    try:
        user = getpass.getuser()
    except (KeyError, OSError):  # no name for this process's user (a bare container)
        user = "?"
    return text("en", "actors.command_line", user=user)


def _users(args) -> int:
    from .accounts import Accounts
    from .settings import get_settings
    from .storage import open_store

    store = open_store(get_settings().resolved_database_url())
    accounts = Accounts(store.engine)
    by = _operator()
    if args.users_command == "add":
        accounts.add(args.name, args.role, _password(f"Password for {args.name}: "), by=by)
        print(f"Account {args.name} ({args.role}) created; sign-in is on for the workspace.")
        unowned = store.owned_by(ALONE.name)
        if unowned:
            print(f"{unowned} plans were drafted before sign-in was on and nobody can open them now: give them to the "
                  "manager who wrote them with `plancoach plans adopt NAME`.")
    elif args.users_command == "list":
        for a in accounts.list():
            print(f"{a.name}\t{a.role}\t{a.state}")
    elif args.users_command == "set-role":
        accounts.set_role(args.name, args.role, by=by)
    elif args.users_command == "disable":
        accounts.disable(args.name, by=by)
    elif args.users_command == "enable":
        accounts.enable(args.name, by=by)
    else:
        accounts.reset_password(args.name, _password(f"New password for {args.name}: "), by=by)
        print(f"Password of {args.name} changed; their open sessions are signed out.")
    return EXIT_OK


def _plans(args) -> int:
    """`plans adopt NAME`: the plans drafted without sign-in (the one person of a workspace without accounts) given to
    the manager's account NAME. Not to the first administrator: an administrator reads no plan, and the first account
    is usually one."""
    from .accounts import AccountError, Accounts
    from .settings import get_settings
    from .storage import open_store

    store = open_store(get_settings().resolved_database_url())
    account = Accounts(store.engine).get(args.name)
    if account is None or account.role != "manager":
        raise AccountError(f"'{args.name}' is not a manager's account: name the manager who drafted the plans "
                           "(`plancoach users list`), or add one with `plancoach users add NAME --role manager`.")
    adopted = store.adopt(ALONE.name, args.name, by=_operator())
    print(f"{adopted} plans drafted before sign-in are now {args.name}'s." if adopted
          else "No plan was drafted before sign-in: nothing to give.")
    return EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())

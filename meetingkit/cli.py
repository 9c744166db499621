"""The command line (DESIGN §7): the app by default, and demo, replay, export, minutes, summary, stats, list,
actions, verify, approve (commands.py). Reading the line, its errors in one line, and what opening the app does
before Qt loads."""

from __future__ import annotations

import argparse
import os
import sqlite3
import sys
from collections.abc import Sequence
from pathlib import Path

from meetingkit import desktop_libs, font_setup
from meetingkit.commands import COMMANDS, PROG, CliError, shown
from meetingkit.models.meeting import ACTION_STATUSES, DomainError
from meetingkit.models.record_checks import RecordError
from meetingkit.reports.file_writer import OutputError
from meetingkit.store import early_check
from meetingkit.store.database import StoreError, check_db_path, default_db_path


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage mistake is one line like every other error (not the usage block, then the error)."""

    def error(self, message: str) -> None:  # type: ignore[override]
        raise CliError(f"{message} (see '{self.prog} --help')")


REDACTED_HELP = (
    "people as initials and role; the names MeetingKit knows (attendees of this and earlier meetings of the"
    " series, and names after a title such as Dr) replaced in the text, organisations left out; words that"
    " still look like names are listed on stderr to check"
)
REDACT_HELP = "with --redacted: a further word or name to replace with initials (give it once a word)"
READ_ONLY = {"stats", "export", "minutes", "summary", "list", "actions", "verify", "approve"}


def opens_the_app_only(argv: Sequence[str]) -> bool:
    """`meetingkit` or `meetingkit --db PATH`: how the app is started, read without every command's parser."""
    argv = list(argv)
    return (
        argv == []
        or (len(argv) == 2 and argv[0] == "--db")
        or (len(argv) == 1 and argv[0].startswith("--db="))
    )


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """The command line read (CliError for a mistake); `command` is None when it opens the app."""
    argv = sys.argv[1:] if argv is None else list(argv)
    args = _parser(commands=not opens_the_app_only(argv)).parse_args(argv)
    if not hasattr(args, "command"):
        args.command = None
    return args


def _parser(commands: bool = True) -> argparse.ArgumentParser:
    common = _Parser(add_help=False)
    common.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS, help="the database file")
    p = _Parser(
        prog=PROG,
        description="MeetingKit: run meetings where every voice is heard.",
        parents=[common],
    )
    if not commands:  # building the thirteen commands' parsers is a few milliseconds of the app's start
        return p
    sub = p.add_subparsers(dest="command", metavar="COMMAND")
    sub.add_parser("gui", parents=[common], help="open the app (the default)")
    d = sub.add_parser(
        "demo", parents=[common], help="build a sample meeting through the engine, write its minutes"
    )
    d.add_argument("--out", metavar="FILE.pdf", help="where to write the minutes (default: none)")
    r = sub.add_parser("replay", parents=[common], help="replay a meeting record into the database")
    r.add_argument("record", metavar="RECORD.json")
    e = sub.add_parser("export", parents=[common], help="write a meeting's record (JSON)")
    e.add_argument("id", type=int)
    e.add_argument("-o", "--output", metavar="FILE", help="file to write (default: standard output)")
    e.add_argument("--redacted", action="store_true", help=REDACTED_HELP)
    e.add_argument("--redact", metavar="WORD", action="append", help=REDACT_HELP)
    m = sub.add_parser("minutes", parents=[common], help="write a meeting's minutes (PDF, Word or HTML)")
    m.add_argument("id", type=int)
    m.add_argument("-o", "--output", metavar="FILE.{pdf,docx,html}", required=True)
    m.add_argument("--redacted", action="store_true", help=REDACTED_HELP)
    m.add_argument("--redact", metavar="WORD", action="append", help=REDACT_HELP)
    m.add_argument("--no-participation", action="store_true", help="leave out the participation summary")
    su = sub.add_parser(
        "summary", parents=[common], help="write the summary for patient and public representatives (PDF)"
    )
    su.add_argument("id", type=int)
    su.add_argument("-o", "--output", metavar="FILE.pdf", required=True)
    s = sub.add_parser("stats", parents=[common], help="who spoke, for how long; the break; the timing")
    s.add_argument("id", type=int)
    s.add_argument("--json", action="store_true", help="the figures as one JSON object")
    sub.add_parser("list", parents=[common], help="list the meetings")
    v = sub.add_parser("verify", parents=[common], help="check that no record was changed outside MeetingKit")
    v.add_argument("id", type=int, nargs="?", help="one meeting (default: every meeting)")
    a = sub.add_parser("actions", parents=[common], help="the action register")
    a.add_argument("--series", metavar="NAME")
    a.add_argument("--status", choices=ACTION_STATUSES)
    a.add_argument("--owner", metavar="TEXT", help="owner name contains TEXT")
    a.add_argument("--overdue", action="store_true", help="only actions past their due date and not done")
    a.add_argument(
        "-o", "--output", metavar="FILE.csv", help="write the action log as CSV instead of printing it"
    )
    ap = sub.add_parser("approve", parents=[common], help="approve a meeting's minutes outside a meeting")
    ap.add_argument("id", type=int)
    ap.add_argument("--amendments", metavar="TEXT", default="", help="the amendments made on approval")
    return p


def before_qt(db_path: Path) -> str | None:
    """What opening the app does before Qt loads: a missing system library named (Qt would abort naming the
    wrong package); the database's integrity check and fontconfig's set-up begun beside the loading
    (store/early_check.py, font_setup.py)."""
    missing = desktop_libs.problem()
    if missing:
        return missing
    early_check.begin(db_path)
    font_setup.begin()
    return None


def main(argv: list[str] | None = None) -> int:
    """The single entry point: `main.py`, `python -m meetingkit` and the installed script all call it."""
    try:
        args = parse_args(argv)
    except SystemExit as exc:  # --help was printed
        return 0 if exc.code in (0, None) else 2
    except CliError as exc:
        return _fail(str(exc))
    command = args.command or "gui"
    try:
        # An explicit --db is checked at once: "" is no file, and a device, FIFO or folder is refused before
        # anything opens it (opening a FIFO would wait for ever).
        # A command that only reads says there is no database (below) rather than that its folder is missing.
        explicit = "db" in args
        db_path = check_db_path(args.db, command not in READ_ONLY) if explicit else default_db_path()
        if command in READ_ONLY and not db_path.exists():
            return _no_database(command, db_path)
        if command == "gui":
            missing = before_qt(db_path)
            if missing:
                return _fail(missing)
            from meetingkit.app import run_app

            return run_app(db_path)
        return COMMANDS[command](args, db_path)
    except BrokenPipeError:  # `meetingkit list | head -1`: the reader has had enough; not an error
        # (before OSError, of which it is one). Python's own flush at exit would fail again: stdout now
        # goes nowhere, and the command ends quietly.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    except (CliError, StoreError, RecordError, DomainError, OutputError) as exc:
        return _fail(str(exc))
    except (OSError, sqlite3.Error) as exc:
        return _fail(_os_message(exc))
    except KeyboardInterrupt:
        return _fail("interrupted")
    except Exception as exc:  # never a traceback at the user; the message says what broke
        if os.environ.get("MEETINGKIT_DEBUG"):
            raise
        return _fail(f"unexpected error: {type(exc).__name__}: {exc}")


def _no_database(command: str, db_path: Path) -> int:
    """A command that only reads never creates a database where there was none."""
    if command == "list":
        print(f"No meetings yet (no database at {shown(db_path)}). Try: meetingkit demo")
        return 0
    if command == "actions":
        print(f"No actions yet (no database at {shown(db_path)}).")
        return 0
    return _fail(f"There is no MeetingKit database at {db_path}")


def _fail(message: str) -> int:
    print(f"{PROG}: error: {shown(' '.join(message.split()))}", file=sys.stderr)
    return 2


def _os_message(exc: Exception) -> str:
    if isinstance(exc, OSError) and exc.filename:
        return f"{exc.filename}: {exc.strerror or exc}"
    return str(exc)

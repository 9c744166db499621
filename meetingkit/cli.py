"""The command line (DESIGN §7): the app by default, and demo, replay, export, minutes, stats, list, actions."""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import sys
from datetime import date
from pathlib import Path
from typing import Any

from meetingkit import desktop_libs
from meetingkit.clock import SystemClock
from meetingkit.models import record
from meetingkit.models.meeting import ACTION_STATUSES, DomainError
from meetingkit.models.schedule import ON_TIME_TOLERANCE_S
from meetingkit.resources import demo_record_path
from meetingkit.store.database import StoreError, default_db_path

PROG = "meetingkit"


class CliError(Exception):
    """A problem to report on one line (exit code 2)."""


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage mistake is one line like every other error (not the usage block, then the error)."""

    def error(self, message: str) -> None:  # type: ignore[override]
        raise CliError(f"{message} (see '{self.prog} --help')")


READ_ONLY = {"stats", "export", "minutes", "list", "actions"}


def _parser() -> argparse.ArgumentParser:
    common = _Parser(add_help=False)
    common.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS, help="the database file")
    p = _Parser(
        prog=PROG,
        description="MeetingKit: run meetings where every voice is heard.",
        parents=[common],
    )
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
    e.add_argument("--redacted", action="store_true", help="initials and roles instead of names")
    m = sub.add_parser("minutes", parents=[common], help="write a meeting's minutes as PDF")
    m.add_argument("id", type=int)
    m.add_argument("-o", "--output", metavar="FILE.pdf", required=True)
    m.add_argument("--redacted", action="store_true", help="initials and roles instead of names")
    m.add_argument("--no-participation", action="store_true", help="leave out the participation summary")
    s = sub.add_parser("stats", parents=[common], help="who spoke, for how long; the break; the timing")
    s.add_argument("id", type=int)
    s.add_argument("--json", action="store_true", help="the figures as one JSON object")
    sub.add_parser("list", parents=[common], help="list the meetings")
    a = sub.add_parser("actions", parents=[common], help="the action register")
    a.add_argument("--series", metavar="NAME")
    a.add_argument("--status", choices=ACTION_STATUSES)
    a.add_argument("--owner", metavar="TEXT", help="owner name contains TEXT")
    a.add_argument("--overdue", action="store_true", help="only actions past their due date and not done")
    return p


def main(argv: list[str] | None = None) -> int:
    """The single entry point: `main.py`, `python -m meetingkit` and the installed script all call it."""
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # --help was printed
        return 0 if exc.code in (0, None) else 2
    except CliError as exc:
        return _fail(str(exc))
    command = args.command or "gui"
    db_path = Path(getattr(args, "db", None) or default_db_path())
    try:
        if command in READ_ONLY and not db_path.exists():
            return _no_database(command, db_path)
        if command == "gui":
            missing = desktop_libs.problem()
            if missing:  # before Qt, which would abort naming the wrong package
                return _fail(missing)
            from meetingkit.app import run_app

            return run_app(db_path)
        return COMMANDS[command](args, db_path)
    except (CliError, StoreError, record.RecordError, DomainError) as exc:
        return _fail(str(exc))
    except (OSError, sqlite3.Error) as exc:
        return _fail(_os_message(exc))
    except KeyboardInterrupt:
        return _fail("interrupted")
    except BrokenPipeError:  # `meetingkit stats 1 --json | head`: the reader has had enough; not an error
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    except Exception as exc:  # never a traceback at the user; the message says what broke
        if os.environ.get("MEETINGKIT_DEBUG"):
            raise
        return _fail(f"unexpected error: {type(exc).__name__}: {exc}")


def _no_database(command: str, db_path: Path) -> int:
    """A command that only reads never creates a database where there was none."""
    if command == "list":
        print(f"No meetings yet (no database at {db_path}). Try: meetingkit demo")
        return 0
    if command == "actions":
        print(f"No actions yet (no database at {db_path}).")
        return 0
    return _fail(f"There is no MeetingKit database at {db_path}")


def _fail(message: str) -> int:
    print(f"{PROG}: error: {' '.join(message.split())}", file=sys.stderr)
    return 2


def _os_message(exc: Exception) -> str:
    if isinstance(exc, OSError) and exc.filename:
        return f"{exc.filename}: {exc.strerror or exc}"
    return str(exc)


def _store(db_path: Path) -> Any:
    from meetingkit.store.repository import Store

    return Store(db_path)


def _meeting_id(store: Any, mid: int) -> int:
    store.meeting_status(mid)  # raises "There is no meeting N"
    return mid


def _read_record(path: str) -> record.Record:
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise CliError(f"{path}: {exc.strerror}") from None
    try:
        return record.parse(data)
    except record.RecordError as exc:
        raise CliError(f"{path}: {exc}") from None


def cmd_replay(args: argparse.Namespace, db_path: Path) -> int:
    rec = _read_record(args.record)
    with _store(db_path) as store:
        mid = store.import_record(rec)
    print(mid)
    return 0


def cmd_demo(args: argparse.Namespace, db_path: Path) -> int:
    rec = _read_record(str(demo_record_path()))
    with _store(db_path) as store:
        mid = store.find_meeting(rec.meeting.title, rec.meeting.series, rec.meeting.scheduled_start)
        if mid is None:
            mid = store.import_record(rec)
            print(f"Demo meeting {mid}: {rec.meeting.title}")
        else:
            print(f"Demo meeting {mid} is already in the database: {rec.meeting.title}")
        if args.out:
            _write_minutes(store, mid, Path(args.out), redacted=False, participation=True)
            print(f"Minutes written to {args.out}")
    return 0


def export_record(store: Any, mid: int, redacted: bool = False) -> dict[str, Any]:
    live = store.rebuild(mid, SystemClock())
    data = record.write(live)
    return redact_record(data) if redacted else data


def redact_record(data: dict[str, Any]) -> dict[str, Any]:
    """A record with every person shown as initials and role, and names taken out of all free text.

    The same naming as the redacted minutes (models.redaction.PeopleNames), so the two editions agree.
    """
    from meetingkit.models.meeting import Attendee
    from meetingkit.models.redaction import PeopleNames

    names = PeopleNames(
        [Attendee(p["key"], p["name"], role=p["role"]) for p in data["people"]], redacted=True
    )
    out = json.loads(json.dumps(data))
    for p in out["people"]:
        p["name"] = names.who(p["key"])
        p["organisation"] = ""  # an organisation can identify a person; the sector stays
    for key in ("title", "venue", "series"):
        out["meeting"][key] = names.text(out["meeting"].get(key, ""))
    for it in out["agenda"]:
        it["title"] = names.text(it["title"])
    for ev in out["events"]:
        for k in ("text", "note", "reason"):
            if isinstance(ev.get(k), str):
                ev[k] = names.text(ev[k])
        if isinstance(ev.get("owner"), str):
            ev["owner"] = ev["owner"] if names.knows(ev["owner"]) else names.text(ev["owner"])
    return out


def cmd_export(args: argparse.Namespace, db_path: Path) -> int:
    with _store(db_path) as store:
        data = export_record(store, _meeting_id(store, args.id), args.redacted)
    text = json.dumps(data, indent=1, ensure_ascii=False) + "\n"
    if args.output:
        _write_file(Path(args.output), text.encode("utf-8"))
    else:
        sys.stdout.write(text)
    return 0


def _write_file(path: Path, data: bytes) -> None:
    """Write whole or not at all: a temporary file beside the target, then a rename."""
    if not path.parent.is_dir():
        raise CliError(f"Cannot write {path}: the folder {path.parent} does not exist")
    tmp = path.with_name(f".{path.name}.tmp")
    fd = os.open(tmp, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, 0o600)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _write_minutes(store: Any, mid: int, out: Path, redacted: bool, participation: bool) -> None:
    import io

    from meetingkit.reports.minutes_pdf import write_minutes

    live = store.rebuild(mid, SystemClock())
    buf = io.BytesIO()
    write_minutes(
        buf,
        live,
        meeting_id=mid,
        **store.minutes_context(mid),
        redacted=redacted,
        participation=participation,
    )
    _write_file(out, buf.getvalue())


def cmd_minutes(args: argparse.Namespace, db_path: Path) -> int:
    with _store(db_path) as store:
        mid = _meeting_id(store, args.id)
        _write_minutes(store, mid, Path(args.output), args.redacted, not args.no_participation)
    return 0


def cmd_stats(args: argparse.Namespace, db_path: Path) -> int:
    with _store(db_path) as store:
        summary = store.summary(_meeting_id(store, args.id))
    doc = summary.to_json()
    if args.json:
        print(json.dumps(doc, indent=1, ensure_ascii=False))
    else:
        print(format_stats(doc, break_during=summary.brk.during))
    return 0


def _mmss(seconds: float | None) -> str:
    if seconds is None:
        return "-"
    sign = "-" if seconds < 0 else ""
    s = int(round(abs(seconds)))
    return f"{sign}{s // 60}:{s % 60:02d}"


def format_stats(doc: dict[str, Any], break_during: bool = False) -> str:
    lines = [f"{doc['meeting']['title']} (meeting {doc['meeting']['id']})", ""]
    lines.append(f"{'Person':<28} {'Role':<12} {'Time':>7} {'Share':>6} {'Turns':>5} {'Longest':>7}")
    for p in doc["people"]:
        mark = " *" if p["patient_rep"] else ""
        lines.append(
            f"{(p['name'] + mark)[:28]:<28} {p['role'][:12]:<12} {_mmss(p['seconds']):>7} "
            f"{p['share'] * 100:>5.1f}% {p['turns']:>5} {_mmss(p['longest_s']):>7}"
        )
    lines.append("  * patient or public representative")
    lines.append("")
    lines.append(
        f"Patient and public voice: {doc['patient_voice_share'] * 100:.1f}% of the main discussion "
        f"({doc['patient_voice_share_with_break'] * 100:.1f}% including the feedback break)"
    )
    lines.append(f"Balance (Gini, 0 = evenly shared): {doc['gini']:.2f}")
    lines.append(f"Not heard: {', '.join(doc['not_heard']) or 'everyone present spoke'}")
    lines.append(f"Items without patient voice: {', '.join(doc['items_without_patient_voice']) or 'none'}")
    lines.append(f"Sectors missing: {', '.join(doc['coverage']['missing']) or 'none'}")
    b = doc["break"]
    brk = {
        "taken": f"taken {'during' if break_during else 'after'} '{b['after_item']}' for {_mmss(b['duration_s'])}",
        "skipped": f"skipped ({b['skip_reason']})",
        "not_held": "not held",
        "pending": "still to come",
        "running": "under way",
        "disabled": "not planned",
    }[b["status"]]
    lines.append(f"Feedback break: {brk}")
    t = doc["timing"]
    if t["over_s"] is not None:
        if abs(t["over_s"]) < ON_TIME_TOLERANCE_S:  # the same minute's grace as the forecast and the minutes
            lines.append("Finished on time")
        else:
            word = "over" if t["over_s"] > 0 else "under"
            lines.append(f"Finished {_mmss(abs(t['over_s']))} {word} the scheduled time")
    return "\n".join(lines)


def cmd_list(args: argparse.Namespace, db_path: Path) -> int:
    with _store(db_path) as store:
        rows = store.list_meetings()
    if not rows:
        print("No meetings yet. Try: meetingkit demo")
        return 0
    print(f"{'ID':>4}  {'Date':<16}  {'Status':<8}  {'Series':<20}  Title")
    for r in rows:
        print(f"{r.id:>4}  {r.scheduled_start:%Y-%m-%d %H:%M}  {r.status:<8}  {r.series[:20]:<20}  {r.title}")
    return 0


def cmd_actions(args: argparse.Namespace, db_path: Path) -> int:
    with _store(db_path) as store:
        rows = store.actions(args.series, args.status, args.owner, date.today() if args.overdue else None)
    if not rows:
        print("No actions match.")
        return 0
    print(f"{'Key':<10} {'Status':<12} {'Due':<10} {'Owner':<22} {'Series':<16} Action")
    for a in rows:
        src = " [patient feedback]" if a.source == "patient_feedback" else ""
        due = a.due.isoformat() if a.due else "-"
        print(
            f"{a.key[:10]:<10} {a.status.replace('_', ' '):<12} {due:<10} {a.owner[:22]:<22} {a.series[:16]:<16} {a.text}{src}"
        )
        for u in a.updates:
            note = f": {u.note}" if u.note else ""
            print(f"{'':<10} -> {u.status.replace('_', ' ')}{note}")
    return 0


COMMANDS = {
    "demo": cmd_demo,
    "replay": cmd_replay,
    "export": cmd_export,
    "minutes": cmd_minutes,
    "stats": cmd_stats,
    "list": cmd_list,
    "actions": cmd_actions,
}

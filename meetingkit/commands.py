"""The commands of the command line (DESIGN §7) other than opening the app: demo, replay, export, minutes,
summary, stats, list, actions, verify, approve. `cli.py` reads the line and hands each command here; what a command
prints, writes or replays is loaded by the command itself, not to open the app."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from meetingkit.clock import SystemClock
from meetingkit.models import bounds
from meetingkit.models.record_checks import RecordError
from meetingkit.reports.file_writer import check_target, write_file
from meetingkit.store.repository import Store

if TYPE_CHECKING:  # the engine is loaded by the commands that replay a meeting, not to open the app
    from meetingkit.models.record import Record

PROG = "meetingkit"


class CliError(Exception):
    """A problem to report on one line (exit code 2)."""


def shown(text: object) -> str:
    """`text` as a terminal should print it (terminal.shown): the terminal module, and the figures' modules it
    formats, are loaded by the commands that print, not to open the app."""
    from meetingkit.terminal import shown as escaped

    return escaped(text)


def _store(db_path: Path) -> Store:
    return Store(db_path)


def _meeting_id(store: Any, mid: int) -> int:
    store.meeting_status(mid)  # raises "There is no meeting N"
    return mid


def _read_record(path: str) -> Record:
    from meetingkit.models import record

    try:
        with open(path, "rb") as fh:
            # The size first: a 200 MB file is refused at once instead of being read and parsed for minutes.
            size = os.fstat(fh.fileno()).st_size
            if size > bounds.MAX_RECORD_BYTES:
                raise CliError(
                    f"{path}: the file is {size / 2**20:,.0f} MiB; a meeting record is at most "
                    f"{bounds.MAX_RECORD_BYTES // 2**20} MiB"
                )
            data = fh.read(bounds.MAX_RECORD_BYTES + 1)
    except OSError as exc:
        raise CliError(f"{path}: {exc.strerror}") from None
    try:
        return record.parse(data)
    except RecordError as exc:
        raise CliError(f"{path}: {exc}") from None


def cmd_replay(args: argparse.Namespace, db_path: Path) -> int:
    rec = _read_record(args.record)
    with _store(db_path) as store:
        mid = store.import_record(rec)
    print(mid)
    return 0


def cmd_demo(args: argparse.Namespace, db_path: Path) -> int:
    if args.out:
        _not_to_stdout(args.out, "The minutes", "minutes.pdf")  # said before the demo is added
    from meetingkit.resources import demo_record_path

    rec = _read_record(str(demo_record_path()))
    with _store(db_path) as store:
        mid = store.find_meeting(rec.meeting.title, rec.meeting.series, rec.meeting.scheduled_start)
        if mid is None:
            mid = store.import_record(rec)
            print(f"Demo meeting {mid}: {shown(rec.meeting.title)}")
        else:
            print(f"Demo meeting {mid} is already in the database: {shown(rec.meeting.title)}")
        if args.out:
            _write_minutes(store, mid, Path(args.out), redacted=False, participation=True)
            print(f"Minutes written to {shown(args.out)}")
    return 0


def export_record(
    store: Any, mid: int, redacted: bool = False, also: Sequence[str] = ()
) -> tuple[dict[str, Any], list[str]]:
    """The meeting's record, and (redacted) the words in it that may still be names."""
    from meetingkit.models import record
    from meetingkit.reports.redaction_check import redact_record
    from meetingkit.store.series_people import series_people

    live = store.rebuild(mid, SystemClock())
    data = record.write(live)
    if not redacted:
        return data, []
    return redact_record(data, series_people(store.db, mid), also)


STDOUT = "-"  # `-o -`: standard output, for the outputs that are text


def _not_to_stdout(output: str | Path, what: str, example: str) -> None:
    """A PDF or Word file on a terminal is noise, and a file called '-' is a trap: name a file instead."""
    if str(output) == STDOUT:
        raise CliError(
            f"{what} are written to a file, not to standard output: name one (for example {example})"
        )


def cmd_export(args: argparse.Namespace, db_path: Path) -> int:
    if args.output == STDOUT:
        args.output = None  # the record is text: `-o -` is standard output, as without -o
    if args.output:
        check_target(args.output)
    with _store(db_path) as store:
        mid = _meeting_id(store, args.id)
        data, left = export_record(store, mid, args.redacted, args.redact or ())
        altered = _warn_if_altered(store, mid)
    if altered:  # said in the record too: whoever reads it later is told
        data = {"altered": altered, **data}
    text = json.dumps(data, indent=1, ensure_ascii=False) + "\n"
    if args.output:
        write_file(args.output, text.encode("utf-8"))
    else:
        sys.stdout.write(text)
    _warn_names_left(left)
    return 0


def _warn_names_left(words: list[str]) -> None:
    """The redaction cannot know every name (DESIGN §5): say which words still look like one."""
    if words:
        shown_words = ", ".join(shown(w) for w in words[:40]) + (
            f" and {len(words) - 40} more" if len(words) > 40 else ""
        )
        print(
            f"{PROG}: warning: {len(words)} word(s) in the redacted text may still be names: {shown_words}. "
            "Check them; give --redact WORD (once a word) to replace any of them with initials too.",
            file=sys.stderr,
        )


def _write_minutes(
    store: Any, mid: int, out: Path, redacted: bool, participation: bool, also: Sequence[str] = ()
) -> list[str]:
    """Write the minutes in the edition the file's ending names (.pdf, .docx, .html); (redacted) the words in
    them that may still be names."""
    from meetingkit.models.redaction import PeopleNames
    from meetingkit.reports.minutes_document import build_minutes
    from meetingkit.reports.minutes_editions import renderer
    from meetingkit.reports.redaction_check import names_left, printed_text
    from meetingkit.store.series_people import series_people

    _not_to_stdout(out, "The minutes", "minutes.pdf")
    check_target(out)  # a target that will be refused is refused before the minutes are made
    try:
        render = renderer(out)
    except ValueError as exc:
        raise CliError(str(exc)) from None
    live = store.rebuild(mid, SystemClock())
    context = store.minutes_context(mid)
    others = series_people(store.db, mid) if redacted else []
    doc = build_minutes(
        live,
        meeting_id=mid,
        **context,
        redacted=redacted,
        participation=participation,
        others=others,
        also=also,
    )
    write_file(out, render(doc))
    if not redacted:
        return []
    names = PeopleNames(live.meeting.people, True, others=others, also=also)
    return names_left(names, printed_text(live, context["prior_actions"], context["prior_feedback"]))


def cmd_minutes(args: argparse.Namespace, db_path: Path) -> int:
    with _store(db_path) as store:
        mid = _meeting_id(store, args.id)
        _warn_if_altered(store, mid)
        left = _write_minutes(
            store, mid, Path(args.output), args.redacted, not args.no_participation, args.redact or ()
        )
    print(f"Minutes written to {shown(args.output)}")
    _warn_names_left(left)
    return 0


def cmd_summary(args: argparse.Namespace, db_path: Path) -> int:
    """One or two pages in large type and plain words for the representatives (DESIGN §5)."""
    from meetingkit.reports.summary_pdf import render_summary_pdf

    if Path(args.output).suffix.lower() not in (".pdf", ""):
        raise CliError(f"{args.output}: the summary for representatives is written as a PDF (.pdf)")
    _not_to_stdout(args.output, "The summary for representatives", "summary.pdf")
    check_target(args.output)  # refused before any work is done
    with _store(db_path) as store:
        mid = _meeting_id(store, args.id)
        _warn_if_altered(store, mid)
        summary = store.representatives_summary(mid, SystemClock())
    write_file(args.output, render_summary_pdf(summary))
    print(f"Summary for representatives written to {shown(args.output)}")
    return 0


def cmd_stats(args: argparse.Namespace, db_path: Path) -> int:
    from meetingkit.terminal import format_stats, shown_json

    with _store(db_path) as store:
        mid = _meeting_id(store, args.id)
        summary = store.summary(mid)
        altered = _warn_if_altered(store, mid)
    doc = summary.to_json()
    if args.json:
        if altered:  # only then: an intact record's figures keep DESIGN §7's shape
            doc = {"altered": altered, **doc}
        print(shown_json(json.dumps(doc, indent=1, ensure_ascii=False)))
    else:
        print((f"⚠ {altered}.\n" if altered else "") + format_stats(doc, break_during=summary.brk.during))
    return 0


def _warn_if_altered(store: Any, mid: int) -> str | None:
    """Say on stderr (as well as in the output) that meeting `mid`'s record was changed outside MeetingKit."""
    altered = store.altered(mid)
    if altered:
        print(f"{PROG}: warning: meeting {mid}: {altered}", file=sys.stderr)
    return altered


def cmd_verify(args: argparse.Namespace, db_path: Path) -> int:
    """Exit 0 when every record checked is intact, 2 when one was changed outside MeetingKit."""
    with _store(db_path) as store:
        mids = [_meeting_id(store, args.id)] if args.id is not None else [r.id for r in store.list_meetings()]
        found = {mid: store.alteration(mid) for mid in mids}
    for mid in sorted(found):
        what = found[mid]
        print(f"Meeting {mid}: " + (what.message if what else "intact"))
    altered = [mid for mid, what in found.items() if what]
    if altered:
        print(f"{PROG}: {len(altered)} of {len(found)} meeting(s) altered", file=sys.stderr)
        return 2
    return 0


def cmd_list(args: argparse.Namespace, db_path: Path) -> int:
    from meetingkit.terminal import format_list

    with _store(db_path) as store:
        rows = store.list_meetings()
    if not rows:
        print("No meetings yet. Try: meetingkit demo")
        return 0
    print(format_list(rows))
    return 0


def cmd_actions(args: argparse.Namespace, db_path: Path) -> int:
    from meetingkit.terminal import format_actions

    with _store(db_path) as store:
        rows = store.actions(args.series, args.status, args.owner, date.today() if args.overdue else None)
    if args.output:
        from meetingkit.reports.action_log_csv import action_log_csv

        if args.output == STDOUT:  # the log is text: `-o -` pipes it on
            sys.stdout.write(action_log_csv(rows))
            return 0
        if Path(args.output).suffix.lower() not in (".csv", ""):
            raise CliError(f"{args.output}: the action log is written as CSV (.csv)")
        check_target(args.output)
        write_file(args.output, action_log_csv(rows).encode("utf-8"))
        print(f"{len(rows)} action(s) written to {shown(args.output)}")
        return 0
    if not rows:
        print("No actions match.")
        return 0
    print(format_actions(rows))
    return 0


def cmd_approve(args: argparse.Namespace, db_path: Path) -> int:
    with _store(db_path) as store:
        mid = _meeting_id(store, args.id)
        store.approve(mid, SystemClock(), args.amendments)
    extra = " with amendments" if args.amendments.strip() else ""
    print(f"The minutes of meeting {mid} are approved{extra}.")
    return 0


COMMANDS = {
    "approve": cmd_approve,
    "demo": cmd_demo,
    "replay": cmd_replay,
    "export": cmd_export,
    "minutes": cmd_minutes,
    "summary": cmd_summary,
    "stats": cmd_stats,
    "list": cmd_list,
    "actions": cmd_actions,
    "verify": cmd_verify,
}

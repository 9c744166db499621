"""The action log as CSV (DESIGN §5): one row per action of the register, with its latest update; a cell a
spreadsheet would run as a formula is written as text."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Protocol

from meetingkit.models.meeting import ActionUpdate

HEADER = ("Reference", "Series", "Raised at", "Action", "Owner", "Due", "Status", "Latest update", "Source")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
STATUS_WORDS = {"open": "Open", "in_progress": "In progress", "done": "Done", "dropped": "Dropped"}


class LoggedAction(Protocol):
    key: str
    text: str
    owner: str
    status: str
    source: str
    series: str
    meeting_title: str
    meeting_start: datetime
    updates: list[ActionUpdate]

    @property
    def due(self) -> object: ...


def safe_cell(text: str) -> str:
    """A spreadsheet runs a cell starting with = + - @ (or a tab or return) as a formula: such text gets a '."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def _latest(updates: list[ActionUpdate]) -> str:
    if not updates:
        return ""
    u = max(updates, key=lambda u: u.at)
    when = datetime.fromtimestamp(u.at, UTC).date().isoformat()
    return f"{when}: {STATUS_WORDS.get(u.status, u.status)}" + (f" — {u.note}" if u.note else "")


def action_log_csv(actions: Iterable[LoggedAction]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(HEADER)
    for a in actions:
        raised = f"{a.meeting_title}, {a.meeting_start.date().isoformat()}"
        due = a.due.isoformat() if hasattr(a.due, "isoformat") else ""  # type: ignore[union-attr]
        source = "patient and public feedback" if a.source == "patient_feedback" else "meeting"
        row = (a.key, a.series, raised, a.text, a.owner, due, STATUS_WORDS.get(a.status, a.status))
        writer.writerow([safe_cell(str(c)) for c in (*row, _latest(a.updates), source)])
    return out.getvalue()

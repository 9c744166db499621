"""Qt table models over actions and their updates: the register, the live actions review, an action's history."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from meetingkit.models.meeting import Action, ActionUpdate
from meetingkit.store.repository import ActionRow, MeetingRow
from meetingkit.ui.common.plain_text import plain_tip
from meetingkit.ui.common.row_table_model import RowTableModel

Index = QModelIndex | QPersistentModelIndex

ROW_ROLE = Qt.ItemDataRole.UserRole  # the whole ActionLine / UpdateLine of a row
SORT_ROLE = Qt.ItemDataRole.UserRole + 1  # a value that sorts as a person expects (dates, status order)

STATUS_LABELS = {"open": "Open", "in_progress": "In progress", "done": "Done", "dropped": "Dropped"}
# A glyph with every status word, so that state never rests on colour alone.
STATUS_ICONS = {"open": "○", "in_progress": "◑", "done": "✓", "dropped": "✕"}
OVERDUE_ICON = "⚠"
STATUS_COLOURS = {
    "open": "#1f3a5f",
    "in_progress": "#7a4b00",
    "done": "#1d6b2f",
    "dropped": "#555555",
    "overdue": "#a4161a",
}
SOURCE_LABELS = {"meeting": "Meeting", "patient_feedback": "Patient feedback"}


def day_text(d: date | None) -> str:
    """A date as people write it in minutes: 3 Nov 2026."""
    return f"{d.day} {d:%b %Y}" if d else ""


def epoch_day(at: float) -> date:
    """The local calendar day of an epoch time (the secretary's day, not UTC's)."""
    return datetime.fromtimestamp(at, UTC).astimezone().date()


def meeting_label(row: MeetingRow) -> str:
    return f"{row.title}, {day_text(row.scheduled_start.date())}"


def status_text(status: str, overdue: bool = False) -> str:
    label = f"{STATUS_ICONS.get(status, '')} {STATUS_LABELS.get(status, status)}"
    return f"{OVERDUE_ICON} {STATUS_LABELS.get(status, status)}, overdue" if overdue else label


@dataclass(frozen=True)
class UpdateLine:
    """One entry in the record of actions taken: when, what status, the note, and where it was reported."""

    at: float
    status: str
    note: str
    meeting: str

    @property
    def day(self) -> str:
        return day_text(epoch_day(self.at))

    @property
    def summary(self) -> str:
        note = f": {self.note}" if self.note else ""
        return f"{STATUS_LABELS.get(self.status, self.status)}{note} ({self.day})"

    @classmethod
    def of(cls, update: ActionUpdate, meetings: Mapping[int, str], here: str = "This meeting") -> UpdateLine:
        """`here` names the meeting an update with no meeting id belongs to (the live one, or between meetings)."""
        where = meetings.get(update.meeting_id, "") if update.meeting_id is not None else here
        return cls(update.at, update.status, update.note, where)


@dataclass(frozen=True)
class ActionLine:
    """An action as a table shows it, from the register (`ref` = store id) or a live meeting (`ref` = key)."""

    ref: int | str
    key: str
    text: str
    owner: str
    due: date | None
    status: str
    source: str
    series: str
    agreed: str
    overdue: bool
    updates: tuple[UpdateLine, ...] = ()

    @property
    def is_open(self) -> bool:
        return self.status in ("open", "in_progress")

    @classmethod
    def of_row(cls, row: ActionRow, meetings: Mapping[int, str], today: date) -> ActionLine:
        """A register row; updates made between meetings without a series are shown as such."""
        return cls(
            row.id,
            row.key,
            row.text,
            row.owner,
            row.due,
            row.status,
            row.source,
            row.series,
            meetings.get(row.meeting_id, row.meeting_title),
            row.overdue(today),
            tuple(UpdateLine.of(u, meetings, "Between meetings") for u in row.updates),
        )

    @classmethod
    def of_action(
        cls, action: Action, owner: str, agreed: str, today: date, meetings: Mapping[int, str] | None = None
    ) -> ActionLine:
        """An action as the live engine holds it (its updates in this meeting carry no meeting id)."""
        overdue = action.due is not None and action.due < today and action.is_open
        return cls(
            action.key,
            action.key,
            action.text,
            owner,
            action.due,
            action.status,
            action.source,
            "",
            agreed,
            overdue,
            tuple(UpdateLine.of(u, meetings or {}) for u in action.updates),
        )


class ActionsModel(RowTableModel[ActionLine]):
    """One row per action; the status column carries words and a glyph as well as a colour."""

    COLUMNS = ("Key", "Action", "Owner", "Due", "Status", "From", "Series", "Agreed at", "Latest update")
    KEY, TEXT, OWNER, DUE, STATUS, SOURCE, SERIES, AGREED, LATEST = range(len(COLUMNS))
    _STATUS_ORDER = {"open": 0, "in_progress": 1, "done": 2, "dropped": 3}

    def row_of(self, ref: int | str) -> int | None:
        for i, line in enumerate(self._rows):
            if line.ref == ref:
                return i
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        line = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(line, col)
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tip(self._tooltip(line, col))
        if role == Qt.ItemDataRole.ForegroundRole and col in (self.STATUS, self.DUE):
            if line.overdue:
                return QColor(STATUS_COLOURS["overdue"])
            return QColor(STATUS_COLOURS.get(line.status, "#000000")) if col == self.STATUS else None
        if role == SORT_ROLE:
            return self._sort_key(line, col)
        if role == ROW_ROLE:
            return line
        return None

    def _display(self, line: ActionLine, col: int) -> str:
        if col == self.KEY:
            return line.key
        if col == self.TEXT:
            return line.text
        if col == self.OWNER:
            return line.owner or "(no owner)"
        if col == self.DUE:
            return day_text(line.due) or "-"
        if col == self.STATUS:
            return status_text(line.status, line.overdue)
        if col == self.SOURCE:
            return SOURCE_LABELS.get(line.source, line.source)
        if col == self.SERIES:
            return line.series or "(no series)"
        if col == self.AGREED:
            return line.agreed
        if col == self.LATEST:
            return line.updates[-1].summary if line.updates else "No update yet"
        return ""

    def _tooltip(self, line: ActionLine, col: int) -> str | None:
        if col in (self.TEXT, self.AGREED):
            return self._display(line, col)
        if col == self.LATEST and line.updates:
            return "\n".join(f"{u.day} {u.meeting}: {u.summary}" for u in line.updates)
        return None

    def _sort_key(self, line: ActionLine, col: int) -> Any:
        if col == self.DUE:
            return line.due.isoformat() if line.due else "9999-12-31"
        if col == self.STATUS:
            return (0 if line.overdue else 1) * 10 + self._STATUS_ORDER.get(line.status, 9)
        if col == self.LATEST:
            return line.updates[-1].at if line.updates else 0.0
        return self._display(line, col).casefold()


class ActionUpdatesModel(RowTableModel[UpdateLine]):
    """An action's record of actions taken, oldest first."""

    COLUMNS = ("Date", "Status", "Note", "Reported at")
    DATE, STATUS, NOTE, MEETING = range(len(COLUMNS))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        u = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (u.day, status_text(u.status), u.note or "-", u.meeting or "-")[col]
        if role == Qt.ItemDataRole.ForegroundRole and col == self.STATUS:
            return QColor(STATUS_COLOURS.get(u.status, "#000000"))
        if role == Qt.ItemDataRole.ToolTipRole and col == self.NOTE:
            return plain_tip(u.note)
        if role == SORT_ROLE:
            return u.at if col == self.DATE else self.data(index)
        if role == ROW_ROLE:
            return u
        return None


def meeting_labels(meetings: Iterable[MeetingRow]) -> dict[int, str]:
    """Meeting id -> "Title, 12 Jun 2026", for the 'agreed at' and 'reported at' columns."""
    return {m.id: meeting_label(m) for m in meetings}

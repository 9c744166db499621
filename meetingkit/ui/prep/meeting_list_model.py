"""The meetings in the database as a two-level Qt tree: each series (newest activity first), its meetings
newest first beneath it, with their status in words and a mark beside them (never colour alone).

A QStandardItemModel: the rows are made once per refresh, and the view lays them out and paints them without
calling back into Python for each cell and role. It is built without Qt's `Qt` namespace (93 enums, about a tenth
of the app's start-up, which PySide builds the first time anything names it) and without QStyle's icons.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex
from PySide6.QtGui import QStandardItem, QStandardItemModel

from meetingkit.store.repository import MeetingRow
from meetingkit.ui.common.meeting_zone import in_meeting_zone
from meetingkit.ui.common.plain_text import plain_tip

COLUMNS = ("title", "date", "status")
HEADERS = {"title": "Meeting", "date": "Date", "status": "Status"}
STATUS_LABELS = {"draft": "Draft", "running": "Running", "ended": "Ended"}
# An ended meeting's minutes: short in the list (its column must leave the titles room at 200% text), in full
# in the details pane and the tooltip.
MINUTES_LABELS = {"draft": "Ended, draft", "approved": "Ended, approved"}
MINUTES_WORDS = {"draft": "Ended — minutes draft", "approved": "Ended — minutes approved"}
STATUS_HINTS = {
    "draft": "Being prepared: it can still be edited.",
    "running": "Under way (or interrupted): it can be resumed.",
    "ended": "Finished: its record is kept as it happened.",
}
MINUTES_HINTS = {
    "draft": "Finished; minutes draft: to be approved, and corrected until then.",
    "approved": "Finished; minutes approved: they can no longer be corrected.",
}
# Beside the words in the list and the details pane; a screen reader is given the words alone.
STATUS_MARKS = {"draft": "✎", "running": "▶", "ended": "✓"}
RUNNING_SHOWN = (
    f"{STATUS_MARKS['running']} {STATUS_LABELS['running']}"  # the status column is at least this wide
)
NO_SERIES = "Meetings without a series"
AnyIndex = QModelIndex | QPersistentModelIndex


def status_text(row: MeetingRow, full: bool = False) -> str:
    """The meeting's status in words; an ended meeting's says whether its minutes are draft or approved
    (`full`: in whole words, for the details pane)."""
    if row.status == "ended" and row.minutes in MINUTES_LABELS:
        return (MINUTES_WORDS if full else MINUTES_LABELS)[row.minutes]
    return STATUS_LABELS.get(row.status, row.status)


def status_shown(row: MeetingRow) -> str:
    """The status as the list shows it: its mark, then its words."""
    mark = STATUS_MARKS.get(row.status)
    return f"{mark} {status_text(row)}" if mark else status_text(row)


def status_hint(row: MeetingRow) -> str | None:
    if row.status == "ended" and row.minutes in MINUTES_HINTS:
        return MINUTES_HINTS[row.minutes]
    return STATUS_HINTS.get(row.status)


def when_text(when: datetime) -> str:
    """'Tue 6 Oct 2026, 14:00', on the wall clock `when` carries: give it the meeting's own zone
    (`meeting_zone.in_meeting_zone`), as `meetingkit list` and the minutes do."""
    return when.strftime(f"%a {when.day} %b %Y, %H:%M")  # one strftime: the list formats every start


@dataclass
class SeriesGroup:
    """One series in the list: its meetings, newest first, and the cells shown for each."""

    name: str
    meetings: list[MeetingRow] = field(default_factory=list)
    texts: list[tuple[str, str, str]] = field(default_factory=list)  # each meeting's cells, made once

    @property
    def label(self) -> str:
        n = len(self.meetings)
        return f"{self.name or NO_SERIES} ({n} meeting{'s' if n != 1 else ''})"


def group_by_series(rows: Sequence[MeetingRow]) -> list[SeriesGroup]:
    """Series ordered by their newest meeting, meetings newest first (ties: the later-created first)."""
    groups: dict[str, SeriesGroup] = {}
    for row in sorted(rows, key=lambda r: (r.scheduled_start, r.id), reverse=True):
        group = groups.setdefault(row.series, SeriesGroup(row.series))
        group.meetings.append(row)
        group.texts.append(
            (
                row.title,
                when_text(in_meeting_zone(row.scheduled_start, row.scheduled_start)),
                status_shown(row),
            )
        )
    return list(groups.values())


class MeetingListModel(QStandardItemModel):
    def __init__(self, rows: Sequence[MeetingRow] = (), parent: QObject | None = None) -> None:
        super().__init__(0, len(COLUMNS), parent)
        self.setHorizontalHeaderLabels([HEADERS[c] for c in COLUMNS])
        self._groups: list[SeriesGroup] = []
        self.set_rows(rows)

    def set_rows(self, rows: Sequence[MeetingRow]) -> None:
        """The list made again from `rows` (a reset: the view's selection is set again by its window)."""
        self._groups = group_by_series(rows)
        self.setRowCount(0)  # the rows only: the columns, and the widths the view gave them, stay
        root = self.invisibleRootItem()
        for group in self._groups:
            series = _item(group.label)
            for row, (title, when, status) in zip(group.meetings, group.texts, strict=True):
                tip = plain_tip(row.title)  # the whole title, which the column may cut short
                cells = [_item(title, tip), _item(when, tip), _item(status, status_hint(row))]
                cells[2].setAccessibleText(status_text(row))
                series.appendRow(cells)
            root.appendRow(series)  # whole: one insertion per series for the view

    @property
    def groups(self) -> list[SeriesGroup]:
        return self._groups

    def meeting_at(self, index: AnyIndex) -> MeetingRow | None:
        parent = index.parent() if index.isValid() else QModelIndex()
        if not parent.isValid():
            return None
        return self._groups[parent.row()].meetings[index.row()]

    def series_at(self, index: AnyIndex) -> str | None:
        """The series a row belongs to (a series row or one of its meetings); '' for no series."""
        if not index.isValid():
            return None
        parent = index.parent()
        return self._groups[parent.row() if parent.isValid() else index.row()].name

    def index_of_meeting(self, meeting_id: int) -> QModelIndex:
        for g, group in enumerate(self._groups):
            for r, row in enumerate(group.meetings):
                if row.id == meeting_id:
                    return self.index(r, 0, self.index(g, 0))
        return QModelIndex()


def _item(text: str, tip: str | None = None) -> QStandardItem:
    """A cell that reads `text` and cannot be edited in place (meetings are edited in their own window)."""
    item = QStandardItem(text)
    item.setEditable(False)
    if tip:
        item.setToolTip(tip)
    return item

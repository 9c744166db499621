"""The meetings in the database as a two-level Qt tree: each series (newest activity first), its meetings
newest first beneath it, with their status in words and an icon (never colour alone)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QStyle

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
STATUS_ICONS = {
    "draft": QStyle.StandardPixmap.SP_FileIcon,
    "running": QStyle.StandardPixmap.SP_MediaPlay,
    "ended": QStyle.StandardPixmap.SP_DialogApplyButton,
}
NO_SERIES = "Meetings without a series"
GROUP = 0  # the internal id of a series row; a meeting row carries its group's index + 1
AnyIndex = QModelIndex | QPersistentModelIndex


def status_text(row: MeetingRow, full: bool = False) -> str:
    """The meeting's status in words; an ended meeting's says whether its minutes are draft or approved
    (`full`: in whole words, for the details pane)."""
    if row.status == "ended" and row.minutes in MINUTES_LABELS:
        return (MINUTES_WORDS if full else MINUTES_LABELS)[row.minutes]
    return STATUS_LABELS.get(row.status, row.status)


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
                status_text(row),
            )
        )
    return list(groups.values())


class MeetingListModel(QAbstractItemModel):
    def __init__(self, rows: Sequence[MeetingRow] = (), parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._groups = group_by_series(rows)
        self._icons: dict[str, QIcon] = {}

    def set_rows(self, rows: Sequence[MeetingRow]) -> None:
        self.beginResetModel()
        self._groups = group_by_series(rows)
        self.endResetModel()

    @property
    def groups(self) -> list[SeriesGroup]:
        return self._groups

    def meeting_at(self, index: AnyIndex) -> MeetingRow | None:
        if not index.isValid() or index.internalId() == GROUP:
            return None
        return self._groups[index.internalId() - 1].meetings[index.row()]

    def series_at(self, index: AnyIndex) -> str | None:
        """The series a row belongs to (a series row or one of its meetings); '' for no series."""
        if not index.isValid():
            return None
        g = index.row() if index.internalId() == GROUP else index.internalId() - 1
        return self._groups[g].name

    def index_of_meeting(self, meeting_id: int) -> QModelIndex:
        for g, group in enumerate(self._groups):
            for r, row in enumerate(group.meetings):
                if row.id == meeting_id:
                    return self.createIndex(r, 0, g + 1)
        return QModelIndex()

    # ---- Qt model ---------------------------------------------------------------------------------------

    def index(self, row: int, column: int, parent: AnyIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        # The bounds checked here, not by hasIndex(): that calls rowCount() and columnCount() back in Python,
        # three calls for every row the view lays out (expanding the list at start-up asks for each one).
        if row < 0 or not 0 <= column < len(COLUMNS):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, GROUP) if row < len(self._groups) else QModelIndex()
        if parent.internalId() != GROUP or parent.column() != 0:
            return QModelIndex()
        if row >= len(self._groups[parent.row()].meetings):
            return QModelIndex()
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, index: AnyIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid() or index.internalId() == GROUP:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, GROUP)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self._groups)
        if parent.internalId() == GROUP and parent.column() == 0:
            return len(self._groups[parent.row()].meetings)
        return 0

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return HEADERS[COLUMNS[section]]
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # Called for every visible cell at each paint: it only looks texts up, never formats them.
        if not index.isValid():
            return None
        group_id = index.internalId()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if group_id == GROUP:
                return self._groups[index.row()].label if index.column() == 0 else None
            return self._groups[group_id - 1].texts[index.row()][index.column()]
        if group_id == GROUP:
            return None
        row = self._groups[group_id - 1].meetings[index.row()]
        field_name = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DecorationRole and field_name == "status":
            return self._icon(row.status)
        if role == Qt.ItemDataRole.ToolTipRole:
            return status_hint(row) if field_name == "status" else plain_tip(row.title)
        return None

    def _icon(self, status: str) -> QIcon | None:
        if status not in STATUS_ICONS:
            return None
        if status not in self._icons:
            app = QApplication.instance()
            if not isinstance(app, QApplication):
                return None
            self._icons[status] = app.style().standardIcon(STATUS_ICONS[status])
        return self._icons[status]

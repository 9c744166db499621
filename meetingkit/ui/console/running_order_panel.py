"""The running order beside the timers (issue 13): every item with its planned and projected (or actual) start,
planned and actual length, and status; the feedback break where it will fall; protected items marked."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QVBoxLayout, QWidget

from meetingkit.models.meeting import BREAK
from meetingkit.models.running_order import OrderRow, running_order
from meetingkit.models.session import LiveMeeting, format_clock
from meetingkit.ui.common.accessibility import ValueLabel
from meetingkit.ui.common.live_bridge import LiveBridge
from meetingkit.ui.common.plain_text import plain_tip
from meetingkit.ui.common.row_table_model import RowTableModel
from meetingkit.ui.console.timer_faces import local_time

STATUS_WORDS = {
    "done": "✓ done",
    "now": "▶ now",
    "next": "next",
    "later": "",
    "deferred": "deferred",
    "skipped": "skipped",
}
REFRESH_S = 1.0
BODY_PX = 15

Index = QModelIndex | QPersistentModelIndex


def _minutes(seconds: float) -> str:
    return f"{round(seconds / 60)} min" if seconds >= 60 else format_clock(seconds)


class RunningOrderModel(RowTableModel[OrderRow]):
    COLUMNS = ("Item", "Planned", "Start", "Plan", "Actual", "Status")

    def __init__(self, live: LiveMeeting) -> None:
        super().__init__(())
        self.live = live

    def set_rows(self, rows: Any) -> None:
        rows = list(rows)
        if rows == self._rows:
            return
        if [r.key for r in rows] == [r.key for r in self._rows]:  # same order, new figures: keep the view
            self._rows = rows
            self.dataChanged.emit(self.index(0, 0), self.index(len(rows) - 1, len(self.COLUMNS) - 1))
            return
        super().set_rows(rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        r = self._rows[index.row()]
        col = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._cell(r, col)
        if role == Qt.ItemDataRole.FontRole and r.status in ("now", "next"):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tip(self._tip(r))
        if role == Qt.ItemDataRole.TextAlignmentRole and col > 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _cell(self, r: OrderRow, col: int) -> str:
        if col == 0:
            return f"{r.title} · protected" if r.protected and r.key != BREAK else r.title
        if col == 1:
            return local_time(self.live, r.planned_start)
        if col == 2:
            if r.start is None:
                return "—"
            return local_time(self.live, r.start) if r.started else f"≈{local_time(self.live, r.start)}"
        if col == 3:
            return _minutes(r.planned_s)
        if col == 4:
            return _minutes(r.actual_s) if r.started or r.actual_s else ""
        return STATUS_WORDS[r.status]

    def _tip(self, r: OrderRow) -> str:
        start = "began" if r.started else "projected to begin"
        lines = [r.title]
        if r.start is not None:
            lines.append(
                f"{start} {local_time(self.live, r.start)}; planned {local_time(self.live, r.planned_start)}"
            )
        if r.protected:
            lines.append("Protected: keeps its time when the rest is rebalanced")
        return "\n".join(lines)


class RunningOrderPanel(QWidget):
    """The table, and a line saying where the feedback break falls. Repaints once a second of meeting time."""

    def __init__(self, bridge: LiveBridge, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bridge = bridge
        self.setAccessibleName("Running order")
        body = self.font()
        body.setPixelSize(BODY_PX)  # read at a glance mid-meeting, like the voices beside it
        self.setFont(body)
        self.model = RunningOrderModel(bridge.live)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setAccessibleName("Running order table")
        self.view.verticalHeader().hide()
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setWordWrap(True)
        self.view.setTextElideMode(Qt.TextElideMode.ElideNone)  # a title wraps in a narrow panel, never cut
        self.view.setTabKeyNavigation(False)
        head = self.view.horizontalHeader()
        head.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for c in range(1, len(RunningOrderModel.COLUMNS)):
            head.setSectionResizeMode(c, QHeaderView.ResizeMode.ResizeToContents)
        # Rows as tall as their wrapped titles, whatever width the chair gives the panel.
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.outlook = ValueLabel()
        self.outlook.setTextFormat(Qt.TextFormat.PlainText)
        self.outlook.setWordWrap(True)
        self.outlook.setAccessibleName("Feedback break outlook")
        col = QVBoxLayout(self)
        col.setContentsMargins(6, 6, 6, 6)
        col.addWidget(self.outlook)
        col.addWidget(self.view, 1)
        self._last: tuple[float, int] | None = None
        bridge.tick.connect(self._on_tick)
        bridge.changed.connect(lambda _e: self.refresh())
        self.refresh()

    def _on_tick(self) -> None:
        live = self.bridge.live
        if not self.isVisible() or self._last is None:
            return
        if live.now() - self._last[0] >= REFRESH_S or len(live.events) != self._last[1]:
            self.refresh()

    def refresh(self) -> None:
        live = self.bridge.live
        now = live.now()
        self._last = (now, len(live.events))
        rows = running_order(live, now)
        self.model.set_rows(rows)
        self.outlook.setText(live.break_outlook(now))

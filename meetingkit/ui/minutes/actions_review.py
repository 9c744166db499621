"""The actions review: every open action of the series and those agreed today, with what became of each."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from meetingkit.models.meeting import ACTION_STATUSES
from meetingkit.store.repository import Store
from meetingkit.ui.common.accessibility import ValueLabel
from meetingkit.ui.common.actions_model import (
    ROW_ROLE,
    STATUS_LABELS,
    ActionLine,
    ActionsModel,
    day_text,
    meeting_labels,
)
from meetingkit.ui.minutes.form_layout import narrow_combo, right_aligned
from meetingkit.ui.minutes.recorder import Recorder

ACTION_TEXT_PX = 200  # the review table's action column: a readable line, not a column of syllables


class ReviewTable(QTableView):
    """The actions under review. When the panel is too narrow for the action's words to keep
    ACTION_TEXT_PX beside the owner, the owner column goes (the line under the table names the owner of
    the selected action), so the words never shrink to a column of syllables."""

    owner_px = 0  # the owner column's width when shown (a hidden section has no size to ask)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        header = self.horizontalHeader()
        others = header.sectionSize(ActionsModel.KEY) + header.sectionSize(ActionsModel.STATUS)
        narrow = self.viewport().width() - others - self.owner_px < ACTION_TEXT_PX
        if narrow != self.isColumnHidden(ActionsModel.OWNER):
            self.setColumnHidden(ActionsModel.OWNER, narrow)
            if not narrow:
                header.resizeSection(ActionsModel.OWNER, self.owner_px)


class ActionsReviewBox(QGroupBox):
    """Shown while the current item reviews actions; each update is an `action_update` command."""

    def __init__(self, recorder: Recorder, store: Store, parent: QWidget | None = None) -> None:
        super().__init__("Actions review", parent)
        self.recorder = recorder
        self.store = store
        self._restoring = False
        self._prior_owner: dict[tuple[int | None, str], str] | None = None
        self._meeting_names: dict[int, str] | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        intro = QLabel("Every open action of the series, then those agreed today.")
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.model = ActionsModel(parent=self)
        self.table = ReviewTable()
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; the arrow keys move within it
        self.table.setAccessibleName("Actions to review")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.setMinimumHeight(220)  # three or four wrapped actions in view at once
        self.table.setWordWrap(True)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        # A side panel has room for what, who and where it stands; the due date, the meeting that agreed it
        # and the latest update are under the table for the selected action.
        for col in (
            ActionsModel.DUE,
            ActionsModel.SERIES,
            ActionsModel.SOURCE,
            ActionsModel.AGREED,
            ActionsModel.LATEST,
        ):
            self.table.setColumnHidden(col, True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(ActionsModel.TEXT, QHeaderView.ResizeMode.Stretch)
        # Owner and status wrap onto a second line in columns of about twelve characters, so that the
        # action's own words keep most of the width.
        metrics = self.fontMetrics()
        for col, widest in ((ActionsModel.OWNER, "Claire Dunne"), (ActionsModel.STATUS, "◑ In progress")):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Fixed)
            header.resizeSection(col, metrics.horizontalAdvance(widest) + 8)
        self.table.owner_px = header.sectionSize(ActionsModel.OWNER)
        self.table.selectionModel().selectionChanged.connect(self._selected_changed)
        layout.addWidget(self.table, 1)
        self.detail = ValueLabel("Choose an action in the list to record what became of it.")
        self.detail.setAccessibleName("Selected action")
        self.detail.setTextFormat(Qt.TextFormat.PlainText)
        self.detail.setWordWrap(True)
        layout.addWidget(self.detail)
        form = QFormLayout()
        self.status = QComboBox()
        self.status.setAccessibleName("Action status")
        narrow_combo(self.status)
        for s in ACTION_STATUSES:
            self.status.addItem(STATUS_LABELS[s], s)
        self.note = QLineEdit()
        self.note.setAccessibleName("Action update note")
        self.note.setPlaceholderText("What was done, or why not")
        self.button = QPushButton("Record update")
        self.button.setAccessibleName("Record action update")
        self.button.clicked.connect(self.record)
        self.note.returnPressed.connect(self.record)
        form.addRow("Status:", self.status)
        form.addRow("Update:", self.note)
        layout.addLayout(form)
        layout.addLayout(right_aligned(self.button))

    def inputs(self) -> list[QWidget]:
        return [self.status, self.note, self.button]

    def _load_series_names(self) -> None:
        """Owner names and meeting titles of earlier meetings' actions, read once: they do not change now."""
        series = self.recorder.live.meeting.series
        rows = self.store.actions(series=series) if series else []
        self._prior_owner = {(r.meeting_id, r.key): r.owner for r in rows}
        self._meeting_names = meeting_labels(self.store.list_meetings(series)) if series else {}

    def lines(self) -> list[ActionLine]:
        """Every action open when the meeting began (or reviewed in it), then the ones agreed in it."""
        if self._prior_owner is None or self._meeting_names is None:
            self._load_series_names()
        assert self._prior_owner is not None and self._meeting_names is not None
        live = self.recorder.live
        today = self.recorder.today()
        touched = {u.action for u in live.updates}
        lines = []
        for a in live.prior_actions.values():
            if a.is_open or a.key in touched:
                owner = self._prior_owner.get((a.meeting_id, a.key), a.owner)
                agreed = self._meeting_names.get(a.meeting_id or -1, "An earlier meeting")
                lines.append(ActionLine.of_action(a, owner, agreed, today, self._meeting_names))
        for a in live.actions.values():
            owner = self.recorder.name(a.owner) if a.owner else ""
            lines.append(ActionLine.of_action(a, owner, "This meeting", today, self._meeting_names))
        return lines

    def show_review(self) -> None:
        lines = self.lines()
        if lines == self.model.rows():
            return  # most events (a new speaker) change nothing here; leave the secretary's selection alone
        keep = self.selected()
        self._restoring = True  # the status the secretary picked but has not recorded yet must survive
        try:
            self.model.set_rows(lines)
            if keep is None or not self.select(keep.key):
                self._show_detail(None)
        finally:
            self._restoring = False

    def selected(self) -> ActionLine | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.data(rows[0], ROW_ROLE) if rows else None

    def select(self, key: str) -> bool:
        row = self.model.row_of(key)
        if row is None:
            return False
        self.table.selectionModel().select(
            self.model.index(row, 0),
            QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
        )
        return True

    def _selected_changed(self) -> None:
        line = self.selected()
        self._show_detail(line)
        if line is not None and not self._restoring:
            self.status.setCurrentIndex(max(0, self.status.findData(line.status)))

    def _show_detail(self, line: ActionLine | None) -> None:
        """What the narrow table leaves out, for the selected action: due date, where agreed, latest update."""
        if line is None:
            self.detail.setText("Choose an action in the list to record what became of it.")
            return
        due = f"due {day_text(line.due)}{' (overdue)' if line.overdue else ''}" if line.due else "no due date"
        owner = line.owner or "no owner"
        latest = line.updates[-1].summary if line.updates else "no update yet"
        self.detail.setText(f"{line.key}: {owner}, {due}; agreed at {line.agreed}.\nLatest: {latest}.")

    def record(self) -> None:
        line = self.selected()
        if line is None:
            self.recorder.say("Choose an action in the list first.")
            return
        status = self.status.currentData()
        payload: dict[str, Any] = {"action": line.key, "status": status}
        note = self.note.text().strip()
        if note:
            payload["note"] = note
        if self.recorder.command("action_update", **payload):
            self.note.clear()
            self.recorder.say(f"{line.key} is now {STATUS_LABELS[status].lower()}.")

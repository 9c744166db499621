"""The action register: every action of every series, filtered, with its history and status changes between meetings."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from meetingkit.clock import Clock
from meetingkit.models.meeting import ACTION_STATUSES, DomainError
from meetingkit.reports.action_log_csv import action_log_csv
from meetingkit.reports.file_writer import file_name, write_file
from meetingkit.store.database import StoreError
from meetingkit.store.repository import Store
from meetingkit.ui.common.accessibility import ValueLabel
from meetingkit.ui.common.actions_model import (
    ROW_ROLE,
    SORT_ROLE,
    STATUS_LABELS,
    ActionLine,
    ActionsModel,
    ActionUpdatesModel,
    day_text,
    meeting_labels,
)
from meetingkit.ui.common.announce import tell
from meetingkit.ui.common.save_name import may_replace
from meetingkit.ui.common.screen_fit import fit_to_screen

ALL = ""


class ActionRegisterWindow(QWidget):
    """What was agreed, by whom, by when, and what became of it, across meetings."""

    def __init__(self, store: Store, clock: Clock, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.clock = clock
        self.setWindowTitle("Action register")
        fit_to_screen(self, 1100, 640)
        self.model = ActionsModel(parent=self)
        self.updates_model = ActionUpdatesModel(parent=self)
        self._build()
        self.refresh()

    # ---- layout -----------------------------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.addLayout(self._filters())
        self.count_label = ValueLabel()
        self.count_label.setAccessibleName("Number of actions shown")
        self.export_button = QPushButton("Export…")
        self.export_button.setAccessibleName("Export action log")
        self.export_button.setToolTip("The actions shown, as a CSV file for a spreadsheet (the action log)")
        self.export_button.clicked.connect(self.export_csv)
        self.export_result = ValueLabel()
        self.export_result.setAccessibleName("Export result")
        self.export_result.setTextFormat(Qt.TextFormat.PlainText)  # names a file the user chose
        count_row = QHBoxLayout()
        count_row.addWidget(self.count_label)
        count_row.addWidget(self.export_result, 1)
        count_row.addWidget(self.export_button)
        layout.addLayout(count_row)

        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.table = QTableView()
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; the arrow keys move within it
        self.table.setAccessibleName("Actions")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(
            -1, Qt.SortOrder.AscendingOrder
        )  # the store's order (oldest first) until asked
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        for col in range(len(ActionsModel.COLUMNS)):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        # The long columns share the width and wrap, so that nothing hides behind a horizontal scroll bar.
        for col in (ActionsModel.TEXT, ActionsModel.AGREED, ActionsModel.LATEST):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().selectionChanged.connect(self._show_selected)

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self._details())
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout.addWidget(splitter, 1)

    def _filters(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.series_filter = QComboBox()
        self.series_filter.setAccessibleName("Series filter")
        self.status_filter = QComboBox()
        self.status_filter.setAccessibleName("Status filter")
        self.status_filter.addItem("Any status", ALL)
        for s in ACTION_STATUSES:
            self.status_filter.addItem(STATUS_LABELS[s], s)
        self.owner_filter = QLineEdit()
        self.owner_filter.setAccessibleName("Owner filter")
        self.owner_filter.setPlaceholderText("Owner name contains…")
        self.owner_filter.setClearButtonEnabled(True)
        self.overdue_filter = QCheckBox("Only overdue")
        self.overdue_filter.setAccessibleName("Only overdue")
        for text, widget in (("Series", self.series_filter), ("Status", self.status_filter)):
            row.addWidget(QLabel(f"{text}:"))
            row.addWidget(widget)
        row.addWidget(QLabel("Owner:"))
        row.addWidget(self.owner_filter, 1)
        row.addWidget(self.overdue_filter)
        self.series_filter.currentIndexChanged.connect(self.refresh)
        self.status_filter.currentIndexChanged.connect(self.refresh)
        self.owner_filter.textChanged.connect(self.refresh)
        self.overdue_filter.toggled.connect(self.refresh)
        return row

    def _details(self) -> QWidget:
        box = QGroupBox("Selected action")
        layout = QVBoxLayout(box)
        self.detail_label = ValueLabel("Select an action to see its history and change its status.")
        self.detail_label.setAccessibleName("Selected action")
        self.detail_label.setWordWrap(True)
        self.detail_label.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.detail_label)

        self.history = QTableView()
        self.history.setTabKeyNavigation(False)  # Tab leaves the table; the arrow keys move within it
        self.history.setAccessibleName("Action history")
        self.history.setModel(self.updates_model)
        self.history.verticalHeader().setVisible(False)
        self.history.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.history.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.history.setWordWrap(True)
        history_header = self.history.horizontalHeader()
        for col in range(len(ActionUpdatesModel.COLUMNS)):
            history_header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        history_header.setSectionResizeMode(ActionUpdatesModel.NOTE, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.history, 1)

        form = QFormLayout()
        self.new_status = QComboBox()
        self.new_status.setAccessibleName("New status")
        for s in ACTION_STATUSES:
            self.new_status.addItem(STATUS_LABELS[s], s)
        self.status_note = QLineEdit()
        self.status_note.setAccessibleName("Status note")
        self.status_note.setPlaceholderText("What was done (goes into the record of actions taken)")
        self.record_button = QPushButton("Record status change")
        self.record_button.setAccessibleName("Record status change")
        self.record_button.clicked.connect(self.record_status_change)
        self.status_note.returnPressed.connect(self.record_status_change)
        form.addRow("New status:", self.new_status)
        form.addRow("Note:", self.status_note)
        layout.addLayout(form)
        buttons = QHBoxLayout()
        self.message = ValueLabel()
        self.message.setTextFormat(Qt.TextFormat.PlainText)  # may quote an action's text
        self.message.setAccessibleName("Register message")
        self.message.setWordWrap(True)
        buttons.addWidget(self.message, 1)
        buttons.addWidget(self.record_button)
        layout.addLayout(buttons)
        self._set_form_enabled(False)
        return box

    # ---- data -------------------------------------------------------------------------------------------

    def _today(self) -> date:
        return self.clock.now_utc().astimezone().date()

    def refresh(self) -> None:
        """Re-read the register with the current filters; the selected action stays selected."""
        self._fill_series()
        keep = self.selected()
        rows = self._filtered()
        self._meetings = self.store.list_meetings()
        labels = meeting_labels(self._meetings)
        today = self._today()
        self.model.set_rows(ActionLine.of_row(r, labels, today) for r in rows)
        n = len(rows)
        self.count_label.setText(f"{n} action{'s' if n != 1 else ''} shown")
        if keep is not None:
            self.select(keep.ref)
        self._show_selected()

    def _filtered(self) -> list:  # type: ignore[type-arg]
        """The store's register rows for the filters set (what `meetingkit actions` gives for the same)."""
        return self.store.actions(
            self.series_filter.currentData() or None,
            self.status_filter.currentData() or None,
            self.owner_filter.text().strip() or None,
            self._today() if self.overdue_filter.isChecked() else None,
        )

    def export_csv(self) -> Path | None:
        """Write the actions shown as the action log (the file `meetingkit actions -o FILE.csv` writes for the
        same filters), through the one writer of files for people; returns the path."""
        series = self.series_filter.currentData() or ""
        start = Path.home() / (file_name(series, "-action-log.csv") if series else "action-log.csv")
        name, _ = QFileDialog.getSaveFileName(self, "Export the action log", str(start), "CSV files (*.csv)")
        if not name:
            return None
        path = Path(name) if Path(name).suffix else Path(name + ".csv")
        if not may_replace(self, path, name):
            return None
        try:
            rows = self._filtered()
            write_file(path, action_log_csv(rows).encode("utf-8"))
        except (OSError, StoreError) as exc:  # OutputError names the path chosen
            tell(
                self.export_result, f"⚠ The action log was not saved: {getattr(exc, 'strerror', None) or exc}"
            )
            return None
        n = len(rows)
        tell(self.export_result, f"✓ {n} action{'s' if n != 1 else ''} exported to {path}")
        return path

    def _fill_series(self) -> None:
        current = self.series_filter.currentData()
        names = self.store.series_names()
        if [self.series_filter.itemData(i) for i in range(1, self.series_filter.count())] == names:
            return
        self.series_filter.blockSignals(True)
        self.series_filter.clear()
        self.series_filter.addItem("All series", ALL)
        for name in names:
            self.series_filter.addItem(name, name)
        i = self.series_filter.findData(current)
        self.series_filter.setCurrentIndex(max(0, i))
        self.series_filter.blockSignals(False)

    def selected(self) -> ActionLine | None:
        rows = self.table.selectionModel().selectedRows()
        return self.proxy.data(rows[0], ROW_ROLE) if rows else None

    def select(self, ref: int | str) -> bool:
        row = self.model.row_of(ref)
        if row is None:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        self.table.selectionModel().select(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.table.scrollTo(index)
        return True

    def _show_selected(self) -> None:
        line = self.selected()
        self._set_form_enabled(line is not None)
        if line is None:
            self.detail_label.setText("Select an action to see its history and change its status.")
            self.updates_model.set_rows([])
            return
        due = f", due {day_text(line.due)}" if line.due else ""
        self.detail_label.setText(
            f"{line.key}: {line.text}\nOwner: {line.owner or '(no owner)'}{due}. Agreed at {line.agreed}."
        )
        self.updates_model.set_rows(line.updates)
        self.new_status.setCurrentIndex(max(0, self.new_status.findData(line.status)))

    def _set_form_enabled(self, on: bool) -> None:
        for w in (self.new_status, self.status_note, self.record_button):
            w.setEnabled(on)

    def _reporting_meeting(self, line: ActionLine) -> int | None:
        """The latest meeting of the action's series that has started: the update is reported to it.

        A draft meeting is left out because its own actions review (store.prior_actions) leaves out updates
        reported to it, so an update filed under a meeting not yet held would be hidden from that review.
        """
        if not line.series:
            return None
        for m in self._meetings:  # newest first
            if m.series == line.series and m.status != "draft":
                return m.id
        return None

    def record_status_change(self) -> None:
        line = self.selected()
        if line is None:
            return
        status = self.new_status.currentData()
        note = self.status_note.text().strip()
        at = round(self.clock.now_utc().timestamp(), 3)
        try:
            self.store.update_action(int(line.ref), status, note, at, self._reporting_meeting(line))
        except (DomainError, StoreError) as exc:
            self.message.setText(f"Not recorded: {exc}")
            return
        self.status_note.clear()
        self.message.setText(f"{line.key} is now {STATUS_LABELS[status].lower()}.")
        self.refresh()

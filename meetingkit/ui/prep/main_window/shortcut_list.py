"""F1 in the main window: every command with its keys, as a table a screen reader reads row by row."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from meetingkit.ui.prep.main_window.menus import plain

EXTRA_KEYS = (
    ("Enter (on a meeting)", "Edit or view the meeting"),
    ("Alt + underlined letter", "Open a menu, or press the button with that letter"),
)


def shortcut_rows(actions: Sequence[QAction]) -> list[tuple[str, str]]:
    """(keys, what) for every action that has keys, in menu order, then the keys no action carries."""
    rows = [
        (a.shortcut().toString(QKeySequence.SequenceFormat.NativeText), plain(a.text()))
        for a in actions
        if not a.shortcut().isEmpty()
    ]
    return rows + [(k, w) for k, w in EXTRA_KEYS]


class ShortcutList(QDialog):
    """A non-modal list of the main window's keys (a table: one row per key, read as such)."""

    def __init__(self, actions: Sequence[QAction], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Keyboard shortcuts — MeetingKit")
        self.setModal(False)
        rows = shortcut_rows(actions)
        self.table = QTableWidget(len(rows), 2)
        self.table.setAccessibleName("Keyboard shortcuts")
        self.table.setHorizontalHeaderLabels(["Keys", "What they do"])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move within it
        for r, (keys, what) in enumerate(rows):
            self.table.setItem(r, 0, QTableWidgetItem(keys))
            self.table.setItem(r, 1, QTableWidgetItem(what))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        close = QPushButton("Close")
        close.setAccessibleName("Close keyboard shortcuts")
        close.clicked.connect(self.hide)
        lay = QVBoxLayout(self)
        lay.addWidget(self.table)
        lay.addWidget(close)
        height = self.table.horizontalHeader().height() + sum(
            self.table.rowHeight(r) for r in range(len(rows))
        )
        self.resize(680, min(height + 90, 620))

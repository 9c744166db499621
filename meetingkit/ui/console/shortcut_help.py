"""F1: the window that lists the chair's keyboard shortcuts, as a table a screen reader reads row by row."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from meetingkit.ui.common.palette import pixel_font
from meetingkit.ui.console.shortcuts import EXTRA_KEYS, SHORTCUTS

HEADERS = ("Keys", "What it does")


def shortcut_rows() -> list[tuple[str, str]]:
    return [(s.keys, s.what) for s in SHORTCUTS] + list(EXTRA_KEYS)


class ShortcutHelp(QDialog):
    """F1: every shortcut, in a window that does not block the console."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Keyboard shortcuts")
        self.setModal(False)
        self.model = QStandardItemModel(0, len(HEADERS), self)
        self.model.setHorizontalHeaderLabels(list(HEADERS))
        for keys, what in shortcut_rows():
            row = [QStandardItem(keys), QStandardItem(what)]
            bold = pixel_font(18, bold=True)
            row[0].setFont(bold)
            for cell in row:
                cell.setEditable(False)
            self.model.appendRow(row)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName("Keyboard shortcuts")
        self.table.setFont(pixel_font(18))
        self.table.setTabKeyNavigation(False)  # Tab goes on to Close; the arrow keys read the rows
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setShowGrid(False)
        self.table.setWordWrap(True)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setAccessibleName("Shortcut columns")
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.setCurrentIndex(self.model.index(0, 0))
        note = QLabel(
            "Single-key shortcuts do nothing while you type in a text field, and a focused button "
            "takes Space and Enter as its own."
        )
        note.setWordWrap(True)
        note.setFont(pixel_font(16))
        close = QPushButton("Close")
        close.setAccessibleName("Close keyboard shortcuts")
        close.setAutoDefault(True)
        close.clicked.connect(self.hide)
        lay = QVBoxLayout(self)
        lay.addWidget(self.table, 1)
        lay.addWidget(note)
        lay.addWidget(close, 0, Qt.AlignmentFlag.AlignRight)
        self.resize(980, 640)

    def rows(self) -> list[tuple[str, str]]:
        """The table's rows as shown (keys, what they do)."""
        m = self.model
        return [(m.item(r, 0).text(), m.item(r, 1).text()) for r in range(m.rowCount())]

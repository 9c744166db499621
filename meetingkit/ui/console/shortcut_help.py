"""F1: the window that lists the chair's keyboard shortcuts."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel, QPushButton, QVBoxLayout, QWidget

from meetingkit.ui.common.palette import pixel_font
from meetingkit.ui.console.shortcuts import EXTRA_KEYS, SHORTCUTS


class ShortcutHelp(QDialog):
    """F1: every shortcut, in a window that does not block the console."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Keyboard shortcuts")
        self.setModal(False)
        rows = [(s.keys, s.what) for s in SHORTCUTS] + list(EXTRA_KEYS)
        # Static text only (no user input), so the rich text needs no escaping.
        html = "".join(f"<tr><td><b>{k}</b>&nbsp;&nbsp;</td><td>{w}</td></tr>" for k, w in rows)
        self.table = QLabel(f"<table cellpadding='4'>{html}</table>")
        self.table.setFont(pixel_font(18))
        self.table.setAccessibleName("Keyboard shortcuts")
        note = QLabel("Single-key shortcuts do nothing while you type in a text field.")
        note.setFont(pixel_font(16))
        close = QPushButton("Close")
        close.setAccessibleName("Close keyboard shortcuts")
        close.setAutoDefault(True)
        close.clicked.connect(self.hide)
        lay = QVBoxLayout(self)
        lay.addWidget(self.table)
        lay.addWidget(note)
        lay.addWidget(close, 0, Qt.AlignmentFlag.AlignRight)

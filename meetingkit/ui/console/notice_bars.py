"""Bars across the console: a save problem, a laptop sleep, the chair's status line. None of them blocks."""

from __future__ import annotations

import re

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from meetingkit.ui.common.announce import announce
from meetingkit.ui.common.palette import BANNERS, pixel_font, state_icon
from meetingkit.ui.console.fit_labels import WrapLabel

_WAITING = re.compile(r"^Not saved yet \((\d+) change\(s\) waiting\): (.*)$", re.S)


def save_problem_text(message: str) -> str:
    """The chair's words for a save problem: what failed, and that the meeting goes on regardless."""
    m = _WAITING.match(message.strip())
    if m:
        count = int(m.group(1))
        message = f"Not saved: {m.group(2).strip()} ({count} change{'s' if count != 1 else ''} waiting)"
    return f"{message} — the meeting continues; changes will be saved when possible"


def clock_gap_text(seconds: float) -> str:
    amount = f"{round(seconds)} s" if seconds < 90 else f"{round(seconds / 60)} min"
    return f"The computer slept for {amount}; the meeting clock includes that time"


def clock_behind_text(seconds: float) -> str:
    amount = f"{round(seconds)} s" if seconds < 90 else f"{round(seconds / 60)} min"
    return (
        f"This computer's clock is {amount} behind the meeting record; the meeting's times go on from the"
        " record, and durations still grow correctly"
    )


class NoticeBar(QFrame):
    """Icon, text (room for `lines` lines) and, if dismissible, a 'Dismiss' button."""

    def __init__(
        self,
        kind: str,
        name: str,
        dismissible: bool = False,
        lines: int = 1,
        parent: QWidget | None = None,
        px: int = 18,
    ) -> None:
        super().__init__(parent)
        self.setObjectName(f"notice_{kind}")
        self._kind = ""
        self.icon = QLabel()
        self.icon.setFixedSize(26, 26)
        self.text = WrapLabel(px, lines=lines, bold=True, grow=True)  # a long refusal wraps, never cut off
        self.text.setAccessibleName(name)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(10, 6, 10, 6)
        lay.addWidget(self.icon)
        lay.addWidget(self.text, 1)
        self.dismiss_button: QPushButton | None = None
        if dismissible:
            self.dismiss_button = QPushButton("Dismiss")
            self.dismiss_button.setAccessibleName(f"Dismiss: {name}")
            self.dismiss_button.setFont(pixel_font(17))
            self.dismiss_button.setAutoDefault(True)
            self.dismiss_button.clicked.connect(self.hide)
            lay.addWidget(self.dismiss_button)
        self.set_kind(kind)

    def set_kind(self, kind: str) -> None:
        if kind == self._kind:
            return
        self._kind = kind
        bg, fg = BANNERS[kind]
        icon = {"warning": "warning", "refused": "warning", "notice": "idle", "ok": "check"}.get(kind, "idle")
        self.icon.setPixmap(state_icon(icon, 26, fg))
        self.setStyleSheet(
            f"#{self.objectName()} {{ background: {bg}; border-radius: 6px; }}"
            f"#{self.objectName()} QLabel {{ color: {fg}; }}"
        )

    def show_text(self, text: str, kind: str | None = None) -> None:
        """Shows the bar with `text` (hidden when empty) and says it: a status, a refusal or a problem is
        heard without the keyboard leaving what it was on."""
        if kind:
            self.set_kind(kind)
        self.text.setText(text)
        self.setVisible(bool(text))
        announce(self, text)


class SaveProblemBar(NoticeBar):
    """The save-problem warning with its two ways out: try the disk again, or take the record elsewhere.

    Exporting needs no working database, so the meeting is safe even if the disk never recovers. The buttons
    sit under the words, so that the words keep the bar's whole width on a laptop screen.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("warning", "Saving problem", lines=2, parent=parent)
        self.retry_button = self._new_button("Try saving again", "Try saving again")
        self.export_button = self._new_button("Export meeting record…", "Export meeting record")
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.retry_button)
        buttons.addWidget(self.export_button)
        column = QVBoxLayout()
        column.setSpacing(4)
        row = self.layout()
        assert isinstance(row, QHBoxLayout)
        row.removeWidget(self.text)
        column.addWidget(self.text)
        column.addLayout(buttons)
        row.insertLayout(1, column, 1)

    @staticmethod
    def _new_button(text: str, name: str) -> QPushButton:
        button = QPushButton(text)
        button.setAccessibleName(name)
        button.setFont(pixel_font(17, bold=True))
        button.setAutoDefault(True)
        return button

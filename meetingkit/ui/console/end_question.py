"""The question the chair answers before the meeting ends: end it now, or keep it going."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QWidget

from meetingkit.ui.console.control_buttons import console_button
from meetingkit.ui.console.notice_bars import NoticeBar


class EndQuestion(NoticeBar):
    """Hidden until asked; Escape on either button keeps the meeting going."""

    def __init__(
        self, end: Callable[[], object], keep_going: Callable[[], object], parent: QWidget | None = None
    ) -> None:
        super().__init__(
            "prompt", "End meeting question", lines=2, parent=parent
        )  # beside two buttons it wraps
        self.text.setText("End the meeting now? Every clock stops and no more commands can be given.")
        self.confirm_button = console_button("Confirm end meeting", end, "Yes, end the meeting")
        self.cancel_button = console_button("Keep the meeting going", keep_going, "Keep going")
        self.layout().addWidget(self.cancel_button)
        self.layout().addWidget(self.confirm_button)
        for b in (self.confirm_button, self.cancel_button):
            esc = QShortcut(QKeySequence(Qt.Key.Key_Escape), b, keep_going)
            esc.setContext(Qt.ShortcutContext.WidgetShortcut)
        self.hide()

    def question(self) -> str:
        return self.text.text()

    def describe(self) -> None:
        """The question as the description of the bar and of its buttons: a screen reader reads it with the
        button that has the focus ("Confirm end meeting: End the meeting now? …")."""
        for w in (self, self.confirm_button, self.cancel_button):
            w.setAccessibleDescription(self.question())

"""The chair's confirmation before the feedback break starts well ahead of its plan or ends before half its
time (DESIGN §3): the break is held once only, so one stray key must not use it up."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QWidget

from meetingkit.ui.console.control_buttons import console_button
from meetingkit.ui.console.notice_bars import NoticeBar


class BreakQuestion(NoticeBar):
    """Hidden until asked. The focus goes to the answer that does what was asked; Escape (or 'Not now')
    leaves the break as it was."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("prompt", "Feedback break question", lines=2, parent=parent)
        self._then: Callable[[], object] | None = None
        self.yes_button = console_button("Confirm", self._yes, "Yes")
        self.no_button = console_button("Not now", self.cancel, "Not now")
        self.layout().addWidget(self.no_button)
        self.layout().addWidget(self.yes_button)
        for b in (self.yes_button, self.no_button):
            esc = QShortcut(QKeySequence(Qt.Key.Key_Escape), b, self.cancel)
            esc.setContext(Qt.ShortcutContext.WidgetShortcut)
        self.on_closed: Callable[[], object] | None = None
        self.on_asked: Callable[[], object] | None = None
        self.hide()

    def ask(self, question: str, yes_words: str, then: Callable[[], object]) -> None:
        self._then = then
        self.text.setText(question)
        self.yes_button.setText(yes_words)
        self.yes_button.setAccessibleName(yes_words)
        self.show()
        if self.on_asked is not None:
            self.on_asked()
        self.yes_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def _yes(self) -> None:
        then, self._then = self._then, None
        self._close()
        if then is not None:
            then()

    def cancel(self) -> None:
        self._then = None
        self._close()

    def _close(self) -> None:
        self.hide()
        if self.on_closed is not None:
            self.on_closed()

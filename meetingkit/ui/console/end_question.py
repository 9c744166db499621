"""The question the chair answers before the meeting ends: end it now, or keep it going. While the feedback
break is still to come, the same question asks why it is skipped (or offers to hold it now): the engine
refuses to end a meeting whose break would silently vanish."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QVBoxLayout, QWidget

from meetingkit.ui.common.palette import pixel_font
from meetingkit.ui.console.control_buttons import console_button
from meetingkit.ui.console.notice_bars import NoticeBar

PLAIN_END = "End the meeting now? Every clock stops and no more commands can be given."
BREAK_TO_COME = (
    "The feedback break has not been held. To end the meeting now, say why it is skipped (the minutes "
    "show it) — or hold the break first."
)


class EndQuestion(NoticeBar):
    """Hidden until asked; Escape on any of its controls keeps the meeting going."""

    def __init__(
        self,
        end: Callable[[], object],
        keep_going: Callable[[], object],
        hold_break: Callable[[], object] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__("prompt", "End meeting question", lines=2, parent=parent)  # beside buttons it wraps
        self.text.setText(PLAIN_END)
        self.reason = QLineEdit()
        self.reason.setFont(pixel_font(18))
        self.reason.setPlaceholderText("Why the feedback break is skipped")
        self.reason.setAccessibleName("Reason for skipping the feedback break before the end")
        self.reason.returnPressed.connect(end)
        self.confirm_button = console_button("Confirm end meeting", end, "Yes, end the meeting")
        self.cancel_button = console_button("Keep the meeting going", keep_going, "Keep going")
        self.hold_break_button = console_button(
            "Hold the feedback break now", hold_break or keep_going, "Hold the break now"
        )
        # Words above, the answer and the buttons under them: the words keep the bar's whole width.
        row = self.layout()
        assert isinstance(row, QHBoxLayout)
        row.removeWidget(self.text)
        column = QVBoxLayout()
        column.setSpacing(4)
        column.addWidget(self.text)
        answers = QHBoxLayout()
        answers.addWidget(self.reason, 1)
        answers.addWidget(self.hold_break_button)
        answers.addWidget(self.cancel_button)
        answers.addWidget(self.confirm_button)
        column.addLayout(answers)
        row.insertLayout(1, column, 1)
        for w in (self.confirm_button, self.cancel_button, self.hold_break_button):
            esc = QShortcut(QKeySequence(Qt.Key.Key_Escape), w, keep_going)
            esc.setContext(Qt.ShortcutContext.WidgetShortcut)
        # A text field keeps its keys (no shortcut reaches it): Escape in the reason is caught here.
        self._keep_going = keep_going
        self.reason.installEventFilter(self)
        self.break_to_come = False
        self.hide()

    def question(self) -> str:
        return self.text.text()

    def describe(self) -> None:
        """The question as the description of the bar and of its buttons: a screen reader reads it with the
        button that has the focus ("Confirm end meeting: End the meeting now? …")."""
        for w in (self, self.confirm_button, self.cancel_button):
            w.setAccessibleDescription(self.question())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if (
            watched is self.reason
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Escape
        ):
            self._keep_going()
            return True
        return super().eventFilter(watched, event)

    def ask(self, break_to_come: bool) -> None:
        """Show the question; with the break still to come, it asks for the reason and focuses that field."""
        self.break_to_come = break_to_come
        self.text.setText(BREAK_TO_COME if break_to_come else PLAIN_END)
        self.reason.setVisible(break_to_come)
        self.hold_break_button.setVisible(break_to_come)
        self.confirm_button.setText("Skip the break and end" if break_to_come else "Yes, end the meeting")
        self.confirm_button.setAccessibleName(
            "Skip the feedback break and end the meeting" if break_to_come else "Confirm end meeting"
        )
        self.describe()
        self.show()
        first = self.reason if break_to_come else self.confirm_button
        first.setFocus(Qt.FocusReason.OtherFocusReason)

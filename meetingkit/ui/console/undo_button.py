"""The console's Undo (DESIGN §2): a button, and Ctrl+Z, that say what they will cancel ("Undo: give the floor
to Dr Ola Ade")."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics, QResizeEvent
from PySide6.QtWidgets import QPushButton, QSizePolicy

from meetingkit.models.session import LiveMeeting
from meetingkit.ui.common.palette import pixel_font
from meetingkit.ui.common.plain_text import plain_tip

NOTHING = "Undo (nothing to undo)"


class UndoButton(QPushButton):
    """Names the command an undo would cancel; its painted text is elided to its width, its accessible name and
    tooltip keep every word."""

    def __init__(self, slot: Callable[[], object]) -> None:
        super().__init__()
        self.setFont(pixel_font(14, bold=False))
        self.setMinimumHeight(32)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.setAutoDefault(True)
        self.clicked.connect(lambda _=False: slot())
        self._words = ""
        self._seen: tuple[int, str] | None = None
        self.show_target(None)

    def show_target(self, words: str | None) -> None:
        name = f"Undo: {words}" if words else NOTHING
        if name == self._words:
            return
        self._words = name
        self.setAccessibleName(name)
        self.setToolTip(plain_tip(f"{name} (Ctrl+Z)"))
        self.setEnabled(words is not None)
        self._elide()

    def refresh(self, live: LiveMeeting) -> None:
        seen = (len(live.events), live.status)  # the words change only with a command, not every repaint
        if seen != self._seen:
            self._seen = seen
            self.show_target(live.undo_words() if live.status == "running" else None)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        room = max(40, self.width() - 16)
        super().setText(QFontMetrics(self.font()).elidedText(self._words, Qt.TextElideMode.ElideRight, room))

"""The console's buttons: the two-line timing controls (what it does, then its key) and the plain ones."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSize
from PySide6.QtGui import QFontMetrics, QResizeEvent
from PySide6.QtWidgets import QPushButton, QSizePolicy, QStyle

from meetingkit.ui.common.palette import pixel_font


class ControlButton(QPushButton):
    """A two-line control (what it does, then its key) whose bold text steps down from 18 px to 14 px to fit
    a narrow column (a 1280 px laptop with the side panel open) rather than being cut off."""

    MAX_PX, MIN_PX = 18, 14

    def _needed(self, px: int) -> int:
        margin = self.style().pixelMetric(QStyle.PixelMetric.PM_ButtonMargin, None, self)
        metrics = QFontMetrics(pixel_font(px, bold=True))
        return max(metrics.horizontalAdvance(line) for line in self.text().split("\n")) + 2 * margin + 6

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        return QSize(self._needed(self.MIN_PX), super().minimumSizeHint().height())

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(self._needed(self.MAX_PX), super().sizeHint().height())

    def setText(self, text: str) -> None:  # noqa: N802
        super().setText(text)
        self.updateGeometry()
        self._fit()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        px = self.MAX_PX
        while px > self.MIN_PX and self._needed(px) > self.width():
            px -= 1
        if self.font().pixelSize() != px:
            self.setFont(pixel_font(px, bold=True))


def console_button(
    name: str, slot: Callable[[], object], text: str | None = None, px: int = 18
) -> QPushButton:
    """A console button named `name` for screen readers; a `text` with a line break makes a ControlButton."""
    b = ControlButton(text) if text and "\n" in text else QPushButton(text or name)
    b.setAccessibleName(name)
    b.setFont(pixel_font(px, bold=True))
    b.setMinimumHeight(56 if "\n" in (text or "") else 44 if px >= 19 else 32)
    b.setAutoDefault(True)  # Enter presses the focused button (Space is the speaker key)
    b.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
    b.clicked.connect(lambda _=False: slot())
    return b

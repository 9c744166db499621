"""Labels that keep their text readable in the space they get: one line that shrinks to fit, and wrapped
text that reserves its lines."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QFontMetrics, QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from meetingkit.ui.common.accessibility import ValueLabel
from meetingkit.ui.common.palette import pixel_font
from meetingkit.ui.common.plain_text import plain_tip


class FitLabel(ValueLabel):
    """A one-line label whose font shrinks (from `max_px` to `min_px`) to fit its width, then elides.

    `text()` stays the whole text (for screen readers and tests); only the painting is shortened.
    """

    def __init__(
        self, max_px: int, bold: bool = True, min_px: int = 18, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._max_px = max_px
        self._min_px = min(min_px, max_px)
        self._bold = bold
        self.setTextFormat(Qt.TextFormat.PlainText)  # names and titles as typed, never markup
        self.setFont(pixel_font(max_px, bold))
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)

    def set_max_px(self, px: int) -> None:
        self._max_px = px
        self._min_px = min(self._min_px, px)
        self._fit()
        self.updateGeometry()

    def setText(self, text: str) -> None:  # noqa: N802 (Qt's name)
        if text != self.text():
            super().setText(text)
            self.setToolTip(plain_tip(text) or "")
            self._fit()

    def sizeHint(self) -> QSize:  # noqa: N802
        fm = QFontMetrics(pixel_font(self._max_px, self._bold))
        return QSize(fm.horizontalAdvance(self.text()) + 8, int(self._max_px * 1.2))

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return QSize(self._min_px * 3, int(self._min_px * 1.25))

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._fit()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        rect = self.contentsRect()
        shown = self.fontMetrics().elidedText(self.text(), Qt.TextElideMode.ElideRight, rect.width())
        self.style().drawItemText(
            painter,
            rect,
            int(self.alignment()),
            self.palette(),
            self.isEnabled(),
            shown,
            self.foregroundRole(),
        )

    def _fit(self) -> None:
        width = max(1, self.width() - 8)
        px = max(self._min_px, min(self._max_px, int(self.height() / 1.2)))
        while (
            px > self._min_px
            and QFontMetrics(pixel_font(px, self._bold)).horizontalAdvance(self.text()) > width
        ):
            px = max(self._min_px, int(px * 0.92))
        if self.font().pixelSize() != px:
            self.setFont(pixel_font(px, self._bold))


class WrapLabel(ValueLabel):
    """Wrapped text that reserves `lines` lines and claims no height-for-width.

    A height-for-width label makes its box layout squeeze the widgets beside it below their minimum; a
    fixed number of lines keeps the console's column predictable. With `grow`, the label asks for more
    lines when its text needs them at its width, so that no word is ever cut off (an offer to the chair
    must be read whole).
    """

    def __init__(
        self, px: int, lines: int, bold: bool = False, parent: QWidget | None = None, grow: bool = False
    ) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)  # names and titles as typed, never markup
        self.setFont(pixel_font(px, bold))
        self.setWordWrap(True)
        self._least = self.fontMetrics().lineSpacing() * lines + 2
        self._grow = grow
        self.setMinimumHeight(self._least)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)

    def hasHeightForWidth(self) -> bool:  # noqa: N802 (Qt's name; QLabel turns it on with word wrap)
        return False

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return QSize(self.fontMetrics().averageCharWidth() * 12, self.minimumHeight())

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(self.fontMetrics().horizontalAdvance(self.text()) + 4, self.minimumHeight())

    def needed_height(self, width: int | None = None) -> int:
        """The height the whole text takes, wrapped at `width` (default: the label's own)."""
        w = max(1, (self.contentsRect().width() if width is None else width) - 2 * self.margin())
        box = self.fontMetrics().boundingRect(
            QRect(0, 0, w, 100_000), int(Qt.TextFlag.TextWordWrap), self.text()
        )
        return box.height() + 2 + 2 * self.margin()

    def setText(self, text: str) -> None:  # noqa: N802
        super().setText(text)
        self._grow_to_text()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._grow_to_text()

    def _grow_to_text(self) -> None:
        if not self._grow or self.width() <= 1:
            return
        height = max(self._least, self.needed_height())
        if height != self.minimumHeight():
            self.setMinimumHeight(height)
            self.updateGeometry()

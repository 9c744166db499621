"""Whole-system coverage as a ring: one segment per sector the series expects, filled when someone from it was
in the room, hatched and labelled "missing" when nobody was."""

from __future__ import annotations

import math
from collections.abc import Sequence

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import QWidget

from meetingkit.models.review_text import coverage_line, join_names

PRESENT_FILL = QColor("#228833")
MISSING_FILL = QColor("#F2F2F2")
MISSING_INK = QColor("#8E0A0A")
INK = QColor("#1B1B1B")
GAP_DEG = 1.5


class CoverageWheel(QWidget):
    """Sectors expected against sectors present; the missing ones named in words beside and below the ring."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Sector coverage")
        self._expected: list[str] = []
        self._present: list[str] = []
        self._missing: list[str] = []
        self.setMinimumSize(560, 440)

    def set_coverage(self, expected: Sequence[str], present: Sequence[str], missing: Sequence[str]) -> None:
        self._expected, self._present, self._missing = list(expected), list(present), list(missing)
        self.setAccessibleDescription(self.summary())
        self.update()

    def summary(self) -> str:
        text = coverage_line(self._expected, self._missing)
        extra = self.extra_sectors()
        if extra:
            text += f" Also in the room: {join_names(extra)}."
        return text

    def extra_sectors(self) -> list[str]:
        """Sectors present that the series does not list."""
        return [s for s in self._present if s not in self._expected]

    def sizeHint(self) -> QSize:
        return QSize(720, 500)

    def _font(self, px: int, bold: bool = False) -> QFont:
        f = QFont(self.font())
        f.setPixelSize(px)
        f.setBold(bold)
        return f

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), QColor("white"))
        footer_h = 58
        area = QRectF(self.rect()).adjusted(8, 8, -8, -8 - footer_h)
        radius = max(40.0, min(area.width() / 2 - 170, area.height() / 2 - 40))  # room for two-line labels
        centre = area.center()
        inner = radius * 0.58
        n = len(self._expected)
        for i, sector in enumerate(self._expected):
            self._paint_segment(p, centre, radius, inner, i, n, sector, sector not in self._missing)
        here = n - len(self._missing)
        p.setPen(INK)
        p.setFont(self._font(30, bold=True))
        p.drawText(
            QRectF(centre.x() - inner, centre.y() - 34, 2 * inner, 38),
            Qt.AlignmentFlag.AlignCenter,
            f"{here} of {n}",
        )
        p.setFont(self._font(13))
        p.drawText(
            QRectF(centre.x() - inner, centre.y() + 4, 2 * inner, 40),
            Qt.AlignmentFlag.AlignHCenter | Qt.TextFlag.TextWordWrap,
            "expected sectors in the room",
        )
        self._paint_footer(p, QRectF(8, self.height() - footer_h - 4, self.width() - 16, footer_h))
        p.end()

    def _paint_segment(
        self, p: QPainter, c: QPointF, r: float, inner: float, i: int, n: int, sector: str, present: bool
    ) -> None:
        span = 360.0 / n
        start = 90.0 - i * span - GAP_DEG / 2  # clockwise from the top
        sweep = -(span - GAP_DEG)
        outer_rect = QRectF(c.x() - r, c.y() - r, 2 * r, 2 * r)
        inner_rect = QRectF(c.x() - inner, c.y() - inner, 2 * inner, 2 * inner)
        path = QPainterPath()
        path.arcMoveTo(outer_rect, start)
        path.arcTo(outer_rect, start, sweep)
        path.arcTo(inner_rect, start + sweep, -sweep)
        path.closeSubpath()
        if present:
            p.setPen(QPen(PRESENT_FILL.darker(140), 1.5))
            p.setBrush(PRESENT_FILL)
            p.drawPath(path)
        else:
            p.setPen(QPen(MISSING_INK, 1.5, Qt.PenStyle.DashLine))
            p.setBrush(MISSING_FILL)
            p.drawPath(path)
            p.setBrush(QBrush(QColor("#C9A0A0"), Qt.BrushStyle.BDiagPattern))
            p.drawPath(path)
        mid = math.radians(start + sweep / 2)
        self._paint_mark(p, c, (r + inner) / 2, mid, present)
        self._paint_label(p, c, r, mid, sector, present)

    def _paint_mark(self, p: QPainter, c: QPointF, at: float, angle: float, present: bool) -> None:
        """A tick on present segments, a cross on missing ones: the state in shape as well as colour."""
        x, y = c.x() + at * math.cos(angle), c.y() - at * math.sin(angle)
        s = 7.0
        if present:
            p.setPen(QPen(QColor("white"), 3, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
            p.drawLine(QPointF(x - s, y), QPointF(x - s / 3, y + s * 0.7))
            p.drawLine(QPointF(x - s / 3, y + s * 0.7), QPointF(x + s, y - s * 0.7))
        else:
            p.setPen(QPen(MISSING_INK, 3, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
            p.drawLine(QPointF(x - s * 0.7, y - s * 0.7), QPointF(x + s * 0.7, y + s * 0.7))
            p.drawLine(QPointF(x - s * 0.7, y + s * 0.7), QPointF(x + s * 0.7, y - s * 0.7))

    def _paint_label(
        self, p: QPainter, c: QPointF, r: float, angle: float, sector: str, present: bool
    ) -> None:
        """The sector's name outside its segment; a missing one in bold with "missing" on a second line."""
        cos, sin = math.cos(angle), math.sin(angle)
        x, y = c.x() + (r + 12) * cos, c.y() - (r + 12) * sin
        font = self._font(13, bold=not present)
        fm = QFontMetrics(font)
        lines = [sector] if present else [sector, "missing"]
        room = max(
            60.0,
            (self.width() - x - 8)
            if cos >= 0.2
            else x - 8
            if cos <= -0.2
            else 2 * min(x, self.width() - x) - 16,
        )
        w = min(room, max(fm.horizontalAdvance(t) for t in lines) + 4)
        lines = [fm.elidedText(t, Qt.TextElideMode.ElideRight, int(w)) for t in lines]
        h = fm.height() * len(lines)
        if abs(cos) < 0.2:
            left = x - w / 2
        elif cos > 0:
            left = x
        else:
            left = x - w
        top = y - h / 2 + (-h / 2 if sin > 0.8 else h / 2 if sin < -0.8 else 0)
        align = Qt.AlignmentFlag.AlignRight if cos <= -0.2 else Qt.AlignmentFlag.AlignLeft
        if abs(cos) < 0.2:
            align = Qt.AlignmentFlag.AlignHCenter
        p.setFont(font)
        p.setPen(INK if present else MISSING_INK)
        p.drawText(QRectF(left, top, w, h), align | Qt.AlignmentFlag.AlignVCenter, "\n".join(lines))

    def _paint_footer(self, p: QPainter, rect: QRectF) -> None:
        p.setFont(self._font(13))
        p.setPen(INK)
        p.drawText(
            rect,
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap,
            self.summary(),
        )

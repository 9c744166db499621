"""The meeting's timeline: who spoke when, one lane per person, coloured and named by role, items and break marked.

Painted directly (not a scene of items) so that a 2,000-turn meeting draws in a few milliseconds; hit-testing
uses per-lane sorted spans.
"""

from __future__ import annotations

import bisect
import math

from PySide6.QtCore import QPointF, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetrics,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
)
from PySide6.QtWidgets import QToolTip, QWidget

from meetingkit.models.meeting import BREAK
from meetingkit.models.review_text import turn_line
from meetingkit.models.session import from_epoch
from meetingkit.ui.common.role_colours import role_colour, role_label, roles_in_order
from meetingkit.ui.review.review_models import rich_tip
from meetingkit.ui.review.timeline_data import TimelineData

LABEL_W = 300
LANE_H = 24
AXIS_H = 22
BAND_H = 30
LEGEND_H = 34
MARGIN = 8
MIN_PLOT_W = 480
TICK_STEPS = (60, 120, 300, 600, 900, 1800, 3600, 7200)
MIN_TICK_PX = 72
BREAK_FILL = QColor("#F1E6FA")
BREAK_INK = QColor("#3B0A5C")
INK = QColor("#1B1B1B")
MUTED = QColor("#505050")


def _tick_step(duration: float, plot_w: float) -> int:
    for step in TICK_STEPS:
        if plot_w * step / duration >= MIN_TICK_PX:
            return step
    return TICK_STEPS[-1] * max(1, math.ceil(duration / plot_w * MIN_TICK_PX / TICK_STEPS[-1]))


class TimelineView(QWidget):
    """One lane per person; each turn a bar in its role's colour, interjections hatched; hover or click a turn."""

    turn_selected = Signal(str)  # the selected turn in words ("" when none)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Meeting timeline")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self._data = TimelineData(0.0, 1.0, None)
        self._zoom = 1.0
        self._label_offset = 0  # pixels the view is scrolled right by (names and legend follow)
        self._selected: int | None = None  # index into data.turns
        self._order: list[int] = []  # turn indexes by start time, for the arrow keys
        self._cache_w = -1
        self._rects: dict[tuple[str, bool], list[QRectF]] = {}
        self._hits: list[tuple[list[float], list[tuple[float, float, int]]]] = []
        self._font = QFont(self.font())
        self._font.setPixelSize(13)
        self._small = QFont(self.font())
        self._small.setPixelSize(11)

    # ---- data and geometry ------------------------------------------------------------------------------

    def set_data(self, data: TimelineData) -> None:
        self._data = data
        self._order = sorted(range(len(data.turns)), key=lambda i: (data.turns[i].start, i))
        if self._selected is not None and self._selected >= len(data.turns):
            self._selected = None
        self._cache_w = -1
        self.setFixedHeight(self._content_height())
        self._describe()
        self.update()

    def data(self) -> TimelineData:
        return self._data

    @property
    def zoom(self) -> float:
        return self._zoom

    def set_zoom(self, zoom: float) -> None:
        """Stretch time across `zoom` times the width (the view sits in a scroll area)."""
        self._zoom = min(64.0, max(1.0, zoom))
        self._cache_w = -1
        self.updateGeometry()
        self.setMinimumWidth(LABEL_W + MARGIN * 2 + int(MIN_PLOT_W * self._zoom))
        self.update()

    def set_label_offset(self, px: int) -> None:
        """Where the visible part begins when zoomed in a scroll area: names and legend are drawn there."""
        self._label_offset = max(0, px)
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(LABEL_W + MARGIN * 2 + int(720 * self._zoom), self._content_height())

    def minimumSizeHint(self) -> QSize:
        return QSize(LABEL_W + MARGIN * 2 + MIN_PLOT_W, self._content_height())

    def _content_height(self) -> int:
        return MARGIN + BAND_H + AXIS_H + max(1, len(self._data.lanes)) * LANE_H + LEGEND_H + MARGIN

    def _plot(self) -> QRectF:
        top = MARGIN + BAND_H + AXIS_H
        w = max(40.0, self.width() - LABEL_W - MARGIN * 2)
        return QRectF(LABEL_W + MARGIN, top, w, max(1, len(self._data.lanes)) * LANE_H)

    def x_of(self, t: float) -> float:
        plot = self._plot()
        return plot.left() + (t - self._data.start) / self._data.duration * plot.width()

    def _lane_top(self, lane: int) -> float:
        return self._plot().top() + lane * LANE_H

    def _rebuild_cache(self) -> None:
        """Bars in pixels, batched by (role, interjection), and per-lane spans for hit tests."""
        self._rects = {}
        lanes: list[list[tuple[float, float, int]]] = [[] for _ in self._data.lanes]
        plot = self._plot()  # measured once: x_of and _lane_top inlined for thousands of bars
        left, top, start = plot.left(), plot.top(), self._data.start
        scale = plot.width() / self._data.duration
        for i, t in enumerate(self._data.turns):
            pad = 8.0 if t.interjection else 4.0
            y = top + t.lane * LANE_H + pad
            h = LANE_H - 2 * pad
            batch = self._rects.setdefault((t.role, t.interjection), [])
            for a, b in t.segments:
                x0, x1 = left + (a - start) * scale, left + (b - start) * scale
                batch.append(QRectF(x0, y, max(1.5, x1 - x0), h))
            x_start, x_end = left + (t.start - start) * scale, left + (t.end - start) * scale
            lanes[t.lane].append((x_start, max(x_end, x_start + 3.0), i))
        self._hits = []
        for spans in lanes:
            spans.sort()
            self._hits.append(([s[0] for s in spans], spans))
        self._cache_w = self.width()

    def turn_at(self, pos: QPointF) -> int | None:
        """The turn under a point (the nearest within 3 px), or None."""
        if self._cache_w != self.width():
            self._rebuild_cache()
        plot = self._plot()
        if not plot.contains(pos) or pos.x() < plot.left() + self._label_offset:  # under the names
            return None
        lane = int((pos.y() - plot.top()) // LANE_H)
        if not 0 <= lane < len(self._hits):
            return None
        starts, spans = self._hits[lane]
        j = bisect.bisect_right(starts, pos.x() + 3.0)
        best = None
        for k in range(j - 1, max(-1, j - 40), -1):  # interjections can overlap the turn they paused
            x0, x1, i = spans[k]
            if x0 - 3.0 <= pos.x() <= x1 + 3.0 and (best is None or self._data.turns[i].interjection):
                best = i
                if self._data.turns[i].interjection:
                    break
        return best

    # ---- words ------------------------------------------------------------------------------------------

    def _clock(self, t: float, seconds: bool = False) -> str:
        when = from_epoch(t).astimezone(self._data.tz)
        return f"{when:%H:%M:%S}" if seconds else f"{when:%H:%M}"

    def describe_turn(self, i: int) -> str:
        t = self._data.turns[i]
        lane = self._data.lanes[t.lane]
        titles = {s.key: s.title for s in self._data.items}
        where = (
            "in the feedback break"
            if t.item == BREAK
            else f"during '{titles[t.item]}'"
            if t.item in titles
            else "between items"
        )
        names = {ln.key: ln.name for ln in self._data.lanes}
        span = f"{self._clock(t.start, True)}–{self._clock(t.end, True)}"
        interrupted = names.get(t.interrupts, t.interrupts) if t.interrupts else None
        return turn_line(
            lane.name, role_label(t.role, short=True), t.seconds, span, where, t.interjection, interrupted
        )

    def selected_text(self) -> str:
        return "" if self._selected is None else self.describe_turn(self._selected)

    def select(self, i: int | None) -> None:
        self._selected = i
        self._describe()
        self.turn_selected.emit(self.selected_text())
        self.update()

    def _describe(self) -> None:
        d = self._data
        people = len({t.who for t in d.turns})
        text = f"{len(d.turns)} turns by {people} people from {self._clock(d.start)} to {self._clock(d.end)}."
        if self._selected is not None:
            text += " Selected: " + self.describe_turn(self._selected)
        self.setAccessibleDescription(text)

    # ---- events -----------------------------------------------------------------------------------------

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        i = self.turn_at(event.position())
        if i is None:
            QToolTip.hideText()
        else:
            QToolTip.showText(event.globalPosition().toPoint(), rich_tip(self.describe_turn(i)), self)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.select(self.turn_at(event.position()))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not self._order:
            return super().keyPressEvent(event)
        pos = self._order.index(self._selected) if self._selected in self._order else -1
        key = event.key()
        if key == Qt.Key.Key_Right:
            self.select(self._order[min(len(self._order) - 1, pos + 1)])
        elif key == Qt.Key.Key_Left:
            self.select(self._order[max(0, pos - 1)] if pos >= 0 else self._order[0])
        elif key == Qt.Key.Key_Home:
            self.select(self._order[0])
        elif key == Qt.Key.Key_End:
            self.select(self._order[-1])
        elif key == Qt.Key.Key_Escape:
            self.select(None)
        else:
            super().keyPressEvent(event)

    # ---- painting ---------------------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        if self._cache_w != self.width():
            self._rebuild_cache()
        p = QPainter(self)
        p.fillRect(self.rect(), QColor("white"))
        p.setFont(self._font)
        self._paint_stripes(p)
        self._paint_items(p)
        self._paint_axis(p)
        self._paint_turns(p)
        self._paint_labels(p)
        self._paint_legend(p)
        if self.hasFocus():
            p.setPen(QPen(QColor("#1A5FB4"), 2))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawRect(self.rect().adjusted(1, 1, -1, -1))
        p.end()

    def _paint_stripes(self, p: QPainter) -> None:
        plot = self._plot()
        for i in range(1, len(self._data.lanes), 2):
            p.fillRect(QRectF(MARGIN, self._lane_top(i), plot.right() - MARGIN, LANE_H), QColor("#F4F4F4"))

    def _paint_labels(self, p: QPainter) -> None:
        """Names stay at the left edge of what is in view, like a frozen column, when the timeline is zoomed."""
        plot = self._plot()
        x0 = float(self._label_offset)
        if x0 > 0:  # scrolled: cover the bars passing under the names (at 0 the axis' first time shows whole)
            p.fillRect(QRectF(x0, 0, LABEL_W + MARGIN, plot.bottom()), QColor("white"))
        fm = QFontMetrics(self._font)
        p.setFont(self._font)
        for i, lane in enumerate(self._data.lanes):
            top = self._lane_top(i)
            if i % 2:
                p.fillRect(QRectF(x0 + MARGIN, top, LABEL_W, LANE_H), QColor("#F4F4F4"))
            p.fillRect(QRectF(x0 + MARGIN, top + 6, 10, LANE_H - 12), role_colour(lane.role))
            label = f"{lane.name} — {role_label(lane.role, short=True)}"
            p.setPen(INK)
            text = fm.elidedText(label, Qt.TextElideMode.ElideRight, LABEL_W - 22)
            p.drawText(
                QRectF(x0 + MARGIN + 16, top, LABEL_W - 18, LANE_H), Qt.AlignmentFlag.AlignVCenter, text
            )
        p.setFont(self._small)
        p.drawText(
            QRectF(x0 + MARGIN, MARGIN, LABEL_W - 4, BAND_H - 4), Qt.AlignmentFlag.AlignVCenter, "Agenda"
        )
        p.setFont(self._font)
        p.setPen(QPen(QColor("#B0B0B0"), 1))
        edge = x0 + LABEL_W + MARGIN
        p.drawLine(QPointF(edge, plot.top()), QPointF(edge, plot.bottom()))

    def _paint_items(self, p: QPainter) -> None:
        plot = self._plot()
        band = QRectF(plot.left(), MARGIN, plot.width(), BAND_H - 4)
        p.setFont(self._small)
        fm = QFontMetrics(self._small)
        dash = QPen(QColor("#9A9A9A"), 1, Qt.PenStyle.DashLine)
        shades = (QColor("#E3E8EF"), QColor("#CBD4E1"))
        order = {key: n for n, key in enumerate(dict.fromkeys(s.key for s in self._data.items))}
        for span in self._data.items:
            r = QRectF(
                self.x_of(span.start), band.top(), self.x_of(span.end) - self.x_of(span.start), band.height()
            )
            p.fillRect(r, shades[order.get(span.key, 0) % 2])
            p.setPen(dash)
            p.drawLine(QPointF(r.left(), band.top()), QPointF(r.left(), plot.bottom()))
            p.setPen(INK)
            text = fm.elidedText(span.title, Qt.TextElideMode.ElideRight, int(r.width()) - 6)
            if r.width() > 24:
                p.drawText(r.adjusted(3, 0, -3, 0), Qt.AlignmentFlag.AlignVCenter, text)
        for span in self._data.breaks:
            x0, x1 = self.x_of(span.start), self.x_of(span.end)
            shade = QColor(BREAK_FILL)
            shade.setAlpha(170)
            p.fillRect(QRectF(x0, plot.top(), x1 - x0, plot.height()), shade)
            p.fillRect(QRectF(x0, band.top(), x1 - x0, band.height()), BREAK_FILL)
            p.fillRect(
                QRectF(x0, band.top(), x1 - x0, band.height()), QBrush(BREAK_INK, Qt.BrushStyle.BDiagPattern)
            )
            p.setPen(QPen(BREAK_INK, 1))
            p.drawRect(QRectF(x0, band.top(), x1 - x0, band.height()))
            text = fm.elidedText("Feedback break", Qt.TextElideMode.ElideRight, int(x1 - x0) - 6)
            if x1 - x0 > 24:
                r = QRectF(x0 + 3, band.top() + 3, x1 - x0 - 6, band.height() - 6)
                p.fillRect(QRectF(r.left(), r.top(), fm.horizontalAdvance(text) + 4, r.height()), BREAK_FILL)
                p.setPen(BREAK_INK)
                p.drawText(r.adjusted(2, 0, 0, 0), Qt.AlignmentFlag.AlignVCenter, text)
        p.setFont(self._font)

    def _paint_axis(self, p: QPainter) -> None:
        plot = self._plot()
        d = self._data
        step = _tick_step(d.duration, plot.width())
        y = MARGIN + BAND_H
        p.setFont(self._small)
        grid = QPen(QColor("#E0E0E0"), 1)
        t = math.ceil(d.start / step) * step
        while t <= d.end:
            x = self.x_of(t)
            p.setPen(grid)
            p.drawLine(QPointF(x, y + AXIS_H - 4), QPointF(x, plot.bottom()))
            p.setPen(MUTED)
            p.drawText(QRectF(x - 30, y, 60, AXIS_H - 4), Qt.AlignmentFlag.AlignCenter, self._clock(t))
            t += step
        p.setFont(self._font)

    def _paint_turns(self, p: QPainter) -> None:
        p.setPen(Qt.PenStyle.NoPen)
        for (role, interjection), rects in self._rects.items():
            colour = role_colour(role)
            p.setBrush(colour)
            p.drawRects(rects)
            if interjection:
                p.setBrush(QBrush(QColor("#000000"), Qt.BrushStyle.BDiagPattern))
                p.drawRects(rects)
        if self._selected is not None:
            t = self._data.turns[self._selected]
            y = self._lane_top(t.lane) + 1
            r = QRectF(
                self.x_of(t.start) - 2, y, max(4.0, self.x_of(t.end) - self.x_of(t.start) + 4), LANE_H - 2
            )
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.setPen(QPen(INK, 2))
            p.drawRect(r)

    def _paint_legend(self, p: QPainter) -> None:
        top = self._plot().bottom() + 10
        x = float(MARGIN + self._label_offset)
        fm = QFontMetrics(self._font)
        p.setFont(self._font)
        roles = roles_in_order({ln.role for ln in self._data.lanes} | {t.role for t in self._data.turns})
        entries: list[tuple[str, QColor, bool, bool]] = [
            (role_label(r, short=True), role_colour(r), False, False) for r in roles
        ]
        entries.append(("Interjection (hatched, thinner)", QColor("#BBBBBB"), True, False))
        if self._data.breaks:
            entries.append(("Feedback break (shaded)", BREAK_FILL, False, True))
        for label, colour, hatched, is_break in entries:
            box = QRectF(x, top + 4, 16, 14)
            p.fillRect(box, colour)
            if hatched:
                p.fillRect(box, QBrush(QColor("#000000"), Qt.BrushStyle.BDiagPattern))
            if is_break:
                p.fillRect(box, QBrush(BREAK_INK, Qt.BrushStyle.BDiagPattern))
            p.setPen(QPen(QColor("#707070"), 1))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawRect(box)
            p.setPen(INK)
            w = fm.horizontalAdvance(label)
            p.drawText(QRect(int(x + 22), int(top), w + 4, 22), Qt.AlignmentFlag.AlignVCenter, label)
            x += 22 + w + 18

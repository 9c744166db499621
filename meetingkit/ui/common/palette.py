"""The colours, words and icons of each timer state, and the WCAG contrast check that keeps them legible."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPen, QPixmap, QPolygonF

MIN_CONTRAST = 7.0  # WCAG AAA for normal text: the room reads the display from across a table


@dataclass(frozen=True)
class StateStyle:
    """How one state looks: background and text colours, the words, and which icon to draw."""

    key: str
    background: str
    foreground: str
    words: str
    icon: str


# Every state has its own words and icon, so nobody has to tell the colours apart.
STATES: dict[str, StateStyle] = {
    "speaking": StateStyle("speaking", "#0B4A26", "#FFFFFF", "Speaking", "play"),
    "wrap_up": StateStyle("wrap_up", "#FFB000", "#000000", "Please wrap up", "warning"),
    "over": StateStyle("over", "#8E0A0A", "#FFFFFF", "Over time", "alarm"),
    "idle": StateStyle("idle", "#263238", "#FFFFFF", "Nobody speaking", "idle"),
    "paused": StateStyle("paused", "#24308F", "#FFFFFF", "Meeting paused", "pause"),
    "break": StateStyle("break", "#004F55", "#FFFFFF", "Feedback break", "break"),
    "ended": StateStyle("ended", "#1B1B1B", "#FFFFFF", "Meeting ended", "ended"),
}

# Bars across the top of the console: what went wrong, what the chair should know, what the engine refused.
BANNERS: dict[str, tuple[str, str]] = {
    "warning": ("#FFE8A3", "#2E2000"),  # saving has a problem
    "notice": ("#DCEBFA", "#0A2540"),  # the computer slept
    "refused": ("#FBE3E1", "#5A0808"),  # a command the engine turned down
    "ok": ("#E4F2E6", "#0D3318"),  # the last command, done
    "prompt": ("#FFF4D6", "#2E2000"),  # something the chair should decide now
    "public_voice": ("#F1E6FA", "#3B0A5C"),  # marks a patient or public representative
}


# Other text on the console, as (background, foreground) pairs, held to the same contrast.
PERSON_HERE = ("#FFFFFF", "#111111")
PERSON_AWAY = ("#E6E6E6", "#333333")
WINDOW = "#EFEFEF"  # the Fusion/offscreen window background the plain labels sit on
OVER_TEXT = "#8E0A0A"  # the forecast when the meeting runs over
FOCUS_RING = "#0B57D0"


def state_style(key: str) -> StateStyle:
    return STATES[key]


def _channel(c: float) -> float:
    c = c / 255.0
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def relative_luminance(colour: str) -> float:
    """WCAG 2 relative luminance of a '#RRGGBB' colour."""
    h = colour.lstrip("#")
    if len(h) != 6:
        raise ValueError(f"Not a #RRGGBB colour: {colour!r}")
    r, g, b = (int(h[i : i + 2], 16) for i in (0, 2, 4))
    return 0.2126 * _channel(r) + 0.7152 * _channel(g) + 0.0722 * _channel(b)


def contrast_ratio(foreground: str, background: str) -> float:
    """WCAG 2 contrast ratio, from 1 (none) to 21 (black on white)."""
    a, b = relative_luminance(foreground), relative_luminance(background)
    hi, lo = max(a, b), min(a, b)
    return (hi + 0.05) / (lo + 0.05)


def state_icon(icon: str, size: int, colour: str) -> QPixmap:
    """Draw one state icon in `colour` on a transparent square of `size` pixels (no font glyphs needed)."""
    pix = QPixmap(size, size)
    pix.fill(Qt.GlobalColor.transparent)
    p = QPainter(pix)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    col = QColor(colour)
    s = float(size)
    pen = QPen(col, max(2.0, s / 12))
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    _DRAW.get(icon, _draw_idle)(p, s, col, pen)
    p.end()
    return pix


def _draw_play(p: QPainter, s: float, col: QColor, pen: QPen) -> None:
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(col)
    p.drawPolygon(
        QPolygonF([QPointF(s * 0.22, s * 0.12), QPointF(s * 0.88, s * 0.5), QPointF(s * 0.22, s * 0.88)])
    )


def _draw_warning(p: QPainter, s: float, col: QColor, pen: QPen) -> None:
    p.setPen(pen)
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawPolygon(
        QPolygonF([QPointF(s * 0.5, s * 0.08), QPointF(s * 0.94, s * 0.9), QPointF(s * 0.06, s * 0.9)])
    )
    p.drawLine(QPointF(s * 0.5, s * 0.36), QPointF(s * 0.5, s * 0.62))
    p.setBrush(col)
    p.drawEllipse(QPointF(s * 0.5, s * 0.76), s * 0.025, s * 0.025)


def _draw_alarm(p: QPainter, s: float, col: QColor, pen: QPen) -> None:
    p.setPen(pen)
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawEllipse(QPointF(s * 0.5, s * 0.56), s * 0.34, s * 0.34)
    p.drawLine(QPointF(s * 0.5, s * 0.56), QPointF(s * 0.5, s * 0.36))
    p.drawLine(QPointF(s * 0.5, s * 0.56), QPointF(s * 0.65, s * 0.64))
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(col)
    p.drawPie(QRectF(s * 0.02, s * 0.02, s * 0.34, s * 0.34), 45 * 16, 180 * 16)
    p.drawPie(QRectF(s * 0.64, s * 0.02, s * 0.34, s * 0.34), -45 * 16, 180 * 16)


def _draw_pause(p: QPainter, s: float, col: QColor, pen: QPen) -> None:
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(col)
    p.drawRoundedRect(QRectF(s * 0.2, s * 0.12, s * 0.2, s * 0.76), s * 0.04, s * 0.04)
    p.drawRoundedRect(QRectF(s * 0.6, s * 0.12, s * 0.2, s * 0.76), s * 0.04, s * 0.04)


def _draw_idle(p: QPainter, s: float, col: QColor, pen: QPen) -> None:
    p.setPen(pen)
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawEllipse(QPointF(s * 0.5, s * 0.5), s * 0.36, s * 0.36)
    p.drawLine(QPointF(s * 0.3, s * 0.5), QPointF(s * 0.7, s * 0.5))


def _draw_break(p: QPainter, s: float, col: QColor, pen: QPen) -> None:
    # Two speech bubbles: the representatives speak now.
    p.setPen(pen)
    p.setBrush(Qt.BrushStyle.NoBrush)
    path = QPainterPath()
    path.addRoundedRect(QRectF(s * 0.06, s * 0.1, s * 0.56, s * 0.4), s * 0.1, s * 0.1)
    p.drawPath(path)
    p.drawLine(QPointF(s * 0.2, s * 0.5), QPointF(s * 0.14, s * 0.64))
    p.setBrush(col)
    path2 = QPainterPath()
    path2.addRoundedRect(QRectF(s * 0.38, s * 0.42, s * 0.56, s * 0.36), s * 0.1, s * 0.1)
    p.drawPath(path2)
    p.drawLine(QPointF(s * 0.8, s * 0.78), QPointF(s * 0.86, s * 0.92))


def _draw_ended(p: QPainter, s: float, col: QColor, pen: QPen) -> None:
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(col)
    p.drawRoundedRect(QRectF(s * 0.18, s * 0.18, s * 0.64, s * 0.64), s * 0.06, s * 0.06)


def _draw_check(p: QPainter, s: float, col: QColor, pen: QPen) -> None:
    p.setPen(pen)
    p.drawPolyline(
        QPolygonF([QPointF(s * 0.16, s * 0.52), QPointF(s * 0.4, s * 0.76), QPointF(s * 0.86, s * 0.24)])
    )


_DRAW = {
    "check": _draw_check,
    "play": _draw_play,
    "warning": _draw_warning,
    "alarm": _draw_alarm,
    "pause": _draw_pause,
    "idle": _draw_idle,
    "break": _draw_break,
    "ended": _draw_ended,
}


def pixel_font(px: int, bold: bool = False) -> QFont:
    """A font of an exact pixel height: sizes in pixels keep the console legible at any screen scaling."""
    font = QFont()
    font.setPixelSize(max(1, px))
    font.setBold(bold)
    return font


def banner_sheet(kind: str) -> str:
    bg, fg = BANNERS[kind]
    return f"background: {bg}; color: {fg}; border-radius: 4px;"

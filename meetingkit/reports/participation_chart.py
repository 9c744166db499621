"""The participation chart of the minutes: speaking time per person (or role), the main discussion apart from
the feedback break, each bar with its value, representatives told apart by a label and a pattern, not colour
alone. The same bars feed the PDF drawing here and the HTML edition's SVG."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.graphics.shapes import Drawing, Line, Rect, String
from reportlab.pdfbase.pdfmetrics import stringWidth

from meetingkit.models.review_text import airtime
from meetingkit.reports.fonts import BOLD, REGULAR, font_runs
from meetingkit.reports.minutes_blocks import ChartBar
from meetingkit.reports.report_text import one_line
from meetingkit.reports.styles import INK, MUTED, OTHER_VOICE, PUBLIC_VOICE, RULE

MAX_BARS = 25  # beyond this a chart stops being readable (and slows the build); the rest become "others"
BAR_PITCH = 17.0
BAR_HEIGHT = 11.0
LABEL_CHARS = 34
LABEL_SIZE = 7.5
HATCH_STEP = 3.5
REP_MARK = " (rep)"


def top_bars(bars: Sequence[ChartBar], limit: int = MAX_BARS) -> list[ChartBar]:
    """The `limit - 1` bars with most main-discussion time, then one bar for the rest: their average, so that
    it stays comparable with the others (their total would dwarf every other bar)."""
    ordered = sorted(bars, key=lambda b: (-b.main_s, -b.break_s))
    if len(ordered) <= limit:
        return ordered
    kept, rest = ordered[: limit - 1], ordered[limit - 1 :]
    n = len(rest)
    main = sum(b.main_s for b in rest) / n
    brk = sum(b.break_s for b in rest) / n
    return [*kept, ChartBar(f"Others ({n}), average", main, brk)]


def bar_label(bar: ChartBar) -> str:
    return one_line(bar.label, LABEL_CHARS - len(REP_MARK)) + (REP_MARK if bar.public_voice else "")


def bar_value(bar: ChartBar) -> str:
    """The figure written beside a bar: main discussion, and the break when there was any."""
    text = airtime(bar.main_s)
    if bar.break_s > 0:
        text += f" + {airtime(bar.break_s)} in the break"
    return text


def chart_alt(bars: Sequence[ChartBar], what: str) -> str:
    """The chart as one sentence per bar, for a reader who cannot see it."""
    lines = [f"Bar chart of speaking time per {what}, main discussion and feedback break."]
    for b in bars:
        lines.append(f"{bar_label(b)}: {bar_value(b)}.")
    return " ".join(lines)


def airtime_drawing(bars: Sequence[ChartBar], width: float) -> Drawing:
    """Horizontal bars: solid for the main discussion, hatched for the break, the value written after."""
    count = max(1, len(bars))
    label_space = min(width * 0.34, 165.0)
    value_space = 150.0
    plot = max(40.0, width - label_space - value_space)
    height = count * BAR_PITCH + 6
    top = max((b.seconds for b in bars), default=0.0) or 1.0
    drawing = Drawing(width, height)
    drawing.add(Line(label_space, 0, label_space, height, strokeColor=RULE, strokeWidth=0.5))
    for i, b in enumerate(bars):
        y = height - (i + 1) * BAR_PITCH + (BAR_PITCH - BAR_HEIGHT) / 2
        _label(drawing, label_space - 4, y + 2.5, bar_label(b), BOLD if b.public_voice else REGULAR)
        colour = PUBLIC_VOICE if b.public_voice else OTHER_VOICE
        main_w = plot * b.main_s / top
        brk_w = plot * b.break_s / top
        x = label_space
        if main_w > 0:
            drawing.add(Rect(x, y, main_w, BAR_HEIGHT, fillColor=colour, strokeColor=colour, strokeWidth=0.5))
        if brk_w > 0:
            bx = x + main_w
            drawing.add(Rect(bx, y, brk_w, BAR_HEIGHT, fillColor=None, strokeColor=colour, strokeWidth=0.8))
            _hatch(drawing, bx, y, brk_w, BAR_HEIGHT, colour)
        value = bar_value(b)
        drawing.add(
            String(x + main_w + brk_w + 4, y + 2.5, value, fontName=REGULAR, fontSize=7, fillColor=MUTED)
        )
    return drawing


def _label(drawing: Drawing, right: float, y: float, text: str, font: str) -> None:
    """A label set to end at `right`, in runs of the fonts that have its characters (a name in any script)."""
    runs = font_runs(text, font)
    x = right - sum(stringWidth(piece, f, LABEL_SIZE) for f, piece in runs)
    for f, piece in runs:
        drawing.add(String(x, y, piece, fontName=f, fontSize=LABEL_SIZE, fillColor=INK))
        x += stringWidth(piece, f, LABEL_SIZE)


def value_width(bar: ChartBar) -> float:
    return stringWidth(bar_value(bar), REGULAR, 7)


def _hatch(drawing: Drawing, x: float, y: float, w: float, h: float, colour: object) -> None:
    """Diagonal lines inside the box (x, y, w, h): the break's pattern."""
    k = -h
    while k < w:
        x0, y0 = x + max(k, 0.0), y + max(0.0, -k)
        x1, y1 = x + min(k + h, w), y + min(h, w - k)
        if x1 > x0:
            drawing.add(Line(x0, y0, x1, y1, strokeColor=colour, strokeWidth=0.7))
        k += HATCH_STEP

"""The participation chart of the minutes: speaking time per person (or per role), as horizontal bars."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib.colors import Color

from meetingkit.reports.fonts import REGULAR
from meetingkit.reports.report_text import one_line
from meetingkit.reports.styles import INK, MUTED, OTHER_VOICE, PUBLIC_VOICE, RULE

MAX_BARS = 25  # beyond this a chart stops being readable (and slows the build); the rest become "others"
BAR_PITCH = 15.0
LABEL_CHARS = 34
AXIS_SPACE = 26.0


@dataclass
class Bar:
    label: str
    seconds: float
    public_voice: bool = False


def top_bars(bars: Sequence[Bar], limit: int = MAX_BARS) -> list[Bar]:
    """The longest `limit - 1` bars in order of time, then one bar for the rest: their average, so that it
    stays comparable with the others (their total would dwarf every other bar)."""
    ordered = sorted(bars, key=lambda b: -b.seconds)
    if len(ordered) <= limit:
        return ordered
    kept, rest = ordered[: limit - 1], ordered[limit - 1 :]
    average = sum(b.seconds for b in rest) / len(rest)
    return [*kept, Bar(f"Others ({len(rest)}), average", average)]


def airtime_chart(bars: Sequence[Bar], width: float) -> Drawing:
    """Minutes spoken per bar; bars of patient and public voice in their own colour."""
    count = max(1, len(bars))
    height = count * BAR_PITCH + AXIS_SPACE
    drawing = Drawing(width, height)
    chart = HorizontalBarChart()
    label_space = min(width * 0.38, 175.0)
    chart.x = label_space
    chart.y = AXIS_SPACE - 6
    chart.width = width - label_space - 12
    chart.height = count * BAR_PITCH
    minutes = [b.seconds / 60.0 for b in bars] or [0.0]
    chart.data = [minutes]
    chart.barSpacing = 0
    chart.groupSpacing = 4
    chart.strokeColor = None
    chart.categoryAxis.categoryNames = [one_line(b.label, LABEL_CHARS) for b in bars] or [""]
    chart.categoryAxis.reverseDirection = 1  # first bar at the top, as in the table below it
    chart.categoryAxis.labels.fontName = REGULAR
    chart.categoryAxis.labels.fontSize = 7.5
    chart.categoryAxis.labels.fillColor = INK
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.categoryAxis.labels.dx = -4
    chart.categoryAxis.strokeColor = RULE
    chart.categoryAxis.tickLeft = 0
    top = max(minutes)
    step = _nice_step(top)
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = max(step, math.ceil(top / step) * step)
    chart.valueAxis.valueStep = step
    chart.valueAxis.labels.fontName = REGULAR
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.labels.fillColor = MUTED
    chart.valueAxis.labelTextFormat = _minutes_label
    chart.valueAxis.strokeColor = RULE
    chart.valueAxis.visibleGrid = 1
    chart.valueAxis.gridStrokeColor = RULE
    chart.valueAxis.gridStrokeWidth = 0.3
    chart.bars.strokeColor = None
    for i, bar in enumerate(bars):
        colour: Color = PUBLIC_VOICE if bar.public_voice else OTHER_VOICE
        chart.bars[(0, i)].fillColor = colour
    drawing.add(chart)
    drawing.add(
        String(
            chart.x + chart.width,
            1,
            "minutes",
            fontName=REGULAR,
            fontSize=7,
            fillColor=MUTED,
            textAnchor="end",
        )
    )
    return drawing


def _nice_step(top: float) -> float:
    """An axis step (1, 2 or 5 times a power of ten) that gives about five gridlines."""
    if top <= 0:
        return 1.0
    raw = top / 5.0
    power = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 5, 10):
        if raw <= factor * power:
            return float(factor * power)
    return float(10 * power)


def _minutes_label(value: float) -> str:
    return f"{value:g}"

"""The review's charts (QtCharts): speaking time per person, per role, per sector; the series' voice and timing.

Every bar's category label carries its figure in words, so the charts read without telling colours apart.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalStackedBarSeries,
    QLineSeries,
    QStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMargins, QPointF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from meetingkit.models.participation import Airtime, Participation
from meetingkit.models.review_text import clock_text, over_under_words, percent
from meetingkit.reports.file_writer import write_file
from meetingkit.store.series_queries import SeriesMeeting
from meetingkit.ui.common.role_colours import role_colour, role_label, roles_in_order

BAR_PX = 30
CHART_CHROME_PX = 130
NEUTRAL = QColor("#4477AA")
PUBLIC_VOICE = QColor("#AA3377")
OVER = QColor("#8E0A0A")
UNDER = QColor("#228833")


def _font(px: int, bold: bool = False) -> QFont:
    f = QFont()
    f.setPixelSize(px)
    f.setBold(bold)
    return f


def _chart(title: str) -> QChart:
    chart = QChart()
    chart.setTitle(title)
    chart.setTitleFont(_font(15, bold=True))
    chart.setAnimationOptions(
        QChart.AnimationOption.NoAnimation
    )  # figures, not a show; and PNGs come out whole
    chart.setBackgroundRoundness(0)
    chart.setMargins(QMargins(6, 6, 6, 6))
    chart.legend().setFont(_font(12))
    return chart


def _view(chart: QChart, name: str, bars: int, parent: QWidget | None) -> QChartView:
    view = QChartView(chart, parent)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.setAccessibleName(name)
    # Not a Tab stop: a chart has nothing to say to a keyboard (its figures are in the words and tables).
    view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    view.setMinimumHeight(max(260, bars * BAR_PX + CHART_CHROME_PX))
    view.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
    return view


def _minutes_axis(max_minutes: float, title: str = "Minutes") -> QValueAxis:
    axis = QValueAxis()
    axis.setRange(0, max(1.0, max_minutes * 1.08))
    axis.setLabelFormat("%.0f")
    axis.setTitleText(title)
    axis.setLabelsFont(_font(12))
    axis.setTitleFont(_font(12))
    axis.applyNiceNumbers()
    return axis


def _category_axis(labels: Sequence[str]) -> QBarCategoryAxis:
    """Categories from user text: escaped (QtCharts renders labels as rich text) and made unique (the axis
    drops a repeated category, which would shift every bar after it: two people may share a name)."""
    axis = QBarCategoryAxis()
    seen: set[str] = set()
    unique = []
    for label in labels:
        text = html.escape(label)
        while text in seen:
            text += "\u200b"
        seen.add(text)
        unique.append(text)
    axis.append(unique)
    axis.setLabelsFont(_font(12))
    return axis


def role_bars_chart(
    title: str,
    name: str,
    rows: Sequence[tuple[str, str, float]],
    parent: QWidget | None = None,
) -> QChartView:
    """Horizontal bars of minutes, one per (label, role, seconds), coloured by role with a role legend.

    One stacked set per role, zero elsewhere, gives each bar its role's colour and the legend its names.
    Rows are drawn top to bottom in the order given.
    """
    chart = _chart(title)
    series = QHorizontalStackedBarSeries()
    ordered = list(reversed(rows))  # a horizontal bar chart draws its first category at the bottom
    for role in roles_in_order({r for _, r, _ in rows}):
        bar_set = QBarSet(html.escape(role_label(role, short=True)))
        bar_set.setColor(role_colour(role))
        bar_set.setBorderColor(role_colour(role).darker(130))
        bar_set.append([s / 60.0 if r == role else 0.0 for _, r, s in ordered])
        series.append(bar_set)
    series.setBarWidth(0.7)
    chart.addSeries(series)
    y = _category_axis([label for label, _, _ in ordered])
    x = _minutes_axis(max([s / 60.0 for _, _, s in rows], default=1.0))
    chart.addAxis(y, Qt.AlignmentFlag.AlignLeft)
    chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
    series.attachAxis(y)
    series.attachAxis(x)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    chart.legend().setVisible(bool(rows))
    return _view(chart, name, len(rows), parent)


def _bar_label(name: str, seconds: float, share: float) -> str:
    return f"{name} — {clock_text(seconds)} ({percent(share)})"


def people_chart(part: Participation, parent: QWidget | None = None) -> QChartView:
    """Speaking time per person (the whole meeting), most first."""
    people = sorted(part.people, key=lambda f: -f.seconds)
    rows = [(_bar_label(f.name, f.seconds, f.share), f.role, f.seconds) for f in people]
    return role_bars_chart("Speaking time per person", "Speaking time per person chart", rows, parent)


def balance_chart(part: Participation, parent: QWidget | None = None) -> QChartView:
    """The bars the balance figure comes from: main-discussion time of each person present, least first."""
    people = sorted(part.people, key=lambda f: f.main_seconds)
    total = sum(f.main_seconds for f in people)
    rows = [
        (_bar_label(f.name, f.main_seconds, f.main_seconds / total if total else 0.0), f.role, f.main_seconds)
        for f in people
    ]
    title = f"Time in the main discussion, person by person (balance figure {part.gini:.2f})"
    return role_bars_chart(title, "Balance chart", rows, parent)


def roles_chart(part: Participation, parent: QWidget | None = None) -> QChartView:
    groups = sorted(part.roles.items(), key=lambda kv: -kv[1].seconds)
    rows = [(_bar_label(role_label(k, short=True), v.seconds, v.share), k, v.seconds) for k, v in groups]
    return role_bars_chart("Speaking time by role", "Speaking time by role chart", rows, parent)


def groups_chart(
    title: str,
    name: str,
    groups: dict[str, Airtime],
    label: Callable[[str], str],
    colour: Callable[[str], QColor],
    parent: QWidget | None = None,
) -> QChartView:
    """Bars of minutes per group, each bar its own colour from `colour` (the label names the group)."""
    chart = _chart(title)
    ordered = sorted(groups.items(), key=lambda kv: kv[1].seconds)  # most at the top
    series = QHorizontalStackedBarSeries()
    colours: dict[str, list[float]] = {}
    for i, (key, _) in enumerate(ordered):
        colours.setdefault(colour(key).name(), [0.0] * len(ordered))[i] = ordered[i][1].seconds / 60.0
    for hexcode, values in colours.items():
        bar_set = QBarSet("")
        bar_set.setColor(QColor(hexcode))
        bar_set.setBorderColor(QColor(hexcode).darker(130))
        bar_set.append(values)
        series.append(bar_set)
    series.setBarWidth(0.7)
    chart.addSeries(series)
    y = _category_axis([_bar_label(label(k), v.seconds, v.share) for k, v in ordered])
    x = _minutes_axis(max([v.seconds / 60.0 for _, v in ordered], default=1.0))
    chart.addAxis(y, Qt.AlignmentFlag.AlignLeft)
    chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
    series.attachAxis(y)
    series.attachAxis(x)
    chart.legend().setVisible(False)
    return _view(chart, name, len(ordered), parent)


def sectors_chart(part: Participation, parent: QWidget | None = None) -> QChartView:
    def colour(sector: str) -> QColor:
        return PUBLIC_VOICE if sector == "patients and public" else NEUTRAL

    return groups_chart(
        "Speaking time by sector",
        "Speaking time by sector chart",
        part.sectors,
        lambda s: s or "No sector given",
        colour,
        parent,
    )


def _meeting_label(row: SeriesMeeting) -> str:
    return f"{row.scheduled_start.day} {row.scheduled_start:%b %y}"


def series_voice_chart(
    rows: Sequence[SeriesMeeting], target: float | None, parent: QWidget | None = None
) -> QChartView:
    """Patient and public voice share per meeting (main discussion), with the series' target as a line."""
    chart = _chart("Patient and public voice, meeting by meeting (% of the main discussion)")
    series = QBarSeries()
    share = QBarSet("Patient and public voice")
    share.setColor(PUBLIC_VOICE)
    share.append([round(r.patient_voice_share * 100.0, 1) for r in rows])
    series.append(share)
    chart.addSeries(series)
    # The figure is in each category's label as well, so a meeting at 0% (no bar at all) still says so.
    x = _category_axis([f"{_meeting_label(r)}: {percent(r.patient_voice_share, 1)}" for r in rows])
    top = max([r.patient_voice_share * 100.0 for r in rows] + [(target or 0.0) * 100.0, 10.0])
    y = QValueAxis()
    y.setRange(0, min(100.0, top * 1.15))
    y.applyNiceNumbers()
    y.setLabelFormat("%.0f%%")
    y.setLabelsFont(_font(12))
    chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(y, Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(x)
    series.attachAxis(y)
    if target is not None and rows:
        line = QLineSeries()
        line.setName(f"Series target: {percent(target)} (dashed line)")
        line.setPen(QPen(QColor("#1B1B1B"), 2, Qt.PenStyle.DashLine))
        # A line across the categories: x runs -0.5 .. n-0.5 on the category axis.
        line.append([QPointF(-0.5, target * 100.0), QPointF(len(rows) - 0.5, target * 100.0)])
        chart.addSeries(line)
        line.attachAxis(x)
        line.attachAxis(y)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    view = _view(chart, "Patient and public voice by meeting chart", 0, parent)
    view.setMinimumHeight(340)
    return view


def series_timing_chart(rows: Sequence[SeriesMeeting], parent: QWidget | None = None) -> QChartView:
    """Minutes over (above zero) or under (below) the scheduled end, per meeting."""
    chart = _chart("Finish against the scheduled end, meeting by meeting (minutes)")
    series = QStackedBarSeries()  # stacked, so each meeting's one bar sits centred on its label
    over = QBarSet("Over time (bar above the line)")
    over.setColor(OVER)
    under = QBarSet("Under time (bar below the line)")
    under.setColor(UNDER)
    mins = [(r.over_s or 0.0) / 60.0 for r in rows]
    over.append([max(0.0, m) for m in mins])
    under.append([min(0.0, m) for m in mins])
    series.append(over)
    series.append(under)
    series.setBarWidth(0.6)
    chart.addSeries(series)
    x = _category_axis([f"{_meeting_label(r)}: {over_under_words(r.over_s)}" for r in rows])
    x.setLabelsAngle(-30 if len(rows) > 4 else 0)
    span = max([abs(m) for m in mins] + [5.0])
    y = QValueAxis()
    y.setRange(-span * 1.1, span * 1.1)
    y.applyNiceNumbers()
    y.setLabelFormat("%+.0f")
    y.setTitleText("Minutes (+ over, − under)")
    y.setLabelsFont(_font(12))
    chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(y, Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(x)
    series.attachAxis(y)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    view = _view(chart, "Finish time by meeting chart", 0, parent)
    view.setMinimumHeight(340)
    return view


def png_bytes(widget: QWidget, visible_only: bool = False) -> bytes:
    """The widget as it is drawn now, as the bytes of a PNG file (written by reports.file_writer, as every file
    for people is).

    `visible_only`: just the part in view (a zoomed timeline inside a scroll area), when it is on screen.
    """
    area = widget.visibleRegion().boundingRect() if visible_only else None
    pixmap = widget.grab(area) if area is not None and not area.isEmpty() else widget.grab()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not pixmap.save(buffer, "PNG"):
        raise OSError("the picture could not be made")
    buffer.close()
    return bytes(data.data())


def save_png(widget: QWidget, path: str | Path, visible_only: bool = False) -> Path:
    """Write the widget as a PNG file through the one writer; raises OSError (OutputError) naming `path`."""
    return write_file(path, png_bytes(widget, visible_only))

"""Were you heard? across a series (DESIGN §11): per meeting, the share of representatives who got the chance to
say what they wanted and who felt listened to, as bars whose labels carry the counts in words.

A meeting whose representatives gave too few answers (or where no pulse was taken) has no bar: its label says
so, in the words of `models.pulse`. The two questions differ by fill (solid, hatched) as well as colour.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from textwrap import wrap

from PySide6.QtCharts import QBarCategoryAxis, QBarSeries, QBarSet, QValueAxis
from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QWidget

from meetingkit.models.pulse import NOT_TAKEN, find
from meetingkit.store.series_queries import SeriesMeeting
from meetingkit.ui.review.review_charts import _chart, _font, _meeting_label, _view

CHANCE = QColor("#4477AA")
LISTENED = QColor("#AA3377")
QUESTIONS = (
    ("chance", "Had the chance to say what they wanted (solid)", CHANCE, Qt.BrushStyle.SolidPattern),
    ("listened", "Felt listened to (hatched)", LISTENED, Qt.BrushStyle.BDiagPattern),
)
SHORT = {"chance": "chance", "listened": "listened"}  # on the axis, where room is short
WORDS = {"chance": "had the chance", "listened": "felt listened to"}
COMPACT_AFTER = 6  # meetings: beyond this many, each category's words go on short lines


def _unique(labels: list[str]) -> list[str]:
    """The axis drops a repeated category (two meetings on one day with the same figures): make each unique."""
    seen: set[str] = set()
    out = []
    for label in labels:
        while label in seen:
            label += "\u200b"
        seen.add(label)
        out.append(label)
    return out


def _yes_percent(row: SeriesMeeting, question: str) -> float:
    f = find(row.pulse, question, "patient_public")
    share = f.yes_share() if f is not None else None
    return 0.0 if share is None else round(share * 100.0, 1)


def _cell(row: SeriesMeeting, question: str) -> str:
    f = find(row.pulse, question, "patient_public")
    return f.count_words() if f is not None else NOT_TAKEN


def category_lines(row: SeriesMeeting) -> list[str]:
    """The axis label's lines: ['12 Jun 26', 'chance: 3 of 4', 'listened: 2 of 4']; one line for both questions
    when it says the same of both ('too few answers to show', 'no answers'); ['12 Jun 26', 'no pulse']."""
    if not row.pulse:
        return [_meeting_label(row), NOT_TAKEN]
    cells = [_cell(row, q) for q, *_ in QUESTIONS]
    if len(set(cells)) == 1 and not cells[0][:1].isdigit():
        return [_meeting_label(row), cells[0]]
    return [_meeting_label(row), *(f"{SHORT[q]}: {c}" for (q, *_), c in zip(QUESTIONS, cells, strict=True))]


def compact_lines(row: SeriesMeeting) -> list[str]:
    """For a narrow category, each answer on short lines of its own: ['12 Jun 26', '3 of 4', '2 of 4'],
    ['11 Sep 26', 'too few', 'answers to', 'show'] (said once when the same of both)."""
    first, *rest = category_lines(row)
    said = rest if len(rest) == 1 else [_cell(row, q) for q, *_ in QUESTIONS]
    return [first, *(line for words in said for line in wrap(words, 12))]


def category_label(row: SeriesMeeting) -> str:
    """The meeting's figures in words on one line, for a screen reader ('12 Jun 26: had the chance 3 of 4, felt
    listened to 2 of 4'; '11 Sep 26: no pulse')."""
    if not row.pulse:
        return f"{_meeting_label(row)}: {NOT_TAKEN}"
    said = ", ".join(f"{WORDS[q]} {_cell(row, q)}" for q, *_ in QUESTIONS)
    return f"{_meeting_label(row)}: {said}"


def series_pulse_chart(rows: Sequence[SeriesMeeting], parent: QWidget | None = None) -> QWidget:
    """Bars of the share of representatives answering Yes, per meeting and question (0–100%)."""
    chart = _chart("Were you heard? Representatives answering Yes, meeting by meeting (%)")
    series = QBarSeries()
    for question, name, colour, pattern in QUESTIONS:
        bars = QBarSet(name)
        bars.setBrush(QBrush(colour, pattern))
        bars.setBorderColor(colour.darker(130))
        bars.append([_yes_percent(r, question) for r in rows])
        series.append(bars)
    chart.addSeries(series)
    # one line each (the axis draws labels as rich text: each line escaped, then joined by a break); with many
    # meetings each category is narrow, so its figures go on short lines, the axis saying which is which
    compact = len(rows) > COMPACT_AFTER
    lines = [compact_lines(r) if compact else category_lines(r) for r in rows]
    x = QBarCategoryAxis()
    x.append(_unique(["<br>".join(html.escape(t) for t in ls) for ls in lines]))
    if compact:
        x.setTitleText("Under each meeting: had the chance, then felt listened to")
        x.setTitleFont(_font(11))
    x.setLabelsFont(_font(11))
    y = QValueAxis()
    y.setRange(0, 100)
    y.setLabelFormat("%.0f%%")
    y.setLabelsFont(_font(12))
    chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(y, Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(x)
    series.attachAxis(y)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    view = _view(chart, "Were you heard? by meeting chart", 0, parent)
    view.setAccessibleDescription("; ".join(category_label(r) for r in rows) or "No meeting yet")
    view.setMinimumHeight(340)
    return view

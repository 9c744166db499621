"""The review's Balance tab: how evenly the talk was shared, and who interjected, in words and as a chart."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from meetingkit.models.participation import Participation
from meetingkit.models.review_text import balance_line, interjections_line
from meetingkit.ui.review.review_charts import balance_chart
from meetingkit.ui.review.review_window.chart_slots import ACCENT_ROOM_PX, swap_chart


class BalanceTab(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        lay = QVBoxLayout(self)
        self.words = QLabel()
        self.words.setTextFormat(Qt.TextFormat.PlainText)
        self.words.setWordWrap(True)
        self.interjections = QLabel()
        self.interjections.setTextFormat(Qt.TextFormat.PlainText)
        self.interjections.setWordWrap(True)
        for label in (self.words, self.interjections):
            label.setContentsMargins(0, ACCENT_ROOM_PX, 0, 0)
        self.chart_slot = QVBoxLayout()
        self.chart = QWidget()
        self.chart_slot.addWidget(self.chart)
        lay.addWidget(self.words)
        lay.addWidget(self.interjections)
        lay.addLayout(self.chart_slot, 1)

    def show_figures(self, part: Participation) -> None:
        self.words.setText(balance_line(part.gini, part.total_s))
        self.interjections.setText(interjections_line([(f.name, f.interjections_made) for f in part.people]))

    def show_chart(self, part: Participation) -> None:
        self.chart = swap_chart(self.chart_slot, self.chart, balance_chart(part))

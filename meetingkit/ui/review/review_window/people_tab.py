"""The review's People tab: whether people felt heard (DESIGN §11) over everyone present with their speaking time
(a sortable table); the chart below."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSplitter, QVBoxLayout, QWidget

from meetingkit.models.participation import Participation
from meetingkit.ui.review.review_charts import people_chart
from meetingkit.ui.review.review_models import PeopleModel
from meetingkit.ui.review.review_window.chart_slots import scrolled, swap_chart
from meetingkit.ui.review.review_window.pulse_panel import PulsePanel
from meetingkit.ui.review.review_window.sorted_table import sorted_table


class PeopleTab(QSplitter):
    def __init__(self, model: PeopleModel, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Vertical, parent)
        self.model = model
        self.table = sorted_table(model, "People table", model.column_of("seconds"))
        self.chart_slot = QVBoxLayout()
        self.chart = QWidget()
        self.chart_slot.addWidget(self.chart)
        charts = QWidget()
        charts.setLayout(self.chart_slot)
        # Above the table, not beside it: the table's columns need the window's whole width on a laptop.
        self.pulse = PulsePanel()
        top = QWidget()
        column = QVBoxLayout(top)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.pulse)
        column.addWidget(self.table, 1)
        self.addWidget(top)
        self.addWidget(scrolled(charts, "People charts"))
        # The table first: a board of ten fits without scrolling; the chart below scrolls.
        self.setSizes([520, 180])

    def show_chart(self, part: Participation) -> None:
        self.chart = swap_chart(self.chart_slot, self.chart, people_chart(part))

    def rows_in_view_order(self) -> list:  # type: ignore[type-arg]
        """The per-person rows as the table shows them (its current sort)."""
        proxy = self.table.model()
        rows = self.model.rows()
        return [rows[proxy.mapToSource(proxy.index(r, 0)).row()] for r in range(proxy.rowCount())]

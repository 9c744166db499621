"""The review's 'Roles and sectors' tab: speaking time by role and by sector, as tables and charts."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QSplitter, QWidget

from meetingkit.models.participation import Participation
from meetingkit.ui.review.review_charts import roles_chart, sectors_chart
from meetingkit.ui.review.review_models import RolesModel, SectorsModel
from meetingkit.ui.review.review_window.chart_slots import scrolled, swap_chart
from meetingkit.ui.review.review_window.sorted_table import sorted_table


class GroupsTab(QSplitter):
    def __init__(self, roles: RolesModel, sectors: SectorsModel, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Vertical, parent)
        self.roles_table = sorted_table(roles, "Roles table", roles.column_of("seconds"))
        self.sectors_table = sorted_table(sectors, "Sectors table", sectors.column_of("seconds"))
        self.charts = QWidget()
        self.charts_slot = QHBoxLayout(self.charts)
        self.roles_chart = QWidget()
        self.sectors_chart = QWidget()
        self.charts_slot.addWidget(self.roles_chart)
        self.charts_slot.addWidget(self.sectors_chart)
        tables = QWidget()
        tl = QHBoxLayout(tables)
        tl.setContentsMargins(0, 0, 0, 0)
        tl.addWidget(self.roles_table)
        tl.addWidget(self.sectors_table)
        self.addWidget(tables)
        self.addWidget(scrolled(self.charts, "Role and sector charts"))
        self.setSizes([200, 480])

    def show_charts(self, part: Participation) -> None:
        self.roles_chart = swap_chart(self.charts_slot, self.roles_chart, roles_chart(part))
        self.sectors_chart = swap_chart(self.charts_slot, self.sectors_chart, sectors_chart(part))

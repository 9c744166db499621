"""The review's figure tables: sorted largest first, by the figure and not its words, with arrows that point the
way the rows run."""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QProxyStyle,
    QStyle,
    QStyleOption,
    QStyleOptionHeader,
    QTableView,
    QWidget,
)

from meetingkit.ui.review.review_models import SORT_ROLE, PeopleModel, RolesModel, SectorsModel


class SortArrowStyle(QProxyStyle):
    """Header arrows that point the way the rows run: down for largest first.

    Qt hands a descending sort to the style as 'sort up' (a Windows convention), which Fusion draws as an
    arrow pointing up, over rows that go down: the opposite of what the reader sees."""

    def drawPrimitive(  # noqa: N802 (Qt's name)
        self,
        element: QStyle.PrimitiveElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        if element == QStyle.PrimitiveElement.PE_IndicatorHeaderArrow and hasattr(option, "sortIndicator"):
            flipped = {
                QStyleOptionHeader.SortIndicator.SortUp: QStyleOptionHeader.SortIndicator.SortDown,
                QStyleOptionHeader.SortIndicator.SortDown: QStyleOptionHeader.SortIndicator.SortUp,
            }
            option.sortIndicator = flipped.get(option.sortIndicator, option.sortIndicator)
        super().drawPrimitive(element, option, painter, widget)


def sorted_table(model: PeopleModel | RolesModel | SectorsModel, name: str, sort_column: int) -> QTableView:
    proxy = QSortFilterProxyModel(model)
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    view = QTableView()
    view.setModel(proxy)
    view.setTabKeyNavigation(False)  # Tab leaves the table; the arrow keys move within it
    view.setAccessibleName(name)
    view.setSortingEnabled(True)
    view.sortByColumn(sort_column, Qt.SortOrder.DescendingOrder)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.verticalHeader().setVisible(False)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    arrows = SortArrowStyle()
    arrows.setParent(header)  # the style lives as long as the header it draws
    header.setStyle(arrows)
    return view

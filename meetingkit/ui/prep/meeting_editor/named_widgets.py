"""The editor's building blocks, each with the accessible name that screen readers and tests use: a label for
text that may hold user input, a button, and a table that selects one row at a time."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QAbstractItemView, QLabel, QPushButton, QTableView

from meetingkit.ui.common.accessibility import ValueLabel
from meetingkit.ui.prep.cell_editors import NamedDelegate


def plain_label(name: str) -> QLabel:
    """A label for text that may hold user input: shown as typed, never as markup."""
    label = ValueLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setAccessibleName(name)
    return label


def named_button(text: str, name: str, tip: str = "") -> QPushButton:
    b = QPushButton(text)
    b.setAccessibleName(name)
    if tip:
        b.setToolTip(tip)
    return b


def named_table(name: str) -> QTableView:
    view = QTableView()
    view.setTabKeyNavigation(False)  # Tab leaves the table; the arrow keys move within it
    view.setAccessibleName(name)
    view.setItemDelegate(NamedDelegate(view))
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 14)
    view.setCornerButtonEnabled(False)  # one row at a time: "select all" has no use here
    corner = view.findChild(QAbstractButton, "qt_tableview_cornerbutton")
    if corner is not None:
        corner.setAccessibleName(f"{name}: row numbers")
    return view

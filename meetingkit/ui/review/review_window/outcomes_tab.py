"""The review's 'You said, we did' tab: actions that came from what the representatives said, and what became
of them."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from meetingkit.models.review_text import plural
from meetingkit.ui.review.review_models import FeedbackOutcome, FeedbackOutcomesModel
from meetingkit.ui.review.review_window.chart_slots import ACCENT_ROOM_PX


class OutcomesTab(QWidget):
    def __init__(self, model: FeedbackOutcomesModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        lay = QVBoxLayout(self)
        intro = QLabel(
            "Actions that came from what patient and public representatives said, in this meeting and "
            "earlier ones of the series, and what became of them."
        )
        intro.setWordWrap(True)
        intro.setContentsMargins(0, ACCENT_ROOM_PX, 0, 0)
        self.table = QTableView()
        self.table.setAccessibleName("You said, we did table")
        self.table.setModel(model)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; the arrow keys move within it
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(True)
        # Wrapped cells start at their top edge: a little room there keeps accents over capitals whole.
        self.table.setStyleSheet(f"QTableView::item {{ padding-top: {ACCENT_ROOM_PX}px; }}")
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        for col in (0, 1, 4, 6):  # what was said, the action, what happened, where: the words get the width
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Stretch)
        self.summary = QLabel()
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)
        lay.addWidget(intro)
        lay.addWidget(self.summary)
        lay.addWidget(self.table, 1)

    def show_rows(self, rows: list[FeedbackOutcome]) -> None:
        self.model.set_rows(rows)
        if not rows:
            self.summary.setText("No action has come from patient and public feedback yet.")
        else:
            done = sum(1 for r in rows if r.status.endswith("Done"))
            self.summary.setText(
                f"{plural(len(rows), 'action')} from patient and public feedback; {done} done."
            )

    def show_problem(self, problem: str) -> None:
        self.model.set_rows([])
        self.summary.setText(problem)

"""Were you heard? (DESIGN §11) in the review's first tab, above the table of who spoke for how long: both
questions for both groups in the words of `models.pulse` (the threshold of 3 applied), as a small table of words
— a question per row, a group per column — that fits a 1366 px laptop at the app's text size."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QWidget

from meetingkit.models.pulse import GROUPS, NO_PULSE, QUESTIONS, PulseFigure, find, group_label, question_text

ABOUT = "Answers are anonymous; a group's counts are shown only when at least 3 of it answered."


def _label(text: str = "", bold: bool = False) -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
    if bold:
        font = label.font()
        font.setBold(True)
        label.setFont(font)
    return label


class PulsePanel(QFrame):
    """A row per question, a column per group ("3 of 4 felt listened to, 1 not", "too few answers to show");
    "No pulse was taken at this meeting" when none was."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName("Were you heard?")
        self.setToolTip(ABOUT)
        self.title = _label("Were you heard?", bold=True)
        self.none = _label(f"{NO_PULSE}.")
        self.about = _label(ABOUT)
        font = self.about.font()
        font.setPointSizeF(font.pointSizeF() * 0.9)
        self.about.setFont(font)
        self.heads = {g: _label(group_label(g), bold=True) for g in GROUPS}
        self.questions = {q: _label(question_text(q)) for q in QUESTIONS}
        self.cells: dict[tuple[str, str], QLabel] = {(q, g): _label() for q in QUESTIONS for g in GROUPS}
        self.figures: list[PulseFigure] = []
        grid = QGridLayout(self)
        grid.setContentsMargins(8, 4, 8, 4)
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(1)
        grid.addWidget(self.title, 0, 0)
        grid.addWidget(self.none, 0, 1, 1, 2)
        for col, g in enumerate(GROUPS, 1):
            grid.addWidget(self.heads[g], 0, col)
        for row, q in enumerate(QUESTIONS, 1):
            grid.addWidget(self.questions[q], row, 0)
            for col, g in enumerate(GROUPS, 1):
                grid.addWidget(self.cells[(q, g)], row, col)
        grid.addWidget(self.about, len(QUESTIONS) + 1, 0, 1, 3)
        for col in range(3):
            grid.setColumnStretch(col, 1)
        self.show_pulse([])

    def show_pulse(self, figures: list[PulseFigure]) -> None:
        self.figures = list(figures)
        taken = bool(figures)
        self.none.setVisible(not taken)
        for label in (*self.heads.values(), *self.questions.values(), *self.cells.values()):
            label.setVisible(taken)
        # why a group reads "too few answers to show", said where one does (a line less of the table's room)
        self.about.setVisible(any(f.answers and not f.shown for f in figures))
        for (q, g), label in self.cells.items():
            f = find(figures, q, g)
            label.setText(f.sentence() if f is not None else "")
            # read with its question and group, since a cell alone ("too few answers to show") loses both
            label.setAccessibleName(f"{question_text(q)} {f.line()}" if f is not None else "")
        self.setAccessibleDescription(self.text_lines())

    def text_lines(self) -> str:
        """Everything the panel says, each answer with its question (its accessible description)."""
        if not self.figures:
            return self.none.text()
        return " ".join(label.accessibleName() for label in self.cells.values() if label.text())

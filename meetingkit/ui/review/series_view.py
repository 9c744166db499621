"""Across a series: per meeting the patient and public voice, the finish time, the break, and the actions from
patient feedback ("you said, we did"), as a table and as charts. Figures from `store.series_queries`."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from meetingkit.models.pulse import NOT_TAKEN, find, question_text
from meetingkit.models.review_text import break_words, over_under_words, percent, plural
from meetingkit.reports.file_writer import file_name
from meetingkit.store.repository import Store
from meetingkit.store.series_queries import SeriesMeeting, series_overview, series_target
from meetingkit.ui.common.announce import tell
from meetingkit.ui.common.save_name import may_replace
from meetingkit.ui.common.screen_fit import fit_to_screen
from meetingkit.ui.review.pulse_chart import series_pulse_chart
from meetingkit.ui.review.review_charts import save_png, series_timing_chart, series_voice_chart
from meetingkit.ui.review.review_models import SORT_ROLE, Column, FiguresTableModel, rich_tip


def _meeting_text(r: SeriesMeeting) -> str:
    return f"{r.scheduled_start:%Y-%m-%d} {r.title}"


def _share(v: float) -> str:
    return percent(v, 1)


def _voice(r: SeriesMeeting) -> float | None:
    return r.patient_voice_share if r.main_s > 0 else None


def _voice_text(v: float | None) -> str:
    return "no discussion timed" if v is None else _share(v)


def pulse_cell(r: SeriesMeeting, question: str) -> str:
    """The representatives' answer to `question` at one meeting: '3 of 4', 'too few answers to show',
    'no answers' or 'no pulse' (the words of `models.pulse`)."""
    f = find(r.pulse, question, "patient_public")
    return f.count_words() if f is not None else NOT_TAKEN


def pulse_words(r: SeriesMeeting, question: str) -> str:
    """The same in a sentence, for a screen reader and the tooltip ('3 of 4 felt listened to, 1 not')."""
    f = find(r.pulse, question, "patient_public")
    return f"{question_text(question)} Representatives: {f.sentence() if f is not None else NOT_TAKEN}"


def _pulse_sort(question: str) -> Callable[[SeriesMeeting], float]:
    """The share who said yes; below any share when not shown (too few, none, or no pulse)."""

    def key(r: SeriesMeeting) -> float:
        f = find(r.pulse, question, "patient_public")
        share = f.yes_share() if f is not None else None
        return -1.0 if share is None else share

    return key


# The pulse columns: the json key (as in `stats --json`'s pulse block, question then group) and the question.
PULSE_COLUMNS = {"pulse.chance.patient_public": "chance", "pulse.listened.patient_public": "listened"}


def _over(r: SeriesMeeting) -> float:
    return r.over_s if r.over_s is not None else float("nan")


class SeriesModel(FiguresTableModel[SeriesMeeting]):
    """One row per meeting of the series, oldest first."""

    COLUMNS = (
        Column[SeriesMeeting](
            "Meeting", "meeting", lambda r: r.scheduled_start.isoformat(), tip="Date and title"
        ),
        Column[SeriesMeeting](
            "Status", "status", lambda r: r.status, lambda s: "Running" if s == "running" else "Ended"
        ),
        Column[SeriesMeeting](
            "Patient &\npublic voice",
            "patient_voice_share",
            lambda r: r.patient_voice_share,
            _share,
            True,
            "Share of the main discussion (the feedback break left out)",
        ),
        Column[SeriesMeeting](
            "With the\nbreak",
            "patient_voice_share_with_break",
            lambda r: r.patient_voice_share_with_break,
            _share,
            True,
            "Share of all speaking time, the feedback break included",
        ),
        Column[SeriesMeeting](
            "Over / under",
            "over_s",
            _over,
            lambda v: over_under_words(None if v != v else v),
            True,
            "Minutes past (or before) the scheduled end",
        ),
        Column[SeriesMeeting](
            "Feedback break",
            "break",
            lambda r: (r.break_status, r.break_skip_reason),
            lambda v: break_words(*v),
        ),
        Column[SeriesMeeting](
            "Feedback\nactions",
            "feedback_actions_raised",
            lambda r: r.feedback_actions_raised,
            str,
            True,
            "Actions agreed at this meeting from what patient and public representatives said",
        ),
        Column[SeriesMeeting](
            "Done",
            "feedback_actions_done",
            lambda r: r.feedback_actions_done,
            str,
            True,
            "Of those actions, how many are done now",
        ),
        Column[SeriesMeeting](
            "Reps had\nthe chance",
            "pulse.chance.patient_public",
            _pulse_sort("chance"),
            numeric=True,
            tip="Were you heard? How many representatives got the chance to say what they wanted",
        ),
        Column[SeriesMeeting](
            "Reps felt\nlistened to",
            "pulse.listened.patient_public",
            _pulse_sort("listened"),
            numeric=True,
            tip="Were you heard? How many representatives felt listened to",
        ),
    )

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:  # type: ignore[override]
        if index.isValid() and index.column() == 0 and role == Qt.ItemDataRole.DisplayRole:
            return _meeting_text(self._rows[index.row()])
        question = PULSE_COLUMNS.get(self.COLUMNS[index.column()].json_key) if index.isValid() else None
        if question is not None and 0 <= index.row() < len(self._rows):
            row = self._rows[index.row()]
            if role == Qt.ItemDataRole.DisplayRole:
                return pulse_cell(row, question)
            if role == Qt.ItemDataRole.AccessibleTextRole:
                return pulse_words(row, question)
            if role == Qt.ItemDataRole.ToolTipRole:
                return rich_tip(f"{_meeting_text(row)}: {pulse_words(row, question)}")
        return super().data(index, role)

    def tooltip(self, row: SeriesMeeting) -> str:
        return f"{_meeting_text(row)}: double-click to open its participation review"


def series_summary(rows: list[SeriesMeeting], target: float | None) -> str:
    """A few plain lines about the series (counts of what the table shows, nothing recomputed)."""
    if not rows:
        return "No meeting of this series has started yet."
    held = sum(1 for r in rows if r.break_status == "taken")
    raised = sum(r.feedback_actions_raised for r in rows)
    done = sum(r.feedback_actions_done for r in rows)
    lines = [
        f"{plural(len(rows), 'meeting')}. The feedback break was held in {held} of them.",
        f"Actions from patient feedback: {raised} agreed, {done} of them done.",
    ]
    if target is not None:
        below = [r for r in rows if r.main_s > 0 and r.patient_voice_share < target]
        lines.append(
            f"The series aims for a patient and public voice of at least {percent(target)}; "
            f"{plural(len(below), 'meeting')} fell short."
        )
    last = rows[-1]
    lines.append(
        f"Latest ({last.scheduled_start:%d %b %Y}): patient and public voice {_voice_text(_voice(last))}, "
        f"{over_under_words(last.over_s)}; representatives who felt listened to: {pulse_cell(last, 'listened')}."
    )
    return " ".join(lines)


class SeriesWindow(QWidget):
    """The series overview; double-click a meeting (or press Open review) for its participation review."""

    def __init__(self, store: Store, series_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowFlag(Qt.WindowType.Window)
        self.setAccessibleName("Series overview")
        self.store = store
        self.series_name = series_name
        self.model = SeriesModel(self)
        self.rows: list[SeriesMeeting] = []
        self.target: float | None = None
        self._reviews: list[QWidget] = []
        self._build()
        self.refresh()
        fit_to_screen(self, 1340, 840)  # room for every column, the pulse's too, on a 1366 px laptop

    def _build(self) -> None:
        self.heading = QLabel()
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        font = self.heading.font()
        font.setPixelSize(22)
        font.setBold(True)
        self.heading.setFont(font)
        self.summary = QLabel()
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)

        proxy = QSortFilterProxyModel(self)
        proxy.setSourceModel(self.model)
        proxy.setSortRole(SORT_ROLE)
        self.table = QTableView()
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; the arrow keys move within it
        self.table.setModel(proxy)
        self.table.setAccessibleName("Series meetings table")
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # Long words wrap in columns of a set width, so the whole table fits a 1366 px laptop at the app's text
        # size: the meeting's title, the break's reason and the pulse's "too few answers to show" (each row as
        # tall as its words need).
        for key, width in (("meeting", 230), ("break", 160), *((k, 110) for k in PULSE_COLUMNS)):
            header.setSectionResizeMode(self.model.column_of(key), QHeaderView.ResizeMode.Fixed)
            header.resizeSection(self.model.column_of(key), width)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.doubleClicked.connect(lambda idx: self.open_review(self._row_at(idx.row())))

        self.charts = QTabWidget()
        self.charts.setAccessibleName("Series charts")
        self.charts.tabBar().setAccessibleName("Series charts")
        self.voice_chart: QWidget = QWidget()
        self.timing_chart: QWidget = QWidget()
        self.pulse_chart: QWidget = QWidget()
        self.charts.addTab(self.voice_chart, "Patient and public voice")
        self.charts.addTab(self.timing_chart, "Finish time")
        self.charts.addTab(self.pulse_chart, "Were you heard?")

        self.open_button = QPushButton("Open review")
        self.open_button.setAccessibleName("Open the selected meeting's review")
        self.open_button.clicked.connect(self._open_selected)
        self.png_button = QPushButton("Save chart as PNG…")
        self.png_button.setAccessibleName("Save chart as PNG")
        self.png_button.clicked.connect(self.export_png)
        self.result = QLabel()
        self.result.setTextFormat(Qt.TextFormat.PlainText)
        foot = QHBoxLayout()
        foot.addWidget(self.open_button)
        foot.addWidget(self.png_button)
        foot.addWidget(self.result, 1)

        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(self.charts)
        split.setSizes([280, 420])
        lay = QVBoxLayout(self)
        lay.addWidget(self.heading)
        lay.addWidget(self.summary)
        lay.addWidget(split, 1)
        lay.addLayout(foot)

    def refresh(self) -> None:
        self.rows = series_overview(self.store, self.series_name)
        self.target = series_target(self.store, self.series_name)
        self.setWindowTitle(f"Series overview — {self.series_name}")
        self.heading.setText(f"Series: {self.series_name}")
        self.summary.setText(series_summary(self.rows, self.target))
        self.model.set_rows(self.rows)
        self._replace_chart(0, series_voice_chart(self.rows, self.target))
        self._replace_chart(1, series_timing_chart(self.rows))
        self._replace_chart(2, series_pulse_chart(self.rows))

    def _replace_chart(self, index: int, chart: QWidget) -> None:
        current = self.charts.currentIndex()
        old = self.charts.widget(index)
        label = self.charts.tabText(index)
        self.charts.removeTab(index)
        self.charts.insertTab(index, chart, label)
        self.charts.setCurrentIndex(current)
        old.deleteLater()
        if index == 0:
            self.voice_chart = chart
        elif index == 1:
            self.timing_chart = chart
        else:
            self.pulse_chart = chart

    def _row_at(self, proxy_row: int) -> SeriesMeeting:
        proxy = self.table.model()
        assert isinstance(proxy, QSortFilterProxyModel)
        return self.rows[proxy.mapToSource(proxy.index(proxy_row, 0)).row()]

    def _open_selected(self) -> None:
        chosen = self.table.selectionModel().selectedRows()
        if chosen:
            self.open_review(self._row_at(chosen[0].row()))

    def open_review(self, row: SeriesMeeting) -> QWidget:
        from meetingkit.ui.review.review_window import ReviewWindow

        review = ReviewWindow(self.store, row.meeting_id, self)
        self._reviews.append(review)
        review.show()
        return review

    def export_png(self) -> None:
        kind = ("voice", "finish-time", "were-you-heard")[self.charts.currentIndex()]
        name = file_name(self.series_name, f"-{kind}.png", fallback="series")
        path, _ = QFileDialog.getSaveFileName(
            self, "Save the chart as a picture", str(Path.home() / name), "PNG images (*.png)"
        )
        if not path:
            return
        typed = path
        if not path.lower().endswith(".png"):
            path += ".png"
        if not may_replace(self, path, typed):
            return
        try:
            save_png(self.charts.currentWidget(), path)
        except OSError as exc:  # OutputError names the path chosen
            QMessageBox.warning(self, "Could not save", f"The picture was not saved. {exc.strerror or exc}")
            return
        tell(self.result, f"Chart saved to {path}")

"""The participation review of one meeting: who spoke, for how long, which voices were missing, the whole system.

Every figure comes from `MeetingSummary` (the same object `meetingkit stats --json` prints); this window only
formats and draws them. For a meeting still running it shows the figures so far.
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from meetingkit.clock import FakeClock
from meetingkit.models.meeting import DomainError
from meetingkit.models.review_text import (
    balance_line,
    break_words,
    coverage_line,
    interjections_line,
    items_without_voice_line,
    not_heard_line,
    patient_voice_line,
    patient_voice_with_break_line,
    percent,
)
from meetingkit.models.session import LiveMeeting
from meetingkit.models.summary import MeetingSummary
from meetingkit.reports.participation_csv import people_csv
from meetingkit.store.database import StoreError
from meetingkit.store.repository import Store
from meetingkit.ui.coverage_wheel import CoverageWheel
from meetingkit.ui.live_bridge import LiveBridge
from meetingkit.ui.review_charts import (
    balance_chart,
    people_chart,
    roles_chart,
    save_png,
    sectors_chart,
)
from meetingkit.ui.review_models import SORT_ROLE, PeopleModel, RolesModel, SectorsModel
from meetingkit.ui.timeline_view import TimelineData, TimelineView, timeline_from_live

TABS = ("People", "Roles and sectors", "Balance", "Timeline", "Coverage")


def _table(model: PeopleModel | RolesModel | SectorsModel, name: str, sort_column: int) -> QTableView:
    proxy = QSortFilterProxyModel(model)
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    view = QTableView()
    view.setModel(proxy)
    view.setAccessibleName(name)
    view.setSortingEnabled(True)
    view.sortByColumn(sort_column, Qt.SortOrder.DescendingOrder)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.verticalHeader().setVisible(False)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    return view


class _Figure(QWidget):
    """A headline figure and its plain-English line."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.value = QLabel()
        self.value.setTextFormat(Qt.TextFormat.PlainText)
        self.value.setMinimumWidth(90)
        self.value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        font = self.value.font()
        font.setPixelSize(20)
        font.setBold(True)
        self.value.setFont(font)
        self.text = QLabel()
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.text.setWordWrap(True)
        self.text.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.setAccessibleName(name)
        self.value.setAccessibleName(f"{name} figure")
        self.text.setAccessibleName(f"{name} explanation")
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 2, 0, 2)
        lay.addWidget(self.value)
        lay.addWidget(self.text, 1)

    def show_figure(self, value: str, text: str) -> None:
        self.value.setText(value)
        self.text.setText(text)
        self.setAccessibleDescription(f"{value}: {text}" if value else text)


class ReviewWindow(QWidget):
    """One meeting's participation review. `live` (the running meeting's bridge or engine) gives figures so far."""

    def __init__(
        self,
        store: Store,
        meeting_id: int,
        parent: QWidget | None = None,
        live: LiveBridge | LiveMeeting | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowFlag(Qt.WindowType.Window)
        self.setAccessibleName("Participation review")
        self.store = store
        self.meeting_id = meeting_id
        self.bridge = live if isinstance(live, LiveBridge) else None
        self._live = live.live if isinstance(live, LiveBridge) else live
        self.summary: MeetingSummary
        self.timeline_data: TimelineData
        self.people_model = PeopleModel(self)
        self.roles_model = RolesModel(self)
        self.sectors_model = SectorsModel(self)
        self._build()
        self.refresh()
        if self.bridge is not None:
            self.bridge.changed.connect(self.refresh)
        self.resize(1240, 860)

    # ---- building -------------------------------------------------------------------------------------------

    def _build(self) -> None:
        self.heading = QLabel()
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.heading.setAccessibleName("Meeting")
        font = self.heading.font()
        font.setPixelSize(22)
        font.setBold(True)
        self.heading.setFont(font)
        self.when = QLabel()
        self.when.setTextFormat(Qt.TextFormat.PlainText)
        self.when.setAccessibleName("Meeting date and status")
        self.when.setWordWrap(True)
        self.refresh_button = QPushButton("Refresh figures")
        self.refresh_button.setAccessibleName("Refresh figures")
        self.refresh_button.clicked.connect(self.refresh)
        head = QHBoxLayout()
        titles = QVBoxLayout()
        titles.addWidget(self.heading)
        titles.addWidget(self.when)
        head.addLayout(titles, 1)
        head.addWidget(self.refresh_button, 0, Qt.AlignmentFlag.AlignTop)

        self.voice = _Figure("Patient and public voice")
        self.voice_with_break = _Figure("Patient and public voice with the break")
        self.not_heard = _Figure("Not heard")
        self.silent_items = _Figure("Items without patient voice")
        self.balance = _Figure("Balance")
        self.coverage = _Figure("Coverage")
        box = QGroupBox("At a glance")
        grid = QGridLayout(box)
        for i, fig in enumerate(
            (
                self.voice,
                self.voice_with_break,
                self.not_heard,
                self.silent_items,
                self.balance,
                self.coverage,
            )
        ):
            grid.addWidget(fig, i % 3, i // 3)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)

        self.tabs = QTabWidget()
        self.tabs.setAccessibleName("Review sections")
        self.tabs.addTab(self._people_tab(), TABS[0])
        self.tabs.addTab(self._groups_tab(), TABS[1])
        self.tabs.addTab(self._balance_tab(), TABS[2])
        self.tabs.addTab(self._timeline_tab(), TABS[3])
        self.coverage_wheel = CoverageWheel()
        self.tabs.addTab(self._scrolled(self.coverage_wheel, "Coverage wheel area"), TABS[4])
        self.tabs.tabBar().setAccessibleName("Review sections")

        self.export_csv_button = QPushButton("Export table as CSV…")
        self.export_csv_button.setAccessibleName("Export per-person table as CSV")
        self.export_csv_button.clicked.connect(self.export_csv)
        self.export_png_button = QPushButton("Save chart as PNG…")
        self.export_png_button.setAccessibleName("Save chart as PNG")
        self.export_png_button.clicked.connect(self.export_png)
        self.export_result = QLabel()
        self.export_result.setTextFormat(Qt.TextFormat.PlainText)
        self.export_result.setAccessibleName("Export result")
        foot = QHBoxLayout()
        foot.addWidget(self.export_csv_button)
        foot.addWidget(self.export_png_button)
        foot.addWidget(self.export_result, 1)

        lay = QVBoxLayout(self)
        lay.addLayout(head)
        lay.addWidget(box)
        lay.addWidget(self.tabs, 1)
        lay.addLayout(foot)

    @staticmethod
    def _scrolled(widget: QWidget, name: str) -> QScrollArea:
        area = QScrollArea()
        area.setAccessibleName(name)  # it takes Tab focus (arrow keys scroll it), so it is announced
        area.setWidgetResizable(True)
        area.setWidget(widget)
        return area

    def _people_tab(self) -> QWidget:
        self.people_table = _table(self.people_model, "People table", self.people_model.column_of("seconds"))
        self.people_chart_slot = QVBoxLayout()
        self.people_chart = QWidget()
        self.people_chart_slot.addWidget(self.people_chart)
        charts = QWidget()
        charts.setLayout(self.people_chart_slot)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.people_table)
        split.addWidget(self._scrolled(charts, "People charts"))
        split.setSizes([260, 420])
        return split

    def _groups_tab(self) -> QWidget:
        self.roles_table = _table(self.roles_model, "Roles table", self.roles_model.column_of("seconds"))
        self.sectors_table = _table(
            self.sectors_model, "Sectors table", self.sectors_model.column_of("seconds")
        )
        self.groups_charts = QWidget()
        self.groups_charts_slot = QHBoxLayout(self.groups_charts)
        self.roles_chart = QWidget()
        self.sectors_chart = QWidget()
        self.groups_charts_slot.addWidget(self.roles_chart)
        self.groups_charts_slot.addWidget(self.sectors_chart)
        tables = QWidget()
        tl = QHBoxLayout(tables)
        tl.setContentsMargins(0, 0, 0, 0)
        tl.addWidget(self.roles_table)
        tl.addWidget(self.sectors_table)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(tables)
        split.addWidget(self._scrolled(self.groups_charts, "Role and sector charts"))
        split.setSizes([200, 480])
        return split

    def _balance_tab(self) -> QWidget:
        page = QWidget()
        lay = QVBoxLayout(page)
        self.balance_words = QLabel()
        self.balance_words.setTextFormat(Qt.TextFormat.PlainText)
        self.balance_words.setWordWrap(True)
        self.balance_words.setAccessibleName("Balance in words")
        self.interjections = QLabel()
        self.interjections.setTextFormat(Qt.TextFormat.PlainText)
        self.interjections.setWordWrap(True)
        self.interjections.setAccessibleName("Interjections")
        self.balance_chart_slot = QVBoxLayout()
        self.balance_chart = QWidget()
        self.balance_chart_slot.addWidget(self.balance_chart)
        lay.addWidget(self.balance_words)
        lay.addWidget(self.interjections)
        lay.addLayout(self.balance_chart_slot, 1)
        return self._scrolled(page, "Balance figures")

    def _timeline_tab(self) -> QWidget:
        page = QWidget()
        lay = QVBoxLayout(page)
        bar = QHBoxLayout()
        self.zoom_in_button = zoom_in = QPushButton("Zoom in")
        zoom_in.setAccessibleName("Zoom timeline in")
        self.zoom_out_button = zoom_out = QPushButton("Zoom out")
        zoom_out.setAccessibleName("Zoom timeline out")
        hint = QLabel("Hover over a turn, or click it (then use the arrow keys), to see who spoke when.")
        hint.setWordWrap(True)
        bar.addWidget(zoom_in)
        bar.addWidget(zoom_out)
        bar.addWidget(hint, 1)
        self.timeline = TimelineView()
        self.timeline_area = QScrollArea()
        self.timeline_area.setWidgetResizable(True)
        self.timeline_area.setAccessibleName("Timeline area")
        self.timeline_area.setWidget(self.timeline)
        self.timeline_area.horizontalScrollBar().valueChanged.connect(self.timeline.set_label_offset)
        self.turn_label = QLabel("No turn selected.")
        self.turn_label.setTextFormat(Qt.TextFormat.PlainText)
        self.turn_label.setWordWrap(True)
        self.turn_label.setAccessibleName("Selected turn")
        self.timeline.turn_selected.connect(lambda text: self.turn_label.setText(text or "No turn selected."))
        zoom_in.clicked.connect(lambda: self.timeline.set_zoom(self.timeline.zoom * 2))
        zoom_out.clicked.connect(lambda: self.timeline.set_zoom(self.timeline.zoom / 2))
        lay.addLayout(bar)
        lay.addWidget(self.timeline_area, 1)
        lay.addWidget(self.turn_label)
        return page

    # ---- figures --------------------------------------------------------------------------------------------

    def _load(self) -> tuple[MeetingSummary, TimelineData]:
        if self._live is not None:
            now = self._live.now()
            return MeetingSummary.of(self._live, self.meeting_id, now), timeline_from_live(self._live, now)
        summary = self.store.summary(self.meeting_id)
        return summary, self._timeline_from_store(summary)

    def _timeline_from_store(self, summary: MeetingSummary) -> TimelineData:
        """Rebuild the meeting in the engine to learn when each item ran (turns match the stored speeches)."""
        events = self.store.events(self.meeting_id)
        start = summary.meeting.scheduled_start
        if not events:
            t = start.timestamp()
            return TimelineData(t, t + 1, start.tzinfo)
        try:
            live = self.store.rebuild(self.meeting_id, FakeClock(events[-1].at))
        except (DomainError, StoreError):  # cannot happen for stored events; the figures still show
            t = start.timestamp()
            return TimelineData(t, t + 1, start.tzinfo)
        return timeline_from_live(live)

    def refresh(self) -> None:
        self.summary, self.timeline_data = self._load()
        s = self.summary
        part = s.participation
        m = s.meeting
        self.setWindowTitle(f"Participation review — {m.title}")
        self.heading.setText(m.title)
        self.when.setText(self._when_text())
        # A review read from the store can be brought up to date by hand while its meeting runs elsewhere.
        self.refresh_button.setVisible(self.bridge is None and self._status() == "running")
        self.people_model.set_participation(part)
        self.roles_model.set_groups(part.roles)
        self.sectors_model.set_groups(part.sectors)
        brk = s.brk.status
        reps = any(p.patient_rep for p in part.people)
        titles = {it.key: it.title for it in m.agenda}
        silent = [titles[k] for k in part.items_without_public_voice]
        self.voice.show_figure(
            percent(part.patient_voice_share) if part.main_s > 0 else "—",
            patient_voice_line(part.patient_voice_share, part.main_s, reps, brk),
        )
        self.voice_with_break.show_figure(
            percent(part.patient_voice_share_with_break) if part.total_s > 0 else "—",
            patient_voice_with_break_line(part.patient_voice_share_with_break, part.total_s, brk),
        )
        present = len(part.people)
        self.not_heard.show_figure(str(len(part.not_heard)), not_heard_line(part.not_heard, present))
        self.silent_items.show_figure(str(len(silent)), items_without_voice_line(silent))
        self.balance.show_figure(
            f"{part.gini:.2f}" if part.total_s > 0 else "—", balance_line(part.gini, part.total_s)
        )
        n_exp, n_missing = len(part.coverage_expected), len(part.coverage_missing)
        self.coverage.show_figure(
            f"{n_exp - n_missing}/{n_exp}", coverage_line(part.coverage_expected, part.coverage_missing)
        )
        self.balance_words.setText(balance_line(part.gini, part.total_s))
        self.interjections.setText(interjections_line([(f.name, f.interjections_made) for f in part.people]))
        self.coverage_wheel.set_coverage(part.coverage_expected, part.coverage_present, part.coverage_missing)
        self.timeline.set_data(self.timeline_data)
        self._charts()

    def _when_text(self) -> str:
        s = self.summary
        start = s.meeting.scheduled_start
        date = f"{start:%A} {start.day} {start:%B %Y}, {start:%H:%M}"
        status = self._status()
        if status in ("ready", "draft"):
            state = "Not started yet: there are no figures to show."
        elif status == "running":
            state = "Still running: these are the figures so far."
        else:
            state = "Ended."
        return f"{date}. {state} Feedback break: {break_words(s.brk.status, s.brk.skip_reason)}."

    def _status(self) -> str:
        return self.store.meeting_status(self.meeting_id) if self._live is None else self._live.status

    def _charts(self) -> None:
        part = self.summary.participation
        self.people_chart = self._swap(self.people_chart_slot, self.people_chart, people_chart(part))
        self.roles_chart = self._swap(self.groups_charts_slot, self.roles_chart, roles_chart(part))
        self.sectors_chart = self._swap(self.groups_charts_slot, self.sectors_chart, sectors_chart(part))
        self.balance_chart = self._swap(self.balance_chart_slot, self.balance_chart, balance_chart(part))

    @staticmethod
    def _swap(layout: QVBoxLayout | QHBoxLayout, old: QWidget, new: QWidget) -> QWidget:
        layout.replaceWidget(old, new)
        old.setParent(None)
        old.deleteLater()
        return new

    # ---- export ---------------------------------------------------------------------------------------------

    def people_in_view_order(self) -> list:  # type: ignore[type-arg]
        """The per-person rows as the table shows them (its current sort)."""
        proxy = self.people_table.model()
        rows = self.people_model.rows()
        return [rows[proxy.mapToSource(proxy.index(r, 0)).row()] for r in range(proxy.rowCount())]

    def _file_stem(self) -> str:
        stem = re.sub(r"[^\w-]+", "-", self.summary.meeting.title).strip("-").lower()
        return stem or "meeting"

    def export_csv(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            "Export the per-person table",
            str(Path.home() / f"{self._file_stem()}-participation.csv"),
            "CSV files (*.csv)",
        )
        if not path:
            return
        try:
            Path(path).write_text(people_csv(self.people_in_view_order()), encoding="utf-8-sig")
        except OSError as exc:
            QMessageBox.warning(
                self, "Could not export", f"The table could not be saved: {exc.strerror or exc}"
            )
            return
        self.export_result.setText(f"Table saved to {path}")

    def current_chart(self) -> QWidget:
        """What 'Save chart as PNG' saves: the chart (or timeline, or wheel) of the section on show."""
        index = self.tabs.currentIndex()
        return (
            self.people_chart,
            self.groups_charts,
            self.balance_chart,
            self.timeline,
            self.coverage_wheel,
        )[index]

    def export_png(self) -> None:
        name = TABS[self.tabs.currentIndex()].lower().replace(" ", "-")
        path, _ = QFileDialog.getSaveFileName(
            self,
            "Save the chart as a picture",
            str(Path.home() / f"{self._file_stem()}-{name}.png"),
            "PNG images (*.png)",
        )
        if not path:
            return
        if not path.lower().endswith(".png"):
            path += ".png"
        chart = self.current_chart()
        if not save_png(chart, path, visible_only=chart is self.timeline):
            QMessageBox.warning(self, "Could not save", f"The picture could not be written to {path}")
            return
        self.export_result.setText(f"Chart saved to {path}")

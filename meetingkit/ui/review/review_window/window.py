"""The participation review window of one meeting: its heading, the figures at a glance, one tab per view of
who was heard (each in its own file beside this one), and exporting a table or a chart.

Every figure comes from `MeetingSummary` (the same object `meetingkit stats --json` prints); this window only
formats and draws them. For a meeting still running it shows the figures so far.
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from meetingkit.clock import FakeClock, SystemClock
from meetingkit.models.meeting import DomainError
from meetingkit.models.review_text import break_words
from meetingkit.models.session import LiveMeeting
from meetingkit.models.summary import MeetingSummary
from meetingkit.reports.file_writer import file_name, write_file
from meetingkit.reports.participation_csv import people_csv
from meetingkit.store.database import StoreError
from meetingkit.store.repository import Store
from meetingkit.ui.common.announce import tell
from meetingkit.ui.common.live_bridge import LiveBridge
from meetingkit.ui.common.save_name import may_replace
from meetingkit.ui.common.screen_fit import fit_to_screen
from meetingkit.ui.review.coverage_wheel import CoverageWheel
from meetingkit.ui.review.review_charts import save_png
from meetingkit.ui.review.review_models import FeedbackOutcomesModel, PeopleModel, RolesModel, SectorsModel
from meetingkit.ui.review.review_window.at_a_glance import AtAGlance
from meetingkit.ui.review.review_window.balance_tab import BalanceTab
from meetingkit.ui.review.review_window.chart_slots import scrolled
from meetingkit.ui.review.review_window.feedback_outcomes import feedback_outcomes
from meetingkit.ui.review.review_window.groups_tab import GroupsTab
from meetingkit.ui.review.review_window.outcomes_tab import OutcomesTab
from meetingkit.ui.review.review_window.people_tab import PeopleTab
from meetingkit.ui.review.review_window.timeline_tab import TimelineTab
from meetingkit.ui.review.timeline_data import TimelineData, timeline_from_live

TABS = ("People", "Roles and sectors", "Balance", "Timeline", "Coverage", "You said, we did")


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
        self.outcomes_model = FeedbackOutcomesModel(self)
        self.roles_model = RolesModel(self)
        self.sectors_model = SectorsModel(self)
        self._build()
        self.refresh()
        if self.bridge is not None:
            self.bridge.changed.connect(self.refresh)
        fit_to_screen(self, 1240, 860)
        self.tabs.tabBar().setFocus()  # the first stop: which section to read (the people table is next)

    # ---- building -------------------------------------------------------------------------------------------

    def _build(self) -> None:
        self.heading = QLabel()
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        font = self.heading.font()
        font.setPixelSize(22)
        font.setBold(True)
        self.heading.setFont(font)
        self.when = QLabel()
        self.when.setTextFormat(Qt.TextFormat.PlainText)
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

        self.glance = AtAGlance()
        # The figures by name, as tests and the accessibility tree find them.
        g = self.glance
        self.voice, self.voice_with_break, self.not_heard = g.voice, g.voice_with_break, g.not_heard
        self.silent_items, self.balance, self.coverage = g.silent_items, g.balance, g.coverage

        self.people_tab = PeopleTab(self.people_model)
        self.groups_tab = GroupsTab(self.roles_model, self.sectors_model)
        self.balance_tab = BalanceTab()
        self.timeline_tab = TimelineTab()
        self.coverage_wheel = CoverageWheel()
        self.outcomes_tab = OutcomesTab(self.outcomes_model)
        self.people_table, self.pulse_panel = self.people_tab.table, self.people_tab.pulse
        self.interjections = self.balance_tab.interjections
        self.timeline, self.turn_label = self.timeline_tab.timeline, self.timeline_tab.turn_label
        self.zoom_in_button, self.zoom_out_button = (
            self.timeline_tab.zoom_in_button,
            self.timeline_tab.zoom_out_button,
        )
        self.outcomes_table, self.outcomes_empty = self.outcomes_tab.table, self.outcomes_tab.summary

        self.tabs = QTabWidget()
        self.tabs.setAccessibleName("Review sections")
        self.tabs.addTab(self.people_tab, TABS[0])
        self.tabs.addTab(self.groups_tab, TABS[1])
        self.tabs.addTab(scrolled(self.balance_tab, "Balance figures"), TABS[2])
        self.tabs.addTab(self.timeline_tab, TABS[3])
        self.tabs.addTab(scrolled(self.coverage_wheel, "Coverage wheel area"), TABS[4])
        self.tabs.addTab(self.outcomes_tab, TABS[5])
        self.tabs.tabBar().setAccessibleName("Review sections")

        self.export_csv_button = QPushButton("Export table as CSV…")
        self.export_csv_button.setAccessibleName("Export per-person table as CSV")
        self.export_csv_button.clicked.connect(self.export_csv)
        self.export_png_button = QPushButton("Save chart as PNG…")
        self.export_png_button.setAccessibleName("Save chart as PNG")
        self.export_png_button.clicked.connect(self.export_png)
        self.summary_button = QPushButton("Summary for representatives…")
        self.summary_button.setAccessibleName("Summary for representatives")
        self.summary_button.setToolTip(
            "One or two pages in large type and plain words for the patient and public representatives (PDF)"
        )
        self.summary_button.clicked.connect(self.save_summary)
        self.export_result = QLabel()
        self.export_result.setTextFormat(Qt.TextFormat.PlainText)
        foot = QHBoxLayout()
        foot.addWidget(self.export_csv_button)
        foot.addWidget(self.export_png_button)
        foot.addWidget(self.summary_button)
        foot.addWidget(self.export_result, 1)

        lay = QVBoxLayout(self)
        lay.addLayout(head)
        lay.addWidget(self.glance)
        lay.addWidget(self.tabs, 1)
        lay.addLayout(foot)

    @property
    def people_chart(self) -> QWidget:
        return self.people_tab.chart

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
        self._rebuilt = live  # its feedback says what each action from feedback came from
        return timeline_from_live(live)

    def refresh(self) -> None:
        self._rebuilt: LiveMeeting | None = None
        self.summary, self.timeline_data = self._load()
        s = self.summary
        part = s.participation
        m = s.meeting
        self.setWindowTitle(f"Participation review — {m.title}")
        self.heading.setText(m.title)
        self.when.setText(self._when_text())
        # A review read from the store can be brought up to date by hand while its meeting runs elsewhere.
        self.refresh_button.setVisible(self.bridge is None and self._status() == "running")
        started = self._status() not in ("ready", "draft")
        self.summary_button.setEnabled(started)
        self.summary_button.setToolTip(
            "One or two pages in large type and plain words for the patient and public representatives (PDF)"
            if started
            else "The meeting has not started yet: there is nothing to summarise."
        )
        self.people_model.set_participation(part)
        self.roles_model.set_groups(part.roles)
        self.sectors_model.set_groups(part.sectors)
        self.glance.show_summary(s)
        self.pulse_panel.show_pulse(s.pulse)
        self.balance_tab.show_figures(part)
        self.coverage_wheel.set_coverage(part.coverage_expected, part.coverage_present, part.coverage_missing)
        self.timeline.set_data(self.timeline_data)
        self._show_outcomes()
        self.people_tab.show_chart(part)
        self.groups_tab.show_charts(part)
        self.balance_tab.show_chart(part)

    def _show_outcomes(self) -> None:
        try:
            rows = feedback_outcomes(self.store, self.meeting_id, self._live or self._rebuilt)
        except StoreError as exc:
            self.outcomes_tab.show_problem(f"The actions could not be read: {exc}")
            return
        self.outcomes_tab.show_rows(rows)

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

    # ---- export ---------------------------------------------------------------------------------------------

    def people_in_view_order(self) -> list:  # type: ignore[type-arg]
        """The per-person rows as the table shows them (its current sort)."""
        return self.people_tab.rows_in_view_order()

    def _file_name(self, ending: str) -> str:
        return file_name(self.summary.meeting.title, ending)

    def export_csv(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            "Export the per-person table",
            str(Path.home() / self._file_name("-participation.csv")),
            "CSV files (*.csv)",
        )
        if not path:
            return
        try:
            write_file(path, people_csv(self.people_in_view_order()).encode("utf-8-sig"))
        except OSError as exc:  # OutputError names the path chosen
            QMessageBox.warning(self, "Could not export", f"The table was not saved. {exc.strerror or exc}")
            return
        tell(self.export_result, f"Table saved to {path}")

    def save_summary(self) -> Path | None:
        """Ask where, then write the summary for representatives: the PDF `meetingkit summary` writes (for a
        meeting still running, the figures so far, marked as a draft); returns the path."""
        path, _ = QFileDialog.getSaveFileName(
            self,
            "Save the summary for representatives",
            str(Path.home() / self._file_name("-summary-for-representatives.pdf")),
            "PDF files (*.pdf)",
        )
        if not path:
            return None
        typed = path
        if not Path(path).suffix:
            path += ".pdf"
        if not may_replace(self, path, typed):
            return None
        from meetingkit.reports.summary_pdf import render_summary_pdf  # reportlab loads when first asked

        try:
            live = self._live or self._rebuilt
            summary = self.store.representatives_summary(self.meeting_id, SystemClock(), live=live)
            write_file(path, render_summary_pdf(summary))
        except (OSError, DomainError, StoreError) as exc:  # OutputError names the path chosen
            why = getattr(exc, "strerror", None) or exc
            QMessageBox.warning(self, "Could not save", f"The summary was not saved. {why}")
            return None
        tell(self.export_result, f"Summary for representatives saved to {path}")
        return Path(path)

    def current_chart(self) -> QWidget:
        """What 'Save chart as PNG' saves: the chart (or timeline, or wheel) of the section on show."""
        index = self.tabs.currentIndex()
        return (
            self.people_tab.chart,
            self.groups_tab.charts,
            self.balance_tab.chart,
            self.timeline,
            self.coverage_wheel,
            self.outcomes_table,
        )[index]

    def export_png(self) -> None:
        name = re.sub(r"[^a-z]+", "-", TABS[self.tabs.currentIndex()].lower()).strip("-")
        path, _ = QFileDialog.getSaveFileName(
            self,
            "Save the chart as a picture",
            str(Path.home() / self._file_name(f"-{name}.png")),
            "PNG images (*.png)",
        )
        if not path:
            return
        typed = path
        if not path.lower().endswith(".png"):
            path += ".png"
        if not may_replace(self, path, typed):
            return
        chart = self.current_chart()
        try:
            save_png(chart, path, visible_only=chart is self.timeline)
        except OSError as exc:  # OutputError names the path chosen
            QMessageBox.warning(self, "Could not save", f"The picture was not saved. {exc.strerror or exc}")
            return
        tell(self.export_result, f"Chart saved to {path}")

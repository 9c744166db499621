"""The participation review of one meeting: who spoke, for how long, which voices were missing, the whole system.

Every figure comes from `MeetingSummary` (the same object `meetingkit stats --json` prints); this window only
formats and draws them. For a meeting still running it shows the figures so far.
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QProxyStyle,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStyle,
    QStyleOption,
    QStyleOptionHeader,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from meetingkit.clock import FakeClock
from meetingkit.models.meeting import DomainError, Meeting
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
    plural,
)
from meetingkit.models.session import LiveMeeting
from meetingkit.models.summary import MeetingSummary
from meetingkit.reports.participation_csv import people_csv
from meetingkit.store.database import StoreError
from meetingkit.store.repository import Store
from meetingkit.ui.common.actions_model import day_text, meeting_labels, status_text
from meetingkit.ui.common.live_bridge import LiveBridge
from meetingkit.ui.common.meeting_zone import epoch_in_meeting_zone
from meetingkit.ui.review.coverage_wheel import CoverageWheel
from meetingkit.ui.review.review_charts import (
    balance_chart,
    people_chart,
    roles_chart,
    save_png,
    sectors_chart,
)
from meetingkit.ui.review.review_models import (
    SORT_ROLE,
    FeedbackOutcome,
    FeedbackOutcomesModel,
    PeopleModel,
    RolesModel,
    SectorsModel,
)
from meetingkit.ui.review.timeline_view import TimelineData, TimelineView, timeline_from_live

TABS = ("People", "Roles and sectors", "Balance", "Timeline", "Coverage", "You said, we did")
ACCENT_ROOM_PX = 4


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


def feedback_outcomes(store: Store, meeting_id: int, live: LiveMeeting | None) -> list[FeedbackOutcome]:
    """'You said, we did' for a meeting: the actions of its series (up to and including it) that came from
    patient and public feedback, each with the words it came from and its latest update."""
    meeting = store.load_meeting(meeting_id)
    start = meeting.scheduled_start
    if meeting.series:
        rows = [r for r in store.actions(series=meeting.series) if r.meeting_start <= start]
        labels = meeting_labels(store.list_meetings(meeting.series))
    else:
        rows = [r for r in store.actions() if r.meeting_id == meeting_id]
        labels = {}
    said = _feedback_words(store, meeting_id, meeting, live)
    out = []
    for r in rows:
        if r.source != "patient_feedback":
            continue
        latest = r.updates[-1] if r.updates else None
        out.append(
            FeedbackOutcome(
                key=r.key,
                said=said.get(r.key, ""),
                action=r.text,
                owner=r.owner,
                status=status_text(r.status),
                latest=(latest.note or f"Marked {status_text(latest.status).split(' ', 1)[-1].lower()}")
                if latest
                else "",
                when=day_text(epoch_in_meeting_zone(latest.at, start).date()) if latest else "",
                agreed=labels.get(r.meeting_id, r.meeting_title),
            )
        )
    return out


def _feedback_words(
    store: Store, meeting_id: int, meeting: Meeting, live: LiveMeeting | None
) -> dict[str, str]:
    """Action key -> "Name: what they said", from this meeting's feedback and its series' earlier ones."""
    names = {p.key: p.name for p in meeting.people}
    said = {
        fb.action: f"{names.get(fb.who, fb.who)}: {fb.text}"
        for fb in store.prior_feedback(meeting_id)
        if fb.action
    }
    if live is not None:
        for action in live.actions.values():
            if action.feedback is not None and 0 <= action.feedback < len(live.feedback):
                fb = live.feedback[action.feedback]
                said[action.key] = f"{names.get(fb.who, fb.who)}: {fb.text}"
    return said


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
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    arrows = SortArrowStyle()
    arrows.setParent(header)  # the style lives as long as the header it draws
    header.setStyle(arrows)
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
        self.outcomes_model = FeedbackOutcomesModel(self)
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
        self.tabs.addTab(self._outcomes_tab(), TABS[5])
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
        # The table first: a board of ten fits without scrolling; the chart below scrolls.
        split.setSizes([440, 260])
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
        for label in (self.balance_words, self.interjections):
            # Room above the first line: accents over capitals (the circumflex of "Ŵ") rise above the
            # font's ascent and were cut off at the label's top edge.
            label.setContentsMargins(0, ACCENT_ROOM_PX, 0, 0)
        self.balance_chart_slot = QVBoxLayout()
        self.balance_chart = QWidget()
        self.balance_chart_slot.addWidget(self.balance_chart)
        lay.addWidget(self.balance_words)
        lay.addWidget(self.interjections)
        lay.addLayout(self.balance_chart_slot, 1)
        return self._scrolled(page, "Balance figures")

    def _outcomes_tab(self) -> QWidget:
        page = QWidget()
        lay = QVBoxLayout(page)
        intro = QLabel(
            "Actions that came from what patient and public representatives said, in this meeting and "
            "earlier ones of the series, and what became of them."
        )
        intro.setWordWrap(True)
        intro.setContentsMargins(0, ACCENT_ROOM_PX, 0, 0)
        self.outcomes_table = QTableView()
        self.outcomes_table.setAccessibleName("You said, we did table")
        self.outcomes_table.setModel(self.outcomes_model)
        self.outcomes_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.outcomes_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.outcomes_table.setAlternatingRowColors(True)
        self.outcomes_table.setWordWrap(True)
        # Wrapped cells start at their top edge: a little room there keeps accents over capitals whole.
        self.outcomes_table.setStyleSheet(f"QTableView::item {{ padding-top: {ACCENT_ROOM_PX}px; }}")
        self.outcomes_table.verticalHeader().setVisible(False)
        self.outcomes_table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header = self.outcomes_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        for col in (0, 1, 4, 6):  # what was said, the action, what happened, where: the words get the width
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Stretch)
        self.outcomes_empty = QLabel()
        self.outcomes_empty.setAccessibleName("You said, we did summary")
        self.outcomes_empty.setTextFormat(Qt.TextFormat.PlainText)
        self.outcomes_empty.setWordWrap(True)
        lay.addWidget(intro)
        lay.addWidget(self.outcomes_empty)
        lay.addWidget(self.outcomes_table, 1)
        return page

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
        self._show_outcomes()
        self._charts()

    def _show_outcomes(self) -> None:
        try:
            rows = feedback_outcomes(self.store, self.meeting_id, self._live or self._rebuilt)
        except StoreError as exc:
            self.outcomes_model.set_rows([])
            self.outcomes_empty.setText(f"The actions could not be read: {exc}")
            return
        self.outcomes_model.set_rows(rows)
        if not rows:
            self.outcomes_empty.setText("No action has come from patient and public feedback yet.")
        else:
            done = sum(1 for r in rows if r.status.endswith("Done"))
            self.outcomes_empty.setText(
                f"{plural(len(rows), 'action')} from patient and public feedback; {done} done."
            )

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
            self.outcomes_table,
        )[index]

    def export_png(self) -> None:
        name = re.sub(r"[^a-z]+", "-", TABS[self.tabs.currentIndex()].lower()).strip("-")
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

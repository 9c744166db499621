"""The main window: the meetings by series, newest first; preparing, running, reviewing and minuting them.

The windows it opens (console, review, series, actions, minutes) are imported only when asked for, so this
window works on its own even when one of them is missing.
"""

from __future__ import annotations

import copy
import html
import importlib
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QByteArray, QModelIndex, QSettings, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QSplitter,
    QToolBar,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from meetingkit.clock import Clock
from meetingkit.models.meeting import AgendaItem, DomainError, Meeting
from meetingkit.store.database import StoreError
from meetingkit.store.repository import MeetingRow, Store
from meetingkit.ui.common.meeting_zone import in_meeting_zone, same_wall_time_later, wall_time_in_meeting_zone
from meetingkit.ui.prep.agenda_model import hhmm, plan_timeline
from meetingkit.ui.prep.meeting_list_model import STATUS_LABELS, MeetingListModel, when_text

if TYPE_CHECKING:
    from meetingkit.models.summary import MeetingSummary
    from meetingkit.store.live_session import LiveSession

NEXT_MEETING_STEP = timedelta(weeks=4)
STATUS_MARKS = {"draft": "✎", "running": "▶", "ended": "✓"}
STARTED_REASON = {
    "running": "This meeting has started: its details, people and agenda are now part of its record and "
    "can no longer change. Changes during the meeting are made from the chair's console.",
    "ended": "This meeting has ended: its details, people and agenda are part of its record and can no "
    "longer change. To plan the next one, use Duplicate as next in series.",
}
STARTER_AGENDA = (
    ("Welcome and apologies", 5, "item"),
    ("Review of actions", 10, "actions_review"),
    ("Next steps", 5, "next_steps"),
)


def next_meeting(meeting: Meeting, start: datetime, title: str | None = None) -> Meeting:
    """The next meeting of a series: same settings, people and agenda, a new date.

    Everyone is expected again (attendance back to present): apologies were for the last meeting only.
    """
    nxt = copy.deepcopy(meeting)
    nxt.scheduled_start = start
    nxt.title = (title or meeting.title).strip()
    nxt.people = [replace(p, attendance="present") for p in nxt.people]
    return nxt


def one_step_on(when: datetime, step: timedelta = NEXT_MEETING_STEP) -> datetime:
    """The same wall-clock time `step` later, in the meeting's own zone (across a clock change the offset
    follows the date when the meeting was planned in this computer's zone)."""
    return same_wall_time_later(when, step)


def new_meeting(clock: Clock, series: str = "") -> Meeting:
    """A blank meeting for tomorrow at 10:00 (local time), with a starter agenda that has the protected
    items most meetings keep."""
    tomorrow = clock.now_utc().astimezone() + timedelta(days=1)
    start = tomorrow.replace(hour=10, minute=0, second=0, microsecond=0, tzinfo=None).astimezone()
    agenda = [AgendaItem(f"i{n}", t, m, kind=k) for n, (t, m, k) in enumerate(STARTER_AGENDA, start=1)]
    return Meeting(title="New meeting", scheduled_start=start, series=series, agenda=agenda)


class NextMeetingDialog(QDialog):
    """Asks the title and date of the next meeting of a series (default: four weeks on)."""

    def __init__(self, meeting: Meeting, parent: QWidget | None = None) -> None:
        from meetingkit.ui.prep.meeting_editor import from_qdatetime, qdatetime

        super().__init__(parent)
        self._from = from_qdatetime
        self._planned = meeting.scheduled_start  # the new date is typed on this meeting's wall clock
        self.setWindowTitle("Next meeting in the series")
        self.setMinimumWidth(560)
        form = QFormLayout(self)
        self.title = QLineEdit(meeting.title)
        self.title.setAccessibleName("Next meeting title")
        start = one_step_on(meeting.scheduled_start).replace(tzinfo=None)
        self.start = QDateTimeEdit(qdatetime(start))
        self.start.setCalendarPopup(True)
        self.start.setDisplayFormat("ddd d MMM yyyy, HH:mm")
        self.start.setAccessibleName("Next meeting date and start time")
        note = QLabel("People, roles and the agenda are copied; everyone is marked present again.")
        note.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Create")
        buttons.button(QDialogButtonBox.StandardButton.Ok).setAccessibleName("Create next meeting")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setAccessibleName("Cancel")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow("&Title", self.title)
        form.addRow("&Date and start time", self.start)
        form.addRow(note)
        form.addRow(buttons)

    def choice(self) -> tuple[str, datetime]:
        naive = self._from(self.start.dateTime())
        return self.title.text().strip(), wall_time_in_meeting_zone(naive, self._planned)


class MainWindow(QMainWindow):
    def __init__(
        self, store: Store, clock: Clock, settings: QSettings | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.clock = clock
        self.settings = settings
        self.windows: list[QWidget] = []  # open child windows, kept alive while shown
        self.consoles: dict[int, QWidget] = {}
        self.editor: QDialog | None = None
        self.setWindowTitle("MeetingKit")
        self.setAccessibleName("MeetingKit")
        self.resize(1180, 720)

        self.model = MeetingListModel(parent=self)
        self._build_actions()
        self._build_menus_and_toolbar()
        self._build_central()
        self.statusBar().setAccessibleName("Status")
        self._restore_settings()
        self.refresh()

    # ---- building ---------------------------------------------------------------------------------------

    def _action(
        self, text: str, slot: Callable[[], Any], shortcut: str | None = None, tip: str = ""
    ) -> QAction:
        action = QAction(text, self)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.setToolTip(tip or text.replace("&", "").rstrip("…"))
        action.setStatusTip(action.toolTip())
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def _build_actions(self) -> None:
        a = self._action
        self.new_action = a("&New meeting…", self.create_meeting, "Ctrl+N", "Prepare a new meeting")
        self.duplicate_action = a(
            "D&uplicate as next in series…",
            self.duplicate_selected,
            "Ctrl+D",
            "A copy of this meeting (people and agenda) for the next date of its series",
        )
        self.edit_action = a("&Edit meeting…", self.edit_selected, "Ctrl+E", "Details, people and agenda")
        self.delete_action = a("De&lete meeting…", self.delete_selected, "Del", "Delete this meeting")
        self.run_action = a("&Run meeting", self.run_selected, "Ctrl+R", "Open the chair's console")
        self.review_action = a(
            "Review &participation", self.review_selected, "Ctrl+P", "Who was heard, and for how long"
        )
        self.minutes_action = a("&Minutes…", self.minutes_selected, "Ctrl+M", "Preview and save the minutes")
        self.series_action = a(
            "&Series overview", self.series_selected, "Ctrl+Shift+S", "All meetings of a series"
        )
        self.register_action = a(
            "&Action register", self.open_action_register, "Ctrl+Shift+A", "Every action"
        )
        self.people_action = a(
            "&People directory…",
            self.open_people_directory,
            "Ctrl+Shift+D",
            "Everyone known from meetings; delete a person on request",
        )
        self.quit_action = a("&Quit", self.close, "Ctrl+Q", "Close MeetingKit")
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)

    def _build_menus_and_toolbar(self) -> None:
        bar = self.menuBar()
        bar.setAccessibleName("Menu bar")
        meeting_menu = bar.addMenu("&Meeting")
        for action in (self.new_action, self.duplicate_action, self.edit_action, self.delete_action):
            meeting_menu.addAction(action)
        meeting_menu.addSeparator()
        for action in (self.run_action, self.review_action, self.minutes_action):
            meeting_menu.addAction(action)
        meeting_menu.addSeparator()
        meeting_menu.addAction(self.quit_action)
        view_menu = bar.addMenu("&View")
        view_menu.addAction(self.series_action)
        view_menu.addAction(self.register_action)
        view_menu.addAction(self.people_action)

        tools = QToolBar("Meeting tools")
        tools.setObjectName("meeting-tools")
        tools.setAccessibleName("Meeting tools")
        tools.setMovable(False)
        tools.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for action in (
            self.new_action,
            self.duplicate_action,
            self.delete_action,
            None,
            self.register_action,
            self.people_action,
        ):
            if action is None:
                tools.addSeparator()
                continue
            tools.addAction(action)
            tools.widgetForAction(action).setAccessibleName(_plain(action.text()))
        self.addToolBar(tools)
        self.toolbar = tools

    def _build_central(self) -> None:
        self.tree = QTreeView()
        self.tree.setAccessibleName("Meetings")
        self.tree.setModel(self.model)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        # Widths from the font, not from the contents: measuring every row would slow start-up with the list.
        metrics = self.tree.fontMetrics()
        header.resizeSection(1, metrics.horizontalAdvance("Wed 30 Sep 2026, 14:00") + 24)
        header.resizeSection(2, metrics.horizontalAdvance("Running") + 48)
        self.tree.selectionModel().currentRowChanged.connect(lambda *_: self._selection_changed())
        self.tree.activated.connect(self._activated)

        self.details = QLabel()
        self.details.setAccessibleName("Meeting details")
        self.details.setTextFormat(Qt.TextFormat.RichText)
        self.details.setWordWrap(True)
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.edit_button = self._button(self.edit_action)
        self.run_button = self._button(self.run_action)
        self.review_button = self._button(self.review_action)
        self.minutes_button = self._button(self.minutes_action)
        self.series_button = self._button(self.series_action)
        side = QWidget()
        side.setMinimumWidth(320)
        col = QVBoxLayout(side)
        col.addWidget(self.details, 1)
        grid = QHBoxLayout()
        grid.addWidget(self.edit_button)
        grid.addWidget(self.run_button)
        col.addLayout(grid)
        grid2 = QHBoxLayout()
        grid2.addWidget(self.review_button)
        grid2.addWidget(self.minutes_button)
        col.addLayout(grid2)
        col.addWidget(self.series_button)

        self.splitter = QSplitter()
        self.splitter.setAccessibleName("Meetings and details")
        self.splitter.addWidget(self.tree)
        self.splitter.addWidget(side)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([680, 420])
        self.setCentralWidget(self.splitter)

    def _button(self, action: QAction) -> QPushButton:
        button = QPushButton(action.text())
        button.setAccessibleName(_plain(action.text()))
        button.setToolTip(action.toolTip())
        button.clicked.connect(action.trigger)

        def follow() -> None:
            button.setText(action.text())
            button.setAccessibleName(_plain(action.text()))
            button.setEnabled(action.isEnabled())
            button.setToolTip(action.toolTip())

        action.changed.connect(follow)
        return button

    # ---- the list ---------------------------------------------------------------------------------------

    def refresh(self, select: int | None = None) -> None:
        """Reload the list from the store, keeping (or moving) the selection."""
        keep = select if select is not None else self.selected_id()
        self.model.set_rows(self.store.list_meetings())
        self.tree.expandAll()
        index = self.model.index_of_meeting(keep) if keep is not None else QModelIndex()
        if not index.isValid() and self.model.rowCount():
            index = self.model.index(0, 0, self.model.index(0, 0))
        if index.isValid():
            self.tree.setCurrentIndex(index)
            self.tree.scrollTo(index)
        self._selection_changed()

    def selected_row(self) -> MeetingRow | None:
        return self.model.meeting_at(self.tree.currentIndex())

    def selected_id(self) -> int | None:
        row = self.selected_row()
        return row.id if row else None

    def select_meeting(self, meeting_id: int) -> None:
        index = self.model.index_of_meeting(meeting_id)
        if index.isValid():
            self.tree.setCurrentIndex(index)

    def _activated(self, index: QModelIndex) -> None:
        if self.model.meeting_at(index) is not None:
            self.edit_selected()

    def _selection_changed(self) -> None:
        row = self.selected_row()
        series = self.model.series_at(self.tree.currentIndex())
        status = row.status if row else None
        self.duplicate_action.setEnabled(row is not None)
        self.delete_action.setEnabled(row is not None)
        self.edit_action.setEnabled(row is not None)
        self.edit_action.setText("&Edit meeting…" if status in (None, "draft") else "&View meeting…")
        self.run_action.setEnabled(status in ("draft", "running"))
        self.run_action.setText("&Resume meeting" if status == "running" else "&Run meeting")
        self.review_action.setEnabled(status in ("running", "ended"))
        self.minutes_action.setEnabled(status in ("running", "ended"))
        self.series_action.setEnabled(bool(series))
        self.details.setText(self._details_html(row))

    def _details_html(self, row: MeetingRow | None) -> str:
        if row is None:
            if not self.model.rowCount():
                return (
                    "<h2>No meetings yet</h2><p>Choose <b>New meeting</b> to prepare one: its details, "
                    "who is coming, and the agenda.</p>"
                )
            return "<p>Choose a meeting in the list to see it here.</p>"
        try:
            meeting = self.store.load_meeting(row.id)
        except StoreError as exc:
            return f"<p>{html.escape(str(exc))}</p>"
        e = html.escape
        local = in_meeting_zone(meeting.scheduled_start, meeting.scheduled_start)
        parts = [f"<h2>{e(meeting.title)}</h2>"]
        where = " · ".join(
            e(x) for x in (meeting.series or "No series", when_text(local), meeting.venue) if x
        )
        parts.append(f"<p>{where}</p>")
        mark = STATUS_MARKS.get(row.status, "")
        parts.append(f"<p><b>Status:</b> {mark} {e(STATUS_LABELS.get(row.status, row.status))}</p>")
        summary, problem = self._summary(row.id) if row.status == "ended" else (None, "")
        # After the meeting the list says who came; before it, who is expected.
        came = {f.name for f in summary.participation.people} if summary is not None else None
        parts.append(f"<p>{e(_people_line(meeting, came))}</p>")
        parts.append(f"<p>{e(_agenda_line(meeting))}</p>")
        if row.status == "ended":
            outcome = self._outcome_line(summary) if summary is not None else problem
            parts.append(f"<p>{e(outcome)}</p>")
        return "".join(parts)

    def _summary(self, meeting_id: int) -> tuple[MeetingSummary | None, str]:
        try:
            return self.store.summary(meeting_id), ""
        except (StoreError, DomainError, KeyError, TypeError) as exc:
            return None, f"Figures unavailable: {exc}"

    @staticmethod
    def _outcome_line(summary: MeetingSummary) -> str:
        try:
            doc = summary.to_json()
        except (DomainError, KeyError, TypeError) as exc:
            return f"Figures unavailable: {exc}"
        voice = f"Patient and public voice: {doc['patient_voice_share'] * 100:.0f}% of the main discussion."
        over = doc["timing"].get("over_s")
        if over is None:
            return voice
        minutes = round(abs(over) / 60)
        timing = (
            "Finished on time."
            if minutes == 0
            else f"Finished {minutes} min {'over' if over > 0 else 'early'}."
        )
        return f"{voice} {timing}"

    # ---- preparing ----------------------------------------------------------------------------------------

    def create_meeting(self) -> None:
        series = self.model.series_at(self.tree.currentIndex()) or ""
        self._open_editor(new_meeting(self.clock, series), None, None)

    def edit_selected(self) -> None:
        row = self.selected_row()
        if row is None:
            return
        try:
            meeting = self.store.load_meeting(row.id)
            status = self.store.meeting_status(row.id)
        except StoreError as exc:
            self._warn("Meeting", str(exc))
            return
        self._open_editor(meeting, row.id, STARTED_REASON.get(status))

    def _open_editor(self, meeting: Meeting, meeting_id: int | None, read_only_reason: str | None) -> QDialog:
        from meetingkit.ui.prep.meeting_editor import MeetingEditor

        editor = MeetingEditor(self.store, meeting, meeting_id, read_only_reason, self)
        editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        editor.saved.connect(self._saved)
        self.editor = editor
        editor.destroyed.connect(lambda *_: setattr(self, "editor", None))
        editor.open()
        return editor

    def _saved(self, meeting_id: int) -> None:
        self.refresh(select=meeting_id)
        self.statusBar().showMessage("Meeting saved.", 5000)

    def ask_next_meeting(self, meeting: Meeting) -> tuple[str, datetime] | None:
        dialog = NextMeetingDialog(meeting, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.choice()

    def duplicate_selected(self) -> int | None:
        row = self.selected_row()
        if row is None:
            return None
        try:
            meeting = self.store.load_meeting(row.id)
        except StoreError as exc:
            self._warn("Meeting", str(exc))
            return None
        choice = self.ask_next_meeting(meeting)
        if choice is None:
            return None
        title, start = choice
        try:
            new_id = self.store.create_meeting(next_meeting(meeting, start, title or meeting.title))
        except (DomainError, StoreError) as exc:
            self._warn("Next meeting not created", str(exc))
            return None
        self.refresh(select=new_id)
        self.statusBar().showMessage(f"Next meeting created for {when_text(start)}.", 8000)
        return new_id

    def delete_selected(self) -> bool:
        row = self.selected_row()
        if row is None:
            return False
        if row.id in self.consoles:
            self._warn(
                "Meeting is open", "This meeting's console is open: close it before deleting the meeting."
            )
            return False
        what = f"“{row.title}” ({when_text(in_meeting_zone(row.scheduled_start, row.scheduled_start))})"
        extra = (
            " Its record goes with it: its events (every turn), notes, decisions, actions, feedback and "
            "participation figures."
            if row.status != "draft"
            else " Its details, people and agenda go with it."
        )
        # Earlier backups still hold the meeting; the store removes them when it next makes one.
        backups = (
            " Backup copies that hold it are removed at the next backup rotation (when a meeting next ends)."
        )
        answer = QMessageBox.question(
            self,
            "Delete meeting?",
            as_shown(f"Delete {what}?{extra}{backups} This cannot be undone."),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        try:
            self.store.delete_meeting(row.id)
        except StoreError as exc:
            self._warn("Meeting not deleted", str(exc))
            return False
        self.refresh()
        self.statusBar().showMessage(f"Deleted {what}.", 8000)
        return True

    # ---- running ----------------------------------------------------------------------------------------

    def run_selected(self) -> QWidget | None:
        row = self.selected_row()
        if row is None:
            return None
        return self.run_meeting(row.id)

    def run_meeting(self, meeting_id: int) -> QWidget | None:
        """Open the chair's console on a draft (to start it) or a running meeting (to carry on)."""
        if meeting_id in self.consoles:
            console = self.consoles[meeting_id]
            console.show()
            console.raise_()
            console.activateWindow()
            return console
        try:
            status = self.store.meeting_status(meeting_id)
        except StoreError as exc:
            self._warn("Meeting", str(exc))
            return None
        if status == "ended":
            self._warn(
                "Meeting has ended", "This meeting has ended; its record can be reviewed, not run again."
            )
            return None
        opened = self._open_live(meeting_id, "Meeting cannot be opened")
        return self._show_console(*opened) if opened else None

    def _open_live(self, meeting_id: int, failure_title: str) -> tuple[type, LiveSession] | None:
        """The console class and the meeting's live session, or None once the chair has been told why not."""
        console_class = self._window_class(
            "meetingkit.ui.console.console_window", "ConsoleWindow", "The chair's console"
        )
        if console_class is None:
            return None
        try:
            return console_class, self.store.open_live(meeting_id, self.clock)
        except (StoreError, DomainError) as exc:
            self._warn(failure_title, str(exc))
            return None

    def _show_console(self, console_class: type, session: LiveSession) -> QWidget:
        from meetingkit.ui.common.live_bridge import LiveBridge

        bridge = LiveBridge(session)
        console = console_class(bridge, self.store, parent=self)
        bridge.setParent(console)  # the bridge (and its repaint timer) lives exactly as long as the console
        bridge.changed.connect(self._live_changed)
        mid = session.meeting_id
        self.consoles[mid] = console
        console.destroyed.connect(lambda *_: self._console_closed(mid))
        self._show(console)
        return console

    def _console_closed(self, meeting_id: int) -> None:
        self.consoles.pop(meeting_id, None)
        # Consoles are children of this window: when it is itself being torn down, there is no list to refresh.
        if shiboken6.isValid(self.tree) and shiboken6.isValid(self.model):
            self.refresh()

    def _live_changed(self, event: Any) -> None:
        if getattr(event, "type", None) in ("start_meeting", "end_meeting"):
            self.refresh()

    def offer_resume(self) -> None:
        """On start: a meeting still running (the app was closed or killed) is offered for resuming."""
        for meeting_id in self.store.running_meetings():
            if meeting_id in self.consoles:
                continue
            try:
                title = self.store.load_meeting(meeting_id).title
            except StoreError:
                continue
            answer = QMessageBox.question(
                self,
                "Resume the meeting?",
                as_shown(
                    f"“{title}” was still running when MeetingKit last closed. Resume it now, exactly where it "
                    "was? The time since then counts as meeting time: the room went on."
                ),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.Yes,
            )
            if answer == QMessageBox.StandardButton.Yes:
                self.resume_meeting(meeting_id)

    def resume_meeting(self, meeting_id: int) -> QWidget | None:
        opened = self._open_live(meeting_id, "Meeting cannot be resumed")
        if opened is None:
            return None
        console_class, session = opened
        if session.live.turn is not None and not self.ask_keep_turn(session):
            session.close_open_turns_at_last_event()
        self.select_meeting(meeting_id)
        return self._show_console(console_class, session)

    def ask_keep_turn(self, session: LiveSession) -> bool:
        """An open turn after a crash: True to keep timing it, False to close it at the last event."""
        live = session.live
        turn = live.turn
        assert turn is not None
        name = live.meeting.person(turn.speech.who).name
        last = in_meeting_zone(live.events[-1].at, live.meeting.scheduled_start).strftime("%H:%M:%S")
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle("A turn was open")
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(
            f"{name} was speaking when MeetingKit closed. Keep timing their turn (the time since counts as "
            f"theirs), or close it at the last recorded moment, {last}?"
        )
        keep = box.addButton(f"Keep timing {name}", QMessageBox.ButtonRole.AcceptRole)
        close = box.addButton(f"Close the turn at {last}", QMessageBox.ButtonRole.RejectRole)
        keep.setAccessibleName(f"Keep timing {name}")
        close.setAccessibleName(f"Close the turn at {last}")
        box.setDefaultButton(keep)
        box.exec()
        return box.clickedButton() is not close

    # ---- the other windows ------------------------------------------------------------------------------

    def review_selected(self) -> QWidget | None:
        row = self.selected_row()
        cls = self._window_class(
            "meetingkit.ui.review.review_window", "ReviewWindow", "The participation review"
        )
        if row is None or cls is None:
            return None
        return self._show(cls(self.store, row.id, parent=self))

    def minutes_selected(self) -> QWidget | None:
        row = self.selected_row()
        cls = self._window_class(
            "meetingkit.ui.minutes.minutes_preview", "MinutesPreviewDialog", "The minutes preview"
        )
        if row is None or cls is None:
            return None
        return self._show(cls(self.store, row.id, parent=self))

    def series_selected(self) -> QWidget | None:
        series = self.model.series_at(self.tree.currentIndex())
        cls = self._window_class("meetingkit.ui.review.series_view", "SeriesWindow", "The series overview")
        if not series or cls is None:
            return None
        return self._show(cls(self.store, series, parent=self))

    def open_action_register(self) -> QWidget | None:
        cls = self._window_class(
            "meetingkit.ui.minutes.action_register", "ActionRegisterWindow", "The action register"
        )
        if cls is None:
            return None
        return self._show(cls(self.store, self.clock, parent=self))

    def open_people_directory(self) -> QWidget | None:
        cls = self._window_class(
            "meetingkit.ui.prep.people_directory", "PeopleDirectoryWindow", "The people directory"
        )
        if cls is None:
            return None
        window = cls(self.store, parent=self, blocked=self._consoles_open_reason)
        window.person_deleted.connect(lambda *_: self.refresh())
        return self._show(window)

    def _consoles_open_reason(self) -> str | None:
        """A console holds its meeting's names in memory and would write them back: deleting waits for it."""
        if not self.consoles:
            return None
        return (
            "A meeting's console is open: close it before deleting a person, so that no name is written back."
        )

    def _window_class(self, module: str, name: str, what: str) -> type | None:
        """Import a window only when it is wanted; if it cannot be loaded, say so and carry on."""
        try:
            return getattr(importlib.import_module(module), name)
        except (ImportError, AttributeError) as exc:
            self._warn("Not available", f"{what} could not be opened: {exc}")
            return None

    def _show(self, window: QWidget) -> QWidget:
        if not window.isWindow():
            window.setWindowFlag(Qt.WindowType.Window, True)
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.windows.append(window)
        window.destroyed.connect(lambda *_: self._forget(window))
        window.show()
        window.raise_()
        return window

    def _forget(self, window: QWidget) -> None:
        self.windows = [w for w in self.windows if w is not window]

    def _warn(self, title: str, message: str) -> None:
        QMessageBox.warning(self, title, as_shown(message))

    # ---- settings ---------------------------------------------------------------------------------------

    def _restore_settings(self) -> None:
        if self.settings is None:
            return
        geometry = self.settings.value("main_window/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        split = self.settings.value("main_window/splitter")
        if isinstance(split, QByteArray):
            self.splitter.restoreState(split)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.settings is not None:
            self.settings.setValue("main_window/geometry", self.saveGeometry())
            self.settings.setValue("main_window/splitter", self.splitter.saveState())
            self.settings.sync()
        super().closeEvent(event)


def as_shown(text: str) -> str:
    """Text for a message box exactly as typed: Qt guesses rich text from tags, so say it is, and escape it."""
    return f"<p>{html.escape(text, quote=False)}</p>"


def _plain(text: str) -> str:
    """An action's text as a name: no mnemonic ampersand, no ellipsis."""
    return text.replace("&", "").rstrip("…").strip()


def _people_line(meeting: Meeting, came: set[str] | None = None) -> str:
    """'9 people: 8 expected, 1 sent apologies; …'; `came` (the names of those present, once the meeting
    has ended) turns 'expected' into 'present', arrivals and departures included."""
    if not meeting.people:
        return "Nobody on the list yet."
    if came is None:
        here = [p for p in meeting.people if p.attendance == "present"]
    else:
        here = [p for p in meeting.people if p.name in came]
    away = [p for p in meeting.people if p not in here]
    apologies = sum(1 for p in away if p.attendance == "apologies")
    parts = [f"{len(here)} {'expected' if came is None else 'present'}"]
    if apologies:
        parts.append(f"{apologies} sent apologies")
    if len(away) - apologies:
        parts.append(f"{len(away) - apologies} absent")
    voices = sum(1 for p in meeting.people if p.is_public_voice)
    reps = f"{voices} patient / public representative{'s' if voices != 1 else ''}"
    n = len(meeting.people)
    return f"{n} {'person' if n == 1 else 'people'}: {', '.join(parts)}; {reps}."


def _agenda_line(meeting: Meeting) -> str:
    if not meeting.agenda:
        return "No agenda yet."
    start = in_meeting_zone(meeting.scheduled_start, meeting.scheduled_start)
    timeline = plan_timeline(meeting.agenda, start, meeting.brk)
    minutes = int(round(sum(it.minutes for it in meeting.agenda)))
    n = len(meeting.agenda)
    text = f"Agenda: {n} item{'s' if n != 1 else ''}, {minutes // 60} h {minutes % 60:02d} min planned"
    if timeline.break_after is not None and timeline.break_window is not None:
        title = meeting.agenda[timeline.break_after].title
        text += f"; feedback break after “{title}” at {hhmm(timeline.break_window[0])}"
    else:
        text += "; no feedback break"
    return f"{text}; scheduled end {hhmm(timeline.end)}."

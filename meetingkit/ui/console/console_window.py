"""The chair's console: the live meeting's working surface. It drives the engine through the bridge and keeps
no rule or timer of its own; every repaint reads the time from the engine.

This file assembles the window from its parts (title row, notices, timers, controls, prompts, attendees,
status line, side panels) and repaints them; what the buttons and keys do is in chair_commands.py.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QCloseEvent, QResizeEvent, QScreen, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QMainWindow,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from meetingkit.models.session import Event, LiveMeeting
from meetingkit.store.repository import Store
from meetingkit.ui.common.announce import announce
from meetingkit.ui.common.live_bridge import LiveBridge
from meetingkit.ui.common.screen_fit import fit_to_screen
from meetingkit.ui.common.text_scale import font_scaled
from meetingkit.ui.console.attendee_buttons import COLUMNS as ATTENDEE_COLUMNS
from meetingkit.ui.console.attendee_buttons import AttendeeBoard
from meetingkit.ui.console.attention_cue import AttentionCue
from meetingkit.ui.console.break_prompt import BreakPanel
from meetingkit.ui.console.break_question import BreakQuestion
from meetingkit.ui.console.chair_commands import ChairCommands
from meetingkit.ui.console.console_keys import ConsoleKeys
from meetingkit.ui.console.control_buttons import console_button
from meetingkit.ui.console.display_tools import DisplayTools
from meetingkit.ui.console.end_question import EndQuestion
from meetingkit.ui.console.ended_summary import ended_summary, summary_kind
from meetingkit.ui.console.fit_labels import FitLabel
from meetingkit.ui.console.notice_bars import (
    NoticeBar,
    SaveProblemBar,
    clock_behind_text,
    clock_gap_text,
    save_problem_text,
)
from meetingkit.ui.console.pulse_panel import PulsePanel
from meetingkit.ui.console.queue_panel import QueuePanel
from meetingkit.ui.console.rebalance_offer import RebalancePanel
from meetingkit.ui.console.record_export import export_record
from meetingkit.ui.console.room_share import RoomShareDialog, RoomSharing
from meetingkit.ui.console.safe_close import make_read_only, may_close
from meetingkit.ui.console.shortcut_help import ShortcutHelp
from meetingkit.ui.console.side_panels import SidePanels
from meetingkit.ui.console.speaker_display import SpeakerDisplay
from meetingkit.ui.console.spoken_timers import StateChanges
from meetingkit.ui.console.start_day import MoveToTodayBar
from meetingkit.ui.console.status_line import StatusLine
from meetingkit.ui.console.timer_faces import forecast_face, item_face, speaker_face
from meetingkit.ui.console.timer_widgets import ForecastPanel, ItemTimerPanel, SpeakerTimerPanel
from meetingkit.ui.console.title_row import TitleRow
from meetingkit.ui.console.undo_button import UndoButton

ATTENDEES_ALWAYS_SHOWN = 3  # rows of attendee buttons never squeezed out of view by prompts (at most)
UNDO_WIDTH_PX = 300  # beside the status line: room for "Undo: give the floor to Dr …"
ATTENDEE_ROWS_LEAST = 2  # ... and at least, when the column is short of room
SIDE_SHARE = 0.37  # of a large window's width, for the notes and voices panels
OFFER_BESIDE_MIN_PX = 300  # narrower side panels: the offer of new timings moves into the chair's column


class ConsoleWindow(ConsoleKeys, ChairCommands, QMainWindow):
    """The chair's console. Commands go to `bridge.command`; what is shown is read back from `bridge.live`."""

    def __init__(
        self,
        bridge: LiveBridge,
        store: Store,
        parent: QWidget | None = None,
        settings: QSettings | None = None,
    ) -> None:
        super().__init__(parent)
        self.bridge = bridge
        self.store = store
        live = bridge.live
        self.setWindowTitle(f"MeetingKit — chair's console — {live.meeting.title}")
        fit_to_screen(self, 1440, 900)  # a 1366×768 laptop: what its screen has room for, frame included
        self.display = SpeakerDisplay(bridge, self)
        if settings is None and isinstance(getattr(parent, "settings", None), QSettings):
            settings = parent.settings  # the main window's: the chime's mute is remembered there
        self.cue = AttentionCue(settings, parent=self)  # chime and display pulse at wrap-up and over time
        self.cue.fired.connect(lambda _cue: self.display.pulse())
        self.display_tools = DisplayTools(self.display, self.cue)
        self.help = ShortcutHelp(self)
        self.room = RoomSharing(bridge, self)  # off until the chair shares; off again when this window closes
        self.shortcuts: list[QShortcut] = []
        self._split_sized = False
        self._closing = False
        self.state_changes = StateChanges()  # wrap-up, over time, the break due: said once as they happen
        self._build(live)
        self._bind_shortcuts()
        bridge.tick.connect(self.refresh)
        bridge.changed.connect(self._on_changed)
        bridge.refused.connect(self._on_refused)
        bridge.clock_gap.connect(self._on_clock_gap)
        bridge.save_problem.connect(self._on_save_problem)
        bridge.read_only.connect(lambda reason: make_read_only(self, reason))
        if live.clock_behind_s:
            self.gap_bar.show_text(clock_behind_text(live.clock_behind_s))
        elif live.clock_gap_s:
            self._on_clock_gap(live.clock_gap_s)
        if bridge.session.write_error:
            self._on_save_problem(bridge.session.write_error)
        self.refresh()
        if bridge.session.read_only:
            make_read_only(self, bridge.session.read_only)

    # ---- building -------------------------------------------------------------------------------------

    def _build(self, live: LiveMeeting) -> None:
        main = QWidget()
        col = QVBoxLayout(main)
        col.setContentsMargins(12, 4, 12, 4)
        col.setSpacing(5)  # each pixel counts on a 1366×768 laptop (issue 12)
        self.title_row = TitleRow(live.meeting.title, self.toggle_display, self.show_shortcuts, self.ask_end)
        self.screen_choice = self.title_row.screen_choice
        self.display_button = self.title_row.display_button
        self.end_button = self.title_row.end_button
        col.addWidget(self.title_row)
        self.save_bar = SaveProblemBar()
        self.save_bar.retry_button.clicked.connect(lambda _=False: self.save_again())
        self.save_bar.export_button.clicked.connect(lambda _=False: self.export_record())
        self.gap_bar = NoticeBar("notice", "Clock notice", dismissible=True)
        self.summary_bar = NoticeBar("ok", "Meeting summary", lines=4)  # after the end, room is no object
        self.read_only_bar = NoticeBar("notice", "Read-only console", lines=2)
        for bar in (self.read_only_bar, self.save_bar, self.gap_bar, self.summary_bar):
            bar.hide()
            col.addWidget(bar)
        self.move_bar = MoveToTodayBar(self.move_to_today)
        col.addWidget(self.move_bar)
        self.end_bar = EndQuestion(self.end_meeting, self.cancel_end, self.hold_break_instead)
        self.confirm_end_button = self.end_bar.confirm_button
        self.cancel_end_button = self.end_bar.cancel_button
        col.addWidget(self.end_bar)
        col.addWidget(self.display_tools.bar)
        col.addLayout(self._timer_rows(), 3)
        col.addLayout(self._control_row())
        self.break_panel = BreakPanel(self.bridge, start=self.start_break, end=self.end_break)
        # The question about starting or ending the break early takes the break panel's place while it is
        # asked (one line less to fit on a laptop, and the answer is where the chair was looking).
        self.break_question = BreakQuestion()
        self.break_question.on_closed = self._question_closed
        self.break_question.on_asked = lambda: self.break_panel.hide()
        col.addWidget(self.break_question)
        col.addWidget(self.break_panel)
        # Were you heard? (DESIGN §11): offered at the end, and at the end of the break.
        self.pulse_panel = PulsePanel(self.bridge, self.room.server, self.status_done)
        col.addWidget(self.pulse_panel)
        col.addWidget(self._attendee_area(live))
        # On a small screen the column scrolls rather than squeezing the timers into each other.
        outer = QScrollArea()
        outer.setWidgetResizable(True)
        outer.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        outer.setFrameShape(QFrame.Shape.NoFrame)
        outer.setWidget(main)
        self.main_column = main
        outer.setAccessibleName("Chair's console")
        outer.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # no Tab stop that says nothing; it follows the focus
        self.column_scroll = outer
        # The status line (what was done, what was refused and why) never scrolls out of view.
        self.status = StatusLine()
        left = QWidget()
        left_lay = QVBoxLayout(left)
        left_lay.setContentsMargins(0, 0, 0, 0)
        left_lay.setSpacing(0)
        left_lay.addWidget(outer, 1)
        status_row = QHBoxLayout()
        status_row.setContentsMargins(12, 2, 12, 6)
        status_row.addWidget(self.status, 1)
        status_row.addWidget(self.undo_button, 0, Qt.AlignmentFlag.AlignVCenter)
        left_lay.addLayout(status_row)
        # The offer of new timings sits beside the forecast, above the side panels: on a 1366×768 laptop the
        # chair's column has no room for it under a due break, and there it is read whole.
        self.rebalance_panel = RebalancePanel(self.bridge)
        self.side_tabs = SidePanels(self.bridge, self.store)
        self.side_panels = self.side_tabs.panels
        right = QWidget()
        right_lay = QVBoxLayout(right)
        right_lay.setContentsMargins(0, 6, 0, 0)
        right_lay.setSpacing(6)
        right_lay.addWidget(self.rebalance_panel)
        right_lay.addWidget(self.side_tabs, 1)
        self.side_column = right
        self._chair_column = col
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(right)
        split.splitterMoved.connect(lambda *_: self._place_offer())
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        self.split = split
        self._size_split(self.width())
        self.setCentralWidget(split)

    def side_width(self, total: int) -> int:
        """The side panels' share of a window `total` px wide.

        A 1280 px laptop gives the chair's column what its controls and forecast need, and the side panels
        400 px (grown with the user's text size); most of each pixel beyond that goes to the side panels,
        whose review table then shows an action's text at 200 px or more from 1440 px on, up to a share of
        SIDE_SHARE of a large screen. Never more than half the window.
        """
        base = font_scaled(self, 400)
        wanted = min(base + round(0.8 * max(0, total - 1280)), max(base, round(total * SIDE_SHARE)))
        bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)  # the column may scroll
        main_needs = self.main_column.minimumSizeHint().width() + bar
        return max(0, min(wanted, total - main_needs - self.split.handleWidth(), total // 2))

    def _size_split(self, total: int) -> None:
        side = self.side_width(total)
        self.split.setSizes([total - side, side])

    def _timer_rows(self) -> QVBoxLayout:
        """Item timer and forecast; under them the big speaker timer beside the queue."""
        top = QHBoxLayout()
        self.item_panel = ItemTimerPanel()
        self.forecast_panel = ForecastPanel()
        top.addWidget(self.item_panel, 3)
        top.addWidget(self.forecast_panel, 2)
        middle = QHBoxLayout()
        self.speaker_panel = SpeakerTimerPanel()
        self.queue_panel = QueuePanel(self.bridge)
        self.queue_panel.leave_field.connect(self.return_focus)
        self.queue_panel.layout().addWidget(self.room.requests)  # asked from the room, not yet queued
        self.chosen = FitLabel(18, bold=False, min_px=14)
        self.chosen.setAccessibleName("Chosen person")
        self.queue_panel.layout().addWidget(self.chosen)
        self.queue_panel.shares_line_with = self.chosen
        middle.addWidget(self.speaker_panel, 3)
        # Under the queue, and usable before the start and after the end too (the queue panel is not).
        self.share_button = console_button(
            "Share with the room", self.share_with_room, "Share with the room…", px=16
        )
        self.room.changed.connect(self._sync_share_button)
        queue_side = QVBoxLayout()
        queue_side.addWidget(self.queue_panel, 1)
        # Beside it the speaker display's tools (message and blackout, the chime). Undo, saying what it would
        # cancel, sits beside the status line that says what was done (a 1366×768 laptop has no line to spare
        # under the queue).
        share_row = QHBoxLayout()
        share_row.addWidget(self.share_button, 1)
        share_row.addWidget(self.display_tools.row)
        queue_side.addLayout(share_row)
        self.undo_button = UndoButton(self.undo)
        # A fixed width beside the status line (its words elide to it; the name keeps them all).
        self.undo_button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.undo_button.setFixedWidth(UNDO_WIDTH_PX)
        middle.addLayout(queue_side, 2)
        rows = QVBoxLayout()
        rows.setSpacing(8)
        rows.addLayout(top)
        rows.addLayout(middle, 1)
        return rows

    def _attendee_area(self, live: LiveMeeting) -> QScrollArea:
        self.attendees = AttendeeBoard(live.meeting.people)
        self.attendees.give_floor.connect(self.give_floor)
        self.attendees.add_to_queue.connect(lambda k: self.bridge.command("queue", who=k))
        self.attendees.interject.connect(self.interject_by)
        self.attendees.attendance.connect(lambda t, k: self.bridge.command(t, who=k))
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.attendees)
        scroll.setAccessibleName("Attendees")
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the people's buttons inside are the Tab stops
        # Up to three rows of people stay in view whatever prompts show: when the break prompt and the new
        # timings take the room, the whole column scrolls (with its scroll bar) rather than this board
        # shrinking to a row. A larger meeting's further rows scroll inside the board.
        # On a 1366×768 laptop with the break due, the new timings and a refusal all showing, the column has
        # room for two rows: then the board keeps the rows that hold a patient or public representative in
        # view (up to three) and scrolls the rest, rather than the whole column scrolling away.
        rows = max(1, -(-len(live.meeting.people) // ATTENDEE_COLUMNS))
        public = [i // ATTENDEE_COLUMNS for i, p in enumerate(live.meeting.people) if p.is_public_voice]
        least = max(ATTENDEE_ROWS_LEAST, max(public, default=0) + 1)
        shown = min(rows, least, ATTENDEES_ALWAYS_SHOWN)
        scroll.setMinimumHeight(max(74, round(self.attendees.sizeHint().height() * shown / rows)))
        return scroll

    def _control_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.start_meeting_button = console_button(
            "Start meeting", self.start_meeting, "Start meeting\nEnter"
        )
        self.speaker_button = console_button("Start speaker", self.toggle_speaker, "Start speaker\nSpace")
        self.next_speaker_button = console_button("Next speaker", self.next_speaker, "Next speaker\nN")
        self.interject_button = console_button("Interject", self.interject, "Interject\nI")
        self.extend_button = console_button("Extend +1 min", self.extend, "Extend +1 min\nE")
        self.pause_button = console_button("Pause meeting", self.toggle_pause, "Pause\nP")
        self.next_item_button = console_button("Next item", self.next_item, "Next item\nCtrl+→")
        self.controls = [
            self.speaker_button,
            self.next_speaker_button,
            self.interject_button,
            self.extend_button,
            self.pause_button,
            self.next_item_button,
            self.end_button,
        ]
        row.addWidget(self.start_meeting_button)
        for b in self.controls[:-1]:  # the last, End meeting, sits in the title row
            row.addWidget(b)
        return row

    # ---- what the chair sees -----------------------------------------------------------------------------

    def refresh(self, *_: object) -> None:
        """One repaint: every time shown is computed now from the engine's clock (never from counted ticks)."""
        live = self.bridge.live
        now = live.now()
        self.cue.check(live, now)
        self.speaker_panel.show_face(speaker_face(live, now))
        self.item_panel.show_face(item_face(live, now))
        self.forecast_panel.show_face(forecast_face(live, now))
        self.queue_panel.refresh(live, now)
        self.attendees.refresh(live, now)
        self.break_panel.refresh(live, now)
        self.pulse_panel.refresh()
        self.rebalance_panel.refresh(live, now)
        self.move_bar.refresh(live, now)
        self._refresh_controls(live)
        for words in self.state_changes.words(live, now, break_due=self.break_panel.mode == "due"):
            announce(self, words)

    def _refresh_controls(self, live: LiveMeeting) -> None:
        running = live.status == "running"
        for b in self.controls:
            b.setEnabled(running)
        if running and self.start_meeting_button.hasFocus():
            self.focus_home()  # before it hides: Qt would pass the focus on to whatever comes next
        self.start_meeting_button.setVisible(live.status == "ready")
        self.queue_panel.setEnabled(running)
        self.attendees.setEnabled(running)
        speaking = live.turn is not None
        self._set_name(self.speaker_button, "Stop speaker" if speaking else "Start speaker", "Space")
        self._set_name(self.pause_button, "Resume meeting" if live.paused else "Pause meeting", "P")
        chosen = self.chosen_person()
        text = ""
        if running:
            who = live.meeting.person(chosen[0]).name if chosen else "nobody yet (queue someone: Q)"
            why = f" ({chosen[1]})" if chosen else ""
            text = f"Space / I: {who}{why}"
        if self.chosen.text() != text:
            self.chosen.setText(text)
        self.undo_button.refresh(live)
        self._sync_display_button()

    @staticmethod
    def _set_name(button: QPushButton, name: str, key: str) -> None:
        if button.accessibleName() != name:
            button.setAccessibleName(name)
            button.setText(f"{name.replace(' meeting', '')}\n{key}")

    def _on_changed(self, event: Event) -> None:
        live = self.bridge.live
        self.status.show_event(live, event)
        if event.type == "end_meeting":
            self._meeting_ended(live)
        self.refresh()

    def status_done(self, words: str) -> None:
        self.status.done(words)

    def _on_refused(self, message: str) -> None:
        self.status.not_done(message)

    def _on_clock_gap(self, seconds: float) -> None:
        self.gap_bar.show_text(clock_gap_text(seconds))

    def _on_save_problem(self, message: str) -> None:
        self.save_bar.show_text(save_problem_text(message) if message else "")

    def save_again(self) -> bool:
        """The chair's "Try saving again": write what is waiting now, and say how it went."""
        if self.bridge.save_again():
            self.status.done("every change is saved")
            return True
        self.status.not_done(
            "saving failed again; the changes are kept in memory (export the record to be safe)"
        )
        return False

    def export_record(self) -> Path | None:
        """Write the meeting record (every event so far, saved or not) to a file the chair chooses."""
        return export_record(self, self.bridge.live, self.status)

    def _meeting_ended(self, live: LiveMeeting) -> None:
        self.end_bar.hide()
        self.summary_bar.show_text(ended_summary(live), summary_kind(live))
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_shortcuts(self) -> None:
        self.help.show()
        self.help.raise_()

    # ---- the speaker display ------------------------------------------------------------------------------

    def chosen_screen(self) -> QScreen | None:
        return self.title_row.chosen_screen()

    def toggle_display(self) -> None:
        if self.display.isVisible():
            self.display.hide()
        else:
            screen = self.chosen_screen()
            if screen is None:
                self.bridge.refused.emit("No screen found for the speaker display")
                return
            self.display.show_on(screen)
        self._sync_display_button()

    def _sync_display_button(self) -> None:
        self.title_row.show_display_state(self.display.isVisible())

    # ---- the room view -------------------------------------------------------------------------------------

    def share_with_room(self) -> RoomShareDialog:
        return self.room.show_window()

    def _sync_share_button(self) -> None:
        """'Share with the room…' while off; while on, how many devices follow."""
        name = self.room.button_name()
        if self.share_button.accessibleName() != name:
            self.share_button.setAccessibleName(name)
            self.share_button.setText(f"{name}…" if not self.room.server.is_sharing else name)

    def nothing_lost_on_close(self) -> bool:
        """True when closing now loses nothing, or the chair chose to close anyway (asked if changes wait)."""
        return may_close(self)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt's name)
        if not self._closing:
            self.pulse_panel.close_before_exit()  # its answers are recorded: nobody can answer once it closes
        if not self._closing and not self.nothing_lost_on_close():
            event.ignore()  # changes are waiting and the chair chose to keep the console open
            return
        self._closing = True  # asked once: a second close event (quitting) does not ask again
        super().closeEvent(event)
        if event.isAccepted():
            self.room.stop()  # every page's connection closes, and nothing listens any more
            self.bridge.stop()  # and the meeting's writer lock is given back

    def _question_closed(self) -> None:
        self.break_panel.show()
        self.focus_home()

    def _place_offer(self) -> None:
        """The offer of new timings sits above the side panels while they have room for it; with the side
        panels squeezed out (a narrow window, or the divider dragged), it moves into the chair's column."""
        beside = self.side_column.width() >= OFFER_BESIDE_MIN_PX
        home = self.side_column.layout() if beside else self._chair_column
        if self.rebalance_panel.parentWidget() is (self.side_column if beside else self.main_column):
            return
        assert isinstance(home, QVBoxLayout)
        if beside:
            home.insertWidget(0, self.rebalance_panel)
        else:
            home.insertWidget(home.indexOf(self.break_panel) + 1, self.rebalance_panel)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self._place_offer()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        if not self._split_sized:
            # Shown maximised or on another screen than planned: share out the width it really has, once
            # (after that the chair's own dragging of the divider stands).
            self._split_sized = True
            self._size_split(self.split.width())
        self._place_offer()
        if self.bridge.live.status == "ready":
            self.start_meeting_button.setFocus(Qt.FocusReason.OtherFocusReason)
        elif self.bridge.live.status == "running":
            self.focus_home()

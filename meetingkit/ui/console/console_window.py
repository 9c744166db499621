"""The chair's console: the live meeting's working surface. It drives the engine through the bridge and keeps
no rule or timer of its own; every repaint reads the time from the engine."""

from __future__ import annotations

import importlib
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QSize, QStandardPaths, Qt
from PySide6.QtGui import (
    QFontMetrics,
    QGuiApplication,
    QKeyEvent,
    QKeySequence,
    QResizeEvent,
    QScreen,
    QShortcut,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QStyle,
    QTabWidget,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from meetingkit.models import record
from meetingkit.models.session import Event, LiveMeeting, format_clock
from meetingkit.reports.report_text import duration
from meetingkit.store.repository import Store
from meetingkit.ui.common.live_bridge import LiveBridge
from meetingkit.ui.common.palette import pixel_font
from meetingkit.ui.common.text_scale import font_scaled
from meetingkit.ui.console.attendee_buttons import COLUMNS as ATTENDEE_COLUMNS
from meetingkit.ui.console.attendee_buttons import AttendeeBoard
from meetingkit.ui.console.break_prompt import BreakPanel
from meetingkit.ui.console.notice_bars import NoticeBar, SaveProblemBar, clock_gap_text, save_problem_text
from meetingkit.ui.console.queue_panel import QueuePanel
from meetingkit.ui.console.rebalance_offer import RebalancePanel
from meetingkit.ui.console.speaker_display import SpeakerDisplay
from meetingkit.ui.console.timer_widgets import (
    FitLabel,
    ForecastPanel,
    ItemTimerPanel,
    SpeakerTimerPanel,
    forecast_face,
    item_face,
    local_time,
    speaker_face,
)

EXTEND_S = 60
ATTENDEES_ALWAYS_SHOWN = 3  # rows of attendee buttons never squeezed out of view by prompts
SIDE_SHARE = 0.37  # of a large window's width, for the notes and voices panels
PAUSES_WORTH_SAYING_S = 30  # shorter pauses do not change the length the minutes give
NOT_HEARD_NAMED = 4  # the summary bar names this many of those not heard; the review lists them all


@dataclass(frozen=True)
class Shortcut:
    keys: str
    what: str
    method: str
    always: bool = False  # also while typing in a text field, and after the meeting ended


SHORTCUTS = (
    Shortcut("Space", "Start the chosen speaker, or stop the one speaking", "toggle_speaker"),
    Shortcut("N", "Next speaker: the first in the queue gets the floor", "next_speaker"),
    Shortcut("I", "Interject: the chosen person comes in now; the speaker waits", "interject"),
    Shortcut("E", "Extend the speaker's time by 1 min", "extend"),
    Shortcut("Ctrl+Right", "Next item (a due feedback break starts first)", "next_item"),
    Shortcut("B", "Start the feedback break (during it: end it)", "toggle_break"),
    Shortcut("P", "Pause or resume the meeting (every clock stops)", "toggle_pause"),
    Shortcut("Q", "Find a person by name to add to the queue (Enter adds, Escape returns)", "focus_queue"),
    Shortcut("R", "Go to the proposed new timings (Enter accepts)", "focus_rebalance"),
    Shortcut("Ctrl+Shift+E", "End the meeting (asks to confirm)", "ask_end"),
    Shortcut("F1", "Show these shortcuts", "show_shortcuts", always=True),
)
# The "chosen" person: whoever's button has the keyboard focus, else the first in the queue.
EXTRA_KEYS = (
    ("Tab / Shift+Tab", "Move between controls; on a person's button, Space and I choose that person"),
    ("Enter", "Press the focused button (Give the floor to …, Start meeting, Accept …)"),
    ("Menu key", "On a person's button: queue, interject, arrived, left"),
    ("Delete, Ctrl+Up/Down", "In the queue: remove, move up or down"),
    ("Escape", "Leave a text field; on the speaker display: close it"),
)

TEXT_FIELDS = (QLineEdit, QTextEdit, QPlainTextEdit, QAbstractSpinBox)

SIDE_PANELS = (
    ("Notes && actions", "meetingkit.ui.minutes.secretary_panel", "SecretaryPanel", True),
    ("Voices", "meetingkit.ui.console.voices_panel", "VoicesPanel", False),
)


def typing_in_text_field() -> bool:
    focus = QApplication.focusWidget()
    if isinstance(focus, TEXT_FIELDS):
        return True
    return isinstance(focus, QComboBox) and focus.isEditable()


def describe_event(live: LiveMeeting, event: Event) -> str | None:
    """The status line's words for an accepted chair command (None: not the chair's, leave the line alone)."""
    p = event.payload

    def name(key: str | None) -> str:
        return live.meeting.person(key).name if key else ""

    t = event.type
    if t == "start_meeting":
        return f"Meeting started: {item_title(live)}"
    if t == "speak":
        return f"{name(p.get('who'))} has the floor"
    if t == "interject":
        return f"{name(p.get('who'))} interjects; {name(live.held.speech.who) if live.held else 'the speaker'} waits"
    if t == "stop_speaking":
        return f"{live.speaker_timer().name} continues" if live.turn else "Nobody has the floor"
    if t == "queue":
        return f"{name(p.get('who'))} is #{live.queue.index(p['who']) + 1} in the queue"
    if t == "unqueue":
        return f"{name(p.get('who'))} is out of the queue"
    if t == "extend":
        return f"{live.speaker_timer().name}: {int(p.get('seconds', 0)) // 60 or 1} min more"
    if t in ("next_item", "start_item", "end_break", "start_break"):
        return f"Now: {item_title(live)}"
    simple = {
        "pause": "Meeting paused: every clock has stopped (P resumes)",
        "resume": "Meeting resumed",
        "postpone_break": "Feedback break postponed to after the next item",
        "rebalance": "New timings accepted",
        "end_meeting": "Meeting ended",
    }
    if t in simple:
        return simple[t]
    if t == "skip_break":
        return f"Feedback break skipped: {p.get('reason', '')}"
    if t in ("arrive", "leave"):
        return f"{name(p.get('who'))} {'arrived' if t == 'arrive' else 'left'}"
    return None


def record_file_name(live: LiveMeeting) -> str:
    """A file name for the meeting record: the title (without characters file systems refuse) and the date."""
    title = " ".join(re.sub(r'[\\/:*?"<>|\x00-\x1f]+', " ", live.meeting.title).split()).strip(" .")
    title = title or "meeting"
    return f"{title} {live.meeting.scheduled_start.date().isoformat()} record.json"


def item_title(live: LiveMeeting) -> str:
    if live.brk.status == "running":
        return "Feedback break"
    return live.meeting.item(live.current).title if live.current else "no item under way"


def ended_summary(live: LiveMeeting) -> str:
    timing = live.timing()
    over = timing.over_s or 0.0
    minutes = round(abs(over) / 60)
    when = "on time" if minutes == 0 else f"over by {minutes} min" if over > 0 else f"{minutes} min early"
    part = live.participation()
    share = round(part.patient_voice_share * 100)
    voice = f"Patient and public voice: {share}% of the main discussion (outside the feedback break)."
    names = part.not_heard[:NOT_HEARD_NAMED]
    more = len(part.not_heard) - len(names)
    unheard = f" Not heard: {', '.join(names)}{f' and {more} more' if more else ''}." if names else ""
    end_at = live.ended_at or live.now()
    # The minutes give the length from start to end; the meeting clock leaves pauses out. Say which is which.
    total = end_at - (live.started_at or end_at)
    length = f"{duration(total)} from start to end"
    if total - live.elapsed() >= PAUSES_WORTH_SAYING_S:
        # The clock's own figure, as the console shows it: rounding both to the minute could make them equal.
        length += f" ({format_clock(live.elapsed())} on the meeting clock, pauses left out)"
    return f"Meeting ended at {local_time(live, end_at)}: {length}, {when}. {voice}{unheard}"


class ControlButton(QPushButton):
    """A two-line control (what it does, then its key) whose bold text steps down from 18 px to 14 px to fit
    a narrow column (a 1280 px laptop with the side panel open) rather than being cut off."""

    MAX_PX, MIN_PX = 18, 14

    def _needed(self, px: int) -> int:
        margin = self.style().pixelMetric(QStyle.PixelMetric.PM_ButtonMargin, None, self)
        metrics = QFontMetrics(pixel_font(px, bold=True))
        return max(metrics.horizontalAdvance(line) for line in self.text().split("\n")) + 2 * margin + 6

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        return QSize(self._needed(self.MIN_PX), super().minimumSizeHint().height())

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(self._needed(self.MAX_PX), super().sizeHint().height())

    def setText(self, text: str) -> None:  # noqa: N802
        super().setText(text)
        self.updateGeometry()
        self._fit()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        px = self.MAX_PX
        while px > self.MIN_PX and self._needed(px) > self.width():
            px -= 1
        if self.font().pixelSize() != px:
            self.setFont(pixel_font(px, bold=True))


class ShortcutHelp(QDialog):
    """F1: every shortcut, in a window that does not block the console."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Keyboard shortcuts")
        self.setModal(False)
        rows = [(s.keys, s.what) for s in SHORTCUTS] + list(EXTRA_KEYS)
        # Static text only (no user input), so the rich text needs no escaping.
        html = "".join(f"<tr><td><b>{k}</b>&nbsp;&nbsp;</td><td>{w}</td></tr>" for k, w in rows)
        self.table = QLabel(f"<table cellpadding='4'>{html}</table>")
        self.table.setFont(pixel_font(18))
        self.table.setAccessibleName("Keyboard shortcuts")
        note = QLabel("Single-key shortcuts do nothing while you type in a text field.")
        note.setFont(pixel_font(16))
        close = QPushButton("Close")
        close.setAccessibleName("Close keyboard shortcuts")
        close.setAutoDefault(True)
        close.clicked.connect(self.hide)
        lay = QVBoxLayout(self)
        lay.addWidget(self.table)
        lay.addWidget(note)
        lay.addWidget(close, 0, Qt.AlignmentFlag.AlignRight)


class ConsoleWindow(QMainWindow):
    """The chair's console. Commands go to `bridge.command`; what is shown is read back from `bridge.live`."""

    def __init__(self, bridge: LiveBridge, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bridge = bridge
        self.store = store
        live = bridge.live
        self.setWindowTitle(f"MeetingKit — chair's console — {live.meeting.title}")
        self.resize(1440, 900)
        self.display = SpeakerDisplay(bridge, self)
        self.help = ShortcutHelp(self)
        self.shortcuts: list[QShortcut] = []
        self.side_panels: dict[str, QWidget] = {}
        self._split_sized = False
        self._build(live)
        self._bind_shortcuts()
        bridge.tick.connect(self.refresh)
        bridge.changed.connect(self._on_changed)
        bridge.refused.connect(self._on_refused)
        bridge.clock_gap.connect(self._on_clock_gap)
        bridge.save_problem.connect(self._on_save_problem)
        if live.clock_gap_s:
            self._on_clock_gap(live.clock_gap_s)
        if bridge.session.write_error:
            self._on_save_problem(bridge.session.write_error)
        self.refresh()

    # ---- building -------------------------------------------------------------------------------------

    def _build(self, live: LiveMeeting) -> None:
        main = QWidget()
        col = QVBoxLayout(main)
        col.setContentsMargins(12, 8, 12, 8)
        col.setSpacing(8)
        col.addLayout(self._title_row(live))
        self.save_bar = SaveProblemBar()
        self.save_bar.retry_button.clicked.connect(lambda _=False: self.save_again())
        self.save_bar.export_button.clicked.connect(lambda _=False: self.export_record())
        self.gap_bar = NoticeBar("notice", "Clock notice", dismissible=True)
        self.summary_bar = NoticeBar("ok", "Meeting summary", lines=4)  # after the end, room is no object
        for bar in (self.save_bar, self.gap_bar, self.summary_bar):
            bar.hide()
            col.addWidget(bar)
        col.addWidget(self._end_confirm_bar())
        col.addLayout(self._timer_rows(), 3)
        col.addLayout(self._control_row())
        self.break_panel = BreakPanel(self.bridge)
        self.rebalance_panel = RebalancePanel(self.bridge)
        col.addWidget(self.break_panel)
        col.addWidget(self.rebalance_panel)
        col.addWidget(self._attendee_area(live))
        self.status = NoticeBar("ok", "Status")
        self.status.text.setText("Ready")
        col.addWidget(self.status)
        # On a small screen the column scrolls rather than squeezing the timers into each other.
        outer = QScrollArea()
        outer.setWidgetResizable(True)
        outer.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        outer.setFrameShape(QFrame.Shape.NoFrame)
        outer.setWidget(main)
        self.main_column = main
        outer.setAccessibleName("Chair's console")
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(outer)
        split.addWidget(self._side_tabs())
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
        self.queue_panel.leave_field.connect(self.focus_home)
        self.chosen = FitLabel(18, bold=False, min_px=14)
        self.chosen.setAccessibleName("Chosen person")
        self.queue_panel.layout().addWidget(self.chosen)
        middle.addWidget(self.speaker_panel, 3)
        middle.addWidget(self.queue_panel, 2)
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
        # Up to three rows of people stay in view whatever prompts show: when the break prompt and the new
        # timings take the room, the whole column scrolls (with its scroll bar) rather than this board
        # shrinking to a row. A larger meeting's further rows scroll inside the board.
        rows = max(1, -(-len(live.meeting.people) // ATTENDEE_COLUMNS))
        shown = min(rows, ATTENDEES_ALWAYS_SHOWN)
        scroll.setMinimumHeight(max(74, round(self.attendees.sizeHint().height() * shown / rows)))
        return scroll

    def _title_row(self, live: LiveMeeting) -> QHBoxLayout:
        row = QHBoxLayout()
        title = FitLabel(22, bold=True, min_px=15)
        title.setText(live.meeting.title)
        title.setAccessibleName("Meeting title")
        self.screen_choice = QComboBox()
        self.screen_choice.setAccessibleName("Screen for the speaker display")
        self.screen_choice.setToolTip("The screen the speaker display goes to")
        self.screen_choice.setFont(pixel_font(16))
        self.screen_choice.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.screen_choice.setMinimumContentsLength(12)
        self._fill_screens()
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.screenAdded.connect(self._fill_screens)
            app.screenRemoved.connect(self._fill_screens)
        self.display_button = self._button("Show speaker display", self.toggle_display, px=16)
        help_button = self._button("Keyboard shortcuts", self.show_shortcuts, "Shortcuts (F1)", px=16)
        # Away from the timing controls, so that ending the meeting is never a slip of the hand.
        self.end_button = self._button("End meeting", self.ask_end, "End meeting…", px=16)
        for b in (self.display_button, help_button, self.end_button):
            b.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        row.addWidget(title, 1)
        row.addWidget(self.screen_choice)
        row.addWidget(self.display_button)
        row.addWidget(help_button)
        row.addSpacing(12)
        row.addWidget(self.end_button)
        return row

    def _button(
        self, name: str, slot: Callable[[], object], text: str | None = None, px: int = 18
    ) -> QPushButton:
        b = ControlButton(text) if text and "\n" in text else QPushButton(text or name)
        b.setAccessibleName(name)
        b.setFont(pixel_font(px, bold=True))
        b.setMinimumHeight(64 if "\n" in (text or "") else 44 if px >= 19 else 32)
        b.setAutoDefault(True)  # Enter presses the focused button (Space is the speaker key)
        b.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        b.clicked.connect(lambda _=False: slot())
        return b

    def _control_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.start_meeting_button = self._button("Start meeting", self.start_meeting, "Start meeting\nEnter")
        self.speaker_button = self._button("Start speaker", self.toggle_speaker, "Start speaker\nSpace")
        self.next_speaker_button = self._button("Next speaker", self.next_speaker, "Next speaker\nN")
        self.interject_button = self._button("Interject", self.interject, "Interject\nI")
        self.extend_button = self._button("Extend +1 min", self.extend, "Extend +1 min\nE")
        self.pause_button = self._button("Pause meeting", self.toggle_pause, "Pause\nP")
        self.next_item_button = self._button("Next item", self.next_item, "Next item\nCtrl+→")
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

    def _end_confirm_bar(self) -> QWidget:
        self.end_bar = NoticeBar("prompt", "End meeting question", lines=2)  # beside two buttons it wraps
        self.end_bar.text.setText("End the meeting now? Every clock stops and no more commands can be given.")
        self.confirm_end_button = self._button(
            "Confirm end meeting", self.end_meeting, "Yes, end the meeting"
        )
        self.cancel_end_button = self._button("Keep the meeting going", self.cancel_end, "Keep going")
        self.end_bar.layout().addWidget(self.cancel_end_button)
        self.end_bar.layout().addWidget(self.confirm_end_button)
        for b in (self.confirm_end_button, self.cancel_end_button):
            esc = QShortcut(QKeySequence(Qt.Key.Key_Escape), b, self.cancel_end)
            esc.setContext(Qt.ShortcutContext.WidgetShortcut)
        self.end_bar.hide()
        return self.end_bar

    def _side_tabs(self) -> QTabWidget:
        tabs = QTabWidget()
        tabs.setAccessibleName("Notes and voices")
        tabs.tabBar().setAccessibleName("Side panels")
        for title, module, cls, with_store in SIDE_PANELS:
            widget = self._load_panel(module, cls, with_store)
            self.side_panels[title] = widget
            tabs.addTab(widget, title)
        return tabs

    def _load_panel(self, module: str, cls: str, with_store: bool) -> QWidget:
        """Another engineer's panel, imported only now; if it cannot load, say so in its place."""
        try:
            panel_class = getattr(importlib.import_module(module), cls)
            args = (self.bridge, self.store) if with_store else (self.bridge,)
            panel = panel_class(*args)
            if not isinstance(panel, QWidget):
                raise TypeError(f"{cls} is not a widget")
            return panel
        except Exception as exc:  # noqa: BLE001 (whatever breaks there must not take the console down)
            label = QLabel(f"This panel could not be loaded:\n{type(exc).__name__}: {exc}")
            label.setWordWrap(True)
            label.setFont(pixel_font(16))
            label.setAccessibleName("Panel not loaded")
            label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
            return label

    def _bind_shortcuts(self) -> None:
        for s in SHORTCUTS:
            sc = QShortcut(QKeySequence(s.keys), self)
            sc.setContext(Qt.ShortcutContext.WindowShortcut)
            sc.activated.connect(lambda s=s: self._shortcut(s))
            self.shortcuts.append(sc)

    def _shortcut(self, s: Shortcut) -> None:
        # Text fields take their own keys first; this check also covers fields that do not (spin boxes).
        if not s.always and (typing_in_text_field() or self.bridge.live.status == "ended"):
            return
        if not s.always and self.bridge.live.status == "ready":
            self.bridge.refused.emit("The meeting has not started yet: Start meeting (Enter) first")
            return
        getattr(self, s.method)()

    # ---- what the chair sees -----------------------------------------------------------------------------

    def refresh(self, *_: object) -> None:
        """One repaint: every time shown is computed now from the engine's clock (never from counted ticks)."""
        live = self.bridge.live
        now = live.now()
        self.speaker_panel.show_face(speaker_face(live, now))
        self.item_panel.show_face(item_face(live, now))
        self.forecast_panel.show_face(forecast_face(live, now))
        self.queue_panel.refresh(live, now)
        self.attendees.refresh(live, now)
        self.break_panel.refresh(live, now)
        self.rebalance_panel.refresh(live, now)
        self._refresh_controls(live)

    def _refresh_controls(self, live: LiveMeeting) -> None:
        running = live.status == "running"
        self.start_meeting_button.setVisible(live.status == "ready")
        for b in self.controls:
            b.setEnabled(running)
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
        self._sync_display_button()

    @staticmethod
    def _set_name(button: QPushButton, name: str, key: str) -> None:
        if button.accessibleName() != name:
            button.setAccessibleName(name)
            button.setText(f"{name.replace(' meeting', '')}\n{key}")

    def _on_changed(self, event: Event) -> None:
        live = self.bridge.live
        words = describe_event(live, event)
        if words:
            self.status.show_text(f"Done: {words}", "ok")
        if event.type == "end_meeting":
            self._meeting_ended(live)
        self.refresh()

    def _on_refused(self, message: str) -> None:
        self.status.show_text(f"Not done: {message}", "refused")

    def _on_clock_gap(self, seconds: float) -> None:
        self.gap_bar.show_text(clock_gap_text(seconds))

    def _on_save_problem(self, message: str) -> None:
        self.save_bar.show_text(save_problem_text(message) if message else "")

    def save_again(self) -> bool:
        """The chair's "Try saving again": write what is waiting now, and say how it went."""
        if self.bridge.save_again():
            self.status.show_text("Done: every change is saved", "ok")
            return True
        self.status.show_text(
            "Not done: saving failed again; the changes are kept in memory (export the record to be safe)",
            "refused",
        )
        return False

    def export_record(self) -> Path | None:
        """Write the meeting record (every event so far, saved or not) to a file the chair chooses.

        It comes from the engine in memory, not the database, so it works while the disk refuses writes.
        """
        live = self.bridge.live
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        chosen, _ = QFileDialog.getSaveFileName(
            self,
            "Export meeting record",
            str(Path(folder) / record_file_name(live)),
            "Meeting records (*.json);;All files (*)",
        )
        if not chosen:
            return None
        path = Path(chosen)
        try:
            path.write_text(json.dumps(record.write(live), ensure_ascii=False, indent=1), encoding="utf-8")
        except OSError as exc:
            self.status.show_text(f"Not done: the record could not be written to {path}: {exc}", "refused")
            return None
        self.status.show_text(f"Done: meeting record ({len(live.events)} events) exported to {path}", "ok")
        return path

    def _meeting_ended(self, live: LiveMeeting) -> None:
        self.end_bar.hide()
        self.summary_bar.show_text(ended_summary(live))
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    # ---- choosing people -------------------------------------------------------------------------------

    def chosen_person(self) -> tuple[str, str] | None:
        """Who Space and I act on: the person whose button has the focus, else the first in the queue."""
        key = self.attendees.focused_key()
        if key:
            return key, "focused"
        live = self.bridge.live
        if live.queue:
            return live.queue[0], "first in the queue"
        return None

    # ---- commands ---------------------------------------------------------------------------------------

    def start_meeting(self) -> None:
        if self.bridge.command("start_meeting") is not None:
            self.focus_home()

    def give_floor(self, key: str) -> None:
        # The engine takes a speaker out of the queue as their turn starts.
        self.bridge.command("speak", who=key)

    def toggle_speaker(self) -> None:
        live = self.bridge.live
        if live.turn is not None:
            self.bridge.command("stop_speaking")
            return
        chosen = self.chosen_person()
        if chosen is None:
            self.bridge.refused.emit("Nobody is chosen: add someone to the queue (Q) or Tab to their button")
            return
        self.give_floor(chosen[0])

    def next_speaker(self) -> None:
        live = self.bridge.live
        if not live.queue:
            self.bridge.refused.emit(
                "The queue is empty: add someone (Q) or give the floor from their button"
            )
            return
        self.give_floor(live.queue[0])

    def interject(self) -> None:
        chosen = self.chosen_person()
        if chosen is None:
            self.bridge.refused.emit(
                "Choose who interjects: Tab to their button, or queue them (Q), then press I"
            )
            return
        self.interject_by(chosen[0])

    def interject_by(self, key: str) -> None:
        self.bridge.command("interject", who=key)

    def extend(self) -> None:
        self.bridge.command("extend", seconds=EXTEND_S)

    def toggle_pause(self) -> None:
        self.bridge.command("resume" if self.bridge.live.paused else "pause")

    def next_item(self) -> None:
        self.bridge.command("next_item")

    def toggle_break(self) -> None:
        self.bridge.command("end_break" if self.bridge.live.brk.status == "running" else "start_break")

    def focus_queue(self) -> None:
        self.queue_panel.focus_search()

    def focus_rebalance(self) -> None:
        if self.rebalance_panel.isVisible():
            self.rebalance_panel.accept_button.setFocus(Qt.FocusReason.ShortcutFocusReason)
        else:
            self.bridge.refused.emit("No new timings are proposed: the meeting is not running over")

    def ask_end(self) -> None:
        self.end_bar.show()
        self.confirm_end_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def cancel_end(self) -> None:
        self.end_bar.hide()
        self.focus_home()

    def end_meeting(self) -> None:
        self.bridge.command("end_meeting")

    def focus_home(self) -> None:
        """Where the keyboard rests while the meeting runs: the queue (no person chosen by focus)."""
        self.queue_panel.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def leave_text_field(self) -> None:
        """Escape in a text field (notes, decision, action, feedback, a skip reason): back to the console's
        controls, so the single-key shortcuts work again. What was typed stays (notes save on leaving)."""
        status = self.bridge.live.status
        if status == "running":
            self.focus_home()
        elif status == "ready":
            self.start_meeting_button.setFocus(Qt.FocusReason.ShortcutFocusReason)
        else:
            self.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        # Text fields pass Escape on (they have no use for it), so it arrives here from any of them.
        if event.key() == Qt.Key.Key_Escape and typing_in_text_field():
            self.leave_text_field()
            event.accept()
            return
        super().keyPressEvent(event)

    def show_shortcuts(self) -> None:
        self.help.show()
        self.help.raise_()

    # ---- the speaker display ------------------------------------------------------------------------------

    def _fill_screens(self, *_: object) -> None:
        current = self.screen_choice.currentText()
        self.screen_choice.clear()
        for i, screen in enumerate(QGuiApplication.screens()):
            g = screen.geometry()
            self.screen_choice.addItem(
                f"Screen {i + 1}: {screen.name() or 'unnamed'} ({g.width()}×{g.height()})"
            )
        screens = QGuiApplication.screens()
        index = self.screen_choice.findText(current)
        # A second screen is most likely the projector: prefer it.
        self.screen_choice.setCurrentIndex(index if index >= 0 else (1 if len(screens) > 1 else 0))

    def chosen_screen(self) -> QScreen | None:
        screens = QGuiApplication.screens()
        i = self.screen_choice.currentIndex()
        return screens[i] if 0 <= i < len(screens) else (screens[0] if screens else None)

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
        name = "Hide speaker display" if self.display.isVisible() else "Show speaker display"
        if self.display_button.accessibleName() == name:
            return
        self.display_button.setText(name)
        self.display_button.setAccessibleName(name)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        if not self._split_sized:
            # Shown maximised or on another screen than planned: share out the width it really has, once
            # (after that the chair's own dragging of the divider stands).
            self._split_sized = True
            self._size_split(self.split.width())
        if self.bridge.live.status == "ready":
            self.start_meeting_button.setFocus(Qt.FocusReason.OtherFocusReason)
        elif self.bridge.live.status == "running":
            self.focus_home()

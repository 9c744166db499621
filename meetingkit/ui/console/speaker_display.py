"""The speaker display: a full-screen window for the room (name, time left, state in words, item, who is next)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QCloseEvent, QKeyEvent, QResizeEvent, QScreen, QShowEvent
from PySide6.QtWidgets import QStackedLayout, QVBoxLayout, QWidget

from meetingkit.models.queue_order import next_in_queue, spoken_here
from meetingkit.models.session import LiveMeeting
from meetingkit.ui.common.live_bridge import LiveBridge
from meetingkit.ui.console.display_covers import BlackoutCover, MessageCover, PulseRing
from meetingkit.ui.console.fit_labels import FitLabel
from meetingkit.ui.console.timer_faces import IDLE_TIME, SpeakerFace, speaker_face
from meetingkit.ui.console.timer_widgets import ColourPanel, StateBadge


def next_line(live: LiveMeeting) -> str:
    if live.status != "running":
        return ""
    key = next_in_queue(live)
    if key is None:
        return "Nobody in the queue"
    return f"Next: {live.meeting.person(key).name}"


def next_marks(live: LiveMeeting) -> str:
    """Under the next line: whether the next speaker speaks for the first time here, and is a public voice."""
    key = next_in_queue(live) if live.status == "running" else None
    if key is None:
        return ""
    here = "in the break" if live.brk.status == "running" else "on this item"
    marks = [f"first time {here}"] if key not in spoken_here(live) else []
    if live.meeting.person(key).is_public_voice:
        marks.append("patient and public representative")
    return " · ".join(marks).capitalize()


def item_line(live: LiveMeeting) -> str:
    if live.brk.status == "running":
        return "Patient and public feedback break"
    if live.current is not None:
        return live.meeting.item(live.current).title
    return live.meeting.title


class SpeakerDisplay(QWidget):
    """Follows the same bridge as the console; it has no controls, only what the room needs to read."""

    def __init__(self, bridge: LiveBridge, parent: QWidget | None = None) -> None:
        # The room's screen never takes the keyboard from the chair: shown without activating, it refuses
        # focus, and if a click (or a window manager) activates it anyway it hands the keys straight back.
        super().__init__(parent, Qt.WindowType.Window | Qt.WindowType.WindowDoesNotAcceptFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.bridge = bridge
        self.setWindowTitle("MeetingKit — speaker display")
        self.setAccessibleName("Speaker display")
        self.panel = ColourPanel("speakerDisplayPanel")
        self.item = FitLabel(56, bold=False)
        # Its own names: the display is a child of the console, which has a "Current item" and a
        # "Speaker time" too, and a screen reader (or a lookup by name) must not land on the hidden one.
        self.item.setAccessibleName("Speaker display item")
        self.badge = StateBadge(96, 72)
        self.name = FitLabel(96, bold=True)
        self.name.setAccessibleName("Speaker display speaker")
        self.time = FitLabel(320, bold=True, min_px=60)
        self.time.setAccessibleName("Speaker display time")
        self.detail = FitLabel(44, bold=False)
        self.detail.setAccessibleName("Speaker display turn details")
        self.next = FitLabel(56, bold=False)
        self.next.setAccessibleName("Speaker display next")
        self.marks = FitLabel(40, bold=False)
        self.marks.setAccessibleName("Speaker display next speaker's marks")
        for label in (self.item, self.name, self.time, self.detail, self.next, self.marks):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        inner = QVBoxLayout(self.panel)
        inner.setContentsMargins(40, 24, 40, 24)
        inner.addWidget(self.item)
        inner.addWidget(self.badge, 0, Qt.AlignmentFlag.AlignHCenter)
        inner.addWidget(self.name)
        inner.addWidget(self.time, 1)
        inner.addWidget(self.detail)
        inner.addWidget(self.next)
        inner.addWidget(self.marks)
        # The timers, or instead of them a message or a blackout the chair chose (DESIGN §3, issue 13).
        self.message_cover = MessageCover()
        self.blackout_cover = BlackoutCover(bridge.live.meeting.title)
        self.pages = QStackedLayout(self)
        self.pages.setContentsMargins(0, 0, 0, 0)
        for page in (self.panel, self.message_cover, self.blackout_cover):
            self.pages.addWidget(page)
        self.message = ""
        self.blackout = False
        self.ring = PulseRing(self)
        self.face: SpeakerFace | None = None
        self._time_px = 0
        bridge.tick.connect(self.refresh)
        bridge.changed.connect(self.refresh)
        self._scale_fonts(720)
        self.resize(1280, 720)
        self.refresh()

    def refresh(self, *_: object) -> None:
        if not self.isVisible() and self.face is not None:
            return  # nobody looks at a hidden display; it catches up when shown
        live = self.bridge.live
        face = speaker_face(live, live.now())
        self.face = face
        self.panel.paint_state(face.state)
        self.badge.show_state(face.state, face.words)
        self.item.setText(item_line(live))
        self.name.setText(face.name)
        self._size_time()
        self.time.setText(face.time_text)
        self.detail.setText(face.detail)
        self.next.setText(next_line(live))
        self.marks.setText(next_marks(live))

    def show_message(self, text: str) -> None:
        """Show `text` large instead of the timers until cleared (an empty text clears it)."""
        self.message = text.strip()
        if self.message:
            self.message_cover.show_text(self.message, self.height())
        self._show_page()

    def set_blackout(self, on: bool) -> None:
        self.blackout = on
        self._show_page()

    def _show_page(self) -> None:
        page = self.blackout_cover if self.blackout else self.message_cover if self.message else self.panel
        self.pages.setCurrentWidget(page)

    def pulse(self) -> None:
        """The attention cue's one gentle pulse (not while blacked out: the screen stays calm)."""
        if not self.blackout:
            self.ring.pulse()

    def show_on(self, screen: QScreen) -> None:
        """Full screen on `screen` (the projector, a second monitor, or the chair's own)."""
        if self.isFullScreen():
            self.showNormal()  # a full-screen window moves between screens only once it is normal again
        self.setScreen(screen)
        self.setGeometry(screen.geometry())
        # Not showFullScreen(), which also activates the window (taking the chair's keys): the state, then
        # a show that WA_ShowWithoutActivating keeps from activating.
        self.setWindowState(self.windowState() | Qt.WindowState.WindowFullScreen)
        self.show()
        self.refresh()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        self.refresh()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._scale_fonts(self.height())
        if self.message:
            self.message_cover.show_text(self.message, self.height())

    def _scale_fonts(self, height: int) -> None:
        """Text sized by the screen's height, so the time reads the same from the back of any room."""
        h = max(300, height)
        self.item.set_max_px(int(h * 0.06))
        self.name.set_max_px(int(h * 0.1))
        self._size_time()
        self.detail.set_max_px(int(h * 0.045))
        self.next.set_max_px(int(h * 0.065))
        self.marks.set_max_px(int(h * 0.04))
        self.badge.words.set_max_px(int(h * 0.075))

    def _size_time(self) -> None:
        """The time at a third of the screen's height; nobody speaking, a dash at an eighth (at full size
        it is a blank white slab, not a sign that nobody has the floor)."""
        idle = self.face is not None and self.face.time_text == IDLE_TIME
        px = int(max(300, self.height()) * (0.12 if idle else 0.32))
        if px != self._time_px:
            self._time_px = px
            self.time.set_max_px(px)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        super().changeEvent(event)
        if event.type() == QEvent.Type.ActivationChange and self.isActiveWindow():
            self._hand_back_keys()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        # No key here hides the room's display (Escape least of all): the console shows and hides it.
        self._hand_back_keys()
        event.accept()

    def _hand_back_keys(self) -> None:
        console = self.parentWidget()
        if console is not None and console.isVisible():
            console.activateWindow()
            console.raise_()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self.hide()
        event.ignore()  # the console owns the display; closing it only hides it

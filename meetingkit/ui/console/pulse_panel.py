"""Were you heard? on the chair's console (DESIGN §11): open the pulse at the end of the meeting (or at the end
of the feedback break), see how many have answered — never who — and close it, which records the counts.

The answers come from the room's devices (room/pulse_box.py holds them while the pulse is open); closing
writes one `pulse` event per question and group through the bridge, as every console command is written.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFrame, QHBoxLayout, QSizePolicy, QWidget

from meetingkit.models.pulse import beside_airtime
from meetingkit.models.session import LiveMeeting
from meetingkit.ui.common.live_bridge import LiveBridge
from meetingkit.ui.common.palette import banner_sheet
from meetingkit.ui.console.control_buttons import console_button
from meetingkit.ui.console.fit_labels import FitLabel

if TYPE_CHECKING:  # the room's server (and QtWebSockets) load when the console shares, not before
    from meetingkit.room.server import RoomServer


def may_record_pulse(live: LiveMeeting) -> bool:
    """The engine takes a pulse from the start until the minutes are approved (models/pulse_rules.py)."""
    return live.status != "ready" and live.approval is None


def at_end_of_break(live: LiveMeeting) -> bool:
    """The feedback break is under way, or has just ended: the item it gave way to is still current."""
    if live.status != "running":
        return False
    if live.brk.status == "running":
        return True
    ended = live.brk.ended_at
    if live.brk.status != "taken" or ended is None or live.current is None:
        return False
    run = live.items[live.current]  # under way when the break ended (resumed, or started by its end)
    return run.started_at is not None and run.started_at <= ended


def pulse_offered(live: LiveMeeting, taken: bool) -> bool:
    """At the end of the meeting while the minutes are draft; at the end of the break if none was `taken`."""
    if not may_record_pulse(live):
        return False
    if live.status == "ended":
        return True
    return at_end_of_break(live) and not taken


class PulsePanel(QFrame):
    """One row: what the pulse is doing, in words, and the button that moves it on."""

    def __init__(
        self,
        bridge: LiveBridge,
        server: RoomServer,
        say: Callable[[str], object] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """`say`: the console's status line (the chair's "Share with the room…" is just above)."""
        super().__init__(parent)
        self.bridge = bridge
        self.server = server
        self._say = say or (lambda _words: None)
        self._events_seen = -1  # the pulse figures are read again only when the meeting's log has grown
        self._taken: str | None = None
        self.setObjectName("pulsePanel")
        self.setStyleSheet(f"#pulsePanel {{ {banner_sheet('prompt')} border-radius: 8px; }}")
        self.words = FitLabel(18, bold=True, min_px=13)
        self.words.setAccessibleName("Pulse")
        self.open_button = console_button("Open the pulse", self.open_pulse, px=16)
        self.close_button = console_button("Close the pulse", self.close_pulse, px=16)
        for b in (self.open_button, self.close_button):
            b.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        row = QHBoxLayout(self)
        row.setContentsMargins(10, 3, 10, 3)
        row.addWidget(self.words, 1)
        row.addWidget(self.open_button)
        row.addWidget(self.close_button)
        server.pulse_changed.connect(lambda _n: self.refresh())
        server.sharing_changed.connect(lambda _on: self.refresh())
        self.refresh()

    # ---- what the chair sees ----------------------------------------------------------------------------

    def refresh(self, *_: object) -> None:
        live = self.bridge.live
        box = self.server.pulse
        if self.bridge.session.read_only:
            self.hide()
            return
        sharing = self.server.is_sharing
        if box.is_open:
            n = box.answered
            text = f"Pulse open: {n} answered so far"
            if not sharing:
                text += " — share with the room so that devices can answer"
        elif pulse_offered(live, self._pulse_taken(live) is not None):
            taken = self._pulse_taken(live)
            text = (
                f"Pulse taken — representatives: {taken}"
                if taken is not None
                else "Were you heard? Ask the room two questions, answered anonymously on their devices"
            )
        else:
            self.hide()
            return
        if self.words.text() != text:
            self.words.setText(text)
        self.open_button.setVisible(not box.is_open)
        self.close_button.setVisible(box.is_open)
        self.show()

    def _pulse_taken(self, live: LiveMeeting) -> str | None:
        """The representatives' answer to "Did you feel listened to?" (None: no pulse taken); read from the
        log once per new event, not at every repaint (a long meeting's log has many thousands)."""
        if len(live.events) != self._events_seen:
            self._events_seen = len(live.events)
            self._taken = beside_airtime(live.pulse_figures())
        return self._taken

    # ---- the chair's buttons ----------------------------------------------------------------------------

    def open_pulse(self) -> bool:
        if not may_record_pulse(self.bridge.live):
            self._say("The pulse is taken once the meeting has started, until its minutes are approved")
            return False
        if not self.server.open_pulse():
            self._say("The pulse is already open")
            return False
        self._say(
            "Pulse open: the room's devices show the two questions"
            if self.server.is_sharing
            else "Pulse open: share with the room so that devices can answer, or take a show of hands"
        )
        self.refresh()
        return True

    def close_pulse(self) -> int:
        """Close the pulse and record its counts; returns how many answered (0: nothing was recorded)."""
        if not self.server.pulse.is_open:
            return 0
        answered = self.server.pulse.answered
        counts = self.server.close_pulse()
        if not counts:
            # Nothing to record: "no answers" would read as if the room had been asked and stayed silent.
            self._say("Pulse closed: nobody answered, so nothing was recorded")
            self.refresh()
            return 0
        written = sum(self.bridge.command("pulse", **c.payload()) is not None for c in counts)
        if written == len(counts):
            self._say(f"Pulse closed: {answered} answer{'s' if answered != 1 else ''} recorded")
        self.refresh()
        return answered

    def close_before_exit(self) -> None:
        """The console is closing: an open pulse is closed and its answers recorded (nobody could answer it
        once the console, and the room view with it, has gone)."""
        if self.server.pulse.is_open:
            self.close_pulse()
